"""Targets: visible lists, one target with its baselines, and the supervisor's edits."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.decorators import decorate_view

from luoshi.orgs.access import access_for
from luoshi.plans import actions
from luoshi.plans.access import access_target_by_id, visible_plans, visible_tasks
from luoshi.plans.choices import TargetKind
from luoshi.plans.models import Plan, Target

from .filters import Year, in_unit, in_year
from .idempotency import idempotent
from .pagination import Keyset, PageIn, page_of
from .schemas import Error, Id, TargetDetail, TargetIn, TargetOut, TargetPatch

router = Router(tags=["targets"])

TARGETS = Keyset("targets", "plan_id", "unit__path", "pk")


def _resolve(user, plan: Plan | None, data: dict) -> dict:
    """Turn the ids of `data` into objects this person may see, or name the bad field."""
    errors = {}
    fields = dict(data)
    for name, value in data.items():
        # A PATCH may send null. Where the column takes it (a task, a baseline) it clears
        # the field; a text that may be blank (unit label, cadence, snippet) becomes empty,
        # as a null schedule is none. Any other null goes on to the action, which names it.
        field = Target._meta.get_field(name)
        if value is None and not field.null and name not in ("unit", "schedule"):
            if isinstance(field, models.CharField | models.TextField) and field.blank:
                fields[name] = ""
    if "unit" in fields:
        fields["unit"] = access_for(user).visible_units().filter(pk=fields["unit"]).first()
        if fields["unit"] is None:
            errors["unit"] = _("No such unit.")
    for name, queryset in (
        ("task", visible_tasks(user).filter(plan=plan)),
        ("part_of", Target.objects.restrict(user, "view").filter(plan=plan)),
    ):
        if fields.get(name) is not None:
            fields[name] = queryset.filter(pk=fields[name]).first()
            if fields[name] is None:
                errors[name] = _("No such %(name)s in this plan.") % {"name": name}
    if "schedule" in fields:
        # An explicit null is no schedule, as an empty list is (the column is never null).
        schedule = fields["schedule"] or []
        fields["schedule"] = [[day.isoformat(), share] for day, share in schedule]
    if errors:
        raise ValidationError(errors)
    return fields


@router.get("/targets", response={200: page_of(TargetOut), 400: Error}, summary="Visible targets")
def list_targets(
    request,
    page: Query[PageIn],
    plan: Id | None = None,
    unit: Id | None = None,
    subtree: bool = False,
    kind: TargetKind | None = None,
    active: bool | None = None,
    year: Year | None = None,
):
    """The filters of GET /status (which adds their states): `unit` with `subtree` takes
    the units under it too; `year` the targets whose period overlaps it."""
    targets = Target.objects.restrict(request.auth, "view")
    if plan is not None:
        targets = targets.filter(plan_id=plan)
    targets = in_unit(request.auth, targets, unit, subtree)
    if kind is not None:
        targets = targets.filter(kind=kind)
    if active is not None:
        targets = targets.filter(is_active=active)
    return TARGETS.page(in_year(targets, year), page)


@router.get(
    "/targets/{int:target_id}",
    response={200: TargetDetail, 404: Error},
    summary="A target: original and current value and dates, re-baselines, milestones",
)
def get_target(request, target_id: int):
    return access_target_by_id(request.auth, target_id)


@router.post(
    "/targets",
    response={201: TargetDetail, 403: Error, 422: Error},
    summary="Create a target (supervisors)",
)
@decorate_view(idempotent)
def create_target(request, payload: TargetIn):
    actions.require_plan_manager(request.auth)
    data = payload.dict()
    plan = visible_plans(request.auth).filter(pk=data.pop("plan")).first()
    if plan is None:
        raise ValidationError({"plan": _("No such plan.")})
    target = actions.create_target(plan, request.auth, **_resolve(request.auth, plan, data))
    return Status(201, target)


@router.patch(
    "/targets/{int:target_id}",
    response={200: TargetDetail, 403: Error, 404: Error, 422: Error},
    summary="Change a target (supervisors); on a confirmed plan a new value or dates is a re-baseline",
)
def patch_target(request, target_id: int, payload: TargetPatch):
    with transaction.atomic():
        target = access_target_by_id(request.auth, target_id)
        actions.require_plan_manager(request.auth)
        data = payload.dict(exclude_unset=True, exclude={"reason"})
        fields = _resolve(request.auth, target.plan, data)
        return actions.update_target(target, request.auth, payload.reason, **fields)
