"""Owners named by the sentence or the line around the item (issue 15, batch 9).

Every text is invented for the test; it imitates a layout that real notices
use (an owner sentence after a list of targets, groups of units as subjects, a
government issuing a plan for the whole city, national control targets).
"""

from luoshi.core.intake import extract


def _targets(text, year=2026):
    return [it for it in extract(text, year=year).items if it["kind"] == "target"]


def _owners(text, year=2026):
    return [it["owner"] for it in _targets(text, year)]


def test_an_owner_line_after_a_list_owns_every_target_of_the_list():
    text = (
        "一、今年的主要目标\n"
        "生产总值增长7%;地方财政收入增长6%;城镇登记失业率控制在4%以内。\n"
        "由市各相关部门,各县(市)、区人民政府负责落实。\n"
        "二、民生实事\n"
    )
    items = _targets(text)
    assert [it["value"] for it in items] == [7.0, 6.0, 4.0]
    assert {it["owner"] for it in items} == {"市各相关部门、各县(市)、区人民政府"}
    assert {it["why"]["owner"] for it in items} == {"owner.following_line"}


def test_an_owner_sentence_closing_a_paragraph_owns_the_items_before_it():
    text = "(二)新建农村公路80公里,确保养护资金高于上年。由市交通局、市财政局负责落实。\n"
    items = _targets(text)
    assert [it["target_kind"] for it in items] == ["cumulative", "floor"]
    assert all(it["owner"] == "市交通局" and it["co_owners"] == ["市财政局"] for it in items)


def test_a_line_that_only_mentions_responsibility_owns_nothing():
    text = "全年新建公园5个。\n各地要压实责任,确保落实。\n"
    assert _owners(text) != ["各地"]
    assert all(it["why"]["owner"] != "owner.following_line" for it in _targets(text))


def test_groups_of_units_opening_their_sentences_own_their_figures():
    text = (
        "①甲组单位要完成合同资金1500万元,实际进资800万元;引进企业2户。\n"
        "②乙组单位要完成合同资金1000万元,实际进资500万元;引进企业1户。\n"
    )
    owners = _owners(text)
    assert owners == ["甲组单位"] * 3 + ["乙组单位"] * 3


def test_a_named_group_inside_a_longer_opening_is_the_owner():
    text = "今年各部门招商任务如下。考核二类部门要签约项目20项,引进资金3亿元。\n"
    assert _owners(text) == ["二类部门", "二类部门"]


def test_units_joined_by_a_pause_mark_open_a_sentence_together():
    text = "2026年,市商务局、市投促中心要引进外资各2亿美元。\n"
    assert _owners(text) == ["市商务局、市投促中心"]


def test_a_verb_phrase_ending_in_a_suffix_is_not_a_subject():
    text = "临川市人民政府关于印发计划的通知\n全年举办促消费活动120场以上,扎实办好民生实事。\n"
    assert all(it["why"]["owner"] != "owner.subject" for it in _targets(text))


def test_a_government_issuing_a_plan_for_the_whole_city_gives_it_to_the_city():
    text = (
        "临川市人民政府办公室关于印发临川市数字基础设施三年行动方案的通知\n"
        "一、主要目标\n"
        "到2027年,全市新建5G基站3000个以上,新建创新平台20个以上。\n"
    )
    items = _targets(text)
    assert [it["owner"] for it in items] == ["临川市", "临川市"]
    assert {it["why"]["owner"] for it in items} == {"owner.jurisdiction"}


def test_a_government_issuing_a_plan_for_one_bureau_keeps_the_bureau():
    text = (
        "临川市人民政府办公室关于印发临川市数字基础设施三年行动方案的通知\n"
        "市工信局要新建5G基站3000个以上。\n"
    )
    assert _owners(text) == ["市工信局"]


def test_national_control_targets_belong_to_the_country():
    text = (
        "某部门负责人日前表示,2026年全国安全生产控制考核指标已经确定。主要指标包括:"
        "较大事故起数下降幅度不低于4%,重大事故起数实行零控制。\n"
    )
    assert _owners(text) == ["全国", "全国"]


def test_a_district_report_names_itself_only_in_a_set_phrase():
    text = (
        "二、2026年政府工作目标任务\n"
        "各位代表,奋力谱写中国式现代化青湖篇章。全区经济社会发展主要预期目标是:"
        "地区生产总值增长6%;社会消费品零售总额增长8%。\n"
    )
    assert _owners(text) == ["青湖区", "青湖区"]


def test_a_document_number_before_the_issuer_is_not_part_of_its_name():
    text = (
        "临政办发〔2026〕3号 临川市人民政府办公室关于印发招商任务的通知\n"
        "市商务局要引进外资1亿美元。\n"
    )
    items = _targets(text)
    assert [it["owner"] for it in items] == ["市商务局"]
    assert all("号" not in (it["owner"] or "") for it in items)


def test_the_date_in_a_metadata_table_dates_the_plan():
    text = (
        "发布机构: | 生成日期: | 2024-12-02 08:54:33 | |\n"
        "名 称: | 市人民政府办公室关于印发三年行动方案(2024—2026年)的通知 |\n"
        "一、主要目标\n"
        "2024年,全市新建5G基站2600个以上。\n"
    )
    (item,) = _targets(text, year=None)
    assert item["period"] == "2024"


def test_an_unnamed_city_plan_is_owned_by_the_city_as_it_calls_itself():
    text = "今年我市经济社会发展的主要目标:生产总值增长7%,城镇新增就业3万人。\n"
    assert _owners(text) == ["全市", "全市"]


def test_the_province_the_text_is_about_names_its_whole():
    text = "辽宁省政府印发工作方案。方案提出,今年全省建设5G基站2万个以上。\n"
    assert _owners(text) == ["辽宁省"]


def test_a_bureau_head_who_speaks_is_not_the_subject_of_his_sentence():
    text = "某局局长某某日前表示,今年要新建公园5个。\n"
    assert all(it["why"]["owner"] != "owner.subject" for it in _targets(text))


def test_a_task_table_printed_one_cell_a_line_gives_each_item_its_unit():
    text = (
        "临川市人民政府办公室关于印发重点工作责任分解的通知\n\n序号\n\n主要工作任务\n\n责任单位\n\n"
        "1\n\n生产总值增长6%左右。\n\n发改局\n\n2\n\n一般公共预算收入增长5%。\n\n财政局\n\n"
    )
    assert _owners(text) == ["发改局", "财政局"]


def test_the_year_line_of_a_report_names_its_city_and_slogans_do_not():
    text = (
        "政府工作报告提出:2026年青湖经济社会发展预期目标\n"
        "代市长某某在政府工作报告中提出,坚持依港立市、工业强市、开放活市。"
        "全市地区生产总值增长7%,财政总收入增长8%。\n"
    )
    assert set(_owners(text)) == {"青湖市"}


def test_the_district_whose_head_presents_the_report_owns_it_even_under_its_city():
    text = (
        "青海市湟中区第二届人民代表大会第四次会议开幕。区长某某代表湟中区人民政府向大会作政府工作报告。\n"
        "2026年湟中区经济发展的主要预期目标是:地区生产总值增长6%左右,粮食总产量保持在10万吨以上。\n"
    )
    assert set(_owners(text)) == {"湟中区"}


def test_an_autonomous_region_is_what_its_whole_word_means():
    text = (
        "今年广西重大项目建设有序推进。\n"
        "1-5月全区重大项目完成投资2062亿元,完成年度计划的35.85%。今年全区要新开工项目150个。\n"
    )
    assert _owners(text) == ["广西"]
    stats = [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "statistic"]
    assert set(stats) == {"广西"}


def test_a_count_of_counties_is_not_a_county():
    text = "今年要实施桂西五县基础设施建设,新建道路100公里。\n"
    assert "桂西五县" not in _owners(text)
