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
    corpus = load_corpus(REPO / "training" / "corpus" / "gum_labels.tsv", source=GUM)
    assert {name: len(set(split["doc_id"])) for name, split in corpus.items()} == {"train": 12, "dev": 2, "test": 2}
    assert sum(len(split) for split in corpus.values()) == 485
    reserved = {"afghan", "defector", "election", "iodine", "nasa", "taxes", "warming", "stampede"}
    assert not {d.removeprefix("GUM_news_") for split in corpus.values() for d in split["doc_id"]} & reserved


def test_offset_keyed_labels_with_a_split_column(tmp_path: Path) -> None:
    text = "Storm closes port\n\nThe port closed on Monday. “It is too dangerous,” the harbourmaster said."
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"doc_id": "d1", "text": text}) + "\n", encoding="utf-8")
    spans = [(0, 17, 0), (19, 45, 1), (46, len(text), 1)]
    rows = ["doc_id\tindex\tstart\tend\tparagraph\tsha1\tsplit\tlabel\tquote_id\tspeaker"]
    for i, ((a, b, p), label) in enumerate(zip(spans, ["context", "claim", "quote"], strict=True)):
        extra = "q1\tthe harbourmaster" if label == "quote" else "\t"
        rows.append(f"d1\t{i}\t{a}\t{b}\t{p}\t{sentence_hash(text[a:b])}\tdev\t{label}\t{extra}")
    keyed = tmp_path / "labels.tsv"
    keyed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    corpus = load_corpus(keyed, source=source)
    assert list(corpus) == ["dev"]
    assert corpus["dev"]["text"] == ["Storm closes port", "The port closed on Monday.", SENTS[2]]
    assert corpus["dev"]["paragraph"] == [0, 1, 1]
    source.write_text(json.dumps({"doc_id": "d1", "text": text.replace("Monday", "Sunday")}) + "\n")
    with pytest.raises(ClaimtagError, match="row 2: sentence 1 of d1 changed"):
        load_corpus(keyed, source=source)
    rows[2] = rows[2].replace("\t19\t45\t", "\t19\t4500\t")
    keyed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ClaimtagError, match="offsets 19:4500 lie outside d1"):
        load_corpus(keyed, source=source)


WIKINEWS = REPO.parent / "shared" / "data" / "wikinews" / "articles.jsonl"


@pytest.mark.skipif(not WIKINEWS.exists(), reason="needs ../shared/data/wikinews")
def test_the_real_news_annotations_load_with_their_fixed_split() -> None:
    corpus = load_corpus(REPO / "training" / "corpus" / "wikinews_labels.tsv", source=WIKINEWS)
    sizes = {name: len(set(split["doc_id"])) for name, split in corpus.items()}
    assert sizes == {"train": 254, "dev": 54, "test": 54}
    quotes = [s for split in corpus.values() for s in split.to_list() if s["label"] == 1]
    assert quotes and all(q["quote_id"] for q in quotes)
    unknown = sum(q["speaker"] is None for q in quotes)  # `?`: the article does not say who
    assert 0 < unknown < 0.05 * len(quotes)
