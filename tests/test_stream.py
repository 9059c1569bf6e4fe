"""`claimtag tag` over many articles: streamed in order, bad rows skipped and listed, provenance
on every row, interrupted runs resumed to the same bytes."""

from __future__ import annotations

import codecs
import csv
import json
import os
import signal
from pathlib import Path

import pytest

from claimtag.inference import stream
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


def _tag(model: Path, path: Path, *extra: str) -> int:
    args = ["tag", str(path), "--model", str(model), "--text-column", "body", "--id-column", "url", "--no-progress"]
    return main([*args, *extra])


def test_jsonl_parquet_and_datasets_read_the_same_rows(table: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasets import Dataset

    rows = [json.loads(line) for line in table.read_text().splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "news.parquet")
    Dataset.from_list(rows).save_to_disk(str(tmp_path / "saved"))
    expected = [(i + 1, f"u{i}", t) for i, t in enumerate(ARTICLES)]
    for path in (table, tmp_path / "news.parquet", tmp_path / "saved"):
        assert is_table(str(path))
        read, total = read_articles(str(path), "body", "url")
        assert total == 4 and [(r.row, r.id, r.text) for r in read] == expected
    assert not is_table(str(tmp_path / "article.txt"))
    assert [r.text for r in read_articles(str(table), "Body", "URL")[0]] == ARTICLES  # column names, any case


def test_corpus_tagging_streams_in_order_with_one_or_two_workers(
    tiny_model: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtag.inference.onnx import onnx_file

    monkeypatch.setenv("CLAIMTAG_CACHE", str(tmp_path / "cache"))  # empty: the parent exports before the workers
    outputs = []
    for workers in (2, 1):
        out = tmp_path / f"tagged-{workers}.jsonl"
        assert _tag(tiny_model, table, "--format", "jsonl", "--workers", str(workers), "-o", str(out)) == 0
        assert not Path(f"{out}.partial").exists()
        outputs.append(out.read_bytes())
        errors = [json.loads(line) for line in Path(f"{out}.errors.jsonl").read_text().splitlines()]
        assert errors == [{"row": 3, "id": "u2", "kind": "empty", "reason": "empty article: no sentences"}]
    assert onnx_file(tiny_model).exists()
    assert outputs[0] == outputs[1]
    rows = [json.loads(line) for line in outputs[0].decode().splitlines()]
    assert [(r["article"], r["row"]) for r in rows] == [("u0", 1)] * 2 + [("u1", 2)] * 2 + [("u3", 4)] * 2
    assert rows[1]["text"] == '"It was expected," said Ann Lee.'


def test_the_loaded_model_is_kept_out_of_the_collectors_full_passes(tiny_model: Path) -> None:
    import gc

    from claimtag.inference.stream import tag_stream

    gc.unfreeze()
    tagged = dict(tag_stream([("a", "The port reopened on Monday. Trade resumed.")], {"path_or_name": str(tiny_model)}))
    assert [s.text for s in tagged["a"]] == ["The port reopened on Monday.", "Trade resumed."]
    assert gc.get_freeze_count() > 1000  # the model and tokenizer: left alone by the full collections tagging sets off


def test_every_row_records_model_version_and_mode(tiny_model: Path, tmp_path: Path) -> None:
    from claimtag.model.folder import model_version

    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"text": ARTICLES[1]}) + "\n")
    version = model_version(tiny_model)
    assert len(version) == 12
    for fast, mode in (("--fast", "int8"), ("--no-fast", "fp32")):
        out = tmp_path / f"{mode}.csv"
        assert main(["tag", str(path), "--model", str(tiny_model), "--format", "csv", fast, "-o", str(out)]) == 0
        rows = list(csv.DictReader(out.open()))
        assert [(r["article"], r["row"]) for r in rows] == [("1", "1"), ("1", "1")]  # named by row number
        assert rows[1]["text"] == "About 300 people protested."
        assert {(r["model"], r["model_version"], r["mode"]) for r in rows} == {(str(tiny_model), version, mode)}
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[0])
    out = tmp_path / "a.json"
    assert main(["tag", str(article), "--model", str(tiny_model), "--format", "json", "-o", str(out)]) == 0
    [result] = json.loads(out.read_text())
    made = (result["model"], result["model_version"], result["mode"], result["row"])
    assert made == (str(tiny_model), version, "int8", 1)


def test_corpus_errors_are_one_line(tiny_model: Path, table: Path, capsys) -> None:
    assert main(["tag", str(table), "--model", str(tiny_model), "--format", "jsonl"]) == 2
    assert "no column 'text' (columns: url, body); see --text-column" in capsys.readouterr().err
    assert main(["tag", str(table), "--model", str(tiny_model), "--text-column", "body"]) == 2
    assert "use --format jsonl or --format csv" in capsys.readouterr().err


BAD_LINES = [
    b'{"url": "good", "body": "The council met. It voted."}',  # row 1 (after a UTF-8 byte-order mark)
    b'{"url": "surrogate", "body": "Bad \\ud800 text."}',  # 2: a lone surrogate (escaped in JSON)
    b'{"url": "broken", "body": "no closing',  # 3: invalid JSON
    b'{"url": "no-body"}',  # 4: missing text field
    b'{"url": "number", "body": 42}',  # 5: not a string
    b'{"url": "null", "body": null}',  # 6: null text: empty, reported
    b'{"url": "good", "body": "Again the same id. Still tagged."}',  # 7: duplicate id
    b'{"body": "No id here. Named by its row."}',  # 8: null id
    b"",  # 9: blank line (not a row)
    '{"url": "latin", "body": "Caf\u00e9 prices rose."}'.encode("latin-1"),  # 10: not UTF-8
    b'{"url": "cut", "body": "The last line was cu',  # 11: cut, no newline
]


def _bad_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + b"\n".join(BAD_LINES))
    return path


def test_bad_rows_are_reported_listed_and_skipped(tiny_model: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert _tag(tiny_model, _bad_corpus(tmp_path), "--format", "jsonl", "-o", str(out)) == 1  # complete, with skips
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted({(r["row"], r["article"]) for r in rows}) == [(1, "good"), (7, "good"), (8, "8"), (10, "latin")]
    assert rows[-1]["text"] == "Café prices rose."
    listed = [json.loads(line) for line in Path(f"{out}.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["row"], e["id"], e["kind"]) for e in listed] == [
        (2, "surrogate", "skipped"),
        (3, "3", "skipped"),
        (4, "no-body", "skipped"),
        (5, "number", "skipped"),
        (6, "null", "empty"),
        (11, "11", "skipped"),
    ]
    err = capsys.readouterr().err
    assert "row 2 (url 'surrogate'): the text has a lone surrogate (\\ud800 at character 4" in err
    assert "row 3 (url '3'): invalid JSON (Unterminated string starting at, column 27) (a cut line?)" in err
    assert "row 4 (url 'no-body'): no 'body' field" in err
    assert "row 5 (url 'number'): 'body' is int, not text" in err
    assert "row 6 (url 'null'): empty article: the text is null" in err
    assert "row 7 (url 'good'): id 'good' also names row 1" in err
    assert "row 8 (url '8'): no 'url': named by its row number" in err
    assert "row 10 (url 'latin'): not UTF-8: decoded as cp1252" in err
    assert "10 rows: 4 article(s) tagged (7 sentences), 5 skipped, 1 empty, 3 warning(s)" in err
    assert "Traceback" not in err


def test_a_utf16_corpus_is_read(tiny_model: Path, tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_text(json.dumps({"text": "Prices rose. Wages fell."}) + "\n", encoding="utf-16")
    assert [(r.row, r.text) for r in read_articles(str(path), "text", None)[0]] == [(1, "Prices rose. Wages fell.")]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_continues_a_cut_partial_to_the_same_bytes(tiny_model: Path, tmp_path: Path, fmt: str) -> None:
    corpus = tmp_path / "news.jsonl"
    texts = [f'Article {i} opens. The council spent {i}00 pounds. "Fine," said Ann Lee.' for i in range(12)]
    texts[4] = ""  # an empty row and a bad row in the part that is kept
    corpus.write_text("".join(json.dumps({"url": f"u{i}", "body": t}) + "\n" for i, t in enumerate(texts)) + "oops\n")
    whole = tmp_path / f"whole.{fmt}"
    assert _tag(tiny_model, corpus, "--format", fmt, "-o", str(whole)) == 1
    reference, reference_errors = whole.read_bytes(), Path(f"{whole}.errors.jsonl").read_bytes()

    out = tmp_path / f"out.{fmt}"
    partial = Path(f"{out}.partial")
    cut = reference.index(b"u7") + 30  # inside article u7: a run stopped mid-article
    partial.write_bytes(reference[:cut])
    Path(f"{out}.errors.jsonl").write_bytes(reference_errors)
    assert _tag(tiny_model, corpus, "--format", fmt, "-o", str(out)) == 2  # refuses without --resume
    assert partial.read_bytes() == reference[:cut]
    assert _tag(tiny_model, corpus, "--format", fmt, "-o", str(out), "--resume") == 1
    assert out.read_bytes() == reference and not partial.exists()
    assert Path(f"{out}.errors.jsonl").read_bytes() == reference_errors

    partial.write_bytes(reference[:cut])  # written by another mode: not resumed into one file
    assert _tag(tiny_model, corpus, "--format", fmt, "-o", str(out), "--resume", "--no-fast") == 2
    assert _tag(tiny_model, corpus, "--format", fmt, "-o", str(out), "--overwrite", "--no-fast") == 1
    assert b"fp32" in out.read_bytes()


def test_sigterm_leaves_a_clean_partial_that_resumes(
    tiny_model: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    whole = tmp_path / "whole.jsonl"
    assert _tag(tiny_model, table, "--format", "jsonl", "-o", str(whole)) == 0
    real = stream.tag_stream

    def stopped_after_two(*args, **kwargs):
        for n, item in enumerate(real(*args, **kwargs)):
            if n == 2:
                os.kill(os.getpid(), signal.SIGTERM)  # the handler raises here, as in a real run
            yield item

    monkeypatch.setattr(stream, "tag_stream", stopped_after_two)
    out = tmp_path / "out.jsonl"
    assert _tag(tiny_model, table, "--format", "jsonl", "-o", str(out)) == 143
    assert "keeps the articles done; --resume continues" in capsys.readouterr().err
    partial = Path(f"{out}.partial")
    assert not out.exists() and whole.read_bytes().startswith(partial.read_bytes())
    assert {json.loads(line)["article"] for line in partial.read_text().splitlines()} == {"u0", "u1"}
    assert signal.getsignal(signal.SIGTERM) is not None  # the handler is put back after the run
    monkeypatch.setattr(stream, "tag_stream", real)
    assert _tag(tiny_model, table, "--format", "jsonl", "-o", str(out), "--resume") == 0
    assert out.read_bytes() == whole.read_bytes()


def test_the_ray_example_parses_and_uses_only_the_shipped_api() -> None:
    """docs/examples/ray_tag.py runs where Ray is installed (not in this test environment): here
    it must at least parse, and every claimtag name it imports must exist."""
    import ast
    import importlib

    source = Path(__file__).parents[1] / "docs" / "examples" / "ray_tag.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claimtag")
        for alias in node.names
    ]
    assert {name for _, name in imported} >= {"Tagger", "csv_rows", "provenance"}
    for module, name in imported:
        assert hasattr(importlib.import_module(module), name), f"{module}.{name}"
    compile(source.read_text(encoding="utf-8"), str(source), "exec")
