"""Crash safety: a run killed with SIGKILL at any step leaves nothing behind, and the next run converges.

One uninterrupted reference run, then one warehouse that starts from the reference's published
snapshot and is killed at each fault point in turn (PLANWATCH_FAULT, flows/faults.py): every killed
run redoes the work the previous one lost and gets past its point before dying at the next, and a
final normal run must publish marts identical to the reference. Readers (plain duckdb and
SQLAlchemy + duckdb-engine) query the published snapshot all along. Each run is a real
`planwatch run` subprocess with its own temporary Prefect server, so orphans would show.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from flows.faults import FAULT_POINTS

from .readers import ReaderLoop, signature
from .runs import BUNDLED_LANDING, Workspace, mart_contents, planwatch_run, survivors_after, write_result_table

pytestmark = pytest.mark.slow

PUBLISH_LEFTOVERS = (".planwatch.*.duckdb.tmp*", ".parquet.*.link")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(ws: Workspace) -> list[str]:
    published = ws.warehouse / "published"
    return sorted(p.name for pattern in PUBLISH_LEFTOVERS for p in published.glob(pattern))


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("crash")
    prefect_home = root / "prefect"
    landing = root / "landing"
    shutil.copytree(BUNDLED_LANDING, landing)
    reference = Workspace(root, landing, root / "reference")
    done = planwatch_run(reference, prefect_home)
    assert done.returncode == 0, done.stderr[-3000:]
    out = {"reference": reference, "reference_marts": mart_contents(reference.published_db),
           "reference_survivors": survivors_after(reference.marker), "kills": {}}

    crashed = Workspace(root, landing, root / "crashed")
    shutil.copytree(reference.warehouse / "published", crashed.warehouse / "published", symlinks=True)
    before = _sha(crashed.published_db)
    known = {signature(crashed.published_db)}
    readers = [ReaderLoop(kind, crashed.published_db, root / f"reader{i}.json").start()
               for i, kind in enumerate(("duckdb", "sqlalchemy + duckdb-engine"))]
    try:
        for point in FAULT_POINTS:
            killed = planwatch_run(crashed, prefect_home, fault=point)
            out["kills"][point] = {
                "returncode": killed.returncode,
                "stderr": killed.stderr[-2000:],
                "survivors": survivors_after(crashed.marker),
                "published_unchanged": _sha(crashed.published_db) == before,
                "leftovers": _leftovers(crashed),
            }
        final = planwatch_run(crashed, prefect_home)
    finally:
        for reader in readers:
            reader.stop()
    out.update(final=final, crashed=crashed, final_survivors=survivors_after(crashed.marker),
               final_leftovers=_leftovers(crashed), readers=readers, known=known)
    out["final_marts"] = mart_contents(crashed.published_db) if final.returncode == 0 else {}
    _write_tables(out)
    return out


def _write_tables(out: dict) -> None:
    converged = out["final_marts"] == out["reference_marts"]
    rows = [[point, "SIGKILL" if k["returncode"] == -9 else f"exit {k['returncode']}", len(k["survivors"]),
             "yes" if k["published_unchanged"] else "NO", ", ".join(k["leftovers"]) or "-",
             "yes" if converged else "NO"] for point, k in out["kills"].items()]
    write_result_table("crash_points", ["crash point", "killed run", "processes left", "published snapshot intact",
                                        "temporary files after the kill", "next runs converged"], rows)
    write_result_table("concurrent_readers", ["reader", "queries", "errors", "reads of no published snapshot"],
                       [[r.kind, r.queries, len(r.errors), r.foreign(out["known"])] for r in out["readers"]])


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_the_fault_switch_kills_the_run_at_each_point(chain, point: str) -> None:
    assert chain["kills"][point]["returncode"] == -9, chain["kills"][point]["stderr"]


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_no_process_of_a_killed_run_survives_it(chain, point: str) -> None:
    assert chain["kills"][point]["survivors"] == []


def test_no_process_of_a_finished_run_survives_it(chain) -> None:
    assert chain["reference_survivors"] == [] and chain["final_survivors"] == []


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_a_kill_never_touches_the_published_snapshot(chain, point: str) -> None:
    assert chain["kills"][point]["published_unchanged"]


def test_a_kill_during_publish_leaves_temporaries_that_the_next_run_removes(chain) -> None:
    assert any(name.endswith(".duckdb.tmp") for name in chain["kills"]["mid-publish"]["leftovers"])
    assert chain["final_leftovers"] == []


def test_after_every_kill_the_next_run_converges_to_the_uninterrupted_marts(chain) -> None:
    assert chain["final"].returncode == 0, chain["final"].stderr[-3000:]
    assert chain["final_marts"] == chain["reference_marts"]
    assert len(chain["reference_marts"]["fct_target"]) > 0


def test_readers_of_the_published_snapshot_see_no_error_and_always_one_whole_snapshot(chain) -> None:
    for reader in chain["readers"]:
        assert reader.queries > 20, reader.kind
        assert reader.errors == [], reader.errors[:3]
        assert reader.foreign(chain["known"]) == 0, reader.seen
