"""The hand-written SQL of the busy write paths, for both databases, in one place.

Storing a response is the busiest thing Kuulo does (widget traffic, batch API,
imports). The ORM's save() and bulk_create() spend more CPU building SQL than
the database spends running it, so responses, answers, comments and the
rollup counts are written with plain parameterised statements built here:

- `insert_rows`: plain INSERTs;
- `upsert`: adds counts to counter tables (the rollups, the widget's display
  counts), each described by an `Upsert` — the table, its key columns and
  rows of (key values…, increment) — as INSERT … ON CONFLICT (key) DO UPDATE
  SET count = count + excluded.count, which PostgreSQL and SQLite (3.24 and
  later) both understand;
- `update_rows`: sets columns of many rows by id (comment analysis results);
- `insert_response_postgres`: one response with its answers, comments and
  rollup upserts in a single PostgreSQL statement.

The statements differ only in where the rows come from: more than a few rows
go to PostgreSQL as one array per column (SELECT FROM unnest(…)), so a
statement has a handful of parameters however many rows it carries and its
text is the same for every call; SQLite, and PostgreSQL for a few rows (a
widget display), get multi-row VALUES. Every statement's text is built once
per process and shape (see docs/performance.md).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from django.db import connection
from django.db.models import Model

MAX_PARAMETERS = 30_000  # below SQLite's limit of 32,766 bound variables
MAX_ARRAY_ROWS = 100_000  # rows per PostgreSQL statement, to bound memory and lock time
FEW_ROWS = 16  # up to this many, PostgreSQL gets VALUES too: cheaper to send than arrays for a widget display


@dataclass(frozen=True)
class Upsert:
    """Counts to add to a counter table: `rows` are (key values in `keys` order…,
    increment), one per key, sorted by key so that concurrent writers lock shared
    rows in the same order and never deadlock. A negative increment subtracts."""

    model: type[Model]
    keys: tuple[str, ...]
    rows: list[tuple]
    counter: str = "count"

    @property
    def shape(self) -> tuple:
        return (self.model, self.keys, self.counter)


def insert_rows(model: type[Model], columns: list[str], rows: list[tuple], *, returning_id: bool = False) -> list[int]:
    """Inserts `rows` (tuples in `columns` order, values already adapted for
    the database) and returns their new ids, in order, when asked."""
    if not rows:
        return []
    with connection.cursor() as cursor:
        return _execute(cursor, model, tuple(columns), rows, None, returning_id)


def upsert(changes: Iterable[Upsert]) -> None:
    """Adds each change's increments to its table, creating the rows that are missing."""
    with connection.cursor() as cursor:
        for change in changes:
            if change.rows:
                _execute(cursor, change.model, (*change.keys, change.counter), change.rows, change.keys, False)


def update_rows(model: type[Model], columns: list[str], rows: list[tuple], **also) -> None:
    """Sets `columns` of the rows whose id is each row's first value: `rows` are
    (id, value of each column…); `also` sets columns to one value on all of them."""
    if not rows:
        return
    columns = tuple(columns)
    fixed = tuple(also)
    params_before = [also[name] for name in fixed]
    with connection.cursor() as cursor:
        # Always arrays on PostgreSQL: VALUES in a FROM clause has no column to take its types from.
        for part, size in _parts(cursor, rows, len(columns) + 1, few=0):
            cursor.execute(_update_statement(model, columns, fixed, size), [*params_before, *_params(part, size)])


def adapt_datetime(value):
    return connection.ops.adapt_datetimefield_value(value)


# --- rendering ------------------------------------------------------------------


def _execute(cursor, model, columns: tuple[str, ...], rows: list[tuple], conflict, returning_id: bool) -> list[int]:
    ids: list[int] = []
    for part, size in _parts(cursor, rows, len(columns)):
        cursor.execute(_statement(model, columns, size, conflict, returning_id), _params(part, size))
        if returning_id:
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _parts(cursor, rows: list[tuple], width: int, few: int | None = None) -> list[tuple[list[tuple], int]]:
    """`rows` in pieces a statement can carry, each with its number of VALUES rows:
    0 where one array per column carries them (PostgreSQL, more than `few` rows)."""
    if cursor.db.vendor == "postgresql":
        few = FEW_ROWS if few is None else few
        return [(part, 0 if len(part) > few else len(part)) for part in _pieces(rows, MAX_ARRAY_ROWS)]
    return [(part, len(part)) for part in _pieces(rows, max(1, MAX_PARAMETERS // width))]


def _pieces(rows: list[tuple], size: int) -> list[list[tuple]]:
    return [rows] if len(rows) <= size else [rows[start : start + size] for start in range(0, len(rows), size)]


def _params(rows: list[tuple], size: int) -> list:
    if size == 0:
        return _columns_of(rows, len(rows[0]))
    return [value for row in rows for value in row]


def _columns_of(rows: list[tuple], width: int) -> list[list]:
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


@lru_cache(maxsize=512)
def _statement(model, columns: tuple[str, ...], size: int, conflict: tuple[str, ...] | None, returning_id: bool) -> str:
    """INSERT of `size` rows of VALUES (or, with size 0, of one array per column), adding
    the last column to the stored one where the `conflict` key exists already."""
    sql = f"INSERT INTO {_table(model)} ({_names(columns)}) {_source(model, columns, size)}"
    if conflict:
        sql += _on_conflict(model, conflict, columns[-1])
    return sql + (" RETURNING id" if returning_id else "")


def _source(model, columns: tuple[str, ...], size: int) -> str:
    if size == 0:
        return f"SELECT * FROM unnest({_arrays(model, columns)})"  # noqa: S608 - types from the model
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    return "VALUES " + ", ".join([row] * size)


def _on_conflict(model, keys: tuple[str, ...], counter: str) -> str:
    table, counter = _table(model), connection.ops.quote_name(counter)
    return f" ON CONFLICT ({_names(keys)}) DO UPDATE SET {counter} = {table}.{counter} + excluded.{counter}"


@lru_cache(maxsize=64)
def _update_statement(model, columns: tuple[str, ...], fixed: tuple[str, ...], size: int) -> str:
    quote = connection.ops.quote_name
    names = ("id", *columns)
    if size == 0:
        source = f"unnest({_arrays(model, names)}) AS v ({_names(names)})"
        value = {name: f"v.{quote(name)}" for name in names}
    else:
        source = "(" + _source(model, names, size) + ") AS v"
        value = {name: f"v.column{position}" for position, name in enumerate(names, start=1)}
    settings = [f"{quote(name)} = {value[name]}" for name in columns] + [f"{quote(name)} = %s" for name in fixed]
    table = _table(model)
    return f"UPDATE {table} SET {', '.join(settings)} FROM {source} WHERE {table}.id = {value['id']}"  # noqa: S608


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _names(columns: Iterable[str]) -> str:
    return ", ".join(map(connection.ops.quote_name, columns))


def _arrays(model, columns: tuple[str, ...]) -> str:
    return ", ".join(f"%s::{array_type}" for array_type in _array_types(model, columns))


@cache
def _array_types(model: type[Model], columns: tuple[str, ...]) -> tuple[str, ...]:
    """PostgreSQL array types of the columns; fixed for a process, so worked out once."""
    fields = {field.column: field for field in model._meta.concrete_fields}
    return tuple(f"{fields[column].db_type(connection)}[]" for column in columns)


# --- a widget response in one PostgreSQL statement ------------------------------


def insert_response_postgres(
    response_columns: list[str],
    response_row: tuple,
    answers: list[tuple],
    comments: list[tuple],
    changes: list[Upsert],
) -> int:
    """One response with its answers, comments and rollup `changes` in ONE
    PostgreSQL statement (data-modifying CTEs): atomic on its own and one round
    trip, which is what lets a widget submission stay cheap under load.
    `answers` and `comments` rows lack the response id (and the comments the response's service and
    time, copied onto them), which the CTE supplies. The changes' upserts are the
    ones `upsert` runs, so both paths add the same counts the same way."""
    sql = _response_statement(tuple(response_columns), tuple(change.shape for change in changes))
    params = [*response_row, *_columns_of(answers, 3), *_columns_of(comments, 3)]
    for change in changes:
        params.extend(_columns_of(change.rows, len(change.keys) + 1))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


@cache
def _response_statement(response_columns: tuple[str, ...], shapes: tuple[tuple, ...]) -> str:
    """The statement of insert_response_postgres, built once per process."""
    from kuulo.feedback.models import Answer, Comment, Response

    answer_types = _array_types(Answer, ("metric_id", "item", "value"))
    comment_types = _array_types(Comment, ("question_id", "text", "language"))
    upserts = ", ".join(
        f"u{number} AS ({_statement(model, (*keys, counter), 0, keys, False)})"
        for number, (model, keys, counter) in enumerate(shapes)
    )
    return f"""
        WITH r AS (
            INSERT INTO {_table(Response)} ({_names(response_columns)})
            VALUES ({", ".join(["%s"] * len(response_columns))}) RETURNING id, service_id, responded_at
        ), a AS (
            INSERT INTO {_table(Answer)} (response_id, metric_id, item, value)
            SELECT r.id, x.* FROM r, unnest(%s::{answer_types[0]}, %s::{answer_types[1]}, %s::{answer_types[2]}) AS x
        ), c AS (
            INSERT INTO {_table(Comment)} (response_id, service_id, responded_at, question_id, text, language)
            SELECT r.id, r.service_id, r.responded_at, x.*
            FROM r, unnest(%s::{comment_types[0]}, %s::{comment_types[1]}, %s::{comment_types[2]}) AS x
        ), {upserts}
        SELECT id FROM r
    """  # noqa: S608 - names come from the models, values are bound
