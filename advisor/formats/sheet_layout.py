"""What a worksheet shows that its cells' values do not say: cells merged into one, and rows,
columns or the sheet itself hidden. A person reads a learners' sheet as it looks; the reader
reads its cells. Where the two differ, the learners file is read as it looks where that is
clear (a target merged down over a group of learners is each one's), and the difference is
said by row and column either way.

:func:`read_layout` reads it from the .xlsx (the worksheet's XML, which openpyxl's read-only
mode, used for the cells, does not expose); :func:`apply_layout` is what a learners file makes
of it, once its header row is known.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from advisor.engine.cohort import RowProblem, Severity
from advisor.engine.wording import listed, number_ranges

__all__ = ["Layout", "apply_layout", "hidden_sheet_said", "read_layout"]

_Rows = list[tuple[int, list[str]]]


@dataclass(frozen=True)
class Layout:
    """A worksheet's merged cells and hidden rows and columns; rows count from 1 and columns
    from 0, as :class:`~advisor.formats.sheet_rows.Sheet` numbers them."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    # (first row, last row, first column, last column) of each cell merged from several
    merged: tuple[tuple[int, int, int, int], ...] = ()
    hidden_sheet: bool = False
    sheet: str = ""


def read_layout(data: bytes, path: str | None, *, sheet: str, hidden_sheet: bool,
                max_columns: int) -> Layout:
    """The layout of the worksheet stored at ``path`` in the workbook ``data`` (with no path,
    only whether it is hidden). Parsed as openpyxl parses the cells (with defusedxml where it
    is installed)."""
    if not path:
        return Layout(hidden_sheet=hidden_sheet, sheet=sheet)
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.xml.functions import iterparse

    rows: set[int] = set()
    columns: set[int] = set()
    merged: list[tuple[int, int, int, int]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(path.lstrip("/")) as part:
        for _, element in iterparse(part):
            tag = element.tag.rsplit("}", 1)[-1]
            hidden = element.get("hidden") in {"1", "true"}
            if tag == "row":
                if hidden and (element.get("r") or "").isdigit():
                    rows.add(int(element.get("r")))
                element.clear()  # its cells are read elsewhere: keep the memory low
            elif tag == "col" and hidden:
                first, last = int(element.get("min", 0)), int(element.get("max", 0))
                columns.update(range(max(first, 1) - 1, min(last, max_columns)))
            elif tag == "mergeCell" and element.get("ref"):
                left, top, right, bottom = range_boundaries(element.get("ref"))
                if left and top and right and bottom:  # (a whole row or column has None)
                    merged.append((top, bottom, left - 1, right - 1))
    return Layout(frozenset(rows), frozenset(columns), tuple(merged), hidden_sheet, sheet)


def apply_layout(layout: Layout, rows: _Rows, *, header_row: int,
                 positions: Mapping[str, int], column_named: Callable[[int], str],
                 letter: Callable[[int], str]) -> tuple[_Rows, list[RowProblem]]:
    """The data rows below ``header_row`` as the sheet shows them, and what is said of them:
    a cell merged down a column is read on every row it covers; one merged across columns is
    read in its first column only (which of the others it was meant for would be a guess);
    a hidden row, or a hidden column that is read, is read and said (once for them all, the
    rows named as ranges). ``positions``: the
    columns read, by name, at their index; ``column_named``: a column, by index, as a
    message names it."""
    problems: list[RowProblem] = []
    by_number = {number: list(cells) for number, cells in rows}
    read = set(positions.values())
    for first, last, left, right in sorted(layout.merged):
        if first <= header_row or first not in by_number:
            continue  # a title or the header: no learner's answer
        value = _cell(by_number[first], left)
        if not value.strip():
            continue
        where = f"{letter(left)}{first}:{letter(right)}{last}"
        if left == right:
            for number in range(first + 1, last + 1):
                if number in by_number:
                    cells = by_number[number]
                    cells.extend([""] * (left + 1 - len(cells)))
                    cells[left] = value
            problems.append(RowProblem(
                first, column_named(left), f"the merged cell {where} shows {_quoted(value)} on "
                f"rows {first} to {last}: it is read for each of them", Severity.WARNING))
        elif read & set(range(left, right + 1)):
            problems.append(RowProblem(
                first, column_named(left), f"the merged cell {where} shows {_quoted(value)} "
                f"across columns {column_named(left)} to {column_named(right)}: it is read in "
                f"{column_named(left)} only", Severity.WARNING))
    # Said once each, however many: a filtered sheet hides hundreds of rows.
    hidden = [f"{letter(index)} ({name})" for name, index in sorted(
        positions.items(), key=lambda item: item[1]) if index in layout.hidden_columns]
    if len(hidden) == 1:
        problems.append(RowProblem(header_row, next(
            name for name, index in positions.items() if index in layout.hidden_columns),
            f"column {hidden[0]} is hidden in the spreadsheet: it is read", Severity.WARNING))
    elif hidden:
        problems.append(RowProblem(header_row, "", f"columns {listed(hidden, 'and')} are hidden "
                                   "in the spreadsheet: they are read", Severity.WARNING))
    rows_hidden = [number for number in sorted(layout.hidden_rows)
                   if number > header_row and number in by_number]
    if len(rows_hidden) == 1:
        problems.append(RowProblem(rows_hidden[0], "", "this row is hidden in the spreadsheet: "
                                   "it is read as any other (delete it from the file if it is "
                                   "not a learner to check)", Severity.WARNING))
    elif rows_hidden:
        problems.append(RowProblem(None, "", f"rows {number_ranges(rows_hidden)} are hidden in "
                                   "the spreadsheet: they are read as any others (delete them "
                                   "from the file if they are not learners to check)",
                                   Severity.WARNING))
    return [(number, by_number[number]) for number, _ in rows], problems


def hidden_sheet_said(layout: Layout) -> list[RowProblem]:
    """The file's warning that the sheet read is hidden in the workbook, if it is."""
    if not layout.hidden_sheet:
        return []
    return [RowProblem(None, "", f"the learners are read from sheet {layout.sheet!r}, which is "
                       "hidden in the workbook", Severity.WARNING)]


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _quoted(value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return repr(shown)
