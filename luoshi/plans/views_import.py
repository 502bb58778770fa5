"""Plan import screens: upload a document, review what intake found, confirm the plan.

Views parse, check access and call one action of `importing`. Only the
supervision office manages plans: its review pages are 404 for everyone else
(a draft plan is not theirs to know of), its actions 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.orgs.access import access_for

from . import importing
from .actions import require_plan_manager
from .forms_import import AddItemForm, ItemForm, OwnerMapForm, PlanImportForm, unit_choices
from .models import ImportItem, Plan


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
        inner = max(covering, key=lambda it: (it.start_offset, -it.end_offset))
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
    """Each owner text with how many items carry it and the unit they share, if one."""
    rows = (
        plan.import_items.exclude(owner_text="")
        .values("owner_text")
        .annotate(n=Count("pk"), units=Count("unit", distinct=True))
        .order_by("owner_text")
    )
    unit_of = {}
    for it in items:
        if it.owner_text and it.unit_id:
            unit_of.setdefault(it.owner_text, it.unit)
    owners = []
    for i, row in enumerate(rows):
        text = row["owner_text"]
        shared = unit_of.get(text) if row["units"] == 1 else None
        unmapped = any(it.owner_text == text and it.unit_id is None for it in items)
        owners.append(
            {
                "text": text,
                "count": row["n"],
                "unit": None if unmapped else shared,
                "form": OwnerMapForm(
                    initial={"owner_text": text, "unit": shared.pk if shared else None},
                    user=user,
                    units=units,
                    auto_id=f"owner{i}-%s",
                ),
            }
        )
    return owners


def _render_review(
    request: HttpRequest,
    plan: Plan,
    *,
    bound: ItemForm | None = None,
    add_form: AddItemForm | None = None,
    problems: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    items = list(plan.import_items.select_related("unit").order_by("position", "pk"))
    units = unit_choices(request.user)
    rows = []
    for item in items:
        if bound is not None and bound.instance.pk == item.pk:
            form = bound
        else:
            form = ItemForm(
                instance=item,
                user=request.user,
                units=units,
                form_id=f"f-{item.pk}",
                auto_id=f"i{item.pk}-%s",
            )
        rows.append({"item": item, "form": form})
    context = {
        "plan": plan,
        "rows": rows,
        "source": highlight(plan.source_text, items),
        "owners": _owners(plan, items, units, request.user),
        "add_form": add_form or AddItemForm(user=request.user, units=units, auto_id="new-%s"),
        "problems": problems or [],
        "targets": plan.targets.select_related("unit").order_by("pk") if plan.is_confirmed else [],
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


@login_required
def plan_import(request: HttpRequest) -> HttpResponse:
    require_plan_manager(request.user)
    form = PlanImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > importing.max_upload_bytes():
            form.add_error(
                "file",
                _("The file is larger than %(size)s.")
                % {"size": filesizeformat(importing.max_upload_bytes())},
            )
        else:
            try:
                plan = importing.start_import(
                    request.user,
                    title=form.cleaned_data["title"],
                    start=form.cleaned_data["start"],
                    end=form.cleaned_data["end"],
                    filename=upload.name,
                    content=upload.read(),
                )
            except ValidationError as exc:
                form.add_error("file", exc.messages)
            else:
                messages.success(
                    request,
                    _("Read %(n)s items from the document. Review them, then confirm the plan.")
                    % {"n": plan.import_items.count()},
                )
                return redirect("plan-import-review", plan_id=plan.pk)
    status = 400 if form.errors else 200
    return render(request, "plans/import_form.html", {"form": form}, status=status)


@login_required
def plan_import_review(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _render_review(request, _plan_to_review(request.user, plan_id))


@login_required
@require_POST
def plan_import_item(request: HttpRequest, plan_id: int, item_id: int) -> HttpResponse:
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
    form.fields["unit"].choices = unit_choices(request.user)
    return _render_review(request, plan, bound=form, status=400)


@login_required
@require_POST
def plan_import_add_item(request: HttpRequest, plan_id: int) -> HttpResponse:
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
def plan_import_owner(request: HttpRequest, plan_id: int) -> HttpResponse:
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
def plan_import_confirm(request: HttpRequest, plan_id: int) -> HttpResponse:
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
