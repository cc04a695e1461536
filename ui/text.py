"""All user-facing text, looked up by key: `t("saturation.title")`.

The strings live in one folder per language (`ui/i18n/<lang>/`), one module per page, each a
`TEXT` dict whose keys start with the module name. English is the reference: a key missing
from another language falls back to English (and a test flags it).

Numbers are shown in the student's language in one place: `num(x, ".2f")` and the numeric
fields of catalogue strings (`t("k", n=5000)` with "{n:,}") use the language's decimal and
thousands separators (Italian: 29.910 and 0,01); charts get the same separators as a Vega
locale (`vega_locale`, set by ui.export.show).
"""

from __future__ import annotations

import importlib
import numbers
import pkgutil
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

LANGUAGES = {"en": "English", "it": "Italiano"}
DEFAULT_LANG = "en"


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers: its decimal mark and thousands separator."""

    decimal: str
    thousands: str
    currency: tuple[str, str]  # (prefix, suffix) for d3; no chart shows money, Vega wants it

    def swap(self) -> dict[int, int]:
        """str.translate table from Python's own marks ("," thousands, "." decimal) to ours."""
        return str.maketrans(",.", self.thousands + self.decimal)


NUMBERS = {  # one row per language of LANGUAGES (a test checks both tables match)
    "en": NumberStyle(decimal=".", thousands=",", currency=("$", "")),
    "it": NumberStyle(decimal=",", thousands=".", currency=("", "\u00a0€")),
}


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


def is_number(x: object) -> bool:
    """A real number to show (ints, floats, numpy scalars); not a bool, which reads as a word."""
    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def num(x: float, spec: str = "", lang: str | None = None) -> str:
    """`x` formatted with a Python format spec (",d", ".2f", ".1%", ".3g") in the separators of
    `lang` (default: the current language): num(29910, ",d") is "29.910" in Italian.

    Python formats with "," and "." and the marks are swapped afterwards, so every spec Python
    knows works; exponents ("1e-05"), "%", "nan" and "inf" hold neither mark and pass through.
    A spec whose fill character is "," or "." would be swapped too; none of ours has one.
    """
    style = NUMBERS[lang or current_lang()]
    return format(x, spec).translate(style.swap())


class _Localised(string.Formatter):
    """str.format whose numeric fields are written in one language's separators."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if is_number(value):
            return num(value, format_spec, self.lang)
        return str(super().format_field(value, format_spec))


def fill(text: str, lang: str, /, **fmt: Any) -> str:
    """`text` formatted with `fmt`, its numbers in `lang`'s separators."""
    return _Localised(lang).format(text, **fmt)


def t(key: str, /, **fmt: Any) -> str:
    """The string for `key` in the current language, formatted with `fmt` (numbers in the
    language's separators: "{n:,}" with n=5000 reads "5.000" in Italian)."""
    lang = current_lang()
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANG)[key]  # KeyError here means a missing English key: a bug
    return fill(text, lang, **fmt) if fmt else text


def tn(key: str, n: int, **fmt: Any) -> str:
    """`t(key, n=n)`, or `key_one` for exactly one: "1 network" and "5 networks" are different
    sentences in every language (no "network(s)")."""
    return t(f"{key}_one", **fmt) if n == 1 else t(key, n=n, **fmt)


def vega_locale(lang: str | None = None) -> dict[str, Any]:
    """The language's number locale for Vega-Lite's `config.locale` (d3-format's definition):
    axis ticks and tooltips then read 2.000 and 0,01 in Italian."""
    style = NUMBERS[lang or current_lang()]
    return {
        "number": {
            "decimal": style.decimal,
            "thousands": style.thousands,
            "grouping": [3],
            "currency": list(style.currency),
        }
    }


def act_name(key: str) -> str:
    """An activation's display name in the current language (`act.<key>.name`)."""
    return t(f"act.{key}.name")
