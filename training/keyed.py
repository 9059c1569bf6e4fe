"""Labels kept apart from the text they label: rows keyed by (doc_id, index, sha1).

Used for annotations of corpora we may not copy (the GUM and Wikinews articles): the repo
holds the labels, the user's copy of the source holds the text, and a changed or missing
sentence is an error rather than a silently shifted label.

Two keys, by what the source gives:
- the source has `sentences` (GUM's human boundaries): `index` picks the sentence;
- the source has only `text` (Wikinews): `start`/`end` are character offsets into it and
  `paragraph` its paragraph, so the labels do not depend on any version of our splitter.
Either way `sha1` must match the sentence's text. An optional `split` column (train, dev,
test) fixes the held-out split of every article, once, in the file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from claimtag.inference.reading import jsonl_rows
from claimtag.model.errors import ClaimtagError


def sentence_hash(text: str) -> str:
    """The short key that ties a label to its sentence: 10 hex digits of SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def join_keyed(rows: list[dict], labels: Path, source: Path | None) -> list[dict]:
    """Join keyed label rows with the source articles (JSONL: doc_id, sentences[{text, paragraph}])."""
    if source is None:
        raise ClaimtagError(f"{labels}: keyed labels (doc_id, index, sha1) need the source articles: pass a source")
    articles = _read_source(source)
    out: dict[str, dict] = {}
    for rowno, row in enumerate(rows, 1):
        where = f"{labels}: row {rowno}"
        doc = articles.get(row.get("doc_id", ""))
        if doc is None:
            raise ClaimtagError(f"{where}: doc {row.get('doc_id')!r} is not in {source}")
        sent, index = _sentence(doc, row, where, source)
        if sentence_hash(sent["text"]) != row["sha1"]:
            raise ClaimtagError(f"{where}: sentence {index} of {row['doc_id']} changed in {source} (hash mismatch)")
        article = out.setdefault(row["doc_id"], {"doc_id": row["doc_id"], "sentences": []})
        if row.get("split"):
            article["split"] = row["split"]
        article["sentences"].append(
            {
                "text": sent["text"],
                "label": row["label"],
                "paragraph": sent.get("paragraph", 0),
                "speaker": row.get("speaker"),
                "quote_id": row.get("quote_id"),
            }
        )
    return list(out.values())


def _sentence(doc: dict, row: dict, where: str, source: Path) -> tuple[dict, int]:
    """The keyed sentence of a source article: by index, or by offsets into its text."""
    index = int(row["index"])
    if "sentences" in doc:
        if not 0 <= index < len(doc["sentences"]):
            raise ClaimtagError(f"{where}: {row['doc_id']} has no sentence {index} in {source}")
        return doc["sentences"][index], index
    start, end = int(row["start"]), int(row["end"])
    if not 0 <= start < end <= len(doc.get("text", "")):
        raise ClaimtagError(f"{where}: offsets {start}:{end} lie outside {row['doc_id']} in {source}")
    return {"text": doc["text"][start:end], "paragraph": int(row.get("paragraph") or 0)}, index


def _read_source(source: Path) -> dict[str, dict]:
    if not source.is_file():
        raise ClaimtagError(f"{source}: source articles not found (keyed labels need the original text)")
    try:
        docs = list(jsonl_rows(source))
    except UnicodeDecodeError as err:
        raise ClaimtagError(f"{source}: unreadable source articles ({err})") from None
    return {d["doc_id"]: d for d in docs}
