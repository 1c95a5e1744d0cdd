"""Invariants of the planner and checker, checked with Hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import (
    Accepted,
    CreditRule,
    Group,
    GroupMember,
    Objective,
    PlanPreference,
    RulesOfCombination,
    Unit,
    carry_over,
    check_combination,
    check_progress,
    search_plan,
)
from tests.support.bruteforce import achieves, cheapest, cheapest_by
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


@FAST
@given(rule_sets(), st.data())
def test_plan__a_preference_only_chooses_among_the_smallest_plans(case, data):
    """With units to avoid (a source says they need a particular job) and units to lean
    towards (a route's next step counts them), the plan is still the smallest by the
    objective; among those, it has the fewest units to avoid, then the least of its size (by
    the objective) in units not leaned towards, then the least by the other measure, then the
    fewest units: the brute-force minimum of that key."""
    rules, units, held = case
    urns = sorted(units)
    avoid = frozenset(data.draw(st.lists(st.sampled_from(urns), unique=True)))
    towards = frozenset(data.draw(st.lists(st.sampled_from(urns), unique=True)))
    objective = data.draw(st.sampled_from(list(Objective)))
    preference = PlanPreference(avoid=avoid, towards=towards)
    found = search_plan(rules, units, held, objective=objective, preference=preference)

    def size(urn: str) -> tuple[int, int]:
        unit = units[urn]
        pair = (unit.credits or 0, unit.glh or 0)
        return pair if objective is Objective.CREDITS else pair[::-1]

    def key(combo) -> tuple[int, ...]:
        return (sum(size(u)[0] for u in combo), sum(u in avoid for u in combo),
                sum(size(u)[0] for u in combo if u not in towards),
                sum(size(u)[1] for u in combo), len(combo))

    best = cheapest_by(rules, units, held, key)
    plain = search_plan(rules, units, held, objective=objective)
    if found is None:
        assert best is None and plain is None
    else:
        assert key(tuple(u.urn for u in found.units)) == best
        assert best[0] == key(tuple(u.urn for u in plain.units))[0]


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_carry_over__transfers_exactly_the_units_the_target_lists(catalogue, data):
    """Carry-over transfers every unit held that the target lists (same URN, same unit) and
    no other, and holding one unit more never counts fewer credits towards the target."""
    ids = sorted(q.id for q in catalogue.qualifications.values() if q.rules is not None)
    target = catalogue.qualifications[data.draw(st.sampled_from(ids))]
    urns = sorted(catalogue.units)
    held = data.draw(st.lists(st.sampled_from(urns), max_size=8, unique=True))
    listed = catalogue.listed_units(target)
    result = carry_over(catalogue, target, units=held)
    assert set(result.transfers) == {u for u in held if u in listed}
    assert result.remaining.credits_counted <= sum(catalogue.units[u].credits or 0
                                                   for u in result.transfers)
    extra = data.draw(st.sampled_from(urns))
    more = carry_over(catalogue, target, units=[*held, extra])
    assert more.remaining.credits_counted >= result.remaining.credits_counted


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


# ------------------------------------------------------------------------- centre decisions


def _decisions(catalogue, data):
    """A qualification whose units are known, and its listed units split into held,
    accepted, in progress and not yet."""
    ids = sorted(q.id for q in catalogue.qualifications.values()
                 if catalogue.effective_rules(q)[0] is not None)
    q = catalogue.qualifications[data.draw(st.sampled_from(ids))]
    rules, _ = catalogue.effective_rules(q)
    listed = sorted(rules.listed_units)
    states = data.draw(st.lists(st.sampled_from(["held", "accepted", "in progress", "no"]),
                                min_size=len(listed), max_size=len(listed)))
    chosen = {state: [u for u, s in zip(listed, states, strict=True) if s == state]
              for state in ("held", "accepted", "in progress")}
    return q, chosen["held"], [Accepted(u, "note") for u in chosen["accepted"]], \
        chosen["in progress"]


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_decisions__accepting_a_unit_never_raises_the_additional_credits(catalogue, data):
    """Accepting one more unit never raises the plan's additional credits, and a qualification
    that could be planned still can."""
    q, held, accepted, in_progress = _decisions(catalogue, data)
    rules, _ = catalogue.effective_rules(q)
    decided = {*held, *(a.urn for a in accepted), *in_progress}
    undecided = sorted(rules.listed_units - decided)
    if not undecided:
        return
    extra = Accepted(data.draw(st.sampled_from(undecided)), "similar unit")
    before = check_combination(catalogue, q, held, accepted=accepted, in_progress=in_progress)
    after = check_combination(catalogue, q, held, accepted=[*accepted, extra],
                              in_progress=in_progress)
    if before.plan is not None:
        assert after.plan is not None
        assert after.plan.additional_credits <= before.plan.additional_credits


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_decisions__accepted_and_in_progress_units_never_appear_in_a_plan(catalogue, data):
    """Neither today's plan nor the plan when the units in progress are done proposes a unit
    the centre accepted or the learner is studying."""
    q, held, accepted, in_progress = _decisions(catalogue, data)
    result = check_progress(catalogue, q, held, accepted=accepted, in_progress=in_progress)
    decided = {a.urn for a in accepted} | set(in_progress)
    for check in (result.today, result.when_done):
        if check is not None and check.plan is not None:
            assert not decided & {u.urn for u in check.plan.units}


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_decisions__nothing_accepted_or_in_progress_leaves_the_check_unchanged(catalogue, data):
    """Today's check of a progress check with no decisions is exactly the plain check, with
    nothing for when units in progress are done and no bar on evidence."""
    q, held, _, _ = _decisions(catalogue, data)
    plain = check_combination(catalogue, q, held)
    result = check_progress(catalogue, q, held)
    assert result.today == plain and result.when_done is None and result.bars == ()
