"""Readers that query the published snapshot in a loop, as BI tools do, while runs publish.

Each reader is its own process, like a real BI tool: DuckDB refuses two differently configured
connections to one file inside one process, which says nothing about separate readers.
"""
from __future__ import annotations

import json
import multiprocessing
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

# One query reading several marts: if a reader ever saw half of one snapshot and half of another, the
# counts would match no published snapshot.
SIGNATURE_TABLES = ("dim_document", "fct_target", "fct_project_milestone", "fct_indicator_actual",
                    "review_quarantine", "fct_target_attainment")
SIGNATURE_SQL = "select " + ", ".join(f"(select count(*) from marts.{t})" for t in SIGNATURE_TABLES)


def signature(database: Path) -> tuple:
    with duckdb.connect(str(database), read_only=True) as con:
        return tuple(con.execute(SIGNATURE_SQL).fetchone())


def _duckdb_query(database: Path) -> tuple:
    """A plain read-only duckdb connection per query, as a notebook or script opens it."""
    return signature(database)


def _sqlalchemy_query(database: Path) -> tuple:
    """SQLAlchemy + duckdb-engine, read-only, a new connection per query (as a BI tool's pool recycles)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(f"duckdb:///{database}", connect_args={"read_only": True}, poolclass=NullPool)
    try:
        with engine.connect() as con:
            return tuple(con.execute(text(SIGNATURE_SQL)).one())
    finally:
        engine.dispose()


_QUERIES = {"duckdb": _duckdb_query, "sqlalchemy + duckdb-engine": _sqlalchemy_query}


def _loop(kind: str, database: str, stop, report: str) -> None:
    query, path = _QUERIES[kind], Path(database)
    queries, errors, seen = 0, [], {}
    while not stop.is_set():
        if not path.exists():
            time.sleep(0.05)
            continue
        try:
            signature_seen = query(path)
        except Exception as exc:  # every failure is counted and kept to be read
            errors.append(f"{type(exc).__name__}: {exc}"[:300])
        else:
            key = json.dumps(signature_seen)
            seen[key] = seen.get(key, 0) + 1
        queries += 1
        time.sleep(0.02)  # leave the CPU to the runs on a two-core machine
    Path(report).write_text(json.dumps({"queries": queries, "errors": errors, "seen": seen}), encoding="utf-8")


@dataclass
class ReaderLoop:
    """A reader process; after `stop()`, its queries, errors and the snapshots (signatures) it saw."""

    kind: str
    database: Path
    report: Path
    queries: int = 0
    errors: list[str] = field(default_factory=list)
    seen: dict[tuple, int] = field(default_factory=dict)

    def start(self) -> "ReaderLoop":
        context = multiprocessing.get_context("spawn")
        self._stop = context.Event()
        self._process = context.Process(target=_loop, args=(self.kind, str(self.database), self._stop, str(self.report)),
                                        daemon=True)
        self._process.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._process.join(timeout=60)
        result = json.loads(self.report.read_text(encoding="utf-8"))
        self.queries, self.errors = result["queries"], result["errors"]
        self.seen = {tuple(json.loads(k)): n for k, n in result["seen"].items()}

    def foreign(self, known: set[tuple]) -> int:
        """Reads that match no snapshot a run published."""
        return sum(n for signature_seen, n in self.seen.items() if signature_seen not in known)
