"""The intake lexicon (lexicon.toml and owners.toml): cue words with their vetoes,
the owner model, and named rules.

Cue words are data, not code: `cue(name)` compiles a cue set of the lexicon
into one regular expression.  A veto is a longer phrase in which a word is not
the cue ("主要" for 要); it becomes a look-around written after the word, so
that every alternative of the pattern starts with a literal character and the
regex engine can skip ahead to the candidates (see docs/performance.md).

Every decision the extractor records on an item (`why`) names a rule of the
lexicon; `rule_names()` lists them, and the tests run each rule's examples.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from .fastre import scanning

_FILES = ("lexicon.toml", "owners.toml")


@cache
def data() -> dict:
    """The lexicon files merged: their tables of the same name (cues, rules) are
    joined; a name defined twice is an error, so neither file shadows the other."""
    merged: dict = {}
    for name in _FILES:
        part = tomllib.loads(files(__package__).joinpath(name).read_text("utf-8"))
        for key, value in part.items():
            if not isinstance(value, dict):
                raise ValueError(f"{name}: top-level {key!r} is not a table")
            table = merged.setdefault(key, {})
            twice = table.keys() & value.keys()
            if twice:
                raise ValueError(f"{name}: {key} {sorted(twice)} defined twice")
            table.update(value)
    return merged


def _word_alternative(word: str, vetoes: list[str]) -> str:
    """`word` with a look-around for every veto phrase that contains it."""
    out = re.escape(word)
    n = len(word)
    for veto in vetoes:
        k = veto.find(word)
        while k >= 0:
            prefix, suffix = veto[:k], veto[k + n :]
            if prefix and suffix:
                # not (preceded by prefix+word and followed by suffix)
                out += f"(?!(?<={re.escape(prefix + word)}){re.escape(suffix)})"
            elif prefix:
                out += f"(?<!{re.escape(prefix + word)})"
            elif suffix:
                out += f"(?!{re.escape(suffix)})"
            k = veto.find(word, k + 1)
    return out


def compile_cues(entry: dict) -> re.Pattern:
    vetoes = entry.get("vetoes", [])
    alts = [_word_alternative(w, vetoes) for w in entry.get("words", [])]
    alts += list(entry.get("patterns", []))
    # a cue set mixes words with patterns: often no prefix the engine can skip ahead to
    return scanning("|".join(alts))


@cache
def cue(name: str) -> re.Pattern:
    """The compiled cue set `name` of the lexicon."""
    return compile_cues(data()["cues"][name])


def cue_names() -> list[str]:
    return list(data()["cues"])


def rule_names() -> list[str]:
    return list(data()["rules"])


def rule(name: str) -> str:
    """`name`, checked against the lexicon (a typo in the code fails at import)."""
    if name not in data()["rules"]:
        raise KeyError(f"rule {name!r} is in neither lexicon file")
    return name


@cache
def owner_model() -> tuple[re.Pattern, re.Pattern, re.Pattern, tuple[str, ...], re.Pattern]:
    """(organisation suffix at the end, veto anywhere, group of units, not-place words,
    a thing's ending)."""
    o = data()["owners"]
    suffix = re.compile(
        "(?:" + "|".join(re.escape(s) for s in sorted(o["suffixes"], key=len, reverse=True)) + ")$"
    )
    veto = re.compile("|".join(re.escape(v) for v in sorted(o["vetoes"], key=len, reverse=True)))
    groups = re.compile("(?:" + "|".join(o["groups"]) + ")")
    ending = re.compile(
        "(?:"
        + "|".join(re.escape(v) for v in sorted(o["not_endings"], key=len, reverse=True))
        + ")$"
    )
    return suffix, veto, groups, tuple(o["not_places"]), ending
