"""Tests of drill.scenario."""
