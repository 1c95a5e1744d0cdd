"""The learners file of cohort mode: reading it, and the template to fill in.

:func:`read_cohort` reads the uploaded bytes (CSV in UTF-8, comma, semicolon or tab separated,
or an .xlsx workbook) into :class:`~advisor.engine.cohort.LearnerRow` records and
:class:`~advisor.engine.cohort.RowProblem` reports. It never raises on bad input: a file it
cannot read at all (a CSV file with a quote left open among them) comes back with ``readable``
false and one problem saying why; a bad cell is reported by row and column: an answer that
cannot be read is left empty and the row assessed, and a row that cannot be assessed (no
reference, an unreadable "registered") is set aside.

:data:`COLUMNS` is the one description of the input file: reading, the downloadable template and
its guide all come from it. Spreadsheet row numbers count the header as row 1, as a spreadsheet
shows them. A cell is data, never a formula worked out: in an .xlsx a formula cell is read as
the value the spreadsheet saved with it, and said so; ``=HYPERLINK(...)`` typed in a CSV file,
or a formula saved without its value, is read as that text. Reading the file's rows, within
their limits, is :mod:`advisor.formats.sheet_rows`'s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd

from advisor.engine import answers
from advisor.engine.cohort import CohortInput, LearnerRow, RowProblem, Severity
from advisor.engine.decisions import HOURS_A_WEEK_ACCEPTED, parse_hours_a_week
from advisor.engine.unit_references import tidy_unit_list
from advisor.engine.wording import uk_date
from advisor.formats.dates import DATE_EXAMPLES, parse_date, read_date, spreadsheet_day
from advisor.formats.sheet_layout import Layout, apply_layout, hidden_sheet_said
from advisor.formats.sheet_rows import (
    Sheet,
    Unreadable,
    csv_rows,
    decode,
    megabytes,
    name_key,
    nonblank_rows,
    shown,
    windows_text,
    xlsx_rows,
)
from advisor.formats.spreadsheet import to_csv_bytes, to_excel_bytes

T = TypeVar("T")

# Upload limits. A centre's intake is hundreds of learners; these leave room for a whole
# college while keeping one upload from tying up the app.
MAX_BYTES = 5_000_000
MAX_ROWS = 20_000
MAX_REFERENCES_PER_CELL = 500  # a qualification has at most a few dozen units



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
           "any text", "L0001", ("learner reference", "learner", "reference", "ref", "uln",
                                 "unique learner number", "learner number", "learner id",
                                 "student id", "student number")),
    Column("age", False,
           "The learner's age in whole years on the as-at date. Used to check the age groups a "
           "qualification is approved for; left blank, those checks are reported as unknown.",
           answers.AGE_ACCEPTED, "19"),
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
    Column("units_accepted", False,
           "Units of the target the centre accepts through recognition of prior learning (for "
           "example, the learner holds a similar unit under another unit reference number). "
           "They count, and the results list them apart. Needs a target.",
           "unit references separated by ; or ,", "C6", ("accepted", "units accepted")),
    Column("units_in_progress", False,
           "Units of the target the learner is studying now: the results say whether the "
           "target is complete once they are achieved, and plan only what is missing beyond "
           "them. Needs a target.",
           "unit references separated by ; or ,", "D1", ("in progress", "units in progress")),
    Column("glh_per_week", False,
           "Guided learning hours the learner can study a week: with a target, the results "
           "say whether the plan fits before its certification end date, starting on the "
           "start date (or, where none is given, the as-at date).",
           HOURS_A_WEEK_ACCEPTED, "5",
           ("glh a week", "hours per week", "hours a week")),
    Column("registered", False,
           "Whether the learner is already registered with the awarding body for the target: "
           "a registered learner can finish until certification closes, one not yet "
           "registered must also start before the last entry date. Blank: not registered.",
           "yes, no", "no", ("already registered",)),
    Column("start", False,
           "When the learner starts studying, on or after the as-at date (an intake in "
           "January, say): the finish date is worked out from it. Blank: the as-at date.",
           "a date: 2027-01-04 or 04/01/2027", "2027-01-04",
           ("start date", "starts", "starting", "start of study")),
    Column("date_of_birth", False,
           "The learner's date of birth: where age is blank, their age on the as-at date is "
           "worked out from it (where both are given, age is used, and a difference said).",
           "a date: 2007-03-14 or 14/03/2007", "2007-03-14",
           ("dob", "date of birth", "birth date", "birthdate", "birthday")),
)

_TEMPLATE_ROWS: tuple[dict[str, str], ...] = (
    {"learner_ref": "L0001", "age": "19", "employment": "working",
     "job_role": "Call Centre Operator", "senior_role": "no", "aim": "knowledge",
     "qualifications_held": "09628", "units_held": "", "target": "09629",
     "units_accepted": "", "units_in_progress": "", "glh_per_week": "",
     "registered": "", "start": "", "date_of_birth": ""},
    {"learner_ref": "L0002", "age": "34", "employment": "working",
     "job_role": "Customer Service Team Leader", "senior_role": "no", "aim": "competence",
     "qualifications_held": "", "units_held": "F3; F4", "target": "03456",
     "units_accepted": "C6", "units_in_progress": "D1", "glh_per_week": "5",
     "registered": "yes", "start": "", "date_of_birth": ""},
    {"learner_ref": "L0003", "age": "17", "employment": "not-working", "job_role": "",
     "senior_role": "", "aim": "knowledge", "qualifications_held": "", "units_held": "",
     "target": "601/4404/X", "units_accepted": "", "units_in_progress": "",
     "glh_per_week": "", "registered": "", "start": "", "date_of_birth": ""},
)




_BY_KEY: dict[str, Column] = {
    name_key(name): column for column in COLUMNS for name in (column.name, *column.aliases)
}
# The names learner_ref is read under ("ULN", "Learner Ref"): a header or a sheet of learners
_REFERENCE_NAMES = tuple(key for key, column in _BY_KEY.items() if column.name == "learner_ref")


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
            raise Unreadable(
                f"{name} is larger than {megabytes(max_bytes)}, the most read at once: split "
                "the cohort into smaller files")
        table = _table(data, name, max_rows=max_rows)
    except Unreadable as error:
        return CohortInput(filename, (), (RowProblem(error.row, error.column, str(error)),),
                           readable=False)
    is_excel = data.startswith(b"PK\x03\x04") or name.lower().endswith((".xlsx", ".xlsm"))
    # Which sheet was read, where a workbook has several: said where its columns are wrong.
    sheet = (f" of sheet {table.sheet!r} (the workbook's sheets are "
             f"{', '.join(repr(t) for t in table.sheets)}: the learners are read from the one "
             "named 'learners', else the first with a learner_ref column)"
             if len(table.sheets) > 1 else "")
    parsed = _parse(filename, table.rows, table.formulas, is_excel=is_excel, sheet=sheet,
                    layout=table.layout)
    if said := hidden_sheet_said(table.layout):
        parsed = dataclasses.replace(parsed, problems=(*said, *parsed.problems))
    if table.also_with_header:  # Group A and Group B on two sheets: one is read
        unread = ", ".join(repr(t) for t in table.also_with_header)
        parsed = dataclasses.replace(parsed, problems=(RowProblem(
            None, "", f"only sheet {table.sheet!r} was read; {unread} also name"
            f"{'s' if len(table.also_with_header) == 1 else ''} learner_ref: check its "
            "learners in a file of their own, or copy them into one sheet", Severity.WARNING),
            *parsed.problems))
    if not data.startswith(b"PK\x03\x04") and windows_text(data):  # said, as it is a guess
        note = RowProblem(None, "", f"{name} was read as Windows text (the encoding Excel "
                          "saves 'CSV (Comma delimited)' in), not UTF-8: check that accented "
                          "letters in the results read as in the file, or save it as 'CSV "
                          "UTF-8 (comma delimited)'", Severity.WARNING)
        return dataclasses.replace(parsed, problems=(note, *parsed.problems))
    return parsed



def _table(data: bytes, name: str, *, max_rows: int) -> Sheet:
    """The rows of the file that hold something, as (spreadsheet row number, cell texts)."""
    if not data.strip():
        raise Unreadable(f"{name} is empty: the first row should name the columns "
                          f"({', '.join(c.name for c in COLUMNS)})")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable(f"{name} is in the old Excel 97-2003 format (.xls), which is not "
                          "read: save it as an Excel workbook (.xlsx) or as CSV UTF-8")
    if data.startswith(b"PK\x03\x04") or name.lower().endswith((".xlsx", ".xlsm")):
        return xlsx_rows(data, name, max_rows=max_rows, sheet="learners",
                         header_has=_REFERENCE_NAMES)
    return Sheet(list(nonblank_rows(csv_rows(decode(data, name), name, _column_named), name,
                                    max_rows=max_rows)))


def _close_column(header: str) -> list[str]:
    """The key of the column ``header`` is probably a slip for: a close other name too
    ("Qualificaton" is read as target, not qualifications_held), but only a very close one, so
    that a short header ("DOB") is not taken for a short other name ("job")."""
    key = name_key(header)
    # (0.7: "Target qual" is target's; "Dear centre", at 0.6, is no learner_ref)
    return (difflib.get_close_matches(key, list(_BY_KEY), n=1, cutoff=0.8)
            or difflib.get_close_matches(key, [name_key(c.name) for c in COLUMNS], n=1,
                                         cutoff=0.7))


def _column_named(index: int, header: str) -> str:
    """A column as a message names it: the template's name for its header, else its header,
    else its letter."""
    known = _BY_KEY.get(name_key(header))
    return known.name if known else header.strip() or _letter(index)


def _parse(filename: str, rows: list[tuple[int, list[str]]],
           formulas: Mapping[tuple[int, int], str], *, is_excel: bool, sheet: str = "",
           layout: Layout | None = None) -> CohortInput:
    if not rows:
        return CohortInput(filename, (), (RowProblem(None, "", "the file has no rows"),),
                           readable=False)
    problems: list[RowProblem] = []
    # A title or a note above the header ("September intake 2026"): the header is the first
    # row, among the first few, that names learner_ref.
    at = next((n for n, (_, cells) in enumerate(rows[:_HEADER_SEARCHED])
               if any(name_key(c) in _REFERENCE_NAMES for c in cells)), 0)
    if at:
        problems.append(RowProblem(
            rows[at][0], "", f"the header is read from row {rows[at][0]}, the first to name "
            f"learner_ref; the row{'s' if at > 1 else ''} above it "
            f"({', '.join(str(n) for n, _ in rows[:at])}) {'are' if at > 1 else 'is'} passed "
            "over", Severity.WARNING))
        rows = rows[at:]
    header_row, header = rows[0]
    # Of several columns that name a learner (learner_ref and a ULN), the one named
    # learner_ref is read, else the first; the others are the centre's own columns.
    references = [i for i, text in enumerate(header) if name_key(text) in _REFERENCE_NAMES]
    reference = next((i for i in references if name_key(header[i]) == "learnerref"),
                     references[0] if references else None)
    positions: dict[str, int] = {}
    own: dict[str, int] = {}  # the centre's own columns, kept for the results
    for index, text in enumerate(header):
        if not text.strip() or _GIVEN_BY_A_PROGRAM.fullmatch(text.strip()):
            # A column with no name (or only one a program gave it: pandas' "Unnamed: 7")
            # but something in it comes back too, by its letter.
            if any(index < len(cells) and cells[index].strip() for _, cells in rows[1:]):
                own[f"column {_letter(index)}"] = index
                given = (f" (only {text.strip()!r}, a name a program gave it)"
                         if text.strip() else "")
                problems.append(RowProblem(
                    header_row, f"column {_letter(index)}", f"column {_letter(index)} has no "
                    f"name in the first row{given}, so the advisor does not read it{_KEPT}",
                    Severity.WARNING))
            continue
        column = _BY_KEY.get(name_key(text))
        if (column is not None and column.name == "learner_ref" and reference is not None
                and index != reference):
            own[text.strip()] = index  # a reference changes no answer: nothing to choose
            problems.append(RowProblem(
                header_row, text.strip(), f"column {text.strip()!r} is not read, as "
                f"{header[reference].strip()!r} (column {_letter(reference)}) gives the "
                f"learner reference{_KEPT}", Severity.WARNING))
        elif column is None:
            # Two columns of one name ("Tutor" twice) both come back, the second by its letter
            own[text.strip() if text.strip() not in own
                else f"{text.strip()} ({_letter(index)})"] = index
            message = f"column {text.strip()!r} is not one the advisor reads{_KEPT}"
            close = _close_column(text)
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
            if name_key(column.name) not in name_key(text):  # another name ("qualification"): said
                what = re.split(r"[:.]", column.meaning, maxsplit=1)[0]
                problems.append(RowProblem(
                    header_row, column.name, f"column {text.strip()!r} is read as "
                    f"{column.name!r}: {what[:1].lower()}{what[1:]}", Severity.WARNING))
    for column in COLUMNS:
        if column.required and column.name not in positions:
            found = ", ".join(repr(t.strip()) for t in header if t.strip()) or "nothing"
            problems.append(RowProblem(
                header_row, column.name,
                f"missing required column {column.name!r}: the first row{sheet} should name "
                f"the columns (the template has them all); it names {found}"))
    if any(p.severity is Severity.ERROR for p in problems):
        # What stops the file first; a column it would ignore is only a warning beside that
        # (and none is "kept": nothing is read).
        return CohortInput(filename, (), tuple(sorted(
            (dataclasses.replace(p, message=p.message.replace(_KEPT, ""))
             for p in problems), key=lambda p: p.severity is not Severity.ERROR)),
            readable=False, columns=tuple(positions))
    if layout is not None:  # a workbook's merged cells and hidden rows: read as they show
        shown_rows, said = apply_layout(
            layout, rows[1:], header_row=header_row, positions=positions, letter=_letter,
            column_named=lambda i: _column_named(i, header[i] if i < len(header) else ""))
        rows, problems = [rows[0], *shown_rows], [*problems, *said]
    if len(rows) == 1:
        problems.append(RowProblem(
            None, "", "no learners: the file has only its header row (the column names); add "
            "one row per learner below it, as in the template", Severity.WARNING))

    learners: list[LearnerRow] = []
    first_seen: dict[str, LearnerRow] = {}
    for number, cells in rows[1:]:
        extra = [i for i in range(len(header), len(cells)) if cells[i].strip()]
        split = _split_at(header, cells) if len(cells) > len(header) and not is_excel else None
        shifted = False  # the row's cells have moved: none is where its header says
        moved = not is_excel and len(cells) > len(header) and (bool(extra) or split is not None)
        if moved and split is not None and split > max(positions.values(), default=-1):
            # Split after every column read: the answers are as written, and the centre's own
            # column comes back whole.
            joined = len(cells) - len(header) + 1
            cells = [*cells[:split], ",".join(cells[split:split + joined]),
                     *cells[split + joined:]]
            problems.append(RowProblem(
                number, header[split].strip() or _letter(split), "a comma inside this cell, "
                "which is not in quotes, split it in two; it is read back as one cell (put such "
                "a cell in double quotes)", Severity.WARNING))
        elif moved:
            shifted = True
            # A separator inside a cell that is not in quotes: every cell after it has moved,
            # so no answer in the row can be trusted (trailing empty cells move nothing).
            problems.append(RowProblem(
                number, "", f"this row has {len(cells)} cells but the header names "
                f"{len(header)} columns, so a separator (a comma) inside a cell that is not in "
                f"quotes has moved the cells after it{_split_words(header, cells, split)}; put "
                "that cell in double quotes (\"Advisor, Sales\") or save the file from a "
                "spreadsheet; the row is not assessed"))
        elif extra:
            problems.append(RowProblem(
                number, "", f"this row has {len(cells)} cells but the header names "
                f"{len(header)} columns; the cells beyond column {_letter(len(header) - 1)} are "
                "ignored", Severity.WARNING))
        values = {name: cells[i].strip() if i < len(cells) else ""
                  for name, i in positions.items()}
        problems += [RowProblem(number, name, f"{shown(formulas[number, i])!r} is a formula: "
                                f"the value saved with it, {shown(values[name])!r}, is read "
                                "(formulas are never worked out here)", Severity.WARNING)
                     for name, i in positions.items() if (number, i) in formulas]
        learner, row_problems = _learner(number, values)
        # As written, beside the results (empty where the row's cells have moved: not another
        # column's value)
        learner = dataclasses.replace(learner, given=tuple(
            (name, "" if shifted else value) for name, value in values.items()
            if name != "learner_ref"))
        if own:
            learner = dataclasses.replace(learner, own_columns=tuple(
                (name, cells[i].strip() if i < len(cells) and not shifted else "")
                for name, i in own.items()))
        problems.extend(row_problems)
        if learner.learner_ref:
            earlier = first_seen.setdefault(learner.learner_ref, learner)
            if earlier is not learner:
                same = dataclasses.replace(earlier, row=number) == learner
                problems.append(RowProblem(
                    number, "learner_ref",
                    f"learner_ref {learner.learner_ref!r} is also on row {earlier.row}"
                    + ("; the summaries count this learner once" if same else
                       ", with other answers; the summaries count this learner once (the first "
                       "of its rows that could be assessed): check which row is right"),
                    Severity.WARNING))
        learners.append(learner)
    return CohortInput(filename, tuple(learners), tuple(problems), columns=tuple(positions))


# The header pandas writes over a column with no name, and the one Excel gives a table's
_GIVEN_BY_A_PROGRAM = re.compile(r"Unnamed: \d+(?:_level_\d+)?|Column\d+")
_HEADER_SEARCHED = 10  # rows looked at for the header, below a title or a note
_KEPT = ": it is kept, as it is, at the end of the results"  # said only of a file read


def _split_at(header: list[str], cells: list[str]) -> int | None:
    """The column a row's cell was probably split in (the first cell whose next one starts
    with a space, as after "Advisor, Sales"), or None where nothing says."""
    for i in range(min(len(header), len(cells) - 1)):
        if cells[i].strip() and cells[i + 1][:1] == " " and cells[i + 1].strip():
            return i
    return None


def _split_words(header: list[str], cells: list[str], split: int | None) -> str:
    """:func:`_split_at`'s column in words, or "" where nothing says."""
    if split is None:
        return ""
    return (f" (probably column {header[split].strip() or _letter(split)!r}: "
            f"{cells[split].strip()[:30]!r} and {cells[split + 1].strip()[:30]!r} are likely "
            "one cell)")


def _letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 -> A, 27 -> AB."""
    # Imported here, not at the top: openpyxl takes about 0.12 s to import, and every page's
    # first run imports this module; only an intake's problems need column letters.
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def split_references(text: str) -> list[str]:
    """Codes in one cell, separated by semicolons, commas, line breaks, bars or a slash
    between unit numbers (``F3/F4``), a full stop after one left out, as the check page's box
    reads them (:func:`~advisor.engine.unit_references.tidy_unit_list`: a URN with spaces for
    its slashes, a unit's level and credits in brackets beside it, the numbers "Units" lists
    kept together)."""
    return [part.strip().rstrip(".").strip() for part in re.split(
        r"[;,\n|]+", tidy_unit_list(text)) if part.strip(" .")]


# A yes or no alone in a column of codes: a tick box's TRUE, copied, or "yes, holds some"
_TICKS = frozenset({"true", "false", "yes", "no", "y", "n"})
_UNITS_BY = "by their numbers (F3) or unit reference numbers (K/601/1622)"
_LISTS = {
    "qualifications_held": "a qualification: give the codes of those completed (09628)",
    "units_held": f"a unit: give the units achieved, {_UNITS_BY}",
    "units_accepted": f"a unit: give the units the centre accepts, {_UNITS_BY}",
    "units_in_progress": f"a unit: give the units being studied, {_UNITS_BY}",
}


def _date_of_birth(text: str) -> dt.date:
    """A date of birth as people in the UK write one (any year: the dates the advisor answers
    for are the check's, not this)."""
    day = read_date(text)
    if day is None:
        raise answers.AnswerError(f"{text[:20]!r} is not a date: give one like {DATE_EXAMPLES}")
    return day


def _learner(number: int, values: dict[str, str]) -> tuple[LearnerRow, list[RowProblem]]:
    """One data row checked without the catalogue: the typed row and its problems."""
    problems: list[RowProblem] = []

    def error(column: str, message: str) -> None:
        problems.append(RowProblem(number, column, message))

    for column, text in values.items():
        if text.startswith("="):
            problems.append(RowProblem(
                number, column, f"{shown(text)!r} looks like a spreadsheet formula; it is "
                "read as text, never calculated: type its value (a workbook saved by a "
                "spreadsheet keeps the values of its formulas)", Severity.WARNING))

    ref = values.get("learner_ref", "")
    if not ref:
        error("learner_ref", "learner_ref is empty: give each learner a reference")

    def read(column: str, parse: Callable[[str], T], *, strict: bool = False) -> T | None:
        """An optional answer; one that cannot be read is left empty, as if not given, and
        said: the rest of the row is still assessed. ``strict``: an answer whose absence
        means something ("registered" left empty is "no") is an error instead."""
        text = values.get(column, "")
        if not text:
            return None
        try:
            return parse(text)
        except answers.AnswerError as problem:
            if strict:
                error(column, f"{problem}; correct it and upload the file again (the row "
                              "waits for it, as it changes the answer)")
            else:
                problems.append(RowProblem(number, column, f"{problem}; left empty, as if not "
                                                           "given", Severity.WARNING))
            return None

    age = read("age", answers.parse_age)
    employment = read("employment", answers.parse_employment)
    senior = read("senior_role", answers.parse_yes_no)
    aim = read("aim", answers.parse_aim)

    lists: dict[str, tuple[str, ...]] = {}
    glh = read("glh_per_week", parse_hours_a_week)
    birth = read("date_of_birth", _date_of_birth)
    start = spreadsheet_day(values.get("start", ""))  # 42158, a date cell saved as CSV
    if start is not None:
        problems.append(RowProblem(
            number, "start", f"{values['start']} is read as {uk_date(start)}, the date a "
            "spreadsheet keeps as that number (format the column as dates to see it so)",
            Severity.WARNING))
    else:
        start = read("start", parse_date)
    registered = read("registered", answers.parse_yes_no, strict=True)
    for column in ("qualifications_held", "units_held", "units_accepted", "units_in_progress"):
        references = split_references(values.get(column, ""))
        if len(references) == 1 and references[0].casefold() in _TICKS:
            # A tick box (TRUE), or a yes: that something is held, not what
            problems.append(RowProblem(
                number, column, f"{references[0]!r} is a yes/no answer (a tick box), not "
                f"{_LISTS[column]}; left out", Severity.WARNING))
            references = []
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
        units_accepted=lists["units_accepted"], units_in_progress=lists["units_in_progress"],
        glh_per_week=glh, start=start, registered=bool(registered), date_of_birth=birth,
        readable=not any(p.severity is Severity.ERROR for p in problems),
    )
    return learner, problems


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
        f"At most {MAX_ROWS:,} learners and {megabytes(MAX_BYTES)} per file.",
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
