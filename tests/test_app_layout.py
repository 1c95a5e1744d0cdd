"""How Explore's grids fit a phone and a wide window, as the page configures them: the columns
that decide come first, sized in pixels, and together fit inside the grid on a 390-pixel phone
(the title and what decides about it) and in a 1280-pixel window (the rest that decides), with
every cell of those columns whole in its row's lines. For the search's results and units found,
and a profile's units.

The grid draws its cells on a canvas, so a browser cannot say whether a cell's text is cut off;
these tests read the widths the page gives each column, and the browser test
(``tests/browser/test_layout.py``) checks the grid's inner widths they rely on.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app_pages._layout import LINE_HEIGHT, ROW_PADDING, characters_in, lines_of
from tests.support.app import open_page

# A grid's width inside its border, in pixels, as Chromium draws the page: on a 390-pixel
# phone, and in a 1280-pixel window with the sidebar open (checked in the browser).
PHONE_GRID_PX, WIDE_GRID_PX = 356, 818
ROW_MARKER_PX = 33  # a selectable grid's column of tick boxes
TODAY = dt.date(2026, 11, 22)
STATUS = "On 22 November 2026"


def grid(at, name: str):
    """The grid called ``name`` (its ``alt``)."""
    (found,) = [d for d in at.dataframe if d.proto.alt == name]
    return found


def widths(element) -> dict[str, int | None]:
    """Each column's width in pixels as the page configured it (None: the grid's own), in the
    grid's order."""
    config = json.loads(element.proto.columns)
    return {column: config.get(column, {}).get("width") for column in element.value.columns}


def assert_fits(element, deciding: list[str], *, within: int, marker: int = 0) -> None:
    """``deciding`` are the grid's first columns, each sized, and lie within ``within`` pixels
    (after the tick boxes' ``marker``); every cell of them takes no more lines than a row
    shows."""
    sized = widths(element)
    assert list(sized)[:len(deciding)] == deciding
    assert all(sized[column] for column in deciding), sized
    assert marker + sum(sized[column] or 0 for column in deciding) <= within, sized
    row_height = element.proto.row_height or LINE_HEIGHT + ROW_PADDING
    lines = (row_height - ROW_PADDING) // LINE_HEIGHT
    for column in deciding:
        width = sized[column] or 0
        for cell in element.value[column].astype(str):
            assert lines_of(cell, characters_in(width)) <= lines, (column, width, cell)


def assert_not_pinned(element) -> None:
    """No column of the grid is pinned: the grid draws a pinned column's text faded (at 60%
    opacity, a lighter grey than the rest, below the contrast WCAG asks of text)."""
    config = json.loads(element.proto.columns)
    assert not any(column.get("pinned") for column in config.values()), config


def search(query: str):
    at = open_page("app_pages/explore.py", as_at=TODAY)
    at.text_input(key="explore_search").input(query).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("query", ["call centre", "apprenticeship", "team leader",
                                   "customer service", ""])
def test_explore__search_results_show_their_titles_and_what_decides(query):
    """On a phone the results showed the reference and the status alone (bare codes,
    "OCNLR L2 Business Admin", and no titles); at 1280 pixels "Found through" was off to the
    side and long statuses and replacements were cut off mid-sentence. Now the title and the
    status are in view on a phone, and what replaced it and what found it too at 1280 pixels,
    each cell whole; a row can still be selected to open its profile. At 1280 pixels the
    awarding body was cut off at the edge, after the reference and level, which the first
    column gives: it is in view, with the kind where nothing else found the qualification; and
    the first column, pinned, was drawn fainter than the rest. The reference and level
    decide too, and were in columns of their own, off to the side on a phone and cut off at the
    edge at 1280 pixels: they are in the first column's cell, beside the title."""
    at = search(query)
    results = grid(at, "Qualifications found")
    assert results.proto.selection_mode  # a row opens the profile below
    assert_fits(results, ["Qualification", STATUS], within=PHONE_GRID_PX, marker=ROW_MARKER_PX)
    wide = ["Qualification", STATUS, "Replaced by", "Awarding body"] + (
        ["Found through"] if "Found through" in results.value.columns else ["Kind"])
    assert_fits(results, wide, within=WIDE_GRID_PX, marker=ROW_MARKER_PX)
    assert_not_pinned(results)
    for _, row in results.value.iterrows():
        assert str(row["Reference"]) in row["Qualification"]
        assert (f"Level {row['Level']}" if str(row["Level"]).isdigit() else
                "level not stated") in row["Qualification"]


@pytest.mark.parametrize("query", ["complaints", "customer", "9654"])
def test_explore__units_found_show_their_titles_and_where_they_are(query):
    """On a phone the units found showed a unit's reference and title, and the qualifications
    listing it were off to the side."""
    units = grid(search(query), "Units found")
    assert_fits(units, ["Title", "In qualifications"], within=PHONE_GRID_PX)
    assert_not_pinned(units)


def test_explore__a_profiles_units_show_their_titles_credits_and_hours_on_a_phone():
    """A qualification's units on a phone showed a unit's number, title and credits, and its
    guided learning hours were cut to "GL"."""
    at = open_page("app_pages/explore.py", as_at=TODAY)
    at.selectbox(key="explore_qualification").set_value("ocr-10379").run()
    assert not at.exception
    assert_fits(grid(at, "Groups and units"), ["Title", "Credits", "GLH"], within=PHONE_GRID_PX)


@pytest.mark.parametrize(("page", "keys", "session"), [
    ("app_pages/starting_level.py", ["sl_has", "sl_units"], {}),
    ("app_pages/plan_route.py", ["route_also", "route_units"], {"route_from": "ocr-09628"}),
    ("app_pages/check_units.py",
     ["check_accepted_ocr-03456", "check_in_progress_ocr-03456"],
     {"check_qualification": "ocr-03456"}),
    ("app_pages/check_units.py", ["check_others_ocr-10380"],
     {"check_qualification": "ocr-10380"}),
])
def test_app__boxes_of_what_is_held_wrap_so_every_choice_is_in_view(page, keys, session):
    """Each box of qualifications or units held sits in a column, where Streamlit keeps the
    chips on one row that scrolls sideways unless told to wrap: an adviser who chose four
    units saw only the first. Every such box wraps."""
    at = open_page(page, **session)
    for key in keys:
        assert at.multiselect(key=key).proto.wrap is True, key
