"""The quotation scanner: which characters lie inside quotation marks, and the state it leaves."""

from claimtag.model.quotation import mask_quoted, quoted_chars


def _marked(text: str, state: str | None = None) -> str:
    inside, _ = quoted_chars(text, state)
    return "".join("^" if q else "." for q in inside)


def test_straight_and_curly_double_quotation_marks_and_the_state_after() -> None:
    text = 'He said "no" and “yes” twice.'
    assert _marked(text) == "........^^^^.....^^^^^......."
    assert quoted_chars('She said "we will', None)[1] == '"'
    assert quoted_chars('go," she said.', '"') == ([True] * 4 + [False] * 10, None)


def test_an_apostrophe_is_no_quotation_but_a_single_quotation_mark_is() -> None:
    assert _marked("The club's fans can't wait.") == "." * 27
    assert _marked("It was 'a disgrace' today.") == "." * 7 + "^" * 12 + "." * 7


def test_mask_quoted_blanks_what_is_quoted_and_keeps_the_length() -> None:
    text = 'Ana said "we are ready" on Friday.'
    masked = mask_quoted(text)
    assert masked == "Ana said " + " " * 14 + " on Friday."
    assert len(masked) == len(text)
    assert mask_quoted("No quotation here.") == "No quotation here."
    assert mask_quoted("still quoted", '"') == " " * 12


def test_quoted_spans_are_the_stretches_quoted_chars_flags() -> None:
    from claimtag.model.quotation import quoted_spans

    text = "Ana said “we are 'ready' now” and 'soon' too, the club's chair added \"later"
    spans, state = quoted_spans(text)
    inside, state_after = quoted_chars(text)
    assert state == state_after == '"'
    assert [i for a, b in spans for i in range(a, b)] == [i for i, q in enumerate(inside) if q]
    assert len(spans) == 3 and text[spans[0][0] : spans[0][1]] == "“we are 'ready' now”"
    assert quoted_spans("", '"') == ((), '"')  # nothing to hold the open quotation
    assert quoted_spans('go," she said.', '"') == (((0, 4),), None)
