"""The report's Jinja2 environment: its templates (package data in ``templates/``), every value
escaped on output (autoescaping: an article cannot inject markup), undefined names an error, and
two filters, ``words`` (white space flattened) and ``quoted`` (``claim_dot.in_quotes``)."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from citetrace.render.claim_dot import in_quotes


def words(text: str) -> str:
    """The words of a text, each run of white space one space (a ``Markup`` stays marked safe)."""
    flat = " ".join(str(text).split())
    return Markup(flat) if isinstance(text, Markup) else flat


@functools.cache
def environment() -> Environment:
    """The report's Jinja2 templates (package data in ``templates/``), every value escaped on output;
    filters ``words`` (white space flattened) and ``quoted`` (``claim_dot.in_quotes``)."""
    env = Environment(
        loader=PackageLoader("citetrace.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["words"] = words
    env.filters["quoted"] = in_quotes
    return env
