"""Train/dev/test by document (no article in two splits), seeded and label-stratified."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from datasets import Dataset, DatasetDict
from sklearn.model_selection import StratifiedGroupKFold

from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import LABELS
from claimtag.training.markdown import markdown_table


def split_by_document(data: Dataset, *, dev_size: float = 0.1, test_size: float = 0.1, seed: int = 0) -> DatasetDict:
    """Split sentence rows into train/dev/test so that each document lands in one split."""
    docs = data.unique("doc_id")
    if len(docs) < 3:
        raise ClaimtagError(f"need at least 3 documents to split by document, got {len(docs)}")
    rest, test = _hold_out(data, np.arange(len(data)), test_size, seed)
    train, dev = _hold_out(data, rest, dev_size / (1 - test_size), seed)
    return DatasetDict({"train": data.select(train), "dev": data.select(dev), "test": data.select(test)})


def _hold_out(data: Dataset, rows: np.ndarray, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Hold out about `fraction` of the documents among `rows`, keeping label shares alike."""
    groups = np.asarray(data["doc_id"])[rows]
    n_docs = len(set(groups))
    n_splits = min(max(2, round(1 / fraction)), n_docs)
    labels = np.asarray(data["label"])[rows]
    folds = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    keep, held = next(folds.split(rows, labels, groups))
    return rows[keep], rows[held]


def ensure_splits(data: DatasetDict, *, dev_size: float, test_size: float, seed: int) -> DatasetDict:
    """Return `data` with train/dev/test: kept when the corpus names them, else split by document."""
    if {"train", "dev", "test"} <= set(data):
        return data
    if set(data) != {"train"}:
        raise ClaimtagError(f"corpus has splits {sorted(data)}: expected train/dev/test or one unsplit set")
    return split_by_document(data["train"], dev_size=dev_size, test_size=test_size, seed=seed)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def cross_split_duplicates(data: DatasetDict) -> list[tuple[str, list[str]]]:
    """Exact duplicate sentences (whitespace folded) found in more than one split."""
    where: dict[str, set[str]] = {}
    for name, split in data.items():
        for text in split["text"]:
            where.setdefault(_norm(text), set()).add(name)
    return sorted((text, sorted(names)) for text, names in where.items() if len(names) > 1)


def stats_table(data: DatasetDict) -> str:
    """A Markdown table of documents, sentences and label counts (with shares) per split."""
    rows = []
    for name, split in data.items():
        counts, n = Counter(split["label"]), len(split)
        cells = [f"{counts[i]} ({counts[i] / n:.0%})" for i in range(len(LABELS))]
        rows.append([name, len(set(split["doc_id"])), n, *cells])
    return markdown_table(["split", "docs", "sentences", *LABELS], rows)
