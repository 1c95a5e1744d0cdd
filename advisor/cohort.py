"""Cohort mode: place a whole intake at enrolment from one CSV or Excel file of learners.

Three steps, each a plain function the CLI and the app share:

* :func:`read_cohort` reads the uploaded bytes (CSV in UTF-8, comma, semicolon or tab separated,
  or an .xlsx workbook) into :class:`LearnerRow` records and :class:`RowProblem` reports. It never
  raises on bad input: a file it cannot read at all comes back with ``readable`` false and one
  problem saying why; a bad cell is reported by row and column and only that row is set aside.
* :func:`assess_cohort` puts every good row through the engine: the starting-level
  recommendation, eligibility for the target on the as-at date, the target's rules of
  combination with the smallest completion plan, and the units carried over. Intakes repeat, so
  each distinct profile, target and set of units is worked out once.
* :func:`results_frame`, :func:`problems_frame` and the summaries (:func:`learners_per_level`,
  :func:`completion_by_target`, :func:`units_most_needed`) turn the result into tables; the
  ``advisor.safe_output`` writers make them into downloads a spreadsheet opens safely.

:data:`COLUMNS` is the one description of the input file: reading, the downloadable template and
its guide all come from it. Spreadsheet row numbers count the header as row 1, as a spreadsheet
shows them. A cell is data, never a formula: ``=HYPERLINK(...)`` is read as that text.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import io
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pandas as pd

from advisor.carryover import CarryOver, carry_over, units_of_qualification
from advisor.catalogue import Catalogue, UnknownReference
from advisor.combination import describe_unit, resolve_units
from advisor.eligibility import Eligibility, check_eligibility
from advisor.models import Qualification
from advisor.planner import Objective
from advisor.recommend import Aim, Employment, Finding, Profile, RoleMatch, match_role, recommend
from advisor.safe_output import to_csv_bytes, to_excel_bytes

# Upload limits. A centre's intake is hundreds of learners; these leave room for a whole
# college while keeping one upload from tying up the app.
MAX_BYTES = 5_000_000
MAX_ROWS = 20_000
MAX_REFERENCES_PER_CELL = 500  # a qualification has at most a few dozen units
MAX_COLUMNS = 100  # cells read per row
MAX_EXPANDED_BYTES = 100_000_000  # an .xlsx is a zip: refuse one that inflates past this
MIN_AGE, MAX_AGE = 13, 100
_MAX_REFERENCE_CHARS = 40  # longer than any code or unit reference
SUGGESTED_UNKNOWN_CODES = 25
"""Unknown codes in one file that get "did you mean" suggestions; later ones are named without.
At register size finding suggestions for one code can take a second or two, and a file may hold
thousands of different mistakes."""
_BLANK_RUN_LIMIT = 1_000  # consecutive empty spreadsheet rows after which reading stops

ProgressCallback = Callable[[int, int], None]  # (learners done, learners in all)


@dataclass(frozen=True)
class Column:
    """One column of the learners file: what it holds, what it accepts, an example."""

    name: str
    required: bool
    meaning: str
    accepts: str
    example: str
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("learner_ref", True,
           "Your reference for the learner (name, number or ULN). One row per learner; the "
           "results come back under this reference.",
           "any text", "L0001", ("learner reference", "learner", "reference", "ref")),
    Column("age", False,
           "The learner's age in whole years on the as-at date. Used to check the age groups a "
           "qualification is approved for; left blank, those checks are reported as unknown.",
           f"a whole number from {MIN_AGE} to {MAX_AGE}", "19"),
    Column("employment", False,
           "Whether the learner works in a job with customer contact (or has a work "
           "placement).",
           "working, not-working", "working", ("employed", "working")),
    Column("job_role", False,
           "The learner's job title in their own words; matched against the job roles the "
           "awarding bodies list by level.",
           "any text", "Call Centre Operator", ("job role", "role", "job title", "job")),
    Column("senior_role", False,
           "Whether the learner works in a senior role where they influence decisions about "
           "customer service (Level 4 requires one).",
           "yes, no", "no", ("senior",)),
    Column("aim", False,
           "What the learner wants: knowledge (a Principles qualification), competence (an "
           "NVQ, assessed at work) or an apprenticeship.",
           "knowledge, competence, apprenticeship", "knowledge"),
    Column("qualifications_held", False,
           "Customer service qualifications already completed: scheme codes (09628), regulator "
           "numbers (600/0840/4) or structure references. Their mandatory units count as held.",
           "codes separated by ; or ,", "09628",
           ("qualifications", "qualifications held", "has")),
    Column("units_held", False,
           "Units already achieved: unit reference numbers (D/502/9654), or unit numbers within "
           "the target qualification (F3).",
           "unit references separated by ; or ,", "D/502/9654", ("units", "units held")),
    Column("target", False,
           "The qualification the learner is to enrol on: scheme code (09629), regulator number "
           "or structure reference. Leave it blank for a level recommendation only.",
           "one qualification code", "09629",
           ("target qualification", "qualification", "enrolling on")),
)

RESULT_COLUMNS: tuple[str, ...] = (
    "row", "learner_ref", "status", "recommended_level", "level_reasons",
    "target", "target_title", "eligible", "eligibility_reasons",
    "credits_counted", "credits_required", "complete", "rules_not_met",
    "plan_units", "plan_credits", "plan_glh", "units_carried_over", "credits_carried_over",
    "notes", "problems",
)
PROBLEM_COLUMNS: tuple[str, ...] = ("row", "column", "severity", "message")

ASSESSED = "assessed"
NOT_ASSESSED = "not assessed"
LIST_SEPARATOR = "; "  # units and other short items
# Reasons are sentences that contain semicolons themselves, so they are kept apart with a bar.
REASON_SEPARATOR = " | "

_TEMPLATE_ROWS: tuple[dict[str, str], ...] = (
    {"learner_ref": "L0001", "age": "19", "employment": "working",
     "job_role": "Call Centre Operator", "senior_role": "no", "aim": "knowledge",
     "qualifications_held": "09628", "units_held": "", "target": "09629"},
    {"learner_ref": "L0002", "age": "34", "employment": "working",
     "job_role": "Customer Service Team Leader", "senior_role": "no", "aim": "competence",
     "qualifications_held": "", "units_held": "F3; F4", "target": "03456"},
    {"learner_ref": "L0003", "age": "17", "employment": "not-working", "job_role": "",
     "senior_role": "", "aim": "knowledge", "qualifications_held": "", "units_held": "",
     "target": ""},
)


def _key(text: str) -> str:
    """A header reduced for matching: case, spaces, underscores and punctuation ignored."""
    return re.sub(r"[^a-z0-9]", "", text.casefold())


_BY_KEY: dict[str, Column] = {
    _key(name): column for column in COLUMNS for name in (column.name, *column.aliases)
}


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------


class Severity(StrEnum):
    ERROR = "error"  # the row (or, with no row, the file) cannot be assessed
    WARNING = "warning"  # assessed, but look at this


@dataclass(frozen=True)
class RowProblem:
    """One problem in the learners file, at a spreadsheet row (header = row 1) and column."""

    row: int | None  # None: the file as a whole
    column: str  # the column's name ("" for the whole row or file)
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.column:
            where += f", {self.column}"
        if self.severity is Severity.WARNING:
            where += " (warning)"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "severity": self.severity.value,
                "message": self.message}


@dataclass(frozen=True, kw_only=True)
class LearnerRow:
    """One learner as the file gives them; references are still as written."""

    row: int
    learner_ref: str
    age: int | None = None
    employment: Employment | None = None
    job_role: str | None = None
    senior_role: bool | None = None
    aim: Aim | None = None
    qualifications_held: tuple[str, ...] = ()
    units_held: tuple[str, ...] = ()
    target: str | None = None
    readable: bool = True  # False: a cell could not be read (the problems say which)


@dataclass(frozen=True)
class CohortInput:
    """What :func:`read_cohort` made of a file: its learners and every problem found."""

    filename: str
    rows: tuple[LearnerRow, ...]
    problems: tuple[RowProblem, ...]
    readable: bool = True  # False: nothing could be read (a file-level error says why)
    columns: tuple[str, ...] = ()  # the known columns the file has, in its order


@dataclass(frozen=True, kw_only=True)
class LearnerResult:
    """One learner's answers, or why they could not be worked out."""

    row: int
    learner_ref: str
    assessed: bool
    problems: tuple[RowProblem, ...] = ()  # this row's problems, errors and warnings
    # The starting level and why: exactly what ``recommend`` gives for this learner's profile
    # without their units (see ``_Assessor.recommend``).
    recommended_level: int | None = None
    level_reasons: tuple[Finding, ...] = ()
    level_cautions: tuple[Finding, ...] = ()
    target: Qualification | None = None
    eligibility: Eligibility | None = None
    carry_over: CarryOver | None = None  # its ``remaining`` is the check against the target
    held_qualifications: tuple[Qualification, ...] = ()
    held_units: tuple[str, ...] = ()  # URNs, as listed in units_held


@dataclass(frozen=True)
class CohortResult:
    learners: tuple[LearnerResult, ...]
    problems: tuple[RowProblem, ...]  # the file's and every row's, in row order
    as_at: dt.date
    objective: Objective
    filename: str = ""
    catalogue: Catalogue | None = field(default=None, repr=False, compare=False)
    distinct_profiles: int = 0  # recommendations worked out (the rest were repeats)
    distinct_checks: int = 0  # (target, units) combinations worked out

    @property
    def assessed(self) -> int:
        return sum(1 for learner in self.learners if learner.assessed)

    @property
    def not_assessed(self) -> int:
        return len(self.learners) - self.assessed


class _Unreadable(Exception):
    """The file as a whole cannot be read; the message says why and what to do.

    Not a ValueError, so that the reader's handlers for a library's ValueError never catch it.
    """


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def read_cohort(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
) -> CohortInput:
    """Read a learners file (CSV or .xlsx) into rows and problems; never raises on bad input."""
    name = filename.rsplit("/", 1)[-1] or "the file"
    try:
        if len(data) > max_bytes:
            raise _Unreadable(
                f"{name} is larger than {_megabytes(max_bytes)}, the most read at once: split "
                "the cohort into smaller files")
        rows = _table(data, name, max_rows=max_rows)
    except _Unreadable as error:
        return CohortInput(filename, (), (RowProblem(None, "", str(error)),), readable=False)
    return _parse(filename, rows)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


def _table(data: bytes, name: str, *, max_rows: int) -> list[tuple[int, list[str]]]:
    """The rows of the file that hold something, as (spreadsheet row number, cell texts)."""
    if not data.strip():
        raise _Unreadable(f"{name} is empty: the first row should name the columns "
                          f"({', '.join(c.name for c in COLUMNS)})")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _Unreadable(f"{name} is in the old Excel 97-2003 format (.xls), which is not "
                          "read: save it as an Excel workbook (.xlsx) or as CSV UTF-8")
    if data.startswith(b"PK\x03\x04") or name.lower().endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(data, name, max_rows=max_rows)
    return list(_nonblank_rows(_csv_rows(_decode(data, name), name), name, max_rows=max_rows))


def _decode(data: bytes, name: str) -> str:
    save_as = "save it as 'CSV UTF-8 (comma delimited)' or as an Excel workbook (.xlsx)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Unreadable(f"{name} is UTF-16 text, not UTF-8: {save_as}")
    if b"\x00" in data:
        raise _Unreadable(f"{name} is not a text file (it holds NUL bytes, as binary files do): "
                          "upload a CSV file or an Excel workbook (.xlsx)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _Unreadable(
            f"{name} is not UTF-8 text: byte 0x{data[error.start]:02X} on line {line} is not "
            f"valid UTF-8 (the file was probably saved in another encoding): {save_as}"
        ) from None


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line uses most (a comma if none)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells[:MAX_COLUMNS]
    except csv.Error as error:
        raise _Unreadable(f"{name} cannot be read as CSV at row {number + 1}: {error}") from None


def _xlsx_rows(data: bytes, name: str, *, max_rows: int) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    not_workbook = (f"{name} is not a valid Excel workbook (.xlsx)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _Unreadable(f"{not_workbook}: it is not the zip archive an .xlsx file is. If it "
                          "is CSV text, name it .csv") from None
    with archive:
        expanded = sum(info.file_size for info in archive.infolist())
    if expanded > MAX_EXPANDED_BYTES:
        raise _Unreadable(f"{name} unpacks to {_megabytes(expanded)}, more than the "
                          f"{_megabytes(MAX_EXPANDED_BYTES)} read at once: split the cohort")
    broken = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError,
              OSError, SyntaxError)  # SyntaxError covers the XML parser's ParseError
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it skips (styles, validation); the cells
            # are all that is read.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                sheets = workbook.worksheets
                if not sheets:
                    raise _Unreadable(f"{name} has no worksheet")
                sheet = next((s for s in sheets if _key(s.title) == "learners"), sheets[0])
                sheet.reset_dimensions()  # do not trust the size the file claims
                cells = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
                rows = ((number, [_cell_text(v) for v in values])
                        for number, values in enumerate(cells, start=1))
                return list(_nonblank_rows(rows, name, max_rows=max_rows))
            finally:
                workbook.close()
    except broken as error:
        raise _Unreadable(f"{not_workbook}: {error}") from None


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a person typed: 19.0 -> "19", TRUE -> "yes"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _nonblank_rows(rows: Iterable[tuple[int, list[str]]], name: str, *,
                   max_rows: int) -> Iterator[tuple[int, list[str]]]:
    """The header and data rows that have something in them, up to the row limit."""
    count = 0
    blank_run = 0
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            blank_run += 1
            if blank_run >= _BLANK_RUN_LIMIT:
                return
            continue
        blank_run = 0
        count += 1
        if count > max_rows + 1:  # one header row
            raise _Unreadable(f"{name} has more than {max_rows:,} learner rows, the most read "
                              "at once: split the cohort into smaller files")
        yield number, cells


def _parse(filename: str, rows: list[tuple[int, list[str]]]) -> CohortInput:
    if not rows:
        return CohortInput(filename, (), (RowProblem(None, "", "the file has no rows"),),
                           readable=False)
    header_row, header = rows[0]
    problems: list[RowProblem] = []
    positions: dict[str, int] = {}
    for index, text in enumerate(header):
        if not text.strip():
            continue
        column = _BY_KEY.get(_key(text))
        if column is None:
            message = f"unknown column {text.strip()!r} is ignored"
            close = difflib.get_close_matches(_key(text), [_key(c.name) for c in COLUMNS], n=1)
            if close:
                message += f"; did you mean {_BY_KEY[close[0]].name!r}?"
            problems.append(RowProblem(header_row, text.strip(), message, Severity.WARNING))
        elif column.name in positions:
            problems.append(RowProblem(
                header_row, column.name,
                f"column {column.name!r} appears twice (columns {_letter(positions[column.name])}"
                f" and {_letter(index)}): keep one"))
        else:
            positions[column.name] = index
    for column in COLUMNS:
        if column.required and column.name not in positions:
            found = ", ".join(repr(t.strip()) for t in header if t.strip()) or "nothing"
            problems.append(RowProblem(
                header_row, column.name,
                f"missing required column {column.name!r}: the first row should name the "
                f"columns (the template has them all); it names {found}"))
    if any(p.severity is Severity.ERROR for p in problems):
        return CohortInput(filename, (), tuple(problems), readable=False,
                           columns=tuple(positions))
    if len(rows) == 1:
        problems.append(RowProblem(None, "", "no learners: the file has only its header row",
                                   Severity.WARNING))

    learners: list[LearnerRow] = []
    first_seen: dict[str, int] = {}
    for number, cells in rows[1:]:
        values = {name: cells[i].strip() if i < len(cells) else ""
                  for name, i in positions.items()}
        extra = [i for i in range(len(header), len(cells)) if cells[i].strip()]
        if extra:
            problems.append(RowProblem(
                number, "", f"this row has {len(cells)} cells but the header names "
                f"{len(header)} columns; the cells beyond column {_letter(len(header) - 1)} are "
                "ignored (a separator inside an unquoted cell?)", Severity.WARNING))
        learner, found = _learner(number, values)
        problems.extend(found)
        if learner.learner_ref:
            earlier = first_seen.setdefault(learner.learner_ref, number)
            if earlier != number:
                problems.append(RowProblem(
                    number, "learner_ref",
                    f"learner_ref {learner.learner_ref!r} is also on row {earlier}",
                    Severity.WARNING))
        learners.append(learner)
    return CohortInput(filename, tuple(learners), tuple(problems), columns=tuple(positions))


def _letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_EMPLOYMENT = {
    "working": Employment.WORKING, "employed": Employment.WORKING, "yes": Employment.WORKING,
    "notworking": Employment.NOT_WORKING, "unemployed": Employment.NOT_WORKING,
    "no": Employment.NOT_WORKING,
}
_AIMS = {_key(a.value): a for a in Aim}
_WHOLE = re.compile(r"[+-]?\d+(\.0*)?")


def split_references(text: str) -> list[str]:
    """Codes in one cell, separated by semicolons, commas or line breaks."""
    return [part.strip() for part in re.split(r"[;,\n]+", text) if part.strip()]


def _learner(number: int, values: dict[str, str]) -> tuple[LearnerRow, list[RowProblem]]:
    """One data row checked without the catalogue: the typed row and its problems."""
    problems: list[RowProblem] = []

    def error(column: str, message: str) -> None:
        problems.append(RowProblem(number, column, message))

    for column, text in values.items():
        if text.startswith("="):
            shown = text if len(text) <= 40 else text[:37] + "..."
            problems.append(RowProblem(
                number, column, f"{shown!r} looks like a spreadsheet formula; it is read as "
                "text, never calculated", Severity.WARNING))

    ref = values.get("learner_ref", "")
    if not ref:
        error("learner_ref", "learner_ref is empty: give each learner a reference")

    age = None
    if text := values.get("age", ""):
        if not _WHOLE.fullmatch(text):
            error("age", f"{text!r} is not a whole number of years")
        else:
            age = int(float(text))
            if not MIN_AGE <= age <= MAX_AGE:
                error("age", f"an age of {age} is not plausible: give the learner's age in whole "
                             f"years ({MIN_AGE} to {MAX_AGE})")
                age = None

    employment = None
    if text := values.get("employment", ""):
        employment = _EMPLOYMENT.get(_key(text))
        if employment is None:
            error("employment", f"{text!r} is not one of: working, not-working")

    senior = None
    if text := values.get("senior_role", ""):
        if text.casefold() in _YES:
            senior = True
        elif text.casefold() in _NO:
            senior = False
        else:
            error("senior_role", f"{text!r} is not one of: yes, no")

    aim = None
    if text := values.get("aim", ""):
        aim = _AIMS.get(_key(text))
        if aim is None:
            error("aim", f"{text!r} is not one of: knowledge, competence, apprenticeship")

    lists: dict[str, tuple[str, ...]] = {}
    for column in ("qualifications_held", "units_held"):
        references = split_references(values.get(column, ""))
        if len(references) > MAX_REFERENCES_PER_CELL:
            error(column, f"{len(references):,} references in one cell; at most "
                          f"{MAX_REFERENCES_PER_CELL} are read per learner: check the cell")
            references = []
        lists[column] = tuple(references)

    learner = LearnerRow(
        row=number, learner_ref=ref, age=age, employment=employment,
        job_role=values.get("job_role") or None, senior_role=senior, aim=aim,
        qualifications_held=lists["qualifications_held"], units_held=lists["units_held"],
        target=values.get("target") or None,
        readable=not any(p.severity is Severity.ERROR for p in problems),
    )
    return learner, problems


# ---------------------------------------------------------------------------------------------
# Assessing
# ---------------------------------------------------------------------------------------------


class _Assessor:
    """Works out each distinct question once: intakes repeat profiles, targets and units."""

    def __init__(self, catalogue: Catalogue, as_at: dt.date, objective: Objective) -> None:
        self.catalogue = catalogue
        self.as_at = as_at
        self.objective = objective
        self._qualifications: dict[str, tuple[Qualification | None, str]] = {}
        self._units: dict[tuple[str, str | None], tuple[str | None, str]] = {}
        self._mandatory: dict[str, tuple[str, ...]] = {}
        self._roles: dict[str, RoleMatch] = {}
        self.recommendations: dict[tuple[Any, ...], _Advice] = {}
        self.carries: dict[tuple[str, str | None, tuple[str, ...]], CarryOver] = {}
        self._eligibility: dict[tuple[str, int | None, bool | None], Eligibility] = {}
        self._suggested = 0

    def qualification(self, reference: str) -> tuple[Qualification | None, str]:
        """(the qualification, "") or (None, why not); a code that lost its leading zero in a
        spreadsheet is found with a warning message instead."""
        if reference not in self._qualifications:
            self._qualifications[reference] = self._find_qualification(reference)
        return self._qualifications[reference]

    def _find_qualification(self, reference: str) -> tuple[Qualification | None, str]:
        if len(reference) > _MAX_REFERENCE_CHARS:
            return None, f"{reference[:30]!r}... is too long to be a qualification code"
        try:
            return self.catalogue.find_qualification(reference), ""
        except UnknownReference as error:
            padded = reference.strip().zfill(5)
            if reference.strip().isdigit() and padded != reference.strip():
                try:
                    found = self.catalogue.find_qualification(padded)
                except UnknownReference:
                    pass
                else:
                    return found, (f"read {reference!r} as {padded}: spreadsheets drop the "
                                   "leading zeros of codes (format the column as text)")
            return None, self._unknown(error)

    def _unknown(self, error: UnknownReference) -> str:
        """The message for an unknown code: with suggestions for the first few in the file."""
        if self._suggested >= SUGGESTED_UNKNOWN_CODES:
            return (f"{error.plain()} (suggestions are given for the first "
                    f"{SUGGESTED_UNKNOWN_CODES} unknown codes in a file)")
        self._suggested += 1
        return str(error)

    def unit(self, reference: str, within: Qualification | None) -> tuple[str | None, str]:
        """(URN, "") or (None, the catalogue's message with its suggestions)."""
        key = (reference, within.id if within else None)
        if key not in self._units:
            if len(reference) > _MAX_REFERENCE_CHARS:
                self._units[key] = (None, f"{reference[:30]!r}... is too long to be a unit "
                                          "reference")
            else:
                try:
                    (urn,) = resolve_units(self.catalogue, [reference], within)
                    self._units[key] = (urn, "")
                except UnknownReference as error:
                    self._units[key] = (None, self._unknown(error))
        return self._units[key]

    def mandatory_units(self, q: Qualification) -> tuple[str, ...]:
        if q.id not in self._mandatory:
            self._mandatory[q.id] = tuple(units_of_qualification(self.catalogue, q)[0])
        return self._mandatory[q.id]

    def recommend(self, profile: Profile) -> _Advice:
        """The level, reasons and cautions ``recommend`` gives for ``profile``, worked out once
        per group of learners for whom they are the same.

        Every learner's own units are left out: they are not evidence of a level (the documents
        warn against assuming a learner moves up), and the target columns use them. Then the
        answer depends on the age only through the age groups it falls in, and on the job role
        only through the roles it matches, except that role findings quote the learner's words;
        those are put back. The options' plans are not worked out (``check_options=False``): the
        cohort does not use them. tests/test_cohort.py checks all this against ``recommend`` itself
        on the real catalogue.
        """
        match = None
        if profile.role:
            if profile.role not in self._roles:
                self._roles[profile.role] = match_role(self.catalogue, profile.role)
            match = self._roles[profile.role]
        key = (
            _age_group(profile.age), profile.employment, profile.senior_role, profile.aim,
            profile.held_qualifications, profile.responsibilities,
            None if match is None else (tuple(r.id for r in match.roles),
                                        tuple(r.id for r in match.suggestions)),
        )
        if key not in self.recommendations:
            found = recommend(self.catalogue, dataclasses.replace(profile, held_units=()),
                              as_at=self.as_at, list_options=False)
            self.recommendations[key] = _Advice(profile.role, found.recommended_level,
                                                found.reasons, found.cautions)
        advice = self.recommendations[key]
        if advice.role == profile.role or advice.role is None or profile.role is None:
            return advice
        return _Advice(profile.role, advice.level,
                       _quoting(advice.reasons, advice.role, profile.role),
                       _quoting(advice.cautions, advice.role, profile.role))

    def eligibility(self, target: Qualification, age: int | None,
                    senior_role: bool | None) -> Eligibility:
        key = (target.id, age, senior_role)
        if key not in self._eligibility:
            result = check_eligibility(self.catalogue, target, age=age, as_at=self.as_at,
                                       senior_role=senior_role)
            self._eligibility[key] = result
        return self._eligibility[key]

    def carry(self, target: Qualification, held_qualifications: Sequence[Qualification],
              units: Sequence[str]) -> CarryOver:
        """What carries over to ``target``: from the one qualification held (with its own
        notes), or from the mandatory units of several, plus the units listed."""
        source = held_qualifications[0] if len(held_qualifications) == 1 else None
        held = set(units)
        if source is None:
            for q in held_qualifications:
                held.update(self.mandatory_units(q))
        key = (target.id, source.id if source else None, tuple(sorted(held)))
        if key not in self.carries:
            self.carries[key] = carry_over(self.catalogue, target, from_qualification=source,
                                           units=key[2], objective=self.objective)
        return self.carries[key]

    def assess(self, learner: LearnerRow, problems: list[RowProblem]) -> LearnerResult:
        number = learner.row
        found: list[RowProblem] = list(problems)

        def problem(column: str, message: str, severity: Severity = Severity.ERROR) -> None:
            found.append(RowProblem(number, column, message, severity))

        target = None
        if learner.target:
            target, message = self.qualification(learner.target)
            if message:
                problem("target", message, Severity.WARNING if target else Severity.ERROR)
        held: list[Qualification] = []
        for reference in learner.qualifications_held:
            q, message = self.qualification(reference)
            if message:
                problem("qualifications_held", message,
                        Severity.WARNING if q else Severity.ERROR)
            if q is not None and q not in held:
                held.append(q)

        urns: list[str] = []
        target_unknown = learner.target is not None and target is None
        for reference in learner.units_held:
            if target_unknown and not _looks_like_urn(reference):
                continue  # a unit number means nothing until the target is known
            urn, message = self.unit(reference, target)
            if urn is None:
                problem("units_held", message)
            elif urn in urns:
                problem("units_held", f"unit {urn} is listed twice; it is counted once",
                        Severity.WARNING)
            else:
                urns.append(urn)

        if not learner.readable or any(p.severity is Severity.ERROR for p in found):
            return LearnerResult(row=number, learner_ref=learner.learner_ref, assessed=False,
                                 problems=tuple(found))
        profile = Profile(
            age=learner.age, employment=learner.employment, role=learner.job_role,
            senior_role=learner.senior_role, held_qualifications=tuple(q.id for q in held),
            held_units=tuple(urns), aim=learner.aim,
        )
        eligibility = carried = None
        if target is not None:
            eligibility = self.eligibility(target, learner.age, learner.senior_role)
            carried = self.carry(target, held, urns)
        advice = self.recommend(profile)
        return LearnerResult(
            row=number, learner_ref=learner.learner_ref, assessed=True, problems=tuple(found),
            recommended_level=advice.level, level_reasons=advice.reasons,
            level_cautions=advice.cautions, target=target, eligibility=eligibility,
            carry_over=carried, held_qualifications=tuple(held), held_units=tuple(urns),
        )


@dataclass(frozen=True)
class _Advice:
    role: str | None  # the job role as the learner's file gives it
    level: int | None
    reasons: tuple[Finding, ...]
    cautions: tuple[Finding, ...]


def _age_group(age: int | None) -> str | None:
    """Ages that fall in the same approval age groups (and so get the same answers)."""
    if age is None:
        return None
    if age < 16:
        return "pre-16"
    if age < 18:
        return "16-17"
    return "18" if age == 18 else "19+"


# The findings that quote the learner's job role, at the start of their message.
_ROLE_FINDINGS = {"role-level", "role-after-qualification", "role-not-listed"}


def _quoting(findings: tuple[Finding, ...], old: str, new: str) -> tuple[Finding, ...]:
    """``findings`` with one learner's words for their job role replaced by another's."""
    before, after = f'"{old}"', f'"{new}"'
    return tuple(
        dataclasses.replace(f, message=after + f.message[len(before):])
        if f.code in _ROLE_FINDINGS and f.message.startswith(before) else f
        for f in findings
    )


_URN = re.compile(r"[A-Z]/\d{3}/\d{4}")


def _looks_like_urn(reference: str) -> bool:
    return bool(_URN.fullmatch(reference.strip().upper()))


def assess_cohort(
    catalogue: Catalogue,
    cohort: CohortInput,
    *,
    as_at: dt.date | None = None,
    objective: Objective = Objective.CREDITS,
    progress: ProgressCallback | None = None,
) -> CohortResult:
    """Assess every learner in ``cohort``; rows with errors are kept, marked not assessed.

    ``progress(done, total)`` is called as rows are assessed (about a hundred times in all,
    and once at the end) so a caller can show a progress bar.
    """
    as_at = as_at or dt.date.today()
    assessor = _Assessor(catalogue, as_at, objective)
    by_row: dict[int | None, list[RowProblem]] = {}
    for p in cohort.problems:
        by_row.setdefault(p.row, []).append(p)
    total = len(cohort.rows)
    step = max(1, -(-total // 100))  # about a hundred reports
    if progress is not None:
        progress(0, total)
    learners = []
    for done, learner in enumerate(cohort.rows, start=1):
        learners.append(assessor.assess(learner, by_row.get(learner.row, [])))
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)
    in_rows = {learner.row for learner in cohort.rows}
    problems = [p for p in cohort.problems if p.row not in in_rows]
    problems += [p for learner in learners for p in learner.problems]
    problems.sort(key=_problem_order)
    return CohortResult(
        learners=tuple(learners), problems=tuple(problems), as_at=as_at, objective=objective,
        filename=cohort.filename, catalogue=catalogue,
        distinct_profiles=len(assessor.recommendations), distinct_checks=len(assessor.carries),
    )


_COLUMN_ORDER = {c.name: i for i, c in enumerate(COLUMNS)}


def _problem_order(p: RowProblem) -> tuple[int, int, int]:
    return (-1 if p.row is None else p.row, _COLUMN_ORDER.get(p.column, -1),
            0 if p.severity is Severity.ERROR else 1)


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


def _label(q: Qualification) -> str:
    return q.code or q.regulator_number or q.structure_reference or q.id


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "unknown"}[value]


class _Formatter:
    """Formats shared (memoised) results once, however many learners share them."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._done: dict[int, dict[str, Any]] = {}

    def _once(self, obj: object, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        key = id(obj)
        if key not in self._done:
            self._done[key] = build()
        return self._done[key]

    def eligibility(self, e: Eligibility) -> dict[str, Any]:
        return self._once(e, lambda: {
            "eligible": _yes_no(e.eligible),
            "eligibility_reasons": REASON_SEPARATOR.join(
                [e.summary, *(reason.message for reason in e.reasons)]),
        })

    def carry(self, c: CarryOver) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            check = c.remaining
            rules, _ = self.catalogue.effective_rules(check.qualification)

            def units(urns: Iterable[str]) -> str:
                return LIST_SEPARATOR.join(
                    describe_unit(self.catalogue, u, rules, with_credits=False) for u in urns)

            notes = [*check.cautions]
            for item in c.similar:
                held = describe_unit(self.catalogue, item.urn, with_credits=False)
                like = describe_unit(self.catalogue, item.target, rules, with_credits=False)
                notes.append(f"{held} is similar to {like} (same title, another unit "
                             "reference): for the centre to judge")
            # A documented bar is a reason worth reading; "not part of it" for every other unit
            # is one list.
            for item in c.not_transferable:
                if item.source:
                    notes.append(f"{item.urn}: {item.reason}")
            others = [item.urn for item in c.not_transferable if not item.source]
            if others:
                notes.append(f"Held units that are not part of {_label(c.target)}: "
                             + ", ".join(others))
            if c.possible:
                notes.append("Would also carry over if taken as an optional unit of "
                             f"{_label(c.from_qualification) if c.from_qualification else ''}: "
                             + units(c.possible))
            notes += [n.reason for n in c.notes]
            plan = check.plan if check.known else None
            return {
                "credits_counted": check.credits_counted if check.known else None,
                "credits_required": check.credits_required,
                "complete": _yes_no(check.complete if check.known else None),
                "rules_not_met": REASON_SEPARATOR.join(r.message for r in check.unmet),
                "plan_units": units(u.urn for u in plan.units) if plan else "",
                "plan_credits": plan.additional_credits if plan else None,
                "plan_glh": plan.additional_glh if plan else None,
                "units_carried_over": units(check.counted_units),
                "credits_carried_over": c.credits_transferred,
                "notes": REASON_SEPARATOR.join(notes),
            }

        return self._once(c, build)


_NUMBER_COLUMNS = {"row", "recommended_level", "credits_counted", "credits_required",
                   "plan_credits", "plan_glh", "credits_carried_over"}
_BLANK_RECORD: dict[str, Any] = {c: None if c in _NUMBER_COLUMNS else "" for c in RESULT_COLUMNS}


def results_frame(result: CohortResult) -> pd.DataFrame:
    """One row per learner, in file order, with the columns of :data:`RESULT_COLUMNS`.

    Lists of units are joined with "; " and lists of reasons (sentences that contain semicolons
    themselves) with " | ". Numbers are nullable integers: empty where not known or not assessed.
    """
    if result.catalogue is None:
        raise ValueError("the result does not carry its catalogue; use assess_cohort's result")
    formatter = _Formatter(result.catalogue)
    records = []
    for learner in result.learners:
        record: dict[str, Any] = {
            **_BLANK_RECORD, "row": learner.row, "learner_ref": learner.learner_ref,
            "status": ASSESSED if learner.assessed else NOT_ASSESSED,
            "problems": REASON_SEPARATOR.join(
                (f"{p.column}: " if p.column else "")
                + (f"{p.message} (warning)" if p.severity is Severity.WARNING else p.message)
                for p in learner.problems),
        }
        if learner.assessed:
            record["recommended_level"] = learner.recommended_level
            record["level_reasons"] = REASON_SEPARATOR.join(
                [f.message for f in learner.level_reasons]
                + [f"Caution: {f.message}" for f in learner.level_cautions])
        if learner.target is not None:
            record["target"] = _label(learner.target)
            record["target_title"] = learner.target.title
        if learner.eligibility is not None:
            record.update(formatter.eligibility(learner.eligibility))
        if learner.carry_over is not None:
            record.update(formatter.carry(learner.carry_over))
            held = {q.id for q in learner.held_qualifications}
            if learner.target is not None and learner.target.id in held:
                already = f"Already holds {_label(learner.target)}, the target."
                record["notes"] = REASON_SEPARATOR.join(
                    n for n in (already, record["notes"]) if n)
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(RESULT_COLUMNS))
    for column in RESULT_COLUMNS:
        frame[column] = frame[column].astype("Int64" if column in _NUMBER_COLUMNS else str)
    return frame


def problems_frame(source: CohortInput | CohortResult) -> pd.DataFrame:
    """Every problem, one per row: spreadsheet row (empty for the whole file), column,
    severity and message."""
    frame = pd.DataFrame.from_records([p.as_dict() for p in source.problems],
                                      columns=list(PROBLEM_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    for column in PROBLEM_COLUMNS[1:]:
        frame[column] = frame[column].astype(str)
    return frame


def learners_per_level(result: CohortResult) -> pd.DataFrame:
    """How many learners each starting level is recommended for; columns
    ``recommended_level`` ("Level 2", "no level suggested", "not assessed") and ``learners``."""
    levels: Counter[int] = Counter()
    none = not_assessed = 0
    for learner in result.learners:
        if not learner.assessed:
            not_assessed += 1
        elif learner.recommended_level is None:
            none += 1
        else:
            levels[learner.recommended_level] += 1
    rows = [(f"Level {level}", levels[level]) for level in sorted(levels)]
    rows += [(label, n) for label, n in (("no level suggested", none),
                                         ("not assessed", not_assessed)) if n]
    frame = pd.DataFrame(rows, columns=["recommended_level", "learners"])
    frame["learners"] = frame["learners"].astype("int64")
    return frame


def completion_by_target(result: CohortResult) -> pd.DataFrame:
    """For each target, how many learners already complete it and whether they can enrol.

    Columns: target, target_title, learners, complete, not_complete, rules_not_known,
    eligible, not_eligible, eligibility_unknown; the most common target first.
    """
    counts: dict[str, Counter[str]] = {}
    titles: dict[str, str] = {}
    for learner in result.learners:
        if not learner.assessed or learner.target is None or learner.carry_over is None:
            continue
        label = _label(learner.target)
        titles[label] = learner.target.title
        tally = counts.setdefault(label, Counter())
        tally["learners"] += 1
        check = learner.carry_over.remaining
        tally["rules_not_known" if not check.known else
              "complete" if check.complete else "not_complete"] += 1
        eligible = learner.eligibility.eligible if learner.eligibility else None
        tally[{True: "eligible", False: "not_eligible", None: "eligibility_unknown"}[eligible]] += 1
    columns = ["learners", "complete", "not_complete", "rules_not_known", "eligible",
               "not_eligible", "eligibility_unknown"]
    rows = [[label, titles[label], *(tally[c] for c in columns)]
            for label, tally in counts.items()]
    rows.sort(key=lambda r: (-r[2], r[0]))
    frame = pd.DataFrame(rows, columns=["target", "target_title", *columns])
    frame[columns] = frame[columns].astype("int64")
    return frame


def units_most_needed(result: CohortResult, *, limit: int | None = None) -> pd.DataFrame:
    """The units that appear most often in learners' smallest completion plans.

    A plan's mandatory units are needed by everyone without them; its optional units are the
    cheapest choice, one of several that would do. Columns: urn, title, credits, level,
    learners, targets (the targets whose plans include it).
    """
    learners: Counter[str] = Counter()
    targets: dict[str, dict[str, None]] = {}
    for learner in result.learners:
        carried = learner.carry_over
        if not learner.assessed or carried is None or learner.target is None:
            continue
        plan = carried.remaining.plan
        if plan is None or not carried.remaining.known:
            continue
        for unit in plan.units:
            learners[unit.urn] += 1
            targets.setdefault(unit.urn, {})[_label(learner.target)] = None
    units = result.catalogue.units if result.catalogue is not None else {}
    rows = []
    for urn, count in sorted(learners.items(), key=lambda item: (-item[1], item[0]))[:limit]:
        unit = units.get(urn)
        rows.append([urn, unit.title if unit else "", unit.credits if unit else None,
                     unit.level if unit else None, count, LIST_SEPARATOR.join(targets[urn])])
    frame = pd.DataFrame(rows, columns=["urn", "title", "credits", "level", "learners",
                                        "targets"])
    for column in ("credits", "level", "learners"):
        frame[column] = frame[column].astype("Int64")
    return frame


def result_sheets(result: CohortResult) -> dict[str, pd.DataFrame]:
    """Every table of a result by sheet name, for an Excel download."""
    return {
        "learners": results_frame(result),
        "problems": problems_frame(result),
        "levels": learners_per_level(result),
        "completion": completion_by_target(result),
        "units needed": units_most_needed(result),
    }


# ---------------------------------------------------------------------------------------------
# The template
# ---------------------------------------------------------------------------------------------


def template_frame() -> pd.DataFrame:
    """The learners file to fill in: every column, with three example learners."""
    return pd.DataFrame([[row[c.name] for c in COLUMNS] for row in _TEMPLATE_ROWS],
                        columns=[c.name for c in COLUMNS], dtype=str)


def guide_frame() -> pd.DataFrame:
    """One row per column of the learners file: whether it is required, what it holds, what it
    accepts and an example."""
    return pd.DataFrame(
        [[c.name, "required" if c.required else "optional", c.meaning, c.accepts, c.example]
         for c in COLUMNS],
        columns=["column", "required", "what it holds", "accepted values", "example"], dtype=str)


def template_guide_text() -> str:
    """The guide as plain text, for those who use the CSV template."""
    lines = [
        "The learners file: one row per learner, the first row naming the columns.",
        "Column names ignore case, spaces and underscores; columns can be in any order and",
        "optional ones left out. Save as CSV UTF-8 or as an Excel workbook (.xlsx).",
        f"At most {MAX_ROWS:,} learners and {_megabytes(MAX_BYTES)} per file.",
        "",
    ]
    for c in COLUMNS:
        lines.append(f"{c.name} ({'required' if c.required else 'optional'}): {c.meaning}")
        lines.append(f"    accepts: {c.accepts}; example: {c.example}")
    return "\n".join(lines) + "\n"


def template_csv_bytes() -> bytes:
    return to_csv_bytes(template_frame())


def template_excel_bytes() -> bytes:
    """The template workbook: a "learners" sheet to fill in and a "guide" sheet explaining
    each column. Columns are formatted as text so that codes keep their leading zeros."""
    return to_excel_bytes({"learners": template_frame(), "guide": guide_frame()},
                          text_columns=True)
