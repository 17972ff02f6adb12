"""A stored drill written out whole: JSON (header, commands, events) or CSV (one row per event)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Literal

from drill.store.codec import encode
from drill.store.database import Store, config_json

ExportFormat = Literal["json", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "csv")
CSV_COLUMNS = ("seq", "at", "seat", "command", "index", "event", "data")


def drill_json(store: Store, drill_id: int) -> dict[str, object]:
    """The drill's header, hot wash, plan, and every command with its events, as plain data."""
    row = store.drill(drill_id)
    header = asdict(row)
    header["config"] = {**asdict(row.config), "seats": json.loads(config_json(row.config))}
    return {
        "drill": header,
        "hotwash": asdict(store.hotwash(drill_id)),
        "plan": [asdict(item) for item in store.plan(drill_id)],
        "commands": [
            {
                "seq": entry.seq,
                "at": entry.at,
                "command": encode(entry.command),
                "events": [encode(event) for event in entry.events],
            }
            for entry in store.entries(drill_id)
        ],
    }


def export_json(store: Store, drill_id: int) -> str:
    """The whole drill as one JSON document."""
    return json.dumps(drill_json(store, drill_id), ensure_ascii=False, indent=1) + "\n"


def export_csv(store: Store, drill_id: int) -> str:
    """One row per event (a command without events gets one row), fields as JSON."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in store.entries(drill_id):
        command = encode(entry.command)
        name = command.pop("type")
        head = [entry.seq, f"{entry.at:.3f}", entry.command.seat, name]
        if not entry.events:
            writer.writerow([*head, "", "", json.dumps(command, ensure_ascii=False)])
        for index, event in enumerate(entry.events):
            body = encode(event)
            kind = body.pop("type")
            writer.writerow([*head, index, kind, json.dumps(body, ensure_ascii=False)])
    return out.getvalue()


def export(store: Store, drill_id: int, fmt: ExportFormat) -> str:
    """The drill exported in `fmt`."""
    return export_json(store, drill_id) if fmt == "json" else export_csv(store, drill_id)
