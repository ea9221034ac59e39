"""Record keys: what names a record in the warehouse, and in reviewers' corrections.

The key lives with the extractor so that a change of how records are keyed changes the extractor's
content version (version.py), and every loaded document is reloaded under the new keys.
"""
from __future__ import annotations

import hashlib

from flows.extract.records import Record


def record_ids(doc_id: str, records: list[Record]) -> list[str]:
    """Keys that survive re-extraction: a record is known by its document, type and where its span starts.

    Reviewers' corrections name records by these keys, so an improved extractor that reads a figure's
    end, value or indicator differently must not change them. Records of one document and type that
    start at the same offset (a 分别 list) get an ordinal, in order of span end, then label, then value,
    so the same extraction always numbers them the same way. Returned in the order of `records`.
    """
    def tie_break(i: int) -> tuple:
        r = records[i]
        label = r.indicator or r.name or r.category or ""
        values = tuple("" if v is None else repr(v) for v in (r.value_base, r.value_base_min, r.value_base_max))
        return (r.end, label, values, i)

    groups: dict[tuple[str, int], list[int]] = {}
    for i, r in enumerate(records):
        groups.setdefault((r.type, r.start), []).append(i)
    ids = [""] * len(records)
    for (record_type, start), members in groups.items():
        for ordinal, i in enumerate(sorted(members, key=tie_break)):
            key = f"{doc_id}|{record_type}|{start}" + (f"|{ordinal}" if ordinal else "")
            ids[i] = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    return ids
