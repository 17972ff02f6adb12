"""Keys are named as the reader knows them, in F1, the footer and Ctrl+P, in Chinese too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textual.containers
import textual.widgets
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from textual.widgets import Input
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectCurrent, SelectOverlay

from drill.tui.app import DrillApp
from drill.tui.dialogs.help import HelpScreen
from drill.tui.keynames import help_rows, key_description, key_name
from drill.tui.screens.console import ConsoleScreen
from tests.tui.support import SIZE, MakeApp, press, to_console

TUI = Path(__file__).resolve().parents[2] / "drill" / "tui"
IMPORTED = re.compile(r"^from textual\.(widgets|containers) import (.+)$", re.M)
HAN = re.compile(r"[\u4e00-\u9fff]")


def textual_classes() -> list[type]:
    """Textual's widgets and containers the app's source imports, and what they open."""
    found: list[type] = [App, Screen, ModalScreen, SelectCurrent, SelectOverlay]
    for path in TUI.rglob("*.py"):
        for module, names in IMPORTED.findall(path.read_text(encoding="utf-8")):
            where = textual.widgets if module == "widgets" else textual.containers
            found += [getattr(where, name.strip()) for name in names.split(",")]
    return found


def textual_descriptions() -> set[str]:
    """Every description of a key binding of those classes."""
    found: set[str] = set()
    for cls in textual_classes():
        for klass in cls.__mro__:
            for binding in klass.__dict__.get("BINDINGS", []):
                found.add(binding.description if isinstance(binding, Binding) else binding[2])
    return {d for d in found if d}


def test_keys_are_named_as_printed_on_the_keyboard() -> None:
    assert key_name("ctrl+q", "zh") == key_name("ctrl+q", "en") == "Ctrl+Q"
    assert (key_name("enter", "zh"), key_name("enter", "en")) == ("回车 Enter", "Enter")
    assert (key_name("space", "zh"), key_name("space", "en")) == ("空格键", "Space")
    assert key_name("escape", "zh") == "Esc"
    assert key_name("shift+tab", "zh") == "Shift+Tab"
    assert (key_name("a", "zh"), key_name("f10", "en"), key_name("up", "zh")) == ("A", "F10", "↑")


@pytest.mark.parametrize("description", sorted(textual_descriptions()))
def test_every_key_of_textuals_own_widgets_is_said_in_chinese(description: str) -> None:
    assert HAN.search(key_description(description, "zh")), description
    assert key_description(description, "en").strip()


def test_a_range_label_covers_its_keys_and_one_thing_done_by_two_keys_is_one_row() -> None:
    bindings = [
        Binding("1", "table(0)", "key.open_table", key_display="1-4"),
        Binding("2", "table(1)", "key.open_table", show=False),
        Binding("ctrl+c", "copy", "Copy selected text"),
        Binding("super+c", "copy", "Copy selected text"),
        Binding("down", "cursor_down", "Cursor down"),
    ]
    assert help_rows(bindings, "zh") == [
        ("1-4", "席位"),
        ("Ctrl+C / Super+C", "复制选中的文字"),
        ("↓", "向下"),
    ]


def english_only(text: str) -> bool:
    """Whether a description has no Chinese in it ('English', F2's label, is meant)."""
    return not HAN.search(text) and text != "English"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "keys",
    [(), ("ctrl+s",), ("ctrl+s", "enter"), ("ctrl+s", "enter", "2"), ("ctrl+s", "enter", "m")],
)
async def test_f1_in_chinese_has_no_english_key_names_or_descriptions(
    make_app: MakeApp, keys: tuple[str, ...]
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *keys, "f1")
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.keys
        assert [d for _, d in shown if english_only(d)] == []
        names = " ".join(k for k, _ in shown)
        assert not re.search(r"\^|ctrl\+|escape|\besc\b|enter|\btab\b", names), names
        assert "F1" in names and ("Ctrl+Q" in names or "Esc" in names)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_the_consoles_footer_names_every_key_and_fits_the_screen(make_app: MakeApp) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        shown = {k.key_display: k.description for k in app.screen.query(FooterKey)}
        assert shown["Ctrl+Q"] == "退出" and shown["M"] == "消息" and shown["F1"] == "帮助"
        for key in app.screen.query(FooterKey):
            assert key.region.right <= SIZE[0] and key.region.width > 0, key.key_display
        await press(pilot, "f2")
        shown = {k.key_display: k.description for k in app.screen.query(FooterKey)}
        assert shown["Ctrl+Q"] == "Quit" and shown["F2"] == "中文"
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_the_command_palette_in_chinese_names_keys_as_the_footer_does(
    make_app: MakeApp,
) -> None:
    app: DrillApp = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+s", "enter", "2")
        commands = list(app.get_system_commands(app.screen))
        assert [c.title for c in commands if english_only(c.title)] == []
        assert ("提交", "S") in [(c.title, c.help) for c in commands]
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "输入要找的操作…"
    assert app.unexpected == []


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("keys", [("ctrl+s", "enter"), ("ctrl+s", "enter", "2")])  # console, turn
async def test_every_footer_key_is_on_an_80_by_24_screen(
    make_app: MakeApp, lang: str, keys: tuple[str, ...]
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *keys)
        await pilot.pause()
        footer = list(app.screen.query(FooterKey))
        assert len(footer) > 8
        for key in footer:
            region = key.region
            assert region.width > 0 and region.right <= 80 and region.bottom <= 24, key.key_display
    assert app.unexpected == []
