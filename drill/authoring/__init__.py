"""Tools for scenario authors: new, lint, graph, balance and handouts."""
