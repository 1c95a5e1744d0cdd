"""Which units a learner already holds carry over to a target qualification.

A unit with the same unit reference number (URN) in the target is the same unit, so its credit
transfers. A unit with the same title under another URN is only *similar*: it is listed for the
centre to judge through recognition of prior learning and does not count. Documented bars (NVQ
unit achievements are not evidence for the Principles certificates) are shown with their source,
and so is evidence a centre may reuse, with its conditions (NVQ units towards the Customer Service
Knowledge qualifications, on evidence sent to the moderator). Then the target's remaining plan,
exactly as :func:`check_combination` gives it.

The centre may accept a target unit through recognition of prior learning (``accepted``), for
example on the evidence of a similar unit: it then counts in what remains, shown apart from the
units that transfer, and any documented bar on the learner's evidence is shown beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from advisor.catalogue import (
    Catalogue,
    Citation,
    CreditRule,
    Kind,
    Qualification,
    RulesOfCombination,
    TransferKind,
    Unit,
    units_with_same_title,
)
from advisor.engine.combination import check_combination
from advisor.engine.combination_types import Accepted, CombinationCheck, DecisionError
from advisor.engine.planner import NO_PREFERENCE, Objective, PlanPreference
from advisor.engine.recommend_index import recommendation_index
from advisor.engine.structure_dates import rules_known_later
from advisor.engine.wording import count


@dataclass(frozen=True)
class Similar:
    urn: str  # the unit held
    target: str  # the target's unit with the same title under another URN
    # Where the two differ in size (credits, or level), what that means for accepting it, in
    # words; None where they do not, or the sources do not give both.
    difference: str | None = None
    # The note an acceptance of ``target`` keeps, for the centre to confirm: what is held,
    # and both sizes where they differ.
    evidence: str = ""


@dataclass(frozen=True)
class NotTransferable:
    urn: str
    reason: str
    source: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class EvidenceNote:
    """What a step means for the learner's evidence: evidence from their qualification that a
    centre may reuse, with its conditions, or new evidence the target needs (assessment at
    work, from a knowledge qualification)."""

    statement: str
    source: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class EvidenceBar:
    """A documented bar on a kind of evidence towards a qualification (NVQ unit achievements
    for the Principles certificates): shown beside a unit the centre accepts, since accepting
    stays the centre's decision."""

    statement: str
    source: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class CarryOver:
    target: Qualification
    held: tuple[str, ...]
    transfers: tuple[str, ...]
    credits_transferred: int
    similar: tuple[Similar, ...]
    not_transferable: tuple[NotTransferable, ...]
    notes: tuple[EvidenceNote, ...]
    remaining: CombinationCheck
    from_qualification: Qualification | None = None
    possible: tuple[str, ...] = ()  # optional units of the source that would transfer if taken
    # Optional units of the source with the title of a target unit under another URN: similar,
    # for the centre to judge, if the learner took them.
    possible_similar: tuple[Similar, ...] = ()
    # Target units the centre accepts (they count in ``remaining``, apart from ``transfers``),
    # and the documented bars on the learner's evidence towards the target.
    accepted: tuple[Accepted, ...] = ()
    bars: tuple[EvidenceBar, ...] = ()
    # Of ``credits_transferred``, those that count towards the target: fewer where a group's
    # maximum stops some (601/4404/X's Group C counts at most 3).
    credits_counting: int | None = None
    # The qualifications held whose units are not in the sources (03455, say): whether any of
    # their units transfers is then not known (a note says so).
    held_not_listed: tuple[Qualification, ...] = ()
    # False when the sources list only some of the target's units (a group's list is
    # incomplete): a held unit not among them may still count.
    target_units_known: bool = True

    @property
    def held_units_known(self) -> bool:
        """Whether the sources list the units of every qualification held."""
        return not self.held_not_listed

    @property
    def credits_still_needed_at_most(self) -> int | None:
        """Where what is still needed is not known only because a unit held may count too
        (:attr:`held_may_count`): the most still needed, the plan's credits (whether or not
        the target's units are listed in full: the held qualification's may not be), else
        :attr:`CombinationCheck.most_still_needed`; else None."""
        remaining = self.remaining
        if not self.held_may_count or remaining.complete or not remaining.known:
            return None
        if remaining.plan is not None:
            return remaining.plan.additional_credits
        return remaining.most_still_needed

    @property
    def held_may_count(self) -> bool:
        """Whether a unit held might count beyond those that transfer by the units listed: one
        held that the target's units as the sources list them (only some) leave out, unless a
        source rules it out (a bar, or a level below all the credits the target needs), or any
        of the qualification held, where the sources do not list its units (04522). The plan's
        credits are then the most still needed, not a known figure."""
        settled = {n.urn for n in self.not_transferable if n.source}  # a source says why not
        return not self.held_units_known or (
            not self.target_units_known
            and bool(set(self.held) - set(self.transfers) - settled))


def _below_every_credit(rules: RulesOfCombination, unit: Unit | None) -> CreditRule | None:
    """A credit rule over every group that asks for all the credits required at a level
    ``unit`` is below (S/016/608: all 45 at Level 2 or above): such a unit, not among the units
    the sources list, cannot lessen what is still needed, whether it is one of the others or
    not. None where there is no such rule, or the unit's level is not known."""
    if unit is None or unit.level is None:
        return None
    return next((r for r in rules.credit_rules
                 if r.groups is None and r.level is not None and r.or_above
                 and r.min_credits >= rules.credits_required and unit.level < r.level), None)


def units_of_qualification(catalogue: Catalogue, qualification: Qualification, *,
                           as_at: dt.date | None = None) -> tuple[list[str], list[str]]:
    """(mandatory URNs, optional URNs) of a qualification, by its effective rules (as on
    ``as_at``, where given)."""
    rules, _ = catalogue.effective_rules(qualification, as_at=as_at)
    if rules is None:
        return [], []
    mandatory = [m.urn for g in rules.groups if g.mandatory for m in g.units]
    optional = [m.urn for g in rules.groups if not g.mandatory for m in g.units
                if m.urn not in mandatory]
    return mandatory, list(dict.fromkeys(optional))


def carry_over(
    catalogue: Catalogue,
    target: Qualification,
    *,
    from_qualification: Qualification | None = None,
    units: Iterable[str] = (),
    objective: Objective = Objective.CREDITS,
    accepted: Iterable[Accepted] = (),
    completed: bool = True,
    also_completed: Iterable[Qualification] = (),
    as_at: dt.date | None = None,
    preference: PlanPreference = NO_PREFERENCE,
) -> CarryOver:
    """What carries over to ``target`` from a completed qualification and/or held units.

    From a completed qualification, its mandatory units are certainly held; its optional units
    are "if taken": those the target also lists are ``possible`` (they transfer if the learner
    took them, which only the learner's record shows), and those with the title of a target
    unit under another URN are ``possible_similar``.

    ``completed``: False when a route plans ``from_qualification`` rather than the learner
    holding it: what the sources leave unknown of its units is then not the learner's to
    confirm, and not noted.

    ``also_completed``: other qualifications the learner holds, whose units known to be
    held are among ``units``; where the sources do not list one's units, whether any of them
    counts is not known either, and a note says so.

    ``accepted``: target units the centre accepts through recognition of prior learning; a
    held unit similar to exactly one target unit may be given for it. Raises
    :class:`DecisionError` for a unit that is neither.

    ``as_at``: the rules as on that date (:meth:`Catalogue.effective_rules`): before the date
    of a national structure the target borrows its units from, none of them is known to be its
    (:func:`~advisor.engine.structure_dates.rules_known_later` says why).

    ``preference``: what chooses among the remaining plans of the smallest size
    (:func:`~advisor.engine.combination.check_combination`).
    """
    held = list(dict.fromkeys(units))
    possible: list[str] = []
    source_kinds: dict[str, set[Kind]] = {}
    if from_qualification is not None:
        mandatory, optional = units_of_qualification(catalogue, from_qualification, as_at=as_at)
        held = list(dict.fromkeys([*mandatory, *held]))
        possible = [u for u in optional if u not in held]
        for urn in held:
            source_kinds.setdefault(urn, set()).add(from_qualification.kind)

    rules, structure = catalogue.effective_rules(target, as_at=as_at)
    later = rules_known_later(catalogue, target, as_at)
    target_units = catalogue.listed_units(target) if later is None else frozenset()
    transfers = [u for u in held if u in target_units]
    credits = sum(catalogue.units[u].credits or 0 for u in transfers if u in catalogue.units)

    similar = _similar(catalogue, held, target_units)

    # Each reason reads right for one unit or several: the units that share it share a line
    # (a route's table row, a printout's line), the reason read once.
    not_transferable: list[NotTransferable] = []
    similar_urns = {s.urn for s in similar}
    for urn in held:
        if urn in target_units:
            continue
        kinds = _held_through(catalogue, urn, source_kinds)
        bar = next(
            (rule for rule in catalogue.transfer_rules
             if rule.kind is TransferKind.BAR and target.id in rule.to_qualifications
             and (kinds & set(rule.from_kinds)
                  or (from_qualification is not None
                      and from_qualification.id in rule.from_qualifications))),
            None,
        )
        if bar is not None:
            not_transferable.append(NotTransferable(urn, bar.statement, bar.source))
        elif urn in similar_urns:
            continue
        elif later is not None:
            not_transferable.append(NotTransferable(urn, f"Not known: {later.words}.",
                                                    later.source))
        elif rules is None:
            not_transferable.append(NotTransferable(
                urn, f"Not known: the sources do not list the units of {target.title}, so "
                     "whether a unit held counts towards it cannot be said; ask the centre.", ()))
        elif (below := _below_every_credit(rules, catalogue.units.get(urn))) is not None:
            unit = catalogue.units[urn]
            followed = catalogue.structure_followed(target)
            how = "is inferred to follow" if followed is None or followed[1] else "follows"
            by = (f"by the rules of the national structure {structure.structure_reference}, "
                  f"which it {how}, " if structure is not None else "")
            not_transferable.append(NotTransferable(
                urn, f"Cannot lessen what is still needed: {by}{target.title} needs all "
                     f"{rules.credits_required} of its credits at Level {below.level} or above "
                     f"({below.description}), so no unit at Level {unit.level} counts towards it.",
                below.source))
        elif not rules.listed_in_full:
            not_transferable.append(NotTransferable(
                urn, f"Not known: the sources list only some of the units of {target.title}, "
                     "and a unit they do not list may still count; ask the centre or the "
                     "awarding body.", ()))
        else:
            not_transferable.append(NotTransferable(
                urn, f"Not part of {target.title}: not among its units.", ()))
    held_kinds = {kind for urn in held for kind in _held_through(catalogue, urn, source_kinds)}
    also = [q for q in also_completed if q != from_qualification] if completed else []
    notes = [*_source_units_notes(catalogue, from_qualification if completed else None, as_at),
             *(note for q in also for note in _source_units_notes(catalogue, q, as_at)),
             *_evidence_notes(catalogue, target, from_qualification, held_kinds),
             *_assessed_at_work(catalogue, target, from_qualification, held_kinds)]

    decided = _accepted_in_target(target, accepted, similar, target_units)
    bars: tuple[EvidenceBar, ...] = ()
    if decided:
        bars = evidence_bars(catalogue, target, kinds=held_kinds,
                             from_qualification=from_qualification)
    remaining = check_combination(catalogue, target, transfers, objective=objective,
                                  accepted=decided, as_at=as_at, preference=preference)
    return CarryOver(
        target=target,
        held=tuple(held),
        transfers=tuple(transfers),
        credits_transferred=credits,
        similar=tuple(similar),
        not_transferable=tuple(not_transferable),
        notes=tuple(notes),
        remaining=remaining,
        from_qualification=from_qualification,
        possible=tuple(u for u in possible if u in target_units),
        possible_similar=tuple(_similar(catalogue, possible, target_units)),
        accepted=remaining.accepted,
        bars=bars,
        # The units held alone: the remaining check counts the centre's decisions too.
        credits_counting=(None if rules is None else remaining.credits_counted if not decided
                          else check_combination(catalogue, target, transfers,
                                                 as_at=as_at).credits_counted),
        held_not_listed=tuple(q for q in (
            *((from_qualification,) if from_qualification and completed else ()), *also)
            if catalogue.effective_rules(q, as_at=as_at)[0] is None),
        target_units_known=rules is not None and rules.listed_in_full,
    )


def _accepted_in_target(target: Qualification, accepted: Iterable[Accepted],
                        similar: Iterable[Similar], target_units: Iterable[str]
                        ) -> list[Accepted]:
    """The accepted units as units of the target: a held unit given for the one target unit
    it is similar to becomes that unit."""
    listed = set(target_units)
    like: dict[str, list[str]] = {}
    for item in similar:
        like.setdefault(item.urn, []).append(item.target)
    found = []
    for decision in accepted:
        if decision.urn in listed or decision.urn not in like:
            found.append(decision)  # check_combination names a unit the target does not list
        elif len(like[decision.urn]) == 1:
            found.append(Accepted(like[decision.urn][0], decision.note))
        else:
            raise DecisionError(
                f"{decision.urn} is similar to several units of {target.name} "
                f"({', '.join(like[decision.urn])}): accept the one it stands for.")
    return found


def evidence_bars(catalogue: Catalogue, target: Qualification, *,
                  kinds: set[Kind] | None = None,
                  from_qualification: Qualification | None = None) -> tuple[EvidenceBar, ...]:
    """The documented bars on evidence towards ``target``: those on the kinds of qualification
    the learner's units were held through (``kinds``) or on ``from_qualification``; with
    neither known (``kinds`` None), every bar towards the target."""
    return tuple(
        EvidenceBar(rule.statement, rule.source)
        for rule in catalogue.transfer_rules
        if rule.kind is TransferKind.BAR and target.id in rule.to_qualifications
        and (kinds is None
             or kinds & set(rule.from_kinds)
             or (from_qualification is not None
                 and from_qualification.id in rule.from_qualifications))
    )


def _similar(catalogue: Catalogue, urns: Iterable[str],
             target_units: Iterable[str]) -> list[Similar]:
    """Each of ``urns`` that the target does not list, paired with each target unit that has
    its title under another URN."""
    listed = set(target_units)
    return [Similar(urn, other, _difference(catalogue, urn, other),
                    _evidence(catalogue, urn, other)) for urn in urns
            if urn not in listed
            for other in units_with_same_title(catalogue.graph, urn) if other in listed]


def _evidence(catalogue: Catalogue, held_urn: str, target_urn: str) -> str:
    """``Holds H/506/2154 Deal with ... (same title, another unit reference number; 3 credits,
    against 5 credits)``: the note an acceptance keeps."""
    held, ours = catalogue.units[held_urn], catalogue.units[target_urn].credits
    size = (f"; {count(held.credits, 'credit')}, against {count(ours, 'credit')}"
            if held.credits is not None and ours is not None and held.credits != ours else "")
    return f"Holds {held_urn} {held.title} (same title, another unit reference number{size})"


def _difference(catalogue: Catalogue, held_urn: str, target_urn: str) -> str | None:
    """How a unit held and the target's unit of the same title differ in size, and what an
    acceptance then counts: the target's unit, with its own credits."""
    held, target = catalogue.units[held_urn], catalogue.units[target_urn]
    if held.credits is None or target.credits is None:
        return None
    if held.credits == target.credits and (held.level == target.level
                                           or None in (held.level, target.level)):
        return None
    levels_differ = None not in (held.level, target.level) and held.level != target.level
    at = (lambda u: f" at Level {u.level}") if levels_differ else (lambda u: "")
    sizes = (f"{held_urn} is worth {count(held.credits, 'credit')}{at(held)} and {target_urn} "
             f"{count(target.credits, 'credit')}{at(target)}: if the centre accepts it, "
             f"{target_urn} counts with its own {count(target.credits, 'credit')}")
    if held.credits < target.credits:
        return (f"{sizes}, so accept it only where the learner's evidence covers the whole of "
                f"{target_urn}.")
    return sizes + "."


def _source_units_notes(catalogue: Catalogue, from_qualification: Qualification | None,
                        as_at: dt.date | None = None) -> list[EvidenceNote]:
    """What is not known of the completed qualification's units: none listed in the sources
    (so nothing can be said to carry over from it), or only those of a national structure it
    is taken to follow."""
    if from_qualification is None:
        return []
    rules, structure = catalogue.effective_rules(from_qualification, as_at=as_at)
    name = from_qualification.name
    if (later := rules_known_later(catalogue, from_qualification, as_at)) is not None:
        return [EvidenceNote(f"Which units of {name} count here is not known: {later.words}.",
                             later.source)]
    if rules is None:
        return [EvidenceNote(
            f"The sources do not list the units of {name}, so which of them count here cannot "
            "be worked out: take its certificate or unit record to the centre and ask.",
            from_qualification.source)]
    followed = catalogue.structure_followed(from_qualification)
    if structure is not None and followed is not None:
        how = "is inferred to follow" if followed[1] else "follows"
        based_on = from_qualification.based_on
        return [EvidenceNote(
            f"The sources do not list the units of {name}: its units counted here are the "
            f"mandatory units of the national structure {structure.structure_reference}, which "
            f"it {how}. Confirm them from its certificate or unit record.",
            based_on.source if based_on is not None else from_qualification.source)]
    return []


def _evidence_notes(catalogue: Catalogue, target: Qualification,
                    from_qualification: Qualification | None,
                    held_kinds: set[Kind]) -> list[EvidenceNote]:
    """The evidence-reuse rules towards ``target`` that apply: those naming the learner's
    qualification, and those about units held through a kind of qualification (NVQ units, say),
    whether the learner completed one or holds some of its units."""
    kinds = held_kinds | ({from_qualification.kind} if from_qualification is not None else set())
    return [
        EvidenceNote(rule.statement, rule.source)
        for rule in catalogue.transfer_rules
        if rule.kind is TransferKind.EVIDENCE_REUSE and target.id in rule.to_qualifications
        and ((from_qualification is not None
              and from_qualification.id in rule.from_qualifications)
             or kinds & set(rule.from_kinds))
    ]


def _assessed_at_work(catalogue: Catalogue, target: Qualification,
                      from_qualification: Qualification | None,
                      held_kinds: set[Kind]) -> list[EvidenceNote]:
    """From a knowledge qualification (a course) to one that assesses competence, where nothing
    held does: the new evidence it needs, a job to be assessed in (09628 to 10380, offered in
    place of 09629, which was knowledge only). Cited where the sources describe an NVQ's
    assessment at work."""
    if (from_qualification is None or from_qualification.kind is not Kind.KNOWLEDGE
            or not target.kind.assessed_at_work or any(k.assessed_at_work for k in held_kinds)):
        return []
    source = (target.assessment.source if target.kind is Kind.COMPETENCE and target.assessment
              else recommendation_index(catalogue).competence_assessment)
    what = ("combines knowledge with competence, and competence is assessed at work, as in an "
            "NVQ" if target.kind is Kind.COMBINED else "is assessed at work")
    return [EvidenceNote(
        f"{target.name} {what}: an assessor watches the job being done, so it takes a job or a "
        f"work placement in customer service. {from_qualification.name} was knowledge only, "
        "assessed without one.", source)]


def _held_through(catalogue: Catalogue, urn: str, source_kinds: dict[str, set[Kind]]
                  ) -> set[Kind]:
    """The kinds of qualification a unit is held through: the completed qualification it came
    from, else every qualification whose rules list it."""
    return source_kinds.get(urn) or _kinds_containing(catalogue, urn)


def _kinds_containing(catalogue: Catalogue, urn: str) -> set[Kind]:
    """The kinds of the qualifications whose rules list a unit (for documented bars)."""
    return {q.kind for q in catalogue.qualifications_listing(urn)}
