"""Expectation suites for the feed marts and the raw feed tables, declared in code.

The raw-table suites are generated from the feed contracts (flows/feeds/contracts.py): a required
column is never null, an allowed-values column stays in its set, a minimum is a minimum. The mart
suites use the status and match vocabularies below, which tests/feeds/test_contracts.py checks
against the dbt schema files.

Severities: rows breaking a feed contract are quarantined by the loader (flows/feeds/) before they
reach raw, so on loaded rows a contract check is a BLOCKING guarantee (a failure means the loader
and the contract disagree). Plausibility of what a feed says (a rate out of band, an unmatched
region code) is a WARNING on the marts: shown to reviewers, never a reason to withhold the rest.
"""
from __future__ import annotations

from great_expectations import expectations as gxe
from great_expectations.expectations.row_conditions import Column, Condition

from flows.extract.records import STAGES
from flows.feeds.contracts import TABULAR_CONTRACTS, FeedContract
from flows.quality.severity import blocking, warning

ATTAINMENT_STATUSES = ("met", "on_track", "at_risk", "off_track", "no_data")
MATCH_STATUSES = ("matched", "unmatched", "ambiguous")
MEASURES = ("value", "growth")
ACTUAL_FEEDS = ("indicator_releases", "target_actuals", "release_articles")
REVIEW_ENTITIES = ("indicator", "project", "region")


def _key(column: str) -> list[gxe.Expectation]:
    # blocking: a null or repeated key breaks every join.
    return [blocking(gxe.ExpectColumnValuesToNotBeNull(column=column)),
            blocking(gxe.ExpectColumnValuesToBeUnique(column=column))]


def _in_set(column: str, values: tuple[str, ...]) -> gxe.Expectation:
    # blocking: the vocabulary is the contract's (or the SQL's own); another value is drift, not data.
    return blocking(gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(values)))


def _not_null(column: str, when: Condition | None = None) -> gxe.Expectation:
    # blocking: a required column (a contract's, or a join's result) is never null.
    return blocking(gxe.ExpectColumnValuesToNotBeNull(column=column, row_condition=when))


def _provenance() -> list[gxe.Expectation]:
    """A feed row's provenance: its file's id and its row; the file's path and hash are in raw.feed_files
    (_file_provenance)."""
    return [
        _not_null("file_id"),
        _not_null("row_number"),
        # blocking: provenance is what lets a reviewer find the row again.
        blocking(gxe.ExpectCompoundColumnsToBeUnique(column_list=["file_id", "row_number"])),
    ]


def _file_provenance() -> list[gxe.Expectation]:
    # blocking: every feed row's path and hash are its file's, recorded once here; a row's file must be found
    # by its id, and a reviewer's by its path.
    return [*_key("file_id"), *_key("file_path"), _not_null("file_hash"),
            blocking(gxe.ExpectColumnValuesToMatchRegex(column="file_hash", regex=r"^[0-9a-f]{64}$"))]


def contract_suite(contract: FeedContract) -> list[gxe.Expectation]:
    """What every loaded row of a feed satisfies, read from its contract."""
    checks = _provenance()
    for col in contract.columns:
        if col.required:
            checks.append(_not_null(col.name))
        codes = col.allowed_codes
        if codes:
            checks.append(_in_set(col.name, tuple(codes)))
            if col.code_column:
                checks.append(_in_set(col.code_column, tuple(sorted(set(codes.values())))))
        if col.minimum is not None:
            checks.append(blocking(gxe.ExpectColumnValuesToBeBetween(column=col.name, min_value=col.minimum)))
        if col.type == "period":
            checks += [_not_null("period_start"), _not_null("period_end"),
                       blocking(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="period_end", column_B="period_start"))]
    return checks


def _raw_suites() -> dict[str, list[gxe.Expectation]]:
    suites = {c.table: contract_suite(c) for c in TABULAR_CONTRACTS}
    suites["feed_article_figures"] = [
        *_provenance(), _not_null("indicator"), _not_null("region"), _not_null("period_end"), _not_null("value"),
        _not_null("sentence"),
    ]
    suites["feed_files"] = _file_provenance()
    return suites


def _mart_suites() -> dict[str, list[gxe.Expectation]]:
    matched = Column("indicator_match_status") == "matched"
    return {
        "fct_indicator_actual": [
            *_key("actual_key"),
            _in_set("measure", MEASURES),
            _in_set("feed_name", ACTUAL_FEEDS),
            _in_set("indicator_match_status", MATCH_STATUSES),
            _in_set("region_match_status", MATCH_STATUSES),
            _not_null("indicator_key", when=matched),
            _not_null("period_end"),
            _not_null("file_path"),
            _not_null("row_number"),
            # warning: an unresolved region shows as a non-code; the actual still publishes.
            warning(gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^\d{6}$")),
            # warning: a growth rate or share outside this band is likely a misread (a level loaded as a rate).
            warning(gxe.ExpectColumnValuesToBeBetween(column="value_base", min_value=-100, max_value=1000,
                                                      row_condition=Column("base_unit") == "%")),
        ],
        "fct_project_progress": [
            *_key("progress_key"),
            _in_set("match_status", MATCH_STATUSES),
            _in_set("status", ATTAINMENT_STATUSES),
            _in_set("stage_reached", STAGES),
            _in_set("planned_stage", STAGES),
            _not_null("project_key", when=Column("match_status") == "matched"),
            _not_null("completed_investment_yuan"),
            # blocking: the feed contract's minimum, guaranteed by the loader's quarantine.
            blocking(gxe.ExpectColumnValuesToBeBetween(column="completed_investment_yuan", min_value=0)),
            blocking(gxe.ExpectColumnValuesToBeBetween(column="annual_planned_investment_yuan", min_value=0)),
            blocking(gxe.ExpectColumnValuesToBeBetween(column="total_investment_yuan", min_value=0)),
            # blocking: a score outside -1…1 is a bug in the matcher, not a property of a row.
            blocking(gxe.ExpectColumnValuesToBeBetween(column="match_score", min_value=-1, max_value=1)),
        ],
        "fct_target_attainment": [
            *_key("target_key"),
            _not_null("indicator_key"),
            _in_set("status", ATTAINMENT_STATUSES),
            _not_null("status_reason"),
            _not_null("actual_key", when=Column("status") != "no_data"),
            _not_null("expected_to_date", when=Column("status") != "no_data"),
            blocking(gxe.ExpectColumnValuesToBeBetween(column="actual_period_months", min_value=1, max_value=12)),
        ],
        "review_feed_matches": [
            *_key("review_key"),
            _in_set("entity", REVIEW_ENTITIES),
            _in_set("match_status", ("unmatched", "ambiguous")),
            _not_null("name_in_feed"),
        ],
    }


FEED_MART_SUITES: dict[str, list[gxe.Expectation]] = _mart_suites()
RAW_FEED_SUITES: dict[str, list[gxe.Expectation]] = _raw_suites()
FEED_SUITES: dict[str, list[gxe.Expectation]] = {**FEED_MART_SUITES, **RAW_FEED_SUITES}
