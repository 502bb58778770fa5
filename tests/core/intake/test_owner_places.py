"""Place names the document model reads, and their cut tails (issue 15, owner round).

Invented places: 安和远平市 holds 和, a character that often introduces a place
(在…, 和…), so a reader that starts a name after it cuts 远平市 out of the name.
"""

from luoshi.core.intake.document import doc_context
from luoshi.core.intake.repair import repair_lines


def _doc(text):
    repaired, _index, lines = repair_lines(text)
    return doc_context(repaired, lines, 2026)


def test_the_tail_of_a_name_cut_after_a_function_character_is_no_place():
    text = (
        "安和远平市新建学校20所\n"
        "记者从安和远平市人民政府新闻发布会上了解到,安和远平市教育局将新建学校20所。"
        "今年我市还将改造操场30个,安和远平市各区同步推进。\n"
    )
    doc = _doc(text)
    assert "远平市" not in doc.places
    assert doc.city != "远平市"
    assert doc.owner != "远平市"


def test_a_place_named_after_and_elsewhere_too_is_kept():
    text = (
        "青禾县今年新建学校20所。县教育局和青禾县各乡镇同步推进,"
        "青禾县财政安排资金3亿元,青禾县将改造操场30个。\n"
    )
    doc = _doc(text)
    assert "青禾县" in doc.places
    assert doc.county == "青禾县"


def test_a_city_named_only_in_its_dailys_name_is_written_whole():
    text = (
        "第01版:青禾日报\n今年全市至少要建成 80家社区食堂\n"
        "记者从市民政局获悉,今年全市至少要建成80家社区食堂。\n"
    )
    assert _doc(text).city is None
    text += "青禾市民政局将加强督导。\n"
    assert _doc(text).city == "青禾市"


def test_a_municipality_printed_short_is_written_as_the_text_calls_it():
    text = (
        "2026年远江重大工程计划排定\n远江市召开会议,部署全市重大工程。远江市今年安排项目120项。\n"
    )
    doc = _doc(text)
    assert doc.city == "远江市"
    assert doc.resolve_region("远江") == "远江市"
    assert doc.resolve_region("全市") == "远江市"


def test_a_name_that_opens_with_a_time_word_is_no_organisation():
    from luoshi.core.intake.owners import is_organisation

    assert not is_organisation("上半年政府")
    assert not is_organisation("今年市政府")
    assert is_organisation("市政府")
