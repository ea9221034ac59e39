"""Ingestion: a report file -> `Document` (decoded, normalised, cleaned, re-joined, sectioned).

`ingest_file` / `ingest_bytes` are the entry points. The steps live in their own modules:
readers (file format → original text) → decode (bytes → str) → normalise → clean → rejoin
(`pipeline.prepare_text`) → sections and metadata. A file that cannot be read raises
`UnreadableDocument` with a reason, for the caller to quarantine.

`Document.text` holds one paragraph per line (no blank lines); `Document.original` is the decoded
file (for .txt) or the text extracted from it (.html, .docx, .pdf — see `readers`).
"""
from __future__ import annotations

import hashlib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, Mapping

from flows.ingest.decode import UnreadableDocument
from flows.ingest.document import Document, DocumentMetadata, Section
from flows.ingest.metadata import apply_override, detect_metadata, read_sidecar, sidecar_hash
from flows.ingest.pipeline import prepare_text
from flows.ingest.readers import read_document
from flows.ingest.sections import build_sections

__all__ = [
    "Document",
    "DocumentMetadata",
    "Section",
    "UnreadableDocument",
    "ingest_bytes",
    "ingest_file",
]

MetadataOverride = Mapping[str, Any] | DocumentMetadata | None

# The longest real report of the corpus is 0.2 MB of text; a text file far larger is not one report
# (a database dump, a concatenation, an attack on the extractor's time) and is refused before it is
# read. PDF and .docx files carry images, so they may be larger.
MAX_TEXT_REPORT_BYTES = 8 * 1024 * 1024
MAX_BINARY_REPORT_BYTES = 64 * 1024 * 1024
_BINARY_FORMATS = ("docx", "pdf")


def ingest_bytes(
    data: bytes,
    doc_id: str,
    source_path: str = "",
    *,
    file_format: str | None = None,
    metadata: MetadataOverride = None,
) -> Document:
    """Ingest a report's bytes; the format comes from `file_format` or `source_path`'s suffix (default txt)."""
    fmt = file_format or Path(source_path).suffix.lstrip(".").lower() or "txt"
    read = read_document(data, fmt)
    prepared = prepare_text(read.original)
    return Document(
        doc_id=doc_id,
        source_path=source_path,
        content_hash=hashlib.sha256(data).hexdigest(),
        encoding=read.encoding,
        original=read.original,
        text=prepared.text,
        offset_map=prepared.offsets,
        sections=build_sections(prepared.text),
        metadata=apply_override(detect_metadata(prepared.text), metadata),
        file_format=read.file_format,
        notes=read.notes,
    )


def ingest_file(path: str | Path, *, metadata: MetadataOverride = None) -> Document:
    """Ingest one report file; a `<report>.meta.json` sidecar, then `metadata`, override detection."""
    path = Path(path)
    _refuse_oversized(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}") from exc
    declared = sidecar_hash(path)  # before reading it, so an edit made meanwhile makes the next run reload
    override = {**read_sidecar(path), **_as_mapping(metadata)}
    document = ingest_bytes(data, doc_id=path.stem, source_path=str(path), metadata=override or None)
    return replace(document, sidecar_hash=declared)


def _refuse_oversized(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say why it cannot be read
    binary = path.suffix.lower().lstrip(".") in _BINARY_FORMATS
    limit = MAX_BINARY_REPORT_BYTES if binary else MAX_TEXT_REPORT_BYTES
    if size > limit:
        raise UnreadableDocument(
            f"file is {size / 2**20:.1f} MB, larger than the {limit // 2**20} MB a {'PDF/.docx' if binary else 'text'} "
            f"report may be: not read (one report is well under 1 MB of text; split a concatenation into its reports)")


def _as_mapping(metadata: MetadataOverride) -> dict[str, Any]:
    if metadata is None:
        return {}
    if isinstance(metadata, DocumentMetadata):
        return {f.name: getattr(metadata, f.name) for f in fields(DocumentMetadata)}
    return dict(metadata)
