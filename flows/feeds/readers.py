"""Feed files -> header and rows of cells, as received: CSV, XLSX, JSON; UTF-8 or GB18030.

Readers do not judge values (contracts do); they only find the header and number every row the
way a person opening the file would count it: the line of a CSV, the row of a sheet, the
position (from 1) of an object in a JSON list. Lines starting with '#' before the header are
comments (sample files say there that they are synthetic).
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from datetime import date, datetime
from typing import Union

Cell = Union[str, int, float, bool, date, datetime, None]


@dataclass(frozen=True)
class RawRow:
    row_number: int
    cells: dict[str, Cell]  # header as written -> cell


@dataclass(frozen=True)
class RawTable:
    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    encoding: str


class UnreadableFile(ValueError):
    """The file as a whole cannot be read; the message is the quarantine reason."""


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


def read_table(path: Path) -> RawTable:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path.read_bytes())
    if suffix == ".xlsx":
        return read_xlsx(path)
    if suffix == ".json":
        return read_json(path.read_bytes())
    raise UnreadableFile(f"no reader for '{suffix}' files (CSV, XLSX and JSON are read)")


def read_csv(data: bytes) -> RawTable:
    text, encoding = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: list[RawRow] = []
    for fields in reader:
        line = reader.line_num
        if header is None:
            if not fields or not any(f.strip() for f in fields) or fields[0].lstrip().startswith("#"):
                continue
            header = [f.strip() for f in fields]
            continue
        if not any(f.strip() for f in fields):
            continue
        # A short row leaves its last columns empty; the contract then reports what is missing.
        cells: dict[str, Cell] = {h: (fields[i] if i < len(fields) else None) for i, h in enumerate(header)}
        if len(fields) > len(header):
            cells["__extra__"] = ",".join(fields[len(header):])
        rows.append(RawRow(row_number=line, cells=cells))
    if header is None:
        raise UnreadableFile("no header row found")
    return RawTable(header=tuple(header), rows=tuple(rows), encoding=encoding)


def read_xlsx(path: Path) -> RawTable:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a damaged archive
        raise UnreadableFile(f"not a readable XLSX workbook: {exc}") from exc
    try:
        sheet = book.worksheets[0]
        header: list[str] | None = None
        rows: list[RawRow] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values)
            filled = [c for c in cells if c is not None and str(c).strip() != ""]
            if header is None:
                if not filled or str(filled[0]).lstrip().startswith("#"):
                    continue
                header = [str(c).strip() if c is not None else "" for c in cells]
                continue
            if not filled:
                continue
            rows.append(RawRow(row_number=number, cells={h: cells[i] if i < len(cells) else None
                                                          for i, h in enumerate(header) if h}))
    finally:
        book.close()
    if header is None:
        raise UnreadableFile("no header row found in the first sheet")
    return RawTable(header=tuple(h for h in header if h), rows=tuple(rows), encoding="xlsx")


def read_json(data: bytes) -> RawTable:
    text, encoding = decode_text(data)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    items = parsed.get("rows") if isinstance(parsed, dict) else parsed
    if not isinstance(items, list):
        raise UnreadableFile("JSON must be a list of objects or an object with a 'rows' list")
    header: dict[str, None] = {}
    rows: list[RawRow] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rows.append(RawRow(row_number=number, cells={"__not_an_object__": json.dumps(item, ensure_ascii=False)}))
            continue
        cells: dict[str, Cell] = {}
        for key, value in item.items():
            header.setdefault(str(key))
            cells[str(key)] = value if isinstance(value, (str, int, float, bool)) or value is None else json.dumps(value, ensure_ascii=False)
        rows.append(RawRow(row_number=number, cells=cells))
    return RawTable(header=tuple(header), rows=tuple(rows), encoding=encoding)
