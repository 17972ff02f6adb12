"""Tests of drill.session."""
