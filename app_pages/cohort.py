"""Check a whole intake: upload one row per learner, get each learner's position back.

Widgets: ``cohort_upload`` (a CSV or Excel file), ``cohort_objective`` ("credits" / "glh").
The upload is read in memory and the results are kept in this browser session only; the server
writes nothing about learners to disk. Streamlit forgets an uploader's file once its page is
left, so the file's name and bytes are copied to a session key of their own (``KEPT_FILE``):
back on this page, the same results are shown again until the file is removed or replaced.
The same functions serve ``advisor cohort``, so the page and the command give the same file for
the same input.
"""

from __future__ import annotations

import hashlib
from functools import partial

import streamlit as st

from advisor import (
    CohortResult,
    Objective,
    Severity,
    assess_cohort,
    charts,
    cohort_file,
    cohort_tables,
    count,
    labels,
    read_cohort,
    template_csv_bytes,
    template_excel_bytes,
    to_csv_bytes,
    to_excel_bytes,
    uk_date,
)
from app_pages._common import escape_markdown, frame, show_glossary
from app_pages._layout import GRID_HEADER_HEIGHT, WRAPPED_ROW_HEIGHT

OBJECTIVES = labels.OBJECTIVE_WORDS
UNITS_SHOWN = 10


# The glossary's terms this page can show, in one state or another (its questions, its
# answers, its tables): tests/test_app_glossary.py checks them against what it shows.
WORDS = (
    "Level", "Code", "Credit", "GLH", "ULN", "Unit", "URN", "NVQ", "Competence", "Principles of",
    "Awarding body", "Centre", "Last entry date", "Certification", "Review date",
    "Apprenticeship framework", "Technical certificate", "Recognition of prior learning",
)


def templates() -> None:
    st.markdown("**1. Fill in the template**: one row per learner. Only `learner_ref` is "
                "required; leave a cell empty when you do not know.")
    left, right = st.columns(2)
    left.download_button("Download the template (Excel, with a guide sheet)",
                         template_excel_bytes, file_name="learners-template.xlsx",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         key="cohort_template_xlsx", on_click="ignore")
    right.download_button("Download the template (CSV)", template_csv_bytes,
                          file_name="learners-template.csv", mime="text/csv",
                          key="cohort_template_csv", on_click="ignore")
    with st.expander("What each column holds"):
        # A static table: its sentences wrap, where a grid cut the descriptions and the
        # accepted values off at the column's edge.
        st.table(cohort_file.guide_frame(), hide_index=True, alt="What each column holds")


def assess(ctx, data: bytes, name: str, objective: Objective) -> CohortResult | None:
    """Read and assess the upload, once per file, date, objective and register in this
    session."""
    register = ctx.register.source_label if ctx.register is not None else None
    key = (hashlib.sha256(data).hexdigest(), name, ctx.as_at, objective.value, register)
    kept = st.session_state.get(RESULT_KEY)
    if kept is not None and kept[0] == key:
        return kept[1]
    read = read_cohort(data, name)
    if not read.readable:
        for problem in read.problems:  # what stops the file first
            (st.error if problem.severity is Severity.ERROR else st.warning)(
                escape_markdown(problem.message))
        return None
    bar = st.progress(0.0, text=f"Assessing {len(read.rows):,} learners...")
    result = assess_cohort(
        ctx.catalogue, read, as_at=ctx.as_at, objective=objective, register=ctx.register,
        progress=lambda done, total: bar.progress(done / max(total, 1),
                                                  text=f"Assessed {done:,} of {total:,}"))
    bar.empty()
    st.session_state[RESULT_KEY] = (key, result)
    return result


PROBLEMS_IN_VIEW = 8  # problems shown before the grid scrolls (the default showed four)


def show(result: CohortResult) -> None:
    if not result.learners:
        show_no_learners(result)
        return
    columns = st.columns(4)
    columns[0].metric("Learner rows in the file", f"{result.rows_read:,}")
    columns[1].metric("Assessed", f"{result.assessed:,}")
    columns[2].metric("Could not be assessed", f"{result.not_assessed:,}")
    columns[3].metric("Problems found", f"{len(result.problems):,}")
    for note in (cohort_tables.rows_read_as_one_note(result),
                 cohort_tables.repeated_references_note(result)):
        if note:
            st.info(escape_markdown(note))

    problems = cohort_tables.problems_frame(result)
    if not problems.empty:
        st.header("Problems, by row and column")
        st.write("Rows with an error are marked *not assessed* in the results; every other row "
                 "was assessed. Warnings did not stop a row.")
        # A grid, never a static table: a static table draws Markdown, and a message quotes
        # the uploaded cell (a link or an image there would be drawn, and fetched). The
        # problem comes right after its row, so a phone shows it without scrolling sideways,
        # and wraps over up to four lines; the download holds every message in full.
        # Tall enough for up to PROBLEMS_IN_VIEW problems without scrolling inside the grid.
        st.dataframe(cohort_tables.problems_on_screen(problems), hide_index=True,
                     row_height=WRAPPED_ROW_HEIGHT,
                     height=GRID_HEADER_HEIGHT + WRAPPED_ROW_HEIGHT * min(len(problems),
                                                                         PROBLEMS_IN_VIEW),
                     column_order=("row", "message", "column", "severity"), column_config={
            "row": st.column_config.NumberColumn("Row", width=45, pinned=True),
            "column": st.column_config.TextColumn("Column", width="small"),
            "severity": st.column_config.TextColumn("Severity", width="small"),
            "message": st.column_config.TextColumn("Problem", width=280)})
        st.download_button("Download the problems (CSV)", to_csv_bytes(problems),
                           file_name="problems.csv", mime="text/csv", key="cohort_problems_csv",
                           on_click="ignore")

    results = cohort_tables.results_frame(result)
    st.header("Each learner")
    # The learner stays in view while the grid scrolls sideways; a row not assessed is blank.
    st.dataframe(cohort_tables.results_on_screen(results), hide_index=True, placeholder="",
                 column_config={"Learner": st.column_config.Column(pinned=True),
                                # what replaced a closed target, not cut off at its code
                                "Target on the date": st.column_config.Column(width="large")})
    st.caption("The downloads hold every column, among them each learner's reasons, plan "
               "and units carried over.")
    left, right = st.columns(2)
    # Made when asked for, as the workbook is, not on every run of the page.
    left.download_button("Download the results (CSV)", partial(to_csv_bytes, results),
                         file_name="cohort-results.csv", mime="text/csv",
                         key="cohort_results_csv", on_click="ignore")
    right.download_button(
        "Download everything (Excel)",
        lambda: to_excel_bytes(cohort_tables.result_sheets(result)),
        help="One workbook: the results, the problems found and the summaries, a sheet each.",
        file_name="cohort-results.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="cohort_results_xlsx", on_click="ignore")
    st.caption("Opening either file is safe: in the CSV, a cell a spreadsheet would run as a "
               "formula (starting with = + - @) is written with a leading apostrophe; in the "
               "Excel file every such cell is stored as text, as typed. Excel opening the CSV "
               "drops the first 0 of codes such as 09629; the Excel file keeps them.")

    st.header("Summaries")
    levels = cohort_tables.learners_per_level(result)
    described = charts.describe_cohort_levels(levels)
    st.plotly_chart(charts.cohort_levels_chart(levels), alt=described)
    st.caption(described)
    completion = cohort_tables.completion_by_target(result)
    if not completion.empty:
        described = charts.describe_cohort_completion(completion)
        st.plotly_chart(charts.cohort_completion_chart(completion), alt=described)
        st.caption(described)
    show_units_needed(result)


def show_no_learners(result: CohortResult) -> None:
    """A file with its column names and no learner under them: what to do, and no empty
    tables, charts or downloads."""
    st.warning(f"{escape_markdown(result.filename)} has no learners in it, only the row of "
               "column names, so there is nothing to check. Add one row per learner below "
               "that row (the template shows how), save the file and upload it again.")
    for problem in result.problems:
        if problem.row is not None:  # the header's own problems (the file's is said above)
            st.caption(escape_markdown(str(problem)))


def show_units_needed(result: CohortResult) -> None:
    """The units most often in the learners' plans, as a chart where some unit is in two or
    more (ten bars of one learner each, in URN order, would rank nothing); and who is left
    out."""
    every = cohort_tables.units_most_needed(result)
    needed = every.head(UNITS_SHOWN)
    if not needed.empty and needed["learners"].max() >= 2:
        described = charts.describe_units_needed(needed)
        st.plotly_chart(charts.units_needed_chart(needed), alt=described)
        st.caption(described)
        tied = cohort_tables.units_tied_past(every, UNITS_SHOWN)
        if tied:
            st.caption(f"{count(tied, 'more unit')} {'is' if tied == 1 else 'are'} in as many "
                       f"learners' plans ({needed['learners'].iloc[-1]}) as the last shown, so "
                       "the cut among them is "
                       "by unit reference number, not by need: every unit is in the Excel "
                       "download's units needed sheet.")
        st.caption("From each learner's smallest plan: a mandatory unit is needed by every "
                   "learner counted, but an optional one is the cheapest of several that would "
                   "do, so another may suit a learner as well. Where the sources do not list a "
                   "target's own units, they are those of the national structure it is "
                   "inferred to follow.")
    elif not needed.empty:
        st.caption("Units still needed: no unit is in more than one learner's plan, so none "
                   "is needed more often than another (each learner's plan is in the results).")
    ended = cohort_tables.certificates_ended_count(result)
    if ended:
        st.caption(f"Left out of the units still needed: {count(ended, 'learner')} short of "
                   "a target that no longer issues certificates, which no unit can complete.")
    unplanned = cohort_tables.no_plan_count(result)
    if unplanned:
        st.caption(f"Left out of the units still needed: {count(unplanned, 'learner')} whose "
                   "target's units the sources list too few of for a plan: ask the centre.")


UPLOAD_KEY = "cohort_upload"
KEPT_FILE = "cohort_kept_file"  # (name, bytes) of the file uploaded last, for the session
RESULT_KEY = "cohort_result"  # (what it was worked out from, the result)
# (name, bytes) of the last file uploaded that could be read: its results stay in view when a
# later upload cannot be read, so a bad file never takes away the good results before it.
READ_FILE = "cohort_read_file"


def keep_upload() -> None:
    """The uploader changed: keep its file (or, when it was emptied, forget the one kept). The
    last file that could be read stays (``READ_FILE``): a browser replacing one file with
    another empties the uploader first, and a bad replacement must not take the good results
    away; "Remove this file" forgets it too."""
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        for key in (KEPT_FILE, RESULT_KEY):
            st.session_state.pop(key, None)
    else:
        st.session_state[KEPT_FILE] = (upload.name, upload.getvalue())


def forget_file() -> None:
    for key in (KEPT_FILE, RESULT_KEY, READ_FILE):
        st.session_state.pop(key, None)


def main() -> None:
    ctx = frame()
    st.title("Check a whole intake")
    st.write("For centre staff placing a cohort: upload one row per learner and get back each "
             "learner's suggested level, whether they can start their target on "
             f"{uk_date(ctx.as_at)}, "
             "credits counted, the smallest plan and every reason, with a clean file to "
             "download. Bad rows are reported by row and column; the good rows are still "
             "assessed.")
    show_glossary(WORDS)
    templates()
    st.markdown("**2. Upload it**")
    upload = st.file_uploader(
        f"A CSV or Excel (.xlsx) file (or Excel's tab-separated .txt), up to "
        f"{cohort_file.MAX_BYTES // 1_000_000} MB and {cohort_file.MAX_ROWS:,} learners",
        type=["csv", "txt", "xlsx"], key=UPLOAD_KEY,
        on_change=keep_upload)
    objective = st.radio("Plan the remaining units by", list(OBJECTIVES),
                         format_func=OBJECTIVES.__getitem__, key="cohort_objective",
                         horizontal=True, persist_state="session")
    st.caption("The file is read in memory and the results stay in this browser session: "
               "nothing about your learners is stored on the server.")
    kept = st.session_state.get(KEPT_FILE)
    if kept is None:
        st.info("No file yet: download the template above, or see what comes back for the "
                "three example learners it holds.")
        if not st.toggle("Show the results for the template's example learners",
                         key="cohort_try_example", persist_state="session"):
            return
        name, data = "learners-template.csv", template_csv_bytes()
    else:
        name, data = kept
        if upload is None:  # back on the page: the uploader is empty, the file is not gone
            st.info(f"Showing {escape_markdown(name)}, uploaded earlier in this session. "
                    "Upload another file above to replace it.")
            st.button("Remove this file", key="cohort_remove_file", on_click=forget_file,
                      icon=":material/delete:")
    result = assess(ctx, data, name, Objective(objective or "credits"))
    read_before = st.session_state.get(READ_FILE)
    if result is not None and kept is not None:
        st.session_state[READ_FILE] = kept
    elif result is None and read_before is not None and read_before != kept:
        before = read_before[0]
        st.info(f"The results below are still those of {escape_markdown(before)}, the last "
                "file that could be read: correct the file above and upload it again.")
        result = assess(ctx, read_before[1], before, Objective(objective or "credits"))
    if result is not None:
        show(result)


main()
