"""All user-facing text, looked up by key: `t("saturation.title")`.

The strings live in one folder per language (`ui/i18n/<lang>/`), one module per page, each a
`TEXT` dict whose keys start with the module name. English is the reference: a key missing
from another language falls back to English (and a test flags it).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

LANGUAGES = {"en": "English", "it": "Italiano"}
DEFAULT_LANG = "en"


@lru_cache(maxsize=len(LANGUAGES) + 1)
def catalogue(lang: str) -> Mapping[str, str]:
    """Every key -> string of one language, merged from its page modules (read-only)."""
    pkg = importlib.import_module(f"ui.i18n.{lang}")
    merged: dict[str, str] = {}
    for mod in pkgutil.iter_modules(pkg.__path__):
        text = importlib.import_module(f"ui.i18n.{lang}.{mod.name}").TEXT
        for key, value in text.items():
            if not key.startswith(mod.name + "."):
                raise KeyError(f"{lang}/{mod.name}: key {key!r} must start with {mod.name!r}.")
            merged[key] = value
    return MappingProxyType(merged)


def current_lang() -> str:
    """The language of this run: the picker's, else the URL's `lang`, else the session's last
    (a page switch empties the URL; a page may read its text before its sidebar is drawn)."""
    from ui.state import LANG, value_of

    lang = value_of(LANG)
    return lang if lang in LANGUAGES else DEFAULT_LANG


def t(key: str, /, **fmt: Any) -> str:
    """The string for `key` in the current language, formatted with `fmt`."""
    text = catalogue(current_lang()).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANG)[key]  # KeyError here means a missing English key: a bug
    return text.format(**fmt) if fmt else text


def act_name(key: str) -> str:
    """An activation's display name in the current language (`act.<key>.name`)."""
    return t(f"act.{key}.name")
