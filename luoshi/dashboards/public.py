"""The public face (公开): what anyone may read without signing in.

Only targets of confirmed plans that the supervision office published (the whole
plan, or target by target), and of each only: its name and kind, the owner unit, its
state, the latest approved reading with its date, and the expected path. Nothing
unapproved (drafts, submitted reports), no narrative, no evidence, no reason text
(it can mention a report that waits for approval), no person's name.

Pages are built from plain values and cached briefly (`TIMEOUT`); a change of what
is published forgets the plan's pages at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.cache import cache
from django.db.models import F, FilteredRelation, OuterRef, Q, QuerySet, Subquery

from luoshi.plans.choices import PlanStatus
from luoshi.plans.models import Plan, Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .models import Publication
from .queries import expected_path
from .read import Evaluated

TIMEOUT = 60  # seconds: a public page may be a minute old


def public_plans() -> QuerySet[Plan]:
    """Confirmed plans with anything published (without their source document, which
    can be megabytes and is never shown here)."""
    published = Publication.objects.filter(is_active=True).values("plan_id")
    plans = Plan.objects.filter(status=PlanStatus.CONFIRMED, pk__in=published)
    return plans.defer("source_text")


def public_targets(plan: Plan | None = None) -> QuerySet[Target]:
    """Active targets published with their whole plan, or one by one."""
    whole = Publication.objects.filter(is_active=True, target__isnull=True).values("plan_id")
    single = Publication.objects.filter(is_active=True, target__isnull=False).values("target_id")
    targets = Target.objects.filter(
        Q(plan__in=whole) | Q(pk__in=single),
        plan__status=PlanStatus.CONFIRMED,
        is_active=True,
    )
    return targets.filter(plan=plan) if plan is not None else targets


def _approved(targets: QuerySet[Target], at: date) -> QuerySet[Target]:
    """`targets` with their stored state on `at` and the latest approved reading up to it."""
    latest = Report.objects.filter(
        target=OuterRef("pk"), status=ReportStatus.APPROVED, as_of__lte=at
    ).order_by("-as_of", "-version", "-pk")
    return targets.annotate(
        ev=FilteredRelation("stored_evaluations", condition=Q(stored_evaluations__at=at)),
        state=F("ev__state"),
        actual=F("ev__actual"),
        reading_value=Subquery(latest.values("value")[:1]),
        reading_as_of=Subquery(latest.values("as_of")[:1]),
    )


def public_rows(targets: QuerySet[Target], at: date) -> list[dict]:
    """One plain row per target of `targets` (published ones, at most a page of them)."""
    # Brings the stored states of these targets up to date first (a new day, this
    # request's changes), then reads them with the latest approved reading: one query.
    Evaluated(targets, at)
    rows = []
    target: Any  # a Target annotated by _approved (actual, reading_value, state, …)
    for target in _approved(targets, at).select_related("unit", "measure"):
        measured = hasattr(target, "measure")
        value = target.actual if measured else target.reading_value
        rows.append(
            {
                "id": target.pk,
                "name": target.name,
                "kind": target.get_kind_display(),
                "goal": target.value,
                "comparator": target.comparator,
                "unit_label": target.unit_label,
                "owner": target.unit.name,
                "state": target.state,
                "value": value if target.kind != "milestone" else None,
                # A ledger figure is read on the day; a report carries its own date.
                "as_of": (min(at, target.end) if measured and value is not None else None)
                or target.reading_as_of,
            }
        )
    return rows


def public_page_of(plan: Plan) -> QuerySet[Target]:
    """The published targets of `plan` in the public page's order (by unit, then id)."""
    return public_targets(plan).order_by("unit__path", "pk")


def target_chart(target: Target, at: date) -> dict:
    """The expected path and the approved readings up to `at` (no other report)."""
    readings = Report.objects.filter(
        target=target, status=ReportStatus.APPROVED, as_of__lte=at, value__isnull=False
    ).order_by("as_of", "version")
    return {
        "expected": expected_path(target),
        "actual": [(r.as_of.isoformat(), r.value) for r in readings],
        "unit": target.unit_label,
    }


VERSION_KEY = "luoshi:public:version"


def cache_key(kind: str, pk: int, lang: str, at: date) -> str:
    """The key of a cached public page; it changes whenever any publication changes."""
    version = cache.get_or_set(VERSION_KEY, 1, None)
    return f"luoshi:public:{version}:{kind}:{pk}:{lang}:{at.isoformat()}"


def forget(_plan_pk: int | None = None) -> None:
    """Drop every cached public page: what is published changed. (Each process's own
    cache forgets at once; a shared cache, for every process.)"""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
