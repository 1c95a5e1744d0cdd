"""Cohort mode: learners files as centres make them (several sheets, a title above the header,
tick boxes, encodings and exports from other tools), read as far as they are clear, with every
doubt said by row and column."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pandas as pd
import pytest

from advisor import CohortInput, CohortResult, assess_cohort, cohort_tables, read_cohort
from advisor.cli import main
from tests.support.workbooks import workbook

TODAY = dt.date(2015, 6, 1)  # every target named here still issued certificates


def read(text: str, name: str = "intake.csv") -> CohortInput:
    return read_cohort(text.encode("utf-8"), name)


def assess(catalogue, source: CohortInput) -> CohortResult:
    return assess_cohort(catalogue, source, as_at=TODAY)


def problems(source) -> list[tuple[int | None, str, str, str]]:
    return [(p.row, p.column, p.severity.value, p.message) for p in source.problems]


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


def test_headers__a_line_of_a_letter_is_not_taken_for_a_misspelt_learner_ref():
    """A file whose first line is "Dear centre" had been asked "did you mean 'learner_ref'?"
    (the two are barely alike); a close slip still is ("Target qual")."""
    result = read("Dear centre\nPlease find our learners below\n")
    assert not result.readable
    assert all("did you mean" not in p.message for p in result.problems)
    slip = read("learner_ref,Target qual\nA,09629\n")
    assert problems(slip)[0][3].endswith("did you mean 'target'?")


@pytest.mark.parametrize("empty", ["Unnamed: 3", "Unnamed: 3_level_1", "Column1"])
def test_headers__a_name_a_tool_gave_an_empty_column_is_passed_over_quietly(empty):
    """pandas writes "Unnamed: 3" over a column with no header, Excel's tables "Column1": an
    empty one is no column of the centre's, and is neither warned of nor added to the results;
    one with something in it comes back, by its letter as a column with no name does."""
    quiet = read(f"learner_ref,age,target,{empty}\nL1,19,09628,\n")
    assert problems(quiet) == [] and quiet.rows[0].own_columns == ()
    kept = read(f"learner_ref,age,target,{empty}\nL1,19,09628,see notes\n")
    assert kept.rows[0].own_columns == (("column D", "see notes"),)
    assert problems(kept) == [(1, "column D", "warning",
                               "column D has no name in the first row (only "
                               f"{empty!r}, a name a program gave it), so the advisor does not "
                               "read it: it is kept, as it is, at the end of the results")]


@pytest.mark.parametrize(("encoding", "separator"), [("utf-16", "\t"), ("utf-16-be", ",")])
def test_read__unicode_text_saved_by_excel_is_read(encoding, separator):
    """Excel's "Unicode Text (*.txt)" is UTF-16 with a byte-order mark, tab-separated: it had
    been refused; it holds nothing a UTF-8 file cannot."""
    text = separator.join(["learner_ref", "age", "target"]) + "\r\nZoë" + separator + "19" \
        + separator + "09628\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    result = read_cohort(data, "intake.txt")
    assert result.readable and problems(result) == []
    (row,) = result.rows
    assert (row.learner_ref, row.age, row.target) == ("Zoë", 19, "09628")


def test_read__a_learners_sheet_or_header_is_found_by_any_name_learner_ref_is_read_under(
        catalogue):
    """A sheet "Sheet2" behind a summary, headed "Learner Reference" (a name learner_ref is
    read under): it had been passed over for the first sheet, which was then refused for
    having no learner_ref; so had a header "Ref" below a title and a blank row."""
    data = workbook(("Summary", [["Intake September"], ["Learners", 1]]),
                    ("Sheet2", [["Learner Reference", "Age", "Target"], ["L1", 19, "09629"]]))
    result = read_cohort(data, "intake.xlsx")
    assert result.readable and [r.learner_ref for r in result.rows] == ["L1"]
    titled = read("Intake September 2015,,\n,,\nRef,Age,Target\nL1,19,09629\n")
    assert titled.readable and [(r.row, r.learner_ref) for r in titled.rows] == [(4, "L1")]


def test_headers__a_uln_column_is_the_learner_reference_where_there_is_no_other(catalogue):
    """The guide says learner_ref may be a ULN: a file whose only reference is a ULN column is
    read under it, said so; beside a learner_ref column, it is the centre's own and comes back
    as it is, not an error for naming learner_ref twice."""
    alone = read("ULN,age,target\n1234567890,19,09628\n")
    assert alone.readable and alone.rows[0].learner_ref == "1234567890"
    assert problems(alone) == [(1, "learner_ref", "warning",
                                "column 'ULN' is read as 'learner_ref': your reference for the "
                                "learner (name, number or ULN)")]
    both = read("ULN,learner_ref,age\n1234567890,L1,19\n")
    assert both.readable and both.rows[0].learner_ref == "L1"
    assert both.rows[0].own_columns == (("ULN", "1234567890"),)
    assert problems(both) == [(1, "ULN", "warning",
                               "column 'ULN' is not read, as 'learner_ref' (column B) gives "
                               "the learner reference: it is kept, as it is, at the end of "
                               "the results")]


@pytest.mark.parametrize("written", ["600 0840 4", "6000840 4", "600-0840-4", "60008404",
                                     "600.0840.4"])
def test_target__a_regulator_number_with_spaces_for_its_slashes_is_read(catalogue, written):
    """Copied from a certificate or a PDF, 600/0840/4 loses its slashes: it had been "no
    qualification '600 0840 4'; did you mean 600/0840/4?", and the row was not assessed."""
    result = assess(catalogue, read(f"learner_ref,target\nL1,{written}\n"))
    (learner,) = result.learners
    assert learner.assessed and learner.target.regulator_number == "600/0840/4"
    assert problems(result) == []


@pytest.mark.parametrize(("written", "age"), [
    ("16 yrs", 16), ("16 years", 16), ("16 years old", 16), ("16yo", 16), ("sixteen", 16),
    ("Nineteen", 19), ("twenty-one", 21), ("forty five", 45), ("19 ", 19)])
def test_age__written_with_years_or_in_words_is_read(written, age):
    result = read(f"learner_ref,age\nL1,{written}\n")
    assert result.rows[0].age == age and problems(result) == []


@pytest.mark.parametrize("written", ["about 20", "sixteen or seventeen", "19.5.1"])
def test_age__one_that_is_not_one_whole_number_of_years_is_still_said(written):
    result = read(f"learner_ref,age\nL1,{written}\n")
    assert result.rows[0].age is None
    assert [(p[0], p[1], p[2]) for p in problems(result)] == [(2, "age", "warning")]


def test_start__a_spreadsheets_day_number_in_a_csv_is_read_as_its_date_and_said(catalogue):
    """A CSV saved from a column not formatted as dates gives 42009 for 5 January 2015: it had
    been "not a date" and no finish was worked out. It is read, naming the date, as the
    number could be a slip."""
    result = read("learner_ref,target,glh_per_week,start\nL1,09628,5,42158\n")
    assert result.rows[0].start == dt.date(2015, 6, 3)
    assert problems(result) == [(2, "start", "warning",
                                 "42158 is read as 3 June 2015, the date a spreadsheet keeps as "
                                 "that number (format the column as dates to see it so)")]
    assert read("learner_ref,start\nL1,20150603\n").rows[0].start is None  # not a day number


def test_target__a_qualifications_full_title_is_read_as_it_and_said(catalogue):
    """A target given by its title, as a centre's MIS or a certificate names it: it had been
    "too long to be a qualification code" and the row was not assessed. A title several
    qualifications share (OCR's, OCN London's and the national structure's Level 2 Diploma)
    names none of them, and the row says which it could be."""
    result = assess(catalogue, read(
        "learner_ref,target,qualifications_held\n"
        "L1,OCR Level 3 NVQ Diploma in Customer Service,\n"
        "L2,09629,ocr level 2 certificate in principles of customer service\n"
        "L3,Level 2 Diploma in Customer Service,\n"))
    first, second, third = result.learners
    assert first.assessed and first.target.code == "03456"
    assert [q.code for q in second.held_qualifications] == ["09628"]
    assert third.target is None
    assert problems(result) == [
        (2, "target", "warning",
         "read the title 'OCR Level 3 NVQ Diploma in Customer Service' as 03456"),
        (3, "qualifications_held", "warning",
         "read the title 'ocr level 2 certificate in principles of customer service' as 09628"),
        (4, "", "error", "nothing in this row can be assessed: no known target, qualification "
                         "or unit, and no answers about the learner"),
        (4, "target", "warning",
         "'Level 2 Diploma in Customer Service' is the title of more than one qualification "
         "(10379, OCNLR L2 Diploma CS, S/016/608): give its code; left out"),
    ]


def _laid_out(rows: list[list[object]], lay_out) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "learners"
    for row in rows:
        sheet.append(row)
    lay_out(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_excel__a_cell_merged_down_over_several_learners_is_read_for_each_and_said(catalogue):
    """A target typed once and merged down over a group of learners shows on every row, but
    the file holds it in the first cell only: the rows below had been read with no target, and
    assessed for a level alone without a word."""
    data = _laid_out([["learner_ref", "age", "target"], ["L1", 19, "09629"], ["L2", 20, None],
                      ["L3", 21, None], ["L4", 22, "09628"]],
                     lambda sheet: sheet.merge_cells("C2:C4"))
    result = assess(catalogue, read_cohort(data, "intake.xlsx"))
    assert [learner.target.code for learner in result.learners] == [
        "09629", "09629", "09629", "09628"]
    assert problems(result) == [(2, "target", "warning",
                                 "the merged cell C2:C4 shows '09629' on rows 2 to 4: it is "
                                 "read for each of them")]


def test_excel__cells_merged_across_columns_are_read_in_the_first_only_and_said(catalogue):
    """Units typed in a cell merged across units_held and units_accepted: the file holds them
    in units_held only, and reading them as accepted too would be a guess."""
    data = _laid_out([["learner_ref", "target", "units_held", "units_accepted"],
                      ["L1", "03456", "F3", None]],
                     lambda sheet: sheet.merge_cells("C2:D2"))
    result = assess(catalogue, read_cohort(data, "intake.xlsx"))
    (learner,) = result.learners
    assert learner.held_units == ("K/601/1622",) and learner.progress is None
    assert problems(result) == [(2, "units_held", "warning",
                                 "the merged cell C2:D2 shows 'F3' across columns units_held "
                                 "to units_accepted: it is read in units_held only")]


def test_excel__hidden_rows_columns_and_sheets_are_read_and_said(catalogue):
    """A row hidden (a learner who left, say, or one a filter hides) or a column hidden is
    still in the file: it is read, as before, but no longer without a word, since the person
    uploading it may not know it is there."""
    def hide(sheet):
        sheet.row_dimensions[3].hidden = True
        sheet.column_dimensions["B"].hidden = True
        sheet.column_dimensions["D"].hidden = True  # the centre's own, kept without a word
    data = _laid_out([["learner_ref", "age", "target", "notes"], ["L1", 19, "09629", ""],
                      ["L2", 20, "09629", "left in May"]], hide)
    result = assess(catalogue, read_cohort(data, "intake.xlsx"))
    assert [learner.assessed for learner in result.learners] == [True, True]
    assert [p for p in problems(result) if "hidden" in p[3]] == [
        (1, "age", "warning", "column B (age) is hidden in the spreadsheet: it is read"),
        (3, "", "warning", "this row is hidden in the spreadsheet: it is read as any other "
                           "(delete it from the file if it is not a learner to check)"),
    ]
    book = openpyxl.Workbook()
    book.active.append(["Notes for tutors"])
    hidden = book.create_sheet("Data")
    hidden.append(["learner_ref", "target"])
    hidden.append(["L1", "09629"])
    hidden.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    result = read_cohort(buffer.getvalue(), "intake.xlsx")
    assert [r.learner_ref for r in result.rows] == ["L1"]
    assert problems(result) == [(None, "", "warning", "the learners are read from sheet 'Data', "
                                                      "which is hidden in the workbook")]


def test_age__worked_out_from_a_date_of_birth_on_the_date_of_the_check(catalogue):
    """A centre's MIS gives a date of birth, not an age: the column had been kept but not
    read, and every age check was then unknown. The age on the date of the check is worked
    out from it; beside an age that says otherwise, the age given is used and the two named."""
    result = assess(catalogue, read(
        "learner_ref,DOB,age,target\n"
        "L1,02/06/1998,,09628\n"   # 16: 17 the day after the check
        "L2,1998-06-01,,09628\n"   # 17 that day
        "L3,14/03/1990,19,09628\n"  # 25 by the date: the age given is used, and said
        "L4,14/03/2010,,09628\n"   # 5: not a learner's age
        "L5,sometime,,09628\n"))
    assert [learner.age for learner in result.learners] == [16, 17, 19, None, None]
    assert problems(result) == [
        (1, "date_of_birth", "warning", "column 'DOB' is read as 'date_of_birth': the learner's "
                                        "date of birth"),
        (4, "age", "warning", "an age of 19, but date_of_birth 14 March 1990 makes the learner "
                              "25 on 1 June 2015: the age given is used; check which is right"),
        (5, "date_of_birth", "warning", "14 March 2010 makes the learner 5 on 1 June 2015: an "
                                        "age of 5 is not plausible: give the learner's age in "
                                        "whole years (13 to 100); left empty, as if not given"),
        (6, "date_of_birth", "warning", "'sometime' is not a date: give one like 2026-09-01, "
                                        "01/09/2026 or 1 September 2026; left empty, as if not "
                                        "given"),
    ]


def test_units__given_by_their_titles_are_read_as_the_targets_units(catalogue):
    """A tracker's column of unit titles, as the check page's box reads them: they had each
    been "no unit '...' in the catalogue" (or "too long to be a unit reference"), and the
    learner planned as holding none. A title with a comma in it is one unit, not two."""
    result = assess(catalogue, read(
        "learner_ref,target,units_held\n"
        'L1,03456,"Deal with customers across a language divide; Use questioning techniques '
        'when delivering customer service"\n'
        'L2,03456,"Plan, organise and control customer service operations"\n'))
    first, second = result.learners
    assert first.held_units == ("A/601/1219", "A/601/1222")
    assert second.held_units == ("A/601/1236",)
    assert problems(result) == []


def test_headers__a_header_of_two_rows_under_group_headings_is_read_as_one(catalogue):
    """"Units" merged over units_held and units_accepted, the other headings merged down two
    rows: the second row had been read as a learner with no reference (an error) and its
    "units_held" as a unit not found."""
    def merge(sheet):
        for cells in ("A1:A2", "B1:C1", "D1:D2"):
            sheet.merge_cells(cells)
    data = _laid_out([["learner_ref", "Units", None, "target"],
                      [None, "units_held", "units_accepted", None],
                      ["L1", "F3", "C6", "03456"]], merge)
    result = assess(catalogue, read_cohort(data, "intake.xlsx"))
    (learner,) = result.learners
    assert learner.held_units == ("K/601/1622",)
    assert learner.progress.today.accepted  # C6, accepted by the centre
    assert problems(result) == [(2, "", "warning",
                                 "rows 1 and 2 are read together as the header: row 2 names "
                                 "columns under the headings of row 1")]


def test_learner_ref__one_written_two_ways_is_said_not_merged(catalogue):
    """'L1' and 'l1' may be one learner typed twice, or two: they are counted as written, and
    the row says which other reference it differs from only in case or spacing."""
    result = assess(catalogue, read("learner_ref,age,target\nL1,19,09628\nl1,19,09628\n"
                                    "Jo  Smith,20,09628\njo smith,20,09628\n"))
    assert len(result.counted_learners) == 4
    assert problems(result) == [
        (3, "learner_ref", "warning",
         "learner_ref 'l1' differs from 'L1' on row 2 only in capitals or spaces: if they are "
         "one learner, write it the same way on both rows (the summaries count them as two)"),
        (5, "learner_ref", "warning",
         "learner_ref 'jo smith' differs from 'Jo  Smith' on row 4 only in capitals or spaces: "
         "if they are one learner, write it the same way on both rows (the summaries count "
         "them as two)"),
    ]


@pytest.mark.parametrize(("written", "hours"), [("5 glh", 5.0), ("5 hours pw", 5.0),
                                                ("4 GLH per week", 4.0), ("6 hrs p/w", 6.0)])
def test_hours__written_as_guided_learning_hours_or_per_week_are_read(written, hours):
    """The column is guided learning hours a week: "5 glh" and "5 hours pw" say just that."""
    result = read(f"learner_ref,glh_per_week\nL1,{written}\n")
    assert result.rows[0].glh_per_week == hours and problems(result) == []


def test_age__a_date_of_birth_kept_as_a_spreadsheets_day_number_is_read_and_said(catalogue):
    result = assess(catalogue, read("learner_ref,date_of_birth,target\nL1,35827,09628\n"))
    assert [learner.age for learner in result.learners] == [17]
    assert problems(result) == [(2, "date_of_birth", "warning",
                                 "35827 is read as 1 February 1998, the date a spreadsheet "
                                 "keeps as that number (format the column as dates to see it "
                                 "so)")]


def test_headers__a_note_in_brackets_or_a_line_break_in_a_header_is_read_past():
    """Headers as centres write them: a hint in brackets ("Age (years)", "Date of birth
    (dd/mm/yyyy)") or wrapped onto two lines in the cell ("Units\\nheld"): the bracketed ones
    had been columns not read, the learners' ages unknown."""
    result = read('"Learner\nRef","Age (years)","Date of birth (dd/mm/yyyy)","Units\nheld",'
                  '"Target (code)"\nL1,19,01/02/1996,F3,03456\n')
    assert result.columns == ("learner_ref", "age", "date_of_birth", "units_held", "target")
    (row,) = result.rows
    assert (row.age, row.date_of_birth, row.units_held, row.target) == (
        19, dt.date(1996, 2, 1), ("F3",), "03456")


def test_read__an_opendocument_spreadsheet_is_named_as_one():
    """LibreOffice's .ods is a zip too: it had been called "another kind of file, such as a
    Word document, named .xlsx"."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    result = read_cohort(buffer.getvalue(), "intake.ods")
    assert problems(result) == [(None, "", "error",
                                 "intake.ods is an OpenDocument spreadsheet (.ods, as LibreOffice "
                                 "saves one), which is not read: save it as an Excel workbook "
                                 "(.xlsx) or as CSV UTF-8")]


@pytest.mark.parametrize("written", ["09629 - Level 3 Principles", "09629\n(Level 3)",
                                     "600/0752/7 OCR L3 Principles of Customer Service"])
def test_target__a_code_followed_by_words_is_read_by_its_code_and_said(catalogue, written):
    """A centre's system writes the code and a name in one cell: the row had not been
    assessed ("did you mean OCNLR L2 Principles?")."""
    source = read_cohort(("learner_ref,target\nL1,\"" + written + "\"\n").encode(), "i.csv")
    result = assess(catalogue, source)
    (learner,) = result.learners
    assert learner.assessed and learner.target.code == "09629"
    (said,) = problems(result)
    assert said[:3] == (2, "target", "warning") and said[3].startswith(
        f"read {written!r} as 09629, by the code it begins with")


def test_target__a_cell_with_two_codes_is_not_read_by_the_first(catalogue):
    result = assess(catalogue, read("learner_ref,target\nL1,09628 then 09629\n"))
    assert result.learners[0].target is None


def test_excel__hidden_rows_are_said_once_as_ranges_not_once_a_row(catalogue):
    """A filtered sheet hides hundreds of rows: each had its own warning, hundreds of lines
    burying every other problem. They are said once, naming the rows as ranges; so are
    hidden columns that are read, where there are several."""
    def hide(sheet):
        for number in [*range(5, 121), 130]:
            sheet.row_dimensions[number].hidden = True
        sheet.column_dimensions["B"].hidden = True
        sheet.column_dimensions["C"].hidden = True
    data = _laid_out([["learner_ref", "age", "target"],
                      *([f"L{n}", 19, "09629"] for n in range(2, 141))], hide)
    result = read_cohort(data, "intake.xlsx")
    assert len(result.rows) == 139
    assert [p for p in problems(result) if "hidden" in p[3]] == [
        (1, "", "warning", "columns B (age) and C (target) are hidden in the spreadsheet: "
                              "they are read"),
        (None, "", "warning", "rows 5-120 and 130 are hidden in the spreadsheet: they are read "
                              "as any others (delete them from the file if they are not "
                              "learners to check)"),
    ]


def test_read__a_leading_apostrophe_in_a_csv_cell_is_the_spreadsheets_text_mark(catalogue):
    """'09628, typed so that a spreadsheet keeps the leading zero, came through a CSV file as
    the code "'09628", found nowhere. The apostrophe marks text; it is not part of the value."""
    result = assess(catalogue, read("learner_ref,qualifications_held,target,age\n"
                                    "'L1,'09628,'09629,'19\n"))
    (learner,) = result.learners
    assert (learner.learner_ref, learner.age, learner.target.reference,
            [q.reference for q in learner.held_qualifications]) == ("L1", 19, "09629", ["09628"])
    assert problems(result) == []


def test_read__invisible_characters_pasted_from_the_web_are_read_past_and_said(catalogue):
    """A zero-width space or a non-breaking space pasted from a web page looks like nothing,
    or like a space, but made a code unknown ("\u200b09629") and a job title unmatched. They
    are read as nothing and as a space, and said once a column, naming the rows."""
    result = assess(catalogue, read(
        "learner_ref,target,job_role\n"
        "L1,\u200b09629,Call\u00a0Centre Operator\n"
        "L2,09629\u200b,Call Centre Operator\n"
        "L3,09629,\n"
        "L4\u200b,09\u200b629,\n"))
    assert [learner.target.reference for learner in result.learners] == ["09629"] * 4
    assert [learner.learner_ref for learner in result.learners] == ["L1", "L2", "L3", "L4"]
    pasted = ("characters that do not show, pasted from a web page or a document (a "
              "zero-width space or a non-breaking space): {} read without them (a non-breaking "
              "space as a space)")
    assert problems(result) == [
        (None, "target", "warning",
         "the cells of rows 2-3 and 5 hold " + pasted.format("they are")),
        (2, "job_role", "warning", "the cell holds " + pasted.format("it is")),
        (5, "learner_ref", "warning", "the cell holds " + pasted.format("it is")),
    ]


@pytest.mark.parametrize(("written", "age"), [("19.5", 19), ("17.99", 17), ("19.5 years", 19)])
def test_age__with_a_fraction_is_read_as_its_whole_years_and_said(written, age):
    """19.5, a spreadsheet's age worked out from a date of birth: the rules use whole years.
    It had been left empty, and every age check with it."""
    result = read(f"learner_ref,age\nL1,{written}\n")
    assert result.rows[0].age == age
    assert problems(result) == [(2, "age", "warning", f"{written.split()[0]} is read as {age}, "
                                 "the age in whole years the rules use")]


def test_age__fractions_on_many_rows_are_said_once():
    """A column of ages a spreadsheet worked out (YEARFRAC) has a fraction on every row: one
    warning, naming the rows, not one a learner."""
    result = read("learner_ref,age\n" + "".join(f"L{n},{n}.5\n" for n in range(20, 30))
                  + "L30,30\nL31,31.25\n")
    assert [row.age for row in result.rows] == [*range(20, 31), 31]
    assert problems(result) == [(None, "age", "warning", "the ages on rows 2-11 and 13 have a "
                                 "fraction of a year (on row 2, 20.5 is read as 20): each is "
                                 "read as its whole years, the age the rules use")]


@pytest.mark.parametrize("band", ["16-18", "16 - 18", "16 to 18", "19+", "16\u201318 years"])
def test_age__an_age_band_asks_for_the_age_or_a_date_of_birth(catalogue, band):
    """16-18, an age group a centre's system exports: no one age can be read from it, and it
    had been left empty with a note on whole numbers. Said for what it is, the row is assessed
    as if no age were given (nothing is lost: what depends on the age says so), or on a date
    of birth given beside the band."""
    result = assess(catalogue, read(f"learner_ref,age,date_of_birth,target\n"
                                    f"L1,{band},,09629\nL2,{band},14/03/1990,09629\n"))
    assert [(learner.assessed, learner.age) for learner in result.learners] == [
        (True, None), (True, 25)]
    shown = band
    assert problems(result) == [
        (2, "age", "warning", f"{shown!r} is an age band, not one age: give the age in whole "
                              "years, or the learner's date of birth in a date_of_birth "
                              "column; left empty, as if not given"),
        (3, "age", "warning", f"{shown!r} is an age band, not one age: the age is worked out "
                              "from date_of_birth instead"),
    ]


def test_results__the_age_worked_out_from_a_date_of_birth_is_a_column(catalogue, tmp_path,
                                                                      capsys):
    """Ages worked out from dates of birth decided the age checks, but no column said what
    they were: the results show the age used, on the page, in the downloads and from the
    command, wherever a date of birth was given (a file of ages alone has them already)."""
    text = ("learner_ref,DOB,age,target\nL1,02/06/1998,,09628\nL2,,20,09628\n"
            "L3,14/03/1990,19,09628\nL4,sometime,,09628\n")
    results = cohort_tables.results_frame(assess(catalogue, read(text)))
    assert list(results["age_used"]) == [16, 20, 19, pd.NA]
    assert list(results.columns).index("age_used") == list(results.columns).index("status") + 1
    on_screen = cohort_tables.results_on_screen(results)
    assert list(on_screen["Age used"]) == [16, 20, 19, pd.NA]
    plain = cohort_tables.results_frame(assess(catalogue, read(
        "learner_ref,age,target\nL1,19,09628\n")))
    assert "age_used" not in plain.columns
    assert "Age used" not in cohort_tables.results_on_screen(plain).columns

    learners = tmp_path / "in.csv"
    learners.write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["cohort", str(learners), "-o", str(out), "--as-at", "2015-06-01"]) == 0
    assert list(pd.read_csv(out)["age_used"].astype("Int64")) == [16, 20, 19, pd.NA]
    capsys.readouterr()
    assert main(["cohort", str(learners), "--as-at", "2015-06-01", "--json"]) == 0
    assert [learner["age"] for learner in json.loads(capsys.readouterr().out)["learners"]] == [
        16, 20, 19, None]


def test_learner_ref__one_learner_a_row_per_unit_is_read_as_one_and_said(catalogue):
    """A system's export gives a row per unit held, the learner's answers on the first: each
    row had been assessed as a learner of its own (the second with no target), and the
    summaries counted the first alone, short of the units on the others. Rows one after
    another with the same reference, nothing on them disagreeing, are one learner: their
    units combined, and said."""
    result = assess(catalogue, read(
        "learner_ref,age,target,units_held,tutor\n"
        "L1,34,03456,F3,Ann\n"
        "L1,,,F4,\n"
        "L1,34,,A3,Bob\n"
        "L2,20,09629,,\n"))
    assert [(learner.row, learner.learner_ref) for learner in result.learners] == [
        (2, "L1"), (5, "L2")]
    first = result.learners[0]
    assert first.assessed and first.age == 34 and first.target.reference == "03456"
    (one_row,) = assess(catalogue, read("learner_ref,age,target,units_held\n"
                                        "L1,34,03456,F3; F4; A3\n")).learners
    assert first.held_units == one_row.held_units and len(first.held_units) == 3
    assert dict(first.own_columns) == {"tutor": "Ann; Bob"}
    assert dict(first.given)["units_held"] == "F3; F4; A3"
    assert [p for p in problems(result) if p[1] != "tutor"] == [
        (2, "learner_ref", "warning",
         "learner_ref 'L1' is on rows 2-4, one after another, with nothing on them "
         "disagreeing: they are read as one learner (row 2 in the results), with units_held "
         "combined (F3; F4; A3) and tutor joined; each learner should be on one row"),
    ]


def test_learner_ref__rows_of_one_learner_that_disagree_are_not_merged_and_said(catalogue):
    """Two rows of one reference that disagree (two targets) cannot be read as one learner
    without choosing between them: both are assessed, and the second names the first, the
    column that differs and that each learner should be on one row."""
    result = assess(catalogue, read("learner_ref,target,units_held\n"
                                    "L2,03456,F3\nL2,09629,\n"))
    assert [learner.row for learner in result.learners] == [2, 3]
    assert problems(result) == [
        (3, "learner_ref", "warning",
         "learner_ref 'L2' is also on row 2, with other answers (target differs): each "
         "learner should be on one row. Each row is assessed on its own; the summaries count "
         "this learner once (the first of its rows that could be assessed): check which row is "
         "right"),
    ]


def test_learner_ref__rows_read_as_one_learner_still_count_as_rows_read(catalogue, tmp_path,
                                                                       capsys):
    """Four rows, three of them one learner's: "rows read" says four, from the command (its
    words and its JSON) as on the page, and the learners are two."""
    text = ("learner_ref,age,target,units_held\nL1,34,03456,F3\nL1,,,F4\nL1,,,A3\n"
            "L2,20,09629,\n")
    result = assess(catalogue, read(text))
    assert (result.rows_read, len(result.learners)) == (4, 2)
    learners = tmp_path / "intake.csv"
    learners.write_text(text, encoding="utf-8")
    assert main(["cohort", str(learners), "-o", str(tmp_path / "out.csv")]) == 0
    assert "Read 4 learner rows" in capsys.readouterr().out
    assert main(["cohort", str(learners), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows_read"] == 4


def test_learner_ref__rows_read_as_one_say_every_column_taken_from_a_later_row(catalogue):
    """A decision given on the second row only (units_accepted) was counted for the learner,
    but the warning named only the units held as combined."""
    result = assess(catalogue, read("learner_ref,age,target,units_held,units_accepted\n"
                                    "L1,34,03456,F3,\nL1,,,F4,C6\n"))
    ((row, column, _, message),) = problems(result)
    assert (row, column) == (2, "learner_ref")
    assert "units_held combined (F3; F4) and units_accepted combined (C6)" in message


def test_learner_ref__a_row_whose_cells_moved_is_not_read_into_the_row_above(catalogue):
    """A row whose cells a stray comma moved is not assessed: its cells cannot be trusted. Below
    a row of the same reference it had been read as more of that learner's units, the units
    from the moved cells added to the row above and the row said to be read as one."""
    result = assess(catalogue, read("learner_ref,target,units_held,job_role,age\n"
                                    "L1,03456,F3,,34\n"
                                    "L1,03456,F4,Advisor, Sales,34\n"))
    assert [(learner.row, learner.assessed) for learner in result.learners] == [
        (2, True), (3, False)]
    assert len(result.learners[0].held_units) == 1
    assert not [p for p in problems(result) if "read as one learner" in p[3]]


@pytest.mark.parametrize("text", [
    "learner_ref,age,target,units_held,units_accepted\nL1,34,03456,F3,\nL1,,,,C6\n",
    "learner_ref,age,target,units_held\nL1,34,03456,\nL1,,,F3\n",
], ids=["a decision alone below", "the units alone below"])
def test_learner_ref__a_later_row_adding_codes_of_another_column_is_read_as_one(catalogue,
                                                                                 text):
    """The rows were read as one only where one column's codes differed from row to row: a
    decision alone on the second row (units_accepted), or the units below a first row without
    them, left that row a learner of its own with nothing to assess, and its codes were lost."""
    result = assess(catalogue, read(text))
    ((row, assessed),) = [(learner.row, learner.assessed) for learner in result.learners]
    assert (row, assessed) == (2, True)
    ((_, column, _, message),) = problems(result)
    assert column == "learner_ref" and "read as one learner" in message


def test_learner_ref__copies_of_a_row_are_not_read_as_one(catalogue):
    """Rows whose codes are the same, row for row, add nothing: they are repeats, said as such."""
    result = assess(catalogue, read("learner_ref,age,target,units_held\n"
                                    "L1,34,03456,F3\nL1,,,F3\n"))
    assert [learner.row for learner in result.learners] == [2, 3]
    assert any(p[:2] == (3, "learner_ref") and "is also on row 2" in p[3]
               for p in problems(result))


def test_learner_ref__a_warning_on_a_row_read_into_another_stays_with_that_learner(catalogue):
    """A later row read as one with the first still has its own warnings: they belong to that
    learner's results (their problems), not to the file as a whole."""
    result = assess(catalogue, read("learner_ref,age,target,units_held,employment\n"
                                    "L1,34,03456,F3,\nL1,,,F4,wibble\n"))
    (learner,) = result.learners
    assert [(p.row, p.column) for p in learner.problems] == [(2, "learner_ref"),
                                                             (3, "employment")]
    assert [(p.row, p.column) for p in result.problems] == [(2, "learner_ref"),
                                                            (3, "employment")]
