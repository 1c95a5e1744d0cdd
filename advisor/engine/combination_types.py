"""What a check of a qualification's rules of combination yields: each rule's state, the
smallest completion plan and the check as a whole (:class:`CombinationCheck`), and the centre's
decisions it takes in (:class:`Accepted`). :func:`~advisor.engine.combination.check_combination`
builds them; kept apart from the check so that each stays a readable size."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from advisor.catalogue import Citation, Qualification
from advisor.engine.planner import NO_PREFERENCE, Objective, PlanPreference, PlanUnit
from advisor.engine.structure_dates import RulesKnownLater


class RuleKind(StrEnum):
    """What a rule of combination asks for."""

    MANDATORY = "mandatory"  # every unit of a group
    MIN_UNITS = "min-units"  # at least a number of a group's units
    MIN_CREDITS = "min-credits"  # at least a number of credits from a group
    MAX_CREDITS = "max-credits"  # at most a number of a group's credits count
    CREDITS = "credits"  # a credit rule over some groups, maybe at a level
    TOTAL = "total"  # the qualification's total credits


@dataclass(frozen=True)
class RuleResult:
    """The state of one rule of combination for one learner."""

    id: str
    kind: RuleKind
    met: bool
    message: str
    counted: int | None = None
    required: int | None = None
    group: str | None = None
    source: tuple[Citation, ...] = ()
    accepted: tuple[str, ...] = ()  # the counted units the centre accepted (URNs)
    in_progress: tuple[str, ...] = ()  # units in progress that this rule could count (URNs)
    # A rule "at Level N", not "or above": N, and the credits of the units held above it,
    # which it does not count (the document does not say whether it would).
    above_level: tuple[int, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind.value, "met": self.met, "message": self.message,
            "counted": self.counted, "required": self.required, "group": self.group,
            "source": [c.label() for c in self.source],
            "accepted": list(self.accepted), "in_progress": list(self.in_progress),
        }


@dataclass(frozen=True)
class Accepted:
    """A unit of the target qualification that the centre accepts through recognition of prior
    learning, with a short note of the evidence (say, a similar unit under another URN).

    The engine never makes one: a similar unit stays a suggestion until a person accepts it.
    """

    urn: str
    note: str = ""


class DecisionError(ValueError):
    """A centre decision the check cannot take: a unit accepted or in progress that is not part
    of the qualification."""


@dataclass(frozen=True)
class Plan:
    """The further units that complete a qualification most cheaply."""

    units: tuple[PlanUnit, ...]
    additional_credits: int
    additional_glh: int | None  # None when any planned unit's GLH is not stated
    objective: Objective
    note: str | None = None
    # What chose among the plans of this size (units to leave out where one as small does
    # without them): a unit to avoid that the plan still takes, every plan of its size needs.
    preference: PlanPreference = NO_PREFERENCE


@dataclass(frozen=True)
class CombinationCheck:
    """Where a learner stands against one qualification's rules of combination."""

    qualification: Qualification
    known: bool  # False: the sources do not give rules of combination to check against
    complete: bool
    credits_counted: int
    credits_required: int | None
    rules: tuple[RuleResult, ...]
    plan: Plan | None
    counted_units: tuple[str, ...]  # held units that count, in rules order
    other_units: tuple[str, ...]  # held units that are not part of this qualification
    # The group each counted unit counts in (a unit two groups list counts in one of them): the
    # one the plan's assignment chose, else the unit's mandatory group, else its first group.
    counted_in: Mapping[str, str] = field(default_factory=dict)
    rules_from: Qualification | None = None  # the national structure whose rules were used
    cautions: tuple[str, ...] = field(default=())
    # Centre decisions. Accepted units count like achieved ones (they are in ``counted_units``
    # too) and every rule that counts one says so. Units in progress do not count yet, and the
    # plan leaves them out: it is what is still needed once they are achieved.
    accepted: tuple[Accepted, ...] = ()
    in_progress: tuple[str, ...] = ()
    # Why there is no plan, when there is none and the rules are known and not met: the units
    # listed cannot complete it, or the sources list only some of its units (so other units
    # might), or the rules were too large to plan.
    no_plan_reason: str | None = None
    listed_in_full: bool = True  # False: the sources list only some of its units
    # Where the rules are not known on the date only because the national structure they are
    # borrowed from is dated later (S/016/608, 2014, on 1 June 2012): why, with its source.
    rules_known_later: RulesKnownLater | None = None

    @property
    def credits_still_needed(self) -> int | None:
        """Credits still needed to complete it: none once complete; the smallest plan's where
        there is one; where the sources list only some of its units (so no plan can be made
        from them), its credits required less those counted, the least it can need, as long as
        the learner holds no unit outside the list (which might count) and none is in
        progress; where its rules are not known but its credit total is, that total for a
        learner who holds no unit (03455's 28); otherwise None (not known)."""
        if self.complete:
            return 0
        if self.plan is not None:
            return self.plan.additional_credits
        if not self.known:
            nothing_held = not (self.other_units or self.in_progress or self.accepted
                                or self.counted_units)
            return self.credits_required if nothing_held else None
        if (not self.known or self.listed_in_full or self.credits_required is None
                or self.other_units or self.in_progress):
            return None
        return max(0, self.credits_required - self.credits_counted)

    @property
    def credits_still_needed_at_most(self) -> int | None:
        """Where a unit held that the sources' partial list leaves out may count: the most
        still needed (:attr:`most_still_needed`); otherwise None (what is still needed is then
        as :attr:`credits_still_needed` says)."""
        return self.most_still_needed if self.other_units else None

    @property
    def most_still_needed(self) -> int | None:
        """Where the sources list only some of its units, the most still needed by those that
        count: the smallest plan's credits or, with no plan, the credits required less those
        counted; where its rules are not known, its credit total (units held may count
        towards it, or not); None where complete, listed in full, or nothing is known."""
        if not self.known and not self.complete:
            return self.credits_required
        if self.complete or self.listed_in_full or self.credits_required is None:
            return None
        if self.plan is not None:
            return self.plan.additional_credits
        return max(0, self.credits_required - self.credits_counted)

    @property
    def accepted_units(self) -> tuple[str, ...]:
        """The URNs of the units the centre accepted."""
        return tuple(a.urn for a in self.accepted)

    @property
    def achieved_units(self) -> tuple[str, ...]:
        """The counted units the learner achieved (counted, and not accepted)."""
        accepted = set(self.accepted_units)
        return tuple(u for u in self.counted_units if u not in accepted)

    @property
    def unmet(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if not r.met)
