"""The contracts between the layers: what a sentence record is and what a sentence model does.

A *sentence model* scores sentence records (the transformer, its int8 ONNX twin, the
baselines); the article-level `claimtag.inference.Tagger` is the only "tagger". Every model
folder holds one sentence model, written by `save` and read back by `load` (model/folder.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypedDict, runtime_checkable

import numpy as np

if TYPE_CHECKING:
    from claimtag.model.folder import ModelMeta


class SentenceRecord(TypedDict, total=False):
    """One sentence as the models read it, in reading order within its article."""

    doc_id: str  # the article it belongs to (features and context never cross articles)
    index: int  # position in the article
    text: str
    paragraph: int
    in_quote: bool  # starts inside a quotation opened by an earlier sentence
    label: int  # training and evaluation only: index into LABELS
    weight: float  # training only: loss weight of its corpus
    speaker: str | None  # quote sentences of annotated corpora
    quote_id: str | None


@runtime_checkable
class SentenceModel(Protocol):
    """Scores sentence records; `predict_proba` has no side effects."""

    kind: str

    def predict_proba(self, records: list[SentenceRecord], batch_size: int | None = None) -> np.ndarray:
        """Label probabilities [n, len(LABELS)] for records in reading order."""
        ...

    def save(self, path: Path) -> dict:
        """Write the model's own files into `path`; return the meta to record in claimtag.json."""
        ...

    @classmethod
    def load(cls, path: Path, meta: ModelMeta) -> SentenceModel:
        """Rebuild the model from a folder written by `save` (its own entries are in `meta.settings`)."""
        ...


@runtime_checkable
class CalibratedModel(SentenceModel, Protocol):
    """A model with raw scores and a fitted temperature (the transformer and its ONNX twin)."""

    temperature: float

    def logits(self, records: list[SentenceRecord], batch_size: int | None = None) -> np.ndarray:
        """Uncalibrated scores [n, len(LABELS)]."""
        ...
