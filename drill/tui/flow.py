"""The way through a drill: lobby → briefing → (turn → situation report)* → end screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from drill.engine.commands import FACILITATOR, Begin, Close, End, StartTurn
from drill.session.session import Session
from drill.tui.dialogs.paused import PausedScreen
from drill.tui.screens.briefing import BriefingScreen
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.end import EndScreen
from drill.tui.screens.handover import HandOverScreen
from drill.tui.screens.lobby import LobbyScreen
from drill.tui.screens.picker import PickerScreen
from drill.tui.screens.role_briefing import RoleBriefingScreen
from drill.tui.screens.sitrep import SitrepScreen
from drill.tui.screens.turn import TurnScreen

if TYPE_CHECKING:
    from drill.tui.app import DrillApp


class Flow:
    """Moves the app between its main screens as the drill goes on."""

    def __init__(self, app: DrillApp) -> None:
        self.app = app

    @property
    def hotseat(self) -> bool:
        """Whether teams take the keyboard in turn."""
        return self.app.setup is not None and self.app.setup.mode == "hotseat"

    def show(self, screen: Screen[None]) -> None:
        """Make `screen` the one main screen, closing everything above the base."""
        app = self.app
        while len(app.screen_stack) > 2:
            app.pop_screen()
        if len(app.screen_stack) <= 1:
            app.push_screen(screen)
        else:
            app.switch_screen(screen)

    def show_picker(self) -> None:
        """The list of scenarios to choose from."""
        self.show(PickerScreen())

    def show_lobby(self) -> None:
        """Teams, seats, language and mode of the chosen scenario."""
        self.show(LobbyScreen())

    def start_drill(self) -> None:
        """Leave the lobby: the drill begins with the public briefing."""
        app = self.app
        assert app.rules is not None and app.setup is not None
        app.session = Session(app.rules, app.setup, app.clock)
        if app.execute(Begin(FACILITATOR)):
            self.show(BriefingScreen())

    def after_briefing(self) -> None:
        """Hot-seat: each team reads its private briefing in turn; then turn 1 starts."""
        if self.hotseat:
            self._briefing_round(list(self._session.human_roles))
        else:
            self.start_turn()

    def _briefing_round(self, roles: list[str]) -> None:
        if not roles:
            self.start_turn()
            return
        role, rest = roles[0], roles[1:]

        def read(_: object = None) -> None:
            self.app.push_screen(RoleBriefingScreen(role), lambda _: self._briefing_round(rest))

        self.app.push_screen(HandOverScreen(role), read)

    def show_role_briefing(self, role: str) -> None:
        """Facilitated mode: a role's private briefing, to read out or hand over."""
        self.app.push_screen(RoleBriefingScreen(role))

    def start_turn(self) -> None:
        """Start the next turn (injects released, bots order) in a worker, then play it."""
        session = self._session

        def job() -> None:
            session.execute(StartTurn(FACILITATOR))
            session.play_bots()

        self.app.run_engine(job, lambda _: self.play_turn())

    def play_turn(self) -> None:
        """The facilitator's console; in hot-seat mode each team takes the keyboard first."""
        self.show(ConsoleScreen())
        self.app.collect_garbage()
        if self.hotseat:
            submitted = self._session.facilitator_view().submitted
            waiting = [r for r in self._session.human_roles if r not in submitted]
            self._seat_round(waiting)

    def _seat_round(self, roles: list[str]) -> None:
        if not roles:
            self.app.push_screen(HandOverScreen(FACILITATOR))
            return
        self.open_seat(roles[0], lambda: self._seat_round(roles[1:]))

    def open_seat(self, role: str, then: Callable[[], None] | None = None) -> None:
        """A team's turn screen (behind a hand-over screen in hot-seat mode)."""

        def done(_: object = None) -> None:
            if then is not None:
                then()
            elif self.hotseat:
                self.app.push_screen(HandOverScreen(FACILITATOR))

        def seat(_: object = None) -> None:
            self.app.push_screen(TurnScreen(role), done)

        if self.hotseat:
            self.app.push_screen(HandOverScreen(role), seat)
        else:
            seat()

    def close_turn(self) -> None:
        """Resolve the turn in a worker, then show its situation report."""
        session = self._session
        self.app.run_engine(session.close_turn, lambda _: self._report())

    def _report(self) -> None:
        self.show(SitrepScreen())
        self.app.collect_garbage()

    def after_report(self) -> None:
        """After the situation report: the next turn, or the end of the drill."""
        view = self._session.facilitator_view()
        if view.ended or view.turn >= view.turns:
            self.end_drill()
        else:
            self.start_turn()

    def end_drill(self) -> None:
        """Go to the debrief: scores, charts and the hot wash."""
        if self.app.execute(End(FACILITATOR)):
            self.show(EndScreen())

    def finish(self) -> None:
        """Close the drill and leave the app."""
        if self.app.execute(Close(FACILITATOR)):
            self.app.exit()

    def recover(self) -> None:
        """Show the drill afresh from the session, as the stage it is at asks."""
        app, session = self.app, self.app.session
        if session is None:
            self.show_lobby() if app.rules is not None else self.show_picker()
            return
        stage = session.facilitator_view().stage
        if stage in ("lobby", "briefing"):
            self.show(BriefingScreen()) if stage == "briefing" else self.show_lobby()
        elif stage in ("orders", "paused", "resolution"):
            self.show(ConsoleScreen())
            if stage == "paused":
                app.push_screen(PausedScreen())
            if self.hotseat:
                app.push_screen(HandOverScreen(FACILITATOR))
        elif stage == "sitrep":
            self.show(SitrepScreen())
        else:
            self.show(EndScreen())

    @property
    def _session(self) -> Session:
        session = self.app.session
        assert session is not None
        return session
