"""Each named rule of the detectors (app/analysis/detectors) on its own: one sentence it fires on, one near miss.

A rule is asked the way its detector asks it (only where the class bits it needs
are present), on every clause of the sentence; a disclosure rule also on the whole
sentence, as `label_sentence` asks a sentence with no request or worry in it.
"Fires" is a cue (request, worry), a veto's NOT, or points (disclosure evidence).
The sentences are written for these tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.analysis import detectors
from app.analysis.detect import label_sentence
from app.analysis.detectors import disclosure, request
from app.analysis.detectors.common import DISCLOSURE_ANY, DISCLOSURE_CUE, NOT, Evidence, Rule, content_of, unquoted
from app.analysis.segment import Clause, Link, split_clauses
from app.analysis.tokenizer import Token, tokenize

pytestmark = pytest.mark.usefixtures("rules_alone")

# rule name: (sentences it fires on, near misses it must not fire on)
CASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # ------------------------------------------------------------ request
    "preface": (("いくつか質問があります。", "質問させてください。", "二点ほど教えていただけますか。"),
                ("サイズについて質問があります。", "教えていただけますか。")),
    "greeting_question": (("店長さん、お変わりありませんか。", "皆さまお元気でしょうか？", "おじさん、げんき？",
                           "年末のお疲れが出ていませんか。", "急に冷えましたが体調を崩されていませんか。",
                           "手首のお怪我はその後いかがですか。", "皆さま、その後お過ごしでしょうか。"),
                          ("箱の大きさに変わりはないでしょうか。", "前回と色の変わりはありますか。",
                           "枯れかけた鉢でも元気にできますか。", "修理した時計の具合はいかがですか。")),
    "rhetorical": (("予約した意味がなかったのではないでしょうか。", "あの時の手紙を覚えていますか？",
                    "あの言葉にどれほど励まされたか。", "子どもが待たされるのは当然ということか。",
                    "母親として何がいけないのか？", "なぜ受付でこんな言い方をされなければならないのでしょうか。",
                    "こちらが黙って払うとでも思っているのでしょうか。", "この待ち時間の長さは如何なものでしょうか。",
                    "この悔しさがわかりますか？", "あの角のお店があってどんなに心強いか。",
                    "それは客なのではありませんか。", "窓口の人数が少なすぎませんか？",
                    "夕方が空いているのは駅から遠いからでしょうか。", "寒さのせいでしょうか。",
                    "これが一期一会というものでしょうか。", "あの場で一言注意すればよかったのではないでしょうか。",
                    "窓口の担当者の仕事ではないのか？", "うちの犬も分かっているのでしょうかね？",
                    "果たしてこの検査は本当に必要でしょうか。", "電話を途中で切るのが、御社の接客なのでしょうか。",
                    "これが老舗の味なんですか？"),
                   ("この箱だとご迷惑ではないでしょうか。", "在庫はないでしょうか。", "どの色が人気ですか？",
                    "放送の音量をもう少し下げられないものか。",
                    "駅に看板を出せばもっと人が来るのでは？", "・来月から料金はどうなるのか",
                    "なぜ配送が三日も遅れたのでしょうか。", "どれほど大きいですか？",
                    "当日の服装はいかがでしょうか。", "この使い方で分かりますか？",
                    "届かないのは番地が違うからでしょうか？", "説明会は何時からでしょうか。",
                    "送料だけでも安くならないものでしょうか。", "返品も受け付けても良いのでは。",
                    "在庫はまだあるのでしょうか？", "送料は無料なのでしょうか。", "これは何の部品なのでしょうか。")),
    "question": (("在庫はありますか。", "これって防水？"), ("どうしてなんだろう？", "覚えられるかどうか…")),
    "formula_only": (("ご検討いただければ幸いです。",), ("サンプルを送っていただければ幸いです。",)),
    "please": (("サイズをMに変更してください。", "担当の方に日程をお伝えください。", "ご確認くださいませ。",
                "今後は午前中に届けてください。"),
               ("これからも頑張ってください。", "確認させてください。", "丁寧に包んでくださいました。",
                "いつも声をかけてくださいますね。", "寒いので体調に気をつけてくださいね。",
                "無理しないでくださいね。", "ずっとパンを焼いてください。", "今のままでいてください。",
                "店長にもよろしくお伝えください。", "難しければ遠慮なく断ってください。",
                "興味がなければ読み飛ばしてください。", "おばあちゃんになってもお店を続けてください。",
                "ささやかですが、どうぞお受け取りください。", "いつも親身に相談にのってください有難うございます。",
                "母には先に食べてくださいと勧めました。")),
    "benefactive": (("名入れをしていただけますか。", "ラッピングしていただけると助かります。",
                     "式は花を少なめにしていただければと願っております。", "日付だけ変えてほしいということです。"),
                    ("先日は丁寧に教えていただけました。", "まだお返事をいただけていません。",
                     "せめて一言連絡をいただきたかったです。", "全額返してほしいとは申しません。",
                     "二つ教えていただきたいことがあります。", "当日は駅まで送っていただけるとのことでした。",
                     "先に言っていただければ、別の日にできたはずです。", "祖父に選んでもらえればと思っています。",
                     "説明してもらいたいと申し出たところ、断られました。", "孫にはのびのび育ってほしいと願っています。",
                     "代金を返してほしいということではありません。")),
    "onegai": (("同じ色で再送をお願いします。", "包装を二つに分けるのをお願いできますか。",
                "今後は午前中に届くようお願いします。"),
               ("今後とも皆さまに愛されるお店であるようお願い申し上げます。",
                "写真を同封しましたので、どうぞお受け取りくださいますようお願いいたします。",
                "お願いがございます。", "発表会の後にお願いしようと思っています。",
                "来年も店長をよろしくお願いします。", "急なお願いにも応えてくださいました。",
                "毎年の剪定をお願いしてきました。", "業者にお願いする際に迷いました。",
                "急ぎの修理をお願いできるお店を探しています。", "兄にも口添えをお願いしやっと許してもらえました。")),
    "wants": (("送料がいくらか知りたいです。",),
              ("ご相談したいことがあってご連絡しました。", "お聞きしたいのは保証のことです。",
               "カバーの色についてお聞きしたくご連絡させていただきました。")),
    "final_wish": (("返品したいのですが。",), ("返品したいのですが、可能ですか。",)),
    "order_intent": (("こちらのセットを購入しようと思います。",), ("こちらのセットを購入しようと思っています。",)),
    "wanted_thing": (("同じものがあと2個欲しいです。",), ("前からずっと欲しかったです。",)),
    "wish_to_ask": (("納期についてあわせて伺えればと思います。",), ("来年は家族で伺えればと思います。",)),
    "hope": (("午前中の配達を希望します。", "駐輪場の屋根の修理を要望します。", "担当者からの説明を求めます。",
              "冬場も送迎バスの運行を望みます。"),
             ("午前中の配達を希望しましたが、届きませんでした。", "何度も説明を求めましたが、返事はありません。",
              "そこまでの補償は求めません。", "娘は静かな環境を望んでいます。",
              "長いあいだ悩んだり希望したりしてきました。", "これからも教室を続けられることを希望いたします。",
              "下記について要望したい。")),
    "glad_if": (("早めに発送していただけると助かります。",), ("最後まで読んでいただけたら嬉しいです。",
                                                       "息子が「できた」と嬉しそうに話してくれました。")),
    "hedged": (("できれば水曜までに。",), ("できれば良かったです。",)),
    "alternative": (("後日送っていただく形でも構いません。",), ("後日送っていただきました。",)),
    "indirect_question": (("どれを選べばいいのかよく分かりません。",),
                          ("足りるのかも分かりません。", "あの一言にどれだけ助けられたか分かりません。",
                           "正直、どこに置けばいいのか分かりません。", "それが正しかったのか分かりません。")),
    "proposal": (("待合室にも時計を置くべきだと思う。", "番号札を配れば良い。", "雨の日は入口にマットを敷くとよい。",
                  "土曜の午後も開けても良いのでは。", "電話の受け方を見直す必要がある。",
                  "駐車場の案内をもう少し工夫してみては。"),
                 ("私がもっと早く伝えるべきでした。", "週末は晴れるといいですね。", "駅にもっと近ければいいのに。",
                  "どこに置けばいいか迷っています。", "小さいものに替えるべきか迷っています。",
                  "本来なら店でやるべきなのでしょうが、家で祝うことにしました。",
                  "手術を受ける必要があると言われました。", "友人から「一度相談してみては」と言われました。",
                  "友人さんから相談してみては！")),
    "better_way": (("受付では番号より名前で呼ぶ方が親切だと思います。",
                    "予約の確認は前日にメールで送るのがいいと思います。", "駐車場の案内板は入口に置いた方が良い。",
                    "閉館の放送はもう少し早めに流した方が親切だと思われる。"),
                   ("私も早めに予約した方がいいと思います。", "色はMサイズの方がいいと思います。",
                    "いつも丁寧に説明してくれるのがいい。", "早めに行った方がいいと思って、朝一番に並びました。",
                    "早めに行った方がいいと思いました。", "どちらに置いた方がいいと思いますか。")),
    "wished_otherwise": (("カップがもう少し軽かったら良かったです。", "待合室がもっと静かだと良かった。"),
                         ("もっと早く行けば良かったです。", "私がもう少し若ければ良かったです。",
                          "もう少し軽かったら良かったのですが、これで十分です。", "カップが軽かったら良かったです。")),
    # ------------------------------------------------------------ worry
    "anothers_feeling": (("本人はずいぶん不安なようです。",), ("私はずいぶん不安です。",)),
    "no_confidence": (("うまく使えるか自信がないです。", "双子を一人で見られる自信がありません。",
                       "細かい字は読み落としそうで自信がありません。"),
                      ("昔は自信がなかった。", "裁縫はまったく自信がありません。")),
    "worry_not_held": (("本人の不安が和らぐよう、事前に見学させていただけますか。",
                        "夫の不安を和らげる方法はありますか。", "娘は注射が怖いそうです。",
                        "そういう不安とか、もう少し汲んでほしいです。",
                        "大げさな表示がお客様に不安を与えると思います。",
                        "その一言が利用者の不安を増進させています。", "怖い話ばかり耳に入ってきます。",
                        "内容に怖い場面がある絵本は避けたいです。"),
                       ("私の不安は、納期に間に合うかどうかです。", "日に日に不安を募らせています。",
                        "こういう不安を抱えています。", "届くのが遅れないか心配です。", "怖い気持ちでいっぱいです。",
                        "隣の人が怖い人だったらどうしよう。", "本人の不安が和らぐか、私も心配です。")),
    "worry_word": (("届くのが遅れないか心配です。", "母が疲れないかと案じております。",
                    "一人で運べるか心もとないです。", "間に合うのか不安で仕方ありません。",
                    "母が一人で大丈夫か心配です。", "子どもはまだ一人目ですが、次の子を産むのは不安です。"),
                   ("心配はしていません。", "ご心配をおかけしました。", "娘は注射を怖がっています。",
                    "妻はかなり緊張しています。", "主人にも心配されています。",
                    "祖母は一人で通えるか不安だと話しています。", "腰に不安がある方でも参加できますか。",
                    "夜道を一人で歩くのは怖いものですね。", "皆様の温かい心配りに感謝しております。")),
    "doushiyou": (("サイズが合わなかったらどうしよう。", "間に合わんかったらどないしよ。",
                   "友達ができなかったらどうしようかと考えてしまいます。"), ("どうしようか迷っています。",)),
    "ki_ga_ki_denai": (("発送されていたらと思うと気が気ではありません。",), ("気が利く店員さんでした。",)),
    "restless": (("届くか気になって夜も眠れません。", "返事が来るまで気持ちが落ち着きません。",
                  "数値が高いと聞いてから、なおさら落ち着かなくて。",
                  "どこまで知られたのか、それを考えると落ち着いて家事もできません。"),
                 ("赤ちゃんの夜泣きで眠れません。", "落ち着いた声の案内がなかったら、どうなっていたか。",
                  "人が多いと落ち着かないので、平日に伺います。", "予定が変わると落ち着かない性分です。",
                  "朝の散歩を休むと、どうにも落ち着かないのです。", "静かな部屋だと落ち着いて勉強ができます。")),
    "kept_awake_last_night": (("手術で何かあったらと思うと、昨夜はほとんど眠れませんでした。",
                               "合格できるのかと考えると、ゆうべは一睡もできませんでした。"),
                              ("昨夜は子どもが熱を出してほとんど眠れませんでした。",
                               "もし気づかずに飲ませていたらと思うと、昨夜は眠れませんでした。",
                               "息子は試験に落ちたらと考えて、昨夜は眠れなかったようです。",
                               "その晩は心配で眠れませんでした。")),
    "told_as_past": (("初めての教室で怖くて途中で帰りました。", "その晩は心配で眠れませんでした。"),
                     ("心配になってご連絡しました。", "怖くなってしまいました。")),
    "feared_thought": (("もう発送されていたらと思うと不安です。", "工事が長引くのではと考えると落ち着きません。",
                        "この先いつまで続くのかと思うと気が重いです。"),
                       ("もう発送されていたらと思います。", "孫が喜ぶだろうと思うと楽しみです。",
                        "あのとき気づかなかったらと思うと、今でもぞっとします。")),
    "whether_able": (("使い方を覚えられるかどうか…。",), ("覚えられるかどうか教えてください。",)),
    "feared_trouble": (("間に合わないと困ります。", "週末までに届かないと本当に困る。", "返事が来なかったら困ります。",
                        "荷物が届かないと困ります。"),
                       ("在庫がなくて困っています。", "黒でないと困ります。", "大きすぎる箱だと困ります。",
                        "鍵が使えないと困るので、今日中に来ていただけますか。",
                        "通勤に使うので、車がないと困ってしまいます。",
                        "夫がよく食べるので、量が減ると困ります。")),
    "trouble_to_come": (("間に合わないと食事をする場所がなくて困ってしまいます。",),
                        ("場所がなくて困ってしまいました。",)),
    "nervous": (("ちゃんと届くのかドキドキしています。", "入園式の前の晩から私のほうがそわそわしています。",
                 "本当に直るのか、ずっとモヤモヤしています。"),
                ("発売日が楽しみでドキドキしています。", "前の晩はドキドキしていましたが、すぐ眠れました。",
                 "娘は朝からそわそわしているようです。", "息子の試合を見ていて、私までドキドキしています。")),
    "nerves_now": (("来週の面談を前に、今からもう緊張しています。", "人前で話すのは久しぶりで、少し緊張しております。"),
                   ("面接ではひどく緊張しました。", "息子は明日の試合で緊張しているようです。",
                    "緊張していた弟も最後は笑っていました。")),
    "half_believing": (("この値段で本当に直るのか半信半疑です。", "毎日続けられるか、正直半信半疑なのですが。"),
                       ("半信半疑で一口食べてみました。", "最初は半信半疑でした。", "夫はまだ半信半疑のようです。")),
    "no_idea": (("工事の費用がいくらになるのか、見当もつきません。", "今の薬を続けてよいのか判断がつきかねております。",
                 "春までに家を空けられるのか、まるで見通しが立ちません。"),
                ("素人なので見当がつきません。", "鍵がどこにも見当たりません。",
                 "どこから手をつけてよいのか見当もつきませんでした。",
                 "素人の私には、どれが良いのか判断がつきません。")),
    "at_a_loss_if": (("もし今月も収入が減ったら、家賃を払えるのかどうかも分かりません。",
                      "また断られたらと思うと、どうしていいのか分からなくなります。"),
                     ("どうしたらいいのか分かりません。", "届くかどうか分からないので、教えてください。",
                      "電話が来たら、何と答えたらいいのか分かりませんでした。",
                      "あの薬がなかったら、どうなっていたか分かりません。")),
    "risk_on_mind": (("肌に使うものなので、安全性が気になります。",), ("Lサイズが気になっています。",)),
    "whether_on_mind": (("サイズが合うか気になっています。",),
                        ("新作が気になっています。", "いくつか気になっている点を書きます。")),
    "memory_on_mind": (("別れ際の母の顔が、今も頭から離れません。", "あれから、あの曲が頭から離れないんです。",
                        "家に帰ってからもずっと頭から離れなくて。"),
                       ("検査の結果がずっと頭から離れません。", "落ちたらどうしようという思いが頭から離れません。",
                        "また倒れるのではないかと、母の顔が頭から離れません。", "家から離れない猫です。")),
    "preoccupied": (("検査の結果がずっと頭から離れません。", "費用のことで夫婦で頭を抱えております。",
                     "息子の帰りが遅くて居ても立ってもいられません。", "天候のことで昨夜から気を揉んでおります。",
                     "このままでは締め切りに間に合わなくなってしまいます。",
                     "返事が来ないまま、二人で気をもんでいます。", "締め切りが近くて気が急いています。",
                     "この膝で最後まで走れるのか、毎朝頭をよぎります。"),
                    ("検査の結果が頭から離れませんでした。", "このままでは使えません。",
                     "ふと子どもの頃の景色が頭をよぎります。")),
    "feared_maybe": (("入学式に間に合わないのではないかと、夜も落ち着きません。", "息子が泣いてしまうんじゃないか。",
                      "発表会の途中で娘が飽きて、じっとしていられなくなるのではないか。",
                      "親が来ていることを同級生に知られたら、からかわれるのではないか。",
                      "店を畳まなあかんようになるんちゃうかって。"),
                     ("配送中にぶつけたのではないかと思います。", "こちらの方がいいのではないでしょうか。",
                      "きっと喜んでくれるんじゃないかなと思っています。",
                      "駐輪場を増やせば、駅前の混雑も減るのではないか。",
                      "そもそも窓口を分ける必要がないのではないか。")),
    "anxious_body": (("発表の日が来るのかと思うと胃が痛いです。", "請求書を見るたびに手が震えます。",
                      "面接のことを考えただけで手が震えます。",
                      "このところ食事が喉を通りません。",
                      "試着室に入るところを想像しただけで手のひらが汗ばんできます。",
                      "審査の通知が届くのかと思うと、指先が冷たくなります。",
                      "説明会で名前を呼ばれるのを考えるだけでお腹が痛くなります。",
                      "窓口の名前を聞いただけで喉がからからになります。",
                      "着信音が鳴るたびに心臓が跳ね上がります。"),
                     ("最近胃が痛くて病院に行きました。", "青魚はどうしても喉を通りません。",
                      "冬になると指先が冷たくなります。", "辛いものを食べるとお腹が痛くなります。",
                      "一度使っただけで取っ手が外れました。", "走ったあとは喉がからからになります。",
                      "重い鍋を押さえているだけで手が震えてしまいます。",
                      "あの日を思い出しただけで手が冷たくなります。")),
    "woken_by_thought": (("そのことを考えると、夜中に目が覚めてしまいます。",
                          "契約が切れたらと思うと、明け方に目が覚めます。",
                          "本当に治るのか、夜中に何度も目が覚めます。"),
                         ("子どもが夜泣きするので、夜中に何度も目が覚めてしまいます。",
                          "物音がするたびに目が覚めます。",
                          "娘はそのことを考えると夜中に目が覚めるようです。",
                          "あのとき止めなかったらと思うと、今でも夜中に目が覚めます。",
                          "夜も痛みで何度か目が覚めます。")),
    "ruminating": (("間に合うかどうか、毎晩そればかり考えてしまいます。", "本番で失敗したらと考え込んでしまいます。"),
                   ("週末どこに行こうか考えています。", "献立のことばかり考えています。")),
    "hope_not": (("内部まで壊れていないといいのですが。",), ("気に入ってもらえるといいのですが。",
                                                      "ご迷惑でなければよいのですが。")),
    "dire_outcome": (("このまま工事が止まったら、店を閉めるしかなくなってしまいます。",
                      "来週までに直らないと、発表会に出られなくなっちゃう。",
                      "このまま止まっていると、期限までに仕上がらなくなってしまいます。",
                      "もし仕事を休めなくなったら、娘の送り迎えができなくなります。"),
                     ("洗濯機で洗うと縮んでしまいます。",
                      "もし気づかずに渡していたら、大変なことになってしまうところでした。",
                      "手が滑ったら、落としてしまいますよね。",
                      "雨が降ったら、洗濯物が濡れてしまうので、取り込んでいただけますか。",
                      "締め切りに遅れたら、先方に迷惑をかけてしまいますか。",
                      "ベルトを締めないと、ズボンがずり落ちてしまいます。",
                      "やっと寝たと思ったら、物音で起きてしまい、また最初からです。",
                      "拡大したら、文字が途中で切れてしもてるんです。",
                      "会員登録をすると、広告が表示されなくなります。",
                      "薬を飲み始めたら、夜中に目が覚めなくなりました。")),
    "pressed_for_time": (("発表会まであと十日しかないのに、まだ衣装が一つも決まっていません。",
                          "引っ越しは来週なのに、荷造りがまだ何もできていません。",
                          "締め切りが明日なのに、何から書けばいいのか分かりません。"),
                         ("先週予約したのに、まだ確認のメールが来ません。",
                          "試験は来週なのに、受験票がまだ届いていません。",
                          "引っ越しは来週なのに、荷造りが終わっていないのですか。",
                          "式は明日なのに、まだ返事もありません。",
                          "提出は来月なのに、もう書類を出さなければなりません。",
                          "昨日は雨だったのに、今日は晴れています。",
                          "来週なのに、準備ができていませんでした。")),
    "shut_out_if": (("来週の月曜までに間に合わないと、面接に着ていくスーツがありません。",
                     "このままでは年末の集まりで使えません。",
                     "このままでは週末の発表会に出られません。",
                     "期日までに返事が来ないと、予約の枠を手放すことになります。",
                     "締め切りまでに間に合わないと他に出せる作品ないんです。",
                     "金曜までに届かなければ、当日履いていく靴が一足もありません。",
                     "月末までに鍵が戻らないと、息子は自分の部屋で過ごせません。",
                     "連休前までに直らなければ、店を開けられない状態になります。",
                     "それまでに部品が揃わないと、娘は発表会に一人だけ違う衣装で出ることになります。",
                     "向こうで電池が切れたら、地図もなく一人では帰れません。",
                     "このまま値上げが続いたら、習い事を一つやめさせるしかなくなります。",
                     "もし預け先が見つからなければ、仕事を休むしかありません。"),
                    ("会員登録しないと注文できません。", "もし在庫がなければ、取り寄せはできませんか。",
                     "それまでに書類を揃えておかないといけません。", "月末までに提出しなければいけません。",
                     "雨が降ったら、中止にするしかありませんか。", "母が来たら、一緒にお願いするかもしれません。",
                     "自分で直すしかなくなりました。",
                     "息子は、このままでは試合に出られないと言っています。",
                     "このままでは使えませんでした。", "届かない場合はご連絡ください。",
                     "もし雨が降ったら、お伺いするかもしれません。", "もし晴れたら、外ではなく中庭でお願いします。",
                     "こんな対応をされたら、信じられません。",
                     "祝日にかかると窓口は使えないので、平日に伺います。",
                     "今でも、あの時届かなかったら式に出られませんでした。")),
    "cornered": (("取引先への説明に窮しております。", "正直なところ、お客様へのお返事に窮しています。"),
                 ("あの時は返答に窮しました。", "担当者は説明に窮しています。", "この部屋は窮屈です。",
                  "説明に窮しておりますので、経緯を教えてください。")),
    "may_well_happen": (("この不具合が続けば、取引先の信用を失いかねません。",
                         "放っておくと大きな事故になりかねない。"),
                        ("その件は当方では判断いたしかねます。",
                         "大事になりかねなかったところを助けていただきました。")),
    "too_late_if": (("このペースだと、どう頑張っても締め切りに間に合いません。",
                     "今から始めないと本番に間に合いそうにありません。", "急がないと間に合いません。"),
                    ("仕事帰りだと間に合わないので、遅い時間にしてほしいです。", "雨だと間に合わない日が多いです。",
                     "このままだと間に合わないと諦めています。")),
    "dire_if": (("このまま届かなかったらマジでやばいです。", "免許が取れなかったら詰む。",
                 "間に合わなかったら親戚に顔向けできません。"), ("このケーキはやばいです。",)),
    "what_becomes": (("もし私が倒れたら、夫はどうなるのだろう。",),
                     ("解約した場合はどうなるのでしょうか。", "その場合どうなるのかを教えてください。")),
    "on_mind_now": (("同じことにならないか少し引っかかっています。", "傷が残るのではと気になっています。",
                     "熱が下がらないのが気になって仕方ありません。", "声が沈んでいて、少し気になっとります。",
                     "また同じ熱が出ないか、どうしても気になってしまいます。", "一番気になっているのは費用です。",
                     "声に元気がなかったけん、ちょっと気になっとります。",
                     "顔色が悪い気がして、正直なところ、少し気になっています。",
                     "窓を開けたままだったことも気になっています。", "それだけがずっと引っかかっています。"),
                    ("新作のバッグが気になっています。", "ずっと気になっていた戸建てです。",
                     "ひとつ気になっていることがあります。", "袖が釘に引っかかっています。",
                     "何か気になることがあればご連絡ください。", "すっかりその気になっております。")),
    "held_back": (("周りの迷惑にならないかと、申し込みをためらっています。",
                   "また同じことになったらと、なかなか踏み切れずにいます。"),
                  ("赤と青のどちらにするか迷っています。", "次は迷わずお願いします。")),
    # ------------------------------------------------------------ disclosure: vetoes
    "hypothetical_only": (("もし子どもが生まれたら使いたいです。",), ("子どもが生まれました。",)),
    "someone_elses": (("御社は来月から営業時間が変わるそうですね。",), ("私は来月から勤務時間が変わります。",)),
    "delivery_fact": (("金曜日に届く予定です。",), ("前回は3日で届いたので助かりました。",)),
    "customer_role": (("去年から定期便を利用している者です。",), ("去年から母の定期便を利用している者です。",)),
    "name_only": (("来月から担当する山田と申します。",), ("来月から担当する山田と申す者です。",)),
    "name_with_order": (("来週の土曜日に予約している山田です。",), ("来週の土曜日に予約している山田の娘です。",)),
    "shopping": (("以前から軽いリュックを探しています。",), ("以前から母のために軽いリュックを探しています。",)),
    "gratitude_only": (("スタッフの皆様に心から感謝しております。", "感謝の気持ちでいっぱいです。"),
                       ("母の介護でお世話になった皆様に感謝しております。", "感謝をお伝えしたくて筆をとりました。")),
    # ------------------------------------------------------------ disclosure: what the learned layer may not add
    # (asked of a sentence inside a quotation that runs over several sentences)
    "anothers_words": (("ドアが閉まります。", "お湯はいつでも沸かせますよ。"),
                       ("娘さんはもう走れますね。", "お母さんの具合はいかがですか。")),
    # ------------------------------------------------------------ disclosure: evidence on the clause
    "personal": (("妻が楽しみにしています。",), ("子ども用のサイズはありますか。",)),
    "life_event": (("来月結婚します。", "広報を担当しております。"), ("介護用品はありますか。",)),
    "circumstances": (("賃貸のマンションに住んでいます。",),
                      ("商品が届きました。", "どうかお体を大切になさってください。", "二つ目は箱の大きさのことです。",
                       "運転手さんの声がとても聞き取りやすかったです。")),
    "feeling": (("娘の入学がとても嬉しいです。",), ("楽しみにしております。",)),
    # ------------------------------------------------------------ disclosure: evidence at a cue word
    "plan_word": (("来年は北海道に移住するつもりです。",), ("来年は北海道に移住します。",)),
    "own_plan": (("来月引っ越しをする予定です。",), ("金曜日に届く予定です。",)),
    "own_date": (("引き渡しは十二月二十日の予定です。",), ("発送は十二月二十日の予定です。",)),
    "past_experience": (("前回注文したときはすぐ届きました。",), ("前回の商品と同じものはありますか。",)),
    "budget": (("予算は2万円くらいです。",), ("予算はあまりありません。",)),
    "own_schedule": (("午前中が都合がよいです。",), ("ご都合のよい時にご連絡ください。",)),
    "first_time": (("通販で買うのは初めてです。",), ("初めての通販で緊張しています。",)),
    "aptitude": (("機械に弱くて困っています。", "料理が苦手です。"), ("弱い力でも開けられますか。",)),
    "intended": (("来年リフォームしようと考えています。",), ("そう考えています。",)),
    "done_for_good": (("古い机を処分してしまった。",), ("荷物が壊れてしまった。",)),
    "decided": (("来月から転勤することになりました。",), ("こんなことになり、残念です。",)),
    "just_did": (("先月引っ越したばかりです。",), ("昨日注文したばかりです。",)),
    "went_through": (("以前、入院したことがあります。",), ("以前、注文したことがあります。",)),
    "senses": (("最近、小さい字が見えにくいです。",), ("ここからよく見えます。",)),
    "actually": (("実は母が入院しています。",), ("実に良い品でした。",)),
    "longed_for": (("念願のマイホームを建てました。",), ("念のため確認します。",)),
    "wish_that_explains": (("家族で使いたくて、大きいサイズを選びました。",), ("大きいサイズを使いたいです。",)),
    "unfamiliar": (("パソコンに詳しくないので、教えてください。",), ("パソコンに詳しい人がいます。",)),
    "at_a_loss": (("何も分からないので、教えてください。",), ("何も分からないです。",)),
    # ------------------------------------------------------------ disclosure: evidence after the cue words
    "cannot": (("賃貸なので壁に穴をあけられません。",), ("壁に穴をあけられません。",)),
    "ongoing": (("毎朝ジョギングをしています。",), ("毎朝ジョギングをします。",)),
    "lived": (("今日はじめて船に乗りました。", "坂道で転びそうになりました。", "久しぶりに湖まで歩いたんです。"),
              ("店長さんが丁寧に説明してくださいました。", "昨日、荷物が届きました。", "箱の角も潰れていました。",
               "もう発送されたのでしょうか。", "先ほどご連絡しました。",
               "受付で長く待つように言われました。", "先週見たコートは本当に素敵でした。")),
    "felt": (("正直、とても悔しかったです。", "想像以上の仕上がりに感激しております。"),
             ("早めに届くと嬉しいです。", "店員さんもびっくりしていました。",
              "こんなことになるなんて、ショックです。")),
}

# Rules that fire on no sentence with today's dictionary (none now: `actually` looked for 実は as
# one word, which Sudachi always splits into 実 + は, until it was fixed after the refactor).
SILENT: frozenset[str] = frozenset()

_BY_NAME: dict[str, tuple[str, str, Rule | Evidence]] = {r.name: (label, where, r)
                                                          for label, where, r in detectors.registered()}


def _clauses(sentence: str) -> tuple[list[Clause], str]:
    end = "？" if sentence.rstrip("。").endswith(("?", "？")) else "。"
    return split_clauses(tokenize(sentence)), end


def _disclosure_units(clauses: list[Clause]) -> list[disclosure.Told]:
    """Each clause (a reason clause as a reason) and the whole sentence, as `disclosure_evidence` sees them."""
    units = [disclosure.Told(list(c.content), c.bits, c.link is Link.REASON) for c in clauses]
    bits = 0
    for c in clauses:
        bits |= c.bits
    units.append(disclosure.Told(content_of([t for c in clauses for t in c.tokens]), bits, False))
    return [u for u in units if u.bits & DISCLOSURE_ANY and u.toks]


def _needed(rule: Rule | Evidence, bits: int) -> bool:
    return not rule.needs or bool(bits & rule.needs)


def _asked_at(rule: Rule | Evidence, t: Token) -> bool:
    """A rule at a token is asked at `t` (the words it starts from, as its detector's index says)."""
    return not rule.at or t.in_(rule.at)


def _disclosure_fired(told: disclosure.Told) -> set[str]:
    """The disclosure rules that fire on `told`, each at its stage (a veto does not stop the others here)."""
    fired: set[str] = set()
    for rule in detectors.DISCLOSURE_VETOES:
        if _needed(rule, told.bits) and rule.test(told) == NOT:
            fired.add(rule.name)
    for evidence in detectors.DISCLOSURE_EVIDENCE:
        if _needed(evidence, told.bits) and (points := evidence.test(told)):
            fired.add(evidence.name)
            _add(told, evidence, points)
    if told.bits & DISCLOSURE_CUE:
        for i, t in enumerate(told.toks):
            if not t.classes & DISCLOSURE_CUE:
                continue
            counted = False
            for evidence in detectors.DISCLOSURE_AT:
                if _asked_at(evidence, t) and (points := evidence.test(told, i)):
                    fired.add(evidence.name)
                    if not counted:
                        _add(told, evidence, points)
                        counted = True
    for evidence in detectors.DISCLOSURE_AFTER:
        if _needed(evidence, told.bits) and (points := evidence.test(told)):
            fired.add(evidence.name)
            _add(told, evidence, points)
    for rule in detectors.DISCLOSURE_LAST_VETOES:
        if _needed(rule, told.bits) and rule.test(told) == NOT:
            fired.add(rule.name)
    return fired


def _add(told: disclosure.Told, evidence: Evidence, points: int) -> None:
    if evidence.lexical:
        told.lexical += points
    else:
        told.grammatical += points


def _fires(name: str, sentence: str) -> bool:
    label, where, rule = _BY_NAME[name]
    clauses, end = _clauses(sentence)
    if label == "request":
        assert isinstance(rule, Rule)
        return any(_needed(rule, c.bits) and rule.test(request.Asked(
            c, i == len(clauses) - 1, end, clauses[i - 1].tokens[-1].surface if i and clauses[i - 1].tokens else ""))
                   for i, c in enumerate(clauses))
    if label == "worry":
        assert isinstance(rule, Rule)
        for c in clauses:
            if not c.bits & detectors.WORRY_NEEDS:
                continue
            if where == "clause":
                if _needed(rule, c.bits) and rule.test(c):
                    return True
                continue
            toks = unquoted(c.tokens)
            if any(_needed(rule, t.classes) and _asked_at(rule, t) and rule.test(toks, i) for i, t in enumerate(toks)):
                return True
        return False
    if where == "learned veto":
        # What the learned layer may add is asked of the whole sentence, as if it were quoted at length.
        return not detectors.learned_may_add(tokenize(sentence), quoted=True)
    return any(name in _disclosure_fired(told) for told in _disclosure_units(clauses))


_FIRES = [(name, s) for name, (fires, _) in CASES.items() for s in fires]
_MISSES = [(name, s) for name, (_, misses) in CASES.items() for s in misses]


@pytest.mark.parametrize(("name", "sentence"), _FIRES)
def test_the_rule_fires(name: str, sentence: str) -> None:
    assert _fires(name, sentence), f"{name} should fire on {sentence}"


@pytest.mark.parametrize(("name", "sentence"), _MISSES)
def test_the_rule_leaves_the_near_miss_alone(name: str, sentence: str) -> None:
    assert not _fires(name, sentence), f"{name} should not fire on {sentence}"


def _docstrings() -> dict[str, str]:
    """Every function's docstring in the detectors' modules, read from the sources (the compiled ones keep none)."""
    folder = Path(__file__).resolve().parents[2] / "app" / "analysis" / "detectors"
    out: dict[str, str] = {}
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                out[node.name] = ast.get_docstring(node) or ""
    return out


def test_every_registered_rule_has_a_docstring_and_its_cases() -> None:
    docs = _docstrings()
    registered = detectors.registered()
    names = [r.name for _, _, r in registered]
    assert len(names) == len(set(names)), "two registered rules share a name"
    for name in names:
        assert docs.get(name, "").strip(), f"{name}: no docstring saying what it catches and why"
        fires, misses = CASES.get(name, ((), ()))
        assert (fires or name in SILENT) and misses, f"{name}: needs a sentence it fires on and a near miss in CASES"
    assert set(CASES) == set(names), f"cases for rules not registered: {set(CASES) - set(names)}"


@pytest.mark.parametrize("sentence", sorted({s for fires, misses in CASES.values() for s in (*fires, *misses)}))
def test_a_rule_at_a_token_says_every_word_it_starts_from(sentence: str) -> None:
    """A rule at a token fires only at the words of its `at` (the index never hides a verdict)."""
    clauses, _ = _clauses(sentence)
    for c in clauses:
        toks = unquoted(c.tokens)
        for i, t in enumerate(toks):
            for rule in detectors.WORRY_AT:
                if rule.at and not t.in_(rule.at):
                    assert not rule.test(toks, i), (rule.name, t.surface)
    for told in _disclosure_units(clauses):
        for i, t in enumerate(told.toks):
            for evidence in detectors.DISCLOSURE_AT:
                if evidence.at and not t.in_(evidence.at):
                    assert not evidence.test(told, i), (evidence.name, t.surface)
    index = detectors.WORRY_AT_INDEX
    for c in clauses:
        for t in c.tokens:
            expected = tuple(k for k, r in enumerate(detectors.WORRY_AT) if _asked_at(r, t))
            assert index.positions(t) == expected


def test_the_registry_is_in_its_documented_order() -> None:
    """Vetoes that guard a detector come first in it (a veto stops only the rules after it)."""
    assert detectors.REQUEST[0].name == "preface"
    assert detectors.WORRY[0].name == "anothers_feeling"
    # the plain-form proposals carry no request cue word, so no gate: last, once every other rule had its say
    assert [r.name for r in detectors.REQUEST[-3:]] == ["proposal", "better_way", "wished_otherwise"]


@pytest.mark.parametrize("sentence", sorted({s for fires, misses in CASES.values() for s in (*fires, *misses)}))
def test_the_tests_count_the_evidence_as_the_detector_does(sentence: str) -> None:
    """The disclosure rules asked one by one above add up to what `disclosure_evidence` gives."""
    clauses, _ = _clauses(sentence)
    for told in _disclosure_units(clauses):
        fired = _disclosure_fired(told)
        vetoed = any(r.name in fired for r in (*detectors.DISCLOSURE_VETOES, *detectors.DISCLOSURE_LAST_VETOES))
        expected = (0, 0) if vetoed else (told.lexical, told.grammatical)
        assert detectors.disclosure_evidence(told.toks, reason=told.reason, bits=told.bits,
                                             content=told.toks) == expected


def test_a_sentence_that_announces_what_follows_tells_nothing() -> None:
    """`announces`, the veto `label_sentence` puts on a disclosure standing alone."""
    assert disclosure.announces(tokenize("弊社の状況についてご説明させてください。"))
    assert not disclosure.announces(tokenize("弊社の状況について説明します。"))
    clauses, end = _clauses("私の家族の状況についてご説明させてください。")
    assert not any(item.kind.value == "disclosure" for item in label_sentence(clauses, end))
