"""Mail bytes ⇄ `app.model.Message`: MIME parsing with Japanese charset repair.

`parse.parse_message` for a whole mail, `headers.read_summary` for list rows,
`html.sanitize_html` / `html.html_to_text` for HTML mail.
"""
