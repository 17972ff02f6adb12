"""The one text layer of Drill: every program text goes through `t(key, lang, **params)`."""

from __future__ import annotations

from drill.i18n.catalogue import CATALOGUE
from drill.i18n.lang import LANGS, Lang

__all__ = ["CATALOGUE", "LANGS", "Lang", "side_by_side", "t", "t_or"]


def t(key: str, lang: Lang, **params: object) -> str:
    """The text of `key` in `lang` with `params` filled in; the key itself if unknown."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    template = entry[1] if lang == "zh" else entry[0]
    return template.format(**params) if params else template


def t_or(key: str, lang: Lang, fallback: str, **params: object) -> str:
    """The text of `key` if the catalogue has it, else `fallback` (e.g. a scenario's own id)."""
    return t(key, lang, **params) if key in CATALOGUE else fallback


def side_by_side(key: str, zh_first: bool = False, **params: object) -> str:
    """Both languages of `key` on one line, for text read in either: 'overall 总分'."""
    en, zh = t(key, "en", **params), t(key, "zh", **params)
    return f"{zh} {en}" if zh_first else f"{en} {zh}"
