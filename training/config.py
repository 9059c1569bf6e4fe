"""Typed configuration: dataclasses loaded from YAML in configs/, overridable as `a.b=value`.

One `Config` object flows from the command line into training and is saved, resolved,
with the model it produced.

Relative data paths (`data.train[].path` and `.source`) written in a config file are read
from the config file's folder, so a config works from any working directory; paths given
as overrides on the command line are read from the working directory, like any other
command-line path. Output paths (`training.output_dir`, `model_dir`) and `training.init`
are always read from the working directory. A model folder's saved `config.yaml` records
its data paths relative to that folder.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

import yaml

from claimtag.model.errors import ClaimtagError

MODEL_KINDS = ("transformer", "tfidf-logreg", "rules", "majority")
CONTEXT_MODES = ("none", "pair")
FINETUNE_MODES = ("full", "lora", "frozen")


@dataclass
class SourceConfig:
    """One labeled corpus to read (any format `load_corpus` takes)."""

    path: str
    source: str | None = None  # the articles file that keyed labels refer to
    weight: float = 1.0  # loss weight of its sentences (auxiliary data < 1)
    train_only: bool = False  # auxiliary data: never held out for dev/test
    format: str = "auto"  # auto (by file type) or claimbuster
    fit_speakers: bool = True  # its quote speakers train the speaker weights (false: kept for evaluation)
    group: str = "main"  # e.g. real (published news) or team (written for us): held-out splits are kept per group
    optional: bool = False  # kept outside the repository and ../shared: skipped, with a warning, where absent

    def __post_init__(self) -> None:
        _choice("data.train.format", self.format, ("auto", "claimbuster"))


@dataclass
class ModelConfig:
    """What to train."""

    kind: str = "transformer"
    encoder: str = "minilm-l6"  # a registered name (model/encoders.py) or a local folder
    context: str = "none"  # none: the sentence alone; pair: with previous + next sentence
    max_length: int = 128
    dropout: float = 0.1
    finetune: str = "full"  # full (every weight), lora (adapter, small folder), frozen (head only)
    lora_r: int = 16
    lora_alpha: int = 32
    num_layers: int | None = None  # keep only the encoder's first N layers (a smaller, faster model)
    doc_context: str = "none"  # bigru: rescore each sentence in its article (model/doc_context.py)
    doc_context_hidden: int = 128

    def __post_init__(self) -> None:
        _choice("model.kind", self.kind, MODEL_KINDS)
        _choice("model.doc_context", self.doc_context, ("none", "bigru"))
        _choice("model.context", self.context, CONTEXT_MODES)
        _choice("model.finetune", self.finetune, FINETUNE_MODES)


@dataclass
class DataConfig:
    """Which corpora, and how to hold out dev and test documents."""

    train: list[SourceConfig] = field(default_factory=list)
    dev_size: float = 0.1
    test_size: float = 0.1
    split_seed: int = 0
    # The group whose dev split selects the model (early stopping, temperature) and whose test
    # split is the headline; the other groups' held-out splits are kept as dev_<group>/test_<group>.
    select_on: str | None = None

    def __post_init__(self) -> None:
        self.train = [s if isinstance(s, SourceConfig) else _build(SourceConfig, s, "data.train") for s in self.train]
        groups = {s.group for s in self.train}
        if self.select_on is not None and self.train and self.select_on not in groups:
            raise ClaimtagError(f"data.select_on: no source has group {self.select_on!r} (groups: {sorted(groups)})")
        for name in ("dev_size", "test_size"):
            if not 0 < getattr(self, name) < 0.5:
                raise ClaimtagError(f"data.{name} must be between 0 and 0.5, got {getattr(self, name)}")


@dataclass
class TrainingConfig:
    """How to fit it."""

    output_dir: str = "runs/default"  # checkpoints go to <output_dir>/checkpoints
    model_dir: str | None = None  # where the finished model goes (default <output_dir>/model)
    epochs: float = 4.0
    batch_size: int = 32
    learning_rate: float = 5e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    class_weighting: bool = True
    early_stopping_patience: int = 2
    seed: int = 42
    logging_steps: int = 20
    max_steps: int = -1  # > 0 stops early (tests, smoke runs)
    # A trained model folder (or "default") to start from: its weights (adapter, head,
    # temperature) and architecture; keys the config leaves unset take the ADAPT recipe.
    # With epochs=0 the encoder is kept as it is and only the document context and the
    # calibration are fitted again.
    init: str | None = None
    replay: int = 0  # with init: about this many training sentences of the init model's own corpora join training
    keep_checkpoints: str = "best"  # best (only the best epoch's checkpoint stays), all, or none
    # Distillation: a trained model folder (or "default") whose soft labels the new model also
    # learns from (a smaller student, e.g. model.num_layers=3); alpha weighs them against the gold labels.
    # A list of folders is an ensemble: the student learns the average of their soft labels.
    teacher: str | list[str] | None = None
    distill_alpha: float = 0.7
    distill_temperature: float = 2.0
    # where the teacher's top label is not the gold one, learn the gold label instead of its soft one:
    # data the teacher never trained on (new annotations) otherwise teaches the student its mistakes
    distill_correct: bool = False

    def __post_init__(self) -> None:
        _choice("training.keep_checkpoints", self.keep_checkpoints, ("best", "all", "none"))
        if self.replay < 0:
            raise ClaimtagError(f"training.replay must be 0 or more, got {self.replay}")
        if self.replay and not self.init:
            raise ClaimtagError("training.replay needs training.init (the model whose corpora are replayed)")
        if not 0.0 <= self.distill_alpha <= 1.0:
            raise ClaimtagError(f"training.distill_alpha must be between 0 and 1, got {self.distill_alpha}")
        if self.distill_temperature <= 0:
            raise ClaimtagError(f"training.distill_temperature must be positive, got {self.distill_temperature}")


# Adapting a trained model to a few hundred sentences: few epochs at a low learning rate, with a
# sample of the model's own training data replayed so that it does not forget what it knew
# (measured in the README's adaptation section). Applied to the keys a config leaves unset.
ADAPT = {"epochs": 2, "learning_rate": 2.0e-4, "batch_size": 16, "replay": 300, "early_stopping_patience": 2}


@dataclass
class EvaluationConfig:
    """What the evaluator reports."""

    bootstrap: int = 1000
    worst_errors: int = 50
    ece_bins: int = 10
    min_confidence: float = 0.0  # default `unsure` threshold stored with the model (tag --min-confidence overrides)


@dataclass
class Config:
    """The whole configuration of a training run."""

    model: ModelConfig = field(default_factory=ModelConfig)
    data: DataConfig = field(default_factory=DataConfig)
    training: TrainingConfig = field(default_factory=TrainingConfig)
    evaluation: EvaluationConfig = field(default_factory=EvaluationConfig)

    def to_dict(self) -> dict:
        """Plain nested dict (for YAML/JSON)."""
        return dataclasses.asdict(self)


def load_config(path: str | Path | None = None, overrides: list[str] | None = None) -> Config:
    """Read a YAML config (or the defaults) and apply `a.b=value` overrides (see the module
    docstring for how relative paths resolve; with `training.init`, ADAPT fills unset keys)."""
    raw: dict = {}
    if path is not None:
        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            raise ClaimtagError(f"{path}: config file not found") from None
        except yaml.YAMLError as err:
            raise ClaimtagError(f"{path}: invalid YAML ({err})") from None
        if not isinstance(raw, dict):
            raise ClaimtagError(f"{path}: a config must be a mapping of sections")
        data = raw.get("data")
        if isinstance(data, dict) and isinstance(data.get("train"), list | str | dict):
            folder = Path(path).parent
            train = data["train"] if isinstance(data["train"], list) else [data["train"]]
            data["train"] = [_rebased(s, lambda p: os.path.relpath(folder / p)) for s in train]
    for item in overrides or []:
        _apply_override(raw, item)
    training = raw.get("training")
    if isinstance(training, dict) and training.get("init") and training.get("epochs") != 0:
        for key, value in ADAPT.items():
            training.setdefault(key, value)
    return _build(Config, raw, "")


def save_config(config: Config, path: Path, *, folder: Path | None = None) -> None:
    """Write the resolved config as YAML; with `folder`, relative data paths are rewritten
    relative to it (where the file will live), so the saved config works from anywhere."""
    raw = config.to_dict()
    if folder is not None:
        raw["data"]["train"] = [_rebased(s, lambda p: os.path.relpath(p, folder)) for s in raw["data"]["train"]]
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")


def _rebased(source: Any, move) -> Any:
    """One data.train entry with its relative `path` and `source` passed through `move`."""
    entry = {"path": source} if isinstance(source, str) else source
    if not isinstance(entry, dict):
        return source
    out = dict(entry)
    for key in ("path", "source"):
        value = out.get(key)
        if isinstance(value, str) and value and not Path(value).is_absolute():
            out[key] = move(value)
    return out


def _apply_override(raw: dict, item: str) -> None:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ClaimtagError(f"override {item!r} must look like section.field=value")
    *parents, last = key.strip().split(".")
    node = raw
    for part in parents:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ClaimtagError(f"override {item!r}: {part} is not a section")
    node[last] = yaml.safe_load(value)


def _build(cls: type, raw: Any, prefix: str) -> Any:
    """Build dataclass `cls` from a dict, refusing unknown keys and wrong types by name."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ClaimtagError(f"{prefix or 'config'} must be a mapping, got {raw!r}")
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    for key in raw:
        if key not in names:
            where = f"{prefix}.{key}" if prefix else key
            raise ClaimtagError(f"unknown config key {where!r} (known: {', '.join(sorted(names))})")
    kwargs = {}
    for key, value in raw.items():
        where = f"{prefix}.{key}" if prefix else key
        hint = hints[key]
        if dataclasses.is_dataclass(hint):
            kwargs[key] = _build(hint, value, where)
        else:
            kwargs[key] = _coerce(value, hint, where)
    return cls(**kwargs)


def _coerce(value: Any, hint: Any, where: str) -> Any:
    """Check a scalar against its annotation; ints are accepted where floats are."""
    if hint is float and not isinstance(value, bool):
        try:
            return float(value)  # YAML reads `5e-5` (no dot) as a string
        except (TypeError, ValueError):
            raise ClaimtagError(f"config key {where!r} expects a number, got {value!r}") from None
    if hint == (int | None) and value is not None:
        hint = int  # e.g. model.num_layers: an int, or null
    simple = {int: int, str: str, bool: bool}
    if hint in simple and not (isinstance(value, simple[hint]) and not (hint is int and isinstance(value, bool))):
        raise ClaimtagError(f"config key {where!r} expects {hint.__name__}, got {value!r}")
    if hint == (str | None) and value is not None and not isinstance(value, str):
        raise ClaimtagError(f"config key {where!r} expects a string, got {value!r}")
    if hint == (str | list[str] | None) and value is not None:
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return value
        if not isinstance(value, str):
            raise ClaimtagError(f"config key {where!r} expects a string or a list of strings, got {value!r}")
    if hint == list[SourceConfig]:
        if not isinstance(value, list):
            value = [value]
        return [{"path": v} if isinstance(v, str) else v for v in value]
    return value


def _choice(name: str, value: str, options: tuple[str, ...]) -> None:
    if value not in options:
        raise ClaimtagError(f"{name} must be one of {', '.join(options)}, got {value!r}")
