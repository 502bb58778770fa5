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


# the titles under a page's related-links heading are other articles' headlines


def test_the_titles_under_a_related_links_heading_are_not_the_texts_figures():
    text = (
        "2007年全省交通工作会议召开\n"
        "2007年,全省计划完成交通建设投资200亿元。\n"
        " 相關鏈結\n"
        "· 廣西力爭2007年內高速公路通車里程達到1800公里\n"
        "· 安徽高速公路網基本形成 任何2市可通過高速直達\n"
    )
    assert [v for v, _, _ in _periods(text)] == [200e8]


def test_a_paragraph_after_the_links_is_read_again():
    text = (
        "2007年全省交通工作会议召开\n"
        "相关新闻\n"
        "- 全国种粮大户的产业梦\n\n"
        "会议要求,2007年全省计划完成交通建设投资200亿元,新建农村公路5000公里,确保各项任务落到实处。\n"
    )
    assert [v for v, _, _ in _periods(text)] == [200e8, 5000.0]


# a norm laid down (不得少于, 不得低于) is a goal, even where the text reviews a year


def test_a_norm_laid_down_in_a_review_is_a_goal():
    text = (
        "招商引资成果丰硕\n"
        "2011年,我市制定出台了《进一步优化发展环境的若干规定》,要求各县区每年招商引资"
        "签约项目不得少于15个。\n"
    )
    # (a page of 2012 looking back on 2011: the year's sentences are a review)
    assert [(it["value"], it["kind"]) for it in extract(text, 2012).items] == [(15.0, "target")]


def test_a_count_reached_in_a_review_stays_a_result():
    text = "招商引资成果丰硕\n2011年,我市各县区共签约招商引资项目215个,同比增长15%。\n"
    assert {it["kind"] for it in extract(text, 2012).items} == {"statistic"}
