"""ClaimBuster format: the documented mapping in, the check-worthy projection out."""

import json
from pathlib import Path

import numpy as np
import pytest

from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import LABEL2ID, LABELS
from claimtag.training.claimbuster import checkworthy_scores
from claimtag.training.corpus import load_corpus

ROWS = [
    {"sentence_id": 1, "label": 1, "text": "Unemployment has fallen to 4 percent."},
    {"sentence_id": 2, "label": 1, "text": "My opponent voted against the highway bill."},
    {"sentence_id": 3, "label": 0, "text": "Thank you all for coming tonight."},
]


def test_mapping(tmp_path: Path) -> None:
    path = tmp_path / "cb.json"
    path.write_text(json.dumps(ROWS), encoding="utf-8")
    train = load_corpus(path, fmt="claimbuster")["train"]
    assert [LABELS[i] for i in train["label"]] == ["statistic", "claim", "context"]
    assert len(set(train["doc_id"])) == 3


def test_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "cb.json"
    path.write_text(json.dumps([{"sentence_id": 1, "label": 2, "text": "x"}]), encoding="utf-8")
    with pytest.raises(ClaimtagError, match="row 1: expected label 0 or 1"):
        load_corpus(path, fmt="claimbuster")


def test_checkworthy_projection() -> None:
    # predicted: claim, quote, context, context; gold: 1, 0, 1, 0
    pred = [LABEL2ID["claim"], LABEL2ID["quote"], LABEL2ID["context"], LABEL2ID["context"]]
    probs = np.eye(len(LABELS))[pred]
    s = checkworthy_scores(probs, np.array([1, 0, 1, 0]))
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(0.5)
    assert s["accuracy"] == pytest.approx(0.5)
