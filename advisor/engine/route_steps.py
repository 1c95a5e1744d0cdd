"""How a route search (:mod:`advisor.engine.routes`) works out each step: what carries over
into it from what is held by then, its smallest plan, and what the learner holds after it.

A step's plan is the smallest for its qualification, as a check of the units held by then
would give it; where the learner is not working, among the plans of that size, one without
units a source says are assessed in a particular job
(:mod:`advisor.engine.plan_preferences`). Once the next step is known, the step is planned
again, towards it: of the plans of the same size, the one whose units the next step counts
too. Only the next step: each step of a partial route is then settled by the steps up to
the one after it, so a route's cost never falls as it is extended, and the search's order
stays exact (see :mod:`advisor.engine.routes`).

Why not plan the first step bigger where that makes the whole route smaller: each step is a
qualification the learner earns on its own, and may stop at; its plan should be the one the
check of that qualification gives, not one sized for steps they may never take. Of the plans
of the step's own smallest size, the one that serves the route is the one offered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from advisor.catalogue import Catalogue, Qualification
from advisor.engine.carryover import CarryOver, carry_over, units_of_qualification
from advisor.engine.eligibility import StatusOnDate
from advisor.engine.plan_preferences import counted_by, plan_preference
from advisor.engine.planner import Objective
from advisor.engine.recommend_types import Employment
from advisor.engine.route_edges import Edge
from advisor.engine.route_types import RouteStep

__all__ = ["StepPlanner"]


class StepPlanner:
    """The steps of one route search, each carry-over worked out once."""

    def __init__(self, catalogue: Catalogue, *, as_at: dt.date, objective: Objective,
                 employment: Employment | None,
                 status: Callable[[Qualification], StatusOnDate]) -> None:
        self.catalogue = catalogue
        self.as_at = as_at
        self.objective = objective
        self.employment = employment
        self.status = status
        self.completed: tuple[Qualification, ...] = ()  # what the learner holds
        self._carry: dict[tuple[str | None, str, frozenset[str], bool, frozenset[str]],
                          CarryOver] = {}

    def carry(self, a: Qualification | None, b: Qualification, held: tuple[str, ...], *,
              completed: bool, towards: Qualification | None = None) -> CarryOver:
        """What carries over from ``a`` (completed, or planned in the step before) and the
        units ``held`` into ``b``, its plan leaning ``towards`` the next step's units."""
        leaning = counted_by(self.catalogue, towards, self.as_at) & self.catalogue.listed_units(b)
        key = (a.id if a is not None else None, b.id, frozenset(held), completed, leaning)
        if key not in self._carry:
            # From what the learner holds: the other qualifications completed too, whose
            # units may count where the sources do not list them.
            self._carry[key] = carry_over(
                self.catalogue, b, from_qualification=a, units=held, objective=self.objective,
                completed=completed, also_completed=self.completed if completed else (),
                as_at=self.as_at,
                preference=plan_preference(self.catalogue, employment=self.employment,
                                           towards=leaning))
        return self._carry[key]

    def step(self, a: Qualification | None, edge: Edge, held: tuple[str, ...], *,
             completed: bool) -> RouteStep:
        """The step along ``edge`` from ``a``, holding ``held`` before it (``completed``: ``a``
        is a qualification the learner holds, not one a step before plans)."""
        carried = self.carry(a, edge.to, held, completed=completed)
        return RouteStep(from_=a, to=edge.to, kind=edge.kind, statement=edge.statement,
                         source=edge.source, carry_over=carried,
                         held_after=self._held_after(carried, edge.to),
                         status=self.status(edge.to), shared_units=edge.shared_units)

    def towards(self, step: RouteStep, held: tuple[str, ...], after: Qualification, *,
                completed: bool) -> RouteStep:
        """``step`` (from ``held``) planned again now that the step ``after`` it is known: of
        its smallest plans, one whose units ``after`` counts too."""
        carried = self.carry(step.from_, step.to, held, completed=completed, towards=after)
        if carried is step.carry_over:
            return step
        return dataclasses.replace(step, carry_over=carried,
                                   held_after=self._held_after(carried, step.to))

    def _held_after(self, carried: CarryOver, q: Qualification) -> tuple[str, ...]:
        """What the learner holds once ``q`` is completed by its plan: what they held, the
        plan's units and ``q``'s mandatory units."""
        plan = carried.remaining.plan
        mandatory, _ = units_of_qualification(self.catalogue, q, as_at=self.as_at)
        planned = [u.urn for u in plan.units] if plan is not None else []
        return tuple(dict.fromkeys([*carried.held, *planned, *mandatory]))
