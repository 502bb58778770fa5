"""`luoshi generate`: a synthetic province, deterministic from its seed, all or nothing."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F

from luoshi.dashboards.evaluation import evaluate_targets
from luoshi.demo.synthetic import generate
from luoshi.ledgers import reach
from luoshi.ledgers.models import (
    Hazard,
    HazardEvent,
    Measure,
    Project,
    ProjectReach,
    StageEvent,
)
from luoshi.orgs.models import Unit, User
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

pytestmark = pytest.mark.django_db


def signature() -> tuple:
    """The generated content without ids, to compare two runs."""
    return (
        sorted(Unit.objects.values_list("code", "name", "path")),
        sorted(Target.objects.values_list("name", "kind", "value", "cadence", "unit__code")),
        sorted(
            Report.objects.values_list("target__name", "unit__code", "as_of", "value", "status")
        ),
        sorted(Hazard.objects.values_list("description", "status", "found_on", "deadline")),
        sorted(Project.objects.values_list("name", "stage", "planned_amount")),
    )


class Rollback(Exception):
    pass


def generated_signature(seed: int) -> tuple:
    try:
        with transaction.atomic():
            generate(scale=1, fraction=0.02, seed=seed)
            result = signature()
            raise Rollback
    except Rollback:
        return result


def test_the_same_seed_gives_the_same_city_and_another_seed_another():
    first, again, other = generated_signature(7), generated_signature(7), generated_signature(8)
    assert first == again
    assert first[1] != other[1]


def test_a_small_city_has_every_part_and_a_mix_of_states():
    result = generate(scale=2, fraction=0.02, seed=3)
    assert result.plans == 2
    assert Unit.objects.filter(code__startswith="syn3").count() == result.units
    assert Target.objects.count() == 2 * 100
    assert {kind for kind in Target.objects.values_list("kind", flat=True)} == {
        "cumulative",
        "growth",
        "level",
        "zero",
        "floor",
        "milestone",
    }
    statuses = set(Report.objects.values_list("status", flat=True))
    assert {ReportStatus.APPROVED, ReportStatus.SUBMITTED, ReportStatus.SUPERSEDED} <= statuses
    assert Report.objects.filter(supersedes__isnull=False, status=ReportStatus.APPROVED).exists()
    assert Hazard.objects.count() == 2 * 100 and HazardEvent.objects.count() >= 200
    assert Project.objects.count() == 2 * 40 and StageEvent.objects.count() >= 80
    assert Measure.objects.exists()
    # Every report belongs to its target's unit, and every person can sign in.
    assert not Report.objects.exclude(unit=F("target__unit")).exists()
    person = User.objects.get(username="syn3-supervisor")
    assert person.check_password("luoshi-demo")
    states = {
        e.state
        for e in evaluate_targets(
            Target.objects.select_related("plan"), date(2025, 10, 15)
        ).values()
    }
    assert {"on_track", "lagging"} <= states


def test_a_second_run_with_the_same_seed_is_refused_and_changes_nothing():
    call_command("generate", "--fraction", "0.02", "--seed", "5", stdout=StringIO())
    units = Unit.objects.count()
    with pytest.raises(CommandError, match="seed 5 is already loaded"):
        call_command("generate", "--fraction", "0.02", "--seed", "5", stdout=StringIO())
    assert Unit.objects.count() == units


@pytest.mark.parametrize("args", [["--scale", "0"], ["--fraction", "2"], ["--months", "13"]])
def test_out_of_range_arguments_are_refused(args):
    with pytest.raises(CommandError):
        call_command("generate", *args, stdout=StringIO())
    assert not Unit.objects.exists()


def test_generated_projects_carry_their_funnel_rows_as_move_project_would_write_them():
    generate(scale=1, fraction=0.02, seed=5)
    written = sorted(ProjectReach.objects.values_list("project_id", "stage", "date"))
    assert written  # every project has at least its first stage
    assert {pid for pid, _, _ in written} == set(Project.objects.values_list("pk", flat=True))
    reach.recount(Project.objects.values_list("pk", flat=True))
    assert sorted(ProjectReach.objects.values_list("project_id", "stage", "date")) == written
