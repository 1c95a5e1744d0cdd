"""A qualification's status on a date in words: in a few words for a cell or a title, in a
clause, in a sentence with what replaced it, and whether new learners can start.
:mod:`advisor.views.labels` offers these with the other words the views use.
"""

from __future__ import annotations

import datetime as dt

from advisor.catalogue import Catalogue, Qualification
from advisor.engine.eligibility import (
    Eligibility,
    ReasonCode,
    Status,
    StatusOnDate,
    replaced_in_brief,
)
from advisor.engine.wording import sentence_start, uk_date

__all__ = ["STATUS_WORDS", "entry_status", "entry_status_in_brief", "entry_status_line",
           "entry_status_said", "no_further_units_words", "plan_beyond_certification",
           "replaced_in_brief", "replacement_names", "status_in_a_clause", "status_in_brief",
           "status_of", "status_sentence", "what_replaced_it", "what_replaced_it_words"]


STATUS_WORDS: dict[Status, str] = {
    Status.OPEN: "open to new learners",
    Status.NOT_YET_OPEN: "not yet open",
    Status.CLOSED: "closed to new learners",
    # Not "closed to new learners" alone: a learner who reads it (in Explore's search, say)
    # must be able to tell that the qualification can no longer be finished either.
    Status.CERTIFICATION_CLOSED: "closed; certificates ended",
    Status.UNKNOWN: "not known if open",  # not "not stated", which reads as an empty field
    Status.NATIONAL_STRUCTURE: "national structure (not enrolled on directly)",
}
"""A qualification's status on the date, in a few words: the same in every table, title and
cell (:func:`status_in_brief`, :func:`entry_status`)."""


_STATUS_IN_A_SENTENCE = {
    Status.OPEN: "open to new learners",
    Status.NOT_YET_OPEN: "not yet open to new learners",
    Status.CLOSED: "closed to new learners",
    Status.CERTIFICATION_CLOSED: "closed to new learners",
    Status.UNKNOWN: "whether it takes new learners is not known",
    Status.NATIONAL_STRUCTURE: "a national structure, not a qualification to enrol on",
}

# After "it is": where certificates have ended too, that (a clause has room to say it).
_AFTER_IT_IS = {**_STATUS_IN_A_SENTENCE, Status.CERTIFICATION_CLOSED:
                "closed to new learners, and certificates are no longer issued"}


def replacement_names(catalogue: Catalogue, status: StatusOnDate) -> list[str]:
    """The names of what the sources say replaced a qualification that has closed; where they
    state some and only suggest others, the suggested ones marked "(inferred)"."""
    mixed = bool(status.inferred_replacements) and not status.replacement_inferred
    return [catalogue.qualifications[i].name
            + (" (inferred)" if mixed and i in status.inferred_replacements else "")
            for i in status.replaced_by if i in catalogue.qualifications]


def what_replaced_it(catalogue: Catalogue, status: StatusOnDate) -> str:
    """``What replaced it, as the sources suggest (they do not say so in those words): <name>``
    (without a full stop): as sure as the sources are, wherever it is said; "" where they name
    nothing."""
    replaced = replacement_names(catalogue, status)
    return sentence_start(_what_replaced_it(status)) + ": " + "; ".join(replaced) if replaced \
        else ""


def status_sentence(catalogue: Catalogue, status: StatusOnDate, as_at: dt.date, *,
                    dated: bool = True) -> str:
    """``On 29 November 2026: closed to new learners. <why> The sources name what replaced
    it: <name>.`` (the status is not said twice where the reason already says it); without
    its "On <date>: " where not ``dated`` (under a heading that gives the date)."""
    words = _STATUS_IN_A_SENTENCE[status.status]
    on = f"On {uk_date(as_at)}: " if dated else ""
    if status.status is Status.UNKNOWN or status.reason.casefold().startswith(words.casefold()):
        text = f"{on}{status.reason}"
    else:
        text = f"{on}{words}. {status.reason}"
    text = sentence_start(text)
    replaced = what_replaced_it(catalogue, status)
    return f"{text} {replaced}." if replaced else text


def no_further_units_words(q: Qualification) -> str:
    """Where ``q``'s certificates have ended on the date: that no units can complete it now
    (a clause, without its full stop)."""
    return (f"Certificates for {q.reference} are no longer issued on this date, so no further "
            "units can complete it")


def plan_beyond_certification(catalogue: Catalogue, q: Qualification,
                              status: StatusOnDate) -> str | None:
    """Before a plan of units for ``q``: where its certificates have ended on the date, that no
    further units can complete it, and what replaced it (``None`` otherwise)."""
    if status.status is not Status.CERTIFICATION_CLOSED:
        return None
    replaced = what_replaced_it(catalogue, status)  # as sure as the sources are
    return (f"{no_further_units_words(q)}: the plan below is what its rules would still need. "
            + (f"{replaced}." if replaced else
               "The sources do not say what replaced it: ask the awarding body."))


def status_in_a_clause(catalogue: Catalogue, status: StatusOnDate, as_at: dt.date) -> str:
    """``on 29 November 2026 it is closed to new learners; the sources name what replaced it:
    <name>``: a qualification's status as part of a longer sentence, dated as at the day asked
    about (never as if it closed on that day)."""
    day = uk_date(as_at)
    if status.status is Status.UNKNOWN:
        text = f"whether it takes new learners on {day} is not stated in the sources"
    else:
        text = f"on {day} it is {_AFTER_IT_IS[status.status]}"
    replaced = replacement_names(catalogue, status)
    if replaced:
        text += f"; {_what_replaced_it(status)}: " + "; ".join(replaced)
    return text


def status_of(name: str, status: Status, as_at: dt.date) -> str:
    """``On 29 November 2026, <name> is closed to new learners, and certificates are no longer
    issued``: a qualification's status by its ``name``, to start a sentence, dated as at the
    day asked about (never "closed on <day>", as if it closed that day)."""
    day = uk_date(as_at)
    if status is Status.UNKNOWN:
        return f"On {day}, whether {name} takes new learners is not stated in the sources"
    return f"On {day}, {name} is {_AFTER_IT_IS[status]}"


def what_replaced_it_words(status: StatusOnDate) -> str:
    """``what replaced it`` in a sentence of advice, as sure as the sources are: "what the
    sources suggest replaced it" where they only imply it, "what the sources say or suggest
    replaced it" where they state some of it."""
    if status.replacement_inferred:
        return "what the sources suggest replaced it"
    if status.inferred_replacements:
        return "what the sources say or suggest replaced it"
    return "what replaced it"


def _what_replaced_it(status: StatusOnDate) -> str:
    """How sure the sources are of what replaced a qualification, before its name."""
    if status.replacement_inferred:
        return "what replaced it, as the sources suggest (they do not say so in those words)"
    if status.inferred_replacements:
        return "what replaced it, as the sources state or suggest"
    return "the sources name what replaced it"


def status_in_brief(status: Status, *, review_date_passed: bool = False) -> str:
    """A status in the fewest words, for a title or a crowded cell: "open to new learners",
    "closed; certificates ended", "not known if open (review date passed)"."""
    return STATUS_WORDS[status] + (" (review date passed)" if review_date_passed else "")


def entry_status_in_brief(eligibility: Eligibility, catalogue: Catalogue | None = None) -> str:
    """:func:`status_in_brief` for a qualification's status as its eligibility gives it,
    marking a review date that has passed; with the ``catalogue``, what replaced it too."""
    return status_in_brief(eligibility.status.status, review_date_passed=any(
        r.code is ReasonCode.REVIEW_DATE_PASSED for r in eligibility.reasons)) + (
        replaced_in_brief(catalogue, eligibility.status) if catalogue else "")


_STATUS_CODES = (ReasonCode.NOT_A_QUALIFICATION, ReasonCode.CLOSED_TO_ENTRY,
                 ReasonCode.NOT_YET_OPEN, ReasonCode.OPEN_TO_ENTRY,
                 ReasonCode.CERTIFICATION_CLOSED, ReasonCode.REVIEW_DATE_PASSED,
                 ReasonCode.DATES_UNKNOWN)


def entry_status_line(eligibility: Eligibility) -> str:
    """Whether new learners can start on the date, in one line, in the reasons' own words
    (``On 30 November 2026: Closed to new learners: ...``); where it is open but not to this
    learner (their age group, a role it needs), that too, in the eligibility's voice ("But this
    learner cannot start it", "But you cannot start it")."""
    return f"On {uk_date(eligibility.as_at)}: {entry_status_said(eligibility)}"


def entry_status_said(eligibility: Eligibility) -> str:
    """:func:`entry_status_line` without its date, for a list that names the date once."""
    said = [r.message for r in eligibility.reasons if r.code in _STATUS_CODES]
    line = " ".join(said) if said else f"{entry_status(eligibility)}."
    refused = [r.message for r in eligibility.not_for_this_learner]
    if refused and eligibility.status.status is Status.OPEN:
        line += f" But {eligibility.voice.this} cannot start it. " + " ".join(refused)
    return line


def entry_status(eligibility: Eligibility) -> str:
    """Whether new learners can start, in a few words, from the date reasons alone; where the
    dates are not stated and a review date has passed, that too, as it is a reason to doubt."""
    words = STATUS_WORDS[eligibility.status.status]
    for reason in eligibility.reasons:
        if reason.code is ReasonCode.REVIEW_DATE_PASSED:  # its own words, made a clause
            words += "; " + reason.message[:1].lower() + reason.message[1:].rstrip(".")
    return words
