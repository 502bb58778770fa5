"""Owners decided in extract.py and tables.py (issue 15, after the owner round of batches 19-26).

Invented texts: no real bureau, figure or sentence of the corpus.  Each rule has a
positive example and a negative one that looks alike but must not fire:

- a district the text is by, named bare in a sentence (青湖区将…), is written as the text
  first names it (江北市青湖区).
"""

from luoshi.core.intake import extract


def _target_owners(text, year=2026):
    return [
        it["owner"]
        for it in extract(text, year=year).items
        if it["kind"] == "target" and it["value"] is not None
    ]


# ------------------------------------------------- a district named bare, as first named


def test_a_district_named_bare_is_written_as_the_text_first_names_it():
    text = (
        "1月5日至8日,江北市青湖区二届人大三次会议胜利召开。青湖区“两会”确定了工作基调。\n"
        "2026年,青湖区将重点做好六个方面工作。\n"
        "青湖区确保固定资产投资达到80亿元以上。\n"
    )
    assert _target_owners(text) == ["江北市青湖区"]


def test_another_district_named_bare_keeps_its_own_name():
    text = (
        "1月5日至8日,江北市青湖区二届人大三次会议胜利召开。青湖区“两会”确定了工作基调。\n"
        "2026年,青湖区将重点做好六个方面工作。\n"
        "南岭区确保固定资产投资达到80亿元以上。\n"
    )
    assert "江北市青湖区" not in _target_owners(text)
