"""Every API list, a page at a time with an opaque cursor (docs/api.md, "Lists").

A list answers `{"items": [...], "count": N, "next": "…" | null}`. `next` is the
cursor of the following page: send it back as `?cursor=` (with the same filters)
until it is null. It is keyset paging: the cursor holds the sort key of the last
row shown, signed so that it cannot be forged or carried to another list, and
the next page is the rows after that key. So a page costs the same whatever its
depth, and rows added or removed between two requests never make a row show
twice or skip one that was there all along.

`count` is counted once, on the first page (no cursor), and carried in the signed
cursor to the following pages (issue 14: a COUNT of every matching row on every
page grew with the data). It is the number of rows that matched when the walk
began; a cursor written before counts were carried (its key only) is still read,
and its page counts again.

`limit` is 1..500 (issue 10: `?limit=100000000` serialised a whole table); above
it the request is bad input, 422 naming `limit`. A cursor that is damaged,
forged, or from another list answers 400 with a message saying to start again.
"""

from __future__ import annotations

import json
from typing import Any

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q, QuerySet
from ninja import Field, Schema
from ninja.errors import HttpError
from pydantic import create_model

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
# A cursor the API writes is well under this; a longer one is not ours.
MAX_CURSOR = 1000
BAD_CURSOR = (
    "The cursor is not valid for this list: send back the `next` value of a previous "
    "page unchanged, or leave `cursor` out to start from the first page."
)


class PageIn(Schema):
    """The paging parameters every list takes."""

    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"items per page, 1..{MAX_LIMIT}"
    )
    cursor: str | None = Field(
        None,
        max_length=MAX_CURSOR,
        description="the `next` of the previous page (opaque); none for the first page",
    )


class _Serializer:
    """JSON with dates (signing's own serializer knows no dates)."""

    def dumps(self, obj) -> bytes:
        return json.dumps(obj, cls=DjangoJSONEncoder, separators=(",", ":")).encode("ascii")

    def loads(self, data: bytes):
        return json.loads(data.decode("ascii"))


_pages: dict[type, type[Schema]] = {}


def page_of(item: type[Schema]) -> type[Schema]:
    """The response schema of a list of `item`: items, count and next."""
    if item not in _pages:
        _pages[item] = create_model(
            f"{item.__name__}Page",
            __base__=Schema,
            items=(list[item], ...),  # type: ignore[valid-type]  # a schema made at run time
            count=(
                int,
                Field(..., description="rows matching the filters when the first page was read"),
            ),
            next=(str | None, Field(None, description="the cursor of the next page; null: last")),
        )
    return _pages[item]


class Keyset:
    """A list's order as a keyset: columns (a leading "-" for descending) ending in the
    primary key, none of them nullable, none a datetime (the cursor keeps milliseconds
    only). `name` keeps one list's cursors from being read by another."""

    def __init__(self, name: str, *columns: str):
        if columns[-1].lstrip("-") != "pk":
            raise ValueError("a keyset ends with the primary key")
        self.salt = f"luoshi.api.cursor.{name}"
        self.columns = [(column.lstrip("-"), column.startswith("-")) for column in columns]

    def _after(self, values: list) -> Q:
        """Rows after `values` in this order: (a > x) or (a = x and b > y) or …"""
        after = Q()
        for i, (column, descending) in enumerate(self.columns):
            step = Q(**{f"{column}__{'lt' if descending else 'gt'}": values[i]})
            for j in range(i):
                step &= Q(**{self.columns[j][0]: values[j]})
            after |= step
        return after

    def decode(self, cursor: str) -> tuple[list, int | None]:
        """The key of the last row shown, and the count the first page carried (None in a
        cursor that carries none)."""
        try:
            values = signing.loads(cursor, salt=self.salt, serializer=_Serializer)
        except signing.BadSignature:
            raise HttpError(400, BAD_CURSOR) from None
        if not isinstance(values, list) or len(values) not in (n := len(self.columns), n + 1):
            raise HttpError(400, BAD_CURSOR)
        count = values[n] if len(values) > n else None
        if count is not None and (not isinstance(count, int) or count < 0):
            raise HttpError(400, BAD_CURSOR)
        return values[:n], count

    def encode(self, row: Any, count: int | None = None) -> str:
        values = [getattr(row, f"cursor_{i}") for i in range(len(self.columns))]
        if count is not None:
            values.append(count)
        return signing.dumps(values, salt=self.salt, serializer=_Serializer, compress=True)

    def slice(
        self, rows: QuerySet, params: PageIn, count: int | None = None
    ) -> tuple[list, str | None]:
        """The page of `rows` after the cursor, in this order, and the next page's cursor
        (carrying `count` when given)."""
        after = self.decode(params.cursor)[0] if params.cursor is not None else None
        return self._slice(rows, params.limit, after, count)

    def _slice(
        self, rows: QuerySet, limit: int, after: list | None, count: int | None
    ) -> tuple[list, str | None]:
        ordered = rows.annotate(
            **{f"cursor_{i}": F(column) for i, (column, _) in enumerate(self.columns)}
        ).order_by(*(f"-{c}" if descending else c for c, descending in self.columns))
        if after is not None:
            ordered = ordered.filter(self._after(after))
        found = list(ordered[: limit + 1])
        if len(found) > limit:
            return found[:limit], self.encode(found[limit - 1], count)
        return found, None

    def page(self, rows: QuerySet, params: PageIn) -> dict:
        """A list's answer: one page of `rows` (filtered and scoped), the count, the cursor.
        The count is a query on the first page only; the cursor carries it on."""
        after, count = self.decode(params.cursor) if params.cursor is not None else (None, None)
        if count is None:
            count = rows.count()
        found, following = self._slice(rows, params.limit, after, count)
        return {"items": found, "count": count, "next": following}
