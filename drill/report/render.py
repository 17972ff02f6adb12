"""Reports laid out as Markdown, one self-contained HTML file, or JSON."""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import asdict
from functools import cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from drill.i18n import t
from drill.report.model import Report
from drill.scenario.text import Lang

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")


_MD_INLINE = re.compile(r"([\\`*_\[\]~|])")
"""Characters that start Markdown emphasis, code, links, strike-through or table cells."""
_MD_LINE_START = re.compile(
    r"^[ \t]*(?:(#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|=+[ \t]*$|-+[ \t]*$)"
    r"|(\d{1,9})([.)])(?=[ \t]|$))",
    re.MULTILINE,
)
"""A heading, list, setext underline or numbered item where a line starts (indent dropped)."""
_MD_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
"""Indentation, which would turn a line into a code block."""


def _line_start(found: re.Match[str]) -> str:
    if found.group(1):
        return "\\" + found.group(1)
    return f"{found.group(2)}\\{found.group(3)}"


def md_text(value: object) -> Markup:
    """Any value as inert Markdown text: HTML and Markdown syntax escaped, words kept.

    The `finalize` of the Markdown templates: every `{{ ... }}` passes here, so nothing a
    scenario, a team or a player wrote can become a tag, a link, a heading or emphasis.
    Words of the report itself (`t(...)`) and numbers are Markup or not text, and kept.
    """
    if isinstance(value, Markup):
        return value
    if not isinstance(value, str):
        return Markup(str(value))
    text = html.escape(value, quote=False)
    text = _MD_INDENT.sub("", _MD_INLINE.sub(r"\\\1", text))
    return Markup(_MD_LINE_START.sub(_line_start, text))


def cell(value: object) -> Markup:
    """A value made safe for one Markdown table cell: escaped, on one line."""
    return Markup(md_text(value).replace("\n", " "))


def code(value: object) -> Markup:
    """A value as a Markdown code span (an id); backticks cannot end it early."""
    return Markup("`" + str(value).replace("`", "'") + "`")


def data_uri(svg: str) -> Markup:
    """An SVG as a data: URI for a Markdown image."""
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup("data:image/svg+xml;base64," + encoded)


@cache
def environment(markdown: bool = False) -> Environment:
    """The Jinja environment of the report templates; Markdown ones escape every value."""
    env = Environment(
        loader=PackageLoader("drill.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=md_text if markdown else None,
    )
    env.filters["cell"] = cell
    env.filters["code"] = code
    env.filters["data_uri"] = data_uri
    return env


def render_template(name: str, lang: Lang, **values: Any) -> str:
    """Render one template with `t(key)` giving the report's words in `lang`."""
    markdown = name.endswith(".md.j2")
    template = environment(markdown).get_template(name)
    words = (lambda key: Markup(t(key, lang))) if markdown else (lambda key: t(key, lang))
    return template.render(t=words, **values)


def report_json(report: Report) -> str:
    """The report as JSON data (charts left out: they are drawn from this data)."""
    body = asdict(report)
    body.pop("charts", None)
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def render(report: Report, fmt: Format) -> str:
    """The report in the format asked for."""
    if fmt == "json":
        return report_json(report)
    name = "report.html.j2" if fmt == "html" else "report.md.j2"
    return render_template(name, report.lang, report=report)
