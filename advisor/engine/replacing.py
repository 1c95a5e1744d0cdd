"""When a qualification opens, and what replaced it by a date: whether it had opened yet (by
its start date, or the launch its sources give in words), which of its replacements had opened,
and whether the sources' word "legacy" for it applies then (and the words for it that a status
carries). Shared by eligibility, routes, the starting level's next steps and the views that say
when something opens.
"""

from __future__ import annotations

import datetime as dt

from advisor.catalogue import Catalogue, Dates, Qualification, Replacement
from advisor.engine.wording import uk_date

__all__ = ["being_replaced_on", "held_before_it_opened", "legacy_on", "legacy_words",
           "opens_after", "replacements_open_by", "yet_to_come"]


def opens_after(d: Dates, as_at: dt.date) -> tuple[str, dt.date] | None:
    """Where dates ``d`` had not opened on ``as_at``: when, in words (see :func:`yet_to_come`),
    and the first day they allow (the start date, or the first day of the launch's season)."""
    if d.operational_start is not None and as_at < d.operational_start.date:
        return f"which opened on {uk_date(d.operational_start.date)}", d.operational_start.date
    if d.launched is not None and as_at < d.launched.not_before:
        return f"launched {d.launched.when}", d.launched.not_before
    return None


def yet_to_come(q: Qualification, as_at: dt.date) -> str | None:
    """Where ``q`` had not yet opened on ``as_at``, by its start date or the launch its sources
    give, when it did in words ("launched in the autumn of 2014"); else None."""
    opening = opens_after(q.dates, as_at)
    return opening[0] if opening is not None else None


def held_before_it_opened(q: Qualification, as_at: dt.date) -> str | None:
    """Where ``q`` had not opened by ``as_at`` (601/4404/X in 2012), why nobody could hold it
    then, in a sentence's words (no capital, no full stop) naming when it opened; else None.
    For answers from what a learner holds on a date."""
    opening = yet_to_come(q, as_at)
    if opening is None:
        return None
    return (f"{q.name} had not opened yet on {uk_date(as_at)} ({opening}), so nobody could "
            "hold it then: choose a date after it opened, or leave it out of what is held")


def replacements_open_by(catalogue: Catalogue, q: Qualification,
                         as_at: dt.date) -> list[Replacement]:
    """What the sources say replaced ``q`` and had opened by ``as_at`` (a replacement still to
    come on the date is no reason to doubt ``q`` then)."""
    return [r for r in q.replaced_by if r.by in catalogue.qualifications
            and not yet_to_come(catalogue.qualifications[r.by], as_at)]


def legacy_on(catalogue: Catalogue, q: Qualification, as_at: dt.date) -> bool:
    """Whether the sources' word "legacy" for ``q`` (one that others were replacing) applies on
    ``as_at``: not before every qualification they say replaced it had opened, when it was
    still current (03456 in 2012, before 10380 was launched in the autumn of 2014), nor, where
    no replacement is named, before the earliest document the word rests on
    (``Dates.legacy_from``: 04522 before September 2012)."""
    if not q.legacy:
        return False
    if q.dates.legacy_from is not None and as_at < q.dates.legacy_from.date:
        return False  # before the earliest document the word rests on (04522 in 2011)
    successors = [catalogue.qualifications[r.by] for r in q.replaced_by
                  if r.by in catalogue.qualifications]
    return not successors or not all(yet_to_come(s, as_at) for s in successors)


def being_replaced_on(catalogue: Catalogue, q: Qualification, as_at: dt.date) -> bool:
    """Whether, on ``as_at``, the sources' word "legacy" for ``q`` describes its replacement as
    under way: the word applies (:func:`legacy_on`), and a qualification they say replaced it
    is one they show in use on that day or later (its ``in_use``: 10379 to 31 August 2015, the
    end of the year OCR's 2014-15 report describes, so 03455 on 1 June 2015). After that day,
    it may have stopped taking new learners since, on a date the sources do not give."""
    if not legacy_on(catalogue, q, as_at):
        return False
    successors = [catalogue.qualifications[r.by] for r in q.replaced_by
                  if r.by in catalogue.qualifications]
    return any(s.dates.in_use is not None and as_at <= s.dates.in_use.until
               for s in successors)


def legacy_words(catalogue: Catalogue, q: Qualification, as_at: dt.date) -> str | None:
    """That the sources call ``q`` legacy, where the word applies on ``as_at`` (:func:`legacy_on`;
    None otherwise), worded for the date: while they show its replacement under way, that it
    was being replaced and to ask whether it still takes entries; later, that it may well have
    stopped taking new learners since."""
    if not legacy_on(catalogue, q, as_at):
        return None
    # Not "now": the sources that call it legacy date from the years its replacements came
    # in, and it may have closed since without a date they give. Some sources call it legacy,
    # others only suggest it (04522, left out of a later list): words true of both, its
    # sources saying which.
    if being_replaced_on(catalogue, q, as_at):
        return ("It is counted as a legacy qualification: on this date others were replacing "
                "it (see its sources), so ask the awarding body whether it still takes new "
                "entries before relying on it.")
    return ("It is counted as a legacy qualification, one that others were replacing (see its "
            "sources), so it may well have stopped taking new learners since: ask the awarding "
            "body before relying on it.")
