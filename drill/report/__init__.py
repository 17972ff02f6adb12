"""The after-action report (HSEEP AAR/IP), its charts, comparisons and exports; engine only."""
