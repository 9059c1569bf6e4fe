"""ClaimBuster check-worthiness sentences (sentence_id, label 0/1, text) as claimtag data.

Mapping (documented in docs/data.md), used only for auxiliary training data:
    label 1 (check-worthy factual sentence) -> statistic if a quantity carries it
                                               (the rules baseline's quantity test), else claim
    label 0 (non-factual or unimportant)    -> context
Debate sentences are spoken, so attribution inside them is rare and not mapped to quote.
For evaluation the other way round, claimtag's labels are projected to check-worthy =
{claim, statistic, quote} and not = {context}, as the ClaimBuster papers score the
positive class.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from claimtag.model.baselines import has_quantity
from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import CLAIM, CONTEXT, LABEL2ID, STATISTIC


def read_claimbuster(path: str | Path) -> list[dict]:
    """Validated rows of a ClaimBuster JSON file (a list of {sentence_id, label, text})."""
    path = Path(path)
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ClaimtagError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ClaimtagError(f"{path}: not a ClaimBuster JSON file ({err})") from None
    if not isinstance(rows, list):
        raise ClaimtagError(f"{path}: expected a JSON list of {{sentence_id, label, text}}")
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or row.get("label") not in (0, 1) or not str(row.get("text", "")).strip():
            raise ClaimtagError(f"{path}: row {i}: expected label 0 or 1 and non-empty text")
    return rows


def to_claimtag(rows: list[dict]) -> list[dict]:
    """Sentence rows with claimtag labels (each debate sentence its own document)."""
    return [
        {
            "doc_id": f"claimbuster-{row.get('sentence_id', i)}",
            "index": 0,
            "text": row["text"],
            "label": (STATISTIC if has_quantity(row["text"]) else CLAIM) if row["label"] == 1 else CONTEXT,
        }
        for i, row in enumerate(rows)
    ]


def checkworthy_scores(probs: np.ndarray, gold: np.ndarray) -> dict:
    """Precision, recall and F1 of the check-worthy class when context = 0 and the rest = 1."""
    pred = (probs.argmax(axis=1) != LABEL2ID[CONTEXT]).astype(int)
    gold = np.asarray(gold).astype(int)
    tp = int(((pred == 1) & (gold == 1)).sum())
    precision = tp / max(int(pred.sum()), 1)
    recall = tp / max(int(gold.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": int(len(gold)),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": float((pred == gold).mean()),
    }
