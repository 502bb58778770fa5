"""The bulletin pages: the list, a draft's text and its edit form, issuing, downloads.

Who: the supervision office drafts, edits, issues and corrects; leaders (and the
office) read and download issued bulletins. Nobody else learns that a bulletin
exists: 404, as for anything missing (orgs.access). A draft is the office's alone.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.formtools import attach_errors
from luoshi.jobs.choices import JobState
from luoshi.orgs.access import access_for
from luoshi.orgs.history import history_of
from luoshi.orgs.requests import AuthedRequest

from . import actions, drafting
from .choices import BulletinStatus, FileFormat, FileState
from .forms import DraftForm, EditForm, IssueForm
from .layout import layout
from .models import SECTIONS, Bulletin, BulletinFile
from .render import content_type, filename


def _readable(user) -> None:
    if not access_for(user).can_read_bulletins():
        raise Http404("bulletins")


def access_bulletin_by_id(user, bulletin_id: int) -> Bulletin:
    """The bulletin if the user may read it (drafts: the office only); else 404."""
    _readable(user)
    bulletins = Bulletin.objects.select_related("plan", "corrects", "issued_by", "created_by")
    if not access_for(user).can_draft_bulletins():
        bulletins = bulletins.filter(status=BulletinStatus.ISSUED)
    bulletin = bulletins.filter(pk=bulletin_id).first()
    if bulletin is None:
        raise Http404("bulletin")
    return bulletin


def _require_drafter(user) -> None:
    if not access_for(user).can_draft_bulletins():
        raise PermissionDenied


@login_required
def bulletin_list(request: AuthedRequest) -> HttpResponse:
    _readable(request.user)
    drafter = access_for(request.user).can_draft_bulletins()
    issued = Bulletin.objects.filter(status=BulletinStatus.ISSUED).select_related(
        "plan", "corrects"
    )
    drafts = (
        Bulletin.objects.filter(status=BulletinStatus.DRAFT)
        .select_related("plan", "corrects")
        .order_by("-created_at", "-pk")
        if drafter
        else Bulletin.objects.none()
    )
    return render(
        request,
        "bulletins/list.html",
        {
            "issued": issued,
            "drafts": drafts,
            "form": DraftForm() if drafter else None,
        },
    )


@login_required
def bulletin_new(request: AuthedRequest) -> HttpResponse:
    _readable(request.user)
    _require_drafter(request.user)
    form = DraftForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            plan, at = form.cleaned_data["plan"], form.cleaned_data["at"]
            try:
                job = drafting.start_draft(plan, at, request.user, link=request.path)
            except ValidationError as error:
                attach_errors(form, error)
            except drafting.DraftBusy as busy:
                form.add_error(None, str(busy))
                return render(request, "bulletins/new.html", {"form": form}, status=409)
            else:
                if not drafting.draft_in_request(plan):
                    # A city-size plan: written by the worker, watched on the job's page.
                    transaction.on_commit(lambda: drafting.draft_job.enqueue(job.pk))
                    return redirect("job-detail", job_id=job.pk)
                done = drafting.run_draft(job.pk)
                if done is not None and done.state == JobState.DONE:
                    messages.success(request, _("Draft written from the figures."))
                    return redirect("bulletin-detail", bulletin_id=done.result["bulletin"])
                form.add_error(None, done.error if done is not None else "")
        return render(request, "bulletins/new.html", {"form": form}, status=400)
    return render(request, "bulletins/new.html", {"form": form})


@login_required
def bulletin_detail(request: AuthedRequest, bulletin_id: int) -> HttpResponse:
    bulletin = access_bulletin_by_id(request.user, bulletin_id)
    files = {row.format: row for row in BulletinFile.objects.filter(bulletin=bulletin)}
    drafter = access_for(request.user).can_draft_bulletins()
    downloads = [
        {
            "format": fmt,
            "label": label,
            "state": actions.file_state(bulletin, files.get(fmt)),
            "asked": fmt in files and files[fmt].revision == bulletin.revision,
        }
        for fmt, label in FileFormat.choices
    ]
    return render(
        request,
        "bulletins/detail.html",
        {
            "bulletin": bulletin,
            "layout": layout(bulletin),
            "downloads": downloads,
            # Poll while the worker builds what was asked for.
            "preparing": any(d["asked"] and d["state"] == FileState.PREPARING for d in downloads),
            "drafter": drafter,
            "issue_form": IssueForm(initial={"revision": bulletin.revision})
            if drafter and not bulletin.is_issued
            else None,
            "corrections": bulletin.corrections.filter(status=BulletinStatus.ISSUED),
            "history": _history(bulletin),
        },
    )


def _history(bulletin: Bulletin):
    """Who drafted, edited and issued it, and when; the text itself is shown above, so the
    paragraphs and figures (long JSON) are not repeated in each row."""
    long = {
        str(getattr(Bulletin._meta.get_field(name), "verbose_name", name))
        for name in ("sections", "figures")
    }
    entries = history_of(bulletin)
    for entry in entries:
        entry.changes = [change for change in entry.changes if change[0] not in long]
    return entries


@login_required
def bulletin_edit(request: AuthedRequest, bulletin_id: int) -> HttpResponse:
    bulletin = access_bulletin_by_id(request.user, bulletin_id)
    _require_drafter(request.user)
    if bulletin.is_issued:
        messages.error(request, _("An issued bulletin cannot be changed; issue a correction."))
        return redirect("bulletin-detail", bulletin_id=bulletin.pk)
    form = EditForm.for_bulletin(bulletin, request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.edit_bulletin(
                    bulletin,
                    request.user,
                    expected_revision=data["revision"],
                    title=data["title"],
                    office=data["office"],
                    sections={key: data[key] for key in SECTIONS},
                )
            except actions.Conflict as conflict:
                # The form keeps what this editor wrote, so nothing typed is lost.
                form.add_error(None, f"{conflict} " + _("Reload the page to see the current text."))
                status = 409
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("Bulletin saved."))
                return redirect("bulletin-detail", bulletin_id=bulletin.pk)
    return render(
        request, "bulletins/edit.html", {"bulletin": bulletin, "form": form}, status=status
    )


@login_required
@require_POST
def bulletin_issue(request: AuthedRequest, bulletin_id: int) -> HttpResponse:
    bulletin = access_bulletin_by_id(request.user, bulletin_id)
    _require_drafter(request.user)
    form = IssueForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, errors)
        return redirect("bulletin-detail", bulletin_id=bulletin.pk)
    try:
        actions.issue_bulletin(
            bulletin,
            request.user,
            expected_revision=form.cleaned_data["revision"],
            issued_on=form.cleaned_data["issued_on"],
        )
    except actions.Conflict as conflict:
        messages.error(request, str(conflict))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Issued as %(label)s. Its files are being prepared.")
            % {"label": bulletin.issue_label},
        )
    return redirect("bulletin-detail", bulletin_id=bulletin.pk)


@login_required
@require_POST
def bulletin_correct(request: AuthedRequest, bulletin_id: int) -> HttpResponse:
    bulletin = access_bulletin_by_id(request.user, bulletin_id)
    _require_drafter(request.user)
    try:
        correction = actions.start_correction(bulletin, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("bulletin-detail", bulletin_id=bulletin.pk)
    messages.info(request, _("A correction has been drafted as a new bulletin."))
    return redirect("bulletin-detail", bulletin_id=correction.pk)


@login_required
def bulletin_download(request: AuthedRequest, bulletin_id: int, fmt: str) -> HttpResponse:
    bulletin = access_bulletin_by_id(request.user, bulletin_id)
    if fmt not in FileFormat.values:
        raise Http404("format")
    row = BulletinFile.objects.filter(bulletin=bulletin, format=fmt).first()
    if row is None or actions.file_state(bulletin, row) != FileState.READY:
        # Built by the worker (a city's bulletin takes seconds to a minute): ask, and come
        # back to the page, which polls until the file is there.
        actions.request_files(bulletin, [fmt])
        messages.info(
            request, _("The file is being prepared; this page reloads until it is ready.")
        )
        return redirect("bulletin-detail", bulletin_id=bulletin.pk)
    with row.file.open("rb") as handle:
        content = handle.read()
    return _attachment(content, fmt, filename(bulletin, fmt))


def _attachment(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type(fmt))
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
