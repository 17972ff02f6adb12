"""`drill handouts`: HTML that parses, has every role and inject, and keeps secrets apart."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from drill.authoring.handouts import render_handouts, role_file, write_handouts
from drill.scenario.bundle import Bundle
from drill.scenario.text import Lang, pick
from drill.store.files import bundled_scenarios, load_bundle
from tests.authoring.support import bundle_of, scenario_data

VOID = {"meta", "br", "hr", "img", "input", "link"}


class Checker(HTMLParser):
    """Parses a page, checking every element that opens is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.classes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.classes.extend((value or "") for name, value in attrs if name == "class")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Checker:
    checker = Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


def flat(text: str) -> str:
    return " ".join(text.split())


def page_text(html: str) -> str:
    return flat("".join(parsed(html).text))


def test_every_page_parses_and_is_self_contained() -> None:
    for name, html in render_handouts(bundle_of(scenario_data()), "en").items():
        checker = parsed(html)
        assert checker.tags[0] == "html", name
        assert "script" not in checker.tags and "link" not in checker.tags
        assert "http://" not in html and "https://" not in html
        assert "size: A4" in html and "page-break-after: always" in html


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bundled_scenarios_give_a_card_for_every_role_and_inject(path: Path, lang: Lang) -> None:
    bundle = load_bundle(path)
    pages = render_handouts(bundle, lang)
    index = page_text(pages["index.html"])
    for role in bundle.ruleset.roles:
        label = flat(pick(role.label, lang))
        assert label in page_text(pages[role_file(role.id)])
        assert label in index
    cards = parsed(pages["injects.html"]).classes
    assert cards.count("card inject") == len(bundle.scenario.injects)


def secrets(bundle: Bundle, lang: Lang) -> dict[str, list[str]]:
    items = bundle.scenario.information
    return {
        role.id: [flat(pick(i.text, lang)) for i in items if role.id in i.known_by]
        for role in bundle.ruleset.roles
    }


def test_a_role_card_holds_its_own_secrets_and_no_one_elses() -> None:
    bundle = load_bundle(bundled_scenarios()[0])
    pages = render_handouts(bundle, "en")
    known = secrets(bundle, "en")
    for role, items in known.items():
        text = page_text(pages[role_file(role)])
        assert all(item in text for item in items)
        others = {i for other, found in known.items() if other != role for i in found} - set(items)
        assert not [item for item in others if item in text]
        briefing = flat(pick(bundle.scenario.role_briefings.get(role), "en"))
        assert briefing in text


def test_facilitator_notes_are_only_on_the_facilitator_sheet() -> None:
    bundle = bundle_of(scenario_data())
    pages = render_handouts(bundle, "en")
    note = "Watch whether the office tells the committee first."
    assert note in page_text(pages["facilitator.html"])
    assert all(
        note not in page_text(html) for name, html in pages.items() if name != "facilitator.html"
    )
    facilitator = page_text(pages["facilitator.html"])
    assert "issue_warning" in facilitator and "warning_missed" in facilitator


def test_the_facilitator_sheet_names_each_objectives_capability() -> None:
    bundle = bundle_of(scenario_data())
    assert "群众安置与生活救助" in page_text(render_handouts(bundle, "zh")["facilitator.html"])
    assert "Mass care services" in page_text(render_handouts(bundle, "en")["facilitator.html"])


def test_inject_cards_give_time_sender_addressees_method_and_text() -> None:
    text = page_text(render_handouts(bundle_of(scenario_data()), "en")["injects.html"])
    for part in ("Turn 1 · 08:00", "District weather office", "Sub-district office", "phone"):
        assert part in text
    assert "Torrential rain is expected within three hours." in text
    assert text.index("rain_warning") < text.index("water_rising") < text.index("warning_missed")


def test_texts_are_escaped() -> None:
    data = scenario_data()
    data["briefing"] = {"zh": "<b>注意</b>", "en": "<script>alert(1)</script> & more"}
    pages = render_handouts(bundle_of(data), "en")
    assert "<script>" not in pages[role_file("government")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in pages[role_file("government")]


def test_write_handouts_creates_the_folder(tmp_path: Path) -> None:
    written = write_handouts(bundle_of(scenario_data()), "zh", tmp_path / "new" / "cards")
    names = sorted(p.name for p in written)
    assert names == sorted(
        [
            "facilitator.html",
            "index.html",
            "injects.html",
            "role-committee.html",
            "role-government.html",
        ]
    )
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in written)
