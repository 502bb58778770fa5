"""Document-level owners in the form the corpus writes them (issue 15, owner round).

Invented texts (no real official, figure or document); real names only where the
phenomenon is the form of a real name (an autonomous region, a province).
The rule is in tests/intake_corpus/README.md: a government found at the document
level is written as its place, an autonomous region as the text first prints it;
a body whose head presents the plan, is interviewed or is quoted owns the plan.
"""

import pytest

from luoshi.core.intake import extract
from luoshi.core.intake.owners import government_place, is_organisation


def _owners(text, year=2026):
    return [it["owner"] for it in extract(text, year=year).items if it["kind"] == "target"]


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("临河县人民政府", "临河县"),
        ("辽宁省政府", "辽宁省"),
        ("盘石市人民政府办公室", "盘石市"),
        ("上海市青浦区人民政府", "上海市青浦区"),
        ("区人民政府", "区"),
        ("各相关乡镇政府", None),
        ("各区县政府", None),
        ("县教体局、各相关乡镇政府", None),
        ("市交通运输局", None),
    ],
)
def test_the_place_of_a_government(name, place):
    assert government_place(name) == place


def test_a_county_governments_notice_gives_its_plan_to_the_county():
    text = "临河县人民政府关于印发2026年国民经济和社会发展计划的通知\n地区生产总值增长7%以上。\n"
    assert _owners(text) == ["临河县"]


def test_a_government_signing_at_the_head_of_its_plan_is_written_as_its_place():
    text = "临河县人民政府\n临河县2026年国民经济和社会发展计划\n地区生产总值增长7%以上。\n"
    assert _owners(text) == ["临河县"]


def test_an_autonomous_region_keeps_the_form_the_text_opens_with():
    full = (
        "新华社南宁3月17日电 广西壮族自治区把今年定为项目建设年。\n"
        "广西项目建设目标为,新开工项目2191个,总投资1500亿元。\n"
    )
    assert _owners(full) == ["广西壮族自治区", "广西壮族自治区"]
    short = (
        "新华社南宁3月17日电 广西把今年定为项目建设年。\n广西项目建设目标为,新开工项目2191个。\n"
    )
    assert _owners(short) == ["广西"]


def test_the_regions_chairman_giving_the_report_gives_it_to_the_region():
    text = (
        "内蒙古自治区人民政府主席某某作政府工作报告。\n今年主要预期目标:地区生产总值增长6%左右。\n"
    )
    assert _owners(text) == ["内蒙古自治区"]


def test_a_bureau_head_presenting_the_plan_at_a_press_conference():
    text = "在昨天召开的新闻发布会上,市住建局局长某某介绍,今年全市计划改造老旧小区120个。\n"
    assert _owners(text) == ["市住建局"]
    # without the head, the city speaks for itself
    assert _owners("今年全市计划改造老旧小区120个。\n") != ["市住建局"]


def test_the_bureau_whose_head_is_interviewed():
    text = (
        "本报讯 近日,临川市交通运输局党组书记、局长某某接受记者专访。\n"
        "某某说,今年将新改建农村公路300公里。\n"
    )
    assert _owners(text) == ["临川市交通运输局"]


def test_a_quotation_belongs_to_the_body_of_the_speaker_named_after_it():
    text = (
        "在青石市某产业园项目现场,塔吊林立。“青石市年度计划投资487亿元,"
        "确定254个重大项目。”青石市发展改革委负责人某某表示,全市将大抓项目。\n"
    )
    assert set(_owners(text)) == {"青石市发展改革委"}


def test_a_city_that_opens_its_sentence_owns_it_in_a_round_up_of_several_cities():
    text = (
        "临川市发展改革委主任某某介绍,临川市年度计划投资1121亿元。\n"
        "在青石市,项目现场塔吊林立。“今年青石市固定资产投资全年要完成575亿元,增速要达到7%以上。”\n"
    )
    assert _owners(text) == ["临川市发展改革委", "青石市", "青石市"]


def test_a_national_paper_names_no_city():
    assert not is_organisation("人民市")
    text = "来源:人民日报\n住房城乡建设部数据显示,今年全国计划新开工改造城镇老旧小区2.5万个。\n"
    assert _owners(text) == ["住房城乡建设部"]


def test_a_later_target_of_the_paragraph_continues_its_owner():
    text = (
        "新华社南宁3月17日电 广西壮族自治区把今年定为项目建设年。\n"
        "广西项目建设目标为,新开工项目2191个。其中续建项目1999个,总投资5594亿元。\n"
    )
    assert set(_owners(text)) == {"广西壮族自治区"}


def test_an_unnamed_jurisdiction_is_written_as_the_text_calls_itself():
    text = "■ 科技产业类安排正式项目62项,重点围绕本市重大战略。\n■ 去年完成投资2200亿元。\n"
    assert _owners(text) == ["全市"]
    county = "县政府督查室关于第三季度重点工作的通报\n“全年实现各类融资21亿元”,年底前能够完成。\n"
    assert _owners(county) == ["全县"]


def test_the_body_a_reporter_learns_from_owns_a_national_plan_not_a_provinces_figures():
    ministry = (
        "本报北京1月28日电 记者今天从住房城乡建设部获悉,今年全国计划新开工改造"
        "城镇老旧小区2.5万个。\n"
    )
    assert _owners(ministry) == ["住房城乡建设部"]
    province = (
        "记者从江西省经济合作服务局获悉,今年1-8月,全省到位资金4766亿元,"
        "完成全年到位资金7000亿元目标任务的68.09%。\n"
    )
    assert _owners(province) == ["江西省"]


def test_a_phrase_ending_in_a_place_word_is_no_subject():
    text = "临川县发展和改革局关于重点项目进度的通报\n2025年共安排县新续建重点项目57个。\n"
    assert _owners(text) == ["临川县发展和改革局"]


def test_a_heading_that_names_the_lead_unit_owns_the_items_below_it():
    text = (
        "沁水县人民政府办公室关于印发2026年重点任务清单的通知\n"
        "一、县示范区管委会牵头工作(8项)\n1.建设3个劳动密集型产业园。\n"
        "2.投资3000万元建设养殖基地。\n二、县工信局牵头工作(5项)\n1.新增规上企业10家。\n"
    )
    assert _owners(text) == ["县示范区管委会", "县示范区管委会", "县工信局"]


def test_a_distributive_list_over_named_groups_gives_each_group_its_figure():
    text = (
        "2026年招商引资目标任务\n一组单位、二组单位、三组单位引进工业项目实际进资"
        "分别为700万元、500万元、400万元。\n"
    )
    assert _owners(text) == ["一组单位", "二组单位", "三组单位"]


def test_a_table_printed_without_its_outer_pipes_reads_its_unit_column_and_skips_weights():
    text = (
        "2026年度目标考核表\n序号 | 指标 | 分值 | 目标值 | 责任单位 |\n"
        "1 | 地区生产总值增长 | 10 | 6% | 市发改委 |\n2 | 新增规上企业 | 8 | 50家 | 市工信局 |\n"
    )
    items = [it for it in extract(text, year=2026).items if it["kind"] == "target"]
    assert [(it["value"], it["unit"], it["owner"]) for it in items] == [
        (6.0, "%", "市发改委"),
        (50.0, "家", "市工信局"),
    ]


def test_the_bureau_whose_head_gives_the_meetings_report_owns_its_goals():
    text = (
        "全市交通运输工作会议召开\n1月10日,全市交通运输工作会议召开。市交通运输局局长某某"
        "作工作报告。会议要求,2026年完成交通投资40亿元。\n"
    )
    assert _owners(text) == ["市交通运输局"]


@pytest.mark.parametrize(
    ("item", "owners"),
    [
        ("1.新建5G基站1200个以上。(牵头单位:市工信局;责任单位:各县区)", ["市工信局"]),
        ("1.新建5G基站1200个以上。责任单位:市工信局", ["市工信局"]),
        ("1.新建5G基站1200个以上。(市工信局牵头,各县区配合)", ["市工信局"]),
        ("1.新建5G基站1200个以上。【市工信局】", ["市工信局"]),
        (
            "1.新建5G基站1200个以上。责任单位:市工信局\n2.新增就业1万人。责任单位:市人社局",
            ["市工信局", "市人社局"],
        ),
        ("1.新建5G基站1200个以上(市工信局);新增就业1万人(市人社局)。", ["市工信局", "市人社局"]),
    ],
)
def test_the_owner_markers_of_a_breakdown_notice(item, owners):
    assert _owners("2026年重点工作任务分工\n" + item + "\n") == owners


@pytest.mark.parametrize(
    "table",
    [
        "| 单位 | 到位资金(亿元) | 签约项目(个) |\n| --- | --- | --- |\n"
        "| 青湖区 | 50 | 20 |\n| 江北区 | 40 | 15 |\n",
        "单位 |\n到位资金(亿元) |\n签约项目(个) |\n青湖区 |\n50 |\n20 |\n江北区 |\n40 |\n15 |\n",
    ],
)
def test_a_breakdown_table_by_unit_gives_each_row_its_figures_in_the_headers_units(table):
    items = extract("临川市2026年招商引资目标任务分解表\n" + table, year=2026).items
    assert [(it["kind"], it["value"], it["unit"], it["owner"]) for it in items] == [
        ("target", 5e9, "元", "青湖区"),
        ("target", 20.0, "个", "青湖区"),
        ("target", 4e9, "元", "江北区"),
        ("target", 15.0, "个", "江北区"),
    ]


def test_a_place_opening_its_clause_is_the_member_of_the_group_it_names():
    text = "各县区2026年招商引资任务:青湖区到位资金50亿元,江北区到位资金40亿元。\n"
    assert _owners(text) == ["青湖区", "江北区"]


def test_the_answer_of_a_bureau_head_labelled_by_his_post_is_his_bureaus():
    text = (
        "记者:今年发改工作有哪些目标?\n"
        "市发改委主任某某:今年我们计划实施重点项目120个,完成投资300亿元。\n"
    )
    assert _owners(text) == ["市发改委", "市发改委"]


def test_a_township_report_that_names_its_township_once_gives_it_its_targets():
    text = (
        "2026年是青石乡迈向高质量发展的攻坚之年。\n"
        "全乡确保粮食播种面积2.5万亩以上,种植油菜1200亩。\n"
    )
    assert _owners(text) == ["青石乡", "青石乡"]
