"""The printable action plan: what it shows, and that no text can become markup."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import itertools
import re
from html.parser import HTMLParser

import pytest

from advisor import (
    Accepted,
    ActionPlan,
    Aim,
    Employment,
    Profile,
    RouteQuery,
    action_plan_html,
    carry_over,
    check_combination,
    check_progress,
    download_name,
    find_routes,
    frameworks_route_leads_into,
    load_catalogue,
    opening_later,
    recommend,
    resolve_units,
    route_answers,
)
from tests.support.catalogues import PROGRESSION, QUALIFICATION, SOURCES, UNITS, write_catalogue

TODAY = dt.date(2026, 11, 22)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SCRIPT = '<script>alert(1)</script> "quotes"'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_action_plan__shows_answers_recommendation_route_and_sources(catalogue):
    result = recommend(catalogue, Profile(role="Call Centre Operator",
                                          employment=Employment.WORKING,
                                          held_qualifications=("ocr-09628",)), as_at=TODAY)
    route = next(find_routes(catalogue, from_qualification=catalogue.qualifications[
        "ocr-09628"], to_qualification=catalogue.qualifications["ocr-03456"]))
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, created=TODAY, answers={"Job role": "Call Centre Operator"},
        recommendation=result, route=route))
    text = " ".join(" ".join(parse(html).text).split())
    assert "Made on 22 November 2026" in text
    assert "Job role Call Centre Operator" in text
    assert "Level 2" in text and "Call Centre Operators" in text
    assert "Step 1: OCR Level 3 Certificate in Principles of Customer Service (09629)" in text
    assert "Units you hold that carry over, 5 credits:" in text
    # On this date 09629's certificates are no longer issued: no plan of units is offered.
    assert "Certificates for it are no longer issued, so no further units can complete it" in text
    assert "Still needed: 12 credits" not in text
    assert "Step 2: OCR Level 3 NVQ Diploma in Customer Service (03456)" in text
    # Every citation mark points at a listed source, and the list names the documents.
    marks = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    listed = re.findall(r"<li>([^<]+ § [^<]+?)(?: \(|</li>)", html)
    assert marks == set(range(1, len(listed) + 1))
    assert ("OCR student guide: Level 3 NVQ Diploma in Customer Service (03456), 2011, "
            "§ JOB ROLES AND PROGRESSION") in listed
    assert ("OCR centre handbook: Level 2 and Level 3 Certificates in Principles of Customer "
            "Service (09628, 09629), § 2.7 Progression opportunities") in listed
    assert not any(".txt" in source for source in listed), "titles, not file names"


def test_action_plan__the_file_is_named_for_what_it_is_whom_and_the_date(catalogue):
    """An adviser's downloads say what each is, the qualification, the learner and the date
    answered for, not ``action-plan.html`` for every learner."""
    route = next(find_routes(catalogue, from_qualification=catalogue.qualifications[
        "ocr-09628"], to_qualification=catalogue.qualifications["ocr-03456"]))
    assert ActionPlan(as_at=TODAY, route=route, learner="Jo Bloggs").file_name == (
        "route-plan-to-03456-jo-bloggs-2026-11-22.html")
    assert ActionPlan(as_at=TODAY).file_name == "action-plan-2026-11-22.html"
    check = check_combination(catalogue, catalogue.qualifications["ocnlr-601-4404-x"], [])
    assert ActionPlan(as_at=TODAY, check=check, learner="L/07 Zoë O'Neil").file_name == (
        "units-check-601-4404-x-l-07-zoë-o-neil-2026-11-22.html")
    assert download_name("plan", reference="09628", learner="  ", as_at=TODAY,
                         suffix="csv") == "plan-09628-2026-11-22.csv"


def test_action_plan__is_self_contained():
    catalogue = load_catalogue()
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY))
    tags = parse(html).tags
    assert not [t for t, _ in tags if t in {"script", "link", "img", "iframe", "object"}]
    assert not [a for _, a in tags if any(k in a for k in ("src", "href"))]
    assert "@media print" in html


def test_action_plan__escapes_every_text(tmp_path):
    hostile_title = QUALIFICATION.replace("Level 2 Certificate in Testing",
                                          "Level 2 <script>alert(1)</script> in Testing")
    catalogue = load_catalogue(write_catalogue(tmp_path, {
        "qualifications/ab-001.yaml": hostile_title}))
    target = catalogue.qualifications["ab-001"]
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, answers={HOSTILE: HOSTILE}, agreed_actions=HOSTILE,
        carry_over=carry_over(catalogue, target, units=["A/100/0001"])))
    tags = parse(html).tags
    assert [t for t, _ in tags if t in {"script", "img"}] == []
    assert not [a for _, a in tags if "onerror" in a]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; in Testing" in html
    # The answer's question, the answer and the agreed action, each escaped however quotes
    # are spelled.
    assert " ".join(parse(html).text).count(HOSTILE) == 3
    assert 'alert("x")' not in html


def test_action_plan__an_option_whose_review_date_has_passed_says_so(catalogue):
    result = recommend(catalogue, Profile(age=16, employment=Employment.NOT_WORKING),
                       as_at=TODAY)
    assert result.recommended_level == 1
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    text = " ".join(" ".join(parse(html).text).split())
    assert ("Its review date (31 August 2019) has passed; check with the awarding body that it "
            "is still offered.") in text


def test_action_plan__a_route_step_whose_review_date_has_passed_says_so(catalogue):
    route = next(find_routes(catalogue, to_level=1, as_at=TODAY))
    assert [q.reference for q in route.path] == ["601/4404/X"]
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route))
    text = " ".join(" ".join(parse(html).text).split())
    assert ("whether it is open on this date is unknown. Its review date (31 August 2019) has "
            "passed; check with the awarding body that it is still offered.") in text


def test_action_plan__units_that_may_count_are_not_said_to_count_for_nothing(catalogue):
    """The sources list only some of 10380's units: the plan from 09628 does not tell the
    learner that none of their units counts, and says each may."""
    routes = find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                         to_qualification=catalogue.find_qualification("10380"), as_at=TODAY)
    route = next(r for r in routes if [q.reference for q in r.path] == ["09628", "10380"])
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route))
    text = " ".join(" ".join(parse(html).text).split())
    assert "No unit you hold counts towards it yet" not in text
    assert "units you hold are not part of it" not in text
    assert ("Whether any unit you hold counts towards it is not known: the sources do not list "
            "all of its units, so ask the centre.") in text
    # The credits counted are of the units the sources list, and it says so: "0 of 55 credits
    # count so far" alone would contradict "not known".
    assert "0 of 55 credits count so far, counting only the units the sources list." in text
    # Each of 09628's three units, by its title too, in one line with the reason said once.
    assert text.count("and a unit they do not list may still count") == 1
    assert ("R/502/9652 Understand the principles of customer service; Y/502/9653 Understand "
            "the rules of customer service; D/502/9654 Understand the use of communication in "
            "customer service: Not known:") in text


def test_action_plan__a_learner_holding_nothing_is_not_told_their_units_may_count(catalogue):
    """From nothing to Level 3, the route starting at 10380: the learner holds no unit, so
    there is nothing whose counting is unknown; its 55 credits are all still to come."""
    route = next(find_routes(catalogue, to_level=3, as_at=TODAY))
    assert [q.reference for q in route.path] == ["10380"]
    text = " ".join(" ".join(parse(action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, route=route))).text).split())
    assert "Whether any unit you hold counts" not in text
    assert "No unit you hold counts" not in text
    assert "0 of 55 credits count so far, counting only the units the sources list." in text


def test_action_plan__options_without_an_aim_have_no_column_of_no_aim_given(catalogue):
    """With no aim given and no option needing a note, the options' table has two columns:
    "No aim given" on every row squeezed the table for nothing."""
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING),
                       as_at=TODAY)
    assert result.options
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    assert option_headings(html) == ["Qualification", "Status on the date"]
    assert "No aim given" not in html
    with_aim = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                            aim=Aim.KNOWLEDGE), as_at=TODAY)
    assert option_headings(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, recommendation=with_aim))) == [
        "Qualification", "Status on the date", "Fits what you want"]


def option_headings(html: str) -> list[str]:
    """The column headings of a printout's table of options at the suggested level."""
    head = re.search(r"<table><thead><tr>(<th[^>]*>Qualification</th>.*?)</tr></thead>",
                     html.split("Qualifications at Level", 1)[1])
    assert head is not None
    return re.findall(r"<th[^>]*>([^<]*)</th>", head.group(1))


def test_action_plan__an_option_says_why_it_fits_or_not(catalogue):
    """The page's reason beside an option is in the printout too: OCN London's Business
    Administration diploma is in a related field, aim or none."""
    result = recommend(catalogue, Profile(age=20, employment=Employment.WORKING), as_at=TODAY)
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    text = " ".join(" ".join(parse(html).text).split())
    assert "No aim given" not in text  # once on every row, it squeezed the table
    assert ("In a related field, business administration, not customer service itself"
            in text)
    assert option_headings(html) == ["Qualification", "Status on the date", "Note"]
    assert "Cannot be confirmed from the sources" not in text  # the dates' own words instead


def test_action_plan__a_checked_qualification_whose_review_date_has_passed_says_so(catalogue):
    """A centre's record of a units check of 601/4404/X says what the check page says."""
    q = catalogue.find_qualification("601/4404/X")
    check = check_combination(catalogue, q, ["F/503/0392"])
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, check=check))
    text = " ".join(" ".join(parse(html).text).split())
    assert ("Its review date (31 August 2019) has passed; check with the awarding body that it "
            "is still offered.") in text


def test_action_plan__an_open_qualification_that_does_not_fit_the_aim_is_named_as_that(
        catalogue):
    # 1 October 2015, an apprenticeship: 09629 takes new learners, but the 2014 framework
    # (issued 29 August 2014) put 10380 in its place for apprentices, and whether 10380 still
    # took learners after OCR's report on 2014-2015 the sources do not say.
    day = dt.date(2015, 10, 1)
    result = recommend(catalogue, Profile(role="Customer Service Team Leader",
                                          employment=Employment.WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=day)
    text = " ".join(" ".join(parse(action_plan_html(catalogue, ActionPlan(
        as_at=day, recommendation=result))).text).split())
    # Not the headline's advice: what to do next asks about 10380 instead.
    assert ("Start at Level 3. On 1 October 2015, OCR Level 3 Certificate in Principles of "
            "Customer Service (09629) is open to new learners, but not what you asked for: what "
            "to do next says what would be.") in text
    assert "whether OCR Level 3 Diploma in Customer Service (10380) is offered" in text


def test_action_plan__unknown_rules_and_closed_levels_are_said_plainly(catalogue):
    target = catalogue.qualifications["ocnlr-l2-diploma-business-administration"]
    result = recommend(catalogue, Profile(employment=Employment.WORKING), as_at=TODAY)
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, recommendation=result, carry_over=carry_over(catalogue, target)))
    text = " ".join(" ".join(parse(html).text).split())
    assert "do not give this qualification's full rules" in text
    assert ("Ask a local college or training provider (a centre), or a careers adviser at the "
            "National Careers Service which Level 2 Customer Service qualifications they "
            "offer:") in text


def _hostile_catalogue(tmp_path):
    """The small catalogue with ``SCRIPT`` in a qualification title, a unit title, a progression
    statement, a cited section and a document's title and publisher."""
    return load_catalogue(write_catalogue(tmp_path, {
        "qualifications/ab-001.yaml": QUALIFICATION.replace(
            "title: Level 2 Certificate in Testing", f"title: 'Level 2 {SCRIPT} in Testing'"),
        "units/bank.yaml": UNITS.replace("title: Greet customers", f"title: 'Greet {SCRIPT}'"),
        "sources.yaml": SOURCES.replace("title: A handbook", f"title: 'A handbook {SCRIPT}'")
        .replace("publisher: An awarding body", f"publisher: 'A body {SCRIPT}'"),
        "progression.yaml": PROGRESSION
        .replace("statement: Learners can progress to the Level 3 certificate.",
                 f"statement: 'Learners {SCRIPT} can progress.'")
        .replace("source: doc.txt § Progression", f"source: 'doc.txt § Progression {SCRIPT}'"),
    }))


def test_action_plan__escapes_hostile_note_and_title_with_quotes(tmp_path):
    catalogue = _hostile_catalogue(tmp_path)
    target = catalogue.qualifications["ab-001"]
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, agreed_actions=f"First line\n{SCRIPT}",
        check=check_combination(catalogue, target, ["A/100/0001"])))
    assert [t for t, _ in parse(html).tags if t == "script"] == []
    assert "<script>" not in html and '"quotes"' not in html
    assert "<h2>Where you are now: Level 2 &lt;script&gt;alert(1)&lt;/script&gt; " in html
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; &#34;quotes&#34;</li>" in html
    # Escaped, not removed: the reader sees exactly what was written.
    text = "".join(parse(html).text)
    assert f"Where you are now: Level 2 {SCRIPT} in Testing (001)" in text
    # Headline, heading, agreed action and the next step to confirm entry (its dates are not
    # known); then the source's title and publisher, for the rules and for the dates (the
    # record cites both).
    assert "First line" in text and text.count(SCRIPT) == 4 + 2 * 2


def test_action_plan__autoescape_is_on_for_every_kind_of_text(tmp_path):
    """No value in the plan is escaped by hand any more: only the template's autoescape stands
    between catalogue or learner text and the page, so this fails if it is turned off."""
    catalogue = _hostile_catalogue(tmp_path)
    start, target = catalogue.qualifications["ab-001"], catalogue.qualifications["ab-002"]
    route = next(find_routes(catalogue, from_qualification=start, to_qualification=target))
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, created=TODAY, answers={SCRIPT: SCRIPT}, agreed_actions=SCRIPT,
        recommendation=recommend(catalogue, Profile(), as_at=TODAY), route=route,
        carry_over=carry_over(catalogue, start, units=["A/100/0001"]),
        check=check_combination(catalogue, start, ["A/100/0001"])))
    page = parse(html)
    assert "&lt;script&gt;" in html and "<script" not in html
    assert {t for t, _ in page.tags} <= {
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "strong",
        "table", "tr", "th", "td", "ul", "ol", "li", "span", "br", "dl", "dt", "dd", "section"}
    assert {k for _, a in page.tags for k in a} <= {"lang", "charset", "name", "content",
                                                     "scope", "class"}
    # Every hostile value is there, as text: title, unit, statement, source, answers, agreed action.
    text = "".join(page.text)
    for shown in ("Step 1: Level 3 Certificate in Testing (002)",
                  f"Level 2 {SCRIPT} in Testing (001)", f"Greet {SCRIPT}",
                  f"Learners {SCRIPT} can progress.",
                  f"A handbook {SCRIPT}, § Progression {SCRIPT} (A body {SCRIPT})"):
        assert shown in text, shown
    assert text.count(SCRIPT) >= 9


def test_action_plan__an_apprenticeship_aim_below_every_framework_says_where_they_start(
        catalogue):
    """A school leaver wanting an apprenticeship is suggested Level 1 (a qualification for
    people not working): the headline does not stop at "Start at Level 1", but says the
    apprenticeships in these documents start at Level 2 and where to read whom to ask."""
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=TODAY)
    assert result.recommended_level == 1
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    text = " ".join(" ".join(parse(html).text).split())
    after_title = text.split("Your Customer Service qualifications action plan", 1)[1]
    assert after_title.lstrip().startswith(
        "Start at Level 1. The apprenticeships in these documents start at Level 2: what to do "
        "next says whom to ask about one.")
    knowledge = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                             aim=Aim.KNOWLEDGE), as_at=TODAY)
    other = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=knowledge))
    assert "apprenticeships in these documents start" not in other


def test_action_plan__headline_first_then_who_and_agreed_actions(catalogue):
    result = recommend(catalogue, Profile(role="Call Centre Operator",
                                          employment=Employment.WORKING), as_at=TODAY)
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, recommendation=result, learner=f"Sam {SCRIPT}", adviser="A. Adviser",
        centre="Town College", agreed_actions="Call the college\nBring certificates"))
    text = " ".join(" ".join(parse(html).text).split())
    after_title = text.split("Your Customer Service qualifications action plan", 1)[1]
    assert after_title.lstrip().startswith("Start at Level 2.")
    assert f"Learner Sam {SCRIPT}" in text and "Adviser A. Adviser" in text
    assert "Centre Town College" in text
    assert "Call the college" in text and "Bring certificates" in text
    assert "<script>" not in html


def test_action_plan__a_route_printout_names_the_closure_and_the_replacement(catalogue):
    start = catalogue.find_qualification("09628")
    closed = next(r for r in find_routes(catalogue, from_qualification=start, to_level=3,
                                         as_at=dt.date(2026, 11, 29))
                  if [q.reference for q in r.path] == ["09628", "09629"])
    html = action_plan_html(catalogue, ActionPlan(as_at=dt.date(2026, 11, 29), route=closed))
    text = " ".join(" ".join(parse(html).text).split())
    assert text.split("action plan", 2)[2].lstrip().startswith(
        "First step: OCR Level 3 Certificate in Principles of Customer Service (09629) (route: "
        "09628 → 09629). On 29 November 2026 it is closed to new learners, and certificates "
        "are no longer issued; what replaced it, as the sources suggest (they do not say so in "
        "those words): OCR Level 3 Diploma in Customer Service (10380).")
    assert ("First step on your route: OCR Level 3 Certificate in Principles of Customer "
            "Service (09629): on 29 November 2026 it is closed to new learners, and certificates "
            "are no longer issued; what replaced it, as the sources suggest (they do not say so "
            "in those words): OCR Level 3 Diploma in Customer Service (10380). Ask a local "
            "college or training provider (a centre), or a careers adviser at the National "
            "Careers Service about what the sources suggest replaced it, OCR Level 3 Diploma in "
            "Customer Service (10380), or whatever replaced that since, and which of your units "
            "carry over.") \
        in text  # whom to ask, so a learner alone is not left at a closed door
    assert "closed to new learners on 29 November 2026" not in text, "not as if it closed today"
    assert ("What replaced it, as the sources suggest (they do not say so in those words): "
            "OCR Level 3 Diploma in Customer Service (10380).") in text
    assert "To agree with your adviser" in text  # room to write the actions by hand
    assert "(not a documented progression" not in text, "a step's kind is not said twice"
    # The words a learner may not know, explained on the page they take away; only those used.
    words = text.split("Words used", 1)[1].split("Sources", 1)[0]
    assert "Credit one credit stands for 10 hours of learning" in words
    assert "Centre a college or training provider" in words
    assert "PLTS" not in words and "PLTS" not in text.split("Words used", 1)[0]


WHILE_OPEN = dt.date(2015, 6, 1)  # 09628 and 09629 both took new learners then


def printed_09628_to_09629(catalogue, **plan) -> str:
    """The printout of the route 09628 -> 09629 while both were open, as text."""
    route = next(r for r in find_routes(catalogue, to_level=3, as_at=WHILE_OPEN,
                                        from_qualification=catalogue.find_qualification("09628"))
                 if [q.reference for q in r.path] == ["09628", "09629"])
    html = action_plan_html(catalogue, ActionPlan(as_at=WHILE_OPEN, route=route, **plan))
    return " ".join(" ".join(parse(html).text).split())


def test_action_plan__a_route_while_open_plans_the_units_still_needed(catalogue):
    text = printed_09628_to_09629(catalogue)
    assert "Still needed: 12 credits" in text
    assert "no longer issued" not in text
    assert "On 1 June 2015 it is open to new learners." in text


def test_action_plan__a_route_step_says_whether_it_takes_the_learners_age(catalogue):
    """The route page checks each step for the age given; so does its printout."""
    def printed(age):
        return printed_09628_to_09629(catalogue, route_age=age)

    assert ("Not approved for learners aged 15 (age group pre-16); approved for: 16-18, 18+, "
            "19+.") in printed(15)
    assert "Approved for age 17 (age group 16-18)." in printed(17)
    assert "pproved for" not in printed(None)


def test_action_plan__a_route_step_asking_for_a_senior_role_says_so_and_whether_it_is_met(
        catalogue):
    """As the route page does: 10381 asks for a senior role, said whether or not the learner's
    role was given, and met or not where it was."""
    route = next(r for r in find_routes(catalogue, to_level=4, as_at=dt.date(2026, 12, 1),
                                        from_qualification=catalogue.find_qualification("09628"))
                 if [q.reference for q in r.path] == ["09628", "10380", "10381"])

    def printed(senior_role):
        html = action_plan_html(catalogue, ActionPlan(as_at=dt.date(2026, 12, 1), route=route,
                                                      route_senior_role=senior_role))
        return " ".join(" ".join(parse(html).text).split())

    role = "Learners must be working in a senior role"
    assert f"Not met: {role}" in printed(False)
    assert f"Met, as stated: {role}" in printed(True)
    assert "Whether your role meets this was not given." in printed(None)


def test_action_plan__a_route_whose_first_step_the_learner_cannot_take_says_so_first(catalogue):
    """Not in a senior role, from 03456 the only route to Level 4 is 10381, which needs one: the
    headline says the learner cannot take it and why, and the next step asks what they could
    take instead, not about enrolling. In a senior role, enrolling is the next step."""
    on = dt.date(2015, 6, 1)
    (route,) = find_routes(catalogue, from_qualification=catalogue.find_qualification("03456"),
                           to_level=4, as_at=on)

    def printed(senior_role):
        html = action_plan_html(catalogue, ActionPlan(as_at=on, route=route, route_age=40,
                                                      route_senior_role=senior_role))
        return " ".join(" ".join(parse(html).text).split())

    barred = printed(False)
    assert ("(route: 03456 → 10381). On 1 June 2015 it is open to new learners. You cannot take "
            "step 1 (10381). Not met: Learners must be working in a senior role") in barred
    assert "You cannot take it as things stand (see the top of this page): ask a local" in barred
    assert "about enrolling on it" not in barred
    senior = printed(True)
    assert "You cannot take" not in senior and "about enrolling on it" in senior


def test_action_plan__similar_units_if_taken_are_listed_for_the_centre(catalogue):
    """From 03456, 10381's step lists optional units of 03456 that would be similar to its own
    if the learner took them, for the centre to judge, as the page does."""
    route = next(r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("03456"), to_level=4,
        as_at=dt.date(2015, 6, 1)))
    assert route.steps[0].carry_over.possible_similar
    text = " ".join(" ".join(parse(action_plan_html(catalogue, ActionPlan(
        as_at=dt.date(2015, 6, 1), route=route))).text).split())
    assert "T/601/1235 Champion customer service" in text and " (if you took it) is like" in text


def test_action_plan__a_step_whose_certificates_ended_lists_no_units_to_take(catalogue):
    """As the page does: 09629's certificates have ended, so its step lists no rules still to
    meet with units to take, only that no further units can complete it."""
    (route,) = [r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"), to_level=3,
        as_at=dt.date(2026, 12, 1)) if [q.reference for q in r.path] == ["09628", "09629"]]
    text = " ".join(" ".join(parse(action_plan_html(catalogue, ActionPlan(
        as_at=dt.date(2026, 12, 1), route=route))).text).split())
    assert "Rules not met yet" not in text and "4 (H/502/9655)" not in text
    assert "Certificates for it are no longer issued, so no further units can complete it." \
        in text


def test_action_plan__a_step_where_a_unit_held_may_count_says_up_to_how_many(catalogue):
    """From 09628 to 10380, whose units the sources list only in part: the step says at most
    55 credits are still needed, and why, as the page does, before why no plan of units can
    be made."""
    (route,) = [r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"), to_level=3,
        as_at=dt.date(2026, 12, 1)) if [q.reference for q in r.path] == ["09628", "10380"]]
    text = " ".join(" ".join(parse(action_plan_html(catalogue, ActionPlan(
        as_at=dt.date(2026, 12, 1), route=route))).text).split())
    assert ("Still needed: up to 55 credits (the sources list only some of its units, so a unit "
            "already held may count too and leave less to do). No completion can be planned "
            "from the units the sources list") in text


def test_action_plan__a_route_says_whether_where_it_ends_fits_what_the_learner_wants(
        catalogue):
    """As the route page does: with an aim, the route says whether the qualification it ends in
    gives it, and the learner's answers say what they want; without one, neither."""
    route = next(r for r in find_routes(catalogue, to_level=3, as_at=dt.date(2015, 6, 1),
                                        from_qualification=catalogue.find_qualification("09628"))
                 if [q.reference for q in r.path] == ["09628", "09629"])
    query = RouteQuery(from_qualification="ocr-09628", to_level=3, aim=Aim.COMPETENCE)

    def printed(aim):
        html = action_plan_html(catalogue, ActionPlan(
            as_at=dt.date(2015, 6, 1), route=route, route_aim=aim,
            answers=route_answers(catalogue, dataclasses.replace(query, aim=aim))))
        return " ".join(" ".join(parse(html).text).split())

    fits = ("It ends in OCR Level 3 Certificate in Principles of Customer Service (09629), "
            "which does not fit what you want (competence). It is a knowledge (Principles) "
            "qualification.")
    assert fits in printed(Aim.COMPETENCE)
    assert "What I want Competence: prove I do it well at work" in printed(Aim.COMPETENCE)
    assert "It ends in" not in printed(None) and "What I want" not in printed(None)


def test_action_plan__says_how_to_reach_the_awarding_bodies_it_names(catalogue):
    """Told to check with the awarding body, a learner reading the printout at home learns how:
    each awarding body of the qualifications named, once, as its documents give it, cited, and
    warned that the details may have changed."""
    result = recommend(catalogue, Profile(age=16, employment=Employment.NOT_WORKING),
                       as_at=dt.date(2026, 12, 1))
    assert {o.qualification.awarding_body for o in result.options} == {"OCR", "OCN London"}
    text = " ".join(" ".join(parse(action_plan_html(catalogue, ActionPlan(
        as_at=dt.date(2026, 12, 1), recommendation=result))).text).split())
    ocr = ("To reach the awarding body: OCR (Oxford Cambridge and RSA Examinations): website "
           "www.ocr.org.uk, telephone 024 76 851509, email vocational.qualifications@ocr.org.uk. "
           "Its documents give these, and they may have changed since: start from the website.")
    assert text.count(ocr) == 1
    assert text.count("To reach the awarding body: OCN London: website www.ocnlondon.org.uk, "
                      "telephone 020 7278 5511, email enquiries@ocnlondon.org.uk.") == 1
    assert "§ 11.1 Enquiries" in text and "§ About OCN London" in text  # the sources listed


def test_action_plan__an_option_open_on_the_date_says_until_when_and_its_certificates_end(
        catalogue):
    """In June 2015, 09629 takes new learners until 31 December 2016 and issues certificates
    until 31 August 2017 (the handbook's profile): the time a learner has to finish, which the
    printout left out."""
    on = dt.date(2015, 6, 1)
    plan = ActionPlan(as_at=on, recommendation=recommend(catalogue, Profile(
        age=20, employment=Employment.WORKING, role="Customer Service Team Leader",
        held_qualifications=("ocr-09628",)), as_at=on))
    text = " ".join(" ".join(parse(action_plan_html(catalogue, plan)).text).split())
    assert "Open to new learners until 31 December 2016 (certificates until 31 August " \
           "2017)." in text


def test_action_plan__its_sources_marks_and_apprenticeship_words_are_explained(catalogue):
    """A route printout cites secondary sources and inferences, and names the Skills CFA: each
    is among the words it explains, for a learner reading it away from the app."""
    route = next(r for r in find_routes(catalogue, to_level=4, as_at=dt.date(2026, 12, 1),
                                        from_qualification=catalogue.find_qualification("09628"))
                 if [q.reference for q in r.path] == ["09628", "10380", "10381"])
    html = action_plan_html(catalogue, ActionPlan(as_at=dt.date(2026, 12, 1), route=route))
    assert "(secondary source)" in html and "(inferred)" in html
    words = html.split("<h2>Words used</h2>", 1)[1].split("<h2>Sources</h2>", 1)[0]
    for term in ("Secondary source", "Inferred", "Skills CFA"):
        assert f"<dt>{term}</dt>" in words, term


def test_action_plan__unit_number_prefixes_and_end_point_assessment_are_explained(catalogue):
    """A route's plan names units by the Skills CFA's numbers (B&A 38, M&L 1), and an
    apprenticeship's next steps speak of the standard's end-point assessment: the printout
    explains each among the words it uses."""
    on = dt.date(2026, 12, 2)
    route = next(find_routes(catalogue, as_at=on,
                             from_qualification=catalogue.find_qualification("09628"),
                             to_qualification=catalogue.find_qualification("10379")))
    html = action_plan_html(catalogue, ActionPlan(as_at=on, route=route))
    assert "B&amp;A 38" in html and "M&amp;L 1" in html
    words = html.split("<h2>Words used</h2>", 1)[1].split("<h2>Sources</h2>", 1)[0]
    assert "<dt>B&amp;A</dt>" in words and "<dt>M&amp;L</dt>" in words
    result = recommend(catalogue, Profile(age=20, employment=Employment.WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=on)
    html = action_plan_html(catalogue, ActionPlan(as_at=on, recommendation=result))
    assert "its end-point assessment comes after" in html
    words = html.split("<h2>Words used</h2>", 1)[1].split("<h2>Sources</h2>", 1)[0]
    assert "<dt>End-point assessment</dt>" in words


def test_action_plan__the_level_is_a_heading_and_cautions_keep_their_bullets_in_the_bar(
        catalogue):
    """The answer a learner looks for first, the level suggested, is a heading of its own
    under "Suggested starting level", drawn large, not small bold text; "Take care" draws its
    orange bar beside the whole list, whose left padding holds the bullets, not on each item,
    where the bar ran between a bullet and its words."""
    result = recommend(catalogue, Profile(age=20, employment=Employment.WORKING,
                                          role="Call Centre Operators"),
                       as_at=dt.date(2026, 12, 2))
    html = action_plan_html(catalogue, ActionPlan(as_at=dt.date(2026, 12, 2),
                                                  recommendation=result))
    section = html.split("<h2>Suggested starting level</h2>", 1)[1]
    assert section.lstrip().startswith('<h3 class="answer">Level 2</h3>')
    assert re.search(r"h3\.answer \{[^}]*font-size: 1\.5rem", html)  # above h2's 1.2rem
    take_care = section.split("<h3>Take care</h3>", 1)[1]
    assert take_care.startswith('<ul class="caution">\n<li>')
    assert '<li class="caution">' not in html
    assert re.search(r"ul\.caution \{ padding-left: 1\.6rem; \}", html)


def test_action_plan__a_later_steps_units_are_those_held_by_then_not_held_now(catalogue):
    """09628 -> 10380 -> 10381: the units that carry over into 10381 come from 10380, which the
    learner has not started; the printout does not say the learner holds them."""
    route = next(r for r in find_routes(catalogue, to_level=4, as_at=dt.date(2026, 12, 1),
                                        from_qualification=catalogue.find_qualification("09628"))
                 if [q.reference for q in r.path] == ["09628", "10380", "10381"])
    assert route.steps[1].carry_over.transfers
    html = action_plan_html(catalogue, ActionPlan(as_at=dt.date(2026, 12, 1), route=route))
    text = " ".join(" ".join(parse(html).text).split())
    step_2 = text.split("Step 2:", 1)[1]
    assert "Units you will hold by then (what you hold now and the qualifications of the steps " \
           "before) that carry over" in step_2
    assert "Units you hold that carry over" not in step_2


def test_action_plan__headline_names_a_qualification_open_on_the_date_when_age_is_not_given(
        catalogue):
    # 09628 took new learners; no age given, so only the age is open. (Whether 10379 did, after
    # OCR's report on 2014-2015, the sources do not say.)
    on = dt.date(2015, 10, 1)
    plan = ActionPlan(as_at=on, recommendation=recommend(
        catalogue, Profile(employment=Employment.WORKING), as_at=on))
    text = " ".join(" ".join(parse(action_plan_html(catalogue, plan)).text).split())
    after_title = text.split("Your Customer Service qualifications action plan", 1)[1]
    assert after_title.lstrip().startswith(
        "Start at Level 2. Open to new learners on 1 October 2015: OCR Level 2 Certificate in "
        "Principles of Customer Service (09628) (whether you can start depends on your age).")
    assert "can be confirmed open" not in text


def test_action_plan__a_step_the_sources_list_in_part_keeps_why_it_cannot_be_planned(catalogue):
    start = catalogue.find_qualification("09628")
    route = next(r for r in find_routes(catalogue, from_qualification=start,
                                        to_qualification=catalogue.find_qualification("10380"),
                                        as_at=TODAY)
                 if [q.reference for q in r.path][-1] == "10380")
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route))
    text = " ".join(" ".join(parse(html).text).split())
    assert ("No completion can be planned from the units the sources list: they give only some "
            "of its units, so ask the centre which units it offers.") in text
    assert "No combination of further units can complete it" not in text
    assert "which it is inferred to follow; confirm the units with the awarding body" in text


def test_action_plan__each_source_is_listed_once(catalogue):
    result = recommend(catalogue, Profile(age=30, employment=Employment.WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=TODAY)
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    listed = re.findall(r"<li>([^<]*)</li>", html.split("<h2>Sources</h2>", 1)[1])
    assert listed and len(listed) == len(set(listed))


# ------------------------------------------------------------------- a centre's record of a check


CHECKED_ON = dt.date(2015, 1, 5)  # 09628 took learners then


def _record(catalogue, *, accepted: bool = True, **names: str) -> str:
    """The record of a check of 09628: unit 1 held, unit 2 accepted by the centre (or held),
    unit 3 in progress."""
    q = catalogue.find_qualification("09628")
    unit_1, unit_2, unit_3 = resolve_units(catalogue, ["1", "2", "3"], q)
    result = check_progress(catalogue, q, [unit_1] if accepted else [unit_1, unit_2],
                            accepted=[Accepted(unit_2, "Certificate seen")] if accepted else [],
                            in_progress=[unit_3])
    return action_plan_html(catalogue, ActionPlan(as_at=CHECKED_ON, progress=result,
                                                  created=CHECKED_ON, **names))


def _before_the_glossary(html: str) -> str:
    body = html.split("<body", 1)[1].split("<h2>Words used</h2>", 1)[0]
    return " ".join(" ".join(parse(f"<body{body}").text).split())


def test_record__speaks_of_the_learner_not_to_them(catalogue):
    """The record is the centre's: its headings name the learner; a plan speaks to them."""
    html = _record(catalogue, learner="L-042", adviser="Sam Assessor")
    assert "<h2>Where the learner is now: " in html and "Where you are now" not in html
    assert re.findall(r"\byou(?:r|rs|rself)?\b", _before_the_glossary(html), re.I) == []
    q = catalogue.find_qualification("09628")
    plan = action_plan_html(catalogue, ActionPlan(as_at=CHECKED_ON, check=check_combination(
        catalogue, q, resolve_units(catalogue, ["1"], q))))
    assert "<h2>Where you are now: " in plan


def test_record__units_accepted_have_lines_for_the_assessor_and_learner_to_sign_and_date(
        catalogue):
    html = _record(catalogue, learner="L-042", adviser="Sam Assessor")
    text = " ".join(" ".join(parse(html).text).split())
    assert ("Units accepted by the centre: signed and dated The centre accepted these units on "
            "the evidence noted above (recognition of prior learning). The assessor signs and "
            "dates the decision, and so does the learner: 2 (Y/502/9653) ") in text
    sign_off = html.split('<section class="sign-off">', 1)[1].split("</section>", 1)[0]
    assert ('<tr><th scope="col">Who</th><th scope="col">Name</th><th scope="col">Signature'
            '</th><th scope="col">Date</th></tr>') in sign_off
    # The names typed for the printout, and empty boxes to sign and date in.
    assert ('<tr><th scope="row">Assessor</th><td class="words">Sam Assessor</td><td></td>'
            '<td></td></tr>') in sign_off
    assert ('<tr><th scope="row">Learner</th><td class="words">L-042</td><td></td><td></td>'
            '</tr>') in sign_off
    # With no names typed, the rows are there to write them in.
    assert '<tr><th scope="row">Assessor</th><td class="words"></td>' in _record(catalogue)
    # Nothing accepted, nothing to sign for.
    assert "sign-off" not in _record(catalogue, accepted=False).split("<body", 1)[1]


def test_record__signing_for_a_qualification_whose_certificates_ended_says_what_it_leads_to(
        catalogue):
    """03456's certificates ended on 31 August 2019: a decision signed on 1 December 2026 is
    a record of prior learning, not a step to its certificate, and the sign-off says so; in
    2016 it says nothing of the kind."""
    q = catalogue.find_qualification("03456")
    held = resolve_units(catalogue, ["F3", "F4"], q)
    (c6,) = resolve_units(catalogue, ["C6"], q)

    def sign_off(on):
        result = check_progress(catalogue, q, held, accepted=[Accepted(c6, "seen")], as_at=on)
        html = action_plan_html(catalogue, ActionPlan(as_at=on, progress=result, created=on))
        section = html.split('<section class="sign-off">', 1)[1].split("</section>", 1)[0]
        return " ".join(" ".join(parse(section).text).split())

    assert ("Certificates for 03456 are no longer issued, so this decision cannot lead to a "
            "certificate for it") in sign_off(dt.date(2026, 12, 1))
    assert "no longer issued" not in sign_off(dt.date(2016, 1, 1))


def test_record__units_in_progress_towards_one_not_known_to_take_learners_ask_to_confirm_entry(
        catalogue):
    """In June 2015 whether 03456 still takes new learners is not known: a learner not yet
    registered is to be confirmed registered, or able to be, before more units; "finish the
    units in progress" alone sent them to work towards something they may not be able to
    enter. Once registered, that step goes."""
    q = catalogue.find_qualification("03456")
    on = dt.date(2015, 6, 1)
    held = resolve_units(catalogue, ["F3", "F4", "A3", "B2", "C3"], q)
    (c6,) = resolve_units(catalogue, ["C6"], q)
    (d1,) = resolve_units(catalogue, ["D1"], q)

    def printed(registered):
        result = check_progress(catalogue, q, held, accepted=[Accepted(c6, "seen")],
                                in_progress=[d1], registered=registered, as_at=on)
        html = action_plan_html(catalogue, ActionPlan(as_at=on, progress=result, created=on))
        return " ".join(" ".join(parse(html).text).split())

    confirm = ("Before more units, confirm the learner is registered for OCR Level 3 NVQ "
               "Diploma in Customer Service (03456), or can still be: whether it still takes "
               "new learners is not known.")
    assert f"{confirm} Finish the units in progress" in printed(False)
    assert "Before more units" not in printed(True)


def test_record__a_plan_too_late_by_its_dates_does_not_ask_for_more_hours(catalogue):
    """In March 2017 09628 no longer takes new learners (last entry 31 December 2016): a
    learner not yet registered cannot start, whatever the hours, so the record does not say to
    agree more hours a week; a plan too long for its certification end does."""
    q = catalogue.find_qualification("09628")
    unit_1, unit_2, unit_3 = resolve_units(catalogue, ["1", "2", "3"], q)

    def printed(as_at, glh_per_week):
        result = check_progress(catalogue, q, [unit_1, unit_2], in_progress=[unit_3],
                                glh_per_week=glh_per_week, start=as_at, as_at=as_at)
        html = action_plan_html(catalogue, ActionPlan(as_at=as_at, progress=result,
                                                      created=as_at))
        return " ".join(" ".join(parse(html).text).split())

    closed = printed(dt.date(2017, 3, 1), 5)
    assert "More hours a week would not change this (see Will it fit?): talk with the " \
           "learner about a qualification that is open on 1 March 2017." in closed
    assert "agree more hours a week" not in closed
    assert ("confirm the learner is registered for OCR Level 2 Certificate in Principles of "
            "Customer Service (09628): it has closed to new learners, so only a learner "
            "registered before then can go on.") in closed
    slow = printed(dt.date(2016, 12, 1), 0.5)  # open, but too slow to finish by its end
    assert "The plan would not finish in time: agree more hours a week with the learner" in slow


def test_record__a_level_3_rule_that_level_4_units_would_meet_asks_the_awarding_body(catalogue):
    """As the page's headline does: 44 of 42 credits, the only rule unmet asking for 10 at
    Level 3, which A17 (Level 4) would meet if it counts: the record's headline says to ask the
    awarding body, and its next step is that, not choosing more units."""
    q = catalogue.find_qualification("03456")
    on = dt.date(2015, 6, 1)
    held = resolve_units(catalogue, ["F3", "F4", "A3", "B2", "C3", "D1", "A17"], q)
    html = action_plan_html(catalogue, ActionPlan(
        as_at=on, progress=check_progress(catalogue, q, held, as_at=on, registered=True),
        created=on))
    text = " ".join(" ".join(parse(html).text).split())
    assert ("44 credits counted, 42 needed. On 1 June 2015: not known if open. But the units held "
            "above Level 3 would meet it if they count") in text
    assert "Ask the awarding body whether the units held above the level a rule names" in text
    assert "which of the units still needed to take next" not in text


def _css_text(body: str) -> str:
    return re.sub(r"\\([0-9A-Fa-f]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), body)


def _margin_box(html: str, box: str) -> str:
    """The content of a page margin box in the printout's style sheet, as printed."""
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    found = re.search(rf"@{box} {{ content: (.*?);", style, re.S)
    assert found, box
    return found.group(1)


def test_printout__each_printed_page_is_numbered_and_says_whose_record_it_is(catalogue):
    html = _record(catalogue, learner="L-042")
    assert _margin_box(html, "bottom-right") == '"Page " counter(page) " of " counter(pages)'
    assert _margin_box(html, "bottom-left") == '"Record of a units check for L-042, 5 January 2015"'
    assert (_margin_box(_record(catalogue), "bottom-left")
            == '"Record of a units check, 5 January 2015"')
    plan = action_plan_html(catalogue, ActionPlan(as_at=TODAY, created=TODAY))
    assert _margin_box(plan, "bottom-left") == '"Action plan, 22 November 2026"'
    assert "@page" in html.split("@media print", 1)[1]  # on paper only


def test_printout__a_learners_name_at_the_foot_of_each_page_stays_words(catalogue):
    """Quotes, a backslash or a closing style tag in the name can end neither the CSS string
    nor the style sheet, and the template's HTML escaping does not change them."""
    name = "Jo \"O'Brien\" \\ </style><script>x</script> & co"
    html = _record(catalogue, learner=name)
    footer = _margin_box(html, "bottom-left")
    assert re.fullmatch(r'"[A-Za-z0-9 ,.:()\\-]*"', footer), footer
    assert _css_text(footer[1:-1]) == f"Record of a units check for {name}, 5 January 2015"
    assert html.count("</style>") == 1 and "<script>" not in html


def test_action_plan__a_short_name_in_the_route_is_explained_in_the_words_used(catalogue):
    """A route through the OCN London Level 2 Diploma names it by the advisor's short name
    (the sources give it no code): the printout's words used say a college will not know it."""
    diploma = catalogue.qualifications["ocnlr-l2-diploma-customer-service"]
    route = next(find_routes(catalogue, to_qualification=diploma, as_at=TODAY))
    page = " ".join(action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route)).split())
    assert "OCNLR L2 Diploma CS" in page
    assert ("A name such as OCNLR L2 Diploma CS is a short name this advisor uses where the "
            "sources give no code: a college will not know it, so give them the full title."
            ) in page


def test_action_plan__a_route_printout_lists_the_other_routes_considered(catalogue):
    """The adviser's handout shows what the chosen route was weighed against: the other routes
    found, a line each, with what they rest on and how their qualifications stand."""
    start = catalogue.find_qualification("09628")
    routes = list(itertools.islice(find_routes(catalogue, from_qualification=start, to_level=3,
                                               as_at=TODAY), 5))
    chosen, others = routes[0], tuple(routes[1:])
    page = " ".join(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=chosen, other_routes=others)).split())
    assert "Other routes considered" in page
    assert ("<li>09628 → 09629: documented; on 22 November 2026, closed; certificates ended "
            "(the sources suggest 10380 replaced it)</li>") in page
    assert "Other routes considered" not in " ".join(action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, route=chosen)).split())


def test_action_plan__a_step_where_a_held_unit_may_count_says_up_to(catalogue):
    """09628 to 10379: as on the page, the printout gives the plan's credits as the most still
    needed, since 09628's units may count too (10379's sources list only some of its units)."""
    route = next(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                             to_qualification=catalogue.find_qualification("10379"),
                             as_at=TODAY))
    page = " ".join(action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route)).split())
    assert ("Still needed: up to 45 credits, about 264 guided learning hours (the sources list "
            "only some of its units, so a unit already held may count too and leave less to "
            "do), for example:") in page


def test_action_plan__a_route_up_a_level_is_not_advice_to_move_up(catalogue):
    """From 09628 (Level 2) to 10380 (Level 3), the handout carries the awarding body's warning
    the starting-level page gives: holding one level does not make a learner ready for the
    next. A route at the same level does not."""
    start = catalogue.find_qualification("09628")
    up = next(find_routes(catalogue, from_qualification=start, to_level=3, as_at=TODAY))
    warning = "not to assume learners move up a level automatically"
    page = " ".join(action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=up)).split())
    assert warning in page
    level = next(find_routes(catalogue, from_qualification=start,
                             to_qualification=catalogue.find_qualification("10379"),
                             as_at=TODAY))
    assert warning not in " ".join(action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, route=level)).split())


def test_action_plan__an_older_framework_says_it_was_superseded_before_its_parts(catalogue):
    """On 1 June 2015 a route from 09628 to 09629 leads into the 2010 framework: the handout
    says a later framework had been issued, so a new apprentice takes that one, before the
    table of the old one's parts, not after it."""
    as_at = dt.date(2015, 6, 1)
    route = next(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                             to_qualification=catalogue.find_qualification("09629"),
                             as_at=as_at))
    leads_into = frameworks_route_leads_into(catalogue, route, held=["ocr-09628"], as_at=as_at)
    page = " ".join(action_plan_html(catalogue, ActionPlan(
        as_at=as_at, route=route, route_frameworks=leads_into)).split())
    name_at = page.find("Advanced Apprenticeship in Customer Service (Level 3, with 03456 and "
                        "09629)</strong>")
    superseded = page.find("so a new apprentice takes that one", name_at)
    component = page.find("technical knowledge", name_at)
    assert name_at != -1 and -1 < superseded < component


def test_action_plan__every_framework_component_cites_its_source(catalogue):
    """Employment rights and responsibilities is in no qualification here, so its "on the
    date" cell is empty: what it needs still carries its source's number, as the page's table
    cites it."""
    route = next(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                             as_at=TODAY))
    leads_into = frameworks_route_leads_into(catalogue, route, held=["ocr-09628"], as_at=TODAY)
    page = " ".join(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=route, route_frameworks=leads_into)).split())
    rows = re.findall(r'<td data-label="What it needs">(.*?)</td>', page)
    assert rows and any("Employment rights" in row for row in rows)
    assert all('<span class="source">[' in row for row in rows)


def test_action_plan__a_first_step_not_known_to_be_open_names_what_replaced_it(catalogue):
    """03455's status is not known today, and 10379, which the sources suggest replaced it,
    has opened: the printout asks whether it is still offered, or else about 10379, as surely
    as the sources say it (they only suggest it: "what replaced it" alone was too sure)."""
    start = catalogue.find_qualification("09628")
    route = next(r for r in find_routes(catalogue, from_qualification=start,
                                        as_at=dt.date(2026, 12, 1))
                 if [q.reference for q in r.path] == ["09628", "03455"])
    html = action_plan_html(catalogue, ActionPlan(as_at=dt.date(2026, 12, 1), route=route))
    text = " ".join(" ".join(parse(html).text).split())
    assert ("Careers Service whether it is still offered, or else about what the sources "
            "suggest replaced it, OCR Level 2 Diploma in Customer Service (10379), and which of "
            "your units carry over.") in text


@pytest.mark.parametrize("as_at", [dt.date(2015, 6, 1), TODAY])
def test_action_plan__sources_are_numbered_in_the_order_a_reader_meets_them(catalogue, as_at):
    """A route plan from 09628 to Level 3 with the frameworks it leads into, and a record of a
    check: the first mark on the page is [1], each new one the next number, and the list at
    the end is in that order (its first entry is the source of [1])."""
    route = next(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                             to_level=3, as_at=as_at))
    leads_into = frameworks_route_leads_into(catalogue, route, held=["ocr-09628"], as_at=as_at)
    pages = [action_plan_html(catalogue, ActionPlan(as_at=as_at, route=route, route_age=19,
                                                    route_frameworks=leads_into)),
             _record(catalogue)]
    for page in pages:
        marks = [int(n) for cited in re.findall(r'<span class="source">([^<]*)</span>', page)
                 for n in re.findall(r"\[(\d+)\]", cited)]
        first_met = list(dict.fromkeys(marks))
        assert first_met == list(range(1, len(first_met) + 1))
        listed = re.findall(r"<li>(.*?)</li>", page.rsplit("<ol", 1)[1])
        assert len(listed) >= len(first_met)


def test_action_plan__a_web_address_cut_short_in_the_notes_says_so(catalogue):
    """The notes give the Level 4 structure's page as ".../customer-service-...": printed as it
    is, it would not open; the sources list says it is cut short and what to do."""
    route = next(find_routes(catalogue, from_qualification=catalogue.find_qualification("03456"),
                             to_level=4, as_at=TODAY))
    page = html.unescape(" ".join(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=route)).split()))
    assert ("customer-service-... (cut short in the notes: search the site for the document's "
            "title)") in page
    assert not re.search(r"customer-service-\.\.\.(?! \(cut short)", page)


def test_action_plan__a_route_from_nothing_held_does_not_ask_which_units_carry_over(catalogue):
    """A senior team leader holding nothing, routed straight to 10381: the next step asks
    whether it is offered, not "which of your units carry over" (there are none); from 09628,
    whose units are held, it still asks."""
    top = catalogue.find_qualification("10381")
    (route, *_) = find_routes(catalogue, to_qualification=top, as_at=TODAY)
    text = " ".join(" ".join(parse(action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, route=route))).text).split())
    (step,) = re.findall(r"First step on your route: [^.]*\.[^.]*\.", text)
    assert step.endswith("Ask a local college or training provider (a centre), or a careers "
                         "adviser at the National Careers Service whether it, or a qualification "
                         "that took its place, is offered now.")
    assert "which of your units carry over" not in text
    held = next(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                            to_level=3, as_at=TODAY))
    assert "and which of your units carry over." in " ".join(" ".join(parse(action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, route=held))).text).split())


_OF_THE_LEARNER = re.compile(r"\b(?:the|this) learner\b|\blearner's\b|\bplan a route\b"
                             r"|\bthey (?:hold|already|need|work)\b|\btheir (?:age|work|job)\b",
                             re.IGNORECASE)


def test_action_plan__a_starting_level_speaks_to_the_learner_throughout(catalogue):
    """The printout is the learner's: a call centre operator of 24 holding 09628 who wants an
    apprenticeship reads "you" in its reasons, cautions and table, never "the learner", and
    is told whom to ask about a route, not to plan one in the app; the page's own words (the
    recommendation as the engine gives it) still speak of the learner."""
    profile = Profile(age=24, employment=Employment.WORKING, role="Call Centre Operators",
                      senior_role=False, held_qualifications=("ocr-09628",),
                      aim=Aim.APPRENTICESHIP)
    result = recommend(catalogue, profile, as_at=TODAY)
    text = _before_the_glossary(action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, recommendation=result)))
    assert _OF_THE_LEARNER.findall(text) == []
    assert ("You already hold OCR Level 2 Certificate in Principles of Customer Service (09628) "
            "at Level 2: another Level 2 qualification of the same kind (knowledge) would largely "
            "repeat it. If your work is ready for it, Level 3 is the step up: ask your adviser "
            "or the centre about a route to it from what you hold.") in text
    assert "Choose the level from the work you do now." in text
    assert any("If the learner's work is ready for it, Level 3 is the step up: plan a route "
               "from what they hold to see it." in c.message for c in result.cautions)


def test_action_plan__a_starting_level_option_speaks_to_the_learner(catalogue):
    """The 'Fits what you want' column and an option's status say "you": "which you hold",
    "Open to you", "whether you can start depends on your age"."""
    knowledge = Profile(employment=Employment.WORKING, held_qualifications=("ocr-09628",),
                        aim=Aim.KNOWLEDGE)
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, recommendation=recommend(catalogue, knowledge, as_at=TODAY))))
    assert _OF_THE_LEARNER.findall(text) == []
    assert "(09628), which you hold: it would largely repeat it." in text
    assert "would repeat what you already have" in text
    for held, said in (("ocr-03455", "whether you can start depends on your age, not given."),
                       ("ocr-03454", "Open to you on this date.")):
        text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
            as_at=WHILE_OPEN, recommendation=recommend(
                catalogue, Profile(held_qualifications=(held,)), as_at=WHILE_OPEN))))
        assert _OF_THE_LEARNER.findall(text) == [] and said in text


def test_action_plan__a_route_speaks_to_the_learner_throughout(catalogue):
    """A route for a learner not working, from 09628 to 10379 (which replaced it, in part):
    the caution about assessment at work, the step's senior-role and age reasons and whether
    it fits the aim all say "you"."""
    start = catalogue.find_qualification("09628")
    route = next(r for r in find_routes(catalogue, from_qualification=start, as_at=TODAY,
                                        to_qualification=catalogue.find_qualification("10379"))
                 if [q.reference for q in r.path] == ["09628", "10379"])
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=route, route_aim=Aim.KNOWLEDGE,
        route_employment=Employment.NOT_WORKING)))
    # The sources' own words, quoted, may speak of "the learner".
    assert _OF_THE_LEARNER.findall(re.sub(r'"[^"]*"', "", text)) == []
    assert "an assessor watches you do the job" in text
    assert "Not working now, you would need a job or a work placement for it" in text
    assert "(09628), which you hold, " in text and "what you already have" in text


def test_action_plan__a_route_with_a_step_barred_by_age_speaks_to_the_learner(catalogue):
    """A 14-year-old from 09628 to 09629 in June 2015 (its age groups leave out pre-16), with
    no aim or role given: the headline, the step's age reason and the rest say "you", never
    "the learner" or "this learner", as the page it is printed from does."""
    on = dt.date(2015, 6, 1)
    (route,) = [r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"),
        to_qualification=catalogue.find_qualification("09629"), as_at=on) if len(r.steps) == 1]
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
        as_at=on, route=route, route_age=14)))
    assert ("You cannot take step 1 (09629). Not approved for learners aged 14 (age group "
            "pre-16); approved for: 16-18, 18+, 19+.") in text
    assert _OF_THE_LEARNER.findall(text) == []


def test_action_plan__a_later_step_barred_gets_a_next_step_of_its_own(catalogue):
    """Dan, 35, not in a senior role, holding 03456's F3, F4, A3 and B2, on a route to Level 4
    through 10380: the headline says he cannot take step 2 (10381), and the next steps now
    say what to do about it, where they spoke only of the first step."""
    q = catalogue.find_qualification("03456")
    units = resolve_units(catalogue, ["F3", "F4", "A3", "B2"], q)
    route = next(r for r in find_routes(catalogue, units=units, to_level=4, as_at=TODAY)
                 if [s.to.reference for s in r.steps] == ["10380", "10381"])
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=route, route_age=35, route_senior_role=False)))
    assert "You cannot take step 2 (10381). " in text
    assert ("You cannot take step 2 (10381) as things stand (see the top of this page): before "
            "planning it, ask a local college or training provider (a centre), or a careers "
            "adviser at the National Careers Service whether you could take it later, or what "
            "you could take instead.") in text


def test_action_plan__a_learner_not_working_is_in_no_senior_role_as_on_the_page(catalogue):
    """Not working, with no answer about a senior role (the route page does not ask it of
    them), on a route from 10380 to 10381: the page and the command line read them as in no
    senior role (``in_senior_role``) and say they cannot take 10381; the printout said nothing,
    reading the missing answer as not given."""
    route = next(r for r in find_routes(catalogue,
                                        from_qualification=catalogue.find_qualification("10380"),
                                        to_level=4, as_at=TODAY)
                 if [s.to.reference for s in r.steps] == ["10381"])
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=route, route_employment=Employment.NOT_WORKING)))
    assert "You cannot take step 1 (10381). Not met: Learners must be working in a senior role" \
        in text


def test_action_plan__units_that_share_a_reason_read_it_once_in_words_for_several(catalogue):
    """A printout's step to OCNLR L2 Diploma CS lists the Level 1 units held in one line, its
    reason worded for them all."""
    target = catalogue.find_qualification("OCNLR L2 Diploma CS")
    route = next(r for r in find_routes(catalogue, to_qualification=target, as_at=TODAY,
                                        units=["L/506/2083", "Y/506/2085", "L/506/1791"])
                 if [q.reference for q in r.path] == ["OCNLR L2 Diploma CS"])
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route)))
    assert text.count("Cannot lessen what is still needed") == 1
    assert ("L/506/1791 Principles of personal performance and development: Cannot lessen what "
            "is still needed") in text
    assert "so no unit at Level 1 counts towards it." in text and "this unit" not in text


JUNE_2014 = dt.date(2014, 6, 1)  # 09629 open; 10380, which replaced it, not yet


def test_action_plan__a_route_in_june_2014_names_what_replaces_its_step_and_opens_later(
        catalogue):
    """The route page on 1 June 2014 says that 09629 was later replaced by 10380 and that 10380
    opens in the autumn: the printout the learner takes home said neither."""
    route = next(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                             to_level=3, as_at=JUNE_2014))
    later = opening_later(catalogue, as_at=JUNE_2014, level=3)
    assert [o.qualification.reference for o in later] == ["10380"]
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
        as_at=JUNE_2014, route=route, opening_later=later)))
    assert "Later replaced by OCR Level 3 Diploma in Customer Service (10380)" in text
    assert ("Opening later: OCR Level 3 Diploma in Customer Service (10380) opens in the "
            "autumn of 2014") in text


def test_action_plan__a_starting_level_in_june_2014_names_what_opens_later(catalogue):
    """Holding 09628 in June 2014, the step up to Level 3 is offered on the page with 10380
    opening later: the printout names it too."""
    result = recommend(catalogue, Profile(age=19, employment=Employment.WORKING,
                                          held_qualifications=("ocr-09628",)), as_at=JUNE_2014)
    assert any(offer.opening_later for offer in result.route_offers)
    text = _before_the_glossary(action_plan_html(catalogue, ActionPlan(
        as_at=JUNE_2014, recommendation=result)))
    assert text.count("Opening later: OCR Level 3 Diploma in Customer Service (10380)") == 1


def test_action_plan__route_to_10379_not_working_wanting_knowledge_says_why_with_a_source(
        catalogue):
    """The route printout for someone not working who wants knowledge: a route ending in
    10379 fits only with a job or a work placement, said to them, with its source marked."""

    route = next(r for r in find_routes(catalogue, to_level=2, start_level=1, as_at=TODAY)
                 if r.path[-1].reference == "10379")
    page = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, route=route, route_aim=Aim.KNOWLEDGE,
        route_employment=Employment.NOT_WORKING))
    said = re.search(r"<p>(It ends in OCR Level 2 Diploma in Customer Service \(10379\)[^<]*)"
                     r"( <span class=\"source\">(?:\[\d+\] ?)+</span>)?</p>", html.unescape(page))
    assert said is not None and said.group(2), "the sentence, with its source marked"
    assert said.group(1).startswith(
        "It ends in OCR Level 2 Diploma in Customer Service (10379), which fits what you want "
        "(knowledge), but only with a job or a work placement.")


def _route_by(found, *references):
    return next(r for r in found if [q.reference for q in r.path] == list(references))


def test_action_plan__a_route_step_prints_the_units_that_would_count_if_taken(catalogue):
    """Step 2 (10379) of 601/4404/X → 10379 → 10380 lists T/506/2126, an optional unit of
    601/4404/X that 10379 counts too: the page says so below the step's table, and the
    printout does too, as a list of the units after what to do about them (nothing of it
    at step 1, which nothing came before)."""
    route = _route_by(find_routes(catalogue, to_level=3, as_at=TODAY,
                                  employment=Employment.NOT_WORKING),
                      "601/4404/X", "10379", "10380")
    assert route.steps[1].carry_over.possible == ("T/506/2126",)
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, route=route,
                                                  route_employment=Employment.NOT_WORKING))
    text = " ".join(" ".join(parse(html).text).split())
    step_2 = text.split("Step 2: ")[1].split("Step 3: ")[0]
    lead = ("Would count towards this step too, if taken as optional units of 601/4404/X in "
            "step 1 (ask the centre about choosing them there: there would then be less to do "
            "here):")
    assert lead in step_2
    assert "(T/506/2126) Communicate with customers in writing, 3 credits" in \
        step_2.split(lead)[1][:100]
    assert "Would count" not in text.split("Step 1: ")[1].split("Step 2: ")[0]
    # A list of its own, under the sentence, as the units that carry over are.
    assert re.search(r"<p>Would count towards this step too[^<]*</p>\s*<ul[^>]*>\s*<li>[^<]*"
                     r"T/506/2126", html)


def test_action_plan__from_a_qualification_held_it_asks_which_optional_units_were_taken(
        catalogue):
    """From 601/4404/X held, to 10379: its optional units that 10379 lists count only if the
    learner took them; the printout lists them and asks, as the page does."""
    route = _route_by(find_routes(
        catalogue, from_qualification=catalogue.find_qualification("601/4404/X"),
        to_qualification=catalogue.find_qualification("10379"), as_at=TODAY),
        "601/4404/X", "10379")
    assert "H/506/2154" in route.steps[0].carry_over.possible
    text = " ".join(" ".join(parse(action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, route=route))).text).split())
    lead = ("Would count towards this step too, if you took them as optional units of "
            "601/4404/X (tell the centre which you took, so that they count):")
    assert lead in text
    assert "(H/506/2154) Deal with incoming telephone calls from customers" in text.split(lead)[1]
