"""The layer rule: model <- inference <- training. No module imports a layer above its own,
not even lazily inside a function, and `claimtag tag` never loads the training side."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
ABOVE = {"model": ("claimtag.inference", "claimtag.training"), "inference": ("claimtag.training",)}


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("layer", sorted(ABOVE))
def test_no_import_runs_up_the_layers(layer: str) -> None:
    wrong = [
        f"{path.relative_to(REPO)}:{line} imports {name}"
        for path in sorted((REPO / layer).rglob("*.py"))
        for line, name in _imports(path)
        if name.startswith(ABOVE[layer])
    ]
    assert not wrong, wrong


def test_tagging_never_loads_the_training_side(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text('The council said the bridge will reopen. "It is safe," she said.', encoding="utf-8")
    code = (
        "import sys; from claimtag.inference.cli import main; "
        f"rc = main(['tag', {str(article)!r}, '--format', 'jsonl']); "
        "loaded = sorted(m for m in sys.modules if m.startswith('claimtag.training') or m == 'torch'); "
        "print('LOADED', loaded, file=sys.stderr); sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stderr, done.stderr
