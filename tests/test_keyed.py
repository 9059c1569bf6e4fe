"""Keyed labels: joined with the source text, and refused when the source changed."""

import json
from pathlib import Path

import pytest

from claimtag.model.errors import ClaimtagError
from claimtag.training.corpus import load_corpus
from claimtag.training.keyed import sentence_hash

REPO = Path(__file__).parents[1]
GUM = REPO.parent / "shared" / "data" / "gum-news" / "articles.jsonl"
SENTS = ["Storm closes port", "The port closed on Monday.", "“It is too dangerous,” the harbourmaster said."]


def write(tmp_path: Path, sents: list[str], labels: list[str]) -> tuple[Path, Path]:
    source = tmp_path / "articles.jsonl"
    doc = {"doc_id": "d1", "sentences": [{"text": t, "paragraph": i} for i, t in enumerate(sents)]}
    source.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    rows = ["doc_id\tindex\tsha1\tlabel\tquote_id\tspeaker"]
    for i, (text, label) in enumerate(zip(SENTS, labels, strict=True)):
        extra = "q1\tthe harbourmaster" if label == "quote" else "\t"
        rows.append(f"d1\t{i}\t{sentence_hash(text)}\t{label}\t{extra}")
    keyed = tmp_path / "labels.tsv"
    keyed.write_text("# a comment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return keyed, source


def test_join(tmp_path: Path) -> None:
    keyed, source = write(tmp_path, SENTS, ["context", "claim", "quote"])
    train = load_corpus(keyed, source=source)["train"]
    assert train["text"] == SENTS
    assert train["speaker"] == [None, None, "the harbourmaster"]


def test_changed_source_is_refused(tmp_path: Path) -> None:
    keyed, source = write(tmp_path, [*SENTS[:2], "Something else entirely."], ["context", "claim", "quote"])
    with pytest.raises(ClaimtagError, match="row 3: sentence 2 of d1 changed"):
        load_corpus(keyed, source=source)


def test_missing_source(tmp_path: Path) -> None:
    keyed, _ = write(tmp_path, SENTS, ["context", "claim", "quote"])
    with pytest.raises(ClaimtagError, match="need the source articles"):
        load_corpus(keyed)
    with pytest.raises(ClaimtagError, match="source articles not found"):
        load_corpus(keyed, source=tmp_path / "nope.jsonl")


@pytest.mark.skipif(not GUM.exists(), reason="../shared/data is not beside this checkout")
def test_shipped_gum_labels_match_the_shared_articles() -> None:
    train = load_corpus(REPO / "training" / "corpus" / "gum_labels.tsv", source=GUM)["train"]
    assert len(set(train["doc_id"])) == 16
    assert len(train) > 400
