"""Tagging articles: the Python API, every output format, and bad input."""

import csv
import io
import json
from pathlib import Path

import pytest

from claimtag.inference.cli import main
from claimtag.inference.tagger import TaggedSentence, Tagger
from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import LABELS

ARTICLE = (
    "Port strike to go ahead, union says\nBy Ann Lee\n\n"
    "Dock workers will walk out on Monday. The strike will cost about £4m a day.\n\n"
    "“We have no choice,” said Maria Okafor. “Our members have waited two years.”\n"
)


def test_tag_fields_and_offsets(tiny_model: Path) -> None:
    tagger = Tagger.from_pretrained(tiny_model)
    sentences = tagger.tag(ARTICLE)
    assert len(sentences) == 6
    for i, s in enumerate(sentences):
        assert isinstance(s, TaggedSentence)
        assert s.index == i and ARTICLE[s.start : s.end] == s.text
        assert s.label in LABELS and set(s.probs) == set(LABELS)
        assert s.score == max(s.probs.values())
        assert abs(sum(s.probs.values()) - 1) < 1e-3
    assert [s.in_quote for s in sentences][-2:] == [False, False]
    assert [s.paragraph for s in sentences] == [0, 1, 2, 2, 3, 3]


@pytest.mark.parametrize("fast", [True, False], ids=["int8", "fp32"])
def test_tag_many_matches_tag_and_chunking_changes_nothing(tiny_model: Path, fast: bool) -> None:
    tagger = Tagger.from_pretrained(tiny_model, fast=fast)
    articles = [ARTICLE, "Short one. Two sentences.", ""]
    many = tagger.tag_many(articles)
    assert [len(m) for m in many] == [6, 2, 0]
    assert many[0] == tagger.tag(ARTICLE)
    assert tagger.tag_many(["A different article. With its own sentences!", ARTICLE])[1] == many[0]  # neighbours
    small_chunks = tagger.tag_many(articles, chunk=2)
    for a, b in zip(many, small_chunks, strict=True):
        assert [s.label for s in a] == [s.label for s in b]
        for x, y in zip(a, b, strict=True):
            assert all(abs(x.probs[k] - y.probs[k]) < 1e-4 for k in LABELS)


SPOKEN = [
    ARTICLE,
    "Ferry fares rise\n\nThe operator raised fares on Friday. “Fuel costs us more,” said Tomas Vale, its chief.\n",
    "No quotes here. Only two sentences.",
    "Library to close\n\n“It is a sad day,” a resident said. The council said the building was unsafe.\n",
]


def test_who_said_it_shared_with_a_second_process_gives_the_same_records() -> None:
    from claimtag.model.baselines import RulesBaseline

    alone = Tagger(RulesBaseline(), name="rules").tag_many(SPOKEN)
    assert [s.speaker for s in alone[1] if s.speaker] == ["Tomas Vale"]  # speakers to compare, not only Nones
    shared = Tagger(RulesBaseline(), name="rules")
    shared.share_speakers(wait=True)
    pool, sent = shared._helper[0], []
    submit = pool.submit
    pool.submit = lambda fn, items, scorer: sent.append(len(items)) or submit(fn, items, scorer)
    try:
        assert shared.tag_many(SPOKEN) == alone
        assert sent and 0 < sent[0] < len(SPOKEN)  # the later articles were read by the other process
        assert shared.tag(ARTICLE) == alone[0]  # one article: read here
        pool.shutdown()  # gone under it (closed, or killed): the batch is read here, and it is let go
        assert shared.tag_many(SPOKEN) == alone and shared._helper is None
    finally:
        shared.close()


def test_a_long_run_shares_who_said_it_and_stops_the_process(tiny_model: Path, monkeypatch) -> None:
    import os

    from claimtag.inference.stream import tag_stream

    calls = []
    monkeypatch.setattr(Tagger, "share_speakers", lambda self, **_: calls.append("share"))
    monkeypatch.setattr(Tagger, "close", lambda self: calls.append("close"))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    items = [(str(k), text) for k, text in enumerate(SPOKEN * 3)]
    assert len(list(tag_stream(items, {"path_or_name": str(tiny_model)}, chunk=2))) == 12
    assert calls == ["share", "close"]  # from the fourth full chunk of two; closed when the run ends
    calls.clear()
    assert len(list(tag_stream(items[:7], {"path_or_name": str(tiny_model)}, chunk=2))) == 7
    assert calls == ["close"]  # three full chunks and a short one: too short a run for a second process


def test_long_sentence_is_truncated_and_flagged(tiny_model: Path) -> None:
    long = "The council approved " + ", ".join(f"item number {i}" for i in range(60)) + "."
    tagged = Tagger.from_pretrained(tiny_model).tag(f"Short one. {long}")
    assert [s.truncated for s in tagged] == [False, True]


def test_missing_and_corrupt_model(tmp_path: Path) -> None:
    with pytest.raises(ClaimtagError, match="no such model folder"):
        Tagger.from_pretrained(tmp_path / "missing")
    meta = {"format": 1, "kind": "transformer", "labels": list(LABELS), "context": "none", "max_length": 8}
    meta["features"] = ["in_quote", "opens_with_quote", "has_quote_mark", "first_in_paragraph", "no_final_punct"]
    (tmp_path / "claimtag.json").write_text(json.dumps(meta))  # weights missing
    with pytest.raises(ClaimtagError, match=str(tmp_path)):
        Tagger.from_pretrained(tmp_path)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_jsonl_csv_round_trip_offsets(tiny_model: Path, article_file: Path, capsys) -> None:
    base = ["tag", str(article_file), "--model", str(tiny_model)]
    code, out, _ = run([*base, "--format", "json"], capsys)
    assert code == 0
    doc = json.loads(out)[0]
    assert doc["summary"].keys() == set(LABELS)
    assert sum(v["count"] for v in doc["summary"].values()) == 6
    for s in doc["sentences"]:
        assert ARTICLE[s["start"] : s["end"]] == s["text"]
    code, out, _ = run([*base, "--format", "jsonl"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 6 and all(ARTICLE[r["start"] : r["end"]] == r["text"] for r in rows)
    code, out, _ = run([*base, "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6
    assert all(ARTICLE[int(r["start"]) : int(r["end"])] == r["text"] for r in rows)
    assert {f"p_{lab}" for lab in LABELS} <= set(rows[0])


def test_table_and_html(tiny_model: Path, article_file: Path, capsys) -> None:
    code, out, _ = run(["tag", str(article_file), "--model", str(tiny_model), "--colour", "always"], capsys)
    assert code == 0 and "6 sentences:" in out and "\033[" in out
    code, out, _ = run(["tag", str(article_file), "--model", str(tiny_model), "--format", "html"], capsys)
    assert (
        out.startswith("<!DOCTYPE html>") and out.count('class="s ') == 6 + len(LABELS) + 1
    )  # sentences + legend (labels and unsure)


def test_bad_inputs_are_reported_and_the_rest_processed(tiny_model: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "a_empty.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    (tmp_path / "c_latin.txt").write_bytes("Café prices rose. The mayor said so.".encode("cp1252"))
    (tmp_path / "d_ok.md").write_text(ARTICLE, encoding="utf-8")
    out_file = tmp_path / "out" / "tags.jsonl"
    code, _, err = run(
        ["tag", str(tmp_path), "--model", str(tiny_model), "--format", "json", "-o", str(out_file)], capsys
    )
    assert code == 1
    assert "b_binary.txt: binary file" in err
    assert "a_empty.txt: empty article" in err
    assert "c_latin.txt: not UTF-8" in err
    docs = {Path(d["article"]).name: d for d in json.loads(out_file.read_text(encoding="utf-8"))}
    assert set(docs) == {"a_empty.txt", "c_latin.txt", "d_ok.md"}
    assert docs["a_empty.txt"]["sentences"] == []
    assert docs["c_latin.txt"]["sentences"][0]["text"] == "Café prices rose."
    assert not [p for p in out_file.parent.iterdir() if p.name.startswith(".")]


def test_stdin_and_html_file(tiny_model: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav>Home | World | Sport</nav><article><h1>Bridge reopens</h1>"
        "<p>The bridge reopened on Monday after a year of repairs. Traffic was light.</p>"
        "<p>“It feels like a new town,” said Ana Ruiz, who runs a café by the river.</p></article>"
        "<footer>Copyright 2024</footer></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run(["tag", str(page), "--model", str(tiny_model), "--format", "jsonl"], capsys)
    texts = [json.loads(line)["text"] for line in out.splitlines()]
    assert "The bridge reopened on Monday after a year of repairs." in texts
    assert not any("Copyright" in t for t in texts)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"One sentence. Another one.")))
    code, out, _ = run(["tag", "-", "--model", str(tiny_model), "--format", "jsonl"], capsys)
    assert code == 0 and len(out.splitlines()) == 2


def test_a_missing_default_model_is_a_one_line_error(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("claimtag.model.folder.default_model_path", lambda: tmp_path)
    code, _, err = run(["tag", "-"], capsys)
    assert code == 2 and "reinstall claimtag" in err and err.count("\n") == 1


def test_unsure_flag_in_every_format(tiny_model: Path, article_file: Path, capsys) -> None:
    base = ["tag", str(article_file), "--model", str(tiny_model), "--min-confidence", "0.99"]
    code, out, _ = run([*base, "--format", "json"], capsys)
    sentences = json.loads(out)[0]["sentences"]
    assert code == 0 and all(s["unsure"] for s in sentences) and all(s["label"] in LABELS for s in sentences)
    code, out, _ = run([*base, "--format", "csv"], capsys)
    assert all(r["unsure"] == "true" for r in csv.DictReader(io.StringIO(out)))
    code, out, _ = run([*base, "--format", "html"], capsys)
    assert out.count('unsure" data-label') == 6
    code, out, _ = run(["tag", str(article_file), "--model", str(tiny_model), "--format", "json"], capsys)
    assert not any(s["unsure"] for s in json.loads(out)[0]["sentences"])
    code, _, err = run([*base[:4], "--min-confidence", "1.5"], capsys)
    assert code == 2 and "between 0 and 1" in err
