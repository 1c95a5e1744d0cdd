"""The starting-level journey's data: what a learner tells the advisor (:class:`Profile`), and
the answer (:class:`Recommendation`) with its reasons, its options and what to do next. Worked
out by :mod:`advisor.engine.recommend` and :mod:`advisor.engine.next_steps`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from advisor.catalogue import Citation, JobRole, Qualification
from advisor.engine.combination import CombinationCheck
from advisor.engine.eligibility import Eligibility, Status
from advisor.engine.job_roles import RoleMatch


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
    held_units: tuple[str, ...] = ()  # URNs
    aim: Aim | None = None


@dataclass(frozen=True)
class Finding:
    """One reason or caution: a stable code, a plain-English message and its sources."""

    code: str
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
