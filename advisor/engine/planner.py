"""The smallest completion plan: an exact search over the rules of combination.

Given the rules of a qualification and the units a learner holds, find the set of further units
with the fewest additional credits (ties: fewest guided learning hours where known, then fewest
units) whose addition achieves the qualification, or prove that none exists.

A :class:`PlanPreference` chooses among the plans of that smallest size, before the hours: the
fewest units to ``avoid`` (those a source says are assessed in a particular job, for a learner
not working), then the least of the plan's size in units not leaned ``towards`` (those a
route's next step counts too). It never makes a plan bigger by the objective (the other
measure may grow). The costs are one integer per unit, each measure weighted above the sum of
every measure below it over all the units the rules list, so the order is strictly
lexicographic and the search stays exact.

How it works. Mandatory groups need every unit, so their contribution is fixed and is taken off
each credit rule's threshold up front. What remains is a covering problem over the optional
units, solved exactly by dynamic programming: units are visited group by group, and the state is
the credit counted so far towards each remaining rule (capped at the rule's threshold, since more
never helps) plus the current group's own counters (units taken, credits for the group's
minimum, credits towards a capped group's maximum). Each state keeps the cheapest way to reach it.
States are dense numpy arrays, so each unit costs a handful of vectorised operations. Afterwards
a backward pass over the stored arrays recovers which units were taken.

Counting follows the documents: a unit counts once, however many groups list it (a unit listed in
several groups is tried in each in turn); credits above a group's maximum do not count towards
any total; a rule "at least N credits at level L" counts the credits of units at that level (or
above, where the rule says so), within the cap of the group they count in.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from advisor.catalogue import CreditRule, Group, RulesOfCombination, Unit

INF = np.int64(1 << 60)
_MAX_COST = 1 << 58  # the most a whole plan's weighted cost may be: INF stays above any sum
_MAX_ASSIGNMENTS = 4096
_MAX_STATES = 2_000_000


class Objective(StrEnum):
    CREDITS = "credits"  # fewest additional credits, then fewest hours, then fewest units
    GLH = "glh"  # fewest additional guided learning hours, then credits, then units


class PlanningError(ValueError):
    """The rules are too large or too tangled for an exact answer."""


@dataclass(frozen=True, kw_only=True)
class PlanPreference:
    """What chooses among plans of the same smallest size (see the module's description):
    ``avoid``, URNs to take only where every plan of that size needs one; ``towards``, URNs to
    take rather than others of the same size. Neither makes a plan bigger by the objective."""

    avoid: frozenset[str] = frozenset()
    towards: frozenset[str] = frozenset()

    def within(self, urns: frozenset[str]) -> PlanPreference:
        """The same preference about ``urns`` only: plans for which the rest makes no
        difference are then asked for, and remembered, as one."""
        return PlanPreference(avoid=self.avoid & urns, towards=self.towards & urns)


NO_PREFERENCE = PlanPreference()


@dataclass(frozen=True)
class PlanUnit:
    urn: str
    group: str
    credits: int
    glh: int | None


@dataclass(frozen=True)
class Assignment:
    """Which group each counted unit counts in."""

    groups: Mapping[str, str]  # urn -> group id


@dataclass(frozen=True)
class SearchResult:
    units: tuple[PlanUnit, ...]  # the units to add, in rules order
    assignment: Assignment  # for held and added units alike


# ---------------------------------------------------------------------------------------------
# The public entry point
# ---------------------------------------------------------------------------------------------


def search_plan(
    rules: RulesOfCombination,
    units: Mapping[str, Unit],
    held: Iterable[str],
    *,
    objective: Objective = Objective.CREDITS,
    preference: PlanPreference = NO_PREFERENCE,
) -> SearchResult | None:
    """The cheapest set of further units that achieves ``rules``, or None if none exists;
    among the cheapest, the one ``preference`` chooses (see the module's description).

    Units whose credit value is unknown are never proposed (a plan must be countable), but a
    held one still counts as a unit towards a group's minimum number of units.
    """
    held_set = frozenset(held)
    listed = dict.fromkeys(m.urn for g in rules.groups for m in g.units)
    costing = _Costing([units[u] for u in listed if u in units], objective, preference)
    counts_in = memberships(rules)
    shared = [urn for urn, groups in counts_in.items() if len(groups) > 1]
    choices = [counts_in[urn] for urn in shared]
    if too_many_assignments(counts_in):
        raise PlanningError(
            f"{len(shared)} units are listed in more than one group; too many ways to count them"
        )
    best: tuple[int, SearchResult] | None = None
    for picks in itertools.product(*choices) if shared else [()]:
        home = {urn: groups[0] for urn, groups in counts_in.items()}
        home.update(zip(shared, picks, strict=True))
        found = _search_one(rules, units, held_set, home, costing)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return None if best is None else best[1]


def listed_in(rules: RulesOfCombination) -> dict[str, list[str]]:
    """The groups that list each unit, in the order the rules give them."""
    groups: dict[str, list[str]] = {}
    for group in rules.groups:
        for member in group.units:
            listed = groups.setdefault(member.urn, [])
            if group.id not in listed:
                listed.append(group.id)
    return groups


def memberships(rules: RulesOfCombination) -> dict[str, list[str]]:
    """The groups each listed unit can count in. A unit counts in one group only, and a
    mandatory group needs its units counted in it, so a unit that a mandatory group lists can
    count nowhere else."""
    mandatory = {g.id for g in rules.groups if g.mandatory}
    counts_in = listed_in(rules)
    for urn, groups in counts_in.items():
        required = [g for g in groups if g in mandatory]
        if required:
            counts_in[urn] = required
    return counts_in


def too_many_assignments(counts_in: Mapping[str, list[str]]) -> bool:
    """Whether the units of ``counts_in`` (see :func:`memberships`) can be counted in more ways
    than the search tries (:class:`PlanningError` is raised for such rules)."""
    count = 1
    for groups in counts_in.values():
        count *= len(groups)
        if count > _MAX_ASSIGNMENTS:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# One assignment of units to groups
# ---------------------------------------------------------------------------------------------


class _Costing:
    """Each unit's cost as one integer: the measures, most important first (the objective's
    size, 1 for a unit to avoid, the size again for a unit not leaned towards, the other
    measure, 1 for the unit), each weighted above the most that every measure below it can add
    up to over ``listed``, the units the rules list (see the module's description)."""

    def __init__(self, listed: Sequence[Unit], objective: Objective,
                 preference: PlanPreference) -> None:
        self.objective = objective
        self.preference = preference
        self.weights: list[int] = []
        weight = 1
        totals = [sum(column) for column in zip(*(self.measures(u) for u in listed), strict=True)]
        for total in reversed(totals or [0] * 5):
            self.weights.insert(0, weight)
            weight *= total + 1
        if weight > _MAX_COST:
            raise PlanningError("these rules list too many units, or too large ones, to weigh "
                                "a plan exactly")
        self._costs = {u.urn: self._weigh(u) for u in listed}  # each asked for again and again

    def measures(self, unit: Unit) -> tuple[int, int, int, int, int]:
        credits, glh = unit.credits or 0, unit.glh or 0
        size, other = (glh, credits) if self.objective is Objective.GLH else (credits, glh)
        towards = self.preference.towards
        return (size, int(unit.urn in self.preference.avoid),
                0 if not towards or unit.urn in towards else size, other, 1)

    def cost(self, unit: Unit) -> int:
        found = self._costs.get(unit.urn)
        return found if found is not None else self._weigh(unit)

    def _weigh(self, unit: Unit) -> int:
        return sum(m * w for m, w in zip(self.measures(unit), self.weights, strict=True))


@dataclass
class _Rule:
    """A credit threshold over some groups: the total, or one of the credit rules."""

    threshold: int
    groups: frozenset[str]
    credit_rule: CreditRule | None  # None: the total, which every unit counts towards

    def counts(self, unit: Unit) -> bool:
        return self.credit_rule is None or self.credit_rule.counts(unit)


def _prepare_rules(rules: RulesOfCombination, group_ids: Sequence[str]) -> list[_Rule]:
    prepared = [_Rule(rules.credits_required, frozenset(group_ids), None)]
    for rule in rules.credit_rules:
        prepared.append(_from_credit_rule(rule, group_ids))
    return prepared


def _from_credit_rule(rule: CreditRule, group_ids: Sequence[str]) -> _Rule:
    scope = frozenset(rule.groups) if rule.groups is not None else frozenset(group_ids)
    return _Rule(rule.min_credits, scope, rule)


def _group_total(group: Group, members: Sequence[Unit], rule: _Rule | None) -> int:
    total = sum(u.credits or 0 for u in members if rule is None or rule.counts(u))
    return min(total, group.max_credits) if group.max_credits is not None else total


def _search_one(
    rules: RulesOfCombination,
    units: Mapping[str, Unit],
    held: frozenset[str],
    home: Mapping[str, str],
    costing: _Costing,
) -> tuple[int, SearchResult] | None:
    group_ids = [g.id for g in rules.groups]
    prepared = _prepare_rules(rules, group_ids)
    members_of: dict[str, list[Unit]] = {g.id: [] for g in rules.groups}
    for group in rules.groups:
        for member in group.units:
            if home[member.urn] == group.id and member.urn in units:
                members_of[group.id].append(units[member.urn])

    fixed_units: list[PlanUnit] = []
    fixed_cost = 0
    optional_groups: list[Group] = []
    for group in rules.groups:
        members = members_of[group.id]
        if not group.mandatory:
            optional_groups.append(group)
            continue
        if any(home[m.urn] != group.id for m in group.units):
            return None  # one of its units is counted in another mandatory group
        # Every unit of a mandatory group is needed: add the missing ones, count the group once.
        for unit in members:
            if unit.urn not in held:
                if unit.credits is None:
                    return None  # a needed unit whose credit we cannot count
                fixed_units.append(PlanUnit(unit.urn, group.id, unit.credits, unit.glh))
                fixed_cost += costing.cost(unit)
        if group.min_units is not None and len(members) < group.min_units:
            return None
        if group.min_credits is not None and _group_total(group, members, None) < group.min_credits:
            return None
        for rule in prepared:
            if group.id in rule.groups:
                rule.threshold -= _group_total(group, members, rule)

    # Rules already met by the mandatory units drop out; rules over the same groups at the same
    # level are one constraint with the larger threshold.
    merged: dict[tuple[frozenset[str], int | None, bool], _Rule] = {}
    for rule in prepared:
        scope = rule.groups & {g.id for g in optional_groups}
        if rule.threshold <= 0:
            continue
        if not scope:
            return None  # only mandatory groups count here, and they are not enough
        level = rule.credit_rule.level if rule.credit_rule is not None else None
        key = (scope, level, level is not None and rule.credit_rule is not None
               and rule.credit_rule.or_above)
        if key not in merged or merged[key].threshold < rule.threshold:
            merged[key] = _Rule(rule.threshold, scope, rule.credit_rule)
    remaining = list(merged.values())

    search = _Search(remaining, costing)
    for group in optional_groups:
        search.visit_group(group, members_of[group.id], held)
    found = search.finish()
    if found is None:
        return None
    cost, chosen = found
    added = tuple(fixed_units) + tuple(chosen)
    order = {urn: i for i, urn in enumerate(m.urn for g in rules.groups for m in g.units)}
    added = tuple(sorted(added, key=lambda u: order.get(u.urn, 0)))
    assignment = Assignment(
        {urn: home[urn] for urn in home if urn in held or any(u.urn == urn for u in added)}
    )
    return cost + fixed_cost, SearchResult(added, assignment)


# ---------------------------------------------------------------------------------------------
# The dynamic programme
# ---------------------------------------------------------------------------------------------


def _saturating_shift(array: np.ndarray, axis: int, step: int) -> np.ndarray:
    """Move every value ``step`` places up ``axis``; what passes the top piles up there.

    Indexes ``axis`` in place rather than moving it first (``np.moveaxis``): the arrays are
    small, so numpy's per-call overhead is most of the cost, and this is called for every unit
    of every plan.
    """
    if step == 0:
        return array
    size = array.shape[axis]
    before = (slice(None),) * axis
    out = np.full_like(array, INF)
    if step >= size - 1:
        out[(*before, size - 1)] = array.min(axis=axis)
    else:
        out[(*before, slice(step, size - 1))] = array[(*before, slice(0, size - 1 - step))]
        out[(*before, size - 1)] = array[(*before, slice(size - 1 - step, None))].min(axis=axis)
    return out


@dataclass
class _UnitStep:
    unit: Unit
    group: str
    forced: bool  # a held unit: always in, at no cost
    before: np.ndarray
    after: np.ndarray
    deltas: dict[int, int]  # axis -> increment
    cost: int


@dataclass
class _OpenStep:
    n_global: int  # the group's local axes start here, all at zero


@dataclass
class _CloseStep:
    before: np.ndarray  # with the group's local axes
    after: np.ndarray  # without them
    n_global: int
    local_caps: list[int]
    valid: np.ndarray  # bool over the local axes: which local states meet the group's own rules
    flush: list[tuple[int, list[int]]]  # (local axis, global axes it feeds)


class _Search:
    def __init__(self, rules: list[_Rule], costing: _Costing) -> None:
        self.rules = rules
        self.costing = costing
        self.n_global = len(rules)
        self.costs = np.full([r.threshold + 1 for r in rules] or [1], INF, dtype=np.int64)
        if not rules:
            self.costs = self.costs.reshape(())
        self.costs[(0,) * self.n_global] = 0
        self.steps: list[_UnitStep | _OpenStep | _CloseStep] = []

    # -- forward ------------------------------------------------------------------------------

    def visit_group(self, group: Group, members: Sequence[Unit], held: frozenset[str]) -> None:
        feeds = [i for i, r in enumerate(self.rules) if group.id in r.groups]
        capped = group.max_credits is not None
        candidates = [u for u in members if u.urn in held or u.credits is not None]
        if not candidates and not group.min_units and not group.min_credits:
            return

        # Local axes: [units taken] [credits for the group minimum] [one per capped rule feed]
        local_caps: list[int] = []
        unit_axis = credit_axis = None
        if group.min_units:
            unit_axis = self.n_global + len(local_caps)
            local_caps.append(group.min_units)
        if group.min_credits:
            credit_axis = self.n_global + len(local_caps)
            limit = group.min_credits
            cap = group.max_credits if capped else None
            local_caps.append(min(limit, cap) if cap is not None else limit)
        flush: list[tuple[int, list[int]]] = []
        feed_axis: dict[int, int] = {}
        if capped:
            top = group.max_credits or 0  # capped: the group has a maximum
            for rule_index in feeds:
                axis = self.n_global + len(local_caps)
                local_caps.append(min(top, self.rules[rule_index].threshold))
                feed_axis[rule_index] = axis
                flush.append((axis, [rule_index]))

        if len(local_caps) + self.n_global == 0:
            costs = self.costs
        else:
            size = self.costs.size * int(np.prod([c + 1 for c in local_caps] or [1]))
            if size > _MAX_STATES:
                raise PlanningError("these rules of combination have too many states to search")
            costs = np.full(self.costs.shape + tuple(c + 1 for c in local_caps), INF, np.int64)
            costs[(...,) + (0,) * len(local_caps)] = self.costs
            self.steps.append(_OpenStep(self.n_global))

        for unit in candidates:
            forced = unit.urn in held
            credits = unit.credits or 0
            deltas: dict[int, int] = {}
            if unit_axis is not None:
                deltas[unit_axis] = 1
            if credit_axis is not None and credits:
                deltas[credit_axis] = credits
            for rule_index in feeds:
                if credits and self.rules[rule_index].counts(unit):
                    axis = feed_axis.get(rule_index, rule_index)
                    deltas[axis] = credits
            taken = costs
            for axis, step in deltas.items():
                taken = _saturating_shift(taken, axis, step)
            cost = 0 if forced else self.costing.cost(unit)
            if cost:
                taken = np.minimum(taken + cost, INF)
            after = taken if forced else np.minimum(costs, taken)
            self.steps.append(_UnitStep(unit, group.id, forced, costs, after, deltas, cost))
            costs = after

        if not local_caps:
            self.costs = costs
            return
        valid = np.ones([c + 1 for c in local_caps], dtype=bool)
        for minimum_axis, need in ((unit_axis, group.min_units), (credit_axis, group.min_credits)):
            if minimum_axis is None or not need:
                continue
            local = minimum_axis - self.n_global
            index = [slice(None)] * len(local_caps)
            required = min(need, local_caps[local])
            if capped and group.max_credits is not None and minimum_axis == credit_axis and (
                need > group.max_credits
            ):
                required = local_caps[local] + 1  # impossible
            index[local] = slice(0, required)
            valid[tuple(index)] = False
        masked = np.where(valid, costs, INF)
        closed = self._close(masked, local_caps, flush)
        self.steps.append(_CloseStep(costs, closed, self.n_global, local_caps, valid, flush))
        self.costs = closed

    def _close(self, costs: np.ndarray, local_caps: list[int],
               flush: list[tuple[int, list[int]]]) -> np.ndarray:
        """Fold a group's capped credit counters into the rules, then drop its local axes."""
        result = costs
        for axis, targets in sorted(flush, reverse=True):
            size = result.shape[axis]
            folded = np.full(np.delete(np.array(result.shape), axis), INF, np.int64)
            for value in range(size):
                part = np.take(result, value, axis=axis)
                for target in targets:
                    part = _saturating_shift(part, target, value)
                folded = np.minimum(folded, part)
            result = folded
        # The remaining local axes (units taken, group credits) have done their job.
        while result.ndim > self.n_global:
            result = result.min(axis=-1)
        return result

    def finish(self) -> tuple[int, list[PlanUnit]] | None:
        goal = tuple(r.threshold for r in self.rules)
        best = int(self.costs[goal]) if self.n_global else int(self.costs)
        if best >= INF:
            return None
        return best, self._trace(goal)

    # -- backward -----------------------------------------------------------------------------

    def _trace(self, goal: tuple[int, ...]) -> list[PlanUnit]:
        state = goal
        chosen: list[PlanUnit] = []
        for step in reversed(self.steps):
            if isinstance(step, _CloseStep):
                state = self._undo_close(step, state)
                continue
            if isinstance(step, _OpenStep):
                state = state[: step.n_global]
                continue
            target = step.after[state]
            if not step.forced and step.before[state] == target:
                continue  # the unit was not taken
            state = self._undo_take(step, state, target)
            if not step.forced:
                credits = step.unit.credits or 0
                chosen.append(PlanUnit(step.unit.urn, step.group, credits, step.unit.glh))
        chosen.reverse()
        return chosen

    @staticmethod
    def _predecessors(value: int, step: int, top: int) -> range:
        if value < top:
            return range(value - step, value - step + 1) if value - step >= 0 else range(0)
        return range(max(0, top - step), top + 1)

    def _undo_take(self, step: _UnitStep, state: tuple[int, ...], target: int) -> tuple[int, ...]:
        shape = step.before.shape
        options = []
        for axis, value in enumerate(state):
            delta = step.deltas.get(axis, 0)
            options.append(self._predecessors(value, delta, shape[axis] - 1) if delta
                           else range(value, value + 1))
        for candidate in itertools.product(*options):
            if step.before[candidate] + step.cost == target:
                return candidate
        raise AssertionError("planner trace lost its way")  # pragma: no cover

    def _undo_close(self, step: _CloseStep, state: tuple[int, ...]) -> tuple[int, ...]:
        target = step.after[state] if state else step.after[()]
        local_ranges = [range(c + 1) for c in step.local_caps]
        fed: dict[int, int] = {}
        for local in itertools.product(*local_ranges):
            if not step.valid[local]:
                continue
            fed = {}
            for axis, targets in step.flush:
                for t in targets:
                    fed[t] = fed.get(t, 0) + local[axis - step.n_global]
            options = []
            for axis, value in enumerate(state):
                add = fed.get(axis, 0)
                top = step.before.shape[axis] - 1
                options.append(self._predecessors(value, add, top) if add
                               else range(value, value + 1))
            for glob in itertools.product(*options):
                full = tuple(glob) + tuple(local)
                if step.before[full] == target:
                    return tuple(glob) + tuple(local)
        raise AssertionError("planner trace lost its way at a group")  # pragma: no cover
