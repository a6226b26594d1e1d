"""The base of every model: frozen, and no field it does not declare.

Every pydantic model keeps the names of the fields it was given (``model_fields_set``), as a set of
its own: 728 bytes once it holds five names, more than the rest of a small model (a graph's edge:
80 bytes, its ``__dict__`` 184). A corpus's frames, graph and claims are ~100,000 such models at 400
PolNeAR articles, so each model here shares one set with every model given the same names
(``_shared``). The models are frozen, so nothing adds a name to a shared set: pydantic copies the
set before ``model_copy`` updates it, and the copy is shared in its turn. What a model dumps does
not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

_FIELDS_SETS: dict[frozenset[str], set[str]] = {}  # one set per combination of given fields


def _shared(model: BaseModel) -> None:
    own = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(own), own)
    if shared is not own:
        object.__setattr__(model, "__pydantic_fields_set__", shared)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        _shared(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        _shared(copied)
        return copied
