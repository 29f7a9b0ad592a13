<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>AccountDialog</name>
    <message>
        <source>メールアカウントの追加</source>
        <translation>Add a mail account</translation>
    </message>
    <message>
        <source>メールアカウントの設定</source>
        <translation>Mail account settings</translation>
    </message>
    <message>
        <source>変更しないときは空欄のまま</source>
        <translation>Leave empty to keep the saved password</translation>
    </message>
    <message>
        <source>サービス</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>お使いのメールサービス</source>
        <translation>Your mail service</translation>
    </message>
    <message>
        <source>Gmail・Google Workspace（ブラウザでログイン）</source>
        <translation>Gmail / Google Workspace (sign in in the browser)</translation>
    </message>
    <message>
        <source>Microsoft 365・Outlook.com（ブラウザでログイン）</source>
        <translation>Microsoft 365 / Outlook.com (sign in in the browser)</translation>
    </message>
    <message>
        <source>Gmail（アプリパスワードで接続）</source>
        <translation>Gmail (with an app password)</translation>
    </message>
    <message>
        <source>ブラウザが開きます。いつものようにログインして、相槌にメールの読み書きを許可してください。パスワードは相槌には入力しません。</source>
        <translation>Your browser opens. Sign in as usual and allow Aizuchi to read and send your mail. You never type your password into Aizuchi.</translation>
    </message>
    <message>
        <source>接続できないまま追加する（あとで設定を直して接続します）</source>
        <translation>Add it without a connection (fix the settings and connect later)</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>サーバー番号など</source>
        <translation>Server number etc.</translation>
    </message>
    <message>
        <source>表示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>受信 (IMAP)</source>
        <translation>Incoming (IMAP)</translation>
    </message>
    <message>
        <source>送信 (SMTP)</source>
        <translation>Outgoing (SMTP)</translation>
    </message>
    <message>
        <source>送信の文字コード</source>
        <translation>Encoding for sending</translation>
    </message>
    <message>
        <source>その他（手動で設定）</source>
        <translation>Other (set up manually)</translation>
    </message>
    <message>
        <source>このパソコンのメールフォルダ（Maildir / mbox）</source>
        <translation>Mail folder on this computer (Maildir / mbox)</translation>
    </message>
    <message>
        <source>フォルダまたはファイルの場所</source>
        <translation>Location of the folder or file</translation>
    </message>
    <message>
        <source>フォルダを選ぶ（Maildir）…</source>
        <translation>Choose a folder (Maildir)…</translation>
    </message>
    <message>
        <source>ファイルを選ぶ（mbox）…</source>
        <translation>Choose a file (mbox)…</translation>
    </message>
    <message>
        <source>UTF-8（おすすめ）</source>
        <translation>UTF-8 (recommended)</translation>
    </message>
    <message>
        <source>ISO-2022-JP（古いメールソフト向け）</source>
        <translation>ISO-2022-JP (for old mail programs)</translation>
    </message>
    <message>
        <source>例: 相槌商店 サポート</source>
        <translation>e.g. Aizuchi Shop Support</translation>
    </message>
    <message>
        <source>このサービスでは、ログイン用のパスワードではなく「アプリパスワード」を入力してください。</source>
        <translation>This service needs an app password, not your sign-in password.</translation>
    </message>
    <message>
        <source>接続テスト</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>詳細設定（OAuth クライアント）</source>
        <translation>Advanced (OAuth client)</translation>
    </message>
    <message>
        <source>メールアドレスを入力してください。</source>
        <translation>Enter the mail address.</translation>
    </message>
    <message>
        <source>パスワードを入力してください。</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>受信と送信のサーバーを入力してください。</source>
        <translation>Enter the incoming and outgoing servers.</translation>
    </message>
    <message>
        <source>メールフォルダか mbox ファイルを選んでください。</source>
        <translation>Choose a mail folder or an mbox file.</translation>
    </message>
    <message>
        <source>先に「{text}」を押して、ブラウザでログインしてください。</source>
        <translation>Press “{text}” first and sign in in the browser.</translation>
    </message>
    <message>
        <source>この相槌には、ブラウザでログインするための設定（クライアント ID）がまだありません。相槌を設定した方から受け取った ID を「詳細設定」に入力するか、サービスの一覧から「Gmail（アプリパスワードで接続）」などを選んでください。</source>
        <translation>This copy of Aizuchi has no sign-in settings (client ID) yet. Enter the ID you received from whoever set Aizuchi up under “Advanced”, or choose a service such as “Gmail (with an app password)” from the list.</translation>
    </message>
    <message>
        <source>サーバーが応答していません。以前はこの設定で接続できていたので、設定の問題ではなく、サーバーかネットワークが一時的に止まっていると思われます。しばらくしてからもう一度お試しください。</source>
        <translation>The server is not answering. These settings connected before, so the settings are not the problem: the server or the network is probably down for a while. Please try again later.</translation>
    </message>
    <message>
        <source>Googleでログイン</source>
        <translation>Sign in with Google</translation>
    </message>
    <message>
        <source>メールフォルダ（Maildir）を選ぶ</source>
        <translation>Choose a mail folder (Maildir)</translation>
    </message>
    <message>
        <source>mbox ファイルを選ぶ</source>
        <translation>Choose an mbox file</translation>
    </message>
    <message>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>開けます（フォルダ {count} 個）。</source>
        <translation>It can be opened ({count} folders).</translation>
    </message>
    <message>
        <source>このパスは Maildir のフォルダでも mbox ファイルでもありません。cur・new・tmp のあるフォルダか、mbox ファイルを選んでください。</source>
        <translation>This is neither a Maildir folder nor an mbox file. Choose a folder that holds cur, new and tmp, or an mbox file.</translation>
    </message>
    <message>
        <source>ほかのメールソフトが保存したメール（Maildir のフォルダ、または mbox ファイル）を相槌で開きます。今表示しているメールボックスの代わりにすぐ開き、次回の起動時もこれを開きます。メールはその場で読み、コピーはしません。</source>
        <translation>Opens mail another mail program saved (a Maildir folder or an mbox file) in Aizuchi. It opens at once in place of the mailbox shown now, and again at every next start. The mail is read where it is, not copied.</translation>
    </message>
    <message>
        <source>Microsoftでログイン</source>
        <translation>Sign in with Microsoft</translation>
    </message>
    <message>
        <source>Google クライアント ID</source>
        <translation>Google client ID</translation>
    </message>
    <message>
        <source>Google クライアント シークレット</source>
        <translation>Google client secret</translation>
    </message>
    <message>
        <source>Microsoft アプリケーション ID</source>
        <translation>Microsoft application ID</translation>
    </message>
    <message>
        <source>保存済みのものを使う場合は空欄</source>
        <translation>Leave empty to keep the saved one</translation>
    </message>
    <message>
        <source>その他のメール (IMAP) のサーバー設定</source>
        <translation>Other mail (IMAP): server settings</translation>
    </message>
    <message>
        <source>この環境では安全なパスワード保管庫（キーリング）が見つかりません。パスワードは保存されず、相槌を終了するまでの間だけ使われます。</source>
        <translation>No secure password store (keyring) was found on this system. The password is not saved and is only used until Aizuchi quits.</translation>
    </message>
    <message>
        <source>ブラウザでログインしてください。完了すると、ここに表示されます…</source>
        <translation>Sign in in your browser. The result will show here…</translation>
    </message>
    <message>
        <source>{email} としてログインしました。「OK」で追加します。</source>
        <translation>Signed in as {email}. Press OK to add the account.</translation>
    </message>
    <message>
        <source>接続しています…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>受信・送信とも接続できました。</source>
        <translation>Both incoming and outgoing servers connected.</translation>
    </message>
    <message>
        <source>受信 (IMAP): {error}</source>
        <translation>Incoming (IMAP): {error}</translation>
    </message>
    <message>
        <source>送信 (SMTP): {error}</source>
        <translation>Outgoing (SMTP): {error}</translation>
    </message>
</context>
<context>
    <name>AccountsController</name>
    <message>
        <source>「{label}」をこのパソコンから削除しますか？</source>
        <translation>Remove “{label}” from this computer?</translation>
    </message>
    <message>
        <source>同期したメールと保存したパスワードも削除します。サーバー上のメールはそのまま残ります。</source>
        <translation>Its synced mail and saved password are removed too. The mail on the server stays as it is.</translation>
    </message>
    <message>
        <source>送信待ち・送信失敗の返信が {count} 件あります。削除すると送信されません。</source>
        <translation>{count} replies are waiting or failed to send. Removing the account means they will not be sent.</translation>
    </message>
    <message>
        <source>アカウントの削除</source>
        <translation>Remove account</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>アカウントを削除しました</source>
        <translation>The account was removed</translation>
    </message>
    <message>
        <source>パスワードは保存されていません（安全な保管庫がありません）。次回の起動時に再入力が必要です。</source>
        <translation>The password was not saved (no secure store). You will need to enter it again next time.</translation>
    </message>
    <message>
        <source>書きかけの返信を保存できなかったため、メールフォルダはまだ開いていません。返信を閉じてから、もう一度追加してください。</source>
        <translation>The reply being written could not be saved, so the mail folder was not opened yet. Close the reply, then add the folder again.</translation>
    </message>
    <message>
        <source>メールフォルダ「{path}」を開きました。次回の起動時もこのメールフォルダが開きます</source>
        <translation>Opened the mail folder “{path}”. It opens again at the next start</translation>
    </message>
    <message>
        <source>もう一度ログインしてください</source>
        <translation>Please sign in again</translation>
    </message>
    <message>
        <source>{label} のログインの有効期限が切れたか、取り消されました。書きかけの返信と送信待ちの返信は保存されています。</source>
        <translation>The sign-in of {label} has expired or was revoked. Drafts and replies waiting to be sent are kept.</translation>
    </message>
    <message>
        <source>ブラウザでログイン</source>
        <translation>Sign in in the browser</translation>
    </message>
    <message>
        <source>あとで</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>{label} を同期中</source>
        <translation>Syncing {label}</translation>
    </message>
</context>
<context>
    <name>AccountsPane</name>
    <message>
        <source>もう一度サインイン…</source>
        <translation>Sign in again…</translation>
    </message>
    <message>
        <source>設定を変更…</source>
        <translation>Change settings…</translation>
    </message>
    <message>
        <source>このアカウントを削除…</source>
        <translation>Remove this account…</translation>
    </message>
</context>
<context>
    <name>BuildProgress</name>
    <message>
        <source>お客様の記録を作成中</source>
        <translation>Building customer records</translation>
    </message>
    <message>
        <source>お客様の記録を作成中（残り約 {minutes} 分）</source>
        <translation>Building customer records (about {minutes} min left)</translation>
    </message>
    <message>
        <source>お客様の記録を作成中（残り約 {seconds} 秒）</source>
        <translation>Building customer records (about {seconds} s left)</translation>
    </message>
</context>
<context>
    <name>ComposeController</name>
    <message>
        <source>返信</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>このメールに返信 (Ctrl+R)</source>
        <translation>Reply to this mail (Ctrl+R)</translation>
    </message>
    <message>
        <source>全員に返信</source>
        <translation>Reply all</translation>
    </message>
    <message>
        <source>CC の全員を含めて返信 (Ctrl+Shift+R)</source>
        <translation>Reply including everyone in CC (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>保存してあった下書きを開きました</source>
        <translation>Opened the saved draft</translation>
    </message>
    <message>
        <source>見直しを実行できませんでした</source>
        <translation>The review could not run</translation>
    </message>
    <message>
        <source>相槌のデータに書き込めないため、下書きを予備のファイルに保存しました {saved_at}（ディスクの空き容量とフォルダの権限を確認してください）</source>
        <translation>Aizuchi&apos;s data could not be written, so the draft was saved to the backup file at {saved_at} (check the free disk space and the folder&apos;s permissions)</translation>
    </message>
    <message>
        <source>下書きを保存しました {saved_at}</source>
        <translation>Draft saved {saved_at}</translation>
    </message>
    <message>
        <source>下書きを保存できませんでした</source>
        <translation>The draft could not be saved</translation>
    </message>
    <message>
        <source>下書きの保存先を開けませんでした: {error}</source>
        <translation>Could not open the draft store: {error}</translation>
    </message>
    <message>
        <source>宛先がありません。送信していません。</source>
        <translation>No recipient. Nothing was sent.</translation>
    </message>
    <message>
        <source>宛先を確かめてください（メールアドレスとして読めません）：{addresses}</source>
        <translation>Check the recipients (not readable as mail addresses): {addresses}</translation>
    </message>
    <message>
        <source>定型文の管理(&amp;T)…</source>
        <translation>S&amp;nippets…</translation>
    </message>
    <message>
        <source>署名とあいさつ(&amp;G)…</source>
        <translation>Si&amp;gnature and greeting…</translation>
    </message>
    <message>
        <source>あいさつと署名はまだ設定されていません（「署名とあいさつ…」で設定できます）</source>
        <translation>No greeting or signature is set up yet (set them in “Signature and greeting…”)</translation>
    </message>
    <message>
        <source>返信を閉じますか？</source>
        <translation>Close the reply?</translation>
    </message>
    <message>
        <source>書きかけの返信は下書きとして保存されます。もう一度「返信」を押すと続きから書けます。</source>
        <translation>What you have written is kept as a draft. Press Reply again to continue where you left off.</translation>
    </message>
    <message>
        <source>保存して閉じる</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <source>書き続ける</source>
        <translation>Keep writing</translation>
    </message>
    <message>
        <source>下書きを保存できていません</source>
        <translation>The draft is not saved</translation>
    </message>
    <message>
        <source>下書きを保存できませんでした（ディスクの空きがない、または書き込みできない可能性があります）。このまま閉じると、最後に保存できたあとに入力した文が失われます。</source>
        <translation>The draft could not be saved (the disk may be full or not writable). If you close now, what you typed since the last successful save will be lost.</translation>
    </message>
    <message>
        <source>「閉じない」を選んで、空き容量を確かめるか、本文をコピーして別の場所に残してください。</source>
        <translation>Choose &quot;Keep open&quot;, then check the free space, or copy the text and keep it somewhere else.</translation>
    </message>
    <message>
        <source>閉じない</source>
        <translation>Keep open</translation>
    </message>
    <message>
        <source>保存せずに閉じる</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>下書きが長いため、入力の手を止めたときに見直します</source>
        <translation>This draft is long, so it is checked when you pause typing</translation>
    </message>
    <message>
        <source>長いメールへの返信のため、入力の手を止めたときに見直します</source>
        <translation>This replies to a long mail, so it is checked when you pause typing</translation>
    </message>
    <message>
        <source>埋められていない差し込みがあります</source>
        <translation>Some placeholders are still unfilled</translation>
    </message>
    <message>
        <source>送信の準備中…</source>
        <translation>Preparing to send…</translation>
    </message>
    <message>
        <source>返信を送信しました</source>
        <translation>Reply sent</translation>
    </message>
    <message>
        <source>すでに送信したため、取り消せませんでした。</source>
        <translation>Already sent, so it could not be undone.</translation>
    </message>
    <message>
        <source>送信を取り消しました。返信先のメールは別のメールボックスにあるため、下書きとして保存してあります。そのメールを開いて「返信」を押すと続きを書けます。</source>
        <translation>Sending cancelled. The mail it answers is in another mailbox, so the reply is kept as a draft. Open that mail and press Reply to continue writing.</translation>
    </message>
    <message>
        <source>送信を取り消しました。下書きを編集できます。</source>
        <translation>Sending undone. You can edit the draft.</translation>
    </message>
    <message>
        <source>この返信の宛先のメールは、いま表示していない別のメールボックスにあります。そのメールボックスを開いてから、送信トレイで開き直してください。</source>
        <translation>The mail this reply answers is in another mailbox than the one shown. Open that mailbox, then reopen the reply from the outbox.</translation>
    </message>
    <message>
        <source>この返信はすでに送信されています。</source>
        <translation>This reply has already been sent.</translation>
    </message>
    <message>
        <source>保留した返信の下書きが見つかりませんでした。送信トレイから取り消しました。</source>
        <translation>The draft of the held reply was not found. It was taken out of the outbox.</translation>
    </message>
    <message>
        <source>お客様から新しいメールが届いています。新しいメールに合わせて見直してください。</source>
        <translation>The customer wrote again. Review the reply against the new mail.</translation>
    </message>
    <message>
        <source>送れない文字があります</source>
        <translation>Some characters cannot be sent</translation>
    </message>
    <message>
        <source>このアカウントは ISO-2022-JP で送信します。次の文字はお客様に正しく届かないため、このままでは送信できません：

{chars}</source>
        <translation>This account sends in ISO-2022-JP. The following characters would not reach the customer correctly, so the reply cannot be sent as it is:

{chars}</translation>
    </message>
    <message>
        <source>「置き換える」で ①→(1)、㈱→(株)、半角カナ→全角 のように置き換えます。置き換えられない文字（絵文字など）は選択しますので、書き直してください。下書きはそのまま残っています。</source>
        <translation>“Replace” writes the usual stand-ins (① → (1), ㈱ → (株), half-width kana → full-width). Characters with no stand-in (emoji and the like) are selected for you to rewrite. The draft is kept.</translation>
    </message>
    <message>
        <source>置き換える</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>戻る</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>送信していません。下書きは保存されています。</source>
        <translation>Not sent. The draft is saved.</translation>
    </message>
    <message>
        <source>置き換えられない文字が残っています：{chars}</source>
        <translation>Characters with no stand-in remain: {chars}</translation>
    </message>
    <message>
        <source>置き換えました。内容を確かめてから、もう一度送信してください。</source>
        <translation>Replaced. Check the text, then send again.</translation>
    </message>
    <message>
        <source>このメールボックスからは送信できません。下書きは保存されています。</source>
        <translation>This mailbox cannot send. The draft is saved.</translation>
    </message>
    <message>
        <source>前の返信がお客様に届いている可能性があります</source>
        <translation>The earlier reply may already have reached the customer</translation>
    </message>
    <message>
        <source>{when} に送信した返信は、送信の途中でサーバーとの接続が切れたため、お客様に届いたかどうか確かめられていません。このまま送ると、お客様に返信が二通届くおそれがあります。</source>
        <translation>The connection to the server was lost while the reply sent at {when} was going out, so it is not known whether the customer received it. Sending now may give the customer two replies.</translation>
    </message>
    <message>
        <source>前の返信が届いていないと分かっているときだけ「それでも送信する」を押してください。下書きは保存されています。</source>
        <translation>Press “Send anyway” only if you know the earlier reply did not arrive. The draft is saved.</translation>
    </message>
    <message>
        <source>それでも送信する</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <source>送信しない</source>
        <translation>Don’t send</translation>
    </message>
</context>
<context>
    <name>ComposerPane</name>
    <message>
        <source>返信を作成</source>
        <translation>Write a reply</translation>
    </message>
    <message>
        <source>宛先</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>CC</source>
        <translation>CC:</translation>
    </message>
    <message>
        <source>同じ返信を送る相手（カンマ区切り）</source>
        <translation>Others to receive this reply (comma-separated)</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>定型文の管理…</source>
        <translation>Snippets…</translation>
    </message>
    <message>
        <source>定型文…</source>
        <translation>Snippets…</translation>
    </message>
    <message>
        <source>署名とあいさつ…</source>
        <translation>Signature and greeting…</translation>
    </message>
    <message>
        <source>署名…</source>
        <translation>Signature…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>今すぐ送信</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>営業時間外ですが、見直してから今すぐ送信します</source>
        <translation>Outside service hours, but review and send now</translation>
    </message>
    <message>
        <source>ただいま営業時間外です</source>
        <translation>Outside service hours now</translation>
    </message>
    <message>
        <source>次の営業時間（{when}）に送信</source>
        <translation>Send when open ({when})</translation>
    </message>
    <message>
        <source>見直してから、次の営業時間に送信するよう予約します (Ctrl+Enter)</source>
        <translation>Review, then schedule for the next opening (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>送信</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>見直してから送信 (Ctrl+Enter)</source>
        <translation>Check, then send (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>下書きを保存して閉じる (Esc)</source>
        <translation>Save the draft and close (Esc)</translation>
    </message>
    <message>
        <source>見直し：確認中…</source>
        <translation>Review: checking…</translation>
    </message>
    <message>
        <source>見直し：気になる点はありません</source>
        <translation>Review: nothing to point out</translation>
    </message>
    <message>
        <source>見直し：まだ本文が書かれていません</source>
        <translation>Review: nothing written yet</translation>
    </message>
    <message numerus="yes">
        <source>見直し：%n 件の気になる点</source>
        <translation>
            <numerusform>Review: %n point to check</numerusform>
            <numerusform>Review: %n points to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>このお客様について</source>
        <translation>About this customer</translation>
    </message>
    <message>
        <source>以前お話しくださったこと</source>
        <translation>What they told us before</translation>
    </message>
    <message>
        <source>これまでの返信</source>
        <translation>Our replies so far</translation>
    </message>
    <message>
        <source>返信で触れる（コピー）</source>
        <translation>Mention in reply (copy)</translation>
    </message>
    <message>
        <source>選んだ項目を「以前お話しくださった…」の形でコピーします</source>
        <translation>Copies the selected item as a &quot;you told us before…&quot; phrase</translation>
    </message>
    <message>
        <source>記録を書き出す</source>
        <translation>Export record</translation>
    </message>
    <message>
        <source>記録を削除</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>このお客様について覚えたことを削除します（メールは残ります）</source>
        <translation>Deletes what Aizuchi remembers about this customer (the mail stays)</translation>
    </message>
    <message>
        <source>日付不明</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <source>{month}: {summary}</source>
        <translation>{month}: {summary}</translation>
    </message>
    <message>
        <source>お客様の記録は作成の途中です（{done} / {total} 通）。この方の履歴はまだ揃っていません。メニューの「お客様の記録」から続きを作れます</source>
        <translation>The customer records are only partly built ({done} / {total} mails). This customer’s history is not complete yet. Continue building from the Customer records menu</translation>
    </message>
    <message>
        <source>お客様の記録を準備中です。この方の履歴はまだ揃っていません</source>
        <translation>The customer records are being prepared. This customer’s history is not complete yet</translation>
    </message>
    <message>
        <source>お客様の記録を準備中です（{done} / {total} 通）。この方の履歴はまだ揃っていません</source>
        <translation>The customer records are being prepared ({done} / {total} mails). This customer’s history is not complete yet</translation>
    </message>
    <message>
        <source>まだ揃っていません（記録の準備中）</source>
        <translation>Not complete yet (records being prepared)</translation>
    </message>
    <message>
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>お客様の記録を開けませんでした</source>
        <translation>The customer records could not be opened</translation>
    </message>
    <message>
        <source>このメールにはお客様の宛先がありません</source>
        <translation>This mail has no customer address</translation>
    </message>
    <message>
        <source>こちらから送ったメールです</source>
        <translation>A mail we sent</translation>
    </message>
    <message>
        <source>メールを選ぶと、このお客様とのこれまでをここに表示します</source>
        <translation>Select a mail to see your history with this customer here</translation>
    </message>
    <message>
        <source>{name} 様 — これまでに記録できたメール {mail_count} 通</source>
        <translation>{name} — {mail_count} mails recorded so far</translation>
    </message>
    <message>
        <source>{name} 様 — はじめてのお客様です</source>
        <translation>{name} — first-time customer</translation>
    </message>
    <message>
        <source>{name} 様 — {mail_count}通目のメール（{since}から）</source>
        <translation>{name} — mail no. {mail_count} (since {since})</translation>
    </message>
    <message>
        <source>今回のメールは、以前のお話と関係がありそうです:</source>
        <translation>This mail seems related to something they told before:</translation>
    </message>
    <message>
        <source>まだありません</source>
        <translation>Nothing yet</translation>
    </message>
    <message>
        <source>{day} {subject}（{length}字）</source>
        <translation>{day} {subject} ({length} characters)</translation>
    </message>
    <message>
        <source>{day} このメール以降の返信（{length}字）</source>
        <translation>{day} reply after this mail ({length} characters)</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>お客様のご質問・ご要望「{asked}」へのお答えが見当たりません。</source>
        <translation>The reply does not seem to answer the customer&apos;s question or request “{asked}”.</translation>
    </message>
    <message>
        <source>お客様が教えてくださった「{told}」に触れていません。ひとこと受け止める言葉を添えましょう。</source>
        <translation>The reply does not mention what the customer told you: “{told}”. Add a few words to show you heard it.</translation>
    </message>
    <message>
        <source>お客様のご不安「{worry}」に寄り添う言葉がありません。「ご心配なことと存じます」のように、お気持ちを受け止めましょう。</source>
        <translation>Nothing in the reply responds to the customer&apos;s worry “{worry}”. Acknowledge how they feel, for example with 「ご心配なことと存じます」 (“we understand your concern”).</translation>
    </message>
    <message>
        <source>お断りの理由も、代わりのご提案もありません。「〜のため」と理由を添え、キャンセル・交換・別の商品など、お客様が選べる道をご案内しましょう。</source>
        <translation>The refusal gives neither a reason nor an alternative. Add the reason (「〜のため」, “because…”) and show the customer what they can choose instead, such as a cancellation, an exchange or another product.</translation>
    </message>
    <message>
        <source>事務的で冷たい印象です。お礼（ありがとうございます）やクッション言葉（恐れ入りますが、お手数ですが）、必要ならお詫びを添えましょう。</source>
        <translation>The reply sounds businesslike and cold. Add thanks (ありがとうございます), cushion phrases (恐れ入りますが, お手数ですが) and, where needed, an apology.</translation>
    </message>
    <message>
        <source>用件だけの素っ気ない返信です。お断りやお知らせには、お詫びやクッション言葉（あいにく、申し訳ございませんが）を添えましょう。</source>
        <translation>A curt reply with only the facts. Soften a refusal or a notice with an apology or a cushion phrase (あいにく, 申し訳ございませんが).</translation>
    </message>
    <message>
        <source>お客様を責めているように読めます。「お手数ですが」「念のため」などを添え、こちらからご案内する言い方に改めましょう。</source>
        <translation>This reads as blaming the customer. Add お手数ですが or 念のため and put it as guidance from our side.</translation>
    </message>
    <message>
        <source>お客様に対してなれなれしい表現があります（タメ口・絵文字・「了解です」など）。です・ます調の丁寧な言い方に改めましょう。</source>
        <translation>Some wording is too familiar for a customer (casual endings, emoji, 「了解です」 and the like). Rewrite it in the polite です・ます style.</translation>
    </message>
    <message>
        <source>二重敬語です。敬語が重なっています。</source>
        <translation>Double honorific: two honorific forms are stacked.</translation>
    </message>
    <message>
        <source>二重敬語です。敬語が重なっています。「お〜になる」に「れる・られる」は重ねません。</source>
        <translation>Double honorific: two honorific forms are stacked. Do not add れる・られる to お〜になる.</translation>
    </message>
    <message>
        <source>二重敬語です。敬語が重なっています。「{word}」だけで尊敬語です。</source>
        <translation>Double honorific: two honorific forms are stacked. “{word}” is already respectful on its own.</translation>
    </message>
    <message>
        <source>二重敬語です。敬語が重なっています。「{word}」は謙譲語なので「させていただく」は不要です。</source>
        <translation>Double honorific: two honorific forms are stacked. “{word}” is already humble, so させていただく is not needed.</translation>
    </message>
    <message>
        <source>慣用として定着した二重敬語で、誤りではありません。より簡潔にするなら一つの敬語にします。</source>
        <translation>A double honorific accepted by custom, not a mistake. For a simpler sentence, use one honorific.</translation>
    </message>
    <message>
        <source>二重敬語です。「{word}」は謙譲語なので「ご」は付けません。</source>
        <translation>Double keigo: 「{word}」 is already humble, so it takes no ご.</translation>
    </message>
    <message>
        <source>「〜の形になります」は遠回しなバイト敬語です。「〜いたします」「〜です」と言い切ります。</source>
        <translation>「〜の形になります」 is roundabout service-counter keigo. Say it directly: 〜いたします or 〜です.</translation>
    </message>
    <message>
        <source>「よろしかったでしょうか」は過去形のバイト敬語です。「よろしいでしょうか」とします。</source>
        <translation>「よろしかったでしょうか」 is part-timer keigo in the past tense. Write 「よろしいでしょうか」 instead.</translation>
    </message>
    <message>
        <source>「〜になります」は変化を表す言葉です。「〜でございます」「〜です」とします。</source>
        <translation>「〜になります」 describes a change. Write 「〜でございます」 or 「〜です」 instead.</translation>
    </message>
    <message>
        <source>比べるものがないときの「〜のほう」はバイト敬語です。取り除きます。</source>
        <translation>「〜のほう」 with nothing to compare is part-timer keigo. Leave it out.</translation>
    </message>
    <message>
        <source>「〜する感じで」「〜感じです」はぼかした言い方のバイト敬語です。「〜してよろしいでしょうか」「〜いたします」と言い切ります。</source>
        <translation>“〜する感じで” (“sort of doing”) blurs what you will do: service-counter keigo. Say it plainly: “〜してよろしいでしょうか”, “〜いたします”.</translation>
    </message>
    <message>
        <source>お客様への確認に「大丈夫ですか」はくだけた言い方です。「よろしいでしょうか」とします。</source>
        <translation>“大丈夫ですか” is casual for checking with a customer. Use “よろしいでしょうか”.</translation>
    </message>
    <message>
        <source>「〜って」は話し言葉です。敬語の文では「〜は」とします。</source>
        <translation>“〜って” is spoken style. In a keigo sentence use “〜は”.</translation>
    </message>
    <message>
        <source>「〜感じになっております」はぼかした言い方のバイト敬語です。「〜できません」などと言い切ります。</source>
        <translation>“〜感じになっております” is vague part-timer keigo. Say it plainly, e.g. “〜できません”.</translation>
    </message>
    <message>
        <source>「様」は人に付ける敬称です。「お名前」「ご住所」だけで丁寧です。</source>
        <translation>&quot;Sama&quot; is an honorific for people; &quot;o-namae&quot; (name) or &quot;go-jūsho&quot; (address) is already polite on its own.</translation>
    </message>
    <message>
        <source>「〜円からお預かりします」の「から」は不要です。</source>
        <translation>The から in 「〜円からお預かりします」 is not needed.</translation>
    </message>
    <message>
        <source>ちょうどの代金はお返しするものがないので、「お預かりします」ではなく「頂戴します」とします。</source>
        <translation>When the exact amount is paid there is nothing to give back: say 「頂戴します」 (received), not 「お預かりします」 (held).</translation>
    </message>
    <message>
        <source>レシートや控えはお返しするものではありません。「レシートでございます」とします。</source>
        <translation>A receipt or stub is not something being returned: say 「レシートでございます」.</translation>
    </message>
    <message>
        <source>「{word}できる」は謙譲語です。お客様の行為には「{word}いただける」を使います。</source>
        <translation>“{word}できる” is humble. For the customer&apos;s own action, use “{word}いただける”.</translation>
    </message>
    <message>
        <source>「{word}」は謙譲語に「れる」を付けた形です。お客様には尊敬語「{honorific}」を使います。</source>
        <translation>“{word}” is a humble verb with れる added. For the customer, use the respectful “{honorific}”.</translation>
    </message>
    <message>
        <source>お客様の行為に謙譲語「{word}」を使っています。尊敬語「{honorific}」を使います。</source>
        <translation>The humble &quot;{word}&quot; is used for the customer&apos;s own action. Use the respectful &quot;{honorific}&quot;.</translation>
    </message>
    <message>
        <source>自社の人の行為に尊敬語「{word}」を使っています。お客様には謙譲語「{humble}」で伝えます。</source>
        <translation>The respectful &quot;{word}&quot; is used for someone of your own company. To a customer, use the humble &quot;{humble}&quot;.</translation>
    </message>
    <message>
        <source>お客様にお願いする行為に謙譲語「{word}」を使っています。</source>
        <translation>The humble “{word}” is used for something you are asking the customer to do.</translation>
    </message>
    <message>
        <source>ら抜き言葉です。「{stem}られる」とします。</source>
        <translation>The ら has been dropped (ra-nuki). Write “{stem}られる”.</translation>
    </message>
    <message>
        <source>さ入れ言葉です。「{fixed}」とします。</source>
        <translation>An extra さ has slipped in (sa-ire). Write “{fixed}”.</translation>
    </message>
    <message>
        <source>い抜き言葉です。「{fixed}」とします。</source>
        <translation>The い has been dropped (i-nuki). Write “{fixed}”.</translation>
    </message>
    <message>
        <source>です・ます調の中に、だ・である調の文が混ざっています。文体をそろえましょう。</source>
        <translation>Plain-style (だ・である) sentences are mixed in with polite (です・ます) ones. Keep to one style.</translation>
    </message>
    <message>
        <source>「約」と「{word}」が重なっています。</source>
        <translation>約 and “{word}” both mean “about”: one of them is enough.</translation>
    </message>
    <message>
        <source>「{words}」は同じ意味の言葉が重なっています。</source>
        <translation>“{words}” repeats words with the same meaning.</translation>
    </message>
    <message>
        <source>助詞「{particle}」が二度続いています。</source>
        <translation>The particle “{particle}” appears twice in a row.</translation>
    </message>
    <message>
        <source>一つの文節に助詞「{particle}」が二度使われています。言い換えましょう。</source>
        <translation>The particle “{particle}” is used twice in one phrase. Try rewording it.</translation>
    </message>
    <message>
        <source>一文に逆接の「が」が二度あり、話の向きが分かりにくくなっています。文を分けましょう。</source>
        <translation>The sentence turns on が twice; it is hard to tell which way it goes. Split it.</translation>
    </message>
    <message>
        <source>同じ接続詞「{word}」で文が続いています。</source>
        <translation>Two sentences in a row open with the same conjunction 「{word}」.</translation>
    </message>
    <message>
        <source>一文に読点が{count}つあります。{limit}つまでを目安に、文を分けましょう。</source>
        <translation>This sentence has {count} commas (、). Aim for {limit} at most and split it.</translation>
    </message>
    <message>
        <source>「の」が続きすぎて読みにくくなっています。</source>
        <translation>So many の in a row make this hard to read.</translation>
    </message>
    <message>
        <source>一文が{count}文字あり、読みにくくなっています。{limit}文字以内を目安に分けましょう。</source>
        <translation>This sentence is {count} characters long and hard to read. Try splitting it into sentences of about {limit} characters or fewer.</translation>
    </message>
    <message>
        <source>「{wrong}」は形の似た文字を取り違えていませんか。「{right}」ではありませんか。</source>
        <translation>Is 「{wrong}」 a look-alike character typed by mistake? Did you mean 「{right}」?</translation>
    </message>
    <message>
        <source>否定が重なっていて、できるのかできないのか分かりにくくなっています。肯定の形で言い切りましょう。</source>
        <translation>A double negative makes it hard to tell whether it can be done. Say it in the affirmative.</translation>
    </message>
    <message>
        <source>「{wrong}」は誤用です。「{right}」とします。</source>
        <translation>「{wrong}」 is a misuse; the established form is 「{right}」.</translation>
    </message>
    <message>
        <source>「させていただく」が続いて、回りくどい印象です。「いたします」などに言い換えましょう。</source>
        <translation>させていただく again and again sounds roundabout. Use いたします or similar instead.</translation>
    </message>
    <message>
        <source>「{word}」：自分の気持ちには許しが要らないので「させていただく」は使いません。</source>
        <translation>&quot;{word}&quot;: your own feelings need nobody&apos;s permission, so &quot;sasete itadaku&quot; does not belong here.</translation>
    </message>
    <message>
        <source>「{word}」：お店自身のこと（歩み・仕事・暮らし）には許しが要らないので「させていただく」は使いません。</source>
        <translation>“{word}”: the shop&apos;s own history, work and life need nobody&apos;s permission, so “させていただく” is not used.</translation>
    </message>
    <message>
        <source>「御中」は会社や部署あての敬称です。担当者の名前に「様」を付けるときは「御中」を付けません。</source>
        <translation>“御中” addresses a company or department. When a person is named with “様”, leave out “御中”.</translation>
    </message>
    <message>
        <source>「{wrong}」はお客様へのメールでは避けたい言い回しです。「{right}」とします。</source>
        <translation>「{wrong}」 is best avoided in mail to a customer; write 「{right}」.</translation>
    </message>
    <message>
        <source>誤字の可能性があります。「{right}」ではありませんか。</source>
        <translation>This may be a typo. Did you mean “{right}”?</translation>
    </message>
    <message>
        <source>「{word}」が二度続いています。</source>
        <translation>“{word}” appears twice in a row.</translation>
    </message>
    <message>
        <source>「{char}」は機種依存文字で、お客様の環境によっては文字化けします。</source>
        <translation>“{char}” is a platform-dependent character and may appear garbled on the customer&apos;s computer.</translation>
    </message>
    <message>
        <source>「{char}」は見えない文字か、形だけ同じ別の文字です。検索や表示で問題になります。</source>
        <translation>「{char}」 is an invisible character or a look-alike of another one; it breaks search and display.</translation>
    </message>
    <message>
        <source>半角カタカナは文字化けの原因になります。全角で書きましょう。</source>
        <translation>Half-width katakana can appear garbled. Please use full-width characters.</translation>
    </message>
    <message>
        <source>「{placeholder}」が埋められていません。送信前に書き換えてください。</source>
        <translation>“{placeholder}” has not been filled in. Please replace it before sending.</translation>
    </message>
    <message>
        <source>まだ本文が書かれていません。</source>
        <translation>Nothing has been written yet.</translation>
    </message>
    <message>
        <source>このお客様へのこれまでの返信（最近は約{usual}字）に比べて、かなり短くなっています（{length}字）。素っ気ない印象にならないか見直しましょう。</source>
        <translation>This reply is much shorter ({length} characters) than your recent replies to this customer (about {usual} characters). Check that it does not come across as curt.</translation>
    </message>
    <message>
        <source>このお客様へのこれまでの返信より温かみが減っています（お礼・共感・クッション言葉・お客様についてのひとことが、最近は約{usual}か所、今回は{count}か所）。</source>
        <translation>This reply is less warm than your earlier replies to this customer (thanks, empathy, cushion phrases and personal words: about {usual} recently, {count} this time).</translation>
    </message>
</context>
<context>
    <name>FindingRow</name>
    <message>
        <source>「{suggestion}」に直す</source>
        <translation>Change to “{suggestion}”</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>触れていないお話が {count} 件あります</source>
        <translation>{count} things the customer told you are not acknowledged</translation>
    </message>
    <message>
        <source>見直し：触れていないお話が {folded} 件</source>
        <translation>Review: {folded} things the customer told you not acknowledged</translation>
    </message>
    <message>
        <source>見直し：{count} 件の気になる点（ほかに触れていないお話 {folded} 件）</source>
        <translation>Review: {count} points to check (+ {folded} things told, listed together)</translation>
    </message>
    <message>
        <source>この返信は、お客様のお話 {folded} 件にまだ触れていません。</source>
        <translation>This reply does not yet acknowledge {folded} things the customer told you.</translation>
    </message>
    <message>
        <source>この返信には、まだ {count} 件の気になる点があります（ほかに、触れていないお話が {folded} 件）。</source>
        <translation>This reply still has {count} points to check (and {folded} things the customer told you, not acknowledged).</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>ほか {count} 件の指摘は一覧に載せていません</source>
        <translation>{count} more findings are not listed</translation>
    </message>
</context>
<context>
    <name>FoldedRow</name>
    <message>
        <source>（クリックでたたむ）</source>
        <translation> (click to fold)</translation>
    </message>
    <message>
        <source>（クリックで一覧を表示）</source>
        <translation> (click to list them)</translation>
    </message>
</context>
<context>
    <name>InsightController</name>
    <message>
        <source>解析中…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <source>解析が完了しました</source>
        <translation>Analysis complete</translation>
    </message>
    <message>
        <source>解析できませんでした</source>
        <translation>Could not analyse</translation>
    </message>
    <message>
        <source>修正を保存しました</source>
        <translation>Correction saved</translation>
    </message>
    <message>
        <source>修正を保存できませんでした</source>
        <translation>Could not save the correction</translation>
    </message>
</context>
<context>
    <name>InsightModel</name>
    <message>
        <source>同じ文がメールの中に {count} 回あります。クリックすると最初の箇所を表示します。</source>
        <translation>The same sentence occurs {count} times in this mail. Click to show the first one.</translation>
    </message>
    <message>
        <source>関連するご不安</source>
        <translation>Related worry</translation>
    </message>
    <message>
        <source>同じ文が {count} 回</source>
        <translation>Same sentence {count} times</translation>
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
        <source>こちらから送ったメールです。お客様のお話は受け取ったメールでまとめます</source>
        <translation>A mail we sent. What customers tell us is gathered from the mails they send</translation>
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
    <name>MailboxController</name>
    <message>
        <source>差出人・件名で絞り込み — Enter で本文・記録・日付も検索 (Ctrl+F)</source>
        <translation>Filter by sender, subject — Enter: text, records, dates too (Ctrl+F)</translation>
    </message>
    <message>
        <source>差出人・件名で絞り込み — Enter で全フォルダの本文・お客様の記録・日付（2024年3月）を検索 (Ctrl+F)</source>
        <translation>Filter by sender or subject — Enter searches every folder’s text, the customer records and dates (2024年3月) (Ctrl+F)</translation>
    </message>
    <message>
        <source>メールボックスを開いています…</source>
        <translation>Opening the mailbox…</translation>
    </message>
    <message>
        <source>お試し用のメール（デモ）</source>
        <translation>Demo mail</translation>
    </message>
    <message>
        <source>メールフォルダに書き込めません</source>
        <translation>The mail folder cannot be written</translation>
    </message>
    <message>
        <source>メールフォルダ「{folder}」は読み取り専用です（書き込む権限がありません）。</source>
        <translation>The mail folder “{folder}” is read-only (no permission to write).</translation>
    </message>
    <message>
        <source>メールはこのまま読めますが、既読の印は付けません。返信はこのフォルダの「送信済み」に保存できないため、送信しません（書いた返信は残ります）。書き込めるようにするには、フォルダの権限を確認して相槌を起動し直してください。</source>
        <translation>You can read the mail, but it is not marked as read. Replies cannot be saved to this folder’s Sent, so they are not sent (what you write is kept). To allow writing, check the folder’s permissions and start Aizuchi again.</translation>
    </message>
    <message>
        <source>メールを読み込んでいます…</source>
        <translation>Loading mail…</translation>
    </message>
    <message>
        <source>フォルダを読み込んでいます。読み込みが終わると絞り込みます</source>
        <translation>Loading the folder. The list is filtered once it is loaded</translation>
    </message>
    <message>
        <source>「{text}」に一致: {matching} 件（このフォルダの {total} 件中）</source>
        <translation>“{text}” matches {matching} mails (of {total} in this folder)</translation>
    </message>
    <message>
        <source>「{text}」に一致するメールはこのフォルダにありません。本文も探すには Enter を押してください。</source>
        <translation>No mail in this folder matches “{text}”. Press Enter to search the mail bodies too.</translation>
    </message>
    <message>
        <source>メールの一覧を絞り込めませんでした</source>
        <translation>Could not filter the message list</translation>
    </message>
    <message>
        <source>画像を読み込めませんでした（{failed} 枚）。ネットワークにつながっているか確かめてください。</source>
        <translation>Could not load the images ({failed}). Check that you are connected to the network.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>メールボックスを開いています…</source>
        <translation>Opening the mailbox…</translation>
    </message>
    <message>
        <source>お客様の記録を開いています。少し待ってからもう一度お試しください。</source>
        <translation>The customer records are still opening. Please try again in a moment.</translation>
    </message>
    <message>
        <source>{mailbox} — 相槌</source>
        <translation>{mailbox} — Aizuchi</translation>
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
        <source>営業時間と送信の設定(&amp;H)…</source>
        <translation>Service &amp;hours and sending…</translation>
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
        <source>お客様の記録(&amp;M)</source>
        <translation>&amp;Customers</translation>
    </message>
    <message>
        <source>記録の作成を停止</source>
        <translation>Stop building records</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>お客様の記録を作成中</source>
        <translation>Building customer records</translation>
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
        <source>メールアカウントを追加(&amp;A)…</source>
        <translation>&amp;Add mail account…</translation>
    </message>
    <message>
        <source>送信トレイ(&amp;O)…</source>
        <translation>&amp;Outbox…</translation>
    </message>
    <message>
        <source>すべてのフォルダから記録を作成・再開</source>
        <translation>Build or resume records from every folder</translation>
    </message>
    <message>
        <source>チームで共有…</source>
        <translation>Share with the team…</translation>
    </message>
    <message>
        <source>返信までの時間…</source>
        <translation>Response times…</translation>
    </message>
    <message>
        <source>キーボード操作(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>検索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
</context>
<context>
    <name>MakeSnippetDialog</name>
    <message>
        <source>お客様のお名前</source>
        <translation>customer&apos;s name</translation>
    </message>
    <message>
        <source>話題</source>
        <translation>topic</translation>
    </message>
    <message>
        <source>商品名</source>
        <translation>product name</translation>
    </message>
    <message>
        <source>日付・日時</source>
        <translation>date or time</translation>
    </message>
    <message>
        <source>注文番号</source>
        <translation>order number</translation>
    </message>
    <message>
        <source>数値（サイズ・金額など）</source>
        <translation>number (size, amount…)</translation>
    </message>
    <message>
        <source>担当者名</source>
        <translation>staff member&apos;s name</translation>
    </message>
    <message>
        <source>定型文にする</source>
        <translation>Make a snippet</translation>
    </message>
    <message>
        <source>送信した返信の文から、お客様ごとに変わるところを差し込みに置き換えました。内容を確かめて、必要なら直してください。</source>
        <translation>What changes from customer to customer in the sent reply has been replaced with placeholders. Check the text and correct it if needed.</translation>
    </message>
    <message>
        <source>置き換えた語：</source>
        <translation>Replaced: </translation>
    </message>
    <message>
        <source>置き換えた語はありません。お客様のお名前などが残っていないか確かめてください。</source>
        <translation>Nothing was replaced. Check that no customer&apos;s name or other personal detail is left.</translation>
    </message>
    <message>
        <source>チームの定型文として共有します（作成：{staff}）</source>
        <translation>Shared with the team&apos;s snippets (made by {staff})</translation>
    </message>
    <message>
        <source>このパソコンの定型文に保存します（作成：{staff}）</source>
        <translation>Saved to the snippets on this computer (made by {staff})</translation>
    </message>
    <message>
        <source>未設定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>元の返信：{reply}</source>
        <translation>From the reply: {reply}</translation>
    </message>
    <message>
        <source>場面</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>定型文として保存</source>
        <translation>Save as snippet</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>定型文が空です。</source>
        <translation>The snippet is empty.</translation>
    </message>
    <message>
        <source>使えない差し込みがあります：{unknown}（使えるもの：{known}）</source>
        <translation>Unknown placeholder: {unknown} (available: {known})</translation>
    </message>
</context>
<context>
    <name>MemoryController</name>
    <message>
        <source>お客様の記録を開き直しています…</source>
        <translation>Reopening the customer memory…</translation>
    </message>
    <message>
        <source>お客様の記録を開けませんでした: {name}</source>
        <translation>The customer records could not be opened: {name}</translation>
    </message>
    <message>
        <source>停止しています…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>{state}&#x3000;{done} / {total} 通</source>
        <translation>{state}  {done} / {total} mails</translation>
    </message>
    <message>
        <source>{done} / {total} 件</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>記録の作成を停止しました（{done} / {total} 通）。メニューから再開できます。</source>
        <translation>Stopped building the records ({done} / {total} mails). You can resume from the menu.</translation>
    </message>
    <message>
        <source>お客様の記録にメール {count} 通を加えました</source>
        <translation>Added {count} mails to the customer records</translation>
    </message>
    <message>
        <source>（読み取れなかった {skipped} 通を除く）</source>
        <translation> (except {skipped} that could not be read)</translation>
    </message>
    <message>
        <source>返信に挿入しました: {phrase}</source>
        <translation>Inserted into the reply: {phrase}</translation>
    </message>
    <message>
        <source>コピーしました: {phrase}</source>
        <translation>Copied: {phrase}</translation>
    </message>
    <message>
        <source>お客様の記録を書き出す</source>
        <translation>Export customer record</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>書き出しました: {target}</source>
        <translation>Exported: {target}</translation>
    </message>
    <message>
        <source>記録を削除</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>このお客様について覚えたこと（お話・ご要望・返信の記録・メモ）をすべて削除します。メールそのものは削除されません。よろしいですか？</source>
        <translation>This deletes everything remembered about this customer (what they told, asked, our reply records, notes). The mail itself is not deleted. Continue?</translation>
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
    <name>OutboxController</name>
    <message>
        <source>返信を遅れて送信しました</source>
        <translation>A reply went out late</translation>
    </message>
    <message>
        <source>アカウントに接続していません。接続したら送信します。</source>
        <translation>The account is not connected. The reply goes out once it connects.</translation>
    </message>
    <message>
        <source>送信を取り消しました。下書きは残っています。</source>
        <translation>Sending cancelled. The draft is kept.</translation>
    </message>
    <message>
        <source>すでに送信が始まっていたため、取り消せませんでした。</source>
        <translation>Sending had already started, so it could not be cancelled.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>送信トレイ</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>送信を待っているメールはありません。</source>
        <translation>No mail is waiting to be sent.</translation>
    </message>
    <message>
        <source>再試行・再確認</source>
        <translation>Retry / check again</translation>
    </message>
    <message>
        <source>再送する…</source>
        <translation>Send again…</translation>
    </message>
    <message>
        <source>開いて見直す</source>
        <translation>Open and review</translation>
    </message>
    <message>
        <source>日時を変更…</source>
        <translation>Change time…</translation>
    </message>
    <message>
        <source>今すぐ送信</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>取り消す</source>
        <translation>Cancel sending</translation>
    </message>
    <message>
        <source>再送の確認</source>
        <translation>Send again?</translation>
    </message>
    <message>
        <source>このメールはすでにお客様に届いている可能性があります。同じメールをもう一度送りますか？</source>
        <translation>The customer may already have received this mail. Send the same mail again?</translation>
    </message>
    <message>
        <source>送信日時を変更</source>
        <translation>Change the send time</translation>
    </message>
    <message>
        <source>この日時（日本時間）に送信します：</source>
        <translation>Send at this time (Japan time):</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>宛先</source>
        <translation>To</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
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
        <source>差出人: {who}</source>
        <translation>From: {who}</translation>
    </message>
    <message>
        <source>（返信先: {back}）</source>
        <translation>(reply to: {back})</translation>
    </message>
    <message>
        <source>宛先: {to}</source>
        <translation>To: {to}</translation>
    </message>
    <message>
        <source>日時: {date}</source>
        <translation>Date: {date}</translation>
    </message>
    <message>
        <source>長いメールのため、最初の約 {count} 文字だけを解析しています</source>
        <translation>This mail is long: only its first {count} or so characters were analysed</translation>
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
    <name>RefusedDialog</name>
    <message>
        <source>送信できませんでした</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>メールサーバーが、{to} 宛ての返信「{subject}」の受け取りを断りました。返信は送信されていません。下書きはそのまま残っています。</source>
        <translation>The mail server refused the reply “{subject}” to {to}. Nothing was sent; the draft is kept as it was.</translation>
    </message>
    <message>
        <source>サーバーの返答：{reply}</source>
        <translation>The server said: {reply}</translation>
    </message>
    <message>
        <source>（返答なし）</source>
        <translation>(no reply text)</translation>
    </message>
    <message>
        <source>閉じて下書きを直す</source>
        <translation>Close and fix the draft</translation>
    </message>
    <message>
        <source>詳細</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ReplyChart</name>
    <message>
        <source>{day}: {length}字・温かみ {warmth}</source>
        <translation>{day}: {length} chars, warmth {warmth}</translation>
    </message>
    <message>
        <source>■ 長さ</source>
        <translation>■ Length</translation>
    </message>
    <message>
        <source>● 温かみ</source>
        <translation>● Warmth</translation>
    </message>
    <message>
        <source>まだ返信がありません</source>
        <translation>No replies yet</translation>
    </message>
    <message>
        <source>記録の準備中です</source>
        <translation>Records being prepared</translation>
    </message>
</context>
<context>
    <name>ResponseTime</name>
    <message>
        <source>未返信</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>{days}営業日</source>
        <translation>{days} business days</translation>
    </message>
    <message>
        <source>{hours}時間</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{minutes}分</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>週</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>返信までの時間（中央値）</source>
        <translation>Time to reply (median)</translation>
    </message>
    <message>
        <source>お問い合わせ</source>
        <translation>Mails</translation>
    </message>
    <message>
        <source>返信済み</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>{day} の週</source>
        <translation>Week of {day}</translation>
    </message>
    <message>
        <source>受信</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>お客様</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>最初の返信</source>
        <translation>First reply</translation>
    </message>
    <message>
        <source>返信までの時間（営業時間）</source>
        <translation>Time to reply (business hours)</translation>
    </message>
</context>
<context>
    <name>ResponseTimeDialog</name>
    <message>
        <source>返信までの時間</source>
        <translation>Response times</translation>
    </message>
    <message>
        <source>お客様のメールが届いてから最初の返信までの時間を、営業時間と送信の設定で決めた営業時間（休業日を除く）だけで数えています。</source>
        <translation>The time from a customer&apos;s mail to our first reply, counted only in the business hours set in “Service hours and sending” (days off excluded).</translation>
    </message>
    <message>
        <source>集計しています…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>まだお客様のメールがありません。お客様の記録を作成すると集計できます。</source>
        <translation>No customer mail yet. Build the customer records to see the figures.</translation>
    </message>
    <message>
        <source>お問い合わせ {mails} 件（返信済み {answered} 件）</source>
        <translation>{mails} mails ({answered} answered)</translation>
    </message>
    <message>
        <source>集計できませんでした: {reason}</source>
        <translation>Could not count: {reason}</translation>
    </message>
</context>
<context>
    <name>RightColumn</name>
    <message>
        <source>お客様のお話</source>
        <translation>What they told you</translation>
    </message>
    <message>
        <source>このお客様について</source>
        <translation>About them</translation>
    </message>
    <message>
        <source>以前お話しくださったことに関係があります</source>
        <translation>Relates to something they told us before</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>一覧に戻る</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>フォルダのメール一覧に戻る (Esc)</source>
        <translation>Back to the folder&apos;s messages (Esc)</translation>
    </message>
    <message>
        <source>「{query}」を検索中…</source>
        <translation>Searching for “{query}”…</translation>
    </message>
    <message>
        <source>「{query}」を検索できませんでした</source>
        <translation>Could not search for “{query}”</translation>
    </message>
    <message>
        <source>「{query}」は、ここまでに準備できたメールとお客様の記録には見つかりませんでした</source>
        <translation>“{query}” was not found in the mail and customer records prepared so far</translation>
    </message>
    <message>
        <source>「{query}」はメールにもお客様の記録にも見つかりませんでした</source>
        <translation>“{query}” was found neither in mail nor in the customer records</translation>
    </message>
    <message>
        <source>{count} 件以上</source>
        <translation>{count} or more</translation>
    </message>
    <message>
        <source>{count} 件</source>
        <translation>{count}</translation>
    </message>
    <message>
        <source>「{query}」の検索結果: メール {mail_total} 件・お客様の記録 {memory_count}</source>
        <translation>Results for “{query}”: {mail_total} mails, customer records {memory_count}</translation>
    </message>
    <message>
        <source>準備中のため一部のみ: {total} 通のうち {done} 通が対象（記録の作成が終わるとすべてが対象）</source>
        <translation>Partial while preparing: {done} of {total} mails (all once the records are built)</translation>
    </message>
    <message>
        <source>準備中のため一部のみ（記録の作成が終わると、すべてのメールが対象になります）</source>
        <translation>Partial while preparing (every mail is searched once the records are built)</translation>
    </message>
    <message>
        <source>。メールアカウントのメール {count} 通はまだ検索できません（本文の受信と記録への追加が済むと対象になります）</source>
        <translation>. {count} mails of the mail accounts cannot be found yet (they can once their text is received and added to the records)</translation>
    </message>
    <message>
        <source>検索の対象: メールボックス「{name}」の全フォルダ（下書き・ごみ箱・迷惑メールを除く）</source>
        <translation>Searched: every folder of the mailbox “{name}” (except Drafts, Trash and Junk)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>「{name}」</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>検索の対象: メールボックス「{name}」とメールアカウント{accounts}の全フォルダ（下書き・ごみ箱・迷惑メールを除く）</source>
        <translation>Searched: every folder of the mailbox “{name}” and of the mail accounts {accounts} (except Drafts, Trash and Junk)</translation>
    </message>
    <message>
        <source>日付でも探せます: 「2024年3月」「2024年3月5日」「2024/3/5」（ほかの言葉と組み合わせると、その月・日のメールから探します）</source>
        <translation>You can search by date too: “2024年3月”, “2024年3月5日”, “2024/3/5” (with other words, they are looked for in mail of that month or day)</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>【記録】{date} {customer_name}: {text}</source>
        <translation>[Record] {date} {customer_name}: {text}</translation>
    </message>
</context>
<context>
    <name>SendReviewDialog</name>
    <message>
        <source>送信前の見直し</source>
        <translation>Review before sending</translation>
    </message>
    <message numerus="yes">
        <source>この返信には、まだ %n 件の気になる点があります。</source>
        <translation>
            <numerusform>This reply still has %n point to check.</numerusform>
            <numerusform>This reply still has %n points to check.</numerusform>
        </translation>
    </message>
    <message>
        <source>埋められていない差し込みがあるため、このままでは送信できません。</source>
        <translation>A placeholder is still unfilled, so this reply cannot be sent as it is.</translation>
    </message>
    <message>
        <source>戻って直す</source>
        <translation>Go back and fix</translation>
    </message>
    <message>
        <source>このまま送信</source>
        <translation>Send anyway</translation>
    </message>
</context>
<context>
    <name>ServiceHoursDialog</name>
    <message>
        <source>全店共通</source>
        <translation>All shops</translation>
    </message>
    <message>
        <source>この店だけの営業時間を使う</source>
        <translation>Use hours of this shop only</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>火</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>水</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>木</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>金</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>土</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>祝日は休み</source>
        <translation>Closed on national holidays</translation>
    </message>
    <message>
        <source>開始</source>
        <translation>From</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>To</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>休業日を追加</source>
        <translation>Add closed days</translation>
    </message>
    <message>
        <source>選んだ休業日を削除</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>営業日</source>
        <translation>Business days</translation>
    </message>
    <message>
        <source>営業時間</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>休業日</source>
        <translation>Closed days</translation>
    </message>
    <message>
        <source>休業日は「12/29」〜「1/3」のように毎年の日付で、臨時休業は「2026/9/1」のように年を付けて入力します。営業時間外に書き終えた返信は、次の営業時間に送る予約が既定になります。</source>
        <translation>Enter yearly closed days as dates such as 12/29 to 1/3, and a one-off closure with its year, such as 2026/9/1. A reply finished outside the hours is scheduled for the next opening by default.</translation>
    </message>
    <message>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <source>店</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>送信を取り消せる時間</source>
        <translation>Time to undo a send</translation>
    </message>
    <message>
        <source>営業時間と送信の設定</source>
        <translation>Service hours and sending</translation>
    </message>
    <message>
        <source>休業日「{day}」を日付として読めません。「12/29」や「2026/8/10」のように入力してください。</source>
        <translation>The closed day “{day}” cannot be read as a date. Enter it like 12/29 or 2026/8/10.</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>署名とあいさつ</source>
        <translation>Signature and greeting</translation>
    </message>
    <message>
        <source>返信の差出人ごとに、はじめのあいさつと署名を設定します。設定すると、新しい返信に自動で入ります。空欄のままなら何も入りません。</source>
        <translation>Set the opening greeting and the signature for each sender of your replies. New replies get them automatically; left empty, nothing is added.</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>お店の名前（お客様に差出人として表示されます）</source>
        <translation>Your shop&apos;s name (customers see it as the sender)</translation>
    </message>
    <message>
        <source>返信を送るメールアドレス</source>
        <translation>The address replies are sent from</translation>
    </message>
    <message>
        <source>例：このたびは〇〇（お店の名前）にお問い合わせいただき、誠にありがとうございます。
担当の〇〇と申します。</source>
        <translation>e.g. Thank you for contacting (your shop&apos;s name).
My name is (your name) and I will be helping you.</translation>
    </message>
    <message>
        <source>例：
────────────
お店の名前
担当：お名前
〒000-0000 住所
TEL 00-0000-0000（営業時間）
https://お店のホームページ/
────────────</source>
        <translation>e.g.
────────────
Your shop&apos;s name
Contact: your name
Postal code, address
TEL 00-0000-0000 (opening hours)
https://your-shop-website/
────────────</translation>
    </message>
    <message>
        <source>差出人名</source>
        <translation>Sender name</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>あいさつ</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <source>署名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>（新しい差出人）</source>
        <translation>(new sender)</translation>
    </message>
</context>
<context>
    <name>SnippetFromReply</name>
    <message>
        <source>定型文にする</source>
        <translation>Make a snippet</translation>
    </message>
    <message>
        <source>定型文にしました（{snippet}）</source>
        <translation>Saved as a snippet ({snippet})</translation>
    </message>
    <message>
        <source>定型文にできませんでした: {reason}</source>
        <translation>Could not make a snippet: {reason}</translation>
    </message>
</context>
<context>
    <name>SnippetManagerDialog</name>
    <message>
        <source>定型文の管理</source>
        <translation>Snippets</translation>
    </message>
    <message>
        <source>場面や言葉で絞り込み</source>
        <translation>Filter by situation or words</translation>
    </message>
    <message>
        <source>コピーして編集</source>
        <translation>Copy and edit</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>差し込み: {customer} お名前、{topic} 話題、{product} 商品名、{date} 日付</source>
        <translation>Placeholders: {customer} name, {topic} topic, {product} product, {date} date</translation>
    </message>
    <message>
        <source>標準の定型文（チェックを外すと提案しません）</source>
        <translation>Built-in snippets (uncheck to stop suggesting one)</translation>
    </message>
    <message>
        <source>当店の定型文</source>
        <translation>This shop’s own snippets</translation>
    </message>
    <message>
        <source>場面</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>提案する項目</source>
        <translation>Suggest for</translation>
    </message>
    <message>
        <source>文面</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>標準の定型文は「コピーして編集」で当店の定型文にしてから編集できます。</source>
        <translation>Built-in snippets cannot be edited here: “Copy and edit” makes one the shop’s own, which you can edit.</translation>
    </message>
    <message>
        <source>当店の定型文はまだありません。「追加」で新しく作るか、標準の定型文を選んで「コピーして編集」してください。</source>
        <translation>The shop has no snippets of its own yet. Create one with “Add”, or choose a built-in snippet and click “Copy and edit”.</translation>
    </message>
    <message>
        <source>定型文を保存できません</source>
        <translation>Cannot save the snippets</translation>
    </message>
    <message>
        <source>使える差し込みは {names} です。
{error}</source>
        <translation>The placeholders you can use are {names}.
{error}</translation>
    </message>
</context>
<context>
    <name>SnippetSuggestions</name>
    <message>
        <source>おすすめの定型文</source>
        <translation>Suggested snippets</translation>
    </message>
    <message>
        <source>上の項目を選ぶと、その内容に合う定型文をここに出します</source>
        <translation>Select an item above to see snippets that fit it here</translation>
    </message>
    <message>
        <source>クリックまたは Ctrl+1〜9 でカーソル位置に挿入します</source>
        <translation>Click or press Ctrl+1–9 to insert at the cursor</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>相槌はすでに起動しています。開いているウィンドウを前面に出しました。</source>
        <translation>Aizuchi is already running. Its window has been brought to the front.</translation>
    </message>
    <message>
        <source>相槌はすでに起動しています（プロセス {pid}）。同じデータフォルダを二つの相槌で同時に開くと、返信が二重に送られるおそれがあるため、起動しませんでした。開いている相槌をお使いください。</source>
        <translation>Aizuchi is already running (process {pid}). Two copies of Aizuchi on the same data folder could send a reply twice, so this one did not start. Please use the one that is open.</translation>
    </message>
    <message>
        <source>相槌はすでに起動しています</source>
        <translation>Aizuchi is already running</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>メールを読み込んでいます…</source>
        <translation>Loading mail…</translation>
    </message>
    <message>
        <source>メールサーバーと通信しています…</source>
        <translation>Talking to the mail server…</translation>
    </message>
    <message>
        <source>解析の準備をしています…</source>
        <translation>Getting the analyser ready…</translation>
    </message>
    <message>
        <source>お客様の記録を準備しています…</source>
        <translation>Preparing the customer records…</translation>
    </message>
    <message>
        <source>送信トレイを確認しています…</source>
        <translation>Checking the outbox…</translation>
    </message>
    <message>
        <source>メールの一覧を保存しています…</source>
        <translation>Saving the mail list…</translation>
    </message>
    <message>
        <source>処理しています…</source>
        <translation>Working…</translation>
    </message>
    <message numerus="yes">
        <source>%n 件のメール</source>
        <translation>
            <numerusform>%n mail</numerusform>
            <numerusform>%n mails</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>ディスクの空きがないため、相槌のデータ（{path}）を開けません。空き容量を増やしてから、もう一度起動してください。データには何も手を加えていません。</source>
        <translation>Aizuchi cannot open its data ({path}) because the disk is full. Free some space, then start again. Nothing in your data was changed.</translation>
    </message>
    <message>
        <source>データフォルダ（{parent}）に書き込めないため、相槌のデータを開けません。フォルダの書き込み権限と空き容量を確かめてから、もう一度起動してください。データには何も手を加えていません。</source>
        <translation>Aizuchi cannot open its data because the data folder ({parent}) cannot be written to. Check the folder&apos;s write permission and free space, then start again. Nothing in your data was changed.</translation>
    </message>
    <message>
        <source>相槌のデータファイル（{path}）の中身が空（0 バイト）になっています。</source>
        <translation>Aizuchi&apos;s data file ({path}) is empty (0 bytes). </translation>
    </message>
    <message>
        <source>相槌のデータファイル（{path}）が壊れています。</source>
        <translation>Aizuchi&apos;s data file ({path}) is damaged. </translation>
    </message>
    <message>
        <source>このままでは開けません。ファイルは消さずに別名で保管し、新しいデータで始めることができます。メールはメールボックスやサーバーから取り込み直し、お客様の記録も作り直します。</source>
        <translation>It cannot be opened as it is. You can start with new data: the file is kept under another name, not deleted. Mail is read again from the mailbox or the server, and the customer records are rebuilt.</translation>
    </message>
    <message>
        <source> ほか {count} 件</source>
        <translation> and {count} more</translation>
    </message>
    <message>
        <source>

戻る下書き：データに書き込めなかったときに予備のファイルへ保存した下書き {count} 件（{subjects}）は、新しいデータでも、元のメールを開いて「返信」を押すと書いた内容のまま開きます。</source>
        <translation>

Drafts that come back: {count} draft(s) saved to the backup file when the data could not be written ({subjects}). With the new data, open the original mail and press Reply: each opens as you wrote it.</translation>
    </message>
    <message>
        <source>

予備のファイルに保存された下書きはありません。</source>
        <translation>

No draft was saved to the backup file.</translation>
    </message>
    <message>
        <source>

戻らないもの：壊れたファイルの中にあるそのほかの下書き・送信待ちの返信（送信されません）・アカウントの設定。アカウントはもう一度追加してください。</source>
        <translation>

What does not come back: the other drafts in the damaged file, replies waiting in the outbox (they will not be sent) and the account settings. Add your accounts again.</translation>
    </message>
    <message>
        <source>データを開けません</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <source>新しいデータで始める</source>
        <translation>Start with fresh data</translation>
    </message>
    <message>
        <source>終了する</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>壊れたファイルは「{kept}」として保管しました。アカウントをもう一度追加すると、メールはサーバーから取り込み直されます。</source>
        <translation>The damaged file was kept as &quot;{kept}&quot;. Add your accounts again and their mail will be taken in again from the servers.</translation>
    </message>
    <message>
        <source>新しいデータで始めます</source>
        <translation>Starting with fresh data</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <source>チームの在席表示を開始できませんでした: {problem}</source>
        <translation>Could not show the team&apos;s presence: {problem}</translation>
    </message>
    <message>
        <source>送信していません。下書きは保存されています。</source>
        <translation>Not sent. The draft is saved.</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>お客様の記録をチームで共有</source>
        <translation>Share the customer memory with the team</translation>
    </message>
    <message>
        <source>お客様の記録を PostgreSQL サーバーに置くと、スタッフ全員が同じ記録を見られます。パスワードはこのパソコンの安全な保管庫にだけ保存します。</source>
        <translation>With the customer memory on a PostgreSQL server, every member of staff sees the same memory. The password is kept only in this computer&apos;s secure store.</translation>
    </message>
    <message>
        <source>例：佐藤</source>
        <translation>e.g. Sato</translation>
    </message>
    <message>
        <source>サーバー</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>ポート</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>データベース名</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>あなたの名前（スタッフ名）</source>
        <translation>Your name (staff)</translation>
    </message>
    <message>
        <source>接続テスト</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>共有に切り替える</source>
        <translation>Switch to the shared memory</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>このパソコンだけで使う</source>
        <translation>Use on this computer only</translation>
    </message>
    <message>
        <source>この環境では安全なパスワード保管庫（キーリング）が見つかりません。パスワードは保存されず、相槌を終了するまでの間だけ使われます。次回の起動時にもう一度入力してください。</source>
        <translation>No secure password store (keyring) was found on this system. The password is not saved and is only used until Aizuchi closes. Please enter it again next time.</translation>
    </message>
    <message>
        <source>変更しないときは空欄のまま</source>
        <translation>Leave empty to keep the saved password</translation>
    </message>
    <message>
        <source>接続しています…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>接続できました。</source>
        <translation>Connected.</translation>
    </message>
    <message>
        <source>接続できませんでした（{name}）</source>
        <translation>Could not connect ({name})</translation>
    </message>
    <message>
        <source>ユーザー名かパスワードが正しくありません。</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>サーバーが見つかりません。サーバー名を確かめてください。</source>
        <translation>The server was not found. Check its name.</translation>
    </message>
    <message>
        <source>サーバーに接続を断られました。ポート番号と、サーバーが動いているかを確かめてください。</source>
        <translation>The server refused the connection. Check the port and that the server is running.</translation>
    </message>
    <message>
        <source>サーバーから応答がありません。ネットワークを確かめてください。</source>
        <translation>The server does not answer. Check the network.</translation>
    </message>
    <message>
        <source>そのデータベースはサーバーにありません。データベース名を確かめてください。</source>
        <translation>That database is not on the server. Check its name.</translation>
    </message>
    <message>
        <source>接続できませんでした。</source>
        <translation>Could not connect.</translation>
    </message>
</context>
<context>
    <name>TeamGuardDialog</name>
    <message>
        <source>ほかのスタッフが返信しました</source>
        <translation>A teammate has replied</translation>
    </message>
    <message>
        <source>{staff}さんが {when} にこのメールへ返信を送信しました。お客様に二重に返信しないよう、内容を確かめてから決めてください。</source>
        <translation>{staff} sent a reply to this mail at {when}. To avoid answering the customer twice, read it before you decide.</translation>
    </message>
    <message>
        <source>ほかのスタッフ</source>
        <translation>another staff member</translation>
    </message>
    <message>
        <source>ほかのスタッフの返信を確かめられませんでした</source>
        <translation>Could not check for a teammate&apos;s reply</translation>
    </message>
    <message>
        <source>チームのサーバーに接続できず、このメールにほかのスタッフが返信したかどうかを確かめられませんでした。このまま送信しますか？</source>
        <translation>The team&apos;s server could not be reached, so Aizuchi could not check whether a teammate already replied to this mail. Send anyway?</translation>
    </message>
    <message>
        <source>送信する</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>下書きに戻す</source>
        <translation>Back to the draft</translation>
    </message>
</context>
<context>
    <name>TeamPresence</name>
    <message>
        <source>ほかのスタッフ</source>
        <translation>another staff member</translation>
    </message>
    <message>
        <source>さん、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{staff}さんが返信を書いています</source>
        <translation>{staff} is writing a reply</translation>
    </message>
    <message>
        <source>{staff}さんがこのメールを見ています</source>
        <translation>{staff} is reading this mail</translation>
    </message>
    <message>
        <source>。</source>
        <translation>. </translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <source>送信を取り消す</source>
        <translation>Undo send</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>（件名を読めませんでした）</source>
        <translation>(the subject could not be read)</translation>
    </message>
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
        <source>改善の提案</source>
        <translation>a suggestion for improvement</translation>
    </message>
    <message>
        <source>箇条書きのご質問</source>
        <translation>a question in a list</translation>
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
        <source>ご自身の気持ち</source>
        <translation>their own feelings</translation>
    </message>
    <message>
        <source>理由の説明</source>
        <translation>a reason given</translation>
    </message>
    <message>
        <source>似た文でよく使われる言葉</source>
        <translation>words typical of such sentences</translation>
    </message>
    <message>
        <source>あなたが追加した項目です</source>
        <translation>You added this item</translation>
    </message>
    <message>
        <source>判断の手がかり: {label}</source>
        <translation>Why: {label}</translation>
    </message>
    <message>
        <source>判断の手がかり: {label}「{words}」</source>
        <translation>Why: {label} “{words}”</translation>
    </message>
    <message>
        <source>文字化けを防ぐため、文字コードを推定して表示しています</source>
        <translation>The character encoding was worked out so the text shows correctly</translation>
    </message>
    <message>
        <source>一部の文字を読み取れなかったため、「�」で表示しています。必要ならお客様に確認してください</source>
        <translation>Some characters could not be read and show as “�”. Ask the customer if they matter</translation>
    </message>
    <message>
        <source>本文の一部が壊れて届いたため、読み取れた範囲を表示しています</source>
        <translation>Part of the mail arrived damaged; what could be read is shown</translation>
    </message>
    <message>
        <source>件名または差出人の表記が壊れていたため、修復して表示しています</source>
        <translation>The subject or sender was damaged and has been repaired</translation>
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
    <message>
        <source>メールの終わりが欠けているため、途中で切れている可能性があります</source>
        <translation>The end of this mail is missing; it may have been cut off</translation>
    </message>
    <message>
        <source>HTML の構造が極端に深い・大きいため、安全のため書式を外して文字だけを表示しています</source>
        <translation>The HTML of this mail is extremely deep or large, so for safety only its text is shown, without formatting</translation>
    </message>
    <message>
        <source>メールの構造が極端に深いため、本文を平らに並べて表示しています</source>
        <translation>This mail&apos;s structure is extremely deep, so its text parts are shown one after another</translation>
    </message>
    <message>
        <source>日本語の切り替え記号が抜けていた行を補って表示しています</source>
        <translation>Some lines lacked their Japanese shift codes; they are shown repaired</translation>
    </message>
    <message>
        <source>文字コード: {detail}</source>
        <translation>Encoding: {detail}</translation>
    </message>
    <message>
        <source>未回答のご要望</source>
        <translation>Unanswered request</translation>
    </message>
    <message>
        <source>触れていないお話</source>
        <translation>Disclosure not acknowledged</translation>
    </message>
    <message>
        <source>寄り添えていないご不安</source>
        <translation>Worry not acknowledged</translation>
    </message>
    <message>
        <source>代案のないお断り</source>
        <translation>Refusal without alternative</translation>
    </message>
    <message>
        <source>事務的な印象</source>
        <translation>Sounds cold</translation>
    </message>
    <message>
        <source>なれなれしい印象</source>
        <translation>Sounds over-familiar</translation>
    </message>
    <message>
        <source>二重敬語</source>
        <translation>Double honorific</translation>
    </message>
    <message>
        <source>バイト敬語</source>
        <translation>Part-timer keigo</translation>
    </message>
    <message>
        <source>敬語の向き</source>
        <translation>Honorific direction</translation>
    </message>
    <message>
        <source>ら抜き言葉</source>
        <translation>ra-nuki</translation>
    </message>
    <message>
        <source>さ入れ言葉</source>
        <translation>sa-ire</translation>
    </message>
    <message>
        <source>い抜き言葉</source>
        <translation>i-nuki</translation>
    </message>
    <message>
        <source>文体の混在</source>
        <translation>Mixed styles</translation>
    </message>
    <message>
        <source>重複表現</source>
        <translation>Redundancy</translation>
    </message>
    <message>
        <source>助詞の連続</source>
        <translation>Repeated particle</translation>
    </message>
    <message>
        <source>長い文</source>
        <translation>Long sentence</translation>
    </message>
    <message>
        <source>誤字</source>
        <translation>Typo</translation>
    </message>
    <message>
        <source>機種依存文字</source>
        <translation>Platform-dependent character</translation>
    </message>
    <message>
        <source>半角カナ</source>
        <translation>Half-width kana</translation>
    </message>
    <message>
        <source>未記入の差し込み</source>
        <translation>Unfilled placeholder</translation>
    </message>
    <message>
        <source>似た文字の取り違え</source>
        <translation>Look-alike character</translation>
    </message>
    <message>
        <source>二重否定</source>
        <translation>Double negative</translation>
    </message>
    <message>
        <source>言葉の誤用</source>
        <translation>Misused word</translation>
    </message>
    <message>
        <source>させていただくの多用</source>
        <translation>Too many させていただく</translation>
    </message>
    <message>
        <source>ビジネスマナー</source>
        <translation>Business manners</translation>
    </message>
    <message>
        <source>接続詞の連続</source>
        <translation>Repeated conjunction</translation>
    </message>
    <message>
        <source>本文なし</source>
        <translation>Not written yet</translation>
    </message>
    <message>
        <source>これまでより短い返信</source>
        <translation>Shorter than before</translation>
    </message>
    <message>
        <source>これまでより控えめな温かみ</source>
        <translation>Less warm than before</translation>
    </message>
    <message>
        <source>{label}：{message}</source>
        <translation>{label}: {message}</translation>
    </message>
    <message>
        <source>サーバー名が見つかりません。サーバー名の綴りを確認してください。</source>
        <translation>The server name was not found. Check its spelling.</translation>
    </message>
    <message>
        <source>サーバーが接続を拒否しました。ポート番号と接続の保護（SSL/TLS・STARTTLS）を確認してください。</source>
        <translation>The server refused the connection. Check the port and the security (SSL/TLS, STARTTLS).</translation>
    </message>
    <message>
        <source>サーバーから応答がありません（タイムアウト）。ネットワークとポート番号を確認してください。</source>
        <translation>The server does not answer (timeout). Check the network and the port.</translation>
    </message>
    <message>
        <source>サーバーの証明書の有効期限が切れています。サーバーの管理者（レンタルサーバー会社）にお問い合わせください。</source>
        <translation>The server&apos;s certificate has expired. Please contact the server&apos;s administrator (your hosting company).</translation>
    </message>
    <message>
        <source>サーバーの証明書を確認できません。サーバー名が証明書と一致しているか確認してください。</source>
        <translation>The server&apos;s certificate cannot be verified. Check that the server name matches the certificate.</translation>
    </message>
    <message>
        <source>サーバーが STARTTLS に対応していません。接続の保護を「SSL/TLS」にしてお試しください。</source>
        <translation>The server does not offer STARTTLS. Try the security setting &quot;SSL/TLS&quot;.</translation>
    </message>
    <message>
        <source>暗号化された接続を確立できませんでした。ポート番号と接続の保護の組み合わせを確認してください。</source>
        <translation>An encrypted connection could not be made. Check that the port and the security setting match.</translation>
    </message>
    <message>
        <source>接続が途中で切れました。しばらくしてから再度お試しください。</source>
        <translation>The connection was cut. Please try again in a while.</translation>
    </message>
    <message>
        <source>送信待ち</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>送信中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>送信失敗</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>送信状態不明</source>
        <translation>Outcome unknown</translation>
    </message>
    <message>
        <source>取り消し済み</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>サーバーに接続できませんでした。メールは送られていません。接続が戻ったら再試行してください。</source>
        <translation>Could not reach the server. The mail was not sent. Retry when the connection is back.</translation>
    </message>
    <message>
        <source>サーバーが一時的に受け付けませんでした。メールは送られていません。しばらくしてから再試行してください。</source>
        <translation>The server temporarily refused. The mail was not sent. Retry in a while.</translation>
    </message>
    <message>
        <source>メールサーバーが受け取りを断りました。メールは送られていません。下書きは残っています。</source>
        <translation>The mail server refused the message. Nothing was sent; the draft is kept.</translation>
    </message>
    <message>
        <source>宛先のメールアドレスに誤りがないか確かめ、直してからもう一度送信してください。</source>
        <translation>Check the recipient&apos;s address for a mistake, correct it and send again.</translation>
    </message>
    <message>
        <source>メールが大きすぎます。添付ファイルを小さくするか減らしてから、もう一度送信してください。</source>
        <translation>The message is too large. Make the attachments smaller or fewer, then send again.</translation>
    </message>
    <message>
        <source>宛先と内容を確かめてからもう一度送信してください。同じように断られるときは、サーバーの返答をメールサーバーの管理者（プロバイダ）に伝えて問い合わせてください。</source>
        <translation>Check the recipient and the content, then send again. If it is refused again, ask your mail server&apos;s administrator (your provider), quoting the server&apos;s reply.</translation>
    </message>
    <message>
        <source>パスワードが受け付けられませんでした。アカウント設定を確認してください。</source>
        <translation>The password was refused. Check the account settings.</translation>
    </message>
    <message>
        <source>送信中に接続が切れたため、届いたかどうか分かりません。送信済みフォルダを確認してから判断します。</source>
        <translation>The connection was lost while sending, so it is not known whether it arrived. Sent is checked before deciding.</translation>
    </message>
    <message>
        <source>送信の途中で相槌が終了しました。送信済みフォルダを確認してから判断します。</source>
        <translation>Aizuchi stopped while sending. Sent is checked before deciding.</translation>
    </message>
    <message>
        <source>送信済みフォルダを確認できませんでした。接続が戻ったら「再確認」してください。</source>
        <translation>Sent could not be checked. Use &quot;check again&quot; when the connection is back.</translation>
    </message>
    <message>
        <source>送信済みフォルダに見つかりません。お客様に届いている可能性もあります。再送するかどうか選んでください。</source>
        <translation>Not found in Sent. The customer may still have received it. Choose whether to send it again.</translation>
    </message>
    <message>
        <source>予期しない理由で送信が止まりました。再確認してください。</source>
        <translation>Sending stopped for an unexpected reason. Please check again.</translation>
    </message>
    <message>
        <source>送信していません。このパソコンのメールフォルダが読み取り専用のため、返信を保存できませんでした。返信は送信トレイに残っています。フォルダに書き込めるようにしてから再試行してください。</source>
        <translation>Not sent. The mail folder on this computer is read-only, so the reply could not be saved. The reply stays in the outbox. Make the folder writable, then retry.</translation>
    </message>
    <message>
        <source>下書きが書き直されたため、この古い版は送信しません。</source>
        <translation>The draft was rewritten, so this older version will not be sent.</translation>
    </message>
    <message>
        <source>送信を取り消しました。下書きは残っています。</source>
        <translation>Sending cancelled. The draft is kept.</translation>
    </message>
    <message>
        <source>ログインの有効期限が切れました。もう一度ログインすると送信します。返信は保存されています。</source>
        <translation>The sign-in has expired. The reply is kept and will be sent once you sign in again.</translation>
    </message>
    <message>
        <source>書き込みや読み取りの権限がありません。フォルダの権限を確認してください</source>
        <translation>no permission to read or write; check the folder’s permissions</translation>
    </message>
    <message>
        <source>読み取り専用のディスクです</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>ディスクの空きが足りません。不要なファイルを削除してください</source>
        <translation>the disk is full; delete files you do not need</translation>
    </message>
    <message>
        <source>ディスクの読み書きでエラーが起きました。ディスクの状態を確認してください</source>
        <translation>the disk reported a read or write error. Check the disk</translation>
    </message>
    <message>
        <source>見つかりません。ほかのプログラムで移動された可能性があります</source>
        <translation>not found; another program may have moved it</translation>
    </message>
    <message>
        <source>システムのエラー: {detail}</source>
        <translation>system error: {detail}</translation>
    </message>
    <message>
        <source>ディスクの空きがないため、相槌のデータに書き込めませんでした。不要なファイルを削除して空きを作ってください。</source>
        <translation>The disk is full, so Aizuchi&apos;s data could not be written. Delete files you no longer need to free some space.</translation>
    </message>
    <message>
        <source>相槌のデータフォルダに書き込めませんでした（読み取り専用か、書き込みの権限がありません）。フォルダの権限を確認してください。</source>
        <translation>Aizuchi&apos;s data folder could not be written (it is read-only, or you lack permission). Check the folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>相槌のデータファイルが壊れている可能性があります。相槌を終了して起動し直すと、確認して対処方法をご案内します。</source>
        <translation>Aizuchi&apos;s data file may be damaged. Quit Aizuchi and start it again: it will check the file and tell you what to do.</translation>
    </message>
    <message>
        <source>相槌のデータがほかの処理で使用中でした。しばらくしてからもう一度お試しください。</source>
        <translation>Aizuchi&apos;s data was busy with another task. Please try again in a moment.</translation>
    </message>
    <message>
        <source>ディスクの読み書きでエラーが起きたため、相槌のデータを読み書きできませんでした。ディスクの状態と空き容量を確認してください。</source>
        <translation>A disk error stopped Aizuchi from reading or writing its data. Check the disk and its free space.</translation>
    </message>
    <message>
        <source>相槌のデータを読み書きできませんでした。相槌を終了して、起動し直してください。</source>
        <translation>Aizuchi could not read or write its data. Quit Aizuchi and start it again.</translation>
    </message>
    <message>
        <source>データに書き込めず、下書きが長すぎて予備の保存先にも入りきりません</source>
        <translation>the data could not be written, and the draft is too long for the backup file</translation>
    </message>
    <message>
        <source>データにも予備の保存先にも書き込めません</source>
        <translation>neither the data nor the backup file can be written</translation>
    </message>
    <message>
        <source>下書きを保存できませんでした（{reason}）。書いた文はこの画面に残っています。相槌を閉じずに、原因を取り除いてください。</source>
        <translation>The draft could not be saved ({reason}). Your text is still on screen: keep Aizuchi open and fix the cause.</translation>
    </message>
    <message>
        <source>メールサーバーが応答していません（サーバーかネットワークの一時的な問題と思われます）。以前はこの設定で接続できていたので、設定を変える必要はありません。相槌が数分おきに自動で接続し直します。</source>
        <translation>The mail server is not answering (probably a passing problem of the server or the network). These settings connected before, so there is nothing to change. Aizuchi connects again by itself every few minutes.</translation>
    </message>
    <message>
        <source>ログイン情報が保存されていません（前回、安全な保管庫に保存できなかった可能性があります）。もう一度ログインしてください。</source>
        <translation>No sign-in is saved (it probably could not be kept in the secure store last time). Please sign in again.</translation>
    </message>
    <message>
        <source>パスワードが保存されていません（前回、安全な保管庫に保存できなかった可能性があります）。アカウント設定でパスワードをもう一度入力してください。</source>
        <translation>No password is saved (it probably could not be kept in the secure store last time). Please enter the password again in the account settings.</translation>
    </message>
    <message>
        <source>ログインの有効期限が切れたか、取り消されました。もう一度ログインしてください。</source>
        <translation>The sign-in has expired or was revoked. Please sign in again.</translation>
    </message>
    <message>
        <source>ユーザー名またはパスワードが正しくありません。アプリパスワードが必要なサービスではアプリパスワードを入力してください。</source>
        <translation>The user name or password is wrong. Services that need an app password need the app password here.</translation>
    </message>
    <message>
        <source>サーバーに接続できません。ネットワークを確認して、しばらくしてから再度お試しください。</source>
        <translation>Cannot reach the server. Check the network and try again in a moment.</translation>
    </message>
    <message>
        <source>サーバーが要求を拒否しました: {reason}</source>
        <translation>The server refused the request: {reason}</translation>
    </message>
    <message>
        <source>メールまたはフォルダが見つかりません。ほかのプログラムで移動された可能性があります。</source>
        <translation>The mail or folder was not found. Another program may have moved it.</translation>
    </message>
    <message>
        <source>メールフォルダ「{path}」に書き込めません（読み取り専用）。フォルダの権限を確認してください。</source>
        <translation>The mail folder “{path}” cannot be written (read-only). Check the folder’s permissions.</translation>
    </message>
    <message>
        <source>ファイル「{path}」を読み書きできませんでした（{reason}）。</source>
        <translation>Could not read or write the file “{path}” ({reason}).</translation>
    </message>
    <message>
        <source>ファイルを読み書きできませんでした（{reason}）。</source>
        <translation>Could not read or write a file ({reason}).</translation>
    </message>
    <message>
        <source>予期しないエラーが発生しました: {name}</source>
        <translation>An unexpected error occurred: {name}</translation>
    </message>
    <message>
        <source>M月d日(ddd)</source>
        <translation>ddd, MMM d</translation>
    </message>
    <message>
        <source>ja_JP</source>
        <translation>en_US</translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <source>送信待ち（取り消し可能）</source>
        <translation>Waiting (can be undone)</translation>
    </message>
    <message>
        <source>予約 {when}</source>
        <translation>Scheduled {when}</translation>
    </message>
    <message>
        <source>{sender}さんから新しいメール（{when}「{subject}」）が届いたため、返信「{reply}」を送らずに保留しました。開いて、新しいメールに合わせて見直してください。</source>
        <translation>{sender} wrote again ({when}, “{subject}”), so the reply “{reply}” was held and not sent. Open it and review it against the new mail.</translation>
    </message>
    <message>
        <source>{sender}さんが同じメールに返信済みです（{when}「{subject}」）。二重の返信にならないよう、返信「{reply}」を保留しました。内容を確かめてから判断してください。</source>
        <translation>{sender} already answered the same mail ({when}, “{subject}”). To avoid a double reply, “{reply}” was held. Check it before deciding.</translation>
    </message>
    <message>
        <source>{hours}時間{minutes}分</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{minutes}分</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>返信「{reply}」は、送信予定の {due} に相槌が起動していなかったため、{late}遅れて送信しました。</source>
        <translation>Aizuchi was not running at {due}, when the reply “{reply}” was due, so it went out {late} late.</translation>
    </message>
    <message>
        <source>送信待ち {count}</source>
        <translation>Waiting {count}</translation>
    </message>
    <message>
        <source>予約 {count}</source>
        <translation>Scheduled {count}</translation>
    </message>
    <message>
        <source>保留 {count}</source>
        <translation>Held {count}</translation>
    </message>
    <message>
        <source>送信失敗 {count}</source>
        <translation>Failed {count}</translation>
    </message>
    <message>
        <source>送信状態不明 {count}</source>
        <translation>Unknown {count}</translation>
    </message>
    <message>
        <source>返信を送信します（あと {seconds} 秒）</source>
        <translation>Sending the reply (in {seconds} s)</translation>
    </message>
    <message>
        <source>返信を {when} に送信するよう予約しました（送信トレイで変更・取り消しできます）</source>
        <translation>The reply is scheduled for {when} (change or cancel it in the outbox)</translation>
    </message>
</context>
</TS>
