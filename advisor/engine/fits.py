"""How an option or a route suits a learner: whether it fits what they want (knowledge,
competence or an apprenticeship), whether it would largely repeat a qualification they hold,
and which routes they can take first. Used by :mod:`advisor.engine.recommend` for the options
at the level it suggests, and by the route journeys for the routes found.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from advisor.catalogue import (
    Catalogue,
    Category,
    Citation,
    Kind,
    Qualification,
    Statement,
    Unit,
)
from advisor.engine.combination_types import Plan
from advisor.engine.eligibility import Eligibility, Status, check_eligibility
from advisor.engine.frameworks import framework_name, frameworks_with
from advisor.engine.planner import PlanPreference
from advisor.engine.recommend_index import recommendation_index
from advisor.engine.recommend_types import (
    Aim,
    Employment,
    Finding,
    FindingCode,
    Profile,
)
from advisor.engine.route_types import Route
from advisor.engine.wording import (
    THE_LEARNER,
    Voice,
    listed,
    replaced_it,
    sentence_start,
    uk_date,
)
from advisor.register import Register

__all__ = [
    "KINDS_GIVING",
    "KIND_IN_A_CLAUSE",
    "AimFit",
    "Repetition",
    "assessed_at_work_finding",
    "competence_assessment_source",
    "fits_aim",
    "how_assessed_at_work",
    "in_senior_role",
    "knowledge_for_those_preparing",
    "learner_can_start_first",
    "repetition",
    "route_fits_aim",
    "senior_role_asked_at",
    "steps_barred",
    "steps_for_learner",
    "units_assessed_in_a_job",
]

KIND_IN_A_CLAUSE = {Kind.KNOWLEDGE: "knowledge", Kind.COMPETENCE: "competence, such as an NVQ",
                    Kind.COMBINED: "knowledge and competence in one"}
"""A kind of qualification in a clause: "of the same kind (knowledge)"."""


KINDS_GIVING = {Aim.KNOWLEDGE: frozenset({Kind.KNOWLEDGE, Kind.COMBINED}),
                Aim.COMPETENCE: frozenset({Kind.COMPETENCE, Kind.COMBINED})}
"""The kinds of qualification that give what a learner wants, for the aims that a kind
answers (an apprenticeship is a matter of frameworks, not of kind)."""


def fits_aim(catalogue: Catalogue, q: Qualification, aim: Aim | None,
             eligibility: Eligibility) -> tuple[bool | None, str]:
    """Whether ``q`` fits the learner's ``aim`` (None where it cannot be told, or no aim was
    given), and why in a sentence."""
    if aim is None:
        return None, ""
    kinds = KINDS_GIVING
    if aim is Aim.APPRENTICESHIP:
        return _fits_an_apprenticeship(catalogue, q, eligibility)
    if q.kind is Kind.UNKNOWN:
        return None, ("The sources do not say whether it is a knowledge or a competence "
                      "qualification.")
    fits = q.kind in kinds[aim]
    described = {
        Kind.KNOWLEDGE: "a knowledge (Principles) qualification",
        Kind.COMPETENCE: "a competence (NVQ) qualification",
        Kind.COMBINED: "a combined knowledge and competence qualification",
    }[q.kind]
    return fits, f"It is {described}."


def _fits_an_apprenticeship(catalogue: Catalogue, q: Qualification,
                            eligibility: Eligibility) -> tuple[bool | None, str]:
    """Whether ``q`` is a component of an apprenticeship framework, and not one whose place in
    apprenticeships another framework's component has taken by the date (09629 and 03456 by
    10380 once the 2014 framework was issued: apprentices had to enrol on that). Where that
    framework's issue date is not given, the centre is asked which one."""
    as_at = eligibility.as_at
    named = frameworks_with(catalogue, q.id)
    if not named:
        return False, "Not named as a component of an apprenticeship framework in the sources."
    in_force = [f for f in named if f.issued is None or f.issued <= as_at]
    if not in_force:  # only in a framework still to come on the date
        return False, (f"A component of the {framework_name(catalogue, named[0])}, issued on "
                       f"{uk_date(named[0].issued or as_at)}, after {uk_date(as_at)}.")
    frameworks = "; ".join(framework_name(catalogue, f) for f in in_force)
    for replacement in q.replaced_by:
        successor = catalogue.qualifications.get(replacement.by)
        taking = frameworks_with(catalogue, replacement.by)
        if successor is None or not taking:
            continue
        issued = min((f.issued for f in taking if f.issued is not None), default=None)
        if issued is not None and as_at < issued:
            continue  # its framework not issued yet: this one still serves
        said = f"A component of {frameworks}, but {replaced_it(successor.name, replacement)}"
        if eligibility.status.status.closed:
            return False, f"{said}."
        if issued is None:
            return None, (f"{said}: ask the centre which of the two an apprenticeship needs on "
                          f"{uk_date(as_at)}.")
        return False, (f"{said}; the {framework_name(catalogue, taking[0])} was issued on "
                       f"{uk_date(issued)}, so for an apprenticeship ask about "
                       f"{successor.name}.")
    return True, f"A component of {frameworks}."


_PART = {Kind.KNOWLEDGE: "knowledge part", Kind.COMPETENCE: "competence part (assessed at work)"}


@dataclass(frozen=True)
class Repetition:
    """How an option overlaps a qualification the learner holds: said in ``message``; ``largely``
    where it would largely repeat it, for what the learner wants (the option is then marked as
    not fitting their aim, and listed after the others)."""

    message: str
    largely: bool


def repetition(q: Qualification, held: Sequence[Qualification],
               aim: Aim | None = None, *, voice: Voice = THE_LEARNER) -> Repetition | None:
    """How ``q`` overlaps the qualifications ``held`` (None where it does not): it replaced one
    or more of them, or it is of the same kind at the same level as one. What replaced a
    knowledge or a competence qualification with one that combines both repeats only the part
    held: largely a repeat only for someone who wants that part again (``aim``), or who holds
    both parts. ``voice``: of the learner, or to them (a printout's)."""
    replaced = [(h, r) for h in held for r in h.replaced_by if r.by == q.id]
    if replaced:
        names = [f"{h.name}, which {voice.does('hold')}, {r.setting}" for h, r in replaced]
        said = (f"It replaces {' and '.join(names)}"
                + (" (as the sources suggest)" if any(r.inferred for _, r in replaced) else ""))
        (part, *others) = {h.kind for h, _ in replaced}
        if q.kind is Kind.COMBINED and not others and part in _PART:
            other = Kind.COMPETENCE if part is Kind.KNOWLEDGE else Kind.KNOWLEDGE
            if not any(h.kind in (other, Kind.COMBINED) and h.level == q.level for h in held):
                return Repetition(f"{said}: its {_PART[part]} would repeat what {voice.they} "
                                  f"already have, and its {_PART[other]} would be new.",
                                  largely=aim is not None and aim.value == part.value)
        return Repetition(f"{said}: much of it would repeat what {voice.they} already have.",
                          largely=True)
    for h in held:
        if (h.level, h.kind) == (q.level, q.kind) and q.kind in KIND_IN_A_CLAUSE:
            return Repetition(f"It is of the same kind ({KIND_IN_A_CLAUSE[q.kind]}) and level "
                              f"as {h.name}, which {voice.does('hold')}: it would largely "
                              "repeat it.", largely=True)
    return None


@dataclass(frozen=True)
class AimFit:
    """Whether the qualification a route ends in fits what the learner wants (``fits``: None
    where that is not known, or no aim was given), why in a sentence or two (``why``) and its
    ``source``; ``needs_work`` where, the learner not working now, what it asks of them is
    assessed at work, so that they would need a job or a work placement for it."""

    fits: bool | None
    why: str
    source: tuple[Citation, ...] = ()
    needs_work: bool = False


def route_fits_aim(catalogue: Catalogue, route: Route, aim: Aim | None, *,
                   employment: Employment | None = None,
                   register: Register | None = None,
                   voice: Voice = THE_LEARNER) -> AimFit:
    """Whether the qualification a route ends in fits the learner's ``aim``, as an option would
    (:func:`fits_aim`, on the route's date): not where it would largely repeat a qualification
    held before it on the route (:func:`repetition`), as the starting level says of the same
    option; and why. For a learner not working now (``employment``), a qualification whose
    competence is assessed at work fits an aim of knowledge or competence only with a job or
    a work placement (``needs_work``), as the starting level says of the same option ("yes,
    but part of it is assessed at work"): said, with the source of how competence is
    assessed."""
    end = route.path[-1]
    fits, why = fits_aim(catalogue, end, aim, check_eligibility(
        catalogue, end, as_at=route.as_at, register=register))
    repeated = (repetition(end, route.path[:-1], aim, voice=voice)
                if aim is not None and aim is not Aim.APPRENTICESHIP else None)
    if repeated is not None and repeated.largely:
        return AimFit(False, f"{repeated.message} {why}".strip())
    if (fits and employment is Employment.NOT_WORKING and end.kind.assessed_at_work
            and aim in KINDS_GIVING):
        source = competence_assessment_source(catalogue, [end])
        # That a job or a work placement is needed is said beside it (``needs_work``), once.
        watched = f"(an assessor watches {voice.learner} do the job)"
        if aim is Aim.KNOWLEDGE:  # a competence qualification never fits it: combined here
            return AimFit(True, (
                "It combines knowledge and competence, and its competence part is assessed at "
                f"work {watched}. A qualification of knowledge alone gives what {voice.they} "
                "want without one."), source, needs_work=True)
        return AimFit(True, f"{why} It is assessed at work {watched}.", source, needs_work=True)
    return AimFit(fits, why)


def senior_role_asked_at(catalogue: Catalogue, level: int) -> bool:
    """Whether every qualification learners enrol on at ``level`` asks for a senior role
    (Level 4, 10381), so that a route there is for someone in one."""
    at_level = [q for q in catalogue.qualifications.values()
                if q.level == level and q.category is Category.QUALIFICATION]
    return bool(at_level) and all(q.role_requirement is not None for q in at_level)


# How many routes :func:`learner_can_start_first` orders for each one it gives.
_ROUTES_ORDERED_PER_SHOWN = 3


def learner_can_start_first(catalogue: Catalogue, routes: Iterable[Route], *,
                            age: int | None = None, senior_role: bool | None = None,
                            aim: Aim | None = None, register: Register | None = None,
                            start_level: int | None = None,
                            employment: Employment | None = None,
                            shown: int | None = None) -> list[Route]:
    """``routes`` in the order a learner of ``age``, in a senior role or not
    (``senior_role``), wanting ``aim``, can take them, each group kept in its order: routes
    through a closed qualification after the others, as found; and among each, first those
    with no step barred to them by their age or role, then those they can start but whose
    later step is (a qualification not approved for their age group, which they may outgrow,
    or one for a senior role), then those whose first step is; within each of these, where
    nothing is completed, those starting at ``start_level`` (the level suggested for the
    learner) before those starting elsewhere; then the routes ending in a qualification that
    fits their aim, then those where that is not known, then those that do not. A
    15-year-old's first route is not one they cannot start, nor is a Level 1 start for a team
    leader suggested Level 3, nor a knowledge qualification for someone who wants to prove
    their competence where a route to one that does is found. For a learner not working
    (``employment``), routes whose first step is assessed at work (a competence
    qualification, or one combining knowledge and competence: an assessor watches them do the
    job) come after the others in each group, just before the aim decides: a course they can
    take now first. Unchanged with none given.
    ``shown``: the most routes wanted, the first of those ordered from up to three times as
    many (a route starting at ``start_level`` may be found after several starting straight at
    the target); all of ``routes`` otherwise."""
    routes = list(itertools.islice(routes, _ROUTES_ORDERED_PER_SHOWN * shown)
                  if shown is not None else routes)
    not_working = employment is Employment.NOT_WORKING
    if (age is None and senior_role is None and aim is None and start_level is None
            and not not_working):
        return routes[:shown]

    def order(route: Route) -> tuple[bool, bool, bool, bool, bool, int]:
        barred = [n for n, _ in steps_barred(catalogue, route, age=age,
                                             senior_role=senior_role, register=register)]
        first = route.steps[0] if route.steps else None
        elsewhere = (start_level is not None and first is not None and first.from_ is None
                     and first.to.level != start_level)
        at_work = (not_working and first is not None
                   and first.to.kind.assessed_at_work)
        # Those known to fit, those that fit only with a job (for someone not working), then
        # those not known, then those known not to.
        fitting = route_fits_aim(catalogue, route, aim, employment=employment,
                                 register=register)
        fit = 1 if fitting.fits and fitting.needs_work else {True: 0, None: 2,
                                                              False: 3}[fitting.fits]
        # A route through a closed qualification stays after the others, as it was found.
        return (route.status.closed, 1 in barred, bool(barred), elsewhere, at_work, fit)
    return sorted(routes, key=order)[:shown]


def steps_for_learner(catalogue: Catalogue, route: Route, *, age: int | None = None,
                      senior_role: bool | None = None, register: Register | None = None,
                      voice: Voice = THE_LEARNER) -> list[tuple[int, Eligibility]]:
    """Each step of ``route``, numbered from 1, with the eligibility of a learner of ``age``,
    in a senior role or not (``senior_role``), for where it leads: its
    :attr:`~Eligibility.not_for_this_learner` says what bars them whatever the date says,
    :attr:`~Eligibility.not_settled_for_this_learner` what leaves it open; its reasons worded
    in ``voice``. Empty where neither was given."""
    if age is None and senior_role is None:
        return []
    return [(n, check_eligibility(catalogue, step.to, age=age, senior_role=senior_role,
                                  as_at=route.as_at, register=register, voice=voice))
            for n, step in enumerate(route.steps, start=1)]


def steps_barred(catalogue: Catalogue, route: Route, *, age: int | None = None,
                 senior_role: bool | None = None, register: Register | None = None,
                 voice: Voice = THE_LEARNER) -> list[tuple[int, Eligibility]]:
    """The steps of ``route`` a learner of ``age``, in a senior role or not
    (``senior_role``), cannot take whatever the date says (an age group it is not approved
    for, a senior role it needs), each numbered from 1 with its eligibility, whose
    :attr:`~Eligibility.not_for_this_learner` says why (in ``voice``); empty where nothing
    bars them or neither was given."""
    return [(n, eligibility) for n, eligibility in steps_for_learner(
                catalogue, route, age=age, senior_role=senior_role, register=register,
                voice=voice)
            if eligibility.not_for_this_learner]


def how_assessed_at_work(voice: Voice = THE_LEARNER) -> str:
    """How a competence qualification is assessed, in a clause (003 § ASSESSMENT, § Simulation):
    the one wording of every caution that a qualification is assessed at work."""
    return (f"an assessor watches {voice.learner} do the job and colleagues act as witnesses; "
            "simulation is used only where real work cannot show a skill (an event that is "
            "rare, or too risky to meet for real) or to add to other evidence, and must copy "
            "real work in a realistic workplace")


def competence_assessment_source(catalogue: Catalogue, qualifications: Iterable[Qualification]
                                 ) -> tuple[Citation, ...]:
    """Where the assessment :func:`how_assessed_at_work` words is described: the first
    competence qualification's own assessment among ``qualifications``, else the documents'
    (003's)."""
    return next((q.assessment.source for q in qualifications
                 if q.kind is Kind.COMPETENCE and q.assessment),
                ()) or recommendation_index(catalogue).competence_assessment


def assessed_at_work_finding(catalogue: Catalogue, qualifications: Sequence[Qualification], *,
                             voice: Voice = THE_LEARNER, as_a_kind: bool = False,
                             knowledge: tuple[str, tuple[Citation, ...]] = ("", ())
                             ) -> Finding | None:
    """For a learner not working: that those of ``qualifications`` assessed at work (an NVQ,
    and the competence part of one combining knowledge and competence) are, each named by its
    reference, how (:func:`how_assessed_at_work`), and that without a job or a work placement
    a qualification of knowledge alone may suit better; ``knowledge``: words ending that
    sentence, naming such qualifications, with their sources
    (:func:`knowledge_for_those_preparing`). ``as_a_kind``: competence qualifications are
    spoken of as a kind, not named (the options at a level, whose table names them), and the
    finding is given even where none of ``qualifications`` is assessed at work (a learner
    aiming for competence); else None then."""
    at_work = [q for q in qualifications if q.kind.assessed_at_work]
    if not at_work and not as_a_kind:
        return None
    competence = [q.reference for q in at_work if q.kind is Kind.COMPETENCE]
    combined = [q.reference for q in at_work if q.kind is Kind.COMBINED]
    part = (f"the competence part of {listed(combined, 'and')}, which "
            f"combine{'s' if len(combined) == 1 else ''} knowledge and competence"
            if combined else "")  # (aiming for competence with none offered: none to name)
    if as_a_kind or competence:
        such_as = f", such as {listed(competence, 'and')}," if competence and not as_a_kind else ""
        lead = (f"Competence (NVQ) qualifications{such_as} are assessed at work"
                + (f", and so is {part}" if combined else ""))
    else:
        lead = f"{sentence_start(part)}, is assessed at work"
    words, written_for = knowledge
    return Finding(
        FindingCode.COMPETENCE_NEEDS_WORK,
        f"{lead}: {how_assessed_at_work(voice)}. Without a job or a work placement, a "
        f"qualification of knowledge alone may suit better{words}.",
        (*competence_assessment_source(catalogue, at_work), *written_for))


def knowledge_for_those_preparing(catalogue: Catalogue, profile: Profile, level: int | None,
                                  as_at: dt.date, register: Register | None
                                  ) -> tuple[str, tuple[Citation, ...]]:
    """For a learner not working: the knowledge qualifications at ``level`` or the one above
    that their documents write for people preparing for employment (09628, 001 § 2.3), and
    that the learner could start on the date (not closed, their age not refused), in words to
    end a sentence, with their sources; nothing where there is none."""
    found = []
    day = uk_date(as_at)
    for q in sorted(catalogue.qualifications.values(), key=lambda q: (q.level or 0, q.reference)):
        if (q.suitable_for is None or q.kind is not Kind.KNOWLEDGE or level is None
                or q.level not in (level, level + 1)):
            continue
        point = next((p for p in q.suitable_for.points if "preparing for employment" in p.lower()),
                     None)
        if point is None:
            continue
        eligibility = check_eligibility(catalogue, q, age=profile.age, as_at=as_at,
                                        register=register)
        if eligibility.eligible is False:
            continue
        opened = (f"open to new learners on {day}" if eligibility.status.status is Status.OPEN
                  else f"whether it is open on {day}, the sources do not say")
        above = " (a level above the one suggested)" if q.level == level + 1 else ""
        found.append((f"{q.name}, at Level {q.level}{above}, written among others for those "
                      f"\"{point}\" ({opened})", q.suitable_for.source))
    if not found:
        return "", ()
    return (": " + "; ".join(words for words, _ in found),
            tuple(c for _, sources in found for c in sources))


def units_assessed_in_a_job(catalogue: Catalogue, plans: Sequence[tuple[str, Plan | None]]
                            ) -> list[Finding]:
    """For a learner not working: each unit in a smallest plan (``plans``: what each is for, as
    words, "10378" or "step 1 (10378)", and the plan) that a source says is assessed in a
    particular job (10378's contact-centre unit, its calls observed), with the source's words
    and a next step. A plan made for a learner not working leaves such units out wherever a
    plan as small does without them (:mod:`advisor.engine.plan_preferences`): one it keeps is
    needed at that size, and the finding says so."""
    planned: dict[str, tuple[Unit, Statement, list[str], list[PlanPreference]]] = {}
    for where, plan in plans:
        for unit in (catalogue.units[u.urn] for u in (plan.units if plan is not None else ())
                     if u.urn in catalogue.units):
            if unit.assessment is not None and plan is not None:
                found = planned.setdefault(unit.urn, (unit, unit.assessment, [], []))
                found[2].append(where)
                found[3].append(plan.preference)
    findings = []
    for unit, assessment, references, preferences in planned.values():
        needed = _needed(unit, preferences)
        findings.append(Finding(
            FindingCode.UNIT_NEEDS_WORK,
            f"The smallest plan for {listed(references, 'and')} includes {unit.title} "
            f"({unit.urn}){needed}{' Of it' if needed else ', of which'} the sources say: "
            f"\"{' '.join(assessment.points)}\" Without such a job, ask the centre which other "
            "unit could take its place.", assessment.source))
    return findings


def _needed(unit: Unit, preferences: Sequence[PlanPreference]) -> str:
    """Where every plan that takes ``unit`` was made to leave such units out: that no plan as
    small does without it (or another such unit, where the plan could take others), as the
    end of a sentence; else nothing."""
    if not all(unit.urn in p.avoid for p in preferences):
        return ""
    others = any(len(p.avoid) > 1 for p in preferences)
    return (", and no plan as small does without it"
            + (" or another such unit" if others else "") + ".")


def in_senior_role(senior_role: bool | None, employment: Employment | None) -> bool | None:
    """Whether a learner is in a senior role, as far as their answers say: not, where they are
    not working now (Level 4 asks for someone *working* in one), whatever was answered before;
    else as answered (None: not given). The same learner gets the same answer on the route
    page, from the command line and in an intake."""
    return False if employment is Employment.NOT_WORKING else senior_role
