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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd

from advisor.engine import answers
from advisor.engine.cohort import CohortInput, LearnerRow, RowProblem, Severity
from advisor.engine.decisions import HOURS_A_WEEK_ACCEPTED, parse_hours_a_week
from advisor.formats.dates import parse_date
from advisor.formats.spreadsheet import to_csv_bytes, to_excel_bytes

T = TypeVar("T")

# Upload limits. A centre's intake is hundreds of learners; these leave room for a whole
# college while keeping one upload from tying up the app.
MAX_BYTES = 5_000_000
MAX_ROWS = 20_000
MAX_REFERENCES_PER_CELL = 500  # a qualification has at most a few dozen units
MAX_COLUMNS = 100  # cells read per row
MAX_EXPANDED_BYTES = 100_000_000  # an .xlsx is a zip: refuse one that inflates past this
_BLANK_RUN_LIMIT = 1_000  # consecutive empty spreadsheet rows after which reading stops



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
)

_TEMPLATE_ROWS: tuple[dict[str, str], ...] = (
    {"learner_ref": "L0001", "age": "19", "employment": "working",
     "job_role": "Call Centre Operator", "senior_role": "no", "aim": "knowledge",
     "qualifications_held": "09628", "units_held": "", "target": "09629",
     "units_accepted": "", "units_in_progress": "", "glh_per_week": "",
     "registered": "", "start": ""},
    {"learner_ref": "L0002", "age": "34", "employment": "working",
     "job_role": "Customer Service Team Leader", "senior_role": "no", "aim": "competence",
     "qualifications_held": "", "units_held": "F3; F4", "target": "03456",
     "units_accepted": "C6", "units_in_progress": "D1", "glh_per_week": "5",
     "registered": "yes", "start": ""},
    {"learner_ref": "L0003", "age": "17", "employment": "not-working", "job_role": "",
     "senior_role": "", "aim": "knowledge", "qualifications_held": "", "units_held": "",
     "target": "601/4404/X", "units_accepted": "", "units_in_progress": "",
     "glh_per_week": "", "registered": "", "start": ""},
)


def _key(text: str) -> str:
    """A header reduced for matching: case, spaces, underscores and punctuation ignored."""
    return re.sub(r"[^a-z0-9]", "", text.casefold())


_BY_KEY: dict[str, Column] = {
    _key(name): column for column in COLUMNS for name in (column.name, *column.aliases)
}


class _Unreadable(Exception):
    """The file as a whole cannot be read; the message says why and what to do, and ``row``
    and ``column``, where known, the place that stops it.

    Not a ValueError, so that the reader's handlers for a library's ValueError never catch it.
    """

    def __init__(self, message: str, *, row: int | None = None, column: str = "") -> None:
        super().__init__(message)
        self.row = row
        self.column = column


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
        return CohortInput(filename, (), (RowProblem(error.row, error.column, str(error)),),
                           readable=False)
    parsed = _parse(filename, rows)
    if not data.startswith(b"PK\x03\x04") and _windows_text(data):  # said, as it is a guess
        note = RowProblem(None, "", f"{name} was read as Windows text (the encoding Excel "
                          "saves 'CSV (Comma delimited)' in), not UTF-8: check that accented "
                          "letters in the results read as in the file, or save it as 'CSV "
                          "UTF-8 (comma delimited)'", Severity.WARNING)
        return dataclasses.replace(parsed, problems=(note, *parsed.problems))
    return parsed


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


# A character UTF-8 writes in two to four bytes: in a file that is not UTF-8 as a whole, a
# sign that it was UTF-8 with a slip in it, not text in another encoding.
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _windows_text(data: bytes) -> bool:
    """Whether ``data`` is not UTF-8 but reads as the Windows encoding Excel saves "CSV (Comma
    delimited)" in (cp1252): every byte a character of it, and no UTF-8 character anywhere
    (a UTF-8 file with one stray byte would read with every accent garbled)."""
    try:
        data.decode("utf-8-sig")
        return False
    except UnicodeDecodeError:
        if _UTF8_CHARACTER.search(data):
            return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True



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
        if _windows_text(data):
            return data.decode("cp1252")
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
    """The file's rows, numbered as a spreadsheet shows them (a cell with line breaks in it is
    one row). Read strictly: a quote left open, or closed with more text after it, would read
    the lines after it as one cell and merge the learners on them, so the file is refused,
    naming the row and line where the quote opened. A row within one line merges nothing: such
    a quote there is read leniently ('"L1" ,20' as 'L1 ' and '20'), as it always was."""
    delimiter = _delimiter(text)
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    number = lines_read = 0
    header: list[str] = []
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            if reader.line_num - lines_read > 1:  # the cell ran on over a line break
                raise _quote_left_open(error, row=number + 1, lines=lines, start=lines_read,
                                       end=reader.line_num, header=header,
                                       delimiter=delimiter) from None
            try:
                cells = next(csv.reader(lines[lines_read:reader.line_num],
                                        delimiter=delimiter), [])
            except csv.Error as lenient:  # a cell past the csv module's field size limit
                raise _Unreadable(f"{name} cannot be read as CSV at row {number + 1}: "
                                  f"{lenient}") from None
        if cells is None:
            return
        number, lines_read = number + 1, reader.line_num
        if not header and any(cell.strip() for cell in cells):
            header = cells
        yield number, cells[:MAX_COLUMNS]


def _quote_left_open(error: csv.Error, *, row: int, lines: list[str], start: int, end: int,
                     header: list[str], delimiter: str) -> _Unreadable:
    """The file refused for a quote that runs over line breaks: where it opened (row, column,
    line and how the line begins), the lines it would make one cell, and how to mend it."""
    opened = lines[start]
    # The cell left open on the row's first line is the line's last: it runs to the line's end.
    index = max(len(next(csv.reader([opened], delimiter=delimiter), [])) - 1, 0)
    named = header[index].strip() if index < len(header) else ""
    known = _BY_KEY.get(_key(named))
    column = known.name if known else named or _letter(index)
    span = f"lines {start + 1} to {end}"
    if "expected after" in str(error):
        how = f"closes only on line {end}, with more text straight after it"
    elif end == len(lines):
        how, span = "is never closed", f"{span} (the rest of the file)"
    else:  # the csv module's limit on a cell's size
        how = f"is still open on line {end}, a cell longer than any read"
    return _Unreadable(
        f"a quote (\") opens the {column} cell of row {row} (line {start + 1} of the file: "
        f"{_shown(opened.rstrip())!r}) and {how}, so {span} would be read as that one "
        "cell, merging the learners on them into one: remove the stray quote, or close it "
        "where the cell ends, and upload the file again; nothing in it was assessed",
        row=row, column=column)


def _shown(text: str) -> str:
    """The start of a cell or a line, to quote in a message."""
    return text if len(text) <= 40 else text[:37] + "..."


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
            # openpyxl warns of features it skips (styles, validation): only cells are read.
            warnings.simplefilter("ignore")
            try:
                workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            except (AttributeError, IndexError):  # openpyxl's own slip, on a part it skips
                raise _Unreadable(f"{name} could not be read: a part of the workbook (a chart "
                                  "sheet, say) is not one this reader understands. Copy the "
                                  "learners' sheet into a new workbook, or save it as 'CSV "
                                  "UTF-8 (comma delimited)'") from None
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
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # a whole number as typed, not 19.0 (nor 1E+308's 309 digits)
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
        # What stops the file first; a column it would ignore is only a warning beside that.
        return CohortInput(filename, (), tuple(sorted(
            problems, key=lambda p: p.severity is not Severity.ERROR)), readable=False,
            columns=tuple(positions))
    if len(rows) == 1:
        problems.append(RowProblem(
            None, "", "no learners: the file has only its header row (the column names); add "
            "one row per learner below it, as in the template", Severity.WARNING))

    learners: list[LearnerRow] = []
    first_seen: dict[str, LearnerRow] = {}
    for number, cells in rows[1:]:
        values = {name: cells[i].strip() if i < len(cells) else ""
                  for name, i in positions.items()}
        extra = [i for i in range(len(header), len(cells)) if cells[i].strip()]
        if extra:
            problems.append(RowProblem(
                number, "", f"this row has {len(cells)} cells but the header names "
                f"{len(header)} columns; the cells beyond column {_letter(len(header) - 1)} are "
                "ignored (a separator inside an unquoted cell?)", Severity.WARNING))
        learner, row_problems = _learner(number, values)
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


def _letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 -> A, 27 -> AB."""
    # Imported here, not at the top: openpyxl takes about 0.12 s to import, and every page's
    # first run imports this module; only an intake's problems need column letters.
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


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
            problems.append(RowProblem(
                number, column, f"{_shown(text)!r} looks like a spreadsheet formula; it is "
                "read as text, never calculated", Severity.WARNING))

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
    start = read("start", parse_date)
    registered = read("registered", answers.parse_yes_no, strict=True)
    for column in ("qualifications_held", "units_held", "units_accepted", "units_in_progress"):
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
        units_accepted=lists["units_accepted"], units_in_progress=lists["units_in_progress"],
        glh_per_week=glh, start=start, registered=bool(registered),
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
