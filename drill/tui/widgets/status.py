"""Small status texts shared by screens: the turn timer."""

from __future__ import annotations

from rich.text import Text

from drill.i18n import t
from drill.scenario.text import Lang
from drill.session.port import TimerReading


def minutes(seconds: float) -> str:
    """'12:05' for 725 seconds."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def timer_text(timer: TimerReading, lang: Lang) -> Text:
    """Time left in the turn, with a word for its state (not colour alone)."""
    left = timer.remaining
    if not timer.running and timer.elapsed == 0:
        return Text("⏱ " + t("timer.idle", lang), style="dim")
    if not timer.running:
        return Text(f"⏸ {minutes(left)} " + t("timer.stopped", lang), style="yellow")
    if left <= 0:
        return Text("⏱ 0:00 " + t("timer.up", lang), style="bold red")
    style = "bold yellow" if left < 120 else ""
    return Text(f"⏱ {minutes(left)} " + t("timer.left", lang), style=style)
