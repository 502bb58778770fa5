"""Tables, round thirteen: a progress table by place printed one cell a line (issue 15).

The table is a plan figure per place against its results (计划完成数 | 累计开工数 | 开工率 |
计划投资额(万元) | …), printed one bar-closed cell a line, its total row without a serial.
"""

from luoshi.core.intake import extract

TABLE = (
    "全省2021年重点民生实事项目完成进度表\n(截至2021年8月底)\n"
    "序号 |\n市 州 |\n计划完成数 |\n累计开工数 |\n开工率 |\n计划投资额(万元) |\n"
    "累计完成投资额(万元) |\n计划投资完成率 |\n"
    "1 |\n长沙市 |\n150 |\n143 |\n95.33% |\n86157.25 |\n36836.13 |\n42.75% |\n"
    "2 |\n株洲市 |\n71 |\n44 |\n61.97% |\n13533.40 |\n4756.44 |\n35.15% |\n"
    "全省 |\n221 |\n187 |\n84.62% |\n99690.65 |\n41592.57 |\n41.72% |\n"
)


def _items():
    return [(it["value"], it["kind"], it["owner"], it["unit"]) for it in extract(TABLE, 2021).items]


def test_the_plan_column_holds_targets_and_the_rate_column_results():
    kinds = {(v, o): k for v, k, o, _u in _items()}
    assert kinds[(150.0, "长沙市")] == "target"  # 计划完成数
    assert kinds[(143.0, "长沙市")] == "statistic"  # 累计开工数
    assert kinds[(95.33, "长沙市")] == "statistic"  # 开工率
    assert kinds[(861572500.0, "长沙市")] == "target"  # 计划投资额
    assert kinds[(42.75, "长沙市")] == "statistic"  # 计划投资完成率


def test_every_figure_of_a_row_named_by_its_place_is_that_places():
    owners = {v: o for v, _k, o, _u in _items()}
    assert owners[143.0] == owners[95.33] == owners[42.75] == "长沙市"
    assert owners[61.97] == "株洲市"


def test_a_count_column_without_a_unit_counts_in_ge():
    units = {v: u for v, _k, _o, u in _items()}
    assert units[150.0] == units[44.0] == "个"


def test_the_total_row_without_a_serial_is_read_under_its_columns():
    items = {v: (k, u) for v, k, _o, u in _items()}
    assert items[221.0] == ("target", "个")
    assert items[996906500.0] == ("target", "元")


def test_a_column_not_named_as_a_count_gets_no_measure_word():
    table = TABLE.replace("计划完成数 |", "计划完成 |").replace("累计开工数 |", "累计开工 |")
    units = {it["value"]: it["unit"] for it in extract(table, 2021).items}
    assert units.get(150.0) != "个"
    assert units.get(143.0) != "个"


def test_a_bureaus_office_column_owns_its_rows():
    text = (
        "2024年市农业农村局重点工作任务分解表\n"
        "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n"
        "| 1 | 粮食产量100亿斤以上 | 市农技中心 | 2024年底前 |\n"
        "| 2 | 农产品加工业产值增长15%以上 | 产业科 | 2024年底前 |\n"
    )
    owners = {it["value"]: it["owner"] for it in extract(text, 2024).items}
    assert owners[10000000000.0] == "市农技中心"
    # (an office named by 科 alone, 产业科, is not yet read as an organisation)
