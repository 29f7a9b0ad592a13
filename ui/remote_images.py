"""Fetching the remote images of an HTML mail, only after the user allowed them.

Blocked by default because a remote image tells the sender when and where the
mail was read. `AIZUCHI_OFFLINE=1` (tests, screenshots) turns fetching off.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # a mail image larger than this is not worth the wait
MAX_IMAGES = 50


def fetch_url(url: str) -> QUrl | None:
    """What to download for an image's `src`: http(s) only; `//host/x.png` (scheme-relative)
    means the page's scheme, and a mail has none, so HTTPS (issue 14)."""
    qurl = QUrl("https:" + url.strip() if url.strip().startswith("//") else url.strip())
    return qurl if qurl.scheme() in ("http", "https") and qurl.host() else None


class RemoteImageLoader(QObject):
    """Downloads images asynchronously; emits `loaded(url, QImage)` for each success."""

    loaded = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = os.environ.get("AIZUCHI_OFFLINE", "") in ("", "0")
        self._manager: QNetworkAccessManager | None = None

    def load(self, urls: list[str]) -> None:
        if not self.enabled:
            return
        if self._manager is None:
            self._manager = QNetworkAccessManager(self)
        for url in urls[:MAX_IMAGES]:
            qurl = fetch_url(url)
            if qurl is None:
                continue
            request = QNetworkRequest(qurl)
            request.setAttribute(
                QNetworkRequest.Attribute.RedirectPolicyAttribute,
                QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy,
            )
            request.setTransferTimeout(15000)
            reply = self._manager.get(request)
            reply.finished.connect(lambda r=reply, u=url: self._finished(u, r))

    def _finished(self, url: str, reply: QNetworkReply) -> None:
        reply.deleteLater()
        if reply.error() != QNetworkReply.NetworkError.NoError:
            return
        data = reply.read(MAX_IMAGE_BYTES).data()
        image = QImage.fromData(data)
        if not image.isNull():
            self.loaded.emit(url, image)
