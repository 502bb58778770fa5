"""Every entry of the lexicon (luoshi/core/intake/lexicon.toml) with its examples.

As Duckling keeps Corpus.hs beside Rules.hs, each cue set and each named rule
carries a positive and a negative example in the lexicon itself; these tests
run them, so that a rule that stops deciding, or starts deciding where it must
not, fails by name.
"""

import pytest

from luoshi.core.intake import extract, lexicon
from luoshi.core.intake.owners import is_organisation

CUES = lexicon.data()["cues"]
RULES = lexicon.data()["rules"]


@pytest.mark.parametrize("name", sorted(CUES))
def test_every_cue_set_finds_its_positive_examples_and_not_its_negative_ones(name):
    entry = CUES[name]
    assert entry.get("pos") and entry.get("neg"), "a cue set needs both kinds of example"
    rx = lexicon.cue(name)
    for phrase in entry["pos"]:
        assert rx.search(phrase), phrase
    for phrase in entry["neg"]:
        assert not rx.search(phrase), phrase


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_decides_its_positive_example_and_not_its_negative_one(name):
    entry = RULES[name]
    field = entry["decides"]
    for text, expected in entry["pos"]:
        items = extract(text, year=entry.get("year", 2026)).items
        decided = [it[field] for it in items if it.get("why", {}).get(field) == name]
        assert expected in decided, (text, [(it[field], it.get("why")) for it in items])
    items = extract(entry["neg"], year=entry.get("year", 2026)).items
    assert all(it.get("why", {}).get(field) != name for it in items), entry["neg"]


def test_the_owner_model_examples():
    owners = lexicon.data()["owners"]
    for name in owners["pos"]:
        assert is_organisation(name), name
    for name in owners["neg"]:
        assert not is_organisation(name), name


def test_every_decision_on_the_corpus_names_a_rule_of_the_lexicon():
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    docs = sorted((root / "tests" / "intake_corpus" / "docs").glob("*.txt"))
    assert docs
    # A new batch waits for its cold score (bench/intake_quality.py) before any engine
    # output of it is seen; the documents with floors have had theirs.
    docs = [d for d in docs if not _awaits_cold_score(d)]
    names = set(RULES)
    for doc in docs:
        for it in extract(doc.read_text("utf-8")).items:
            why = it["why"]
            assert why["kind"] in names, (doc.name, why)
            assert why["owner"] is None or why["owner"] in names, (doc.name, why)


def _awaits_cold_score(doc) -> bool:
    from tests.core.intake.test_corpus_regression import FIRST_COLLECTED, FLOORS

    number = doc.stem.partition("_")[0]
    return int(number) >= FIRST_COLLECTED and f"own/{number}" not in FLOORS


def test_a_veto_phrase_suppresses_only_the_word_inside_it():
    rx = lexicon.compile_cues({"words": ["要"], "vetoes": ["主要", "要点"]})
    assert [m.start() for m in rx.finditer("主要 要点 要求 只要")] == [6, 10]
    rx = lexicon.compile_cues({"words": ["计划"], "vetoes": ["完成计划的"]})
    assert [m.start() for m in rx.finditer("完成计划的 完成计划 计划的")] == [8, 11]
