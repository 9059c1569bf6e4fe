"""Articles in: text, Markdown and HTML files, folders (recursively) and stdin.

Markdown and HTML are rendered to plain text first (claimtag.inference.markup); offsets in
the output index that text.

Problems with one input (binary file, unreadable path) become a `Problem` for that input
and never stop the others; the command reports them and exits non-zero at the end.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimtag.inference.markup import HTML_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, to_plain
from claimtag.model.errors import ClaimtagError

SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES


@dataclass
class Article:
    """One input article: where it came from, its plain text, warnings met while reading it, and
    the metadata its markup carried beside the text (title, byline, date, captions)."""

    name: str
    text: str
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, str | list[str]] = field(default_factory=dict)
    format: str = "text"


@dataclass
class Problem:
    """An input that could not be read."""

    name: str
    message: str


def expand(paths: list[str]) -> list[str]:
    """Files named directly, plus the supported files found in named folders (sorted)."""
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            out.extend(str(p) for p in found)
        else:
            out.append(raw)
    return out


def read_inputs(paths: list[str], input_format: str = "auto") -> Iterator[Article | Problem]:
    """Yield each input as an Article, or a Problem when it cannot be read.

    `input_format` (`auto`, `text`, `markdown`, `html`) says how to read every input; `auto`
    goes by the file suffix, and by the content for stdin and other suffixes.
    """
    for name in expand(paths):
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as err:
            yield Problem(name, f"cannot read ({err.strerror or err})")
            continue
        yield decode_article(name, raw, input_format)


def decode_article(name: str, raw: bytes, input_format: str = "auto") -> Article | Problem:
    """Turn the bytes of one input into article text (Markdown rendered, HTML main text extracted).

    Offsets in the output index this text, whatever the file's encoding was.
    """
    bom = next((codec for mark, codec in _BOMS if raw.startswith(mark)), None)
    if bom is None and _looks_binary(raw):
        return Problem(name, "binary file, not text (expected .txt, .md or .html)")
    try:
        text, warnings = (raw.decode(bom), []) if bom else _decode(raw)
    except UnicodeDecodeError as err:
        return Problem(name, f"starts with a {bom} byte-order mark but is not {bom} ({err.reason})")
    plain = to_plain(text, input_format, name)
    return Article(name, plain.text, warnings, plain.meta, plain.format)


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    return len(head) > 0 and control / len(head) > 0.1


# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one. The codecs drop the mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What Western text outside ASCII looks like in cp1252: Latin-1 letters and signs, typographic
# quotes and dashes, the euro sign.
_WESTERN = re.compile(r"[\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020-\u2022\u2026\u20ac\u2122]")


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """UTF-8 if possible; else cp1252 when that reads as Western text (detectors guess wildly on
    short files: a few accented letters came out as cp775); else the detected encoding; else
    UTF-8 with replacement. A warning says which."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    beyond_ascii = [ch for ch in text if ord(ch) > 127]
    letters = sum(ch.isalpha() for ch in text)
    # Western prose is mostly ASCII with a few accents; Cyrillic or Greek read as cp1252 is not.
    if text and len(beyond_ascii) <= 0.3 * letters and all(_WESTERN.match(ch) for ch in beyond_ascii):
        return text, ["not UTF-8: decoded as cp1252 (Windows Western, a superset of latin-1's letters)"]
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None:
        return str(best), [f"not UTF-8: decoded as {best.encoding}"]
    return raw.decode("utf-8", errors="replace"), ["not UTF-8 and no encoding detected: undecodable bytes replaced"]


def jsonl_rows(path: Path, text: str | None = None, error: type[ClaimtagError] = ClaimtagError) -> Iterator[dict]:
    """The objects of a JSON Lines file (or of `text` read from it), one per non-blank line.

    The one JSONL reader of claimtag: a bad line is an `error` naming the file and the line.
    """
    if text is None:
        with path.open(encoding="utf-8") as f:
            yield from _parse(path, f, error)
    else:
        yield from _parse(path, text.splitlines(), error)


def _parse(path: Path, lines: Iterable[str], error: type[ClaimtagError]) -> Iterator[dict]:
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise error(f"{path}: line {lineno}: invalid JSON ({err.msg})") from None
