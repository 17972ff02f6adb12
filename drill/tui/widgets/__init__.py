"""Widgets shared by the screens: the situation board, gauges, the footer, charts."""
