"""Rules of combination: is a qualification achieved by these units, and what is still needed?

:func:`check_combination` returns a :class:`CombinationCheck`: every rule's state with a
plain-English message and its source, the credits that count, and the smallest completion plan.
Pages, exports and the CLI only format it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from advisor.catalogue import (
    Catalogue,
    CreditRule,
    Group,
    Qualification,
    RulesOfCombination,
    Unit,
)
from advisor.engine.combination_types import (
    Accepted,
    CombinationCheck,
    DecisionError,
    Plan,
    RuleKind,
    RuleResult,
)
from advisor.engine.planner import (
    NO_PREFERENCE,
    Objective,
    PlanningError,
    PlanPreference,
    search_plan,
)
from advisor.engine.structure_dates import rules_known_later
from advisor.engine.wording import count, group_name, listed


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
        text += f", {count(unit.credits, 'credit')}" if unit.credits is not None else (
            ", credits not stated")
    return text


def unit_number(rules: RulesOfCombination | None, urn: str) -> str | None:
    """The unit's number within the rules (``C6``), if they give it one (a unit two groups
    list: its number in the first, as :attr:`RulesOfCombination.unit_numbers` says)."""
    return (rules.unit_numbers.get(urn) or None) if rules is not None else None


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
    accepted: Iterable[Accepted] = (),
    in_progress: Iterable[str] = (),
    as_at: dt.date | None = None,
    preference: PlanPreference = NO_PREFERENCE,
) -> CombinationCheck:
    """Check ``held`` (URNs) against a qualification's rules and plan the rest.

    ``preference``: what chooses among the plans of the smallest size
    (:class:`~advisor.engine.planner.PlanPreference`): units to leave out where a plan as
    small does without them, units to take rather than others.

    ``as_at``: the rules as on that date (:meth:`Catalogue.effective_rules`): before the date
    of a national structure whose rules it borrows, they are not known, and the check says why
    (``rules_known_later``).

    ``accepted``: units of the qualification the centre accepts through recognition of prior
    learning; they count like held units, and every rule that counts one says so.
    ``in_progress``: units of the qualification the learner is studying now; they do not count
    yet, and the plan leaves them out (it is what is still needed once they are achieved). A
    unit given twice counts once: held before accepted, accepted before in progress. Raises
    :class:`DecisionError` for a unit accepted or in progress that is not part of the
    qualification.
    """
    held_list = list(dict.fromkeys(held))
    decided = {a.urn: a for a in reversed(list(accepted))}  # the first note given for a unit
    pending = list(dict.fromkeys(in_progress))
    rules, _ = catalogue.effective_rules(qualification, as_at=as_at)
    if rules is None:
        later = rules_known_later(catalogue, qualification, as_at)
        if decided or pending:
            raise DecisionError(
                f"{later.reason} So no unit can be accepted or marked in progress for it then."
                if later is not None else
                f"The sources do not list the units of {qualification.name}, so no unit can be "
                "accepted or marked in progress for it.")
        return CombinationCheck(
            qualification=qualification, known=False, complete=False, credits_counted=0,
            credits_required=qualification.credits_required, rules=(), plan=None,
            counted_units=(), other_units=tuple(held_list), rules_from=None,
            # What the sources say of its rules, if anything, is in ``rule_statements``, each
            # with its source: the answers show them beside this.
            cautions=(
                later.reason if later is not None else
                f"The sources do not list the units of {qualification.title}, so units cannot "
                "be checked against its rules of combination.",
            ),
            rules_known_later=later,
        )
    in_rules = rules.listed_units
    outside = [u for u in [*decided, *pending] if u not in in_rules]
    if outside:
        raise DecisionError(
            f"{', '.join(dict.fromkeys(outside))}: not part of {qualification.name}; only its "
            "own units can be accepted or marked in progress.")
    cautions = _overlaps(rules, held_list, decided, pending)
    held_set = set(held_list)
    accepted_list = [decided[u] for u in decided if u not in held_set]
    pending = [u for u in pending if u not in held_set and u not in decided]
    accepted_urns = frozenset(a.urn for a in accepted_list)
    counted = frozenset(u for u in held_list if u in in_rules) | accepted_urns
    others = tuple(u for u in held_list if u not in in_rules)
    # Only what the plan could take matters: a check asked with another preference about other
    # units is the same check, remembered once.
    choice = preference.within(frozenset(in_rules) - counted - frozenset(pending))
    base = _check_counted(catalogue, qualification.id, counted, objective, accepted_urns,
                          frozenset(pending), choice)
    if not (others or accepted_list or pending or cautions):
        return base
    order = _rules_order(rules)
    return dataclasses.replace(
        base, other_units=others, accepted=tuple(sorted(accepted_list, key=lambda a: order[a.urn])),
        in_progress=tuple(sorted(pending, key=order.__getitem__)),
        cautions=(*base.cautions, *cautions))


def _rules_order(rules: RulesOfCombination) -> dict[str, int]:
    """Each listed unit's place in the rules (a unit two groups list: its first place, as
    :attr:`RulesOfCombination.units_in_order` gives it)."""
    return {urn: i for i, urn in enumerate(rules.units_in_order)}


def _overlaps(rules: RulesOfCombination, held: Sequence[str], accepted: Iterable[str],
              in_progress: Sequence[str]) -> list[str]:
    """A caution for each unit given in two states, saying which one counts."""
    held_set, accepted_set = set(held), set(accepted)
    cautions = []
    for urn in sorted(accepted_set & held_set):
        cautions.append(f"{unit_number(rules, urn) or urn} is given as achieved and as accepted "
                        "by the centre: it counts as achieved.")
    for urn in in_progress:
        if urn in held_set or urn in accepted_set:
            state = "achieved" if urn in held_set else "accepted by the centre"
            cautions.append(f"{unit_number(rules, urn) or urn} is given as {state} and as in "
                            f"progress: it counts as {state}.")
    return cautions


@functools.lru_cache(maxsize=REMEMBERED_ANSWERS)
def _check_counted(catalogue: Catalogue, qualification_id: str, counted: frozenset[str],
                   objective: Objective, accepted: frozenset[str] = frozenset(),
                   in_progress: frozenset[str] = frozenset(),
                   preference: PlanPreference = NO_PREFERENCE) -> CombinationCheck:
    """The check for the units that count (remembered: see :data:`REMEMBERED_ANSWERS`);
    ``accepted`` is a part of ``counted``, and ``in_progress`` units are planned as held but do
    not count."""
    qualification = catalogue.qualifications[qualification_id]
    rules, structure = catalogue.effective_rules(qualification)
    if rules is None:  # check_combination answers these itself; this is never asked for them
        raise RuntimeError(f"{qualification.reference} has no rules of combination to check")
    cautions: list[str] = []
    followed = catalogue.structure_followed(qualification)
    if structure is not None:
        how = "is inferred to follow" if followed is None or followed[1] else "follows"
        cautions.append(
            f"The sources do not give {qualification.title}'s own unit list. This check uses the "
            f"rules of the national structure {structure.structure_reference}, which it {how}; "
            "confirm the units with the awarding body."
        )
    incomplete = [g for g in rules.groups if not g.units_complete]
    if incomplete:
        groups = "group" if len(incomplete) == 1 else "groups"
        cautions.append(
            f"Based on the units known: the sources list only some of the units of {groups} "
            f"{listed([g.id for g in incomplete], 'and')}, so other units may also count."
        )
    order = _rules_order(rules)
    if in_progress:
        names = ", ".join(unit_number(rules, u) or u for u in sorted(in_progress,
                                                                      key=order.__getitem__))
        cautions.append(f"Units in progress ({names}) do not count yet. The plan leaves them "
                        "out: it is what is still needed once they are achieved.")
    in_rules = rules.listed_units
    planned_as_held = counted | in_progress
    objective_used = objective
    note = None
    if objective is Objective.GLH:
        candidates = [catalogue.units[u] for u in in_rules - planned_as_held
                      if u in catalogue.units]
        if any(u.glh is None for u in candidates):
            objective_used = Objective.CREDITS
            note = ("Guided learning hours are not stated for some of these units, so the plan "
                    "uses the fewest credits instead.")
    no_plan_reason = None
    try:
        found = search_plan(rules, catalogue.units, planned_as_held, objective=objective_used,
                            preference=preference)
    except PlanningError as error:  # rules too large for the search: check them, plan nothing
        found = None
        no_plan_reason = f"No plan could be worked out for these rules of combination: {error}."
    home = _home_groups(rules, counted)
    pending = _home_groups(rules, in_progress)
    plan = None
    if found is not None:
        home.update({u: g for u, g in found.assignment.groups.items() if u in counted})
        pending.update({u: g for u, g in found.assignment.groups.items() if u in in_progress})
        credits = sum(u.credits for u in found.units)
        glh_values = [u.glh for u in found.units]
        plan = Plan(
            units=found.units,
            additional_credits=credits,
            additional_glh=None if any(g is None for g in glh_values) else sum(
                g for g in glh_values if g is not None),
            objective=objective_used,
            note=note,
            preference=preference,
        )
    elif no_plan_reason is None:
        no_plan_reason = (
            "No completion can be planned from the units the sources list: they give only some "
            "of its units, so ask the centre which units it offers." if incomplete else
            "No combination of the units its rules list can complete it.")

    # A unit counted or planned whose figures the sources leave uncertain (CS 36's): said
    used = [*sorted(counted, key=order.__getitem__), *(u.urn for u in (plan.units if plan else ()))]
    cautions += [f"{unit_number(rules, u) or u} ({u}): {catalogue.units[u].caveat}"
                 for u in used if u in catalogue.units and catalogue.units[u].caveat]
    results, total = _evaluate(catalogue, rules, home, plan,
                               _Decisions(accepted=accepted, in_progress=pending))
    complete = all(r.met for r in results)
    return CombinationCheck(
        qualification=qualification,
        known=True,
        complete=complete,
        credits_counted=total,
        credits_required=rules.credits_required,
        rules=tuple(results),
        plan=plan,
        counted_units=tuple(sorted(counted, key=order.__getitem__)),
        other_units=(),
        counted_in=MappingProxyType(home),
        rules_from=structure,
        cautions=tuple(cautions),
        no_plan_reason=None if complete else no_plan_reason,
        listed_in_full=not incomplete,
    )


@dataclass(frozen=True, kw_only=True)
class _Decisions:
    """The centre's decisions a rule message names: the counted units it accepted, and the
    units in progress with the group each would count in."""

    accepted: frozenset[str] = frozenset()
    in_progress: Mapping[str, str] = field(default_factory=dict)


def _evaluate(
    catalogue: Catalogue, rules: RulesOfCombination, home: Mapping[str, str], plan: Plan | None,
    decisions: _Decisions | None = None,
) -> tuple[list[RuleResult], int]:
    """Every rule's result, in rules order (each group's rules, the credit rules, the total),
    and the credits that count."""
    evaluation = _Evaluation(catalogue, rules, home, plan, decisions or _Decisions())
    results: list[RuleResult] = []
    for group in rules.groups:
        results += [evaluation.noted(r, [group]) for r in evaluation.group_rules(group)]
    for rule in rules.credit_rules:
        scope = [g for g in rules.groups if rule.groups is None or g.id in rule.groups]
        results.append(evaluation.noted(evaluation.credit_rule(rule), scope, rule))
    total = evaluation.total()
    return [*results, evaluation.noted(total, rules.groups)], total.counted or 0


class _Evaluation:
    """Where a learner stands against each rule of one rule set, with the units held counted in
    the groups ``home`` gives and the plan's units as suggestions."""

    def __init__(self, catalogue: Catalogue, rules: RulesOfCombination,
                 home: Mapping[str, str], plan: Plan | None, decisions: _Decisions) -> None:
        self.catalogue, self.rules, self.home = catalogue, rules, home
        self.decisions = decisions
        units = catalogue.units
        self.by_group: dict[str, list[Unit]] = {g.id: [] for g in rules.groups}
        for urn, group_id in home.items():
            if urn in units:
                self.by_group[group_id].append(units[urn])
        self.planned: dict[str, list[str]] = {}
        for unit in plan.units if plan else ():
            self.planned.setdefault(unit.group, []).append(unit.urn)

    def noted(self, result: RuleResult, groups: Sequence[Group],
              rule: CreditRule | None = None) -> RuleResult:
        """``result`` naming the units it counts that the centre accepted, and the units in
        progress it would count, if any."""
        decisions = self.decisions
        if not decisions.accepted and not decisions.in_progress:
            return result
        units = self.catalogue.units
        ids = {g.id for g in groups}
        members = list(dict.fromkeys(m.urn for g in groups for m in g.units))

        def counts(urn: str) -> bool:
            return rule is None or (urn in units and rule.counts(units[urn]))

        accepted = tuple(u for u in members if u in decisions.accepted
                         and self.home.get(u) in ids and counts(u))
        pending = tuple(u for u in members if decisions.in_progress.get(u) in ids and counts(u))
        if not accepted and not pending:
            return result
        message = result.message
        if accepted:
            message += "; accepted by the centre: " + self.numbers(accepted)
        if pending:
            message += "; in progress: " + self.numbers(pending)
        return dataclasses.replace(result, message=message, accepted=accepted,
                                   in_progress=pending)

    def numbers(self, urns: Iterable[str]) -> str:
        """``C6, D1``; a bare number reads ``unit 1``."""
        names = [unit_number(self.rules, u) or u for u in urns]
        return ", ".join(f"unit {n}" if n.isdigit() else n for n in names)

    def credits_in(self, group: Group, rule: CreditRule | None = None) -> int:
        """Credits counted in a group (towards ``rule``, if given), capped at its maximum."""
        total = sum(u.credits or 0 for u in self.by_group[group.id]
                    if rule is None or rule.counts(u))
        return min(total, group.max_credits) if group.max_credits is not None else total

    def example(self, groups: Sequence[Group], rule: CreditRule | None = None,
                credits: int = 0) -> str:
        """A unit to suggest: from the plan where it has one, else the cheapest that counts;
        where it has fewer than the ``credits`` needed, other units are said to be needed too."""
        units = self.catalogue.units
        fits = [u for g in groups for u in self.planned.get(g.id, ())
                if rule is None or rule.counts(units[u])]
        if not fits and any(self.decisions.in_progress.get(m.urn) == g.id
                            for g in groups for m in g.units):
            return ""  # the units in progress are what the plan counts on here
        if not fits:
            options = [units[m.urn] for g in groups for m in g.units
                       if m.urn in units and m.urn not in self.home
                       and m.urn not in self.decisions.in_progress and units[m.urn].credits
                       and (rule is None or rule.counts(units[m.urn]))]
            options.sort(key=lambda u: (u.credits or 0, u.glh or 0))
            fits = [u.urn for u in options[:1]]
        if not fits:
            return ""
        short = credits - (units[fits[0]].credits or 0)
        return ", for example " + describe_unit(self.catalogue, fits[0], self.rules) + (
            f", with other units for the other {count(short, 'credit')}" if short > 0 else "")

    def group_rules(self, group: Group) -> list[RuleResult]:
        """The rules a group sets: all its units (mandatory), a number of units, a number of
        credits, and the most credits that count."""
        found = []
        if group.mandatory:
            found.append(self.mandatory(group))
        if group.min_units:
            found.append(self.min_units(group, group.min_units))
        if group.min_credits and not group.mandatory:
            found.append(self.min_credits(group, group.min_credits))
        if group.max_credits is not None:
            found.append(self.max_credits(group, group.max_credits))
        return found

    def mandatory(self, group: Group) -> RuleResult:
        name = group_name(group)
        missing = [m.urn for m in group.units if self.home.get(m.urn) != group.id]
        have = len(group.units) - len(missing)
        if missing:
            listed = "; ".join(describe_unit(self.catalogue, u, self.rules) for u in missing)
            message = (f"{name}: {have} of {len(group.units)} mandatory units held; "
                       f"still needed: {listed}")
        else:
            message = (f"{name}: all {len(group.units)} mandatory units held "
                       f"({count(self.credits_in(group), 'credit')})")
        return RuleResult(f"group-{group.id}-mandatory", RuleKind.MANDATORY, not missing,
                          message, have, len(group.units), group.id, group.source)

    def min_units(self, group: Group, needed: int) -> RuleResult:
        name = group_name(group)
        have = len(self.by_group[group.id])
        met = have >= needed
        if met:
            message = f"{name}: {count(have, 'unit')} held (at least {needed} needed)"
        elif have == 0:
            amount = "one" if needed == 1 else str(needed)
            message = f"{name}: no unit yet; take at least {amount}{self.example([group])}"
        else:
            message = (f"{name}: {have} of at least {needed} units; take "
                       f"{needed - have} more{self.example([group])}")
        return RuleResult(f"group-{group.id}-units", RuleKind.MIN_UNITS, met, message,
                          have, needed, group.id, group.source)

    def min_credits(self, group: Group, needed: int) -> RuleResult:
        value = self.credits_in(group)
        met = value >= needed
        message = f"{group_name(group)}: {value} of at least {needed} credits"
        if not met:
            short = needed - value
            message += f"; {short} more needed{self.example([group], None, short)}"
        return RuleResult(f"group-{group.id}-credits", RuleKind.MIN_CREDITS, met, message,
                          value, needed, group.id, group.source)

    def max_credits(self, group: Group, most: int) -> RuleResult:
        name = group_name(group)
        raw = sum(u.credits or 0 for u in self.by_group[group.id])
        if raw > most:
            message = f"{name}: {raw} credits held, but at most {most} count"
        else:
            message = f"{name}: {raw} credits held; at most {most} can count"
        return RuleResult(f"group-{group.id}-max", RuleKind.MAX_CREDITS, True, message,
                          min(raw, most), most, group.id, group.source)

    def credit_rule(self, rule: CreditRule) -> RuleResult:
        scope = [g for g in self.rules.groups if rule.groups is None or g.id in rule.groups]
        value = sum(self.credits_in(g, rule) for g in scope)
        met = value >= rule.min_credits
        message = (f"{rule.description}: met, with {value} credits" if value > rule.min_credits
                   else f"{rule.description}: {value} of {rule.min_credits} credits")
        if not met:
            short = rule.min_credits - value
            message += f"; {short} more needed{self.example(scope, rule, short)}"
            above = [u for g in scope for u in self.by_group[g.id]
                     if rule.level is not None and not rule.or_above and u.level is not None
                     and u.level > rule.level]
            if above and rule.level is not None:
                message += (f" (units above Level {rule.level} are not counted here: the "
                            f"document says 'at Level {rule.level}', not 'or above'; ask the "
                            "awarding body whether a higher-level unit counts)")
                return RuleResult(rule.id, RuleKind.CREDITS, met, message, value,
                                  rule.min_credits, None, rule.source, above_level=(
                                      rule.level, sum(u.credits or 0 for u in above)))
        return RuleResult(rule.id, RuleKind.CREDITS, met, message, value, rule.min_credits,
                          None, rule.source)

    def total(self) -> RuleResult:
        required = self.rules.credits_required
        total = sum(self.credits_in(g) for g in self.rules.groups)
        met = total >= required
        message = f"Credits: {total} counted, {required} needed" if total > required else \
            f"Credits: {total} of {required} counted"
        if not met:
            message += f"; {required - total} more needed"
        return RuleResult("total-credits", RuleKind.TOTAL, met, message, total, required, None,
                          self.rules.source)
