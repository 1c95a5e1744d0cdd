"""Register files for tests: the fixture, and small full-data-set CSVs written on the fly."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from advisor import Register, import_register, open_register

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "register-sample.csv"
"""Rows for the catalogue's own qualifications carrying only what the sources state (600/0840/4
and 600/0752/7 with their last entry and certification dates and credits; 601/4404/X with its
credits and hours but no dates, since a start without an end would say it is open), clearly
SYNTHETIC open and closed qualifications, and four bad rows: an unreadable date (row 11), a
level of 'Level 9' (row 12), an empty number (row 13) and a repeated number (row 14)."""

HEADER = (
    "Qualification Number", "Qualification Title", "Owner Organisation Recognition Number",
    "Owner Organisation Name", "Owner Organisation Acronym", "Qualification Level",
    "Qualification Sub Level", "EQF Level", "Qualification Type", "Total Credits",
    "Qualification SSA", "Qualification Status", "Regulation Start Date",
    "Operational Start Date", "Operational End Date", "Certification End Date",
    "Minimum Guided Learning Hours", "Maximum Guided Learning Hours",
    "Total Qualification Time", "Guided Learning Hours", "Offered In England",
    "Offered In Northern Ireland", "Overall Grading Type", "Assessment Methods",
    "NI Discount Code", "GCE Size Equivalence", "GCSE Size Equivalence",
    "Entitlement Framework Designation", "Grading Scale", "Specialism", "Pathways",
    "Approved For DEL Funded Programme", "Link To Specification",
    "Currently and / or will consider offering internationally",
)


def synthetic_row(number: str, **cells: str) -> dict[str, str]:
    """A row for a SYNTHETIC qualification (its title says so), open since 2020."""
    return {"Qualification Number": number,
            "Qualification Title": f"SYNTHETIC Level 2 Certificate in Customer Service {number}",
            "Owner Organisation Name": "SYNTHETIC Awarding Organisation",
            "Qualification Level": "Level 2", "Operational Start Date": "2020-09-01", **cells}


def write_register_csv(path: Path, rows: Sequence[Mapping[str, str]],
                       header: Sequence[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([row.get(name, "") for name in header] for row in rows)
    return path


def fixture_register(folder: Path) -> Register:
    """The fixture imported into ``folder``."""
    database = folder / "register.sqlite3"
    import_register(FIXTURE, database)
    register = open_register(database)
    assert register is not None
    return register
