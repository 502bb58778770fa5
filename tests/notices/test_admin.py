"""The notices' admin pages open for an administrator and change nothing."""

from django.contrib.auth import get_user_model
from django.test import Client

from luoshi.notices.actions import notify
from luoshi.notices.models import Delivery, WebhookEndpoint

PAGES = [
    "notification",
    "reminderrule",
    "reminder",
    "chase",
    "instruction",
    "webhookendpoint",
    "channeldefault",
    "channelpreference",
    "delivery",
    "hazardalert",
]


def test_every_notices_admin_list_and_row_opens_without_showing_robot_keys(city):
    admin = get_user_model().objects.create_superuser("root", password="x")
    client = Client()
    client.force_login(admin)
    endpoint = WebhookEndpoint.objects.create(
        unit=city.commerce, flavour="wecom", url="http://10.0.0.1/send?key=KEY-1", secret="S-1"
    )
    notify([city.commerce_reporter], "reminder", "请报送", units=[city.commerce])
    for name in PAGES:
        page = client.get(f"/admin/notices/{name}/")
        assert page.status_code == 200, name
        assert "KEY-1" not in page.content.decode() and "S-1" not in page.content.decode()
    for path in (
        f"/admin/notices/webhookendpoint/{endpoint.pk}/change/",
        f"/admin/notices/webhookendpoint/{endpoint.pk}/history/",
        f"/admin/notices/delivery/{Delivery.objects.get().pk}/change/",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "KEY-1" not in page.content.decode(), path
    assert client.get("/admin/notices/delivery/add/").status_code == 403
