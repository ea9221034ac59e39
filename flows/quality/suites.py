"""Expectation suites, one per published table, declared in code, each expectation with its severity.

Allowed values come from the same declarations the extractor and dbt use (records.py, the unit
table in units.py), so a new unit or comparator is added in one place.

How severities are chosen (said again beside each check):
- Row-level value checks of records (a null indicator, an unknown unit, a rate out of band …) are
  made upstream in dbt (int_record_check_failures): failing records are set aside into
  marts.review_quarantine and never reach a mart. The same checks here are BLOCKING: they verify the
  quarantine held, and a failure means the contract and the quarantine disagree — a failure of the
  whole, not of a row.
- Keys, vocabularies the SQL itself produces, provenance and the table's row count where its inputs
  say it must have rows are BLOCKING.
- Plausibility of what a document or a feed says (a detected plan year, an unresolved region, a
  feed rate outside a band) is a WARNING: recorded and shown, never a reason to withhold the rest.
"""
from __future__ import annotations

import copy
from collections.abc import Collection

import great_expectations as gx
from great_expectations import expectations as gxe
from great_expectations.expectations.row_conditions import Column

from flows.corrections.contract import CORRECTABLE_FIELDS, field_types
from flows.extract.records import COMPARATORS, KINDS, STAGES
from flows.extract.units import BARE_UNIT, FRACTION_UNIT, UNITS
from flows.quality.feed_suites import FEED_MART_SUITES
from flows.quality.severity import blocking, warning

DOCUMENT_TYPES = ("plan_report", "government_work_report", "target_notice", "other")
REGION_LEVELS = ("country", "province", "city", "county")

# Tables that must hold rows whenever their inputs do (flows/quality/inputs.py decides from the
# build database); every other table may legitimately be empty (work reports name no portfolio).
ROWS_EXPECTED_BY_DEFAULT = frozenset({"dim_region"})


def allowed_base_units() -> list[str]:
    """Base units the extractor's unit table can produce, with % for a fraction and "" for a bare ratio."""
    return sorted({u.base_unit for u in (*UNITS.values(), FRACTION_UNIT, BARE_UNIT)})


def _key(column: str) -> list[gxe.Expectation]:
    # blocking: a key that is null or repeated breaks every join BI makes.
    return [blocking(gxe.ExpectColumnValuesToNotBeNull(column=column)),
            blocking(gxe.ExpectColumnValuesToBeUnique(column=column))]


def _non_empty() -> gxe.Expectation:
    # blocking: added only where the inputs say the table must have rows (reports landed, no targets).
    return blocking(gxe.ExpectTableRowCountToBeBetween(min_value=1))


def _quantity_checks() -> list[gxe.Expectation]:
    """Blocking guarantees of the row checks in int_record_check_failures (the quarantine must have held)."""
    numeric = Column("comparator").is_not_in(["between", "qualitative"])
    return [
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="document_key")),
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="indicator_key")),       # check indicator_present
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="source_text")),
        blocking(gxe.ExpectColumnValuesToBeInSet(column="comparator", value_set=list(COMPARATORS))),  # comparator_known
        blocking(gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=list(KINDS))),              # kind_known
        blocking(gxe.ExpectColumnValuesToBeInSet(column="base_unit", value_set=allowed_base_units())),  # base_unit_in_unit_table
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="value_base", row_condition=numeric)),      # value_in_base_units
        # rate_in_plausible_band: a rate or share outside this band is a parsing error (a year or a
        # count read as a rate); growth may pass 1000 % (增长17.2倍) but never falls below -100 %.
        blocking(gxe.ExpectColumnValuesToBeBetween(
            column="value_base", min_value=-100, max_value=1000,
            row_condition=(Column("base_unit") == "%") & (Column("kind") != "growth"))),
        blocking(gxe.ExpectColumnValuesToBeBetween(
            column="value_base", min_value=-100, row_condition=(Column("base_unit") == "%") & (Column("kind") == "growth"))),
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="value_base_min", row_condition=Column("comparator") == "between")),
        blocking(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="value_base_max", column_B="value_base_min",
                                                             or_equal=True, ignore_row_if="either_value_is_missing")),
        blocking(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start")),  # span_not_empty
        # warning: a document whose region was not resolved still publishes; its figures lack a region.
        warning(gxe.ExpectColumnValuesToNotBeNull(column="region_code")),
    ]


def _correction_checks() -> list[gxe.Expectation]:
    """What the corrections contract guarantees (flows/corrections/contract.py): a row missing one of
    these passed a loader that should have refused it. Blocking: the contract and the marts disagree."""
    return [
        *[blocking(gxe.ExpectColumnValuesToNotBeNull(column=c))
          for c in ("record_key", "field", "corrected_value", "reviewer", "corrected_on", "source_file", "source_line")],
        blocking(gxe.ExpectColumnValuesToBeInSet(column="field", value_set=sorted(field_types()))),
    ]


def report_mart_suites() -> dict[str, list[gxe.Expectation]]:
    """Table name -> expectations for the report marts (row counts are added by publication_suites)."""
    return {
        "dim_document": [
            *_key("document_key"),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="content_hash")),
            blocking(gxe.ExpectColumnValuesToBeInSet(column="document_type", value_set=list(DOCUMENT_TYPES))),
            # warning: the plan year is detected from the text; an odd one is shown, the report still publishes.
            warning(gxe.ExpectColumnValuesToBeBetween(column="plan_year", min_value=1949, max_value=2100)),
        ],
        "dim_region": [
            *_key("region_code"),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="region_name")),
            blocking(gxe.ExpectColumnValuesToBeInSet(column="level", value_set=list(REGION_LEVELS))),
            blocking(gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^\d{6}$")),
        ],
        "dim_indicator": [*_key("indicator_key"), blocking(gxe.ExpectColumnValuesToBeUnique(column="indicator_name"))],
        "dim_project": [*_key("project_key"),
                        blocking(gxe.ExpectColumnValuesToNotBeNull(column="project_name"))],  # check project_named
        "fct_target": [
            *_key("target_key"), *_quantity_checks(),
            blocking(gxe.ExpectColumnValuesToBeBetween(column="target_year", min_value=1949, max_value=2100)),  # year_plausible
        ],
        "fct_achievement": [*_key("achievement_key"), *_quantity_checks()],
        "fct_target_outcome": [  # one row per target (rows expected with fct_target); met / missed only with a reported result
            *_key("target_key"),
            # blocking: the status vocabulary and its reason are the SQL's own; another value is drift.
            blocking(gxe.ExpectColumnValuesToBeInSet(column="status", value_set=["met", "missed", "not_reported"])),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="status_reason")),
            # blocking: a settled outcome without the achievement that settles it is a broken join.
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="achievement_key",
                                                       row_condition=Column("status").is_in(["met", "missed"]))),
        ],
        "fct_project_milestone": [
            *_key("milestone_key"),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="project_key")),
            blocking(gxe.ExpectColumnValuesToBeInSet(column="stage", value_set=list(STAGES))),  # stage_known
        ],
        "fct_project_portfolio": [
            *_key("portfolio_key"),
            blocking(gxe.ExpectColumnValuesToBeBetween(column="project_count", min_value=1)),     # portfolio_count_positive
            blocking(gxe.ExpectColumnValuesToBeBetween(column="total_investment", min_value=0)),  # investment_not_negative
            blocking(gxe.ExpectColumnValuesToBeBetween(column="annual_investment", min_value=0)),
        ],
        "review_unextracted_spans": [*_key("span_id"),
                                     blocking(gxe.ExpectColumnValuesToNotBeNull(column="sentence_text"))],
        "review_corrections": [
            *_key("correction_key"), *_correction_checks(),
            # blocking: a correction applied to a record of no mart, or without the value it replaced
            # recorded as a column of the record, is a broken overlay.
            blocking(gxe.ExpectColumnValuesToBeInSet(column="table_name", value_set=sorted(
                mart for mart, _ in CORRECTABLE_FIELDS.values()))),
        ],
        "review_orphan_corrections": [*_key("correction_key"), *_correction_checks()],
        "review_quarantine": [
            *_key("quarantine_id"),
            # blocking: a row set aside without its reason, file or check is lost to the reviewer.
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="reason")),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="file_path")),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="check_name")),
        ],
    }


def mart_suites() -> dict[str, list[gxe.Expectation]]:
    """Every published table -> its expectations (without the row-count checks, which depend on inputs)."""
    return {**report_mart_suites(), **FEED_MART_SUITES}


def publication_suites(expect_rows: Collection[str] = ROWS_EXPECTED_BY_DEFAULT) -> dict[str, list[gxe.Expectation]]:
    """The publication gate's suites: `expect_rows` names the tables whose inputs say they have rows."""
    return {table: ([_non_empty()] if table in expect_rows else []) + checks
            for table, checks in mart_suites().items()}


def all_suites() -> dict[str, list[gxe.Expectation]]:
    return mart_suites()


def build_suite(name: str, expectations: list[gxe.Expectation]) -> gx.ExpectationSuite:
    # Copies: saving a suite stamps an id on each expectation object, and the suites are shared by
    # every run in the process.
    return gx.ExpectationSuite(name=f"{name}_suite", expectations=[copy.deepcopy(e) for e in expectations])
