"""A slow, obviously correct reference for the planner, used by the property tests."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from advisor import RulesOfCombination, Unit


def achieves(rules: RulesOfCombination, units: Mapping[str, Unit], have: frozenset[str]) -> bool:
    """Whether ``have`` achieves ``rules``, trying every way of counting shared units."""
    memberships: dict[str, list[str]] = {}
    for group in rules.groups:
        for member in group.units:
            if member.urn in have:
                memberships.setdefault(member.urn, []).append(group.id)
    urns = list(memberships)
    for picks in itertools.product(*(memberships[u] for u in urns)):
        home = dict(zip(urns, picks, strict=True))
        if _achieves_with(rules, units, home):
            return True
    return False


def _achieves_with(rules, units, home) -> bool:
    by_group = {g.id: [units[u] for u, gid in home.items() if gid == g.id] for g in rules.groups}

    def counted(group, predicate) -> int:
        total = sum(u.credits or 0 for u in by_group[group.id] if predicate(u))
        return min(total, group.max_credits) if group.max_credits is not None else total

    for group in rules.groups:
        members = by_group[group.id]
        if group.mandatory and any(m.urn not in home or home[m.urn] != group.id
                                   for m in group.units):
            return False
        if group.min_units is not None and len(members) < group.min_units:
            return False
        if group.min_credits is not None and counted(group, lambda u: True) < group.min_credits:
            return False
    total = sum(counted(g, lambda u: True) for g in rules.groups)
    if total < rules.credits_required:
        return False
    for rule in rules.credit_rules:
        scope = set(rule.groups) if rule.groups is not None else {g.id for g in rules.groups}

        def at_level(u, rule=rule) -> bool:
            if rule.level is None:
                return True
            if u.level is None:
                return False
            return u.level >= rule.level if rule.or_above else u.level == rule.level

        value = sum(counted(g, at_level) for g in rules.groups if g.id in scope)
        if value < rule.min_credits:
            return False
    return True


def cheapest(rules, units, held: frozenset[str]):
    """(credits, glh, count) of the cheapest completion by exhaustive search, or None."""
    candidates = sorted({m.urn for g in rules.groups for m in g.units} - held)
    candidates = [u for u in candidates if units[u].credits is not None]
    best = None
    for size in range(len(candidates) + 1):
        for combo in itertools.combinations(candidates, size):
            have = held | frozenset(combo)
            if achieves(rules, units, have):
                key = (sum(units[u].credits for u in combo),
                       sum(units[u].glh or 0 for u in combo), size)
                if best is None or key < best:
                    best = key
    return best


def cheapest_by(rules, units, held: frozenset[str], key):
    """The least ``key(combo)`` over every completion ``combo`` (a tuple of URNs), or None."""
    candidates = sorted({m.urn for g in rules.groups for m in g.units} - held)
    candidates = [u for u in candidates if units[u].credits is not None]
    best = None
    for size in range(len(candidates) + 1):
        for combo in itertools.combinations(candidates, size):
            if achieves(rules, units, held | frozenset(combo)):
                found = key(combo)
                if best is None or found < best:
                    best = found
    return best
