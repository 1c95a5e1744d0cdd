"""Centre decisions: units accepted through recognition of prior learning, units in progress,
and whether the plan fits before certification closes (engine and CLI, on the real catalogue).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from advisor import (
    Accepted,
    AnswerError,
    Basis,
    DecisionError,
    carry_over,
    check_combination,
    check_progress,
    parse_hours_a_week,
    resolve_units,
)
from advisor.cli import main

EXAMPLE = ("F3", "F4", "A3", "B2", "C3", "D1")  # the handbook's 03456 example: 34 credits


def urns(catalogue, code, *numbers):
    return resolve_units(catalogue, list(numbers), catalogue.find_qualification(code))


def test_headline__each_unmet_rule_in_a_few_words_and_the_units_in_progress_counted(catalogue):
    """The headline names what is still needed rule by rule, without the rules table's
    examples, and says how many units are in progress (not under "still needed")."""
    from advisor import labels

    check = check_combination(
        catalogue, catalogue.find_qualification("10379"),
        urns(catalogue, "10379", "CS 7", "CS 8", "CS 9", "B&A 38", "CS 5", "CS 10", "CS 17"),
        accepted=[Accepted(urns(catalogue, "10379", "M&L 1")[0], "Certificate seen")],
        in_progress=urns(catalogue, "10379", "CS 11", "CS 13"))
    assert labels.check_headline(check) == (
        "Not complete yet by the rules of the national structure S/016/608, which the sources "
        "suggest it follows (they name only 2 of 10379's own units: confirm them with the "
        "awarding body): 30 of 45 credits "
        "counted. Still needed: Optional Group C: 8 more credits; At least 45 credits from "
        "units at Level 2 or above: 15 more credits. 2 units in progress, not counted yet.")


def test_headline__a_rule_at_level_3_that_the_level_4_units_held_would_meet_says_so(catalogue):
    """03456 asks for 10 optional credits "at Level 3"; a learner with the handbook's example
    and A17 (Level 4, 10 credits) has 44 credits but none at Level 3 beyond it. The catalogue
    reads the rule literally, but whether a Level 4 unit counts is the awarding body's to say
    (OCR calls taking Level 4 units good practice): the headline says so, not only the rule.
    Without A17, nothing to say."""
    from advisor import labels

    hedge = ("But the units held above Level 3 would meet it if they count: the document says "
             "'at Level 3', not 'or above', so ask the awarding body before taking more units.")
    with_a17 = check_combination(catalogue, catalogue.find_qualification("03456"),
                                 urns(catalogue, "03456", *EXAMPLE, "A17"))
    assert not with_a17.complete and labels.check_headline(with_a17).endswith(hedge)
    without = check_combination(catalogue, catalogue.find_qualification("03456"),
                                urns(catalogue, "03456", "F3", "F4", "A3", "B2", "C3"))
    assert "above Level 3" not in labels.check_headline(without)


def test_headline__complete_by_a_national_structures_rules_is_not_said_as_settled(catalogue):
    """The sources list only two of 10379's own units; its check uses the rules of S/016/608.
    Every rule met reads as met by those rules, to confirm with the awarding body (in the
    headline, and in the words the CLI and the printouts use); 601/4404/X's own rules need no
    such words. On the page it is not a green "Complete"."""
    from advisor import labels

    q = catalogue.find_qualification("10379")
    plan = check_combination(catalogue, q, []).plan
    assert plan is not None
    check = check_combination(catalogue, q, [u.urn for u in plan.units])
    assert check.complete
    assert labels.check_headline(check) == (
        "Complete by the rules of the national structure S/016/608, which the sources suggest "
        "it follows (they name only 2 of 10379's own units: confirm them with the awarding "
        "body): 45 of 45 credits counted, "
        "and every rule is met.")
    assert labels.completion_words(check, None) == "complete by the national structure's rules"
    own = check_combination(catalogue, catalogue.find_qualification("601/4404/X"), [])
    assert "national structure" not in labels.check_headline(own)

    from tests.support.app import open_with_link
    at = open_with_link("app_pages/check_units.py", qual="10379",
                        units=",".join(u.urn for u in plan.units))
    assert not at.success
    assert any(i.value.startswith("Complete by the rules of the national structure")
               for i in at.info)


def test_headline__more_credits_than_the_total_with_a_rule_unmet_is_not_n_of_fewer(catalogue):
    """03456 with 50 credits, none of the optional ones at Level 3: "50 of 42 credits" read as
    a slip beside "not complete"; the headline gives the credits and what the total needs."""
    from advisor import labels

    check = check_combination(catalogue, catalogue.find_qualification("03456"), urns(
        catalogue, "03456", "F3", "F4", "A17", "B12", "C8", "D14"))
    assert labels.check_headline(check).startswith(
        "Not complete yet: 50 credits counted, 42 needed. Still needed: at least 10 of the "
        "optional credits at Level 3: 10 more credits")
    # After its certificates ended, in brackets, with none inside them.
    from advisor import status_on
    ended = status_on(catalogue, check.qualification, dt.date(2026, 12, 1))
    assert labels.check_headline(check, ended).startswith(
        "Not complete (50 credits counted, 42 needed), and it can no longer be completed.")


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


# ------------------------------------------------------------------------------------- engine


@pytest.mark.parametrize(
    ("held", "accepted", "in_progress", "complete_now", "credits_now", "complete_when_done"),
    [
        (EXAMPLE, ("C6",), (), True, 44, None),
        (("F3", "F4", "A3", "B2", "C3"), (), ("C6", "D1"), False, 28, True),
        (("F3", "F4", "A3", "B2", "C3"), ("C6",), ("D1",), False, 38, True),
        (("F3", "F4"), (), ("A3",), False, 12, False),
    ],
    ids=["example-with-C6-accepted", "C6-and-D1-in-progress", "C6-accepted-D1-in-progress",
         "far-from-complete"],
)
def test_decisions__03456_today_and_when_in_progress_done(
        catalogue, held, accepted, in_progress, complete_now, credits_now, complete_when_done):
    q = catalogue.find_qualification("03456")
    result = check_progress(
        catalogue, q, urns(catalogue, "03456", *held),
        accepted=[Accepted(u, "holds a similar unit") for u in urns(catalogue, "03456",
                                                                     *accepted)],
        in_progress=urns(catalogue, "03456", *in_progress))
    assert (result.today.complete, result.today.credits_counted) == (complete_now, credits_now)
    assert result.today.accepted_units == tuple(urns(catalogue, "03456", *accepted))
    assert result.today.in_progress == tuple(urns(catalogue, "03456", *in_progress))
    if complete_when_done is None:
        assert result.when_done is None
    else:
        assert result.when_done is not None
        assert result.when_done.complete is complete_when_done
        assert result.when_done.in_progress == ()


def test_decisions__accepted_units_are_named_in_every_rule_that_counts_them(catalogue):
    q = catalogue.find_qualification("03456")
    c6 = urns(catalogue, "03456", "C6")[0]
    check = check_combination(catalogue, q, urns(catalogue, "03456", *EXAMPLE),
                              accepted=[Accepted(c6, "holds a similar unit")])
    assert c6 in check.counted_units and c6 not in check.achieved_units
    assert check.accepted == (Accepted(c6, "holds a similar unit"),)
    named = [r for r in check.rules if r.accepted]
    assert {r.id for r in named} >= {"total-credits"}
    assert all(r.message.endswith("; accepted by the centre: C6") for r in named)
    assert all(r.accepted == (c6,) for r in named)
    group_a = next(r for r in check.rules if r.id == "group-A-mandatory")
    assert "accepted" not in group_a.message


def test_decisions__in_progress_units_are_named_and_left_out_of_the_plan(catalogue):
    q = catalogue.find_qualification("03456")
    c6, d1 = urns(catalogue, "03456", "C6", "D1")
    check = check_combination(catalogue, q, urns(catalogue, "03456", "F3", "F4", "A3", "B2",
                                                 "C3"), in_progress=[c6, d1])
    assert check.plan is not None and check.plan.units == ()
    total = next(r for r in check.rules if r.id == "total-credits")
    assert total.message == "Credits: 28 of 42 counted; 14 more needed; in progress: C6, D1"
    assert any("Units in progress (C6, D1) do not count yet" in c for c in check.cautions)


@pytest.mark.parametrize(
    ("code", "start", "registered", "in_time", "weeks", "finish_by", "reason"),
    [
        ("09628", dt.date(2015, 1, 5), False, True, 19, dt.date(2015, 5, 17), "In time: 93"),
        ("09628", dt.date(2017, 12, 1), False, False, 19, dt.date(2018, 4, 12),
         "the last entry date was 31 December 2016"),
        ("09628", dt.date(2017, 12, 1), True, False, 19, dt.date(2018, 4, 12),
         "after the certification end date, 31 December 2017"),
        ("03456", dt.date(2015, 1, 5), False, None, None, None,
         "do not state the guided learning hours of F3, F4"),
        ("10379", dt.date(2015, 1, 5), False, None, 53, dt.date(2016, 1, 10),
         "the sources give no certification end date"),
        # 03456 has no last entry date, but a later document says it was closed by 28 February
        # 2019: too late to start after that, even though its hours are not stated.
        ("03456", dt.date(2019, 4, 1), False, False, None, None,
         "Too late: starting on 1 April 2019, but it had closed to new learners by 28 "
         "February 2019 at the latest (worked out from a later document that says it was "
         "closed, without giving the date), so a learner not yet registered can no longer "
         "start."),
        ("03456", dt.date(2019, 4, 1), True, None, None, None,
         "do not state the guided learning hours of F3, F4"),
    ],
    ids=["09628-2015-in-time", "09628-2017-past-last-entry", "09628-2017-registered-too-late",
         "03456-hours-not-stated", "10379-no-certification-date",
         "03456-after-it-was-closed-by", "03456-registered-after-it-was-closed-by"],
)
def test_timeline__five_hours_a_week(catalogue, code, start, registered, in_time, weeks,
                                     finish_by, reason):
    q = catalogue.find_qualification(code)
    result = check_progress(catalogue, q, [], glh_per_week=5, start=start, registered=registered)
    timeline = result.timeline
    assert timeline is not None
    assert (timeline.in_time, timeline.weeks, timeline.finish_by) == (in_time, weeks, finish_by)
    assert reason in timeline.reason
    if "do not state the guided learning hours" in reason:  # an absence: no dates' source
        assert timeline.source == ()


def test_timeline__too_late_to_start_with_units_in_progress_asks_whether_registered(catalogue):
    """Units in progress suggest a learner who may be registered: "too late to start" says how
    to have the finish weighed against the end of certificates instead; without units in
    progress it does not."""
    q = catalogue.find_qualification("09628")
    late = dt.date(2017, 12, 1)
    studying = check_progress(catalogue, q, [], in_progress=urns(catalogue, "09628", "3"),
                              glh_per_week=5, start=late)
    assert studying.timeline is not None and studying.timeline.reason.endswith(
        "If the learner is already registered for it, as units in progress suggest they may "
        "be, say so, and the finish is weighed against the end of certificates (31 December "
        "2017) instead.")
    fresh = check_progress(catalogue, q, [], glh_per_week=5, start=late)
    assert fresh.timeline is not None and "already registered" not in fresh.timeline.reason


def test_timeline__counts_units_in_progress_in_full_and_the_plan_beyond(catalogue):
    q = catalogue.find_qualification("09628")
    unit_3 = urns(catalogue, "09628", "3")
    held = check_progress(catalogue, q, unit_3, glh_per_week=10, start=dt.date(2015, 1, 5))
    studying = check_progress(catalogue, q, [], in_progress=unit_3, glh_per_week=10,
                              start=dt.date(2015, 1, 5))
    assert held.timeline is not None and studying.timeline is not None
    assert held.timeline.glh_needed == 60
    assert studying.timeline.glh_needed == 93
    # The hours say which are for the unit in progress, so that they agree with the plan's.
    assert studying.timeline.reason.startswith(
        "In time: 93 guided learning hours (33 for the units in progress, 60 for the units "
        "beyond them) at 10 a week from 5 January 2015")
    assert "(" not in held.timeline.reason.split(" at ")[0]


def test_timeline__complete_needs_no_hours(catalogue):
    q = catalogue.find_qualification("09628")
    result = check_progress(catalogue, q, urns(catalogue, "09628", "1", "2", "3"),
                            glh_per_week=5, start=dt.date(2015, 1, 5))
    assert result.timeline is not None
    assert (result.timeline.glh_needed, result.timeline.weeks) == (0, 0)
    assert result.timeline.in_time is True
    # Checked later than that start: nothing more to study, so no complaint about the start.
    later = check_progress(catalogue, q, urns(catalogue, "09628", "1", "2", "3"),
                           glh_per_week=5, start=dt.date(2015, 1, 5),
                           as_at=dt.date(2015, 6, 1)).timeline
    assert later is not None and later.in_time is True
    assert later.reason.startswith("In time: nothing more to study from 1 June 2015")


@pytest.mark.parametrize(("code", "glh_per_week", "start", "too_late"), [
    ("09628", 0.5, dt.date(2016, 12, 1), "hours"),  # open, but too slow for its end
    ("09628", 5, dt.date(2017, 3, 1), "entry-closed"),  # after its last entry date
    ("09628", 5, dt.date(2018, 3, 1), "certificates-ended"),
    ("10379", 5, dt.date(2014, 6, 1), "not-open-yet"),  # before its launch
    ("09628", 5, dt.date(2015, 1, 5), None),  # in time
])
def test_timeline__says_why_it_is_too_late(catalogue, code, glh_per_week, start, too_late):
    """Whether more hours a week would help turns on why a plan is not in time: the hours, or
    the dates (entry closed, not open yet, certificates ended)."""
    q = catalogue.find_qualification(code)
    timeline = check_progress(catalogue, q, [], glh_per_week=glh_per_week, start=start,
                              as_at=start).timeline
    assert timeline is not None
    assert (timeline.too_late.value if timeline.too_late else None) == too_late
    assert (timeline.in_time is False) == (too_late is not None)


@pytest.mark.parametrize(
    ("code", "glh_per_week", "start", "in_time", "reason"),
    [
        ("09628", 0.00001, dt.date(2015, 1, 5), False,
         "Too late: 93 guided learning hours at 1e-05 a week from 5 January 2015: finishing "
         "after 31 December 9999, the calendar's last day, after the certification end date, "
         "31 December 2017."),
        ("09628", 1e-320, dt.date(2015, 1, 5), False, "finishing after 31 December 9999"),
        ("09628", 5, dt.date(9999, 12, 30), False,  # certificates ended long before the start
         "Too late: certificates for OCR Level 2 Certificate in Principles of Customer Service "
         "(09628) ended on 31 December 2017, before 30 December 9999, so no learner, "
         "registered or not, can be certificated for it now."),
        ("10379", 5, dt.date.max, None,
         "Not known: 264 guided learning hours at 5 a week from 31 December 9999: finishing "
         "after 31 December 9999, the calendar's last day; the sources give no certification "
         "end date for"),
    ],
    ids=["tiny-hours", "infinitely-many-weeks", "start-near-9999", "no-certification-date"],
)
def test_timeline__a_finish_past_the_calendar_is_answered_not_raised(
        catalogue, code, glh_per_week, start, in_time, reason):
    """A finish after 31 December 9999 is after any certification end date: too late where
    that date is known, not known where it is not, and never an OverflowError."""
    q = catalogue.find_qualification(code)
    timeline = check_progress(catalogue, q, [], glh_per_week=glh_per_week, start=start,
                              registered=True).timeline
    assert timeline is not None
    assert (timeline.in_time, timeline.weeks, timeline.finish_by) == (in_time, None, None)
    assert reason in timeline.reason


@pytest.mark.parametrize(
    ("text", "hours"),
    [("5", 5.0), (" 7.5 ", 7.5), ("0.5", 0.5), ("168", 168.0), ("1e1", 10.0)],
)
def test_hours_a_week__plausible_numbers_are_read(text, hours):
    assert parse_hours_a_week(text) == hours


@pytest.mark.parametrize(
    ("text", "hours"),
    [("2,5", 2.5), ("5 hours", 5.0), ("7.5 hrs", 7.5), ("6h", 6.0),
     ("4 hours a week", 4.0), ("3 per week", 3.0), ("2,5 hrs/week", 2.5)],
)
def test_hours_a_week__as_a_centre_types_them_in_a_spreadsheet(text, hours):
    """A decimal comma (a semicolon-separated CSV from a spreadsheet set up for Europe) and
    the word hours after the number: "'5 hours' is not a number of hours a week" made no
    sense to the person who typed it."""
    assert parse_hours_a_week(text) == hours


@pytest.mark.parametrize("text", ["1,500", "5 days", "five hours", "5 hours 30"])
def test_hours_a_week__other_words_or_a_thousands_comma_are_still_refused(text):
    with pytest.raises(AnswerError, match="is not a number of hours a week"):
        parse_hours_a_week(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0.00001", "'0.00001' hours a week is out of range: give a number from 0.5 to 168"),
        ("0.4", "'0.4' hours a week is out of range: give a number from 0.5 to 168"),
        ("169", "'169' hours a week is out of range: give a number from 0.5 to 168"),
        ("-3", "'-3' hours a week is out of range: give a number from 0.5 to 168"),
        ("lots", "'lots' is not a number of hours a week: give a number from 0.5 to 168"),
        ("nan", "'nan' is not a number of hours a week: give a number from 0.5 to 168"),
        ("inf", "'inf' is not a number of hours a week: give a number from 0.5 to 168"),
        ("1_0", "'1_0' is not a number of hours a week: give a number from 0.5 to 168"),
        ("٣", "'٣' is not a number of hours a week: give a number from 0.5 to 168"),
        ("9" * 400, f"{'9' * 20!r} is not a number of hours a week: give a number from 0.5 "
                    "to 168"),
    ],
    ids=["tiny", "below-half", "above-a-week", "negative", "words", "nan", "inf",
         "underscore", "arabic-indic-digit", "huge"],
)
def test_hours_a_week__implausible_values_say_what_is_accepted(text, message):
    with pytest.raises(AnswerError) as error:
        parse_hours_a_week(text)
    assert str(error.value) == message


def test_decisions__no_timeline_without_hours_a_week(catalogue):
    q = catalogue.find_qualification("09628")
    assert check_progress(catalogue, q, [], start=dt.date(2015, 1, 5)).timeline is None


@pytest.mark.parametrize("state", ["accepted", "in_progress"])
def test_decisions__a_unit_not_part_of_the_qualification_is_an_error(catalogue, state):
    q = catalogue.find_qualification("03456")
    other = urns(catalogue, "09628", "1")[0]
    decision = {"accepted": [Accepted(other)]} if state == "accepted" else {
        "in_progress": [other]}
    with pytest.raises(DecisionError, match=r"R/502/9652: not part of .*\(03456\)"):
        check_combination(catalogue, q, [], **decision)


def test_decisions__a_unit_in_two_states_counts_once_and_says_how(catalogue):
    q = catalogue.find_qualification("03456")
    d1 = urns(catalogue, "03456", "D1")[0]
    check = check_combination(catalogue, q, [d1], accepted=[Accepted(d1)], in_progress=[d1])
    assert check.achieved_units == (d1,) and check.accepted == () and check.in_progress == ()
    assert "D1 is given as achieved and as accepted by the centre: it counts as achieved." \
        in check.cautions


def test_decisions__a_bar_on_evidence_is_shown_beside_an_acceptance(catalogue):
    q = catalogue.find_qualification("09628")
    unit_1 = urns(catalogue, "09628", "1")[0]
    result = check_progress(catalogue, q, [], accepted=[Accepted(unit_1, "NVQ unit")])
    assert result.today.credits_counted == 4, "accepting stays the centre's decision"
    assert [b.statement[:44] for b in result.bars] == [
        "Copies of unit achievements from the NVQ are"]
    assert result.bars[0].source[0].doc == "002_afac824596d1bd0d.txt"
    assert check_progress(catalogue, q, []).bars == ()


def test_carry_over__a_similar_unit_accepted_counts_apart_from_transfers(catalogue):
    source, target = (catalogue.find_qualification(c) for c in ("10381", "03456"))
    held_similar = "D/506/2153"  # Champion customer service, like 03456's A17 (T/601/1235)
    before = carry_over(catalogue, target, from_qualification=source)
    after = carry_over(catalogue, target, from_qualification=source,
                       accepted=[Accepted(held_similar, "same title, Level 3")])
    assert [(s.urn, s.target) for s in before.similar] == [(held_similar, "T/601/1235")]
    assert after.accepted == (Accepted("T/601/1235", "same title, Level 3"),)
    assert after.transfers == before.transfers == ()
    assert after.remaining.credits_counted == before.remaining.credits_counted + 10
    assert after.remaining.accepted_units == ("T/601/1235",)


def test_carry_over__the_nvq_bar_shows_beside_an_acceptance(catalogue):
    source, target = (catalogue.find_qualification(c) for c in ("03456", "09628"))
    result = carry_over(catalogue, target, from_qualification=source,
                        accepted=[Accepted("R/502/9652")])
    assert result.remaining.accepted_units == ("R/502/9652",)
    assert len(result.bars) == 1 and "not acceptable as evidence" in result.bars[0].statement


# ---------------------------------------------------------------------------------------- CLI


def test_cli_check__accepted_and_in_progress_in_json(capsys):
    out = run_json(capsys, "check", "03456", "--units", "F3,F4,A3,B2,C3", "--accepted", "C6",
                   "--in-progress", "D1")
    assert [u["number"] for u in out["accepted"]] == ["C6"]
    assert [u["number"] for u in out["in_progress"]] == ["D1"]
    assert "C6" not in [u["number"] for u in out["achieved_units"]]
    assert (out["complete"], out["credits_counted"]) == (False, 38)
    done = out["when_in_progress_done"]
    assert (done["complete"], done["credits_counted"], done["in_progress"]) == (True, 44, [])
    assert [u["number"] for u in done["accepted"]] == ["C6"]
    assert out["timeline"] is None


def test_timeline__a_plan_whose_last_day_is_the_certification_end_is_in_time(catalogue):
    """Four weeks from Friday 4 August 2017 are 4 to 31 August, 09629's last certification
    day: the finish is the last day of study, not the day after."""
    q = catalogue.find_qualification("09629")
    held = urns(catalogue, "09629", "3", "5")
    timeline = check_progress(catalogue, q, held, glh_per_week=10, start=dt.date(2017, 8, 4),
                              registered=True).timeline
    assert (timeline.weeks, timeline.finish_by, timeline.in_time) == (
        4, dt.date(2017, 8, 31), True)


def test_timeline__a_start_before_the_date_of_the_check_is_not_worked_out(catalogue):
    """The units held are those on the date of the check: a start before it is refused with
    the reason, not called in time (the check said certificates had ended on that date)."""
    q = catalogue.find_qualification("09628")
    timeline = check_progress(catalogue, q, [], glh_per_week=5, start=dt.date(2015, 1, 5),
                              as_at=dt.date(2026, 11, 30)).timeline
    assert (timeline.in_time, timeline.finish_by) == (None, None)
    assert timeline.reason.startswith("Not worked out: the start, 5 January 2015, is before "
                                      "the date of this check, 30 November 2026.")


@pytest.mark.parametrize(("code", "opens", "first"), [
    ("601/4404/X", "which opened on 1 October 2014", "1 October 2014"),
    ("10379", "launched in the autumn of 2014", "1 September 2014"),  # the first day it allows
])
def test_timeline__a_start_before_the_qualification_opens_is_too_early(catalogue, code, opens,
                                                                      first):
    """Nobody can start a qualification before it opens: the timeline says so, and when it
    opens, rather than call a finish in 2013 in time."""
    q = catalogue.find_qualification(code)
    start = dt.date(2013, 1, 7)
    timeline = check_progress(catalogue, q, [], glh_per_week=5, start=start,
                              as_at=start).timeline
    assert (timeline.in_time, timeline.finish_by) == (False, None)
    assert timeline.reason == (f"Too early: on 7 January 2013 {q.name} had not opened yet "
                               f"({opens}), so no learner can start it then: give a start on "
                               f"or after {first}.")
    opened = check_progress(catalogue, q, [], glh_per_week=5, start=dt.date(2015, 1, 5),
                            as_at=dt.date(2015, 1, 5)).timeline
    assert not opened.reason.startswith("Too early")


def test_cli_check__timeline_in_json(capsys):
    out = run_json(capsys, "check", "09628", "--glh-per-week", "5", "--start", "2015-01-05",
                   "--as-at", "2015-01-05")
    assert out["timeline"] | {"reason": None, "source": None} == {
        "glh_per_week": 5.0, "start": "2015-01-05", "glh_needed": 93, "weeks": 19,
        "finish_by": "2015-05-17", "certification_end": "2017-12-31",
        "last_entry": "2016-12-31", "closed_to_entry_by": None, "in_time": True,
        "reason": None, "source": None}
    assert out["when_in_progress_done"] is None and out["accepted"] == []


def test_cli_check__hours_not_stated_gives_null_with_the_reason(capsys):
    out = run_json(capsys, "check", "03456", "--glh-per-week", "5", "--start", "2015-01-05",
                   "--as-at", "2015-01-05")
    assert out["timeline"]["in_time"] is None
    assert out["timeline"]["reason"].startswith("Not known: the sources do not state the "
                                                "guided learning hours of")


@pytest.mark.parametrize(
    ("hours", "message"),
    [("0.00001", "'0.00001' hours a week is out of range: give a number from 0.5 to 168"),
     ("169", "'169' hours a week is out of range"),
     ("lots", "'lots' is not a number of hours a week")],
    ids=["tiny", "above-a-week", "words"],
)
def test_cli_check__hours_a_week_out_of_range_is_a_usage_error(capsys, hours, message):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "09628", "--glh-per-week", hours, "--start", "2015-01-05"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --glh-per-week: {message}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("option", ["--start", "--as-at"])
def test_cli_check__a_date_near_the_calendars_end_is_refused_plainly(capsys, option):
    """The command line answers for the dates the app does: a start or as-at date in the year
    9999 is refused with the dates it answers for, not a traceback (the engine's own guard for
    a finish past the calendar's end is tested with the timeline)."""
    with pytest.raises(SystemExit) as exit_:
        main(["check", "09628", "--glh-per-week", "5", option, "9999-12-30"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert (f"argument {option}: 30 December 9999 is outside the dates the advisor answers "
            "for, 1 January 2000 to 31 December 2040") in err
    assert "Traceback" not in err


def test_cli_check__text_shows_accepted_apart_with_the_bar(capsys):
    assert main(["check", "09628", "--units", "3", "--accepted", "1"]) == 0
    out = capsys.readouterr().out
    assert "Accepted by the centre (recognition of prior learning):\n  * 1 (R/502/9652)" in out
    assert "Credits: 9 of 13 counted; 4 more needed; accepted by the centre: unit 1" in out
    assert "Accepting is the centre's decision, but note: Copies of unit achievements" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--accepted", "R/502/9652"], "R/502/9652: not part of"),
        (["--in-progress", "Z9"], "no unit 'Z9'"),
        (["--start", "2015-01-05"], "--start needs --glh-per-week"),
    ],
    ids=["accepted-not-part-of-it", "unknown-unit", "start-without-hours"],
)
def test_cli_check__decision_mistakes_exit_2(capsys, argv, message):
    assert main(["check", "03456", *argv]) == 2
    assert message in capsys.readouterr().err


def test_cli_check__the_centres_evidence_for_each_accepted_unit(capsys):
    out = run_json(capsys, "check", "03456", "--accepted", "C6,D1",
                   "--note", "C6=Holds D/506/9999, the same title", "--note", "T/601/1526= Seen ")
    assert [(u["number"], u["note"]) for u in out["accepted"]] == [
        ("C6", "Holds D/506/9999, the same title"), ("D1", "Seen")]
    assert main(["check", "03456", "--accepted", "C6", "--note", "C6=Certificate seen"]) == 0
    assert "(evidence: Certificate seen)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--accepted", "C6", "--note", "C6"], "write it as UNIT=TEXT"),
        (["--accepted", "C6", "--note", "D1=Seen"], "D1: that unit is not in --accepted"),
        (["--note", "Z9=Seen"], "no unit 'Z9'"),
        (["--accepted", "C6", "--note", "C6=" + "x" * 201], "at most 200 characters"),
    ],
    ids=["no-equals", "not-accepted", "unknown-unit", "too-long"],
)
def test_cli_check__note_mistakes_exit_2(capsys, argv, message):
    assert main(["check", "03456", *argv]) == 2
    assert message in capsys.readouterr().err


def test_cli_carry_over__accepted_in_json(capsys):
    out = run_json(capsys, "carry-over", "--from", "10381", "--to", "03456", "--accepted",
                   "D/506/2153")
    assert [(u["urn"], u["number"]) for u in out["accepted"]] == [("T/601/1235", "A17")]
    assert out["transfers"] == []
    assert [u["urn"] for u in out["remaining"]["accepted"]] == ["T/601/1235"]


# -------------------------------------------------------------------------- links and record


def test_check_link__round_trips_the_decisions_with_their_notes(catalogue):
    from advisor import CheckQuery, decode_check, encode_check

    c6, d1 = urns(catalogue, "03456", "C6", "D1")
    query = CheckQuery(qualification="ocr-03456", units=tuple(urns(catalogue, "03456", "F3")),
                       accepted=(Accepted(c6, "Similar unit, certificate seen"),),
                       in_progress=(d1,), glh_per_week=4.5, start=dt.date(2015, 1, 5),
                       registered=True)
    params = encode_check(catalogue, query)
    assert params["note1"] == "Similar unit, certificate seen" and params["glh"] == "4.5"
    assert decode_check(catalogue, params) == (query, [])


def test_check_link__every_qualification_the_page_offers_reopens_with_its_units(catalogue):
    """The check page offers every qualification and national structure: each one's link,
    with two of its units ticked, opens the same check again."""
    from advisor import CheckQuery, decode_check, encode_check

    for q in catalogue.qualifications.values():
        rules, _ = catalogue.effective_rules(q)
        units = tuple(sorted(rules.listed_units)[:2]) if rules is not None else ()
        query = CheckQuery(qualification=q.id, units=units)
        assert decode_check(catalogue, encode_check(catalogue, query)) == (query, []), q.id


def test_check_link__a_decision_on_a_unit_not_part_of_it_is_left_out_with_a_note(catalogue):
    from advisor import decode_check

    query, notes = decode_check(catalogue, {"qual": "03456", "accepted": "R/502/9652",
                                            "glh": "-3", "start": "2015-02-30",
                                            "registered": "perhaps"})
    assert query.accepted == () and query.glh_per_week is None and query.start is None
    assert not query.registered
    assert notes == [
        "The link's accepted unit R/502/9652 is not part of the qualification: left out.",
        "The link's hours a week '-3' were left out: give a number from 0.5 to 168.",
        "The link's start date '2015-02-30' was left out: give a date like 2026-09-01, 01/09/2026 "
        "or 1 September 2026.",
        "The link's registered 'perhaps' was left out: it can only be 'yes'."]


def test_timeline__too_late_cites_the_certification_end_as_its_source_gives_it(catalogue):
    """03456's certificates ended on 31 August 2019, which external-facts section H states (a
    secondary source); the closing to entry, from the same section, is inferred. Today's "too
    late" rests on the first alone, and is cited as secondary, not as an inference."""
    q = catalogue.find_qualification("03456")
    result = check_progress(catalogue, q, [], glh_per_week=5, start=dt.date(2026, 12, 1),
                            as_at=dt.date(2026, 12, 1))
    timeline = result.timeline
    assert timeline is not None and timeline.reason.startswith("Too late: certificates")
    assert [(c.section, c.basis) for c in timeline.source] == [
        ("H. OCR NVQ 03454/03455/03456 dates", Basis.SECONDARY)]


def test_record__shows_accepted_units_with_notes_in_progress_and_the_timeline(catalogue):
    from advisor import ActionPlan, action_plan_html

    q = catalogue.find_qualification("09628")
    unit_1, unit_2 = urns(catalogue, "09628", "1", "2")
    result = check_progress(catalogue, q, [], accepted=[Accepted(unit_1, "<b>NVQ</b> unit")],
                            in_progress=[unit_2], glh_per_week=5, start=dt.date(2015, 1, 5))
    page = action_plan_html(catalogue, ActionPlan(as_at=dt.date(2015, 1, 5), progress=result))
    assert "Accepted by the centre (recognition of prior learning):" in page
    assert "(evidence: &lt;b&gt;NVQ&lt;/b&gt; unit)" in page
    assert "In progress (not counted yet):" in page
    assert "When the units in progress are achieved" in page
    # Where the learner stands now, and where they would stand then: not "so far" for both.
    now, then = page.split("When the units in progress are achieved")
    assert "credits count so far" in now and "credits count so far" not in then
    assert re.search(r"\d+ of 13 credits would count then", then)
    assert "<h2>Will it fit?</h2>" in page and "In time: 63 guided learning hours" in page
    assert "Copies of unit achievements from the NVQ are not acceptable" in page


def _headline_and_steps(page: str) -> tuple[str, str]:
    import html as html_text
    import re

    def plain(html: str) -> str:
        return html_text.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())

    headline = re.search(r'<p class="headline">(.*?)</p>', page, re.S)
    steps = re.search(r"<h2>Next steps</h2>(.*?)</ol>", page, re.S)
    assert headline and steps
    return plain(headline.group(1)), plain(steps.group(1))


@pytest.mark.parametrize(("held", "in_progress", "as_at", "headline", "steps"), [
    # 03456 with F3, F4, A3, B2, C3, D1 achieved and C6 accepted is complete while it is open...
    ("F3 F4 A3 B2 C3 D1", "", dt.date(2015, 1, 5),
     "(03456): complete, 44 credits counted, 42 needed.",
     ["Claim the certificate for OCR Level 3 NVQ Diploma in Customer Service (03456) from "
      "the awarding body."]),
    # ... and on today's date the record says certificates are no longer issued, and what
    # replaced it, instead of telling the learner to claim one.
    ("F3 F4 A3 B2 C3 D1", "", dt.date(2026, 11, 29),
     "(03456): Every rule is met (44 credits counted, 42 needed), but no certificate can be "
     "claimed on this date. Certificates are no longer issued: the last certification date "
     "was 31 August 2019.",
     ["the last certification date was 31 August 2019",
      "What replaced it, as the sources suggest (they do not say so in those words): OCR "
      "Level 3 Diploma in Customer Service (10380).",
      "Certificates for OCR Level 3 NVQ Diploma in Customer Service (03456) are no longer "
      "issued: talk with the learner about what the sources suggest replaced it, OCR Level 3 "
      "Diploma in Customer "
      "Service (10380), and ask the awarding body which of the learner's units carry over "
      "to it."]),
    # Not complete on today's date: more units cannot complete it, so the record does not
    # send the learner to take them.
    ("F3 F4", "", dt.date(2026, 11, 29),
     "(03456): Not complete (22 of 42 credits counted), and it can no longer be completed. "
     "Certificates are no longer issued",
     ["are no longer issued, so taking more units cannot complete it: talk with the learner "
      "about what the sources suggest replaced it, OCR Level 3 Diploma in Customer Service "
      "(10380)"]),
    # In progress, with the units in progress enough, but certificates ended: no promise.
    ("F3 F4 A3 B2 C3", "D1", dt.date(2026, 11, 29),
     "(03456): Not complete (38 of 42 credits counted), and it can no longer be completed.",
     ["so taking more units cannot complete it"]),
    ("F3 F4 A3 B2 C3", "D1", dt.date(2015, 1, 5),
     "not complete yet, 38 of 42 credits counted. Complete once the units in progress are "
     "achieved.",
     ["Finish the units in progress: they complete the qualification."]),
    ("F3 F4", "", dt.date(2015, 1, 5),
     "not complete yet, 22 of 42 credits counted.",
     ["Agree with the learner which of the units still needed to take next."]),
])
def test_record__headline_and_next_steps_say_where_the_check_stands_on_the_date(
        catalogue, held, in_progress, as_at, headline, steps):
    from advisor import ActionPlan, action_plan_html

    q = catalogue.find_qualification("03456")
    c6, = urns(catalogue, "03456", "C6")
    result = check_progress(catalogue, q, urns(catalogue, "03456", *held.split()),
                            accepted=[Accepted(c6, "Similar unit seen")],
                            in_progress=urns(catalogue, "03456", *in_progress.split()))
    page = action_plan_html(catalogue, ActionPlan(as_at=as_at, progress=result))
    shown_headline, shown_steps = _headline_and_steps(page)
    assert headline in shown_headline
    for step in steps:
        assert step in shown_steps
    assert "claim the certificate" not in shown_steps or as_at.year < 2019
    assert "units still needed to take next" not in shown_steps or as_at.year < 2019
    assert "Complete once" not in shown_headline or as_at.year < 2019
    assert "Finish the units in progress" not in shown_steps or as_at.year < 2019
    assert "No sources were needed" not in page  # the rules of combination are cited
    assert "44 of 42" not in page  # more than needed reads "44 credits, 42 needed" throughout


# ------------------------------------------------------------------------------ cohort files


def _cohort(catalogue, rows, as_at=dt.date(2015, 1, 5)):
    from advisor import COLUMNS, assess_cohort, cohort_tables, read_cohort

    header = ",".join(c.name for c in COLUMNS)
    learners = read_cohort(("\n".join([header, *rows]) + "\n").encode(), "intake.csv")
    result = assess_cohort(catalogue, learners, as_at=as_at)
    return result, cohort_tables.results_frame(result).set_index("learner_ref")


def test_cohort_decisions__template_columns_round_trip():
    from advisor import cohort_file, read_cohort

    for data, name in ((cohort_file.template_csv_bytes(), "t.csv"),
                       (cohort_file.template_excel_bytes(), "t.xlsx")):
        rows = read_cohort(data, name).rows
        assert [(r.units_accepted, r.units_in_progress, r.glh_per_week) for r in rows] == [
            ((), (), None), (("C6",), ("D1",), 5.0), ((), (), None)]
    guide = cohort_file.template_guide_text()
    for column in ("units_accepted (optional)", "units_in_progress (optional)",
                   "glh_per_week (optional)"):
        assert column in guide


def test_cohort_decisions__results_say_what_was_accepted_and_whether_it_fits(catalogue):
    _, frame = _cohort(catalogue, [
        "A1,30,working,,,,,F3;F4;A3;B2;C3;D1,03456,C6,,",
        "A2,30,working,,,,,F3;F4;A3;B2;C3,03456,,C6;D1,",
        "A3,20,working,,,,,,09628,,,5",
        "A4,20,working,,,,,,09628,,,",
    ])
    assert frame.loc["A1", "complete"] == "yes" and frame.loc["A1", "credits_counted"] == 44
    assert frame.loc["A1", "units_accepted"].startswith("C6 (D/601/1519)")
    assert "C6" not in frame.loc["A1", "units_carried_over"]
    assert (frame.loc["A2", "complete"], frame.loc["A2", "complete_when_in_progress_done"]) \
        == ("no", "yes")
    assert (frame.loc["A3", "in_time"], frame.loc["A3", "finish_by"]) == ("yes", "17 May 2015")
    assert frame.loc["A3", "timeline"].startswith("In time: 93 guided learning hours")
    assert (frame.loc["A4", "in_time"], frame.loc["A4", "timeline"]) == ("", "")


def test_cohort_decisions__problems_with_the_new_columns(catalogue):
    result, frame = _cohort(catalogue, [
        "B1,30,working,,,,,,03456,R/502/9652,,",
        "B2,30,working,,,,,,,C6,,",
        "B3,30,working,,,,,,09628,,,lots",
    ])
    messages = [(p.row, p.column, p.severity.value, p.message) for p in result.problems]
    assert (2, "units_accepted", "warning",
            "R/502/9652 is not part of 03456; left out") in messages
    assert (3, "units_accepted", "warning",
            "units accepted or in progress need a known target; left out") in messages
    assert (4, "glh_per_week", "warning", "'lots' is not a number of hours a week: give a "
            "number from 0.5 to 168; left empty, as if not given") in messages
    assert list(frame["status"]) == ["assessed", "assessed", "assessed"]


def test_cohort_decisions__units_in_progress_may_say_not_yet(catalogue):
    """In the units in progress column, "not yet" says what the column says: the unit is in
    progress, with nothing to warn about (in units held it would be refused)."""
    result, frame = _cohort(catalogue, [
        "E1,30,working,,,,,F3;F4;A3;B2;C3,03456,,C6 not yet;D1 in progress,",
    ])
    assert frame.loc["E1", "complete_when_in_progress_done"] == "yes"
    assert [p for p in result.problems if p.column == "units_in_progress"] == []


def test_cohort_decisions__a_unit_given_twice_says_which_counts(catalogue):
    """A unit both held and accepted counts as achieved, one both accepted and in progress as
    accepted: each is said in the problems, as the check page says it, not dropped unseen."""
    result, frame = _cohort(catalogue, [
        "D1,30,working,,,,,K/601/1622,03456,F3;C6,C6,",
    ])
    messages = [(p.row, p.column, p.message) for p in result.problems]
    assert messages == [
        (2, "units_accepted", "unit K/601/1622 is also in units_held: it counts as achieved, "
                              "not as accepted by the centre"),
        (2, "units_in_progress", "unit D/601/1519 is also in units_accepted: it counts as "
                                 "accepted, not as in progress")]
    assert frame.loc["D1", "units_accepted"].startswith("C6 (D/601/1519)")


def test_cohort_decisions__a_start_before_the_check_is_said_only_while_there_is_more_to_do(
        catalogue):
    """A start before the date of the check leaves no finish to work out: said for a learner
    with units still to take, not for one already complete."""
    result, _ = _cohort(catalogue, [
        "E1,20,working,,,,,1;2;3,09628,,,5,,2014-12-01",
        "E2,20,working,,,,,1,09628,,,5,,2014-12-01",
    ])
    starts = [p.row for p in result.problems if p.column == "start"]
    assert starts == [3]


def test_cohort_decisions__implausible_hours_a_week_are_left_empty_and_said_not_a_crash(
        catalogue):
    result, frame = _cohort(catalogue, [
        "C1,20,working,,,,,,09628,,,0.00001",
        "C2,20,working,,,,,,09628,,,200",
        "C3,20,working,,,,,,09628,,,0.5",
    ])
    messages = [(p.row, p.column, p.severity.value, p.message) for p in result.problems]
    assert messages == [
        (2, "glh_per_week", "warning", "'0.00001' hours a week is out of range: give a number "
         "from 0.5 to 168; left empty, as if not given"),
        (3, "glh_per_week", "warning", "'200' hours a week is out of range: give a number from "
         "0.5 to 168; left empty, as if not given"),
    ]
    assert list(frame["status"]) == ["assessed", "assessed", "assessed"]
    assert frame.loc["C1", "in_time"] == ""  # no hours, so no timeline
    assert frame.loc["C3", "in_time"] == "no", "93 hours at half an hour a week: 186 weeks"


def test_cohort_decisions__an_as_at_date_near_the_calendars_end_assesses_every_row(catalogue):
    """The whole run is not lost to one learner's finish date falling past 31 December 9999."""
    _, frame = _cohort(catalogue, ["D1,20,working,,,,,,09628,,,5", "D2,20,working,,,,,,,,,"],
                       as_at=dt.date(9999, 12, 30))
    assert list(frame["status"]) == ["assessed", "assessed"]
    assert (frame.loc["D1", "in_time"], frame.loc["D1", "finish_by"]) == ("no", "")
    assert "ended on 31 December 2017, before 30 December 9999" in frame.loc["D1", "timeline"]


def test_timeline__the_closed_by_date_is_not_given_as_a_last_entry_date(catalogue):
    q = catalogue.find_qualification("03456")
    timeline = check_progress(catalogue, q, [], glh_per_week=5, start=dt.date(2018, 6, 1)).timeline
    assert timeline is not None
    assert (timeline.last_entry, timeline.closed_to_entry_by) == (None, dt.date(2019, 2, 28))


def test_record__no_advice_on_hours_for_a_qualification_whose_certificates_have_ended(
        catalogue):
    from advisor import ActionPlan, action_plan_html

    q = catalogue.find_qualification("09628")
    result = check_progress(catalogue, q, ["D/502/9654"], glh_per_week=0.5,
                            start=dt.date(2016, 1, 4))
    assert result.timeline is not None and result.timeline.in_time is False
    while_open = _headline_and_steps(action_plan_html(catalogue, ActionPlan(
        as_at=dt.date(2016, 1, 4), progress=result)))[1]
    assert "agree more hours a week with the learner, or a qualification that is open on " \
           "4 January 2016" in while_open
    today = _headline_and_steps(action_plan_html(catalogue, ActionPlan(
        as_at=dt.date(2026, 11, 29), progress=result)))[1]
    assert "more hours" not in today and "cannot complete it" in today


def test_timeline__after_certificates_ended_no_one_can_finish_registered_or_not(catalogue):
    q = catalogue.find_qualification("03456")
    units = ["K/601/1622", "J/601/1627", "R/601/1212", "J/601/1210", "M/601/1511",
             "T/601/1526", "D/601/1519"]
    for registered in (True, False):
        timeline = check_progress(catalogue, q, units, glh_per_week=4,
                                  start=dt.date(2026, 11, 30), registered=registered).timeline
        assert timeline is not None and timeline.in_time is False
        assert timeline.reason == (
            "Too late: certificates for OCR Level 3 NVQ Diploma in Customer Service (03456) "
            "ended on 31 August 2019, before 30 November 2026, so no learner, registered or "
            "not, can be certificated for it now.")


def test_timeline__nothing_more_to_study_is_said_so_not_as_zero_weeks(catalogue):
    q = catalogue.find_qualification("03456")
    units = ["K/601/1622", "J/601/1627", "R/601/1212", "J/601/1210", "M/601/1511",
             "T/601/1526", "D/601/1519"]
    timeline = check_progress(catalogue, q, units, glh_per_week=4, start=dt.date(2018, 6, 1),
                              registered=True).timeline
    assert timeline is not None and timeline.in_time is True
    assert timeline.reason.startswith("In time: nothing more to study from 1 June 2018, on or "
                                      "before the certification end date, 31 August 2019.")
    assert (timeline.weeks, timeline.finish_by) == (0, dt.date(2018, 6, 1))


def test_record__a_centre_record_names_the_unmet_rules_and_nothing_beyond_units_in_progress(
        catalogue):
    from advisor import ActionPlan, action_plan_html

    q = catalogue.find_qualification("09628")
    unit_1, unit_2, unit_3 = urns(catalogue, "09628", "1", "2", "3")
    while_open = dt.date(2015, 1, 5)
    # Two of the three units held, the third in progress: nothing more to plan beyond it.
    result = check_progress(catalogue, q, [unit_1, unit_2], in_progress=[unit_3])
    page = action_plan_html(catalogue, ActionPlan(as_at=while_open, progress=result))
    assert "<h1>Record of a units check: Customer Service qualifications</h1>" in page
    assert "To agree with the learner:" in page and "with your adviser" not in page
    # Every rule, met or not, as the page's table shows them: the record of what was checked.
    assert '<th scope="col">Rule of combination</th>' in page
    assert ("<td>Credits: 8 of 13 counted; 5 more needed; in progress: unit 3</td>" in page)
    assert page.count("✓ yes") == 2 and page.count("✗ no") == 2  # units 1 and 2 held
    assert "Nothing about the learner was stored: this record is the only copy." in page
    recorded = action_plan_html(catalogue, ActionPlan(
        as_at=while_open, progress=result, answers={"Qualification": "09628"}))
    assert "<h2>What was recorded</h2>" in recorded and "What you told us" not in recorded
    assert "Nothing more is needed beyond the units in progress." in page
    assert "Still needed: 0 credits" not in page
    learner = action_plan_html(catalogue, ActionPlan(as_at=while_open, check=result.today))
    assert "<h1>Your Customer Service qualifications action plan</h1>" in learner
    assert "Rules not met yet:" in learner and "Rule of combination" not in learner
    # One unit held, another in progress: what is still needed is said to be beyond it, so
    # that it does not contradict the "more needed" of the rules above.
    partly = check_progress(catalogue, q, [unit_1], in_progress=[unit_2])
    page = action_plan_html(catalogue, ActionPlan(as_at=while_open, progress=partly,
                                                  learner="L-042", adviser="Sam Assessor"))
    assert "<p>Still needed beyond the units in progress: " in page
    # A centre's record names who made the decisions: the assessor, not an adviser.
    assert '<th scope="row">Assessor</th><td>Sam Assessor</td>' in page
    assert '<th scope="row">Learner</th><td>L-042</td>' in page


def test_cohort_decisions__a_registered_learner_is_held_to_certification_not_last_entry(
        catalogue):
    """09628 took its last entries on 31 December 2016: on 1 March 2017 a learner not yet
    registered can no longer start, and one registered can still finish by 31 December."""
    _, frame = _cohort(catalogue, ["R1,,,,,,,1;2,09628,,,5,yes", "R2,,,,,,,1;2,09628,,,5,"],
                       as_at=dt.date(2017, 3, 1))
    assert frame.loc["R1", "in_time"] == "yes"
    assert frame.loc["R2", "in_time"] == "no"
    assert "a learner not yet registered can no longer start" in frame.loc["R2", "timeline"]


def test_cohort__a_cell_of_units_separated_by_spaces_reads_each(catalogue):
    """A spreadsheet column pasted into one cell arrives as "F3 F4 A3": each is a unit."""
    _, frame = _cohort(catalogue, ["S1,30,working,,,,,F3 F4 A3,03456,,C6 D1,"],
                       as_at=dt.date(2018, 6, 1))
    assert frame.loc["S1", "credits_counted"] == 17
    assert frame.loc["S1", "units_in_progress"].startswith("C6 (D/601/1519)")
    assert "D1 (T/601/1526)" in frame.loc["S1", "units_in_progress"]
