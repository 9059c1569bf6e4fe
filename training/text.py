"""Labeled sentences back to article text, for benchmarks and end-to-end checks."""

from __future__ import annotations

_FINAL = ".!?…\"'”’):;"


def article_texts(rows: list[dict]) -> dict[str, str]:
    """doc_id -> article text: a paragraph's sentences joined by spaces (a line without final
    punctuation, such as a headline, ends its line), paragraphs by a blank line."""
    docs: dict[str, list[dict]] = {}
    for row in rows:
        docs.setdefault(row["doc_id"], []).append(row)
    out = {}
    for doc_id, sents in docs.items():
        sents.sort(key=lambda r: r["index"])
        text, previous = "", None
        for s in sents:
            if previous is not None:
                if s["paragraph"] != previous["paragraph"]:
                    text += "\n\n"
                else:
                    text += " " if previous["text"].rstrip()[-1:] in _FINAL else "\n"
            text += s["text"]
            previous = s
        out[doc_id] = text
    return out
