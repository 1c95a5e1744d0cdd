"""Routes for a learner who has completed more than one qualification: a route may start from
any of them, never asks for one already held, and counts the mandatory units of each."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from advisor import (
    Profile,
    RouteError,
    RouteQuery,
    StepKind,
    already_reached,
    decode_route,
    encode_route,
    find_routes,
    route_from_profile,
)
from advisor.cli import main

TODAY = dt.date(2026, 11, 30)


def routes(catalogue, start, also=(), **target):
    q = catalogue.find_qualification
    return list(itertools.islice(find_routes(
        catalogue, from_qualification=q(start), also_completed=[q(a) for a in also],
        as_at=TODAY, **target), 10))


def references(route):
    return [q.reference for q in route.path]


def test_routes_start_from_any_qualification_completed(catalogue, graph):
    alone = routes(catalogue, "03455", to_level=3)
    both = routes(catalogue, "03455", ["10378"], to_level=3)
    assert {r.path[0].reference for r in alone} == {"03455"}
    assert {r.path[0].reference for r in both} == {"03455", "10378"}
    assert ["03455", "10380"] in [references(r) for r in both]  # the better one stays first
    assert references(both[0]) == ["03455", "10380"]


def test_no_route_takes_a_qualification_the_step_before_already_completes(catalogue, graph):
    """601/4404/X, then the OCN London Level 2 Diploma, then 10379: both Level 2 qualifications
    follow one national structure, so the second needs no credit the first did not give. It
    is no step on, and no route to Level 3 takes it; a route to it as the target may."""
    for found in (routes(catalogue, "09628", ["601/4404/X"], to_level=3),
                  list(itertools.islice(find_routes(catalogue, to_level=3, as_at=TODAY), 10))):
        for route in found:
            for before, step in itertools.pairwise(route.steps):
                assert not (step.additional_credits == 0 and step.to.level <= before.to.level), (
                    references(route))
    assert ["601/4404/X", "OCNLR L2 Diploma CS", "10379", "10380"] not in [
        references(r) for r in routes(catalogue, "09628", ["601/4404/X"], to_level=3)]


def test_a_route_never_steps_into_a_qualification_already_completed(catalogue, graph):
    alone = routes(catalogue, "09628")  # onward: the documents lead on to 03455
    assert ["09628", "03455"] in [references(r) for r in alone]
    both = routes(catalogue, "09628", ["03455"])
    assert both
    assert all(s.to.reference not in ("09628", "03455") for r in both for s in r.steps)


def test_the_same_steps_from_two_qualifications_are_offered_once_the_better_kept(
        catalogue, graph):
    both = routes(catalogue, "09628", ["03455"], to_level=3)
    ways = [tuple(s.to.id for s in r.steps) for r in both]
    assert len(ways) == len(set(ways))
    # From 09628 the sources suggest 10380 replaced 09629; from 03455 it would be a direct
    # start: the replacement, the better founded, is the one kept.
    (to_10380,) = [r for r in both if references(r)[1:] == ["10380"]]
    assert references(to_10380) == ["09628", "10380"]
    assert to_10380.steps[0].kind is StepKind.REPLACEMENT


def test_routes_go_on_from_the_highest_qualification_held_not_back_through_lower_levels(
        catalogue, graph):
    found = routes(catalogue, "09628", ["09629"], to_level=4)  # 09629 is Level 3
    assert found
    assert {r.path[0].reference for r in found} == {"09629"}
    assert all(s.to.level >= 3 for r in found for s in r.steps)
    onward = routes(catalogue, "09628", ["03456"])  # onward, holding a Level 3 too
    assert all(s.to.level >= 3 for r in onward for s in r.steps[:1])
    # From the lower one, only what the documents state at Level 3 is left (09629).
    assert {tuple(references(r)) for r in onward if r.path[0].reference == "09628"} <= {
        ("09628", "09629"), ("09628", "09629", "03456"), ("09628", "09629", "10380")}


def test_what_replaced_a_qualification_held_is_not_offered_because_of_it(catalogue, graph):
    alone = routes(catalogue, "09628")
    assert ["09628", "10379"] in [references(r) for r in alone]  # 10379 replaced 03455
    both = routes(catalogue, "09628", ["03455"])
    assert not any(s.to.reference == "10379" and s.kind is StepKind.REPLACEMENT
                   for r in both for s in r.steps)


def test_no_route_is_explained_from_the_highest_qualification_held(capsys):
    assert main(["routes", "--from", "09628", "--also", "10381", "--as-at", "2026-06-01"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("No route onward from OCR Level 4 NVQ Diploma Customer Service")
    assert "It is at Level 4, the highest level" in said


def test_onward_from_a_lower_qualification_nothing_below_the_highest_held(catalogue, graph):
    both = routes(catalogue, "09628", ["10380"])
    assert both
    assert all(r.steps[0].to.level >= 3 for r in both)  # 10380 is Level 3
    assert ["10380", "10381"] in [references(r) for r in both]


def test_the_mandatory_units_of_another_qualification_held_carry_over(catalogue, graph):
    alone = routes(catalogue, "09628")
    both = routes(catalogue, "09628", ["OCNLR L2 Diploma CS"])
    first = {tuple(references(r)): r for r in alone}[("09628", "10379")]
    again = {tuple(references(r)): r for r in both}[("09628", "10379")]
    assert first.steps[0].carry_over.credits_transferred == 0
    assert again.steps[0].carry_over.credits_transferred > 0
    diploma = catalogue.find_qualification("OCNLR L2 Diploma CS")
    assert set(again.steps[0].carry_over.transfers) <= {
        m.urn for g in catalogue.effective_rules(diploma)[0].groups for m in g.units}


def test_already_there_when_any_qualification_completed_reaches_the_target(catalogue, graph):
    q = catalogue.find_qualification
    assert not already_reached(q("09628"), to_level=3)
    assert already_reached(q("09628"), to_level=3, also_completed=[q("10380")])
    assert already_reached(None, to_qualification=q("03455"), also_completed=[q("03455")])
    assert routes(catalogue, "09628", ["10380"], to_level=3) == []


def test_a_qualification_completed_from_elsewhere_is_refused(catalogue, graph):
    with pytest.raises(RouteError) as raised:
        list(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                         also_completed=[catalogue.find_qualification("skills-cfa-s-016-608")]))
    assert raised.value.argument == "also_completed"


def test_the_other_qualifications_travel_in_the_link(catalogue, graph):
    q = catalogue.find_qualification
    query = RouteQuery(from_qualification=q("03455").id, also_completed=(q("09628").id,),
                       to_level=3)
    params = encode_route(catalogue, query)
    assert params["also"] == "09628"
    assert decode_route(catalogue, params) == (query, [])
    # The start named again among the others is dropped; an unknown code is named.
    again, notes = decode_route(catalogue, {"from": "03455", "also": "03455,09628,99999"})
    assert again.also_completed == (q("09628").id,)
    assert notes == ["The link's completed qualifications were checked: no qualification "
                     "'99999' in the catalogue, so it was left out"]
    # Others named without a first: the first of them is where the route starts.
    alone, notes = decode_route(catalogue, {"also": "09628,03455", "level": "3"})
    assert (alone.from_qualification, alone.also_completed, notes) == (
        q("09628").id, (q("03455").id,), [])


def test_the_starting_level_answers_carry_every_qualification_held(catalogue, graph):
    q = catalogue.find_qualification
    told = route_from_profile(catalogue, Profile(
        held_qualifications=(q("09628").id, q("03455").id, q("601/4404/X").id)))
    assert told.from_qualification == q("03455").id
    assert told.also_completed == (q("09628").id, q("601/4404/X").id)  # in code order


def test_cli_routes_takes_other_qualifications_completed(catalogue, graph, capsys):
    code = main(["routes", "--from", "09628", "--also", "601/4404/X", "--to-level", "3",
                 "--as-at", "2026-11-30", "--json"])
    assert code == 0
    found = json.loads(capsys.readouterr().out)
    assert [q["id"] for q in found["also_completed"]] == ["ocnlr-601-4404-x"]
    # Every route starts from 09628: from 601/4404/X the Level 2 steps would add nothing.
    assert {r["path"][0]["id"] for r in found["routes"]} == {"ocr-09628"}
    assert main(["routes", "--from", "09628", "--also", "09628,03455,03455", "--to-level", "3",
                 "--json"]) == 0
    repeated = json.loads(capsys.readouterr().out)
    assert [q["id"] for q in repeated["also_completed"]] == ["ocr-03455"]
    assert main(["routes", "--also", "03455", "--to-level", "3"]) == 2
    assert "--also" in capsys.readouterr().err
    assert main(["routes", "--from", "09628", "--also", "10380", "--to-level", "3"]) == 0
    assert "Already there: OCR Level 3 Diploma" in capsys.readouterr().out


def test_no_route_takes_another_version_of_the_qualification_before(catalogue, graph):
    """10378 and 601/4404/X are two awarding bodies' versions of one national structure
    (S/016/371) at Level 1: holding one, the other is a repeat, not a step towards Level 3;
    asked for by name, it is still the target."""
    for found in (routes(catalogue, "10378", to_level=3), routes(catalogue, "601/4404/X",
                                                                  to_level=2)):
        assert found
        assert not [references(r) for r in found
                    if {"10378", "601/4404/X"} <= set(references(r))]
    (named,) = routes(catalogue, "10378", to_qualification=catalogue.find_qualification(
        "601/4404/X"))
    assert references(named) == ["10378", "601/4404/X"]



def test_routes__from_a_qualification_whose_units_are_not_listed_credits_are_up_to(capsys):
    """04522's units are not in the sources, so one of them may count towards 10379: the
    credits still needed are the most, "up to", with that reason, not a firm figure (from
    09628, whose units are listed, the same step says why it is "up to" too)."""
    from advisor.cli import main

    assert main(["routes", "--from", "04522", "--to", "10379"]) == 0
    out = capsys.readouterr().out
    assert ("still needed: up to 45 credits, about 264 guided learning hours: the sources do not "
            "list the units of OCR Customer Service Knowledge (04522), so one of them may count "
            "too and leave less to do") in out
    assert "; up to 45 more credits)" in out and "; 45 more credits" not in out


def test_routes__the_qualification_whose_units_are_not_listed_is_the_one_named(capsys):
    """Holding 03455 (units not in the sources) and 09628 (listed in full), a route from 09628
    says its credits are "up to" because of 03455's units, never 09628's."""
    from advisor.cli import main

    assert main(["routes", "--from", "03455", "--also", "09628", "--to-level", "3",
                 "--as-at", "2015-06-01"]) == 0
    out = capsys.readouterr().out
    assert ("still needed: up to 12 credits, about 80 guided learning hours: the sources do not "
            "list the units of OCR Level 2 NVQ Certificate in Customer Service (03455), so one "
            "of them may count too") in out
    assert "do not list the units of OCR Level 2 Certificate in Principles" not in out
