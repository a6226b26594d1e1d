"""Cue lexicon and frame patterns, as data.

- ``SAY_LEMMAS``: verbs of saying, reporting, believing and claiming, written by hand. They make a
  frame even without a subject (passives: "is alleged to", "was quoted as").
- ``learned_cue_forms()``: word forms that are cues in a large share of their occurrences in the
  PolNeAR *train* split (``data/learned_cues.tsv``, made by ``bench/learn_cues.py``). They make a
  frame only with both a subject and a complement, which keeps the many occasional cues precise.
- ``SOURCE_NOUNS``: head nouns that tell a source's kind when it is described, not named.
- ``KNOWN_SOURCES``: names whose kind and canonical form we know (outlets, governments, groups).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from citetrace.models import SourceKind

SAY_LEMMAS: frozenset[str] = frozenset(
    """say tell report claim believe announce add write tweet note state declare explain argue insist
    warn confirm deny admit acknowledge allege assert suggest reveal predict vow pledge promise
    portray describe condemn call credit quote accuse praise criticize criticise urge recall reply
    respond answer testify estimate conclude think fear hope contend stress emphasise
    emphasize complain concede disclose indicate mention observe remark reiterate repeat opine
    post publish refer""".split()
)

# Sentences of page furniture, not of the article.
BOILERPLATE_PREFIXES: tuple[str, ...] = (
    "Read more:",
    "Trending:",
    "Related:",
    "Also read",
    "READ MORE",
    "Join the conversation",
)

# Set phrases in which a cue word reports nothing: the words right before the cue -> the cue words
# ("Rest assured, we will ...", "Needless to say, ...", "That is to say").
IDIOMS: dict[str, tuple[str, ...]] = {
    "assured": ("rest",),
    "say": ("needless to", "that is to", "suffice it to", "so to"),
}

# Acts, not words, that the learned cues take for cues ("the House voted to raise the ceiling", "pleaded
# guilty", "pushed for"): kept as ``stance`` frames, out of the default kinds (PolNeAR annotates some).
ACT_LEMMAS: frozenset[str] = frozenset(
    "vote push plead nominate elect appoint sign veto pass approve endorse decide ignore love".split()
)

# Cue verbs of a wish, plan, feeling or act, not of words ("refusing to withdraw", "sought the credit",
# "fearing that ..."): their frames are of kind ``stance``, kept for PolNeAR's scope, not traced.
STANCE_LEMMAS: frozenset[str] = (
    frozenset(
        """refuse decline avoid seek prefer want try plan intend aim fear worry hope expect appear seem side lay
    rattle restrict renew order""".split()
    )
    | ACT_LEMMAS
)

# Verbs that only count with an explicit content clause or object (too common otherwise).
NEEDS_CONTENT: frozenset[str] = frozenset("call add refer describe credit post publish think".split())

# Phrasal cues: lemma -> particle/preposition that must follow ("called for", "referring to").
PHRASAL: dict[str, tuple[str, ...]] = {"call": ("for", "on"), "refer": ("to",), "point": ("to", "out")}
# ... of which these report nothing without it: "pointed their rifles at" is no "pointed out"
PHRASAL_ONLY = frozenset({"point", "refer"})
# A verb with no subject under one of these reports no one's words: "where noted", "unless otherwise stated"
NO_ONE_MARKS = frozenset({"where", "unless"})

# Head nouns of a described source -> kind.
SOURCE_NOUNS: dict[str, SourceKind] = {
    **dict.fromkeys(
        "newspaper paper weekly daily magazine journal tabloid editorial publication list report study "
        "survey poll ranking index bulletin".split(),
        SourceKind.publication,
    ),
    **dict.fromkeys(
        "outlet broadcaster channel network agency station website site tv television radio news "
        "monitoring media newswire wire".split(),
        SourceKind.outlet,
    ),
    **dict.fromkeys(
        "government ministry department administration pentagon embassy military army police "
        "spokesman spokeswoman spokesperson prosecutor prosecutors court regime".split(),
        SourceKind.government,
    ),
    **dict.fromkeys(
        "group organization organisation forces militia militias coalition party committee council "
        "union alliance movement campaign company firm concern institute foundation association bank "
        "extremists jihadists militants terrorists fighters rebels".split(),
        SourceKind.organization,
    ),
    **dict.fromkeys(
        "journalist reporter correspondent editor analyst expert official minister president leader "
        "cleric general commander professor author man woman lawmaker senator spokesman "
        "candidate director chief head ambassador scholar ceo executive chairman chairwoman".split(),
        SourceKind.person,
    ),
}

# Plural heads that stand for the group they belong to ("the extremists said" -> Islamic State); any
# other plural ("protest groups", "former prosecutors") is never one named body.
GROUP_MEMBERS: frozenset[str] = frozenset("extremists jihadists militants terrorists fighters rebels militias".split())

# Heads that make a source anonymous when no name comes with them ("security sources").
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    "source sources official officials people witnesses witness reports insiders residents observers "
    "diplomats aides experts analysts critics some others many".split()
)

PERSON_PRONOUNS = frozenset("he she him her his i we you".split())
THING_PRONOUNS = frozenset("it its".split())
GROUP_PRONOUNS = frozenset("they them their".split())
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
FIRST_PERSON = frozenset("i we me us my our".split())
# passive cues whose subject is the speaker: "was quoted as saying", "was heard saying"
PASSIVE_SPEAKERS = frozenset("quote hear overhear record".split())
RELATIVE_PRONOUNS = frozenset("who which that whom whose".split())
# Words that join two cues side by side ("praised Garland and said"): two frames of one speaker
COORDINATORS = frozenset({"and", "or", "but"})

# A source is a name or a short description, never a clause. A source phrase longer than
# MAX_SOURCE_WORDS loses, one step at a time until it is short enough, its relative clauses ("a number
# of tax experts [I spoke to this week about ...]"), its other clausal dependents ("the complaint
# [filed by the SEC ...]"), then its appositions and conjuncts ("David Kamin[, an outside adviser to
# the campaign on tax and budget issues and ...]"). One still too long, one that is itself a clause (a
# verb with its subject or object), or one that starts with a preposition ("to about the Clinton email
# matter") is no source. 16 words: 98% of the gold sources of PolNeAR train are that short or shorter.
SOURCE_CUTS: tuple[frozenset[str], ...] = (
    frozenset({"acl:relcl"}),
    frozenset({"acl", "advcl", "ccomp", "csubj", "parataxis"}),
    frozenset({"appos", "conj"}),
)
CLAUSE_CORE_DEPRELS = frozenset("nsubj csubj obj ccomp xcomp mark aux cop".split())
MAX_SOURCE_WORDS = 16
# A source's name, or the description that stands for it, is at most this many words once its
# clauses, appositions and prepositional modifiers are cut (``mentions.core``); longer is no source.
MAX_NAME_WORDS = 8

# Titles dropped from a person's canonical name.
TITLES: frozenset[str] = frozenset(
    """president vice prime minister foreign leader general lieutenant gen. gen col. colonel
    ayatollah grand sheikh dr. dr mr. mr mrs. mrs ms. ms sen. sen senator rep. rep gov. gov governor
    secretary chief journalist reporter correspondent editor analyst professor prof. king queen
    prince commander cleric spokesman spokeswoman then former late the a an us u.s. iranian iraqi
    american british bbc""".split()
)


@dataclass(frozen=True)
class KnownSource:
    canonical: str
    kind: SourceKind
    aliases: tuple[str, ...]
    part_of: str | None = None


# Names we know. Matching is on normalised text (case, hyphens, apostrophes and dots aside).
KNOWN_SOURCES: tuple[KnownSource, ...] = (
    KnownSource("BBC Monitoring", SourceKind.outlet, ("BBC Monitoring",), part_of="BBC"),
    KnownSource("BBC", SourceKind.outlet, ("BBC", "British Broadcasting Corporation", "BBC News")),
    KnownSource("RT", SourceKind.outlet, ("RT", "RT.com", "RT. com", "Russia Today")),
    KnownSource("Daily Mail", SourceKind.outlet, ("Daily Mail", "DailyMail.co.uk", "MailOnline", "Mail Online")),
    KnownSource("Sky News Arabic", SourceKind.outlet, ("Sky News Arabic",)),
    KnownSource("PressTV", SourceKind.outlet, ("PressTV", "Press TV")),
    KnownSource("Reuters", SourceKind.outlet, ("Reuters",)),
    KnownSource("Associated Press", SourceKind.outlet, ("Associated Press", "AP")),
    KnownSource("Agence France-Presse", SourceKind.outlet, ("AFP", "Agence France-Presse")),
    KnownSource("CNN", SourceKind.outlet, ("CNN",)),
    KnownSource("Fox News", SourceKind.outlet, ("Fox News",)),
    KnownSource("The New York Times", SourceKind.outlet, ("New York Times", "The Times", "NYT")),
    KnownSource("The Washington Post", SourceKind.outlet, ("Washington Post",)),
    KnownSource("Global Village Space", SourceKind.outlet, ("Global Village Space", "GVS", "GVS News Desk")),
    KnownSource("ABC Flash Point News", SourceKind.outlet, ("ABC Flash Point News",)),
    KnownSource("Al-Naba", SourceKind.publication, ("Al-Naba", "al-Naba", "Al Naba", "an-Naba")),
    KnownSource("Foreign Policy", SourceKind.publication, ("Foreign Policy", "FP")),
    KnownSource("Islamic State", SourceKind.organization, ("Islamic State", "ISIS", "ISIL", "IS", "Daesh")),
    KnownSource("NATO", SourceKind.organization, ("NATO",)),
    KnownSource("United Nations", SourceKind.organization, ("United Nations", "UN", "U.N.")),
    KnownSource("United States", SourceKind.government, ("United States", "US", "U.S.", "USA", "America")),
    KnownSource("Iran", SourceKind.government, ("Iran", "Tehran", "Islamic Republic of Iran")),
    KnownSource("Iraq", SourceKind.government, ("Iraq", "Baghdad")),
    KnownSource("Pentagon", SourceKind.government, ("Pentagon", "the Pentagon")),
    KnownSource("US State Department", SourceKind.government, ("State Department", "US State Department")),
    KnownSource("White House", SourceKind.government, ("White House",)),
    KnownSource("Kremlin", SourceKind.government, ("Kremlin",)),
    # not "Fed" alone: "a Fed Ex driver"
    KnownSource(
        "Federal Reserve", SourceKind.government, ("Federal Reserve", "U.S. Federal Reserve", "Federal Reserve Board")
    ),
    KnownSource("Trump administration", SourceKind.government, ("Trump administration",)),
    # People named by surname alone across the news: the gazetteer is the evidence that lets "Trump"
    # in one article and "US President Donald Trump" in another be one person.
    KnownSource("Donald Trump", SourceKind.person, ("Donald Trump", "Donald J. Trump", "Trump", "President Trump")),
)


@lru_cache(maxsize=1)
def learned_cue_forms(min_ratio: float = 0.3) -> frozenset[str]:
    """Word forms that are cues in at least ``min_ratio`` of their occurrences in PolNeAR train."""
    table = resources.files("citetrace").joinpath("data/learned_cues.tsv")
    with table.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return frozenset(r["form"] for r in rows if float(r["ratio"]) >= min_ratio)


# Thresholds on the learned cue model's probability (chosen on held-out PolNeAR *train* documents):
CUE_VETO = 0.15  # below: a lexicon verb is not a cue here
CUE_ADD = 0.4  # above: a verb outside the lexicons is a cue (it still needs a source and a content)
CUE_STRONG = 0.6  # above: a lexicon cue as sure as a core verb of saying (no subject needed)


@lru_cache(maxsize=1)
def cue_model() -> dict[str, float]:
    """Weights of the learned cue model (``data/cue_model.tsv``, made by ``bench/train_cue_model.py``
    from the PolNeAR train split); empty when the table is absent."""
    table = resources.files("citetrace").joinpath("data/cue_model.tsv")
    if not table.is_file():
        return {}
    with table.open(encoding="utf-8") as fh:
        return {feature: float(weight) for feature, weight in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


# Words that make a name one of an organization, a government body or an outlet ("Popular
# Mobilization Forces", "US State Department", "Sky News"), when no known source says otherwise.
ORG_WORDS = frozenset(
    """organization organisation forces party group army council committee union front university college
    school institute foundation center centre bureau agency commission association fund bank reserve
    bar pub restaurant cafe hotel club chamber inc ltd llc corp co plc corporation research motor motors""".split()
)
GOV_WORDS = frozenset("department ministry administration government office pentagon kremlin".split())
OUTLET_WORDS = frozenset(
    """news times post tv radio press monitoring journal herald tribune sentinel gazette courier chronicle
    inquirer examiner telegraph dispatch review magazine""".split()
)
BODY_WORDS = ORG_WORDS | GOV_WORDS | OUTLET_WORDS  # any word that names a body ("Ministry", "Ltd.", "Herald")

# Channels: where words were said or printed ("in an interview with X", "in a letter", "in the weekly
# newspaper al-Naba"); a print noun is a channel only as the adjunct of a verb.
PRINT_NOUNS = frozenset("newspaper paper magazine weekly journal".split())
CHANNEL_NOUNS = (
    frozenset(
        """interview letter statement tweet post op-ed editorial speech conference broadcast address briefing
        email e-mail video podcast release""".split()
    )
    | PRINT_NOUNS
)
CHANNEL_PREPOSITIONS = frozenset("in on through at".split())

# A publication cited without a verb: "Foreign Policy's 2019 list".
PUBLICATION_HEADS = frozenset("list report study survey poll ranking index editorial analysis investigation".split())

# Verbs whose speaker may follow them ("..., says Adib-Moghaddam"), and verbs that report the rest of
# the sentence when the tree gives them no complement.
INVERTING_VERBS = frozenset("say write add state explain argue".split())  # not "told CNN": the addressee

# Verbs a sentence's surface makes a cue of, whatever their tag ("..., the ministry said.", "..., says
# X, an analyst", "others at the school say/NOUN she was ..."): verbs of saying that end or open a
# report, in their finite forms (``attribution.surface.surface_forms``).
# Quote marks as the tokenizer writes them (Penn's `` and '' too); those that open a quotation, those
# that close one.
QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})
OPENING_MARKS = frozenset({'"', "\u201c", "``", "''", "\u2018"})
CLOSING_MARKS = frozenset({'"', "\u201d", "''", "\u2019"})
SURFACE_VERBS = frozenset(
    """say tell add note write explain argue insist warn state declare report claim acknowledge admit
    reply respond answer concede recall contend continue conclude observe remark stress emphasize
    emphasise complain predict confirm announce estimate suggest tweet testify allege assert maintain
    muse quip joke counter exclaim shout yell scream cry boast scoff ask wonder find show""".split()
)
# ... of which these are cues only at a sentence's end, past a time at most: "..., Mr. Perritt found.",
# "..., figures showed on Thursday." report a finding, but "Levine found comic relief in it", "Ashley
# Yago ... finds herself in" and "the poll showed Clinton ahead" have no content before the comma
FINAL_ONLY = frozenset({"find", "show"})
# ... and these report what documents show, no one's words: their frames are ``stance``, as the tree's
SURFACE_STANCE = frozenset({"show"})
# ... of which these open a report whatever their tag ("others say/NOUN she was ..."), and of those
# these are nouns too in their present forms ("states", "claims", "reports": only "claimed" opens).
SURFACE_OPENING = frozenset(
    """say tell add insist explain argue warn contend concede acknowledge admit complain predict confirm
    announce recall conclude observe emphasize emphasise assert maintain allege testify suggest claim
    report state note write""".split()
)
NOUN_TOO = frozenset("claim report state note warn complain".split())
REST_OF_SENTENCE_VERBS = frozenset("say tell write add tweet state".split())
TOPIC_PREPOSITIONS = frozenset("on about of".split())  # "warned about X", "spoke on X"

# The learned cue scorer (attribution.learned, attribution.generic)
LEARNED_CUE = 0.45  # a token scoring this or more is a cue even where no rule makes a frame (chosen on held-out train)
RULE_VETO = 0.3  # a rule frame whose cue words all score below this is dropped (chosen on held-out train)
# a frame of a surface shape (", official data showed on Friday.", where the tree made "showed" a relative
# clause of "data") is evidence the tree-based scorer does not see: a lower bar (held-out train and WSJ tune:
# 0.1 keeps 4 more surface frames of held-out train, 2 of them matched; 11 more of PolNeAR train and WSJ
# tune, 9 right by reading; 0.0 keeps 2 more, no more matched)
SURFACE_VETO = 0.1
# cue words of phrases PolNeAR never marks, so the learned scorer has never seen them as cues: their
# frames keep the rule's confidence ("Per a report from Bloomberg, ...", opening a sentence)
UNSCORED_CUES = frozenset({"per"})
LEARNED_TOPIC_WORDS = frozenset("of about over on that to for against with".split())  # "critical of", "plan to"
SPEECH_NOUNS = frozenset(
    """statement claim remark remarks comment comments report interview tweet speech announcement allegation
    accusation assertion testimony warning promise pledge denial criticism argument message letter memo email
    post op-ed editorial column press release briefing address debate answer response reply question
    suggestion proposal prediction estimate poll survey analysis study finding findings note insistence
    complaint admission confirmation explanation declaration call appeal charge attack""".split()
)
# "issued a statement saying ...": what a verb publishes when its frame reports words
STATEMENT_NOUNS = frozenset("statement release announcement communique comment remark tweet letter memo post".split())

TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday tonight tomorrow week month year day morning afternoon
    evening night weekend last this next ago earlier later recently""".split()
)

# ... of which these name no time on their own ("this", "last", not "this week")
TIME_RELATIVE = frozenset("last this next ago earlier later recently".split())


def is_time(word: str) -> bool:
    """Whether a word (any case) is one of ``TIME_WORDS``: "Sunday", "week", "yesterday"."""
    return word.lower() in TIME_WORDS


# Prepositions of a place: "officials in Kabul" are people of a place, not a person named Kabul
PLACE_PREPOSITIONS = frozenset({"in", "across", "near", "around"})  # not "at Goldman Sachs", "from Diane D. Blair"
# Sentence adverbs the tagger may take for names at the head of a sentence ("Meanwhile, X said")
DISCOURSE_WORDS = frozenset(
    """meanwhile however still instead now then yet so also even separately similarly elsewhere overall indeed
    moreover furthermore nonetheless nevertheless otherwise finally thus hence ultimately sooner likewise""".split()
)
NEGATIONS = frozenset("not never n't".split())
# words that negate the verb right after them: "neither confirmed nor denied", "without admitting"
NEGATING_WORDS = frozenset("neither nor without".split())
# a subject that opens with these says that no one said it: "Neither candidate said", "No one has claimed"
NO_ONE = frozenset("neither no nobody none".split())
NOT_NO_ONE = frozenset("wonder doubt matter longer".split())  # "No wonder Trump said": someone did
ARTICLES = frozenset("the a an".split())
