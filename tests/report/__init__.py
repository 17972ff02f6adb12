"""Tests of drill.report."""
