"""The regulator's register in plain text, for the command line: what an import stored, which
register is loaded, a search's entries and one entry's profile. What the register does not record
(units, rules of combination) is said, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from advisor.engine.wording import listed, uk_date
from advisor.register import ImportRecord, ImportResult, Register, RegisterEntry
from advisor.views.labels import register_hours, register_level

__all__ = ["register_entry_text", "register_import_text", "register_search_text",
           "register_status_text"]


def _when(day: dt.date | None) -> str:
    return uk_date(day) if day is not None else "not given"


def _import_line(record: ImportRecord) -> str:
    noun = "qualification" if record.rows == 1 else "qualifications"
    return (f"{record.rows:,} {noun} from {record.file_name} ({record.file_size:,} "
            f"bytes, SHA-256 {record.sha256[:12]}...), imported "
            f"{record.imported_at:%Y-%m-%d %H:%M} UTC")


def register_import_text(result: ImportResult, database: Path | str) -> str:
    """What an import stored and where; the problems are printed on their own (stderr)."""
    record = result.record
    lines = [f"Imported {_import_line(record)}, into {database}."]
    if result.problems:
        noun = "problem" if len(result.problems) == 1 else "problems"
        effects = list(dict.fromkeys(problem.effect for problem in result.problems))
        lines.append(f"{len(result.problems)} {noun} found: {listed(effects, 'and')}.")
    return "\n".join(lines)


def register_status_text(register: Register | None, database: Path | str) -> str:
    """Which register is loaded, from which file and when; or that there is none."""
    if register is None:
        return (f"No register is loaded: {database} does not exist. Answers come from the "
                "catalogue alone. Import Ofqual's full data set with: "
                "advisor register import FILE")
    lines = [f"Register: {database}", f"Loaded: {_import_line(register.record)}."]
    if register.record.problems:
        lines.append(f"Problems found when it was imported: {register.record.problems:,}.")
    earlier = register.history()[1:]
    if earlier:
        lines.append("Earlier imports:")
        lines += [f"  {_import_line(record)}" for record in earlier]
    return "\n".join(lines)


def register_search_text(entries: Sequence[RegisterEntry], *, text: str,
                         open_on: dt.date | None) -> str:
    """One line per qualification found: number, level, title, awarding organisation and
    whether it is open on ``open_on`` (or its dates)."""
    if not entries:
        return f"No qualification in the register matches {text!r}."
    lines = []
    for entry in entries:
        line = (f"{entry.number}  {register_level(entry)}  {entry.title or 'untitled'}"
                f"  ({entry.org_acronym or entry.org_name or 'organisation not given'})")
        if open_on is None:
            line += (f"; starts {_when(entry.operational_start)}, last entry "
                     f"{_when(entry.operational_end)}")
        lines.append(line)
    if open_on is not None:
        lines.insert(0, f"Open to new learners on {uk_date(open_on)} (as the register records):")
    return "\n".join(lines)


def register_entry_text(entry: RegisterEntry, record: ImportRecord) -> str:
    """A register entry's profile, with the import it comes from."""
    hours = register_hours(entry)
    facts = [
        ("Awarding organisation", entry.org_name
         and (f"{entry.org_name} ({entry.org_acronym})" if entry.org_acronym
              else entry.org_name)),
        ("Level", register_level(entry)),
        ("Type", entry.qualification_type),
        ("Status", entry.status),
        ("Total credits", entry.total_credits),
        ("Guided learning hours", hours),
        ("Total qualification time", entry.tqt),
        ("Operational start", _when(entry.operational_start)),
        ("Last entry (operational end)", _when(entry.operational_end)),
        ("Certification end", _when(entry.certification_end)),
        ("Specification", entry.specification_url),
    ]
    lines = [entry.name]
    lines += [f"  {label}: {'not given' if value is None else value}" for label, value in facts]
    lines.append("  Units and rules of combination: not in the register.")
    lines.append(f"  (source: {record.source_label})")
    return "\n".join(lines)
