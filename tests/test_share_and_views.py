"""Shareable links, the route map and the tables of the advice journeys."""

from __future__ import annotations

import datetime as dt
import functools
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import charts, tables
from advisor.carryover import carry_over
from advisor.catalogue import load_catalogue
from advisor.recommend import Aim, Employment, Profile, recommend
from advisor.routes import find_routes
from advisor.share import RouteQuery, decode_profile, decode_route, encode_profile, encode_route

TODAY = dt.date(2026, 11, 22)


@functools.cache
def real_catalogue():
    return load_catalogue()


def test_share__a_profile_survives_the_round_trip(catalogue):
    profile = Profile(age=20, employment=Employment.WORKING, role="Call Centre Operator",
                      responsibilities=(catalogue.qualifications["ocr-03456"]
                                        .suitable_for.points[2],),
                      senior_role=False, held_qualifications=("ocr-09628",),
                      held_units=("D/502/9654",), aim=Aim.KNOWLEDGE)
    params = encode_profile(catalogue, profile)
    assert params == {"age": "20", "work": "working", "role": "Call Centre Operator",
                      "does": "3", "senior": "no", "has": "09628", "units": "D/502/9654",
                      "aim": "knowledge"}
    assert decode_profile(catalogue, params) == (profile, [])


def test_share__bad_values_are_dropped_with_a_note_and_the_rest_kept(catalogue):
    profile, notes = decode_profile(catalogue, {
        "age": "1e9", "work": "sometimes", "role": "x" * 500, "does": "0,2,abc",
        "senior": "perhaps", "has": "09628,S/016/608,nope", "units": "D/502/9654,Q/999/9999",
        "aim": "<b>fame</b>"})
    assert profile.held_qualifications == ("ocr-09628",)
    assert profile.held_units == ("D/502/9654",)
    assert len(profile.role) == 120 and profile.age is None and profile.senior_role is None
    assert len(profile.responsibilities) == 1
    joined = " ".join(notes)
    for expected in ("age '1e9' was left out", "work answer 'sometimes'", "shortened to 120",
                     "'0' is not one of the list", "national structure", "nope",
                     "Q/999/9999", "aim '<b>fame</b>'"):
        assert expected in joined


def test_share__route_round_trip_and_caps(catalogue):
    query = RouteQuery(from_qualification="ocr-09628", units=("D/502/9654",), to_level=3)
    assert decode_route(catalogue, encode_route(catalogue, query)) == (query, [])
    query, notes = decode_route(catalogue, {"units": ",".join(["D/502/9654"] * 150),
                                            "level": "99"})
    assert query.units == ("D/502/9654",) and query.to_level is None
    assert any("only the first 100" in n for n in notes)
    assert any("level '99'" in n for n in notes)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["age", "work", "role", "does", "senior", "has", "units",
                                        "aim", "from", "to", "level", "documented", "other"]),
                       st.one_of(st.text(max_size=60), st.lists(st.text(max_size=20),
                                                                max_size=3)))
       | st.just({"age": "²", "does": "¹", "level": "٣"}))
def test_share__decoding_never_fails(params):
    """Whatever a link holds, decoding gives a usable profile and route, and notes (strings)."""
    catalogue = real_catalogue()
    profile, notes = decode_profile(catalogue, params)
    assert all(isinstance(n, str) for n in notes)
    assert profile.age is None or 10 <= profile.age <= 100
    query, notes = decode_route(catalogue, params)
    assert all(i in catalogue.qualifications for i in
               filter(None, (query.from_qualification, query.to_qualification)))


def test_route_map__draws_the_chosen_route_and_escapes_titles(catalogue, graph):
    route = next(find_routes(catalogue, graph, from_qualification=catalogue.qualifications[
        "ocr-09628"], to_qualification=catalogue.qualifications["ocr-03456"]))
    figure = charts.route_map(catalogue, graph, route=route, start="ocr-09628")
    chosen = next(t for t in figure.data if t.name == "Chosen route")
    assert len([x for x in chosen.x if x is not None]) == 4  # two segments
    points = next(t for t in figure.data if t.name == "Qualification")
    assert "09628" in points.text and "03456" in points.text
    assert charts.describe_route(route).startswith(
        "Step 1: OCR Level 3 Certificate in Principles of Customer Service (Level 3), a "
        "documented progression, 12 more credits; Step 2:")


def test_route_map__escapes_catalogue_text(tmp_path):
    from advisor.catalogue import load_catalogue
    from advisor.graph import build_graph
    from tests.test_validation import SECOND, write_catalogue

    hostile = SECOND.replace('code: "002"\n', "").replace(
        "Level 3 Certificate in Testing", "<script>alert(1)</script>")
    catalogue = load_catalogue(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": hostile}))
    figure = charts.route_map(catalogue, build_graph(catalogue))
    points = next(t for t in figure.data if t.name == "Qualification")
    shown = " ".join([*points.text, *points.hovertext])
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_tables__options_carry_over_and_routes(catalogue, graph):
    result = recommend(catalogue, Profile(employment=Employment.WORKING,
                                          held_units=("D/502/9654",)), as_at=TODAY)
    options = tables.options_table(result).set_index("Code")
    assert options.loc["09628", "Credits already counted"] == 5
    assert options.loc["09628", "Credits still needed"] == 8
    assert options.loc["09628", "New learners"] == "closed to new learners"

    carried = carry_over(catalogue, catalogue.qualifications["ocr-09629"],
                         units=["D/502/9654", "R/502/9652"])
    table = tables.carry_over_table(catalogue, carried).set_index("URN")
    assert table.loc["D/502/9654", "Outcome"] == "counts (same unit)"
    assert table.loc["R/502/9652", "Outcome"] == "does not count"

    routes = list(itertools.islice(find_routes(
        catalogue, graph, from_qualification=catalogue.qualifications["ocr-09628"],
        to_level=3), 2))
    listed = tables.routes_table(routes)
    assert listed.loc[0, "Path"] == "09628 → 09629"
    assert listed.loc[0, "Credits still needed"] == 12
