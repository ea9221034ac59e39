"""`planwatch review --export-gold DIR`: reviewers' corrections become gold lines for the extractor.

Every published record with at least one correction in `marts.review_corrections` is written in the
format of ../shared/corpus/ANNOTATION_GUIDE.md, one file per document named after the report's file
stem (`<stem>.jsonl`, as score.py expects beside `<stem>.txt`), with its corrected values. A gold
file claims completeness inside its regions, and a correction vouches for one record only, so each
record gets a region of exactly its own text span: the scorer then judges the extractor on that
span alone, not on the rest of the paragraph nobody reviewed.

The published row already carries the corrections: the dbt overlay (int_records_corrected) applied
them and recomputed the base values, so the export reads the marts as they are.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

# mart -> (record type, key column, year column); the marts reviewers correct records in.
RECORD_MARTS = {
    "fct_target": ("target", "target_key", "target_year"),
    "fct_achievement": ("achievement", "achievement_key", "achievement_year"),
    "fct_project_milestone": ("project", "milestone_key", "milestone_year"),
    "fct_project_portfolio": ("portfolio", "portfolio_key", "portfolio_year"),
}
# gold field <- mart column, per record type (ANNOTATION_GUIDE.md's fields)
_QUANTITY = {"indicator": "indicator_text", "text": "source_text", "value": "value", "value_min": "value_min",
             "value_max": "value_max", "unit": "unit", "comparator": "comparator", "value_base": "value_base",
             "value_base_min": "value_base_min", "value_base_max": "value_base_max", "base_unit": "base_unit",
             "kind": "kind"}
GOLD_FIELDS = {
    "target": _QUANTITY,
    "achievement": _QUANTITY,
    "project": {"name": "project_name", "text": "source_text", "stage": "stage", "region": "region_name",
                "category": "category"},
    "portfolio": {"text": "source_text", "category": "category", "project_count": "project_count",
                  "total_investment": "total_investment", "annual_investment": "annual_investment"},
}
class GoldExportError(RuntimeError):
    """The export cannot be written as asked (a file would be overwritten)."""


def _plain(value):
    """800.0 -> 800 as the gold files write whole numbers; a DECIMAL column reads as a number; the rest as it is."""
    if isinstance(value, Decimal):
        value = float(value)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def gold_line(record_type: str, row: dict, year_column: str) -> dict:
    line = {"type": record_type}
    line.update({gold: _plain(row.get(column)) for gold, column in GOLD_FIELDS[record_type].items()})
    line["year"] = row.get(year_column)
    return line


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ? "
                       "and table_catalog = current_database()", [schema, table]).fetchone()[0] > 0


@dataclass
class CorrectedRecords:
    by_document: dict[str, list[dict]] = field(default_factory=dict)  # report file stem -> gold lines
    not_published: list[str] = field(default_factory=list)  # "table key": corrected, but in no published mart


def corrected_records(con: duckdb.DuckDBPyConnection) -> CorrectedRecords:
    """The gold lines of every corrected record, by document; empty without marts.review_corrections."""
    found = CorrectedRecords()
    if not _has_table(con, "marts", "review_corrections"):
        return found
    corrected = con.execute("select distinct table_name, record_key from marts.review_corrections "
                            "order by table_name, record_key").fetchall()
    stems = {key: Path(path).stem if path else key for key, path in
             con.execute("select document_key, source_path from marts.dim_document").fetchall()}
    regions = ("left join marts.dim_project p on m.project_key = p.project_key"
               if _has_table(con, "marts", "dim_project") else "")
    by_document: dict[str, list[dict]] = defaultdict(list)
    for table, key in corrected:
        if table not in RECORD_MARTS or not _has_table(con, "marts", table):
            found.not_published.append(f"{table} {key}")
            continue
        record_type, key_column, year_column = RECORD_MARTS[table]
        extra = ", p.region_name" if record_type == "project" and regions else ""
        cursor = con.execute(f"select m.*{extra} from marts.{table} m {regions if extra else ''} "
                             f"where m.{key_column} = ?", [key])
        columns = [d[0] for d in cursor.description]
        values = cursor.fetchone()
        if values is None:  # set aside by a check after the correction: review_quarantine says why
            found.not_published.append(f"{table} {key}")
            continue
        row = dict(zip(columns, values))
        by_document[stems.get(row["document_key"], row["document_key"])].append(gold_line(record_type, row, year_column))
    found.by_document = dict(by_document)
    return found


def gold_file_lines(lines: list[dict]) -> list[dict]:
    """Region lines first (one per distinct record span), then the records, as the guide orders them."""
    spans = list(dict.fromkeys(line["text"] for line in lines if line.get("text")))
    return [{"type": "region", "name": f"corrected-{n}", "text": text} for n, text in enumerate(spans, 1)] + lines


@dataclass(frozen=True)
class GoldExport:
    files: dict[Path, int]  # file written -> corrected records in it
    not_published: list[str]


def export_gold(snapshot: Path, out_dir: Path) -> GoldExport:
    """Write `<out_dir>/<stem>.jsonl` per document with corrected records."""
    with duckdb.connect(str(snapshot), read_only=True) as con:
        records = corrected_records(con)
    targets = {out_dir / f"{stem}.jsonl": lines for stem, lines in sorted(records.by_document.items())}
    existing = [str(p) for p in targets if p.exists()]
    if existing:  # a curated gold file is never overwritten by a review export
        raise GoldExportError(f"would overwrite {', '.join(existing)}: export into a new or empty folder")
    if targets:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path, lines in targets.items():
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in gold_file_lines(lines))
        path.write_text(text, encoding="utf-8")
    return GoldExport({path: len(lines) for path, lines in targets.items()}, records.not_published)
