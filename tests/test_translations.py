"""The Chinese catalogue translates every message, and none by a guess.

makemessages marks a new message "fuzzy" when it resembles an old one and
copies the old translation; compilemessages leaves fuzzy entries out, so the
page shows English in Chinese (the cockpit export's "Share on track or done"
did so for a round). An empty translation does the same.
"""

from pathlib import Path

import pytest

CATALOGUE = Path(__file__).resolve().parent.parent / "luoshi/locale/zh_Hans/LC_MESSAGES/django.po"


def entries(text: str) -> list[str]:
    """The catalogue's entries, the header (msgid "") left out."""
    blocks = [block for block in text.split("\n\n") if "\nmsgid " in f"\n{block}"]
    return [block for block in blocks if 'msgid ""\nmsgstr ""\n"Project-Id' not in block]


def msgstrs(block: str) -> str:
    """Every translation string of an entry joined (msgstr or msgstr[n], continued lines)."""
    out, inside = [], False
    for line in block.splitlines():
        if line.startswith("msgstr"):
            inside = True
            out.append(line.split(" ", 1)[1].strip('"'))
        elif inside and line.startswith('"'):
            out.append(line.strip('"'))
        elif not line.startswith('"'):
            inside = False
    return "".join(out)


@pytest.fixture(scope="module")
def catalogue() -> list[str]:
    return entries(CATALOGUE.read_text("utf-8"))


def test_no_chinese_translation_is_a_guess(catalogue):
    fuzzy = [block.splitlines()[-2] for block in catalogue if "#, fuzzy" in block]
    assert fuzzy == []


def test_every_message_has_a_chinese_translation(catalogue):
    assert len(catalogue) > 500  # the reader found the entries
    empty = [block for block in catalogue if not msgstrs(block)]
    assert empty == []


def test_the_reader_sees_a_guess_and_a_gap():
    sample = (
        'msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n\n'
        '#, fuzzy\nmsgid "a"\nmsgstr "甲"\n\n'
        'msgid "b"\nmsgstr ""\n\n'
        'msgid "c"\nmsgid_plural "cs"\nmsgstr[0] ""\n"丙"\n'
    )
    found = entries(sample)
    assert len(found) == 3
    assert ["#, fuzzy" in block for block in found] == [True, False, False]
    assert [msgstrs(block) for block in found] == ["甲", "", "丙"]
