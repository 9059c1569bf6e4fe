"""The review loop: export -> correct -> import -> retrain -> compare, and bad imports change nothing."""

import csv
import json
from pathlib import Path

import pytest

from claimtag.inference.cli import main
from claimtag.training.review import confirmed_path
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
        row["label"] = label  # a scripted reviewer: every row set to one label
    save(path, rows)
    return rows


def save(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def stored(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def other(label: str) -> str:
    return "context" if label != "context" else "claim"


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
    assert "4 unchanged" in out
    saved = stored(corrections) + stored(confirmed_path(corrections))
    assert len(saved) == len(rows) == 4
    assert all(r["label"] == "statistic" and r["reviewer"] == "ana" and r["proposed"] for r in saved)
    old = train(tiny_config(tiny_encoder, tiny_corpus, tmp_path / "old", "training.epochs=1"), progress=False)
    config = tiny_config(tiny_encoder, tiny_corpus, tmp_path / "new", "training.epochs=1")
    for path in (corrections, confirmed_path(corrections)):
        if path.exists():
            config.data.train.append(type(config.data.train[0])(path=str(path), weight=2.0, train_only=True))
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
    assert f"transformer ({new})" in table and f"transformer ({old}, compared)" in table


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
    fixed = []
    for task in tasks:  # what Label Studio exports after a person annotates: each label changed
        predicted = task["predictions"][0]["result"][0]["value"]["choices"][0]
        fixed.append("claim" if predicted != "claim" else "context")
        task["annotations"] = [{"result": [{"value": {"choices": [fixed[-1]]}}]}]
    (out / "export.json").write_text(json.dumps(tasks), encoding="utf-8")
    corrections = tmp_path / "c.jsonl"
    assert (
        main(["review", "import", str(out / "export.json"), "--corrections", str(corrections), "--reviewer", "li"]) == 0
    )
    rows = [json.loads(line) for line in corrections.read_text().splitlines()]
    assert len(rows) == len(tasks) and sorted(r["label"] for r in rows) == sorted(fixed)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda rows: rows[1].update(label="opinion"), "row 2 (review_id "),
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


def test_edits_are_corrections_untouched_rows_confirmations_blank_rows_skipped(
    exported: Path, tmp_path, capsys
) -> None:
    batch = sorted(exported.glob("batch-*.csv"))[0]
    rows = list(csv.DictReader(batch.open(encoding="utf-8")))
    assert {"speaker", "quote_id", "proposed_speaker"} <= set(rows[0])
    rows[0]["label"] = other(rows[0]["proposed"])  # corrected
    rows[1]["label"] = ""  # not reviewed
    save(batch, rows)  # rows 2 and 3 left as proposed: confirmed
    corrections = tmp_path / "corrections.jsonl"
    assert main(["review", "import", str(batch), "--corrections", str(corrections), "--reviewer", "ana"]) == 0
    assert "1 correction(s) added, 2 confirmed, 0 updated" in capsys.readouterr().out
    assert [r["review_id"] for r in stored(corrections)] == [rows[0]["review_id"]]
    assert stored(corrections)[0]["status"] == "corrected"
    confirmed = stored(confirmed_path(corrections))
    assert {r["review_id"] for r in confirmed} == {rows[2]["review_id"], rows[3]["review_id"]}
    assert all(r["status"] == "confirmed" and r["label"] == r["proposed"] for r in confirmed)


def test_reimporting_an_edited_batch_updates_the_row_and_keeps_its_history(exported: Path, tmp_path, capsys) -> None:
    batch = sorted(exported.glob("batch-*.csv"))[0]
    rows = list(csv.DictReader(batch.open(encoding="utf-8")))
    rows[0]["label"] = other(rows[0]["proposed"])
    save(batch, rows)
    corrections = tmp_path / "corrections.jsonl"
    args = ["review", "import", str(batch), "--corrections", str(corrections), "--reviewer", "ana"]
    assert main(args) == 0
    first = rows[0]["label"]
    rows[0]["label"] = "statistic" if first != "statistic" else "quote"  # a second thought
    rows[1]["label"] = other(rows[1]["proposed"])  # a confirmation turned into a correction
    save(batch, rows)
    capsys.readouterr()
    assert main([*args[:-1], "li"]) == 0
    assert "0 correction(s) added, 0 confirmed, 2 updated (earlier version kept in history), 2 unchanged" in (
        capsys.readouterr().out
    )
    by_id = {r["review_id"]: r for r in stored(corrections)}
    assert by_id[rows[0]["review_id"]]["label"] == rows[0]["label"]
    assert by_id[rows[0]["review_id"]]["reviewer"] == "li"
    assert [(h["label"], h["reviewer"]) for h in by_id[rows[0]["review_id"]]["history"]] == [(first, "ana")]
    assert by_id[rows[1]["review_id"]]["history"][0]["status"] == "confirmed"
    assert rows[1]["review_id"] not in {r["review_id"] for r in stored(confirmed_path(corrections))}
    assert len(stored(corrections)) + len(stored(confirmed_path(corrections))) == 4


def test_export_never_overwrites_a_batch_and_skips_what_was_reviewed(
    tiny_model: Path, exported: Path, tmp_path, capsys
) -> None:
    batch = sorted(exported.glob("batch-*.csv"))[0]
    edited = edit(batch)
    before = batch.read_text(encoding="utf-8")
    corrections = tmp_path / "corrections.jsonl"
    assert main(["review", "import", str(batch), "--corrections", str(corrections), "--reviewer", "ana"]) == 0
    articles = str(exported.parent / "articles")
    again = ["review", "export", articles, "--model", str(tiny_model), "--per-batch", "4"]
    assert main([*again, "--out", str(exported)]) == 0  # everything is already out for review there
    assert "0 sentences" in capsys.readouterr().out
    assert batch.read_text(encoding="utf-8") == before
    fresh = tmp_path / "fresh"
    assert main([*again, "--out", str(fresh), "--corrections", str(corrections)]) == 0
    assert "(4 left out: already reviewed" in capsys.readouterr().out
    new = list(csv.DictReader((fresh / "batch-001.csv").open(encoding="utf-8")))
    assert new and not {r["review_id"] for r in new} & {r["review_id"] for r in edited}
    assert main([*again, "--out", str(fresh), "--corrections", str(corrections)]) == 0
    assert sorted(p.name for p in fresh.iterdir()) == ["batch-001.csv"]  # nothing new: no batch, none replaced
    more = exported.parent / "more"
    assert main([*again, "--out", str(more), "--limit", "3"]) == 0
    assert main([*again, "--out", str(more), "--limit", "3"]) == 0  # the next three, in the next batch
    first, second = (list(csv.DictReader((more / f"batch-00{b}.csv").open(encoding="utf-8"))) for b in (1, 2))
    assert len(first) == 3 and second and not {r["review_id"] for r in first} & {r["review_id"] for r in second}


def test_a_corrected_speaker_reaches_the_speaker_training(exported: Path, tmp_path) -> None:
    from claimtag.training.attribution import attributed_rows, gold_articles
    from claimtag.training.corpus import load_corpus

    rows = [r for b in sorted(exported.glob("batch-*.csv")) for r in csv.DictReader(b.open(encoding="utf-8"))]
    quote = next(r for r in rows if "Ruth Mbeki" in r["text"])
    quote["label"], quote["speaker"] = "quote", "Ruth Mbeki"
    batch = tmp_path / "batch-009.csv"
    save(batch, [quote])
    corrections = tmp_path / "corrections.jsonl"
    assert main(["review", "import", str(batch), "--corrections", str(corrections), "--reviewer", "ana"]) == 0
    saved = load_corpus(corrections)
    articles = gold_articles(attributed_rows(saved["train"]))
    assert [a.speakers for a in articles] == [["Ruth Mbeki"]]
