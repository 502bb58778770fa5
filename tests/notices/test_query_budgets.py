"""The office's notices pages make as many queries for a few rows as for many."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.notices.models import Delivery, WebhookEndpoint


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_deliveries(city, n):
    endpoint = WebhookEndpoint.objects.get_or_create(
        unit=city.commerce, defaults={"flavour": "wecom", "url": "http://10.0.0.1/send?key=k"}
    )[0]
    Delivery.objects.bulk_create(
        Delivery(
            channel="webhook" if i % 2 else "email",
            kind="reminder",
            recipient=None if i % 2 else city.commerce_reporter,
            endpoint=endpoint if i % 2 else None,
            address="http://10.0.0.1/send?key=k" if i % 2 else "a@example.org",
            payload={},
            attempts=5,
        )
        for i in range(n)
    )


def test_deliveries_and_unit_robots_pages_have_a_fixed_number_of_queries(city):
    client = city.client("supervisor")
    add_deliveries(city, 3)
    small = [queries_of(client, u) for u in ("/notices/deliveries/", "/notices/webhooks/")]
    add_deliveries(city, 120)
    large = [queries_of(client, u) for u in ("/notices/deliveries/", "/notices/webhooks/")]
    assert small == large, (small, large)
