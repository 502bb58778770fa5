"""Regexes that the regex engine can skip ahead in.

Python's regex engine finds a prefix of a pattern (a literal, a character class, or
alternatives that each open on a literal) and then skips ahead to where it can start.
A pattern that opens otherwise (on a group of words, a repeat, a look-around) is tried
at every position of the text, each of its alternatives in turn: on a sentence of
prose that is most of its cost.

`scanning(pattern)` compiles such a pattern behind a look-ahead for the characters
every match starts with, when they can be read from it: a position where none stands
then fails at once.  The look-ahead only refuses positions where the pattern could
not match, so the matches are the same.  A pattern the engine already finds a prefix
in, or whose first characters cannot be told (a negated class, a category such as
\\d, an optional start), is compiled as it is.

The look-ahead alone still makes the engine enter the pattern at every position (one
call of its matcher each): the class is also written into the compiled pattern's
information block, where the engine reads the set of characters a search skips ahead
to, as it does for a pattern that opens on a class (`with_start_set`).  A search then
passes over the other characters in a tight loop; a match at a given position
(`match`, `fullmatch`) does not read that block.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the parser of the re module (private), to read a pattern's first characters
    _p: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
    # and its compiler, to write the start set into a compiled pattern (with_start_set)
    _compiler: Any = importlib.import_module("re._compiler")
    _sre: Any = importlib.import_module("_sre")
except ImportError:  # pragma: no cover - another Python: patterns compile as written
    _p = _c = _compiler = _sre = None

# a class wider than this is no help to the look-ahead (and slow to write out)
_MAX_FIRST = 400


# the categories a class may hold (\d, \s, \w), written back as they were
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_NOT_WORD": r"\W",
}


def _starts(items: list, out: set[str]) -> bool | None:
    """Add to `out` what a match of `items` can start with (characters, escaped, and
    categories such as \\d).  True when every match consumes one of them first, False
    when a match may consume none (the items may match empty), None when they cannot
    be told."""
    for op, av in items:
        if op is _c.LITERAL:
            out.add(re.escape(chr(av)))
            return True
        if op is _c.IN:
            for o, a in av:
                if o is _c.LITERAL:
                    out.add(re.escape(chr(a)))
                elif o is _c.RANGE and a[1] - a[0] <= _MAX_FIRST:
                    out.update(re.escape(chr(k)) for k in range(a[0], a[1] + 1))
                elif o is _c.CATEGORY and str(a) in _CATEGORIES:
                    out.add(_CATEGORIES[str(a)])
                else:
                    return None  # a negated class, a wide range
            return True
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            found = _starts(list(sub), out)
            if found is None or found:
                return found
        elif op is _c.BRANCH:
            every = True
            for alternative in av[1]:
                found = _starts(list(alternative), out)
                if found is None:
                    return None
                every = every and found
            if every:
                return True
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            found = _starts(list(sub), out)
            if found is None:
                return None
            if found and low >= 1:
                return True
        elif op not in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            return None  # (a look-around or an anchor consumes nothing: read on)
    return False


def _engine_has_prefix(items: list) -> bool:
    """Whether the engine finds a prefix of its own (a literal, a class, or alternatives
    that all open on a literal): then it skips ahead already, faster than a look-ahead."""
    while items and items[0][0] is _c.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = list(items[0][1][3])
    if not items:
        return False
    op, av = items[0]
    if op in (_c.LITERAL, _c.IN) or (op is _c.AT and av is _c.AT_BEGINNING):
        return True  # (a pattern held to the start is tried there only)
    return op is _c.BRANCH and all(alt and alt[0][0] is _c.LITERAL for alt in av[1])


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """The characters every match of `pattern` starts with, as a class's body, or None
    when they cannot be told or the engine needs no look-ahead."""
    if _p is None or flags & re.IGNORECASE:
        return None
    try:
        items = list(_p.parse(pattern, flags))
    except Exception:  # pragma: no cover - the plain compile reports the error
        return None
    if _engine_has_prefix(items):
        return None
    out: set[str] = set()
    if _starts(items, out) is not True or not out or len(out) > _MAX_FIRST:
        return None
    return "".join(sorted(out))


def guarded(alternatives: list[str]) -> str:
    """The alternatives joined with |, each behind a look-ahead for its own first
    characters where they can be told: at a position where an alternative cannot
    start, the engine leaves it at once instead of entering its optional parts (a year
    that may open a date, 2025年上半年 or 上半年)."""
    out = []
    for alternative in alternatives:
        first: set[str] = set()
        known = _p is not None and _starts(list(_p.parse(alternative)), first) is True
        out.append(f"(?=[{''.join(sorted(first))}]){alternative}" if known else alternative)
    return "|".join(out)


def scanning(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, behind a look-ahead for its first characters when
    the engine would otherwise try it at every position (see the module's doc)."""
    first = first_characters(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    try:
        return with_start_set(f"(?=[{first}])(?:{pattern})", first, flags)
    except re.error:  # pragma: no cover - (a global flag such as (?s) must open a pattern)
        return re.compile(pattern, flags)


def with_start_set(pattern: str, first: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with the characters of the class `[first]` as the
    ones a search skips ahead to (the engine's own skip for a pattern that opens on a
    class).  `first` must hold every character a match of `pattern` can start with, and
    every match must consume one: at other positions the pattern is not tried at all.
    The pattern is compiled as re.compile does (same code), only the information block
    that opens it differs; where that cannot be done, it is compiled as written."""
    if _compiler is None or flags & re.IGNORECASE:
        return re.compile(pattern, flags)
    parsed = _p.parse(pattern, flags)
    start = _p.parse(f"[{first}]", flags)
    # a class of one character parses as a literal, which the engine would take for
    # the whole pattern's prefix; a pattern that may match empty has no start set
    if len(start.data) != 1 or start.data[0][0] is not _c.IN or parsed.getwidth()[0] == 0:
        return re.compile(pattern, flags)
    all_flags = parsed.state.flags | flags
    # the information block of a pattern that opens on the class, with this one's widths
    start.width = parsed.getwidth()
    code: list[int] = []
    _compiler._compile_info(code, start, all_flags)
    _compiler._compile(code, parsed.data, all_flags)
    code.append(_c.SUCCESS)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(
        pattern, all_flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    )
