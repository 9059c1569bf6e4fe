"""Articles in: text, Markdown and HTML files, folders (recursively) and stdin.

Problems with one input (binary file, unreadable path) become a `Problem` for that input
and never stop the others; the command reports them and exits non-zero at the end.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimtag.model.errors import ClaimtagError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class Article:
    """One input article: where it came from, its text, and warnings met while reading it."""

    name: str
    text: str
    warnings: list[str] = field(default_factory=list)


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
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES
            )
            out.extend(str(p) for p in found)
        else:
            out.append(raw)
    return out


def read_inputs(paths: list[str]) -> Iterator[Article | Problem]:
    """Yield each input as an Article, or a Problem when it cannot be read."""
    for name in expand(paths):
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as err:
            yield Problem(name, f"cannot read ({err.strerror or err})")
            continue
        yield decode_article(name, raw)


def decode_article(name: str, raw: bytes) -> Article | Problem:
    """Turn the bytes of one input into article text (HTML main text extracted)."""
    if _looks_binary(raw):
        return Problem(name, "binary file, not text (expected .txt, .md or .html)")
    text, warnings = _decode(raw)
    if name.lower().endswith(HTML_SUFFIXES) or (
        name == "-" and text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    ):
        text = html_to_text(text)
    return Article(name, text, warnings)


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    return len(head) > 0 and control / len(head) > 0.1


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """UTF-8 if possible; else the detected encoding, else UTF-8 with replacement, with a warning."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None:
        return str(best), [f"not UTF-8: decoded as {best.encoding}"]
    return raw.decode("utf-8", errors="replace"), ["not UTF-8 and no encoding detected: undecodable bytes replaced"]


def html_to_text(html: str) -> str:
    """The main text of an HTML page (trafilatura), paragraphs separated by blank lines."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
    return "\n\n".join(line for line in text.splitlines() if line.strip())


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
