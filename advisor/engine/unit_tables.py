"""Units in rows copied from a table: a tracker, a document's unit table, the app's own plan,
or an e-portfolio's CSV export. Cells apart by tabs or ``|``; a header naming the column of
units or of status; a row's status deciding whether its unit is read; and a unit named by its
title alone (:mod:`advisor.engine.unit_references` reads the rest of what people type)."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from advisor.catalogue import Catalogue
from advisor.engine.unit_marks import says_achieved, says_not_achieved
from advisor.engine.unit_words import MAX_TYPED_UNITS, URN_IN_TEXT, clipped, units_word_by_word

__all__ = ["cells_of", "csv_as_tabs", "is_header", "is_table", "placed_cells", "read_table",
           "row_refused", "row_words", "status_column", "table_cells", "titled", "titles_of"]


def csv_as_tabs(text: str) -> str:
    """``text`` with its cells apart by tabs where it is a CSV file's rows (an e-portfolio's
    export opened as text): its first line a header of two cells or more, one of them naming
    the column of units or of status (``Unit,Title,Credits,Status,Date``). Its commas then part
    cells, not units: ``A3,Communicate effectively with customers,5,In progress,`` is a row
    saying A3 is in progress, not A3 and, apart, "In progress". Else ``text`` as it is."""
    lines = text.strip("\n").splitlines()
    if len(lines) < 2 or is_table(text):
        return text
    first = next(csv.reader([lines[0]]), [])
    if len(first) < 2 or not is_header("\t".join(first)):
        return text
    return "\n".join("\t".join(" ".join(c.split()) for c in row)
                     for row in csv.reader(lines))


# A header's cell naming the column that says whether a unit is achieved
_STATUS_HEADING = re.compile(r"(?:status|achieved|complete|completed|done|signed off|result|"
                             r"outcome|(?:date )?(?:achieved|completed)(?: date)?)\??",
                             re.IGNORECASE)


def status_column(header: str) -> int | None:
    """Where a table's ``header`` names its status column (``Unit | Title | Achieved``): its
    place among the row's cells (empty cells counted), else None."""
    return next((i for i, c in enumerate(placed_cells(header))
                 if is_table(header) and _STATUS_HEADING.fullmatch(c)), None)


def placed_cells(line: str) -> list[str]:
    """A table row's cells in their places, empty ones counted, stripped (a Markdown row's
    outer bars are not cells)."""
    return [c.strip() for c in re.split(r"[\t|]", line.strip().strip("|"))]


def cells_of(row: str, at: int) -> str:
    """A table row's cell at place ``at`` (empty cells counted); empty if none."""
    cells = placed_cells(row)
    return cells[at] if at < len(cells) else ""


# A header's cell naming the column of units: "Unit", "Unit no.", "Unit title", "No.", "#"
_UNIT_HEADING = re.compile(r"(?:unit ?)?(?:no\.?|number|#|ref(?:erence)?|title|code)|unit",
                           re.IGNORECASE)


def is_header(line: str) -> bool:
    """Whether a table's line is its header: a cell names the column of units or of status."""
    return is_table(line) and any(
        _UNIT_HEADING.fullmatch(c) or _STATUS_HEADING.fullmatch(c) for c in placed_cells(line))



def table_cells(line: str) -> list[str]:
    """A table row's cells that hold something (apart by tabs, as a spreadsheet copies them,
    or by ``|``), each on one line."""
    return [" ".join(c.split()) for c in placed_cells(line) if c]


def is_table(text: str) -> bool:
    """Whether ``text`` is rows copied from a table: cells apart by tabs or ``|``."""
    return "\t" in text or "|" in text


def _status_cells(cells: Sequence[str], catalogue: Catalogue) -> list[str]:
    """The cells of a row that are a status alone ("Y", "N", "Pass", "awaiting IQA", a date):
    short cells with a mark, not a comment mentioning one."""
    return [c for c in cells if len(c.split()) <= 3
            and (says_achieved(c) or says_not_achieved(c, catalogue))]


def row_refused(line: str, catalogue: Catalogue) -> bool:
    """Whether a table row says its unit may not be achieved. Where the row has a status cell,
    that decides ("Y" beside the comment "resubmitted after referral, now pass" is achieved);
    else any word of the row does."""
    status = _status_cells(table_cells(line), catalogue)
    if status:  # "Not achieved", "Started 12/01/2026": refused, whatever else they say
        # (in their order: "Achieved | Evidence uploaded" is achieved, "On hold | Y" is not)
        return any(says_not_achieved(c, catalogue) for c in status) and says_not_achieved(
            ", ".join(status), catalogue)
    return says_not_achieved(line, catalogue)


def row_words(line: str, catalogue: Catalogue, unit: Callable[[str], str | None],
               titles: Mapping[str, str], said: str) -> str:
    """A row set aside, for a person: its unit as the row gives it and its status ("B2: N",
    "Unit 3: awaiting moderation") or why it was set aside (``said``), else the row's start."""
    cells = table_cells(line) if is_table(line) else [line]
    reference = next((c for c in cells if read_table(c, unit, titles, name=False)[0]
                      or (c.rstrip(".").isdigit() and unit(c.rstrip(".")))), None)
    if reference is None:
        return f"{clipped(' '.join(line.split()), 30)} ({said})" if said else clipped(
            " ".join(line.split()), 30)
    # "Unit 2", not "2", where the row numbers its unit in figures alone (09628's)
    reference = clipped(f"Unit {reference}" if reference.rstrip(".").isdigit() else reference, 20)
    if said:
        return f"{reference} ({said})"
    # Its status, else the cells saying it is not achieved ("In progress, see A3")
    status = [c for c in cells if says_not_achieved(c, catalogue)]
    return f"{reference}: " + (", ".join(clipped(c, 25) for c in status)
                               or clipped(" ".join(line.split()), 30))


def read_table(text: str, unit: Callable[[str], str | None], titles: Mapping[str, str],
                *, name: bool = True) -> tuple[list[str], list[str]]:
    """:func:`read_typed_units` for rows copied from a table (the plan's rows, a document's
    unit table, a tracker), cell by cell. A cell names a unit by what it starts with (a URN, a
    unit number, "Unit 1", a label such as ``F3 (K/601/1622) ...``), or holds a list of units
    and nothing else; a unit mentioned further into a cell ("Evidence also used for unit 3",
    "cross-ref B2") is a comment and is not read. Digits alone are not a unit number (they are
    as likely a row's credits or level: 09628's units are numbered 1, 2 and 3), except in a
    row's first cell where nothing else in the row names a unit, and the row gives that unit's
    title or sits under a header whose first cell says "Unit" (``titles``: the
    qualification's units by their titles, :func:`titles_of`); a title alone names its unit.
    A cell starting with what looks like a unit number (letters, then digits) that is none is
    named (``name``); where nothing at all could be read, the text is."""
    def numbered(reference: str) -> str | None:  # digits alone: credits or a level
        said = re.fullmatch(r"unit\s*([0-9]+)", reference.strip(), re.IGNORECASE)
        if said is not None:  # "Unit 1": a number said to be a unit's
            return unit(said.group(1))
        return None if reference.strip().isdigit() else unit(reference)

    found: list[str] = []
    unknown: list[str] = []
    numbers_column = False  # under a header whose first cell says the column holds units
    for line in text.splitlines()[:MAX_TYPED_UNITS]:
        cells = table_cells(line)
        in_row: list[str] = []
        like_units = False
        for cell in cells:
            words = [w.strip("()[]").rstrip(".:") for w in re.split(r"[\s,;+]+", cell)
                     if w.strip("()[].:")]
            urns = [w.upper() for w in words[:3] if URN_IN_TEXT.fullmatch(w)]
            if urns:  # "K/601/1622", "F3 (K/601/1622) Demonstrate ...": the URN decides
                held = unit(urns[0])
                in_row += [held] if held is not None else []
                unknown += [] if held is not None else [urns[0]]
                like_units = True
                continue
            in_cell, not_units = units_word_by_word(words, numbered)
            if in_cell and not not_units:  # a list of units and nothing else: "F3 F4 A3"
                in_row += in_cell
                like_units = True
                continue
            # A cell may hold the end of one row and the start of the next ("3 C3", the rows
            # of a table pasted on one line): figures before a unit are passed over, and so is
            # the word "Unit" ("Unit F3", "Unit: F3").
            joined = len(words) > 1 and words[0].isdigit()
            while len(words) > 1 and (words[0].isdigit() or (
                    words[0].casefold() == "unit" and not words[1].isdigit())):
                words = words[1:]
            if like_units and not joined and len(words) > 1:  # the row's unit is given: a
                continue  # later cell starting with one is a comment ("A3 not yet started")
            lead = next((u for u in (numbered(" ".join(words[:2])) if len(words) > 1
                                     and not re.search(r"[0-9]", words[0]) else None,
                                     numbered(words[0]) if words else None) if u), None)
            if lead is not None:
                in_row.append(lead)
                like_units = True
            elif words and re.fullmatch(r"[A-Za-z&]+[0-9]+", words[0]):
                unknown += [clipped(words[0])]  # "F44": a slip, named
                like_units = True
        titled = [t for t in (titles.get(_title_key(c)) for c in cells) if t is not None]
        if not like_units and cells and cells[0].rstrip(".").isdigit():
            by_number = unit(cells[0].rstrip("."))
            if by_number is not None and (numbers_column or by_number in titled):
                in_row.append(by_number)  # "1 | Understand the principles of ... | Y"
            else:
                in_row += titled
        elif not like_units and titled:  # a unit's title alone: "Understand ... | Y"
            in_row += titled
        elif not like_units and is_header(line):  # a new header (not a section's title)
            numbers_column = re.fullmatch(r"unit(?: ?(?:no\.?|number|#))?", cells[0],
                                          re.IGNORECASE) is not None
        found += in_row
    if name and not found and not unknown:  # nothing read: said, not dropped
        unknown = [clipped(" ".join(text.split()))]
    return list(dict.fromkeys(found)), list(dict.fromkeys(unknown)) if name else []


def _title_key(text: str) -> str:
    """A unit's title as compared with a tracker's cell: words only, in lower case."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def titles_of(catalogue: Catalogue, urns: Iterable[str]) -> dict[str, str]:
    """The units ``urns`` by their titles (:func:`_title_key`), leaving out a title two of
    them share."""
    keys = [(_title_key(catalogue.units[urn].title), urn) for urn in urns
            if urn in catalogue.units]
    shared = {k for k, _ in keys if sum(k == other for other, _ in keys) > 1}
    return {k: urn for k, urn in keys if k not in shared}


def titled(titles: Mapping[str, str], text: str) -> str | None:
    """The unit whose title ``text`` is, among ``titles`` (:func:`titles_of`), case,
    punctuation and spacing aside; else None."""
    return titles.get(_title_key(text))
