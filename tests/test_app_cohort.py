"""The "Check a whole intake" page, driven through Streamlit's testing API (widgets by key)."""

from __future__ import annotations

import json
import re

from streamlit.testing.v1 import AppTest

from advisor import template_csv_bytes
from tests.support.app import all_text, change_page, open_page, table_with

COHORT = "app_pages/cohort.py"
TEMPLATE_LEARNERS = ["L0001", "L0002", "L0003"]


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="cohort_upload").set_value((name, data, "text/csv")).run()
    assert not at.exception
    return at


def learners_shown(at: AppTest) -> list[str]:
    return list(table_with(at, "Learner")["Learner"])


def test_cohort__the_upload_and_its_results_stay_after_another_page():
    at = upload(open_page(COHORT), "learners.csv", template_csv_bytes())
    at.radio(key="cohort_objective").set_value("glh").run()
    assert learners_shown(at) == TEMPLATE_LEARNERS

    change_page(at, "app_pages/check_units.py")
    change_page(at, COHORT)
    # The uploader comes back empty (the browser forgets its file), but the page does not.
    assert at.file_uploader(key="cohort_upload").value is None
    assert learners_shown(at) == TEMPLATE_LEARNERS
    assert "No file yet" not in all_text(at)
    assert "Showing learners.csv, uploaded earlier in this session" in all_text(at)
    assert at.radio(key="cohort_objective").value == "glh"

    # Removed, it is gone: the page is back to its start.
    at.button(key="cohort_remove_file").click().run()
    assert not at.exception
    assert "No file yet" in all_text(at)
    assert not any("Learner" in d.value.columns for d in at.dataframe)


def test_cohort__another_upload_replaces_the_one_kept():
    at = upload(open_page(COHORT), "learners.csv", template_csv_bytes())
    change_page(at, "app_pages/check_units.py")
    change_page(at, COHORT)
    upload(at, "second.csv", b"learner_ref,age\nS1,30\n")
    assert learners_shown(at) == ["S1"]
    # Shown from the uploader itself: no note of a file from earlier, nothing to remove.
    assert "uploaded earlier" not in all_text(at)
    assert "cohort_remove_file" not in [b.key for b in at.button]
    change_page(at, "app_pages/check_units.py")
    change_page(at, COHORT)
    assert learners_shown(at) == ["S1"]
    assert "Showing second.csv, uploaded earlier" in all_text(at)


def test_cohort__a_file_that_cannot_be_read_keeps_the_last_good_results_in_view():
    """A good intake, then a file that cannot be read: the error is said, and the good file's
    results stay in view, named, so that nothing is lost; back on the page, the same."""
    at = upload(open_page(COHORT), "learners.csv", template_csv_bytes())
    # A browser replacing the file empties the uploader first, then sends the new one.
    at.file_uploader(key="cohort_upload").clear().run()
    upload(at, "broken.xlsx", b"not a workbook")
    assert at.error or at.warning
    assert learners_shown(at) == TEMPLATE_LEARNERS
    assert ("The results below are still those of learners.csv, the last file that could be "
            "read") in all_text(at)
    change_page(at, "app_pages/check_units.py")
    change_page(at, COHORT)
    assert learners_shown(at) == TEMPLATE_LEARNERS
    upload(at, "second.csv", b"learner_ref,age\nS1,30\n")  # a good one replaces both
    assert learners_shown(at) == ["S1"] and "still those of" not in all_text(at)


def test_cohort__emptying_the_uploader_forgets_the_file():
    at = upload(open_page(COHORT), "learners.csv", template_csv_bytes())
    at.file_uploader(key="cohort_upload").clear().run()
    assert not at.exception
    assert "No file yet" in all_text(at)
    change_page(at, "app_pages/check_units.py")
    change_page(at, COHORT)
    assert "No file yet" in all_text(at)


def test_cohort__a_file_with_only_its_header_says_there_are_no_learners_and_draws_nothing():
    at = upload(open_page(COHORT), "learners.csv", b"learner_ref,age,targett\n")
    (warning,) = [w for w in all_text(at).splitlines() if "no learners" in w]
    assert warning.startswith("learners.csv has no learners in it, only the row of column "
                              "names, so there is nothing to check. Add one row per learner")
    # The header's own problem is still said; the file's is not repeated as "row None".
    assert ("row 1, targett (warning): column 'targett' is not one the advisor reads: it is "
            "kept, as it is, at the end of the results; did you mean 'target'?") in all_text(at)
    assert "None" not in all_text(at)
    # No empty grid, chart, metric or download.
    assert not at.dataframe and not at.metric and not at.get("plotly_chart")
    assert [b.proto.label for b in at.get("download_button")
            if not b.proto.label.startswith("Download the template")] == []


def test_cohort__a_learner_on_two_rows_is_listed_twice_and_counted_once():
    pasted_twice = b"learner_ref,age,employment,target\nA001,30,working,09628\n" \
                   b"A002,30,working,09628\nA002,30,working,09628\n"
    at = upload(open_page(COHORT), "learners.csv", pasted_twice)
    assert learners_shown(at) == ["A001", "A002", "A002"]
    assert {m.label: m.value for m in at.metric}["Learner rows in the file"] == "3"
    assert ("1 learner reference (A002) appears on more than one row; the summaries count it "
            "once") in all_text(at)
    (completion,) = [c for c in at.get("plotly_chart")
                     if "Completion against each target" in c.proto.spec]
    bars = json.loads(completion.proto.spec)["data"]
    assert sum(sum(bar["x"]) for bar in bars) == 2
    assert "09628: 2 learners" in all_text(at)


def test_cohort__a_file_without_the_required_column_is_refused_and_its_other_columns_only_warned():
    """Wrong headers: what stops the file is an error; the columns it would ignore are
    warnings beside it, not errors that read as if they too stopped it."""
    at = upload(open_page(COHORT), "names.csv", b"Name,Mob,Course\nA,1,2\n")
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("missing required column 'learner\\_ref'")
    # Not "kept": nothing of the file is read
    not_read = "is not one the advisor reads"
    assert [w.value for w in at.warning][:3] == [
        f"column 'Name' {not_read}", f"column 'Mob' {not_read}", f"column 'Course' {not_read}"]


def test_cohort__a_quote_left_open_is_refused_naming_the_row_and_nothing_is_assessed():
    """The lines after a stray quote would be read as one cell, one learner (L2 lost without
    a word): the page says where the quote opened and how to mend the file, and shows no
    results."""
    at = upload(open_page(COHORT), "intake.csv", b'learner_ref,age\n"L1,20\nL2,30\n')
    shown = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]  # as the page reads
    assert shown == [
        "a quote (\") opens the learner_ref cell of row 2 (line 2 of the file: '\"L1,20') and "
        "is never closed, so lines 2 to 3 (the rest of the file) would be read as that one "
        "cell, merging the learners on them into one: remove the stray quote, or close it "
        "where the cell ends, and upload the file again; nothing in it was assessed"]
    assert not at.dataframe and not at.metric


def test_cohort__a_cut_among_units_needed_as_often_is_said():
    """Two learners aiming for 10381 with nothing held: every unit of their plans (eleven) is
    in both, one more than the chart shows; the caption says the rest are needed as often, and
    where to find them, so that the ten shown do not read as the ten most needed."""
    at = upload(open_page(COHORT), "learners.csv",
                b"learner_ref,age,employment,senior_role,target\n"
                b"A1,30,working,yes,10381\nA2,31,working,yes,10381\n")
    captions = [c.value for c in at.caption]
    assert any(re.search(r"1 more unit is in as many learners' plans \(2\) as the last "
                         r"shown, so the cut among them is by unit reference number", c)
               for c in captions), captions


def test_cohort__each_problem_on_screen_names_its_column_beside_its_message():
    """On a phone the grid shows a problem's row and message: the message leads with its
    column, so which column needs fixing is seen without scrolling sideways; the download
    keeps the column apart."""
    at = upload(open_page(COHORT), "learners.csv",
                b"learner_ref,age,employment,target\nA001,19 or 20,working,09628\n")
    problems = table_with(at, "message")
    (message,) = [m for m in problems["message"] if "19 or 20" in m]
    assert message.startswith("age: ")


def test_cohort__excels_unicode_text_file_is_taken_and_read():
    """Excel saves "Unicode Text" as a tab-separated .txt in UTF-16: the upload takes .txt
    files, and the learners in it are read."""
    at = open_page(COHORT)
    assert ".txt" in at.file_uploader(key="cohort_upload").proto.type
    text = "learner_ref\tage\ttarget\r\nZoë\t16 yrs\t600 0840 4\r\n"
    at = upload(at, "intake.txt", text.encode("utf-16"))
    shown = table_with(at, "Learner").set_index("Learner")
    assert list(shown.index) == ["Zoë"] and shown.loc["Zoë", "Target"] == "09628"


def test_cohort__the_age_worked_out_from_a_date_of_birth_is_shown_as_age_used():
    at = upload(open_page(COHORT), "learners.csv",
                b"learner_ref,date_of_birth,target\nL1,14/03/1990,09628\n")
    table = table_with(at, "Learner")
    assert list(table.columns[:4]) == ["Learner", "Row", "Assessed", "Age used"]
    assert table["Age used"].notna().all()


def test_cohort__the_totals_say_when_one_learners_rows_were_read_as_one():
    """Three rows in the file, two learners: the totals (3 rows; 2 assessed, 0 not) do not add
    up unless the page says why, beside them."""
    at = upload(open_page(COHORT), "learners.csv",
                b"learner_ref,units_held,target\nA1,F3,03456\nA1,F4,03456\nA2,,09628\n")
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Learner rows in the file"], metrics["Assessed"]) == ("3", "2")
    said = all_text(at)
    assert "3 rows in the file hold 2 learners" in said
    assert "one learner's rows one after another are read as one" in said


def test_cohort__the_totals_say_nothing_of_rows_read_as_one_where_none_were():
    at = upload(open_page(COHORT), "learners.csv", template_csv_bytes())
    assert "rows in the file hold" not in all_text(at)
