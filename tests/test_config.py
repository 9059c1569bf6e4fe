"""Typed config: YAML, overrides, and errors that name the key."""

from pathlib import Path

import pytest

from claimtag.model.errors import ClaimtagError
from claimtag.training.config import Config, load_config

REPO = Path(__file__).parents[1]


def test_defaults_and_yaml() -> None:
    assert isinstance(load_config(), Config)
    config = load_config(REPO / "configs" / "sample.yaml")
    assert config.model.encoder == "minilm-l6"
    assert config.data.train[0].path == "training/corpus/sample.txt"


def test_overrides_are_typed() -> None:
    config = load_config(
        REPO / "configs" / "sample.yaml",
        ["training.epochs=2", "model.context=pair", "training.learning_rate=3e-5", "data.train=[a.csv, b.jsonl]"],
    )
    assert config.training.epochs == 2.0
    assert config.model.context == "pair"
    assert config.training.learning_rate == pytest.approx(3e-5)
    assert [s.path for s in config.data.train] == ["a.csv", "b.jsonl"]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("training.epoch=2", "unknown config key 'training.epoch'"),
        ("modle.kind=rules", "unknown config key 'modle'"),
        ("model.kind=svm", "model.kind must be one of"),
        ("training.batch_size=big", "training.batch_size' expects int"),
        ("training.epochs", "must look like section.field=value"),
    ],
)
def test_bad_overrides(override: str, message: str) -> None:
    with pytest.raises(ClaimtagError, match=message):
        load_config(None, [override])


def test_unknown_key_in_yaml(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("model:\n  kind: rules\n  colour: blue\n", encoding="utf-8")
    with pytest.raises(ClaimtagError, match="unknown config key 'model.colour'"):
        load_config(path)
