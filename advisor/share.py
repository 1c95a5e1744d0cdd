"""Shareable links: a journey's answers in a URL query, and back, safely.

Nothing about a learner is stored on the server: to reopen a plan later, the answers travel in
the link itself (``?age=20&work=working&role=Call+Centre+Operator``). A link may have been
edited, truncated or built to break things, so decoding never fails: each value that cannot be
used is dropped with a plain-English note, and the rest of the answers are kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from advisor.catalogue import Catalogue, UnknownReference
from advisor.models import Category
from advisor.recommend import Aim, Employment, Profile, level_3_statements

MAX_VALUE_LENGTH = 2_000  # characters in one query value; longer values are ignored
MAX_ITEMS = 100  # qualifications or units in one list
MAX_ROLE_LENGTH = 120
AGE_RANGE = (10, 100)
LEVEL_RANGE = (1, 8)


@dataclass(frozen=True, kw_only=True)
class RouteQuery:
    """What the route journey asks: from a qualification and/or units, to a level or one."""

    from_qualification: str | None = None  # a qualification id
    units: tuple[str, ...] = ()  # URNs
    to_qualification: str | None = None  # a qualification id
    to_level: int | None = None
    documented_only: bool = False


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
    return text or None


def _items(text: str | None, key: str, notes: list[str]) -> list[str]:
    if not text:
        return []
    items = [part.strip() for part in text.split(",") if part.strip()]
    if len(items) > MAX_ITEMS:
        notes.append(f"The link lists {len(items)} values for '{key}'; only the first "
                     f"{MAX_ITEMS} were used.")
        items = items[:MAX_ITEMS]
    return list(dict.fromkeys(items))


def _whole_number(text: str | None, key: str, bounds: tuple[int, int],
                  notes: list[str], what: str) -> int | None:
    if text is None:
        return None
    low, high = bounds
    if re.fullmatch(r"[0-9]{1,4}", text) and low <= int(text) <= high:
        return int(text)
    notes.append(f"The link's {what} '{text[:20]}' was left out: give a whole number from "
                 f"{low} to {high}.")
    return None


def _qualifications(catalogue: Catalogue, refs: list[str], notes: list[str],
                    what: str) -> list[str]:
    found = []
    for ref in refs:
        try:
            q = catalogue.find_qualification(ref)
        except UnknownReference as error:
            notes.append(f"The link's {what} were checked: {error}")
            continue
        if q.category is Category.QUALIFICATION:
            found.append(q.id)
        else:
            notes.append(f"{ref[:40]} is a national structure, not a qualification: left out.")
    return list(dict.fromkeys(found))


def _units(catalogue: Catalogue, refs: list[str], notes: list[str]) -> list[str]:
    found = []
    for ref in refs:
        try:
            found.append(catalogue.find_unit(ref).urn)
        except UnknownReference as error:
            notes.append(f"The link's units were checked: {error}")
    return list(dict.fromkeys(found))


def _reference(catalogue: Catalogue, qualification_id: str) -> str:
    q = catalogue.qualifications[qualification_id]
    return q.code or q.regulator_number or q.id


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
    if profile.role:
        params["role"] = profile.role[:MAX_ROLE_LENGTH]
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
    if profile.held_units:
        params["units"] = ",".join(profile.held_units)
    if profile.aim is not None:
        params["aim"] = profile.aim.value
    return params


def decode_profile(catalogue: Catalogue,
                   params: Mapping[str, str | list[str]]) -> tuple[Profile, list[str]]:
    """The profile a link describes, and a note for every value that could not be used."""
    notes: list[str] = []
    age = _whole_number(_value(params, "age", notes), "age", AGE_RANGE, notes, "age")
    employment = None
    work = _value(params, "work", notes)
    if work is not None:
        try:
            employment = Employment(work)
        except ValueError:
            notes.append(f"The link's work answer '{work[:20]}' was not understood: left out.")
    role = _value(params, "role", notes)
    if role is not None and len(role) > MAX_ROLE_LENGTH:
        notes.append(f"The link's job role was shortened to {MAX_ROLE_LENGTH} characters.")
        role = role[:MAX_ROLE_LENGTH]
    responsibilities: list[str] = []
    statement = level_3_statements(catalogue)
    for item in _items(_value(params, "does", notes), "does", notes):
        if (statement is not None and re.fullmatch(r"[0-9]{1,3}", item)
                and 1 <= int(item) <= len(statement.points)):
            responsibilities.append(statement.points[int(item) - 1])
        else:
            notes.append(f"The link's work description '{item[:20]}' is not one of the list: "
                         "left out.")
    senior = {"yes": True, "no": False}.get((_value(params, "senior", notes) or "").lower())
    aim = None
    aim_text = _value(params, "aim", notes)
    if aim_text is not None:
        try:
            aim = Aim(aim_text)
        except ValueError:
            notes.append(f"The link's aim '{aim_text[:20]}' was not understood: left out.")
    held = _qualifications(catalogue, _items(_value(params, "has", notes), "has", notes),
                           notes, "qualifications")
    units = _units(catalogue, _items(_value(params, "units", notes), "units", notes), notes)
    profile = Profile(age=age, employment=employment, role=role,
                      responsibilities=tuple(dict.fromkeys(responsibilities)),
                      senior_role=senior, held_qualifications=tuple(held),
                      held_units=tuple(units), aim=aim)
    return profile, notes


# ---------------------------------------------------------------------------------------------
# The route journey
# ---------------------------------------------------------------------------------------------


def encode_route(catalogue: Catalogue, query: RouteQuery) -> dict[str, str]:
    params: dict[str, str] = {}
    if query.from_qualification in catalogue.qualifications:
        params["from"] = _reference(catalogue, query.from_qualification)
    if query.units:
        params["units"] = ",".join(query.units)
    if query.to_qualification in catalogue.qualifications:
        params["to"] = _reference(catalogue, query.to_qualification)
    elif query.to_level is not None:
        params["level"] = str(query.to_level)
    if query.documented_only:
        params["documented"] = "yes"
    return params


def decode_route(catalogue: Catalogue,
                 params: Mapping[str, str | list[str]]) -> tuple[RouteQuery, list[str]]:
    notes: list[str] = []
    start = _qualifications(catalogue, _items(_value(params, "from", notes), "from", notes)[:1],
                            notes, "starting qualification")
    target = _qualifications(catalogue, _items(_value(params, "to", notes), "to", notes)[:1],
                             notes, "target qualification")
    level = _whole_number(_value(params, "level", notes), "level", LEVEL_RANGE, notes, "level")
    units = _units(catalogue, _items(_value(params, "units", notes), "units", notes), notes)
    documented = (_value(params, "documented", notes) or "").lower() == "yes"
    return RouteQuery(
        from_qualification=start[0] if start else None, units=tuple(units),
        to_qualification=target[0] if target else None,
        to_level=None if target else level, documented_only=documented,
    ), notes
