"""Scenario and ruleset files: typed models, safe loading with positions, schema."""
