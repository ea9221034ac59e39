"""The scheduled deployments, read from `infra/deployments.toml` (overridable by environment).

`planwatch serve` registers them with the Prefect server of PREFECT_API_URL and runs their flow runs
in this machine's processes (Prefect's `serve()`); `infra/prefect.yaml` declares the same deployments
for a process work pool instead.
"""
from __future__ import annotations

import inspect
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.settings import PROJECT_ROOT

DEFAULT_FILE = PROJECT_ROOT / "infra" / "deployments.toml"
_KEYS = {"flow", "description", "cron", "interval_seconds", "timezone", "active", "parameters"}


class DeploymentConfigError(ValueError):
    """The deployments file (or an environment override) says something that cannot be served."""


@dataclass(frozen=True)
class DeploymentSpec:
    name: str  # the part after the slash: planwatch-pipeline/<name>
    flow: str
    description: str = ""
    cron: str | None = None
    interval_seconds: int | None = None
    timezone: str = "UTC"
    active: bool = True
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def full_name(self) -> str:
        return f"{self.flow}/{self.name}"


def _flows() -> dict[str, Any]:
    from flows.feeds_flow import feeds_flow
    from flows.pipeline import planwatch_pipeline

    return {"planwatch-pipeline": planwatch_pipeline, "planwatch-feeds": feeds_flow}


def _env_overrides(name: str, spec: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    prefix = "PLANWATCH_" + name.upper().replace("-", "_") + "_"
    out = dict(spec)
    for key in ("cron", "timezone", "description"):
        if prefix + key.upper() in env:
            out[key] = env[prefix + key.upper()]
    if prefix + "INTERVAL_SECONDS" in env:
        out["interval_seconds"], out["cron"] = int(env[prefix + "INTERVAL_SECONDS"]), None
    elif prefix + "CRON" in env:
        out["interval_seconds"] = None
    if prefix + "ACTIVE" in env:
        out["active"] = env[prefix + "ACTIVE"].strip().lower() in ("1", "true", "yes", "on")
    if prefix + "PARAMETERS" in env:
        try:
            out["parameters"] = {**out.get("parameters", {}), **json.loads(env[prefix + "PARAMETERS"])}
        except ValueError as exc:
            raise DeploymentConfigError(f"{prefix}PARAMETERS is not a JSON object: {exc}") from None
    return out


def load_deployments(path: Path | None = None, env: dict[str, str] | None = None) -> list[DeploymentSpec]:
    env = dict(os.environ) if env is None else env
    path = Path(path or env.get("PLANWATCH_DEPLOYMENTS_FILE") or DEFAULT_FILE)
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DeploymentConfigError(f"cannot read deployments file {path}: {exc}") from None
    default_tz = env.get("PLANWATCH_TIMEZONE") or config.get("defaults", {}).get("timezone", "UTC")
    flows = _flows()
    specs = []
    for name, raw in config.get("deployments", {}).items():
        unknown = set(raw) - _KEYS
        if unknown:
            raise DeploymentConfigError(f"{path}: deployment {name!r} has unknown key(s) {sorted(unknown)}; "
                                        f"known: {sorted(_KEYS)}")
        spec = _env_overrides(name, {"timezone": default_tz, **raw}, env)
        if spec.get("flow") not in flows:
            raise DeploymentConfigError(f"{path}: deployment {name!r} names flow {spec.get('flow')!r}; "
                                        f"known: {sorted(flows)}")
        if bool(spec.get("cron")) == bool(spec.get("interval_seconds")):
            raise DeploymentConfigError(f"{path}: deployment {name!r} needs exactly one of cron / interval_seconds")
        accepted = set(inspect.signature(flows[spec["flow"]].fn).parameters)
        bad = set(spec.get("parameters", {})) - accepted
        if bad:
            raise DeploymentConfigError(f"{path}: deployment {name!r} passes unknown parameter(s) {sorted(bad)} "
                                        f"to {spec['flow']}; it takes {sorted(accepted)}")
        specs.append(DeploymentSpec(name=name, **{k: v for k, v in spec.items() if v is not None}))
    return specs


def to_runner_deployments(specs: list[DeploymentSpec]) -> list:
    """Prefect deployments for `serve()`: schedules in their time zone, the flows by module path."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron, Interval

    flows = _flows()
    deployments = []
    for spec in specs:
        if spec.cron:
            schedule = Cron(spec.cron, timezone=spec.timezone, active=spec.active)
        else:
            schedule = Interval(spec.interval_seconds, timezone=spec.timezone, active=spec.active)
        deployment = flows[spec.flow].to_deployment(
            name=spec.name, schedules=[schedule], parameters=spec.parameters, description=spec.description,
            tags=["planwatch"], entrypoint_type=EntrypointType.MODULE_PATH, enforce_parameter_schema=True,
        )
        deployment._parameter_openapi_schema = _closed(deployment._parameter_openapi_schema)
        deployments.append(deployment)
    return deployments


def _closed(schema):
    """The flow's parameter schema with `additionalProperties: false`, so the server refuses a run with an
    unknown parameter (a typo such as `rebuidl`) when it is created, instead of the run crashing later."""
    from prefect.utilities.callables import ParameterSchema

    class ClosedParameterSchema(ParameterSchema):
        additionalProperties: bool = False

    return ClosedParameterSchema(**schema.model_dump(exclude_unset=True), additionalProperties=False)


def serve_deployments(specs: list[DeploymentSpec], limit: int | None = None) -> None:
    """Register and serve until interrupted; a restart never leaves the schedules paused."""
    from prefect import serve

    serve(*to_runner_deployments(specs), pause_on_shutdown=False, limit=limit)
