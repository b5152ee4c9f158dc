"""The window's language: Vietnamese by default, English as a setting. Translations are the
`.qm` files built from `resources/translations/*.ts` by `make setup`."""

from __future__ import annotations

from pathlib import Path

from digitizer.locations import resources_path
from ui.qt import QApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SETTING = "window/language"


def translations_folder() -> Path:
    return resources_path() / "translations"


def settings() -> QSettings:
    return QSettings("Digitizer", "Digitizer")


def chosen_language() -> str:
    value = str(settings().value(SETTING, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(language: str) -> None:
    """Remember the language for the next start."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings().setValue(SETTING, language)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the program's own translation and Qt's (standard buttons and dialogs)."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    installed = []
    ours = QTranslator(app)
    if ours.load(str(translations_folder() / f"digitizer_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt ships no Vietnamese for its own buttons and dialogs: the program brings its own.
    ours_for_qt = str(translations_folder() / "qt")
    if language != "en" and (
        qt_own.load(f"qtbase_{language}", qt_folder)
        or qt_own.load(f"qtbase_{language}", ours_for_qt)
    ):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
