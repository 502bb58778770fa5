"""Owners that generalize, round 5 (issue 15): document-level places and levels.

Invented texts.  A text that calls itself 全市/我市 and prints its city only bare, or
that never says what it is and names its county once with its level word, is read
with the gazetteer (owners.toml [places]): it tells a place from a word and says its
level.  A name printed once, or at the end of a route, is too weak to tell.
"""

import pytest

from luoshi.core.intake import extract
from luoshi.core.intake.owners import Place, gazetteer, printed_places, seat_of


def owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"]


def test_the_gazetteer_knows_cities_and_counties_by_their_stems():
    stems = {p.stem: p for places in gazetteer().values() for p in places}
    assert stems["慈溪"] == Place("慈溪市", "慈溪", "市", "宁波市")
    assert stems["大连"].level == "市" and stems["大连"].above == ""
    assert stems["平昌"].name == "平昌县"
    # an autonomous county is written by its place and 县, as the corpus writes it
    assert stems["都安"].name == "都安县"


@pytest.mark.parametrize(
    ("text", "bare", "leveled"),
    [
        ("打造具有余姚辨识度的现代农业,建设新余姚。", 2, 0),
        ("围绕平昌县产业发展战略,迎接平昌发展新格局。", 1, 1),
        # a route's end names a road, a paper names a newspaper: neither is the place
        ("加快衡阳至西渡高速建设,推进永州至衡阳航道。", 0, 0),
        ("据余姚日报报道。", 0, 0),
    ],
)
def test_printed_places_counts_bare_and_leveled_mentions(text, bare, leveled):
    counts = list(printed_places(text).values())
    assert (counts[0] if counts else [0, 0]) == [bare, leveled]


def test_a_stem_inside_a_province_name_is_no_place():
    assert not any(p.stem == "龙江" for p in printed_places("黑龙江省新建高标准农田。黑龙江"))


def test_seat_of_wants_one_place_printed_twice():
    assert seat_of(printed_places("建设新余姚,打造余姚样板。"), "市", False) == "余姚市"
    # printed once (大沙河 holds 沙河): a word as likely as a place
    assert seat_of(printed_places("推进大沙河治理。"), "市", False) is None
    # two cities printed twice each: no one place
    assert seat_of(printed_places("在余姚和慈溪两地,推进余姚与慈溪合作"), "市", False) is None


# owner.gazetteer_seat through the jurisdiction: a city's plan that says 我市 and
# prints its name only bare
def test_a_city_printed_only_bare_owns_its_plan():
    text = (
        "2026年我市农业工作的总体要求是:打造具有余姚辨识度的现代农业,建设新余姚。"
        "全年力争实现农业总产值增长3%以上。"
    )
    assert owners(text) == ["余姚市"]


def test_a_city_printed_once_or_at_a_routes_end_leaves_the_whole_word():
    once = "2026年我市农业工作的总体要求是:推进大沙河治理。全年力争实现农业总产值增长3%以上。"
    assert owners(once) == ["全市"]
    route = (
        "2026年全市交通工作要点:加快衡阳至西渡高速建设,推进永州至衡阳航道工程。"
        "全年完成交通投资30亿元。"
    )
    assert owners(route) == ["全市"]


def test_a_text_that_never_calls_itself_takes_the_county_it_names_with_its_level():
    text = (
        "2011年招商引资工作总结\n今年,我们围绕平昌县“2+2”产业发展战略,"
        "力争全年完成引资4亿元,迎接平昌发展新格局。"
    )
    assert owners(text) == ["平昌县"]
    bare = text.replace("平昌县", "平昌")
    assert owners(bare) == [None]


# document._self_level: of levels a text names as often, the lowest is its own
def test_a_township_plan_that_cites_its_superiors_as_often_speaks_for_the_township():
    text = (
        "镇2026年度工作计划\n全面落实全省经济工作会议精神及县委工作要求,推动全镇高质量发展。"
        "2026年主要预期目标是:地区生产总值增长7%。"
    )
    assert owners(text) == ["全镇"]


def test_a_level_named_more_often_stays_the_texts_own():
    text = (
        "2026年全省交通工作要点\n全省上下贯彻落实交通工作会议精神,支持全市交通建设。"
        "2026年全省完成交通投资900亿元。"
    )
    assert owners(text) == ["全省"]


def test_a_meeting_the_news_reports_still_leaves_a_sector_plan_to_its_unnamed_bureau():
    # the township plan above cites 会议精神, which no longer makes it a meeting's news
    text = "2026年全区农业农村工作会议召开\n会议要求,全年新建高标准农田2万亩。"
    assert owners(text) == [None]


# owners.role_labels: a table's column labels end like units but name a role
@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("牵头单位", False),
        ("配合单位", False),
        ("牵头单位、配合单位", False),
        ("责任部门", False),
        ("各牵头单位", True),  # a group the notice addresses
        ("区发展改革委", True),
    ],
)
def test_a_column_label_is_no_organisation(name, owner):
    from luoshi.core.intake.owners import is_organisation

    assert is_organisation(name) is owner


# owners._carried_out: a body whose instructions the clause carries out is a superior
def test_a_superior_whose_instructions_are_carried_out_presents_nothing():
    from luoshi.core.intake.owners import reporters

    cited = "会议深入贯彻党中央国务院、省委省政府部署要求,安排近期重点工作。"
    assert reporters(cited) == []
    presents = "市交通运输局召开会议,安排近期重点工作。"
    assert reporters(presents) == [(0, "市交通运输局")]


# document._INTERVIEW_HEAD: the head of a body's department is interviewed for the body
def test_a_department_head_interviewed_speaks_for_his_ministry():
    text = (
        "2026年保障房建设目标\n12月30日,住房城乡建设部住房保障司司长某某和副司长某某某"
        "接受政府网专访。\n某某说,明年保障性住房新开工要超过500万套。"
    )
    assert owners(text) == ["住房城乡建设部"]
    # a head named without his body: nobody's plan to read
    anon = text.replace("住房城乡建设部住房保障司", "")
    assert owners(anon) != ["住房城乡建设部"]


# document._superior_mention: levels named above the text (落实省委、省政府决策部署,
# 高于全省平均, 为全省大局作贡献) are not its own; a government's work text then takes
# the one place it prints, bare or not
def test_a_city_work_text_that_names_only_its_superiors_levels_is_the_citys():
    text = (
        "2026年工作总体要求和目标任务\n2026年政府工作的总体要求是:认真落实省委、省政府和市委决策部署,"
        "以余姚的“稳”为全省大局作出更大贡献,建设新余姚。主要预期目标是:地区生产总值增长6%左右,"
        "主要指标增幅高于全省平均水平。"
    )
    assert owners(text)[0] == "余姚市"


def test_a_text_that_is_no_government_work_text_needs_the_level_word():
    text = (
        "2026年招商工作思路\n认真落实省委、省政府决策部署,以余姚的产业为依托,建设新余姚。"
        "力争全年引进项目20个。"
    )
    assert owners(text) != ["余姚市"]


# repair._HAN_SPACE_RE: a single space between Chinese characters is line-wrap damage,
# except between two units' names in one cell, which it separates
@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("| 县教体局 各相关乡镇政府 |", "| 县教体局 各相关乡镇政府 |"),
        ("| 市发改委 市财政局 |", "| 市发改委 市财政局 |"),
        ("工作机 制", "工作机制"),
        ("推进 各项工作", "推进各项工作"),
        ("市发改 委", "市发改委"),
    ],
)
def test_a_space_between_two_units_is_kept(raw, repaired):
    from luoshi.core.intake.repair import repair

    assert repair(raw)[0] == repaired


# owners.seat_of: a name after a mark counts twice; a city beats a place under it; of
# places apart, the one printed most
def test_a_city_named_once_in_a_list_of_levels_with_a_place_under_it():
    text = (
        "2026年全市住房城乡建设工作要点\n贯彻落实关于东北、辽宁、大连振兴发展的重要指示,"
        "在金普、庄河农房改造试点中推广经验。全年计划改造老旧小区120个。"
    )
    assert owners(text) == ["大连市"]


def test_seat_of_takes_the_place_printed_most_and_no_tie():
    most = printed_places("推进吉水二中和东山中央城建设,完善吉水新城和东山新城,打造新吉水")
    assert seat_of(most, "县", False) == "吉水县"
    tie = printed_places("推进吉水二中和东山中央城建设,完善吉水新城和东山新城")
    assert seat_of(tie, "县", False) is None


# document._title_level: a title that opens with a level, its name masked, says what the
# text is when no sentence does
def test_a_masked_township_plan_is_the_townships():
    assert owners("XX镇2026年工作计划\n全年完成固定资产投资5亿元。") == ["全镇"]
    assert owners("青山镇2026年工作计划\n全年完成固定资产投资5亿元。") == ["青山镇"]


def test_a_title_that_opens_with_no_level_says_nothing():
    assert owners("2026年工作计划\n全年完成固定资产投资5亿元。") == [None]


# owners._INSPECTION: the units that lead an inspection (督查通报's opening) own nothing
def test_the_units_leading_an_inspection_do_not_own_the_plan_inspected():
    from luoshi.core.intake.owners import explicit_owner

    inspect = "由县委办、县政府办牵头,抽调18人组成六个督查组,对安排的56个重点项目进行督查"
    assert explicit_owner(inspect) is None
    lead = "由县委办、县政府办牵头,全年新开工重点项目56个"
    assert explicit_owner(lead) == "县委办、县政府办"


# owners._LISTED_GROUP: a clause that opens with a list of zones or units and their quota
def test_a_listed_group_of_zones_owns_its_quota():
    text = "今年要抓好项目建设,每个县(市、区)至少落地5个亿元以上产业项目,经开区、工业园区至少3个。"
    assert owners(text) == ["县(市、区)", "经开区、工业园区"]


def test_a_list_of_things_is_no_group():
    from luoshi.core.intake.owners import each_group_owner

    text = "老旧小区、棚户区至少改造3个"
    assert each_group_owner(text, 0, text.index("3")) is None
    units = "市发改委、市财政局至少争取3个项目"
    assert each_group_owner(units, 0, units.index("3")) == "市发改委、市财政局"


# document._LEVEL_ADJ: a level named before its key projects (州重点建设项目) is the
# jurisdiction of a text that names no place and no 全州
def test_a_level_before_its_key_projects_names_the_jurisdiction():
    text = "2021年重点建设项目简讯\n今年安排316个州重点建设项目,年度计划投资600亿元。"
    assert owners(text) == ["全州", "全州"]
    assert owners(text.replace("州重点", "重点")) == [None, None]


# owners.known_tail: a place cut out of a sentence with a character too many in front
@pytest.mark.parametrize(
    ("name", "level", "place"),
    [
        ("话余姚", "市", "余姚"),
        ("余姚", "市", "余姚"),
        ("青湖", "区", "青湖"),
        ("访青湖", "区", "访青湖"),
    ],
)
def test_known_tail_cuts_a_name_to_the_place_the_gazetteer_knows(name, level, place):
    from luoshi.core.intake.owners import known_tail

    assert known_tail(name, level) == place


# document._INTERVIEW_HEAD and _INTERVIEW_HINT: the forms of an interview of a bureau's head
@pytest.mark.parametrize(
    "head",
    [
        "——访余姚市交通运输局党委书记、局长某某",
        "对话余姚市交通运输局局长某某",
        "余姚市交通运输局局长某某做客《民生热线》",
        "专访余姚市交通运输局局长某某",
    ],
)
def test_a_bureau_heads_interview_is_the_bureaus(head):
    assert owners(head + "\n今年全市计划完成交通投资30亿元。") == ["余姚市交通运输局"]


def test_an_interview_of_nobodys_head_leaves_the_jurisdiction():
    assert owners("——访老党员某某\n今年全市计划完成交通投资30亿元。") == ["全市"]


# owners.toml groups, round 5: the counties with their levels in a bracket as one group,
# and the units directly under a level
@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("各县(市、区)全年引进亿元以上项目不少于10个。", "各县(市、区)"),
        ("市直各部门要完成引进项目2个以上。", "市直各部门"),
        ("各县要完成引进项目2个以上。", "各县"),
    ],
)
def test_a_named_group_is_the_subject_as_printed(sentence, owner):
    assert owners("2026年招商引资目标任务\n" + sentence) == [owner]


def test_a_bracket_of_no_levels_makes_no_group():
    from luoshi.core.intake.owners import is_group

    assert not is_group("各县(含开发区)")
    assert is_group("各县(市)区")
