"""The job a learner not working would like (*Find a starting level*): the question, what the
documents say of the job, the qualifications towards it open on the date, in the page, its
address, the printout and the command line. It never changes the level suggested."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from advisor import (
    YOU_ON_SCREEN,
    ActionPlan,
    Employment,
    FindingCode,
    Profile,
    action_plan_html,
    decode_profile,
    encode_profile,
    labels,
    profile_answers,
    recommend,
)
from advisor.cli import main
from tests.support.app import all_text, open_with_link, texts

LEVEL = "app_pages/starting_level.py"
TODAY = dt.date(2026, 12, 2)
WHILE_OPEN = dt.date(2015, 6, 1)  # 09629 and 10380 both took new learners then
LEVEL_3_ABOUT = ("Customer Service Team Leader: the documents list it among their examples of "
                 "roles at Level 3 that need good customer service skills")


def not_working(**answers) -> Profile:
    return Profile(age=17, employment=Employment.NOT_WORKING, **answers)


# ------------------------------------------------------------------------------------ engine


def test_job_wanted__a_level_3_role_names_the_level_and_those_open_on_the_date(catalogue):
    result = recommend(catalogue, not_working(job_wanted="Customer Service Team Leader"),
                       as_at=WHILE_OPEN)
    (role,) = result.job_wanted.roles
    assert role.about.level == 3 and role.about.message.startswith(LEVEL_3_ABOUT)
    assert "They do not say the job needs a qualification." in role.about.message
    assert role.towards.message.startswith(
        "At Level 3, the level the documents list it at, open to new learners on 1 June 2015: "
        "OCR Level 3 Diploma in Customer Service (10380) and OCR Level 3 Certificate in "
        "Principles of Customer Service (09629).")
    assert [t.qualification.reference for t in role.qualifications] == ["10380", "09629",
                                                                        "03456"]


def test_job_wanted__today_none_is_confirmed_open_and_what_replaced_the_closed_is_said(
        catalogue):
    result = recommend(catalogue, not_working(job_wanted="Customer Service Team Leader"),
                       as_at=TODAY)
    message = result.job_wanted.roles[0].towards.message
    assert ("At Level 3, the level the documents list it at, no qualification can be confirmed "
            "open to new learners on 2 December 2026.") in message
    assert "Whether OCR Level 3 Diploma in Customer Service (10380) is open on 2 December 2026"\
        in message
    assert ("Closed to new learners by 2 December 2026: 03456 (the sources suggest 10380 "
            "replaced it); 09629 (the sources suggest 10380 replaced it).") in message


AT_WORK = ("is assessed at work: an assessor watches you do the job and colleagues act as "
           "witnesses")


@pytest.mark.parametrize(("as_at", "lead"), [
    # Today 03456 has closed, and 10380's status is not known: only 10380 is named.
    (TODAY, "The competence part of 10380, which combines knowledge and competence, is "
            "assessed at work: "),
    (WHILE_OPEN, "Competence (NVQ) qualifications, such as 03456, are assessed at work, and so "
                 "is the competence part of 10380, which combines knowledge and competence: "),
])
def test_job_wanted__each_qualification_towards_it_assessed_at_work_is_said_to_be(
        catalogue, as_at, lead):
    """A learner not working is told, of the job they would like, which of the qualifications
    towards it named as open or not known are assessed at work, in the words the options at
    the level suggested use and with the same source; a closed one is not offered, so not
    said."""
    result = recommend(catalogue, not_working(job_wanted="Customer Service Team Leader"),
                       as_at=as_at, voice=YOU_ON_SCREEN)
    (role,) = result.job_wanted.roles
    assert role.at_work.code is FindingCode.COMPETENCE_NEEDS_WORK
    assert role.at_work.message.startswith(f"{lead}an assessor watches you do the job")
    assert role.at_work.message.endswith(
        "Without a job or a work placement, a qualification of knowledge alone may suit "
        "better.")
    assert role.findings == (role.about, role.towards, role.at_work)
    options_caution = next(f for f in result.cautions
                           if f.code is FindingCode.COMPETENCE_NEEDS_WORK)
    how = role.at_work.message.split(": ", 1)[1].removesuffix(".")
    assert options_caution.message.split(": ", 1)[1].startswith(how)  # the same words
    assert role.at_work.source == options_caution.source[:len(role.at_work.source)] != ()


def test_job_wanted__no_caution_where_nothing_towards_it_is_assessed_at_work(catalogue):
    # The OCN London Level 1 Certificate's kind is not stated: nothing is claimed of it.
    result = recommend(catalogue, not_working(job_wanted="Call Centre Advisor"), as_at=TODAY)
    (role,) = result.job_wanted.roles
    assert role.at_work is None and role.findings == (role.about, role.towards)


def test_job_wanted__one_open_but_not_approved_for_the_learners_age_says_so(catalogue):
    """On 1 June 2015 09628 took new learners, but its sources approve it from 16: a
    14-year-old who would like a Level 2 job is told so beside "open to new learners", in the
    eligibility's words; a 16-year-old is not."""
    def towards(age: int) -> str:
        profile = Profile(age=age, employment=Employment.NOT_WORKING, job_wanted="Courier")
        return recommend(catalogue, profile, as_at=WHILE_OPEN).job_wanted.roles[0].towards.message

    assert ("open to new learners on 1 June 2015: OCR Level 2 Diploma in Customer Service "
            "(10379) and OCR Level 2 Certificate in Principles of Customer Service (09628). "
            "09628 is not approved for learners aged 14 (age group pre-16); approved for: "
            "16-18, 18+, 19+. Whether") in towards(14)
    assert "not approved" not in towards(16)


def test_job_wanted__never_changes_the_level_suggested(catalogue):
    """The documents tie the starting level to age, work and what is held; not to a wish."""
    for job in ("Customer Service Team Leader", "Department Manager", "astronaut"):
        wanting = recommend(catalogue, not_working(job_wanted=job), as_at=TODAY)
        assert wanting.recommended_level == 1
        assert wanting.reasons == recommend(catalogue, not_working(), as_at=TODAY).reasons


def test_job_wanted__a_job_after_the_level_1_certificate_has_no_level(catalogue):
    result = recommend(catalogue, not_working(job_wanted="call centre advisor"),
                       as_at=WHILE_OPEN)
    (role,) = result.job_wanted.roles
    assert role.about.level is None
    assert ("the documents list it among the jobs learners may progress to after OCNLR Level 1 "
            "Certificate in Customer Service (601/4404/X)") in role.about.message
    assert "they do not give it a level" in role.about.message
    assert ("open to new learners on 1 June 2015: OCNLR Level 1 Certificate in Customer Service "
            "(601/4404/X).") in role.towards.message


@pytest.mark.parametrize(("as_at", "towards"), [
    (WHILE_OPEN, "The qualification it follows is open to new learners on 1 June 2015: OCNLR "
                 "Level 1 Certificate in Customer Service (601/4404/X)."),
    (TODAY, "The qualification it follows cannot be confirmed open to new learners on 2 "
            "December 2026. Whether OCNLR Level 1 Certificate in Customer Service (601/4404/X) "
            "is open on 2 December 2026, the sources do not say"),
])
def test_job_wanted__a_job_after_a_qualification_reads_plainly(catalogue, as_at, towards):
    """The OCN London guide's jobs "such as" these are a list of examples, said as the Level 2
    and 3 lists are; what is open towards one names the qualification it follows once, not
    "Of 601/4404/X, after which ...: ... (601/4404/X)"."""
    (role,) = recommend(catalogue, not_working(job_wanted="Call Centre Advisor"),
                        as_at=as_at).job_wanted.roles
    assert "(a list of examples, not a complete one); they do not give it a level" in \
        role.about.message
    assert "such as" not in role.about.message
    assert role.towards.message.startswith(towards)
    assert role.towards.message.count("601/4404/X") == 1


def test_job_wanted__a_job_after_a_qualification_held_says_none_other_is_described(catalogue):
    (role,) = recommend(catalogue, not_working(job_wanted="Call Centre Advisor",
                                               held_qualifications=("ocnlr-601-4404-x",)),
                        as_at=TODAY).job_wanted.roles
    assert role.towards.message == (
        "Towards it, the documents describe no other qualification. The learner already holds "
        "OCNLR Level 1 Certificate in Customer Service (601/4404/X).")


def test_job_wanted__a_job_not_listed_says_so_with_the_close_titles(catalogue):
    wanted = recommend(catalogue, not_working(job_wanted="shop asistant"),
                       as_at=TODAY).job_wanted
    assert not wanted.roles
    assert wanted.not_listed.message.startswith(
        "The documents do not list \"shop asistant\" as it is written, so they say nothing "
        "about it as such, but they do list titles close to it")
    assert "Close titles: Sales Assistant/Personal Shopper (Level 2)" in wanted.not_listed.message
    nothing_close = recommend(catalogue, not_working(job_wanted="astronaut"),
                              as_at=TODAY).job_wanted.not_listed.message
    assert nothing_close == (
        "The documents do not list \"astronaut\" among their jobs, so they say nothing about it "
        "or about the qualifications towards it (their lists are examples, not complete).")


def test_job_wanted__a_near_miss_is_not_told_the_documents_say_nothing_of_the_job(catalogue):
    """"helpdesk" matches no title exactly, but the documents list "Helpdesk Assistants" (Level
    2) and OCN London's "Help Desk Assistant" (no level): saying they say nothing about it or
    the qualifications towards it read as if they had nothing on the job; and a close title
    without a level says so, not as if it were the first one's level left off."""
    message = recommend(catalogue, not_working(job_wanted="helpdesk"),
                        as_at=TODAY).job_wanted.not_listed.message
    assert "about the qualifications towards it" not in message
    assert message.endswith("but they do list titles close to it (their lists are examples, "
                            "not complete). Close titles: Helpdesk Assistants (Level 2), Help "
                            "Desk Assistant (no level given).")


def test_job_wanted__a_route_to_its_level_is_offered_from_the_level_suggested(catalogue):
    result = recommend(catalogue, not_working(job_wanted="team leader"), as_at=TODAY)
    offer = result.route_offers[-1]
    assert (offer.kind.value, offer.to_level, offer.start_level, offer.job) == (
        "to-job-wanted", 3, 1, "Customer Service Team Leader")


# ------------------------------------------------------------------------------------ page


def test_starting_level__not_working_is_asked_which_job_they_would_like():
    at = open_with_link(LEVEL)
    assert "sl_want" not in {w.key for w in at.selectbox}
    at.radio(key="sl_employment").set_value("not-working").run()
    want = at.selectbox(key="sl_want")
    assert want.label == "Which job would you like? (optional)"
    assert "Customer Service Team Leader" in want.options
    assert "examples of roles at Level 2 and Level 3 that need good customer service" in \
        want.help


def test_starting_level__the_job_questions_help_names_both_lists_the_examples_come_from(
        catalogue):
    """The examples are 003's roles by level and the jobs 004 gives no level (after the OCN
    London Level 1 Certificate): the help of either job question says both, truly."""
    at = open_with_link(LEVEL, work="working")
    role = at.selectbox(key="sl_role")
    assert "Call Centre Advisor" in role.options  # 004's, no level
    assert role.help == labels.job_examples_help(catalogue)
    assert "\n- jobs learners may progress to after OCNLR Level 1 Certificate" in role.help
    assert role.help.startswith("The examples come from the documents' lists of:\n\n- examples "
                                "of roles at Level 2 and Level 3")
    assert "lists by level" not in role.help
    at.radio(key="sl_employment").set_value("not-working").run()
    assert at.selectbox(key="sl_want").help == role.help


@pytest.mark.parametrize(("as_at", "said"), [
    (None, "no qualification can be confirmed open to new learners on 2 December 2026"),
    (WHILE_OPEN, "open to new learners on 1 June 2015: OCR Level 3 Diploma in Customer Service "
                 "(10380) and OCR Level 3 Certificate in Principles of Customer Service (09629)"),
])
def test_starting_level__a_level_3_job_wanted_names_its_level_and_what_is_open(as_at, said):
    at = open_with_link(LEVEL, as_at=as_at, work="not-working")
    at.selectbox(key="sl_want").set_value("Customer Service Team Leader").run()
    assert not at.exception
    assert [m.value for m in at.metric] == ["Level 1"]  # the level is not the job's
    text = all_text(at)
    assert "The job you would like" in texts(at.header)
    assert LEVEL_3_ABOUT in text
    assert f"At Level 3, the level the documents list it at, {said}" in text
    if as_at is None:
        assert "Whether OCR Level 3 Diploma in Customer Service (10380) is open" in text
    assert any(p.proto.label == "Plan a route to Level 3, the level the documents list "
               "Customer Service Team Leader at" for p in at.get("page_link"))


def test_starting_level__the_job_wanted_warns_that_its_qualification_is_assessed_at_work():
    at = open_with_link(LEVEL, work="not-working", want="Customer Service Team Leader")
    assert not at.exception
    warnings = [re.sub(r"\\(.)", r"\1", w) for w in texts(at.warning)]
    said = [w for w in warnings if w.startswith("The competence part of 10380")]
    assert len(said) == 1 and AT_WORK in said[0]
    assert "Source: OCR student guide: Level 3 NVQ Diploma in Customer Service (03456), 2011, " \
        "§ ASSESSMENT, § RECORDING EVIDENCE, § Simulation" in texts(at.caption)


def test_starting_level__the_sources_of_what_is_open_towards_the_job_list_each_document_once(
        catalogue):
    """What is open towards a Level 3 job rests on many status facts in four documents: its
    caption lists each document once, numbered, with its sections, not one long line."""
    at = open_with_link(LEVEL, as_at=WHILE_OPEN, work="not-working",
                        want="Customer Service Team Leader")
    result = recommend(catalogue, not_working(job_wanted="Customer Service Team Leader"),
                       as_at=WHILE_OPEN)
    documents = labels.cite_by_document(catalogue, result.job_wanted.roles[0].towards.source)
    assert len(documents) == 4
    caption = "Sources:\n" + "\n".join(f"{n}. {d}" for n, d in enumerate(documents, 1))
    assert caption in texts(at.caption)
    assert documents[0].startswith("OCR Report to Centres 2014-2015: Customer Service, Levels "
                                   "1, 2, 3 and 4, § Level 3 Customer Service")
    assert sum(d.count("OCR Report to Centres") for d in documents) == 1
    # One document stays one line, as before.
    assert ("Source: OCR student guide: Level 3 NVQ Diploma in Customer Service (03456), 2011, "
            "§ JOB ROLES AND PROGRESSION") in texts(at.caption)


def test_starting_level__a_typed_job_not_listed_is_told_honestly_with_close_titles():
    # Typed, not picked: AppTest sets only a listed option, so the address types it.
    at = open_with_link(LEVEL, work="not-working", want="shop asistant")
    warning = re.sub(r"\\(.)", r"\1", " ".join(texts(at.warning)))
    assert "The documents do not list \"shop asistant\" as it is written" in warning
    assert "Close titles: Sales Assistant/Personal Shopper (Level 2)" in warning
    # One click puts a close title in the box (AppTest cannot click with a typed value in it).
    assert "Pick a close title to see what the documents say of that job, and of the " \
        "qualifications towards it:" in texts(at.caption)
    assert at.button(key="sl_want_use_0").label == \
        "Use \"Sales Assistant/Personal Shopper\" (Level 2)"
    assert [m.value for m in at.metric] == ["Level 1"]


def test_starting_level__close_titles_say_which_has_no_level():
    at = open_with_link(LEVEL, work="not-working", want="helpdesk")
    assert [b.label for b in at.button if b.key.startswith("sl_want_use_")] == [
        "Use \"Helpdesk Assistants\" (Level 2)", "Use \"Help Desk Assistant\" (no level given)"]
    working = open_with_link(LEVEL, work="working", role="helpdesk")
    assert [b.label for b in working.button if b.key.startswith("sl_use_role_")] == [
        "Use \"Helpdesk Assistants\" (Level 2)", "Use \"Help Desk Assistant\" (no level given)"]


def test_starting_level__the_job_wanted_is_in_the_address_and_a_link_reopens_it():
    at = open_with_link(LEVEL, work="not-working")
    at.selectbox(key="sl_want").set_value("Department Manager").run()
    assert dict(at.query_params) == {"work": "not-working", "want": "Department Manager"}
    reopened = open_with_link(LEVEL, **dict(at.query_params))
    assert reopened.selectbox(key="sl_want").value == "Department Manager"
    assert "Department Manager: the documents list it among their examples of roles at Level 3" \
        in all_text(reopened)
    typed = open_with_link(LEVEL, work="not-working", want="team leader")
    assert dict(typed.query_params) == {"work": "not-working", "want": "team leader"}
    assert "\"team leader\" is taken as \"Customer Service Team Leader\"" in all_text(typed)


# ------------------------------------------------------------------------------ link, printout


def test_link__the_job_wanted_round_trips_and_is_dropped_with_a_note_for_someone_working(
        catalogue):
    profile = not_working(job_wanted="Customer Service Team Leader")
    params = encode_profile(catalogue, profile)
    assert params["want"] == "Customer Service Team Leader"
    assert decode_profile(catalogue, params) == (profile, [])
    working, notes = decode_profile(catalogue, {"work": "working", "want": "Courier"})
    assert working.job_wanted is None
    assert notes == ["The link's job wanted is asked only of a learner not working: left out."]


def test_printout__says_the_job_you_would_like_and_what_is_open_towards_it(catalogue):
    profile = not_working(job_wanted="Customer Service Team Leader")
    result = recommend(catalogue, profile, as_at=WHILE_OPEN)
    html = action_plan_html(catalogue, ActionPlan(
        as_at=WHILE_OPEN, created=WHILE_OPEN, answers=profile_answers(catalogue, profile),
        recommendation=result))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#34;", "\"").split())
    assert "Job I would like Customer Service Team Leader" in text
    assert "The job you would like" in text
    assert LEVEL_3_ABOUT in text
    assert "open to new learners on 1 June 2015: OCR Level 3 Diploma in Customer Service" in text
    assert "Job I would like" not in " ".join(profile_answers(catalogue, Profile(
        employment=Employment.WORKING)))


def test_printout__the_job_wanteds_qualification_assessed_at_work_is_said(catalogue):
    result = recommend(catalogue, not_working(job_wanted="Customer Service Team Leader"),
                       as_at=TODAY)
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY, recommendation=result))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    part = text[text.index("The job you would like"):]
    assert "The competence part of 10380, which combines knowledge and competence, is " \
        "assessed at work: an assessor watches you do the job" in part
    words = html.split("<h2>Words used</h2>", 1)[1].split("<h2>Sources</h2>", 1)[0]
    assert "<dt>Assessor</dt>" in words  # read away from the app, the word is explained


def test_printout__the_source_marks_beside_each_other_are_in_order(catalogue):
    """What is open towards a Level 2 job on 1 June 2015 cites nine sections; its marks read
    "[7] [10] [11] [14] ...", not in the order the statuses were read ("[14] ... [7] [10]")."""
    profile = Profile(age=16, employment=Employment.NOT_WORKING, job_wanted="Courier")
    result = recommend(catalogue, profile, as_at=WHILE_OPEN)
    html = action_plan_html(catalogue, ActionPlan(
        as_at=WHILE_OPEN, answers=profile_answers(catalogue, profile), recommendation=result))
    spans = [[int(n) for n in re.findall(r"\[(\d+)\]", marks)]
             for marks in re.findall(r'<span class="source">([^<]*)</span>', html)]
    assert max(len(marks) for marks in spans) >= 5
    assert all(marks == sorted(marks) for marks in spans)


def test_printout__holding_one_at_the_jobs_level_is_said_to_you(catalogue):
    result = recommend(catalogue, not_working(job_wanted="Customer Service Team Leader",
                                              held_qualifications=("ocr-09629",)),
                       as_at=WHILE_OPEN)
    html = action_plan_html(catalogue, ActionPlan(as_at=WHILE_OPEN, recommendation=result))
    assert "You already hold OCR Level 3 Certificate in Principles of Customer Service" in html


def test_job_wanted__one_held_at_the_jobs_level_is_said_with_its_subject(catalogue):
    """Said in the middle of a paragraph, after whom to ask, "Already holds 09629." read as a
    fragment whose subject could be the centre: the learner is named ("The learner already
    holds"), as the printout names "you"."""
    result = recommend(catalogue, not_working(job_wanted="Customer Service Team Leader",
                                              held_qualifications=("ocr-09629",)),
                       as_at=WHILE_OPEN)
    assert result.job_wanted.roles[0].towards.message.endswith(
        " The learner already holds OCR Level 3 Certificate in Principles of Customer Service "
        "(09629).")


# ------------------------------------------------------------------------------------ CLI


def test_cli__recommend_job_wanted_json(capsys):
    assert main(["recommend", "--employment", "not-working", "--age", "17", "--job-wanted",
                 "Customer Service Team Leader", "--as-at", "2015-06-01", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["recommended_level"] == 1
    assert answer["profile"]["job_wanted"] == "Customer Service Team Leader"
    wanted = answer["job_wanted"]
    assert (wanted["text"], wanted["not_listed"], wanted["suggestions"]) == (
        "Customer Service Team Leader", None, [])
    (role,) = wanted["roles"]
    assert (role["title"], role["level"], role["after"]) == ("Customer Service Team Leader", 3,
                                                            None)
    assert role["about"]["message"].startswith(LEVEL_3_ABOUT)
    assert role["about"]["source"][0]["section"] == "JOB ROLES AND PROGRESSION"
    assert role["open_on_date"] == ["10380", "09629"]
    assert [(q["code"], q["status"]["value"]) for q in role["qualifications"]] == [
        ("10380", "open"), ("09629", "open"), ("03456", "unknown")]
    assert answer["route_offers"][-1]["kind"] == "to-job-wanted"
    assert role["at_work"]["code"] == "competence-needs-work"
    assert role["at_work"]["message"].startswith(
        "Competence (NVQ) qualifications, such as 03456, are assessed at work, and so is the "
        "competence part of 10380")
    assert "an assessor watches the learner do the job" in role["at_work"]["message"]
    assert [s["section"] for s in role["at_work"]["source"]] == [
        "ASSESSMENT", "RECORDING EVIDENCE", "Simulation"]


def test_cli__recommend_job_wanted_text_and_a_job_not_listed(capsys):
    assert main(["recommend", "--employment", "not-working", "--job-wanted", "astronaut"]) == 0
    out = capsys.readouterr().out
    assert "The job wanted (astronaut):" in out
    assert "The documents do not list \"astronaut\" among their jobs" in out
    assert main(["recommend", "--employment", "not-working", "--job-wanted", "Courier",
                 "--as-at", "2015-06-01"]) == 0
    out = capsys.readouterr().out
    assert ("  - Competence (NVQ) qualifications, such as 03455, are assessed at work, and so is "
            "the competence part of 10379") in out


def test_cli__job_wanted_is_only_for_someone_not_working(capsys):
    assert main(["recommend", "--employment", "working", "--job-wanted", "Courier"]) == 2
    assert "--job-wanted is asked only of a learner not working" in capsys.readouterr().err


def test_printout__says_as_the_page_does_that_the_job_does_not_set_the_level(catalogue):
    """Sam, 17 and not working, would like to work in a call centre, a Level 2 job; the level
    suggested is Level 1. The page says why the two differ; so does the printout he takes
    home, which had the job and the level with nothing between them."""
    profile = not_working(job_wanted="Call centre operator")
    result = recommend(catalogue, profile, as_at=TODAY)
    assert result.recommended_level == 1
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, created=TODAY, answers=profile_answers(catalogue, profile),
        recommendation=result))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert ("The job you would like does not change the suggested starting level: that rests "
            "on your age, whether you work and what you hold.") in text
    # Nothing asked about a job wanted, nothing said of it.
    working = recommend(catalogue, Profile(employment=Employment.WORKING), as_at=TODAY)
    assert "does not change the suggested starting level" not in action_plan_html(
        catalogue, ActionPlan(as_at=TODAY, recommendation=working))


@pytest.mark.parametrize("employment", [Employment.WORKING, None])
def test_job_wanted__is_answered_only_for_someone_not_working(catalogue, employment):
    """The question is asked only of someone not working; the engine answered it for anyone,
    and for someone working its caution said "Without a job or a work placement"."""
    result = recommend(catalogue, Profile(age=30, employment=employment,
                                          job_wanted="Call Centre Operators"), as_at=TODAY)
    assert result.job_wanted is None
    assert recommend(catalogue, not_working(job_wanted="Call Centre Operators"),
                     as_at=TODAY).job_wanted is not None
