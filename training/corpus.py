"""Labeled corpora in: CSV, TSV, JSONL, Parquet, the hand-writing format, or a saved
`datasets` folder -> a validated `datasets.DatasetDict` of sentence rows.

Two shapes are accepted: sentence rows (`text`, `label`, optional `doc_id`, `index`,
`paragraph`, `speaker`, `quote_id`) and article rows (`doc_id`, `sentences: [{text,
label, ...}]`). Either way each row of the result is one sentence that keeps its
document and position, so document context is never lost.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from datasets import ClassLabel, Dataset, DatasetDict, Features, Value, load_from_disk

from claimtag.inference.reading import jsonl_rows
from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import LABELS, QUOTE, LabelError, parse_label
from claimtag.model.quotation import quote_states
from claimtag.training.authoring import parse_authored
from claimtag.training.keyed import join_keyed

FEATURES = Features(
    {
        "doc_id": Value("string"),
        "index": Value("int32"),
        "text": Value("string"),
        "label": ClassLabel(names=list(LABELS)),
        "paragraph": Value("int32"),
        "in_quote": Value("bool"),
        "speaker": Value("string"),
        "quote_id": Value("string"),
    }
)
SUFFIXES = (".csv", ".tsv", ".jsonl", ".json", ".parquet", ".txt")


class CorpusError(ClaimtagError):
    """A corpus file that cannot be read or does not validate."""


def load_corpus(path: str | Path, *, source: str | Path | None = None, fmt: str = "auto") -> DatasetDict:
    """Read and validate a corpus file or folder into a DatasetDict (splits kept if present).

    `source` is the articles file that keyed labels (doc_id, index, sha1; no text) refer to;
    `fmt="claimbuster"` reads a ClaimBuster JSON file through its documented label mapping.
    """
    path = Path(path)
    source = Path(source) if source else None
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir() and not _is_saved_dataset(path):
        files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES)
        if not files:
            raise CorpusError(f"{path}: folder holds no corpus files ({', '.join(SUFFIXES)})")
        return _merge([load_corpus(f, source=source) for f in files], path)
    if fmt == "claimbuster":
        from claimtag.training.claimbuster import read_claimbuster, to_claimtag

        return DatasetDict({"train": _to_dataset(to_claimtag(read_claimbuster(path)), path)})
    splits = _read(path, source)
    return DatasetDict({name: _to_dataset(rows, path) for name, rows in splits.items()})


def _merge(parts: list[DatasetDict], path: Path) -> DatasetDict:
    """Concatenate the same-named splits of several corpora, refusing clashing doc ids."""
    from datasets import concatenate_datasets

    names = {name for part in parts for name in part}
    merged = DatasetDict({n: concatenate_datasets([p[n] for p in parts if n in p]) for n in sorted(names)})
    seen: set[str] = set()
    for part in parts:
        docs = {d for split in part.values() for d in split["doc_id"]}
        if clash := seen & docs:
            raise CorpusError(f"{path}: doc_id {sorted(clash)[0]!r} appears in two files")
        seen |= docs
    return merged


def _is_saved_dataset(path: Path) -> bool:
    return any((path / name).exists() for name in ("dataset_dict.json", "dataset_info.json"))


def _read(path: Path, source: Path | None = None) -> dict[str, list[dict]]:
    """Read raw rows, keyed by split name ('train' unless the source names splits)."""
    if path.is_dir():
        return _read_saved(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(f"{path}: empty file, no rows")
    if b"\x00" in raw[:8192] and path.suffix != ".parquet":
        raise CorpusError(f"{path}: binary file, expected text ({path.suffix or 'no suffix'})")
    if path.suffix == ".parquet":
        return _by_split(_read_parquet(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not UTF-8 (byte {err.start}); re-save it as UTF-8") from None
    if path.suffix in (".csv", ".tsv"):
        rows = _read_csv(text, "\t" if path.suffix == ".tsv" else ",")
        if rows and "sha1" in rows[0] and "text" not in rows[0]:
            return _by_split(join_keyed(rows, path, source))
        return _by_split(rows)
    if path.suffix in (".jsonl", ".json"):
        return _by_split(_read_jsonl(text, path))
    if path.suffix == ".txt":
        return _by_split(parse_authored(text, str(path)))
    raise CorpusError(f"{path}: unsupported file type (use {', '.join(SUFFIXES)} or a datasets folder)")


def _read_csv(text: str, delimiter: str) -> list[dict]:
    """Rows of a CSV/TSV; `#` comment lines before the header are skipped."""
    lines = text.splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return list(csv.DictReader(lines, delimiter=delimiter))


def _read_jsonl(text: str, path: Path) -> list[dict]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            return json.loads(stripped)
        except json.JSONDecodeError as err:
            raise CorpusError(f"{path}: invalid JSON ({err.msg}, line {err.lineno})") from None
    return list(jsonl_rows(path, text, CorpusError))


def _read_parquet(path: Path) -> list[dict]:
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path).to_pylist()
    except Exception as err:  # pyarrow raises several types for corrupt files
        raise CorpusError(f"{path}: unreadable Parquet ({err})") from None


def _read_saved(path: Path) -> dict[str, list[dict]]:
    try:
        saved = load_from_disk(str(path))
    except Exception as err:  # datasets raises several types for broken folders
        raise CorpusError(f"{path}: unreadable datasets folder ({err})") from None
    parts = saved if isinstance(saved, DatasetDict) else {"train": saved}
    out = {}
    for name, ds in parts.items():
        names = ds.features["label"].names if isinstance(ds.features.get("label"), ClassLabel) else None
        out[name] = [{**row, "label": names[row["label"]]} if names else row for row in ds.to_list()]
    return out


def _by_split(rows: list[dict]) -> dict[str, list[dict]]:
    """Group rows by an optional `split` column."""
    if not rows:
        return {"train": []}
    if not any("split" in row for row in rows):
        return {"train": rows}
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(str(row.pop("split", None) or "train"), []).append(row)
    return groups


def _to_dataset(rows: list[dict], path: Path) -> Dataset:
    if not rows:
        raise CorpusError(f"{path}: no rows")
    columns = set(rows[0])
    if "sentences" in columns:
        sentences = list(_from_articles(rows, path))
    elif {"text", "label"} <= columns:
        sentences = [_sentence(row, f"{path}: row {i}", i) for i, row in enumerate(rows, 1)]
    else:
        raise CorpusError(
            f"{path}: wrong columns {sorted(columns)}: expected sentence rows "
            "(text, label[, doc_id, index]) or article rows (doc_id, sentences)"
        )
    return Dataset.from_list(_order_documents(sentences, path), features=FEATURES)


def _from_articles(rows: list[dict], path: Path) -> Iterable[dict]:
    for i, row in enumerate(rows, 1):
        where = f"{path}: row {i}"
        doc_id = str(row.get("doc_id") or "").strip()
        if not doc_id:
            raise CorpusError(f"{where}: article without a doc_id")
        if not isinstance(row["sentences"], list) or not row["sentences"]:
            raise CorpusError(f"{where} (doc {doc_id!r}): 'sentences' must be a non-empty list")
        for j, sent in enumerate(row["sentences"]):
            if not isinstance(sent, dict):
                raise CorpusError(f"{where} (doc {doc_id!r}), sentence {j}: expected {{text, label}}")
            yield _sentence({**sent, "doc_id": doc_id, "index": j}, f"{where} (doc {doc_id!r}), sentence {j}", i)


def _sentence(row: dict, where: str, rowno: int) -> dict:
    """Validate one sentence row and return it with every column filled."""
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{where}: empty text")
    try:
        label = parse_label(row.get("label"))
    except LabelError as err:
        raise CorpusError(f"{where}: {err}") from None
    speaker, quote_id = _optional(row.get("speaker")), _optional(row.get("quote_id"))
    speaker = None if speaker == "?" else speaker  # `?`: the article does not say who (docs/data.md)
    if label != QUOTE and (speaker or quote_id):
        raise CorpusError(f"{where}: speaker/quote_id given for a {label} sentence (quotes only)")
    return {
        "doc_id": _optional(row.get("doc_id")) or f"row-{rowno}",
        "index": _int(row.get("index"), -1, where),
        "text": text,
        "label": label,
        "paragraph": _int(row.get("paragraph"), 0, where),
        "in_quote": False,
        "speaker": speaker,
        "quote_id": quote_id,
    }


def _optional(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):  # NaN from pandas
        return None
    text = str(value).strip()
    return text or None


def _int(value: object, default: int, where: str) -> int:
    if _optional(value) is None:
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise CorpusError(f"{where}: expected a whole number, got {value!r}") from None


def _check_runs(doc: list[dict], where: str) -> None:
    """The sentences of one quotation (quote_id) name one speaker."""
    speakers: dict[str, str | None] = {}
    for sent in doc:
        run = sent.get("quote_id")
        if run is None:
            continue
        first = speakers.setdefault(run, sent.get("speaker"))
        if first != sent.get("speaker"):
            raise CorpusError(
                f"{where}: quote_id {run!r} has two speakers ({first!r} and {sent.get('speaker')!r}) "
                f"at sentence {sent['index']}"
            )


def _order_documents(sentences: list[dict], path: Path) -> list[dict]:
    """Sentences grouped by document in reading order, with `index` and `in_quote` filled."""
    docs: dict[str, list[dict]] = {}
    for sent in sentences:
        doc = docs.setdefault(sent["doc_id"], [])
        if sent["index"] < 0:
            sent["index"] = len(doc)
        doc.append(sent)
    for doc_id, doc in docs.items():
        doc.sort(key=lambda s: s["index"])
        for a, b in zip(doc, doc[1:], strict=False):
            if a["index"] == b["index"]:
                raise CorpusError(f"{path}: doc {doc_id!r} has two sentences with index {a['index']}")
        flags = quote_states([s["text"] for s in doc], [s["paragraph"] for s in doc])
        for sent, flag in zip(doc, flags, strict=True):
            sent["in_quote"] = flag
        _check_runs(doc, f"{path}: doc {doc_id!r}")
    return [sent for doc in docs.values() for sent in doc]
