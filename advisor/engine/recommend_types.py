"""The starting-level journey's data: what a learner tells the advisor (:class:`Profile`), and
the answer (:class:`Recommendation`) with its reasons, its options and what to do next. Worked
out by :mod:`advisor.engine.recommend` and :mod:`advisor.engine.next_steps`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from advisor.catalogue import Citation, JobRole, Qualification
from advisor.engine.combination_types import CombinationCheck
from advisor.engine.eligibility import Eligibility, Status, StatusOnDate
from advisor.engine.frameworks import FrameworkStatus
from advisor.engine.job_roles import RoleMatch
from advisor.engine.opening_later import OpeningLater
from advisor.engine.wording import THE_LEARNER, Voice


class Employment(StrEnum):
    WORKING = "working"  # in a job that involves customer service (or a work placement)
    NOT_WORKING = "not-working"  # preparing for work, returning to work, or still at school


class Aim(StrEnum):
    KNOWLEDGE = "knowledge"  # learn what good customer service is: a Principles qualification
    COMPETENCE = "competence"  # prove it at work: an NVQ
    APPRENTICESHIP = "apprenticeship"  # a qualification that counts towards an apprenticeship


@dataclass(frozen=True, kw_only=True)
class Profile:
    """What a learner (or their adviser) tells the advisor. Every field is optional."""

    age: int | None = None
    employment: Employment | None = None
    role: str | None = None  # their job title, in their own words
    responsibilities: tuple[str, ...] = ()  # Level 3 suitability points that describe their work
    senior_role: bool | None = None  # a senior role where they influence decisions
    held_qualifications: tuple[str, ...] = ()  # qualification ids
    # Customer service qualifications held that these documents do not describe (another
    # awarding body's NVQ, say), by level: all that is known of them.
    other_held_levels: tuple[int, ...] = ()
    held_units: tuple[str, ...] = ()  # URNs
    aim: Aim | None = None
    # Not working: the job they would like, in their own words or a listed title. It never
    # sets the level (the documents tie that to age, work and what is held).
    job_wanted: str | None = None


class FindingCode(StrEnum):
    """What a reason or caution of a recommendation is about: stable values for files and
    programs (the JSON's ``code``), compared by name in code."""

    AIM_NOT_MET_AT_LEVEL = "aim-not-met-at-level"
    ALL_CLOSED = "all-closed"
    COMPETENCE_NEEDS_WORK = "competence-needs-work"
    HOLDS_AT_LEVEL = "holds-at-level"
    HOLDS_QUALIFICATION = "holds-qualification"
    JOB_WANTED_LISTED = "job-wanted-listed"  # what the documents say of a job wanted
    JOB_WANTED_NOT_LISTED = "job-wanted-not-listed"
    JOB_WANTED_QUALIFICATIONS = "job-wanted-qualifications"  # those towards it on the date
    LEVEL_3_STATEMENTS = "level-3-statements"
    NO_AUTOMATIC_MOVE_UP = "no-automatic-move-up"
    NONE_CONFIRMED_OPEN = "none-confirmed-open"
    NOT_ENOUGH_TO_RECOMMEND = "not-enough-to-recommend"
    NOT_SENIOR_ROLE = "not-senior-role"
    NOT_WORKING = "not-working"
    NOTHING_AT_LEVEL = "nothing-at-level"
    ROLE_AFTER_QUALIFICATION = "role-after-qualification"
    ROLE_LEVEL = "role-level"
    ROLE_NOT_LISTED = "role-not-listed"
    SENIOR_ROLE = "senior-role"
    SENIOR_ROLE_NOT_WORKING = "senior-role-not-working"
    SOME_LEVEL_3_STATEMENTS = "some-level-3-statements"
    UNIT_NEEDS_WORK = "unit-needs-work"  # a unit planned that a source says is assessed in a job
    WORK_NOT_COUNTED = "work-not-counted"  # a job or work described, but not working now
    WORKING = "working"


@dataclass(frozen=True)
class Finding:
    """One reason or caution: a stable code, a plain-English message and its sources."""

    code: FindingCode
    message: str
    source: tuple[Citation, ...] = ()
    level: int | None = None  # the level this evidence points to, if any


@dataclass(frozen=True)
class NextStep:
    """Something the learner can do next, in plain English, with its source where one
    applies (a documented progression); without one it is this advisor's own advice."""

    message: str
    source: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Option:
    """A qualification at the recommended level, as it stands for this learner."""

    qualification: Qualification
    eligibility: Eligibility
    fits_aim: bool | None  # None: no aim given, or the qualification's kind is not known
    aim_note: str
    # The learner's units against its rules, with the smallest plan; None when not asked for.
    check: CombinationCheck | None

    @property
    def can_start(self) -> bool | None:
        """Whether this learner can start it on the date (None: not known, see
        ``eligibility.depends_on``)."""
        return self.eligibility.eligible

    @property
    def open_on_date(self) -> bool:
        """Whether it takes new learners on the date, whoever they are."""
        return self.eligibility.status.status is Status.OPEN


class RouteOfferKind(StrEnum):
    """Why a route is offered: stable values, compared by name in code."""

    ONWARD = "onward"  # no level above what is held to aim for: onward from it
    TO_LEVEL = "to-level"  # to the level suggested
    STEP_UP = "step-up"  # holding one at the level suggested: the level above, if ready
    TO_APPRENTICESHIPS = "to-apprenticeships"  # where the documents' apprenticeships start
    ON_AFTER = "on-after"  # holding nothing yet: on to the level above, after the one suggested
    COMPETENCE_AT_LEVEL = "competence-at-level"  # competence at the level suggested
    TO_JOB_WANTED = "to-job-wanted"  # to the level the documents list a job wanted at


@dataclass(frozen=True, kw_only=True)
class RouteOffer:
    """A route to plan next, as *Find a starting level* offers it (worked out by
    :mod:`advisor.engine.route_offers`): why it is offered, where it aims (a level, a
    qualification, or neither: onward), and, where the learner holds nothing, the level the
    routes start at."""

    kind: RouteOfferKind
    from_held: bool = False  # it starts from what the learner holds (a qualification or units)
    to_level: int | None = None
    to_qualification: Qualification | None = None
    start_level: int | None = None  # holding nothing: the level suggested, where routes start
    asks_senior_role: bool = False  # the level aimed for asks for a senior role not said held
    # ``to_qualification`` is part of an apprenticeship framework at its level, as the learner
    # who wants an apprenticeship asked (10379, a component of the Level 2 framework).
    in_apprenticeship: bool = False
    why: str = ""  # where the link needs it: why this route, in a sentence or two
    source: tuple[Citation, ...] = ()
    job: str | None = None  # to a job wanted: the listed title it is at ``to_level`` for
    # To a level: the qualifications there that open after the date (no route goes through
    # them yet), for a learner planning ahead.
    opening_later: tuple[OpeningLater, ...] = ()


@dataclass(frozen=True)
class TowardsJob:
    """A qualification towards a job wanted (at the level the documents list it at, or the
    one they say leads to it, or what replaced that), with its status on the date."""

    qualification: Qualification
    status: StatusOnDate


@dataclass(frozen=True, kw_only=True)
class WantedRole:
    """A listed job role a job wanted matches: what the documents say of it (``about``, whose
    ``level`` is the level they list it at, or None), the qualifications towards it with their
    status on the date, and those worded (``towards``: which are open then, and the rest;
    ``at_work``: those of them assessed at work)."""

    role: JobRole
    about: Finding
    qualifications: tuple[TowardsJob, ...]
    towards: Finding
    # For those of them a learner could still start that are assessed at work: that they are,
    # and how, as the options at the level suggested say it (a learner not working needs a job
    # or a work placement for them); None where none is.
    at_work: Finding | None = None

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What is said of the role, in the order it is read: ``about``, ``towards``, then
        ``at_work`` where there is one."""
        return (self.about, self.towards, *((self.at_work,) if self.at_work else ()))


@dataclass(frozen=True, kw_only=True)
class JobWanted:
    """The job a learner not working would like, matched to the documents' job roles as a
    job title is (``match``): each listed role it matches, or, where it matches none, why the
    documents say nothing of it, with the close titles (``not_listed``)."""

    match: RoleMatch
    roles: tuple[WantedRole, ...] = ()
    not_listed: Finding | None = None


@dataclass(frozen=True)
class Recommendation:
    profile: Profile
    as_at: dt.date
    recommended_level: int | None
    options: tuple[Option, ...]
    reasons: tuple[Finding, ...]
    cautions: tuple[Finding, ...]
    role_match: RoleMatch | None = None
    next_steps: tuple[NextStep, ...] = ()  # what to do now, never empty from recommend()
    roles_at_level: tuple[JobRole, ...] = field(default=())
    # For an apprenticeship aim: the frameworks at the level, checked against what is held.
    frameworks: tuple[FrameworkStatus, ...] = ()
    # The routes to plan next, first the one at the level suggested (none without a level
    # and with nothing held).
    route_offers: tuple[RouteOffer, ...] = ()
    voice: Voice = THE_LEARNER  # whether its words speak of the learner or to them
    # Not working, with a job they would like: what the documents say of it (never the level).
    job_wanted: JobWanted | None = None
