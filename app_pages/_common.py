"""The frame every page shares, and what a page gets from it.

``app.py`` calls :func:`draw_frame` (page config, catalogue check, session defaults, the
sidebar's "As at" date) and then runs the page chosen in ``st.navigation``. A page starts with
``ctx = frame()`` and reads ``ctx.catalogue`` (with its graph, ``ctx.catalogue.graph``) and
``ctx.as_at``. The catalogue is loaded once per server process (``st.cache_resource``) and
shared, read-only, by every session; nothing here reads files on a rerun. The as-at date is the
sidebar's ``as_at`` widget, kept in the browser session.

``ctx.register`` is Ofqual's register, when the server has one (the file
:func:`advisor.default_register_path` names: ``$ADVISOR_REGISTER``, else the user's data
folder), else None, and every page then answers from the catalogue alone. It is opened once per
process and file version (``st.cache_resource``, keyed on the path and the file's modification
time, so an import by whoever runs the server is picked up without a restart); the app only
reads it, and each query opens its own read-only connection. Importing stays a command-line
task (``advisor register import FILE``).

Not a page itself: ``st.navigation`` lists the pages explicitly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pandas as pd
import streamlit as st

from advisor import (
    EARLIEST_DATE,
    LATEST_DATE,
    AnswerError,
    Catalogue,
    CatalogueError,
    Citation,
    Eligibility,
    FrameworkStatus,
    Qualification,
    ReasonCode,
    Register,
    RegisterError,
    Statement,
    Status,
    StatusOnDate,
    Voice,
    answers,
    check_date,
    decode_date,
    default_data_dir,
    default_register_path,
    framework_words,
    labels,
    load_catalogue,
    open_register,
    tables,
    to_csv_bytes,
    uk_date,
    without_control_characters,
)
from app_pages._layout import Cards, grid_layout, stacked_when_narrow
from app_pages._network import send_without_delay

AS_AT_KEY = "as_at"
AS_AT_NOTE_KEY = "as_at_link_note"  # why a shared link's date was left out, until one is chosen
# Streamlit's date box (1.67) takes a date typed when it loses focus or its calendar closes:
# clicking outside it, Tab twice, or Escape. Enter does nothing, and date_input has no option
# for it (tests/browser/test_typing.py fails once it does, to drop this).
DATE_TYPED_HINT = ("A date typed is used once you click outside the box or press Tab twice "
                   "(Enter does not).")
ANY_DAY = (dt.date(1, 1, 1), dt.date(9999, 12, 31))
"""A date box's own limits: none. Given narrower ones, Streamlit's box refuses a date outside
them in the browser without telling the server (see :func:`read_date_box`)."""


@dataclass(frozen=True)
class Frame:
    """The shared, read-only context a page renders against."""

    catalogue: Catalogue
    as_at: dt.date
    register: Register | None = None  # Ofqual's register, when the server has one
    register_problem: str | None = None  # why a register file could not be opened


def data_dir() -> str:
    return str(default_data_dir())


@st.cache_resource(show_spinner="Loading the qualification catalogue...")
def get_catalogue(directory: str) -> Catalogue:
    """The validated catalogue; raises :class:`CatalogueError` (not cached) when broken."""
    return load_catalogue(directory)


@st.cache_resource(show_spinner=False, max_entries=4)
def get_register(path: str, modified: int) -> Register | None:
    """The register at ``path`` as it was at ``modified`` (the file's modification time, in
    nanoseconds: a new import is a new file), or None when there is no file there. Raises
    :class:`RegisterError` (not cached) for a file that is not a register."""
    del modified  # part of the cache key only
    return open_register(Path(path))


def current_register() -> tuple[Register | None, str | None]:
    """The server's register (None when there is none) and, when its file cannot be opened,
    why: the app then answers from the catalogue alone and the About page says so."""
    path = default_register_path()
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        return None, None  # no register: the usual case, and nothing to say
    try:
        return get_register(str(path), modified), None
    except RegisterError as error:
        return None, str(error)


@st.cache_resource(show_spinner=False, max_entries=4,
                   hash_funcs={Register: lambda r: (str(r.path), r.record.imported_at)})
def register_organisations(register: Register) -> list[str]:
    """Every awarding organisation in the register, for a filter: one query per import."""
    return register.organisations()


def organisations(ctx: Frame) -> list[str]:
    """The awarding organisations in ``ctx.register``, in order (none without one)."""
    return register_organisations(ctx.register) if ctx.register is not None else []


def _as_at_chosen() -> None:
    """A date chosen in the sidebar answers the note on a link's date that was left out; one
    the advisor cannot answer for is refused, with a note below the box (:func:`read_date_box`)."""
    st.session_state.pop(AS_AT_NOTE_KEY, None)
    read_date_box(AS_AT_KEY, "The date chosen was not used: {error}. The answers are still as "
                             "at {in_use}.")


PAGE_NOW, PAGE_BEFORE = "page_now", "page_before"  # the page each of the last two runs drew


def note_page(name: str) -> None:
    """Record the page this run draws (``app.py``, before the page runs)."""
    st.session_state[PAGE_BEFORE] = st.session_state.get(PAGE_NOW)
    st.session_state[PAGE_NOW] = name


def arriving() -> bool:
    """Whether this run is the page's first since another page was shown (or the session
    began): the one time a link's answers in the address are to be put into its widgets. A
    rerun on the same page may still carry an address a moment old, which must not undo what
    the person has just changed."""
    return st.session_state.get(PAGE_BEFORE) != st.session_state.get(PAGE_NOW)


# A link to another page wraps onto more lines where it is longer than the page is wide:
# Streamlit's own style keeps it on one line and cuts it off ("... to Level 2, where the appre"),
# on a phone the link a learner is told to follow next.
LINKS_WRAP = ("<style>[data-testid='stPageLink-NavLink'] span, "
              "[data-testid='stPageLink-NavLink'] p { white-space: normal; overflow: visible; "
              "text-overflow: clip; }</style>")


def draw_frame() -> bool:
    """Draw what every page shares. False (after showing every problem) when the catalogue
    cannot be loaded; the caller then stops."""
    st.set_page_config(page_title="Customer Service qualifications advisor", layout="wide")
    send_without_delay()
    st.html(LINKS_WRAP)
    if st.session_state.pop(RELOAD_KEY, False):
        open_afresh(st.session_state.get(AS_AT_KEY))
    try:
        get_catalogue(data_dir())
    except CatalogueError as error:
        st.error("The qualification catalogue has problems, so the advisor cannot start.")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        return False
    if AS_AT_KEY not in st.session_state:  # first run: a shared link may carry its date
        found, note = link_date(st.query_params.get("on"))
        st.session_state[AS_AT_KEY] = found
        if note is not None:
            st.session_state[AS_AT_NOTE_KEY] = note
    with st.sidebar:
        st.date_input("As at", key=AS_AT_KEY, min_value=ANY_DAY[0], max_value=ANY_DAY[1],
                      format="DD/MM/YYYY", on_change=_as_at_chosen)
        note_date_in_use(AS_AT_KEY)
        show_refused(AS_AT_KEY)
        st.caption("Dates decide whether a qualification is open to new learners. Every page "
                   f"answers as at this date: any from {uk_date(EARLIEST_DATE)} to "
                   f"{uk_date(LATEST_DATE)}. {DATE_TYPED_HINT}")
        # Back-to-back interviews: one learner's answers, names and notes must not reach the
        # next learner's printout. Two clicks, so that a slip does not wipe an interview.
        with st.popover("Start again with a new learner", icon=":material/restart_alt:"):
            st.write("Clears every answer, ticked unit, decision, name and note on every page "
                     "of this tab, an intake file uploaded on *Check a whole intake* too, and "
                     "the page address. The date stays. Download a printout or the intake's "
                     "results first if they are needed: nothing is kept anywhere else.")
            st.button("Clear everything", key=NEW_LEARNER_KEY, on_click=forget_learner,
                      type="primary")
    # Until another date is chosen: the answers are as at today, not the link's date.
    note = st.session_state.get(AS_AT_NOTE_KEY)
    if note:
        st.warning(escape_markdown(note))
    return True


SENIOR_ANSWERS = {"yes": "Yes", "no": "No"}
"""Whether the learner is in a senior role, as the pages ask it (``sl_senior``,
``route_senior``) and as links write it (``senior=no``)."""

NEW_LEARNER_KEY = "new_learner"
RELOAD_KEY = "open_afresh"  # set by forget_learner: the next run reloads the page


def forget_learner() -> None:
    """Forget everything this tab was told about a learner (every key but the as-at date) and
    empty the page address, for the next learner; the page then opens afresh
    (:func:`open_afresh`)."""
    for key in list(st.session_state.keys()):
        if key != AS_AT_KEY:
            del st.session_state[key]
    st.query_params.clear()
    st.session_state[RELOAD_KEY] = True


def open_afresh(as_at: dt.date | None) -> NoReturn:
    """Load the page again in the browser, with only the date in its address (when it is not
    today), and stop this run. Forgetting the answers on the server is not enough: the
    browser still shows the boxes as they were filled in, and sends those answers back with
    the next click. A fresh load starts a new session with every box empty."""
    query = f"?on={as_at.isoformat()}" if as_at and as_at != dt.date.today() else ""
    st.html(f"<script>window.location.replace(window.location.pathname + {query!r});</script>",
            unsafe_allow_javascript=True)
    st.stop()


def frame() -> Frame:
    """The catalogue and as-at date for this run of a page (``app.py`` has drawn the frame, so
    the catalogue is known to load)."""
    as_at = st.session_state.get(AS_AT_KEY) or dt.date.today()
    register, problem = current_register()
    return Frame(get_catalogue(data_dir()), as_at, register, problem)


def escape_markdown(text: str) -> str:
    """Text typed by a person, shown inside markdown as typed."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", text)


# ---------------------------------------------------------------------------------------------
# Number and date boxes whose limits the server checks
# ---------------------------------------------------------------------------------------------


AGE_REFUSED = f"The age {{}} was left out: give {answers.AGE_ACCEPTED}."  # as a link's age is


def refused_key(key: str) -> str:
    """Where the note on a value the box ``key`` was given and did not use is kept."""
    return f"{key}_refused"


def read_number_box(key: str, read: Callable[[str], float], note: str) -> None:
    """``on_change`` of a number box that has no minimum or maximum of its own.

    Given one, Streamlit's box refuses a number outside it in the browser without telling the
    server (and cuts 16.7 to 16 in a box of whole numbers): the box showed the number typed,
    in red, while the answers, the address and the printout kept the number before. So the box
    takes any number, and ``read``, the reader a link's value goes through, reads it as the box
    shows it. What it refuses empties the box and leaves ``note`` (``{}`` for the number) to
    show below it, as a link's value is left out with a note; what it reads is kept as read.
    (A whole number read comes back from the browser as a float, 19.0: the box's type.)"""
    value = st.session_state.get(key)
    st.session_state.pop(refused_key(key), None)
    if value is None:
        return
    shown = f"{value:g}"
    try:
        st.session_state[key] = read(shown)
    except AnswerError:
        st.session_state[key] = None
        st.session_state[refused_key(key)] = note.format(shown)


def number_box(label: str, key: str, read: Callable[[str], float], note: str, *,
               placeholder: str, help: str | None = None) -> float | None:
    """A number box with no minimum or maximum of its own, whose value ``read`` checks on the
    server (:func:`read_number_box`), with the note on a number it refused below it. Its value
    is kept for the browser session."""
    value = st.number_input(label, value=None, step=1.0, format="%g", key=key,
                            placeholder=placeholder, persist_state="session", help=help,
                            on_change=read_number_box, args=(key, read, note))
    show_refused(key)
    return value


def in_use_key(key: str) -> str:
    """Where the date the box ``key`` held when the page last ran is kept."""
    return f"{key}_in_use"


def note_date_in_use(key: str) -> None:
    """After a date box: the date it holds, the one the page answers for, to go back to if the
    next date it is given is refused (:func:`read_date_box`)."""
    st.session_state[in_use_key(key)] = st.session_state.get(key)


def read_date_box(key: str, note: str) -> bool:
    """``on_change`` of a date box whose own limits are :data:`ANY_DAY`: whether the date it
    was given is one the advisor answers for (:func:`advisor.check_date`). Given narrower
    limits, Streamlit's box refused a date outside them in the browser without telling the
    server, and showed it beside answers for the date before. A date refused here puts the box
    back to the date in use (:func:`note_date_in_use`), and leaves ``note`` to show, with
    ``{error}`` for why and ``{in_use}`` for the date still in use."""
    day = st.session_state.get(key)
    st.session_state.pop(refused_key(key), None)
    if not isinstance(day, dt.date):
        return True
    try:
        check_date(day)
    except AnswerError as error:
        in_use = st.session_state.get(in_use_key(key)) or dt.date.today()
        st.session_state[key] = in_use
        st.session_state[refused_key(key)] = note.format(error=error, in_use=uk_date(in_use))
        return False
    return True


def show_refused(key: str) -> None:
    """Below a box: why the value it was last given was not used, until it is given another."""
    note = st.session_state.get(refused_key(key))
    if note:
        st.error(escape_markdown(note))


# ---------------------------------------------------------------------------------------------
# Small rendering helpers shared by pages
# ---------------------------------------------------------------------------------------------


def show_table(table: pd.DataFrame, *, name: str, key: str, file_name: str,
               wrap: bool = False, stack: bool | Cards = False,
               on_row: Callable[[int], None] | None = None,
               missing: str = labels.NOT_STATED,
               widths: Mapping[str, int] | None = None,
               about: Qualification | None = None) -> None:
    """A table with a CSV download of what is shown. ``wrap``: a static table whose long text
    wraps (for a few rows of sentences), else a scrollable, sortable grid. ``stack`` (a static
    table only): where the table has little room (a phone, a column) each row is a card, each
    cell beside its column's name (:func:`app_pages._layout.stacked_when_narrow`), for a table
    whose columns all matter; given :class:`app_pages._layout.Cards`, its cards read as that
    says (the first column as each card's heading, columns whose cells need no name). A Source
    column shows numbers, each citation listed once below the table
    (``labels.sources_numbered``); the CSV keeps the citation on every row.
    ``on_row`` (a grid only): a row can be selected, and is called with the position in
    ``table`` of the row selected. ``missing``: what a gap says ("not stated" for a fact the
    sources do not give; a table of worked-out figures may say "not known"). ``widths`` (a
    grid only): pixels for the columns a page sizes itself
    (:func:`app_pages._layout.grid_layout`). ``about``: the qualification a table of units is
    about, which the CSV names on every row (:func:`advisor.views.tables.for_download`)."""
    shown, sources = labels.sources_numbered(table, missing=missing)
    if wrap:  # a gap says ``missing``, as the grid's placeholder does
        gaps = [column for column in shown.columns if shown[column].isna().any()]
        shown = shown.assign(**{column: shown[column].map(
            lambda v: missing if pd.isna(v) else str(v)) for column in gaps})
        with st.container(key=f"{key}_table") if stack else nullcontext():
            st.table(shown, hide_index=True, alt=name)
        if stack:
            st.html(stacked_when_narrow(f"{key}_table", shown,
                                        stack if isinstance(stack, Cards) else None))
    else:
        layout = grid_layout(table, widths=widths)
        if on_row is None:
            st.dataframe(shown, hide_index=True, placeholder=missing, alt=name,
                         column_config=layout.config, row_height=layout.row_height,
                         height=layout.height)
        else:
            grid = f"{key}_rows"

            def selected() -> None:
                rows = st.session_state[grid].selection.rows
                if rows:
                    on_row(rows[0])

            st.dataframe(shown, hide_index=True, placeholder=missing, alt=name,
                         column_config=layout.config, key=grid, on_select=selected,
                         selection_mode="single-row", row_height=layout.row_height,
                         height=layout.height)
    if sources:
        st.caption("Sources:\n" + "\n".join(f"{number}. {escape_markdown(text)}"
                                             for number, text in enumerate(sources, 1)))

    def csv() -> bytes:  # made when the button is pressed, not on every run
        return to_csv_bytes(table if about is None else tables.for_download(table, about),
                            missing=missing)

    st.download_button(f"Download {name[:1].lower()}{name[1:]} (CSV)",  # keeps "FR03058"
                       csv,
                       file_name=file_name, mime="text/csv", key=key, on_click="ignore")


def show_sources(catalogue: Catalogue, sources: Iterable[Citation]) -> None:
    """The sources of what was just said, in a caption: one document on a line; several
    numbered, each once with its sections, as a table's sources are (one line of them all, a
    status resting on four documents, was too long to read)."""
    documents = labels.cite_by_document(catalogue, sources)
    if len(documents) == 1:
        st.caption(f"Source: {documents[0]}")
    elif documents:
        st.caption("Sources:\n" + "\n".join(f"{number}. {text}"
                                             for number, text in enumerate(documents, 1)))


def show_awarding_bodies(catalogue: Catalogue, qualifications: Iterable[Qualification]) -> None:
    """How to reach the awarding bodies of ``qualifications``, as their documents give it, for
    a learner told to check with one: in the page's own text, not a caption, whose pale links
    fall short of the contrast a reader needs (axe: color-contrast)."""
    for body in labels.awarding_bodies_of(catalogue, qualifications):
        st.markdown(escape_markdown(f"To reach the awarding body: "
                                    f"{labels.awarding_body_contact(body)}"))
        show_sources(catalogue, body.source)


def show_statement(catalogue: Catalogue, heading: str, statement: Statement | None) -> None:
    """A heading, the statement's points and its source; "not stated" where absent."""
    st.markdown(f"**{heading}**")
    if statement is None:
        st.write(labels.NOT_STATED.capitalize() + " in the sources.")
        return
    if statement.lead_in:
        st.markdown(escape_markdown(statement.lead_in))
    st.markdown("\n".join(f"- {point}" for point in statement.points))
    if statement.closing:
        st.markdown(escape_markdown(statement.closing))
    show_sources(catalogue, statement.source)


def warn_if_certificates_ended(catalogue: Catalogue, q: Qualification,
                               status: StatusOnDate) -> None:
    """Before a plan of units: where certification has closed on the date, say that no further
    units can complete it, and what replaced it."""
    caution = labels.plan_beyond_certification(catalogue, q, status)
    if caution is not None:
        st.warning(caution)


def show_entry_status(catalogue: Catalogue, eligibility: Eligibility) -> None:
    """One line on whether new learners can start on the as-at date, with what replaced it,
    and the full reasons in an expander."""
    line = labels.entry_status_line(eligibility)
    refused = eligibility.not_for_this_learner
    show = {Status.OPEN: st.warning if refused else st.success, Status.CLOSED: st.warning,
            Status.CERTIFICATION_CLOSED: st.warning, Status.NOT_YET_OPEN: st.warning}
    show.get(eligibility.status.status, st.info)(line)
    # What replaced it stands out once it has closed; while it is open (or may be), it is a
    # note: the replacement may be for some learners only (apprentices, from 2014).
    closed = eligibility.status.status.closed
    for reason in eligibility.reasons:
        if reason.code is ReasonCode.REPLACED:
            st.markdown(f"**{reason.message}**" if closed else f"Note: {reason.message}")
    with st.expander("Why: every reason, with its source"):
        for reason in eligibility.reasons:
            source = f" *({labels.cite(catalogue, reason.source)})*" if reason.source else ""
            st.markdown(f"- {reason.message}{source}")


def show_frameworks(catalogue: Catalogue, frameworks: Iterable[FrameworkStatus], *,
                    as_at: dt.date, key: str, voice: Voice) -> list[str]:
    """Each apprenticeship framework: the components held, missing or to check with the
    centre, with their qualifications' status on the date; what the learner holds in a
    column named for the page's ``voice`` ("You" where it asks "you"). Returns what it shows
    beyond the command line's words for the frameworks (their tables, the sources of the
    standard taking a framework's place), for a page's glossary."""
    said: list[str] = []
    for number, status in enumerate(frameworks):
        framework = status.framework
        label = labels.framework_label(catalogue, framework)
        st.markdown(f"**{escape_markdown(label)}**")
        # What took its place first: its missing parts are not a list of what to take now.
        if framework.succeeded_by is not None:
            st.info(escape_markdown(framework_words.standard_taking_its_place(framework)))
            show_sources(catalogue, framework.succeeded_by.source)
            said.append(labels.cite(catalogue, framework.succeeded_by.source))
        if status.superseded:
            st.info(escape_markdown(status.superseded))
        table = tables.framework_table(catalogue, status, as_at=as_at, voice=voice)
        show_table(table, name=f"Components of {label}", key=f"{key}_{number}",
                   file_name=f"framework-{framework.id}.csv", wrap=True, stack=True)
        said.append(table_words(table))
        for caution in status.cautions:
            st.caption(escape_markdown(caution))
    return said


def table_words(table: pd.DataFrame) -> str:
    """A table's headers and cells as one text (for a page's glossary), without the cost of
    writing it as CSV on every run."""
    return "\n".join(map(str, [*table.columns, *table.to_numpy().ravel()]))


PRINTOUT_KEYS = {"learner": "plan_learner", "centre": "plan_centre",
                 "agreed_actions": "plan_actions"}
CENTRE_BOX = "Centre (college or training provider)"  # the printout's box, and its words
# Who signs the printout (the plan's "adviser"), and the box their name is kept in: an
# adviser's name is not carried onto a centre's record as its assessor's, nor the other way.
STAFF_KEYS = {"Adviser": "plan_adviser", "Assessor": "plan_assessor"}


def ask_printout_details(staff: str = "Adviser") -> None:
    """Boxes for the learner, the ``staff`` member ("Adviser", or "Assessor" for a centre's
    record), centre and agreed actions on the printout. They stay in this browser session and
    the downloaded file; nothing is sent anywhere else (and, unlike the answers, they are never
    written into the page address). Shared by every page, for one learner's interview."""
    with st.expander("For the printout: names and agreed actions (optional)"):
        st.caption("Kept only in this browser session and in the file you download.")
        left, right = st.columns(2)
        left.text_input("Learner's name or reference", key=PRINTOUT_KEYS["learner"],
                        persist_state="session")
        right.text_input(staff, key=STAFF_KEYS[staff], persist_state="session")
        left.text_input(CENTRE_BOX, key=PRINTOUT_KEYS["centre"], persist_state="session")
        st.text_area("Agreed actions, one a line", key=PRINTOUT_KEYS["agreed_actions"],
                     persist_state="session")


def printout_details(staff: str = "Adviser") -> dict[str, str]:
    """What :func:`ask_printout_details` was told, for an :class:`ActionPlan` (read from the
    session, so that a fragment drawn without the boxes reads them too)."""
    keys = {**PRINTOUT_KEYS, "adviser": STAFF_KEYS[staff]}
    told = {field: str(st.session_state.get(key) or "") for field, key in keys.items()}
    return {field: (value if field == "agreed_actions" else without_control_characters(value))
            for field, value in told.items()}


GLOSSARY_LABEL = "What the words on this page mean"


def show_glossary(terms: Iterable[str], *, label: str = GLOSSARY_LABEL,
                  every_word_link: bool = True) -> None:
    """The glossary's ``terms`` (those the page can show), in plain English and the glossary's
    order, one click away at the top of the page; with ``every_word_link``, a link to About
    the data, which has every term."""
    with st.expander(label):
        st.markdown("\n".join(f"- **{term}**: {meaning}"
                               for term, meaning in labels.explained(terms)))
        if every_word_link:
            st.page_link("app_pages/about.py", label="Every word the advisor uses, explained",
                         icon=":material/menu_book:")


def link_date(text: str | None) -> tuple[dt.date, str | None]:
    """The date a shared link carries (``on=2026-09-01``, as the app writes it, or
    ``on=01/09/2026``, day first, as a person in the UK may type it), else today; and, when the
    link's date cannot be used (not a date, or not one the advisor answers for), a note saying
    so."""
    cleaned = without_control_characters(text or "")
    if not cleaned:  # no date given: nothing to say
        return dt.date.today(), None
    notes: list[str] = []
    found = decode_date(cleaned, "date", notes)
    if found is None:
        return dt.date.today(), f"{notes[0]} The answers are as at today."
    return found, None


def with_date(ctx: Frame, params: dict[str, str]) -> dict[str, str]:
    """A page's link parameters, plus the as-at date when it is not today, so a shared link
    reopens the answers as they were given."""
    if ctx.as_at != dt.date.today():
        return {**params, "on": ctx.as_at.isoformat()}
    return params
