"""The notification list and marking read. Everyone sees only their own notifications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.formtools import attach_errors
from luoshi.orgs.access import access_for, access_unit_by_id, choosable_units
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import access_plan_by_id, access_target_by_id

from . import actions, delivery
from .choices import NoticeKind
from .forms import (
    ChaseForm,
    DefaultsForm,
    InstructionForm,
    NoticeReadForm,
    PreferencesForm,
    ReminderRuleForm,
    WebhookForm,
)
from .models import (
    ChannelDefault,
    ChannelPreference,
    Delivery,
    Notification,
    ReminderRule,
    WebhookEndpoint,
)

PAGE_SIZE = 50


@login_required
def notice_list(request: AuthedRequest) -> HttpResponse:
    notices = Notification.objects.filter(recipient=request.user)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "is_supervisor": access_for(request.user).is_supervisor}
    return render(request, "notices/list.html", context)


@login_required
@require_POST
def notice_read(request: AuthedRequest, notice_id: int) -> HttpResponse:
    """Mark read and, when asked, go on to the thing the notification is about."""
    form = NoticeReadForm(request.POST)
    form.is_valid()  # one optional check box: always valid
    actions.mark_read(request.user, notice_id)
    notice = Notification.objects.filter(pk=notice_id, recipient=request.user).first()
    if (
        form.cleaned_data.get("open")
        and notice is not None
        and notice.link
        and url_has_allowed_host_and_scheme(notice.link, allowed_hosts=None)
    ):
        return redirect(notice.link)
    return redirect("notice-list")


@login_required
@require_POST
def notice_read_all(request: AuthedRequest) -> HttpResponse:
    actions.mark_all_read(request.user)
    return redirect("notice-list")


@login_required
def reminder_rule(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """The plan's 催报 ladder, set by the supervision office (like the plan's other rules)."""
    plan = access_plan_by_id(request.user, plan_id)
    if not access_for(request.user).can_manage_plans():
        raise PermissionDenied
    form = ReminderRuleForm(request.POST or None, instance=ReminderRule.for_plan(plan))
    if request.method == "POST" and form.is_valid():
        numbers = {name: form.cleaned_data[name] for name in actions.RULE_FIELDS}
        try:
            actions.save_reminder_rule(plan, request.user, form.cleaned_data["reason"], **numbers)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Reminder ladder saved."))
            return redirect("plan-detail", plan_id=plan.pk)
    return render(request, "notices/reminder_rule.html", {"plan": plan, "form": form})


# -- channels: one's own choices, the office's defaults, the robots ---------------


def _current_defaults() -> dict[str, tuple[bool, bool, bool]]:
    stored = {d.kind: (d.email, d.webhook, d.unit_webhook) for d in ChannelDefault.objects.all()}
    return {kind: stored.get(kind, (True, True, True)) for kind in NoticeKind.values}


def _current_preferences(user) -> dict[str, tuple[bool, bool]]:
    chosen = {p.kind: (p.email, p.webhook) for p in ChannelPreference.objects.filter(person=user)}
    defaults = _current_defaults()
    return {kind: chosen.get(kind, defaults[kind][:2]) for kind in NoticeKind.values}


@login_required
def notice_settings(request: AuthedRequest) -> HttpResponse:
    """通知设置: one's channels per kind of event, and one's own robot."""
    current = _current_preferences(request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "notices/settings.html", {"form": form}, status=400)
        actions.save_preferences(request.user, form.choices())
        messages.success(request, _("Notification settings saved."))
        return redirect("notice-settings")
    endpoint = WebhookEndpoint.objects.filter(person=request.user).first()
    return render(request, "notices/settings.html", {"form": form, "endpoint": endpoint})


def _webhook_page(request, endpoint: WebhookEndpoint, title: str, done: str):
    form = WebhookForm(request.POST or None, instance=endpoint)
    if request.method == "POST":
        if form.is_valid():
            values = form.values()
            try:
                actions.save_webhook(request.user, endpoint, **values)
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("Webhook saved."))
                return redirect(done)
        context = {"form": form, "title": title, "endpoint": endpoint, "back": done}
        return render(request, "notices/webhook_form.html", context, status=400)
    context = {"form": form, "title": title, "endpoint": endpoint, "back": done}
    return render(request, "notices/webhook_form.html", context)


@login_required
def my_webhook(request: AuthedRequest) -> HttpResponse:
    """One's own robot: messages of the kinds one chose reach it."""
    endpoint = WebhookEndpoint.objects.filter(person=request.user).first()
    endpoint = endpoint or WebhookEndpoint(person=request.user)
    return _webhook_page(request, endpoint, _("My webhook"), "notice-settings")


@login_required
def channel_defaults(request: AuthedRequest) -> HttpResponse:
    """The supervision office's default channels, for everyone who chose nothing."""
    if not access_for(request.user).is_supervisor:
        raise Http404("defaults")
    form = DefaultsForm(request.POST or None, current=_current_defaults())
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "notices/defaults.html", {"form": form}, status=400)
        actions.save_defaults(request.user, form.choices())
        messages.success(request, _("Default channels saved."))
        return redirect("channel-defaults")
    return render(request, "notices/defaults.html", {"form": form})


@login_required
def unit_webhooks(request: AuthedRequest) -> HttpResponse:
    """Every active unit and its group robot, for the supervision office."""
    if not access_for(request.user).is_supervisor:
        raise Http404("webhooks")
    units = choosable_units(request.user).select_related("webhook")
    return render(request, "notices/unit_webhooks.html", {"units": units})


@login_required
def unit_webhook(request: AuthedRequest, unit_id: int) -> HttpResponse:
    if not access_for(request.user).is_supervisor:
        raise Http404("webhooks")
    unit = access_unit_by_id(request.user, unit_id)
    endpoint = WebhookEndpoint.objects.filter(unit=unit).first() or WebhookEndpoint(unit=unit)
    title = _("Group webhook of %(unit)s") % {"unit": unit.name}
    return _webhook_page(request, endpoint, title, "unit-webhooks")


DELIVERY_STATES = {
    "failed": Q(delivered_at__isnull=True, next_attempt_at__isnull=True),
    "pending": Q(delivered_at__isnull=True, next_attempt_at__isnull=False),
    "delivered": Q(delivered_at__isnull=False),
}


@login_required
def delivery_list(request: AuthedRequest) -> HttpResponse:
    """Messages beside the app, newest first: failed and pending ones by default."""
    if not access_for(request.user).is_supervisor:
        raise Http404("deliveries")
    state = request.GET.get("state", "")
    deliveries = Delivery.objects.select_related("recipient", "endpoint__unit")
    if state in DELIVERY_STATES:
        deliveries = deliveries.filter(DELIVERY_STATES[state])
    else:
        state = ""
        deliveries = deliveries.filter(delivered_at__isnull=True)
    page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = {
        name: Delivery.objects.filter(condition).count()
        for name, condition in DELIVERY_STATES.items()
        if name != "delivered"
    }
    context = {"page": page, "state": state, "counts": counts}
    return render(request, "notices/deliveries.html", context)


@login_required
@require_POST
def delivery_retry(request: AuthedRequest, delivery_id: int) -> HttpResponse:
    if not access_for(request.user).is_supervisor:
        raise Http404("deliveries")
    row = Delivery.objects.filter(pk=delivery_id, delivered_at__isnull=True).first()
    if row is None:
        raise Http404("delivery")
    delivery.retry_now(row)
    messages.success(request, _("The message will be tried again."))
    return redirect("delivery-list")


# -- the supervision office's 催报, and leaders' instructions ----------------------


@login_required
def chase(request: AuthedRequest) -> HttpResponse:
    """催报 by hand: the targets ticked on the overview (or units), a line, send."""
    if not access_for(request.user).can_manage_plans():
        raise Http404("chase")
    if request.method == "POST":
        form = ChaseForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                sent = actions.send_chase(
                    request.user,
                    form.cleaned_data["text"],
                    form.cleaned_data["targets"],
                    form.cleaned_data["units"],
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                reached = sent.reminders.values("person").distinct().count()
                messages.success(
                    request,
                    _("Reminder sent: %(people)d people reached.") % {"people": reached},
                )
                return redirect("overview")
        return render(request, "notices/chase.html", {"form": form}, status=400)
    form = ChaseForm(request.GET or None, user=request.user)
    chosen = []
    if request.GET:
        if not form.is_valid() and (form.has_error("targets") or form.has_error("units")):
            return render(request, "notices/chase.html", {"form": form}, status=400)
        chosen = list(form.cleaned_data.get("targets") or [])
        form = ChaseForm(
            initial={"targets": chosen, "units": form.cleaned_data.get("units") or []},
            user=request.user,
        )
    return render(request, "notices/chase.html", {"form": form, "chosen": chosen})


def _instruct(request, *, target=None, unit=None) -> HttpResponse:
    form = InstructionForm(request.POST)
    back = (
        reverse("target-detail", args=[target.pk])
        if target is not None
        else reverse("unit-detail", args=[unit.pk])
    )
    if not actions.can_instruct(request.user):
        raise PermissionDenied
    if not form.is_valid():
        context = {"form": form, "back": back, "target": target, "unit": unit}
        return render(request, "notices/instruction_form.html", context, status=400)
    try:
        actions.give_instruction(request.user, form.cleaned_data["text"], target=target, unit=unit)
    except ValidationError as error:
        attach_errors(form, error)
        context = {"form": form, "back": back, "target": target, "unit": unit}
        return render(request, "notices/instruction_form.html", context, status=400)
    messages.success(request, _("Instruction recorded; the unit is notified."))
    return redirect(back + "#instructions")


@login_required
@require_POST
def target_instruction(request: AuthedRequest, target_id: int) -> HttpResponse:
    return _instruct(request, target=access_target_by_id(request.user, target_id))


@login_required
@require_POST
def unit_instruction(request: AuthedRequest, unit_id: int) -> HttpResponse:
    return _instruct(request, unit=access_unit_by_id(request.user, unit_id))
