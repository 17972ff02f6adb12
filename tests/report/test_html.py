"""The HTML report is one self-contained, parseable, printable page with every section."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from drill.report import charts
from drill.report.compare import compare, render_comparison
from drill.report.model import build_report
from drill.report.render import render
from drill.scenario.text import Lang
from tests.report.support import known

SECTIONS = (
    "overview",
    "summary",
    "scores",
    "objectives",
    "analysis",
    "plan",
    "timeline",
    "roles",
    "charts",
)


class Page(HTMLParser):
    """What the checks need of a page: section ids, svg count, outside references, balance."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "col", "area", "source"})

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.svgs = 0
        self.outside: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section" and values.get("id"):
            self.ids.append(str(values["id"]))
        self.svgs += tag == "svg"
        for name in ("src", "href", "xlink:href"):
            value = values.get(name) or ""
            if value and not value.startswith("#"):
                self.outside.append(value)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_html_report_parses_and_has_every_section(lang: Lang) -> None:
    html = render(build_report(known("flood_random", True), lang), "html")
    page = parsed(html)
    assert tuple(page.ids) == SECTIONS
    assert page.svgs >= 3
    assert page.outside == []
    assert page.open == []
    assert "@page { size: A4" in html
    assert ("演练评估报告" if lang == "zh" else "After-action report") in "".join(page.text)


def test_chinese_labels_stay_text_in_the_charts() -> None:
    html = render(build_report(known("flood_greedy"), "zh"), "html")
    assert "<text" in html and "住房" in html  # a sector label, kept as text, not paths
    assert "font-family" in html


def test_the_comparison_page_parses() -> None:
    sources = [known("flood_greedy"), known("flood_random")]
    html = render_comparison(compare(sources, "en"), "html")
    page = parsed(html)
    assert page.ids == ["scores", "objectives", "charts"]
    assert page.svgs == 1 and page.outside == [] and page.open == []


def test_the_cjk_font_search_never_fails() -> None:
    found = charts.machine_cjk_fonts()
    assert isinstance(found, tuple) and all(isinstance(name, str) for name in found)


def test_charts_draw_without_warnings_whatever_fonts_there_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import warnings

    monkeypatch.setattr(charts, "machine_cjk_fonts", lambda: ())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = build_report(known("flood_greedy"), "zh")
    assert report.charts is not None and report.charts.functionality.startswith("<svg")
