"""Choosing and installing the interface language.

Source strings are Japanese; English comes from `resources/translations/aizuchi_en.qm`.
Qt's own dialogs (QMessageBox buttons…) follow with Qt's `qtbase_*` catalogue when
the wheel ships one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import TRANSLATIONS

SUPPORTED = ("ja", "en")


def language_for(explicit: str | None, saved: str, locale: QLocale | None = None) -> str:
    """The language to show: the command line, else the saved choice, else the locale.

    Japanese is the default: a Japanese or unset ("C") locale gets Japanese, any
    other locale gets English, the one translation we ship.
    """
    for choice in (explicit, saved):
        if choice:
            code = choice.lower().replace("_", "-").split("-")[0]
            if code in SUPPORTED:
                return code
    locale = locale or QLocale.system()
    if locale.language() in (QLocale.Language.Japanese, QLocale.Language.C):
        return "ja"
    return "en"


class Translations:
    """Keeps the installed translators so the language can change while running."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "ja"

    def apply(self, language: str) -> bool:
        """Install `language`; False when its catalogue is missing (Japanese is kept)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.language = "ja"
        ok = True
        if language == "en":
            ours = QTranslator(self._app)
            if ours.load(str(TRANSLATIONS / "aizuchi_en.qm")):
                self._install(ours)
                self.language = "en"
            else:
                ok = False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(self._app)
        if qt_own.load(f"qtbase_{self.language}", qt_dir):
            self._install(qt_own)
        return ok

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
