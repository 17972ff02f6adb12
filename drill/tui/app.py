"""The Drill app: holds the live drill, moves between its screens, runs engine work in workers."""

from __future__ import annotations

import asyncio
import gc
import traceback
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from drill.engine.commands import FACILITATOR, Command
from drill.engine.reasons import IllegalCommand
from drill.engine.rules import Rules, compile_rules
from drill.i18n import t
from drill.scenario.bundle import Bundle
from drill.scenario.problems import ScenarioError
from drill.scenario.text import Lang
from drill.session.clock import Clock, SystemClock
from drill.session.seats import Mode, SessionConfig
from drill.session.session import Session
from drill.session.shelf import EmptyShelf, ScenarioShelf
from drill.tui.base import DrillMixin, DrillScreen
from drill.tui.dialogs.confirm import ConfirmDialog
from drill.tui.dialogs.error import ErrorDialog
from drill.tui.dialogs.file_problems import ProblemsDialog
from drill.tui.dialogs.help import HelpScreen
from drill.tui.dialogs.notice import NoticeDialog
from drill.tui.flow import Flow
from drill.tui.keynames import help_rows, key_description, key_display
from drill.tui.screens.briefing import BriefingScreen
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.end import EndScreen
from drill.tui.screens.lobby import LobbyScreen
from drill.tui.screens.sitrep import SitrepScreen
from drill.tui.terminal import watch_terminal
from drill.tui.words import refusal_text

T = TypeVar("T")
MAX_SHOWN_ERRORS = 20
GC_THRESHOLDS = (50_000, 50, 1000)
"""Textual and the drill keep many long-lived objects; with Python's default thresholds a full
collection of them lands in a keypress now and then (50-100 ms). The app collects them itself
between turns (`collect_garbage`), where nobody is waiting for a key."""


class DrillApp(App[None]):
    """A tabletop drill on one machine, facilitated or hot-seat."""

    CSS_PATH = "drill.tcss"
    TITLE = "Drill"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help"),
        Binding("f2", "toggle_lang", "key.lang"),
        Binding("ctrl+q", "quit", "key.quit", priority=True),
    ]

    lang: reactive[Lang] = reactive[Lang]("zh")
    show_scores: reactive[bool] = reactive(True)
    engine_busy: reactive[bool] = reactive(False)

    def __init__(
        self,
        scenario: Bundle | Path | str | None = None,
        *,
        lang: Lang = "zh",
        seed: int | None = None,
        mode: Mode = "facilitated",
        clock: Clock | None = None,
        exit_after_ready: bool = False,
        shelf: ScenarioShelf | None = None,
    ) -> None:
        super().__init__()
        self.shelf: ScenarioShelf = shelf or EmptyShelf()
        self.set_reactive(DrillApp.lang, lang)
        self.clock: Clock = clock or SystemClock()
        self.seed, self.mode = seed, mode
        self.exit_after_ready = exit_after_ready
        self.first: Bundle | Path | str | None = scenario
        self.bundle: Bundle | None = None
        self.rules: Rules | None = None
        self.setup: SessionConfig | None = None
        self.session: Session | None = None
        self.unexpected: list[BaseException] = []
        self.flow = Flow(self)

    # --- start ----------------------------------------------------------------------

    def on_mount(self) -> None:
        """Open the first screen once the app runs."""
        self.settle_in()
        self.call_later(self._start)

    def settle_in(self) -> None:
        """Keep garbage collection out of keypresses, and stop if the terminal goes away."""
        gc.set_threshold(*GC_THRESHOLDS)
        watch_terminal(self, self.terminal_gone)

    def terminal_gone(self) -> None:
        """The terminal was closed under the app: keep what must outlive it, then stop."""
        if self.session is not None:
            self.before_quit()
        self.exit()

    def _start(self) -> None:
        first = self.first
        if isinstance(first, Bundle):
            self.use_bundle(first)
        elif first is not None:
            self.open_scenario(first)
        else:
            self.flow.show_picker()
        if self.exit_after_ready:
            self.call_after_refresh(self.exit)

    def open_scenario(self, path: Path | str) -> bool:
        """Load a scenario file and go to the lobby; on problems show them and stay."""
        try:
            bundle = self.shelf.load(path)
        except ScenarioError as error:
            if len(self.screen_stack) <= 1:
                self.flow.show_picker()
            self.push_screen(ProblemsDialog(str(path), error.problems))
            return False
        self.use_bundle(bundle)
        return True

    def use_bundle(self, bundle: Bundle) -> None:
        """Compile a checked scenario and open its lobby."""
        self.bundle = bundle
        self.rules = compile_rules(bundle.ruleset, bundle.scenario)
        seed = self.seed if self.seed is not None else bundle.scenario.meta.seed
        self.setup = SessionConfig(seed=seed, lang=self.lang, mode=self.mode)
        for role in self.rules.role_order:
            self.setup.seat(role)
        self.flow.show_lobby()

    # --- commands and workers ---------------------------------------------------------

    def execute(self, command: Command) -> bool:
        """Run one command; on refusal say why (the drill is unchanged) and return False."""
        if self.session is None or self.engine_busy:
            self.notify(t("busy", self.lang), severity="warning")
            return False
        try:
            self.session.execute(command)
        except IllegalCommand as error:
            self.refused(error, getattr(command, "action", None))
            return False
        except Exception as error:
            self.report_error(error)
            return False
        self.refresh_screen()
        return True

    # --- what the screens ask for (messages up) -----------------------------------------

    @on(DrillMixin.Execute)
    def _execute_asked(self, message: DrillMixin.Execute) -> None:
        if self.execute(message.command) and message.then is not None:
            try:
                message.then()
            except Exception as error:
                self.report_error(error)

    def on_lobby_screen_start(self, _: LobbyScreen.Start) -> None:
        """The lobby is done: the drill begins."""
        self.flow.start_drill()

    def on_lobby_screen_back(self, _: LobbyScreen.Back) -> None:
        """Back from the lobby to the list of scenarios."""
        self.flow.show_picker()

    def on_briefing_screen_read(self, _: BriefingScreen.Read) -> None:
        """The public briefing was read: private briefings (hot-seat), then turn 1."""
        self.flow.after_briefing()

    def on_briefing_screen_role_briefing(self, message: BriefingScreen.RoleBriefing) -> None:
        """Show a role's private briefing."""
        self.flow.show_role_briefing(message.role)

    def on_console_screen_open_seat(self, message: ConsoleScreen.OpenSeat) -> None:
        """The facilitator opens a table's turn screen."""
        self.flow.open_seat(message.role)

    def on_console_screen_close_turn(self, _: ConsoleScreen.CloseTurn) -> None:
        """Resolve the turn."""
        self.flow.close_turn()

    def on_console_screen_end_drill(self, _: ConsoleScreen.EndDrill) -> None:
        """End the drill now."""
        self.flow.end_drill()

    def on_sitrep_screen_next(self, _: SitrepScreen.Next) -> None:
        """After the situation report: the next turn or the end."""
        self.flow.after_report()

    def on_end_screen_finish(self, _: EndScreen.Finish) -> None:
        """Close the drill and leave."""
        self.flow.finish()

    def refused(self, error: IllegalCommand, action_id: str | None = None) -> None:
        """Show why a command was refused."""
        assert self.rules is not None
        action = self.rules.actions.get(action_id) if action_id else None
        text = refusal_text(self.rules, error.refusal, self.lang, action)
        self.push_screen(NoticeDialog(t("refused.title", self.lang), text))

    def run_engine(self, job: Callable[[], T], then: Callable[[T], None]) -> None:
        """Run engine work in a thread; `then` gets its result on the app's thread."""
        if self.engine_busy:
            return
        self.engine_busy = True

        def work() -> None:
            done: Callable[[], None]
            try:
                result = job()
            except IllegalCommand as refused:
                done = partial(self.refused, refused)
            except Exception as error:
                done = partial(self.report_error, error)
            else:
                done = partial(then, result)
            self.call_from_thread(self._after_engine, done)

        self.run_worker(work, thread=True, group="engine", exit_on_error=False)

    def _after_engine(self, callback: Callable[[], None]) -> None:
        self.engine_busy = False
        try:
            callback()
        except Exception as error:
            self.report_error(error)

    def collect_garbage(self) -> None:
        """A full collection once the screen is drawn, at a moment nobody waits for a key."""
        self.call_after_refresh(gc.collect)

    def refresh_screen(self) -> None:
        """Ask the active screen to show the drill as it stands."""
        screen = self.screen
        if hasattr(screen, "refresh_drill"):
            screen.refresh_drill()

    # --- errors -------------------------------------------------------------------------

    def report_error(self, error: BaseException) -> None:
        """Show an unexpected error in a dialog; the drill stays as it was."""
        self._note(error)
        self.push_screen(ErrorDialog(f"{type(error).__name__}: {error}"))

    def _note(self, error: BaseException) -> None:
        self.unexpected.append(error)
        self.log.error("".join(traceback.format_exception(error)))

    def _handle_exception(self, error: Exception) -> None:
        """An error a handler let through: rebuild the broken screen from the drill, explain.

        Textual stops the message loop of the widget whose handler failed, so that screen
        is replaced by a fresh one built from the session, which holds the whole drill.
        """
        if not self._broke_a_screen() or len(self.unexpected) >= MAX_SHOWN_ERRORS:
            self._note(error)
            self.panic(Text(t("error.fatal", self.lang)))
            return
        self._note(error)
        self.call_later(self._recover, error)

    def _broke_a_screen(self) -> bool:
        """Whether the failing code ran in a screen or widget (not in the app's own loop)."""
        current = asyncio.current_task()
        if current is None or not self.is_running:
            return False
        for screen in self.screen_stack:
            if screen._task is current or any(w._task is current for w in screen.walk_children()):
                return True
        return False

    def _recover(self, error: BaseException) -> None:
        self.flow.recover()
        self.push_screen(ErrorDialog(f"{type(error).__name__}: {error}"))

    # --- keys ---------------------------------------------------------------------------

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action (every key binding comes here); an error becomes a dialog."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            self.report_error(error)
            return True

    def action_toggle_lang(self) -> None:
        """Switch between Chinese and English (not in a dialog: what is half-typed stays)."""
        if isinstance(self.screen, ModalScreen):
            self.notify(t("lang.close_dialog", self.lang), severity="warning")
            return
        self.lang = "en" if self.lang == "zh" else "zh"
        if self.setup is not None:
            self.setup.lang = self.lang

    def watch_lang(self, lang: Lang) -> None:
        """Compose every screen again in the new language (dialogs cannot be open here)."""
        for name in [n for n in self._installed_screens if n.startswith("order-")]:
            self.uninstall_screen(name)
        for screen in self.screen_stack:
            if isinstance(screen, DrillScreen):
                self.call_later(screen.relabel)
        self.screen.refresh_bindings()

    def action_help(self) -> None:
        """Help for the current screen."""
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        key = screen.HELP_KEY if isinstance(screen, DrillMixin) else "help.general"
        self.push_screen(HelpScreen(key, self._keys_of(screen)))

    def _keys_of(self, screen: Screen[object]) -> list[tuple[str, str]]:
        return help_rows((b for _, b, _, _ in screen.active_bindings.values()), self.lang)

    def get_key_display(self, binding: Binding) -> str:
        """A key as the reader knows it, in the app's language ('Ctrl+Q', '回车 Enter')."""
        return key_display(binding, self.lang)

    async def action_quit(self) -> None:
        """Quit; during a drill only after confirming."""
        live = self.session is not None and self.session.facilitator_view().stage != "closed"
        if not live:
            self.exit()
            return
        if isinstance(self.screen, ConfirmDialog):
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.before_quit()
                self.exit(message=self.quit_message())

        dialog = ConfirmDialog(t("quit.title", self.lang), self.quit_text(), danger=True)
        self.push_screen(dialog, answer)

    def quit_text(self) -> str:
        """What quitting in the middle of the drill means (here: it is kept in memory only)."""
        return t("quit.text_unsaved", self.lang)

    def before_quit(self) -> None:
        """Keep what must outlive the app, once quitting mid-drill is confirmed (nothing here)."""

    def quit_message(self) -> str | None:
        """What to print once the app has closed in the middle of a drill."""
        return None

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: the screen's own keys, then help, language and quit."""
        seen: set[str] = set()
        for node, binding, enabled, _ in screen.active_bindings.values():
            if enabled and binding.description and binding.action not in seen:
                seen.add(binding.action)
                title = key_description(binding.description, self.lang)
                keys = self.get_key_display(binding)
                yield SystemCommand(title, keys, self._runner(node, binding.action))

    def action_command_palette(self) -> None:
        """Ctrl+P: the list of commands, its search field asking in the app's language."""
        open_now = any(isinstance(s, CommandPalette) for s in self.screen_stack)
        if self.use_command_palette and not open_now:
            placeholder = t("palette.search", self.lang)
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def _runner(self, node: DOMNode, action: str) -> Callable[[], None]:
        def run() -> None:
            self.call_later(self.run_action, action, node)

        return run

    @property
    def facilitator(self) -> str:
        """The facilitator's seat id."""
        return FACILITATOR
