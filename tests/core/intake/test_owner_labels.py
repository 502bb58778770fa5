"""Labelled owner lines and the names in them (issue 15, owner round of the cold batches)."""

from luoshi.core.intake import owners as own
from luoshi.core.intake.extract import extract


def test_a_name_whose_stem_opens_with_jing_keeps_it_after_its_level():
    # 经 opens a clause (经市政府批准) but also a bureau's name after 市/区 (市经信局)
    assert own.clean_unit("市经信局") == "市经信局"
    assert own.clean_unit("青湖市经合办") == "青湖市经合办"
    assert own.clean_unit("经市政府") == "市政府"


def test_a_unit_line_with_a_note_on_its_order_names_the_first_unit_as_lead():
    text = (
        "1.支持企业发展。力争减轻企业各类负担200亿元。\n"
        "责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位,下同)\n"
        "2.开展项目双进双产。\n"
    )
    (item,) = [it for it in extract(text, 2026).items if it["value"] == 2e10]
    assert item["owner"] == "市经信局"
    assert item["co_owners"] == ["市财政局", "市税务局"]


def test_a_long_unit_field_after_the_lead_still_gives_the_lead():
    text = (
        "2.规模以上工业增加值增长15%。(牵头单位:市科经局;责任单位:市统计局、市市场监管局,"
        "各乡、镇人民政府,青湖、白沙管理区,临川经济开发区)\n"
    )
    (item,) = extract(text, 2026).items
    assert item["owner"] == "市科经局"
