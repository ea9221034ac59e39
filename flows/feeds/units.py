"""Feed units (万元, 亿斤, 万人, %) -> base units, by the extraction library's unit tables.

Feeds and reports must agree on base units for a target to meet its actual, so the feeds use the
very lookup the extractor uses (flows/extract/data/units.csv and magnitudes.csv).
"""
from __future__ import annotations

from flows.extract.units import lookup_unit, to_base


def is_known_unit(unit: str) -> bool:
    return lookup_unit(unit) is not None


def base_value(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """(value in base units, base unit); (None, None) when there is no value or no known unit."""
    if value is None or unit is None:
        return None, None
    converted = to_base(value, unit)
    return converted if converted is not None else (None, None)
