"""The route search's working records (:mod:`advisor.engine.routes`): a step not yet worked
out (:class:`Edge`: where it goes, of what kind and why), a route under construction
(:class:`Partial`), and the few ways a step is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from advisor.catalogue import Citation, Qualification
from advisor.engine.route_types import RouteCost, RouteStep, StepKind

__all__ = ["Edge", "Entry", "Partial", "asking", "direct_start", "documented"]


@dataclass(frozen=True)
class Edge:
    """A step not yet worked out: where it goes and why."""

    to: Qualification
    kind: StepKind
    statement: str
    source: tuple[Citation, ...]
    shared_units: tuple[str, ...] = ()
    replaces: str | None = None  # a replacement step: the id of the qualification it replaced


@dataclass(frozen=True)
class Partial:
    """A route under construction, worked out up to its last step."""

    start: Qualification | None
    steps: tuple[RouteStep, ...]
    held: tuple[str, ...]  # URNs held after the last step (before the first: the units given)
    cost: RouteCost
    held_before: tuple[str, ...] = ()  # URNs held before the last step

    @property
    def last(self) -> Qualification | None:
        return self.steps[-1].to if self.steps else self.start

    def visited(self) -> set[str]:
        ids = {s.to.id for s in self.steps}
        if self.start is not None:
            ids.add(self.start.id)
        return ids


Entry = tuple[RouteCost, int, Partial, Edge | None]


def documented(edges: Iterable[Edge]) -> bool:
    """Whether any of ``edges`` is a progression the documents state or suggest."""
    return any(edge.kind in (StepKind.STATED, StepKind.INFERRED) for edge in edges)


def direct_start(b: Qualification, statement: str) -> Edge:
    """A direct start at ``b`` (``statement`` without its full stop), with what the sources
    require of a learner starting it (:func:`_asking`)."""
    return asking(b, StepKind.DIRECT, statement, b.source)


def asking(b: Qualification, kind: StepKind, statement: str,
           source: tuple[Citation, ...]) -> Edge:
    """A step into ``b`` (``statement`` without its full stop) with what the sources require
    of a learner starting it (Level 4's senior role), and where they say so."""
    requirement = b.role_requirement
    if requirement is None:
        return Edge(b, kind, statement + ".", source)
    return Edge(b, kind, f"{statement}, for a learner who meets what it asks: "
                + " ".join(requirement.points),
                tuple(dict.fromkeys((*source, *requirement.source))))
