"""Explore's tables: what a search finds, a qualification's profile (facts, structure, dates,
progression) and two or three qualifications side by side, with the units they share.

Built away from Streamlit like :mod:`advisor.views.tables`, and on the same terms: a value the
sources do not give is missing or "not stated", never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from advisor.catalogue import (
    Basis,
    Catalogue,
    Category,
    Citation,
    Kind,
    Qualification,
    RangeFact,
    Structure,
)
from advisor.engine.eligibility import check_eligibility, status_on
from advisor.engine.replacing import replacements_open_by
from advisor.engine.wording import uk_date
from advisor.register import Register
from advisor.views import search
from advisor.views.labels import (
    KIND_WORDS,
    NOT_STATED,
    STRUCTURE_WORDS,
    awarding_bodies_of,
    awarding_body_contact,
    cite,
    entry_status,
    entry_status_in_brief,
    group_name,
    group_requirement,
    qualification_label,
)


def _glh(catalogue: Catalogue, q: Qualification) -> tuple[str, tuple[Citation, ...]]:
    """A qualification's guided learning hours and their sources: as the sources state them;
    where they do not, and every unit of its own rules is mandatory with its hours stated
    (09628: 30 + 30 + 33), their sum, said to be one."""
    if q.glh is not None:
        return _range(q.glh), q.glh.source
    rules = q.rules
    if rules is None or not rules.groups or not all(g.mandatory and g.units_complete
                                                   for g in rules.groups):
        return NOT_STATED, ()
    units = [catalogue.units.get(m.urn) for g in rules.groups for m in g.units]
    if any(u is None or u.glh is None for u in units):
        return NOT_STATED, ()
    total = sum(u.glh or 0 for u in units if u is not None)
    cited = tuple(dict.fromkeys(c for u in units if u is not None for c in u.source))
    return (f"{total}: the sum of its units' hours, every unit being mandatory (no total is "
            "stated)", cited)


def _range(fact: RangeFact | None) -> str:
    if fact is None:
        return NOT_STATED
    if fact.max is None or fact.max == fact.min:  # one value stated, not a range
        return str(fact.min)
    return f"{fact.min} to {fact.max}"


def qualification_matches(catalogue: Catalogue, query: str, *, as_at: dt.date,
                          register: Register | None = None,
                          found: Mapping[str, tuple[search.Lead, ...]] | None = None
                          ) -> pd.DataFrame:
    """Qualifications that every word of ``query`` finds (:mod:`advisor.views.search`: title,
    references, level, kind, awarding body, or a job role or apprenticeship framework leading
    to it), every qualification for an empty query, each named with its reference, title and
    level (``labels.qualification_label``), with their status on ``as_at`` in a few
    words (with the ``register``'s dates too, where one is loaded) and what replaced them by
    reference. A "Found through" column names the job roles and frameworks that met a word,
    when any did. ``found``: the search's answer for
    ``query``, where the caller already has it."""
    rows = []
    if found is None:
        found = search.find_qualifications(catalogue, query)
    for qualification_id, leads in found.items():
        q = catalogue.qualifications[qualification_id]
        eligibility = check_eligibility(catalogue, q, as_at=as_at, register=register)
        rows.append({
            "rank": eligibility.status.status.rank,
            # One that something open by the date replaced (03455 by 10379): after it.
            "replaced": bool(replacements_open_by(catalogue, q, as_at)),
            # Its reference, title and level in one cell ("10379 - OCR Level 2 Diploma in
            # Customer Service (Level 2)"), as the box that opens its profile names it: on a
            # phone the grid has room for two columns, and the reference and level are among
            # what decides (at 1280 pixels the Reference column was cut off at the edge).
            "Qualification": qualification_label(q),
            "Reference": q.reference,
            "Level": q.level,
            "Awarding body": q.awarding_body,
            "Kind": q.kind.value if q.kind is not Kind.UNKNOWN else NOT_STATED,
            "Structure": q.structure.value,
            # In a few words: the profile says it in full, with why and what replaced it where.
            f"On {uk_date(as_at)}": entry_status_in_brief(eligibility),
            "Replaced by": replaced_by_in_brief(catalogue, q),
            "Found through": search.leads_in_words(leads),
        })
    # What it is first, and its status on the date, which decides: on a phone the grid shows
    # those two. At 1280 pixels what replaced it, its awarding body and what found it are in
    # view too (the awarding body was cut off at the edge, after the reference and level),
    # and its kind where nothing else found it. The reference and level, which the first
    # column gives, have columns of their own last, to sort a download by.
    frame = pd.DataFrame(rows, columns=["rank", "replaced", "Qualification",
                                        f"On {uk_date(as_at)}", "Replaced by", "Awarding body",
                                        "Found through", "Kind", "Structure", "Reference",
                                        "Level"])
    if not any(row["Found through"] for row in rows):
        frame = frame.drop(columns="Found through")  # every one found by its own words
    # Level by level; at a level, what is open on the date first and what has closed last (and
    # one that was replaced after what replaced it), so that a search for a job ("team
    # leader") or for apprenticeships does not lead with what has closed or is closing.
    return frame.sort_values(["Level", "rank", "replaced", "Reference"], na_position="last",
                             ignore_index=True).drop(columns=["rank", "replaced"]).astype(
                                 {"Level": "Int64"})


def unit_matches(catalogue: Catalogue, query: str) -> pd.DataFrame:
    """Units that every word of ``query`` finds in their URN, title or level, with the
    qualifications that list them (by their effective rules), by reference: one that lists them
    only because it is inferred to follow a national structure that does is marked "(inferred)".
    The title first, then where it is found: on a phone the grid shows those two."""
    columns = ["Title", "In qualifications", "URN", "Level", "Credits", "GLH"]
    wanted = search.parse_query(query)
    rows = []
    for unit in catalogue.units.values() if not wanted.empty else ():
        if not search.match_unit(unit, wanted):
            continue
        within = [q.reference + (" (inferred)" if (by := catalogue.structure_followed(q))
                                 and by[1] else "")
                  for q in catalogue.qualifications_listing(unit.urn)]
        rows.append({
            "URN": unit.urn, "Title": unit.title, "Level": unit.level, "Credits": unit.credits,
            "GLH": unit.glh, "In qualifications": ", ".join(within) or "none in the catalogue",
        })
    return pd.DataFrame(rows, columns=columns).astype(
        {"Level": "Int64", "Credits": "Int64", "GLH": "Int64"})


def follows(catalogue: Catalogue, q: Qualification) -> tuple[Qualification, str] | None:
    """For a qualification that lists the units of a national structure it follows (no unit
    list of its own in the sources): the structure, and "which it is inferred to follow" ("which
    it follows" where its sources say so). None when it lists its own units, or none."""
    followed = catalogue.structure_followed(q)
    if followed is None:
        return None
    structure, inferred = followed
    return structure, "which it " + ("is inferred to follow" if inferred else "follows")


def _units_listed(catalogue: Catalogue, q: Qualification) -> str:
    """How many units ``q`` lists; where they are a national structure's, whose."""
    listed = catalogue.listed_units(q)
    if not listed:
        return NOT_STATED
    by = follows(catalogue, q)
    return str(len(listed)) + (f" (those of {by[0].reference}, {by[1]})" if by else "")


def _credits_required(catalogue: Catalogue, q: Qualification) -> str:
    """The credits ``q`` needs: its own figure, or that of the national structure it follows
    (as the checks and routes count them), saying whose."""
    if q.credits_required is not None:
        return str(q.credits_required)
    rules, _ = catalogue.effective_rules(q)
    by = follows(catalogue, q)
    if rules is None or by is None:
        return NOT_STATED
    return f"{rules.credits_required} (those of {by[0].reference}, {by[1]})"


def _credits_source(catalogue: Catalogue, q: Qualification) -> Sequence[Citation]:
    """Where :func:`_credits_required` comes from: ``q``'s own rules or statements, or the
    structure's rules and why ``q`` is taken to follow it."""
    if q.credits_required is None and follows(catalogue, q) is not None:
        rules, _ = catalogue.effective_rules(q)
        return (*(rules.source if rules else ()), *(q.based_on.source if q.based_on else ()))
    if q.rules is not None:
        return q.rules.source
    return q.rule_statements[0].source if q.rule_statements else q.source


def first_to_open(catalogue: Catalogue, ids: Sequence[str], *, as_at: dt.date,
                  register: Register | None = None) -> str:
    """Which of ``ids`` (a search's results, in order) a profile opens on: the best by status
    on ``as_at`` (open, then not known, then not yet open, then closed), then one not replaced
    by then, then one whose structure is fully known; the first of those in ``ids``."""
    def rank(qid: str) -> tuple[int, bool, bool]:
        q = catalogue.qualifications[qid]
        status = status_on(catalogue, q, as_at, register=register).status
        return (status.rank, bool(replacements_open_by(catalogue, q, as_at)),
                q.structure is not Structure.COMPLETE)

    return min(ids, key=rank)  # the first of the best, as min keeps the first


def replaced_by_in_brief(catalogue: Catalogue, q: Qualification) -> str:
    """What replaced ``q`` by reference, each the sources only suggest marked: "10379
    (inferred)"; empty where nothing did. Where and for whom it replaced it is in
    :func:`_replacements` (the profile and the comparison say it)."""
    return ", ".join(catalogue.qualifications[r.by].reference
                     + (" (inferred)" if r.inferred else "")
                     for r in q.replaced_by if r.by in catalogue.qualifications)


def _replacements(catalogue: Catalogue, q: Qualification) -> str:
    """What replaced ``q``, where, and whether the sources only suggest it: "10379 - OCR Level
    2 Diploma in Customer Service (Level 2), in the Level 2 apprenticeship framework (the
    sources suggest this)"."""
    names = []
    for replacement in q.replaced_by:
        successor = catalogue.qualifications.get(replacement.by)
        if successor is not None:
            names.append(f"{qualification_label(successor)}, {replacement.setting}"
                         + (" (the sources suggest this)" if replacement.inferred else ""))
    return "; ".join(names)


def facts_table(catalogue: Catalogue, q: Qualification) -> pd.DataFrame:
    """A qualification's profile as Fact / Value / Source rows: "not stated" where the sources
    do not give a fact, said once (its Source empty where nothing is cited for it)."""
    rules, structure = catalogue.effective_rules(q)
    based_on = catalogue.qualifications.get(q.based_on.structure) if q.based_on else None
    rows: list[tuple[str, str, Sequence[Citation]]] = [
        ("Awarding body", q.awarding_body, q.source),
        ("Scheme code", q.code or NOT_STATED, q.source),
        ("Regulator number", q.regulator_number or NOT_STATED, q.source),
        # Only a national structure has one of its own: for a qualification "not stated"
        # beside "Based on: S/016/608" read as a contradiction.
        *([("National structure reference", q.structure_reference or NOT_STATED, q.source)]
          if q.category is Category.NATIONAL_STRUCTURE or q.structure_reference else []),
        ("Level", str(q.level) if q.level is not None else NOT_STATED, q.source),
        ("Kind", KIND_WORDS[q.kind], q.source),
        ("Framework", q.framework or NOT_STATED, q.source),
        ("Credits required", _credits_required(catalogue, q), _credits_source(catalogue, q)),
        ("Guided learning hours (GLH)", *_glh(catalogue, q)),
        ("Total qualification time (TQT)", _range(q.tqt), q.tqt.source if q.tqt else ()),
        ("Structure known", STRUCTURE_WORDS[q.structure], q.source),
    ]
    if based_on is not None and q.based_on is not None:
        rows.append(("Based on", qualification_label(based_on), q.based_on.source))
    if structure is not None and rules is not None and q.rules is None:
        rows.append(("Rules checked against", f"those of {qualification_label(structure)}",
                     q.based_on.source if q.based_on else ()))
    for offered in q.offered_as:
        rows.append(("Offered as", f"{offered.awarding_body} {offered.regulator_number or ''}"
                     .strip(), offered.source))
    rows += [("How to reach the awarding body", awarding_body_contact(body), body.source)
             for body in awarding_bodies_of(catalogue, [q])]
    # A fact not stated cites nothing: its Source is left empty, not "not stated" a second
    # time (a phone's card read "not stated" and then "Source: not stated").
    return pd.DataFrame(
        [{"Fact": f, "Value": v,
          "Source": cite(catalogue, s) or ("" if v == NOT_STATED else NOT_STATED)}
         for f, v, s in rows],
        columns=["Fact", "Value", "Source"],
    )


def structure_table(catalogue: Catalogue, q: Qualification) -> pd.DataFrame:
    """Every group and unit of the rules a qualification is checked against: what each unit
    is and its size first (on a phone the grid shows those), then its number and group, and
    the group's requirement (the same row after row) last."""
    columns = ["Title", "Credits", "GLH", "Number", "Group", "Level", "URN", "Requirement"]
    rules, _ = catalogue.effective_rules(q)
    rows = []
    for group in rules.groups if rules else ():
        for member in group.units:
            unit = catalogue.units.get(member.urn)
            rows.append({
                "Group": group_name(group), "Requirement": group_requirement(group),
                "Number": member.number or "", "URN": member.urn,
                "Title": unit.title if unit else NOT_STATED,
                "Credits": unit.credits if unit else None,
                "GLH": unit.glh if unit else None,
                "Level": unit.level if unit else None,
            })
    return pd.DataFrame(rows, columns=columns).astype(
        {"Credits": "Int64", "GLH": "Int64", "Level": "Int64"})


_DATES = (
    ("operational_start", "Operational start"),
    ("in_use_by", "In use by (the earliest document that shows it)"),
    ("last_entry", "Last entry (last date to register new learners)"),
    ("closed_to_entry_by", "Closed to new entries by (from a later document)"),
    ("last_certification", "Last certification"),
    ("review", "Review date"),
    ("legacy_from", "Called legacy from (the earliest document that does)"),
    ("structure_from", "Structure dated from (the first day its document's date allows)"),
)
# The dates from which something holds (open, shown in use, called legacy, its units known):
# reached on the day itself, as the answers take them and as a launch's row says.
_FIRST_DAYS = {"operational_start", "in_use_by", "legacy_from", "structure_from"}


def dates_table(catalogue: Catalogue, q: Qualification, *, as_at: dt.date) -> pd.DataFrame:
    """The dates that govern who can start and finish, each passed or not on ``as_at``."""
    rows = []
    launched = q.dates.launched
    if launched is not None:  # in the sources' words, with no start date of its own
        rows.append({"Date": "Launched", "Day": launched.when,
                     f"On {uk_date(as_at)}": "not yet reached" if as_at < launched.not_before
                     else "passed",
                     "Note": "The sources give no exact date; not open before "
                             f"{uk_date(launched.not_before)}.",
                     "Source": cite(catalogue, launched.source)})
    in_use = q.dates.in_use
    if in_use is not None:  # no last entry date, but a document describes learners on it
        rows.append({"Date": "Taking learners (inferred)",
                     "Day": f"{uk_date(in_use.from_)} to {uk_date(in_use.until)}",
                     f"On {uk_date(as_at)}": _in_use_on(as_at, in_use.from_, in_use.until),
                     "Note": f"{in_use.said[:1].upper()}{in_use.said[1:]}; open within these "
                             "days as far as the sources show, not known outside them.",
                     "Source": cite(catalogue, in_use.source)})
    for name, label in _DATES:
        fact = getattr(q.dates, name)
        if fact is None:
            if name in ("in_use_by", "closed_to_entry_by", "review", "legacy_from",
                        "structure_from"):
                continue  # only shown where a document gives them
            rows.append({"Date": label, "Day": NOT_STATED, f"On {uk_date(as_at)}": "unknown",
                         "Note": "", "Source": ""})
            continue
        rows.append({
            "Date": label,
            "Day": uk_date(fact.date),
            f"On {uk_date(as_at)}": "passed" if as_at > fact.date or (
                name in _FIRST_DAYS and as_at == fact.date) else "not yet reached",
            "Note": fact.note or "",
            "Source": cite(catalogue, fact.source),
        })
    return pd.DataFrame(rows, columns=["Date", "Day", f"On {uk_date(as_at)}", "Note", "Source"])


def _in_use_on(as_at: dt.date, first: dt.date, last: dt.date) -> str:
    """Where ``as_at`` falls against the days from ``first`` to ``last``, in words that read
    after the column's "On <date>" (not a bare "before" or "after")."""
    if as_at < first:
        return "these dates are still to come"
    if as_at > last:
        return "these dates have passed"
    return "within these dates"


_DESTINATIONS = {"higher-education": "higher education", "employment": "employment"}


def progression_table(catalogue: Catalogue, q: Qualification, *, as_at: dt.date,
                      register: Register | None = None) -> pd.DataFrame:
    """Next steps from a qualification, each marked stated, secondary or inferred, with how a
    qualification it leads to stands on ``as_at`` and, where it is not open, what replaced
    it."""
    on_date = f"On {uk_date(as_at)}"
    rows = []
    for step in catalogue.progressions:
        if step.from_ != q.id:
            continue
        status = ""
        if step.to is not None:
            target = catalogue.qualifications.get(step.to)
            to = qualification_label(target) if target else step.to
            if target is not None:
                status = entry_status_in_brief(check_eligibility(
                    catalogue, target, as_at=as_at, register=register), catalogue)
        else:
            to = _DESTINATIONS.get(step.destination or "", step.destination or "")
        bases = {catalogue.basis(c) for c in step.source}
        basis = ("inferred" if Basis.INFERENCE in bases
                 else "secondary source" if Basis.SECONDARY in bases else "stated")
        rows.append({"To": to, on_date: status, "Basis": basis, "Statement": step.statement,
                     "Source": cite(catalogue, step.source)})
    return pd.DataFrame(rows, columns=["To", on_date, "Basis", "Statement", "Source"])


def comparison_table(catalogue: Catalogue, qualifications: Sequence[Qualification], *,
                     as_at: dt.date, register: Register | None = None) -> pd.DataFrame:
    """Facts side by side: one row per fact, one column per qualification (the status on
    ``as_at`` with the ``register``'s dates too, where one is loaded)."""
    facts: dict[str, list[str]] = defaultdict(list)
    for q in qualifications:
        status = entry_status(check_eligibility(catalogue, q, as_at=as_at, register=register))
        d = q.dates
        values = {
            "Title": q.title,
            "Awarding body": q.awarding_body,
            "Level": str(q.level) if q.level is not None else NOT_STATED,
            "Kind": KIND_WORDS[q.kind],
            "Credits required": _credits_required(catalogue, q),
            "Guided learning hours (GLH)": _glh(catalogue, q)[0],
            "Total qualification time (TQT)": _range(q.tqt),
            "Structure known": STRUCTURE_WORDS[q.structure],  # as the profile words it
            "Units listed": _units_listed(catalogue, q),
            "Last entry": uk_date(d.last_entry.date) if d.last_entry else NOT_STATED,
            "Last certification": uk_date(d.last_certification.date) if d.last_certification
            else NOT_STATED,
            f"On {uk_date(as_at)}": status,
            "Age groups approved": ", ".join(q.ages.approved) if q.ages and q.ages.approved
            else NOT_STATED,
            "Replaced by": _replacements(catalogue, q) or NOT_STATED,
        }
        for fact, value in values.items():
            facts[fact].append(value)
    columns = [q.reference for q in qualifications]
    frame = pd.DataFrame.from_dict(facts, orient="index", columns=columns)
    frame.index.name = "Fact"
    return frame.reset_index()


def partly_listed(catalogue: Catalogue, qualifications: Sequence[Qualification]) -> list[str]:
    """The references of those of ``qualifications`` whose unit lists in the sources (their
    effective rules') give only some of their units: sharing none of those listed does not show
    that no credit carries over."""
    return [q.reference for q in qualifications
            if (rules := catalogue.effective_rules(q)[0]) is not None
            and not rules.listed_in_full]


def shared_units_table(catalogue: Catalogue,
                       qualifications: Sequence[Qualification]) -> pd.DataFrame:
    """Units listed by at least two of ``qualifications``, with each one's unit number there.

    Each lists the units of its effective rules (:meth:`Catalogue.listed_units`, as carry-over
    does): one that follows a national structure lists the structure's units, and its column
    says so. Credit for these carries over between them (same unit reference number).
    """
    listed = [catalogue.listed_units(q) for q in qualifications]
    shared: set[str] = set()
    for i, first in enumerate(listed):
        for second in listed[i + 1:]:
            shared |= first & second
    references = [q.reference for q in qualifications]
    numbers = [rules.unit_numbers if (rules := catalogue.effective_rules(q)[0]) else {}
               for q in qualifications]
    # "S/016/371 (inferred)" for one listing the units of a national structure it follows
    through = [f"{by[0].reference}{' (inferred)' if by[1] else ''}"
               if (by := catalogue.structure_followed(q)) else "" for q in qualifications]
    rows = []
    for urn in sorted(shared):
        unit = catalogue.units.get(urn)
        row: dict[str, Any] = {"URN": urn, "Title": unit.title if unit else NOT_STATED,
                               "Credits": unit.credits if unit else None}
        for reference, known, via in zip(references, numbers, through, strict=True):
            if urn not in known:
                row[reference] = "not listed" if known else "not known: no unit list"
            elif known[urn]:
                row[reference] = f"unit {known[urn]}" + (f" of {via}" if via else "")
            else:
                row[reference] = f"listed by {via}" if via else "listed"
        rows.append(row)
    return pd.DataFrame(rows, columns=["URN", "Title", "Credits", *references]).astype(
        {"Credits": "Int64"})
