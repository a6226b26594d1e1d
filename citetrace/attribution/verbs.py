"""Verb frames: a verb of saying, reporting or believing with its subject as source and its clausal
complement, object, adjacent quote or governing clause as content ("Barzani said Iran was ...")."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.cue_model import cue_features, cue_score
from citetrace.attribution.quotes import extend_to_quote
from citetrace.attribution.subjects import subject_of
from citetrace.attribution.tree import (
    Tree,
    glue,
    left_phrase,
    negated,
    other_sense,
    participle_over_clause,
    prenominal,
    right_rest,
)
from citetrace.models import FrameKind, Token


def _of_a_phrase(tok: Token) -> bool:
    """ "according" (to), "cite": the words of the phrase frames (``phrases``), never a verb cue."""
    return tok.text.lower() == "according" or tok.lemma.lower() in ("cite", "accord")


def _is_cue_verb(tok: Token) -> tuple[bool, bool]:
    """(is a cue, is a core verb of saying)."""
    if tok.upos != "VERB":
        return False, False
    lemma, form = tok.lemma.lower(), tok.text.lower()
    if _of_a_phrase(tok):
        return False, False  # prepositional frames, handled by their own rules
    core = lemma in cues.SAY_LEMMAS
    return core or form in cues.learned_cue_forms(), core


def _cue_status(t: Tree, tok: Token, quotes: list[tuple[int, int]], model: bool) -> tuple[bool, bool] | None:
    """(core, added) when ``tok`` is a verb cue here, else None. ``core``: a verb of saying that makes a
    frame even without a subject; ``added``: a cue the learned model found outside the lexicons."""
    if tok.upos != "VERB":
        return None  # only verbs are verb cues (``_is_cue_verb``): asked first, it is the cheapest test
    if prenominal(t, tok):
        return None  # a participle before the noun it modifies: "a self-described socialist", "the alleged plot"
    if other_sense(t, tok):
        return None  # "pointed their rifles at", "where noted"
    is_cue, core = _is_cue_verb(tok)
    added = False
    if model and not _of_a_phrase(tok):
        p = cue_score(cue_features(t, tok, quotes))
        if p < cues.CUE_VETO:
            return None  # the learned model says this word is not a cue here ("say" inside a quote, "called" a name)
        if not is_cue and p >= cues.CUE_ADD:
            is_cue = added = True  # a cue outside the lexicons ("slammed", "warns")
        if p >= cues.CUE_STRONG and not added:
            core = core or tok.lemma.lower() not in cues.NEEDS_CONTENT
    if not is_cue:
        return None
    if (
        added
        and t.child(tok, "ccomp", "xcomp", "parataxis") is None
        and not any(qs >= tok.end and qs - tok.end <= 3 for qs, _ in quotes)
    ):
        return None  # an unknown verb reports only a clause or a quote, not an object ("launched a strike")
    return core, added


def _complement(t: Tree, tok: Token, core: bool) -> tuple[tuple[int, int], set[int] | None, Token | None]:
    """The cue's span (with a particle or a phrasal preposition), the token ids of what it reports (from
    the tree; None when the tree gives nothing), and a speaker placed after the verb ("..., says X")."""
    lemma = tok.lemma.lower()
    cue = (tok.start, tok.end)
    content_ids: set[int] | None = None
    prt = t.child(tok, "compound:prt")
    if prt is not None:
        cue = (min(cue[0], prt.start), max(cue[1], prt.end))
    if lemma in cues.PHRASAL:
        marked = [
            (o, c)
            for o in t.children(tok, "obl")
            for c in t.children(o, "case")
            if c.lemma.lower() in cues.PHRASAL[lemma]
        ]
        if marked:
            obl, case = marked[0]
            cue = (tok.start, case.end) if case.start > tok.start else cue
            content_ids = t.subtree(obl) - {case.id}
    if content_ids is None:
        for rel in ("ccomp", "xcomp"):
            c = t.child(tok, rel)
            if c is not None:
                content_ids = t.subtree(c)
                break
    clause = participle_over_clause(t, tok) if content_ids is None else None
    if clause is not None:  # "..., saying inflation remained too high", the parse's head the clause
        content_ids = t.subtree(clause) - t.subtree(tok)
    inverted = None
    obj = t.child(tok, "obj")
    if (
        core
        and obj is not None
        and t.child(tok, "nsubj") is None
        and obj.start > tok.start
        and (obj.upos == "PROPN" or obj.lemma.lower() in cues.SOURCE_NOUNS)
        and lemma in cues.INVERTING_VERBS
    ):
        inverted, obj = obj, None  # "..., says Adib-Moghaddam": the speaker after the verb
    if content_ids is None and lemma == "tell":
        obj = None  # "told them": the addressee, not the content
    if content_ids is None and obj is not None:
        content_ids = t.subtree(obj)
        for k in t.children(tok, "obl", "xcomp", "advcl"):
            if k.start > obj.start and any(c.lemma.lower() == "as" for c in t.children(k, "case", "mark")):
                content_ids |= t.subtree(k)
    if content_ids is None:
        content_ids = _loose_complement(t, tok, core)
    return cue, content_ids, inverted


def _loose_complement(t: Tree, tok: Token, core: bool) -> set[int] | None:
    """What a cue reports when it has no clause or object: a parataxis, an "on/about/of" phrase, the
    clause it is inserted in, or the rest of the sentence."""
    para = [k for k in t.children(tok, "parataxis") if k.upos in ("VERB", "AUX", "ADJ", "NOUN")]
    if para:
        return t.subtree(para[0])
    about = [
        o
        for o in t.children(tok, "obl")
        if o.start > tok.start and any(c.lemma.lower() in cues.TOPIC_PREPOSITIONS for c in t.children(o, "case"))
    ]
    if about:
        return t.subtree(about[0])
    if tok.deprel.split(":")[0] in ("parataxis", "ccomp") and core:
        governor = t.head(tok)
        if governor is not None:
            return t.subtree(governor) - t.subtree(tok)
    if core and tok.lemma.lower() in cues.REST_OF_SENTENCE_VERBS:
        # The tree gave no complement: the rest of the sentence, if it is a quote or a clause.
        rest = {x.id for x in t.tokens} - t.subtree(tok)
        if sum(1 for i in rest if t.by_id[i].upos not in ("PUNCT",)) >= 3:
            return rest
    return None


def _speaker(
    t: Tree, tok: Token, core: bool, content_ids: set[int] | None, inverted: Token | None, quotes: list[tuple[int, int]]
) -> tuple[set[int] | None, set[int] | None, tuple[int, int] | None]:
    """(source ids, content ids, content span of an adjacent quote): the subject, or the speaker after
    the verb, or the phrase to the left where the tree lost the subject; a passive's subject as content."""
    source_ids, passive = subject_of(t, tok)
    if source_ids and _a_time(t, source_ids):
        source_ids = _name_before(t, tok)  # "said Sunday": no time is a speaker
    elif source_ids and cues.is_time(t.by_id[min(source_ids)].text):
        source_ids = _name_before(t, tok) or source_ids  # "Tuesday at ..., Gov. John Kasich (R-OH), said"
    if inverted is not None and source_ids is None:
        source_ids = t.subtree(inverted)
        if content_ids is not None:
            content_ids -= source_ids
    odd = tok.deprel.split(":")[0] not in ("xcomp", "advcl", "conj", "acl", "parataxis", "ccomp")
    if core and source_ids is None and not passive and odd and not tok.text.lower().endswith("ing"):
        left = left_phrase(t, tok)  # the tree lost the subject: take the phrase to the left
        if any(t.by_id[i].upos in ("PROPN", "NOUN", "PRON") for i in left):
            source_ids = left
            if content_ids is None or content_ids & left:
                content_ids = right_rest(t, tok) or None
    if content_ids is None and passive and source_ids:
        subj = t.child(tok, "nsubj")  # "O'Malley's move was first reported by MSNBC"
        content_ids = t.subtree(subj) if subj is not None else None
    content_span: tuple[int, int] | None = None
    if content_ids is None and source_ids:
        content_span = _adjacent_quote(t, tok, source_ids, quotes)  # "“...,” he concluded."
        content_ids = set() if content_span else None
    return source_ids, content_ids, content_span


def verb_frames(t: Tree, quotes: list[tuple[int, int]]) -> list[Candidate]:
    """Every verb frame of one sentence."""
    frames: list[Candidate] = []
    model = bool(cues.cue_model())
    for tok in t.tokens:
        status = _cue_status(t, tok, quotes, model)
        if status is None:
            continue
        core, _ = status
        lemma = tok.lemma.lower()
        cue, content_ids, inverted = _complement(t, tok, core)
        if content_ids is not None and _only_time(t, content_ids - {tok.id}):
            content_ids = None  # "said Friday": when, not what
        source_ids, content_ids, content_span = _speaker(t, tok, core, content_ids, inverted, quotes)
        if content_span is None and source_ids and content_ids and _apposition(t, content_ids, source_ids):
            # "“...,” said Dan Conston, a senior adviser": the quote beside the speaker, not the apposition
            content_span = _adjacent_quote(t, tok, source_ids, quotes)
        if content_ids is None:
            continue
        if not core and (source_ids is None or lemma in cues.NEEDS_CONTENT and not content_ids):
            continue
        if lemma in cues.NEEDS_CONTENT and source_ids is None:
            continue
        content = content_span or t.char_span(content_ids - {tok.id})
        if content is None:
            continue
        if content[0] < cue[1] and cue[0] < content[1]:
            # The content cannot hold its own cue: the tree gave the rest of the sentence, and a quote
            # beside the cue is what was said ("... appeared in person saying, “If you want ...”").
            content = _adjacent_quote(t, tok, source_ids, quotes) if source_ids else None
            if content is None:
                continue
        source = glue(t.text, t.char_span(source_ids)) if source_ids else None
        if source is not None and source[0] < cue[1] and cue[0] < source[1]:
            source = None
        kind = FrameKind.stance if lemma in cues.STANCE_LEMMAS else FrameKind.verb
        if negated(t, tok):
            kind = FrameKind.negated  # "did not mention": PolNeAR annotates it, nothing is claimed
        frames.append(Candidate(cue, source, extend_to_quote(glue(t.text, content), quotes), kind, t.index))
    return frames


def _name_before(t: Tree, tok: Token) -> set[int] | None:
    """The speaker where the tree made a time the subject: the name before the cue, past a time phrase
    ("Jeb Bush on Thursday called out"), a parenthesis ("..., Gov. John Kasich (R-OH), said") and one
    title or relative clause set off by commas ("Benjamin J. Rhodes, Mr. Obama's deputy national
    security adviser, said Sunday", "Chris Christie, who's chairing ..., on Sunday defended"), which
    stays with it; the name opens the sentence or follows a comma or a quote mark."""
    toks = t.tokens
    j = toks.index(tok) - 1
    while j >= 0 and (cues.is_time(toks[j].text) or toks[j].upos in ("ADP", "DET") and cues.is_time(toks[j + 1].text)):
        j -= 1  # "on Sunday", "last week"
    comma = j >= 0 and toks[j].text == ","
    j -= comma
    end = j
    if j >= 0 and toks[j].text == ")":
        while j >= 0 and toks[j].text != "(":
            j -= 1
        j -= 1
    if comma and j >= 0 and toks[j].upos != "PROPN":  # a title or a relative clause, back to the comma before it
        k = max((i for i in range(j) if toks[i].text == ","), default=-1)
        j = k - 1 if k > 0 and j - k <= cues.MAX_SOURCE_WORDS and _set_off(toks[k + 1 : j + 1]) else -1
    start = j
    while start >= 0 and (toks[start].upos == "PROPN" or toks[start].text[:1].isupper() and toks[start].upos == "ADJ"):
        start -= 1  # "New Jersey Gov. Chris Christie"
    if not 1 <= j - start <= cues.MAX_NAME_WORDS or start >= 0 and not _opens_name(toks[start]):
        return None
    return {k.id for k in toks[start + 1 : end + 1]}


def _set_off(toks: list[Token]) -> bool:
    """Whether words between commas may describe the name before them: a title, or a relative clause;
    not a clause ("told MSNBC that ..."), though the tagger may make a title's noun a verb ("Mr.
    Obama's deputy/VERB national security adviser")."""
    if toks[0].text.lower() in cues.RELATIVE_PRONOUNS:
        return True
    return not any(
        k.upos == "AUX" or k.upos == "VERB" and k.xpos in ("VBD", "VBZ", "VBP") and not _modified(toks, i)
        for i, k in enumerate(toks)
    )


def _modified(toks: list[Token], i: int) -> bool:
    """Whether the word at ``i`` follows a determiner, an adjective or a possessive: a noun's place."""
    before = toks[i - 1] if i else None
    return before is not None and (before.upos in ("DET", "ADJ") or before.text.endswith(("'s", "\u2019s")))


def _opens_name(k: Token) -> bool:
    """Whether a name may follow the word: a comma or a quote mark."""
    return k.text == "," or k.text in cues.QUOTE_MARKS


def _apposition(t: Tree, content_ids: set[int], source_ids: set[int]) -> bool:
    """Whether the content is an apposition to the source ("X, a senior adviser"), as the tree says or
    as it reads: a phrase without a verb right after the source and a comma."""
    words = [t.by_id[i] for i in sorted(content_ids) if t.by_id[i].upos != "PUNCT"]
    if not words or any(w.deprel == "appos" and w.head in source_ids for w in words):
        return True
    if any(w.upos in ("VERB", "AUX") for w in words):
        return False
    return t.text[t.by_id[max(source_ids)].end : words[0].start].strip() == ","


def _a_time(t: Tree, ids: set[int]) -> bool:
    """Whether the words name a time and nothing else ("Sunday", "last week", "in 2008"), not a count of
    people ("One in three") nor a pointer ("this")."""
    words = [t.by_id[i] for i in ids if t.by_id[i].upos not in ("PUNCT", "ADP", "DET")]
    times = [w for w in words if cues.is_time(w.lemma) or _year(w)]
    return bool(words) and len(times) == len(words) and any(w.lemma.lower() not in cues.TIME_RELATIVE for w in times)


def _year(w: Token) -> bool:
    return w.upos == "NUM" and len(w.text) == 4 and w.text.isdigit() and 1800 <= int(w.text) <= 2099


def _only_time(t: Tree, ids: set[int]) -> bool:
    """Whether the words are only a time ("Friday", "last month", "on Thursday")."""
    words = [t.by_id[i] for i in ids if t.by_id[i].upos not in ("PUNCT", "ADP", "DET")]
    return bool(words) and all(cues.is_time(w.lemma) or w.upos == "NUM" for w in words)


def _adjacent_quote(t: Tree, tok: Token, source_ids: set[int], quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quote right before the speaker ("“...,” he said.") or right after the cue ("he added, “...”")."""
    first = t.by_id[min(source_ids | {tok.id})]
    if any(qs <= tok.start < qe for qs, qe in quotes):
        return None  # a verb inside a quote is the speaker's word, not a cue for the quote
    for qs, qe in quotes:
        between_before = t.text[qe : first.start]
        between_after = t.text[tok.end : qs]
        if qe <= first.start and len(between_before) <= 3 and not any(c.isalnum() for c in between_before):
            return qs, qe
        if qs >= tok.end and len(between_after) <= 3 and not any(c.isalnum() for c in between_after):
            return qs, qe
    return None
