"""The notification list and marking read. Everyone sees only their own notifications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.formtools import attach_errors
from luoshi.orgs.access import access_for
from luoshi.plans.access import access_plan_by_id

from . import actions
from .forms import ReminderRuleForm
from .models import Notification, ReminderRule

PAGE_SIZE = 50


@login_required
def notice_list(request: HttpRequest) -> HttpResponse:
    notices = Notification.objects.filter(recipient=request.user)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notices/list.html", {"page": page})


@login_required
@require_POST
def notice_read(request: HttpRequest, notice_id: int) -> HttpResponse:
    """Mark read and, when asked, go on to the thing the notification is about."""
    actions.mark_read(request.user, notice_id)
    notice = Notification.objects.filter(pk=notice_id, recipient=request.user).first()
    if (
        request.POST.get("open")
        and notice is not None
        and notice.link
        and url_has_allowed_host_and_scheme(notice.link, allowed_hosts=None)
    ):
        return redirect(notice.link)
    return redirect("notice-list")


@login_required
@require_POST
def notice_read_all(request: HttpRequest) -> HttpResponse:
    actions.mark_all_read(request.user)
    return redirect("notice-list")


@login_required
def reminder_rule(request: HttpRequest, plan_id: int) -> HttpResponse:
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
