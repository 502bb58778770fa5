"""The supervision office keeps units, people and roles in the app, every change audited."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation

from luoshi.orgs import actions
from luoshi.orgs.models import Membership, Unit, User


def signs_in(username: str, password: str) -> bool:
    """Through the real sign-in page (django-axes wants a request)."""
    response = Client().post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"  # messages are asserted in their English source form
    with translation.override("en"):
        yield


def test_supervisor_creates_a_unit_under_a_department(city):
    client = city.client("supervisor")
    response = client.post(
        "/units/new/", {"parent": city.commerce.pk, "name": "市商务局外贸科", "reason": "新设"}
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="市商务局外贸科")
    assert (unit.parent, unit.kind, unit.code, unit.short_name) == (
        city.commerce,
        "town",
        "t-swj-1",
        "市商务局外贸科",
    )
    assert unit.path == "/t/t-swj/t-swj-1/"
    record = unit.history.get()
    assert (record.history_user, record.history_change_reason) == (city.supervisor, "新设")


def test_a_taken_code_is_refused_and_nothing_is_created(city):
    response = city.client("supervisor").post(
        "/units/new/", {"parent": city.city.pk, "name": "重复", "code": "t-swj"}
    )
    assert response.status_code == 400
    assert not Unit.objects.filter(name="重复").exists()


def test_moving_a_unit_through_the_ui_moves_its_subtree_and_records_who(city):
    client = city.client("supervisor")
    response = client.post(
        f"/units/{city.housing.pk}/edit/",
        {
            "name": "市住建局",
            "short_name": "市住建局",
            "parent": city.commerce.pk,
            "reason": "机构调整",
        },
    )
    assert response.status_code == 302
    paths = dict(Unit.objects.values_list("code", "path"))
    assert paths["t-zjj"] == "/t/t-swj/t-zjj/"
    assert paths["t-zjj-aq"] == "/t/t-swj/t-zjj/t-zjj-aq/"
    for unit in Unit.objects.filter(code__in=["t-zjj", "t-zjj-aq"]):
        latest = unit.history.first()
        assert (latest.history_user, latest.history_change_reason) == (city.supervisor, "机构调整")
    # The approver of the moved unit still covers its sub-unit.
    assert city.client("housing-approver").get(f"/units/{city.housing_team.pk}/").status_code == 200


@pytest.mark.parametrize("under", ["housing", "housing_team"])
def test_a_unit_cannot_move_under_itself_or_its_descendants(city, under):
    before = dict(Unit.objects.values_list("code", "path"))
    with pytest.raises(ValidationError):
        actions.move_unit(city.housing, city.supervisor, getattr(city, under))
    response = city.client("supervisor").post(
        f"/units/{city.housing.pk}/edit/",
        {"name": "市住建局", "short_name": "市住建局", "parent": getattr(city, under).pk},
    )
    assert response.status_code == 400
    assert dict(Unit.objects.values_list("code", "path")) == before


def test_supervisor_creates_a_person_with_a_role_who_can_then_sign_in(city):
    client = city.client("supervisor")
    response = client.post(
        "/people/new/",
        {
            "username": "wangfang",
            "full_name": "王芳",
            "unit": city.commerce.pk,
            "role": "reporter",
            "reason": "新入职",
        },
        follow=True,
    )
    person = User.objects.get(username="wangfang")
    message = str(list(response.context["messages"])[0])
    password = re.search(r"Temporary password: (\S+)", message)[1]
    assert signs_in("wangfang", password)
    assert list(person.memberships.values_list("unit", "role")) == [(city.commerce.pk, "reporter")]
    assert person.history.last().history_user == city.supervisor  # the creation
    assert Membership.history.get(user_id=person.pk).history_change_reason == "新入职"


def test_a_role_needs_both_unit_and_role(city):
    response = city.client("supervisor").post(
        "/people/new/", {"username": "x1", "full_name": "某", "unit": city.commerce.pk}
    )
    assert response.status_code == 400
    assert not User.objects.filter(username="x1").exists()


def test_reset_password_replaces_the_old_one_and_is_recorded(city):
    client = city.client("supervisor")
    response = client.post(
        f"/people/{city.commerce_reporter.pk}/password/", {"reason": "忘记密码"}, follow=True
    )
    password = re.search(r": (\S+)$", str(list(response.context["messages"])[0]))[1]
    assert not signs_in("commerce-reporter", "persona-pass-123")
    assert signs_in("commerce-reporter", password)
    reset = city.commerce_reporter.history.get(history_change_reason="忘记密码")
    assert reset.history_user == city.supervisor


def test_a_deactivated_person_cannot_sign_in_and_nobody_deactivates_themselves(city):
    client = city.client("supervisor")
    client.post(f"/people/{city.commerce_reporter.pk}/active/", {"active": "0", "reason": "离职"})
    assert not signs_in("commerce-reporter", "persona-pass-123")
    assert User.objects.get(pk=city.commerce_reporter.pk).is_active is False
    client.post(f"/people/{city.supervisor.pk}/active/", {"active": "0"})
    assert User.objects.get(pk=city.supervisor.pk).is_active is True


def test_ending_a_role_keeps_who_ended_it_and_why(city):
    membership = city.commerce_reporter.memberships.get()
    response = city.client("supervisor").post(f"/roles/{membership.pk}/end/", {"reason": "调岗"})
    assert response.status_code == 302
    assert not city.commerce_reporter.memberships.exists()
    ended = Membership.history.filter(id=membership.pk, history_type="-").get()
    assert (ended.history_user, ended.history_change_reason) == (city.supervisor, "调岗")
    page = city.client("supervisor").get(f"/people/{city.commerce_reporter.pk}/")
    assert "调岗" in page.content.decode()


def test_a_supervisor_cannot_take_over_an_administrator_or_make_one(city):
    admin = User.objects.create_user(username="it-admin", password="x-admin-pass-1")
    Membership.objects.create(user=admin, unit=city.city, role="admin")
    client = city.client("supervisor")
    client.post(f"/people/{admin.pk}/password/")
    assert signs_in("it-admin", "x-admin-pass-1")
    client.post(
        f"/people/{city.commerce_reporter.pk}/roles/", {"unit": city.city.pk, "role": "admin"}
    )
    assert not city.commerce_reporter.memberships.filter(role="admin").exists()
    with pytest.raises(PermissionDenied):
        actions.add_membership(
            city.commerce_reporter, city.supervisor, unit=city.city, role="admin"
        )
    # An administrator may.
    actions.reset_password(admin, admin)


def test_people_pages_render_in_chinese(city, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    with translation.override("zh-hans"):
        client = city.client("supervisor")
        for url in (
            "/people/",
            "/people/new/",
            f"/people/{city.commerce_reporter.pk}/",
            "/units/new/",
        ):
            response = client.get(url)
            assert response.status_code == 200, url


def test_the_admin_cannot_put_a_unit_under_its_own_sub_unit_either(city, admin_client):
    response = admin_client.post(
        f"/admin/orgs/unit/{city.housing.pk}/change/",
        {
            "name": "市住建局",
            "short_name": "市住建局",
            "code": "t-zjj",
            "kind": "department",
            "parent": city.housing_team.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert Unit.objects.get(pk=city.housing.pk).parent == city.city
