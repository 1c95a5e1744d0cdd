"""Answers on early dates say only what the sources allow: a qualification whose opening the
sources do not give is not said to be open before they show it in use; frameworks without an
issue date are not said to be in use on a date their sources do not reach; units known only
from a 2014 structure are not offered as what a learner took before it; and a qualification
that opens after the date is named, with when it opens, where it would be the way on."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advisor import (
    Basis,
    Employment,
    Profile,
    Status,
    assess_cohort,
    check_eligibility,
    check_progress,
    cohort_tables,
    find_routes,
    opening_later,
    read_cohort,
    recommend,
    status_on,
)
from advisor.cli import main
from advisor.views.labels import check_headline, option_credit_sentences
from advisor.views.route_text import still_needed
from tests.support.app import all_text, open_with_link

EARLY = dt.date(2009, 6, 1)
BEFORE_THE_2012_REPORT = dt.date(2012, 6, 1)  # OCR's moderator report is of September 2012
WHILE_OPEN = dt.date(2015, 6, 1)


# ------------------------------------------- 1. open until a date, opened when not known


@pytest.mark.parametrize("code", ["09628", "09629"])
@pytest.mark.parametrize("day", [EARLY, BEFORE_THE_2012_REPORT])
def test_status__09628_before_the_sources_show_it_in_use_is_not_known(catalogue, code, day):
    """The handbook gives 09628's and 09629's last entry date (31 December 2016) but not when
    they opened; the earliest document that shows them in use is OCR's moderator report of
    September 2012. Before that, whether they took learners is not known: the answer says
    what is known (open until 31 December 2016) and that when they opened is not."""
    status = status_on(catalogue, catalogue.find_qualification(code), day)
    assert status.status is Status.UNKNOWN
    assert "31 December 2016" in status.reason
    assert "not when it opened" in status.reason
    assert "whether it is open on this date is unknown" in status.reason
    assert not status.reason.startswith("Open")


@pytest.mark.parametrize("code", ["09628", "09629"])
def test_status__09628_once_the_sources_show_it_in_use_is_open(catalogue, code):
    """From the moderator report of September 2012 to its last entry date it is open, so the
    test above can fail."""
    for day in (dt.date(2012, 9, 1), WHILE_OPEN, dt.date(2016, 12, 31)):
        status = status_on(catalogue, catalogue.find_qualification(code), day)
        assert status.status is Status.OPEN, day
        assert status.reason.startswith("Open to new learners until 31 December 2016")


def test_eligibility__09628_in_2009_is_not_said_open_to_the_learner(catalogue):
    found = check_eligibility(catalogue, catalogue.find_qualification("09628"), age=20,
                              as_at=EARLY)
    assert found.eligible is None
    assert "Open to" not in found.summary


def test_cli__09628_in_2009_says_what_is_known_and_what_is_not(capsys):
    assert main(["eligibility", "09628", "--age", "20", "--as-at", "2009-06-01"]) == 0
    said = capsys.readouterr().out
    assert "Open to this learner" not in said
    assert "last entry date, 31 December 2016" in said and "not when it opened" in said
    assert "OCR moderator report" in said  # the earliest document that shows it in use


def test_app__explore_09628_in_2009_says_when_it_opened_is_not_known():
    at = open_with_link("app_pages/explore.py", qual="09628", on="2009-06-01")
    said = all_text(at)
    assert "but not when it opened" in said
    assert "On 1 June 2009: Open to new learners" not in said


# ------------------------------------------- 2. frameworks whose issue date is not given


def test_cli__frameworks_in_2009_do_not_say_the_2010_frameworks_were_in_use(capsys):
    """The 2010 generation's frameworks have no issue date in the sources (the secondary copy
    of Framework Issue 4.12, implemented on 1 October 2010, is not confirmed to be them): on
    1 June 2009 the answer names them as what the documents describe, with their date not
    known, never as the frameworks apprenticeships followed then."""
    assert main(["frameworks", "--as-at", "2009-06-01"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines()
             if line.startswith("Apprenticeships at Level ")]
    assert len(lines) == 2
    for line in lines:
        assert "followed frameworks: at Level" not in line
        assert "but not when it was issued, so whether it was in use on 1 June 2009 is not " \
               "known" in line


def test_frameworks__a_dated_framework_in_force_is_still_named_as_followed(capsys):
    """On 1 June 2015 FR03058, issued on 29 August 2014, is named as in use: the words above
    are for a framework with no date."""
    assert main(["frameworks", "--as-at", "2015-06-01"]) == 0
    said = capsys.readouterr().out
    assert "On 1 June 2015 apprenticeships in England followed frameworks: at Level 3, the " \
           "Advanced Apprenticeship in Customer Service (Level 3, framework FR03058)" in said


def test_app__explore_apprenticeships_in_2009_say_the_framework_date_is_not_known():
    at = open_with_link("app_pages/explore.py", search="apprenticeship", on="2009-06-01")
    said = all_text(at)
    assert "so whether it was in use on 1 June 2009 is not known" in said
    assert "followed frameworks: at Level" not in said


# ------------------------------------------- 3. units known only from a 2014 structure

# The OCNLR Level 2 Diploma has no units of its own in the sources: they are borrowed from the
# national structure S/016/608, whose only date is its document's copyright line (Skills CFA
# (c) 2014): not before 1 January 2014, an inference.
OCNLR_DIPLOMA = "ocnlr-l2-diploma-customer-service"
STRUCTURE_608 = "skills-cfa-s-016-608"
CS_7 = "A/506/2130"  # Mandatory Group A of S/016/608


def test_data__s_016_608_is_dated_not_before_2014_as_an_inference(catalogue):
    fact = catalogue.qualifications[STRUCTURE_608].dates.structure_from
    assert fact is not None and fact.date == dt.date(2014, 1, 1)
    assert fact.source and all(catalogue.basis(c) is Basis.INFERENCE for c in fact.source)


def _step_to_the_diploma(catalogue, day):
    (route, *_) = find_routes(catalogue, from_qualification=catalogue.find_qualification(
        "09628"), to_qualification=catalogue.qualifications[OCNLR_DIPLOMA], as_at=day)
    return route.steps[-1]


def test_routes__to_the_ocnlr_diploma_before_2014_do_not_plan_the_2014_units(catalogue):
    """On 1 June 2012 the structure's units are not known to be the Diploma's: no plan, no
    credits still needed, and why, with the structure's dated source."""
    step = _step_to_the_diploma(catalogue, BEFORE_THE_2012_REPORT)
    remaining = step.carry_over.remaining
    assert not remaining.known and remaining.plan is None and remaining.rules_from is None
    assert step.plan_units == () and step.credits_still_needed is None
    assert step.credits_still_needed_at_most is None
    later = remaining.rules_known_later
    assert later is not None and later.known_from == dt.date(2014, 1, 1) and later.source
    assert later.structure.id == STRUCTURE_608
    needed = still_needed(step)
    assert needed.words.startswith("not known")
    assert "known only from the 2014 national structure S/016/608" in needed.words
    assert "ask the centre" in needed.words and needed.source == later.source
    # Nor do the carry-over's reasons rest on the structure's rules.
    assert not [n for n in step.carry_over.not_transferable
                if "by the rules of the national structure" in n.reason]


def test_routes__to_the_ocnlr_diploma_from_2014_still_use_the_structure(catalogue):
    step = _step_to_the_diploma(catalogue, WHILE_OPEN)
    remaining = step.carry_over.remaining
    assert remaining.known and remaining.rules_from is not None
    assert remaining.rules_known_later is None
    assert CS_7 in step.plan_units


def _diploma_option(catalogue, day):
    profile = Profile(age=25, employment=Employment.WORKING, held_qualifications=("ocr-09628",))
    result = recommend(catalogue, profile, as_at=day)
    (option,) = [o for o in result.options if o.qualification.id == OCNLR_DIPLOMA]
    return option


def test_recommend__the_ocnlr_diploma_before_2014_needs_credits_not_known(catalogue):
    option = _diploma_option(catalogue, BEFORE_THE_2012_REPORT)
    assert option.check is not None and not option.check.known
    assert option.check.rules_known_later is not None
    said = " ".join(option_credit_sentences(option, holds="held"))
    assert "by the rules of the national structure" not in said
    assert "Credits still needed: not known" in said
    assert "known only from the 2014 national structure S/016/608" in said


def test_recommend__the_ocnlr_diploma_from_2014_needs_the_structure_s_credits(catalogue):
    option = _diploma_option(catalogue, WHILE_OPEN)
    assert option.check is not None and option.check.rules_from is not None
    said = " ".join(option_credit_sentences(option, holds="held"))
    assert "by the rules of the national structure S/016/608" in said


def test_cli__routes_to_level_2_in_2012_name_no_2014_unit_as_still_needed(capsys):
    assert main(["routes", "--to-level", "2", "--as-at", "2012-06-01"]) == 0
    said = capsys.readouterr().out
    assert CS_7 not in said and "CS 7" not in said
    assert "still needed: not known: its units are known only from the 2014 national " \
           "structure S/016/608" in said
    assert "studylib.net" in said  # the structure's dated source is cited
    assert main(["routes", "--to-level", "2", "--as-at", "2015-06-01"]) == 0
    assert CS_7 in capsys.readouterr().out


def test_cli__routes_json_in_2012_say_the_diploma_s_rules_are_not_known_then(capsys):
    assert main(["routes", "--from", "09628", "--to", OCNLR_DIPLOMA, "--as-at", "2012-06-01",
                 "--json"]) == 0
    (step,) = json.loads(capsys.readouterr().out)["routes"][0]["steps"]
    assert step["rules_known"] is False and step["plan_units"] == []
    later = step["rules_known_later"]
    assert later["known_from"] == "2014-01-01"
    assert later["structure"]["structure_reference"] == "S/016/608"
    assert "known only from the 2014 national structure" in later["reason"]
    assert later["source"] and later["source"][0]["basis"] == "inference"
    assert main(["routes", "--from", "09628", "--to", OCNLR_DIPLOMA, "--as-at", "2015-06-01",
                 "--json"]) == 0
    (step,) = json.loads(capsys.readouterr().out)["routes"][0]["steps"]
    assert step["rules_known_later"] is None and step["plan_units"]


def test_cli__recommend_in_2012_does_not_count_by_the_2014_structure(capsys):
    assert main(["recommend", "--employment", "working", "--has", "09628", "--age", "25",
                 "--as-at", "2012-06-01"]) == 0
    said = capsys.readouterr().out
    assert "by the rules of the national structure S/016/608" not in said
    assert "known only from the 2014 national structure S/016/608" in said


def test_app__plan_a_route_in_2012_to_the_ocnlr_diploma_plans_no_2014_unit():
    at = open_with_link("app_pages/plan_route.py", **{"from": "09628"}, to=OCNLR_DIPLOMA,
                        on="2012-06-01")
    said = all_text(at)
    assert "Still needed: not known: its units are known only from the 2014 national " \
           "structure S/016/608" in said
    assert CS_7 not in said
    at = open_with_link("app_pages/plan_route.py", **{"from": "09628"}, to=OCNLR_DIPLOMA,
                        on="2015-06-01")
    assert "Still needed: not known: its units" not in all_text(at)


def test_app__explore_the_ocnlr_diploma_in_2012_says_its_units_are_from_2014():
    at = open_with_link("app_pages/explore.py", qual=OCNLR_DIPLOMA, on="2012-06-01")
    assert "known only from the 2014 national structure S/016/608" in all_text(at)
    at = open_with_link("app_pages/explore.py", qual=OCNLR_DIPLOMA, on="2015-06-01")
    assert "known only from the 2014 national structure S/016/608" not in all_text(at)


def test_explore__the_structure_s_dates_give_the_day_it_is_known_from(catalogue):
    from advisor import explore_tables
    table = explore_tables.dates_table(catalogue, catalogue.qualifications[STRUCTURE_608],
                                       as_at=BEFORE_THE_2012_REPORT)
    (row,) = table[table["Date"].str.startswith("Structure dated from")].to_dict("records")
    assert row["Day"] == "1 January 2014" and row["On 1 June 2012"] == "not yet reached"
    assert row["Source"]  # the structure document, cited as an inference


# ------------------------------------------- 3b. checking units against it on such a date

CS_8 = "F/506/2131"  # Mandatory Group A of S/016/608 too


def test_check_progress__the_ocnlr_diploma_before_2014_checks_no_2014_rule(catalogue):
    """A check of a learner's units on 1 June 2012 does not hold them against the 2014
    structure's rules: no rule met or not, no plan, no hours still needed, and why, with the
    structure's dated source."""
    q = catalogue.qualifications[OCNLR_DIPLOMA]
    result = check_progress(catalogue, q, [CS_7], glh_per_week=5,
                            start=BEFORE_THE_2012_REPORT, as_at=BEFORE_THE_2012_REPORT)
    today = result.today
    assert not today.known and today.rules == () and today.plan is None
    assert today.rules_from is None and not today.complete
    later = today.rules_known_later
    assert later is not None and later.structure.id == STRUCTURE_608 and later.source
    assert "known only from the 2014 national structure S/016/608" in check_headline(today)
    timeline = result.timeline
    assert timeline is not None and timeline.in_time is None and timeline.glh_needed is None
    assert "known only from the 2014 national structure S/016/608" in timeline.reason


def test_check_progress__the_ocnlr_diploma_from_2014_checks_the_structure_s_rules(catalogue):
    q = catalogue.qualifications[OCNLR_DIPLOMA]
    result = check_progress(catalogue, q, [CS_7], glh_per_week=5, start=WHILE_OPEN,
                            as_at=WHILE_OPEN)
    assert result.today.known and result.today.rules_from is not None
    assert result.today.rules_known_later is None
    assert CS_8 in [u.urn for u in result.today.plan.units]
    assert result.timeline is not None and result.timeline.glh_needed


def test_cli__check_the_ocnlr_diploma_in_2012_says_its_units_are_not_known_then(capsys):
    assert main(["check", OCNLR_DIPLOMA, "--units", CS_7, "--as-at", "2012-06-01"]) == 0
    said = capsys.readouterr().out
    assert "known only from the 2014 national structure S/016/608" in said
    assert "ask the centre" in said and "studylib.net" in said  # its dated source
    assert "NOT COMPLETE" not in said and "[not met]" not in said
    assert "Smallest completion plan" not in said and CS_8 not in said
    assert main(["check", OCNLR_DIPLOMA, "--units", CS_7, "--as-at", "2015-06-01"]) == 0
    said = capsys.readouterr().out
    assert "NOT COMPLETE" in said and "Smallest completion plan" in said and CS_8 in said
    assert "known only from the 2014 national structure" not in said


def test_cli__check_json_in_2012_says_why_its_rules_are_not_known_then(capsys):
    assert main(["check", OCNLR_DIPLOMA, "--units", CS_7, "--as-at", "2012-06-01",
                 "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["rules_known"] is False and found["complete"] is None
    assert found["rules"] == [] and found["plan"] is None
    later = found["rules_known_later"]
    assert later["structure"]["structure_reference"] == "S/016/608"
    assert later["known_from"] == "2014-01-01"
    assert later["source"] and later["source"][0]["basis"] == "inference"
    assert "known only from the 2014 national structure" in found["headline"]
    assert main(["check", OCNLR_DIPLOMA, "--units", CS_7, "--as-at", "2015-06-01",
                 "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["rules_known_later"] is None and found["plan"]["units"]


def test_cli__carry_over_to_the_ocnlr_diploma_in_2012_plans_no_2014_unit(capsys):
    assert main(["carry-over", "--from", "09628", "--to", OCNLR_DIPLOMA, "--as-at",
                 "2012-06-01"]) == 0
    said = capsys.readouterr().out
    assert "known only from the 2014 national structure S/016/608" in said
    assert CS_8 not in said
    assert main(["carry-over", "--from", "09628", "--to", OCNLR_DIPLOMA, "--as-at",
                 "2015-06-01"]) == 0
    assert CS_8 in capsys.readouterr().out


INTAKE = ("learner_ref,age,employment,target,units_held,units_accepted,units_in_progress,"
          "glh_per_week\n"
          f"D1,25,working,{OCNLR_DIPLOMA},{CS_7},,,\n"
          f"D2,25,working,{OCNLR_DIPLOMA},{CS_7},{CS_8},,5\n")


def _intake(catalogue, day):
    return assess_cohort(catalogue, read_cohort(INTAKE.encode(), "intake.csv"), as_at=day)


def test_intake__the_ocnlr_diploma_in_2012_is_assessed_with_a_note_not_a_plan(catalogue):
    """Each row is assessed (the date, not the row, is why its units are not known); the
    results give no plan and no rule met or not, and the notes say why with the source. A
    unit the centre accepts cannot count towards rules not known then: a warning, not an
    error."""
    result = _intake(catalogue, BEFORE_THE_2012_REPORT)
    assert result.assessed == 2
    assert not [p for p in result.problems if p.severity.value == "error"]
    (accepted,) = [p for p in result.problems if p.column == "units_accepted"]
    assert "known only from the 2014 national structure S/016/608" in accepted.message
    frame = cohort_tables.results_frame(result)
    for record in frame.to_dict("records"):
        assert record["complete"] == "unknown" and not record["plan_units"]
        assert not record["rules_not_met"] and CS_8 not in record["notes"]
        assert "known only from the 2014 national structure S/016/608" in record["notes"]
    (d2,) = [learner for learner in result.learners if learner.learner_ref == "D2"]
    assert d2.progress is None or d2.progress.timeline is None \
        or d2.progress.timeline.in_time is None
    later = [n for n in cohort_tables.learner_notes(catalogue, d2)
             if "known only from the 2014" in n.message]
    assert later and later[0].source  # the structure's dated source


def test_intake__the_ocnlr_diploma_from_2014_still_plans_by_the_structure(catalogue):
    result = _intake(catalogue, WHILE_OPEN)
    frame = cohort_tables.results_frame(result)
    for record in frame.to_dict("records"):
        assert record["plan_units"]
        assert "known only from the 2014 national structure" not in record["notes"]


def test_cli__cohort_json_in_2012_gives_the_ocnlr_diploma_no_plan(capsys, tmp_path):
    learners = tmp_path / "intake.csv"
    learners.write_text(INTAKE, encoding="utf-8")
    assert main(["cohort", str(learners), "--as-at", "2012-06-01", "--json"]) == 0
    for record in json.loads(capsys.readouterr().out)["learners"]:
        assert record["assessed"] is True and record["plan_units"] == []
        assert record["complete"] is None
        assert any("known only from the 2014 national structure S/016/608" in n["message"]
                   and n["source"] for n in record["notes"])


def test_app__check_the_ocnlr_diploma_in_2012_offers_no_2014_unit_to_tick():
    """On 1 June 2012 the check page says plainly, with the source, that the Diploma's units
    are known only from the 2014 structure: no checkbox of the structure's units, no rule met
    or not, no plan; the structure's units are a link away, for reference."""
    at = open_with_link("app_pages/check_units.py", qual=OCNLR_DIPLOMA, units=CS_7,
                        on="2012-06-01")
    said = all_text(at)
    assert any("known only from the 2014 national structure S/016/608" in w.value
               for w in at.warning)
    assert "ask the centre" in said
    assert "Source: Notes on UK Customer Service qualifications from secondary sources (each " \
           "with its web address), § A. National (Skills CFA) structure: Level 2 Diploma in " \
           "Customer Service (inferred)" in said  # the structure's date, an inference
    assert not [c for c in at.checkbox if c.key.startswith("unit_")]
    assert "Not complete" not in said and CS_8 not in said
    assert not {"Rules of combination", "Result", "Smallest completion plan"} & {
        h.value for h in at.header}
    assert [link for link in at.get("page_link") if "S/016/608" in link.proto.label
            and "for reference only" in link.proto.label]
    at = open_with_link("app_pages/check_units.py", qual=OCNLR_DIPLOMA, units=CS_7,
                        on="2015-06-01")
    assert at.checkbox(key=f"unit_{CS_7}").value is True
    assert "known only from the 2014 national structure" not in all_text(at)


def test_app__check_page_moved_to_2012_keeps_no_2014_tick_in_view():
    """The sidebar's date moved back to 2012 on a check of the Diploma: the answer changes
    with it."""
    at = open_with_link("app_pages/check_units.py", qual=OCNLR_DIPLOMA, units=CS_7,
                        on="2015-06-01")
    at.date_input(key="as_at").set_value(BEFORE_THE_2012_REPORT).run()
    assert not at.exception
    assert not [c for c in at.checkbox if c.key.startswith("unit_")]
    assert "known only from the 2014 national structure S/016/608" in all_text(at)


def test_app__check_the_ocnlr_diploma_in_2012_names_the_units_it_sets_aside():
    """A link (or a tick made on a later date) gives units of the Diploma on a date its units
    are not known: the page names them as set aside, not checked, rather than dropping them
    without a word (as it names every other part of a link it cannot use)."""
    at = open_with_link("app_pages/check_units.py", qual=OCNLR_DIPLOMA, units=CS_7,
                        on="2012-06-01")
    assert not at.exception
    (note,) = [w.value for w in at.warning if CS_7 in w.value]
    assert note.startswith("Not checked (1)")
    at = open_with_link("app_pages/check_units.py", qual=OCNLR_DIPLOMA, units=CS_7,
                        on="2015-06-01")
    at.date_input(key="as_at").set_value(BEFORE_THE_2012_REPORT).run()
    assert [w.value for w in at.warning if CS_7 in w.value]


# ------------------------------------------- 4. a qualification that opens after the date

JUNE_2014 = dt.date(2014, 6, 1)


def test_opening_later__10380_on_1_june_2014_opens_in_the_autumn(catalogue):
    """On 1 June 2014 10380 was not yet open (launched in the autumn of 2014): it is named as
    opening later, with the first day the sources allow and their citation, and what it
    replaces; on 1 June 2015, when it is open, it is not."""
    (later,) = [o for o in opening_later(catalogue, as_at=JUNE_2014, level=3)
                if o.qualification.reference == "10380"]
    assert later.opens == dt.date(2014, 9, 1)
    assert later.when == "in the autumn of 2014 (not before 1 September 2014)"
    assert "ocr-09629" in later.replaces and later.source
    assert "10380" in later.message(catalogue) and "09629" in later.message(catalogue)
    assert not [o for o in opening_later(catalogue, as_at=WHILE_OPEN, level=3)
                if o.qualification.reference == "10380"]


def test_cli__routes_to_level_3_in_june_2014_say_10380_opens_later(capsys):
    assert main(["routes", "--from", "09628", "--to-level", "3", "--as-at", "2014-06-01"]) == 0
    said = capsys.readouterr().out
    assert ("Opening later: OCR Level 3 Diploma in Customer Service (10380) opens in the "
            "autumn of 2014 (not before 1 September 2014);") in said
    assert main(["routes", "--from", "09628", "--to-level", "3", "--as-at", "2014-06-01",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    (later,) = [o for o in out["opening_later"] if o["qualification"]["code"] == "10380"]
    assert later["opens"] == "2014-09-01" and later["source"]
    # What it replaces, as the JSON gives qualifications elsewhere, each with whether the
    # sources only suggest it
    assert {(q["code"], q["inferred"]) for q in later["replaces"]} == {("03456", True),
                                                                      ("09629", True)}


def test_recommend__the_step_up_offer_in_june_2014_names_10380_opening_later(catalogue):
    profile = Profile(age=20, employment=Employment.WORKING, held_qualifications=("ocr-09628",))
    result = recommend(catalogue, profile, as_at=JUNE_2014)
    (step_up,) = [o for o in result.route_offers if o.to_level == 3]
    assert [o.qualification.reference for o in step_up.opening_later] == ["10380"]


def test_cli__recommend_in_june_2014_says_10380_opens_later(capsys):
    assert main(["recommend", "--employment", "working", "--has", "09628", "--age", "20",
                 "--as-at", "2014-06-01"]) == 0
    assert "Opening later: OCR Level 3 Diploma in Customer Service (10380)" in \
        capsys.readouterr().out


def test_app__plan_a_route_in_june_2014_says_10380_opens_later():
    at = open_with_link("app_pages/plan_route.py", **{"from": "09628"}, level="3",
                        on="2014-06-01")
    assert "Opening later: OCR Level 3 Diploma in Customer Service (10380)" in all_text(at)


def test_app__find_a_starting_level_in_june_2014_says_10380_opens_later():
    at = open_with_link("app_pages/starting_level.py", age="20", work="working", has="09628",
                        on="2014-06-01")
    assert "Opening later: OCR Level 3 Diploma in Customer Service (10380)" in all_text(at)


def test_opening_later__says_once_that_the_sources_only_suggest_what_it_replaces(catalogue):
    (later,) = [o for o in opening_later(catalogue, as_at=JUNE_2014, level=3)
                if o.qualification.reference == "10380"]
    assert later.message(catalogue) == (
        "Opening later: OCR Level 3 Diploma in Customer Service (10380) opens in the autumn of "
        "2014 (not before 1 September 2014); it replaces OCR Level 3 NVQ Diploma in Customer "
        "Service (03456) and OCR Level 3 Certificate in Principles of Customer Service (09629), "
        "as the sources suggest. Routes through it can be planned from then: ask the centre "
        "about it as that date nears.")


def test_recommend__what_replaces_a_qualification_held_is_not_said_to_have_before_it_opens(
        catalogue):
    """On 1 June 2014, 10379 had not opened: it is not said to have replaced 09628 already."""
    result = recommend(catalogue, Profile(age=19, employment=Employment.WORKING,
                                          held_qualifications=("ocr-09628",)), as_at=JUNE_2014)
    (option,) = [o for o in result.options if o.qualification.reference == "10379"]
    assert option.aim_note.startswith("It replaces OCR Level 2 Certificate in Principles of "
                                      "Customer Service (09628), which the learner holds")


@pytest.mark.parametrize("qualification", [OCNLR_DIPLOMA, "03455"])
def test_cli__check_names_the_units_given_where_its_units_are_not_known(capsys, qualification):
    """The page and the intake say which units could not be checked; the command named none."""
    assert main(["check", qualification, "--units", CS_7, "--as-at", "2012-06-01"]) == 0
    said = capsys.readouterr().out
    assert f"Not checked, as its units are not known: {CS_7}" in said
