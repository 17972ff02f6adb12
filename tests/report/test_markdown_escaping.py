"""User text in Markdown reports is inert: no HTML, link, heading or emphasis gets through."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from drill.report.compare import compare, render_comparison
from drill.report.facts import ReportInput
from drill.report.model import build_report
from drill.report.render import md_text, render
from drill.session.hotwash import HotWash, PlanItem
from tests.report.support import known

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src=//x></iframe> "
    "[x](javascript:alert(1)) ![i](http://x/i.png) **bold** _it_ `code` ~~gone~~ a|b"
)
NOTES = "fine\n# Injected heading\n- injected item\n1. injected number\n    code block\n===="


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>", "&lt;script&gt;"),
        ("[x](javascript:y)", "\\[x\\](javascript:y)"),
        ("**b** _i_ `c` ~s~", "\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~s\\~"),
        ("# h\n## h2", "\\# h\n\\## h2"),
        ("- a\n+ b\n3. c\n==", "\\- a\n\\+ b\n3\\. c\n\\=="),
        ("98.6 #5 a-b 中文 😀 \u202e", "98.6 #5 a-b 中文 😀 \u202e"),
    ],
)
def test_md_text_escapes_markup_and_keeps_words(text: str, shown: str) -> None:
    assert md_text(text) == shown


def hostile_input() -> ReportInput:
    source = known("flood_greedy")
    seats = tuple(
        replace(seat, team=HOSTILE, participants=(HOSTILE,)) for seat in source.facts.seats
    )
    facts = replace(source.facts, seats=seats)
    notes = HotWash(strengths=(HOSTILE,), improvements=("# Heading",), notes=NOTES)
    plan = [PlanItem(HOSTILE, HOSTILE, HOSTILE, HOSTILE)]
    return replace(source, facts=facts, hotwash=notes, plan=plan)


def assert_inert(text: str) -> None:
    for raw in ("<script", "<img", "<iframe", "![i]", "**bold**", "~~gone"):
        assert raw not in text, raw
    assert not re.search(r"(?<!\\)\]\(javascript:", text)
    assert not re.search(r"^(# Injected|- injected|1\. injected|    code|====)", text, re.M)


def test_a_markdown_report_carries_no_raw_html_or_markup_from_users() -> None:
    source = hostile_input()
    text = render(build_report(source, "en", with_charts=False), "md")
    assert "&lt;script&gt;" in text
    assert_inert(text)


def test_a_markdown_comparison_carries_no_raw_html_or_markup_from_users() -> None:
    comparison = compare([hostile_input()], "en", with_chart=False)
    assert_inert(render_comparison(comparison, "md"))
