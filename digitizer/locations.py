"""Where things live on disk: the default library and the bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

LIBRARY_VARIABLE = "DIGITIZER_LIBRARY"


def default_library_path() -> Path:
    """`$DIGITIZER_LIBRARY` if set, else `library/` in the user's data folder."""
    configured = os.environ.get(LIBRARY_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # here: most commands name their library and never need it

    return platformdirs.user_data_path("digitizer", appauthor=False) / "library"


def resources_path() -> Path:
    """The project's `resources/` folder (icons, translations, sample pages)."""
    return Path(__file__).resolve().parent.parent / "resources"


def language_model_path() -> Path:
    """The syllable language model that tone-mark restoration scores with."""
    return resources_path() / "language" / "syllables.npz"


def sample_pages_path() -> Path:
    return resources_path() / "samples" / "pages"
