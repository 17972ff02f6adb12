"""Tests of drill.authoring."""
