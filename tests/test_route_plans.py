"""How a plan chooses among plans of the same size: on a route, units the next step counts too;
for a learner not working, units no source says need a particular job. And the printout of a
route says which optional units of an earlier step would count, if taken, as the page does
(in ``test_export.py``, with the other printouts).

The route of the browser walkthrough: a 17-year-old, not working, holding nothing, to Level 3:
601/4404/X → 10379 → 10380. 601/4404/X needs 9 optional credits beyond its 14 mandatory ones
(004 § Rules of combination: at least 6 from Group B, at most 3 from Group C), and its Group B
lists four Level 2 units that 10379 (S/016/608) lists too.
"""

from __future__ import annotations

import datetime as dt
import json

from advisor import (
    Employment,
    Profile,
    assessed_at_work_caution,
    find_routes,
    recommend,
)
from advisor.cli import main
from tests.support.app import all_text, open_with_link, texts

TODAY = dt.date(2026, 12, 2)
WHILE_OPEN = dt.date(2015, 6, 1)
ROUTE = "app_pages/plan_route.py"
LEVEL = "app_pages/starting_level.py"

CONTACT_CENTRE = "F/503/0392"  # 000 § 3: assessed on a contact centre's calls
LEVEL_1_ONLY = {"A/506/2094", "A/506/2113", CONTACT_CENTRE}  # not in 10379
IN_10379 = {"H/506/2154", "K/506/2155", "R/506/2134", "T/506/2126"}  # 601/4404/X Group B


def the_route(routes, *references):
    return next(r for r in routes if [q.reference for q in r.path] == list(references))


# --------------------------------------------------------------------------------- the engine


def test_route__step_1_plans_units_that_step_2_counts_too_at_the_same_size(catalogue):
    """Step 1 (601/4404/X) still needs its smallest 23 credits, but picks its 9 optional
    credits from the Group B units 10379 lists, not the Level 1 units 10379 cannot use: step 2
    then counts them, and needs 36 credits, not 45 (the route: up to 114, not 123)."""
    for employment in (None, Employment.WORKING, Employment.NOT_WORKING):
        found = list(find_routes(catalogue, to_level=3, as_at=TODAY, employment=employment))
        route = the_route(found, "601/4404/X", "10379", "10380")
        first, second = route.steps[0], route.steps[1]
        assert first.additional_credits == 23
        planned = set(first.plan_units)
        assert not planned & LEVEL_1_ONLY, employment
        assert len(planned & IN_10379) == 3
        assert set(second.carry_over.transfers) == planned & IN_10379
        assert second.additional_credits == 36
        assert route.credits_still_needed_at_most == 114


def test_route__a_step_alone_is_planned_as_before(catalogue):
    """With no step after it, 601/4404/X's plan is the smallest by credits and then hours, as
    the check page gives it (the Level 1 units, fewest hours), for a learner in work or who
    did not say."""
    for employment in (None, Employment.WORKING):
        found = list(find_routes(catalogue, to_qualification=catalogue.find_qualification(
            "601/4404/X"), as_at=TODAY, employment=employment))
        (route,) = [r for r in found if len(r.steps) == 1]
        assert route.steps[0].additional_credits == 23
        assert set(route.steps[0].plan_units) >= LEVEL_1_ONLY


def test_route__not_working_no_plan_needs_the_contact_centre_unit_so_no_caution(catalogue):
    """Not working, no step's plan takes the contact-centre unit where a plan of the same size
    does without it (Group C has no minimum), so the route says nothing of it; its steps
    assessed at work are still said."""
    found = list(find_routes(catalogue, to_level=2, start_level=1, as_at=TODAY,
                             employment=Employment.NOT_WORKING))
    for path in (("601/4404/X", "10379"), ("601/4404/X", "OCNLR L2 Diploma CS"),
                 ("10378", "10379")):
        route = the_route(found, *path)
        assert all(CONTACT_CENTRE not in step.plan_units for step in route.steps)
        assert route.steps[0].additional_credits == 23
        caution = assessed_at_work_caution(catalogue, route, Employment.NOT_WORKING)
        assert caution is None or "Contribute to sales activities" not in caution.message


def test_recommend__not_working_the_options_plans_leave_out_the_contact_centre_unit(catalogue):
    """For a 16-year-old not working (Level 1), the plans for 601/4404/X and 10378 are as
    small as before (23 credits) without the contact-centre unit, and no caution asks for
    another unit."""
    def plans(employment):
        result = recommend(catalogue, Profile(age=16, employment=employment), as_at=WHILE_OPEN)
        cautions = [c for c in result.cautions if c.code.value == "unit-needs-work"]
        return {o.qualification.reference: o.check.plan for o in result.options
                if o.check is not None and o.check.plan is not None}, cautions

    not_working, cautions = plans(Employment.NOT_WORKING)
    assert cautions == []
    for reference in ("601/4404/X", "10378"):
        plan = not_working[reference]
        assert plan.additional_credits == 23
        assert CONTACT_CENTRE not in [u.urn for u in plan.units]


# ------------------------------------------------------------------------------ the CLI


def _routes_cli(capsys, *extra):
    assert main(["routes", "--to-level", "3", "--age", "17", "--employment", "not-working",
                 "--as-at", TODAY.isoformat(), "--limit", "1", *extra]) == 0
    return capsys.readouterr().out


def test_cli_routes__the_first_step_plans_units_the_next_counts(capsys):
    out = _routes_cli(capsys)
    assert "Route 1: 601/4404/X -> 10379 -> 10380 (includes steps the documents do not state; " \
        "up to 114 more credits)" in out
    step_1 = out.split("  to OCR Level 2 Diploma")[0]
    assert "(H/506/2154) Deal with incoming telephone calls from customers, 3 credits" in step_1
    assert "(K/506/2155) Make telephone calls to customers, 3 credits" in step_1
    assert "A/506/2094" not in step_1 and CONTACT_CENTRE not in step_1
    assert "could take its place" not in out
    shape = json.loads(_routes_cli(capsys, "--json"))
    first, second = shape["routes"][0]["steps"][:2]
    assert {u["urn"] for u in first["plan_units"]} & LEVEL_1_ONLY == set()
    assert first["additional_credits"] == 23 and second["additional_credits"] == 36
    assert {u["urn"] for u in second["transfers"]} >= {"H/506/2154", "K/506/2155"}
    assert shape["routes"][0]["credits_still_needed_at_most"] == 114
    assert "could take its place" not in shape["routes"][0]["at_work"]["message"]


def test_cli_recommend__not_working_no_plan_asks_for_another_unit(capsys):
    args = ["recommend", "--age", "16", "--employment", "not-working", "--as-at",
            WHILE_OPEN.isoformat()]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "could take its place" not in out and "Contribute to sales activities" not in out
    assert main([*args, "--json"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert "unit-needs-work" not in [c["code"] for c in shape["cautions"]]


# ------------------------------------------------------------------------------ the page


def test_plan_route__a_17_year_old_not_working_gets_step_1_units_that_count_in_step_2():
    at = open_with_link(ROUTE, level="3", age="17", work="not-working")
    assert at.radio(key="route_working").value == "not-working"
    assert at.radio(key="route_choice").value == 0
    routes = next(t.value for t in at.table if "Credits still needed" in t.value.columns)
    assert routes.iloc[0]["Path"] == "601/4404/X → 10379 → 10380"
    assert routes.iloc[0]["Credits still needed"] == "up to 114"
    (step_1, step_2) = [t.value for t in at.table if "URN" in t.value.columns][:2]
    assert not set(step_1["URN"]) & LEVEL_1_ONLY
    assert {"H/506/2154", "K/506/2155"} <= set(step_1["URN"])
    assert not {"H/506/2154", "K/506/2155"} & set(step_2["URN"])
    assert not any("could take its place" in w for w in texts(at.warning))


def test_starting_level__not_working_no_plan_asks_for_another_unit():
    """On *Find a starting level*, a 16-year-old not working on 1 June 2015 (Level 1) is not
    told to ask for a unit in place of the contact-centre one: the plans do without it."""
    at = open_with_link(LEVEL, as_at=WHILE_OPEN, on="2015-06-01", age="16", work="not-working")
    assert at.radio(key="sl_employment").value == "not-working"
    assert [m.value for m in at.metric] == ["Level 1"]
    assert "could take its place" not in all_text(at)
    assert "Contribute to sales activities in a contact centre" not in all_text(at)


# ------------------------------------------------------------- where every smallest plan needs one

_IN_A_JOB = """\
    assessment:
      points: [Assessed by watching the learner's calls at work.]
      source: doc.txt § Units
"""


def _one_unit_in_a_job(tmp_path, *, other_credits: int):
    """The small test catalogue, whose ab-001 needs one of two optional units: A/100/0002 (5
    credits), which a source says is assessed in a job, or A/100/0003 (``other_credits``)."""
    from advisor import load_catalogue
    from tests.support.catalogues import UNITS, write_catalogue

    units = UNITS.replace("    credits: 5\n", "    credits: 5\n" + _IN_A_JOB).replace(
        "    credits: 6\n", f"    credits: {other_credits}\n")
    return load_catalogue(write_catalogue(tmp_path, {"units/bank.yaml": units}))


def _plan_and_caution(catalogue):
    target = catalogue.qualifications["ab-001"]
    route = next(find_routes(catalogue, to_qualification=target, as_at=WHILE_OPEN,
                             employment=Employment.NOT_WORKING))
    return (route.steps[0].plan_units,
            assessed_at_work_caution(catalogue, route, Employment.NOT_WORKING))


def test_not_working__the_unit_in_a_job_is_left_out_where_a_plan_as_small_does_without(
        tmp_path):
    plan, caution = _plan_and_caution(_one_unit_in_a_job(tmp_path, other_credits=5))
    assert "A/100/0003" in plan and "A/100/0002" not in plan
    assert caution is None


def test_not_working__the_caution_stays_where_every_smallest_plan_needs_the_unit(tmp_path):
    """A/100/0003 is bigger (6 credits): the smallest plan needs A/100/0002, and the caution
    says so, with whom to ask, and that no plan as small does without it."""
    plan, caution = _plan_and_caution(_one_unit_in_a_job(tmp_path, other_credits=6))
    assert "A/100/0002" in plan
    assert caution is not None and caution.code.value == "unit-needs-work"
    assert ("The smallest plan for step 1 (001) includes Solve problems (A/100/0002), and no "
            "plan as small does without it") in caution.message
    assert "ask the centre which other unit could take its place" in caution.message
