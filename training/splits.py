"""Train/dev/test by document (no article in two splits), seeded and label-stratified."""

from __future__ import annotations

import re
import warnings
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
    """Hold out about `fraction` of the documents among `rows`, keeping label shares alike
    (on a corpus too small to stratify, simply a seeded random share of its documents)."""
    groups = np.asarray(data["doc_id"])[rows]
    docs = np.unique(groups)
    n_splits = min(max(2, round(1 / fraction)), len(docs))
    labels = np.asarray(data["label"])[rows]
    if np.bincount(labels).max() >= n_splits:
        with warnings.catch_warnings():  # "the least populated class has only N members": expected on small data
            warnings.simplefilter("ignore", UserWarning)
            folds = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
            keep, held = next(folds.split(rows, labels, groups))
        return rows[keep], rows[held]
    chosen = np.random.default_rng(seed).permutation(docs)[: max(1, round(fraction * len(docs)))]
    held_mask = np.isin(groups, chosen)
    return rows[~held_mask], rows[held_mask]


def ensure_splits(data: DatasetDict, *, dev_size: float, test_size: float, seed: int) -> DatasetDict:
    """Return `data` with train/dev/test: kept when the corpus names them, else split by document."""
    if {"train", "dev", "test"} <= set(data):
        return data
    if set(data) != {"train"}:
        raise ClaimtagError(f"corpus has splits {sorted(data)}: expected train/dev/test or one unsplit set")
    return split_by_document(data["train"], dev_size=dev_size, test_size=test_size, seed=seed)


FEW_DOCUMENTS = 5


def split_warnings(data: DatasetDict) -> list[str]:
    """What makes a split's numbers unreliable: corpora without doc_id (`id_warnings`) and
    held-out splits of too few documents (`size_warnings`)."""
    return id_warnings(data) + size_warnings(data)


def id_warnings(data: DatasetDict) -> list[str]:
    """A warning when a corpus has no doc_id (sentences of one article then land in train and test)."""
    docs = {d for split in data.values() for d in split["doc_id"]}
    if len(docs) > 1 and all(re.fullmatch(r"row-\d+", d) for d in docs):  # ids the loader made up (corpus.py)
        return [
            "no doc_id column: every sentence counts as its own document, so sentences of one article may "
            "land in both train and test, which flatters the scores; add doc_id (and index) columns"
        ]
    return []


def size_warnings(data: DatasetDict) -> list[str]:
    """A warning for each held-out split of fewer than FEW_DOCUMENTS documents (its intervals are
    wide or cannot be computed)."""
    out = []
    for name, split in data.items():
        n = len(set(split["doc_id"]))
        if name != "train" and n < FEW_DOCUMENTS:
            out.append(f"the {name} split has only {n} document(s): its scores are noisy and their interval unreliable")
    return out


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
