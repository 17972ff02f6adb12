"""The drill's one seeded random generator: counter-based SplitMix64, so state is two ints."""

from __future__ import annotations

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def draw(seed: int, counter: int) -> float:
    """The `counter`-th number in [0, 1) of the stream for `seed`."""
    z = (seed * 0xD1342543DE82EF95 + (counter + 1) * _GOLDEN) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    z ^= z >> 31
    return (z >> 11) / float(1 << 53)
