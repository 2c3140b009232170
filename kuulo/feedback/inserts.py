"""Bulk INSERT statements for the hot write path.

Storing a response is the busiest thing Kuulo does (widget traffic, batch API,
imports). The ORM's save() and bulk_create() spend more CPU building SQL than
the database spends running it, so responses, answers and comments are
written with plain parameterised INSERTs. PostgreSQL gets one array per
column (INSERT … SELECT FROM unnest), so a statement has a handful of
parameters however many rows it carries; SQLite gets multi-row VALUES.
"""

from functools import cache

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
    arrays = ", ".join(f"%s::{array_type}" for array_type in _array_types(model, tuple(columns)))
    sql = f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays})"  # noqa: S608
    if returning_id:
        sql += " RETURNING id"
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(values) for values in zip(*rows, strict=True)])
        return [row[0] for row in cursor.fetchall()] if returning_id else []


def adapt_datetime(value):
    return connection.ops.adapt_datetimefield_value(value)


@cache
def _array_types(model: type[Model], columns: tuple[str, ...]) -> tuple[str, ...]:
    """PostgreSQL array types of the columns; fixed for a process, so worked out once."""
    fields = {field.column: field for field in model._meta.concrete_fields}
    return tuple(f"{fields[column].db_type(connection)}[]" for column in columns)


def insert_response_postgres(
    response_columns: list[str],
    response_row: tuple,
    answers: list[tuple],
    comments: list[tuple],
    rollup_columns: list[str],
    rollup_rows: list[tuple],
    total_columns: list[str],
    total_rows: list[tuple],
    monthly_columns: list[str],
    monthly_rows: list[tuple],
    response_counts: list[tuple],
) -> int:
    """One response with its answers, comments and rollup counts (fine, daily
    and monthly totals, and the (collection point, day, count) response counts) in ONE
    PostgreSQL statement (data-modifying CTEs): atomic on its own and one round
    trip, which is what lets a widget submission stay cheap under load.
    `answers` and `comments` rows lack the response id (and the comments the response's service and
    time, copied onto them), which the CTE supplies."""
    sql = _response_statement(
        tuple(response_columns), tuple(rollup_columns), tuple(total_columns), tuple(monthly_columns)
    )
    params = [
        *response_row,
        *_columns_of(answers, 3),
        *_columns_of(comments, 3),
        *_columns_of(rollup_rows, len(rollup_columns)),
        *_columns_of(total_rows, len(total_columns)),
        *_columns_of(monthly_rows, len(monthly_columns)),
        *_columns_of(response_counts, 3),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _columns_of(rows: list[tuple], width: int) -> list[list]:
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


@cache
def _response_statement(
    response_columns: tuple[str, ...],
    rollup_columns: tuple[str, ...],
    total_columns: tuple[str, ...],
    monthly_columns: tuple[str, ...],
) -> str:
    """The statement of insert_response_postgres, built once per process."""
    from kuulo.feedback.models import (
        Answer,
        Comment,
        DailyAggregate,
        DailyResponseCount,
        DailyTotal,
        MonthlyTotal,
        Response,
    )

    quote = connection.ops.quote_name
    answer_types = _array_types(Answer, ("metric_id", "item", "value"))
    comment_types = _array_types(Comment, ("question_id", "text", "language"))
    rollup_types = _array_types(DailyAggregate, rollup_columns)
    rollup_table = quote(DailyAggregate._meta.db_table)
    total_types = _array_types(DailyTotal, total_columns)
    total_table = quote(DailyTotal._meta.db_table)
    monthly_types = _array_types(MonthlyTotal, monthly_columns)
    monthly_table = quote(MonthlyTotal._meta.db_table)
    count_types = _array_types(DailyResponseCount, ("collection_point_id", "day", "count"))
    count_table = quote(DailyResponseCount._meta.db_table)
    return f"""
        WITH r AS (
            INSERT INTO {quote(Response._meta.db_table)} ({", ".join(map(quote, response_columns))})
            VALUES ({", ".join(["%s"] * len(response_columns))}) RETURNING id, service_id, responded_at
        ), a AS (
            INSERT INTO {quote(Answer._meta.db_table)} (response_id, metric_id, item, value)
            SELECT r.id, x.* FROM r, unnest(%s::{answer_types[0]}, %s::{answer_types[1]}, %s::{answer_types[2]}) AS x
        ), c AS (
            INSERT INTO {quote(Comment._meta.db_table)} (response_id, service_id, responded_at, question_id, text,
                language)
            SELECT r.id, r.service_id, r.responded_at, x.*
            FROM r, unnest(%s::{comment_types[0]}, %s::{comment_types[1]}, %s::{comment_types[2]}) AS x
        ), u AS (
            INSERT INTO {rollup_table} ({", ".join(map(quote, rollup_columns))})
            SELECT * FROM unnest({", ".join(f"%s::{t}" for t in rollup_types)})
            ON CONFLICT ({", ".join(map(quote, rollup_columns[:-1]))})
            DO UPDATE SET count = {rollup_table}.count + excluded.count
        ), t AS (
            INSERT INTO {total_table} ({", ".join(map(quote, total_columns))})
            SELECT * FROM unnest({", ".join(f"%s::{t}" for t in total_types)})
            ON CONFLICT ({", ".join(map(quote, total_columns[:-1]))})
            DO UPDATE SET count = {total_table}.count + excluded.count
        ), m AS (
            INSERT INTO {monthly_table} ({", ".join(map(quote, monthly_columns))})
            SELECT * FROM unnest({", ".join(f"%s::{t}" for t in monthly_types)})
            ON CONFLICT ({", ".join(map(quote, monthly_columns[:-1]))})
            DO UPDATE SET count = {monthly_table}.count + excluded.count
        ), p AS (
            INSERT INTO {count_table} (collection_point_id, day, count)
            SELECT * FROM unnest({", ".join(f"%s::{t}" for t in count_types)})
            ON CONFLICT (collection_point_id, day) DO UPDATE SET count = {count_table}.count + excluded.count
        )
        SELECT id FROM r
    """  # noqa: S608 - names come from the models, values are bound
