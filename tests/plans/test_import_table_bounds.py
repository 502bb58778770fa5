"""The review table's one save is bounded: more rows than MAX_TABLE_ITEMS is refused whole,
with a message, before any row is read or written."""

from django.urls import reverse

from luoshi.plans.forms_import import MAX_TABLE_ITEMS
from tests.plans.test_import import client_for, imported, item, table_data


def test_a_table_of_more_rows_than_one_save_holds_changes_nothing(city):
    plan = imported(city)
    signed = item(plan, "签约项目")
    data = table_data(plan, {signed.pk: {"value": "61"}})
    data["items-TOTAL_FORMS"] = str(MAX_TABLE_ITEMS + 1)
    response = client_for(city, "supervisor").post(
        reverse("plan-import-items", args=[plan.pk]), data, headers={"accept-language": "en"}
    )
    assert response.status_code == 400
    message = f"The table can save at most {MAX_TABLE_ITEMS} items at once"
    assert message in response.content.decode()
    signed.refresh_from_db()
    assert signed.value == 50 and signed.history.count() == 1


def test_the_same_table_within_the_bound_saves(city):
    plan = imported(city)
    signed = item(plan, "签约项目")
    data = table_data(plan, {signed.pk: {"value": "61"}})
    response = client_for(city, "supervisor").post(
        reverse("plan-import-items", args=[plan.pk]), data
    )
    assert response.status_code == 302
    signed.refresh_from_db()
    assert signed.value == 61
