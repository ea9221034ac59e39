"""Loading feed files into `raw.feed_*`: idempotent by file hash, one transaction per file.

The same file twice changes nothing; a changed file replaces every row (and quarantine record) it
had; a file gone from the landing directory takes its rows with it. Rows that break the feed's
contract go to `raw.quarantine` with file, row number, column and reason, and the rest of the
file loads: for every file, rows in = rows loaded + rows quarantined.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

import duckdb

from flows.feeds.checks import CheckedRow, check_header, check_row
from flows.feeds.contracts import CONTRACTS, RELEASE_ARTICLES, TARGET_ACTUALS, FeedContract
from flows.feeds.periods import year_in_name
from flows.feeds.raw_schema import ensure_feed_schema, table_columns
from flows.feeds.readers import UnreadableFile, read_table
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
                  if p.is_file() and p.suffix.lower() in contract.formats and not p.name.startswith("."))


def unclaimed_files(feeds_dir: Path, claimed: set[Path]) -> list[Path]:
    """Data files outside every feed's folder: reported, since a feed dropped there would go unseen."""
    if not feeds_dir.is_dir():
        return []
    formats = {f for c in CONTRACTS for f in c.formats}
    return sorted(p for p in feeds_dir.rglob("*") if p.is_file() and p.suffix.lower() in formats
                  and not p.name.startswith(".") and p not in claimed)


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
    feeds_dir = Path(feeds_dir)
    rows = con.execute(f"select {', '.join(_LoadedFile._fields)} from raw.feed_files").fetchall()
    known = {row.file_path: row for row in map(_LoadedFile._make, rows)}
    results: list[FeedFileResult] = []
    claimed: set[Path] = set()
    for contract in CONTRACTS:
        version = reader_version(contract)
        for path in feed_files(feeds_dir, contract):
            claimed.add(path)
            rel = path.relative_to(feeds_dir).as_posix()
            file_hash = file_sha256(path)
            previous = known.get(rel)
            if previous is not None and (previous.file_hash, previous.feed, previous.reader_version) == (
                    file_hash, contract.name, version):
                results.append(previous.unchanged())
            else:
                results.append(_load_file(con, contract, path, rel, file_hash, version, run_id,
                                          replacing=previous is not None))
    for path in unclaimed_files(feeds_dir, claimed):
        results.append(_record_unclaimed(con, path, path.relative_to(feeds_dir).as_posix(), run_id))
    seen = {result.file_path for result in results}
    for rel, previous in sorted(known.items()):
        if rel not in seen:
            _delete_file(con, rel, previous.feed)
            results.append(FeedFileResult(rel, previous.feed, "removed", 0, 0, 0))
    return FeedLoadSummary(files=tuple(results))


def check_file(contract: FeedContract, path: Path) -> tuple[str, list[CheckedRow]]:
    """(encoding, checked rows) of one file; raises UnreadableFile when it cannot be read at all."""
    default_year = year_in_name(path.name)
    if contract is RELEASE_ARTICLES:
        from flows.feeds.articles import article_rows

        return article_rows(path.read_bytes(), path.suffix.lower(), default_year)
    table = read_table(path)
    header = check_header(contract, table.header)
    rows = [check_row(contract, raw, header, default_year) for raw in table.rows]
    if contract is TARGET_ACTUALS:
        rows = [_with_parsed_target(r) for r in rows]
    return table.encoding, rows


def _with_parsed_target(row: CheckedRow) -> CheckedRow:
    if not row.ok:
        return row
    from flows.feeds.target_text import parse_target_text

    parsed = parse_target_text(str(row.values["indicator"]), str(row.values["target_text"]))
    return CheckedRow(row.row_number, {**row.values, **parsed.as_columns()}, row.problems)


def _load_file(con: duckdb.DuckDBPyConnection, contract: FeedContract, path: Path, rel: str,
               file_hash: str, version: str, run_id: str, replacing: bool) -> FeedFileResult:
    now = utc_now()
    try:
        encoding, rows = check_file(contract, path)
        error = None
    except UnreadableFile as exc:
        encoding, rows, error = None, [], str(exc)
    good = [r for r in rows if r.ok]
    bad = [r for r in rows if not r.ok]
    columns = table_columns()[contract.table]
    provenance = {"file_path": rel, "file_hash": file_hash, "run_id": run_id, "loaded_at": now}
    batch_rows = [{c: ({**r.values, **provenance, "row_number": r.row_number}).get(c) for c in columns} for r in good]
    with transaction(con):
        _delete_rows(con, rel, contract)
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
        con.execute("insert into raw.feed_files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [rel, contract.name, file_hash, encoding, len(rows), len(good), len(bad), error, version,
                     run_id, now])
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
        con.execute("insert into raw.feed_files values (?, ?, ?, null, 0, 0, 0, ?, ?, ?, ?)",
                    [rel, UNCLAIMED, file_hash, reason, UNCLAIMED, run_id, now])
    return FeedFileResult(rel, UNCLAIMED, "unreadable", 0, 0, 0, reason)


def _delete_rows(con: duckdb.DuckDBPyConnection, rel: str, contract: FeedContract | None) -> None:
    if contract is not None:
        con.execute(f"delete from raw.{contract.table} where file_path = ?", [rel])
    con.execute("delete from raw.quarantine where file_path = ? and source_kind like 'feed:%'", [rel])
    con.execute("delete from raw.feed_files where file_path = ?", [rel])


def _delete_file(con: duckdb.DuckDBPyConnection, rel: str, feed: str) -> None:
    with transaction(con):
        _delete_rows(con, rel, next((c for c in CONTRACTS if c.name == feed), None))
