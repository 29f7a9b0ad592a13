"""Fetching the remote images of an HTML mail, only after the user allowed them.

Blocked by default because a remote image tells the sender when and where the
mail was read. `AIZUCHI_OFFLINE=1` (tests, screenshots) turns fetching off.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
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
    batch_done = Signal(int, int)  # images loaded, images that could not be fetched (offline, errors)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = os.environ.get("AIZUCHI_OFFLINE", "") in ("", "0")
        self._manager: QNetworkAccessManager | None = None
        self._waiting = 0
        self._ok = 0
        self._failed = 0

    def load(self, urls: list[str]) -> None:
        """Fetch these images; `batch_done` says how it went, also when nothing could be fetched."""
        wanted = [u for u in urls[:MAX_IMAGES] if fetch_url(u) is not None]
        self._waiting, self._ok, self._failed = len(wanted), 0, 0
        if not self.enabled or not wanted:
            # Offline: say so, rather than leave the button doing nothing visible.
            QTimer.singleShot(0, lambda: self.batch_done.emit(0, len(wanted)))
            return
        if self._manager is None:
            self._manager = QNetworkAccessManager(self)
        for url in wanted:
            qurl = fetch_url(url)
            assert qurl is not None  # `wanted` holds only the fetchable ones
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
        image = QImage()
        if reply.error() == QNetworkReply.NetworkError.NoError:
            image = QImage.fromData(reply.read(MAX_IMAGE_BYTES).data())
        if image.isNull():
            self._failed += 1
        else:
            self._ok += 1
            self.loaded.emit(url, image)
        self._waiting -= 1
        if self._waiting == 0:
            self.batch_done.emit(self._ok, self._failed)
