"""Loading feed files into `raw.feed_*`: idempotent by file hash, one transaction per file, in DuckDB.

A tabular file (CSV, XLSX, JSON) is staged as text (readers.py), checked by SQL generated from its
contract (checks.py), and its good rows go from the check view straight into the raw table; rows
that break the contract go to `raw.quarantine` with file, row number, column and reason. A row holds
its file's integer id (`raw.feed_files.file_id`), not its path: one number instead of the same text
written a million times. Rows fine
alone but wrong beside the others (a unit of another dimension than the indicator's, the same key
twice in the feed) are moved there too (consistency.py). Release articles are read by the
extraction library in Python. For every file: rows in = rows loaded + rows quarantined.

The same file twice changes nothing; a changed file replaces every row (and quarantine record) it
had; a file gone from the landing directory takes its rows with it, and rows set aside as
repeating it come back.
"""
from __future__ import annotations

import hashlib
import re
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Literal, NamedTuple

import duckdb

from flows.feeds.checks import (
    CHECKED, CheckedRow, CheckPlan, Problem, check_header, checked_sql, define_macros, lookup_columns,
    period_inputs_sql,
)
from flows.feeds.consistency import (
    files_with_duplicates, quarantine_dimension_conflicts, quarantine_duplicates,
)
from flows.feeds.contracts import CONTRACTS, RELEASE_ARTICLES, TARGET_ACTUALS, FeedContract
from flows.feeds.lookups import (
    create_cell_lookups, create_period_lookup, create_static_lookups, create_target_lookup,
)
from flows.faults import fault_point
from flows.feeds.periods import year_in_name
from flows.feeds.raw_schema import FILE_ID_SEQUENCE, PARSED_TARGET_COLUMNS, ensure_feed_schema, table_columns
from flows.warehouse.connection import setting_while
from flows.feeds.readers import STAGE, UnreadableFile, drop_stage, stage_file
from flows.ingest.landing import is_inside
from flows.provenance import file_sha256
from flows.warehouse.raw_schema import ensure_raw_schema
from flows.warehouse.raw_writes import insert_quarantine, insert_rows, transaction, utc_now

UNCLAIMED = "unclaimed"  # feed name recorded for a file outside every feed folder
FileAction = Literal["inserted", "replaced", "unchanged", "unreadable", "removed"]


@dataclass(frozen=True)
class FeedFileResult:
    file_path: str  # relative to the feeds directory
    feed: str
    action: FileAction
    rows_in: int
    rows_loaded: int
    rows_quarantined: int
    reason: str | None = None  # why an unreadable file could not be read


@dataclass(frozen=True)
class FeedLoadSummary:
    """What the feeds directory holds after the load (unchanged files included) and what this run did."""

    files: tuple[FeedFileResult, ...]

    def _present(self) -> list[FeedFileResult]:
        return [f for f in self.files if f.action != "removed"]

    @property
    def files_seen(self) -> int:
        return len(self._present())

    @property
    def files_loaded(self) -> int:
        return sum(f.action in ("inserted", "replaced") for f in self.files)

    @property
    def files_unchanged(self) -> int:
        return sum(f.action == "unchanged" for f in self.files)

    @property
    def files_unreadable(self) -> int:
        return sum(f.action == "unreadable" for f in self.files)

    @property
    def files_removed(self) -> int:
        return sum(f.action == "removed" for f in self.files)

    @property
    def rows_in(self) -> int:
        return sum(f.rows_in for f in self._present())

    @property
    def rows_loaded(self) -> int:
        return sum(f.rows_loaded for f in self._present())

    @property
    def rows_quarantined(self) -> int:
        return sum(f.rows_quarantined for f in self._present())

    @property
    def reconciles(self) -> bool:
        return all(f.rows_in == f.rows_loaded + f.rows_quarantined for f in self.files)

    def by_feed(self) -> dict[str, tuple[int, int, int]]:
        """feed -> (rows in, rows loaded, rows quarantined)."""
        out: dict[str, tuple[int, int, int]] = {}
        for f in self._present():
            rows_in, loaded, quarantined = out.get(f.feed, (0, 0, 0))
            out[f.feed] = (rows_in + f.rows_in, loaded + f.rows_loaded, quarantined + f.rows_quarantined)
        return out

    def describe(self) -> str:
        return (f"feeds: {self.files_seen} files ({self.files_loaded} loaded, {self.files_unchanged} unchanged, "
                f"{self.files_unreadable} unreadable, {self.files_removed} removed); rows in {self.rows_in} = "
                f"loaded {self.rows_loaded} + quarantined {self.rows_quarantined}")


def reader_version(contract: FeedContract) -> str:
    """What a file's rows depend on besides its bytes: the contract, and the extractor for parsed text.

    A file whose hash is unchanged is reloaded when this changes, as reports are on a new extractor.
    """
    from flows.extract import EXTRACTOR_VERSION

    return hashlib.sha256(f"{contract!r}|{EXTRACTOR_VERSION}".encode("utf-8")).hexdigest()[:16]


def feed_files(feeds_dir: Path, contract: FeedContract) -> list[Path]:
    folder = feeds_dir / contract.folder
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in contract.formats and not p.name.startswith(".")
                  and is_inside(p, feeds_dir.parent))  # a link leaving landing is refused (raw.quarantine)


def unclaimed_files(feeds_dir: Path, claimed: set[Path]) -> list[Path]:
    """Data files outside every feed's folder: reported, since a feed dropped there would go unseen."""
    if not feeds_dir.is_dir():
        return []
    formats = {f for c in CONTRACTS for f in c.formats}
    return sorted(p for p in feeds_dir.rglob("*") if p.is_file() and p.suffix.lower() in formats
                  and not p.name.startswith(".") and p not in claimed and is_inside(p, feeds_dir.parent))


class _LoadedFile(NamedTuple):
    """A file as `raw.feed_files` records an earlier load of it."""

    file_path: str
    file_hash: str
    feed: str
    rows_in: int
    rows_loaded: int
    rows_quarantined: int
    file_error: str | None
    reader_version: str

    def unchanged(self) -> FeedFileResult:
        action: FileAction = "unreadable" if self.file_error else "unchanged"
        return FeedFileResult(self.file_path, self.feed, action, self.rows_in, self.rows_loaded,
                              self.rows_quarantined, self.file_error)


def load_feeds(con: duckdb.DuckDBPyConnection, feeds_dir: Path, run_id: str) -> FeedLoadSummary:
    """Load every feed file under `feeds_dir` (one sub-folder per feed) into the open database."""
    ensure_raw_schema(con)  # raw.quarantine is shared with the report loader
    ensure_feed_schema(con)
    define_macros(con)
    create_static_lookups(con)
    feeds_dir = Path(feeds_dir)
    rows = con.execute(f"select {', '.join(_LoadedFile._fields)} from raw.feed_files").fetchall()
    known = {row.file_path: row for row in map(_LoadedFile._make, rows)}
    results: list[FeedFileResult] = []
    claimed: set[Path] = set()
    # Files are hashed on a thread of their own (hashlib and DuckDB let go of the GIL): a new file's hash
    # is needed only once its rows are judged, so reading it for the hash overlaps staging it.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="feed-hash") as hashing:
        for contract in CONTRACTS:
            results += _load_feed(con, feeds_dir, contract, known, claimed, run_id, hashing)
    for path in unclaimed_files(feeds_dir, claimed):
        results.append(_record_unclaimed(con, path, path.relative_to(feeds_dir).as_posix(), run_id))
    seen = {result.file_path for result in results}
    for rel, previous in sorted(known.items()):
        if rel not in seen:
            if previous.feed not in {c.name for c in CONTRACTS}:
                _delete_file(con, rel, previous.feed)
            results.append(FeedFileResult(rel, previous.feed, "removed", 0, 0, 0))
    return FeedLoadSummary(files=tuple(results))


def _load_feed(con: duckdb.DuckDBPyConnection, feeds_dir: Path, contract: FeedContract, known: dict[str, _LoadedFile],
               claimed: set[Path], run_id: str, hashing: ThreadPoolExecutor) -> list[FeedFileResult]:
    """Load the feed's new and changed files, drop its files gone; every file of the feed as it now stands."""
    version = reader_version(contract)
    paths = feed_files(feeds_dir, contract)
    claimed.update(paths)
    present = {path.relative_to(feeds_dir).as_posix(): path for path in paths}
    hashes = {rel: hashing.submit(file_sha256, path) for rel, path in present.items()}
    changed = {rel for rel, previous in known.items() if previous.feed == contract.name
               and (rel not in present or (previous.file_hash, previous.reader_version) != (hashes[rel].result(), version))}
    # Rows set aside as repeating another file's rows come back when that file changes or goes.
    recheck = files_with_duplicates(con, contract) if changed else set()
    feed_results: list[FeedFileResult] = []
    for rel, path in present.items():
        previous = known.get(rel)
        if previous is not None and rel not in recheck and (previous.file_hash, previous.feed, previous.reader_version) == (
                hashes[rel].result(), contract.name, version):
            feed_results.append(previous.unchanged())
        else:
            feed_results.append(_load_file(con, contract, path, rel, hashes[rel], version, run_id,
                                           replacing=previous is not None))
    for rel, previous in sorted(known.items()):
        if previous.feed == contract.name and rel not in present:
            _delete_file(con, rel, previous.feed)
    return _after_duplicates(con, contract, run_id, feed_results)


def _after_duplicates(con: duckdb.DuckDBPyConnection, contract: FeedContract, run_id: str,
                      results: list[FeedFileResult]) -> list[FeedFileResult]:
    """Set aside this run's rows of the feed that repeat an earlier row; the file counts follow."""
    if not any(r.action in ("inserted", "replaced") for r in results):
        return results
    with transaction(con):
        moved = quarantine_duplicates(con, contract, run_id, utc_now())
    return [replace(r, rows_loaded=r.rows_loaded - moved[r.file_path],
                    rows_quarantined=r.rows_quarantined + moved[r.file_path]) if r.file_path in moved else r
            for r in results]


def _load_file(con: duckdb.DuckDBPyConnection, contract: FeedContract, path: Path, rel: str,
               hashed: Future[str], version: str, run_id: str, replacing: bool) -> FeedFileResult:
    if contract is RELEASE_ARTICLES:
        return _load_article(con, contract, path, rel, hashed.result(), version, run_id, replacing)
    now = utc_now()
    try:
        staged = stage_file(con, path, contract, _scratch_dir(con))
        encoding, error = staged.encoding, None
        plan = _check_staged(con, contract, staged.header, year_in_name(path.name))
    except UnreadableFile as exc:
        encoding, error = None, str(exc)
    file_hash = hashed.result()
    with transaction(con):
        _delete_rows(con, rel, contract)
        file_id = _new_file_id(con)
        if error is None:
            # Good rows straight into the raw table; the checks run once per row, in this statement.
            with _judging_plan(con):
                good = con.execute(_insert_good_sql(contract), [file_id]).fetchone()[0]
            fault_point("mid-feed-load")  # tests only
            bad = 0
            if good < staged.rows:  # the checks run again only on the rows that did not load
                _keep_unloaded_rows(con, contract, file_id)
                bad = con.execute(_insert_quarantine_sql(plan), [contract.source_kind, rel, file_hash, now]).fetchone()[0]
            if contract is TARGET_ACTUALS:
                _add_parsed_targets(con, file_id)
            moved = quarantine_dimension_conflicts(con, contract, file_id, rel, file_hash, now)
            rows_in, good, bad = good + bad, good - moved, bad + moved
        else:
            insert_quarantine(con, contract.source_kind, rel, file_hash, error, now)
            rows_in, good, bad = 0, 0, 0
        _record_file(con, file_id, rel, contract.name, file_hash, encoding, rows_in, good, bad, error, version,
                     run_id, now)
    con.execute(f"drop view if exists {CHECKED}")
    drop_stage(con)
    action: FileAction = "unreadable" if error else ("replaced" if replacing else "inserted")
    return FeedFileResult(rel, contract.name, action, rows_in, good, bad, error)


def _new_file_id(con: duckdb.DuckDBPyConnection) -> int:
    """The id the rows of a file being loaded hold: the next of the sequence, never an id handed out before."""
    return con.execute(f"select nextval('{FILE_ID_SEQUENCE}')::integer").fetchone()[0]


_FEED_FILE_COLUMNS = ("file_id", "file_path", "feed", "file_hash", "encoding", "rows_in", "rows_loaded",
                      "rows_quarantined", "file_error", "reader_version", "run_id", "loaded_at")


def _record_file(con: duckdb.DuckDBPyConnection, *values: object) -> None:
    """The file's row of `raw.feed_files`, values in the order of _FEED_FILE_COLUMNS."""
    con.execute(f"insert into raw.feed_files ({', '.join(_FEED_FILE_COLUMNS)}) "
                f"values ({', '.join('?' for _ in _FEED_FILE_COLUMNS)})", list(values))


def _scratch_dir(con: duckdb.DuckDBPyConnection) -> Path | None:
    """`tmp/` beside the database file, for re-encoded copies of GB18030 files (None: the system's)."""
    path = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0]
    if not path:
        return None
    scratch = Path(path).parent / "tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    return scratch


@contextmanager
def _judging_plan(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """The plan that judges each row once: filter pushdown off, lookups as the build side of their joins.

    Pushed down, `where ok` becomes a filter holding every check's expression below the projection
    that computes them again, so each check ran twice (1M rows: 3.6 s against 2.6 s, issue 11); and
    DuckDB's estimate after those filters could make it hash the file instead of the small lookups.
    """
    with setting_while(con, "disabled_optimizers", "build_side_probe_side,filter_pushdown"):
        yield


def _keep_unloaded_rows(con: duckdb.DuckDBPyConnection, contract: FeedContract, file_id: int) -> None:
    """Leave in `feed_stage` only the rows the good-row insert did not take, for the quarantine pass.

    The check view reads `feed_stage` by name, so the reasons are then worked out for those rows
    alone, not for the whole file again.
    """
    con.execute(f"create or replace temp table feed_unloaded as select s.* from {STAGE} s "
                f"anti join (select row_number from raw.{contract.table} where file_id = ?) x using (row_number)",
                [file_id])
    drop_stage(con)
    con.execute(f"alter table feed_unloaded rename to {STAGE}")


def _check_staged(con: duckdb.DuckDBPyConnection, contract: FeedContract, header_row: tuple[str, ...],
                  file_year: int | None) -> CheckPlan:
    """The view `feed_checked` over `feed_stage`: every row typed, with its problems (none for a row that loads)."""
    header = check_header(contract, header_row)
    create_period_lookup(con, period_inputs_sql(contract, header), file_year)
    create_cell_lookups(con, contract, lookup_columns(contract, header))
    plan = checked_sql(contract, header)
    con.execute(plan.create_sql)
    return plan


def _add_parsed_targets(con: duckdb.DuckDBPyConnection, file_id: int) -> None:
    """What the extraction library reads in each distinct target text of the file's loaded rows."""
    create_target_lookup(con, f"(select indicator, target_text from raw.{TARGET_ACTUALS.table} "
                              f"where file_id = {int(file_id)})")
    names = [name for name, _ in PARSED_TARGET_COLUMNS]
    con.execute(f"""
        update raw.{TARGET_ACTUALS.table} x set {', '.join(f'{n} = t.{n}' for n in names)}
        from feed_targets t
        where x.file_id = ? and t.indicator = x.indicator and t.target_text = x.target_text
    """, [file_id])


def _insert_good_sql(contract: FeedContract) -> str:
    targets = {name for name, _ in PARSED_TARGET_COLUMNS} if contract is TARGET_ACTUALS else set()
    columns = [c for c in table_columns()[contract.table] if c not in targets]
    select = ["$1" if c == "file_id" else f"c.{c}" for c in columns]
    return (f"insert into raw.{contract.table} ({', '.join(columns)}) select {', '.join(select)} "
            f"from {CHECKED} c where c.ok")


def _insert_quarantine_sql(plan: CheckPlan) -> str:
    return f"""
        insert into raw.quarantine (source_kind, file_path, file_hash, row_number, column_name, reason, raw_value,
                                    quarantined_at)
        select $1, $2, $3, row_number,
               nullif(array_to_string(list_filter(columns, lambda c, i: c <> '' and list_position(columns, c) = i), ','), ''),
               array_to_string(list_transform(problems, lambda p: p.reason), '; '),
               nullif(array_to_string(list_filter(list_transform(problems, lambda p: p.raw_value),
                                                  lambda v: v is not null), ' | '), ''),
               $4
        from (select row_number, problems, list_transform(problems, lambda p: p.column) as columns
              from (select c.row_number, {plan.problems_sql()} as problems
                    from {CHECKED} c join {STAGE} s using (row_number) where not c.ok))
    """


def _load_article(con: duckdb.DuckDBPyConnection, contract: FeedContract, path: Path, rel: str,
                  file_hash: str, version: str, run_id: str, replacing: bool) -> FeedFileResult:
    from flows.feeds.articles import article_rows

    now = utc_now()
    try:
        encoding, rows = article_rows(path.read_bytes(), path.suffix.lower(), year_in_name(path.name))
        error = None
    except UnreadableFile as exc:
        encoding, rows, error = None, [], str(exc)
    good = [r for r in rows if r.ok]
    bad = [r for r in rows if not r.ok]
    columns = table_columns()[contract.table]
    with transaction(con):
        _delete_rows(con, rel, contract)
        file_id = _new_file_id(con)
        batch_rows = [{c: ({**r.values, "file_id": file_id, "row_number": r.row_number}).get(c) for c in columns}
                      for r in good]
        insert_rows(con, f"raw.{contract.table}", batch_rows)
        if error is not None:
            insert_quarantine(con, contract.source_kind, rel, file_hash, error, now)
        for r in bad:
            insert_quarantine(
                con, contract.source_kind, rel, file_hash, "; ".join(p.reason for p in r.problems), now,
                row_number=r.row_number,
                column_name=",".join(dict.fromkeys(p.column for p in r.problems if p.column)) or None,
                raw_value=" | ".join(p.raw_value for p in r.problems if p.raw_value is not None) or None,
            )
        _record_file(con, file_id, rel, contract.name, file_hash, encoding, len(rows), len(good), len(bad), error,
                     version, run_id, now)
    action: FileAction = "unreadable" if error else ("replaced" if replacing else "inserted")
    return FeedFileResult(rel, contract.name, action, len(rows), len(good), len(bad), error)


def _record_unclaimed(con: duckdb.DuckDBPyConnection, path: Path, rel: str, run_id: str) -> FeedFileResult:
    folders = ", ".join(f"{c.folder}/" for c in CONTRACTS)
    reason = f"not in a feed folder: put it under one of {folders} of the feeds directory"
    now = utc_now()
    file_hash = file_sha256(path)
    with transaction(con):
        _delete_rows(con, rel, None)
        insert_quarantine(con, f"feed:{UNCLAIMED}", rel, file_hash, reason, now)
        _record_file(con, _new_file_id(con), rel, UNCLAIMED, file_hash, None, 0, 0, 0, reason, UNCLAIMED, run_id,
                     now)
    return FeedFileResult(rel, UNCLAIMED, "unreadable", 0, 0, 0, reason)


def _delete_rows(con: duckdb.DuckDBPyConnection, rel: str, contract: FeedContract | None) -> None:
    if contract is not None:
        con.execute(f"delete from raw.{contract.table} where file_id = "
                    f"(select file_id from raw.feed_files where file_path = ?)", [rel])
    con.execute("delete from raw.quarantine where file_path = ? and source_kind like 'feed:%'", [rel])
    con.execute("delete from raw.feed_files where file_path = ?", [rel])


def _delete_file(con: duckdb.DuckDBPyConnection, rel: str, feed: str) -> None:
    with transaction(con):
        _delete_rows(con, rel, next((c for c in CONTRACTS if c.name == feed), None))


def check_rows(con: duckdb.DuckDBPyConnection, contract: FeedContract, header: tuple[str, ...],
               rows: list[tuple[int, list[str | None]]], file_year: int | None = None) -> list[CheckedRow]:
    """Check rows given as text cells (row number, cells in header order) exactly as a file's rows are.

    For tests and tools that hold a few rows in hand: they are staged and checked by the same SQL.
    """
    from flows.feeds.readers import append_rows, create_stage

    define_macros(con)
    create_static_lookups(con)
    create_stage(con, len(header))
    append_rows(con, len(header), [(number, list(cells), []) for number, cells in rows])
    plan = _check_staged(con, contract, header, file_year)
    query = (f"select c.*, {plan.problems_sql()} as problems from {CHECKED} c join {STAGE} s using (row_number) "
             f"order by row_number")
    names = [d[0] for d in con.execute(query).description]
    checked = []
    for record in con.execute(query).fetchall():
        values = dict(zip(names, record))
        problems = tuple(Problem(p["column"], p["reason"], p["raw_value"]) for p in values.pop("problems"))
        values = {k: v for k, v in values.items() if not k.startswith(("_", "p_")) and not re.fullmatch(r"p[0-9]+", k)}
        checked.append(CheckedRow(values.pop("row_number"), values, problems))
    return checked
