"""Everything that changes a bulletin. The views, the CLI and the demo call these.

Each action is atomic, checks permission through the access module and leaves a
history row naming the person. An edit or an issue that names an older `revision`
than the stored one raises `Conflict`: of two editors who opened the same draft,
the second to save is told, and nothing of the first is lost.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.clock import check_in_window, today
from luoshi.orgs.access import access_for
from luoshi.orgs.history import save_with_history
from luoshi.orgs.models import Unit
from luoshi.plans.models import Plan

from . import compose, figures, tasks
from .choices import BulletinStatus, FileFormat, FileState
from .models import SECTIONS, Bulletin, BulletinFile

# Tries at taking the next number when another issue took it first (see issue_bulletin).
NUMBER_ATTEMPTS = 5


class Conflict(Exception):
    """Someone else changed or issued this bulletin since it was read."""


def _require_drafter(user) -> None:
    if not access_for(user).can_draft_bulletins():
        raise PermissionDenied(_("Only the supervision office drafts and issues bulletins."))


def previous_issued(plan: Plan, at: date, *, exclude: Bulletin | None = None) -> Bulletin | None:
    """The plan's last issued bulletin with figures from before `at` (the one to compare with)."""
    issued = Bulletin.objects.filter(plan=plan, status=BulletinStatus.ISSUED, at__lt=at)
    if exclude is not None and exclude.pk is not None:
        issued = issued.exclude(pk=exclude.pk)
    return issued.order_by("-at", "-issued_at", "-pk").first()


def city_office() -> str:
    """The issuing office's mark: the city's short name (the root unit's) + 人民政府督查室."""
    root = Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    return compose.default_office((root.short_name or root.name) if root else "")


def compose_draft(plan: Plan, at: date, user=None, *, corrects: Bulletin | None = None) -> Bulletin:
    """An unsaved draft of `plan` at `at`: the figures taken now, the text written from them.
    The CLI renders it as it is; `draft_bulletin` saves it."""
    check_in_window(at)
    numbers = figures.gather(plan, at, previous_issued(plan, at))
    office = corrects.office if corrects is not None else city_office()
    sections = compose.sections(numbers, office)
    if corrects is not None:
        # The office's own demands stand unless it edits them again.
        sections["requirements"] = corrects.sections.get("requirements", sections["requirements"])
    return Bulletin(
        plan=plan,
        at=at,
        title=(corrects.title if corrects is not None else compose.default_title(plan.title))[:200],
        office=office,
        sections=sections,
        figures=numbers,
        corrects=corrects,
        created_by=user,
    )


@transaction.atomic
def draft_bulletin(plan: Plan, at: date, user) -> Bulletin:
    """A new draft of the month's bulletin for `plan`, with figures as of `at`."""
    _require_drafter(user)
    bulletin = compose_draft(plan, at, user)
    save_with_history(bulletin, user, "drafted")
    return bulletin


@transaction.atomic
def start_correction(issued: Bulletin, user) -> Bulletin:
    """A new draft that corrects `issued` (更正): its date and title, figures taken anew."""
    _require_drafter(user)
    if not issued.is_issued:
        raise ValidationError(_("Only an issued bulletin can be corrected; edit the draft."))
    bulletin = compose_draft(issued.plan, issued.at, user, corrects=issued)
    save_with_history(bulletin, user, "correction drafted")
    return bulletin


def _claim_draft(bulletin: Bulletin, expected_revision: int | None) -> None:
    """Bump the revision if the bulletin is still the draft of `expected_revision`.

    A conditional UPDATE is atomic on every database: of two people who read the same
    revision, exactly one wins; the other gets Conflict.
    """
    if expected_revision is None:
        raise ValidationError({"revision": _("Send the revision of the bulletin you changed.")})
    claimed = Bulletin.objects.filter(
        pk=bulletin.pk, status=BulletinStatus.DRAFT, revision=expected_revision
    ).update(revision=F("revision") + 1)
    if not claimed:
        raise Conflict(
            _("This bulletin was changed or issued by someone else since you opened it.")
        )
    bulletin.revision = expected_revision + 1


@transaction.atomic
def edit_bulletin(
    bulletin: Bulletin,
    user,
    *,
    expected_revision: int | None,
    title: str,
    office: str,
    sections: dict[str, str],
) -> Bulletin:
    """Save the office's text of a draft (any paragraph, the title, the office's mark)."""
    _require_drafter(user)
    _claim_draft(bulletin, expected_revision)
    bulletin.title = title
    bulletin.office = office
    bulletin.sections = {key: sections.get(key, "") for key in SECTIONS}
    save_with_history(
        bulletin, user, "edited", update_fields=["title", "office", "sections", "revision"]
    )
    return bulletin


@transaction.atomic
def issue_bulletin(
    bulletin: Bulletin, user, *, expected_revision: int | None, issued_on: date | None = None
) -> Bulletin:
    """Issue a draft: it takes the next number of the year of issue and never changes again.

    The number is the year's issued count + 1 (the highest number + 1: issued bulletins
    are never deleted, so the two agree). Two issues at the same moment both read the same
    highest number; the unique constraint (year, number) lets one of them write it, and
    the other, after that one commits, reads again and takes the next.
    """
    _require_drafter(user)
    issued_on = check_in_window(issued_on or today())
    _claim_draft(bulletin, expected_revision)
    for _attempt in range(NUMBER_ATTEMPTS):
        taken = Bulletin.objects.filter(year=issued_on.year, status=BulletinStatus.ISSUED)
        number = (taken.aggregate(highest=Max("number"))["highest"] or 0) + 1
        try:
            with transaction.atomic():
                bulletin.status = BulletinStatus.ISSUED
                bulletin.year, bulletin.number, bulletin.issued_on = (
                    issued_on.year,
                    number,
                    issued_on,
                )
                bulletin.issued_at, bulletin.issued_by = timezone.now(), user
                # The number is the database's to guard (the unique constraint): a
                # check in Python first would race with the other issue just the same.
                save_with_history(bulletin, user, "issued", exclude=["year", "number"])
        except IntegrityError:
            bulletin.status = BulletinStatus.DRAFT
            bulletin.year = bulletin.number = bulletin.issued_on = None
            continue
        break
    else:
        raise Conflict(_("Other bulletins were being issued at the same time; try again."))
    transaction.on_commit(lambda: request_files(bulletin))
    return bulletin


def request_files(bulletin: Bulletin, formats=None) -> list[BulletinFile]:
    """Ask the worker for the files of `bulletin` as it is now (all formats by default):
    nothing when they are built or being built from this revision, once per change."""
    asked = []
    for fmt in formats or FileFormat.values:
        row, created = BulletinFile.objects.get_or_create(
            bulletin=bulletin, format=fmt, defaults={"revision": bulletin.revision}
        )
        current = row.revision == bulletin.revision and row.state != FileState.FAILED
        if created or not current:
            BulletinFile.objects.filter(pk=row.pk).update(
                state=FileState.PREPARING, revision=bulletin.revision, error=""
            )
            asked.append(row)
    if asked:
        tasks.build_files.enqueue(bulletin.pk)
    return asked


def file_state(bulletin: Bulletin, row: BulletinFile | None) -> str:
    """ready, failed or preparing (asked for, or not yet: a click asks) for this revision."""
    if row is None or row.revision != bulletin.revision:
        return FileState.PREPARING
    return row.state
