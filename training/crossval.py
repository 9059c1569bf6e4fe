"""`claimtag crossval`: k-fold cross-validation by document over one corpus of the config.

The other corpora are split as in training (their dev split drives early stopping); the
chosen corpus is cut into k folds of documents, and each fold is predicted by a model
trained on everything else. Predictions of all folds are pooled into one report, with the
baselines fitted on the same data. Each finished fold's predictions are saved, so an
interrupted run started again with the same config and data resumes at the first
unfinished fold.

    claimtag crossval --config configs/default.yaml --on training/corpus/gum_labels.tsv --folds 4
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import numpy as np
from datasets import DatasetDict, concatenate_datasets

from claimtag.model.errors import ClaimtagError
from claimtag.training.config import Config
from claimtag.training.corpus import load_corpus
from claimtag.training.metrics import comparison_table, detail, evaluate_probs, write_json
from claimtag.training.train import fit, load_training_data, records_of


def crossval(config: Config, *, on: str, folds: int = 4, progress: bool = True) -> str:
    """Pooled out-of-fold metrics (Markdown) for the model and the baselines on corpus `on`."""
    target = [s for s in config.data.train if s.path == on]
    if not target:
        raise ClaimtagError(f"--on {on!r} is not one of data.train: {[s.path for s in config.data.train]}")
    src = target[0]
    pool = concatenate_datasets(list(load_corpus(src.path, source=src.source, fmt=src.format).values()))
    pool = pool.add_column("weight", [float(src.weight)] * len(pool))
    docs = np.array(sorted(set(pool["doc_id"])))
    if folds < 2 or folds > len(docs):
        raise ClaimtagError(f"--folds must be between 2 and the number of documents ({len(docs)})")
    np.random.default_rng(config.data.split_seed).shuffle(docs)
    rest = dataclasses.replace(config.data, train=[s for s in config.data.train if s is not src])
    base = load_training_data(rest) if rest.train else None
    out = Path(config.training.output_dir) / "crossval"
    key = _run_key(config, on, folds)
    probs: dict[str, list[np.ndarray]] = {}
    gold, groups = [], []
    for k in range(folds):
        held = set(docs[k::folds])
        in_fold = [d in held for d in pool["doc_id"]]
        test = pool.select([i for i, f in enumerate(in_fold) if f])
        fold_probs = _load_fold(out / f"fold-{k}" / "predictions.json", key)
        if fold_probs is None:
            extra = pool.select([i for i, f in enumerate(in_fold) if not f])
            train = concatenate_datasets([base["train"], extra]) if base else extra
            data = DatasetDict({"train": train, "dev": base["dev"] if base else extra, "test": test})
            fold_probs = _fit_fold(config, data, out / f"fold-{k}", key, progress)
        for name, p in fold_probs.items():
            probs.setdefault(name, []).append(p)
        gold += test["label"]
        groups += test["doc_id"]
    reports = [
        evaluate_probs(np.concatenate(p), np.asarray(gold), groups, name=name, bootstrap=config.evaluation.bootstrap)
        for name, p in probs.items()
    ]
    write_json(out / "report.json", {"on": on, "folds": folds, "reports": [r.to_dict() for r in reports]})
    title = f"# {folds}-fold cross-validation by document on {on} ({len(docs)} documents, {len(gold)} sentences)"
    return "\n\n".join([title, comparison_table(reports), f"## {reports[0].name}: per class", detail(reports[0])])


def _run_key(config: Config, on: str, folds: int) -> str:
    """A hash of everything that decides a fold's predictions (config and data files), so changes never reuse them."""
    digest = hashlib.sha256(json.dumps([dataclasses.asdict(config), on, folds], sort_keys=True, default=str).encode())
    for spec in config.data.train:
        for name in filter(None, (spec.path, spec.source)):
            path = Path(name)
            for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
                if file.is_file():
                    digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _fit_fold(config: Config, data: DatasetDict, folder: Path, key: str, progress: bool) -> dict[str, np.ndarray]:
    """Train on one fold, predict its held-out documents, and save the predictions so a rerun resumes."""
    model, baselines, _ = fit(config, data, checkpoints=folder, progress=progress)
    taggers = {config.model.kind: model, **{f"baseline: {b}": t for b, t in baselines.items()}}
    probs = {name: tagger.predict_proba(records_of(data["test"])) for name, tagger in taggers.items()}
    write_json(folder / "predictions.json", {"key": key, "probs": {n: p.tolist() for n, p in probs.items()}})
    return probs


def _load_fold(path: Path, key: str) -> dict[str, np.ndarray] | None:
    """A finished fold's saved predictions, or None if absent or made under another config."""
    if not path.exists():
        return None
    saved = json.loads(path.read_text())
    if saved.get("key") != key:
        return None
    return {name: np.asarray(p) for name, p in saved["probs"].items()}
