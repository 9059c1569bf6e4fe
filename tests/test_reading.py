"""Inputs as people have them: encodings (BOMs, cp1252/latin-1), Markdown and HTML rendered to
plain text with their metadata kept, and offsets that index the text read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtag.inference.cli import main
from claimtag.inference.markup import detect_format, to_plain
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


MARKDOWN = """---
title: Bridge to stay shut
author: [Jane Smith, Tom Lee]
date: 2026-03-02
---
# Harbour bridge shut until *spring*

![The bridge at low tide](bridge.jpg "Photo: Eastmouth Gazette")
*The closed bridge seen from the quay.*

The **council** said on [Monday](https://example.org/council) that `corrosion` was found.

- Ferries run every hour.
- Buses take the long way round.

> "We cannot take risks," said Mark Owens.

```
timetable: 08:00 09:00
```
"""


def test_markdown_is_rendered_to_plain_text_with_its_metadata() -> None:
    plain = to_plain(MARKDOWN, "auto", "story.md")
    assert plain.format == "markdown"
    assert plain.text.split("\n\n") == [
        "Harbour bridge shut until spring",
        "The closed bridge seen from the quay.",
        "The council said on Monday that corrosion was found.",
        "Ferries run every hour.",
        "Buses take the long way round.",
        '"We cannot take risks," said Mark Owens.',
        "timetable: 08:00 09:00",
    ]
    assert plain.meta == {
        "title": "Bridge to stay shut",
        "byline": "Jane Smith; Tom Lee",
        "date": "2026-03-02",
        "captions": ["The bridge at low tide", "Photo: Eastmouth Gazette"],
    }


def test_markdown_without_markup_reads_as_the_text_it_is() -> None:
    text = "The bridge shut on Monday.\nIt will reopen in spring.\n\nTraders are worried."
    assert to_plain(text, "markdown").text == text
    assert to_plain("Write snake_case_names as they are.", "markdown").text == "Write snake_case_names as they are."


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("<p>The bridge shut.</p>", "-", "html"),
        ("\n  <article><h1>Shut</h1></article>", "-", "html"),
        ("<!DOCTYPE html><html></html>", "-", "html"),
        ("# Bridge shut\n\nIt shut on Monday.", "-", "markdown"),
        ("It shut, says the [council](https://example.org).", "-", "markdown"),
        ("It shut on Monday. <3 to the ferry crew.", "-", "text"),
        ("# Bridge shut", "notes.txt", "text"),
        ("<p>The bridge shut.</p>", "story.md", "markdown"),
        ("It shut.", "page.HTM", "html"),
    ],
)
def test_the_format_comes_from_the_suffix_else_the_content(text: str, name: str, expected: str) -> None:
    assert detect_format(text, name) == expected


PAGE = """<!DOCTYPE html><html><head><title>Bridge shut | Eastmouth Gazette</title></head><body>
<nav>Home | News | Sport</nav><article><h1>Harbour bridge to stay shut until spring</h1>
<p class="byline">By Jane Smith</p><time datetime="2026-03-02">2 March 2026</time>
<figure><img src="a.jpg" alt="The bridge"><figcaption>The closed bridge at low tide.</figcaption></figure>
<p>The Kelsey Harbour bridge will remain closed until at least April, the council said on Monday.</p>
<p>"We cannot take any risks with public safety," said council leader Mark Owens.</p>
<p>About 9,000 vehicles a day used the crossing before inspectors found corrosion in two of its supports.</p>
</article><footer>Copyright 2026</footer></body></html>"""


def test_html_keeps_the_byline_date_and_captions_that_extraction_drops() -> None:
    plain = to_plain(PAGE, "auto", "page.html")
    assert plain.format == "html" and "Copyright" not in plain.text and "By Jane Smith" not in plain.text
    assert "The closed bridge at low tide." not in plain.text
    assert plain.text.split("\n\n")[1].startswith("The Kelsey Harbour bridge will remain closed")
    assert plain.meta["byline"] == "Jane Smith" and plain.meta["date"] == "2026-03-02"
    assert plain.meta["captions"] == ["The closed bridge at low tide."]


def test_an_html_fragment_on_stdin_is_read_as_html() -> None:
    fragment = '<p>The bridge shut on Monday.</p>\n<p>"It is unsafe," said Mark Owens.</p>'
    article = decode_article("-", fragment.encode())
    assert article.format == "html"
    assert article.text == 'The bridge shut on Monday.\n\n"It is unsafe," said Mark Owens.'
    assert decode_article("-", fragment.encode(), "text").text == fragment  # --input-format text: as written


def test_input_format_overrides_the_suffix() -> None:
    article = decode_article("notes.txt", b"# Bridge shut\n\nIt shut on *Monday*.", "markdown")
    assert article.text == "Bridge shut\n\nIt shut on Monday." and article.format == "markdown"
