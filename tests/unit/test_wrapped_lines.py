"""Hard-wrapped mail: a line wrapped at a width is one sentence with the next, read without the break.

`segment._wrapped` hears the wrap (a paragraph of long lines of similar width that ends its sentences
with 。, the line ending on a letter, the next one carrying on); `tokenizer.tokenize_unwrapped` reads
the joined sentence as if the breaks were not there, with offsets into the text as written.
"""

from __future__ import annotations

import pytest

from app.analysis import analyze
from app.analysis.segment import split_sentences
from app.analysis.tokenizer import tokenize_unwrapped
from app.analysis.zones import find_zones
from app.model import HighlightKind

W = HighlightKind.WORRY

# One paragraph wrapped every 29 characters, as a mail client does: the breaks fall inside words
# (件/で, 心/配).
_PARAGRAPH = (
    "いつもお世話になっております。先週注文した冬物のコートの件でご連絡しました。発送済みのメールは"
    "届きましたが、配達状況を見ると三日前から止まったままです。来週の出張に着ていくつもりなので、"
    "このまま出張までに間に合わないのではないかと心配しております。お手数ですが、状況を確認して"
    "いただけますでしょうか。"
)
_WRAPPED = "\n".join(_PARAGRAPH[i : i + 29] for i in range(0, len(_PARAGRAPH), 29)) + "\n"


def _sentences(body: str) -> list[str]:
    _, kept = find_zones(body)
    return [s.text for s in split_sentences(body, kept)]


def test_a_word_cut_by_the_wrap_is_read_whole_and_the_worry_is_heard() -> None:
    body = _WRAPPED
    insight = analyze(body)
    worries = [h for h in insight.highlights if h.kind is W]
    assert worries, "the worry said across the wrap (心\\n配) was not heard"
    start = body.index("このまま")
    end = body.index("配しております") + 1
    # Offsets still index the text as written, the line break inside the highlight.
    assert any(h.start <= start < h.end and h.end > end for h in worries)
    assert all(body[h.start] != "\n" and body[h.end - 1] != "\n" for h in insight.highlights)


def test_wrapped_lines_of_a_paragraph_are_one_sentence() -> None:
    sentences = _sentences(_WRAPPED)
    assert "心\n配" in _WRAPPED
    assert sentences[1] == "先週注文した冬物のコートの件\nでご連絡しました。"
    assert "発送済みのメールは届きましたが、配達状況\nを見ると三日前から止まったままです。" in sentences
    assert any(s.startswith("来週の出張に") and s.endswith("心\n配しております。") for s in sentences)


def test_short_lines_are_real_line_breaks() -> None:
    """A poem-like letter and a list: short lines that end nothing with 。 stay apart."""
    poem = "おばあちゃんへ\n\nいつも畑のお野菜ありがとう\nとうもろこしが甘かったよ\nまた夏休みに行くね\n"
    assert _sentences(poem)[-3:] == ["いつも畑のお野菜ありがとう", "とうもろこしが甘かったよ", "また夏休みに行くね"]


def test_form_fields_and_numbered_items_are_not_joined() -> None:
    body = (
        "見積もりをお願いしたく、下記のとおりご連絡いたします。以前の\n"
        "工事でもお世話になりました。今回は次の三点をお願いします。\n"
        "一、玄関の引き戸の建て付けを直していただく件について\n"
        "二、浴室の換気扇を新しいものに取り替えていただく件\n"
        "ご希望の日程：来月の第二土曜日か第三土曜日の午前中\n"
        "ご連絡方法：メールでお願いいたします（平日は不在です）\n"
    )
    sentences = _sentences(body)
    assert "一、玄関の引き戸の建て付けを直していただく件について" in sentences
    assert "二、浴室の換気扇を新しいものに取り替えていただく件" in sentences
    assert not any("件\nご希望" in s or "午前中\nご連絡" in s for s in sentences)


def test_a_question_line_without_a_question_mark_ends_its_sentence() -> None:
    body = (
        "先月こちらで買った鉢植えのオリーブについて伺いたいことがあります。\n"
        "葉の先が茶色くなってきたのですが植え替えたほうがいいですか\n"
        "日当たりのいい南向きの窓辺に置いていて水は週に一度です。\n"
    )
    sentences = _sentences(body)
    assert "葉の先が茶色くなってきたのですが植え替えたほうがいいですか" in sentences


def test_unwrapped_tokens_span_the_break_with_the_written_offsets() -> None:
    text = "ずっと心\n配です"
    tokens = tokenize_unwrapped(text, 10)
    word = next(t for t in tokens if t.surface == "心配")
    assert (word.start, word.end) == (13, 16)
    assert not any(t.surface.strip() == "" for t in tokens)
    # English words on either side of a break keep a space between them.
    english = tokenize_unwrapped("I am a little\nworried", 0)
    assert any(t.surface == "worried" and t.start == 14 for t in english)


def test_a_line_ending_in_a_laugh_mark_ends_its_sentence() -> None:
    body = (
        "先週お願いした名入れの万年筆のことで、少しだけ確認させてください。以前\n"
        "から欲しかったものなので、届くのが待ち遠しくて仕事が手につきません笑\n"
        "もし刻印の書体が選べるのでしたら、筆記体でお願いできればうれしいです。\n"
    )
    sentences = _sentences(body)
    assert any(s.endswith("手につきません笑") for s in sentences)
    assert any(s.startswith("もし刻印の書体が") for s in sentences)


# Two paragraphs wrapped by hand, the break right after an ending (not inside a word a noun or a verb
# stem would show): 「分かりませ\nん」 and 「なった\nらと思うと」.
_AFTER_AN_ENDING = (
    "いつもお世話になっております。先月お願いした庭木の剪定の件で、\n"
    "改めてご連絡しました。作業の日がまだ決まっておらず、来月の法事までに\n"
    "終わらなかったら、親戚にどう説明すればいいのか分かりませ\n"
    "ん。お手数ですが、日程を早めにお知らせいただけますでしょうか。\n"
)
_BEFORE_A_SUFFIX = (
    "先日は見積もりをありがとうございました。工事の日程のことで、\n"
    "ひとつ気がかりがあります。このまま雨が続いて、引き渡しが年明けに\n"
    "ずれ込み、家族で新しい家に入れないまま年を越すことになった\n"
    "らと思うと、いたたまれません。予定どおり進みそうか教えてください。\n"
)


@pytest.mark.usefixtures("rules_alone")
def test_a_break_between_two_endings_hides_no_pattern_from_the_rules() -> None:
    """The line break is no word: a rule reading 〜のか分かりませ + ん next to each other hears them."""
    body = _AFTER_AN_ENDING
    worries = [h for h in analyze(body).highlights if h.kind is W]
    start = body.index("作業の日")
    assert any(h.start <= start < h.end and body[h.start : h.end].endswith("ませ\nん") and
               not h.cue.startswith("learned") for h in worries)


@pytest.mark.usefixtures("rules_alone")
def test_a_break_before_a_suffix_cut_the_ending_and_the_sentence_is_read_again() -> None:
    """「なった\\nら」 is read as た and the suffix ら, a word no line begins with: the ending たら was cut."""
    body = _BEFORE_A_SUFFIX
    worries = [h for h in analyze(body).highlights if h.kind is W]
    start = body.index("このまま")
    assert any(h.start <= start < h.end and h.cue.startswith("feared_if") for h in worries)
