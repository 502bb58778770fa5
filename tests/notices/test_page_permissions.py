"""The notification pages × every persona → the status each must answer (data, not code).

Everyone signed in has a notification list of their own; marking read is a POST. An id
that is someone else's (or none at all) changes nothing and lands on one's own list."""

from django.db import transaction

from luoshi.notices.actions import notify
from luoshi.notices.models import Notification
from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]


def table(default, anonymous=302):
    return {**dict.fromkeys(PERSONAS[:-1], default), ANON: anonymous}


TABLE = [
    ("notification list", "get", "/notices/", table(200)),
    ("mark one read", "post", "/notices/{notice}/read/", table(302)),
    ("mark all read", "post", "/notices/read-all/", table(302)),
]


def test_every_notice_page_answers_every_persona_as_the_table_says(city):
    notice = notify([city.commerce_reporter], "approved", "测试")[0]
    wrong = []
    for name, method, template, expected in TABLE:
        for persona in PERSONAS:
            client = city.client(persona)
            with transaction.atomic():
                call = client.post if method == "post" else client.get
                response = call(template.format(notice=notice.pk))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)


def test_marking_someone_elses_notification_read_changes_nothing(city):
    notice = notify([city.commerce_reporter], "approved", "测试")[0]
    response = city.client("housing-reporter").post(f"/notices/{notice.pk}/read/")
    assert response.status_code == 302
    assert Notification.objects.get(pk=notice.pk).read_at is None
    response = city.client("housing-reporter").post("/notices/read-all/")
    assert Notification.objects.unread().filter(pk=notice.pk).exists()
