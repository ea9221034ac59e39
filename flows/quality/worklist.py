"""The reviewer's worklist: everything a person should look at, from every review table, in one list.

Read from the published snapshot, read-only, as BI reads it (the build database belongs to the
pipeline). The one exception is the last run's check failures: a run a gate blocked never reaches
the snapshot, so when the build database's audit knows a newer run than the snapshot's, its
failures are read from there, read-only and only while no run holds the warehouse lock (opening
the file while a run writes it could make that run fail to open it). Each source table is optional:
a warehouse built before it existed (e.g. before corrections) simply has no items of that kind.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from flows.runs.lock import LOCK_NAME, read_holder
from flows.settings import Settings

KINDS = ("check", "quarantine", "orphan_correction", "feed_name", "unextracted")
SEVERITIES = ("blocking", "warning", "review")  # review: nothing failed, a person should still look


@dataclass(frozen=True)
class WorkItem:
    when: datetime | None
    kind: str
    severity: str
    where: str  # file:line, file @offsets, or gate: table.column
    what: str
    why: str
    rank: float = 0.0  # order within a day, kind and severity (least confident first for unextracted)

    def as_row(self) -> dict[str, str]:
        return {"when": self.when.isoformat(sep=" ", timespec="seconds") if self.when else "", "kind": self.kind,
                "severity": self.severity, "where": self.where, "what": self.what, "why": self.why}


@dataclass
class Worklist:
    items: list[WorkItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # where the items come from, said once above the table
    found: bool = False  # False: neither a snapshot nor a build database exists yet


def sort_key(item: WorkItem) -> tuple:
    """Most recent day first; within a day blocking before warning before review, then by kind and rank."""
    day = item.when.date().toordinal() if item.when else 0
    stamp = item.when.timestamp() if item.when else 0.0
    return (-day, SEVERITIES.index(item.severity), KINDS.index(item.kind), item.rank, -stamp)


def ordered(items: Iterable[WorkItem], kinds: Iterable[str] | None = None) -> list[WorkItem]:
    wanted = set(kinds or KINDS)
    return sorted((i for i in items if i.kind in wanted), key=sort_key)


def _as_datetime(value) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return None


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ? "
                       "and table_catalog = current_database()", [schema, table]).fetchone()[0] > 0


def _file(path: str | None) -> str:
    return Path(path).name if path else ""


def _text(value) -> str:
    return "" if value is None else str(value)


# --- one reader per kind: a connection in, items out -------------------------------------------------

def last_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    if not has_table(con, "audit", "validation_runs"):
        return None
    row = con.execute("select run_id from audit.validation_runs order by started desc limit 1").fetchone()
    return row[0] if row else None


def check_items(con: duckdb.DuckDBPyConnection, run_id: str) -> list[WorkItem]:
    """Every expectation or dbt test of the run that did not pass: failed and broken block, warnings do not."""
    rows = con.execute(
        "select v.started, r.gate, r.table_name, r.column_name, r.expectation, r.outcome, r.unexpected_count, r.sample "
        "from audit.validation_results r join audit.validation_runs v on r.run_id = v.run_id and r.gate = v.gate "
        "where r.run_id = ? and r.outcome <> 'passed'", [run_id]).fetchall()
    items = []
    for started, gate, table, column, expectation, outcome, count, sample in rows:
        rows_note = f", {count} row(s)" if count else ""
        items.append(WorkItem(
            when=_as_datetime(started), kind="check", severity="warning" if outcome == "warning" else "blocking",
            where=f"{gate}: {table}" + (f".{column}" if column else ""),
            what=f"{expectation} [{outcome}{rows_note}]", why=_text(sample),
            rank=0 if outcome == "broken" else 1))
    return items


def quarantine_items(con: duckdb.DuckDBPyConnection) -> list[WorkItem]:
    rows = con.execute(
        "select quarantined_at, check_name, table_name, record_key, file_path, row_number, column_name, reason, "
        "raw_value, source_text from marts.review_quarantine").fetchall()
    items = []
    for at, check, table, key, path, row_no, column, reason, raw, source in rows:
        where = _file(path) + (f":{row_no}" if row_no is not None else "")
        details = ", ".join(d for d in (f"{table} {key}" if key else "", column or "") if d)
        if details:
            where += f" ({details})"
        what = f"set aside by {check}" + (f": {raw!r}" if raw not in (None, "") else "")
        why = _text(reason) + (f" — {source}" if source else "")
        items.append(WorkItem(_as_datetime(at), "quarantine", "warning", where.strip(), what, why))
    return items


def orphan_items(con: duckdb.DuckDBPyConnection) -> list[WorkItem]:
    rows = con.execute(
        "select corrected_on, record_key, field, corrected_value, reviewer, reason, source_file, source_line "
        "from marts.review_orphan_corrections").fetchall()
    return [WorkItem(
        when=_as_datetime(on), kind="orphan_correction", severity="warning",
        where=_file(source_file) + (f":{line}" if line is not None else ""),
        what=f"correction {key}.{fld} = {value!r} matches no record",
        why=f"{reviewer or '?'}: {reason or ''} (the record's key changed or it is no longer extracted)")
        for on, key, fld, value, reviewer, reason, source_file, line in rows]


def feed_name_items(con: duckdb.DuckDBPyConnection, as_of: datetime | None) -> list[WorkItem]:
    """Unmatched or ambiguous feed names carry no time of their own: they are dated by the snapshot."""
    rows = con.execute(
        "select entity, name_in_feed, measure, region_name, match_status, candidates, n_rows, example_file_path, "
        "example_row_number from marts.review_feed_matches").fetchall()
    items = []
    for entity, name, measure, region, status, candidates, n_rows, path, row_no in rows:
        qualifier = ", ".join(p for p in (measure, region if entity != "region" else None) if p)
        what = f"{entity} {name!r}" + (f" ({qualifier})" if qualifier else "") + f" {status}"
        why = (f"candidates: {candidates}" if candidates else "no candidate") + (f"; {n_rows} feed row(s)" if n_rows else "")
        items.append(WorkItem(as_of, "feed_name", "review", _file(path) + (f":{row_no}" if row_no is not None else ""),
                              what, why, rank=0 if status == "ambiguous" else 1))
    return items


def unextracted_items(con: duckdb.DuckDBPyConnection) -> list[WorkItem]:
    """Sentences with a figure but no record, dated by their document's load; least confident first."""
    rows = con.execute(
        "select d.loaded_at, d.source_path, s.document_key, s.char_start, s.char_end, s.section_path, s.sentence_text, "
        "s.record_confidence from marts.review_unextracted_spans s "
        "left join marts.dim_document d on s.document_key = d.document_key").fetchall()
    items = []
    for loaded, path, doc, start, end, section, sentence, confidence in rows:
        why = "no record read from it" if confidence is None else f"its records' lowest confidence {confidence:.2f}"
        if section:
            why += f"; section {section}"
        items.append(WorkItem(_as_datetime(loaded), "unextracted", "review", f"{_file(path) or doc} @{start}-{end}",
                              _text(sentence), why, rank=-1.0 if confidence is None else float(confidence)))
    return items


# --- the whole list ----------------------------------------------------------------------------------

def _connect_read_only(path: Path) -> duckdb.DuckDBPyConnection | None:
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error:  # held by a writer (another process), or not a DuckDB file
        return None


def snapshot_items(con: duckdb.DuckDBPyConnection, published_at: datetime | None) -> list[WorkItem]:
    items: list[WorkItem] = []
    if has_table(con, "marts", "review_quarantine"):
        items += quarantine_items(con)
    if has_table(con, "marts", "review_orphan_corrections"):
        items += orphan_items(con)
    if has_table(con, "marts", "review_feed_matches"):
        items += feed_name_items(con, published_at)
    if has_table(con, "marts", "review_unextracted_spans") and has_table(con, "marts", "dim_document"):
        items += unextracted_items(con)
    return items


def read_worklist(settings: Settings, kinds: Iterable[str] | None = None) -> Worklist:
    worklist = Worklist()
    snapshot, build = settings.published_database_path, settings.database_path
    snapshot_run = None
    if snapshot.exists():
        published_at = datetime.fromtimestamp(snapshot.stat().st_mtime, timezone.utc).replace(tzinfo=None)
        con = _connect_read_only(snapshot)
        if con is not None:
            with con:
                worklist.found = True
                worklist.items += snapshot_items(con, published_at)
                snapshot_run = last_run_id(con)
                if snapshot_run:
                    worklist.items += check_items(con, snapshot_run)
            worklist.notes.append(f"published snapshot {snapshot} (published {published_at:%Y-%m-%d %H:%M} UTC"
                                  + (f", run {snapshot_run})" if snapshot_run else ")"))
        else:
            worklist.notes.append(f"published snapshot {snapshot} could not be opened read-only")
    else:
        worklist.notes.append("nothing published yet: quarantine, corrections, feed names and unextracted "
                              "sentences appear once a run publishes")
    if build.exists():
        worklist.found = True
        holder = read_holder(settings.warehouse_dir / LOCK_NAME)
        if holder is not None:
            worklist.notes.append(f"a run is writing the warehouse ({holder.describe()}): check failures shown are "
                                  "those of the last published run")
        else:
            _add_newer_run_failures(build, snapshot_run, worklist)
    worklist.items = ordered(worklist.items, kinds)
    return worklist


def _add_newer_run_failures(build: Path, snapshot_run: str | None, worklist: Worklist) -> None:
    """The last run, when it is newer than the snapshot (a gate blocked it): its failures from the build database."""
    con = _connect_read_only(build)
    if con is None:
        worklist.notes.append(f"the build database {build} is busy: check failures shown are those of the last "
                              "published run")
        return
    with con:
        run_id = last_run_id(con)
        if run_id is None or run_id == snapshot_run:
            return
        blocked = [g for (g,) in con.execute("select gate from audit.validation_runs where run_id = ? and not success "
                                             "order by started", [run_id]).fetchall()]
        worklist.items = [i for i in worklist.items if i.kind != "check"] + check_items(con, run_id)
    verdict = f"was BLOCKED by the {', '.join(blocked)} gate" if blocked else "did not publish"
    worklist.notes.append(f"the last run {run_id} {verdict}: its check failures come from the build database "
                          f"{build} (planwatch quality --run {run_id})")
