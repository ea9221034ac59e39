"""Write the bundled SYNTHETIC sample feeds for Lishui (丽水市) 2025 under warehouse/landing/feeds/.

Every figure is invented (fixed random seed) around the targets of the Lishui 2025 plan report, to
exercise the feed pipeline: statistics releases, a mid-year target-versus-actual table, monthly
key-project progress and release articles — with the mess real feeds have: 万元 next to 亿元,
full-width digits, a GB18030 file, project names spelled unlike the report, and a few bad rows.
None of it is official data; every file says so in its name and its first lines.

    .venv/bin/python scripts/generate_sample_feeds.py [--out warehouse/landing/feeds]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import zipfile
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
SEED = 20250101
NOTICE = "SYNTHETIC SAMPLE DATA 合成样例数据 — invented figures for testing planwatch, not official statistics"
_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _csv_bytes(rows: list[list[object]], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    buffer.write(f"# {NOTICE}\n")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append([f"# {NOTICE}"])
    for row in rows:
        sheet.append(row)
    raw = io.BytesIO()
    book.save(raw)
    return _deterministic_zip(raw.getvalue())


def _deterministic_zip(data: bytes) -> bytes:
    """openpyxl stamps the save time into the archive; a fixed stamp keeps regenerated files identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _fixed_core_properties(body)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


def _fixed_core_properties(body: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", body)


# Monthly cumulative paths are built from a share of the annual figure reached by month m.
def _path(rng: random.Random, annual: float, months: range, noise: float = 0.02) -> dict[int, float]:
    return {m: annual * (m / 12) * (1 + rng.uniform(-noise, noise)) for m in months}


def indicator_releases(rng: random.Random) -> tuple[list[list[object]], list[list[object]]]:
    """(monthly rows in UTF-8, quarterly rows written GB18030 with full-width digits)."""
    header = ["地区", "指标名称", "时期", "数值", "单位", "是否累计", "同比增长(%)"]
    monthly: list[list[object]] = [header]
    months = range(1, 11)
    jobs = _path(rng, 24600, months)  # ahead of the 2万人 target: met by autumn
    port = _path(rng, 422, months)  # 万吨, behind the 500万吨 target
    vouchers = _path(rng, 735, months)  # 万元, a little behind 800万元
    merchants = _path(rng, 77, months)  # 家, behind 100家
    for m in months:
        period = f"2025-{m:02d}"
        monthly.append(["丽水市", "城镇新增就业人数", period, round(jobs[m]), "人", "是", ""])
        monthly.append(["丽水市", "港口货物吞吐量", period, round(port[m], 1), "万吨", "是", round(rng.uniform(-6, -2), 1)])
        # The bureau switched the voucher series from 万元 to 亿元 in September.
        if m >= 9:
            monthly.append(["丽水市", "科技创新券兑换额", period, round(vouchers[m] / 10000, 4), "亿元", "是", ""])
        else:
            monthly.append(["丽水市", "科技创新券兑换额", period, round(vouchers[m], 1), "万元", "是", ""])
        monthly.append(["丽水市", "新增跨境电商主体", period, round(merchants[m]), "家", "是", ""])
        monthly.append(["丽水市", "民生支出占比", f"1-{m}月", round(rng.uniform(74, 79), 1), "%", "是", ""])
    # Bad rows: a value that is not a number, a unit nobody knows, a month that does not exist.
    monthly.append(["丽水市", "港口货物吞吐量", "2025-07", "约三百万", "万吨", "是", ""])
    monthly.append(["丽水市", "城镇新增就业人数", "2025-08", 16800, "万万人", "是", ""])
    monthly.append(["丽水市", "新增跨境电商主体", "2025-13", 70, "家", "是", ""])

    quarterly: list[list[object]] = [header]
    grain = {1: None, 2: 1.92, 3: 7.36}  # 亿斤: summer grain by June, early and middle rice by September
    farm_value = {1: 21.4, 2: 49.8, 3: 84.6}  # 亿元
    farm_growth = {1: 3.5, 2: 3.7, 3: 3.8}  # % — a little under the 4% target
    unemployment = {1: 2.52, 2: 2.47, 3: 2.41}
    income_gap = {1: 1.90, 2: 1.89, 3: 1.88}  # over the 1.86 bound
    for q, label in ((1, "一季度"), (2, "上半年"), (3, "前三季度")):
        quarterly.append(["丽水市", "农林牧渔业增加值", label, _fw(farm_value[q]), "亿元", "是", _fw(farm_growth[q])])
        if grain[q] is not None:
            quarterly.append(["丽水市", "粮食总产量", label, _fw(grain[q]), "亿斤", "是", ""])
        quarterly.append(["丽水市", "城镇登记失业率", label, _fw(unemployment[q]), "%", "否", ""])
        quarterly.append(["丽水市", "城乡居民收入倍差", label, _fw(income_gap[q]), "", "否", ""])
    # A bad row: the indicator cell is empty.
    quarterly.append(["丽水市", "", "前三季度", _fw(12.0), "亿元", "是", ""])
    return monthly, quarterly


def _fw(value: float) -> str:
    return f"{value:g}".translate(_FULLWIDTH)


def target_actuals() -> list[list[object]]:
    return [
        ["地区", "指标", "单位", "年度目标", "1-6月实际", "增速(%)", "时期"],
        ["丽水市", "农林牧渔业增加值", "亿元", "增长4%", 49.8, 3.7, "2025年1-6月"],
        ["丽水市", "城镇新增就业人数", "万人", "2万人以上", 1.31, "", "2025年1-6月"],
        ["丽水市", "城镇登记失业率", "%", "控制在3%以内", 2.47, "", "2025年1-6月"],
        ["丽水市", "常住人口城镇化率", "%", "达到66.2%以上", 65.9, "", "2025年1-6月"],
        ["丽水市", "粮食总产量", "亿斤", "8.32亿斤以上", 1.92, "", "2025年1-6月"],
        ["丽水市", "民生支出占比", "%", "三分之二以上", 76.2, "", "2025年1-6月"],
        ["丽水市", "城乡居民收入倍差", "", "缩小至1.86以内", 1.89, "", "2025年1-6月"],
        ["丽水市", "城乡居民人均可支配收入", "元", "与经济增长基本同步", 31250, 5.6, "2025年1-6月"],
        # A bad row: the growth cell holds words.
        ["丽水市", "港口货物吞吐量", "万吨", "500万吨以上", 205.3, "持平", "2025年1-6月"],
    ]


# Named projects of the report, spelled as a progress table would, with the report's planned stage
# and invented investment (万元). Two are not in the report at all, one is ambiguous on purpose.
PROJECTS: tuple[tuple[str, str, str, float, float, str], ...] = (
    # feed name, county, reached-stage path, total, annual plan, annual completion share by October
    ("浙江缙云抽水蓄能电站项目", "缙云县", "在建>建成@10", 1_050_000, 82_000, "0.92"),
    ("丽水机场", "丽水市", "在建>建成@6", 360_000, 41_000, "0.97"),
    ("衢丽铁路(丽水段)", "丽水市", "在建", 2_950_000, 260_000, "0.71"),
    ("国道G322景宁段改建工程", "景宁畲族自治县", "在建", 98_000, 35_000, "0.64"),
    ("景宁抽水蓄能电站", "景宁畲族自治县", "在建", 820_000, 95_000, "0.80"),
    ("松阳抽水蓄能电站项目", "松阳县", "在建", 790_000, 88_000, "0.86"),
    ("庆元县人民医院迁建项目", "庆元县", "在建>建成@9", 126_000, 30_000, "0.90"),
    ("缙云县棠溪水库工程", "缙云县", "在建", 312_000, 52_000, "0.77"),
    ("南明湖冰雪大世界项目", "丽水市", "前期>开工@5", 150_000, 40_000, "0.58"),
    ("爱玛新能源智慧出行项目（一期）", "丽水市", "在建>建成@8", 200_000, 60_000, "0.95"),
    ("兆晶半导体衬底智能制造项目", "丽水市", "在建", 110_000, 45_000, "0.62"),
    ("丽水市第一人民医院", "丽水市", "在建", 280_000, 50_000, "0.84"),
    ("龙泉水南未来社区", "龙泉市", "在建", 90_000, 24_000, "0.81"),
    ("丽水市生态产品价值实现中心", "丽水市", "在建", 60_000, 15_000, "0.70"),
    ("抽水蓄能电站", "丽水市", "在建", 500_000, 60_000, "0.75"),
)


def _stage(path: str, month: int) -> str:
    first, _, later = path.partition(">")
    if not later:
        return first
    stage, _, at = later.partition("@")
    return stage if month >= int(at) else first


def project_progress(rng: random.Random) -> tuple[list[list[object]], list[dict[str, object]]]:
    """(CSV rows in 万元 for the first projects, JSON objects in 亿元 for the rest)."""
    header = ["项目名称", "县(市、区)", "时期", "总投资", "年度计划投资", "累计完成投资", "投资单位", "形象进度"]
    rows: list[list[object]] = [header]
    objects: list[dict[str, object]] = []
    for i, (name, county, path, total, annual, share) in enumerate(PROJECTS):
        for m in range(1, 11):
            done = annual * float(share) * (m / 10) * (1 + rng.uniform(-0.03, 0.03))
            if i < 8:
                rows.append([name, county, f"2025-{m:02d}", total, annual, round(done, 1), "万元", _stage(path, m)])
            else:
                objects.append({"项目名称": name, "县(市、区)": county, "时期": f"1-{m}月", "总投资": total / 10000,
                                "年度计划投资": annual / 10000, "累计完成投资": round(done / 10000, 4),
                                "投资单位": "亿元", "形象进度": _stage(path, m)})
    # Bad rows: a negative investment, a stage word nobody uses, no period.
    rows.append(["丽水机场", "丽水市", "2025-10", 360_000, 41_000, -1200, "万元", "建成"])
    rows.append(["缙云县棠溪水库工程", "缙云县", "2025-10", 312_000, 52_000, 40_300, "万元", "快好了"])
    objects.append({"项目名称": "龙泉水南未来社区", "县(市、区)": "龙泉市", "时期": "", "总投资": 9,
                    "年度计划投资": 2.4, "累计完成投资": 2.1, "投资单位": "亿元", "形象进度": "在建"})
    return rows, objects


ARTICLE_TXT = """# {notice}
丽水市统计局:2025年1-2月全市经济运行情况(合成样例)
1-2月,全市规模以上工业增加值55.6亿元,同比增长11.2%。全市港口货物吞吐量61.3万吨。
一季度,全市农林牧渔业增加值21.4亿元,同比增长3.5%。
"""

ARTICLE_HTML = """<!DOCTYPE html>
<!-- {notice} -->
<html><head><meta charset="utf-8"><title>丽水市统计局 2025年前三季度全市经济运行简况(合成样例数据)</title></head>
<body><nav>首页 &gt; 统计数据</nav>
<h1>2025年前三季度全市经济运行简况</h1>
<p>合成样例数据,非官方统计。</p>
<p>前三季度,全市农林牧渔业增加值84.6亿元,同比增长3.8%。1-9月,全市城镇新增就业人数2.21万人。</p>
<p>上半年,全市粮食总产量1.92亿斤。</p>
<footer>丽水市统计局版权所有</footer>
</body></html>
"""

README = f"""# Sample feeds — {NOTICE}

Written by `scripts/generate_sample_feeds.py` (random seed {SEED}); regenerate rather than edit.
Every figure is invented around the targets of the Lishui (丽水市) 2025 plan report so that the
feed pipeline has something realistic to chew on. Do not cite any of it.

| folder | feed | what is in it |
|---|---|---|
| indicator_releases/ | monthly and quarterly statistics releases | UTF-8 CSV (monthly, 万元 and 亿元 mixed); GB18030 CSV (quarterly, full-width digits) |
| target_actuals/ | mid-year target-versus-actual table | XLSX; targets as text (增长4%, 控制在3%以内, 与经济增长基本同步) |
| project_progress/ | key-project progress | CSV in 万元 and JSON in 亿元; names spelled unlike the report; one not in the report, one ambiguous |
| release_articles/ | release articles | a text and an HTML article whose figures are read by the extraction library |

Bad rows on purpose (they land in `raw.quarantine`): a value in words, an unknown unit, month 13,
an empty indicator, growth written as 持平, a negative investment, an unknown stage word, an empty period.
"""


def generate(out: Path) -> list[Path]:
    rng = random.Random(SEED)
    monthly, quarterly = indicator_releases(rng)
    progress_rows, progress_objects = project_progress(rng)
    files = {
        "README.md": README.encode("utf-8"),
        "indicator_releases/lishui_2025_monthly_releases_SYNTHETIC_SAMPLE.csv": _csv_bytes(monthly),
        "indicator_releases/lishui_2025_quarterly_releases_SYNTHETIC_SAMPLE_gb18030.csv": _csv_bytes(quarterly, "gb18030"),
        "target_actuals/lishui_2025_midyear_target_vs_actual_SYNTHETIC_SAMPLE.xlsx": _xlsx_bytes(target_actuals()),
        "project_progress/lishui_2025_key_projects_progress_SYNTHETIC_SAMPLE.csv": _csv_bytes(progress_rows),
        "project_progress/lishui_2025_key_projects_progress_SYNTHETIC_SAMPLE.json": (json.dumps(
            {"notice": NOTICE, "rows": progress_objects}, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "release_articles/lishui_2025_01-02_release_SYNTHETIC_SAMPLE.txt": ARTICLE_TXT.format(notice=NOTICE).encode("utf-8"),
        "release_articles/lishui_2025_q3_release_SYNTHETIC_SAMPLE.html": ARTICLE_HTML.format(notice=NOTICE).encode("utf-8"),
    }
    written = []
    for rel, data in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "warehouse" / "landing" / "feeds")
    args = parser.parse_args()
    for path in generate(args.out):
        print(path.relative_to(args.out))


if __name__ == "__main__":
    main()
