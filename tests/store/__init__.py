"""Tests of drill.store."""
