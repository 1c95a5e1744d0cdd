"""Check a learner's units: for centre staff, against one qualification's rules of combination.

Widgets: ``check_qualification`` (selectbox of qualification ids), ``unit_<URN>`` (one checkbox
per unit achieved, e.g. ``unit_D/502/9654``), ``check_objective`` ("credits" or "glh"),
``check_chart`` (the credit chart, drawn only when switched on), and the
centre's decisions (see ``app_pages/_decisions.py``). Ticked units are kept for the browser
session, so a unit stays ticked when another qualification lists it too. The answers travel in
the page address; nothing is stored on the server. The units offered are the qualification's on
the sidebar's date: none where it borrows them from a national structure dated later (the
OCNLR Level 2 Diploma before 2014), and the page says why instead.

The answer (:func:`show_answer`, left of the units) is a fragment: ticking a unit reruns the
answer alone. The browser has already drawn the box ticked, so the rest of the page is neither
run nor sent again; the answer reads every widget's value from the session
(``_decisions.current_query``).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitInvalidLayoutContextError

from advisor import (
    AnswerError,
    Catalogue,
    CheckQuery,
    CombinationCheck,
    DecisionError,
    Objective,
    ProgressCheck,
    Qualification,
    RouteQuery,
    Status,
    StatusOnDate,
    Structure,
    UnknownReference,
    charts,
    check_eligibility,
    check_progress,
    count,
    describe_unit,
    download_name,
    encode_check,
    encode_route,
    labels,
    tables,
    uk_date,
)
from app_pages import _decisions as decisions
from app_pages._common import (
    Frame,
    ask_printout_details,
    escape_markdown,
    frame,
    printout_details,
    show_entry_status,
    show_glossary,
    show_sources,
    show_statement,
    show_table,
    warn_if_certificates_ended,
    with_date,
)

OBJECTIVES = labels.OBJECTIVE_WORDS


# The glossary's terms this page can show, in one state or another (its questions, its
# answers, its tables): tests/test_app_glossary.py checks them against what it shows.
WORDS = (
    "Level", "Credit", "GLH", "Unit", "URN", "NVQ", "Competence", "Assessor", "Principles of",
    "QCF", "Legacy", "Awarding body", "OCNLR", "Centre", "National structure", "Last entry date",
    "Certification", "Review date", "Apprenticeship framework", "Technical certificate", "ERR",
    "Recognition of prior learning", "Rules of combination", "Intermediate Apprenticeship",
    "Skills CFA", "B&A", "M&L", "NQF", "Secondary source", "Inferred",
)


def pick_qualification(catalogue: Catalogue) -> Qualification:
    ranked = labels.in_level_order(catalogue.qualifications.values())
    ids = [q.id for q in ranked]
    known = [q.id for q in ranked if q.structure is Structure.COMPLETE]
    # The first qualification whose rules are known, unless a link or another page chose one:
    # set through the session, not as the widget's default, which would clash with theirs.
    st.session_state.setdefault("check_qualification", known[0] if known else ids[0])
    chosen = st.selectbox(
        "Qualification", ids, key="check_qualification",
        format_func=lambda i: labels.qualification_label(catalogue.qualifications[i]),
        persist_state="session",
    )
    return catalogue.qualifications[chosen or ids[0]]


def tick_units(catalogue: Catalogue, q: Qualification) -> None:
    """The rules of combination, group by group, with a checkbox per unit. A tick reruns only
    the answer (:func:`show_answer`): the browser has already drawn the box ticked."""
    rules, _ = catalogue.effective_rules(q)
    if rules is None:
        return
    st.header("Rules of combination")
    st.write(f"{rules.credits_required} credits in total.")
    show_sources(catalogue, rules.source)
    shown: set[str] = set()
    for group in rules.groups:
        # Open where short, or where a unit is ticked (pasted, or from a link), so that what
        # is ticked can be seen.
        ticked = any(st.session_state.get(decisions.unit_key(m.urn)) for m in group.units)
        with st.expander(f"{labels.group_name(group)}: {labels.group_requirement(group)}",
                         expanded=len(group.units) <= 8 or ticked):
            show_sources(catalogue, group.source)
            for member in group.units:
                label = labels.unit_label(catalogue, member)
                if member.urn in shown:  # a unit listed in two groups: one checkbox for it
                    st.caption(f"{label} (listed in an earlier group too: tick it there)")
                    continue
                shown.add(member.urn)
                st.checkbox(label, key=decisions.unit_key(member.urn), persist_state="session",
                            on_change=rerun_answer_only)
    for rule in rules.credit_rules:
        st.markdown(f"- {rule.description}")
        show_sources(catalogue, rule.source)
    if decisions.partly_listed(catalogue, q):
        # A unit held that the partial list leaves out may count: kept, and said so.
        listed = set(rules.listed_units)
        st.multiselect(
            f"Other units held, that the sources do not list for {q.reference}",
            sorted(u for u in catalogue.units if u not in listed),
            format_func=lambda urn: describe_unit(catalogue, urn, with_credits=False),
            key=decisions.others_key(q), placeholder="None", select_all=False, wrap=True,
            filter_mode="contains", persist_state="session", on_change=rerun_answer_only,
            help=f"The sources list only some of {q.reference}'s units: a unit the learner "
                 "holds from another qualification may be one of the others, and count.")


def rerun_answer_only() -> None:
    """A unit ticked or unticked touches only the answer: rerun the answer alone, which sends
    the browser a fraction of the page (see the README's *Speed and scale*). Only once the
    page's last run finished: a tick can interrupt a run (a decision changed a moment before),
    and the answer alone cannot then be drawn where it belongs (Streamlit forgets the sidebar
    a fragment writes to as a run starts), so the whole page runs instead."""
    if st.session_state.get(PAGE_DRAWN):
        st.rerun(ANSWER)


def show_unknown_rules(ctx: Frame, q: Qualification, check: CombinationCheck) -> None:
    """What is known about a qualification whose rules of combination the sources do not give:
    what they do say (how it is certificated, for one), and its profile a click away."""
    catalogue = ctx.catalogue
    st.warning(labels.check_headline(check))
    if (later := check.rules_known_later) is not None:
        # Borrowed from a structure dated after the date: its units are a link away, as that
        # structure's, never ticked here as this qualification's on the date.
        show_sources(catalogue, later.source)
        st.page_link("app_pages/explore.py", icon=":material/arrow_forward:",
                     label=f"The units of the {later.known_from.year} national structure "
                           f"{later.structure.structure_reference}, for reference only (not "
                           f"known to be {q.reference}'s on {uk_date(later.as_at)})",
                     query_params=with_date(ctx, {"qual": later.structure.reference}))
    if q.structure_note:
        st.write(q.structure_note)
    if q.credits_required is not None:
        st.write(f"Credits required: {q.credits_required}.")
    for statement in q.rule_statements:
        st.markdown("**What the sources say about its rules**")
        st.markdown("\n".join(f"- {point}" for point in statement.points))
        show_sources(catalogue, statement.source)
    if q.named_units:
        st.markdown("**Units the sources name**")
        for named in q.named_units:
            st.markdown(f"- {named.number}: {named.title}")
            show_sources(catalogue, named.source)
    for index, note in enumerate(q.notes):
        show_statement(catalogue, "What else the sources say" if index == 0 else "And", note)
    st.page_link("app_pages/explore.py", icon=":material/arrow_forward:",
                 label=f"Everything else the sources say about {q.reference}",
                 query_params=with_date(ctx, {"qual": q.reference}))


ANSWER = "check_answer"  # the key of show_answer's fragment


@st.fragment(key=ANSWER)
def show_answer(ctx: Frame, q: Qualification, status: StatusOnDate) -> None:
    """The check's answer for the page's widgets as they now stand, with ``q``'s ``status`` on
    the date; its address too. Drawn again alone when a unit is ticked (:data:`ANSWER`)."""
    catalogue = ctx.catalogue
    query = decisions.current_query(catalogue, q)
    st.query_params.from_dict(with_date(ctx, encode_check(catalogue,
                                                          decisions.for_the_address(query))))
    chosen = st.session_state.get("check_objective")
    objective = Objective(chosen if chosen in OBJECTIVES else Objective.CREDITS.value)
    result = run_check(ctx, q, query, objective)
    if result is None:
        return
    pin_headline(result.today, status)
    show_result(catalogue, result.today, status, ctx.as_at)
    offer_route_onward(ctx, q, query, status)
    decisions.note_counted_as_achieved(catalogue, query)
    decisions.show_progress(catalogue, result, status)
    decisions.offer_record(catalogue, query, result, ctx.as_at, ctx.register)


def offer_route_onward(ctx: Frame, q: Qualification, query: CheckQuery,
                       status: StatusOnDate) -> None:
    """Where ``q``'s certificates have ended on the date, a link to plan a route from the
    units the learner holds to what replaced it (to another qualification at its level where
    the sources name none): which of them carry over is the next question."""
    if status.status is not Status.CERTIFICATION_CLOSED:
        return
    catalogue = ctx.catalogue
    held = query.units  # achieved: the centre's decisions were for this qualification only
    successor = next((catalogue.qualifications[i] for i in status.replaced_by
                      if i in catalogue.qualifications), None)
    route = RouteQuery(units=held, to_qualification=successor.id if successor else None,
                       to_level=None if successor else q.level)
    label = (f"Plan a route to {successor.reference}, which replaced it, from the units "
             "achieved" if successor else
             f"Plan a route to another Level {q.level} qualification from the units achieved"
             if q.level is not None else "Plan a route from the units achieved")
    # A link in the answer opens a new tab (a page link cannot be drawn by the answer alone).
    st.markdown(f"[{escape_markdown(label)} (opens in a new tab)](plan_route?"
                f"{urlencode(with_date(ctx, encode_route(catalogue, route)))})")
    if query.accepted or query.in_progress:
        st.caption("The centre's decisions (units accepted, units in progress) are for "
                   f"{q.reference} only: the route counts the units ticked as achieved.")


def pin_headline(check: CombinationCheck, status: StatusOnDate) -> None:
    """The check's headline in the sidebar too, where it stays in view while units further down
    are ticked. The answer alone can write there only if the page's last run reached it: a run
    that a tick interrupted early may not have, and then the whole page runs instead."""
    headline = labels.check_headline(check, status)
    line = f"**{check.qualification.reference}**: {escape_markdown(headline)}"
    try:
        with st.sidebar:
            st.markdown(line)
    except StreamlitInvalidLayoutContextError:
        st.rerun()


def show_result(catalogue: Catalogue, check: CombinationCheck, status: StatusOnDate,
                as_at: dt.date) -> None:
    """The check's answer, its headline first, with the qualification's ``status`` on the
    date ``as_at``."""
    st.header("Result")
    headline = labels.check_headline(check, status)
    if check.complete and status.status is not Status.CERTIFICATION_CLOSED:
        # Met by a national structure's rules: to confirm, not settled.
        (st.info if check.rules_from is not None else st.success)(headline)
    else:
        st.warning(headline)
    for caution in check.cautions:
        st.info(caution)
    if check.other_units:
        st.caption(escape_markdown(labels.other_units_words(catalogue, check)))
    # The rules share a few sources: cited once below the table, so the rules keep the width.
    st.table(tables.rules_table(catalogue, check).drop(columns="Source"), hide_index=True,
             alt="Each rule of combination, and whether it is met")
    show_sources(catalogue, dict.fromkeys(c for rule in check.rules for c in rule.source))

    show_credit_chart(catalogue, check)

    st.header("Smallest completion plan"
                 + (" beyond the units in progress" if check.in_progress else ""))
    plan = check.plan
    if check.complete:
        st.write("No further units are needed." if status.status is Status.CERTIFICATION_CLOSED
                 else "Nothing more is needed.")
        return
    if plan is None:
        st.warning(check.no_plan_reason or "No completion can be planned.")
        return
    if not plan.units:  # the units in progress complete it, if certificates are still issued
        st.write(labels.NOTHING_BEYOND_IN_PROGRESS if status.status
                 is not Status.CERTIFICATION_CLOSED
                 else labels.no_further_units_words(check.qualification) + ".")
        return
    warn_if_certificates_ended(catalogue, check.qualification, status)  # before the plan
    st.radio("Plan the remaining units by", list(OBJECTIVES), format_func=OBJECTIVES.__getitem__,
             key="check_objective", horizontal=True, persist_state="session")
    if plan.note:
        st.info(plan.note)
    glh = (f", {plan.additional_glh} guided learning hours" if plan.additional_glh is not None
           else "; guided learning hours not stated for every unit")
    st.write(f"{OBJECTIVES[plan.objective.value]}: add {count(len(plan.units), 'unit')}, "
             f"{count(plan.additional_credits, 'additional credit')}{glh}.")
    show_table(tables.plan_table(catalogue, check), name="Completion plan",
               key="check_plan_csv",
               file_name=download_name("plan", reference=check.qualification.reference,
                                       learner=printout_details(staff="Assessor")["learner"],
                                       as_at=as_at, suffix="csv"), wrap=True, stack=True,
               about=check.qualification)


def show_credit_chart(catalogue: Catalogue, check: CombinationCheck) -> None:
    """The credits in each group as a chart, when asked for: the table above already says which
    rules are met, and building and drawing the chart on every tick took about a seventh of the
    tick, in the browser and on the server (see the README's *Speed and scale*)."""
    if not st.toggle("Show the credits in each group as a chart", key="check_chart",
                     persist_state="session"):
        return
    progress = tables.progress_table(catalogue, check)
    described = charts.describe_progress(progress)
    st.plotly_chart(charts.credit_progress_chart(
        progress, title=f"Credits for {check.qualification.reference}"),
        alt=described)
    with st.expander("The chart as text"):
        st.write(described)


def run_check(ctx: Frame, q: Qualification, query: CheckQuery,
              objective: Objective) -> ProgressCheck | None:
    try:
        return check_progress(ctx.catalogue, q, query.units, accepted=query.accepted,
                              in_progress=query.in_progress, objective=objective,
                              glh_per_week=query.glh_per_week, start=query.start,
                              registered=query.registered, as_at=ctx.as_at,
                              register=ctx.register)
    except (UnknownReference, DecisionError, AnswerError) as error:  # shown plainly
        st.error(str(error))
        return None


def say_set_aside(ctx: Frame, q: Qualification) -> None:
    """Where ``q``'s units are not known on the date, the units a link gave for it (or that
    were ticked on a later date) are named as not checked, as every other part of a link the
    page cannot use is, rather than dropped without a word."""
    given = decisions.current_query(ctx.catalogue, q)

    def name(urn: str) -> str:
        return escape_markdown(describe_unit(ctx.catalogue, urn, with_credits=False))

    said = [*(f"{name(u)} (achieved)" for u in given.units),
            *(f"{name(a.urn)} (accepted by the centre)" for a in given.accepted),
            *(f"{name(u)} (in progress)" for u in given.in_progress)]
    if said:
        st.warning(f"Not checked ({len(said)}), as which units {escape_markdown(q.reference)} "
                   f"asked for on {uk_date(ctx.as_at)} is not known (below): "
                   + "; ".join(said) + ". They are left out of this page's address.")


PAGE_DRAWN = "check_page_drawn"  # True once a run of the whole page has finished


def main() -> None:
    st.session_state[PAGE_DRAWN] = False
    ctx = frame()
    catalogue = ctx.catalogue
    st.title("Check a learner's units")
    st.write("Choose a qualification and tick the units the learner has achieved: the advisor "
             "checks them against the rules of combination and plans the rest.")
    show_glossary(WORDS)
    decisions.seed_from_link(catalogue)
    for note in st.session_state.get("check_link_notes", []):
        st.warning(escape_markdown(note))
    q = pick_qualification(catalogue)
    eligibility = check_eligibility(catalogue, q, as_at=ctx.as_at, register=ctx.register)
    show_entry_status(catalogue, eligibility)
    # The rules as on the date: none before that of a national structure they are borrowed
    # from, so no unit of it is offered to tick (the check says why).
    rules, _ = catalogue.effective_rules(q, as_at=ctx.as_at)
    if q.structure_note and rules is not None:
        st.info(f"Only partly known: {q.structure_note}")

    if rules is None:
        say_set_aside(ctx, q)
        st.query_params.from_dict(
            with_date(ctx, encode_check(catalogue, CheckQuery(qualification=q.id))))
        result = run_check(ctx, q, CheckQuery(qualification=q.id), Objective.CREDITS)
        if result is not None:
            show_unknown_rules(ctx, q, result.today)
        return

    decisions.quick_entry(catalogue, q)
    # The answer's column first: on a phone the columns stack, and the answer then comes
    # right after the box for pasting units, not after every checkbox. The units are drawn
    # first all the same, so that the answer reads them as they now stand.
    answer_column, units_column = st.columns(2, gap="large")
    with units_column:
        tick_units(catalogue, q)
        decisions.ask(catalogue, q, ctx.as_at)
        ask_printout_details(staff="Assessor")
    with answer_column:
        show_answer(ctx, q, eligibility.status)
    st.session_state[PAGE_DRAWN] = True

main()
