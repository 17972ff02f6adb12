"""The app on kept drills: every command is kept as it is played; kept drills resume."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from drill.engine.commands import FACILITATOR, Begin
from drill.i18n import t
from drill.scenario.text import Lang
from drill.session.hotwash import HotWash
from drill.session.keeping import DrillKeeper, KeepError
from drill.session.session import Session
from drill.tui.app import DrillApp
from drill.tui.dialogs.paused import PausedScreen
from drill.tui.dialogs.plan import PlanDialog
from drill.tui.dialogs.review import ReviewDialog
from drill.tui.flow import Flow
from drill.tui.screens.briefing import BriefingScreen
from drill.tui.screens.end import EndScreen
from drill.tui.screens.sitrep import SitrepScreen


def hotwash_text(notes: HotWash) -> dict[str, str]:
    """Kept hot-wash notes as the end screen's fields hold them."""
    return {"strengths": "\n".join(notes.strengths), "improvements": "\n".join(notes.improvements)}


def hotwash_notes(fields: dict[str, str], notes: str) -> HotWash:
    """The end screen's fields as kept notes: one strength or improvement per line."""

    def lines(key: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in fields.get(key, "").splitlines() if line.strip())

    return HotWash(lines("strengths"), lines("improvements"), notes)


class KeptFlow(Flow):
    """The app's flow, with new drills kept and kept drills opened at their stage."""

    app: KeptApp

    def start_drill(self) -> None:
        """Leave the lobby with a session whose every command is kept."""
        app = self.app
        assert app.bundle is not None and app.setup is not None
        app.session = app.keeper.start(app.bundle, app.setup, app.clock)
        if app.execute(Begin(FACILITATOR)):
            self.show(BriefingScreen())

    def show_stage(self) -> None:
        """The screen of the stage a resumed drill stopped at."""
        view = self._session.facilitator_view()
        stage = view.paused_from if view.stage == "paused" else view.stage
        if stage == "lobby":
            if self.app.execute(Begin(FACILITATOR)):
                self.show(BriefingScreen())
        elif stage == "briefing":
            self.show(BriefingScreen())
        elif stage == "orders":
            self.play_turn()
        elif stage == "sitrep" and self._session.reports:
            self.show(SitrepScreen())
        elif stage == "sitrep":
            self.after_report()
        else:
            self.show(EndScreen())
        if view.stage == "paused":
            self.app.push_screen(PausedScreen())


class KeptApp(DrillApp):
    """The Drill app keeping every drill it plays, with the report and plan at the end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "plan", "key.plan"),
        Binding("f9", "review", "key.review"),
    ]

    keep_countdown_every = 10.0
    """Seconds between saves of the turn's countdown: a crash or power cut loses no more."""

    def __init__(
        self, keeper: DrillKeeper, *args: Any, resume: Session | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.keeper = keeper
        self.resumed = resume
        self.flow: KeptFlow = KeptFlow(self)

    @on(events.Mount)
    def keep_countdown_often(self) -> None:
        """Save the countdown regularly, not only when the facilitator quits."""
        self.set_interval(self.keep_countdown_every, self.keep_countdown)

    @on(events.Mount)
    def open_resumed(self, event: events.Mount) -> None:
        """A resumed drill (from DrillKeeper.resume, reports and all) opens where it stopped."""
        session = self.resumed
        if session is None:
            return  # DrillApp.on_mount runs next
        event.prevent_default()
        self.settle_in()
        self.session, self.rules, self.setup = session, session.rules, session.config
        drill_id = self.keeper.kept_id(session)
        if drill_id is not None:
            session.hotwash.update(hotwash_text(self.keeper.hotwash(drill_id)))
            shown = self.keeper.settings(drill_id).show_scores
            self.set_reactive(KeptApp.show_scores, shown)
        self.flow.show_stage()

    @property
    def drill_id(self) -> int | None:
        """The kept drill being played, if any."""
        return None if self.session is None else self.keeper.kept_id(self.session)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the hot wash with the drill as it is typed."""
        drill_id = self.drill_id
        if drill_id is None or self.session is None:
            return
        if (event.text_area.id or "").startswith("hotwash-"):
            old = self.keeper.hotwash(drill_id)
            self.keeper.keep_hotwash(drill_id, hotwash_notes(self.session.hotwash, old.notes))

    def watch_show_scores(self, shown: bool) -> None:
        """Keep the facilitator's choice to show or hide the scores with the drill."""
        if self.session is not None:
            self.keeper.keep_show_scores(self.session, shown)

    def before_quit(self) -> None:
        """Keep how far the turn's countdown ran before quitting."""
        self.keep_countdown()

    def keep_countdown(self) -> None:
        """Keep how far the turn's countdown ran; if that fails, play (or quit) all the same."""
        if self.session is None:
            return
        try:
            self.keeper.keep_countdown(self.session)
        except KeepError as error:
            self.log.error(f"the countdown was not kept: {error}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The plan and the report are offered on the end screen only."""
        if action in ("plan", "review"):
            return isinstance(self.screen, EndScreen) and self.drill_id is not None
        return super().check_action(action, parameters)

    def quit_text(self) -> str:
        """The drill is kept: quitting loses nothing, and it says how to go on."""
        drill_id = self.drill_id
        if drill_id is None:
            return super().quit_text()
        return t("quit.text", self.lang, command=self.keeper.resume_command(drill_id))

    def quit_message(self) -> str | None:
        """How to continue the kept drill, printed once the app has closed."""
        drill_id = self.drill_id
        if drill_id is None:
            return None
        command = self.keeper.resume_command(drill_id)
        return t("quit.kept", self.lang, id=drill_id, command=command)

    def action_plan(self) -> None:
        """Edit the improvement plan of the drill."""
        if self.drill_id is not None:
            self.push_screen(PlanDialog(self.keeper, self.drill_id))

    def action_review(self) -> None:
        """Write the report or the export of the drill to a file."""
        if self.drill_id is not None:
            self.push_screen(ReviewDialog(self.keeper, self.drill_id))


def run_kept(keeper: DrillKeeper, session: Session | None, lang: Lang) -> None:
    """Run the app on kept drills: a kept session where it stopped, or a new drill."""
    KeptApp(keeper, lang=lang, resume=session).run()
