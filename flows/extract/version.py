"""The extractor's version, taken from the content of what extraction runs on.

A loaded document remembers the version that extracted it; a different version reloads it. Deriving
the version from a hash of the extraction code, its rule tables (and any learned model beside them)
and the ingest code that prepares the text means a rule fix reaches the warehouse on the next
ordinary run — nobody has to remember to bump a constant.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

_FLOWS = Path(__file__).resolve().parent.parent
# Everything that decides what a report's records are: the extraction package (code, data/ tables,
# learned/ models) and the ingest package (decoding, cleaning, sections, metadata).
VERSIONED_PACKAGES = ("extract", "ingest")


def _versioned_files(flows_dir: Path) -> list[Path]:
    files = []
    for package in VERSIONED_PACKAGES:
        files += [p for p in (flows_dir / package).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")]
    return sorted(files)


def content_version(flows_dir: Path = _FLOWS) -> str:
    """12 hex digits of a sha256 over the relative path and bytes of every versioned file."""
    digest = hashlib.sha256()
    for path in _versioned_files(flows_dir):
        digest.update(path.relative_to(flows_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
