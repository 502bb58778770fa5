"""Everything that changes a ledger row. Views, the API and the Excel import call these.

Every action is atomic, checks access through luoshi.orgs.access, and leaves a
history row naming the person. Stage and status moves are dated events, so that
ledger figures can be computed as of any date (see measures.py).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.clock import today
from luoshi.orgs.access import access_for
from luoshi.orgs.history import save_with_history
from luoshi.orgs.models import User
from luoshi.uploads import check_upload

from . import reach
from .choices import HAZARD_MOVES, VERIFIER_MOVES, HazardLevel, HazardStatus, Stage
from .models import Hazard, HazardEvent, HazardPhoto, Project, StageEvent

PROJECT_FIELDS = (
    "name",
    "investor",
    "origin",
    "industry_chain",
    "planned_amount",
    "paid_in_amount",
    "unit",
    "note",
)
HAZARD_FIELDS = (
    "description",
    "domain",
    "place",
    "place_kind",
    "level",
    "found_on",
    "found_by",
    "unit",
    "deadline",
    "measures",
    "responsible_person",
    "funds",
    "contingency_plan",
)
PHOTO_TYPES = {".jpg", ".jpeg", ".png"}


def _check_keeper(unit, user: User) -> None:
    """Ledger rows are kept by the unit's reporters and approvers (and its supervisors)."""
    if unit is None:
        raise ValidationError({"unit": _("Name the responsible unit.")})
    if not access_for(user).can_keep_ledger(unit):
        raise PermissionDenied(_("You do not keep the ledger of this unit."))


def _check_fields(fields: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError(_("Unknown fields: %s") % ", ".join(sorted(unknown)))


def _check_date(day: date, field: str) -> None:
    if day > today():
        raise ValidationError({field: _("The date cannot be in the future.")})


def _lock(row) -> None:
    """Re-read `row` and hold it until the transaction ends, before a move is judged.

    Two parallel moves of one row must not both be judged against the status they
    read before either was written (issue 10: both succeeded, and an illegal
    rectified → rectifying was recorded). On PostgreSQL this is SELECT … FOR UPDATE:
    the second mover waits, then sees the first one's result. On SQLite the
    transaction already began IMMEDIATE (settings.py), which holds the database's
    write lock, and select_for_update is a no-op.
    """
    row.refresh_from_db(from_queryset=type(row).objects.select_for_update())


# --- investment projects ---------------------------------------------------------


@transaction.atomic
def create_project(
    user: User, *, stage: str = Stage.NEGOTIATING, stage_date: date | None = None, **fields
) -> Project:
    """A new project at `stage` (reached on `stage_date`, default today)."""
    _check_fields(fields, PROJECT_FIELDS)
    _check_keeper(fields.get("unit"), user)
    project = Project(**fields)
    save_with_history(project, user, "created")
    move_project(
        project, user, stage=stage, on=stage_date or today(), note=_("entered in the ledger")
    )
    return project


@transaction.atomic
def update_project(project: Project, user: User, reason: str = "", **fields) -> Project:
    _check_fields(fields, PROJECT_FIELDS)
    _check_keeper(project.unit, user)
    if "unit" in fields:
        _check_keeper(fields["unit"], user)
    for name, value in fields.items():
        setattr(project, name, value)
    save_with_history(project, user, reason or "edited")
    return project


def _current_stage(project: Project) -> str:
    latest = project.events.order_by("-date", "-pk").first()
    return latest.stage if latest else Stage.NEGOTIATING


@transaction.atomic
def move_project(
    project: Project, user: User, *, stage: str, on: date, note: str = ""
) -> StageEvent:
    """Record that the project reached `stage` on `on`. Moves back (e.g. 开工 withdrawn) are allowed."""
    _lock(project)
    _check_keeper(project.unit, user)
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Unknown stage.")})
    _check_date(on, "date")
    if project.dropped_on:
        raise ValidationError(_("The project was dropped; reinstate it first."))
    if project.events.filter(stage=stage, date=on).exists():
        # The same move sent twice (a double click, two people at once) is recorded once.
        raise ValidationError({"stage": _("This stage on this date is already recorded.")})
    event = StageEvent.objects.create(
        project=project, stage=stage, date=on, note=note, recorded_by=user
    )
    reach.recount([project.pk])  # the funnel's rows, under the lock taken above
    project.stage = _current_stage(project)
    save_with_history(project, user, f"stage {stage} on {on.isoformat()}")
    return event


@transaction.atomic
def drop_project(project: Project, user: User, *, on: date, reason: str) -> Project:
    """The project is abandoned: it stays in the ledger with the date and the reason."""
    _check_keeper(project.unit, user)
    if not reason.strip():
        raise ValidationError({"drop_reason": _("Say why the project was dropped.")})
    _check_date(on, "dropped_on")
    project.dropped_on, project.drop_reason = on, reason.strip()
    save_with_history(project, user, f"dropped: {reason.strip()}")
    return project


@transaction.atomic
def reinstate_project(project: Project, user: User, *, reason: str) -> Project:
    """A dropped project is taken up again; the drop stays in its history."""
    _check_keeper(project.unit, user)
    if not project.dropped_on:
        raise ValidationError(_("The project is not dropped."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the project is taken up again.")})
    project.dropped_on, project.drop_reason = None, ""
    save_with_history(project, user, f"reinstated: {reason.strip()}")
    return project


# --- safety hazards -----------------------------------------------------------------


@transaction.atomic
def create_hazard(user: User, **fields) -> Hazard:
    _check_fields(fields, HAZARD_FIELDS)
    _check_keeper(fields.get("unit"), user)
    if fields.get("found_on"):
        _check_date(fields["found_on"], "found_on")
    hazard = Hazard(**fields)
    save_with_history(hazard, user, "created")
    HazardEvent.objects.create(
        hazard=hazard,
        status=HazardStatus.OPEN,
        date=hazard.found_on,
        note=_("found"),
        recorded_by=user,
    )
    return hazard


@transaction.atomic
def update_hazard(hazard: Hazard, user: User, reason: str = "", **fields) -> Hazard:
    _check_fields(fields, HAZARD_FIELDS)
    _check_keeper(hazard.unit, user)
    if "unit" in fields:
        _check_keeper(fields["unit"], user)
    if fields.get("found_on"):
        _check_date(fields["found_on"], "found_on")
    for name, value in fields.items():
        setattr(hazard, name, value)
    save_with_history(hazard, user, reason or "edited")
    return hazard


# 五落实 of a major hazard: responsibility, measures, funds, deadline, contingency plan.
FIVE_IN_PLACE = ("responsible_person", "measures", "funds", "deadline", "contingency_plan")
# The moves that say a hazard is rectified: a major one needs all five in place first.
RECTIFIED_MOVES = frozenset({HazardStatus.RECTIFIED, HazardStatus.CLOSED})


def five_not_in_place(hazard: Hazard) -> list[str]:
    """The names of the 五落实 fields a major hazard still lacks (none for an ordinary one)."""
    if hazard.level != HazardLevel.MAJOR:
        return []
    return [
        str(getattr(Hazard._meta.get_field(name), "verbose_name", name))
        for name in FIVE_IN_PLACE
        if getattr(hazard, name) in (None, "") or str(getattr(hazard, name)).strip() == ""
    ]


def can_verify(user: User) -> bool:
    """Closing after verification, and reopening, is the supervision office's (inspectors') call."""
    return access_for(user).is_supervisor


@transaction.atomic
def move_hazard(
    hazard: Hazard, user: User, *, status: str, on: date, note: str = ""
) -> HazardEvent:
    """open → rectifying → rectified (the unit) → closed after verification, or reopened.

    The move is judged against the status read under the row's lock, so of two
    parallel moves the second one sees the first (and is refused if it no longer fits).
    """
    _lock(hazard)
    if status in VERIFIER_MOVES:
        if not can_verify(user):
            raise PermissionDenied(
                _("Only an inspector of the supervision office verifies hazards.")
            )
    else:
        _check_keeper(hazard.unit, user)
    if status not in HAZARD_MOVES.get(hazard.status, set()):
        raise ValidationError(
            {
                "status": _("A hazard cannot go from “%(old)s” to “%(new)s”.")
                % {"old": HazardStatus(hazard.status).label, "new": HazardStatus(status).label}
            }
        )
    _check_date(on, "date")
    last = hazard.events.order_by("-date", "-pk").first()
    if last and on < last.date:
        raise ValidationError({"date": _("The date is before the hazard's last recorded change.")})
    missing = five_not_in_place(hazard) if status in RECTIFIED_MOVES else []
    if missing:
        raise ValidationError(
            {
                "status": _(
                    "A major hazard is rectified only with all five in place (五落实); "
                    "fill in first: %(fields)s."
                )
                % {"fields": "、".join(missing)}
            }
        )
    if status == HazardStatus.REOPENED and not note.strip():
        raise ValidationError({"note": _("Say why the hazard is reopened.")})
    event = HazardEvent.objects.create(
        hazard=hazard, status=status, date=on, note=note, recorded_by=user
    )
    hazard.status = status
    save_with_history(hazard, user, f"{status} on {on.isoformat()}")
    return event


@transaction.atomic
def add_hazard_photo(hazard: Hazard, user: User, *, moment: str, upload) -> HazardPhoto:
    _check_keeper(hazard.unit, user)
    if moment not in {HazardPhoto.BEFORE, HazardPhoto.AFTER}:
        raise ValidationError({"moment": _("Say whether the photo is from before or after.")})
    name, _content_type = check_upload(upload)
    if not any(name.lower().endswith(suffix) for suffix in PHOTO_TYPES):
        raise ValidationError(_("%(name)s: photos must be JPEG or PNG.") % {"name": name})
    photo = HazardPhoto(hazard=hazard, moment=moment, uploaded_by=user)
    photo.image.save(name, upload, save=False)
    # The file is written first; if its row cannot be saved, the file goes too.
    try:
        photo.save()
    except Exception:
        photo.image.delete(save=False)
        raise
    return photo
