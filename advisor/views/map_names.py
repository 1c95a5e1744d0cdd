"""Where each qualification's name goes on the route map (:func:`advisor.views.charts.route_map`):
beside its point, clear of every line, every other point and every other name, on the
narrowest screen the map is drawn on and on wide ones.

Plain geometry in pixels, y downwards, worked out for each screen from the map's units (x from
0 to 1 across, y the level): a name's box is about 6 pixels a character of its longest line
wide and 1.3 times the font a line high, as plotly draws it. Names were above and below their
points in turn along a level, and a line leaving a point on its name's side ran through the
name ("OCNLR L2 Business Admin", 10379); on a phone, neighbours' names met.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

__all__ = ["LINE_PAD_PX", "MARKER_PX", "NAME_FONT_PX", "NAME_GAP_PX", "PLACES", "Box", "Point",
           "Screen", "name_box", "name_lines", "place_names"]

NAME_FONT_PX = 12  # a qualification's name on the map
NAME_GAP_PX = 10  # between a point and its name
MARKER_PX = 8  # a point's radius: a name keeps clear of other points by this much
LINE_PAD_PX = 3  # half the chosen route's width: a name keeps clear of lines by this much

# Where a name may go beside its point, the first preferred: above or below it, or beside it
# on the side away from a line (diagonally: its near corner above or below the point).
PLACES = ("above", "below", "above right", "above left", "below right", "below left",
          "right", "left")
_PREFERENCE = dict(zip(PLACES, (0, 0, 1, 1, 1, 1, 2, 2), strict=True))
_CONFLICT = 100  # a name crossing a line, a point, another name or the plot's edge
_UNDER_A_ROUTE = 10  # a name over a line of the chosen route's own

Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels, y down
Point = tuple[float, float]


@dataclass(frozen=True)
class Screen:
    """A size the map's plot is drawn at, in pixels."""

    width: float
    height: float


def name_lines(text: str) -> list[str]:
    """A name as plotly shows it: its lines, markup undone."""
    return [html.unescape(line) for line in text.split("<br>")]


def name_box(lines: Sequence[str], place: str) -> Box:
    """The box a name of ``lines`` takes at ``place`` beside its point, in pixels from the
    point."""
    width = 6 * max(len(line) for line in lines) + 4
    height = 1.3 * NAME_FONT_PX * len(lines) + 4
    gap = NAME_GAP_PX + 1
    vertical, _, side = place.partition(" ")
    left: float
    if vertical in ("right", "left"):  # beside it, level with it
        left = gap if vertical == "right" else -gap - width
        return left, -height / 2, left + width, height / 2
    top = -gap - height if vertical == "above" else gap
    left = {"": -width / 2, "right": 0.0, "left": -width}[side]
    return left, top, left + width, top + height


def place_names(names: Sequence[Sequence[str]], points: Sequence[tuple[float, float]],
                lines: Sequence[tuple[int, int]], *, chosen: Sequence[tuple[int, int]] = (),
                first: Sequence[str], y_range: tuple[float, float],
                screens: Sequence[Screen]) -> list[str]:
    """Where each name goes (one of :data:`PLACES`): ``names[i]`` (its lines) beside
    ``points[i]`` (x from 0 to 1, y the level), ``lines`` joining points (by index), on each
    of ``screens`` with the plot showing ``y_range``. Starting from ``first``, each name in
    turn moves to the place where it meets the fewest lines, points, names and plot edges
    (the nearest place first), until none moves: every move makes the whole map clearer, so
    this ends. ``chosen``: the chosen route's own lines (a step that is not a progression),
    kept clear of where a name can be, else under it: one can run the length of a level
    (601/4404/X to 10381), where no place is clear of it."""
    low, high = y_range
    at = [[(x * screen.width, (high - y) / (high - low) * screen.height) for x, y in points]
          for screen in screens]
    # Each name's box at each place on each screen, and what it meets there that stays put
    # (lines, points, the plot's edges); only the other names move.
    boxes = [[{place: _moved(name_box(names[name], place), at[number][name])
               for place in PLACES} for name in range(len(names))]
             for number in range(len(screens))]
    fixed = [{place: _PREFERENCE[place] + sum(
                  _CONFLICT * _meets(boxes[number][name][place], screen, at[number], lines,
                                     name)
                  + _UNDER_A_ROUTE * _crossed(boxes[number][name][place], at[number], chosen)
                  for number, screen in enumerate(screens))
              for place in PLACES} for name in range(len(names))]
    # Names whose points are further apart than two names reach, on the screen where the
    # points are closest (the narrowest), never meet on any.
    reach = max(abs(edge) for name in names for place in PLACES
                for edge in name_box(name, place))
    narrowest = min(range(len(screens)), key=lambda number: screens[number].width)
    near = [[other for other in range(len(names)) if other != name
             and abs(at[narrowest][other][0] - at[narrowest][name][0]) < 2 * reach
             and abs(at[narrowest][other][1] - at[narrowest][name][1]) < 2 * reach]
            for name in range(len(names))]
    placed = list(first)

    def rank(name: int, place: str) -> tuple[int, bool, int]:
        names_met = sum(_overlap(boxes[number][name][place], boxes[number][other][placed[other]])
                        for number in range(len(screens)) for other in near[name])
        return (fixed[name][place] + _CONFLICT * names_met, place != placed[name],
                PLACES.index(place))

    for _ in range(len(names)):  # a bound: it settles in two or three rounds
        moved = False
        for name in range(len(names)):
            best = min(PLACES, key=partial(rank, name))
            if best != placed[name]:
                placed[name], moved = best, True
        if not moved:
            break
    return placed


def _moved(box: Box, point: Point) -> Box:
    return box[0] + point[0], box[1] + point[1], box[2] + point[0], box[3] + point[1]


def _meets(box: Box, screen: Screen, points: Sequence[Point], lines: Sequence[tuple[int, int]],
           own: int) -> int:
    """How many lines and other points ``box`` (the name of point ``own``) meets on
    ``screen``, and whether it runs past the plot's edge."""
    covered = sum(_inside(point, _grown(box, MARKER_PX))
                  for other, point in enumerate(points) if other != own)
    outside = not (box[0] >= 0 and box[2] <= screen.width and box[1] >= -NAME_GAP_PX
                   and box[3] <= screen.height)
    return _crossed(box, points, lines) + covered + outside


def _crossed(box: Box, points: Sequence[Point], lines: Sequence[tuple[int, int]]) -> int:
    """How many of ``lines`` (pairs of ``points``) run through ``box``."""
    padded = _grown(box, LINE_PAD_PX)
    return sum(_crosses(points[a], points[b], padded) for a, b in lines
               if _overlap(padded, (min(points[a][0], points[b][0]),
                                    min(points[a][1], points[b][1]),
                                    max(points[a][0], points[b][0]) + 1,
                                    max(points[a][1], points[b][1]) + 1)))


def _grown(box: Box, by: float) -> Box:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def _inside(point: Point, box: Box) -> bool:
    return box[0] < point[0] < box[2] and box[1] < point[1] < box[3]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(a: Point, b: Point, box: Box) -> bool:
    """Whether the line from ``a`` to ``b`` passes through ``box`` (Liang and Barsky's
    clipping: the share of the line inside each of the box's edges)."""
    low, high = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for step, room in ((-dx, a[0] - box[0]), (dx, box[2] - a[0]),
                       (-dy, a[1] - box[1]), (dy, box[3] - a[1])):
        if step == 0:
            if room < 0:
                return False
            continue
        share = room / step
        if step < 0:
            low = max(low, share)
        else:
            high = min(high, share)
        if low > high:
            return False
    return True
