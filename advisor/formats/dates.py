"""Dates given as text, as people in the UK write them, and the dates the advisor answers for.
The one home of both: links, the intake file, the date boxes and the CLI read dates here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from advisor.engine import answers
from advisor.engine.wording import uk_date

__all__ = ["DATE_EXAMPLES", "EARLIEST_DATE", "LATEST_DATE", "check_date", "parse_date",
           "read_date", "spreadsheet_day"]

EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2040, 12, 31)
"""The dates the advisor answers for: a link, an intake file or a date box may give no other."""
# How a date read by :func:`read_date` is written.
DATE_EXAMPLES = "2026-09-01, 01/09/2026 or 1 September 2026"
# A time of day after a date, as a spreadsheet's date cell may read (" 00:00", "T00:00:00")
# or a timetable's start gives one (" 09:30"): the date is its day, as an .xlsx date cell
# with a time is read.
_TIME = r"(?:[ T](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)?"
# One separator throughout: 2027/1/4, not 2027/1-4.
_YEAR_FIRST = re.compile(r"([0-9]{4})([-/])([0-9]{1,2})\2([0-9]{1,2})" + _TIME)
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})" + _TIME)
_DAY_MONTH_NAMED = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? ([0-9]{4})")
# A month's name, in full or cut to three letters ("Sept" too), lower case: its number.
_MONTHS = {words: number for number, name in enumerate(calendar.month_name) if name
           for words in (name.lower(), name[:3].lower())} | {"sept": 9}


def read_date(text: str) -> dt.date | None:
    """A date as people in the UK write one, else None: 2027-01-04 or 2027/1/4 (how the app
    writes one, and how a spreadsheet's date cell reads, with or without a time of day,
    "04/01/2027 09:30" being 4 January 2027); 04/01/2027, 4.1.2027 or 04-01-2027, day first,
    one separator throughout (a two-digit year up to 40 is this century's, the advisor
    answering for 2000 to 2040, and a later one the last century's); 4 Jan 2027 or 4th
    January 2027. Not the
    other forms ``date.fromisoformat`` reads (``20270104``, ``2027-W01-1``), nor a day that
    does not exist (30/02/2027). The one reader of a date given as text: links, the intake
    file and the CLI read dates with it."""
    text = " ".join(text.split())
    try:
        if found := _YEAR_FIRST.fullmatch(text):
            year, month, day = (int(found.group(n)) for n in (1, 3, 4))
        elif found := _DAY_FIRST.fullmatch(text):
            day, month, year = (int(found.group(n)) for n in (1, 3, 4))
            if len(found.group(4)) == 2:  # 27 is 2027; 99, past the dates answered for, 1999
                year += 2000 if year <= LATEST_DATE.year % 100 else 1900
        elif (found := _DAY_MONTH_NAMED.fullmatch(text)) and found.group(2).lower() in _MONTHS:
            day, month, year = (int(found.group(1)), _MONTHS[found.group(2).lower()],
                                int(found.group(3)))
        else:
            return None
        return dt.date(year, month, day)
    except ValueError:  # 2027-02-30, 30/02/2027
        return None


def check_date(day: dt.date) -> dt.date:
    """``day`` when the advisor answers for it (:data:`EARLIEST_DATE` to :data:`LATEST_DATE`),
    else :class:`~advisor.engine.answers.AnswerError` naming those dates."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise answers.AnswerError(f"{uk_date(day)} is outside the dates the advisor answers "
                                  f"for, {uk_date(EARLIEST_DATE)} to {uk_date(LATEST_DATE)}")
    return day


def parse_date(text: str) -> dt.date:
    """A date given as text, read by :func:`read_date` and on a day the advisor answers for
    (:func:`check_date`); else :class:`~advisor.engine.answers.AnswerError` saying what a date
    looks like. How the intake file's start dates and the CLI's dates are read."""
    day = read_date(text)
    if day is None:
        raise answers.AnswerError(f"{text[:20]!r} is not a date: give one like {DATE_EXAMPLES}")
    return check_date(day)


# The day a spreadsheet counts dates from (Excel's, and LibreOffice's, on Windows: its day 1 is
# 1 January 1900, and it counts a 29 February 1900 that never was)
_DAY_NOUGHT = dt.date(1899, 12, 30)


def spreadsheet_day(text: str, *, earliest: dt.date = EARLIEST_DATE) -> dt.date | None:
    """The day a spreadsheet keeps as the number ``text`` (42158 is 3 June 2015, a time of day
    after a point aside), where it is from ``earliest`` (the first day the advisor answers
    for, unless a date of birth is read) to :data:`LATEST_DATE`; else None. A date cell saved
    as CSV from a column not formatted as dates is written so."""
    found = re.fullmatch(r"([0-9]{5})(?:\.[0-9]+)?", text.strip())
    if found is None:
        return None
    day = _DAY_NOUGHT + dt.timedelta(days=int(found.group(1)))
    return day if earliest <= day <= LATEST_DATE else None
