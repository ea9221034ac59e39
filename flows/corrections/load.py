"""Loading reviewers' corrections (`<warehouse>/corrections/*.csv`) into `raw.corrections`.

Every run reloads the whole folder in one transaction: the files are small, and a correction's
validity depends on the records it names (a `stage` fixes a project, not a target), which a
re-extraction may change. Rows that break the contract (contract.py) go to `raw.quarantine` with
file, line, column and reason; the file's good rows still load. No folder is no corrections.

Duplicates: two rows correcting the same field of the same record do not both apply. The latest
`corrected_on` wins (a tie goes to the later file name, then the later line); every other row is
quarantined naming the row that superseded it, so a reviewer sees the conflict and nothing is lost.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from flows.corrections.contract import SOURCE_KIND, Correction, Problem, check_row, header_problems
from flows.ingest.landing import is_inside
from flows.warehouse.raw_writes import insert_quarantine, insert_rows, transaction, utc_now


@dataclass(frozen=True)
class Located:
    source_file: str  # corrections/<name>.csv
    source_line: int  # line of the file the row ends on (the header is line 1)
    correction: Correction


@dataclass(frozen=True)
class Refusal:
    source_file: str
    line: int | None  # None: about the whole file
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class FileRead:
    rows_in: int
    good: list[Located]
    refused: list[Refusal]


@dataclass(frozen=True)
class CorrectionsLoad:
    files: int
    rows_in: int
    loaded: int
    refused: list[Refusal]

    @property
    def rows_refused(self) -> int:
        return sum(1 for r in self.refused if r.line is not None)

    def describe(self) -> str:
        notes = sum(1 for r in self.refused if r.line is None)
        return (f"corrections: {self.files} files; rows in {self.rows_in} = loaded {self.loaded} + quarantined "
                f"{self.rows_refused}" + (f"; {notes} file-level problem(s)" if notes else ""))


def _name(path: Path, folder: Path) -> str:
    return f"{folder.name}/{path.relative_to(folder).as_posix()}"


def correction_files(folder: Path) -> tuple[list[Path], list[Refusal]]:
    """CSV files to read, and what is refused unread: links leading out of the folder, other files."""
    if not folder.is_dir():
        return [], []
    files, refused = [], []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if not is_inside(path, folder):
            reason = ("refused: a symbolic link leading outside the corrections folder; only files inside it are "
                      "read. Copy the file into the folder instead")
        elif path.is_dir():
            reason = "a folder inside the corrections folder is not read: put corrections files directly in it"
        elif path.suffix.lower() != ".csv":
            reason = "not a .csv file, so not read: corrections are CSV files with the columns of the contract"
        else:
            files.append(path)
            continue
        refused.append(Refusal(_name(path, folder), None, (Problem(None, reason),)))
    return files, refused


def read_corrections(path: Path, source_file: str, record_types: dict[str, str]) -> FileRead:
    """One file's rows, checked; `record_types` maps every record key in raw.records to its type."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return FileRead(0, [], [Refusal(source_file, None, (Problem(None, f"not UTF-8 text ({exc.reason} at byte "
                                                                          f"{exc.start}); save the file as UTF-8"),))])
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        return FileRead(0, [], [])
    missing, unknown = header_problems(header)
    if missing:
        return FileRead(0, [], [Refusal(source_file, None, tuple(missing))])
    refused = [Refusal(source_file, None, (p,)) for p in unknown]
    names = [h.strip() for h in header]
    good, rows_in = [], 0
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue  # a blank line is no row
        rows_in += 1
        line = reader.line_num  # lines read so far, the header included: this row ends on it
        if len(cells) > len(names):
            refused.append(Refusal(source_file, line, (Problem(None, f"{len(cells)} cells but {len(names)} columns "
                                                                     f"(a comma in a value needs quotes)"),)))
            continue
        row = dict(zip(names, cells))
        key = (row.get("record_key") or "").strip()
        correction, problems = check_row(row, record_types.get(key))
        if correction is None:
            refused.append(Refusal(source_file, line, tuple(problems)))
        else:
            good.append(Located(source_file, line, correction))
    return FileRead(rows_in, good, refused)


def resolve_duplicates(rows: list[Located]) -> tuple[list[Located], list[Refusal]]:
    """One correction per record and field: the latest applies, the others are refused naming it."""
    by_target: dict[tuple[str, str], list[Located]] = {}
    for row in rows:
        by_target.setdefault((row.correction.record_key, row.correction.field), []).append(row)
    kept, refused = [], []
    for (key, field), group in by_target.items():
        group.sort(key=lambda r: (r.correction.corrected_on, r.source_file, r.source_line))
        winner = group[-1]
        kept.append(winner)
        for row in group[:-1]:
            refused.append(Refusal(row.source_file, row.source_line, (Problem(
                "record_key", f"duplicate correction of {field} for record {key}: superseded by "
                              f"{winner.source_file} line {winner.source_line} (corrected_on "
                              f"{winner.correction.corrected_on}), the later one, which applies", key),)))
    return sorted(kept, key=lambda r: (r.source_file, r.source_line)), refused


def load_corrections(con: duckdb.DuckDBPyConnection, folder: Path) -> CorrectionsLoad:
    """Replace raw.corrections and the corrections' quarantine rows with what the folder holds now."""
    record_types = dict(con.execute("select record_id, type from raw.records").fetchall())
    files, refused = correction_files(folder)
    good, rows_in, hashes = [], 0, {}
    for path in files:
        source_file = _name(path, folder)
        hashes[source_file] = hashlib.sha256(path.read_bytes()).hexdigest()
        read = read_corrections(path, source_file, record_types)
        rows_in += read.rows_in
        good += read.good
        refused += read.refused
    kept, superseded = resolve_duplicates(good)
    refused += superseded
    now = utc_now()
    rows = [{"source_file": r.source_file, "source_line": r.source_line, "file_hash": hashes[r.source_file],
             **asdict(r.correction), "loaded_at": now} for r in kept]
    with transaction(con):
        con.execute("delete from raw.corrections")
        con.execute("delete from raw.quarantine where source_kind = ?", [SOURCE_KIND])
        insert_rows(con, "raw.corrections", rows)
        for refusal in refused:
            problems = refusal.problems
            insert_quarantine(
                con, SOURCE_KIND, refusal.source_file, hashes.get(refusal.source_file),
                "; ".join(p.reason for p in problems), now, row_number=refusal.line,
                column_name=",".join(dict.fromkeys(p.column for p in problems if p.column)) or None,
                raw_value="; ".join(p.raw_value for p in problems if p.raw_value) or None)
    return CorrectionsLoad(files=len(files), rows_in=rows_in, loaded=len(kept), refused=refused)
