"""The held-out city, county and district sets (tests/extract/held_out*, each with its README), scored
by the shared scorer. Each set was annotated before any extractor run and scored before its fixes:

- held_out: 0.900 micro before (projects 0.500), 0.988 after the fixes of issue 12;
- held_out_2: 0.734 before (projects 0.519), 0.910 after round 1;
- held_out_3 (four provincial excerpts too): round 1's rules scored 0.825 (city/county 0.800, targets
  P 0.614), 0.978 after round 2;
- held_out_4 (projects first, 90 of 178 records): rounds 1 and 2 scored 0.791 (projects 0.739,
  targets P 0.486), 0.924 after round 3;
- held_out_5 (8 city/county/district and 4 provincial excerpts, 180 records): rounds 1-3 scored 0.597
  (city/county 0.663, provincial 0.516; projects 0.200, targets P 0.404); its causes were then fixed
  this session: past/future (0.924 alone; targets P 0.957), project stage verbs, a list's kind word and
  non-works objects (projects 0.667), indicator names (agreement 0.777 -> 0.903).
- held_out_6 (9 city/county/district, 6 of them plan documents, and 3 provincial excerpts, 233 records):
  annotated and frozen before any extractor ran on it; unseen, main scored 0.893 (city/county 0.886,
  provincial 0.925) before and after the merges of the session that made it. The next session read its
  misses to write rules (branch targets6), so it is a development set now.
- held_out_7 (9 city/county/banner, 5 of them plan documents, and 4 provincial excerpts, 184 records):
  annotated and frozen before any extractor ran on it, scored unseen, then read to write rules (see below); main (d4f9f20)
  scored 0.806 (city/county 0.816, provincial 0.783; projects 0.833, targets P 0.625).
- held_out_8 (7 provincial-level work-report excerpts of 北京, 上海, 天津, 辽宁 and 6 city/county/district/
  banner documents, 4 of them plan-family; 211 records, 25 projects): annotated and frozen before any
  extractor ran on it, scored unseen, then read to write rules (see below); main (d4f9f20) scored 0.923 (city/county 0.917,
  provincial 0.929 at P 0.958; projects 0.809, targets P 0.737).
- held_out_9 (6 provincial-level excerpts: 江苏, 河南, 云南, 安徽, 山东 work reports and 上海's 2008 plan report; 6
  city/county/district documents, 5 of them plan-family; 176 records, 43 projects): annotated and frozen before
  any extractor ran on it, nobody has written a fix from it; eebc38f scored 0.802 (city/county 0.864,
  provincial 0.767; projects 0.840, targets P 0.400).
- held_out_10 (6 provincial-level excerpts: 浙江 2008 and 2011, 江西 2008 and 2023, 贵州 2015 work reports and 内蒙古's
  2004 plan report; 6 city/county/district documents, 3 of them plan-family; 184 records, 35 targets, 17 projects):
  annotated and frozen before any extractor ran on it, nobody has written a fix from it; 0e879a6 scored 0.885
  (city/county 0.831, provincial 0.929 at P 0.929; projects 0.941, targets P 0.905 R 0.543).
- held_out_11 (10 city/county/district excerpts only: 5 plan-family reports, 5 work reports, 8 provinces; 201
  records, 27 projects, 15 targets): annotated and frozen before any extractor ran on it, nobody has written a fix
  from it; bb218a3 scored 0.898 (plan-family 0.941, work reports 0.854; projects 0.727, targets P 0.714 R 1.000).
- held_out_12 (14 provincial-level excerpts only: 11 work reports of 湖南, 广西, 四川, 福建, 河北, 陕西, 湖北, 山东 and 3
  plan-family documents of 陕西, 内蒙古, 山西; 232 records, 48 targets, 35 projects): annotated and frozen before any
  extractor ran on it, nobody has written a fix from it; main bb218a3 scored 0.788 (work reports 0.764 at P 0.766,
  plan-family 0.894; projects 0.901, targets P 0.536 R 0.938).
- held_out_13 (14 excerpts weighted like the hidden measure: 7 provincial-level work reports of 广东, 吉林, 重庆, 黑龙江,
  海南, 上海, 重庆's 2020 plan report and 6 county work reports; 176 records, 18 targets, 7 projects): annotated and
  frozen before any extractor ran on it, nobody has written a fix from it; 06fa66a scored 0.907 (provincial work
  reports 0.872 at P 0.883, county 0.924; projects 0.222, targets P 0.783 R 1.000).
- held_out_14 (16 excerpts weighted like the hidden measure: 9 provincial-level work reports of 上海, 江西, 山东 twice,
  贵州, 天津, 安徽, 辽宁, 陕西 and 7 city/county/district documents, 2 of them plan reports; 207 records, 38 targets, 38
  projects): annotated and frozen before any extractor ran on it, nobody has written a fix from it; f55344e scored
  0.825 (provincial work reports 0.809 at P 0.838, city/county 0.848; projects 0.824, targets P 0.717 R 0.868).
- held_out_15 (13 excerpts weighted like the hidden measure: 7 provincial-level work reports of 山西, 广东, 浙江, 江苏,
  河北, 湖南, 广西, 湖北's 2021 plan report and 5 city/county documents, 1 of them a plan report; 208 records, 68 targets,
  39 projects): annotated and frozen before any extractor ran on it, nobody has written a fix from it; f55344e scored
  0.848 (provincial work reports 0.809 at P 0.850, city/county 0.901; projects 0.704, targets P 0.846 R 0.809).
- held_out_16 (16 excerpts weighted like the hidden measure: 8 provincial-level work reports of 福建, 四川, 甘肃 twice,
  宁夏, 新疆, 河南, 湖南, 2 provincial annual plans of 江西 and 6 city/county documents, 2 of them plan documents; 283
  records, 65 targets, 65 projects): annotated and frozen before any extractor ran on it, nobody has written a fix from
  it; f55344e scored 0.856 (provincial work reports 0.922 at P 0.939, city/county 0.775; projects 0.750, targets P 0.978
  R 0.677), and round 4, written from held_out_14 and _15, 0.863. Its floors sit just under that: a regression check.
  Branch targets12 (a numbered item's body, after its title, opening on the plan year turns a review run ahead; an
  estimate in a run opened on the plan year is of that year): 0.863 -> 0.925 (targets R 0.677 -> 0.938); its qualitative
  targets held to a steady direction (居民收入稳步增长) lift held_out_12 and _15's target recall (0.958 -> 0.979, 0.912 -> 0.926).
- held_out_17 (14 excerpts: 6 provincial-level work reports of 福建, 甘肃, 安徽, 湖北 twice, 广西, 3 provincial annual
  plans of 广西, 陕西, 安徽 and 5 city/district/county work reports; 275 records, 45 targets, 95 projects): annotated and
  frozen before any extractor ran on it, nobody has written a fix from it; merge20 (f55344e plus rounds 3 and 4)
  scored 0.835 (provincial work reports 0.879 at P 0.909, provincial plans 0.722, city/county 0.982; projects 0.667,
  targets P 0.820 R 0.911). Its floors sit just under that baseline: a regression check only, not a goal.
- held_out_18 (16 excerpts weighted like the hidden measure: 7 provincial-level work reports of 山西, 广东, 西藏, 辽宁
  twice, 青海, 江西, 3 provincial plans of 山西, 福建, 陕西 and 6 city/district/county documents, 1 of them a plan report;
  201 records, 43 targets, 49 projects): annotated and frozen before any extractor ran on it, nobody has written a fix
  from it; c6ec515 scored 0.935 (provincial work reports 0.885 at P 0.947, provincial plans 0.950, city/county 0.966;
  projects 0.837, targets P 0.974 R 0.884). Its floors sit just under that baseline: a regression check only, not a goal.
- held_out_19 (17 excerpts weighted towards held_out_18's gaps: 6 provincial-level work reports of 广西, 黑龙江 twice, 湖北,
  四川, 山东 and 11 city/district/county documents, 8 of them listing projects or this year's targets; 184 records, 49
  targets, 69 projects): annotated and frozen before any extractor ran on it, before any fix was written from it
  c6ec515 scored 0.688 (provincial work reports 0.818 at P 0.778, city/county 0.604; projects 0.642, targets P 0.582 R
  0.939). Its floors sit just under that baseline: a regression check only, not a goal. Then it became development
  data: this session's third round read it. targets13 (a paragraph opening on a result topic, 基础设施日臻完善。, looks back)
  lifted it to 0.779 (targets P 0.730); projects14's city and county project shapes (开建 before a list, project-start
  lists under a lead or heading, 市/县 facilities of the document's own place) to 0.757 (projects 0.844); both together:
  0.851 (projects 0.862, targets P 0.742); floors raised.
- held_out_20 (16 excerpts weighted like the hidden measure: 6 provincial-level work reports of 广西, 浙江, 山西, 云南
  twice, 四川, 2 provincial plan documents of 福建 and 湖南, and 8 city/district/county documents, 5 of them listing
  projects or this year's targets; 192 records, 49 targets, 58 projects): annotated and frozen before any extractor ran
  on it, nobody has written a fix from it; c6ec515 scored 0.793 (provincial work reports 0.940 at P 0.933, plans 0.707,
  city/county 0.693; projects 0.785, targets P 0.810 R 0.694). Its floors sit just under that baseline: a regression
  check only, not a goal.
- projects, issue 12's third round (hub parts, civic buildings and same-facility siblings in a list, a
  group's stage word without a count, design milestones): held_out_2 projects 0.848 -> 0.872, held_out_4
  0.916 -> 0.953, held_out_6 0.950 -> 1.000; floors raised.
- projects, issue 12's fourth round (works about to be finished, 完成改造 and 规划建设 after a name, hospital
  campuses, a quoted water transfer, a bare route number's class, public spaces): held_out_7 projects
  0.833 -> 1.000, held_out_8 0.809 -> 0.958; their project floors raised.
- projects, issue 12's eighth round (named remediation works, …治理, after a building lead): held_out_4
  projects 0.953 -> 0.960, micro 0.960 -> 0.963; its floors raised.

The floors are each set's figures after its fixes less a margin, so a rule that loses them again
fails here. held_out_6's sat just under its unseen score until its misses were read (branch targets6:
the plan's own figure in a review, an unnumbered review heading over a numbered series, ≤ / ≥, a sentence of
requirements restated in a review: 0.893 -> 0.959, targets R 0.515 -> 0.909); they now sit just under that.
held_out_7's and held_out_8's misses were read next (branch targets7, past/future: a title line on the plan
year's own execution, a turn to the plan year after a paragraph's results word, 据了解 as a news lead, a
sentence opening on 这五年, qualitative targets met to an authority's requirement: held_out_7 0.806 -> 0.936,
targets P 0.625 -> 0.972, R 0.676 -> 0.946; held_out_8 0.947 -> 0.955; branch projects7: works about to be
finished, bare route numbers in a numbered list, 完成改造 / 规划建设 after a name: projects 0.833 -> 1.000 and
0.809 -> 0.958; branch names4: indicator names 107/130 -> 118/130 on held_out_7); their floors sit just under
that. held_out_9's and held_out_10's were read next (branch targets8, past/future: a news lead of any length before
last year's date, a sentence opening on an estimate, targets announced inside a paragraph: held_out_9 0.802 -> 0.884,
targets P 0.400 -> 0.667; held_out_10 0.885 -> 0.954, targets R 0.543 -> 0.914; the lead's 公布 in held_out_7: 0.953 ->
0.959, targets P 1.000); their floors sit just under that. held_out_11's and held_out_12's were read next (branch
targets9, past/future: an outline of the report's parts heads nothing, a result heading after a review opening is the
review's first part, a document opening on last year's results: held_out_11 0.898 -> 0.929, targets P 0.714 -> 1.000;
held_out_12 0.808 -> 0.955, targets P 0.568 -> 0.979; branch projects9: 建设完成 / 开通运行 after a name, 养殖场 a
facility, two works words after a list's shared facility: held_out_9 projects 0.840 -> 0.927, held_out_11 0.727 ->
0.809, held_out_12 0.901 -> 0.986); their floors sit just under that. Branch spaced: 内蒙古 2004 (held_out_10) and
2007 (held_out_12) write 2 093亿元 with a space between digit groups, now one figure: held_out_10 0.959 -> 0.976,
held_out_12 0.968 -> 0.981, micro floors raised to 0.97. Branch records10 (figures that are no records: policy
packages, scale classes, rankings, doublings over years, units read from a list or a sign): held_out_13 0.918 ->
0.946 (P 0.911 -> 0.954), held_out_8 0.971 -> 0.981, held_out_11 0.937 -> 0.949, held_out_5, _7, _9, _10 up
0.003-0.008; their micro floors raised to just under that. Branch names7: a figure shared with 均 by listed subjects
or figures is each one's (held_out_11 0.937 -> 0.948). Branch projects10 (a spaced headline's clauses, a quoted
designation, 推进 after an adverb, a class of works refused from the model): held_out_13 projects 0.222 -> 1.000; its
continuation clause (…项目成功摘得土地,并计划…开工建设) lifts held_out_2's projects 0.872 -> 0.907. Branch targets10 (past/future and group totals:
1-5月 governs its semicolon list, a past year dating the figure's clause, a sentence opening on last year's date,
a total before works counted in 项): held_out_9 0.908 -> 0.936 (targets P 0.700 -> 0.933), held_out_3 0.978 -> 0.987.
Branch targets11 (past/future from held_out_14's and _15's misses: a topic clause naming last year, a lead naming this
year, a paragraph telling how things went and aiming nowhere, a look back carried over sentences, a framed targets key,
qualitative parts between 、): held_out_14 0.832 -> 0.914 (targets P 0.717 -> 0.974), held_out_15 0.844 -> 0.852.
Branch projects11 (quotations opening on a stage verb, routes between places sharing a listed kind, a joiner before
the verb, route numbers after a classed one, 技改 as works, a place right after a kind): held_out_15 projects 0.704 ->
0.916, held_out_14 0.806 -> 0.901. Branch names8 (one-line bullets end a sentence at each line, lists against listed references): name agreement
held_out_15 0.836 -> 0.932, held_out_14 0.881 -> 0.941, held_out_12 0.850 -> 0.927 (floors in test_indicator_names.py).
Branch names9 (the name's shape: a time word or a lost mark framing it, 的 or 发展到 closing it, a class word, a stage or
a whole the sentence names): name agreement held_out_16 0.801 -> 0.862, held_out_14 0.921 -> 0.958, held_out_9 0.888 -> 0.912.
Branch records11 (figures and comparators: ℅ for %, a space after a figure's % or inside 万 亿, package lists, a
restating bracket, a numeral closing its clause, a range without its dash, 双 + a bare magnitude, an unlisted
classifier, a quoted noun after a threshold, a bare decimal in a list): held_out_14 0.832 -> 0.871, held_out_15
0.844 -> 0.907 (targets P 0.841 -> 0.968), held_out_10 0.984 -> 0.989.
Branch projects12 (list shapes: a division as the clause's subject, a counted list being built, bare names sharing a
head, two names and two stages joined by 或, 新建 no place): held_out_16 projects 0.750 -> 0.850, held_out_9 0.927 -> 0.952.
Branch projects13 (a division before its stage verb is the clause's subject, 2条高铁 splits a place's 和): held_out_8
projects 0.958 -> 0.980; 里程 a figure word: held_out_16 0.944 -> 0.948;
a one-character county read inside a word (范县 in 示范县) places no name: held_out_11 projects 0.809 -> 0.826; a headline's project the body restates takes the body's stage:
held_out_5 projects 0.640 -> 0.667; a works word (改造, 改扩建) closing names after a building lead gives its stage:
held_out_16 projects 0.857 -> 0.885, held_out_9 0.952 -> 0.965.
held_out_13 was
read to write round 3's rules and held_out_14 and _15 round 4's, so they are development data now; held_out_16 measured
round 4 unseen (0.856 -> 0.863) and its floors sit just under that; held_out_17, made after both rounds, is unseen. Once
their misses had been read to write rules, held_out … held_out_4 joined the learned scorer's training
data too (scripts/train_project_scorer.py; its leave-one-document-out ablation scores each of their
documents with a model trained on the others: flows/extract/learned/README.md); held_out_5 … held_out_20 are not
training data."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from flows.extract import extract_document
from flows.ingest import ingest_file

from .test_dev_gold import SCORER, score

HERE = Path(__file__).resolve().parent


class Floors(NamedTuple):
    micro: float
    project: float
    target_precision: float = 0.0
    target_recall: float = 0.0


SETS = {
    "held_out": Floors(micro=0.95, project=0.90),
    "held_out_2": Floors(micro=0.92, project=0.88, target_recall=0.95),
    "held_out_3": Floors(micro=0.97, project=0.85, target_precision=0.97),
    "held_out_4": Floors(micro=0.95, project=0.95, target_precision=0.80),
    "held_out_5": Floors(micro=0.945, project=0.65, target_precision=0.92),
    "held_out_6": Floors(micro=0.965, project=0.97, target_precision=0.95, target_recall=0.88),
    "held_out_7": Floors(micro=0.96, project=0.97, target_precision=0.97, target_recall=0.97),
    "held_out_8": Floors(micro=0.97, project=0.96, target_precision=0.97, target_recall=0.97),
    "held_out_9": Floors(micro=0.94, project=0.955, target_precision=0.90),
    "held_out_10": Floors(micro=0.975, project=0.92, target_precision=0.94, target_recall=0.88),
    "held_out_11": Floors(micro=0.95, project=0.815, target_precision=0.97, target_recall=0.95),
    "held_out_12": Floors(micro=0.97, project=0.97, target_precision=0.97, target_recall=0.95),
    "held_out_13": Floors(micro=0.93, project=0.90, target_precision=0.87, target_recall=0.97),
    "held_out_14": Floors(micro=0.90, project=0.87, target_precision=0.95, target_recall=0.97),
    "held_out_15": Floors(micro=0.89, project=0.89, target_precision=0.95, target_recall=0.9),
    "held_out_16": Floors(micro=0.945, project=0.875, target_precision=0.97, target_recall=0.92),
    "held_out_17": Floors(micro=0.83, project=0.66, target_precision=0.81, target_recall=0.90),
    "held_out_18": Floors(micro=0.93, project=0.83, target_precision=0.97, target_recall=0.88),
    "held_out_19": Floors(micro=0.84, project=0.83, target_precision=0.72, target_recall=0.93),
    "held_out_20": Floors(micro=0.79, project=0.78, target_precision=0.80, target_recall=0.69),
}


def _predict(folder: Path, pred: Path) -> Path:
    with pred.open("w", encoding="utf-8") as f:
        for report in sorted((folder / "reports").glob("*.txt")):
            for r in extract_document(ingest_file(report)):
                f.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    return pred


@pytest.mark.parametrize("name", SETS)
def test_held_out_set_stays_above_its_floors(name: str, tmp_path: Path) -> None:
    assert SCORER.exists()
    folder, floors = HERE / name, SETS[name]
    predictions = _predict(folder, tmp_path / "pred.jsonl")
    scores = score(folder / "gold", predictions, "target,achievement,project,portfolio", reports=folder / "reports")
    assert scores["micro"][2] >= floors.micro, scores
    assert scores["target"][0] >= floors.target_precision, scores
    assert scores["target"][1] >= floors.target_recall, scores
    assert scores["project"][2] >= floors.project, scores


@pytest.mark.parametrize("name", SETS)
def test_every_gold_file_passes_the_shared_gold_check(name: str) -> None:
    checker = SCORER.parent / "check_gold.py"
    for gold in sorted((HERE / name / "gold").glob("*.jsonl")):
        report = HERE / name / "reports" / f"{gold.stem}.txt"
        done = subprocess.run([sys.executable, str(checker), str(report), str(gold)], capture_output=True, text=True)
        assert done.returncode == 0, (gold.name, done.stdout)
