"""Problems found in the catalogue, collected and reported together."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from advisor.catalogue.yaml_source import KeyPath, LocatedDocument, format_path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one catalogue file."""

    file: str
    line: int | None
    path: KeyPath
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} {format_path(self.path)}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "path": format_path(self.path),
            "message": self.message,
        }


class CatalogueError(ValueError):
    """The catalogue has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"the catalogue has {count} {noun}:\n{lines}")


def _describe_input(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems_from_validation(
    error: ValidationError,
    *,
    file: str,
    doc: LocatedDocument,
    known_keys: Iterable[str],
) -> list[Problem]:
    """Turn pydantic's errors into problems that name the file, line and key path."""
    known = sorted(set(known_keys))
    problems = []
    details = error.errors(include_url=False)
    # Pydantic counts only the items that passed towards a list's least length, so one bad item
    # in a list of one also reads "should have at least 1 item": said once, by the item.
    within = {tuple(d["loc"][:n]) for d in details for n in range(len(d["loc"]))}
    for detail in details:
        path: KeyPath = tuple(p for p in detail["loc"] if isinstance(p, str | int))
        kind = detail["type"]
        if kind == "too_short" and tuple(detail["loc"]) in within:
            continue
        key = path[-1] if path else ""
        if kind == "extra_forbidden":
            message = f"unknown key {key!r}"
            close = difflib.get_close_matches(str(key), known, n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        elif kind == "missing" and key == "source":
            message = "missing source: cite the document and section this comes from"
        elif kind == "missing":
            message = f"missing required key {key!r}"
        else:
            message = detail["msg"]
            if message.startswith("Value error, "):
                message = message[len("Value error, ") :]
            elif "input" in detail and kind not in {"value_error", "assertion_error"}:
                got = _describe_input(detail["input"])
                message = f"{message[0].lower()}{message[1:]} (got {got})"
        problems.append(Problem(file, doc.line_of(path), path, message))
    return problems
