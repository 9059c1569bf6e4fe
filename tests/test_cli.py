"""The command line: help, data stats, inputs (Markdown, HTML fragments, --input-format) and one-line errors."""

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


def test_data_split_writes_another_groups_held_out_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claimtag.training.corpus import load_corpus

    config = tmp_path / "c.yaml"
    sources = f"[{{path: {SAMPLE}, group: real}}, {{path: {SAMPLE}, group: team}}]"
    config.write_text(f"data: {{train: {sources}, select_on: real, dev_size: 0.15, test_size: 0.15}}\n")
    out = tmp_path / "team.jsonl"
    assert main(["data", "split", "--config", str(config), "--split", "test_team", "--out", str(out)]) == 0
    assert 0 < len(load_corpus(out)["train"]) < 166
    assert main(["data", "split", "--config", str(config), "--split", "test_nobody", "--out", str(out)]) == 2
    assert "no split 'test_nobody' (has train, dev, test, dev_team, test_team)" in capsys.readouterr().err


STORY_MD = """# Harbour bridge shut until spring

![The bridge at low tide](bridge.jpg)
*The closed bridge seen from the quay.*

The **council** said on [Monday](https://example.org) that the bridge will stay shut.
"""


def test_tag_renders_markdown_and_offsets_index_the_rendered_text(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from claimtag.inference.markup import to_plain

    path = tmp_path / "story.md"
    path.write_text(STORY_MD, encoding="utf-8")
    assert main(["tag", str(path), "--model", str(tiny_model), "--format", "json"]) == 0
    article = json.loads(capsys.readouterr().out)[0]
    texts = [s["text"] for s in article["sentences"]]
    assert texts == [
        "Harbour bridge shut until spring",
        "The closed bridge seen from the quay.",
        "The council said on Monday that the bridge will stay shut.",
    ]
    rendered = to_plain(STORY_MD, "markdown").text
    assert all(rendered[s["start"] : s["end"]] == s["text"] for s in article["sentences"])
    assert article["meta"] == {"captions": ["The bridge at low tide"]}
    assert main(["tag", str(path), "--model", str(tiny_model), "--format", "jsonl", "--input-format", "text"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["text"] == "# Harbour bridge shut until spring" and "meta" not in first


def test_tag_reads_an_html_fragment_on_stdin_and_keeps_its_captions(
    tiny_model: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import json

    fragment = (
        "<p>The council said on Monday that the harbour bridge will stay shut until spring.</p>\n"
        '<figure><img src="b.jpg"><figcaption>The bridge at low tide.</figcaption></figure>\n'
        "<p>Ferries will run every hour while the crossing is closed, and buses take the long way round.</p>\n"
        "<p>Traders say footfall has fallen by a third since the bridge shut in January this year.</p>"
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(fragment.encode())))
    assert main(["tag", "-", "--model", str(tiny_model), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["text"][:12] for line in lines] == ["The council ", "Ferries will", "Traders say "]
    assert all(line["meta"] == {"captions": ["The bridge at low tide."]} for line in lines)


def test_a_corpus_of_html_rows_is_rendered_with_input_format_html(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    corpus = tmp_path / "pages.jsonl"
    corpus.write_text(json.dumps({"text": "<p>The bridge shut.</p><p>It reopens in May.</p>"}) + "\n", encoding="utf-8")
    args = ["tag", str(corpus), "--model", str(tiny_model), "--format", "jsonl", "--no-progress"]
    assert main([*args, "--input-format", "html"]) == 0
    assert [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()] == [
        "The bridge shut.",
        "It reopens in May.",
    ]
    assert main(args) == 0  # auto: a corpus column is read as the text it holds
    assert json.loads(capsys.readouterr().out.splitlines()[0])["text"].startswith("<p>")


def test_a_bad_output_path_fails_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The council met.", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    missing_model = str(tmp_path / "no-model")  # loading it would fail: the output is checked first
    cases = [
        (["tag", str(article), "--model", missing_model, "-o", str(tmp_path)], "is a folder; give a file name"),
        (["tag", str(article), "--model", missing_model, "-o", str(blocker / "x.csv")], "is a file"),
        (["review", "export", str(article), "--model", missing_model, "--out", str(blocker)], "not a folder"),
        (
            ["evaluate", "--model", missing_model, "--data", str(SAMPLE), "--out-dir", str(blocker / "eval")],
            "is a file",
        ),
    ]
    for argv, message in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert message in err and "no-model" not in err and "Traceback" not in err


def test_a_folder_streams_to_a_partial_and_reports_bad_files(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for i in range(6):
        (folder / ("sub" if i % 2 else "") / f"a{i}.txt").write_text(f"Story {i} opens. It ends.", encoding="utf-8")
    (folder / "z.txt").write_bytes(bytes(range(256)))
    out = tmp_path / "out.jsonl"
    args = ["tag", str(folder), "--model", str(tiny_model), "--format", "jsonl", "--no-progress", "-o", str(out)]
    assert main([*args, "--workers", "2", "--text-column", "body"]) == 1  # a bad file: reported, the rest tagged
    err = capsys.readouterr().err
    assert "--text-column applies to a corpus" in err and "z.txt: binary file" in err
    assert "7 inputs: 6 article(s) tagged (12 sentences), 1 skipped" in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["row"] for r in rows] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]
    assert rows[0]["article"].endswith("a0.txt") and rows[0]["mode"] == "int8"
    assert json.loads(Path(f"{out}.errors.jsonl").read_text(encoding="utf-8"))["row"] == 7

    Path(f"{out}.partial").write_text("", encoding="utf-8")  # an interrupted run: never overwritten silently
    assert main(args) == 2
    assert "out.jsonl.partial exists (an interrupted run): --resume continues it" in capsys.readouterr().err
    assert main([*args, "--resume"]) == 1 and out.read_text(encoding="utf-8").count("\n") == 12
    assert main([*args, "--format", "json", "--resume"]) == 2


def test_table_fits_80_columns_and_flags_follow_the_sentence() -> None:
    from claimtag.inference.formats import Result, csv_rows, table
    from claimtag.inference.tagger import TaggedSentence

    text = "Independent structural engineer Alison Frame believes it is, provided no further corrosion is found."
    probs = {"claim": 0.2, "quote": 0.51, "statistic": 0.09, "context": 0.2}
    s = TaggedSentence(
        0, 0, len(text), text, 0, False, "quote", 0.51, probs, unsure=True, quote_id="q8", speaker="Alison Frame"
    )
    lines = table(Result("a", [s]), width=80).splitlines()
    assert lines[1].startswith("1 sentence:")
    assert max(len(line) for line in lines) <= 80
    body = " ".join(line[21:] for line in lines[2:])
    assert body.startswith(text) and body.endswith("[unsure] [q8: Alison Frame]")  # never inside the sentence
    assert csv_rows(Result("a", [s]))[0][6] == "false" and "true" in csv_rows(Result("a", [s]))[0]
