"""The register's answers as plain JSON-ready dictionaries: the CLI's ``advisor register``
commands with ``--json`` (an import, its status, a search, one entry)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisor.register import ImportResult, Register, RegisterEntry

__all__ = ["register_entry_dict", "register_import_dict", "register_search_dict",
           "register_status_dict"]


def register_entry_dict(entry: RegisterEntry, register: Register) -> dict[str, Any]:
    """A register entry: every field the register gives (dates as ISO, levels as numbers, 0
    for Entry Level), and ``source`` naming the import."""
    return {**entry.as_dict(), "origin": "register", "source": register.source_label}


def register_import_dict(result: ImportResult, database: Path | str) -> dict[str, Any]:
    return {"register": str(database), "import": result.record.as_dict(),
            "problems": [problem.as_dict() for problem in result.problems]}


def register_status_dict(register: Register | None, database: Path | str) -> dict[str, Any]:
    return {"register": str(database), "loaded": register is not None,
            "import": register.record.as_dict() if register is not None else None,
            "history": [r.as_dict() for r in register.history()] if register else []}


def register_search_dict(register: Register, entries: Sequence[RegisterEntry], *, text: str,
                         level: int | None, open_on: dt.date | None) -> dict[str, Any]:
    return {"query": {"text": text, "level": level,
                      "open_on": open_on.isoformat() if open_on else None},
            "source": register.source_label,
            "qualifications": [register_entry_dict(entry, register) for entry in entries]}
