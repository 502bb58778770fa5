"""Targets and statistics, round twelve: the scope a progress report measures (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract


def _kinds(text, year=2020):
    return [(it["value"], it["kind"]) for it in extract(text, year).items]


# a count of projects followed by how many of them started, the noun printed again


def test_a_count_of_projects_then_how_many_of_them_started_is_the_plan_scope():
    text = (
        "沙坡头区2020年1-9月份项目进展情况通报\n"
        "1-9月,全区项目进展顺利。其中自治区主导投资项目3个,已开工项目2个,已完成投资13.75亿元。\n"
    )
    kinds = dict(_kinds(text))
    assert kinds[3.0] == "target"
    assert kinds[2.0] == "statistic"


def test_a_count_of_projects_signed_then_started_stays_a_result():
    # projects named as in hand (签约) are counted as a result, whatever follows them
    text = "沙坡头区2020年1-9月份项目进展情况通报\n1-9月,全区新签约项目3个,已开工项目2个。\n"
    assert dict(_kinds(text))[3.0] == "statistic"


# a report dated early in a year that sums up months ending after its date: last year's


def _periods(text):
    return [(it["value"], it["kind"], it["period"]) for it in extract(text).items]


def test_months_summed_up_past_the_date_of_a_january_page_are_last_years():
    text = (
        "招商引资成果丰硕项目建设如火如荼\n\n"
        "http://news.example.cn 2012-01-04 10:31 来源: 商务部网站  据统计,1-11月,我市"
        "招商引资签约项目241个,总投资3124亿元。\n"
    )
    assert _periods(text) == [
        (241.0, "statistic", "2011M01-M11"),
        (3124e8, "statistic", "2011M01-M11"),
    ]


def test_months_summed_up_before_the_date_of_the_page_are_its_own_years():
    text = (
        "招商引资成果丰硕项目建设如火如荼\n\n"
        "http://news.example.cn 2012-06-04 10:31 来源: 商务部网站  据统计,1-5月,我市"
        "招商引资签约项目241个,总投资3124亿元。\n"
    )
    assert [p for _, _, p in _periods(text)] == ["2012M01-M05", "2012M01-M05"]


def test_months_printed_with_their_year_keep_it():
    # 2019 年 1-5 月: a dateline-like 2019 年 1-5 in a January heading does not turn it back
    text = (
        "都安县招商引资工作汇报\n2019\n现将 2019 年 1-5 月招商引资工作情况汇报如下:\n"
        "截止 1-5 月底,我县共实施招商引资项目 9 个。\n"
    )
    assert [p for _, _, p in _periods(text)] == ["2019M01-M05"]
