"""Which of the review's modules run compiled (mypyc), and whether the build matches their sources.

A leaf of its own so that `checks/__init__.py` can ask it without importing the package's `__init__`
(which imports the checks): the package and its `checks/` put `_native/` first on their search paths
when `NATIVE` is true. `build_spec/aizuchi.spec` reads `NATIVE_MODULES` from this file with ast.
"""

from __future__ import annotations

from pathlib import Path

from app import native

# The review's hot modules, compiled with mypyc by `scripts/build_native.py` (as the analyser's are) into
# `_native/` and used only when its stamp matches these sources (`app.native`): every check (the two mail-side
# ones, which weigh every draft sentence against every ask and disclosure, were two thirds of a cold review),
# the meaning match, the regex gate and the phrase tables. Not the context (`context.py`), whose lazily kept
# fields are functools.cached_property: a class compiled by mypyc has no instance dict for one to store in, so a
# module listed here keeps none. `checks/` finds its compiled copies through `NATIVE_DIR / "checks"`.
NATIVE_MODULES = (
    "gate", "meaning", "rules", "checks/business_manner", "checks/conjunction_repeat", "checks/conjunctive_ga",
    "checks/double_negative", "checks/halfwidth_kana", "checks/ignored_disclosure", "checks/inuki",
    "checks/invisible_char", "checks/keigo_baito", "checks/keigo_direction", "checks/keigo_double",
    "checks/length_decline", "checks/long_sentence", "checks/lookalike", "checks/machine_dependent_char",
    "checks/max_ten", "checks/misused", "checks/particle_repeat", "checks/ranuki", "checks/redundant",
    "checks/refusal_without_alternative", "checks/sa_ire", "checks/sasete_overuse", "checks/style_mixed",
    "checks/tone_cold", "checks/tone_overfamiliar", "checks/typo", "checks/unacknowledged_worry",
    "checks/unanswered_request", "checks/unfilled_placeholder", "checks/warmth_decline",
)
PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_DIR: Path = PACKAGE_DIR / "_native"
NATIVE: bool = native.wanted() and native.is_current(NATIVE_DIR, PACKAGE_DIR, NATIVE_MODULES)
