"""A printout a learner can act on: a summary first (the answer, the first step and how it
stands, what to do next, what was agreed), then the detail for the adviser or centre; long unit
lists gathered at the end; credit comparisons that say both sides; and, on the starting-level
page, what to do next before the long cautions."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from advisor import (
    YOU_ON_SCREEN,
    ActionPlan,
    Employment,
    Profile,
    action_plan_html,
    find_routes,
    learner_can_start_first,
    profile_answers,
    recommend,
    route_for_offer,
    step_limit,
)
from tests.support.app import open_with_link

ON = dt.date(2026, 12, 2)  # the day of the walkthrough
DETAIL = "Detail for your adviser or centre"
SEVENTEEN = Profile(age=17, employment=Employment.NOT_WORKING, job_wanted="Call Centre Operator")
TEAM_LEADER = Profile(age=35, employment=Employment.WORKING, role="Team Leader",
                      held_qualifications=("ocr-09628",))
TYPED = {"learner": "Sam Example", "adviser": "A. Adviser", "centre": "Town College",
         "agreed_actions": "Visit the college open day\nAsk about call-centre courses"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def words(html: str) -> str:
    parser = _Text()
    parser.feed(re.split(r"<body[^>]*>", html, maxsplit=1)[-1])
    return " ".join(" ".join(parser.parts).split())


def halves(html: str) -> tuple[str, str]:
    """The printout's summary and its detail, as text, split at the detail's heading."""
    assert f">{DETAIL}</h2>" in html, "the detail is headed as the adviser's and centre's"
    summary, detail = html.split(f">{DETAIL}</h2>", 1)
    return words(summary), words("<body>" + detail)


def starting_level_plan(catalogue, profile: Profile) -> tuple[str, object]:
    """The printout of *Find a starting level*, and the answer it prints, worded to the
    learner as it is."""
    result = recommend(catalogue, profile, as_at=ON, voice=YOU_ON_SCREEN)
    return action_plan_html(catalogue, ActionPlan(
        as_at=ON, created=ON, answers=profile_answers(catalogue, profile),
        recommendation=result, **TYPED)), result


def offered_route_plan(catalogue, profile: Profile, offer: int = 0) -> str:
    """The printout of the best route that *Find a starting level* offers, as the route page
    makes it."""
    result = recommend(catalogue, profile, as_at=ON)
    query = route_for_offer(catalogue, profile, result.route_offers[offer])
    start = catalogue.qualifications.get(query.from_qualification or "")
    target = catalogue.qualifications.get(query.to_qualification or "")
    found = find_routes(catalogue, from_qualification=start, units=query.units,
                        to_qualification=target, to_level=query.to_level, as_at=ON,
                        max_steps=step_limit(to_qualification=target, to_level=query.to_level),
                        start_level=query.start_level, employment=query.employment)
    routes = learner_can_start_first(catalogue, found, age=query.age,
                                     senior_role=query.senior_role, aim=query.aim,
                                     start_level=query.start_level,
                                     employment=query.employment, shown=5)
    return action_plan_html(catalogue, ActionPlan(
        as_at=ON, created=ON, route=routes[0], route_age=query.age,
        route_employment=query.employment, other_routes=tuple(routes[1:]), **TYPED))


def test_printout__a_starting_level_opens_with_what_to_act_on_then_the_detail(catalogue):
    """A 17-year-old, not working, who would like a call-centre job: the first part says the
    level, the qualifications at it and how each stands today, whom to ask what, and what was
    agreed; why, the cautions, the answers given and the sources follow, for the adviser."""
    html, result = starting_level_plan(catalogue, SEVENTEEN)
    summary, detail = halves(html)
    assert summary.startswith("Your Customer Service qualifications action plan Start at "
                              "Level 1.")
    for typed in ("Learner Sam Example", "Adviser A. Adviser", "Centre Town College",
                  "Visit the college open day", "Ask about call-centre courses"):
        assert typed in summary
    assert "Suggested starting level Level 1" in summary
    for option in result.options:
        assert option.qualification.name in summary
    assert "What to do next" in summary
    for step in result.next_steps:
        assert step.message in summary
    # What explains the answer is kept, after the summary.
    for finding in (*result.reasons, *result.cautions):
        assert finding.message not in summary and finding.message in detail
    for heading in ("What you told us", "Words used", "Sources"):
        assert heading not in summary and heading in detail


def test_printout__a_route_opens_with_its_steps_and_how_each_stands_then_the_units(catalogue):
    """The route the 17-year-old is offered (601/4404/X, then the OCNLR Level 2 Diploma): its
    steps with how each stands today, and what to do next, come first; the units and the rules,
    with the centres' unit codes, are the centre's detail."""
    summary, detail = halves(offered_route_plan(catalogue, SEVENTEEN, offer=1))
    assert "Your route" in summary
    assert ("OCNLR Level 1 Certificate in Customer Service (601/4404/X): not known if open"
            in summary)
    assert "OCNLR Level 2 Diploma in Customer Service" in summary
    assert "First step on your route" in summary and "Visit the college open day" in summary
    for centre_detail in ("L/506/2083", "BA3/1/LQ/004", "Rules not met yet", "Still needed"):
        assert centre_detail not in summary and centre_detail in detail


def test_printout__a_long_list_of_units_sharing_a_reason_is_counted_and_listed_at_the_end(
        catalogue):
    """Twenty units with one reason made one paragraph naming them all: the step counts them
    and gives the reason once, and the units are listed, one a line, at the end."""
    route = next(r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"), to_level=4,
        as_at=ON) if [q.reference for q in r.path] == ["09628", "10379", "10380", "10381"])
    html = action_plan_html(catalogue, ActionPlan(as_at=ON, route=route))
    steps = html.split("<h2>Units in full</h2>")[0]
    named = [len(re.findall(r"\b[A-Z]/\d{3}/\d{4}\b", item))
             for item in re.findall(r"<li>([^<]*)</li>", steps)]
    assert max(named) <= 6, "no line names more than six units"
    counted = re.findall(r"(\d+) units you (?:hold|will hold by then) \(listed at the end\): "
                         r"Not known", words(steps))
    assert counted and max(int(n) for n in counted) > 6
    assert "<h2>Units in full</h2>" in html
    at_the_end = words(html.split("<h2>Units in full</h2>", 1)[1].split("<h2>Words used", 1)[0])
    assert "R/502/9652 Understand the principles of customer service" in at_the_end


def test_next_steps__a_comparison_of_credits_names_both_sides(catalogue):
    """An adult holding 09628: where what replaced 09629 and 03456 is compared with their
    credits, 10380's side is said too (its own total is not in the sources; the structure it is
    inferred to follow gives one)."""
    result = recommend(catalogue, TEAM_LEADER, as_at=ON)
    compared = [s.message for s in result.next_steps if "09629: 17 credits" in s.message]
    assert compared
    for message in compared:
        assert ("the sources give no credit total for 10380 (the national structure "
                "S/016/609, which it is inferred to follow, needs 55 credits)") in message


def test_next_steps__a_documented_progression_below_the_level_says_why_it_is_there(catalogue):
    """The handbook names the Level 2 NVQ 03455 as a progression from 09628: kept for a learner
    told to start at Level 3, saying it is below that level and why it is listed."""
    result = recommend(catalogue, TEAM_LEADER, as_at=ON)
    assert result.recommended_level == 3
    (step,) = [s.message for s in result.next_steps if "(03455)" in s.message]
    assert ("It is at Level 2, below the Level 3 suggested: it is listed only because the "
            "documents name it as a progression from 09628.") in step


@pytest.mark.parametrize("profile", [SEVENTEEN, TEAM_LEADER])
def test_printout__every_next_step_and_source_is_still_there(catalogue, profile):
    """Ordered, not cut: every next step is on the page, and every source mark is listed."""
    html, result = starting_level_plan(catalogue, profile)
    text = words(html)
    for step in result.next_steps:
        assert step.message in text
    marks = {int(n) for span in re.findall(r'<span class="source">([^<]*)</span>', html)
             for n in re.findall(r"\[(\d+)\]", span)}
    listed = html.split("<h2>Sources</h2>", 1)[1].count("<li>")
    assert marks == set(range(1, listed + 1))


def _in_order(at) -> list[tuple[str, str]]:
    """The page's headings and alerts in the order they are drawn."""
    found: list[tuple[str, str]] = []

    def walk(node) -> None:
        kind = getattr(node, "type", "")
        if kind in ("header", "warning", "metric"):
            found.append((kind, str(getattr(node, "value", ""))))
        for index in sorted(getattr(node, "children", {}) or {}):
            walk(node.children[index])

    walk(at.main)
    return found


def test_starting_level__what_to_do_next_comes_before_the_long_cautions():
    """On a phone the page ran to 7,100 px with what to do next after three caution boxes: it
    now follows the suggested level."""
    at = open_with_link("app_pages/starting_level.py", as_at=ON, age="17", work="not-working",
                        want="Call Centre Operator")
    drawn = _in_order(at)
    kinds = [kind for kind, _ in drawn]
    assert "warning" in kinds
    next_at = drawn.index(("header", "What to do next"))
    assert kinds.index("metric") < next_at < kinds.index("warning")
