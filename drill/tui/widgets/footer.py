"""The footer: every key of the screen, with its description in the drill's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from drill.scenario.text import Lang
from drill.tui.i18n import t

Signature = tuple[str, tuple[tuple[str, str, bool], ...]]


class KeyFooter(Footer):
    """Textual's footer, compact, translated, and composed again only when its keys change."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: Signature | None = None

    def _signature(self, screen: Screen[object]) -> Signature:
        keys = tuple(
            (key, b.description, enabled)
            for key, (_, b, enabled, _) in screen.active_bindings.items()
            if b.show
        )
        return (str(getattr(self.app, "lang", "")), keys)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Compose again only if the keys, their state or the language changed, when shown."""
        if self._shown is not None and screen is not self.app.screen:
            return
        signature = self._signature(screen)
        if signature != self._shown:
            super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        """The keys of the active screen, described in the app's language."""
        lang: Lang = "zh" if getattr(self.app, "lang", "en") == "zh" else "en"
        if self.is_attached and self._bindings_ready:
            self._shown = self._signature(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = t(widget.description, lang)
                widget.tooltip = None
            yield widget
