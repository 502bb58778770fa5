"""Plans and their tasks: read, and the supervisor's rules."""

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Status
from ninja.decorators import decorate_view
from ninja.files import UploadedFile

from luoshi.orgs.access import access_for
from luoshi.plans import actions, importing
from luoshi.plans.access import access_plan_by_id, visible_plans, visible_tasks

from .filters import Year, in_unit, in_year
from .idempotency import idempotent
from .pagination import Keyset, PageIn, page_of
from .schemas import (
    Error,
    Id,
    ImportItemIn,
    ImportItemOut,
    OwnerMappingIn,
    OwnerMappingOut,
    PlanDetail,
    PlanOut,
    RulesPatch,
    TaskOut,
)

router = Router(tags=["plans"])

PLANS = Keyset("plans", "-start", "title", "pk")
TASKS = Keyset("tasks", "plan_id", "position", "pk")
ITEMS = Keyset("import-items", "position", "pk")


@router.get(
    "/plans", response={200: page_of(PlanOut), 400: Error}, summary="Visible plans, newest first"
)
def list_plans(request, page: Query[PageIn], year: Year | None = None):
    """`year`: the plans whose period overlaps that year."""
    return PLANS.page(in_year(visible_plans(request.auth), year), page)


@router.get(
    "/plans/{int:plan_id}", response={200: PlanDetail, 404: Error}, summary="A plan and its rules"
)
def get_plan(request, plan_id: int):
    return access_plan_by_id(request.auth, plan_id)


@router.patch(
    "/plans/{int:plan_id}/rules",
    response={200: PlanDetail, 403: Error, 404: Error, 422: Error},
    summary="Change a plan's rules (supervisors)",
)
def patch_rules(request, plan_id: int, payload: RulesPatch):
    plan = access_plan_by_id(request.auth, plan_id)
    rules = payload.dict(exclude_unset=True, exclude={"reason"})
    return actions.update_plan_rules(plan, request.auth, payload.reason, **rules)


@router.get("/tasks", response={200: page_of(TaskOut), 400: Error}, summary="Visible tasks")
def list_tasks(
    request,
    page: Query[PageIn],
    plan: Id | None = None,
    unit: Id | None = None,
    subtree: bool = False,
    year: Year | None = None,
):
    """`unit`: the lead unit (with `subtree`, or a unit under it); `year`: of the plan."""
    tasks = visible_tasks(request.auth).prefetch_related("cooperating_units")
    if plan is not None:
        tasks = tasks.filter(plan_id=plan)
    tasks = in_unit(request.auth, tasks, unit, subtree, "lead_unit")
    tasks = in_year(tasks, year, "plan__start", "plan__end")
    return TASKS.page(tasks, page)


# --- import: document → draft plan with items → confirmed plan with targets ------------


@router.post(
    "/plans/import",
    response={201: PlanDetail, 403: Error, 422: Error},
    summary="Import a plan from its document (supervisors): a draft plan with items to review",
)
@decorate_view(idempotent)
def import_plan(
    request,
    file: File[UploadedFile],
    title: Form[str],
    start: Form[date],
    end: Form[date],
):
    actions.require_plan_manager(request.auth)
    if file.size is not None and file.size > importing.max_upload_bytes():
        raise ValidationError(
            {
                "file": _("The file is larger than %(mb)s MB.")
                % {"mb": importing.max_upload_bytes() // (1024 * 1024)}
            }
        )
    plan = importing.start_import(
        request.auth,
        title=title.strip(),
        start=start,
        end=end,
        filename=file.name or "",
        content=file.read(),
    )
    return Status(201, plan)


@router.get(
    "/plans/{int:plan_id}/items",
    response={200: page_of(ImportItemOut), 400: Error, 403: Error, 404: Error},
    summary="The items the intake engine found in a plan's document (supervisors)",
)
def list_items(request, plan_id: int, page: Query[PageIn]):
    plan = access_plan_by_id(request.auth, plan_id)
    actions.require_plan_manager(request.auth)
    return ITEMS.page(plan.import_items.all(), page)


def _item_fields(request, payload: ImportItemIn, *, only_sent: bool) -> dict:
    """The payload as importing's fields, with the unit resolved among visible units."""
    fields = payload.dict(exclude_unset=only_sent)
    if not only_sent:
        fields = {name: value for name, value in fields.items() if value is not None}
    if fields.get("unit") is not None:
        unit = access_for(request.auth).visible_units().filter(pk=fields["unit"]).first()
        if unit is None:
            raise ValidationError({"unit": _("No such unit.")})
        fields["unit"] = unit
    return fields


def _draft_item(request, plan_id: int, item_id: int):
    plan = access_plan_by_id(request.auth, plan_id)
    actions.require_plan_manager(request.auth)
    item = plan.import_items.filter(pk=item_id).first()
    if item is None:
        raise Http404("item")
    return item


@router.patch(
    "/plans/{int:plan_id}/items/{int:item_id}",
    response={200: ImportItemOut, 403: Error, 404: Error, 422: Error},
    summary="Correct, accept or reject an import item (supervisors, draft plans)",
)
def patch_item(request, plan_id: int, item_id: int, payload: ImportItemIn):
    item = _draft_item(request, plan_id, item_id)
    return importing.update_item(
        item, request.auth, **_item_fields(request, payload, only_sent=True)
    )


@router.post(
    "/plans/{int:plan_id}/items",
    response={201: ImportItemOut, 403: Error, 404: Error, 422: Error},
    summary="Add an item the intake engine missed (supervisors, draft plans)",
)
@decorate_view(idempotent)
def add_item(request, plan_id: int, payload: ImportItemIn):
    plan = access_plan_by_id(request.auth, plan_id)
    item = importing.add_item(plan, request.auth, **_item_fields(request, payload, only_sent=False))
    return Status(201, item)


@router.post(
    "/plans/{int:plan_id}/owners",
    response={200: OwnerMappingOut, 403: Error, 404: Error, 422: Error},
    summary="Map an owner text to a unit for every item, and remember it for later imports",
)
@decorate_view(idempotent)
def map_owner(request, plan_id: int, payload: OwnerMappingIn):
    plan = access_plan_by_id(request.auth, plan_id)
    actions.require_plan_manager(request.auth)
    unit = access_for(request.auth).visible_units().filter(pk=payload.unit).first()
    if unit is None:
        raise ValidationError({"unit": _("No such unit.")})
    changed = importing.map_owner(plan, request.auth, payload.owner_text, unit)
    return {"owner_text": payload.owner_text.strip(), "unit": unit.pk, "items_changed": changed}


@router.post(
    "/plans/{int:plan_id}/confirm",
    response={200: PlanDetail, 403: Error, 404: Error, 422: Error},
    summary="Confirm an imported plan: accepted items become targets (supervisors)",
)
@decorate_view(idempotent)
def confirm_plan(request, plan_id: int):
    plan = access_plan_by_id(request.auth, plan_id)
    return importing.confirm_import(plan, request.auth)
