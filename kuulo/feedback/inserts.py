"""Bulk INSERT statements for the hot write path.

Storing a response is the busiest thing Kuulo does (widget traffic, batch API,
imports). The ORM's save() and bulk_create() spend more CPU building SQL than
the database spends running it, so responses, answers and comments are
written with plain parameterised INSERTs. PostgreSQL gets one array per
column (INSERT … SELECT FROM unnest), so a statement has a handful of
parameters however many rows it carries; SQLite gets multi-row VALUES.
"""

from django.db import connection
from django.db.models import Model

MAX_PARAMETERS = 30_000  # below SQLite's limit of 32,766 bound variables


def insert_rows(model: type[Model], columns: list[str], rows: list[tuple], *, returning_id: bool = False) -> list[int]:
    """Inserts `rows` (tuples in `columns` order, values already adapted for
    the database) and returns their new ids, in order, when asked."""
    if not rows:
        return []
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    if connection.vendor == "postgresql":
        return _insert_unnest(model, table, names, columns, rows, returning_id)
    placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    per_statement = max(1, MAX_PARAMETERS // len(columns))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            part = rows[start : start + per_statement]
            sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([placeholder] * len(part))}"  # noqa: S608
            if returning_id:
                sql += " RETURNING id"
            cursor.execute(sql, [value for row in part for value in row])
            if returning_id:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _insert_unnest(model, table: str, names: str, columns: list[str], rows: list[tuple], returning_id: bool):
    fields = {field.column: field for field in model._meta.concrete_fields}
    arrays = ", ".join(f"%s::{fields[column].db_type(connection)}[]" for column in columns)
    sql = f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays})"  # noqa: S608
    if returning_id:
        sql += " RETURNING id"
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(values) for values in zip(*rows, strict=True)])
        return [row[0] for row in cursor.fetchall()] if returning_id else []


def adapt_datetime(value):
    return connection.ops.adapt_datetimefield_value(value)
