"""The review loop: export -> correct -> import -> retrain -> compare, and bad imports change nothing."""

import csv
import json
from pathlib import Path

import pytest

from claimtag.inference.cli import main
from claimtag.training.train import train
from tests.test_training import tiny_config

ARTICLES = {
    "a.txt": 'Ferry cut to weekends\n\nThe ferry will run only at weekends. "We depend on it," said Ruth Mbeki.',
    "b.txt": "Rates held at 5%\n\nThe bank kept rates at 5% on Thursday. Economists had expected a cut.",
}


@pytest.fixture()
def exported(tiny_model: Path, tmp_path: Path, capsys) -> Path:
    src = tmp_path / "articles"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "review"
    assert main(["review", "export", str(src), "--model", str(tiny_model), "--out", str(out), "--per-batch", "4"]) == 0
    assert "sentences from 2 articles" in capsys.readouterr().out
    return out


def edit(path: Path, label: str = "statistic") -> list[dict]:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        row["label"] = label  # a scripted reviewer: every proposal corrected
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


@pytest.mark.slow
def test_export_edit_import_retrain_compare(exported: Path, tiny_encoder, tiny_corpus, tmp_path, capsys) -> None:
    batches = sorted(exported.glob("batch-*.csv"))
    assert len(batches) == 2  # 7 sentences, 4 per batch
    first = list(csv.DictReader(batches[0].open(encoding="utf-8")))
    assert {"review_id", "context_before", "text", "proposed", "confidence", "rules", "label"} <= set(first[0])
    rows = edit(batches[0])
    corrections = tmp_path / "corrections.jsonl"
    assert main(["review", "import", str(batches[0]), "--corrections", str(corrections), "--reviewer", "ana"]) == 0
    assert main(["review", "import", str(batches[0]), "--corrections", str(corrections), "--reviewer", "ana"]) == 0
    out = capsys.readouterr().out
    assert "4 correction(s) added" in out and "0 correction(s) added" in out
    saved = [json.loads(line) for line in corrections.read_text().splitlines()]
    assert len(saved) == len(rows) == 4
    assert all(r["label"] == "statistic" and r["reviewer"] == "ana" and r["proposed"] for r in saved)
    old = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "old", "training.epochs=1"), progress=False)
    config = tiny_config(tiny_encoder, tiny_corpus, tmp_path / "new", "training.epochs=1")
    config.data.train.append(type(config.data.train[0])(path=str(corrections), weight=2.0, train_only=True))
    new = train(config, progress=False)
    assert json.loads((new / "metrics.json").read_text())["sizes"]["train"] == 12 + 4
    assert (
        main(
            [
                "evaluate",
                "--model",
                str(new),
                "--compare",
                str(old),
                "--data",
                str(tiny_corpus),
                "--split",
                "test",
                "--out-dir",
                str(tmp_path / "eval"),
            ]
        )
        == 0
    )
    table = capsys.readouterr().out
    assert "transformer (model)" in table and "compared" in table


def test_label_studio_export_and_import(tiny_model: Path, exported: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ls"
    assert (
        main(
            [
                "review",
                "export",
                str(exported.parent / "articles"),
                "--model",
                str(tiny_model),
                "--out",
                str(out),
                "--format",
                "labelstudio",
            ]
        )
        == 0
    )
    tasks = json.loads((out / "batch-001.json").read_text())
    assert tasks[0]["predictions"][0]["result"][0]["value"]["choices"][0] in ("claim", "quote", "statistic", "context")
    for task in tasks:  # what Label Studio exports after a person annotates
        task["annotations"] = [{"result": [{"value": {"choices": ["context"]}}]}]
    (out / "export.json").write_text(json.dumps(tasks), encoding="utf-8")
    corrections = tmp_path / "c.jsonl"
    assert (
        main(["review", "import", str(out / "export.json"), "--corrections", str(corrections), "--reviewer", "li"]) == 0
    )
    assert {json.loads(line)["label"] for line in corrections.read_text().splitlines()} == {"context"}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda rows: rows[1].update(label="opinion"), "row 2: unknown label 'opinion'"),
        (lambda rows: rows[0].update(review_id=""), "row 1: missing review_id"),
        (lambda rows: rows.append(dict(rows[0])), "duplicate review_id"),
    ],
)
def test_corrupt_import_is_refused_and_changes_nothing(exported: Path, tmp_path: Path, capsys, mutate, message) -> None:
    batch = sorted(exported.glob("batch-*.csv"))[0]
    rows = list(csv.DictReader(batch.open(encoding="utf-8")))
    mutate(rows)
    with batch.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text('{"review_id": "x", "text": "Kept.", "label": "claim"}\n', encoding="utf-8")
    before = corrections.read_text()
    assert main(["review", "import", str(batch), "--corrections", str(corrections), "--reviewer", "ana"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert corrections.read_text() == before
