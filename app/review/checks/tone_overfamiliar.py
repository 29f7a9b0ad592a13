"""tone_overfamiliar — 「お客様に対してなれなれしい表現があります」.

The principle, as a careful senior agent applies it (round pairs22): a shop writes to a customer as to a guest.
Warmth is welcome (〜くださいね, 嬉しいです, one emoji in a friendly shop's reply); speaking as to a friend is not —
タメ口 endings, slang, spoken contractions, 「了解です」, a string of emoji or 〜♪. One slip of spoken wording is
tolerated; the signals must add up, or be one that no written business reply ever uses. Only the agent's own text
counts, never the quoted mail.

The user sees a representative casual sentence of the draft: タメ口 endings
(〜だよ, 〜よね, 〜かな, 〜じゃん), 「了解です」「オッケーです」, bare 「ありがとう」,
several emoji, 〜♪ or 〜〜, spoken contractions and slang (直しときます, こっち,
めちゃくちゃ), slang (めっちゃ, マジ) and polite words bent into slang (でーす,
よろしくです). 〜くださいね is
warm, not casual; 〜ですよね counts half, as chatty but polite. One stray
emoji is tolerated; together the signals must add up.

Some spoken forms are over-familiar on their own, even inside a polite sentence, because
no written business form uses them: the contraction of 〜てしまう (送っちゃいました,
着られちゃいます), of 〜ていて (待っててください), かもです, 全然OKです, and a sentence
opened with じゃあ, しょうがない. 「捨ててください」 (the て-form of 捨てる) and 「まあまあの出来」 are not.
Spoken words that a written reply replaces (すごく → 大変, やっぱり → やはり, ちゃんと →
きちんと, いっぱい, 〜みたいです, 〜ですけど, a sentence opened with あと、) count one each:
two of them make a draft over-familiar, one alone does not; so does a polite ending
drawn out (ございます〜, です〜) or a doubled ！！.
Only the agent's own text counts: emoji in the quoted customer mail do not.
At most one finding per draft, since tone concerns the reply as a whole.

From the grammar (round 20): タメ口 is a plain verb, adjective or だ ending the sentence followed
by a friendly final particle (思うよ, すぐやっとくね, 人気なんだよね) — Sudachi's 終止形 and 終助詞, so
ですよね, ますね, くださいね stay polite and a quotation 「もう届いたよ」 is not ours. The ending counts
before a comma as well as at a sentence's end (大丈夫だよ、返品できるから). An opening
interjection (うん, はーい, えー, そっか), ありがとね, a bare よろしく〜, っす at a word's end (not in
ぐっすり), ぜんぜん, and a drawn-out polite end (ですよね〜) count too. A bare だ ends bluntly rather
than chummily: half a signal (a draft all in だ/である is tone_cold's).
Talk contractions 〜てるけど / 〜てるから, ごめん(ね), a one-sound opener (え、 あ、), ほんと, ばっちり and
うちの (for our shop) are the speech of friends too.

Round 21: a friendly particle after no predicate at all (忘れずにね, お大事にね, 念のためね: a noun, an adverb
or a particle before it) is タメ口 as well, as is a request ending on a bare て-form with its ください dropped
(気にしないで〜, 教えて！; 〜について, 〜に関して end headings and stay); a plain reason clause with から
(来月まで使えるから、) counts one signal (a letter says ので, or ますから).
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.text import Sentence, Token

_END = r"(?=[。！!？?…〜~ｗw♪☆★\s]|[\U0001F000-\U0001FAFF\u2600-\u27BF]|$)"
# A friendly final particle ends a clause before a comma too (大丈夫だよ、返品できるから); a bare だ
# before a comma is no ending (ただ、).
_END_OR_COMMA = _END.replace("[。", "[。、", 1)
CASUAL_END = re.compile(
    r"(?:だよ|だよね|(?<!です)(?<!ます)(?<!ません)(?<!でした)(?<!ました)よね|だね|じゃん|じゃない|かな|かなぁ|だし|でしょ|しよう|しようね|ちゃう|ちゃった|っす|なぁ|なあ|"
    r"わかる|分かる|してね|てね|るね|(?<!まし)(?<!でし)たね|(?<!ださ)(?<!下さ)いね|(?<!ださ)(?<!下さ)いよ|るよ|"
    r"(?<!まし)(?<!でし)たよ|"
    r"ないよ|だからね|もんね|いいな|だな|たいな|よかったな|んだ|んだった)" + _END_OR_COMMA
)
# A bare だ / だった / だろう ends a sentence bluntly rather than chummily: half a signal here
# (with よ or ね it is CASUAL_END's; a draft all in だ/である is tone_cold's "plain to a customer").
BARE_DA = re.compile(r"(?<!ん)(?:だ|だった|だろう)" + _END)
# A sentence starts after 。！ or a line break, then spaces of its own line ([^\S\n]*, not \s*): the line break is
# itself a start, so a run of them (a quote blanked out of the draft) is never rescanned from each one.
RYOKAI = re.compile(
    r"了解(?:です|！|!|〜)|りょうかい|おけ[ー〜]|OK(?:です)?[！!]|オッケー|オーケー|おっけー|ＯＫ(?:です)?[！!]|"
    r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?:OK|ＯＫ|ok)(?=です|でした|っす|だよ|。|〜|$)|(?:^|(?<=[。！\n]))[^\S\n]*りょ(?=[。！!〜ー]|$)|おk"
)
# Casual words: spoken contractions (直しときます, 見ちゃいます), こっち・そっち, slang intensifiers.
CASUAL_WORD = re.compile(
    r"(?:こっち|そっち|あっち|どっち)|超(?=[ぁ-ん]{2})|"
    r"ですよ〜|ますよ〜|って感じ|うっす"
)
# Spoken forms that are over-familiar on their own: 〜ちゃいます (〜てしまいます), 〜ててください
# (〜ていてください), かもです, 全然OKです, a sentence opened with じゃあ.
SPOKEN = re.compile(
    r"(?:ちゃ|じゃ)(?:い(?:ます|まし)|って|う(?:ので|から|かも|と))|(?<=[っん])(?:て|で)て(?:ください|下さい|くださいね|ね)|"
    r"かもです|かもしれないです|全然(?:大丈夫|OK|ＯＫ|オッケー|平気|いけ)|(?:^|(?<=[。！\n]))[^\S\n]*じゃ(?:あ)?[、,]|"
    r"しょうがな|しょーがな|まじで|"
    # 〜とく for 〜ておく in polite form too: 直しときます, 入れときました, 読んどきます.
    r"(?:し|っ|い|け|せ|て|め|べ|れ|え)とき(?:ます|まし)|(?:ん|い)どき(?:ます|まし)|"
    # 〜てる / 〜でる (〜ている) ending a clause in talk: 持ってるけど, 使ってるから; ごめん(ね) to a customer.
    r"(?<=[っんいえきけしせちてにねびべみめりれ])(?:て|で)る(?:けど|から|し|よ|ね|の[？?]|んで)|ごめん(?!なさい|下さい|ください)(?:ね|よ|な)?|"
    # じゃ for では (じゃありません, じゃないですか) and 〜とく for 〜ておく (やっとく, 送っといて): talk, not writing.
    r"(?<![ぁ-ゖ])?じゃ(?:ない|ありません|なかった)|(?<=[いるたなだ])んで(?=、)|"
    r"(?<=[っんいえきけしせちてにねびべみめりれ])(?:て|で)た(?=って|ん|の[？?]|よ|ね|[。、！？!?]|$)|(?<![ょずもきほそさじぐう])っと(?:く|いて|いた|こう)(?![らだ])"
)
# Spoken words a written reply replaces: one each, two make a draft over-familiar.
COLLOQUIAL = re.compile(
    r"すごく|すっごく|すごい(?=[ぁ-ん一-龥])|やっぱり|やっぱ|ちゃんと|いっぱい|ほんとに|ほんと(?!う)|ごめんなさい|"
    r"ばっちり|バッチリ|うちの(?=スタッフ|店|お店|商品|子たち)|的な感じ|みたいな感じ|なんか(?!ら)|"
    r"(?<=[ぁ-ん一-龥ァ-ヶー])とか(?=[、はもがをで。]|$)|(?<=[たるいだ])けど(?=[、。！]|$)|"
    r"(?:^|(?<=[、。！\n]))(?:それ|これ|あれ)って|ってこと(?=です|でしょう|だ|？|\?)|かなと(?:思|存)|"
    r"ぜんぜん|(?<![てで])みたい(?:です|でした|なんです)|(?:です|ます|でした|ました)けど|なんで(?:すか)?[？?]|"
    r"(?:^|(?<=[。！\n]))[^\S\n]*(?:あと|それと|てか|なので)[、,]|って(?:いう|言う)|っぽい"
)
# A polite ending drawn out, or a doubled exclamation: 「ございます〜」「です〜」「！！」.
DRAWN_OUT = re.compile(r"(?:です|ます|ません|でした|ました|ください)(?:よね|ね|よ)?[〜~ー](?=[。、！!\s]|$)|[！!]{2,}")
# 「ご不安ですよね」: polite, yet chatty; over-familiar only with another signal.
POLITE_YONE = re.compile(r"(?:です|ます)よね")
# Polite words bent into slang: でーす, まーす, ありがとうです, よろしくです.
BENT_POLITE = re.compile(r"(?:でー|まー)す|ですー|ますー|ありがとうです|よろしくです|お願いしまーす|"
                         r"(?:っす|ッス)(?=[ねよか。！!？?、〜~ー\s]|$)|"
                         r"めっちゃ|マジ(?!ック)|ぶっちゃけ|やばい|ヤバい|ヤバ(?=[いかくそ])|とりま(?![すしせ])|ガチで|あざっす|あざす|"
                         r"よろです|ですです|どーも|ありがとです|ありがとっす|ぎりぎりセーフ|ギリギリセーフ|ギリセーフ|"
                         r"めちゃくちゃ|めちゃめちゃ|めちゃ(?=[ぁ-ん一-龥])|"
                         r"超(?=人気|かわい|可愛|便利|お得|おすすめ|おいし|美味し|楽し|嬉し|うれし|似合|いい|簡単|軽|早|速)")
BARE_THANKS = re.compile(r"ありがと(?:う)?(?!ござ|存)(?=ね|な|[〜~！!♪。…\s]|[\U0001F000-\U0001FAFF\u2600-\u27BF]|$)|"
                         r"よろしく(?!お願い|ご|申し|お伝え|どうぞ)(?=[〜~！!♪。\s]|$)")
# An opening interjection of talk between friends: うん, はーい, えー, そっか, それな.
INTERJECTION = re.compile(r"(?:^|(?<=[。！？!?\n]))[^\S\n]*"
                          r"(?:うん|ううん|はーい|はーーい|はいはい|えー|えっと|へー|え|あ|"
                          r"いやー|いや〜|"
                          r"わー|わぁ|おー|"
                          r"そっか|それな|なるほどね|ですよね)(?=[、,！!。〜~ー\s]|$)")
EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]")
EMOJI_RUN = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]{2,}")
WAVY = re.compile(r"[〜~]{2,}|[〜~][！!]|♪|[ｗw]{2,}|（笑）|\(笑\)")


_POLITE_WORDS = frozenset({"です", "ます", "ござる", "御座る", "くださる", "下さる", "いらっしゃる", "なさる",
                           "おっしゃる"})
_FRIENDLY = frozenset({"よ", "ね", "な", "さ", "わ", "ぞ", "ぜ", "かな", "もん", "の", "じゃん"})


def plain_with_particle(sentence: Sentence) -> bool:
    """タメ口 read from the grammar: a plain verb, adjective or だ ending the sentence, then よ/ね/な…
    (思うよ, やっとくね, 人気なんだよね). ですよね, くださいね, ますね are polite; a quotation is not ours."""
    text = sentence.text.rstrip()
    if text.endswith(("」", "』")):
        return False
    words = [t for t in sentence.tokens if t.main not in ("補助記号", "空白", "記号")]
    particles = 0
    while words and words[-1].main == "助詞" and words[-1].sub == "終助詞":
        drawn = words[-1].surface.rstrip("〜~ーっ")  # ね〜 is one token: the particle drawn out
        if words[-1].lemma not in _FRIENDLY and words[-1].surface not in _FRIENDLY and drawn not in _FRIENDLY:
            return False
        words.pop()
        particles += 1
    if not words:
        return False
    if not particles and _bare_te(words) and text.endswith(("。", "〜", "！", "!", "~", "ー")):
        return True  # 気にしないで〜, 教えて！: a request with its ください dropped
    if not particles and not text.endswith(("〜", "！", "!", "~")):
        return False  # a plain end exclaimed (よかった〜！, 助かった！) is the same talk without the particle
    if any(t.lemma in _POLITE_WORDS or t.norm in _POLITE_WORDS for t in words[-3:]):
        return False
    last = words[-1]
    if particles and (last.main in ("名詞", "副詞", "接頭辞", "感動詞") or
                      (last.main == "助詞" and last.sub in ("格助詞", "接続助詞", "副助詞"))):
        return True  # 忘れずにね, 気をつけてね, お大事にね, 念のためね: a friendly particle after no predicate
    return last.main in ("動詞", "形容詞", "助動詞") and (last.cform.startswith("終止形") or last.lemma in ("だ", "た"))


# Verbs that make a particle of their て-form (〜について, 〜に関して, 〜に合わせて): a heading or a clause, no request.
_TE_PARTICLES = frozenset({"つく", "付く", "関する", "対する", "おく", "置く", "よる", "因る", "際する", "伴う",
                           "通じる", "応じる", "限る", "基づく", "向ける", "沿う", "除く", "含める", "比べる", "加える",
                           "続く", "先立つ", "当たる", "わたる", "渡る", "合わせる", "添える", "兼ねる"})


def _bare_te(words: list[Token]) -> bool:
    """The sentence ends on a verb's て-form (or ないで) with no ください: a request made between friends."""
    if len(words) < 2:
        return False
    last, verb = words[-1], words[-2]
    if last.main != "助詞" or last.sub != "接続助詞" or last.surface.rstrip("〜~ー") not in ("て", "で"):
        return False
    if any(t.lemma in _POLITE_WORDS or t.norm in _POLITE_WORDS for t in words[-3:]):
        return False
    if verb.main == "助動詞" and verb.lemma == "ない":
        return True
    return verb.main == "動詞" and verb.lemma not in _TE_PARTICLES


def plain_kara(sentence: Sentence) -> bool:
    """A reason clause in plain form with から (使えるから、, 無料だから): talk; a letter says ので or ますから."""
    tokens = [t for t in sentence.tokens if t.main not in ("空白",)]
    for k, token in enumerate(tokens[1:], start=1):
        if token.surface != "から" or token.sub != "接続助詞":
            continue
        if k + 1 < len(tokens) and tokens[k + 1].surface in ("こそ", "には", "と", "といって"):
            continue  # だからこそ, 〜からといって: a set phrase of writing, not a reason given in talk
        before = tokens[k - 1]
        if before.lemma in _POLITE_WORDS or before.norm in _POLITE_WORDS:
            continue
        if before.main in ("動詞", "形容詞", "助動詞") and before.cform.startswith(("終止形", "連体形")):
            return True
    return False


def signals(sentence: Sentence) -> float:
    """How over-familiar one own sentence sounds (0 = not at all)."""
    return _signals(sentence.text) + (2.0 if plain_with_particle(sentence) else 0.0) + (
        1.0 if plain_kara(sentence) else 0.0)


@lru_cache(maxsize=4096)
def _signals(text: str) -> float:
    # Cached by text: tone_cold asks too, and the live review sees the same sentences keystroke after keystroke.
    score = 2.0 * len(CASUAL_END.findall(text.replace("ございます", "")))
    score += 1.0 * len(BARE_DA.findall(text))
    score += 2.0 * len(RYOKAI.findall(text)) + 1.5 * len(BARE_THANKS.findall(text))
    score += 0.75 * len(EMOJI.findall(text)) + 0.75 * len(WAVY.findall(text))
    score += 0.5 * len(EMOJI_RUN.findall(text))  # emoji in a row (😊😊): stacked
    score += 1.0 * len(CASUAL_WORD.findall(text)) + 2.0 * len(BENT_POLITE.findall(text))
    score += 1.0 * len(POLITE_YONE.findall(text)) + 2.0 * len(SPOKEN.findall(text))
    # A polite end drawn out (ございます〜, 対応済みです〜) or a doubled ！ is chat, not a letter: a full signal.
    score += 1.0 * len(COLLOQUIAL.findall(text)) + 2.0 * len(DRAWN_OUT.findall(text))
    score += 2.0 * len(INTERJECTION.findall(text))
    return score


def _sentence_signals(ctx: ReviewContext) -> list[float]:
    """`signals` of each own sentence, once per review: tone_cold asks `is_overfamiliar` too, and `check` then
    looks for the worst sentence (three passes over every sentence's tokens before)."""
    cached = ctx.memo.get("overfamiliar_signals")
    if isinstance(cached, list):
        return cached
    scores = [signals(s) for s in ctx.sentences]
    ctx.memo["overfamiliar_signals"] = scores
    return scores


def is_overfamiliar(ctx: ReviewContext) -> bool:
    # Exclamation marks stacked over the draft (three or more) add one signal: cheerful once, chatty thrice.
    bangs = sum(s.text.count("！") + s.text.count("!") for s in ctx.sentences)
    return sum(_sentence_signals(ctx)) + (1.0 if bangs >= 3 else 0.0) >= 2.0


def check(ctx: ReviewContext) -> list[Finding]:
    if not is_overfamiliar(ctx):
        return []
    scores = _sentence_signals(ctx)
    worst = ctx.sentences[max(range(len(scores)), key=scores.__getitem__)]  # the first of the worst, as max() gives
    text = worst.text.rstrip()
    start = worst.start + len(text) - len(text.lstrip())
    return [
        messages.finding(
            FindingKind.TONE_OVERFAMILIAR,
            Severity.WARNING,
            start,
            worst.start + len(text),
            messages.say(messages.TONE_OVERFAMILIAR),
            "",
        )
    ]
