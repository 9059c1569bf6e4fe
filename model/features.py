"""What the classifier sees of a sentence: its text, optionally its neighbours, and a few
cheap document features. Training and inference both go through here, so a model always
sees its inputs built the same way."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from claimtag.model.labels import LABELS, QUOTE
from claimtag.model.quotation import QUOTE_CHARS

FEATURE_NAMES = ("in_quote", "opens_with_quote", "has_quote_mark", "first_in_paragraph", "no_final_punct")
_FINAL = ".!?…\"'”’)"
# A double quotation mark, or a single one that is not an apostrophe inside a word.
_QUOTE_MARK = re.compile(r"[\"“”„«»‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z])")


def sentence_features(records: list[dict]) -> np.ndarray:
    """Float features [n, len(FEATURE_NAMES)] for sentence records in reading order."""
    rows = []
    previous = None
    for rec in records:
        text = rec["text"].strip()
        first = (
            previous is None
            or previous.get("doc_id") != rec.get("doc_id")
            or (previous.get("paragraph") != rec.get("paragraph"))
        )
        rows.append(
            [
                float(bool(rec.get("in_quote"))),
                float(text[:1] in QUOTE_CHARS),
                float(bool(_QUOTE_MARK.search(text))),
                float(first),
                float(text[-1:] not in _FINAL),
            ]
        )
        previous = rec
    return np.asarray(rows, dtype=np.float32).reshape(len(records), len(FEATURE_NAMES))


def article_spans(doc_ids: Sequence[object]) -> list[tuple[int, int]]:
    """[start, end) of each run of consecutive sentences of one article, in reading order."""
    spans, start = [], 0
    for end in range(1, len(doc_ids) + 1):
        if end == len(doc_ids) or doc_ids[end] != doc_ids[end - 1]:
            spans.append((start, end))
            start = end
    return spans


def neighbours(records: list[dict]) -> list[str]:
    """The previous and next sentence of each record within its document, joined by ' || '."""
    out = []
    for i, rec in enumerate(records):
        prev = records[i - 1]["text"] if i > 0 and records[i - 1].get("doc_id") == rec.get("doc_id") else ""
        nxt = (
            records[i + 1]["text"] if i + 1 < len(records) and records[i + 1].get("doc_id") == rec.get("doc_id") else ""
        )
        out.append(f"{prev} || {nxt}")
    return out


def continue_quotations(records: list[dict], probs: np.ndarray) -> np.ndarray:
    """The guide's rule for sentences that start inside an open quotation: they are quotes.

    The splitter's `in_quote` flag marked only quote sentences in all 485 such sentences of the
    team corpus and the GUM annotations, so the rule overrides the network there (the network
    sometimes misses a continuation with no quotation mark of its own).
    """
    inside = np.array([bool(r.get("in_quote")) for r in records])
    if inside.any():
        quote = np.zeros(len(LABELS), dtype=probs.dtype)
        quote[LABELS.index(QUOTE)] = 1.0
        probs[inside] = 0.98 * quote + 0.02 * probs[inside]
    return probs
