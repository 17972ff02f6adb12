"""Bilingual texts: a plain string or a {zh, en} map, and how to pick one language."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, model_validator

from drill.i18n.lang import LANGS, Lang

__all__ = ["LANGS", "Lang", "LocalText", "Text", "languages_of", "pick"]


class LocalText(BaseModel):
    """A text given in Chinese, English or both."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str | None = None
    en: str | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> LocalText:
        if self.zh is None and self.en is None:
            raise ValueError("a text needs at least one of 'zh' or 'en'")
        return self


Text = str | LocalText


def pick(text: Text | None, lang: Lang) -> str:
    """Return the text in `lang`, falling back to the other language, or ''."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    first = text.zh if lang == "zh" else text.en
    other = text.en if lang == "zh" else text.zh
    return first if first is not None else (other or "")


def languages_of(text: Text) -> set[Lang]:
    """The languages a text is given in; a plain string counts as every language."""
    if isinstance(text, str):
        return set(LANGS)
    return {lang for lang in LANGS if getattr(text, lang) is not None}
