"""docs/authoring.md shows real output: re-run its walkthrough and compare, block by block."""
# ruff: noqa: E501  (the YAML snippets must match docs/authoring.md exactly)

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from drill.cli.main import cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
TIMING = re.compile(r"; \d+\.\d s on \d+ process\(es\)")

EDITS: dict[str, list[tuple[str, str]]] = {
    "A": [
        ('title: "Rainstorm and flooding drill"', 'title: "Flash flood on Riverside Lane"'),
        (
            """    - {id: disabled, label: "Residents with disabilities", count: 10, zone: lowland, deadline: 5}
""",
            """    - {id: disabled, label: "Residents with disabilities", count: 10, zone: lowland, deadline: 5}
    - {id: kindergarten, label: "Kindergarten children", count: thirty, zone: lowland, deadline: 3}
""",
        ),
        (
            """  - id: recovery_meeting""",
            """  - id: kids_at_school
    turn: 2
    from: "Kindergarten head teacher"
    to: [committee, social_org]
    method: phone
    title: "The kindergarten is open"
    text: "The kindergarten by the river opened at 7. Thirty children are inside and the yard is flooding."
    expects:
      - {action: evacuate_zon, by: [committee, social_org], within: 2, objective: protect_kids}
    notes: "Do they ask the office for approval, or was authority delegated already?"

  - id: recovery_meeting""",
        ),
        (
            """  - {id: recover, text:""",
            """  - {id: protect_kids, text: "Get the kindergarten children to safety.", capability: mass_search_and_rescue_operations}
  - {id: recover, text:""",
        ),
    ],
    "A2": [("count: thirty, zone: lowland", "count: 30, zone: lowland")],
    "A3": [("action: evacuate_zon,", "action: evacuate_zone,")],
    "B": [
        (
            """        - affect: {zone: lowland, count: 3}
""",
            """        - affect: {zone: lowland, count: 3}
        - exposure: {zone: lowland, delta: 1}
""",
        ),
        (
            '''    - id: recovery
      label: "Recovery"''',
            '''    - id: dam_break
      label: "The old dyke gives way"
      description: "The dyke behind the lane breaks; water rushes into the low-lying area."
      impact:
        - sector: {id: housing, delta: -15}
        - affect: {zone: lowland, count: 4}
    - id: recovery
      label: "Recovery"''',
        ),
        (
            """  - id: recovery_meeting""",
            """  - id: dyke_breaks
    when: {phase: dam_break}
    from: "Building leader"
    to: all
    method: phone
    text: "The dyke has broken! Water is pouring into the lane."
    expects:
      - {action: search_and_rescue, by: [social_org, residents], within: 1, objective: protect_vulnerable}

  - id: recovery_meeting""",
        ),
    ],
    "C": [
        (
            """    - {trigger: abates, source: flooding, dest: recovery, when: {turn: {gte: 6}}}
""",
            """    - {trigger: abates, source: flooding, dest: recovery, when: {turn: {gte: 6}}}
    - {trigger: dyke_fails, source: flooding, dest: dam_break, when: {metric: {name: exposure.lowland, gte: 5}}}
""",
        )
    ],
    "D": [
        (
            """    - {trigger: dyke_fails, source: flooding, dest: dam_break, when: {metric: {name: exposure.lowland, gte: 5}}}
""",
            """    - {trigger: dyke_fails, source: flooding, dest: dam_break, when: {metric: {name: exposure.lowland, gte: 5}}}
    - {trigger: dyke_closed, source: dam_break, dest: recovery, when: {turn: {gte: 7}}}
""",
        )
    ],
}
"""The edits the page describes, as exact replacements in riverside.yaml."""

STEPS: list[tuple[str | None, str]] = [
    (None, "drill new riverside.yaml --hazard flood --lang en"),
    (None, "drill validate riverside.yaml"),
    (None, "drill new riverside.yaml --hazard flood --lang en"),
    ("A", "drill validate riverside.yaml"),
    ("A2", "drill validate riverside.yaml"),
    ("A3", "drill validate riverside.yaml"),
    ("B", "drill lint riverside.yaml"),
    (None, "drill lint --strict riverside.yaml"),
    ("C", "drill lint riverside.yaml"),
    ("D", "drill lint --strict riverside.yaml"),
    (None, "drill graph riverside.yaml"),
    (None, "drill balance riverside.yaml --runs 200"),
    (None, "drill handouts riverside.yaml -o handouts"),
]
"""Each command of the walkthrough, after the edit made before it."""


def edit(path: Path, name: str) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in EDITS[name]:
        assert text.count(old) == 1, (name, old)
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def console(command: str) -> str:
    """What the page shows for one command: the prompt, the output, and $? when not 0."""
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    text = f"$ {command}\n{result.output.rstrip()}"
    if result.exit_code:
        text += f"\n$ echo $?\n{result.exit_code}"
    return TIMING.sub("", text)


@pytest.mark.slow
def test_the_walkthrough_output_is_what_drill_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = TIMING.sub("", DOC.read_text(encoding="utf-8"))
    for name, command in STEPS:
        if name is not None:
            edit(tmp_path / "riverside.yaml", name)
        shown = console(command)
        assert f"```console\n{shown}\n```" in page, shown
