"""Tests that the docs show real, working examples."""
