"""Can this person enrol on this qualification on this date?

:func:`check_eligibility` weighs the age bands a qualification is approved for, its entry and
certification dates, entry requirements and any role requirement. The answer is ``True``,
``False``, or ``None`` when the sources do not say enough to know; every reason carries a code,
a plain-English message and the citation it rests on. A date the sources do not give is
unknown, never assumed open.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace
from enum import StrEnum

from advisor.catalogue import AgeBand, Catalogue, Category, Citation, Qualification
from advisor.engine.date_reasons import (
    Reason,
    ReasonCode,
    closed_by_words,
    dated_reasons,
)
from advisor.engine.replacing import legacy_words, replacements_open_by, yet_to_come
from advisor.engine.wording import THE_LEARNER, Voice, listed
from advisor.register import Register, RegisterEntry

# Reason, ReasonCode and closed_by_words are offered here too, beside the answers they explain.
__all__ = ["Eligibility", "Reason", "ReasonCode", "Status", "StatusOnDate", "age_bands_for",
           "check_eligibility", "closed_by_words", "replaced_in_brief", "status_on"]


# What the sources say about the learner's age: approved, not, not known, cautions.
_ABOUT_AGE = frozenset({ReasonCode.AGE_APPROVED, ReasonCode.AGE_NOT_APPROVED,
                        ReasonCode.AGE_UNKNOWN, ReasonCode.AGE_NOT_GIVEN,
                        ReasonCode.AGE_CAUTION})
# What the sources ask of the learner's role, and whether the learner's meets it.
_ABOUT_ROLE = frozenset({ReasonCode.ROLE_REQUIREMENT, ReasonCode.ROLE_NOT_MET,
                         ReasonCode.ROLE_MET})
# The reasons a qualification open to new learners is still not open to this one.
_NOT_FOR_THIS_LEARNER = frozenset({ReasonCode.AGE_NOT_APPROVED, ReasonCode.ROLE_NOT_MET})
# Why, in the summary's words, so that a "no" for this learner is not read as about the date
_WHY_NOT_FOR_THIS_LEARNER = {
    ReasonCode.AGE_NOT_APPROVED: "{their} age group is not approved for it",
    ReasonCode.ROLE_NOT_MET: "it asks for someone working in a senior role",
}
# What leaves it open whether this learner may start it (beside the date).
_NOT_SETTLED_FOR_THIS_LEARNER = frozenset({ReasonCode.AGE_UNKNOWN, ReasonCode.AGE_NOT_GIVEN,
                                           ReasonCode.ROLE_REQUIREMENT})
# Certificates no longer issued bar a new learner even where no entry date is given.
_BLOCKING = {ReasonCode.CLOSED_TO_ENTRY, ReasonCode.CERTIFICATION_CLOSED, ReasonCode.NOT_YET_OPEN,
             ReasonCode.NOT_A_QUALIFICATION, *_NOT_FOR_THIS_LEARNER}
# What leaves it unknown: the sources, or answers the learner has not given (and what they are).
_UNKNOWN_FROM_SOURCES = {ReasonCode.DATES_UNKNOWN, ReasonCode.AGE_UNKNOWN}
_NOT_GIVEN = {ReasonCode.AGE_NOT_GIVEN: "age", ReasonCode.ROLE_REQUIREMENT: "senior role"}
# The same, in a sentence about the learner ("their", "your").
_NOT_GIVEN_WORDS = {"age": "{whose} age", "senior role": "whether {whose} job is a senior role"}
_UNKNOWN = _UNKNOWN_FROM_SOURCES | set(_NOT_GIVEN)


class Status(StrEnum):
    """Whether a qualification takes new learners on a date, as far as the sources say."""

    OPEN = "open"
    NOT_YET_OPEN = "not-yet-open"
    CLOSED = "closed-to-new-learners"
    CERTIFICATION_CLOSED = "certification-closed"  # closed to new learners, and to finishing
    UNKNOWN = "unknown"  # the sources give no date that settles it
    NATIONAL_STRUCTURE = "national-structure"  # not something a learner enrols on

    @property
    def rank(self) -> int:
        """Order for choosing between qualifications: open first, then those that may be open,
        then those not open yet (nobody can start them on the date), then closed ones, then
        national structures."""
        return _STATUS_RANK[self]

    @property
    def closed(self) -> bool:
        """Closed to new learners on the date (and perhaps to certification too)."""
        return self in (Status.CLOSED, Status.CERTIFICATION_CLOSED)


_STATUS_RANK = {Status.OPEN: 0, Status.UNKNOWN: 1, Status.NOT_YET_OPEN: 2, Status.CLOSED: 3,
                Status.CERTIFICATION_CLOSED: 3, Status.NATIONAL_STRUCTURE: 4}

# The date reason that decides each status, strongest first.
_STATUS_BY_CODE = (
    (ReasonCode.NOT_A_QUALIFICATION, Status.NATIONAL_STRUCTURE),
    (ReasonCode.CERTIFICATION_CLOSED, Status.CERTIFICATION_CLOSED),
    (ReasonCode.CLOSED_TO_ENTRY, Status.CLOSED),
    (ReasonCode.NOT_YET_OPEN, Status.NOT_YET_OPEN),
    (ReasonCode.OPEN_TO_ENTRY, Status.OPEN),
    (ReasonCode.DATES_UNKNOWN, Status.UNKNOWN),
)


@dataclass(frozen=True)
class StatusOnDate:
    """A qualification's status on a date, why (in words, with the source), and what the
    sources say replaced it (qualification ids) where it has closed, or where whether it is
    open is not known and the replacement had opened by the date (a reason to doubt it, and
    what to ask about instead). Not where it is open or not yet open: a learner can start it,
    or nothing has replaced it yet."""

    status: Status
    reason: str  # where certificates have ended, since when it took no new learners too
    source: tuple[Citation, ...]
    replaced_by: tuple[str, ...] = ()
    inferred_replacements: tuple[str, ...] = ()  # those of replaced_by the sources only imply
    legacy: bool = False  # the sources call it legacy, and that applies on the date (legacy_on)
    certificates_ended: str = ""  # that alone (reason's end), for answers about finishing it

    @property
    def replacement_inferred(self) -> bool:
        """True when the sources only imply every replacement they name."""
        return bool(self.replaced_by) and set(self.replaced_by) <= set(self.inferred_replacements)


def replaced_in_brief(catalogue: Catalogue, status: StatusOnDate) -> str:
    """What replaced a qualification that is not open on the date, by reference, as the
    sources put it: " (replaced by 10380)", " (the sources suggest 10380 replaced it)", or
    each one only suggested marked where the sources state others."""
    if status.status is Status.OPEN:
        return ""
    references = [catalogue.qualifications[i].reference for i in status.replaced_by
                  if i in catalogue.qualifications]
    if not references:
        return ""
    if status.replacement_inferred:
        return f" (the sources suggest {' and '.join(references)} replaced it)"
    marked = [catalogue.qualifications[i].reference
              + (" (inferred)" if i in status.inferred_replacements else "")
              for i in status.replaced_by if i in catalogue.qualifications]
    return f" (replaced by {' and '.join(marked)})"


def _status_from(q: Qualification, reasons: tuple[Reason, ...] | list[Reason],
                 in_place: tuple[str, ...]) -> StatusOnDate:
    """The status the date reasons decide; ``in_place``: what replaced ``q`` and had opened by
    the date (:func:`replacements_open_by`), named where the status is not known."""
    by_code = {r.code: r for r in reasons}
    found = next(((status, by_code[code]) for code, status in _STATUS_BY_CODE
                  if code in by_code), None)
    status, message, source = ((found[0], found[1].message, found[1].source) if found else
                               (Status.UNKNOWN, "The sources give no date that settles it.",
                                q.source))
    ended, closed = (message if status is Status.CERTIFICATION_CLOSED else "",
                     by_code.get(ReasonCode.CLOSED_TO_ENTRY))
    if ended and closed is not None:  # 09628: its last entry date, then its last certificates
        message, source = f"{closed.message} {ended}", (*closed.source, *source)
    replaced = (tuple(r.by for r in q.replaced_by) if status.closed else
                in_place if status is Status.UNKNOWN else ())
    inferred = tuple(r.by for r in q.replaced_by if r.inferred and r.by in replaced)
    return StatusOnDate(status, message, tuple(dict.fromkeys(source)), replaced, inferred,
                        certificates_ended=ended)


def status_on(catalogue: Catalogue, qualification: Qualification,
              as_at: dt.date, *, register: Register | None = None) -> StatusOnDate:
    """Whether ``qualification`` takes new learners on ``as_at``, from its dates alone (with
    the register's, when a register is given and lists it)."""
    if qualification.category is Category.NATIONAL_STRUCTURE:
        return StatusOnDate(Status.NATIONAL_STRUCTURE,
                            f"{qualification.reference} is a national structure that awarding "
                            "bodies build their qualifications on; learners enrol on an "
                            "awarding body's version.", qualification.source)
    legacy = legacy_words(catalogue, qualification, as_at)
    reasons, _ = dated_reasons(qualification, as_at, register, legacy=legacy)
    in_place = _in_place(catalogue, qualification, as_at)
    return replace(_status_from(qualification, reasons, in_place), legacy=legacy is not None)


@dataclass(frozen=True)
class Eligibility:
    qualification: Qualification
    as_at: dt.date
    eligible: bool | None  # None: the sources, or the answers given, do not say enough to know
    reasons: tuple[Reason, ...]
    registered: RegisterEntry | None = None  # the register's record, when it lists it
    in_place: tuple[str, ...] = ()  # what replaced it and had opened by the date (ids)
    voice: Voice = THE_LEARNER  # whom its reasons and summary speak of: the learner, or you

    @functools.cached_property  # read many times for each learner of an intake
    def status(self) -> StatusOnDate:
        """The qualification's status on the date (whatever the learner's age), as
        :func:`status_on` gives it."""
        return _status_from(self.qualification, self.reasons, self.in_place)

    @property
    def not_for_this_learner(self) -> tuple[Reason, ...]:
        """Why this learner cannot start it whatever the date says (age group not approved,
        role requirement not met); empty when nothing about the learner bars them."""
        return tuple(r for r in self.reasons if r.code in _NOT_FOR_THIS_LEARNER)

    @property
    def not_settled_for_this_learner(self) -> tuple[Reason, ...]:
        """What leaves open whether this learner may start it, whatever the date says: the
        sources silent on their age group, their age or whether their role is a senior one
        not given; empty when their age and role settle it (or it does not ask)."""
        return tuple(r for r in self.reasons if r.code in _NOT_SETTLED_FOR_THIS_LEARNER)

    @property
    def depends_on(self) -> tuple[str, ...]:
        """What was not given that would settle whether this learner can start ("age", "senior
        role"); empty when it is settled, or when the sources leave it unknown."""
        codes = {r.code for r in self.reasons}
        if self.eligible is not None or codes & _UNKNOWN_FROM_SOURCES:
            return ()
        return tuple(what for code, what in _NOT_GIVEN.items() if code in codes)

    @property
    def about_age(self) -> tuple[Reason, ...]:
        """The reasons about the learner's age alone: whether its age group is approved, and
        the sources' cautions about ages."""
        return tuple(r for r in self.reasons if r.code in _ABOUT_AGE)

    @property
    def about_role(self) -> tuple[Reason, ...]:
        """The reasons about the role the qualification asks for (a senior role), and whether
        the learner's meets it; empty where it asks for none."""
        return tuple(r for r in self.reasons if r.code in _ABOUT_ROLE)

    def depends_on_words(self, whose: str) -> str:
        """:attr:`depends_on` in a sentence about the learner: ``their age and whether their
        job is a senior role`` (``whose``: "their", "your")."""
        return " and ".join(_NOT_GIVEN_WORDS[what].format(whose=whose)
                            for what in self.depends_on)

    @property
    def summary(self) -> str:
        """:meth:`summary_in` the voice its reasons were worded in."""
        return self.summary_in(self.voice)

    def summary_in(self, voice: Voice) -> str:
        """In a sentence: whether the learner can start it on the date, said as ``voice``."""
        this = voice.this
        if self.eligible is True:
            return f"Open to {this} on this date."
        if self.eligible is False:
            if self.status.status is Status.NATIONAL_STRUCTURE:
                return "Not a qualification to enrol on: learners enrol on an awarding body's " \
                       "version of this national structure."
            if self.status.status.closed:
                return "Closed to new learners on this date."
            if self.status.status is Status.NOT_YET_OPEN:
                return "Not yet open to new learners on this date."
            why = [words.format(their=voice.their) for code, words
                   in _WHY_NOT_FOR_THIS_LEARNER.items()
                   if any(r.code is code for r in self.reasons)]
            return f"Not open to {this} on this date" + (": " + " and ".join(why) if why
                                                          else "") + "."
        if not self.depends_on:
            if self.status.status is Status.OPEN:  # who may start it is what is not known
                return (f"Open to new learners on this date; whether {this} can start cannot be "
                        "confirmed from the sources: check with the awarding body.")
            return "Cannot be confirmed from the sources: check with the awarding body."
        depends = (f"whether {this} can start depends on "
                   f"{self.depends_on_words(voice.their)}, not given.")
        if self.status.status is Status.OPEN:
            return f"Open to new learners on this date; {depends}"
        return depends[0].upper() + depends[1:]


def age_bands_for(age: int) -> tuple[AgeBand, ...]:
    """The approval bands an age falls in: 16-18 runs to the 19th birthday, 18+ from 18."""
    bands: list[AgeBand] = []
    if age < 16:
        bands.append("pre-16")
    if 16 <= age <= 18:
        bands.append("16-18")
    if age >= 18:
        bands.append("18+")
    if age >= 19:
        bands.append("19+")
    return tuple(bands)


def check_eligibility(
    catalogue: Catalogue,
    qualification: Qualification,
    *,
    age: int | None = None,
    as_at: dt.date | None = None,
    senior_role: bool | None = None,
    register: Register | None = None,
    voice: Voice = THE_LEARNER,
) -> Eligibility:
    """Whether a learner of ``age`` can start ``qualification`` on ``as_at`` (default today).

    With a ``register``, its status and dates are given beside the documents', and its dates
    are used where the documents give none or differ from them. ``voice``: whether the reasons
    and the summary speak of the learner or to them (:data:`~advisor.engine.wording.YOU`, on a
    printout; :data:`~advisor.engine.wording.YOU_ON_SCREEN`, on a page that asks "you")."""
    as_at = as_at or dt.date.today()
    reasons: list[Reason] = []
    q = qualification
    if q.category is Category.NATIONAL_STRUCTURE:
        offered = ", ".join(
            f"{o.awarding_body} {o.regulator_number}" for o in q.offered_as if o.regulator_number
        )
        message = (f"{q.structure_reference} is a national structure that awarding bodies build "
                   "their qualifications on; learners enrol on an awarding body's version.")
        if offered:
            message += f" Versions named in the sources: {offered}."
        reasons.append(Reason(ReasonCode.NOT_A_QUALIFICATION, message, q.source))
        registered = None  # nobody enrols on a structure: its dates say nothing about starting
    else:
        dated, registered = dated_reasons(q, as_at, register,
                                           legacy=legacy_words(catalogue, q, as_at))
        reasons.extend(dated)
    for replacement in q.replaced_by:
        successor = catalogue.qualifications.get(replacement.by)
        if successor is not None:
            said = (" (the sources suggest this; they do not say so in those words)"
                    if replacement.inferred else "")
            coming = yet_to_come(successor, as_at)
            reasons.append(Reason(
                ReasonCode.REPLACED,
                (f"Later replaced by {successor.name}, {coming}, " if coming else
                 f"Replaced by {successor.name} ") + f"{replacement.scope}{said}.",
                (*replacement.source, *(_start_source(successor) if coming else ())),
            ))
    if q.category is not Category.NATIONAL_STRUCTURE:  # ages are approved for a version
        reasons.extend(_age_reasons(q, age, voice))
    if q.entry_requirements is not None:
        reasons.append(Reason(ReasonCode.ENTRY_REQUIREMENTS, " ".join(q.entry_requirements.points),
                              q.entry_requirements.source))
    if q.role_requirement is not None:
        statement = " ".join(q.role_requirement.points)
        if senior_role is False:  # with what the source says centres do instead, if it does
            instead = q.role_requirement.closing
            reasons.append(Reason(ReasonCode.ROLE_NOT_MET, f"Not met: {statement}" + (
                f" The same source adds: \"{instead}\"" if instead else ""),
                q.role_requirement.source))
        elif senior_role is None:
            reasons.append(Reason(ReasonCode.ROLE_REQUIREMENT,
                                  f"{statement} Whether {voice.learners} role meets this was "
                                  "not given.", q.role_requirement.source))
        else:
            reasons.append(Reason(ReasonCode.ROLE_MET, f"Met, as stated: {statement}",
                                  q.role_requirement.source))

    codes = {r.code for r in reasons}
    if codes & _BLOCKING:
        eligible: bool | None = False
    elif codes & _UNKNOWN:
        eligible = None
    else:
        eligible = True
    return Eligibility(q, as_at, eligible, tuple(reasons), registered,
                       _in_place(catalogue, q, as_at), voice)


def _start_source(q: Qualification) -> tuple[Citation, ...]:
    d = q.dates
    return d.operational_start.source if d.operational_start else (
        d.launched.source if d.launched else ())


def _in_place(catalogue: Catalogue, q: Qualification, as_at: dt.date) -> tuple[str, ...]:
    return tuple(r.by for r in replacements_open_by(catalogue, q, as_at))


_EVERY_AGE_GROUP = {"pre-16", "16-18", "18+"}


def _age_reasons(q: Qualification, age: int | None, voice: Voice) -> list[Reason]:
    # A caution is shown when it concerns every learner, when the age is not given, or when
    # the learner's age falls in one of the bands it names.
    bands_of_learner = set(age_bands_for(age)) if age is not None else None
    cautions = [Reason(ReasonCode.AGE_CAUTION, caution.text, q.ages.source)
                for caution in q.ages.cautions
                if not caution.applies_to or bands_of_learner is None
                or bands_of_learner & set(caution.applies_to)] if q.ages else []
    if q.ages is None:  # the age would not settle it: the sources are silent
        return [Reason(ReasonCode.AGE_UNKNOWN,
                       "The sources do not say which age groups it is approved for.", q.source)]
    if age is None:
        # No age given: fine where every age group is approved, otherwise unknown (never
        # assumed approved).
        approved = set(q.ages.approved) if q.ages is not None else set()
        if approved >= _EVERY_AGE_GROUP:
            return cautions
        message = f"Age not given, so whether {voice.learners} age group is approved is unknown"
        if approved and q.ages is not None:
            message += f" (approved for: {', '.join(q.ages.approved)})"
        source = q.ages.source if q.ages is not None else q.source
        return [Reason(ReasonCode.AGE_NOT_GIVEN, message + ".", source), *cautions]
    bands = age_bands_for(age)
    approved_bands = [b for b in bands if b in q.ages.approved]
    refused = [b for b in bands if b in q.ages.not_approved]
    if set(q.ages.approved) >= _EVERY_AGE_GROUP:
        # "Suitable for learners of all ages" (OCN London's guide): not OCR's age groups, which
        # that guide does not use.
        first = Reason(ReasonCode.AGE_APPROVED, f"Suitable for learners of all ages, {age} "
                       "included.", q.ages.source)
    elif approved_bands:
        # Every approved group the age falls in: a 19-year-old is in 18+ and 19+ alike.
        groups = ("age group " if len(approved_bands) == 1 else "age groups ") + listed(
            list(approved_bands), "and")
        first = Reason(ReasonCode.AGE_APPROVED, f"Approved for age {age} ({groups}).",
                       q.ages.source)
    elif refused and len(refused) == len(bands):
        allowed = ", ".join(q.ages.approved) or "none"
        first = Reason(ReasonCode.AGE_NOT_APPROVED,
                       f"Not approved for learners aged {age} (age group {refused[0]}); "
                       f"approved for: {allowed}.", q.ages.source)
    else:
        first = Reason(ReasonCode.AGE_UNKNOWN,
                       f"The sources do not say whether age {age} is approved.", q.ages.source)
    return [first, *cautions]
