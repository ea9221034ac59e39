from __future__ import annotations

import importlib.util
from pathlib import Path

from flows.feeds import load_feeds
from flows.settings import PROJECT_ROOT

BUNDLED = PROJECT_ROOT / "warehouse" / "landing" / "feeds"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_sample_feeds", PROJECT_ROOT / "scripts" / "generate_sample_feeds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_rewrites_the_committed_sample_files_byte_for_byte(tmp_path: Path) -> None:
    written = _generator().generate(tmp_path)
    for path in written:
        rel = path.relative_to(tmp_path)
        assert path.read_bytes() == (BUNDLED / rel).read_bytes(), f"{rel} differs: rerun scripts/generate_sample_feeds.py"


def test_every_sample_file_says_it_is_synthetic_in_its_name_and_first_lines() -> None:
    for path in BUNDLED.rglob("*"):
        if path.is_file() and path.name != "README.md":
            assert "SYNTHETIC_SAMPLE" in path.name
            if path.suffix != ".xlsx":
                head = path.read_bytes()[:400].decode("gb18030" if "gb18030" in path.name else "utf-8", errors="ignore")
                assert "SYNTHETIC SAMPLE DATA" in head or "合成样例" in head, path.name


def test_bundled_feeds_load_with_their_bad_rows_quarantined_and_counts_reconciled(con) -> None:
    summary = load_feeds(con, BUNDLED, "sample")
    assert summary.files_unreadable == 0 and summary.reconciles
    assert summary.rows_in == summary.rows_loaded + summary.rows_quarantined
    assert 5 <= summary.rows_quarantined <= 12
    quarantined = con.execute("select count(*) from raw.quarantine where source_kind like 'feed:%'").fetchone()[0]
    loaded = sum(con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in
                 ("feed_indicator_releases", "feed_target_actuals", "feed_project_progress", "feed_article_figures"))
    assert (loaded, quarantined) == (summary.rows_loaded, summary.rows_quarantined)
