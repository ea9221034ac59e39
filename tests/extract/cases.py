"""Made-up sentences run through one stage of extraction, for the example tests of that stage."""
from __future__ import annotations

from flows.extract.projects import extract_projects
from flows.ingest import ingest_bytes


def projects_in(text: str, *, region: str, plan_year: int = 2026) -> list[tuple[str, str]]:
    """(name, stage) of every project the rules read in `text`, as a report of `region` for `plan_year`."""
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": plan_year, "region": region})
    return [(r.name, r.stage) for r in extract_projects(doc)]
