"""The bridge from the database to the status engine (luoshi.core.status).

Every page, the API and the bulletins get their states from `evaluate_targets`,
which turns rows into the engine's plain targets and evaluates them. It makes a
fixed number of queries, whatever the number of targets: the targets, their
approved readings, and their milestones together with their ledger measures,
each in one query.

Targets bound to a ledger measure (ledgers.models.Measure) take their reading
from the ledger as of the evaluation date instead of from approved reports
(ledgers.measures.readings_for: one aggregate query per ledger for all the
bound targets together, whatever their number and the size of the ledger);
their manual reports stay in their history but do not count, and they are
never `missing` (the engine gets no cadence).
They get that single reading, not a history of month-end readings: the engine
judges by the latest reading on or before the date (forecasts included), so
earlier readings would not change any result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from django.db.models import Q, QuerySet

from luoshi.core import status as engine
from luoshi.core.explain import render
from luoshi.ledgers.measures import readings_for
from luoshi.ledgers.models import Measure
from luoshi.plans.engine import current_lang, plan_rules, to_engine
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report


def approved_readings(ids: list[int], up_to: date) -> dict[int, list[engine.Reading]]:
    """The approved readings of the targets `ids` dated on or before `up_to`, oldest first
    (one query)."""
    readings: dict[int, list[engine.Reading]] = defaultdict(list)
    rows = (
        Report.objects.filter(target_id__in=ids, status=ReportStatus.APPROVED, as_of__lte=up_to)
        .order_by("as_of", "reviewed_at", "pk")
        .values_list("target_id", "as_of", "value", "overdue")
    )
    for target_id, as_of, value, overdue in rows:
        readings[target_id].append(engine.Reading(as_of, value, overdue))
    return readings


def evaluate_targets(
    targets: QuerySet[Target] | list[Target], at: date, lang: str | None = None
) -> dict[int, engine.Evaluation]:
    """Evaluations of `targets` at `at`, from approved readings dated on or before `at`.

    `targets` should carry their plan (select_related("plan")) to stay within
    the fixed number of queries.
    """
    targets = list(targets)
    if not targets:
        return {}
    ids = [t.pk for t in targets]
    readings = approved_readings(ids, at)
    milestones, measures = _milestones_and_measures(ids)
    bound = [(measures[t.pk], t, at) for t in targets if t.pk in measures]
    for (_measure, target, _at), reading in zip(bound, readings_for(bound), strict=True):
        readings[target.pk] = [reading] if reading is not None else []

    rules_by_plan: dict[int, engine.Rules] = {}
    engine_targets = []
    for target in targets:
        rules = rules_by_plan.get(target.plan_id)
        if rules is None:
            rules = rules_by_plan[target.plan_id] = plan_rules(target.plan)
        engine_targets.append(
            to_engine(
                target,
                readings[target.pk],
                milestones[target.pk],
                rules,
                computed=target.pk in measures,
            )
        )
    evaluations = engine.evaluate_all(engine_targets, at, lang=lang or current_lang())
    return {target.pk: evaluation for target, evaluation in zip(targets, evaluations, strict=True)}


def _milestones_and_measures(
    ids: list[int],
) -> tuple[dict[int, list[engine.Milestone]], dict[int, Measure]]:
    """The targets' milestones and ledger measures, in one query (a row per milestone,
    or one row for a target with a measure and no milestone)."""
    milestones: dict[int, list[engine.Milestone]] = defaultdict(list)
    measures: dict[int, Measure] = {}
    rows = (
        Target.objects.filter(pk__in=ids)
        .filter(Q(milestones__isnull=False) | Q(measure__isnull=False))
        .order_by("pk", "milestones__due", "milestones__pk")
        .values_list(
            "pk",
            "milestones__name",
            "milestones__due",
            "milestones__done",
            "measure__pk",
            "measure__source",
            "measure__aggregate",
            "measure__field",
            "measure__filter",
            "measure__denominator_filter",
        )
    )
    for pk, name, due, done, measure_pk, source, aggregate, field, spec, denominator in rows:
        if due is not None:
            milestones[pk].append(engine.Milestone(name, due, done))
        if measure_pk is not None and pk not in measures:
            measures[pk] = Measure(
                pk=measure_pk,
                target_id=pk,
                source=source,
                aggregate=aggregate,
                field=field,
                filter=spec or {},
                denominator_filter=denominator or {},
            )
    return milestones, measures


def evaluate_target(target: Target, at: date, lang: str | None = None) -> engine.Evaluation:
    return evaluate_targets([target], at, lang)[target.pk]


def evaluate_on_days(
    targets: list[Target], days: dict[int, list[date]], langs: tuple[str, ...] = ("zh", "en")
) -> dict[tuple[int, date], dict[str, engine.Evaluation]]:
    """Evaluations of each target on each of its `days`, in each of `langs`.

    The readings are loaded once, up to the latest day, and the engine ignores
    readings after the day it judges; ledger-bound targets get their reading for
    each day from the ledger. Keys are (target id, day); values map a language to
    its evaluation.
    """
    targets = [t for t in targets if days.get(t.pk)]
    if not targets:
        return {}
    ids = [t.pk for t in targets]
    last = max(day for t in targets for day in days[t.pk])
    readings = approved_readings(ids, last)
    milestones, measures = _milestones_and_measures(ids)
    bound = [(measures[t.pk], t, day) for t in targets if t.pk in measures for day in days[t.pk]]
    ledger = {
        (target.pk, day): reading
        for (_measure, target, day), reading in zip(bound, readings_for(bound), strict=True)
    }
    rules_by_plan: dict[int, engine.Rules] = {}
    by_day: dict[date, list[engine.Target]] = defaultdict(list)
    for target in targets:
        rules = rules_by_plan.get(target.plan_id)
        if rules is None:
            rules = rules_by_plan[target.plan_id] = plan_rules(target.plan)
        measure = measures.get(target.pk)
        shared = None
        for day in days[target.pk]:
            if measure is not None:
                reading = ledger[(target.pk, day)]
                own = [reading] if reading is not None else []
                by_day[day].append(to_engine(target, own, milestones[target.pk], rules, True))
                continue
            if shared is None:
                shared = to_engine(target, readings[target.pk], milestones[target.pk], rules)
            by_day[day].append(shared)
    # Judged once, in the first language; the reason is written again in the others.
    first, *others = langs
    out: dict[tuple[int, date], dict[str, engine.Evaluation]] = defaultdict(dict)
    for day, engine_targets in by_day.items():
        for evaluation in engine.evaluate_all(engine_targets, day, lang=first):
            written = out[(int(evaluation.id), day)]
            written[first] = evaluation
            why = evaluation.why
            for lang in others:
                written[lang] = replace(evaluation, reason=render(why, lang) if why else "")
    return out
