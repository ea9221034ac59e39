"""Loading ingested reports into `raw`: idempotent by content hash, one transaction per document.

The same file loaded twice changes nothing; a changed file (or a new extractor version) replaces
every row the document had before.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

import duckdb

from flows.extract.keys import record_ids
from flows.extract.records import Record, UnreadSentence
from flows.ingest.document import Document
from flows.ingest.landing import links_leaving, stray_report_files
from flows.ingest.metadata import sidecar_hash
from flows.provenance import file_sha256
from flows.warehouse.raw_writes import insert_quarantine, insert_rows, transaction, utc_now

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
    now = utc_now()
    twin = _loaded_twin(con, doc)
    if twin is not None:
        return _flag_duplicate(con, doc, twin, run_id, now)
    namesake = _loaded_namesake(con, doc)
    if namesake is not None:
        return _flag_name_clash(con, doc, namesake, run_id, now)
    meta = doc.metadata
    record_rows = []
    for no, (rid, r) in enumerate(zip(record_ids(doc.doc_id, records), records)):
        row = r.to_row()
        row["char_start"], row["char_end"] = row.pop("start"), row.pop("end")
        row.pop("doc")
        record_rows.append({"record_id": rid, "doc_id": doc.doc_id, "record_no": no, **row})
    section_rows = []
    for no, s in enumerate(doc.sections):
        o_start, o_end = doc.to_original(s.start, s.end)
        section_rows.append({"doc_id": doc.doc_id, "section_no": no, "level": s.level, "heading": s.heading,
                             "path": s.path, "char_start": o_start, "char_end": o_end})
    unread_rows = [{"doc_id": doc.doc_id, "span_no": no, "char_start": u.start, "char_end": u.end,
                    "text": u.text, "section": u.section} for no, u in enumerate(unread)]

    with transaction(con):
        existed = con.execute("select count(*) from raw.documents where doc_id = ?", [doc.doc_id]).fetchone()[0] > 0
        for table in ("records", "sections", "unextracted_spans", "documents"):
            con.execute(f"delete from raw.{table} where doc_id = ?", [doc.doc_id])
        con.execute(
            "insert into raw.documents by name select ? as doc_id, ? as source_path, ? as content_hash, "
            "? as sidecar_hash, ? as encoding, ? as title, ? as region, ? as plan_year, ? as document_type, "
            "? as meeting_date, ? as n_chars, ? as n_records, ? as extractor_version, ? as loaded_at",
            [doc.doc_id, doc.source_path, doc.content_hash, doc.sidecar_hash, doc.encoding, meta.title, meta.region,
             meta.plan_year, meta.document_type, meta.meeting_date, len(doc.original), len(records),
             extractor_version, now],
        )
        insert_rows(con, "raw.records", record_rows)
        insert_rows(con, "raw.sections", section_rows)
        insert_rows(con, "raw.unextracted_spans", unread_rows)
        # A loaded file is no longer quarantined; damage repaired on the way in is listed for review.
        con.execute("delete from raw.quarantine where file_path = ? and source_kind = 'report'", [doc.source_path])
        for note in doc.notes:
            insert_quarantine(con, "report", doc.source_path, doc.content_hash, f"loaded, with a note: {note}", now)
        action: LoadAction = "replaced" if existed else "inserted"
        log_load(con, run_id, doc.doc_id, doc.content_hash, action)
    return action


def _loaded_twin(con: duckdb.DuckDBPyConnection, doc: Document) -> tuple[str, str] | None:
    """(doc_id, source_path) of another loaded document with the same bytes, if any."""
    return con.execute(
        "select doc_id, source_path from raw.documents where content_hash = ? and doc_id <> ? order by doc_id limit 1",
        [doc.content_hash, doc.doc_id],
    ).fetchone()


def _flag_duplicate(con: duckdb.DuckDBPyConnection, doc: Document, twin: tuple[str, str], run_id: str,
                    now) -> LoadAction:
    """The same report under a second name: loaded once, this copy listed for review, not counted twice."""
    twin_id, twin_path = twin
    reason = (f"duplicate report: {Path(doc.source_path).name} has the same content (sha256 {doc.content_hash[:12]}) as "
              f"{Path(twin_path).name}, already loaded as document {twin_id}; not loaded again, so its figures are "
              f"not counted twice. Remove one of the two files")
    with transaction(con):
        for table in ("records", "sections", "unextracted_spans", "documents"):
            con.execute(f"delete from raw.{table} where doc_id = ?", [doc.doc_id])
        con.execute("delete from raw.quarantine where file_path = ? and source_kind = 'report'", [doc.source_path])
        insert_quarantine(con, "report", doc.source_path, doc.content_hash, reason, now)
        log_load(con, run_id, doc.doc_id, doc.content_hash, "duplicate")
    return "duplicate"


def _loaded_namesake(con: duckdb.DuckDBPyConnection, doc: Document) -> str | None:
    """The source path of another file, still in landing, already loaded under this document id
    (report.pdf beside report.docx: the id is the name without its suffix)."""
    row = con.execute("select source_path from raw.documents where doc_id = ? and source_path <> ?",
                      [doc.doc_id, doc.source_path]).fetchone()
    return row[0] if row and Path(row[0]).exists() else None


def _flag_name_clash(con: duckdb.DuckDBPyConnection, doc: Document, namesake: str, run_id: str, now) -> LoadAction:
    reason = (f"name clash: {Path(doc.source_path).name} and {Path(namesake).name} both give document id "
              f"{doc.doc_id!r} (the file name without its suffix); only {Path(namesake).name} is loaded. "
              f"Rename one of them")
    with transaction(con):
        con.execute("delete from raw.quarantine where file_path = ? and source_kind = 'report'", [doc.source_path])
        insert_quarantine(con, "report", doc.source_path, doc.content_hash, reason, now)
        log_load(con, run_id, doc.doc_id, doc.content_hash, "quarantined")
    return "quarantined"


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
