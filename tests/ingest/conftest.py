from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest import Document, ingest_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
REPORTS = CORPUS / "reports"
REPORT_FILES = sorted(REPORTS.glob("*.txt"))
LISHUI = REPORTS / "lishui_2025_plan_report_part2.txt"

_cache: dict[Path, Document] = {}


def ingested(path: Path) -> Document:
    """Corpus documents are read-only, so each is ingested once per test session."""
    if path not in _cache:
        _cache[path] = ingest_file(path)
    return _cache[path]


@pytest.fixture(scope="session")
def lishui() -> Document:
    return ingested(LISHUI)


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, Document]:
    if not REPORT_FILES:
        pytest.fail(f"corpus not found at {REPORTS}")
    return {p.stem: ingested(p) for p in REPORT_FILES}
