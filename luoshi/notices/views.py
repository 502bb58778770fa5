"""The notification list and marking read. Everyone sees only their own notifications."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import actions
from .models import Notification

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
