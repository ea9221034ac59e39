"""The one settings object: every path and option, from environment variables with working defaults.

dbt's profiles.yml reads the same variables through env_var(); `Settings.dbt_env()` exports them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# These machines, like many government networks, are offline: no product telemetry from any tool.
_OFFLINE_ENV = {
    "DO_NOT_TRACK": "1",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def disable_telemetry() -> None:
    for key, value in _OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def _optional_int(var: str) -> int | None:
    value = os.environ.get(var, "").strip()
    return int(value) if value else None


def _path(var: str, default: Path | None) -> Path | None:
    value = os.environ.get(var)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    landing_dir: Path = field(default_factory=lambda: _path("PLANWATCH_LANDING", PROJECT_ROOT / "warehouse" / "landing"))
    warehouse_dir: Path = field(default_factory=lambda: _path("PLANWATCH_WAREHOUSE", PROJECT_ROOT / "warehouse"))
    dbt_project_dir: Path = field(default_factory=lambda: _path("PLANWATCH_DBT_DIR", PROJECT_ROOT / "dbt"))
    # The Great Expectations project is generated from code at every run, so it lives with the warehouse it
    # validates (`<warehouse>/gx_project`), never in the repository; PLANWATCH_EXPECTATIONS_DIR pins it elsewhere.
    expectations_dir: Path | None = field(default_factory=lambda: _path("PLANWATCH_EXPECTATIONS_DIR", None))
    # Reviewers' corrections (CSV files) belong to the warehouse they correct (`<warehouse>/corrections`);
    # PLANWATCH_CORRECTIONS_DIR points elsewhere (a shared folder reviewers write to).
    corrections_dir: Path | None = field(default_factory=lambda: _path("PLANWATCH_CORRECTIONS_DIR", None))
    # Thread count for dbt; DuckDB is single-writer so more than a few buys nothing.
    dbt_threads: int = field(default_factory=lambda: int(os.environ.get("PLANWATCH_DBT_THREADS", "4")))
    # DuckDB's memory limit for the dbt build and every connection of the run; past it DuckDB spills to disk (the build over 10M feed rows
    # peaked at 5.2 GB without it and 2.25 GB with 2GB: tests/bench/results/2026-12-06-feeds-10m.md).
    duckdb_memory_limit: str = field(default_factory=lambda: os.environ.get("PLANWATCH_DUCKDB_MEMORY_LIMIT", "2GB"))
    # Extraction processes: unset = one per core once a run has enough reports to pay for starting them
    # (flows/reports.py extraction_processes); 0 or 1 = in the run's own process.
    workers: int | None = field(default_factory=lambda: _optional_int("PLANWATCH_WORKERS"))
    # Extraction on Dask instead of the local process pool: an existing scheduler's address, or `local`
    # for a local Dask cluster of `workers` processes.
    dask_address: str = field(default_factory=lambda: os.environ.get("PLANWATCH_DASK_ADDRESS", ""))
    # Reports loaded per transaction: memory stays bounded by the batch, and each raw table is scanned
    # once a batch (replacing a document's rows is a delete, and a delete scans).
    load_batch_reports: int = field(default_factory=lambda: int(os.environ.get("PLANWATCH_LOAD_BATCH_REPORTS", "500")))
    # A second run finding the warehouse busy waits this long for the first, then exits (code 3).
    lock_wait_seconds: float = field(default_factory=lambda: float(os.environ.get("PLANWATCH_LOCK_WAIT_SECONDS", "0")))
    # Reading landing (often a network share) and publishing retry transient I/O errors.
    io_retries: int = field(default_factory=lambda: int(os.environ.get("PLANWATCH_IO_RETRIES", "2")))
    io_retry_delay_seconds: float = field(
        default_factory=lambda: float(os.environ.get("PLANWATCH_IO_RETRY_DELAY_SECONDS", "10")))
    # Above this share of a table's rows set aside by row-level checks, the run blocks (a failure of the whole).
    # Data Docs keep the newest runs of each suite; older validation results and pages are pruned.
    data_docs_keep_runs: int = field(default_factory=lambda: int(os.environ.get("PLANWATCH_DATA_DOCS_KEEP_RUNS", "10")))
    max_quarantine_share: float = field(
        default_factory=lambda: float(os.environ.get("PLANWATCH_MAX_QUARANTINE_SHARE", "0.05")))
    # GX validates through pandas, so it sees at most this many rows of a table (plus the failing rows the
    # full-table SQL checks found); every row is still judged by those checks (flows/quality/pushdown.py).
    validation_sample_rows: int = field(
        default_factory=lambda: int(os.environ.get("PLANWATCH_VALIDATION_SAMPLE_ROWS", "50000")))

    def __post_init__(self) -> None:
        if self.expectations_dir is None:
            object.__setattr__(self, "expectations_dir", self.warehouse_dir / "gx_project")
        if self.corrections_dir is None:
            object.__setattr__(self, "corrections_dir", self.warehouse_dir / "corrections")

    @property
    def reports_dir(self) -> Path:
        return self.landing_dir / "reports"

    @property
    def feeds_dir(self) -> Path:
        return self.landing_dir / "feeds"

    @property
    def database_path(self) -> Path:
        """The build database: only the pipeline opens it."""
        return self.warehouse_dir / "planwatch.duckdb"

    @property
    def staging_dir(self) -> Path:
        """Where extraction tasks write each report's records for the load task to read."""
        return self.warehouse_dir / "tmp" / "extracted"

    @property
    def dbt_target_dir(self) -> Path:
        """dbt's target path for a run: run_results.json and manifest.json, read into the audit after the build."""
        return self.warehouse_dir / "tmp" / "dbt_target"

    @property
    def candidate_dir(self) -> Path:
        """Where a run stages its marts as Parquet for validation before publishing."""
        return self.warehouse_dir / "tmp" / "candidate"

    @property
    def published_dir(self) -> Path:
        return self.warehouse_dir / "published"

    @property
    def published_database_path(self) -> Path:
        return self.published_dir / "planwatch.duckdb"

    @property
    def published_parquet_dir(self) -> Path:
        return self.published_dir / "parquet"

    @property
    def data_docs_dir(self) -> Path:
        """Generated Data Docs live with the warehouse they describe (expectations/ keeps GX's configuration)."""
        return self.warehouse_dir / "data_docs"

    @property
    def data_docs_index(self) -> Path:
        return self.data_docs_dir / "index.html"

    def with_overrides(self, landing_dir: Path | None = None, warehouse_dir: Path | None = None) -> "Settings":
        """These settings with the folders given on the command line or as flow parameters."""
        given = {"landing_dir": landing_dir, "warehouse_dir": warehouse_dir}
        changes = {name: Path(path).resolve() for name, path in given.items() if path}
        if "warehouse_dir" in changes and self.expectations_dir == self.warehouse_dir / "gx_project":
            changes["expectations_dir"] = None  # follows the warehouse it was derived from
        if "warehouse_dir" in changes and self.corrections_dir == self.warehouse_dir / "corrections":
            changes["corrections_dir"] = None
        return replace(self, **changes)

    def dbt_env(self) -> dict[str, str]:
        """Variables profiles.yml reads, so dbt writes the same database the loader wrote."""
        return {
            "PLANWATCH_DUCKDB_PATH": str(self.database_path),
            "PLANWATCH_DBT_THREADS": str(self.dbt_threads),
            "PLANWATCH_DUCKDB_MEMORY_LIMIT": self.duckdb_memory_limit,
        }


def get_settings() -> Settings:
    return Settings()
