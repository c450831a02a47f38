"""Full-text matching on folded text, the same behaviour on SQLite and PostgreSQL.

Text is folded first (accents, case, Cyrillic → Latin: `roundtable.core.text.fold`), so
both databases only ever see plain lower-case ASCII-ish words:
- SQLite: an FTS5 table over the folded column, kept in step by triggers;
- PostgreSQL: a stored, generated `tsvector` column ('simple' configuration: there is no
  stemmer for most of our languages, and folding already makes matching language-blind)
  with a GIN index; ranking reads the stored vector instead of re-parsing the text.
Each query word matches as a prefix ("femij" finds "femijeve"); all words must match.
A search engine cluster (OpenSearch through Wagtail's search backends) is the path beyond
a few hundred thousand documents; this module is the embedded default.
"""

import re

from django.db import connection
from django.db.models import FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

from roundtable.core.text import fold

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
_WORD = re.compile(r"[a-z0-9]+")


def query_words(query: str) -> list[str]:
    """The searchable words of a query: folded, stripped of every FTS operator character."""
    words = _WORD.findall(fold(query or "")[:500])
    return [word[:MAX_WORD_LENGTH] for word in words][:MAX_WORDS]


def fts_table(model) -> str:
    return f"{model._meta.db_table}_fts"


def _sqlite_match(alternatives: list[list[str]]) -> str:
    # Every word quoted (so NEAR, AND, -, * are plain words) and matched as a prefix.
    groups = [" AND ".join(f'"{word}"*' for word in words) for words in alternatives if words]
    return " OR ".join(f"({group})" for group in groups)


def _postgres_match(alternatives: list[list[str]]) -> str:
    groups = [" & ".join(f"{word}:*" for word in words) for words in alternatives if words]
    return " | ".join(f"({group})" for group in groups)


def _alternatives(query: str, also: list[str] | None) -> list[list[str]]:
    alternatives = [query_words(query)] + [query_words(phrase) for phrase in also or []]
    return [words for words in alternatives if words]


def _match_ids_sql(model, field: str, alternatives: list[list[str]]) -> tuple[str, list[str]]:
    table = model._meta.db_table
    if connection.vendor == "postgresql":
        return (
            f'SELECT "id" FROM "{table}" WHERE "{field}_vector" @@ to_tsquery(\'simple\', %s)',
            [_postgres_match(alternatives)],
        )
    fts = fts_table(model)
    return (f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s', [_sqlite_match(alternatives)])


def fts_filter(
    queryset: QuerySet, *, field: str, query: str, also: list[str] | None = None
) -> QuerySet:
    """Rows of `queryset` whose `field` matches `query` (or any phrase in `also`).

    Safe to nest (facet counts use it as a subquery). An empty query matches nothing.
    """
    alternatives = _alternatives(query, also)
    if not alternatives:
        return queryset.none()
    sql, params = _match_ids_sql(queryset.model, field, alternatives)
    return queryset.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - the query is a parameter


def fts_ranked(
    queryset: QuerySet, *, field: str, query: str, also: list[str] | None = None
) -> QuerySet:
    """`queryset` (already filtered by `fts_filter`) with a `relevance` annotation, higher is
    better. Only for the outermost query: the ranking reads the table by its own name."""
    alternatives = _alternatives(query, also)
    if not alternatives:
        return no_relevance(queryset)
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        match = _postgres_match(alternatives)
        vector = f'"{table}"."{field}_vector"'
        # `.extra()`: the generated tsvector column is not a model field (SQLite has none).
        # The match is repeated on the outer table so that the planner filters through the
        # GIN index before ranking, instead of ranking every row and then joining.
        return queryset.extra(  # noqa: S610 - fixed identifiers; the query is a parameter
            select={"relevance": f"ts_rank({vector}, to_tsquery('simple', %s))"},
            select_params=[match],
            where=[f"{vector} @@ to_tsquery('simple', %s)"],
            params=[match],
        )
    fts = fts_table(queryset.model)
    # A join to the FTS5 table: FTS5 computes `rank` only inside the matching query itself,
    # and `.extra()` is the one ORM door to a virtual table.
    return queryset.extra(  # noqa: S610 - fixed identifiers; the match text is a parameter
        tables=[fts],
        where=[f'"{fts}".rowid = "{table}".id', f'"{fts}" MATCH %s'],
        params=[_sqlite_match(alternatives)],
        select={"relevance": f'-"{fts}".rank'},
    )


def no_relevance(queryset: QuerySet) -> QuerySet:
    """The same `relevance` annotation for unfiltered listings, so templates need no branch."""
    return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))


# --- Schema, used by migrations --------------------------------------------------------------


def create_index_sql(*, table: str, column: str, vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{column}_vector" tsvector '
            f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(\"{column}\", ''))) STORED",
            f'CREATE INDEX IF NOT EXISTS "{table}_{column}_fts" ON "{table}" USING gin ("{column}_vector")',
        ]
    if vendor == "sqlite":
        fts = f"{table}_fts"
        return [
            f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5('
            f"\"{column}\", content='{table}', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')",
            f'CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{table}" BEGIN '
            f'INSERT INTO "{fts}"(rowid, "{column}") VALUES (new.id, new."{column}"); END',
            f'CREATE TRIGGER IF NOT EXISTS "{fts}_ad" AFTER DELETE ON "{table}" BEGIN '
            f'INSERT INTO "{fts}"("{fts}", rowid, "{column}") VALUES (\'delete\', old.id, old."{column}"); END',
            f'CREATE TRIGGER IF NOT EXISTS "{fts}_au" AFTER UPDATE OF "{column}" ON "{table}" BEGIN '
            f'INSERT INTO "{fts}"("{fts}", rowid, "{column}") VALUES (\'delete\', old.id, old."{column}"); '
            f'INSERT INTO "{fts}"(rowid, "{column}") VALUES (new.id, new."{column}"); END',
            f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')',
        ]
    return []


def drop_index_sql(*, table: str, column: str, vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f'DROP INDEX IF EXISTS "{table}_{column}_fts"',
            f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{column}_vector"',
        ]
    if vendor == "sqlite":
        fts = f"{table}_fts"
        return [f'DROP TRIGGER IF EXISTS "{fts}_{suffix}"' for suffix in ("ai", "ad", "au")] + [
            f'DROP TABLE IF EXISTS "{fts}"'
        ]
    return []


def fts_operations(*, table: str, column: str):
    """Migration operations creating the full-text index for `table.column`."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        for sql in create_index_sql(
            table=table, column=column, vendor=schema_editor.connection.vendor
        ):
            schema_editor.execute(sql)

    def backwards(apps, schema_editor):
        for sql in drop_index_sql(
            table=table, column=column, vendor=schema_editor.connection.vendor
        ):
            schema_editor.execute(sql)

    return [migrations.RunPython(forwards, backwards)]
