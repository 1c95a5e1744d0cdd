"""Whatever is asked of the route search and the check, on any date, the answer is worked out
and said (the pages' tables, the CLI's text and JSON, the printout) without an error:
Hypothesis properties over the real catalogue, as ``test_recommend`` has for *Find a starting
level*."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from advisor import (
    YOU_ON_SCREEN,
    Accepted,
    ActionPlan,
    Aim,
    Category,
    CheckQuery,
    Employment,
    Objective,
    RouteError,
    RouteQuery,
    action_plan_html,
    already_reached,
    check_answers,
    check_combination,
    check_eligibility,
    check_progress,
    find_routes,
    frameworks_route_leads_into,
    highest_completed,
    in_senior_role,
    json_shapes,
    labels,
    learner_can_start_first,
    load_catalogue,
    route_answers,
    step_limit,
    steps_barred,
    steps_for_learner,
    tables,
    text,
)
from tests.support.examples import examples
from tests.support.register import fixture_register

_CATALOGUE = load_catalogue()
_QUALIFICATIONS = sorted(_CATALOGUE.qualifications)
# Those a learner can hold or aim for (a national structure is refused as either, by name).
_HELD = sorted(q.id for q in _CATALOGUE.qualifications.values()
               if q.category is Category.QUALIFICATION)
_URNS = sorted(_CATALOGUE.units)
_LEVELS = sorted({q.level for q in _CATALOGUE.qualifications.values() if q.level is not None})
_DATES = st.dates(dt.date(2011, 1, 1), dt.date.today())
_SETTINGS = settings(max_examples=examples(100), deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@st.composite
def route_questions(draw):
    """Any question *Plan a route* or ``advisor routes`` can be asked: from one or more
    qualifications and/or units held (real URNs), to a level, a qualification or onward,
    for a learner of any age, employment, role and aim, on a date from 2011 to today."""
    held = draw(st.lists(st.sampled_from(_HELD), max_size=3, unique=True))
    units = tuple(draw(st.lists(st.sampled_from(_URNS), max_size=5, unique=True)))
    target = draw(st.sampled_from(["none", "level", "qualification"]))
    to_level = draw(st.sampled_from(_LEVELS)) if target == "level" else None
    to_qualification = (draw(st.sampled_from(_HELD)) if target == "qualification"
                        else None)
    if not held and not units and target == "none":
        to_level = draw(st.sampled_from(_LEVELS))
    start_level = (draw(st.none() | st.sampled_from(_LEVELS)) if not held else None)
    if start_level is not None and to_level is not None and start_level >= to_level:
        start_level = None
    return dict(
        held=held, units=units, to_level=to_level, to_qualification=to_qualification,
        start_level=start_level,
        documented_only=draw(st.booleans()),
        objective=draw(st.sampled_from(Objective)),
        max_steps=draw(st.none() | st.integers(1, 4)),
        voice=draw(st.sampled_from([{}, {"voice": YOU_ON_SCREEN}])),
        age=draw(st.none() | st.integers(13, 100)),
        senior_role=draw(st.none() | st.booleans()),
        employment=draw(st.none() | st.sampled_from(Employment)),
        aim=draw(st.none() | st.sampled_from(Aim)),
        as_at=draw(_DATES))


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """The register fixture: the catalogue's qualifications with the register's dates, and
    SYNTHETIC ones open and closed, a route's steps may go to."""
    return fixture_register(tmp_path_factory.mktemp("register"))


@_SETTINGS
@given(question=route_questions(), with_register=st.booleans())
def test_find_routes__every_question_gives_routes_their_text_json_and_printout(
        register, question, with_register):
    """Whatever a route question holds, wants and is asked for, on any date from 2011 to
    today, with or without the register, ``find_routes`` either refuses it with a
    :class:`RouteError` or finds routes; and the routes are ordered for the learner, checked
    step by step, and said in the CLI's text and JSON and on the printout, without any other
    error."""
    c = _CATALOGUE
    q = question
    register = register if with_register else None
    source = c.qualifications[q["held"][0]] if q["held"] else None
    also = [c.qualifications[i] for i in q["held"][1:]]
    target = c.qualifications[q["to_qualification"]] if q["to_qualification"] else None
    senior_role = in_senior_role(q["senior_role"], q["employment"])
    as_at = q["as_at"]
    try:
        found = find_routes(c, from_qualification=source, also_completed=also, units=q["units"],
                            to_qualification=target, to_level=q["to_level"], as_at=as_at,
                            include_inferred=not q["documented_only"],
                            include_shared_units=not q["documented_only"],
                            include_direct=not q["documented_only"],
                            objective=q["objective"], max_steps=q["max_steps"],
                            start_level=q["start_level"], register=register)
        routes = learner_can_start_first(c, found, age=q["age"], senior_role=senior_role,
                                         aim=q["aim"], start_level=q["start_level"],
                                         register=register,
                                         employment=q["employment"], shown=3)
    except RouteError:
        event("refused")
        return
    event(f"{min(len(routes), 3)} routes")
    completed = [x.id for x in (source, *also) if x is not None]
    leads_into = [frameworks_route_leads_into(c, route, held=completed, as_at=as_at,
                                              register=register)
                  for route in routes]
    for_learner = [[check_eligibility(c, step.to, age=q["age"], senior_role=senior_role,
                                      as_at=route.as_at, register=register)
                    for step in route.steps]
                   for route in routes]
    reached = already_reached(source, to_qualification=target, to_level=q["to_level"])
    assert text.routes_text(
        c, routes, source=highest_completed((source, *also)), target=target,
        to_level=q["to_level"], already_there=reached,
        max_steps=q["max_steps"] or step_limit(to_qualification=target, to_level=q["to_level"]),
        as_at=as_at,
        documented_only=q["documented_only"], frameworks=leads_into, for_learner=for_learner,
        age_given=q["age"] is not None, aim=q["aim"],
        holds_nothing=not (completed or q["units"]), start_level=q["start_level"],
        employment=q["employment"], register=register)
    json.dumps(json_shapes.routes_dict(
        c, routes, source=source, units=q["units"], target=target, to_level=q["to_level"],
        already_there=reached, also_completed=also, frameworks=leads_into, age=q["age"],
        senior_role=q["senior_role"], aim=q["aim"], employment=q["employment"],
        for_learner=for_learner, register=register, as_at=as_at))
    query = RouteQuery(from_qualification=source.id if source else None, units=q["units"],
                       to_qualification=target.id if target else None,
                       also_completed=tuple(x.id for x in also), to_level=q["to_level"],
                       documented_only=q["documented_only"], age=q["age"],
                       senior_role=q["senior_role"], employment=q["employment"], aim=q["aim"],
                       start_level=q["start_level"])
    answers = route_answers(c, query)
    learner = [steps_for_learner(c, route, age=q["age"], senior_role=senior_role,
                                 register=register, **q["voice"]) for route in routes]
    tables.routes_table(c, routes, aim=q["aim"], register=register, learner=learner,
                        **q["voice"])
    for n, route in enumerate(routes):
        for framework in leads_into[n].frameworks:
            tables.framework_table(c, framework, as_at=as_at, **q["voice"])
        labels.steps_barred_words(route, steps_barred(c, route, age=q["age"],
                                                      senior_role=senior_role,
                                                      register=register, **q["voice"]),
                                  **q["voice"])
        plan = ActionPlan(
            as_at=as_at, answers=answers, route=route, route_age=q["age"],
            route_senior_role=q["senior_role"], route_employment=q["employment"],
            route_aim=q["aim"], other_routes=tuple(r for r in routes if r is not route),
            route_frameworks=leads_into[n], register=register)
        assert "<html" in action_plan_html(c, plan) and plan.file_name


@st.composite
def checks(draw):
    """Any check *Check a learner's units* or ``advisor check`` can be asked: a qualification,
    any subset of the units it lists achieved (and perhaps a unit it does not list), others
    accepted or in progress, on any date from 2011 to today, with or without hours a week (on
    a date its units are known)."""
    qualification = draw(st.sampled_from(_QUALIFICATIONS))
    as_at = draw(_DATES)
    # The units it lists on that date (none before the date of a structure it borrows them
    # from): only those can be accepted or in progress
    rules, _ = _CATALOGUE.effective_rules(_CATALOGUE.qualifications[qualification],
                                          as_at=as_at)
    listed = sorted(rules.listed_units) if rules is not None else []
    states = draw(st.lists(st.sampled_from(["held", "accepted", "in progress", "no"]),
                           min_size=len(listed), max_size=len(listed)))
    chosen = {state: [u for u, s in zip(listed, states, strict=True) if s == state]
              for state in ("held", "accepted", "in progress")}
    held = chosen["held"] + draw(st.lists(st.sampled_from(_URNS), max_size=2))
    accepted = [Accepted(u, draw(st.sampled_from(["", "similar unit"])))
                for u in chosen["accepted"]]
    hours = draw(st.none() | st.sampled_from([0.5, 3.0, 37.5]))
    start = draw(st.none() | _DATES) if hours is not None else None
    return dict(qualification=qualification, held=held, accepted=accepted,
                in_progress=chosen["in progress"], as_at=as_at, glh_per_week=hours,
                start=start, registered=draw(st.booleans()), fewest_hours=draw(st.booleans()))


@_SETTINGS
@given(question=checks(), with_register=st.booleans())
def test_check__every_check_gives_its_text_json_and_record(register, question, with_register):
    """Whatever units of a qualification are held, accepted or in progress, on any date from
    2011 to today, the check and the check with the centre's decisions are worked out and said
    in the CLI's text and JSON and on the centre's record, without an error."""
    c = _CATALOGUE
    q = question
    qualification, as_at = c.qualifications[q["qualification"]], q["as_at"]
    register = register if with_register else None
    objective = Objective.GLH if q["fewest_hours"] else Objective.CREDITS
    # Only units the qualification lists are accepted or in progress: no DecisionError.
    check = check_combination(c, qualification, q["held"], accepted=q["accepted"],
                              in_progress=q["in_progress"], objective=objective)
    progress = check_progress(c, qualification, q["held"], accepted=q["accepted"],
                              in_progress=q["in_progress"], objective=objective,
                              glh_per_week=q["glh_per_week"], start=q["start"] or as_at,
                              registered=q["registered"], as_at=as_at, register=register)
    for shown in (check, progress.today, progress.when_done):
        if shown is not None:  # the check page's tables
            tables.rules_table(c, shown)
            tables.plan_table(c, shown)
            tables.progress_table(c, shown)
    assert text.check_text(c, check, as_at=as_at, register=register)
    json.dumps(json_shapes.check_dict(c, check, as_at=as_at, register=register))
    assert text.progress_text(c, progress, as_at=as_at, register=register)
    json.dumps(json_shapes.progress_dict(c, progress, as_at=as_at, register=register))
    answers = check_answers(c, CheckQuery(
        qualification=qualification.id, units=tuple(q["held"]), accepted=tuple(q["accepted"]),
        in_progress=tuple(q["in_progress"]), glh_per_week=q["glh_per_week"], start=q["start"],
        registered=q["registered"], fewest_hours=q["fewest_hours"]))
    assert "<html" in action_plan_html(c, ActionPlan(as_at=as_at, answers=answers,
                                                     progress=progress, register=register))
    assert "<html" in action_plan_html(c, ActionPlan(as_at=as_at, check=check,
                                                     register=register))
