"""Checks across catalogue files: references that must resolve, facts that must agree.

Each check adds what it finds to a :class:`Collector`, which the loader turns into one
:class:`~advisor.catalogue.problems.CatalogueError` listing every problem. A reference to an
id or URN that a broken file seems to declare is not reported again: that file's own problem
is the one to fix.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

import networkx as nx

from advisor.catalogue.catalogue import normalise_reference
from advisor.catalogue.document_texts import DocumentTexts
from advisor.catalogue.models import (
    AgeBands,
    AwardingBody,
    AwardingBodyFile,
    Category,
    Document,
    Qualification,
    RulesOfCombination,
    SourcesFile,
    Structure,
    Unit,
    UnitBank,
)
from advisor.catalogue.pathways import (
    Framework,
    FrameworkFile,
    JobRole,
    JobRoleFile,
    Progression,
    ProgressionFile,
    TransferRule,
    TransferRuleFile,
)
from advisor.catalogue.problems import Problem
from advisor.catalogue.reading import FileRead, ParsedFile
from advisor.catalogue.yaml_source import KeyPath, LocatedDocument

ProblemAt = Callable[[KeyPath, str], None]
"""Reports a problem at a key path of the file being checked."""


class Collector:
    """Gathers problems, and what files that failed seem to declare."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.problems: list[Problem] = []
        self.broken_ids: set[str] = set()
        self.broken_urns: set[str] = set()

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.data_dir.parent))
        except ValueError:
            return str(path)

    def add(self, file: str, doc: LocatedDocument | None, path: KeyPath, message: str) -> None:
        line = doc.line_of(path) if doc is not None else None
        self.problems.append(Problem(file, line, path, message))

    def names_qualification(self, parsed: ParsedFile, path: KeyPath, reference: str,
                            qualifications: Mapping[str, Any]) -> bool:
        """Whether ``reference`` is a qualification id; if not, the problem is added at
        ``path``, unless a file that failed to load seems to declare that id (its own problem is
        the one to fix)."""
        if reference in qualifications:
            return True
        if reference not in self.broken_ids:
            self.add(parsed.file, parsed.doc, path,
                     _unknown_qualification(reference, qualifications))
        return False

    def take(self, read: FileRead) -> ParsedFile | None:
        self.problems.extend(read.problems)
        self.broken_ids |= read.broken_ids
        self.broken_urns |= read.broken_urns
        return read.parsed


def problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line or 0, problem.message)


def check_documents(c: Collector, parsed: ParsedFile | None) -> dict[str, Document] | None:
    if parsed is None:
        return None
    documents: dict[str, Document] = {}
    for index, document in enumerate(cast(SourcesFile, parsed.model).documents):
        if document.file in documents:
            c.add(parsed.file, parsed.doc, ("documents", index, "file"),
                  f"document {document.file!r} is listed twice")
        documents[document.file] = document
    return documents


def check_document_texts(c: Collector, parsed: ParsedFile,
                         folders: tuple[Path, ...]) -> DocumentTexts:
    """The texts of the documents ``parsed`` (``sources.yaml``) lists, each read from the
    first of ``folders`` that has it; a folder that is not one, and a document in none of
    them, are problems."""
    listed = cast(SourcesFile, parsed.model).documents
    for folder in folders:
        if not folder.is_dir():
            c.add(str(folder), None, (), "is not a folder of source documents")
    texts = DocumentTexts.read(folders, [document.file for document in listed])
    where = " or ".join(str(folder) for folder in folders)
    for index, document in enumerate(listed):
        if texts.missing(document.file):
            c.add(parsed.file, parsed.doc, ("documents", index, "file"),
                  f"document {document.file!r} is not in {where}")
    return texts


def check_units(c: Collector, files: list[ParsedFile]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    where: dict[str, tuple[ParsedFile, KeyPath]] = {}
    for parsed in files:
        for index, unit in enumerate(cast(UnitBank, parsed.model).units):
            path = ("units", index, "urn")
            if unit.urn in units:
                first = units[unit.urn]
                first_parsed, first_path = where[unit.urn]
                first_file, first_line = first_parsed.file, first_parsed.doc.line_of(first_path)
                differences = [
                    f"{name} {getattr(unit, name)!r} here but {getattr(first, name)!r}"
                    for name in ("title", "credits", "level")
                    if _differs(getattr(unit, name), getattr(first, name))
                ]
                at = f"{first_file}:{first_line}"
                if differences:
                    c.add(parsed.file, parsed.doc, path,
                          f"unit {unit.urn} is recorded with different facts: "
                          + "; ".join(differences) + f" at {at}")
                else:
                    c.add(parsed.file, parsed.doc, path,
                          f"unit {unit.urn} is recorded twice (also at {at}); keep one record "
                          "and list both sources under it")
                continue
            units[unit.urn] = unit
            where[unit.urn] = (parsed, path)
    return units


def _differs(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() != " ".join(b.split()).casefold()
    return a != b


def check_qualifications(
    c: Collector, files: list[ParsedFile], units: dict[str, Unit]
) -> dict[str, tuple[Qualification, ParsedFile]]:
    found: dict[str, tuple[Qualification, ParsedFile]] = {}
    names: dict[str, str] = {}
    for parsed in files:
        q = cast(Qualification, parsed.model)
        if q.id in found:
            c.add(parsed.file, parsed.doc, ("id",),
                  f"qualification id {q.id!r} is already used by {found[q.id][1].file}")
            continue
        found[q.id] = (q, parsed)
        for key in ("code", "regulator_number", "structure_reference", "short_name"):
            value = getattr(q, key)
            if value is None:
                continue
            label = normalise_reference(value)
            if label in names and names[label] != q.id:
                c.add(parsed.file, parsed.doc, (key,),
                      f"{value!r} already names qualification {names[label]!r}")
            names[label] = q.id

    for q, parsed in found.values():
        _check_one_qualification(c, q, parsed, units, found)
    _check_for_people_in_work(c, found)
    return found


def _check_for_people_in_work(c: Collector,
                              found: dict[str, tuple[Qualification, ParsedFile]]) -> None:
    """``for_people_in_work`` marks one Level 2 qualification, and rests on its
    ``suitable_for`` statement."""
    marked: tuple[Qualification, ParsedFile] | None = None
    for q, parsed in sorted(found.values(), key=lambda item: item[1].file):
        if not q.for_people_in_work:
            continue
        path: KeyPath = ("for_people_in_work",)
        if q.level != 2:
            c.add(parsed.file, parsed.doc, path,
                  "for_people_in_work marks the Level 2 qualification for people in work, "
                  "but this one is at "
                  + (f"Level {q.level}" if q.level is not None else "no stated level"))
        elif q.suitable_for is None:
            c.add(parsed.file, parsed.doc, path,
                  "for_people_in_work needs a suitable_for statement saying who the "
                  "qualification is written for")
        elif marked is not None:
            first_q, first = marked
            c.add(parsed.file, parsed.doc, path,
                  f"for_people_in_work is also set on {first_q.id!r} "
                  f"({first.file}:{first.doc.line_of(path)}); only one Level 2 qualification "
                  "can be marked")
        else:
            marked = (q, parsed)


def _check_one_qualification(
    c: Collector,
    q: Qualification,
    parsed: ParsedFile,
    units: dict[str, Unit],
    every: dict[str, tuple[Qualification, ParsedFile]],
) -> None:
    def problem(path: KeyPath, message: str) -> None:
        c.add(parsed.file, parsed.doc, path, message)

    if q.structure is Structure.COMPLETE and q.rules is None:
        problem(("structure",), "structure is 'complete' but no rules of combination are given")
    if q.structure is Structure.UNKNOWN and q.rules is not None:
        problem(("structure",), "structure is 'unknown' but rules of combination are given")
    if q.rules is not None:
        if q.credits_required is not None and q.credits_required != q.rules.credits_required:
            problem(("credits_required",),
                    f"credits_required is {q.credits_required} but the rules of combination "
                    f"require {q.rules.credits_required}")
        _check_rules(q.rules, units, problem, complete=q.structure is Structure.COMPLETE,
                     broken_urns=c.broken_urns)

    for index, named in enumerate(q.named_units):
        if named.possible_urn is not None and named.possible_urn not in units and (
            named.possible_urn not in c.broken_urns
        ):
            problem(("named_units", index, "possible_urn"),
                    f"unit {named.possible_urn} is not in any unit bank")
    structure = q.based_on.structure if q.based_on is not None else None
    if structure is not None and c.names_qualification(
            parsed, ("based_on", "structure"), structure, every) and (
            every[structure][0].category is not Category.NATIONAL_STRUCTURE):
        problem(("based_on", "structure"), f"{structure!r} is not a national structure")
    for index, replacement in enumerate(q.replaced_by):
        path = ("replaced_by", index, "by")
        if c.names_qualification(parsed, path, replacement.by, every) and (
                replacement.by == q.id):
            problem(path, "a qualification cannot replace itself")
    said_ages: list[tuple[KeyPath, AgeBands | None]] = [(("ages",), q.ages)]
    said_ages += [(("offered_as", index, "ages"), offered.ages)
                  for index, offered in enumerate(q.offered_as)]
    for ages_path, ages in said_ages:
        if ages is not None:
            _check_ages(ages, ages_path, problem)
    _check_dates(q, problem)


def _check_ages(ages: AgeBands, path: KeyPath, problem: ProblemAt) -> None:
    """No age band both approved and not, and no caution about a band neither names."""
    for band in sorted(set(ages.approved) & set(ages.not_approved)):
        problem(path, f"age band {band!r} is both approved and not approved")
    stated = set(ages.approved) | set(ages.not_approved)
    for c_index, caution in enumerate(ages.cautions):
        for b_index, band in enumerate(caution.applies_to):
            if band not in stated:
                problem((*path, "cautions", c_index, "applies_to", b_index),
                        f"the caution applies to age band {band!r}, which neither "
                        "approved nor not_approved names")


def _check_rules(rules: RulesOfCombination, units: dict[str, Unit], problem: ProblemAt,
                 *, complete: bool, broken_urns: set[str]) -> None:
    group_ids: set[str] = set()
    in_group: dict[str, str] = {}  # URN -> the group that lists it first
    numbered: dict[str, str] = {}  # unit number -> the URN it names first
    for g_index, group in enumerate(rules.groups):
        base: KeyPath = ("rules", "groups", g_index)
        if group.id in group_ids:
            problem((*base, "id"), f"group id {group.id!r} is used twice")
        group_ids.add(group.id)
        for u_index, member in enumerate(group.units):
            first = in_group.setdefault(member.urn, group.id)
            if first != group.id:  # a unit counts towards one group: which, is the question
                problem((*base, "units", u_index, "urn"),
                        f"unit {member.urn} is in group {first} too: list it in one group")
            if member.number:
                named = numbered.setdefault(member.number.casefold(), member.urn)
                if named != member.urn:  # "A3" would tick either
                    problem((*base, "units", u_index, "number"),
                            f"unit number {member.number!r} is also {named}'s: give each unit "
                            "its own")
        seen: set[str] = set()
        total = 0
        credits_known = True
        for u_index, member in enumerate(group.units):
            path = (*base, "units", u_index, "urn")
            if member.urn in seen:
                problem(path, f"unit {member.urn} is listed twice in group {group.id}")
                continue
            seen.add(member.urn)
            unit = units.get(member.urn)
            if unit is None:
                if member.urn not in broken_urns:
                    problem(path, f"unit {member.urn} is not in any unit bank (the units/ "
                            "folder)")
                credits_known = False
                continue
            if unit.credits is None:
                credits_known = False
                if complete:
                    problem(path, f"unit {member.urn} has no credit value, so this group "
                                  "cannot be checked")
            else:
                total += unit.credits
        if not group.units_complete or not credits_known:
            continue
        if group.mandatory and group.min_credits is not None and group.min_credits != total:
            problem((*base, "min_credits"),
                    f"group {group.id} is mandatory and states {group.min_credits} credits, "
                    f"but its units add up to {total}")
        elif group.min_credits is not None and group.min_credits > total:
            problem((*base, "min_credits"),
                    f"group {group.id} needs at least {group.min_credits} credits but its "
                    f"units give at most {total}")
        if group.min_units is not None and group.min_units > len(group.units):
            problem((*base, "min_units"),
                    f"group {group.id} needs at least {group.min_units} units but lists "
                    f"{len(group.units)}")
        if (group.max_credits is not None and group.min_credits is not None
                and group.max_credits < group.min_credits):
            problem((*base, "max_credits"),
                    f"group {group.id}'s maximum ({group.max_credits}) is below its minimum "
                    f"({group.min_credits})")
    for r_index, rule in enumerate(rules.credit_rules):
        for name in rule.groups or ():
            if name not in group_ids:
                problem(("rules", "credit_rules", r_index, "groups"),
                        f"credit rule {rule.id!r} names group {name!r}, which this "
                        f"qualification does not have (groups: {', '.join(sorted(group_ids))})")


def _check_dates(q: Qualification, problem: ProblemAt) -> None:
    order = [
        ("operational_start", "last_entry"),
        ("operational_start", "closed_to_entry_by"),
        ("last_entry", "last_certification"),
        ("operational_start", "last_certification"),
        ("in_use_by", "last_entry"),
    ]
    if q.dates.launched is not None and q.dates.operational_start is not None:
        problem(("dates", "launched"),
                "give an operational start or a launch, not both: a launch is for a "
                "qualification whose sources give no start date")
    in_use = q.dates.in_use
    if in_use is not None:
        opened = (q.dates.operational_start.date if q.dates.operational_start is not None else
                  q.dates.launched.not_before if q.dates.launched is not None else None)
        if q.dates.last_entry is not None or q.dates.closed_to_entry_by is not None:
            problem(("dates", "in_use"),
                    "give a last entry date or an in_use, not both: in_use is for a "
                    "qualification whose sources give no last entry date")
        elif opened is None:
            problem(("dates", "in_use"),
                    "in_use needs an operational start or a launch: the days it covers begin "
                    "after it")
        elif in_use.from_ < opened:
            problem(("dates", "in_use", "from"),
                    f"in use from {in_use.from_.isoformat()}, before it opened "
                    f"({opened.isoformat()})")
        elif in_use.until < in_use.from_:
            problem(("dates", "in_use", "until"),
                    f"in use until {in_use.until.isoformat()}, before its first day "
                    f"({in_use.from_.isoformat()})")
    if q.dates.structure_from is not None and q.category is not Category.NATIONAL_STRUCTURE:
        problem(("dates", "structure_from"),
                "structure_from is for a national structure (the first day its document's "
                "date allows); a qualification's own dates say when it opened")
    if q.dates.in_use_by is not None and q.dates.last_entry is None:
        problem(("dates", "in_use_by"),
                "in_use_by is for a qualification with a last entry date and no start: "
                "without a last entry date, give an in_use period")
    elif q.dates.in_use_by is not None and (q.dates.operational_start is not None
                                            or q.dates.launched is not None):
        problem(("dates", "in_use_by"),
                "in_use_by is for a qualification with a last entry date and no start: "
                "beside an operational start or a launch it says nothing, so leave it out")
    for earlier, later in order:
        first = getattr(q.dates, earlier)
        second = getattr(q.dates, later)
        if first is not None and second is not None and first.date > second.date:
            problem(("dates", later, "date"),
                    f"{later.replace('_', ' ')} ({second.date.isoformat()}) is before "
                    f"{earlier.replace('_', ' ')} ({first.date.isoformat()})")


def _unknown_qualification(reference: str, every: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(reference, list(every), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"no qualification with id {reference!r}{hint}"


def check_progressions(c: Collector, parsed: ParsedFile | None,
                        qualifications: Mapping[str, Any]) -> tuple[Progression, ...]:
    if parsed is None:
        return ()
    model = cast(ProgressionFile, parsed.model)
    edges: dict[str, list[str]] = defaultdict(list)
    stated: set[tuple[str, str | None, str | None]] = set()
    for index, step in enumerate(model.progressions):
        base: KeyPath = ("progressions", index)
        said = (step.from_, step.to, step.destination)
        if said in stated:  # it would be offered twice as a next step
            c.add(parsed.file, parsed.doc, base,
                  f"the progression from {step.from_} to {step.to or step.destination} is "
                  "stated twice: keep one, with all its sources")
        stated.add(said)
        c.names_qualification(parsed, (*base, "from"), step.from_, qualifications)
        if (step.to is None) == (step.destination is None):
            c.add(parsed.file, parsed.doc, base,
                  "give exactly one of 'to' (a qualification) or 'destination'")
        if step.to is not None and c.names_qualification(parsed, (*base, "to"), step.to,
                                                         qualifications):
            if step.to == step.from_:
                c.add(parsed.file, parsed.doc, (*base, "to"),
                      "a qualification cannot progress to itself")
            else:
                edges[step.from_].append(step.to)
    cycle = _find_cycle(edges)
    if cycle:
        index = next(i for i, s in enumerate(model.progressions)
                     if s.from_ == cycle[0] and s.to == cycle[1])
        c.add(parsed.file, parsed.doc, ("progressions", index),
              "progression goes round in a circle: " + " -> ".join(cycle))
    return model.progressions


def _find_cycle(edges: Mapping[str, list[str]]) -> list[str] | None:
    graph: nx.DiGraph = nx.DiGraph()
    for source, targets in edges.items():
        graph.add_edges_from((source, t) for t in targets)
    if nx.is_directed_acyclic_graph(graph):  # the usual answer, found far sooner
        return None
    try:
        found = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return None
    return [edge[0] for edge in found] + [found[-1][1]]


def check_job_roles(c: Collector, parsed: ParsedFile | None,
                     qualifications: Mapping[str, Any]) -> dict[str, JobRole]:
    if parsed is None:
        return {}
    roles: dict[str, JobRole] = {}
    for index, role in enumerate(cast(JobRoleFile, parsed.model).job_roles):
        if role.id in roles:
            c.add(parsed.file, parsed.doc, ("job_roles", index, "id"),
                  f"job role id {role.id!r} is used twice")
        if role.after is not None:
            c.names_qualification(parsed, ("job_roles", index, "after"), role.after,
                                  qualifications)
        if role.level is None and role.after is None:
            c.add(parsed.file, parsed.doc, ("job_roles", index),
                  "a job role needs a level or an 'after' qualification")
        roles[role.id] = role
    return roles


def check_frameworks(c: Collector, parsed: ParsedFile | None,
                      qualifications: Mapping[str, Any]) -> dict[str, Framework]:
    if parsed is None:
        return {}
    frameworks: dict[str, Framework] = {}
    for index, framework in enumerate(cast(FrameworkFile, parsed.model).frameworks):
        if framework.id in frameworks:
            c.add(parsed.file, parsed.doc, ("frameworks", index, "id"),
                  f"framework id {framework.id!r} is used twice")
        frameworks[framework.id] = framework
        for c_index, component in enumerate(framework.components):
            for q_index, ref in enumerate(component.qualifications):
                c.names_qualification(
                    parsed, ("frameworks", index, "components", c_index, "qualifications",
                             q_index), ref, qualifications)
    return frameworks


def check_transfer_rules(c: Collector, parsed: ParsedFile | None,
                          qualifications: Mapping[str, Any]) -> tuple[TransferRule, ...]:
    if parsed is None:
        return ()
    model = cast(TransferRuleFile, parsed.model)
    for index, rule in enumerate(model.transfer_rules):
        for key in ("from_qualifications", "to_qualifications"):
            for q_index, ref in enumerate(getattr(rule, key)):
                c.names_qualification(parsed, ("transfer_rules", index, key, q_index), ref,
                                      qualifications)
    return model.transfer_rules


def check_awarding_bodies(c: Collector, parsed: ParsedFile | None,
                          qualifications: Mapping[str, Any]) -> dict[str, AwardingBody]:
    """The awarding bodies by name: each named once, and each the awarding body of some
    qualification (a name no qualification uses is a slip in one or the other)."""
    if parsed is None:
        return {}
    named = {q.awarding_body for q, _ in qualifications.values()}
    bodies: dict[str, AwardingBody] = {}
    for index, body in enumerate(cast(AwardingBodyFile, parsed.model).awarding_bodies):
        path = ("awarding_bodies", index, "name")
        if body.name in bodies:
            c.add(parsed.file, parsed.doc, path, f"awarding body {body.name!r} is listed twice")
        elif body.name not in named:
            c.add(parsed.file, parsed.doc, path,
                  f"no qualification names {body.name!r} as its awarding body"
                  + (f" (they name {', '.join(repr(n) for n in sorted(named))})" if named
                     else ""))
        bodies[body.name] = body
    return bodies
