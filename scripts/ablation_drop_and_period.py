"""Two parts tried for the learned scorer and not kept (flows/extract/learned/README.md, "Tried, not
kept"), measured leave one document out over every training set of scripts/train_project_scorer.py:

(a) a regression that drops rule project drafts (when p(not a project) >= 0.5, and >= 0.3);
(b) a regression that settles target against achievement, its type replacing the rules' where they
    disagree.

usage: python scripts/ablation_drop_and_period.py
Prints how many drafts and figures each fold's model would change, rightly and wrongly; neither part
is in the extraction code.
"""
from __future__ import annotations

import json
import sys
from bisect import bisect_left
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_project_scorer import flat, gold_docs, same_name  # noqa: E402

from flows.extract import extract_document  # noqa: E402
from flows.extract.learned import scored_candidates, using_model  # noqa: E402
from flows.extract.learned.features import features  # noqa: E402
from flows.extract.learned.model import _sigmoid, train  # noqa: E402
from flows.extract.periods import plan_year, reading_evidence, sections_at  # noqa: E402
from flows.extract.projects import extract_projects  # noqa: E402
from flows.extract.regions import gazetteer  # noqa: E402
from flows.ingest import ingest_file  # noqa: E402

TITLE_WORDS = ("草案", "计划", "报告", "进展", "执行", "回顾")  # experiment features, not extraction vocabulary
Row = tuple[list[str], int, str]


def _close(x: object, y: object) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(float(x) - float(y)) <= 1e-6 * max(1.0, abs(float(y)))


def _probability(weights: dict[str, float], feats: list[str]) -> float:
    return _sigmoid(sum(weights.get(f, 0.0) for f in feats))


def _draft_rows(doc, gold_rows: list[dict], regions: list[str]) -> list[Row]:
    """(features, 1 when a gold project, name) of each rule draft inside an annotated region."""
    home = gazetteer().region_named(doc.metadata.region) if doc.metadata.region else None
    out = []
    for kind, cand, _, draft, _ in scored_candidates(doc, extract_projects(doc)):
        text = flat(doc.original_slice(cand.start, cand.end))
        if kind != "rule" or not text or not any(text in r for r in regions):
            continue
        label = int(any(same_name(draft.name, g["name"]) for g in gold_rows if g["type"] == "project"))
        out.append((features(cand, home) + [f"rule_stage={draft.stage}"], label, draft.name))
    return out


def _figure_rows(doc, gold_rows: list[dict], regions: list[str]) -> list[tuple[list[str], int, str, str]]:
    """(features, 1 when the gold says achievement, the rules' type, indicator) of each figure the rules
    extract that matches a gold target or achievement in value and text."""
    with using_model(None):
        records = [r for r in extract_document(doc) if r.type in ("target", "achievement")]
    gold = [g for g in gold_rows if g["type"] in ("target", "achievement")]
    year = plan_year(doc)
    title = doc.metadata.title or doc.text[:40]
    out = []
    for r in records:
        t = flat(r.text)
        if regions and not any(t in region for region in regions):
            continue
        hit = next((g for g in gold if (t in flat(g["text"]) or flat(g["text"]) in t)
                    and (_close(r.value_base, g.get("value_base")) or g.get("comparator") == "qualitative")), None)
        if hit is None:
            continue
        off = bisect_left(doc.offset_map, r.start)  # the record's offset in doc.text
        p0 = doc.text.rfind("\n", 0, off) + 1
        s0 = max(doc.text.rfind(c, 0, off) for c in "。;!?\n") + 1
        opening, sentence = doc.text[p0:p0 + 6], doc.text[s0:off]
        evidence = reading_evidence(doc, off)
        f = ["bias", f"rules={r.type}", f"evidence={evidence}", f"rules={r.type}&evidence={evidence}",
             f"open2={opening[:2]}", f"open4={opening[:4]}"]
        f += [f"obi={opening[k:k + 2]}" for k in range(5)]
        f += [f"sbi={sentence[k:k + 2]}" for k in range(min(len(sentence) - 1, 12))]
        sections = sections_at(doc, off)
        for s in sections:
            f += [f"hbi={s.heading[k:k + 2]}" for k in range(min(len(s.heading) - 1, 16))]
        if not sections:
            f.append("no_heading")
        f += [f"title_has={w}" for w in TITLE_WORDS if w in title]
        if year:
            if f"{year - 1}年" in sentence:
                f.append("sent_last_year")
            if f"{year}年" in sentence:
                f.append("sent_this_year")
            if f"{year - 1}年" in doc.text[p0:p0 + 12]:
                f.append("open_last_year")
        out.append((f, int(hit["type"] == "achievement"), r.type, r.indicator or ""))
    return out


def main() -> None:
    golds = gold_docs()
    drafts, figures = {}, {}
    for g in golds:
        doc = ingest_file(g.report)
        rows = [json.loads(line) for line in g.path.read_text(encoding="utf-8").splitlines() if line.strip()]
        regions = [flat(r["text"]) for r in rows if r["type"] == "region"]
        drafts[g.path] = _draft_rows(doc, rows, regions)
        figures[g.path] = _figure_rows(doc, rows, regions)
    print(f"rule drafts {sum(map(len, drafts.values()))}, not projects "
          f"{sum(1 - y for v in drafts.values() for _, y, _ in v)}")
    print(f"figures {sum(map(len, figures.values()))}, typed wrongly by the rules "
          f"{sum((y == 1) != (t == 'achievement') for v in figures.values() for _, y, t, _ in v)}")
    for threshold in (0.5, 0.3):
        right = wrong = 0
        for g in golds:
            w = train([(f, 1 - y) for h in golds if h.path != g.path for f, y, _ in drafts[h.path]])
            for f, y, name in drafts[g.path]:
                if _probability(w, f) >= threshold:
                    right, wrong = right + (y == 0), wrong + (y == 1)
                    print(f"  drop {g.set}/{g.stem} {name} ({'right' if y == 0 else 'wrong'})")
        print(f"(a) drop when p(not a project) >= {threshold}: {right} right, {wrong} wrong")
    right = wrong = 0
    for g in golds:
        w = train([(f, y) for h in golds if h.path != g.path for f, y, _, _ in figures[h.path]])
        for f, y, rule_type, indicator in figures[g.path]:
            model_type = "achievement" if _probability(w, f) >= 0.5 else "target"
            if model_type != rule_type:
                ok = (y == 1) == (model_type == "achievement")
                right, wrong = right + ok, wrong + (not ok)
                print(f"  flip {g.set}/{g.stem} {indicator}: rules {rule_type}, model {model_type} ({'right' if ok else 'wrong'})")
    print(f"(b) the period regression changes {right + wrong} figures: {right} right, {wrong} wrong")


if __name__ == "__main__":
    main()
