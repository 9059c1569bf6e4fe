"""Quantities: offsets, values normalised, units, and numbers that are not quantities."""

import pytest

from claimtag.inference.quantities import extract_quantities

CASES = [
    ("The deal is worth $2.4bn.", [("$2.4bn", 2.4e9, "USD")]),
    ("Support fell to 38%.", [("38%", 0.38, "percent")]),
    ("A dozen homes flooded.", [("A dozen", 12, "homes")]),
    ("It will cost £4m a year.", [("£4m", 4e6, "GBP")]),
    ("About 1.5 million people live there.", [("1.5 million", 1.5e6, "people")]),
    ("Two-thirds of staff voted yes.", [("Two-thirds", 2 / 3, "staff")]),
    ("Turnout was 40 per cent.", [("40 per cent", 0.4, "percent")]),
    ("About 9,000 vehicles a day used it.", [("9,000", 9000, "vehicles")]),
    ("The diversion adds 25 minutes.", [("25", 25, "minutes")]),
    ("He was fined €300,000.", [("€300,000", 3e5, "EUR")]),
    ("The scheme cost R1.2bn.", [("R1.2bn", 1.2e9, "ZAR")]),
    ("It costs Rs 4.5 crore.", [("Rs 4.5 crore", 4.5e7, "INR")]),
    ("Sales of twenty-five thousand tickets.", [("twenty-five thousand", 25000, "tickets")]),
    ("Two million dollars was raised.", [("Two million", 2e6, "USD")]),
    ("Prices rose by half.", [("half", 0.5, None)]),
    ("Dozens of people were hurt.", [("Dozens", None, "people")]),
    ("On 3 May 2019 at 14:05 the bus on Route 66 broke down.", []),
    ("Updated: 2016-06-15 03:12 GMT", []),
    ("Friday, July 21, 2017", []),
    ("In 2023, 1,200 people moved.", [("1,200", 1200, "people")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_cases(text: str, expected: list) -> None:
    got = extract_quantities(text)
    assert [(q.text, q.unit) for q in got] == [(t, u) for t, _, u in expected]
    for q, (_, value, _) in zip(got, expected, strict=True):
        assert text[q.start : q.end] == q.text
        assert q.value == (pytest.approx(value) if value is not None else None)


def test_statistic_sentences_carry_article_offsets(tiny_model) -> None:
    from claimtag.inference.tagger import Tagger

    article = "Headline\n\nThe port handles 40% of the region's freight, worth £4m a day."
    tagged = Tagger.from_pretrained(tiny_model, quantities="all").tag(article)
    found = [q for s in tagged for q in s.quantities]
    assert [q["text"] for q in found] == ["40%", "£4m"]
    assert all(article[q["start"] : q["end"]] == q["text"] for q in found)
    assert not any(s.quantities for s in Tagger.from_pretrained(tiny_model, quantities="none").tag(article))
