"""The two advice journeys in the app: find a starting level, and plan a route (AppTest)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.app import (
    all_text,
    change_page,
    check_units,
    follow_page_link,
    open_page,
    open_with_link,
    table_with,
    texts,
)

WHILE_OPEN = dt.date(2015, 6, 1)  # 09628 and 09629 both took new learners then
LEVEL = "app_pages/starting_level.py"
ROUTE = "app_pages/plan_route.py"



def link_notes(at: AppTest) -> list[str]:
    """The notes on the link's values, as the learner reads them (Markdown escapes undone)."""
    shown = [re.sub(r"\\(.)", r"\1", w) for w in texts(at.warning)]
    return [w for w in shown if w.startswith("The link")]


# ------------------------------------------------------------------------ find a starting level


def test_starting_level__role_and_work_give_level_2_with_reasons():
    at = open_with_link(LEVEL)
    at.selectbox(key="sl_role").set_value("Call Centre Operators").run()
    at.radio(key="sl_employment").set_value("working").run()
    assert not at.exception
    assert [m.value for m in at.metric] == ["Level 2"]
    text = all_text(at)
    assert "listed among the Level 2 job roles" in text
    assert ("OCR student guide: Level 3 NVQ Diploma in Customer Service (03456), 2011, "
            "§ JOB ROLES AND PROGRESSION") in text
    assert "None of the qualifications at Level 2 can be confirmed open" in text
    options = table_with(at, "New learners")
    row = options.set_index("Code").loc["09628"]
    assert row["New learners"] == \
        "closed; certificates ended (the sources suggest 10379 replaced it)"
    assert dict(at.query_params) == {"work": "working", "role": "Call Centre Operators"}


def test_starting_level__a_17_year_old_not_working_is_told_what_to_do_today():
    at = open_with_link(LEVEL, age="17", work="not-working")
    assert [m.value for m in at.metric] == ["Level 1"]
    text = all_text(at)
    assert "What to do next" in text
    assert "National Careers Service" in text
    assert "which Level 1 Customer Service qualifications they offer:" in text


def test_starting_level__a_call_centre_operator_holding_09628_sees_next_steps_today():
    at = open_with_link(LEVEL, age="35", work="working", role="Call Centre Operators",
                        has="09628")
    text = all_text(at)
    assert "From OCR Level 2 Certificate in Principles of Customer Service (09628): " in text
    assert "Ask a local college or training provider" in text
    options = table_with(at, "New learners")
    assert "09628" not in set(options["Code"])  # held: not offered again


def test_starting_level__an_apprenticeship_aim_shows_the_framework_components():
    at = open_with_link(LEVEL, age="19", work="working", aim="apprenticeship", has="09628")
    text = all_text(at)
    assert "Apprenticeship frameworks at this level" in text
    components = [t.value for t in at.table if "Component" in t.value.columns]
    # The page asks "you", and so does the column of what is held, as on the printout.
    assert components and all(list(frame.columns[:2]) == ["Component", "You"]
                              for frame in components)
    rows = {(r["Component"], r["You"]) for frame in components for _, r in frame.iterrows()}
    assert ("technical knowledge (the technical certificate)", "held") in rows
    assert ("competence (an NVQ: doing the job)", "missing") in rows
    # What took the frameworks' place comes before any framework's missing parts, which are
    # not a list of what to take now.
    order = [e for e in at.main if type(e).__name__ in ("Info", "Table")]
    first_table = next(n for n, e in enumerate(order)
                       if type(e).__name__ == "Table" and "Component" in e.value.columns)
    assert any("Customer Service Practitioner apprenticeship standard (ST0072, Level 2)"
               in e.value.replace("\\", "") for e in order[:first_table]
               if type(e).__name__ == "Info")


def test_plan_route__a_route_into_a_framework_shows_its_components():
    def components(at):
        # The page asks "you": so does the column of what is held, as on the printout.
        return {(r["Component"], r["You"], r["What it needs"]) for t in at.table
                if "Component" in t.value.columns for _, r in t.value.iterrows()}

    # While 03456 took new learners: 09628 is held; 03456, where the route ends, is planned.
    at = open_with_link(ROUTE, on="2015-06-01", **{"from": "09628", "to": "03456"})
    assert "Apprenticeship frameworks this route leads into" in all_text(at)
    rows = components(at)
    assert ("competence (an NVQ: doing the job)", "on this route",
            "Not held yet: this route takes OCR Level 3 NVQ Diploma in Customer Service (03456), "
            "which gives it.") in rows
    assert not any(learner == "held" and "03456" in needs for _, learner, needs in rows)
    # Today 03456 is closed: the route cannot give the component, and says so.
    today = components(open_with_link(ROUTE, **{"from": "09628", "to": "03456"}))
    assert ("competence (an NVQ: doing the job)", "missing",
            "Missing: this route takes OCR Level 3 NVQ Diploma in Customer Service (03456), but "
            "it is closed to new learners on the date, so it cannot give this now.") in today


def test_plan_route__a_route_up_a_level_warns_and_says_a_job_is_needed():
    """The starting level's link from 09628 to Level 3: the route page carries the awarding
    body's warning against moving up automatically, and the step to 10380 (a combined
    qualification, offered in place of the course 09629) says it is assessed at work."""
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3"})
    infos = [i.value for i in at.info]
    assert any("not to assume learners move up a level automatically" in i for i in infos)
    assert any(i.startswith("OCR Level 3 Diploma in Customer Service (10380) combines knowledge "
                            "with competence") and "so it takes a job or a work placement" in i
               for i in infos)


def test_plan_route__a_route_into_a_closed_framework_says_where_apprenticeships_stand_today():
    at = open_with_link(ROUTE, **{"from": "09628", "to": "03456"})
    text = all_text(at)
    # Named so that it cannot be taken for the 2014 framework of the same title ...
    assert "Advanced Apprenticeship in Customer Service (Level 3, with 03456 and 09629)" in text
    # ... and, as no successor is named at Level 3, the page says so and whom to ask.
    assert ("Apprenticeships in England later moved from frameworks to apprenticeship standards, "
            "but the sources say neither when nor which standard took its place at Level 3: ask "
            "an employer") in text


def test_starting_level__questions_about_a_job_are_hidden_when_not_working():
    at = open_with_link(LEVEL)
    assert at.selectbox(key="sl_role") is not None
    at.radio(key="sl_employment").set_value("not-working").run()
    assert not at.exception
    keys = {w.key for w in [*at.selectbox, *at.radio, *at.checkbox]}
    assert "sl_role" not in keys and "sl_senior" not in keys
    assert not any(k.startswith("sl_does_") for k in keys)


def test_starting_level__the_level_3_descriptions_are_checkboxes_in_full():
    at = open_with_link(LEVEL, work="working")
    boxes = [c for c in at.checkbox if c.key.startswith("sl_does_")]
    assert len(boxes) == 7
    # In the learner's words, whole (the label wraps rather than being cut off in its column),
    # with the handbook's own words beside each.
    assert all(c.label.startswith("I ") for c in boxes)
    assert all(c.proto.wrap for c in boxes)
    assert boxes[2].help == "The handbook's words: can influence what happens at work."
    assert not any("select all" in c.label.casefold() for c in at.checkbox)


KEY_WORDS = ("NVQ", "QCF", "OCNLR", "Awarding body", "National structure", "Review date",
             "Certification", "Apprenticeship framework")


@pytest.mark.parametrize(("page", "link", "terms"), [
    ("app_pages/check_units.py", {}, KEY_WORDS),
    ("app_pages/explore.py", {}, KEY_WORDS),
    # A learner's pages explain the words of the answer they show, once it shows them.
    (LEVEL, {"work": "not-working", "want": "Customer Service Team Leader"}, KEY_WORDS),
    (ROUTE, {"from": "09628", "to": "10379"}, ("NVQ", "QCF", "OCNLR", "Awarding body",
                                               "National structure", "Apprenticeship framework")),
    (ROUTE, {"to": "601/4404/X"}, ("Review date",)),
    (ROUTE, {"from": "09628", "to": "09629"}, ("Certification",)),
])
def test_app__every_journey_page_explains_its_words(page, link, terms):
    at = open_with_link(page, **link)
    glossary = next(e for e in at.expander if e.label.startswith("What the words"))
    text = " ".join(m.value for m in glossary.markdown)
    for term in terms:
        assert f"**{term}**" in text, (page, term)


def _page_words(at: AppTest) -> str:
    """Every text on the page, its tables' cells included."""
    cells = [str(v) for t in [*at.table, *at.dataframe] for column in t.value.columns
             for v in [column, *t.value[column]]]
    return "\n".join([all_text(at), *cells])


@pytest.mark.parametrize(("page", "link", "said", "term"), [
    ("app_pages/explore.py", {"qual": "601/4404/X"}, "internally and externally moderated",
     "Internally and externally moderated"),
    ("app_pages/explore.py", {"qual": "601/4404/X"}, "Operational start", "Operational start"),
    ("app_pages/explore.py", {"qual": "10378"}, "Traineeships", "Traineeship"),
    (LEVEL, {"age": "20", "work": "working", "aim": "apprenticeship"}, "end-point assessment",
     "End-point assessment"),
    (ROUTE, {"from": "09628", "to": "10379"}, "B&A 38", "B&A"),
    (ROUTE, {"from": "09628", "to": "10379"}, "M&L 1", "M&L"),
    (LEVEL, {"work": "not-working", "want": "Customer Service Team Leader"},
     "an assessor watches you do the job and colleagues act as witnesses", "Assessor"),
], ids=["moderated", "operational-start", "traineeship", "end-point-assessment", "B&A", "M&L",
        "assessor"])
def test_app__a_word_a_page_uses_is_in_its_glossary(page, link, said, term):
    """A word a learner may not know (a profile's assessment, its dates table, whom it suits,
    an apprenticeship's next steps, the Skills CFA's unit numbers in a route's plan) is
    explained in the glossary of the page that uses it."""
    at = open_with_link(page, **link)
    assert said in _page_words(at)
    glossary = next(e for e in at.expander if e.label.startswith("What the words"))
    assert f"**{term}**: " in " ".join(m.value for m in glossary.markdown)


def test_plan_route__a_target_whose_certificates_ended_says_so_beside_its_replacement():
    """Aiming for 09629 on 2 December 2026: its certificates have ended too, and the offer of
    what replaced it says so (not only "closed to new learners"), dated as at the day asked
    about rather than as if it closed that day."""
    at = open_with_link(ROUTE, as_at=dt.date(2026, 12, 2), **{"from": "09628", "to": "09629"})
    said = next(t for t in all_text(at).splitlines() if "replaced it" in t and "09629" in t)
    assert said.startswith(
        "On 2 December 2026, OCR Level 3 Certificate in Principles of Customer Service (09629) "
        "is closed to new learners, and certificates are no longer issued; the sources suggest "
        "OCR Level 3 Diploma in Customer Service (10380) replaced it")


def test_starting_level__senior_role_and_statements():
    at = open_with_link(LEVEL)
    at.radio(key="sl_employment").set_value("working").run()
    at.radio(key="sl_senior").set_value("yes").run()
    assert [m.value for m in at.metric] == ["Level 4"]
    assert "not to assume learners move up a level automatically" in all_text(at)


def test_starting_level__a_shared_link_reopens_the_answers():
    at = open_with_link(LEVEL, age="20", work="working", role="Postman", has="09628",
                        units="D/502/9654", aim="knowledge", does="2,3")
    assert at.number_input(key="sl_age").value == 20
    assert at.radio(key="sl_employment").value == "working"
    assert at.multiselect(key="sl_has").value == ["ocr-09628"]
    ticked = [c.key for c in at.checkbox if c.key.startswith("sl_does_") and c.value]
    assert ticked == ["sl_does_2", "sl_does_3"]
    assert [m.value for m in at.metric] == ["Level 2"]
    assert at.warning.len == 0 or "left out" not in all_text(at)


def test_starting_level__a_hostile_link_is_told_off_and_the_rest_kept():
    at = open_with_link(LEVEL, age="999", work="<script>alert(1)</script>", role="Postman",
                        has="09628,ZZZ", units="X/123", does="1,99")
    text = all_text(at)
    assert "The link's age '999' was left out" in text
    assert "work answer" in text and "was not understood" in text
    assert "'X/123'" in text or "X/123" in text
    assert "ZZZ" in text
    assert at.multiselect(key="sl_has").value == ["ocr-09628"]
    assert [m.value for m in at.metric] == ["Level 2"], "the good answers still count"


def test_starting_level__nothing_answered_is_not_an_empty_page():
    at = open_with_link(LEVEL)
    text = all_text(at)
    assert "Not enough to go on yet" in text
    assert "Not enough is known" not in text, "said once, not twice"
    assert at.download_button(key="sl_plan_download") is not None
    # No link to a route page that would open with nothing to plan from or to.
    assert not [e for e in at.get("page_link") if e.proto.page == "plan_route"]


def test_starting_level__a_link_says_what_it_left_out_in_few_words():
    """Every unusable value is noted; unknown codes make one short note; control characters
    are removed from the job role, the notes and the address."""
    at = open_with_link(LEVEL, role="Post\x00man\x1b\x85", senior="perhaps",
                        units=",".join(f"Z{n}" for n in range(60)), has="Q" * 1_500)
    assert link_notes(at) == [
        "The link's 'role' held control characters; they were removed.",
        "The link's senior role answer 'perhaps' was not understood: left out.",
        f"The link's qualification was checked: no qualification '{'Q' * 40}' in the catalogue"
        ", so it was left out",
        "The link's units were checked: 60 are not in the catalogue, so they were left out: "
        "'Z0', 'Z1', 'Z2', 'Z3', 'Z4' and 55 more.",
    ]
    assert at.selectbox(key="sl_role").value == "Postman"
    assert at.radio(key="sl_senior").value is None
    assert dict(at.query_params) == {"role": "Postman"}
    assert [m.value for m in at.metric] == ["Level 2"], "the good answers still count"


# ------------------------------------------------------------------------------ plan a route


def test_plan_route__09628_to_level_3_while_09629_was_open():
    at = open_with_link(ROUTE)
    at.date_input(key="as_at").set_value(WHILE_OPEN).run()
    at.selectbox(key="route_from").set_value("ocr-09628").run()
    at.selectbox(key="route_to_level").set_value(3).run()
    assert not at.exception
    text = all_text(at)
    assert "Step 1: 09629" in text
    assert "Carries over from units already held: 5 credits." in text
    assert "Still needed: 12 credits" in text
    plan = next(t.value for t in at.table if "GLH" in t.value.columns)
    assert list(plan["URN"]) == ["H/502/9655", "K/502/9656"]
    assert len(at.get("plotly_chart")) == 1
    assert dict(at.query_params) == {"from": "09628", "level": "3", "on": "2015-06-01"}


def test_plan_route__09628_to_level_3_today_leads_to_what_replaced_09629():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3"})
    text = all_text(at)
    assert "Step 1: 10380" in text
    assert ("Not a documented progression: in place of OCR Level 3 Certificate in Principles of "
            "Customer Service (09629), which is closed to new learners: the sources suggest OCR "
            "Level 3 Diploma in Customer Service (10380) replaced it") in text
    assert "(they do not say so in those words)" in text  # an inference, said as one


def test_plan_route__a_step_whose_certification_has_closed_says_no_units_can_complete_it():
    """Certificates for 09629 and 03456 have ended: neither step offers a plan of units that
    could no longer complete it, and the table says the route cannot be completed now, not its
    credits; while they were open, both give their plans."""
    today = open_with_link(ROUTE, **{"from": "09628", "to": "03456"})
    ended = [w for w in texts(today.warning) if w.startswith("Still needed: nothing that")]
    assert ended == ["Still needed: nothing that could count: certificates for it are no longer "
                     "issued, so it cannot be completed now. What replaced it, as the "
                     "sources suggest (they do not say so in those words): OCR Level 3 "
                     "Diploma in Customer Service (10380)."] * 2
    assert not any("For example:" in t for t in texts(today.markdown))
    (routes,) = [t.value for t in today.table if "Credits still needed" in t.value.columns]
    assert list(routes["Credits still needed"]) == [
        "cannot be completed now: certificates for 09629 and 03456 have ended"]
    while_open = open_with_link(ROUTE, as_at=WHILE_OPEN, **{"from": "09628", "to": "03456"})
    assert not [w for w in texts(while_open.warning) if "cannot be completed now" in w]
    (routes,) = [t.value for t in while_open.table if "Credits still needed" in t.value.columns]
    assert list(routes["Credits still needed"]) == [54, 42]


def test_plan_route__link_to_a_qualification_shows_both_steps():
    at = open_with_link(ROUTE, as_at=WHILE_OPEN, **{"from": "09628", "to": "03456"})
    text = all_text(at)
    assert "Step 1: 09629" in text and "Step 2: 03456" in text
    assert at.radio(key="route_target").value == "qualification"


def test_plan_route__a_shared_link_keeps_its_date():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3", "on": "2015-06-01"})
    assert at.date_input(key="as_at").value == WHILE_OPEN
    assert "Step 1: 09629" in all_text(at)
    assert dict(at.query_params) == {"from": "09628", "level": "3", "on": "2015-06-01"}


def test_plan_route__starts_from_what_the_starting_level_page_was_told():
    at = open_with_link(LEVEL, work="working", has="09628", units="D/502/9654")
    change_page(at, ROUTE)  # through the sidebar
    assert at.selectbox(key="route_from").value == "ocr-09628"
    assert at.multiselect(key="route_units").value == ["D/502/9654"]


def test_starting_level__units_counting_towards_one_whose_certificates_ended_say_so():
    """Holding 09628, its unit 3 counts for 5 of 09629's 17 credits; today 09629's
    certificates have ended, which the option says beside the count; in June 2015 not."""
    told = {"age": "34", "work": "working", "role": "Customer Service Team Leader",
            "has": "09628"}
    today = [line for line in all_text(open_with_link(LEVEL, **told)).splitlines()
             if line.startswith("Units you hold count")]
    assert today == ["Units you hold count for 5 of its 17 credits, but its certificates have "
                     "ended, so they cannot complete it now."]
    then = [line for line in all_text(open_with_link(LEVEL, on="2015-06-01", **told))
            .splitlines() if line.startswith("Units you hold count")]
    assert then == ["Units you hold count for 5 of its 17 credits."]


def test_starting_level__credits_still_needed_not_known_says_at_most_how_many():
    """10380's units are listed only in part, so whether 09628's units count towards it is not
    known: the table and the option say at most how many, as a route does ("up to 55"), and
    the option says why. 09628's certificates have ended, so its credits are not offered."""
    at = open_with_link(LEVEL, age="34", work="working", role="Customer Service Team Leader",
                        has="09628")
    (options,) = [t.value for t in at.table if "Credits still needed" in t.value.columns]
    needed = dict(zip(options["Code"], options["Credits still needed"], strict=True))
    assert needed["10380"] == "up to 55"
    assert ("Credits still needed: up to 55 by the rules of the national structure S/016/609, "
            "which the sources suggest it follows (they name only 1 of 10380's own units: "
            "confirm them with the awarding body). A unit you hold may count too and leave less "
            "to do: ask the centre.") in all_text(at)


def test_plan_route__not_in_a_senior_role_the_route_starts_with_what_they_can_take():
    """Told *Find a starting level* they are not in a senior role, the learner's route to
    Level 4 does not start with 10381, which asks for one: the route through 10380 comes first,
    10381's step says the role is not met, and the answer travels in the address and the
    printout. The question is asked only where a route has such a step: not for Level 3."""
    at = open_with_link(LEVEL, age="34", work="working", has="09628", senior="no",
                        role="Customer Service Team Leader")
    follow_page_link(at, ROUTE)
    assert dict(at.query_params)["senior"] == "no"
    assert not any(r.key == "route_senior" for r in at.radio)  # Level 3: not asked
    at.selectbox(key="route_to_level").set_value(4).run()
    assert at.radio(key="route_senior").value == "no"
    # Asked beside the level that makes it matter, not above what the learner holds (on a
    # phone, off screen above the box just changed).
    (aim_for,) = [c for c in at.columns if any(s.key == "route_to_level" for s in c.selectbox)]
    assert [r.key for r in aim_for.radio] == ["route_target", "route_senior"]
    text = all_text(at)
    assert "Step 1: 10380" in text and "Step 2: 10381" in text
    assert "Not met: Learners must be working in a senior role" in text
    at.radio(key="route_senior").set_value("yes").run()
    assert "Step 1: 10381" in all_text(at)  # in one, the direct start comes first again
    at.selectbox(key="route_to_level").set_value(3).run()
    assert not any(r.key == "route_senior" for r in at.radio)


def test_plan_route__not_working_the_senior_role_is_not_asked_and_level_4_says_why():
    """Not working, a learner is in no senior role: the route page does not ask (nor does *Find
    a starting level*), says what Level 4 asks for, and its routes put 10381 second."""
    at = open_with_link(ROUTE, work="not-working", level="4", **{"from": "09628"})
    assert not any(r.key == "route_senior" for r in at.radio)
    assert "senior" not in dict(at.query_params)  # not asked, so no answer is recorded
    assert ("10381 asks for someone working in a senior role: not working now, you would "
            "need such a job first.") in texts(at.caption)
    text = all_text(at)
    assert "Step 1: 10380" in text and "Step 2: 10381" in text
    assert "Not met: Learners must be working in a senior role" in text


def test_starting_level__says_how_to_reach_the_awarding_bodies_it_names():
    """A school leaver told to check with the awarding body learns how to reach each one whose
    qualifications the answer lists, with the document it comes from."""
    at = open_with_link(LEVEL, age="16", work="not-working")
    ways = [c.replace("\\", "") for c in texts(at.markdown)
            if c.startswith("To reach the awarding body: ")]
    assert sorted(w.split(":")[1].strip() for w in ways) == [
        "OCN London", "OCR (Oxford Cambridge and RSA Examinations)"]
    assert "§ About OCN London" in all_text(at)


def test_plan_route__what_the_learner_wants_travels_from_the_starting_level_and_orders_routes():
    """Told *Find a starting level* they want to prove their competence, the route page starts
    with that aim: in June 2015 the routes ending in 10380 and 03456 come before the stated
    step to 09629 (knowledge), the table says which fit, the route shown says why, and the aim
    is in the address and the printout. Without an aim, 09629 comes first again."""
    at = open_with_link(LEVEL, on="2015-06-01", age="34", work="working", has="09628",
                        aim="competence", role="Customer Service Team Leader")
    follow_page_link(at, ROUTE)
    assert at.selectbox(key="route_aim").value == "competence"
    assert dict(at.query_params)["aim"] == "competence"
    (routes,) = [t.value for t in at.table if "Fits the aim" in t.value.columns]
    assert routes["Path"].iloc[-1] == "09628 → 09629"
    assert list(routes["Fits the aim"]) == ["yes"] * (len(routes) - 1) + ["no"]
    text = all_text(at)
    assert "Step 1: 10380" in text
    assert ("It ends in OCR Level 3 Diploma in Customer Service (10380), which fits what you "
            "want (competence). It is a combined knowledge and competence qualification.") in text
    at.selectbox(key="route_aim").set_value(None).run()
    assert "Step 1: 09629" in all_text(at)
    assert "aim" not in dict(at.query_params)
    assert not any("Fits the aim" in t.value.columns for t in at.table)


def test_plan_route__a_route_the_learner_cannot_start_says_so_before_its_steps():
    """Not in a senior role and holding 03456, the only route to Level 4 is 10381, which needs
    one: the page says, above the steps and not only in each step's reasons, that they cannot
    take step 1 and that none of the routes can be started, and whom to ask instead, to them
    ("you", as the page asks its questions)."""
    at = open_with_link(ROUTE, on="2015-06-01", age="40", senior="no", level="4",
                        **{"from": "03456"})
    warnings = texts(at.warning)
    assert any(w.startswith("You cannot take step 1 \\(10381\\)\\. Not met: Learners "
                            "must be working in a senior role") for w in warnings), warnings
    assert any(w.startswith("None of the routes found can be started by you: each begins with "
                            "a qualification not open to you") and "what you could take" in w
               for w in warnings)
    at.radio(key="route_senior").set_value("yes").run()
    assert not any("cannot take step" in w or "None of the routes" in w
                   for w in texts(at.warning))


_OF_THE_LEARNER = re.compile(r"\b(?:the|this) learner\b|\blearner's\b", re.IGNORECASE)


def test_plan_route__speaks_to_the_reader_as_you_as_find_a_starting_level_does():
    """A 14-year-old, not working, from 09628 to 09629 in June 2015, whose age group 09629 is
    not approved for: the page's questions, its warnings, the step's status and the routes
    table say "you", and nothing on it speaks of "the learner" or "this learner"."""
    at = open_with_link(ROUTE, on="2015-06-01", age="14", work="not-working", to="09629",
                        **{"from": "09628"})
    assert at.number_input(key="route_age").label == "Your age (optional)"
    assert at.radio(key="route_working").label == "Are you working at the moment?"
    assert at.selectbox(key="route_aim").label == "What you want from it (optional)"
    assert at.selectbox(key="route_aim").help == (
        "Routes ending in a qualification that gives it come first.")
    warnings = [w.replace("\\", "") for w in texts(at.warning)]
    assert ("You cannot take step 1 (09629). Not approved for learners aged 14 (age group "
            "pre-16); approved for: 16-18, 18+, 19+.") in warnings
    assert any(w.startswith("None of the routes found can be started by you: each begins with "
                            "a qualification not open to you") for w in warnings)
    assert any("But you cannot start it. Not approved for learners aged 14" in w
               for w in warnings)
    (routes,) = [t.value for t in at.table if {"Path", "You"} <= set(t.value.columns)]
    assert list(routes["You"]) == ["cannot take step 1 (09629)"]
    text = all_text(at)
    assert "**What you hold**" in text and "**Where you want to get to**" in text
    assert _OF_THE_LEARNER.findall(text) == []
    # Not working, to Level 4: the cautions the engine words say "you" too.
    level_4 = open_with_link(ROUTE, work="not-working", level="4", **{"from": "09628"})
    text = all_text(level_4)
    assert "an assessor watches you do the job" in level_4.radio(key="route_working").help
    assert "Not working now, you would need a job or a work placement" in text
    assert "Choose the level from the work you do now." in text
    assert "not working now, you would need such a job first." in text
    assert any(w.startswith("Every route found has a step you cannot take")
               for w in texts(level_4.warning))
    assert _OF_THE_LEARNER.findall(text) == []
    senior = open_with_link(ROUTE, age="17", level="4", **{"from": "03456"})
    assert senior.radio(key="route_senior").label == (
        "Are you in a senior role where you influence decisions and shape how customer service "
        "is delivered?")
    assert "Whether your role meets this was not given." in all_text(senior)
    assert _OF_THE_LEARNER.findall(all_text(senior)) == []


def test_plan_route__answers_changed_on_the_starting_level_page_reach_it_by_the_sidebar_too():
    """The learner changes what they want on *Find a starting level* and goes to *Plan a route*
    by the sidebar, not the link: the route page takes the new answer; its own answers stay
    while nothing changed there."""
    at = open_with_link(LEVEL, age="34", work="working", has="09628", aim="knowledge",
                        role="Customer Service Team Leader")
    change_page(at, ROUTE)
    assert at.selectbox(key="route_aim").value == "knowledge"
    at.selectbox(key="route_to_level").set_value(3).run()
    change_page(at, LEVEL)
    change_page(at, ROUTE)  # nothing changed there: the route page's own level stays
    assert at.selectbox(key="route_to_level").value == 3
    change_page(at, LEVEL)
    at.radio(key="sl_aim").set_value("competence").run()
    change_page(at, ROUTE)
    assert at.selectbox(key="route_aim").value == "competence"
    assert dict(at.query_params)["aim"] == "competence"
    assert at.selectbox(key="route_to_level").value == 3  # not changed there: kept
    # Answers cleared there are cleared here too: no longer holding 09628, no age.
    change_page(at, LEVEL)
    at.multiselect(key="sl_has").set_value([]).run()
    at.number_input(key="sl_age").set_value(None).run()
    change_page(at, ROUTE)
    assert at.selectbox(key="route_from").value is None
    assert at.number_input(key="route_age").value is None
    assert at.selectbox(key="route_aim").value == "competence"
    assert {"from", "age"}.isdisjoint(dict(at.query_params))


def test_plan_route__the_table_says_which_step_each_route_has_that_the_learner_cannot_take():
    """Not in a senior role, from 09628 to Level 4, every route ends in 10381: the table says
    which step of each they cannot take, and the page says that every route has one."""
    at = open_with_link(ROUTE, age="34", senior="no", level="4", **{"from": "09628"})
    (routes,) = [t.value for t in at.table if {"Path", "You"} <= set(t.value.columns)]
    learner = dict(zip(routes["Path"], routes["You"], strict=True))
    assert learner["09628 → 10380 → 10381"] == "cannot take step 2 (10381)"
    assert learner["09628 → 10381"] == "cannot take step 1 (10381)"
    assert any(w.startswith("Every route found has a step you cannot take")
               for w in texts(at.warning))
    # Nothing said about the learner: no such column.
    plain = open_with_link(ROUTE, level="4", **{"from": "09628"})
    assert not any({"Path", "You"} <= set(t.value.columns) for t in plain.table)


def test_plan_route__a_step_left_open_for_the_learner_is_not_called_one_they_can_take():
    """A 17-year-old from 03456 to Level 4, whose role was not given: the sources do not say
    which ages 10381 is approved for, and it asks for a senior role. Nothing bars the step,
    but the table must not say they can take it; a route to Level 3 for a 35-year-old, whose
    steps approve their age and ask nothing of their role, says so."""
    at = open_with_link(ROUTE, age="17", level="4", **{"from": "03456"})
    (routes,) = [t.value for t in at.table if {"Path", "You"} <= set(t.value.columns)]
    said = dict(zip(routes["Path"], routes["You"], strict=True))
    assert said["03456 → 10381"] == (
        "not known for step 1 (10381): the ages it is approved for are not stated; whether "
        "the role is a senior one not given")
    assert not any("can take" in words or "allow" in words for words in said.values())
    adult = open_with_link(ROUTE, age="35", to="09629", **{"from": "09628"})
    (routes,) = [t.value for t in adult.table
                 if {"Path", "You"} <= set(t.value.columns)]
    assert list(routes["You"]) == ["your age allows every step"]


def test_starting_level__wanting_an_apprenticeship_the_route_link_aims_where_they_start():
    """A school leaver told Level 1 who wants an apprenticeship: none is at Level 1, so the
    link to *Plan a route* aims for Level 2, where the documents' apprenticeships start, not
    for Level 1, whose routes cannot give one."""
    at = open_with_link(LEVEL, age="17", work="not-working", aim="apprenticeship")
    (link,) = [p for p in at.get("page_link") if "Plan a route" in p.proto.label]
    assert link.proto.label.endswith(
        "to Level 2, where the apprenticeships in these documents start")
    follow_page_link(at, ROUTE)
    assert at.selectbox(key="route_to_level").value == 2
    assert dict(at.query_params)["aim"] == "apprenticeship"


def test_plan_route__the_starting_level_pages_link_carries_what_it_was_told():
    at = open_with_link(LEVEL, work="working", has="03455", role="Customer Service Team Leader")
    change_page(at, ROUTE)  # the route page seen first: it starts from 03455
    at.selectbox(key="route_to_level").set_value(4).run()
    change_page(at, LEVEL)  # back: the answers are still there ...
    assert at.multiselect(key="sl_has").value == ["ocr-03455"]
    assert at.selectbox(key="sl_role").value == "Customer Service Team Leader"
    at.multiselect(key="sl_has").set_value(["ocr-09628"]).run()
    follow_page_link(at, ROUTE)  # ... and the link brings the new ones, with the level
    assert at.selectbox(key="route_from").value == "ocr-09628"
    assert at.selectbox(key="route_to_level").value == 3
    # whether they work travels too: the route page says which steps need a job
    assert dict(at.query_params) == {"from": "09628", "level": "3", "work": "working"}
    at.radio(key="route_target").set_value("qualification").run()  # the page's own changes
    assert at.radio(key="route_target").value == "qualification"  # are not undone by the link


def test_plan_route__holding_nothing_says_which_starts_suit_whom():
    """A team leader told to start at Level 3, holding nothing: Route 1 starts at Level 3 and
    the others build up from Level 1; the page says which suit whom. Holding 09628, no such
    words: every route starts from it."""
    at = open_with_link(ROUTE, level="3", age="42")
    assert "Step 1: 10380" in all_text(at)
    said = [t for t in texts(at.info) if t.startswith("Holding nothing yet")]
    assert said and "start at Level 3 suit someone whose work is already at that level" in said[0]
    held = open_with_link(ROUTE, **{"from": "09628", "level": "3"})
    assert not any(t.startswith("Holding nothing yet") for t in texts(held.info))


def test_plan_route__a_change_made_before_the_address_caught_up_is_kept():
    """A browser sends a rerun with the address it shows, which may be a run behind: the
    answers just changed must not be filled in again from it."""
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3"})
    at.selectbox(key="route_to_level").set_value(4).run()
    at.query_params["level"] = "3"  # the address as it was before that change arrived
    at.checkbox(key="route_documented").check().run()
    assert not at.exception
    assert at.selectbox(key="route_to_level").value == 4
    assert at.checkbox(key="route_documented").value is True


def test_plan_route__with_no_target_shows_the_routes_onward():
    at = open_with_link(ROUTE, **{"from": "09628"})
    text = all_text(at)
    assert "the routes onward from what you hold" in text
    assert "Step 1:" in text


def test_plan_route__already_there_and_no_route():
    at = open_with_link(ROUTE, **{"from": "09629", "level": "2"})
    assert "Already there" in all_text(at)
    assert "Choose a higher level to see where to go next." in all_text(at)
    # Holding Level 4, the highest level here: not sent to look for a higher one.
    top = all_text(open_with_link(ROUTE, **{"from": "10381", "level": "2"}))
    assert "Choose a higher level" not in top
    assert ("Level 4 is the highest level in these documents: a careers adviser can say what "
            "other learning or work could come next.") in top
    at = open_with_link(ROUTE, **{"from": "10378", "level": "4", "documented": "yes"})
    assert ("No route to Level 4 was found within 4 steps. Only documented progressions were "
            "searched: leave out \"Only progressions the documents state\"") in all_text(at)
    assert len(at.get("plotly_chart")) == 1, "the map still shows what there is"


def test_plan_route__a_hostile_link_keeps_what_it_can():
    at = open_with_link(ROUTE, **{"from": "=cmd|' /C calc'!A0", "level": "3",
                                  "units": "D/502/9654," + ",".join(["x"] * 500)})
    text = all_text(at)
    assert "only the first 100 were used" in text
    assert "D/502/9654" in at.multiselect(key="route_units").value


def test_plan_route__a_link_says_what_it_left_out_in_few_words():
    at = open_with_link(ROUTE, **{"from": "\x00\x01\x1b\x7f", "to": "nope", "level": "3",
                                  "documented": "perhaps",
                                  "units": "D/502/9654," + ",".join(f"Z{n}" for n in range(9))})
    assert link_notes(at) == [
        "The link's 'from' held only control characters, so it was left out.",
        "The link's target qualification was checked: no qualification 'nope' in the catalogue"
        ", so it was left out",
        "The link's units were checked: 9 are not in the catalogue, so they were left out: "
        "'Z0', 'Z1', 'Z2', 'Z3', 'Z4' and 4 more.",
        "The link's 'documented' answer 'perhaps' was not understood: left out.",
    ]
    assert at.selectbox(key="route_from").value is None
    assert at.multiselect(key="route_units").value == ["D/502/9654"]
    assert at.checkbox(key="route_documented").value is False
    assert dict(at.query_params) == {"units": "D/502/9654", "level": "3"}


def test_app__no_list_of_a_learners_units_or_qualifications_offers_select_all():
    """One Enter in a box offering "Select N matches" accepted a whole group of units as
    recognised prior learning: the boxes that record what a learner holds or the centre
    accepts offer neither "select all" nor loose matching."""
    pages = [check_units("ocr-03456", []), open_with_link(LEVEL, work="working"),
             open_with_link(ROUTE)]
    boxes = [m for at in pages for m in at.multiselect]
    assert {m.key for m in boxes} >= {"check_accepted_ocr-03456", "check_in_progress_ocr-03456",
                                      "sl_has", "sl_units", "route_units"}
    assert all(m.proto.select_all == 0 for m in boxes)  # 0: never shown


def test_starting_level__a_typed_title_close_to_a_listed_one_offers_it():
    at = open_with_link(LEVEL, work="working", role="assistant")
    assert any("is not one of the job roles the documents list" in w for w in texts(at.warning))
    assert 'Use "Helpdesk Assistants" (Level 2)' in [b.label for b in at.button]


def test_starting_level__a_school_leaver_wanting_an_apprenticeship_is_not_left_empty():
    at = open_with_link(LEVEL, age="17", work="not-working", aim="apprenticeship")
    text = all_text(at)
    assert "Apprenticeships at this level" not in text
    assert ("None of the apprenticeship frameworks in these documents is at Level 1: they are "
            "at Level 2 and Level 3.") in text
    assert any("Customer Service Practitioner (ST0072)" in m.replace("\\", "")
               for m in texts(at.markdown))


def test_starting_level__a_framework_at_the_level_names_the_standard_that_took_its_place():
    at = open_with_link(LEVEL, age="30", work="working", aim="apprenticeship")
    assert any(i.replace("\\", "").startswith(
        "In England, the Customer Service Practitioner apprenticeship standard (ST0072, Level 2) "
        "later took the place of this framework (the sources do not say when).")
               for i in texts(at.info))


def test_plan_route__a_step_says_why_once():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3"})
    steps = [t for t in texts(at.markdown) if "documented progression" in t.casefold()]
    assert steps and not any(t.casefold().count("not a documented progression") > 1
                             for t in steps)


def test_starting_level__open_but_not_to_this_learner_says_so_where_its_status_is():
    """In the page's voice: it asks "How old are you?", so "But you cannot start it"."""
    at = open_with_link(LEVEL, work="working", age="14", on="2016-06-01")
    assert any(w.startswith("On 1 June 2016: Open to new learners until 31 December 2016 "
                            "(certificates until 31 December 2017). But you cannot start it. "
                            "Not approved for learners aged 14")
               for w in texts(at.warning))


def test_plan_route__the_route_shown_is_kept_in_the_address():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3", "route": "2"})
    assert at.radio(key="route_choice").value == 1
    assert at.query_params["route"] == "2"
    at.radio(key="route_choice").set_value(0).run()
    assert "route" not in at.query_params  # the first route needs no mark
    odd = open_with_link(ROUTE, **{"from": "09628", "level": "3", "route": "99"})
    assert odd.radio(key="route_choice").value == 0
    assert any("route number '99' was left out" in w for w in texts(odd.warning))


def test_plan_route__several_held_are_all_completed_and_routes_start_from_any():
    for has in ("09628,03455", "03455,09628"):  # the same answer whatever the order given
        at = open_with_link(LEVEL, work="working", has=has)
        follow_page_link(at, ROUTE)
        assert at.selectbox(key="route_from").value == "ocr-03455"  # 03455 before 09628
        assert at.multiselect(key="route_also").value == ["ocr-09628"]
        assert at.query_params["also"] == "09628"
        at.radio(key="route_target").set_value("level").run()
        at.selectbox(key="route_to_level").set_value(3).run()
        # 09628 is the one the documents lead on from, so the routes both reach go from it.
        routes = at.radio(key="route_choice").options
        assert routes and all(": 09628 →" in r for r in routes)


def test_plan_route__a_qualification_completed_is_never_a_step():
    at = open_with_link(ROUTE, **{"from": "09628"})
    assert any("→ 10379" in o for o in at.radio(key="route_choice").options)
    at.multiselect(key="route_also").set_value(["ocr-10379"]).run()
    assert not any("→ 10379" in o for o in at.radio(key="route_choice").options)
    assert at.query_params["also"] == "10379"
    at.multiselect(key="route_also").set_value(["ocr-10380"]).run()  # Level 3 completed too
    at.radio(key="route_target").set_value("level").run()
    at.selectbox(key="route_to_level").set_value(3).run()
    assert any(s.startswith("Already there: OCR Level 3 Diploma") for s in texts(at.success))


def test_new_learner__start_again_forgets_answers_names_and_the_address_but_not_the_date():
    """Back-to-back interviews: one learner's answers and printout names must not reach the
    next learner's printout."""
    at = open_with_link(LEVEL, as_at=dt.date(2015, 6, 1), age="17", work="working",
                        role="Call Centre Operators")
    at.text_input(key="plan_learner").input("Jordan Smith").run()
    assert at.number_input(key="sl_age").value == 17 and at.query_params
    at.button(key="new_learner").click().run()
    assert not at.exception
    # The browser is told to load the page afresh (it would otherwise show the boxes as they
    # were, and send their answers back): see tests/browser/test_interview.py.
    assert any("window.location.replace" in e.proto.body for e in at.get("html"))
    assert not any(key in at.session_state for key in ("plan_learner", "sl_age", "sl_role"))
    assert at.session_state["as_at"] == dt.date(2015, 6, 1)
    assert set(at.query_params) <= {"on"}  # only the date, if anything
    assert not any("Jordan" in str(v) for v in at.query_params.values())
    at.run()  # the session, were the browser to keep it
    assert at.text_input(key="plan_learner").value == ""
    assert at.number_input(key="sl_age").value is None
    assert at.selectbox(key="sl_role").value is None


def test_explore__a_search_opens_one_not_closed_and_links_to_the_journeys_from_it():
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("team leader").run()
    # 03456 (closed) and 10380 both match: the one a learner could still ask about opens.
    assert at.selectbox(key="explore_qualification").value == "ocr-10380"
    links = {e.proto.page: (e.proto.label, e.proto.query_string) for e in at.get("page_link")}
    assert links["plan_route"][0] == "Plan a route onward from 10380"
    assert "from=10380" in links["plan_route"][1]
    assert links["check_units"] == ("Check a learner's units against 10380",
                                    links["check_units"][1])
    assert "qual=10380" in links["check_units"][1]


def test_starting_level__a_qualification_not_listed_can_be_held_by_its_level():
    """A learner with another awarding body's Level 2 NVQ picks 'Another ... at Level 2': the
    answer counts it, and the address keeps it."""
    at = open_with_link(LEVEL, age="34", work="working")
    box = at.multiselect(key="sl_has")
    assert "other-level-2" in box.options or any("Level 2 (not listed here)" in o
                                                 for o in box.options)
    box.set_value(["other-level-2"]).run()
    assert not at.exception
    assert at.query_params["other"] == "2"
    assert "You already hold a Level 2 customer service qualification that these documents do " \
        "not describe" in all_text(at)
    # The route page cannot count it: the link to it says so, rather than lead to routes
    # that begin at Level 1 for someone "holding nothing yet" without a word.
    assert any(c.startswith("The route page cannot count the Level 2 qualification held")
               for c in texts(at.caption))


def test_starting_level__credits_from_a_national_structure_are_said_to_be_so():
    """10379's 45 credits in the options are those of S/016/608, which it is only inferred to
    follow: the table's note says so, as its profile does."""
    at = open_with_link(LEVEL, age="30", work="working")
    assert ("Credits for OCNLR L2 Diploma CS and 10379 are those of the national structure "
            "S/016/608, which each is inferred to follow: the sources do not give their own."
            ) in texts(at.caption)


def test_plan_route__a_closed_aim_offers_what_replaced_it_in_one_click():
    """09629 closed in 2016: the page names 10380 and makes it the aim, keeping 09628 held."""
    at = open_with_link("app_pages/plan_route.py", **{"from": "09628", "to": "09629"})
    assert any("09629\\) is closed to new learners" in t and "10380\\) replaced it" in t
               for t in texts(at.info))
    at.button(key="route_to_ocr-10380").click().run()
    assert not at.exception
    assert at.selectbox(key="route_to").value == "ocr-10380"
    assert (at.query_params["from"], at.query_params["to"]) == ("09628", "10380")


def test_starting_level__a_link_to_the_level_above_says_it_is_the_step_up_if_ready():
    """A call centre operator holding 09628 is suggested Level 2; the route link aims for
    Level 3, the step up, and says so with the awarding body's condition, so the two plans do
    not read as contradicting each other. With nothing held at Level 2, no such words."""
    held = open_with_link(LEVEL, age="19", work="working", role="Call Centre Operators",
                          has="09628")
    (_, label) = [e.proto.label for e in held.get("page_link") if e.proto.page == "plan_route"]
    assert label == ("Plan a route from what you hold to Level 3, the step up if your work is "
                     "ready for it")
    fresh = open_with_link(LEVEL, age="19", work="working", role="Call Centre Operators")
    # Holding nothing: not "from what you hold"; and where they can go after it
    links = [e.proto for e in fresh.get("page_link") if e.proto.page == "plan_route"]
    assert [link.label for link in links] == [
        "Plan a route to Level 2", "Plan a route on to Level 3, after Level 2"]
    # Drawn as links, with the arrow the other pages' links have, not as plain text
    assert {link.icon for link in links} == {":material/arrow_forward:"}


def test_plan_route__a_team_leader_starts_at_the_level_suggested_not_at_level_1():
    """A 40-year-old team leader, not in a senior role, is suggested Level 3 and wants to
    manage a contact centre: the route on to Level 4 starts at Level 3 (10380, then 10381 and
    its senior-role condition), not at a Level 1 certificate."""
    at = open_with_link(LEVEL, age="40", work="working", role="Customer Service Team Leader",
                        senior="no", aim="competence")
    (onward,) = [e.proto.label for e in at.get("page_link")
                 if e.proto.label.startswith("Plan a route on to")]
    assert onward == "Plan a route on to Level 4, after Level 3, which asks for a senior role"
    follow_page_link(at, ROUTE, "Plan a route on to Level 4")
    assert at.query_params["starting"] == "3"
    assert at.selectbox(key="route_start_level").value == 3
    steps = [m for m in texts(at.markdown) if m.startswith("### Step")]
    assert steps[0].startswith("### Step 1: 10380") and steps[-1].startswith("### Step 2: 10381")
    # in words for the learner and the adviser alike (a printout says "you")
    assert "Start here: Level 3 is the level suggested to start at." in all_text(at)


def test_plan_route__a_school_leaver_suggested_level_1_starts_there_towards_an_apprenticeship():
    """A 17-year-old not working who wants an apprenticeship is suggested Level 1; the route
    to Level 2, where the apprenticeships start, begins at Level 1, as the action plan says,
    not straight at a Level 2 diploma."""
    at = open_with_link(LEVEL, age="17", work="not-working", aim="apprenticeship")
    follow_page_link(at, ROUTE, "Plan a route to Level 2")
    assert at.query_params["starting"] == "1"
    step_1 = next(m for m in texts(at.markdown) if m.startswith("### Step 1"))
    first = step_1.removeprefix("### Step 1: ").split(" \\- ")[0]
    assert first in {"601/4404/X", "10378"}


def test_plan_route__checks_each_step_for_the_age_the_starting_level_page_was_told():
    """In an interview the adviser asks the age once: the route's steps use it."""
    at = open_with_link(LEVEL, age="17", work="working", has="09628")
    follow_page_link(at, ROUTE, "Plan a route from what you hold to Level 3")
    assert at.number_input(key="route_age").value == 17
    assert at.query_params["age"] == "17"  # the route's link carries it on
    assert "Each step's age groups are checked for age 17." in texts(at.caption)
    assert "Age not given" not in all_text(at)
    at.radio(key="route_target").set_value("qualification").run()
    at.selectbox(key="route_to").set_value("ocr-09629").run()
    assert "Approved for age 17 (age group 16-18)" in all_text(at)


def test_plan_route__the_age_asked_on_the_page_checks_each_step_and_travels_in_the_link():
    """A learner exploring alone reaches the route page first: it asks the age itself."""
    at = open_with_link(ROUTE, **{"from": "09628", "to": "09629"})
    assert "Age not given" in all_text(at)
    at.number_input(key="route_age").set_value(17).run()
    assert "Approved for age 17 (age group 16-18)" in all_text(at)
    assert at.query_params["age"] == "17"
    shared = open_with_link(ROUTE, **dict(at.query_params))  # the link opened elsewhere
    assert shared.number_input(key="route_age").value == 17
    assert "Approved for age 17 (age group 16-18)" in all_text(shared)


def test_plan_route__opened_from_the_sidebar_uses_the_age_given_to_the_starting_level():
    at = open_with_link(LEVEL, age="17", work="working", has="09628")
    change_page(at, ROUTE)
    assert at.number_input(key="route_age").value == 17


def test_plan_route__a_step_whose_units_are_a_national_structures_says_so():
    """OCN London's Level 2 Diploma has no unit list in the sources: a route through it plans
    units of the structure it is inferred to follow, and says so beside the plan."""
    at = open_with_link(ROUTE, level="2")
    assert "Step 1: OCNLR L2 Diploma CS" in all_text(at)
    assert ("The sources do not give OCNLR Level 2 Diploma in Customer Service's own unit list. "
            "This check uses the rules of the national structure S/016/608, which it is "
            "inferred to follow; confirm the units with the awarding body.") in texts(at.info)


def test_plan_route__says_what_each_code_in_the_routes_stands_for():
    at = open_with_link(ROUTE, **{"from": "09628"})
    (legend,) = [c for c in texts(at.caption) if c.startswith("The codes: ")]
    assert "09628: OCR Level 2 Certificate in Principles of Customer Service" in legend
    assert "10379: OCR Level 2 Diploma in Customer Service" in legend
    assert legend.count("09628:") == 1  # each once, however many routes pass through it


def test_starting_level__a_credit_figure_that_cannot_be_worked_out_reads_not_known():
    """The sources give every total; what is still needed for OCNLR L2 Principles cannot be
    worked out (its units are not in the sources): the table says "not known", not "not
    stated"."""
    at = open_with_link(LEVEL, age="20", work="working")
    (options,) = [t.value for t in at.table if "Credits still needed" in t.value.columns]
    needed = dict(zip(options["Code"], options["Credits still needed"], strict=True))
    assert needed["OCNLR L2 Principles"] == "not known"
    assert needed["10379"] == "45"


def test_starting_level__holding_09628_at_level_2_offers_a_level_2_competence_route_first():
    """A 19-year-old at work holding 09628 is suggested Level 2: the first link plans a route
    to 10379, a Level 2 competence qualification (what replaced the NVQ the 09628 handbook
    names), with why and its sources; then the step up. Followed, the route page aims for
    10379 from 09628 and knows the learner works."""
    at = open_with_link(LEVEL, age="19", work="working", has="09628")
    labels_shown = [e.proto.label for e in at.get("page_link") if e.proto.page == "plan_route"]
    assert labels_shown == [
        "Plan a route from what you hold to OCR Level 2 Diploma in Customer Service (10379), "
        "knowledge and competence at work in one Level 2 qualification",
        "Plan a route from what you hold to Level 3, the step up if your work is ready for it"]
    assert any(c.startswith("From 09628, the documents name OCR Level 2 NVQ Certificate")
               for c in texts(at.caption))
    follow_page_link(at, ROUTE, "Plan a route from what you hold to OCR Level 2 Diploma")
    assert (at.selectbox(key="route_from").value, at.selectbox(key="route_to").value) == (
        "ocr-09628", "ocr-10379")
    assert at.radio(key="route_working").value == "working"
    assert dict(at.query_params)["work"] == "working"
    assert "assessed at work, at least in part" not in all_text(at)


def test_plan_route__asks_whether_the_learner_works_and_cautions_one_who_does_not():
    """From 09628 to 10379, which is assessed at work: the page asks whether the learner
    works; answered "not working", the route says its step needs a job or a work placement,
    and the answer travels in the address."""
    at = open_with_link(ROUTE, to="10379", **{"from": "09628"})
    assert at.radio(key="route_working").value is None
    assert "assessed at work, at least in part" not in all_text(at)
    at.radio(key="route_working").set_value("not-working").run()
    assert any(w.startswith("Step 1 \\(10379\\) is assessed at work, at least in part")
               for w in texts(at.warning))
    assert at.query_params["work"] == "not-working"
    # Aiming for a knowledge qualification only: nothing is assessed at work, nothing asked.
    knowledge = open_with_link(ROUTE, to="09629", **{"from": "09628"})
    assert not knowledge.get("radio") or all(
        r.key != "route_working" for r in knowledge.radio)


def test_plan_route__whether_the_learner_works_reaches_it_from_the_starting_level_page():
    """Told on *Find a starting level*, the answer is on the route page, to be changed there,
    even where it has put the routes with a step assessed at work after the five shown."""
    at = open_with_link(LEVEL, age="17", work="not-working")
    change_page(at, ROUTE)
    at.selectbox(key="route_to_level").set_value(2).run()
    assert at.radio(key="route_working").value == "not-working"
    assert at.query_params["work"] == "not-working"


def test_plan_route__optional_units_of_an_earlier_step_are_to_choose_there_not_already_held():
    """A school leaver holding nothing, routed 601/4404/X → OCNLR L2 Diploma CS: step 2 lists
    601/4404/X's optional units that it would count. They are to choose in step 1, not units
    the learner took: the page does not ask "Which optional units did you take?", nor call
    601/4404/X the qualification held."""
    at = open_with_link(ROUTE, level="2", age="16", work="not-working", aim="apprenticeship",
                        starting="1")
    assert at.radio(key="route_choice").value == 0  # the first route found, shown
    assert any(m.startswith("### Step 2: OCNLR L2 Diploma CS") for m in texts(at.markdown))
    infos = [i.value for i in at.info]
    assert not any("Which optional units did you take?" in i for i in infos)
    (note,) = [i for i in infos if "optional units of" in i]
    assert note.startswith("Some units above would count towards this step too if taken as "
                           "optional units of 601/4404/X in step 1")
    why = {w for frame in at.table for w in frame.value.get("Why", [])}
    assert "an optional unit of the qualification held that the target lists" not in why
    assert "an optional unit of 601/4404/X, in step 1, that the target lists" in why


def test_starting_level__the_options_table_and_recommend_json_give_the_same_credits(capsys):
    """The page and ``advisor recommend --json`` answer the same question the same way: holding
    09628 on 1 June 2015, each option's credits still needed and already counted in the page's
    table are the JSON's ("up to 28" for 03455, whose units are not listed, was null there, and
    its "not known" credits counted were 0)."""
    import json

    from advisor.cli import main

    at = open_with_link(LEVEL, as_at=WHILE_OPEN, on="2015-06-01", age="35", work="working",
                        role="Call Centre Operators", has="09628")
    rows = table_with(at, "New learners").set_index("Qualification")
    assert main(["recommend", "--age", "35", "--employment", "working", "--role",
                 "Call Centre Operators", "--has", "09628", "--as-at", "2015-06-01",
                 "--json"]) == 0
    options = json.loads(capsys.readouterr().out)["qualifications"]
    assert list(rows.index) == [q["title"] for q in options]

    def needed(q):
        most = q["credits_still_needed_at_most"]
        return f"up to {most}" if most is not None else (
            "not known" if q["credits_still_needed"] is None else str(q["credits_still_needed"]))

    assert [(str(rows.loc[q["title"], "Credits still needed"]),
             str(rows.loc[q["title"], "Credits already counted"])) for q in options] == [
        (needed(q), "not known" if q["credits_counted"] is None else str(q["credits_counted"]))
        for q in options]
    assert rows.loc["OCR Level 2 NVQ Certificate in Customer Service",
                    "Credits still needed"] == "up to 28"


def test_starting_level__under_16_wanting_an_apprenticeship_is_not_sent_to_an_employer():
    """A 14-year-old not working who wants an apprenticeship, answered box by box: the next
    steps say the sources give no age at which one can start, what they say of ages, and to
    ask a careers adviser; not to ask an employer to start one, as a 16-year-old is told."""
    at = open_with_link(LEVEL)
    at.number_input(key="sl_age").set_value(14).run()
    at.radio(key="sl_employment").set_value("not-working").run()
    at.radio(key="sl_aim").set_value("apprenticeship").run()
    assert not at.exception
    text = all_text(at)
    assert "The sources give no age at which an apprenticeship can start." in text
    assert "Ask a careers adviser, at school or at the National Careers Service, when you " \
           "could start an apprenticeship" in text
    assert "Ask an employer" not in text
    at.number_input(key="sl_age").set_value(16).run()
    assert "Ask an employer" in all_text(at)


def test_plan_route__not_working_wanting_knowledge_10379_does_not_read_as_fitting():
    """A 16-year-old not working who wants knowledge, to Level 2 from Level 1: in the routes
    table, a route ending in 10379 (its competence assessed at work) reads "yes, but part of
    it is assessed at work", as the starting level says of such an option, not a plain "yes",
    and chosen, its words say why, as the command line's do."""
    at = open_with_link(ROUTE, level="2", starting="1")
    at.number_input(key="route_age").set_value(16).run()
    at.selectbox(key="route_aim").set_value("knowledge").run()
    at.radio(key="route_working").set_value("not-working").run()
    assert not at.exception
    table = table_with(at, "Fits the aim")
    ends = table[table["Path"].str.endswith("10379")]
    assert len(ends) and set(ends["Fits the aim"]) == {"yes, but part of it is assessed at work"}
    at.radio(key="route_choice").set_value(int(ends["Route"].iloc[0]) - 1).run()
    assert ("It ends in OCR Level 2 Diploma in Customer Service (10379), which fits what you "
            "want (knowledge), but only with a job or a work placement.") in all_text(at)


def test_plan_route__under_16_wanting_an_apprenticeship_is_not_sent_to_an_employer():
    """A 14-year-old planning a route to Level 3 for an apprenticeship: where apprenticeships
    stand today is said as it is to someone under 16 on Find a starting level."""
    at = open_with_link(ROUTE, level="3", age="14", aim="apprenticeship")
    assert not at.exception
    text = all_text(at).replace("\\", "")
    assert "The sources give no age at which an apprenticeship can start." in text
    assert "when you could start an apprenticeship" in text
    assert "Ask an employer" not in text
