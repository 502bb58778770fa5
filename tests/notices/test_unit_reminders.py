"""The unit page says how often the unit was chased this month."""

from io import StringIO

from django.core.management import call_command


def reminded(client, unit) -> str:
    page = client.get(f"/units/{unit.pk}/").content.decode()
    start = page.index('id="unit-reminded"')
    return page[start : page.index("</dd>", start)]


def test_each_step_counts_once_per_target_and_only_this_months(plan_city):
    c = plan_city  # today is 2025-07-15
    for day in ("2025-06-05", "2025-07-02", "2025-07-05", "2025-07-08", "2025-07-12"):
        call_command("remind", "--at", day, stdout=StringIO())
    client = c.client("supervisor")
    # July: before, due, late and escalated for 签约项目 (June's 5 June step is not counted).
    assert reminded(client, c.commerce).endswith('data-reminded="4">本月已催报 4 次')
    # The city counts its whole tree: 签约项目 and 住建局's quarterly 销售面积.
    assert 'data-reminded="8"' in reminded(client, c.city)
    assert 'data-reminded="0"' in reminded(client, c.office)
