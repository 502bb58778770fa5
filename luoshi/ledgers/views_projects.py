"""Investment-project pages: list, funnel, detail with history, and the forms that call actions."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Func, Max, Q, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.clock import today
from luoshi.formtools import attach_errors, bad_post
from luoshi.orgs.access import access_for
from luoshi.orgs.history import history_of
from luoshi.orgs.requests import AuthedRequest

from . import actions
from .choices import Stage
from .forms import (
    FunnelFilter,
    NewProjectForm,
    ProjectDropForm,
    ProjectForm,
    ProjectMoveForm,
    ReinstateForm,
    unit_choices,
)
from .models import Project, ProjectReach, StageEvent
from .queries import filter_projects, filter_unit
from .reach import first_reached
from .views import (
    keeps,
    kept_or_denied,
    kept_units,
    labelled,
    paginate,
    unit_filter,
    visible_or_404,
)


@login_required
def project_list(request: AuthedRequest) -> HttpResponse:
    rows, filters, data = filter_projects(request.user, request.GET)
    rows = rows.select_related("unit")
    page, query = paginate(request, rows)
    labelled(page.object_list, stage=Stage)
    unit_options, can_create = unit_filter(request.user, data.get("unit"))
    context = {
        "page": page,
        "query": query,
        "filters": filters,
        "data": data,
        "unit_options": unit_options,
        "stages": Stage.choices,
        "can_create": can_create,
    }
    return render(request, "ledgers/project_list.html", context)


def funnel_counts(projects, start: date, end: date) -> list[tuple[Stage, int]]:
    """For each stage, the projects that first reached it within [start, end].

    As in ledger measures (measures.py), a project reaches a stage on the date of its
    first event at that stage or a later one: a project entered at 开工 has passed
    签约 too, and one that moved back and forth counts once, when it first got
    there. Dropped projects count for the stages they reached.

    One query counts the projects' reach rows (models.ProjectReach, kept by the actions)
    by stage within the dates, with how many of the projects have entered the ledger that
    way (each has a row for the first stage). When some have not (their events were written
    in bulk, as in the synthetic city), a second query counts those from their events.
    Grouping every event by project on each request took 100-130 ms at 10x.
    """
    total = Func(F("pk"), function="COUNT")  # no GROUP BY: one row, the count
    # The whole ledger (the city's cockpit) needs no join with the projects.
    rows = ProjectReach.objects.all()
    if projects.query.where:
        rows = rows.filter(project__in=projects.order_by().values("pk"))
    # Grouped by stage, one condition a row: half the time of a filtered count per stage
    # (15 ms instead of 45 at 10x under load).
    by_stage = {
        row["stage"]: row
        for row in rows.order_by()
        .values("stage")
        .annotate(
            within=Count("pk", filter=Q(date__gte=start, date__lte=end)),
            rows=Count("pk"),
            projects=Max(Subquery(projects.order_by().annotate(n=total).values("n"))),
        )
    }
    counts = {
        stage: by_stage[stage]["within"] if stage in by_stage else 0 for stage in Stage.values
    }
    entered = by_stage.get(Stage.values[0])
    if entered is None or entered["rows"] != entered["projects"]:
        missing = projects.exclude(
            pk__in=ProjectReach.objects.filter(stage=Stage.values[0]).values("project")
        )
        for stage, count in counts_from_events(missing, start, end).items():
            counts[stage] += count
    return [(stage, counts[stage.value]) for stage in Stage]


def counts_from_events(projects, start: date, end: date) -> dict[str, int]:
    """The funnel's counts of `projects` from their events: one query, the events grouped
    by project once (a hash aggregate)."""
    first = first_reached(StageEvent.objects.filter(project__in=projects.values("pk")))
    counts = first.aggregate(
        **{
            stage: Count(
                "project_id",
                filter=Q(**{f"reached_{stage}__gte": start, f"reached_{stage}__lte": end}),
            )
            for stage in Stage.values
        }
    )
    return {stage: counts[stage] or 0 for stage in Stage.values}


@login_required
def project_funnel(request: AuthedRequest) -> HttpResponse:
    filters = FunnelFilter(request.GET)
    data = filters.cleaned_data if filters.is_valid() else {}
    end = data.get("end") or today()
    start = data.get("start") or date(end.year, 1, 1)
    projects = filter_unit(
        request.user, Project.objects.restrict(request.user, "view"), data.get("unit")
    )
    counts = funnel_counts(projects, start, end)
    dropped = projects.filter(dropped_on__gte=start, dropped_on__lte=end).count()
    top = max([count for _stage, count in counts] + [1])
    context = {
        "filters": filters,
        "data": data,
        "start": start,
        "end": end,
        "counts": counts,
        "top": top,
        "dropped": dropped,
        "units": access_for(request.user).visible_units().filter(is_active=True),
        "chart": {
            "stages": [str(stage.label) for stage, _count in counts],
            "counts": [count for _stage, count in counts],
        },
    }
    return render(request, "ledgers/project_funnel.html", context)


@login_required
def project_detail(request: AuthedRequest, project_id: int) -> HttpResponse:
    project = visible_or_404(Project.objects, request.user, project_id, "project")
    can_keep = keeps(request.user, project.unit)
    context = {
        "project": project,
        "events": project.events.select_related("recorded_by").order_by("date", "pk"),
        "history": history_of(project),
        "can_keep": can_keep,
        "move_form": ProjectMoveForm(
            initial={"stage": project.stage, "date": today()}, auto_id="move-%s"
        ),
        "drop_form": ProjectDropForm(initial={"date": today()}, auto_id="drop-%s"),
    }
    return render(request, "ledgers/project_detail.html", context)


@login_required
def project_new(request: AuthedRequest) -> HttpResponse:
    units = kept_units(request.user)
    if not units:
        raise PermissionDenied
    form = NewProjectForm(
        request.POST or None,
        units=unit_choices(units),
        initial={"stage": Stage.NEGOTIATING, "stage_date": today(), "unit": units[0].pk},
    )
    if request.method == "POST" and form.is_valid():
        try:
            project = actions.create_project(
                request.user,
                stage=form.cleaned_data["stage"],
                stage_date=form.cleaned_data["stage_date"],
                **form.fields_for_action(),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Project entered in the ledger."))
            return redirect("project-detail", project_id=project.pk)
    return render(
        request,
        "ledgers/form.html",
        {"form": form, "title": _("New investment project"), "back": reverse("project-list")},
    )


def _back(project: Project) -> str:
    return reverse("project-detail", args=[project.pk])


def _kept_project(request: HttpRequest, project_id: int) -> Project:
    return kept_or_denied(Project.objects, request.user, project_id, "project")


@login_required
def project_edit(request: AuthedRequest, project_id: int) -> HttpResponse:
    project = _kept_project(request, project_id)
    # The form gets its own copy: a form that fails validation must not touch `project`.
    form = ProjectForm(
        request.POST or None,
        instance=Project.objects.get(pk=project.pk),
        units=unit_choices(kept_units(request.user)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_project(
                project, request.user, form.cleaned_data["reason"], **form.fields_for_action()
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Project saved."))
            return redirect("project-detail", project_id=project.pk)
    return render(
        request,
        "ledgers/form.html",
        {
            "form": form,
            "title": _("Edit %(name)s") % {"name": project.name},
            "project": project,
            "back": _back(project),
        },
    )


@login_required
def project_move(request: AuthedRequest, project_id: int) -> HttpResponse:
    project = _kept_project(request, project_id)
    form = ProjectMoveForm(request.POST or None, initial={"stage": project.stage, "date": today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.move_project(
                project,
                request.user,
                stage=form.cleaned_data["stage"],
                on=form.cleaned_data["date"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Stage recorded."))
            return redirect("project-detail", project_id=project.pk)
    return render(
        request,
        "ledgers/form.html",
        {"form": form, "title": _("Move to a stage"), "project": project, "back": _back(project)},
    )


@login_required
def project_drop(request: AuthedRequest, project_id: int) -> HttpResponse:
    project = _kept_project(request, project_id)
    form = ProjectDropForm(request.POST or None, initial={"date": today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.drop_project(
                project,
                request.user,
                on=form.cleaned_data["date"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Project marked as dropped. It stays in the ledger."))
            return redirect("project-detail", project_id=project.pk)
    return render(
        request,
        "ledgers/form.html",
        {"form": form, "title": _("Drop the project"), "project": project, "back": _back(project)},
    )


@login_required
@require_POST
def project_reinstate(request: AuthedRequest, project_id: int) -> HttpResponse:
    """Take a dropped project up again; the drop stays in its history."""
    project = _kept_project(request, project_id)
    form = ReinstateForm(request.POST)
    if not form.is_valid():
        return bad_post(form, request)
    try:
        actions.reinstate_project(project, request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The project is taken up again."))
    return redirect("project-detail", project_id=project.pk)
