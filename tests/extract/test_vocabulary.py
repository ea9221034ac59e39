"""Rules as data, once: a word of a rule table is never typed again in extraction code.

The extraction sources (flows/extract/*.py, the learned scorer aside) are parsed with `ast`; every
string literal that is not a docstring (regex sources, tuples of words, f-string pieces) is cut into
runs of Chinese characters, and a run equal to a word of a checked table (flows/extract/vocabulary.py:
CHECKED_TABLES) fails the test: the word must be composed from the table instead, so that two copies
cannot drift (力求 a strength word in one file and part of a project name in another). List markers
(●, ■ …) are checked character by character. Words of one character (路, 站) are too common to check;
messages for people (a skip reason with its example, English prose) are not rules.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import vocabulary

EXTRACT = Path(vocabulary.__file__).resolve().parent
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# a message for people (the reason a figure was skipped, with its example): English words and spaces
_PROSE = re.compile(r"[A-Za-z]{2,} [A-Za-z(]")


def _checked_words() -> dict[str, str]:
    """word -> the table (and vocabulary) it belongs to; one-character Chinese words left out."""
    return {w: where for w, where in vocabulary.checked_words().items()
            if len(w) >= 2 or (w and not _CJK_RUN.fullmatch(w))}


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and not _PROSE.search(node.value)]


def _sources() -> list[Path]:
    return sorted(p for p in EXTRACT.glob("*.py"))


def find_typed_words(words: dict[str, str], sources: list[Path]) -> list[str]:
    symbols = {w for w in words if not _CJK_RUN.fullmatch(w)}
    found = []
    for path in sources:
        for line, literal in _literals(path):
            runs = set(_CJK_RUN.findall(literal))
            for word in sorted(runs & words.keys()):
                found.append(f"{path.name}:{line}: {word!r} is a word of {words[word]}")
            for symbol in sorted(s for s in symbols if s in literal):
                found.append(f"{path.name}:{line}: {symbol!r} is a word of {words[symbol]}")
    return found


def test_no_word_of_a_rule_table_is_typed_in_extraction_code() -> None:
    typed = find_typed_words(_checked_words(), _sources())
    assert not typed, "compose these from their table instead:\n" + "\n".join(typed)


def test_the_check_catches_a_typed_strength_word(tmp_path: Path) -> None:
    # the test above would pass vacuously if literals or tables were misread
    source = tmp_path / "drift.py"
    source.write_text('import re\n"""力争 in a docstring is an example."""\n'
                      'STRENGTH = re.compile(r"(?:力求|全力)")\nHEAD = ("●", "项目")\n', encoding="utf-8")
    typed = find_typed_words(_checked_words(), [source])
    assert any("'力求' is a word of words.csv:strength" in t for t in typed), typed
    assert any("'●'" in t for t in typed), typed
    assert not any("'力争'" in t for t in typed), typed


@pytest.mark.parametrize("vocabulary_name", ["strength", "review_heading", "plan_heading", "list_marker"])
def test_each_named_vocabulary_has_words(vocabulary_name: str) -> None:
    assert vocabulary.words(vocabulary_name)


def test_a_word_lives_in_one_vocabulary_of_a_table_once() -> None:
    seen: set[tuple[str, str]] = set()
    for row in vocabulary.rows("words.csv"):
        key = (row["vocabulary"], row["word"])
        assert key not in seen, key
        seen.add(key)


# a few words that share openings and ends (建成 / 建成投产 / 建设), as the stage verbs do
_TRIE_WORDS = ("建成", "建成投产", "建设", "开工", "开工建设", "投产", "产", "成投")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TRIE_WORDS), min_size=1, max_size=6),
       st.text(alphabet="建成投产设开工程.", max_size=30))
def test_a_trie_of_words_finds_what_their_longest_first_alternation_finds(chosen: list[str], text: str) -> None:
    trie = re.compile(vocabulary.trie_alternation(chosen))
    flat = re.compile("|".join(re.escape(w) for w in vocabulary.longest_first(chosen)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert [trie.fullmatch(w) is not None for w in _TRIE_WORDS] == [w in chosen for w in _TRIE_WORDS]


def test_a_trie_escapes_what_a_regex_would_read() -> None:
    trie = re.compile(vocabulary.trie_alternation(["a.b", "a.", "(c)"]))
    assert [m.group(0) for m in trie.finditer("a.b axb a. (c) c")] == ["a.b", "a.", "(c)"]


# where the pattern around the words backtracks into them, the longest word is not always the one
# that stands: the trie must fall back to the shorter words in the order the flat list does
_AROUND = ("(?:{})", "(?:{})投", "(?:{})+$", "^(?:{})设?$", "(?P<w>{})(?P<tail>产|设)?(?=程)", "x|{}|.")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TRIE_WORDS + ("",)), min_size=1, max_size=6),
       st.sampled_from(_AROUND),
       st.lists(st.sampled_from(_TRIE_WORDS + tuple("建成投产设程x")), max_size=10).map("".join))
def test_word_alternation_matches_as_the_flat_longest_first_alternation(chosen: list[str], around: str, text: str) -> None:
    trie = re.compile(around.format(vocabulary.word_alternation(chosen)))
    flat = re.compile(around.format("|".join(re.escape(w) for w in vocabulary.longest_first(chosen))))
    assert [(m.span(), m.groups()) for m in trie.finditer(text)] == [(m.span(), m.groups()) for m in flat.finditer(text)]


# lookbehinds see the text before pos; $ and lookaheads stop at endpos; a class holding ( ) ] \
_OPENED = (r"(?=[建投])(?:(?<=开)建成?|投产(?=设|$))", r"(?=[(\])\\]|程)(?:[(\])\\]程?|程(?!x))", r"(?=建|设)(?:建设|设)+")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_OPENED), st.text(alphabet="建成投产设开程x(])\\", max_size=30),
       st.integers(0, 31), st.integers(0, 31))
def test_an_opened_pattern_finds_what_the_pattern_finds(source: str, text: str, pos: int, endpos: int) -> None:
    pattern = re.compile(source)
    opened = vocabulary.Opened(pattern)
    assert [(m.span(), m.group(0)) for m in opened.finditer(text)] == [(m.span(), m.group(0)) for m in pattern.finditer(text)]
    found, expected = opened.search(text, pos, endpos), pattern.search(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())


def test_an_opened_pattern_needs_its_opening_lookahead_and_refuses_empty_matches() -> None:
    with pytest.raises(ValueError):
        vocabulary.Opened(re.compile("建成"))
    with pytest.raises(ValueError):
        list(vocabulary.Opened(re.compile("(?=建)")).finditer("建成"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="建,;。!?\n、x", max_size=40), st.sampled_from((",;。!?\n、", "。;!?\n", "x", "")))
def test_positions_of_are_where_a_regex_of_the_characters_finds_them(text: str, chars: str) -> None:
    expected = [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)] if chars else []
    assert vocabulary.positions_of(text, chars) == expected
