"""Projects on the real reports, judged against the hand-annotated gold (score.py's matching)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from flows.extract import extract_document
from flows.extract.records import Record
from flows.ingest import Document, ingest_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
LISHUI = "lishui_2025_plan_report_part2"
REGION_GOLD = ("national_2025_gwr", "zhejiang_2026_gwr")


@lru_cache(maxsize=None)
def doc(stem: str) -> Document:
    path = CORPUS / "reports" / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"corpus not available at {path.parent}")
    return ingest_file(path)


@lru_cache(maxsize=None)
def extracted(stem: str) -> tuple[Record, ...]:
    return tuple(extract_document(doc(stem)))


def gold(stem: str) -> list[dict]:
    path = CORPUS / "gold" / f"{stem}.jsonl"
    if not path.exists():
        pytest.skip(f"gold not available at {path.parent}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _flat(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def _norm_name(n: str) -> str:
    n = _flat(n)
    return re.sub(r"(等)?(项目|工程)?$", "", n) or n


def _same_name(g: str, p: str) -> bool:
    g, p = _norm_name(g), _norm_name(p)
    return g == p or ((g in p or p in g) and min(len(g), len(p)) / max(len(g), len(p)) >= 0.6)


def _in_regions(stem: str, records: list[Record]) -> list[Record]:
    regions = [_flat(r["text"]) for r in gold(stem) if r["type"] == "region"]
    return [r for r in records if any(_flat(r.text) in region for region in regions)]


def match(stem: str) -> tuple[list[tuple[dict, Record]], list[dict], list[Record]]:
    """(gold, predicted) pairs matched on name and stage, unmatched gold, unmatched predictions."""
    preds = [r for r in extracted(stem) if r.type == "project"]
    if stem in REGION_GOLD:
        preds = _in_regions(stem, preds)
    free = list(preds)
    pairs, missed = [], []
    for g in (r for r in gold(stem) if r["type"] == "project"):
        hit = next((p for p in free if _same_name(g["name"], p.name or "")), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, free


def test_lishui_projects_reach_the_f1_bar():
    pairs, missed, extra = match(LISHUI)
    precision = len(pairs) / (len(pairs) + len(extra))
    recall = len(pairs) / (len(pairs) + len(missed))
    assert 2 * precision * recall / (precision + recall) >= 0.93, (missed, [r.name for r in extra])


def test_lishui_matched_projects_have_the_gold_stage():
    pairs, _, _ = match(LISHUI)
    wrong = [(g["name"], g["stage"], p.stage) for g, p in pairs if g["stage"] != p.stage]
    assert wrong == []


def test_lishui_matched_projects_are_placed_in_the_gold_region():
    pairs, _, _ = match(LISHUI)
    agree = sum(g["region"] == p.region for g, p in pairs)
    # abbreviations such as 松古平原 (松阳 + 古市) name no division the gazetteer knows
    assert agree / len(pairs) >= 0.95, [(g["name"], g["region"], p.region) for g, p in pairs if g["region"] != p.region]


def test_lishui_county_projects_resolve_short_names_to_full_divisions():
    pairs, _, _ = match(LISHUI)
    regions = {g["name"]: p.region for g, p in pairs}
    assert regions["G322景宁段改建工程"] == "景宁畲族自治县"
    assert regions["S218青田高湖至船寮段改建工程"] == "青田县"
    assert regions["637国道莲都魏村至堰头段"] == "莲都区"
    assert regions["龙泉水南未来社区"] == "龙泉市"


def test_lishui_projects_are_dated_the_plan_year():
    assert {r.year for r in extracted(LISHUI) if r.type == "project"} == {2025}


@pytest.mark.parametrize("stem", REGION_GOLD)
def test_projects_inside_gold_regions_are_all_gold(stem: str):
    pairs, missed, extra = match(stem)
    assert [r.name for r in extra] == []
    assert len(pairs) / (len(pairs) + len(missed)) >= 0.85, missed


def test_project_text_is_the_verbatim_original_span():
    d = doc(LISHUI)
    for r in extracted(LISHUI):
        if r.type == "project":
            assert d.original[r.start:r.end] == r.text


@pytest.mark.parametrize(
    ("stem", "not_projects"),
    [
        ("guangdong_2026_gwr", {"“民生十大工程”", "城际铁路", "海上风电", "核电", "智能眼镜"}),
        ("jiangsu_2026_gwr", {"“两重”", "人工智能"}),
        ("national_2024_gwr", {"低空经济", "商业航天", "“十四五”规划重大工程"}),
        ("national_2025_gwr", {"“小而美”民生", "重大标志性工程", "外送通道"}),
    ],
)
def test_programmes_in_other_reports_are_not_projects(stem: str, not_projects: set[str]):
    found = {r.name for r in extracted(stem) if r.type == "project"}
    assert found & not_projects == set()
