"""Periods of a report that looks back on a year it was not dated in (issue 15)."""

from luoshi.core.intake import extract
from luoshi.core.intake.periods import find_times


def _periods(text, year, review_year=None):
    return [(t.period, t.role) for t in find_times(text, year, 6, review_year)]


def test_an_undated_half_year_of_a_report_dated_later_is_of_the_year_it_looks_back_on():
    assert _periods("上半年,全市GDP增长13.7%", 2022, 2021) == [("2021H1", "past")]
    assert _periods("1-5月,全市投资增长5%", 2022, 2021) == [("2021M01-M05", "past")]
    # without a year looked back on, the dated year
    assert _periods("上半年,全市GDP增长13.7%", 2022) == [("2022H1", "past")]
    # a half-year printed with its year keeps it
    assert _periods("2020年上半年,全市GDP增长3%", 2022, 2021) == [("2020H1", "past")]
    # last year is last year of the time of writing, not of the year looked back on
    assert _periods("去年同期增长3%", 2022, 2021) == [("2021", "past")]


def test_the_quarter_a_figure_is_compared_with_is_no_period_of_it():
    assert _periods("居全省第6位,较一季度提升5位", 2022) == [("2022Q1", "base")]
    assert _periods("一季度,全市GDP增长5%", 2022) == [("2022Q1", "past")]


PAGE = """当前位置:首页
> 政务公开 > 市政府重点工作
索引号: 113306/2022-000001 公开方式: 主动公开
发布机构: 市政府办公室成文日期: 2022-06-08
主题分类: 政务公开发文字号:

2021年某市政府重点工作半年度进展情况表

发布日期:2021-08-13 17:42 浏览次数:

上半年,全市地区生产总值增长9.1%;一般公共预算收入增长6.2%。
"""


def test_a_title_below_the_page_furniture_names_the_year_a_progress_table_looks_back_on():
    items = extract(PAGE).items
    assert [it["period"] for it in items if it["kind"] == "statistic"] == ["2021H1", "2021H1"]
    # the same page with its title naming the year it is dated in: that year
    items = extract(PAGE.replace("2021年某市", "2022年某市")).items
    assert [it["period"] for it in items if it["kind"] == "statistic"] == ["2022H1", "2022H1"]


def test_the_year_a_work_is_to_open_is_not_the_year_a_text_speaks_of():
    from luoshi.core.intake.periods import document_year

    text = "2023年全省完成交通投资900亿元。2024年将推进甲乙丙3条高铁建设,冲刺甲线2025年、乙线2027年建成投运。"
    assert document_year(text) == 2024
    assert document_year("2024年全省计划新建公路100公里,2026年底前全部完工。") == 2024
    # a year of results named last is still the year spoken of
    assert document_year("2024年计划新建公路100公里。2025年全省新建公路120公里。") == 2025
