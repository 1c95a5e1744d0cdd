"""Starting-level recommendations: role matching, each kind of evidence, and the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import (
    YOU_ON_SCREEN,
    ActionPlan,
    Aim,
    AnswerError,
    Employment,
    Profile,
    action_plan_html,
    check_eligibility,
    json_shapes,
    load_catalogue,
    match_role,
    recommend,
    text,
    uk_date,
)
from advisor.cli import main
from tests.support.catalogues import REPLACED, write_catalogue

TODAY = dt.date(2026, 11, 22)
JOB_ROLES = "003_6006b2829cc9c277.txt § JOB ROLES AND PROGRESSION"
LEVEL_4 = "000_877957cfe4770bfa.txt § Level 4 Customer Service"


def labels(finding):
    return [c.label() for c in finding.source]


def codes(findings):
    return [f.code for f in findings]


def advise(catalogue, **profile):
    return recommend(catalogue, Profile(**profile), as_at=TODAY)


# ------------------------------------------------------------------------------- role matching


@pytest.mark.parametrize(("text", "expected"), [
    ("Call Centre Operator", ["call-centre-operators"]),
    ("CALL CENTRE OPERATORS", ["call-centre-operators"]),
    ("  call-centre   operator ", ["call-centre-operators"]),
    ("help desk assistant", ["helpdesk-assistants", "help-desk-assistant"]),
    ("waiter", ["waiter-bar-tender"]),
    ("bar tenders", ["waiter-bar-tender"]),
    ("personal shopper", ["sales-assistant-personal-shopper"]),
    ("Reception desk administrator",
     ["reception-desk-administrators-hotel-leisure-centre-solicitors-etc"]),
    ("postmen", ["postman"]),
    ("senior call centre operator at a bank", ["call-centre-operators"]),
    ("call centre operator, Barclays", ["call-centre-operators"]),
    ("restaurant manager", ["manager-restaurant-bar-retail-office-warehouse"]),
    ("warehouse managers", ["manager-restaurant-bar-retail-office-warehouse"]),
])
def test_match_role__tolerates_case_plurals_and_spacing(catalogue, text, expected):
    assert [r.id for r in match_role(catalogue, text).roles] == expected


def test_match_role__a_shorter_title_several_contain_only_suggests(catalogue):
    match = match_role(catalogue, "assistant")
    assert match.roles == ()
    assert {"helpdesk-assistants", "pr-assistant"} <= {r.id for r in match.suggestions}


def test_match_role__a_shorter_title_only_one_contains_is_taken_as_it_and_says_so(catalogue):
    match = match_role(catalogue, "team leader")
    assert ([r.id for r in match.roles], match.widened) == (["customer-service-team-leader"], True)
    result = advise(catalogue, role="team leader", employment=Employment.WORKING, age=30)
    assert result.recommended_level == 3
    assert any(f.message.startswith('"team leader" is taken as "Customer Service Team Leader", '
                                    "the only job role the documents list whose title ends with "
                                    "it, listed among the Level 3 job roles")
               for f in result.reasons)


@pytest.mark.parametrize("text", ["Team leader in a call centre", "call centre team leader",
                                  "contact centre team leader"])
def test_match_role__a_longer_title_is_taken_by_the_job_it_names(catalogue, text):
    """"Call centre" says where the job is done, "team leader" what it is: such a title is the
    one listed title ending in "team leader" (Level 3), not a call centre advisor (Level 2)."""
    match = match_role(catalogue, text)
    assert ([r.id for r in match.roles], match.named_job) == (["customer-service-team-leader"],
                                                               "team leader")
    result = advise(catalogue, role=text, employment=Employment.WORKING, age=30)
    assert result.recommended_level == 3
    assert any(f.message.startswith(f'"{text}" is taken as "Customer Service Team Leader", the '
                                    'only job role the documents list ending in "team leader"')
               for f in result.reasons)
    # The job is what the title ends in before saying where or for whom: an assistant to a
    # team leader is not one.
    for other in ("assistant to the team leader", "I report to a team leader",
                  "assistant to the manager", "customer service team leader assistant"):
        assert match_role(catalogue, other).roles == (), other


@pytest.mark.parametrize("text", [
    "retail", "warehouse", "front desk",  # words in a title's brackets
    "sales team", "customer service team",  # inside a title, not its end
    "worker", "executive", "supervisor",  # one word says too little
    "desk assistant",  # the end of several titles
    # The handbook's managers are of a restaurant, bar, retail, office or warehouse: not
    # every manager, nor the word alone.
    "football manager", "bank manager", "Manager",
])
def test_match_role__a_word_inside_a_title_or_a_lone_word_is_only_a_suggestion(catalogue, text):
    match = match_role(catalogue, text)
    assert (match.roles, match.widened) == ((), False)
    assert match.suggestions


@pytest.mark.parametrize(("text", "suggested"), [
    # A word every kind of job has ("assistant", "operator") makes no title close.
    ("shop assistant", ["Sales Assistant/Personal Shopper"]),
    ("cashier", []),
    ("checkout operator", []),
    ("retail assistant", []),  # "retail" is one of the places a manager's title names
    ("waitress", ["Waiter/Bar Tender"]),
    ("sales supervisor", ["Sales Team Supervisor", "Customer Service and Sales Desk Assistants",
                          "Customer Service and Sales Representatives"]),
    ("call center operator", ["Call Centre Operators", "Call Centre Advisor"]),
    # A rank typed: titles of some standing first, not the trade's junior jobs, one click
    # from taking a manager down to Level 2.
    ("call centre manager", ["Department Manager",
                             "Manager (restaurant, bar, retail, office, warehouse)",
                             "Call Centre Advisor"]),
])
def test_match_role__close_titles_share_a_telling_word(catalogue, text, suggested):
    match = match_role(catalogue, text)
    assert match.roles == ()
    assert [r.title for r in match.suggestions] == suggested


def test_match_role__a_rank_makes_titles_with_a_rank_closer(catalogue):
    """"Customer service supervisor" shares only words every job has, but "supervisor" is a
    rank: the Level 3 titles with a rank come before Customer Service Agents, so a supervisor
    is not pointed only at Level 2 jobs."""
    match = match_role(catalogue, "Customer Service Supervisor")
    assert match.roles == ()
    assert [r.title for r in match.suggestions] == [
        "Customer Service Team Leader", "Sales Team Supervisor", "Customer Service Agents"]


@pytest.mark.parametrize("text", ["", "   ", "astronaut"])
def test_match_role__nothing_to_match(catalogue, text):
    assert match_role(catalogue, text).roles == ()


# ----------------------------------------------------------------------------------- evidence


def test_recommend__level_2_role(catalogue):
    result = advise(catalogue, role="Call Centre Operator", employment=Employment.WORKING, age=20)
    assert result.recommended_level == 2
    (reason,) = result.reasons
    assert reason.code == "role-level" and reason.level == 2
    assert labels(reason) == [JOB_ROLES]
    assert "Call Centre Operators" in reason.message
    ids = {o.qualification.id for o in result.options}
    assert {"ocr-09628", "ocr-03455", "ocr-10379", "ocnlr-l2-diploma-customer-service"} <= ids
    assert all(o.qualification.level == 2 for o in result.options)
    assert not any(i.startswith("skills-cfa") for i in ids), "national structures are not offered"
    by_id = {o.qualification.id: o for o in result.options}
    assert by_id["ocr-09628"].can_start is False and not by_id["ocr-09628"].open_on_date
    assert "closed-to-entry" in [r.code.value for r in by_id["ocr-09628"].eligibility.reasons]
    assert "none-confirmed-open" in codes(result.cautions)
    assert "Call Centre Operators" in [r.title for r in result.roles_at_level]


def test_recommend__level_3_role(catalogue):
    result = advise(catalogue, role="Customer Service Team Leaders",
                    employment=Employment.WORKING)
    assert result.recommended_level == 3
    assert {o.qualification.id for o in result.options} >= {"ocr-03456", "ocr-09629", "ocr-10380"}
    assert "no-automatic-move-up" in codes(result.cautions)


def test_recommend__senior_role_points_to_level_4(catalogue):
    result = advise(catalogue, role="Department Manager", employment=Employment.WORKING,
                    senior_role=True)
    assert result.recommended_level == 4
    senior = next(f for f in result.reasons if f.code == "senior-role")
    assert labels(senior) == [LEVEL_4] and "influence decision-making" in senior.message
    assert [o.qualification.id for o in result.options] == ["ocr-10381"]
    assert "role-met" in [r.code.value for r in result.options[0].eligibility.reasons]
    caution = next(f for f in result.cautions if f.code == "no-automatic-move-up")
    assert labels(caution) == [LEVEL_4]


def test_recommend__not_senior_stays_at_the_role_level(catalogue):
    result = advise(catalogue, role="Department Manager", employment=Employment.WORKING,
                    senior_role=False)
    assert result.recommended_level == 3
    assert "not-senior-role" in codes(result.reasons)


def test_recommend__senior_role_without_a_job_is_a_caution(catalogue):
    result = advise(catalogue, employment=Employment.NOT_WORKING, senior_role=True)
    assert result.recommended_level == 1
    assert "senior-role-not-working" in codes(result.cautions)


FOUR_STATEMENTS = ("delivering and managing service", "without direct supervision",
                   "influence what happens at work", "suggest improvements")


def test_recommend__most_level_3_statements_point_to_level_3(catalogue):
    result = advise(catalogue, employment=Employment.WORKING, responsibilities=FOUR_STATEMENTS)
    assert result.recommended_level == 3
    finding = next(f for f in result.reasons if f.code == "level-3-statements")
    # Counted, not quoted in the handbook's words (the answers give them in the learner's).
    assert finding.message == ("4 of the 7 descriptions of a Level 3 learner fit the learner's "
                               "work. When most of them fit, this advisor suggests Level 3.")
    assert labels(finding) == ["003_6006b2829cc9c277.txt § Qualification aims"]


def test_recommend__a_few_level_3_statements_are_a_caution_only(catalogue):
    result = advise(catalogue, employment=Employment.WORKING,
                    responsibilities=FOUR_STATEMENTS[:3])
    assert result.recommended_level == 2
    assert "some-level-3-statements" in codes(result.cautions)
    (few,) = [f for f in result.cautions if f.code == "some-level-3-statements"]
    assert "suggests Level 3 only when most of them do" in few.message


def test_recommend__a_few_statements_beside_a_level_3_role_do_not_contradict_it(catalogue):
    # A team leader's job already points to Level 3: the caution about the descriptions must
    # not say the advisor suggests Level 3 only when most fit, under a Level 3 headline.
    result = advise(catalogue, employment=Employment.WORKING,
                    role="Customer Service Team Leader", responsibilities=FOUR_STATEMENTS[:2])
    assert result.recommended_level == 3
    (few,) = [f for f in result.cautions if f.code == "some-level-3-statements"]
    assert few.message.startswith("Only 2 of the 7 descriptions of a Level 3 learner fit. ")
    assert "The job title points to Level 3" in few.message
    assert "only when most" not in few.message
    (move_up,) = [f for f in result.cautions if f.code == "no-automatic-move-up"]
    assert not move_up.message.startswith("Holding a qualification")  # nothing is held


def test_recommend__a_few_statements_under_level_4_name_the_answer_that_set_it(catalogue):
    """A senior role and no job title: only the senior role points to Level 4, so the caution
    names it, not "the job title"; and the reason that sets the level comes first, not the
    Level 2 one about working in customer service."""
    result = advise(catalogue, employment=Employment.WORKING, senior_role=True,
                    responsibilities=FOUR_STATEMENTS[:3])
    assert result.recommended_level == 4
    (few,) = [f for f in result.cautions if f.code == "some-level-3-statements"]
    assert "The senior role points to Level 4" in few.message
    assert "job title" not in few.message
    assert result.reasons[0].level == 4


def test_recommend__a_responsibility_must_pick_out_one_statement(catalogue):
    with pytest.raises(ValueError, match="does not pick out one of the Level 3 statements"):
        advise(catalogue, responsibilities=("the",))


def test_recommend__held_qualification_is_a_floor_not_a_step_up(catalogue):
    result = advise(catalogue, role="Call Centre Operators", employment=Employment.WORKING,
                    held_qualifications=("ocr-09629",))
    assert result.recommended_level == 3
    assert "ocr-09629" not in {o.qualification.id for o in result.options}
    assert "no-automatic-move-up" in codes(result.cautions)
    documented = [step for step in result.next_steps if step.source]
    assert documented[0].message.startswith(
        "From OCR Level 3 Certificate in Principles of Customer Service (09629): ")
    # The handbook's words, then, as 03456 is closed on the date, that and what replaced it.
    assert ("Candidates for the Level 3 Certificate can progress to the Level 3 NVQ Diploma in "
            "Customer Service. On ") in documented[0].message
    assert documented[0].message.endswith(
        "OCR Level 3 NVQ Diploma in Customer Service (03456) is closed to new learners: the "
        "sources suggest OCR Level 3 Diploma in Customer Service (10380) replaced it in the "
        "Level 3 apprenticeship framework (they do not say so in those words). It is not "
        "like for like: 10380 is knowledge and competence in one, its competence assessed at "
        "work; the sources give no credit total for 10380 (the national structure S/016/609, "
        "which it is inferred to follow, needs 55 credits), against 03456: 42 credits. Ask "
        "whether 10380, or what replaced it since, is offered.")
    # 09628's progression to 03455, whose dates are not stated, says so, with the documents'
    # own warning that it is legacy and what took its place.
    from_09628 = advise(catalogue, employment=Employment.WORKING,
                        held_qualifications=("ocr-09628",))
    to_03455 = next(s for s in from_09628.next_steps if "Level 2 NVQ" in s.message)
    assert to_03455.message.endswith(
        "Whether OCR Level 2 NVQ Certificate in Customer Service (03455) is open on "
        f"{uk_date(TODAY)}, the sources do not say; they call it a legacy qualification, one "
        "that others were replacing, so it may well have stopped taking new learners since; "
        "the sources suggest OCR Level 2 Diploma in Customer Service (10379) replaced it in the "
        "Level 2 apprenticeship framework (they do not say so in those words). Ask the centre.")
    cited = {(c.doc, c.section) for c in to_03455.source}
    assert ("000_877957cfe4770bfa.txt", "Level 2 Customer Service") in cited  # the replacement
    while_open = recommend(catalogue, Profile(
        role="Call Centre Operators", employment=Employment.WORKING,
        held_qualifications=("ocr-09629",)), as_at=dt.date(2015, 6, 1))
    on_2015 = next(s.message for s in while_open.next_steps if s.source)
    assert "can progress to the Level 3 NVQ Diploma in Customer Service." in on_2015
    assert "closed to new learners" not in on_2015  # not closed then (its dates not stated)


def test_recommend__held_units_count_towards_the_options(catalogue):
    result = advise(catalogue, employment=Employment.WORKING, held_units=("D/502/9654",),
                    aim=Aim.KNOWLEDGE)
    assert result.recommended_level == 2
    option = next(o for o in result.options if o.qualification.id == "ocr-09628")
    assert option.check.credits_counted == 5
    assert option.check.plan.additional_credits == 8
    assert option.fits_aim is True
    assert next(o for o in result.options
                if o.qualification.id == "ocr-03455").fits_aim is False
    assert result.options[0].fits_aim is True, "options that fit the aim come first"


def test_recommend__not_working_school_leaver(catalogue):
    result = advise(catalogue, employment=Employment.NOT_WORKING, age=15, aim=Aim.COMPETENCE)
    assert result.recommended_level == 1
    reason = next(f for f in result.reasons if f.code == "not-working")
    assert labels(reason) == ["004_70450870fa016f48.txt § Who the qualification is for"]
    # Whom it is written for among people not in work: not "currently working" learners.
    assert "Young learners who have just left school or college" in reason.message
    assert "currently working" not in reason.message
    assert "competence-needs-work" in codes(result.cautions)
    ocnlr = next(o for o in result.options if o.qualification.id == "ocnlr-601-4404-x")
    assert {"age-approved", "age-caution"} <= {r.code.value for r in ocnlr.eligibility.reasons}


def test_recommend__not_working_under_19_is_not_quoted_the_adult_audience(catalogue):
    """Whom 601/4404/X is written for, quoted to someone not in work: a 17-year-old is not told
    of "adult learners returning to work"; an 18-year-old, a 30-year-old and someone whose
    age is not given are."""
    def reason(age):
        result = recommend(catalogue, Profile(employment=Employment.NOT_WORKING, age=age))
        return next(f for f in result.reasons if f.code == "not-working").message

    assert "Adult learners" not in reason(17)
    assert "Young learners who have just left school or college" in reason(17)
    assert "Adult learners returning to work after unemployment" in reason(18)
    assert "Adult learners returning to work after unemployment" in reason(30)
    assert "Adult learners returning to work after unemployment" in reason(None)
    # Nor a school leaver the line for a career change, nor a 30-year-old the one for
    # school leavers.
    assert "career change" not in reason(17) and "career change" in reason(30)
    assert "Young learners" not in reason(30) and "Young learners" in reason(None)


def test_recommend__not_working_at_14_is_not_quoted_the_school_leavers_line(catalogue):
    """Someone of 14 not in work is still at school: the introductory qualification is not
    said to be written for "young learners who have just left school" (the only line for
    people not in work left for them), but what its guide says of their age."""
    reason = next(f for f in advise(catalogue, employment=Employment.NOT_WORKING, age=14).reasons
                  if f.code == "not-working")
    assert "left school" not in reason.message
    assert "Suitable for learners of all ages, 14 included." in reason.message
    assert "learners aged pre-16" in reason.message  # the guide's caution for their age
    assert labels(reason) == ["004_70450870fa016f48.txt § Entry guidance"]


def test_recommend__not_working_and_offered_an_nvq_hears_it_is_assessed_at_work(catalogue):
    """A school leaver not in work, on 1 March 2013, is offered 03454, an NVQ, at Level 1: the
    cautions say an NVQ is assessed at work, whatever the aim (none was given)."""
    result = recommend(catalogue, Profile(employment=Employment.NOT_WORKING, age=17),
                       as_at=dt.date(2013, 3, 1))
    assert "ocr-03454" in {o.qualification.id for o in result.options}
    assert "competence-needs-work" in codes(result.cautions)
    working = recommend(catalogue, Profile(employment=Employment.WORKING, age=17),
                        as_at=dt.date(2013, 3, 1))
    assert "competence-needs-work" not in codes(working.cautions)


@pytest.mark.parametrize("as_at", [dt.date(2015, 6, 1), TODAY])
def test_recommend__not_working_and_offered_a_combined_one_hears_its_competence_is_at_work(
        catalogue, as_at):
    """A 15-year-old not in work wanting knowledge is offered 10378, which fits (it gives
    knowledge) but combines it with competence, assessed at work: the cautions say so, by
    name, as the route page does for a combined step."""
    result = recommend(catalogue, Profile(employment=Employment.NOT_WORKING, age=15,
                                          aim=Aim.KNOWLEDGE), as_at=as_at)
    assert {o.qualification.id: o.fits_aim for o in result.options}["ocr-10378"] is True
    (caution,) = [c.message for c in result.cautions if c.code == "competence-needs-work"]
    assert ("and so is the competence part of 10378, which combines knowledge and "
            "competence") in caution


def test_recommend__not_working_on_a_past_date_says_the_introductory_one_had_not_opened(
        catalogue):
    # 601/4404/X opened on 1 October 2014: in 2012 the reason still says whom Level 1 is for,
    # but must not read as advice to take a qualification that did not exist yet.
    past = recommend(catalogue, Profile(employment=Employment.NOT_WORKING, age=17),
                     as_at=dt.date(2012, 6, 1))
    reason = next(f for f in past.reasons if f.code == "not-working")
    assert reason.message.endswith(
        "On this date 601/4404/X itself had not opened yet (which opened on 1 October 2014).")
    later = recommend(catalogue, Profile(employment=Employment.NOT_WORKING, age=17),
                      as_at=dt.date(2015, 6, 1))
    assert "had not opened" not in next(f for f in later.reasons
                                        if f.code == "not-working").message


def test_recommend__apprenticeship_aim_uses_the_frameworks(catalogue):
    result = advise(catalogue, role="courier", employment=Employment.WORKING,
                    aim=Aim.APPRENTICESHIP)
    fits = {o.qualification.id: o.fits_aim for o in result.options}
    assert {q for q, fit in fits.items() if fit} == {"ocr-10379",
                                                    "ocnlr-l2-diploma-customer-service"}
    # 09628 and 03455 were components of the 2010 framework until the 2014 framework, issued on
    # 29 August 2014, put the apprenticeship qualification 10379 in their place.
    assert (fits["ocr-09628"], fits["ocr-03455"]) == (False, False)
    notes = {o.qualification.id: o.aim_note for o in result.options}
    assert notes["ocr-03455"].startswith(
        "A component of Apprenticeship in Customer Service (Intermediate) (Level 2, with 09628 "
        "and 03455), but the sources suggest OCR Level 2 Diploma in Customer Service (10379) "
        "replaced it")
    assert notes["ocr-03455"].endswith(
        "the Intermediate Apprenticeship in Customer Service (Level 2, framework FR03058) was "
        "issued on 29 August 2014, so for an apprenticeship ask about OCR Level 2 Diploma in "
        "Customer Service (10379).")
    # Before that framework was issued, the 2010 framework's components still served.
    before = recommend(catalogue, Profile(role="courier", employment=Employment.WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=dt.date(2012, 6, 1))
    assert {o.qualification.id: o.fits_aim for o in before.options}["ocr-09628"] is True


@pytest.mark.parametrize(("profile", "level", "said"), [
    # A school leaver: no framework at Level 1, so the Level 2 standard, and how to get there.
    ({"age": 17, "employment": Employment.NOT_WORKING}, 1,
     "The apprenticeships in these documents start at Level 2: the latest is the Intermediate "
     "Apprenticeship in Customer Service (Level 2, framework FR03058), issued on 29 August "
     "2014. In England they later moved to apprenticeship standards, and at Level 2 Customer "
     "Service Practitioner (ST0072) took its place; the sources do not say when. Ask an "
     "employer, a local college or training provider (a centre), or a careers adviser at the "
     "National Careers Service whether the learner could start a Customer Service "
     "Practitioner apprenticeship, or what would prepare them for one: they will know whether "
     "any still "
     "start on framework FR03058."),
    # At Level 2, the latest framework and the standard that later took its place (the
    # sources do not say when, so on a date after the framework's issue both are named).
    ({"age": 30, "employment": Employment.WORKING}, 2,
     "The latest Level 2 apprenticeship framework in these documents is the Intermediate "
     "Apprenticeship in Customer Service (Level 2, framework FR03058), issued on 29 August "
     "2014. Apprenticeships in England later moved from frameworks to apprenticeship standards, "
     "and at Level 2 Customer Service Practitioner (ST0072) took its place; the sources do not "
     "say when."),
    # No standard named at Level 3: said, not guessed, and the framework then in force named
    # (on dates from its issue it may well still have been the way in).
    ({"age": 30, "employment": Employment.WORKING, "role": "Customer Service Team Leader"}, 3,
     "The latest Level 3 apprenticeship framework in these documents is the Advanced "
     "Apprenticeship in Customer Service (Level 3, framework FR03058), issued on 29 August "
     "2014. Apprenticeships in England later moved from frameworks to apprenticeship "
     "standards, but the sources say neither when nor which standard took its place at Level "
     "3: ask an employer"),
])
def test_next_steps__an_apprenticeship_aim_hears_what_took_the_frameworks_place(
        catalogue, profile, level, said):
    result = advise(catalogue, aim=Aim.APPRENTICESHIP, **profile)
    assert result.recommended_level == level
    (step,) = [s for s in result.next_steps if "apprenticeship" in s.message.casefold()
               and ("ST0072" in s.message or "standard" in s.message)]
    assert step.message.startswith(said)
    # What the standard asks before its assessment (English and maths), where it is named:
    # most of all for the school leaver below it, preparing for one.
    assert ("Level 1 English and maths achieved and Level 2 attempted" in step.message) is (
        level in (1, 2))
    standards = ["external-facts.md § M. SASE / standards context (England)"]
    latest = {level: [c.label() for c in f.source] for f in catalogue.frameworks.values()
              if f.reference == "FR03058" for level in (f.level,)}
    assert [c.label() for c in step.source] == {
        1: [*standards, *latest[2]], 2: [*standards, *latest[2]], 3: latest[3]}[level]
    # Without an aim: not first; for someone not in work, last, as one more way in.
    unaimed = [s.message for s in advise(catalogue, **profile).next_steps]
    about_standards = [n for n, s in enumerate(unaimed) if "standard" in s]
    assert about_standards == ([len(unaimed) - 1] if profile.get("employment")
                               is Employment.NOT_WORKING else [])


@pytest.mark.parametrize(("level", "profile"), [
    (1, {"age": 16, "employment": Employment.NOT_WORKING}),
    (2, {"age": 30, "employment": Employment.WORKING}),
    (3, {"age": 30, "employment": Employment.WORKING, "role": "Customer Service Team Leader"}),
])
def test_next_steps__while_a_source_shows_the_frameworks_in_use_the_framework_comes_first(
        catalogue, level, profile):
    """On 1 June 2015 the 2014 frameworks were in use (their England copy was still being
    amended on 22 August 2017): the next step asks about an apprenticeship on the framework,
    and names the standard only as what came later, not as one to ask about."""
    result = recommend(catalogue, Profile(aim=Aim.APPRENTICESHIP, **profile),
                       as_at=dt.date(2015, 6, 1))
    assert result.recommended_level == level
    (step,) = [s.message for s in result.next_steps if "followed frameworks" in s.message]
    assert (f"On 1 June 2015 apprenticeships in England followed frameworks: at Level "
            f"{max(level, 2)}, the ") in step
    assert "which the sources show still in use on 22 August 2017" in step
    assert "about an apprenticeship on it" in step
    assert "Practitioner apprenticeship" not in step
    # The day after the last the sources show, the standard is what to ask about at Level 2.
    later = recommend(catalogue, Profile(aim=Aim.APPRENTICESHIP, **profile),
                      as_at=dt.date(2017, 8, 23))
    assert not any("followed frameworks" in s.message for s in later.next_steps)


def test_recommend__unknown_role_gets_suggestions_and_no_level(catalogue):
    result = advise(catalogue, role="call centre operater")
    assert result.recommended_level is None
    caution = next(f for f in result.cautions if f.code == "role-not-listed")
    assert "Call Centre Operators (Level 2)" in caution.message
    assert "not-enough-to-recommend" in codes(result.cautions)
    assert result.options == ()


def test_recommend__all_closed_says_so_and_names_the_replacement(tmp_path):
    catalogue = load_catalogue(write_catalogue(tmp_path, {"qualifications/ab-003.yaml": REPLACED}))
    result = recommend(catalogue, Profile(held_qualifications=("ab-001",)), as_at=TODAY)
    assert result.recommended_level == 2
    (caution,) = [f for f in result.cautions if f.code == "all-closed"]
    assert caution.message == (
        "Every qualification at Level 2 in the catalogue had closed to new learners by "
        "22 November 2026. What replaced them, from the sources: Level 2 Award in Testing (003) "
        "by Level 3 Certificate in Testing (002)."
    )
    assert labels(caution) == ["doc.txt § Dates"]


def test_recommend__working_with_nothing_else_points_to_level_2(catalogue):
    result = advise(catalogue, employment=Employment.WORKING)
    assert result.recommended_level == 2
    (reason,) = result.reasons
    assert reason.code == "working" and reason.level == 2
    # The handbook that says so is 09628's, which has closed: the reason says both, so that it
    # does not read as advice to take 09628.
    assert reason.message == (
        "Works in a job that involves customer service: Level 2 is written for people starting "
        "or already doing such a job, as the handbook of OCR Level 2 Certificate in Principles "
        "of Customer Service (09628) says (09628 itself has closed to new learners).")
    assert labels(reason) == ["001_1a36f8904fba0327.txt § 2.3 Target market"]
    while_open = recommend(catalogue, Profile(employment=Employment.WORKING),
                           as_at=dt.date(2015, 6, 1))
    assert "(09628) at Level 2 is written for people" in while_open.reasons[0].message


def test_recommend__a_qualification_the_documents_do_not_describe_counts_by_its_level(
        catalogue, capsys):
    """Another awarding body's Level 2 NVQ: the learner says so by its level, and hears what
    holding a Level 2 means, as for one in the documents."""
    result = advise(catalogue, employment=Employment.WORKING, other_held_levels=(2,))
    assert result.recommended_level == 2
    held = next(f for f in result.reasons if f.code == "holds-qualification")
    assert held.message == ("Already holds a Level 2 customer service qualification that these "
                            "documents do not describe; the new one should be at Level 2 or "
                            "above.")
    assert "holds-at-level" in codes(result.cautions)
    assert "no-automatic-move-up" in codes(result.cautions)
    assert advise(catalogue, other_held_levels=(3,)).recommended_level == 3
    assert main(["recommend", "--other-level", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["recommended_level"], out["profile"]["other_levels"]) == (3, [3])


def test_recommend__one_of_the_same_kind_and_level_as_one_held_is_said_to_repeat_it(catalogue):
    """Holding 09628 (Level 2, knowledge): OCN London's Level 2 Principles certificate would
    largely repeat it, as the caution says; it is marked so, and listed after the others."""
    result = advise(catalogue, employment=Employment.WORKING, held_qualifications=("ocr-09628",))
    assert result.recommended_level == 2
    ids = [o.qualification.id for o in result.options]
    principles = next(o for o in result.options
                      if o.qualification.id == "ocnlr-l2-certificate-principles-customer-service")
    assert principles.aim_note == (
        "It is of the same kind (knowledge) and level as OCR Level 2 Certificate in Principles "
        "of Customer Service (09628), which the learner holds: it would largely repeat it.")
    assert principles.fits_aim is None  # no aim given: said, not judged
    assert ids.index(principles.qualification.id) > ids.index("ocr-03455")
    wanting_knowledge = advise(catalogue, employment=Employment.WORKING, aim=Aim.KNOWLEDGE,
                               held_qualifications=("ocr-09628",))
    principles = next(o for o in wanting_knowledge.options
                      if o.qualification.id == principles.qualification.id)
    assert principles.fits_aim is False
    # A competence qualification at the level does not repeat a knowledge one.
    nvq = next(o for o in result.options if o.qualification.id == "ocr-03455")
    assert "repeat" not in nvq.aim_note


def test_recommend__level_4_is_no_step_up_for_someone_not_in_a_senior_role(catalogue):
    """Holding 09629 at Level 3 without a senior role: the answer says "not Level 4", so the
    caution about repeating Level 3 does not call Level 4 the step up (before, it did)."""
    result = advise(catalogue, employment=Employment.WORKING, senior_role=False,
                    held_qualifications=("ocr-09629",))
    assert result.recommended_level == 3
    (repeat,) = [c for c in result.cautions if c.code == "holds-at-level"]
    assert repeat.message.startswith("Already holds OCR Level 3 Certificate in Principles")
    assert "step up" not in repeat.message


def test_recommend__a_level_held_is_not_offered_again_as_what_replaced_it(catalogue):
    """An NVQ holder at Level 2 hears that another Level 2 of that kind would repeat it, and
    what replaced their NVQ is not offered as a fit."""
    result = advise(catalogue, employment=Employment.WORKING, role="Call Centre Advisor",
                    held_qualifications=("ocr-03455",), aim=Aim.COMPETENCE)
    assert result.recommended_level == 2
    (repeat,) = [c for c in result.cautions if c.code == "holds-at-level"]
    assert repeat.message == (
        "Already holds OCR Level 2 NVQ Certificate in Customer Service (03455) at Level 2: "
        "another Level 2 qualification of the same kind (competence, such as an NVQ) would "
        "largely repeat it. If the learner's work is ready for it, Level 3 is the step up: plan "
        "a route from what they hold to see it.")
    replacement = next(o for o in result.options if o.qualification.id == "ocr-10379")
    assert replacement.fits_aim is False
    assert replacement.aim_note.startswith(
        "It replaces OCR Level 2 NVQ Certificate in Customer Service (03455), which the learner "
        "holds, in the Level 2 apprenticeship framework (as the sources suggest): its "
        "competence part (assessed at work) would repeat "
        "what they already have, and its knowledge part would be new.")
    assert result.options[0].qualification.id != "ocr-10379"
    # For an apprenticeship, what replaced 09628 may be the very component needed: not
    # marked as a repeat; with no aim, said but not judged.
    apprentice = recommend(catalogue, Profile(held_qualifications=("ocr-09628",),
                                              aim=Aim.APPRENTICESHIP), as_at=dt.date(2015, 6, 1))
    combined = next(o for o in apprentice.options if o.qualification.id == "ocr-10379")
    assert combined.fits_aim is not False and "would repeat" not in combined.aim_note
    no_aim = advise(catalogue, held_qualifications=("ocr-09628",))
    combined = next(o for o in no_aim.options if o.qualification.id == "ocr-10379")
    assert combined.fits_aim is None and "would repeat" in combined.aim_note
    # What replaced a knowledge certificate combines knowledge and competence: for someone who
    # wants competence it adds just that, so it is no repeat; for someone who wants knowledge
    # again, it largely is.
    for aim, largely in ((Aim.COMPETENCE, False), (Aim.KNOWLEDGE, True)):
        wanting = advise(catalogue, employment=Employment.WORKING, role="Call Centre Operator",
                         held_qualifications=("ocr-09628",), aim=aim)
        combined = next(o for o in wanting.options if o.qualification.id == "ocr-10379")
        assert "its knowledge part would repeat what they already have, and its competence " \
            "part (assessed at work) would be new" in combined.aim_note
        assert (combined.fits_aim is False) is largely
    # Holding both 09628 and 03455, both parts of 10379 are held: largely a repeat, whatever
    # the learner wants.
    both = advise(catalogue, employment=Employment.WORKING, role="Call Centre Operator",
                  held_qualifications=("ocr-09628", "ocr-03455"), aim=Aim.COMPETENCE)
    combined = next(o for o in both.options if o.qualification.id == "ocr-10379")
    assert combined.fits_aim is False
    assert "much of it would repeat what they already have" in combined.aim_note
    assert "would be new" not in combined.aim_note
    # Holding nothing at the level suggested: no such caution.
    below = advise(catalogue, employment=Employment.WORKING, role="Team Leader",
                   held_qualifications=("ocr-03455",))
    assert below.recommended_level == 3
    assert "holds-at-level" not in codes(below.cautions)



def test_recommend__open_on_the_date_with_no_age_is_not_called_unconfirmed(catalogue):
    # On 1 October 2015 09628 took new learners; with no age given the learner's own start
    # depends on their age, but the qualification is open, and the advice must say so.
    result = recommend(catalogue, Profile(employment=Employment.WORKING),
                       as_at=dt.date(2015, 10, 1))
    by_id = {o.qualification.id: o for o in result.options}
    principles = by_id["ocr-09628"]
    assert principles.open_on_date and principles.can_start is None
    assert principles.eligibility.depends_on == ("age",)
    assert "none-confirmed-open" not in codes(result.cautions)
    assert any("about enrolling on OCR Level 2 Certificate in Principles of Customer Service "
               "(09628): open to new learners on 1 October 2015 (ask them to confirm the learner "
               "can start: it depends on their age)" in step.message for step in result.next_steps)
    aged = recommend(catalogue, Profile(employment=Employment.WORKING, age=30),
                     as_at=dt.date(2015, 10, 1))
    assert {o.qualification.id: o for o in aged.options}["ocr-09628"].can_start is True

IN_WORK = """\
id: ab-003
awarding_body: AB
code: "003"
title: Level 2 Award in Serving Customers
level: 2
structure: unknown
source: doc.txt § Profile
suitable_for:
  points:
    - people who already serve customers in their job
  source: doc.txt § Who it is for
for_people_in_work: true
"""

STARTING_WORK = """\
suitable_for:
  points:
    - starting work in a job that involves customer service
  source: doc.txt § Target market
"""


def test_recommend__for_people_in_work_follows_the_field_not_the_wording(tmp_path):
    from tests.support.catalogues import QUALIFICATION

    files = {"qualifications/ab-001.yaml": QUALIFICATION + STARTING_WORK,
             "qualifications/ab-003.yaml": IN_WORK}
    catalogue = load_catalogue(write_catalogue(tmp_path, files))
    result = recommend(catalogue, Profile(employment=Employment.WORKING), as_at=TODAY)
    (reason,) = result.reasons
    assert reason.code == "working" and reason.level == 2
    assert reason.message.startswith("Works in a job that involves customer service: Level 2 "
                                     "Award in Serving Customers (003) at Level 2")
    assert labels(reason) == ["doc.txt § Who it is for"]

    # Without the field, "starting work" in ab-001's statement is not enough.
    files["qualifications/ab-003.yaml"] = IN_WORK.replace("for_people_in_work: true\n", "")
    catalogue = load_catalogue(write_catalogue(tmp_path / "unmarked", files))
    result = recommend(catalogue, Profile(employment=Employment.WORKING), as_at=TODAY)
    assert result.reasons == ()
    assert result.recommended_level is None


# ------------------------------------------------------------------------------------------ CLI


def test_cli_recommend__json(capsys):
    code = main(["recommend", "--role", "Call Centre Operator", "--employment", "working",
                 "--age", "20", "--has", "09628", "--as-at", "2026-11-22", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["recommended_level"] == 2
    assert out["reasons"][0]["source"]
    assert {"id", "code", "title", "level", "eligible", "status"} <= set(out["qualifications"][0])
    assert "ocr-09628" not in [q["id"] for q in out["qualifications"]]
    assert {c["code"] for c in out["cautions"]} >= {"no-automatic-move-up"}
    assert out["role_match"]["roles"][0]["title"] == "Call Centre Operators"


def test_cli_recommend__text(capsys):
    assert main(["recommend", "--role", "Postman", "--employment", "working",
                 "--as-at", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Suggested starting level: Level 2\n")
    # Sources people can read: the document's title and date, not its file name.
    assert ("source: OCR student guide: Level 3 NVQ Diploma in Customer Service (03456), 2011, "
            "§ JOB ROLES AND PROGRESSION") in out
    assert ".txt" not in out


def test_cli_recommend__unknown_qualification_and_bad_statement_exit_2(capsys):
    assert main(["recommend", "--has", "0962"]) == 2
    assert "09628" in capsys.readouterr().err
    assert main(["recommend", "--responsibility", "zzz"]) == 2
    assert "choose from" in capsys.readouterr().err


def test_cli_recommend__lists_the_level_3_statements(capsys):
    assert main(["recommend", "--list-responsibilities"]) == 0
    out = capsys.readouterr().out
    assert "can influence what happens at work" in out


def test_recommend__without_checking_options_gives_the_same_advice(catalogue):
    profile = Profile(role="Call Centre Operator", employment=Employment.WORKING, age=20,
                      held_units=("D/502/9654",), held_qualifications=("ocr-09629",))
    full = recommend(catalogue, profile, as_at=TODAY)
    quick = recommend(catalogue, profile, as_at=TODAY, check_options=False)
    assert (quick.recommended_level, quick.reasons, quick.cautions) == (
        full.recommended_level, full.reasons, full.cautions)
    assert {o.qualification.id for o in quick.options} == {o.qualification.id for o in full.options}
    assert all(o.check is None for o in quick.options)
    assert all(o.check is not None for o in full.options)


def test_recommend__not_yet_open_is_not_called_unknown(catalogue):
    result = recommend(catalogue, Profile(employment=Employment.NOT_WORKING),
                       as_at=dt.date(2014, 1, 1))
    (caution,) = [f for f in result.cautions if f.code == "none-confirmed-open"]
    # 601/4404/X opened later that year, and 10378 was launched in the autumn of 2014.
    assert ("601/4404/X and 10378 had not opened yet and for 03454 the sources do not give "
            "enough") in caution.message


def test_next_steps__a_step_below_the_level_suggested_comes_after_what_to_do_at_it(catalogue):
    """Holding 09628 and suggested Level 3, the first thing to read is about Level 3 (09628's
    documented step to 09629, and what replaced it), not its step back to the Level 2 NVQ,
    which comes after what to ask about Level 3. The credits the units are worth are not
    counted towards 09629, whose certificates have ended."""
    result = advise(catalogue, role="Customer Service Team Leader",
                    employment=Employment.WORKING, held_qualifications=("ocr-09628",))
    assert result.recommended_level == 3
    messages = [s.message for s in result.next_steps]
    to_level_3 = next(n for n, m in enumerate(messages) if "Level 3 Certificate in" in m)
    to_level_2 = next(n for n, m in enumerate(messages) if "Level 2 NVQ" in m)
    ask = next(n for n, m in enumerate(messages) if m.startswith("Ask "))
    assert to_level_3 < ask < to_level_2
    assert not any("credits of OCR Level 3 Certificate" in m for m in messages)


def test_next_steps__open_to_new_learners_but_not_to_this_one_says_why(catalogue):
    result = recommend(catalogue, Profile(age=14, employment=Employment.WORKING),
                       as_at=dt.date(2016, 6, 1))
    (step,) = [s for s in result.next_steps if "but not this learner" in s.message]
    assert step.message.startswith(
        "OCR Level 2 Certificate in Principles of Customer Service (09628) takes new learners on "
        "1 June 2016, but not this learner: Not approved for learners aged 14 (age group pre-16)")
    assert not any("can be confirmed open" in s.message for s in result.next_steps)


def test_next_steps__no_apprenticeship_at_level_4_is_said_without_inventing_one(catalogue):
    result = advise(catalogue, employment=Employment.WORKING, role="Customer Service Manager",
                    senior_role=True, aim=Aim.APPRENTICESHIP)
    assert result.recommended_level == 4
    assert any(s.message.startswith("No apprenticeship in these documents is at Level 4")
               for s in result.next_steps)
    assert not any("Level 4 Customer Service framework" in s.message for s in result.next_steps)


def test_eligibility__the_age_is_not_asked_for_where_it_would_not_settle_it(catalogue):
    q = catalogue.find_qualification("09628")
    silent = q.model_copy(update={"ages": None})  # as for a qualification only the register has
    result = check_eligibility(catalogue, silent, as_at=dt.date(2016, 6, 1))
    assert result.eligible is None and result.depends_on == ()
    # Open on the date: that much is known, and said first.
    assert result.summary == ("Open to new learners on this date; whether this learner can "
                              "start cannot be confirmed from the sources: check with the "
                              "awarding body.")
    rule = catalogue.find_qualification("10381").role_requirement
    assert rule is not None
    asks_seniority = q.model_copy(update={"role_requirement": rule})  # open, age approved
    senior = check_eligibility(catalogue, asks_seniority, age=30, as_at=dt.date(2016, 6, 1))
    assert senior.depends_on == ("senior role",)
    assert senior.depends_on_words("your") == "whether your job is a senior role"


def test_options__count_the_mandatory_units_of_a_qualification_held(catalogue):
    """09628 and 09629 share D/502/9654: holding 09628 counts 5 of 09629's 17 credits, as
    carry-over, routes and intakes count them."""
    result = recommend(catalogue, Profile(held_qualifications=("ocr-09628",),
                                          employment=Employment.WORKING, role="Team Leader"),
                       as_at=dt.date(2015, 3, 1))
    option = next(o for o in result.options if o.qualification.id == "ocr-09629")
    assert (option.check.credits_counted, option.check.credits_required) == (5, 17)


def test_next_steps__for_an_apprenticeship_where_apprenticeships_stand_comes_first(catalogue):
    """A school leaver who wants an apprenticeship is placed at Level 1, where no framework
    is: the standard at Level 2 (ST0072) is their first next step, not their last."""
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=TODAY)
    assert result.recommended_level == 1
    assert "Customer Service Practitioner (ST0072)" in result.next_steps[0].message
    assert all("ST0072" not in step.message for step in result.next_steps[1:])


def test_recommend__work_described_for_someone_not_working_is_a_caution_not_a_level(catalogue):
    """The Level 3 descriptions and the job roles describe a learner's work: for someone not
    working now they do not set the level (as a senior role does not), and say so."""
    result = advise(catalogue, employment=Employment.NOT_WORKING, role="Team Leader",
                    responsibilities=FOUR_STATEMENTS)
    assert result.recommended_level == 1
    set_aside = [f for f in result.cautions if f.code == "work-not-counted"]
    assert len(set_aside) == 2
    assert all(f.message.startswith("Not counted towards the level, as the learner is not "
                                    "working now:") for f in set_aside)
    working = advise(catalogue, employment=Employment.WORKING, role="Team Leader")
    assert working.recommended_level == 3


def test_recommend__below_the_apprenticeships_the_aim_says_where_they_start(catalogue):
    """A school leaver not working who wants an apprenticeship is suggested Level 1: the
    caution says the apprenticeships start at Level 2, not only that nothing fits the aim."""
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=TODAY)
    assert result.recommended_level == 1
    (aim,) = [f for f in result.cautions if f.code == "aim-not-met-at-level"]
    assert aim.message == (
        "None of these Level 1 qualifications is part of an apprenticeship: the apprenticeships "
        "in these documents start at Level 2, as a job with training (see the next steps). "
        "These can prepare for one.")
    assert aim.source
    # At a level with apprenticeships, an aim nothing fits is said as before.
    knowledge = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                             aim=Aim.COMPETENCE), as_at=TODAY)
    assert all("apprenticeship" not in f.message for f in knowledge.cautions
               if f.code == "aim-not-met-at-level")


def test_next_steps__before_the_framework_was_issued_apprenticeships_followed_frameworks(
        catalogue):
    """On 1 June 2014 FR03058 (issued 29 August 2014) was still to come, and the standard
    after it: "now follow apprenticeship standards" would be false on that date."""
    result = recommend(catalogue, Profile(age=19, employment=Employment.WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=dt.date(2014, 6, 1))
    first = result.next_steps[0].message
    # The framework in force then, and nothing of what came after it.
    assert first.startswith("On 1 June 2014 apprenticeships in England followed frameworks. "
                            "At Level 2 these documents describe the Apprenticeship in Customer "
                            "Service (Intermediate) (Level 2, with 09628 and 03455), but not "
                            "when it was issued, so whether it was in use on 1 June 2014 is not "
                            "known. Ask an employer")
    assert "FR03058" not in first and "ST0072" not in first
    assert "now follow" not in first
    today = recommend(catalogue, Profile(age=19, employment=Employment.WORKING,
                                         aim=Aim.APPRENTICESHIP), as_at=TODAY)
    assert "Apprenticeships in England later moved" in today.next_steps[0].message
    # In 2015 FR03058 was in use (a framework issued in 2014): nothing says the standard had
    # taken its place by then, so nothing is said to be "now".
    in_2015 = recommend(catalogue, Profile(age=19, employment=Employment.WORKING,
                                           aim=Aim.APPRENTICESHIP), as_at=dt.date(2015, 6, 1))
    assert "now" not in in_2015.next_steps[0].message.split()


def test_options__a_qualification_in_a_related_field_is_said_to_be_one_and_comes_last(catalogue):
    """OCN London names its Level 2 Diploma in Business Administration as a progression beside
    its Customer Service qualifications: offered at Level 2, it says it is in a related field,
    does not fit a Customer Service aim, and follows every Customer Service option of its
    status on the date."""
    admin = "ocnlr-l2-diploma-business-administration"
    result = advise(catalogue, employment=Employment.WORKING, age=17,
                    role="Sales Assistant/Personal Shopper")
    assert result.recommended_level == 2
    ids = [o.qualification.id for o in result.options]
    option = result.options[ids.index(admin)]
    assert option.aim_note.startswith("In a related field, business administration, not "
                                      "customer service itself")
    same_status = [o.qualification.id for o in result.options
                   if o.eligibility.status.status is option.eligibility.status.status]
    assert same_status[-1] == admin
    aimed = advise(catalogue, employment=Employment.WORKING, age=17, aim=Aim.KNOWLEDGE,
                   role="Sales Assistant/Personal Shopper")
    assert next(o for o in aimed.options if o.qualification.id == admin).fits_aim is False


@pytest.mark.parametrize(("aim", "as_at", "ask_about", "open_but_not_wanted"), [
    # March 2013: 09629 (knowledge) is open (OCR's report of September 2012 shows it in use);
    # 03456, the NVQ, is what fits, its status not given.
    (Aim.COMPETENCE, dt.date(2013, 3, 1), "OCR Level 3 NVQ Diploma in Customer Service (03456)",
     "a competence qualification, such as an NVQ"),
    # Autumn 2015: 09629 is open, but 10380 had taken its place in the apprenticeship, and
    # whether it still took learners after OCR's report on 2014-2015 is not given.
    (Aim.APPRENTICESHIP, dt.date(2015, 10, 1), "OCR Level 3 Diploma in Customer Service (10380)",
     "part of an apprenticeship"),
])
def test_next_steps__what_is_open_but_not_wanted_is_not_the_next_step(
        catalogue, aim, as_at, ask_about, open_but_not_wanted):
    result = recommend(catalogue, Profile(age=30, employment=Employment.WORKING,
                                          role="Customer Service Team Leader", aim=aim),
                       as_at=as_at)
    steps = [s.message for s in result.next_steps]
    day = uk_date(as_at)
    assert (f"None of the Level 3 qualifications open to new learners on {day} is "
            f"{open_but_not_wanted}. Ask a local college or training provider (a centre), or a "
            f"careers adviser at the National Careers Service whether {ask_about} is offered: "
            f"the sources do not say whether it is open on {day}.") in steps
    assert (f"OCR Level 3 Certificate in Principles of Customer Service (09629) is open to new "
            f"learners on {day}, but does not fit what the learner asked for "
            f"({open_but_not_wanted}): choose it only if that suits this learner.") in steps
    assert not [s for s in steps if "about enrolling on" in s]
    # Without an aim, the open one is the step.
    plain = recommend(catalogue, Profile(age=30, employment=Employment.WORKING,
                                         role="Customer Service Team Leader"), as_at=as_at)
    assert any("about enrolling on OCR Level 3 Certificate in Principles of Customer Service "
               "(09629)" in s.message for s in plain.next_steps)


def test_next_steps__what_gives_the_aim_but_repeats_what_is_held_is_not_said_to_be_missing(
        catalogue):
    """Holding 03456 (a Level 3 NVQ) and wanting competence, in June 2015 10380 gives
    competence but would largely repeat 03456: the next step says so, not that nothing open
    at Level 3 is a competence qualification (and then to ask for one); 09629, knowledge, is
    the one that does not fit what was asked for."""
    day = dt.date(2015, 6, 1)
    result = recommend(catalogue, Profile(age=40, employment=Employment.WORKING,
                                          role="Department Manager", senior_role=False,
                                          held_qualifications=("ocr-03456",),
                                          aim=Aim.COMPETENCE), as_at=day)
    steps = [s.message for s in result.next_steps]
    assert not [s for s in steps if s.startswith("None of the Level 3")]
    assert steps[0] == (
        "OCR Level 3 Diploma in Customer Service (10380) is open to new learners on 1 June 2015 "
        "and gives competence, but would largely repeat what the learner already holds (see the "
        "note on it). Ask a local college or training provider (a centre), or a careers adviser "
        "at the National Careers Service what would take them further than what they hold.")
    assert steps[1].startswith("OCR Level 3 Certificate in Principles of Customer Service "
                               "(09629) is open to new learners on 1 June 2015, but does not "
                               "fit what the learner asked for")


def test_next_steps__in_june_2015_the_apprenticeship_qualification_is_the_one_to_ask_for(
        catalogue):
    """OCR's report on 2014-2015 describes learners on 10380 that year, and apprentices had to
    be enrolled on it: in June 2015 a Level 3 apprentice is told to ask about 10380, open on
    the date as far as the sources show, not that nothing open is part of an apprenticeship."""
    day = dt.date(2015, 6, 1)
    result = recommend(catalogue, Profile(age=30, employment=Employment.WORKING,
                                          role="Customer Service Team Leader",
                                          aim=Aim.APPRENTICESHIP), as_at=day)
    ten_380 = next(o for o in result.options if o.qualification.id == "ocr-10380")
    assert ten_380.open_on_date and ten_380.fits_aim
    steps = [s.message for s in result.next_steps]
    assert any("about enrolling on OCR Level 3 Diploma in Customer Service (10380)" in s
               for s in steps)
    assert not any(s.startswith("None of the Level 3 qualifications open") for s in steps)


def test_next_steps__a_school_leaver_who_has_not_said_what_they_want_hears_of_apprenticeships(
        catalogue):
    """A 17-year-old not in work, no aim given: nothing at Level 1 can be confirmed open today,
    so an apprenticeship (a job with training) is named as one more way in, last; not for
    someone who said what they want, nor for someone in work."""
    def steps(**profile):
        return [s.message for s in advise(catalogue, age=17, **profile).next_steps]

    leaver = steps(employment=Employment.NOT_WORKING)
    assert leaver[-1].startswith("An apprenticeship is a job with training towards a "
                                 "qualification. The apprenticeships in these documents start "
                                 "at Level 2")
    assert not any(s.startswith("An apprenticeship is") for s in steps(
        employment=Employment.NOT_WORKING, aim=Aim.KNOWLEDGE))
    assert not any(s.startswith("An apprenticeship is") for s in steps(
        employment=Employment.WORKING))


def test_next_steps__below_every_apprenticeship_what_is_open_prepares_for_one(catalogue):
    """Level 1, wanting an apprenticeship (they start at Level 2): the open Level 1
    qualification is the step to take, not one that "does not fit"."""
    day = dt.date(2016, 1, 1)
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=day)
    steps = [s.message for s in result.next_steps]
    assert steps[0].startswith("The apprenticeships in these documents start at Level 2. On 1 "
                               "January 2016 apprenticeships in England followed frameworks: at "
                               "Level 2, the Intermediate Apprenticeship in Customer Service")
    assert any("about enrolling on OCNLR Level 1 Certificate in Customer Service (601/4404/X)"
               in s for s in steps)
    assert not [s for s in steps if "does not fit" in s or "that are part of" in s]


def test_next_steps__what_would_fit_but_opens_later_is_named_with_when(catalogue):
    """30 August 2014, an apprenticeship at Level 3: 10380 would fit, launched in the autumn."""
    result = recommend(catalogue, Profile(age=30, employment=Employment.WORKING,
                                          role="Customer Service Team Leader",
                                          aim=Aim.APPRENTICESHIP), as_at=dt.date(2014, 8, 30))
    assert any("OCR Level 3 Diploma in Customer Service (10380) would be, but it had not "
               "opened yet on 30 August 2014 (launched in the autumn of 2014)." in s.message
               for s in result.next_steps)


def test_next_steps__a_replacement_of_another_kind_is_said_to_be_so(catalogue):
    """A team leader after knowledge on today's date: 09629 (17 credits, knowledge) and 03456
    have closed and 10380 took their place, but it is knowledge and competence in one, its
    competence assessed at work; the step says so before asking about it."""
    result = recommend(catalogue, Profile(age=35, employment=Employment.WORKING,
                                          role="Call centre team leader", aim=Aim.KNOWLEDGE),
                       as_at=dt.date(2026, 12, 1))
    (step,) = [s.message for s in result.next_steps if "replaced them" in s.message]
    assert ("It is not like for like: 10380 is knowledge and competence in one, its competence "
            "assessed at work; the sources give no credit total for 10380 (the national "
            "structure S/016/609, which it is inferred to follow, needs 55 credits), against "
            "09629: 17 credits; 03456: 42 credits. Ask whether 10380") in step


def test_recommend__holding_the_only_level_4_qualification_is_not_told_there_is_none(
        catalogue):
    """Holding 10381: Level 4 is suggested and 10381 is not offered again, but the catalogue
    does hold it; the caution says so, and that Level 4 is the highest level here."""
    result = recommend(catalogue, Profile(employment=Employment.WORKING,
                                          held_qualifications=("ocr-10381",)), as_at=TODAY)
    assert result.recommended_level == 4
    (said,) = [f.message for f in result.cautions if f.code == "nothing-at-level"]
    assert said == ("Besides 10381, which the learner holds, the catalogue holds no "
                    "qualification at Level 4, the highest level in these documents.")


def test_next_steps__what_gives_the_aim_is_named_where_nothing_is_confirmed_open(catalogue):
    """A customer service agent after knowledge today: nothing at Level 2 is confirmed open,
    but OCN London's Level 2 knowledge certificate, first in the table, gives what they asked
    for; the next steps name it to ask about, not only 10379, which replaced 09628."""
    result = recommend(catalogue, Profile(age=25, employment=Employment.WORKING,
                                          role="Customer Service Agents", aim=Aim.KNOWLEDGE),
                       as_at=dt.date(2026, 12, 1))
    said = [s.message for s in result.next_steps]
    (named,) = [s for s in said if s.startswith("Of those, ")]
    assert named.startswith("Of those, OCNLR Level 2 Certificate in Principles of Customer "
                            "Service (OCNLR L2 Principles)")
    assert "give knowledge as the learner asked: ask whether they are still offered" in named
    assert said.index(named) == 1


def test_next_steps__holding_the_kind_wanted_at_the_level_points_a_level_up(catalogue):
    """Holding 03456 and wanting competence: Level 3 is suggested, and 10380 would largely
    repeat 03456, so nothing there fits; the next steps name 10381, the competence
    qualification at Level 4, with its senior-role condition, not a dead end."""
    result = recommend(catalogue, Profile(employment=Employment.WORKING,
                                          held_qualifications=("ocr-03456",),
                                          aim=Aim.COMPETENCE), as_at=dt.date(2026, 12, 1))
    assert result.recommended_level == 3
    (further,) = [s for s in result.next_steps if s.message.startswith("Further in competence")]
    assert ("OCR Level 4 NVQ Diploma Customer Service (10381) at Level 4 (learners must be "
            "working in a senior role") in further.message
    assert further.source
    # Wanting knowledge, with a knowledge qualification at the level to take: no such step.
    assert not any(s.message.startswith("Further in") for s in recommend(
        catalogue, Profile(employment=Employment.WORKING, held_qualifications=("ocr-03456",),
                           aim=Aim.KNOWLEDGE), as_at=dt.date(2015, 6, 1)).next_steps)


def test_recommend__a_lower_reason_under_a_higher_level_says_it_is_the_least(catalogue):
    """A senior role sets Level 4; working in customer service points to Level 2: that reason
    is kept (it rests on a source) but says it is the least, not a rival answer."""
    result = advise(catalogue, employment=Employment.WORKING, senior_role=True)
    assert result.recommended_level == 4
    (working,) = [f for f in result.reasons if f.code == "working"]
    assert working.message.endswith("That makes Level 2 the least; the answers above point "
                                    "higher.")
    assert result.reasons[-1] is working


def test_not_working__the_caution_names_the_knowledge_qualification_written_for_them(catalogue):
    """"A qualification of knowledge alone may suit better" names 09628 while a 16-year-old
    could start it (its handbook writes it for those preparing for employment), and names
    nothing once it has closed."""
    def at_work_caution(as_at):
        result = recommend(catalogue, Profile(age=16, employment=Employment.NOT_WORKING,
                                              aim=Aim.KNOWLEDGE), as_at=as_at)
        (caution,) = [c for c in result.cautions if "assessed at work" in c.message]
        return caution

    open_then = at_work_caution(dt.date(2015, 6, 1))
    assert open_then.message.endswith(
        "a qualification of knowledge alone may suit better: OCR Level 2 Certificate in "
        "Principles of Customer Service (09628), at Level 2 (a level above the one suggested), "
        "written among others for those "
        "\"preparing for employment in a job that involves customer service\" (open to new "
        "learners on 1 June 2015).")
    assert "001_1a36f8904fba0327.txt § 2.3 Target market" in labels(open_then)
    assert at_work_caution(TODAY).message.endswith("may suit better.")


def test_not_working__a_combined_qualification_offered_for_knowledge_says_it_needs_work(
        catalogue):
    """Wanting knowledge and not working, 10378 (knowledge and competence) is named as giving
    knowledge, and that its competence is assessed at work; working, nothing is added."""
    def step(employment):
        result = recommend(catalogue, Profile(age=16, employment=employment, aim=Aim.KNOWLEDGE),
                           as_at=TODAY)
        return next(s.message for s in result.next_steps if "as the learner asked" in s.message)

    assert ("gives knowledge as the learner asked, with competence assessed at work (a job or "
            "a work placement)") in step(Employment.NOT_WORKING)
    assert "assessed at work" not in step(Employment.WORKING)


def test_not_working__a_senior_role_said_before_does_not_open_level_4(catalogue):
    """Not working, a learner is in no senior role whatever was ticked: holding 10380, no step
    up to Level 4 is offered (its route would only say 10381 is not open to them)."""
    from advisor import RouteOfferKind

    result = recommend(catalogue, Profile(age=30, employment=Employment.NOT_WORKING,
                                          senior_role=True, held_qualifications=("ocr-10380",)),
                       as_at=dt.date(2026, 1, 10))
    assert RouteOfferKind.STEP_UP not in [o.kind for o in result.route_offers]


def test_next_steps__a_level_further_leaves_out_what_has_closed(catalogue):
    """Holding 09628 and wanting knowledge: on 2 December 2026 the step a level further names
    10380, not 09629, which closed to new learners at the end of 2016 (a learner would be sent
    to ask for a qualification nobody can start); on 1 June 2015, when 09629 was open, both."""
    def further(on: dt.date) -> str:
        result = recommend(catalogue, Profile(age=24, employment=Employment.WORKING,
                                              role="Call Centre Operators", senior_role=False,
                                              held_qualifications=("ocr-09628",),
                                              aim=Aim.KNOWLEDGE), as_at=on)
        (step,) = [s.message for s in result.next_steps if s.message.startswith("Further in")]
        return step

    today = further(dt.date(2026, 12, 2))
    assert "(09629)" not in today
    assert "OCR Level 3 Diploma in Customer Service (10380) at Level 3" in today
    assert today.endswith("about it.")
    earlier = further(dt.date(2015, 6, 1))
    assert "(09629) and OCR Level 3 Diploma in Customer Service (10380)" in earlier
    assert earlier.endswith("about them.")


def test_recommend__the_warning_not_to_move_up_automatically_speaks_in_the_pages_voice(catalogue):
    """Worded to the learner ("How old are you?"), the warning says "you are ready", not "a
    learner is ready" beside "the work you do now"; worded of them, "the learner is ready"."""
    profile = Profile(role="Customer Service Team Leader", employment=Employment.WORKING,
                      held_qualifications=("ocr-09628",))
    to_you = recommend(catalogue, profile, as_at=TODAY, voice=YOU_ON_SCREEN)
    warning = next(f for f in to_you.cautions if f.code == "no-automatic-move-up").message
    assert warning.startswith("Holding a qualification at one level does not mean you are "
                              "ready for the next: ")
    assert "a learner is" not in warning
    of_them = next(f for f in recommend(catalogue, profile, as_at=TODAY).cautions
                   if f.code == "no-automatic-move-up").message
    assert "does not mean the learner is ready for the next" in of_them


def test_recommend__not_senior_is_said_of_the_learner_in_the_pages_voice(catalogue):
    """The reason against Level 4 says whom it is about, as the other reasons do ("You work in
    ..."): "You are not in a senior role" to the learner, "The learner is not" for staff."""
    profile = Profile(role="Customer Service Team Leader", employment=Employment.WORKING,
                      senior_role=False)
    to_you = recommend(catalogue, profile, as_at=TODAY, voice=YOU_ON_SCREEN)
    reason = next(f for f in to_you.reasons if f.code == "not-senior-role").message
    assert reason.startswith("You are not in a senior role, so not Level 4: \"Learners must")
    of_them = next(f for f in recommend(catalogue, profile, as_at=TODAY).reasons
                   if f.code == "not-senior-role").message
    assert of_them.startswith("The learner is not in a senior role, so not Level 4: ")


def test_recommend__a_progression_to_a_closed_qualification_ends_in_something_to_do(catalogue):
    """Holding 09628, the documented step up is 09629, closed since 2016: the step names what
    replaced it, that it is not like for like, and what to ask, as the step about a closed
    option at the level does; it no longer stops at what the sources suggest."""
    result = advise(catalogue, age=24, employment=Employment.WORKING,
                    held_qualifications=("ocr-09628",))
    (step,) = [s.message for s in result.next_steps
               if "(09629) is closed to new learners" in s.message]
    assert "the sources suggest OCR Level 3 Diploma in Customer Service (10380) replaced it" in step
    assert "It is not like for like: 10380 is knowledge and competence in one" in step
    assert step.endswith("Ask whether 10380, or what replaced it since, is offered.")


@pytest.mark.parametrize("as_at", [TODAY, dt.date(2015, 6, 1)])
def test_recommend__not_working_aiming_for_competence_with_none_offered_at_work(catalogue,
                                                                                as_at):
    """Not working, aiming for competence, holding 10380 (so Level 3 and above): no
    qualification offered is assessed at work, and the caution about competence is given as a
    kind, naming none. Its wording once failed on the empty list of combined ones (an
    IndexError for every such learner, and for an intake row like them)."""
    result = recommend(catalogue, Profile(age=25, employment=Employment.NOT_WORKING,
                                          aim=Aim.COMPETENCE,
                                          held_qualifications=("ocr-10380",)), as_at=as_at)
    (caution,) = [c for c in result.cautions
                  if c.message.startswith("Competence (NVQ) qualifications are assessed at work")]
    assert "competence part of" not in caution.message


_CATALOGUE = load_catalogue()
_ROLES = sorted({r.title for r in _CATALOGUE.job_roles.values()})


@st.composite
def profiles(draw):
    """Any answers a person can give *Find a starting level*, a listed role or job or a typed
    one, with any of the catalogue's qualifications held."""
    employment = draw(st.none() | st.sampled_from(Employment))
    job = st.none() | st.sampled_from(_ROLES) | st.sampled_from(["barista", "helpdesk", "x"])
    return Profile(
        age=draw(st.none() | st.integers(14, 70)), employment=employment,
        role=draw(job) if employment is not Employment.NOT_WORKING else None,
        senior_role=draw(st.none() | st.booleans()),
        held_qualifications=tuple(draw(st.sets(st.sampled_from(sorted(
            _CATALOGUE.qualifications)), max_size=2))),
        other_held_levels=tuple(draw(st.sets(st.integers(1, 4), max_size=1))),
        aim=draw(st.none() | st.sampled_from(Aim)),
        job_wanted=draw(job) if employment is Employment.NOT_WORKING else None)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles(), as_at=st.sampled_from(
    [dt.date(2012, 1, 1), dt.date(2015, 6, 1), dt.date(2019, 1, 1), TODAY]),
    voice=st.sampled_from([None, YOU_ON_SCREEN]))
def test_recommend__every_answer_gives_a_recommendation_its_text_json_and_printout(
        profile, as_at, voice):
    """Whatever a person answers, on any date, the recommendation is worked out and said on
    screen, in the CLI's text and JSON and on the printout, without an error (a learner not
    working, aiming for competence and holding 10380 once raised one), or refused with an
    :class:`AnswerError` where it holds a qualification not yet open on the date."""
    try:
        result = recommend(_CATALOGUE, profile, as_at=as_at,
                           **({"voice": voice} if voice is not None else {}))
    except AnswerError as error:
        assert "had not opened yet" in str(error)
        return
    assert result.recommended_level is None or result.recommended_level in range(1, 9)
    assert text.recommendation_text(_CATALOGUE, result)
    json.dumps(json_shapes.recommendation_dict(_CATALOGUE, result))
    assert "<html" in action_plan_html(_CATALOGUE, ActionPlan(as_at=as_at,
                                                              recommendation=result))


AGES_09628 = "001_1a36f8904fba0327.txt § 2.1 Qualification profile"
AGES_CG_5530 = ('external-facts.md § F. QANs of equivalent 2014 Level 2 "combined" Diplomas in '
                "Customer Service")
AGES_601_4404_X = "004_70450870fa016f48.txt § Entry guidance"


def test_next_steps__under_16_wanting_an_apprenticeship_is_told_what_the_sources_say_of_ages(
        catalogue):
    """A 14-year-old who wants an apprenticeship: the sources give no age at which one can
    start, so the first next step says so, gives what they do say of the ages of the
    apprenticeship qualifications (09628 and City & Guilds' 2014 Level 2 Diploma are not
    approved under 16), what the learner can take at their age (601/4404/X, for all ages),
    and sends them to a careers adviser, not to an employer to start one now."""
    result = recommend(catalogue, Profile(age=14, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=TODAY)
    first = result.next_steps[0]
    assert "Ask an employer" not in first.message
    assert "could start a Customer Service Practitioner apprenticeship" not in first.message
    assert first.message.startswith("The sources give no age at which an apprenticeship can "
                                    "start.")
    assert ("OCR Level 2 Certificate in Principles of Customer Service (09628): 16-18, 18+ "
            "and 19+") in first.message
    assert "the City & Guilds version (601/3562/1): 16-18 and 19+" in first.message
    assert "none includes learners under 16" in first.message
    assert "Ask a careers adviser, at school or at the National Careers Service," in first.message
    assert ("OCNLR Level 1 Certificate in Customer Service (601/4404/X) is suitable for "
            "learners of all ages") in first.message
    sources = {c.label() for c in first.source}
    assert {AGES_09628, AGES_CG_5530, AGES_601_4404_X} <= sources
    # Not a word of it in the other next steps either.
    assert not any("Ask an employer" in s.message for s in result.next_steps)
    # A 16-year-old is past "pre-16": an employer can be asked, as before.
    sixteen = recommend(catalogue, Profile(age=16, employment=Employment.NOT_WORKING,
                                           aim=Aim.APPRENTICESHIP), as_at=TODAY)
    assert "Ask an employer" in sixteen.next_steps[0].message


def test_next_steps__under_16_not_working_with_no_aim_hears_the_same_of_apprenticeships(
        catalogue):
    """Not working and no aim given, the last next step says what an apprenticeship is; for
    a 15-year-old it says what the sources say of ages, as for one who wants one; and on a
    date before the 2014 framework, no employer is asked either."""
    result = recommend(catalogue, Profile(age=15, employment=Employment.NOT_WORKING),
                       as_at=TODAY)
    last = result.next_steps[-1].message
    assert last.startswith("An apprenticeship is a job with training towards a qualification. "
                           "The sources give no age at which an apprenticeship can start.")
    assert "Ask an employer" not in last
    before = recommend(catalogue, Profile(age=14, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=dt.date(2014, 6, 1))
    assert "Ask an employer" not in before.next_steps[0].message
    assert "no age at which an apprenticeship can start" in before.next_steps[0].message
    # 601/4404/X opened on 1 October 2014: on 1 June 2014 that is said, not left unsettled.
    assert ("(601/4404/X) is suitable for learners of all ages (centres must determine the "
            "suitability of units when delivering the qualification to learners aged pre-16), "
            "but on 1 June 2014 it had not opened yet (it opened on 1 October 2014)."
            ) in before.next_steps[0].message


def test_action_plan__under_16_wanting_an_apprenticeship_reads_the_same_next_step(catalogue):
    """The printout takes the engine's next step: to the learner, no employer to ask."""
    result = recommend(catalogue, Profile(age=14, employment=Employment.NOT_WORKING,
                                          aim=Aim.APPRENTICESHIP), as_at=TODAY,
                       voice=YOU_ON_SCREEN)
    page = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    assert "The sources give no age at which an apprenticeship can start." in page
    assert "Ask an employer" not in page
    assert "when you could start an apprenticeship" in page
