"""The news-aware splitter: exact sentences on hand-written tricky cases."""

import blingfire
import pytest

from claimtag.inference.split import _sentence_offsets, split_article
from claimtag.model.quotation import quote_states
from tests.split_cases import CASES


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_exact_sentences(text: str, expected: list[str]) -> None:
    sentences = split_article(text)
    assert [s.text for s in sentences] == expected
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start : s.end] == s.text


def test_enough_cases() -> None:
    assert len(CASES) >= 40


def test_paragraph_numbers() -> None:
    text = "Headline here\nBy A. Writer\n\nFirst para one. First para two.\n\nSecond para."
    got = [(s.text, s.paragraph) for s in split_article(text)]
    assert got == [
        ("Headline here", 0),
        ("By A. Writer", 1),
        ("First para one.", 2),
        ("First para two.", 2),
        ("Second para.", 3),
    ]


def test_empty_and_whitespace() -> None:
    assert split_article("") == []
    assert split_article(" \n\n\t ") == []


def test_crlf_line_endings() -> None:
    text = "Headline\r\n\r\nThe vote passed. It was close.\r\n"
    sentences = split_article(text)
    assert [s.text for s in sentences] == ["Headline", "The vote passed.", "It was close."]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def flags(text: str) -> list[bool]:
    return [s.in_quote for s in split_article(text)]


def test_in_quote_multi_sentence() -> None:
    assert flags("“We are ready. The team has trained all year,” she said. Fans cheered.") == [False, True, False]


def test_in_quote_open_quote_per_paragraph() -> None:
    text = '"We will fight this. We have no choice.\n\n"Our members are united," he said.\n\nThe talks resume Monday.'
    assert flags(text) == [False, True, True, False]


def test_in_quote_unclosed_quote_ends_at_paragraph() -> None:
    text = 'He said "we will see.\n\nThe meeting ended.'
    assert flags(text) == [False, False]


def test_in_quote_single_quotes_and_apostrophes() -> None:
    assert flags("'We did nothing wrong. We will appeal,' the firm said. It's over.") == [False, True, False]
    assert flags("The players' union met. Its members' votes were counted. They agreed.") == [False, False, False]


def test_in_quote_scare_quotes_close() -> None:
    assert flags('The so-called "miracle cure" was banned. Sales stopped.') == [False, False]


def test_quote_states_direct() -> None:
    assert quote_states(["“One.", "Two.”", "Three."], [0, 0, 0]) == [False, True, False]


@pytest.mark.parametrize(
    "block",
    [
        "A.  B says so.",
        "Hi.\tThere  now.   End",
        "Zürich said 5 €.  Ça va? Oui.",
        "“Yes,” he said.  “No.”   Then  silence…  ok.",
        "Prices rose 2%. The Bank of England said so. Analysts — all of them — agreed!",
    ],
)
def test_sentence_offsets_match_blingfire(block: str) -> None:
    """The cheaper offsets are blingfire's own, character for character (non-ASCII, runs of spaces, tabs)."""
    assert _sentence_offsets(block) == [tuple(span) for span in blingfire.text_to_sentences_and_offsets(block)[1]]
