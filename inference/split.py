"""Article -> sentences, news-aware.

blingfire (a maintained, fast sentence breaker) splits running prose; the layer here adds
what news needs: furniture lines without final punctuation (headlines, datelines, captions,
bullets) as sentences of their own, hard-wrapped lines rejoined, attribution after a
quotation kept with it (`"Why?" she asked.`), title abbreviations and initials, and the
quotation state across sentences and paragraphs (`in_quote`).
See docs/splitting.md for how the libraries compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass

import blingfire

from claimtag.model.protocol import SentenceRecord
from claimtag.model.quotation import QUOTE_CHARS, quote_states


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article; `text == article[start:end]`."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    in_quote: bool  # starts inside a quotation opened by an earlier sentence

    def to_dict(self) -> dict:
        """Return the sentence as a JSON-ready dict."""
        return asdict(self)

    def to_record(self, doc_id: str) -> SentenceRecord:
        """The sentence as a model reads it."""
        return SentenceRecord(
            doc_id=doc_id, index=self.index, text=self.text, paragraph=self.paragraph, in_quote=self.in_quote
        )


_TERMINAL = ".!?:;"
_CLOSERS = "\"'”’»)]"
_BULLET = re.compile(r"^(?:[-*•▪◦–—]\s|\d{1,2}[.)]\s)")
# Words that end in a period but cannot end a sentence when a name or number follows.
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gov",
    "sen",
    "rep",
    "lt",
    "col",
    "gen",
    "capt",
    "sgt",
    "cpl",
    "maj",
    "adm",
    "cmdr",
    "st",
    "mt",
    "ft",
    "rev",
    "hon",
    "fr",
    "pres",
    "supt",
    "insp",
    "det",
    "atty",
    "messrs",
    "mme",
    "mlle",
}
# Titles only as written (engineers', in Ghanaian, Nigerian and European papers): `ING.` is the bank ending a sentence
_TITLE_CASE_TITLES = {"Ing", "Engr"}
_BEFORE_NUMBER = {
    "no",
    "nos",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "vol",
    "art",
    "fig",
    "p",
    "pp",
    "ch",
    "sec",
    "para",
    "approx",
    "est",
}
_LAST_WORD = re.compile(r"([A-Za-z]+)\.\W*$")


def split_article(text: str) -> list[Sentence]:
    """Split an article into sentences with character offsets, paragraphs and quote state."""
    spans: list[tuple[int, int, int]] = []
    for paragraph, (start, end) in enumerate(_blocks(text)):
        spans.extend((s, e, paragraph) for s, e in _split_block(text, start, end))
    texts = [text[s:e] for s, e, _ in spans]
    flags = quote_states(texts, [p for _, _, p in spans])
    return [Sentence(i, s, e, t, p, q) for i, ((s, e, p), t, q) in enumerate(zip(spans, texts, flags, strict=True))]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each line's non-blank content; (-1, -1) for a blank line."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        yield (pos + lead, pos + lead + len(stripped)) if stripped else (-1, -1)
        pos += len(raw) + 1


def _joins(prev: str, line: str) -> bool:
    """True when `line` continues a hard-wrapped `prev` rather than starting a new unit."""
    if _BULLET.match(line) or _BULLET.match(prev):
        return False
    end = prev.rstrip(_CLOSERS)
    return bool(end) and end[-1] not in _TERMINAL and line[0].islower()


def _blocks(text: str) -> list[tuple[int, int]]:
    """Group lines into paragraphs: blank lines and unwrapped line breaks both end one."""
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _lines(text):
        if start < 0:
            current = None
            continue
        if current and _joins(text[current[0] : current[1]], text[start:end]):
            current = (current[0], end)
            blocks[-1] = current
        else:
            current = (start, end)
            blocks.append(current)
    return blocks


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph with blingfire, then repair the boundaries news breaks."""
    block = text[start:end].replace("\n", " ").replace("\r", " ")
    spans = [_trim(block, a, b) for a, b in _sentence_offsets(block)]
    spans = [(a, b) for a, b in spans if b > a] or [(0, len(block))]
    merged = [spans[0]]
    for a, b in spans[1:]:
        if _continues(block[merged[-1][0] : merged[-1][1]], block[a:b]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    # blingfire may drop stray characters between pieces: cover the block end to end.
    merged[0] = (0, merged[0][1])
    merged[-1] = (merged[-1][0], len(block))
    return [(start + a, start + b) for a, b in (_trim(block, a, b) for a, b in merged)]


def _sentence_offsets(block: str) -> list[tuple[int, int]]:
    """blingfire's sentences of `block` as [start, end) offsets.

    `blingfire.text_to_sentences_and_offsets` maps its UTF-8 byte offsets back to characters in
    a Python loop over every byte (most of the splitter's time); its sentences are substrings of
    the block, so finding each one after the last gives the same offsets at a third of the cost.
    Where one is not found as it stands, blingfire's own offsets are used.
    """
    out, pos = [], 0
    for sentence in blingfire.text_to_sentences(block).split("\n"):
        at = block.find(sentence, pos) if sentence else -1
        if at < 0:
            return [tuple(span) for span in blingfire.text_to_sentences_and_offsets(block)[1]]
        out.append((at, at + len(sentence)))
        pos = at + len(sentence)
    return out


def _trim(block: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) to exclude surrounding whitespace."""
    while a < b and block[a].isspace():
        a += 1
    while b > a and block[b - 1].isspace():
        b -= 1
    return a, b


def _continues(prev: str, nxt: str) -> bool:
    """True when a boundary between `prev` and `nxt` is false and they form one sentence."""
    first = nxt.lstrip(QUOTE_CHARS + "([")[:1]
    if nxt[0] in _CLOSERS and len(nxt.strip(_CLOSERS + ".!? ")) == 0:
        return True  # a stray closing quote or bracket
    if nxt[0].islower():
        return True  # `"Why?" she asked.`, `Acme Corp. fell`, `e.g. with`
    if prev.count("(") > prev.count(")") and ")" in nxt:
        return True  # inside brackets: `(Photo: The bridge at low tide. Eastmouth Gazette)`
    last = _LAST_WORD.search(prev)
    if not last or prev.rstrip()[-1] != ".":
        return False
    word = last.group(1)
    if word.lower() in _TITLES and (first.isupper() or first.isdigit()):
        return True
    if word in _TITLE_CASE_TITLES and first.isupper():  # `Ing. Kofi Mensah`, but `at ING. The bank`
        return True
    if word.lower() in _BEFORE_NUMBER and first.isdigit():
        return True
    # A lone capital is an initial (`Dr. J. Smith`), unlike the end of `U.K.`.
    return len(word) == 1 and word.isupper() and not re.search(r"\.[A-Z]\.$", prev.rstrip())
