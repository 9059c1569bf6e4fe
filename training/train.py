"""`claimtag train`: fit the configured model, evaluate it on dev and test, write its folder.

    claimtag train --config configs/sample.yaml training.epochs=2

The transformer is trained with the Hugging Face Trainer (progress bar, seeds, warmup +
linear decay, early stopping on dev macro-F1, checkpoints every epoch, `--resume`), so the
same command runs unchanged under `accelerate launch` on several GPUs or machines. The
three baselines are fitted on the same split and stored beside it for side-by-side reports.
With `training.init` it starts from a trained model instead, replaying a sample of that
model's own training data, and is scored next to it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
from datasets import Dataset, DatasetDict, concatenate_datasets

from claimtag.model.baselines import MajorityBaseline, RulesBaseline, TfidfBaseline
from claimtag.model.errors import ClaimtagError
from claimtag.model.folder import (
    ModelMeta,
    load_model,
    resolve_model_path,
    save_model,
    write_atomic,
    write_speaker_weights,
)
from claimtag.model.labels import LABELS
from claimtag.model.protocol import SentenceModel, SentenceRecord
from claimtag.training.attribution import fit_attribution
from claimtag.training.card import render_card
from claimtag.training.config import Config, DataConfig, load_config, save_config
from claimtag.training.corpus import load_corpus
from claimtag.training.metrics import confusions, evaluate_probs, write_json
from claimtag.training.splits import ensure_splits, id_warnings, size_warnings

BASELINES = {k.kind: k for k in (MajorityBaseline, RulesBaseline, TfidfBaseline)}


def load_training_data(cfg: DataConfig, *, warnings: bool = True) -> DatasetDict:
    """All configured corpora, each split by document, merged split by split, with a `weight` column
    (and, with `warnings`, a warning for a corpus without doc_id and for each merged held-out
    split too small to trust: two GUM test articles beside 54 Wikinews ones are not).

    With `select_on`, dev and test hold only that group's documents (the split that selects and
    the headline test); other groups' held-out documents become dev_<group> and test_<group>.
    """
    if not cfg.train:
        raise ClaimtagError("no training data: set data.train in the config (a list of corpus paths)")
    parts: dict[str, list[Dataset]] = {"train": [], "dev": [], "test": []}
    for src in cfg.train:
        if src.optional and (missing := [p for p in (src.path, src.source) if p and not Path(p).exists()]):
            if warnings:
                warn(f"{src.path}: optional corpus left out (not found here: {', '.join(missing)})")
            continue
        corpus = load_corpus(src.path, source=src.source, fmt=src.format)
        if src.train_only:
            merged = concatenate_datasets(list(corpus.values()))
            splits = {"train": merged}
        else:
            splits = ensure_splits(corpus, dev_size=cfg.dev_size, test_size=cfg.test_size, seed=cfg.split_seed)
            for warning in id_warnings(DatasetDict(splits)) if warnings else []:
                warn(f"{src.path}: {warning}")
        if not src.fit_speakers:
            splits["train"] = splits["train"].map(lambda _: {"speaker": None}, desc="hiding speakers")
        for name, ds in splits.items():
            selected = name == "train" or cfg.select_on in (None, src.group)
            key = name if selected else f"{name}_{src.group}"
            parts.setdefault(key, []).append(ds.add_column("weight", [float(src.weight)] * len(ds)))
    data = DatasetDict({name: concatenate_datasets(dss) for name, dss in parts.items() if dss})
    for warning in size_warnings(data) if warnings else []:
        warn(warning)
    return data


def replay_sample(init: str, n: int, seed: int) -> Dataset | None:
    """About `n` training sentences (whole documents, drawn at random) of the corpora the model
    `init` was trained on, as its saved config names them; auxiliary (train-only) corpora and
    corpora not found here are left out (None when none is left)."""
    folder = resolve_model_path(init)
    if not (folder / "config.yaml").is_file():
        warn(f"training.replay: {folder} has no config.yaml naming its training data: nothing replayed")
        return None
    data = load_config(folder / "config.yaml").data
    found = [s for s in data.train if not s.train_only and all(Path(p).exists() for p in (s.path, s.source) if p)]
    if missing := [s.path for s in data.train if not s.train_only and s not in found]:
        warn(f"training.replay: not found here, not replayed: {', '.join(missing)}")
    if not found:
        return None
    data.train, data.select_on = found, None
    try:
        train = load_training_data(data, warnings=False)["train"]
    except ClaimtagError as err:
        warn(f"training.replay: {err}: nothing replayed")
        return None
    docs = np.random.default_rng(seed).permutation(np.asarray(train.unique("doc_id"), dtype=object))
    sizes = dict(zip(*np.unique(np.asarray(train["doc_id"], dtype=object), return_counts=True), strict=True))
    keep, total = set(), 0
    for doc in docs:
        if total >= n:
            break
        keep.add(doc)
        total += sizes[doc]
    return train.filter(lambda r: r["doc_id"] in keep, desc="replay sample")


def warn(message: str) -> None:
    """A one-line warning on stderr, as the CLI prints them."""
    print(f"claimtag: warning: {message}", file=sys.stderr)


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


def check_output(config: Config, *, resume: bool, overwrite: bool) -> None:
    """Refuse to mix a new run into a previous one's folders (unless resuming or overwriting);
    with `overwrite`, the previous run's checkpoints go (the model folder is replaced at the end)."""
    out = Path(config.training.output_dir)
    folder = Path(config.training.model_dir) if config.training.model_dir else out / "model"
    if resume:
        return
    if not overwrite:
        for path in (out, folder):
            if path.is_dir() and any(path.iterdir()):
                raise ClaimtagError(
                    f"{path} is not empty (a previous run?): pass --overwrite to replace it, --resume to continue "
                    "its run, or choose another training.output_dir"
                )
    shutil.rmtree(out / "checkpoints", ignore_errors=True)


def train(
    config: Config,
    *,
    resume: bool = False,
    overwrite: bool = False,
    progress: bool = True,
    callbacks: list | None = None,
) -> Path:
    """Train the configured model; return the folder of the finished model.

    Refuses a non-empty output folder unless `resume` (continue from its last checkpoint) or
    `overwrite`; keeps only the best checkpoint unless `training.keep_checkpoints` says otherwise.
    """
    check_output(config, resume=resume, overwrite=overwrite)
    data = load_training_data(config.data)
    t = config.training
    if t.init and t.replay and t.epochs and (replay := replay_sample(t.init, t.replay, t.seed)) is not None:
        data["train"] = concatenate_datasets([data["train"], replay])
    out = Path(t.output_dir)
    tagger, baselines, summary = fit(
        config, data, checkpoints=out / "checkpoints", resume=resume, progress=progress, callbacks=callbacks
    )
    held_out = [split for split in data if split != "train"]  # dev, test, and dev_<group>/test_<group>
    metrics = {split: split_scores(tagger, data[split], config) for split in held_out}
    if "test" in data:
        records = records_of(data["test"])
        probs = tagger.predict_proba(records)
        metrics["test_confusions"] = confusions(records, probs, np.asarray(data["test"]["label"]))
    speakers, metrics["attribution"] = fit_attribution(data)
    if speakers is None and t.init:  # too few speakers to refit: keep the starting model's weights, if any
        from claimtag.inference.quotes import SpeakerScorer

        weights = ModelMeta.read(resolve_model_path(t.init)).speaker_weights()
        speakers = SpeakerScorer(weights) if weights is not None else None
    metrics["training"] = summary
    metrics["sizes"] = {name: len(ds) for name, ds in data.items()}
    metrics["baselines"] = {
        kind: {split: split_scores(b, data[split], config) for split in held_out} for kind, b in baselines.items()
    }
    if t.init:
        before = load_model(resolve_model_path(t.init))
        metrics["init"] = {"name": t.init, **{split: split_scores(before, data[split], config) for split in held_out}}
    metrics["warnings"] = score_warnings(metrics)
    folder = Path(t.model_dir) if t.model_dir else out / "model"

    def fill(tmp: Path) -> None:
        save_model(tagger, tmp, {"min_confidence": config.evaluation.min_confidence})
        save_config(config, tmp / "config.yaml", folder=folder)
        write_json(tmp / "metrics.json", metrics)
        if speakers is not None:
            write_speaker_weights(tmp, speakers.weights)
        (tmp / "README.md").write_text(render_card(config, metrics), encoding="utf-8")
        for kind, b in baselines.items():
            (tmp / "baselines" / kind).mkdir(parents=True)
            save_model(b, tmp / "baselines" / kind)

    write_atomic(folder, fill)
    _prune_checkpoints(out / "checkpoints", t.keep_checkpoints, summary.get("best_checkpoint"))
    return folder


def _prune_checkpoints(checkpoints: Path, keep: str, best: str | None) -> None:
    """Once the model folder is written: keep every checkpoint, only the best epoch's, or none."""
    if keep == "all" or not checkpoints.is_dir():
        return
    for path in checkpoints.iterdir():
        if keep == "none" or (path.is_dir() and path.name.startswith("checkpoint-") and str(path) != best):
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink()
    if keep == "none":
        shutil.rmtree(checkpoints, ignore_errors=True)


def score_warnings(metrics: dict, split: str = "test") -> list[str]:
    """What a user must not miss: the model scores below one of its baselines, or below the
    model it started from, on the held-out split (macro-F1)."""
    if split not in metrics:
        return []
    ours = metrics[split]["macro_f1"]
    rivals = {f"baseline {kind}": m[split]["macro_f1"] for kind, m in metrics.get("baselines", {}).items()}
    if "init" in metrics:
        rivals[f"the model it started from ({metrics['init']['name']})"] = metrics["init"][split]["macro_f1"]
    return [
        f"the new model scores below {name} on the {split} split (macro-F1 {ours:.3f} < {theirs:.3f})"
        for name, theirs in rivals.items()
        if ours < theirs
    ]


def split_scores(tagger: SentenceModel, ds: Dataset, config: Config) -> dict:
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
        "macro_f1_ci": None if np.isnan(rep.macro_f1_ci).any() else [round(x, 4) for x in rep.macro_f1_ci],
        "accuracy": round(rep.accuracy, 4),
        "ece": round(rep.ece, 4),
        "f1": per_class,
    }
