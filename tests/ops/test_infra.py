"""infra/prefect.yaml declares exactly the deployments of infra/deployments.toml."""
from __future__ import annotations

import yaml

from flows.deployments import load_deployments
from flows.settings import PROJECT_ROOT

ENTRYPOINTS = {"planwatch-pipeline": "flows/pipeline.py:planwatch_pipeline",
               "planwatch-feeds": "flows/feeds_flow.py:feeds_flow"}


def test_prefect_yaml_mirrors_the_deployments_file():
    declared = yaml.safe_load((PROJECT_ROOT / "infra" / "prefect.yaml").read_text(encoding="utf-8"))
    in_yaml = {d["name"]: d for d in declared["deployments"]}
    specs = {s.name: s for s in load_deployments(env={})}
    assert set(in_yaml) == set(specs) == {"landing-watch", "daily", "weekly-rebuild"}
    for name, spec in specs.items():
        d = in_yaml[name]
        (schedule,) = d["schedules"]
        assert d["entrypoint"] == ENTRYPOINTS[spec.flow]
        assert (PROJECT_ROOT / d["entrypoint"].split(":")[0]).is_file()
        assert d["parameters"] == spec.parameters
        assert schedule.get("cron") == spec.cron and schedule.get("interval") == spec.interval_seconds
        assert schedule["timezone"] == spec.timezone and schedule["active"] == spec.active
        assert d["work_pool"]["name"] == "planwatch-process"
