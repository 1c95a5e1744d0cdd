"""Cohort mode: reading learner files, assessing them, safe downloads, and the cohort command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from advisor import (
    COLUMNS,
    Aim,
    CohortInput,
    CohortResult,
    Employment,
    Profile,
    assess_cohort,
    charts,
    check_combination,
    cohort_file,
    cohort_tables,
    read_cohort,
    recommend,
    resolve_units,
    to_csv_bytes,
    to_excel_bytes,
    units_of_qualification,
)
from advisor.cli import main
from tests.support.workbooks import workbook

TODAY = dt.date(2026, 11, 22)
HEADER = ",".join(c.name for c in COLUMNS)

# A file mixing good rows with every kind of mistake; spreadsheet row numbers in the comments.
MIXED = HEADER + "\n" + "\n".join([
    "L1,20,working,Call Centre Operator,no,knowledge,,D/502/9654,09628",  # 2 good
    "L2,30,working,,,,,X/123,03456",  # 3 unknown unit
    "L3,,working,Helpdesk Assistant,,,,3,09629",  # 4 no age: assessed, age checks unknown
    '"=HYPERLINK(""http://evil.example"",""click"")",25,working,,,,,,09628',  # 5 a formula
    "L5,40,working,Customer Service Team Leader,no,competence,,F3; K/601/1622; A3,03456",  # 6
    "L6,22,working,,,,,,0962x",  # 7 unknown target
    "L7,150,working,,,,,,09628",  # 8 absurd age
    "L8,1e9,,,,,,,",  # 9
    "L9,-3,,,,,,,",  # 10
    "L10,0,,,,,,,",  # 11
    ",30,working,,,,,,09628",  # 12 no reference
    "L12,45,sometimes,,maybe,fun,09999,,",  # 13 four bad cells
    "L1,19,not-working,,,,09628,,09629",  # 14 the same reference again; holds 09628
]) + "\n"

NOTHING_TO_ASSESS = ("nothing in this row can be assessed: no known target, qualification or unit, "
                     "and no answers about the learner")
MIXED_PROBLEMS = [
    (3, "units_held", "warning",
     "no unit 'X/123' in the catalogue; did you mean Y/601/1230, Y/601/1213, T/601/1235?; "
     "left out"),
    (5, "learner_ref", "warning",
     "'=HYPERLINK(\"http://evil.example\",\"cli...' looks like a spreadsheet formula; it is "
     "read as text, never calculated: type its value (a workbook saved by a spreadsheet keeps "
     "the values of its formulas)"),
    (6, "units_held", "warning", "unit K/601/1622 is listed twice; it is counted once"),
    (7, "target", "warning",
     "no qualification '0962x' in the catalogue; did you mean 09629, 09628?; "
     "left out"),
    # An answer that cannot be read is left empty and said; the rest of the row is assessed.
    (8, "age", "warning",
     "an age of 150 is not plausible: give the learner's age in whole years (13 to 100); left "
     "empty, as if not given"),
    (9, "", "error", NOTHING_TO_ASSESS),
    (9, "age", "warning", "'1e9' is not a whole number of years; left empty, as if not given"),
    (10, "", "error", NOTHING_TO_ASSESS),
    (10, "age", "warning",
     "an age of -3 is not plausible: give the learner's age in whole years (13 to 100); left "
     "empty, as if not given"),
    (11, "", "error", NOTHING_TO_ASSESS),
    (11, "age", "warning",
     "an age of 0 is not plausible: give the learner's age in whole years (13 to 100); left "
     "empty, as if not given"),
    (12, "learner_ref", "error", "learner_ref is empty: give each learner a reference"),
    (13, "employment", "warning",
     "'sometimes' is not one of: working, not-working; left empty, as if not given"),
    (13, "senior_role", "warning", "'maybe' is not one of: yes, no; left empty, as if not given"),
    (13, "aim", "warning",
     "'fun' is not one of: knowledge, competence, apprenticeship; left empty, as if not given"),
    (13, "qualifications_held", "warning",
     "no qualification '09999' in the catalogue; did you mean 09629?; left out"),
    (14, "learner_ref", "warning",
     "learner_ref 'L1' is also on row 2, with other answers (age, employment and target "
     "differ): each learner should be on one row. Each row is assessed on its own; the "
     "summaries count this learner once (the first of its rows that could be assessed): check "
     "which row is right"),
]

def read(text: str, name: str = "cohort.csv", **limits) -> CohortInput:
    return read_cohort(text.encode("utf-8"), name, **limits)


def assess(catalogue, text: str, name: str = "cohort.csv", **kwargs) -> CohortResult:
    return assess_cohort(catalogue, read(text, name), as_at=TODAY, **kwargs)


def problems(source) -> list[tuple[int | None, str, str, str]]:
    return [(p.row, p.column, p.severity.value, p.message) for p in source.problems]


def learner_file(*rows: str) -> str:
    return HEADER + "\n" + "\n".join(rows) + "\n"


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cells(data: bytes, sheet: str | None = None) -> list[list[object]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    book = workbook[sheet] if sheet else workbook.worksheets[0]
    return [list(row) for row in book.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def mixed(catalogue) -> CohortResult:
    return assess(catalogue, MIXED)


WHILE_CERTIFICATED = dt.date(2015, 6, 1)  # every target of MIXED still issued certificates


@pytest.fixture(scope="module")
def mixed_2015(catalogue) -> CohortResult:
    """MIXED on a day its targets still issued certificates, so that plans are worth making."""
    return assess_cohort(catalogue, read(MIXED), as_at=WHILE_CERTIFICATED)


# --------------------------------------------------------------------------------- template


def test_template__csv_round_trips_with_no_problems(catalogue):
    result = assess_cohort(catalogue, read_cohort(cohort_file.template_csv_bytes(), "t.csv"),
                           as_at=TODAY)
    assert result.problems == ()
    assert [learner.assessed for learner in result.learners] == [True, True, True]


def test_template__excel_round_trips_to_the_same_rows_and_explains_each_column():
    data = cohort_file.template_excel_bytes()
    from_excel = read_cohort(data, "template.xlsx")
    assert from_excel.problems == ()
    assert from_excel.rows == read_cohort(cohort_file.template_csv_bytes(), "t.csv").rows
    guide = cells(data, "guide")
    assert guide[0] == ["column", "required", "what it holds", "accepted values", "example"]
    assert [row[0] for row in guide[1:]] == [c.name for c in COLUMNS]
    assert guide[1][1] == "required" and {row[1] for row in guide[2:]} == {"optional"}
    learners = openpyxl.load_workbook(io.BytesIO(data))["learners"]
    assert learners.column_dimensions["I"].number_format == "@", "codes keep leading zeros"


def test_template__guide_text_names_every_column():
    text = cohort_file.template_guide_text()
    for column in COLUMNS:
        assert f"{column.name} ({'required' if column.required else 'optional'})" in text


# ------------------------------------------------------------------------- problems, by row


def test_read__mixed_file_reports_every_problem_by_row_and_column(mixed):
    assert problems(mixed) == MIXED_PROBLEMS


def test_read__bad_rows_are_marked_and_good_rows_assessed(mixed):
    status = {learner.row: learner.assessed for learner in mixed.learners}
    assert [row for row, ok in status.items() if not ok] == [9, 10, 11, 12]
    assert [row for row, ok in status.items() if ok] == [2, 3, 4, 5, 6, 7, 8, 13, 14]
    frame = cohort_tables.results_frame(mixed)
    bad = frame[frame["status"] == "not assessed"]
    assert list(bad["row"]) == [9, 10, 11, 12]
    assert bad["recommended_level"].isna().all() and bad["credits_counted"].isna().all()
    # a target is named where it was found, though nothing was worked out for it
    assert list(bad["target"]) == ["", "", "", "09628"]
    assert frame.loc[frame["row"] == 3, "problems"].item() == (
        "units_held: no unit 'X/123' in the catalogue; did you mean Y/601/1230, Y/601/1213, "
        "T/601/1235?; left out (warning)")


@pytest.mark.parametrize("row", [2, 4, 5, 6, 14])
def test_results__good_rows_agree_with_check(catalogue, mixed_2015, row):
    """Each assessed learner's target columns are what ``advisor check`` gives for the same
    target and units (with a held qualification's mandatory units counted as held)."""
    mixed = mixed_2015
    learner = next(x for x in mixed.learners if x.row == row)
    q = learner.target
    held = list(learner.held_units)
    for other in learner.held_qualifications:
        held += units_of_qualification(catalogue, other)[0]
    check = check_combination(catalogue, q, held)
    record = cohort_tables.results_frame(mixed).set_index("row").loc[row]
    assert record["credits_counted"] == check.credits_counted
    assert record["credits_required"] == check.credits_required
    assert record["complete"] == ("yes" if check.complete else "no")
    assert record["plan_credits"] == check.plan.additional_credits
    assert [u.split(" (")[1].split(")")[0] if "(" in u else u.split()[0]
            for u in record["plan_units"].split("; ") if u] == [u.urn for u in check.plan.units]


def test_results__same_units_as_the_cli_check(capsys, mixed_2015):
    main(["check", "03456", "--units", "F3,K/601/1622,A3", "--json"])
    out = json.loads(capsys.readouterr().out)
    record = cohort_tables.results_frame(mixed_2015).set_index("row").loc[6]
    assert record["credits_counted"] == out["credits_counted"] == 11
    assert record["plan_credits"] == out["plan"]["additional_credits"]
    assert record["rules_not_met"] == " | ".join(r["message"] for r in out["unmet"])


def test_results__a_held_qualification_carries_its_mandatory_units_over(mixed):
    record = cohort_tables.results_frame(mixed).set_index("row").loc[14]
    assert record["target"] == "09629"
    assert record["units_carried_over"].startswith("3 (D/502/9654)")
    assert record["credits_carried_over"] == 5 and record["credits_counted"] == 5
    assert "Held units that are not part of 09629: R/502/9652, Y/502/9653" in record["notes"]


def test_results__units_held_that_may_count_in_a_partly_listed_target_say_so(catalogue):
    """The sources list only some of 10380's units: 09628's are not said not to be part of
    it, only that they may count."""
    result = assess(catalogue, "learner_ref,target,qualifications_held\nL1,10380,09628\n")
    record = cohort_tables.results_frame(result).iloc[0]
    assert ("Held units that may count towards 10380 (the sources do not list all its units): "
            "R/502/9652, Y/502/9653, D/502/9654") in record["notes"]
    assert "not part of 10380" not in record["notes"]


def test_results__a_target_whose_certificates_ended_names_no_units_to_take(catalogue):
    """03456's certificates ended in 2019: its unmet rules are named, without the units to
    take for them, which the notes say cannot complete it."""
    result = assess(catalogue, "learner_ref,target,units_held\nL1,03456,F3 F4\n")
    record = cohort_tables.results_frame(result).iloc[0]
    assert record["complete"] == "no, certificates ended"
    assert record["rules_not_met"] and "for example" not in record["rules_not_met"]
    assert "take" not in record["rules_not_met"]
    assert "Group B, Impression and image: 1 more unit" in record["rules_not_met"]
    # Each item says what it is about: the total too, not a bare "30 more credits".
    assert record["rules_not_met"].endswith(" | in total: 30 more credits")


def test_results__a_learner_already_registered_is_not_told_they_cannot_enrol(catalogue):
    """In June 2017 09628 was closed to new learners but still issued certificates: a learner
    registered for it need not enrol, only finish, and is counted apart."""
    text = ("learner_ref,target,units_held,glh_per_week,registered\n"
            "R1,09628,D/502/9654,4,yes\nR2,09628,D/502/9654,4,no\n")
    result = assess_cohort(catalogue, read(text), as_at=dt.date(2017, 6, 1))
    records = cohort_tables.results_frame(result).set_index("learner_ref")
    assert records.loc["R1", "eligible"] == "already registered"
    assert records.loc["R1", "in_time"] == "yes"
    assert records.loc["R2", "eligible"] == "no"
    (target,) = cohort_tables.completion_by_target(result).to_dict("records")
    assert (target["registered"], target["not_eligible"], target["eligible"]) == (1, 1, 0)
    # Once certificates have ended, being registered no longer helps: counted as the rest.
    ended = assess_cohort(catalogue, read(text), as_at=TODAY)
    assert cohort_tables.results_frame(ended).set_index("learner_ref").loc["R1", "eligible"] \
        == "no"


def test_results__with_a_register_a_target_uses_its_dates(catalogue, tmp_path):
    """The register may end a target's certificates where the documents give no date (601/4404/X
    here, in a SYNTHETIC row): the intake then reads as the check page and the CLI do."""
    from advisor import import_register, open_register
    from tests.support.register import synthetic_row, write_register_csv

    source = write_register_csv(tmp_path / "ended.csv", [synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Qualification Level": "Level 1",
                         "Operational Start Date": "01/10/2014",
                         "Certification End Date": "31/08/2021"})])
    import_register(source, tmp_path / "r.sqlite3")
    register = open_register(tmp_path / "r.sqlite3")
    text = "learner_ref,target,units_held\nL1,601/4404/X,\n"
    plain = cohort_tables.results_frame(assess(catalogue, text)).iloc[0]
    assert plain["complete"] == "no"
    record = cohort_tables.results_frame(assess(catalogue, text, register=register)).iloc[0]
    assert (record["complete"], record["eligible"]) == ("no, certificates ended", "no")


def test_results__a_mistyped_unit_in_a_cell_keeps_the_units_beside_it(catalogue):
    """"F3 F4 ZZ9" (a column pasted into one cell, one entry mistyped): F3 and F4 count, and
    only ZZ9 is named as left out."""
    result = assess(catalogue, "learner_ref,target,units_held\nL1,03456,F3 F4 ZZ9\n"
                               "L2,09628,1 2 3 4\n")
    records = cohort_tables.results_frame(result).set_index("learner_ref")
    assert (records.loc["L1", "credits_counted"], records.loc["L2", "credits_counted"]) == (12, 13)
    assert [(p.row, p.message) for p in result.problems] == [
        (2, "no unit 'ZZ9' in 03456; left out"),
        (3, "'4' is not a unit number of 09628 (in 09629 it is H/502/9655): give the unit "
            "reference number; left out")]


def test_results__unit_lists_read_in_a_cell_as_the_check_page_and_units_option_read_them(
        catalogue):
    """A slash or a bar between unit numbers ("F3/F4/A3", "F3|F4|A3"), a URN with spaces for
    its slashes ("J 601 1627") and a full stop after a unit ("F3.; F4.") are read in an
    intake's cell as the check page's box and ``--units`` read them, with no problem."""
    result = assess(catalogue, "learner_ref,target,units_held\n"
                               "L1,03456,F3/F4/A3\nL2,03456,F3|F4|A3\n"
                               "L3,03456,J 601 1627; K 601 1622\nL4,03456,F3.; F4.; A3.\n")
    records = cohort_tables.results_frame(result).set_index("learner_ref")
    assert list(records["credits_counted"]) == [17, 17, 12, 17]
    assert result.problems == ()


def test_results__credits_levels_and_numbering_beside_a_unit_are_not_more_units(catalogue):
    """09629 numbers its units 1 to 5: "6 credits Level 3" written beside H/502/9655 (unit 4)
    must not tick unit 3 too, nor a list's "1." beside 09628's unit 3 tick unit 1; a number
    alone beside a unit is named, not counted."""
    result = assess(catalogue, "learner_ref,target,units_held\n"
                               "L1,09629,H/502/9655 6 credits Level 3\n"
                               "L2,09628,1. D/502/9654\n"
                               "L3,09628,1 D/502/9654\n")
    records = cohort_tables.results_frame(result).set_index("learner_ref")
    assert list(records["credits_counted"]) == [6, 5, 5]
    assert [(p.row, p.message[:39]) for p in result.problems] == [
        (4, "'1' beside other words is not read as a")]


def test_results__a_start_date_moves_the_finish_and_a_bad_one_is_said(catalogue):
    """An intake starting in January: the finish is worked out from each learner's start (a
    date cell, ISO or day first), not from the as-at date; a start that cannot be read is a
    warning, the row is assessed and no finish is given (counted from the as-at date, it would
    look right and be a month early); one before it is not worked out."""
    text = ("learner_ref,target,units_held,glh_per_week,start\n"
            "J1,601/4404/X,,5,2027-01-04\nJ2,601/4404/X,,5,04/01/2027\n"
            "J3,601/4404/X,,5,30/02/2027\nJ4,601/4404/X,,5,2026-01-05\n"
            "J5,601/4404/X,,5,\n")
    result = assess(catalogue, text)
    timelines = {r.learner_ref: r.progress.timeline for r in result.learners}
    assert timelines["J1"].start == timelines["J2"].start == dt.date(2027, 1, 4)
    assert timelines["J1"].reason.startswith("Not known: 143 guided learning hours at 5 a week "
                                             "from 4 January 2027")
    assert timelines["J5"].start == TODAY and timelines["J5"].finish_by is not None
    assert (timelines["J3"].finish_by, timelines["J3"].weeks, timelines["J3"].in_time) == (
        None, None, None)
    assert timelines["J3"].reason == (
        "Not worked out: the start given, '30/02/2027', cannot be used (this row's problems say "
        "why), and a finish counted from the date of this check instead could be wrong: "
        "correct the start.")
    frame = cohort_tables.results_frame(result).set_index("learner_ref")
    assert frame.loc["J3", "finish_by"] == "" and frame.loc["J1", "finish_by"]
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (4, "start", "'30/02/2027' is not a date: give one like 2026-09-01, 01/09/2026 or 1 "
                     "September 2026; left empty, so no finish is worked out until it is "
                     "corrected"),
        (5, "start", "5 January 2026 is before the date of this check, 22 November 2026: the "
                     "units held are those held on it, so no finish is worked out; give a start "
                     "on or after it")]
    assert timelines["J4"].reason.startswith("Not worked out: the start, 5 January 2026, is "
                                             "before the date of this check")
    # A spreadsheet's date cell reads as the same day.
    book = read_cohort(xlsx([["learner_ref", "start"], ["X1", dt.datetime(2027, 1, 4)]]),
                       "intake.xlsx")
    assert [learner.start for learner in book.rows] == [dt.date(2027, 1, 4)]


def test_results__a_learner_not_working_is_planned_without_a_job_bound_unit(catalogue):
    """601/4404/X's smallest plans may take 'Contribute to sales activities in a contact
    centre' (F/503/0392), which a source says is assessed by listening in to the learner's
    calls at work; one as small does without it. For a learner not working the intake plans
    as *Find a starting level* does, without it; the plan is no bigger."""
    result = assess(catalogue, learner_file("N1,17,not-working,,,,,,601/4404/X",
                                            "W1,30,working,,,,,,601/4404/X"))
    frame = cohort_tables.results_frame(result).set_index("learner_ref")
    assert "F/503/0392" not in frame.loc["N1", "plan_units"]
    assert frame.loc["N1", "plan_credits"] == frame.loc["W1", "plan_credits"]


def test_results__missing_age_makes_age_checks_unknown(catalogue):
    result = assess(catalogue, learner_file("A,,working,,,,,,601/4404/X",
                                            "B,,working,,,,,,09628", "C,30,working,,,,,,09628"))
    frame = cohort_tables.results_frame(result).set_index("learner_ref")
    assert all(learner.assessed for learner in result.learners)
    # 601/4404/X is approved for every age group, so a missing age changes nothing there.
    assert "Age not given" not in frame.loc["A", "eligibility_reasons"]
    # Its dates are not stated and its review date has passed: the status says both.
    assert frame.loc["A", "target_status"] == (
        "not known if open; its review date (31 August 2019) has passed; check with the "
        "awarding body that it is still offered")
    assert "Age not given, so whether the learner's age group is approved is unknown " \
           "(approved for: 16-18, 18+, 19+)." in frame.loc["B", "eligibility_reasons"]
    assert "Age not given" not in frame.loc["C", "eligibility_reasons"]
    early = assess_cohort(catalogue, read(learner_file("B,,working,,,,,,09628",
                                                       "C,30,working,,,,,,09628")),
                          as_at=dt.date(2015, 1, 1))
    assert [learner.eligibility.eligible for learner in early.learners] == [None, True]


def test_results__no_target_gives_the_level_only(catalogue):
    result = assess(catalogue, learner_file("A,17,not-working,,,knowledge,,,"))
    record = cohort_tables.results_frame(result).iloc[0]
    assert record["status"] == "assessed" and record["recommended_level"] == 1
    assert record["target"] == "" and pd.isna(record["credits_counted"])
    assert record["level_reasons"].startswith("Not working at present")


def test_results__frame_has_fixed_columns_and_types(mixed):
    frame = cohort_tables.results_frame(mixed)
    fixed = len(cohort_tables.RESULT_COLUMNS)
    assert tuple(frame.columns)[:fixed] == cohort_tables.RESULT_COLUMNS
    # then the file's columns as written
    assert tuple(frame.columns)[fixed:] == tuple(f"{c} as given" for c in HEADER.split(",")[1:])
    assert len(frame) == len(mixed.learners) == 13
    assert str(frame["credits_counted"].dtype) == "Int64"
    assert set(frame["status"]) == {"assessed", "not assessed"}
    assert set(frame["eligible"]) <= {"yes", "no", "unknown", ""}


def test_read__unit_numbers_within_the_target_get_suggestions(catalogue):
    result = assess(catalogue, learner_file("A,30,working,,,,,F33,03456"))
    assert problems(result) == [
        (2, "units_held", "warning",
         "no unit 'F33' in 03456; did you mean F3 (K/601/1622)?; left out")]
    assert result.learners[0].assessed


def test_results__keep_every_cell_the_file_gave_as_written(catalogue):
    """The results say what each column read held, as written: an age that could not be read,
    a target not found, a code read with its leading zero, all kept beside the answers."""
    result = assess(catalogue, learner_file("A,19 or 20,working,,,,9628,,CS-L3-XYZ",
                                            "B,30,working,,,,,F3; F4,9629"))
    frame = cohort_tables.results_frame(result).set_index("learner_ref")
    assert frame.loc["A", "age as given"] == "19 or 20"
    assert frame.loc["A", "target as given"] == "CS-L3-XYZ"
    assert frame.loc["A", "qualifications_held as given"] == "9628"
    assert frame.loc["B", "target"] == "09629" and frame.loc["B", "target as given"] == "9629"
    assert frame.loc["B", "units_held as given"] == "F3; F4"
    # A unit's level and credits in brackets are not units not found
    bracketed = assess(catalogue, learner_file('C,30,working,,,,,"F3 (L3, 6), (A3, B2)",03456'))
    assert not [p for p in bracketed.problems if p.column == "units_held"]
    assert len(bracketed.learners[0].held_units) == 3
    # Units that "Units" lists apart by commas are each read, none refused
    listed = assess(catalogue, learner_file(
        'D,30,working,,,,,"Units 1, 2 and 3 \u2013 achieved",09628'))
    assert not [p for p in listed.problems if p.column == "units_held"]
    assert len(listed.learners[0].held_units) == 3
    from advisor import cohort_json

    assert cohort_json.cohort_learner_dict(catalogue, result.learners[0])["as_given"][
        "age"] == "19 or 20"


def test_units_held__a_mark_of_its_own_after_a_unit_leaves_that_unit_out_too(catalogue):
    """A tracker's row saved as CSV puts a unit's status in a cell of its own ("C6, 60%"):
    the 60% is C6's, so C6 is not counted either (with it, 03456 would read complete), and the
    problem names both."""
    example = "F3, F4, A3, B2, C3, D1"
    result = assess(catalogue, learner_file(f'A,30,working,,,,,"{example}, C6, 60%",03456'))
    (learner,) = result.learners
    assert "D/601/1519" not in learner.held_units and len(learner.held_units) == 6
    assert any(p.column == "units_held" and "'C6' is left out too: '60%'" in p.message
               for p in result.problems)
    # A mark saying not achieved that names its own unit leaves the unit before alone.
    named = assess(catalogue, learner_file(f'B,30,working,,,,,"{example}, C6, not C8",03456'))
    assert "D/601/1519" in named.learners[0].held_units


def test_units_held__a_note_after_a_unit_said_achieved_leaves_it_counted(catalogue):
    """"C6 Signed off, returned to learner": the note after the comma follows a word saying
    C6 is achieved, so C6 is counted (it was left out as "C6, 60%" is), and the note is not
    named as something left out."""
    result = assess(catalogue, learner_file(
        'A,30,working,,,,,"F3, F4, A3, B2, C3, D1, C6 Signed off, returned to learner",03456'))
    assert "D/601/1519" in result.learners[0].held_units
    assert not [p for p in result.problems if p.column == "units_held"], result.problems


def test_read__a_code_that_lost_its_leading_zero_is_read_with_a_warning(catalogue):
    result = assess(catalogue, learner_file("A,30,working,,,,9628,,9629"))
    assert problems(result) == [
        (2, "qualifications_held", "warning",
         "read '9628' as 09628: spreadsheets drop the leading zeros of codes (format the column "
         "as text)"),
        (2, "target", "warning",
         "read '9629' as 09629: spreadsheets drop the leading zeros of codes (format the column "
         "as text)"),
    ]
    assert result.learners[0].target.code == "09629"


def test_read__thousands_of_units_in_one_cell_are_refused(catalogue):
    many = ";".join(["D/502/9654"] * 3000)
    result = assess(catalogue, learner_file(f"A,30,working,,,,,{many},09628",
                                            "B,30,working,,,,,D/502/9654,09628"))
    assert problems(result) == [
        (2, "units_held", "error",
         "3,000 references in one cell; at most 500 are read per learner: check the cell")]
    assert [learner.assessed for learner in result.learners] == [False, True]


def test_read__an_age_hundreds_of_digits_long_is_a_problem_not_a_crash(catalogue):
    result = assess(catalogue, learner_file("A," + "1" * 400 + ",working,,,,,,09628",
                                            "B,30,working,,,,,,09628"))
    assert problems(result) == [
        (2, "age", "warning", "an age of 111111111111... is not plausible: give the learner's "
         "age in whole years (13 to 100); left empty, as if not given")]
    assert [learner.assessed for learner in result.learners] == [True, True]


def test_read__an_unreadable_registered_answer_sets_the_row_aside(catalogue):
    """Left empty, "registered" means "no": a mistyped "yess" must not turn a registered
    learner into one told they cannot start, so that row is not assessed."""
    result = assess(catalogue, learner_file("A,30,working,,,,,,09628,,,,yess"))
    assert [(p.column, p.severity.value) for p in result.problems] == [("registered", "error")]
    assert [learner.assessed for learner in result.learners] == [False]


def test_read__unit_numbers_are_not_checked_against_an_unknown_target(catalogue):
    result = assess(catalogue, learner_file("A,30,working,,,,,F3; X/999/9999,9999x"))
    assert [(p.column, p.message.split(";")[0]) for p in result.problems] == [
        ("units_held", "unit number 'F3' means nothing without a known target"),
        ("units_held", "no unit 'X/999/9999' in the catalogue"),
        ("target", "no qualification '9999x' in the catalogue"),
    ]
    assert result.learners[0].assessed  # on what is known: working, aged 30


def test_assess__a_row_with_one_bad_code_is_assessed_with_the_valid_ones(catalogue):
    result = assess(catalogue, learner_file("A,30,working,,,,,D/502/9654; X/123; 1,09628"))
    (learner,) = result.learners
    assert learner.assessed
    assert learner.held_units == ("D/502/9654", "R/502/9652")
    assert learner.carry_over is not None and learner.carry_over.remaining.credits_counted == 9
    assert [(p.column, p.severity.value) for p in result.problems] == [("units_held", "warning")]


def test_assess__a_row_with_nothing_assessable_is_not_assessed(catalogue):
    result = assess(catalogue, learner_file("A,,,,,,X/1,F3,9999x"))
    (learner,) = result.learners
    assert not learner.assessed
    assert any(p.message.startswith("nothing in this row can be assessed")
               for p in result.problems)


# ----------------------------------------------------------------------------------- headers


def test_headers__matched_ignoring_case_spaces_and_underscores():
    text = "Learner Ref;AGE;Units Held;target_qualification\nA;30;D/502/9654;09628\n"
    result = read(text)
    assert result.problems == ()
    assert result.columns == ("learner_ref", "age", "units_held", "target")
    (row,) = result.rows
    assert (row.learner_ref, row.age, row.units_held, row.target) == (
        "A", 30, ("D/502/9654",), "09628")


def test_headers__unknown_columns_are_warnings_with_suggestions():
    result = read("learner_ref,unit_held,notes\nA,D/502/9654,x\n")
    kept = "is not one the advisor reads: it is kept, as it is, at the end of the results"
    assert problems(result) == [
        (1, "unit_held", "warning", f"column 'unit_held' {kept}; did you mean 'units_held'?"),
        (1, "notes", "warning", f"column 'notes' {kept}"),
    ]
    assert result.readable and len(result.rows) == 1


@pytest.mark.parametrize(("employment", "aim", "read_as"), [
    ("Part-time", "NVQ", (Employment.WORKING, Aim.COMPETENCE)),
    ("full time", "Principles", (Employment.WORKING, Aim.KNOWLEDGE)),
    ("In work", "Apprentice", (Employment.WORKING, Aim.APPRENTICESHIP)),
    ("not in work", "knowledge", (Employment.NOT_WORKING, Aim.KNOWLEDGE)),
])
def test_read__employment_and_aim_in_the_words_the_guide_itself_uses(employment, aim, read_as):
    """The guide calls competence "an NVQ" and knowledge "a Principles qualification"; a
    part-time or full-time job is work. They had been left out as not one of the choices."""
    result = read(f"learner_ref,employment,aim\nA,{employment},{aim}\n")
    (row,) = result.rows
    assert (row.employment, row.aim) == read_as and result.problems == ()


def test_headers__a_misspelt_other_name_suggests_the_column_it_is_read_as():
    """'Qualificaton' is a slip for 'qualification', which is read as the target: the
    suggestion names target, not qualifications_held (renamed so, the target would be read as
    a qualification already held); a short header like 'Mob' is not matched to 'job'."""
    result = read("learner_ref,Qualificaton,Mob\nA,09629,07700 900123\n")
    messages = {p[1]: p[3] for p in problems(result)}
    assert messages["Qualificaton"].endswith("; did you mean 'target'?")
    assert "did you mean" not in messages["Mob"]


def test_headers__a_missing_required_column_stops_the_file():
    """The error that stops the file comes first (in the app and the CLI alike), before the
    warning about the column it would ignore."""
    result = read("name,age\nA,30\n")
    assert not result.readable and result.rows == ()
    assert [p[2] for p in problems(result)] == ["error", "warning"]
    assert problems(result)[0] == (
        1, "learner_ref", "error",
        "missing required column 'learner_ref': the first row should name the columns (the "
        "template has them all); it names 'name', 'age'")


def test_headers__a_column_named_twice_stops_the_file():
    result = read("learner_ref,age,Age\nA,30,31\n")
    assert not result.readable
    assert problems(result) == [
        (1, "age", "error", "column 'age' appears twice (columns B and C): keep one")]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_read__comma_semicolon_and_tab_separated(separator):
    text = f"learner_ref{separator}units_held\nA{separator}D/502/9654\n"
    (row,) = read(text).rows
    assert row.units_held == ("D/502/9654",)


def test_read__blank_rows_are_skipped_and_row_numbers_kept():
    result = read("learner_ref,age\n\nA,30\n,\nB,x\n")
    assert [row.row for row in result.rows] == [3, 5]
    assert problems(result) == [(5, "age", "warning", "'x' is not a whole number of years; left "
                                                      "empty, as if not given")]


def test_read__a_csv_row_longer_than_its_header_is_not_assessed_and_the_cell_named():
    """"Customer Service Advisor, Sales" unquoted moves every cell after it, the last one
    empty: the row is refused, naming the cell, rather than assessed with its target in the
    units column."""
    result = read("learner_ref,job_role,target,units_held\nA,Advisor, Sales,03456,F3\n"
                  "B,Advisor,03456,F3\n")
    assert problems(result) == [(
        2, "", "error", "this row has 5 cells but the header names 4 columns, so a separator "
        "(a comma) inside a cell that is not in quotes has moved the cells after it (probably "
        "column 'job_role': 'Advisor' and 'Sales' are likely one cell); put that cell in double "
        "quotes (\"Advisor, Sales\") or save the file from a spreadsheet; the row is not "
        "assessed")]


def test_read__cells_beyond_the_header_of_a_workbook_come_back():
    """In a workbook no cell can move: a note typed beyond the named columns is read as it
    stands and comes back with the results, by its column's letter."""
    book = openpyxl.Workbook()
    book.active.append(["learner_ref", "job_role"])
    book.active.append(["A", "Manager", "a note"])
    data = io.BytesIO()
    book.save(data)
    result = read_cohort(data.getvalue(), "intake.xlsx")
    assert [p[:3] for p in problems(result)] == [(1, "column C", "warning")]
    assert [(r.learner_ref, r.job_role, r.own_columns) for r in result.rows] == [
        ("A", "Manager", (("column C", "a note"),))]


def test_read__a_file_with_only_a_header_is_read_with_a_warning():
    result = read(HEADER + "\n")
    assert result.readable and result.rows == ()
    assert problems(result) == [
        (None, "", "warning", "no learners: the file has only its header row (the column "
         "names); add one row per learner below it, as in the template")]


# --------------------------------------------------------------------------- unreadable files


def test_read__a_workbook_part_the_reader_does_not_understand_is_said_in_words():
    """An empty chart sheet beside the learners' sheet: openpyxl cannot read the workbook."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["learner_ref", "target"])
    book.create_chartsheet()
    data = io.BytesIO()
    book.save(data)
    result = read_cohort(data.getvalue(), "chart.xlsx")
    assert not result.readable
    assert [p.message for p in result.problems] == [
        "chart.xlsx could not be read: a part of the workbook (a chart sheet, say) is not one "
        "this reader understands. Copy the learners' sheet into a new workbook, or save it as "
        "'CSV UTF-8 (comma delimited)'"]


def test_read__a_csv_saved_by_excel_on_windows_reads_with_its_accents(catalogue):
    """Excel on Windows saves "CSV (Comma delimited)" in Windows' own encoding (cp1252), not
    UTF-8: "Zoë", "Café" and "£" were a refusal of the whole file."""
    data = ("learner_ref,target,units_held\nZo\u00eb Bront\u00eb,03456,F3\n"
            "Caf\u00e9 \u00a35,03456,F4\n").encode("cp1252")
    result = read_cohort(data, "intake.csv")
    assert result.readable
    assert [row.learner_ref for row in result.rows] == ["Zo\u00eb Bront\u00eb",
                                                        "Caf\u00e9 \u00a35"]
    # Said, as it is the reader's guess at the encoding.
    assert [p.message for p in result.problems] == [
        "intake.csv was read as Windows text (the encoding Excel saves 'CSV (Comma delimited)' "
        "in), not UTF-8: check that accented letters in the results read as in the file, or "
        "save it as 'CSV UTF-8 (comma delimited)'"]
    # A UTF-8 file with one stray byte is not: every accent would read garbled.
    slipped = "learner_ref\nZo\u00eb\n".encode() + b"\xff\n"
    assert not read_cohort(slipped, "intake.csv").readable


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv",
     "photo.csv is not a text file (it holds NUL bytes, as binary files do): upload a CSV file "
     "or an Excel workbook (.xlsx)"),
    # Neither UTF-8 nor Windows' own encoding (in which 0x81 is no character).
    (b"learner_ref\nZo\xeb\x81\n", "intake.csv",
     "intake.csv is not UTF-8 text: byte 0xEB on line 2 is not valid UTF-8 (the file was "
     "probably saved in another encoding): save it as 'CSV UTF-8 (comma delimited)' or as an "
     "Excel workbook (.xlsx)"),
    # Excel's "Unicode Text" is read (test_cohort_files); one cut short in a character is not
    ("learner_ref\nA\n".encode("utf-16") + b"\x00", "intake.csv",
     "intake.csv is marked as UTF-16 text (Excel's \"Unicode Text\") but does not read as it: "
     "it may have been cut short; save it as 'CSV UTF-8 (comma delimited)' or as an Excel "
     "workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "old.xls",
     "old.xls is in the old Excel 97-2003 format (.xls), which is not read: save it as an "
     "Excel workbook (.xlsx) or as CSV UTF-8"),
    (b"learner_ref\nA\n", "intake.xlsx",
     "intake.xlsx is not a valid Excel workbook (.xlsx): it is not the zip archive an .xlsx "
     "file is. If it is CSV text, name it .csv"),
    (b"PK\x03\x04broken", "intake.xlsx",
     "intake.xlsx is not a valid Excel workbook (.xlsx): it is not the zip archive an .xlsx "
     "file is. If it is CSV text, name it .csv"),
    (b"  \n", "empty.csv",
     "empty.csv is empty: the first row should name the columns (learner_ref, age, "
     "employment, job_role, senior_role, aim, qualifications_held, units_held, target, "
     "units_accepted, units_in_progress, glh_per_week, registered, start, date_of_birth)"),
])
def test_read__unreadable_files_say_why(data, name, message):
    result = read_cohort(data, name)
    assert not result.readable and result.rows == ()
    assert problems(result) == [(None, "", "error", message)]


QUOTE_LEFT_OPEN = 'learner_ref,age\n"L1,20\nL2,30\n'
QUOTE_LEFT_OPEN_SAYS = (
    "a quote (\") opens the learner_ref cell of row 2 (line 2 of the file: '\"L1,20') and is "
    "never closed, so lines 2 to 3 (the rest of the file) would be read as that one cell, "
    "merging the learners on them into one: remove the stray quote, or close it where the "
    "cell ends, and upload the file again; nothing in it was assessed")


@pytest.mark.parametrize(("text", "row", "column", "message"), [
    (QUOTE_LEFT_OPEN, 2, "learner_ref", QUOTE_LEFT_OPEN_SAYS),
    # A second stray quote closes the first: the learners between would merge, and L3 too.
    ('learner_ref;age\nL0;1\nL1;"20\nL2;30\n"L3;40\nL4;50\n', 3, "age",
     "a quote (\") opens the age cell of row 3 (line 3 of the file: 'L1;\"20') and closes "
     "only on line 5, with more text straight after it, so lines 3 to 5 would be read as "
     "that one cell, merging the learners on them into one: remove the stray quote, or close "
     "it where the cell ends, and upload the file again; nothing in it was assessed"),
    # Rows as a spreadsheet counts them: a cell with a line break in it is one row.
    ('learner_ref,units_held\nL0,"F3\nF4"\nL1,"F5\nL2,F6\n', 3, "units_held",
     "a quote (\") opens the units_held cell of row 3 (line 4 of the file: 'L1,\"F5') and is "
     "never closed, so lines 4 to 5 (the rest of the file) would be read as that one cell, "
     "merging the learners on them into one: remove the stray quote, or close it where the "
     "cell ends, and upload the file again; nothing in it was assessed"),
])
def test_read__a_quote_left_open_is_refused_naming_the_row_where_it_opened(text, row, column,
                                                                           message):
    """The lines after a quote left open would be one cell, one learner: L2 was lost without
    a word. The file is refused, as one without its learner_ref column is."""
    result = read(text)
    assert not result.readable and result.rows == ()
    assert problems(result) == [(row, column, "error", message)]


def test_read__a_quote_out_of_place_within_one_line_is_read_as_before():
    """Nothing is merged when a quoted cell ends on its own line: read leniently, as it was."""
    result = read('learner_ref,age\n"L1" ,20\nL2,"30\n')
    assert result.readable and result.problems == ()
    assert [(learner.learner_ref, learner.age) for learner in result.rows] == [("L1", 20),
                                                                                ("L2", 30)]


def test_read__a_zip_that_is_not_a_workbook_says_so():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    result = read_cohort(buffer.getvalue(), "intake.xlsx")
    assert not result.readable
    assert result.problems[0].message.startswith(
        "intake.xlsx is not a valid Excel workbook (.xlsx): ")


def test_read__a_word_document_named_xlsx_is_named_as_no_workbook_with_what_to_do():
    """A .docx renamed .xlsx is a zip archive too: the message says it holds no workbook and
    what to do, not the zip module's "There is no item named '[Content_Types].xml'"."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    (problem,) = read_cohort(buffer.getvalue(), "intake.xlsx").problems
    assert problem.message == (
        "intake.xlsx is not a valid Excel workbook (.xlsx): it is a zip archive with no "
        "workbook in it (another kind of file, such as a Word document, named .xlsx): open "
        "the learners' spreadsheet and save it as an Excel Workbook (.xlsx) or as CSV UTF-8")


def test_limits__size():
    data = learner_file("A,30,,,,,,,").encode()
    assert read_cohort(data, "c.csv", max_bytes=len(data)).readable
    result = read_cohort(data + b" ", "c.csv", max_bytes=len(data))
    assert problems(result) == [(None, "", "error", (
        f"c.csv is larger than {len(data) / 1e6:g} MB, the most read at once: split the cohort "
        "into smaller files"))]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_limits__rows(kind):
    rows = [["learner_ref"], ["A"], ["B"], ["C"]]
    data = (xlsx(rows) if kind == "xlsx"
            else "\n".join(r[0] for r in rows).encode())
    assert len(read_cohort(data, f"c.{kind}", max_rows=3).rows) == 3
    result = read_cohort(data, f"c.{kind}", max_rows=2)
    assert problems(result) == [(None, "", "error", (
        f"c.{kind} has more than 2 learner rows, the most read at once: split the cohort into "
        "smaller files"))]


# ------------------------------------------------------------------------------------- Excel


def test_excel__cells_are_read_as_typed_and_formulas_as_text(catalogue):
    data = xlsx([
        ["Learner Ref", "Age", "Senior Role", "Units Held", "Target"],
        ["A", 19, False, "D/502/9654", 9628],
        ["=1+1", 20.0, True, None, "09628"],
    ])
    result = assess_cohort(catalogue, read_cohort(data, "intake.xlsx"), as_at=TODAY)
    first, second = (learner for learner in result.learners)
    assert first.assessed and first.target.code == "09628"
    rows = read_cohort(data, "intake.xlsx").rows
    assert [(r.learner_ref, r.age, r.senior_role) for r in rows] == [
        ("A", 19, False), ("=1+1", 20, True)]
    assert problems(result) == [
        (2, "target", "warning",
         "read '9628' as 09628: spreadsheets drop the leading zeros of codes (format the column "
         "as text)"),
        (3, "learner_ref", "warning",
         "'=1+1' looks like a spreadsheet formula; it is read as text, never calculated: type "
         "its value (a workbook saved by a spreadsheet keeps the values of its formulas)"),
    ]
    assert second.assessed


def test_excel__results_round_trip(mixed):
    frame = cohort_tables.results_frame(mixed)
    data = to_excel_bytes(cohort_tables.result_sheets(mixed))
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == [
        "learners", "problems", "levels", "completion", "units needed"]
    back = pd.read_excel(io.BytesIO(data), sheet_name="learners", dtype=object)
    assert list(back.columns) == list(frame.columns)
    expected = frame.astype(object).where(frame.notna(), None)
    for column in frame.columns:
        got = [None if pd.isna(v) else v for v in back[column]]
        want = [None if v in (None, "") else v for v in expected[column]]  # text as typed
        assert got == want, column


# ------------------------------------------------------------------------- safe downloads


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\tx", "\rx",
                                   '=HYPERLINK("http://evil.example","x")'])
def test_safe__formula_leading_text_is_quoted_in_csv_and_text_in_xlsx(value):
    frame = pd.DataFrame({"learner_ref": [value, "plain"], value: ["a", "b"],
                          "credits": [-3, 4]})
    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"),
                                       newline="")))
    assert rows == [["learner_ref", "'" + value, "credits"], ["'" + value, "a", "-3"],
                    ["plain", "b", "4"]]
    # In a workbook the text is kept as typed, stored as text: never run as a formula.
    stored = value.replace("\r", "\n")  # XML reads a lone CR back as a line feed
    data = to_excel_bytes(frame)
    assert cells(data) == [["learner_ref", stored, "credits"], [stored, "a", -3],
                           ["plain", "b", 4]]
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["A2"].data_type == "s" and sheet["B1"].data_type == "s"


def test_safe__string_dtype_columns_are_quoted_too():
    frame = pd.DataFrame({"x": pd.array(["=1", None, "ok"], dtype="string"), "n": [1, 2, 3]})
    assert to_csv_bytes(frame).decode("utf-8-sig").splitlines() == [
        "x,n", "'=1,1", ",2", "ok,3"]


def test_safe__control_characters_do_not_break_excel():
    frame = pd.DataFrame({"x": ["a\x01b", "=\x02"]})
    assert cells(to_excel_bytes(frame)) == [["x"], ["a\ufffdb"], ["=\ufffd"]]


@pytest.mark.parametrize("ref", ["=1+1", "+441234", "-5", "@cmd"])
def test_safe__learner_references_come_out_quoted_in_csv_and_as_text_in_xlsx(catalogue, ref):
    result = assess(catalogue, learner_file(f"{ref},30,working,,,,,,09628"))
    frame = cohort_tables.results_frame(result)
    assert frame.loc[0, "learner_ref"] == ref  # the data is kept as given
    out = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"))))
    assert out[1][1] == "'" + ref
    assert cells(to_excel_bytes(frame))[1][1] == ref


# ------------------------------------------------------------------------------- summaries


def test_summaries__levels_completion_and_units_needed(mixed, mixed_2015):
    levels = cohort_tables.learners_per_level(mixed)
    assert list(levels.columns) == ["recommended_level", "learners"]
    # Every row once, but L1's two rows (2 and 14) as one learner: row 2, its first.
    assert levels["learners"].sum() == len(mixed.learners) - 1
    assert levels.set_index("recommended_level").loc["not assessed", "learners"] == 4
    completion = cohort_tables.completion_by_target(mixed).set_index("target")
    assert completion.loc["09628", "learners"] == 3  # row 8's unreadable age left empty
    assert completion.loc["09628", "complete"] == 0
    assert completion.loc["09628", "not_eligible"] == 3  # closed to entry on the date
    assert completion["learners"].sum() == sum(1 for learner in mixed.learners
                                               if learner.assessed and learner.target) - 1
    assert completion.loc["09629", "learners"] == 1  # row 4's; row 14's L1 is row 2's learner
    # Today every target of MIXED has stopped issuing certificates: no unit is worth planning.
    assert cohort_tables.units_most_needed(mixed).empty
    needed = cohort_tables.units_most_needed(mixed_2015)
    assert list(needed.columns) == ["urn", "title", "credits", "level", "learners", "targets"]
    top = needed.iloc[0]
    # 09628's unit 1: rows 5 and 8 (its unreadable age left empty) hold none of its units, row
    # 2 holds unit 3.
    assert (top["urn"], top["learners"]) == ("R/502/9652", 3)
    assert top["targets"] == "09628"
    assert list(needed["learners"]) == sorted(needed["learners"], reverse=True)


def test_results__a_target_whose_certificates_ended_is_neither_complete_nor_planned(
        catalogue):
    # 09628's three units meet its rules, but its certificates ended on 31 December 2017.
    intake = HEADER + ("\nA1,30,working,,,,,R/502/9652; Y/502/9653; D/502/9654,09628"
                       "\nA2,30,working,,,,,R/502/9652; Y/502/9653,09628\n")
    frame = cohort_tables.results_frame(assess(catalogue, intake)).set_index("learner_ref")
    assert frame.loc["A1", "complete"] == "rules met, certificates ended"
    assert frame.loc["A2", "complete"] == "no, certificates ended"
    assert frame.loc["A2", "plan_units"] == "" and pd.isna(frame.loc["A2", "plan_credits"])
    assert frame.loc["A2", "notes"].startswith("Certificates for it are no longer issued")
    assert frame.loc["A2", "rules_not_met"]  # which rules stay unmet is still said
    assert "Certificates for it" not in frame.loc["A1", "notes"]  # its rules are met
    # Nor do units in progress complete it: their column says so too.
    studying = HEADER + "\nE1,30,working,,,,,F3; F4; A3; B2; C3,03456,C6,D1\n"
    row = cohort_tables.results_frame(assess(catalogue, studying)).iloc[0]
    assert row["complete_when_in_progress_done"] == "rules met, certificates ended"
    # Holding the target itself is said as that, not as something beyond completing.
    holder = HEADER + "\nH1,30,working,,,,09628,,09628\n"
    held = cohort_tables.results_frame(assess(catalogue, holder)).iloc[0]
    assert held["complete"] == "yes" and held["notes"].startswith("Already holds 09628")
    assert "no further units" not in held["notes"]
    earlier = assess_cohort(catalogue, read(intake), as_at=WHILE_CERTIFICATED)
    before = cohort_tables.results_frame(earlier).set_index("learner_ref")
    assert (before.loc["A1", "complete"], before.loc["A2", "complete"]) == ("yes", "no")
    assert before.loc["A2", "plan_units"] != ""


def test_summaries__rules_met_after_certificates_ended_are_not_counted_complete(catalogue):
    # 09628's three units meet its rules, but its certificates ended on 31 December 2017.
    intake = HEADER + "\nA1,30,working,,,,,R/502/9652; Y/502/9653; D/502/9654,09628\n"
    completion = cohort_tables.completion_by_target(assess(catalogue, intake)).set_index(
        "target")
    assert completion.loc["09628", "complete"] == 0
    assert completion.loc["09628", "rules_met_certificates_ended"] == 1
    # One unit short: not "not complete yet", since it can no longer be completed.
    short = HEADER + "\nA1,30,working,,,,,R/502/9652; Y/502/9653,09628\n"
    ended = cohort_tables.completion_by_target(assess(catalogue, short)).set_index("target")
    assert (ended.loc["09628", "not_complete"],
            ended.loc["09628", "not_complete_certificates_ended"]) == (0, 1)
    assert "1 not complete with its certificates ended" in charts.describe_cohort_completion(
        ended.reset_index())
    while_open = cohort_tables.completion_by_target(assess_cohort(
        catalogue, read(intake, "cohort.csv"), as_at=dt.date(2016, 6, 1))).set_index("target")
    assert while_open.loc["09628", "complete"] == 1


# A002 is on rows 3 and 4, the same row pasted twice; B1's first row says nothing assessable.
REPEATED = learner_file(
    "A001,30,working,,,,,R/502/9652,09628",
    "A002,30,working,,,,,R/502/9652,09628",
    "A002,30,working,,,,,R/502/9652,09628",
    "B1,,,,,,,,",
    "B1,40,working,,,,,,03456",
)


def test_summaries__a_learner_reference_on_several_rows_is_counted_once(catalogue, tmp_path,
                                                                         capsys):
    result = assess(catalogue, REPEATED)
    assert result.repeated_references == ("A002", "B1")
    # B1 is counted from row 6, the first of its rows that could be assessed.
    assert [learner.row for learner in result.counted_learners] == [2, 3, 6]
    # Every row is still listed, and the second A002 is said to be counted once.
    assert list(cohort_tables.results_frame(result)["row"]) == [2, 3, 4, 5, 6]
    assert (4, "learner_ref", "warning",
            "learner_ref 'A002' is also on row 3; the summaries count this learner once"
            ) in problems(result)
    assert (6, "learner_ref", "warning",
            "learner_ref 'B1' is also on row 5, with other answers: each learner should be on "
            "one row. Each row is assessed on its own; the summaries count this learner once "
            "(the first of its rows that could be assessed): check which row is right"
            ) in problems(result)

    levels = cohort_tables.learners_per_level(result)
    assert levels["learners"].sum() == 3 and "not assessed" not in set(
        levels["recommended_level"])
    completion = cohort_tables.completion_by_target(result).set_index("target")
    assert completion.loc["09628", "learners"] == 2
    assert completion.loc["09628", "not_complete_certificates_ended"] == 2
    assert cohort_tables.certificates_ended_count(result) == 3
    # The charts draw the same counts.
    level_bars = charts.cohort_levels_chart(levels).data[0]
    assert sum(level_bars.y) == 3
    completion_bars = charts.cohort_completion_chart(completion.reset_index()).data
    assert sum(sum(bar.x) for bar in completion_bars) == 3
    # So do the Excel workbook's summary sheets.
    book = to_excel_bytes(cohort_tables.result_sheets(result))
    assert [row[:3] for row in cells(book, "completion")[1:]] == [
        ["09628", completion.loc["09628", "target_title"], 2],
        ["03456", completion.loc["03456", "target_title"], 1]]
    assert sum(row[1] for row in cells(book, "levels")[1:]) == 3
    assert len(cells(book, "learners")) == 6  # the header and every row

    note = ("2 learner references (A002 and B1) appear on more than one row; the summaries "
            "count each once, from the first of their rows that could be assessed. Every row "
            "is still listed in the results.")
    assert cohort_tables.repeated_references_note(result) == note
    # The command says so beside its totals, and its JSON names the references.
    learners = tmp_path / "in.csv"
    learners.write_text(REPEATED, encoding="utf-8")
    assert main(["cohort", str(learners), "-o", str(tmp_path / "out.csv"),
                 "--as-at", "2026-11-22"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == note
    assert main(["cohort", str(learners), "--as-at", "2026-11-22", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["rows_read"], data["learners_counted"], data["repeated_learner_refs"]) == (
        5, 3, ["A002", "B1"])
    assert sum(row["learners"] for row in data["learners_per_level"]) == 3


def test_summaries__one_repeated_reference_is_said_in_the_singular(catalogue):
    result = assess(catalogue, learner_file("A1,30,working", "A1,30,working", "A2,30,working"))
    assert cohort_tables.repeated_references_note(result) == (
        "1 learner reference (A1) appears on more than one row; the summaries count it once, "
        "from the first of its rows that could be assessed. Every row is still listed in the "
        "results.")
    assert cohort_tables.repeated_references_note(assess(catalogue, learner_file(
        "A1,30,working"))) == ""


def test_summaries__problems_frame(mixed):
    frame = cohort_tables.problems_frame(mixed)
    assert list(frame.columns) == ["row", "column", "severity", "message"]
    assert [tuple(r) for r in frame.itertuples(index=False)] == MIXED_PROBLEMS


# ------------------------------------------------------------------------------ assessing


def test_assess__progress_is_reported_from_zero_to_all(catalogue):
    rows = [f"L{n},30,working,,,,,,09628" for n in range(250)]
    calls: list[tuple[int, int]] = []
    assess_cohort(catalogue, read(learner_file(*rows)), as_at=TODAY,
                  progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 250) and calls[-1] == (250, 250)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert 10 < len(calls) <= 102


# (employment, job role, senior role, aim, qualifications held), each at every age below.
SITUATIONS = [
    ("working", "Call Centre Operator", "no", "knowledge", ""),
    ("working", "CALL CENTRE OPERATORS", "no", "knowledge", ""),
    ("working", "barista", "", "", ""),
    ("working", "BARISTA", "", "", ""),
    ("not-working", "", "", "competence", ""),
    ("working", "Department Manager", "yes", "competence", ""),
    ("working", "team leader", "", "apprenticeship", "09628"),
]
AGES = ["", "14", "15", "16", "17", "18", "19", "45"]


@pytest.mark.parametrize("as_at", [TODAY, dt.date(2015, 1, 1)])  # 2015: ages matter
def test_assess__shared_answers_are_exactly_what_recommend_gives(catalogue, as_at):
    """The cohort works a recommendation out once per group of learners it treats as alike
    (same age groups, same matched roles); every learner's level, reasons and cautions must
    still be exactly ``recommend``'s for that learner (without their units, and without the
    list of qualifications at the level: a cohort checks each learner's own target instead)."""
    rows = [f"L{n},{age},{e},{role},{senior},{aim},{held},D/502/9654,"
            for n, (age, (e, role, senior, aim, held)) in enumerate(
                (age, situation) for situation in SITUATIONS for age in AGES)]
    result = assess_cohort(catalogue, read(learner_file(*rows)), as_at=as_at)
    assert result.problems == () and len(result.learners) == len(rows)
    for learner, row in zip(result.learners, rows, strict=True):
        _, age, employment, role, senior, aim, held, _, _ = row.split(",")
        direct = recommend(catalogue, Profile(
            age=int(age) if age else None, employment=Employment(employment),
            role=role or None, senior_role={"yes": True, "no": False}.get(senior),
            aim=Aim(aim) if aim else None,
            held_qualifications=("ocr-09628",) if held else (),
        ), as_at=as_at, list_options=False)
        assert (learner.recommended_level, learner.level_reasons, learner.level_cautions) == (
            direct.recommended_level, direct.reasons, direct.cautions), row


def test_core__resolves_units_like_the_cli(catalogue):
    q = catalogue.find_qualification("03456")
    assert resolve_units(catalogue, ["F3"], q) == ["K/601/1622"]
    (row,) = assess(catalogue, learner_file("A,30,,,,,,F3,03456")).learners
    assert row.held_units == ("K/601/1622",)


# ------------------------------------------------------------------------------------- CLI


@pytest.fixture
def mixed_file(tmp_path):
    path = tmp_path / "intake.csv"
    path.write_text(MIXED, encoding="utf-8")
    return path


def test_cli__writes_the_results_frame_and_a_summary(catalogue, capsys, tmp_path, mixed_file):
    out = tmp_path / "placed.csv"
    listed = tmp_path / "problems.csv"
    code = main(["cohort", str(mixed_file), "-o", str(out), "--problems", str(listed),
                 "--as-at", "2026-11-22"])
    assert code == 0
    expected = assess(catalogue, MIXED, name="intake.csv")
    assert out.read_bytes() == to_csv_bytes(cohort_tables.results_frame(expected))
    assert listed.read_bytes() == to_csv_bytes(cohort_tables.problems_frame(expected))
    text = capsys.readouterr().out
    assert text.startswith(f"Read 13 learner rows from {mixed_file}: 9 assessed, 4 not "
                           "assessed (as at 22 November 2026).")
    assert "  row 3, units_held (warning): no unit 'X/123' in the catalogue" in text
    assert "  row 6, units_held (warning): unit K/601/1622 is listed twice" in text


def test_cli__excel_output_has_every_sheet(tmp_path, mixed_file):
    out = tmp_path / "placed.xlsx"
    assert main(["cohort", str(mixed_file), "-o", str(out), "--as-at", "2026-11-22"]) == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["learners", "problems", "levels", "completion",
                                   "units needed"]
    assert workbook["learners"]["B5"].value == '=HYPERLINK("http://evil.example","click")'
    assert workbook["learners"]["B5"].data_type == "s"  # text, never a formula


def test_cli__the_summary_says_when_whether_learners_can_enrol_is_not_known(tmp_path, capsys):
    """The sources give 10379 no dates: its learners are not counted as unable to enrol."""
    learners = tmp_path / "in.csv"
    learners.write_text("learner_ref,target\nL1,10379\nL2,10379\nL3,03456\n", encoding="utf-8")
    assert main(["cohort", str(learners), "-o", str(tmp_path / "out.csv"),
                 "--as-at", "2026-11-22"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert ("Target 10379: 2 learners, 0 complete already, 0 can enrol on the date; whether 2 "
            "can is not known.") in lines
    assert ("Target 03456: 1 learner, 0 complete already, 1 short of its rules with its "
            "certificates ended, 0 can enrol on the date.") in lines


def test_cli__json(capsys, tmp_path, mixed_file):
    out = tmp_path / "placed.csv"
    assert main(["cohort", str(mixed_file), "-o", str(out), "--as-at", "2026-11-22",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["rows_read"], data["assessed"], data["not_assessed"]) == (13, 9, 4)
    assert [(p["row"], p["column"], p["severity"], p["message"]) for p in data["problems"]] \
        == MIXED_PROBLEMS
    assert [r["learner_ref"] for r in data["learners"]][:2] == ["L1", "L2"]
    assert data["learners"][1]["recommended_level"] == 2  # assessed without the unknown unit


def _number(value) -> int | None:
    return None if pd.isna(value) else int(value)


def test_cli__json_gives_values_not_words_as_the_other_commands_do(capsys, mixed_file,
                                                                    mixed_2015):
    """Each learner's record is the results file's row as values: true, false or null,
    numbers, and lists, each reason with its source (as check and eligibility give them), not
    the file's words joined with " | "; and it says what the file says."""
    assert main(["cohort", str(mixed_file), "--as-at", WHILE_CERTIFICATED.isoformat(),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    frame = cohort_tables.results_frame(mixed_2015).set_index("row")
    words = {True: "yes", False: "no", None: "unknown"}
    for record in data["learners"]:
        row = frame.loc[record["row"]]
        assert record["assessed"] is (row["status"] == "assessed")
        assert sorted(p["message"] for p in record["problems"]) == sorted(
            p.message for p in mixed_2015.problems if p.row == record["row"])
        reasons = (record["level_reasons"] + record["level_cautions"]
                   + record["eligibility_reasons"] + record["rules_not_met"] + record["notes"])
        assert all(isinstance(reason["source"], list) for reason in reasons)
        if record["target"] is None or not record["assessed"]:
            assert (record["complete"], record["eligible"], record["plan_units"]) == (
                None, None, [])
            continue
        assert record["target"]["code"] or record["target"]["regulator_number"]
        assert (words[record["complete"]], words[record["eligible"]]) == (
            row["complete"], row["eligible"])
        assert [record["credits_counted"], record["credits_required"], record["plan_credits"],
                record["credits_carried_over"]] == [
            _number(row[c]) for c in ("credits_counted", "credits_required", "plan_credits",
                                      "credits_carried_over")]
        assert " | ".join(r["message"] for r in record["rules_not_met"]) == row["rules_not_met"]
        assert " | ".join(n["message"] for n in record["notes"]) == row["notes"]
        assert all(reason["source"] for reason in record["eligibility_reasons"])
    l1 = data["learners"][0]
    assert (l1["learner_ref"], l1["recommended_level"], l1["complete"]) == ("L1", 2, False)
    assert [u["urn"] for u in l1["units_carried_over"]] == ["D/502/9654"]
    assert all(isinstance(u["credits"], int) for u in l1["plan_units"]) and l1["plan_units"]
    # The summaries too: a level is a number, the targets a unit is needed for a list.
    levels = cohort_tables.learners_per_level(mixed_2015)["recommended_level"]
    assert [f"Level {e['recommended_level']}" if e["recommended_level"] is not None
            else "no level suggested" if e["assessed"] else "not assessed"
            for e in data["learners_per_level"]] == list(levels)
    needed = cohort_tables.units_most_needed(mixed_2015, limit=10)
    assert [(u["urn"], u["learners"], "; ".join(u["targets"]))
            for u in data["units_most_needed"]] == list(
        zip(needed["urn"], needed["learners"], needed["targets"], strict=True))


def test_cli__json_says_registered_and_certificates_ended_as_values(capsys, tmp_path):
    """The file's "already registered" and "no, certificates ended" as the values they
    rest on."""
    learners = tmp_path / "in.csv"
    learners.write_text("learner_ref,target,units_held,glh_per_week,registered\n"
                        "R1,09628,D/502/9654,4,yes\n", encoding="utf-8")

    def record(as_at: str) -> dict:
        assert main(["cohort", str(learners), "--as-at", as_at, "--json"]) == 0
        (found,) = json.loads(capsys.readouterr().out)["learners"]
        return found

    # June 2017: closed to new learners, but a learner registered can still finish.
    r1 = record("2017-06-01")
    assert (r1["registered"], r1["certificates_ended"], r1["eligible"]) == (True, False, False)
    assert (r1["timeline"]["in_time"], r1["complete"]) == (True, False)
    assert r1["plan_units"] and r1["plan_credits"] > 0
    # Once certificates have ended: no plan, and each rule not met says only what it lacks.
    r1 = record("2026-11-22")
    assert (r1["target_status"]["value"], r1["certificates_ended"], r1["complete"]) == (
        "certification-closed", True, False)
    assert (r1["plan_units"], r1["plan_credits"], r1["plan_glh"]) == ([], None, None)
    assert r1["notes"][0] == {"message": "Certificates for it are no longer issued, so no "
                                         "further units can complete it.", "source": []}
    assert r1["rules_not_met"] and all("take" not in rule["message"]
                                       for rule in r1["rules_not_met"])


def test_cli__json_alone_prints_every_learner_and_writes_no_file(capsys, tmp_path,
                                                                 mixed_file):
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["cohort", str(mixed_file), "--as-at", "2026-11-22", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["output"] is None and len(data["learners"]) == 13
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert main(["cohort", str(mixed_file)]) == 2  # without --json, a file is needed
    assert "give -o OUT.csv or -o OUT.xlsx for the results (or --json to print them)" in (
        capsys.readouterr().err)


def test_cli__a_quote_left_open_is_said_with_its_row_and_nothing_is_written(tmp_path,
                                                                            capsys):
    learners = tmp_path / "intake.csv"
    learners.write_text(QUOTE_LEFT_OPEN, encoding="utf-8")
    out = tmp_path / "placed.csv"
    assert main(["cohort", str(learners), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"advisor: {learners}: row 2, learner_ref: {QUOTE_LEFT_OPEN_SAYS}\n")
    assert not out.exists()
    assert main(["cohort", str(learners), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["readable"] is False
    assert data["problems"] == [{"row": 2, "column": "learner_ref", "severity": "error",
                                 "message": QUOTE_LEFT_OPEN_SAYS}]


def test_cli__template_then_assess_it(tmp_path, capsys):
    template = tmp_path / "learners.xlsx"
    assert main(["cohort", "--template", str(template)]) == 0
    assert "its 'guide' sheet explains each column" in capsys.readouterr().out
    out = tmp_path / "out.csv"
    assert main(["cohort", str(template), "-o", str(out)]) == 0
    assert "3 assessed, 0 not assessed" in capsys.readouterr().out
    csv_template = tmp_path / "learners.csv"
    assert main(["cohort", "--template", str(csv_template)]) == 0
    assert "units_held (optional)" in capsys.readouterr().out
    assert csv_template.read_bytes() == cohort_file.template_csv_bytes()


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["cohort"], 2, "give the learners file (CSV or .xlsx), or --template FILE"),
    (["cohort", "{in}"], 2, "give -o OUT.csv or -o OUT.xlsx for the results"),
    (["cohort", "{in}", "-o", "{tmp}/out.txt"], 2, "give a file name ending .csv or .xlsx"),
    (["cohort", "{tmp}/missing.csv", "-o", "{tmp}/o.csv"], 1, "cannot read"),
    (["cohort", "{tmp}/binary.csv", "-o", "{tmp}/o.csv"], 1,
     "binary.csv is not a text file"),
    (["cohort", "{in}", "-o", "{in}"], 2, "would overwrite the learners file"),
    # Nor the problems or the template, nor two outputs one another.
    (["cohort", "{in}", "-o", "{tmp}/o.csv", "--problems", "{in}"], 2,
     "--problems {in} would overwrite the learners file"),
    (["cohort", "--template", "{in}", "{in}", "-o", "{tmp}/o.csv"], 2,
     "--template {in} would overwrite the learners file"),
    (["cohort", "{in}", "-o", "{tmp}/o.csv", "--problems", "{tmp}/o.csv"], 2,
     "-o and --problems name the same file"),
    (["cohort", "{in}", "-o", "{tmp}/no/such/folder.csv"], 1, "cannot write"),
    (["cohort", "--template", "{tmp}/no/such/folder.csv"], 1, "cannot write"),
])
def test_cli__exit_codes(capsys, tmp_path, mixed_file, argv, code, message):
    (tmp_path / "binary.csv").write_bytes(b"\x00\x01\x02")
    args = [a.format(tmp=tmp_path, **{"in": mixed_file}) for a in argv]
    before = mixed_file.read_bytes()
    assert main(args) == code
    assert message.format(**{"in": mixed_file}) in capsys.readouterr().err
    assert not (tmp_path / "o.csv").exists()
    assert mixed_file.read_bytes() == before  # the learners file is never written





def test_cli__an_output_that_is_the_learners_file_by_another_name_is_refused(
        capsys, tmp_path, mixed_file):
    """A hard link names the same file under another path: writing to it would overwrite
    the learners file all the same."""
    other_name = tmp_path / "same.csv"
    os.link(mixed_file, other_name)
    before = mixed_file.read_bytes()
    assert main(["cohort", str(mixed_file), "-o", str(other_name)]) == 2
    assert "would overwrite the learners file" in capsys.readouterr().err
    assert mixed_file.read_bytes() == before


def test_summaries__the_screen_shows_the_deciding_columns_with_readable_headings(catalogue,
                                                                                 mixed):
    shown = cohort_tables.results_on_screen(cohort_tables.results_frame(mixed))
    # The short answers first (the level suggested among them), in view on a narrow screen.
    assert list(shown.columns)[:8] == ["Learner", "Row", "Assessed", "Level", "Target",
                                       "Can start", "Complete", "Target on the date"]
    assert not any("_" in column for column in shown.columns)
    assert len(shown) == len(mixed.learners)
    # A held unit that does not count towards the target is said on screen too, not only in
    # the downloads.
    assert list(shown.columns)[-1] == "Notes"
    one = cohort_tables.results_on_screen(cohort_tables.results_frame(assess(
        catalogue, "learner_ref,target,units_held\nL107,03456,F3; B2; D/502/9654\n")))
    assert "Held units that are not part of 03456: D/502/9654" in one.loc[0, "Notes"]


def test_results__a_target_that_cannot_be_read_is_said_where_the_target_goes(catalogue):
    """A target the catalogue does not have: the row's other answers are still worked out,
    but its Target cell says the target was not found, not blank as if none was given."""
    result = assess(catalogue, "learner_ref,age,target\nT1,19,99999\nT2,19,\n")
    frame = cohort_tables.results_frame(result)
    assert list(frame["target"]) == ["not found: see the problems", ""]
    shown = cohort_tables.results_on_screen(frame)
    assert shown.loc[0, "Target"] == "not found: see the problems"
    assert [learner.assessed for learner in result.learners] == [True, True]


def test_held__a_national_structure_is_refused_as_the_cli_refuses_it(catalogue):
    """S/016/608 is the national structure 10379 follows, not a qualification anyone holds: a
    warning on its row and column says so, and it is left out of what the learner holds."""
    result = assess(catalogue, "learner_ref,target,qualifications_held\nA,10380,S/016/608\n")
    assert (2, "qualifications_held", "warning",
            "S/016/608 is a national structure, not a qualification a learner can hold: give "
            "the awarding body's version; left out") in problems(result)
    (learner,) = result.learners
    assert learner.held_qualifications == ()


def test_held__several_qualifications_one_with_units_not_listed_leaves_the_count_open(
        catalogue):
    """A learner holding 09628 and 03455 (whose units the sources do not list), aiming for
    03456: whether a unit of 03455 counts is not known, as for 03455 alone."""
    result = assess(catalogue, "learner_ref,target,qualifications_held\n"
                               "A,03456,09628; 03455\n")
    (learner,) = result.learners
    assert learner.carry_over is not None
    assert learner.carry_over.held_units_known is False
    assert learner.carry_over.held_may_count


def test_units_needed__a_learner_without_a_plan_is_counted_as_left_out(catalogue):
    """10380's units are listed too sparsely for a plan: its learner is in no bar of the units
    still needed, and counted among those left out, as one whose target has ended is."""
    result = assess(catalogue, "learner_ref,target,units_held\n"
                               "A,10380,\nB,10379,A/506/2130\nC,10379,A/506/2130\n")
    assert cohort_tables.no_plan_count(result) == 1
    needed = cohort_tables.units_most_needed(result)
    assert set(needed["targets"]) == {"10379"}
    assert cohort_tables.certificates_ended_count(result) == 0


def test_results__no_finish_date_for_a_target_whose_certificates_have_ended(catalogue):
    """09629's certificates ended in 2017: a learner short of it today gets no date to finish
    by (nor a plan), only that it is too late; while they were issued, the date is given."""
    text = ("learner_ref,target,units_held,glh_per_week\n"
            "AB-05,09629,D/502/9654,2\n")
    (today,) = cohort_tables.results_frame(assess(catalogue, text)).to_dict("records")
    assert (today["finish_by"], today["in_time"], today["plan_units"]) == ("", "no", "")
    then = assess_cohort(catalogue, read(text, "cohort.csv"), as_at=WHILE_CERTIFICATED)
    (row,) = cohort_tables.results_frame(then).to_dict("records")
    assert row["finish_by"] and row["in_time"] == "yes"


def test_excel__the_finish_date_is_a_date_cell_so_that_the_column_sorts_by_date(catalogue):
    """In the workbook, finish_by is a date (shown as the CSV writes it, "25 July 2027"), not
    text: sorted as text, "25 July 2027" came before "3 January 2027"."""
    text = ("learner_ref,target,glh_per_week,start\n"
            "A,601/4404/X,5,4/1/27\nB,601/4404/X,,\n")
    result = assess_cohort(catalogue, read(text), as_at=dt.date(2026, 12, 2))
    sheet = openpyxl.load_workbook(io.BytesIO(to_excel_bytes(
        cohort_tables.result_sheets(result))))["learners"]
    header = [cell.value for cell in sheet[1]]
    first, second = (sheet.cell(row, header.index("finish_by") + 1) for row in (2, 3))
    assert (first.is_date, first.value.date(), first.number_format) == (
        True, dt.date(2027, 7, 25), "d mmmm yyyy")
    assert second.value is None
    assert cohort_tables.results_frame(result)["finish_by"].tolist() == ["25 July 2027", ""]


def test_read__a_huge_number_in_a_spreadsheet_cell_is_quoted_as_it_reads():
    """An Excel cell holding 1E+308 in glh_per_week: said as the number it is, not as the
    309 digits of its whole value (cut to twenty)."""
    book = read_cohort(xlsx([["learner_ref", "glh_per_week"], ["X1", 1e308]]), "intake.xlsx")
    assert [p.message for p in book.problems] == [
        "'1e+308' hours a week is out of range: give a number from 0.5 to 168; left empty, as "
        "if not given"]


def test_results__a_start_without_hours_a_week_is_said_not_ignored(catalogue):
    result = assess(catalogue, "learner_ref,target,start\nS1,03456,2027-01-04\n")
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "start", "a start with no glh_per_week: no finish is worked out; give the hours a "
                     "week the learner can study too")]



def test_results__a_registration_that_cannot_be_read_says_what_to_do(catalogue):
    """"perhaps" for registered: the row waits (read as "no", a registered learner would be
    told to enrol before the last entry date), and the problem says so and what to do."""
    result = assess(catalogue, "learner_ref,target,registered\nA1,09629,perhaps\n")
    (problem,) = result.problems
    assert (problem.row, problem.column) == (2, "registered")
    assert problem.message == ("'perhaps' is not one of: yes, no; correct it and upload the "
                               "file again (the row waits for it, as it changes the answer)")


def test_problems_csv__a_message_is_never_mistaken_for_a_formula(catalogue):
    """"-3" hours a week: the message quotes the value, so the problems file's cell starts with
    a quote, not a minus sign that a spreadsheet would read as a formula (and the CSV writer
    would then have to mark with an apostrophe of its own)."""
    result = assess(catalogue, "learner_ref,target,glh_per_week\nA1,09628,-3\n")
    text = to_csv_bytes(cohort_tables.problems_frame(result)).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert next(v for v in row.values() if "hours a week" in v).startswith(
        "'-3' hours a week is out of range")


def _with_saved_values(data: bytes, values: dict[str, str]) -> bytes:
    """``data`` (a workbook openpyxl wrote, whose formulas it saves without values) with the
    value a spreadsheet would have saved for each formula cell named in ``values``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode("utf-8")
                for cell, value in values.items():
                    text = re.sub(rf'(<c r="{cell}"[^>]*>)<f>(.*?)</f><v\s*/>',
                                  rf"\1<f>\2</f><v>{value}</v>", text)
                content = text.encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def test_read__an_xlsx_formula_is_read_as_the_value_saved_with_it(catalogue):
    """A centre works out ages with a formula: the cell is read as the value the spreadsheet
    saved with it (19), never worked out here, and the problems say so; a formula saved
    without a value (a file never opened in a spreadsheet) is read as its text, as before."""
    data = _with_saved_values(xlsx([["learner_ref", "age", "target"],
                                    ["A1", "=17+2", "09629"], ["A2", "=16+1", "09629"]]),
                              {"B2": "19"})
    result = read_cohort(data, "intake.xlsx")
    first, second = result.rows
    assert (first.age, second.age) == (19, None)
    assert [(p.row, p.column, p.severity.value, p.message) for p in result.problems] == [
        (2, "age", "warning", "'=17+2' is a formula: the value saved with it, '19', is read "
                              "(formulas are never worked out here)"),
        (3, "age", "warning", "'=16+1' looks like a spreadsheet formula; it is read as text, "
                              "never calculated: type its value (a workbook saved by a "
                              "spreadsheet keeps the values of its formulas)"),
        (3, "age", "warning", "'=16+1' is not a whole number of years; left empty, as if not "
                              "given"),
    ]


def test_results__a_cell_saying_a_unit_is_not_achieved_does_not_count_it(catalogue):
    """"F3, F4 in progress" in units_held: F3 counts, F4 does not (it counted, with a word of
    warning only about "in" and "progress"), and the problem says why and what to do."""
    result = assess(catalogue, 'learner_ref,target,units_held\nL1,03456,"F3, F4 in progress"\n')
    records = cohort_tables.results_frame(result).set_index("learner_ref")
    assert records.loc["L1", "credits_counted"] == 6
    (problem,) = result.problems
    assert problem.message.startswith("'F4 in progress' says a unit in it may not be achieved, "
                                      "so none of it is read")


def test_read__an_xlsx_start_date_with_a_time_of_day_is_read_as_its_day(catalogue):
    """A start date typed in Excel with a time (4 January 2027, 09:30) is that day, not a
    value refused as "not a date" that the learner never typed."""
    data = xlsx([["learner_ref", "target", "start"],
                 ["A1", "09629", dt.datetime(2027, 1, 4, 9, 30)]])
    result = read_cohort(data, "intake.xlsx")
    assert result.rows[0].start == dt.date(2027, 1, 4)
    assert result.problems == ()


def test_headers__a_column_read_under_another_name_says_so():
    """"qualification" is read as the target, not as qualifications held: a centre that meant
    the other is told which column it became; "target qualification" needs no word."""
    result = read("learner_ref,age,qualification\nA1,20,09628\n")
    assert result.columns == ("learner_ref", "age", "target")
    assert problems(result) == [
        (1, "target", "warning", "column 'qualification' is read as 'target': the "
                                 "qualification the learner is to enrol on")]
    assert read("learner_ref,target qualification\nA1,09628\n").problems == ()


def test_results__a_row_not_assessed_shows_its_target_as_read(catalogue):
    """A row that cannot be assessed (here a cell split by a comma) whose target was found
    (its leading zero restored) names that target, not "not found"; the summaries still count
    only the rows assessed."""
    result = assess(catalogue, "learner_ref,target,job_role\nA,9628,Advisor, Sales\n"
                               "B,09628,Advisor\n")
    frame = cohort_tables.results_frame(result).set_index("learner_ref")
    assert (frame.loc["A", "target"], frame.loc["A", "status"]) == ("09628", "not assessed")
    assert [(r.row, r.column) for r in result.problems if r.column == "target"] == [(2, "target")]
    assert cohort_tables.level_counts(result)[-1] == (None, False, 1)


def test_read__the_learners_sheet_behind_a_cover_sheet_is_found_by_its_columns():
    data = workbook(("Cover", [["Fill in the Intake sheet"]]),
                     ("Intake Sept 2026", [["Learner Ref", "age", "target"], ["A", 20, "09628"]]))
    result = read_cohort(data, "intake.xlsx")
    assert problems(result) == []
    assert [(r.learner_ref, r.target) for r in result.rows] == [("A", "09628")]


def test_read__a_workbook_without_a_learners_sheet_names_the_sheet_read_and_the_others():
    data = workbook(("Cover", [["Fill in"]]), ("Data", [["name", "age"]]))
    message = problems(read_cohort(data, "intake.xlsx"))[0][3]
    assert message.startswith(
        "missing required column 'learner_ref': the first row of sheet 'Cover' (the "
        "workbook's sheets are 'Cover', 'Data': the learners are read from the one named "
        "'learners', else the first with a learner_ref column) should name the columns")


def test_results__a_message_for_several_units_in_a_cell_is_given_once(catalogue):
    """Credits written beside each unit: each unit counts, and the note that a number beside
    a unit is not read is given once for the cell, not once a unit."""
    result = assess(catalogue, 'learner_ref,target,units_held\nL1,03456,"F3 6, F4 6, D1 6"\n')
    frame = cohort_tables.results_frame(result).set_index("learner_ref")
    assert frame.loc["L1", "credits_counted"] == 18
    assert [p.message[:40] for p in result.problems] == [
        "'6' beside other words is not read as a "]


def test_results__the_files_own_columns_are_kept_at_the_end(catalogue):
    """A tutor and notes the centre wrote come back beside each learner's results, as they
    were (a comma inside a quoted note too), in the results file and as JSON; one named like
    a result column is marked as the file's."""
    result = assess(catalogue, 'learner_ref,age,target,Tutor,Notes,status\n'
                               'A,20,09628,Ms Smith,"Needs support, dyslexia",x\n'
                               'B,30,10380,Mr Jones,,\n')
    frame = cohort_tables.results_frame(result)
    assert list(frame.columns[-3:]) == ["Tutor", "Notes", "status (from the file)"]
    assert frame[["Tutor", "Notes"]].values.tolist() == [
        ["Ms Smith", "Needs support, dyslexia"], ["Mr Jones", ""]]
    assert list(frame["status"]) == ["assessed", "assessed"]
    from advisor import cohort_json

    assert cohort_json.cohort_learner_dict(catalogue, result.learners[0])["file_columns"] == {
        "Tutor": "Ms Smith", "Notes": "Needs support, dyslexia", "status": "x"}


def test_read__trailing_commas_move_nothing_and_are_read_quietly():
    """"L1,19,working,09628," (an empty cell after the last column, as some exports write):
    every learner is read, with nothing to say."""
    result = read("learner_ref,age,employment,target\nL1,19,working,09628,\n"
                  "L2,30,working,10380,\n")
    assert problems(result) == []
    assert [(r.learner_ref, r.target) for r in result.rows] == [("L1", "09628"), ("L2", "10380")]


def test_results__a_comma_in_the_centres_own_last_column_keeps_the_row_and_the_note(catalogue):
    """A comma in an unquoted note, after every column the advisor reads: the learner is
    assessed, the note comes back whole, and the cell is named."""
    result = assess(catalogue, "learner_ref,age,target,Tutor,Notes\n"
                               "A,19,09628,Ms Jones,Prefers mornings, needs laptop\n")
    frame = cohort_tables.results_frame(result)
    assert (frame.loc[0, "status"], frame.loc[0, "Notes"]) == (
        "assessed", "Prefers mornings, needs laptop")
    assert [(p.row, p.column, p.severity.value) for p in result.problems
            if p.column == "Notes" and p.row == 2] == [(2, "Notes", "warning")]


def test_read__a_title_above_the_header_is_passed_over_and_said():
    """A sheet headed "September intake 2026" above its columns: the header is the first row
    naming learner_ref, and the rows above it are said to be passed over."""
    data = workbook(("Sept 2026", [["September intake 2026"], [],
                                    ["learner_ref", "age", "target", "Tutor", "Tutor"],
                                    ["A", 20, "09628", "Ms X", "Mr Y"]]))
    result = read_cohort(data, "intake.xlsx")
    assert [(r.learner_ref, r.target, r.own_columns) for r in result.rows] == [
        ("A", "09628", (("Tutor", "Ms X"), ("Tutor (E)", "Mr Y")))]
    assert problems(result)[0] == (3, "", "warning", "the header is read from row 3, the first "
                                   "to name learner_ref; the row above it (1) is passed over")


def test_read__a_refused_file_does_not_say_its_columns_are_kept():
    messages = [p.message for p in read("name,Tutor\nA,Ms X\n").problems]
    assert "column 'Tutor' is not one the advisor reads" in messages
    assert not any("kept" in m for m in messages)


def test_read__a_second_sheet_of_learners_is_said_not_read():
    data = workbook(("Group A", [["learner_ref", "age"], ["A1", 20]]),
                     ("Group B", [["learner_ref", "age"], ["B1", 30]]))
    result = read_cohort(data, "intake.xlsx")
    assert [r.learner_ref for r in result.rows] == ["A1"]
    assert problems(result) == [(None, "", "warning", "only sheet 'Group A' was read; 'Group B' "
                                 "also names learner_ref: check its learners in a file of their "
                                 "own, or copy them into one sheet")]


def test_read__a_column_with_no_name_but_something_in_it_comes_back():
    result = read("learner_ref,age,,\nA,20,see file,\n")
    assert [r.own_columns for r in result.rows] == [(("column C", "see file"),)]
    assert problems(result) == [(1, "column C", "warning", "column C has no name in the first "
                                 "row, so the advisor does not read it: it is kept, as it is, "
                                 "at the end of the results")]


def test_assess__not_working_is_in_no_senior_role_for_level_4(catalogue):
    """An intake row not working, aiming at 10381 with senior_role blank: not eligible (the
    role is not met), as the route page and the command line say, not "unknown"."""
    result = assess(catalogue, "learner_ref,age,employment,target\nA,45,not-working,10381\n")
    frame = cohort_tables.results_frame(result)
    assert frame.loc[0, "eligible"] == "no"


def test_results__a_start_years_after_the_date_of_the_check_is_questioned(catalogue):
    """A start typed 2029 for 2027 (or an intake planned years ahead) was taken as it stood:
    the finish was worked out from it while whether the target takes learners was answered
    for the check's date. More than a year ahead, it is questioned; within a year (next
    September's intake), not."""
    text = ("learner_ref,target,units_held,glh_per_week,start\n"
            "J1,601/4404/X,,5,04/01/2029\nJ2,601/4404/X,,5,2027-09-06\n")
    result = assess(catalogue, text)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "start", "4 January 2029 is more than a year after the date of this check, 22 "
                     "November 2026: check its year. The finish is worked out from it, but "
                     "whether the target takes new learners is answered for 22 November 2026, "
                     "not for the start")]
    assert result.learners[0].progress.timeline.start == dt.date(2029, 1, 4)


def test_summaries__rows_read_as_one_are_said_beside_the_totals(tmp_path, capsys):
    """Rows read 3, assessed 2, not assessed 0: the command says why the totals differ."""
    learners = tmp_path / "in.csv"
    learners.write_text("learner_ref,units_held,target\nA1,F3,03456\nA1,F4,03456\nA2,,09628\n",
                        encoding="utf-8")
    assert main(["cohort", str(learners), "-o", str(tmp_path / "out.csv"),
                 "--as-at", "2026-11-22"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Read 3 learner rows")
    assert lines[1] == ("3 rows in the file hold 2 learners: one learner's rows one after "
                        "another are read as one, as the problems say (column learner_ref).")
