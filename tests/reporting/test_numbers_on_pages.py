"""Numbers print as people write them, with one rule on every page, reason and export."""

import io
import re
from datetime import date

from openpyxl import load_workbook

from luoshi.reporting.models import Report


def _approved(target, user, value, as_of=date(2025, 6, 30)):
    return Report.objects.create(
        target=target,
        unit=target.unit,
        as_of=as_of,
        value=value,
        status="approved",
        created_by=user,
    )


def test_target_page_groups_thousands_alike_in_value_reading_and_reason(plan_city):
    c = plan_city
    c.signed.value = 12000
    c.signed.save()
    _approved(c.signed, c.commerce_reporter, 9500)
    page = c.client("supervisor").get(f"/targets/{c.signed.pk}/").content.decode()
    assert "12,000个" in page
    assert "9,500" in page and not re.search(r">\s*9500", page)  # (the chart's JSON keeps 9500.0)
    # The reason (core.status) uses the same formatter: 12,000 × 181/365 = 5,950.7
    assert "按序时进度应完成5,950.7个，实际9,500个" in page


def test_a_decimal_reading_prints_without_padding(plan_city):
    c = plan_city
    _approved(c.sales, c.housing_reporter, 3.5)
    page = c.client("supervisor").get(f"/targets/{c.sales.pk}/").content.decode()
    assert "3.5%" in page and "3.500000" not in page and "3.50" not in page


def test_workbook_cells_show_grouped_numbers_and_keep_exact_values(plan_city):
    c = plan_city
    c.signed.value = 12000
    c.signed.save()
    _approved(c.signed, c.commerce_reporter, 9500.25)
    response = c.client("commerce-reporter").get(
        f"/excel/workbook/export/?unit={c.commerce.pk}&period=2025-06"
    )
    assert response.status_code == 200, response.content[:500]
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value}
    assert ">= 12,000" in cells
    assert cells[9500.25].number_format == "#,##0.0#"
