"""Tag a Parquet corpus with Ray Data: `claimtag tag --workers N` spread over many machines.

    pip install "ray[data]"
    python docs/examples/ray_tag.py news.parquet tagged/ --text-column body --id-column url

On one machine `ray.init()` starts a local cluster; on a real one, run the same script with
RAY_ADDRESS pointing at it (or submit it as a Ray job). Each actor loads the model once
(`--fast`: the int8 ONNX path, no torch) and tags batches of articles; the output is one
Parquet row per sentence, like `claimtag tag --format csv`.
"""

from __future__ import annotations

import argparse
import os

import pandas as pd
import ray

from claimtag.inference.tagger import Tagger


class TagArticles:
    """A Ray actor: one tagger, many batches of articles."""

    def __init__(self, model: str, fast: bool) -> None:
        self.tagger = Tagger.from_pretrained(model, fast=fast)

    def __call__(self, batch: pd.DataFrame, text_column: str, id_column: str) -> pd.DataFrame:
        tagged = self.tagger.tag_many(batch[text_column].fillna("").tolist())
        rows = [
            {"article": str(name), **{k: v for k, v in s.to_dict().items() if k not in ("probs", "quantities")}}
            for name, sentences in zip(batch[id_column], tagged, strict=True)
            for s in sentences
        ]
        return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parquet")
    parser.add_argument("out_dir")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--id-column", default="id")
    parser.add_argument("--model", default="default")
    spare = max(1, (os.cpu_count() or 2) - 1)  # one core stays free for the read and write tasks
    parser.add_argument("--actors", type=int, default=spare, help=f"model replicas, one CPU each (default {spare})")
    parser.add_argument("--slow", action="store_true", help="torch fp32 instead of int8 ONNX")
    args = parser.parse_args()

    Tagger.from_pretrained(args.model, fast=not args.slow)  # build the cached ONNX file once, up front
    ray.init()
    tagged = ray.data.read_parquet(args.parquet).map_batches(
        TagArticles,
        fn_constructor_kwargs={"model": args.model, "fast": not args.slow},
        fn_kwargs={"text_column": args.text_column, "id_column": args.id_column},
        batch_format="pandas",
        batch_size=32,
        concurrency=args.actors,
        num_cpus=1,
    )
    tagged.write_parquet(args.out_dir)
    print(f"{tagged.count()} sentences written to {args.out_dir}")


if __name__ == "__main__":
    main()
