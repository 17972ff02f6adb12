"""Charts of a drill as inline SVG: functionality over time, the role network, the score parts.

Matplotlib draws with the Agg backend and writes SVG with text kept as text
(`svg.fonttype: none`), so whoever reads the report sees Chinese in their own fonts.
A CJK font found on this machine (via `fc-list :lang=zh`) is used to lay the text out;
without one, layout falls back to DejaVu Sans and missing-glyph warnings are silenced.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from drill.i18n import t
from drill.report.history import Curves, Tie
from drill.scenario.text import Lang

matplotlib.use("Agg")

CJK_NAMES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
)
"""Families named in the SVG so a reader's browser can pick a Chinese font it has."""

PALETTE = ("#1f6f8b", "#e07a1f", "#3a9d5d", "#c0392b", "#7d5ba6", "#8c6d46", "#d35f9b", "#5d6d7e")
_LABEL_BOX = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)


@cache
def machine_cjk_fonts() -> tuple[str, ...]:
    """Families of the Chinese fonts fontconfig knows here, registered with matplotlib."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        found = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    families: list[str] = []
    for line in found.splitlines():
        path = line.split(":")[0].strip()
        try:
            font_manager.fontManager.addfont(path)
            name = font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError, ValueError):
            continue
        if name not in families:
            families.append(name)
    return tuple(families)


@contextmanager
def _style() -> Iterator[None]:
    families = [*machine_cjk_fonts(), *CJK_NAMES, "DejaVu Sans"]
    settings: dict[Any, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": "drill",
        "font.family": "sans-serif",
        "font.sans-serif": list(dict.fromkeys(families)),
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        warnings.filterwarnings("ignore", message="findfont")
        yield


def _svg(figure: Figure) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    return _XML_PROLOGUE.sub("", out.getvalue(), count=1).strip()


def functionality_chart(curves: Curves, labels: dict[str, str], lang: Lang) -> str:
    """Q_s(t) of every sector and Q(t) of the community, the lost area shaded."""
    with _style():
        figure = Figure(figsize=(7.0, 3.6))
        ax = figure.add_subplot()
        for i, (sector, values) in enumerate(curves.sectors.items()):
            color = PALETTE[i % len(PALETTE)]
            ax.plot(curves.turns, values, color=color, linewidth=1.2, label=labels[sector])
        q, q0 = curves.community, curves.community[0]
        ax.plot(curves.turns, q, color="black", linewidth=2.4, label=t("report.community", lang))
        ax.fill_between(curves.turns, q, q0, where=[v < q0 for v in q], color="#c0392b", alpha=0.2)
        ax.axhline(q0, color="black", linewidth=0.6, linestyle=":")
        _axes(ax, lang)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
        return _svg(figure)


def _axes(ax: Axes, lang: Lang) -> None:
    ax.set_ylim(0, 105)
    ax.set_xlabel(t("word.turn", lang))
    ax.set_ylabel(t("report.axis.functionality", lang))
    ax.grid(axis="y", linewidth=0.3)


def network_chart(
    roles: list[str], labels: dict[str, str], ties: list[Tie], actions: dict[str, int]
) -> str:
    """The roles on a circle; a line for every pair that worked together, thicker the more."""
    with _style():
        figure = Figure(figsize=(5.0, 4.2))
        ax = figure.add_subplot()
        where = _circle(roles)
        most = max((t.count for t in ties), default=1)
        for tie in ties:
            (xa, ya), (xb, yb) = where[tie.a], where[tie.b]
            ax.plot([xa, xb], [ya, yb], color="#1f6f8b", linewidth=1 + 5 * tie.count / most)
            x, y = xa + 0.35 * (xb - xa), ya + 0.35 * (yb - ya)
            ax.text(x, y, str(tie.count), ha="center", va="center", fontsize=8, bbox=_LABEL_BOX)
        biggest = max(actions.values(), default=1) or 1
        for i, role in enumerate(roles):
            x, y = where[role]
            size = 300 + 900 * actions.get(role, 0) / biggest
            ax.scatter([x], [y], s=size, color=PALETTE[i % len(PALETTE)], zorder=3)
            ax.text(x, y - 0.2, labels[role], ha="center", va="top", fontsize=9, bbox=_LABEL_BOX)
        ax.set_xlim(-1.6, 1.6)
        ax.set_ylim(-1.6, 1.4)
        ax.set_axis_off()
        return _svg(figure)


def _circle(roles: list[str]) -> dict[str, tuple[float, float]]:
    step = 2 * math.pi / max(1, len(roles))
    return {
        r: (math.cos(math.pi / 2 - i * step), math.sin(math.pi / 2 - i * step))
        for i, r in enumerate(roles)
    }


def scores_chart(parts: list[tuple[str, float | None]], lang: Lang) -> str:
    """A horizontal bar for every score part (0-100); parts not measured are named as such."""
    with _style():
        figure = Figure(figsize=(6.0, 0.35 * len(parts) + 0.6))
        ax = figure.add_subplot()
        names = [label for label, _ in parts][::-1]
        values = [value or 0.0 for _, value in parts][::-1]
        bars = ax.barh(names, values, color="#1f6f8b")
        for bar, (_, value) in zip(bars, parts[::-1], strict=True):
            text = t("report.not_measured", lang) if value is None else f"{value:.0f}"
            ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, text, va="center")
        ax.set_xlim(0, 110)
        ax.grid(axis="x", linewidth=0.3)
        return _svg(figure)


def compare_chart(drills: list[tuple[str, Curves]], lang: Lang) -> str:
    """Q(t) of several drills on one set of axes."""
    with _style():
        figure = Figure(figsize=(7.0, 3.6))
        ax = figure.add_subplot()
        for i, (label, curves) in enumerate(drills):
            color = PALETTE[i % len(PALETTE)]
            ax.plot(curves.turns, curves.community, color=color, linewidth=1.8, label=label)
        _axes(ax, lang)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
        return _svg(figure)
