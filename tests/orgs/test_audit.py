"""Audit history: who changed what, when; nothing is hard-deleted from the UI."""

from luoshi.orgs.models import Unit


def test_unit_change_through_the_ui_appears_in_history_with_its_author(city):
    client = city.client("supervisor")
    response = client.post(
        f"/units/{city.commerce.pk}/edit/",
        {"name": "市商务局(市招商局)", "short_name": "市商务局", "reason": "机构改革更名"},
    )
    assert response.status_code == 302
    latest = city.commerce.history.first()
    assert latest.history_user == city.supervisor
    assert latest.history_change_reason == "机构改革更名"
    page = client.get(f"/units/{city.commerce.pk}/").content.decode()
    assert "机构改革更名" in page and "supervisor" in page and "市商务局(市招商局)" in page


def test_deactivating_a_unit_keeps_the_row_and_records_who(city):
    client = city.client("supervisor")
    client.post(f"/units/{city.commerce.pk}/active/", {"active": "0", "reason": "撤并"})
    unit = Unit.objects.get(pk=city.commerce.pk)
    assert unit.is_active is False
    assert unit.history.first().history_user == city.supervisor


def test_admin_offers_no_delete(city, admin_client):
    response = admin_client.get(f"/admin/orgs/unit/{city.commerce.pk}/delete/")
    assert response.status_code in (302, 403)
    assert Unit.objects.filter(pk=city.commerce.pk).exists()


def test_moving_a_unit_moves_its_subtree(city):
    city.housing.parent = city.commerce
    city.housing.save()
    city.housing_team.refresh_from_db()
    assert city.housing_team.path == "/t/t-swj/t-zjj/t-zjj-aq/"
