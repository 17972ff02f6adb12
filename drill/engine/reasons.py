"""Why a command or an order is refused: a code and its parameters (drill.i18n has the words)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Refusal:
    """A reason code with its parameters; its sentence is `t(f"refusal.{code}", lang, **params)`."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


class IllegalCommand(Exception):
    """A well-formed command that the rules do not allow now; the drill is unchanged."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.refusal = Refusal(code, params)

    def __str__(self) -> str:
        params = ", ".join(f"{name}={value!r}" for name, value in self.refusal.params.items())
        return f"{self.refusal.code}({params})"
