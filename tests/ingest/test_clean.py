from __future__ import annotations

from flows.ingest import Document, ingest_bytes

from .conftest import REPORTS, ingested

CLOSING = "各位代表,让我们团结一心、众志成城,为顺利实现全年经济社会发展各项目标而努力拼搏!"


def _ingest(text: str) -> Document:
    return ingest_bytes(text.encode("utf-8"), "hand")


def test_continuation_marker_is_dropped(lishui: Document) -> None:
    assert "上接第二版" not in lishui.text
    assert "上接第二版" in lishui.original


def test_inline_continuation_marker_is_dropped_and_the_sentence_rejoined() -> None:
    doc = _ingest("一是加快建设。推进丽水机场建设,确保年内(下转第三版)\n\n(上接第二版)通航,完成投资5亿元。")
    assert "转第" not in doc.text and "接第" not in doc.text
    assert "确保年内通航,完成投资5亿元。" in doc.text


def test_advert_after_closing_paragraph_is_dropped(lishui: Document) -> None:
    assert lishui.text.endswith("而努力拼搏!")
    for advert in ("公益广告", "绿色出行", "低碳出行"):
        assert advert not in lishui.text


def test_web_page_toolbar_and_article_meta_are_dropped() -> None:
    zhejiang = ingested(REPORTS / "zhejiang_2026_gwr.txt")
    head = zhejiang.text.split("\n")[:4]
    assert head[0] == "2026年浙江省政府工作报告"
    for chrome in ("下载", "打印", "全屏", "收藏", "字号", "加大", "还原", "减小", "来源:", "时间:"):
        assert not any(line.startswith(chrome) for line in head)
    assert "相关报道" not in zhejiang.text


def test_label_whose_value_is_on_the_next_line_drops_both() -> None:
    doc = _ingest("陕西省2026年政府工作报告\n时间:\n2026-02-02 09:20\n来源:\n陕西省人民政府\n各位代表:\n现在,我代表省人民政府向大会报告工作。")
    assert doc.text == "陕西省2026年政府工作报告\n各位代表:\n现在,我代表省人民政府向大会报告工作。"


def test_breadcrumb_items_between_separators_are_dropped() -> None:
    doc = _ingest("首页\n>\n政府信息公开\n>\n省政府工作报告\n各位代表:\n现在,我代表省人民政府向大会报告工作。")
    assert doc.text == "各位代表:\n现在,我代表省人民政府向大会报告工作。"


def test_repeated_title_in_front_matter_is_kept_once() -> None:
    doc = _ingest("陕西省2026年政府工作报告\n首页\n陕西省2026年政府工作报告\n各位代表:\n正文。")
    assert doc.text.count("陕西省2026年政府工作报告") == 1


def test_licence_footer_after_closing_is_dropped_from_national_report() -> None:
    doc = ingested(REPORTS / "national_2024_gwr.txt")
    assert "Public domain" not in doc.text
    assert "著作权法" not in doc.text
    assert doc.text.split("\n")[-2] == "各位代表!"


def test_appendix_after_closing_paragraph_is_kept() -> None:
    doc = ingested(REPORTS / "guangdong_2026_gwr.txt")
    assert "\n附件1\n" in doc.text
    assert "\n名词解释\n" in doc.text
    assert "“标准海”" in doc.text


def test_closing_paragraph_followed_by_report_sections_keeps_them() -> None:
    text = f"{CLOSING}\n三、大力推进重大项目建设\n实施交通项目53个。\n绿色出行"
    assert _ingest(text).text == text


def test_tail_is_dropped_only_after_a_closing_paragraph() -> None:
    text = "一、总体要求\n全年经济增长5%左右。\n公益广告 绿色出行"
    assert _ingest(text).text == text


def test_page_number_lines_are_dropped() -> None:
    doc = _ingest("一、总体要求\n全年经济增长5%左右。\n- 12 -\n第3页 共10页\n3/10\n城镇新增就业1200万人。")
    assert doc.text == "一、总体要求\n全年经济增长5%左右。\n城镇新增就业1200万人。"


def test_photo_caption_is_dropped() -> None:
    doc = _ingest("2026年江苏省政府工作报告\n省长代表省人民政府向大会作政府工作报告。本报记者 朱江 摄\n各位代表:")
    assert doc.text == "2026年江苏省政府工作报告\n各位代表:"


def test_every_corpus_report_keeps_its_opening_and_closing_salutation(corpus_docs: dict[str, Document]) -> None:
    for name, doc in corpus_docs.items():
        lines = doc.text.split("\n")
        closing = [i for i, line in enumerate(lines) if line.startswith("各位代表")]
        assert closing, name
        # Nothing after the closing paragraph unless an appendix or the report's own notes on its
        # terms (注释: [1]一降三减: …) follow: both are part of the published report.
        after = lines[closing[-1] + 1 :]
        assert len(after) <= 1 or after[0].startswith(("附件", "注释", "名词解释")), (name, after[:3])


def test_bare_number_line_between_a_sentence_and_its_unit_is_kept() -> None:
    # a 2024 XX区政府工作报告 converted one text run a line: 湖南投资大厦全口径税收超 / 5 / 亿元,…
    from flows.ingest import ingest_bytes

    text = "各位代表:\n——这一年,湖南投资大厦全口径税收超\n5\n亿元,佳兆业广场进入税收亿元楼宇行列。\n- 3 -\n下一段。"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case")
    assert "税收超5亿元" in doc.text
    assert "- 3 -" not in doc.text and "3" not in doc.text.replace("——", "")
