"""GET /status: every visible active target judged at a date, as the pages judge it."""

from typing import Literal

from django.utils import translation
from ninja import Router

from luoshi.clock import today
from luoshi.plans.evaluation import current_lang, evaluate_targets
from luoshi.plans.models import Target

from .schemas import AtDate, StatusOut

router = Router(tags=["status"])


@router.get("/status", response=StatusOut, summary="States of the visible active targets")
def status(
    request,
    at: AtDate | None = None,
    lang: Literal["zh", "en"] | None = None,
    plan: int | None = None,
    unit: int | None = None,
):
    at = at or today()
    targets = Target.objects.visible_to(request.auth).active().select_related("plan", "unit")
    if plan is not None:
        targets = targets.filter(plan_id=plan)
    if unit is not None:
        targets = targets.filter(unit_id=unit)
    targets = list(targets.order_by("plan", "unit__path", "pk"))
    lang = lang or current_lang()
    with translation.override("zh-hans" if lang == "zh" else "en"):
        evaluations = evaluate_targets(targets, at, lang)
    return {
        "at": at,
        "evaluations": [
            {
                **{k: v for k, v in evaluations[t.pk].to_dict().items() if k != "id"},
                "target": t.pk,
                "name": t.name,
                "unit": t.unit_id,
                "unit_name": t.unit.name,
            }
            for t in targets
        ],
    }
