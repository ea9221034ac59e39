"""Leave one set out: does the character tagger (flows/extract/learned/tagger.py) add projects the rules
and the scorer miss, on sets it was not trained on?

usage: python scripts/experiment_project_tagger.py OUT_DIR [--sets NAME,...]
       python scripts/experiment_project_tagger.py --spans   (the tagger alone, exact names, per fold)

Every annotated development set (official, dev_gold, annotated, held_out, held_out_2 … held_out_16) is
one fold: a tagger trained on the sentences of every other set's annotated regions tags the left-out
set's reports. Each report is extracted once per variant and written to OUT_DIR/<set>/<variant>.jsonl:
rules_only (no scorer), rules_model (the committed scorer: extraction as it is), and rules + scorer +
the names `tagger.tagged_records` adds under each gate of VARIANTS (free80, the gate fixed before the
ablation: tagged names no rule draft, added name or candidate overlaps, every label's marginal
probability ≥ 0.8; the others were tried after it lost). Each file is scored per set with
../shared/score.py and one line per set and variant is printed (projects P/R/F1, micro F1). The
committed scorer was trained on the seven sets of scripts/train_project_scorer.py TRAINING_SETS, so on
those its column is in sample. The tagger is put behind the scorer's hook here, not in extraction.

Training sequences: the sentences (tagger.sentences: split at 。;! and line breaks, those with a stage
verb) inside each gold file's regions; a gold project's name is placed inside the region where its text
lies (the name itself, else the name as ../shared/score.py normalises it, else the longest opening of
the name that score.py would still match, else its longest opening inside its text: the item as
listed, before a kind borrowed after 等), labelled B/I/O per character.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from unittest.mock import patch

import flows.extract as extraction
from flows.extract import extract_document
from flows.extract.learned import score_projects, using_model
from flows.extract.learned.candidates import find_candidates
from flows.extract.learned.tagger import ProjectTagger, TagGate, bio_labels, char_features, named, sentences, tagged_records
from flows.ingest import ingest_file

sys.path.insert(0, str(Path(__file__).parent))
from train_project_scorer import DEVELOPMENT_SETS, SHARED, TRAINING_SETS, gold_docs, norm_name, same_name  # noqa: E402

ALL_SETS = {**TRAINING_SETS, **DEVELOPMENT_SETS}
SCORE = SHARED.parent / "score.py"


def _norm(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


def flat_index(text: str) -> tuple[str, list[int]]:
    """The text without white space, each character as NFKC writes it, and each one's offset in text."""
    idx = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(_norm(text[i]) for i in idx), idx


def _flat(s: str) -> str:
    return "".join(_norm(ch) for ch in s if not ch.isspace())


def _find_all(hay: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(hay) if hi is None else hi
    out, i = [], hay.find(needle, lo, hi)
    while needle and i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1, hi)
    return out


def name_forms(name: str) -> list[str]:
    """How a gold name may be written in its text: itself, as score.py normalises it, or its longest
    opening that score.py still matches to it (九龙川 of 九龙川煤矿, which borrowed the kind after 等)."""
    n = _flat(name)
    forms = [n, norm_name(n)]
    forms += [n[:k] for k in range(len(n) - 1, 1, -1) if same_name(n[:k], n)]
    return list(dict.fromkeys(f for f in forms if len(f) >= 2))


def sequences_of(g, doc) -> tuple[list[tuple[list[list[str]], list[str]]], int, int]:
    """The labelled sentences of a gold document's regions; the projects placed and not placed."""
    text = doc.text
    fstr, idx = flat_index(text)
    regions = []
    for r in g.regions:
        rt = _flat(r)
        regions += [(p, p + len(rt)) for p in _find_all(fstr, rt)]
    if not g.regions:  # a gold file without regions annotates the whole report
        regions = [(0, len(fstr))]
    names: set[tuple[int, int]] = set()
    placed = missed = 0
    rows = [json.loads(line) for line in g.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if row["type"] != "project":
            continue
        gt = _flat(row.get("text", ""))
        found = set()
        for ra, rb in regions:
            hosts = [(p, p + len(gt)) for p in _find_all(fstr, gt, ra, rb)] if gt else []
            for form in name_forms(row["name"]):
                for ha, hb in hosts or [(ra, rb)]:
                    found.update((p, p + len(form)) for p in _find_all(fstr, form, ha, hb))
                if found:
                    break
            if found:
                break
            for k in range(len(_flat(row["name"])) - 1, 1, -1):  # 松阳 of 景宁、松阳…等抽水蓄能电站: the item as listed
                found.update((p, p + k) for ha, hb in hosts for p in _find_all(fstr, _flat(row["name"])[:k], ha, hb))
                if found:
                    break
            if found:
                break
        if found:
            placed += 1
            names.update((idx[a], idx[b - 1] + 1) for a, b in found)
        else:
            missed += 1
    seen = set()
    out = []
    for ra, rb in sorted(regions):
        for a, b in sentences(text, idx[ra], idx[rb - 1] + 1):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            inside = [(s - a, e - a) for s, e in names if a <= s and e <= b]
            out.append((char_features(text[a:b]), bio_labels(b - a, inside)))
    return out, placed, missed


VARIANTS = {
    "rules_only": None, "rules_model": None,
    "free80": TagGate(free=0.8), "free95": TagGate(free=0.95),
    "over80": TagGate(free=0.8, any_overlap=True),
    "confirm80": TagGate(free=2.0, confirm=0.8), "confirm50": TagGate(free=2.0, confirm=0.5),
    "confirm80_free95": TagGate(free=0.95, confirm=0.8),
}


def extract(doc, variant: str, tagger: ProjectTagger):
    if variant == "rules_only":
        with using_model(None):
            return extract_document(doc)
    if variant == "rules_model":
        return extract_document(doc)
    gate = VARIANTS[variant]

    def scored_and_tagged(doc, drafts):  # the scorer's hook, then the tagger's names
        kept = score_projects(doc, drafts)
        return kept + tagged_records(doc, kept, find_candidates(doc.text), tagger, gate)

    with patch.object(extraction, "score_projects", scored_and_tagged):
        return extract_document(doc)


_LINE = re.compile(r"^(project|micro P|micro F1)")


def score(set_name: str, path: Path) -> dict[str, str]:
    folder, reports = ALL_SETS[set_name]
    res = subprocess.run([sys.executable, str(SCORE), str(folder), str(reports), str(path)], capture_output=True, text=True)
    out = {}
    for line in res.stdout.splitlines():
        if line.startswith("project"):
            out["project"] = line.split(None, 1)[1].strip()
        if line.startswith("micro F1"):
            out["micro"] = line.split("=")[1].strip()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--sets", default=",".join(ALL_SETS))
    ap.add_argument("--spans", action="store_true", help="score the tagger alone on the labelled sentences")
    args = ap.parse_args()
    golds = gold_docs(ALL_SETS)
    docs = {g.path: ingest_file(g.report) for g in golds}
    seqs = {}
    placed = missed = 0
    for g in golds:
        seqs[g.path], p, m = sequences_of(g, docs[g.path])
        placed, missed = placed + p, missed + m
    n_seq = sum(len(s) for s in seqs.values())
    print(f"{len(golds)} documents, {n_seq} sentences; gold projects placed {placed}, not placed {missed}", file=sys.stderr)
    if args.spans:
        return span_scores(golds, seqs, args.sets.split(","))
    if args.out is None:
        ap.error("OUT_DIR is needed unless --spans")
    for set_name in args.sets.split(","):
        train = [s for g in golds if g.set != set_name for s in seqs[g.path]]
        tagger = ProjectTagger.trained(train)
        (args.out / set_name).mkdir(parents=True, exist_ok=True)
        for variant in VARIANTS:
            path = args.out / set_name / f"{variant}.jsonl"
            with open(path, "w", encoding="utf-8") as fh:
                for g in golds:
                    if g.set == set_name:
                        for r in extract(docs[g.path], variant, tagger):
                            fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
            s = score(set_name, path)
            print(f"{set_name}\t{variant}\t{s.get('project')}\tmicro {s.get('micro')}", flush=True)


def span_scores(golds, seqs, sets: list[str]) -> None:
    """Per left-out set: tagged names equal to a placed gold name (tp), other tagged names (fp), gold
    names not tagged (fn), over the labelled sentences of its regions."""
    total = [0, 0, 0]
    for set_name in sets:
        tagger = ProjectTagger.trained([s for g in golds if g.set != set_name for s in seqs[g.path]])
        counts = [0, 0, 0]
        for g in golds:
            if g.set == set_name:
                for feats, labels in seqs[g.path]:
                    gold, tagged = set(named(labels)), set(named(tagger.labels(feats)))
                    counts = [counts[0] + len(gold & tagged), counts[1] + len(tagged - gold), counts[2] + len(gold - tagged)]
        total = [t + c for t, c in zip(total, counts)]
        print(f"{set_name}\ttp={counts[0]} fp={counts[1]} fn={counts[2]}", flush=True)
    tp, fp, fn = total
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"all\ttp={tp} fp={fp} fn={fn} P={p:.3f} R={r:.3f} F1={2 * p * r / max(1e-9, p + r):.3f}")


if __name__ == "__main__":
    main()
