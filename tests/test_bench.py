"""The benchmark runs every requested mode in its own process and reports each column."""

import json
from pathlib import Path

from inference.cli import main
from training.corpus import load_corpus
from training.text import article_texts

SAMPLE = Path(__file__).parents[1] / "training" / "corpus" / "sample.txt"


def test_article_texts_round_trip_through_the_splitter() -> None:
    from inference.split import split_article

    rows = load_corpus(SAMPLE)["train"].to_list()
    texts = article_texts(rows)
    assert len(texts) == 22
    same = sum(
        [s.text for s in split_article(text)] == [r["text"] for r in rows if r["doc_id"] == doc]
        for doc, text in texts.items()
    )
    assert same >= 20


def test_bench_table_and_json(tiny_model: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "bench.json"
    code = main(
        [
            "bench",
            "--model",
            str(tiny_model),
            "--corpus",
            str(SAMPLE),
            "--articles",
            "3",
            "--modes",
            "naive-single",
            "int8",
            "--json",
            str(out),
        ]
    )
    assert code == 0
    text = capsys.readouterr().out
    assert "| naive-single |" in text and "| int8 |" in text
    rows = json.loads(out.read_text())
    assert [r["mode"] for r in rows] == ["naive-single", "int8"]
    assert rows[1]["cold_start_s"] > 0 and rows[1]["sentences_per_s"] > 0 and rows[1]["peak_rss_mb"] > 0
