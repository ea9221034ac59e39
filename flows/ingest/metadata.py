"""Document metadata (title, region, plan year, type, meeting date) read from the report's own text.

Reports announce who they are in their first lines: a title (`2026年浙江省政府工作报告`,
`关于丽水市2024年…执行情况及2025年…草案的报告`), a dateline (`2026年1月14日在浙江省第十四届人民代表大会
第四次会议上`) and a speaker (`我代表江苏省人民政府`). Detection reads those; a sidecar file
`<report>.meta.json` overrides whatever was detected, for reports whose text says too little.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from flows.ingest.decode import UnreadableDocument
from flows.ingest.document import DocumentMetadata
from flows.ingest.landing import is_inside

NATIONAL = "全国"
PLAN_REPORT = "plan_report"
GOVERNMENT_WORK_REPORT = "government_work_report"
TARGET_NOTICE = "target_notice"
OTHER = "other"

# Titles and datelines sit in the first lines; a generous head also covers web pages whose
# navigation chrome comes first.
_HEAD_CHARS = 2000

# An administrative name: a short run of Han characters ending in an administrative suffix.
_ADMIN = r"[\u4e00-\u9fff]{1,12}?(?:省|市|自治区|特别行政区|自治州|地区|盟|州|县|区|旗)"
_NATIONAL_NAMES = ("全国", "国务院", "中华人民共和国", "中央人民政府")
_LEADING_WORDS = re.compile(r"^(?:(?:关于|对|在|向|下达|印发|转发|做好)\s*)+")

_DATELINE = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*在\s*(.{0,30}?)第[一二三四五六七八九十]+届\s*"
    r"(?:全国)?\s*人民代表大会\s*(?:常务委员会)?\s*第[一二三四五六七八九十]+次(?:全体)?会议上"
)
_TITLE_WORDS = re.compile(r"报告|计划|规划|通知|纲要|草案|要点|意见|决定|回顾|年鉴")
_PLAN_REPORT_TITLE = re.compile(r"国民经济和社会发展.{0,4}(?:计划|规划).{0,30}(?:执行情况|草案)")
_DRAFT_YEAR = re.compile(r"(\d{4})年国民经济和社会发展(?:计划|规划)(?:草案|\(草案\))")
_TARGET_NOTICE_TITLE = re.compile(r"目标.{0,20}通知|通知.{0,20}目标")
_GWR = re.compile(r"政府工作报告|报告政府工作|向大会(?:作)?(?:政府工作)?报告(?:工作)?")
_SPEAKER_FOR = re.compile(r"我代表(" + _ADMIN + r"|国务院)(?:人民政府)?")
_SPEAKER_TITLE = re.compile(r"(" + _ADMIN + r")(?:省长|市长|主席|州长|县长|区长)|(国务院)总理")
_TITLE_REGION = (
    re.compile(r"^(?:关于)?(" + _ADMIN + r")\d{4}年"),
    re.compile(r"^\d{4}年(" + _ADMIN + r"|中华人民共和国国务院|国务院)"),
    re.compile(r"^(?:关于)?(" + _ADMIN + r")"),
)
_YEAR = re.compile(r"(\d{4})年")
_REVIEW_TITLE = re.compile(r"\d{4}年[^,。]{0,16}(?:回顾|工作总结)")
_TITLE_PLANS = re.compile(r"草案|计划|安排|目标|展望")
# Body headings that name the year being planned, or the year being reviewed (plan = review + 1).
_PLANNED_YEAR = re.compile(
    r"(\d{4})年(?:经济社会发展|政府工作任务|重点工作|工作安排|主要目标|主要预期目标|国民经济和社会发展(?:计划|规划))"
)
_REVIEWED_YEAR = re.compile(r"(\d{4})年(?:主要)?工作回顾|回顾(\d{4})年(?:的)?(?:主要)?工作")
# Every match of _REVIEWED_YEAR holds 回顾, at most 9 characters (2025年主要工作) after its start.
_REVIEW_WORD, _REVIEW_WORD_REACH = "回顾", 9


def _reviewed_year(text: str) -> re.Match[str] | None:
    """`_REVIEWED_YEAR.search(text)`, tried only at the few places before each 回顾 where a match
    can start: the pattern opens on a digit or 回, so the regex engine would start a whole match
    attempt at every place of the report (45 M instructions a pass over the corpus's work reports).
    The places are tried in order, each once, so the first match found is the search's."""
    tried = 0
    at = text.find(_REVIEW_WORD)
    while at >= 0:
        for start in range(max(tried, at - _REVIEW_WORD_REACH), at + 1):
            if (m := _REVIEWED_YEAR.match(text, start)) is not None:
                return m
        tried = at + 1
        at = text.find(_REVIEW_WORD, at + 1)
    return None


def detect_metadata(text: str) -> DocumentMetadata:
    """Best-effort metadata from the report text; fields it cannot find stay at their defaults."""
    head = text[:_HEAD_CHARS]
    # Datelines are often broken over two lines (…第十四届\n人民代表大会…); read the head unbroken.
    flat_head = re.sub(r"\s*\n\s*", "", head)
    title = _detect_title(head)
    dateline = _DATELINE.search(flat_head)
    document_type = _detect_type(title, head)
    region = _detect_region(title, dateline, flat_head)
    plan_year = _detect_plan_year(title, dateline, document_type, text)
    meeting_date = _iso_date(dateline) if dateline else ""
    if document_type == GOVERNMENT_WORK_REPORT and _is_bare_title(title) and plan_year and region:
        title = f"{plan_year}年{'国务院' if region == NATIONAL else region}政府工作报告"
    return DocumentMetadata(
        title=title,
        region=region,
        plan_year=plan_year,
        document_type=document_type,
        meeting_date=meeting_date,
    )


def _detect_title(head: str) -> str:
    lines = [line.strip() for line in head.split("\n")]
    for i, line in enumerate(lines):
        if not line or len(line) > 100 or line.endswith(("。", "!", ":", ";")):
            continue
        if line.startswith(("——", "我代表", "各位代表")) or _DATELINE.search(line):
            continue
        if _TITLE_WORDS.search(line) and not re.match(r"^(?:来源|时间|分享)", line):
            line += _title_continuation(line, lines[i + 1] if i + 1 < len(lines) else "")
            # A title broken over two layout lines keeps a space where the break was.
            return re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])", "", line)
    return ""


# 关于金寨县2024年国民经济和社会发展计划 / 执行情况与2025年计划草案的报告: a title broken over two
# lines, the second finishing it.
_TITLE_CONTINUES = re.compile(r"^(?:执行情况|完成情况|草案|与|和|及|的)\S{0,40}(?:报告|草案|通知)$")


def _title_continuation(line: str, following: str) -> str:
    if line.endswith(("报告", "通知", "草案", "纲要")) or not _TITLE_CONTINUES.match(following):
        return ""
    return following


def _is_bare_title(title: str) -> bool:
    return title in ("", "政府工作报告")


def _detect_type(title: str, head: str) -> str:
    if _PLAN_REPORT_TITLE.search(title):
        return PLAN_REPORT
    if _TARGET_NOTICE_TITLE.search(title):
        return TARGET_NOTICE
    if _GWR.search(title) or _GWR.search(head):
        return GOVERNMENT_WORK_REPORT
    if _PLAN_REPORT_TITLE.search(head):
        return PLAN_REPORT
    return OTHER


def _canonical_region(name: str) -> str:
    name = _LEADING_WORDS.sub("", name.strip())
    if any(n in name for n in _NATIONAL_NAMES):
        return NATIONAL
    return name


def _detect_region(title: str, dateline: re.Match[str] | None, flat_head: str) -> str:
    if dateline:
        place = dateline.group(4).strip()
        if not place or "全国" in dateline.group(0):
            return NATIONAL
        return _canonical_region(place)
    for rx in _TITLE_REGION:
        m = rx.search(title)
        if m:
            return _canonical_region(m.group(1))
    for rx in (_SPEAKER_FOR, _SPEAKER_TITLE):
        m = rx.search(flat_head)
        if m:
            return _canonical_region(next(g for g in m.groups() if g))
    if any(n in flat_head for n in _NATIONAL_NAMES[1:]):
        return NATIONAL
    return ""


def _detect_plan_year(
    title: str, dateline: re.Match[str] | None, document_type: str, text: str
) -> int | None:
    draft = _DRAFT_YEAR.search(title)
    if draft:
        return int(draft.group(1))
    title_years = [int(y) for y in _YEAR.findall(title)]
    if title_years:
        # 关于2024年…执行情况及2025年…草案: the plan is for the later year.
        year = max(title_years)
        if _REVIEW_TITLE.search(title) and not _TITLE_PLANS.search(title):
            # 2020年工作和十三五发展回顾 (高县年鉴): a page reviewing a year speaks from the year after
            return year + 1
        # (the whole text is searched only for a work report: the one kind this asks about)
        reviewed = _reviewed_year(text) if document_type == GOVERNMENT_WORK_REPORT else None
        if reviewed and int(reviewed.group(1) or reviewed.group(2)) == year:
            # a news headline over a work report names the year reviewed (成都市政府工作报告丨2023年成都
            # 地区生产总值超2.2万亿元, …在回顾2023年工作时说): the report plans the year after it
            return year + 1
        return year
    if dateline and document_type == GOVERNMENT_WORK_REPORT:
        # A work report is delivered early in the year it plans for.
        return int(dateline.group(1))
    planned = _PLANNED_YEAR.search(text)
    if planned:
        return int(planned.group(1))
    reviewed = _reviewed_year(text)
    if reviewed:
        return int(reviewed.group(1) or reviewed.group(2)) + 1
    if dateline:
        return int(dateline.group(1))
    return None


def _iso_date(dateline: re.Match[str]) -> str:
    try:
        return date(int(dateline.group(1)), int(dateline.group(2)), int(dateline.group(3))).isoformat()
    except ValueError:
        return ""


def sidecar_path(report: Path) -> Path | None:
    """The `<report>.meta.json` next to a report: `x.txt.meta.json`, else `x.meta.json`."""
    for candidate in (report.with_name(report.name + ".meta.json"), report.with_name(report.stem + ".meta.json")):
        if candidate.is_file():
            return candidate
    return None


def sidecar_hash(report: Path) -> str:
    """sha256 of the report's sidecar, "" when it has none: an edited sidecar alone makes the report reload."""
    path = sidecar_path(report)
    if path is None or not is_inside(path, report.parent):
        return ""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # reading it with the report will say why


def read_sidecar(report: Path) -> dict[str, Any]:
    """The sidecar's fields, checked at the door: a wrong type or value names the file and the field.

    A null field means "not declared": the detected value stays (a sidecar template with empty slots
    must not wipe what the text says).
    """
    path = sidecar_path(report)
    if path is None:
        return {}
    if not is_inside(path, report.parent):
        raise UnreadableDocument(f"metadata sidecar {path.name} is a symbolic link leading outside the landing "
                                 f"folder: refused, only files inside the landing folder are read")
    # A broken sidecar makes the report's declared identity unknown: quarantine, don't guess.
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableDocument(f"metadata sidecar {path.name} is not readable JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise UnreadableDocument(f"metadata sidecar {path.name} must hold a JSON object, "
                                 f"not {_json_kind(data)}")
    try:
        return checked_override(data)
    except ValueError as exc:
        raise UnreadableDocument(f"metadata sidecar {path.name}: {exc}") from exc


# What each declared field must be, said the way the quarantine reason says it.
DOCUMENT_TYPES = (PLAN_REPORT, GOVERNMENT_WORK_REPORT, TARGET_NOTICE, OTHER)
_TEXT_FIELDS = {"title": "a title", "region": "a region name such as 丽水市 or 全国"}
_PLAN_YEARS = range(1949, 2101)


def checked_override(values: Mapping[str, Any]) -> dict[str, Any]:
    """Declared metadata with nulls dropped and each field's type and value checked.

    Raises ValueError naming the field, what it holds and what was expected.
    """
    known = {f.name for f in fields(DocumentMetadata)}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"unknown metadata field(s): {', '.join(sorted(unknown))} "
                         f"(expected only {', '.join(sorted(known))})")
    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue  # an empty slot: keep what was detected
        if name in _TEXT_FIELDS:
            if not isinstance(value, str):
                raise ValueError(f"field {name} must be text ({_TEXT_FIELDS[name]}), got {_json_kind(value)} {value!r}")
            out[name] = value.strip()
        elif name == "plan_year":
            out[name] = _checked_plan_year(value)
        elif name == "document_type":
            if not isinstance(value, str) or value not in DOCUMENT_TYPES:
                raise ValueError(f"field document_type must be one of {', '.join(DOCUMENT_TYPES)}, "
                                 f"got {_json_kind(value)} {value!r}")
            out[name] = value
        elif name == "meeting_date":
            out[name] = _checked_meeting_date(value)
    return out


def _checked_plan_year(value: Any) -> int:
    expected = f"a year written in digits between {_PLAN_YEARS[0]} and {_PLAN_YEARS[-1]}, such as 2025"
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"field plan_year must be {expected}, got {_json_kind(value)} {value!r}")
    text = value.strip() if isinstance(value, str) else str(value)
    if not (text.isascii() and text.isdigit()) or int(text) not in _PLAN_YEARS:
        raise ValueError(f"field plan_year must be {expected}, got {_json_kind(value)} {value!r}")
    return int(text)


def _checked_meeting_date(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"field meeting_date must be an ISO date text such as 2025-01-14, got {_json_kind(value)} {value!r}")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"field meeting_date must be an ISO date such as 2025-01-14, got {value!r}") from None


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "the boolean"
    if isinstance(value, (int, float)):
        return "the number"
    if isinstance(value, str):
        return "the text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "the value"


def apply_override(detected: DocumentMetadata, override: Mapping[str, Any] | DocumentMetadata | None) -> DocumentMetadata:
    """Detected metadata with the override's declared fields laid over it; a bad field is a ValueError."""
    if override is None:
        return detected
    if isinstance(override, DocumentMetadata):
        override = {f.name: getattr(override, f.name) for f in fields(DocumentMetadata)}
    return replace(detected, **checked_override(override))
