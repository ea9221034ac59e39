"""records.evolve: the fast copy extraction makes of its frozen records and candidates."""
from __future__ import annotations

from dataclasses import replace

import pytest

from flows.extract.records import Record, evolve


def _record() -> Record:
    return Record(type="target", text="增长5%左右", start=3, end=10, year=2025, indicator="地区生产总值增速",
                  value=5.0, unit="%", comparator="~", value_base=5.0, base_unit="%", kind="growth")


def test_evolve_gives_what_dataclasses_replace_gives() -> None:
    r = _record()
    changed = evolve(r, start=30, end=37, doc="national_2025_gwr", confidence=0.95)
    assert changed == replace(r, start=30, end=37, doc="national_2025_gwr", confidence=0.95)
    assert r.start == 3 and r.doc == ""  # the original is untouched


def test_evolve_refuses_a_field_the_record_lacks() -> None:
    with pytest.raises(TypeError, match="stagee"):
        evolve(_record(), stagee="start")
