"""Plans and their tasks: read, and the supervisor's rules."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status
from ninja.decorators import decorate_view
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from luoshi.orgs.access import access_plan_by_id, visible_plans, visible_tasks
from luoshi.plans import actions, importing

from .idempotency import idempotent
from .schemas import Error, ImportItemOut, PlanDetail, PlanOut, RulesPatch, TaskOut

router = Router(tags=["plans"])


@router.get("/plans", response=list[PlanOut], summary="Visible plans")
@paginate(LimitOffsetPagination)
def list_plans(request):
    return visible_plans(request.auth).order_by("-start", "title", "pk")


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


@router.get("/tasks", response=list[TaskOut], summary="Visible tasks")
@paginate(LimitOffsetPagination)
def list_tasks(request, plan: int | None = None):
    tasks = visible_tasks(request.auth).prefetch_related("cooperating_units")
    if plan is not None:
        tasks = tasks.filter(plan_id=plan)
    return tasks.order_by("plan", "position", "pk")


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
    response={200: list[ImportItemOut], 403: Error, 404: Error},
    summary="The items the intake engine found in a plan's document (supervisors)",
)
def list_items(request, plan_id: int):
    plan = access_plan_by_id(request.auth, plan_id)
    actions.require_plan_manager(request.auth)
    return list(plan.import_items.order_by("position", "pk"))


@router.post(
    "/plans/{int:plan_id}/confirm",
    response={200: PlanDetail, 403: Error, 404: Error, 422: Error},
    summary="Confirm an imported plan: accepted items become targets (supervisors)",
)
@decorate_view(idempotent)
def confirm_plan(request, plan_id: int):
    plan = access_plan_by_id(request.auth, plan_id)
    return importing.confirm_import(plan, request.auth)
