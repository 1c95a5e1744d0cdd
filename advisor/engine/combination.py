"""Rules of combination: is a qualification achieved by these units, and what is still needed?

:func:`check_combination` returns a :class:`CombinationCheck`: every rule's state with a
plain-English message and its source, the credits that count, and the smallest completion plan.
Pages, exports and the CLI only format it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from advisor.catalogue import (
    Catalogue,
    Citation,
    CreditRule,
    Group,
    Qualification,
    RulesOfCombination,
    Unit,
)
from advisor.engine.planner import Objective, PlanningError, PlanUnit, search_plan
from advisor.engine.wording import count, group_name


@dataclass(frozen=True)
class RuleResult:
    """The state of one rule of combination for one learner."""

    id: str
    kind: str  # mandatory | min-units | min-credits | max-credits | credits | total
    met: bool
    message: str
    counted: int | None = None
    required: int | None = None
    group: str | None = None
    source: tuple[Citation, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "met": self.met, "message": self.message,
            "counted": self.counted, "required": self.required, "group": self.group,
            "source": [c.label() for c in self.source],
        }


@dataclass(frozen=True)
class Plan:
    """The further units that complete a qualification most cheaply."""

    units: tuple[PlanUnit, ...]
    additional_credits: int
    additional_glh: int | None  # None when any planned unit's GLH is not stated
    objective: Objective
    note: str | None = None


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

    @property
    def unmet(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if not r.met)


# ---------------------------------------------------------------------------------------------


def describe_unit(catalogue: Catalogue, urn: str, rules: RulesOfCombination | None = None,
                  *, with_credits: bool = True) -> str:
    """``C6 (D/601/1519) Apply risk assessment to customer service, 10 credits``."""
    unit = catalogue.units.get(urn)
    number = unit_number(rules, urn)
    label = f"{number} ({urn})" if number else urn
    if unit is None:
        return label
    text = f"{label} {unit.title}"
    if with_credits:
        text += f", {unit.credits} credits" if unit.credits is not None else ", credits not stated"
    return text


def unit_number(rules: RulesOfCombination | None, urn: str) -> str | None:
    if rules is None:
        return None
    for group in rules.groups:
        for member in group.units:
            if member.urn == urn:
                return member.number
    return None


def _home_groups(rules: RulesOfCombination, held: Iterable[str]) -> dict[str, str]:
    """Where each held unit counts when no plan says otherwise: a mandatory group first."""
    home: dict[str, str] = {}
    held_set = set(held)
    for mandatory_first in (True, False):
        for group in rules.groups:
            if group.mandatory != mandatory_first:
                continue
            for member in group.units:
                if member.urn in held_set and member.urn not in home:
                    home[member.urn] = group.id
    return home


REMEMBERED_ANSWERS = 50_000
"""Checks (with their plans) remembered per process: a qualification from nothing, or from the units
a learner ticks, is asked again and again by learners, routes and cohorts."""


def check_combination(
    catalogue: Catalogue,
    qualification: Qualification,
    held: Iterable[str],
    *,
    objective: Objective = Objective.CREDITS,
) -> CombinationCheck:
    """Check ``held`` (URNs) against a qualification's rules and plan the rest."""
    held_list = list(dict.fromkeys(held))
    rules, _ = catalogue.effective_rules(qualification)
    if rules is None:
        return CombinationCheck(
            qualification=qualification, known=False, complete=False, credits_counted=0,
            credits_required=qualification.credits_required, rules=(), plan=None,
            counted_units=(), other_units=tuple(held_list), rules_from=None,
            cautions=(
                f"The sources do not give the rules of combination for {qualification.title}, "
                "so units cannot be checked against it.",
                *(point for s in qualification.rule_statements for point in s.points),
            ),
        )
    in_rules = rules.listed_units
    counted = frozenset(u for u in held_list if u in in_rules)
    others = tuple(u for u in held_list if u not in in_rules)
    base = _check_counted(catalogue, qualification.id, counted, objective)
    return dataclasses.replace(base, other_units=others) if others else base


@functools.lru_cache(maxsize=REMEMBERED_ANSWERS)
def _check_counted(catalogue: Catalogue, qualification_id: str, counted: frozenset[str],
                   objective: Objective) -> CombinationCheck:
    """The check for the units that count (remembered: see :data:`REMEMBERED_ANSWERS`)."""
    qualification = catalogue.qualifications[qualification_id]
    rules, structure = catalogue.effective_rules(qualification)
    if rules is None:  # check_combination answers these itself; this is never asked for them
        raise ValueError(f"{qualification.reference} has no rules of combination to check")


    cautions: list[str] = []
    if structure is not None:
        cautions.append(
            f"The sources do not give {qualification.title}'s own unit list. This check uses the "
            f"rules of the national structure {structure.structure_reference}, which it is "
            "inferred to follow; confirm the units with the awarding body."
        )
    incomplete = [g for g in rules.groups if not g.units_complete]
    if incomplete:
        names = ", ".join(g.id for g in incomplete)
        cautions.append(
            f"Based on the units known: the sources list only some of the units of group(s) "
            f"{names}, so other units may also count."
        )
    in_rules = rules.listed_units
    objective_used = objective
    note = None
    if objective is Objective.GLH:
        candidates = [catalogue.units[u] for u in in_rules - set(counted) if u in catalogue.units]
        if any(u.glh is None for u in candidates):
            objective_used = Objective.CREDITS
            note = ("Guided learning hours are not stated for some of these units, so the plan "
                    "uses the fewest credits instead.")
    try:
        found = search_plan(rules, catalogue.units, counted, objective=objective_used)
    except PlanningError as error:  # rules too large for the search: check them, plan nothing
        found = None
        cautions.append(f"No plan could be worked out for these rules of combination: {error}.")
    home = _home_groups(rules, counted)
    plan = None
    if found is not None:
        home.update({u: g for u, g in found.assignment.groups.items() if u in counted})
        credits = sum(u.credits for u in found.units)
        glh_values = [u.glh for u in found.units]
        plan = Plan(
            units=found.units,
            additional_credits=credits,
            additional_glh=None if any(g is None for g in glh_values) else sum(
                g for g in glh_values if g is not None),
            objective=objective_used,
            note=note,
        )
    elif incomplete:
        cautions.append("No completion can be planned from the units known.")

    results, total = _evaluate(catalogue, rules, home, plan)
    order = {m.urn: i for i, m in enumerate(m for g in rules.groups for m in g.units)}
    return CombinationCheck(
        qualification=qualification,
        known=True,
        complete=all(r.met for r in results),
        credits_counted=total,
        credits_required=rules.credits_required,
        rules=tuple(results),
        plan=plan,
        counted_units=tuple(sorted(counted, key=order.__getitem__)),
        other_units=(),
        counted_in=MappingProxyType(home),
        rules_from=structure,
        cautions=tuple(cautions),
    )


def _evaluate(
    catalogue: Catalogue, rules: RulesOfCombination, home: dict[str, str], plan: Plan | None
) -> tuple[list[RuleResult], int]:
    units = catalogue.units
    by_group: dict[str, list[Unit]] = {g.id: [] for g in rules.groups}
    for urn, group_id in home.items():
        if urn in units:
            by_group[group_id].append(units[urn])
    planned: dict[str, list[str]] = {}
    for unit in plan.units if plan else ():
        planned.setdefault(unit.group, []).append(unit.urn)

    def credits_in(group: Group, rule: CreditRule | None = None) -> int:
        total = sum(u.credits or 0 for u in by_group[group.id]
                    if rule is None or rule.counts(u))
        return min(total, group.max_credits) if group.max_credits is not None else total

    def example(groups: Sequence[Group], rule: CreditRule | None = None) -> str:
        """A unit to suggest: from the plan where it has one, else the cheapest that counts."""
        fits = [u for g in groups for u in planned.get(g.id, ())
                if rule is None or rule.counts(units[u])]
        if not fits:
            options = [units[m.urn] for g in groups for m in g.units
                       if m.urn in units and m.urn not in home and units[m.urn].credits
                       and (rule is None or rule.counts(units[m.urn]))]
            options.sort(key=lambda u: (u.credits or 0, u.glh or 0))
            fits = [u.urn for u in options[:1]]
        if not fits:
            return ""
        return ", for example " + describe_unit(catalogue, fits[0], rules)

    results: list[RuleResult] = []
    for group in rules.groups:
        name = group_name(group)
        held_here = by_group[group.id]
        if group.mandatory:
            missing = [m.urn for m in group.units if home.get(m.urn) != group.id]
            have = len(group.units) - len(missing)
            if missing:
                listed = "; ".join(describe_unit(catalogue, u, rules) for u in missing)
                message = (f"{name}: {have} of {len(group.units)} mandatory units held; "
                           f"still needed: {listed}")
            else:
                message = (f"{name}: all {len(group.units)} mandatory units held "
                           f"({count(credits_in(group), 'credit')})")
            results.append(RuleResult(f"group-{group.id}-mandatory", "mandatory", not missing,
                                      message, have, len(group.units), group.id, group.source))
        if group.min_units:
            have = len(held_here)
            met = have >= group.min_units
            if met:
                message = f"{name}: {have} unit{'s' if have != 1 else ''} held (at least " \
                          f"{group.min_units} needed)"
            elif have == 0:
                amount = "one" if group.min_units == 1 else str(group.min_units)
                message = f"{name}: no unit yet; take at least {amount}{example([group])}"
            else:
                message = (f"{name}: {have} of at least {group.min_units} units; take "
                           f"{group.min_units - have} more{example([group])}")
            results.append(RuleResult(f"group-{group.id}-units", "min-units", met, message,
                                      have, group.min_units, group.id, group.source))
        if group.min_credits and not group.mandatory:
            value = credits_in(group)
            met = value >= group.min_credits
            message = f"{name}: {value} of at least {group.min_credits} credits"
            if not met:
                message += f"; {group.min_credits - value} more needed{example([group])}"
            results.append(RuleResult(f"group-{group.id}-credits", "min-credits", met, message,
                                      value, group.min_credits, group.id, group.source))
        if group.max_credits is not None:
            raw = sum(u.credits or 0 for u in held_here)
            if raw > group.max_credits:
                message = (f"{name}: {raw} credits held, but at most {group.max_credits} count "
                           "towards the qualification")
            else:
                message = f"{name}: {raw} credits held; at most {group.max_credits} can count"
            results.append(RuleResult(f"group-{group.id}-max", "max-credits", True, message,
                                      min(raw, group.max_credits), group.max_credits, group.id,
                                      group.source))

    for rule in rules.credit_rules:
        scope = [g for g in rules.groups if rule.groups is None or g.id in rule.groups]
        value = sum(credits_in(g, rule) for g in scope)
        met = value >= rule.min_credits
        message = f"{rule.description}: {value} of {rule.min_credits} credits"
        if not met:
            short = rule.min_credits - value
            message += f"; {short} more needed{example(scope, rule)}"
            above = [u for g in scope for u in by_group[g.id]
                     if rule.level is not None and not rule.or_above and u.level is not None
                     and u.level > rule.level]
            if above:
                message += (f" (units above Level {rule.level} are not counted here: the "
                            f"document says 'at Level {rule.level}')")
        results.append(RuleResult(rule.id, "credits", met, message, value, rule.min_credits,
                                  None, rule.source))

    total = sum(credits_in(g) for g in rules.groups)
    met = total >= rules.credits_required
    message = f"Credits: {total} of {rules.credits_required} counted"
    if not met:
        message += f"; {rules.credits_required - total} more needed"
    results.append(RuleResult("total-credits", "total", met, message, total,
                              rules.credits_required, None, rules.source))
    return results, total


def resolve_units(catalogue: Catalogue, references: Sequence[str],
                  qualification: Qualification | None = None) -> list[str]:
    """URNs for unit references given as URNs or as numbers within ``qualification``."""
    within = qualification
    if qualification is not None and qualification.rules is None:
        _, structure = catalogue.effective_rules(qualification)
        within = structure or qualification
    return [catalogue.find_unit(ref, within=within).urn for ref in references if ref.strip()]
