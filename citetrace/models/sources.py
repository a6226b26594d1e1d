"""Across documents, the sources: one canonical source with every name it goes by, and why each is it."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from citetrace.models.base import _Model
from citetrace.models.documents import SourceKind


class MergeReason(StrEnum):
    """Why a way of writing a source is that source (``registry.Registry``)."""

    same_name = "same_name"  # the name itself, with or without a description ("Sen. Elizabeth Warren")
    known = "known"  # a known source's alias (citetrace's list or the user's --aliases file)
    in_document = "in_document"  # resolved in its document: a surname, a description, an organization form
    pronoun = "pronoun"  # a pronoun whose antecedent in the document is the source
    fuzzy = "fuzzy"  # a spelling variant ("Qasem Soleimani")
    surname = "surname"  # a short form, and the corpus has one full name that ends with it
    by_title = "title"  # a short form that fits several full names; its titles and honorifics pick one


class SourceMerge(_Model):
    alias: str = Field(description="A way the source is written, or a name merged into it.")
    reason: MergeReason
    confidence: float = Field(
        default=1.0,
        ge=0.0,
        le=1.0,
        description="How sure the merge is: 1 for the name itself or a known alias, less for a resolution in "
        "its document, a spelling variant or a short form; under 0.7 a guess (``guess``).",
    )
    guess: bool = Field(
        default=False,
        description="A merge no document supports: a short form joined to a full name only another document "
        "gives ('Hutchinson' in one article, 'Mary Hutchinson' in another).",
    )


class CanonicalSource(_Model):
    """One source of the corpus with every name it goes by (``registry.build_registry``)."""

    name: str = Field(description="Canonical name, the key of the source everywhere in the outputs.")
    kind: SourceKind
    aliases: list[str] = Field(description="Every way the source is written in the corpus, sorted.")
    part_of: str | None = Field(default=None, description="The larger source it is part of (BBC Monitoring -> BBC).")
    affiliation: str | None = Field(
        default=None,
        description="A person's outlet or group (BBC's Mina Al-Lami -> BBC); an organization form's person "
        "(Hillary Clinton campaign -> Hillary Clinton).",
    )
    documents: list[str] = Field(description="Documents that mention the source, sorted.")
    mentions: int = Field(default=0, ge=0, description="How many frames name the source.")
    descriptions: list[str] = Field(
        default_factory=list, description='What the mentions say besides the name ("Massachusetts Sen."), sorted.'
    )
    merges: list[SourceMerge] = Field(
        default_factory=list, description="Every alias other than the name itself, and why it is this source."
    )
