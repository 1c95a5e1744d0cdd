"""Why a route search found nothing, in plain words: the options left off that could find one,
or, where every qualification it could reach had closed or not yet opened on the date, that, and
whom to ask. Shared by the command line (:mod:`advisor.views.text`) and the route page."""

from __future__ import annotations

import datetime as dt

from advisor.catalogue import Catalogue, Category, Qualification
from advisor.engine.eligibility import Status, status_on
from advisor.engine.replacing import opens_after
from advisor.engine.wording import WHERE_TO_ASK, uk_date
from advisor.register import Register
from advisor.views.labels import STATUS_WORDS

__all__ = ["no_route_text"]


def no_route_text(catalogue: Catalogue, *, target: Qualification | None, to_level: int | None,
                  max_steps: int, as_at: dt.date, documented_only: bool = False,
                  documented_option: str = "--documented-only",
                  source: Qualification | None = None, register: Register | None = None) -> str:
    """Why no route was found, and only the options that are off and could find one; onward
    from ``source`` (no target), what to do instead. With a ``register``, the targets'
    statuses use its dates where it lists them."""
    goal = target.name if target else (f"Level {to_level}" if to_level else "anywhere onward")
    message = f"No route to {goal} was found within {max_steps} steps."
    if target is None and to_level is None and source is not None and not documented_only:
        return _nowhere_onward(catalogue, source, max_steps, as_at, register)
    if documented_only:
        return (message + f" Only documented progressions were searched: leave out "
                f"{documented_option} to include steps the documents do not state, what "
                "replaced a closed qualification, and starting directly at the target.")
    goals = ([target] if target is not None else
             [q for q in catalogue.qualifications.values()
              if q.level == to_level and q.category is Category.QUALIFICATION])
    statuses = {status_on(catalogue, q, as_at, register=register).status for q in goals}
    if target is not None and statuses == {Status.NOT_YET_OPEN}:
        return message + _before_it_opened(catalogue, target, as_at, register)
    if goals and all(status.rank >= 2 for status in statuses):  # none open or perhaps open
        closed = all(status.closed for status in statuses)
        state = ("had closed to new learners by" if closed else "had not opened yet on"
                 if not any(s.closed for s in statuses) else
                 "had closed to new learners or not opened yet on")
        return (message + f" Every qualification it could end at {state} {uk_date(as_at)}, "
                "and no documented progression leads there; ask a centre what "
                + ("replaced it." if closed else "was offered then."))
    return message + " Nothing in the documents leads there from what is held."


def _before_it_opened(catalogue: Catalogue, target: Qualification, as_at: dt.date,
                      register: Register | None) -> str:
    """A target not yet open on ``as_at`` (10380 in 2013): when it opens, and what it later
    replaced that was still offered then (09629), to aim for instead."""
    opens = opens_after(target.dates, as_at)
    said = f" {target.name} had not opened yet on {uk_date(as_at)}" + (
        f" ({opens[0]})." if opens else ".")
    offered = []
    for q in catalogue.qualifications.values():
        if any(r.by == target.id for r in q.replaced_by):
            status = status_on(catalogue, q, as_at, register=register).status
            if status in (Status.OPEN, Status.UNKNOWN):
                offered.append(f"{q.name}, {STATUS_WORDS[status]}")
    if not offered:
        return said + f" Plan a route to it on a later date, or ask {WHERE_TO_ASK} what was " \
            "offered then."
    return (said + " What it later replaced was still offered then: " + "; ".join(offered)
            + ". Plan a route to " + ("that" if len(offered) == 1 else "one of those")
            + " instead, or to this one on a later date.")


def _nowhere_onward(catalogue: Catalogue, source: Qualification, max_steps: int,
                    as_at: dt.date, register: Register | None) -> str:
    message = f"No route onward from {source.name} was found within {max_steps} steps."
    levels = catalogue.levels_offered
    if source.level is None:
        return (message + " The sources do not give its level, so no step up can be "
                f"suggested: ask {WHERE_TO_ASK} what could come next.")
    if levels and source.level >= max(levels):
        return (message + f" It is at Level {source.level}, the highest level of the "
                f"qualifications in these documents: ask {WHERE_TO_ASK} what could come next.")
    above = {q: status_on(catalogue, q, as_at, register=register).status
             for q in catalogue.qualifications.values()
             if q.level == source.level + 1 and q.category is Category.QUALIFICATION}
    later = [f"{q.name}, {opens[0]}," for q in above
             if (opens := opens_after(q.dates, as_at)) is not None]
    if above and all(s.closed for s in above.values()):
        return (message + " No document leads on from it, and every qualification one level "
                f"up had closed to new learners by {uk_date(as_at)}: ask {WHERE_TO_ASK} what "
                "took their place.")
    if later and all(s.closed or s is Status.NOT_YET_OPEN for s in above.values()):
        return (message + " No document leads on from it, and on " + uk_date(as_at) + " no "
                f"qualification one level up was open: {' and '.join(later)} had not opened yet"
                + (", and the others had closed" if len(later) < len(above) else "")
                + f". Ask {WHERE_TO_ASK} what was offered then, or plan a route on a later "
                "date.")
    return message + f" No document leads on from it: ask {WHERE_TO_ASK} what could come next."
