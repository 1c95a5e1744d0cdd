"""Cohort mode: learners files as centres make them (several sheets, a title above the header,
tick boxes, encodings and exports from other tools), read as far as they are clear, with every
doubt said by row and column."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from advisor import CohortInput, CohortResult, assess_cohort, read_cohort

TODAY = dt.date(2015, 6, 1)  # every target named here still issued certificates


def read(text: str, name: str = "intake.csv") -> CohortInput:
    return read_cohort(text.encode("utf-8"), name)


def assess(catalogue, source: CohortInput) -> CohortResult:
    return assess_cohort(catalogue, source, as_at=TODAY)


def problems(source) -> list[tuple[int | None, str, str, str]]:
    return [(p.row, p.column, p.severity.value, p.message) for p in source.problems]


def workbook(*sheets: tuple[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_units__a_tick_box_in_a_unit_column_is_named_as_one_not_as_a_unit(catalogue):
    """TRUE or FALSE (a spreadsheet's tick box) in units_held says nothing about which units:
    it had been read as the text 'yes' and reported as "no unit 'yes'"."""
    data = workbook(("learners", [["learner_ref", "target", "units_held", "registered"],
                                  ["L1", "03456", True, True], ["L2", "03456", False, False]]))
    result = assess(catalogue, read_cohort(data, "intake.xlsx"))
    tick = ("is a yes/no answer (a tick box), not a unit: give the units achieved, by their "
            "numbers (F3) or unit reference numbers (K/601/1622); left out")
    assert [p for p in problems(result) if p[1] == "units_held"] == [
        (2, "units_held", "warning", f"'TRUE' {tick}"),
        (3, "units_held", "warning", f"'FALSE' {tick}")]
    assert [dict(learner.given)["units_held"] for learner in result.learners] == ["TRUE", "FALSE"]
    assert [learner.registered for learner in result.learners] == [True, False]
