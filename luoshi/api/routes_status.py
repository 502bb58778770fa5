"""GET /status: the visible active targets judged at a date, as the pages judge them.

Read from the stored evaluations (luoshi.dashboards): filtered and paged in SQL
with a cursor, so a province answers one page at a time. A day that is not
stored (neither today nor a month end) is judged on demand for the page's rows;
its state filters are refused (422), since they would need every target judged.
"""

from typing import Annotated, Literal

from django.db.models import QuerySet
from django.utils import translation
from ninja import Field, Query, Router, Status

from luoshi.clock import today
from luoshi.dashboards.models import EvaluationTally
from luoshi.dashboards.read import Evaluated
from luoshi.orgs.access import access_for
from luoshi.plans.choices import State, TargetKind
from luoshi.plans.engine import current_lang
from luoshi.plans.models import Target

from .filters import Year, in_unit, in_year
from .pagination import Keyset, PageIn
from .schemas import AtDate, Error, StatusOut

router = Router(tags=["status"])

STATUS = Keyset("status", "pk")
# Ids as the databases hold them (a larger number is bad input, 422, not an overflow).
Id = Annotated[int, Field(ge=0, le=2**63 - 1)]
# The engine's states, and the two report conditions the overview filters by too.
StateFilter = Literal[(*State.values, "missing", "awaiting")]  # type: ignore[valid-type]


@router.get(
    "/status",
    response={200: StatusOut, 400: Error, 422: Error},
    summary="States of the visible active targets, a page at a time",
)
def status(
    request,
    page: Query[PageIn],
    at: AtDate | None = None,
    lang: Literal["zh", "en"] | None = None,
    plan: Id | None = None,
    unit: Id | None = None,
    subtree: bool = False,
    kind: Literal[tuple(TargetKind.values)] | None = None,  # type: ignore[valid-type]
    state: StateFilter | None = None,
    year: Year | None = None,
):
    at = at or today()
    targets = Target.objects.restrict(request.auth, "view").active()
    if plan is not None:
        targets = targets.filter(plan_id=plan)
    targets = in_unit(request.auth, targets, unit, subtree)
    if kind is not None:
        targets = targets.filter(kind=kind)
    targets = in_year(targets, year)
    # Whoever sees the whole city, filtered by plan and unit only: the counts are the
    # tally's sums, not an aggregate over every target's stored row (issue 14).
    tally: QuerySet[EvaluationTally] | None = None
    if kind is None and year is None and access_for(request.auth).sees_whole_city:
        tally = EvaluationTally.objects.order_by()
        if plan is not None:
            tally = tally.filter(plan_id=plan)
        tally = in_unit(request.auth, tally, unit, subtree)
    evaluated = Evaluated(targets, at, tally)
    if state is not None and not evaluated.stored:
        return Status(
            422,
            {
                "detail": "A state filter needs a stored day: today or a month end.",
                "errors": {"state": [f"{at.isoformat()} is neither today nor a month end"]},
            },
        )
    listed = evaluated.with_fields(evaluated.filtered(state))
    found, following = STATUS.slice(listed, page)
    lang = lang or current_lang()
    with translation.override("zh-hans" if lang == "zh" else "en"):
        rows = evaluated.rows(found)
    return Status(
        200,
        {
            "at": at,
            "count": evaluated.total if state is None else None,
            "next": following,
            "evaluations": [
                {
                    "target": row.target.pk,
                    "name": row.target.name,
                    "unit": row.target.unit_id,
                    "unit_name": row.target.unit.name,
                    "state": row.evaluation.state,
                    "missing": row.evaluation.missing,
                    "awaiting": row.awaiting,
                    "expected": row.evaluation.expected,
                    "actual": row.evaluation.actual,
                    "ratio": row.evaluation.ratio,
                    "forecast": row.evaluation.forecast,
                    "will_miss": row.evaluation.will_miss,
                    "reason": row.evaluation.reason,
                }
                for row in rows
            ],
        },
    )
