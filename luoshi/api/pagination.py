"""Every API list's `limit` and `offset`, bounded (docs/api.md, "Lists").

Without a cap, `?limit=100000000` made one request serialise a whole table (23 MB);
an `offset` past what a database integer holds made SQLite raise instead of
answering. Above the bounds the request is bad input: 422 naming the field.
"""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
# PostgreSQL's and SQLite's OFFSET is a 64-bit integer; no list is near this long.
MAX_OFFSET = 2**31 - 1


class Paginated(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"items per page, 1..{MAX_LIMIT}"
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="items to skip")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
