"""The report form's buttons are a form field (ReportAction): save or submit; anything
else is a damaged post, a 400 that creates nothing."""

from luoshi.reporting.models import Report


def test_the_buttons_save_a_draft_or_submit(plan_city):
    c = plan_city
    client = c.client("commerce-reporter")
    url = f"/targets/{c.signed.pk}/report/"
    before = Report.objects.count()
    assert (
        client.post(url, {"as_of": "2025-06-30", "value": "30", "action": "save"}).status_code
        == 302
    )
    assert client.post(url, {"as_of": "2025-05-31", "value": "20"}).status_code == 302
    assert (
        client.post(url, {"as_of": "2025-04-30", "value": "10", "action": "submit"}).status_code
        == 302
    )
    statuses = list(Report.objects.order_by("pk").values_list("status", flat=True)[before:])
    assert statuses == ["draft", "draft", "submitted"]


def test_an_unknown_button_creates_nothing(plan_city):
    c = plan_city
    before = Report.objects.count()
    response = c.client("commerce-reporter").post(
        f"/targets/{c.signed.pk}/report/",
        {"as_of": "2025-06-30", "value": "30", "action": "approve"},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert Report.objects.count() == before
