"""The cockpit's burn-down against each hazard's status read day by day (issue 14).

The burn-down reads only the events that open or close a hazard (its moves between open
statuses change nothing it counts): hazards closed, reopened and closed again, moved on a
month end, with events dated before they were found, or with none, are counted as their
status on each day says.
"""

from datetime import date, timedelta

import pytest

from luoshi.dashboards.cockpit import Cockpit
from luoshi.demo.synthetic import generate
from luoshi.ledgers.choices import HAZARD_OPEN_STATUSES
from luoshi.ledgers.models import Hazard, HazardEvent
from luoshi.orgs.models import User

TODAY = date(2025, 10, 15)
SEQUENCES = [
    [],
    [("2025-02-03", "rectifying"), ("2025-03-31", "rectified"), ("2025-04-02", "closed")],
    [("2025-01-20", "rectified"), ("2025-02-28", "closed"), ("2025-05-05", "reopened")],
    [
        ("2025-03-01", "rectifying"),
        ("2025-03-10", "rectified"),
        ("2025-03-31", "closed"),
        ("2025-06-30", "reopened"),
        ("2025-07-01", "rectified"),
        ("2025-08-31", "closed"),
        ("2025-09-30", "reopened"),
    ],
    [("2024-12-01", "closed"), ("2025-04-01", "reopened")],  # before it was found
    [("2025-05-31", "closed"), ("2025-05-31", "reopened"), ("2025-05-31", "closed")],
    [("2025-11-30", "closed")],  # after the day shown
]


def status_on(events: list[HazardEvent], day: date) -> str:
    status = "open"
    for event in events:
        if event.date <= day:
            status = event.status
    return status


@pytest.mark.parametrize("at", [TODAY, date(2025, 5, 31), date(2025, 3, 31)])
def test_the_burn_down_follows_closings_and_reopenings(db, settings, at):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=91, months=10)
    leader = User.objects.get(username="syn91-leader")
    some = Hazard.objects.filter(level="major").order_by("pk").first()
    assert some is not None
    for n, sequence in enumerate(SEQUENCES * 2):
        found = date(2025, 1, 10) + timedelta(days=17 * n)
        hazard = Hazard.objects.create(
            description=f"burn-down {n}",
            domain=some.domain,
            place="here",
            level="major",
            found_on=found,
            found_by="test",
            unit=some.unit,
            deadline=found + timedelta(days=40 if n % 2 else 150),
        )
        for day, status in sequence:
            HazardEvent.objects.create(
                hazard=hazard, date=date.fromisoformat(day), status=status, recorded_by=leader
            )
    events: dict[int, list[HazardEvent]] = {}
    for event in HazardEvent.objects.order_by("date", "pk"):
        events.setdefault(event.hazard_id, []).append(event)
    major = list(Hazard.objects.filter(level="major"))
    burn = Cockpit(leader, at).burn_down()
    assert burn[-1].at == at
    for point in burn:
        shown = [
            h
            for h in major
            if h.found_on <= point.at
            and status_on(events.get(h.pk, []), point.at) in HAZARD_OPEN_STATUSES
        ]
        assert (point.open, point.overdue) == (
            len(shown),
            sum(h.deadline < point.at for h in shown),
        ), point.at
