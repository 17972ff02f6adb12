"""A chart of each sector's functionality over the turns (textual-plotext)."""

from __future__ import annotations

from textual_plotext import PlotextPlot

from drill.engine.rules import Rules
from drill.i18n import t
from drill.scenario.text import Lang, pick

MARKERS = ("o", "#", "^", "*", "+", "x", "@", "%")
"""One shape per sector, so the lines differ without colour (one column wide everywhere)."""


class FunctionalityChart(PlotextPlot):
    """Functionality 0-100 of every sector at the start and after each turn."""

    def __init__(self, rules: Rules, history: list[tuple[float, ...]], lang: Lang) -> None:
        super().__init__(id="chart")
        self.rules, self.history, self.lang = rules, history, lang

    def on_mount(self) -> None:
        """Draw one line per sector."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        starts = [s.start for s in self.rules.sectors.values()]
        rows = [tuple(starts), *self.history]
        turns = list(range(len(rows)))
        for i, sector in enumerate(self.rules.sectors.values()):
            values = [row[i] for row in rows]
            plt.plot(
                turns, values, label=pick(sector.label, self.lang), marker=MARKERS[i % len(MARKERS)]
            )
        plt.ylim(0, 100)
        plt.xticks([float(x) for x in turns])
        plt.title(t("chart.title", self.lang))
        plt.xlabel(t("chart.turn", self.lang))
        plt.ylabel(t("chart.functionality", self.lang))
