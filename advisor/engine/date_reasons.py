"""The reasons a qualification's dates give for whether it takes new learners on a date:
open until its last entry date, not yet open, closed, certificates ended, or not known where
the sources give no date that settles it; with the Ofqual register's dates where it lists the
qualification. :mod:`advisor.engine.eligibility` weighs these beside the learner's age and role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from advisor.catalogue import Basis, Category, Citation, DateFact, Dates, Qualification
from advisor.engine.registered import (
    from_register,
    merged_dates,
    register_citation,
    register_entry,
    register_summary,
)
from advisor.engine.wording import uk_date
from advisor.register import Register, RegisterEntry

__all__ = ["OPEN_ON_THE_DATE_UNKNOWN", "Reason", "ReasonCode", "closed_by_words",
           "dated_reasons"]


class ReasonCode(StrEnum):
    OPEN_TO_ENTRY = "open-to-entry"
    CLOSED_TO_ENTRY = "closed-to-entry"
    NOT_YET_OPEN = "not-yet-open"
    CERTIFICATION_CLOSED = "certification-closed"
    DATES_UNKNOWN = "dates-unknown"
    REVIEW_DATE_PASSED = "review-date-passed"
    REVIEW_NOT_AN_END = "review-not-an-end"  # open on its operational dates; confirm it
    AGE_APPROVED = "age-approved"
    AGE_NOT_APPROVED = "age-not-approved"
    AGE_UNKNOWN = "age-unknown"  # the sources do not say whether the learner's age is approved
    AGE_NOT_GIVEN = "age-not-given"  # the learner's age was not given, and it matters
    AGE_CAUTION = "age-caution"
    ENTRY_REQUIREMENTS = "entry-requirements"
    ROLE_REQUIREMENT = "role-requirement"
    ROLE_NOT_MET = "role-not-met"
    ROLE_MET = "role-met"
    REPLACED = "replaced"
    NOT_A_QUALIFICATION = "not-a-qualification"
    REGISTER_RECORD = "register-record"  # the register's status and dates, beside the documents'
    REGISTER_DATES_DIFFER = "register-dates-differ"  # the register's date is used
    REGISTER_ONLY = "register-only"  # known from the register alone: no ages, entry, units



@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    message: str
    source: tuple[Citation, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code.value, "message": self.message,
                "source": [c.label() for c in self.source]}


def closed_by_words(fact: DateFact) -> str:
    """Words for a date a qualification was closed to new learners by, where the sources give
    no last entry date (``Dates.closed_to_entry_by``): what a later document says, or, where
    the date is worked out from that document's own date, that it is the latest it closed."""
    if any(citation.basis is Basis.INFERENCE for citation in fact.source):
        return (f"it had closed to new learners by {uk_date(fact.date)} at the latest (worked "
                "out from a later document that says it was closed, without giving the date)")
    return f"a later document says it was closed to new learners by {uk_date(fact.date)}"


_CLOSED = {ReasonCode.CLOSED_TO_ENTRY, ReasonCode.CERTIFICATION_CLOSED}
_DECIDED = {ReasonCode.CLOSED_TO_ENTRY, ReasonCode.CERTIFICATION_CLOSED, ReasonCode.NOT_YET_OPEN,
            ReasonCode.OPEN_TO_ENTRY}


def dated_reasons(q: Qualification, as_at: dt.date, register: Register | None, *,
                   legacy: str | None) -> tuple[list[Reason], RegisterEntry | None]:
    """The date reasons, with the register's dates where it lists ``q``; and its record.
    ``legacy``: the sources' word for it, where it applies on the date (:func:`legacy_words`)."""
    if register is None or q.category is Category.NATIONAL_STRUCTURE:
        return _date_reasons(q, as_at, legacy), None
    if from_register(q):
        reasons = _date_reasons(q, as_at, legacy)
        start = q.dates.operational_start
        notes = [Reason(ReasonCode.REGISTER_ONLY,
                        "Known from the Ofqual register only: its age groups, entry "
                        "requirements, units and rules of combination are not known; ask the "
                        "awarding organisation.", q.source)]
        entry = register.get(q.regulator_number or "")
    else:
        entry = register_entry(q, register)
        if entry is None:
            return _date_reasons(q, as_at, legacy), None
        cite = (register_citation(register, entry),)
        dates, differences = merged_dates(q, register, entry)
        reasons = _date_reasons(q.model_copy(update={"dates": dates}), as_at, legacy)
        start = dates.operational_start if entry.operational_start is not None else None
        notes = [Reason(ReasonCode.REGISTER_RECORD, register_summary(entry), cite)]
        notes += [Reason(ReasonCode.REGISTER_DATES_DIFFER, message, sources)
                  for message, sources in differences]
    if entry is not None and entry.withdrawn_on(as_at) and not {r.code for r in reasons} & _CLOSED:
        # The register's status is the regulator's current word, whatever the dates say.
        reasons = [r for r in reasons if r.code not in {ReasonCode.OPEN_TO_ENTRY,
                                                        ReasonCode.DATES_UNKNOWN}]
        reasons.insert(0, Reason(
            ReasonCode.CLOSED_TO_ENTRY,
            f"Closed to new learners: the Ofqual register lists it as '{entry.status}'.",
            (register_citation(register, entry),)))
    if (start is not None and entry is not None and entry.operational_end is None
            and not entry.withdrawn  # withdrawn since some day before it was read
            and start.date <= as_at and not {r.code for r in reasons} & _DECIDED):
        # The register records what is current: a start and no end means it is open.
        reasons = [r for r in reasons if r.code is not ReasonCode.DATES_UNKNOWN]
        reasons.insert(0, Reason(
            ReasonCode.OPEN_TO_ENTRY,
            f"Open to new learners: the Ofqual register records it in operation since "
            f"{uk_date(start.date)}, with no operational end date.", start.source))
    return reasons + notes, entry


OPEN_ON_THE_DATE_UNKNOWN = "so whether it is open on this date is unknown"
"""How every status reason ends where the sources give no date that settles whether a
qualification takes new learners on the date (one home for the words)."""


def _opened_by(d: Dates, as_at: dt.date) -> bool:
    """Whether the sources show a qualification opened by ``as_at``: its start (or launch) is
    passed, or a document shows it in use by then. A last entry date alone does not."""
    return (d.operational_start is not None or d.launched is not None
            or (d.in_use_by is not None and d.in_use_by.date <= as_at))


def _date_reasons(q: Qualification, as_at: dt.date, legacy: str | None) -> list[Reason]:
    reasons: list[Reason] = []
    d = q.dates
    closed = False
    if d.operational_start is not None and as_at < d.operational_start.date:
        # Before it opens, nothing about its closing applies yet (nor "not known if open").
        return [Reason(ReasonCode.NOT_YET_OPEN,
                       f"Opens to learners on {uk_date(d.operational_start.date)}.",
                       d.operational_start.source)]
    if d.launched is not None and as_at < d.launched.not_before:
        return [Reason(ReasonCode.NOT_YET_OPEN,
                       f"Not yet open on this date: the sources say it was launched "
                       f"{d.launched.when}.", d.launched.source)]
    if d.last_entry is not None:
        if as_at > d.last_entry.date:
            closed = True
            reasons.append(Reason(ReasonCode.CLOSED_TO_ENTRY,
                                  f"Closed to new learners: the last entry date was "
                                  f"{uk_date(d.last_entry.date)}.", d.last_entry.source))
        else:
            # With how long certificates are issued after: the time a learner has to finish.
            certified = d.last_certification
            certificates = f" (certificates until {uk_date(certified.date)})" if certified else ""
            sources = tuple(dict.fromkeys((*d.last_entry.source,
                                           *(certified.source if certified else ()))))
            if _opened_by(d, as_at):
                reasons.append(Reason(ReasonCode.OPEN_TO_ENTRY,
                                      f"Open to new learners until "
                                      f"{uk_date(d.last_entry.date)}{certificates}.", sources))
            else:  # a last entry date says nothing of when it opened (09628 in 2009)
                shown = (f": no document shows it in use before {uk_date(d.in_use_by.date)}"
                         if d.in_use_by is not None else "")
                reasons.append(Reason(
                    ReasonCode.DATES_UNKNOWN,
                    f"The sources give its last entry date, {uk_date(d.last_entry.date)}"
                    f"{certificates}, but not when it opened{shown}; "
                    f"{OPEN_ON_THE_DATE_UNKNOWN}.",
                    (*sources, *(d.in_use_by.source if d.in_use_by is not None else ()))))
    elif d.closed_to_entry_by is not None and as_at > d.closed_to_entry_by.date:
        closed = True
        reasons.append(Reason(ReasonCode.CLOSED_TO_ENTRY,
                              f"Closed to new learners: {closed_by_words(d.closed_to_entry_by)}.",
                              d.closed_to_entry_by.source))
    if d.last_certification is not None and as_at > d.last_certification.date:
        closed = True  # no certificate can be claimed: closed to anyone new, entry date or not
        reasons.append(Reason(ReasonCode.CERTIFICATION_CLOSED,
                              f"Certificates are no longer issued: the last certification date "
                              f"was {uk_date(d.last_certification.date)}.",
                              d.last_certification.source))
    if (not closed and d.last_entry is None and d.closed_to_entry_by is None
            and d.operational_start is not None and d.review is not None
            and d.operational_start.date <= as_at <= d.review.date):
        reasons.append(Reason(
            ReasonCode.OPEN_TO_ENTRY,
            f"Open to new learners: in operation since {uk_date(d.operational_start.date)}, "
            f"and its review date, {uk_date(d.review.date)}, has not passed.",
            (*d.operational_start.source, *d.review.source)))
        reasons.append(Reason(
            ReasonCode.REVIEW_NOT_AN_END,
            "A review date is not a closing date, and the sources give no last entry date: "
            "ask the centre to confirm it still takes new learners.", d.review.source))
        return reasons
    if (not closed and d.last_entry is None and d.closed_to_entry_by is None
            and d.in_use is not None and d.in_use.from_ <= as_at <= d.in_use.until):
        # No last entry date, but a document describes learners starting it then.
        certificates = (f" Certificates are issued until "
                        f"{uk_date(d.last_certification.date)}."
                        if d.last_certification is not None else "")
        reasons.append(Reason(
            ReasonCode.OPEN_TO_ENTRY,
            f"Open to new learners, as far as the sources show: {d.in_use.said} (they give no "
            f"last entry date).{certificates}",
            tuple(dict.fromkeys((*d.in_use.source, *(d.launched.source if d.launched else ()),
                                 *(d.last_certification.source if d.last_certification
                                   else ()))))))
        return reasons
    if not closed and d.last_entry is None:
        # When it opened, where the sources say: open once, whether still open not known.
        opened = (f"The sources say it was launched {d.launched.when}, but give"
                  if d.launched is not None else
                  f"It opened on {uk_date(d.operational_start.date)}, but the sources give"
                  if d.operational_start is not None else "The sources give")
        message = f"{opened} no last entry date, {OPEN_ON_THE_DATE_UNKNOWN}."
        certified = d.last_certification  # not passed: a learner has until then to finish
        if certified is not None:
            message += f" Certificates are issued until {uk_date(certified.date)}."
        if legacy is not None:
            message += " " + legacy
        source: tuple[Citation, ...] = tuple(dict.fromkeys((
            *q.source, *(d.launched.source if d.launched is not None else
                         d.operational_start.source if d.operational_start is not None
                         else ()), *(certified.source if certified is not None else ()))))
        if d.review is not None and as_at > d.review.date:
            reasons.append(Reason(ReasonCode.REVIEW_DATE_PASSED,
                                  f"Its review date ({uk_date(d.review.date)}) has passed; check "
                                  "with the awarding body that it is still offered.",
                                  d.review.source))
        reasons.append(Reason(ReasonCode.DATES_UNKNOWN, message, source))
    return reasons


