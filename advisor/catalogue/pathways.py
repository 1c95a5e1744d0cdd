"""Typed, immutable records for where qualifications lead and how they relate: progressions
the documents state, job roles, apprenticeship frameworks and credit transfer rules. Read from
their own files in ``data/``, beside the records of :mod:`advisor.catalogue.models`, whose
building blocks (citations, levels) they use.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import ConfigDict, Field

from advisor.catalogue.models import InUseFact, Kind, Level, Record, Sources


class Progression(Record):
    """A documented (or inferred) next step from one qualification."""

    from_: str = Field(alias="from")
    to: str | None = None  # a qualification id
    destination: str | None = None  # somewhere outside the catalogue (higher education, work)
    statement: str
    source: Sources

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class ProgressionFile(Record):
    progressions: tuple[Progression, ...] = Field(min_length=1)


class JobRole(Record):
    """A job role the documents associate with a level or with a qualification."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    level: Level | None = None  # the level whose job-role list names it
    after: str | None = None  # a qualification id this is a documented job to progress to
    source: Sources


class JobRoleFile(Record):
    job_roles: tuple[JobRole, ...] = Field(min_length=1)


class ComponentKind(StrEnum):
    COMPETENCE = "competence"
    TECHNICAL_KNOWLEDGE = "technical-knowledge"
    COMBINED = "combined"
    FUNCTIONAL_SKILLS = "functional-skills"
    EMPLOYMENT_RIGHTS = "employment-rights"
    PERSONAL_LEARNING = "personal-learning-and-thinking-skills"


class Component(Record):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: ComponentKind
    description: str
    qualifications: tuple[str, ...] = ()  # any one of these satisfies the component
    source: Sources


class ApprenticeshipStandard(Record):
    """An apprenticeship standard (England) that the sources name as taking a framework's
    place: what an apprentice starts on now, where the framework has gone."""

    reference: str = Field(pattern=r"^ST[0-9]{4}$")
    title: str
    level: Level
    note: str | None = None
    source: Sources

    @property
    def name(self) -> str:
        """Its title with its reference: ``Customer Service Practitioner (ST0072)``."""
        return f"{self.title} ({self.reference})"


class Framework(Record):
    """An apprenticeship framework and the components an apprentice must achieve."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    level: Level
    reference: str | None = None
    issuer: str | None = None
    nation: str | None = None
    components: tuple[Component, ...] = ()
    components_complete: bool = True
    note: str | None = None
    source: Sources
    succeeded_by: ApprenticeshipStandard | None = None  # its successor, where the sources name one
    issued: dt.date | None = None  # the date it was issued, where a source gives it (see source)
    # The period a source shows it in use, to the latest day it does; when it closed to new
    # apprentices, no source says.
    in_use: InUseFact | None = None

    @property
    def qualifications(self) -> tuple[str, ...]:
        """The ids of the qualifications its components name, each once."""
        return tuple(dict.fromkeys(q for c in self.components for q in c.qualifications))


class FrameworkFile(Record):
    frameworks: tuple[Framework, ...] = Field(min_length=1)


class TransferKind(StrEnum):
    SAME_URN = "same-urn"  # credit for a unit transfers to any qualification with that URN
    BAR = "bar"  # achievements from some qualifications are not evidence for others
    EVIDENCE_REUSE = "evidence-reuse"  # evidence (not credit) may be reused, with conditions


class TransferRule(Record):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: TransferKind
    statement: str
    from_kinds: tuple[Kind, ...] = ()  # applies to units held through these kinds of qualification
    from_qualifications: tuple[str, ...] = ()
    to_qualifications: tuple[str, ...] = ()
    source: Sources


class TransferRuleFile(Record):
    transfer_rules: tuple[TransferRule, ...] = Field(min_length=1)
