"""The footer: every key of the screen, with its description in the drill's language."""

from __future__ import annotations

from math import ceil

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from drill.scenario.text import Lang
from drill.tui.keynames import key_description

Signature = tuple[str, tuple[tuple[str, str, bool], ...]]


def key_width(key: FooterKey) -> int:
    """Columns a compact footer key takes: 'Ctrl+Q 退出' and the space after it."""
    return cell_len(key.key_display) + 1 + cell_len(key.description) + 1


def rows_needed(keys: list[FooterKey], width: int) -> int:
    """One line of keys if they fit in `width` columns, else two."""
    return 1 if sum(key_width(k) for k in keys) <= width else 2


class KeyFooter(Footer):
    """Textual's footer, compact, translated, on two lines when one is too narrow for its keys."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: Signature | None = None
        self._rows = 1

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
        widgets: list[Widget] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = key_description(widget.description, lang)
                widget.tooltip = None
            widgets.append(widget)
        self._lay_out(widgets)
        yield from widgets

    def _lay_out(self, widgets: list[Widget]) -> None:
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        palette = [k for k in keys if k.has_class("-command-palette")]
        shown = [k for k in keys if k not in palette]
        room = self.app.size.width - sum(key_width(k) + 1 for k in palette)
        self._rows = rows_needed(shown, room)
        self.styles.height = self._rows
        if self._rows == 1:
            self.styles.layout = "horizontal"
            return
        self.styles.layout = "grid"
        self.styles.grid_size_columns = ceil(len(shown) / 2)
        self.styles.grid_columns = "auto"
        self.styles.grid_gutter_vertical = 1
        for key in shown:
            key.styles.margin = 0  # the gutter keeps them apart; a margin would cut them

    def on_resize(self, event: events.Resize) -> None:
        """Go to one or two lines when the terminal's width calls for it."""
        keys = [k for k in self.query(FooterKey) if not k.has_class("-command-palette")]
        palette = [k for k in self.query(FooterKey) if k.has_class("-command-palette")]
        room = self.app.size.width - sum(key_width(k) + 1 for k in palette)
        if keys and rows_needed(keys, room) != self._rows:
            self.refresh(recompose=True)
