"""The text layer (app/text): one dictionary and Token, one Sentence, one masker with two named readings."""

from __future__ import annotations

import json
from pathlib import Path

from app.analysis.segment import split_sentences
from app.analysis.tokenizer import Token as AnalysisToken
from app.model import ZoneKind
from app.review import reply_answers
from app.review.context import ReviewContext
from app.review.measure import own_text as measured_text
from app.text import (
    EVERY_ZONE,
    Reading,
    Sentence,
    Token,
    blank,
    dictionary,
    own_text,
    quote_ranges,
    tokenize,
    tokenize_short,
    zones,
)
from app.text.mask import split_lines
from bench.eval_sets import SHARED_EVAL

ROOT = Path(__file__).resolve().parents[2]
REPLY = "ご連絡ありがとうございます。\n送料は全国一律550円でございます。"
MAIL = "お世話になります。\n送料はいくらかかりますか。"


def _drafts() -> list[str]:
    paths = sorted((ROOT / "tests" / "data" / "review").glob("*.jsonl"))
    paths += [p for p in [SHARED_EVAL / "review_dev.jsonl"] if p.exists()]
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                out.append(case.get("draft", case.get("text", "")))
    return out


def _quoted_chars(text: str, reading: Reading) -> set[int]:
    return {i for s, e in quote_ranges(text, reading) for i in range(s, e) if text[i] not in "\r\n"}


def test_both_readings_mask_the_same_characters_of_every_review_draft() -> None:
    drafts = _drafts()
    assert len(drafts) > 500
    quoting = [d for d in drafts if quote_ranges(d, Reading.DRAFT)]
    assert quoting, "the review cases quote mail: the comparison must cover some"
    for draft in drafts:
        assert _quoted_chars(draft, Reading.DRAFT) == _quoted_chars(draft, Reading.MAIL), draft


def test_the_draft_reading_keeps_answers_written_between_quoted_lines() -> None:
    """Why there are two readings: a mail's attribution starts the old thread; a draft's quotes one block."""
    draft = ("山田様\n\n2026年11月4日(水) 10:15 <taro@example.jp>:\n> 送料はいくらかかりますか。\n"
             "全国一律550円でございます。\n> 急ぎなので間に合うか心配です。\n明日発送いたしますのでご安心ください。\n")
    answer = draft.index("全国一律")
    assert answer not in _quoted_chars(draft, Reading.DRAFT)
    assert answer in _quoted_chars(draft, Reading.MAIL)
    assert "550円" in ReviewContext(draft).own_text
    assert "送料" not in ReviewContext(draft).own_text


def test_blank_keeps_every_offset() -> None:
    text = "本文です。\n> 引用\n署名"
    masked = blank(text, [(6, 10)])
    assert len(masked) == len(text)
    assert masked == "本文です。" + "\n" * 6 + "署名"
    assert blank(text, []) is text


def test_own_text_drops_the_kinds_asked_and_the_memory_measures_a_draft_with_it() -> None:
    body = "ご注文ありがとうございます。\n明日発送します。\n\n--\n山田商店\nTEL 03-1234-5678\n"
    kinds = {z.kind for z in zones(body)}
    assert ZoneKind.SIGNATURE in kinds
    mine = own_text(body)
    assert "発送" in mine and "山田商店" not in mine and len(mine) == len(body)
    assert "山田商店" in own_text(body, drop=(ZoneKind.QUOTE,))
    assert measured_text(body) == own_text(body, Reading.DRAFT, EVERY_ZONE)


def test_one_token_type_from_one_dictionary_in_both_split_modes() -> None:
    compound = tokenize("資格試験を受けます。")
    short = tokenize_short("資格試験を受けます。")
    assert Token is AnalysisToken
    assert all(isinstance(t, Token) for t in [*compound, *short])
    assert compound[0].surface == "資格試験"
    assert [t.surface for t in short[:2]] == ["資格", "試験"]
    assert short[0].main == "名詞" and short[0].norm == "資格" and short[0].end == short[1].start == 2
    # Both tokenizers come from the one dictionary: the process maps it once.
    assert dictionary() is dictionary()


def test_one_sentence_type_for_the_analyser_and_the_review() -> None:
    body = "お世話になります。\n送料はいくらですか。"
    analysed = split_sentences(body, split_lines(body))
    reviewed = ReviewContext(body).sentences
    assert all(isinstance(s, Sentence) for s in [*analysed, *reviewed])
    assert [s.text for s in analysed] == [body[s.start : s.end] for s in analysed]
    assert reviewed[1].text == "送料はいくらですか。" and reviewed[1].tokens


def test_the_memory_judges_a_reply_as_the_review_does() -> None:
    assert reply_answers("送料はいくらかかりますか", REPLY)
    assert not reply_answers("ギフト包装はできますか", REPLY)
    quoted = "".join(f"> {line}\n" for line in MAIL.splitlines())
    assert not reply_answers("送料はいくらかかりますか", "ご連絡ありがとうございます。\n" + quoted)


def test_every_case_file_is_in_the_one_table_of_evaluation_sets() -> None:
    """bench/eval_sets.py lists every annotated file once: a new set is added there, not spelled in a test."""
    from bench.eval_sets import CORPUS, DATA, REVIEW, REVIEW_SETS, SETS

    listed = {s.path for s in SETS} | {s.path for s in REVIEW_SETS}
    on_disk = {p for folder in (DATA, CORPUS, REVIEW) for p in folder.glob("*.jsonl")}
    assert on_disk <= listed, sorted(str(p) for p in on_disk - listed)
    assert len(listed) == len(SETS) + len(REVIEW_SETS)
