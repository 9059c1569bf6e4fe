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
    # units written against the number
    ("Seville hit 34C; the low was -5C.", [("34C", 34, "celsius"), ("-5C", -5, "celsius")]),
    ("It reached 12 °C, a 90° turn.", [("12 °C", 12, "celsius"), ("90°", 90, "degrees")]),
    ("A 94mm shell, a 5km walk, 10kg of rice.", [("94mm", 94, "mm"), ("5km", 5, "km"), ("10kg", 10, "kg")]),
    ("Gusts of 250km/h and 97mph.", [("250km/h", 250, "km/h"), ("97mph", 97, "mph")]),
    ("A £5bn plan for 2GW of wind.", [("£5bn", 5e9, "GBP"), ("2GW", 2, "GW")]),
    ("Room 34C and Article 42C were sealed.", []),
    # ratios: a share of the counted noun, like a fraction
    ("One in five adults smoke.", [("One in five", 0.2, "adults")]),
    ("Two out of three voters agreed.", [("Two out of three", 2 / 3, "voters")]),
    ("Nine out of 10 sold it; a one-in-20,000 chance.", [("Nine out of 10", 0.9, None), ("one-in-20,000", 5e-5, None)]),
    ("About 1 in 4 homes flood.", [("1 in 4", 0.25, "homes")]),
    ("Three died in 10 days.", [("Three", 3, None), ("10", 10, "days")]),
    ("It rose by 5 in 2019.", [("5", 5, None)]),
    ("Children aged five in 86 villages.", [("five", 5, None), ("86", 86, "villages")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_cases(text: str, expected: list) -> None:
    got = extract_quantities(text)
    assert [(q.text, q.unit) for q in got] == [(t, u) for t, _, u in expected]
    for q, (_, value, _) in zip(got, expected, strict=True):
        assert text[q.start : q.end] == q.text
        assert q.value == (pytest.approx(value) if value is not None else None)


def test_values_are_the_written_decimals_without_float_noise() -> None:
    import json

    text = "Support rose 23.4% to 5.6 per cent, 1.1 million people, $0.3bn, 0.7% and 14.2kg."
    values = [q.value for q in extract_quantities(text)]
    assert values == [0.234, 0.056, 1100000.0, 300000000.0, 0.007, 14.2]  # exact, not approx
    assert json.dumps(values) == "[0.234, 0.056, 1100000.0, 300000000.0, 0.007, 14.2]"


def test_statistic_sentences_carry_article_offsets(tiny_model) -> None:
    from claimtag.inference.tagger import Tagger

    article = "Headline\n\nThe port handles 40% of the region's freight, worth £4m a day."
    tagged = Tagger.from_pretrained(tiny_model, quantities="all").tag(article)
    found = [q for s in tagged for q in s.quantities]
    assert [q.text for q in found] == ["40%", "£4m"]
    assert all(article[q.start : q.end] == q.text for q in found)
    assert not any(s.quantities for s in Tagger.from_pretrained(tiny_model, quantities="none").tag(article))
