"""What the project and hazard pages share: who keeps a ledger row, and paginated lists.

The pages themselves are in views_projects.py and views_hazards.py. Access is
decided by luoshi.orgs.access (through the querysets' restrict) and by the
actions; these helpers only ask them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import TextChoices
from django.http import Http404, HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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


def unit_filter(user, selected: int | None) -> tuple[SafeString, bool]:
    """The <option>s of a list's unit filter: every active unit one sees, in tree order,
    `selected` marked; and whether the person keeps the ledger rows of any of them (the
    list's buttons to enter and import rows).

    Written in one pass from three columns: at 10× a province has 1,491 units, and loading
    them as models and drawing each through the template's loop was most of the time of
    the hazard and project lists."""
    access = access_for(user)
    rows = access.visible_units().filter(is_active=True).order_by("path")
    options = []
    # can_keep_ledger: the supervision office keeps every unit's rows, others their own.
    keeps_any = access.is_supervisor
    for pk, path, name in rows.values_list("pk", "path", "short_name"):
        if not keeps_any:
            keeps_any = access.can_keep_ledger(Unit(pk=pk, path=path))
        mark = " selected" if pk == selected else ""
        options.append(f'<option value="{int(pk)}"{mark}>{escape(name)}</option>')
    # Safe: the ids are integers and the names are escaped.
    return mark_safe("".join(options)), bool(options) and keeps_any  # noqa: S308


def labelled(rows: Iterable[Any], **fields: type[TextChoices]) -> None:
    """Give each of `rows` each field's label as `<field>_label`, translated once per
    page (a `get_<field>_display` per row and field costs a lookup of the translated
    choices each time)."""
    labels = {
        name: {value: str(label) for value, label in choices.choices}
        for name, choices in fields.items()
    }
    for row in rows:
        for name, by_value in labels.items():
            value = getattr(row, name)
            setattr(row, f"{name}_label", by_value.get(value, value))


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
    page.object_list = list(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
