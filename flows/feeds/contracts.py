"""The contract of every feed, declared once: folder, formats, columns, types, allowed values, units.

The loader checks each file against its contract, the raw DDL (raw_schema.py) is generated from it,
and the dbt sources and GX suites are checked against it (tests/feeds/test_contracts.py).
Header spellings a publisher may use (地区, 指标名称 …) are aliases of the contract's column names.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

ColumnType = Literal["text", "number", "integer", "period", "boolean", "unit"]

# duckdb column types the raw tables use for each contract type.
SQL_TYPES: dict[ColumnType, str] = {
    "text": "varchar",
    "number": "double",
    "integer": "integer",
    "period": "varchar",
    "boolean": "boolean",
    "unit": "varchar",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str
    required: bool = True
    aliases: tuple[str, ...] = ()
    # For text columns: the values accepted, each mapped to the code stored beside it (or to itself).
    allowed: tuple[tuple[str, str], ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    # A file holding this column must hold the named one too (a value needs its unit column).
    requires: str | None = None
    # For a unit column: the number columns it gives the unit of; each is also stored in base
    # units (`<column>_base`) beside the base unit (`base_unit`, `<prefix>_base_unit`).
    converts: tuple[str, ...] = ()

    @property
    def base_unit_column(self) -> str:
        return self.name.removesuffix("unit") + "base_unit"

    @property
    def allowed_codes(self) -> dict[str, str]:
        return dict(self.allowed)

    @property
    def code_column(self) -> str | None:
        """`<name>_code`, stored beside the value when some allowed word maps to another code (在建 -> construction)."""
        return f"{self.name}_code" if any(word != code for word, code in self.allowed) else None


@dataclass(frozen=True)
class FeedContract:
    name: str
    folder: str  # sub-folder of the feeds landing directory holding this feed's files
    table: str  # raw table the rows load into (schema `raw`)
    formats: tuple[str, ...]
    description: str
    columns: tuple[Column, ...] = ()
    # At least one of these columns must hold a value in every row.
    one_of: tuple[str, ...] = ()
    # Columns (after parsing: period_start/period_end) naming what a row is about; a second row with the
    # same key, in the same file or another file of the feed, is a duplicate and is quarantined.
    key: tuple[str, ...] = ()

    @property
    def source_kind(self) -> str:
        return f"feed:{self.name}"

    def header_map(self) -> dict[str, str]:
        """Every accepted header spelling (name or alias, compared without spaces) -> column name."""
        mapping = {}
        for col in self.columns:
            for spelling in (col.name, *col.aliases):
                mapping[header_key(spelling)] = col.name
        return mapping


# A growth rate or a share outside this band is a misread (a level loaded as a rate): the same band
# the feed marts' expectations hold values in base unit % to (flows/quality/feed_suites.py).
PERCENT_RANGE = (-100.0, 1000.0)
# Values in these base units must fall in the range: a row outside it is quarantined, not published.
BASE_UNIT_RANGES: dict[str, tuple[float, float]] = {"%": PERCENT_RANGE}
# A file named for a year (lishui_2025_…) holds periods of that year, the year before (comparisons)
# and the year after (a year-end table published in January); a file without a year in its name
# holds periods from 1949 to next year. Anything else (2099-01, 1800-01) is a typing error.
PLAUSIBLE_YEARS_AROUND_FILE_YEAR = (1, 1)
EARLIEST_YEAR = 1949


def header_key(header: str) -> str:
    """Headers compare after NFKC (full-width brackets) and without spaces or case."""
    return "".join(unicodedata.normalize("NFKC", header).split()).lower()


def _data_rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("flows.extract").joinpath("data", filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


MONEY_UNITS = (("元", "元"), ("万元", "万元"), ("亿元", "亿元"))

# Progress tables say where a project stands in a word; the extractor's stage verbs cover the
# report's wording, these the states a progress table reports.
_FEED_STAGE_WORDS = (
    ("前期", "preparatory"), ("未开工", "preparatory"), ("已开工", "start"), ("开工", "start"),
    ("新开工", "start"), ("在建", "construction"), ("续建", "construction"), ("已建成", "completed"),
    ("建成", "completed"), ("完工", "completed"), ("竣工", "completed"), ("投产", "completed"),
)


@lru_cache(maxsize=1)
def stage_words() -> tuple[tuple[str, str], ...]:
    words = dict(_FEED_STAGE_WORDS)
    for row in _data_rows("stage_verbs.csv"):
        words.setdefault(row["verb"], row["stage"])
    return tuple(sorted(words.items()))


def _unit_column(description: str, converts: tuple[str, ...]) -> Column:
    return Column("unit", "unit", description, required=False, aliases=("单位", "计量单位"), converts=converts)


_REGION = Column("region", "text", "Division the figure is for, as the publisher names it (丽水市, 缙云县)",
                 aliases=("地区", "区域", "地区名称", "行政区划"))
_INDICATOR = Column("indicator", "text", "Indicator as the publisher names it", aliases=("指标", "指标名称", "项目指标"))
_PERIOD = Column("period", "period", "Period: 2025-03, 2025-Q1, 1-3月, 一季度, 上半年, 2025",
                 aliases=("时期", "期间", "统计期", "报告期", "时间"))
_YEAR = Column("year", "integer", "Year the period falls in, when the period text omits it",
               required=False, aliases=("年份", "年度"), minimum=1949)

INDICATOR_RELEASES = FeedContract(
    name="indicator_releases",
    folder="indicator_releases",
    table="feed_indicator_releases",
    formats=(".csv", ".xlsx"),
    description="Statistics bureau monthly / quarterly releases and the annual communiqué.",
    columns=(
        _REGION,
        _INDICATOR,
        _PERIOD,
        _YEAR,
        Column("value", "number", "Value for the period (cumulative since January when `cumulative`)",
               required=False, aliases=("数值", "本期值", "累计值", "绝对值"), requires="unit"),
        _unit_column("Unit of `value` (万元, 亿元, 万人, %, 万吨 …)", ("value",)),
        Column("cumulative", "boolean", "Whether the value is cumulative since January (累计) or the period alone (当月)",
               required=False, aliases=("是否累计", "累计")),
        Column("yoy_growth", "number", "Year-on-year growth, per cent", required=False,
               aliases=("同比增长", "同比增长(%)", "增速", "增速(%)", "同比(%)"),
               minimum=PERCENT_RANGE[0], maximum=PERCENT_RANGE[1]),
    ),
    one_of=("value", "yoy_growth"),
    key=("region", "indicator", "period_start", "period_end"),
)

TARGET_ACTUALS = FeedContract(
    name="target_actuals",
    folder="target_actuals",
    table="feed_target_actuals",
    formats=(".csv", ".xlsx"),
    description="Target-versus-actual tables planning offices publish mid-year.",
    columns=(
        _REGION,
        _INDICATOR,
        _unit_column("Unit of `actual`", ("actual",)),
        Column("target_text", "text", "Annual target as published (增长6%以上, 与经济增长基本同步)",
               aliases=("年度目标", "全年目标", "目标", "预期目标")),
        Column("actual", "number", "Actual to date", required=False,
               aliases=("实际", "完成值", "实际完成", "累计完成"), requires="unit"),
        Column("growth", "number", "Year-on-year growth to date, per cent", required=False,
               aliases=("增速", "增长", "增速(%)", "同比增长(%)"),
               minimum=PERCENT_RANGE[0], maximum=PERCENT_RANGE[1]),
        _PERIOD,
        _YEAR,
    ),
    one_of=("actual", "growth"),
    key=("region", "indicator", "period_start", "period_end"),
)

PROJECT_PROGRESS = FeedContract(
    name="project_progress",
    folder="project_progress",
    table="feed_project_progress",
    formats=(".csv", ".xlsx", ".json"),
    description="Key-project progress (重点项目进展).",
    columns=(
        Column("project_name", "text", "Project name as the feed spells it", aliases=("项目名称", "项目")),
        Column("county", "text", "County or city the project is in", aliases=("县(市、区)", "所在地", "地区", "属地")),
        _PERIOD,
        _YEAR,
        Column("total_investment", "number", "Total investment of the project", required=False,
               aliases=("总投资",), minimum=0),
        Column("annual_planned_investment", "number", "Investment planned for the year", required=False,
               aliases=("年度计划投资", "年计划投资"), minimum=0),
        Column("completed_investment", "number", "Investment completed in the year to date",
               aliases=("累计完成投资", "完成投资", "年度完成投资"), minimum=0),
        Column("investment_unit", "text", "Unit of the investment columns", aliases=("投资单位", "单位"),
               allowed=MONEY_UNITS,
               converts=("total_investment", "annual_planned_investment", "completed_investment")),
        Column("stage", "text", "Stage reached (前期 / 开工 / 在建 / 建成 …), stored with its stage code",
               required=False, aliases=("形象进度", "项目进度", "阶段", "建设阶段"), allowed=stage_words()),
    ),
    key=("project_name", "county", "period_start", "period_end"),
)

RELEASE_ARTICLES = FeedContract(
    name="release_articles",
    folder="release_articles",
    table="feed_article_figures",
    formats=(".txt", ".html", ".htm"),
    description="Release articles; each figure the extraction library finds is a row.",
    # A level and its growth (工业增加值55.6亿元, 增长11.2%) share an indicator and a period.
    key=("region", "indicator", "period_start", "period_end", "kind"),
)

CONTRACTS: tuple[FeedContract, ...] = (INDICATOR_RELEASES, TARGET_ACTUALS, PROJECT_PROGRESS, RELEASE_ARTICLES)
TABULAR_CONTRACTS: tuple[FeedContract, ...] = (INDICATOR_RELEASES, TARGET_ACTUALS, PROJECT_PROGRESS)
