"""Charts for people: plotly figures built from the tables in :mod:`advisor.views.tables`.

Plotly renders titles, labels and hover text as a small HTML-like markup (``<b>``, ``<a>``,
``<br>``), so every piece of catalogue text is escaped here before it reaches a figure: a title
holding ``<script>`` shows those characters rather than being read as markup. Each figure has
a plain-text description (:func:`describe_progress`) for screen readers and for people who
prefer the numbers.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Collection

import pandas as pd
import plotly.graph_objects as go

from advisor.catalogue import Basis, Catalogue, Category, Qualification, progressions_from
from advisor.engine.replacing import legacy_on
from advisor.engine.routes import Route, StepKind
from advisor.engine.wording import count
from advisor.views.labels import STEP_WORDS, level_words
from advisor.views.map_names import (
    NAME_FONT_PX,
    NAME_GAP_PX,
    Screen,
    name_box,
    name_lines,
    place_names,
)

COUNTED_COLOUR = "#1b7a3a"  # dark green: contrast above 4.5:1 against white text
NEEDED_COLOUR = "#c9ccd1"  # light grey: the part still to do


def _text(value: object) -> str:
    """Catalogue text made safe for plotly's label markup."""
    return html.escape(str(value), quote=True)


def _phrase(counted: int, required: int | None) -> str:
    if required is None:
        return f"{count(counted, 'credit')} (no credit minimum)"
    return f"{counted} of {count(required, 'credit')}"


def _rows(progress: pd.DataFrame) -> list[tuple[str, int, int | None]]:
    rows = []
    for part, counted, required in progress[["Part", "Counted", "Required"]].itertuples(
            index=False):
        rows.append((str(part), int(counted) if not pd.isna(counted) else 0,
                     None if pd.isna(required) else int(required)))
    return rows


def describe_progress(progress: pd.DataFrame) -> str:
    """The progress chart in words: ``Group A, Mandatory units: 12 of 12 credits; ...``."""
    rows = _rows(progress)
    if not rows:
        return "No credit rules are known for this qualification."
    return "; ".join(f"{part}: {_phrase(c, r)}" for part, c, r in rows) + "."


def credit_progress_chart(progress: pd.DataFrame, *, title: str) -> go.Figure:
    """Credits counted against credits required, one bar per group, credit rule and total.

    ``progress`` is :func:`advisor.views.tables.progress_table`. Each bar shows the credits counted
    (up to what is required) and the credits still needed; a part with no credit minimum shows
    what it counts.
    """
    rows = _rows(progress)
    parts = [_text(part) for part, _, _ in rows]
    counted = [min(c, r) if r is not None else c for _, c, r in rows]
    needed = [max(r - c, 0) if r is not None else 0 for _, c, r in rows]
    labels = [_text(_phrase(c, r)) for _, c, r in rows]
    # One constructor call: plotly validates the whole figure once, where add_trace and
    # update_layout would each walk the layout again (ten times slower).
    return go.Figure(
        data=[
            {"type": "bar", "name": "Counted", "y": parts, "x": counted, "orientation": "h",
             "marker": {"color": COUNTED_COLOUR}, "text": labels, "textposition": "inside",
             "insidetextanchor": "start", "hovertemplate": "%{y}: %{text}<extra></extra>"},
            {"type": "bar", "name": "Still needed", "y": parts, "x": needed, "orientation": "h",
             "marker": {"color": NEEDED_COLOUR},
             "hovertemplate": "%{y}: %{x} more needed<extra></extra>"},
        ],
        layout={
            "title": {"text": _text(title)},
            "barmode": "stack",
            "height": 120 + 44 * max(len(rows), 1),
            "margin": {"l": 10, "r": 10, "t": 60, "b": 40},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.15},
            "xaxis": {"title": {"text": "Credits"}, "rangemode": "tozero"},
            "yaxis": {"autorange": "reversed", "automargin": True},
            "uniformtext": {"minsize": 10, "mode": "hide"},
        },
    )


# ---------------------------------------------------------------------------------------------
# The route map
# ---------------------------------------------------------------------------------------------

STATED_COLOUR = "#333333"  # documented progressions: solid
INFERRED_COLOUR = "#8a8a8a"  # inferred ones: dashed
ROUTE_COLOUR = "#1f4e8c"  # the chosen route, drawn over the others
HELD_COLOUR = "#1b7a3a"  # where the learner starts
CLOSED_COLOUR = "#b8b8b8"  # closed to new learners on the date


def _short(q: Qualification) -> str:
    """A label short enough for the map: the code, else the title, in short lines (a short
    name of several words, "OCNLR L2 Business Admin", in lines of about ten characters, so that
    neighbours at one level do not run into each other on a phone)."""
    if q.reference != q.id:  # a code or number people use, rather than the catalogue's id
        return _wrapped(q.reference, 12)
    return _wrapped(q.title.removeprefix(q.awarding_body), 20)


def _wrapped(text: str, width: int) -> str:
    """``text`` in lines shorter than ``width`` characters (a longer word on its own line),
    joined with Plotly's line break."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(_text(line) for line in lines)


def route_map_positions(catalogue: Catalogue) -> dict[str, tuple[float, int]]:
    """Where each enrolable qualification sits: x spread across its level, y its level."""
    by_level: dict[int, list[Qualification]] = {}
    for q in catalogue.qualifications.values():
        if q.category is Category.QUALIFICATION and q.level is not None:
            by_level.setdefault(q.level, []).append(q)
    positions: dict[str, tuple[float, int]] = {}
    for level, members in by_level.items():
        members.sort(key=lambda q: (q.awarding_body, _short(q), q.id))
        for index, q in enumerate(members):
            positions[q.id] = ((index + 0.5) / len(members), level)
    return positions


def route_map_focus(catalogue: Catalogue, *, route: Route | None = None,
                    start: str | None = None, held: Collection[str] = ()
                    ) -> tuple[float, float, float] | None:
    """Where across the route map's plot (0 at its left edge, 1 at its right) the learner's own
    part of it lies: the leftmost and rightmost of the qualifications of ``route``, else of
    those completed (``start`` and ``held``, ids), and the one to keep in view where they do
    not all fit (the route's end, what it aims for; else the first completed); None where none
    of them is drawn. A phone, which scrolls the map sideways, opens it there: the learner's
    route, often on the right, began off the screen."""
    positions = route_map_positions(catalogue)
    ids = [q.id for q in route.path] if route is not None else [start, *held]
    drawn = [i for i in ids if i is not None and i in positions]
    if not drawn:
        return None
    across = [positions[i][0] for i in drawn]
    goal = drawn[-1] if route is not None else drawn[0]
    return min(across), max(across), positions[goal][0]


def route_map(catalogue: Catalogue, *, route: Route | None = None,
              start: str | None = None, held: Collection[str] = (),
              closed: Collection[str] = (), as_at: dt.date | None = None) -> go.Figure:
    """Levels up the side, qualifications as points, each named where no progression runs
    through its name and it meets no other name or point (:mod:`advisor.views.map_names`,
    for a plot at least NARROW_PLOT_PX wide), documented progressions as arrows (inferred
    ones dashed) whose heads no name covers, and ``route``, if given, drawn over them in
    blue. The qualifications completed (``start`` and ``held``, ids) are green; those
    ``closed`` to new learners on the date are grey, and named so in the legend. A point's
    name says "(legacy)" only where the word applies on ``as_at`` (the route's date where not
    given): not 03456 in 2012, before 10380 was launched."""
    positions = route_map_positions(catalogue)
    on_route = {q.id for q in route.path} if route is not None else set()
    lines: dict[str, tuple[list[float | None], list[float | None]]] = {
        "stated": ([], []), "inferred": ([], [])}
    edges: list[tuple[str, str, str]] = []  # source, target, the head's colour
    ends: list[tuple[str, str]] = []  # the points each line joins
    for source in catalogue.qualifications:
        for progression in progressions_from(catalogue.graph, source):
            a, b = positions.get(source), positions.get(progression.to)
            if a is None or b is None:
                continue
            inferred = progression.basis is not Basis.STATED
            ends.append((source, progression.to))
            xs, ys = lines["inferred" if inferred else "stated"]
            xs += [a[0], b[0], None]
            ys += [a[1], b[1], None]
            chosen = source in on_route and progression.to in on_route
            edges.append((source, progression.to, ROUTE_COLOUR if chosen
                          else INFERRED_COLOUR if inferred else STATED_COLOUR))
    # The chosen route's steps: those the documents state solid, the others (inferred, shared
    # units, a replacement, a direct start) dashed, as the progressions beneath are.
    route_lines: dict[bool, tuple[list[float | None], list[float | None]]] = {
        True: ([], []), False: ([], [])}
    own: list[tuple[str, str]] = []
    if route is not None:
        for step in route.steps:
            if step.from_ is None:
                continue
            a, b = positions.get(step.from_.id), positions.get(step.to.id)
            if a is not None and b is not None:
                if (step.from_.id, step.to.id) not in ends:  # a line of its own
                    own.append((step.from_.id, step.to.id))
                ends.append((step.from_.id, step.to.id))
                xs, ys = route_lines[step.kind is StepKind.STATED]
                xs += [a[0], b[0], None]
                ys += [a[1], b[1], None]
    ids = sorted(positions, key=lambda i: positions[i][::-1])  # level by level, left to right
    levels = sorted({level for _, level in positions.values()})
    height = 140 + 110 * max(len(levels), 1)
    y_range = (min(levels, default=1) - 0.5, max(levels, default=1) + 0.6)
    # Each name clear of the lines, the points and the other names, on the narrowest plot the
    # map is drawn (a phone scrolls it sideways) and on wide ones; first above and below the
    # points in turn along a level, so that neighbours' names do not meet.
    narrow = Screen(NARROW_PLOT_PX, height - MARGIN_PX["t"] - MARGIN_PX["b"] - LEGEND_PX)
    screens = [narrow, *(Screen(width, height - WIDE_LESS_PX) for width in WIDE_PLOTS_PX)]
    index = {i: n for n, i in enumerate(ids)}
    texts = [_short(catalogue.qualifications[i]) for i in ids]
    places = place_names(
        [name_lines(text) for text in texts], [positions[i] for i in ids],
        [(index[a], index[b]) for a, b in dict.fromkeys(ends) if (a, b) not in own],
        chosen=[(index[a], index[b]) for a, b in own],
        first=["below" if under else "above" for under in _in_turn(ids, positions, ends)],
        y_range=y_range, screens=screens)
    # Where names would hide arrowheads, the heads stop short: worked out for the narrowest
    # plot, where each name takes the most room.
    scale = (narrow.width, narrow.height / (y_range[1] - y_range[0]))
    boxes = [_name_box(name_lines(text), positions[i], place, scale=scale)
             for i, text, place in zip(ids, texts, places, strict=True)]
    arrows = [_arrow_head(positions[source], positions[target], colour=colour, boxes=boxes,
                          scale=scale)
              for source, target, colour in edges]
    completed = {start, *held}
    colours = [HELD_COLOUR if i in completed else ROUTE_COLOUR if i in on_route
               else CLOSED_COLOUR if i in closed else "#ffffff" for i in ids]
    hover = []
    day = as_at or (route.as_at if route is not None else None)
    for i in ids:
        q = catalogue.qualifications[i]
        called = legacy_on(catalogue, q, day) if day is not None else q.legacy
        legacy = " (legacy)" if called else ""
        hover.append(_text(f"{q.title}{legacy}, Level {q.level}"
                           + (", closed to new learners" if i in closed else "")))
    data: list[dict] = [
        {"type": "scatter", "mode": "lines", "name": "Documented progression",
         "x": lines["stated"][0], "y": lines["stated"][1], "hoverinfo": "skip",
         "line": {"color": STATED_COLOUR, "width": 1.5}},
        {"type": "scatter", "mode": "lines", "name": "Inferred next step (not stated)",
         "x": lines["inferred"][0], "y": lines["inferred"][1], "hoverinfo": "skip",
         "line": {"color": INFERRED_COLOUR, "width": 1.5, "dash": "dash"}},
        {"type": "scatter", "mode": "lines", "name": "Chosen route",
         "x": route_lines[True][0], "y": route_lines[True][1], "hoverinfo": "skip",
         "line": {"color": ROUTE_COLOUR, "width": 5}},
        {"type": "scatter", "mode": "markers", "name": "Qualification",
         "x": [positions[i][0] for i in ids], "y": [positions[i][1] for i in ids],
         "hovertext": hover, "hoverinfo": "text",
         "marker": {"size": 16, "color": colours, "line": {"color": "#111111", "width": 1.5}},
         "showlegend": False},
    ]
    if route_lines[False][0]:
        data.insert(3, {"type": "scatter", "mode": "lines",
                        "name": "Chosen route, a step the documents do not state",
                        "x": route_lines[False][0], "y": route_lines[False][1],
                        "hoverinfo": "skip",
                        "line": {"color": ROUTE_COLOUR, "width": 5, "dash": "dash"}})
    # A legend entry for each colour of point shown, drawn nowhere: the white points too,
    # which a reader could not otherwise tell from the grey.
    for colour, meaning in ((HELD_COLOUR, "Completed"),
                            ("#ffffff", "Open, or whether it is open not known"),
                            (CLOSED_COLOUR, "Closed to new learners")):
        if colour in colours:
            data.append({"type": "scatter", "mode": "markers", "name": meaning,
                         "x": [None], "y": [None], "hoverinfo": "skip",
                         "marker": {"size": 12, "color": colour,
                                    "line": {"color": "#111111", "width": 1.5}}})
    # Each name on a white ground, drawn over the lines, at the place worked out above.
    names = [{"x": positions[i][0], "y": positions[i][1], "xref": "x", "yref": "y",
              "text": text, "showarrow": False, **_ANCHORS[place],
              "bgcolor": "rgba(255,255,255,0.9)",
              "font": {"size": NAME_FONT_PX, "color": "#111111"}, "borderpad": 1}
             for i, text, place in zip(ids, texts, places, strict=True)]
    return go.Figure(data=data, layout={
        "title": {"text": "Qualifications by level, with their progressions"},
        "height": height,
        "margin": MARGIN_PX,
        "xaxis": {"visible": False, "range": [0, 1]},
        "yaxis": {"title": {"text": "Level"}, "tickvals": levels,
                  "ticktext": [f"Level {n}" for n in levels], "range": list(y_range)},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.05},
        "annotations": [*arrows, *names],
        "plot_bgcolor": "#ffffff",
    })


HEAD_PX = 12  # an arrowhead's length and width (plotly's arrowhead 2 at arrowsize 1.2)
STANDOFF_PX = 9  # between a point and the tip of a head that reaches it
MARGIN_PX = {"l": 10, "r": 10, "t": 60, "b": 40}  # around the map's plot (and its title)
# The narrowest the plot is drawn (the map is never narrower: a phone scrolls it sideways),
# and the most the legend below it then takes, in pixels; the plot's widths in wide windows
# (1280 pixels with the sidebar, and wider), and what the legend and margins take there.
NARROW_PLOT_PX = 420
AXIS_PX = 81  # the levels' names and the margins beside the plot
ROUTE_MAP_MIN_WIDTH_PX = NARROW_PLOT_PX + AXIS_PX
LEGEND_PX = 100
WIDE_PLOTS_PX = (739, 1100)
WIDE_LESS_PX = 140
# How plotly places a name at each of the places beside its point.
_ANCHORS: dict[str, dict[str, object]] = {
    "above": {"xanchor": "center", "yanchor": "bottom", "yshift": NAME_GAP_PX},
    "below": {"xanchor": "center", "yanchor": "top", "yshift": -NAME_GAP_PX},
    "above right": {"xanchor": "left", "yanchor": "bottom", "yshift": NAME_GAP_PX},
    "above left": {"xanchor": "right", "yanchor": "bottom", "yshift": NAME_GAP_PX},
    "below right": {"xanchor": "left", "yanchor": "top", "yshift": -NAME_GAP_PX},
    "below left": {"xanchor": "right", "yanchor": "top", "yshift": -NAME_GAP_PX},
    "right": {"xanchor": "left", "yanchor": "middle", "xshift": NAME_GAP_PX},
    "left": {"xanchor": "right", "yanchor": "middle", "xshift": -NAME_GAP_PX},
}

Box = tuple[float, float, float, float]  # left, bottom, right, top, in the map's units


def _name_box(lines: list[str], point: tuple[float, int], place: str, *,
              scale: tuple[float, float]) -> Box:
    """The box a name of ``lines`` is drawn in at ``place`` beside its point, in the map's
    units (``scale``: pixels for one unit across and one level up, on the narrowest plot)."""
    left, top, right, bottom = name_box(lines, place)
    x, y = point
    return x + left / scale[0], y - bottom / scale[1], x + right / scale[0], y - top / scale[1]


def _arrow_head(a: tuple[float, int], b: tuple[float, int], *, colour: str,
                boxes: list[Box], scale: tuple[float, float]) -> dict[str, object]:
    """The head of the arrow from ``a`` to ``b`` (points on the map), a short piece over its
    (maybe dashed) line. Names sit on a white ground over the lines: where one would hide the
    head at ``b`` (``boxes``: the names' boxes, at ``scale``, as in :func:`_name_box`), the
    head stops short, at the first place along the line that every name leaves clear. One
    along a level has a tail a fixed number of pixels long: a share of a line between
    neighbours was too short for plotly to draw on a phone."""
    head: dict[str, object] = {"xref": "x", "yref": "y", "text": "", "showarrow": True,
                               "arrowhead": 2, "arrowsize": 1.2, "arrowcolor": colour}
    if a[1] == b[1]:  # a name is above or below its point, clear of a head along its level
        return {**head, "x": b[0], "y": b[1], "standoff": STANDOFF_PX, "axref": "pixel",
                "ayref": "pixel", "ax": 26 if a[0] > b[0] else -26, "ay": 0}

    def at(share: float) -> tuple[float, float]:
        return b[0] + (a[0] - b[0]) * share, b[1] + (a[1] - b[1]) * share

    # On screen the line is at least as long as it rises: a head's share of it is at most this.
    rise = abs(a[1] - b[1]) * scale[1]
    pad = (HEAD_PX / 2 / scale[0], HEAD_PX / 2 / scale[1])

    def clear(stop: float) -> bool:
        tip = stop + (STANDOFF_PX / rise if stop == 0 else 0)
        (x0, y0), (x1, y1) = at(tip), at(tip + HEAD_PX / rise)
        return not any(min(x0, x1) - pad[0] < right and left < max(x0, x1) + pad[0]
                       and min(y0, y1) - pad[1] < top and bottom < max(y0, y1) + pad[1]
                       for left, bottom, right, top in boxes)

    # At b, else the first place clear from 10% to 80% of the way back (else at b after all).
    stop = next((share for share in (0.0, *(n / 20 for n in range(2, 17))) if clear(share)),
                0.0)
    tip_x, tip_y = at(stop)
    tail_x, tail_y = at(stop + min(0.2, (1 - stop) / 2))  # short of a's point
    return {**head, "x": tip_x, "y": tip_y, "ax": tail_x, "ay": tail_y, "axref": "x",
            "ayref": "y", "standoff": 0 if stop else STANDOFF_PX}


def _in_turn(ids: list[str], positions: dict[str, tuple[float, int]],
             ends: list[tuple[str, str]]) -> list[bool]:
    """For each of ``ids`` (level by level, left to right): whether its name goes below its
    point. Along a level, names go above and below in turn, so that neighbours' names do not
    meet; of the two ways to start, the one that puts fewer names where a line (``ends``, pairs
    of ids) leaves or reaches a point, to a level above or below."""
    lines_above: dict[str, int] = {}
    lines_below: dict[str, int] = {}
    for a, b in ends:
        for here, there in ((a, b), (b, a)):
            if positions[there][1] > positions[here][1]:
                lines_above[here] = lines_above.get(here, 0) + 1
            elif positions[there][1] < positions[here][1]:
                lines_below[here] = lines_below.get(here, 0) + 1
    below: list[bool] = []
    for level in dict.fromkeys(positions[i][1] for i in ids):
        members = [i for i in ids if positions[i][1] == level]
        ways = [[(n % 2 == 1) != first_below for n in range(len(members))]
                for first_below in (False, True)]
        below += min(ways, key=lambda way: sum(
            (lines_below if under else lines_above).get(i, 0)
            for i, under in zip(members, way, strict=True)))
    return below


def chart_words(figure: go.Figure) -> str:
    """The words ``figure`` shows on it: its title, its axes' titles and labels, its legend,
    the text on its marks and its notes (a map's names); not what shows only under the
    pointer, as a question's help is not on the page. For a page's glossary."""
    # Read as plain dictionaries: plotly's own attributes take several times as long.
    layout = figure.layout.to_plotly_json()
    said = [layout.get("title", {}).get("text"),
            *(a.get("text") for a in layout.get("annotations", ()))]
    for axis in (layout.get("xaxis", {}), layout.get("yaxis", {})):
        if axis.get("visible", True):
            said += [axis.get("title", {}).get("text"), *axis.get("ticktext", ())]
    for trace in (t.to_plotly_json() for t in figure.data):
        if trace.get("showlegend", True) and layout.get("showlegend", True):
            said.append(trace.get("name"))
        if "text" in trace.get("mode", "") or "texttemplate" in trace:
            text = trace.get("text", ())
            said += [text] if isinstance(text, str) else list(text)
    return "\n".join(str(text).replace("<br>", " ") for text in said if text)


def describe_route(route: Route | None) -> str:
    """The chosen route in words, for screen readers and for people who prefer text."""
    if route is None:
        return "No route is chosen."
    parts = []
    for number, step in enumerate(route.steps, start=1):
        least = "" if step.additional_credits is not None else "at least "
        credits = (f"{least}{step.credits_still_needed} more credits"
                   if step.credits_still_needed is not None else "credits still needed not known")
        kind = STEP_WORDS[step.kind]
        parts.append(f"Step {number}: {step.to.title} ({level_words(step.to.level)}), {kind}, "
                     f"{credits}")
    return "; ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# Cohort summaries (from the frames of :mod:`advisor.engine.cohort`)
# ---------------------------------------------------------------------------------------------


def _count_axis(largest: int) -> dict[str, object]:
    """An axis that counts learners: whole numbers from 0, each shown once (with a step of one
    for small counts; Plotly would otherwise mark 0.5s and print them as 0, 0, 1, 1)."""
    return {"tickformat": "d", "rangemode": "tozero", **({"dtick": 1} if largest <= 10 else {})}


def _bar(x: list, y: list, *, title: str, x_title: str, y_title: str,
         horizontal: bool = False, row_height: int = 26) -> go.Figure:
    # Each count level and at full size beyond its bar, whatever the bar's size: inside a
    # short bar Plotly turned it on its side, or, kept level, shrank it to fit (unclipped, so
    # the longest bar's count shows too).
    trace = {"type": "bar", "marker": {"color": ROUTE_COLOUR}, "text": [str(v) for v in
             (x if horizontal else y)], "textposition": "outside", "textangle": 0,
             "cliponaxis": False}
    trace |= {"x": x, "y": y, "orientation": "h"} if horizontal else {"x": x, "y": y}
    return go.Figure(data=[trace], layout={
        "title": {"text": _text(title)},
        "height": 160 + (row_height * len(y) if horizontal else 240),
        "margin": {"l": 10, "r": 10, "t": 60, "b": 40},
        # The category axis holds names (levels, unit numbers): never read as numbers. The
        # value axis counts learners: whole numbers only.
        "xaxis": {"title": {"text": x_title}, "automargin": True,
                  **(_count_axis(max(x, default=0)) if horizontal else {"type": "category"})},
        "yaxis": {"title": {"text": y_title}, "automargin": True,
                  **({"autorange": "reversed", "type": "category"} if horizontal
                     else _count_axis(max(y, default=0)))},
        "plot_bgcolor": "#ffffff",
    })


def cohort_levels_chart(levels: pd.DataFrame) -> go.Figure:
    """Learners per suggested starting level (:func:`advisor.engine.cohort.learners_per_level`)."""
    return _bar([_text(v) for v in levels["recommended_level"]], list(levels["learners"]),
                title="Learners per suggested starting level", x_title="", y_title="Learners")


def describe_cohort_levels(levels: pd.DataFrame) -> str:
    if levels.empty:
        return "No learners were assessed."
    return "; ".join(f"{row.recommended_level}: {row.learners}"
                     for row in levels.itertuples(index=False)) + "."


def cohort_completion_chart(completion: pd.DataFrame) -> go.Figure:
    """For each target, learners who already complete it, who meet its rules after its
    certificates ended, who do not yet (and, with its certificates ended, cannot), and whose
    target's rules are not known
    (:func:`advisor.views.cohort_tables.completion_by_target`)."""
    targets = [_text(t) for t in completion["target"]]
    parts = [("complete", "Complete", COUNTED_COLOUR),
             ("rules_met_certificates_ended", "Rules met, but certificates have ended",
              "#1f4e8c"),
             ("not_complete", "Not complete yet", NEEDED_COLOUR),
             ("not_complete_certificates_ended", "Not complete, and certificates have ended",
              "#6b4f8a"),
             ("rules_not_known", "Rules not known", "#e0b070")]
    # Only the outcomes some learner has: a legend of five for two bars reads as a puzzle.
    parts = [part for part in parts if completion[part[0]].sum() > 0] or parts[:1]
    stacked = completion[[column for column, _, _ in parts]].sum(axis=1)
    largest = int(stacked.max()) if len(stacked) else 0
    return go.Figure(
        data=[{"type": "bar", "name": label, "y": targets, "x": list(completion[column]),
               "orientation": "h", "marker": {"color": colour}}
              for column, label, colour in parts],
        layout={
            "title": {"text": "Completion against each target"},
            "barmode": "stack",
            "height": 190 + 40 * max(len(targets), 1),
            "margin": {"l": 10, "r": 10, "t": 110, "b": 40},
            # Counts are whole learners; codes such as 03456 are names, never numbers.
            "xaxis": {"title": {"text": "Learners"}, **_count_axis(largest)},
            "yaxis": {"automargin": True, "autorange": "reversed", "type": "category"},
            # Above the bars, under the title: below them it ran over the axis title.
            "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
            "plot_bgcolor": "#ffffff",
        })


def describe_cohort_completion(completion: pd.DataFrame) -> str:
    if completion.empty:
        return "No learner named a target qualification."
    return "; ".join(
        f"{row['target']}: {count(row['learners'], 'learner')}, {row['complete']} complete, "
        + (f"{row['rules_met_certificates_ended']} meeting its rules after its certificates "
           "ended, " if row["rules_met_certificates_ended"] else "")
        + f"{row['not_complete']} not complete yet"
        + (f", {row['not_complete_certificates_ended']} not complete with its certificates "
           "ended" if row["not_complete_certificates_ended"] else "")
        + (f", {row['rules_not_known']} whose rules are not known"
           if row["rules_not_known"] else "")
        for row in completion.to_dict("records")) + "."


def units_needed_chart(units: pd.DataFrame) -> go.Figure:
    """The units most often in learners' completion plans (:func:`units_most_needed`)."""
    labels = [_unit_label(str(urn), str(title))
              for urn, title in zip(units["urn"], units["title"], strict=True)]
    return _bar(list(units["learners"]), labels, title="Units most often still needed",
                x_title="Learners needing it", y_title="", horizontal=True,
                row_height=56)


def _unit_label(urn: str, title: str, *, width: int = 30, lines: int = 2) -> str:
    """A unit's URN on a line of its own, then its title in short lines (at most ``lines``,
    the last ending "…" where the title goes on): a label cut at a fixed length broke words
    ("customer s") and, on a phone, left the bars no room."""
    wrapped = _wrapped(title, width).split("<br>")
    if len(wrapped) > lines:
        wrapped = [*wrapped[:lines - 1], wrapped[lines - 1] + " …"]
    return "<br>".join([_text(urn), *wrapped])


def describe_units_needed(units: pd.DataFrame) -> str:
    if units.empty:
        return "No units are still needed."
    return "; ".join(f"{row['urn']} {row['title']}: {count(int(row['learners']), 'learner')}"
                     for row in units.to_dict("records")) + "."
