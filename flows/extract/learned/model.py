"""A binary logistic regression over string features: trained in plain Python, stored as JSON.

Plain Python arithmetic in a fixed order makes training deterministic on every machine (no BLAS, no
threads, no random initialisation: weights start at zero and full-batch gradient steps follow).
"""
from __future__ import annotations

import json
import math
from itertools import repeat
from dataclasses import dataclass
from pathlib import Path


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LogisticModel:
    """One regression judges the candidates the rules did not propose (add or not), trained on those
    candidates alone so that its probability is calibrated on them (most are not projects); one
    regression per stage, one against the rest, settles a stage. (A third, judging the rules' own
    drafts, dropped none on held-out documents and was removed: flows/extract/learned/README.md.)"""

    add_weights: dict[str, float]
    add_threshold: float  # a candidate the rules missed scoring at or above this is added
    stage_weights: dict[str, dict[str, float]]

    def stage(self, feats: list[str]) -> str:
        """The stage whose regression scores highest (ties: the first in sorted order)."""
        best, best_z = "", -math.inf
        for stage in sorted(self.stage_weights):
            w = self.stage_weights[stage]
            z = sum(map(w.get, feats, repeat(0.0)))
            if z > best_z:
                best, best_z = stage, z
        return best

    def add_probability(self, feats: list[str]) -> float:
        # map in C, in the features' order: the same sum as a loop over them, for every candidate of a report
        return _sigmoid(sum(map(self.add_weights.get, feats, repeat(0.0))))

    def may_add(self, some_feats: list[str], others_at_most: float) -> bool:
        """Whether a candidate could reach the add threshold, given some of its features and the most
        the others can add (`largest_gain`): False only when even that cannot lift it (a margin far
        above rounding keeps the answer exact)."""
        return self.may_reach(sum(map(self.add_weights.get, some_feats, repeat(0.0))), others_at_most)

    def may_reach(self, some_score: float, others_at_most: float) -> bool:
        """`may_add` of features whose weights sum to `some_score` (features.cheap_score)."""
        return _sigmoid(some_score + others_at_most + 1e-9) >= self.add_threshold

    def largest_gain(self, skip_prefixes: tuple[str, ...], one_of_prefixes: tuple[str, ...]) -> float:
        """The most the add features not starting with `skip_prefixes` can add to a candidate's score:
        every positive weight, except that of a group a name has exactly one of (`one_of_prefixes`:
        facility=…) only the largest counts."""
        gain = 0.0
        best: dict[str, float] = {}
        for feature, w in self.add_weights.items():
            if feature.startswith(skip_prefixes) or w <= 0.0:
                continue
            group = next((g for g in one_of_prefixes if feature.startswith(g)), None)
            if group is None:
                gain += w
            else:
                best[group] = max(best.get(group, 0.0), w)
        return gain + sum(best.values())

    def to_json(self) -> str:
        body = {
            "kind": "logistic regressions over string features (flows/extract/learned/model.py)",
            "add_threshold": self.add_threshold,
            "add_weights": {k: self.add_weights[k] for k in sorted(self.add_weights)},
            "stage_weights": {st: {k: w[k] for k in sorted(w)} for st, w in sorted(self.stage_weights.items())},
        }
        return json.dumps(body, ensure_ascii=False, indent=0) + "\n"

    @classmethod
    def load(cls, path: Path) -> "LogisticModel":
        body = json.loads(path.read_text(encoding="utf-8"))
        return cls(body["add_weights"], body["add_threshold"], body["stage_weights"])


def train(
    samples: list[tuple[list[str], int]], l2: float = 0.01, epochs: int = 300, rate: float = 0.5,
    min_count: int = 2,
) -> dict[str, float]:
    """L2-regularised logistic regression by full-batch AdaGrad; features seen fewer than
    `min_count` times are left out (they would only memorise one example)."""
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    index = {f: i for i, f in enumerate(vocab)}
    rows = [(sorted({index[f] for f in feats if f in index}), y) for feats, y in samples]
    w = [0.0] * len(vocab)
    g2 = [1e-8] * len(vocab)
    n = float(len(rows))
    for _ in range(epochs):
        grad = [l2 * wi for wi in w]
        for idx, y in rows:
            z = sum(w[i] for i in idx)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            d = (p - y) / n
            for i in idx:
                grad[i] += d
        for i, gi in enumerate(grad):
            g2[i] += gi * gi
            w[i] -= rate * gi / math.sqrt(g2[i])
    return {f: round(w[i], 6) for i, f in enumerate(vocab) if abs(round(w[i], 6)) > 0}
