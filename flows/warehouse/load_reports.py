"""Loading ingested reports into `raw`: idempotent by content hash, one transaction per batch of reports.

The same file loaded twice changes nothing; a changed file (or a new extractor version) replaces
every row the document had before.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

import duckdb
import pyarrow as pa

from flows.extract.records import Record, UnreadSentence
from flows.ingest.document import Document
from flows.ingest.landing import links_leaving, stray_report_files
from flows.ingest.metadata import sidecar_hash
from flows.provenance import file_sha256
from flows.warehouse.raw_writes import insert_quarantine, insert_rows, transaction, utc_now
from flows.warehouse.report_rows import DOCUMENT_TABLES, ReportRows, report_rows

LoadAction = Literal["inserted", "replaced", "unchanged", "quarantined", "duplicate"]
LANDING_KIND = "landing"  # source_kind of quarantine rows about the landing folder itself (links leaving it)


@dataclass(frozen=True)
class PendingReport:
    path: Path
    doc_id: str
    content_hash: str
    action: LoadAction  # what loading it will do: inserted, replaced or unchanged


# What a loaded document was made from: its bytes, its sidecar's bytes and the extractor that read them.
LoadedVersion = tuple[str, str, str]


def loaded_versions(con: duckdb.DuckDBPyConnection) -> dict[str, LoadedVersion]:
    """doc_id -> (content_hash, sidecar_hash, extractor_version) of what `raw.documents` holds."""
    rows = con.execute(
        "select doc_id, content_hash, coalesce(sidecar_hash, ''), extractor_version from raw.documents").fetchall()
    return {doc_id: (content_hash, sidecar, version) for doc_id, content_hash, sidecar, version in rows}


def plan_report_loads(
    files: Iterable[Path], loaded: dict[str, LoadedVersion], extractor_version: str
) -> list[PendingReport]:
    """A report reloads when its bytes, its sidecar (added, edited or removed) or the extractor changed."""
    plans = []
    for path in sorted(files):
        content_hash = file_sha256(path)
        previous = loaded.get(path.stem)
        if previous is None:
            action: LoadAction = "inserted"
        elif previous == (content_hash, sidecar_hash(path), extractor_version):
            action = "unchanged"
        else:
            action = "replaced"
        plans.append(PendingReport(path=path, doc_id=path.stem, content_hash=content_hash, action=action))
    return plans


def load_document(
    con: duckdb.DuckDBPyConnection,
    doc: Document,
    records: list[Record],
    unread: list[UnreadSentence],
    extractor_version: str,
    run_id: str,
) -> LoadAction:
    """Load one ingested report (a batch of one)."""
    return load_report_batch(con, [report_rows(doc, records, unread, extractor_version)], run_id)[0]


def load_report_batch(con: duckdb.DuckDBPyConnection, batch: list[ReportRows], run_id: str) -> list[LoadAction]:
    """Load reports in one transaction, deciding for each, in order, as if they were loaded one by one.

    A report whose bytes another loaded document already has is a duplicate (listed, not loaded); one whose
    id another file still in landing holds is a name clash; the others replace every row their document had.
    One delete per table for the whole batch: a delete scans its table, so per-report deletes would make
    loading N reports cost N scans of tables that grow with N.
    """
    now = utc_now()
    ids, hashes = [r.doc_id for r in batch], [r.content_hash for r in batch]
    # (source_path, content_hash) by doc_id of what raw.documents holds, kept up to date as the batch goes on
    held = {doc_id: (path, content_hash) for doc_id, path, content_hash in con.execute(
        "select doc_id, source_path, content_hash from raw.documents "
        "where doc_id in (select unnest(?)) or content_hash in (select unnest(?))", [ids, hashes]).fetchall()}
    actions: list[LoadAction] = []
    accepted: list[ReportRows] = []
    cleared: list[str] = []  # doc_ids whose rows go
    quarantine: list[tuple[str, str, str]] = []  # (file_path, file_hash, reason)
    for rows in batch:
        twin = min((doc_id for doc_id, (_, h) in held.items() if h == rows.content_hash and doc_id != rows.doc_id),
                   default=None)
        previous = held.get(rows.doc_id)
        if twin is not None:
            quarantine.append((rows.source_path, rows.content_hash, _duplicate_reason(rows, twin, held[twin][0])))
            cleared.append(rows.doc_id)
            held.pop(rows.doc_id, None)
            actions.append("duplicate")
        elif previous is not None and previous[0] != rows.source_path and Path(previous[0]).exists():
            quarantine.append((rows.source_path, rows.content_hash, _name_clash_reason(rows, previous[0])))
            actions.append("quarantined")
        else:
            held[rows.doc_id] = (rows.source_path, rows.content_hash)
            accepted.append(rows)
            cleared.append(rows.doc_id)
            quarantine += [(rows.source_path, rows.content_hash, f"loaded, with a note: {note}") for note in rows.notes]
            actions.append("replaced" if previous is not None else "inserted")

    with transaction(con):
        for table in DOCUMENT_TABLES:
            con.execute(f"delete from raw.{table} where doc_id in (select unnest(?))", [cleared])
        if accepted:
            documents = pa.concat_tables([r.document for r in accepted])  # noqa: F841 - DuckDB reads it by name
            con.execute("insert into raw.documents by name select * replace (?::timestamp as loaded_at) from documents",
                        [now])
            insert_rows(con, "raw.records", pa.concat_tables([r.records for r in accepted]))
            insert_rows(con, "raw.sections", pa.concat_tables([r.sections for r in accepted]))
            insert_rows(con, "raw.unextracted_spans", pa.concat_tables([r.unread for r in accepted]))
        # A loaded (or set aside) file's earlier quarantine rows give way to what this load found.
        con.execute("delete from raw.quarantine where source_kind = 'report' and file_path in (select unnest(?))",
                    [[r.source_path for r in batch]])
        for path, file_hash, reason in quarantine:
            insert_quarantine(con, "report", path, file_hash, reason, now)
        for rows, action in zip(batch, actions):
            log_load(con, run_id, rows.doc_id, rows.content_hash, action)
    return actions


def _duplicate_reason(rows: ReportRows, twin_id: str, twin_path: str) -> str:
    """The same report under a second name: loaded once, this copy listed for review, not counted twice."""
    return (f"duplicate report: {Path(rows.source_path).name} has the same content (sha256 {rows.content_hash[:12]}) "
            f"as {Path(twin_path).name}, already loaded as document {twin_id}; not loaded again, so its figures are "
            f"not counted twice. Remove one of the two files")


def _name_clash_reason(rows: ReportRows, namesake: str) -> str:
    """report.pdf beside report.docx: the id is the name without its suffix."""
    return (f"name clash: {Path(rows.source_path).name} and {Path(namesake).name} both give document id "
            f"{rows.doc_id!r} (the file name without its suffix); only {Path(namesake).name} is loaded. "
            f"Rename one of them")


def quarantine_landing_problems(con: duckdb.DuckDBPyConnection, landing_dir: Path,
                                report_suffixes: tuple[str, ...]) -> list[str]:
    """One quarantine row per problem of the landing folder as it stands now: a symbolic link leaving
    it, a file in reports/ that is no report, a sidecar without its report."""
    problems = [(link.path, link.reason) for link in links_leaving(landing_dir)]
    problems += [(s.path, s.reason) for s in stray_report_files(landing_dir / "reports", report_suffixes)]
    now = utc_now()
    with transaction(con):
        con.execute("delete from raw.quarantine where source_kind = ?", [LANDING_KIND])
        for path, reason in problems:
            insert_quarantine(con, LANDING_KIND, str(path), None, reason, now)
    return [f"{path.name}: {reason}" for path, reason in problems]


def log_load(con: duckdb.DuckDBPyConnection, run_id: str, doc_id: str, content_hash: str | None, action: LoadAction) -> None:
    con.execute(
        "insert into raw.load_log values (?, ?, ?, ?, ?)",
        [run_id, doc_id, content_hash, action, utc_now()],
    )


def quarantine_file(
    con: duckdb.DuckDBPyConnection, source_kind: str, path: Path, file_hash: str | None, reason: str
) -> None:
    """A file that cannot be read at all: one quarantine row, replacing any earlier one for it."""
    con.execute("delete from raw.quarantine where file_path = ? and row_number is null", [str(path)])
    insert_quarantine(con, source_kind, str(path), file_hash, reason, utc_now())
