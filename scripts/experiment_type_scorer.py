"""Issue 12 experiment: does a learned target/achievement decision beat the rules on sets it never saw?

usage: python scripts/experiment_type_scorer.py OUT_DIR [--cache FILE] [--without-rules] [--only-default]
                                                [--fixed-threshold T]

Every annotated set with its own reports (official, dev_gold, annotated, held_out … held_out_9; never
held_out_10) is extracted with the committed extractor. Each target/achievement record inside an
annotated region that matches a gold target or achievement the way ../shared/score.py matches them, type
aside, is an example: label = the gold type, the rules' type one of its features. Leave one set out: a
regression (flows/extract/learned/model.py `train`, its defaults) trained on the other sets may flip the
rules' type of the left-out set's records (every target/achievement record, matched or not) when its
probability for the other type reaches a threshold; the threshold is chosen inside the training sets by
an inner leave-one-set-out (the most right-minus-wrong flips; ties and no gain: the higher, "never").
Writes OUT_DIR/<set>/rules_only.jsonl and rules_model.jsonl for ../shared/score.py, and prints the
flips. Not part of extraction (flows/extract/learned/README.md, "Tried, not kept").
"""
from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from bisect import bisect_left
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_project_scorer import REPORTS, SHARED, _EXTRACT_TESTS, flat  # noqa: E402

from flows.extract import extract_document  # noqa: E402
from flows.extract.learned.model import _sigmoid, train  # noqa: E402
from flows.extract.periods import plan_year, reading_evidence, sections_at  # noqa: E402
from flows.extract.vocabulary import words  # noqa: E402
from flows.ingest import ingest_file  # noqa: E402

SETS = {
    "official": (SHARED / "gold", REPORTS),
    "dev_gold": (_EXTRACT_TESTS / "dev_gold", REPORTS),
    "annotated": (_EXTRACT_TESTS / "annotated", REPORTS),
    **{n: (_EXTRACT_TESTS / n / "gold", _EXTRACT_TESTS / n / "reports")
       for n in ["held_out"] + [f"held_out_{i}" for i in range(2, 10)]},
}
# vocabularies of data/words.csv that speak of past or future (read, not typed here)
SENTENCE_VOCABS = ("estimate_verb", "estimate_qualifier", "full_year_estimate", "done_verb", "bare_done_verb",
                   "bare_result_verb", "result_predicate", "so_far_adverb", "so_far_done", "period_so_far",
                   "ahead_word", "strength", "requirement_word", "plan_word", "plan_figure_lead", "over_plan",
                   "news_lead_in", "report_verb", "time_word", "past_period_tail", "already_have")
OPENING_VOCABS = ("review_opening", "ahead_opening", "target_opening", "sentence_back_opening",
                  "so_far_opening", "news_lead_in", "estimate_verb", "full_year_estimate")
HEADING_VOCABS = ("review_heading", "plan_heading", "progress_heading", "target_heading", "ahead_heading")
YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
GATE: str | None = None
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 2.0)  # 2.0: never flip

UNIT_ALIASES = {"percent": "%", "％": "%", "百分点": "pp", "个百分点": "pp", "none": "", "null": ""}


def _unit(u):
    u = (u or "").strip()
    return UNIT_ALIASES.get(u.lower(), u)


def _close(x, y):
    if x is None or y is None:
        return x is None and y is None
    try:
        x, y = float(x), float(y)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-6 * max(1.0, abs(y))


def _spans(doc, t):
    t = flat(t)
    out, i = [], doc.find(t) if t else -1
    while i >= 0:
        out.append((i, i + len(t)))
        i = doc.find(t, i + 1)
    return out


def _matches(g, p, doc):  # ../shared/score.py match_quant, the type aside
    gc = g.get("comparator")
    if gc == "qualitative":
        if p.get("comparator") != "qualitative":
            return False
    else:
        if _unit(p.get("base_unit")) != _unit(g.get("base_unit")):
            return False
        if gc == "between":
            if not (_close(p.get("value_base_min"), g.get("value_base_min"))
                    and _close(p.get("value_base_max"), g.get("value_base_max"))):
                return False
        elif not _close(p.get("value_base"), g.get("value_base")):
            return False
        if gc != "?" and p.get("comparator") != gc:
            return False
    return any(a < d and c < b for a, b in _spans(doc, g["text"]) for c, d in _spans(doc, p.get("text", "")))


def _rel(y: int, year: int | None) -> str:
    return "none" if year is None else str(max(-3, min(3, y - year)))


def _has(text: str, vocab: str) -> bool:
    return any(w in text for w in words(vocab))


def features(doc, offset: int, rule_type: str) -> list[str]:
    text, year = doc.text, plan_year(doc)
    p0 = text.rfind("\n", 0, offset) + 1
    s0 = max(text.rfind(c, 0, offset) for c in "。;；!?！？\n") + 1
    c0 = max(s0, max(text.rfind(c, 0, offset) for c in ",，:：")  + 1)
    sentence, clause, opening = text[s0:offset], text[c0:offset], text[p0:p0 + 12]
    evidence = reading_evidence(doc, offset)
    f = ["bias", f"rules={rule_type}", f"evidence={evidence}", f"rules={rule_type}&evidence={evidence}",
         f"open2={opening[:2]}", f"open4={opening[:4]}"]
    f += [f"obi={opening[k:k + 2]}" for k in range(min(len(opening) - 1, 6))]
    tail = clause[-12:]
    f += [f"cbi={tail[k:k + 2]}" for k in range(len(tail) - 1)]
    f += [f"sbi={sentence[k:k + 2]}" for k in range(min(len(sentence) - 1, 8))]
    for where, part in (("s", sentence), ("c", clause), ("o", opening)):
        ys = [int(m.group(1)) for m in YEAR_RE.finditer(part)]
        f += sorted({f"{where}year={_rel(y, year)}" for y in ys}) or [f"{where}year=no"]
        f += [f"{where}:{v}" for v in (SENTENCE_VOCABS if where != "o" else OPENING_VOCABS) if _has(part, v)]
    sections = sections_at(doc, offset)
    if sections:
        h = sections[-1].heading[:16]
        f += [f"hbi={h[k:k + 2]}" for k in range(len(h) - 1)]
        for s in sections:
            f += [f"h:{v}" for v in HEADING_VOCABS if _has(s.heading, v)]
            f += sorted({f"hyear={_rel(int(m.group(1)), year)}" for m in YEAR_RE.finditer(s.heading)})
    else:
        f.append("no_heading")
    title = (doc.metadata.title or text[:40])
    f += [f"t:{v}" for v in HEADING_VOCABS if _has(title, v)]
    return f


def read_set(name: str):
    """Per document: (stem, [record json], [features or None], [label or None])."""
    folder, reports = SETS[name]
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        gold = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        regions = [flat(r["text"]) for r in gold if r["type"] == "region"]
        gq = [g for g in gold if g["type"] in ("target", "achievement")]
        report = reports / f"{path.stem}.txt"
        flatdoc = flat(report.read_text(encoding="utf-8"))
        doc = ingest_file(report)
        recs = extract_document(doc)
        rows, feats, labels, used = [], [], [], set()
        for r in recs:
            j = r.to_json()
            rows.append(j)
            if r.type not in ("target", "achievement"):
                feats.append(None)
                labels.append(None)
                continue
            t = flat(r.text)
            inside = not regions or (bool(t) and any(t in rt for rt in regions))
            feats.append(features(doc, bisect_left(doc.offset_map, r.start), r.type) if inside else None)
            hit = next((k for k, g in enumerate(gq) if k not in used and _matches(g, j, flatdoc)), None) if inside else None
            if hit is not None:
                used.add(hit)
            labels.append(None if hit is None else gq[hit]["type"])
        out.append((path.stem, rows, feats, labels))
    return out


def examples(data, names):
    return [(f, int(lab == "achievement")) for n in names for _, rows, fs, labs in data[n]
            for f, lab in zip(fs, labs) if f is not None and lab is not None]


def flips(weights, data, name, threshold):
    """(doc index, record index, new type, label) of each record the model flips."""
    out = []
    for d, (_, rows, fs, labs) in enumerate(data[name]):
        for i, (row, f) in enumerate(zip(rows, fs)):
            if f is None or (GATE and "gated_out" in f):
                continue
            p = _sigmoid(sum(weights.get(x, 0.0) for x in f))
            other = "target" if row["type"] == "achievement" else "achievement"
            if (p if other == "achievement" else 1 - p) >= threshold:
                out.append((d, i, other, labs[i]))
    return out


def gain(fl):
    return sum((lab == new) - (lab is not None and lab != new) for _, _, new, lab in fl)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--cache")
    ap.add_argument("--without-rules", action="store_true",
                    help="leave out the rules' decision and evidence (rules=, evidence=): the model alone")
    ap.add_argument("--only-default", action="store_true",
                    help="flip only figures where the rules' evidence is `default` (nothing spoke, a plan assumed)")
    ap.add_argument("--fixed-threshold", type=float,
                    help="a threshold set beforehand instead of the inner choice (a diagnostic, not the protocol)")
    a = ap.parse_args()
    out = Path(a.out)
    if a.cache and Path(a.cache).exists():
        data = pickle.loads(Path(a.cache).read_bytes())
    else:
        data = {n: read_set(n) for n in SETS}
        if a.cache:
            Path(a.cache).write_bytes(pickle.dumps(data))
    names = list(SETS)
    global GATE
    GATE = "evidence=default" if a.only_default else None
    if GATE:  # the gate reads the rules' evidence before --without-rules drops it
        data = {n: [(stem, rows, [None if f is None else (f if GATE in f else f + ["gated_out"]) for f in fs], labs)
                    for stem, rows, fs, labs in docs] for n, docs in data.items()}
    if a.without_rules:
        data = {n: [(stem, rows, [None if f is None else [x for x in f if not x.startswith(("rules=", "evidence="))]
                                  for f in fs], labs) for stem, rows, fs, labs in docs] for n, docs in data.items()}
    for n in names:
        pairs = [(row["type"], lab) for _, rows, fs, labs in data[n] for row, f, lab in zip(rows, fs, labs)
                 if f is not None and lab is not None]
        wrong = sum(t != lab for t, lab in pairs)
        print(f"{n}: {len(pairs)} matched figures, rules type {wrong} wrongly", flush=True)
    pair: dict[frozenset, dict] = {}

    def weights_without(*left):
        key = frozenset(left)
        if key not in pair:
            pair[key] = train(examples(data, [n for n in names if n not in key]))
        return pair[key]

    for held in names:
        inner = [n for n in names if n != held] if a.fixed_threshold is None else []
        score = {t: 0 for t in THRESHOLDS}
        for n in inner:
            w = weights_without(held, n)
            for t in THRESHOLDS:
                score[t] += gain(flips(w, data, n, t))
        best = max(THRESHOLDS, key=lambda t: (score[t], t)) if a.fixed_threshold is None else a.fixed_threshold
        w = weights_without(held)
        fl = flips(w, data, held, best) if best <= 1.0 else []
        print(f"== {held}: {'inner gains ' + str(score) if inner else 'fixed'} -> threshold {best}; flips {len(fl)}, gain {gain(fl)}", flush=True)
        for t in THRESHOLDS[:-1]:  # what a threshold fixed beforehand would have done on this set
            ft = flips(w, data, held, t)
            right = sum(lab == new for _, _, new, lab in ft)
            wrong = sum(lab is not None and lab != new for _, _, new, lab in ft)
            print(f"   at {t}: {len(ft)} flips, {right} right, {wrong} wrong, {len(ft) - right - wrong} unmatched")
        changed = {(d, i): new for d, i, new, _ in fl}
        (out / held).mkdir(parents=True, exist_ok=True)
        with open(out / held / "rules_only.jsonl", "w", encoding="utf-8") as ro, \
                open(out / held / "rules_model.jsonl", "w", encoding="utf-8") as rm:
            for d, (stem, rows, _, labs) in enumerate(data[held]):
                for i, row in enumerate(rows):
                    ro.write(json.dumps(row, ensure_ascii=False) + "\n")
                    new = dict(row, type=changed[(d, i)]) if (d, i) in changed else row
                    rm.write(json.dumps(new, ensure_ascii=False) + "\n")
                    if (d, i) in changed:
                        verdict = "unmatched" if labs[i] is None else ("right" if labs[i] == new["type"] else "wrong")
                        print(f"  flip {stem} {row.get('indicator')} {row['text'][:40]!r}: "
                              f"{row['type']} -> {new['type']} ({verdict})")


if __name__ == "__main__":
    main()
