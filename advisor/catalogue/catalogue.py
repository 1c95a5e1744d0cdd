"""The validated catalogue: every record, read-only, with its graph and lookups.

A :class:`Catalogue` is made only by the loader (:func:`advisor.catalogue.read_catalogue`), so
every one in use has passed every check. It is shared by every session of the app and never
changed; answers that are worth remembering are remembered per catalogue by the engine.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx

from advisor.catalogue.graph import (
    build_graph,
    qualifications_listing,
    rules_followed,
    structure_not_yet_known,
    units_listed,
)
from advisor.catalogue.models import (
    URN_PATTERN,
    AwardingBody,
    Basis,
    Category,
    Citation,
    Document,
    NamedUnit,
    Qualification,
    RulesOfCombination,
    Unit,
    citation_basis,
)
from advisor.catalogue.pathways import (
    ApprenticeshipStandard,
    Framework,
    JobRole,
    Progression,
    TransferRule,
)


class UnknownReference(LookupError):
    """A qualification or unit that the catalogue does not hold, with the closest matches."""

    def __init__(self, what: str, reference: str, suggestions: tuple[str, ...] = (),
                 why: str | None = None) -> None:
        super().__init__(what, reference, suggestions)
        self.what = what
        self.reference = reference
        self.suggestions = list(suggestions)
        self.why = why  # said instead of "not in the catalogue" where more is known

    def plain(self) -> str:
        """The message without suggestions."""
        return self.why or f"no {self.what} {self.reference!r} in the catalogue"

    def __str__(self) -> str:
        message = self.plain()
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        return message


# eq=False: a catalogue is compared and hashed by identity, so the engine can remember answers
# per catalogue without hashing every record in it.
@dataclass(frozen=True, eq=False)
class Catalogue:
    """Everything the advisor knows, validated and read-only.

    ``graph`` is the networkx graph of the same records (:mod:`advisor.catalogue.graph`):
    qualifications, units, levels, job roles and frameworks, and the edges between them.
    """

    documents: Mapping[str, Document]
    units: Mapping[str, Unit]
    qualifications: Mapping[str, Qualification]
    progressions: tuple[Progression, ...]
    job_roles: Mapping[str, JobRole]
    frameworks: Mapping[str, Framework]
    transfer_rules: tuple[TransferRule, ...]
    awarding_bodies: Mapping[str, AwardingBody]  # by name, as qualifications name them
    graph: nx.MultiDiGraph
    qualification_files: Mapping[str, str]
    data_dir: str

    @classmethod
    def from_records(
        cls,
        *,
        documents: Mapping[str, Document],
        units: Mapping[str, Unit],
        qualifications: Mapping[str, Qualification],
        progressions: Iterable[Progression] = (),
        job_roles: Mapping[str, JobRole] | None = None,
        frameworks: Mapping[str, Framework] | None = None,
        transfer_rules: Iterable[TransferRule] = (),
        awarding_bodies: Mapping[str, AwardingBody] | None = None,
        qualification_files: Mapping[str, str] | None = None,
        data_dir: str = "",
    ) -> Catalogue:
        """A catalogue of records that have passed every check, with its frozen graph. The
        loader makes every catalogue this way; tests make small ones from records."""
        progressions, transfer_rules = tuple(progressions), tuple(transfer_rules)
        job_roles, frameworks = job_roles or {}, frameworks or {}
        graph = build_graph(documents=documents, units=units, qualifications=qualifications,
                            progressions=progressions, job_roles=job_roles,
                            frameworks=frameworks)
        return cls(
            documents=MappingProxyType(dict(documents)),
            units=MappingProxyType(dict(units)),
            qualifications=MappingProxyType(dict(qualifications)),
            progressions=progressions,
            job_roles=MappingProxyType(dict(job_roles)),
            frameworks=MappingProxyType(dict(frameworks)),
            transfer_rules=transfer_rules,
            awarding_bodies=MappingProxyType(dict(awarding_bodies or {})),
            graph=nx.freeze(graph),
            qualification_files=MappingProxyType(dict(qualification_files or {})),
            data_dir=data_dir,
        )

    def basis(self, citation: Citation) -> Basis:
        """How firmly the cited fact is known: stated, secondary or an inference."""
        return citation_basis(citation, self.documents)

    def find_qualification(self, reference: str) -> Qualification:
        """A qualification by id, scheme code, regulator number or structure reference."""
        found = self._by_reference.get(normalise_reference(reference))
        if found is not None:
            return found
        labels: dict[str, str] = {}
        for q in self.qualifications.values():
            for name in (q.id, q.code, q.regulator_number, q.structure_reference, q.short_name):
                if name:  # an id is matched, but offered as the reference people use
                    labels[name.upper()] = q.reference if name == q.id else name
            labels[q.title.upper()] = q.reference
        standard = self._standard_named(reference)
        if standard is not None:  # a name heard today: what the documents hold of it
            framework, named = standard
            then = [self.qualifications[i].reference for i in framework.qualifications
                    if i in self.qualifications]
            raise UnknownReference(
                "qualification", reference,
                why=f"{named.name} is an apprenticeship standard, not a "
                    "qualification in these documents: it later took the place (the sources "
                    "do not say when) of the "
                    f"{framework.title} (Level {framework.level}"
                    + (f", framework {framework.reference}" if framework.reference else "")
                    + "), whose qualifications are " + " and ".join(then))
        raise UnknownReference("qualification", reference, closest(reference, labels))

    def qualifications_titled(self, text: str) -> tuple[Qualification, ...]:
        """The qualifications whose title ``text`` is (case, punctuation and spacing aside),
        with or without the awarding body's name before it ("OCR") or a note in brackets
        after it ("(national structure S/016/608)"), in order of their references: none, one,
        or several that share a title."""
        wanted = _title_words(text)
        if not wanted:
            return ()
        return tuple(sorted((q for q in self.qualifications.values()
                             if wanted in _title_forms(q.title)), key=lambda q: q.reference))

    def _standard_named(self, reference: str) -> tuple[Framework, ApprenticeshipStandard] | None:
        """The apprenticeship standard ``reference`` names (by its reference or title, case and
        spacing aside), with the framework whose place it took."""
        wanted = normalise_reference(reference)
        for framework in self.frameworks.values():
            named = framework.succeeded_by
            if named is not None and wanted in {normalise_reference(named.reference),
                                                normalise_reference(named.title)}:
                return framework, named
        return None

    def find_unit(self, reference: str, *, within: Qualification | None = None,
                  asked_for: Qualification | None = None) -> Unit:
        """A unit by URN, or by its number within ``within`` (``F3`` in 03456); spaces do not
        matter (``CS7`` is ``CS 7``, ``F 4`` is ``F4``). ``asked_for``: the qualification the
        person named, where ``within`` is the national structure it follows (for the message
        when the unit is not found)."""
        wanted = _compact(reference)
        if wanted in self.units:
            return self.units[wanted]
        numbered = self._numbered_units(within) if within is not None else {}
        if wanted in numbered:
            return self.units[numbered[wanted]]
        asked = asked_for or within
        labels = {urn: urn for urn in self.units}
        numbers: dict[str, str] = {}  # {number: its label}, for a unit a document names
        if within is not None and within.rules is not None:
            for group in within.rules.groups:
                for member in group.units:
                    if member.number:
                        numbers[member.number.upper()] = f"{member.number} ({member.urn})"
            labels |= {n: label for n, label in numbers.items()
                       if _same_shape(wanted, _compact(n))}
            slip = _without_look_alikes(wanted)
            if slip in numbered:  # "Dl" for D1: a letter read as a digit
                labels = {slip: numbers.get(slip, f"{slip} ({numbered[slip]})"), **labels}
        for urn, unit in self.units.items():
            labels[unit.title.upper()] = urn
        document_named = self.named_unit(asked, reference) if asked is not None else None
        # The unit reference number its title suggests, if a document names it so.
        probably = document_named.possible_urn if document_named is not None else None
        raise UnknownReference(
            "unit", reference, (next((label for label in numbers.values()
                                      if label.endswith(f"({probably})")), probably),)
            if probably else closest(reference, labels),
            why=self._unit_number_elsewhere(reference, within, asked_for, document_named))

    def named_unit(self, qualification: Qualification, reference: str) -> NamedUnit | None:
        """The unit a document names by its number within ``qualification``, whose unit list
        the sources do not give (``3`` or ``Unit 3`` of 10380), else None."""
        wanted = _compact(reference).removeprefix("UNIT")
        return next((n for n in qualification.named_units if _compact(n.number) == wanted), None)

    def _unit_number_elsewhere(self, reference: str, within: Qualification | None,
                               asked_for: Qualification | None,
                               document_named: NamedUnit | None) -> str | None:
        """Why ``reference`` is not a unit where it is the number a document gives a unit of
        the qualification asked for (whose unit list the sources do not give), where that
        qualification lists no unit numbers at all, or where it is the number of a unit in
        another qualification (``C6`` of 03456 given for 09629); None otherwise.
        ``document_named``: the unit it names so (:meth:`named_unit`), if any."""
        wanted = _compact(reference)
        named = asked_for or within
        reference = reference[:40]  # quoted in the message: a link or a cell may hold anything
        if named is not None and document_named is not None:
            probably = (f"; the sources suggest, by its title, that it is "
                        f"{document_named.possible_urn}" if document_named.possible_urn else "")
            return (f"{reference!r} is the awarding body's number for {named.reference}'s unit "
                    f"{document_named.title!r}, not a unit reference number{probably}: give "
                    "the unit reference number")
        rules = self.effective_rules(named)[0] if named is not None else None
        if named is not None and URN_PATTERN.match(wanted):  # no unit in these documents
            return (f"no unit {reference!r} in these documents, and " + (
                f"the sources do not list the units of {named.reference}, so whether it is one "
                "of them is not known" if rules is None else
                f"the sources list only some of {named.reference}'s units, so it may be one of "
                "the others: leave it out here, and ask the centre or the awarding body")
                if rules is None or not rules.listed_in_full else None)
        elsewhere = self.numbered_elsewhere(reference, besides=(within, named))
        in_others = "; ".join(f"in {q.reference} it is {urn}" for q, urn in elsewhere[:3])
        if named is not None and rules is None:
            return (f"{reference!r} is not a unit reference number, and the sources do not "
                    f"list the units of {named.reference}, so its unit numbers are not known"
                    + (f" ({in_others})" if in_others else ""))
        if not elsewhere:  # a unit number is read within the qualification asked about,
            # where the sources give all its own units (not 10379's, borrowed and partial)
            return (f"no unit {reference!r} in {named.reference}"
                    if named is not None and "/" not in reference and named.rules is not None
                    and named.rules.listed_in_full else None)
        where = (f"{reference!r} is not a unit number of {named.reference}" if named
                 is not None else f"{reference!r} is a unit number, and unit numbers are read "
                 "within one qualification")
        return f"{where} ({in_others}): give the unit reference number"

    def numbered_elsewhere(self, reference: str, *, besides: Iterable[Qualification | None] = ()
                           ) -> list[tuple[Qualification, str]]:
        """Each qualification (national structures among them, none of ``besides``) whose own
        rules give a unit the number or code ``reference`` (``CS 7`` of S/016/608), with that
        unit's URN: where a unit number typed for one qualification is another's."""
        wanted = _compact(reference)
        skipped = [q for q in besides if q is not None]
        return [(q, urn) for q in self.qualifications.values() if q not in skipped
                for number, urn in self._numbered_units(q).items() if number == wanted]

    def _numbered_units(self, qualification: Qualification) -> dict[str, str]:
        """``{number or code: URN}`` for the units a qualification's own rules list."""
        found: dict[str, str] = {}
        if qualification.rules is not None:
            for group in qualification.rules.groups:
                for member in group.units:
                    for label in (member.number, member.code):
                        if label and _compact(label) not in found:
                            found[_compact(label)] = member.urn
        return found

    def effective_rules(
        self, qualification: Qualification, *, as_at: dt.date | None = None
    ) -> tuple[RulesOfCombination | None, Qualification | None]:
        """The rules to check a qualification against, and the structure they come from.

        A qualification whose own unit list is not in the sources may be inferred to follow a
        national structure; its rules are then the structure's, and the second value names the
        structure so that every answer can say so. With ``as_at``, as on that date: before the
        structure's own date (:meth:`structure_not_yet_known`) its rules are not known.
        """
        return rules_followed(qualification, self.qualifications, as_at)

    def structure_not_yet_known(self, qualification: Qualification,
                                as_at: dt.date | None) -> Qualification | None:
        """The national structure whose rules a qualification borrows where, on ``as_at``, the
        structure is not known yet (before its ``dates.structure_from``); else None."""
        return structure_not_yet_known(qualification, self.qualifications, as_at)

    def structure_followed(self, qualification: Qualification
                           ) -> tuple[Qualification, bool] | None:
        """For a qualification whose rules are a national structure's (no unit list of its own
        in the sources): the structure, and whether its following it is only an inference.
        None when it has rules of its own, or none."""
        _, structure = self.effective_rules(qualification)
        if structure is None or qualification.based_on is None:
            return None
        return structure, any(self.basis(c) is Basis.INFERENCE
                              for c in qualification.based_on.source)

    def listed_units(self, qualification: Qualification) -> frozenset[str]:
        """The URNs of the units a qualification lists by its :meth:`effective_rules`: the one
        answer to "which units does it list" for shared units, unit searches and carry-over."""
        return frozenset(units_listed(self.graph, qualification.id))

    @functools.cached_property
    def levels_offered(self) -> tuple[int, ...]:
        """The levels at which some qualification learners enrol on (not a national
        structure) is known, lowest first: the levels a route or a link may aim for."""
        return tuple(sorted({q.level for q in self.qualifications.values()
                             if q.level is not None and q.category is Category.QUALIFICATION}))

    def qualifications_listing(self, urn: str) -> list[Qualification]:
        """The qualifications (national structures included) that list a unit by their
        :meth:`effective_rules`, by id."""
        return [self.qualifications[i] for i in qualifications_listing(self.graph, urn)
                if i in self.qualifications]

    @functools.cached_property
    def _by_reference(self) -> dict[str, Qualification]:
        """Every name a qualification answers to (id, code, regulator number, structure
        reference), normalised; the first qualification in catalogue order wins."""
        index: dict[str, Qualification] = {}
        for q in self.qualifications.values():
            for name in (q.id, q.code, q.regulator_number, q.structure_reference, q.short_name):
                if name is not None:
                    index.setdefault(normalise_reference(name), q)
        return index


def closest(reference: str, labels: Mapping[str, str]) -> tuple[str, ...]:
    """Up to three suggestions for a mistyped reference, from ``{LABEL: suggestion}``."""
    matches = difflib.get_close_matches(reference.strip().upper(), list(labels), n=3, cutoff=0.5)
    return tuple(dict.fromkeys(labels[m] for m in matches))


# A regulator number whose slashes were lost or changed, as copied from a certificate or a PDF
# ("600 0840 4", "600-0840-4"): no other reference has its three, four and one characters.
_REGULATOR_NUMBER = re.compile(r"(\d{3})[/.\-]?(\d{4})[/.\-]?([\dX])")


def _title_words(text: str) -> str:
    """A title as compared: its words, in lower case."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def _title_forms(title: str) -> set[str]:
    """The ways a title may be given: in full, without the awarding body's initials first
    ("OCR ", "OCNLR ") or without a note in brackets at its end."""
    bare = re.sub(r"\s*\([^()]*\)$", "", title)
    forms = {title, bare}
    forms |= {re.sub(r"^[A-Z]{2,}\s+", "", form) for form in forms}
    return {_title_words(form) for form in forms}


def normalise_reference(text: str) -> str:
    """A qualification reference compared without case or spaces, a regulator number with
    its slashes whatever stood between its parts."""
    compact = re.sub(r"\s+", "", text).upper()
    parts = _REGULATOR_NUMBER.fullmatch(compact)
    return "/".join(parts.groups()) if parts else compact


def _same_shape(typed: str, number: str) -> bool:
    """Whether a unit number is worth suggesting for what was typed: both start with the same
    letters (``A1`` for ``A18``, not ``F3`` for 09628's ``3`` nor ``CS17`` for ``C7``), so that
    a slip is suggested, not another scheme's number."""
    return _letters(typed) == _letters(number)


def _letters(reference: str) -> str:
    return re.match(r"[A-Z&]*", reference).group()  # type: ignore[union-attr]  # always matches


def _without_look_alikes(reference: str) -> str:
    """``reference`` with a lower-case L, an I or an O after its first character read as the
    digit it looks like (``DL`` as ``D1``), where it has no digit of its own."""
    if not reference[:1].isalpha() or any(c.isdigit() for c in reference):
        return reference
    return reference[:1] + reference[1:].translate(str.maketrans("LIO", "110"))


def _compact(reference: str) -> str:
    """A unit reference as it is looked up: upper case, without spaces."""
    return re.sub(r"\s+", "", reference).upper()
