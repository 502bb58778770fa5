"""GET /units, GET /units/{id}: the units a person may look at."""

from ninja import Query, Router

from luoshi.orgs.access import access_for, access_unit_by_id
from luoshi.orgs.choices import UnitKind

from .filters import in_unit
from .pagination import Keyset, PageIn, page_of
from .schemas import Error, Id, UnitOut

router = Router(tags=["units"])

UNITS = Keyset("units", "path", "pk")


@router.get(
    "/units", response={200: page_of(UnitOut), 400: Error}, summary="Visible units, tree order"
)
def list_units(
    request,
    page: Query[PageIn],
    unit: Id | None = None,
    subtree: bool = False,
    kind: UnitKind | None = None,
    active: bool | None = None,
):
    """`unit` with `subtree`: that unit and every unit under it."""
    units = in_unit(request.auth, access_for(request.auth).visible_units(), unit, subtree, "")
    if kind is not None:
        units = units.filter(kind=kind)
    if active is not None:
        units = units.filter(is_active=active)
    return UNITS.page(units, page)


@router.get("/units/{int:unit_id}", response=UnitOut, summary="One unit")
def get_unit(request, unit_id: int):
    return access_unit_by_id(request.auth, unit_id)
