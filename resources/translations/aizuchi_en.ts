<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>InsightModel</name>
    <message>
        <source>関連するご不安</source>
        <translation>Related worry</translation>
    </message>
    <message>
        <source>見つかりませんでした</source>
        <translation>None found</translation>
    </message>
</context>
<context>
    <name>InsightPanel</name>
    <message>
        <source>お客様のお話</source>
        <translation>What the customer told you</translation>
    </message>
    <message>
        <source>解析中…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <source>このメールは解析できませんでした</source>
        <translation>This mail could not be analysed</translation>
    </message>
    <message>
        <source>項目をクリックすると本文の該当箇所へ移動します</source>
        <translation>Click an item to jump to it in the mail</translation>
    </message>
    <message>
        <source>メールを選ぶと、お客様が話してくださったことをここにまとめます</source>
        <translation>Select a mail to see here what the customer told you</translation>
    </message>
    <message>
        <source>この指摘を外す</source>
        <translation>Dismiss this highlight</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>灰色：引用・署名・定型のあいさつ</source>
        <translation>Grey: quotes, signature, set greetings</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>メールボックスを開いています…</source>
        <translation>Opening the mailbox…</translation>
    </message>
    <message>
        <source>相槌 — お客様メールの返信アシスタント</source>
        <translation>Aizuchi — reply assistant for customer mail</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>終了(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>システムの設定に合わせる</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>日本語</source>
        <translation>日本語 (Japanese)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>相槌について(&amp;A)</source>
        <translation>&amp;About Aizuchi</translation>
    </message>
    <message>
        <source>差出人・件名で絞り込み</source>
        <translation>Filter by sender or subject</translation>
    </message>
    <message>
        <source>相槌について</source>
        <translation>About Aizuchi</translation>
    </message>
    <message>
        <source>相槌 (Aizuchi)
お客様が話してくださったことを見逃さず、温かく返信するためのアシスタントです。</source>
        <translation>Aizuchi (相槌)
An assistant that helps you notice what customers tell you and reply warmly.</translation>
    </message>
    <message>
        <source>メールを読み込んでいます…</source>
        <translation>Loading mail…</translation>
    </message>
    <message numerus="yes">
        <source>%n 件のメール</source>
        <translation>
            <numerusform>%n mail</numerusform>
            <numerusform>%n mails</numerusform>
        </translation>
    </message>
    <message>
        <source>解析中…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <source>解析が完了しました</source>
        <translation>Analysis complete</translation>
    </message>
    <message>
        <source>修正を保存しました</source>
        <translation>Correction saved</translation>
    </message>
    <message>
        <source>修正を保存できませんでした</source>
        <translation>Could not save the correction</translation>
    </message>
    <message>
        <source>解析できませんでした</source>
        <translation>Could not analyse</translation>
    </message>
    <message>
        <source>サインインの有効期限が切れました。アカウント設定からもう一度サインインしてください。</source>
        <translation>Your sign-in has expired. Sign in again from the account settings.</translation>
    </message>
    <message>
        <source>サーバーに接続できません。ネットワークを確認して、しばらくしてから再度お試しください。</source>
        <translation>Cannot reach the server. Check the network and try again in a moment.</translation>
    </message>
    <message>
        <source>サーバーが要求を拒否しました: %1</source>
        <translation>The server refused the request: %1</translation>
    </message>
    <message>
        <source>メールまたはフォルダが見つかりません。ほかのプログラムで移動された可能性があります。</source>
        <translation>The mail or folder was not found. Another program may have moved it.</translation>
    </message>
    <message>
        <source>ファイルを読み書きできませんでした: %1</source>
        <translation>Could not read or write the file: %1</translation>
    </message>
    <message>
        <source>予期しないエラーが発生しました: %1</source>
        <translation>An unexpected error occurred: %1</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>差出人</source>
        <translation>From</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>（差出人不明）</source>
        <translation>(unknown sender)</translation>
    </message>
    <message>
        <source>（件名なし）</source>
        <translation>(no subject)</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>リモート画像をブロックしました（送信者に開封を知られないため）</source>
        <translation>Remote images blocked (so the sender cannot tell you opened the mail)</translation>
    </message>
    <message>
        <source>画像を表示</source>
        <translation>Show images</translation>
    </message>
    <message>
        <source>この差出人は常に表示</source>
        <translation>Always show from this sender</translation>
    </message>
    <message>
        <source>メッセージが選択されていません</source>
        <translation>No message selected</translation>
    </message>
    <message>
        <source>（件名なし）</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>差出人: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <source>宛先: %1</source>
        <translation>To: %1</translation>
    </message>
    <message>
        <source>日時: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>自己開示として追加</source>
        <translation>Add as personal disclosure</translation>
    </message>
    <message>
        <source>ご要望として追加</source>
        <translation>Add as request</translation>
    </message>
    <message>
        <source>ご不安として追加</source>
        <translation>Add as worry</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>受信トレイ</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>送信済み</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>下書き</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>ごみ箱</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>迷惑メール</source>
        <translation>Junk</translation>
    </message>
    <message>
        <source>自己開示</source>
        <translation>Shared about themselves</translation>
    </message>
    <message>
        <source>ご要望・ご質問</source>
        <translation>Requests &amp; questions</translation>
    </message>
    <message>
        <source>ご不安</source>
        <translation>Worries</translation>
    </message>
    <message>
        <source>お客様がご自身について話してくださったこと。返信で一言触れると温かく伝わります。</source>
        <translation>What the customer shared about themselves. A word about it makes the reply feel warm.</translation>
    </message>
    <message>
        <source>お客様が求めていること。返信で一つずつお答えしましょう。</source>
        <translation>What the customer is asking for. Answer each one in your reply.</translation>
    </message>
    <message>
        <source>お客様が心配していること。安心できる一言を添えましょう。</source>
        <translation>What the customer is worried about. Add a reassuring word.</translation>
    </message>
    <message>
        <source>問いかけ</source>
        <translation>a question</translation>
    </message>
    <message>
        <source>依頼の言葉</source>
        <translation>a request phrase</translation>
    </message>
    <message>
        <source>お願いの形</source>
        <translation>asking a favour</translation>
    </message>
    <message>
        <source>具体的なお願い</source>
        <translation>a concrete request</translation>
    </message>
    <message>
        <source>ご希望（〜たい）</source>
        <translation>a wish (〜tai)</translation>
    </message>
    <message>
        <source>ご希望</source>
        <translation>a stated preference</translation>
    </message>
    <message>
        <source>〜と助かるという言い方</source>
        <translation>“it would help if…”</translation>
    </message>
    <message>
        <source>控えめなお願い</source>
        <translation>a hedged request</translation>
    </message>
    <message>
        <source>代わりの案の提示</source>
        <translation>an alternative offered</translation>
    </message>
    <message>
        <source>遠回しな質問</source>
        <translation>an indirect question</translation>
    </message>
    <message>
        <source>不安を表す言葉</source>
        <translation>a word of worry</translation>
    </message>
    <message>
        <source>困っている様子</source>
        <translation>at a loss</translation>
    </message>
    <message>
        <source>落ち着かない気持ち</source>
        <translation>restlessness</translation>
    </message>
    <message>
        <source>もしもの心配</source>
        <translation>a feared “what if”</translation>
    </message>
    <message>
        <source>気をもんでいる様子</source>
        <translation>nervousness</translation>
    </message>
    <message>
        <source>気になっている危険</source>
        <translation>a risk on their mind</translation>
    </message>
    <message>
        <source>気にかけていること</source>
        <translation>something they keep wondering about</translation>
    </message>
    <message>
        <source>ご家族・身近な方</source>
        <translation>family or someone close</translation>
    </message>
    <message>
        <source>暮らしの出来事</source>
        <translation>a life event</translation>
    </message>
    <message>
        <source>ご予定</source>
        <translation>a plan</translation>
    </message>
    <message>
        <source>ご経験</source>
        <translation>an experience</translation>
    </message>
    <message>
        <source>ご事情</source>
        <translation>their circumstances</translation>
    </message>
    <message>
        <source>ご自身のこと</source>
        <translation>about themselves</translation>
    </message>
    <message>
        <source>不慣れなこと</source>
        <translation>something unfamiliar to them</translation>
    </message>
    <message>
        <source>続いている状況</source>
        <translation>an ongoing situation</translation>
    </message>
    <message>
        <source>理由の説明</source>
        <translation>a reason given</translation>
    </message>
    <message>
        <source>あなたが追加した項目です</source>
        <translation>You added this item</translation>
    </message>
    <message>
        <source>判断の手がかり: %1</source>
        <translation>Why: %1</translation>
    </message>
    <message>
        <source>判断の手がかり: %1「%2」</source>
        <translation>Why: %1 “%2”</translation>
    </message>
    <message>
        <source>文字コードの指定がなかったため、推定して表示しています（%1）</source>
        <translation>The mail did not name its character set; shown as detected (%1)</translation>
    </message>
    <message>
        <source>文字コードの指定が誤っていたため、推定して表示しています（%1）</source>
        <translation>The mail named the wrong character set; shown as detected (%1)</translation>
    </message>
    <message>
        <source>機種依存文字を含むため、互換の文字コードで表示しています（%1）</source>
        <translation>The mail uses vendor-specific characters; shown with a compatible character set (%1)</translation>
    </message>
    <message>
        <source>一部の文字を読み取れなかったため、代わりの記号で表示しています（%1）</source>
        <translation>Some characters could not be read and are shown as substitutes (%1)</translation>
    </message>
    <message>
        <source>本文の転送エンコードが壊れていたため、読み取れた範囲を表示しています（%1）</source>
        <translation>The transfer encoding of the body was broken; showing what could be read (%1)</translation>
    </message>
    <message>
        <source>件名または差出人の表記が壊れていたため、修復して表示しています（%1）</source>
        <translation>The subject or sender was garbled and has been repaired (%1)</translation>
    </message>
    <message>
        <source>このメールには本文がありません</source>
        <translation>This mail has no body</translation>
    </message>
    <message>
        <source>メールの形式を解釈できなかったため、元のテキストをそのまま表示しています</source>
        <translation>The mail could not be interpreted; showing its raw text</translation>
    </message>
    <message>
        <source>本文が非常に長いため、途中までを表示しています</source>
        <translation>The body is very long; showing the first part only</translation>
    </message>
</context>
</TS>
