"""A processed report as the rows `raw` will hold: built where the report was extracted.

Extraction runs on worker processes; turning records into columnar rows there (rather than in the one
loader that writes the warehouse) keeps the single writer doing only bulk inserts. The Arrow schemas
come from the raw DDL itself (an in-memory DuckDB), so the columns are declared once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import duckdb
import pyarrow as pa

from flows.extract.keys import record_ids
from flows.extract.records import Record, UnreadSentence
from flows.ingest.document import Document
from flows.warehouse.raw_schema import ensure_raw_schema

# The per-document tables a report fills; a reload replaces all of a document's rows in each.
DOCUMENT_TABLES = ("records", "sections", "unextracted_spans", "documents")


@lru_cache(maxsize=None)
def raw_arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of `raw.<table>` as the DDL declares it."""
    with duckdb.connect(":memory:") as con:
        ensure_raw_schema(con)
        return con.sql(f"select * from raw.{table} limit 0").to_arrow_table().schema


@dataclass(frozen=True)
class ReportRows:
    """One report's rows for raw.documents, raw.records, raw.sections and raw.unextracted_spans."""

    doc_id: str
    source_path: str
    content_hash: str
    document: pa.Table  # one row; `loaded_at` is set by the loader
    records: pa.Table
    sections: pa.Table
    unread: pa.Table
    notes: tuple[str, ...]  # damage repaired on the way in, listed in raw.quarantine for review

    @property
    def n_records(self) -> int:
        return self.records.num_rows


def report_rows(doc: Document, records: list[Record], unread: list[UnreadSentence],
                extractor_version: str) -> ReportRows:
    meta = doc.metadata
    record_rows = []
    for no, (rid, r) in enumerate(zip(record_ids(doc.doc_id, records), records)):
        row = dict(vars(r))  # Record.to_row without asdict's deep copy: every field is a scalar
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
    document_row = {
        "doc_id": doc.doc_id, "source_path": doc.source_path, "content_hash": doc.content_hash,
        "sidecar_hash": doc.sidecar_hash, "encoding": doc.encoding, "title": meta.title, "region": meta.region,
        "plan_year": meta.plan_year, "document_type": meta.document_type, "meeting_date": meta.meeting_date,
        "n_chars": len(doc.original), "n_records": len(records), "extractor_version": extractor_version,
    }
    return ReportRows(
        doc_id=doc.doc_id, source_path=doc.source_path, content_hash=doc.content_hash,
        document=pa.Table.from_pylist([document_row], schema=raw_arrow_schema("documents")),
        records=pa.Table.from_pylist(record_rows, schema=raw_arrow_schema("records")),
        sections=pa.Table.from_pylist(section_rows, schema=raw_arrow_schema("sections")),
        unread=pa.Table.from_pylist(unread_rows, schema=raw_arrow_schema("unextracted_spans")),
        notes=tuple(doc.notes),
    )
