"""Publishing: stage marts as a candidate, then swap in a read-only snapshot for BI tools.

BI tools never open the build database (DuckDB allows one writer per file). They read
`published/planwatch.duckdb`, replaced atomically, written in DuckDB's v1.0 storage format because
most BI drivers still bundle a 1.x DuckDB that cannot open a default 2.0 file, and the Parquet
files under `published/parquet/`, a symlink swapped atomically to the run's directory.

The snapshot holds the schemas of `PUBLISHED_SCHEMAS`: the validated marts, the semantic views
(and the one semantic table dbt materialises because it aggregates every feed actual) over them and the audit tables when the build database has them, each table, view and column with
the description dbt persisted as a DuckDB comment (BI tools read them from `duckdb_columns()`).
A view is recreated inside the snapshot and must read only the snapshot's own tables: publishing
opens the finished file on its own and queries every view before swapping it in.

Publishing is incremental, so a run that changed a few reports or one feed period rewrites little:
- Every mart is fingerprinted by one aggregate query (rows and an order-free sum of row hashes, per
  partition, with the column names and types): `content_manifest`.
- The large facts are Parquet partitions by the year their document or feed period speaks of
  (`PARTITION_COLUMNS`, `parquet/<table>/<column>_<year>.parquet`, the column kept in each file, so
  the folder reads as one table in DuckDB, pandas and Power BI alike: Hive-style `<column>=<year>`
  folders would make pyarrow add the column a second time and refuse the folder); the others one
  file each (`parquet/<table>.parquet`). Staging the candidate writes only the
  partitions whose fingerprint differs from the published `_manifest.json`; the others are hard links
  to the published files (immutable, 0444), and publishing links the validated candidate in.
- The snapshot database starts as a copy of the previous one (same storage format) when its own
  manifest is there; a mart whose fingerprint is unchanged is kept, a partitioned one with the same
  columns has the rows of its changed years deleted and inserted again, any other is rebuilt; audit
  tables, views and comments are always written anew. The manifest is removed before the swap and written after
  it, so a run killed in between leaves no manifest and the next run rebuilds everything.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from flows.faults import fault_point
from flows.settings import Settings

PUBLISHED_SCHEMA = "marts"
# Schemas copied into the snapshot, in order (views after the tables they read). `marts` is the
# validated list of tables the caller passes; the others are copied whole when present.
PUBLISHED_SCHEMAS = ("marts", "audit", "semantic")
# Oldest DuckDB storage format 1.x clients (1.0 onwards) can open.
PUBLISHED_STORAGE_VERSION = "v1.0.0"
SNAPSHOT_ALIAS = "snapshot"
EXPORT_ALIAS = "published_export"  # the swapped-in snapshot, attached read-only to export its semantic relations
# Large facts are published as partitions by the year their document or feed period speaks of: a new
# report or a new feed release rewrites its year, not the table.
PARTITION_COLUMNS: Mapping[str, str] = {
    "fct_indicator_actual": "period_year",
    "fct_target": "target_year",
    "fct_target_attainment": "target_year",
    "fct_target_outcome": "target_year",
    "fct_achievement": "achievement_year",
    "fct_project_milestone": "milestone_year",
    "fct_project_portfolio": "portfolio_year",
}
MANIFEST_NAME = "_manifest.json"  # inside each published Parquet folder: what every file holds
SNAPSHOT_MANIFEST_NAME = ".planwatch.manifest.json"  # beside the snapshot: the fingerprint of each mart in it
MANIFEST_VERSION = 1
NULL_PARTITION = "null"  # the partition of rows without a year (the partition columns are integer years)
EMPTY_FILE = "empty.parquet"  # a partitioned table without rows keeps one file, so its columns stay readable


@dataclass(frozen=True)
class PublishedSnapshot:
    database: Path
    parquet_dir: Path
    tables: list[str]
    views: list[str] = field(default_factory=list)  # "schema.view"
    kept: list[str] = field(default_factory=list)  # marts taken unchanged from the previous snapshot
    reused_views: list[str] = field(default_factory=list)  # views whose Parquet export was kept
    patched: dict[str, list[str]] = field(default_factory=dict)  # mart -> partitions replaced in the kept copy


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' "
        "and table_catalog = current_database() order by table_name",
        [PUBLISHED_SCHEMA],
    ).fetchall()
    return [name for (name,) in rows]


@dataclass(frozen=True)
class Partition:
    rows: int
    fingerprint: str  # the sum of the row hashes, as text
    files: tuple[str, ...] = ()  # relative to the Parquet folder


@dataclass(frozen=True)
class TableContent:
    columns: tuple[tuple[str, str], ...]  # (name, type) in order
    partition_column: str | None
    partitions: dict[str, Partition]  # partition folder value ("" when unpartitioned) -> content

    def same_shape(self, other: "TableContent | None") -> bool:
        """The same columns and the same partitioning: partitions of the two can be compared one by one."""
        return other is not None and (self.columns, self.partition_column) == (other.columns, other.partition_column)

    def fingerprints(self) -> dict[str, tuple[int, str]]:
        return {k: (p.rows, p.fingerprint) for k, p in self.partitions.items()}

    def same_content(self, other: "TableContent | None") -> bool:
        return self.same_shape(other) and self.fingerprints() == other.fingerprints()  # type: ignore[union-attr]

    def changed_partitions(self, other: "TableContent") -> list[str]:
        """Partitions added, removed or with other content than in `other`."""
        ours, theirs = self.fingerprints(), other.fingerprints()
        return sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k))

    def partition_unchanged(self, key: str, other: "TableContent | None") -> bool:
        if not self.same_shape(other):
            return False
        old = other.partitions.get(key)  # type: ignore[union-attr]
        new = self.partitions[key]
        return old is not None and bool(old.files) and (old.rows, old.fingerprint) == (new.rows, new.fingerprint)


def partition_label(value: object) -> str:
    """The name of the partition holding `value` (in its file name `<column>_<label>.parquet`)."""
    return NULL_PARTITION if value is None else str(value)


def table_content(con: duckdb.DuckDBPyConnection, table: str) -> TableContent:
    """One aggregate scan: rows and an order-free fingerprint (sum of row hashes) per partition, and the columns.

    dbt rebuilds a table in whatever row order its joins give, so the fingerprint must not depend on
    order; a sum of 64-bit hashes kept as a 128-bit integer does not, and counts repeated rows."""
    relation = f"{PUBLISHED_SCHEMA}.{_ident(table)}"
    columns = tuple((name, str(dtype)) for name, dtype in
                    con.execute(f"select column_name, column_type from (describe {relation})").fetchall())
    column = PARTITION_COLUMNS.get(table)
    if column is not None and column not in dict(columns):
        column = None  # a model without its year column is published whole rather than refused here
    key = _ident(column) if column else "''"
    rows = con.execute(f"select {key} as part, count(*), coalesce(sum(hash(t)), 0)::hugeint::varchar "
                       f"from {relation} as t group by all").fetchall()
    partitions = {(partition_label(part) if column else ""): Partition(n, fingerprint) for part, n, fingerprint in rows}
    return TableContent(columns, column, partitions)


def read_manifest(path: Path) -> dict[str, TableContent]:
    """Table -> content, from a manifest file ({} when absent, unreadable or of another version)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("version") != MANIFEST_VERSION or data.get("duckdb") != duckdb.__version__:
        return {}  # a hash of another DuckDB version is not comparable
    return {table: TableContent(tuple(tuple(c) for c in t["columns"]), t["partition_column"],
                                {k: Partition(p["rows"], p["fingerprint"], tuple(p["files"]))
                                 for k, p in t["partitions"].items()})
            for table, t in data["tables"].items()}


def write_manifest(path: Path, tables: Mapping[str, TableContent], **extra: object) -> None:
    data = {"version": MANIFEST_VERSION, "duckdb": duckdb.__version__, **extra,
            "tables": {table: {"columns": [list(c) for c in content.columns],
                               "partition_column": content.partition_column,
                               "partitions": {k: {"rows": p.rows, "fingerprint": p.fingerprint, "files": list(p.files)}
                                              for k, p in sorted(content.partitions.items())}}
                       for table, content in sorted(tables.items())}}
    tmp = path.with_name(f"{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def staged_path(staged_dir: Path, table: str) -> Path:
    """Where a staged table is: `<table>.parquet`, or the folder `<table>/` of its partition files."""
    folder = staged_dir / table
    return folder if folder.is_dir() else staged_dir / f"{table}.parquet"


@dataclass(frozen=True)
class StagedCandidate:
    folder: Path
    contents: dict[str, TableContent]
    written: dict[str, list[str]]  # table -> partitions written this run (the others are links to the published ones)


def stage_candidate(con: duckdb.DuckDBPyConnection, settings: Settings, tables: list[str]) -> StagedCandidate:
    """Write each mart to `<candidate_dir>` (one file, or partition folders), replacing any earlier candidate;
    a partition (or table) whose content equals the published one is a hard link to the published file."""
    target = settings.candidate_dir
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    previous_dir = settings.published_parquet_dir
    previous = read_manifest(previous_dir / MANIFEST_NAME)
    contents: dict[str, TableContent] = {}
    written: dict[str, list[str]] = {}
    for table in tables:
        content = table_content(con, table)
        old = previous.get(table)
        kept = {k for k in content.partitions if content.partition_unchanged(k, old) and
                all((previous_dir / f).is_file() for f in old.partitions[k].files)}  # type: ignore[union-attr]
        for key in kept:
            for name in old.partitions[key].files:  # type: ignore[union-attr]
                _link_or_copy(previous_dir / name, target / name)
        changed = sorted(set(content.partitions) - kept)
        written[table] = changed
        files = {k: old.partitions[k].files for k in kept}  # type: ignore[union-attr]
        if content.partition_column is None:
            if changed or not content.partitions:
                _copy_to(con, f"select * from {PUBLISHED_SCHEMA}.{_ident(table)}", target / f"{table}.parquet")
            files = {k: (f"{table}.parquet",) for k in content.partitions}
            written[table] = changed if content.partitions else [""]
        elif not content.partitions:
            (target / table).mkdir()
            _copy_to(con, f"select * from {PUBLISHED_SCHEMA}.{_ident(table)}", target / table / EMPTY_FILE)
            written[table] = [EMPTY_FILE]
        else:
            (target / table).mkdir(exist_ok=True)
            if changed:
                files.update(_write_partitions(con, table, content.partition_column,
                                               dict(content.columns)[content.partition_column], changed, target))
        contents[table] = TableContent(content.columns, content.partition_column,
                                       {k: Partition(p.rows, p.fingerprint, tuple(files.get(k, ())))
                                        for k, p in content.partitions.items()})
    write_manifest(target / MANIFEST_NAME, contents)
    return StagedCandidate(target, contents, written)


def _write_partitions(con: duckdb.DuckDBPyConnection, table: str, column: str, column_type: str, labels: list[str],
                      target: Path) -> dict[str, tuple[str, ...]]:
    """The partitions `labels` of `table`, one COPY each: a partitioned COPY of the whole table keeps a
    writer per partition open and took twice the memory of one COPY (1.6 GB against 0.6 GB for the
    medium bench's 2M actuals)."""
    files: dict[str, tuple[str, ...]] = {}
    for label in labels:
        name = f"{table}/{column}_{label}.parquet"
        _copy_to(con, f"select * from {PUBLISHED_SCHEMA}.{_ident(table)} "
                      f"where {partition_filter(column, column_type, [label])}", target / name)
        files[label] = (name,)
    return files


def partition_filter(column: str, column_type: str, labels: list[str]) -> str:
    """The SQL predicate of the rows in partitions `labels` (typed literals, so zone maps can skip row groups)."""
    parts = [f"{_ident(column)} = cast({_literal(label)} as {column_type})" for label in labels if label != NULL_PARTITION]
    if NULL_PARTITION in labels:
        parts.append(f"{_ident(column)} is null")
    return "(" + " or ".join(parts or ["false"]) + ")"


def _copy_to(con: duckdb.DuckDBPyConnection, query: str, path: Path) -> None:
    con.execute(f"copy ({query}) to '{_sql_path(path)}' (format parquet)")


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link (published files are never written in place), or a copy across file systems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def publish_snapshot(con: duckdb.DuckDBPyConnection, settings: Settings, tables: list[str], run_id: str) -> PublishedSnapshot:
    """Bring the read-only database and the Parquet folder up to the validated candidate and swap them in;
    what did not change since the last publish is kept (see the module's docstring)."""
    published = settings.published_dir
    published.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(settings)
    candidate = read_manifest(settings.candidate_dir / MANIFEST_NAME)
    manifest_path = published / SNAPSHOT_MANIFEST_NAME
    previous = read_manifest(manifest_path) if settings.published_database_path.is_file() else {}
    previous_views = _previous_views(manifest_path) if previous else {}

    tmp_db = published / f".planwatch.{run_id}.duckdb.tmp"
    tmp_db.unlink(missing_ok=True)
    if previous:
        shutil.copyfile(settings.published_database_path, tmp_db)  # its storage format comes with it
        tmp_db.chmod(0o644)
    keep = {t for t in tables if t in candidate and candidate[t].same_content(previous.get(t))}
    # A partitioned mart with the same columns has only its changed years deleted and inserted again.
    patch = {t: candidate[t].changed_partitions(previous[t]) for t in tables
             if t not in keep and t in candidate and candidate[t].partition_column
             and candidate[t].same_shape(previous.get(t))}
    con.execute(f"attach '{_sql_path(tmp_db)}' as {SNAPSHOT_ALIAS} (storage_version '{PUBLISHED_STORAGE_VERSION}')")
    try:
        views, semantic_tables = copy_published_schemas(
            con, SNAPSHOT_ALIAS, tables, keep=keep,
            patch={t: (candidate[t].partition_column, dict(candidate[t].columns)
                       [candidate[t].partition_column], labels)  # type: ignore[index]
                   for t, labels in patch.items()})
        view_sql = _view_sql(con, SNAPSHOT_ALIAS, views)
    finally:
        con.execute(f"detach {SNAPSHOT_ALIAS}")
    check_views_read_own_tables(tmp_db, views)
    tmp_db.chmod(0o444)
    # No manifest while the swap happens: a run killed right here makes the next one rebuild everything.
    manifest_path.unlink(missing_ok=True)
    os.replace(tmp_db, settings.published_database_path)
    write_manifest(manifest_path, {t: candidate[t] for t in tables if t in candidate}, views=view_sql)

    run_parquet = published / f"parquet-{run_id}"
    shutil.rmtree(run_parquet, ignore_errors=True)  # left by an attempt that failed (publishing retries)
    for path in sorted(settings.candidate_dir.rglob("*")):
        if path.is_file():
            _link_or_copy(path, run_parquet / path.relative_to(settings.candidate_dir))
    rewritten = set(tables) - keep | {t.split(".", 1)[1] for t in semantic_tables}  # semantic tables: every time
    unchanged_views = {v for v in _unchanged_views(view_sql, previous_views, changed=rewritten)
                       if (settings.published_parquet_dir / v.split(".", 1)[0] / f"{v.split('.', 1)[1]}.parquet").is_file()}
    for view in unchanged_views:
        schema, name = view.split(".", 1)
        _link_or_copy(settings.published_parquet_dir / schema / f"{name}.parquet", run_parquet / schema / f"{name}.parquet")
    export_semantic_as_parquet(con, settings.published_database_path,
                               [v for v in views if v not in unchanged_views] + semantic_tables, run_parquet)
    _make_read_only(run_parquet)
    link_tmp = published / f".parquet.{run_id}.link"
    link_tmp.unlink(missing_ok=True)
    link_tmp.symlink_to(run_parquet.name)
    os.replace(link_tmp, settings.published_parquet_dir)
    for old in published.glob("parquet-*"):
        if old != run_parquet:
            shutil.rmtree(old, ignore_errors=True)
    return PublishedSnapshot(settings.published_database_path, settings.published_parquet_dir, tables, views,
                             kept=sorted(keep), reused_views=sorted(unchanged_views),
                             patched={t: labels for t, labels in sorted(patch.items())})


def _previous_views(manifest_path: Path) -> dict[str, str]:
    try:
        return dict(json.loads(manifest_path.read_text(encoding="utf-8")).get("views", {}))
    except (OSError, ValueError):
        return {}


def _view_sql(con: duckdb.DuckDBPyConnection, alias: str, views: list[str]) -> dict[str, str]:
    rows = con.execute("select schema_name || '.' || view_name, sql from duckdb_views() where database_name = ?",
                       [alias]).fetchall()
    return {name: sql for name, sql in rows if name in views}


def _unchanged_views(view_sql: Mapping[str, str], previous: Mapping[str, str], changed: set[str]) -> set[str]:
    """Views whose Parquet export can be kept: same SQL as last time, naming no table rebuilt this run,
    nor an audit table (rewritten every run), nor another view that changed."""
    stale = set(changed) | {"audit"}
    unchanged = {v for v, sql in view_sql.items() if previous.get(v) == sql}
    while True:
        names = stale | {v.split(".", 1)[1] for v in view_sql if v not in unchanged}
        still = {v for v in unchanged if not any(re.search(rf"\b{re.escape(n)}\b", view_sql[v], re.IGNORECASE)
                                                  for n in names)}
        if still == unchanged:
            return unchanged
        unchanged = still


def copy_published_schemas(con: duckdb.DuckDBPyConnection, alias: str, mart_tables: list[str],
                           keep: Collection[str] = (),
                           patch: Mapping[str, tuple[str, str, list[str]]] | None = None) -> tuple[list[str], list[str]]:
    """Tables, views and their comments of `PUBLISHED_SCHEMAS` into attached database `alias`; the views
    copied and the tables of schema `semantic` copied (both as `schema.name`).

    `alias` may be a copy of the previous snapshot: the marts named in `keep` are left as they are there
    (their content is the same); the marts in `patch` (table -> partition column, its type, changed
    partitions) have the rows of those partitions replaced; every other published table and view is
    dropped and written anew."""
    build = con.execute("select current_database()").fetchone()[0]
    patch = patch or {}
    kept = _clear_snapshot(con, alias, {*keep, *patch})
    copied_views: list[str] = []
    semantic_tables: list[str] = []
    for schema in PUBLISHED_SCHEMAS:
        tables = mart_tables if schema == PUBLISHED_SCHEMA else _relations(con, build, schema, "table")
        views = _relations(con, build, schema, "view")
        if not tables and not views:
            continue
        con.execute(f"create schema if not exists {alias}.{_ident(schema)}")
        for table in tables:
            if (schema, table) in kept and table in patch:
                column, column_type, labels = patch[table]
                where = partition_filter(column, column_type, labels)
                con.execute(f"delete from {alias}.{_ident(schema)}.{_ident(table)} where {where}")
                con.execute(f"insert into {alias}.{_ident(schema)}.{_ident(table)} "
                            f"select * from {_ident(build)}.{_ident(schema)}.{_ident(table)} where {where}")
            elif (schema, table) not in kept:
                con.execute(f"create table {alias}.{_ident(schema)}.{_ident(table)} as "
                            f"select * from {_ident(build)}.{_ident(schema)}.{_ident(table)}")
            fault_point("mid-publish")  # tests only
        for view in views:
            _recreate_view(con, build, alias, schema, view)
            copied_views.append(f"{schema}.{view}")
        _copy_comments(con, build, alias, schema, tables + views)
        if schema == "semantic":
            semantic_tables += [f"{schema}.{table}" for table in tables]
    return copied_views, semantic_tables


def _clear_snapshot(con: duckdb.DuckDBPyConnection, alias: str, keep: Collection[str]) -> set[tuple[str, str]]:
    """Drop from a copied snapshot every view and every table but the marts in `keep`; the (schema, table) kept."""
    for schema, view in con.execute("select schema_name, view_name from duckdb_views() where database_name = ? "
                                    "and not internal", [alias]).fetchall():
        con.execute(f"drop view {alias}.{_ident(schema)}.{_ident(view)}")
    kept = set()
    for schema, table in con.execute("select schema_name, table_name from duckdb_tables() where database_name = ?",
                                     [alias]).fetchall():
        if schema == PUBLISHED_SCHEMA and table in keep:
            kept.add((schema, table))
        else:
            con.execute(f"drop table {alias}.{_ident(schema)}.{_ident(table)}")
    return kept


def check_views_read_own_tables(database: Path, views: list[str]) -> None:
    """Open the snapshot alone and query every view: one naming a table outside the file fails here, before publishing."""
    # Attached under a name of its own, so a view naming a database (`planwatch.marts.x`) fails too.
    with duckdb.connect() as snap:
        snap.execute(f"attach '{_sql_path(database)}' as published_check (read_only)")
        snap.execute("use published_check")
        for view in views:
            try:
                snap.execute(f"select * from {view} limit 0")
            except duckdb.Error as exc:
                raise RuntimeError(f"view {view} does not work inside the published snapshot "
                                   f"(it must read only tables of the snapshot): {exc}") from exc


def export_semantic_as_parquet(con: duckdb.DuckDBPyConnection, database: Path, relations: list[str],
                               target: Path) -> None:
    """The semantic views and tables as Parquet too (`parquet/semantic/<name>.parquet`), for tools that read files only.

    Read through `con`, the run's own DuckDB instance, with the snapshot attached and made the default catalog
    (as `check_views_read_own_tables` queries it): one instance, one memory limit. A second instance opened
    here beside the build's, whose buffers still held the marts just copied, was the peak of the whole run at
    10,000 reports and 10M feed rows: the run's process at 3.4 GB, two memory limits and its own heap."""
    if not relations:
        return
    home = con.execute("select current_database()").fetchone()[0]
    con.execute(f"attach '{_sql_path(database)}' as {EXPORT_ALIAS} (read_only)")
    try:
        con.execute(f"use {EXPORT_ALIAS}")
        for relation in relations:
            schema, name = relation.split(".", 1)
            folder = target / schema
            folder.mkdir(exist_ok=True)
            con.execute(f"copy (select * from {relation}) to '{_sql_path(folder / f'{name}.parquet')}' (format parquet)")
    finally:
        con.execute(f"use {_ident(home)}")
        con.execute(f"detach {EXPORT_ALIAS}")


def _relations(con: duckdb.DuckDBPyConnection, catalog: str, schema: str, kind: str) -> list[str]:
    if kind == "table":
        sql = ("select table_name from duckdb_tables() where database_name = ? and schema_name = ? "
               "and not temporary order by table_name")
    else:
        sql = ("select view_name from duckdb_views() where database_name = ? and schema_name = ? "
               "and not internal and not temporary order by view_name")
    return [name for (name,) in con.execute(sql, [catalog, schema]).fetchall()]


def _recreate_view(con: duckdb.DuckDBPyConnection, build: str, alias: str, schema: str, view: str) -> None:
    """The view's own SQL run with the snapshot as default catalog, so `marts.x` binds to the snapshot's table."""
    (sql,) = con.execute("select sql from duckdb_views() where database_name = ? and schema_name = ? and view_name = ?",
                         [build, schema, view]).fetchone()
    con.execute(f"use {alias}")
    try:
        con.execute(sql)
    except duckdb.Error as exc:
        raise RuntimeError(f"view {schema}.{view} does not work inside the published snapshot "
                           f"(it must read only tables of the snapshot): {exc}") from exc
    finally:
        con.execute(f"use {_ident(build)}")


def _copy_comments(con: duckdb.DuckDBPyConnection, build: str, alias: str, schema: str, relations: list[str]) -> None:
    wanted = set(relations)
    rows = con.execute(
        "select table_name, 'table', comment from duckdb_tables() where database_name = ? and schema_name = ? "
        "union all select view_name, 'view', comment from duckdb_views() where database_name = ? and schema_name = ?",
        [build, schema, build, schema]).fetchall()
    for name, kind, comment in rows:
        if name in wanted and comment:
            con.execute(f"comment on {kind} {alias}.{_ident(schema)}.{_ident(name)} is {_literal(comment)}")
    columns = con.execute(
        "select table_name, column_name, comment from duckdb_columns() where database_name = ? and schema_name = ? "
        "and comment is not null and comment <> ''", [build, schema]).fetchall()
    for name, column, comment in columns:
        if name in wanted:
            con.execute(f"comment on column {alias}.{_ident(schema)}.{_ident(name)}.{_ident(column)} is {_literal(comment)}")


def _make_read_only(folder: Path) -> None:
    """Published Parquet files are read-only (0444) like the DuckDB file: a BI tool cannot overwrite them."""
    for path in folder.rglob("*.parquet"):
        path.chmod(0o444)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def remove_stale_temporaries(settings: Settings) -> list[Path]:
    """Delete what a killed publish left in `published/` (its temporary database and WAL, a half-made
    Parquet link). Only one run writes at a time, so any such file belongs to a run that is gone."""
    published = settings.published_dir
    if not published.is_dir():
        return []
    stale = sorted([*published.glob(".planwatch.*.duckdb.tmp*"), *published.glob(".parquet.*.link"),
                    *published.glob(f"{SNAPSHOT_MANIFEST_NAME}.tmp")])
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def _sql_path(path: Path) -> str:
    """A path as the body of a SQL string literal, for the COPY and ATTACH statements it is spliced into."""
    return str(path).replace("'", "''")
