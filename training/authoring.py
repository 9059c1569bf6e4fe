"""The hand-writing format of the team corpus: one labeled sentence per line.

    ### doc: loc-007
    ### topic: local
    X | Council votes to shut two branch libraries
    <blank line = new paragraph>
    C | The council voted on Tuesday night to close the libraries.
    Q q1 Maria Okafor | "We will not let this stand," said Maria Okafor.

Codes: C claim, Q quote, S statistic, X context. A `Q` line carries its quote-run id and
its speaker (`?` when the article does not say). Lines starting with `#` (but not `###`)
are comments. Full description: docs/data.md.
"""

from __future__ import annotations

from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import CODES, QUOTE


def parse_authored(text: str, source: str = "<text>") -> list[dict]:
    """Parse the hand-writing format into article rows (doc_id, meta, sentences)."""
    articles: list[dict] = []
    paragraph = 0
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{source}: line {lineno}"
        if line.startswith("### "):
            key, _, value = line[4:].partition(":")
            if key.strip() == "doc":
                articles.append({"doc_id": value.strip(), "sentences": []})
                paragraph = 0
            elif not articles:
                raise ClaimtagError(f"{where}: metadata before the first '### doc:' line")
            else:
                articles[-1][key.strip()] = value.strip()
        elif not line:
            if articles and articles[-1]["sentences"]:
                paragraph = articles[-1]["sentences"][-1]["paragraph"] + 1
        elif not line.startswith("#"):
            if not articles:
                raise ClaimtagError(f"{where}: a sentence before the first '### doc:' line")
            articles[-1]["sentences"].append(_parse_line(line, paragraph, where))
    return articles


def _parse_line(line: str, paragraph: int, where: str) -> dict:
    """Parse `CODE [quote_id speaker] | text` into a sentence dict."""
    head, sep, text = line.partition(" | ")
    parts = head.split()
    if not sep or not parts or parts[0] not in CODES:
        raise ClaimtagError(f"{where}: expected 'C|Q|S|X ... | sentence', got {line[:60]!r}")
    label = CODES[parts[0]]
    sentence = {"text": text.strip(), "label": label, "paragraph": paragraph}
    if label == QUOTE:
        if len(parts) < 3:
            raise ClaimtagError(f"{where}: a Q line needs a quote id and a speaker: 'Q q1 Name | ...'")
        speaker = " ".join(parts[2:])
        sentence.update(quote_id=parts[1], speaker=None if speaker == "?" else speaker)
    elif len(parts) > 1:
        raise ClaimtagError(f"{where}: only Q lines carry a quote id and speaker")
    return sentence
