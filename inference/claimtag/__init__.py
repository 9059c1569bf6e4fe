"""The `claimtag` package root: installed from this folder (see pyproject's `package-dir`).

The repository keeps the design card's folders (model/, inference/, training/), and they
install as `claimtag.model`, `claimtag.inference` and `claimtag.training`. This file only
adds the short public names; they resolve on first use, so importing a subpackage (or
running `claimtag --help`) pays for nothing it does not use.

    from claimtag import Tagger
    tagger = Tagger.from_pretrained()          # the shipped default, int8 ONNX, no torch
    for s in tagger.tag("The council said the bridge will reopen in May."):
        print(s.label, s.score, s.speaker)
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimtag")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

_EXPORTS = {
    "Tagger": "claimtag.inference.tagger",
    "TaggedSentence": "claimtag.inference.tagger",
    "split_article": "claimtag.inference.split",
    "ClaimtagError": "claimtag.model.errors",
    "LABELS": "claimtag.model.labels",
}
__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'claimtag' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
