"""Routes in plain text, the way the command line prints them: each route's steps, what
carries over and what is still needed, and the apprenticeship frameworks it leads into; or
that the learner is already there, or why no route was found. The route page says what a step
still needs in the same words (:func:`still_needed`). :mod:`advisor.views.text` offers these
with the other answers as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from advisor.catalogue import Catalogue, Citation, Qualification
from advisor.engine.carryover import CarryOver
from advisor.engine.combination import describe_unit
from advisor.engine.eligibility import Eligibility, Status
from advisor.engine.frameworks import RouteFrameworks
from advisor.engine.opening_later import OpeningLater
from advisor.engine.recommend import assessed_at_work_caution, move_up_caution
from advisor.engine.recommend_types import Aim, Employment
from advisor.engine.registered import from_register
from advisor.engine.route_ends import highest_completed
from advisor.engine.routes import Route, RouteStep
from advisor.engine.wording import count
from advisor.register import Register
from advisor.views.framework_words import (
    STANDARD_HEADING,
    component_held,
    component_kind,
    standard_taking_its_place,
)
from advisor.views.labels import (
    REGISTER_ORIGIN,
    carried_credits,
    cite,
    framework_label,
    none_can_start_words,
    plan_beyond_certification,
    route_aim_words,
    route_basis,
    route_credits,
    status_sentence,
    step_explained,
    steps_barred_words,
    what_replaced_it,
)
from advisor.views.no_route import no_route_text

__all__ = ["StillNeeded", "Tone", "already_there_text", "at_the_top_words", "if_taken_lead",
           "if_taken_words", "may_count_too", "opening_later_lines", "routes_text",
           "starts_explained", "still_needed"]


def opening_later_lines(catalogue: Catalogue, later: Iterable[OpeningLater], *,
                        indent: str = "") -> list[str]:
    """Each qualification that opens after the date, in a line with its source below it."""
    return [line for o in later for line in (
        f"{indent}{o.message(catalogue)}",
        f"{indent}  (source: {cite(catalogue, o.source, web_pages=True)})")]


def if_taken_words(number: int, carried: CarryOver) -> str:
    """What to do about the optional units that would count towards step ``number`` of a
    route if taken (:attr:`CarryOver.possible`): in the first step they come from the
    qualification held, so the learner says which they took; in a later step from the step
    before, still to take, so they are to choose there."""
    source = carried.from_qualification
    if number > 1 and source is not None:
        return (f"Some units above would count towards this step too if taken as optional "
                f"units of {source.reference} in step {number - 1}: ask the centre about "
                "choosing them there, and there would be less to do here.")
    return ("Some units above count only if they were taken as optional units of the "
            "qualification held. Which optional units did you take? Add them under \"Units "
            "held\" to count them.")


def if_taken_lead(number: int | None, carried: CarryOver) -> str:
    """The printout's words before the list of units that would count towards step ``number``
    of a route (None: a carry-over on its own) if taken (:attr:`CarryOver.possible`), with
    what to do about them, as :func:`if_taken_words` says it on the page: to choose them in
    the step before, or to tell the centre which were taken."""
    source = carried.from_qualification
    reference = source.reference if source is not None else "the qualification held"
    towards = "it" if number is None else "this step"
    if number is not None and number > 1 and source is not None:
        return (f"Would count towards {towards} too, if taken as optional units of {reference} "
                f"in step {number - 1} (ask the centre about choosing them there: there would "
                "then be less to do here):")
    return (f"Would count towards {towards} too, if you took them as optional units of "
            f"{reference} (tell the centre which you took, so that they count):")


def may_count_too(carried: CarryOver) -> str:
    """Why a plan's credits are the most still needed where a unit held may count too
    (:attr:`CarryOver.held_may_count`): the target's units are listed only in part, or the
    units of the qualification held are not listed at all."""
    if carried.held_not_listed:
        return (f"the sources do not list the units of "
                f"{' or '.join(q.name for q in carried.held_not_listed)}, so one of them may "
                "count too and leave less to do")
    return "the sources list only some of its units, so a unit already held may count too and " \
        "leave less to do"


class Tone(StrEnum):
    """How a route step's "still needed" reads: done, a warning, or a plan that follows."""

    DONE = "done"
    WARNING = "warning"
    PLAN = "plan"


@dataclass(frozen=True)
class StillNeeded:
    words: str  # what follows "Still needed: " ("45 credits, about 264 guided learning hours")
    tone: Tone
    source: tuple[Citation, ...] = ()  # where the words rest on a dated source, it


def still_needed(step: RouteStep, catalogue: Catalogue | None = None) -> StillNeeded:
    """What a route step still needs, in words, as the route page and the command line say it:
    nothing more, a number of credits (with its hours, "up to" where a unit held may count too,
    "at least" where no plan can be made), that nothing could count where its certificates
    have ended (and, given the ``catalogue``, what replaced it), or why it is not known."""
    remaining = step.carry_over.remaining
    if from_register(step.to):
        return StillNeeded("not known: the register gives no units or rules, so ask the "
                           "awarding organisation or a centre", Tone.WARNING)
    if (later := remaining.rules_known_later) is not None:  # borrowed units dated later
        return StillNeeded(f"not known: {later.words}", Tone.WARNING, later.source)
    if not remaining.known:
        return StillNeeded("not known: the sources do not give its full rules, so ask the "
                           "centre", Tone.WARNING)
    if remaining.complete:
        if step.status.status is Status.CERTIFICATION_CLOSED:
            return StillNeeded("nothing more, but certificates for it are no longer issued",
                               Tone.WARNING)
        return StillNeeded("nothing more", Tone.DONE)
    if step.status.status is Status.CERTIFICATION_CLOSED:  # no units could complete it now
        replaced = what_replaced_it(catalogue, step.status) if catalogue is not None else ""
        return StillNeeded("nothing that could count: certificates for it are no longer "
                           "issued, so it cannot be completed now"
                           + (f". {replaced}" if replaced else ""), Tone.WARNING)
    plan, needed = remaining.plan, step.credits_still_needed
    at_most = step.credits_still_needed_at_most
    if plan is None:
        if at_most is not None:
            return StillNeeded(f"up to {count(at_most, 'credit')}: "
                               + may_count_too(step.carry_over), Tone.WARNING)
        if needed is not None:
            return StillNeeded(f"at least {count(needed, 'credit')} (the sources list only some "
                               "of its units, so no plan can be made)", Tone.WARNING)
        why = remaining.no_plan_reason or "No completion can be planned."
        return StillNeeded("not known. " + why.removesuffix("."), Tone.WARNING)
    hours = (f", about {plan.additional_glh} guided learning hours"
             if plan.additional_glh is not None else "")
    if needed is None:  # a unit held that the listed units leave out may count as well
        return StillNeeded(f"up to {count(plan.additional_credits, 'credit')}{hours}: "
                           + may_count_too(step.carry_over), Tone.PLAN)
    return StillNeeded(f"{count(plan.additional_credits, 'credit')}{hours}", Tone.PLAN)


def _route_lines(catalogue: Catalogue, number: int, route: Route,
                 for_learner: Sequence[Eligibility] = (), *, age_given: bool) -> list[str]:
    trust = route_basis(route)
    # Without a plan for every step, what the sources' totals give is the least it can need.
    least = "" if route.additional_credits is not None else "at least "
    figure = route_credits(route)
    credits = (f"{least}{figure} more credits" if isinstance(figure, int) else
               f"{figure} more credits" if figure is not None and figure.startswith("up to")
               else figure or "credits needed not fully known")
    names = " -> ".join(q.reference for q in route.path)
    closed = "closed; " if route.status.closed else ""  # as labels.route_name marks it
    lines = [f"Route {number}: {names} ({closed}{trust}; {credits})"]
    for n, step in enumerate(route.steps):
        rules, _ = catalogue.effective_rules(step.to)
        lines.append(f"  to {step.to.name}: {step_explained(step)}")
        if step.source:  # as the page cites it under the step
            lines.append(f"    (source: {cite(catalogue, step.source, web_pages=True)})")
        if from_register(step.to):
            lines.append(f"    {REGISTER_ORIGIN} ({step.to.regulator_number}).")
        lines.append(f"    {status_sentence(catalogue, step.status, route.as_at)}")
        if step.status.source:  # as the check's status line cites it
            lines.append(f"    (source: {cite(catalogue, step.status.source, web_pages=True)})")
        if n < len(for_learner):
            lines += [f"    age: {reason.message}" for reason in for_learner[n].about_age
                      if age_given]
            lines += [f"    role: {reason.message}" for reason in for_learner[n].about_role]
        carried = step.carry_over
        if carried.transfers:  # each unit by its number in the step's qualification and title
            lines.append(f"    carries over {carried_credits(carried)}:")
            lines += [f"      = {describe_unit(catalogue, urn, rules)}"
                      for urn in carried.transfers]
        lines += [f"    similar, for the centre to judge: {describe_unit(catalogue, item.urn)} is "
                  f"like {describe_unit(catalogue, item.target, rules)}"
                  for item in carried.similar]
        lines += [f"    note: {note.statement}" for note in carried.notes]
        if carried.remaining.known:  # what the answer rests on: a national structure's units
            lines += [f"    ! {caution}" for caution in carried.remaining.cautions]
        needed = still_needed(step, catalogue)
        lines.append(f"    still needed: {needed.words}")
        if needed.source:
            lines.append(f"    (source: {cite(catalogue, needed.source, web_pages=True)})")
        if needed.tone is Tone.PLAN:
            caution = (plan_beyond_certification(catalogue, step.to, step.status)
                       if step.plan_units else None)
            lines += [f"    ! {caution}"] if caution else []
            lines += [f"      + {describe_unit(catalogue, urn, rules)}"
                      for urn in step.plan_units]
    return lines


def routes_text(catalogue: Catalogue, routes: Sequence[Route], *,
                source: Qualification | None = None, target: Qualification | None = None,
                to_level: int | None = None, already_there: bool = False,
                max_steps: int, as_at: dt.date | None = None,
                documented_only: bool = False,
                frameworks: Sequence[RouteFrameworks] = (),
                for_learner: Sequence[Sequence[Eligibility]] = (), age_given: bool = False,
                aim: Aim | None = None, holds_nothing: bool = False,
                register: Register | None = None, start_level: int | None = None,
                employment: Employment | None = None) -> str:
    """The routes found, numbered, each step with what carries over and what is still
    needed, and the apprenticeship frameworks it leads into (``frameworks``, one for each
    route, where given); or that the learner is already there, or why no route was found.
    ``for_learner``, where the learner's age or whether they are in a senior role was given:
    for each route, each step's eligibility for them, of which the reasons about age (where
    it was given: ``age_given``) and the role asked for are shown. ``aim``, what the learner
    wants, where given: whether where each route ends fits it. ``holds_nothing``: the
    learner holds no qualification or unit yet (:func:`starts_explained`, with
    ``start_level``, the level suggested to start at). ``register``: as for
    :func:`no_route_text`. ``employment``: for a learner not working, each route with steps
    assessed at work says that they need a job or a work placement."""
    if already_there and source is not None:
        return already_there_text(source, to_level=None if target else to_level)
    if not routes:
        return no_route_text(catalogue, target=target, to_level=to_level, max_steps=max_steps,
                             as_at=as_at or dt.date.today(), documented_only=documented_only,
                             source=source, register=register)
    explained = (starts_explained(routes, to_level=to_level, start_level=start_level)
                 if holds_nothing else None)
    lines: list[str] = [explained] if explained else []
    # Once, before the routes: a route up a level is not advice to move up.
    climbs = next((c for c in (move_up_caution(catalogue, r) for r in routes) if c), None)
    if climbs is not None:
        lines += [f"! {climbs.message}",
                  f"  (source: {cite(catalogue, climbs.source, web_pages=True)})"]
    none_start = none_can_start_words(
        [[n for n, e in enumerate(steps, start=1) if e.not_for_this_learner]
         for steps in for_learner[:len(routes)]] if len(for_learner) >= len(routes) else [],
        why="each route says why")
    lines += [f"! {none_start}"] if none_start else []
    for number, route in enumerate(routes, start=1):
        header, *steps = _route_lines(
            catalogue, number, route,
            for_learner[number - 1] if number <= len(for_learner) else (), age_given=age_given)
        fits = route_aim_words(catalogue, route, aim, employment=employment, register=register)
        # A step the learner cannot take, said before the steps, as the page says it.
        barred = [(n, e) for n, e in enumerate(
            for_learner[number - 1] if number <= len(for_learner) else (), start=1)
            if e.not_for_this_learner]
        # Not working: the steps assessed at work need a job or a work placement.
        at_work = assessed_at_work_caution(catalogue, route, employment)
        lines += [header, *([f"  {fits[0]}"] if fits else []),
                  *([f"    (source: {cite(catalogue, fits[1], web_pages=True)})"]
                    if fits and fits[1] else []),
                  *(f"  ! {w}" for w in steps_barred_words(route, barred)),
                  *([f"  ! {at_work.message}",
                     f"    (source: {cite(catalogue, at_work.source, web_pages=True)})"]
                    if at_work is not None else []), *steps]
        if number <= len(frameworks):
            lines += _leads_into_lines(catalogue, frameworks[number - 1])
    return "\n".join(lines)


def at_the_top_words(catalogue: Catalogue, completed: Iterable[Qualification | None]
                     ) -> str | None:
    """Where the highest of the qualifications ``completed`` is at the highest level these
    documents offer: that, and whom to ask about what could come next; else None (there is a
    higher level to aim for)."""
    top = highest_completed(completed)
    if top is None or top.level is None or top.level < max(catalogue.levels_offered, default=0):
        return None
    return (f"Level {top.level} is the highest level in these documents: a careers adviser can "
            "say what other learning or work could come next.")


def already_there_text(reached: Qualification, *, to_level: int | None) -> str:
    """That the qualification ``reached`` (held) is already the one aimed for, or at or above
    the level aimed for (``to_level``)."""
    if to_level is None:
        return f"Already there: {reached.name} is the qualification aimed for, and it is held."
    where = ("the level aimed for" if reached.level == to_level else
             f"above Level {to_level}, the level aimed for")
    return f"Already there: {reached.name} is at Level {reached.level}, {where}."


def starts_explained(routes: Sequence[Route], *, to_level: int | None,
                     start_level: int | None = None) -> str | None:
    """For a learner holding nothing yet, where some routes start at the level aimed for and
    others lower down: which suit whom, so that someone whose work is already at that level (a
    team leader told to start at Level 3) does not read the lower starts as advice for them;
    with ``start_level``, the level suggested for them, that the first routes start there.
    None where the routes do not differ so."""
    starts = {route.path[0].level for route in routes}
    if start_level is not None and to_level is not None and start_level < to_level:
        direct = (f"; those that start at Level {to_level} suit someone whose work is already "
                  "at that level" if to_level in starts else "")
        return (f"Holding nothing yet: the first routes start at Level {start_level}, the level "
                f"suggested to start at{direct}.")
    if to_level is None or to_level not in starts or not any(
            level is not None and level < to_level for level in starts):
        return None
    return (f"Holding nothing yet: the routes that start at Level {to_level} suit someone whose "
            "work is already at that level (as the level suggested for them to start at would "
            "show); "
            "those that start lower build up to it, for someone new to the work.")


def _leads_into_lines(catalogue: Catalogue, leads_into: RouteFrameworks) -> list[str]:
    """The apprenticeship frameworks a route leads into, each component held, on the route or
    missing, as the route page shows them."""
    # Where apprenticeships stand on the date first, so the frameworks do not read as open.
    lines = [f"  {leads_into.today}"] if leads_into.today is not None else []
    for status in leads_into.frameworks:
        name = framework_label(catalogue, status.framework)
        lines.append(f"  leads into the apprenticeship framework {name}:")
        # What took its place first: its missing parts are not a list of what to take now.
        if status.framework.succeeded_by is not None:
            lines.append(f"    {STANDARD_HEADING}: {standard_taking_its_place(status.framework)}")
        lines += [f"    ! {status.superseded}"] if status.superseded else []
        lines += [f"    [{component_held(c)}] {component_kind(c.component.kind)}: {c.message}"
                  for c in status.components]
        lines += [f"    ! {caution}" for caution in status.cautions]
    return lines
