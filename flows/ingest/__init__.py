"""Ingestion: bytes of a report file -> `Document` (decoded, normalised, cleaned, re-joined, sectioned).

PROVISIONAL minimal implementation so that extraction can be developed against real text; the
ingestion owner replaces the internals but keeps `ingest_file` / `ingest_bytes` and `Document`.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from typing import Any, Mapping

from flows.ingest.document import Document, DocumentMetadata, Section
from flows.ingest.metadata import apply_override, detect_metadata, read_sidecar

__all__ = ["Document", "DocumentMetadata", "Section", "ingest_bytes", "ingest_file"]

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%", "．": "."})


def ingest_bytes(
    data: bytes,
    doc_id: str,
    source_path: str = "",
    *,
    metadata: Mapping[str, Any] | DocumentMetadata | None = None,
) -> Document:
    original = data.decode("utf-8-sig")
    text = "".join(_FULLWIDTH.get(c, c) for c in original)
    sections = _sections(text)
    return Document(
        doc_id=doc_id,
        source_path=source_path,
        content_hash=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        original=original,
        text=text,
        offset_map=tuple(range(len(text))),
        sections=tuple(sections),
        metadata=apply_override(detect_metadata(text), metadata),
    )


def ingest_file(path: str | Path, *, metadata: Mapping[str, Any] | DocumentMetadata | None = None) -> Document:
    """Ingest one report file; a `<report>.meta.json` sidecar, then `metadata`, override detected metadata."""
    path = Path(path)
    override = {**read_sidecar(path), **_as_mapping(metadata)}
    return ingest_bytes(path.read_bytes(), doc_id=path.stem, source_path=str(path), metadata=override or None)


def _as_mapping(metadata: Mapping[str, Any] | DocumentMetadata | None) -> dict[str, Any]:
    if metadata is None:
        return {}
    if isinstance(metadata, DocumentMetadata):
        return {k: v for k, v in vars(metadata).items()}
    return dict(metadata)


_HEADING = [
    (1, re.compile(r"^[一二三四五六七八九十]+、[^\n]*", re.M)),
    (2, re.compile(r"^\([一二三四五六七八九十]+\)[^\n。]*", re.M)),
]


def _sections(text: str) -> list[Section]:
    heads = sorted(((m.start(), lvl, m.group(0)) for lvl, rx in _HEADING for m in rx.finditer(text)))
    out: list[Section] = []
    stack: list[tuple[int, str]] = []
    for i, (start, lvl, heading) in enumerate(heads):
        end = next((s for s, l, _ in heads[i + 1:] if l <= lvl), len(text))
        stack = [(l, h) for l, h in stack if l < lvl] + [(lvl, heading)]
        out.append(Section(level=lvl, heading=heading, start=start, end=end, path=" / ".join(h for _, h in stack)))
    return out
