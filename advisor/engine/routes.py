"""Progression routes: chains of qualifications from where a learner stands to a target.

:func:`find_routes` searches the catalogue graph and yields :class:`Route` objects lazily, best
first; callers take the first *k* with :func:`itertools.islice`. The records it yields
(:class:`Route`, :class:`RouteStep`, :class:`RouteCost`, :class:`StepKind`) live in
:mod:`advisor.engine.route_types` and are exported from here.

Steps, in order of trust
------------------------
* ``stated``: a progression statement in ``data/progression.yaml`` whose sources state it.
* ``inferred``: a progression statement that is an inference or read from a secondary source;
  its citations keep their ``note``. Only with ``include_inferred``.
* ``shared-units``: *not a documented progression*. The next qualification is at the same level or
  the next one up, lists at least one unit reference number (URN) that the current one lists
  (compared by :meth:`Catalogue.effective_rules`, so a qualification inferred to follow a national
  structure is compared by that structure's units), and no progression step offered by this search
  joins the two. Credit for a shared unit transfers, which is how routes cross awarding bodies.
  Only with ``include_shared_units``.
* ``replacement``: *not a documented progression*. Where a step would lead to a qualification
  that is closed on the date, or whose status on it the sources do not give, and the sources
  name what replaced it (opened by then), the replacement is offered as an alternative step from
  the same place, citing the replacement. Only with ``include_direct``.
* ``direct``: *not a documented progression*. A route may begin by enrolling straight on a
  qualification at the target level (or on the target itself) that is not known to be closed
  or not yet open, when no other first step goes there. Only with ``include_direct``. With a
  register and a target level, a route may also begin (and so end) at a qualification the
  Ofqual register lists at that level, in the catalogue's subject, that is open on the date and
  that the catalogue does not hold: its units and rules of combination are not known, so its
  step's credits are not known either.
* ``start``: the first step when the learner has completed no qualification of the catalogue.
  From nothing (or only from units held) a route may start at a target itself, at any
  qualification at the catalogue's lowest level, or at any qualification listing a unit held.

A qualification not yet open on the date is never a step's target (nobody can start it then, so
no route starts at or passes through it), and one held is refused with a :class:`RouteError` on
a date before it opened (nobody could hold it then). A closed qualification stays reachable
(people hold them, and carry-over from them matters), and
each step shows what replaced its target (:attr:`RouteStep.replaced_by`) and its status on the
date (:attr:`RouteStep.status`). National structures (Skills CFA templates) are never a step's
target, since nobody enrols on them; their rules still supply the units of the qualifications
that follow them.

With no target, the routes are the onward ones from where the learner stands: every route of
one or two (``max_steps``) steps, best first. From a qualification no document leads on from,
the first step may also be a direct start one level up, at a qualification not known to be
closed, so that it has somewhere to go: onward, or towards a target two or more levels up
where nothing held leads on (then only to one a document leads on from up a level). No step
goes to another version of the one before (:func:`same_structure`), nor later to one needing
no more credits and no higher, unless it is the target qualification itself.

What each step leaves the learner holding
-----------------------------------------
Each step carries :func:`~advisor.engine.carryover.carry_over` from the previous qualification
with the units held so far: what transfers, what is only similar, what is barred, and the
remaining plan.
The search assumes the learner completes each step by that step's smallest plan, so after a step
they hold what they held before, the plan's units and the target's mandatory units. Of the
plans of that size, a step takes one whose units the next step counts too, and for a learner
not working one without units assessed in a particular job where it can
(:mod:`advisor.engine.route_steps`). Where a
target's rules are not in the sources the credits still needed are unknown (``None``): the route
is kept and says so, rather than guess.

Ordering
--------
Routes are yielded in increasing :class:`RouteCost`, compared field by field:

0. the worst status on the date of any qualification along the route: open, not known, not
   yet open, closed; so a closed one never ranks above an open or unknown alternative;
1. the number of steps into a qualification whose status on the date is not known and that
   the sources call legacy (one that others were replacing, which may well take no new
   learners now), however documented the step: a status in between not known and closed;
2. the number of steps that are not stated (inferred, shared-units, replacement and direct);
3. the number of shared-units steps;
4. the additional credits still needed along the route, summed over its steps, where a step whose
   credits are unknown counts as more than any known total (kept as a separate count,
   ``unknown_credit_steps``, before the known ``additional_credits``, so no number is invented);
5. the number of steps;
6. where the learner has completed several qualifications, the one the route starts from:
   the highest level first, and at one level one the documents lead on from;
7. the qualification ids along the path, so that the order is deterministic.

Every field only grows as a route is extended, so a best-first search (a heap of partial routes)
yields complete routes exactly in this order. A new step is first queued at its parent's credits,
a lower bound, and its carry-over is worked out only when it reaches the front of the queue: the
first routes cost only the carry-overs they need.

Bounds
------
A route never visits a qualification twice, has at most ``max_steps`` steps (a ``start`` step
counts), and the search takes at most ``max_expansions`` partial routes from its queue, so it
always ends; past that cap it stops quietly, and fewer routes than exist may have been yielded.
A route ends at its first target: a qualification at ``to_level``, or ``to_qualification``
itself. When the learner is already there (see :func:`already_reached`) nothing is yielded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import itertools
from collections.abc import Iterable, Iterator

from advisor.catalogue import (
    Basis,
    Catalogue,
    Category,
    Citation,
    Qualification,
    progressions_from,
)
from advisor.engine.carryover import units_of_qualification
from advisor.engine.eligibility import Status, StatusOnDate, status_on
from advisor.engine.planner import Objective
from advisor.engine.recommend_types import Employment
from advisor.engine.registered import REGISTER_SUBJECT, register_qualifications_at
from advisor.engine.replacing import yet_to_come
from advisor.engine.route_edges import Edge, Entry, Partial, asking, direct_start, documented
from advisor.engine.route_ends import (
    MAX_STEPS_ONWARD,
    MAX_STEPS_TO_TARGET,
    already_reached,
    check_endpoint,
    check_endpoints,
    check_held_by,
    completed_first,
    highest_completed,
    reaching_target,
    same_structure,
    step_limit,
)
from advisor.engine.route_steps import StepPlanner
from advisor.engine.route_types import (
    SHARED_UNITS_STATEMENT,
    Route,
    RouteCost,
    RouteError,
    RouteStep,
    StepKind,
)
from advisor.engine.wording import replaced_it
from advisor.register import Register

__all__ = [
    "DEFAULT_MAX_EXPANSIONS",
    "MAX_STEPS_ONWARD",
    "MAX_STEPS_TO_TARGET",
    "SHARED_UNITS_STATEMENT",
    "Route",
    "RouteCost",
    "RouteError",
    "RouteStep",
    "StepKind",
    "already_reached",
    "find_routes",
    "highest_completed",
    "reaching_target",
    "step_limit",
]

DEFAULT_MAX_EXPANSIONS = 10_000


def find_routes(
    catalogue: Catalogue,
    *,
    from_qualification: Qualification | None = None,
    units: Iterable[str] = (),
    to_qualification: Qualification | None = None,
    to_level: int | None = None,
    as_at: dt.date | None = None,
    max_steps: int | None = None,
    include_inferred: bool = True,
    include_shared_units: bool = True,
    include_direct: bool = True,
    objective: Objective = Objective.CREDITS,
    max_expansions: int = DEFAULT_MAX_EXPANSIONS,
    register: Register | None = None,
    register_subject: str = REGISTER_SUBJECT,
    also_completed: Iterable[Qualification] = (),
    start_level: int | None = None,
    employment: Employment | None = None,
) -> Iterator[Route]:
    """Routes from a completed qualification and/or held units to a target, best first.

    Give at most one of ``to_qualification`` and ``to_level``; with neither, the onward routes
    from where the learner stands. Statuses are as on ``as_at`` (default today). ``max_steps``
    defaults to 4 with a target and 2 without. The arguments are checked at once (raising
    :class:`RouteError`); the routes are then found as they are taken. Progressions and shared
    units come from the catalogue's graph. ``include_direct`` offers replacement and direct
    steps. ``objective`` is passed on to each step's plan. With a ``register``, statuses use
    its dates too (as :func:`~advisor.engine.eligibility.status_on` does), and with a target
    level the direct steps may go to the register's open qualifications at that level whose
    titles hold ``register_subject``. When the learner is already there
    (:func:`already_reached`) nothing is yielded. ``also_completed``: other qualifications the
    learner has completed. A route may start from any completed qualification (the routes
    that go the same way from two of them are yielded once, from the one that costs least),
    never steps into one, and counts the mandatory units of each as held. ``start_level``:
    where nothing is completed, the level suggested for the learner to start at (*Find a
    starting level*'s answer): routes start there, not at the catalogue's lowest level (a team
    leader does not go back to Level 1). ``employment``: for a learner not working, each
    step's plan leaves out the units a source says are assessed in a particular job, where a
    plan as small does without them (:mod:`advisor.engine.plan_preferences`). See the module
    docstring for the steps, the ordering and the bounds.
    """
    if isinstance(units, str):
        raise RouteError("give the units held as a list of URNs, not one string",
                         argument="units")
    if isinstance(also_completed, Qualification):
        also_completed = (also_completed,)
    completed = completed_first(from_qualification, also_completed)
    onward = to_qualification is None and to_level is None
    if max_steps is None:
        max_steps = step_limit(to_qualification=to_qualification, to_level=to_level)
    check_endpoints(catalogue, from_qualification, to_qualification, to_level, max_steps,
                     max_expansions)
    for q in completed:
        check_endpoint(catalogue, q, "also_completed")
    day = as_at or dt.date.today()
    for q in completed:
        check_held_by(q, day, "from_qualification" if q is from_qualification
                      else "also_completed")
    if onward and not completed and not units:
        raise RouteError("give a target, or what the learner holds (a qualification or units) "
                         "to find the routes onward from it", argument="to_qualification")
    if already_reached(None, to_qualification=to_qualification, to_level=to_level,
                       also_completed=completed):
        return iter(())
    # With several completed, a route from one holds the others' mandatory units too (its
    # start's own are added by carry_over).
    mandatory = [urn for q in completed if len(completed) > 1
                 for urn in units_of_qualification(catalogue, q, as_at=day)[0]]
    held = tuple(dict.fromkeys([*units, *mandatory]))
    search = _Search(catalogue, to_qualification=to_qualification, to_level=to_level,
                     as_at=day, include_inferred=include_inferred,
                     include_shared_units=include_shared_units, include_direct=include_direct,
                     objective=objective, register=register, register_subject=register_subject,
                     start_level=start_level, employment=employment)
    return search.run(completed, held, max_steps=max_steps, max_expansions=max_expansions)


# ---------------------------------------------------------------------------------------------
# The search
# ---------------------------------------------------------------------------------------------


class _Search:
    def __init__(self, catalogue: Catalogue, *,
                 to_qualification: Qualification | None, to_level: int | None,
                 as_at: dt.date, include_inferred: bool, include_shared_units: bool,
                 include_direct: bool, objective: Objective, register: Register | None,
                 register_subject: str, start_level: int | None = None,
                 employment: Employment | None = None) -> None:
        self.catalogue = catalogue
        self.to_qualification = to_qualification
        self.to_level = to_level
        self.onward = to_qualification is None and to_level is None
        self.target_level = to_level or (to_qualification and to_qualification.level) or 0
        self.as_at = as_at
        self._status: dict[str, StatusOnDate] = {}
        self.include_inferred = include_inferred
        self.include_shared_units = include_shared_units
        self.include_direct = include_direct
        self.register = register
        self.register_subject = register_subject
        self.start_level = start_level
        self.enrolable = sorted((q for q in catalogue.qualifications.values()
                                 if q.category is Category.QUALIFICATION), key=lambda q: q.id)
        self._units: dict[str, dict[str, tuple[Citation, ...]]] = {}
        self._edges: dict[str, list[Edge]] = {}
        self.steps = StepPlanner(catalogue, as_at=as_at, objective=objective,
                                 employment=employment, status=self.status)

    # ------------------------------------------------------------------ targets

    def is_goal(self, q: Qualification) -> bool:
        if self.onward:
            return True  # every step onward is a route
        if self.to_qualification is not None:
            return q.id == self.to_qualification.id
        return q.level == self.to_level

    def status(self, q: Qualification) -> StatusOnDate:
        if q.id not in self._status:
            self._status[q.id] = status_on(self.catalogue, q, self.as_at,
                                           register=self.register)
        return self._status[q.id]

    def may_enter(self, q: Qualification) -> bool:
        """Above a target level no route comes back down to it: do not go there."""
        return not (self.to_level is not None and q.level is not None and q.level > self.to_level)

    # ------------------------------------------------------------------ edges

    def units_of(self, q: Qualification) -> dict[str, tuple[Citation, ...]]:
        """URN -> sources of the groups listing it, by the qualification's effective rules
        on the date."""
        if q.id not in self._units:
            rules, _ = self.catalogue.effective_rules(q, as_at=self.as_at)
            found: dict[str, tuple[Citation, ...]] = {}
            for group in rules.groups if rules is not None else ():
                for member in group.units:
                    found[member.urn] = found.get(member.urn, ()) + group.source
            self._units[q.id] = found
        return self._units[q.id]

    def listing(self, urn: str) -> list[Qualification]:
        """The enrolable qualifications whose effective rules list a unit: those whose own rules
        list it, and those that follow a national structure listing it."""
        return [q for q in self.catalogue.qualifications_listing(urn)
                if q.category is Category.QUALIFICATION]

    def edges_from(self, a: Qualification) -> list[Edge]:
        if a.id in self._edges:
            return self._edges[a.id]
        edges: dict[str, Edge] = {}
        for progression in progressions_from(self.catalogue.graph, a.id):
            b = self.catalogue.qualifications[progression.to]
            if b.category is not Category.QUALIFICATION:
                continue
            stated = progression.basis is Basis.STATED
            if not (stated or self.include_inferred):
                continue
            if b.id in edges and edges[b.id].kind is StepKind.STATED:
                continue  # a stated statement outranks an inferred one for the same step
            edges[b.id] = Edge(b, StepKind.STATED if stated else StepKind.INFERRED,
                               progression.statement, progression.source)
        if self.include_shared_units and a.level is not None:
            mine = self.units_of(a)
            # Only qualifications that list one of these units can share one.
            candidates = {q.id: q for u in mine for q in self.listing(u)}
            for b in sorted(candidates.values(), key=lambda q: q.id):
                if b.id == a.id or b.id in edges or b.level not in (a.level, a.level + 1):
                    continue
                theirs = self.units_of(b)
                shared = tuple(u for u in theirs if u in mine)
                if shared:
                    cited = (c for u in shared for c in (*mine[u], *theirs[u]))
                    edges[b.id] = Edge(b, StepKind.SHARED_UNITS, SHARED_UNITS_STATEMENT,
                                       tuple(dict.fromkeys(cited)), shared)
        if self.include_direct:
            self._add_replacements(edges)
        found = sorted(edges.values(), key=lambda e: e.to.id)
        self._edges[a.id] = found
        return found

    def _add_replacements(self, edges: dict[str, Edge]) -> None:
        """For each step to a qualification closed on the date, or whose status there is not
        known, the step to what the sources say replaced it, as an alternative (where no other
        step already goes there)."""
        for edge in list(edges.values()):
            status = self.status(edge.to).status
            if status is not Status.UNKNOWN and not status.closed:
                continue
            stands = ("is closed to new learners" if status.closed
                      else "may no longer be open (the sources do not say)")
            for replacement in edge.to.replaced_by:
                new = self.catalogue.qualifications[replacement.by]
                if (new.id in edges or new.category is not Category.QUALIFICATION
                        or yet_to_come(new, self.as_at)):  # not yet in its place on the date
                    continue
                edges[new.id] = Edge(
                    new, StepKind.REPLACEMENT,
                    f"Not a documented progression: in place of {edge.to.name}, which "
                    f"{stands}: {replaced_it(new.name, replacement)}.",
                    replacement.source, replaces=edge.to.id)

    def first_steps(self, start: Qualification | None, held: tuple[str, ...],
                    stranded: bool = False) -> list[Edge]:
        """The steps a route may begin with: from the qualification held (or from nothing),
        and, with a target, straight to each target not known to be closed where no step goes
        (with a register and a target level, also to its open qualifications at that level).
        ``stranded``: no document leads on from any qualification held."""
        first = self.starts(held) if start is None else self.edges_from(start)
        if not self.include_direct:
            return first
        if start is not None and (self.onward or (stranded and (start.level or 9) + 1
                                  < self.target_level)):
            first = self.next_level_up(start, first)
        if self.onward:
            return first
        edges = {edge.to.id: edge for edge in first}
        for b in self.enrolable:
            if (b.id in edges or not self.is_goal(b) or self.status(b).status.rank >= 2
                    or (start is not None and (b.id == start.id or (
                        start.level is not None and b.level is not None
                        and b.level < start.level)))):
                continue
            edges[b.id] = direct_start(
                b, f"Not a documented progression: {b.name} is at the target level, and a "
                "learner may enrol on it directly"
                if self.to_qualification is None else
                f"Not a documented progression: {b.name} is the target, and a learner may "
                "enrol on it directly")
        for b in self.registered_at_target():
            edges.setdefault(b.id, Edge(
                b, StepKind.DIRECT,
                f"Not a documented progression: the Ofqual register lists {b.name} at the "
                "target level, open to new learners, and a learner may enrol on it directly. "
                "Its units and rules of combination are not known.", b.source))
        return sorted(edges.values(), key=lambda e: e.to.id)

    def next_level_up(self, start: Qualification, first: list[Edge]) -> list[Edge]:
        """The steps from ``start``; where no document leads on from it (no stated or inferred
        step), also a direct start at each qualification one level up not known to be closed
        (towards a target, only one a document leads on from up a level)."""
        if start.level is None or documented(first):
            return first
        going = {edge.to.id for edge in first}
        return first + [
            direct_start(b, f"Not a documented progression: {b.name} is one level up from "
                            f"{start.name}, and a learner may enrol on it directly")
            for b in self.enrolable
            if (b.id not in going and b.level == start.level + 1
                and self.status(b).status.rank < 2 and (self.onward or any(
                    e.to.level is not None and e.to.level > b.level
                    for e in self.edges_from(b) if documented([e]))))]

    def registered_at_target(self) -> list[Qualification]:
        """The register's qualifications at the target level in the catalogue's subject, open
        on the date, that the catalogue does not hold (none without a register or a level)."""
        if self.register is None or self.to_level is None:
            return []
        return register_qualifications_at(self.catalogue, self.register, self.to_level,
                                          self.as_at, subject=self.register_subject)

    def starts(self, held: tuple[str, ...]) -> list[Edge]:
        """First steps when no qualification has been completed."""
        levels = [q.level for q in self.enrolable if q.level is not None]
        # A beginner starts at the level suggested for them, else at the catalogue's lowest.
        first_level = self.start_level if self.start_level is not None else min(
            levels, default=None)
        held_set = set(held)
        edges = []
        for q in self.enrolable:
            if not self.onward and self.is_goal(q):  # onward, every step is a goal
                why = ("Start here: this is the target" if self.to_qualification is not None
                       else f"Start here: it is at Level {self.to_level}, the target level")
            elif q.level is not None and q.level == first_level and not held_set:
                # Someone who holds units starts where they count, or at the target, not back
                # at the first level.
                why = (f"Start here: Level {first_level} is the lowest level in the catalogue"
                       if self.start_level is None else
                       f"Start here: Level {first_level} is the level suggested to start at")
            elif held_set & set(self.units_of(q)):
                why = "Start here: it lists units already held"
            else:
                continue
            edges.append(asking(q, StepKind.START, why, ()))
        return self._with_replacements(edges) if self.include_direct else edges

    def _with_replacements(self, edges: list[Edge]) -> list[Edge]:
        by_id = {edge.to.id: edge for edge in edges}
        self._add_replacements(by_id)
        return sorted(by_id.values(), key=lambda e: e.to.id)

    # ------------------------------------------------------------------ steps

    def work_out(self, parent: Partial, edge: Edge) -> Partial:
        """``parent`` extended along ``edge``: its last step planned again towards the new one
        (as large, by the objective; :mod:`advisor.engine.route_steps`), then the new step."""
        steps, held, cost = parent.steps, parent.held, parent.cost
        if steps:
            last = self.steps.towards(steps[-1], parent.held_before, edge.to,
                                      completed=len(steps) == 1)
            # By fewest hours, a plan as long may differ in credits (never fewer: the first
            # plan had the fewest of those as long); the route's credits follow.
            more = (last.additional_credits or 0) - (steps[-1].additional_credits or 0)
            steps, held = (*steps[:-1], last), last.held_after
            cost = dataclasses.replace(cost, additional_credits=cost.additional_credits + more)
        # From the route's start, a qualification the learner holds; after it, one planned.
        step = self.steps.step(parent.last, edge, held, completed=not parent.steps)
        credits = step.additional_credits
        cost = _extend(cost, edge, status=step.status, unknown=credits is None,
                       credits=credits or 0)
        return Partial(parent.start, (*steps, step), step.held_after, cost, held_before=held)

    # ------------------------------------------------------------------ best first

    def run(self, completed: list[Qualification], held: tuple[str, ...], *, max_steps: int,
            max_expansions: int) -> Iterator[Route]:
        """Best first from each completed qualification (or from nothing), never into one nor
        to what replaced one; the highest completed first where routes tie."""
        self.steps.completed = tuple(completed)
        done = {q.id for q in completed}
        highest = max((q.level for q in completed if q.level is not None), default=None)
        order = itertools.count()
        # Entries: (cost, tie, partial, edge). With an edge, the step is queued at its parent's
        # credits (a lower bound) and worked out when it comes to the front.
        queue: list[Entry] = []
        # The highest first; at one level, one the documents lead on from before one they do not
        # (its steps are the better founded where both reach a place); else as given.
        ranked = sorted(completed, key=lambda q: (-(q.level or 0),
                                                  not documented(self.edges_from(q))))
        stranded = not any(documented(self.edges_from(q)) for q in completed)
        starts: list[Qualification | None] = [*ranked] or [None]
        for rank, start in enumerate(starts):
            root = Partial(start, (), held, RouteCost(
                0, 0, 0, 0, 0, 0, 0, rank, (start.id,) if start is not None else ()))
            for first_edge in self.first_steps(start, held, stranded):
                if (first_edge.to.id in done or first_edge.replaces in done
                        or self._below_held(first_edge, start, highest)):
                    continue
                self._push(queue, order, root, first_edge)
        yielded: set[tuple[str, ...]] = set()  # the same steps from another start: once
        taken = 0
        while queue and taken < max_expansions:
            _, _, partial, edge = heapq.heappop(queue)
            taken += 1
            if edge is not None:
                worked = self.work_out(partial, edge)
                if not self._adds_nothing(partial, worked.steps[-1]):
                    heapq.heappush(queue, (worked.cost, next(order), worked, None))
                continue
            last = partial.steps[-1].to  # a worked-out partial route has a step
            if self.is_goal(last):
                way = tuple(s.to.id for s in partial.steps)
                if way not in yielded:
                    yielded.add(way)
                    first = partial.start
                    yield Route(path=(*((first,) if first is not None else ()),
                                      *(s.to for s in partial.steps)),
                                steps=partial.steps, cost=partial.cost, as_at=self.as_at)
                if not self.onward:
                    continue
            if len(partial.steps) >= max_steps:
                continue
            visited = partial.visited() | done
            for edge in self.edges_from(last):
                if edge.to.id not in visited and edge.replaces not in done:
                    self._push(queue, order, partial, edge)

    def _below_held(self, edge: Edge, start: Qualification | None,
                    highest: int | None) -> bool:
        """A first step that leads nowhere new for someone who holds a qualification at the
        ``highest`` level: onward (no target), one below that level or a direct start at it;
        from a lower qualification held, one below that level or, at it, one not documented."""
        if highest is None or edge.to.level is None or edge.to.level > highest:
            return False
        lower = start is not None and start.level is not None and start.level < highest
        documented = edge.kind in (StepKind.STATED, StepKind.INFERRED)
        if self.onward and (edge.to.level < highest or edge.kind is StepKind.DIRECT):
            return True
        return lower and (edge.to.level < highest or not documented)

    def _adds_nothing(self, parent: Partial, step: RouteStep) -> bool:
        """A later step needing no credit beyond the step before, no higher: no step on."""
        if not parent.steps or step.additional_credits != 0 or step.to == self.to_qualification:
            return False
        before = parent.steps[-1].to.level
        return before is not None and step.to.level is not None and step.to.level <= before

    def _push(self, queue: list[Entry], order: Iterator[int], parent: Partial,
              edge: Edge) -> None:
        if not self.may_enter(edge.to) or (edge.to != self.to_qualification and same_structure(
                self.catalogue, parent.last, edge.to)):
            return
        if self.status(edge.to).status is Status.NOT_YET_OPEN:
            return  # nobody can start it on the date: no route starts at or passes through it
        bound = _extend(parent.cost, edge, status=self.status(edge.to), unknown=False,
                        credits=0)
        heapq.heappush(queue, (bound, next(order), parent, edge))


_NOT_STATED = frozenset({StepKind.INFERRED, StepKind.SHARED_UNITS, StepKind.REPLACEMENT,
                         StepKind.DIRECT})


def _extend(cost: RouteCost, edge: Edge, *, status: StatusOnDate, unknown: bool,
            credits: int) -> RouteCost:
    return RouteCost(
        status_rank=max(cost.status_rank, status.status.rank),
        legacy_steps=cost.legacy_steps + (status.legacy and status.status is Status.UNKNOWN),
        non_stated_steps=cost.non_stated_steps + (edge.kind in _NOT_STATED),
        shared_unit_steps=cost.shared_unit_steps + (edge.kind is StepKind.SHARED_UNITS),
        unknown_credit_steps=cost.unknown_credit_steps + unknown,
        additional_credits=cost.additional_credits + credits,
        steps=cost.steps + 1,
        start_rank=cost.start_rank,
        ids=(*cost.ids, edge.to.id),
    )
