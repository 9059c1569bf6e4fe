"""Markdown and HTML to the plain text claimtag splits, with the metadata the text leaves out.

    >>> to_plain("# Bridge shut\\n\\nIt *will* reopen in [May](https://x.org).", "markdown").text
    'Bridge shut\\n\\nIt will reopen in May.'

Offsets in claimtag's output index this plain text (as they index the decoded file for plain
text): the markup is gone, one blank line separates blocks (headings, paragraphs, list items,
quotes, table rows), so a headline is a sentence of its own. What the text drops (an HTML
page's byline, date and figure captions, a Markdown file's front matter and image
descriptions) goes into `Plain.meta`.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

INPUT_FORMATS = ("auto", "text", "markdown", "html")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")


@dataclass
class Plain:
    """An article as plain text: its `format` as read, and metadata kept apart from the text."""

    text: str
    format: str
    meta: dict[str, str | list[str]] = field(default_factory=dict)


def to_plain(text: str, input_format: str = "auto", name: str = "-") -> Plain:
    """Render `text` in `input_format` (or the format `name`'s suffix or the content implies) to plain text."""
    fmt = input_format if input_format != "auto" else detect_format(text, name)
    if fmt == "html":
        return html_to_plain(text)
    if fmt == "markdown":
        return markdown_to_plain(text)
    return Plain(text, "text")


def detect_format(text: str, name: str = "-") -> str:
    """`text`, `markdown` or `html`: from the file suffix, else (stdin, other suffixes) from the content.

    Content that opens with a tag (a page or a fragment such as `<p>...`) is HTML; an ATX
    heading, a link or image, a fenced block, strong emphasis or front matter makes Markdown;
    anything else stays plain text, read as it is.
    """
    suffix = Path(name).suffix.lower()
    for fmt, suffixes in (("html", HTML_SUFFIXES), ("markdown", MARKDOWN_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if suffix in suffixes:
            return fmt
    if _HTML_START.match(text):
        return "html"
    return "markdown" if _MARKDOWN_SIGN.search(text) else "text"


_HTML_START = re.compile(r"\s*<(?:!doctype|!--|[a-z][a-z0-9]*(?:\s[^>]*)?/?>)", re.IGNORECASE)
_MARKDOWN_SIGN = re.compile(
    r"^#{1,6}[ \t]+\S|!?\[[^\]\n]+\]\([^)\s]+[^)\n]*\)|^[ \t]{0,3}(?:```|~~~)|\*\*\S[^*\n]*\*\*|\A---[ \t]*\n",
    re.MULTILINE,
)


def html_to_plain(page: str) -> Plain:
    """The main text of an HTML page or fragment (trafilatura), paragraphs separated by blank lines.

    Extraction keeps the article body and drops the rest; the byline, date and title it finds
    and the figure captions it drops are kept in `meta`.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        page, include_comments=False, include_tables=False, favor_recall=True, with_metadata=True
    )
    text = "\n\n".join(line for line in ((doc.text if doc else "") or "").splitlines() if line.strip())
    meta = {"title": doc.title, "byline": doc.author, "date": doc.date} if doc else {}
    meta["captions"] = _figure_captions(page)
    return Plain(text, "html", {k: v for k, v in meta.items() if v})


def _figure_captions(page: str) -> list[str]:
    """The captions of a page's figures (or their images' descriptions), which extraction drops."""
    import lxml.html

    try:
        root = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for figure in root.iter("figure"):
        caption = " ".join(" ".join(c.text_content().split()) for c in figure.iter("figcaption"))
        found.append(caption or " ".join(" ".join(img.get("alt", "").split()) for img in figure.iter("img")))
    return list(dict.fromkeys(c for c in found if c))


def markdown_to_plain(source: str) -> Plain:
    """Markdown (CommonMark, with tables and strikethrough) rendered to plain text.

    Headings, emphasis, links (their text), inline code, list markers and block quotes lose
    their markup; code blocks keep their lines; an image is left out of the text and its
    description goes to `meta["captions"]`; YAML front matter gives title, byline and date.
    """
    from markdown_it import MarkdownIt

    meta, body = _front_matter(source)
    blocks: list[str] = []
    captions: list[str] = []
    row: list[str] | None = None
    for token in MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(" | ".join(row))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or [], captions)
            if row is not None:
                row.append(" ".join(text.split()))
            else:
                blocks.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content)
        elif token.type == "html_block":
            blocks.append(html.unescape(_TAG.sub(" ", token.content)))
    if captions:
        meta["captions"] = list(dict.fromkeys(captions))
    paragraphs = ("\n".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks)
    return Plain("\n\n".join(p for p in paragraphs if p), "markdown", meta)


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def _inline_text(children: list, captions: list[str]) -> str:
    """The text of one paragraph, heading or cell: markup tokens dropped, line breaks kept."""
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            captions.extend(c for c in (child.content, child.attrs.get("title")) if c)
        elif child.type == "html_inline" and re.match(r"<br\b", child.content, re.IGNORECASE):
            out.append("\n")
    return "".join(out)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_META_KEYS = {"title": "title", "author": "byline", "authors": "byline", "byline": "byline", "date": "date"}


def _front_matter(source: str) -> tuple[dict, str]:
    """(title, byline and date from a leading YAML block, the rest of the file)."""
    import yaml

    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, source
    try:
        fields = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, source  # not front matter after all: read the whole file as Markdown
    if not isinstance(fields, dict):
        return {}, source
    meta: dict[str, str | list[str]] = {}
    for key, value in fields.items():
        name = _META_KEYS.get(str(key).lower())
        if name and value:
            meta[name] = "; ".join(map(_scalar, value)) if isinstance(value, list) else _scalar(value)
    return meta, source[m.end() :]


def _scalar(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)
