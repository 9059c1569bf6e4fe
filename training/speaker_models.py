"""Compare speaker scorers: the shipped rules + weights against learned mention scorers.

The learned scorers are fitted on the config's training split plus one half of the Wikinews
extension (its articles halved by a hash of the doc_id) and scored on the other half, on the
real-news dev split and on the team-written dev split (docs/speakers.md, "Third round"):

    python -m claimtag.training.speaker_models --config configs/default.yaml \
        --ext training/corpus/wikinews_ext_labels.tsv --ext-source ../wikinews-ext/articles.jsonl
"""

from __future__ import annotations

import argparse
import zlib
from pathlib import Path

import numpy as np
from datasets import Dataset

from claimtag.inference.quotes import SpeakerScorer
from claimtag.training.attribution import (
    GoldArticle,
    attributed_rows,
    candidate_examples,
    evaluate_attribution,
    fit_scorer,
    gold_articles,
)
from claimtag.training.config import load_config
from claimtag.training.corpus import load_corpus
from claimtag.training.train import load_training_data


class TreeScorer:
    """Gradient-boosted trees over the candidate features (rich ones included); score = log-odds."""

    rich = True

    def __init__(self, feats: list[dict], ys: list[int]) -> None:
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.feature_extraction import DictVectorizer

        self.vec = DictVectorizer(sparse=False)
        x = self.vec.fit_transform(feats)
        self.cols = np.flatnonzero((x != 0).sum(0) >= 5)  # features seen at least 5 times
        self.model = HistGradientBoostingClassifier(
            max_iter=300, learning_rate=0.05, class_weight="balanced", random_state=0
        ).fit(x[:, self.cols], ys)
        self._cache: dict[tuple, float] = {}

    def score(self, features: dict[str, float]) -> float:
        """The trees' log-odds that the candidate names the speaker (cached: candidates repeat)."""
        key = tuple(sorted(features.items()))
        if key not in self._cache:
            x = self.vec.transform([features])[:, self.cols]
            self._cache[key] = float(self.model.decision_function(x)[0])
        return self._cache[key]


def _articles(rows: list[dict]) -> list[GoldArticle]:
    return gold_articles(attributed_rows(Dataset.from_list(rows)))


def compare(config: str, ext: str, ext_source: str, shipped: Path) -> dict[str, dict[str, float]]:
    """Speaker accuracy of each scorer on real-news dev, team dev and the held-out extension half."""
    data = load_training_data(load_config(config).data, warnings=False)
    extension = load_corpus(ext, source=ext_source)
    ext_articles = _articles([r for split in extension.values() for r in split.to_list()])
    halves = [[a for a in ext_articles if zlib.crc32(a.doc_id.encode()) % 2 == h] for h in (0, 1)]
    evals = {
        "real dev": _articles(data["dev"].to_list()),
        "team dev": _articles(data["dev_team"].to_list()),
        "extension, held-out half": halves[1],
    }
    fit_on = _articles(data["train"].to_list()) + halves[0]
    feats, ys = candidate_examples(fit_on, rich=True)
    scorers = {
        "shipped rules + weights (speakers.json)": SpeakerScorer.load(shipped),
        "linear, current features, refitted": fit_scorer(fit_on),
        "linear, + entity features": fit_scorer(fit_on, rich=True),
        "gradient-boosted trees, + entity features": TreeScorer(feats, ys),
    }
    out = {}
    for name, scorer in scorers.items():
        out[name] = {k: evaluate_attribution(v, scorer)["speaker_accuracy"] for k, v in evals.items()}
        print(name, out[name], flush=True)
    return out


def dev_set_arguments(p: argparse.ArgumentParser) -> None:
    """Options naming the config, the Wikinews extension and the shipped weights (shared by the measurements)."""
    p.add_argument("--config", default="configs/default.yaml")
    p.add_argument("--ext", default="training/corpus/wikinews_ext_labels.tsv")
    p.add_argument("--ext-source", default="../wikinews-ext/articles.jsonl")
    p.add_argument("--shipped", type=Path, default=Path("model/default/speakers.json"))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    dev_set_arguments(p)
    args = p.parse_args()
    compare(args.config, args.ext, args.ext_source, args.shipped)


if __name__ == "__main__":
    main()
