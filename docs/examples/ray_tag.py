"""Tag a Parquet corpus with Ray Data: `claimtag tag --workers N` spread over many machines.

    pip install "claimtag[parquet]" "ray[data]"
    python docs/examples/ray_tag.py news.parquet tagged/ --text-column body --id-column url

Output: Parquet files with one row per sentence and the columns of `claimtag tag --format csv`
(`article` = the value of --id-column, the key that joins the output back to the input,
probabilities, quantities as JSON, quote and speaker, model, model_version, mode; `row` is
empty: Ray Data has no input row numbers). Ray writes its blocks in no fixed order: sort by
(article, index), or join on `article`. A table without a key column needs one first (pyarrow:
`table.append_column("row", pa.array(range(table.num_rows)))`).

On one machine `ray.init()` starts a local cluster. On a real one: `ray start --head` on one
machine and `ray start --address=HEAD:6379` on the others, claimtag installed on every machine,
input and output where all of them can reach (s3://..., gs://..., a shared disk); then run
this script on the head node, or `ray job submit --working-dir docs/examples -- python
ray_tag.py s3://bucket/news.parquet s3://bucket/tagged/`. Each actor loads the model once
(int8 ONNX, no torch; one ONNX thread per actor) and tags 32 articles at a time.
"""

from __future__ import annotations

import argparse
import os

import pandas as pd
import ray

from claimtag.inference.formats import CSV_HEADER, Result, csv_rows, provenance
from claimtag.inference.tagger import Tagger


class TagArticles:
    """A Ray actor: one tagger, many batches of articles, one output row per sentence."""

    def __init__(self, model: str, fast: bool, text_column: str, id_column: str) -> None:
        os.environ.setdefault("CLAIMTAG_THREADS", "1")  # Ray gives each actor its share of a CPU, not all cores
        self.tagger = Tagger.from_pretrained(model, fast=fast)
        self.info = provenance(model, fast)
        self.text_column, self.id_column = text_column, id_column

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        texts = [t if isinstance(t, str) else "" for t in batch[self.text_column]]  # null or non-text: no rows
        tagged = self.tagger.tag_many(texts)
        results = [Result(str(key), s) for key, s in zip(batch[self.id_column], tagged, strict=True)]
        frame = pd.DataFrame([line for r in results for line in csv_rows(r, self.info)], columns=CSV_HEADER)
        for column in ("row", "speaker_start", "speaker_end"):  # "" where there is none: nullable integers
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
        return frame


def tag_parquet(
    source: str,
    out_dir: str,
    *,
    id_column: str,
    text_column: str = "text",
    model: str = "default",
    fast: bool = True,
    actors: int | None = None,
) -> int:
    """Tag every article of `source` into Parquet files under `out_dir`; return the sentence rows written."""
    import pyarrow.dataset as pads

    Tagger.from_pretrained(model, fast=fast)  # fail early on a bad model, and build its ONNX file once
    ray.init(ignore_reinit_error=True)
    cpus = int(ray.cluster_resources().get("CPU", 1))
    actors = actors or max(1, cpus - 1)
    # Actors that ask for every CPU leave none for the read and write tasks, and the pipeline
    # waits forever: with as many actors as CPUs, each asks for a share that keeps one free.
    per_actor = min(1.0, max(cpus - 1, 0.5) / actors)
    data = ray.data.read_parquet(source)
    total = data.count()  # from the Parquet metadata: nothing is tagged twice
    data = data.repartition(max(4 * actors, total // 500 + 1))  # one file would be one block for one actor
    tagged = data.map_batches(
        TagArticles,
        fn_constructor_kwargs={"model": model, "fast": fast, "text_column": text_column, "id_column": id_column},
        batch_format="pandas",
        batch_size=32,
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=per_actor,
    )
    tagged.write_parquet(out_dir)  # the pipeline runs once, here
    return pads.dataset(out_dir, format="parquet").count_rows()  # counted from the files' metadata


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parquet", help="input Parquet file or folder (local, s3://, gs://)")
    parser.add_argument("out_dir", help="output folder for the Parquet files")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--id-column", required=True, help="column naming each article: the output's key")
    parser.add_argument("--model", default="default")
    parser.add_argument("--actors", type=int, help="model replicas (default: the cluster's CPUs minus one)")
    parser.add_argument("--no-fast", action="store_true", help="torch fp32 instead of int8 ONNX")
    args = parser.parse_args()
    written = tag_parquet(
        args.parquet,
        args.out_dir,
        text_column=args.text_column,
        id_column=args.id_column,
        model=args.model,
        fast=not args.no_fast,
        actors=args.actors,
    )
    print(f"{written} sentence rows written to {args.out_dir}")


if __name__ == "__main__":
    main()
