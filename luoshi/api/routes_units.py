"""GET /units, GET /units/{id}: the units a person may look at."""

from ninja import Router
from ninja.pagination import paginate

from luoshi.orgs.access import access_for, access_unit_by_id

from .pagination import Paginated
from .schemas import UnitOut

router = Router(tags=["units"])


@router.get("/units", response=list[UnitOut], summary="Visible units")
@paginate(Paginated)
def list_units(request):
    return access_for(request.auth).visible_units().order_by("path")


@router.get("/units/{int:unit_id}", response=UnitOut, summary="One unit")
def get_unit(request, unit_id: int):
    return access_unit_by_id(request.auth, unit_id)
