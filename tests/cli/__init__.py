"""Tests of drill.cli."""
