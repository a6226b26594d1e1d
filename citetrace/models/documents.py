"""One document: its text, its parse and its attribution frames."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field

from citetrace.models.base import _Model


class SourceKind(StrEnum):
    """What kind of speaker or origin a source is."""

    person = "person"
    outlet = "outlet"
    publication = "publication"
    organization = "organization"
    government = "government"
    anonymous = "anonymous"
    unknown = "unknown"


class Unresolved(StrEnum):
    """Why a source mention is not a source of its own."""

    pronoun = "pronoun"  # "they", "it", "who" with no antecedent found
    clause = "clause"  # a clause, a description still too long once cut down, or a time ("Tuesday")
    writer = "writer"  # "I", "we" in the article's own voice, outside quotes: its writer, no cited source


class Span(_Model):
    """A piece of a document: ``text == document_text[start:end]`` (Python string indices)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SourceMention(_Model):
    """The source of a frame as written, plus the named source it resolves to and its kind."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    canonical: str
    kind: SourceKind
    description: str | None = Field(
        default=None, description='What the mention says about the source besides its name: "Massachusetts Sen."'
    )
    affiliation: str | None = Field(
        default=None,
        description='The person an organization form belongs to: "the Clinton campaign" -> Hillary Clinton.',
    )
    unresolved: Unresolved | None = Field(
        default=None, description="Why the mention names no source (no node is made for it), if it names none."
    )


class FrameKind(StrEnum):
    """Which family of attribution a frame is, as the extractor found it."""

    verb = "verb"  # a verb of saying, reporting or believing: "Barzani said ..."
    according = "according"  # "..., according to the BBC"
    citing = "citing"  # "..., citing the Pentagon"
    possessive = "possessive"  # a publication cited without a verb: "Foreign Policy's 2019 list"
    quote = "quote"  # a floating direct quote, attributed to the last speaker before it
    credit = "credit"  # a document credit: "Read more at DailyMail.co.uk", "RT with additional input by ..."
    nominal = "nominal"  # a noun of speech found by the learned scorer: "the claim that ...", "his remarks on ..."
    label = "label"  # a speaker label: "WALLACE: Let's start"
    stance = "stance"  # a belief, feeling, plan or act (PolNeAR's wider scope): "physicians respect him"
    negated = "negated"  # a negated cue: "did not mention X", "wouldn't say when" (nothing is claimed)
    # a question, a condition or a modal: "Did Trump say ...?", "Critics may say" (nothing is said yet)
    hypothetical = "hypothetical"

    @property
    def reports_words(self) -> bool:
        """Whether the frame reports what a source said or wrote (chains and diagrams use only these)."""
        return self not in (FrameKind.stance, FrameKind.negated, FrameKind.hypothetical)


class FoundBy(StrEnum):
    """How the extractor found a frame's parts."""

    tree = "tree"  # the dependency tree: the cue's subject, complement, object, ... (and the learned cues)
    surface = "surface"  # the words, their tags and the punctuation ("..., the ministry said."), not the tree


class Frame(_Model):
    """One attribution: ``source`` says/reports ``content``, signalled by ``cue``.

    ``parent`` is the id of the frame whose content contains this frame's cue (nesting);
    ``channel`` is where the words were said or printed ("in an interview with Sky News Arabic").
    """

    id: str
    kind: FrameKind
    confidence: float = Field(default=1.0, ge=0, le=1, description="The cue scorer's probability (1.0: unscored).")
    cue: Span
    source: SourceMention | None
    co_sources: list[SourceMention] = Field(
        default_factory=list,
        description='The other speakers of a coordinated source ("Bolton and Gorka said"), each a source of its own.',
    )
    content: Span
    more_content: list[Span] = Field(default_factory=list, description="Quotes going on in the same paragraph.")
    parent: str | None = None
    channel: Span | None = None
    found_by: FoundBy = Field(default=FoundBy.tree, description="How its parts were found: the tree or the surface.")

    @property
    def content_pieces(self) -> list[Span]:
        """The content, then the quotes that go on after it (``more_content``)."""
        return [self.content, *self.more_content]

    @property
    def speaker(self) -> SourceMention | None:
        """The source the chains and the graph use: none when the mention names no one (``unresolved``)."""
        return self.source if self.source is not None and self.source.unresolved is None else None

    @property
    def source_mentions(self) -> list[SourceMention]:
        """The source and the other speakers of its list, as written, resolved or not."""
        return [self.source, *self.co_sources] if self.source is not None else []

    @property
    def speakers(self) -> list[SourceMention]:
        """Every source the words rest on: the ``speaker`` and the other speakers of a coordinated source."""
        return [s for s in self.source_mentions if s.unresolved is None]


class Document(_Model):
    """An article as read from disk. Every offset in citetrace points into ``text``."""

    path: str = Field(description="The path as given on the command line (or inside a folder given).")
    name: str = Field(
        description="The path inside the folder given ('2020/jan/a.txt'; a file given: its name), unique "
        "within a corpus: the document's key in every output, so outputs do not depend on how paths were typed."
    )
    text: str
    outlet: str | None = None
    outlet_evidence: Span | None = Field(default=None, description="Where the text names the outlet (None: metadata).")
    url: str | None = None
    date: str | None = None
    headline: str | None = Field(default=None, description="The article's headline (metadata, else its first line).")
    wire: str | None = Field(default=None, description="The wire it copies, from metadata ('AP').")
    credit: str | None = Field(default=None, description="Its credit line, from metadata ('h/t: The Hill').")


@dataclass(frozen=True, slots=True)
class Token:
    """One syntactic word of a Stanza parse (a multi-word token's parts share its offsets).

    A plain slotted dataclass, not a pydantic model: a corpus has millions of tokens, and building one
    costs ~0.4 us this way against ~6 us validated (``parse.cache`` builds them from typed columns).
    Pydantic still validates a ``Token`` inside ``Sentence`` when it reads JSON."""

    id: int
    text: str
    lemma: str
    upos: str
    xpos: str | None
    feats: str | None
    head: int
    deprel: str
    start: int
    end: int


class Sentence(_Model):
    tokens: list[Token]


class ParsedDocument(_Model):
    """Stanza's parse of one document, reduced to plain data (cached on disk by ``parse.cache``)."""

    model: str = Field(description="Fingerprint of the Stanza models that made this parse.")
    text_sha256: str = Field(description="SHA-256 of the text parsed: a cached parse is used only for that text.")
    sentences: list[Sentence]


class ProvenanceKind(StrEnum):
    """How a document came from another outlet, as its first and last lines say (``provenance``)."""

    wire = "wire"  # a wire copy: "WASHINGTON (AP) —", "(Reporting by ...; Editing by ...)"
    contribution = "contribution"  # "The Associated Press contributed to this report."
    hat_tip = "hat_tip"  # "h/t: The Hill", "via Mediaite"
    syndication = "syndication"  # "This article originally appeared on ...", "Republished with permission of ..."
    byline = "byline"  # "By Jane Roe, Associated Press": the author (the source is the person)


class ProvenanceOrigin(StrEnum):
    text = "text"  # read from the article's own lines
    metadata = "metadata"  # given by the corpus's sidecar table or meta.json


class Provenance(_Model):
    """One thing a document says (or its metadata says) about where it comes from."""

    kind: ProvenanceKind
    source: str = Field(description="The credited wire or outlet, by its canonical name ('Associated Press').")
    evidence: Span | None = Field(default=None, description="The line that says it (None: from metadata).")
    origin: ProvenanceOrigin = ProvenanceOrigin.text


class DocumentFrames(_Model):
    """One line of ``frames.jsonl`` and of ``citetrace frames --json``."""

    document: str
    outlet: str | None
    frames: list[Frame]
    provenance: list[Provenance] = Field(default_factory=list, description="Wire, contributions, hat tips.")
