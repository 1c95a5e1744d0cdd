"""The answers each journey's printout opens with, worded once for the three journeys."""

from __future__ import annotations

import dataclasses
import datetime as dt

from advisor import (
    Accepted,
    Aim,
    CheckQuery,
    Employment,
    Profile,
    RouteQuery,
    check_answers,
    labels,
    level_3_statements,
    profile_answers,
    route_answers,
)


def test_profile_answers__in_the_learners_words_with_not_given_where_silent(catalogue):
    q = catalogue.find_qualification("09628")
    told = profile_answers(catalogue, Profile(age=30, employment=Employment.WORKING,
                                              aim=Aim.APPRENTICESHIP,
                                              held_qualifications=(q.id,)))
    assert told["Working"] == "Yes, in a job where I deal with customers"
    assert told["What I want"] == "An apprenticeship: a qualification that counts towards one"
    assert told["Qualifications held"] == f"09628 - {q.title} (Level 2)"  # with its code
    assert (told["Job"], told["Senior role"], told["Units held"]) == (
        "not given", "not given", "none")
    assert told["Describes my work"] == "none chosen"


def test_profile_answers__not_working_leaves_out_the_questions_about_a_job(catalogue):
    """The page does not ask someone not in work about a job they do, but which job they would
    like: neither does their plan."""
    told = profile_answers(catalogue, Profile(age=16, employment=Employment.NOT_WORKING))
    assert list(told) == ["Age", "Working", "Job I would like", "Qualifications held",
                          "Units held", "What I want"]
    assert told["Job I would like"] == "not given"


def test_profile_answers__the_level_3_descriptions_in_the_learners_words(catalogue):
    statement = level_3_statements(catalogue)
    told = profile_answers(catalogue, Profile(responsibilities=statement.points[:2]))
    assert told["Describes my work"] == "; ".join(labels.in_your_words(p)
                                                  for p in statement.points[:2])
    assert statement.points[0] not in told["Describes my work"]  # not the handbook's wording


def test_route_answers__every_qualification_completed_and_the_aim(catalogue):
    q = catalogue.find_qualification
    told = route_answers(catalogue, RouteQuery(
        from_qualification=q("03455").id, also_completed=(q("09628").id,), to_level=3,
        units=("D/502/9654",)))
    assert told["Completed"].startswith("03455 ")
    assert told["Other qualifications completed"].startswith("09628 ")
    assert told["Other units held"].startswith("D/502/9654 ")
    assert told["Aiming for"] == "Level 3"
    onward = route_answers(catalogue, RouteQuery(units=("D/502/9654",)))
    assert (onward["Completed"], onward["Aiming for"]) == (
        "none", "no target chosen: onward routes shown")
    assert "Units held" in onward and "Other qualifications completed" not in onward


def test_route_answers__the_age_told_first_where_it_was_given(catalogue):
    """The route's printout says what the starting level's did: the age, where told."""
    query = RouteQuery(from_qualification=catalogue.find_qualification("09628").id, to_level=3)
    told = route_answers(catalogue, dataclasses.replace(query, age=17))
    assert list(told)[:2] == ["Age", "Completed"] and told["Age"] == "17"
    assert "Age" not in route_answers(catalogue, query)
    told = route_answers(catalogue, dataclasses.replace(query, age=34, senior_role=False))
    assert list(told)[:3] == ["Age", "Senior role", "Completed"] and told["Senior role"] == "no"


def test_check_answers__decisions_with_their_notes_and_the_study_plan(catalogue):
    q = catalogue.find_qualification("03456")
    told = check_answers(catalogue, CheckQuery(
        qualification=q.id, units=("K/601/1622",), accepted=(Accepted("D/601/1519", ""),),
        in_progress=("T/601/1526",), glh_per_week=4, start=dt.date(2018, 6, 1)))
    assert told["Units achieved"] == "F3 (K/601/1622) Demonstrate understanding of customer " \
                                     "service"
    assert told["Accepted by the centre"].endswith("(evidence: not given)")
    assert told["In progress"].startswith("D1 (T/601/1526)")
    assert (told["Study"], told["Registered"]) == ("4 hours a week from 1 June 2018", "not yet")
