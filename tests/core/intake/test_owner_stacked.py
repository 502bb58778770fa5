"""A table printed one cell a line without bars, its responsible-unit column after the
item's: the units printed after an item own it, not the units of the row above
(issue 15, owner round of the cold batches)."""

from luoshi.core.intake.extract import extract

TABLE = (
    "2026年民生实事目标任务分解表\n\n序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n"
    "1\n\n启动建设青湖综合治理工程。\n\n县水务局\n\n县护城河指挥部\n\n"
    "12月底前新建2座人行天桥。\n\n县住建局\n\n9月投入使用\n\n"
    "3\n\n建成县残疾人综合服务中心。\n\n县残联5月底前动工\n\n"
    "5\n\n开工建设县老年养护楼。\n\n县民政局\n\n"
    "12月底前新建中心幼儿园2所。\n\n县教科局\n\n县代建中心\n\n"
    "12月底前完成棚户区改造2836户。\n\n县住建局\n\n"
    "12月底前城区再新建1个农贸市场。\n\n县商务局\n\n12月底前\n"
)


def _owner_of(snippet_part):
    items = extract(TABLE, 2026).items
    found = [it["owner"] for it in items if snippet_part in it["snippet"]]
    assert found, [(it["snippet"], it["owner"]) for it in items]
    return found[0]


def test_the_units_after_an_item_own_it():
    assert _owner_of("2座") == "县住建局"
    assert _owner_of("2836户") == "县住建局"
    assert _owner_of("1个") == "县商务局"


def test_several_units_after_an_item_own_it_together():
    assert _owner_of("2所") == "县教科局、县代建中心"


def test_a_unit_run_into_its_deadline_owns_the_row():
    assert _owner_of("动工") == "县残联"
