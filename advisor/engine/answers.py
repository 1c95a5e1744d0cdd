"""A learner's answers read from text: age, yes or no, employment and aim.

The one place that says what a plausible age is and which words mean yes, working or an
apprenticeship. The command line, shared links, cohort files and the app's questions all read
answers through these functions, so a value one of them accepts the others accept too.
"""

from __future__ import annotations

import re

from advisor.engine.recommend_types import Aim, Employment

MIN_AGE = 13
"""The youngest plausible learner: the pre-16 age group starts in school years 9 to 11."""
MAX_AGE = 100
AGE_ACCEPTED = f"a whole number from {MIN_AGE} to {MAX_AGE}"  # what to give instead, in a note

def structure_not_held(reference: str) -> str:
    """Why a national structure given as a qualification held is refused (S/016/608)."""
    return (f"{reference} is a national structure, not a qualification a learner can hold: "
            "give the awarding body's version")


_WHOLE = re.compile(r"[+-]?\d+(\.0*)?")
_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})
_EMPLOYMENT = {
    "working": Employment.WORKING, "employed": Employment.WORKING, "yes": Employment.WORKING,
    "parttime": Employment.WORKING, "fulltime": Employment.WORKING,
    "inwork": Employment.WORKING,
    "notworking": Employment.NOT_WORKING, "unemployed": Employment.NOT_WORKING,
    "notinwork": Employment.NOT_WORKING, "no": Employment.NOT_WORKING,
    # An "employed" column of tick boxes
    "true": Employment.WORKING, "false": Employment.NOT_WORKING,
}
# The aims in the words the intake's guide explains them with: competence is "an NVQ",
# knowledge "a Principles qualification".
_AIMS = {**{_aim.value: _aim for _aim in Aim}, "nvq": Aim.COMPETENCE,
         "principles": Aim.KNOWLEDGE, "apprentice": Aim.APPRENTICESHIP}


class AnswerError(ValueError):
    """An answer that cannot be used; the message says why in words a person can act on."""


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


# "16 yrs", "16 years old", "16yo": the number is the age
_YEARS_AFTER = re.compile(r"(.+?)(?:\s*(?:years?|yrs?)(?:\s*old)?|(?<=\d)\s*y(?:\.?o)?)\.?",
                          re.IGNORECASE)
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_IN_WORDS = {**{word: n for n, word in enumerate(_ONES)},
             **{tens: 20 + 10 * i for i, tens in enumerate(_TENS)},
             **{f"{tens} {one}": 20 + 10 * i + n for i, tens in enumerate(_TENS)
                for n, one in enumerate(_ONES[1:10], start=1)},
             "one hundred": 100, "a hundred": 100}


class AgeBandError(AnswerError):
    """An age given as a band ("16-18", "19+"): no one age can be read from it."""


# "16-18", "16 to 18", "16 - 18" (a dash), "19+": an age group, not an age
_BAND = re.compile(r"\d{1,3}\s*(?:[-\u2013\u2014]|to)\s*\d{1,3}|\d{1,3}\s*\+", re.IGNORECASE)
_FRACTION = re.compile(r"\d{1,3}\.\d+")


def parse_age(text: str, *, notes: list[str] | None = None) -> int:
    """A whole number of years that is plausible: ``19``, ``19.0`` from a spreadsheet, ``19
    yrs`` or ``19 years old``, or in words (``nineteen``, ``twenty-one``). An age band
    (``16-18``) is an :class:`AgeBandError`.

    ``notes``: where given, an age with a fraction (``19.5``, as a spreadsheet works one out) is
    read as its whole years, the age the rules use, and a sentence saying so is added to it.
    Without it such an age is refused, as a box showing what was typed must not quietly read
    another number."""
    text = text.strip()
    number = found.group(1) if (found := _YEARS_AFTER.fullmatch(text)) else text
    words = " ".join(re.split(r"[\s-]+", number.casefold()))
    if words in _IN_WORDS:
        return check_age(_IN_WORDS[words])
    if _BAND.fullmatch(number.strip()):
        raise AgeBandError(f"{text!r} is an age band, not one age: give the age in whole years")
    if notes is not None and _FRACTION.fullmatch(number) and not _WHOLE.fullmatch(number):
        age = check_age(int(number.split(".")[0]))
        notes.append(f"{number} is read as {age}, the age in whole years the rules use")
        return age
    if _WHOLE.fullmatch(number):
        text = number
    if not (text.isascii() and _WHOLE.fullmatch(text)):
        raise AnswerError(f"{text!r} is not a whole number of years")
    whole = text.split(".")[0]
    if len(whole.lstrip("+-").lstrip("0")) > 3:  # read as a number, 400 digits would overflow
        shown = whole[:12] + ("..." if len(whole) > 12 else "")
        raise AnswerError(f"an age of {shown} is not plausible: give the learner's age in whole "
                          f"years ({MIN_AGE} to {MAX_AGE})")
    return check_age(int(whole))


def check_age(age: int) -> int:
    """``age`` if it is plausible for a learner, else :class:`AnswerError`."""
    if not MIN_AGE <= age <= MAX_AGE:
        raise AnswerError(f"an age of {age} is not plausible: give the learner's age in whole "
                          f"years ({MIN_AGE} to {MAX_AGE})")
    return age


def parse_yes_no(text: str) -> bool:
    """yes, y, true or 1; no, n, false or 0 (any case)."""
    answer = text.strip().casefold()
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    raise AnswerError(f"{text!r} is not one of: yes, no")


def parse_employment(text: str) -> Employment:
    """working (or employed, part-time, full-time, in work), not-working (or unemployed, not
    in work)."""
    found = _EMPLOYMENT.get(_key(text))
    if found is None:
        raise AnswerError(f"{text!r} is not one of: working, not-working")
    return found


def parse_aim(text: str) -> Aim:
    """knowledge (or Principles), competence (or NVQ) or apprenticeship (or apprentice)."""
    found = _AIMS.get(_key(text))
    if found is None:
        raise AnswerError(f"{text!r} is not one of: knowledge, competence, apprenticeship")
    return found
