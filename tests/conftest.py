"""Refuse to test a compiled engine that is older than its sources."""

from __future__ import annotations

import pytest

from drill.compiled import stale_sources


def pytest_configure(config: pytest.Config) -> None:
    """Stop before any test if an engine source was edited after the last build."""
    stale = stale_sources()
    if stale:
        names = ", ".join(path.name for path in stale)
        pytest.exit(
            f"drill/engine was edited after it was compiled ({names}); "
            "the tests would run the old code. Rebuild with `make test`, "
            "or `.venv/bin/pip install -e .`.",
            returncode=2,
        )
