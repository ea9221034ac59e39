"""Helpers for extraction tests: the shared corpus (../shared/corpus) and hand-made documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.extract.quantities import extract_quantities
from flows.extract.records import Record
from flows.ingest import Document, ingest_bytes, ingest_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
REPORTS = CORPUS / "reports"
GOLD = CORPUS / "gold"

_docs: dict[Path, Document] = {}


def corpus_doc(stem: str) -> Document:
    """Corpus files are read-only: ingest each once per session."""
    path = REPORTS / f"{stem}.txt"
    if path not in _docs:
        if not path.exists():
            pytest.skip(f"corpus not available at {REPORTS}")
        _docs[path] = ingest_file(path)
    return _docs[path]


def gold_records(stem: str) -> list[dict]:
    path = GOLD / f"{stem}.jsonl"
    if not path.exists():
        pytest.skip(f"gold not available at {GOLD}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_doc(text: str, plan_year: int = 2025) -> Document:
    return ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": plan_year})


def quantities(text: str, plan_year: int = 2025, claimed: list[tuple[int, int]] | None = None) -> list[Record]:
    return extract_quantities(make_doc(text, plan_year), claimed or [])
