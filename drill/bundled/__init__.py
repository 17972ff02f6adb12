"""Where the scenarios, rulesets and JSON Schemas shipped with Drill are, however it is installed.

In the repository they are the top-level folders scenarios/, rulesets/ and schema/; the
entries of this package are links to them. A wheel holds copies of them here (see the
package data in pyproject.toml), so an installed Drill finds them without its repository.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled_folder(name: str) -> Path:
    """The shipped folder `name` ('scenarios', 'rulesets' or 'schema'), links resolved."""
    here = files(__name__)
    if not isinstance(here, Path):  # e.g. imported from a zip archive: no folder to list
        raise RuntimeError(f"Drill's {name} are not on disk ({here}); install Drill as files")
    return (here / name).resolve()


SCENARIOS_DIR = bundled_folder("scenarios")
RULESETS_DIR = bundled_folder("rulesets")
SCHEMA_DIR = bundled_folder("schema")
