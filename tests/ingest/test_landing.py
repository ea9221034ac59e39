"""Nothing outside the landing folder is read: links leaving it are refused; a missing landing is an error."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from flows.feeds.contracts import CONTRACTS
from flows.feeds.load import feed_files, unclaimed_files
from flows.ingest import UnreadableDocument, ingest_file
from flows.ingest.landing import LandingNotFound, is_inside, links_leaving, require_landing
from flows.reports import REPORT_SUFFIXES, discover_reports
from flows.warehouse.load_reports import LANDING_KIND, quarantine_landing_problems
from flows.warehouse.raw_schema import ensure_raw_schema

REPORT = "三、重点工作\n城镇新增就业人数2万人以上。\n"


@pytest.fixture()
def landing(tmp_path: Path) -> Path:
    """A landing folder with one real report, links inside and outside, and a secret outside it."""
    outside = tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.txt").write_text("城镇新增就业人数99万人。\n", encoding="utf-8")
    (outside / "dir" / "stolen.csv").write_text("indicator,period,actual\nX,2025-01,1\n", encoding="utf-8")
    root = tmp_path / "landing"
    reports = root / "reports"
    reports.mkdir(parents=True)
    (reports / "real.txt").write_text(REPORT, encoding="utf-8")
    (reports / "alias.txt").symlink_to("real.txt")  # stays inside: fine
    (reports / "secret.txt").symlink_to(outside / "secret.txt")
    (reports / "rel_secret.txt").symlink_to("../../outside/secret.txt")
    (reports / "outdir").symlink_to(outside / "dir")
    feed_folder = root / "feeds" / CONTRACTS[0].folder
    feed_folder.mkdir(parents=True)
    (feed_folder / "stolen.csv").symlink_to(outside / "dir" / "stolen.csv")
    (feed_folder / "outdir").symlink_to(outside / "dir")
    (root / "feeds" / "loose.csv").symlink_to(outside / "dir" / "stolen.csv")
    return root


def test_links_leaving_landing_are_listed_and_links_inside_are_not(landing: Path) -> None:
    names = [link.path.relative_to(landing).as_posix() for link in links_leaving(landing)]
    assert names == [f"feeds/{CONTRACTS[0].folder}/outdir", f"feeds/{CONTRACTS[0].folder}/stolen.csv",
                     "feeds/loose.csv", "reports/outdir", "reports/rel_secret.txt", "reports/secret.txt"]
    assert all("outside the landing folder" in link.reason for link in links_leaving(landing))


def test_report_discovery_skips_links_leaving_landing(landing: Path) -> None:
    assert [p.name for p in discover_reports(landing / "reports")] == ["alias.txt", "real.txt"]


def test_feed_discovery_skips_links_leaving_landing(landing: Path) -> None:
    feeds = landing / "feeds"
    claimed = {p for c in CONTRACTS for p in feed_files(feeds, c)}
    assert claimed == set()
    assert unclaimed_files(feeds, claimed) == []


def test_a_landing_folder_that_is_itself_a_link_is_fine(landing: Path, tmp_path: Path) -> None:
    via = tmp_path / "via"
    via.symlink_to(landing)
    assert is_inside(via / "reports" / "real.txt", via)
    assert not is_inside(via / "reports" / "secret.txt", via)


def test_link_loop_is_not_inside(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert not is_inside(tmp_path / "a", tmp_path / "elsewhere")


def test_each_link_leaving_landing_gets_one_quarantine_row_and_a_removed_link_clears_it(landing: Path) -> None:
    con = duckdb.connect(":memory:")
    ensure_raw_schema(con)
    quarantine_landing_problems(con, landing, REPORT_SUFFIXES)
    quarantine_landing_problems(con, landing, REPORT_SUFFIXES)  # a rerun does not pile rows up
    rows = con.execute("select file_path, reason from raw.quarantine where source_kind = ?", [LANDING_KIND]).fetchall()
    assert len(rows) == 6
    assert all(reason.startswith("refused: a symbolic link to a ") for _path, reason in rows)
    (landing / "reports" / "secret.txt").unlink()
    quarantine_landing_problems(con, landing, REPORT_SUFFIXES)
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 5


def test_sidecar_linked_from_outside_is_refused(landing: Path, tmp_path: Path) -> None:
    (tmp_path / "outside" / "meta.json").write_text(json.dumps({"region": "北京市"}), encoding="utf-8")
    (landing / "reports" / "real.txt.meta.json").symlink_to(tmp_path / "outside" / "meta.json")
    with pytest.raises(UnreadableDocument, match="sidecar real.txt.meta.json is a symbolic link leading outside"):
        ingest_file(landing / "reports" / "real.txt")


@pytest.mark.parametrize("make", ["missing", "file"])
def test_missing_landing_folder_is_an_error_naming_it(tmp_path: Path, make: str) -> None:
    landing = tmp_path / "no_such_folder"
    if make == "file":
        landing.write_text("x")
    with pytest.raises(LandingNotFound, match=f"landing folder {landing} (does not exist|is not a folder)"):
        require_landing(landing)


def test_files_in_reports_that_are_no_report_and_orphan_sidecars_are_listed(tmp_path: Path) -> None:
    from flows.ingest.landing import stray_report_files

    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("a.txt", "a.txt.meta.json", "b.meta.json", "notes.rtf", "README", ".swp.txt", "c.pdf", "c.meta.json"):
        (reports / name).write_text("x", encoding="utf-8")
    stray = {s.path.name: s.reason for s in stray_report_files(reports, REPORT_SUFFIXES)}
    assert sorted(stray) == ["README", "b.meta.json", "notes.rtf"]
    assert stray["notes.rtf"].startswith("not a report format (.rtf)")
    assert stray["b.meta.json"].startswith("metadata sidecar without its report")
