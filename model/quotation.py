"""The quotation alphabet and scanner: which characters of a sentence lie inside quotation marks.

It belongs to the model's input contract (the `in_quote` feature and the quotation-continuation
rule read it), so it lives in model/; the splitter and the attribution rules import it from here.
"""

from __future__ import annotations

import functools
import re

DOUBLE_OPEN, DOUBLE_CLOSE = "“„«", "”»"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
QUOTE_CHARS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"


def quote_states(sentences: list[str], paragraphs: list[int]) -> list[bool]:
    """For each sentence, whether it starts inside a quotation opened earlier.

    A quotation left open at a paragraph's end continues only when the next paragraph opens
    with a quotation mark (the convention for quotes running over several paragraphs).
    """
    state: str | None = None
    flags: list[bool] = []
    previous_paragraph = None
    for text, paragraph in zip(sentences, paragraphs, strict=True):
        stripped = text.lstrip()
        if paragraph != previous_paragraph and state and stripped[:1] not in QUOTE_CHARS:
            state = None
        previous_paragraph = paragraph
        flags.append(state is not None)
        state = _scan_quotes(stripped, state)
    return flags


def _scan_quotes(text: str, state: str | None) -> str | None:
    """Return the quotation state ('"', "'" or None) after reading `text`."""
    return quoted_spans(text, state)[1]


def mask_quoted(text: str, state: str | None = None) -> str:
    """The text with every quoted character (marks included) blanked to a space; same length."""
    return _masked(text, state)  # one cache key however the state is passed


@functools.lru_cache(maxsize=1024)  # the attribution rules mask the same quote sentence several times
def _masked(text: str, state: str | None) -> str:
    parts, done = [], 0
    for start, end in quoted_spans(text, state)[0]:  # blanked a stretch at a time, not a character at a time
        parts += [text[done:start], " " * (end - start)]
        done = end
    return "".join(parts) + text[done:] if parts else text


_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")


def quoted_chars(text: str, state: str | None = None) -> tuple[list[bool], str | None]:
    """Per character, whether it lies inside a quotation (marks included), and the state after `text`."""
    spans, state = quoted_spans(text, state)
    inside: list[bool] = []
    done = 0
    for start, end in spans:
        inside += [False] * (start - done) + [True] * (end - start)
        done = end
    inside += [False] * (len(text) - done)
    return inside, state


def quoted_spans(text: str, state: str | None = None) -> tuple[tuple[tuple[int, int], ...], str | None]:
    """The [start, end) stretches of the text that lie inside a quotation (marks included), in order,
    and the state after `text` (`state`: the quotation open before it, as `quoted_chars` takes it)."""
    return _quoted_spans(text, state)  # one cache key however the state is passed


# the splitter reads every sentence's quotations (for `in_quote`) and the attribution rules read the
# quote sentences' again, a batch later: a batch of articles' sentences fit (about 27 per article)
@functools.lru_cache(maxsize=4096)
def _quoted_spans(text: str, state: str | None) -> tuple[tuple[tuple[int, int], ...], str | None]:
    spans: list[tuple[int, int]] = []
    opened = 0  # where the open quotation began
    # only the quotation marks change the state: what lies between them is never read
    # (a per-character loop cost a fifth of who-said-it on long articles)
    for mark in _MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = before.isspace() or before in "([{—–-/:"
        if ch in '"' + DOUBLE_OPEN + DOUBLE_CLOSE:
            if state is None and (ch in DOUBLE_OPEN or (ch == '"' and opens and not after.isspace())):
                state, opened = '"', i
            elif state == '"' and (ch in DOUBLE_CLOSE or (ch == '"' and not opens)):
                spans.append((opened, i + 1))
                state = None
        elif state is None and (ch == SINGLE_OPEN or (ch == "'" and opens and after.isalpha())):
            state, opened = "'", i
        elif state == "'" and ch in SINGLE_CLOSE + "'" and not (before.isalpha() and after.isalpha()):
            spans.append((opened, i + 1))
            state = None
    if state is not None and opened < len(text):
        spans.append((opened, len(text)))
    return tuple(spans), state
