"""Plan import: a published document → a draft plan with items under review → targets.

The steps of DESIGN.md section 5, as actions the web views and the API share:

    plan = start_import(user, title=…, start=…, end=…, filename="plan.docx", content=b"…")
    update_item(item, user, value=6)          # correct what the engine read
    set_decision(item, user, "rejected")      # or drop it
    add_item(plan, user, metric=…, …)         # or add what it missed
    map_owner(plan, user, "市商务局", unit)    # owner text → unit, remembered (OwnerAlias)
    confirm_import(plan, user)                # targets exist, each linked to its snippet

Each action is atomic, checks that the person may manage plans and leaves
history rows naming the person. Bad input raises ValidationError with a
message for the user and changes nothing.
"""

from __future__ import annotations

import calendar
import re
import tempfile
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from luoshi.core.intake import IntakeError, extract, read_document
from luoshi.orgs.history import save_with_history
from luoshi.orgs.models import Unit, User
from luoshi.textclean import clean_text

from .actions import (
    ask_part,
    check_values,
    confirm_plan,
    create_plan,
    create_target,
    require_plan_manager,
)
from .choices import Cadence, Comparator, TargetKind
from .models import ImportDecision, ImportItem, Milestone, OwnerAlias, Plan

ALLOWED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Comparators an item may carry: the target comparators, and "none" (a milestone).
ITEM_COMPARATORS = ("", "none", *Comparator.values)
ITEM_KINDS = ("target", "statistic")
#: What a supervisor may change on an item.
ITEM_FIELDS = (
    "kind",
    "target_kind",
    "owner_text",
    "unit",
    "metric",
    "comparator",
    "value",
    "unit_label",
    "period",
    "cadence",
    "cooperating_text",
    "baseline",
    "snippet",
    "note",
    "decision",
)
#: An item's cadence: blank for the plan's default, "none" for no regular reports.
ITEM_CADENCE_VALUES = ("", "none", *Cadence.values)
# "市工信局、市科技局、市数据局负责": the units one owner text names. Not 和: it is inside
# names (市人力资源和社会保障局).
_OWNER_SEPARATORS = re.compile(r"\s*(?:[、，,；;/]|会同)\s*")
_OWNER_TAIL = re.compile(r"(?:等单位|等部门)?(?:牵头)?(?:负责|落实|配合|牵头)?$")
#: Target kinds that cannot be judged without a target value.
NEEDS_VALUE = (TargetKind.CUMULATIVE, TargetKind.GROWTH, TargetKind.LEVEL)


def max_upload_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES) or DEFAULT_MAX_BYTES)


# -- reading ----------------------------------------------------------------------------


def _read(filename: str, content: bytes) -> str:
    """The document's text, or ValidationError with the engine's message (naming the file)."""
    ext = Path(filename).suffix.lower()
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("%(name)s: unsupported file type; use %(allowed)s.")
            % {"name": filename, "allowed": ", ".join(ALLOWED_EXTENSIONS)},
            code="extension",
        )
    if not content:
        raise ValidationError(_("%(name)s is empty.") % {"name": filename}, code="empty")
    if len(content) > max_upload_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(size)s.")
            % {"name": filename, "size": filesizeformat(max_upload_bytes())},
            code="size",
        )
    with tempfile.TemporaryDirectory(prefix="luoshi-import-") as tmp:
        path = Path(tmp) / f"document{ext}"
        path.write_bytes(content)
        try:
            # Control characters (a .docx's \x0b line breaks) are dropped before the engine
            # reads the text, so offsets, snippets and the stored text agree.
            return clean_text(read_document(str(path)))
        except IntakeError as exc:
            # The engine names the file it read: name the one the person uploaded instead.
            raise ValidationError(
                exc.message.replace(str(path), filename), code="unreadable"
            ) from exc


def _clip(value, field: str) -> str:
    text = "" if value is None else str(value).strip()
    return text[: getattr(ImportItem._meta.get_field(field), "max_length", None)]


def _prefill_units(owner_texts: set[str]) -> dict[str, Unit]:
    """Owner text → unit: a remembered alias first, then an active unit of that very name."""
    texts = {t for t in owner_texts if t}
    if not texts:
        return {}
    found = {
        alias.text: alias.unit
        for alias in OwnerAlias.objects.filter(text__in=texts, unit__is_active=True).select_related(
            "unit"
        )
    }
    rest = texts - set(found)
    if rest:
        by_text: dict[str, list[Unit]] = {}
        for unit in Unit.objects.active().filter(Q(name__in=rest) | Q(short_name__in=rest)):
            for text in {unit.name, unit.short_name} & rest:
                by_text.setdefault(text, []).append(unit)
        # Two units of one name are ambiguous: leave the choice to the supervisor.
        found.update({t: units[0] for t, units in by_text.items() if len(units) == 1})
    return found


def split_owner(text: str) -> tuple[str, list[str]]:
    """The lead unit and the cooperating units an owner text names, in order.

    DESIGN.md section 5: several units on one item, the first leads and the
    others cooperate. "市工信局、市科技局、市数据局负责" → ("市工信局", ["市科技局", "市数据局"]).
    """
    names = []
    for part in _OWNER_SEPARATORS.split((text or "").strip()):
        name = _OWNER_TAIL.sub("", part.strip()).strip()
        if name and name not in names:
            names.append(name)
    if not names:
        return "", []
    return names[0], names[1:]


def cooperating_names(item: ImportItem) -> list[str]:
    return [n for n in item.cooperating_text.split("、") if n]


def _new_item(plan: Plan, position: int, it: dict, units: dict[str, Unit]) -> ImportItem:
    kind = "statistic" if it.get("kind") == "statistic" else "target"
    lead, others = split_owner(str(it.get("owner") or ""))
    # The engine may name the cooperating units apart from the lead (co_owners).
    co = it.get("co_owners") or []
    for name in [co] if isinstance(co, str) else co:
        first, rest = split_owner(str(name))
        for other in [first, *rest]:
            if other and other != lead and other not in others:
                others.append(other)
    owner = _clip(lead, "owner_text")
    target_kind = it.get("target_kind") or ""
    return ImportItem(
        plan=plan,
        position=position,
        kind=kind,
        target_kind=target_kind if target_kind in TargetKind.values else "",
        owner_text=owner,
        unit=units.get(owner),
        metric=_clip(it.get("metric"), "metric"),
        comparator=_clip(it.get("comparator"), "comparator"),
        value=it.get("value"),
        unit_label=_clip(it.get("unit"), "unit_label"),
        period=_clip(it.get("period"), "period"),
        cooperating_text=_clip("、".join(others), "cooperating_text"),
        snippet=it.get("snippet") or "",
        start_offset=it.get("start"),
        end_offset=it.get("end"),
        note=_clip(it.get("note"), "note"),
        # Targets are what a plan is for; statistics are facts, kept only if asked for.
        decision=ImportDecision.ACCEPTED if kind == "target" else ImportDecision.REJECTED,
    )


def start_import(
    user: User, *, title: str, start: date, end: date, filename: str, content: bytes
) -> Plan:
    """Read the document and create a draft plan with one ImportItem per extracted item."""
    require_plan_manager(user)
    filename = Path(filename or "").name or "document"
    raw = _read(filename, content)
    result = extract(raw, year=start.year if start else None)
    if not result.text.strip():
        raise ValidationError(_("%(name)s holds no text.") % {"name": filename}, code="empty")
    with transaction.atomic():
        plan = create_plan(user, title=title, start=start, end=end, source_text=result.text)
        plan.source_file.save(filename, ContentFile(content), save=False)
        stored = plan.source_file.name
        try:
            save_with_history(plan, user, "created", update_fields=["source_file"])
            units = _prefill_units(
                {
                    _clip(split_owner(str(it.get("owner") or ""))[0], "owner_text")
                    for it in result.items
                }
            )
            items = [
                _new_item(plan, position, it, units) for position, it in enumerate(result.items, 1)
            ]
            for item in items:
                item.full_clean(exclude=["plan", "unit"])  # both were just chosen above
            # One INSERT for the items and one for their history rows, however many.
            bulk_create_with_history(
                items, ImportItem, default_user=user, default_change_reason="extracted"
            )
        except BaseException:
            # The row goes with the transaction; the stored file must go by hand.
            if stored:
                plan.source_file.storage.delete(stored)
            raise
    return plan


# -- review -----------------------------------------------------------------------------


def _require_draft(plan: Plan) -> None:
    if plan.is_confirmed:
        raise ValidationError(_("This plan is confirmed: its import can no longer change."))


def _locate(text: str, snippet: str, near: int | None = None) -> tuple[int, int] | None:
    """Offsets of `snippet` in `text`, the occurrence nearest `near` if it occurs twice."""
    if not snippet:
        return None
    found = [m.start() for m in re.finditer(re.escape(snippet), text)]
    if not found:
        return None
    best = min(found, key=lambda s: abs(s - near)) if near is not None else found[0]
    return best, best + len(snippet)


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown item fields: %s") % ", ".join(sorted(unknown)))
    errors = {}
    if "kind" in fields and fields["kind"] not in ITEM_KINDS:
        errors["kind"] = _("Choose target or statistic.")
    if "comparator" in fields and (fields["comparator"] or "") not in ITEM_COMPARATORS:
        errors["comparator"] = _("Unknown comparator %s.") % fields["comparator"]
    if "decision" in fields and fields["decision"] not in ImportDecision.values:
        errors["decision"] = _("Unknown decision %s.") % fields["decision"]
    if "cadence" in fields and (fields["cadence"] or "") not in ITEM_CADENCE_VALUES:
        errors["cadence"] = _("Unknown cadence %s.") % fields["cadence"]
    if errors:
        raise ValidationError(errors)


def _apply(item: ImportItem, plan: Plan, fields: dict) -> None:
    old_snippet, old_owner = item.snippet, item.owner_text
    for name, value in fields.items():
        if name != "unit" and name != "value" and name != "baseline" and value is None:
            value = ""
        setattr(item, name, value)
    if "owner_text" in fields and "cooperating_text" not in fields:
        # An owner text typed as several units: the first leads, the others cooperate.
        lead, others = split_owner(item.owner_text)
        if others:
            item.owner_text = lead
            item.cooperating_text = _clip("、".join(others), "cooperating_text")
    elif "cooperating_text" in fields:
        names = [
            n for part in _OWNER_SEPARATORS.split(item.cooperating_text) if (n := part.strip())
        ]
        item.cooperating_text = _clip("、".join(dict.fromkeys(names)), "cooperating_text")
    if item.snippet != old_snippet or item.start_offset is None:
        # Keep the item pointing at its words in the text, or at nothing.
        span = _locate(plan.source_text, item.snippet, item.start_offset)
        item.start_offset, item.end_offset = span if span else (None, None)
    if "unit" not in fields and item.owner_text != old_owner:
        item.unit = _prefill_units({item.owner_text}).get(item.owner_text, item.unit)


@transaction.atomic
def update_item(item: ImportItem, user: User, reason: str = "", **fields) -> ImportItem:
    """Correct an item: any of ITEM_FIELDS. A changed snippet is found again in the text."""
    require_plan_manager(user)
    _check_fields(fields)
    plan = Plan.objects.select_for_update().get(pk=item.plan_id)
    _require_draft(plan)
    _apply(item, plan, fields)
    save_with_history(item, user, reason or "edited")
    return item


@transaction.atomic
def add_item(plan: Plan, user: User, **fields) -> ImportItem:
    """An item the engine missed; accepted unless told otherwise, located by its snippet."""
    require_plan_manager(user)
    _check_fields(fields)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    fields.setdefault("kind", "target")
    fields.setdefault("decision", ImportDecision.ACCEPTED)
    last = plan.import_items.aggregate(last=Max("position"))["last"] or 0
    item = ImportItem(plan=plan, position=last + 1)
    _apply(item, plan, fields)
    if "unit" not in fields and item.owner_text:
        item.unit = _prefill_units({item.owner_text}).get(item.owner_text)
    save_with_history(item, user, "added")
    return item


@transaction.atomic
def set_decision(item: ImportItem, user: User, decision: str) -> ImportItem:
    return update_item(item, user, reason=decision, decision=decision)


@transaction.atomic
def set_import_defaults(plan: Plan, user: User, *, cadence: str, due_day: int) -> Plan:
    """The cadence and due day every imported target gets unless its item names another."""
    require_plan_manager(user)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if cadence not in ("", *Cadence.values):
        raise ValidationError({"default_cadence": _("Unknown cadence %s.") % cadence})
    plan.default_cadence, plan.default_due_day = cadence, due_day
    check_values(plan)
    save_with_history(plan, user, "import defaults")
    return plan


@transaction.atomic
def map_owner(plan: Plan, user: User, owner_text: str, unit: Unit) -> int:
    """Give every item with this owner text the unit, and remember it for the next import.

    Returns the number of items changed.
    """
    require_plan_manager(user)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    owner_text = (owner_text or "").strip()
    if not owner_text:
        raise ValidationError(_("Choose an owner text to map."))
    if unit is None or not unit.is_active:
        raise ValidationError(_("Choose an active unit."))
    changed = 0
    for item in plan.import_items.filter(owner_text=owner_text):
        if item.unit_id != unit.pk:
            item.unit = unit
            save_with_history(item, user, f"owner mapped: {owner_text}")
            changed += 1
    alias = OwnerAlias.objects.select_for_update().filter(text=owner_text).first()
    if alias is None:
        alias = OwnerAlias(text=_clip(owner_text, "owner_text")[:100], unit=unit)
        save_with_history(alias, user, "mapped at import")
    elif alias.unit_id != unit.pk:
        alias.unit = unit
        save_with_history(alias, user, "mapped at import")
    return changed


# -- confirmation -----------------------------------------------------------------------

_YEAR = re.compile(r"^(\d{4})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_QUARTERS = re.compile(r"^(\d{4})Q([1-4])(?:-Q([1-4]))?$")
_MONTHS = re.compile(r"^(\d{4})M(\d{2})(?:-M(\d{2}))?$")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_dates(period: str, plan: Plan) -> tuple[date, date, date | None]:
    """(start, end, due) of a target from an item's period; the plan's dates when unknown.

    "2025" → that year (a later year, 到2027年, runs from the plan's start to its end);
    "2025-06-30" → ends, and is due, that day; "2025-06", "2025H1", "2025Q1-Q3",
    "2025M01-M04" → those months. Anything else → the plan's dates.
    """
    p = (period or "").strip()
    try:
        if m := _DAY.match(p):
            due = date(int(m[1]), int(m[2]), int(m[3]))
            return plan.start, max(due, plan.start), due
        if m := _YEAR.match(p):
            year = int(m[1])
            if year > plan.end.year:
                return plan.start, date(year, 12, 31), None
            return date(year, 1, 1), date(year, 12, 31), None
        if m := _MONTH.match(p):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), _month_end(year, month), None
        if m := _HALF.match(p):
            year, half = int(m[1]), int(m[2])
            return date(year, 6 * half - 5, 1), _month_end(year, 6 * half), None
        if m := _QUARTERS.match(p):
            year, q1 = int(m[1]), int(m[2])
            q2 = int(m[3] or q1)
            return date(year, 3 * q1 - 2, 1), _month_end(year, 3 * q2), None
        if m := _MONTHS.match(p):
            year, m1 = int(m[1]), int(m[2])
            m2 = int(m[3] or m1)
            return date(year, m1, 1), _month_end(year, m2), None
    except ValueError:  # 2025-13-40 and the like
        pass
    return plan.start, plan.end, None


def _problems(items: list[ImportItem], cooperating: dict[str, Unit]) -> list[str]:
    problems = []
    accepted = 0
    for item in items:
        n = item.position
        if item.decision == ImportDecision.PENDING:
            problems.append(
                _("Item %(n)s is still to be reviewed: accept or reject it.") % {"n": n}
            )
            continue
        if item.decision != ImportDecision.ACCEPTED:
            continue
        accepted += 1
        if item.kind != "target":
            problems.append(
                _("Item %(n)s is a statistic: make it a target or reject it.") % {"n": n}
            )
            continue
        if item.unit is None:
            problems.append(_("Item %(n)s has no unit.") % {"n": n})
        elif not item.unit.is_active:
            problems.append(
                _("Item %(n)s: the unit %(unit)s is inactive.") % {"n": n, "unit": item.unit}
            )
        if not item.target_kind:
            problems.append(_("Item %(n)s has no target kind.") % {"n": n})
        elif item.target_kind in NEEDS_VALUE and item.value is None:
            problems.append(
                _("Item %(n)s (%(kind)s) has no value.")
                % {"n": n, "kind": TargetKind(item.target_kind).label}
            )
        if (item.comparator or "") not in ITEM_COMPARATORS:
            problems.append(_("Item %(n)s has an unknown comparator.") % {"n": n})
        if not (item.metric or item.snippet).strip():
            problems.append(_("Item %(n)s has neither a metric nor a snippet.") % {"n": n})
        for name in cooperating_names(item):
            if name not in cooperating:
                problems.append(
                    _("Item %(n)s: the cooperating unit “%(name)s” is not a unit yet.")
                    % {"n": n, "name": name}
                )
    if not accepted and not problems:
        problems.append(_("No item is accepted: accept at least one target."))
    return problems


@transaction.atomic
def confirm_import(plan: Plan, user: User) -> Plan:
    """Create a target per accepted target item, linked to its snippet, and confirm the plan.

    Refuses with a ValidationError listing every problem, and changes nothing,
    unless every accepted item is complete. Confirming twice changes nothing more.
    """
    require_plan_manager(user)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.is_confirmed:
        return plan
    items = list(plan.import_items.select_related("unit").order_by("position", "pk"))
    cooperating = _prefill_units(
        {name for item in items if item.decision == "accepted" for name in cooperating_names(item)}
    )
    problems = _problems(items, cooperating)
    if problems:
        raise ValidationError(problems)
    for item in items:
        if item.decision != ImportDecision.ACCEPTED:
            continue
        try:
            _create_target(plan, user, item, cooperating)
        except ValidationError as exc:
            problems.append(
                _("Item %(n)s: %(errors)s") % {"n": item.position, "errors": " ".join(exc.messages)}
            )
    if problems:
        raise ValidationError(problems)  # the atomic block drops the targets made so far
    return confirm_plan(plan, user)


def _create_target(plan: Plan, user: User, item: ImportItem, cooperating: dict[str, Unit]) -> None:
    start, end, due = period_dates(item.period, plan)
    milestone = item.target_kind == TargetKind.MILESTONE
    if milestone:
        due = due or end
        start, end = plan.start, max(plan.end, due)
    comparator = item.comparator if item.comparator in Comparator.values else Comparator.GE
    span = None
    if item.start_offset is not None and item.end_offset is not None:
        if plan.source_text[item.start_offset : item.end_offset] == item.snippet:
            span = (item.start_offset, item.end_offset)
    if span is None:
        span = _locate(plan.source_text, item.snippet, item.start_offset)
    name = (item.metric or item.snippet).strip()[:200]
    target = create_target(
        plan,
        user,
        unit=item.unit,
        name=name,
        kind=item.target_kind,
        comparator=comparator,
        value=item.value,
        unit_label=item.unit_label,
        start=start,
        end=end,
        cadence=""
        if (item.cadence or plan.default_cadence) == "none"
        else (item.cadence or plan.default_cadence),
        due_day=plan.default_due_day,
        baseline=item.baseline,
        source_snippet=item.snippet,
        source_start=span[0] if span else None,
        source_end=span[1] if span else None,
    )
    if milestone:
        m = Milestone(target=target, name=name, due=due or end)
        save_with_history(m, user, "created at import")
    for other in cooperating_names(item):
        # A cooperating unit's part has no share of the number in the text: it is a
        # milestone of its own (配合), reported and judged separately.
        ask_part(target, user, unit=cooperating[other], milestone=_("Cooperate: %s") % name[:150])
    item.target = target
    save_with_history(item, user, "confirmed", update_fields=["target"])


# -- the upload form's suggestions ----------------------------------------------------------

_DOC_YEAR = re.compile(r"(20\d{2})\s*年")


def suggest_plan(filename: str, content: bytes, today: date) -> dict:
    """Title, start and end for the import form, read from the document itself.

    The title is its first line (the heading); the year is the one the heading
    names, else the first year the opening text names, else this year; the plan
    runs over that calendar year. Refuses an unreadable file as start_import does.
    """
    name = Path(filename or "").name or "document"
    text = _read(name, content)
    if not text.strip():
        raise ValidationError(_("%(name)s holds no text.") % {"name": name}, code="empty")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    title = next((line for line in lines if line), "")[: Plan._meta.get_field("title").max_length]
    found = _DOC_YEAR.search(title) or _DOC_YEAR.search(text[:3000])
    year = int(found[1]) if found else today.year
    return {"title": title, "start": date(year, 1, 1), "end": date(year, 12, 31)}


# -- the review table, all rows at once; units the city lacks --------------------------------


@transaction.atomic
def update_items(plan: Plan, user: User, changes: list[tuple[ImportItem, dict]]) -> int:
    """Save the changed rows of the review in one go: every row or none of them."""
    require_plan_manager(user)
    for item, fields in changes:
        if item.plan_id != plan.pk:
            raise ValidationError(_("An item of another plan cannot change here."))
        update_item(item, user, **fields)
    return len(changes)


@transaction.atomic
def create_owner_unit(plan: Plan, user: User, owner_text: str, parent: Unit) -> Unit:
    """A unit the plan names but the city lacks: create it under `parent`, named as the
    text names it, and map the text to it (every item, and the next import)."""
    from luoshi.orgs.actions import create_unit

    require_plan_manager(user)
    _require_draft(plan)
    name = (owner_text or "").strip()
    if not name:
        raise ValidationError(_("Choose an owner text to map."))
    if Unit.objects.active().filter(Q(name=name) | Q(short_name=name)).exists():
        # Two units of one name would make every later import ambiguous.
        raise ValidationError(
            _("A unit named “%(name)s” exists already: map the owner to it.") % {"name": name}
        )
    unit = create_unit(
        user, parent=parent, name=name[:100], reason=f"named by plan: {plan.title}"[:200]
    )
    map_owner(plan, user, name, unit)
    return unit
