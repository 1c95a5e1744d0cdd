"""How the pages' tables fit the screen, from a phone (390 pixels) to a wide window: a grid's
column widths, row height and height (:func:`grid_layout`), and a static table that shows each
row as a card where it has little room (:func:`stacked_when_narrow`).

Kept apart from ``app_pages._common`` (the frame and the other shared helpers), which
``show_table`` there calls into; nothing here imports the rest of the app.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import streamlit as st

TITLE_WIDTH = 210  # pixels: about 30 characters of a unit's title, beside its figures
TITLE_CHARACTERS = 30  # what fits on one line of a title column TITLE_WIDTH wide
WRAPPED_ROW_HEIGHT = 84  # pixels: four lines of a cell's text, wrapped (a grid wraps above 64)
# Columns of titles, and of sentences naming them, given room to wrap.
TITLE_COLUMNS = ("Title", "Qualification", "Replaced by", "Found through", "In qualifications")
GRID_HEADER_HEIGHT = 40  # pixels: a grid's header row and its border
TITLE_ROWS_IN_VIEW = 8  # rows of wrapped titles shown before the grid scrolls
GAP_WIDTH = 95  # pixels: a narrow column with a gap, room for "not stated"


@dataclass(frozen=True)
class GridLayout:
    """What ``st.dataframe`` is given for a table: each column's configuration, the rows'
    height (None: the grid's own) and the grid's height."""

    config: dict[str, Any]
    row_height: int | None
    height: int | Literal["auto"]


def characters_in(width: int) -> int:
    """About how many characters of a grid's text fit on one line of a column ``width``
    pixels wide (TITLE_CHARACTERS in one TITLE_WIDTH wide)."""
    return width * TITLE_CHARACTERS // TITLE_WIDTH


def grid_layout(table: pd.DataFrame, *, widths: Mapping[str, int] | None = None) -> GridLayout:
    """How a grid shows ``table``: no column pinned (the grid draws a pinned column's text
    faded, a lighter grey than the rest and too pale to read easily: the columns that decide
    come first and fit the grid instead); a column of titles (TITLE_COLUMNS) TITLE_WIDTH
    wide, not one that pushes the figures after it out of a narrow grid; a column with a gap
    wide enough for "not stated" (a narrow number column cut it to "t stated"); ``widths``,
    in pixels, for any column a page sizes itself. Where any cell of a column given a width is
    longer than a line of it, the text wraps, not cut off mid-word ("OCR Level 3 Certificate
    in Pri"), in rows four lines high, or as many as its longest cell takes (up to
    MOST_LINES); rows of short cells keep the grid's own height."""
    widths = widths or {}
    sized = {column: widths.get(column, TITLE_WIDTH if column in TITLE_COLUMNS else None)
             for column in table.columns}
    config = {column: st.column_config.Column(
                  width=(sized[column] or
                         (GAP_WIDTH if table[column].isna().any() else None)))
              for column in table.columns}
    lines = max((lines_of(str(cell), characters_in(width)) for column, width in sized.items()
                 if width is not None for cell in table[column]), default=1)
    if lines == 1:
        return GridLayout(config, None, "auto")
    row_height = max(WRAPPED_ROW_HEIGHT, LINE_HEIGHT * min(lines, MOST_LINES) + ROW_PADDING)
    # Tall enough for TITLE_ROWS_IN_VIEW such rows (the grid's own height shows about six).
    return GridLayout(config, row_height,
                      GRID_HEADER_HEIGHT + row_height * min(len(table), TITLE_ROWS_IN_VIEW))


LINE_HEIGHT, ROW_PADDING = 20, 4  # pixels: a line of a grid's wrapped text; and about it
MOST_LINES = 6  # the most lines a row of a grid is made high enough for


def lines_of(text: str, characters: int) -> int:
    """How many lines ``text`` takes, broken between words into lines of at most
    ``characters`` (a longer word takes a line of its own)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > characters:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


NARROW_WIDTH = 640  # pixels: Streamlit's own breakpoint, below which st.columns stack too


@dataclass(frozen=True)
class Cards:
    """How a table's rows read as cards (:func:`stacked_when_narrow`). ``heading``: the first
    column's cell heads each card, in bold and without its column's name (a fact's name, a
    date's, a step's), rather than sitting beside a name repeated on every card ("Fact",
    "Date"). ``unlabelled``: columns whose cells read whole without their column's name (a
    value under its fact, a note, a statement); every other cell keeps its name beside it,
    where the name says what the cell is ("Source", the date a status is on, a qualification's
    reference)."""

    heading: bool = False
    unlabelled: tuple[str, ...] = ()


def stacked_when_narrow(key: str, table: pd.DataFrame, cards: Cards | None = None) -> str:
    """A style under which the static table in the container ``key``, showing ``table``, shows
    each row as a card wherever that container is narrower than :data:`NARROW_WIDTH`, on a phone
    or in a column of a wide screen: each cell on a line of its own, after its column's name
    (but as ``cards`` says), as the printout's wide tables stack. Squeezed into a narrow space,
    a table of many columns scrolled sideways inside its frame, and the columns that decide
    (whether one can start, the credits still needed, a unit's title) were cut off at the edge.
    An empty cell (a date with no note) is left out of its card: it showed its column's name
    with nothing after it. The headings stay for screen readers, out of sight."""
    cards = cards or Cards()
    container = keyed(key)
    selector = f"{container} table"
    bare = {number for number, name in enumerate(table.columns, start=1)
            if name in cards.unlabelled or (cards.heading and number == 1)}
    names = "".join(f"{selector} td:nth-child({number})::before {{ content: {css_text(name)}; }}\n"
                    for number, name in enumerate(table.columns, start=1) if number not in bare)
    whole = "".join(f"{selector} td:nth-child({number}) {{ display: block; }}\n"
                    for number in sorted(bare))
    # Streamlit draws an empty cell as a non-breaking space, which no selector can tell from
    # text: the empty cells are named by their places.
    empty = ", ".join(f"{selector} tbody tr:nth-child({row}) td:nth-child({column})"
                      for row, values in enumerate(table.itertuples(index=False), start=1)
                      for column, value in enumerate(values, start=1)
                      if not str(value).strip())
    heading = (f"{selector} td:first-child {{ font-weight: 600; }}\n" if cards.heading else "")
    return (f"<style>{container} {{ container-type: inline-size; }}\n"
            f"@container (max-width: {NARROW_WIDTH}px) {{\n"
            f"{selector}, {selector} tbody, {selector} tr {{ display: block; width: 100%; }}\n"
            f"{selector} thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden;"
            " clip-path: inset(50%); white-space: nowrap; }\n"
            f"{selector} tr {{ border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;"
            " margin-bottom: 0.5rem; }\n"
            # A figure reads from the left like the words, not pushed to the card's edge.
            f"{selector} td {{ display: grid; grid-template-columns: 38% 1fr; gap: 0.5rem;"
            " border: none; text-align: left !important; }\n"
            # A word longer than the card is wide (an email address) breaks, not run past it
            # (Streamlit's own style for a cell's text, which this outweighs, keeps it whole).
            f"{selector} td > [data-testid=stMarkdownContainer], {selector} td > "
            "[data-testid=stMarkdownContainer] * { min-width: 0; overflow-wrap: anywhere; }\n"
            # A cell keeps its words on one line (its text wraps inside): its name wraps.
            f"{selector} td::before {{ font-weight: 600; white-space: normal; }}\n"
            f"{names}{whole}{heading}"
            + (f"{empty} {{ display: none; }}\n" if empty else "")
            + "}</style>")


def scrolled_when_narrow(key: str, width: int, *, hint: str) -> str:
    """A style under which the chart in the container ``key`` is never narrower than ``width``
    pixels: where the container is narrower (a phone), the chart scrolls sideways inside it,
    and the page itself does not, and the container ``hint`` (a line saying so) shows. Squeezed
    to a phone's width, the route map's names ran into each other and its lines through them."""
    container, said = keyed(key), keyed(hint)
    return (f"<style>{container} {{ overflow-x: auto; }}\n"
            f"{container} [data-testid=stElementContainer] {{ min-width: {width}px; }}\n"
            f"{said} {{ display: none; }}\n"
            # The page's own padding (1 rem each side) beside the container.
            f"@media (max-width: calc({width}px + 2rem)) {{ {said} {{ display: block; }} }}"
            "</style>")


def scrolled_to(key: str, focus: tuple[float, float, float] | None, *, within: str) -> str:
    """A script for the chart in the container ``key`` where it is wider than the container
    (a phone: :func:`scrolled_when_narrow`), and a style that hides the container ``within``,
    which holds them, so that it takes no room on the page.

    Scrolled sideways, the map hid its levels' names, its title and its legend on the left:
    while the chart is scrolled, the levels' names are drawn again, on a white strip that does
    not scroll, over the plot's left edge (as a spreadsheet keeps its first column), and the
    title and the legend move with the scroll as far as they fit in view. Where ``focus`` is
    given, it first scrolls the chart to show the part of its plot between ``focus``'s first
    two shares (0 to 1, from the left), in the middle of what the strip leaves in view where it
    fits, else with its third, the point that matters most, in the middle; never further than
    the chart's ends. It waits for plotly to draw the plot (up to ten seconds). The shares are
    numbers: nothing else is written into the script."""
    frame = json.dumps(keyed(key))
    shares = ("null" if focus is None else
              "[" + ", ".join(repr(min(max(float(share), 0.0), 1.0)) for share in focus) + "]")
    return (f"<style>{keyed(within)} {{ display: none; }}</style>\n<script>(() => {{\n"
            f"  const focus = {shares}; let tries = 0;\n"
            + _KEEP_IN_VIEW +
            "  const show = () => {\n"
            f"    const frame = document.querySelector({frame});\n"
            "    const plot = frame && frame.querySelector('rect.bg');\n"
            "    if (!plot) { if (tries++ < 100) setTimeout(show, 100); return; }\n"
            "    const strip = levels(frame, plot);\n"
            "    if (frame.keepInView) frame.removeEventListener('scroll', frame.keepInView);\n"
            "    frame.keepInView = () => keep(frame, strip);\n"
            "    frame.addEventListener('scroll', frame.keepInView, {passive: true});\n"
            "    const room = frame.scrollWidth - frame.clientWidth;\n"
            "    if (focus && room > 0) {\n"
            "      const [low, high, goal] = focus, aside = parseFloat(strip.style.width);\n"
            "      const box = frame.getBoundingClientRect();\n"
            "      const area = plot.getBoundingClientRect();\n"
            "      const at = s => area.left - box.left + frame.scrollLeft + s * area.width;\n"
            "      const seen = frame.clientWidth - aside;\n"
            "      const fits = (high - low) * area.width + 48 <= seen;\n"
            "      const x = fits ? (at(low) + at(high)) / 2 : at(goal);\n"
            "      frame.scrollLeft = Math.max(0, Math.min(x - aside - seen / 2, room));\n"
            "    }\n"
            "    keep(frame, strip);\n"
            "  };\n"
            "  show();\n"
            "})();</script>")


# The script's parts that keep the map's names in view as it scrolls (:func:`scrolled_to`):
# ``levels`` draws the strip of the levels' names, where plotly drew them, hidden until the
# chart scrolls; ``keep`` shows it at the frame's left edge while it is scrolled, and moves
# the title and the legend along, as far as each fits in view.
_KEEP_IN_VIEW = """  const levels = (frame, plot) => {
    const old = frame.querySelector(':scope > .route-map-levels');
    if (old) old.remove();
    frame.style.position = 'relative';
    const box = frame.getBoundingClientRect(), area = plot.getBoundingClientRect();
    const left = box.left - frame.scrollLeft;
    const strip = document.createElement('div');
    strip.className = 'route-map-levels';
    strip.setAttribute('aria-hidden', 'true');
    Object.assign(strip.style, {position: 'absolute', left: '0px', display: 'none',
      top: (area.top - box.top + frame.scrollTop) + 'px', width: (area.left - left) + 'px',
      height: area.height + 'px', background: 'rgba(255, 255, 255, 0.94)',
      pointerEvents: 'none', zIndex: '2'});
    for (const tick of frame.querySelectorAll('.ytick text')) {
      const at = tick.getBoundingClientRect(), style = getComputedStyle(tick);
      const name = document.createElement('span');
      name.textContent = tick.textContent;
      Object.assign(name.style, {position: 'absolute', left: (at.left - left) + 'px',
        top: (at.top - area.top) + 'px', lineHeight: at.height + 'px', whiteSpace: 'nowrap',
        fontSize: style.fontSize, fontFamily: style.fontFamily, color: style.fill});
      strip.appendChild(name);
    }
    frame.appendChild(strip);
    return strip;
  };
  const keep = (frame, strip) => {
    const scrolled = frame.scrollLeft;
    strip.style.left = scrolled + 'px';
    strip.style.display = scrolled > 0 ? 'block' : 'none';
    for (const part of frame.querySelectorAll('.g-gtitle, g.legend')) {
      part.style.translate = '';
      const box = frame.getBoundingClientRect(), at = part.getBoundingClientRect();
      const left = at.left - box.left + scrolled;
      const room = scrolled + frame.clientWidth - at.width - left - 4;  // 4: off the edge
      const by = Math.max(0, Math.min(scrolled, room));
      part.style.translate = by ? by + 'px 0px' : '';
    }
  };
"""


def brought_into_view(key: str, *, within: str) -> str:
    """A script that scrolls the page to the container ``key`` once, as it is drawn, clear of
    the app's bar at the top, and a style that hides the container ``within``, which holds
    them, so that it takes no room."""
    return (f"<style>{keyed(within)} {{ display: none; }} {keyed(key)} "
            "{ scroll-margin-top: 4rem; }</style>\n<script>"
            f"document.querySelector({json.dumps(keyed(key))})?.scrollIntoView("
            "{block: 'start'});</script>")


def keyed(key: str) -> str:
    """The CSS selector of the container ``st.container(key=key)``: Streamlit gives it the
    class ``st-key-`` and its key, any character outside these as "-"."""
    return "." + re.sub(r"[^a-zA-Z0-9_-]", "-", f"st-key-{key}")


def css_text(words: str) -> str:
    """``words`` as a CSS string: anything but letters, digits and spaces escaped, so that no
    column name can end the string or the style."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} "
                         for c in words) + '"'
