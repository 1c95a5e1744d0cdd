"""Reading the regulator's full data set: its columns, and each cell into a typed value.

Ofqual's Register of Regulated Qualifications offers its whole list of qualifications as one
CSV file. This module reads it liberally (dates as ISO or UK day/month/year, with or without a
time; levels as "Level 2", "2" or "Entry Level"; booleans as True/False, Yes/No, 1/0) into
:class:`RegisterRow` records, and names every cell it cannot read by row and column. It is a
plain reader: the database is :mod:`advisor.register._store`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

NUMBER = "Qualification Number"
TITLE = "Qualification Title"
ORG_NAME = "Owner Organisation Name"
LEVEL = "Qualification Level"
OPERATIONAL_START = "Operational Start Date"

REQUIRED_COLUMNS = (NUMBER, TITLE, ORG_NAME, LEVEL, OPERATIONAL_START)


@dataclass(frozen=True)
class RegisterProblem:
    """A cell that could not be read, at a spreadsheet row (header = row 1) and column; or,
    with ``row`` None, the file as a whole. ``effect`` says what the import did about it."""

    row: int | None
    column: str
    message: str
    effect: str = "a cell that could not be read was left empty"

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


class CellError(ValueError):
    """A cell's text that is not a value of its column's kind."""


# ------------------------------------------------------------------------------ cell readers


def read_text(value: str) -> str | None:
    value = value.strip()
    return value or None


_UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def read_date(value: str) -> dt.date | None:
    """ISO (``2016-12-31``) or UK day/month/year (``31/12/2016``), with or without a time
    after a space or a ``T``."""
    value = value.strip()
    if not value:
        return None
    # The two spellings the register uses, read by position: most of an import's cells.
    if len(value) == 10 or (len(value) > 10 and value[10] in " T"):
        try:
            if value[4] == "-" and value[7] == "-":
                return dt.date.fromisoformat(value[:10])
            if value[2] == "/" and value[5] == "/":
                return dt.date(int(value[6:10]), int(value[3:5]), int(value[:2]))
        except ValueError:
            pass  # read again below, to say what is wrong
    day_part = re.split(r"[ T]", value, maxsplit=1)[0]
    try:
        if (iso := _ISO_DATE.match(day_part)) is not None:
            year, month, day = (int(part) for part in iso.groups())
            return dt.date(year, month, day)
        if (uk := _UK_DATE.match(day_part)) is not None:
            day, month, year = (int(part) for part in uk.groups())
            return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"{value!r} is not a date on the calendar") from None
    raise CellError(f"{value!r} is not a date; give YYYY-MM-DD or DD/MM/YYYY")


def _stored_date(value: str) -> str | None:
    """A date as the database keeps it: ISO text, which sorts and compares as dates do."""
    day = read_date(value)
    return day.isoformat() if day is not None else None


MAX_DIGITS = 9  # a count of credits or hours; SQLite's integers hold 18 digits


def read_whole_number(value: str) -> int | None:
    """A count (credits, hours): ``13``, ``13.0`` or ``1,200``; never negative."""
    value = value.strip().replace(",", "")
    if not value:
        return None
    whole = re.fullmatch(r"\+?([0-9]+)(?:\.0*)?", value)
    if whole is None:  # words, "nan", "inf", "1e3", fractions, negatives, other scripts' digits
        raise CellError(f"{value[:30]!r} is not a whole number of 0 or more")
    if len(whole[1].lstrip("0")) > MAX_DIGITS:  # more than any count the register holds
        raise CellError(f"{value[:30]!r} is too large for a count of credits or hours")
    return int(whole[1])


_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}


def read_yes_no(value: str) -> bool | None:
    value = value.strip().lower()
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError(f"{value!r} is not yes or no (True/False, Yes/No, 1/0)")


ENTRY = 0  # the level number stored for Entry Level

_LEVEL = re.compile(r"^(?:level\s*)?(\d+)$")
_NOT_A_LEVEL = {"not applicable", "n/a", "na", "none", "unknown"}


def read_level(value: str) -> tuple[int | None, str | None]:
    """The level as a number (0 for Entry Level, 1 to 8) and as the file writes it.

    "Level 1/Level 2" (a qualification that spans two levels) is stored at the higher level;
    "Not Applicable" has no level."""
    label = value.strip()
    if not label:
        return None, None
    lowered = label.lower()
    if lowered.startswith("entry"):
        return ENTRY, label
    if lowered in _NOT_A_LEVEL:
        return None, label
    parts = [part.strip() for part in lowered.split("/")]
    numbers = []
    for part in parts:
        match = _LEVEL.match(part)
        if match is None:
            raise CellError(f"{label!r} is not a level; give Entry Level or Level 1 to Level 8")
        numbers.append(int(match.group(1)))
    if any(not 1 <= number <= 8 for number in numbers):
        raise CellError(f"{label!r} is not a level; give Entry Level or Level 1 to Level 8")
    return max(numbers), label


def normalise_number(value: str) -> str:
    """A qualification number as it is matched: without slashes, spaces or case
    (``600/0840/4`` and ``60008404`` are the same)."""
    return re.sub(r"[\s/]", "", value).upper()


def display_number(key: str, written: str) -> str:
    """The number as people write it (``600/0840/4``), whatever the file's spelling."""
    if re.fullmatch(r"\d{7}[0-9X]", key):
        return f"{key[:3]}/{key[3:7]}/{key[7]}"
    return written.strip()


# ------------------------------------------------------------------------------------ the row

# The stored columns, in table order: (database column, CSV column, reader). The number,
# level and title are handled on their own.
Reader = Callable[[str], Any]
FIELDS: tuple[tuple[str, str, Reader], ...] = (
    ("title", TITLE, read_text),
    ("org_recognition_number", "Owner Organisation Recognition Number", read_text),
    ("org_name", ORG_NAME, read_text),
    ("org_acronym", "Owner Organisation Acronym", read_text),
    ("sub_level", "Qualification Sub Level", read_text),
    ("eqf_level", "EQF Level", read_text),
    ("qualification_type", "Qualification Type", read_text),
    ("total_credits", "Total Credits", read_whole_number),
    ("ssa", "Qualification SSA", read_text),
    ("status", "Qualification Status", read_text),
    ("regulation_start", "Regulation Start Date", _stored_date),
    ("operational_start", OPERATIONAL_START, _stored_date),
    ("operational_end", "Operational End Date", _stored_date),
    ("certification_end", "Certification End Date", _stored_date),
    ("min_glh", "Minimum Guided Learning Hours", read_whole_number),
    ("max_glh", "Maximum Guided Learning Hours", read_whole_number),
    ("tqt", "Total Qualification Time", read_whole_number),
    ("glh", "Guided Learning Hours", read_whole_number),
    ("offered_in_england", "Offered In England", read_yes_no),
    ("offered_in_northern_ireland", "Offered In Northern Ireland", read_yes_no),
    ("grading_type", "Overall Grading Type", read_text),
    ("assessment_methods", "Assessment Methods", read_text),
    ("ni_discount_code", "NI Discount Code", read_text),
    ("gce_size", "GCE Size Equivalence", read_text),
    ("gcse_size", "GCSE Size Equivalence", read_text),
    ("entitlement_framework", "Entitlement Framework Designation", read_text),
    ("grading_scale", "Grading Scale", read_text),
    ("specialism", "Specialism", read_text),
    ("pathways", "Pathways", read_text),
    ("approved_for_del", "Approved For DEL Funded Programme", read_yes_no),
    ("specification_url", "Link To Specification", read_text),
    ("offered_internationally", "Currently and / or will consider offering internationally",
     read_text),
)

# Every column the database holds, in order: the key, the number as written, the level and
# its label, then FIELDS, then the row it came from.
DB_COLUMNS = ("number_key", "number", "level", "level_label",
              *(name for name, _, _ in FIELDS), "source_row")


def missing_columns(header: Sequence[str]) -> list[str]:
    present = {name.strip().lower() for name in header}
    return [name for name in REQUIRED_COLUMNS if name.lower() not in present]


def column_positions(header: Sequence[str]) -> dict[str, int]:
    """``{CSV column name: position}`` for the known columns, matched without case or outer
    spaces (the first of two same-named columns wins)."""
    known = {csv_name.lower(): csv_name for _, csv_name, _ in FIELDS}
    known |= {NUMBER.lower(): NUMBER, LEVEL.lower(): LEVEL}
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        canonical = known.get(name.strip().lower())
        if canonical is not None:
            positions.setdefault(canonical, index)
    return positions


def typed_rows(records: Iterator[list[str]], positions: Mapping[str, int],
               problems: list[RegisterProblem]) -> Iterator[tuple[Any, ...]]:
    """One tuple of DB_COLUMNS per record that has a number, in file order; a cell that
    cannot be read is left empty and reported in ``problems``; a record without a number is
    left out and reported."""
    plan = [(positions.get(csv_name), csv_name, None if reader is read_text else reader)
            for _, csv_name, reader in FIELDS]
    number_at, level_at, title_at = positions[NUMBER], positions[LEVEL], positions[TITLE]
    for row_number, record in enumerate(records, start=2):
        written = _cell(record, number_at)
        if not written:
            if any(cell.strip() for cell in record):  # not a blank line at the end
                problems.append(RegisterProblem(row_number, NUMBER,
                                                "empty; the row is left out",
                                                "a row without a number was left out"))
            continue
        key = normalise_number(written)
        try:
            level, level_label = read_level(_cell(record, level_at))
        except CellError as error:
            problems.append(RegisterProblem(row_number, LEVEL, str(error)))
            level, level_label = None, None  # left empty, as every cell that cannot be read
        values: list[Any] = [key, display_number(key, written), level, level_label]
        for at, csv_name, reader in plan:
            cell = _cell(record, at)
            if reader is None or not cell:
                values.append(cell or None)
                continue
            try:
                values.append(reader(cell))
            except CellError as error:
                problems.append(RegisterProblem(row_number, csv_name, str(error)))
                values.append(None)
        if not _cell(record, title_at):
            problems.append(RegisterProblem(row_number, TITLE, "empty",
                                            "a row without a title was kept without one"))
        values.append(row_number)
        yield tuple(values)


def _cell(record: Sequence[str], at: int | None) -> str:
    """The cell at ``at``, stripped; empty for a column the file does not have (``None``) or a
    record too short to reach it."""
    return record[at].strip() if at is not None and at < len(record) else ""
