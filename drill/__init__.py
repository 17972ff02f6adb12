"""Drill: a tabletop emergency-drill game engine for resilient communities."""
