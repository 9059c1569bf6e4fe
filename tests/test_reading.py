"""Inputs in the encodings people's files come in: BOMs, cp1252/latin-1, and offsets that index
the decoded text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtag.inference.cli import main
from claimtag.inference.reading import Article, Problem, decode_article

TEXT = "Café owner José Müller said “prices rose 5%” — again.\n\nThe council met in Zürich on Monday."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_byte_order_mark_picks_the_codec(codec: str) -> None:
    raw = TEXT.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw  # the -be codec writes no mark of its own
    article = decode_article("story.txt", raw)
    assert isinstance(article, Article) and article.text == TEXT and article.warnings == []


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_western_single_byte_text_is_read_as_cp1252(codec: str) -> None:
    text = TEXT if codec == "cp1252" else TEXT.replace("“", '"').replace("”", '"').replace("—", "-")
    article = decode_article("story.txt", text.encode(codec))
    assert article.text == text and "cp1252" in article.warnings[0]


def test_cyrillic_is_not_mistaken_for_western() -> None:
    text = "Мэр города заявил, что мост откроют весной. " * 3
    article = decode_article("story.txt", text.encode("cp1251"))
    assert "cp1252" not in " ".join(article.warnings)


def test_binary_and_a_broken_bom_are_problems() -> None:
    assert isinstance(decode_article("x.bin", bytes(range(256)) * 4), Problem)
    assert isinstance(decode_article("x.txt", b"\xff\xfe\x00\xd8"), Problem)  # a lone surrogate after the mark


@pytest.mark.parametrize("codec", ["utf-16", "cp1252"])
def test_offsets_index_the_decoded_text(codec: str, tmp_path: Path, tiny_model: Path, capsys) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode(codec))
    assert main(["tag", str(path), "--model", str(tiny_model), "--format", "json"]) == 0
    sentences = json.loads(capsys.readouterr().out)[0]["sentences"]
    assert len(sentences) == 2
    assert all(TEXT[s["start"] : s["end"]] == s["text"] for s in sentences)
