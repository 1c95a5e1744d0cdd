"""Every answer is true on the date it is asked for: a sweep of dates from 2009 to today over
routes, statuses and the words for legacy qualifications, through the public API and the CLI."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import (
    AnswerError,
    CohortInput,
    Employment,
    LearnerRow,
    Profile,
    RouteError,
    Status,
    assess_cohort,
    charts,
    find_routes,
    recommend,
    status_on,
)
from advisor.cli import main

BEFORE_2014 = (dt.date(2009, 6, 1), dt.date(2010, 9, 1), dt.date(2011, 6, 1),
               dt.date(2012, 1, 1), dt.date(2013, 6, 1))


# ------------------------------------------------------------------------- routes on a date


@pytest.mark.parametrize("day", BEFORE_2014)
@pytest.mark.parametrize("held", ["601/4404/X", "10378", "10379"])
def test_routes__from_a_qualification_not_yet_open_is_refused_with_when_it_opened(
        catalogue, held, day):
    """Nobody could hold a qualification before it opened: a route from it on such a date is
    refused, saying when it opened (or was launched), whether held first or among others."""
    q = catalogue.find_qualification(held)
    with pytest.raises(RouteError) as first:
        list(find_routes(catalogue, from_qualification=q, as_at=day))
    assert "had not opened yet" in str(first.value) and q.name in str(first.value)
    other = catalogue.find_qualification("09628")
    with pytest.raises(RouteError) as among:
        list(find_routes(catalogue, from_qualification=other, also_completed=[q],
                         to_level=3, as_at=day))
    assert q.name in str(among.value)


def test_routes__from_601_4404_x_before_it_opened_the_cli_says_when(capsys):
    assert main(["routes", "--from", "601/4404/X", "--to-level", "2",
                 "--as-at", "2012-01-01"]) == 2
    said = capsys.readouterr().err
    assert "had not opened yet on 1 January 2012" in said and "1 October 2014" in said


def test_routes__from_601_4404_x_once_open_is_answered(catalogue):
    q = catalogue.find_qualification("601/4404/X")
    assert list(find_routes(catalogue, from_qualification=q, as_at=dt.date(2015, 6, 1)))


@pytest.mark.parametrize("day", BEFORE_2014)
@pytest.mark.parametrize("to_level", [1, 2, 3, 4])
def test_routes__no_step_goes_to_a_qualification_not_yet_open(catalogue, day, to_level):
    """Before 601/4404/X opened (1 October 2014) and the OCR suite was launched (autumn 2014),
    no route from nothing starts at one of them or passes through one."""
    for route in find_routes(catalogue, to_level=to_level, as_at=day):
        for step in route.steps:
            assert step.status.status is not Status.NOT_YET_OPEN, (
                [q.reference for q in route.path], step.to.reference)


def test_routes__once_open_601_4404_x_is_a_way_to_level_2(catalogue):
    """The same search on a date after it opened does go through it (so the test above can
    fail)."""
    paths = [[q.reference for q in r.path]
             for r in find_routes(catalogue, to_level=2, as_at=dt.date(2015, 6, 1))]
    assert any(p[0] == "601/4404/X" for p in paths)


# ------------------------------------------------------------------ legacy words on a date


@pytest.mark.parametrize("code", ["04522", "04523"])
@pytest.mark.parametrize("day", [dt.date(2009, 6, 1), dt.date(2011, 6, 1), dt.date(2012, 1, 1)])
def test_legacy__04522_before_the_documents_that_call_it_legacy_is_not_called_so(
        catalogue, code, day):
    """The documents the word "legacy" for 04522 and 04523 rests on date from September 2012
    and later: before then their status is simply not known, with no "may well have stopped
    taking new learners since"."""
    status = status_on(catalogue, catalogue.find_qualification(code), day)
    assert status.status is Status.UNKNOWN
    assert not status.legacy
    assert "legacy" not in status.reason and "since" not in status.reason


@pytest.mark.parametrize("code", ["04522", "04523"])
def test_legacy__04522_after_those_documents_is_called_legacy(catalogue, code):
    status = status_on(catalogue, catalogue.find_qualification(code), dt.date(2026, 12, 2))
    assert status.legacy
    assert "may well have stopped taking new learners since" in status.reason


# ----------------------------------------------- a qualification held before it opened


def test_recommend__holding_601_4404_x_before_it_opened_is_refused_with_when(catalogue):
    """Nobody held 601/4404/X on 1 January 2012 (it opened on 1 October 2014): the starting
    level does not say "already holds" it, but asks for a later date."""
    profile = Profile(employment=Employment.WORKING, held_qualifications=("ocnlr-601-4404-x",))
    with pytest.raises(AnswerError) as refused:
        recommend(catalogue, profile, as_at=dt.date(2012, 1, 1))
    assert "had not opened yet on 1 January 2012" in str(refused.value)
    assert "1 October 2014" in str(refused.value)
    held = recommend(catalogue, profile, as_at=dt.date(2015, 6, 1))
    assert any("601/4404/X" in r.message for r in held.reasons)


def test_recommend__the_cli_refuses_a_qualification_held_before_its_launch(capsys):
    assert main(["recommend", "--employment", "working", "--has", "10379",
                 "--as-at", "2013-06-01"]) == 2
    said = capsys.readouterr().err
    assert "had not opened yet on 1 June 2013" in said and "autumn of 2014" in said


def test_cohort__a_row_holding_a_qualification_before_it_opened_is_an_error(catalogue):
    rows = (LearnerRow(row=2, learner_ref="A1", employment=Employment.WORKING,
                       qualifications_held=("601/4404/X",)),)
    result = assess_cohort(catalogue, CohortInput("intake.csv", rows, ()),
                           as_at=dt.date(2012, 1, 1))
    (learner,) = result.learners
    assert not learner.assessed
    assert any(p.column == "qualifications_held" and "had not opened yet" in p.message
               for p in learner.problems)
    later = assess_cohort(catalogue, CohortInput("intake.csv", rows, ()),
                          as_at=dt.date(2015, 6, 1))
    assert later.learners[0].assessed


# --------------------------------------------------------------- the route map on a date


def test_route_map__names_a_qualification_legacy_only_where_the_word_applies(catalogue):
    """03456 was not yet legacy on 1 June 2012 (10380 came in the autumn of 2014): the route
    map's name for it says so only on a later date."""
    def hover(day):
        figure = charts.route_map(catalogue, as_at=day)
        (points,) = [t for t in figure.data if t.name == "Qualification"]
        return next(h for h in points.hovertext if "Level 3 NVQ Diploma" in h)

    assert "(legacy)" not in hover(dt.date(2012, 6, 1))
    assert "(legacy)" in hover(dt.date(2026, 12, 2))
