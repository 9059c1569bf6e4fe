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


def _package_modules() -> list[Path]:
    return sorted(p for layer in ("model", "inference", "training") for p in (REPO / layer).rglob("*.py"))


def _redefined(tree: ast.Module) -> list[tuple[int, str]]:
    """Module-level names bound twice: the later binding silently replaces the earlier one for every
    function of the module (two rules each defining `_CLOSING_TAG` once did). A wrap of the name by a
    call that reads it (`_starts = functools.lru_cache(...)(_starts)`) is no second definition."""
    seen, twice = set(), []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            reads = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            names = [t.id for t in node.targets if isinstance(t, ast.Name) and t.id not in reads]
        else:
            continue
        twice += [(node.lineno, name) for name in names if name in seen]
        seen.update(names)
    return twice


def test_no_module_defines_a_name_twice() -> None:
    wrong = [
        f"{path.relative_to(REPO)}:{line} defines {name} again"
        for path in _package_modules()
        for line, name in _redefined(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not wrong, wrong


def test_no_module_imports_another_modules_private_name() -> None:
    # what one module takes from another is public; a leading underscore stays inside its module
    wrong = [
        f"{path.relative_to(REPO)}:{node.lineno} imports {alias.name} from {node.module}"
        for path in _package_modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claimtag")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert not wrong, wrong


def test_the_layout_checks_can_fail() -> None:
    tree = ast.parse("_A = 1\ndef f(): pass\n_A = 2\n_s = 3\n_s = wrap(_s)\n")
    assert _redefined(tree) == [(3, "_A")]
