"""The Textual app of Drill: lobby, briefings, turns, the facilitator's console and reports."""
