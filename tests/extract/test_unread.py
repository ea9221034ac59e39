from __future__ import annotations

from flows.extract.quantities import extract_quantities
from flows.extract.unread import UnreadSpan, find_unread_spans

from .corpus import corpus_doc, make_doc


def test_sentence_with_a_skipped_figure_is_unread() -> None:
    doc = make_doc("为60岁以上老年人提供助餐服务。新增农创客1000人。")
    spans = find_unread_spans(doc, extract_quantities(doc, []))
    assert len(spans) == 1
    (span,) = spans
    assert isinstance(span, UnreadSpan) and "60岁以上" in span.quantities
    assert doc.text[span.start:span.end] == span.sentence and span.sentence.startswith("为60岁")


def test_sentence_that_gave_a_record_is_not_unread() -> None:
    doc = make_doc("新增农创客1000人。")
    assert find_unread_spans(doc, extract_quantities(doc, [])) == []


def test_sentence_without_quantities_is_not_unread() -> None:
    doc = make_doc("办好第七届侨博会。推进一批重大项目。")
    assert find_unread_spans(doc, extract_quantities(doc, [])) == []


def test_every_unread_span_holds_a_figure_and_no_record() -> None:
    doc = corpus_doc("guangdong_2026_gwr")
    recs = extract_quantities(doc, [])
    for span in find_unread_spans(doc, recs):
        assert span.quantities
        assert not any(r.start < span.end and span.start < r.end for r in recs)


def test_finalised_records_from_extract_document_count_as_read() -> None:
    from flows.extract import extract_document

    doc = corpus_doc("zhejiang_2026_gwr")
    drafts = find_unread_spans(doc, extract_quantities(doc, []))
    final = find_unread_spans(doc, extract_document(doc))
    # The orchestrator also claims portfolio spans, so it may leave a few more sentences unread.
    assert {s.start for s in drafts} <= {s.start for s in final}
    assert len(final) - len(drafts) <= 3


def test_figure_without_an_indicator_is_no_record_but_stays_in_the_worklist() -> None:
    # 超80%的省科技攻坚项目… opens a sentence with no indicator before the figure: the facts must not
    # hold a figure that means nothing, and the reviewer must still see it.
    from flows.extract import extract_document_with_unread

    for name, figure in (("anhui_2026_gwr", "超80%"), ("hainan_2026_gwr", "96.2%")):
        doc = corpus_doc(name)
        records, unread = extract_document_with_unread(doc)
        quantities = [r for r in records if r.type in ("target", "achievement")]
        assert quantities and all(r.indicator and r.indicator.strip() for r in quantities)
        assert any(figure in u.text for u in unread), name
        assert all(doc.original[u.start:u.end] == u.text for u in unread)


def test_with_no_record_every_sentence_pattern_match_holding_a_figure_is_unread() -> None:
    # the sentences are found from the figures, by bisection on the sentence marks: they must be the
    # very _SENTENCE_RE matches a scan of every sentence finds, with the same figures
    import re

    from flows.extract.mentions import find_candidates

    sentence = re.compile(r"[^。;!?\n]+[。;!?]?")
    total = 0
    for stem in ("guangdong_2026_gwr", "lishui_2025_plan_report_part2", "national_2025_gwr"):
        doc = corpus_doc(stem)
        figures = [c for c in find_candidates(doc.text) if c.has_unit]
        expected = []
        for m in sentence.finditer(doc.text):
            held = tuple(c.text for c in figures if m.start() <= c.num_start < m.end())
            if held:
                expected.append((m.start(), m.end(), m.group(0), held))
        got = [(s.start, s.end, s.sentence, s.quantities) for s in find_unread_spans(doc, [])]
        assert got == expected
        total += len(got)
    assert total > 100
