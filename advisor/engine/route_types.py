"""What a route search yields: routes, their steps and the order they come in.

The records :func:`~advisor.engine.routes.find_routes` builds (see :mod:`advisor.engine.routes`
for the steps, the ordering and the bounds). Kept apart from the search so that each stays a
readable size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from advisor.catalogue import Citation, Qualification, Replacement
from advisor.engine.carryover import CarryOver
from advisor.engine.eligibility import Status, StatusOnDate


class RouteError(ValueError):
    """The endpoints or limits of a route search make no sense; ``argument`` names the culprit."""

    def __init__(self, message: str, *, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


SHARED_UNITS_STATEMENT = "Not a documented progression: these qualifications share units."
"""How every shared-units step is labelled."""


class StepKind(StrEnum):
    """Why a route takes a step, most trusted first."""

    STATED = "stated"  # a progression the sources state
    INFERRED = "inferred"  # a progression inferred, or read from a secondary source
    SHARED_UNITS = "shared-units"  # no documented progression; the qualifications share units
    REPLACEMENT = "replacement"  # instead of a closed qualification, what replaced it
    DIRECT = "direct"  # no documented progression; enrol straight at the target level
    START = "start"  # the first qualification, when none has been completed


@dataclass(frozen=True)
class RouteStep:
    """One step of a route: from a qualification (or from nothing) to the next one."""

    from_: Qualification | None
    to: Qualification
    kind: StepKind
    statement: str  # the progression statement; our own words for shared-units and start steps
    source: tuple[Citation, ...]  # of the progression, or of the rules listing the shared units
    carry_over: CarryOver  # from ``from_`` with the units held before this step
    held_after: tuple[str, ...]  # URNs held after completing ``to`` by its smallest plan
    status: StatusOnDate  # of ``to``, on the search's date
    shared_units: tuple[str, ...] = ()  # for shared-units steps: the URNs both list

    @property
    def additional_credits(self) -> int | None:
        """Credits still needed for ``to``; ``None`` when its rules or a plan are not known."""
        plan = self.carry_over.remaining.plan
        return plan.additional_credits if plan is not None else None

    @property
    def credits_still_needed(self) -> int | None:
        """Credits still needed for ``to``, as people read it: the plan's where there is one,
        else, where the sources list only some of its units, its total less what counts
        (:attr:`CombinationCheck.credits_still_needed`); ``None`` where not known. The route's
        order uses :attr:`additional_credits`, which counts only planned steps as known. Not
        known either where a unit held does not carry over by the units listed: it might
        count."""
        carried = self.carry_over
        if carried.held_may_count:
            return None
        return carried.remaining.credits_still_needed

    @property
    def credits_still_needed_at_most(self) -> int | None:
        """Where :attr:`credits_still_needed` is not known only because a unit held may count
        too: the most still needed (:attr:`CarryOver.credits_still_needed_at_most`)."""
        return self.carry_over.credits_still_needed_at_most

    @property
    def plan_units(self) -> tuple[str, ...]:
        plan = self.carry_over.remaining.plan
        return tuple(u.urn for u in plan.units) if plan is not None else ()

    @property
    def replaced_by(self) -> tuple[Replacement, ...]:
        """What replaced the target, where the sources say: it may be closed to new learners."""
        return self.to.replaced_by


@dataclass(frozen=True, order=True)
class RouteCost:
    """The ordering key of a route; see the module docstring. Compared field by field."""

    status_rank: int  # the worst :attr:`Status.rank` along the route
    legacy_steps: int  # into a legacy qualification whose status on the date is not known
    non_stated_steps: int
    shared_unit_steps: int
    unknown_credit_steps: int
    additional_credits: int  # summed over the steps whose credits are known
    steps: int
    start_rank: int  # 0 for the highest qualification completed, 1 for the next...
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Route:
    """A chain of qualifications; ``path`` starts at the completed qualification, if any."""

    path: tuple[Qualification, ...]
    steps: tuple[RouteStep, ...]
    cost: RouteCost
    as_at: dt.date  # the date each step's status is for

    @property
    def additional_credits(self) -> int | None:
        """Credits still needed along the whole route; ``None`` when any step's are unknown."""
        if self.cost.unknown_credit_steps:
            return None
        return self.cost.additional_credits

    @property
    def credits_still_needed(self) -> int | None:
        """Credits still needed along the whole route, as each step says them
        (:attr:`RouteStep.credits_still_needed`); ``None`` when any step's are not known."""
        needed = [step.credits_still_needed for step in self.steps]
        return None if None in needed else sum(n for n in needed if n is not None)

    @property
    def credits_still_needed_at_most(self) -> int | None:
        """Where :attr:`credits_still_needed` is not known only because a unit held may count
        too at some step: the most still needed along the route (each such step's
        :attr:`RouteStep.credits_still_needed_at_most`, the others' own figures); else None."""
        if self.credits_still_needed is not None:
            return None
        most = [step.credits_still_needed if step.credits_still_needed is not None
                else step.credits_still_needed_at_most for step in self.steps]
        return None if None in most else sum(n for n in most if n is not None)

    @property
    def starting_point_only(self) -> bool:
        """True when every step is a starting one: no progression, so nothing to document."""
        return all(s.kind is StepKind.START for s in self.steps)

    @property
    def documented(self) -> bool:
        """True when every step is a stated progression (or the start)."""
        return all(s.kind in (StepKind.STATED, StepKind.START) for s in self.steps)

    @property
    def status(self) -> Status:
        """The worst status on the date of the qualifications the route enrols on."""
        return max((s.status.status for s in self.steps), key=lambda status: status.rank)
