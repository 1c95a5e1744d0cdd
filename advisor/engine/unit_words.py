"""How the words of one typed unit reference are read: a list's numbering, credits, levels and
brackets beside a unit set aside, numbers that "Unit" says are units' numbers, and several units
in one reference read word by word (:mod:`advisor.engine.unit_references` and
:mod:`advisor.engine.unit_tables` use these), and a URN within text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from advisor.engine.unit_marks import NUMERIC_DATE

__all__ = ["MAX_TYPED_UNITS", "URN_IN_TEXT", "clipped", "is_credits_or_level",
           "said_units_together", "unbracketed", "unit_as_one", "units_word_by_word",
           "without_asides"]

MAX_TYPED_UNITS = 200  # references read from one box; more is not a learner's units

# A URN in text, perhaps in brackets as the app's labels write it: ``F3 (K/601/1622)``.
URN_IN_TEXT = re.compile(r"\(?\b([A-Z]/\d{3}/\d{4})\b\)?", re.IGNORECASE)

# Words beside a unit that are not references: a list's numbering ("1.", "2)", "a)"), and a
# unit's credits or level ("6 credits", "(Level 3)").
_LIST_NUMBER = re.compile(r"[0-9]{1,3}[.):]|[A-Za-z]\)")
_CREDITS_OR_LEVEL = re.compile(r"\b[0-9]+(?:\.[0-9]+)?\s*credits?\b|\blevel\s*[0-9]\b|"
                               # and a date ("Achieved 12/03/2026", "12 Mar 2026")
                               + NUMERIC_DATE + r"|"
                               r"\b[0-9]{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                               r"dec)[a-z]*\.?(?:\s+[0-9]{2,4})?\b|"
                               r"\b[0-9]{1,3}(?:\.[0-9]+)?%|"  # and a share done: "100%"
                               r"\b(?P<done>[0-9]{1,3})/(?P=done)\b",  # all of it: "6/6"
                               re.IGNORECASE)


def is_credits_or_level(text: str) -> bool:
    """Whether ``text`` is a unit's credits or level and nothing else: "6 credits", "Level 3",
    "(L3)"."""
    return (_CREDITS_OR_LEVEL.fullmatch(text.strip(" ()[].")) is not None
            or re.fullmatch(r"L[0-9]", text.strip(" ()[]."), re.IGNORECASE) is not None)


def without_asides(reference: str) -> str:
    """``reference`` without a list's numbering (at its start, or after a unit: ``1. F3 2. F4``
    is F3 and F4, a numbered column pasted on one line, but the full stop of ``CS 7. CS 8``
    is not numbering) and the credits or level written beside a unit (``1. H/502/9655, 6
    credits, Level 3`` reads as H/502/9655); words that are only punctuation go too, but for
    those joining unit numbers ("&", "-": ``Units 1 & 2``).
    Unchanged where nothing else would be left."""
    words = _CREDITS_OR_LEVEL.sub(" ", reference).split()
    # "F3:" (a unit, then its title or status) but "1:" stays a list's number, as "1." does
    words = [w if _LIST_NUMBER.fullmatch(w) else w.rstrip(":") for w in words]
    if all(re.fullmatch(r"[0-9]+[.):]?", word) for word in words):
        return reference  # numbers alone ("1. 2."): unit numbers, not numbering
    kept = [word for n, word in enumerate(words)
            if not (_LIST_NUMBER.fullmatch(word) and n + 1 < len(words)
                    and (n == 0 or re.search(r"[0-9/]", words[n - 1])))
            and (re.search(r"[A-Za-z0-9]", word) or word in _JOINING)]
    return " ".join(kept) if kept else reference


def unbracketed(text: str) -> str:
    """``text`` without brackets around its words: ``(A3, B2)`` is A3 and B2."""
    return " ".join(w.strip("()[]") for w in text.split() if w.strip("()[]"))


def unit_as_one(reference: str, unit: Callable[[str], str | None]) -> str | None:
    """The unit ``reference`` names as a whole (``CS 7``, ``F 4``: spaces do not matter), but
    not where its first word is a unit itself: ``D1 6`` is D1 and its credits, not D16."""
    words = reference.split()
    if len(words) > 1 and (re.search(r"[0-9]", words[0]) or unit(words[0]) is not None):
        return None
    return unit(reference)


def units_word_by_word(words: Sequence[str], unit: Callable[[str], str | None]
                  ) -> tuple[list[str], list[str]]:
    """The units among ``words`` (URNs, by ``unit``), read two words at a time first (``CS 7
    CS 8`` is CS 7 and CS 8), and the words that are not units. A number alone is a unit's
    number (09628's units are 1 to 3) only among numbers alone (``1 2 3``, a column pasted on
    one line) or after "Unit" (``Unit 1 and Unit 2``): beside other words it is as likely a
    list's numbering, credits or a level (``H/502/9655 6 credits Level 3``), and is not read."""
    words = _numbers_said_units(words)
    numbers_alone = all(word.isdigit() or word in _JOINING for word in words)

    def read(reference: str) -> str | None:
        said = re.fullmatch(r"units?\s*([0-9]+)", reference, re.IGNORECASE)
        if said is not None:  # "Unit 1": a number said to be a unit's
            return unit(reference) or unit(said.group(1))
        return unit(reference) if numbers_alone or not reference.isdigit() else None

    found: list[str] = []
    not_units: list[str] = []
    at = 0
    while at < len(words):
        single = read(words[at])
        # Two words join only where the first is a unit number's letters ("CS 7", "D 1"):
        # "D1 6" is D1 and its credits, not D16, and "B1 4" is no B14.
        pair = (read(" ".join(words[at:at + 2]))
                if single is None and at + 1 < len(words) and not re.search(r"[0-9]", words[at])
                else None)
        if pair is not None or single is not None:
            found.append(pair or single or "")
        else:
            not_units.append(words[at])
        at += 2 if pair is not None else 1
    return found, not_units


# "Units" and the numbers it lists, apart by commas among them ("Units 1, 2 and 3"), but not a
# unit's credits after it ("Unit 1, 6 credits").
_SAID_LIST = re.compile(r"\bunits?:?\s*\(?[0-9]{1,2}(?:\s*(?:,|and\b|&|or\b)\s*[0-9]{1,2}\b"
                        r"(?!\s*(?:credits?|glh|%|/)))+", re.IGNORECASE)


def said_units_together(text: str) -> str:
    """``text`` with the commas between the numbers that "Units" lists made "and" (``Units 1, 2
    and 3`` is ``Units 1 and 2 and 3``), so that a list split at its commas is not cut off
    from the word saying its numbers are units (:func:`units_word_by_word`): "2" alone
    beside other words is not read as a unit."""
    return _SAID_LIST.sub(lambda said: re.sub(r"\s*,\s*", " and ", said.group()), text)


# After "Unit" or "Units": unit numbers, alone or as a range ("1-3", "1 to 3"), and the words
# that join them ("and", "&", "or").
_SAID_NUMBER = re.compile(r"([0-9]{1,2})(?:\s*(?:-|\u2013|to)\s*([0-9]{1,2}))?", re.IGNORECASE)
_JOINING = {"and", "&", "or", "to", "-", "\u2013"}


def _numbers_said_units(words: Sequence[str]) -> list[str]:
    """``words`` with each number that "Unit" or "Units" says is a unit's written "Unit N":
    ``Units 1 and 3``, ``units 1 & 2``, ``units 1/3``, ``Units 1-3`` and ``units 1 to 3`` (a
    range of at most twenty) name each of their units. Numbers elsewhere are left as they are."""
    out: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        if word.casefold().rstrip(":") not in ("unit", "units") or at + 1 == len(words):
            out.append(word)
            at += 1
            continue
        # The numbers that follow, with their joining words, as one text: "1 and 3", "1-3"
        # (a number straight after another, "Unit 2 6", is as likely its credits: not read)
        end = at + 1
        while end < len(words) and (
                (re.fullmatch(r"[0-9]{1,2}(?:[-\u2013/][0-9]{1,2})*", words[end].rstrip(",;"))
                 and (end == at + 1 or words[end - 1][-1:] in ",;"
                      or words[end - 1].casefold() in _JOINING))
                or (words[end].casefold() in _JOINING and end + 1 < len(words)
                    and words[end + 1][:1].isdigit())):
            end += 1
        said = " ".join(words[at + 1:end])
        if not said:
            out.append(word)
            at += 1
            continue
        for match in _SAID_NUMBER.finditer(said):
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            out += ([f"Unit {n}" for n in range(first, last + 1)] if 0 <= last - first < 20
                    else [f"Unit {first}", f"Unit {last}"])
        at = end
    return out


def clipped(text: str, most: int = 20) -> str:
    """``text`` cut to ``most`` characters, with an ellipsis where it was cut."""
    return text if len(text) <= most else text[:most - 1] + "…"
