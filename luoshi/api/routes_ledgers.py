"""Ledgers (台账): investment projects and safety hazards, with the pages' access rules.

Rows are seen through `restrict(user, "view")` (404 otherwise) and changed only through
luoshi.ledgers.actions, which decide who keeps a unit's rows (403 for a visible
row one may not change) and who verifies a hazard. The schemas live here, beside
the routes, to keep the ledger API in one module.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import StringConstraints

from luoshi.clock import today
from luoshi.ledgers import actions
from luoshi.ledgers.choices import HazardDomain, HazardLevel, HazardStatus, PlaceKind, Stage
from luoshi.ledgers.models import Hazard, Project
from luoshi.orgs.access import access_for

from .filters import Year
from .idempotency import idempotent
from .pagination import Keyset, PageIn, page_of
from .schemas import Error, Id

router = Router(tags=["ledgers"])

WRITE_ERRORS = {403: Error, 404: Error, 422: Error}
PROJECTS = Keyset("projects", "unit__path", "name", "pk")
HAZARDS = Keyset("hazards", "-found_on", "pk")


def _text(max_length: int, min_length: int = 0) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2, allow_inf_nan=False)]
Funds = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2, allow_inf_nan=False)]
Name = Annotated[str, _text(200, 1)]
Note = Annotated[str, _text(300)]
Reason = Annotated[str, _text(300, 1)]
Short = Annotated[str, _text(100)]
ShortRequired = Annotated[str, _text(100, 1)]
LongText = Annotated[str, _text(10000)]
Description = Annotated[str, _text(10000, 1)]


# --- schemas ---------------------------------------------------------------------------


class StageEventOut(Schema):
    stage: Stage
    date: dt.date
    note: str
    recorded_by: str
    recorded_at: dt.datetime

    @staticmethod
    def resolve_recorded_by(event) -> str:
        return event.recorded_by.username


class ProjectOut(Schema):
    id: int
    name: str
    investor: str
    origin: str
    industry_chain: str
    planned_amount: float
    paid_in_amount: float
    unit: int = Field(alias="unit_id")
    stage: Stage
    dropped_on: dt.date | None
    drop_reason: str
    note: str
    created_at: dt.datetime


class ProjectDetail(ProjectOut):
    events: list[StageEventOut]

    @staticmethod
    def resolve_events(project) -> list:
        return list(project.events.select_related("recorded_by").order_by("date", "pk"))


class ProjectIn(Schema):
    """A new project, at `stage` since `stage_date` (default: today)."""

    name: Name
    investor: Name
    origin: Short = ""
    industry_chain: Short = ""
    planned_amount: Amount = Decimal(0)
    paid_in_amount: Amount = Decimal(0)
    unit: int
    note: LongText = ""
    stage: Stage = Stage.NEGOTIATING
    stage_date: dt.date | None = None


class ProjectPatch(Schema):
    """Only the fields named change; `reason` goes into the project's history."""

    name: Name | None = None
    investor: Name | None = None
    origin: Short | None = None
    industry_chain: Short | None = None
    planned_amount: Amount | None = None
    paid_in_amount: Amount | None = None
    unit: Id | None = None
    note: LongText | None = None
    reason: Note = ""


class ProjectMoveIn(Schema):
    """The project reached `stage` on `date` (default: today); moves back are allowed."""

    stage: Stage
    date: dt.date | None = None
    note: Note = ""


class ProjectDropIn(Schema):
    date: dt.date | None = None
    reason: Reason


class HazardEventOut(Schema):
    status: HazardStatus
    date: dt.date
    note: str
    recorded_by: str
    recorded_at: dt.datetime

    @staticmethod
    def resolve_recorded_by(event) -> str:
        return event.recorded_by.username


class HazardPhotoOut(Schema):
    id: int
    moment: str
    uploaded_by: str
    uploaded_at: dt.datetime

    @staticmethod
    def resolve_uploaded_by(photo) -> str:
        return photo.uploaded_by.username


class HazardOut(Schema):
    id: int
    description: str
    domain: HazardDomain
    place: str
    place_kind: PlaceKind
    level: HazardLevel
    found_on: dt.date
    found_by: str
    unit: int = Field(alias="unit_id")
    deadline: dt.date
    measures: str
    status: HazardStatus
    overdue: bool
    responsible_person: str
    funds: float | None
    contingency_plan: str
    created_at: dt.datetime

    @staticmethod
    def resolve_overdue(hazard) -> bool:
        """Past its deadline today and not verified closed."""
        return hazard.deadline < today() and hazard.status != HazardStatus.CLOSED


class HazardDetail(HazardOut):
    events: list[HazardEventOut]
    photos: list[HazardPhotoOut]

    @staticmethod
    def resolve_events(hazard) -> list:
        return list(hazard.events.select_related("recorded_by").order_by("date", "pk"))

    @staticmethod
    def resolve_photos(hazard) -> list:
        return list(hazard.photos.select_related("uploaded_by"))


class HazardIn(Schema):
    description: Description
    domain: HazardDomain
    place: Name
    place_kind: PlaceKind = PlaceKind.OTHER
    level: HazardLevel = HazardLevel.ORDINARY
    found_on: dt.date
    found_by: ShortRequired
    unit: int
    deadline: dt.date
    measures: LongText = ""
    responsible_person: Short = ""
    funds: Funds | None = None
    contingency_plan: LongText = ""


class HazardPatch(Schema):
    """Only the fields named change; `reason` goes into the hazard's history."""

    description: Description | None = None
    domain: HazardDomain | None = None
    place: Name | None = None
    place_kind: PlaceKind | None = None
    level: HazardLevel | None = None
    found_on: dt.date | None = None
    found_by: ShortRequired | None = None
    unit: Id | None = None
    deadline: dt.date | None = None
    measures: LongText | None = None
    responsible_person: Short | None = None
    funds: Funds | None = None
    contingency_plan: LongText | None = None
    reason: Note = ""


class HazardMoveIn(Schema):
    """rectifying / rectified (the unit), closed / reopened (a verifier; reopening needs a note)."""

    status: HazardStatus
    date: dt.date | None = None
    note: Note = ""


# --- helpers ---------------------------------------------------------------------------


def _row(model, user, pk: int, what: str):
    row = model.objects.restrict(user, "view").select_related("unit").filter(pk=pk).first()
    if row is None:
        raise Http404(what)
    return row


def _unit_in(user, fields: dict) -> dict:
    """Turn the `unit` id into a unit this person may see, or name the bad field (422)."""
    if "unit" in fields:
        unit = access_for(user).visible_units().filter(pk=fields["unit"]).first()
        if unit is None:
            raise ValidationError({"unit": _("No such unit.")})
        fields["unit"] = unit
    return fields


def _subtree(user, rows, unit_id: int | None):
    if unit_id is None:
        return rows
    unit = access_for(user).visible_units().filter(pk=unit_id).first()
    return rows.filter(unit__path__startswith=unit.path) if unit else rows.none()


# --- investment projects --------------------------------------------------------------


@router.get(
    "/projects",
    response={200: page_of(ProjectOut), 400: Error},
    summary="Visible investment projects",
)
def list_projects(
    request,
    page: Query[PageIn],
    unit: Id | None = None,
    stage: Stage | None = None,
    dropped: bool | None = None,
    q: str | None = None,
):
    """`unit` includes the units under it; `dropped` false lists the active ones only."""
    rows = _subtree(request.auth, Project.objects.restrict(request.auth, "view"), unit)
    if stage is not None:
        rows = rows.filter(stage=stage)
    if dropped is not None:
        rows = rows.filter(dropped_on__isnull=not dropped)
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(investor__icontains=q))
    return PROJECTS.page(rows, page)


@router.get(
    "/projects/{int:project_id}",
    response={200: ProjectDetail, 404: Error},
    summary="A project with its dated stage events",
)
def get_project(request, project_id: int):
    return _row(Project, request.auth, project_id, "project")


@router.post(
    "/projects",
    response={201: ProjectDetail, 403: Error, 422: Error},
    summary="Enter a project in the ledger (its unit's reporters and approvers, supervisors)",
)
@decorate_view(idempotent)
def create_project(request, payload: ProjectIn):
    fields = _unit_in(request.auth, payload.dict(exclude={"stage", "stage_date"}))
    project = actions.create_project(
        request.auth, stage=payload.stage, stage_date=payload.stage_date, **fields
    )
    return Status(201, project)


@router.patch(
    "/projects/{int:project_id}",
    response={200: ProjectDetail, **WRITE_ERRORS},
    summary="Change a project's fields",
)
def patch_project(request, project_id: int, payload: ProjectPatch):
    with transaction.atomic():
        project = _row(Project, request.auth, project_id, "project")
        fields = _unit_in(request.auth, payload.dict(exclude_unset=True, exclude={"reason"}))
        return actions.update_project(project, request.auth, payload.reason, **fields)


@router.post(
    "/projects/{int:project_id}/move",
    response={200: ProjectDetail, **WRITE_ERRORS},
    summary="Record that a project reached a stage on a date (moves back allowed)",
)
@decorate_view(idempotent)
def move_project(request, project_id: int, payload: ProjectMoveIn):
    project = _row(Project, request.auth, project_id, "project")
    actions.move_project(
        project, request.auth, stage=payload.stage, on=payload.date or today(), note=payload.note
    )
    return project


@router.post(
    "/projects/{int:project_id}/drop",
    response={200: ProjectDetail, **WRITE_ERRORS},
    summary="Mark a project as dropped, with the date and the reason (it stays in the ledger)",
)
@decorate_view(idempotent)
def drop_project(request, project_id: int, payload: ProjectDropIn):
    project = _row(Project, request.auth, project_id, "project")
    return actions.drop_project(
        project, request.auth, on=payload.date or today(), reason=payload.reason
    )


# --- safety hazards -------------------------------------------------------------------------


@router.get(
    "/hazards", response={200: page_of(HazardOut), 400: Error}, summary="Visible safety hazards"
)
def list_hazards(
    request,
    page: Query[PageIn],
    unit: Id | None = None,
    domain: HazardDomain | None = None,
    level: HazardLevel | None = None,
    status: HazardStatus | None = None,
    place_kind: PlaceKind | None = None,
    overdue: bool | None = None,
    year: Year | None = None,
):
    """`unit` includes the units under it; `overdue` true: past the deadline, not closed;
    `year`: found in that year. Newest found first."""
    rows = _subtree(request.auth, Hazard.objects.restrict(request.auth, "view"), unit)
    for name, value in (
        ("domain", domain),
        ("level", level),
        ("status", status),
        ("place_kind", place_kind),
    ):
        if value is not None:
            rows = rows.filter(**{name: value})
    if overdue is not None:
        late = Q(deadline__lt=today()) & ~Q(status=HazardStatus.CLOSED)
        rows = rows.filter(late if overdue else ~late)
    if year is not None:
        rows = rows.filter(found_on__year=year)
    return HAZARDS.page(rows, page)


@router.get(
    "/hazards/{int:hazard_id}",
    response={200: HazardDetail, 404: Error},
    summary="A hazard with its dated status events and photos",
)
def get_hazard(request, hazard_id: int):
    return _row(Hazard, request.auth, hazard_id, "hazard")


@router.post(
    "/hazards",
    response={201: HazardDetail, 403: Error, 422: Error},
    summary="Enter a hazard in the register (its unit's reporters and approvers, supervisors)",
)
@decorate_view(idempotent)
def create_hazard(request, payload: HazardIn):
    hazard = actions.create_hazard(request.auth, **_unit_in(request.auth, payload.dict()))
    return Status(201, hazard)


@router.patch(
    "/hazards/{int:hazard_id}",
    response={200: HazardDetail, **WRITE_ERRORS},
    summary="Change a hazard's fields (its status moves through /move)",
)
def patch_hazard(request, hazard_id: int, payload: HazardPatch):
    with transaction.atomic():
        hazard = _row(Hazard, request.auth, hazard_id, "hazard")
        fields = _unit_in(request.auth, payload.dict(exclude_unset=True, exclude={"reason"}))
        return actions.update_hazard(hazard, request.auth, payload.reason, **fields)


@router.post(
    "/hazards/{int:hazard_id}/move",
    response={200: HazardDetail, **WRITE_ERRORS},
    summary="Move a hazard: rectifying, rectified (the unit); closed, reopened (a verifier)",
)
@decorate_view(idempotent)
def move_hazard(request, hazard_id: int, payload: HazardMoveIn):
    hazard = _row(Hazard, request.auth, hazard_id, "hazard")
    actions.move_hazard(
        hazard, request.auth, status=payload.status, on=payload.date or today(), note=payload.note
    )
    return hazard
