"""Apprenticeship frameworks: which components a learner already holds and which are missing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from advisor.catalogue import (
    ApprenticeshipStandard,
    Catalogue,
    Citation,
    Component,
    Framework,
)
from advisor.engine.eligibility import StatusOnDate, status_on
from advisor.engine.route_types import Route
from advisor.engine.wording import WHERE_TO_ASK, YOU_ON_SCREEN, Voice, uk_date
from advisor.register import Register


@dataclass(frozen=True)
class ComponentStatus:
    component: Component
    held: bool | None  # None: not a catalogue qualification, and the learner did not say
    satisfied_by: str | None  # the qualification id that satisfies it
    message: str
    # The status on the date of each qualification that would satisfy it (empty when no date
    # was asked for), in the component's order.
    statuses: tuple[tuple[str, StatusOnDate], ...] = ()
    # Not held yet, but a qualification on the learner's route (see ``on_route``) would give it.
    on_route: str | None = None


@dataclass(frozen=True)
class FrameworkStatus:
    framework: Framework
    components: tuple[ComponentStatus, ...]
    cautions: tuple[str, ...]
    # Where a later framework at its level was issued by the date: said before its parts, so
    # that what it lacks does not read as what a new apprentice takes.
    superseded: str | None = None

    @property
    def missing(self) -> tuple[ComponentStatus, ...]:
        return tuple(c for c in self.components if c.held is False)


_ALL_CLOSED = ("Every qualification this framework names has closed to new learners on the "
               "date: what it lacks can no longer be taken for it.")
_MATTERS = " It matters to someone who started it, and shows what a learner already holds."


def check_framework(
    catalogue: Catalogue,
    framework: Framework,
    *,
    qualifications: Iterable[str] = (),
    other_components: Iterable[str] = (),
    as_at: dt.date | None = None,
    on_route: Iterable[str] = (),
    register: Register | None = None,
) -> FrameworkStatus:
    """Components held through ``qualifications`` (ids) or declared in ``other_components``;
    with ``as_at``, each component's qualifications carry their status on that date. A
    component not held that one of the ``on_route`` qualifications (ids the learner plans to
    take) would give is missing now, and says so. With a ``register``, statuses use its dates
    where it lists a qualification (see :func:`~advisor.engine.eligibility.status_on`)."""
    held_ids = set(qualifications)
    planned_ids = [q for q in on_route if q not in held_ids]
    declared = set(other_components)
    statuses = []
    for component in framework.components:
        if component.qualifications:
            match = next((q for q in component.qualifications if q in held_ids), None)
            names = " or ".join(_name(catalogue, q) for q in component.qualifications)
            on_date = tuple((q, status_on(catalogue, catalogue.qualifications[q], as_at,
                                             register=register))
                            for q in component.qualifications
                            if as_at is not None and q in catalogue.qualifications)
            planned = next((q for q in planned_ids if q in component.qualifications), None)
            planned_status = dict(on_date).get(planned) if planned is not None else None
            if match is not None:
                message, planned = f"Held: {_name(catalogue, match)}.", None
            elif planned is not None and planned_status is not None and (
                    planned_status.status.closed):
                message, planned = (f"Missing: this route takes {_name(catalogue, planned)}, "
                                    "but it is closed to new learners on the date, so it "
                                    "cannot give this now."), None
            elif planned is not None:
                message = (f"Not held yet: this route takes {_name(catalogue, planned)}, "
                           "which gives it.")
            else:
                message = f"Missing: {names}."
            statuses.append(ComponentStatus(component, match is not None, match, message,
                                            on_date, planned))
        elif component.id in declared:
            statuses.append(ComponentStatus(component, True, None,
                                            f"Held, as stated: {component.description}"))
        else:
            statuses.append(ComponentStatus(
                component, None, None,
                "Needed for the framework, but not a qualification these documents describe, "
                "so ask the centre whether it is held already: "
                f"{component.description.rstrip('.')}."))
    cautions = []
    every_status = [found for status in statuses for _, found in status.statuses]
    if every_status and all(found.status.closed for found in every_status):
        # What is missing can no longer be taken: not a to-do list for a new learner.
        cautions.append(_ALL_CLOSED + _MATTERS)
    if not framework.components_complete:
        cautions.append("This framework may have components the sources do not list.")
    if framework.note:
        cautions.append(framework.note)
    return FrameworkStatus(framework, tuple(statuses), tuple(cautions))


def check_frameworks(catalogue: Catalogue, *, qualifications: Iterable[str] = (),
                     as_at: dt.date | None = None, on_route: Iterable[str] = (),
                     register: Register | None = None) -> tuple[FrameworkStatus, ...]:
    """Every apprenticeship framework in the catalogue, by level, checked against the
    qualifications held (ids); with ``as_at``, with statuses on that date, and without the
    frameworks not yet issued then (:func:`issued_after`: no one could start them); with
    ``on_route``, the qualifications a route would add (see :func:`check_framework`). At each
    level the latest issued comes first (those whose issue date is not known last): the older
    ones matter to people who started them."""
    held = tuple(qualifications)
    planned = tuple(on_route)
    not_yet = {f.id for f in issued_after(catalogue, as_at)}
    ordered = sorted((f for f in catalogue.frameworks.values() if f.id not in not_yet),
                     key=lambda f: (f.level, f.issued is None,
                                    -(f.issued.toordinal() if f.issued else 0), f.id))
    checked = []
    for framework in ordered:
        status = check_framework(catalogue, framework, qualifications=held, as_at=as_at,
                                 on_route=planned, register=register)
        later = next((f for f in ordered if f.level == framework.level and f.issued is not None
                      and (framework.issued is None or f.issued > framework.issued)), None)
        if later is not None and later.issued is not None:  # an older one: not for a start
            # Said once: the caution that all its qualifications closed says it no more.
            status = dataclasses.replace(status, superseded=(
                f"A later framework at this level, {framework_name(catalogue, later)}, was "
                f"issued on {uk_date(later.issued)}, so a new apprentice takes that one: this "
                "one matters to someone who started it, and shows which of its parts a learner "
                "already holds."),
                cautions=tuple(c.removesuffix(_MATTERS) for c in status.cautions))
        checked.append(status)
    return tuple(checked)


def issued_after(catalogue: Catalogue, as_at: dt.date | None) -> tuple[Framework, ...]:
    """The frameworks issued after ``as_at`` (none without a date), by level: on that date
    they did not exist yet, so answers for that date leave them out and say so."""
    if as_at is None:
        return ()
    return tuple(sorted((f for f in catalogue.frameworks.values()
                         if f.issued is not None and f.issued > as_at),
                        key=lambda f: (f.level, f.id)))


def _name(catalogue: Catalogue, qualification_id: str) -> str:
    q = catalogue.qualifications.get(qualification_id)
    if q is None:
        return qualification_id
    return q.name


def framework_name(catalogue: Catalogue, framework: Framework) -> str:
    """``Advanced Apprenticeship in Customer Service (Level 3, framework FR03058)``. Two share
    that title (the 2010 generation's and 2014's), so one without a reference is told apart by
    the qualifications it pairs: ``(Level 3, with 03456 and 09629)``."""
    if framework.reference:
        detail = f"framework {framework.reference}"
    else:
        held_through = [catalogue.qualifications[qid].reference
                        for qid in framework.qualifications if qid in catalogue.qualifications]
        detail = ("with " + " and ".join(held_through) if held_through
                  else "no reference given")
    return f"{framework.title} (Level {framework.level}, {detail})"


def frameworks_with(catalogue: Catalogue, qualification_id: str) -> list[Framework]:
    """The frameworks one of whose components names the qualification, by level."""
    return sorted((f for f in catalogue.frameworks.values()
                   if qualification_id in f.qualifications), key=lambda f: (f.level, f.id))


def frameworks_start_above(catalogue: Catalogue, level: int) -> int | None:
    """The lowest level above ``level`` with an apprenticeship framework in the catalogue,
    where someone wanting an apprenticeship and told ``level`` would find one; None where no
    framework is above it."""
    return min((f.level for f in catalogue.frameworks.values() if f.level > level),
               default=None)


def standards_after(catalogue: Catalogue) -> tuple[tuple[Framework, ApprenticeshipStandard], ...]:
    """Each framework the sources say an apprenticeship standard took the place of, with that
    standard, by level."""
    return tuple((f, f.succeeded_by) for f in sorted(catalogue.frameworks.values(),
                                                     key=lambda f: (f.level, f.id))
                 if f.succeeded_by is not None)


RULES_CHANGE = ("Apprenticeship rules (how long one lasts, the English and maths needed) change "
                "over time: check the current ones with a training provider.")


def standard_note(standard: ApprenticeshipStandard) -> str:
    """What the sources add about a standard (its end-point assessment, say), as what it is: an
    undated secondary source, with a caution that the rules change; empty without a note. Led
    by a space, to follow a sentence."""
    if not standard.note:
        return ""
    return (f" A secondary source, which gives no date, adds: {standard.note[:1].lower()}"
            f"{standard.note[1:]} {RULES_CHANGE}")


def apprenticeships_today(catalogue: Catalogue, level: int, as_at: dt.date | None = None, *,
                          voice: Voice = YOU_ON_SCREEN) -> tuple[str, tuple[Citation, ...]]:
    """For someone who wants an apprenticeship at ``level``: the frameworks in the documents
    have gone in England, so the standard that took their place at (or nearest above) the
    level, where the sources name one, and whom to ask; as a next step's words and sources.
    On an ``as_at`` date before that framework was issued, frameworks were still the way, and
    the standard came later (the sources do not say when). ``voice``: to the learner, or of
    them (for staff)."""
    standards = standards_after(catalogue)
    at_level = [(f, s) for f, s in standards if s.level == level]
    nearest = at_level or [(f, s) for f, s in standards if s.level > level]
    issued = nearest[0][0].issued if nearest else None
    if nearest and as_at is not None and issued is not None and as_at < issued:
        return _frameworks_then(catalogue, level, nearest[0][0].level, as_at)
    if nearest and as_at is not None and _in_use_on(nearest[0][0], as_at):
        return _framework_in_use(catalogue, level, *nearest[0], as_at)
    if at_level:
        framework, standard = at_level[0]
        # Not "now": the framework was itself in use for years after it was issued, and the
        # sources do not say when the standard took its place; so both are named.
        when = f", issued on {uk_date(framework.issued)}" if framework.issued else ""
        return (
            f"The latest Level {level} apprenticeship framework in these documents is the "
            f"{framework_name(catalogue, framework)}{when}. Apprenticeships in England later "
            f"moved from frameworks to apprenticeship standards, and at Level {level} "
            f"{standard.name} took its place; the sources do not say when. Ask an employer, "
            f"{WHERE_TO_ASK} about a {standard.title} apprenticeship: they will know whether "
            f"any still start on {_framework_in_brief(framework)}." + standard_note(standard),
            (*standard.source, *framework.source))
    above = [(f, s) for f, s in standards if s.level > level]
    if above:
        framework, standard = above[0]
        # The framework by name and issue, as at the level itself: on a date after its issue it
        # may still have been the way in, the sources not saying when the standard came.
        when = f", issued on {uk_date(framework.issued)}" if framework.issued else ""
        return (
            f"The apprenticeships in these documents start at Level {standard.level}: the "
            f"latest is the {framework_name(catalogue, framework)}{when}. In England they later "
            f"moved to apprenticeship standards, and at Level {standard.level} {standard.name} "
            "took its place; the sources do not say when. "
            f"Ask an employer, {WHERE_TO_ASK} whether {voice.learner} could start a "
            f"{standard.title} apprenticeship, or what would prepare {voice.them} for one: they "
            "will know whether any "
            f"still start on {_framework_in_brief(framework)}." + standard_note(standard),
            (*standard.source, *framework.source))
    at_this_level = [f for f in catalogue.frameworks.values() if f.level == level]
    latest = max((f.issued for f in at_this_level if f.issued is not None), default=None)
    if as_at is not None and latest is not None and as_at < latest:
        return _frameworks_then(catalogue, level, level, as_at)
    if at_this_level:
        # Not "now": the latest framework may still have been in use on the date; when the
        # standards took its place, and which one did, the sources do not say.
        newest = max(at_this_level, key=lambda f: (f.issued is not None, f.issued or dt.date.min))
        if as_at is not None and _in_use_on(newest, as_at):
            return _framework_in_use(catalogue, level, newest, None, as_at)
        when = f", issued on {uk_date(newest.issued)}" if newest.issued else ""
        return (
            f"The latest Level {level} apprenticeship framework in these documents is the "
            f"{framework_name(catalogue, newest)}{when}. Apprenticeships in England later moved "
            "from frameworks to apprenticeship standards, but the sources say neither when nor "
            f"which standard took its place at Level {level}: ask an employer, {WHERE_TO_ASK} "
            "which customer service apprenticeships they offer.", newest.source)
    return (
        f"No apprenticeship in these documents is at Level {level}: ask an employer, "
        f"{WHERE_TO_ASK} which customer service apprenticeships they offer.", ())


def _in_use_on(framework: Framework, as_at: dt.date) -> bool:
    """Whether ``as_at`` falls in the period a source shows ``framework`` in use (after its
    issue)."""
    return (framework.in_use is not None and framework.in_use.from_ <= as_at
            and as_at <= framework.in_use.until
            and (framework.issued is None or framework.issued <= as_at))


def _framework_in_use(catalogue: Catalogue, level: int, framework: Framework,
                      standard: ApprenticeshipStandard | None, as_at: dt.date
                      ) -> tuple[str, tuple[Citation, ...]]:
    """On a date a source shows the latest framework still in use: that framework, and whom
    to ask about it; the ``standard`` that took its place, where the sources name one, as what
    came later (they do not say when), not as what to start."""
    in_use = framework.in_use.until if framework.in_use else as_at
    start = (f"The apprenticeships in these documents start at Level {framework.level}. "
             if framework.level != level else "")
    when = f", issued on {uk_date(framework.issued)}" if framework.issued else ""
    return (f"{start}On {uk_date(as_at)} apprenticeships in England followed frameworks: at "
            f"Level {framework.level}, the {framework_name(catalogue, framework)}{when}, which "
            f"the sources show still in use on {uk_date(in_use)}. Ask an "
            f"employer, {WHERE_TO_ASK} about an apprenticeship on it. Apprenticeship standards "
            "later took the frameworks' place"
            + (f" (at Level {standard.level}, {standard.name})" if standard else "")
            + "; the sources do not say when.",
            (*framework.source, *(framework.in_use.source if framework.in_use else ()),
             *(standard.source if standard else ())))


def _frameworks_then(catalogue: Catalogue, level: int, framework_level: int,
                     as_at: dt.date) -> tuple[str, tuple[Citation, ...]]:
    """Before a later framework was issued, frameworks were the way: the one in force at
    ``framework_level`` on ``as_at`` (nothing of what came after), and whom to ask."""
    # The latest issued by the date first (one with no issue date last: it is not known to be
    # the one in force)
    then = sorted((f for f in catalogue.frameworks.values()
                   if f.level == framework_level and (f.issued is None or f.issued <= as_at)),
                  key=lambda f: (f.issued is not None, f.issued or dt.date.min), reverse=True)
    start = (f"The apprenticeships in these documents start at Level {framework_level}. "
             if framework_level != level else "")
    day = uk_date(as_at)
    if not then:
        named = "."
    elif then[0].issued is None:  # the 2010 generation's: never said to be in use on a date
        named = (f". At Level {framework_level} these documents describe the "
                 f"{framework_name(catalogue, then[0])}, but not when it was issued, so whether "
                 f"it was in use on {day} is not known.")
    else:
        named = f": at Level {framework_level}, the {framework_name(catalogue, then[0])}."
    return (f"{start}On {day} apprenticeships in England followed frameworks{named} "
            f"Ask an employer, {WHERE_TO_ASK} about a customer service apprenticeship.",
            then[0].source if then else ())


def today_by_level(catalogue: Catalogue, frameworks: Iterable[FrameworkStatus],
                   as_at: dt.date | None = None) -> dict[int, tuple[str, tuple[Citation, ...]]]:
    """For each level of ``frameworks`` where none names the standard that took its place,
    where apprenticeships at that level stand on ``as_at`` (:func:`apprenticeships_today`), so
    that a list of frameworks does not read as open to new apprentices."""
    levels: dict[int, bool] = {}
    for status in frameworks:
        level = status.framework.level
        levels[level] = levels.get(level, False) or status.framework.succeeded_by is not None
    return {level: apprenticeships_today(catalogue, level, as_at)
            for level, succeeded in levels.items() if not succeeded}


@dataclass(frozen=True)
class RouteFrameworks:
    """The apprenticeship frameworks whose qualifications a route ends in, checked against
    what the learner holds and the route's steps; and, where none of them names the standard
    that took its place, where apprenticeships at the route's level stand today (with its
    sources)."""

    frameworks: tuple[FrameworkStatus, ...]
    today: str | None = None
    today_source: tuple[Citation, ...] = ()


def frameworks_route_leads_into(catalogue: Catalogue, route: Route, *, held: Iterable[str],
                                as_at: dt.date, register: Register | None = None
                                ) -> RouteFrameworks:
    """What :class:`RouteFrameworks` says for ``route``, for a learner who holds ``held``
    (qualification ids): the one answer the route page, its printout and the CLI give."""
    end = route.path[-1] if route.path else None
    if end is None:
        return RouteFrameworks(())
    found = tuple(f for f in check_frameworks(catalogue, qualifications=held, as_at=as_at,
                                              on_route=[step.to.id for step in route.steps],
                                              register=register)
                  if end.id in f.framework.qualifications)
    if not found or end.level is None or any(f.framework.succeeded_by for f in found):
        return RouteFrameworks(found)
    today, source = apprenticeships_today(catalogue, end.level, as_at)
    return RouteFrameworks(found, today, source)


def _framework_in_brief(framework: Framework) -> str:
    """``framework FR03058``, or ``that framework`` for one without a reference: said after
    a standard has been named, "that framework" alone could be read as the standard."""
    return f"framework {framework.reference}" if framework.reference else "that framework"
