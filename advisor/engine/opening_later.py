"""Qualifications that open after the date asked about: on 1 June 2014 no route goes through
10380 (launched in the autumn of 2014), but an adviser planning ahead needs to know it is
coming, when (as the sources date it) and what it replaces. The route search, the routes to
plan next and the CLI all take this one answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advisor.catalogue import Catalogue, Category, Citation, Qualification
from advisor.engine.eligibility import Status, status_on
from advisor.engine.wording import listed, uk_date

__all__ = ["OpeningLater", "opening_at_level_aimed_for", "opening_later"]


@dataclass(frozen=True)
class OpeningLater:
    """A qualification not yet open on the date asked about that opens later: the first day the
    sources allow (``opens``), when in their words, what it replaces (ids; those only implied
    in ``inferred``) and the sources of its date."""

    qualification: Qualification
    opens: dt.date
    when: str  # "on 1 October 2014", "in the autumn of 2014 (not before 1 September 2014)"
    replaces: tuple[str, ...]
    inferred: tuple[str, ...]
    source: tuple[Citation, ...]

    def message(self, catalogue: Catalogue) -> str:
        """``Opening later: <name> opens in the autumn of 2014 (not before 1 September 2014);
        it replaces <name>, as the sources suggest. Routes through it can be planned from then:
        ask the centre about it as that date nears.`` ("as the sources suggest" once at the end
        where it holds for every one replaced, else after each it holds for)."""
        named = [i for i in self.replaces if i in catalogue.qualifications]
        suggested = set(named) <= set(self.inferred)  # said once, where it holds for all
        names = [catalogue.qualifications[i].name
                 + (" (as the sources suggest)" if i in self.inferred and not suggested else "")
                 for i in named]
        replacing = (f"; it replaces {listed(names, 'and')}"
                     + (", as the sources suggest" if suggested else "")) if names else ""
        return (f"Opening later: {self.qualification.name} opens {self.when}{replacing}. "
                "Routes through it can be planned from then: "
                "ask the centre about it as that date nears.")


def opening_later(catalogue: Catalogue, *, as_at: dt.date, level: int | None = None,
                  qualification: Qualification | None = None) -> tuple[OpeningLater, ...]:
    """The qualifications at ``level`` (or ``qualification`` itself) not yet open on
    ``as_at``, soonest first: what a route on that date cannot go through, but a learner may
    plan for."""
    found = []
    for q in ([qualification] if qualification is not None else
              catalogue.qualifications.values()):
        if (q.category is not Category.QUALIFICATION
                or (qualification is None and q.level != level)
                or status_on(catalogue, q, as_at).status is not Status.NOT_YET_OPEN):
            continue
        d = q.dates
        if d.operational_start is not None:
            opens, when = d.operational_start.date, f"on {uk_date(d.operational_start.date)}"
            source = d.operational_start.source
        elif d.launched is not None:
            opens = d.launched.not_before
            when = f"{d.launched.when} (not before {uk_date(opens)})"
            source = d.launched.source
        else:  # not yet open by the register's dates alone: nothing here to date it
            continue
        replaced = [(old.id, r.inferred) for old in catalogue.qualifications.values()
                    for r in old.replaced_by if r.by == q.id]
        found.append(OpeningLater(q, opens, when, tuple(i for i, _ in replaced),
                                  tuple(i for i, inferred in replaced if inferred), source))
    return tuple(sorted(found, key=lambda o: (o.opens, o.qualification.id)))


def opening_at_level_aimed_for(catalogue: Catalogue, *, as_at: dt.date, to_level: int | None,
                               to_qualification: str | None = None
                               ) -> tuple[OpeningLater, ...]:
    """What opens after ``as_at`` at the level a route aims for (:func:`opening_later`): no
    route goes through it yet, but the answer names it. Nothing where a particular
    qualification (``to_qualification``, its id) is aimed for: its own status says when it
    opens."""
    if to_qualification or to_level is None:
        return ()
    return opening_later(catalogue, as_at=as_at, level=to_level)
