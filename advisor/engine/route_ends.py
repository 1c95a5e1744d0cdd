"""Where a route search starts and ends: the qualifications completed, whether they already
reach the target, how many steps a route may take, and the checks on the search's arguments.
Used by :func:`advisor.engine.routes.find_routes`, which exports the public names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from advisor.catalogue import Catalogue, Category, Qualification
from advisor.engine.replacing import held_before_it_opened
from advisor.engine.route_types import RouteError

MAX_STEPS_TO_TARGET = 4
"""The most steps a route search takes by default to a level or qualification aimed for."""
MAX_STEPS_ONWARD = 2
"""... and onward from what the learner holds, with no target."""


def same_structure(catalogue: Catalogue, before: Qualification | None,
                   after: Qualification) -> bool:
    """Whether ``after`` is another awarding body's version of ``before``: at the same level,
    both built on one national structure (10378 and 601/4404/X, say, on S/016/371). Holding
    one, the other is a repeat, not a step on."""
    if before is None or before.level is None or before.level != after.level:
        return False
    return (before.based_on is not None and after.based_on is not None
            and before.based_on.structure == after.based_on.structure
            and before.based_on.structure in catalogue.qualifications)


def step_limit(*, to_qualification: Qualification | None = None,
               to_level: int | None = None) -> int:
    """The most steps a route takes by default: to a target, or onward with neither."""
    onward = to_qualification is None and to_level is None
    return MAX_STEPS_ONWARD if onward else MAX_STEPS_TO_TARGET


def already_reached(
    from_qualification: Qualification | None,
    *,
    to_qualification: Qualification | None = None,
    to_level: int | None = None,
    also_completed: Iterable[Qualification] = (),
) -> bool:
    """True when a completed qualification (``from_qualification`` or one of
    ``also_completed``) is the target, or at or above the target level.

    The route search yields nothing then; this tells "already there" from "no route found".
    :func:`reaching_target` says which.
    """
    return reaching_target(completed_first(from_qualification, also_completed),
                           to_qualification=to_qualification, to_level=to_level) is not None


def reaching_target(completed: Iterable[Qualification | None], *,
                    to_qualification: Qualification | None = None,
                    to_level: int | None = None) -> Qualification | None:
    """The first of the qualifications ``completed`` that is the target, or at or above the
    target level; ``None`` when none is (or there is no target)."""
    return next((q for q in completed if q is not None and (
        q.id == to_qualification.id if to_qualification is not None
        else to_level is not None and q.level is not None and q.level >= to_level)), None)


def highest_completed(completed: Iterable[Qualification | None]) -> Qualification | None:
    """Of the qualifications completed, the one at the highest level (the first of those at
    it): where the learner stands, for saying why no route goes on."""
    known = [q for q in completed if q is not None]
    return max(known, key=lambda q: q.level or 0) if known else None


def completed_first(from_qualification: Qualification | None,
               also_completed: Iterable[Qualification]) -> list[Qualification]:
    """The qualifications completed, each once, ``from_qualification`` first."""
    found = {q.id: q for q in (from_qualification, *also_completed) if q is not None}
    return list(found.values())


def check_endpoints(catalogue: Catalogue, from_qualification: Qualification | None,
                     to_qualification: Qualification | None, to_level: int | None,
                     max_steps: int, max_expansions: int) -> None:
    if to_qualification is not None and to_level is not None:
        raise RouteError("give a target qualification or a target level, not both",
                         argument="to_level")
    for argument, q in (("from_qualification", from_qualification),
                        ("to_qualification", to_qualification)):
        if q is not None:
            check_endpoint(catalogue, q, argument)
    if to_level is not None:
        levels = catalogue.levels_offered
        if to_level not in levels:
            held = ", ".join(str(level) for level in levels)
            raise RouteError(f"no qualification in the catalogue is at Level {to_level}; "
                             f"the levels are {held}", argument="to_level")
    if max_steps < 1:
        raise RouteError(f"max_steps must be at least 1, not {max_steps}", argument="max_steps")
    if max_expansions < 1:
        raise RouteError(f"max_expansions must be at least 1, not {max_expansions}",
                         argument="max_expansions")


def check_endpoint(catalogue: Catalogue, q: Qualification, argument: str) -> None:
    if not isinstance(q, Qualification) or catalogue.qualifications.get(q.id) != q:
        raise RouteError(f"{getattr(q, 'id', q)!r} is not a qualification of this catalogue",
                         argument=argument)
    if q.category is Category.NATIONAL_STRUCTURE:
        raise RouteError(
            f"{q.name} is a national structure that awarding bodies' "
            "qualifications follow, not a qualification learners enrol on: name one of "
            "those qualifications", argument=argument)


def check_held_by(q: Qualification, as_at: dt.date, argument: str) -> None:
    """Refuse a qualification held on ``as_at`` that had not opened by then (601/4404/X in
    2012): nobody could hold it, so no route can start from it on that date."""
    refused = held_before_it_opened(q, as_at)
    if refused is not None:
        raise RouteError(refused, argument=argument)
