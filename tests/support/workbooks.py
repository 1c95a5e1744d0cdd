"""Excel workbooks made in memory, for tests that upload or read a learners file."""

from __future__ import annotations

import io

import openpyxl


def workbook(*sheets: tuple[str, list[list[object]]]) -> bytes:
    """An .xlsx file with each ``(title, rows)`` as a sheet, in order."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()
