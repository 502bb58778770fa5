"""History rows: written with who and why by every action, read as "who changed what, when".

Writing: every action saves through `save_with_history` (or deletes through
`delete_with_history`), which validates the object (`full_clean`: fields,
`clean()`, uniqueness and named constraints) and leaves the history row naming
the person and the reason. The reason is stored in English (REASONS below) and
shown in the reader's language.

Reading: django-simple-history rows as "who changed what, when", in the reader's words.

A change prints as people read it, not as it is stored: a choice by its label
("状态：草稿 → 已确认"), a foreign key by its object's name ("确认人：王芳"), a
boolean as 是/否, a date and a number as the rest of the page prints them
(core.formatting). The names behind foreign keys are read in one query per
related model, whatever the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from luoshi.core.formatting import format_number

if TYPE_CHECKING:
    from luoshi.orgs.models import User

# Bookkeeping that changes on every save and means nothing to a reader.
HIDDEN_FIELDS = frozenset({"revision"})

# The reasons the actions record (in English, as stored), as the reader sees them.
REASONS = {
    "created": gettext_lazy("created"),
    "edited": gettext_lazy("edited"),
    "submitted": gettext_lazy("submitted"),
    "approved": gettext_lazy("approved"),
    "returned": gettext_lazy("returned"),
    "confirmed": gettext_lazy("confirmed"),
    "withdrawn": gettext_lazy("withdrawn"),
    "reactivated": gettext_lazy("reactivated"),
    "rules changed": gettext_lazy("rules changed"),
    "bound": gettext_lazy("bound to a ledger measure"),
    "unbound": gettext_lazy("unbound from its ledger measure"),
    "changed": gettext_lazy("changed"),
    "added": gettext_lazy("added"),
    "extracted": gettext_lazy("extracted from the document"),
    "import defaults": gettext_lazy("import defaults"),
    "mapped at import": gettext_lazy("mapped at import"),
    "created at import": gettext_lazy("created at import"),
    # Units, people and roles (orgs.actions).
    "moved": gettext_lazy("moved"),
    "password reset": gettext_lazy("password reset"),
    "deactivated": gettext_lazy("deactivated"),
    "ended": gettext_lazy("ended"),
    # Bulletins (bulletins.actions).
    "drafted": gettext_lazy("drafted"),
    "issued": gettext_lazy("issued"),
    "correction drafted": gettext_lazy("drafted as a correction"),
}
PATTERNS = (
    (re.compile(r"^superseded by version (\d+)$"), gettext_lazy("superseded by version %s")),
    (re.compile(r"^correction of version (\d+)$"), gettext_lazy("correction of version %s")),
    (re.compile(r"^re-baseline: (.*)$", re.S), gettext_lazy("re-baseline: %s")),
    (re.compile(r"^owner mapped: (.*)$", re.S), gettext_lazy("owner mapped: %s")),
    (re.compile(r"^named by plan: (.*)$", re.S), gettext_lazy("named by plan: %s")),
)


def _attribute(obj: models.Model, user: User | None, reason: str) -> None:
    # django-simple-history reads these two attributes when it writes the history row.
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]


def null_errors(obj: models.Model, exclude: Iterable[str] = ()) -> dict[str, list[ValidationError]]:
    """The fields of `obj` holding None where the column takes no NULL, each with its error.

    `clean_fields` lets a blank field's empty value through, None included, and the
    database then refuses the row (an IntegrityError, a 500). A field the save fills
    itself is left alone: the primary key, an auto_now date, a generated column.
    """
    errors: dict[str, list[ValidationError]] = {}
    for field in obj._meta.concrete_fields:
        if (
            field.null
            or field.name in exclude
            or field.primary_key
            or field.generated
            or getattr(field, "auto_now", False)
            or getattr(field, "auto_now_add", False)
            or getattr(obj, field.attname) is not None
        ):
            continue
        message = _("%(field)s cannot be empty.") % {"field": capfirst(field.verbose_name)}
        errors[field.name] = [ValidationError(message, code="null")]
    return errors


def _full_clean(obj: models.Model, exclude: set[str]) -> None:
    """Model.full_clean, less one query per foreign key whose object the caller holds.

    Django checks that each foreign key's row exists with a query of its own. A
    related object set on `obj` was read (or created) by the caller, so its field
    skips that query; it is still checked for uniqueness and constraints, and the
    database's foreign key constraint stays the last word. A None where the column
    takes no NULL is refused first, blank field or not (`null_errors`).
    """
    held = {
        field.name
        for field in obj._meta.concrete_fields
        if field.is_relation and getattr(obj, field.attname) is not None and field.is_cached(obj)  # type: ignore[attr-defined]  # a ForeignKey's cache
    }
    errors: dict = null_errors(obj, exclude)
    try:
        obj.clean_fields(exclude=exclude | set(errors) | held)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    try:
        obj.clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    failed = exclude | set(errors)
    for check in (obj.validate_unique, obj.validate_constraints):
        try:
            check(exclude=failed)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def save_with_history(
    obj: models.Model,
    user: User | None,
    reason: str,
    *,
    exclude: Iterable[str] = (),
    update_fields: Iterable[str] | None = None,
) -> None:
    """Validate `obj` and save it; its history row names `user` and `reason`.

    `exclude` names fields not to validate (a password hash); `update_fields`
    writes only those columns (the whole object is validated all the same).
    Raises ValidationError, and writes nothing, when the object is not valid.
    """
    _full_clean(obj, set(exclude))
    _attribute(obj, user, reason)
    obj.save(update_fields=update_fields)


def delete_with_history(obj: models.Model, user: User | None, reason: str) -> None:
    """Delete `obj`; the history keeps its last state, who deleted it and why."""
    _attribute(obj, user, reason)
    obj.delete()


@dataclass
class HistoryEntry:
    when: datetime
    who: object
    action: str
    reason: str
    changes: list[tuple[str, str, str]]


def reason_text(reason: str) -> str:
    """A stored change reason in the page's language (free text is kept as written)."""
    if reason in REASONS:
        return str(REASONS[reason])
    for pattern, text in PATTERNS:
        match = pattern.match(reason)
        if match:
            return str(text) % match.group(1)
    return reason


def history_of(obj, limit: int = 50) -> list[HistoryEntry]:
    """The newest `limit` history rows of obj, each with the fields it changed, for display."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    meta = type(obj)._meta
    raw: list[tuple[Any, list[tuple[models.Field, object, object]]]] = []
    related_ids: dict[type[models.Model], set] = {}
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous).changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                field = meta.get_field(change.field)
                if field.is_relation and (field.many_to_one or field.one_to_one):
                    ids = related_ids.setdefault(field.related_model, set())
                    ids.update(v for v in (change.old, change.new) if v is not None)
                changes.append((field, change.old, change.new))
        raw.append((record, changes))
    names = {
        model: {pk: str(o) for pk, o in model._default_manager.in_bulk(ids).items()}
        for model, ids in related_ids.items()
    }
    unit = getattr(obj, "unit_label", "") or ""
    return [
        HistoryEntry(
            when=record.history_date,
            who=record.history_user,
            action=record.get_history_type_display(),
            reason=reason_text(record.history_change_reason or ""),
            changes=[
                (
                    str(field.verbose_name),
                    display_value(field, old, names, unit),
                    display_value(field, new, names, unit),
                )
                for field, old, new in changes
            ],
        )
        for record, changes in raw
    ]


def display_value(field: models.Field, value, names: dict, unit: str = "") -> str:
    """`value` of `field` as the page shows it; "—" for nothing."""
    if value is None or value == "":
        return "—"
    if field.is_relation:
        name = names.get(field.related_model, {}).get(value)
        return name if name is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, (float, Decimal)) or (
        isinstance(value, int) and isinstance(field, models.FloatField)
    ):
        return format_number(float(value), lang=get_language() or "zh", unit=unit)
    return str(value)
