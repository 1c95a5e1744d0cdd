"""Learners under 16 (the "pre-16" age group of the handbooks) and apprenticeships.

No source gives an age at which an apprenticeship can start, so nothing here says one can or
cannot start at a given age. What the sources do give is the age groups some apprenticeship
qualifications are approved for (OCR's 09628 and 09629; City & Guilds' 2014 Diplomas, versions
of the national structures the 2014 frameworks' qualifications follow), and a qualification
approved for every age (OCN London's 601/4404/X, with a caution about learners under 16). For
someone under 16 who wants an apprenticeship, or who is told what one is, the next step says
all of that, with its sources, and sends them to a careers adviser to ask when one could start,
rather than to an employer to start one now.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from advisor.catalogue import AgeBands, Catalogue, Category, Citation, Qualification
from advisor.engine.eligibility import Status, age_bands_for, status_on
from advisor.engine.frameworks import (
    RouteFrameworks,
    frameworks_route_leads_into,
    issued_after,
)
from advisor.engine.replacing import yet_to_come
from advisor.engine.routes import Route
from advisor.engine.wording import THE_LEARNER, Voice, listed, uk_date
from advisor.register import Register

__all__ = ["NO_AGE_GIVEN", "apprenticeship_under_16", "is_under_16", "route_leads_into"]

_UNDER_16 = "pre-16"
_EVERY_AGE_GROUP = {"pre-16", "16-18", "18+"}

NO_AGE_GIVEN = "The sources give no age at which an apprenticeship can start."
"""Said first to a learner under 16 about apprenticeships: no source gives such an age."""


def is_under_16(age: int | None) -> bool:
    """Whether ``age`` falls in the handbooks' "pre-16" age group."""
    return age is not None and _UNDER_16 in age_bands_for(age)


def apprenticeship_under_16(catalogue: Catalogue, level: int, as_at: dt.date, *, age: int,
                            voice: Voice) -> tuple[str, tuple[Citation, ...]]:
    """For a learner of ``age`` under 16 (see :func:`is_under_16`), told ``level``: that the
    sources give no age at which an apprenticeship can start; the age groups the sources give
    for the qualifications of the apprenticeship frameworks at (or nearest above) ``level``
    issued by ``as_at``, and for other awarding bodies' versions of the national structures
    they follow; the qualifications approved for learners under 16 that have not closed by
    ``as_at``; and whom to ask when an apprenticeship could start. As a next step's words and
    sources."""
    at = _framework_level(catalogue, level, as_at)
    sources: list[Citation] = []
    with_ages: list[str] = []
    without: list[str] = []
    open_to_under_16 = False
    for name, ages in _apprenticeship_qualifications(catalogue, at, as_at):
        if ages is None:
            without.append(name)
            continue
        with_ages.append(f"{name}: {listed(list(ages.approved), 'and')}")
        open_to_under_16 = open_to_under_16 or _UNDER_16 in ages.approved
        sources += ages.source
    words = [NO_AGE_GIVEN]
    if with_ages:
        words.append(
            f"For the qualifications of the Level {at} apprenticeship frameworks in these "
            "documents, and other awarding bodies' versions of them, the age groups the sources "
            f"give are: {'; '.join(with_ages)}"
            + (". Of these, none includes learners under 16." if not open_to_under_16 else "."))
    if without:
        words.append(f"For {listed(without, 'and')} the sources give no age groups.")
    words.append(f"Ask a careers adviser, at school or at the National Careers Service, when "
                 f"{voice.learner} could start an apprenticeship, and what to take until then.")
    for q, ages in _approved_under_16(catalogue, as_at):
        every = set(ages.approved) >= _EVERY_AGE_GROUP
        cautions = [c.text for c in ages.cautions
                    if not c.applies_to or _UNDER_16 in c.applies_to]
        status = status_on(catalogue, q, as_at).status
        opening = yet_to_come(q, as_at)  # "which opened on 1 October 2014", "launched in ..."
        words.append(
            f"At {age}, {q.name} is "
            + ("suitable for learners of all ages" if every else
               "approved for learners under 16")
            + (f" ({'; '.join(c[:1].lower() + c[1:].rstrip('.') for c in cautions)})"
               if cautions else "")
            + ("." if status is Status.OPEN else
               f", but on {uk_date(as_at)} it had not opened yet (it "
               f"{opening.removeprefix('which ')})." if opening is not None else
               f"; whether it takes new learners on {uk_date(as_at)} the sources do not "
               "settle, so ask whether it is still offered."))
        sources += ages.source
    return " ".join(words), tuple(dict.fromkeys(sources))


def route_leads_into(catalogue: Catalogue, route: Route, *, held: Iterable[str], as_at: dt.date,
                     register: Register | None = None, age: int | None = None,
                     voice: Voice = THE_LEARNER) -> RouteFrameworks:
    """The frameworks ``route`` leads into
    (:func:`~advisor.engine.frameworks.frameworks_route_leads_into`), and where
    apprenticeships stand today said for a learner of ``age``: for one under 16, what
    :func:`apprenticeship_under_16` says, not a step that sends them to an employer."""
    found = frameworks_route_leads_into(catalogue, route, held=held, as_at=as_at,
                                        register=register)
    end = route.path[-1] if route.path else None
    if found.today is None or end is None or end.level is None or age is None \
            or not is_under_16(age):
        return found
    today, source = apprenticeship_under_16(catalogue, end.level, as_at, age=age, voice=voice)
    return dataclasses.replace(found, today=today, today_source=source)


def _framework_level(catalogue: Catalogue, level: int, as_at: dt.date) -> int:
    """The level of the apprenticeship frameworks issued by ``as_at`` that a learner told
    ``level`` would look to: ``level`` itself where one is at it, else the nearest above,
    else the highest below."""
    not_yet = {f.id for f in issued_after(catalogue, as_at)}
    levels = sorted({f.level for f in catalogue.frameworks.values() if f.id not in not_yet})
    return next((lv for lv in levels if lv >= level), levels[-1] if levels else level)


def _apprenticeship_qualifications(catalogue: Catalogue, level: int, as_at: dt.date
                                   ) -> list[tuple[str, AgeBands | None]]:
    """The qualifications the frameworks at ``level`` issued by ``as_at`` name, by name, each
    with its age groups (None where the sources give none); then other awarding bodies'
    versions of the national structures they follow whose age groups a source gives."""
    not_yet = {f.id for f in issued_after(catalogue, as_at)}
    frameworks = sorted((f for f in catalogue.frameworks.values()
                         if f.level == level and f.id not in not_yet),
                        key=lambda f: (f.issued is None, f.issued or dt.date.min), reverse=True)
    ids = dict.fromkeys(q for f in frameworks for q in f.qualifications)
    named = [catalogue.qualifications[q] for q in ids if q in catalogue.qualifications]
    found: list[tuple[str, AgeBands | None]] = [(q.name, q.ages) for q in named]
    structures = dict.fromkeys(q.based_on.structure for q in named if q.based_on is not None)
    for structure in structures:
        national = catalogue.qualifications.get(structure)
        for offered in national.offered_as if national is not None else ():
            if offered.ages is not None:
                number = f" ({offered.regulator_number})" if offered.regulator_number else ""
                found.append((f"the {offered.awarding_body} version{number}", offered.ages))
    return found


def _approved_under_16(catalogue: Catalogue, as_at: dt.date
                       ) -> list[tuple[Qualification, AgeBands]]:
    """The qualifications (not national structures) approved for learners under 16 that have
    not closed to new learners by ``as_at``, lowest level first, each with its age groups."""
    return sorted(((q, q.ages) for q in catalogue.qualifications.values()
                   if q.category is Category.QUALIFICATION and q.ages is not None
                   and _UNDER_16 in q.ages.approved
                   and not status_on(catalogue, q, as_at).status.closed),
                  key=lambda found: (found[0].level or 0, found[0].id))
