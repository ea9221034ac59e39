"""Whole-corpus checks: nothing annotated is lost, and every text character maps home."""
from __future__ import annotations

import json
import re

import pytest

from flows.ingest import Document
from flows.ingest.mapped import MappedText
from flows.ingest.normalise import CHARACTER_TABLE, normalise_characters

from .conftest import CORPUS, REPORTS, ingested

GOLD_FILES = sorted((CORPUS / "gold").glob("*.jsonl"))


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", normalise_characters(MappedText.identity(text)).text)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.stem)
def test_every_gold_region_and_record_text_survives_ingestion(gold) -> None:  # type: ignore[no-untyped-def]
    doc = ingested(REPORTS / f"{gold.stem}.txt")
    text = re.sub(r"\s", "", doc.text)
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows
    missing = [row["text"][:30] for row in rows if row.get("text") and _squeezed(row["text"]) not in text]
    assert not missing


def test_every_text_character_maps_to_its_source_in_every_corpus_report(corpus_docs: dict[str, Document]) -> None:
    for name, doc in corpus_docs.items():
        assert len(doc.offset_map) == len(doc.text), name
        assert all(a < b for a, b in zip(doc.offset_map, doc.offset_map[1:])), name
        for ch, o in zip(doc.text, doc.offset_map):
            assert CHARACTER_TABLE.get(doc.original[o], doc.original[o]) == ch, (name, o)


def test_corpus_text_is_one_paragraph_a_line(corpus_docs: dict[str, Document]) -> None:
    for name, doc in corpus_docs.items():
        assert "\n\n" not in doc.text, name
        assert doc.text == doc.text.strip(), name
        assert not re.search(r"^ | $", doc.text, re.M), name
