"""Files for download that a spreadsheet opens safely: CSV and Excel bytes from DataFrames.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula, and some
also act on a leading tab or carriage return ("CSV injection"). Learner data comes from uploads,
so in CSV any text cell, header included, that begins with one of those characters is prefixed
with a single quote, as OWASP recommends: ``=1+1`` is written as ``'=1+1`` and shown as text.
Numbers stay numbers (a negative number is not text and cannot run anything). A workbook cell
is typed, so there the text is kept as typed and stored as text, never as a formula.

Excel files are written cell by cell with openpyxl so that every text cell is stored as a string
(openpyxl would otherwise store a string that begins with ``=`` as a formula), and characters
that the Excel file format cannot hold (control characters) are replaced rather than failing the
whole download.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Characters the Excel file format refuses (openpyxl raises IllegalCharacterError on them).
_ILLEGAL_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_SHEET_NAME = 31  # Excel's limit
_MAX_COLUMN_WIDTH = 60


def neutralise(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell: formula-leading text gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are all neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        series = safe[column]
        if series.dtype == object:
            safe[column] = series.map(neutralise, na_action="ignore")
        elif pd.api.types.is_string_dtype(series):
            risky = series.str.startswith(FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                safe[column] = series.where(~risky, "'" + series)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def to_csv_bytes(frame: pd.DataFrame, *, missing: str = "") -> bytes:
    """``frame`` as CSV, safe to open in a spreadsheet; missing values are written as
    ``missing`` (empty cells by default; the app's tables say "not stated").

    UTF-8 with a byte-order mark: without it, Excel reads the file in the local code page and
    garbles names such as "Zoë". Lines end in CRLF (RFC 4180), which also makes the writer quote
    a cell holding a lone carriage return instead of letting it split the row.
    """
    text = neutralise_frame(frame).to_csv(index=False, na_rep=missing, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def _cell(value: Any) -> Any:
    """A value openpyxl stores as itself: Python numbers, text, or an empty cell."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    if isinstance(value, str):
        # In a workbook a text cell is never run as a formula, so the text is kept as typed
        # (no leading apostrophe, unlike CSV); :func:`_text_cell` makes sure it is text.
        return _ILLEGAL_IN_XLSX.sub("\ufffd", value)
    return value


DATE_FORMAT = "d mmmm yyyy"  # a date cell shown as the CSV writes it: 25 July 2027
_DATE_WIDTH = len("30 September 2027")


def _text_cell(sheet: Any, value: Any) -> Any:
    """``value``, or for text a spreadsheet would run as a formula, a cell typed as text; a
    date as a date cell shown as people in the UK write one."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        return cell
    if isinstance(value, dt.date):  # a day: midnight, which the format does not show
        cell = WriteOnlyCell(sheet, value=dt.datetime.combine(value, dt.time()))
        cell.number_format = DATE_FORMAT
        return cell
    return value


def to_excel_bytes(
    sheets: pd.DataFrame | Mapping[str, pd.DataFrame],
    *,
    text_columns: bool = False,
) -> bytes:
    """One or more frames as an .xlsx workbook; every text cell and header is stored as text,
    never as a formula, and keeps its text as typed; a date is a date cell (so a column of
    them sorts by date), shown as "25 July 2027".

    ``sheets`` is a frame (one sheet, "Sheet1") or ``{sheet name: frame}`` in order. With
    ``text_columns``, whole columns are formatted as text, so that codes typed in later keep
    their leading zeros (09628 would otherwise become the number 9628): for templates.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    named = {"Sheet1": sheets} if isinstance(sheets, pd.DataFrame) else dict(sheets)
    workbook = Workbook(write_only=True)  # streams rows: several times faster for big frames
    bold = Font(bold=True)
    for name, frame in named.items():
        sheet = workbook.create_sheet(_ILLEGAL_IN_XLSX.sub("", name)[:_MAX_SHEET_NAME])
        headers = [_cell(str(c)) for c in frame.columns]
        rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
        # Column widths and formats must be set before the first row is written.
        for i, header in enumerate(headers):
            longest = max((_DATE_WIDTH if isinstance(row[i], dt.date) else len(str(row[i]))
                           for row in rows[:1000] if row[i] is not None), default=0)
            dimension = sheet.column_dimensions[get_column_letter(i + 1)]
            dimension.width = min(max(longest, len(header), 8) + 2, _MAX_COLUMN_WIDTH)
            if text_columns:
                dimension.number_format = "@"
        sheet.freeze_panes = "A2"
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=header)
            if isinstance(header, str) and header.startswith(FORMULA_START):
                cell.data_type = "s"  # text, as in _text_cell
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            sheet.append([_text_cell(sheet, v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
