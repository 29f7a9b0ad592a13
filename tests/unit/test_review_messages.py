"""Finding sentences come from app/review/messages.py templates, and each has an English translation.

The review runs over the own cases (every kind) plus a few drafts for the
sentences those cases do not reach, so every template is formatted with the
values its call site really gives.
"""

from __future__ import annotations

import ast
import json
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from app.model import Finding, FindingKind, Highlight, HighlightKind, Insight, ReplyStats, Severity
from app.review import messages, review_draft
from bench.eval_sets import review_set

ROOT = Path(__file__).resolve().parents[2]
OWN = review_set("own")
TS = ROOT / "resources" / "translations" / "aizuchi_en.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

# Drafts for the sentences no own case produces.
EXTRA_DRAFTS = (
    "ご注文をお承りいたしました。",                    # KEIGO_DOUBLE (bare)
    "明日お伺いいたします。よろしくお願いいたします。",  # KEIGO_DOUBLE_CUSTOMARY
    "1,000円からお預かりします。",                      # KEIGO_BAITO_KARA
    "千円ちょうどお預かりします。",                    # KEIGO_BAITO_CHOUDO
    "こちらレシートのお返しです。",                    # KEIGO_BAITO_RECEIPT
    "当店の商品の箱の色の名前のことです。",            # PARTICLE_NO_CHAIN
    "確認確認をお願いいたします。",                    # TYPO_DOUBLED_WORD
    "こちらが商品になります。",                        # KEIGO_BAITO_NI_NARIMASU
    "添付の資料を拝見してください。",                  # KEIGO_DIRECTION_REQUEST
    "商品をを発送いたしました。",                      # PARTICLE_DOUBLED
    "何度もご案内しておりますが、キャンセルはできません。",  # TONE_BLAME
    "資料をご拝読いただきました。",                    # KEIGO_DOUBLE_HUMBLE_PREFIX
    "ご返金させていただく形になります。",              # KEIGO_BAITO_KATACHI
    "お控えってございますか。",                        # KEIGO_BAITO_TTE
    "日時の指定はできない感じになっております。",      # KEIGO_BAITO_KANJI
    "弊社は昭和五十年に創業させていただきました。",    # SASETE_OWN_ACT
    "皆様のお声を励みに思わせていただいております。",  # SASETE_NEEDLESS
    "明日は当店の店長も売り場にいらっしゃいます。",    # KEIGO_DIRECTION_OWN
    "こちらの用紙にお名前様をお書きください。",        # KEIGO_BAITO_SAMA
    "ご家族の方がおりましたら、お知らせください。",    # KEIGO_DIRECTION_CUSTOMER
    "ギフト用にお包みする感じでよろしいでしょうか。",  # KEIGO_BAITO_KANJI_VAGUE
    "お支払いは現金で大丈夫ですか。",                  # KEIGO_BAITO_DAIJOUBU
    "宛名は「山川商店御中 山川様」でお作りします。",   # BUSINESS_ONCHU
)


def _own_findings() -> list[Finding]:
    found: list[Finding] = []
    for line in OWN.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case: dict[str, Any] = json.loads(line)
        spans = case["mail_spans"]
        insight = Insight(tuple(Highlight(HighlightKind(s["label"]), s["start"], s["end"]) for s in spans))
        history = [ReplyStats(None, **h) for h in case.get("history", [])]
        found += review_draft(case["draft"], case["mail"], insight, history)
    return found


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return _own_findings() + [f for draft in EXTRA_DRAFTS for f in review_draft(draft)]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_finding_is_its_template_filled_with_its_values(findings: list[Finding]) -> None:
    assert len(findings) > 40
    for finding in findings:
        assert finding.template in messages.TEMPLATES, finding
        values = dict(finding.args)
        assert all(isinstance(v, str) for v in values.values()), finding.args
        assert set(values) == _fields(finding.template), finding
        assert finding.message == finding.template.format(**values)


def test_every_template_is_used_by_some_check(findings: list[Finding]) -> None:
    unused = messages.TEMPLATES - {f.template for f in findings}
    assert not unused, unused


def test_sentences_are_the_japanese_the_review_always_said(findings: list[Finding]) -> None:
    said = {(f.kind, f.message) for f in findings}
    assert (FindingKind.TYPO, "「確認」が二度続いています。") in said
    assert (FindingKind.KEIGO_BAITO, "「〜円からお預かりします」の「から」は不要です。") in said
    tone = [f for f in findings if f.kind is FindingKind.TONE_COLD]
    assert tone and tone[0].message == (
        "事務的で冷たい印象です。お礼（ありがとうございます）やクッション言葉（恐れ入りますが、"
        "お手数ですが）、必要ならお詫びを添えましょう。"
    )


def test_numbers_arrive_as_strings() -> None:
    long = "お問い合わせいただいた件につきまして" * 8 + "。"
    finding = next(f for f in review_draft(long) if f.kind is FindingKind.LONG_SENTENCE)
    assert dict(finding.args) == {"count": str(len(long)), "limit": "100"}
    assert finding.message.startswith(f"一文が{len(long)}文字あり")


def test_say_and_finding_keep_template_and_values() -> None:
    said = messages.say(messages.TYPO, right="ございます")
    assert said.text == "誤字の可能性があります。「ございます」ではありませんか。"
    made = messages.finding(FindingKind.TYPO, Severity.WARNING, 1, 4, said, "ございます")
    assert (made.message, made.template, made.args) == (said.text, messages.TYPO, (("right", "ございます"),))
    assert made.suggestion == "ございます" and made.ref is None


def test_no_finding_is_built_outside_the_messages_module() -> None:
    # A `Finding(...)` call elsewhere in the core would carry a sentence the window cannot translate.
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        if path.name in ("model.py", "messages.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Finding":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders


def _english() -> dict[str, tuple[str, str]]:
    """source → (translation, its type) for the Finding context of the committed .ts."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "Finding":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out[message.findtext("source", "")] = (translation.text or "", translation.get("type", ""))
    return out


def test_every_template_has_an_english_translation_with_the_same_placeholders() -> None:
    english = _english()
    assert set(english) == messages.TEMPLATES
    for template, (text, kind) in english.items():
        assert kind == "" and text.strip(), template
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(template)), template
        assert len(re.findall(r"[A-Za-z]{2,}", text)) >= 3, f"not English: {text}"
