"""Targets and statistics, round eight: forecasts, progress against a plan (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract


def _items(text):
    return [(it["kind"], it["value"], it["unit"], it["comparator"]) for it in extract(text).items]


def _why(text):
    return [it["why"]["kind"] for it in extract(text).items]


# rule forecast_ahead: what a forecast expects still to happen is a goal


def test_a_forecast_of_a_later_part_of_the_year_is_a_target():
    text = "1-4月全市新开工项目开工率达62%,预计上半年开工率将突破85%。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]
    assert _why(text)[1] == "kind.forecast_ahead"


def test_a_forecast_of_the_remaining_projects_is_a_target():
    text = "截至目前,全县已开工项目40个,预计三季度其余25个项目全部开工。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]


def test_what_a_project_can_reach_is_a_target():
    text = "该产业园建成后,亩产税收可达60万元。\n"
    assert [k for k, *_ in _items(text)] == ["target"]
    assert _why(text) == ["kind.forecast_ahead"]


def test_a_project_design_output_is_a_target():
    text = "该项目预计达纲产值约12亿元。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


def test_an_estimate_of_a_result_is_no_forecast_ahead():
    text = "1-11月全市生产总值预计同比增长4%左右。\n"
    assert [k for k, *_ in _items(text)] == ["statistic"]
    assert "kind.forecast_ahead" not in _why(text)


def test_a_result_reached_is_no_capacity():
    text = "全年完成投资已达到12亿元。\n"
    assert "kind.forecast_ahead" not in _why(text)
