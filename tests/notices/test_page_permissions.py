"""The notification pages × every persona → the status each must answer (data, not code).

Everyone signed in has a notification list of their own; marking read is a POST. An id
that is someone else's (or none at all) changes nothing and lands on one's own list."""

from django.db import transaction

from luoshi.notices.actions import notify
from luoshi.notices.models import Delivery, Notification
from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]


def table(default, anonymous=302, **overrides):
    names = {"S": S, "L": L, "CA": CA, "CR": CR, "HA": HA, "HR": HR, "TR": TR, "OUT": OUT}
    expected = {**dict.fromkeys(PERSONAS[:-1], default), ANON: anonymous}
    for short, status in overrides.items():
        expected[names[short]] = status
    return expected


TABLE = [
    ("notification list", "get", "/notices/", table(200)),
    ("mark one read", "post", "/notices/{notice}/read/", table(302)),
    ("mark all read", "post", "/notices/read-all/", table(302)),
    # The plan's ladder is the supervision office's, like the plan's other rules.
    ("reminder ladder", "get", "/plans/{plan}/reminders/", table(403, S=200, OUT=404)),
    ("save reminder ladder", "post", "/plans/{plan}/reminders/", table(403, S=302, OUT=404)),
    # 通知设置 and one's own robot: everyone's own (the POST below has no address: 400).
    ("notification settings", "get", "/notices/settings/", table(200)),
    ("save notification settings", "post", "/notices/settings/", table(302)),
    ("my webhook", "get", "/notices/settings/webhook/", table(200)),
    ("save my webhook", "post", "/notices/settings/webhook/", table(400)),
    # The defaults, the units' robots and the deliveries are the supervision office's.
    ("default channels", "get", "/notices/defaults/", table(404, S=200)),
    ("save default channels", "post", "/notices/defaults/", table(404, S=302)),
    ("unit webhooks", "get", "/notices/webhooks/", table(404, S=200)),
    ("a unit's webhook", "get", "/notices/webhooks/{unit}/", table(404, S=200)),
    ("save a unit's webhook", "post", "/notices/webhooks/{unit}/", table(404, S=400)),
    ("deliveries", "get", "/notices/deliveries/", table(404, S=200)),
    ("retry a delivery", "post", "/notices/deliveries/{delivery}/retry/", table(404, S=302)),
    # 催报 by hand: the supervision office; the POST below names no target (400).
    ("chase form", "get", "/notices/chase/", table(404, S=200)),
    ("send a chase", "post", "/notices/chase/", table(404, S=400)),
    # Instructions (批示): leaders, on what they see (everything); others who see it 403.
    (
        "instruction on a target",
        "post",
        "/targets/{target}/instructions/",
        table(403, L=302, HA=404, HR=404, TR=404, OUT=404),
    ),
    (
        "instruction on a unit",
        "post",
        "/units/{unit}/instructions/",
        table(403, L=302, HA=404, HR=404, TR=404, OUT=404),
    ),
]

LADDER = {
    "days_before": "2",
    "days_after_due": "0",
    "days_late_approvers": "4",
    "days_late_leader": "9",
    "text": "请加快进度",
}


def test_every_notice_page_answers_every_persona_as_the_table_says(plan_city):
    city = plan_city
    notice = notify([city.commerce_reporter], "approved", "测试")[0]
    failed = Delivery.objects.create(
        channel="email", kind="approved", address="a@example.org", payload={}, attempts=5
    )
    ids = {
        "notice": notice.pk,
        "plan": city.plan.pk,
        "unit": city.commerce.pk,
        "target": city.signed.pk,
        "delivery": failed.pk,
    }
    wrong = []
    for name, method, template, expected in TABLE:
        for persona in PERSONAS:
            client = city.client(persona)
            with transaction.atomic():
                call = client.post if method == "post" else client.get
                response = call(template.format(**ids), LADDER)
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
