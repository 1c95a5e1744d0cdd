"""Charts for people: plotly figures built from the tables in :mod:`advisor.tables`.

Plotly renders titles, labels and hover text as a small HTML-like markup (``<b>``, ``<a>``,
``<br>``), so every piece of catalogue text is escaped here before it reaches a figure: a title
holding ``<script>`` shows those characters rather than being read as markup. Each figure has
a plain-text description (:func:`describe_progress`) for screen readers and for people who
prefer the numbers.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

COUNTED_COLOUR = "#1b7a3a"  # dark green: contrast above 4.5:1 against white text
NEEDED_COLOUR = "#c9ccd1"  # light grey: the part still to do


def _text(value: object) -> str:
    """Catalogue text made safe for plotly's label markup."""
    return html.escape(str(value), quote=True)


def _credits(n: int) -> str:
    return f"{n} credit" if n == 1 else f"{n} credits"


def _phrase(counted: int, required: int | None) -> str:
    if required is None:
        return f"{_credits(counted)} (no credit minimum)"
    return f"{counted} of {_credits(required)}"


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

    ``progress`` is :func:`advisor.tables.progress_table`. Each bar shows the credits counted
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
