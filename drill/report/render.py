"""Reports laid out as Markdown, one self-contained HTML file, or JSON."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from functools import cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from drill.i18n import t
from drill.report.model import Report
from drill.scenario.text import Lang

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")


def cell(value: object) -> str:
    """A value made safe for one Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def data_uri(svg: str) -> str:
    """An SVG as a data: URI for a Markdown image."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@cache
def environment() -> Environment:
    """The Jinja environment of the report templates (package data of drill.report)."""
    env = Environment(
        loader=PackageLoader("drill.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = cell
    env.filters["data_uri"] = data_uri
    return env


def render_template(name: str, lang: Lang, **values: Any) -> str:
    """Render one template with `t(key)` giving the report's words in `lang`."""
    template = environment().get_template(name)
    return template.render(t=lambda key: t(key, lang), **values)


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
