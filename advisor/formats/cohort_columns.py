"""The columns of cohort mode's learners file, and the template to fill in.

:data:`COLUMNS` is the one description of the input file: reading it
(:mod:`advisor.formats.cohort_file`), the downloadable template and its guide all come from
it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from advisor.engine import answers
from advisor.engine.decisions import HOURS_A_WEEK_ACCEPTED
from advisor.formats.sheet_rows import megabytes, name_key
from advisor.formats.spreadsheet import to_csv_bytes, to_excel_bytes

__all__ = ["BY_KEY", "COLUMNS", "MAX_BYTES", "MAX_ROWS", "REFERENCE_NAMES", "Column",
           "guide_frame", "template_csv_bytes", "template_excel_bytes", "template_frame",
           "template_guide_text"]

# Upload limits. A centre's intake is hundreds of learners; these leave room for a whole
# college while keeping one upload from tying up the app.
MAX_BYTES = 5_000_000
MAX_ROWS = 20_000


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
           "any text", "L0001", ("learner reference", "learner", "reference", "ref", "uln",
                                 "unique learner number", "learner number", "learner id",
                                 "student id", "student number")),
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
    Column("date_of_birth", False,
           "The learner's date of birth: where age is blank, their age on the as-at date is "
           "worked out from it (where both are given, age is used, and a difference said).",
           "a date: 2007-03-14 or 14/03/2007", "2007-03-14",
           ("dob", "date of birth", "birth date", "birthdate", "birthday")),
)

_TEMPLATE_ROWS: tuple[dict[str, str], ...] = (
    {"learner_ref": "L0001", "age": "19", "employment": "working",
     "job_role": "Call Centre Operator", "senior_role": "no", "aim": "knowledge",
     "qualifications_held": "09628", "units_held": "", "target": "09629",
     "units_accepted": "", "units_in_progress": "", "glh_per_week": "",
     "registered": "", "start": "", "date_of_birth": ""},
    {"learner_ref": "L0002", "age": "34", "employment": "working",
     "job_role": "Customer Service Team Leader", "senior_role": "no", "aim": "competence",
     "qualifications_held": "", "units_held": "F3; F4", "target": "03456",
     "units_accepted": "C6", "units_in_progress": "D1", "glh_per_week": "5",
     "registered": "yes", "start": "", "date_of_birth": ""},
    {"learner_ref": "L0003", "age": "17", "employment": "not-working", "job_role": "",
     "senior_role": "", "aim": "knowledge", "qualifications_held": "", "units_held": "",
     "target": "601/4404/X", "units_accepted": "", "units_in_progress": "",
     "glh_per_week": "", "registered": "", "start": "", "date_of_birth": ""},
)




BY_KEY: dict[str, Column] = {
    name_key(name): column for column in COLUMNS for name in (column.name, *column.aliases)
}
# The names learner_ref is read under ("ULN", "Learner Ref"): a header or a sheet of learners
REFERENCE_NAMES = tuple(key for key, column in BY_KEY.items() if column.name == "learner_ref")



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
        f"At most {MAX_ROWS:,} learners and {megabytes(MAX_BYTES)} per file.",
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
