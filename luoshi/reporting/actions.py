"""Everything that changes a report. The views, the API and the Excel import call these.

Each action is atomic, checks permission through the access module, and leaves
a history row naming the person. A save that names an older `revision` than
the stored one raises `Conflict` instead of overwriting someone else's change.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.clock import today
from luoshi.orgs.access import access_for
from luoshi.orgs.history import save_with_history
from luoshi.orgs.models import User
from luoshi.plans.choices import TargetKind
from luoshi.plans.models import Milestone, Target
from luoshi.plans.validators import reading_errors

from .choices import EDITABLE, ReportStatus
from .evidence import add_evidence
from .models import Report


class Conflict(Exception):
    """Someone else saved this report since it was read."""


class FourEyes(PermissionDenied):
    """The plan's four-eyes rule: the person who created or submitted a report cannot approve it."""


def _check_reporter(report_unit, user: User) -> None:
    if not access_for(user).can_report_for(report_unit):
        raise PermissionDenied(_("You do not report for this unit."))


def _validate_fields(
    target: Target, value, overdue, milestone: Milestone | None, as_of: date
) -> None:
    errors = {}
    if target.kind == TargetKind.MILESTONE:
        if milestone is None:
            errors["milestone"] = _("Choose the milestone that was completed.")
        elif milestone.target_id != target.pk:
            errors["milestone"] = _("This milestone belongs to another target.")
    elif value is None:
        errors["value"] = _("A value is required.")
    # Finite, within ±1e15 and right for the kind: the one rule of every path (validators).
    errors.update(reading_errors(target.kind, value, overdue))
    if as_of < target.start:
        errors["as_of"] = _("The date is before the target's period starts.")
    if as_of > today():
        errors["as_of"] = _("A report cannot be dated in the future.")
    if errors:
        raise ValidationError(errors)


# The people a report names. Actions set them to the acting User (an object at hand);
# a value read with the report from the database exists (its foreign key says so).
PEOPLE = ("created_by", "submitted_by", "reviewed_by")


def _save(report: Report, user: User, reason: str) -> None:
    """save_with_history for a report read from the database: the people it already
    named are not looked up again (one query each), the ones set now are held."""
    stored = [
        name
        for name in PEOPLE
        if not Report._meta.get_field(name).is_cached(report)  # type: ignore[union-attr]
    ]
    save_with_history(report, user, reason, exclude=stored)


def _claim_revision(report: Report, expected_revision: int | None) -> None:
    """Bump the revision if it is still `expected_revision`, else raise Conflict.

    A conditional UPDATE is atomic on every database, so of two people who read
    the same revision exactly one wins.
    """
    expected = report.revision if expected_revision is None else expected_revision
    claimed = Report.objects.filter(pk=report.pk, revision=expected).update(
        revision=F("revision") + 1
    )
    if not claimed:
        raise Conflict(_("This report was changed by someone else since you opened it."))
    report.revision = expected + 1


@transaction.atomic
def create_report(
    target: Target,
    user: User,
    *,
    as_of: date,
    value: float | None = None,
    overdue: float | None = None,
    milestone: Milestone | None = None,
    narrative: str = "",
    evidence: Iterable[UploadedFile] = (),
    submit: bool = False,
) -> Report:
    """A new report of `target` with its `evidence` files, a draft or, with `submit`,
    submitted for approval: all of it or nothing. The pages, the API and 一表通 all
    create reports here."""
    _check_reporter(target.unit, user)
    if hasattr(target, "measure"):
        raise ValidationError(
            _("This target is computed from a ledger: keep the ledger up to date instead.")
        )
    _validate_fields(target, value, overdue, milestone, as_of)
    report = Report(
        target=target,
        unit=target.unit,
        as_of=as_of,
        value=value,
        overdue=overdue,
        milestone=milestone,
        narrative=narrative,
        created_by=user,
    )
    save_with_history(report, user, "created")
    _attach_and_submit(report, user, evidence, submit)
    return report


def _attach_and_submit(
    report: Report, user: User, evidence: Iterable[UploadedFile], submit: bool
) -> None:
    for upload in evidence:
        add_evidence(report, user, upload)
    if submit:
        submit_report(report, user)


@transaction.atomic
def update_report(
    report: Report,
    user: User,
    *,
    expected_revision: int | None,
    as_of: date,
    value: float | None = None,
    overdue: float | None = None,
    milestone: Milestone | None = None,
    narrative: str = "",
    evidence: Iterable[UploadedFile] = (),
    submit: bool = False,
) -> Report:
    """Change a draft or returned report read at `expected_revision` (Conflict if someone
    saved it since), add its new `evidence` files and, with `submit`, submit it: all of
    it or nothing."""
    _check_reporter(report.unit, user)
    if expected_revision is None:
        # Without the revision the editor read, a concurrent change would be overwritten.
        raise ValidationError({"revision": _("Send the revision of the report you changed.")})
    if report.status not in EDITABLE:
        raise ValidationError(_("Only draft or returned reports can be changed."))
    _validate_fields(report.target, value, overdue, milestone, as_of)
    _claim_revision(report, expected_revision)
    report.as_of, report.value, report.overdue = as_of, value, overdue
    report.milestone, report.narrative = milestone, narrative
    _save(report, user, "edited")
    _attach_and_submit(report, user, evidence, submit)
    return report


@transaction.atomic
def submit_report(report: Report, user: User, *, expected_revision: int | None = None) -> Report:
    _check_reporter(report.unit, user)
    if report.status == ReportStatus.SUBMITTED:
        return report  # submitting twice records nothing new
    if report.status not in EDITABLE:
        raise ValidationError(_("Only draft or returned reports can be submitted."))
    _claim_revision(report, expected_revision)
    report.status = ReportStatus.SUBMITTED
    report.submitted_by, report.submitted_at = user, timezone.now()
    _save(report, user, "submitted")
    return report


def _check_approver(report: Report, user: User, expected_revision: int | None = None) -> None:
    if not access_for(user).can_approve_for(report.unit):
        raise PermissionDenied(_("You do not approve reports of this unit."))
    if expected_revision is not None and expected_revision != report.revision:
        # Read at an older revision: someone else reviewed (or changed) it since, which
        # is a conflict (409) for the one who came second, not a bad request.
        raise Conflict(_("This report was changed by someone else since you opened it."))
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only submitted reports can be reviewed."))


@transaction.atomic
def approve_report(report: Report, user: User, *, expected_revision: int | None = None) -> Report:
    """Approve: from now on the status engine counts this reading."""
    _check_approver(report, user, expected_revision)
    if report.waits_for_another_approver(user):
        raise FourEyes(
            _(
                "You created or submitted this report, so another approver must approve it "
                "(the plan's four-eyes rule)."
            )
        )
    _claim_revision(report, expected_revision)
    report.status = ReportStatus.APPROVED
    report.reviewed_by, report.reviewed_at = user, timezone.now()
    report.return_reason = ""
    _save(report, user, "approved")
    if report.supersedes_id:
        old = Report.objects.select_for_update().get(pk=report.supersedes_id)
        old.status = ReportStatus.SUPERSEDED
        old.revision += 1
        _save(old, user, f"superseded by version {report.version}")
    milestone = report.milestone
    if milestone is not None:
        milestone.done = report.as_of
        save_with_history(milestone, user, "approved", update_fields=["done"])
    return report


@transaction.atomic
def return_report(
    report: Report, user: User, reason: str, *, expected_revision: int | None = None
) -> Report:
    """Send back to the reporter with a reason; it can be edited and submitted again."""
    _check_approver(report, user, expected_revision)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the report is returned.")})
    _claim_revision(report, expected_revision)
    report.status = ReportStatus.RETURNED
    report.reviewed_by, report.reviewed_at = user, timezone.now()
    report.return_reason = reason.strip()
    _save(report, user, "returned")
    return report


@transaction.atomic
def correct_report(report: Report, user: User) -> Report:
    """Start a correction of an approved report: a new draft version; the old one stays."""
    _check_reporter(report.unit, user)
    # Re-read the status under a row lock: of two people starting a correction at once,
    # the second waits here and then finds the first one's correction (a conflict, not
    # an IntegrityError on the one-correction-per-report constraint).
    report.status = (
        Report.objects.select_for_update()
        .filter(pk=report.pk)
        .values_list("status", flat=True)
        .get()
    )
    if report.status != ReportStatus.APPROVED:
        raise ValidationError(_("Only approved reports are corrected; edit drafts directly."))
    if Report.objects.filter(supersedes=report).exists():
        raise Conflict(_("A correction of this report has already been started."))
    correction = Report(
        target=report.target,
        unit=report.unit,
        as_of=report.as_of,
        value=report.value,
        overdue=report.overdue,
        milestone=report.milestone,
        narrative=report.narrative,
        version=report.version + 1,
        supersedes=report,
        created_by=user,
    )
    save_with_history(correction, user, f"correction of version {report.version}")
    return correction
