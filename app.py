"""The Streamlit front end: the frame every page shares.

Served by ``streamlit run serve.py`` (or, without its head start, ``streamlit run app.py``). The
frame (``app_pages._common.draw_frame``) sets the page config, loads the catalogue and graph
once per server process (shared, read-only, by every session), stops with the validator's
problem list on a broken catalogue, sets session defaults and draws the sidebar's "As at" date;
then the page chosen in the navigation runs. Pages get what they need from
``app_pages._common.frame()``.

To add a page: write ``app_pages/<name>.py`` (start it with ``ctx = frame()``) and add one
:class:`Journey` to ``JOURNEYS``; the navigation and the welcome page pick it up.

The pages are not in a folder named ``pages/`` on purpose: with one beside this script,
Streamlit starts each server process in its old pages-folder mode, so a first request for a page
(a tab reconnecting after a restart) would skip this frame and list every file in that folder,
helpers included, in the navigation until someone opened the home page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from advisor import (
    WHERE_TO_ASK,
    Category,
    Status,
    Structure,
    source_tables,
    uk_date,
)
from app_pages._common import draw_frame, frame, note_page


@dataclass(frozen=True)
class Journey:
    """A page of the app: its script, its title in the navigation, and who it is for."""

    path: str
    title: str
    description: str


JOURNEYS: tuple[Journey, ...] = (
    Journey("app_pages/starting_level.py", "Find a starting level",
            "For learners and advisers: a few questions in plain English, then the level to "
            "start at, the qualifications at it, and why."),
    Journey("app_pages/plan_route.py", "Plan a route",
            "From what a learner holds to the level or qualification they want: routes step "
            "by step, with the units that carry over and what is still needed."),
    Journey("app_pages/check_units.py", "Check a learner's units",
            "For centre staff: tick the units a learner holds and see whether they complete a "
            "qualification, which rules are met, and the smallest set of units still needed."),
    Journey("app_pages/cohort.py", "Check a whole intake",
            "For centre staff: upload one row per learner and get back each learner's level, "
            "eligibility, credits and plan, with a safe file to download and summary charts."),
    Journey("app_pages/explore.py", "Explore the catalogue",
            "Search qualifications and units, read a qualification's full profile with its "
            "sources, and compare two or three side by side."),
    Journey("app_pages/about.py", "About the data",
            "Which documents the answers come from, what was taken from each, and how fully "
            "each qualification is known."),
)


def welcome() -> None:
    """The home page: what the advisor does and where each journey starts."""
    ctx = frame()
    st.title("Customer Service qualifications advisor")
    st.write(
        "Which level to start at, where to go next, and which units already held carry over: "
        "answered from the awarding bodies' own documents, each answer with its source."
    )
    for journey in JOURNEYS:
        # An arrow, so that the title reads as a link to follow, not as a heading.
        st.page_link(journey.path, label=journey.title, icon=":material/arrow_forward:")
        st.caption(journey.description)

    qualifications = list(ctx.catalogue.qualifications.values())
    complete = sum(1 for q in qualifications if q.structure is Structure.COMPLETE)
    columns = st.columns(4)
    structures = sum(1 for q in qualifications if q.category is Category.NATIONAL_STRUCTURE)
    columns[0].metric("Qualifications", len(qualifications) - structures,
                      help=f"And {structures} national structures: templates that awarding "
                           "bodies build qualifications on, not enrolled on themselves.")
    columns[1].metric("Fully known structures", complete,
                      help="Qualifications whose every unit and rule of combination the "
                           "documents give, so that a check of a learner's units is exact. "
                           "The others are known in part or by name: the About page says how "
                           "far.")
    columns[2].metric("Units", len(ctx.catalogue.units))
    columns[3].metric("Source documents", len(ctx.catalogue.documents))

    statuses = source_tables.statuses_on(ctx.catalogue, ctx.as_at, ctx.register)
    closed = sum(n for status, n in statuses.items() if status.closed)
    not_yet = statuses[Status.NOT_YET_OPEN]
    st.info(
        f"On {uk_date(ctx.as_at)}: {closed} closed to new learners, {statuses[Status.OPEN]} open, "
        + (f"{not_yet} not yet open, " if not_yet else "")
        + f"{statuses[Status.UNKNOWN]} whose status the sources do not give, and "
        f"{statuses[Status.NATIONAL_STRUCTURE]} national structures (templates that "
        "awarding bodies build qualifications on). Every page says what is closed and, where the "
        "sources say, what replaced it. Change the date in the sidebar to see how things stood "
        "earlier."
    )
    if not statuses[Status.OPEN]:
        st.write(f"None of them can be confirmed open on {uk_date(ctx.as_at)}, so each journey "
                 "ends with what to do next: for what is on offer now, ask "
                 f"{WHERE_TO_ASK}. Start with *Find a starting level*.")


def main() -> None:
    if not draw_frame():
        st.stop()
    pages = [st.Page(welcome, title="Home", default=True)]
    pages += [st.Page(journey.path, title=journey.title) for journey in JOURNEYS]
    page = st.navigation(pages)
    note_page(page.url_path)
    page.run()


main()
