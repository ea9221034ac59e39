"""`planwatch serve` against a real `prefect server start` on loopback: deployments, schedules, a run.

Starts its own server (own PREFECT_HOME, free port) and `planwatch serve` as child processes and
always stops both, whatever the outcome.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from flows.deployments import DeploymentConfigError, load_deployments
from flows.settings import PROJECT_ROOT

PLANWATCH = Path(sys.executable).parent / "planwatch"
PREFECT = Path(sys.executable).parent / "prefect"
DEPLOYMENTS = {"planwatch-pipeline/landing-watch", "planwatch-feeds/daily", "planwatch-pipeline/weekly-rebuild"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Stop a child and everything it started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class RetryingTransport(httpx.HTTPTransport):
    """Retry 429 / 502 / 503 with backoff, as Prefect's own client does (`prefect.client.base`, `retry_codes`).

    The server answers 503 while its SQLite database is busy (CI ran this module beside another Prefect
    server): a scheduler or a worker would retry that request, so a bare client must too, or the test
    fails on the machine's load and not on the deployments."""

    RETRY_CODES = frozenset({429, 502, 503})

    def __init__(self, attempts: int = 5, first_wait: float = 0.5, **kwargs) -> None:
        super().__init__(**kwargs)
        self.attempts, self.first_wait = attempts, first_wait

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for attempt in range(self.attempts):
            response = super().handle_request(request)
            if response.status_code not in self.RETRY_CODES or attempt == self.attempts - 1:
                return response
            response.close()
            time.sleep(self.first_wait * 2 ** attempt)
        raise AssertionError("unreachable")


def test_the_test_client_retries_a_busy_server_and_gives_up_after_its_attempts(monkeypatch):
    answers = iter([503, 502, 201])
    seen = []

    def scripted(self, request):
        seen.append(request.url.path)
        return httpx.Response(next(answers))

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", scripted)
    with httpx.Client(transport=RetryingTransport(attempts=3, first_wait=0.0), base_url="http://x") as client:
        assert client.post("/runs", json={}).status_code == 201
        assert seen == ["/runs"] * 3
        answers = iter([503] * 3)
        assert client.post("/runs", json={}).status_code == 503  # the last answer, after 3 attempts
        answers = iter([422])
        assert client.post("/runs", json={}).status_code == 422  # a refusal is not retried
        assert len(seen) == 7


def wait_for(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(1)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(PROJECT_ROOT / "warehouse" / "landing", landing)
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(root / "prefect"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PLANWATCH_LANDING": str(landing), "PLANWATCH_WAREHOUSE": str(warehouse),
           "PLANWATCH_EXPECTATIONS_DIR": str(root / "expectations")}
    env.pop("PREFECT_LOGGING_LEVEL", None)
    logs = root / "logs"
    logs.mkdir()
    server = subprocess.Popen([str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=open(logs / "server.log", "w"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    serve = None
    try:
        wait_for(lambda: _healthy(api), 180, "the Prefect server")
        serve = subprocess.Popen([str(PLANWATCH), "serve"], env=env, stdout=open(logs / "serve.log", "w"),
                                 stderr=subprocess.STDOUT, start_new_session=True, cwd=root)
        client = httpx.Client(base_url=api, timeout=30, transport=RetryingTransport())
        wait_for(lambda: len(_deployments(client)) == 3 or serve.poll() is not None, 180, "the three deployments")
        assert serve.poll() is None, (logs / "serve.log").read_text()
        yield {"client": client, "warehouse": warehouse, "logs": logs}
    finally:
        if serve is not None:
            stop(serve)
        stop(server)


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _deployments(client: httpx.Client) -> dict[str, dict]:
    flows = {f["id"]: f["name"] for f in client.post("/flows/filter", json={}).json()}
    return {f"{flows[d['flow_id']]}/{d['name']}": d for d in client.post("/deployments/filter", json={}).json()}


def test_serve_registers_the_three_deployments_with_active_schedules(served):
    deployments = _deployments(served["client"])
    assert set(deployments) == DEPLOYMENTS
    for deployment in deployments.values():
        assert not deployment["paused"]
        assert [s["active"] for s in deployment["schedules"]] == [True]
    schedule = {name: d["schedules"][0]["schedule"] for name, d in deployments.items()}
    assert schedule["planwatch-pipeline/landing-watch"]["interval"] == 3600
    assert (schedule["planwatch-feeds/daily"]["cron"], schedule["planwatch-feeds/daily"]["timezone"]) == (
        "0 6 * * *", "Asia/Shanghai")
    assert schedule["planwatch-pipeline/weekly-rebuild"]["cron"] == "0 3 * * 0"
    assert deployments["planwatch-pipeline/weekly-rebuild"]["parameters"]["rebuild"] is True


def test_landing_watch_triggered_through_the_api_completes_and_publishes(served):
    client = served["client"]
    deployment = _deployments(client)["planwatch-pipeline/landing-watch"]
    run = client.post(f"/deployments/{deployment['id']}/create_flow_run", json={}).json()

    def finished():
        state = client.get(f"/flow_runs/{run['id']}").json()["state"]
        return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

    state = wait_for(finished, 480, "the landing-watch flow run")
    assert state["type"] == "COMPLETED", (served["logs"] / "serve.log").read_text()[-3000:]
    published = served["warehouse"] / "published" / "planwatch.duckdb"
    assert published.is_file()
    import duckdb

    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_target").fetchone()[0] > 0
        assert con.execute("select trigger, outcome, flow_run_id from audit.pipeline_runs").fetchall() == [
            ("api", "published", run["id"])]


def test_unknown_parameter_is_refused_with_a_clear_error_not_a_crash(served):
    client = served["client"]
    deployment = _deployments(client)["planwatch-pipeline/landing-watch"]
    refused = client.post(f"/deployments/{deployment['id']}/create_flow_run", json={"parameters": {"rebuidl": True}})
    assert refused.status_code in (409, 422), refused.text
    assert "rebuidl" in refused.text
    accepted = client.post(f"/deployments/{deployment['id']}/create_flow_run",
                           json={"parameters": {"rebuild": False}, "state": {"type": "CANCELLED"}})
    assert accepted.status_code == 201, accepted.text  # known parameters still pass


def test_unknown_parameter_in_the_deployments_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "deployments.toml"
    bad.write_text('[deployments.landing-watch]\nflow = "planwatch-pipeline"\ninterval_seconds = 60\n'
                   'parameters = { rebuidl = true }\n', encoding="utf-8")
    with pytest.raises(DeploymentConfigError, match="rebuidl"):
        load_deployments(bad, env={})


def test_environment_overrides_a_schedule_and_its_time_zone():
    env = {"PLANWATCH_DAILY_CRON": "30 7 * * *", "PLANWATCH_DAILY_TIMEZONE": "UTC",
           "PLANWATCH_LANDING_WATCH_INTERVAL_SECONDS": "900", "PLANWATCH_WEEKLY_REBUILD_ACTIVE": "false"}
    specs = {s.name: s for s in load_deployments(env=env)}
    assert (specs["daily"].cron, specs["daily"].timezone) == ("30 7 * * *", "UTC")
    assert specs["landing-watch"].interval_seconds == 900
    assert specs["weekly-rebuild"].active is False and specs["weekly-rebuild"].timezone == "Asia/Shanghai"
