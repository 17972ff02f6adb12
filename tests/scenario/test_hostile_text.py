"""Hostile scenario text: printable text loads verbatim, control characters are errors."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill.scenario.bundle import build_bundle
from drill.scenario.problems import ScenarioError
from drill.scenario.text import pick
from tests.scenario.support import RULESET_PATH, RULESET_TEXT, SCENARIO_PATH, dump, scenario_data

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = [
    "[",
    "]",
    "[/]",
    "[@click=app.quit]",
    "[link=file:///etc/passwd]",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[2J",
    "\x1b]8;;http://x\x1b\\",
    "\x07",
    "\x9b",
    "\x7f",
    "\u202e",
    "\u200f",
    "e\u0301",
    "\u0336",
    "😀",
    "👩‍👩‍👧",
    "中文",
    "w" * 10_000,
    " ",
    "\t",
    "<script>",
    "*",
]


def bundle_title(title: str, inject_text: str) -> str:
    """The English title of the mini scenario once its title and first inject text are set."""
    data = scenario_data()
    data["meta"]["title"]["en"] = title
    data["injects"][0]["text"]["en"] = inject_text
    bundle = build_bundle(dump(data), SCENARIO_PATH, RULESET_TEXT, RULESET_PATH)
    assert pick(bundle.scenario.injects[0].text, "en") == inject_text
    return pick(bundle.scenario.meta.title, "en")


def test_an_escape_sequence_in_a_title_is_a_positioned_error() -> None:
    text = dump(scenario_data()).replace("Mini flood drill", '"x\\e]52;c;aGk=\\a\\e[2J"', 1)
    with pytest.raises(ScenarioError) as caught:
        build_bundle(text, SCENARIO_PATH, RULESET_TEXT, RULESET_PATH)
    (problem,) = caught.value.problems
    line = text.splitlines()[problem.line - 1]
    assert "title" in line or "en:" in line
    assert problem.message == "U+001B (escape) is not allowed in text"
    assert problem.format().startswith(f"{SCENARIO_PATH}:{problem.line}:{problem.column}: ")


def test_a_control_character_in_a_ruleset_is_refused_too() -> None:
    ruleset = RULESET_TEXT.replace("\n", '\nnote: "\\a"\n', 1)
    with pytest.raises(ScenarioError) as caught:
        build_bundle(dump(scenario_data()), SCENARIO_PATH, ruleset, RULESET_PATH)
    messages = [p.message for p in caught.value.problems if p.path == RULESET_PATH]
    assert "U+0007 (bell) is not allowed in text" in messages


@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=5).map("".join),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3).map("".join),
)
def test_hostile_text_loads_verbatim_or_is_a_positioned_error(title: str, inject: str) -> None:
    try:
        loaded = bundle_title(title, inject)
    except ScenarioError as error:
        assert CONTROL.search(title + inject), str(error)
        for problem in error.problems:
            assert problem.message.endswith("is not allowed in text"), problem.format()
            assert problem.line > 1
        return
    assert not CONTROL.search(title + inject)
    assert loaded == title
