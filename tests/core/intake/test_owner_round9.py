"""Owners on unseen documents, round 9 (issue 15).

Invented texts, one positive and one negative example per rule.  The places are real
names of the gazetteer (owners.toml [places]), which the rules look up.
"""

from luoshi.core.intake import extract


def owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"]


def test_a_province_that_calls_itself_by_its_government_fills_in_its_own_name():
    # no 全省 nor 我省: the text names its level by 省委、省政府 only, and the province
    text = (
        "2月10日,浙江省委、省政府召开重大项目推进大会。\n"
        "2026年省级层面重点推进项目1200个,计划年度完成投资3000亿元。\n"
    )
    assert owners(text) == ["浙江省", "浙江省"]
    # a city's text (市委、市政府) that names the province in passing keeps its own level
    city = text.replace("浙江省委、省政府", "浙江省衢州市委、市政府").replace(
        "省级层面", "市级层面"
    )
    assert "浙江省" not in owners(city)


def test_a_province_printed_once_after_a_verb_is_the_province_the_text_speaks_for():
    # the plan of a province that prints its name once, after a verb (推动浙江…)
    text = "为推动浙江高质量发展,特制定本方案。\n到2027年,全省社会消费品零售总额年均增长8%以上。\n"
    assert owners(text) == ["浙江省"]
    # printed once inside a firm's name (华电浙江分公司): no place the text speaks for
    firm = text.replace("推动浙江高质量发展", "支持华电浙江分公司发展")
    assert owners(firm) == ["全省"]


def test_a_text_that_names_only_the_committee_it_carries_out_is_of_that_level():
    # a plan that names no place nor 全县/我县, only the committee whose plans it carries out
    text = (
        "2026年重点工作安排\n"
        "认真贯彻县委“三大战略”部署,着力抓好六个方面的重点工作。\n"
        "新增高新技术企业20家,技改投资增长10%以上。\n"
    )
    assert owners(text) == ["全县", "全县"]
    # a township's plan that calls itself 全镇 keeps its own level
    town = text.replace("着力抓好", "全镇着力抓好")
    assert "全县" not in owners(town)


def stat_owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "statistic"]


def test_a_province_printed_before_its_city_is_the_citys_address():
    from luoshi.core.intake.owners import places_spoken_of

    # 浙江省衢州市: one place, the city
    assert [r[2] for r in places_spoken_of("浙江省衢州市今年将新开工项目120个", ["衢州市"])] == [
        "衢州市"
    ]
    # a list of the two names two places
    listed = places_spoken_of("浙江省、衢州市分别新开工项目120个、30个", ["衢州市"])
    assert [r[2] for r in listed] == ["浙江", "衢州市"]


def test_a_place_that_names_a_paper_is_no_place_of_the_sentence():
    text = (
        "浙江日报讯(记者 某某)2月3日,记者从衢州市发展和改革工作会议上获悉:今年,衢州市"
        "全年谋划项目300个以上。\n"
    )
    assert owners(text) == ["衢州市"]
    # the province named as the subject of the sentence is its place
    subject = text.replace("浙江日报讯(记者 某某)", "")
    subject = subject.replace(
        "衢州市发展和改革工作会议上获悉:今年,衢州市", "省发展改革工作会议上获悉:今年,浙江"
    )
    assert owners(subject) == ["浙江省"]


def test_a_municipalitys_daily_names_the_city_the_text_prints_bare():
    text = (
        "全市招商工作开局良好\n"
        "4月8日,重庆日报记者从市招商投资局了解到,今年1-3月,全市实现合同引资4231亿元。\n"
        "今年1-3月,重庆招商引资到位资金619亿元,比上年同期增加237亿元,完成全年目标的19.4%,"
        "其中工业合同引资2238亿元。\n"
    )
    assert stat_owners(text)[0] == "重庆"
    # the city named only in the paper's name: 全市, the paper's place is not the sentence's
    paper_only = text.replace("重庆招商引资", "全市招商引资")
    assert stat_owners(paper_only)[0] == "全市"


def test_the_red_cross_and_the_charities_are_organisations():
    from luoshi.core.intake.owners import is_organisation

    assert is_organisation("县红十字会") and is_organisation("市慈善总会")
    # 会 alone ends no organisation's name (工作会, 推介会)
    assert not is_organisation("项目推介会")


_STACKED = (
    "2026年民生实事项目进度表\n\n  • 浏览次数:\n  • 来源:青湖县人民政府办公室\n  • 字体:[ ]\n\n序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n"
    "备注\n\n1\n\n新建公办幼儿园5所。\n\n80%(青湖幼儿园进度滞后)\n\n县教育局\n\n县民生实事\n\n"
    "2\n\n建设四好农村路55公里\n\n95%\n\n县交通局\n\n县民生实事\n\n"
    "3\n\n建成投用中心敬老院3家。\n\n57%(赤溪、灵溪偏慢\n\n县民政局\n\n县民生实事\n"
)


def test_the_labels_of_a_table_printed_one_cell_a_line_stay_apart():
    from luoshi.core.intake.repair import repair_lines

    text, _, _ = repair_lines(_STACKED)
    # the column labels stay apart, from each other and from the page's furniture before them
    assert "[ ]\n\n序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n备注\n" in text
    # a text cut at a page break is still joined
    cut, _, _ = repair_lines("今年全县将新建公办幼儿园5所,新增学位\n\n1000个,改造农村公路55公里。")
    assert "学位1000个" in cut


def owner_of(text: str, snippet: str) -> str | None:
    return next(it["owner"] for it in extract(text, year=2026).items if snippet in it["snippet"])


def test_a_progress_cell_stands_between_an_item_and_its_unit():
    # each item's unit is the one printed after its progress (80%(…), 95%)
    assert owner_of(_STACKED, "幼儿园5所") == "县教育局"
    assert owner_of(_STACKED, "55公里") == "县交通局"
    assert owner_of(_STACKED, "敬老院3家") == "县民政局"
    # a unit printed right after its item: the same
    plain = _STACKED.replace("80%(青湖幼儿园进度滞后)\n\n", "").replace("95%\n\n", "")
    assert owner_of(plain, "55公里") == "县交通局"


def test_a_cell_of_several_units_one_a_line_owns_its_item_together():
    text = (
        "序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n1\n\n新建中心幼儿园2所。\n\n县教科局\n\n"
        "县代建中心\n\n12月底前\n\n2\n\n完成棚户区改造2836户。\n\n县住建局\n\n12月底前\n"
    )
    assert owner_of(text, "幼儿园2所") == "县教科局、县代建中心"
    assert owner_of(text, "2836户") == "县住建局"


def test_a_zone_that_opens_the_headline_is_the_zone_its_text_calls_whole():
    text = (
        "临川高新区今年计划建设项目100个\n"
        "2月28日,临川高新区召开工作推进会议。2026年,全区地区生产总值增长8%左右。\n"
        "力争全年引进内资80亿元,新引进项目30个。\n"
    )
    assert set(owners(text)) == {"临川高新区"}
    # a zone the headline names further on (…成绩包括临川高新区) is not the text's own
    other = text.replace("临川高新区今年计划建设项目100个", "区招商引资成绩包括临川高新区")
    other = other.replace("2月28日,临川高新区召开", "2月28日,区政府召开")
    assert "临川高新区" not in owners(other)


def test_a_bureau_written_by_its_level_is_named_as_the_text_prints_it_in_full():
    text = (
        "全省交通工作会议召开,浙江省交通运输厅厅长作报告。\n"
        "报告指出,2026年省交通运输厅将新建公路100公里。\n"
    )
    assert owners(text) == ["浙江省交通运输厅"]


def test_a_bureau_written_by_its_level_stays_short_when_the_text_prints_two_full_names():
    text = (
        "近日,浙江省交通运输厅与江西省交通运输厅签署合作协议。\n"
        "会议提出,省交通运输厅今年将完成交通投资1200亿元。\n"
    )
    assert not {"浙江省交通运输厅", "江西省交通运输厅"} & set(owners(text))


def test_a_name_never_opens_with_a_task_verb_or_its_adverb():
    from luoshi.core.intake import owners as own

    for fragment in ("纳入市", "认真贯彻落实临川县", "建好青湖区游客中心", "切实做好市", "编入县"):
        assert not own.is_organisation(fragment), fragment


def test_names_that_open_like_a_task_stay_names():
    from luoshi.core.intake import owners as own

    for name in ("建设局", "临川县", "青湖区执法局", "积石山县"):
        assert own.is_organisation(name), name


def test_a_province_printed_bare_is_written_with_its_level_word():
    from luoshi.core.intake.owner_choice import province_in_full

    # 青湖 is invented; the provinces are real names and take 省 as the corpus writes them
    assert province_in_full("山东", "2023年山东将完成交通投资2000亿元。") == "山东省"
    assert province_in_full("青湖市", "青湖市将新建5G基站1200个。") == "青湖市"
    # 海南 in a text of 青海 is the prefecture, not the province
    assert province_in_full("海南", "青海省海南州死亡3人。") == "海南"
