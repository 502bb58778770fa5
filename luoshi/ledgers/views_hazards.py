"""Safety-hazard pages: list (overdue items stand out), detail with 五落实 and photos, and the
entry and status forms, laid out for a phone."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import BooleanField, Case, Value, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.clock import today
from luoshi.formtools import attach_errors
from luoshi.orgs.history import history_of
from luoshi.orgs.requests import AuthedRequest

from . import actions
from .choices import (
    HAZARD_MOVES,
    VERIFIER_MOVES,
    HazardDomain,
    HazardLevel,
    HazardStatus,
    PlaceKind,
)
from .forms import HazardForm, HazardMoveForm, HazardPhotoForm, unit_choices
from .models import Hazard, HazardPhoto
from .queries import filter_hazards, overdue_q
from .views import (
    keeps,
    kept_or_denied,
    kept_units,
    labelled,
    paginate,
    unit_filter,
    visible_or_404,
)

PHOTO_CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def moves_for(user, hazard: Hazard) -> list[str]:
    """The statuses this person may move the hazard to now: the unit's moves for its keepers,
    closing and reopening for verifiers (actions.can_verify)."""
    allowed = HAZARD_MOVES.get(hazard.status, set())
    verifier = actions.can_verify(user)
    keeper = keeps(user, hazard.unit)
    return [
        status
        for status in HazardStatus.values
        if status in allowed and (verifier if status in VERIFIER_MOVES else keeper)
    ]


def _with_photo(form, hazard: Hazard, user, moment: str) -> None:
    """Add the form's photo, if any; a bad photo is the photo field's error (and rolls back)."""
    upload = form.cleaned_data.get("photo")
    if not upload:
        return
    try:
        actions.add_hazard_photo(hazard, user, moment=moment, upload=upload)
    except ValidationError as error:
        raise ValidationError({"photo": error.messages}) from error


@login_required
def hazard_list(request: AuthedRequest) -> HttpResponse:
    day = today()
    rows, filters, data = filter_hazards(request.user, request.GET, day)
    rows = rows.select_related("unit").annotate(
        is_overdue=Case(
            When(overdue_q(day), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
    page, query = paginate(request, rows)
    labelled(
        page.object_list,
        status=HazardStatus,
        domain=HazardDomain,
        level=HazardLevel,
        place_kind=PlaceKind,
    )
    unit_options, can_create = unit_filter(request.user, data.get("unit"))
    context = {
        "page": page,
        "query": query,
        "filters": filters,
        "data": data,
        "unit_options": unit_options,
        "today": day,
        "can_create": can_create,
    }
    return render(request, "ledgers/hazard_list.html", context)


@login_required
def hazard_detail(request: AuthedRequest, hazard_id: int) -> HttpResponse:
    hazard = visible_or_404(Hazard.objects, request.user, hazard_id, "hazard")
    moves = moves_for(request.user, hazard)
    day = today()
    context = {
        "hazard": hazard,
        "is_overdue": hazard.deadline < day and hazard.status != HazardStatus.CLOSED,
        "events": hazard.events.select_related("recorded_by").order_by("date", "pk"),
        "photos": hazard.photos.select_related("uploaded_by"),
        "history": history_of(hazard),
        "can_keep": keeps(request.user, hazard.unit),
        "move_form": HazardMoveForm(statuses=moves, initial={"date": day}) if moves else None,
    }
    return render(request, "ledgers/hazard_detail.html", context)


@login_required
def hazard_new(request: AuthedRequest) -> HttpResponse:
    units = kept_units(request.user)
    if not units:
        raise PermissionDenied
    form = HazardForm(
        request.POST or None,
        request.FILES or None,
        units=unit_choices(units),
        new=True,
        # Whoever enters a hazard has usually found it: their name is the default.
        initial={"found_on": today(), "unit": units[0].pk, "found_by": str(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                hazard = actions.create_hazard(request.user, **form.fields_for_action())
                _with_photo(form, hazard, request.user, HazardPhoto.BEFORE)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Hazard entered in the register."))
            return redirect("hazard-detail", hazard_id=hazard.pk)
    context = {"form": form, "title": _("New safety hazard"), "back": reverse("hazard-list")}
    return render(request, "ledgers/hazard_form.html", context)


def _kept_hazard(request: HttpRequest, hazard_id: int) -> Hazard:
    return kept_or_denied(Hazard.objects, request.user, hazard_id, "hazard")


@login_required
def hazard_edit(request: AuthedRequest, hazard_id: int) -> HttpResponse:
    hazard = _kept_hazard(request, hazard_id)
    form = HazardForm(
        request.POST or None,
        instance=Hazard.objects.get(pk=hazard.pk),
        units=unit_choices(kept_units(request.user)),
        new=False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_hazard(
                hazard, request.user, form.cleaned_data["reason"], **form.fields_for_action()
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Hazard saved."))
            return redirect("hazard-detail", hazard_id=hazard.pk)
    context = {
        "form": form,
        "title": _("Edit hazard"),
        "hazard": hazard,
        "back": reverse("hazard-detail", args=[hazard.pk]),
    }
    return render(request, "ledgers/hazard_form.html", context)


@login_required
def hazard_move(request: AuthedRequest, hazard_id: int) -> HttpResponse:
    """Rectifying / rectified by the unit; closed / reopened by a verifier. With an optional
    photo after rectification."""
    hazard = visible_or_404(Hazard.objects, request.user, hazard_id, "hazard")
    moves = moves_for(request.user, hazard)
    if not moves:
        raise PermissionDenied
    form = HazardMoveForm(
        request.POST or None, request.FILES or None, statuses=moves, initial={"date": today()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                actions.move_hazard(
                    hazard,
                    request.user,
                    status=form.cleaned_data["status"],
                    on=form.cleaned_data["date"],
                    note=form.cleaned_data["note"],
                )
                _with_photo(form, hazard, request.user, HazardPhoto.AFTER)
        except ValidationError as error:
            hazard.refresh_from_db()
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Hazard is now: %(status)s.") % {"status": HazardStatus(hazard.status).label},
            )
            return redirect("hazard-detail", hazard_id=hazard.pk)
    return render(request, "ledgers/hazard_move.html", {"hazard": hazard, "form": form})


@login_required
def hazard_photo(request: AuthedRequest, hazard_id: int) -> HttpResponse:
    """Add a photo (before or after rectification) to a hazard."""
    hazard = _kept_hazard(request, hazard_id)
    form = HazardPhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_hazard_photo(
                hazard,
                request.user,
                moment=form.cleaned_data["moment"],
                upload=form.cleaned_data["photo"],
            )
        except ValidationError as error:
            form.add_error("photo", error)
        else:
            messages.success(request, _("Photo added."))
            return redirect("hazard-detail", hazard_id=hazard.pk)
    return render(request, "ledgers/hazard_photo.html", {"hazard": hazard, "form": form})


@login_required
def hazard_photo_file(request: AuthedRequest, photo_id: int) -> FileResponse:
    """A hazard photo, to whoever may see the hazard (uploads are never served publicly)."""
    photo = (
        HazardPhoto.objects.filter(
            pk=photo_id, hazard__in=Hazard.objects.restrict(request.user, "view")
        )
        .only("image")
        .first()
    )
    if photo is None:
        raise Http404("photo")
    suffix = PurePath(photo.image.name or "").suffix.lower()
    content_type = PHOTO_CONTENT_TYPES.get(suffix, "application/octet-stream")
    response = FileResponse(photo.image.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response
