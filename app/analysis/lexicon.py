"""Word classes the detector reasons with, as Sudachi normalised or dictionary forms.

These are general vocabulary classes of Japanese (people close to the writer,
life events, the home, the body, the calendar), not phrases from any mail.
Each word is compared with a token's surface, dictionary form and normalised
form; words of two or more characters also match inside a compound noun
(卵アレルギー, 資格試験), one-character words only as a whole token (子, not 椅子).
"""

from __future__ import annotations

from typing import Final

# The writer themself or their organisation: the strongest sign of a disclosure.
SELF: Final = frozenset({
    "私", "わたし", "わたくし", "僕", "ぼく", "俺", "自分", "うち", "我が家", "わが家", "弊社", "当社", "当方",
    "私自身", "自分自身", "私たち", "私達", "僕ら", "我が社", "私ども", "私共", "弊店", "弊所", "当店", "当院",
    "当園", "当校", "小生", "我々", "家族",
})

# People close to the writer.
FAMILY: Final = frozenset({
    "夫", "妻", "主人", "旦那", "旦那さん", "嫁", "家内", "奥さん", "娘", "息子", "子供", "子", "長男", "長女",
    "次男", "次女", "三男", "三女", "母", "父", "母親", "父親", "両親", "お母さん", "お父さん", "祖母", "祖父",
    "おばあちゃん", "おじいちゃん", "孫", "兄", "姉", "弟", "妹", "兄弟", "姉妹", "義母", "義父", "姑", "舅",
    "夫婦", "親", "赤ちゃん", "赤ん坊", "彼氏", "彼女", "恋人", "婚約者", "パートナー", "友人", "友達",
    "友だち", "親友", "上司", "部下", "同僚", "先輩", "後輩", "親戚", "叔母", "叔父", "伯母", "伯父", "甥", "姪",
    "愛犬", "愛猫", "社長", "会長", "部長", "課長",
    "社員", "従業員", "スタッフ一同", "主治医", "上の子", "下の子", "新郎", "新婦",
    "子供達", "子ども達", "娘夫婦", "息子夫婦", "義理", "母方", "父方", "実家", "双子", "犬", "猫", "保護犬",
    "保護猫", "子犬", "子猫", "飼い犬", "飼い猫",
})

# Life events, health and stages of life: a disclosure on their own.
LIFE: Final = frozenset({
    "出産", "妊娠", "妊婦", "産休", "育休", "育児", "子育て", "介護", "入院", "退院", "手術", "通院", "持病",
    "病気", "アレルギー", "アトピー", "体質", "障害", "車椅子", "車いす", "引っ越し", "引越し", "引っ越す",
    "引越す", "新築", "新居", "結婚", "婚約", "離婚", "葬儀", "法事", "形見", "遺品", "定年", "退職", "転勤",
    "転職", "就職", "入学", "卒業", "入園", "受験", "一人暮らし", "独り暮らし", "同居", "単身赴任", "誕生日",
    "記念日", "還暦", "古希", "喜寿", "米寿", "成人式", "七五三", "趣味", "留学", "闘病", "療養", "リハビリ",
    "高齢", "認知症", "糖尿病", "花粉症", "腰痛", "妊活", "新婚", "年金", "在宅勤務", "他界", "亡くなる",
    "飼う", "住む", "暮らす", "敏感肌", "乾燥肌", "老眼", "生きがい", "お祝い", "祝い", "昇進",
    "卒園", "入社", "開業", "開店", "創業", "起業", "帰省", "結婚式", "披露宴", "出張", "初孫", "里帰り",
    "歳", "才", "年生", "代",
    # money at home: what they can spend this month is their own situation
    "家計", "出費", "生活費", "給料", "給与", "ボーナス", "節約", "貯金", "収入", "仕送り", "小遣い", "お小遣い",
    "物入り", "物要り", "金欠",
    # work and business they run or belong to (写真館を営む, NPOに勤める)
    "営む", "経営", "自営", "勤める", "働く", "携わる", "従事", "所属", "会社員", "公務員", "主婦", "主夫",
    "個人事業", "フリーランス", "パート", "アルバイト",
})

# Circumstances: home, body, schedule, work, budget, knowledge. Weaker signs, enough for a reason clause.
CIRCUMSTANCE: Final = frozenset({
    "家", "自宅", "住まい", "マンション", "アパート", "団地", "戸建て", "一戸建て", "階段", "エレベーター",
    "部屋", "玄関", "庭", "窓", "台所", "キッチン", "リビング", "寝室", "ベランダ", "駐車場", "和室", "間取り", "賃貸",
    "体", "身体", "御腹", "お腹", "腰", "膝", "肩", "肌", "耳", "歯", "視力", "体調", "調子", "体重", "身長", "年齢",
    "予定", "来月", "来週", "来年", "今度", "連休", "週末", "休日", "休み", "旅行", "年末", "年始", "夏休み",
    "冬休み", "正月", "お盆", "平日", "日中", "仕事", "勤務", "通勤", "夜勤", "職場", "勉強", "試験", "学校",
    "パーティー", "イベント", "行事", "予算", "初心者", "素人", "不慣れ", "長年", "毎年", "毎日", "毎朝",
    "毎晩", "毎週", "約束", "留守", "不在", "共働き", "在宅", "生産", "工場", "店舗", "事務所", "現場",
    "生まれる", "都合", "経験", "久しぶり", "ぶり", "以来", "来春", "今春", "散歩", "獣医", "動物病院", "病院",
    "血圧", "発表会", "運動会", "卒業式", "入学式", "小学生", "中学生", "高校生", "大学生", "幼稚園", "保育園",
    "園児", "痛める", "痛み", "怪我", "けが", "骨折", "新学期", "新生活", "夢", "昔", "学生時代", "子供の頃", "頃",
    # what they have or have not done before, and how their body and work run
    "初めて", "はじめて", "足腰", "不自由", "手足", "聴力",
    "物忘れ", "運転", "性格", "締め", "締め日", "決算", "経理", "月末",
    "年度末", "稟議", "シフト", "車", "自家用車", "軽自動車", "マイカー",
    # the body parts a product must spare, how they get about, what they usually do
    "首", "手首", "腕", "背中", "足", "足首", "指", "目", "電車", "バス", "移動", "通学", "普段", "日頃", "運動",
    # their own schedule (出発は来週です)
    "出発", "帰国", "出国", "渡航", "滞在", "挙式", "式", "チェックイン", "チェックアウト",
    "月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日",
    "土曜日", "日曜日",
})

FEELING: Final = frozenset({
    "楽しみ", "好き", "大好き", "嬉しい", "うれしい", "残念", "悲しい", "満足", "感動", "気に入る", "愛用",
    "夢中", "思い出", "喜ぶ", "大喜び", "感激", "寂しい", "幸せ",
})

# Words about the order or the shop: a reason built on them is not the writer's circumstance.
ORDER: Final = frozenset({
    "注文", "配送", "配送先", "発送", "番号", "商品", "在庫", "請求", "伝票", "住所", "宛名", "入荷", "出荷",
    "梱包", "品切れ", "欠品", "決済", "支払い", "お支払い", "領収書", "送料", "到着", "配達", "お届け", "届け", "届く",
})

# People nouns that name a product's target when followed by 用 (子ども用, 大人用).
GENERIC_PEOPLE: Final = frozenset({
    "子供", "子ども", "子", "赤ちゃん", "大人", "男の子", "女の子", "犬", "猫", "ペット",
})

# Verbs of ordering and receiving: 「〜したばかり」 on them is about the order, not the writer's life.
ORDER_VERBS: Final = frozenset({
    "注文", "購入", "買う", "届く", "申し込む", "申し込み", "発注", "予約", "受け取る", "決済",
})

# Third parties whose circumstances are not the writer's (the shop, the maker, staff).
THIRD_PARTY: Final = frozenset({
    "先生", "作家", "店長", "スタッフ", "担当", "担当者", "店員", "貴社", "御社", "貴店", "お店", "店", "ショップ",
    "皆さん", "皆様", "みなさん", "メーカー", "職人", "オーナー", "サイト", "ホームページ", "ページ",
})

WORRY: Final = frozenset({
    "心配", "不安", "怖い", "恐い", "こわい", "焦る", "あせる", "気掛かり", "気がかり", "憂鬱", "心細い", "危惧",
    "懸念", "ハラハラ", "はらはら", "ヒヤヒヤ", "ひやひや", "オロオロ", "おろおろ", "胸騒ぎ", "不安だ",
    "途方", "動揺", "気後れ", "案じる", "心許ない", "おっかない",
    # Said in English or slang inside Japanese mail (正直 worried です / ちょっとビビってます)
    "worried", "anxious", "nervous", "ナーバス", "びびる", "ビビる", "プレッシャー",
})

# Nervousness that is a worry when it hangs on an open question (届くのかドキドキ).
NERVOUS: Final = frozenset({
    "ドキドキ", "どきどき", "そわそわ", "ソワソワ", "びくびく", "ビクビク", "モヤモヤ", "もやもや",
})

# Risks that make 「〜が気になる」 a worry rather than an interest.
RISK: Final = frozenset({
    "副作用", "影響", "危険", "衛生", "安全", "傷", "故障", "劣化", "破損", "カビ", "におい", "匂い", "臭い",
    "化学物質", "添加物", "アレルゲン",
})

# A condition of someone's health that makes what a product contains or does a real risk to
# them: after 「妻に卵アレルギーがあり、」 the words 「原材料が気になっています」 are a worry.
CONDITION: Final = frozenset({
    "アレルギー", "アトピー", "持病", "病気", "体質", "敏感肌", "乾燥肌", "妊娠", "妊婦", "授乳", "闘病", "療養",
    "治療", "糖尿病", "高血圧", "腎臓", "肝臓", "心臓", "喘息", "ぜんそく", "感染症", "免疫", "認知症", "障害",
    "花粉症", "皮膚炎", "湿疹", "乳児", "離乳食", "介護", "手術", "通院", "入院",
})

# A worry that has gone: the sentence says so.
RELIEF: Final = frozenset({"安心", "ほっと", "ホッと", "一安心", "杞憂", "解消", "胸を撫で下ろす", "良かっ", "よかっ"})

# Verbs whose 〜たい asks something of the shop (an order, a change, an answer).
ASK_VERBS: Final = frozenset({
    "知る", "伺う", "聞く", "尋ねる", "確認", "相談", "問い合わせる", "問い合わせ", "依頼", "注文", "購入", "買う",
    "利用", "申し込む", "申し込み", "申込", "予約", "変更", "キャンセル", "取り消す", "返品", "交換", "返金",
    "追加", "取り寄せる", "取り寄せ", "発注", "頼む", "解約", "退会", "願う", "お願い", "見積もる", "見積もり",
    "教える", "受け取る", "試す", "使う", "加入", "登録", "送る", "届ける", "切り替える", "切り替え", "切替",
})

# Polite requests that only introduce the question that follows (「質問させてください」).
PREFACE_VERBS: Final = frozenset({
    "質問", "相談", "伺う", "尋ねる", "聞く", "お聞き", "お尋ね", "お伺い", "説明", "補足", "報告", "以下", "下記",
})

# 〜ください that wish the shop well or reassure instead of asking.
FORMULA_PLEASE: Final = frozenset({"自愛", "無理", "気軽", "放念", "容赦", "許す", "安心", "了承", "笑う"})

# Nouns that fill an お願いします formula without asking anything concrete.
FORMULA_NOUNS: Final = frozenset({
    "確認", "対応", "検討", "返信", "返事", "連絡", "程", "ほど", "何卒", "今後", "引き続き", "以上", "手数",
    "忙しい", "所", "ところ", "理解", "協力", "宜しく", "よろしく", "回答", "事", "こと", "中", "恐縮",
})

# Nouns too empty to be a topic.
FORMAL_NOUNS: Final = frozenset({
    "こと", "事", "もの", "物", "方", "ため", "為", "よう", "様", "ところ", "所", "件", "際", "場合", "つもり",
    "心算", "はず", "筈", "わけ", "訳", "頃", "ころ", "うち", "内", "以上", "以外", "中", "時", "とき", "ほど",
    "程", "前", "後", "上", "下", "今", "今回", "前回", "次回", "先日", "先週", "先月", "昨日", "今日", "本当",
    "ほう", "感じ", "そう", "こちら", "此方", "それ", "これ", "あれ", "そちら", "どちら", "何", "なに", "皆",
    "御", "ご", "お", "さん", "さま", "ちゃん", "くん", "点", "旨", "の", "等", "など", "他", "ほか",
    "一つ", "ひとつ", "少し", "本日", "正直", "最初", "最後", "自分", "私", "私共", "気", "幸い", "実", "急",
    # cushions (お手数ですが, ご面倒をおかけしますが): politeness, never what the mail is about
    "手数", "恐縮", "面倒", "手間", "迷惑", "お陰様", "おかげさま", "お陰", "おかげ", "ちなみ", "因み",
})


# ---------------------------------------------------------------- classes as bits
# The detector asks "is this token in SELF / LIFE / …" hundreds of times per mail.
# Each distinct word is classified once (the tokenizer caches the answer with the
# word), so a question becomes a bit test: `token.classes & BIT[lexicon.SELF]`.

_CLASSES: Final[tuple[frozenset[str], ...]] = (
    SELF, FAMILY, LIFE, CIRCUMSTANCE, FEELING, ORDER, ORDER_VERBS, THIRD_PARTY, WORRY, NERVOUS, RISK, RELIEF,
    ASK_VERBS, PREFACE_VERBS, FORMULA_PLEASE, FORMULA_NOUNS, CONDITION,
)
BIT: Final[dict[frozenset[str], int]] = {words: 1 << i for i, words in enumerate(_CLASSES)}
# Topics: a LIFE word of two or more characters anywhere inside the surface (出産祝い, 卵アレルギー).
LIFE_INSIDE: Final = 1 << len(_CLASSES)
_PRODUCT_ENDINGS: Final = ("用品", "用", "グッズ", "向け")


def _member(surface: str, lemma: str, norm: str, noun: bool, words: frozenset[str]) -> bool:
    if surface in words or lemma in words or norm in words:
        return True
    # A compound noun holds the word (卵アレルギー holds アレルギー), unless it names a
    # product's purpose (介護用品); one-character words only match whole tokens (子, not 椅子).
    if noun and len(surface) > 2 and not surface.endswith(_PRODUCT_ENDINGS):
        return any(len(w) >= 2 and w in surface for w in words)
    return False


# Cue words, matched whole (surface, dictionary or normalised form): a rule that needs
# one of them is skipped at once for a clause that has none. Each set lists every
# word its rules in app/analysis/detectors test, so skipping never changes a result.
DISCLOSURE_CUES: Final = frozenset({
    "つもり", "心算", "事", "こと", "ばかり", "実は", "実", "始める", "念願", "憧れ", "挑戦", "初挑戦", "ようやく",
    "やっと",
    "たい", "詳しい", "慣れる", "分かる", "わかる", "見える", "聞こえる", "聞き取る", "眠る",
    "前回", "以前", "去年", "昨年", "一昨年", "担当", "計画", "しまう", "仕舞う", "ちゃう", "考える", "思う",
    "予定", "目標", "初めて", "はじめて", "苦手", "得意", "弱い", "予算", "都合",
})
HYPOTHETICAL_CUES: Final = frozenset({"もし", "仮に", "万一", "万が一", "限る"})
# Feelings the writer tells as their own (悔しかった, 感激しております, がっかりしました): the
# rule detectors.disclosure.felt. Broader than FEELING, which counts only beside other evidence.
EMOTIONS: Final = frozenset({
    "嬉しい", "うれしい", "楽しい", "悲しい", "悔しい", "寂しい", "淋しい", "残念", "ショック", "がっかり", "感激",
    "感動", "驚く", "びっくり", "恥ずかしい", "懐かしい", "幸せ", "心残り", "泣く", "落ち込む", "感謝", "救う",
    "ほっと", "情けない", "腹立たしい", "切ない", "胸", "涙", "沁みる", "染みる", "うるっと", "誇らしい",
})
# A told past (〜た) or a feeling: what the writer lived, said without any other cue word
# (detectors.disclosure.lived and felt).
NARRATIVE_CUES: Final = frozenset({"た"}) | EMOTIONS
# Dates close at hand that make 〜のに a deadline pressing, as 〜まで does (退院は明後日なのに、まだ何もありません).
NEAR_DATES: Final = frozenset({"明日", "明後日", "あさって", "来週", "来月", "週末", "月末", "今週", "今週末",
                               "来週末"})
WORRY_CUES: Final = frozenset({
    "どう", "気", "休まる", "落ち着く", "眠れる", "寝付く", "思う", "困る", "か", "自信", "頭", "立つ", "まま",
    # どう in dialect (どないしよ), thinking of it (考えると), a body that shows it (胃が痛い), hoping it has
    # not happened (〜ないといい), how bad it would be (〜たらやばい), what stays on the mind (引っかかる)
    "どない", "どげん", "どがん", "どぎゃん", "どがい", "ど", "考える", "考え込む", "胃", "胸", "手", "心臓",
    "冷や汗", "背筋", "足", "息", "寝つき", "寝付き", "喉", "のど", "心地", "動悸", "良い", "やばい", "ヤバい",
    "手のひら", "掌", "指先", "お腹", "おなか", "血の気",
    "詰む", "かなう", "顔向け", "立ち直る", "立ち直れる", "顔", "引っかかる", "引っ掛かる", "かかる", "掛かる",
    # held back by it (〜ないかと、迷っています / 踏み切れずにいます)
    "ためらう", "躊躇う", "迷う", "踏み切る", "踏ん切り", "踏み出す",
    # a doubt they cannot shake (半信半疑), an outcome that may well come (〜かねない), a question they cannot
    # answer (見当がつかない / 判断がつかない / 〜たら、分からない), nerves (緊張している), a deadline feared
    # (このままだと間に合わない), a mind in a hurry (気が急く), a fear crossing the mind (頭をよぎる)
    "半疑", "かねる", "見当", "判断", "分かる", "わかる", "緊張", "間に合う", "急く", "よぎる", "過る",
    "見通し", "目処", "めど", "目途",
    # woken at night by the thought (〜と思うと、夜中に目が覚めて), a loss the feared condition brings
    # (〜たら、…なくなってしまいます / できなくなります)
    "覚める", "醒める", "しまう", "仕舞う", "ちゃう", "ちまう", "成る",
    # cornered, with no answer to give (説明に窮しております)
    "窮する",
    # a deadline (金曜までに届かなければ、当日つけていくものが何もありません): the case to come that makes
    # what a condition shuts the writer out of a fear (`worry.shut_out_if`), with no other cue word
    "まで",
    # a condition that may come (向こうで切れたら、運転もできません / 見つからなければ、連れて行くしかありません):
    # what it shuts the writer out of, said with no worry word (`worry.shut_out_if`)
    "たら", "だら", "ば",
}) | NEAR_DATES  # a date close at hand, before 〜のに (`worry.pressed_for_time`)
# Every word a request rule other than a question or a hedged 〜のですが starts from.
REQUEST_CUES: Final = frozenset({
    "頂く", "貰う", "呉れる", "下さる", "いただける", "もらえる", "頂ける", "ほしい", "欲しい", "願う", "お願い",
    "願い", "たい", "希望", "助かる", "ありがたい", "有り難い", "幸い", "幸甚", "安心", "構う", "結構", "大丈夫",
    "分かる", "わかる", "判る", "理想", "嬉しい", "うれしい", "最高", "OK", "ＯＫ", "思う", "考える", "存じる",
    "存ずる", "求める", "望む", "要望", "要求",
})
REQUEST_PREFIXES: Final = ("ください", "下さい", "くださ", "いただけ", "頂け", "もらえ", "貰え", "くれ")
PREFACE_CUES: Final = frozenset({"教える"})
# Words every hedge of detectors.request._HEDGES contains (できれば, なるべく, 可能であれば).
HEDGE_CUES: Final = frozenset({"出来る", "できる", "なるべく", "成る可く", "可能"})
# 「〜を探しています」: shopping, not telling (the veto detectors.disclosure.shopping).
SHOPPING_CUES: Final = frozenset({"探す"})
# 〜させてください: a causative, which with a preface verb announces instead of asking.
CAUSATIVE_CUES: Final = frozenset({"せる", "させる"})
_CUES: Final = (DISCLOSURE_CUES, HYPOTHETICAL_CUES, WORRY_CUES, REQUEST_CUES, PREFACE_CUES, HEDGE_CUES, SHOPPING_CUES,
         CAUSATIVE_CUES, NARRATIVE_CUES)
CUE_BIT: Final[dict[frozenset[str], int]] = {words: LIFE_INSIDE << (i + 1) for i, words in enumerate(_CUES)}

# Words the clause splitter (segment.split_clauses) stops at: brackets, every surface a
# connective can have, ため, and commas (where a 連用形 before 、 ends a clause).
CLAUSE_EDGE: Final = LIFE_INSIDE << (len(_CUES) + 1)
_CLAUSE_WORDS: Final = frozenset("「」『』（）()【】“”") | frozenset({
    "ので", "で", "から", "ため", "為", "が", "けど", "けれど", "けれども", "のに", "て", "ながら", "し",
    "、", "，", ",",
})
_CONJUGATING: Final = ("動詞", "形容詞", "助動詞")

# Bits for topics (topics.py), from the part of speech and exact forms:
# a word that can be part of a compound noun (名詞, 接頭辞, noun-like 接尾辞),
# a formal noun (never a topic alone), and a word that says little about the
# subject (time words, suffixes, the writer, family, worry words).
NOUN_PART: Final = CLAUSE_EDGE << 1
FORMAL: Final = CLAUSE_EDGE << 2
WEAK: Final = CLAUSE_EDGE << 3


def _exact(surface: str, lemma: str, norm: str, words: frozenset[str]) -> bool:
    return surface in words or lemma in words or norm in words


def classes_of(surface: str, lemma: str, norm: str, main: str, sub: str = "", kind: str = "") -> int:
    """The bits of every class the word belongs to (computed once per distinct word).

    `sub` and `kind` are the second and third part-of-speech fields (普通名詞, 副詞可能).
    """
    bits = 0
    if main in ("名詞", "接頭辞") or (main == "接尾辞" and sub == "名詞的"):
        bits |= NOUN_PART
    if _exact(surface, lemma, norm, FORMAL_NOUNS):
        bits |= FORMAL
    if (kind == "副詞可能" or main == "接尾辞" or _exact(surface, lemma, norm, WORRY)
            or _exact(surface, lemma, norm, SELF) or _exact(surface, lemma, norm, FAMILY)):
        bits |= WEAK
    noun = main == "名詞"
    for words, bit in BIT.items():
        if _member(surface, lemma, norm, noun, words):
            bits |= bit
    if surface in _CLAUSE_WORDS or lemma in ("ため", "為") or norm in ("ため", "為"):
        bits |= CLAUSE_EDGE
    for words, bit in CUE_BIT.items():
        if surface in words or lemma in words or norm in words:
            bits |= bit
    if surface.startswith(REQUEST_PREFIXES):
        bits |= CUE_BIT[REQUEST_CUES]
    if surface in LIFE or lemma in LIFE or norm in LIFE or any(len(w) >= 2 and w in surface for w in LIFE):
        bits |= LIFE_INSIDE
    return bits
