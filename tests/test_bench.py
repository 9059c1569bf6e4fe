"""The benchmark runs every requested mode in its own process and reports each column."""

import json
import random
from pathlib import Path

import pytest

from claimtag.inference.cli import main
from claimtag.inference.tagger import Tagger
from claimtag.training.corpus import load_corpus
from claimtag.training.text import article_texts

SAMPLE = Path(__file__).parents[1] / "training" / "corpus" / "sample.txt"


def test_article_texts_round_trip_through_the_splitter() -> None:
    from claimtag.inference.split import split_article

    rows = load_corpus(SAMPLE)["train"].to_list()
    texts = article_texts(rows)
    assert len(texts) == 22
    same = sum(
        [s.text for s in split_article(text)] == [r["text"] for r in rows if r["doc_id"] == doc]
        for doc, text in texts.items()
    )
    assert same >= 20


@pytest.mark.slow
def test_bench_table_and_json(tiny_model: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import shutil

    monkeypatch.setenv("CLAIMTAG_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "bench.json"
    student = shutil.copytree(tiny_model, tmp_path / "student")  # a second model, measured in the same run
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
            "int8-torch",
            "int8-onnx",
            "--student",
            str(student),
            "--json",
            str(out),
            "--rounds",
            "2",
        ]
    )
    assert code == 0
    captured = capsys.readouterr()
    text = captured.out
    assert "round 2/2, int8-onnx" in captured.err  # progress on a run of minutes
    assert "median of 2 (range)" in text
    assert "| naive-single |" in text and "| int8-onnx |" in text
    rows = json.loads(out.read_text())
    assert [r["mode"] for r in rows] == ["naive-single", "int8-torch", "int8-onnx", f"int8-onnx {student}"]
    assert rows[3]["model"] == str(student) and rows[3]["cold_start_s"] > 0
    assert "cold_start_s" not in rows[1]  # not a mode claimtag tag offers
    assert rows[2]["cold_start_s"] > 0 and rows[2]["sentences_per_s"] > 0 and rows[2]["peak_rss_mb"] > 0
    assert "Where the time goes" in text and "| speakers |" in text
    for row in rows:  # the median round is reported, with every round's speed
        speeds = row["rounds_sentences_per_s"]
        assert len(speeds) == 2 and row["sentences_per_s"] == min(speeds)  # of two, the slower is the median
        assert row["articles_per_s"] == pytest.approx(row["articles"] / row["seconds"])
    for row in rows:  # the stages account for the throughput run, and none is missing
        assert set(row["stages"]) == {"split", "network", "quantities", "speakers", "output"}
        assert 0 < sum(row["stages"].values()) <= row["seconds"] * 1.01


def test_onnx_int8_matches_torch_and_later_runs_do_not_import_torch(
    tiny_model: Path, tmp_path: Path, monkeypatch
) -> None:
    import subprocess
    import sys

    import numpy as np

    from claimtag.inference.onnx import OnnxModel, onnx_file
    from claimtag.model.folder import ModelMeta, load_model

    monkeypatch.setenv("CLAIMTAG_CACHE", str(tmp_path / "cache"))
    records = load_corpus(SAMPLE)["train"].to_list()[:60]
    fast = OnnxModel.load(tiny_model, ModelMeta.read(tiny_model))  # exports on first use
    assert onnx_file(tiny_model).exists()
    torch_probs, onnx_probs = load_model(tiny_model).predict_proba(records), fast.predict_proba(records)
    assert np.abs(torch_probs - onnx_probs).max() < 0.05
    assert fast.truncated([{"text": "word " * 200}]) == [True]
    code = (
        "import sys; from inference.tagger import Tagger; "
        f"t = Tagger.from_pretrained({str(tiny_model)!r}, fast=True); t.tag('Rates rose 2%. \"Good,\" she said.'); "
        "print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_unwritable_cache_is_a_clear_error(tiny_model: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLAIMTAG_CACHE", str(blocker / "cache"))
    article = tmp_path / "a.txt"
    article.write_text("Rates rose 2%.")
    assert main(["tag", str(article), "--model", str(tiny_model)]) == 2
    assert "set CLAIMTAG_CACHE to a writable folder, or use --no-fast" in capsys.readouterr().err
    assert main(["tag", str(article), "--model", str(tiny_model), "--no-fast", "--format", "jsonl"]) == 0


def test_a_folder_ships_a_distilled_students_int8_network_as_its_fast_path(tiny_encoder: Path, tmp_path: Path) -> None:
    import json

    import numpy as np

    from claimtag.inference.onnx import export_into_folder
    from claimtag.model.errors import ClaimtagError
    from claimtag.model.folder import load_model, model_version, save_model
    from claimtag.model.transformer import TransformerModel

    def folder(name: str, **kw) -> Path:
        (tmp_path / name).mkdir()
        save_model(TransformerModel.from_encoder(str(tiny_encoder), context="none", dropout=0.1, **kw), tmp_path / name)
        return tmp_path / name

    teacher, student = folder("teacher", max_length=24), folder("student", max_length=24, num_layers=1)
    meta = json.loads((student / "claimtag.json").read_text())
    (student / "claimtag.json").write_text(json.dumps(meta | {"temperature": 2.5, "min_confidence": 0.6}))
    before = model_version(teacher)
    export_into_folder(teacher, student)
    assert model_version(teacher) != before  # outputs change, so the version names it
    width = json.loads((student / "encoder" / "config.json").read_text())["intermediate_size"]
    assert json.loads((teacher / "onnx.json").read_text())["student"]["feed_forward"] == width  # for the card

    records = load_corpus(SAMPLE)["train"].to_list()[:40]
    fast, exact = Tagger.from_pretrained(teacher), Tagger.from_pretrained(teacher, fast=False)
    assert (fast.min_confidence, fast.model.temperature) == (0.6, 2.5)  # the student's own calibration
    assert exact.min_confidence != 0.6
    student_probs = load_model(student).predict_proba(records)
    assert np.abs(fast.model.predict_proba(records) - student_probs).max() < 0.05
    assert np.abs(exact.model.predict_proba(records) - student_probs).max() > 0.05  # --no-fast: the teacher

    other = folder("other", max_length=32, num_layers=1)
    with pytest.raises(ClaimtagError, match="not a student of .* max_length"):
        export_into_folder(teacher, other)


def test_padded_cuts_minimise_padding_plus_runs_and_stay_within_the_batch_size() -> None:
    import itertools

    from claimtag.inference.onnx import padded_cuts

    def cost(lengths, cuts, overhead):
        return sum(overhead + (b - a) * lengths[b - 1] for a, b in cuts)

    rng = random.Random(0)
    for _ in range(60):
        lengths = sorted(rng.randint(3, 60) for _ in range(rng.randint(1, 8)))
        most, overhead = rng.randint(1, 4), rng.choice([0, 16, 64])
        cuts = padded_cuts(lengths, most, overhead)
        assert cuts[0][0] == 0 and cuts[-1][1] == len(lengths)
        assert all(a == b for (_, a), (b, _) in itertools.pairwise(cuts)) and all(0 < b - a <= most for a, b in cuts)
        every = (  # all ways to cut, by which of the n-1 gaps are cut points
            [(a, b) for a, b in itertools.pairwise([0, *gaps, len(lengths)])]
            for k in range(len(lengths))
            for gaps in itertools.combinations(range(1, len(lengths)), k)
        )
        best = min(cost(lengths, c, overhead) for c in every if all(b - a <= most for a, b in c))
        assert cost(lengths, cuts, overhead) == best
    assert padded_cuts([], 32) == []


def test_an_articles_int8_scores_do_not_depend_on_what_else_is_tagged(
    tiny_model: Path, tmp_path: Path, monkeypatch
) -> None:
    import numpy as np

    from claimtag.inference.onnx import OnnxModel
    from claimtag.model.folder import ModelMeta

    monkeypatch.setenv("CLAIMTAG_CACHE", str(tmp_path / "cache"))
    records = load_corpus(SAMPLE)["train"].to_list()
    first = [r for r in records if r["doc_id"] == records[0]["doc_id"]]
    others = [r for r in records if r["doc_id"] != records[0]["doc_id"]][:80]
    fast = OnnxModel.load(tiny_model, ModelMeta.read(tiny_model))
    alone = fast.logits(first)
    assert np.array_equal(fast.logits(others + first)[len(others) :], alone)
    assert np.array_equal(fast.logits(first + others)[: len(first)], alone)


def test_scoring_a_fast_path_again_needs_a_shipped_one(tiny_model: Path) -> None:
    from claimtag.model.errors import ClaimtagError
    from claimtag.training.student import score_fast_path

    with pytest.raises(ClaimtagError, match="no shipped fast path"):
        score_fast_path(tiny_model)


def test_bench_refuses_fewer_than_one_round(capsys) -> None:
    assert main(["bench", "--rounds", "0", "--modes", "int8-onnx"]) != 0
    assert "--rounds must be at least 1" in capsys.readouterr().err
    assert main(["bench", "--rounds", "3", "--scaling", "1"]) != 0  # not silently ignored
    assert "--scaling times each input once" in capsys.readouterr().err
