"""The same claim retold: groups across documents and the drift of each retelling (real parses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from citetrace.claims.collect import _states, _title, quotes_in
from citetrace.claims.similarity import Features, combine
from citetrace.cli import app
from citetrace.models import ClaimGroup, DriftType, Hedge

from ..conftest import CORPUS

runner = CliRunner()

FILLER = (
    "The city council approved a new budget for road repairs on Monday. "
    "Farmers in the north expect a good wheat harvest after a wet spring."
)


def groups_with(graph, words: str) -> list[ClaimGroup]:
    return [g for g in graph.claims if any(words in m.text.text for m in g.members)]


def drifts(group: ClaimGroup, document: str) -> set[DriftType]:
    return {f.type for m in group.members if m.document == document for f in m.flags}


def test_a_paraphrase_joins_the_claim_and_unrelated_claims_stay_out(graph_of) -> None:
    graph = graph_of(
        "The weekly newspaper Al-Naba portrayed the general's death as an act of divine intervention that will "
        "help the jihadists, according to BBC Monitoring. " + FILLER,
        "The jihadists claimed that the death of the general was an act of divine intervention which helps their "
        "holy war. Rescue teams pulled two hikers from a frozen lake in the mountains on Sunday.",
        outlets=("Daily Planet", "Morning Star"),
    )
    (group,) = groups_with(graph, "holy war")
    assert group.documents == ["0.txt", "1.txt"]
    assert group.originals == ["Al-Naba"]  # the most attributed version: BBC Monitoring, then Al-Naba
    assert not groups_with(graph, "budget") and not groups_with(graph, "hikers")


def test_an_unrelated_claim_on_the_same_subject_is_not_the_claim(graph_of) -> None:
    graph = graph_of(
        "Health Minister Anna Berg said the new vaccine cut hospital admissions by half in the first month. " + FILLER,
        "Doctors said the new vaccine must be stored in freezers at minus seventy degrees during transport.",
    )
    assert graph.claims == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Supporters chanted "Make America Great Again" at the rally.', True),
        ('He appeared on "The Late Show With Stephen Colbert" last month.', True),
        ("It was an act of ‘divine intervention’ and will help them.", False),
        ("ISIS Calls Soleimani’s Death an Act of ‘Divine Intervention’", False),  # a headline: all capitalised
    ],
)
def test_a_quoted_title_is_told_from_quoted_words(text: str, title: bool) -> None:
    ((start, end),) = quotes_in(text)
    assert _title(text, start, end) is title


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Ted Cruz (R-TX) and Sen. Marco Rubio (R-FL) of the Senate", False),  # names: no claim
        ("the former secretary of state", False),
        ("Soleimani's death as an act of god in support of its cause", True),
        ("the new vaccine cut hospital admissions by half in the first month", True),
    ],
)
def test_a_claim_states_something(parser, text: str, states: bool) -> None:
    (parsed,) = parser.parse([text])
    assert _states(parsed.sentences[0].tokens) is states


def test_a_claim_and_its_denial_are_not_one_claim(graph_of) -> None:
    graph = graph_of(
        "Senator Mary Cole said she would vote for the new highway bill in the spring session. " + FILLER,
        "Senator Mary Cole said she would never vote for the new highway bill in the spring session.",
    )
    assert graph.claims == []


def test_the_same_words_of_other_people_are_not_one_claim(graph_of) -> None:
    told = (
        "{} won the South Carolina primary by a wide margin on Saturday night, with strong support from evangelical "
        "voters and veterans across the state, the state party said. "
    )
    graph = graph_of(told.format("Newt Gingrich") + FILLER, told.format("Donald Trump"))
    assert graph.claims == []
    (group,) = graph_of(told.format("Donald Trump") + FILLER, told.format("Trump")).claims
    assert group.documents == ["0.txt", "1.txt"]


def test_hedge_removed(graph_of) -> None:
    graph = graph_of(
        "Officials claimed that the factory leaked toxic waste into the river for years. " + FILLER,
        "Officials said that the factory leaked toxic waste into the river for years.",
        dates=("2020-01-01", "2020-01-05"),
    )
    (group,) = graph.claims
    first, second = group.members
    assert (first.document, first.hedge, second.hedge) == ("0.txt", Hedge.alleged, Hedge.reported)
    assert second.earlier == first.id
    assert drifts(group, "1.txt") == {DriftType.hedge_removed}
    flag = second.flags[0]
    assert flag.earlier_document == "0.txt" and "claimed" in flag.detail and "said" in flag.detail


def test_source_swapped(graph_of) -> None:
    graph = graph_of(
        "Health Minister Anna Berg said the new vaccine cut hospital admissions by half in the first month. " + FILLER,
        "Prime Minister Jonas Lind said the new vaccine cut hospital admissions by half in the first month.",
        dates=("2021-03-01", "2021-03-02"),
    )
    (group,) = graph.claims
    assert group.originals == ["Anna Berg"]
    assert drifts(group, "1.txt") == {DriftType.source_swapped}
    (flag,) = [f for m in group.members for f in m.flags]
    assert "Lind" in flag.detail and "Anna Berg" in flag.detail


def test_stated_as_fact_where_another_outlet_attributes_it(graph_of) -> None:
    graph = graph_of(
        "The new vaccine cut hospital admissions by half in the first month, Health Minister Anna Berg said. " + FILLER,
        "The new vaccine cut hospital admissions by half in the first month. Rescue teams pulled two hikers "
        "from a frozen lake in the mountains on Sunday.",
    )
    (group,) = graph.claims
    fact = next(m for m in group.members if m.document == "1.txt")
    assert (fact.hedge, fact.depth, fact.frame) == (Hedge.fact, 0, None)
    (flag,) = fact.flags
    assert flag.type is DriftType.attribution_dropped and "Anna Berg" in flag.detail
    assert flag.text.text == fact.text.text and flag.earlier_document == "0.txt"


def test_quote_altered(graph_of) -> None:
    graph = graph_of(
        'Senator Mary Cole said the bill was "a disgrace to this chamber and to every voter in the state". ' + FILLER,
        'Senator Mary Cole said the bill was "a disgrace to every voter in the state".',
        dates=("2019-05-01", "2019-05-02"),
    )
    (group,) = graph.claims
    (flag,) = [f for m in group.members for f in m.flags]
    assert flag.type is DriftType.quote_altered
    assert flag.text.text == "a disgrace to every voter in the state"
    assert flag.earlier_text.text == "a disgrace to this chamber and to every voter in the state"


def test_score_rewards_a_shared_quote_and_halves_for_each_sign_against() -> None:
    plain = Features(
        alignment=0.8, overlap=0.6, quote=False, other_numbers=False, other_names=False, other_polarity=False, words=6
    )
    assert combine(plain._replace(quote=True)) > combine(plain)
    for against in ({"other_numbers": True}, {"other_names": True}, {"other_polarity": True}, {"words": 1}):
        assert combine(plain._replace(**against)) == pytest.approx(combine(plain) / 2)


@pytest.fixture(scope="module")
def sample_claims(tmp_path_factory: pytest.TempPathFactory, env) -> list[ClaimGroup]:
    out = tmp_path_factory.mktemp("claims")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    lines = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert (out / "index.html").read_text(encoding="utf-8").count("<h2>Claims retold</h2>") == 1
    page = (out / "001_f95a1482e197ee2a.html").read_text(encoding="utf-8")
    assert "Retold elsewhere" in page and 'href="claims/claim-' in page
    groups = [ClaimGroup.model_validate(json.loads(line)) for line in lines]
    for g in groups:
        assert (out / "claims" / f"{g.id}.svg").is_file() and (out / "claims" / f"{g.id}.html").is_file()
    return groups


def test_sample_divine_intervention_is_one_claim(sample_claims) -> None:
    (group,) = [g for g in sample_claims if "divine intervention" in g.shared]
    assert group.documents == ["001_f95a1482e197ee2a.txt", "003_36a7df0265c8b480.txt"]
    assert group.originals == ["Islamic State"]
    assert group.members[0].document == "001_f95a1482e197ee2a.txt"  # attributed: "ISIS has claimed"
    assert DriftType.attribution_dropped in drifts(group, "003_36a7df0265c8b480.txt")  # no BBC, no Al-Naba


@pytest.mark.xfail(strict=True, reason="'an act of god' ~ 'an act of divine intervention' scores 0.45 < THRESHOLD")
def test_sample_act_of_god_joins_divine_intervention(sample_claims) -> None:
    (group,) = [g for g in sample_claims if "divine intervention" in g.shared]
    assert "000_9a0592be07adf101.txt" in group.documents


def test_sample_netanyahu_quote_is_no_one_elses(sample_claims) -> None:
    assert not [g for g in sample_claims for m in g.members if "Jewish entities" in m.text.text]


def test_claim_offsets_point_into_the_documents(sample_claims) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    for g in sample_claims:
        for m in g.members:
            assert texts[m.document][m.text.start : m.text.end] == m.text.text
            for f in m.flags:
                assert texts[m.document][f.text.start : f.text.end] == f.text.text
                assert texts[f.earlier_document][f.earlier_text.start : f.earlier_text.end] == f.earlier_text.text


def test_hedges_of_cues(sample_claims) -> None:
    hedges = {m.cue.text if m.cue else None: m.hedge for g in sample_claims for m in g.members}
    assert hedges.get("claimed") is Hedge.alleged and hedges.get(None) is Hedge.fact


def test_trace_claim_lists_the_group(env) -> None:
    result = runner.invoke(app, ["trace", str(CORPUS), "--claim", "divine intervention"], env=env)
    assert result.exit_code == 0, result.output
    assert "retold in 2 documents" in result.output and "original: Islamic State" in result.output
    assert "attribution dropped" in result.output


SCORE_IN_A_PROCESS = """
from citetrace.claims.collect import Claim
from citetrace.models import Span
from citetrace.claims.similarity import Matcher
words = "militant group death general act god divine intervention editorial newspaper weekly claim strike " \\
    "drone airport baghdad commander force quds revolutionary guard iran iraq".split()
claims = [
    Claim(document=f"d{k}", outlet=None, span=Span(text="x", start=0, end=1), gist=" ".join(words[k:k + 12]),
          lemmas=tuple(sorted(set(words[k:k + 12]))))
    for k in range(0, 10)
]
m = Matcher(claims)
print(repr([m.score(i, j) for i in range(10) for j in range(i + 1, 10)]))
"""


def test_pair_scores_do_not_depend_on_the_process_string_hashing() -> None:
    """Sets of words iterate in an order set by the process's string hashing (PYTHONHASHSEED): summed
    in that order, scores differed in their last bits from one run to the next, and with them the
    order of pairs that score nearly the same."""
    runs = {
        subprocess.run(
            [sys.executable, "-c", SCORE_IN_A_PROCESS],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(runs) == 1


def _word_claims(n: int, seed: int = 3) -> list:
    import random

    from citetrace.claims.collect import Claim
    from citetrace.models import Span

    vocab = (
        "soleimani death act god divine intervention strike drone baghdad airport militia leader iraq "
        "syria caliphate weekly newspaper editorial claim benefit cause support muslims jihadist"
    ).split()
    rng = random.Random(seed)
    claims = []
    for k in range(n):
        words = rng.sample(vocab, rng.randint(0 if k == 3 else 2, 9))
        claims.append(
            Claim(
                document=f"d{k % 7}",
                outlet=None,
                span=Span(text="x", start=0, end=1),
                gist=" ".join(words),
                lemmas=tuple(sorted(words)),
            )
        )
    return claims


def test_pairs_scored_together_score_as_each_pair_alone() -> None:
    """``Matcher.matches`` scores a claim against many in one matrix product: the same alignment and
    overlap as the definitions, pair by pair (a claim of no words, k == 3, included)."""
    import numpy as np

    from citetrace.claims.similarity import Matcher

    m = Matcher(_word_claims(12))
    for i in range(12):
        others = [j for j in range(12) if j != i]
        for j, (alignment, overlap) in zip(others, m.matches(i, others), strict=True):
            a, b = m.claims[i].lemmas, m.claims[j].lemmas
            if not a or not b:
                assert (alignment, overlap) == (0.0, 0.0)
                continue
            va = m.vectors[[m.word[w] for w in sorted(a)]]
            vb = m.vectors[[m.word[w] for w in sorted(b)]]
            wa = np.array([m.idf[w] for w in sorted(a)])
            wb = np.array([m.idf[w] for w in sorted(b)])
            sim = va @ vb.T
            expected = 0.5 * ((sim.max(1) * wa).sum() / wa.sum() + (sim.max(0) * wb).sum() / wb.sum())
            assert alignment == pytest.approx(expected, abs=1e-6)
            shared = sum(m.idf[w] for w in set(a) & set(b)) / sum(m.idf[w] for w in set(a) | set(b))
            assert overlap == pytest.approx(shared, abs=1e-12)
            assert m.features(i, j).alignment == pytest.approx(alignment, abs=1e-6)


def test_neighbours_exact_and_approximate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to ``EXACT_UP_TO`` vectors the pairs are every vector's true nearest neighbours; beyond,
    the HNSW index finds nearly all of them."""
    import numpy as np

    from citetrace.claims import similarity

    rng = np.random.default_rng(4)
    vectors = rng.normal(size=(300, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    order = np.argsort(-(vectors @ vectors.T), axis=1)
    truth = {(min(i, int(j)), max(i, int(j))) for i in range(300) for j in order[i, :11] if j != i}
    found = [tuple(p) for p in similarity.neighbours(vectors).tolist()]
    assert found == sorted(truth)  # in order, each pair once
    monkeypatch.setattr(similarity, "EXACT_UP_TO", 100)
    approximate = {(i, j) for i, j in similarity.neighbours(vectors).tolist()}
    assert len(approximate & truth) >= 0.95 * len(truth)
