"""What the project and hazard pages share: who keeps a ledger row, and paginated lists.

The pages themselves are in views_projects.py and views_hazards.py. Access is
decided by luoshi.orgs.access (through the querysets' restrict) and by the
actions; these helpers only ask them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest

from luoshi.orgs.access import access_for
from luoshi.orgs.models import Unit

PAGE_SIZE = 50


def keeps(user, unit: Unit) -> bool:
    """Whether `user` keeps the ledger rows of `unit` (the access module's rule)."""
    return access_for(user).can_keep_ledger(unit)


def kept_units(user) -> list[Unit]:
    """The active units whose ledger rows this person may enter (empty: they enter none)."""
    units = access_for(user).visible_units().filter(is_active=True).order_by("path")
    return [unit for unit in units if keeps(user, unit)]


def visible_or_404(queryset, user, pk: int, what: str):
    """The row if the person may see it; 404 whether it is missing or forbidden."""
    row = queryset.restrict(user, "view").select_related("unit").filter(pk=pk).first()
    if row is None:
        raise Http404(what)
    return row


def kept_or_denied(queryset, user, pk: int, what: str):
    """The row if the person may see it (else 404) and keeps its unit's ledger (else 403)."""
    row = visible_or_404(queryset, user, pk, what)
    if not keeps(user, row.unit):
        raise PermissionDenied
    return row


def paginate(request: HttpRequest, rows) -> tuple[Page, str]:
    """The requested page of `rows`, and the query string without the page (for the links)."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
