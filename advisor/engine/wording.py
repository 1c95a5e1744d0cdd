"""Small pieces of plain English that every answer shares: dates, counts, group names.

The engine writes its messages with these, and the views, exports and the CLI use the same
ones, so a date or a count reads the same on every page, in every file and in the terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from advisor.catalogue import Group, Replacement

WHERE_TO_ASK = ("a local college or training provider (a centre), or a careers adviser at the "
                "National Careers Service")
"""Whom a learner can ask about qualifications on offer now: the advisor's own advice."""


def uk_date(date: dt.date) -> str:
    """A date as people in the UK write it in full: ``5 January 2015``."""
    return f"{date.day} {date:%B %Y}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 credit``, ``2 credits``; ``plural`` where adding an s is wrong."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def listed(items: Sequence[str], last: str = "or") -> str:
    """``a``, ``a or b``, ``a, b or c`` (``last``: the word before the last, "and" say)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def group_name(group: Group) -> str:
    """``Group B, Impression and image``, or the title where it already says "group"."""
    if "group" in group.title.casefold():
        return group.title
    return f"Group {group.id}, {group.title}"


def replaced_it(new_name: str, replacement: Replacement) -> str:
    """``the sources say <new> replaced it <scope>``, or, where that is only read from them,
    ``the sources suggest ... (they do not say so in those words)``."""
    if replacement.inferred:
        return (f"the sources suggest {new_name} replaced it {replacement.scope} (they do not "
                "say so in those words)")
    return f"the sources say {new_name} replaced it {replacement.scope}"


def sentence_start(clause: str) -> str:
    """A clause made the start of a sentence: its first letter a capital, the rest as it is."""
    return clause[:1].upper() + clause[1:]
