"""The review's learned layer: a small logistic scorer per meaning finding, read with no library at run time.

unanswered_request and ignored_disclosure decide per mail span (an ask, a thing told) whether the reply leaves it
unanswered or unheard. The hand rules give a verdict; the scorer weighs that verdict with general features of the
span and of the reply (`app.review.checks.unanswered_request.ask_features`,
`app.review.checks.ignored_disclosure.told_features`: the ask's type, the best reply sentence's answer type and
shape, content overlap, order and distance — never a case's own words) and reports the span only when the
probability of "left unanswered / unheard" reaches the kind's threshold.

The weights are `resources/review/meaning_model.json`, trained by `make review-model`
(`scripts/train_review_model.py`, scikit-learn at training time only, a fixed seed) on the tuning pairs and judged by
leaving one writer's batch out (`bench/review_lobo.py`). Without the file the rules' verdict stands alone.
"""

from __future__ import annotations

import json
import math
from typing import Any, Final

from app.paths import RESOURCES

MODEL_PATH: Final = RESOURCES / "review" / "meaning_model.json"

Model = dict[str, Any]


def load_default() -> Model | None:
    """The committed weights, or None when they are missing or unreadable (the rules then decide alone)."""
    try:
        loaded = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) else None


_model: Model | None = load_default()


def use_model(model: Model | None) -> None:
    """Replace the weights (the leave-one-batch-out bench trains one model per batch; None: rules alone)."""
    global _model
    _model = model


def active(kind: str) -> bool:
    return _model is not None and kind in _model


def probability(kind: str, features: dict[str, float]) -> float:
    """P(the span is left unanswered / unheard) under the kind's weights."""
    assert _model is not None
    part = _model[kind]
    z = float(part["bias"]) + sum(float(w) * features.get(name, 0.0)
                                  for name, w in zip(part["features"], part["weights"], strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def flags(kind: str, features: dict[str, float]) -> bool:
    """Whether the span is reported: its probability at or over the kind's threshold. A veto scorer judges only
    what the rules report (`features["rule"]`): it may withdraw a rule finding, never add one."""
    assert _model is not None
    part = _model[kind]
    if part.get("veto") and not features.get("rule"):
        return False
    return probability(kind, features) >= float(part["threshold"])
