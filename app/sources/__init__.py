"""Mail providers, all behind the `MailSource` protocol in `base.py`."""
