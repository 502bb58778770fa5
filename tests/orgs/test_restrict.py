"""`Model.objects.restrict(user, action)` keeps exactly the rows the policy allows.

For every persona and every unit-scoped model, the rows a queryset keeps are compared,
one by one, with the answers of `Access` about each row's unit: the database filter
and the Python rule must never disagree.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from luoshi.ledgers.models import Hazard, Project
from luoshi.orgs.access import access_for
from luoshi.orgs.models import User
from luoshi.plans.models import Target
from tests.ledgers.rows import add_ledger_rows
from tests.personas import PERSONAS


def person(username):
    return AnonymousUser() if username is None else User.objects.get(username=username)


def kept(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


@pytest.fixture
def rows_city(plan_city):
    add_ledger_rows(plan_city)
    return plan_city


@pytest.mark.parametrize("username", PERSONAS)
@pytest.mark.parametrize("model", [Project, Hazard])
def test_ledger_rows_kept_for_viewing_and_keeping_follow_the_units(rows_city, username, model):
    user = person(username)
    access = access_for(user)
    rows = list(model.objects.select_related("unit"))
    assert rows

    assert kept(model.objects.restrict(user, "view")) == {
        row.pk for row in rows if access.can_view_unit(row.unit)
    }
    assert kept(model.objects.restrict(user, "report")) == {
        row.pk for row in rows if access.can_report_for(row.unit)
    }


@pytest.mark.parametrize("username", PERSONAS)
def test_targets_kept_for_each_action_follow_the_units(plan_city, username):
    user = person(username)
    access = access_for(user)
    targets = list(Target.objects.select_related("unit", "part_of__unit"))
    assert len({t.unit_id for t in targets}) > 1

    def viewable(target) -> bool:
        part_of = target.part_of
        return access.can_view_unit(target.unit) or (
            part_of is not None and access.can_view_unit(part_of.unit)
        )

    assert kept(Target.objects.restrict(user, "view")) == {t.pk for t in targets if viewable(t)}
    assert kept(Target.objects.restrict(user, "report")) == {
        t.pk for t in targets if access.can_report_for(t.unit)
    }
    assert kept(Target.objects.restrict(user, "approve")) == {
        t.pk for t in targets if access.can_approve_for(t.unit)
    }


def test_an_unknown_action_is_a_programming_error_not_an_empty_list(plan_city):
    with pytest.raises(ValueError, match="unknown action"):
        Target.objects.restrict(plan_city.supervisor, "delete")
