"""Baselines that go through the same evaluator as the transformer: majority class,
transparent rules, and TF-IDF + logistic regression. None is pickled."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from safetensors.numpy import load_file, save_file
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from claimtag.model.features import sentence_features
from claimtag.model.labels import CLAIM, CONTEXT, LABEL2ID, LABELS, QUOTE, STATISTIC

if TYPE_CHECKING:
    from claimtag.model.folder import ModelMeta


class MajorityBaseline:
    """Always the most frequent training label (probabilities = training label shares)."""

    kind = "majority"

    def __init__(self, prior: np.ndarray) -> None:
        self.prior = np.asarray(prior, dtype=np.float32)

    @classmethod
    def fit(cls, records: list[dict], labels: np.ndarray, weights: np.ndarray, **_: object) -> MajorityBaseline:
        """Weighted label shares of the training set."""
        counts = np.bincount(labels, weights=weights, minlength=len(LABELS))
        return cls(counts / counts.sum())

    def predict_proba(self, records: list[dict], batch_size: int = 0) -> np.ndarray:
        """The prior for every record."""
        return np.tile(self.prior, (len(records), 1))

    def save(self, path: Path) -> dict:
        """Nothing to write but the meta."""
        return {"prior": self.prior.tolist()}

    @classmethod
    def load(cls, path: Path, meta: ModelMeta) -> MajorityBaseline:
        """From the meta alone."""
        return cls(np.asarray(meta.settings["prior"]))


_ATTRIBUTION = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|add|adds|added|warn|warns|warned|claim|claims|claimed|argue|argues|"
    r"argued|announce|announces|announced|insist|insists|insisted|wrote|writes|tweeted|testified|stated|states|"
    r"according to|believes?|believed|thinks?|thought|estimates?|estimated|fears?|feared|concluded|explained|"
    r"noted|admitted|denied|confirmed|urged|called for|recommended|described|asked|replied)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”„«»]")
_NOT_QUANTITY = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:.]\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b(?:route|article|"
    r"section|no\.?|chapter|junction|platform)\s+\d+",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\d|[$£€¥]|\bper ?cent\b|\b(?:half|doubled|tripled|dozens?|hundreds|thousands|millions|billions|twice|"
    r"majority|record|highest|lowest)\b",
    re.IGNORECASE,
)


def has_quantity(text: str) -> bool:
    """A number, amount, share or quantity word that is not a date, time or identifier."""
    return bool(_QUANTITY.search(_NOT_QUANTITY.sub(" ", text)))


class RulesBaseline:
    """Transparent rules, in the guide's order: quote, statistic, context, claim."""

    kind = "rules"

    @classmethod
    def fit(cls, *_: object, **__: object) -> RulesBaseline:
        """Rules learn nothing."""
        return cls()

    @staticmethod
    def rule(record: dict, feats: np.ndarray) -> str:
        """The label one sentence gets, and the reason is readable in the code."""
        text = record["text"].strip()
        in_quote, opens_quote, _, _, no_final = feats
        if in_quote or opens_quote or _ATTRIBUTION.search(text):
            return QUOTE
        if has_quantity(text):
            return STATISTIC
        if no_final or text.endswith("?") or text.lower().startswith("by "):
            return CONTEXT
        return CLAIM

    def predict_proba(self, records: list[dict], batch_size: int = 0) -> np.ndarray:
        """0.7 on the rule's label, 0.1 on each other."""
        probs = np.full((len(records), len(LABELS)), 0.1, dtype=np.float32)
        for i, (rec, feats) in enumerate(zip(records, sentence_features(records), strict=True)):
            probs[i, LABEL2ID[self.rule(rec, feats)]] = 0.7
        return probs

    def save(self, path: Path) -> dict:
        """Nothing to write."""
        return {}

    @classmethod
    def load(cls, path: Path, meta: ModelMeta) -> RulesBaseline:
        """Nothing to read."""
        return cls()


class TfidfBaseline:
    """Word 1-2 gram TF-IDF plus the document features, into multinomial logistic regression."""

    kind = "tfidf-logreg"
    ARRAYS = "tfidf.safetensors"
    VOCAB = "vocabulary.json"

    def __init__(self, vectorizer: TfidfVectorizer, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.vectorizer, self.coef, self.intercept = vectorizer, coef, intercept

    @staticmethod
    def _vectorizer() -> TfidfVectorizer:
        return TfidfVectorizer(
            ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True, token_pattern=r"(?u)\b\w+\b|[\"“”%$£€]"
        )

    def _matrix(self, records: list[dict]) -> sparse.csr_matrix:
        words = self.vectorizer.transform([r["text"] for r in records])
        return sparse.hstack([words, sparse.csr_matrix(sentence_features(records))]).tocsr()

    @classmethod
    def fit(
        cls,
        records: list[dict],
        labels: np.ndarray,
        weights: np.ndarray,
        *,
        class_weighting: bool = True,
        seed: int = 0,
    ) -> TfidfBaseline:
        """Fit the vocabulary and the classifier on training records."""
        vec = cls._vectorizer()
        vec.fit([r["text"] for r in records])
        tagger = cls(vec, np.zeros(0), np.zeros(0))
        clf = LogisticRegression(
            max_iter=2000, C=4.0, class_weight="balanced" if class_weighting else None, random_state=seed
        )
        clf.fit(tagger._matrix(records), labels, sample_weight=weights)
        coef = np.zeros((len(LABELS), clf.coef_.shape[1]), dtype=np.float32)
        intercept = np.full(len(LABELS), -30.0, dtype=np.float32)  # labels unseen in training stay ~0
        coef[clf.classes_], intercept[clf.classes_] = clf.coef_, clf.intercept_
        tagger.coef, tagger.intercept = coef, intercept
        return tagger

    def predict_proba(self, records: list[dict], batch_size: int = 0) -> np.ndarray:
        """Softmax of the linear scores."""
        scores = self._matrix(records) @ self.coef.T + self.intercept
        scores = np.asarray(scores, dtype=np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)

    def save(self, path: Path) -> dict:
        """Vocabulary as JSON, idf and weights as safetensors."""
        vocab = {term: int(i) for term, i in self.vectorizer.vocabulary_.items()}
        (path / self.VOCAB).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        arrays = {"idf": self.vectorizer.idf_.astype(np.float32), "coef": self.coef, "intercept": self.intercept}
        save_file(arrays, str(path / self.ARRAYS))
        return {}

    @classmethod
    def load(cls, path: Path, meta: ModelMeta) -> TfidfBaseline:
        """Rebuild the fitted vectorizer from its vocabulary and idf."""
        arrays = load_file(str(path / cls.ARRAYS))
        vec = cls._vectorizer()
        vec.vocabulary_ = json.loads((path / cls.VOCAB).read_text(encoding="utf-8"))
        vec.idf_ = arrays["idf"].astype(np.float64)
        return cls(vec, arrays["coef"], arrays["intercept"])
