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


def test_data_paths_in_a_config_file_are_read_from_its_folder(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "cfg").mkdir()
    path = tmp_path / "cfg" / "c.yaml"
    path.write_text(
        "data:\n  train:\n    - ours.csv\n    - {path: ../base.tsv, source: articles.jsonl}\n"
        f"    - {tmp_path}/abs.csv\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path / "cfg")  # any working directory gives the same files
    elsewhere = [Path(s.path).resolve() for s in load_config(path).data.train]
    monkeypatch.chdir(REPO)
    train = load_config(path).data.train
    files = [tmp_path / "cfg" / "ours.csv", tmp_path / "base.tsv", tmp_path / "abs.csv"]
    assert [Path(s.path).resolve() for s in train] == elsewhere == files
    assert Path(train[1].source).resolve() == tmp_path / "cfg" / "articles.jsonl"
    # paths typed on the command line are read from the working directory, like any other
    assert [s.path for s in load_config(path, ["data.train=[mine.csv]"]).data.train] == ["mine.csv"]


def test_shipped_configs_run_from_any_folder_and_leave_the_shipped_model_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("default.yaml", "sample.yaml"):
        config = load_config(REPO / "configs" / name)
        ours = [s.path for s in config.data.train if "training/corpus" in s.path]
        assert ours and all(Path(p).exists() for p in ours), ours
        assert config.training.model_dir is None  # the model goes under runs/, never over model/default


def test_saved_config_paths_are_relative_to_the_model_folder(tmp_path: Path, monkeypatch) -> None:
    from claimtag.training.config import save_config

    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.csv").write_text("text,label\nA.,claim\n", encoding="utf-8")
    folder = tmp_path / "runs" / "x" / "model"
    folder.mkdir(parents=True)
    save_config(load_config(None, ["data.train=[data.csv]"]), folder / "config.yaml", folder=folder)
    assert "../../../data.csv" in (folder / "config.yaml").read_text()
    monkeypatch.chdir(folder)
    assert Path(load_config(folder / "config.yaml").data.train[0].path).resolve() == tmp_path / "data.csv"


def test_starting_from_a_model_fills_unset_keys_with_the_adaptation_recipe() -> None:
    from claimtag.training.config import ADAPT

    adapted = load_config(None, ["training.init=default"]).training
    assert [adapted.epochs, adapted.learning_rate, adapted.replay] == [
        ADAPT[k] for k in ("epochs", "learning_rate", "replay")
    ]
    mine = load_config(None, ["training.init=default", "training.learning_rate=3e-5", "training.replay=0"]).training
    assert (mine.epochs, mine.learning_rate, mine.replay) == (ADAPT["epochs"], 3e-5, 0)
    assert load_config(None, ["training.init=default", "training.epochs=0"]).training.replay == 0
    assert load_config(None).training.replay == 0
    with pytest.raises(ClaimtagError, match="training.keep_checkpoints must be one of"):
        load_config(None, ["training.keep_checkpoints=some"])


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO / "configs").glob("*.yaml")))
def test_every_shipped_config_loads_and_names_corpora_that_exist(name: str) -> None:
    config = load_config(REPO / "configs" / name)
    assert config.data.train
    for source in config.data.train:  # paths are rebased onto the repository root at load time
        if not getattr(source, "optional", False):
            assert (Path.cwd() / source.path).exists() or (REPO / source.path).exists(), source.path
