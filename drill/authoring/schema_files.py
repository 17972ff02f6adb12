"""The JSON Schema files shipped in schema/, generated from drill.scenario.schema.

`make schema` (python -m drill.authoring.schema_files) rewrites them; a test checks the
committed files are what this module generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from drill.bundled import SCHEMA_DIR
from drill.scenario.schema import ruleset_schema, scenario_schema

SCENARIO_SCHEMA = SCHEMA_DIR / "scenario.schema.json"
RULESET_SCHEMA = SCHEMA_DIR / "ruleset.schema.json"


def schema_texts() -> dict[Path, str]:
    """Each schema file and the text it should hold."""
    return {
        SCENARIO_SCHEMA: json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n",
        RULESET_SCHEMA: json.dumps(ruleset_schema(), indent=2, ensure_ascii=False) + "\n",
    }


def main() -> int:
    """Write the schema files; say which changed."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    for path, text in schema_texts().items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
        name = path.relative_to(SCHEMA_DIR.parent)
        print(f"{name}: {'unchanged' if old == text else 'written'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
