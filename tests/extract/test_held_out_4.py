"""The fourth held-out set (tests/extract/held_out_4, see its README): ten city, county and district
excerpts, projects first (90 of 178 records), annotated before any extractor run and scored by the
shared scorer. Unseen, the rules of rounds 1 and 2 scored 0.791 micro (projects 0.739, targets P
0.486); the floors are the figures after the fixes of round 3 less a margin, so a rule that loses them
again fails here. It is not training data for the learned scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.extract import extract_document
from flows.ingest import ingest_file

from .test_dev_gold import SCORER, score

HELD_OUT_4 = Path(__file__).resolve().parent / "held_out_4"
MICRO_FLOOR = 0.90
TARGET_PRECISION_FLOOR = 0.75
PROJECT_FLOOR = 0.85


@pytest.fixture(scope="module")
def predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pred = tmp_path_factory.mktemp("held_out_4") / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for report in sorted((HELD_OUT_4 / "reports").glob("*.txt")):
            for r in extract_document(ingest_file(report)):
                f.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    return pred


def test_fourth_held_out_set_stays_above_its_floors(predictions: Path) -> None:
    assert SCORER.exists()
    scores = score(HELD_OUT_4 / "gold", predictions, "target,achievement,project,portfolio", reports=HELD_OUT_4 / "reports")
    assert scores["micro"][2] >= MICRO_FLOOR, scores
    assert scores["target"][0] >= TARGET_PRECISION_FLOOR, scores
    assert scores["project"][2] >= PROJECT_FLOOR, scores


def test_every_gold_file_passes_the_shared_gold_check() -> None:
    checker = SCORER.parent / "check_gold.py"
    for gold in sorted((HELD_OUT_4 / "gold").glob("*.jsonl")):
        report = HELD_OUT_4 / "reports" / f"{gold.stem}.txt"
        done = subprocess.run([sys.executable, str(checker), str(report), str(gold)], capture_output=True, text=True)
        assert done.returncode == 0, (gold.name, done.stdout)
