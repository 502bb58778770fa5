from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.formtools import bad_post, paginate

from . import actions
from .access import access_for, access_unit_by_id, require_unit_manager
from .forms import ActiveForm
from .requests import AuthedRequest


@login_required
def unit_list(request: AuthedRequest) -> HttpResponse:
    access = access_for(request.user)
    page, query = paginate(request, access.visible_units().order_by("path"))
    return render(
        request,
        "orgs/unit_list.html",
        {
            "units": page.object_list,
            "page": page,
            "query": query,
            "can_manage": access.can_manage_units(),
        },
    )


@login_required
@require_POST
def unit_set_active(request: AuthedRequest, unit_id: int) -> HttpResponse:
    require_unit_manager(request.user)
    unit = access_unit_by_id(request.user, unit_id)
    form = ActiveForm(request.POST)
    if not form.is_valid():
        return bad_post(form, request)
    active = form.cleaned_data["active"]
    actions.set_unit_active(unit, request.user, active, reason=form.cleaned_data["reason"])
    messages.success(request, _("Unit reactivated.") if active else _("Unit deactivated."))
    return redirect("unit-detail", unit_id=unit.pk)
