"""The app's own text writes plurals as words ("1 change", "3 changes"), never "change(s)": every string in the
source is read (docstrings aside, which may quote what is not to be written)."""

from __future__ import annotations

import ast
from pathlib import Path

from imagingnet_desktop.domain.control.positions import BoardPosition
from imagingnet_desktop.ui.control.seats_views import seats_summary
from locations import REPO

SOURCE = REPO / "src" / "imagingnet_desktop"


def bracketed_plurals(path: Path) -> list[str]:
    """Every string in ``path`` (an f-string's parts too) that holds "(s)", but for docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and "(s)" in node.value]


def test_no_string_in_the_app_writes_a_plural_as_s_in_brackets() -> None:
    found = [hit for path in sorted(SOURCE.rglob("*.py")) for hit in bracketed_plurals(path)]
    assert found == []


def test_the_check_finds_a_bracketed_plural_in_an_f_string_but_not_in_a_docstring(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""A docstring may say change(s)."""\nn = 2\ntext = f"{n} change(s)"\n', encoding="utf-8")
    assert bracketed_plurals(sample) == ["sample.py:3: ' change(s)'"]


def test_key_posts_are_counted_in_words(workspace) -> None:
    only = workspace.network.partners[:1]
    posts = [BoardPosition(1, "Chair", partner_id=only[0].id), BoardPosition(2, "Deputy", partner_id=only[0].id)]
    assert seats_summary(only, {only[0].id: posts[:1]}) == "1 key post allocated."
    assert seats_summary(only, {only[0].id: posts}) == "2 key posts allocated."
