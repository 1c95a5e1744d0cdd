"""The register beside the catalogue: its facts as the engine's records, with their source.

A qualification the catalogue holds and the register lists (by regulator number) gets the
register's dates where the documents give none, and the register's where the two differ (the
register is the regulator's current record); a qualification only the register lists becomes
a :class:`Qualification` with what the register gives and nothing else (no ages, entry
requirements, units or rules). Every fact taken from the register cites it: the import's file
and date, and the qualification's number.
"""

from __future__ import annotations

import datetime as dt

from advisor.catalogue import (
    Catalogue,
    Category,
    Citation,
    DateFact,
    Dates,
    Kind,
    Qualification,
    RangeFact,
    Structure,
    UnknownReference,
)
from advisor.engine.wording import uk_date
from advisor.register import ENTRY, Register, RegisterEntry, normalise_number

ID_PREFIX = "register-"


def register_citation(register: Register, entry: RegisterEntry) -> Citation:
    """``Ofqual register, full data set file X, imported DATE § qualification N``."""
    return Citation(doc=register.source_label, section=f"qualification {entry.number}")


def from_register(q: Qualification) -> bool:
    """Whether ``q`` is known only from the register (made by :func:`register_qualification`)."""
    return q.id.startswith(ID_PREFIX)


def register_qualification(register: Register, entry: RegisterEntry) -> Qualification:
    """A register-only qualification as the engine's record: number, title, awarding
    organisation, level, credits, hours and dates, each citing the register."""
    cite = (register_citation(register, entry),)
    hours = None
    if entry.glh is not None or entry.min_glh is not None:
        low = entry.min_glh if entry.min_glh is not None else entry.glh
        high = entry.max_glh if entry.max_glh is not None else entry.glh
        hours = RangeFact(min=low or 0, max=high if high != low else None, source=cite)
    return Qualification(
        id=ID_PREFIX + normalise_number(entry.number).lower(),
        awarding_body=entry.org_name or entry.org_acronym or "not given in the register",
        regulator_number=entry.number,
        title=entry.title or f"Qualification {entry.number}",
        level=entry.level if entry.level not in (None, ENTRY) else None,
        kind=Kind.UNKNOWN,
        credits_required=entry.total_credits,
        glh=hours,
        tqt=RangeFact(min=entry.tqt, source=cite) if entry.tqt is not None else None,
        structure=Structure.UNKNOWN,
        structure_note=("Known from the Ofqual register only: its units and rules of "
                        "combination are not known."),
        dates=_register_dates(entry, cite),
        source=cite,
    )


def _register_dates(entry: RegisterEntry, cite: tuple[Citation, ...]) -> Dates:
    def fact(day: dt.date | None) -> DateFact | None:
        return DateFact(date=day, source=cite) if day is not None else None

    return Dates(operational_start=fact(entry.operational_start),
                 last_entry=fact(entry.operational_end),
                 last_certification=fact(entry.certification_end))


def find_qualification(catalogue: Catalogue, reference: str, *,
                       register: Register | None = None) -> Qualification:
    """A qualification by any name the catalogue knows, else (with a register) by its
    regulator number in the register; :class:`UnknownReference` when neither has it."""
    try:
        return catalogue.find_qualification(reference)
    except UnknownReference:
        if register is not None:
            entry = register.get(reference)
            if entry is not None:
                return register_qualification(register, entry)
        raise


def register_entry(q: Qualification, register: Register | None) -> RegisterEntry | None:
    """The register's record of ``q``, by its regulator number."""
    if register is None or q.regulator_number is None or q.category is not Category.QUALIFICATION:
        return None
    return register.get(q.regulator_number)


def dates_on_record(q: Qualification, register: Register | None) -> Dates:
    """``q``'s dates, with the register's where a register is given and lists ``q`` (see
    :func:`merged_dates`): the dates every answer about ``q`` should work from."""
    entry = register_entry(q, register)
    if register is None or entry is None:
        return q.dates
    return merged_dates(q, register, entry)[0]


# (field of Dates, the register's name for it, the documents' name for it)
_DATE_FIELDS = (("operational_start", "operational start date", "operational start date"),
                ("last_entry", "operational end date", "last entry date"),
                ("last_certification", "certification end date", "last certification date"))


def merged_dates(q: Qualification, register: Register,
                 entry: RegisterEntry) -> tuple[Dates, list[tuple[str, tuple[Citation, ...]]]]:
    """``q``'s dates with the register's: the register's where the documents give none or a
    different one. Also, for each date that differs, a sentence saying so and its sources."""
    cite = register_citation(register, entry)
    registered = _register_dates(entry, (cite,))
    update: dict[str, DateFact] = {}
    differences: list[tuple[str, tuple[Citation, ...]]] = []
    for name, register_words, document_words in _DATE_FIELDS:
        theirs: DateFact | None = getattr(registered, name)
        ours: DateFact | None = getattr(q.dates, name)
        if theirs is None:
            continue
        if ours is None:
            update[name] = theirs
        elif ours.date == theirs.date:
            update[name] = DateFact(date=ours.date, note=ours.note,
                                    source=(*ours.source, cite))
        else:
            update[name] = theirs
            differences.append((
                f"The documents give the {document_words} as {uk_date(ours.date)}; the Ofqual "
                f"register gives {uk_date(theirs.date)} as its {register_words}. The register, "
                "the regulator's current record, is used.", (*ours.source, cite)))
    return q.dates.model_copy(update=update), differences


def register_summary(entry: RegisterEntry) -> str:
    """The register's status and dates in one sentence."""
    parts = [f"The Ofqual register lists {entry.number}"]
    if entry.status:
        read = (f" (its status when the register was read, on {uk_date(entry.status_as_of)}, "
                "not since when)" if entry.status_as_of is not None else "")
        parts.append(f"as '{entry.status}'{read}")
    dates = []
    for label, day in (("operational start", entry.operational_start),
                       ("operational end", entry.operational_end),
                       ("certification end", entry.certification_end)):
        if day is not None:
            dates.append(f"{label} {uk_date(day)}")
    text = " ".join(parts)
    if dates:
        text += ", with " + ", ".join(dates)
    else:
        text += ", with no dates"
    return text + "."


REGISTER_SUBJECT = "customer service"
"""The catalogue's subject: register qualifications whose titles hold these words are offered
beside the catalogue's own."""


def register_qualifications_at(catalogue: Catalogue, register: Register, level: int,
                               as_at: dt.date, *, subject: str = REGISTER_SUBJECT,
                               limit: int = 50) -> list[Qualification]:
    """The register's qualifications at ``level`` in the catalogue's subject (titles holding
    every word of ``subject``), open on ``as_at``, that the catalogue does not hold itself."""
    known = {normalise_number(q.regulator_number) for q in catalogue.qualifications.values()
             if q.regulator_number}
    return [register_qualification(register, entry)
            for entry in register.search(subject, level=level, open_on=as_at, limit=limit)
            if normalise_number(entry.number) not in known]
