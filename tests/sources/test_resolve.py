"""Source resolution within a document: names, titles, descriptions, pronouns, kinds."""

from __future__ import annotations

import pytest

from citetrace.models import FlagType, SourceKind, Unresolved

CASES = [
    ("US President Donald Trump said the strike was justified.", "said", "Donald Trump", SourceKind.person),
    ("The BBC reported that the group was regrouping.", "reported", "BBC", SourceKind.outlet),
    (  # a body's noun and its apposition, which the parse made the subject: the paper named before it
        "Nikki Haley should be deported, a headline from the Wall Street Journal reads. The newspaper, long a vocal "
        "advocate of immigration reform, writes that Haley has sought to differentiate between the two systems.",
        "writes",
        "Wall Street Journal",
        SourceKind.outlet,
    ),
    (  # the known name at the end of the phrase is whom he advises, not who speaks
        "\u201cTrump is going to win this election,\u201d Senator Jeff Sessions, a close advisor to Trump, told AFP.",
        "told",
        "Jeff Sessions",
        SourceKind.person,
    ),
    ("Security sources said 10 people were killed.", "said", "security sources", SourceKind.anonymous),
    # the one quoted speaks
    ("The minister was quoted as saying that the talks had failed.", "quoted as saying", "minister", SourceKind.person),
    # where people work is a body, whatever its name looks like
    ("Economists at JPMorgan said inflation would ease.", "said", "JPMorgan", SourceKind.organization),
    (  # a relative clause set off by a comma says what they did, not who they are
        "Officials, who spoke on condition of anonymity because they were not authorized to discuss the matter, "
        "said the talks had stalled.",
        "said",
        "officials",
        SourceKind.anonymous,
    ),
    (
        "The State Department said on Friday that no such thing was happening.",
        "said",
        "US State Department",
        SourceKind.government,
    ),
    # a description resolves to the named source of its kind (here: named after it)
    (
        "Fighters rejoiced, according to a weekly newspaper affiliated with the group. "
        "The weekly newspaper Al-Naba called it an act of god.",
        "according to",
        "Al-Naba",
        SourceKind.publication,
    ),
    # "the newspaper" is no news agency: the AP that the dateline credits is not the weekly it quotes
    (
        "BAGHDAD (AP) — Fighters rejoiced, according to a weekly newspaper affiliated with the group. "
        "The weekly newspaper portrayed his death as an act of god, according to BBC Monitoring.",
        "portrayed",
        "weekly newspaper",
        SourceKind.publication,
    ),
    # a lone surname takes the fullest form of the name in the document
    (
        "Masoud Barzani visited Tehran. Later, Barzani said Iran had helped first.",
        "said",
        "Masoud Barzani",
        SourceKind.person,
    ),
    # he -> the last person source
    ("Masoud Barzani said Iran helped. He said the planes came at night.", None, "Masoud Barzani", SourceKind.person),
]


@pytest.mark.parametrize(("text", "cue", "canonical", "kind"), CASES, ids=[c[0][:40] for c in CASES])
def test_resolution(frames_of_text, text, cue, canonical, kind) -> None:
    frames = frames_of_text(text)
    frame = frames[-1] if cue is None else next(f for f in frames if f.cue.text == cue)
    assert frame.source is not None
    assert (frame.source.canonical, frame.source.kind) == (canonical, kind)


MORE_CASES = [
    ("President Trump said the strike was justified.", "said", "Donald Trump", SourceKind.person),
    (
        "The paper reported X, according to BBC journalist Mina Al-Lami.",
        "according to",
        "Mina Al-Lami",
        SourceKind.person,
    ),
    (
        "General Soleimani topped Foreign Policy (FP)'s 2019 list of Global Thinkers.",
        "'s",
        "Foreign Policy",
        SourceKind.publication,
    ),
    (
        "A few days after the attack, NATO said that the safety of its personnel was paramount.",
        "said",
        "NATO",
        SourceKind.organization,
    ),
    (  # a "then-" title is a title (issue 36)
        "Hillary Clinton spoke on Monday. In 2012, then-Secretary Clinton said the embassy was safe.",
        "said",
        "Hillary Clinton",
        SourceKind.person,
    ),
    (  # a surname and its suffix take the document's full name (issue 36)
        "Donald Trump Jr. said the campaign would win. Later, Trump Jr. said the polls were wrong.",
        None,  # the last frame: "Trump Jr."
        "Donald Trump Jr.",
        SourceKind.person,
    ),
    (  # a bar is a business, not a person
        "The Crown Bar said it would stay closed until June.",
        "said",
        "Crown Bar",
        SourceKind.organization,
    ),
    (  # a description in apposition to a name is that person (PolNeAR train: was "Matthew Boyle")
        "Lloyd Grove, the Daily Beast editor who wrote the profile on Boyle, tweeted out praise of Boyle during "
        "the press conference on Monday.",
        "wrote",
        "Lloyd Grove",
        SourceKind.person,
    ),
    (  # a phrase before the subject is no apposition
        "On Tuesday, the company said it would close the plant.",
        "said",
        "company",
        SourceKind.organization,
    ),
    (  # a surname misspelt by one letter is the person's the document names (PolNeAR train: "Sharption")
        "Al Sharpton spoke on Monday. Sharption said the plan would work.",
        "said",
        "Al Sharpton",
        SourceKind.person,
    ),
    (  # ... from six letters: "Smyth" is not "John Smith"
        "John Smith spoke on Monday. Smyth said the plan would work.",
        "said",
        "Smyth",
        SourceKind.person,
    ),
    (  # "Its" is one word: "It 's chair" made "It" the speaker (issue 36's gold)
        "The association said its members feared losing parking. Its chair, Helen Park, said she would ask again.",
        None,
        "Helen Park",
        SourceKind.person,
    ),
    (  # a name in a relative clause the parse broke off is not the speaker (PolNeAR train: was "Montana")
        "At the townhall in Ho Chi Minh City, a young woman who had been an exchange student in Montana asked "
        "Obama what he thought of the prospects.",
        "asked",
        "young woman",
        SourceKind.person,
    ),
]


@pytest.mark.parametrize(("text", "cue", "canonical", "kind"), MORE_CASES, ids=[c[0][:40] for c in MORE_CASES])
def test_resolution_more(frames_of_text, text, cue, canonical, kind) -> None:
    test_resolution(frames_of_text, text, cue, canonical, kind)


def test_it_finds_the_paper_described_last(frames_of_text) -> None:
    text = (
        "The weekly newspaper Al-Naba praised the attack, according to BBC Monitoring. An editorial in the "
        "jihadi paper was careful not to name him. It couched the gloating in an analogy, "
        "referring to “the old wars of the empire”."
    )
    frame = next(f for f in frames_of_text(text) if f.cue.text == "referring to")
    assert frame.source is not None and frame.source.canonical == "Al-Naba"


# --------------------------------------------------------------------------- name and description

ORG = SourceKind.organization
# (text, cue, canonical name, description, kind, affiliation)
MENTIONS = [
    (
        "Massachusetts Sen. Elizabeth Warren said the bill was a gift to banks.",
        "said",
        "Elizabeth Warren",
        "Massachusetts Sen.",
        SourceKind.person,
        None,
    ),
    ("Rival Hillary Clinton said the plan would fail.", "said", "Hillary Clinton", "Rival", SourceKind.person, None),
    (
        "Former Pennsylvania Gov. Ed Rendell said the race was close.",
        "said",
        "Ed Rendell",
        "Former Pennsylvania Gov.",
        SourceKind.person,
        None,
    ),
    (
        "Republican nominee Donald Trump said the debate was rigged.",
        "said",
        "Donald Trump",
        "Republican nominee",
        SourceKind.person,
        None,
    ),
    (
        "Clinton campaign chairman John Podesta said the emails were stolen.",
        "said",
        "John Podesta",
        "Clinton campaign chairman",
        SourceKind.person,
        None,
    ),
    # organization forms: the campaign of the person the document names in full
    (
        "Hillary Clinton spoke in Ohio. The Clinton campaign said it would spend more on ads.",
        "said",
        "Hillary Clinton campaign",
        None,
        ORG,
        "Hillary Clinton",
    ),
    (
        "Hillary Clinton spoke in Ohio. Clinton's team said the poll was wrong.",
        "said",
        "Hillary Clinton campaign",
        None,
        ORG,
        "Hillary Clinton",
    ),
    # "Mrs. Clinton" is Hillary, though Bill was named last; "Mr. Obama" is not the first lady
    (
        "Hillary Clinton spoke first. Then her husband, Bill Clinton, spoke. Mrs. Clinton said the race was close.",
        "said",
        "Hillary Clinton",
        "Mrs.",
        SourceKind.person,
        None,
    ),
    (
        "The first lady, Michelle Obama, will campaign in Ohio. Mr. Obama said the race was close.",
        "said",
        "Obama",
        "Mr.",
        SourceKind.person,
        None,
    ),
    # "the senator" is the senator named last
    (
        "Gov. Ed Rendell spoke first. Sen. Bernie Sanders spoke in Iowa. The Vermont senator said the plan was costly.",
        "said",
        "Bernie Sanders",
        "Vermont senator",
        SourceKind.person,
        None,
    ),
    # a relative pronoun stands for the noun phrase it hangs from
    (
        "Tom Clarke, who said the mine was safe, left the company in May.",
        "said",
        "Tom Clarke",
        None,
        SourceKind.person,
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "cue", "name", "description", "kind", "affiliation"), MENTIONS, ids=[m[0][:40] for m in MENTIONS]
)
def test_name_description_and_kind(frames_of_text, text, cue, name, description, kind, affiliation) -> None:
    frame = next(f for f in frames_of_text(text) if f.cue.text == cue)
    assert frame.source is not None and frame.source.unresolved is None
    got = (frame.source.canonical, frame.source.description, frame.source.kind, frame.source.affiliation)
    assert got == (name, description, kind, affiliation)


def test_a_pronoun_with_no_antecedent_names_no_source(frames_of_text) -> None:
    (frame,) = [f for f in frames_of_text("They said the vote was rigged.") if f.cue.text == "said"]
    assert frame.source is not None and frame.source.unresolved is Unresolved.pronoun
    assert frame.speaker is None


def test_an_unresolved_source_is_a_flag_not_a_node(graph_of) -> None:
    g = graph_of("They said the vote was rigged.\n")
    (chain,) = g.chains
    assert chain.primary is None
    assert [f.type for f in chain.flags] == [FlagType.unresolved_source]
    assert not [s for s in g.sources if s.name.lower() == "they"]


# the first person in the article's own voice is its writer, never the last person named

FIRST_PERSON = [
    ("Donald Trump said the wall would be built. As we have explained before, the claim is false.", "explained"),
    ("Trump also said Mexico would pay. I think that is unlikely, and I told my editor so.", "told"),
]


@pytest.mark.parametrize(("text", "cue"), FIRST_PERSON, ids=[c[1] for c in FIRST_PERSON])
def test_the_first_person_of_the_article_is_its_writer(frames_of_text, text: str, cue: str) -> None:
    (frame,) = [f for f in frames_of_text(text) if f.cue.text == cue]
    assert frame.source is not None and frame.source.unresolved is Unresolved.writer
    assert frame.speaker is None


@pytest.mark.parametrize(
    "text",
    [  # inside a quote going on over paragraphs; a transcript's answers
        'Donald Trump spoke in Iowa. "It is over," he said.\n\n"I told my staff so. We will win big.',
        "Q: Will you win?\n\nA: Yes. I told my staff so.\n\nQ: When?\n\nA: Soon.",
    ],
)
def test_a_first_person_inside_quotes_is_not_the_writer(frames_of_text, text: str) -> None:
    frame = next(f for f in frames_of_text(text) if f.cue.text == "told")
    assert frame.source is not None and frame.source.unresolved is not Unresolved.writer


@pytest.mark.parametrize(
    ("text", "word", "own"),
    [
        ("Mr. Trump spoke. ''I think I will win,'' Mr. Trump said. I doubt it.", "I think", False),
        ("Mr. Trump spoke. ''I think I will win,'' Mr. Trump said. I doubt it.", "I doubt", True),
        ("He spoke.\n\n\u201cWe will win. It is over.\n\n\u201cWe told them so.", "We told", False),
        ("He spoke.\n\n\u201cWe will win,\u201d he said. We told them so.", "We told", True),
    ],
)
def test_the_articles_own_voice_is_outside_every_kind_of_quote(parser, text: str, word: str, own: bool) -> None:
    from citetrace.models import Document
    from citetrace.sources.name_index import DocumentIndex
    from citetrace.sources.salience import People

    people = People(DocumentIndex(Document(path="t.txt", name="t.txt", text=text), parser.parse([text])[0]))
    assert people.in_own_voice(text.index(word)) is own


def test_the_writers_claim_is_flagged_as_the_writers(graph_of) -> None:
    g = graph_of("Donald Trump said the wall would be built. As we have explained before, the claim is false.\n")
    chain = next(c for c in g.chains if c.flags and c.flags[0].type is FlagType.unresolved_source)
    assert "own writer" in chain.flags[0].detail
    assert not [s for s in g.sources if s.name.lower() == "we"]


# --------------------------------------------------------------------------- across documents


# --------------------------------------------------------------------------- short forms (issue 36, chains gold)

SHORT_FORMS = [
    # a body named by its own words is a mention; its first word alone, and "the company", are it
    (
        "Fujitsu Ltd. apologized on Monday. Fujitsu said it bid one yen. The company said it would withdraw the bids.",
        -1,
        "Fujitsu Ltd.",
        SourceKind.organization,
    ),
    (
        "BRAMALEA Ltd. said it agreed to issue bonds. The Toronto-based real estate concern said each warrant "
        "entitles the holder to buy stock.",
        -1,
        "BRAMALEA Ltd.",
        SourceKind.organization,
    ),
    (
        "Japan's exports rose, the Finance Ministry said on Thursday. Exports rose 4.1 percent, the ministry said.",
        -1,
        "Finance Ministry",
        SourceKind.government,
    ),
    # "his campaign": the campaign of the person "his" is
    (
        "Donald Trump will meet lawmakers on Monday. His campaign confirmed that Trump would attend.",
        -1,
        "Donald Trump campaign",
        SourceKind.organization,
    ),
    # they: an anonymous group may be what "they" is
    (
        "Some analysts warn that payouts may signal trouble. In the past, they say, dividend growth came at the peak.",
        -1,
        "some analysts",
        SourceKind.anonymous,
    ),
    # a two-word surname, a given name alone, a title that is not a name
    (
        "Debbie Wasserman Schultz dismissed the claims on Monday. Wasserman Schultz said there were no violations.",
        -1,
        "Debbie Wasserman Schultz",
        SourceKind.person,
    ),
    (
        "Hillary Clinton spoke in Iowa on Monday. Hillary said she was proud of the result.",
        -1,
        "Hillary Clinton",
        SourceKind.person,
    ),
    ("Rabbi Rick Jacobs said he would skip the speech.", -1, "Rick Jacobs", SourceKind.person),
    # the editorial board is the paper's
    (
        "The Washington Post ran an editorial on Tuesday. The governor is a strong candidate, the editorial "
        "board writes.",
        -1,
        "Washington Post",
        SourceKind.outlet,
    ),
    # a capitalised first word of a sentence is no given name: "Imagine Brad Thor" is not Brad Thor
    (
        "\u201cImagine Brad Thor going up against Trump,\u201d the host said. Best-selling writer Brad Thor told "
        "reporters he would run.",
        -1,
        "Brad Thor",
        SourceKind.person,
    ),
]


@pytest.mark.parametrize(("text", "at", "canonical", "kind"), SHORT_FORMS, ids=[c[0][:40] for c in SHORT_FORMS])
def test_short_forms_find_their_full_name(frames_of_text, text, at, canonical, kind) -> None:
    frame = frames_of_text(text)[at]
    assert frame.source is not None
    assert (frame.source.canonical, frame.source.kind) == (canonical, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The self-described democratic socialist said he would win the primary.",
        "Sanders, a senator from Vermont and self-described democratic socialist, said the economy was rigged.",
    ],
)
def test_a_participle_before_its_noun_is_no_cue(frames_of_text, text) -> None:
    assert [f.cue.text for f in frames_of_text(text)] == ["said"]


PRONOUN_CASES = [
    # the subject of the sentence before, though the tagger took "Sanders" for a common noun there and the
    # sentence splitter cut "Sen." from his full name
    (
        "Now comes the real test for Sen. Bernie Sanders. \u201cHe is a viable candidate,\u201d said Robert "
        "Oldendick, a political science professor.\n\nSanders, who has represented mostly white Vermont in "
        "Congress for two decades, rallied young people with his calls to end the economy. He said during his "
        "victory speech that his revolution would bring people together.",
        "Bernie Sanders",
    ),
]


@pytest.mark.parametrize(("text", "person"), PRONOUN_CASES, ids=[c[1] for c in PRONOUN_CASES])
def test_a_pronoun_finds_the_person_the_sentences_are_about(frames_of_text, text, person) -> None:
    frame = frames_of_text(text)[-1]
    assert frame.source is not None and frame.source.text.lower() in ("he", "his")
    assert frame.source.canonical == person
