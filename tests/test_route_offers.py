"""The routes *Find a starting level* offers to plan next, and whether the learner works, as
the route journey carries it: in its link, its printout's answers, its ordering and cautions,
and the CLI's ``routes --employment``; and the routes Explore's comparison offers."""

from __future__ import annotations

import datetime as dt
import json

from advisor import (
    ActionPlan,
    Aim,
    Employment,
    Profile,
    RouteOfferKind,
    action_plan_html,
    assessed_at_work_caution,
    compared_routes,
    find_routes,
    labels,
    learner_can_start_first,
    recommend,
    route_answers,
    route_for_offer,
)
from advisor.cli import main
from advisor.formats.links import RouteQuery, decode_route, encode_route

TODAY = dt.date(2026, 12, 2)
WHILE_10379_OPEN = dt.date(2015, 6, 1)
BEFORE_10379 = dt.date(2013, 6, 1)  # 10379 was launched in the autumn of 2014
PROGRESSION = "001_1a36f8904fba0327.txt § 2.7 Progression opportunities"


def offers(catalogue, as_at=TODAY, **profile):
    return recommend(catalogue, Profile(**profile), as_at=as_at).route_offers


def test_route_offers__holding_09628_at_level_2_a_competence_route_there_comes_first(catalogue):
    """A 19-year-old at work holding 09628 is suggested Level 2: beside the step up to Level 3,
    a route to 10379, which replaced 03455, the Level 2 NVQ the 09628 handbook names as the
    progression from it; the link opens the route page from 09628 to 10379."""
    profile = Profile(age=19, employment=Employment.WORKING, held_qualifications=("ocr-09628",))
    found = recommend(catalogue, profile, as_at=TODAY).route_offers
    assert [o.kind for o in found] == [RouteOfferKind.COMPETENCE_AT_LEVEL,
                                       RouteOfferKind.STEP_UP]
    competence = found[0]
    assert competence.to_qualification is not None
    assert competence.to_qualification.id == "ocr-10379"
    assert labels.route_offer_label(competence) == (
        "Plan a route from what you hold to OCR Level 2 Diploma in Customer Service (10379), "
        "knowledge and competence at work in one Level 2 qualification")
    assert competence.why.startswith(
        "From 09628, the documents name OCR Level 2 NVQ Certificate in Customer Service (03455) "
        "as a progression; the sources suggest OCR Level 2 Diploma in Customer Service (10379) "
        "replaced it")
    assert "Whether it is open to new learners on 2 December 2026, the sources do not say" \
        in competence.why
    assert PROGRESSION in [c.label() for c in competence.source]
    assert encode_route(catalogue, route_for_offer(catalogue, profile, competence)) == {
        "from": "09628", "to": "10379", "age": "19", "work": "working"}


def test_route_offers__the_competence_route_is_one_open_on_the_date_or_named(catalogue):
    """In June 2015 10379 is open, and offered as such; in 2013, before it was launched, the
    Level 2 NVQ the handbook names, 03455, with the handbook's words."""
    (open_one, _) = offers(catalogue, WHILE_10379_OPEN, employment=Employment.WORKING,
                           held_qualifications=("ocr-09628",))
    assert open_one.to_qualification.id == "ocr-10379"
    assert "It is open to new learners on 1 June 2015." in open_one.why
    (named, _) = offers(catalogue, BEFORE_10379, employment=Employment.WORKING,
                        held_qualifications=("ocr-09628",))
    assert named.to_qualification.id == "ocr-03455"
    assert named.why.startswith("The documents name it as a progression from 09628: "
                                "\"Candidates for the Level 2 Certificate can progress to the "
                                "Level 2 NVQ Certificate in Customer Service.\"")


def test_route_offers__no_competence_route_where_it_would_repeat_or_is_not_wanted(catalogue):
    """Holding a competence qualification at the level (03455, 10379), wanting knowledge, or
    not working without wanting competence: only the step up."""
    for profile in ({"held_qualifications": ("ocr-03455",)},
                    {"held_qualifications": ("ocr-10379",)},
                    {"held_qualifications": ("ocr-09628",), "aim": Aim.KNOWLEDGE},
                    {"held_qualifications": ("ocr-09628",),
                     "employment": Employment.NOT_WORKING}):
        kinds = [o.kind for o in offers(catalogue, **profile)]
        assert kinds == [RouteOfferKind.STEP_UP], profile


def test_route_offers__not_working_but_wanting_competence_it_says_it_needs_a_job(catalogue):
    (competence, _) = offers(catalogue, employment=Employment.NOT_WORKING, aim=Aim.COMPETENCE,
                             held_qualifications=("ocr-09628",))
    assert competence.why.endswith("You said you are not working: its competence is assessed "
                                   "at work, so you would need a job or a work placement for "
                                   "it.")


def test_route_offers__the_other_routes_are_offered_as_before(catalogue):
    """Holding nothing: to the level suggested, then on after it; wanting an apprenticeship
    below every framework: where they start; no level and nothing held: none."""
    fresh = offers(catalogue, age=19, employment=Employment.WORKING)
    assert [labels.route_offer_label(o) for o in fresh] == [
        "Plan a route to Level 2", "Plan a route on to Level 3, after Level 2"]
    (towards,) = offers(catalogue, age=17, employment=Employment.NOT_WORKING,
                        aim=Aim.APPRENTICESHIP)
    assert (towards.kind, towards.to_level, towards.start_level) == (
        RouteOfferKind.TO_APPRENTICESHIPS, 2, 1)
    assert offers(catalogue) == ()


def test_route_link__whether_the_learner_works_travels_and_a_bad_answer_is_noted(catalogue):
    query = RouteQuery(from_qualification="ocr-09628", to_level=3,
                       employment=Employment.NOT_WORKING)
    link = {"from": "09628", "level": "3", "work": "not-working"}
    assert encode_route(catalogue, query) == link
    assert decode_route(catalogue, link) == (query, [])
    query, notes = decode_route(catalogue, {"from": "09628", "work": "sometimes"})
    assert query == RouteQuery(from_qualification="ocr-09628")
    assert notes == ["The link's work answer 'sometimes' was not understood: left out."]


def test_route_printout__what_you_told_us_says_whether_the_learner_works(catalogue):
    query = RouteQuery(from_qualification="ocr-09628", to_qualification="ocr-10379",
                       employment=Employment.NOT_WORKING)
    told = route_answers(catalogue, query)
    assert told["Working"] == labels.EMPLOYMENT_ANSWERS[Employment.NOT_WORKING]
    assert "Working" not in route_answers(catalogue, RouteQuery(from_qualification="ocr-09628"))
    (route, *_) = find_routes(catalogue, from_qualification=catalogue.qualifications["ocr-09628"],
                              to_qualification=catalogue.qualifications["ocr-10379"],
                              as_at=TODAY)
    page = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, answers=told, route=route, route_employment=Employment.NOT_WORKING))
    assert "Step 1 (10379) is assessed at work, at least in part" in page
    working = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, answers=told, route=route, route_employment=Employment.WORKING))
    assert "is assessed at work, at least in part" not in working


def test_routes__not_working_the_steps_assessed_at_work_are_said_and_come_later(catalogue):
    """From nothing to Level 2, starting at Level 1: for someone not working, 601/4404/X (a
    course) then 10379 comes before 10378 (assessed at work) then 10379, and each route with
    a step assessed at work says so, citing how an NVQ is assessed; for someone in work, or
    who did not say, neither."""
    found = list(find_routes(catalogue, to_level=2, start_level=1, as_at=TODAY))
    paths = lambda routes: [" ".join(q.reference for q in r.path) for r in routes]  # noqa: E731
    before = paths(learner_can_start_first(catalogue, found, start_level=1))
    after = paths(learner_can_start_first(catalogue, found, start_level=1,
                                          employment=Employment.NOT_WORKING))
    assert before.index("10378 10379") < before.index("601/4404/X 10379")
    assert after.index("601/4404/X 10379") < after.index("10378 10379")
    (route,) = [r for r in found if paths([r]) == ["10378 10379"]]
    caution = assessed_at_work_caution(catalogue, route, Employment.NOT_WORKING)
    assert caution is not None
    assert caution.message.startswith("Steps 1 (10378) and 2 (10379) are assessed at work")
    assert "003_6006b2829cc9c277.txt § ASSESSMENT" in [c.label() for c in caution.source]
    assert assessed_at_work_caution(catalogue, route, Employment.WORKING) is None
    assert assessed_at_work_caution(catalogue, route, None) is None


def test_cli_routes__takes_employment_as_recommend_does(capsys):
    assert main(["routes", "--from", "09628", "--to", "10379", "--employment", "not-working",
                 "--as-at", TODAY.isoformat(), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "! Step 1 (10379) is assessed at work, at least in part" in out
    assert main(["routes", "--from", "09628", "--to", "10379", "--employment", "working",
                 "--as-at", TODAY.isoformat(), "--limit", "1", "--json"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert shape["employment"] == "working"
    assert shape["routes"][0]["at_work"] is None


def routes_compared(catalogue, *references):
    offered = compared_routes(catalogue, [catalogue.find_qualification(r) for r in references])
    return [(a.reference, b.reference) for a, b in offered.routes], offered.replaced


def test_compared_routes__never_from_a_qualification_back_to_one_it_replaced(catalogue):
    """10380 replaced 09629, and 10379 replaced 03455 and 09628 (at the same level): a
    comparison offered "Plan a route from 10380 to 09629" when 10380 was chosen first. The
    route offered runs from the one replaced to what replaced it, whichever was chosen first,
    and the replacement is said in the sources' words, with their citations."""
    for first, second in (("10380", "09629"), ("10379", "03455"), ("10379", "09628")):
        for references in ((first, second), (second, first)):
            routes, replaced = routes_compared(catalogue, *references)
            assert routes == [(second, first)], references
            ((said, sources),) = replaced
            assert said.startswith(f"{second} is not a step onward from {first}: the sources "
                                   f"suggest {first} replaced it ")
            assert said.endswith("(they do not say so in those words).")
            (replacement,) = catalogue.find_qualification(second).replaced_by
            assert sources == replacement.source and sources


def test_compared_routes__up_by_level_and_none_to_a_national_structure(catalogue):
    """Between qualifications no one of which replaced another, a route from each to the next
    one up, as before, and nothing said; a national structure is not enrolled on."""
    assert routes_compared(catalogue, "10380", "09628") == ([("09628", "10380")], ())
    assert routes_compared(catalogue, "09628", "09629", "10380")[0] == [
        ("09628", "09629"), ("09629", "10380")]
    assert routes_compared(catalogue, "S/016/609", "10380") == ([], ())
    routes, replaced = routes_compared(catalogue, "10380", "09629", "03456")
    assert ("10380", "09629") not in routes and ("10380", "03456") not in routes
    assert sorted(said[:5] for said, _ in replaced) == ["03456", "09629"]


def test_compared_routes__older_ones_at_a_level_each_go_to_what_replaced_them(catalogue):
    """03456 and 09629 (competence and knowledge at Level 3) were both replaced by 10380: a
    comparison of the three offered a route from one closed qualification to the other
    (03456 to 09629), and which one depended on the order they were chosen in. Each now goes
    to 10380, whatever the order; and so at Level 2 with 03455, 09628 and 10379, where 10379
    then leads on to a Level 3 one compared with them."""
    for references in (("03456", "09629", "10380"), ("09629", "10380", "03456"),
                       ("10380", "03456", "09629")):
        routes, _ = routes_compared(catalogue, *references)
        assert sorted(routes) == [("03456", "10380"), ("09629", "10380")], references
    routes, _ = routes_compared(catalogue, "10379", "03455", "09628", "10380")
    assert sorted(routes) == [("03455", "10379"), ("09628", "10379"), ("10379", "10380")]
    # Neither replaced the other, and a higher level is compared: each goes up, not sideways.
    for references in (("03456", "09629", "10381"), ("10381", "09629", "03456")):
        routes, _ = routes_compared(catalogue, *references)
        assert sorted(routes) == [("03456", "10381"), ("09629", "10381")], references
    # All at one level, none replacing another: from one to the other, as before.
    assert routes_compared(catalogue, "09628", "03455")[0] == [("09628", "03455")]
    # Sideways only to one not closed on the date, and never to one of no level (04522).
    picked = [catalogue.find_qualification(r) for r in ("09629", "03456")]
    assert compared_routes(catalogue, picked, as_at=TODAY).routes == ()
    assert [(a.reference, b.reference) for a, b in compared_routes(
        catalogue, picked, as_at=dt.date(2015, 6, 1)).routes] == [("09629", "03456")]
    assert routes_compared(catalogue, "09628", "04522")[0] == []
    # On a date, up a level to one not closed then: today 09628 to 10380, not to 09629,
    # closed since 2016; in 2015, when 09629 was open, to 09629 as before.
    picked = [catalogue.find_qualification(r) for r in ("09628", "10380", "09629")]
    for as_at, up in ((TODAY, "10380"), (dt.date(2015, 6, 1), "09629")):
        offered = compared_routes(catalogue, picked, as_at=as_at)
        assert sorted((a.reference, b.reference) for a, b in offered.routes) == sorted(
            [("09628", up), ("09629", "10380")]), as_at


def test_route_offer_label__says_what_the_qualification_is_for_what_was_asked(catalogue):
    """Holding 09628 (knowledge), a call centre operator of 24 who wants an apprenticeship is
    offered 10379: the link says it is part of a Level 2 apprenticeship and that it holds
    knowledge as well as competence, not that it only proves competence (its knowledge part
    would come again). In 2013 the NVQ offered, 03455, does prove competence alone."""
    (apprenticeship, _) = offers(catalogue, age=24, employment=Employment.WORKING,
                                 role="Call Centre Operators", senior_role=False,
                                 held_qualifications=("ocr-09628",), aim=Aim.APPRENTICESHIP)
    assert apprenticeship.in_apprenticeship
    assert labels.route_offer_label(apprenticeship) == (
        "Plan a route from what you hold to OCR Level 2 Diploma in Customer Service (10379), "
        "part of a Level 2 apprenticeship: knowledge and competence at work in one qualification")
    (nvq, _) = offers(catalogue, BEFORE_10379, employment=Employment.WORKING,
                      held_qualifications=("ocr-09628",))
    assert labels.route_offer_label(nvq) == (
        "Plan a route from what you hold to OCR Level 2 NVQ Certificate in Customer Service "
        "(03455), to prove your competence at work at Level 2")
