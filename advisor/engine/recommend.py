"""Which level should this person start at, and which qualifications are at it?

:func:`recommend` weighs a learner's profile against what the documents say about levels:

* the **job-role lists by level** (003 § JOB ROLES AND PROGRESSION): a role on the Level 2 list
  points to Level 2, one on the Level 3 list to Level 3; the jobs the OCN London Level 1
  Certificate leads to (004) point past Level 1;
* the **Level 3 suitability statements** (the points a Level 3 competence qualification is
  "aimed at", 03456 § Who the qualification is for): when most of them describe the learner's
  work, Level 3;
* the **Level 4 senior-role rule** (000 § Level 4 Customer Service): Level 4 only for learners in a
  senior role where they influence decisions;
* **what the learner already holds**: the highest level held is a floor, never a reason to move
  up by itself, because centres must "not assume that learners can automatically move up from one
  level to the next" (000 § Level 4 Customer Service);
* **working or not**: a person not yet working starts at the introductory level (004 § Who the
  qualification is for); a person in a customer service job with no other evidence at Level 2
  (001 § 2.3 Target market).

The recommended level is the highest level this evidence supports; every piece of evidence is a
:class:`Finding` with a plain-English message and its sources, so the answer can be explained.
The qualifications at that level are listed with their eligibility on the as-at date, whether they
fit the learner's aim, and what the learner's units already count towards.

Role matching ignores case, punctuation, spacing and plurals ("call centre operator" matches
"Call Centre Operators"; "help desk" matches "Helpdesk"); a title with alternatives
("Waiter/Bar Tender") matches either; a role the lists do not name gets suggestions, not a guess.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from advisor.catalogue import Catalogue, JobRole, Qualification
from advisor.engine.answers import AnswerError
from advisor.engine.carryover import units_of_qualification
from advisor.engine.eligibility import ReasonCode, Status, check_eligibility, status_on
from advisor.engine.fits import (
    KIND_IN_A_CLAUSE,
    assessed_at_work_finding,
    competence_assessment_source,
    fits_aim,
    how_assessed_at_work,
    in_senior_role,
    knowledge_for_those_preparing,
    repetition,
    units_assessed_in_a_job,
)
from advisor.engine.frameworks import FrameworkStatus, check_frameworks
from advisor.engine.job_roles import RoleMatch, close_titles_words, match_role, matched_as
from advisor.engine.job_wanted import answer_job_wanted
from advisor.engine.level_3_fit import few_level_3_statements, level_3_evidence, level_3_fit
from advisor.engine.next_steps import next_steps_for
from advisor.engine.plan_preferences import check_for_learner
from advisor.engine.recommend_index import recommendation_index, senior_role_rule
from advisor.engine.recommend_types import (
    Aim,
    Employment,
    Finding,
    FindingCode,
    Option,
    Profile,
    Recommendation,
)
from advisor.engine.registered import REGISTER_SUBJECT, register_qualifications_at
from advisor.engine.replacing import held_before_it_opened, yet_to_come
from advisor.engine.route_offers import open_to_step_up, route_offers
from advisor.engine.route_types import Route
from advisor.engine.wording import THE_LEARNER, Voice, listed, sentence_start, uk_date
from advisor.register import Register

# Under it, not yet of an age to have left school (at 15 some leave at the end of Year 11).
SCHOOL_LEAVING_AGE = 15

# ---------------------------------------------------------------------------------------------
# The Level 3 suitability statements and other sources the recommendation reads
# ---------------------------------------------------------------------------------------------


def _no_automatic_move_up(catalogue: Catalogue, *, holds_something: bool,
                          voice: Voice) -> Finding | None:
    rule = senior_role_rule(catalogue)
    if rule is None:
        return None
    # The report that sets the senior-role rule is also the one that warns against assuming a
    # learner moves up a level automatically, in the same section.
    warning = ("the awarding body warns centres not to assume learners move up a level "
               f"automatically. Choose the level from the work {voice.does('do')} now.")
    return Finding(
        FindingCode.NO_AUTOMATIC_MOVE_UP,
        (f"Holding a qualification at one level does not mean {voice.does('be')} ready for "
         "the next: " if holds_something else "A higher level is not a matter of time served: ")
        + warning,
        rule[1].source,
    )


def move_up_caution(catalogue: Catalogue, route: Route, *,
                    voice: Voice = THE_LEARNER) -> Finding | None:
    """For a route from a qualification held to one at a higher level: the awarding body's
    warning that holding one level does not make a learner ready for the next, as the starting
    level says it (so that a route printout from 09628 to 10380 does not read as advice to move
    up). None for a route that climbs no level or starts from nothing held. ``voice``: of the
    learner, or to them (a printout's)."""
    first = route.steps[0].from_ if route.steps else None
    last = route.path[-1] if route.path else None
    if (first is None or last is None or first.level is None or last.level is None
            or last.level <= first.level):
        return None
    return _no_automatic_move_up(catalogue, holds_something=True, voice=voice)


def assessed_at_work_caution(catalogue: Catalogue, route: Route, employment: Employment | None,
                             *, voice: Voice = THE_LEARNER) -> Finding | None:
    """For a learner not working now, a route with steps whose competence is assessed at work
    (an NVQ, or a qualification combining knowledge and competence): that each needs a job or
    a work placement, as the starting level says of the same qualifications; and each unit of
    a step's plan that a source says is assessed in a particular job. None for anyone else, or
    a route with neither. ``voice``: of the learner, or to them (a printout's)."""
    if employment is not Employment.NOT_WORKING:
        return None
    at_work = [(n, step.to) for n, step in enumerate(route.steps, start=1)
               if step.to.kind.assessed_at_work]
    # A unit a step's plan picks for its few hours may need a particular job (a contact
    # centre's calls): said too, as the starting level says it.
    in_a_job = units_assessed_in_a_job(catalogue, [
        (f"step {n} ({step.to.reference})", step.carry_over.remaining.plan)
        for n, step in enumerate(route.steps, start=1)])
    if not at_work:
        return Finding(FindingCode.UNIT_NEEDS_WORK, " ".join(f.message for f in in_a_job),
                       tuple(c for f in in_a_job for c in f.source)) if in_a_job else None
    one = len(at_work) == 1
    return Finding(
        FindingCode.COMPETENCE_NEEDS_WORK,
        ("Step " if one else "Steps ") + listed([f"{n} ({q.reference})" for n, q in at_work],
                                               "and")
        + (" is" if one else " are") + " assessed at work, at least in part: "
        f"{how_assessed_at_work(voice)}. "
        f"Not working now, {voice.learner} would need a job or a work placement for "
        + ("it" if one else "them") + "; until then, a qualification of knowledge alone may "
        "suit better." + "".join(f" {f.message}" for f in in_a_job),
        (*competence_assessment_source(catalogue, (q for _, q in at_work)),
         *(c for f in in_a_job for c in f.source)))


# ---------------------------------------------------------------------------------------------
# The recommendation
# ---------------------------------------------------------------------------------------------


def recommend(
    catalogue: Catalogue,
    profile: Profile,
    *,
    as_at: dt.date | None = None,
    check_options: bool = True,
    list_options: bool = True,
    register: Register | None = None,
    register_subject: str = REGISTER_SUBJECT,
    voice: Voice = THE_LEARNER,
) -> Recommendation:
    """Recommend a starting level and the qualifications at it, with reasons and cautions.

    With ``check_options`` false, the options are listed without checking the learner's units
    against their rules (``Option.check`` is None): the level, reasons and cautions are the
    same, and a caller assessing many learners saves the planning. With ``list_options`` false
    the options are not listed at all (nor the cautions about their status on the date): for
    a cohort, where each learner's own target is checked instead. With a ``register``, its
    qualifications at the level whose titles hold ``register_subject`` and that are open on
    the date are listed too, and every option's status uses the register's dates. ``voice``:
    whether its words speak of the learner or to them (on the printout they take home).

    Raises :class:`~advisor.engine.answers.AnswerError` (a ``ValueError``) when a
    responsibility does not pick out one Level 3 statement, or a qualification held had not
    opened by ``as_at`` (nobody could hold it then), and
    :class:`~advisor.catalogue.UnknownReference` is never raised here: held qualifications and
    units must already be resolved ids and URNs (the CLI and app resolve them first).
    """
    as_at = as_at or dt.date.today()
    reasons: list[Finding] = []
    cautions: list[Finding] = []
    role_match: RoleMatch | None = None

    held = [catalogue.qualifications[i] for i in profile.held_qualifications
            if i in catalogue.qualifications]
    for q in held:  # nobody held 601/4404/X in 2012: not "already holds" it
        refused = held_before_it_opened(q, as_at)
        if refused is not None:
            raise AnswerError(refused)
    reasons += [Finding(FindingCode.HOLDS_QUALIFICATION,
                        f"{voice.noted('hold', adverb='already')} {q.name}, a Level {q.level} "
                        f"qualification; the new one should be at Level {q.level} or above.",
                        q.source, level=q.level)
                for q in held if q.level is not None]
    reasons += [Finding(FindingCode.HOLDS_QUALIFICATION,
                        f"{voice.noted('hold', adverb='already')} a Level {level} customer "
                        "service qualification that "
                        f"these documents do not describe; the new one should be at Level "
                        f"{level} or above.", (), level=level)
                for level in sorted(set(profile.other_held_levels))]

    if profile.role:
        role_match = match_role(catalogue, profile.role)
        reasons.extend(_role_findings(catalogue, role_match))
        if not role_match.roles:
            cautions.append(_role_not_listed(catalogue, role_match))

    if profile.employment is Employment.NOT_WORKING:
        reasons.append(_not_working_finding(catalogue, as_at, register, profile.age))
    elif profile.employment is Employment.WORKING and not any(
        f.level is not None for f in reasons if f.code.startswith("role-")
    ):
        working = _working_finding(catalogue, as_at, register, voice)
        if working is not None:
            reasons.append(working)

    fit = level_3_fit(catalogue, profile)
    reasons += level_3_evidence(fit, voice=voice)
    if profile.employment is Employment.NOT_WORKING:
        reasons, set_aside = _work_set_aside(reasons, voice)
        cautions += set_aside
    for finding, is_reason in _senior_role_evidence(catalogue, profile, voice):
        (reasons if is_reason else cautions).append(finding)

    levels = [f.level for f in reasons if f.level is not None]
    level = max(levels) if levels else None
    # What sets the level first ("Level 4: a senior role"), then what it rests on besides,
    # each of those said to be a floor (a Level 2 reason under Level 4 read as a contradiction).
    reasons = sorted((f if f.level is None or level is None or f.level >= level
                      or f.code is FindingCode.HOLDS_QUALIFICATION  # says "or above" itself
                      else dataclasses.replace(f, message=f"{f.message} That makes Level "
                                               f"{f.level} the least; the answers above point "
                                               "higher.") for f in reasons),
                     key=lambda f: f.level != level)
    cautions += few_level_3_statements(
        fit, level, working=profile.employment is not Employment.NOT_WORKING, reasons=reasons,
        voice=voice)
    if level is None:
        cautions.append(Finding(
            FindingCode.NOT_ENOUGH_TO_RECOMMEND,
            f"Not enough is known to suggest a level: the advisor needs to know whether "
            f"{voice.does('work')}, {voice.their} job role, or what {voice.they} already hold.",
        ))

    cautions += _holds_at_level(catalogue, held, profile.other_held_levels, level,
                                step_up=level is not None
                                and open_to_step_up(catalogue, profile, level + 1), voice=voice)
    holds_something = bool(held or profile.other_held_levels or profile.held_units)
    move_up = _no_automatic_move_up(catalogue, holds_something=holds_something, voice=voice)
    if move_up is not None and (holds_something or (level or 0) >= 3):
        cautions.append(move_up)

    index = recommendation_index(catalogue)
    options: tuple[Option, ...] = ()
    roles_at_level: tuple[JobRole, ...] = ()
    if level is not None:
        if list_options:
            options = _options_at(catalogue, level, profile, as_at, check_options,
                                  register, register_subject, voice)
            cautions.extend(_status_cautions(catalogue, level, options, as_at, held, voice))
        cautions.extend(_aim_cautions(catalogue, profile, options, as_at, register, voice))
        roles_at_level = index.roles_by_level.get(level, ())
    next_steps = next_steps_for(catalogue, held=held, units=profile.held_units, level=level,
                                options=options, as_at=as_at, aim=profile.aim, age=profile.age,
                                register=register, employment=profile.employment, voice=voice)
    frameworks: tuple[FrameworkStatus, ...] = ()
    if profile.aim is Aim.APPRENTICESHIP and level is not None:
        frameworks = tuple(f for f in check_frameworks(
            catalogue, qualifications=profile.held_qualifications, as_at=as_at,
            register=register) if f.framework.level == level)
    return Recommendation(
        profile=profile, as_at=as_at, recommended_level=level, options=options,
        reasons=tuple(reasons), cautions=tuple(cautions), role_match=role_match,
        next_steps=next_steps, roles_at_level=roles_at_level, frameworks=frameworks,
        route_offers=route_offers(catalogue, profile, level, options=options,
                                  frameworks_at_level=bool(frameworks), as_at=as_at),
        voice=voice, job_wanted=answer_job_wanted(  # asked of someone not working alone
            catalogue, profile.job_wanted if profile.employment is Employment.NOT_WORKING
            else None, as_at=as_at, held=profile.held_qualifications,
            age=profile.age, register=register, register_subject=register_subject, voice=voice),
    )


def _work_set_aside(reasons: list[Finding], voice: Voice) -> tuple[list[Finding], list[Finding]]:
    """For a learner not working now: the reasons that rest on the work they do (a job role,
    the Level 3 descriptions of their work) do not set the level, as a senior role does not;
    each becomes a caution saying so. (The reasons kept, the cautions.)"""
    about_work = {FindingCode.ROLE_LEVEL, FindingCode.ROLE_AFTER_QUALIFICATION,
                  FindingCode.LEVEL_3_STATEMENTS}
    kept = [f for f in reasons if f.code not in about_work or f.level is None]
    set_aside = [Finding(
        FindingCode.WORK_NOT_COUNTED,
        f"Not counted towards the level, as {voice.does('be')} not working now: {f.message} "
        f"Confirm this describes {voice.their} work; if it does, "
        + ("tell your adviser that you work." if voice.printed else
           f"answer that {voice.they} work."), f.source)
        for f in reasons if f.code in about_work and f.level is not None]
    return kept, set_aside


def _senior_role_evidence(catalogue: Catalogue, profile: Profile, voice: Voice
                          ) -> list[tuple[Finding, bool]]:
    """What the senior-role answer says about Level 4, as ``(finding, is a reason)``: a reason
    for Level 4 or against it, or a caution when a senior role is ticked without work."""
    rule = senior_role_rule(catalogue)
    if rule is None or profile.senior_role is None:
        return []
    level_4, requirement = rule
    text = " ".join(requirement.points)
    if profile.senior_role and profile.employment is not Employment.NOT_WORKING:
        return [(Finding(
            FindingCode.SENIOR_ROLE,
            f"{voice.noted('work')} in a senior role with influence on decisions, which "
            f"{level_4.name} requires: \"{text}\"", requirement.source, level=level_4.level,
        ), True)]
    if profile.senior_role:
        return [(Finding(
            FindingCode.SENIOR_ROLE_NOT_WORKING,
            f"A senior role was ticked but {voice.does('be')} not working now; Level 4 needs "
            f"someone working in such a role: \"{text}\"", requirement.source,
        ), False)]
    return [(Finding(
        FindingCode.NOT_SENIOR_ROLE,
        # Said of the learner like the other reasons ("You work ..."): not a bare "Not in".
        f"{sentence_start(voice.does('be'))} not in a senior role, so not Level 4: "
        f"\"{text}\"", requirement.source,
    ), True)]


def _role_findings(catalogue: Catalogue, match: RoleMatch) -> list[Finding]:
    findings: list[Finding] = []
    for role in match.roles:
        matches = matched_as(match, role)
        if role.level is not None:
            findings.append(Finding(
                FindingCode.ROLE_LEVEL,
                f"{matches}, listed among the Level {role.level} job roles that need good "
                "customer service skills.",
                role.source, level=role.level,
            ))
        elif role.after is not None and role.after in catalogue.qualifications:
            after = catalogue.qualifications[role.after]
            next_level = (after.level or 0) + 1 if after.level is not None else None
            findings.append(Finding(
                FindingCode.ROLE_AFTER_QUALIFICATION,
                f"{matches}, a job {after.name} prepares "
                f"people for; someone already doing it is past that starting point"
                + (f", so Level {next_level} is the one to consider." if next_level else "."),
                role.source, level=next_level,
            ))
    return findings


def _role_not_listed(catalogue: Catalogue, match: RoleMatch) -> Finding:
    sources = tuple(dict.fromkeys(c for r in catalogue.job_roles.values() if r.level
                                  for c in r.source))
    if not catalogue.job_roles:
        return Finding(FindingCode.ROLE_NOT_LISTED,
                       f"\"{match.text}\" cannot be matched: this catalogue has no job roles, so "
                       "the level rests on the other answers.", ())
    message = (f"\"{match.text}\" is not one of the job roles the documents list; the lists are "
               "examples, not a complete list, so the level rests on the other answers.")
    return Finding(FindingCode.ROLE_NOT_LISTED, message + close_titles_words(match), sources)


def _holds_at_level(catalogue: Catalogue, held: Sequence[Qualification],
                    other_levels: Sequence[int], level: int | None, *,
                    step_up: bool = True, voice: Voice) -> list[Finding]:
    """A caution when the learner already holds a qualification at the level suggested: another
    at that level would largely repeat it, and the level above is the step up, if their work is
    ready for it (the sources do not say the learner moves up by holding it)."""
    if level is None:
        return []
    at_level = [q for q in held if q.level == level]
    other = level in other_levels
    if not (at_level or other):
        return []
    names = " and ".join([q.name for q in at_level]
                         + (["a customer service qualification these documents do not describe"]
                            if other else []))
    kinds = {q.kind for q in at_level}
    kind = kinds.pop() if len(kinds) == 1 and not other else None
    same = (f"of the same kind ({KIND_IN_A_CLAUSE[kind]})" if kind in KIND_IN_A_CLAUSE
            else "of the same kind")
    message = (f"{voice.noted('hold', adverb='already')} {names} at Level {level}: another "
               f"Level {level} qualification {same} would largely repeat it.")
    # On paper, whom to ask about a route to it, in place of the app's page that plans one.
    route = (f"ask your adviser or the centre about a route to it from what {voice.they} hold"
             if voice.printed else f"plan a route from what {voice.they} hold to see it")
    if step_up:
        message += (f" If {voice.learners} work is ready for it, Level {level + 1} is the step "
                    "up" + (f": {route}." if at_level else "."))
    return [Finding(FindingCode.HOLDS_AT_LEVEL, message,
                    tuple(c for q in at_level for c in q.source))]


def _not_working_finding(catalogue: Catalogue, as_at: dt.date, register: Register | None,
                         age: int | None) -> Finding:
    """The introductory level for someone not in work, and whom its introductory qualification
    is written for; where that qualification is not open on ``as_at`` (not yet, or no longer),
    said too, so that the reason does not read as advice to take it."""
    q = recommendation_index(catalogue).introductory
    if q is None or q.suitable_for is None:
        return Finding(FindingCode.NOT_WORKING, "Not working at present.", level=None)
    # Quote whom it is written for among people not in work, not those "currently working",
    # nor, to someone under 18 (not yet an adult), "adult learners".
    points = [p for p in q.suitable_for.points if "currently working" not in p.lower()
              and not (age is not None and age < 18 and "adult" in p.lower())]
    # A school leaver is not quoted the lines for a career change, nor someone of 25 or more
    # the line for young learners who have just left school.
    if age is not None and age < 19:
        points = [p for p in points if "career change" not in p.lower()] or points
    elif age is not None and age >= 25:
        points = [p for p in points if "young" not in p.lower()] or points
    status = status_on(catalogue, q, as_at, register=register)
    when = yet_to_come(q, as_at)
    aside = (f" On this date {q.reference} itself had not opened yet ({when})." if when else
             f" On this date {q.reference} itself is closed to new learners."
             if status.status.closed else "")
    introductory = (f"Not working at present: {q.name}, at Level {q.level}, is the "
                    "introductory qualification")
    if age is not None and age < SCHOOL_LEAVING_AGE and q.ages is not None:
        # Someone of 13 or 14 is still at school, so not one of the "young learners who have
        # just left school" (all that is left for them): what the guide says of their age.
        said = [r.message for r in check_eligibility(catalogue, q, age=age, as_at=as_at).reasons
                if r.code in (ReasonCode.AGE_APPROVED, ReasonCode.AGE_CAUTION)]
        if said:
            return Finding(FindingCode.NOT_WORKING, f"{introductory}. " + " ".join(said) + aside,
                           q.ages.source, level=q.level)
    return Finding(
        FindingCode.NOT_WORKING,
        f"{introductory}, written among others for: "
        + "; ".join(points or q.suitable_for.points) + "." + aside,
        q.suitable_for.source, level=q.level,
    )


def _working_finding(catalogue: Catalogue, as_at: dt.date,
                     register: Register | None, voice: Voice) -> Finding | None:
    """Level 2 for someone in work, as the handbook of the Level 2 qualification written for
    people in work says; where that qualification has closed, said too, so that the reason
    does not read as advice to take it."""
    q = recommendation_index(catalogue).for_people_in_work
    if q is None or q.suitable_for is None:
        return None
    status = status_on(catalogue, q, as_at, register=register)
    if status.status.closed:
        return Finding(
            FindingCode.WORKING,
            f"{voice.noted('work')} in a job that involves customer service: Level 2 is "
            "written for people "
            f"starting or already doing such a job, as the handbook of {q.name} says ("
            f"{q.reference} itself has closed to new learners).", q.suitable_for.source,
            level=2)
    return Finding(
        FindingCode.WORKING,
        f"{voice.noted('work')} in a job that involves customer service: {q.name} at Level 2 "
        "is written for people starting or already doing such a job.",
        q.suitable_for.source, level=2,
    )


def _options_at(catalogue: Catalogue, level: int, profile: Profile, as_at: dt.date,
                check_options: bool, register: Register | None,
                subject: str, voice: Voice) -> tuple[Option, ...]:
    held = set(profile.held_qualifications)
    completed = [catalogue.qualifications[i] for i in sorted(held) if i in catalogue.qualifications]
    repeats: set[str] = set()  # the options that would largely repeat one held
    # The units the learner holds: those named, and the mandatory units of each qualification
    # completed (as a route or an intake counts them).
    units_held = list(dict.fromkeys([*profile.held_units, *(
        urn for q in completed for urn in units_of_qualification(catalogue, q, as_at=as_at)[0])]))
    options = []
    registered = (register_qualifications_at(catalogue, register, level, as_at, subject=subject)
                  if register is not None else [])
    for q in (*recommendation_index(catalogue).by_level.get(level, ()), *registered):
        if q.id in held:
            continue
        eligibility = check_eligibility(catalogue, q, age=profile.age, as_at=as_at,
                                        senior_role=in_senior_role(profile.senior_role,
                                                                   profile.employment),
                                        register=register, voice=voice)
        fits, note = fits_aim(catalogue, q, profile.aim, eligibility)
        # For an apprenticeship, what replaced one held may be the very component needed.
        repeated = (repetition(q, completed, profile.aim, voice=voice)
                    if profile.aim is not Aim.APPRENTICESHIP else None)
        if repeated is not None:
            note = f"{repeated.message} {note}" if note else repeated.message
            if repeated.largely:
                fits = False if profile.aim is not None else None
                repeats.add(q.id)
        if q.related_field is not None:
            related = (f"In a related field, {q.related_field}, not customer service itself: "
                       "the sources name it as a progression beside the Customer Service "
                       "qualifications.")
            fits = False if profile.aim is not None else None
            note = f"{related} {note}" if note else related
        check = (check_for_learner(catalogue, q, units_held, as_at=as_at,
                                   employment=profile.employment) if check_options else None)
        options.append(Option(q, eligibility, fits, note, check))
    # Open on the date first, then not known, then closed; then those that fit the aim, those
    # that would not repeat what the learner holds, those the learner can start, and those
    # their units count most towards. Stable: among equals, the index's order (current before
    # legacy, then by code).
    order = {True: 0, None: 1, False: 2}
    options.sort(key=lambda o: (o.eligibility.status.status.rank, order[o.fits_aim],
                                o.qualification.related_field is not None,
                                o.qualification.id in repeats,
                                order[o.eligibility.eligible],
                                -o.check.credits_counted if o.check else 0))
    return tuple(options)


def _status_cautions(catalogue: Catalogue, level: int, options: Sequence[Option],
                     as_at: dt.date, held: Sequence[Qualification],
                     voice: Voice) -> list[Finding]:
    if not options:  # besides those held, which are not offered again
        here = [q.reference for q in held if q.level == level]
        return [Finding(FindingCode.NOTHING_AT_LEVEL, (
            f"Besides {listed(here, 'and')}, which {voice.does('hold')}, the catalogue holds no "
            f"qualification at Level {level}" if here else
            f"The catalogue holds no qualification at Level {level}")
            + (", the highest level in these documents." if level == max(
                catalogue.levels_offered, default=level) else "."))]
    day = uk_date(as_at)
    # Closed to new learners, whether by a last entry date or because certificates have ended.
    closed = [o for o in options if o.eligibility.status.status.closed]
    not_yet = [o for o in options if o.eligibility.status.status is Status.NOT_YET_OPEN]
    unknown = [o for o in options if o.eligibility.status.status is Status.UNKNOWN]
    findings: list[Finding] = []
    if len(closed) == len(options):
        successors = []
        for o in closed:
            for replacement in o.qualification.replaced_by:
                successor = catalogue.qualifications.get(replacement.by)
                if successor is not None:
                    successors.append(f"{o.qualification.name} by {successor.name}"
                                      + (" (inferred)" if replacement.inferred else ""))
        message = (f"Every qualification at Level {level} in the catalogue had closed to new "
                   f"learners by {day}.")
        if successors:
            message += " What replaced them, from the sources: " + "; ".join(successors) + "."
        findings.append(Finding(FindingCode.ALL_CLOSED, message,
                                tuple(c for o in closed for c in o.eligibility.status.source)))
    elif not any(o.open_on_date for o in options):
        def named(these: Sequence[Option]) -> str:  # by reference: "09629 and 03456"
            return listed([o.qualification.reference for o in these], "and")

        parts = []
        if closed:
            parts.append(f"{named(closed)} had closed to new learners")
        if not_yet:
            parts.append(f"{named(not_yet)} had not opened yet")
        if unknown:
            parts.append(f"for {named(unknown)} the sources do not give enough to confirm "
                         + ("it" if len(unknown) == 1 else "them"))
        findings.append(Finding(
            FindingCode.NONE_CONFIRMED_OPEN,
            f"None of the qualifications at Level {level} can be confirmed open on {day}: "
            + " and ".join(parts) + ". Check with the awarding body before enrolling.",
        ))
    return findings


def _aim_cautions(catalogue: Catalogue, profile: Profile, options: Sequence[Option],
                  as_at: dt.date, register: Register | None, voice: Voice) -> list[Finding]:
    findings: list[Finding] = []
    first = min(catalogue.frameworks.values(), key=lambda f: f.level, default=None)
    level = options[0].qualification.level if options else None
    if (profile.aim is Aim.APPRENTICESHIP and first is not None and level is not None
            and level < first.level and not any(o.fits_aim for o in options)):
        # Below the apprenticeships: the qualifications here prepare for one, not part of one.
        findings.append(Finding(
            FindingCode.AIM_NOT_MET_AT_LEVEL,
            f"None of these Level {level} qualifications is part of an apprenticeship: the "
            f"apprenticeships in these documents start at Level {first.level}, as a job with "
            "training (see the next steps). These can prepare for one.", first.source))
    elif profile.aim is not None and options and not any(o.fits_aim for o in options):
        findings.append(Finding(
            FindingCode.AIM_NOT_MET_AT_LEVEL,
            f"No qualification at this level in the catalogue is known to fit the aim "
            f"({profile.aim.value}); the others are listed for comparison.",
        ))
    # Not working, aiming for competence or offered an NVQ or a combined one: assessed at work.
    at_work = [o.qualification for o in options if o.qualification.kind.assessed_at_work
               and not o.eligibility.status.status.closed]
    if profile.employment is Employment.NOT_WORKING and (profile.aim is Aim.COMPETENCE
                                                         or at_work):
        finding = assessed_at_work_finding(
            catalogue, at_work, voice=voice, as_a_kind=True,
            knowledge=knowledge_for_those_preparing(catalogue, profile, level, as_at, register))
        findings += [finding] if finding is not None else []
    if profile.employment is Employment.NOT_WORKING:
        findings += units_assessed_in_a_job(catalogue, [
            (o.qualification.reference, o.check.plan if o.check is not None else None)
            for o in options])
    return findings

