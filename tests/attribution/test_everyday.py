"""The everyday shapes of news attribution, each with its whole expected frame, whatever the offline
parser makes of the sentence (issue 35): sentence-final "..., SOURCE said.", inverted "..., said NAME,
TITLE", quote first with an inverted verb, "SOURCE say(s) CONTENT" with the cue mis-tagged, and
negation that belongs to the content, not to the cue. Sentences marked (WSJ) are from the WSJ gold's
tune part (bench/wsj_split.py), (PolNeAR) from PolNeAR train; the others are ours. Then sentences that
must give no frame of the default kinds.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, cue, source, content); "" for a source: none.
SHAPES = [
    (  # a title before the name, both the speaker's
        "The bank expects rates to stay high, its chief economist, Huw Pill, said in a speech.",
        "said",
        "its chief economist, Huw Pill",
        "The bank expects rates to stay high",
    ),
    (  # (WSJ) wsj_0033: the tree hangs the content on "said" as a second subject
        "Japan's reserves of gold, convertible foreign currencies, and special drawing rights fell by a hefty "
        "$1.82 billion in October to $84.29 billion, the Finance Ministry said.",
        "said",
        "the Finance Ministry",
        "Japan's reserves of gold, convertible foreign currencies, and special drawing rights fell by a hefty "
        "$1.82 billion in October to $84.29 billion",
    ),
    (  # (WSJ) wsj_0090
        "A total of 139 companies raised dividends in October, basically unchanged from 138 a year ago, "
        "S&P said Wednesday.",
        "said",
        "S&P",
        "A total of 139 companies raised dividends in October, basically unchanged from 138 a year ago",
    ),
    (  # (WSJ) wsj_0096: "differ" tagged as a noun
        "The firm and the NASD differ over the meaning of markup and markdown, he added.",
        "added",
        "he",
        "The firm and the NASD differ over the meaning of markup and markdown",
    ),
    (  # (WSJ) wsj_0044: "insists" tagged as a noun
        "Winning a bonus for a third year wasn't that important to her, Mrs. Yeargin insists.",
        "insists",
        "Mrs. Yeargin",
        "Winning a bonus for a third year wasn't that important to her",
    ),
    (  # (WSJ) wsj_0090: the tree reads "says" as said by "corporations", and negated
        "\"It's not a very meaningful indicator currently because corporations are not behaving in a "
        'traditional manner," says James H. Coxon, head of stock investments for Cigna Corp., the '
        "Philadelphia-based insurer.",
        "says",
        "James H. Coxon, head of stock investments for Cigna Corp., the Philadelphia-based insurer",
        "\"It's not a very meaningful indicator currently because corporations are not behaving in a "
        'traditional manner,"',
    ),
    (  # (WSJ) wsj_0051: a name and two titles before the cue
        '"One yen is not ethical," Michio Sasaki, an official at Keidanren, the Japan Federation of '
        "Economic Organizations, said.",
        "said",
        "Michio Sasaki, an official at Keidanren, the Japan Federation of Economic Organizations",
        '"One yen is not ethical,"',
    ),
    (  # (WSJ) wsj_0044: "say" tagged as a noun
        "But others at Greenville High say she was eager to win -- if not for money, then for pride and recognition.",
        "say",
        "others at Greenville High",
        "she was eager to win -- if not for money, then for pride and recognition",
    ),
    (  # negation inside the content is not the cue's
        "Some workers haven't yet accepted the new contract, the analyst said.",
        "said",
        "the analyst",
        "Some workers haven't yet accepted the new contract",
    ),
    (  # ... nor a negation inside a quote before the cue
        "\u201cWhy would we not do it?\u201d asked Mr. Smith.",
        "asked",
        "Mr. Smith",
        "\u201cWhy would we not do it?\u201d",
    ),
    (  # (PolNeAR) a quote, then an inverted verb of saying the lexicon lacked ("mused")
        "\u201cImagine Brad Thor going up against Trump and Clinton on the same stage,\u201d mused Blaze co-host "
        "Stu Burguiere.",
        "mused",
        "Blaze co-host Stu Burguiere",
        "\u201cImagine Brad Thor going up against Trump and Clinton on the same stage,\u201d",
    ),
    (
        "Prices will keep rising, Mr. Smith, the chairman, said on Monday in Tokyo.",
        "said",
        "Mr. Smith, the chairman",
        "Prices will keep rising",
    ),
    (
        "The plant will close next year, a company spokeswoman told reporters.",
        "told",
        "a company spokeswoman",
        "The plant will close next year",
    ),
    (  # quote first, inverted verb
        "'I love cats!' insists Burton.",
        "insists",
        "Burton",
        "'I love cats!'",
    ),
    pytest.param(
        "'We love cats!' reply Burton and Nick.",
        "reply",
        "Burton and Nick",
        "'We love cats!'",
        marks=pytest.mark.xfail(reason="the shape is found; the cue scorer gives 'reply' (tagged NOUN) < RULE_VETO"),
    ),
    (
        "The company will cut 500 jobs, said Ichiro Wakui, an executive in Mitsubishi's general merchandise "
        "department in New York.",
        "said",
        "Ichiro Wakui, an executive in Mitsubishi's general merchandise department in New York",
        "The company will cut 500 jobs",
    ),
    (
        "Interest rates will rise again before the end of the year, say analysts at the bank.",
        "say",
        "analysts at the bank",
        "Interest rates will rise again before the end of the year",
    ),
    (  # the tree's own reading, kept
        "Iraq's prime minister said the strike violated his country's sovereignty.",
        "said",
        "Iraq's prime minister",
        "the strike violated his country's sovereignty",
    ),
    (  # (WSJ) wsj_0090: "explains" tagged as a noun, a title of nine words
        "Stephen Boesel, president of T. Rowe Price Growth and Income Fund, explains that companies raise their "
        "payouts most robustly only after the economy and corporate profits have been growing for some time.",
        "explains",
        "Stephen Boesel, president of T. Rowe Price Growth and Income Fund",
        "that companies raise their payouts most robustly only after the economy and corporate profits have been "
        "growing for some time",
    ),
    (  # (WSJ) wsj_0090: inverted "notes", tagged as a noun
        "Rather than increasing dividends, some companies have used cash to buy back some of their shares, notes "
        "Steven G. Einhorn, co-chairman of the investment policy committee at Goldman, Sachs & Co.",
        "notes",
        "Steven G. Einhorn, co-chairman of the investment policy committee at Goldman, Sachs & Co",
        "Rather than increasing dividends, some companies have used cash to buy back some of their shares",
    ),
    (  # (WSJ) wsj_0051: "a statement saying", the tagger's noun compound
        'NEC released a statement saying, "We feel sorry for having caused trouble to society."',
        "released a statement saying",
        "NEC",
        '"We feel sorry for having caused trouble to society."',
    ),
    (
        "The ministry issued a statement saying that the talks had failed.",
        "issued a statement saying",
        "The ministry",
        "that the talks had failed",
    ),
    (
        "According to the ministry, the reserves fell in October.",
        "According to",
        "the ministry",
        "the reserves fell in October",
    ),
    (  # (PolNeAR) a name, an aside the parser made the sentence, the verb: the name speaks
        "M. Dane Waters, whose Delegates Unbound group has been at the forefront of this effort, predicted "
        "that delegates would \u201ctake this fight to the floor.\u201d",
        "predicted",
        "M. Dane Waters",
        "that delegates would \u201ctake this fight to the floor.\u201d",
    ),
    (  # (PolNeAR) a second verb joined by "and" has the first one's speaker
        "Mexican President Enrique Pe\u00f1a Nieto compared anti-global ideologies with that of 20th century "
        'dictators, and urged people not to "choose the road toward isolationism and destruction."',
        "urged",
        "Mexican President Enrique Pe\u00f1a Nieto",
        'people not to "choose the road toward isolationism and destruction."',
    ),
    (  # (WSJ) wsj_0041: an inverted cue between two pieces of a quote; the parse made the title the subject
        '"Now," says Joseph Napolitan, a pioneer in political television, "the idea is to attack first, last '
        'and always."',
        "says",
        "Joseph Napolitan, a pioneer in political television",
        '"the idea is to attack first, last and always."',
    ),
    (  # (PolNeAR) a source noun the tagger took for an adjective ("official/ADJ")
        "A request to interview her would have to be reviewed by top level officials at both the FBI and the "
        "Justice Department, a former official said.",
        "said",
        "a former official",
        "A request to interview her would have to be reviewed by top level officials at both the FBI and the "
        "Justice Department",
    ),
    (  # (PolNeAR) a one-word quote is a whole quotation: no "Mexico!" as the speaker
        "\u201cMexico!\u201d the audience screamed back.",
        "screamed",
        "the audience",
        "\u201cMexico!\u201d",
    ),
    (  # (PolNeAR) a possessive's apostrophe (tagged a quote mark) is no quote: the name before the title
        '"This people-powered campaign is revolutionizing American politics," Jeff Weaver, Sanders\' campaign '
        "manager, said in a statement.",
        "said",
        "Jeff Weaver, Sanders' campaign manager",
        '"This people-powered campaign is revolutionizing American politics,"',
    ),
    (  # (WSJ) wsj_0023: a name the tagger took for a gerund ("Faulding"/VBG), the parse a clausal subject
        "Faulding said it owns 33% of Moleculon's voting stock and has an agreement to acquire an additional 19%.",
        "said",
        "Faulding",
        "it owns 33% of Moleculon's voting stock and has an agreement to acquire an additional 19%",
    ),
    (  # (WSJ) wsj_0090: a finding at the end of a sentence; the tree took a clause for the source
        "There have been only seven other times -- in 1929, 1933 and 1972 -- when the yield on the S&P 500 "
        "dropped below 3% for at least two consecutive months, Mr. Perritt found.",
        "found",
        "Mr. Perritt",
        "There have been only seven other times -- in 1929, 1933 and 1972 -- when the yield on the S&P 500 "
        "dropped below 3% for at least two consecutive months",
    ),
    (  # (WSJ) wsj_0041: the parse made the quote the subject of the inverted cue
        '"Nasty innuendoes," says John Siegal, Mr. Dinkins\'s issues director, "designed to prosecute a case of '
        "political corruption that simply doesn't exist.\"",
        "says",
        "John Siegal",  # the tree hangs his title elsewhere
        '"Nasty innuendoes,"',
    ),
    (  # (WSJ) wsj_0051: "NEC" tagged a verb, its apposition the parse's object
        "NEC, one of its largest domestic competitors, said it bid one yen in two separate public auctions since 1987.",
        "said",
        "NEC",
        "it bid one yen in two separate public auctions since 1987",
    ),
    ("He pointed out that the law was clear.", "pointed out", "He", "that the law was clear"),
    ("The senator pointed to the poll as proof.", "pointed to", "The senator", "the poll as proof"),
    ('"We will win," he added.', "added", "he", '"We will win,"'),  # "added" with no object: words
    (  # (PolNeAR)
        "Donald Trump, while being interviewed on Fox and Friends Monday morning, called again for President "
        "Obama to resign.",
        "called",
        "Donald Trump",
        "again for President Obama to resign",
    ),
    ("But, says Mr. Smith, the plan will fail by March.", "says", "Mr. Smith", "the plan will fail by March"),
    (  # wsj_0047 shortened: "stressing", a verb the offline lemmatizer does not know (parse/lemmas.py)
        "Earlier this week, Dr. Sullivan tried to defuse these charges by stressing that candidates will be "
        "judged by their records.",
        "stressing",
        "Dr. Sullivan",
        "that candidates will be judged by their records",
    ),
    # a verb and a colon introduce a quote inside their sentence, whatever the verb (PolNeAR)
    (
        "She went on: \"It's like if your house is leaking and you look up in the phone book for anybody to "
        'fix it except the plumber."',
        "went on:",
        "She",
        "\"It's like if your house is leaking and you look up in the phone book for anybody to fix it except "
        'the plumber."',
    ),
    (
        "The crowd cheers, and then Wallnau continues: “God has given this man an anointing for the mantle of "
        "government.”",
        "continues:",
        "Wallnau",
        "“God has given this man an anointing for the mantle of government.”",
    ),
    # two verbs joined by "and" or "but" are two cues of one speaker, each with its own content
    (  # (PolNeAR)
        "He says he respects Clinton and calls her “an extremely intelligent woman with a wonderful resume.”",
        "says",
        "He",
        "he respects Clinton",
    ),
    ("Trump tweeted his support and said the party must unite.", "said", "Trump", "the party must unite"),
    ("Trump tweeted his support and said the party must unite.", "tweeted", "Trump", "his support"),
    ("She praised the plan but warned that it could fail.", "praised", "She", "the plan"),
    # "according to": the phrase ends at the comma before the clause, a description set off by commas is
    # the source's, and the phrase is found however the parse hung "according"
    (
        "According to the latest figures from the Office for National Statistics, inflation rose to 4.2% in October.",
        "According to",
        "the latest figures from the Office for National Statistics",
        "inflation rose to 4.2% in October",
    ),
    (
        "According to John Smith, a professor at Yale, the economy is weak.",
        "According to",
        "John Smith, a professor at Yale",
        "the economy is weak",
    ),
    (
        "The economy is weak, according to John Smith, a professor at Yale.",
        "according to",
        "John Smith, a professor at Yale",
        "The economy is weak",
    ),
    ("The economy is weak, according to John Smith.", "according to", "John Smith", "The economy is weak"),
    (  # (WSJ) wsj_0090: what follows ", and" is another clause
        "Payouts on the S&P 500 stocks rose 10% in 1988, according to Standard & Poor's Corp., and Wall Street "
        "estimates for 1989 growth are generally between 9% and 14%.",
        "according to",
        "Standard & Poor's Corp.",
        "Payouts on the S&P 500 stocks rose 10% in 1988",
    ),
    (  # (PolNeAR) a list goes on past its comma
        "But according to interviews with more than a half-dozen of Cruz’s friends, aides and allies, he wants "
        "to be engaged this fall.",
        "according to",
        "interviews with more than a half-dozen of Cruz’s friends, aides and allies",
        "he wants to be engaged this fall",
    ),
    # "told the Associated Press that ...": a name with a participle in it, a "that" before a preposition
    (
        "Officials told the Associated Press that at least 12 people had died.",
        "told",
        "Officials",
        "that at least 12 people had died",
    ),
    # a participle of sources and a name with "and" in it are no part of what was said
    (
        "Reuters reported, citing three sources, that the company would cut 1,000 jobs.",
        "reported",
        "Reuters",
        "that the company would cut 1,000 jobs",
    ),
    (
        "The company said in a filing with the Securities and Exchange Commission that it expected losses.",
        "said",
        "The company",
        "that it expected losses",
    ),
    # who reported it is the agent, not the subject of the clause "As ..." hangs from
    (
        "As first reported by Axios, the White House is considering new sanctions.",
        "reported",
        "Axios",
        "the White House is considering new sanctions",
    ),
    # a main verb the parse made a relative clause of the noun before it
    (
        "Russia's foreign ministry accused Ukraine of staging the attack.",
        "accused",
        "Russia's foreign ministry",
        "Ukraine of staging the attack",
    ),
    # the writer's clause after a sentence-final cue; "the country's agency" is no agency named later (AFP)
    (
        "ISTANBUL — The death toll from Monday's earthquake in southern Turkey rose to more than 1,500, the "
        "country's disaster agency said on Tuesday, as rescuers searched through the rubble in freezing weather. "
        "The WHO told the AFP news agency that the toll could rise.",
        "said",
        "the country's disaster agency",
        "The death toll from Monday's earthquake in southern Turkey rose to more than 1,500",
    ),
    # what was said starts after the wire's dateline
    (
        "WASHINGTON (AP) — The Senate passed the bill on Tuesday, lawmakers said.",
        "said",
        "lawmakers",
        "The Senate passed the bill on Tuesday",
    ),
    # an opening participle's words end at the comma before the sentence's own speaker
    ("Asked whether he would resign, the minister said: “Absolutely not.”", "Asked", "", "whether he would resign"),
    # how it is known is no part of what was said
    (
        "The report said at least 40 people were killed, citing local health officials.",
        "said",
        "The report",
        "at least 40 people were killed",
    ),
    # an object, a comma and a participle: two frames
    ('The Kremlin denied the allegations, calling them "absurd."', "denied", "The Kremlin", "the allegations"),
    ('The Kremlin denied the allegations, calling them "absurd."', "calling", "The Kremlin", 'them "absurd."'),
    # (WSJ) wsj_0093: the parse hung the speaker on the lead-in's noun; the name set off by commas speaks
    (
        'In a meeting Tuesday, supreme leader, Deng Xiaoping, told Mr. Nixon, "Frankly speaking, the U.S. was '
        'involved too deeply in the turmoil."',
        "told",
        "supreme leader, Deng Xiaoping",
        '"Frankly speaking, the U.S. was involved too deeply in the turmoil."',
    ),
    # the one quoted speaks, whoever quoted him
    (
        "Iran's foreign minister was quoted by state news agency IRNA as saying that Tehran would respond.",
        "saying",
        "Iran's foreign minister",
        "that Tehran would respond",
    ),
    # "Per X," opening a sentence is "according to X"
    (
        "Per a report from Bloomberg, the company is exploring a sale.",
        "Per",
        "a report from Bloomberg",
        "the company is exploring a sale",
    ),
    # the writer's doubt is no part of the claim
    (
        "Ukraine's military said it shot down 20 drones overnight, a claim that could not be independently verified.",
        "said",
        "Ukraine's military",
        "it shot down 20 drones overnight",
    ),
    # a relative clause set off by commas is the speaker's, before a sentence-final cue and its addressee
    (
        '"It\'s over for this team," the coach, who asked not to be named, told ESPN.',
        "told",
        "the coach, who asked not to be named",
        '"It\'s over for this team,"',
    ),
    # an addressee whose name ends in a noun that may take a clause ("the Daily News")
    (
        "Local residents told the Daily News they had heard gunshots around midnight.",
        "told",
        "Local residents",
        "they had heard gunshots around midnight",
    ),
    # a clause after "after" the parse made a second main verb of the sentence's subject
    (
        "Shares fell 4% after the company warned that sales would slow, according to FactSet data.",
        "warned",
        "the company",
        "that sales would slow",
    ),
    # "has ... claimed" read as a passive: "has" is no "be"
    (
        "The former president has repeatedly and falsely claimed that the 2020 election was stolen.",
        "claimed",
        "The former president",
        "that the 2020 election was stolen",
    ),
    # a "warned" the tagger read as a passive participle, with no "be" before it
    (
        "The head of the World Health Organization, Tedros Adhanom Ghebreyesus, warned on Monday that the "
        "outbreak was far from over.",
        "warned",
        "The head of the World Health Organization, Tedros Adhanom Ghebreyesus",
        "that the outbreak was far from over",
    ),
    (  # the parse made "saying" an adverbial clause of "remained", a conjunct of "held": "inflation" said it
        "The central bank held interest rates steady on Wednesday, saying inflation remained too high.",
        "saying",
        "The central bank",
        "inflation remained too high",
    ),
    ("The company cut its forecast, saying demand had weakened.", "saying", "The company", "demand had weakened"),
    (  # the parse hung "analysts" on "5%" after "after": the clause's own subject, not "The company's shares"
        "The company's shares fell 5% after analysts at Morgan Stanley said the stock was overvalued.",
        "said",
        "analysts at Morgan Stanley",
        "the stock was overvalued",
    ),
    (  # "media" the passive subject of a "reported" with no "be", the clause hung on "Monday"
        "Chinese state media reported on Monday that the two leaders had spoken by phone.",
        "reported",
        "Chinese state media",
        "that the two leaders had spoken by phone",
    ),
    # "reporters" tagged a verb (VBZ) with the clause after it its own: the addressee, not what was told
    ("The spokesman told reporters the plan was dead.", "told", "The spokesman", "the plan was dead"),
    ("She told reporters Trump was wrong.", "told", "She", "Trump was wrong"),
    (  # "court" tagged a verb with "records" its object: a noun phrase all the same
        "The suspect told police he had acted alone, according to court records.",
        "according to",
        "court records",
        "The suspect told police he had acted alone",
    ),
    (  # another speaker's clause after ", while" is no part of what the critics say
        "Critics say the law will hurt small businesses, while supporters argue it will protect consumers.",
        "say",
        "Critics",
        "the law will hurt small businesses",
    ),
]

NONE = [
    "The House voted to raise the debt ceiling to $3.1 trillion.",  # (WSJ) wsj_0008: a vote, not words
    "Gary Hoffman, a Washington lawyer specializing in trade cases, flew to Tokyo on Monday.",
    "The final say belongs to the board.",
    "They have a say in the matter.",
    "Stocks rose in London, Paris and Tokyo on Monday.",
    "Rest assured, we will keep you posted on every development.",  # a newsletter's set phrase
    "Needless to say, the markets fell again on Monday.",
    "The measure passed in New Jersey, Ohio and four other states.",  # "states": the noun
    # a cue's word in another sense: aiming, adding to a list, "where noted", an order to the reader
    "Several times, Chinese guards have pointed their automatic rifles at children of U.S. diplomats.",  # wsj_0093
    "A licensing company added Johnson & Johnson to its lawsuit challenging a university faculty member.",  # wsj_0081
    "The admiral added another facet to his job: communicator.",  # (PolNeAR)
    "Except where noted, none of these people could be reached for comment.",  # (WSJ) wsj_0096
    "Unless otherwise noted, the figures are from the Census Bureau.",
    "Think about the good you can do for just $15,000 a month.",  # (WSJ) wsj_0087
    # no one said it: "neither ... nor", "without", a subject of no one (negated, not shown by default)
    "He neither confirmed nor denied the report.",
    "Without admitting or denying wrongdoing, the firm consented to findings of violations.",  # (WSJ) wsj_0096
    "Neither Cruz nor Christie acknowledged the Obama administration's efforts to combat the epidemic.",  # (PolNeAR)
    "No terrorist organization has claimed responsibility for the slaying.",  # (PolNeAR)
    "None of the officials said why the plan was dropped.",
    # a colon after a verb in a clause of place or time introduces no one's words (PolNeAR)
    "The headline hits liberals where they live: “Surge in robberies on Capitol Hill alters routines.”",
]


def _frame(frames, cue: str):
    found = [f for f in frames if f.kind.reports_words and f.cue.text == cue]
    assert found, f"no frame with cue {cue!r}: {[(f.kind.value, f.cue.text) for f in frames]}"
    return found[0]


def _id(case) -> str:  # noqa: ANN001
    return (case.values if hasattr(case, "values") else case)[0][:40]


@pytest.mark.parametrize(("sentence", "cue", "source", "content"), SHAPES, ids=[_id(s) for s in SHAPES])
def test_everyday_shape(frames_of_text, sentence: str, cue: str, source: str, content: str) -> None:
    f = _frame(frames_of_text(sentence), cue)
    assert (f.source.text if f.source else "") == source
    assert f.content.text == content


@pytest.mark.parametrize("sentence", NONE, ids=[s[:40] for s in NONE])
def test_no_attribution(frames_of_text, sentence: str) -> None:
    frames = [f for f in frames_of_text(sentence) if f.kind.reports_words]
    assert frames == [], [(f.cue.text, f.content.text) for f in frames]


SOURCES = [
    # the speaker of a participle is the subject of the clause it hangs from (PolNeAR)
    (
        "\u201cIt\u2019s a reflection of frustration and anger that people feel,\u201d McCain said, citing low "
        "economic growth, unemployment and growing economic inequality.",
        "citing",
        "McCain",
    ),
    (
        "As they met in Ottawa, Trump was 340 miles away in Bangor, Maine, promising to build a wall at the "
        "Mexican border.",
        "promising",
        "Trump",
    ),
    # a phrase before the subject and a comma is none of the source (the parse made it a second subject)
    ("A few days after the attack, NATO said that the safety of its personnel was paramount.", "said", "NATO"),
    # a hyphenated word does not end an "according to" source; a cut source ends on a noun
    (
        "ISIS terrorists applauded the death of Iranian General Qassem Soleimani at the hands of their American "
        "allies, according to a weekly newspaper affiliated with the Israeli-backed group that once controlled "
        "much of Syria and Iraq.",
        "according to",
        "a weekly newspaper affiliated with the Israeli-backed group",
    ),
    # a name before a comma and a description that the parse made the subject is the source, with it
    (
        "Maria Lopez, recently named finance director, said the budget would grow.",
        "said",
        "Maria Lopez, recently named finance director",
    ),
    (  # (WSJ) wsj_0096: the parse hung "Mr. McFall" on "office" and made "chairman" the subject
        'Reached at his office, Mr. McFall, currently chairman, said, "An implication that we failed to return '
        'investor funds is inappropriate and inaccurate."',
        "said",
        "Mr. McFall, currently chairman",
    ),
    # a speaker set off between a sentence adverb and what was said; the adverb is no name
    (  # (WSJ) wsj_0004
        'Nevertheless, said Brenda Malizia Negus, editor of Money Fund Report, yields "may blip up again before '
        'they blip down" because of recent rises in short-term interest rates.',
        "said",
        "Brenda Malizia Negus, editor of Money Fund Report",
    ),
    ("Nevertheless, the Finance Ministry said reserves fell by $1.82 billion.", "said", "the Finance Ministry"),
    # ... or opening the sentence: "Says NAME, TITLE, CONTENT"
    (  # (WSJ) wsj_0044
        "Says the organization's founder, John Cannell, prosecuting Mrs. Yeargin is \"a way for administrators "
        "to protect themselves and look like they take cheating seriously, when in fact they don't take it "
        'seriously at all."',
        "Says",
        "the organization's founder, John Cannell",
    ),
    (
        "Said Comey, the thought that an error on our part is connected to this is painful.",
        "Said",
        "Comey",
    ),  # (PolNeAR)
    # a pronoun with its contraction is the pronoun: the word "He" of the token "He’s" (PolNeAR: 106 sources)
    ("He’s telling allies that he hopes to campaign in the fall.", "telling", "He"),
    ("They’re saying the plan failed.", "saying", "They"),
    # a leading "in particular," is no part of the source (PolNeAR, huff-post_2015-12-08)
    (
        "Democratic leaders — and, in particular, Senate Minority Leader Harry Reid — insisted that any "
        "package include a delay.",
        "insisted",
        "Senate Minority Leader Harry Reid",
    ),
    # a time the tree made the subject: the name set off before the cue speaks (PolNeAR, breitbart_2016-03-15)
    (
        "Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican presidential "
        'primary, Gov. John Kasich (R-OH), said, "I am getting ready to rent a covered wagon."',
        "said",
        "Gov. John Kasich (R-OH)",
    ),
    # "whose" opens a relative clause: the speaker before it, with his titles (PolNeAR train)
    (
        '"Usually, eventually the voters make good decisions and democracy works," replied Obama, whose '
        "criticism of Trump has sharpened since he all but clinched the Republican nomination.",
        "replied",
        "Obama",
    ),
    (
        "That will be true up to a point, said Sherman, a George Washington University grad whose "
        "aggressiveness has driven less energetic reporters off the Hill beat.",
        "said",
        "Sherman, a George Washington University grad",
    ),
    ('No wonder Trump said "We love the poorly educated."', "said", "Trump"),  # (PolNeAR): someone did say it
    # a body's name goes on over "for" ("Roper Center for Public Opinion Research")
    (
        "Voters under 30 favour the plan, according to the Pew Center for Media Studies.",
        "according to",
        "the Pew Center for Media Studies",
    ),
    # a time is no speaker: the name before the cue, past a time and one title or relative clause (PolNeAR)
    (
        "''We don't believe U.S. troops are the answer to the problem,'' Benjamin J. Rhodes, Mr. Obama's "
        "deputy national security adviser, said Sunday.",
        "said",
        "Benjamin J. Rhodes, Mr. Obama's deputy national security adviser",
    ),
    (
        "New Jersey Gov. Chris Christie, who's chairing Donald Trump's transition team, on Sunday defended "
        "the Republican presidential nominee's description of African-Americans' lives.",
        "defended",
        "New Jersey Gov. Chris Christie, who's chairing Donald Trump's transition team",
    ),
    # an inverted speaker keeps the titles the tree hung elsewhere (PolNeAR, usa-today_2016-04-07)
    (
        'Religious conservatives have been a solid base for him, but "New York has one of the smallest '
        'percentages of born-again Christians," said Jeff Smith, a professor at The New School.',
        "said",
        "Jeff Smith, a professor at The New School",
    ),
    # a participle after a comma the parse hung on the last noun speaks for the clause's subject (PolNeAR)
    (
        "Fiorina was upfront about her distaste for Donald Trump, the current GOP front-runner, saying "
        "conservatives need to band together to stop him.",
        "saying",
        "Fiorina",
    ),
    (
        "Donald Trump has delivered an impassioned defense of “New York values,” saying the city embodied the "
        "“bravery, heart and soul of America.”",
        "saying",
        "Donald Trump",
    ),
    # a second subject inside the quote after the verb is the quote's, not the speaker's (PolNeAR)
    (
        "She had a great line a while back when she said, “Unlike Hillary Clinton, I know that flying is an "
        "activity, not an accomplishment.”",
        "said",
        "she",
    ),
    # an aside set off by commas is when or where the speaker spoke, not who (PolNeAR, usa-today_2016-05-18)
    (
        "Clinton, during a town hall meeting in Columbus, Ohio, said she was going to put a lot of coal miners "
        "out of business.",
        "said",
        "Clinton",
    ),
    (
        "Supporters of abortion rights, on the other hand, argued that the ruling will galvanize efforts to keep "
        "abortion legal.",
        "argued",
        "Supporters of abortion rights",
    ),
    (
        "Other prominent Republicans, like Richard Armitage, said they would vote for her.",
        "said",
        "Other prominent Republicans, like Richard Armitage",
    ),
    # whom a speaker told is no speaker: where the tree lost the speaker, none (PolNeAR, nyt_2015-11-18)
    (
        "''The president has admitted he does not have a strategy as it relates to ISIS,'' Jeb Bush, the former "
        "Florida governor and a Republican presidential candidate, told CNN.",
        "told",
        "",
    ),
]


def test_a_cue_word_inside_a_name_is_no_cue(frames_of_text) -> None:
    """ "States" in "the United States Special Operations Command" made a surface frame whose source was
    "according to the United" (PolNeAR train)."""
    frames = frames_of_text(
        "Roughly half of the elite troops overseas are posted outside the Middle East, according to the United "
        "States Special Operations Command."
    )
    assert [f.cue.text for f in frames if f.kind.reports_words] == ["according to"]
    assert frames[0].source is not None and frames[0].source.text == "the United States Special Operations Command"


@pytest.mark.parametrize(("sentence", "cue", "source"), SOURCES, ids=[s[2][:30] or "no source" for s in SOURCES])
def test_source_phrase(frames_of_text, sentence: str, cue: str, source: str) -> None:
    f = _frame(frames_of_text(sentence), cue)
    assert (f.source.text if f.source else "") == source


@pytest.mark.parametrize(
    ("sentence", "canonical"),
    [
        (
            "Voters under 30 favour the plan, according to the Pew Center for Media Studies.",
            "Pew Center for Media Studies",
        ),
        ("The deal will hold, the Council on Foreign Relations said in a report.", "Council on Foreign Relations"),
        ("The Pentagon on Monday said the deal would hold.", "Pentagon"),  # "on" joins a council's name only
    ],
)
def test_a_bodys_name_goes_on_over_for_and_on(frames_of_text, sentence: str, canonical: str) -> None:
    """ "Roper Center for Public Opinion Research" was cut at "for" (PolNeAR dev, seen by a user)."""
    f = next(f for f in frames_of_text(sentence) if f.kind.reports_words)
    assert f.source is not None and f.source.canonical == canonical


@pytest.mark.parametrize(
    ("sentence", "canonical"),
    [
        ("Officials in Kabul and Islamabad said the talks had collapsed.", "Officials in Kabul and Islamabad"),
        (
            "Protest organizers in Cleveland say the city is only increasing the risk.",
            "Protest organizers in Cleveland",
        ),
        ("Officials at the Pentagon said the deal would hold.", "Pentagon"),  # a body, not a place
        ("Analysts at Goldman Sachs said the market would recover.", "Goldman Sachs"),  # "at": a firm's people
    ],
)
def test_people_of_a_place_are_not_the_place(frames_of_text, sentence: str, canonical: str) -> None:
    """ "People in Fort Pierce said" was said by a person named Fort Pierce (PolNeAR train: 17 sources)."""
    f = next(f for f in frames_of_text(sentence) if f.kind.reports_words)
    assert f.source is not None and f.source.canonical == canonical


@pytest.mark.parametrize(
    ("sentence", "canonical", "kind"),
    [
        ("A spokeswoman for Microsoft said the company was investigating the report.", "Microsoft", "organization"),
        ("A Tesla spokesperson said the company was investigating.", "Tesla", "organization"),
        ("A Pentagon spokeswoman said the strike was lawful.", "Pentagon", "government"),
        ("A White House spokesman said the president was fine.", "White House", "government"),
        (  # a person the document names in full
            "Hillary Clinton spoke on Monday. A spokesman for Clinton said she was fine.",
            "Hillary Clinton",
            "person",
        ),
        ("A Russian spokesman said the strike was lawful.", "Russian spokesman", "person"),  # a nationality
        ("The United Nations estimates that 2 million people have fled.", "United Nations", "organization"),
        ("In an interview, the CEO said the firm would double its workforce.", "CEO", "person"),  # not initials
        ("The company, based in Seattle, said profits rose.", "company", "organization"),  # not where it is
        # "the company" is one named before it, not a body of the lead-in after it
        (
            "The company said in a filing with the Securities and Exchange Commission that it expected losses.",
            "company",
            "organization",
        ),
        # what an article is about is not who wrote it (the kind of "article" is not known)
        ("An article on Monday about Tashfeen Malik reported that she had talked openly.", "article", "unknown"),
        # a known name whose first word the tagger left out of the run ("Associated" a participle): not "Press"
        ("A count by The Associated Press found that at least 30 people had died.", "Associated Press", "outlet"),
        # an agency is an outlet only where it is one of news: "the disaster agency" is a government body
        ("The intelligence agency said it had no record of the call.", "intelligence agency", "government"),
        ("The state news agency said the talks had ended.", "state news agency", "outlet"),
        # a body by its own last word ("Metropolitan" is also a bishop's honorific in the given names' table)
        (
            "A spokesperson for the Metropolitan Police said inquiries were ongoing.",
            "Metropolitan Police",
            "government",
        ),
        (
            "The Federal Reserve raised rates, saying that inflation was still too high.",
            "Federal Reserve",
            "government",
        ),
        ("The central bank held rates steady, saying inflation remained too high.", "central bank", "government"),
        # the parse made "Secretary" the head and "Albright" its "of" phrase: the name, not the title
        ("Former Secretary of State Madeleine Albright said she was proud.", "Madeleine Albright", "person"),
        ("The CEO, Satya Nadella, said demand for cloud services was strong.", "Satya Nadella", "person"),
    ],
)
def test_a_spokesperson_speaks_for_a_body(frames_of_text, sentence: str, canonical: str, kind: str) -> None:
    """ "A spokeswoman for Microsoft" was of kind government (the kind of "spokeswoman"), "a Tesla
    spokesperson" a body named "Tesla spokesperson"."""
    f = [f for f in frames_of_text(sentence) if f.kind.reports_words][-1]
    assert f.source is not None and (f.source.canonical, f.source.kind.value) == (canonical, kind)


def test_who_is_the_speaker_not_the_thing_the_clause_hangs_on(frames_of_text) -> None:
    """ ", who declined to be named" went to "the negotiations", where the parse hung the clause."""
    frames = frames_of_text(
        "A source close to the negotiations, who declined to be named because the talks are private, said a deal "
        "could come within days."
    )
    declined = next(f for f in frames if f.cue.text == "declined")
    assert declined.source is not None and declined.source.text == "A source close to the negotiations"


def test_a_surface_shape_the_scorer_doubts_is_kept(frames_of_text) -> None:
    """ ", official data showed on Friday." gave nothing: the tree made "showed" a relative clause of "data"
    and the tree-based cue scorer gave it 0.27, under ``cues.RULE_VETO``; a surface frame has its own bar."""
    frames = frames_of_text("Britain's economy grew 0.2% in the third quarter, official data showed on Friday.")
    shown = next(f for f in frames if f.cue.text == "showed")
    assert shown.source is not None and shown.source.text == "official data"
    assert shown.content.text == "Britain's economy grew 0.2% in the third quarter"


def test_a_quote_split_by_its_speaker_is_one_quote(frames_of_text) -> None:
    """'"...," she says, "but ..."': the second half was a phrase quoted, no part of what she said."""
    frames = frames_of_text('"The economy is strong," she says, "but people don\'t feel it."')
    says = next(f for f in frames if f.cue.text == "says")
    assert says.content.text == '"The economy is strong,"'
    assert [m.text for m in says.more_content] == ['"but people don\'t feel it."']


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ('"I have no regrets," Johnson wrote in his memoir, published last year.', ["wrote"]),
        ("The memoir, published last year, sold a million copies.", []),
        ("Asked about his criticisms of Trump, Christie said he stood by them.", ["Asked", "said"]),  # a question
    ],
)
def test_a_passive_adjunct_reports_no_ones_words(frames_of_text, sentence: str, cues: list[str]) -> None:
    """ "..., published last year" was a frame of Johnson's with his quote as what was published: a past
    participle set off by a comma, with no auxiliary, says what was done to a thing (``tree.passive_adjunct``)."""
    frames = frames_of_text(sentence)
    assert [f.cue.text for f in frames if f.kind.reports_words] == cues
    assert all(f.source is None for f in frames if f.cue.text == "Asked")  # the one asked is not the asker


@pytest.mark.parametrize(
    "sentence",
    [
        '"I do not know," he said when asked about the deal.',
        "When asked at the business conference about the merger, she defended her decision to press ahead.",
    ],
)
def test_the_one_asked_is_not_the_asker(frames_of_text, sentence: str) -> None:
    """ "he said when asked about the deal" had "asked" said by him: the one asked, not the asker (a clause
    of "when" with no "be", ``tree.passive_adjunct``); what was asked ends before the sentence's speaker."""
    frames = frames_of_text(sentence)
    asked = next(f for f in frames if f.cue.text == "asked")
    assert asked.source is None
    assert "defended" not in asked.content.text and "know" not in asked.content.text
