"""The admin shows the ledgers and changes nothing: changes go through the actions."""


def test_admin_shows_ledger_rows_read_only(ledger_city, admin_client):
    c = ledger_city
    for url in (
        "/admin/ledgers/project/",
        f"/admin/ledgers/project/{c.project.pk}/change/",
        "/admin/ledgers/hazard/",
        f"/admin/ledgers/hazard/{c.major.pk}/change/",
        "/admin/ledgers/measure/",
    ):
        assert admin_client.get(url).status_code == 200, url
    assert admin_client.get("/admin/ledgers/hazard/add/").status_code == 403
    assert admin_client.get(f"/admin/ledgers/hazard/{c.major.pk}/delete/").status_code == 403
    response = admin_client.post(f"/admin/ledgers/project/{c.project.pk}/change/", {"name": "改名"})
    assert response.status_code == 403
