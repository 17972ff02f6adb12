"""Catalogue: the section headings of `drill info`, a scenario described in plain words."""

from __future__ import annotations

DESCRIBE: dict[str, tuple[str, str]] = {
    "describe.roles": ("Roles", "角色"),
    "describe.phases": ("Hazard phases", "灾情阶段"),
    "describe.injects": ("Injects (MSEL)", "情景注入（MSEL）"),
    "describe.objectives": ("Objectives", "演练目标"),
    "describe.groups": ("Vulnerable groups", "脆弱人群"),
}
