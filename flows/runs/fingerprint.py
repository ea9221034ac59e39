"""The fingerprint of everything a run's published snapshot depends on.

Two runs with the same fingerprint publish the same snapshot, so the second one has nothing to do:
every landing file (reports, sidecars, feeds) by relative path and content hash, the extractor
version, the pipeline code and package data, the dbt project, the expectation suites and the
reviewers' corrections. The fingerprint is deliberately broad: a change anywhere costs one ordinary
run, a change missed would leave a stale snapshot.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

from flows.extract import EXTRACTOR_VERSION
from flows.provenance import file_sha256
from flows.settings import PROJECT_ROOT, Settings

# Folders that runs write into (generated, not inputs) and caches.
_GENERATED = {"__pycache__", "target", "logs", "dbt_packages", "gx", "uncommitted", ".pytest_cache"}


def _files_under(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and not _GENERATED.intersection(p.relative_to(root).parts)
                  and p.suffix not in (".pyc", ".pyo"))


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in _files_under(root):
        digest.update(f"{path.relative_to(root).as_posix()}\0{file_sha256(path)}\n".encode("utf-8"))
    return digest.hexdigest()


def fingerprint_parts(settings: Settings) -> dict[str, str]:
    """One digest per input, named, so a changed input can be told apart in the logs."""
    return {
        "reports": tree_digest(settings.reports_dir),
        "feeds": tree_digest(settings.feeds_dir),
        "corrections": tree_digest(settings.corrections_dir),
        "extractor_version": EXTRACTOR_VERSION,
        "pipeline_code": tree_digest(PROJECT_ROOT / "flows"),
        "dbt_project": tree_digest(settings.dbt_project_dir),
        "expectations": tree_digest(settings.expectations_dir),
    }


def input_fingerprint(settings: Settings) -> str:
    parts = fingerprint_parts(settings)
    return hashlib.sha256("\n".join(f"{k}={v}" for k, v in sorted(parts.items())).encode("utf-8")).hexdigest()
