"""The repository stores labels of the shared corpora, never their text (docs/data.md).

Text leaks in through generated files more than by hand (a model card's examples, a metrics file,
a doc's error analysis), so every tracked file is scanned for any run of 12 words that also occurs
in a shared corpus (Wikinews, GUM, ClaimBuster), the corpora ../shared/data holds.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
DATA = REPO.parent / "shared" / "data"
N = 12  # words: long enough that shared phrasing ("said in a statement on ...") never matches by chance
WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)}


def _corpus_texts() -> list[str]:
    texts = []
    for name in ("wikinews", "gum-news"):
        with open(DATA / name / "articles.jsonl", encoding="utf-8") as f:
            texts += [json.loads(line).get("text") or "" for line in f if line.strip()]
    for name in ("train", "test"):
        texts += [row["text"] for row in json.loads((DATA / "claimbuster" / f"{name}.json").read_text("utf-8"))]
    return texts


def _without_speakers(name: str, text: str) -> str:
    """A keyed label file without its `speaker` column: a speaker is a label (a long organisation name
    can run to 12 words), not text of the article."""
    if not name.endswith(".tsv"):
        return text
    rows = [line.split("\t") for line in text.splitlines()]
    header = next((r for r in rows if "speaker" in r), None)
    if header is None:
        return text
    col = header.index("speaker")
    return "\n".join("\t".join(r[:col] + r[col + 1 :]) for r in rows)


def test_no_tracked_file_holds_text_of_a_shared_corpus() -> None:
    if not DATA.is_dir():
        pytest.skip("../shared/data is not beside the repository")
    shared: set[str] = set()
    for text in _corpus_texts():
        shared |= _shingles(text)
    assert len(shared) > 100_000  # the corpora were read (an empty set would pass any file)
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    leaks = {}
    for name in files.split():
        try:
            text = (REPO / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files (weights, images)
        if hits := _shingles(_without_speakers(name, text)) & shared:
            leaks[name] = sorted(hits)[:2]
    assert not leaks, f"text of a shared corpus in: {leaks}"
