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
