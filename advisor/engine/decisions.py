"""Centre decisions: units accepted through recognition of prior learning, units in progress,
and whether the plan fits before certification closes.

:func:`check_progress` answers for one learner and one qualification: where the learner stands
today (achieved and accepted units counting), where they will stand when the units in progress
are achieved, and, given hours a week and a start date, whether the rest fits before the
qualification's certification end date. The engine never accepts a unit by itself: acceptance
is the centre's decision, passed in as :class:`~advisor.engine.combination.Accepted`; any
documented bar on evidence towards the qualification is shown beside it.

:data:`MIN_HOURS_A_WEEK` and :data:`MAX_HOURS_A_WEEK` are the one home for what a plausible
number of guided learning hours a week is; :func:`parse_hours_a_week` reads one, for a link, a
learners file and the command line alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from advisor.catalogue import Catalogue, Citation, Qualification
from advisor.engine import answers
from advisor.engine.carryover import EvidenceBar, evidence_bars
from advisor.engine.combination import check_combination, unit_number
from advisor.engine.combination_types import Accepted, CombinationCheck
from advisor.engine.eligibility import closed_by_words
from advisor.engine.planner import NO_PREFERENCE, Objective, PlanPreference
from advisor.engine.registered import dates_on_record
from advisor.engine.replacing import opens_after
from advisor.engine.structure_dates import rules_known_later
from advisor.engine.wording import count, uk_date
from advisor.register import Register

MIN_HOURS_A_WEEK = 0.5
"""The fewest guided learning hours a week a timeline is worked out for: fewer would put the
finish decades away (or past the calendar's last day), which no plan needs."""
MAX_HOURS_A_WEEK = 168.0  # every hour of the week
HOURS_A_WEEK_ACCEPTED = f"a number from {MIN_HOURS_A_WEEK:g} to {MAX_HOURS_A_WEEK:g}"


_HOURS_SAID = re.compile(r"([0-9]+(?:[.,][0-9]{1,2})?)\s*(?:h|hrs?|hours?|glh)?"
                         r"(?:\s*(?:(?:a|per|/)\s*(?:week|wk)|pw|p/w))?", re.IGNORECASE)


def parse_hours_a_week(text: str) -> float:
    """Guided learning hours a week from text ("5", "7.5"), from :data:`MIN_HOURS_A_WEEK` to
    :data:`MAX_HOURS_A_WEEK`; raises :class:`~advisor.engine.answers.AnswerError`, saying what
    is accepted, for anything else."""
    text = text.strip()
    # As a centre types them in a spreadsheet: "2,5" (a decimal comma), "5 hours", "4 hrs a
    # week", "5 glh pw". One or two figures after a comma only: "1,500" is no decimal.
    if said := _HOURS_SAID.fullmatch(text):
        text = said.group(1).replace(",", ".")
    # float() would also read "1_0", a thousand-digit number and other scripts' digits ("٣",
    # as the age and levels refuse them): none is an answer.
    try:
        plain = len(text) <= 20 and "_" not in text and text.isascii()
        hours = float(text) if plain else math.nan
    except ValueError:
        hours = math.nan
    if not math.isfinite(hours):
        raise answers.AnswerError(f"{text[:20]!r} is not a number of hours a week: give "
                                  f"{HOURS_A_WEEK_ACCEPTED}")
    if not MIN_HOURS_A_WEEK <= hours <= MAX_HOURS_A_WEEK:
        raise answers.AnswerError(f"{text[:20]!r} hours a week is out of range: give "
                                  f"{HOURS_A_WEEK_ACCEPTED}")
    return hours


class TooLate(StrEnum):
    """Why a timeline is not in time: what would have to change."""

    HOURS = "hours"  # the finish falls after certification ends: more hours a week may help
    ENTRY_CLOSED = "entry-closed"  # a learner not yet registered can no longer start
    NOT_OPEN_YET = "not-open-yet"  # the start is before it opened
    CERTIFICATES_ENDED = "certificates-ended"  # before the start: no one can be certificated


@dataclass(frozen=True, kw_only=True)
class Timeline:
    """Whether the hours still to study fit before certification closes.

    ``in_time`` is None (unknown) when the hours or the dates are not in the sources; ``reason``
    says which, or why the plan is in time or too late. ``weeks`` and ``finish_by`` are None
    when not known, and also when the finish would fall after the calendar's last day
    (31 December 9999), which is after any certification end date.
    """

    glh_per_week: float
    start: dt.date
    glh_needed: int | None  # the units in progress in full, and the plan beyond them
    weeks: int | None
    finish_by: dt.date | None
    certification_end: dt.date | None
    last_entry: dt.date | None  # for a learner not yet registered; None once registered
    # Where the sources give no last entry date: the date a later document says it was closed
    # by (it may have closed before), for a learner not yet registered.
    closed_to_entry_by: dt.date | None = None
    in_time: bool | None
    reason: str
    source: tuple[Citation, ...] = ()
    too_late: TooLate | None = None  # where ``in_time`` is False: why


@dataclass(frozen=True, kw_only=True)
class ProgressCheck:
    """A learner's units with the centre's decisions: today, when the units in progress are
    achieved, and the timeline."""

    today: CombinationCheck
    when_done: CombinationCheck | None  # None when no unit is in progress
    timeline: Timeline | None  # None unless hours a week and a start date were given
    bars: tuple[EvidenceBar, ...] = ()  # documented bars beside the units accepted
    registered: bool = False  # already registered, so the last entry date no longer applies

    @property
    def accepted(self) -> tuple[Accepted, ...]:
        return self.today.accepted

    @property
    def in_progress(self) -> tuple[str, ...]:
        return self.today.in_progress


def check_progress(
    catalogue: Catalogue,
    qualification: Qualification,
    held: Iterable[str],
    *,
    accepted: Iterable[Accepted] = (),
    in_progress: Iterable[str] = (),
    objective: Objective = Objective.CREDITS,
    glh_per_week: float | None = None,
    start: dt.date | None = None,
    registered: bool = False,
    as_at: dt.date | None = None,
    register: Register | None = None,
    preference: PlanPreference = NO_PREFERENCE,
) -> ProgressCheck:
    """Check ``held`` (URNs) with the centre's decisions, and when the rest can be finished.

    ``accepted`` units count like achieved ones; ``in_progress`` units count only in
    ``when_done``. With ``glh_per_week`` and ``start``, the timeline: the guided learning hours
    still needed (the units in progress in full, since how far along they are is not known, and
    the fewest-hours plan beyond them) make a finish date, compared with the certification end
    date and, unless ``registered``, the last entry date; a ``start`` before ``as_at`` (the date
    on which ``held`` are the units held) is not worked out, and the timeline says why; nor is
    a start before the qualification opens. The rules are those on ``as_at``: where they are
    borrowed from a national structure dated later, none is known, and the check and the
    timeline say why (``today.rules_known_later``). With a ``register`` that lists the
    qualification, its dates are used where the documents give none or differ. Raises
    :class:`~advisor.engine.combination.DecisionError` for a unit accepted or in progress that
    is not part of the qualification. ``preference`` chooses among the plans of the smallest
    size (for a learner not working, without units assessed in a job where one as small does).
    """
    held = list(held)
    accepted = list(accepted)
    in_progress = list(in_progress)
    # The rules as on ``as_at``: before the date of a national structure they are borrowed
    # from, none (the check says why: ``rules_known_later``).
    today = check_combination(catalogue, qualification, held, objective=objective,
                              accepted=accepted, in_progress=in_progress, as_at=as_at,
                              preference=preference)
    when_done = None
    if today.in_progress:
        when_done = check_combination(catalogue, qualification,
                                      [*held, *today.in_progress], objective=objective,
                                      accepted=today.accepted, as_at=as_at,
                                      preference=preference)
    timeline = None
    if glh_per_week is not None and start is not None:
        timeline = plan_timeline(catalogue, qualification, held, accepted=today.accepted,
                                 in_progress=today.in_progress, glh_per_week=glh_per_week,
                                 start=start, registered=registered, as_at=as_at,
                                 register=register)
    bars = evidence_bars(catalogue, qualification) if today.accepted else ()
    return ProgressCheck(today=today, when_done=when_done, timeline=timeline, bars=bars,
                         registered=registered)


def plan_timeline(
    catalogue: Catalogue,
    qualification: Qualification,
    held: Iterable[str],
    *,
    glh_per_week: float,
    start: dt.date,
    accepted: Iterable[Accepted] = (),
    in_progress: Iterable[str] = (),
    registered: bool = False,
    as_at: dt.date | None = None,
    register: Register | None = None,
) -> Timeline:
    """When a learner studying ``glh_per_week`` guided learning hours a week from ``start``
    finishes the qualification, and whether that is in time (see :func:`check_progress`)."""
    if not glh_per_week > 0:
        raise answers.AnswerError(f"hours a week must be more than 0, not {glh_per_week}")
    dates = dates_on_record(qualification, register)
    end = dates.last_certification
    # The last day a learner not yet registered can start: the last entry date, or failing
    # that the date a later document says it was closed by (it may have closed earlier).
    closed_by = dates.closed_to_entry_by if dates.last_entry is None else None
    entry = None if registered else (dates.last_entry or closed_by)
    # One citation a section and basis: the end and the entry date may share a section, one
    # stated and the other inferred from it, and neither basis may be lost.
    cited = {(c.label(), c.basis): c for fact in (end, entry) if fact is not None
             for c in fact.source}
    source = tuple(cited.values())
    glh, studying, missing = _glh_needed(catalogue, qualification, held, accepted, in_progress,
                                         as_at)
    unknown = Timeline(glh_per_week=glh_per_week, start=start, glh_needed=glh, weeks=None,
                       finish_by=None, certification_end=end.date if end else None,
                       last_entry=entry.date if entry and closed_by is None else None,
                       closed_to_entry_by=entry.date if entry and closed_by else None,
                       in_time=None, reason=missing, source=source)
    if as_at is not None and start < as_at and glh == 0:
        # Nothing more to study: when it began does not matter; the dates are those of now.
        start = as_at
        unknown = dataclasses.replace(unknown, start=start)
    if as_at is not None and start < as_at:
        return dataclasses.replace(unknown, source=(), reason=(
            f"Not worked out: the start, {uk_date(start)}, is before the date of this check, "
            f"{uk_date(as_at)}. The units held are those held on {uk_date(as_at)}, so the rest "
            "is studied from then: give a start on or after it."))
    opening = opens_after(dates, start)
    if opening is not None:
        opens, first = opening
        return dataclasses.replace(unknown, in_time=False, too_late=TooLate.NOT_OPEN_YET, reason=(
            f"Too early: on {uk_date(start)} {qualification.name} had not opened yet ({opens}), "
            f"so no learner can start it then: give a start on or after {uk_date(first)}."))
    late = entry is not None and start > entry.date  # too late to start, whatever the hours
    ended = end is not None and start > end.date  # too late for anyone, registered or not
    if glh is None and not (late or ended):
        # Why: hours the sources do not state, not the dates, so the dates' sources are not
        # cited for it.
        return dataclasses.replace(unknown, source=())
    worked_out, hours = unknown, f"starting on {uk_date(start)}"
    if glh == 0:
        hours = f"nothing more to study from {uk_date(start)}"
        worked_out = dataclasses.replace(unknown, weeks=0, finish_by=start)
    elif glh is not None:
        weeks, finish = _finish(start, glh=glh, glh_per_week=glh_per_week)
        split = (f" ({studying} for the units in progress, {glh - studying} for the units "
                 "beyond them)" if studying and glh > studying else "")
        studied = (f"{count(glh, 'guided learning hour')}{split} at {glh_per_week:g} a week "
                   f"from {uk_date(start)}")
        hours = (f"{studied}: {count(weeks, 'week')}, finishing by {uk_date(finish)}"
                 if weeks is not None and finish is not None else
                 f"{studied}: finishing after {uk_date(dt.date.max)}, the calendar's last day")
        worked_out = dataclasses.replace(unknown, weeks=weeks, finish_by=finish)
    if end is not None and ended:  # no date to finish by: the hours no longer matter
        # Only the certification end is the reason, so only its source is cited (not the
        # entry date's, the same section of a document read another way).
        return dataclasses.replace(
            unknown, in_time=False, source=tuple(end.source),
            too_late=TooLate.CERTIFICATES_ENDED, reason=(
            f"Too late: certificates for {qualification.name} ended on {uk_date(end.date)}, "
            f"before {uk_date(start)}, so no learner, registered or not, can be certificated "
            "for it now."))
    if entry is not None and late:
        closed = (f"the last entry date was {uk_date(entry.date)}" if closed_by is None else
                  closed_by_words(closed_by))
        # Units in progress suggest a learner who may be registered already: said, not assumed.
        ask_registered = (" If the learner is already registered for it, as units in "
                          "progress suggest they may be, say so, and the finish is weighed "
                          "against the end of certificates"
                          + (f" ({uk_date(end.date)})" if end else "") + " instead."
                          if in_progress else "")
        return dataclasses.replace(worked_out, in_time=False, too_late=TooLate.ENTRY_CLOSED,
                                   reason=(
            f"Too late: {hours}, but {closed}, so a learner not yet registered can no longer "
            f"start.{ask_registered}"))
    if end is None:
        return dataclasses.replace(worked_out, reason=(
            f"Not known: {hours}; the sources give no certification end date for "
            f"{qualification.name}."))
    finish = worked_out.finish_by
    if finish is None or finish > end.date:  # None: after the calendar's last day
        return dataclasses.replace(worked_out, in_time=False, too_late=TooLate.HOURS, reason=(
            f"Too late: {hours}, after the certification end date, {uk_date(end.date)}."))
    entry_note = ""
    if not registered and closed_by is not None:
        words = closed_by_words(closed_by)
        entry_note = (f" {words[:1].upper()}{words[1:]}, and it may have closed before: check "
                      "that it can still be entered.")
    elif not registered and entry is None:
        entry_note = " The sources give no last entry date, so check that it can still be entered."
    return dataclasses.replace(worked_out, in_time=True, reason=(
        f"In time: {hours}, on or before the certification end date, {uk_date(end.date)}."
        + entry_note))


def _finish(start: dt.date, *, glh: int, glh_per_week: float
            ) -> tuple[int | None, dt.date | None]:
    """(weeks, finish date) for ``glh`` hours at ``glh_per_week`` from ``start``; (None, None)
    when the finish would fall after the calendar's last day (a start near the year 9999, or
    very few hours a week), so that no caller ever sees an OverflowError."""
    try:
        weeks = math.ceil(glh / glh_per_week)
        return weeks, start + dt.timedelta(weeks=weeks, days=-1)  # the last day of study
    except OverflowError:  # an infinite number of weeks, or a date past 31 December 9999
        return None, None


def _glh_needed(catalogue: Catalogue, qualification: Qualification, held: Iterable[str],
                accepted: Iterable[Accepted], in_progress: Iterable[str],
                as_at: dt.date | None) -> tuple[int | None, int, str]:
    """(the hours still to study, those of them for the units in progress, "") or (None, 0,
    why they are not known), by the rules as on ``as_at``."""
    rules, _ = catalogue.effective_rules(qualification, as_at=as_at)
    if rules is None:
        later = rules_known_later(catalogue, qualification, as_at)
        return None, 0, (f"Not known: the hours still needed cannot be worked out: "
                         f"{later.words}." if later is not None else
                         f"Not known: the sources do not list the units of "
                         f"{qualification.name}, so the hours still needed cannot be worked "
                         "out.")
    fewest_hours = check_combination(catalogue, qualification, held, objective=Objective.GLH,
                                     accepted=accepted, in_progress=in_progress, as_at=as_at)
    plan = fewest_hours.plan
    if fewest_hours.complete:
        return 0, 0, ""
    if plan is None:
        return None, 0, "Not known: no completion can be planned from the units known."
    units = [*fewest_hours.in_progress, *(u.urn for u in plan.units)]
    unstated = [u for u in units if catalogue.units[u].glh is None]
    if unstated:
        names = ", ".join(unit_number(rules, u) or u for u in unstated)
        return None, 0, (f"Not known: the sources do not state the guided learning hours of "
                         f"{names}, so the finish date cannot be worked out.")
    studying = sum(catalogue.units[u].glh or 0 for u in fewest_hours.in_progress)
    return sum(catalogue.units[u].glh or 0 for u in units), studying, ""
