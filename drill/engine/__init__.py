"""The pure, deterministic drill core: state, commands → events, rules, phases, scoring."""
