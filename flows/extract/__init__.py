"""The extraction library: `Document` -> records (targets, achievements, projects, portfolios).

Plain Python, no Prefect. Each extractor works on `doc.text` (normalised) and returns records whose
`start`/`end` are offsets into `doc.text`; `extract_document` maps them back to the original text,
fills `text` with the verbatim original span and stamps document id, section path and version.
"""
from __future__ import annotations

from flows.extract.confidence import confidence_of
from flows.extract.learned import score_projects
from flows.extract.portfolios import extract_portfolios
from flows.extract.projects import extract_projects
from flows.extract.quantities import extract_quantities
from flows.extract.records import Record, UnreadSentence, evolve
from flows.extract.unread import find_unread_spans, sentence_around
from flows.extract.version import content_version
from flows.ingest.document import Document

EXTRACTOR_VERSION = content_version()  # changes whenever extraction or ingest code or their rule tables change


def extract_document(doc: Document) -> list[Record]:
    return [_finalise(doc, r) for r in _draft_records(doc) if _is_complete(r)]


def extract_document_with_unread(doc: Document) -> tuple[list[Record], list[UnreadSentence]]:
    """Records plus every sentence that holds a quantity but gave no record (the recall worklist)."""
    all_drafts = _draft_records(doc)
    drafts = [r for r in all_drafts if _is_complete(r)]
    spans = {(s.start, s.end) for s in find_unread_spans(doc, drafts)}
    # A figure set aside for want of an indicator shares its sentence with records that were read,
    # so the sentence would not count as unread: list it all the same, never lose it silently.
    spans |= {sentence_around(doc.text, r.start, r.end) for r in all_drafts if not _is_complete(r)}
    unread = []
    for start, end in sorted(spans):
        o_start, o_end = doc.to_original(start, end)
        unread.append(UnreadSentence(o_start, o_end, doc.original[o_start:o_end], doc.section_path_at(start)))
    return [_finalise(doc, r) for r in drafts], unread


def _is_complete(draft: Record) -> bool:
    """A figure whose indicator could not be found is no record: without it the figure means nothing
    in the facts. Dropping it leaves its sentence unread, so it reaches the reviewers' worklist."""
    if draft.type in ("target", "achievement"):
        return bool(draft.indicator and draft.indicator.strip())
    if draft.type == "project":
        return bool(draft.name and draft.name.strip())
    return True


def _draft_records(doc: Document) -> list[Record]:
    """Records with offsets into `doc.text`, before mapping back to the original."""
    # Portfolio totals and project names hold figures (总投资974亿元, 年产17万吨) that are not
    # targets: quantity extraction skips the spans they claim.
    portfolios = extract_portfolios(doc)
    projects = score_projects(doc, extract_projects(doc))
    claimed = [(r.start, r.end) for r in portfolios + projects]
    drafts = portfolios + projects + extract_quantities(doc, claimed)
    drafts.sort(key=lambda r: (r.start, r.end, r.type))
    return drafts


def _finalise(doc: Document, draft: Record) -> Record:
    o_start, o_end = doc.to_original(draft.start, draft.end)
    return evolve(
        draft,
        confidence=confidence_of(doc, draft),
        start=o_start,
        end=o_end,
        text=doc.original[o_start:o_end],
        doc=doc.doc_id,
        section=doc.section_path_at(draft.start),
        extractor_version=EXTRACTOR_VERSION,
    )
