"""A target as a target-versus-actual table writes it (增长6%以上, 控制在3%以内, 与经济增长基本同步),
read by the same extraction library that reads the reports."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ParsedTarget:
    indicator: str | None
    comparator: str | None
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str | None
    value_base: float | None
    base_unit: str | None
    kind: str | None

    def as_columns(self) -> dict[str, object]:
        return {f"target_{k}": v for k, v in vars(self).items()}


EMPTY_TARGET = ParsedTarget(None, None, None, None, None, None, None, None, None)


def parse_target_text(indicator: str, target_text: str) -> ParsedTarget:
    """The table's cell alone lacks its subject, so the extractor reads `indicator + target_text`."""
    from flows.extract import extract_document
    from flows.ingest import ingest_bytes

    sentence = target_text if target_text.startswith(indicator) else f"{indicator}{target_text}"
    doc_id = "target-" + hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12]
    records = extract_document(ingest_bytes(f"{sentence}。".encode("utf-8"), doc_id=doc_id))
    figures = [r for r in records if r.type in ("target", "achievement")]
    if not figures:
        return EMPTY_TARGET
    r = figures[0]
    return ParsedTarget(r.indicator, r.comparator, r.value, r.value_min, r.value_max, r.unit,
                        r.value_base, r.base_unit, r.kind)
