"""Plan a route: from what a learner holds to a level or a qualification, step by step.

Widgets: ``route_age`` (the learner's age, optional), ``route_working`` ("working" /
"not-working", asked only where a route shown has a step assessed at work), ``route_senior``
("yes" / "no", asked only where a route shown has a step for people in a senior role),
``route_from`` (qualification id completed, optional), ``route_also`` (other qualification ids
completed), ``route_units`` (URNs held), ``route_target`` ("level" / "qualification"),
``route_to_level`` (1-8), ``route_to`` (qualification id), ``route_documented`` (documented
progressions only), ``route_aim`` (knowledge / competence / apprenticeship, optional: routes
ending in what fits it come first), ``route_choice`` (which route to show). The answers live
in the browser session and in the page address (``?from=03455&also=09628&level=3&age=17&
senior=no&work=working&aim=competence``, and ``&route=2`` when another route than the first is
shown); nothing is stored on the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from advisor import (
    MAX_ROUTE_SHOWN,
    MAX_STEPS_ONWARD,
    YOU_ON_SCREEN,
    ActionPlan,
    Catalogue,
    Category,
    Eligibility,
    Employment,
    Profile,
    Qualification,
    Route,
    RouteError,
    RouteFrameworks,
    RouteQuery,
    action_plan_html,
    answers,
    assessed_at_work_caution,
    charts,
    check_eligibility,
    count,
    decode_route,
    download_name,
    encode_route,
    find_routes,
    from_register,
    highest_completed,
    in_senior_role,
    labels,
    learner_can_start_first,
    move_up_caution,
    opening_at_level_aimed_for,
    reaching_target,
    replaced_it,
    route_answers,
    route_fits_aim,
    route_from_profile,
    route_leads_into,
    status_on,
    step_limit,
    steps_for_learner,
    tables,
    text,
)
from app_pages._common import (
    AGE_REFUSED,
    CENTRE_BOX,
    SENIOR_ANSWERS,
    Frame,
    arriving,
    ask_printout_details,
    escape_markdown,
    frame,
    number_box,
    printout_details,
    show_awarding_bodies,
    show_entry_status,
    show_frameworks,
    show_glossary,
    show_sources,
    show_table,
    table_words,
    warn_if_certificates_ended,
    with_date,
)
from app_pages._decisions import accept_similar
from app_pages._layout import scrolled_to, scrolled_when_narrow

ROUTES_SHOWN = MAX_ROUTE_SHOWN
MAP_KEY = "route_map"  # the container of the route map, which a phone scrolls sideways
LINKED_ROUTE = "route_linked"  # the route a shared link showed, until the routes are found
# A link carrying answers has one of these.
LINK_KEYS = ("from", "also", "units", "to", "level", "documented", "age", "senior", "work",
             "aim", "starting")
AIMS = {aim.value: words for aim, words in labels.AIM_ANSWERS.items()}
# Whether the learner is working, in the words *Find a starting level* asks it in, by value.
EMPLOYMENT = {e.value: words for e, words in labels.EMPLOYMENT_ANSWERS.items()}
TARGETS = {"level": "A level", "qualification": "A particular qualification"}
# The page asks the reader "you", as *Find a starting level* does: a learner alone, or one
# beside an adviser; the engine's words on it (a step's reasons, its cautions) say "you" too.
VOICE = YOU_ON_SCREEN


# The glossary's terms the page's introduction and questions use, whatever is answered (its
# answer's terms are found in the answer's own words: :func:`words_of_route`).
ASKED = ("Level", "Unit", "URN")  # the units box searches by unit reference number


def enrolable(catalogue: Catalogue) -> list[str]:
    ranked = labels.in_level_order(q for q in catalogue.qualifications.values()
                     if q.category is Category.QUALIFICATION)
    return [q.id for q in ranked]


# *Find a starting level*'s answers that this page starts from.
TOLD_THERE = ("sl_has", "sl_units", "sl_age", "sl_senior", "sl_employment", "sl_aim")


def seed_from_link(catalogue: Catalogue) -> None:
    """Put a link's answers into the page's widgets as the page is entered: a shared link, or
    *Find a starting level*'s link to this page. Opened without one for the first time, start
    from what *Find a starting level* was told, the age, the senior role, whether the learner
    is working and the aim too; and
    again, answer by answer, whenever one has changed there since (a cleared one clears its
    box here too), even when this page is reached by the sidebar; the page's own changes to
    the rest stay."""
    params = st.query_params.to_dict()
    linked = arriving() and any(k in params for k in LINK_KEYS)
    told_now = {key: repr(st.session_state.get(key)) for key in TOLD_THERE}
    before = st.session_state.get("route_seeded")
    if before == told_now and not linked:
        return
    st.session_state["route_seeded"] = told_now
    if not linked:
        # First time here: what was told; after that, only what has changed there.
        changed = {key for key in TOLD_THERE
                   if not isinstance(before, dict) or before.get(key) != told_now[key]}
        first = not isinstance(before, dict)
        told = route_from_profile(catalogue, Profile(
            held_qualifications=tuple(st.session_state.get("sl_has") or ()),
            held_units=tuple(st.session_state.get("sl_units") or ())))
        if "sl_has" in changed and (told.from_qualification is not None or not first):
            st.session_state["route_from"] = told.from_qualification
            st.session_state["route_also"] = list(told.also_completed)
        if "sl_units" in changed and (told.units or not first):
            st.session_state["route_units"] = list(told.units)
        age = st.session_state.get("sl_age")  # whole years, read by its box or a link
        if "sl_age" in changed and (age is not None or not first):
            # The browser sends back every number as a float.
            st.session_state["route_age"] = int(age) if isinstance(age, int | float) else None
        senior = st.session_state.get("sl_senior")
        if "sl_senior" in changed and (senior in SENIOR_ANSWERS or not first):
            st.session_state["route_senior"] = senior if senior in SENIOR_ANSWERS else None
        working = st.session_state.get("sl_employment")
        if "sl_employment" in changed and (working in EMPLOYMENT or not first):
            st.session_state["route_working"] = working if working in EMPLOYMENT else None
        aim = st.session_state.get("sl_aim")
        if "sl_aim" in changed and (aim in AIMS or not first):
            st.session_state["route_aim"] = aim if aim in AIMS else None
        return
    query, notes = decode_route(catalogue, params)
    st.session_state["route_link_notes"] = notes
    st.session_state["route_from"] = query.from_qualification
    st.session_state["route_also"] = list(query.also_completed)
    st.session_state["route_units"] = list(query.units)
    st.session_state["route_target"] = "qualification" if query.to_qualification else "level"
    st.session_state["route_to"] = query.to_qualification
    st.session_state["route_to_level"] = query.to_level
    st.session_state["route_documented"] = query.documented_only
    st.session_state["route_age"] = query.age
    st.session_state["route_senior"] = (None if query.senior_role is None
                                        else "yes" if query.senior_role else "no")
    st.session_state["route_working"] = (query.employment.value if query.employment is not None
                                         else None)
    st.session_state["route_aim"] = query.aim.value if query.aim is not None else None
    st.session_state["route_start_level"] = query.start_level
    st.session_state[LINKED_ROUTE] = query.shown - 1


def write_address(ctx: Frame, query: RouteQuery) -> None:
    """The route's answers in the page address, to bookmark or share."""
    st.query_params.from_dict(with_date(ctx, encode_route(ctx.catalogue, query)))


def ask(catalogue: Catalogue) -> tuple[RouteQuery, DeltaGenerator, DeltaGenerator]:
    """The route's answers, the place under the age where whether the learner works is asked,
    and the place under the target where the senior role is asked, each once it is known to
    matter (:func:`ask_working`, :func:`ask_senior_role`)."""
    ids = enrolable(catalogue)
    label = lambda i: labels.qualification_label(catalogue.qualifications[i])  # noqa: E731
    levels = list(catalogue.levels_offered)
    left, right = st.columns(2, gap="large")
    with left:
        age = number_box(
            "Your age (optional)", "route_age", answers.parse_age, AGE_REFUSED,
            placeholder="Age in years",
            help="Each step is checked against the age groups its qualification is approved "
                 "for.")
        working_slot = st.container()  # under the age, the other question about the learner
        st.markdown("**What you hold**")
        start = st.selectbox("A qualification completed", ids, format_func=label, index=None,
                             key="route_from", placeholder="None yet",
                             persist_state="session")
        also: list[str] = []
        if start is not None:
            # The start cannot be one of the others too (a link or another page may say so).
            st.session_state["route_also"] = [
                i for i in st.session_state.get("route_also") or [] if i in ids and i != start]
            also = st.multiselect(
                "Other qualifications completed", [i for i in ids if i != start],
                format_func=label, key="route_also", placeholder="None", wrap=True,
                select_all=False, filter_mode="contains", persist_state="session",
                help="A route may start from any qualification completed, never asks for one "
                     "already held, and counts the mandatory units of each.")
        # Wrapped: in a column the chips would scroll sideways, the first alone in view.
        units = st.multiselect("Units held", sorted(catalogue.units),
                               format_func=lambda u: f"{u} {catalogue.units[u].title}",
                               key="route_units", wrap=True,
                               placeholder="None: search by title or unit reference number",
                               select_all=False, filter_mode="contains", persist_state="session")
        start_level = None
        if start is None:  # a beginner: where to begin, Find a starting level's answer
            start_level = st.selectbox(
                "Level to start at", levels, index=None, key="route_start_level",
                format_func=lambda n: f"Level {n}", persist_state="session",
                placeholder=f"The lowest level (Level {min(levels)})" if levels else "",
                help="The level Find a starting level suggests for you: routes start there (or "
                     "straight at the level aimed for), not at the lowest level.")
    with right:
        st.markdown("**Where you want to get to**")
        target = st.radio("Aim for", list(TARGETS), format_func=TARGETS.__getitem__,
                          key="route_target", horizontal=True, persist_state="session")
        to_level = to = None
        if target == "qualification":
            to = st.selectbox("Qualification", ids, format_func=label, index=None,
                              key="route_to", placeholder="Choose a qualification",
                              persist_state="session")
        else:
            to_level = st.selectbox("Level", levels, index=None, key="route_to_level",
                                    persist_state="session",
                                    format_func=lambda n: f"Level {n}",
                                    placeholder="Choose a level")
        # Under what is aimed for, which makes it matter (Level 4): where the person is
        # working, on a phone too, not above the boxes they have filled in.
        senior_slot = st.container()
        documented = st.checkbox("Only progressions the documents state", key="route_documented",
                                 persist_state="session",
                                 help="Leave out likely next steps that no document states, "
                                      "steps between qualifications that only share units, "
                                      "replacements of closed qualifications and direct "
                                      "starts at the level aimed for.")
        aim = st.selectbox("What you want from it (optional)", list(AIMS), index=None,
                           format_func=AIMS.__getitem__, key="route_aim",
                           placeholder="No preference", persist_state="session",
                           help="Routes ending in a qualification that gives it come first.")
    working = st.session_state.get("route_working")
    # Not working now, the question is not asked (ask_senior_role), so an answer given before
    # is not kept: the engine reads "not working" as in no senior role (in_senior_role)
    senior = None if working == Employment.NOT_WORKING.value else st.session_state.get(
        "route_senior")
    return RouteQuery(from_qualification=start, also_completed=tuple(also),
                      units=tuple(units), to_qualification=to,
                      to_level=to_level, documented_only=documented,
                      age=int(age) if age is not None else None,
                      senior_role=senior == "yes" if senior in SENIOR_ANSWERS else None,
                      employment=Employment(working) if working in EMPLOYMENT else None,
                      aim=answers.parse_aim(aim) if aim is not None else None,
                      start_level=start_level), working_slot, senior_slot


def senior_role_of(query: RouteQuery) -> bool | None:
    """Whether the learner is in a senior role, as the engine reads their answers."""
    return in_senior_role(query.senior_role, query.employment)


def ask_working(slot: DeltaGenerator, catalogue: Catalogue, query: RouteQuery,
                routes: list[Route] | None) -> None:
    """Whether the learner is working, asked only where it matters: a route shown, or the
    qualification aimed for, has a step whose competence is assessed at work (an NVQ, or one
    combining knowledge and competence), or it was answered (here, on *Find a starting level*
    or in the link): then it may have set the routes' order, and stays to be changed. Its
    answer, read before the routes are ordered, puts first, for someone not working, the
    routes that start with a course they can take now, and says of each step assessed at work
    that it needs a job or a work placement."""
    target = catalogue.qualifications.get(query.to_qualification or "")
    at_work = [q for q in (*(q for r in routes or () for q in r.path), target)
               if q is not None and q.kind.assessed_at_work]
    if not at_work and query.employment is None:
        return
    with slot:
        st.radio("Are you working at the moment?", list(EMPLOYMENT), index=None,
                 format_func=EMPLOYMENT.__getitem__, key="route_working",
                 persist_state="session",
                 help="A competence qualification (an NVQ, or one combining knowledge and "
                      "competence) is assessed at work: an assessor watches you do the job.")


def ask_senior_role(slot: DeltaGenerator, catalogue: Catalogue, query: RouteQuery,
                    routes: list[Route] | None) -> None:
    """Whether the learner is in a senior role, asked only where it matters: a route shown, or
    the qualification aimed for, asks for one (Level 4), and the learner may be working. Its
    answer, read before the routes are ordered, puts first the routes the learner can start."""
    target = catalogue.qualifications.get(query.to_qualification or "")
    asked_for = [q for q in (*(q for r in routes or () for q in r.path), target)
                 if q is not None and q.role_requirement is not None]
    if not asked_for:
        return
    if query.employment is Employment.NOT_WORKING:  # as Find a starting level, not asked
        slot.caption(f"{asked_for[0].reference} asks for someone working in a senior role: "
                     "not working now, you would need such a job first.")
        return
    with slot:
        st.radio("Are you in a senior role where you influence decisions and shape how "
                 "customer service is delivered?", list(SENIOR_ANSWERS), index=None,
                 format_func=SENIOR_ANSWERS.__getitem__, key="route_senior", horizontal=True,
                 persist_state="session",
                 help=f"{asked_for[0].reference} asks for one: "
                      + " ".join(asked_for[0].role_requirement.points))


def completed_too(catalogue: Catalogue, query: RouteQuery) -> list[Qualification]:
    """The other qualifications completed, as the query names them."""
    return [catalogue.qualifications[i] for i in query.also_completed
            if i in catalogue.qualifications]


def steps_searched(catalogue: Catalogue, query: RouteQuery) -> int:
    """How many steps a route may take: fewer onward (no target) than to a target."""
    return step_limit(to_qualification=catalogue.qualifications.get(query.to_qualification or ""),
                      to_level=query.to_level)


def search(ctx: Frame, query: RouteQuery,
           also: list[Qualification]) -> tuple[list[Route] | None, list[str]]:
    """The routes for ``query``, with ``also``, the other qualifications it says are
    completed (None where none is looked for); and what was said in their place or above
    them, for the glossary."""
    catalogue = ctx.catalogue
    start = catalogue.qualifications.get(query.from_qualification or "")
    target = catalogue.qualifications.get(query.to_qualification or "")
    said: list[str] = []
    if target is None and query.to_level is None:
        if start is None and not query.units:
            st.info("Choose a level or a qualification to aim for.")
            return None, said
        said.append("No level or qualification chosen to aim for: these are the routes onward "
                    f"from what you hold, up to {count(MAX_STEPS_ONWARD, 'step')}.")
        st.info(said[-1])
    there = reaching_target((start, *also), to_qualification=target, to_level=query.to_level)
    if there is not None:
        at_the_top = text.at_the_top_words(catalogue, (start, *also))
        said.append(text.already_there_text(there, to_level=None if target else query.to_level)
                    + " " + (at_the_top or "Choose a higher level to see where to go next."))
        st.success(said[-1])
        return None, said
    for later in opening_at_level_aimed_for(catalogue, as_at=ctx.as_at, to_level=query.to_level,
                                            to_qualification=query.to_qualification):
        said += [later.message(catalogue), labels.cite(catalogue, later.source)]
        st.info(escape_markdown(later.message(catalogue)))
        show_sources(catalogue, later.source)
    try:
        found = find_routes(catalogue, from_qualification=start, also_completed=also,
                            units=query.units,
                            to_qualification=target, to_level=query.to_level,
                            as_at=ctx.as_at, max_steps=steps_searched(catalogue, query),
                            include_inferred=not query.documented_only,
                            include_shared_units=not query.documented_only,
                            include_direct=not query.documented_only,
                            register=ctx.register, start_level=query.start_level,
                            employment=query.employment)
        # Those the learner can take first.
        return learner_can_start_first(catalogue, found, age=query.age,
                                       senior_role=senior_role_of(query), aim=query.aim,
                                       register=ctx.register, start_level=query.start_level,
                                       employment=query.employment, shown=ROUTES_SHOWN), said
    except RouteError as error:
        st.error(escape_markdown(str(error)))
        return None, [*said, str(error)]


# Said of a step known only from the Ofqual register.
FROM_REGISTER = (f"{labels.REGISTER_ORIGIN}. The regulator lists it as open at this level; the "
                 "documents do not describe it, so which units carry over and what is still "
                 "needed cannot be worked out. Ask the awarding organisation or a centre.")


def show_route(ctx: Frame, route: Route, query: RouteQuery,
               barred: Sequence[tuple[int, Eligibility]]) -> list[str]:
    """The route's steps, each checked for the learner's age and role where given; the steps
    they cannot take (``barred``, from :func:`steps_barred`) said first. Returns what each step
    shows beyond the command line's words for the route (its tables, notes and sources), for
    the glossary."""
    catalogue = ctx.catalogue
    said: list[str] = []
    age, senior_role = query.age, senior_role_of(query)
    if age is not None:
        st.caption(f"Each step's age groups are checked for age {age}.")
    fits = labels.route_aim_words(catalogue, route, query.aim, employment=query.employment,
                                  register=ctx.register, voice=VOICE)
    if fits is not None:
        st.write(fits[0])
        if fits[1]:
            show_sources(catalogue, fits[1])
    # Said before the steps, not only in each step's reasons: a route the learner cannot take
    # as it stands must not read as advice to enrol.
    for sentence in labels.steps_barred_words(route, barred, voice=VOICE):
        st.warning(escape_markdown(sentence))
    climbs = move_up_caution(catalogue, route, voice=VOICE)
    if climbs is not None:  # a route up a level is not advice to move up
        st.info(climbs.message)
        show_sources(catalogue, climbs.source)
    at_work = assessed_at_work_caution(catalogue, route, query.employment, voice=VOICE)
    if at_work is not None:  # not working: a step assessed at work needs a job first
        st.warning(escape_markdown(at_work.message))
        show_sources(catalogue, at_work.source)
    for number, step in enumerate(route.steps, start=1):
        q = step.to
        carried = step.carry_over
        said += [labels.qualification_label(q), FROM_REGISTER if from_register(q) else "",
                 *(item.difference or "" for item in carried.similar),
                 *(labels.cite(catalogue, note.source) for note in carried.notes)]
        st.markdown(f"### Step {number}: {escape_markdown(labels.qualification_label(q))}")
        if from_register(q):
            st.info(FROM_REGISTER)
        st.write(labels.step_explained(step))
        show_sources(catalogue, step.source)
        show_entry_status(catalogue, check_eligibility(catalogue, q, age=age,
                                                       senior_role=senior_role,
                                                       as_at=ctx.as_at, register=ctx.register,
                                                       voice=VOICE))
        if carried.transfers:
            transferred = labels.carried_credits(carried)
            held = ("units already held" if number == 1 else "units held by then (what is "
                    "held now and the qualifications of the steps before)")
            st.write(f"Carries over from {held}: {transferred}.")
        table = tables.carry_over_table(catalogue, carried,
                                        from_step=number - 1 if number > 1 else None)
        if not table.empty:
            said.append(table_words(table))
            # A few rows of sentences: a static table, so the reasons wrap on a phone.
            show_table(table, name=f"Units held, step {number}", key=f"route_carry_{number}",
                       file_name=step_file_name(ctx, number, "units-held", q), wrap=True,
                       about=q)
        for i, item in enumerate(carried.similar):  # the centre's to judge: one click accepts
            accept_similar(catalogue, q, item, carried.transfers, key=f"route_accept_{number}_{i}")
        if carried.possible or carried.possible_similar:
            said.append(text.if_taken_words(number, carried))
            st.info(said[-1])
        for note in carried.notes:
            st.info(note.statement)
            show_sources(catalogue, note.source)
        remaining = carried.remaining
        if remaining.known:  # what the answer rests on: a national structure's units, say
            for caution in remaining.cautions:
                st.info(caution)
        needed = text.still_needed(step, catalogue)
        if needed.tone is text.Tone.DONE:
            st.success(f"Still needed: {needed.words}.")
        elif needed.tone is text.Tone.WARNING:
            st.warning(f"Still needed: {needed.words}.")
            show_sources(catalogue, needed.source)  # where it rests on a dated source
        else:
            warn_if_certificates_ended(catalogue, q, step.status)
            st.write(f"Still needed: {needed.words}. For example:")
            plan = tables.plan_table(catalogue, remaining)
            said += [labels.plan_beyond_certification(catalogue, q, step.status) or "",
                     table_words(plan)]
            show_table(plan, name=f"Plan for step {number}", key=f"route_plan_{number}",
                       file_name=step_file_name(ctx, number, "plan", q), wrap=True, stack=True,
                       about=q)
    return said


def step_file_name(ctx: Frame, number: int, kind: str, q: Qualification) -> str:
    """A step's table downloaded: ``step-1-plan-09629-jo-bloggs-2026-12-02.csv``, so that files
    kept from one interview, or from several, say what each is."""
    return download_name(f"step-{number}-{kind}", reference=q.reference,
                         learner=printout_details()["learner"], as_at=ctx.as_at, suffix="csv")


def routes_file_name(ctx: Frame, query: RouteQuery) -> str:
    """The routes found, downloaded: ``routes-to-level-3-jo-bloggs-2026-12-02.csv``."""
    target = ctx.catalogue.qualifications.get(query.to_qualification or "")
    aim = (f"to {target.reference}" if target is not None else
           f"to level {query.to_level}" if query.to_level is not None else None)
    return download_name("routes", reference=aim, learner=printout_details()["learner"],
                         as_at=ctx.as_at, suffix="csv")


def offer_replacement(ctx: Frame, query: RouteQuery) -> list[str]:
    """Where the qualification aimed for has closed on the date: what replaced it, one click
    away as the new aim (what the learner holds stays as it is). Returns what it said."""
    catalogue = ctx.catalogue
    target = catalogue.qualifications.get(query.to_qualification or "")
    if target is None or not target.replaced_by:
        return []
    status = status_on(catalogue, target, ctx.as_at, register=ctx.register)
    if not status.status.closed:
        return []
    said = []
    for replacement in target.replaced_by:
        by = catalogue.qualifications.get(replacement.by)
        if by is None:
            continue
        said.append(f"{labels.status_of(target.name, status.status, ctx.as_at)}; "
                    f"{replaced_it(by.name, replacement)}.")
        st.info(escape_markdown(said[-1]))
        st.button(f"Plan a route to {by.reference} instead", key=f"route_to_{by.id}",
                  on_click=aim_for, args=(by.id,))
    return said


def aim_for(qualification_id: str) -> None:
    st.session_state["route_target"] = "qualification"
    st.session_state["route_to"] = qualification_id


def main() -> None:
    ctx = frame()
    st.title("Plan a route")
    st.write("From what you hold to the level or qualification you want. Routes "
             "through qualifications open on the date come first, then those whose dates are "
             "not known, then closed ones; among them, the routes the documents state come "
             "first. Each step shows which units carry over and what is still needed.")
    glossary = st.container()  # filled last, once the answer is known
    said = show_answer(ctx)
    with glossary:
        show_glossary(labels.glossary_terms([*ASKED, *said]))


def show_answer(ctx: Frame) -> list[str]:
    """The questions and the routes they lead to; returns the words of what was answered
    (:func:`words_of_route`), for the glossary."""
    catalogue = ctx.catalogue
    seed_from_link(catalogue)
    for note in st.session_state.get("route_link_notes", []):
        st.warning(escape_markdown(note))
    query, working_slot, senior_slot = ask(catalogue)
    write_address(ctx, query)
    also = completed_too(catalogue, query)
    routes, said = search(ctx, query, also)
    ask_working(working_slot, catalogue, query, routes)
    ask_senior_role(senior_slot, catalogue, query, routes)

    chosen: Route | None = None
    chosen_barred: list[tuple[int, Eligibility]] = []
    if routes is not None and not routes:
        target = catalogue.qualifications.get(query.to_qualification or "")
        said.append(text.no_route_text(
            catalogue, target=target, to_level=query.to_level,
            max_steps=steps_searched(catalogue, query), as_at=ctx.as_at,
            documented_only=query.documented_only,
            documented_option="\"Only progressions the documents state\"", register=ctx.register,
            source=highest_completed((catalogue.qualifications.get(query.from_qualification or ""),
                                      *also))))
        st.warning(said[-1])
    elif routes:
        st.header("Routes, best first")
        # A few rows whose status and basis are sentences: a static table, wrapping, a card
        # a row on a phone, so that neither is cut off.
        # The steps each route has that this learner cannot take, where their age or role
        # was given: in the table, and said above it where every route has one.
        learner = [steps_for_learner(catalogue, r, age=query.age,
                                     senior_role=senior_role_of(query), register=ctx.register,
                                     voice=VOICE)
                   for r in routes]
        barred_steps = [[(n, e) for n, e in steps if e.not_for_this_learner]
                        for steps in learner]
        given = query.age is not None or senior_role_of(query) is not None
        barred = [[n for n, _ in steps] for steps in barred_steps] if given else None
        none_start = labels.none_can_start_words(barred or [], why="the route shown says why",
                                                 voice=VOICE)
        said.append(none_start or "")
        if none_start:
            st.warning(none_start)
        elif barred and all(barred):
            st.warning("Every route found has a step you cannot take, as things stand (the "
                       "table says which, and the route shown says why).")
        table = tables.routes_table(catalogue, routes, aim=query.aim,
                                    employment=query.employment, register=ctx.register,
                                    learner=learner if given else None, voice=VOICE)
        show_table(table, name="Routes found",
                   missing=tables.CREDITS_NOT_KNOWN,
                   key="route_list_csv", file_name=routes_file_name(ctx, query), wrap=True,
                   stack=True)
        legend = labels.codes_legend(q for r in routes for q in r.path)
        if legend:  # a learner alone may not know what 10379 is
            st.caption(f"The codes: {escape_markdown(legend)}.")
        said += [table_words(table), f"The codes: {legend}" if legend else ""]
        holds_nothing = not (query.from_qualification or query.units or also)
        explained = text.starts_explained(routes, to_level=query.to_level,
                                          start_level=query.start_level)
        if holds_nothing and explained:
            said.append(explained)
            st.info(explained)
        if query.aim is not None and not any(
                route_fits_aim(catalogue, r, query.aim, employment=query.employment,
                               register=ctx.register).fits
                for r in routes):
            said.append(f"None of the routes found ends in a qualification known to give "
                        f"{labels.AIM_IN_BRIEF[query.aim]}: see each route's last step, and "
                        "ask the centre.")
            st.info(said[-1])
        route_names = {n: labels.route_name(n + 1, r) for n, r in enumerate(routes)}
        linked = st.session_state.pop(LINKED_ROUTE, None)
        if linked is not None and linked < len(routes):
            st.session_state["route_choice"] = linked
        said += route_names.values()
        choice = st.radio("Show route", list(route_names), format_func=route_names.__getitem__,
                          key="route_choice", horizontal=True)
        number = choice if choice is not None and choice < len(routes) else 0
        chosen, chosen_barred = routes[number], barred_steps[number]
        if number:  # the route shown travels in the address too
            write_address(ctx, dataclasses.replace(query, shown=number + 1))

    said += offer_replacement(ctx, query)
    start = query.from_qualification
    held = [q.id for q in also]
    closed = [q.id for q in catalogue.qualifications.values()
              if status_on(catalogue, q, ctx.as_at, register=ctx.register).status.closed]
    figure = charts.route_map(catalogue, route=chosen, start=start, held=held, closed=closed,
                              as_at=ctx.as_at)
    described = charts.describe_route(chosen)
    said.append(charts.chart_words(figure))
    with st.container(key=MAP_KEY):
        st.plotly_chart(figure, alt=described)
    with st.container(key=f"{MAP_KEY}_hint"):  # shown only where the map is wider than the page
        st.caption("The map is wider than this screen: scroll it sideways to see all of it.")
    st.html(scrolled_when_narrow(MAP_KEY, charts.ROUTE_MAP_MIN_WIDTH_PX, hint=f"{MAP_KEY}_hint"))
    # On a phone, the map opens at the learner's own route (or what they hold), not at its left
    # edge: the route, often on the right, began off the screen. Scrolled, it keeps its levels'
    # names, title and legend in view.
    focus = charts.route_map_focus(catalogue, route=chosen, start=start, held=held)
    with st.container(key=f"{MAP_KEY}_focus"):
        st.html(scrolled_to(MAP_KEY, focus, within=f"{MAP_KEY}_focus"),
                unsafe_allow_javascript=True)
    with st.expander("The route map as text"):
        st.write(described)
    said.append(described)
    if chosen is not None and any(from_register(q) for q in chosen.path):
        st.caption("The map shows the documents' qualifications only: a qualification from "
                   "the Ofqual register is named in the steps below, not drawn.")
    said += route_answers(catalogue, query).values()  # the boxes' answers, as they show them
    if chosen is None:
        return said
    said += show_route(ctx, chosen, query, chosen_barred)
    show_awarding_bodies(catalogue, (step.to for step in chosen.steps))
    # Held: what the learner holds now; the route's steps are what they would take.
    leads_into = route_leads_into(catalogue, chosen, held=[start, *held] if start else [],
                                  as_at=ctx.as_at, register=ctx.register, age=query.age,
                                  voice=VOICE)
    if leads_into.frameworks:
        st.header("Apprenticeship frameworks this route leads into")
    # Where apprenticeships stand on the date first (now standards, not frameworks), so that
    # the frameworks below do not read as open to new apprentices.
    if leads_into.today is not None:
        st.info(escape_markdown(leads_into.today))
        show_sources(catalogue, leads_into.today_source)
    if leads_into.frameworks:
        said += show_frameworks(catalogue, leads_into.frameworks, as_at=ctx.as_at,
                                key="route_fw", voice=VOICE)
    st.divider()
    ask_printout_details()
    plan = ActionPlan(as_at=ctx.as_at, answers=route_answers(catalogue, query),
                      route=chosen, route_age=query.age, route_senior_role=query.senior_role,
                      route_employment=query.employment,
                      route_aim=query.aim,
                      other_routes=tuple(r for r in routes or () if r is not chosen),
                      route_frameworks=leads_into, created=dt.date.today(),
                      opening_later=opening_at_level_aimed_for(
                          catalogue, as_at=ctx.as_at, to_level=query.to_level,
                          to_qualification=query.to_qualification),
                      register=ctx.register, **printout_details())
    st.download_button(
        "Download this route as an action plan (a page to print or keep)",
        lambda: action_plan_html(catalogue, plan).encode("utf-8"),
        file_name=plan.file_name, mime="text/html", key="route_plan_download",
        on_click="ignore")
    st.caption("The address of this page now holds these answers: bookmark or copy it to come "
               "back. Nothing is stored on the server.")
    return [*said, *words_of_route(ctx, query, chosen, leads_into)]


def words_of_route(ctx: Frame, query: RouteQuery, chosen: Route,
                   leads_into: RouteFrameworks) -> list[str]:
    """The route shown (``chosen``, with the frameworks it leads into), in the words of the
    command line's twin, for the glossary to explain what this route says, and not what
    another would (the words of its steps' tables are taken as they are drawn)."""
    catalogue = ctx.catalogue
    senior_role = senior_role_of(query)
    eligibility = [check_eligibility(catalogue, step.to, age=query.age, senior_role=senior_role,
                                     as_at=ctx.as_at, register=ctx.register, voice=VOICE)
                   for step in chosen.steps]
    words = [text.routes_text(
        catalogue, [chosen], max_steps=steps_searched(catalogue, query), as_at=ctx.as_at,
        for_learner=[eligibility], age_given=query.age is not None, aim=query.aim,
        register=ctx.register, employment=query.employment,
        frameworks=[leads_into]),
        *(text.eligibility_text(catalogue, e) for e in eligibility)]
    words += [f"To reach the awarding body: {labels.awarding_body_contact(body)} "
              + labels.cite(catalogue, body.source)
              for body in labels.awarding_bodies_of(catalogue, (s.to for s in chosen.steps))]
    words.append(labels.cite(catalogue, leads_into.today_source))
    return [*words, CENTRE_BOX]  # the printout's details, asked after the route


main()
