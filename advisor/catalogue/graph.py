"""The catalogue as a graph of qualifications, units, levels, job roles and frameworks.

Nodes are keyed ``(kind, key)``: ``("qualification", "ocr-09628")``, ``("unit", "D/502/9654")``,
``("level", 2)``, ``("job_role", "call-centre-operators")``, ``("framework", ...)``. Every node has
a ``kind`` attribute; every edge has a ``kind`` attribute (see :class:`EdgeKind`) and, where a
document states the link, its ``source``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import networkx as nx

from advisor.catalogue.models import (
    Basis,
    Citation,
    Document,
    Qualification,
    RulesOfCombination,
    Unit,
    citation_basis,
)
from advisor.catalogue.pathways import (
    Framework,
    JobRole,
    Progression,
)


class NodeKind(StrEnum):
    QUALIFICATION = "qualification"
    UNIT = "unit"
    LEVEL = "level"
    JOB_ROLE = "job_role"
    FRAMEWORK = "framework"


class EdgeKind(StrEnum):
    CONTAINS = "contains"  # qualification -> unit, with ``group`` and ``number``
    NAMES_UNIT = "names_unit"  # qualification -> unit a document names, URN inferred from title
    # qualification -> unit of the national structure it follows, when the sources give no unit
    # list of its own (see :func:`rules_followed`); with ``group``, ``number``, ``structure`` (the
    # structure's id) and ``basis`` (how firmly it is known to follow it: usually an inference)
    LISTS_BY_STRUCTURE = "lists_by_structure"
    PROGRESSES_TO = "progresses_to"  # qualification -> qualification, with ``basis``
    REPLACED_BY = "replaced_by"  # legacy qualification -> successor, with ``scope``
    BASED_ON = "based_on"  # qualification -> the national structure it follows
    AT_LEVEL = "at_level"  # qualification or unit -> level
    COMPONENT_OF = "component_of"  # qualification -> framework, with ``component``
    SUITS_LEVEL = "suits_level"  # job role -> level
    LEADS_TO_JOB = "leads_to_job"  # qualification -> job role
    SAME_TITLE = "same_title"  # unit -> unit with the same title under another URN (both ways)


def qualification_node(qualification_id: str) -> tuple[str, str]:
    return (NodeKind.QUALIFICATION.value, qualification_id)


def unit_node(urn: str) -> tuple[str, str]:
    return (NodeKind.UNIT.value, urn)


def level_node(level: int) -> tuple[str, int]:
    return (NodeKind.LEVEL.value, level)


def normalise_title(title: str) -> str:
    """Titles compared for sameness: case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", title.casefold()).split())


def build_graph(*, documents: Mapping[str, Document], units: Mapping[str, Unit],
                qualifications: Mapping[str, Qualification],
                progressions: tuple[Progression, ...], job_roles: Mapping[str, JobRole],
                frameworks: Mapping[str, Framework]) -> nx.MultiDiGraph:
    """Build the typed graph of a whole catalogue from its records."""
    graph: nx.MultiDiGraph = nx.MultiDiGraph()
    levels = {q.level for q in qualifications.values() if q.level is not None}
    levels |= {u.level for u in units.values() if u.level is not None}
    levels |= {r.level for r in job_roles.values() if r.level is not None}
    for level in sorted(levels):
        graph.add_node(level_node(level), kind=NodeKind.LEVEL.value, level=level)

    for unit in units.values():
        node = unit_node(unit.urn)
        graph.add_node(node, kind=NodeKind.UNIT.value, urn=unit.urn, title=unit.title)
        if unit.level is not None:
            graph.add_edge(node, level_node(unit.level), kind=EdgeKind.AT_LEVEL.value)

    for q in qualifications.values():
        _add_qualification(graph, q)
        _add_units_by_structure(graph, documents, q, qualifications)

    for step in progressions:
        if step.to is None:
            continue
        graph.add_edge(
            qualification_node(step.from_), qualification_node(step.to),
            kind=EdgeKind.PROGRESSES_TO.value, statement=step.statement,
            basis=_weakest_basis(documents, step.source).value, source=step.source,
        )

    for role in job_roles.values():
        node = (NodeKind.JOB_ROLE.value, role.id)
        graph.add_node(node, kind=NodeKind.JOB_ROLE.value, title=role.title)
        if role.level is not None:
            graph.add_edge(node, level_node(role.level), kind=EdgeKind.SUITS_LEVEL.value,
                           source=role.source)
        if role.after is not None:
            graph.add_edge(qualification_node(role.after), node,
                           kind=EdgeKind.LEADS_TO_JOB.value, source=role.source)

    for framework in frameworks.values():
        node = (NodeKind.FRAMEWORK.value, framework.id)
        graph.add_node(node, kind=NodeKind.FRAMEWORK.value, title=framework.title,
                       level=framework.level)
        for component in framework.components:
            for ref in component.qualifications:
                graph.add_edge(qualification_node(ref), node, kind=EdgeKind.COMPONENT_OF.value,
                               component=component.kind.value, source=component.source)

    by_title: dict[str, list[str]] = defaultdict(list)
    for unit in units.values():
        by_title[normalise_title(unit.title)].append(unit.urn)
    for urns in by_title.values():
        for a in urns:
            for b in urns:
                if a != b:
                    graph.add_edge(unit_node(a), unit_node(b), kind=EdgeKind.SAME_TITLE.value)
    return graph


def _weakest_basis(documents: Mapping[str, Document], sources: tuple[Citation, ...]) -> Basis:
    bases = {citation_basis(c, documents) for c in sources}
    for weakest in (Basis.INFERENCE, Basis.SECONDARY):
        if weakest in bases:
            return weakest
    return Basis.STATED


def _add_qualification(graph: nx.MultiDiGraph, q: Qualification) -> None:
    node = qualification_node(q.id)
    graph.add_node(node, kind=NodeKind.QUALIFICATION.value, title=q.title, level=q.level,
                   category=q.category.value, awarding_body=q.awarding_body)
    if q.level is not None:
        graph.add_edge(node, level_node(q.level), kind=EdgeKind.AT_LEVEL.value, source=q.source)
    if q.rules is not None:
        for group in q.rules.groups:
            for member in group.units:
                graph.add_edge(node, unit_node(member.urn), kind=EdgeKind.CONTAINS.value,
                               group=group.id, number=member.number, source=group.source)
    for named in q.named_units:
        if named.possible_urn is not None:
            graph.add_edge(node, unit_node(named.possible_urn), kind=EdgeKind.NAMES_UNIT.value,
                           number=named.number, basis=Basis.INFERENCE.value, source=named.source)
    if q.based_on is not None:
        graph.add_edge(node, qualification_node(q.based_on.structure),
                       kind=EdgeKind.BASED_ON.value, source=q.based_on.source)
    for replacement in q.replaced_by:
        graph.add_edge(node, qualification_node(replacement.by), kind=EdgeKind.REPLACED_BY.value,
                       scope=replacement.scope, source=replacement.source)


def rules_followed(qualification: Qualification, qualifications: Mapping[str, Qualification],
                   as_at: dt.date | None = None
                   ) -> tuple[RulesOfCombination | None, Qualification | None]:
    """The rules a qualification is checked against, and the national structure they come from.

    Its own rules when the sources give them; else, when it is known (or inferred) to follow a
    national structure whose rules are known, that structure's rules and the structure, unless
    on ``as_at`` the structure is not known yet (:func:`structure_not_yet_known`: its rules are
    then not known on that date). With no date, whatever the date. The one answer behind
    :meth:`Catalogue.effective_rules` and the graph's units listed by structure.
    """
    if qualification.rules is not None:
        return qualification.rules, None
    if qualification.based_on is not None:
        structure = qualifications.get(qualification.based_on.structure)
        if (structure is not None and structure.rules is not None
                and structure_not_yet_known(qualification, qualifications, as_at) is None):
            return structure.rules, structure
    return None, None


def structure_not_yet_known(qualification: Qualification,
                            qualifications: Mapping[str, Qualification],
                            as_at: dt.date | None) -> Qualification | None:
    """The national structure whose rules ``qualification`` borrows (no rules of its own in the
    sources) where ``as_at`` is before the first day the structure's own date allows
    (``dates.structure_from``): its units are known only from a later document, so they are
    not known to be the qualification's on that date. None otherwise, or with no date."""
    if as_at is None or qualification.rules is not None or qualification.based_on is None:
        return None
    structure = qualifications.get(qualification.based_on.structure)
    dated = structure.dates.structure_from if structure is not None else None
    return structure if dated is not None and as_at < dated.date else None


def _add_units_by_structure(graph: nx.MultiDiGraph, documents: Mapping[str, Document],
                            q: Qualification, qualifications: Mapping[str, Qualification]) -> None:
    rules, structure = rules_followed(q, qualifications)
    if rules is None or structure is None or q.based_on is None:
        return
    basis = _weakest_basis(documents, q.based_on.source).value
    for group in rules.groups:
        for member in group.units:
            graph.add_edge(qualification_node(q.id), unit_node(member.urn),
                           kind=EdgeKind.LISTS_BY_STRUCTURE.value, group=group.id,
                           number=member.number, structure=structure.id, basis=basis,
                           source=q.based_on.source)


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------


def _edges(graph: nx.MultiDiGraph, node: Any, kind: EdgeKind) -> Iterator[tuple[Any, dict]]:
    for _, target, data in graph.out_edges(node, data=True):
        if data["kind"] == kind.value:
            yield target, data


def units_of(graph: nx.MultiDiGraph, qualification_id: str) -> set[str]:
    """URNs of the units in a qualification's own rules of combination (not those of a national
    structure it follows: :func:`units_listed` counts those too)."""
    node = qualification_node(qualification_id)
    if node not in graph:
        return set()
    return {target[1] for target, _ in _edges(graph, node, EdgeKind.CONTAINS)}


def shared_units(graph: nx.MultiDiGraph, first: str, second: str) -> set[str]:
    """URNs of the units both qualifications list (:func:`units_listed`, so by the national
    structure one follows when the sources give no unit list of its own): credit for these
    transfers."""
    return units_listed(graph, first) & units_listed(graph, second)


def qualifications_containing(graph: nx.MultiDiGraph, urn: str) -> list[str]:
    """Ids of the qualifications whose own rules of combination list the unit (not those that
    list it by a national structure they follow: :func:`qualifications_listing` adds those)."""
    node = unit_node(urn)
    if node not in graph:
        return []
    found = {
        source[1]
        for source, _, data in graph.in_edges(node, data=True)
        if data["kind"] == EdgeKind.CONTAINS.value
    }
    return sorted(found)


_LISTING = (EdgeKind.CONTAINS.value, EdgeKind.LISTS_BY_STRUCTURE.value)


def units_listed(graph: nx.MultiDiGraph, qualification_id: str) -> set[str]:
    """URNs of the units a qualification lists by the rules it is checked against: its own, or
    those of the national structure it follows (:func:`rules_followed`). Credit for a unit two
    qualifications both list carries over between them."""
    node = qualification_node(qualification_id)
    if node not in graph:
        return set()
    return {target[1] for _, target, data in graph.out_edges(node, data=True)
            if data["kind"] in _LISTING}


def qualifications_listing(graph: nx.MultiDiGraph, urn: str) -> list[str]:
    """Ids of the qualifications that list a unit by the rules they are checked against: their
    own, or those of the national structure they follow."""
    node = unit_node(urn)
    if node not in graph:
        return []
    return sorted({source[1] for source, _, data in graph.in_edges(node, data=True)
                   if data["kind"] in _LISTING})


def qualifications_at_level(graph: nx.MultiDiGraph, level: int) -> list[str]:
    """Ids of the qualifications (and national structures) at a level."""
    node = level_node(level)
    if node not in graph:
        return []
    return sorted(
        source[1]
        for source, _, data in graph.in_edges(node, data=True)
        if data["kind"] == EdgeKind.AT_LEVEL.value and source[0] == NodeKind.QUALIFICATION.value
    )


@dataclass(frozen=True)
class ProgressionEdge:
    """A next step the sources give from one qualification to another."""

    to: str  # the qualification id
    statement: str
    basis: Basis  # the weakest basis of its citations
    source: tuple[Citation, ...]


def progressions_from(graph: nx.MultiDiGraph, qualification_id: str) -> list[ProgressionEdge]:
    """The documented (or inferred) next steps from a qualification, by target id."""
    node = qualification_node(qualification_id)
    if node not in graph:
        return []
    found = [ProgressionEdge(target[1], data["statement"], Basis(data["basis"]),
                             tuple(data["source"]))
             for target, data in _edges(graph, node, EdgeKind.PROGRESSES_TO)]
    return sorted(found, key=lambda edge: edge.to)


def followers_of(graph: nx.MultiDiGraph, structure_id: str) -> list[str]:
    """Ids of the qualifications inferred to follow a national structure."""
    node = qualification_node(structure_id)
    if node not in graph:
        return []
    return sorted(source[1] for source, _, data in graph.in_edges(node, data=True)
                  if data["kind"] == EdgeKind.BASED_ON.value)


def units_with_same_title(graph: nx.MultiDiGraph, urn: str) -> list[str]:
    """Other URNs carrying the same title: similar units, for a centre to judge."""
    node = unit_node(urn)
    if node not in graph:
        return []
    return sorted(target[1] for target, _ in _edges(graph, node, EdgeKind.SAME_TITLE))
