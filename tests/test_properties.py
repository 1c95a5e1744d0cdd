"""Invariants of the planner and checker, checked with Hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import (
    CreditRule,
    Group,
    GroupMember,
    RulesOfCombination,
    Unit,
    carry_over,
    check_combination,
    search_plan,
)
from tests.support.bruteforce import achieves, cheapest
from tests.support.examples import examples

CITE = "doc.txt § Rules"


def _urn(i: int) -> str:
    return f"A/{i:03d}/{i:04d}"


@st.composite
def rule_sets(draw, max_units: int = 7):
    """Small random rules of combination with every rule kind, and a held set."""
    n = draw(st.integers(1, max_units))
    units = {
        _urn(i): Unit(urn=_urn(i), title=f"Unit {i}", level=draw(st.integers(1, 4)),
                      credits=draw(st.integers(1, 6)),
                      glh=draw(st.none() | st.integers(5, 40)), source=CITE)
        for i in range(n)
    }
    urns = sorted(units)
    groups = []
    for g in range(draw(st.integers(1, 3))):
        members = draw(st.lists(st.sampled_from(urns), max_size=4, unique=True))
        groups.append(Group(
            id=f"G{g}", title=f"Group {g}", mandatory=draw(st.booleans()) and g == 0,
            min_credits=draw(st.none() | st.integers(1, 8)),
            max_credits=draw(st.none() | st.integers(2, 9)),
            min_units=draw(st.none() | st.integers(1, 2)),
            units=[GroupMember(urn=u) for u in members], source=CITE))
    credit_rules = []
    if draw(st.booleans()):
        credit_rules.append(CreditRule(
            id="level", description="credits at a level", min_credits=draw(st.integers(1, 9)),
            groups=draw(st.none() | st.just([groups[-1].id])),
            level=draw(st.none() | st.integers(1, 3)), or_above=draw(st.booleans()),
            source=CITE))
    rules = RulesOfCombination(credits_required=draw(st.integers(0, 14)), groups=groups,
                               credit_rules=credit_rules, source=CITE)
    held = frozenset(draw(st.lists(st.sampled_from(urns), max_size=n, unique=True)))
    return rules, units, held


FAST = settings(max_examples=examples(150), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(rule_sets())
def test_plan__units_plus_held_achieve_the_qualification(case):
    """Whenever a plan is found, the held units plus the plan's units achieve the rules."""
    rules, units, held = case
    found = search_plan(rules, units, held)
    if found is not None:
        assert achieves(rules, units, held | {u.urn for u in found.units})


@FAST
@given(rule_sets())
def test_plan__no_cheaper_plan_exists(case):
    """The plan's (credits, hours, units) cost equals the brute-force minimum, and the planner
    finds no plan exactly when brute force finds none."""
    rules, units, held = case
    found = search_plan(rules, units, held)
    best = cheapest(rules, units, held)
    if found is None:
        assert best is None
    else:
        added = [units[u.urn] for u in found.units]
        cost = (sum(u.credits for u in added), sum(u.glh or 0 for u in added), len(added))
        assert cost == best


@FAST
@given(rule_sets(), st.data())
def test_plan__holding_another_unit_never_raises_the_additional_credits(case, data):
    """Adding a held unit never makes the smallest plan need more additional credits."""
    rules, units, held = case
    extra = data.draw(st.sampled_from(sorted(units)))
    before = search_plan(rules, units, held)
    after = search_plan(rules, units, held | {extra})
    if before is not None:
        assert after is not None
        assert sum(u.credits for u in after.units) <= sum(u.credits for u in before.units)


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_check_and_carry_over_agree(catalogue, data):
    """Carry-over's remaining check equals a direct check of the target with the units that
    transfer: the two answers can never disagree."""
    ids = sorted(q.id for q in catalogue.qualifications.values() if q.rules is not None)
    target = catalogue.qualifications[data.draw(st.sampled_from(ids))]
    urns = sorted(catalogue.units)
    held = data.draw(st.lists(st.sampled_from(urns), max_size=8, unique=True))
    result = carry_over(catalogue, target, units=held)
    direct = check_combination(catalogue, target, result.transfers)
    assert result.remaining.complete == direct.complete
    assert result.remaining.credits_counted == direct.credits_counted
    assert result.remaining.rules == direct.rules
    assert (result.remaining.plan is None) == (direct.plan is None)
    if direct.plan is not None:
        assert result.remaining.plan.units == direct.plan.units


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_real_03456__plans_always_complete_it(catalogue, data):
    """On the real 03456 rules, from any held subset, check(held + plan) is complete."""
    q = catalogue.find_qualification("03456")
    urns = [m.urn for g in q.rules.groups for m in g.units]
    held = data.draw(st.lists(st.sampled_from(urns), max_size=12, unique=True))
    check = check_combination(catalogue, q, held)
    assert check.plan is not None
    completed = check_combination(catalogue, q, [*held, *(u.urn for u in check.plan.units)])
    assert completed.complete and completed.plan.additional_credits == 0


def _shared_rules(count: int):
    """``count`` one-credit units, each listed in two optional groups."""
    from advisor import (
        Citation,
        Group,
        GroupMember,
        RulesOfCombination,
        Unit,
    )

    source = (Citation(doc="doc.txt", section="Rules"),)
    urns = [f"A/{n:03d}/0000" for n in range(count)]
    units = {urn: Unit(urn=urn, title=f"Unit {n}", level=1, credits=1, source=source)
             for n, urn in enumerate(urns)}
    members = tuple(GroupMember(urn=urn) for urn in urns)
    rules = RulesOfCombination(credits_required=1, groups=(
        Group(id="G0", title="Group 0", min_credits=1, units=members, source=source),
        Group(id="G1", title="Group 1", units=members, source=source)), source=source)
    return rules, units


def test_planner__too_many_ways_to_count_shared_units_is_refused_by_name():
    """Rules whose shared units could be counted in too many ways are refused with
    PlanningError (loading reports them as "cannot be checked"), and a few shared units are
    planned as usual."""
    from advisor import PlanningError

    rules, units = _shared_rules(13)  # 2**13 ways to count them
    with pytest.raises(PlanningError):
        search_plan(rules, units, ())
    few_rules, few_units = _shared_rules(3)
    assert search_plan(few_rules, few_units, ()) is not None
