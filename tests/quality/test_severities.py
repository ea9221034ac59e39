"""Every expectation declares its severity; outcomes separate failed data from broken validations."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from great_expectations import expectations as gxe

from flows.extract.records import COMPARATORS, KINDS, STAGES
from flows.quality.audit import GateRun, record_gate_run
from flows.quality.feed_suites import RAW_FEED_SUITES
from flows.quality.gate import run_gate
from flows.quality.outcomes import CheckResult, classify
from flows.quality.severity import blocking, warning
from flows.quality.suites import mart_suites, publication_suites
from flows.settings import PROJECT_ROOT, Settings


def test_every_expectation_of_every_suite_declares_a_severity():
    suites = {**publication_suites({"fct_target"}), **RAW_FEED_SUITES}
    undeclared = [(table, e.expectation_type) for table, checks in suites.items() for e in checks
                  if (e.meta or {}).get("severity") not in ("blocking", "warning")]
    assert undeclared == []
    severities = {e.meta["severity"] for checks in suites.values() for e in checks}
    assert severities == {"blocking", "warning"}


def test_record_vocabularies_in_the_dbt_row_checks_match_the_extractor():
    macro = (PROJECT_ROOT / "dbt" / "macros" / "record_contract.sql").read_text(encoding="utf-8")

    def listed(name: str) -> tuple[str, ...]:
        body = re.search(rf"macro {name}\(\).*?\((.*?)\)\s*\{{%- endmacro", macro, flags=re.S).group(1)
        return tuple(re.findall(r"'([^']*)'", body))

    assert listed("record_comparators") == COMPARATORS
    assert listed("record_kinds") == KINDS
    assert listed("record_stages") == STAGES


def outcome(**overrides):
    given = dict(success=False, severity="blocking", result={"element_count": 3, "unexpected_count": 1,
                                                              "partial_unexpected_list": ["about"]},
                 exception_info={"raised_exception": False}, rows_expected=True, table_columns={"comparator"},
                 table_rows=3, kwargs={"column": "comparator"})
    given.update(overrides)
    return classify(**given)


def test_a_blocking_expectation_on_bad_data_fails_with_its_sample():
    assert outcome() == ("failed", "['about']")


def test_a_warning_expectation_on_bad_data_is_a_warning():
    assert outcome(severity="warning")[0] == "warning"


def test_an_expectation_naming_a_missing_column_is_broken_not_failed():
    assert outcome(kwargs={"column": "no_such_column"}) == ("broken", "names column(s) the table lacks: no_such_column")


def test_an_expectation_that_raised_is_broken_even_when_gx_nests_the_exception_per_metric():
    nested = {"metric-id": {"raised_exception": True, "exception_message": "boom"}}
    assert outcome(exception_info=nested) == ("broken", "raised: boom")


def test_an_expectation_without_a_result_is_broken():
    assert outcome(success=None)[0] == "broken"
    assert outcome(result=None)[0] == "broken"


def test_a_column_check_on_an_empty_table_is_broken_only_where_rows_were_expected():
    passed = dict(success=True, result={"element_count": 0, "unexpected_count": 0}, table_rows=0)
    assert outcome(**passed)[0] == "broken"
    assert outcome(**passed, rows_expected=False)[0] == "passed"


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(warehouse_dir=tmp_path / "warehouse", expectations_dir=tmp_path / "expectations")


def test_gate_blocks_on_a_broken_expectation_and_passes_a_warning(settings):
    staged = settings.candidate_dir
    staged.mkdir(parents=True)
    pd.DataFrame({"k": ["a", "b"], "v": [1, 50]}).to_parquet(staged / "t.parquet")
    suites = {"t": [blocking(gxe.ExpectColumnValuesToBeUnique(column="k")),
                    warning(gxe.ExpectColumnValuesToBeBetween(column="v", min_value=0, max_value=10))]}
    warned = run_gate(settings, gate="test", staged_dir=staged, tables=["t"], suites=suites, run_id="run-1")
    assert warned.success and warned.count("warning") == 1 and warned.count("passed") == 1
    assert "50" in warned.warnings[0]

    suites["t"].append(blocking(gxe.ExpectColumnValuesToNotBeNull(column="no_such_column")))
    broken = run_gate(settings, gate="test", staged_dir=staged, tables=["t"], suites=suites, run_id="run-2")
    assert not broken.success
    assert broken.count("broken") == 1 and broken.count("failed") == 0
    assert "no_such_column" in broken.failures[0] and "[broken]" in broken.failures[0]


def test_a_declared_table_that_was_not_built_fails_the_gate(settings):
    result = run_gate(settings, gate="test", staged_dir=settings.candidate_dir, tables=[],
                      suites=mart_suites(), required_tables=["fct_target"])
    assert not result.success and "table missing" in result.failures[0]


def test_gate_runs_are_recorded_once_per_run_and_gate(tmp_path):
    results = [CheckResult("t_suite", "t", "expect_x", "c", "blocking", "passed"),
               CheckResult("t_suite", "t", "expect_y", "c", "warning", "warning", 2, "[50, 60]")]
    from datetime import datetime
    with duckdb.connect(str(tmp_path / "a.duckdb")) as con:
        for _ in range(2):  # a retried task records once
            record_gate_run(con, GateRun("run-1", "publication", datetime(2026, 1, 1), results))
        runs = con.execute("select * from audit.validation_runs").fetchall()
        rows = con.execute("select run_id, gate, suite, table_name, expectation, column_name, severity, outcome, "
                           "unexpected_count, sample from audit.validation_results order by expectation").fetchall()
    assert runs == [("run-1", "publication", datetime(2026, 1, 1), True, 1, 0, 1, 0)]
    assert rows[1] == ("run-1", "publication", "t_suite", "t", "expect_y", "c", "warning", "warning", 2, "[50, 60]")
