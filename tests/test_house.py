"""The house rules that keep the code readable: no module over 400 lines, no function over 60."""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

MODULES = sorted((ROOT / "citetrace").rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_modules_and_functions_stay_small(path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 400, f"{path.name}: {source.count(chr(10))} lines; split it along a seam"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= 60, f"{path.name}:{node.lineno} {node.name} is {length} lines"


def test_tests_mirror_the_package() -> None:
    """Each folder of tests/ is a stage of citetrace/ (tests/golden/ holds expected outputs), and each
    stage with modules of its own has its tests."""
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and p.name not in {"golden", "__pycache__"}}
    stages = {p.parent.name for p in (ROOT / "citetrace").glob("*/__init__.py")}
    assert folders <= stages, f"tests/ folders with no citetrace/ stage: {sorted(folders - stages)}"
    assert stages - folders <= {"cli"}, f"stages without tests/ of their own: {sorted(stages - folders - {'cli'})}"
