"""keigo_baito — バイト敬語 「接客マニュアル的な言い回しです」.

The user sees phrasing that sounds polite but is not correct keigo:
よろしかったでしょうか (past tense for a present question), 〜のほう (when nothing
is compared), 〜円からお預かりします, こちら〜になります (nothing "becomes"
anything; nor does a fixed fact: 定休日は水曜日になります, 〜円のお返しになります),
お名前様. Each comes with the plain correct form. The same 〜になります after
こちら with its particle dropped (「こちら保証書になります」) and after a document the
reply points at (「添付のファイルがご注文の明細になります」「同封の用紙が申込書になります」).

〜のほう is flagged after an honorific noun (ご確認のほう) or after a plain action
noun (返品のほうは, 発送のほうを: Sudachi's サ変 nouns), never before が
(こちらのほうが安い compares) or after a place (駅のほう).

The proofreader's rule (マニュアル敬語): nothing "becomes" what it already is, nothing is held
that is not to be returned, nothing softened that is not compared. So also any plain noun + のほう
read by Sudachi (送料のほうは: not a place, side, person or time word, never のほうが), an amount in
kanji + になります, 千円ちょうどお預かり (→ 頂戴します), 一万円札からお預かり, レシートのお返し, and a
limit put as a change (銀行振込のみになります → のみです; 来月から〜のみになります is a change). The shop's
fixed facts include its fees, colours, item numbers, methods and contacts (送料は〜になります); a condition before them
(二点以上ご購入いただくと、送料が無料になります) makes a result, and stays, as does an amount reached by
a calculation (割引後は二千円になります). のほう setting two things side by side (Lは品切れですが、Mのほうは…)
compares, and stays.

Also: the past tense on any confirmation of a choice made with で (ご住所で大丈夫でしたでしょうか,
二名様でお間違いなかったでしょうか, 〜でよろしかったですね); のほう before から or an honorific verb
(カードのほうから, お席のほうご案内); 〜円札からでよろしいですか; という形で / いたします形になります;
以下の通りになります; a present state as a change (在庫切れになります, 満席になります: unless a
condition or date makes it one); 感じ as a filler (できない感じになっております); and the casual
topic って inside a keigo question (お控えってございますか → は), read by Sudachi as a particle.

Round 21: the customer's choice or leave asked with 大丈夫 (現金で大丈夫ですか, お入れしなくても大丈夫
ですか → よろしいでしょうか; お体の具合は大丈夫でしょうか asks after them and stays); のほう twice in a
sentence after different particles (書類のほうにサインのほうを: AのほうはX、BのほうはY compares and stays);
an act blurred with 感じ (お包みする感じでよろしいですか, カードに戻す感じになります), read from Sudachi as a
non-past verb before the noun 感じ (温かみのある感じ, 使ってみた感じ are impressions and stay).
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.review.rules import scan

_YOROSHIKATTA = re.compile(r"よろしかったでしょうか|宜しかったでしょうか|よろしかったですか|よろしかったですね")
# The same past tense on any confirmation of a choice made with で: 「前回と同じご住所で大丈夫でしたでしょうか」
# 「二名様でお間違いなかったでしょうか」 (a present fact asked in the past; → 大丈夫でしょうか, お間違いないでしょうか).
_PAST_CONFIRM = re.compile(r"で((?:大丈夫|問題ございません|差し支えございません)でした|"
                           r"(?:お間違い|間違い|問題|差し支え)なかった)"
                           r"(?=でしょうか|ですか|ですね)")
_PAST_CONFIRM_FIX = {"大丈夫でした": "大丈夫", "問題ございませんでした": "問題ございません",
                     "差し支えございませんでした": "差し支えございません"}
# 「こちらが商品になります」「1,080円になります」: a noun (not a change) + になります.
# A run of digits is tried from its first digit only ((?<![0-9…])): from every digit of it, a long number
# (a pasted code) cost its length squared in one regex call, with the GIL held.
_NI_NARIMASU = re.compile(
    r"(?:(?:(?<![ぁ-ゖ])(?:こちら|これ|それ|あちら)(?:が|は|の|、)|こちら)[^。\n]{0,25}?|(?<![0-9０-９,，一二三四五六七八九十百千万])[0-9０-９,，一二三四五六七八九十百千万]+円|"
    # A document the reply points at: 「添付のファイルがご注文の明細になります」.
    r"(?:添付|同封|別添|下記|上記|送付)(?:の|した|いたした)[^。\n]{0,20}?(?:が|は)[^。\n]{0,20}?)"
    r"(になります|になっております)"
)
# A real change or result: 「膝が隠れるくらいの丈になります」「合計で3,000円になります」「担当が佐藤になります」.
_CHANGE = re.compile(
    r"くらい|ぐらい|ほど|程度|ように|ことに|合計|から|変わ|予定|ずつ|倍|以上|以下|未満|(?<![0-9０-９])[0-9０-９]+[個点枚つ]で|"
    # An amount reached by a calculation: 割引後は二千円になります, 税込みで, まとめて, セットで.
    r"割引|値引|引き|後は|後の|税込み?で|税抜き?で|込みで|まとめて|セットで|換算|差し引|足す|加え|"
    r"(?:こと|よう)$"
)
# 「ご確認のほう」「お支払いのほう」: an honorific noun + のほう with nothing compared.
_NO_HOU = re.compile(
    r"(?:[おご][\u3040-\u309f\u4e00-\u9fff]{1,5}?(?<!様)|商品|お品物)(のほう)(?=は|を|が|に|で|も|、|から|お持ち|お届け|ご用意|お預かり|よろしく|お願い|[おご][\u4e00-\u9fff])"
)
# 「返品のほうは」「発送のほうを」: a plain action noun (サ変, by Sudachi) + のほう, nothing compared.
_ACTION_NO_HOU = gated(re.compile(r"[\u4e00-\u9fff]{2,4}(のほう)(?=は|を|で|も|、|よろしく|お願い)"))
# A fixed fact of the shop put as a change: 「定休日は水曜日になります」 (→ 水曜日です).
_FACT_NI_NARIMASU = re.compile(
    r"(?:定休日|休業日|営業時間|営業日|受付時間|所在地|住所|電話番号|連絡先|原産国|産地|素材|材質|定価|価格|"
    r"本体価格|保証期間|賞味期限|消費期限|内容量|サイズ展開|担当者?|送料|料金|代金|金額|お値段|値段|お代|お色|カラー|品番|型番|"
    r"商品名|お支払い方法|支払い方法|配送方法|返品先|お問い合わせ先|窓口)(?:は|が)[^。、\n]{1,20}?(になります|となります|になっております)"
)
# What makes a fact's 〜になります a real change (「営業時間は来月から十時までになります」); a range
# (十時から十九時) is no change.
_FACT_CHANGE = re.compile(r"変わ|変更|予定|ように|ことに|(?:と|ば|たら|なら|場合は?|際は?)、|以上|"
                          r"割引|値引|引き後|後の|後は|税込み?で|税抜き?で|まとめて|セットで|換算|差し引|"
                          r"(?:来月|来週|明日|今後|年明け|(?<![0-9０-９一二三四五六七八九十])[0-9０-９一二三四五六七八九十]+月)(?:から|以降|より)|"
                          r"以上で|以下で|未満で|(?<![0-9０-９])[0-9０-９]+[個点枚つ]で|合計")
# 「80円のお返しになります」「お釣りになります」: handing over change is no change of state.
# (お返しになります alone is also the honorific of 返す: 「図書館へお返しになります」.)
_OKAESHI = re.compile(r"(?:円の(?:お返し|お釣り|おつり)|お釣り|おつり)(になります)")
_ONAMAE_SAMA = re.compile(r"(?:お名前|ご住所|お電話番号|ご連絡先)(様)")
# 「ご住所の方をご記入ください」: the same のほう written 方, after an honorific noun that is no person
# (ご家族の方 is a person: かた).
_NO_KATA = re.compile(
    r"(?:ご住所|お名前|ご注文|ご確認|お支払い|お会計|ご連絡|お電話番号|お電話|ご返品|ご入金|ご記入|ご返送|お届け|"
    r"ご予約|お品物|お荷物|ご請求|お見積もり|お見積り|ご返信|ご回答)(の方)(?=を|は|で|も|、|よろしく|お願い)"
)
_KARA_AZUKARI = re.compile(r"(?:円|札|円玉|硬貨)(から)(?:お預かり|でよろし|で大丈夫)")
# 「千円ちょうどお預かりします」: nothing is held back to return; the money is received (→ 頂戴します).
_CHOUDO = re.compile(r"(?:ちょうど|丁度)(お預かり(?:します|いたします|しました|いたしました))")
# 「レシートのお返しです」: a receipt was never the customer's to be given back (→ レシートでございます).
_RECEIPT = gated(re.compile(
    r"((?:レシート|領収書|領収証|控え|お控え)の(?:お返し|おかえし))(?=です|でございます|になります|と)"
))
# 「銀行振込のみになります」: a limit stated as a change (→ のみです / のみとなっております).
_ONLY_NARU = re.compile(r"(?:のみ|だけ|限り)(になります|になっております)")
# 「ご返金させていただく形になります」: a roundabout ending for a plain statement.
_KATACHI = re.compile(r"(?:という|の|する|した|します|いたします|いただく|させていただく)(形になります|形となります|"
                      # 「後日振込という形でお願いしております」: the same filler before what is asked or offered.
                      r"(?<=という)形で(?=お願い|ご案内|ご対応|対応|お受け|承|お送り|お届け|ご返金|返金))")
# 「以下の通りになります」: a list that follows becomes nothing (→ 以下の通りでございます).
_TOORI_NARU = gated(re.compile(r"(?:以下|下記|上記|次)の(?:通り|とおり)(になります|になっております)"))
# 「在庫切れになります」「満席になります」: a state the item is in now, put as a change.
_STATE_NARU = re.compile(r"(?:在庫切れ|品切れ|売り切れ|完売|満席|満室|欠品|対象外|受付終了|販売終了)"
                         r"(になります|になっております)")
# 「来週には在庫切れになります」: a time ahead makes it a real change.
_SOON = re.compile(r"(?:来月|来週|明日|今後|近日|週末|月末|"
                   r"(?<![0-9０-９一二三四五六七八九十])[0-9０-９一二三四五六七八九十]+日)(?:には|中に|頃|ごろ)|"
                   r"まもなく|間もなく|もうすぐ|すぐに|いずれ|そろそろ")
# 「できない感じになっております」: 感じ as a filler that blurs a plain statement (→ できません).
_KANJI = gated(re.compile(r"(?:できない|できる|ない|いる|おる)(感じ(?:に|と)な(?:ります|っております|っています))"))
# 「お控えってございますか」「お薬手帳ってお持ちでいらっしゃいますか」: the casual topic って inside a
# keigo question (→ は); read by Sudachi as a particle, so the て of 持って never counts.
_TTE_KEIGO = re.compile(r"^(?:ござ|お[\u4e00-\u9fff]|ご[\u4e00-\u9fff]|いらっしゃ)")


def _sentence_before(text: str, at: int) -> str:
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    return text[start:at]


def _action_noun(ctx: ReviewContext, at: int) -> bool:
    """Whether the word just before `at` is a サ変 noun (返品, 発送) with no お・ご (those are _NO_HOU's)."""
    for sentence in ctx.sentences:
        if sentence.start <= at <= sentence.end:
            noun = next((t for t in reversed(sentence.tokens) if t.end <= at), None)
            if noun is None or noun.end != at or noun.main != "名詞" or noun.pos[2] != "サ変可能":
                return False
            return ctx.own_text[noun.start - 1 : noun.start] not in ("お", "ご") if noun.start else True
    return False


# 「送料のほうは」「サイズのほうを」: any plain noun + のほう + は/を/も/、 when nothing is compared.
# Places and directions (駅のほう, 奥のほう), people (私のほう, お客様のほう), こちら/そちら and time words
# name a side or a direction, not a softened topic, and stay; so does のほうが (a comparison).
# (の方 written in kanji is as often a person, ご希望の方: only the kana のほう is read here.)
_ANY_NO_HOU = gated(re.compile(
    r"(のほう)(?=は|を|も|、|から|になり|となり|でござ|お持ち|お届け|ご用意|お預かり|お下げ|お取り替え)"
))
_SIDE_WORDS = frozenset({
    "駅", "店", "家", "自宅", "窓口", "会場", "入口", "入り口", "出口", "北", "南", "東", "西", "右", "左", "奥",
    "手前", "裏", "表", "上", "下", "中", "外", "内", "側", "近く", "方面", "反対", "逆", "先方", "相手", "私",
    "わたくし", "僕", "当方", "当店", "弊社", "こちら", "そちら", "あちら", "どちら", "前", "後ろ", "横", "隣",
    "山", "海", "川", "実家", "本店", "支店", "倉庫", "工場", "本社", "事務所", "現場",
})


_CONTRAST = re.compile(r"(?:が|けど|けれど|ものの|一方)、|一方|比べ|対して|より|どちら|ほか|他の|別の")


def _generic_no_hou(ctx: ReviewContext, kind: FindingKind, severity: Severity, seen: list[Finding]) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        for match in _ANY_NO_HOU.finditer(sentence.text):
            start = sentence.start + match.start(1)
            end = sentence.start + match.end(1)
            if any(f.start < end and start < f.end for f in seen):
                continue
            if _CONTRAST.search(sentence.text[: match.start(1)]) or sentence.text.count("のほう") > 1:
                continue  # 「Lは品切れですが、Mのほうは在庫がございます」: two things set side by side
            noun = next((t for t in reversed(sentence.tokens) if t.end <= start), None)
            if noun is None or noun.end != start:
                continue
            # A noun, or a noun's suffix (保証書 → 保証 + 書); never a person's (様, さん) — below.
            noun_like = (noun.main == "名詞" and noun.sub == "普通名詞") or (
                noun.main == "接尾辞" and noun.sub == "名詞的")
            if not noun_like:
                continue
            if noun.pos[2] in ("副詞可能", "助数詞可能") or noun.surface in _SIDE_WORDS or noun.lemma in _SIDE_WORDS:
                continue
            if ctx.own_text[max(0, noun.start - 1) : noun.start] in ("様", "さん") or \
                    noun.surface.endswith(("様", "さま", "さん")):
                continue  # 奥様のほうは: a person's side
            out.append(messages.finding(kind, severity, start, end, messages.say(messages.KEIGO_BAITO_NO_HOU), ""))
    return out


def _tte(ctx: ReviewContext, kind: FindingKind, severity: Severity) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        for i, token in enumerate(sentence.tokens[1:-1], start=1):
            before = sentence.tokens[i - 1]
            # A noun, or an お/ご noun Sudachi reads as a verb stem (お控え).
            noun = before.main in ("名詞", "接尾辞") or (i >= 2 and sentence.tokens[i - 2].main == "接頭辞")
            if token.surface != "って" or token.main != "助詞" or not noun:
                continue
            if _TTE_KEIGO.match(ctx.own_text[token.end : token.end + 4]):
                out.append(messages.finding(kind, severity, token.start, token.end,
                                            messages.say(messages.KEIGO_BAITO_TTE), "は"))
    return out


# 「現金で大丈夫ですか」「袋にお入れしなくても大丈夫ですか」: the customer's choice or leave asked with 大丈夫
# (→ よろしいでしょうか). 「お体の具合は大丈夫でしょうか」 asks after them and stays; so does a quoted question.
_DAIJOUBU = re.compile(r"(?:ても|でも|で|なくて|ずに)(大丈夫(?:ですか|でしょうか|でございますか))"
                       r"(?![」』]|、?と(?:の|いう|お))")


# Verbs of a state or an impression: 「温かみのある感じです」「落ち着いて見える感じ」 say how a thing feels.
_IMPRESSION = frozenset({"ある", "有る", "いる", "居る", "見える", "聞こえる", "似る", "違う", "感じる", "思える"})
_VAGUE_AFTER = re.compile(r"で(?:よろし|大丈夫|お願い|いかが|問題|構いません|かまいません)|です|でございます|"
                          r"(?:に|と)な(?:ります|っております|っています)")


def _vague_kanji(ctx: ReviewContext, kind: FindingKind, severity: Severity) -> list[Finding]:
    """「お包みする感じでよろしいですか」「カードに戻す感じになります」: an act blurred with 感じ, read from Sudachi
    (a verb in its non-past form right before the noun 感じ); an impression (ある感じ, 使ってみた感じ) stays."""
    out = []
    for sentence in ctx.sentences:
        if "感じ" not in sentence.text:
            continue
        tokens = sentence.tokens
        for i, token in enumerate(tokens[1:], start=1):
            if token.surface != "感じ" or token.main != "名詞":
                continue
            verb = tokens[i - 1]
            if verb.end != token.start or verb.main not in ("動詞", "助動詞") or verb.lemma in _IMPRESSION:
                continue
            if not verb.cform.startswith(("連体形", "終止形")) or verb.surface.endswith(("た", "だ")):
                continue
            if not _VAGUE_AFTER.match(ctx.own_text, token.end):
                continue
            before = tokens[i - 2] if i >= 2 else None
            if before is not None and ((verb.lemma == "する" and before.main in ("副詞", "形状詞")) or
                                       (verb.lemma == "なる" and before.main == "形容詞")):
                continue  # すっきりする感じ, 軽くなる感じ: how a thing feels
            out.append(messages.finding(kind, severity, token.start, token.end,
                                        messages.say(messages.KEIGO_BAITO_KANJI_VAGUE), ""))
    return out


def _doubled_no_hou(ctx: ReviewContext, kind: FindingKind, severity: Severity, seen: list[Finding]) -> list[Finding]:
    """「書類のほうにサインのほうを」: のほう twice in a sentence, after different particles, compares nothing.

    Two things set side by side (AのほうはX、BのほうはY) share は and stay, as does any のほうが."""
    out: list[Finding] = []
    for sentence in ctx.sentences:
        hits = [m for m in re.finditer(r"のほう(?=(.))", sentence.text)]
        if len(hits) < 2 or _CONTRAST.search(sentence.text):
            continue
        after = {m.group(1) for m in hits}
        if "が" in after or after <= {"は", "も"}:
            continue
        for m in hits:
            start = sentence.start + m.start()
            end = start + len("のほう")
            noun = next((t for t in reversed(sentence.tokens) if t.end <= start), None)
            if noun is None or noun.end != start or noun.surface in _SIDE_WORDS or noun.lemma in _SIDE_WORDS:
                continue
            if noun.surface.endswith(("様", "さま", "さん")) or noun.pos[2] in ("副詞可能", "助数詞可能"):
                continue
            if any(f.start < end and start < f.end for f in seen + out):
                continue
            out.append(messages.finding(kind, severity, start, end, messages.say(messages.KEIGO_BAITO_NO_HOU), ""))
    return out


def check(ctx: ReviewContext) -> list[Finding]:
    kind, severity = FindingKind.KEIGO_BAITO, Severity.WARNING
    findings = scan(ctx, _YOROSHIKATTA, kind, severity,
                    messages.say(messages.KEIGO_BAITO_YOROSHIKATTA),
                    lambda m: "よろしいでしょうか")
    findings += [f for f in scan(ctx, _NI_NARIMASU, kind, severity,
                                 messages.say(messages.KEIGO_BAITO_NI_NARIMASU),
                                 lambda m: "でございます", group=1)
                 if not _CHANGE.search(_sentence_before(ctx.own_text, f.start))]
    findings += scan(ctx, _NO_HOU, kind, severity,
                     messages.say(messages.KEIGO_BAITO_NO_HOU),
                     lambda m: "", group=1)
    findings += scan(ctx, _NO_KATA, kind, severity, messages.say(messages.KEIGO_BAITO_NO_HOU), lambda m: "", group=1)
    findings += [f for f in scan(ctx, _ACTION_NO_HOU, kind, severity,
                                 messages.say(messages.KEIGO_BAITO_NO_HOU), lambda m: "", group=1)
                 if _action_noun(ctx, f.start)]
    findings += [f for f in scan(ctx, _FACT_NI_NARIMASU, kind, severity,
                                 messages.say(messages.KEIGO_BAITO_NI_NARIMASU),
                                 lambda m: "です", group=1)
                 if not _FACT_CHANGE.search(ctx.own_text[f.start - 25 if f.start > 25 else 0 : f.start])]
    findings += [f for f in scan(ctx, _OKAESHI, kind, severity,
                                 messages.say(messages.KEIGO_BAITO_NI_NARIMASU), lambda m: "でございます", group=1)
                 if not any(f.start < g.end and g.start < f.end for g in findings)]
    findings += scan(ctx, _ONAMAE_SAMA, kind, severity, messages.say(messages.KEIGO_BAITO_SAMA), lambda m: "",
                     group=1)
    findings += scan(ctx, _KATACHI, kind, severity,
                     messages.say(messages.KEIGO_BAITO_KATACHI),
                     lambda m: "", group=1)
    findings += scan(ctx, _CHOUDO, kind, severity, messages.say(messages.KEIGO_BAITO_CHOUDO),
                     lambda m: "頂戴" + m.group(1).removeprefix("お預かり"), group=1)
    findings += scan(ctx, _RECEIPT, kind, severity, messages.say(messages.KEIGO_BAITO_RECEIPT),
                     lambda m: m.group(1).split("の")[0], group=1)
    findings += [f for f in scan(ctx, _ONLY_NARU, kind, severity, messages.say(messages.KEIGO_BAITO_NI_NARIMASU),
                                 lambda m: "です", group=1)
                 if not _FACT_CHANGE.search(_sentence_before(ctx.own_text, f.start))
                 and not any(f.start < g.end and g.start < f.end for g in findings)]
    findings += scan(ctx, _PAST_CONFIRM, kind, severity, messages.say(messages.KEIGO_BAITO_YOROSHIKATTA),
                     lambda m: _PAST_CONFIRM_FIX.get(m.group(1), m.group(1).removesuffix("かった") + "い"), group=1)
    findings += scan(ctx, _TOORI_NARU, kind, severity, messages.say(messages.KEIGO_BAITO_NI_NARIMASU),
                     lambda m: "でございます", group=1)
    findings += [f for f in scan(ctx, _STATE_NARU, kind, severity, messages.say(messages.KEIGO_BAITO_NI_NARIMASU),
                                 lambda m: "でございます", group=1)
                 if not _FACT_CHANGE.search(_sentence_before(ctx.own_text, f.start))
                 and not _CHANGE.search(_sentence_before(ctx.own_text, f.start))
                 and not _SOON.search(_sentence_before(ctx.own_text, f.start))]
    findings += scan(ctx, _KANJI, kind, severity, messages.say(messages.KEIGO_BAITO_KANJI), lambda m: "", group=1)
    findings += _tte(ctx, kind, severity)
    findings += _generic_no_hou(ctx, kind, severity, findings)
    findings += _doubled_no_hou(ctx, kind, severity, findings)
    findings += [f for f in _vague_kanji(ctx, kind, severity) if not any(g.start < f.end and f.start < g.end
                                                                         for g in findings)]
    findings += scan(ctx, _DAIJOUBU, kind, severity, messages.say(messages.KEIGO_BAITO_DAIJOUBU),
                     lambda m: "よろしいでしょうか", group=1)
    findings += scan(ctx, _KARA_AZUKARI, kind, severity,
                     messages.say(messages.KEIGO_BAITO_KARA),
                     lambda m: "", group=1)
    return findings
