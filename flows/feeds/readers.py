"""Feed files -> a DuckDB staging table of text cells, as received: CSV, XLSX, JSON; UTF-8 or GB18030.

Readers do not judge values (contracts do, in SQL: checks.py); they find the header and stage every
row as text, numbered the way a person opening the file would count it: the line of a CSV, the row
of a sheet, the position (from 1) of an object in a JSON list. Lines starting with '#' before the
header are comments (sample files say there that they are synthetic).

The staging relation `feed_stage` (temporary, one file at a time) has `row_number`, one VARCHAR
column `c0 … cN` per header column, and `notes`: problems only the reader can see (a row with more
cells than the header, a formula without a computed value), in the shape the checks report problems.
It is a table, or for a CSV whose every record is a row, a view numbering the rows of `feed_read`
(the file as DuckDB read it on every thread); `drop_stage` drops either.

CSV is read by DuckDB's own reader; a GB18030 file is first re-encoded to UTF-8 in blocks, since
DuckDB reads UTF-8 only. A file DuckDB cannot number exactly (blank lines or line breaks inside
quoted cells shift its lines) is staged by Python's csv module in batches instead. XLSX goes through
openpyxl in read-only mode, in batches (DuckDB's excel extension is not installed offline); JSON
through DuckDB's JSON reader. Nothing holds a whole file in Python objects.
"""
from __future__ import annotations

import codecs
import csv
import json
import os
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pyarrow as pa

from flows.feeds.contracts import FeedContract
from flows.warehouse.connection import setting_while

STAGE = "feed_stage"
_READ = "feed_read"  # a CSV as DuckDB read it, when `feed_stage` is a view numbering its rows
BATCH_ROWS = 50_000
_BLOCK = 1 << 20
NOTE_TYPE = 'STRUCT("column" VARCHAR, reason VARCHAR, raw_value VARCHAR)'
_NOTE_ARROW = pa.list_(pa.struct([("column", pa.string()), ("reason", pa.string()), ("raw_value", pa.string())]))


class UnreadableFile(ValueError):
    """The file as a whole cannot be read; the message is the quarantine reason."""


@dataclass(frozen=True)
class StagedFile:
    header: tuple[str, ...]  # as written; column i of the header is staging column c{i}
    encoding: str
    rows: int  # rows staged (blank rows excluded)


def decode_text(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) when it decodes, else GB18030 — the two encodings feeds come in."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"neither UTF-8 nor GB18030: undecodable byte at offset {exc.start}") from exc


def stage_file(con: duckdb.DuckDBPyConnection, path: Path, contract: FeedContract,
               scratch: Path | None = None) -> StagedFile:
    """Stage one feed file into `feed_stage`; raises UnreadableFile when it cannot be read at all.

    The contract tells the XLSX reader which column holds the period (a date cell there stands for
    its month) and names the column of a formula cell; `scratch` holds re-encoded copies meanwhile.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return stage_csv(con, path, scratch)
    if suffix == ".xlsx":
        return stage_xlsx(con, path, contract)
    if suffix == ".json":
        return stage_json(con, path, scratch)
    raise UnreadableFile(f"no reader for '{suffix}' files (CSV, XLSX and JSON are read)")


# --- encodings -------------------------------------------------------------------------------------

def _file_encoding(path: Path) -> str:
    """'utf-8' when every byte decodes as UTF-8, else 'gb18030' when the file decodes as that, in blocks."""
    for encoding in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(_BLOCK), b""):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError as exc:
            last = exc
    raise UnreadableFile(f"neither UTF-8 nor GB18030: undecodable bytes ({last.reason})")


def _utf8_copy(path: Path, encoding: str, scratch: Path) -> Path:
    """`path` re-encoded as UTF-8 into `scratch`, block by block (DuckDB reads UTF-8 only)."""
    fd, name = tempfile.mkstemp(suffix=".csv", dir=scratch)
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as source, os.fdopen(fd, "wb") as target:
        for block in iter(lambda: source.read(_BLOCK), b""):
            target.write(decoder.decode(block).encode("utf-8"))
        target.write(decoder.decode(b"", final=True).encode("utf-8"))
    return Path(name)


# --- CSV -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _CsvLayout:
    header: tuple[str, ...]
    header_line: int  # physical line of the header (1-based); data starts on the next line
    counted: Future[int]  # physical lines up to the last one holding anything, counted on a thread of its own

    @property
    def content_lines(self) -> int:
        return self.counted.result()


_HEAD = 1 << 18


def _head_encoding(path: Path) -> str:
    """'utf-8' when the file's first 256 kB decode as UTF-8 (DuckDB rejects any later bad line), else
    'gb18030' when the whole file decodes as that."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _HEAD)
        return "utf-8"
    except UnicodeDecodeError:
        return _file_encoding(path)


def _csv_layout(path: Path, counting: ThreadPoolExecutor) -> _CsvLayout:
    """The header (first non-blank, non-comment row) and the number of lines holding anything.

    Only the lines up to the header are read as text; the lines are counted on the bytes, on the
    `counting` thread, while DuckDB reads the file.
    """
    header: tuple[str, ...] | None = None
    header_line = 0
    with path.open("r", encoding="utf-8-sig", newline="", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            fields = next(csv.reader([line]))
            if any(f.strip() for f in fields) and not fields[0].lstrip().startswith("#"):
                header, header_line = tuple(f.strip() for f in fields), number
                break
    if header is None:
        raise UnreadableFile("no header row found")
    return _CsvLayout(header, header_line, counting.submit(_content_lines, path))


def _content_lines(path: Path) -> int:
    newlines = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            newlines += block.count(b"\n")
        size = handle.tell()
        handle.seek(max(0, size - _BLOCK))
        tail = handle.read()
    content = tail.rstrip(b" \t\r\n\x0b\x0c")
    trailing = tail[len(content):].count(b"\n")
    return newlines - trailing + 1


def stage_csv(con: duckdb.DuckDBPyConnection, path: Path, scratch: Path | None = None) -> StagedFile:
    encoding = _head_encoding(path)
    with (tempfile.TemporaryDirectory(dir=scratch, prefix="planwatch-feed-") as tmp,
          ThreadPoolExecutor(max_workers=1, thread_name_prefix="feed-lines") as counting):
        source = path if encoding == "utf-8" else _utf8_copy(path, encoding, Path(tmp))
        layout = _csv_layout(source, counting)
        staged = _stage_csv_duckdb(con, source, layout)
        if staged == "not utf-8":
            # A bad byte past the head: the whole file decides (GB18030), else the bad lines are quarantined.
            encoding = _file_encoding_or_utf8(path)
            if encoding != "utf-8":
                source = _utf8_copy(path, encoding, Path(tmp))
                layout = _csv_layout(source, counting)
                staged = _stage_csv_duckdb(con, source, layout)
            else:
                staged = _stage_csv_duckdb(con, source, layout, accept_bad_lines=True)
        if not staged:
            _stage_csv_python(con, source, layout)
    rows = con.execute(f"select count(*) from {STAGE}").fetchone()[0]
    return StagedFile(header=layout.header, encoding=encoding, rows=rows)


def _file_encoding_or_utf8(path: Path) -> str:
    try:
        return _file_encoding(path)
    except UnreadableFile:
        return "utf-8"


def _stage_csv_duckdb(con: duckdb.DuckDBPyConnection, path: Path, layout: _CsvLayout,
                      accept_bad_lines: bool = False) -> bool | str:
    """Stage with DuckDB's reader; False (nothing staged) when its rows cannot be numbered by line.

    DuckDB numbers records, not lines: record i is line header_line + i as long as no line is blank
    and no quoted cell holds a line break, which holds when the records (staged and rejected) add up
    to the lines after the header. Rows it rejects (more cells than the header) are re-read from
    their line by Python's csv module, so they are checked like any other row.

    The file is read on every thread into `feed_read`, in the file's order (DuckDB keeps a CSV's
    order into the table it creates, and a table's `rowid` is that order: both documented, "Order
    Preservation"). Record i is then row `rowid` i - 1, so a file whose every record is a row (the
    usual case) is staged as a view numbering `feed_read`'s rows, without a second copy; reading
    `with ordinality` instead ran the whole read on one thread (issue 11).
    """
    width = len(layout.header)
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
    cells = ", ".join(f"c{i}" for i in range(width))
    drop_stage(con)
    con.execute("drop table if exists feed_rejects; drop table if exists feed_reject_scans")
    reader = (f"read_csv(?, header = false, skip = {layout.header_line}, columns = {columns}, auto_detect = false, "
              "delim = ',', quote = '\"', escape = '\"', null_padding = true, store_rejects = true, "
              "rejects_table = 'feed_rejects', rejects_scan = 'feed_reject_scans')")
    try:
        # Insertion order kept while the CSV is read (DuckDB's default): the rows' `rowid` is then their record.
        with setting_while(con, "preserve_insertion_order", True):
            con.execute(f"create temp table {_READ} as select {cells} from {reader}", [str(path)])
    except duckdb.Error:
        # e.g. quoted line breaks with padded short rows: the parallel reader refuses; Python reads it.
        drop_stage(con)
        return False
    rejected = con.execute("select line, first(csv_line order by error_type), first(error_type order by error_type) "
                           "from feed_rejects group by line order by line").fetchall()
    con.execute("drop table if exists feed_rejects; drop table if exists feed_reject_scans")
    if not accept_bad_lines and any(error_type == "INVALID ENCODING" for _, _, error_type in rejected):
        drop_stage(con)
        return "not utf-8"
    records = con.execute(f"select count(*) from {_READ}").fetchone()[0]
    if layout.header_line + records + len(rejected) != layout.content_lines:
        drop_stage(con)
        return False
    # Record i (from 1) is line header_line + i: rowid i - 1.
    numbered = (f"select (rowid + {layout.header_line + 1})::integer as row_number, {cells}, "
                f"null::{NOTE_TYPE}[] as notes from {_READ}")
    # A line of empty cells (,,,) is no row, as in a spreadsheet.
    empty = f"coalesce({cells}) is null"
    if not rejected and not con.execute(f"select count(*) from {_READ} where {empty}").fetchone()[0]:
        con.execute(f"create temp view {STAGE} as {numbered}")
        return True
    con.execute(f"create temp table {STAGE} as {numbered}; drop table {_READ}")
    if rejected:
        # Record i sits on line header_line + i plus one for every rejected line before it.
        lines = pa.table({"line": pa.array([r[0] for r in rejected], pa.int64())})
        from_arrow(con, f"""
            update {STAGE} s set row_number = s.row_number + j.skipped
            from (select r.row_number, max(x.skipped) as skipped
                  from {STAGE} r join (select line - {layout.header_line} - row_number() over (order by line) as before,
                                              row_number() over (order by line) as skipped from feed_arrow) x
                  on r.row_number - {layout.header_line} > x.before group by r.row_number) j
            where s.row_number = j.row_number
        """, lines)
    con.execute(f"delete from {STAGE} where {empty}")
    if rejected:
        append_rows(con, width, _reparsed_lines(rejected, layout.header))
    return True


def _reparsed_lines(rejected: list[tuple], header: tuple[str, ...]) -> Iterator[tuple[int, list, list]]:
    for line, text, error_type in rejected:
        fields = next(csv.reader([text]), [])
        if error_type == "TOO MANY COLUMNS":
            yield _csv_row(line, fields, header)
        else:
            why = ("its bytes are not valid UTF-8 (and the file as a whole is not GB18030)"
                   if error_type == "INVALID ENCODING" else error_type.lower())
            note = {"column": "", "reason": f"the CSV reader could not read this line: {why}",
                    "raw_value": text}
            yield line, [None] * len(header), [note]


def _csv_row(line: int, fields: list[str], header: tuple[str, ...]) -> tuple[int, list, list]:
    # A short row leaves its last columns empty; the contract then reports what is missing.
    cells = [fields[i] if i < len(fields) else None for i in range(len(header))]
    notes = []
    if len(fields) > len(header):
        notes.append({"column": "", "reason": "row has more cells than the header has columns",
                      "raw_value": ",".join(fields[len(header):])})
    return line, cells, notes


def _stage_csv_python(con: duckdb.DuckDBPyConnection, path: Path, layout: _CsvLayout) -> None:
    """Stage with Python's csv module, numbering each row by the line it starts on, in batches."""

    def rows() -> Iterator[tuple[int, list, list]]:
        with path.open("r", encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            last_line = 0
            for fields in reader:
                start, last_line = last_line + 1, reader.line_num
                if start <= layout.header_line or not any(fields):
                    continue
                yield _csv_row(start, fields, layout.header)

    create_stage(con, len(layout.header))
    append_rows(con, len(layout.header), rows())


# --- staging in batches ----------------------------------------------------------------------------

def create_stage(con: duckdb.DuckDBPyConnection, width: int) -> None:
    drop_stage(con)
    cells = ", ".join(f"c{i} varchar" for i in range(width))
    con.execute(f"create temp table {STAGE} (row_number integer, {cells}{',' if width else ''} "
                f"notes {NOTE_TYPE}[])")


def drop_stage(con: duckdb.DuckDBPyConnection) -> None:
    """Drop `feed_stage`, a table or a view over `feed_read`, and `feed_read`."""
    is_view = con.execute("select count(*) from duckdb_views() where temporary and view_name = ?", [STAGE]).fetchone()[0]
    con.execute(f"drop {'view' if is_view else 'table'} if exists {STAGE}; drop table if exists {_READ}")


def append_rows(con: duckdb.DuckDBPyConnection, width: int, rows: Iterable[tuple[int, list, list]]) -> None:
    """Append (row number, cells as text, notes) to the staging table, BATCH_ROWS at a time."""
    batch: list[tuple[int, list, list]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            _append(con, width, batch)
            batch = []
    if batch:
        _append(con, width, batch)


def _append(con: duckdb.DuckDBPyConnection, width: int, batch: list[tuple[int, list, list]]) -> None:
    arrays = [pa.array([r[0] for r in batch], pa.int32())]
    arrays += [pa.array([r[1][i] for r in batch], pa.string()) for i in range(width)]
    arrays.append(pa.array([r[2] or None for r in batch], _NOTE_ARROW))
    names = ["row_number", *(f"c{i}" for i in range(width)), "notes"]
    from_arrow(con, f"insert into {STAGE} select * from feed_arrow", pa.Table.from_arrays(arrays, names=names))


def from_arrow(con: duckdb.DuckDBPyConnection, statement: str, table: pa.Table) -> None:
    """Run `statement`, which reads the Arrow table as `feed_arrow`."""
    con.register("feed_arrow", table)
    try:
        con.execute(statement)
    finally:
        con.unregister("feed_arrow")


# --- XLSX ------------------------------------------------------------------------------------------

def cell_text(cell: object, is_period: bool = False) -> str | None:
    """A spreadsheet or JSON cell as text: a date in a period column stands for its month."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, (date, datetime)) and is_period:
        return f"{cell.year}-{cell.month:02d}"
    if isinstance(cell, float) and is_period and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, (datetime, date, time)):
        return cell.isoformat()
    return str(cell)


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of every merged range of the sheet (1-based)."""
    from openpyxl.utils.cell import range_boundaries

    ranges = []
    for text in _merged_refs(sheet):
        min_col, min_row, max_col, max_row = range_boundaries(text)
        ranges.append((min_row, min_col, max_row, max_col))
    return ranges


def _merged_refs(sheet) -> list[str]:
    """Merged-cell references read from the sheet's XML in a streaming parse (read-only sheets lack them)."""
    from xml.etree.ElementTree import iterparse

    refs: list[str] = []
    archive = sheet.parent._archive
    with archive.open(sheet._worksheet_path) as xml:
        for _, element in iterparse(xml, events=("end",)):
            if element.tag.endswith("}mergeCell"):
                refs.append(element.get("ref"))
            element.clear()
    return refs


def stage_xlsx(con: duckdb.DuckDBPyConnection, path: Path, contract: FeedContract) -> StagedFile:
    from openpyxl import load_workbook

    try:
        values_book = load_workbook(path, read_only=True, data_only=True)
        formulas_book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises several types for a damaged archive
        raise UnreadableFile(f"not a readable XLSX workbook: {exc}") from exc
    try:
        values_sheet, formulas_sheet = values_book.worksheets[0], formulas_book.worksheets[0]
        merged = _merged_ranges(values_sheet)
        header: tuple[str, ...] | None = None
        names: dict[int, str] = {}
        batch: list[tuple[int, list, list]] = []
        # (row, column) -> value of its merged range's first cell, dropped once the row is read.
        fill: dict[tuple[int, int], object] = {}
        rows = zip(values_sheet.iter_rows(values_only=True), formulas_sheet.iter_rows(values_only=True))
        for number, (values, formulas) in enumerate(rows, start=1):
            cells = _filled_down(number, list(values), merged, fill)
            filled = [c for c in cells if c is not None and str(c).strip() != ""]
            if header is None:
                if not filled or str(filled[0]).lstrip().startswith("#"):
                    continue
                while cells and (cells[-1] is None or str(cells[-1]).strip() == ""):
                    cells.pop()
                header = tuple(str(c).strip() if c is not None else "" for c in cells)
                names = _column_names(contract, header)
                create_stage(con, len(header))
                continue
            notes = _formula_notes(number, cells, list(formulas), header, names)
            if not filled and not notes:
                continue
            texts = [cell_text(cells[i] if i < len(cells) else None, names.get(i) == "period")
                     for i in range(len(header))]
            batch.append((number, texts, notes))
            if len(batch) >= BATCH_ROWS:
                _append(con, len(header), batch)
                batch = []
        if header is None:
            raise UnreadableFile("no header row found in the first sheet")
        if batch:
            _append(con, len(header), batch)
    finally:
        values_book.close()
        formulas_book.close()
    count = con.execute(f"select count(*) from {STAGE}").fetchone()[0]
    return StagedFile(header=header, encoding="xlsx", rows=count)


def _column_names(contract: FeedContract, header: tuple[str, ...]) -> dict[int, str]:
    from flows.feeds.checks import check_header

    return check_header(contract, header).positions_to_columns()


def _filled_down(number: int, cells: list, merged: list[tuple[int, int, int, int]],
                 fill: dict[tuple[int, int], object]) -> list:
    """A merged range shows its first cell's value in every cell it covers; openpyxl gives the others None."""
    for first_row, first_col, last_row, last_col in merged:
        if number == first_row:
            top_left = cells[first_col - 1] if first_col - 1 < len(cells) else None
            for r in range(first_row, last_row + 1):
                for c in range(first_col, last_col + 1):
                    if (r, c) != (first_row, first_col):
                        fill[(r, c)] = top_left
    for (r, c) in [key for key in fill if key[0] == number]:
        value = fill.pop((r, c))
        while len(cells) < c:
            cells.append(None)
        if cells[c - 1] is None:
            cells[c - 1] = value
    return cells


def _formula_notes(number: int, values: list, formulas: list, header: tuple[str, ...],
                   names: dict[int, str]) -> list[dict]:
    """A formula saved without its computed value reads as an empty cell: name the formula instead."""
    from openpyxl.utils import get_column_letter

    notes = []
    for i, formula in enumerate(formulas[: len(header)]):
        value = values[i] if i < len(values) else None
        if value is None and isinstance(formula, str) and formula.startswith("="):
            notes.append({"column": names.get(i, header[i]),
                          "reason": f"cell {get_column_letter(i + 1)}{number} holds the formula {formula} but no "
                                    "computed value (the file was saved without calculating it: open it in a "
                                    "spreadsheet program and save it again)",
                          "raw_value": formula})
    return notes


# --- JSON ------------------------------------------------------------------------------------------

def stage_json(con: duckdb.DuckDBPyConnection, path: Path, scratch: Path | None = None) -> StagedFile:
    """A list of objects, or an object with a 'rows' list; row i is the i-th entry (from 1)."""
    encoding = _file_encoding(path)
    with tempfile.TemporaryDirectory(dir=scratch, prefix="planwatch-feed-") as tmp:
        source = str(path if encoding == "utf-8" else _utf8_copy(path, encoding, Path(tmp)))
        reader = "read_json_objects(?, format = 'unstructured', maximum_object_size = 1073741824)"
        try:
            shape = con.execute(f"select json_type(json), json_type(json -> '$.rows') from {reader}",
                                [source]).fetchall()
            if len(shape) != 1 or "ARRAY" not in shape[0]:
                raise UnreadableFile("JSON must be a list of objects or an object with a 'rows' list")
            entries = "'$[*]'" if shape[0][0] == "ARRAY" else "'$.rows[*]'"
            con.execute(f"""
                create or replace temp table feed_json_entries as
                select e.ordinality::integer as row_number, e.entry
                from {reader} as doc, unnest(json_extract(doc.json, {entries})) with ordinality as e(entry, ordinality)
            """, [source])
        except duckdb.Error as exc:
            raise UnreadableFile(f"invalid JSON: {_first_line(str(exc))}") from exc
    keys = [k for (k,) in con.execute("""
        select key from (select unnest(json_keys(entry)) as key, row_number from feed_json_entries
                         where json_type(entry) = 'OBJECT')
        group by key order by min(row_number), key
    """).fetchall()]
    header = tuple(keys)
    cells = "".join(f"json_extract_string(entry, {_json_path(k)}) as c{i}, " for i, k in enumerate(keys))
    note = (f"case when json_type(entry) <> 'OBJECT' then [{{'column': '', 'reason': 'entry is not an object of "
            f"column: value pairs', 'raw_value': entry::varchar}}] end::{NOTE_TYPE}[]")
    drop_stage(con)
    con.execute(f"create temp table {STAGE} as select row_number, {cells}{note} as notes "
                f"from feed_json_entries")
    con.execute("drop table if exists feed_json_entries")
    count = con.execute(f"select count(*) from {STAGE}").fetchone()[0]
    return StagedFile(header=header, encoding=encoding, rows=count)


def _json_path(key: str) -> str:
    return "'$." + json.dumps(key, ensure_ascii=False).replace("'", "''") + "'"


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message


