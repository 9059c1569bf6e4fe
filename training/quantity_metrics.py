"""Score the quantity extractor (`inference.quantities`) against hand-marked spans: exact-span
precision/recall/F1 and how often the value of a matched span is right."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from claimtag.inference.quantities import extract_quantities
from claimtag.model.errors import ClaimtagError


def read_quantity_gold(path: str | Path) -> dict[tuple[str, int], list[dict]]:
    """Hand-marked quantities (TSV: doc_id, index, text, value, unit; `#` lines are comments)."""
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    gold: dict[tuple[str, int], list[dict]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        found = gold.setdefault((row["doc_id"], int(row["index"])), [])
        if row["text"]:
            found.append({"text": row["text"], "value": float(row["value"]) if row["value"] else None})
    return gold


def quantity_scores(rows: list[dict], gold: dict[tuple[str, int], list[dict]]) -> dict:
    """Exact-span P/R/F1 of `extract_quantities` on the sentences of `rows` with gold quantities, and
    how often the value of a matched span is right (within 0.1%)."""
    texts = {(r["doc_id"], r["index"]): r["text"] for r in rows}
    gold = {key: marks for key, marks in gold.items() if key in texts}
    if not gold:
        raise ClaimtagError("none of the sentences with hand-marked quantities is in the evaluated data")
    tp = n_pred = n_gold = right = valued = 0
    for key, marks in gold.items():
        spans = _gold_spans(texts[key], marks)
        predicted = {(q.start, q.end): q.value for q in extract_quantities(texts[key])}
        n_pred, n_gold = n_pred + len(predicted), n_gold + len(spans)
        for span, value in spans.items():
            if span in predicted:
                tp += 1
                if value is not None:
                    valued += 1
                    right += predicted[span] is not None and abs(predicted[span] - value) <= 1e-3 * abs(value)
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {
        "sentences": len(gold),
        "gold_quantities": n_gold,
        "span_precision": round(p, 4),
        "span_recall": round(r, 4),
        "span_f1": round(2 * p * r / max(p + r, 1e-9), 4),
        "value_accuracy": round(right / max(valued, 1), 4),
    }


def _gold_spans(text: str, marks: list[dict]) -> dict[tuple[int, int], float | None]:
    """Offsets of the marked quantities, found left to right as whole words."""
    spans, pos = {}, 0
    for mark in marks:
        tail = r"(?!\d)" if mark["text"][-1:].isdigit() else r"(?!\w)"  # `128` in `128GB`, not `a` in `wait`
        m = re.compile(rf"(?<!\w){re.escape(mark['text'])}{tail}").search(text, pos)
        if m is None:
            raise ClaimtagError(f"quantity {mark['text']!r} not found in {text[:60]!r}")
        spans[(m.start(), m.end())] = mark["value"]
        pos = m.end()
    return spans
