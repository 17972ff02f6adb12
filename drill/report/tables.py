"""Plain-text tables for the terminal that stay aligned with Chinese (wide) characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from drill.scenario.text import Text, pick


def width(text: str) -> int:
    """Columns `text` takes on a terminal: East Asian wide characters take two."""
    return sum(2 if _wide(c) else 1 for c in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    """`text` padded with spaces to `columns` terminal columns."""
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


Row = Sequence[str] | str
"""Cells to align, or a note: a free line under the second column."""


def table(rows: Sequence[Row], right: Sequence[int] = (), indent: int = 2) -> str:
    """Rows as aligned columns (right-aligned where the index is in `right`), notes below."""
    cells = [list(row) for row in rows if not isinstance(row, str)]
    count = max((len(row) for row in cells), default=0)
    sizes = [max((width(row[i]) for row in cells if i < len(row)), default=0) for i in range(count)]
    lines = []
    for row in rows:
        if isinstance(row, str):
            lines.append(" " * (indent + sizes[0] + 2 if sizes else indent) + row)
            continue
        parts = [pad(cell, sizes[i], i in right) for i, cell in enumerate(row)]
        lines.append((" " * indent + "  ".join(parts)).rstrip())
    return "\n".join(lines)


def plural(count: int, noun: str) -> str:
    """'1 inject', '2 injects'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def wrap_wide(text: str, columns: int) -> str:
    """Chinese (or any) text re-flowed to `columns` terminal columns, paragraph by paragraph."""
    out = []
    for paragraph in text.split("\n\n"):
        line, lines = "", []
        for char in _joined(paragraph):
            if width(line) + width(char) > columns:
                lines.append(line.rstrip())
                line = char.lstrip()
            else:
                line += char
        out.append("\n".join([*lines, line.rstrip()]))
    return "\n\n".join(out)


def _joined(paragraph: str) -> str:
    """One line; line breaks and spaces between two wide characters disappear."""
    chars = paragraph.replace("\n", " ")
    return "".join(
        c
        for i, c in enumerate(chars)
        if not (c == " " and 0 < i < len(chars) - 1 and _wide(chars[i - 1]) and _wide(chars[i + 1]))
    )


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def both(text: Text | None) -> str:
    """A bilingual text as 'zh / en' (once when the two are the same or one is missing)."""
    zh, en = pick(text, "zh"), pick(text, "en")
    return zh if zh == en else f"{zh} / {en}"


def number(value: float | None, digits: int = 1) -> str:
    """A score for a table; whole numbers as they are; '—' when nothing was measured."""
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.{digits}f}"
