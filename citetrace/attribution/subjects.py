"""Who speaks: the subject of a cue in the dependency tree (``subject_of``), with the repairs for what
the offline parser gets wrong about subjects (a name split in two, a description set off by commas
made the subject, a quote made the subject, a participle hung on the last noun before it)."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.attribution.tree import Tree, participle_over_clause, passive_adjunct
from citetrace.models import SourceKind, Token

# words that open a clause whose subject and verb the parse may take for a noun and a second main verb
SUBORDINATORS = frozenset("after before when as because while since until although though if once".split())
# verbs whose passive subject is the one who feels ("angered by what they saw"): the agent is the cause
FEELINGS = frozenset(
    """anger irritate frustrate concern worry alarm surprise shock disappoint outrage upset trouble impress annoy
    please bother offend inspire motivate disturb dismay delight excite scare frighten embarrass insult
    greet highlight appear""".split()
)


def subject_of(t: Tree, tok: Token, depth: int = 0) -> tuple[set[int] | None, bool]:
    """Token ids of the source of ``tok`` and whether the clause is passive."""
    subj = t.child(tok, "nsubj")
    if subj is not None:
        return _nominal_subject(t, tok, subj)
    csubj = t.child(tok, "csubj")
    if csubj is not None:  # "Faulding said it owns ...": a name the tagger took for a gerund, alone
        bare = csubj.text[:1].isupper() and not t.kids.get(csubj.id) and csubj.id < tok.id
        return ({csubj.id}, False) if bare else (None, False)
    own = _agent_or_noun_before(t, tok)
    if own is not None:
        return own
    noun = _noun_right_before(t, tok)
    if noun is not None:  # "Shares fell 4% after the company warned that ...": no "and", so no shared subject
        return noun, False
    parent = t.head(tok)
    if parent is not None and tok.xpos == "VBG" and _quoted_saying(t, parent):
        quoted = t.child(parent, "nsubj:pass")  # "was quoted by IRNA as saying": the one quoted, not IRNA
        if quoted is not None:
            return t.subtree(quoted), False
    clause = participle_over_clause(t, tok)
    if clause is not None and (main := t.head(clause)) is not None:
        return subject_of(t, main, depth + 1)  # "The bank held ..., saying inflation remained": the bank
    if parent is not None and passive_adjunct(t, tok):
        return None, False  # "Johnson wrote in his memoir, published last year": the memoir was, not Johnson
    if parent is not None and depth < 3 and tok.deprel.split(":")[0] in ("xcomp", "advcl", "conj"):
        return subject_of(t, parent, depth + 1)
    if parent is not None and depth < 3 and tok.deprel == "ccomp" and _participle_after_comma(t, tok):
        return subject_of(t, parent, depth + 1)  # "McCain said, citing low growth": an adjunct the parse made a clause
    if parent is not None and depth < 3 and tok.deprel == "acl" and tok.text.lower().endswith("ing"):
        governor = t.head(parent)
        if governor is not None and governor.upos == "VERB":
            return subject_of(t, governor, depth + 1)
        if parent.deprel == "root" and t.child(parent, "cop") is not None:
            return subject_of(t, parent, depth + 1)  # "Trump was 340 miles away, promising to build a wall"
        clause = _clause_above(t, parent) if _participle_after_comma(t, tok) else None
        if clause is not None:  # "Trump has delivered a defense of “New York values,” saying ...": Trump
            return subject_of(t, clause, depth + 1)
    return None, False


def _nominal_subject(t: Tree, tok: Token, subj: Token) -> tuple[set[int] | None, bool]:
    """``subject_of`` where the cue has a nominal subject ``subj``."""
    passive = subj.deprel == "nsubj:pass"
    if passive:
        return _passive_source(t, tok, subj)
    if subj.text.lower() in cues.RELATIVE_PRONOUNS and tok.deprel.startswith("acl"):
        antecedent = _who_antecedent(t, subj, t.head(tok))
        if antecedent is not None:
            return t.subtree(antecedent) - t.subtree(tok), False
    # a name the parse split into two subjects ("Masoud" "Barzani") is one; a phrase the parse made a
    # second subject across a comma ("A few days after the attack, NATO said") is not the source
    subjects = sorted(t.children(tok, "nsubj"), key=lambda k: abs(k.id - tok.id))
    ids: set[int] = t.subtree(subjects[0])
    for k in subjects[1:]:
        more = t.subtree(k)
        lead = max(more) < min(ids) and any(t.by_id[i].text == "," for i in range(max(more), min(ids)) if i in t.by_id)
        if lead and _apposition_of(t, tok, subjects[0], ids) and (_a_name(t, more) or _the_source(t, more)):
            lead = False  # "Alan Spoon, recently named Newsweek president, said": the name and its apposition
        quoted_after = max(ids) < tok.id < k.id and _quote_between(t, tok.id, k.id)
        if not lead and not quoted_after:  # a phrase before the subject and a comma is none of it, nor
            ids |= more  # one inside the quote after the verb ('she said, “Unlike Hillary Clinton, I ...”')
    quoted = _quote_as_subject(t, tok, ids)  # '"Nasty innuendoes," says John Siegal': the name, not the quote
    return quoted or ids | _name_before_role(t, subjects[0], ids) | _inverted_name(t, tok, ids), False


def _quote_between(t: Tree, a: int, b: int) -> bool:
    return any(t.by_id[i].text in cues.QUOTE_MARKS for i in range(a + 1, b) if i in t.by_id)


def _clause_above(t: Tree, noun: Token) -> Token | None:
    """The verb, or the copular root, that a chain of nouns hangs from (a participle set off by a comma
    that the parse hung on the last noun before it belongs to that clause)."""
    for _ in range(4):
        if noun.upos == "VERB" or noun.deprel == "root" and t.child(noun, "cop") is not None:
            return noun
        if noun.upos not in ("NOUN", "PROPN", "PRON", "NUM"):
            return None
        head = t.head(noun)
        if head is None:
            return None
        noun = head
    return None


def _apposition_of(t: Tree, verb: Token, subj: Token, ids: set[int]) -> bool:
    """Whether the subject ``subj`` (its words ``ids``) of ``verb`` is a description set off by commas,
    an apposition of a name before it ("Alan Spoon, recently named Newsweek president, said"), not the
    speaker of a parenthetical ("Clinton, a top aide said, is very confident": no comma after it)."""
    words = _word_ids(t, ids)
    between = range(max(words) + 1, verb.id) if words and max(words) < verb.id else range(0)
    return subj.upos == "NOUN" and subj.xpos == "NN" and any(t.by_id[i].text == "," for i in between if i in t.by_id)


def _word_ids(t: Tree, ids: set[int]) -> list[int]:
    """The ids of ``ids`` that are words of the sentence, not punctuation."""
    return [i for i in ids if i in t.by_id and t.by_id[i].upos != "PUNCT"]


def _a_name(t: Tree, ids: set[int]) -> bool:
    """Whether these words are a name only: proper nouns ("Mr." is one), none a time word or a sentence
    adverb the tagger took for a name ("Meanwhile", "Today", "September"), no "!" or "?" ("Marco!")."""
    tokens = [t.by_id[i] for i in sorted(ids) if i in t.by_id]
    words = [w for w in tokens if w.upos != "PUNCT"]
    plain = {w.text.lower() for w in words} & (cues.TIME_WORDS | cues.DISCOURSE_WORDS)
    return (
        bool(words) and all(w.upos == "PROPN" for w in words) and not plain and not any(w.text in "!?" for w in tokens)
    )


def _the_source(t: Tree, ids: set[int]) -> bool:
    """Whether these words are "the" and a noun of bodies ("The newspaper, long a vocal advocate of
    immigration reform, writes"), not a time or a place before the subject ("A few days after the attack,"),
    nor a person whose name the apposition gives ("The other man, his cousin James York, 40, cited")."""
    words = [t.by_id[i] for i in sorted(ids) if i in t.by_id and t.by_id[i].upos != "PUNCT"]
    return (
        1 < len(words) <= 4
        and words[0].text.lower() == "the"
        and words[-1].upos == "NOUN"
        and cues.SOURCE_NOUNS.get(words[-1].lemma.lower()) not in (None, SourceKind.person)
    )


def _inverted_name(t: Tree, verb: Token, ids: set[int]) -> set[int]:
    """The name right after an inverted cue whose apposition the parse made the subject ('"Now," says
    Joseph Napolitan, a pioneer in political television, "..."': "pioneer" the subject, the name an
    object): the name's words and the comma; else nothing."""
    words = _word_ids(t, ids)
    if not words or min(words) <= verb.id + 2:
        return set()
    comma = t.by_id.get(min(words) - 1)
    name = set(range(verb.id + 1, min(words) - 1))
    if comma is None or comma.text != "," or not _a_name(t, name) or not name <= t.by_id.keys():
        return set()
    return name | {comma.id}


def _quote_as_subject(t: Tree, verb: Token, ids: set[int]) -> set[int]:
    """The name right after an inverted cue whose quote the parse made the subject ('"Nasty innuendoes,"
    says John Siegal, Mr. Dinkins's issues director, ...': "innuendoes" the subject): the name's words
    and its apposition; else nothing. Only where the subject's words are all inside quotation marks
    that close right before the cue."""
    words = _word_ids(t, ids)
    if not words or max(words) > verb.id:
        return set()
    before, between = t.by_id.get(min(words) - 1), [t.by_id[i] for i in range(max(words) + 1, verb.id) if i in t.by_id]
    if (
        before is None
        or before.text not in cues.OPENING_MARKS
        or not any(k.text in cues.CLOSING_MARKS for k in between)
    ):
        return set()
    run: list[int] = []
    i = verb.id + 1
    while i in t.by_id and t.by_id[i].upos in ("PROPN", "NOUN") and len(run) < 6:  # "Rubio spokesman Alex Conant"
        run.append(i)
        i += 1
    while run and t.by_id[run[-1]].upos != "PROPN":
        run.pop()
    name = set(run)
    if not name or not _a_name(t, {i for i in name if t.by_id[i].upos == "PROPN"}):
        return set()
    return name.union(*(t.subtree(k) for i in sorted(name) for k in t.children(t.by_id[i], "appos")))


def _name_before_role(t: Tree, subj: Token, ids: set[int]) -> set[int]:
    """The name whose apposition a bare role noun between commas is, where the parse hung the name
    elsewhere ("Reached at his office, Mr. McFall, currently chairman, said": "chairman" the subject,
    "Mr. McFall" an apposition of "office"): the name's words and the comma; else nothing."""
    if subj.upos != "NOUN" or subj.xpos != "NN" or t.child(subj, "det", "nmod:poss") is not None:
        return set()
    words = _word_ids(t, ids)
    if not words:
        return set()
    comma, after = t.by_id.get(min(words) - 1), t.by_id.get(max(words) + 1)
    if comma is None or comma.text != "," or after is None or after.text != ",":
        return set()
    name: set[int] = set()
    i = comma.id - 1
    while i in t.by_id and t.by_id[i].upos == "PROPN":
        name.add(i)
        i -= 1
    return name | {comma.id} if name else set()


def _participle_after_comma(t: Tree, tok: Token) -> bool:
    """Whether ``tok`` is a participle after a comma, or after a comma and a quote mark (“..., ” saying)."""
    before = t.by_id.get(tok.id - 1)
    if before is not None and before.text in cues.QUOTE_MARKS:
        before = t.by_id.get(tok.id - 2)
    return tok.text.lower().endswith("ing") and before is not None and before.text == ","


def _passive_source(t: Tree, tok: Token, subj: Token) -> tuple[set[int] | None, bool]:
    """A passive cue's source: its agent ("was first reported by MSNBC"), none, or its subject where the
    cue says the subject spoke ("The minister was quoted as saying": not passive then)."""
    agent = _agent(t, tok)
    if agent is None and (_quoted_saying(t, tok) or _no_passive(t, tok)):
        return t.subtree(subj), False
    return (_agent_words(t, agent) if agent else None), True


def _agent(t: Tree, tok: Token) -> Token | None:
    """A passive cue's agent ("by MSNBC"), as the parse labels it."""
    return next((k for k in t.children(tok, "obl") if k.deprel == "obl:agent"), None)


def _agent_words(t: Tree, agent: Token) -> set[int]:
    """The agent's words without its preposition: "MSNBC" of "by MSNBC"."""
    return t.subtree(agent) - {k.id for k in t.children(agent, "case")}


def _who_antecedent(t: Tree, pronoun: Token, noun: Token | None) -> Token | None:
    """Who ", who" is where the parse hung the relative clause on a thing inside the speaker's phrase ("A
    source close to the negotiations, who declined to be named"): the noun of sources that phrase hangs
    from; else the noun the parse gives."""
    before = t.by_id.get(pronoun.id - 1)
    if pronoun.text.lower() != "who" or before is None or before.text != ",":
        return noun
    found = noun
    for _ in range(3):
        if found is None or found.upos != "NOUN" or _a_person(t, found):
            break
        if not found.deprel.startswith("nmod"):
            return noun
        found = t.head(found)
    return found if found is not None and _a_person(t, found) else noun


def _a_person(t: Tree, noun: Token) -> bool:
    """A noun of sources, or one with such a noun before it ("source close": "close" tagged a noun)."""
    words = [noun, *t.children(noun, "compound")]
    return any(k.lemma.lower() in cues.SOURCE_NOUNS or k.lemma.lower() in cues.ANONYMOUS_NOUNS for k in words)


def _noun_right_before(t: Tree, tok: Token) -> set[int] | None:
    """The noun phrase right before a finite verb the parse joined to an earlier verb with no coordinator
    between them, after a word that opens a clause ("Shares fell 4% after the company warned that ..."):
    the verb's own subject, which the parse hung elsewhere."""
    if tok.deprel != "conj" or tok.xpos not in ("VBD", "VBZ", "VBP") or t.children(tok, "cc"):
        return None
    before = [k for k in t.tokens if k.id < tok.id and k.upos != "ADV"]
    if not before or before[-1].upos not in ("NOUN", "PROPN") or before[-1].head == tok.id:
        return None
    top = before[-1]  # up to the phrase's head: "analysts at Morgan Stanley", not "Stanley"
    while (up := t.head(top)) is not None and up.id < tok.id and up.upos in ("NOUN", "PROPN") and top.id > up.id:
        if top.deprel not in ("flat", "compound") and not _of_people_at(t, top):
            break
        top = up
    ids = {i for i in t.subtree(top) if i < tok.id} - {c.id for c in t.children(top, "case")}
    opener = t.by_id.get(min(ids) - 1)
    return ids if opener is not None and opener.text.lower() in SUBORDINATORS else None


def _of_people_at(t: Tree, noun: Token) -> bool:
    """A name after "at" or "from", as in "analysts at Morgan Stanley", "officials from the ministry"."""
    return noun.deprel == "nmod" and any(c.lemma.lower() in ("at", "from") for c in t.children(noun, "case"))


def _agent_or_noun_before(t: Tree, tok: Token) -> tuple[set[int], bool] | None:
    """The source of a cue with no subject that has one of its own: a passive's agent ("As first reported
    by Axios, ...", not the subject of the clause it hangs from), or the noun before a main verb the parse
    made a reduced relative ("Russia's foreign ministry accused Ukraine of ...")."""
    agent = _agent(t, tok)
    if agent is not None and tok.xpos == "VBN" and tok.lemma.lower() not in FEELINGS and _by_someone(t, agent):
        return _agent_words(t, agent), True
    parent = t.head(tok)
    if parent is not None and tok.deprel == "acl" and _main_verb(t, tok, parent):
        return t.subtree(parent) - t.subtree(tok), False
    return None


def _by_someone(t: Tree, agent: Token) -> bool:
    """An agent after "by" that is no amount ("declined by 0.2%")."""
    by = any(c.lemma.lower() == "by" for c in t.children(agent, "case"))
    return by and agent.upos not in ("NUM", "SYM") and not any(t.by_id[i].text == "%" for i in t.subtree(agent))


def _main_verb(t: Tree, tok: Token, noun: Token) -> bool:
    """Whether a verb the parse hung on the noun before it as a reduced relative is the sentence's main
    verb: the noun is the root, no other verb is finite, and the verb has an object or a clause."""
    if noun.deprel != "root" or noun.upos not in ("NOUN", "PROPN") or tok.xpos not in ("VBD", "VBN", "VBZ"):
        return False
    finite = [k for k in t.tokens if k.xpos in ("VBD", "VBZ", "VBP", "MD") and k is not tok]
    return not finite and bool(t.children(tok, "obj", "xcomp", "ccomp"))


def _no_passive(t: Tree, tok: Token) -> bool:
    """Whether a cue the parse read as passive cannot be: a main verb with no "be" or "get" before it and a
    clause after it ("The head of the WHO, Tedros ..., warned on Monday that ...", tagged VBN; "has
    repeatedly and falsely claimed that ...")."""
    helpers = t.children(tok, "aux", "aux:pass", "cop")
    if tok.deprel != "root" or any(k.lemma.lower() in ("be", "get") for k in helpers):
        return False  # "has repeatedly and falsely claimed that ...": "has", no passive
    clauses = [k for k in t.children(tok, "ccomp", "advcl", "parataxis") if k.id > tok.id]
    marks = [m.text.lower() for k in clauses for m in t.children(k, "mark")]
    # or a "that" opening a clause the parse hung elsewhere ("Chinese state media reported on Monday that
    # the two leaders had spoken": a relative clause of "Monday")
    hung = any(k.id > tok.id and k.text.lower() == "that" and (k.upos, k.deprel) == ("SCONJ", "mark") for k in t.tokens)
    return any(k.deprel == "ccomp" for k in clauses) or "that" in marks or hung


def _quoted_saying(t: Tree, tok: Token) -> bool:
    """Whether a passive cue says its subject spoke: "was quoted as saying", "was heard saying"."""
    return tok.lemma.lower() in cues.PASSIVE_SPEAKERS and any(
        k.xpos == "VBG" for k in t.children(tok, "advcl", "xcomp", "ccomp")
    )
