"""Tag a large corpus (Parquet, JSONL, or a saved `datasets` dataset) in bounded memory.

    claimtag tag news.parquet --text-column body --id-column url --workers 2 --output tagged.jsonl

Articles are read in chunks (Parquet row batches, JSONL lines, or a memory-mapped Arrow
dataset), tagged by one process or by `--workers` processes that each load the model once,
and written as they come (one JSON line or CSV row per sentence, in input order), so memory
stays flat however large the input. Many machines: docs/performance.md shows the same job on
Ray Data.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from claimtag.inference.reading import jsonl_rows
from claimtag.model.errors import ClaimtagError, needs_extra

TABLE_SUFFIXES = (".parquet", ".jsonl")


def is_table(path: str) -> bool:
    """Whether a path is a corpus of articles (rather than one article)."""
    p = Path(path)
    return p.suffix.lower() in TABLE_SUFFIXES or (p.is_dir() and (p / "dataset_info.json").exists())


def read_articles(path: str, text_column: str, id_column: str | None) -> tuple[Iterator[tuple[str, str]], int]:
    """(article id, text) pairs streamed from a table, and how many there are."""
    p = Path(path)
    if p.suffix.lower() == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ModuleNotFoundError as err:
            raise needs_extra(err, "reading Parquet", "parquet") from None

        source = pq.ParquetFile(p)
        _check_columns(path, source.schema_arrow.names, text_column, id_column)
        columns = [c for c in (text_column, id_column) if c]
        rows = (r for batch in source.iter_batches(batch_size=256, columns=columns) for r in batch.to_pylist())
        total = source.metadata.num_rows
    elif p.suffix.lower() == ".jsonl":
        with p.open(encoding="utf-8") as f:
            total = sum(1 for line in f if line.strip())
        first = next(jsonl_rows(p), None)  # a wrong column is an error before any output is opened
        if first is not None:
            _check_columns(path, list(first), text_column, id_column)
        rows = jsonl_rows(p)
    else:
        try:
            from datasets import load_from_disk
        except ModuleNotFoundError as err:
            raise needs_extra(err, "reading a saved datasets folder") from None

        data = load_from_disk(str(p))
        if hasattr(data, "keys"):  # a DatasetDict: every split, in order
            from datasets import concatenate_datasets

            data = concatenate_datasets(list(data.values()))
        _check_columns(path, data.column_names, text_column, id_column)
        rows, total = iter(data), len(data)
    return _pairs(path, rows, text_column, id_column), total


def _check_columns(path: str, names: list[str], text_column: str, id_column: str | None) -> None:
    missing = [c for c in (text_column, id_column) if c and c not in names]
    if missing:
        raise ClaimtagError(f"{path}: no column {missing[0]!r} (columns: {', '.join(names)}); see --text-column")


def _pairs(path: str, rows: Iterator[dict], text_column: str, id_column: str | None) -> Iterator[tuple[str, str]]:
    for n, row in enumerate(rows):
        if text_column not in row:
            raise ClaimtagError(f"{path}: row {n + 1} has no {text_column!r} field; see --text-column")
        text = row[text_column]
        yield (str(row[id_column]) if id_column else str(n)), ("" if text is None else str(text))


def tag_stream(
    articles: Iterator[tuple[str, str]], tagger_args: dict, *, workers: int = 1, chunk: int = 32
) -> Iterator[tuple[str, list]]:
    """(article id, tagged sentences) in input order; at most 2 chunks per worker in memory."""
    chunks = iter(lambda: list(islice(articles, chunk)), [])
    if workers <= 1:
        from claimtag.inference.tagger import Tagger

        tagger = Tagger.from_pretrained(**tagger_args)
        for part in chunks:
            yield from zip((i for i, _ in part), tagger.tag_many([t for _, t in part]), strict=True)
        return
    import multiprocessing

    if tagger_args.get("fast"):  # build the cached ONNX file once, before the workers load it
        _export_once(tagger_args.get("path_or_name", "default"))
    threads = max(1, (os.cpu_count() or 1) // workers)
    ctx = multiprocessing.get_context("spawn")  # no forked torch state
    with ctx.Pool(workers, initializer=_start_worker, initargs=(tagger_args, threads)) as pool:
        pending: deque = deque()
        for part in chunks:
            pending.append(pool.apply_async(_tag_chunk, (part,)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _export_once(path_or_name: str) -> None:
    """Export a transformer folder's int8 ONNX file if it is not cached yet (other kinds have none)."""
    from claimtag.inference.onnx import ensure_exported
    from claimtag.model.folder import read_meta, resolve_model_path

    path = resolve_model_path(path_or_name)
    if read_meta(path).get("kind") == "transformer":
        ensure_exported(path)


_WORKER: dict = {}


def _start_worker(tagger_args: dict, threads: int) -> None:
    os.environ["CLAIMTAG_THREADS"] = str(threads)
    from claimtag.inference.tagger import Tagger

    if not tagger_args.get("fast"):
        import torch

        torch.set_num_threads(threads)
    _WORKER["tagger"] = Tagger.from_pretrained(**tagger_args)


def _tag_chunk(part: list[tuple[str, str]]) -> list[tuple[str, list]]:
    tagged = _WORKER["tagger"].tag_many([t for _, t in part])
    return list(zip((i for i, _ in part), tagged, strict=True))
