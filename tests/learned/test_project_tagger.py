"""The character tagger for project names (flows/extract/learned/tagger.py): its steps on hand-made
sentences, training that gives the same bytes under any hash seed, and the gate of `tagged_records`.
It is not wired into extraction (README.md next to the package, "Tried, not kept")."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flows.extract.learned.tagger import (
    ProjectTagger, TagGate, named, bio_labels, char_features, sentences, stage_near, tagged_records, train_tagger,
)
from flows.extract.records import evolve
from flows.ingest import ingest_bytes

_TRAINING = [  # (sentence, names in it)
    ("开工建设青山大桥和白水水库", ["青山大桥", "白水水库"]),
    ("加快建设红河大桥、东湖水库", ["红河大桥", "东湖水库"]),
    ("西岭大桥建成投用", ["西岭大桥"]),
    ("加快建设城市更新和乡村振兴", []),
    ("南港水库开工建设", ["南港水库"]),
]


def _sequences():
    out = []
    for s, names in _TRAINING:
        spans = [(s.index(n), s.index(n) + len(n)) for n in names]
        out.append((char_features(s), bio_labels(len(s), spans)))
    return out


def test_bio_labels_mark_each_name_and_skip_one_overlapping_another() -> None:
    assert bio_labels(6, [(0, 2), (3, 5)]) == ["B", "I", "O", "B", "I", "O"]
    assert bio_labels(4, [(0, 3), (2, 4)]) == ["B", "I", "I", "O"]  # the second overlaps the first


def testnamed_reads_spans_back_from_labels() -> None:
    assert named(["O", "B", "I", "O", "B", "B", "I"]) == [(1, 3), (4, 5), (5, 7)]
    assert named(["I", "O"]) == []  # an I without its B opens no name


def test_sentences_are_split_at_marks_and_kept_only_with_a_stage_verb() -> None:
    text = "开工建设青山大桥。全年经济平稳\n西岭大桥建成投用;"
    assert [text[a:b] for a, b in sentences(text)] == ["开工建设青山大桥", "西岭大桥建成投用"]


def test_char_features_give_one_list_per_character_opening_on_the_character() -> None:
    feats = char_features("开工建设青山大桥")
    assert len(feats) == 8
    assert feats[4][0] == "c=青" and "v=O" in feats[4] and "v=B" in feats[0]
    assert "f=E" in feats[7]  # 大桥 is a facility noun (data/project_categories.csv) ending there


def test_stage_near_takes_the_verb_after_the_name_then_the_one_before() -> None:
    text = "西岭大桥建成投用,开工建设青山大桥。红河大桥投入使用或加快建设"
    assert stage_near(text, 0, 4) == "completed"
    start = text.index("青山大桥")
    assert stage_near(text, start, start + 4) == "start"
    start = text.index("红河大桥")
    assert stage_near(text, start, start + 4) == ""  # two stages joined by 或: neither is the name's


def test_training_gives_the_same_bytes_under_another_hash_seed(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from tests.learned.test_project_tagger import _sequences\n"
        "from flows.extract.learned.tagger import train_tagger\n"
        "from pathlib import Path\n"
        "train_tagger(_sequences(), Path(sys.argv[1]))\n"
    )
    outs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"tagger{seed}.crfsuite"
        done = subprocess.run([sys.executable, "-c", script, str(out)], cwd=Path(__file__).parents[2],
                              env=dict(os.environ, PYTHONHASHSEED=seed), capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_a_trained_tagger_marks_a_name_in_a_sentence_it_never_saw(tmp_path: Path) -> None:
    path = tmp_path / "tagger.crfsuite"
    train_tagger(_sequences(), path)
    tagger = ProjectTagger.load(path)
    text = "开工建设金沙大桥"
    assert [text[a:b] for a, b in tagger.spans(text)] == ["金沙大桥"]


def test_tagged_records_add_only_names_nothing_else_covers(tmp_path: Path) -> None:
    path = tmp_path / "tagger.crfsuite"
    train_tagger(_sequences(), path)
    tagger = ProjectTagger.load(path)
    doc = ingest_bytes("开工建设金沙大桥".encode("utf-8"), doc_id="case", metadata={"plan_year": 2026, "region": "甘肃省"})
    added = tagged_records(doc, [], [], tagger, TagGate(free=0.0))
    assert [(r.name, r.stage) for r in added] == [("金沙大桥", "start")]
    # a name the rules read elsewhere in the report (金沙大桥工程) holds it: a reference back
    elsewhere = evolve(added[0], name="金沙大桥工程", start=0, end=0)
    assert tagged_records(doc, [elsewhere], [], tagger, TagGate(free=0.0)) == []
    assert tagged_records(doc, [], [], tagger, TagGate(free=1.5)) == []  # the gate off
