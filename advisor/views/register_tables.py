"""Tables of the regulator's register for people: entries found by a search, and one entry's
profile. Everything shown is what the register records; what it does not record (units, rules
of combination) is said, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from advisor.engine.wording import uk_date
from advisor.register import ImportRecord, RegisterEntry
from advisor.views.labels import register_hours, register_level, yes_no

__all__ = ["NOT_GIVEN", "register_entry_table", "register_loaded", "register_matches",
           "specification_link"]

NOT_GIVEN = "not given in the register"

_OPEN_WORDS = {True: "open to new learners", False: "closed to new learners",
               None: "not known: the register gives no start date"}


def _day(day: dt.date | None) -> str | None:
    return uk_date(day) if day is not None else None


def register_matches(entries: Sequence[RegisterEntry], *, as_at: dt.date) -> pd.DataFrame:
    """One row per register entry found: number, title, whether it is open on ``as_at`` by
    the register's dates, level, awarding organisation and dates. The number, the title and
    whether it is open first: a grid on a phone shows three columns (the title was off to the
    side, after the level)."""
    rows = [{
        "Number": entry.number,
        "Title": entry.title,
        "New learners": _OPEN_WORDS[entry.open_on(as_at)],
        "Level": register_level(entry),
        "Awarding organisation": entry.org_name,
        "Operational start": _day(entry.operational_start),
        "Last entry (operational end)": _day(entry.operational_end),
    } for entry in entries]
    return pd.DataFrame(rows, columns=["Number", "Title", "New learners", "Level",
                                       "Awarding organisation", "Operational start",
                                       "Last entry (operational end)"])


def register_entry_table(entry: RegisterEntry) -> pd.DataFrame:
    """A register entry's profile as two columns, the fact and what the register records ("not
    given in the register" where it records nothing); units and rules of combination are never
    in the register."""
    organisation = entry.org_name
    if organisation and entry.org_acronym:
        organisation = f"{organisation} ({entry.org_acronym})"
    facts = [
        ("Qualification number", entry.number),
        ("Title", entry.title),
        ("Awarding organisation", organisation),
        ("Level", register_level(entry)),
        ("Type", entry.qualification_type),
        ("Sector subject area", entry.ssa),
        ("Status in the register", entry.status),
        ("Total credits", None if entry.total_credits is None else str(entry.total_credits)),
        ("Guided learning hours", register_hours(entry)),
        ("Total qualification time", None if entry.tqt is None else str(entry.tqt)),
        ("Operational start", _day(entry.operational_start)),
        ("Last entry (operational end)", _day(entry.operational_end)),
        ("Certification end", _day(entry.certification_end)),
        ("Offered in England", yes_no(entry.offered_in_england, None)),
        ("Offered in Northern Ireland", yes_no(entry.offered_in_northern_ireland, None)),
        ("Assessment methods", entry.assessment_methods),
        ("Specification", entry.specification_url),
        ("Units and rules of combination", "not in the register"),
    ]
    return pd.DataFrame([{"Fact": fact, "In the register": value if value is not None
                          else NOT_GIVEN} for fact, value in facts],
                        columns=["Fact", "In the register"])


def specification_link(entry: RegisterEntry) -> str | None:
    """The entry's link to its specification when it is a web address (http or https), so
    a page can offer it as a link; None otherwise (a file's text is never made a link)."""
    url = (entry.specification_url or "").strip()
    if url.lower().startswith(("https://", "http://")) and not any(c.isspace() for c in url):
        return url
    return None


def register_loaded(record: ImportRecord) -> str:
    """Which register is loaded and when, in a sentence."""
    qualifications = "1 qualification" if record.rows == 1 else f"{record.rows:,} qualifications"
    return (f"Ofqual's Register of Regulated Qualifications is loaded: {qualifications} "
            f"from the full data set file {record.file_name}, imported on "
            f"{uk_date(record.imported_at.date())} at {record.imported_at:%H:%M} UTC.")
