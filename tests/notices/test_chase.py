"""The 催报 button: the supervision office ticks targets on the overview (or picks units),
writes a line and sends; recorded as Reminder rows like the ladder's, on every channel."""

from datetime import date

import pytest
from django.core import mail

from luoshi.notices import delivery
from luoshi.notices.models import Chase, Notification, Reminder


@pytest.fixture
def today_is(settings):
    settings.LUOSHI_TODAY = date(2025, 7, 8)


def test_the_overview_offers_the_supervisor_a_tick_per_row_and_no_one_else(plan_city, today_is):
    c = plan_city
    page = c.client("supervisor").get("/overview/").content.decode()
    assert 'id="chase-form"' in page
    assert f'form="chase-form" name="targets" value="{c.signed.pk}"' in page
    page = c.client("commerce-approver").get("/overview/").content.decode()
    assert 'id="chase-form"' not in page and 'form="chase-form"' not in page


def test_the_ticked_targets_open_the_form_then_the_chase_is_sent_and_recorded(
    plan_city, today_is, settings
):
    c = plan_city
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    c.commerce_reporter.email = "swj-tb@example.org"
    c.commerce_reporter.save()
    office = c.client("supervisor")
    form = office.get(f"/notices/chase/?targets={c.signed.pk}&targets={c.policy.pk}")
    assert form.status_code == 200
    assert "签约项目" in form.content.decode() and "出台外贸实施意见" in form.content.decode()
    data = {"targets": [c.signed.pk, c.policy.pk], "text": "请于今日下班前报送"}
    response = office.post("/notices/chase/", data)
    assert response.status_code == 302
    chase = Chase.objects.get()
    rows = sorted(
        Reminder.objects.values_list("target__name", "person__username", "step", "period_end")
    )
    june = date(2025, 6, 30)
    assert rows == [
        ("出台外贸实施意见", "commerce-approver", "manual", june),
        ("出台外贸实施意见", "commerce-reporter", "manual", june),
        ("签约项目", "commerce-approver", "manual", june),
        ("签约项目", "commerce-reporter", "manual", june),
    ]
    assert all(r.chase == chase for r in Reminder.objects.all())
    # One notification per person, naming both targets.
    notices = Notification.objects.filter(kind="reminder")
    assert sorted(n.recipient.username for n in notices) == [
        "commerce-approver",
        "commerce-reporter",
    ]
    assert notices[0].text == (
        "督查室向市商务局催报：请于今日下班前报送（签约项目、出台外贸实施意见）"
    )
    assert notices[0].link == f"/units/{c.commerce.pk}/"
    # The e-mail goes through a delivery, once.
    delivery.deliver_due()
    delivery.deliver_due()
    assert [m.to for m in mail.outbox] == [["swj-tb@example.org"]]
    # A second chase of the same targets is recorded too, and counts on the unit page.
    office.post("/notices/chase/", data)
    assert Reminder.objects.count() == 8
    page = c.client("commerce-reporter").get(f"/units/{c.commerce.pk}/").content.decode()
    assert 'data-reminded="4"' in page


def test_a_unit_chase_covers_its_sub_units_targets_and_people(plan_city, today_is):
    c = plan_city
    response = c.client("supervisor").post(
        "/notices/chase/", {"units": [c.housing.pk], "text": "请报送"}
    )
    assert response.status_code == 302
    rows = sorted(Reminder.objects.values_list("target__name", "person__username"))
    assert rows == [
        ("新建商品房销售面积增长", "housing-approver"),
        ("新建商品房销售面积增长", "housing-reporter"),
    ]


@pytest.mark.parametrize(
    "data",
    [
        {"text": "请报送"},
        {"targets": ["abc"], "text": "请报送"},
        {"targets": ["9" * 30], "text": "请报送"},
        {"targets": ["²"], "text": "请报送"},
        {"targets": ["999999"], "text": "请报送"},
        {"units": ["-1"], "text": "请报送"},
        {"targets": ["{signed}"], "text": ""},
        {"targets": ["{signed}"], "text": "长" * 301},
    ],
)
def test_bad_input_is_a_400_and_sends_nothing(plan_city, today_is, data):
    c = plan_city
    data = {
        k: [v.format(signed=c.signed.pk) for v in vs] if isinstance(vs, list) else vs
        for k, vs in data.items()
    }
    response = c.client("supervisor").post("/notices/chase/", data)
    assert response.status_code == 400
    assert not Chase.objects.exists() and not Notification.objects.exists()


def test_bad_ids_in_the_form_link_are_a_400(plan_city, today_is):
    response = plan_city.client("supervisor").get("/notices/chase/?targets=" + "9" * 40)
    assert response.status_code == 400


def test_only_the_supervision_office_chases(plan_city, today_is):
    c = plan_city
    for persona in ("leader", "commerce-approver", "commerce-reporter", "outsider"):
        response = c.client(persona).post(
            "/notices/chase/", {"targets": [c.signed.pk], "text": "请报送"}
        )
        assert response.status_code == 404
    assert not Reminder.objects.exists()
