"""The four sentence labels: the only place they are spelled."""

from __future__ import annotations

from claimtag.model.errors import ClaimtagError

CLAIM, QUOTE, STATISTIC, CONTEXT = "claim", "quote", "statistic", "context"
LABELS: tuple[str, ...] = (CLAIM, QUOTE, STATISTIC, CONTEXT)
LABEL2ID: dict[str, int] = {name: i for i, name in enumerate(LABELS)}
ID2LABEL: dict[int, str] = dict(enumerate(LABELS))

# One-letter codes used by the hand-writing format of the corpus (docs/data.md).
CODES: dict[str, str] = {"C": CLAIM, "Q": QUOTE, "S": STATISTIC, "X": CONTEXT}


class LabelError(ClaimtagError, ValueError):
    """Raised for a label that is not one of LABELS."""


def parse_label(value: object) -> str:
    """Return the canonical label for a string such as ' Quote ', or raise LabelError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise LabelError(f"missing label (valid: {', '.join(LABELS)})")
    name = str(value).strip().lower()
    if name not in LABEL2ID:
        import difflib

        close = difflib.get_close_matches(name, LABELS, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise LabelError(f"unknown label {value!r} ({hint}valid: {', '.join(LABELS)})")
    return name
