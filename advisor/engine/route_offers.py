"""Which routes *Find a starting level* offers to plan next, from the level it suggests and
what the learner holds: the page draws each as a link to *Plan a route*.

* To the level suggested, from what is held below it (or from nothing, starting there).
* Holding a qualification at that level already: the level above, the step up if their work is
  ready for it (000 § Level 4 Customer Service: "do not assume that learners can automatically
  move up"); or onward from what they hold, where no step up is open to them.
* Wanting an apprenticeship where none is at the level: the level where the documents'
  apprenticeships start.
* Holding nothing yet: on to the level above too, after the level suggested.
* Not working, with a job they would like that the documents list at a level above the one
  suggested (a team leader's, at Level 3): a route to that level, from the level suggested.
* Holding a knowledge qualification at the level suggested (09628 at Level 2): a competence
  qualification at that level, which proves at work what the one held taught, the one the
  documents name as its progression or what replaced it (001 § 2.7 Progression opportunities:
  09628 to the Level 2 NVQ Certificate, 03455, since replaced by 10379), where one is open on
  the date, or not known to be closed. Not for someone who wants knowledge, nor for someone
  not working unless they want competence or an apprenticeship: it is assessed at work.

And which routes *Explore*'s comparison offers between the qualifications it compares
(:func:`compared_routes`): from each to the next one up, never from a qualification back to one
it replaced (10380 to 09629), which is said instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.catalogue import Catalogue, Category, Citation, Kind, Qualification
from advisor.engine.eligibility import Status, status_on
from advisor.engine.fits import KINDS_GIVING, in_senior_role, repetition, senior_role_asked_at
from advisor.engine.frameworks import frameworks_start_above
from advisor.engine.job_roles import match_role
from advisor.engine.opening_later import opening_at_level_aimed_for
from advisor.engine.recommend_index import recommendation_index
from advisor.engine.recommend_types import (
    Aim,
    Employment,
    Option,
    Profile,
    RouteOffer,
    RouteOfferKind,
)
from advisor.engine.replacing import legacy_on
from advisor.engine.wording import WHERE_TO_ASK, replaced_it, uk_date
from advisor.register import Register

__all__ = ["ComparedRoutes", "compared_routes", "open_to_step_up", "route_offers", "route_start"]


def route_start(catalogue: Catalogue, held: Sequence[str]) -> Qualification | None:
    """The qualification a route from what a learner holds starts from: the highest-level one
    of ``held`` (ids); of two at one level, the first in code order, whatever order they were
    given in. None where none is in the catalogue."""
    found = sorted((catalogue.qualifications[i] for i in held if i in catalogue.qualifications),
                   key=lambda q: q.reference)
    return max(found, key=lambda q: q.level or 0) if found else None


def open_to_step_up(catalogue: Catalogue, profile: Profile, level: int) -> bool:
    """Whether ``level`` is a step up the learner may take: a qualification is at it, and one
    there asks for no particular role, or the learner has the senior role Level 4 asks for
    (the answer says "not Level 4" otherwise)."""
    at_level = recommendation_index(catalogue).by_level.get(level, ())
    return bool(at_level) and (in_senior_role(profile.senior_role, profile.employment) is True
                               or any(q.role_requirement is None for q in at_level))


def route_offers(catalogue: Catalogue, profile: Profile, level: int | None, *,
                 options: Sequence[Option], frameworks_at_level: bool,
                 as_at: dt.date) -> tuple[RouteOffer, ...]:
    """The routes to offer a learner suggested ``level`` (None: no level suggested) with
    ``options`` at it, first the one at the level suggested: see the module's description.
    ``frameworks_at_level``: an apprenticeship framework is at the level (for someone who
    wants one). Empty where the learner holds nothing and no level is suggested: a route
    page would open with nothing to go on. Each to a level names what opens there after
    ``as_at`` (:func:`~advisor.engine.opening_later.opening_at_level_aimed_for`)."""
    return tuple(
        dataclasses.replace(offer, opening_later=opening_at_level_aimed_for(
            catalogue, as_at=as_at, to_level=offer.to_level,
            to_qualification=offer.to_qualification.id if offer.to_qualification else None))
        for offer in _route_offers(catalogue, profile, level, options=options,
                                   frameworks_at_level=frameworks_at_level, as_at=as_at))


def _route_offers(catalogue: Catalogue, profile: Profile, level: int | None, *,
                  options: Sequence[Option], frameworks_at_level: bool,
                  as_at: dt.date) -> tuple[RouteOffer, ...]:
    start = route_start(catalogue, profile.held_qualifications)
    held = start is not None or bool(profile.held_units)
    if level is None:
        return (RouteOffer(kind=RouteOfferKind.ONWARD, from_held=True),) if held else ()
    above = frameworks_start_above(catalogue, level)
    towards = (profile.aim is Aim.APPRENTICESHIP and not frameworks_at_level
               and above is not None)
    to_level = above if towards and above is not None else level
    if (start is not None and start.level == to_level
            and open_to_step_up(catalogue, profile, to_level + 1)):
        to_level += 1
    offers = _competence_at_level(catalogue, profile, level, options, as_at)
    if start is not None and to_level <= (start.level or 0):
        offers.append(RouteOffer(kind=RouteOfferKind.ONWARD, from_held=True))
        return (*offers, *_to_job_wanted(catalogue, profile, level, offers, held=held,
                                         start=start))
    offers.append(RouteOffer(
        kind=(RouteOfferKind.TO_APPRENTICESHIPS if towards else
              RouteOfferKind.STEP_UP if to_level > level else RouteOfferKind.TO_LEVEL),
        from_held=held, to_level=to_level, start_level=level if start is None else None))
    beyond = level + 1
    if (offers[-1].kind is RouteOfferKind.TO_LEVEL and start is None
            and beyond in catalogue.levels_offered):
        # Where they can go next, from the level suggested: the next question after "where
        # to start" (a team leader who wants to manage a contact centre).
        offers.append(RouteOffer(
            kind=RouteOfferKind.ON_AFTER, from_held=held, to_level=beyond, start_level=level,
            asks_senior_role=in_senior_role(profile.senior_role, profile.employment) is not True
            and senior_role_asked_at(catalogue, beyond)))
    return (*offers, *_to_job_wanted(catalogue, profile, level, offers, held=held,
                                     start=start))


def _to_job_wanted(catalogue: Catalogue, profile: Profile, level: int,
                   offers: Sequence[RouteOffer], *, held: bool,
                   start: Qualification | None) -> list[RouteOffer]:
    """For a job the learner would like that the documents list at a level above the one
    suggested, and that no other offer aims for: a route to that level, from what they hold or
    the level suggested (the job never moves the level to start at)."""
    aimed = {o.to_level for o in offers}
    found = []
    for role in match_role(catalogue, profile.job_wanted or "").roles:
        if (role.level is None or role.level <= level or role.level in aimed
                or role.level not in catalogue.levels_offered):
            continue
        aimed.add(role.level)
        found.append(RouteOffer(kind=RouteOfferKind.TO_JOB_WANTED, from_held=held,
                                to_level=role.level, start_level=level if start is None else None,
                                job=role.title))
    return found


def _competence_at_level(catalogue: Catalogue, profile: Profile, level: int,
                         options: Sequence[Option], as_at: dt.date) -> list[RouteOffer]:
    """For a learner holding a qualification at ``level``, the one of ``options`` that would
    give them competence there without largely repeating what they hold (see the module's
    description), as a route to offer; none where no such option can be started."""
    held = [catalogue.qualifications[i] for i in profile.held_qualifications
            if i in catalogue.qualifications]
    not_working = profile.employment is Employment.NOT_WORKING
    at_level = [q for q in held if q.level == level]
    givers = KINDS_GIVING[Aim.COMPETENCE]
    if (profile.aim is Aim.KNOWLEDGE or not at_level or any(q.kind in givers for q in at_level)
            or (not_working and profile.aim not in (Aim.COMPETENCE, Aim.APPRENTICESHIP))):
        return []
    found = []
    for option in options:
        q = option.qualification
        repeats = repetition(q, held, Aim.COMPETENCE)
        if (q.kind in givers and option.can_start is not False
                and option.eligibility.status.status in (Status.OPEN, Status.UNKNOWN)
                and not (repeats is not None and repeats.largely)):
            found.append((option, *_named_after(catalogue, q, held)))
    if not found:
        return []
    # Open on the date first, then current before legacy, then one the documents name.
    option, why, source = min(found, key=lambda f: (
        not f[0].open_on_date, legacy_on(catalogue, f[0].qualification, as_at), not f[1],
        f[0].qualification.reference))
    q, day = option.qualification, uk_date(as_at)
    status = (f"It is open to new learners on {day}." if option.open_on_date else
              f"Whether it is open to new learners on {day}, the sources do not say: ask "
              f"{WHERE_TO_ASK}.")
    index = recommendation_index(catalogue)
    at_work = ((" You said you are not working: its competence is assessed at work, so you "
                "would need a job or a work placement for it.",
                q.assessment.source if q.assessment else index.competence_assessment)
               if not_working else ("", ()))
    return [RouteOffer(
        kind=RouteOfferKind.COMPETENCE_AT_LEVEL, from_held=True, to_qualification=q,
        in_apprenticeship=profile.aim is Aim.APPRENTICESHIP and option.fits_aim is True,
        why=f"{why or _gives_competence(q, held)} {status}{at_work[0]}",
        source=(*source, *at_work[1]))]


def _named_after(catalogue: Catalogue, q: Qualification, held: Sequence[Qualification]
                 ) -> tuple[str, tuple[Citation, ...]]:
    """Where the documents name ``q`` as a progression from a qualification ``held``, or name
    one that ``q`` replaced: that, in a sentence, with its sources; else nothing."""
    for h in held:
        for progression in recommendation_index(catalogue).progressions_from.get(h.id, ()):
            named = catalogue.qualifications.get(progression.to or "")
            if named is None:
                continue
            if named.id == q.id:
                return (f"The documents name it as a progression from {h.reference}: "
                        f"\"{progression.statement}\"", progression.source)
            replacement = next((r for r in named.replaced_by if r.by == q.id), None)
            if replacement is not None:
                return (f"From {h.reference}, the documents name {named.name} as a "
                        f"progression; {replaced_it(q.name, replacement)}.",
                        (*progression.source, *replacement.source))
    return "", ()


def _gives_competence(q: Qualification, held: Sequence[Qualification]) -> str:
    """Why ``q`` is offered where no document names it from what is held: what it gives."""
    what = ("combines knowledge with competence, assessed at work," if q.kind is Kind.COMBINED
            else "gives competence, assessed at work,")
    return (f"{q.name} {what} at Level {q.level}, which "
            + " and ".join(h.reference for h in held if h.level == q.level) + " did not.")


@dataclass(frozen=True, kw_only=True)
class ComparedRoutes:
    """What a comparison offers to plan (:func:`compared_routes`): ``routes``, each a
    qualification held and one wanted; ``replaced``, for each compared qualification that
    another compared one replaced, a sentence saying so, with its sources: no route is offered
    from a qualification back to one it replaced."""

    routes: tuple[tuple[Qualification, Qualification], ...]
    replaced: tuple[tuple[str, tuple[Citation, ...]], ...]


def compared_routes(catalogue: Catalogue, compared: Sequence[Qualification], *,
                    as_at: dt.date | None = None,
                    register: Register | None = None) -> ComparedRoutes:
    """The routes to offer between the qualifications ``compared`` (national structures are
    not enrolled on, so are left out): from each to the next one up by level, and, at one
    level, from one the documents say another replaced to what replaced it (09629 to 10380,
    whichever was chosen first; with 03456 and 09629, both replaced by 10380, each to 10380,
    not one older to the other; sideways only among the highest level compared), never the
    other way: a learner holding 10380 is not offered a route back to 09629, which it took
    the place of. Where a replaced one would come after what replaced it (a lower level), that
    pair has no route. On a date (``as_at``, with the ``register``'s dates where it lists
    them), a route up goes to one not closed then where there is one. Each replacement among them is
    said, in the sources' words (:func:`advisor.engine.wording.replaced_it`)."""
    picked = [q for q in compared if q.category is Category.QUALIFICATION]
    ids = {q.id for q in picked}
    closed = {q.id for q in picked if as_at is not None
              and status_on(catalogue, q, as_at, register=register).status.closed}

    def replaced(older: Qualification, newer: Qualification) -> bool:
        return any(r.by == newer.id for r in older.replaced_by)

    def depth(q: Qualification, seen: frozenset[str] = frozenset()) -> int:
        """How many compared qualifications, one replacing the next, came before ``q``."""
        before = [p for p in picked if p.id not in seen and replaced(p, q)]
        return max((1 + depth(p, seen | {q.id}) for p in before), default=0)

    ordered = sorted(picked, key=lambda q: (q.level if q.level is not None else 99, depth(q)))

    def onward(place: int, held: Qualification) -> Qualification | None:
        """Where a route from ``held`` goes: to what replaced it, where that is among them;
        else to the next one at a higher level (not sideways to another at its own level:
        with 03456, 09629 and 10381, each of the first two goes to 10381, not one closed
        qualification to the other); else, all the rest at its level, to the next of them
        not closed on the date (09629 and 03456 today: none), never to one of no level."""
        later = ordered[place + 1:]
        replacing = [q for q in later if replaced(held, q)]
        higher = [q for q in later if q.level is not None and held.level is not None
                  and q.level > held.level]
        # On a date, up to one not closed then rather than to one closed (with 09628, 09629
        # and 10380 compared, 09628 to 10380 today, to 09629 in 2015)
        higher = [q for q in higher if q.id not in closed] or higher
        if replacing or higher:
            return (replacing or higher)[0]
        beside = [q for q in later if q.level is not None and q.level == held.level
                  and not replaced(q, held) and q.id not in closed]
        return beside[0] if beside else None

    routes = tuple((held, wanted) for place, held in enumerate(ordered)
                   if (wanted := onward(place, held)) is not None)
    said = []
    for older in ordered:
        for replacement in older.replaced_by:
            if replacement.by in ids:
                newer = catalogue.qualifications[replacement.by].reference
                said.append((f"{older.reference} is not a step onward from {newer}: "
                             f"{replaced_it(newer, replacement)}.", replacement.source))
    return ComparedRoutes(routes=routes, replaced=tuple(said))
