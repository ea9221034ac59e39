"""A character tagger for project names (a linear-chain CRF, python-crfsuite): it proposes names by itself.

The candidates (candidates.py) cover only the list items of stretches between stage verbs; a name in
another shape reaches no candidate, so the logistic scorer cannot add it. The tagger reads each sentence
that holds a stage verb character by character and marks names B / I / O (the stage aside: the verb next
to the name gives it, `stage_near`). Features are the characters around, their bigrams and where the rule
tables (stage verbs, facility nouns, generic words, through flows/extract/project_rules) lie around them;
nothing is typed here but punctuation.

Steps: `sentences` (spans split at sentence marks and line breaks, those with a stage verb) →
`char_features` (one list per character) → `ProjectTagger.scored_spans` (the tagged names' offsets and
the least marginal probability of their labels) → `tagged_records` (the names no rule draft, added name
or candidate covers, gated by the rules' name shape as the scorer's adds are). Training (`train_tagger`)
takes (features, labels) sequences in the order given, with fixed parameters; the model file is the
same bytes under any PYTHONHASHSEED.

Not wired into extraction: on the leave-one-set-out folds (scripts/experiment_project_tagger.py,
README.md next to this file, "Tried, not kept") it did not win.
"""
from __future__ import annotations

import re
import tempfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import pycrfsuite

from flows.extract.learned import _record, _shaped_like_a_name
from flows.extract.learned.candidates import Candidate
from flows.extract.project_names import is_han
from flows.extract.project_rules import project_rules
from flows.extract.records import Record
from flows.extract.regions import gazetteer
from flows.extract.vocabulary import trie_alternation
from flows.ingest.document import Document

_SENTENCE_END = re.compile(r"[。;；!！?？\r\n]")
_LIST_MARKS = "、等"
_EITHER = "或"
# fixed before any ablation: elastic net with an L1 part that prunes most features (a small model file)
TRAINING_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass(frozen=True)
class _Marks:
    verbs: re.Pattern[str]
    stage: dict[str, tuple[str, str]]  # verb -> (stage, position)
    facility: re.Pattern[str]
    generic: re.Pattern[str]


@lru_cache(maxsize=1)
def _marks() -> _Marks:
    rules = project_rules()
    plain = [v for v in rules.stage_verbs if "…" not in v.verb]
    return _Marks(
        verbs=re.compile(trie_alternation(v.verb for v in plain)),
        stage={v.verb: (v.stage, v.position) for v in plain},
        facility=re.compile(trie_alternation(rules.facility_nouns)),
        generic=re.compile(trie_alternation(rules.generic_words + rules.generic_prefixes)),
    )


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of text[start:end] that hold a stage verb, as (start, end) offsets."""
    end = len(text) if end is None else end
    out = []
    a = start
    verbs = _marks().verbs
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() - a >= 2 and verbs.search(text, a, m.start()):
            out.append((a, m.start()))
        a = m.end()
    if end - a >= 2 and verbs.search(text, a, end):
        out.append((a, end))
    return out


def _spans_of(pattern: re.Pattern[str], s: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(s) if m.end() > m.start()]


def _bucket(d: int | None) -> str:
    if d is None:
        return "none"
    return "0" if d == 0 else "1" if d <= 2 else "3" if d <= 8 else "9"


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if ch in _LIST_MARKS:
        return ch
    if is_han(ch):
        return "h"
    if ch.isascii() and ch.isalpha():
        return "a"
    return "p"


def char_features(s: str) -> list[list[str]]:
    """One feature list per character of the sentence s."""
    marks = _marks()
    n = len(s)
    verb = ["O"] * n
    verb_starts, verb_ends = [], []
    for a, b in _spans_of(marks.verbs, s):
        verb[a] = "B"
        for k in range(a + 1, b):
            verb[k] = "I"
        verb_starts.append(a)
        verb_ends.append(b)
    fac = ["O"] * n
    for a, b in _spans_of(marks.facility, s):
        for k in range(a, b):
            fac[k] = "I"
        fac[b - 1] = "E"
    gen = ["O"] * n
    for a, b in _spans_of(marks.generic, s):
        for k in range(a, b):
            gen[k] = "I"
    seps = [k for k, ch in enumerate(s) if ch in _LIST_MARKS or ch in ",，"]
    padded = "^^" + s + "$$"
    out = []
    for i in range(n):
        c = i + 2
        j = bisect_right(verb_ends, i) - 1  # the last verb ending at or before i
        k = bisect_left(verb_starts, i + 1)  # the first verb starting after i
        p = bisect_right(seps, i - 1) - 1
        q = bisect_left(seps, i + 1)
        out.append([
            "c=" + padded[c], "l1=" + padded[c - 1], "r1=" + padded[c + 1], "l2=" + padded[c - 2], "r2=" + padded[c + 2],
            "lb=" + padded[c - 1:c + 1], "rb=" + padded[c:c + 2], "lr=" + padded[c - 1] + padded[c + 1],
            "k=" + _char_class(s[i]), "v=" + verb[i], "f=" + fac[i], "g=" + gen[i],
            "vb=" + _bucket(i - verb_ends[j] if j >= 0 else None),
            "va=" + _bucket(verb_starts[k] - i - 1 if k < len(verb_starts) else None),
            "sb=" + _bucket(i - seps[p] - 1 if p >= 0 else None),
            "sa=" + _bucket(seps[q] - i - 1 if q < len(seps) else None),
        ])
    return out


def bio_labels(n: int, names: Iterable[tuple[int, int]]) -> list[str]:
    """B / I / O per character of a sentence of length n, names as (start, end) inside it."""
    labels = ["O"] * n
    for a, b in sorted(names):
        if 0 <= a < b <= n and all(x == "O" for x in labels[a:b]):
            labels[a] = "B"
            for k in range(a + 1, b):
                labels[k] = "I"
    return labels


def train_tagger(sequences: Sequence[tuple[list[list[str]], list[str]]], out: Path) -> None:
    """Train on the sequences, in the order given, and write the model to `out`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in sequences:
        trainer.append(feats, labels)
    trainer.set_params(TRAINING_PARAMS)
    trainer.train(str(out))


class ProjectTagger:
    """A trained model; `spans(text)` gives the tagged names of text as (start, end) offsets."""

    def __init__(self, model: bytes) -> None:
        self._model = model  # crfsuite reads the bytes in place: they must outlive the tagger
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)

    @classmethod
    def load(cls, path: Path) -> "ProjectTagger":
        return cls(Path(path).read_bytes())

    @classmethod
    def trained(cls, sequences: Sequence[tuple[list[list[str]], list[str]]]) -> "ProjectTagger":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "tagger.crfsuite"
            train_tagger(sequences, path)
            return cls.load(path)

    def labels(self, feats: list[list[str]]) -> list[str]:
        """The labels of one sentence's character features."""
        return self._tagger.tag(feats)

    def scored_spans(self, text: str) -> list[tuple[int, int, float]]:
        """The tagged names of text: (start, end, the least marginal probability of their labels)."""
        out = []
        for a, b in sentences(text):
            labels = self._tagger.tag(char_features(text[a:b]))
            for s, e in named(labels):
                out.append((a + s, a + e, min(self._tagger.marginal(labels[k], k) for k in range(s, e))))
        return out

    def spans(self, text: str, least: float = 0.0) -> list[tuple[int, int]]:
        return [(a, b) for a, b, p in self.scored_spans(text) if p >= least]


def named(labels: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) of each name a B / I / O labelling marks."""
    out = []
    start = None
    for i, lab in enumerate(list(labels) + ["O"]):
        if lab != "I" and start is not None:
            out.append((start, i))
            start = None
        if lab == "B":
            start = i
    return out


def stage_near(text: str, start: int, end: int) -> str:
    """The stage the nearest verb of the sentence gives a name at text[start:end]: a verb after it that
    may stand after names, else one before it that may stand before them, else "" (no project)."""
    marks = _marks()
    a = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    m_end = _SENTENCE_END.search(text, end)
    b = m_end.start() if m_end else len(text)
    after = [m for m in marks.verbs.finditer(text, end, b)]
    for m in after:
        stage, position = marks.stage[m.group(0)]
        if text.startswith(_EITHER, m.end()) and marks.verbs.match(text, m.end() + len(_EITHER)):
            return ""  # 投入使用或加快建设: two stages, neither the names' own (as candidates.py reads it)
        if position in ("after", "either"):
            return stage
        break  # only the first verb after the name is the name's
    before = [m for m in marks.verbs.finditer(text, a, start)]
    for m in reversed(before):
        stage, position = marks.stage[m.group(0)]
        if position in ("before", "either"):
            return stage
        break
    return ""


@dataclass(frozen=True)
class TagGate:
    """Which tagged names `tagged_records` adds: those no candidate covers, at a least marginal
    probability of their labels of `free`; those that repeat a candidate the scorer refused exactly
    (the candidates propose, the tagger agrees) at `confirm`; a value above 1 switches a part off.
    `any_overlap`: a tagged name may overlap a refused candidate anywhere (at `free`)."""
    free: float = 0.8  # fixed before the ablation
    confirm: float = 2.0
    any_overlap: bool = False


_LINE_BREAKS = re.compile(r"[\r\n]+")
_SHORTEST = 3  # 家电, 旭龙: two characters tagged alone are a kind or half a name


def tagged_records(doc: Document, taken: list[Record], cands: list[Candidate], tagger: ProjectTagger,
                   gate: TagGate = TagGate()) -> list[Record]:
    """The tagger's names of doc that no name taken (rule drafts, the scorer's adds) overlaps nor
    repeats and, unless the gate says otherwise, no candidate overlaps; each passes the rules' name
    shape (`_shaped_like_a_name`) and takes the stage of the verb next to it (`stage_near`)."""
    home = gazetteer().region_named(doc.metadata.region) if doc.metadata.region else None
    refused = {(c.start, c.end) for c in cands}
    spans = sorted([(r.start, r.end) for r in taken] + ([] if gate.any_overlap else list(refused)))
    starts = [a for a, _ in spans]
    read = {r.name for r in taken if r.name}
    out: list[Record] = []
    for a, b, p in tagger.scored_spans(doc.text):
        confirms = (a, b) in refused and not any(r.start < b and a < r.end for r in taken)
        if not (confirms and p >= gate.confirm):
            if p < gate.free or any(a < e for _, e in spans[:bisect_left(starts, b)]):
                continue  # unsure, or it overlaps a name taken or a candidate
        name = _LINE_BREAKS.sub("", doc.original_slice(a, b)).strip()
        stage = stage_near(doc.text, a, b)
        if len(name) < _SHORTEST or not stage or _read_before(name, read) or not _shaped_like_a_name(name, home):
            continue
        read.add(name)
        out.append(_record(doc, Candidate(name, a, b, stage, "", "", "", "", False, 1, 0, False, "")))
    return out


def _read_before(name: str, read: set[str]) -> bool:
    """A name that names read elsewhere in the report hold, or that holds one of them (迈湾水利枢纽 of
    迈湾水利枢纽工程): a reference back, not a new milestone."""
    return any(name in r or r in name for r in read)
