"""Tests of drill.engine."""
