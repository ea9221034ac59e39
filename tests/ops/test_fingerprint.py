"""What makes a run 'nothing new': the input fingerprint and the content-derived extractor version."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.extract.version import content_version
from flows.runs.fingerprint import fingerprint_parts, input_fingerprint
from flows.settings import PROJECT_ROOT, Settings


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    landing = tmp_path / "landing"
    shutil.copytree(PROJECT_ROOT / "warehouse" / "landing", landing)
    return Settings(landing_dir=landing, warehouse_dir=tmp_path / "warehouse",
                    dbt_project_dir=PROJECT_ROOT / "dbt", expectations_dir=tmp_path / "expectations")


def test_same_inputs_give_the_same_fingerprint(settings):
    assert input_fingerprint(settings) == input_fingerprint(settings)


@pytest.mark.parametrize("change", ["new report", "edited report", "sidecar", "edited feed", "removed feed",
                                    "correction"])
def test_any_landing_or_correction_change_changes_the_fingerprint(settings, change):
    before = fingerprint_parts(settings)
    reports, feeds = settings.reports_dir, settings.feeds_dir
    report = next(reports.glob("*.txt"))
    if change == "new report":
        (reports / "another_2025.txt").write_text("2025年地区生产总值增长5%。", encoding="utf-8")
    elif change == "edited report":
        report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "sidecar":
        (reports / f"{report.stem}.meta.json").write_text('{"region": "丽水市"}', encoding="utf-8")
    elif change == "edited feed":
        feed = next(feeds.rglob("*.csv"))
        feed.write_bytes(feed.read_bytes() + b"\n")
    elif change == "removed feed":
        next(feeds.rglob("*.csv")).unlink()
    else:
        (settings.warehouse_dir / "corrections").mkdir(parents=True)
        (settings.warehouse_dir / "corrections" / "fix.csv").write_text("record_key,field\n", encoding="utf-8")
    after = fingerprint_parts(settings)
    assert after != before
    changed = {k for k in after if after[k] != before[k]}
    assert changed == ({"feeds"} if "feed" in change else {"corrections"} if change == "correction" else {"reports"})


def test_a_corrections_folder_set_apart_from_the_warehouse_is_the_one_fingerprinted(settings, tmp_path, monkeypatch):
    shared = tmp_path / "reviewers"
    monkeypatch.setenv("PLANWATCH_CORRECTIONS_DIR", str(shared))
    moved = Settings(landing_dir=settings.landing_dir, warehouse_dir=settings.warehouse_dir,
                     dbt_project_dir=settings.dbt_project_dir, expectations_dir=settings.expectations_dir)
    assert moved.corrections_dir == shared and settings.corrections_dir == settings.warehouse_dir / "corrections"
    assert settings.with_overrides(warehouse_dir=tmp_path / "w2").corrections_dir == tmp_path / "w2" / "corrections"
    before = fingerprint_parts(moved)["corrections"]
    shared.mkdir()
    (shared / "fix.csv").write_text("record_key,field\n", encoding="utf-8")
    assert fingerprint_parts(moved)["corrections"] != before


def test_generated_files_beside_the_inputs_do_not_change_the_fingerprint(settings):
    before = input_fingerprint(settings)
    (settings.expectations_dir / "gx" / "uncommitted").mkdir(parents=True)
    (settings.expectations_dir / "gx" / "uncommitted" / "run.json").write_text("{}", encoding="utf-8")
    (settings.reports_dir / "__pycache__").mkdir()
    (settings.reports_dir / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert input_fingerprint(settings) == before


def test_an_expectation_or_dbt_change_changes_the_fingerprint(settings, tmp_path):
    before = input_fingerprint(settings)
    settings.expectations_dir.mkdir(parents=True)
    (settings.expectations_dir / "extra_suite.py").write_text("# a new suite\n", encoding="utf-8")
    with_suite = input_fingerprint(settings)
    dbt = tmp_path / "dbt"
    shutil.copytree(PROJECT_ROOT / "dbt", dbt, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    moved = Settings(landing_dir=settings.landing_dir, warehouse_dir=settings.warehouse_dir, dbt_project_dir=dbt,
                     expectations_dir=settings.expectations_dir)
    same_project = input_fingerprint(moved)
    next(dbt.rglob("fct_target.sql")).write_text("select 1 as changed\n", encoding="utf-8")
    assert len({before, with_suite}) == 2
    assert same_project == with_suite  # a copy of the same project is the same input
    assert input_fingerprint(moved) != same_project


def test_extractor_version_follows_the_extraction_code_and_rule_tables(tmp_path):
    flows = tmp_path / "flows"
    shutil.copytree(PROJECT_ROOT / "flows", flows, ignore=shutil.ignore_patterns("__pycache__"))
    original = content_version(flows)
    assert content_version(flows) == original  # deterministic
    units = flows / "extract" / "data" / "units.csv"
    units.write_text(units.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_rule_fix = content_version(flows)
    ingest = next((flows / "ingest").glob("*.py"))
    ingest.write_text(ingest.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    after_ingest_change = content_version(flows)
    (flows / "cli.py").write_text("# not extraction\n", encoding="utf-8")
    assert len({original, after_rule_fix, after_ingest_change}) == 3
    assert content_version(flows) == after_ingest_change  # code outside extraction does not re-extract


def test_extractor_version_in_use_is_the_content_version():
    from flows.extract import EXTRACTOR_VERSION

    assert EXTRACTOR_VERSION == content_version() and len(EXTRACTOR_VERSION) == 12
