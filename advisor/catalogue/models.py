"""Typed, immutable records for everything the catalogue holds.

YAML is parsed once, at the boundary, into these frozen models; nothing downstream sees raw
dictionaries. Every record that states a fact carries ``source``: one or more citations of a
document and the section the fact was read from. A value the documents do not give is ``None``
and is shown to people as "not stated", never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------

URN_PATTERN = re.compile(r"^[A-Z]/\d{3}/\d{4}$")
"""A QCF/RQF unit reference number such as ``D/502/9654``."""


class Record(BaseModel):
    """Base for catalogue records: immutable, and strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Basis(StrEnum):
    """How firmly a fact is known."""

    STATED = "stated"  # read from one of the primary source documents
    SECONDARY = "secondary"  # read from a secondary source (a public copy found elsewhere)
    INFERENCE = "inference"  # reasoned from the sources, not stated by any of them


def _citation_from_shorthand(value: Any) -> Any:
    """Accept ``"file.txt § Section heading"`` as shorthand for a citation mapping."""
    if isinstance(value, dict) and len(value) == 1:
        # An unquoted heading with a colon ("§ 3.1 Assessment: How it works") reads as a
        # one-entry mapping in YAML; put the colon back rather than report a puzzling error.
        (key, rest), = value.items()
        if isinstance(key, str) and "§" in key and isinstance(rest, str):
            value = f"{key}: {rest}"
    if isinstance(value, str):
        doc, sep, section = value.partition("§")
        if not sep:
            raise ValueError(
                "a citation needs a document and a section, written 'file.txt § Section'"
            )
        return {"doc": doc.strip(), "section": section.strip()}
    return value


class Citation(Record):
    """Where a fact comes from: a document in ``data/sources.yaml`` and a section of it."""

    doc: str = Field(min_length=1)
    section: str = Field(min_length=1)
    url: str | None = None
    basis: Basis | None = None  # None: taken from the document's kind when the catalogue loads
    note: str | None = None

    def label(self) -> str:
        return f"{self.doc} § {self.section}"


def citation_basis(citation: Citation, documents: Mapping[str, Document]) -> Basis:
    """How firmly a cited fact is known: as the citation says, else secondary when the
    document is a secondary source, else stated."""
    if citation.basis is not None:
        return citation.basis
    document = documents.get(citation.doc)
    if document is not None and document.kind is DocumentKind.SECONDARY:
        return Basis.SECONDARY
    return Basis.STATED


def _one_or_many(value: Any) -> Any:
    if isinstance(value, str | dict):
        return [value]
    return value


CitationItem = Annotated[Citation, BeforeValidator(_citation_from_shorthand)]
Sources = Annotated[tuple[CitationItem, ...], BeforeValidator(_one_or_many), Field(min_length=1)]
"""One citation, or a list of them. Required wherever facts are recorded."""

Level = Annotated[int, Field(ge=1, le=8)]
# Bounds far above any real value (a QCF unit has tens of credits, a qualification hundreds),
# so that a slip of the keyboard is an error naming its line, not a plan of 10**20 hours.
Credits = Annotated[int, Field(ge=0, le=999)]
Hours = Annotated[int, Field(ge=0, le=99_999)]


def _check_urn(value: str) -> str:
    if not URN_PATTERN.match(value):
        raise ValueError(
            f"{value!r} is not a unit reference number; expected a letter, three digits and "
            "four digits, like D/502/9654"
        )
    return value


Urn = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    AfterValidator(_check_urn),
]


class Statement(Record):
    """A sentence or list of points taken from a document, with its source. Where the points
    finish a sentence the document starts ("suitable for those who are:"), ``lead_in`` holds
    that start, so that they are not read on their own mid-sentence; ``closing``, a sentence the
    document adds after them, so that it is not read as one of them."""

    points: tuple[str, ...] = Field(min_length=1)
    source: Sources
    lead_in: str | None = None
    closing: str | None = None  # a sentence of its own the document adds after the points


# --------------------------------------------------------------------------------------------
# Source documents
# --------------------------------------------------------------------------------------------


class DocumentKind(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


class Document(Record):
    """A source document the catalogue is transcribed from."""

    file: str = Field(min_length=1)
    title: str
    publisher: str
    kind: DocumentKind
    date: str | None = None  # as the document gives it: "2014-2015", "September 2012"
    provides: tuple[str, ...] = ()


class SourcesFile(Record):
    documents: tuple[Document, ...] = Field(min_length=1)


class AwardingBody(Record):
    """An awarding body and how to reach it, as its documents give it: the details may have
    changed since, so the views say whose and of when they are."""

    name: str = Field(min_length=1)  # as qualifications name it: "OCR"
    full_name: str | None = None
    # Shown to people and printed: a web address, telephone number or email address as one
    # is written, nothing else (not a script's "javascript:" address).
    website: str | None = Field(
        default=None, pattern=r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/[^\s<>\"]*)?$")
    telephone: str | None = Field(default=None, pattern=r"^\+?[0-9][0-9 ()-]{5,}$")
    email: str | None = Field(default=None,
                              pattern=r"^[^@\s<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
    source: Sources


class AwardingBodyFile(Record):
    awarding_bodies: tuple[AwardingBody, ...] = Field(min_length=1)


# --------------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------------


class Unit(Record):
    """A unit of assessment, identified nationally by its unit reference number (URN)."""

    urn: Urn
    title: str = Field(min_length=1)
    level: Level | None = None
    credits: Credits | None = None
    glh: Hours | None = None
    caveat: str | None = None
    # How a source says the unit is assessed, where that needs a particular job (a contact
    # centre's calls, observed): said to a learner not working whose plan includes it.
    assessment: Statement | None = None
    source: Sources


class UnitBank(Record):
    """One file of units, usually all the units one document family describes."""

    units: tuple[Unit, ...] = Field(min_length=1)


# --------------------------------------------------------------------------------------------
# Rules of combination
# --------------------------------------------------------------------------------------------


class GroupMember(Record):
    """A unit's place in a qualification: its URN and its number there (``F3``, ``1``)."""

    urn: Urn
    number: str | None = None  # the awarding body's own unit number or code
    code: str | None = None  # a second code some bodies use (OCNLR unit code, Skills CFA ref)

    @field_validator("number", "code", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class Group(Record):
    """A group of units in the rules of combination."""

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_-]+$")
    title: str
    mandatory: bool = False
    min_credits: Credits | None = None
    max_credits: Credits | None = None  # credits above this do not count towards any total
    min_units: Annotated[int, Field(ge=0)] | None = None
    units: tuple[GroupMember, ...] = ()
    units_complete: bool = True  # False: the source lists only some of this group's units
    source: Sources


class CreditRule(Record):
    """A minimum number of credits counted over some groups, optionally at a level."""

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_-]+$")
    description: str
    min_credits: Credits
    groups: tuple[str, ...] | None = None  # None: every group of the qualification
    level: Level | None = None
    or_above: bool = False  # with ``level``: count units at that level or higher
    source: Sources

    def counts(self, unit: Unit) -> bool:
        """Whether a unit's credits count towards this rule: any unit when the rule names no
        level; else a unit at that level (or above, with ``or_above``). A unit whose level is
        not stated never counts towards a level rule."""
        if self.level is None:
            return True
        if unit.level is None:
            return False
        return unit.level >= self.level if self.or_above else unit.level == self.level


class RulesOfCombination(Record):
    """Which units, groups and credit totals achieve a qualification."""

    credits_required: Credits
    groups: tuple[Group, ...] = Field(min_length=1)
    credit_rules: tuple[CreditRule, ...] = ()
    source: Sources

    @property
    def listed_units(self) -> frozenset[str]:
        """The URNs of every unit the groups list."""
        return frozenset(self.units_in_order)

    @property
    def units_in_order(self) -> tuple[str, ...]:
        """The URNs of every unit the groups list, each once, in the order they list them."""
        return tuple(dict.fromkeys(member.urn for group in self.groups for member in group.units))

    @property
    def unit_numbers(self) -> dict[str, str]:
        """Each listed unit's number within these rules (``C6``) by URN, "" where none is
        given; a unit listed in two groups has the number of the first."""
        numbers: dict[str, str] = {}
        for group in self.groups:
            for member in group.units:
                numbers.setdefault(member.urn, member.number or "")
        return numbers

    @property
    def listed_in_full(self) -> bool:
        """False where a group's list is incomplete: a unit not listed may still be one."""
        return all(group.units_complete for group in self.groups)


# --------------------------------------------------------------------------------------------
# Qualifications
# --------------------------------------------------------------------------------------------


class Kind(StrEnum):
    KNOWLEDGE = "knowledge"  # "Principles of ...": what a person knows and understands
    COMPETENCE = "competence"  # NVQ: what a person does at work, assessed in the workplace
    COMBINED = "combined"  # the 2014 apprenticeship qualifications: both in one
    UNKNOWN = "unknown"

    @property
    def assessed_at_work(self) -> bool:
        """Whether a qualification of this kind is assessed at work, at least in part (an
        assessor watches the learner do the job): competence, alone or with knowledge."""
        return self in (Kind.COMPETENCE, Kind.COMBINED)


class Category(StrEnum):
    QUALIFICATION = "qualification"  # offered by an awarding body; learners enrol on it
    NATIONAL_STRUCTURE = "national-structure"  # a sector body's template that bodies adopt


class Structure(StrEnum):
    COMPLETE = "complete"  # every unit and rule is transcribed
    PARTIAL = "partial"  # some units or rules are known
    UNKNOWN = "unknown"  # the sources name the qualification but not its structure


AgeBand = Literal["pre-16", "16-18", "18+", "19+"]


class AgeCaution(Record):
    """A caution the sources give about learners' ages, and which learners it is about.

    ``applies_to`` names the age bands it concerns; empty, it concerns every learner. A learner
    is shown it when one of their age bands is named, or when their age is not given. In YAML a
    caution for every learner may be written as plain text."""

    text: str = Field(min_length=1)
    applies_to: tuple[AgeBand, ...] = ()


def _caution_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class AgeBands(Record):
    approved: tuple[AgeBand, ...] = ()
    not_approved: tuple[AgeBand, ...] = ()
    cautions: tuple[Annotated[AgeCaution, BeforeValidator(_caution_from_text)], ...] = ()
    source: Sources


class DateFact(Record):
    date: dt.date
    note: str | None = None
    source: Sources


class LaunchFact(Record):
    """When a document says a qualification was launched, in its words ("in the autumn of
    2014"), where it gives no start date: ``not_before`` is the first day those words allow, so
    before it the qualification was not yet open (on and after it, whether it was is unknown)."""

    when: str
    not_before: dt.date
    source: Sources


class InUseFact(Record):
    """Where the sources give no last entry date but a document describes learners starting a
    qualification in a period (OCR's report on the 2014-2015 academic year): what it says, in
    a clause, and the first and last days of that period. From ``from_`` to ``until`` it is
    taken as open, as an inference; before and after, whether it is open is unknown."""

    said: str = Field(min_length=1)
    from_: dt.date = Field(alias="from")  # the first day the document's words cover
    until: dt.date
    source: Sources


class Dates(Record):
    """Dates that govern who can start and finish. Each absent date is unknown."""

    launched: LaunchFact | None = None  # only where no operational start is given
    in_use: InUseFact | None = None  # only where no last entry date is given
    operational_start: DateFact | None = None
    last_entry: DateFact | None = None
    last_certification: DateFact | None = None
    # A later document says the qualification was closed to new entries by this date, without
    # giving the last entry date itself.
    closed_to_entry_by: DateFact | None = None
    review: DateFact | None = None
    # Where the sources give a last entry date but not when it opened: the first day the
    # earliest document that shows it in use allows. From it to the last entry date it counts
    # as open; before it, whether it had opened is not known.
    in_use_by: DateFact | None = None
    # For a legacy qualification with no replacement named: the first day the earliest
    # document the word "legacy" rests on allows; before it the word is not applied.
    legacy_from: DateFact | None = None
    # For a national structure whose document gives no date of issue: the first day its own
    # date allows (a copyright line: "Skills CFA (c) 2014" gives 1 January 2014). Before it the
    # structure's units are not known, so a qualification taken to follow it has no rules known
    # from it (:func:`~advisor.catalogue.graph.rules_followed`).
    structure_from: DateFact | None = None


class RangeFact(Record):
    min: Hours
    max: Hours | None = None
    source: Sources


class NamedUnit(Record):
    """A unit a document names inside a qualification whose unit list we do not have."""

    number: str
    title: str
    possible_urn: Urn | None = None  # an inference, explained in ``source``
    source: Sources

    @field_validator("number", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class BasedOn(Record):
    """The national structure a qualification is built on."""

    structure: str
    source: Sources


class Replacement(Record):
    """This qualification was replaced by another, in some setting."""

    by: str
    scope: str
    source: Sources

    @property
    def inferred(self) -> bool:
        """True when the sources only imply it: a citation for it is an inference (the others
        may state facts it rests on, but no document says in so many words that one replaced
        the other)."""
        return any(isinstance(c, Citation) and c.basis is Basis.INFERENCE for c in self.source)

    @property
    def setting(self) -> str:
        """Where it replaced the other, without the explanation a colon may bring: "as the
        knowledge (technical certificate) part of the Level 2 apprenticeship"."""
        return self.scope.split(":", 1)[0].strip()


class OfferedAs(Record):
    """Another awarding body's version of a national structure, with the age groups it is
    approved for where a source gives them (``ages``, with its own source)."""

    awarding_body: str
    regulator_number: str | None = None
    ages: AgeBands | None = None
    source: Sources


class Qualification(Record):
    """A qualification, or a national structure that awarding bodies' qualifications follow."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Category = Category.QUALIFICATION
    awarding_body: str
    code: str | None = None  # the awarding body's scheme code, e.g. OCR 09628
    regulator_number: str | None = None  # QAN / Ofqual qualification number, e.g. 600/0840/4
    structure_reference: str | None = None  # national structure number, e.g. S/016/608
    # A short label for people where the documents give no code or number: a name for lists
    # and links, not a fact, so it needs no source.
    short_name: str | None = Field(default=None, min_length=2, max_length=40)
    title: str
    level: Level | None = None
    kind: Kind = Kind.UNKNOWN
    framework: Literal["QCF", "RQF", "NQF"] | None = None
    legacy: bool = False
    # Set for a qualification in another field that the sources name beside the Customer
    # Service ones (a progression into business administration): it is offered as related, after
    # those in Customer Service. The field, in a few words, as its title gives it.
    related_field: str | None = Field(default=None, min_length=3, max_length=60)
    credits_required: Credits | None = None
    glh: RangeFact | None = None
    tqt: RangeFact | None = None
    structure: Structure
    structure_note: str | None = None
    rules: RulesOfCombination | None = None
    rule_statements: tuple[Statement, ...] = ()  # rules known only in words
    named_units: tuple[NamedUnit, ...] = ()
    based_on: BasedOn | None = None
    offered_as: tuple[OfferedAs, ...] = ()
    replaced_by: tuple[Replacement, ...] = ()
    ages: AgeBands | None = None
    dates: Dates = Dates()
    suitable_for: Statement | None = None
    # True marks the Level 2 qualification written for people starting or already doing a job
    # that involves customer service: the starting-level advice offers it to a working learner
    # when nothing else points to a level. It rests on ``suitable_for``, which must say so and
    # be given; at most one Level 2 qualification is marked.
    for_people_in_work: bool = False
    entry_requirements: Statement | None = None
    role_requirement: Statement | None = None
    assessment: Statement | None = None
    unit_certification: Statement | None = None
    purpose: Statement | None = None
    notes: tuple[Statement, ...] = ()
    source: Sources

    @field_validator("code", mode="before")
    @classmethod
    def _code_as_text(cls, value: Any) -> Any:
        # Scheme codes such as 09628 must keep their leading zero: write them quoted in YAML.
        if isinstance(value, int):
            raise ValueError("write scheme codes in quotes, e.g. code: \"09628\"")
        return value

    @property
    def reference(self) -> str:
        """The short name people use for it: the scheme code (``09628``), else the regulator
        number (``601/4404/X``), else the national structure number (``S/016/608``), else the
        short name the data gives, else the catalogue id. Every page, export, chart and CLI
        answer names a qualification this way."""
        return (self.code or self.regulator_number or self.structure_reference or self.short_name
                or self.id)

    @property
    def name(self) -> str:
        """Its title with its reference: ``OCR Level 2 Certificate in ... (09628)`` (the title
        alone where it already ends with the reference, or names it in its closing brackets:
        ``... (national structure S/016/608)``)."""
        if self.title.endswith(")") and self.title.rsplit("(", 1)[-1].rstrip(")").endswith(
                self.reference):
            return self.title
        return f"{self.title} ({self.reference})"
