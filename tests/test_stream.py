"""`claimtag tag` over a corpus table: streamed, in order, the same with one or two workers."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from claimtag.inference.cli import main
from claimtag.inference.stream import is_table, read_articles

ARTICLES = [
    'Rates rose 2% in May. "It was expected," said Ann Lee.',
    "The council closed the library. About 300 people protested.",
    "",
    "Flood warning issued\n\nThe river burst its banks overnight.",
]


@pytest.fixture()
def table(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"url": f"u{i}", "body": t}) + "\n" for i, t in enumerate(ARTICLES)))
    return path


def test_jsonl_parquet_and_datasets_read_the_same_pairs(table: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasets import Dataset

    rows = [json.loads(line) for line in table.read_text().splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "news.parquet")
    Dataset.from_list(rows).save_to_disk(str(tmp_path / "saved"))
    expected = [(f"u{i}", t) for i, t in enumerate(ARTICLES)]
    for path in (table, tmp_path / "news.parquet", tmp_path / "saved"):
        assert is_table(str(path))
        pairs, total = read_articles(str(path), "body", "url")
        assert total == 4 and list(pairs) == expected
    assert not is_table(str(tmp_path / "article.txt"))


def test_corpus_tagging_streams_in_order_with_one_or_two_workers(
    tiny_model: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtag.inference.onnx import onnx_file

    monkeypatch.setenv("CLAIMTAG_CACHE", str(tmp_path / "cache"))  # empty: the parent exports before the workers
    outputs = []
    for workers in (2, 1):
        out = tmp_path / f"tagged-{workers}.jsonl"
        args = ["tag", str(table), "--model", str(tiny_model), "--text-column", "body", "--id-column", "url"]
        assert main([*args, "--format", "jsonl", "--workers", str(workers), "--output", str(out), "--no-progress"]) == 0
        assert not Path(str(out) + ".partial").exists()
        outputs.append([json.loads(line) for line in out.read_text().splitlines()])
    assert onnx_file(tiny_model).exists()
    assert outputs[0] == outputs[1]
    assert [r["article"] for r in outputs[0]] == ["u0", "u0", "u1", "u1", "u3", "u3"]  # u2 is empty
    assert outputs[0][1]["text"] == '"It was expected," said Ann Lee.'


def test_corpus_tagging_writes_csv_and_names_rows_by_number(tiny_model: Path, tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"text": ARTICLES[1]}) + "\n")
    out = tmp_path / "tagged.csv"
    assert main(["tag", str(path), "--model", str(tiny_model), "--format", "csv", "--output", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [r["article"] for r in rows] == ["0", "0"] and rows[1]["text"] == "About 300 people protested."


def test_corpus_errors_are_one_line(tiny_model: Path, table: Path, capsys) -> None:
    assert main(["tag", str(table), "--model", str(tiny_model), "--format", "jsonl"]) == 2
    assert "no column 'text' (columns: url, body); see --text-column" in capsys.readouterr().err
    assert main(["tag", str(table), "--model", str(tiny_model), "--text-column", "body"]) == 2
    assert "use --format jsonl or --format csv" in capsys.readouterr().err
