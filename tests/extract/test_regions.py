"""The region gazetteer (data/regions.csv) and placing names in divisions."""
from __future__ import annotations

import csv
from importlib.resources import files

import pytest

from flows.extract.regions import gazetteer, place_of

LISHUI_DIVISIONS = {
    "331100": ("丽水市", "city", "330000"),
    "331102": ("莲都区", "county", "331100"),
    "331121": ("青田县", "county", "331100"),
    "331122": ("缙云县", "county", "331100"),
    "331123": ("遂昌县", "county", "331100"),
    "331124": ("松阳县", "county", "331100"),
    "331125": ("云和县", "county", "331100"),
    "331126": ("庆元县", "county", "331100"),
    "331127": ("景宁畲族自治县", "county", "331100"),
    "331181": ("龙泉市", "county", "331100"),
}


def rows() -> list[dict[str, str]]:
    with (files("flows.extract") / "data" / "regions.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_gazetteer_has_the_seed_columns_and_every_level():
    table = rows()
    assert list(table[0]) == ["region_code", "region_name", "short_name", "level", "parent_code", "province_code"]
    levels = {r["level"] for r in table}
    assert levels == {"country", "province", "city", "county"}
    assert sum(r["level"] == "province" for r in table) == 34
    assert len(table) > 3000


def test_region_codes_are_unique_and_parents_exist():
    table = rows()
    codes = {r["region_code"] for r in table}
    assert len(codes) == len(table)
    for r in table:
        if r["level"] == "country":
            assert r["parent_code"] == "" and r["region_name"] == "全国"
        elif r["level"] == "province":
            assert r["parent_code"] == "" and r["province_code"] == r["region_code"]
        else:
            assert r["parent_code"] in codes, r


def test_lishui_city_and_its_nine_counties_have_correct_codes():
    by_code = {r["region_code"]: r for r in rows()}
    for code, (name, level, parent) in LISHUI_DIVISIONS.items():
        r = by_code[code]
        assert (r["region_name"], r["level"], r["parent_code"], r["province_code"]) == (name, level, parent, "330000")
    assert sorted(c for c, r in by_code.items() if r["parent_code"] == "331100") == sorted(c for c in LISHUI_DIVISIONS if c != "331100")


def test_municipality_districts_hang_from_the_province():
    by_name = {r["region_name"]: r for r in rows() if r["province_code"] == "110000"}
    assert by_name["东城区"]["parent_code"] == "110000"


def test_new_district_short_name_drops_xinqu():
    by_code = {r["region_code"]: r for r in rows()}
    assert by_code["310115"]["short_name"] == "浦东"


@pytest.mark.parametrize(("short", "full"), [("景宁", "景宁畲族自治县"), ("青田", "青田县"), ("松阳", "松阳县"), ("龙泉", "龙泉市"), ("莲都", "莲都区")])
def test_short_county_name_resolves_to_full_division(short: str, full: str):
    gaz = gazetteer()
    lishui = gaz.region_named("丽水市")
    region = gaz.resolve(short, lishui)
    assert region is not None and region.name == full


def test_short_name_prefers_the_documents_province():
    gaz = gazetteer()
    assert gaz.resolve("普陀", gaz.region_named("浙江省")).code == "330903"
    assert gaz.resolve("普陀", gaz.region_named("上海市")).code == "310107"


def test_nationally_ambiguous_short_name_does_not_resolve_without_context():
    assert gazetteer().resolve("普陀") is None


def test_place_of_picks_the_county_the_name_places_it_in():
    assert place_of("国能浙江遂昌一期95MW茶光互补光伏发电", "丽水市") == "遂昌县"
    assert place_of("华迪特材(松阳)年产6万吨钢管", "丽水市") == "松阳县"
    assert place_of("金华(义乌)中欧班列集结中心", "浙江省") == "义乌市"


def test_place_of_ignores_the_document_region_and_its_ancestors():
    assert place_of("浙江天诺新能源两轮电动车制动盘生产线", "丽水市") == "丽水市"
    assert place_of("丽水机场", "丽水市") == "丽水市"


def test_place_of_ignores_divisions_of_other_provinces():
    # 南明 is a district of Guiyang; in a Zhejiang report it is part of a lake's name
    assert place_of("南明湖冰雪大世界", "丽水市") == "丽水市"


def test_national_document_ignores_county_short_names_inside_words():
    assert place_of("西部陆海新通道", "全国") == "全国"
    assert place_of("深圳宝安机场", "全国") == "深圳市"


def test_no_document_region_and_no_place_gives_empty_region():
    assert place_of("“沙戈荒”新能源基地", "") == ""


def test_city_report_keeps_projects_that_reach_other_cities_at_home():
    assert place_of("丽水至温州城际铁路一期工程", "丽水市") == "丽水市"
    # a provincial report places a line in both ends, as the official gold does (诸暨市、嵊州市)
    assert place_of("杭州至丽水铁路", "浙江省") == "杭州市、丽水市"


def test_region_code_of_a_repeated_full_name_uses_the_document_region():
    from flows.extract.regions import region_code_of

    assert region_code_of("景宁畲族自治县", "丽水市") == "331127"
    assert region_code_of("朝阳区", "北京市") == "110105"
    assert region_code_of("朝阳区", "吉林省") == "220104"
    assert region_code_of("全国", "全国") is None


def test_initials_hold_the_first_character_of_every_division_in_the_province():
    zhejiang = gazetteer().region_named("浙江省")
    initials = gazetteer().initials(zhejiang)
    assert {"杭", "温", "金", "衢", "丽", "嵊"} <= initials
    assert "跨" not in initials


def test_a_line_between_two_divisions_lies_in_both():
    assert place_of("诸暨至嵊州高速公路", "浙江省") == "诸暨市、嵊州市"
    assert place_of("柯城至衢江快速路", "衢州市") == "柯城区、衢江区"


def test_a_line_to_a_place_outside_a_city_report_stays_the_citys():
    assert place_of("丽水至温州城际铁路", "丽水市") == "丽水市"
    assert place_of("松阳赤寿至卯山公路(龙下至源口段)", "丽水市") == "松阳县"


def test_a_pair_of_divisions_joins_on_the_first():
    from flows.extract.regions import region_code_of

    assert region_code_of("诸暨市、嵊州市", "浙江省") == "330681"


def test_mentions_are_the_longest_names_left_to_right_with_their_offsets():
    lishui = gazetteer().region_named("丽水市")
    found = gazetteer().mentions("杭州至温州高铁和云和县、景宁畲族自治县", lishui)
    assert [(m.region.name, m.start, m.end) for m in found] == [
        ("杭州市", 0, 2), ("温州市", 3, 5), ("云和县", 8, 11), ("景宁畲族自治县", 12, 19)]
