"""Routes for a learner who has completed more than one qualification: a route may start from
any of them, never asks for one already held, and counts the mandatory units of each."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from advisor import (
    RouteError,
    RouteQuery,
    already_reached,
    decode_route,
    encode_route,
    find_routes,
    route_from_profile,
)
from advisor.cli import main
from advisor.engine.recommend_types import Profile

TODAY = dt.date(2026, 11, 30)


def routes(catalogue, start, also=(), **target):
    q = catalogue.find_qualification
    return list(itertools.islice(find_routes(
        catalogue, from_qualification=q(start), also_completed=[q(a) for a in also],
        as_at=TODAY, **target), 10))


def references(route):
    return [q.reference for q in route.path]


def test_routes_start_from_any_qualification_completed(catalogue, graph):
    alone = routes(catalogue, "09628", to_level=3)
    both = routes(catalogue, "09628", ["03455"], to_level=3)
    assert {r.path[0].reference for r in alone} == {"09628"}
    assert {r.path[0].reference for r in both} == {"09628", "03455"}
    assert ["09628", "09629"] in [references(r) for r in both]  # the documented step stays


def test_a_route_never_steps_into_a_qualification_already_completed(catalogue, graph):
    alone = routes(catalogue, "09628")  # onward: the documents lead on to 03455
    assert ["09628", "03455"] in [references(r) for r in alone]
    both = routes(catalogue, "09628", ["03455"])
    assert both
    assert all(s.to.reference not in ("09628", "03455") for r in both for s in r.steps)


def test_the_same_steps_from_two_qualifications_are_offered_once(catalogue, graph):
    both = routes(catalogue, "09628", ["03455"], to_level=3)
    ways = [tuple(s.to.id for s in r.steps) for r in both]
    assert len(ways) == len(set(ways))
    assert ways.count(("ocr-10380",)) == 1  # a replacement from one, direct from the other


def test_onward_from_a_lower_qualification_nothing_below_the_highest_held(catalogue, graph):
    both = routes(catalogue, "09628", ["10380"])
    assert both
    assert all(r.steps[0].to.level >= 3 for r in both)  # 10380 is Level 3
    assert ["10380", "10381"] in [references(r) for r in both]


def test_the_mandatory_units_of_another_qualification_held_carry_over(catalogue, graph):
    target = {"to_qualification": catalogue.find_qualification("10379")}
    alone = routes(catalogue, "601/4404/X", **target)
    both = routes(catalogue, "601/4404/X", ["OCNLR L2 Diploma CS"], **target)
    first = {tuple(references(r)): r for r in alone}[("601/4404/X", "10379")]
    again = {tuple(references(r)): r for r in both}[("601/4404/X", "10379")]
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
    assert any("99999" in note for note in notes)


def test_the_starting_level_answers_carry_every_qualification_held(catalogue, graph):
    q = catalogue.find_qualification
    told = route_from_profile(catalogue, Profile(
        held_qualifications=(q("09628").id, q("03455").id, q("601/4404/X").id)))
    assert told.from_qualification == q("03455").id
    assert told.also_completed == (q("09628").id, q("601/4404/X").id)  # in code order


def test_cli_routes_takes_other_qualifications_completed(catalogue, graph, capsys):
    code = main(["routes", "--from", "09628", "--also", "03455", "--to-level", "3",
                 "--as-at", "2026-11-30", "--json"])
    assert code == 0
    found = json.loads(capsys.readouterr().out)
    assert [q["id"] for q in found["also_completed"]] == ["ocr-03455"]
    assert {r["path"][0]["id"] for r in found["routes"]} == {"ocr-03455", "ocr-09628"}
    assert main(["routes", "--also", "03455", "--to-level", "3"]) == 2
    assert "--also" in capsys.readouterr().err
    assert main(["routes", "--from", "09628", "--also", "10380", "--to-level", "3"]) == 0
    assert "Already there: OCR Level 3 Diploma" in capsys.readouterr().out
