"""The command line: help, data stats, and one-line errors for user mistakes."""

import subprocess
import sys
from pathlib import Path

import pytest

from claimtag.inference.cli import main

SAMPLE = Path(__file__).parents[1] / "training" / "corpus" / "sample.txt"


def test_help_runs_as_console_script() -> None:
    exe = Path(sys.executable).parent / "claimtag"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "claimtag.inference.cli"]
    out = subprocess.run([*cmd, "--help"], capture_output=True, text=True, check=True).stdout
    assert "claim, quote, statistic or context" in out
    assert "data" in out


def test_packages_import() -> None:
    subprocess.run([sys.executable, "-c", "import model, training, inference"], check=True)


def test_data_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "stats", str(SAMPLE), "--seed", "1"]) == 0
    out = capsys.readouterr().out
    for name in ("| train |", "| dev |", "| test |", "claim", "statistic"):
        assert name in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("text,label\nHello.,opinion\n", "unknown label 'opinion'"),
        ("", "empty file"),
        ("sentence,tag\nHello.,claim\n", "wrong columns"),
    ],
)
def test_bad_corpus_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    assert main(["data", "stats", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_binary_corpus_exit_code(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(bytes(range(256)) * 4)
    result = subprocess.run(
        [sys.executable, "-m", "claimtag.inference.cli", "data", "stats", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "binary file" in result.stderr and "Traceback" not in result.stderr


def test_data_split_writes_an_evaluable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claimtag.training.corpus import load_corpus

    config = tmp_path / "c.yaml"
    config.write_text(f"data: {{train: [{SAMPLE}], dev_size: 0.15, test_size: 0.15}}\n", encoding="utf-8")
    out = tmp_path / "test.jsonl"
    assert main(["data", "split", "--config", str(config), "--out", str(out)]) == 0
    test = load_corpus(out)["train"]
    assert 0 < len(test) < 166 and "documents written" in capsys.readouterr().out
