"""Shareable links: a journey's answers in a URL query, and back, safely.

Nothing about a learner is stored on the server: to reopen a plan later, the answers travel in
the link itself (``?age=20&work=working&role=Call+Centre+Operator``). A link may have been
edited, truncated or built to break things, so decoding never fails: each value that cannot be
used is dropped with a plain-English note, and the rest of the answers are kept. Control
characters are removed (with a note), and a note quotes only the start of a value and only the
first few of a list's unknown codes, so a link cannot flood the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from advisor.catalogue import Catalogue, Category, Qualification, UnknownReference
from advisor.engine import answers
from advisor.engine.combination_types import Accepted
from advisor.engine.decisions import HOURS_A_WEEK_ACCEPTED, parse_hours_a_week
from advisor.engine.recommend_index import level_3_statements
from advisor.engine.recommend_types import Aim, Employment, Profile, RouteOffer
from advisor.engine.route_offers import open_to_step_up, route_start
from advisor.engine.unit_references import resolve_units
from advisor.engine.wording import uk_date
from advisor.formats.dates import DATE_EXAMPLES, EARLIEST_DATE, LATEST_DATE, read_date

T = TypeVar("T")

MAX_VALUE_LENGTH = 2_000  # characters in one query value; longer values are ignored
MAX_ITEMS = 100  # qualifications or units in one list
MAX_ROLE_LENGTH = 120
MAX_LISTED = 5  # unknown codes or descriptions quoted in one note; the rest are counted
LEVEL_RANGE = (1, 8)
CONTROL_CHARACTERS = re.compile(
    r"[\x00-\x1f\x7f-\x9f"  # C0, DEL and C1, NUL among them
    r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
"""Characters a link value never needs: the C0 and C1 controls, and the invisible format
controls (zero-width spaces and joiners, and the direction marks, embeddings, overrides and
isolates that can make text display in a different order from the one it is read in)."""


def without_control_characters(text: str) -> str:
    """``text`` without :data:`CONTROL_CHARACTERS`, and without spaces at either end."""
    return CONTROL_CHARACTERS.sub("", text).strip()


@dataclass(frozen=True, kw_only=True)
class RouteQuery:
    """What the route journey asks: from a qualification and/or units, to a level or one."""

    from_qualification: str | None = None  # a qualification id
    units: tuple[str, ...] = ()  # URNs
    to_qualification: str | None = None  # a qualification id
    also_completed: tuple[str, ...] = ()  # other qualification ids completed
    to_level: int | None = None
    documented_only: bool = False
    shown: int = 1  # which of the routes found the page shows: 1 for the best, 2 for the next
    age: int | None = None  # the learner's age, where given: each step's age groups are checked
    # Whether the learner is in a senior role, where given: a step asking for one is checked.
    senior_role: bool | None = None
    # Whether the learner is working, where given: a step assessed at work (a competence
    # qualification) is said to need a job or a work placement, and comes later for one who is
    # not.
    employment: Employment | None = None
    aim: Aim | None = None  # what the learner wants: routes ending in what fits it come first
    # Where nothing is held: the level suggested for the learner to start at (Find a starting
    # level's answer); routes start there, not at the catalogue's lowest level.
    start_level: int | None = None


def _value(params: Mapping[str, str | list[str]], key: str, notes: list[str]) -> str | None:
    raw = params.get(key)
    if isinstance(raw, list):  # a key repeated in the link: the last one wins, as in a form
        raw = raw[-1] if raw else None
    if raw is None:
        return None
    text = str(raw).strip()
    if len(text) > MAX_VALUE_LENGTH:
        notes.append(f"The link's '{key}' was too long to use, so it was left out.")
        return None
    # Invisible characters would be echoed in notes and, for the job role, kept and written back
    # into the address; the encoder never writes them, so they can only come from an edited link.
    printable = without_control_characters(text)
    if printable != text:
        notes.append(f"The link's '{key}' held only control characters, so it was left out."
                     if not printable else
                     f"The link's '{key}' held control characters; they were removed.")
    return printable or None


def _items(text: str | None, key: str, notes: list[str]) -> list[str]:
    if not text:
        return []
    items = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]  # as the CLI
    if len(items) > MAX_ITEMS:
        notes.append(f"The link lists {len(items)} values for '{key}'; only the first "
                     f"{MAX_ITEMS} were used.")
        items = items[:MAX_ITEMS]
    return list(dict.fromkeys(items))


def _listed(quoted: list[str]) -> str:
    """Up to ``MAX_LISTED`` quoted values, and how many more: one note, however long the list."""
    more = len(quoted) - MAX_LISTED
    return ", ".join(quoted[:MAX_LISTED]) + (f" and {more} more" if more > 0 else "")


def _checked(what: str, unknown: list[UnknownReference], count: int, notes: list[str],
             where: str = "in the catalogue") -> None:
    """One note for the codes of a list of ``count`` that are not found ``where``."""
    if not unknown:
        return
    checked = f"The link's {what} was checked" if count == 1 else f"The link's {what}s were checked"
    if len(unknown) == 1:
        error = unknown[0]
        note = (f"{checked} and left out: {error.why}" if error.why else
                f"{checked}: no {error.what} '{error.reference[:40]}' {where}, so it "
                "was left out")
        if error.suggestions:
            note += "; did you mean " + ", ".join(error.suggestions) + "?"
    else:
        codes = _listed([f"'{error.reference[:40]}'" for error in unknown])
        note = (f"{checked}: {len(unknown)} are not {where}, so they were left out: "
                f"{codes}.")
    notes.append(note)


def _age(text: str | None, notes: list[str]) -> int | None:
    if text is None:
        return None
    try:
        return answers.parse_age(text)
    except answers.AnswerError:
        notes.append(f"The link's age '{text[:20]}' was left out: give {answers.AGE_ACCEPTED}.")
        return None


def _level(text: str | None, notes: list[str], *, what: str = "level") -> int | None:
    if text is None:
        return None
    low, high = LEVEL_RANGE
    if re.fullmatch(r"[0-9]{1,4}", text) and low <= int(text) <= high:
        return int(text)
    notes.append(f"The link's {what} '{text[:20]}' was left out: give a whole number from "
                 f"{low} to {high}.")
    return None


def _answer(text: str | None, parse: Callable[[str], T], what: str,
            notes: list[str]) -> T | None:
    """An answer read from the link with ``parse``, or None and a note saying it was left
    out."""
    if text is None:
        return None
    try:
        return parse(text)
    except answers.AnswerError:
        notes.append(f"The link's {what} '{text[:20]}' was not understood: left out.")
        return None


def _qualifications(catalogue: Catalogue, refs: list[str], notes: list[str],
                    what: str, *, structures: bool = False) -> list[str]:
    """The qualification ids ``refs`` name; ``what`` is singular ("target qualification").
    National structures are left out with a note, unless ``structures`` (a check of units can be
    made against a structure's rules)."""
    found, unknown = [], []
    for ref in refs:
        try:
            q = catalogue.find_qualification(ref)
        except UnknownReference as error:
            unknown.append(error)
            continue
        if q.category is Category.QUALIFICATION or structures:
            found.append(q.id)
        else:
            notes.append(f"{ref[:40]} is a national structure, not a qualification: left out.")
    _checked(what, unknown, len(refs), notes)
    return list(dict.fromkeys(found))


def _units(catalogue: Catalogue, refs: list[str], notes: list[str],
           within: Qualification | None = None) -> list[str]:
    """The URNs ``refs`` name: URNs, or unit numbers (``F3``) of ``within``."""
    found, unknown = [], []
    for ref in refs:
        try:
            found += resolve_units(catalogue, [ref], within)
        except UnknownReference as error:
            unknown.append(error)
    _checked("unit", unknown, len(refs), notes,
             where=f"in {within.reference}" if within is not None else "in the catalogue")
    return list(dict.fromkeys(found))


def _reference(catalogue: Catalogue, qualification_id: str) -> str:
    return catalogue.qualifications[qualification_id].reference


# ---------------------------------------------------------------------------------------------
# The starting-level journey
# ---------------------------------------------------------------------------------------------


def encode_profile(catalogue: Catalogue, profile: Profile) -> dict[str, str]:
    """The query parameters that reopen this profile; empty answers are left out."""
    params: dict[str, str] = {}
    if profile.age is not None:
        params["age"] = str(profile.age)
    if profile.employment is not None:
        params["work"] = profile.employment.value
    for key, title in (("role", profile.role), ("want", profile.job_wanted)):
        title = without_control_characters(title or "")
        if title:
            params[key] = title[:MAX_ROLE_LENGTH]
    statement = level_3_statements(catalogue)
    if statement is not None and profile.responsibilities:
        numbers = [str(statement.points.index(p) + 1) for p in profile.responsibilities
                   if p in statement.points]
        if numbers:
            params["does"] = ",".join(numbers)
    if profile.senior_role is not None:
        params["senior"] = "yes" if profile.senior_role else "no"
    if profile.held_qualifications:
        params["has"] = ",".join(_reference(catalogue, i) for i in profile.held_qualifications
                                 if i in catalogue.qualifications)
    if profile.other_held_levels:
        params["other"] = ",".join(str(level) for level in sorted(set(profile.other_held_levels)))
    if profile.held_units:
        params["units"] = ",".join(profile.held_units)
    if profile.aim is not None:
        params["aim"] = profile.aim.value
    return params


def decode_profile(catalogue: Catalogue,
                   params: Mapping[str, str | list[str]]) -> tuple[Profile, list[str]]:
    """The profile a link describes, and a note for every value that could not be used."""
    notes: list[str] = []
    age = _age(_value(params, "age", notes), notes)
    employment = _answer(_value(params, "work", notes), answers.parse_employment,
                         "work answer", notes)
    role, wanted = (_value(params, key, notes) for key in ("role", "want"))
    for what, title in (("job role", role), ("job wanted", wanted)):
        if title is not None and len(title) > MAX_ROLE_LENGTH:
            notes.append(f"The link's {what} was shortened to {MAX_ROLE_LENGTH} characters.")
    role, wanted = (title[:MAX_ROLE_LENGTH] if title else title for title in (role, wanted))
    responsibilities: list[str] = []
    not_listed: list[str] = []
    statement = level_3_statements(catalogue)
    for item in _items(_value(params, "does", notes), "does", notes):
        if (statement is not None and re.fullmatch(r"[0-9]{1,3}", item)
                and 1 <= int(item) <= len(statement.points)):
            responsibilities.append(statement.points[int(item) - 1])
        else:
            not_listed.append(f"'{item[:20]}'")
    if len(not_listed) == 1:
        notes.append(f"The link's work description {not_listed[0]} is not one of the list: "
                     "left out.")
    elif not_listed:
        notes.append(f"The link's work descriptions {_listed(not_listed)} are not in the list: "
                     "left out.")
    senior = _answer(_value(params, "senior", notes), answers.parse_yes_no,
                     "senior role answer", notes)
    aim = _answer(_value(params, "aim", notes), answers.parse_aim, "aim", notes)
    held = _qualifications(catalogue, _items(_value(params, "has", notes), "has", notes),
                           notes, "qualification")
    units = _units(catalogue, _items(_value(params, "units", notes), "units", notes), notes)
    other: list[int] = []
    offered = catalogue.levels_offered
    for item in _items(_value(params, "other", notes), "other", notes):
        if re.fullmatch(r"[0-9]{1,2}", item) and int(item) in offered:
            other.append(int(item))
        else:
            notes.append(f"The link's level '{item[:20]}' of another qualification held was "
                         "left out: give one of the levels of these documents' customer service "
                         "qualifications (" + ", ".join(str(n) for n in offered) + ").")
    if employment is Employment.NOT_WORKING and (role or responsibilities or senior):
        notes.append("The link says the learner is not working, so its answers about a job "
                     "(title, work described, senior role) are not used: answer that they work "
                     "to use them.")
    if wanted and employment is not Employment.NOT_WORKING:
        notes.append("The link's job wanted is asked only of a learner not working: left out.")
    profile = Profile(age=age, employment=employment, role=role,
                      responsibilities=tuple(dict.fromkeys(responsibilities)),
                      senior_role=senior, held_qualifications=tuple(held),
                      other_held_levels=tuple(sorted(set(other))),
                      held_units=tuple(units), aim=aim,
                      job_wanted=wanted if employment is Employment.NOT_WORKING else None)
    return profile, notes


# ---------------------------------------------------------------------------------------------
# The route journey
# ---------------------------------------------------------------------------------------------


def encode_route(catalogue: Catalogue, query: RouteQuery) -> dict[str, str]:
    params: dict[str, str] = {}
    if query.from_qualification is not None and (
            query.from_qualification in catalogue.qualifications):
        params["from"] = _reference(catalogue, query.from_qualification)
    also = [_reference(catalogue, i) for i in query.also_completed
            if i in catalogue.qualifications and i != query.from_qualification]
    if also:
        params["also"] = ",".join(also)
    if query.units:
        params["units"] = ",".join(query.units)
    if query.to_qualification is not None and (
            query.to_qualification in catalogue.qualifications):
        params["to"] = _reference(catalogue, query.to_qualification)
    elif query.to_level is not None:
        params["level"] = str(query.to_level)
    if query.documented_only:
        params["documented"] = "yes"
    if query.shown > 1:  # the best route needs no mark
        params["route"] = str(query.shown)
    if query.age is not None:
        params["age"] = str(query.age)
    if query.senior_role is not None:
        params["senior"] = "yes" if query.senior_role else "no"
    if query.employment is not None:
        params["work"] = query.employment.value
    if query.aim is not None:
        params["aim"] = query.aim.value
    if query.start_level is not None:
        params["starting"] = str(query.start_level)
    return params


def route_from_profile(catalogue: Catalogue, profile: Profile,
                       to_level: int | None = None, *,
                       start_level: int | None = None) -> RouteQuery:
    """The route journey for what a learner told *Find a starting level*: from the
    highest-level qualification they hold (the others as also completed), with the units they
    hold, aiming for ``to_level`` (the level suggested, say) where it is above that
    qualification's; where they hold one at ``to_level`` already, for the level above, the
    step up the starting-level answer then points to (where a qualification is at it);
    otherwise onward. Of two held at the same level, the one first in code order, whatever
    order they were given. ``start_level``: the level suggested for them, where they hold no
    qualification, for the routes to start at."""
    start = route_start(catalogue, profile.held_qualifications)
    if (to_level is not None and start is not None and start.level == to_level
            and open_to_step_up(catalogue, profile, to_level + 1)):
        to_level += 1
    above = to_level is not None and (start is None or to_level > (start.level or 0))
    return _from_profile(catalogue, profile, to_level=to_level if above else None,
                         start_level=start_level if start is None else None)


def route_for_offer(catalogue: Catalogue, profile: Profile, offer: RouteOffer) -> RouteQuery:
    """The route journey for a route *Find a starting level* offers (``offer``, from its
    recommendation), with what the learner told it: from what they hold, to where the offer
    aims."""
    return _from_profile(catalogue, profile, to_level=offer.to_level,
                         to_qualification=offer.to_qualification.id
                         if offer.to_qualification is not None else None,
                         start_level=offer.start_level)


def _from_profile(catalogue: Catalogue, profile: Profile, *, to_level: int | None,
                  to_qualification: str | None = None,
                  start_level: int | None) -> RouteQuery:
    start = route_start(catalogue, profile.held_qualifications)
    held = [i for i in profile.held_qualifications if i in catalogue.qualifications]
    return RouteQuery(from_qualification=start.id if start else None,
                      also_completed=tuple(sorted(
                          (i for i in held if start is None or i != start.id),
                          key=lambda i: catalogue.qualifications[i].reference)),
                      units=profile.held_units, to_level=to_level,
                      to_qualification=to_qualification,
                      age=profile.age, senior_role=profile.senior_role,
                      employment=profile.employment, aim=profile.aim,
                      start_level=start_level if start is None else None)


MAX_ROUTE_SHOWN = 5
"""The most routes the route page lists, so the highest ``route=`` a link may name."""


def decode_route(catalogue: Catalogue,
                 params: Mapping[str, str | list[str]]) -> tuple[RouteQuery, list[str]]:
    """The route a link describes, and a note for every value that could not be used. A level
    is kept only when some qualification is at it (as the page offers), and only when no
    target qualification is named: a route aims for one or the other."""
    notes: list[str] = []
    start = _qualifications(catalogue, _items(_value(params, "from", notes), "from", notes)[:1],
                            notes, "starting qualification")
    also = _qualifications(catalogue, _items(_value(params, "also", notes), "also", notes),
                           notes, "completed qualification")
    if also and not start:  # the others need a first one: the first of them
        start, also = also[:1], also[1:]
    target = _qualifications(catalogue, _items(_value(params, "to", notes), "to", notes)[:1],
                             notes, "target qualification")
    level = _level(_value(params, "level", notes), notes)
    if level is not None and target:
        notes.append(f"The link's level '{level}' was left out: the link names a target "
                     "qualification too, and a route aims for one or the other.")
        level = None
    offered = catalogue.levels_offered
    if level is not None and level not in offered:
        levels = f"; choose one of {', '.join(map(str, offered))}" if offered else ""
        notes.append(f"The link's level '{level}' was left out: no qualification in the "
                     f"catalogue is at Level {level}{levels}.")
        level = None
    units = _units(catalogue, _items(_value(params, "units", notes), "units", notes), notes)
    documented = False
    documented_text = _value(params, "documented", notes)
    if documented_text is not None:
        if documented_text.lower() in ("yes", "no"):
            documented = documented_text.lower() == "yes"
        else:
            notes.append(f"The link's 'documented' answer '{documented_text[:20]}' was not "
                         "understood: left out.")
    shown = 1
    shown_text = _value(params, "route", notes)
    if shown_text is not None:
        if re.fullmatch(r"[0-9]{1,2}", shown_text) and 1 <= int(shown_text) <= MAX_ROUTE_SHOWN:
            shown = int(shown_text)
        else:
            notes.append(f"The link's route number '{shown_text[:20]}' was left out: the first "
                         "route is shown.")
    return RouteQuery(
        from_qualification=start[0] if start else None, units=tuple(units),
        also_completed=tuple(i for i in dict.fromkeys(also) if i not in start),
        to_qualification=target[0] if target else None,
        to_level=level, documented_only=documented, shown=shown,
        age=_age(_value(params, "age", notes), notes),
        senior_role=_answer(_value(params, "senior", notes), answers.parse_yes_no,
                            "senior role answer", notes),
        employment=_answer(_value(params, "work", notes), answers.parse_employment,
                           "work answer", notes),
        aim=_answer(_value(params, "aim", notes), answers.parse_aim, "aim", notes),
        start_level=_start_level(_level(_value(params, "starting", notes), notes,
                                        what="starting level"), start, notes),
    ), notes


def _start_level(level: int | None, start: list[str], notes: list[str]) -> int | None:
    """A link's starting level, kept only where it names no qualification held (a route then
    starts from that)."""
    if level is not None and start:
        notes.append(f"The link's starting level '{level}' was left out: the routes start from "
                     "the qualification it names as held.")
        return None
    return level


# ---------------------------------------------------------------------------------------------
# Checking a learner's units, with the centre's decisions
# ---------------------------------------------------------------------------------------------

MAX_NOTE_LENGTH = 200  # characters in a note on a unit the centre accepted
@dataclass(frozen=True, kw_only=True)
class CheckQuery:
    """What the check journey asks: a qualification, the units achieved, the units the centre
    accepted (with their notes), the units in progress, and hours a week from a start date."""

    qualification: str | None = None  # a qualification id
    units: tuple[str, ...] = ()  # URNs achieved
    accepted: tuple[Accepted, ...] = ()
    in_progress: tuple[str, ...] = ()
    glh_per_week: float | None = None
    start: dt.date | None = None
    registered: bool = False  # already registered, so the last entry date no longer applies
    fewest_hours: bool = False  # the plan by fewest guided learning hours, not fewest credits


def encode_check(catalogue: Catalogue, query: CheckQuery) -> dict[str, str]:
    """The query parameters that reopen this check: ``qual``, ``units``, ``accepted`` with a
    ``note1``, ``note2``... for each accepted unit in turn, ``progress``, ``glh``, ``start``,
    ``registered=yes`` and ``plan=hours`` (the plan by fewest guided learning hours)."""
    params: dict[str, str] = {}
    if query.qualification is not None and query.qualification in catalogue.qualifications:
        params["qual"] = _reference(catalogue, query.qualification)
    if query.units:
        params["units"] = ",".join(query.units)
    if query.accepted:
        params["accepted"] = ",".join(a.urn for a in query.accepted)
        for number, decision in enumerate(query.accepted, start=1):
            note = without_control_characters(decision.note)[:MAX_NOTE_LENGTH]
            if note:
                params[f"note{number}"] = note
    if query.in_progress:
        params["progress"] = ",".join(query.in_progress)
    if query.glh_per_week is not None:
        params["glh"] = f"{query.glh_per_week:g}"
    if query.start is not None:
        params["start"] = query.start.isoformat()
    if query.registered:
        params["registered"] = "yes"
    if query.fewest_hours:
        params["plan"] = "hours"
    return params


def decode_check(catalogue: Catalogue,
                 params: Mapping[str, str | list[str]]) -> tuple[CheckQuery, list[str]]:
    """The check a link describes, and a note for every value that could not be used. Units
    accepted or in progress must be part of the qualification; others are left out. Units held
    must be too, except where the sources list only some of its units: one held beyond them
    may count, and is kept."""
    notes: list[str] = []
    found = _qualifications(catalogue, _items(_value(params, "qual", notes), "qual",
                                              notes)[:1], notes, "qualification",
                            structures=True)
    qualification = catalogue.qualifications[found[0]] if found else None
    listed: set[str] = set()
    in_full = True  # False where the sources list only some of its units
    if qualification is not None:
        rules, _ = catalogue.effective_rules(qualification)
        listed = set(rules.listed_units) if rules is not None else set()
        in_full = rules is None or rules.listed_in_full

    def own(urns: list[str], what: str) -> list[str]:
        outside = [u for u in urns if u not in listed]
        if outside:
            verb = "is" if len(outside) == 1 else "are"
            notes.append(
                f"The link's {what} {_listed(outside)} {verb} not part of the qualification: "
                "left out." if listed else
                f"The link's {what} {_listed(outside)} could not be checked (the sources do "
                "not list the qualification's units): left out.")
        return [u for u in urns if u in listed]

    units = _units(catalogue, _items(_value(params, "units", notes), "units", notes), notes,
                   within=qualification)
    # A unit the qualification does not list would be ticked but never counted; where the
    # sources list only some of its units, one held beyond them may count, and is kept.
    if listed and in_full:
        units = own(units, "unit")
    accepted_refs = _items(_value(params, "accepted", notes), "accepted", notes)
    accepted = []
    for number, ref in enumerate(accepted_refs, start=1):
        urn = _units(catalogue, [ref], notes, within=qualification)
        if urn and own(urn, "accepted unit"):
            note = _value(params, f"note{number}", notes) or ""
            if len(note) > MAX_NOTE_LENGTH:
                notes.append(f"The link's note on {urn[0]} was shortened to {MAX_NOTE_LENGTH} "
                             "characters.")
            accepted.append(Accepted(urn[0], note[:MAX_NOTE_LENGTH]))
    in_progress = own(_units(catalogue, _items(_value(params, "progress", notes), "progress",
                                               notes), notes, within=qualification),
                      "unit in progress")
    return CheckQuery(
        qualification=qualification.id if qualification else None, units=tuple(units),
        accepted=tuple(accepted), in_progress=tuple(in_progress),
        glh_per_week=_hours(_value(params, "glh", notes), notes),
        start=decode_date(_value(params, "start", notes), "start date", notes),
        registered=_registered(_value(params, "registered", notes), notes),
        fewest_hours=_fewest_hours(_value(params, "plan", notes), notes),
    ), notes


def _fewest_hours(text: str | None, notes: list[str]) -> bool:
    if text is None or text in ("hours", "credits"):
        return text == "hours"
    notes.append(f"The link's plan '{text[:20]}' was left out: it can be 'hours' or 'credits'; "
                 "the plan is by fewest credits.")
    return False


def _registered(text: str | None, notes: list[str]) -> bool:
    if text is None or text == "yes":
        return text == "yes"
    notes.append(f"The link's registered '{text[:20]}' was left out: it can only be 'yes'.")
    return False


def _hours(text: str | None, notes: list[str]) -> float | None:
    if text is None:
        return None
    try:
        return parse_hours_a_week(text)
    except answers.AnswerError:
        notes.append(f"The link's hours a week '{text[:20]}' were left out: give "
                     f"{HOURS_A_WEEK_ACCEPTED}.")
        return None


def decode_date(text: str | None, what: str, notes: list[str]) -> dt.date | None:
    """A date a link carries, read as :func:`read_date` reads one (``2026-09-01``, as the app
    writes it, or ``01/09/2026``, day first) and within the dates the advisor answers for;
    else ``None``, with a note naming ``what`` it was ("start date")."""
    if text is None:
        return None
    day = read_date(text)
    if day is None:
        notes.append(f"The link's {what} '{text[:20]}' was left out: give a date like "
                     f"{DATE_EXAMPLES}.")
        return None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        notes.append(f"The link's {what} '{text}' was left out: give a date from "
                     f"{uk_date(EARLIEST_DATE)} to {uk_date(LATEST_DATE)}.")
        return None
    return day
