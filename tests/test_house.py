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
