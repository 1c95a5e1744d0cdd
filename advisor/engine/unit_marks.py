"""Whether words beside a unit say it is achieved or not: a tracker's marks ("Y", "N", a tick,
a cross, a date, "60%") and words ("in progress", "referred"), as the check page's box, an
intake's cells and the command line read them (:mod:`advisor.engine.unit_references`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from advisor.catalogue import Catalogue

__all__ = ["ACHIEVED_MARKS", "NOT_ACHIEVED_MARKS", "NOT_ACHIEVED_WORDS", "NUMERIC_DATE",
           "says_achieved", "says_not_achieved"]

# A date in figures: "12/03/2026", "12.03.26", "2026-03-12".
NUMERIC_DATE = r"\b[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}\b|\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b"
# Words that say a unit beside them may not be achieved ("not F4", "F4 in progress", "all
# except F4", "F4 referred", "F4 awaiting IQA"): a part with one is not read at all, and is
# named.
NOT_ACHIEVED_WORDS = frozenset({
    "not", "no", "except", "excluding", "without", "progress", "pending", "referred", "refer",
    "failed", "fail", "ongoing", "towards", "incomplete", "missing", "outstanding", "deferred",
    "resit", "retake", "planned", "todo", "awaiting", "resubmit", "resubmitted",
    "resubmission", "wip", "partial", "partially", "unachieved", "unsuccessful", "started",
    "submitted",  # "submitted": waiting for the assessor
    # a tracker's shorthand for work under way: "half done", "nearly complete", "in prog", "TBC"
    "half", "nearly", "almost", "partly", "draft", "prog", "tbc", "unfinished",
    # an e-portfolio's or tracker's other statuses for a unit not (or no longer) achieved:
    # "On hold", "Withdrawn", "NYC" (not yet competent), "Due 12/01/2027", "Action required"
    "hold", "withdrawn", "withdrew", "nyc", "due", "overdue", "booked", "reopened", "returned",
    "rejected", "cancelled", "canceled", "action", "unassessed", "uploaded"})
# Of those, words that say a unit is not achieved where they are its status ("F4 On hold", "F4
# Evidence uploaded", "F4 Due 12/01/2027", "F4 assessment booked"), but after a word saying it
# is achieved are a note on what comes next: "A3 Complete - on hold for EV sampling", "F3
# Achieved - evidence uploaded", "F3 Signed off, returned to learner", "F3 achieved, booked
# for certification", "F3 Pass - action plan agreed", "F3 Complete (due to be IQA'd)".
_STATUS_WORDS = frozenset({"hold", "due", "booked", "returned", "uploaded", "action"})
# ... except where they ask for more work, whatever comes before: "Complete - action
# required", "Signed off, returned for rework", "returned by IQA".
_MORE_WORK_ASKED = re.compile(r"\bactions? (?:required|needed)\b|\breturned (?:for|by)\b",
                              re.IGNORECASE)
# A tracker's marks for "not achieved", as a word of their own: "B2 N", "B2 ✗", "B2 x".
# ✗ ✘, the multiplication sign, ❌ and ☐ (by code point: some look like letters)
# "FALSE": a spreadsheet's tick box, copied.
NOT_ACHIEVED_MARKS = frozenset({"n", "x", "n/a", "false", "\u2717", "\u2718", "\u00d7",
                                "\u274c", "\u2610"})
# Words with "no" or "not" that say nothing about a unit: the app's own words for a fact the
# sources leave out, in a row copied from its tables; a header's "Unit no." and "No. 1"; a
# note from a tracker's comments column ("IQA: no actions").
_NOT_ABOUT_THE_UNIT = re.compile(
    r"\bnot (?:stated|known)\b|\b(?:unit|ref|reference) no\b\.?|\bno\.(?=\s*[0-9#])|"
    r"\bno (?:further )?(?:actions?|issues?|concerns?|comments?|problems?)\b|"
    r"(?:^|(?<=[\t|]))\s*no\.\s*(?=[\t|]|$)",  # a column's heading: "No. | Unit title"
    re.IGNORECASE | re.MULTILINE)
# A share done short of all of it: "B2 60%".
_PART_DONE = re.compile(r"[0-9]{1,2}(?:\.[0-9]+)?%")
# Criteria met out of all of them: "B2 3/6" is part done unless the first is as large.
_FRACTION = re.compile(r"([0-9]{1,3})/([0-9]{1,3})")


# A share written out: "2 of 6", "5 out of 6" (criteria met of all); "50 %", "50 per cent".
_SHARE_IN_WORDS = re.compile(r"([0-9]{1,3}) (?:out )?of ([0-9]{1,3})\b")
_SPACED_PERCENT = re.compile(r"([0-9])\s*(?:%|per\s?cent\b)", re.IGNORECASE)


def _part_done(word: str) -> bool:
    """Whether one word says part of a unit is done: "60%", or "3/6" (criteria met of all)."""
    fraction = _FRACTION.fullmatch(word)
    if fraction is not None:
        return int(fraction.group(1)) < int(fraction.group(2))
    return _PART_DONE.fullmatch(word) is not None


# Words after a fraction saying it counts criteria met: "3/6 criteria", "2/5 ACs".
_CRITERIA = re.compile(r"criteri(?:a|on)|acs?|pcs?|los?|outcomes?|elements?")


def _not_a_share(words: Sequence[str], at: int) -> bool:
    """Whether the fraction ``words[at]`` is not a share of criteria met: straight after a
    word saying achieved it is more likely a date ("Achieved 3/6", "achieved on 3/6"), and
    straight after "Unit" a list of units ("Units 1/3"). Only there: "F3 done F4 3/6" says
    F4 is part done, and criteria after it ("achieved 3/6 criteria") say so wherever it is."""
    if _FRACTION.fullmatch(words[at].strip("()[]")) is None:
        return False  # "60%"
    if at + 1 < len(words) and _CRITERIA.fullmatch(words[at + 1].strip("()[]")):
        return False
    before = [w.strip("()[]") for w in words[:at]]
    if before[-1:] == ["on"]:  # "completed on 3/6"
        before = before[:-1]
    return bool(before) and (before[-1] in ACHIEVED_MARKS or before[-1] in ("unit", "units"))


def _short_of_all(words: Sequence[str], at: int) -> bool:
    """Whether ``words`` from ``at`` say in words that part of a unit's criteria are met, "2
    of 6", "5 out of 6"; not after "Unit", where it is the unit's place among them ("Unit 2
    of 3")."""
    share = _SHARE_IN_WORDS.match(" ".join(w.strip("()[]") for w in words[at:at + 4]))
    return (share is not None and int(share.group(1)) < int(share.group(2))
            and (at == 0 or words[at - 1].strip("()[]") not in ("unit", "units")))


def _criteria_counted(words: Sequence[str], at: int) -> bool:
    """Whether ``words[at]`` counts criteria without saying all of them are met: "3 criteria
    met", "Unit 1 and 2 criteria signed" (not "all 6 criteria met"). How many there are is not
    said, so the unit may be part done."""
    return (words[at].strip("()[]").isdigit() and at + 1 < len(words)
            and _CRITERIA.fullmatch(words[at + 1].strip("()[]")) is not None
            and (at == 0 or words[at - 1] != "all"))


def says_not_achieved(text: str, catalogue: Catalogue | None = None) -> bool:
    """Whether ``text`` has a word or a tracker's mark saying a unit beside it may not be
    achieved ("in progress", "N", "✗", "60%", "3/6" or "2 of 6" criteria met, "3 criteria
    met" with no total). With
    ``catalogue``, a unit's own title is not read for such words ("Handle referred customer
    complaints" is 03456's C8)."""
    if catalogue is not None:
        text = _without_titles_saying_not(catalogue, text)
    text = _NOT_ABOUT_THE_UNIT.sub(" ", text)  # "GLH not stated", "IQA: no actions"
    text = _SPACED_PERCENT.sub(r"\1%", text)  # "60 %" is "60%"
    # A mark is a word of its own, apart by spaces or a table's separators: "B2 x", not the
    # x of "](x)".
    words = [w for w in (re.sub(r"^[.!?'\"\u2010-\u2015-]+|[.!?'\"\u2010-\u2015-]+$", "", word)
                         for word in re.split(r"[\s,;:|]+", text.casefold())) if w]
    for at, word in enumerate(words):
        if word in NOT_ACHIEVED_MARKS or _short_of_all(words, at) or _criteria_counted(
                words, at) or (
                _part_done(word.strip("()[]")) and not _not_a_share(words, at)):
            return True
    if _MORE_WORK_ASKED.search(text):
        return True
    for line in text.casefold().splitlines():
        achieved_before = False  # a word saying achieved: "A3 Complete - on hold for EV"
        before = ""
        for word in re.split(r"[\s,;:()\[\]\"]+", line):
            if re.search(r"[0-9]", word) and not _A_DATE.fullmatch(word.strip(".")):
                achieved_before = False  # the next unit's: "F3 complete F4 on hold"
            # words, not a unit's number ("N1", "N/601/…")
            said = set() if re.search(r"[0-9/&]", word) else NOT_ACHIEVED_WORDS.intersection(
                re.findall(r"[a-z]+", word))
            if said - _STATUS_WORDS or (said and not achieved_before):
                return True
            # (not "to complete", "to be signed off": still to be done; nor "done?")
            if word.strip(".!'") in ACHIEVED_MARKS and before not in ("to", "be"):
                achieved_before = True
            before = word
    return False


@functools.lru_cache(maxsize=4)  # per catalogue (compared by identity)
def _titles_saying_not(catalogue: Catalogue) -> re.Pattern[str] | None:
    """The titles of units in which a word says "not achieved", as one pattern, or None."""
    titles = sorted({u.title for u in catalogue.units.values()
                     if not NOT_ACHIEVED_WORDS.isdisjoint(re.findall(r"[a-z]+",
                                                                     u.title.casefold()))},
                    key=len, reverse=True)
    if not titles:
        return None
    return re.compile("|".join(r"\s+".join(map(re.escape, t.split())) for t in titles),
                      re.IGNORECASE)


def _without_titles_saying_not(catalogue: Catalogue, text: str) -> str:
    """``text`` without the titles of units that have a "not achieved" word in them."""
    titles = _titles_saying_not(catalogue)
    return titles.sub(" ", text) if titles is not None else text


# Marks a tracker gives a unit achieved, as a word of their own: "F3 Y", "1 \u2713".
# ("TRUE": a spreadsheet's tick box, copied; "competent": an NVQ's word for achieved)
ACHIEVED_MARKS = frozenset({"y", "yes", "achieved", "complete", "completed", "done", "passed",
                            "pass", "met", "signed", "verified", "assessed", "100%", "true",
                            "competent", "certificated", "claimed", "\u2713", "\u2714", "\u2611",
                            "\u2705"})
# A date beside a unit, as a tracker's "date achieved" column gives it: a mark too.
_A_DATE = re.compile(NUMERIC_DATE)


# Every criterion met: "6/6".
_ALL_OF_IT = re.compile(r"([1-9][0-9]{0,2})/\1")


def says_achieved(text: str) -> bool:
    """Whether ``text`` has a tracker's mark saying a unit beside it is achieved ("Y",
    "\u2713", "complete", "100%", "6/6" criteria met)."""
    words = [re.sub(r"^[.!?']+|[.!?']+$", "", word)
             for word in re.split(r"[\s,;:()\[\]\"|]+", text.casefold())]
    return _A_DATE.search(text) is not None or any(
        word in ACHIEVED_MARKS or _ALL_OF_IT.fullmatch(word) for word in words)
