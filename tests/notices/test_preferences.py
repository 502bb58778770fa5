"""通知设置: people choose channels per kind of event; the office sets the defaults; the
channels of each delivery follow them (in-app always)."""

from django.core import mail

from luoshi.notices import delivery
from luoshi.notices.actions import notify
from luoshi.notices.models import ChannelDefault, ChannelPreference, Delivery, WebhookEndpoint


def test_a_person_turns_e_mail_off_for_one_kind_of_event(city, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    person = city.commerce_reporter
    person.email = "swj-tb@example.org"
    person.save()
    page = city.client("commerce-reporter").get("/notices/settings/")
    assert page.status_code == 200
    assert 'name="email_reminder" id="id_email_reminder" checked' in page.content.decode()
    # Every box ticked but e-mail for reminders.
    data = {
        f"{ch}_{kind}": "on"
        for ch in ("email", "webhook")
        for kind in (
            "submitted",
            "approved",
            "returned",
            "reminder",
            "state",
            "hazard",
            "instruction",
        )
    }
    del data["email_reminder"]
    response = city.client("commerce-reporter").post("/notices/settings/", data)
    assert response.status_code == 302
    assert ChannelPreference.objects.get(person=person, kind="reminder").email is False
    assert ChannelPreference.objects.get(person=person, kind="returned").email is True
    notify([person], "reminder", "请报送")
    notify([person], "returned", "请补充")
    delivery.deliver_due()
    assert [m.subject for m in mail.outbox] == ["请补充"]
    # In the app, both.
    assert person.notifications.count() == 2


def test_the_office_sets_the_defaults_for_people_who_chose_nothing(city):
    office = city.client("supervisor")
    page = office.get("/notices/defaults/").content.decode()
    assert 'name="unit_webhook_hazard"' in page
    response = office.post("/notices/defaults/", {"webhook_state": "on"})
    assert response.status_code == 302
    default = ChannelDefault.objects.get(kind="state")
    assert (default.email, default.webhook, default.unit_webhook) == (False, True, False)
    assert default.history.first().history_user == city.supervisor
    assert delivery.channels_for([city.commerce_approver], "state") == {
        city.commerce_approver.pk: (False, True)
    }
    ChannelPreference.objects.create(person=city.commerce_approver, kind="state", email=True)
    assert delivery.channels_for([city.commerce_approver], "state") == {
        city.commerce_approver.pk: (True, True)
    }
    # Only the office sets them.
    assert city.client("leader").post("/notices/defaults/", {}).status_code == 404


def test_a_person_sets_their_own_robot_and_the_secret_is_never_shown(city):
    client = city.client("housing-reporter")
    response = client.post(
        "/notices/settings/webhook/",
        {
            "flavour": "dingtalk",
            "url": "http://10.1.2.3/robot/send?access_token=abc",
            "secret": "SEC-hidden",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get(person=city.housing_reporter)
    assert endpoint.secret == "SEC-hidden"
    page = client.get("/notices/settings/webhook/").content.decode()
    assert "SEC-hidden" not in page and "access_token=abc" in page
    assert "access_token" not in client.get("/notices/settings/").content.decode()
    # Saving again with the secret left empty keeps it; clearing removes it.
    data = {"flavour": "dingtalk", "url": endpoint.url, "is_active": "on"}
    client.post("/notices/settings/webhook/", data)
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).secret == "SEC-hidden"
    client.post("/notices/settings/webhook/", {**data, "clear_secret": "on"})
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).secret == ""
    # The history keeps who changed it, never the secret.
    assert not hasattr(endpoint.history.first(), "secret")


def test_a_robot_address_must_be_http(city):
    client = city.client("housing-reporter")
    for url in ("file:///etc/passwd", "ftp://x/y", "javascript:alert(1)", "不是地址"):
        response = client.post("/notices/settings/webhook/", {"flavour": "wecom", "url": url})
        assert response.status_code == 400
    assert not WebhookEndpoint.objects.exists()


def test_the_office_sets_a_units_robot_and_others_cannot(city):
    office = city.client("supervisor")
    assert office.get("/notices/webhooks/").status_code == 200
    url = f"/notices/webhooks/{city.commerce.pk}/"
    data = {
        "flavour": "wecom",
        "url": "https://qyapi.example/cgi-bin/webhook/send?key=k",
        "is_active": "on",
    }
    assert office.post(url, data).status_code == 302
    assert WebhookEndpoint.objects.get(unit=city.commerce).flavour == "wecom"
    assert city.client("commerce-approver").post(url, data).status_code == 404
    notify([], "reminder", "x", units=[city.commerce])
    assert Delivery.objects.get().address == data["url"]
