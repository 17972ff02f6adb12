"""Entry point for `python -m drill`."""

from drill.cli.main import main

main()
