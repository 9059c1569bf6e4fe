"""claimtag's training side (claimtag.training): corpora, splits, fine-tuning, evaluation,
the benchmark and their subcommands. The top layer: it may import claimtag.inference and
claimtag.model, never the other way round."""

from __future__ import annotations

import importlib

# Resolved on first use so that `claimtag --help` does not pay for importing `datasets`.
_EXPORTS = {
    "CorpusError": "claimtag.training.corpus",
    "load_corpus": "claimtag.training.corpus",
    "split_by_document": "claimtag.training.splits",
    "cross_split_duplicates": "claimtag.training.splits",
    "load_config": "claimtag.training.config",
    "train": "claimtag.training.train",
    "evaluate_model": "claimtag.training.evaluate",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'claimtag.training' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
