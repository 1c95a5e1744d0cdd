"""Answers for today: on 29 November 2026 every answer leads somewhere a person can act on.

Each situation a new user met (routes to closed qualifications, dead ends for a school leaver,
targets the route search could not reach, a review date read as unknown, similar optional units
left out) is pinned here through the engine's API and the CLI's JSON.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import (
    ActionPlan,
    Aim,
    Employment,
    Profile,
    ReasonCode,
    Status,
    StepKind,
    action_plan_html,
    carry_over,
    check_eligibility,
    find_routes,
    frameworks_route_leads_into,
    recommend,
    status_on,
    tables,
)
from advisor.cli import main
from tests.support.app import open_with_link
from tests.support.examples import examples

TODAY = dt.date(2026, 11, 29)
WHILE_OPEN = dt.date(2015, 6, 1)


def ids(route):
    return [q.reference for q in route.path]


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# ------------------------------------------------------------------------- status on the date


@pytest.mark.parametrize(("code", "day", "status", "replaced_by"), [
    ("09628", WHILE_OPEN, Status.OPEN, ()),
    ("09628", TODAY, Status.CERTIFICATION_CLOSED, ("ocr-10379",)),
    ("09629", dt.date(2017, 6, 1), Status.CLOSED, ("ocr-10380",)),
    ("10380", TODAY, Status.UNKNOWN, ()),
    ("10380", dt.date(2014, 8, 31), Status.NOT_YET_OPEN, ()),  # launched in the autumn of 2014
    # Launched in the autumn of 2014: by 1 December, the first day after autumn, it had been,
    # and to the end of the year OCR's 2014-2015 report describes learners on it: open, as far
    # as the sources show; before and after, not known.
    ("10380", dt.date(2014, 9, 1), Status.UNKNOWN, ()),
    ("10380", dt.date(2014, 12, 1), Status.OPEN, ()),
    ("10380", dt.date(2015, 8, 31), Status.OPEN, ()),
    ("10380", dt.date(2015, 9, 1), Status.UNKNOWN, ()),
    ("10378", dt.date(2012, 6, 1), Status.NOT_YET_OPEN, ()),
    ("601/4404/X", dt.date(2014, 9, 1), Status.NOT_YET_OPEN, ()),
    ("601/4404/X", WHILE_OPEN, Status.OPEN, ()),
    ("601/4404/X", TODAY, Status.UNKNOWN, ()),
    ("S/016/608", TODAY, Status.NATIONAL_STRUCTURE, ()),
])
def test_status__on_the_date_with_its_reason_and_replacement(catalogue, code, day, status,
                                                               replaced_by):
    found = status_on(catalogue, catalogue.find_qualification(code), day)
    assert found.status is status
    assert found.reason and found.source
    assert found.replaced_by == replaced_by


def test_launch__before_its_replacement_was_launched_a_qualification_is_not_called_replaced(
        catalogue):
    """On 1 June 2012, 10380 (launched in the autumn of 2014) was still to come: it is not yet
    open, 09629 and 03456 were "later replaced" by it, and 03456 is not yet the legacy
    qualification the 2014-15 report calls it. On today's date they read as before."""
    then = dt.date(2012, 6, 1)
    new = check_eligibility(catalogue, catalogue.find_qualification("10380"), as_at=then)
    (not_yet,) = [r for r in new.reasons if r.code is ReasonCode.NOT_YET_OPEN]
    assert not_yet.message == ("Not yet open on this date: the sources say it was launched in "
                               "the autumn of 2014.")
    assert new.eligible is False
    for code in ("09629", "03456"):
        old = catalogue.find_qualification(code)
        (replaced,) = [r.message for r in check_eligibility(catalogue, old, as_at=then).reasons
                       if r.code is ReasonCode.REPLACED]
        assert replaced.startswith("Later replaced by OCR Level 3 Diploma in Customer Service "
                                   "(10380), launched in the autumn of 2014, ")
        (replaced_now,) = [r.message for r in check_eligibility(catalogue, old, as_at=TODAY).reasons
                           if r.code is ReasonCode.REPLACED]
        assert replaced_now.startswith("Replaced by OCR Level 3 Diploma in Customer Service "
                                       "(10380) ")
    nvq_then = status_on(catalogue, catalogue.find_qualification("03455"), then)
    nvq_now = status_on(catalogue, catalogue.find_qualification("03455"), TODAY)
    assert "legacy" not in nvq_then.reason
    assert "It is counted as a legacy qualification" in nvq_now.reason
    # The next step from 09628 to 03455 in 2012 raises no doubt about 03455's future.
    from_09628 = recommend(catalogue, Profile(employment=Employment.WORKING,
                                              held_qualifications=("ocr-09628",)), as_at=then)
    to_03455 = next(s.message for s in from_09628.next_steps if "Level 2 NVQ" in s.message)
    assert "legacy" not in to_03455 and "10379" not in to_03455


# --------------------------------------------------------------------- the operational period


def test_operational_period__open_between_the_start_and_the_review_date(catalogue):
    level_1 = catalogue.find_qualification("601/4404/X")
    during = check_eligibility(catalogue, level_1, age=15, as_at=WHILE_OPEN)
    assert during.eligible is True
    codes = [r.code for r in during.reasons]
    assert ReasonCode.OPEN_TO_ENTRY in codes and ReasonCode.REVIEW_NOT_AN_END in codes
    (caution,) = [r for r in during.reasons if r.code is ReasonCode.REVIEW_NOT_AN_END]
    assert "not a closing date" in caution.message and "confirm" in caution.message


def test_operational_period__after_the_review_date_is_unknown_again(catalogue):
    level_1 = catalogue.find_qualification("601/4404/X")
    after = check_eligibility(catalogue, level_1, age=15, as_at=dt.date(2020, 6, 1))
    assert after.eligible is None
    codes = [r.code for r in after.reasons]
    assert ReasonCode.REVIEW_DATE_PASSED in codes and ReasonCode.DATES_UNKNOWN in codes
    assert ReasonCode.OPEN_TO_ENTRY not in codes


def test_operational_period__the_cli_says_open(capsys):
    out = run_json(capsys, "eligibility", "601/4404/X", "--age", "15", "--as-at", "2015-06-01")
    assert out["eligible"] is True


# ------------------------------------------------------------------------------------- routes


def test_routes__before_the_2014_qualifications_were_launched_they_are_no_way_to_go(catalogue):
    """On 1 June 2012 the routes from 09628 to Level 3 go through what was there then (09629,
    03456); 10379 and 10380, launched in the autumn of 2014, are neither a direct start nor a
    replacement step, and come after anything that may be open."""
    start = catalogue.find_qualification("09628")
    routes = list(find_routes(catalogue, from_qualification=start, to_level=3,
                              as_at=dt.date(2012, 6, 1)))
    assert [ids(r) for r in routes[:2]] == [["09628", "09629"], ["09628", "03456"]]
    for route in routes:
        for step in route.steps:
            if step.to.reference in ("10379", "10380"):
                assert step.kind not in (StepKind.DIRECT, StepKind.REPLACEMENT)
                assert step.status.status is Status.NOT_YET_OPEN
    ranks = [r.status.rank for r in routes]
    assert ranks == sorted(ranks)
    # Not yet open comes after not known, and before closed.
    assert Status.UNKNOWN.rank < Status.NOT_YET_OPEN.rank < Status.CLOSED.rank


def test_before_the_2014_framework_its_components_are_not_said_to_fit(catalogue):
    """On 1 June 2012 FR03058 (issued 29 August 2014) was still to come: the OCNLR Level 2
    Diploma, one of its components, does not fit an apprenticeship aim then."""
    then = dt.date(2012, 6, 1)
    result = recommend(catalogue, Profile(age=30, employment=Employment.WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=then)
    by_reference = {o.qualification.reference: o for o in result.options}
    diploma = by_reference["OCNLR L2 Diploma CS"]
    assert diploma.fits_aim is False
    assert diploma.aim_note == (
        "A component of the Intermediate Apprenticeship in Customer Service (Level 2, framework "
        "FR03058), issued on 29 August 2014, after 1 June 2012.")
    assert by_reference["09628"].fits_aim is True  # the 2010 framework's, in force then


def test_routes__none_to_a_qualification_not_yet_open_says_so(capsys):
    """10380 had not opened on 1 June 2012: no route ends there, and it is not said to have
    closed."""
    assert main(["routes", "--from", "09628", "--to", "10380", "--as-at", "2012-06-01"]) == 0
    said = capsys.readouterr().out
    assert ("OCR Level 3 Diploma in Customer Service (10380) had not opened yet on 1 June "
            "2012") in said
    assert "closed" not in said


def test_routes__a_legacy_step_counts_as_one_only_once_its_replacement_had_opened(catalogue):
    """The order among routes whose status is not known puts legacy steps later; 03455 was
    not yet legacy on 1 June 2012, before 10379 was launched in the autumn of 2014."""
    start, target = (catalogue.find_qualification(c) for c in ("09628", "03455"))

    def legacy_steps(day: dt.date) -> int:
        route = next(r for r in find_routes(catalogue, from_qualification=start,
                                            to_qualification=target, as_at=day)
                     if ids(r) == ["09628", "03455"])
        return route.cost.legacy_steps

    assert legacy_steps(TODAY) == 1
    assert legacy_steps(dt.date(2012, 6, 1)) == 0


def test_routes__the_first_route_depends_on_the_date(catalogue):
    start = catalogue.find_qualification("09628")
    then = next(find_routes(catalogue, from_qualification=start, to_level=3, as_at=WHILE_OPEN))
    now = next(find_routes(catalogue, from_qualification=start, to_level=3, as_at=TODAY))
    assert ids(then) == ["09628", "09629"] and then.status is Status.OPEN
    assert ids(now) == ["09628", "10380"] and now.status is Status.UNKNOWN
    assert now.steps[0].kind is StepKind.REPLACEMENT
    assert [c.label() for c in now.steps[0].source] == [
        c.label() for r in catalogue.find_qualification("09629").replaced_by for c in r.source]


def test_routes__09629_closed_stays_visible_below_the_open_alternative(catalogue):
    start = catalogue.find_qualification("09628")
    found = list(find_routes(catalogue, from_qualification=start, to_level=3, as_at=TODAY))
    paths = [ids(r) for r in found]
    assert ["09628", "09629"] in paths
    assert paths.index(["09628", "10380"]) < paths.index(["09628", "09629"])
    closed = next(r for r in found if ids(r) == ["09628", "09629"])
    assert closed.status is Status.CERTIFICATION_CLOSED
    assert closed.steps[0].status.replaced_by == ("ocr-10380",)


def test_routes__a_route_to_the_named_replacement_exists(capsys, catalogue):
    start, target = (catalogue.find_qualification(c) for c in ("09628", "10380"))
    best = next(find_routes(catalogue, from_qualification=start, to_qualification=target,
                            as_at=TODAY))
    assert ids(best) == ["09628", "10380"]
    out = run_json(capsys, "routes", "--from", "09628", "--to", "10380",
                   "--as-at", "2026-11-29")
    assert out["routes"] and out["routes"][0]["steps"][0]["status"]["value"] == "unknown"


def test_routes__from_nothing_to_level_2_does_not_start_at_a_closed_qualification(catalogue):
    first = next(find_routes(catalogue, to_level=2, as_at=TODAY))
    assert first.status is not Status.CERTIFICATION_CLOSED
    assert "09628" not in ids(first)


def test_routes__without_a_target_are_the_onward_ones(capsys, catalogue):
    start = catalogue.find_qualification("09628")
    onward = list(find_routes(catalogue, from_qualification=start, as_at=TODAY))
    assert onward and all(1 <= len(r.steps) <= 2 for r in onward)
    assert {ids(r)[1] for r in onward} >= {"09629", "03455"}
    assert [r.cost for r in onward] == sorted(r.cost for r in onward)
    out = run_json(capsys, "routes", "--from", "09628", "--as-at", "2026-11-29")
    assert [[q["id"] for q in r["path"]] for r in out["routes"]][:1] == [
        [q.id for q in onward[0].path]]
    assert all(len(r["steps"]) <= 2 for r in out["routes"])


def test_routes__onward_from_a_qualification_no_document_leads_on_from(catalogue):
    """03456 and 03455: no document names a next step, yet a qualification one level up is
    not known to be closed; onward, that is a direct start, said to be one."""
    for held, first_step in (("03456", "10381"), ("03455", "10380")):
        start = catalogue.find_qualification(held)
        onward = list(find_routes(catalogue, from_qualification=start, as_at=TODAY))
        assert ids(onward[0])[1] == first_step
        step = onward[0].steps[0]
        assert step.kind is StepKind.DIRECT and "one level up from" in step.statement
        # never a direct start at a qualification known to be closed, nor one at another level
        assert all(s.to.level == start.level + 1
                   and status_on(catalogue, s.to, TODAY).status.rank < 2
                   for r in onward for s in r.steps[:1] if s.kind is StepKind.DIRECT)
    # Where a document leads on, no direct start is added: the documents' steps come first.
    for held in ("09628", "09629", "10379", "601/4404/X"):
        for day in (WHILE_OPEN, TODAY):
            onward = find_routes(catalogue, from_qualification=catalogue.find_qualification(held),
                                 as_at=day)
            assert all(r.steps[0].kind is not StepKind.DIRECT for r in onward), (held, day)


@settings(max_examples=examples(60), deadline=None)
@given(day=st.sampled_from([WHILE_OPEN, dt.date(2017, 6, 1), TODAY]),
       start=st.sampled_from(["09628", "601/4404/X", "10378", None]),
       level=st.sampled_from([2, 3, 4]),
       extra=st.lists(st.sampled_from(["D/502/9654", "R/502/9652", "H/506/2154", "K/601/1622",
                                       "F/601/1223"]), max_size=3, unique=True))
def test_routes__holding_another_unit_never_lifts_a_closed_route_above_an_open_one(
        catalogue, day, start, level, extra):
    """Whatever units are held, every route through qualifications open on the date comes
    before every route through a closed one (status first, then everything else)."""
    q = catalogue.find_qualification(start) if start else None
    for held in (extra[:-1], extra):
        routes = list(itertools.islice(find_routes(catalogue, from_qualification=q,
                                                   units=held, to_level=level, as_at=day), 12))
        ranks = [r.status.rank for r in routes]
        assert ranks == sorted(ranks)


@settings(max_examples=examples(40), deadline=None)
@given(day=st.sampled_from([WHILE_OPEN, TODAY]),
       units=st.lists(st.sampled_from(["D/502/9654", "R/502/9652", "Y/502/9653",
                                       "H/502/9655", "F/601/1223"]), unique=True))
def test_options__holding_units_never_lifts_a_closed_option_above_an_open_one(catalogue, day,
                                                                              units):
    result = recommend(catalogue, Profile(employment=Employment.WORKING, held_units=tuple(units)),
                       as_at=day)
    ranks = [o.eligibility.status.status.rank for o in result.options]
    assert ranks == sorted(ranks)


# ------------------------------------------------------------------------------- carry-over


def test_carry_over__similar_optional_units_from_601_4404_x_to_03456(capsys, catalogue):
    result = carry_over(catalogue, catalogue.find_qualification("03456"),
                        from_qualification=catalogue.find_qualification("601/4404/X"))
    assert [(s.urn, s.target) for s in result.possible_similar] == [
        ("H/506/2154", "F/601/1223"), ("K/506/2155", "J/601/1224"), ("R/506/2134", "H/601/1215")]
    out = run_json(capsys, "carry-over", "--from", "601/4404/X", "--to", "03456")
    assert [(s["urn"], s["target"]["urn"]) for s in out["possible_similar"]] == [
        (s.urn, s.target) for s in result.possible_similar]


# ------------------------------------------------------------------------------- next steps


def test_next_steps__a_17_year_old_not_working_is_told_whom_to_ask(catalogue):
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING),
                       as_at=TODAY)
    assert result.recommended_level == 1
    assert not any(o.can_start or o.open_on_date for o in result.options)
    messages = [step.message for step in result.next_steps]
    assert messages and any("National Careers Service" in m for m in messages)
    assert any("which Level 1 Customer Service qualifications they offer:" in m
               for m in messages)


def test_next_steps__a_call_centre_operator_holding_09628_hears_what_replaced_it(catalogue):
    result = recommend(catalogue, Profile(age=35, role="Call Centre Operator",
                                          employment=Employment.WORKING,
                                          held_qualifications=("ocr-09628",)), as_at=TODAY)
    documented = [step for step in result.next_steps if step.source]
    assert documented, "the documented progressions from 09628 are among the next steps"
    assert any("Ask a local college or training provider" in step.message
               for step in result.next_steps)


def test_next_steps__two_closed_options_with_one_successor_make_one_question(catalogue):
    # At Level 3 today 03456 and 09629 have both closed, and 10380 replaced each: the adviser's
    # printout asks about 10380 once, naming both, rather than telling the story twice.
    result = recommend(catalogue, Profile(role="team leader", employment=Employment.WORKING),
                       as_at=TODAY)
    assert result.recommended_level == 3
    about_10380 = [s.message for s in result.next_steps if "Ask whether 10380" in s.message]
    assert len(about_10380) == 1
    assert "(03456) and OCR Level 3 Certificate in Principles of Customer Service (09629) " \
        "have closed" in about_10380[0]
    step = next(s for s in result.next_steps if s.message == about_10380[0])
    both = [catalogue.find_qualification(code) for code in ("03456", "09629")]
    # With the rules of the structure 10380 is inferred to follow, whose total it gives.
    structure_rules, _ = catalogue.effective_rules(catalogue.find_qualification("10380"))
    assert set(step.source) == {c for q in both for r in q.replaced_by for c in r.source} | set(
        structure_rules.source)


def test_next_steps__never_empty_even_with_nothing_to_go_on(capsys, catalogue):
    assert recommend(catalogue, Profile(), as_at=TODAY).next_steps
    out = run_json(capsys, "recommend", "--age", "17", "--employment", "not-working",
                   "--as-at", "2026-11-29")
    assert out["next_steps"] and all(set(s) == {"message", "source"} for s in out["next_steps"])
    assert all(o["status"]["value"] in {s.value for s in Status} for o in out["qualifications"])


def test_cli__a_plan_for_a_qualification_whose_certificates_ended_says_so_first(capsys):
    caution = "Certificates for 03456 are no longer issued on this date"
    assert main(["check", "03456", "--units", "F3,F4", "--as-at", "2026-11-30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    plan = next(n for n, line in enumerate(lines) if line.startswith("Smallest completion plan"))
    assert caution in lines[plan - 1] and "OCR Level 3 Diploma" in lines[plan - 1]
    assert main(["check", "03456", "--units", "F3,F4", "--as-at", "2015-06-01"]) == 0
    assert caution not in capsys.readouterr().out  # certificates were still issued then
    assert main(["routes", "--from", "09628", "--to-level", "3", "--as-at", "2026-11-30"]) == 0
    assert ("still needed: nothing that could count: certificates for it are no longer issued"
            in capsys.readouterr().out)  # a route's step gives no plan at all


def test_routes__what_replaced_a_qualification_whose_status_is_unknown_is_offered(catalogue):
    """03455 has no dates in the sources, but they suggest 10379 took its place: onward from
    09628 (whose documents lead to 03455), 10379 is offered too, saying why."""
    found = list(itertools.islice(find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"),
        as_at=dt.date(2026, 11, 30)), 10))
    paths = {tuple(q.reference for q in r.path): r for r in found}
    assert ("09628", "03455") in paths
    step = paths[("09628", "10379")].steps[0]
    assert step.kind is StepKind.REPLACEMENT
    assert step.statement.startswith(
        "Not a documented progression: in place of OCR Level 2 NVQ Certificate in Customer "
        "Service (03455), which may no longer be open (the sources do not say): the sources "
        "suggest OCR Level 2 Diploma in Customer Service (10379) replaced it")


def test_apprenticeship_aim__the_frameworks_at_the_level_travel_with_the_answer(capsys,
                                                                               catalogue):
    """An adviser planning an apprenticeship gets the frameworks at the level, the one issued
    in 2014 first, with what took its place today, in the answer, the CLI and the printout."""
    profile = Profile(age=25, employment=Employment.WORKING, aim=Aim.APPRENTICESHIP,
                      held_qualifications=(catalogue.find_qualification("09628").id,))
    result = recommend(catalogue, profile, as_at=TODAY)
    assert result.recommended_level == 2
    assert [f.framework.id for f in result.frameworks] == [
        "intermediate-apprenticeship-customer-service-2014",
        "apprenticeship-customer-service-2010"]
    older = result.frameworks[1]
    assert {c.component.id: c.held for c in older.components}["technical-knowledge"] is True
    plain = recommend(catalogue, Profile(age=25, employment=Employment.WORKING), as_at=TODAY)
    assert plain.frameworks == ()  # only for an apprenticeship aim

    out = run_json(capsys, "recommend", "--age", "25", "--employment", "working", "--has",
                   "09628", "--aim", "apprenticeship", "--as-at", TODAY.isoformat())
    assert [f["id"] for f in out["frameworks"]] == [f.framework.id for f in result.frameworks]
    assert out["frameworks"][0]["succeeded_by"]["reference"] == "ST0072"
    assert main(["recommend", "--age", "25", "--employment", "working", "--aim",
                 "apprenticeship", "--as-at", TODAY.isoformat()]) == 0
    assert "Apprenticeship frameworks at Level 2:" in capsys.readouterr().out

    page = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    text = " ".join(page.split())
    assert "<h3>Apprenticeship frameworks at Level 2</h3>" in page
    assert ("<strong>What took its place:</strong> In England, the Customer Service "
            "Practitioner apprenticeship standard (ST0072, Level 2) later took the place of this "
            "framework (the sources do not say when).") in text
    # The standard's rules come from an undated secondary source: said so, with a caution,
    # and never under "Today".
    assert ("A secondary source, which gives no date, adds: its end-point assessment comes "
            "after at least 12 months") in text
    assert "check the current ones with a training provider" in text
    assert "Today:" not in text
    assert re.search(r"<td[^>]*>technical knowledge \(the technical certificate\)</td>"
                     r"<td[^>]*>held</td>", text)


def test_printout__a_closed_option_says_so_once_with_its_dates(catalogue):
    """The options table: 09628's cell gives its closing and certification dates and what
    replaced it, not a summary that the first of them repeats."""
    result = recommend(catalogue, Profile(age=17, employment=Employment.WORKING), as_at=TODAY)
    page = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    (row,) = [r for r in page.split("<tr>") if "(09628)</td>" in r]
    assert "<td>Closed to new learners: the last entry date was 31 December 2016." in row
    assert "Certificates are no longer issued" in row and "Replaced by" in row
    assert "Closed to new learners on this date." not in row


def test_route_printout__carries_the_apprenticeship_frameworks_the_page_shows(catalogue):
    """A route to 10379 ends in the 2014 Intermediate framework's combined qualification: the
    printout lists its components, as the route page does, and where apprenticeships stand."""
    start = catalogue.find_qualification("601/4404/X")
    route = next(find_routes(catalogue, from_qualification=start,
                             to_qualification=catalogue.find_qualification("10379"), as_at=TODAY))
    leads_into = frameworks_route_leads_into(catalogue, route, held=[start.id], as_at=TODAY)
    assert [f.framework.id for f in leads_into.frameworks] == [
        "intermediate-apprenticeship-customer-service-2014"]
    assert leads_into.today is None  # the framework names the standard that took its place
    page = action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route,
                                                  route_frameworks=leads_into))
    text = " ".join(page.split())
    assert "<h2>Apprenticeship frameworks this route leads into</h2>" in text
    assert "(Level 2, framework FR03058)" in text
    assert re.search(r"<td[^>]*>knowledge and competence in one qualification</td>"
                     r"<td[^>]*>on this route</td>", text)
    assert "<strong>What took its place:</strong> In England, the Customer Service Practitioner" \
        in text


def test_cli__a_route_says_which_apprenticeship_framework_it_leads_into(capsys):
    """The CLI gives the route page's answer: the framework, each component, the standard."""
    argv = ["routes", "--from", "601/4404/X", "--to", "10379", "--limit", "1"]
    assert main(argv) == 0
    text = capsys.readouterr().out
    # What took the framework's place first, then its components.
    assert ("  leads into the apprenticeship framework Intermediate Apprenticeship in Customer "
            "Service (Level 2, framework FR03058):\n    What took its place: In England, the "
            "Customer Service Practitioner apprenticeship standard (ST0072, Level 2)") in text
    assert ("\n    [on this route] knowledge and competence in one qualification: Not held "
            "yet: this route takes OCR Level 2 Diploma in Customer Service (10379), which gives "
            "it.\n") in text
    assert "\n    ! From 2014 competence and knowledge are one combined qualification" in text
    assert main([*argv, "--json"]) == 0
    (route,) = json.loads(capsys.readouterr().out)["routes"]
    assert [f["reference"] for f in route["frameworks"]] == ["FR03058"]
    assert route["apprenticeships_today"] is None  # FR03058 names what took its place


def test_cli__units_in_progress_that_complete_it_and_routes_that_end_in_closed_ones(capsys):
    assert main(["check", "09628", "--as-at", "2014-01-01", "--units", "1,2",
                 "--in-progress", "3"]) == 0
    out = capsys.readouterr().out
    assert "Nothing more is needed beyond the units in progress." in out
    assert "Smallest completion plan" not in out
    assert main(["routes", "--from", "09628", "--units", "H/502/9655,K/502/9656", "--to",
                 "09629", "--as-at", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "\nRoute 1: 09628 -> 09629 (closed; documented; 0 more credits)\n" in out
    assert "still needed: nothing more, but certificates for it are no longer issued" in out


def test_route_printout__does_not_say_nothing_counts_when_the_units_held_are_not_known(
        catalogue):
    """03455's units are in none of the sources: the plan says so, and whom to ask."""
    start = catalogue.find_qualification("03455")
    route = next(find_routes(catalogue, from_qualification=start,
                             to_qualification=catalogue.find_qualification("10380"), as_at=TODAY))
    text = " ".join(action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route)).split())
    assert "No unit you hold counts" not in text
    assert ("The sources do not list the units of OCR Level 2 NVQ Certificate in Customer "
            "Service (03455), so which of them count here cannot be worked out") in text


def test_options__a_closed_qualification_that_fits_the_aim_says_it_is_closed(catalogue):
    """On paper a bare "Yes" beside 03456 (certificates ended in 2019) reads as advice."""
    result = recommend(catalogue, Profile(employment=Employment.WORKING, role="Team Leader",
                                          aim=Aim.COMPETENCE), as_at=TODAY)
    fits = tables.options_table(catalogue, result).set_index("Code")["Fits the aim"]
    assert fits["03456"] == "yes, but closed"
    assert fits["10380"] == "yes"
    text = " ".join(action_plan_html(catalogue, ActionPlan(as_at=TODAY,
                                                           recommendation=result)).split())
    assert "<td>Yes, but closed. It is a competence (NVQ) qualification.</td>" in text


@pytest.mark.parametrize("code", ["03455", "04522"])
def test_status__a_legacy_qualification_without_dates_says_it_may_well_be_closed(catalogue,
                                                                                code):
    """Not known if open, but not as uncertain as a 2014 qualification: the sources call it
    legacy, and the reason says so."""
    status = status_on(catalogue, catalogue.find_qualification(code), TODAY)
    assert status.status is Status.UNKNOWN
    assert "It is counted as a legacy qualification, one that others were replacing" in \
        status.reason
    assert "legacy" not in status_on(catalogue, catalogue.find_qualification("10379"),
                                     TODAY).reason


@pytest.mark.parametrize("code", ["03454", "03455", "03456"])
def test_status__a_legacy_qualification_within_the_reports_year_is_being_replaced(catalogue,
                                                                                  code):
    """On 1 June 2015, within the year OCR's 2014-15 report describes, its legacy NVQs were
    being replaced: the reason says so, and to ask whether it still takes entries, not that it
    "may well have stopped taking new learners since" (since when?). A year on, after the
    time the report describes, it may have, and the reason says that."""
    q = catalogue.find_qualification(code)
    then = status_on(catalogue, q, dt.date(2015, 6, 1))
    assert then.status is Status.UNKNOWN and then.legacy
    assert ("It is counted as a legacy qualification: on this date others were replacing it "
            "(see its sources), so ask the awarding body whether it still takes new entries "
            "before relying on it.") in then.reason
    assert "since" not in then.reason
    later = status_on(catalogue, q, dt.date(2016, 6, 1))
    assert "so it may well have stopped taking new learners since" in later.reason
    # The starting level's next step to 03455 from 09628 is worded by the date too.
    step = next(s.message for s in recommend(catalogue, Profile(
        employment=Employment.WORKING, held_qualifications=("ocr-09628",)),
        as_at=dt.date(2015, 6, 1)).next_steps if "(03455) is open" in s.message)
    assert "they call it a legacy qualification, one that others were replacing then;" in step
    assert step.endswith("Ask the centre whether it still takes new entries.")
    assert "since" not in step


def test_printout__a_secondary_source_gives_the_page_its_fact_came_from(catalogue):
    """The standard that took the frameworks' place rests on a web page: the printed
    sources give its address, so an adviser can check it (as text: nothing is fetched)."""
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=TODAY)
    page = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    sources = page[page.index("<h2>Sources</h2>"):]
    assert ('§ M. SASE / standards context (England) (secondary source) (notes made for this '
            'advisor from public copies of awarding-body and Skills CFA documents): <span '
            'class="url">https://www.skillsfirst.co.uk/end-point-assessment/apprenticeship-'
            'standards/customer-service-practitioner-level-2-st0072/</span>') in sources
    assert "<a " not in sources


def test_printout__an_open_option_carries_its_cautions_as_the_cli_does(catalogue):
    """A 15-year-old: the Level 1 option's pre-16 caution is in the printout too."""
    result = recommend(catalogue, Profile(age=15, employment=Employment.NOT_WORKING),
                       as_at=dt.date(2015, 3, 1))
    page = " ".join(action_plan_html(catalogue, ActionPlan(as_at=dt.date(2015, 3, 1),
                                                           recommendation=result)).split())
    assert ("Centres must determine the suitability of units when delivering the qualification "
            "to learners aged pre-16") in page


def test_route_to_level_3_says_where_apprenticeships_stand_before_the_framework(catalogue,
                                                                                capsys):
    """FR03058's Level 3 component is on the route; the sources name no standard that took its
    place: that is said before the framework, on the page, in the printout and the CLI, so
    the framework does not read as open to new apprentices."""
    start = catalogue.find_qualification("09628")
    route = next(find_routes(catalogue, from_qualification=start, to_level=3, as_at=TODAY))
    leads_into = frameworks_route_leads_into(catalogue, route, held=[start.id], as_at=TODAY)
    assert leads_into.frameworks and leads_into.today is not None
    page = " ".join(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=route, route_frameworks=leads_into)).split())
    framework = "Advanced Apprenticeship in Customer Service (Level 3, framework FR03058)"
    assert page.index(leads_into.today) < page.index(framework)
    assert main(["routes", "--from", "09628", "--to-level", "3", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.index(leads_into.today) < out.index("leads into the apprenticeship framework")
    at = open_with_link("app_pages/plan_route.py", **{"from": "09628", "level": "3"})
    in_order = [str(getattr(element, "value", "")) for element in at.main]  # as drawn
    said = next(n for n, text in enumerate(in_order)
                if "neither when nor which standard took its place" in text)
    assert said < next(n for n, text in enumerate(in_order) if "FR03058" in text and n != said)


def test_10381_had_not_opened_in_2013_so_nothing_leads_on_from_03456_then(catalogue, capsys):
    """OCR's 2014/15 admin guide added 10381 (external-facts H): on 1 March 2013 it is not yet
    open, not "not known", and a route search onward from 03456 says so rather than that every
    Level 4 qualification had closed."""
    status = status_on(catalogue, catalogue.find_qualification("10381"), dt.date(2013, 3, 1))
    assert status.status is Status.NOT_YET_OPEN
    # Within the year OCR's 2014-2015 report describes, open as far as the sources show; after
    # it, not known.
    assert status_on(catalogue, catalogue.find_qualification("10381"),
                     dt.date(2015, 3, 1)).status is Status.OPEN
    assert status_on(catalogue, catalogue.find_qualification("10381"),
                     dt.date(2015, 10, 1)).status is Status.UNKNOWN
    assert main(["routes", "--from", "03456", "--as-at", "2013-03-01"]) == 0  # an answer
    out = " ".join(capsys.readouterr().out.split())
    assert ("on 1 March 2013 no qualification one level up was open: OCR Level 4 NVQ Diploma "
            "Customer Service (10381), launched with OCR's 2014/15 qualifications, had not "
            "opened yet.") in out
    assert "had closed" not in out


def test_a_past_dates_next_steps_do_not_say_now_and_a_replacement_says_its_launch_once(
        catalogue, capsys):
    """On 1 March 2013: the next step asks which qualifications a centre offers, not "now"
    beside a past date; and 03454's replacement names its launch once."""
    assert main(["recommend", "--age", "17", "--employment", "not-working",
                 "--as-at", "2013-03-01"]) == 0
    out = capsys.readouterr().out
    assert "which Level 1 Customer Service qualifications they offer: none" in out
    assert "offer now" not in out
    assert main(["eligibility", "03454", "--as-at", "2013-03-01"]) == 0
    assert capsys.readouterr().out.count("autumn") == 1


def test_a_route_to_what_had_not_opened_names_what_it_replaced_that_was_offered(capsys):
    """From 09628 to 10380 on 1 March 2013: no route, since 10380 opened in the autumn of 2014;
    the answer names 09629, open then, which 10380 later replaced, as the aim instead."""
    assert main(["routes", "--from", "09628", "--to", "10380", "--as-at", "2013-03-01"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert ("OCR Level 3 Diploma in Customer Service (10380) had not opened yet on 1 March 2013 "
            "(launched in the autumn of 2014).") in out
    assert ("OCR Level 3 Certificate in Principles of Customer Service (09629), open to new "
            "learners") in out
