"""The numbers behind a statistic: every quantity in a sentence, with offsets, value and unit.

    >>> [(q.text, q.value, q.unit) for q in extract_quantities("Sales rose 38% to $2.4bn.")]
    [('38%', 0.38, 'percent'), ('$2.4bn', 2400000000.0, 'USD')]

Written as rules because the maintained candidate measured on our cases (quantulum3 0.10)
failed on a third of them (see docs/quantities.md). Numbers that only date or identify
something (years, times, dates, route and article numbers) are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "r": "ZAR",
    "ksh": "KES",
    "sh": "KES",
    "₦": "NGN",
    "chf": "CHF",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
}
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "pounds": "GBP",
    "pound": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "rupees": "INR",
    "rand": "ZAR",
    "shillings": "KES",
    "yen": "JPY",
    "francs": "CHF",
    "kronor": "SEK",
    "kroner": "NOK",
    "naira": "NGN",
    "pesos": "MXN",
    "reais": "BRL",
}
_SCALE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_WORDS = {
    "zero": 0,
    "twice": 2,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 1e6,
    "a billion": 1e9,
}
_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "a fifth": 0.2,
    "a tenth": 0.1,
}
_VAGUE = ("dozens", "hundreds", "thousands", "millions", "billions", "scores")
_UNIT_WORDS = {
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "seconds",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "m",
    "cm",
    "mm",
    "tonnes",
    "tons",
    "kg",
    "kilograms",
    "grams",
    "litres",
    "liters",
    "hectares",
    "acres",
    "mph",
    "km/h",
    "degrees",
    "points",
    "votes",
    "seats",
    "people",
    "homes",
    "houses",
    "jobs",
    "staff",
    "workers",
    "patients",
    "children",
    "students",
    "cases",
    "deaths",
    "vehicles",
    "passengers",
    "visitors",
    "members",
    "residents",
}

# Unit symbols written against the number (`94mm`, `34C`, `5km`), as the unit they give.
_SYMBOLS = {
    "km/h": "km/h",
    "kmh": "km/h",
    "mph": "mph",
    "km": "km",
    "cm": "cm",
    "mm": "mm",
    "kg": "kg",
    "mg": "mg",
    "g": "g",
    "ml": "ml",
    "ft": "ft",
    "kWh": "kWh",
    "kW": "kW",
    "MWh": "MWh",
    "MW": "MW",
    "GWh": "GWh",
    "GW": "GW",
    "C": "celsius",
    "F": "fahrenheit",
}
_DEGREES = {"": "degrees", "c": "celsius", "f": "fahrenheit"}
_TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_GLUED_RE = (
    rf"(?-i:{'|'.join(sorted((re.escape(u) for u in _SYMBOLS), key=len, reverse=True))})(?![A-Za-z])"
    r"|\s?°\s?[CF]?(?![A-Za-z])"
)
_SCALE_RE = (
    r"(?:\s?(?:k|mn|m|bn|b|tn)\b|\s(?:thousand|million|millions|billion|billions|trillion|lakh|lakhs|crore|crores)\b)"
)
_CUR_RE = r"(?:US\$|A\$|C\$|NZ\$|\$|£|€|¥|₹|₦|Rs\.?\s?|KSh\s?|Sh\s?|CHF\s?|SEK\s?|NOK\s?|DKK\s?|R(?=\d))"
_PATTERN = re.compile(
    rf"(?P<cur>(?<![A-Za-z]){_CUR_RE})?(?P<num>{_NUM})(?P<scale>{_SCALE_RE})?"
    rf"(?:(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)|(?P<glued>{_GLUED_RE}))?"
    rf"|(?P<frac>\b(?:{'|'.join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True))})\b)"
    rf"|(?P<word>\b(?:{'|'.join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))})\b"
    rf"(?:[\s-](?:{'|'.join(sorted((re.escape(w) for w in _WORDS if ' ' not in w), key=len, reverse=True))}))?"
    rf"(?:\s(?:thousand|million|billion))?)"
    rf"|(?P<vague>\b(?:{'|'.join(_VAGUE)})\b)",
    re.IGNORECASE,
)
# `one in five`, `two out of three`, `1 in 10`: a share. The denominator is never a year (`5 in 2019`).
_COUNT_WORD = rf"(?:{'|'.join(w for w in _WORDS if ' ' not in w and w not in ('zero', 'twice', 'dozen'))})"
_COUNT = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_COUNT_WORD}(?:-{_COUNT_WORD})?|a\s(?:hundred|thousand|million))"
_RATIO = re.compile(
    rf"\b(?P<a>{_COUNT})[\s-]+(?:in|out[\s-]+of)[\s-]+(?:every[\s-]+)?(?!(?:1[89]|20)\d\d\b)(?P<b>{_COUNT})\b",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# Spans whose numbers date or identify something rather than measure it.
_NOT_QUANTITY = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|utc))?"
    rf"|\b\d{{1,2}}\.\d{{2}}\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|(?<![$£€¥₹\d.,])\b(?:1[89]|20)\d\d\b(?!\s?%|,\d)"
    r"|\b(?:route|article|section|no\.?|chapter|junction|platform|flight|bus|room|page|highway)\s?\d+[a-z]?\b"
    r"|(?-i:\b[A-Z]{1,3}\d+[A-Z]?\b)",  # M6, A1, J1: a code, not an amount
    re.IGNORECASE,
)
_STOP = {"this", "is", "was", "has", "as", "its", "his", "hers", "yes", "less", "plus", "thus", "does", "goes", "says"}


@dataclass(frozen=True)
class Quantity:
    """One quantity: `sentence[start:end] == text` (on a TaggedSentence the offsets index the
    article); value normalised where it can be (38% -> 0.38)."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return dict(self.__dict__)  # its fields are plain values: asdict's deep copy is not needed

    def shifted(self, offset: int) -> Quantity:
        """The same quantity with its offsets moved by `offset` (a sentence's into its article's)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order of appearance."""
    blocked = [m.span() for m in _NOT_QUANTITY.finditer(text)]
    out = [q for m in _RATIO.finditer(text) if (q := _ratio(text, m)) is not None]
    ratios = [(q.start, q.end) for q in out]
    for m in _PATTERN.finditer(text):
        marked = m.group("cur") or m.group("pct")
        if any(a < m.end() and m.start() < b for a, b in ratios + ([] if marked else blocked)):
            continue
        q = _quantity(text, m)
        if q is not None:
            out.append(q)
    return sorted(out, key=lambda q: q.start)


def _quantity(text: str, m: re.Match) -> Quantity | None:
    start, end = m.span()
    surface = m.group().strip()
    if m.group("num"):
        # Decimal arithmetic, so `23.4%` is 0.234 and `1.1 million` 1100000.0, not a float's neighbour.
        value = Decimal(m.group("num").replace(",", ""))
        if m.group("scale"):
            value *= Decimal(_SCALE[m.group("scale").strip().lower()])
        if m.group("pct"):
            return Quantity(start, end, text[start:end], float(value / 100), "percent")
        if m.group("cur"):
            return Quantity(start, end, text[start:end], float(value), _CURRENCY[m.group("cur").strip().lower()])
        if m.group("glued"):
            return _measure(text, start, end, value, m.group("glued"))
        return _with_unit(text, start, end, float(value))
    if m.group("frac"):
        return _with_unit(text, start, end, _FRACTIONS[surface.lower()])
    if m.group("vague"):
        return Quantity(start, end, text[start:end], None, _next_unit(text, end))
    return _with_unit(text, start, end, _words_value(surface.lower()))


def _measure(text: str, start: int, end: int, value: Decimal, symbol: str) -> Quantity:
    """A number with its unit symbol (`94mm`, `34C`, `20°`); a minus sign belongs to a temperature (`-5C`)."""
    symbol = symbol.strip()
    unit = _DEGREES[symbol.lstrip("°").strip().lower()] if symbol.startswith("°") else _SYMBOLS[symbol]
    if unit in ("celsius", "fahrenheit") and re.search(r"(?:^|\s)[-−]$", text[:start]):
        start, value = start - 1, -value
    return Quantity(start, end, text[start:end], float(value), unit)


def _ratio(text: str, m: re.Match) -> Quantity | None:
    """`one in five adults` -> 0.2 with unit `adults`.

    Not a share when the part is bigger than the whole (`five in one`), the whole is a stretch of
    time (`3 in 10 days`), or `in` joins a count to a place (`aged five in 86 villages`): with a part
    other than one, `in` takes a round whole (up to 12, or tens), `out of` any.
    """
    part, whole = (_count(m.group(g)) for g in ("a", "b"))
    round_whole = part == 1 or whole <= 12 or whole % 10 == 0 or "out" in m.group().lower()
    if not 0 < part <= whole or not round_whole or _next_unit(text, m.end()) in _TIME_UNITS:
        return None
    return _with_unit(text, m.start(), m.end(), float(Decimal(part) / Decimal(whole)))


def _count(written: str) -> int:
    written = written.lower().replace(",", "")
    return int(written) if written.isdigit() else int(_words_value(written))


def _words_value(words: str) -> float:
    """`two million` -> 2e6, `a dozen` -> 12, `twenty five` -> 25."""
    total = 0.0
    for part in re.split(r"[\s-]+", words):
        if part in ("thousand", "million", "billion"):
            total = (total or 1) * _SCALE[part]
        else:
            total += _WORDS.get(part, _WORDS.get(f"a {part}", 0)) if part != "a" else 0
    return total or _WORDS.get(words, 0.0)


def _next_unit(text: str, end: int) -> str | None:
    """The word after a number when it names what is counted or measured (`25 minutes`, `140 employees`)."""
    m = re.match(r"\s+(?:of\s+)?([a-zA-Z/]+)", text[end:])
    if not m:
        return None
    word = m.group(1)
    known = word.lower() in _UNIT_WORDS or word.lower() in _CURRENCY_WORDS
    plural_noun = word.islower() and len(word) > 3 and word.endswith("s") and word not in _STOP
    return word.lower() if known or plural_noun else None


def _with_unit(text: str, start: int, end: int, value: float) -> Quantity:
    """Attach a following currency word (`5 million dollars`) or unit noun (`25 minutes`)."""
    unit = _next_unit(text, end)
    if unit in _CURRENCY_WORDS:
        return Quantity(start, end, text[start:end], value, _CURRENCY_WORDS[unit])
    return Quantity(start, end, text[start:end], value, unit)
