"""City and county project pages: the stage verb that opens a list of works (开建A、B和C). Hand-made
sentences in the shape of the 十件实事 lists of held_out_19."""
from __future__ import annotations

from flows.extract.projects import find_project_mentions


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.stage) for m in find_project_mentions(text, "")]


def test_kaijian_before_a_list_starts_every_name():
    text = "4.加大教育投入。开建城南实验小学、滨江幼儿园和东湖外国语学校;建成6家公办幼儿园。"
    assert _read(text) == [("城南实验小学", "start"), ("滨江幼儿园", "start"), ("东湖外国语学校", "start")]


def test_kaijian_before_road_works_starts_both():
    text = "开建205国道城关至河口段改建工程、解放路至环城北路跨线立交桥;新增公交线路6条。"
    assert _read(text) == [("205国道城关至河口段改建工程", "start"), ("解放路至环城北路跨线立交桥", "start")]


def test_kaijian_after_the_name_still_starts_it():
    assert _read("城北医院新院区年内开建。") == [("城北医院新院区", "start")]

