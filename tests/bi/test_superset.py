"""`make bi` end to end: Superset comes up over the published snapshot, its REST API serves the bundled
dashboard's chart data matching the marts, the dashboard renders in headless Chromium, a new snapshot
published while it runs shows after a refresh with no lock or I/O error, and writes are refused."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import duckdb
import httpx
import pytest

from flows.settings import PROJECT_ROOT
from .pipeline_run import run_pipeline

SUPERSET_PYTHON = PROJECT_ROOT / "infra" / "superset" / ".venv" / "bin" / "python"
HERE = Path(__file__).resolve().parent
OUTPUT = Path(os.environ.get("PLANWATCH_TEST_OUTPUT", HERE / "output"))
DASHBOARD_PATH = "/superset/dashboard/planwatch-plan-targets-and-projects/"
CHARTS = {"Targets by attainment status", "Targets and attainment", "Projects by stage and category",
          "Projects by county", "Portfolio investment by category (亿元)", "Data quality over time"}
# A second report landed while Superset runs: the new snapshot has more targets than the first.
SECOND_REPORT = PROJECT_ROOT.parent / "shared" / "corpus" / "reports" / "hebei_2026_gwr.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SupersetApi:
    def __init__(self, base: str, password: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=180)
        token = self.http.post("/api/v1/security/login", json={
            "username": "admin", "password": password, "provider": "db", "refresh": False})
        token.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

    def dashboard(self) -> dict:
        found = self.http.get("/api/v1/dashboard/", params={"q": "(page_size:100)"}).json()["result"]
        (dashboard,) = [d for d in found if d["dashboard_title"] == "planwatch — plan targets and projects"]
        return dashboard

    def charts(self) -> dict[str, int]:
        listed = self.http.get(f"/api/v1/dashboard/{self.dashboard()['id']}/charts").json()["result"]
        return {c["slice_name"]: c["id"] for c in listed}

    def chart_rows(self, chart_id: int) -> list[dict]:
        """The chart's data as the chart-data API returns it; always from the database (force)."""
        answer = self.http.get(f"/api/v1/chart/{chart_id}/data/", params={"force": "true"})
        assert answer.status_code == 200, answer.text[:500]
        return answer.json()["result"][0]["data"]


def marts(snapshot: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(snapshot), read_only=True) as con:
        return con.execute(sql).fetchall()


def expected_chart_data(snapshot: Path) -> dict[str, object]:
    """What each chart must show, computed from the marts (not from the semantic views the charts read)."""
    return {
        "Targets by attainment status": dict(marts(snapshot,
            "select status, count(*) from marts.fct_target_attainment group by status")),
        "Targets and attainment": sorted(marts(snapshot,
            "select indicator_text, status from marts.fct_target_attainment")),
        "Projects by stage and category": dict(((c, s), n) for c, s, n in marts(snapshot,
            "select coalesce(category, '(no category)'), stage, count(distinct (project_key, milestone_year)) "
            "from marts.fct_project_milestone group by all")),
        "Projects by county": dict(((c, s), n) for c, s, n in marts(snapshot,
            "select r.region_name, m.stage, count(distinct (m.project_key, m.milestone_year)) "
            "from marts.fct_project_milestone m join marts.dim_region r using (region_code) "
            "where r.level = 'county' group by all")),
        "Portfolio investment by category (亿元)": dict(marts(snapshot,
            "select coalesce(category, '(no category)'), sum(total_investment) / 1e8 from marts.fct_project_portfolio group by 1")),
        "Data quality over time": marts(snapshot, "select count(*) from marts.review_quarantine")[0][0],
    }


def shown_chart_data(api: SupersetApi, charts: dict[str, int]) -> dict[str, object]:
    rows = {name: api.chart_rows(chart_id) for name, chart_id in charts.items()}
    return {
        "Targets by attainment status": {r["status"]: r["targets"] for r in rows["Targets by attainment status"]},
        "Targets and attainment": sorted((r["indicator_text"], r["status"]) for r in rows["Targets and attainment"]),
        "Projects by stage and category": {(r["category"], r["stage"]): r["projects"] for r in rows["Projects by stage and category"]},
        "Projects by county": {(r["county_name"], r["stage"]): r["projects"] for r in rows["Projects by county"]},
        "Portfolio investment by category (亿元)": {r["category"]: r["total investment (亿元)"]
                                                    for r in rows["Portfolio investment by category (亿元)"]},
        "Data quality over time": sum(r["count"] for r in rows["Data quality over time"]
                                      if r["source"] == "quarantine"),
    }


def assert_charts_match_marts(shown: dict, expected: dict) -> None:
    investment = "Portfolio investment by category (亿元)"
    for name in CHARTS - {investment}:
        assert shown[name] == expected[name], name
    assert shown[investment].keys() == expected[investment].keys()
    for category, total in expected[investment].items():
        assert shown[investment][category] == pytest.approx(total, abs=0.01 * 5)  # rounded to 0.01 per group


@pytest.fixture(scope="module")
def superset(bi_warehouse, tmp_path_factory):
    """`make bi` over a copy of the BI warehouse (this module publishes into it again); `make bi-stop` after."""
    if not SUPERSET_PYTHON.exists():
        pytest.fail("Superset is not installed in infra/superset/.venv: `make test` (or `make bi-venv`) installs it")
    root = tmp_path_factory.mktemp("superset")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(bi_warehouse["landing"], landing)
    shutil.copytree(bi_warehouse["warehouse"], warehouse, symlinks=True)
    port, password = free_port(), secrets.token_urlsafe(12)
    env = {**os.environ, "PLANWATCH_WAREHOUSE": str(warehouse), "PLANWATCH_BI_HOME": str(root / "bi"),
           "PLANWATCH_BI_PORT": str(port), "PLANWATCH_BI_PASSWORD": password}
    up = subprocess.run(["make", "-s", "-o", ".venv/.installed", "bi"], cwd=PROJECT_ROOT, env=env,
                        capture_output=True, text=True, timeout=1200)
    base = f"http://127.0.0.1:{port}"
    state = {"base": base, "password": password, "env": env, "root": root, "landing": landing,
             "warehouse": warehouse, "snapshot": warehouse / "published" / "planwatch.duckdb",
             "log": root / "bi" / "superset.log", "make_bi": up}
    try:
        assert up.returncode == 0, up.stdout + up.stderr + _tail(state["log"])
        yield state
    finally:
        subprocess.run(["make", "-s", "bi-stop"], cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=120)


def _tail(path: Path, n: int = 4000) -> str:
    return path.read_text(errors="replace")[-n:] if path.exists() else ""


def test_make_bi_prints_the_dashboard_url_and_listens_on_loopback_only(superset):
    out = superset["make_bi"].stdout
    assert f"{superset['base']}{DASHBOARD_PATH}" in out
    assert superset["password"] not in out  # a given password is never echoed
    port = int(superset["base"].rsplit(":", 1)[1])
    listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout
    local_addresses = [line.split()[3] for line in listening.splitlines()]
    assert local_addresses and all(a.startswith("127.0.0.1:") for a in local_addresses), listening


def test_api_lists_the_dashboard_and_every_chart_shows_the_marts_figures(superset):
    api = SupersetApi(superset["base"], superset["password"])
    charts = api.charts()
    assert set(charts) == CHARTS
    assert_charts_match_marts(shown_chart_data(api, charts), expected_chart_data(superset["snapshot"]))
    # No example data: the bundled dashboard is the only one, `planwatch` the only database.
    assert len(api.http.get("/api/v1/dashboard/").json()["result"]) == 1
    assert [d["database_name"] for d in api.http.get("/api/v1/database/").json()["result"]] == ["planwatch"]


def test_dashboard_renders_its_charts_in_headless_chromium(superset):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    screenshot = OUTPUT / "superset_dashboard.png"
    screenshot.unlink(missing_ok=True)
    shot = subprocess.run([str(SUPERSET_PYTHON), str(HERE / "dashboard_screenshot.py"), superset["base"], DASHBOARD_PATH,
                           "admin", superset["password"], str(screenshot)], capture_output=True, text=True, timeout=600)
    assert shot.returncode == 0, shot.stderr[-3000:]
    seen = json.loads(shot.stdout)
    assert "/login" not in seen["url"] and DASHBOARD_PATH in seen["url"]
    assert seen["title"] == "planwatch — plan targets and projects"
    assert seen["errors"] == []
    assert seen["chart_holders"] == len(CHARTS) and seen["rendered_charts"] == len(CHARTS), seen
    for name in CHARTS:
        assert name in seen["text"]
    # The table shows the targets' Chinese indicator names as text.
    (indicator,) = marts(superset["snapshot"], "select indicator_text from marts.fct_target_attainment "
                                              "where status <> 'no_data' order by attainment_ratio desc limit 1")[0]
    assert indicator in seen["text"]
    assert screenshot.stat().st_size > 50_000


def test_writes_and_file_access_through_supersets_connection_are_refused(superset):
    api = SupersetApi(superset["base"], superset["password"])
    csrf = api.http.get("/api/v1/security/csrf_token/").json()["result"]
    database_id = api.http.get("/api/v1/database/").json()["result"][0]["id"]
    lab = api.http.post("/api/v1/sqllab/execute/", headers={"X-CSRFToken": csrf, "Referer": superset["base"]}, json={
        "database_id": database_id, "sql": "insert into marts.dim_region (region_code) values ('999999')",
        "runAsync": False, "schema": "marts"})
    assert lab.status_code >= 400 and "999999" not in json.dumps(lab.json().get("data", ""))
    # Below Superset's own DML check: the DuckDB connection it opens is read-only and cannot touch files.
    out_file = superset["root"] / "copied.csv"
    probe = subprocess.run([str(SUPERSET_PYTHON), str(HERE / "superset_connection_probe.py"), str(out_file)],
                           env={**superset["env"], "SUPERSET_CONFIG_PATH": str(PROJECT_ROOT / "infra" / "superset" / "superset_config.py")},
                           capture_output=True, text=True, timeout=300)
    assert probe.returncode == 0, probe.stderr[-3000:]
    seen = json.loads(probe.stdout.strip().splitlines()[-1])
    outcomes = seen["outcomes"]
    assert "read-only" in outcomes["insert"]["error"]
    for attempt in ("copy_to", "read_text"):
        assert outcomes[attempt]["refused"] and "disabled by configuration" in outcomes[attempt]["error"]
    assert outcomes["unlock"]["refused"] and "locked" in outcomes["unlock"]["error"]
    assert outcomes["select"] == {"refused": False, "rows": [[marts(superset["snapshot"], "select count(*) from marts.dim_region")[0][0]]]}
    assert seen["pool"] == "NullPool"  # a connection per query: a replaced snapshot file is opened afresh
    assert not out_file.exists()
    assert marts(superset["snapshot"], "select count(*) from marts.dim_region where region_code = '999999'") == [(0,)]


def test_a_snapshot_published_while_superset_runs_shows_after_refresh(superset):
    api = SupersetApi(superset["base"], superset["password"])
    charts = api.charts()
    before = shown_chart_data(api, charts)
    shutil.copy(SECOND_REPORT, superset["landing"] / "reports" / SECOND_REPORT.name)

    errors: list[str] = []
    polls = 0
    stop = threading.Event()

    def poll() -> None:  # a dashboard user refreshing all the while
        nonlocal polls
        reader = SupersetApi(superset["base"], superset["password"])
        while not stop.is_set():
            for chart_id in charts.values():
                answer = reader.http.get(f"/api/v1/chart/{chart_id}/data/", params={"force": "true"})
                polls += 1
                if answer.status_code != 200:
                    errors.append(f"{answer.status_code}: {answer.text[:300]}")

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    try:
        done = run_pipeline(superset["landing"], superset["warehouse"], superset["root"] / "expectations")
    finally:
        stop.set()
        poller.join(timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    after = shown_chart_data(api, charts)
    expected = expected_chart_data(superset["snapshot"])
    assert_charts_match_marts(after, expected)
    assert sum(after["Targets by attainment status"].values()) > sum(before["Targets by attainment status"].values())
    assert polls > 0 and errors == []
    log = _tail(superset["log"], 10**7)
    for symptom in ("Could not set lock", "IO Error", "database is locked", "Conflicting lock"):
        assert symptom not in log


def test_make_bi_stop_stops_it(superset):
    down = subprocess.run(["make", "-s", "bi-stop"], cwd=PROJECT_ROOT, env=superset["env"], capture_output=True,
                          text=True, timeout=120)
    assert down.returncode == 0 and "stopped" in down.stdout, down.stdout + down.stderr
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{superset['base']}/health", timeout=5)
