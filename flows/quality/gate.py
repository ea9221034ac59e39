"""The quality gates: tables staged as Parquet, judged in full by SQL and shown by GX, each answer kept.

The publication gate validates exactly the Parquet files staged for it, so what is published is what
passed; the ingest gate reads the build database's raw tables where they are (what dbt reads is what
passed, and nothing proportional to the raw tables is copied for it).
GX 1.x validates through pandas only (no working DuckDB datasource), and a mart of millions of rows
must never sit whole in pandas. So every expectation the pushdown knows (flows/quality/pushdown.py)
is judged by DuckDB over every row of the staged file, and GX validates a bounded sample of each
table (`validation_sample_rows`, plus the rows the SQL found failing) so Data Docs show every suite
and its failing rows. Each expectation gives exactly one CheckResult (passed / failed / warning /
broken, flows/quality/outcomes.py): the full-table SQL verdict where the expectation translates,
GX's verdict otherwise, marked as judged on a sample when the table was larger than it. The gate
blocks on any failed (blocking) or broken one. A staged table without a declared suite, or a
declared table that was not staged, is a failure of the whole.
"""
from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from flows.faults import fault_point
from flows.quality.data_docs import localise_site, prune_runs, use_site
from flows.quality.outcomes import CheckResult, from_gx
from flows.quality.pushdown import (Expectation, Source, TableShape, TableVerdicts, database_table, judge_table,
                                    literal, parquet_table, table_shape, write_sample)
from flows.quality.severity import BLOCKING
from flows.settings import Settings, disable_telemetry
from flows.warehouse.connection import connect_warehouse
from flows.warehouse.publish import staged_path

CHECKPOINT_NAME = "planwatch_publication_gate"
DATASOURCE_NAME = "planwatch_candidate"
PUBLICATION_GATE = "publication"
INGEST_GATE = "ingest"


@dataclass(frozen=True)
class GateResult:
    gate: str
    results: list[CheckResult] = field(default_factory=list)
    data_docs: str = ""

    @property
    def success(self) -> bool:
        return not any(r.blocks for r in self.results)

    @property
    def n_expectations(self) -> int:
        return len(self.results)

    @property
    def failures(self) -> list[str]:
        """Broken validations first (the gate could not look), then failed data."""
        ordered = [r for r in self.results if r.outcome == "broken"] + [r for r in self.results if r.outcome == "failed"]
        return [r.describe() for r in ordered]

    @property
    def warnings(self) -> list[str]:
        return [r.describe() for r in self.results if r.outcome == "warning"]

    def count(self, outcome: str) -> int:
        return sum(r.outcome == outcome for r in self.results)


def _whole(table: str, suite: str, expectation: str, outcome: str, reason: str) -> CheckResult:
    return CheckResult(suite=suite, table_name=table, expectation=expectation, column_name="", severity=BLOCKING,
                       outcome=outcome, sample=reason)  # type: ignore[arg-type]


DATABASE_ALIAS = "gated"  # the build database, attached read-only when a gate reads its tables in place


def _shape(con: duckdb.DuckDBPyConnection, source: Source) -> TableShape | None:
    """Columns and row count of a table (None when unreadable: the checkpoint says why)."""
    try:
        return table_shape(con, source.sql)
    except duckdb.Error:
        return None


def sample_dir(staged_dir: Path) -> Path:
    """The folder GX reads, one file per table, beside the staged tables and never among them (publishing
    links that folder in). GX lists its datasource's folder recursively, many times per run, so it holds
    nothing else."""
    return staged_dir.with_name(f"{staged_dir.name}_gx_sample")


def _on_sample(result: CheckResult, rows: int, of_rows: int) -> CheckResult:
    """GX's verdict on a sample, saying so: the pushdown could not judge this expectation on every row."""
    note = f"judged by GX on a sample of {rows} of {of_rows} rows"
    return replace(result, sample=f"{note}; {result.sample}" if result.sample else note)


def _stage_sample(con: duckdb.DuckDBPyConnection, source: Source, target: Path, rows: int | None, limit: int,
                  failing_rows: list[str]) -> int | None:
    """Put the file GX validates for a table at `target`; its row count when it is a sample of a larger table.

    A single file within the limit is linked as it is; a partitioned or database table within the limit
    is written whole into one file."""
    if rows is not None and rows <= limit and source.file is not None:
        try:
            os.link(source.file, target)
        except OSError:
            shutil.copyfile(source.file, target)
        return None
    if rows is None:  # unreadable: GX gets the file as it is and says why
        if source.file is not None:
            shutil.copyfile(source.file, target)
        return None
    if rows <= limit:
        con.execute(f"copy (select * from {source.sql}) to {literal(str(target))} (format parquet)")
        return None
    write_sample(con, source, target, limit, failing_rows)
    return pq_rows(target)


def pq_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.read_metadata(path).num_rows


def _pushdown(con: duckdb.DuckDBPyConnection, source: Source, table: str, suite: str, expectations: list,
              rows_expected: bool) -> TableVerdicts:
    """Every translatable expectation judged on every row; none when the file cannot be read (GX says why)."""
    try:
        return judge_table(con, source.sql, [Expectation.of(e.configuration) for e in expectations],
                           table=table, suite=suite, rows_expected=rows_expected)
    except duckdb.Error:
        return TableVerdicts([None] * len(expectations), [])


def run_gate(settings: Settings, *, gate: str, staged_dir: Path, tables: Collection[str],
             suites: dict[str, list], run_id: str | None = None, rows_expected: Collection[str] = (),
             required_tables: Collection[str] = (), checkpoint_name: str = CHECKPOINT_NAME,
             datasource_name: str = DATASOURCE_NAME, extra: Iterable[CheckResult] = (),
             database: Path | None = None, relations: Mapping[str, str] | None = None) -> GateResult:
    """Validate every table with its suite; update Data Docs. A table is `<staged_dir>/<table>.parquet`
    (or the folder of its partitions), or, when `relations` names it, that relation of `database`
    read in place (`raw."records"`); GX's files go beside `staged_dir` either way."""
    disable_telemetry()
    import great_expectations as gx  # imported late: GX's import costs seconds
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    from flows.quality.suites import build_suite

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    results: list[CheckResult] = list(extra)
    # blocking: a staged table nobody wrote a suite for would pass unchecked.
    results += [_whole(t, f"{t}_suite", "suite_declared", "broken", "no expectation suite declared for this table")
                for t in sorted(tables) if t not in suites]
    # blocking: a table the contract declares but the build did not produce (a model dropped or renamed).
    results += [_whole(t, f"{t}_suite", "table_present", "failed", "table missing: it was not built or staged")
                for t in sorted(required_tables) if t not in tables]
    checked = [t for t in sorted(tables) if t in suites]
    if not checked:
        return GateResult(gate, results)

    context = gx.get_context(mode="file", project_root_dir=str(settings.expectations_dir))
    context.variables.progress_bars = {"globally": False}
    use_site(context, settings.data_docs_dir)
    gx_dir = sample_dir(staged_dir)
    shutil.rmtree(gx_dir, ignore_errors=True)
    gx_dir.mkdir(parents=True)
    datasource = context.data_sources.add_or_update_pandas_filesystem(name=datasource_name, base_directory=str(gx_dir))
    definitions, shapes = [], {}
    verdicts: dict[str, CheckResult] = {}  # expectation id -> its full-table SQL verdict
    sampled: dict[str, tuple[int, int]] = {}  # table -> (rows GX saw, rows in the table)
    declared: dict[str, int] = {}  # expectation id -> its place in its suite (GX answers in its own order)
    relations = relations or {}
    with connect_warehouse(settings=settings) as con:
        if database is not None:
            con.execute(f"attach {literal(str(database))} as {DATABASE_ALIAS} (read_only)")
        for table in checked:
            source = (database_table(f"{DATABASE_ALIAS}.{relations[table]}") if table in relations
                      else parquet_table(staged_path(staged_dir, table)))
            shape = _shape(con, source)
            shapes[table] = (set(shape.types), shape.rows) if shape else (None, None)
            suite = context.suites.add_or_update(build_suite(table, suites[table]))
            pushed = _pushdown(con, source, table, suite.name, suite.expectations, table in rows_expected)
            verdicts.update({e.id: v for e, v in zip(suite.expectations, pushed.results) if v is not None and e.id})
            declared.update({e.id: i for i, e in enumerate(suite.expectations) if e.id})
            sample_rows = _stage_sample(con, source, gx_dir / f"{table}.parquet", shapes[table][1],
                                        settings.validation_sample_rows, pushed.failing_rows)
            if sample_rows is not None:
                sampled[table] = (sample_rows, shapes[table][1])
            try:
                datasource.delete_asset(table)
            except (LookupError, ValueError):
                pass
            asset = datasource.add_parquet_asset(name=table)
            batch = asset.add_batch_definition_path(name=table, path=f"{table}.parquet")
            definitions.append(context.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=f"{gate}_{table}_validation", data=batch, suite=suite)))
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(name=checkpoint_name, validation_definitions=definitions, result_format="SUMMARY"))
    # The GX run name is the pipeline run id, so Data Docs and audit.validation_results line up.
    outcome = checkpoint.run(run_id=RunIdentifier(run_name=run_id) if run_id else None)
    prune_runs(settings.expectations_dir / "gx" / "uncommitted" / "validations", settings.data_docs_dir,
               keep=settings.data_docs_keep_runs)
    fault_point("mid-validation")  # tests only
    # Data Docs are built once for the whole run: GX's UpdateDataDocsAction rebuilds the site and its
    # index once per validation, which made this gate twice as slow for the same pages.
    context.build_data_docs(resource_identifiers=[
        identifier
        for validation_id, run_result in outcome.run_results.items()
        for identifier in (validation_id, ExpectationSuiteIdentifier(name=run_result.suite_name))
    ])
    localise_site(settings.data_docs_dir)  # readable offline: shipped assets, no CDN
    validated = set()
    for run_result in outcome.run_results.values():
        table = run_result.suite_name.removesuffix("_suite")
        validated.add(table)
        if not run_result.results:
            results.append(_whole(table, run_result.suite_name, "suite_ran", "broken", "the suite returned no result"))
        for er in sorted(run_result.results, key=lambda er: declared.get(er.expectation_config.id or "", 0)):
            verdict = verdicts.get(er.expectation_config.id or "")
            if verdict is None:
                verdict = from_gx(er, table=table, suite=run_result.suite_name, rows_expected=table in rows_expected,
                                  table_columns=shapes.get(table, (None, None))[0],
                                  table_rows=shapes.get(table, (None, None))[1])
                if table in sampled:
                    verdict = _on_sample(verdict, *sampled[table])
            results.append(verdict)
    results += [_whole(t, f"{t}_suite", "suite_ran", "broken", "the checkpoint returned no result for this table")
                for t in checked if t not in validated]
    docs = Path(settings.data_docs_index)
    return GateResult(gate, results, str(docs) if docs.exists() else "")


def validate_candidate(settings: Settings, tables: list[str], *, run_id: str | None = None,
                       rows_expected: Collection[str] | None = None, required_tables: Collection[str] = (),
                       extra: Iterable[CheckResult] = ()) -> GateResult:
    """The publication gate over the marts staged in `<candidate_dir>/<table>.parquet`."""
    from flows.quality.suites import ROWS_EXPECTED_BY_DEFAULT, publication_suites

    expected = ROWS_EXPECTED_BY_DEFAULT if rows_expected is None else frozenset(rows_expected)
    return run_gate(settings, gate=PUBLICATION_GATE, staged_dir=settings.candidate_dir, tables=tables,
                    suites=publication_suites(expected), run_id=run_id, rows_expected=expected,
                    required_tables=required_tables, extra=extra)
