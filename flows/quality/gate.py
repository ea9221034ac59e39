"""The publication gate: one GX checkpoint validating every candidate table before publishing.

The pipeline stages each mart as Parquet in the candidate directory; the checkpoint validates
exactly those files (GX 1.x has no working DuckDB datasource), then Data Docs are updated with its
results, so what a reviewer reads is what was checked, and what is published is what passed.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from flows.faults import fault_point
from flows.settings import Settings, disable_telemetry

CHECKPOINT_NAME = "planwatch_publication_gate"
DATASOURCE_NAME = "planwatch_candidate"


@dataclass(frozen=True)
class GateResult:
    success: bool
    n_expectations: int
    failures: list[str] = field(default_factory=list)  # "table: expectation(column) — unexpected sample"
    data_docs: str = ""


def validate_candidate(settings: Settings, tables: list[str]) -> GateResult:
    """Validate candidate Parquet files `<candidate_dir>/<table>.parquet` with their suites."""
    disable_telemetry()
    import great_expectations as gx  # imported late: GX's import costs seconds
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    from flows.quality.suites import all_suites, build_suite

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    suites = all_suites()
    missing = [t for t in tables if t not in suites]
    if missing:
        return GateResult(False, 0, [f"{t}: no expectation suite declared" for t in missing])

    context = gx.get_context(mode="file", project_root_dir=str(settings.expectations_dir))
    context.variables.progress_bars = {"globally": False}
    datasource = context.data_sources.add_or_update_pandas_filesystem(
        name=DATASOURCE_NAME, base_directory=str(settings.candidate_dir)
    )
    definitions = []
    for table in tables:
        try:
            datasource.delete_asset(table)
        except (LookupError, ValueError):
            pass
        asset = datasource.add_parquet_asset(name=table)
        batch = asset.add_batch_definition_path(name=table, path=f"{table}.parquet")
        suite = context.suites.add_or_update(build_suite(table, suites[table]))
        definitions.append(
            context.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=f"{table}_validation", data=batch, suite=suite)
            )
        )
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(name=CHECKPOINT_NAME, validation_definitions=definitions, result_format="SUMMARY")
    )
    result = checkpoint.run()
    fault_point("mid-validation")  # tests only
    # Data Docs are built once for the whole run: GX's UpdateDataDocsAction rebuilds the site and its
    # index once per validation, which made this gate twice as slow for the same pages.
    context.build_data_docs(resource_identifiers=[
        identifier
        for validation_id, run_result in result.run_results.items()
        for identifier in (validation_id, ExpectationSuiteIdentifier(name=run_result.suite_name))
    ])
    failures, n = [], 0
    for run_result in result.run_results.values():
        table = run_result.suite_name.removesuffix("_suite")
        for er in run_result.results:
            n += 1
            if not er.success:
                cfg = er.expectation_config
                column = cfg.kwargs.get("column") or cfg.kwargs.get("column_A") or ""
                sample = (er.result or {}).get("partial_unexpected_list") or (er.result or {}).get("observed_value")
                failures.append(f"{table}: {cfg.type}({column}) — unexpected {sample!r}"[:300])
    docs = Path(settings.data_docs_index)
    return GateResult(success=bool(result.success), n_expectations=n, failures=failures,
                      data_docs=str(docs) if docs.exists() else "")
