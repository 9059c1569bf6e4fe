"""`claimtag train`: fit the configured model, evaluate it on dev and test, write its folder.

    claimtag train --config configs/sample.yaml training.epochs=2

The transformer is trained with the Hugging Face Trainer (progress bar, seeds, warmup +
linear decay, early stopping on dev macro-F1, checkpoints every epoch, `--resume`), so the
same command runs unchanged under `accelerate launch` on several GPUs or machines. The
three baselines are fitted on the same split and stored beside it for side-by-side reports.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from datasets import Dataset, DatasetDict, concatenate_datasets

from claimtag.model.baselines import MajorityBaseline, RulesBaseline, TfidfBaseline
from claimtag.model.folder import SPEAKERS_FILE, save_model, write_atomic
from claimtag.model.labels import LABELS
from claimtag.model.protocol import SentenceModel, SentenceRecord
from claimtag.training.attribution import fit_attribution
from claimtag.training.card import render_card
from claimtag.training.config import Config, DataConfig, save_config
from claimtag.training.corpus import load_corpus
from claimtag.training.evaluate import confusions, evaluate_probs, write_json
from claimtag.training.splits import ensure_splits

BASELINES = {k.kind: k for k in (MajorityBaseline, RulesBaseline, TfidfBaseline)}


def load_training_data(cfg: DataConfig) -> DatasetDict:
    """All configured corpora, each split by document, merged split by split, with a `weight` column.

    With `select_on`, dev and test hold only that group's documents (the split that selects and
    the headline test); other groups' held-out documents become dev_<group> and test_<group>.
    """
    if not cfg.train:
        from claimtag.model.errors import ClaimtagError

        raise ClaimtagError("no training data: set data.train in the config (a list of corpus paths)")
    parts: dict[str, list[Dataset]] = {"train": [], "dev": [], "test": []}
    for src in cfg.train:
        corpus = load_corpus(src.path, source=src.source, fmt=src.format)
        if src.train_only:
            merged = concatenate_datasets(list(corpus.values()))
            splits = {"train": merged}
        else:
            splits = ensure_splits(corpus, dev_size=cfg.dev_size, test_size=cfg.test_size, seed=cfg.split_seed)
        if not src.fit_speakers:
            splits["train"] = splits["train"].map(lambda _: {"speaker": None}, desc="hiding speakers")
        for name, ds in splits.items():
            selected = name == "train" or cfg.select_on in (None, src.group)
            key = name if selected else f"{name}_{src.group}"
            parts.setdefault(key, []).append(ds.add_column("weight", [float(src.weight)] * len(ds)))
    return DatasetDict({name: concatenate_datasets(dss) for name, dss in parts.items() if dss})


def records_of(ds: Dataset) -> list[SentenceRecord]:
    """Sentence records (dicts) in reading order."""
    return ds.to_list()


def fit(
    config: Config,
    data: DatasetDict,
    *,
    checkpoints: Path,
    resume: bool = False,
    progress: bool = True,
    callbacks: list | None = None,
) -> tuple[SentenceModel, dict[str, SentenceModel], dict]:
    """Fit the configured model and the baselines on data['train']; return (model, baselines, summary)."""
    train_recs = records_of(data["train"])
    labels = np.asarray(data["train"]["label"])
    weights = np.asarray(data["train"]["weight"], dtype=np.float64)
    t = config.training
    baselines = {
        kind: cls.fit(train_recs, labels, weights, class_weighting=t.class_weighting, seed=t.seed)
        for kind, cls in BASELINES.items()
    }
    if config.model.kind != "transformer":
        return baselines.pop(config.model.kind), baselines, {"global_step": 0}
    from claimtag.training.finetune import finetune

    tagger, summary = finetune(config, data, checkpoints, resume=resume, progress=progress, callbacks=callbacks)
    return tagger, baselines, summary


def train(config: Config, *, resume: bool = False, progress: bool = True, callbacks: list | None = None) -> Path:
    """Train the configured model; return the folder of the finished model."""
    data = load_training_data(config.data)
    out = Path(config.training.output_dir)
    tagger, baselines, summary = fit(
        config, data, checkpoints=out / "checkpoints", resume=resume, progress=progress, callbacks=callbacks
    )
    held_out = [split for split in data if split != "train"]  # dev, test, and dev_<group>/test_<group>
    metrics = {split: _scores(tagger, data[split], config) for split in held_out}
    if "test" in data:
        records = records_of(data["test"])
        probs = tagger.predict_proba(records)
        metrics["test_confusions"] = confusions(records, probs, np.asarray(data["test"]["label"]))
    speakers, metrics["attribution"] = fit_attribution(data)
    metrics["training"] = summary
    metrics["sizes"] = {name: len(ds) for name, ds in data.items()}
    metrics["baselines"] = {
        kind: {split: _scores(b, data[split], config) for split in held_out}
        for kind, b in baselines.items()
    }

    def fill(folder: Path) -> None:
        save_model(tagger, folder, {"min_confidence": config.evaluation.min_confidence})
        save_config(config, folder / "config.yaml")
        write_json(folder / "metrics.json", metrics)
        if speakers is not None:
            speakers.save(folder / SPEAKERS_FILE)
        (folder / "README.md").write_text(render_card(config, metrics), encoding="utf-8")
        for kind, b in baselines.items():
            (folder / "baselines" / kind).mkdir(parents=True)
            save_model(b, folder / "baselines" / kind)

    folder = Path(config.training.model_dir) if config.training.model_dir else out / "model"
    write_atomic(folder, fill)
    return folder


def _scores(tagger: SentenceModel, ds: Dataset, config: Config) -> dict:
    """Compact metrics of a tagger on one split."""
    probs = tagger.predict_proba(records_of(ds))
    rep = evaluate_probs(
        probs,
        np.asarray(ds["label"]),
        ds["doc_id"],
        bootstrap=config.evaluation.bootstrap,
        ece_bins=config.evaluation.ece_bins,
    )
    per_class = {lab: round(rep.per_class[lab]["f1"], 4) for lab in LABELS}
    return {
        "n": rep.n,
        "macro_f1": round(rep.macro_f1, 4),
        "macro_f1_ci": [round(x, 4) for x in rep.macro_f1_ci],
        "accuracy": round(rep.accuracy, 4),
        "ece": round(rep.ece, 4),
        "f1": per_class,
    }
