"""The year a project or portfolio statement is about.

A plan's forward-looking sections speak of the plan year; its review section (一、2025年工作回顾,
…执行情况, …发展成就) reports what was done the year before.
"""
from __future__ import annotations

import re

from flows.ingest.document import Document

_REVIEW = re.compile(r"回顾|成就|执行情况|工作总结|过去")


def year_at(doc: Document, offset: int) -> int | None:
    plan_year = doc.metadata.plan_year
    if plan_year is None:
        return None
    top = [s for s in doc.sections if s.level == 1 and s.start <= offset < s.end]
    if top and _REVIEW.search(top[-1].heading):
        return plan_year - 1
    return plan_year
