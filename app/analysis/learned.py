"""The learned layer beside the rules: one logistic regression per label over `features.py`.

Rules written batch after batch moved each new unseen batch by about a point; what
is left (a narrative disclosure with no cue word, a rhetorical question, a wish for
the shop, a worry told as over) is better weighed than enumerated. The weights are
trained by `scripts/train_model.py` (scikit-learn, fixed seed, `make model`) on the
team's annotated corpus and committed as JSON in `resources/analysis/`; the app
reads them into a dictionary and needs no learning library at run time.

How it combines with the rules (the thresholds are chosen on the dev split by the
trainer and stored with the weights): a rule's highlight stays unless the model is
confident the sentence does not carry that label (`drop`), and a sentence the rules
passed over gets a highlight when the model is confident it does (`add`). Every
highlight stays explainable: the model's ones carry the words that weighed most.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from app.analysis.features import PAIR
from app.paths import RESOURCES

MODEL_PATH: Final = RESOURCES / "analysis" / "sentence_model.json"
LABELS: Final = ("disclosure", "request", "worry")
# The compiled build lives under _native/ beside the sources; the stamp is of the source either way.
_SOURCES: Final = next((p.parent for p in Path(__file__).resolve().parents if p.name == "_native"),
                       Path(__file__).resolve().parent)
_FEATURES_SOURCE: Final = _SOURCES / "features.py"
_log = logging.getLogger(__name__)


def features_stamp() -> str:
    """sha256 of `features.py`: weights trained on other features would weigh the wrong strings."""
    try:
        return hashlib.sha256(_FEATURES_SOURCE.read_bytes()).hexdigest()
    except OSError:  # a frozen build ships no sources; its model was checked when it was built
        return ""


_PAIR_SHIFT: Final = 1 << 21  # every code point fits in 21 bits

# The three weights of a feature packed in one integer, in fixed point: the trainer rounds every
# weight to four decimals, so weight × 10,000 is a whole number, and three of them offset by 2^19 fit
# in 20 bits each (|weight| < 52; the trainer's weights stay within ±3). Why: the app looks up every
# feature and character pair of every sentence, and a tuple of three floats is four objects scattered
# in memory — on a 20,000-entry table, four cache misses per hit instead of one. The compiled build
# adds the packed integers unboxed; the sums are exact, so the figures are those of the float weights.
_SCALE: Final = 10_000
_FIELD: Final = 20
_OFFSET: Final = 1 << (_FIELD - 1)
_MASK: Final = (1 << _FIELD) - 1
MAX_WEIGHT: Final = (_OFFSET - 1) / _SCALE
_TOP: Final = 2 * _FIELD  # where the disclosure weight starts


def _pair_code(text: str, i: int) -> int:
    """The characters at i and i + 1 as one integer.

    The compiled build reads `ord(text[i])` straight from the string, without making a one-character string.
    """
    return ord(text[i]) * _PAIR_SHIFT + ord(text[i + 1])


_PAIR_SLOTS: Final = 1 << 16
_PAIR_SLOT_MASK: Final = _PAIR_SLOTS - 1


def _pair_slot(first: int, second: int) -> int:
    """Where a pair of code points falls in `SentenceModel.pair_filter` (measured: 2,192 pairs of the
    model fill 2,130 of the 65,536 slots, and a sentence's pairs that weigh nothing hit one 5 % of the time)."""
    return ((first << 7) ^ second) & _PAIR_SLOT_MASK


def _pack(w: tuple[float, float, float]) -> int:
    fields = [round(x * _SCALE) + _OFFSET for x in w]
    if not all(0 <= f <= _MASK for f in fields):
        raise ValueError(f"a weight beyond ±{MAX_WEIGHT}: {w}")
    return (fields[0] << _TOP) | (fields[1] << _FIELD) | fields[2]


def _unpack(x: int, label: int) -> float:
    """One label's weight of a packed feature (`_pack`), as trained."""
    return (((x >> (_FIELD * (2 - label))) & _MASK) - _OFFSET) / _SCALE


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


class SentenceModel:
    """Weights per feature and label, a bias per label, and the two thresholds per label."""

    __slots__ = ("add", "bias", "drop", "packed", "pair_codes", "pair_filter")

    def __init__(self, weights: dict[str, tuple[float, float, float]], bias: list[float], add: list[float],
                 drop: list[float]) -> None:
        # The weights packed (`_pack`), one integer per feature; the ``c2:`` ones again keyed by the pair's
        # two code points (`_pair_code`): a sentence's pairs are looked up from its text without
        # building a feature string for each (see `features.char_pairs`), nor a two-character string.
        # Keys interned: the app's recurring features are interned strings too (`features`, `tokenizer.Word`).
        self.packed = {sys.intern(k): _pack(v) for k, v in weights.items()}
        self.pair_codes = {_pair_code(k, len(PAIR)): _pack(v) for k, v in weights.items()
                           if k.startswith(PAIR) and len(k) == len(PAIR) + 2}
        # A byte per slot of `_pair_slot`, set where some weighted pair falls: seven pairs in ten of a sentence
        # weigh nothing, and most of those are turned away here without boxing a code and probing the table.
        pair_filter = bytearray(_PAIR_SLOTS)
        for code in self.pair_codes:
            pair_filter[_pair_slot(code // _PAIR_SHIFT, code % _PAIR_SHIFT)] = 1
        self.pair_filter = bytes(pair_filter)
        self.bias = bias
        self.add = add    # probability at or above which a sentence the rules passed over is marked
        self.drop = drop  # probability below which a rule's mark is taken back

    def probabilities(self, features: Sequence[str], text: str = "") -> list[float]:
        """Per label, the probability that a sentence with `features` carries it.

        `text` is the sentence, whose character pairs are weighed here; the trainer passes
        rows that already hold them as ``c2:`` features and no text.
        """
        # Plain integers: the compiled build keeps them unboxed (`_pack` says why). `get` with an int
        # default rather than None: the compiled build then unboxes each weight once, where an `int | None`
        # stays an object that every shift and mask below would unbox again.
        d = 0
        r = 0
        w = 0
        hits = 0
        packed = self.packed
        for feature in features:
            x = packed.get(feature, -1)
            if x >= 0:
                d += x >> _TOP
                r += (x >> _FIELD) & _MASK
                w += x & _MASK
                hits += 1
        pairs = self.pair_codes
        pair_filter = self.pair_filter
        compact = text.strip()
        for i in range(len(compact) - 1):
            a = ord(compact[i])
            b = ord(compact[i + 1])
            if not pair_filter[((a << 7) ^ b) & _PAIR_SLOT_MASK]:  # `_pair_slot`, written out
                continue
            x = pairs.get(a * _PAIR_SHIFT + b, -1)  # `_pair_code`, written out
            if x >= 0:
                d += x >> _TOP
                r += (x >> _FIELD) & _MASK
                w += x & _MASK
                hits += 1
        off = hits * _OFFSET
        return [_sigmoid(self.bias[0] + (d - off) / _SCALE), _sigmoid(self.bias[1] + (r - off) / _SCALE),
                _sigmoid(self.bias[2] + (w - off) / _SCALE)]

    def strongest(self, features: Sequence[str], label: int, count: int = 3) -> list[str]:
        """The words (``w:`` features, as normalised) that weighed most for `label`, strongest first."""
        seen: dict[str, float] = {}
        for feature in features:
            if not feature.startswith("w:"):
                continue
            x = self.packed.get(feature)
            if x is None:
                continue
            weight = _unpack(x, label)
            if weight > 0:
                seen[feature[2:]] = weight
        return [word for word, _ in sorted(seen.items(), key=lambda kv: -kv[1])[:count]]


def from_json(data: dict[str, object]) -> SentenceModel:
    weights = data["weights"]
    bias = data["bias"]
    add = data["add"]
    drop = data["drop"]
    assert isinstance(weights, dict) and isinstance(bias, list) and isinstance(add, list) and isinstance(drop, list)
    return SentenceModel({str(k): (float(v[0]), float(v[1]), float(v[2])) for k, v in weights.items()},
                         [float(x) for x in bias], [float(x) for x in add], [float(x) for x in drop])


_lock = threading.Lock()
_loaded: list[SentenceModel | None] = []


def load_file(path: Path = MODEL_PATH) -> SentenceModel | None:
    """The model in `path`; None when there is none or it cannot be read (the rules decide alone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = from_json(data)
    except (OSError, ValueError, KeyError, AssertionError):
        return None
    stamp = features_stamp()
    if stamp and data.get("features") != stamp:
        _log.warning("%s was trained on other features than features.py computes; run `make model`", path)
    return model


def load() -> SentenceModel | None:
    """The committed model, read once per process."""
    with _lock:
        if not _loaded:
            _loaded.append(load_file())
        return _loaded[0]


def use(model: SentenceModel | None) -> None:
    """Replace the process's model (the trainer scores candidates; tests compare rules alone)."""
    with _lock:
        _loaded.clear()
        _loaded.append(model)
