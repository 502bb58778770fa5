"""The supervision office keeps units, people and roles here, not in Django admin.

Every page is 404 for anyone who may not manage units (access.require_unit_manager);
every change goes through an action in actions.py, which records who and why.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.formtools import as_id, attach_errors, bad_post, paginate

from . import actions
from .access import (
    access_for,
    access_membership_by_id,
    access_person_by_id,
    access_unit_by_id,
    require_unit_manager,
)
from .forms import (
    ActiveForm,
    MembershipForm,
    NewUnitForm,
    PersonForm,
    ReasonForm,
    UnitForm,
    role_choices,
)
from .history import history_of
from .models import Membership, User
from .requests import AuthedRequest


def _form_page(request, title: str, form, back: str, status: int = 200) -> HttpResponse:
    return render(request, "form.html", {"title": title, "form": form, "back": back}, status=status)


@login_required
def unit_new(request: AuthedRequest) -> HttpResponse:
    require_unit_manager(request.user)
    initial = {}
    parent = as_id(request.GET.get("parent", ""))
    if parent is not None:
        initial["parent"] = parent
    form = NewUnitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit = actions.create_unit(request.user, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Unit %(name)s created.") % {"name": unit.name})
            return redirect("unit-detail", unit_id=unit.pk)
    status = 400 if form.errors else 200
    return _form_page(request, _("New unit"), form, "/units/", status)


@login_required
def unit_edit(request: AuthedRequest, unit_id: int) -> HttpResponse:
    """Rename a unit or move it (with its sub-units) under another parent."""
    require_unit_manager(request.user)
    unit = access_unit_by_id(request.user, unit_id)
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_unit(
                unit,
                request.user,
                name=data["name"],
                short_name=data["short_name"],
                reason=data["reason"],
            )
            if data.get("parent") and data["parent"].pk != unit.parent_id:
                actions.move_unit(unit, request.user, data["parent"], reason=data["reason"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Unit saved."))
            return redirect("unit-detail", unit_id=unit.pk)
    status = 400 if form.errors else 200
    return _form_page(
        request, _("Edit %(name)s") % {"name": unit.name}, form, f"/units/{unit.pk}/", status
    )


@login_required
def person_list(request: AuthedRequest) -> HttpResponse:
    require_unit_manager(request.user)
    people = User.objects.prefetch_related("memberships__unit").order_by("-is_active", "username")
    page, query = paginate(request, people)
    context = {"people": page.object_list, "page": page, "query": query}
    return render(request, "orgs/person_list.html", context)


@login_required
def person_new(request: AuthedRequest) -> HttpResponse:
    require_unit_manager(request.user)
    roles = role_choices(access_for(request.user).is_admin)
    form = PersonForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person, password = actions.create_person(
                request.user,
                username=data["username"],
                full_name=data["full_name"],
                phone=data["phone"],
                reason=data["reason"],
            )
            if data.get("unit"):
                actions.add_membership(
                    person,
                    request.user,
                    unit=data["unit"],
                    role=data["role"],
                    reason=data["reason"],
                )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Account %(username)s created. Temporary password: %(password)s")
                % {"username": person.username, "password": password},
            )
            return redirect("person-detail", person_id=person.pk)
    status = 400 if form.errors else 200
    return _form_page(request, _("New person"), form, "/people/", status)


def _person_page(request, person, membership_form=None, status=200) -> HttpResponse:
    roles = role_choices(access_for(request.user).is_admin)
    context = {
        "person": person,
        "memberships": person.memberships.select_related("unit").order_by("unit__path", "role"),
        "membership_form": membership_form or MembershipForm(roles=roles),
        "history": history_of(person),
        # Roles given and ended: the membership rows' own history, newest first.
        "role_history": Membership.history.filter(user_id=person.pk)
        .select_related("history_user", "unit")
        .order_by("-history_date")[:50],
    }
    return render(request, "orgs/person_detail.html", context, status=status)


@login_required
def person_detail(request: AuthedRequest, person_id: int) -> HttpResponse:
    return _person_page(request, access_person_by_id(request.user, person_id))


def _refused(request, person) -> HttpResponse:
    messages.error(request, _("Only an administrator changes an administrator's account."))
    return redirect("person-detail", person_id=person.pk)


@login_required
@require_POST
def person_set_active(request: AuthedRequest, person_id: int) -> HttpResponse:
    person = access_person_by_id(request.user, person_id)
    form = ActiveForm(request.POST)
    if not form.is_valid():
        return bad_post(form, request)
    active = form.cleaned_data["active"]
    try:
        actions.set_person_active(person, request.user, active, reason=form.cleaned_data["reason"])
    except PermissionDenied:
        return _refused(request, person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Account reactivated.") if active else _("Account deactivated.")
        )
    return redirect("person-detail", person_id=person.pk)


@login_required
@require_POST
def person_reset_password(request: AuthedRequest, person_id: int) -> HttpResponse:
    person = access_person_by_id(request.user, person_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return bad_post(form, request)
    try:
        password = actions.reset_password(person, request.user, reason=form.cleaned_data["reason"])
    except PermissionDenied:
        return _refused(request, person)
    messages.success(
        request,
        _("New temporary password for %(username)s: %(password)s")
        % {"username": person.username, "password": password},
    )
    return redirect("person-detail", person_id=person.pk)


@login_required
@require_POST
def membership_add(request: AuthedRequest, person_id: int) -> HttpResponse:
    person = access_person_by_id(request.user, person_id)
    roles = role_choices(access_for(request.user).is_admin)
    form = MembershipForm(request.POST, roles=roles)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_membership(
                person, request.user, unit=data["unit"], role=data["role"], reason=data["reason"]
            )
        except PermissionDenied:
            return _refused(request, person)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Role given."))
            return redirect("person-detail", person_id=person.pk)
    return _person_page(request, person, membership_form=form, status=400)


@login_required
@require_POST
def membership_end(request: AuthedRequest, membership_id: int) -> HttpResponse:
    membership = access_membership_by_id(request.user, membership_id)
    person = membership.user
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return bad_post(form, request)
    try:
        actions.end_membership(membership, request.user, reason=form.cleaned_data["reason"])
    except PermissionDenied:
        return _refused(request, person)
    messages.success(request, _("Role ended."))
    return redirect("person-detail", person_id=person.pk)
