"""Units named by people: URNs or unit numbers within a qualification, one at a time or typed
and pasted as a list (the check page's box, links, intake cells, the command line)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from advisor.catalogue import Catalogue, Qualification, UnknownReference
from advisor.engine.unit_marks import ACHIEVED_MARKS, NUMERIC_DATE, says_achieved, says_not_achieved
from advisor.engine.unit_tables import (
    cells_of,
    csv_as_tabs,
    is_header,
    is_table,
    read_table,
    row_refused,
    row_words,
    status_column,
    titles_of,
)
from advisor.engine.unit_words import (
    MAX_TYPED_UNITS,
    URN_IN_TEXT,
    clipped,
    is_credits_or_level,
    said_units_together,
    unbracketed,
    unit_as_one,
    units_word_by_word,
    without_asides,
)


def resolve_units(catalogue: Catalogue, references: Sequence[str],
                  qualification: Qualification | None = None) -> list[str]:
    """URNs for unit references given as URNs or as numbers within ``qualification``. A
    reference of several words that is not a unit, each of whose words is one, is read word by
    word: ``F3 F4 A3``, a spreadsheet column pasted on one line. A reference that names no unit
    raises :class:`UnknownReference` naming the closest units (and the qualification asked for,
    not the national structure it follows); with several, one that names them all, so that
    each slip is seen at once."""
    urns: list[str] = []
    unknown: list[UnknownReference] = []
    for reference in references:
        if not reference.strip():
            continue
        found, not_found = read_reference(catalogue, reference, qualification)
        if not_found and (found or says_not_achieved(reference, catalogue)):
            # Named as read: "'6' beside other words is not read as a unit number", not
            # "no unit 'F3 6'"
            unknown.append(UnknownReference("unit", reference, why="; ".join(not_found)))
            continue
        if not_found:
            try:
                catalogue.find_unit(reference, within=_numbered_within(catalogue, qualification),
                                    asked_for=qualification)
            except UnknownReference as error:
                unknown.append(error)
                continue
        urns += found
    if len(unknown) == 1:
        raise unknown[0]
    if unknown:
        raise UnknownReference("unit", ", ".join(u.reference for u in unknown),
                               why="; ".join(dict.fromkeys(str(u) for u in unknown)))
    return urns


def read_reference(catalogue: Catalogue, reference: str,
                   qualification: Qualification | None = None, *,
                   not_yet_allowed: bool = False) -> tuple[list[str], list[str]]:
    """The URNs one reference names (a URN, a unit number within ``qualification``, or several
    of them in words, as :func:`resolve_units` reads them), and for each word that names no
    unit, the catalogue's message saying so with the closest units: where one mistyped word
    must not lose the units beside it (a learners file's cell, "F3 F4 ZZ9").
    ``not_yet_allowed``: units not yet achieved are what is asked for (units in progress), so
    "F4 not yet" is F4, not a part refused."""
    within = _numbered_within(catalogue, qualification)
    unit = _unit_finder(catalogue, within)
    urn = unit_as_one(unbracketed(reference), unit)
    if urn is not None:
        return [urn], []
    if not not_yet_allowed and says_not_achieved(_labels_as_references(catalogue, reference),
                                                 catalogue):
        if not re.search(r"[0-9/]", reference):  # a mark alone ("X", "in progress"): no unit
            return [], [f"{reference[:40]!r} names no unit (it reads as a mark saying a unit "
                        "is not achieved): give the units achieved, by their numbers or unit "
                        "reference numbers"]
        return [], [f"{reference[:40]!r} says a unit in it may not be achieved, so none of it "
                    "is read: give only the units achieved (units in progress apart)"]
    words = unbracketed(without_asides(reference)).split()
    found, not_units = units_word_by_word(words, unit)
    messages = []
    # Beside units, only the words that look like references are named (a digit or a
    # slash: "F44"), not the "and" of "F3 and F4" nor the "achieved" of "F3 achieved".
    for word in [w for w in not_units if re.search(r"[0-9/]", w)] if found else [reference]:
        if word.isdigit() and not all(w.isdigit() for w in words):  # see units_word_by_word
            give = (f": give it as Unit {word}, on its own, or by its unit reference number"
                    if unit(word) is not None else "")
            messages.append(f"{word!r} beside other words is not read as a unit number (it may "
                            f"be a list's numbering, credits or a level){give}")
            continue
        try:
            catalogue.find_unit(word, within=within, asked_for=qualification)
        except UnknownReference as error:
            messages.append(str(error))
    return found, list(dict.fromkeys(messages))


def unit_suggestions(catalogue: Catalogue, reference: str, qualification: Qualification
                     ) -> tuple[str, ...]:
    """The units closest to a reference that names none of ``qualification``'s ("F4" for
    "F44"), as the catalogue suggests them when asked within ``qualification``; none where
    nothing is close."""
    try:
        catalogue.find_unit(reference, within=_numbered_within(catalogue, qualification),
                            asked_for=qualification)
    except UnknownReference as error:
        return tuple(error.suggestions)
    return ()


def _numbered_within(catalogue: Catalogue, qualification: Qualification | None
                     ) -> Qualification | None:
    """Where ``qualification``'s unit numbers are read: its own rules, else those of the
    national structure it follows."""
    if qualification is not None and qualification.rules is None:
        _, structure = catalogue.effective_rules(qualification)
        return structure or qualification
    return qualification


def _unit_finder(catalogue: Catalogue, within: Qualification | None
                 ) -> Callable[[str], str | None]:
    """One reference's URN (a URN, or a unit number within ``within``), or None; each
    reference looked up once (a tracker repeats its words on every row, and a failed lookup
    works out the closest units, which is slow)."""
    found: dict[str, str | None] = {}

    def unit(reference: str) -> str | None:
        if reference not in found:
            try:
                found[reference] = catalogue.find_unit(reference, within=within).urn
            except UnknownReference:
                found[reference] = None
        return found[reference]
    return unit


MAX_TYPED_LINES = 400  # lines read from one box (a tracker's rows, a header, notes)

# What follows a unit's title in the app's labels: its credits and level (a checkbox, a plan,
# a record) and the centre's evidence for a unit it accepted (a record).
_LABEL_TAIL = re.compile(r"\s*,\s*(?:\d+\s+credits?|credits\s+not\s+stated|Level\s+\d+|"
                         r"level\s+not\s+stated)\b|\s*\(evidence:(?:[^()]|\([^()]*\))*\)",
                         re.IGNORECASE)
# The unit's number a label writes before its URN ("F3", "CS 1", "B&A 38"): at most two words
# after the last separator.
_NUMBER_BEFORE = re.compile(r"(?:^|(?<=[,;\n]))[^,;\n]*$")


def _labels_as_references(catalogue: Catalogue, text: str) -> str:
    """``text`` with each unit label the app writes cut to its URN, set apart by commas:
    ``F3 (K/601/1622) Demonstrate understanding of customer service, 6 credits, Level 3`` (a
    checkbox's, without the brackets; a plan's or a record's, perhaps with the centre's
    evidence) reads as ``F3, K/601/1622,``, so that neither the title nor the credits and
    level are taken for references. A URN in brackets with no title after it loses only its
    brackets. Only the unit's own title, after its URN, is cut: a title typed alone is still
    named as not a unit."""
    pieces: list[str] = []
    at = 0
    for match in URN_IN_TEXT.finditer(text):
        if match.start() < at:  # inside a label already cut
            continue
        pieces.append(text[at:match.start()])
        at = match.end()
        urn = match.group(1).upper()
        unit = catalogue.units.get(urn)
        title = (re.compile(r"\s+" + r"\s+".join(map(re.escape, unit.title.split())) + r"\b",
                            re.IGNORECASE).match(text, at) if unit is not None else None)
        if title is None:
            pieces.append(f" {urn} ")
            continue
        at = title.end()
        while (tail := _LABEL_TAIL.match(text, at)) is not None:
            at = tail.end()
        # A label's own number goes with it: its URN names the unit, and the number may be
        # another qualification's (CS 1 of 10379 is not 09628's unit 1).
        before = _NUMBER_BEFORE.search(pieces[-1])
        if before is not None and 0 < len(before.group().split()) <= 2:
            pieces[-1] = pieces[-1][:before.start()]
        pieces.append(f", {urn}, ")
    pieces.append(text[at:])
    return "".join(pieces)


# A URN typed with spaces for its slashes, spaces round them (copied from a PDF), hyphens,
# full stops or nothing between its parts: "K 601 1622", "K / 601 / 1622", "K-601-1622",
# "K6011622".
_URN_PART_GAP = r"(?:\s*[/.-]\s*|\s+|)"
_SPACED_URN = re.compile(rf"\b([A-Z]){_URN_PART_GAP}([0-9]{{3}}){_URN_PART_GAP}([0-9]{{4}})\b",
                         re.IGNORECASE)
# A slash between two unit numbers, as a list: ``F3/F4/A3`` (never inside a URN, whose parts
# around a slash are a letter alone or digits alone).
_NUMBERS_SLASHED = re.compile(r"(?<![A-Za-z&])([A-Za-z&]+ ?[0-9]{1,2})/(?=[A-Za-z&]+ ?[0-9])")


# A unit's level and credits in brackets beside it: "F3 (L3, 6)", "(Level 3; 6 credits)".
# Only where it says a level or credits, or is one figure after a unit ("A3 (6)"): "(1, 3)"
# may be 09628's units.
_BRACKETED_ASIDE = re.compile(r"\((?=[^()]*(?:\bL[0-9]|level|credit|\bcr\b|glh))(?:\s*(?:L[0-9]|"
                              r"level\s*[0-9]|[0-9]{1,3}(?:\s*(?:credits?|cr|glh))?)\s*[,;/]?)+"
                              r"\s*\)|(?<=\w)\s?\(\s*[0-9]{1,3}\s*\)", re.IGNORECASE)


def without_level_and_credits(text: str) -> str:
    """``text`` without a unit's level and credits in brackets beside it (``F3 (L3, 6)`` is
    ``F3``): their comma would split them into references of their own."""
    return _BRACKETED_ASIDE.sub(" ", text)


def tidy_unit_list(text: str) -> str:
    """Typed text with a URN's spaces made slashes, a list's slashes made commas, a unit's
    level and credits in brackets left out (:func:`without_level_and_credits`), and the
    numbers "Units" lists kept together (:func:`said_units_together`)."""
    return said_units_together(_NUMBERS_SLASHED.sub(r"\1,", _SPACED_URN.sub(
        r"\1/\2/\3", without_level_and_credits(text))))


def mark_refuses_unit_before(catalogue: Catalogue, before: str, mark: str) -> bool:
    """For a part naming no unit that says a unit may not be achieved (``mark``), after a part
    on its line naming units (``before``): whether it is that unit's status, so the unit is
    not read either ("F3, 60%", a tracker's row saved as CSV), rather than a note on a unit
    said to be achieved ("F3 Signed off, returned to learner"), which leaves nothing out. The
    check page's box and an intake's cell both decide it here."""
    return says_not_achieved(f"{before}, {mark}", catalogue)


def split_unit_references(catalogue: Catalogue, text: str) -> list[str]:
    """The unit references in one option or cell, apart as :func:`read_typed_units` sets them
    apart (commas, semicolons, line breaks, ``+``, ``F3/F4``), each of the app's own unit
    labels first cut to its URN, so that the commas inside ``C8 (K/601/1524) Handle referred
    customer complaints, 10 credits, Level 4`` do not make references of its credits and
    level."""
    return [" ".join(p.split()) for p in re.split(
        r"[;,\n+]+", _labels_as_references(catalogue, tidy_unit_list(text))) if p.strip(" .")]


def read_typed_units(catalogue: Catalogue, text: str, qualification: Qualification
                     ) -> tuple[list[str], list[str]]:
    """The units of ``qualification`` in text a person typed or pasted (``F3, F4; A3``, a
    spreadsheet column, or one on one line: ``F3 F4 A3``), as URNs, and the references not
    read as its units (at most 20 characters each, an ellipsis ending one cut short), among
    them the parts and rows marked as not achieved (:func:`says_not_achieved`) and, where most
    rows carry a mark saying achieved (:func:`says_achieved`), the rows with none.

    References are separated by commas, semicolons, line breaks, ``+`` or a slash between
    unit numbers (``F3/F4``), a full stop after one aside (``A3.``), and a unit reference
    number may have spaces, hyphens or nothing for its slashes (``R 601 1226``,
    ``R-601-1226``, ``R6011226``); a part that is not a unit
    is read word by word, two words at a time first (``CS 7 CS 8`` is CS 7 and CS 8). The
    app's own unit labels, copied from the page, a plan or a record, read as their units
    (``F3 (K/601/1622) Demonstrate understanding of customer service, 6 credits, Level 3`` is
    F3), their titles, credits and levels not named as references. Rows copied from a table
    (cells apart by tabs, as a spreadsheet copies them, or by ``|``) read by their unit
    reference numbers where they have any, else cell by cell; either way a row's other cells
    (a title, credits, a level) are not named as references."""
    listed = catalogue.listed_units(qualification)
    any_unit = _unit_finder(catalogue, _numbered_within(catalogue, qualification))

    def unit(reference: str) -> str | None:  # one unit of the qualification, or None
        urn = any_unit(reference)
        return urn if urn in listed else None

    titles = titles_of(catalogue, listed)
    text = csv_as_tabs(text)
    # The lines read: a Markdown table's rule ("|---|---|") is no row, and a learner's units
    # fill far fewer lines than MAX_TYPED_LINES (more would only slow the page)
    every_line = text.splitlines()
    lines = [line for line in every_line[:MAX_TYPED_LINES]
             if not re.fullmatch(r"[\s|:+-]*-[\s|:+-]*", line)]
    cut = ([f"the lines after line {MAX_TYPED_LINES} (not read)"]
           if len(every_line) > MAX_TYPED_LINES else [])
    text = "\n".join(_numbered_rows(lines, unit, catalogue))
    lines = text.split("\n")
    # The header: the line naming a column of units or of status, else the first naming no
    # unit. Each row naming a unit is read under it, which may say a column of numbers holds
    # units (not the header's "Unit | Completed", nor a blank line).
    header = next((line for line in lines if is_header(line)), None) or next(
        (line for line in lines
         if line.strip() and not _read_units(catalogue, line, unit, titles)[0]), "")
    rows = [line for line in lines if line.strip() and line != header and _read_units(
        catalogue, f"{header}\n{line}", unit, titles)[0]] if "\n" in text else []
    # Under a header naming a status column ("Achieved", "Status"), a row whose cell there
    # says something other than achieved ("IQA sampled", "Exempt") is not marked achieved,
    # one row alone too; so is one whose cell there is empty.
    status = status_column(header)
    unclear = [row for row in rows if status is not None and cells_of(row, status)
               and not says_achieved(cells_of(row, status))
               and not says_not_achieved(row, catalogue)]
    unmarked: list[str] = []
    marked = sum(says_achieved(row) for row in rows)
    if len(rows) > 1 and marked > len(rows) - marked:  # most rows carry a mark, not one note
        # A tracker whose rows carry a mark saying achieved ("1 \u2713", "F3 Y"): a row with
        # no mark (an empty status cell) is not known to be achieved, so its unit is not read.
        unmarked = [row for row in rows if not says_achieved(row) and row not in unclear
                    and not says_not_achieved(row, catalogue)]
    empty = [row for row in rows if status is not None and not cells_of(row, status)
             and row not in unmarked and not says_not_achieved(row, catalogue)]
    set_aside = {*unclear, *unmarked, *empty}
    kept = [line for line in lines if line not in set_aside]
    # (the header alone, once every row is set aside, is not named as a unit not found)
    found, unknown = _read_units(catalogue, "\n".join(kept) if set(kept) - {header, ""} or
                                 not set_aside else "", unit, titles)
    return found, [*unknown, *(row_words(row, catalogue, unit, titles, "no mark saying "
                                          "achieved: its status is "
                                          f"'{clipped(cells_of(row, status or 0), 25)}'")
                               for row in unclear),
                   *(row_words(row, catalogue, unit, titles, "no mark saying "
                                "achieved, where other rows have one") for row in unmarked),
                   *(row_words(row, catalogue, unit, titles, "no mark saying achieved: its "
                                "status is empty") for row in empty), *cut]


# A tracker's row giving a unit's number in figures and its status alone: "1 Complete",
# "2 - In progress", "3\tY\t12/03/2026".
_NUMBERED_ROW = re.compile(r"\s*([0-9]{1,2})[.):]?(\s*[-\u2013:\t|]?\s*)(\S.*)")


def _numbered_rows(lines: list[str], unit: Callable[[str], str | None],
                   catalogue: Catalogue) -> list[str]:
    """``lines`` with each row giving one of the qualification's unit numbers in figures and
    then only its status ("1 Complete", "2 - In progress") written "Unit 1 Complete", where two
    rows or more are so: a tracker's rows for 09628, whose units are numbered 1 to 3. (A
    number beside other words is not read as a unit's, being as likely a list's numbering or
    credits; one row alone is as likely a count: "2 completed".)"""
    def status_alone(rest: str) -> bool:
        return not re.search(r"[0-9]", re.sub(NUMERIC_DATE, " ", rest)) and (
            says_achieved(rest) or says_not_achieved(rest, catalogue))

    matches = [_NUMBERED_ROW.fullmatch(line) for line in lines]
    numbered = [m is not None and unit(m.group(1)) is not None and status_alone(m.group(3))
                for m in matches]
    if sum(numbered) < 2:
        return lines
    return [f"Unit {m.group(1)}{m.group(2) or ' '}{m.group(3)}" if is_row and m else line
            for line, m, is_row in zip(lines, matches, numbered, strict=True)]


def _read_units(catalogue: Catalogue, text: str, unit: Callable[[str], str | None],
                titles: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """:func:`read_typed_units` once rows without a mark are set aside."""
    if is_table(text):  # rows copied from a table
        # A row saying a unit is not achieved ("in progress") is not read; where the rows
        # arrive on one line (a one-line box), none is, as which row says so is not known.
        refused = [line for line in text.splitlines() if row_refused(line, catalogue)]
        if not refused:
            return read_table(text, unit, titles)
        rest = "\n".join(line for line in text.splitlines() if line not in refused)
        # (a header alone, every row set aside, is not named as a unit not found)
        in_rows, not_read = read_table(rest, unit, titles, name=len(
            [line for line in rest.splitlines() if line.strip()]) > 1)
        return in_rows, [*(row_words(line, catalogue, unit, titles, "") for line in refused),
                         *not_read]
    found: list[str] = []
    unknown: list[str] = []
    asides: list[str] = []  # a unit's credits or level set apart by a comma: "F3, 6 credits"
    before: tuple[str, list[str]] = ("", [])  # the part before on its line, and its units
    parts = [(n, p) for n, line in enumerate(text.splitlines())
             for p in split_unit_references(catalogue, line)][:MAX_TYPED_UNITS]
    lines_of = [n for n, _ in parts]
    alone = False
    for number, (line_number, as_typed) in enumerate(parts):
        # A new line is a row of its own, unless the line before is a unit alone: a table's
        # cells pasted one to a line ("F4" over "In progress", from a PDF)
        if number and lines_of[number - 1] != line_number and not (
                alone and lines_of.count(lines_of[number - 1]) == 1):
            before = ("", [])
        alone = False  # this part is one unit and nothing else: "F4", "Unit 2"
        part = " ".join(w.rstrip(".:") for w in unbracketed(without_asides(as_typed)).split())
        if says_not_achieved(as_typed, catalogue):  # "not F4", "F4 \u2717": none ticked
            of_its_own = bool(before[1]) and unit_as_one(part, unit) is None and not (
                units_word_by_word(part.split(), unit)[0])
            if of_its_own and not mark_refuses_unit_before(catalogue, before[0], as_typed):
                # a note on a unit said to be achieved: "F3 Signed off, returned to learner"
                asides.append(clipped(as_typed))
                continue
            if of_its_own:
                # A mark of its own after a unit ("F3, 60%", a row of a file saved as CSV) is
                # that unit's: it is not read either, and both are named together.
                found = [u for u in found if u not in before[1]]
                as_typed = f"{before[0]}, {as_typed}"
            unknown.append(clipped(as_typed, 30))
            before = ("", [])
            continue
        if is_credits_or_level(as_typed) or all(  # or a mark saying achieved: "F3,Y"
                w.strip(".!") in ACHIEVED_MARKS for w in as_typed.casefold().split()):
            asides.append(clipped(as_typed))
            continue
        urn = unit_as_one(part, unit)
        if urn is not None:
            found.append(urn)
            before, alone = (as_typed, [urn]), True
            continue
        in_part, not_units = units_word_by_word(part.split(), unit)
        alone = len(in_part) == 1 and not not_units
        not_units = [clipped(word) for word in not_units]
        found += in_part
        before = (as_typed, in_part)
        # Beside units, or where several words look like references (with a digit or a
        # slash: "F/601/1519 unit 12 F44"), each such word is named, not the "and" or "Unit"
        # of "Unit 1 and Unit 2"; other words of which none is a unit (a title, a sentence)
        # are one reference not found.
        looks_like = [w for w in not_units if re.search(r"[0-9/]", w)]
        unknown += looks_like if in_part or len(looks_like) > 1 else [clipped(part)]
    # Beside units, credits, levels and marks are passed over; alone, they are said not to be
    # units.
    return list(dict.fromkeys(found)), list(dict.fromkeys(
        unknown + ([] if found or unknown else asides)))

