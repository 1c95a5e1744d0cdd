"""Shareable links, the route map and the tables of the advice journeys."""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import (
    MAX_ROUTE_SHOWN,
    YOU_ON_SCREEN,
    Aim,
    Employment,
    Profile,
    Status,
    StepKind,
    answers,
    carry_over,
    charts,
    explore_tables,
    find_routes,
    labels,
    load_catalogue,
    parse_date,
    recommend,
    steps_for_learner,
    tables,
)
from advisor.formats.links import (
    CONTROL_CHARACTERS,
    CheckQuery,
    RouteQuery,
    decode_check,
    decode_date,
    decode_profile,
    decode_route,
    encode_check,
    encode_profile,
    encode_route,
    route_from_profile,
    without_control_characters,
)
from tests.support.examples import examples

TODAY = dt.date(2026, 11, 22)


@functools.cache
def real_catalogue():
    return load_catalogue()


def test_share__other_qualifications_held_by_level_travel_and_bad_levels_are_noted(catalogue):
    profile = Profile(employment=Employment.WORKING, other_held_levels=(2, 3))
    params = encode_profile(catalogue, profile)
    assert params["other"] == "2,3"
    assert decode_profile(catalogue, params) == (profile, [])
    decoded, notes = decode_profile(catalogue, {"other": "2,7,x"})
    assert decoded.other_held_levels == (2,)
    assert notes == [
        f"The link's level '{level}' of another qualification held was left out: give one of "
        "the levels of these documents' customer service qualifications (1, 2, 3, 4)."
        for level in ("7", "x")]


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
                     "work descriptions '0', 'abc' are not in the list", "national structure",
                     "nope", "Q/999/9999", "aim '<b>fame</b>'",
                     "senior role answer 'perhaps' was not understood"):
        assert expected in joined


def test_share__unknown_codes_give_one_short_note_per_list(catalogue):
    """However many unknown codes a list holds, one note quotes the first five, each cut short."""
    long_code = "Q" * 1_500
    codes = [long_code, *(f"Z{n}" for n in range(40))]
    profile, notes = decode_profile(catalogue, {"units": ",".join(["D/502/9654", *codes]),
                                                "has": ",".join(codes), "does": "0,1,x,y,z,w,v"})
    assert profile.held_units == ("D/502/9654",)
    assert notes == [
        "The link's work descriptions '0', 'x', 'y', 'z', 'w' and 1 more are not in the list: "
        "left out.",
        f"The link's qualifications were checked: 41 are not in the catalogue, so they were "
        f"left out: '{'Q' * 40}', 'Z0', 'Z1', 'Z2', 'Z3' and 36 more.",
        f"The link's units were checked: 41 are not in the catalogue, so they were left out: "
        f"'{'Q' * 40}', 'Z0', 'Z1', 'Z2', 'Z3' and 36 more.",
    ]
    _, notes = decode_route(catalogue, {"from": long_code})
    assert notes == [f"The link's starting qualification was checked: no qualification "
                     f"'{'Q' * 40}' in the catalogue, so it was left out"]
    assert all(len(n) < 250 for n in notes)


def test_share__checked_notes_agree_in_number(catalogue):
    _, notes = decode_route(catalogue, {"from": "nope", "to": "0962", "units": "X1"})
    assert notes == [
        "The link's starting qualification was checked: no qualification 'nope' in the "
        "catalogue, so it was left out",
        "The link's target qualification was checked: no qualification '0962' in the catalogue, "
        "so it was left out; did you mean 09629, 09628?",
        "The link's unit was checked: no unit 'X1' in the catalogue, so it was left out",
    ]
    _, notes = decode_profile(catalogue, {"has": "nope,09628", "units": "X1,D/502/9654"})
    assert notes == ["The link's qualifications were checked: no qualification 'nope' in the "
                     "catalogue, so it was left out",
                     "The link's units were checked: no unit 'X1' in the catalogue, so it was "
                     "left out"]


def test_share__yes_no_answers_not_understood_are_noted(catalogue):
    profile, notes = decode_profile(catalogue, {"senior": "perhaps"})
    assert profile.senior_role is None
    assert notes == ["The link's senior role answer 'perhaps' was not understood: left out."]
    query, notes = decode_route(catalogue, {"documented": "Y" * 30, "level": "3"})
    assert query == RouteQuery(to_level=3)
    assert notes == [f"The link's 'documented' answer '{'Y' * 20}' was not understood: left out."]
    assert decode_route(catalogue, {"documented": "No", "level": "3"}) == (query, [])
    assert decode_route(catalogue, {"documented": "YES"})[0].documented_only


def test_share__control_characters_are_removed_from_every_value(catalogue):
    profile, notes = decode_profile(catalogue, {
        "role": "Post\x00man\x1b[31m\x7f\x85", "work": "work\x00ing", "senior": "\x00\x01"})
    assert profile.role == "Postman[31m" and profile.employment is Employment.WORKING
    assert profile.senior_role is None
    assert notes == ["The link's 'work' held control characters; they were removed.",
                     "The link's 'role' held control characters; they were removed.",
                     "The link's 'senior' held only control characters, so it was left out."]
    _, notes = decode_route(catalogue, {"from": "\x00\x01\x1b\x7f", "units": "Z\x00,\x9f"})
    assert notes == ["The link's 'from' held only control characters, so it was left out.",
                     "The link's 'units' held control characters; they were removed.",
                     "The link's unit was checked: no unit 'Z' in the catalogue"
                     ", so it was left out"]
    # A role typed with control characters is not written into the address either.
    assert encode_profile(catalogue, Profile(role="\tPost\x00man\n")) == {"role": "Postman"}
    # Invisible format controls too: a right-to-left override would show "Postman" reversed,
    # and zero-width characters hide inside a word.
    profile, notes = decode_profile(catalogue, {"role": "\u202ePost\u200bman\u2066\ufeff"})
    assert profile.role == "Postman"
    assert notes == ["The link's 'role' held control characters; they were removed."]
    # The page cleans a typed role with the same function.
    assert without_control_characters(" \u202ePost\x00man\x1b ") == "Postman"


def test_share__route_round_trip_and_caps(catalogue):
    query = RouteQuery(from_qualification="ocr-09628", units=("D/502/9654",), to_level=3)
    assert decode_route(catalogue, encode_route(catalogue, query)) == (query, [])
    query, notes = decode_route(catalogue, {"units": ",".join(["D/502/9654"] * 150),
                                            "level": "99"})
    assert query.units == ("D/502/9654",) and query.to_level is None
    assert any("only the first 100" in n for n in notes)
    assert any("level '99'" in n for n in notes)


def test_share__a_route_link_carries_the_learners_age(catalogue):
    query = RouteQuery(from_qualification="ocr-09628", to_level=3, age=17)
    assert encode_route(catalogue, query) == {"from": "09628", "level": "3", "age": "17"}
    assert decode_route(catalogue, {"from": "09628", "level": "3", "age": "17"}) == (query, [])
    query, notes = decode_route(catalogue, {"from": "09628", "age": "17 or 18"})
    assert query == RouteQuery(from_qualification="ocr-09628")
    assert notes == ["The link's age '17 or 18' was left out: give a whole number from 13 to "
                     "100."]


def test_share__a_route_link_carries_the_level_to_start_at(catalogue):
    """Holding nothing, the level Find a starting level suggested travels with the route;
    beside a qualification held (the routes start from it), or out of range, it is left out
    and said."""
    query = RouteQuery(to_level=4, start_level=3)
    assert encode_route(catalogue, query) == {"level": "4", "starting": "3"}
    assert decode_route(catalogue, {"level": "4", "starting": "3"}) == (query, [])
    query, notes = decode_route(catalogue, {"from": "09628", "level": "4", "starting": "3"})
    assert query == RouteQuery(from_qualification="ocr-09628", to_level=4)
    assert notes == ["The link's starting level '3' was left out: the routes start from the "
                     "qualification it names as held."]
    _, notes = decode_route(catalogue, {"level": "4", "starting": "nine"})
    assert notes == ["The link's starting level 'nine' was left out: give a whole number from "
                     "1 to 8."]
    from advisor import route_answers

    assert route_answers(catalogue, RouteQuery(to_level=4, start_level=3))[
        "Level to start at"] == "Level 3"


def test_share__a_route_link_carries_whether_the_learner_is_in_a_senior_role(catalogue):
    query = RouteQuery(from_qualification="ocr-09628", to_level=4, senior_role=False)
    assert encode_route(catalogue, query) == {"from": "09628", "level": "4", "senior": "no"}
    assert decode_route(catalogue, {"from": "09628", "level": "4", "senior": "no"}) == (query, [])
    query, notes = decode_route(catalogue, {"from": "09628", "senior": "perhaps"})
    assert query == RouteQuery(from_qualification="ocr-09628")
    assert notes == ["The link's senior role answer 'perhaps' was not understood: left out."]


def test_share__a_route_link_carries_what_the_learner_wants(catalogue):
    query = RouteQuery(from_qualification="ocr-09628", to_level=3, aim=Aim.COMPETENCE)
    link = {"from": "09628", "level": "3", "aim": "competence"}
    assert encode_route(catalogue, query) == link
    assert decode_route(catalogue, link) == (query, [])
    assert route_from_profile(catalogue, Profile(held_qualifications=("ocr-09628",),
                                                 aim=Aim.COMPETENCE), to_level=3) == query
    query, notes = decode_route(catalogue, {"from": "09628", "aim": "money"})
    assert query == RouteQuery(from_qualification="ocr-09628")
    assert notes == ["The link's aim 'money' was not understood: left out."]


def test_share__the_starting_levels_route_link_carries_its_age_and_senior_role(catalogue):
    route = route_from_profile(catalogue, Profile(age=17, held_qualifications=("ocr-09628",)),
                               to_level=3)
    assert encode_route(catalogue, route) == {"from": "09628", "level": "3", "age": "17"}
    route = route_from_profile(catalogue, Profile(age=34, held_qualifications=("ocr-09628",),
                                                  senior_role=False), to_level=3)
    assert encode_route(catalogue, route) == {"from": "09628", "level": "3", "age": "34",
                                              "senior": "no"}


def test_share__holding_one_at_the_level_suggested_the_route_link_aims_a_level_up(catalogue):
    """Holding 09628 (Level 2) with Level 2 suggested, the answer says Level 3 is the step up
    and to plan a route to see it: the link aims for Level 3, not onward (where another Level
    2 came first). At the top level offered, onward."""
    route = route_from_profile(catalogue, Profile(age=30, held_qualifications=("ocr-09628",)),
                               to_level=2)
    assert encode_route(catalogue, route) == {"from": "09628", "level": "3", "age": "30"}
    top = route_from_profile(catalogue, Profile(held_qualifications=("ocr-10381",)), to_level=4)
    assert top.to_level is None
    # Level 4 asks for a senior role: not the step up for someone without one.
    level_3 = Profile(held_qualifications=("ocr-09629",), senior_role=False)
    assert route_from_profile(catalogue, level_3, to_level=3).to_level is None
    senior = Profile(held_qualifications=("ocr-09629",), senior_role=True)
    assert route_from_profile(catalogue, senior, to_level=3).to_level == 4


def test_share__a_level_no_qualification_is_at_is_dropped_with_a_note(catalogue):
    query, notes = decode_route(catalogue, {"from": "09628", "level": "7"})
    assert query == RouteQuery(from_qualification="ocr-09628")
    assert notes == ["The link's level '7' was left out: no qualification in the catalogue is "
                     "at Level 7; choose one of 1, 2, 3, 4."]


def test_share__a_level_beside_a_target_qualification_is_dropped_with_a_note(catalogue):
    query, notes = decode_route(catalogue, {"to": "09629", "level": "2"})
    assert query == RouteQuery(to_qualification="ocr-09629")
    assert notes == ["The link's level '2' was left out: the link names a target qualification "
                     "too, and a route aims for one or the other."]
    # A target that is not in the catalogue is dropped instead, and the level kept.
    query, notes = decode_route(catalogue, {"to": "nope", "level": "3"})
    assert query == RouteQuery(to_level=3) and len(notes) == 1


def test_share__units_alone_are_a_route_link(catalogue):
    query = RouteQuery(units=("D/502/9654",))
    assert encode_route(catalogue, query) == {"units": "D/502/9654"}
    assert decode_route(catalogue, {"units": "D/502/9654"}) == (query, [])


@pytest.mark.parametrize(
    ("start", "kept"),
    [("2040-12-31", True), ("2000-01-01", True), ("2041-01-01", False), ("1999-12-31", False),
     ("9999-12-30", False), ("0001-01-01", False)],
)
def test_share__a_start_date_outside_the_apps_dates_is_dropped_with_a_note(catalogue, start,
                                                                           kept):
    query, notes = decode_check(catalogue, {"qual": "09628", "glh": "5", "start": start})
    assert query.glh_per_week == 5
    if kept:
        assert (query.start, notes) == (dt.date.fromisoformat(start), [])
    else:
        assert query.start is None
        assert notes == [f"The link's start date '{start}' was left out: give a date from "
                         "1 January 2000 to 31 December 2040."]


@settings(max_examples=examples(200), deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2050, 12, 31))
       .flatmap(lambda day: st.sampled_from([day.isoformat(), day.strftime("%d/%m/%Y"),
                                             f"{day.day}/{day.month}/{day.year}",
                                             day.strftime("%m/%d/%Y"), day.strftime("%Y%m%d"),
                                             f"{day.isoformat()}T00:00:00"]))
       | st.text(alphabet="0123456789/-T: ", max_size=20))
def test_share__a_link_reads_a_date_as_the_intake_file_does(catalogue, text):
    """Invariant: a link's date and an intake file's start are read by the one reader, so the
    same text gives the same day (or is refused) in both, within the dates the app answers
    for; a day-first date is the UK's (01/06/2015 is 1 June)."""
    notes: list[str] = []
    from_link = decode_date(text, "date", notes)
    try:
        from_file: dt.date | None = parse_date(text)
    except answers.AnswerError:
        from_file = None
    assert from_link == from_file
    assert (from_link is None) == bool(notes)


@pytest.mark.parametrize("text", ["04/01/27", "4/1/27", "04.01.2027", "04-01-2027",
                                  "4 Jan 2027", "4 January 2027", "4th jan. 2027", "2027/01/04",
                                  "2027-1-4", "04/01/2027 00:00", "2027-01-04 00:00:00",
                                  "04/01/2027 09:30", "2027-01-04T23:59:59"])
def test_share__a_date_is_read_as_people_in_the_uk_write_it(text):
    """A centre's intake file and a typed date: day first, a two-digit year this century's,
    a month by name, a spreadsheet's midnight or another time of day (a start at 09:30 in an
    Excel-saved CSV was refused, where the same cell in an .xlsx was read as its day)."""
    assert parse_date(text) == dt.date(2027, 1, 4)


@pytest.mark.parametrize("text", ["4 Janu 2027", "01/13/2027", "30/02/2027", "20270104",
                                  "46391", "4 Foo 2027", "2027-01-04 24:00", "4/1-2027",
                                  "2027/1-4", "04/01/2027 9:75", "2027-01-04 10:30 pm"])
def test_share__what_is_not_a_day_on_the_calendar_is_refused(text):
    with pytest.raises(answers.AnswerError, match="is not a date: give one like 2026-09-01, "
                                                  "01/09/2026 or 1 September 2026"):
        parse_date(text)


def test_share__a_check_link_carries_the_plans_objective(catalogue):
    query = CheckQuery(qualification="ocr-09628", units=("D/502/9654",), fewest_hours=True)
    params = encode_check(catalogue, query)
    assert params["plan"] == "hours"
    assert decode_check(catalogue, params) == (query, [])
    kept, notes = decode_check(catalogue, {"qual": "09628", "plan": "fastest"})
    assert kept.fewest_hours is False
    assert notes == ["The link's plan 'fastest' was left out: it can be 'hours' or 'credits'; "
                     "the plan is by fewest credits."]


def test_share__a_two_digit_year_past_the_dates_answered_for_is_last_centurys():
    """4/1/99 is 4 January 1999, refused as outside the dates, not read as 2099."""
    with pytest.raises(answers.AnswerError, match="4 January 1999 is outside the dates"):
        parse_date("4/1/99")


@pytest.mark.parametrize("glh", ["0.00001", "0.4", "0", "169", "1e400", "nan"])
def test_share__hours_a_week_outside_the_plausible_range_are_dropped_with_a_note(catalogue,
                                                                                 glh):
    query, notes = decode_check(catalogue, {"qual": "09628", "glh": glh, "start": "2015-01-05"})
    assert query.glh_per_week is None and query.start == dt.date(2015, 1, 5)
    assert notes == [f"The link's hours a week '{glh}' were left out: give a number from 0.5 "
                     "to 168."]


@settings(max_examples=examples(60), deadline=None)
@given(st.dictionaries(st.sampled_from(["age", "work", "role", "does", "senior", "has", "units",
                                        "aim", "from", "to", "level", "documented", "route",
                                        "also", "qual", "accepted", "progress", "note1", "glh",
                                        "start", "registered", "other", "elsewhere"]),
                       st.one_of(st.text(max_size=60), st.lists(st.text(max_size=20),
                                                                max_size=3),
                                 st.from_regex(r"[0-9]{300,400}", fullmatch=True)))
       | st.just({"age": "²", "does": "¹", "level": "٣", "route": "²", "glh": "٣"})
       | st.just({"age": "1" * 400, "route": "9" * 400, "level": "3" * 400}))
def test_share__decoding_never_fails(params):
    """Whatever a link holds, decoding gives a usable profile, route and check, and notes
    (strings): digits other than ASCII ones and numbers hundreds of digits long included."""
    catalogue = real_catalogue()
    profile, notes = decode_profile(catalogue, params)
    assert all(isinstance(n, str) for n in notes)
    assert profile.age is None or answers.MIN_AGE <= profile.age <= answers.MAX_AGE
    assert not CONTROL_CHARACTERS.search(" ".join([*notes, profile.role or ""]))
    query, notes = decode_route(catalogue, params)
    assert not CONTROL_CHARACTERS.search(" ".join(notes))
    assert all(i in catalogue.qualifications for i in
               filter(None, (query.from_qualification, query.to_qualification)))
    assert 1 <= query.shown <= MAX_ROUTE_SHOWN
    check, notes = decode_check(catalogue, params)
    assert not CONTROL_CHARACTERS.search(" ".join(notes))
    assert check.qualification is None or check.qualification in catalogue.qualifications


def test_route_map__a_step_whose_level_is_not_stated_says_so_in_words(catalogue):
    route = next(find_routes(catalogue, to_qualification=catalogue.find_qualification("04522")))
    assert "(level not stated)" in charts.describe_route(route)
    assert "None" not in charts.describe_route(route)


def test_route_map__draws_the_chosen_route_and_escapes_titles(catalogue, graph):
    route = next(find_routes(catalogue, from_qualification=catalogue.qualifications[
        "ocr-09628"], to_qualification=catalogue.qualifications["ocr-03456"],
        as_at=dt.date(2015, 6, 1)))
    figure = charts.route_map(catalogue, route=route, start="ocr-09628")
    chosen = next(t for t in figure.data if t.name == "Chosen route")
    assert len([x for x in chosen.x if x is not None]) == 4  # two segments
    names = [a.text for a in figure.layout.annotations if not a.showarrow]
    assert "09628" in names and "03456" in names
    assert all(a.bgcolor for a in figure.layout.annotations if not a.showarrow)  # readable
    assert charts.describe_route(route).startswith(
        "Step 1: OCR Level 3 Certificate in Principles of Customer Service (Level 3), a "
        "progression the documents state, 12 more credits; Step 2:")


def test_route_map__a_chosen_step_the_documents_do_not_state_is_dashed(catalogue):
    """09628 to Level 3 today: the first route's step to 10380 is a replacement, not stated
    in the documents: drawn dashed, as such steps are in the map's other lines."""
    route = next(find_routes(catalogue, from_qualification=catalogue.qualifications[
        "ocr-09628"], to_level=3, as_at=dt.date(2026, 12, 1)))
    assert [s.kind for s in route.steps] == [StepKind.REPLACEMENT]
    figure = charts.route_map(catalogue, route=route, start="ocr-09628")
    traces = {t.name: t for t in figure.data}
    assert not [x for x in traces["Chosen route"].x if x is not None]
    dashed = traces["Chosen route, a step the documents do not state"]
    assert (len([x for x in dashed.x if x is not None]), dashed.line.dash) == (2, "dash")


def test_route_map__names_are_in_short_lines_beside_their_points(catalogue):
    """Six qualifications at Level 2: their names are in short lines, each shifted away from
    its point by the gap its place needs (tests/test_route_map_layout.py checks that no name
    meets a line, a point or another name)."""
    figure = charts.route_map(catalogue)
    names = [a for a in figure.layout.annotations if not a.showarrow]
    assert len([name for name in names if name.y == 2]) == 6
    for name in names:  # above its point shifted up, below it down, beside it sideways
        assert (name.yanchor, bool(name.yshift and name.yshift > 0), bool(name.xshift)) in {
            ("bottom", True, False), ("top", False, False), ("middle", False, True)}, name
    lines = [line for name in names for line in name.text.split("<br>")]
    assert "OCNLR L2" in lines and "Business" in lines
    assert max(len(line) for line in lines if "OCNLR" in line or "/" in line) <= 12


def test_route_map__escapes_catalogue_text(tmp_path):
    from advisor import load_catalogue
    from tests.support.catalogues import SECOND, write_catalogue

    hostile = SECOND.replace('code: "002"\n', "").replace(
        "Level 3 Certificate in Testing", "<script>alert(1)</script>")
    catalogue = load_catalogue(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": hostile}))
    figure = charts.route_map(catalogue)
    points = next(t for t in figure.data if t.name == "Qualification")
    names = [a.text for a in figure.layout.annotations if not a.showarrow]
    shown = " ".join([*names, *points.hovertext])
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_tables__options_carry_over_and_routes(catalogue, graph):
    result = recommend(catalogue, Profile(employment=Employment.WORKING,
                                          held_units=("D/502/9654",)), as_at=TODAY)
    options = tables.options_table(catalogue, result).set_index("Code")
    assert options.loc["09628", "Credits already counted"] == 5
    # Its certificates have ended: the credits it lacks could no longer lead to it.
    assert options.loc["09628", "Credits still needed"] == tables.CERTIFICATES_ENDED
    then = tables.options_table(catalogue, recommend(
        catalogue, Profile(employment=Employment.WORKING, held_units=("D/502/9654",)),
        as_at=dt.date(2015, 6, 1))).set_index("Code")
    assert then.loc["09628", "Credits still needed"] == "8"  # beside words: text
    # In a few words, with what replaced it: the reasons in full are below the table.
    assert options.loc["09628", "New learners"] == \
        "closed; certificates ended (the sources suggest 10379 replaced it)"
    assert options.loc["09628", "Can start"] == "no"
    while_open = tables.options_table(catalogue, recommend(
        catalogue, Profile(employment=Employment.WORKING), as_at=dt.date(2015, 6, 1)))
    assert while_open.set_index("Code").loc["09628", "Can start"] == "depends on age (not given)"
    # The name comes second; columns that would be the same on every row are left out.
    assert list(while_open.columns[:5]) == ["Code", "Qualification", "New learners", "Can start",
                                            "Credits still needed"]
    assert "Fits the aim" not in while_open and "Credits already counted" not in while_open
    assert "Credits already counted" in options and "Fits the aim" not in options

    carried = carry_over(catalogue, catalogue.qualifications["ocr-09629"],
                         units=["D/502/9654", "R/502/9652"])
    table = tables.carry_over_table(catalogue, carried)
    assert list(table.columns) == ["Unit", "Outcome", "Why"]  # room for the reasons on a phone
    table = table.set_index(table["Unit"].str.split().str[0])
    assert table.loc["D/502/9654", "Unit"] == (
        "D/502/9654 Understand the use of communication in customer service (5 credits)")
    assert table.loc["D/502/9654", "Outcome"] == "counts (same unit)"
    assert table.loc["D/502/9654", "Why"] == "09629 lists it as unit 3"  # not "as 3"
    assert table.loc["R/502/9652", "Outcome"] == "does not count"
    # A qualification whose own units are not in the sources: the national structure it is
    # inferred to follow lists the unit, not the qualification itself.
    inferred = tables.carry_over_table(catalogue, carry_over(
        catalogue, catalogue.qualifications["ocnlr-l2-diploma-customer-service"],
        units=["H/506/2154"]))
    assert inferred.loc[0, "Why"] == (
        "the national structure S/016/608, which OCNLR L2 Diploma CS is inferred to follow, "
        "lists it as unit CS 10; confirm with the awarding body")

    routes = list(itertools.islice(find_routes(
        catalogue, from_qualification=catalogue.qualifications["ocr-09628"],
        to_level=3, as_at=dt.date(2015, 6, 1)), 2))
    listed = tables.routes_table(catalogue, routes)
    assert listed.loc[0, "Path"] == "09628 → 09629"
    assert listed.loc[0, "Credits still needed"] == "12"  # beside "up to" another route needs


def test_routes_table__says_which_qualifications_are_not_open_and_what_replaced_them(
        catalogue):
    today = dt.date(2026, 11, 30)
    routes = list(itertools.islice(find_routes(
        catalogue, from_qualification=catalogue.qualifications["ocr-09628"], to_level=3,
        as_at=today), 5))
    table = tables.routes_table(catalogue, routes)
    column = "On 30 November 2026"
    assert list(table.columns[:3]) == ["Route", "Path", column]  # straight after the path
    listed = table.set_index("Path")
    # One step: its status alone (the path names it), to keep the column narrow.
    assert listed.loc["09628 → 09629", column] == (
        "closed; certificates ended (the sources suggest 10380 replaced it)")
    assert listed.loc["09628 → 10380", column] == "not known if open"
    two_steps = next(r for r in find_routes(catalogue, to_level=2, as_at=today)
                     if len(r.steps) == 2 and {s.status.status for s in r.steps} == {
                         Status.UNKNOWN})
    assert labels.route_status(catalogue, two_steps) == "both not known if open"
    opened = list(itertools.islice(find_routes(
        catalogue, from_qualification=catalogue.qualifications["ocr-09628"], to_level=3,
        as_at=dt.date(2015, 6, 1)), 1))
    assert tables.routes_table(catalogue, opened).iloc[0, 2] == "open"


def test_check_link__units_are_read_within_its_qualification_and_others_are_named(catalogue):
    q = catalogue.find_qualification
    # Unit numbers are the qualification's own: F3 and F4 are 03456's, not 09629's.
    query, notes = decode_check(catalogue, {"qual": "03456", "units": "F3,F4"})
    assert (query.units, notes) == (("K/601/1622", "J/601/1627"), [])
    query, notes = decode_check(catalogue, {"qual": "09629", "units": "F3,F4"})
    assert query.units == ()
    assert notes == ["The link's units were checked: 2 are not in 09629, so they were left "
                     "out: 'F3', 'F4'."]
    # A real unit that a qualification listed in full does not list would be ticked but never
    # counted; where the sources list only some of its units (10380), it may count: kept.
    query, notes = decode_check(catalogue, {"qual": "03456", "units": "A/506/2130"})
    assert query.qualification == q("03456").id and query.units == ()
    assert notes == ["The link's unit A/506/2130 is not part of the qualification: left out."]
    query, notes = decode_check(catalogue, {"qual": "10380", "units": "A/506/2130"})
    assert (query.units, notes) == (("A/506/2130",), [])


def test_check_link__a_decision_on_a_qualification_whose_units_are_unknown_says_so(catalogue):
    _, notes = decode_check(catalogue, {"qual": "03454", "accepted": "D/502/9654"})
    assert notes == ["The link's accepted unit D/502/9654 could not be checked (the sources do "
                     "not list the qualification's units): left out."]


def test_facts_table__hours_of_a_qualification_of_mandatory_units_are_their_sum(catalogue):
    """09628 states no total, but all three of its units are mandatory with their hours given
    (30 + 30 + 33): the profile gives 93, said to be their sum, not "not stated"."""
    facts = explore_tables.facts_table(catalogue, catalogue.find_qualification("09628"))
    row = facts.set_index("Fact").loc["Guided learning hours (GLH)"]
    assert row["Value"].startswith("93: the sum of its units' hours")
    assert "§ 6.1 Qualification structure" in row["Source"]
    optional = explore_tables.facts_table(catalogue, catalogue.find_qualification("03456"))
    assert optional.set_index("Fact").loc["Guided learning hours (GLH)", "Value"] == \
        "not stated"  # optional units: no one sum


def test_cite__a_section_read_and_reasoned_from_is_named_once(catalogue):
    """10381's profile cites the 2014-15 report's section both as stated and as inferred."""
    line = labels.cite(catalogue, catalogue.find_qualification("10381").source)
    assert line.count("§ Vocational Qualifications (QCF, NVQ, NQF)") == 1
    assert "§ Vocational Qualifications (QCF, NVQ, NQF) (in part inferred)" in line


def test_share__a_link_with_a_job_for_someone_not_working_says_it_is_not_used(catalogue):
    _, notes = decode_profile(catalogue, {"age": "30", "work": "not-working",
                                          "role": "Team Leader", "senior": "yes"})
    assert ("The link says the learner is not working, so its answers about a job (title, "
            "work described, senior role) are not used: answer that they work to use them."
            in notes)
    _, notes = decode_profile(catalogue, {"age": "30", "work": "working", "role": "Team Leader"})
    assert notes == []


def test_route_map__qualifications_closed_on_the_date_are_grey_and_in_the_legend(catalogue):
    closed = ["ocr-09629", "ocr-03456"]
    figure = charts.route_map(catalogue, start="ocr-09628", closed=closed)
    points = next(t for t in figure.data if t.name == "Qualification")
    colour = dict(zip(points.hovertext, points.marker.color, strict=True))
    grey = {text.split(",")[0] for text, c in colour.items() if c == charts.CLOSED_COLOUR}
    assert grey == {"OCR Level 3 Certificate in Principles of Customer Service (legacy)",
                    "OCR Level 3 NVQ Diploma in Customer Service (legacy)"}
    assert all(text.endswith("closed to new learners") for text in colour
               if text.split(",")[0] in grey)
    assert "Closed to new learners" in [t.name for t in figure.data]
    assert "Closed to new learners" not in [t.name for t in charts.route_map(catalogue).data]


def test_share__a_link_unit_number_of_another_qualification_is_named_as_one(catalogue):
    _, notes = decode_check(catalogue, {"qual": "09629", "units": "C6"})
    assert notes == ["The link's unit was checked and left out: 'C6' is not a unit number of "
                     "09629 (in 03456 it is D/601/1519): give the unit reference number"]
    _, notes = decode_profile(catalogue, {"work": "not-working", "senior": "no"})
    assert notes == []  # nothing about a job was given


def test_tables__an_options_status_fits_its_cell(catalogue):
    """601/4404/X's review date has passed: its cell says so in a few words, not the sentence
    that a grid cuts off ("...check with")."""
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING),
                       as_at=TODAY)
    options = tables.options_table(catalogue, result).set_index("Code")
    assert options.loc["601/4404/X", "New learners"] == "not known if open (review date passed)"
    assert options.loc["03454", "New learners"] == \
        "closed; certificates ended (the sources suggest 10378 replaced it)"


def test_options_table__for_someone_not_working_a_yes_says_what_is_assessed_at_work(catalogue):
    """A 15-year-old not in work after knowledge: 10378 gives knowledge but part of it is
    assessed at work; its "Fits the aim" says so, as the caution above the table does, rather
    than a plain "yes"."""
    result = recommend(catalogue, Profile(age=15, employment=Employment.NOT_WORKING,
                                          aim=Aim.KNOWLEDGE), as_at=dt.date(2015, 6, 1))
    options = tables.options_table(catalogue, result).set_index("Code")
    assert options.loc["10378", "Fits the aim"] == "yes, but part of it is assessed at work"
    (option,) = [o for o in result.options if o.qualification.reference == "10378"]
    assert labels.fits_aim_words(option) == "yes"  # for someone in work


def test_learner_steps_words__two_steps_of_unknown_ages_read_in_the_plural(catalogue):
    """A 16-year-old routed 10378 → 10379: neither step's age groups are stated, and the
    words say so of both ("the ages they are approved for"), not of one ("it is")."""
    route = next(r for r in find_routes(catalogue, to_level=2, as_at=dt.date(2026, 12, 2))
                 if [q.reference for q in r.path] == ["10378", "10379"])
    words = tables.learner_steps_words(route, steps_for_learner(catalogue, route, age=16))
    assert words == ("not known for step 1 (10378) and step 2 (10379): the ages they are "
                     "approved for are not stated")
    (one,) = [r for r in find_routes(catalogue, to_qualification=catalogue.find_qualification(
        "10379"), as_at=dt.date(2026, 12, 2)) if len(r.steps) == 1]
    assert tables.learner_steps_words(one, steps_for_learner(catalogue, one, age=16)) == (
        "not known for step 1 (10379): the ages it is approved for are not stated")


@pytest.mark.parametrize(("voice", "who", "whose", "column"), [
    (None, "this learner", "their", "This learner"),  # the CLI's words
    (YOU_ON_SCREEN, "you", "your", "You"),  # Plan a route's, which asks "you"
])
def test_route_words__a_step_barred_for_the_learner_is_said_in_the_voice_asked_for(
        catalogue, voice, who, whose, column):
    """A 14-year-old from 09628 to 09629 in June 2015, whose age group 09629 is not approved
    for: the step they cannot take, that no route can be started and whom to ask, and the
    routes table's column, said of the learner or to them; and a 35-year-old's column says
    what allows every step ("their age", "your age")."""
    spoken = {} if voice is None else {"voice": voice}
    on = dt.date(2015, 6, 1)
    (route,) = [r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"),
        to_qualification=catalogue.find_qualification("09629"), as_at=on) if len(r.steps) == 1]
    steps = steps_for_learner(catalogue, route, age=14, **spoken)
    barred = [(n, e) for n, e in steps if e.not_for_this_learner]
    assert labels.steps_barred_words(route, barred, **spoken) == [
        f"{who[:1].upper() + who[1:]} cannot take step 1 (09629). Not approved for learners "
        "aged 14 (age group pre-16); approved for: 16-18, 18+, 19+."]
    assert labels.none_can_start_words([[1]], why="the route shown says why", **spoken) == (
        f"None of the routes found can be started by {who}: each begins with a qualification "
        f"not open to {'them' if voice is None else 'you'} (the route shown says why). Ask a "
        "local college or training provider (a centre), or a careers adviser at the National "
        f"Careers Service what {'they' if voice is None else 'you'} could take instead.")
    table = tables.routes_table(catalogue, [route], learner=[steps], **spoken)
    assert table.loc[0, column] == "cannot take step 1 (09629)"
    adult = steps_for_learner(catalogue, route, age=35, **spoken)
    assert tables.learner_steps_words(route, adult, **spoken) == (
        f"{whose} age allows every step")


def test_carry_over_table__units_with_one_reason_share_a_row(catalogue):
    """Towards OCNLR L2 Diploma CS (step 2 after 601/4404/X): Level 1 units do not count for one
    30-word reason. On a phone, eight rows of it ran to several screens: the units share one
    row and the reason is read once, as on the printout; other outcomes keep a row a unit."""
    carried = carry_over(catalogue, catalogue.find_qualification("OCNLR L2 Diploma CS"),
                         units=["L/506/2083", "Y/506/2085", "L/506/1791", "H/506/2154"])
    table = tables.carry_over_table(catalogue, carried)
    barred = table[table["Outcome"] == "does not count"]
    assert len(barred) == 1
    (row,) = barred.to_dict("records")
    assert row["Unit"] == ("L/506/2083 Understand working in a customer service environment "
                           "(3 credits); Y/506/2085 Communication in customer service "
                           "(2 credits); L/506/1791 Principles of personal performance and "
                           "development (3 credits)")
    assert row["Why"].startswith("Cannot lessen what is still needed")
    assert (table["Outcome"] == "counts (same unit)").sum() == 1  # H/506/2154, a row its own


def test_carry_over_table__a_shared_reason_reads_right_for_several_units_and_for_one(catalogue):
    """The row that three Level 1 units share says why in words that fit three units, and the
    same words fit one: not "this unit is at Level 1" under three units."""
    target = catalogue.find_qualification("OCNLR L2 Diploma CS")
    reason = ("OCNLR Level 2 Diploma in Customer Service needs all 45 of its credits at Level 2 "
              "or above (At least 45 credits from units at Level 2 or above), so no unit at "
              "Level 1 counts towards it.")
    for units in (["L/506/2083", "Y/506/2085", "L/506/1791"], ["L/506/2083"]):
        table = tables.carry_over_table(catalogue, carry_over(catalogue, target, units=units))
        (why,) = table[table["Outcome"] == "does not count"]["Why"]
        assert reason in why and "this unit" not in why


def test_share__a_link_lists_values_apart_with_semicolons_as_the_command_line_does(catalogue):
    """``advisor recommend --has 09628;03455`` and ``check --units F3;F4`` read a list with
    semicolons as well as commas; a link edited the same way gives the same answer (the pages
    used to leave the whole value out, while suggesting the very codes it held)."""
    profile, notes = decode_profile(catalogue, {"has": "09628;03455",
                                                "units": "D/502/9654; R/502/9652"})
    assert (profile.held_qualifications, profile.held_units, notes) == (
        ("ocr-09628", "ocr-03455"), ("D/502/9654", "R/502/9652"), [])
    route, notes = decode_route(catalogue, {"from": "03455", "also": "09628;09629"})
    assert (route.also_completed, notes) == (("ocr-09628", "ocr-09629"), [])
    check, notes = decode_check(catalogue, {"qual": "03456", "units": "F3;F4",
                                            "progress": "D1; C6"})
    assert (check.units, check.in_progress, notes) == (
        ("K/601/1622", "J/601/1627"), ("T/601/1526", "D/601/1519"), [])
