"""Plan import screens: upload a document, review what intake found, confirm the plan.

Views parse, check access and call one action of `importing`. Only the
supervision office manages plans: its review pages are 404 for everyone else
(a draft plan is not theirs to know of), its actions 403.
"""

from __future__ import annotations

from collections import Counter
from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.clock import today
from luoshi.core.selection import parse_selection
from luoshi.orgs.access import access_for
from luoshi.orgs.models import Unit
from luoshi.orgs.requests import AuthedRequest

from . import importing, pending
from .actions import require_plan_manager
from .forms_import import (
    AddItemForm,
    ImportDefaultsForm,
    ItemForm,
    ItemFormSet,
    OwnerMapForm,
    OwnerUnitForm,
    PlanImportForm,
    unit_choices,
)
from .models import ImportItem, Plan

# The targets a confirmed plan's review lists; a city plan has thousands.
TARGETS_SHOWN = 100


def _plan_to_review(user, plan_id: int) -> Plan:
    """The plan, for the supervision office only; 404 whether it is missing or not theirs."""
    if not access_for(user).can_manage_plans():
        raise Http404("plan")
    return get_object_or_404(Plan, pk=plan_id)


def _plan_to_change(user, plan_id: int) -> Plan:
    """The plan an action changes: 403 for anyone but a supervisor, then 404 if missing."""
    require_plan_manager(user)
    return get_object_or_404(Plan, pk=plan_id)


def _review_url(plan: Plan, anchor: str = "") -> str:
    url = reverse("plan-import-review", args=[plan.pk])
    return f"{url}#{anchor}" if anchor else url


def highlight(text: str, items: list[ImportItem]) -> SafeString:
    """The text, escaped, with each item's span in a <mark> that links to the item's row.

    Each item also gets an empty anchor `src-<pk>` where it starts, which its row
    links to. Overlapping spans (a range gives two items with one snippet) are
    cut at every boundary; a piece links to the innermost item covering it.
    """
    spans = [
        (it.start_offset, it.end_offset, it)
        for it in items
        if it.start_offset is not None
        and it.end_offset is not None
        and 0 <= it.start_offset < it.end_offset <= len(text)
    ]
    bounds = sorted({0, len(text)} | {s for s, e, it in spans} | {e for s, e, it in spans})
    starts: dict[int, list[ImportItem]] = {}
    for s, _e, it in spans:
        starts.setdefault(s, []).append(it)
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        for it in starts.get(a, []):
            out.append(format_html('<span id="src-{}" class="imp-anchor"></span>', it.pk))
        covering = [it for s, e, it in spans if s <= a and b <= e]
        piece = escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        inner = max(covering, key=lambda it: (it.start_offset, -(it.end_offset or 0)))
        numbers = " ".join(f"#{it.position}" for it in covering)
        out.append(
            format_html(
                '<mark class="imp-mark imp-{}" data-items="{}">'
                '<a href="#item-{}" title="{}">{}</a></mark>',
                inner.decision if inner.kind == "target" else "statistic",
                " ".join(str(it.pk) for it in covering),
                inner.pk,
                numbers,
                piece,
            )
        )
    return mark_safe("".join(out))  # noqa: S308  (every piece above is escaped)


def _owners(plan: Plan, items: list[ImportItem], units: list[tuple], user) -> list[dict]:
    """Each unit the text names (leading or cooperating), how many items name it, its unit.

    An owner without a unit offers two ways out: map it to a unit the city has,
    or create the unit it names (under the city by default).
    """
    named: Counter[str] = Counter()
    units_of: dict[str, set] = {}
    unmapped = set()
    for it in items:
        if it.owner_text:
            named[it.owner_text] += 1
            if it.unit_id:
                units_of.setdefault(it.owner_text, set()).add(it.unit)
            else:
                unmapped.add(it.owner_text)
    cooperating = Counter(n for it in items for n in importing.cooperating_names(it))
    known = importing._prefill_units(set(cooperating) - set(named))
    root = Unit.objects.active().filter(parent=None).order_by("pk").first()
    parents = [choice for choice in units if choice[0] != ""]
    owners = []
    for i, text in enumerate(sorted(set(named) | set(cooperating))):
        if text in named:
            found = units_of.get(text, set())
            unit = next(iter(found)) if len(found) == 1 and text not in unmapped else None
        else:
            unit = known.get(text)
        owners.append(
            {
                "text": text,
                "count": named[text] + cooperating[text],
                "cooperating": cooperating[text],
                "unit": unit,
                "form": OwnerMapForm(
                    initial={"owner_text": text, "unit": unit.pk if unit else None},
                    user=user,
                    units=units,
                    auto_id=f"owner{i}-%s",
                ),
                "create_form": OwnerUnitForm(
                    initial={"owner_text": text[:100], "parent": root.pk if root else None},
                    parents=parents,
                    auto_id=f"newunit{i}-%s",
                ),
            }
        )
    return owners


def _render_review(
    request: HttpRequest,
    plan: Plan,
    *,
    bound: ItemForm | None = None,
    formset=None,
    defaults_form: ImportDefaultsForm | None = None,
    add_form: AddItemForm | None = None,
    problems: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    units = unit_choices(request.user)
    if formset is None:
        formset = ItemFormSet(
            queryset=plan.import_items.select_related("unit").order_by("position", "pk"),
            user=request.user,
            units=units,
            prefix="items",
        )
    items = [form.instance for form in formset.forms]
    rows = [{"item": form.instance, "form": form} for form in formset.forms]
    if bound is not None:  # the single-item route's refused row
        rows = [
            {
                "item": row["item"],
                "form": bound if row["item"].pk == bound.instance.pk else row["form"],
            }
            for row in rows
        ]
    context = {
        "plan": plan,
        "rows": rows,
        "formset": formset,
        "defaults_form": defaults_form or ImportDefaultsForm(instance=plan),
        "source": highlight(plan.source_text, items),
        "owners": _owners(plan, items, units, request.user),
        "add_form": add_form or AddItemForm(user=request.user, units=units, auto_id="new-%s"),
        "problems": problems or [],
        # A confirmed plan's first targets; all of them, with their states, in the overview.
        "targets": (
            plan.targets.select_related("unit").order_by("pk")[:TARGETS_SHOWN]
            if plan.is_confirmed
            else []
        ),
        "targets_total": plan.targets.count() if plan.is_confirmed else 0,
        "counts": {
            "total": len(items),
            "accepted": sum(1 for it in items if it.decision == "accepted"),
            "unmapped": sum(1 for it in items if it.decision == "accepted" and not it.unit_id),
        },
    }
    if plan.is_confirmed:
        try:
            context["plan_url"] = reverse("plan-detail", args=[plan.pk])
        except NoReverseMatch:  # the plan pages are another module's; link when they exist
            pass
    return render(request, "plans/import_review.html", context, status=status)


def _import_form_page(request, form, status: int = 200) -> HttpResponse:
    return render(request, "plans/import_form.html", {"form": form}, status=status)


@login_required
def plan_import(request: AuthedRequest) -> HttpResponse:
    """Two steps: the document (kept server-side), then its title and dates, read from it.

    Choosing a file and sending the form with the title empty is the first step:
    the page comes back with the title, start and end the document suggests. A
    refused form keeps the document; the person never chooses it twice.
    """
    require_plan_manager(request.user)
    held = pending.held(request)
    if request.method != "POST":
        return _import_form_page(request, PlanImportForm(held=held))
    form = PlanImportForm(request.POST, request.FILES, held=held)
    upload = request.FILES.get("file")
    if upload is not None:
        if (upload.size or 0) > importing.max_upload_bytes():
            form.is_valid()
            form.add_error(
                "file",
                _("The file is larger than %(size)s.")
                % {"size": filesizeformat(importing.max_upload_bytes())},
            )
            return _import_form_page(request, form, 400)
        content = upload.read()
        try:
            suggestion = importing.suggest_plan(upload.name or "", content, today())
        except ValidationError as exc:
            form.is_valid()
            form.add_error("file", exc.messages)
            return _import_form_page(request, form, 400)
        held = pending.keep(request, upload.name or "", content)
        if form.asks_for_suggestion():
            messages.info(
                request, _("Check the title and dates read from the document, then read it.")
            )
            return _import_form_page(request, PlanImportForm(initial=suggestion, held=held))
        form = PlanImportForm(request.POST, held=held)
    if form.is_valid() and form.held is not None:  # a valid form holds its document
        try:
            plan = importing.start_import(
                request.user,
                title=form.cleaned_data["title"],
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                filename=form.held["name"],
                content=pending.content(form.held),
            )
        except ValidationError as exc:
            pending.discard(request)  # the document itself is refused: choose another
            form.held = None
            form.add_error("file", exc.messages)
        else:
            pending.discard(request)
            messages.success(
                request,
                _("Read %(n)s items from the document. Review them, then confirm the plan.")
                % {"n": plan.import_items.count()},
            )
            return redirect("plan-import-review", plan_id=plan.pk)
    return _import_form_page(request, form, 400)


@login_required
def plan_import_review(request: AuthedRequest, plan_id: int) -> HttpResponse:
    return _render_review(request, _plan_to_review(request.user, plan_id))


@login_required
@require_POST
def plan_import_item(request: AuthedRequest, plan_id: int, item_id: int) -> HttpResponse:
    plan = _plan_to_change(request.user, plan_id)
    item = get_object_or_404(ImportItem, pk=item_id, plan=plan)
    form = ItemForm(
        request.POST,
        instance=item,
        user=request.user,
        form_id=f"f-{item.pk}",
        auto_id=f"i{item.pk}-%s",
    )
    if form.is_valid():
        try:
            # A fresh row: the form has already written its values onto `item`.
            fresh = ImportItem.objects.get(pk=item.pk)
            importing.update_item(fresh, request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Item %(n)s saved.") % {"n": item.position})
            return redirect(_review_url(plan, f"item-{item.pk}"))
    cast(forms.ChoiceField, form.fields["unit"]).choices = unit_choices(request.user)
    return _render_review(request, plan, bound=form, status=400)


@login_required
@require_POST
def plan_import_add_item(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = _plan_to_change(request.user, plan_id)
    form = AddItemForm(request.POST, user=request.user, auto_id="new-%s")
    if form.is_valid():
        try:
            item = importing.add_item(plan, request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Item %(n)s added.") % {"n": item.position})
            return redirect(_review_url(plan, f"item-{item.pk}"))
    return _render_review(request, plan, add_form=form, status=400)


@login_required
@require_POST
def plan_import_owner(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = _plan_to_change(request.user, plan_id)
    form = OwnerMapForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose a unit for the owner."))
        return redirect(_review_url(plan, "owners"))
    text, unit = form.cleaned_data["owner_text"], form.cleaned_data["unit"]
    try:
        n = importing.map_owner(plan, request.user, text, unit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("“%(text)s” is %(unit)s from now on (%(n)s items changed).")
            % {"text": text, "unit": unit, "n": n},
        )
    return redirect(_review_url(plan, "owners"))


@login_required
@require_POST
def plan_import_confirm(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = _plan_to_change(request.user, plan_id)
    try:
        plan = importing.confirm_import(plan, request.user)
    except ValidationError as exc:
        return _render_review(request, plan, problems=exc.messages, status=400)
    messages.success(
        request,
        _("The plan is confirmed with %(n)s targets.") % {"n": plan.targets.count()},
    )
    return redirect("plan-import-review", plan_id=plan.pk)


@login_required
@require_POST
def plan_import_items(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Save the whole review table at once: every changed row, or none (and nothing lost)."""
    plan = _plan_to_change(request.user, plan_id)
    formset = ItemFormSet(
        request.POST,
        queryset=plan.import_items.select_related("unit").order_by("position", "pk"),
        user=request.user,
        units=unit_choices(request.user),
        prefix="items",
    )
    if not formset.management_form.is_valid():
        messages.error(request, _("The table was sent incomplete: nothing was saved."))
        return _render_review(request, plan, status=400)
    problems = []
    if formset.is_valid():
        if any(form.instance.pk is None and form.has_changed() for form in formset.forms):
            problems.append(_("Rows cannot be added here: use “Add an item”."))
        else:
            changes = [
                (
                    ImportItem.objects.get(pk=form.instance.pk),
                    {name: form.cleaned_data[name] for name in form.changed_data},
                )
                for form in formset.forms
                if form.instance.pk is not None and form.has_changed()
            ]
            try:
                n = importing.update_items(plan, request.user, changes)
            except ValidationError as exc:
                problems.extend(exc.messages)
            else:
                messages.success(request, _("%(n)s items saved.") % {"n": n})
                return redirect(_review_url(plan, "import-items"))
    elif formset.non_form_errors():  # too many rows: no row was read
        problems.extend(str(error) for error in formset.non_form_errors())
    else:
        problems.append(_("Some rows need correcting: nothing was saved yet."))
    return _render_review(request, plan, formset=formset, problems=problems, status=400)


@login_required
@require_POST
def plan_import_defaults(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = _plan_to_change(request.user, plan_id)
    form = ImportDefaultsForm(request.POST, instance=Plan.objects.get(pk=plan.pk))
    if form.is_valid():
        try:
            importing.set_import_defaults(
                plan,
                request.user,
                cadence=form.cleaned_data["default_cadence"],
                due_day=form.cleaned_data["default_due_day"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Reporting defaults saved."))
            return redirect(_review_url(plan, "import-defaults"))
    return _render_review(request, plan, defaults_form=form, status=400)


@login_required
@require_POST
def plan_import_owner_unit(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Create the unit an owner text names, in place, and map the text to it."""
    plan = _plan_to_change(request.user, plan_id)
    form = OwnerUnitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where the new unit belongs."))
        return redirect(_review_url(plan, "owners"))
    text, parent = form.cleaned_data["owner_text"], form.cleaned_data["parent"]
    try:
        unit = importing.create_owner_unit(plan, request.user, text, parent)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Unit %(unit)s created under %(parent)s; “%(text)s” is that unit from now on.")
            % {"unit": unit.name, "parent": parent.name, "text": text},
        )
    return redirect(_review_url(plan, "owners"))


@login_required
def plan_import_parse(request: AuthedRequest, plan_id: int) -> JsonResponse:
    """The fields of a new item, read from words the reviewer selected in the text."""
    plan = _plan_to_review(request.user, plan_id)
    return JsonResponse(parse_selection(request.GET.get("text", "")[:1000], year=plan.start.year))
