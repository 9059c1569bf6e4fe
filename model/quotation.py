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
    return quoted_chars(text, state)[1]


def mask_quoted(text: str, state: str | None = None) -> str:
    """The text with every quoted character (marks included) blanked to a space; same length."""
    return _masked(text, state)  # one cache key however the state is passed


@functools.lru_cache(maxsize=1024)  # the attribution rules mask the same quote sentence several times
def _masked(text: str, state: str | None) -> str:
    inside, _ = quoted_chars(text, state)
    flags = bytes(inside)  # the quoted stretches found in C, then blanked a slice at a time, not a character at a time
    parts, done = [], 0
    for run in _QUOTED_RUN.finditer(flags):
        parts += [text[done : run.start()], " " * (run.end() - run.start())]
        done = run.end()
    return "".join(parts) + text[done:] if parts else text


_QUOTED_RUN = re.compile(rb"\x01+")


_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")


def quoted_chars(text: str, state: str | None = None) -> tuple[list[bool], str | None]:
    """Per character, whether it lies inside a quotation (marks included), and the state after `text`."""
    inside: list[bool] = []
    done = 0
    # only the quotation marks change the state: the stretches between them are filled in whole
    # (a per-character loop cost a fifth of who-said-it on long articles)
    for mark in _MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        inside.extend([state is not None] * (i - done))
        done = i + 1
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = before.isspace() or before in "([{—–-/:"
        if ch in '"' + DOUBLE_OPEN + DOUBLE_CLOSE:
            if state is None and (ch in DOUBLE_OPEN or (ch == '"' and opens and not after.isspace())):
                state = '"'
            elif state == '"' and (ch in DOUBLE_CLOSE or (ch == '"' and not opens)):
                inside.append(True)
                state = None
                continue
        elif state is None and (ch == SINGLE_OPEN or (ch == "'" and opens and after.isalpha())):
            state = "'"
        elif state == "'" and ch in SINGLE_CLOSE + "'" and not (before.isalpha() and after.isalpha()):
            inside.append(True)
            state = None
            continue
        inside.append(state is not None)
    inside.extend([state is not None] * (len(text) - done))
    return inside, state
