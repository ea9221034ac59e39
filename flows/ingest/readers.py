"""File formats -> the text that becomes `Document.original`, dispatched on the file suffix.

- .txt (and .text, .md): the decoded file; `original` is exactly the file's characters.
- .html / .htm: the page's main content as extracted by trafilatura (navigation, scripts, footers
  dropped); `original` is that extracted text, one block a line, not the HTML source.
- .docx: the body's paragraphs and table rows in document order, one a line (table cells joined by
  tabs); headers, footers and comments are not read.
- .pdf: the text layer as pypdf extracts it, with running headers/footers and page-number lines
  dropped and lines re-flowed into paragraphs (see `_reflow_pdf_lines`). Scanned PDFs without a
  text layer are unreadable.
For html/docx/pdf, offsets in records therefore point into the extracted text, which is stored
with the document. `encoding` is the detected character encoding for text formats and "" for
docx and pdf, whose text is not stored in one byte encoding.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from flows.ingest.decode import UnreadableDocument, decode_with_notes


@dataclass(frozen=True)
class ReadResult:
    original: str
    encoding: str
    file_format: str
    notes: tuple[str, ...] = ()  # damage repaired while reading (a cut tail), for the reviewers' worklist


def read_document(data: bytes, file_format: str) -> ReadResult:
    fmt = file_format.lower().lstrip(".")
    reader = _READERS.get(fmt)
    if reader is None:
        raise UnreadableDocument(f"unsupported file format: .{fmt}")
    return reader(data)


def read_text(data: bytes) -> ReadResult:
    text, encoding, notes = decode_with_notes(data)
    return ReadResult(text, encoding, "txt", notes)


def read_html(data: bytes) -> ReadResult:
    import trafilatura

    html, encoding, notes = decode_with_notes(data)
    extracted = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        favor_recall=True,
    )
    # Navigation-only pages still yield a few link words; a report's main text is Chinese prose.
    if not extracted or not re.search(r"[\u4e00-\u9fff]", extracted):
        raise UnreadableDocument("HTML page has no main text (no Chinese text outside navigation)")
    return ReadResult(extracted, encoding, "html", notes)


def read_docx(data: bytes) -> ReadResult:
    from docx import Document as open_docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocument(f"not a readable .docx file: {exc}") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableDocument(".docx file holds no text")
    return ReadResult(text, "", "docx")


def read_pdf(data: bytes) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, ValueError, OSError) as exc:
        raise UnreadableDocument(f"not a readable PDF: {exc}") from exc
    page_lines = [[line.strip() for line in page.split("\n") if line.strip()] for page in pages]
    if not any(page_lines):
        raise UnreadableDocument("PDF has no text layer (scanned image?)")
    page_lines = _drop_running_lines(page_lines)
    return ReadResult(_reflow_pdf_lines([line for page in page_lines for line in page]), "", "pdf")


_PAGE_NUMBER = re.compile(r"^(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d{1,4}\s*页(?:\s*[,/,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
# Headers and footers sit in the first or last lines of a page and repeat on most pages, their
# numbers (page, date) aside.
_EDGE_LINES = 2
_RUNNING_SHARE = 0.5


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    def shape(line: str) -> str:
        return re.sub(r"\d+", "#", line)

    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({shape(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]})
    running = {s for s, n in counts.items() if len(pages) >= 2 and n >= max(2, _RUNNING_SHARE * len(pages))}
    out = []
    for lines in pages:
        edge = set(range(min(_EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - _EDGE_LINES), len(lines)))
        out.append(
            [
                line
                for i, line in enumerate(lines)
                if not _PAGE_NUMBER.match(line) and not (i in edge and shape(line) in running)
            ]
        )
    return out


_ENDS_SENTENCE = re.compile(r"(?:[。!?;:!?;:]|……)[”’\"')》」』)]*$")
_OPENS_UNIT = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|[((][一二三四五六七八九十\d]+[))]|\d+[.、.](?!\d)|——|各位代表|附件)")
# A line is full when it reaches most of the usual line length: the text ran on to the next line.
_FULL_LINE_SHARE = 0.85


def _reflow_pdf_lines(lines: list[str]) -> str:
    """PDF lines are visual lines: join those that run on, keep breaks where a paragraph ends."""
    if not lines:
        return ""
    lengths = sorted(len(line) for line in lines)
    usual = lengths[int(0.8 * (len(lengths) - 1))]
    parts = [lines[0]]
    for prev, line in zip(lines, lines[1:]):
        runs_on = (
            len(prev) >= _FULL_LINE_SHARE * usual
            and not _ENDS_SENTENCE.search(prev)
            and not _OPENS_UNIT.match(line)
        )
        parts.append(line if runs_on else "\n" + line)
    return "".join(parts)


_READERS: dict[str, Callable[[bytes], ReadResult]] = {
    "txt": read_text,
    "text": read_text,
    "md": read_text,
    "html": read_html,
    "htm": read_html,
    "xhtml": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
}
