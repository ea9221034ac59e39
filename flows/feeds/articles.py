"""Release articles -> indicator actuals with their period.

Bureaus publish monthly figures as prose: "1-2月,全市规模以上工业增加值55.6亿元,同比增长11.2%".
A period phrase (1-2月, 一季度, 上半年, 1-11月) governs the figures that follow it in its sentence;
each clause from one period phrase to the next is read by the extraction library, and a growth
figure without a subject (同比增长11.2%) belongs to the figure before it. "全市"/"全县" is the
article's own region, found in its title or opening lines.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from flows.extract.regions import gazetteer
from flows.feeds.checks import CheckedRow, Problem
from flows.feeds.periods import PERIOD_IN_TEXT, PeriodError, parse_period
from flows.feeds.readers import decode_text

_HEAD_CHARS = 300
# What the extractor calls a growth figure that has no subject of its own (同比增长11.2%).
_SUBJECTLESS = re.compile(r"^(?:同比|比上年|比去年同期)?(?:增速|增长|增幅|下降|回落)?$|^同比")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section", "article"}


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    encoding: str


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "nav", "footer"):
            self._skip += 1
        self._in_title = tag == "title"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "nav", "footer") and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def read_article(data: bytes, suffix: str) -> Article:
    text, encoding = decode_text(data)
    if suffix in (".html", ".htm"):
        parser = _TextOf()
        parser.feed(text)
        body = "\n".join(line.strip() for line in "".join(parser.parts).splitlines() if line.strip())
        title = "".join(parser.title).strip() or body.split("\n", 1)[0]
        return Article(title=title, text=body, encoding=encoding)
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return Article(title=lines[0] if lines else "", text="\n".join(lines), encoding=encoding)


@lru_cache(maxsize=1)
def _region_names() -> tuple[str, ...]:
    """Full division names of the extractor's gazetteer, longest first."""
    names = {region.name for region in gazetteer().by_code.values() if len(region.name) >= 3}
    return tuple(sorted(names, key=len, reverse=True))


def article_region(article: Article) -> str | None:
    """The first full division name in the title or opening lines (丽水市统计局 -> 丽水市)."""
    head = unicodedata.normalize("NFKC", article.title + "\n" + article.text[:_HEAD_CHARS])
    found = [(head.find(name), name) for name in _region_names() if name in head]
    return min(found)[1] if found else None


def article_year(article: Article, default_year: int | None) -> int | None:
    m = re.search(r"(20\d\d)\s*年", unicodedata.normalize("NFKC", article.title + article.text[:_HEAD_CHARS]))
    return int(m.group(1)) if m else default_year


@dataclass(frozen=True)
class _Clause:
    period_text: str | None
    text: str
    start: int  # offset of `text` in the article text


def _clauses(text: str) -> list[_Clause]:
    """Clauses with the period that governs them: the last period phrase of the paragraph so far."""
    clauses: list[_Clause] = []
    pos = 0
    for paragraph in text.split("\n"):
        para_start = text.find(paragraph, pos)
        pos = para_start + len(paragraph)
        current: str | None = None
        for m_sentence in re.finditer(r"[^。；;!?！？]+", paragraph):
            sentence, start = m_sentence.group(0), para_start + m_sentence.start()
            marks = [m for m in PERIOD_IN_TEXT.finditer(sentence) if m.group(0).strip()]
            head_end = marks[0].start() if marks else len(sentence)
            if re.search(r"\d", sentence[:head_end]):
                clauses.append(_Clause(current, sentence[:head_end], start))
            for i, m in enumerate(marks):
                current = m.group(0).strip()
                end = marks[i + 1].start() if i + 1 < len(marks) else len(sentence)
                clauses.append(_Clause(current, sentence[m.end():end], start + m.end()))
    return clauses


def article_rows(data: bytes, suffix: str, default_year: int | None) -> tuple[str, list[CheckedRow]]:
    """(encoding, one checked row per figure); figures without a period or region are quarantined."""
    from flows.extract import EXTRACTOR_VERSION, extract_document
    from flows.ingest import ingest_bytes

    article = read_article(data, suffix)
    region = article_region(article)
    year = article_year(article, default_year)
    rows: list[CheckedRow] = []
    for clause in _clauses(article.text):
        if not re.search(r"\d", clause.text):
            continue
        doc_id = "article-" + hashlib.sha256(clause.text.encode("utf-8")).hexdigest()[:12]
        records = [r for r in extract_document(ingest_bytes(clause.text.encode("utf-8"), doc_id=doc_id))
                   if r.type in ("target", "achievement") and r.value is not None]
        subject: str | None = None
        for r in records:
            named = r.indicator if r.indicator and not _SUBJECTLESS.match(r.indicator) else None
            indicator = named or (f"{subject}增速" if subject and r.kind == "growth" else None)
            subject = named or subject
            values: dict[str, object] = {
                "title": article.title, "region": region, "sentence": clause.text.strip(),
                "char_start": clause.start + r.start, "char_end": clause.start + r.end, "figure_text": r.text,
                "indicator": indicator, "period": clause.period_text, "value": r.value, "unit": r.unit,
                "comparator": r.comparator, "value_base": r.value_base, "base_unit": r.base_unit,
                "kind": r.kind, "extractor_version": EXTRACTOR_VERSION,
            }
            problems: list[Problem] = []
            if clause.period_text is None:
                problems.append(Problem("period", "no period phrase (1-2月, 一季度, 上半年 …) before this figure", r.text))
            else:
                try:
                    period = parse_period(clause.period_text, year)
                    values.update(period_start=period.start, period_end=period.end,
                                  period_months=period.months, is_cumulative=period.cumulative)
                except PeriodError as exc:
                    problems.append(Problem("period", str(exc), clause.period_text))
            if region is None:
                problems.append(Problem("region", "the article names no division in its title or opening lines", article.title))
            if indicator is None:
                problems.append(Problem("indicator", "the figure has no indicator the extractor could name", r.text))
            rows.append(CheckedRow(row_number=len(rows) + 1, values=values, problems=tuple(problems)))
    return article.encoding, rows
