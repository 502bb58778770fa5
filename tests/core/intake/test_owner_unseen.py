"""Owners on unseen documents (issue 15, owner round of batches 19-26).

Invented texts: no real bureau, figure or sentence of the corpus.  Each rule has a
positive example and a negative one that looks alike but must not fire:

- a bare bracket listing units closes a paragraph of targets, possibly cut by the text;
- a 分工方案 prints a leader's line and a division line (部门分工:X牵头,…配合) below an item;
- a press conference's speaker may hold a non-leading post (二级巡视员), and a photo's
  credit may run into his name;
- a headline opens on a province's bare name (黑龙江加快…), or the title names a
  municipality bare (…提出今年上海主要预期目标): the place is written as the head writes it;
- a 兵团 division's text (全师) belongs to the division as printed (七师);
- an interview of a place's head (访青湖市委书记某某) speaks for that place.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.owners import label_line_owner, unit_list_close


def _target_owners(text, year=2026):
    out = []
    for it in extract(text, year=year).items:
        if it["kind"] != "target" or it["value"] is None:
            continue
        out.append("、".join([it["owner"] or "-", *(it.get("co_owners") or [])]))
    return out


# ---------------------------------------------------------------- a bare bracket of units


def test_a_bracket_of_units_closing_a_paragraph_owns_its_targets_up_to_the_cut():
    text = (
        "1.巩固恢复基础。地区生产总值增长6%。新增就业12万人左右。"
        "(市发展改革委、市财政局、市人社局、人民\n"
    )
    assert _target_owners(text) == ["市发展改革委、市财政局、市人社局"] * 2


def test_a_closed_bracket_of_two_units_owns_the_paragraph():
    tail = "城镇新增就业8000人。(市人社局、市财政局)"
    assert unit_list_close(tail) == "市人社局、市财政局"


def test_a_bracket_of_places_or_of_one_unit_is_no_unit_list():
    assert unit_list_close("新建学校3所。(青湖区、白沙区)") is None
    assert unit_list_close("新建学校3所。(市教育局)") is None
    # a bracket inside the sentence (not after its full stop) describes, it does not own
    assert unit_list_close("新建学校3所(市教育局、市财政局)") is None


# ---------------------------------------------------------------- a division line


def test_a_division_line_below_a_leaders_line_names_the_lead_unit():
    text = (
        "一、主要预期目标\n\n1.地区生产总值增长6%以上。\n\n分管市领导:某某某\n\n"
        "部门分工:市发展改革委牵头,各区、各部门配合。\n\n"
        "2.地方一般公共预算收入增长5%左右。\n\n分管市领导:某某某\n\n"
        "部门分工:市财政局牵头,各区、各部门配合。\n"
    )
    assert _target_owners(text) == ["市发展改革委", "市财政局"]


def test_a_leaders_line_alone_names_no_owner():
    text = "一、主要预期目标\n\n1.地区生产总值增长6%以上。\n\n分管市领导:某某某\n"
    par_start = text.index("1.")
    par_end = text.index("\n", par_start)
    assert label_line_owner(text, par_start, par_end) is None


# ---------------------------------------------------------------- a conference's speaker


def test_a_second_level_inspector_speaks_for_his_commission_past_a_photo_credit():
    text = (
        "青湖省重点项目有序推进\n"
        "记者从青湖省人民政府新闻办公室召开的发布会上获悉,今年计划完成投资900亿元。\n"
        "图为发布会现场。 某某某 摄青湖省发展和改革委员会二级巡视员某某在会上说,"
        "基础设施项目120项。\n"
    )
    assert set(_target_owners(text)) == {"青湖省发展和改革委员会"}


def test_a_press_conference_with_no_speaker_of_a_body_has_no_such_owner():
    text = (
        "青湖省重点项目有序推进\n"
        "记者从青湖省人民政府新闻办公室召开的发布会上获悉,今年计划完成投资900亿元。\n"
        "图为发布会现场。 某某某 摄\n"
    )
    assert "青湖省发展和改革委员会" not in _target_owners(text)


# ---------------------------------------------------------------- the head's place form


def test_a_headline_opening_on_a_bare_province_names_its_targets_by_the_province_in_full():
    # the corpus writes a province with its level word however the text prints it
    text = (
        "当前位置:首页 > 新闻\n\n"
        "    江西加快农田建设 产粮面积继续保持稳定    2026-01-26 09:00:00\n\n"
        "    记者从江西省第十四届人民代表大会第三次会议上了解到,今年将新建高标准农田300万亩。\n"
    )
    assert _target_owners(text) == ["江西省"]


def test_a_headline_naming_the_province_with_its_level_keeps_it():
    text = (
        "当前位置:首页 > 新闻\n\n"
        "    江西省加快农田建设 产粮面积继续保持稳定    2026-01-26 09:00:00\n\n"
        "    记者从江西省第十四届人民代表大会第三次会议上了解到,今年将新建高标准农田300万亩。\n"
    )
    assert _target_owners(text) == ["江西省"]


def test_a_title_naming_a_municipality_bare_makes_it_the_city_of_its_whole_city():
    text = "要闻\n\n市长作政府工作报告提出今年重庆主要预期目标\n\n全市生产总值增长6%左右。\n"
    assert _target_owners(text) == ["重庆"]


def test_a_municipality_the_text_writes_with_its_level_is_not_written_bare():
    text = (
        "要闻\n\n市长作政府工作报告提出今年重庆主要预期目标\n\n"
        "全市生产总值增长6%左右。重庆市将持续扩大内需。\n"
    )
    assert "重庆" not in _target_owners(text)


# ---------------------------------------------------------------- a 兵团 division


def test_a_division_that_speaks_of_itself_as_the_whole_owns_its_figures():
    text = (
        "据了解,九师攻坚克难,全师主要经济指标持续好转。"
        "全年确保实现生产总值80亿元,力争实现税收2亿元。\n"
    )
    assert set(_target_owners(text)) == {"九师"}


def test_a_teacher_is_no_division():
    text = "全师生共同努力,九名教师全年确保完成培训任务80人次。\n"
    assert "九师" not in _target_owners(text)


# ---------------------------------------------------------------- an interviewed head


def test_an_interviewed_party_secretary_speaks_for_his_city():
    text = (
        "推进绿色发展又好又快\n——访青湖市委书记某某某\n\n"
        "某某某说,今年全市生产总值增长7%左右,固定资产投资增长10%。\n"
    )
    assert set(_target_owners(text)) == {"青湖市"}


def test_a_region_the_interviewed_head_quotes_keeps_its_targets():
    text = (
        "——专访自治区人大代表、青湖县委书记某某某\n\n"
        "今年政府工作报告提到,今年宁夏经济增长预期目标6%以上。\n"
    )
    assert _target_owners(text)[0] == "宁夏"


# ---------------------------------------------------------------- district and league names


def test_a_district_named_new_town_is_a_place():
    text = (
        "11月3日,督查组对新城区就业目标任务完成情况进行督查,听取新城区工作汇报。"
        "截至10月底,新城区完成年目标任务8000人的95%。\n"
    )
    assert set(_target_owners(text)) == {"新城区"}


def test_a_new_town_built_by_a_city_is_no_district_of_the_text():
    text = "全市将加快建设新城区,今年新建道路20公里。\n"
    assert "新城区" not in _target_owners(text)


def test_a_league_named_in_the_headline_owns_the_targets_handed_to_it():
    text = (
        "首页 > 工作动态\n\n"
        "青湖盟2026年招商引资到位资金增速跃居全区第一2026年,青湖盟落实全盟企业家大会部署,"
        "紧盯自治区下达的“招商引资到位资金120亿元”的目标任务,盟旗两级联动。\n"
    )
    assert _target_owners(text) == ["青湖盟"]


def test_an_alliance_is_no_league():
    text = "首页 > 工作动态\n\n青湖产业联盟2026年成员大会召开,全盟成员单位力争实现产值120亿元。\n"
    assert "青湖产业联盟" not in _target_owners(text)


# ---------------------------------------------------------------- addressees of a notice


def test_a_governments_departments_named_by_role_own_the_duty_given_them():
    text = (
        "二、明确责任。各地各部门要建立责任机制。"
        "省政府各牵头部门要于1月底前完成10项任务的细化分解。\n"
    )
    assert _target_owners(text) == ["省政府各牵头部门"]


def test_the_government_itself_is_no_group_of_its_departments():
    from luoshi.core.intake.owners import is_group

    assert is_group("省政府各牵头部门")
    assert not is_group("省政府")


def test_the_places_and_departments_a_notice_requests_own_the_dated_duty():
    text = (
        "经市人民政府同意,现将工作任务进行责任分解,请各地、各部门“一把手”亲自抓,"
        "于2026年1月23日前将落实方案报市政府督查室。\n"
    )
    assert _target_owners(text) in ([], ["各地、各部门"])
    items = [it for it in extract(text, year=2026).items if it["kind"] == "target"]
    assert {"、".join([it["owner"], *(it.get("co_owners") or [])]) for it in items} == {
        "各地、各部门"
    }


def test_a_request_to_no_group_names_no_addressee():
    from luoshi.core.intake.owners import explicit_owner

    assert explicit_owner("现将工作任务进行分解,请认真贯彻执行,于1月23日前报送。") is None


# ---------------------------------------------------------------- a site's masthead, a bureau's meeting


def test_a_bureaus_work_meeting_gives_it_the_plan_not_the_sites_masthead():
    text = (
        "青湖路桥设计院有限责任公司\n电话:0000-1234567\n地址:青湖市白沙区北京东路1号\n"
        "本网讯 1月17日,2026年青湖公路建设管理局工作会议召开,安排今年工作。\n"
        "今年将续建、新开工国省干线公路300公里以上。\n"
    )
    assert _target_owners(text) == ["青湖公路建设管理局"]


def test_a_unit_line_that_heads_a_section_still_owns_it():
    text = "青湖公路建设管理局\n今年将新开工国省干线公路300公里以上。\n"
    assert _target_owners(text) == ["青湖公路建设管理局"]


def test_a_street_named_after_a_municipality_is_no_title_place():
    text = "地址:北京东路1号\n全市将新建道路20公里。\n"
    assert "北京" not in _target_owners(text)


def test_an_interview_of_a_bureaus_party_secretary_gives_the_bureau_its_plan():
    text = (
        "开创发展改革工作新局面\n\n——访地区发改委党组书记某某某\n\n"
        "记者:今年如何谋划?\n\n某某某:今年确保新建项目开工率在80%以上。\n"
    )
    assert _target_owners(text) == ["地区发改委"]


def test_a_bureau_named_without_its_head_is_no_interviewee():
    text = "开创发展改革工作新局面\n\n——访地区发改委项目现场\n\n今年确保新建项目开工率在80%以上。\n"
    assert "地区发改委" not in _target_owners(text)


def test_an_institution_named_after_the_province_opens_no_place_headline():
    text = (
        "当前位置:首页 > 新闻\n\n    江西农业大学召开工作会议    2026-01-26 09:00:00\n\n"
        "    记者从江西省第十四届人民代表大会第三次会议上了解到,今年将新建高标准农田300万亩。\n"
    )
    assert "江西" not in _target_owners(text)


def test_a_municipality_the_city_goes_to_is_not_the_city():
    text = "要闻\n\n我市赴重庆开展招商推介\n\n全市全年签约项目50个以上。\n"
    assert "重庆" not in _target_owners(text)
