"""The learners file of cohort mode: reading it.

:func:`read_cohort` reads the uploaded bytes (CSV in UTF-8, comma, semicolon or tab separated,
or an .xlsx workbook) into :class:`~advisor.engine.cohort.LearnerRow` records and
:class:`~advisor.engine.cohort.RowProblem` reports. It never raises on bad input: a file it
cannot read at all (a CSV file with a quote left open among them) comes back with ``readable``
false and one problem saying why; a bad cell is reported by row and column: an answer that
cannot be read is left empty and the row assessed, and a row that cannot be assessed (no
reference, an unreadable "registered") is set aside.

The columns, the template and its guide are :mod:`advisor.formats.cohort_columns`'s (and
offered here too, where callers have always found them). Spreadsheet row numbers count the
header as row 1, as a spreadsheet shows them. A cell is data, never a formula worked out: in
an .xlsx a formula cell is read as the value the spreadsheet saved with it, and said so;
``=HYPERLINK(...)`` typed in a CSV file, or a formula saved without its value, is read as that
text. A cell is read as it shows: a leading apostrophe in a CSV file (a spreadsheet's mark of
text) and characters that do not show, pasted from a web page, are left out (the latter said,
once a column). Reading the file's rows, within their limits, is
:mod:`advisor.formats.sheet_rows`'s, and what a workbook's layout shows (merged cells, hidden
rows) :mod:`advisor.formats.sheet_layout`'s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import itertools
import re
from collections.abc import Callable, Mapping
from typing import TypeVar

from advisor.engine import answers
from advisor.engine.cohort import CohortInput, LearnerRow, RowProblem, Severity
from advisor.engine.decisions import parse_hours_a_week
from advisor.engine.unit_references import tidy_unit_list
from advisor.engine.wording import number_ranges, uk_date
from advisor.formats.cohort_columns import BY_KEY, REFERENCE_NAMES
from advisor.formats.cohort_columns import COLUMNS as COLUMNS
from advisor.formats.cohort_columns import MAX_BYTES as MAX_BYTES
from advisor.formats.cohort_columns import MAX_ROWS as MAX_ROWS
from advisor.formats.cohort_columns import Column as Column
from advisor.formats.cohort_columns import guide_frame as guide_frame
from advisor.formats.cohort_columns import template_csv_bytes as template_csv_bytes
from advisor.formats.cohort_columns import template_excel_bytes as template_excel_bytes
from advisor.formats.cohort_columns import template_frame as template_frame
from advisor.formats.cohort_columns import template_guide_text as template_guide_text
from advisor.formats.dates import (
    DATE_EXAMPLES,
    EARLIEST_DATE,
    parse_date,
    read_date,
    spreadsheet_day,
)
from advisor.formats.learner_rows import one_row_each
from advisor.formats.sheet_layout import Layout, apply_layout, hidden_sheet_said
from advisor.formats.sheet_rows import (
    Sheet,
    Unreadable,
    csv_rows,
    decode,
    megabytes,
    name_key,
    nonblank_rows,
    plain_cell,
    shown,
    windows_text,
    xlsx_rows,
)

T = TypeVar("T")

MAX_REFERENCES_PER_CELL = 500  # a qualification has at most a few dozen units


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
                         header_has=REFERENCE_NAMES)
    return Sheet(list(nonblank_rows(csv_rows(decode(data, name), name, _column_named), name,
                                    max_rows=max_rows)))


def _close_column(header: str) -> list[str]:
    """The key of the column ``header`` is probably a slip for: a close other name too
    ("Qualificaton" is read as target, not qualifications_held), but only a very close one, so
    that a short header ("DOB") is not taken for a short other name ("job")."""
    key = name_key(header)
    # (0.7: "Target qual" is target's; "Dear centre", at 0.6, is no learner_ref)
    return (difflib.get_close_matches(key, list(BY_KEY), n=1, cutoff=0.8)
            or difflib.get_close_matches(key, [name_key(c.name) for c in COLUMNS], n=1,
                                         cutoff=0.7))


def _column_named(index: int, header: str) -> str:
    """A column as a message names it: the template's name for its header, else its header,
    else its letter."""
    known = BY_KEY.get(name_key(header))
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
               if any(name_key(c) in REFERENCE_NAMES for c in cells)), 0)
    if at:
        problems.append(RowProblem(
            rows[at][0], "", f"the header is read from row {rows[at][0]}, the first to name "
            f"learner_ref; the row{'s' if at > 1 else ''} above it "
            f"({', '.join(str(n) for n, _ in rows[:at])}) {'are' if at > 1 else 'is'} passed "
            "over", Severity.WARNING))
        rows = rows[at:]
    header_row, header = rows[0]
    below = _second_header_row(rows[0], rows[1]) if len(rows) > 1 else None
    if below is not None:  # "Units" over units_held and units_accepted
        problems.append(RowProblem(
            rows[1][0], "", f"rows {header_row} and {rows[1][0]} are read together as the "
            f"header: row {rows[1][0]} names columns under the headings of row {header_row}",
            Severity.WARNING))
        header_row, header = rows[1][0], below
        rows = [(header_row, header), *rows[2:]]
    # Of several columns that name a learner (learner_ref and a ULN), the one named
    # learner_ref is read, else the first; the others are the centre's own columns.
    references = [i for i, text in enumerate(header) if name_key(text) in REFERENCE_NAMES]
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
        column = BY_KEY.get(name_key(text))
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
                message += f"; did you mean {BY_KEY[close[0]].name!r}?"
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
    pasted: dict[str, list[int]] = {}  # the rows of each column with characters that do not show
    fractions: dict[int, str] = {}  # ages with a fraction (19.5), by row: what each is read as
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
        as_written = {name: cells[i].strip() if i < len(cells) else ""
                      for name, i in positions.items()}
        values = {}
        for name, text in as_written.items():
            values[name], changed = plain_cell(text, csv=not is_excel)
            if changed:
                pasted.setdefault(name, []).append(number)
        problems += [RowProblem(number, name, f"{shown(formulas[number, i])!r} is a formula: "
                                f"the value saved with it, {shown(values[name])!r}, is read "
                                "(formulas are never worked out here)", Severity.WARNING)
                     for name, i in positions.items() if (number, i) in formulas]
        learner, row_problems = _learner(number, values, fractions=fractions)
        # As written, beside the results (empty where the row's cells have moved: not another
        # column's value); a row whose cells moved is not assessed, nor read into another's
        learner = dataclasses.replace(learner, readable=learner.readable and not shifted,
                                      given=tuple((name, "" if shifted else value)
                                                  for name, value in as_written.items()
                                                  if name != "learner_ref"))
        if own:
            learner = dataclasses.replace(learner, own_columns=tuple(
                (name, cells[i].strip() if i < len(cells) and not shifted else "")
                for name, i in own.items()))
        problems.extend(row_problems)
        learners.append(learner)
    problems += [_pasted_said(column, numbers) for column, numbers in pasted.items()]
    if len(fractions) == 1:
        problems += [RowProblem(n, "age", note, Severity.WARNING) for n, note in fractions.items()]
    elif fractions:  # a column worked out by a formula (YEARFRAC) has one on every row
        problems.append(RowProblem(
            None, "age", f"the ages on rows {number_ranges(fractions)} have a fraction of a "
            f"year (on row {min(fractions)}, {fractions[min(fractions)].split(',')[0]}): each "
            "is read as its whole years, the age the rules use",
            Severity.WARNING))
    learners, said = one_row_each(learners)  # a learner on several rows
    return CohortInput(filename, tuple(learners), tuple(problems + said),
                       columns=tuple(positions))


# The header pandas writes over a column with no name, and the one Excel gives a table's
_GIVEN_BY_A_PROGRAM = re.compile(r"Unnamed: \d+(?:_level_\d+)?|Column\d+")
_HEADER_SEARCHED = 10  # rows looked at for the header, below a title or a note
_KEPT = ": it is kept, as it is, at the end of the results"  # said only of a file read


def _pasted_said(column: str, rows: list[int]) -> RowProblem:
    """The column's cells that held characters that do not show, said once for them all."""
    what = ("characters that do not show, pasted from a web page or a document (a zero-width "
            "space or a non-breaking space): {} read without them (a non-breaking space as a "
            "space)")
    if len(rows) == 1:
        return RowProblem(rows[0], column, "the cell holds " + what.format("it is"),
                          Severity.WARNING)
    return RowProblem(None, column, f"the cells of rows {number_ranges(rows)} hold "
                      + what.format("they are"), Severity.WARNING)


def _second_header_row(first: tuple[int, list[str]], second: tuple[int, list[str]]
                       ) -> list[str] | None:
    """The header, where the row under the first (``second``) holds the columns' names under
    group headings (its cells, some two or more, all names of columns, and none a learner's
    reference under learner_ref), each column named by it or, where it is empty, by the row
    above; else None."""
    (number, names), (next_number, cells) = first, second
    named = [cell for cell in cells if cell.strip()]
    if next_number != number + 1 or len(named) < 2 or any(
            name_key(cell) not in BY_KEY for cell in named):
        return None
    at = next((i for i, name in enumerate(names) if name_key(name) in REFERENCE_NAMES), None)
    if at is not None and at < len(cells) and cells[at].strip() and (
            name_key(cells[at]) not in REFERENCE_NAMES):
        return None
    return [below if below.strip() else above
            for above, below in itertools.zip_longest(names, cells, fillvalue="")]


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


# The first date of birth read from a spreadsheet's day number: a spreadsheet's first days
# (to 28 February 1900) are counted out by one, and no learner was born then.
_FIRST_BIRTHDAY = dt.date(1900, 3, 1)


def _date_of_birth(text: str) -> dt.date:
    """A date of birth as people in the UK write one (any year: the dates the advisor answers
    for are the check's, not this)."""
    day = read_date(text)
    if day is None:
        raise answers.AnswerError(f"{text[:20]!r} is not a date: give one like {DATE_EXAMPLES}")
    return day


def _age(number: int, text: str, problems: list[RowProblem], *, born: bool,
         fractions: dict[int, str]) -> int | None:
    """The age in the row's age cell, or None; why not, said in ``problems``, and what an age
    with a fraction is read as in ``fractions`` (by row: said once for the file). A band
    ("16-18") gives no age: the row is assessed as if none were given (what depends on the age
    says so), unless a date of birth (``born``) gives it instead; said either way."""
    if not text:
        return None
    notes: list[str] = []
    try:
        age = answers.parse_age(text, notes=notes)
    except answers.AgeBandError as band:
        problems.append(RowProblem(number, "age", (
            f"{text!r} is an age band, not one age: the age is worked out from date_of_birth "
            "instead")
            if born else (f"{band}, or the learner's date of birth in a date_of_birth column; "
                          "left empty, as if not given"), Severity.WARNING))
        return None
    except answers.AnswerError as problem:
        problems.append(RowProblem(number, "age", f"{problem}; left empty, as if not given",
                                   Severity.WARNING))
        return None
    fractions.update((number, note) for note in notes)
    return age


# What an answer that cannot be read leaves, where "as if not given" is not the whole story: a
# start left empty would count the finish from the date of the check, a month early for a
# January intake, so none is worked out.
_LEFT_EMPTY = {"start": "left empty, so no finish is worked out until it is corrected"}


def _learner(number: int, values: dict[str, str], *, fractions: dict[int, str]
             ) -> tuple[LearnerRow, list[RowProblem]]:
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
                left = _LEFT_EMPTY.get(column, "left empty, as if not given")
                problems.append(RowProblem(number, column, f"{problem}; {left}",
                                           Severity.WARNING))
            return None

    def read_day(column: str, parse: Callable[[str], dt.date], earliest: dt.date
                 ) -> dt.date | None:
        """A date, or the number a spreadsheet keeps one as (42158, a date cell saved as
        CSV from a column not formatted as dates), said."""
        day = spreadsheet_day(values.get(column, ""), earliest=earliest)
        if day is None:
            return read(column, parse)
        problems.append(RowProblem(
            number, column, f"{values[column]} is read as {uk_date(day)}, the date a "
            "spreadsheet keeps as that number (format the column as dates to see it so)",
            Severity.WARNING))
        return day

    birth = read_day("date_of_birth", _date_of_birth, _FIRST_BIRTHDAY)
    age = _age(number, values.get("age", ""), problems, born=birth is not None,
               fractions=fractions)
    employment = read("employment", answers.parse_employment)
    senior = read("senior_role", answers.parse_yes_no)
    aim = read("aim", answers.parse_aim)

    lists: dict[str, tuple[str, ...]] = {}
    glh = read("glh_per_week", parse_hours_a_week)
    start = read_day("start", parse_date, EARLIEST_DATE)
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
