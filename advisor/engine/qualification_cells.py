"""A qualification named in a cell of a learners file, as centres write one: its code or
regulator number (with the leading zeros a spreadsheet dropped, or its slashes lost), its
title, or its code followed by a name ("09629 - Level 3 Principles").

:func:`find_in_cell` reads what is clear and says how it read it; a cell that could name
more than one qualification, or whose words contradict its code, names none, and says why.
"""

from __future__ import annotations

import re

from advisor.catalogue import Catalogue, Qualification, UnknownReference

__all__ = ["MAX_REFERENCE_CHARS", "MAX_TITLE_CHARS", "find_in_cell"]

MAX_REFERENCE_CHARS = 40  # longer than any code or unit reference
MAX_TITLE_CHARS = 150  # longer than any qualification's title

# A code at the start of a cell, then words: a scheme code, a regulator number (its slashes
# spaces or lost) or a structure reference, apart from what follows by a space or a mark.
_LEADING_CODE = re.compile(
    r"\s*([0-9]{5}|[0-9]{3}[ /.-]?[0-9]{4}[ /.-]?[0-9X]|S/[0-9]{3}/[0-9]{3})"
    r"(?![0-9A-Z/])[\s\-\u2013:,;]*(\(.*|(?<![0-9A-Z/])\S.*)",
    re.IGNORECASE | re.DOTALL)
# Another code in those words: then which the cell means is not clear
_ANOTHER_CODE = re.compile(r"[0-9]{5}|[0-9]{3}\s*/\s*[0-9]{4}|S/[0-9]{3}/", re.IGNORECASE)
_LEVEL_SAID = re.compile(r"\b(?:level|lvl|l)\s*([1-8])\b", re.IGNORECASE)


def find_in_cell(catalogue: Catalogue, text: str) -> tuple[Qualification | None, str]:
    """(the qualification ``text`` names, "" or how it was read) or (None, why not)."""
    unknown = None
    if len(text) <= MAX_REFERENCE_CHARS:
        try:
            return catalogue.find_qualification(text), ""
        except UnknownReference as error:
            unknown = str(error)
        padded = text.strip().zfill(5)
        if text.strip().isdigit() and padded != text.strip():
            try:
                found = catalogue.find_qualification(padded)
            except UnknownReference:
                pass
            else:
                return found, (f"read {text!r} as {padded}: spreadsheets drop the leading "
                               "zeros of codes (format the column as text)")
    titled = catalogue.qualifications_titled(text)
    if titled:
        return _titled(text, titled)
    leading = _LEADING_CODE.fullmatch(text)
    if leading is not None and re.search(r"[A-Za-z0-9]", leading.group(2)):
        return _by_leading_code(catalogue, text, leading.group(1), leading.group(2))
    return (None, unknown) if unknown is not None else _titled(text, titled)


def _titled(title: str, found: tuple[Qualification, ...]) -> tuple[Qualification | None, str]:
    """The qualification ``title`` is the title of (``found``: those it is the title of),
    with a message saying it was read so; or None, saying why: a title several share names
    none of them."""
    if len(title) > MAX_TITLE_CHARS:
        return None, f"{title[:30]!r}... is too long to be a qualification code or title"
    if len(found) == 1:
        return found[0], f"read the title {title!r} as {found[0].reference}"
    if found:
        return None, (f"{title!r} is the title of more than one qualification "
                      f"({', '.join(q.reference for q in found)}): give its code")
    return None, (f"no qualification titled {title[:60]!r} in the catalogue: give its code "
                  "(09628) or regulator number (600/0840/4)")


def _by_leading_code(catalogue: Catalogue, text: str, code: str, words: str
                     ) -> tuple[Qualification | None, str]:
    """The qualification ``code`` names, where the ``words`` after it name no other code and
    no other level; said either way."""
    shown = f"{text[:60]!r}"
    if _ANOTHER_CODE.search(words):
        return None, f"{shown} names more than one code: give the target's code alone"
    try:
        q = catalogue.find_qualification(code)
    except UnknownReference as error:
        return None, str(error)
    level = _LEVEL_SAID.search(words)
    if level is not None and q.level is not None and int(level.group(1)) != q.level:
        return None, (f"{shown} begins with {q.reference}, a Level {q.level} qualification, "
                      f"but says Level {level.group(1)}: give the code alone")
    return q, (f"read {text!r} as {q.reference}, by the code it begins with: check that "
               f"{words.strip()[:60]!r} is the same qualification ({q.title})")
