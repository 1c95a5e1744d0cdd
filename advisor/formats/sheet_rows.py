"""The rows of an uploaded table, CSV or Excel, as the text of their cells: read within limits
(size, rows, columns, an .xlsx that would inflate), with a message that says what to do for a
file that cannot be read. What the rows mean is :mod:`advisor.formats.cohort_file`'s.

A cell is data, never a formula run here: in an .xlsx, a formula cell is read as the value the
spreadsheet saved with it, and named (:attr:`Sheet.formulas`); one saved without a value is
read as its text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from advisor.formats.sheet_layout import Layout, read_layout

__all__ = ["MAX_COLUMNS", "MAX_EXPANDED_BYTES", "Sheet", "Unreadable", "archive_type",
           "csv_rows", "decode", "megabytes", "name_key", "nonblank_rows", "plain_cell", "shown",
           "windows_text", "xlsx_rows"]

MAX_COLUMNS = 100  # cells read per row
MAX_EXPANDED_BYTES = 100_000_000  # an .xlsx is a zip: refuse one that inflates past this
_BLANK_RUN_LIMIT = 1_000  # consecutive empty spreadsheet rows after which reading stops

_Rows = list[tuple[int, list[str]]]  # (spreadsheet row number, the text of each cell)


@dataclass(frozen=True)
class Sheet:
    """The rows that hold something, and the formula cells read by the value saved with
    them: ``{(row number, column index from 0): the formula}``."""

    rows: _Rows
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    # A workbook's: the sheet read, and every sheet's name, in order (a CSV file has none)
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    also_with_header: tuple[str, ...] = ()  # other sheets naming the column looked for
    layout: Layout = field(default_factory=Layout)  # merged cells, hidden rows and columns


class Unreadable(Exception):
    """The file as a whole cannot be read; the message says why and what to do, and ``row``
    and ``column``, where known, the place that stops it.

    Not a ValueError, so that the reader's handlers for a library's ValueError never catch it.
    """

    def __init__(self, message: str, *, row: int | None = None, column: str = "") -> None:
        super().__init__(message)
        self.row = row
        self.column = column


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


# A character UTF-8 writes in two to four bytes: in a file that is not UTF-8 as a whole, a
# sign that it was UTF-8 with a slip in it, not text in another encoding.
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def windows_text(data: bytes) -> bool:
    """Whether ``data`` is not UTF-8 but reads as the Windows encoding Excel saves "CSV (Comma
    delimited)" in (cp1252): every byte a character of it, and no UTF-8 character anywhere
    (a UTF-8 file with one stray byte would read with every accent garbled)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16's byte-order mark: said so
        return False
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



def decode(data: bytes, name: str) -> str:
    save_as = "save it as 'CSV UTF-8 (comma delimited)' or as an Excel workbook (.xlsx)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" (tabs)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise Unreadable(f"{name} is marked as UTF-16 text (Excel's \"Unicode Text\") but "
                             f"does not read as it: it may have been cut short; {save_as}"
                             ) from None
    if b"\x00" in data:
        raise Unreadable(f"{name} is not a text file (it holds NUL bytes, as binary files do): "
                          "upload a CSV file or an Excel workbook (.xlsx)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if windows_text(data):
            return data.decode("cp1252")
        line = data.count(b"\n", 0, error.start) + 1
        raise Unreadable(
            f"{name} is not UTF-8 text: byte 0x{data[error.start]:02X} on line {line} is not "
            f"valid UTF-8 (the file was probably saved in another encoding): {save_as}"
        ) from None


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line uses most (a comma if none)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(text: str, name: str, column_name: Callable[[int, str], str]
             ) -> Iterator[tuple[int, list[str]]]:
    """The file's rows, numbered as a spreadsheet shows them (a cell with line breaks in it is
    one row); ``column_name`` names a column in a message, from its index (from 0) and its
    header's text. Read strictly: a quote left open, or closed with more text after it, would read
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
                                       delimiter=delimiter, column_name=column_name) from None
            try:
                cells = next(csv.reader(lines[lines_read:reader.line_num],
                                        delimiter=delimiter), [])
            except csv.Error as lenient:  # a cell past the csv module's field size limit
                raise Unreadable(f"{name} cannot be read as CSV at row {number + 1}: "
                                  f"{lenient}") from None
        if cells is None:
            return
        number, lines_read = number + 1, reader.line_num
        if not header and any(cell.strip() for cell in cells):
            header = cells
        yield number, cells[:MAX_COLUMNS]


def _quote_left_open(error: csv.Error, *, row: int, lines: list[str], start: int, end: int,
                     header: list[str], delimiter: str,
                     column_name: Callable[[int, str], str]) -> Unreadable:
    """The file refused for a quote that runs over line breaks: where it opened (row, column,
    line and how the line begins), the lines it would make one cell, and how to mend it."""
    opened = lines[start]
    # The cell left open on the row's first line is the line's last: it runs to the line's end.
    index = max(len(next(csv.reader([opened], delimiter=delimiter), [])) - 1, 0)
    column = column_name(index, header[index] if index < len(header) else "")
    span = f"lines {start + 1} to {end}"
    if "expected after" in str(error):
        how = f"closes only on line {end}, with more text straight after it"
    elif end == len(lines):
        how, span = "is never closed", f"{span} (the rest of the file)"
    else:  # the csv module's limit on a cell's size
        how = f"is still open on line {end}, a cell longer than any read"
    return Unreadable(
        f"a quote (\") opens the {column} cell of row {row} (line {start + 1} of the file: "
        f"{shown(opened.rstrip())!r}) and {how}, so {span} would be read as that one "
        "cell, merging the learners on them into one: remove the stray quote, or close it "
        "where the cell ends, and upload the file again; nothing in it was assessed",
        row=row, column=column)


# Characters a page or a document puts in text that show as nothing (a zero-width space, a
# word joiner, a soft hyphen) or as a space (non-breaking spaces), pasted with it into a cell.
_SHOWS_AS_NOTHING = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SHOWS_AS_A_SPACE = re.compile("[\u00a0\u2007\u202f]")


def plain_cell(text: str, *, csv: bool) -> tuple[str, bool]:
    """A cell's text as it shows, and whether that differs from what the cell holds: without
    characters that show as nothing, a non-breaking space as a space, the spaces around it
    left out and, from a CSV file (``csv``), a leading apostrophe, the mark a spreadsheet
    keeps text by ('09628, so that the 0 stays), left out too. The apostrophe and the spaces
    around the text do not count as a difference: they change nothing a person sees."""
    shows = _SHOWS_AS_A_SPACE.sub(" ", text.translate(_SHOWS_AS_NOTHING)).strip()
    if csv and shows.startswith("'"):
        shows, text = shows[1:].strip(), text.strip()[1:]
    return shows, shows != text.strip()


def shown(text: str) -> str:
    """The start of a cell or a line, to quote in a message."""
    return text if len(text) <= 40 else text[:37] + "..."


def xlsx_rows(data: bytes, name: str, *, max_rows: int, sheet: str,
              header_has: tuple[str, ...] = ()) -> Sheet:
    """The rows of the workbook's sheet named ``sheet`` (case and spacing aside), else of its
    first sheet with a column named one of ``header_has`` near the top (the learners' sheet behind a
    cover sheet of instructions), else of its first; a formula cell as the value saved with it,
    where the file has one."""
    from openpyxl.utils.exceptions import InvalidFileException

    not_workbook = (f"{name} is not a valid Excel workbook (.xlsx)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Unreadable(f"{not_workbook}: it is not the zip archive an .xlsx file is. If it "
                          "is CSV text, name it .csv") from None
    with archive:
        expanded = sum(info.file_size for info in archive.infolist())
        parts = {info.filename.casefold() for info in archive.infolist()}
    if "mimetype" in parts and ".opendocument." in archive_type(data):
        raise Unreadable(f"{name} is an OpenDocument spreadsheet (.ods, as LibreOffice saves "
                         "one), which is not read: save it as an Excel workbook (.xlsx) or as "
                         "CSV UTF-8")
    if not any(part.startswith("xl/") for part in parts):  # a Word document, say, renamed
        raise Unreadable(f"{not_workbook}: it is a zip archive with no workbook in it (another "
                          "kind of file, such as a Word document, named .xlsx): open the "
                          "learners' spreadsheet and save it as an Excel Workbook (.xlsx) or "
                          "as CSV UTF-8")
    if expanded > MAX_EXPANDED_BYTES:
        raise Unreadable(f"{name} unpacks to {megabytes(expanded)}, more than the "
                          f"{megabytes(MAX_EXPANDED_BYTES)} read at once: split the cohort")
    broken = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError,
              OSError, SyntaxError)  # SyntaxError covers the XML parser's ParseError
    try:
        with warnings.catch_warnings():
            # openpyxl warns of features it skips (styles, validation): only cells are read.
            warnings.simplefilter("ignore")
            about: dict[str, Any] = {}
            rows = list(nonblank_rows(_sheet_cells(data, name, (sheet, header_has), saved=False,
                                                   about=about), name, max_rows=max_rows))
            found = {"sheet": about["read"], "sheets": about["every"],
                     "also_with_header": about["also"],
                     "layout": read_layout(data, about["path"], sheet=about["read"],
                                           hidden_sheet=about["hidden"],
                                           max_columns=MAX_COLUMNS)}
            typed = {(number, index): cell for number, cells in rows
                     for index, cell in enumerate(cells) if cell.startswith("=")}
            if not typed:
                return Sheet(rows, **found)
            # Formulas: the values saved with them, read from the file (never worked out here).
            last = max(number for number, _ in typed)
            saved = {(number, index): cell
                     for number, cells in itertools.takewhile(
                         lambda row: row[0] <= last,
                         _sheet_cells(data, name, (sheet, header_has), saved=True))
                     for index, cell in enumerate(cells) if (number, index) in typed and cell}
            return Sheet([(number, [saved.get((number, index), cell)
                                    for index, cell in enumerate(cells)])
                          for number, cells in rows],
                         {place: typed[place] for place in saved}, **found)
    except broken as error:
        raise Unreadable(f"{not_workbook}: {error}") from None


def archive_type(data: bytes) -> str:
    """What an OpenDocument zip says it is (its ``mimetype`` part), or ""."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            with archive.open("mimetype") as part:
                return part.read(100).decode("ascii", "replace")  # (never all of a large one)
        except KeyError:
            return ""


def name_key(text: str) -> str:
    """A column's or a sheet's name reduced for matching: case, spaces, line breaks,
    underscores and punctuation ignored ("Learner Ref" is "learner_ref"), and so is a note in
    brackets beside it ("Age (years)" is "age"; a name all in brackets is kept)."""
    bare = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)
    return re.sub(r"[^a-z0-9]", "", (bare if bare.strip() else text).casefold())


_HEADER_SEARCHED_ROWS = 20  # rows of a sheet looked at for the column that marks its data


def _sheet_cells(data: bytes, name: str, wanted: tuple[str, tuple[str, ...]], *, saved: bool,
                 about: dict[str, Any] | None = None) -> Iterator[tuple[int, list[str]]]:
    """Each row of the sheet ``wanted`` gives (by its name, else by a column's name near its
    top; else the first sheet) as its cells' text: a formula as its text, or, ``saved``, as
    the value the spreadsheet saved with it (empty where none was). ``about``, if given,
    gets the sheet read (``read``), where it is in the file (``path``), whether it is hidden
    (``hidden``), every sheet's name (``every``) and the other sheets that also name the
    column (``also``)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=saved)
    except (AttributeError, IndexError):  # openpyxl's own slip, on a part it skips
        raise Unreadable(f"{name} could not be read: a part of the workbook (a chart sheet, "
                         "say) is not one this reader understands. Copy the learners' sheet "
                         "into a new workbook, or save it as 'CSV UTF-8 (comma delimited)'"
                         ) from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise Unreadable(f"{name} has no worksheet")
        title, column = name_key(wanted[0]), frozenset(name_key(w) for w in wanted[1])
        named = next((s for s in sheets if name_key(s.title) == title), None)
        sheet = named or next((s for s in sheets if column and _has_column(s, column)),
                              sheets[0])
        if about is not None:  # (a sheet found by its name is the one: the others are guides)
            # (the part of the file the sheet is in: openpyxl's read-only sheet knows it, and
            # the tests of merged cells fail should it stop doing so)
            about.update(read=sheet.title, path=getattr(sheet, "_worksheet_path", None),
                         hidden=sheet.sheet_state != "visible",
                         every=tuple(s.title for s in sheets), also=() if named
                         else tuple(s.title for s in sheets
                                    if s is not sheet and column and _has_column(s, column)))
        sheet.reset_dimensions()  # do not trust the size the file claims
        for number, values in enumerate(sheet.iter_rows(values_only=True,
                                                        max_col=MAX_COLUMNS), start=1):
            yield number, [_cell_text(v) for v in values]
    finally:
        workbook.close()


def _has_column(sheet: Any, column: frozenset[str]) -> bool:
    """Whether a cell near the top of ``sheet`` is one of the names ``column`` (as
    :func:`name_key` gives them)."""
    sheet.reset_dimensions()
    return any(isinstance(value, str) and name_key(value) in column
               for values in sheet.iter_rows(values_only=True, max_row=_HEADER_SEARCHED_ROWS,
                                             max_col=MAX_COLUMNS)
               for value in values)


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a person sees in it: 19.0 -> "19", a tick box's TRUE
    -> "TRUE" (read as yes where a yes or no is asked, and named as a tick box elsewhere)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # a whole number as typed, not 19.0 (nor 1E+308's 309 digits)
    if isinstance(value, dt.datetime):  # a date with a time of day: the day is what is asked
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def nonblank_rows(rows: Iterable[tuple[int, list[str]]], name: str, *,
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
            raise Unreadable(f"{name} has more than {max_rows:,} learner rows, the most read "
                              "at once: split the cohort into smaller files")
        yield number, cells
