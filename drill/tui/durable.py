"""The app on the drill database: every command is stored as it is played; stored drills resume."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from drill.engine.commands import FACILITATOR, Begin, CloseTurn
from drill.engine.drill import Drill
from drill.engine.evolve import evolve
from drill.i18n import t
from drill.scenario.text import Lang
from drill.session.hotwash import HotWash
from drill.session.session import Session
from drill.session.sitrep import turn_report
from drill.store.database import Store
from drill.store.kept import drill_id_of, keep_show_scores, keep_timer, start_session
from drill.store.migrations import StoreError
from drill.tui.app import DrillApp
from drill.tui.dialogs.paused import PausedScreen
from drill.tui.dialogs.review import PlanDialog, ReviewDialog
from drill.tui.flow import Flow
from drill.tui.screens.briefing import BriefingScreen
from drill.tui.screens.end import EndScreen
from drill.tui.screens.sitrep import SitrepScreen


def rebuild_reports(session: Session, store: Store, drill_id: int) -> None:
    """The situation reports of the turns already resolved, as the app made them."""
    rules = session.rules
    drill = Drill(rules, session.config.seed)
    for entry in store.entries(drill_id):
        before = drill.state.clone() if isinstance(entry.command, CloseTurn) else None
        for event in entry.events:
            evolve(rules, drill.state, event)
        if before is not None:
            session.reports.append(turn_report(rules, before, drill.state, entry.events))


def hotwash_text(notes: HotWash) -> dict[str, str]:
    """Stored hot-wash notes as the end screen's fields hold them."""
    return {"strengths": "\n".join(notes.strengths), "improvements": "\n".join(notes.improvements)}


def hotwash_notes(fields: dict[str, str], notes: str) -> HotWash:
    """The end screen's fields as stored notes: one strength or improvement per line."""

    def lines(key: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in fields.get(key, "").splitlines() if line.strip())

    return HotWash(lines("strengths"), lines("improvements"), notes)


class DurableFlow(Flow):
    """The app's flow, with new drills stored and stored drills opened at their stage."""

    app: DurableApp

    def start_drill(self) -> None:
        """Leave the lobby with a session that writes to the drill database."""
        app = self.app
        assert app.bundle is not None and app.setup is not None
        app.session = start_session(app.store, app.bundle, app.setup, app.clock)
        if app.execute(Begin(FACILITATOR)):
            self.show(BriefingScreen())

    def show_stage(self) -> None:
        """The screen of the stage a resumed drill stopped at."""
        state = self._session.state
        stage = state.paused_from if state.stage == "paused" else state.stage
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
        if state.stage == "paused":
            self.app.push_screen(PausedScreen())


class DurableApp(DrillApp):
    """The Drill app writing to the drill database, with the report and plan at the end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "plan", "key.plan"),
        Binding("f9", "review", "key.review"),
    ]

    keep_countdown_every = 10.0
    """Seconds between saves of the turn's countdown: a crash or power cut loses no more."""

    def __init__(self, store: Store, *args: Any, resume: Session | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.store = store
        self.resumed = resume
        self.flow: DurableFlow = DurableFlow(self)

    @on(events.Mount)
    def keep_countdown_often(self) -> None:
        """Save the countdown regularly, not only when the facilitator quits."""
        self.set_interval(self.keep_countdown_every, self.keep_countdown)

    @on(events.Mount)
    def open_resumed(self, event: events.Mount) -> None:
        """A resumed drill opens where it stopped; otherwise as the app always opens."""
        session = self.resumed
        if session is None:
            return  # DrillApp.on_mount runs next
        event.prevent_default()
        self.settle_in()
        self.session, self.rules, self.setup = session, session.rules, session.config
        drill_id = drill_id_of(session)
        if drill_id is not None:
            rebuild_reports(session, self.store, drill_id)
            session.hotwash.update(hotwash_text(self.store.hotwash(drill_id)))
            shown = self.store.settings(drill_id).show_scores
            self.set_reactive(DurableApp.show_scores, shown)
        self.flow.show_stage()

    @property
    def drill_id(self) -> int | None:
        """The stored drill being played, if any."""
        return None if self.session is None else drill_id_of(self.session)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the hot wash in the drill database as it is typed."""
        drill_id = self.drill_id
        if drill_id is None or self.session is None:
            return
        if (event.text_area.id or "").startswith("hotwash-"):
            old = self.store.hotwash(drill_id)
            self.store.set_hotwash(drill_id, hotwash_notes(self.session.hotwash, old.notes))

    def watch_show_scores(self, shown: bool) -> None:
        """Keep the facilitator's choice to show or hide the scores with the drill."""
        if self.session is not None:
            keep_show_scores(self.store, self.session, shown)

    def before_quit(self) -> None:
        """Keep how far the turn's countdown ran before quitting."""
        self.keep_countdown()

    def keep_countdown(self) -> None:
        """Keep how far the turn's countdown ran; if that fails, play (or quit) all the same."""
        if self.session is None:
            return
        try:
            keep_timer(self.store, self.session)
        except StoreError as error:
            self.log.error(f"the countdown was not kept: {error}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The plan and the report are offered on the end screen only."""
        if action in ("plan", "review"):
            return isinstance(self.screen, EndScreen) and self.drill_id is not None
        return super().check_action(action, parameters)

    def quit_text(self) -> str:
        """The drill is stored: quitting loses nothing, and it says how to go on."""
        drill_id = self.drill_id
        if drill_id is None:
            return super().quit_text()
        return t("quit.text", self.lang, command=self.store.resume_command(drill_id))

    def quit_message(self) -> str | None:
        """How to continue the stored drill, printed once the app has closed."""
        drill_id = self.drill_id
        if drill_id is None:
            return None
        command = self.store.resume_command(drill_id)
        return t("quit.kept", self.lang, id=drill_id, command=command)

    def action_plan(self) -> None:
        """Edit the improvement plan of the drill."""
        if self.drill_id is not None:
            self.push_screen(PlanDialog(self.store, self.drill_id))

    def action_review(self) -> None:
        """Write the report or the export of the drill to a file."""
        if self.drill_id is not None:
            self.push_screen(ReviewDialog(self.store, self.drill_id))


def run_stored(store: Store, session: Session | None, lang: Lang) -> None:
    """Run the app on the drill database: a stored session where it stopped, or a new drill."""
    DurableApp(store, lang=lang, resume=session).run()
