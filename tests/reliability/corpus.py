"""The bad-input corpus, generated at test time: each case writes its files into one landing folder
and states what the run must do with them.

Expectations are checked on the published marts after ONE run over the whole landing folder:
`loaded` (the report is a document with the records its clean twin gives), `quarantined` (a
`review_quarantine` row for the file whose reason matches), `refused` (a landing row for a link, and
the target's content nowhere in the marts), `feed_loaded` / `feed_row_quarantined`, `ignored`.
Cases marked `feeds=True` need the feed checks of issue 11's owner; until those land they are
expected to fail (`xfail(strict=True)`).
"""
from __future__ import annotations

import codecs
import io
import json
import os
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# A short government work report: a title, a dateline, targets. {tag} makes each copy unique (the
# same bytes twice are one report, see the duplicate cases) without touching a figure.
REPORT = """{region}{year}年政府工作报告
——{year}年1月10日在{region}第八届人民代表大会第四次会议上
各位代表:
现在,我代表{region}人民政府,向大会报告政府工作,请予审议。
一、{year}年主要预期目标
地区生产总值增长5.5%左右,城镇新增就业人数2万人以上,城镇调查失业率控制在5%以内。
居民人均可支配收入增长6%,粮食产量稳定在50万吨以上。
二、重点工作
建成缙云抽水蓄能电站,开工建设丽水机场二期工程。
(编号:{tag})
"""

SECRET_FIGURE = "987654"  # only the files outside landing hold it: it must reach no mart
CANARY = "PWNED_CANARY"  # a shell or template string that ran would create a file of this name


def report_text(tag: str, region: str = "青田县", year: int = 2025) -> str:
    return REPORT.format(tag=tag, region=region, year=year)


@dataclass
class Case:
    name: str
    area: str  # report | sidecar | feed | landing
    what: str  # the bad input, for the table
    expect: str  # loaded | quarantined | refused | duplicate | feed_loaded | feed_row_quarantined | feed_file_quarantined | ignored
    files: list[str]  # paths relative to the landing folder that the expectation is about
    build: Callable[[Path, Path], None]  # (landing, outside) -> writes the case's files
    reason: str = ""  # regex the quarantine reason must match
    clean_twin: str | None = None  # text whose records the loaded report must give too
    feeds: bool = False  # depends on the feed checks owned by `feeds` (issue 11)
    checks: dict = field(default_factory=dict)  # further expectations (region, literal strings …)


def _write(path: Path, data: bytes | str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))


def _report(name: str, what: str, data: Callable[[], bytes | str], *, expect: str = "loaded", reason: str = "",
            twin: bool = True, tag: str | None = None, **checks) -> Case:
    tag = tag or name
    return Case(name, "report", what, expect, [f"reports/{name}"],
                lambda landing, outside: _write(landing / "reports" / name, data()), reason=reason,
                clean_twin=report_text(tag) if (twin and expect == "loaded") else None, checks=checks)


def _sidecar(name: str, what: str, sidecar: str, expect: str, reason: str = "", **checks) -> Case:
    stem = name.removesuffix(".txt")

    def build(landing: Path, outside: Path) -> None:
        _write(landing / "reports" / name, report_text(stem))
        _write(landing / "reports" / f"{name}.meta.json", sidecar)

    return Case(name, "sidecar", what, expect, [f"reports/{name}"], build, reason=reason,
                clean_twin=report_text(stem) if expect == "loaded" else None, checks=checks)


def _pdf_bytes(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("STSong-Light", 11)
    y = 800
    for line in text.splitlines():
        pdf.drawString(40, y, line)
        y -= 16
    pdf.save()
    return buffer.getvalue()


def _docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _noise(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("s2t").convert(text)


def _huge() -> bytes:
    # 20 MB of report-like text: refused by size before it is read
    line = "城镇新增就业人数2万人以上,地区生产总值增长5.5%左右。\n".encode()
    return line * (20 * 2**20 // len(line) + 1)


def _link(rel: str, target: Callable[[Path, Path], Path], what: str, area: str = "landing") -> Case:
    def build(landing: Path, outside: Path) -> None:
        path = landing / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target(landing, outside))

    return Case(rel, area, what, "refused", [rel], build, reason=r"^refused: a symbolic link to a (file|folder) outside the landing folder")


# ---- feeds -------------------------------------------------------------------------------------
RELEASE_HEADER = "地区,指标名称,时期,数值,单位,是否累计,同比增长(%)"


def _release(name: str, what: str, rows: list[str], expect: str, reason: str = "", *, header: str = RELEASE_HEADER,
             feeds: bool = False, encoding: str = "utf-8", row: int | None = None, **checks) -> Case:
    rel = f"feeds/indicator_releases/{name}"
    text = "\n".join([header, *rows]) + "\n"
    case = Case(name, "feed", what, expect, [rel], lambda landing, outside: _write(landing / rel, text, encoding),
                reason=reason, feeds=feeds, checks=checks)
    if row is not None:
        case.checks["row"] = row
    return case


def _xlsx(name: str, what: str, expect: str, reason: str, fill: Callable, feeds: bool = False, **checks) -> Case:
    rel = f"feeds/target_actuals/{name}"

    def build(landing: Path, outside: Path) -> None:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["地区", "指标", "单位", "年度目标", "1-6月实际", "增速(%)", "时期"])
        fill(ws)
        (landing / rel).parent.mkdir(parents=True, exist_ok=True)
        wb.save(landing / rel)

    return Case(name, "feed", what, expect, [rel], build, reason=reason, feeds=feeds, checks=checks)


def _formula(ws) -> None:
    ws.append(["丽水市", "城镇新增就业人数", "万人", "2万人以上", "=1+0.31", None, "2025年1-6月"])


def _merged(ws) -> None:
    ws.append(["丽水市", "城镇新增就业人数", "万人", "2万人以上", 1.31, None, "2025年1-6月"])
    ws.append([None, "港口货物吞吐量", "万吨", "增长5%", 34.7, 5.1, "2025年1-6月"])
    ws.merge_cells("A2:A3")


def cases() -> list[Case]:
    sql = "'; drop table raw.records; --"
    shell = f"$(touch {CANARY}) `touch {CANARY}`"
    jinja = "{{ run_query('select 1') }}{% do log('x') %}"
    out: list[Case] = [
        # --- reports: bytes that are no report
        _report("empty.txt", "empty file", lambda: b"", expect="quarantined", reason="empty file"),
        _report("blank.txt", "only spaces and newlines", lambda: b" \n\n \t\n", expect="quarantined", reason="empty file"),
        _report("binary.txt", "random binary bytes named .txt", lambda: _noise(4096, 1), expect="quarantined",
                reason="binary content|not decodable"),
        _report("nul_bytes.txt", "text full of NUL bytes", lambda: report_text("nul").encode().replace(b"\n", b"\0\0\0\0\n"),
                expect="quarantined", reason="control characters"),
        _report("noise.pdf", "random bytes named .pdf", lambda: _noise(3000, 2), expect="quarantined", reason="not a readable PDF"),
        _report("truncated.pdf", "a PDF cut in half", lambda: _pdf_bytes(report_text("truncated.pdf"))[:900],
                expect="quarantined", reason="PDF"),
        _report("text_as.docx", "plain text named .docx", lambda: report_text("text_as").encode(), expect="quarantined",
                reason="not a readable .docx"),
        _report("empty_zip.docx", "a zip with no document in it", lambda: _empty_zip(), expect="quarantined",
                reason=".docx"),
        _report("huge_20mb.txt", "20 MB text file", _huge, expect="quarantined", reason=r"file is 20\.0 MB, larger than the 8 MB"),
        _report("nav_only.html", "HTML page with navigation and scripts only",
                lambda: "<html><body><nav>Home | About</nav><script>alert(1)</script></body></html>",
                expect="quarantined", reason="no main text"),
        # --- reports: damaged or unusual encodings that still read
        _report("cut_tail.txt", "UTF-8 cut in the middle of its last character",
                lambda: (report_text("cut_tail.txt").rstrip() + "完").encode()[:-1], tag="cut_tail.txt", note="damaged tail"),
        _report("gbk.txt", "GBK encoded", lambda: report_text("gbk.txt").encode("gbk"), tag="gbk.txt"),
        _report("gb18030.txt", "GB18030 encoded", lambda: report_text("gb18030.txt").encode("gb18030"), tag="gb18030.txt"),
        _report("utf16.txt", "UTF-16 with BOM", lambda: report_text("utf16.txt").encode("utf-16"), tag="utf16.txt"),
        _report("utf8_bom.txt", "UTF-8 with BOM", lambda: codecs.BOM_UTF8 + report_text("utf8_bom.txt").encode(), tag="utf8_bom.txt"),
        _report("crlf.txt", "Windows line ends", lambda: report_text("crlf.txt").replace("\n", "\r\n"), tag="crlf.txt"),
        _report("mixed_encodings.txt", "half UTF-8, half GBK", lambda: report_text("mixed").encode()[:200]
                + report_text("mixed2").encode("gbk")[200:], expect="quarantined", reason="not decodable|binary"),
        _report("traditional.txt", "traditional characters (麗水, 國民經濟)",
                lambda: _traditional(report_text("traditional.txt")), tag="traditional.txt", region="青田县"),
        _report("zero_width.txt", "zero-width characters inside numbers",
                lambda: report_text("zero_width.txt").replace("5.5%", "5\u200b.\u200b5\u200d%").replace("2万", "2\ufeff万"),
                tag="zero_width.txt"),
        _report("full_width.txt", "full-width digits and signs in numbers",
                lambda: report_text("full_width.txt").replace("5.5%", "５．５％").replace("2万", "２万").replace("(编号", "（编号"),
                tag="full_width.txt"),
        _report("duplicate_paragraphs.txt", "every paragraph twice",
                lambda: "".join(line + "\n" + line + "\n" for line in report_text("dup_par").splitlines()), twin=False),
        _report("emoji.txt", "emoji and rare-plane characters", lambda: report_text("emoji.txt").replace("各位代表:", "各位代表😀𠀀:"),
                tag="emoji.txt"),
        _report("web_page.html", "HTML page with scripts, styles and an onload handler",
                lambda: f"<html><head><script>document.write('{SECRET_FIGURE}')</script><style>p{{}}</style></head>"
                        f"<body onload=\"fetch('/x')\"><nav>首页 | 新闻</nav><article>"
                        + "".join(f"<p>{line}</p>" for line in report_text("web_page.html").splitlines())
                        + "</article><script>var x='城镇新增就业人数" + SECRET_FIGURE + "万人';</script></body></html>", twin=False),
        _report("word_file.docx", "a real .docx", lambda: _docx_bytes(report_text("word_file.docx")), tag="word_file.docx"),
        _report("pdf_file.pdf", "a real PDF with a CJK font", lambda: _pdf_bytes(report_text("pdf_file.pdf")), twin=False),
        _report("english.txt", "no Chinese at all", lambda: "Annual report\nGDP grew 5 per cent.\n", twin=False),
        # --- reports: strings that look like code, stored literally
        _report("sql.txt", "SQL-looking text", lambda: report_text("sql.txt").replace("二、重点工作", f"二、重点工作{sql}"),
                tag="sql.txt", literal=sql),
        _report("shell.txt", "shell-looking text", lambda: report_text("shell.txt").replace("二、重点工作", f"二、重点工作{shell}"),
                tag="shell.txt", literal=shell),
        _report("jinja.txt", "Jinja-looking text", lambda: report_text("jinja.txt").replace("二、重点工作", f"二、重点工作{jinja}"),
                tag="jinja.txt", literal=jinja),
        # --- reports: file names
        _report("with spaces in name.txt", "file name with spaces", lambda: report_text("with spaces in name.txt"), tag="with spaces in name.txt"),
        _report("青田县政府工作报告.txt", "Chinese file name", lambda: report_text("青田县政府工作报告.txt"), tag="青田县政府工作报告.txt"),
        _report("quote'single.txt", "single quote in the name", lambda: report_text("quote'single.txt"), tag="quote'single.txt"),
        _report('quote"double.txt', "double quote in the name", lambda: report_text('quote"double.txt'), tag='quote"double.txt'),
        _report("x" * 196 + ".txt", "200-character file name", lambda: report_text("x" * 196 + ".txt"), tag="x" * 196 + ".txt"),
        _report("-leading-dash.txt", "leading - in the name", lambda: report_text("-leading-dash.txt"), tag="-leading-dash.txt"),
        _report("--help.txt", "a name that reads as an option", lambda: report_text("--help.txt"), tag="--help.txt"),
        _report(f"$(touch {CANARY}).txt", "shell substitution in the name", lambda: report_text("shellname"), tag="shellname"),
        _report("'; drop table raw.documents; --.txt", "SQL in the name", lambda: report_text("sqlname"), tag="sqlname"),
        # --- the same report twice
        Case("copy_of_original.txt", "report", "the same report under a second name", "duplicate",
             ["reports/copy_of_original.txt", "reports/original.txt"], lambda landing, outside: (
                 _write(landing / "reports" / "original.txt", report_text("original")),
                 _write(landing / "reports" / "copy_of_original.txt", report_text("original"))),
             reason=r"duplicate report: (copy_of_original|original)\.txt has the same content .* as (copy_of_original|original)\.txt"),
        Case("alias_inside.txt", "landing", "a link to a report inside landing", "duplicate",
             ["reports/alias_inside.txt", "reports/aliased.txt"],
             lambda landing, outside: (_write(landing / "reports" / "aliased.txt", report_text("aliased")),
                                       (landing / "reports" / "alias_inside.txt").symlink_to("aliased.txt")),
             reason=r"duplicate report: (alias_inside|aliased)\.txt has the same content .* as (alias_inside|aliased)\.txt"),
        Case("same_stem.txt", "report", "two reports with one name and two suffixes (same_stem.docx, same_stem.txt)",
             "quarantined", ["reports/same_stem.txt"],
             lambda landing, outside: (_write(landing / "reports" / "same_stem.docx", _docx_bytes(report_text("same_stem.docx"))),
                                       _write(landing / "reports" / "same_stem.txt", report_text("same_stem.txt"))),
             reason=r"name clash: same_stem\.txt and same_stem\.docx both give document id 'same_stem'",
             checks={"namesake_loaded": True}),
        # --- files in reports/ that are no report
        Case("notes.rtf", "landing", "a format planwatch does not read", "quarantined", ["reports/notes.rtf"],
             lambda landing, outside: _write(landing / "reports" / "notes.rtf", "{\\rtf1 城镇新增就业}"),
             reason=r"not a report format \(\.rtf\)"),
        Case("orphan.meta.json", "sidecar", "a sidecar without its report", "quarantined", ["reports/orphan.meta.json"],
             lambda landing, outside: _write(landing / "reports" / "orphan.meta.json", '{"region": "丽水市"}'),
             reason="metadata sidecar without its report"),
        Case(".hidden.txt", "report", "a hidden file (an editor's temporary)", "ignored", ["reports/.hidden.txt"],
             lambda landing, outside: _write(landing / "reports" / ".hidden.txt", report_text("hidden"))),
        # --- sidecars
        _sidecar("side_region_number.txt", "sidecar region is a number (331100)", '{"region": 331100}', "quarantined",
                 r"metadata sidecar side_region_number\.txt\.meta\.json: field region must be text"),
        _sidecar("side_type_true.txt", "sidecar document_type: true", '{"document_type": true}', "quarantined",
                 r"field document_type must be one of"),
        _sidecar("side_year_true.txt", "sidecar plan_year: true", '{"plan_year": true}', "quarantined",
                 r"field plan_year must be a year written in digits"),
        _sidecar("side_year_chinese.txt", "sidecar plan_year 二〇二五年", '{"plan_year": "二〇二五年"}', "quarantined",
                 r"side_year_chinese\.txt\.meta\.json: field plan_year .*'二〇二五年'"),
        _sidecar("side_nulls.txt", "sidecar with null region and title", '{"region": null, "title": null}', "loaded",
                 region="青田县"),
        _sidecar("side_malformed.txt", "malformed JSON sidecar", '{"region": "丽水市",', "quarantined", r"is not readable JSON"),
        _sidecar("side_array.txt", "sidecar holding a list", '["丽水市"]', "quarantined", r"must hold a JSON object"),
        _sidecar("side_unknown.txt", "sidecar with an unknown field", '{"colour": "red"}', "quarantined", r"unknown metadata field"),
        _sidecar("side_sql.txt", "sidecar title with SQL and Jinja", json.dumps({"title": sql + jinja}), "loaded",
                 title=sql + jinja),
        Case("side_link.txt", "sidecar", "sidecar linked to a file outside landing", "quarantined", ["reports/side_link.txt"],
             lambda landing, outside: (_write(landing / "reports" / "side_link.txt", report_text("side_link")),
                                       (landing / "reports" / "side_link.txt.meta.json").symlink_to(outside / "meta.json")),
             reason="sidecar side_link.txt.meta.json is a symbolic link leading outside"),
        # --- links leaving landing
        _link("reports/secret.txt", lambda landing, outside: outside / "secret.txt", "link to a report outside landing"),
        _link("reports/rel_secret.txt", lambda landing, outside: Path(os.path.relpath(outside / "secret.txt", landing / "reports")),
              "relative link (../..) to a report outside landing"),
        _link("reports/outdir", lambda landing, outside: outside, "link to a folder outside landing"),
        _link("feeds/indicator_releases/secret.csv", lambda landing, outside: outside / "secret.csv",
              "link to a feed file outside landing"),
        _link("feeds/project_progress/outdir", lambda landing, outside: outside, "link to a folder outside landing (feeds)"),
        # --- feeds: whole files
        _release("release_ok.csv", "a good release file", ["丽水市,规模以上工业增加值,2025-03,12.5,亿元,是,5.2"], "feed_loaded"),
        _release("release_gb18030.csv", "release file in GB18030", ["丽水市,固定资产投资,2025-03,88,亿元,是,3.1"], "feed_loaded",
                 encoding="gb18030"),
        _release("发布 数据 2025.csv", "feed file name with spaces and Chinese", ["丽水市,社会消费品零售总额,2025-03,70,亿元,是,4"],
                 "feed_loaded"),
        _release("release_extra_column.csv", "an extra column the contract does not know",
                 ["丽水市,出口总额,2025-03,40,亿元,是,6,备注"], "feed_loaded", header=RELEASE_HEADER + ",备注"),
        _release("release_missing_column.csv", "the required indicator column missing", ["丽水市,2025-03,5,亿元,是,6"],
                 "feed_row_quarantined", r"required column 'indicator' is missing", header="地区,时期,数值,单位,是否累计,同比增长(%)",
                 row=2),
        _release("release_value_column_missing.csv", "the value column missing, growth given",
                 ["青田县,进出口总额,2025-04,亿元,是,6"], "feed_loaded", header="地区,指标名称,时期,单位,是否累计,同比增长(%)"),
        Case("release_binary.csv", "feed", "binary bytes named .csv", "feed_file_quarantined",
             ["feeds/indicator_releases/release_binary.csv"],
             lambda landing, outside: _write(landing / "feeds/indicator_releases/release_binary.csv", _noise(2000, 3)),
             reason="."),
        Case("release_empty.csv", "feed", "an empty feed file", "feed_file_quarantined", ["feeds/indicator_releases/release_empty.csv"],
             lambda landing, outside: _write(landing / "feeds/indicator_releases/release_empty.csv", b""), reason="."),
        Case("progress_bad.json", "feed", "malformed JSON feed", "feed_file_quarantined", ["feeds/project_progress/progress_bad.json"],
             lambda landing, outside: _write(landing / "feeds/project_progress/progress_bad.json", '[{"项目名称": "x",'), reason="."),
        Case("actuals_text.xlsx", "feed", "text bytes named .xlsx", "feed_file_quarantined", ["feeds/target_actuals/actuals_text.xlsx"],
             lambda landing, outside: _write(landing / "feeds/target_actuals/actuals_text.xlsx", "地区,指标\n"), reason="."),
        Case("loose.csv", "feed", "a feed file outside every feed folder", "feed_file_quarantined", ["feeds/loose.csv"],
             lambda landing, outside: _write(landing / "feeds/loose.csv", RELEASE_HEADER + "\n"), reason="not in a feed folder"),
        # --- feeds: rows
        _release("release_wrong_type.csv", "a value that is no number", ["丽水市,出口总额,2025-03,abc,亿元,是,6"],
                 "feed_row_quarantined", r".", row=2),
        _release("release_empty_cells.csv", "a required cell empty", ["丽水市,,2025-03,5,亿元,是,6"],
                 "feed_row_quarantined", r".", row=2),
        _release("release_sql.csv", "SQL, shell and Jinja in feed cells",
                 [f"丽水市,\"{sql}\",2025-03,5,亿元,是,6", f"丽水市,\"{shell}\",2025-03,5,亿元,是,6",
                  f"丽水市,\"{jinja}\",2025-03,5,亿元,是,6"], "feed_loaded", literal_feed=[sql, shell, jinja]),
        _release("release_growth_absurd.csv", "growth of 10000 %", ["丽水市,出口总额,2025-03,40,亿元,是,10000"],
                 "feed_row_quarantined", r"10000|growth|增长", row=2),
        _release("release_duplicate_rows.csv", "the same feed row twice",
                 ["丽水市,进口总额,2025-03,41,亿元,是,6", "丽水市,进口总额,2025-03,41,亿元,是,6"],
                 "feed_row_quarantined", r"duplicate|重复", row=3),
        _release("release_periods_2025.csv", "periods 2099-01, 1800-01, 2031-06 in a 2025 file",
                 ["丽水市,出口总额,2099-01,40,亿元,是,6", "丽水市,出口总额,1800-01,40,亿元,是,6",
                  "丽水市,出口总额,2031-06,40,亿元,是,6"], "feed_row_quarantined", r"period|2099", row=2),
        _release("release_mixed_units_2025.csv", "one indicator in 亿元, 万元, 万人 and %; 就业人数 in 亿元",
                 ["丽水市,外贸出口额,2025-01,40,亿元,是,6", "丽水市,外贸出口额,2025-02,40,万人,是,6",
                  "丽水市,城镇新增就业人数,2025-03,2,亿元,是,"], "feed_row_quarantined", r"unit|单位", row=3),
        _release("release_empty_unit_2025.csv", "an empty unit where the indicator implies one",
                 ["青田县,城镇新增就业人数,2025-03,5,,是,"], "feed_row_quarantined", r"unit|单位", row=2),
        Case("release_copy.csv", "feed", "a copied feed file (the bundled monthly releases under a second name)",
             "feed_row_quarantined", ["feeds/indicator_releases/release_copy.csv"],
             lambda landing, outside: _write(landing / "feeds/indicator_releases/release_copy.csv", (
                 landing / "feeds/indicator_releases/lishui_2025_monthly_releases_SYNTHETIC_SAMPLE.csv").read_bytes()),
             reason=r"duplicate of row \d+ of indicator_releases/lishui_2025_monthly_releases_SYNTHETIC_SAMPLE\.csv",
             checks={"row": "any"}),
        _xlsx("actuals_formula.xlsx", "XLSX formula without a cached value", "feed_row_quarantined", r"formula",
              _formula, row=2),
        _xlsx("actuals_merged.xlsx", "XLSX merged cells", "feed_loaded", "", _merged, rows_loaded=2),
    ]
    return out


def _empty_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "hi")
    return buffer.getvalue()


def build_landing(landing: Path, outside: Path, corpus: list[Case] | None = None) -> list[Case]:
    """The bundled example landing plus every case; the files links point at go to `outside`."""
    import shutil

    from .runs import BUNDLED_LANDING

    shutil.copytree(BUNDLED_LANDING, landing)  # the good data that arrives beside the bad
    (landing / "reports").mkdir(parents=True, exist_ok=True)
    (landing / "feeds").mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    _write(outside / "secret.txt", report_text("secret").replace("2万人", f"{SECRET_FIGURE}人"))
    _write(outside / "secret.csv", RELEASE_HEADER + f"\n丽水市,秘密指标,2025-03,{SECRET_FIGURE},亿元,是,5\n")
    _write(outside / "meta.json", json.dumps({"region": "秘密县"}, ensure_ascii=False))
    corpus = cases() if corpus is None else corpus
    for case in corpus:
        case.build(landing, outside)
    return corpus
