"""The stages each project reached (ledgers.reach, models.ProjectReach) equal a fresh reading
of its events after random changes through the actions, and the funnel counted from them
equals the funnel counted from the events, projects written in bulk included."""

import random
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.ledgers import actions, reach
from luoshi.ledgers.choices import Stage
from luoshi.ledgers.models import Project, ProjectReach, StageEvent
from luoshi.ledgers.views_projects import counts_from_events, funnel_counts
from tests.ledgers.rows import project_fields

WINDOWS = [
    (date(2025, 1, 1), date(2025, 7, 15)),
    (date(2024, 1, 1), date(2024, 12, 31)),
    (date(2025, 3, 1), date(2025, 5, 31)),
    (date(2024, 10, 1), date(2025, 2, 28)),
]


def some_day(rng: random.Random) -> date:
    return date(2024, 9, 1) + timedelta(days=rng.randrange(318))  # up to today, 2025-07-15


def change_at_random(c, rng: random.Random, steps: int) -> None:
    keeper = c.supervisor
    units = [c.commerce, c.housing, c.housing_team]
    for step in range(steps):
        projects = list(Project.objects.all())
        choice = rng.random()
        try:
            if choice < 0.25 or not projects:
                actions.create_project(
                    keeper,
                    stage=rng.choice(Stage.values),
                    stage_date=some_day(rng),
                    **project_fields(rng.choice(units), name=f"项目{step}"),
                )
            elif choice < 0.85:
                actions.move_project(
                    rng.choice(projects), keeper, stage=rng.choice(Stage.values), on=some_day(rng)
                )
            elif choice < 0.93:
                actions.drop_project(rng.choice(projects), keeper, on=some_day(rng), reason="撤")
            else:
                actions.reinstate_project(rng.choice(projects), keeper, reason="恢复")
        except ValidationError:
            pass  # a dropped project cannot move, the same move twice is one: refused alike


def fresh(project_ids) -> set[tuple[int, str, date]]:
    rows = reach.first_reached(StageEvent.objects.filter(project_id__in=project_ids))
    return {
        (row["project_id"], stage, row[f"reached_{stage}"])
        for row in rows
        for stage in Stage.values
        if row[f"reached_{stage}"] is not None
    }


def stored() -> set[tuple[int, str, date]]:
    return set(ProjectReach.objects.values_list("project_id", "stage", "date"))


def assert_funnels_agree(c) -> None:
    scopes = [
        Project.objects.all(),
        Project.objects.filter(unit=c.commerce),
        Project.objects.filter(unit__path__startswith=c.housing.path),
    ]
    for projects in scopes:
        for start, end in WINDOWS:
            counted = {stage.value: n for stage, n in funnel_counts(projects, start, end)}
            assert counted == counts_from_events(projects, start, end)


def test_reach_rows_and_the_funnel_equal_the_events_after_random_changes(ledger_city):
    c = ledger_city
    rng = random.Random(14)
    change_at_random(c, rng, 120)
    everything = list(Project.objects.values_list("pk", flat=True))
    assert len(everything) > 20 and ProjectReach.objects.exists()
    assert stored() == fresh(everything)
    assert_funnels_agree(c)
    # Every project entered through the actions: the funnel is one query.
    with CaptureQueriesContext(connection) as queries:
        funnel_counts(Project.objects.all(), *WINDOWS[0])
    assert len(queries) == 1


def test_projects_written_in_bulk_are_counted_from_their_events(ledger_city):
    c = ledger_city
    rng = random.Random(15)
    change_at_random(c, rng, 40)
    bulk = Project.objects.bulk_create(
        Project(name=f"批量{i}", investor="投资方", unit=c.housing_team, stage="signed")
        for i in range(12)
    )
    StageEvent.objects.bulk_create(
        StageEvent(
            project=p, stage=rng.choice(Stage.values), date=some_day(rng), recorded_by=c.supervisor
        )
        for p in bulk
        for _ in range(rng.randint(1, 3))
    )
    assert not ProjectReach.objects.filter(project__in=bulk).exists()
    assert_funnels_agree(c)
    with CaptureQueriesContext(connection) as queries:
        funnel_counts(Project.objects.all(), *WINDOWS[0])
    assert len(queries) == 2  # the bulk projects from their events
    # A move of one of them through the actions writes its rows from all its events.
    actions.move_project(bulk[0], c.supervisor, stage="started", on=date(2025, 7, 1))
    assert {row for row in stored() if row[0] == bulk[0].pk} == fresh([bulk[0].pk])
    reach.recount(p.pk for p in bulk)
    assert stored() == fresh(list(Project.objects.values_list("pk", flat=True)))
    assert_funnels_agree(c)
