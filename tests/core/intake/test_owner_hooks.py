"""Owners decided in extract.py and tables.py (issue 15, after the owner round of batches 19-26).

Invented texts: no real bureau, figure or sentence of the corpus.  Each rule has a
positive example and a negative one that looks alike but must not fire:

- a district the text is by, named bare in a sentence (青湖区将…), is written as the text
  first names it (江北市青湖区);
- a paragraph that ends in an owner marker cut before the name ((牵头单位:市) has an owner
  no reader can make out: none, as a heading's;
- a flattened table's continuation line (2026.8 | 某集团 | ||) adds its unit to the row
  above, and a row that lost its merged first cell (任务 | 10月底 | 某局 | |) keeps its own;
- a plan a newspaper learned from a bureau (记者从X获悉) is the bureau's, a goal the
  jurisdiction's progress is measured against (完成全年目标的55.6%) the jurisdiction's;
- a statistic that nothing near names goes to the place the text names as its
  jurisdiction when the whole word found for the text is of another level (全市 in a county's).
"""

from luoshi.core.intake import extract
from luoshi.core.intake.document import Doc
from luoshi.core.intake.owner_choice import _names_itself_otherwise
from luoshi.core.intake.repair import repair_lines
from luoshi.core.intake.tables import parse_tables


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


# ------------------------------------------------------- an owner marker cut at the end


_NOTICE_HEAD = "青湖市人民政府办公室关于分解落实2026年重点工作的通知\n"


def test_a_paragraph_ending_in_a_cut_owner_marker_has_no_owner():
    text = _NOTICE_HEAD + "3.新增城镇就业1.2万人,城镇调查失业率控制在5%以内。(牵头单位:市\n"
    assert _target_owners(text) == [None, None]


def test_a_paragraph_whose_marker_names_its_owner_keeps_it():
    text = _NOTICE_HEAD + "3.新增城镇就业1.2万人,城镇调查失业率控制在5%以内。(牵头单位:市人社局\n"
    assert _target_owners(text) == ["市人社局", "市人社局"]


# ------------------------------------------- a flattened table's rows and their units

_TABLE_HEAD = "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"


def _row_owners(body):
    text = "2026年青湖县民生实事进展表\n" + _TABLE_HEAD + body
    repaired, _index, lines = repair_lines(text)
    rows, _used = parse_tables(repaired, lines, 2026)
    return [r.owner for r in rows]


def test_a_continuation_line_adds_its_unit_to_the_row_above():
    body = "1.道路提升项目 | 对两条道路进行改造提升; | 11月 | 住建局 |\n2026.8 | 交投集团 | ||\n"
    assert _row_owners(body)[0] == "住建局、交投集团"


def test_a_row_that_lost_its_first_cell_keeps_its_own_unit():
    body = (
        "1.道路提升项目 | 对两条道路进行改造提升; | 11月 | 住建局 |\n"
        "在30所学校建设智慧食堂 | 10月底前 | 市场监管局 | |\n"
    )
    assert _row_owners(body) == ["住建局", "市场监管局"]


# ------------------------------------------------ a plan learned from a body (记者从X获悉)


def test_a_plan_learned_from_a_bureau_is_the_bureau_s():
    text = "10月9日,记者从青湖市发改委获悉,我市80个重点项目总投资1200亿元,年度计划投资300亿元。\n"
    assert _target_owners(text) == ["青湖市发改委"]


def test_a_goal_the_jurisdiction_s_progress_is_measured_against_is_the_jurisdiction_s():
    text = (
        "9月2日,记者从青湖省投资促进局获悉,今年1-8月,全省招商引资到位资金500亿元,"
        "同比增长12%,完成全年到位资金900亿元目标任务的55.6%。\n"
    )
    assert _target_owners(text) == ["全省"]


# ------------------------------------- a whole word of another level than the text's own


def _doc(region, jurisdiction):
    return Doc("", 2026, False, None, [], region, [], jurisdiction=jurisdiction)


def test_a_county_text_s_statistics_go_to_the_county_not_a_stray_whole_city():
    assert _names_itself_otherwise(_doc("全市", "青湖县"))
    assert _names_itself_otherwise(_doc("全国", "青湖省"))


def test_a_text_whose_whole_word_is_its_own_level_keeps_it():
    assert not _names_itself_otherwise(_doc("全市", "青湖市"))
    assert not _names_itself_otherwise(_doc("全县", "全县"))
