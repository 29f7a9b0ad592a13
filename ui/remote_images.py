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
            qurl = QUrl(url)
            if qurl.scheme() not in ("http", "https"):
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
