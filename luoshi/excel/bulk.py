"""Fast inserts for large imports: rows as dicts, no model instances.

Django's bulk_create builds a model instance per row and prepares every value
through its field, in statements of at most 999 parameters on SQLite; for a
100,000-row register that costs several times the reading of the file. Here
the rows are dicts keyed by column attname, only dates, datetimes and decimals
go through their field's get_db_prep_save, and a statement carries as many
rows as the database accepts (the ids come back in row order from RETURNING,
which Django's own bulk_create relies on too); on PostgreSQL the rows go by
COPY. Nothing else differs: the same columns, the same defaults (a field's
default, "now" for auto_now(_add) fields), inside the caller's transaction.
Used only by importers that validated every value first.
"""

from __future__ import annotations

import sqlite3

from django.db import connection, models
from django.utils import timezone

PREPARED = (models.DateField, models.DecimalField, models.JSONField)  # DateTimeField is a DateField
MAX_ROWS_PER_STATEMENT = 1000


def supported() -> bool:
    """Whether the database returns the ids of a multi-row INSERT (PostgreSQL, SQLite ≥ 3.35)."""
    return bool(connection.features.can_return_rows_from_bulk_insert)


def _max_params() -> int:
    if connection.vendor == "sqlite":
        return 32766 if sqlite3.sqlite_version_info >= (3, 32) else 999
    return connection.features.max_query_params or 65535


def _memoised(field):
    """The field's get_db_prep_save, remembered per value: an import repeats its dates
    (and "now") thousands of times, and converting an aware datetime is not cheap."""
    cache: dict = {}

    def prepare(value):
        try:
            return cache[value]
        except KeyError:
            prepared = cache[value] = field.get_db_prep_save(value, connection)
            return prepared
        except TypeError:  # unhashable (JSON)
            return field.get_db_prep_save(value, connection)

    return prepare


def insert(model, rows: list[dict], *, returning: bool = False) -> list | None:
    """Insert `rows` into `model`'s table; with `returning`, the new primary keys in row order.

    Fields missing from the first row take their default. An auto-incrementing
    primary key is left to the database.
    """
    if not rows:
        return [] if returning else None
    if connection.vendor == "postgresql":
        return _copy(model, rows, returning=returning)
    fields, defaults = _columns(model, rows, with_pk=False)
    names = [f.attname for f in fields]
    prepare = [_memoised(f) if isinstance(f, PREPARED) else None for f in fields]
    quote = connection.ops.quote_name
    # Only names from the model's own metadata, quoted by the backend, enter the text; every
    # value is a %s parameter.
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "  # noqa: S608 - see above
        f"({', '.join(quote(f.column) for f in fields)}) VALUES "
    )
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    tail = f" RETURNING {quote(model._meta.pk.column)}" if returning else ""
    per_statement = max(1, min(MAX_ROWS_PER_STATEMENT, _max_params() // len(fields)))
    ids: list = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            params = []
            for row in chunk:
                for name, prep in zip(names, prepare, strict=True):
                    value = row[name] if name in row else defaults[name]
                    params.append(prep(value) if prep is not None and value is not None else value)
            cursor.execute(head + ", ".join([one] * len(chunk)) + tail, params)
            if returning:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids if returning else None


def _columns(model, rows: list[dict], *, with_pk: bool):
    """(fields, defaults) of an insert: every concrete field, an auto pk only `with_pk`."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if with_pk or not (f.primary_key and isinstance(f, models.AutoField | models.BigAutoField))
    ]
    now = timezone.now()
    defaults = {}
    for f in fields:
        if f.attname not in rows[0]:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                defaults[f.attname] = now
            else:
                defaults[f.attname] = f.get_default()
    return fields, defaults


def _copy(model, rows: list[dict], *, returning: bool) -> list | None:
    """PostgreSQL: COPY, which the server parses far faster than a many-row INSERT.

    For new ids the rows draw them from the table's own sequence first (one
    query), exactly as an INSERT would, so concurrent writers never collide.
    """
    pk = model._meta.pk
    auto_pk = isinstance(pk, models.AutoField | models.BigAutoField)
    ids = None
    if auto_pk:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, pk.column, len(rows)],
            )
            ids = [row[0] for row in cursor.fetchall()]
        rows = [{**row, pk.attname: pk_value} for row, pk_value in zip(rows, ids, strict=True)]
    fields, defaults = _columns(model, rows, with_pk=True)
    quote = connection.ops.quote_name
    sql = (
        f"COPY {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        "FROM STDIN"
    )
    names = [f.attname for f in fields]
    json_fields = {f.attname for f in fields if isinstance(f, models.JSONField)}
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            values = [row[name] if name in row else defaults[name] for name in names]
            if json_fields:  # psycopg adapts dates, datetimes and decimals itself; not JSON
                values = [
                    f.get_db_prep_save(v, connection) if f.attname in json_fields else v
                    for f, v in zip(fields, values, strict=True)
                ]
            copy.write_row(values)
    if returning:
        return ids if ids is not None else [row[pk.attname] for row in rows]
    return None
