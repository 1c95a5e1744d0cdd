"""Results as plain JSON-ready dictionaries: the CLI's ``--json`` and the app's downloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from advisor.catalogue import Catalogue, Citation, Framework, Problem, Statement
from advisor.catalogue.models import Qualification, RulesOfCombination
from advisor.engine.carryover import CarryOver, EvidenceBar, NotTransferable
from advisor.engine.combination import unit_number
from advisor.engine.combination_types import CombinationCheck, RuleResult
from advisor.engine.decisions import ProgressCheck, Timeline
from advisor.engine.eligibility import Eligibility, Reason, Status, StatusOnDate, status_on
from advisor.engine.fits import route_fits_aim
from advisor.engine.frameworks import FrameworkStatus, RouteFrameworks
from advisor.engine.recommend import assessed_at_work_caution
from advisor.engine.recommend_types import Aim, Employment, Finding, JobWanted, Recommendation
from advisor.engine.registered import from_register
from advisor.engine.routes import Route, RouteStep
from advisor.formats.source_json import opening_later_dict as opening_later_dict
from advisor.formats.source_json import qualification_dict as qualification_dict
from advisor.formats.source_json import rules_known_later_dict, source_dicts
from advisor.register import Register, RegisterEntry
from advisor.views.labels import awarding_bodies_of, check_headline, plan_beyond_certification


def reason_dict(catalogue: Catalogue, reason: Reason) -> dict[str, Any]:
    """An eligibility reason: its ``code``, ``message`` and ``source`` (:func:`source_dicts`)."""
    return reason.as_dict() | {"source": source_dicts(catalogue, reason.source)}


def rule_dict(catalogue: Catalogue, rule: RuleResult) -> dict[str, Any]:
    """A rule's result, as the engine gives it, with its ``source`` (:func:`source_dicts`)."""
    return rule.as_dict() | {"source": source_dicts(catalogue, rule.source)}


def status_dict(catalogue: Catalogue, status: StatusOnDate) -> dict[str, Any]:
    """A status on a date: ``value`` (open, not-yet-open, closed-to-new-learners,
    certification-closed, unknown, national-structure), the ``reason`` and its ``source``, and
    what the sources say ``replaced_by`` it where it has closed, or where it is not known to be
    open and the replacement had opened by the date (each ``inferred`` where the sources only
    suggest it), as the text's status sentence names them."""
    return {
        "value": status.status.value,
        "reason": status.reason,
        "source": source_dicts(catalogue, status.source),
        "replaced_by": [qualification_dict(catalogue.qualifications[i])
                        | {"inferred": i in status.inferred_replacements}
                        for i in status.replaced_by if i in catalogue.qualifications],
    }


def _with_status(catalogue: Catalogue, q: Qualification,
                 as_at: dt.date | None) -> dict[str, Any]:
    found = qualification_dict(q)
    if as_at is not None:
        found["status"] = status_dict(catalogue, status_on(catalogue, q, as_at))
    return found


def unit_dict(catalogue: Catalogue, urn: str,
              rules: RulesOfCombination | None = None) -> dict[str, Any]:
    unit = catalogue.units.get(urn)
    return {
        "urn": urn,
        "number": unit_number(rules, urn),
        "title": unit.title if unit else None,
        "credits": unit.credits if unit else None,
        "level": unit.level if unit else None,
        "glh": unit.glh if unit else None,
    }


def check_dict(catalogue: Catalogue, check: CombinationCheck, *,
               as_at: dt.date | None = None, register: Register | None = None
               ) -> dict[str, Any]:
    """A check of units against a qualification; with ``as_at``, the qualification's status
    on that date too."""
    rules, _ = catalogue.effective_rules(check.qualification)
    status = (status_on(catalogue, check.qualification, as_at, register=register)
              if as_at is not None else None)
    cautions = list(check.cautions)
    beyond = (plan_beyond_certification(catalogue, check.qualification, status)
              if status is not None and not check.complete else None)
    if beyond is not None and check.plan is not None and check.plan.units:
        cautions.insert(0, beyond)
    plan = None
    if check.plan is not None:
        plan = {
            "units": [unit_dict(catalogue, u.urn, rules) | {"group": u.group}
                      for u in check.plan.units],
            "additional_credits": check.plan.additional_credits,
            "additional_glh": check.plan.additional_glh,
            "objective": check.plan.objective.value,
            "note": check.plan.note,
        }
    return {
        "qualification": qualification_dict(check.qualification)
        | ({"status": status_dict(catalogue, status)} if status is not None else {}),
        "rules_known": check.known,
        "rules_from": (qualification_dict(check.rules_from) if check.rules_from else None),
        # Not known on the date only because the structure they are borrowed from is later.
        "rules_known_later": rules_known_later_dict(catalogue, check.rules_known_later),
        # Not known where the rules are not: null, as an intake's results give it, not false.
        "complete": check.complete if check.known else None,
        "headline": check_headline(check, status),
        "credits_counted": check.credits_counted,
        "credits_required": check.credits_required,
        "rules": [rule_dict(catalogue, r) for r in check.rules],
        "unmet": [rule_dict(catalogue, r) for r in check.unmet],
        "plan": plan,
        "no_plan_reason": check.no_plan_reason,
        "counted_units": [unit_dict(catalogue, u, rules) for u in check.counted_units],
        "achieved_units": [unit_dict(catalogue, u, rules) for u in check.achieved_units],
        "accepted": [unit_dict(catalogue, a.urn, rules) | {"note": a.note}
                     for a in check.accepted],
        "in_progress": [unit_dict(catalogue, u, rules) for u in check.in_progress],
        "other_units": [unit_dict(catalogue, u) for u in check.other_units],
        "cautions": cautions,
        # What the sources say of its rules where they are not given unit by unit (03455).
        "rule_statements": ([{"points": list(statement.points),
                              "source": source_dicts(catalogue, statement.source)}
                             for statement in check.qualification.rule_statements]
                            if not check.known else []),
    }


def timeline_dict(catalogue: Catalogue, timeline: Timeline) -> dict[str, Any]:
    """Whether the plan fits before certification closes: ``in_time`` true, false or null
    (not known, ``reason`` says why)."""
    def day(date: dt.date | None) -> str | None:
        return date.isoformat() if date is not None else None

    return {
        "glh_per_week": timeline.glh_per_week,
        "start": day(timeline.start),
        "glh_needed": timeline.glh_needed,
        "weeks": timeline.weeks,
        "finish_by": day(timeline.finish_by),
        "certification_end": day(timeline.certification_end),
        "last_entry": day(timeline.last_entry),
        "closed_to_entry_by": day(timeline.closed_to_entry_by),
        "in_time": timeline.in_time,
        "reason": timeline.reason,
        "source": source_dicts(catalogue, timeline.source),
    }


def bar_dicts(catalogue: Catalogue, bars: Sequence[EvidenceBar]) -> list[dict[str, Any]]:
    return [{"statement": b.statement, "source": source_dicts(catalogue, b.source)} for b in bars]


def progress_dict(catalogue: Catalogue, result: ProgressCheck, *,
                  as_at: dt.date | None = None, register: Register | None = None
                  ) -> dict[str, Any]:
    """A check with the centre's decisions: the check (with ``accepted`` and ``in_progress``),
    ``when_in_progress_done`` (the same object, as if the units in progress were achieved;
    null when none is in progress), ``timeline`` (null without hours a week) and the
    ``evidence_bars`` beside the units accepted."""
    done = result.when_done
    return {"as_at": as_at.isoformat() if as_at else None} | check_dict(
        catalogue, result.today, as_at=as_at, register=register) | {
        "when_in_progress_done": (check_dict(catalogue, done, as_at=as_at, register=register)
                                  if done is not None else None),
        "timeline": (timeline_dict(catalogue, result.timeline)
                     if result.timeline is not None else None),
        "evidence_bars": bar_dicts(catalogue, result.bars),
    }


def _not_transferable(catalogue: Catalogue, unit: NotTransferable) -> dict[str, Any]:
    return {"urn": unit.urn, "reason": unit.reason, "source": source_dicts(catalogue, unit.source)}


def carry_over_dict(catalogue: Catalogue, result: CarryOver, *,
                    as_at: dt.date | None = None) -> dict[str, Any]:
    """What carries over to a target; with ``as_at``, the target's status on that date."""
    rules, _ = catalogue.effective_rules(result.target)
    return {
        "as_at": as_at.isoformat() if as_at else None,
        "target": _with_status(catalogue, result.target, as_at),
        "from": qualification_dict(result.from_qualification)
        if result.from_qualification else None,
        "held": [unit_dict(catalogue, u) for u in result.held],
        "transfers": [unit_dict(catalogue, u, rules) for u in result.transfers],
        "credits_transferred": result.credits_transferred,
        "credits_counting": result.credits_counting,
        "possible_transfers": [unit_dict(catalogue, u, rules) for u in result.possible],
        "possible_similar": [
            {"urn": s.urn, "title": catalogue.units[s.urn].title,
             "target": unit_dict(catalogue, s.target, rules)}
            for s in result.possible_similar
        ],
        "similar": [
            {"urn": s.urn, "title": catalogue.units[s.urn].title,
             "target": unit_dict(catalogue, s.target, rules)}
            for s in result.similar
        ],
        # Where the sources list only some of the target's units, a unit held that is not
        # among them and that nothing documented bars may count: listed apart, so that no
        # script reads it as barred.
        "not_transferable": [_not_transferable(catalogue, n) for n in result.not_transferable
                             if n.source or result.target_units_known],
        "may_count": [_not_transferable(catalogue, n) for n in result.not_transferable
                      if not (n.source or result.target_units_known)],
        "held_units_known": result.held_units_known,
        "target_units_known": result.target_units_known,
        # A unit held may count beyond the transfers: "remaining"'s plan is then the most needed.
        "held_may_count": result.held_may_count,
        "evidence_notes": [
            {"statement": n.statement, "source": source_dicts(catalogue, n.source)}
            for n in result.notes
        ],
        "accepted": [unit_dict(catalogue, a.urn, rules) | {"note": a.note}
                     for a in result.accepted],
        "evidence_bars": bar_dicts(catalogue, result.bars),
        # Checked on the date too, as the text's check of what remains is.
        "remaining": check_dict(catalogue, result.remaining, as_at=as_at),
    }


def eligibility_dict(catalogue: Catalogue, result: Eligibility) -> dict[str, Any]:
    """Whether a learner can start a qualification on a date: ``eligible`` (true, false or
    null: not known), the ``summary``, every reason with its source, the qualification's
    ``status`` on the date (:func:`status_dict`, as every other answer gives it) and the
    register's record."""
    return {
        "qualification": {**qualification_dict(result.qualification),
                          "origin": qualification_origin(result.qualification)},
        "as_at": result.as_at.isoformat(),
        "eligible": result.eligible,
        "summary": result.summary,
        "status": status_dict(catalogue, result.status),
        "reasons": [reason_dict(catalogue, r) for r in result.reasons],
        "register": _registered(result.registered),
    }


def qualification_origin(q: Qualification) -> str:
    """``register`` for a qualification known only from the register, else ``catalogue``."""
    return "register" if from_register(q) else "catalogue"


def _registered(entry: RegisterEntry | None) -> dict[str, Any] | None:
    """The register's status and dates for a qualification, beside the documents'."""
    if entry is None:
        return None
    found = entry.as_dict()
    return {name: found[name] for name in ("number", "title", "status", "operational_start",
                                           "operational_end", "certification_end")}


def finding_dict(catalogue: Catalogue, finding: Finding) -> dict[str, Any]:
    return {"code": finding.code, "message": finding.message, "level": finding.level,
            "source": source_dicts(catalogue, finding.source)}


def recommendation_dict(catalogue: Catalogue, result: Recommendation) -> dict[str, Any]:
    profile = result.profile
    match = result.role_match
    return {
        "as_at": result.as_at.isoformat(),
        "profile": {
            "age": profile.age,
            "employment": profile.employment.value if profile.employment else None,
            "role": profile.role,
            "responsibilities": list(profile.responsibilities),
            "senior_role": profile.senior_role,
            "has": list(profile.held_qualifications),
            "other_levels": list(profile.other_held_levels),
            "units": list(profile.held_units),
            "aim": profile.aim.value if profile.aim else None,
            "job_wanted": profile.job_wanted,
        },
        "recommended_level": result.recommended_level,
        "qualifications": [
            qualification_dict(o.qualification) | {
                "origin": qualification_origin(o.qualification),
                "register": _registered(o.eligibility.registered),
                "eligible": o.eligibility.eligible,
                "summary": o.eligibility.summary,
                "status": status_dict(catalogue, o.eligibility.status),
                "eligibility": [reason_dict(catalogue, r) for r in o.eligibility.reasons],
                "fits_aim": o.fits_aim,
                "aim_note": o.aim_note,
                # Not known (null) where its rules are not: the page's "not known".
                "credits_counted": o.check.credits_counted if o.check and o.check.known
                else None,
                "credits_required": o.check.credits_required if o.check else None,
                "additional_credits": (o.check.plan.additional_credits
                                       if o.check and o.check.plan and o.check.known else None),
                "credits_still_needed": o.check.credits_still_needed if o.check else None,
                # The page's and the text's "up to", as a route step's.
                "credits_still_needed_at_most": (o.check.credits_still_needed_at_most
                                                 if o.check else None),
                "can_be_completed": not (
                    o.eligibility.status.status is Status.CERTIFICATION_CLOSED
                    and not (o.check is not None and o.check.complete)),
                "plan": ([unit_dict(catalogue, u.urn) | {"group": u.group}
                          for u in o.check.plan.units]
                         if o.check and o.check.plan and o.check.known else None),
            }
            for o in result.options
        ],
        "reasons": [finding_dict(catalogue, f) for f in result.reasons],
        "cautions": [finding_dict(catalogue, f) for f in result.cautions],
        "role_match": None if match is None else {
            "text": match.text,
            "roles": [{"id": r.id, "title": r.title, "level": r.level} for r in match.roles],
            "suggestions": [{"id": r.id, "title": r.title, "level": r.level}
                            for r in match.suggestions],
        },
        # For an apprenticeship aim, the frameworks at the level (else empty).
        "frameworks": [framework_dict(catalogue, f) for f in result.frameworks],
        "next_steps": [
            {"message": step.message, "source": source_dicts(catalogue, step.source)}
            for step in result.next_steps
        ],
        "roles_at_level": [r.title for r in result.roles_at_level],
        "job_wanted": _job_wanted_dict(catalogue, result.job_wanted),
        # How to reach the awarding bodies of the qualifications, as their documents give it.
        "awarding_bodies": [body.model_dump(mode="json") | {"source": source_dicts(
            catalogue, body.source)} for body in awarding_bodies_of(
            catalogue, (o.qualification for o in result.options))],
    }


def _job_wanted_dict(catalogue: Catalogue, wanted: JobWanted | None) -> dict[str, Any] | None:
    """The job a learner not working would like (``recommend --job-wanted``): see the README."""
    if wanted is None:
        return None
    after = {r.id: catalogue.qualifications[r.after or ""].reference for r in wanted.match.roles
             if r.after in catalogue.qualifications}
    return {
        "text": wanted.match.text,
        "not_listed": wanted.not_listed and finding_dict(catalogue, wanted.not_listed),
        "suggestions": [{"id": r.id, "title": r.title, "level": r.level}
                        for r in wanted.match.suggestions],
        "roles": [{
            "id": w.role.id, "title": w.role.title, "level": w.role.level,
            "after": after.get(w.role.id), "about": finding_dict(catalogue, w.about),
            "towards": finding_dict(catalogue, w.towards),
            "at_work": w.at_work and finding_dict(catalogue, w.at_work),
            "qualifications": [qualification_dict(t.qualification)
                               | {"status": status_dict(catalogue, t.status)}
                               for t in w.qualifications],
            "open_on_date": [t.qualification.reference for t in w.qualifications
                             if t.status.status is Status.OPEN],
        } for w in wanted.roles],
    }


def responsibilities_dict(catalogue: Catalogue, statement: Statement | None) -> dict[str, Any]:
    """The documents' descriptions of a Level 3 learner (``recommend
    --list-responsibilities``), with their source; empty where the catalogue has none."""
    return {"responsibilities": list(statement.points) if statement else [],
            "source": source_dicts(catalogue, statement.source) if statement else []}


def route_dict(catalogue: Catalogue, route: Route,
               for_learner: Sequence[Eligibility] = (), *,
               age_given: bool = True) -> dict[str, Any]:
    """A route as a JSON-ready dictionary: the CLI's ``--json`` and the app's downloads.
    ``for_learner``, where the learner's age or whether they are in a senior role was given:
    each step's eligibility for them, whose reasons about age each step gives as ``age``
    (where the age was given: ``age_given``) and about the role it asks for as ``role``."""
    steps = []
    for n, step in enumerate(route.steps):
        carried = carry_over_dict(catalogue, step.carry_over)
        remaining = carried["remaining"]
        # Before the plan, as the text and the page say it: with the step's status, which may
        # rest on the register's dates.
        beyond = (plan_beyond_certification(catalogue, step.to, step.status)
                  if step.plan_units else None)
        steps.append({
            "from": qualification_dict(step.from_) if step.from_ is not None else None,
            "to": qualification_dict(step.to) | {"origin": qualification_origin(step.to)},
            "origin": qualification_origin(step.to),
            "regulator_number": step.to.regulator_number,
            "status": status_dict(catalogue, step.status),
            "age": ([reason_dict(catalogue, r) for r in for_learner[n].about_age]
                    if n < len(for_learner) and age_given else None),
            "role": ([reason_dict(catalogue, r) for r in for_learner[n].about_role]
                     if n < len(for_learner) else None),
            "edge": step.kind.value,
            "statement": step.statement,
            "source": source_dicts(catalogue, step.source),
            "source_notes": [c.note for c in step.source if c.note],
            "shared_units": list(step.shared_units),
            "credits_transferred": carried["credits_transferred"],
            "credits_counting": carried["credits_counting"],
            "held_units_known": carried["held_units_known"],
            "target_units_known": carried["target_units_known"],
            "evidence_notes": carried["evidence_notes"],
            "transfers": carried["transfers"],
            "possible_transfers": carried["possible_transfers"],
            "possible_similar": carried["possible_similar"],
            "similar": carried["similar"],
            "not_transferable": carried["not_transferable"],
            "may_count": carried["may_count"],
            "rules_known": remaining["rules_known"],
            "rules_known_later": remaining["rules_known_later"],
            "additional_credits": step.additional_credits,  # the plan's: null without one
            "credits_still_needed": step.credits_still_needed,  # also where only some are listed
            # Where a unit held may count too: the most still needed (the text's "up to").
            "credits_still_needed_at_most": step.credits_still_needed_at_most,
            # False where its certificates have ended: no unit taken now could complete it (what
            # its rules would still need is kept, with the caution saying so).
            "can_be_completed": not _certificates_ended(step),
            "plan_units": remaining["plan"]["units"] if remaining["plan"] else [],
            "cautions": ([beyond] if beyond else []) + remaining["cautions"],
            "replaced_by": [
                {"by": r.by, "scope": r.scope, "source": source_dicts(catalogue, r.source)}
                for r in step.replaced_by
            ],
        })
    cost = route.cost
    return {
        "as_at": route.as_at.isoformat(),
        "status": route.status.value,
        "path": [qualification_dict(q) for q in route.path],
        "steps": steps,
        "additional_credits": route.additional_credits,
        "credits_still_needed": route.credits_still_needed,
        "credits_still_needed_at_most": route.credits_still_needed_at_most,
        "can_be_completed": not any(_certificates_ended(step) for step in route.steps),
        "documented": route.documented,
        "starting_point_only": route.starting_point_only,  # "documented" is then vacuous
        "cost": {
            "status_rank": cost.status_rank,
            "legacy_steps": cost.legacy_steps,
            "non_stated_steps": cost.non_stated_steps,
            "shared_unit_steps": cost.shared_unit_steps,
            "unknown_credit_steps": cost.unknown_credit_steps,
            "additional_credits_known": cost.additional_credits,
            "steps": cost.steps,
            "ids": list(cost.ids),
        },
    }


def _certificates_ended(step: RouteStep) -> bool:
    """Whether a step's certificates have ended on the route's date with its rules unmet."""
    return (step.status.status is Status.CERTIFICATION_CLOSED
            and not step.carry_over.remaining.complete)


def routes_dict(catalogue: Catalogue, routes: Sequence[Route], *,
                source: Qualification | None, units: Sequence[str],
                target: Qualification | None, to_level: int | None,
                already_there: bool,
                also_completed: Sequence[Qualification] = (),
                frameworks: Sequence[RouteFrameworks] = (),
                age: int | None = None, senior_role: bool | None = None,
                aim: Aim | None = None, employment: Employment | None = None,
                for_learner: Sequence[Sequence[Eligibility]] = (),
                register: Register | None = None, as_at: dt.date | None = None
                ) -> dict[str, Any]:
    """A route search on a date (``as_at``, as each route gives it too): where from (a
    qualification, other qualifications completed and units held), where to, the learner's
    ``age``, whether they are in a senior role (``senior_role``) and whether they are working
    (``employment``, and for someone not working, each route's ``at_work`` caution about its
    steps assessed at work, null where it has none) where given, whether the learner is
    already there, and the routes found, best first, each with the apprenticeship frameworks
    it leads into (``frameworks``, one for each route, where given) and each step's reasons
    about the age and the role (``for_learner``: for each route, each step's eligibility);
    with what the learner wants (``aim``), whether where each route ends fits it
    (``fits_aim``, null where not known), why (``aim_note``, with its ``aim_source``) and,
    for a learner not working, whether it asks for a job or a work placement
    (``aim_needs_work``: assessed at work)."""
    def fits(route: Route) -> dict[str, Any]:
        if aim is None:
            return {}
        fit = route_fits_aim(catalogue, route, aim, employment=employment, register=register)
        return {"fits_aim": fit.fits, "aim_note": fit.why,
                "aim_source": source_dicts(catalogue, fit.source),
                "aim_needs_work": fit.needs_work}

    def at_work(route: Route) -> dict[str, Any]:
        if employment is None:
            return {}
        caution = assessed_at_work_caution(catalogue, route, employment)
        return {"at_work": finding_dict(catalogue, caution) if caution is not None else None}

    return {
        "as_at": as_at.isoformat() if as_at else None,
        "from": qualification_dict(source) if source else None,
        "also_completed": [qualification_dict(q) for q in also_completed],
        "units": list(units),
        "to": qualification_dict(target) if target else None,
        "to_level": to_level,
        "age": age,
        "senior_role": senior_role,
        "employment": employment.value if employment is not None else None,
        "aim": aim.value if aim is not None else None,
        "already_there": already_there,
        "routes": [route_dict(catalogue, r, for_learner[n] if n < len(for_learner) else (),
                              age_given=age is not None) | fits(r) | at_work(r)
                   | (_leads_into_dict(catalogue, frameworks[n]) if n < len(frameworks) else {})
                   for n, r in enumerate(routes)],
    }


def _leads_into_dict(catalogue: Catalogue, leads_into: RouteFrameworks) -> dict[str, Any]:
    return {"frameworks": [framework_dict(catalogue, f) for f in leads_into.frameworks],
            "apprenticeships_today": leads_into.today}


def validation_dict(problems: Sequence[Problem]) -> dict[str, Any]:
    """A catalogue check: valid or not, with every problem (file, line, key path, message)."""
    return {"valid": not problems, "problems": [p.as_dict() for p in problems]}


def framework_dict(catalogue: Catalogue, f: FrameworkStatus) -> dict[str, Any]:
    """A framework with each component held (true), missing (false) or not in these documents
    (null, check with the centre), its qualifications' status on the date, and what took its
    place."""
    return {
        "id": f.framework.id,
        "title": f.framework.title,
        "level": f.framework.level,
        "reference": f.framework.reference,
        "issued": f.framework.issued.isoformat() if f.framework.issued else None,
        "components": [{
            "id": c.component.id,
            "kind": c.component.kind.value,
            "held": c.held,
            "message": c.message,
            "qualifications": [qualification_dict(catalogue.qualifications[q])
                               | {"status": status_dict(catalogue, status)}
                               for q, status in c.statuses],
            "source": source_dicts(catalogue, c.component.source),
        } for c in f.components],
        "missing": [c.component.id for c in f.missing],
        "cautions": list(f.cautions),
        "superseded": f.superseded,
        "succeeded_by": None if f.framework.succeeded_by is None else {
            "reference": f.framework.succeeded_by.reference,
            "title": f.framework.succeeded_by.title,
            "level": f.framework.succeeded_by.level,
            "note": f.framework.succeeded_by.note,
            "source": source_dicts(catalogue, f.framework.succeeded_by.source),
        },
    }


def frameworks_dict(catalogue: Catalogue, frameworks: Sequence[FrameworkStatus], *,
                    held: Sequence[str], as_at: dt.date,
                    today: Mapping[int, tuple[str, tuple[Citation, ...]]] | None = None,
                    not_yet_issued: Sequence[Framework] = ()) -> dict[str, Any]:
    """Each framework (:func:`framework_dict`), with the date and the qualifications held;
    ``today``: for each level where no framework names what took its place, where
    apprenticeships at that level stand on the date; ``not_yet_issued``: the frameworks left
    out because they were issued after the date."""
    return {
        "as_at": as_at.isoformat(),
        "has": list(held),
        "today": [{"level": level, "message": said, "source": source_dicts(catalogue, source)}
                  for level, (said, source) in (today or {}).items()],
        "frameworks": [framework_dict(catalogue, f) for f in frameworks],
        "not_yet_issued": [{"id": f.id, "title": f.title, "level": f.level,
                            "reference": f.reference,
                            "issued": f.issued.isoformat() if f.issued else None}
                           for f in not_yet_issued],
    }
