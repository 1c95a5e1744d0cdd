"""The route map as drawn: every arrowhead on screen, clear of every qualification's name, and
every name clear of the lines, the points and the other names, on a phone and on a wide screen,
for the map alone and for every route the page can show.

Plotly places the names and arrowheads in the browser, so these tests lay the figure out as
Chromium did on *Plan a route* (measured there with this catalogue: the plot area and the size
of a name's box and of a head) and check the figure's annotations against that.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
from collections.abc import Callable, Iterator

import pytest

from advisor import MAX_ROUTE_SHOWN, Category, charts, find_routes, load_catalogue
from advisor.views.map_names import Screen, place_names

# The plot area (width, and height less the figure's layout height) in pixels: on a phone
# (390 px) the map is drawn at its least width and scrolls sideways, its legend in three rows;
# at 1280 px in two (tests/browser/test_layout.py measures both).
SCREENS = {"phone": (charts.NARROW_PLOT_PX, 196), "wide": (739, 142)}
# A name's box: about 6 px a character of its longest line and 15.5 px a line, and 4 px of
# padding in all, starting 11 px from its point (its shift of 10 and the padding).
CHAR_PX, LINE_PX, BOX_PAD_PX = 6, 15.5, 4
MARKER_PX = 8  # a point's radius
# A head (plotly.js's arrowhead 2, 5 by 5 units, scaled by arrowsize 1.2 and the default
# arrowwidth 2): 12 px long and 12 wide, its tip ``standoff`` px from the point it marks.
# Plotly draws no arrow at all shorter than the standoff and the head's backoff (1.3 units).
HEAD_LONG_PX, HEAD_WIDE_PX, BACKOFF_PX = 12, 12, 1.3 * 2.4
TODAY = dt.date(2026, 11, 22)


@functools.cache
def real_catalogue():
    return load_catalogue()


Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels, y down
Point = tuple[float, float]


def screen(figure, name: str):
    """Data to pixels on the screen ``name``."""
    width, less = SCREENS[name]
    height = figure.layout.height - less
    low, high = figure.layout.yaxis.range
    x_low, x_high = figure.layout.xaxis.range

    def to_px(x: float, y: float) -> Point:
        return ((x - x_low) / (x_high - x_low) * width, (high - y) / (high - low) * height)
    return to_px


def name_boxes(figure, to_px) -> list[tuple[str, Box]]:
    """Each qualification's name and the box it is drawn in."""
    boxes = []
    for note in figure.layout.annotations:
        if note.showarrow:
            continue
        lines = [html.unescape(line) for line in note.text.split("<br>")]
        cx, cy = to_px(note.x, note.y)
        cx, cy = cx + (note.xshift or 0), cy - (note.yshift or 0)
        width = CHAR_PX * max(len(line) for line in lines) + BOX_PAD_PX
        height = LINE_PX * len(lines) + BOX_PAD_PX
        top = {"top": cy + 1, "bottom": cy - 1 - height}.get(note.yanchor, cy - height / 2)
        left = {"left": cx + (1 if note.xshift else 0),
                "right": cx - width - (1 if note.xshift else 0)}.get(note.xanchor,
                                                                     cx - width / 2)
        boxes.append((" ".join(lines), (left, top, left + width, top + height)))
    return boxes


def heads(figure, to_px) -> Iterator[tuple[Point, Point, float]]:
    """Each arrow: where it points (its head's anchor), where its tail is, and its length
    less the standoff, in pixels."""
    for note in figure.layout.annotations:
        if not note.showarrow:
            continue
        head = to_px(note.x, note.y)
        if note.axref == "pixel":
            tail = (head[0] + note.ax, head[1] + note.ay)
        else:
            tail = to_px(note.ax, note.ay)
        yield head, tail, math.dist(head, tail) - (note.standoff or 0)


def head_points(head: Point, tail: Point, standoff: float) -> list[Point]:
    """The tip, the corners and the middle of the base of a head drawn at ``head``."""
    length = math.dist(head, tail)
    ux, uy = (tail[0] - head[0]) / length, (tail[1] - head[1]) / length
    tip = (head[0] + ux * standoff, head[1] + uy * standoff)
    base = (tip[0] + ux * HEAD_LONG_PX, tip[1] + uy * HEAD_LONG_PX)
    half = HEAD_WIDE_PX / 2
    corners = [(base[0] - uy * half * s, base[1] + ux * half * s) for s in (1, -1)]
    return [tip, base, *corners, *(((tip[0] + c[0]) / 2, (tip[1] + c[1]) / 2)
                                   for c in corners)]


def covered(figure, name: str) -> list[str]:
    """On the screen ``name``: each arrowhead a name's box covers, or that is not drawn."""
    to_px = screen(figure, name)
    boxes = name_boxes(figure, to_px)
    found = []
    for note, (head, tail, drawn) in zip(
            [a for a in figure.layout.annotations if a.showarrow], heads(figure, to_px),
            strict=True):
        where = f"head at ({note.x:.2f}, {note.y}) from ({note.ax:.2f}, {note.ay})"
        if drawn < BACKOFF_PX + 2:  # 2 px to spare: the plot's width varies a little
            found.append(f"{where}: too short to be drawn ({drawn:.0f} px)")
            continue
        for text, (left, top, right, bottom) in boxes:
            if any(left + 1 < x < right - 1 and top + 1 < y < bottom - 1
                   for x, y in head_points(head, tail, note.standoff or 0)):
                found.append(f"{where}: under the name {text!r}")
    return found


def routes_shown() -> Iterator[tuple[str, object]]:
    """Every route *Plan a route* can show for a learner who holds one qualification or
    nothing, aiming at a level or onward, today and in 2015 (the map alone too)."""
    catalogue = real_catalogue()
    yield "no route", None
    starts = [None, *(q for q in catalogue.qualifications.values()
                      if q.category is Category.QUALIFICATION and q.level is not None)]
    seen = set()
    for as_at in (TODAY, dt.date(2015, 6, 1)):
        for start in starts:
            for level in (None, 1, 2, 3, 4):
                if start is None and level is None:
                    continue
                found = find_routes(catalogue, from_qualification=start, to_level=level,
                                    as_at=as_at)
                for number, route in enumerate(found):
                    if number == MAX_ROUTE_SHOWN:
                        break
                    drawn = tuple((s.from_.id if s.from_ else None, s.to.id)
                                  for s in route.steps)
                    if drawn not in seen:
                        seen.add(drawn)
                        yield " → ".join(q.reference for q in route.path), route


def problems_on_maps(check: Callable[..., list[str]], screen_name: str) -> dict[str, list[str]]:
    """What ``check`` finds on the route map as each route shown draws it on ``screen_name``,
    by route (empty where it finds nothing)."""
    catalogue = real_catalogue()
    problems = {}
    for described, route in routes_shown():
        start = route.path[0].id if route is not None and route.steps[0].from_ else None
        found = check(charts.route_map(catalogue, route=route, start=start), screen_name)
        if found:
            problems[described] = found
    return problems


@pytest.mark.parametrize("screen_name", list(SCREENS))
def test_route_map__every_arrowhead_is_drawn_clear_of_the_names(screen_name):
    """Each name sits on a white ground over the lines: where an arrow reached its point from
    the side its name is on, the name hid the head (601/4404/X to OCNLR L2 Business Admin,
    09628 to 09629); on a phone a head between neighbours on one level was too short to be
    drawn at all (09628 to 03455)."""
    assert problems_on_maps(covered, screen_name) == {}


def crosses(a: Point, b: Point, box: Box) -> bool:
    """Whether the line from ``a`` to ``b`` runs through ``box`` (sampled every pixel)."""
    left, top, right, bottom = box
    steps = max(1, int(math.dist(a, b)))
    return any(left < a[0] + (b[0] - a[0]) * n / steps < right
               and top < a[1] + (b[1] - a[1]) * n / steps < bottom for n in range(steps + 1))


def crowded(figure, name: str) -> list[str]:
    """On the screen ``name``: each name a line of the map runs through, each name that meets
    another or covers another's point, and each that runs past the plot's sides. (A line of the
    chosen route's own, not a progression, may run under a name where no place beside its point
    is clear of it: one can cross a level from end to end.)"""
    to_px = screen(figure, name)
    width, _ = SCREENS[name]
    boxes = name_boxes(figure, to_px)
    lines = [(to_px(x0, y0), to_px(x1, y1)) for trace in figure.data
             if trace.mode == "lines" and not trace.name.startswith("Chosen route")
             for x0, y0, x1, y1 in zip(trace.x[:-1], trace.y[:-1], trace.x[1:], trace.y[1:],
                                       strict=True)
             if None not in (x0, x1)]
    points = next(t for t in figure.data if t.name == "Qualification")
    dots = [to_px(x, y) for x, y in zip(points.x, points.y, strict=True)]
    assert len(dots) == len(boxes)  # a name for each point, in the same order
    found = []
    for n, (text, (left, top, right, bottom)) in enumerate(boxes):
        found += [f"a line through {text!r}" for a, b in lines
                  if crosses(a, b, (left + 1, top + 1, right - 1, bottom - 1))]
        found += [f"{text!r} meets {other!r}" for other, box in boxes[n + 1:]
                  if left < box[2] and box[0] < right and top < box[3] and box[1] < bottom]
        found += [f"{text!r} covers a point" for m, (x, y) in enumerate(dots) if m != n
                  and left - MARKER_PX < x < right + MARKER_PX
                  and top - MARKER_PX < y < bottom + MARKER_PX]
        if left < 0 or right > width:
            found.append(f"{text!r} runs past the plot's side")
    return found


@pytest.mark.parametrize("screen_name", list(SCREENS))
def test_route_map__every_name_is_clear_of_the_lines_points_and_other_names(screen_name):
    """Names went above and below their points in turn along a level, so a progression leaving
    a point on its name's side ran through the name (601/4404/X's into "OCNLR L2 Business
    Admin" and "OCNLR L2 Principles", 10378's into 10379), and on a phone, squeezed to its
    width, neighbours' names met. Now each name sits where no progression runs through it and
    it meets no other name or point, on a phone (where the map keeps its least width and
    scrolls sideways) and on a wide screen."""
    assert problems_on_maps(crowded, screen_name) == {}


def test_place_names__a_name_moves_off_its_line_and_away_from_its_neighbour():
    """Two points one level apart joined by a line, and a third beside the lower one: the lower
    name, put above its point, on the line, moves below it; the upper one, below its point,
    moves above; the neighbour's name keeps its place."""
    placed = place_names([["10378"], ["10379"], ["03454"]], [(0.5, 1), (0.5, 2), (0.8, 1)],
                         [(0, 1)], first=["above", "below", "above"], y_range=(0.5, 2.6),
                         screens=[Screen(300, 300)])
    assert placed == ["below", "above", "above"]
