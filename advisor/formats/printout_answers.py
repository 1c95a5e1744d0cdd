"""What the person told each journey, as a printout lists it: question, then answer.

Each journey's printout (:class:`~advisor.formats.action_plan.ActionPlan`) opens with the
answers it was given. They are worded here, once, from the journey's own record of them (a
profile, a route query, a check query), with "not given" or "none" where nothing was said.
"""

from __future__ import annotations

from advisor.catalogue import Catalogue
from advisor.engine.combination import describe_unit
from advisor.engine.recommend_types import Employment, Profile
from advisor.engine.wording import uk_date
from advisor.formats.links import CheckQuery, RouteQuery
from advisor.views.labels import (
    AIM_ANSWERS,
    EMPLOYMENT_ANSWERS,
    in_your_words,
    other_qualification_words,
    qualification_label,
)

NOT_GIVEN = "not given"
NONE = "none"
NO_TARGET = "no target chosen: onward routes shown"


def profile_answers(catalogue: Catalogue, profile: Profile) -> dict[str, str]:
    """*Find a starting level*'s answers; for a learner not in work, without the questions
    about a job, which the page does not ask them, but with the job they would like, which it
    asks them alone."""
    answers = {
        "Age": str(profile.age) if profile.age is not None else NOT_GIVEN,
        "Working": EMPLOYMENT_ANSWERS[profile.employment] if profile.employment else NOT_GIVEN,
        "Job": profile.role or NOT_GIVEN,
        "Job I would like": profile.job_wanted or NOT_GIVEN,
        "Describes my work": "; ".join(in_your_words(r) for r in profile.responsibilities)
                             or "none chosen",
        "Senior role": ("yes" if profile.senior_role else "no")
        if profile.senior_role is not None else NOT_GIVEN,
        "Qualifications held": "; ".join(
            [qualification_label(catalogue.qualifications[i]) for i in profile.held_qualifications
             if i in catalogue.qualifications]
            + [other_qualification_words(level) for level in profile.other_held_levels])
            or NONE,
        "Units held": "; ".join(profile.held_units) or NONE,
        "What I want": AIM_ANSWERS[profile.aim] if profile.aim else NOT_GIVEN,
    }
    # Someone not in work is asked which job they would like instead.
    for asked_another in (("Job", "Describes my work", "Senior role")
                          if profile.employment is Employment.NOT_WORKING
                          else ("Job I would like",)):
        del answers[asked_another]
    return answers


def route_answers(catalogue: Catalogue, query: RouteQuery) -> dict[str, str]:
    """*Plan a route*'s answers: the learner's age, whether they are in a senior role and
    whether they are working, where these were given, what is held, where the learner wants
    to get to and, where given, what they want from it."""
    def label(qualification_id: str) -> str:
        return qualification_label(catalogue.qualifications[qualification_id])

    start = query.from_qualification if query.from_qualification in catalogue.qualifications \
        else None
    others = [i for i in query.also_completed if i in catalogue.qualifications]
    answers = {"Age": str(query.age)} if query.age is not None else {}
    if query.senior_role is not None:
        answers["Senior role"] = "yes" if query.senior_role else "no"
    if query.employment is not None:
        answers["Working"] = EMPLOYMENT_ANSWERS[query.employment]
    answers["Completed"] = label(start) if start else NONE
    if others:
        answers["Other qualifications completed"] = "; ".join(label(i) for i in others)
    # With a qualification completed, its own units count without being listed here.
    answers["Other units held" if start else "Units held"] = "; ".join(
        f"{u} {catalogue.units[u].title}" if u in catalogue.units else u
        for u in query.units) or NONE
    if query.start_level is not None and start is None:
        answers["Level to start at"] = f"Level {query.start_level}"
    target = catalogue.qualifications.get(query.to_qualification or "")
    answers["Aiming for"] = (
        qualification_label(target) if target is not None else
        f"Level {query.to_level}" if query.to_level is not None else NO_TARGET)
    if query.aim is not None:
        answers["What I want"] = AIM_ANSWERS[query.aim]
    return answers


def check_answers(catalogue: Catalogue, query: CheckQuery) -> dict[str, str]:
    """*Check a learner's units*' answers, the centre's evidence notes included."""
    q = catalogue.qualifications[query.qualification or ""]
    rules, _ = catalogue.effective_rules(q)

    def names(urns: tuple[str, ...]) -> str:
        return "; ".join(describe_unit(catalogue, u, rules, with_credits=False)
                         for u in urns) or NONE

    answers = {"Qualification": qualification_label(q),
               "Units achieved": names(query.units),
               "Accepted by the centre": "; ".join(
                   describe_unit(catalogue, a.urn, rules, with_credits=False)
                   + f" (evidence: {a.note or NOT_GIVEN})" for a in query.accepted) or NONE,
               "In progress": names(query.in_progress)}
    if query.glh_per_week is not None and query.start is not None:
        answers["Study"] = f"{query.glh_per_week:g} hours a week from {uk_date(query.start)}"
        answers["Registered"] = "yes" if query.registered else "not yet"
    return answers
