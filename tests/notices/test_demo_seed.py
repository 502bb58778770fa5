"""The demo city has a month of reminders recorded and notifications waiting, in the app
only, seeded once."""

import time
from datetime import date

from luoshi.demo.city import load_demo
from luoshi.demo.plan import DEMO_DATE, load_demo_plan
from luoshi.notices.demo import seed
from luoshi.notices.models import Delivery, Notification, Reminder


def test_the_demo_month_of_reminders_is_seeded_once_in_the_app_only(db, settings):
    settings.LUOSHI_TODAY = None
    load_demo()
    load_demo_plan()
    started = time.monotonic()
    message = seed(DEMO_DATE)
    print(f"seed: {time.monotonic() - started:.1f} s; {message}")
    reminders = Reminder.objects.all()
    assert reminders.count() > 0
    # The month before the demo day, every step of the ladder reached somebody.
    days = set(reminders.values_list("sent_on", flat=True))
    assert min(days) >= date(2025, 9, 15) and max(days) <= DEMO_DATE
    assert {"before", "due", "late", "escalated"} <= set(reminders.values_list("step", flat=True))
    waiting = Notification.objects.unread().filter(kind="reminder")
    assert waiting.values("recipient").distinct().count() >= 3
    assert not Delivery.objects.exists()
    count = Notification.objects.count()
    assert seed(DEMO_DATE) == "Demo reminders already present: nothing changed."
    assert Notification.objects.count() == count
