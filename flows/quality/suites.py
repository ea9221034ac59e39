"""Expectation suites, one per published table, declared in code.

Allowed values come from the same declarations the extractor and dbt use (records.py, the unit
table in units.py), so a new unit or comparator is added in one place.
"""
from __future__ import annotations

import copy

import great_expectations as gx
from great_expectations import expectations as gxe
from great_expectations.expectations.row_conditions import Column

from flows.extract.records import COMPARATORS, KINDS, STAGES
from flows.extract.units import BARE_UNIT, FRACTION_UNIT, UNITS
from flows.quality.feed_suites import FEED_SUITES

DOCUMENT_TYPES = ("plan_report", "government_work_report", "target_notice", "other")
REGION_LEVELS = ("country", "province", "city", "county")


def allowed_base_units() -> list[str]:
    """Base units the extractor's unit table can produce, with % for a fraction and "" for a bare ratio."""
    return sorted({u.base_unit for u in (*UNITS.values(), FRACTION_UNIT, BARE_UNIT)})


def _key(column: str) -> list[gxe.Expectation]:
    return [gxe.ExpectColumnValuesToNotBeNull(column=column), gxe.ExpectColumnValuesToBeUnique(column=column)]


def _non_empty() -> gxe.Expectation:
    return gxe.ExpectTableRowCountToBeBetween(min_value=1)


def _quantity_checks() -> list[gxe.Expectation]:
    numeric = Column("comparator").is_not_in(["between", "qualitative"])
    return [
        gxe.ExpectColumnValuesToNotBeNull(column="document_key"),
        gxe.ExpectColumnValuesToNotBeNull(column="indicator_key"),
        gxe.ExpectColumnValuesToNotBeNull(column="source_text"),
        gxe.ExpectColumnValuesToBeInSet(column="comparator", value_set=list(COMPARATORS)),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=list(KINDS)),
        gxe.ExpectColumnValuesToBeInSet(column="base_unit", value_set=allowed_base_units()),
        gxe.ExpectColumnValuesToNotBeNull(column="value_base", row_condition=numeric),
        # A rate or share outside this band is a parsing error (a year or a count read as a rate);
        # growth may pass 1000 % (增长17.2倍) but never falls below -100 %.
        gxe.ExpectColumnValuesToBeBetween(column="value_base", min_value=-100, max_value=1000,
                                          row_condition=(Column("base_unit") == "%") & (Column("kind") != "growth")),
        gxe.ExpectColumnValuesToBeBetween(column="value_base", min_value=-100,
                                          row_condition=(Column("base_unit") == "%") & (Column("kind") == "growth")),
        gxe.ExpectColumnValuesToNotBeNull(column="value_base_min", row_condition=Column("comparator") == "between"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="value_base_max", column_B="value_base_min",
                                                    or_equal=True, ignore_row_if="either_value_is_missing"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start"),
    ]


def mart_suites() -> dict[str, list[gxe.Expectation]]:
    """Table name -> expectations for the report marts."""
    return {
        "dim_document": [
            _non_empty(), *_key("document_key"),
            gxe.ExpectColumnValuesToNotBeNull(column="content_hash"),
            gxe.ExpectColumnValuesToBeInSet(column="document_type", value_set=list(DOCUMENT_TYPES)),
            gxe.ExpectColumnValuesToBeBetween(column="plan_year", min_value=1949, max_value=2100),
        ],
        "dim_region": [
            _non_empty(), *_key("region_code"),
            gxe.ExpectColumnValuesToNotBeNull(column="region_name"),
            gxe.ExpectColumnValuesToBeInSet(column="level", value_set=list(REGION_LEVELS)),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^\d{6}$"),
        ],
        "dim_indicator": [_non_empty(), *_key("indicator_key"), gxe.ExpectColumnValuesToBeUnique(column="indicator_name")],
        "dim_project": [_non_empty(), *_key("project_key"), gxe.ExpectColumnValuesToNotBeNull(column="project_name")],
        "fct_target": [
            _non_empty(), *_key("target_key"), *_quantity_checks(),
            gxe.ExpectColumnValuesToBeBetween(column="target_year", min_value=1949, max_value=2100),
        ],
        "fct_achievement": [*_key("achievement_key"), *_quantity_checks()],
        "fct_target_outcome": [  # one row per target; met / missed only with a reported result
            _non_empty(), *_key("target_key"),
            gxe.ExpectColumnValuesToBeInSet(column="status", value_set=["met", "missed", "not_reported"]),
            gxe.ExpectColumnValuesToNotBeNull(column="status_reason"),
            gxe.ExpectColumnValuesToNotBeNull(column="achievement_key",
                                              row_condition=Column("status").is_in(["met", "missed"])),
        ],
        "fct_project_milestone": [
            _non_empty(), *_key("milestone_key"),
            gxe.ExpectColumnValuesToNotBeNull(column="project_key"),
            gxe.ExpectColumnValuesToBeInSet(column="stage", value_set=list(STAGES)),
        ],
        "fct_project_portfolio": [
            _non_empty(), *_key("portfolio_key"),
            gxe.ExpectColumnValuesToBeBetween(column="project_count", min_value=1),
            gxe.ExpectColumnValuesToBeBetween(column="total_investment", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="annual_investment", min_value=0),
        ],
        "review_unextracted_spans": [*_key("span_id"), gxe.ExpectColumnValuesToNotBeNull(column="sentence_text")],
        "review_quarantine": [
            gxe.ExpectColumnValuesToNotBeNull(column="reason"),
            gxe.ExpectColumnValuesToNotBeNull(column="file_path"),
        ],
    }


def all_suites() -> dict[str, list[gxe.Expectation]]:
    suites = mart_suites()
    suites.update(FEED_SUITES)
    return suites


def build_suite(name: str, expectations: list[gxe.Expectation]) -> gx.ExpectationSuite:
    # Copies: saving a suite stamps an id on each expectation object, and FEED_SUITES is shared by
    # every run in the process.
    return gx.ExpectationSuite(name=f"{name}_suite", expectations=[copy.deepcopy(e) for e in expectations])
