"""Cohort results as tables: one row per learner, the problems, and the intake summaries.

The ``advisor.formats.spreadsheet`` writers make these into downloads a spreadsheet opens
safely; the app shows them with charts from :mod:`advisor.views.charts`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import pandas as pd

from advisor.catalogue import Catalogue
from advisor.engine.carryover import CarryOver
from advisor.engine.cohort import (
    ASSESSED,
    NOT_ASSESSED,
    CohortInput,
    CohortResult,
    LearnerResult,
    Severity,
)
from advisor.engine.combination import CombinationCheck, describe_unit
from advisor.engine.decisions import ProgressCheck
from advisor.engine.eligibility import Eligibility, Status
from advisor.engine.wording import count, listed, uk_date
from advisor.views.labels import (
    BEYOND_COMPLETING,
    entry_status,
    replaced_in_brief,
    still_needed,
    yes_no,
)

UNKNOWN = "unknown"  # a yes/no column's word where the answer is not known

RESULT_COLUMNS: tuple[str, ...] = (
    "row", "learner_ref", "status", "recommended_level", "level_reasons",
    "target", "target_title", "target_status", "eligible", "eligibility_reasons",
    "credits_counted", "credits_required", "complete", "rules_not_met",
    "plan_units", "plan_credits", "plan_glh", "units_carried_over", "credits_carried_over",
    "units_accepted", "units_in_progress", "complete_when_in_progress_done",
    "finish_by", "in_time", "timeline",
    "notes", "problems",
)
PROBLEM_COLUMNS: tuple[str, ...] = ("row", "column", "severity", "message")

LIST_SEPARATOR = "; "  # units and other short items
# Reasons are sentences that contain semicolons themselves, so they are kept apart with a bar.
REASON_SEPARATOR = " | "


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


class _Formatter:
    """Formats one learner's engine results as result columns."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def eligibility(self, e: Eligibility) -> dict[str, Any]:
        return {
            "target_status": entry_status(e) + replaced_in_brief(self.catalogue, e.status),
            "eligible": yes_no(e.eligible, UNKNOWN),
            "eligibility_reasons": REASON_SEPARATOR.join(
                [e.summary, *(reason.message for reason in e.reasons)]),
        }

    def progress(self, p: ProgressCheck) -> dict[str, Any]:
        """Where the learner stands when the units in progress are done, and whether the plan
        fits before certification closes."""
        found: dict[str, Any] = {}
        if p.when_done is not None:
            found["complete_when_in_progress_done"] = yes_no(
                p.when_done.complete if p.when_done.known else None, UNKNOWN)
        if p.timeline is not None:
            finish = p.timeline.finish_by
            found |= {"finish_by": uk_date(finish) if finish is not None else "",
                      "in_time": yes_no(p.timeline.in_time, UNKNOWN), "timeline": p.timeline.reason}
        return found

    def carry(self, c: CarryOver) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            check = c.remaining
            rules, _ = self.catalogue.effective_rules(check.qualification)

            def units(urns: Iterable[str]) -> str:
                return LIST_SEPARATOR.join(
                    describe_unit(self.catalogue, u, rules, with_credits=False) for u in urns)

            notes = [*check.cautions]
            for item in c.similar:
                held = describe_unit(self.catalogue, item.urn, with_credits=False)
                like = describe_unit(self.catalogue, item.target, rules, with_credits=False)
                notes.append(f"{held} is similar to {like} (same title, another unit "
                             "reference): for the centre to judge"
                             + (f". {item.difference}" if item.difference else ""))
            # A documented bar is a reason worth reading; "not part of it" for every other unit
            # is one list.
            for barred in c.not_transferable:
                if barred.source:
                    notes.append(f"{barred.urn}: {barred.reason}")
            others = [item.urn for item in c.not_transferable if not item.source]
            if others:
                notes.append((f"Held units that are not part of {c.target.reference}: "
                              if c.target_units_known else
                              f"Held units that may count towards {c.target.reference} (the "
                              "sources do not list all its units): ")
                             + ", ".join(others))
            if c.possible:
                notes.append("Would also carry over if taken as an optional unit of "
                             f"{c.from_qualification.reference if c.from_qualification else ''}: "
                             + units(c.possible))
            notes += [n.statement for n in c.notes]
            plan = check.plan if check.known else None
            return {
                "credits_counted": check.credits_counted if check.known else None,
                "credits_required": check.credits_required,
                "complete": yes_no(check.complete if check.known else None, UNKNOWN),
                "rules_not_met": REASON_SEPARATOR.join(r.message for r in check.unmet),
                "plan_units": units(u.urn for u in plan.units) if plan else "",
                "plan_credits": plan.additional_credits if plan else None,
                "plan_glh": plan.additional_glh if plan else None,
                "units_carried_over": units(check.achieved_units),
                "units_accepted": units(check.accepted_units),
                "units_in_progress": units(check.in_progress),
                "credits_carried_over": c.credits_transferred,
                "notes": REASON_SEPARATOR.join(notes),
            }

        return build()


_NUMBER_COLUMNS = {"row", "recommended_level", "credits_counted", "credits_required",
                   "plan_credits", "plan_glh", "credits_carried_over"}
_BLANK_RECORD: dict[str, Any] = {c: None if c in _NUMBER_COLUMNS else "" for c in RESULT_COLUMNS}


def results_frame(result: CohortResult) -> pd.DataFrame:
    """One row per learner, in file order, with the columns of :data:`RESULT_COLUMNS`.

    Lists of units are joined with "; " and lists of reasons (sentences that contain semicolons
    themselves) with " | ". Numbers are nullable integers: empty where not known or not assessed.
    """
    if result.catalogue is None:
        raise ValueError("the result does not carry its catalogue; use assess_cohort's result")
    formatter = _Formatter(result.catalogue)
    records = []
    for learner in result.learners:
        record: dict[str, Any] = {
            **_BLANK_RECORD, "row": learner.row, "learner_ref": learner.learner_ref,
            "status": ASSESSED if learner.assessed else NOT_ASSESSED,
            "problems": REASON_SEPARATOR.join(
                (f"{p.column}: " if p.column else "")
                + (f"{p.message} (warning)" if p.severity is Severity.WARNING else p.message)
                for p in learner.problems),
        }
        if learner.assessed:
            record["recommended_level"] = learner.recommended_level
            record["level_reasons"] = REASON_SEPARATOR.join(
                [f.message for f in learner.level_reasons]
                + [f"Caution: {f.message}" for f in learner.level_cautions])
        if learner.target is not None:
            record["target"] = learner.target.reference
            record["target_title"] = learner.target.title
        if learner.eligibility is not None:
            record.update(formatter.eligibility(learner.eligibility))
            if _registered_to_finish(learner):  # enrolling is not the question for them
                record["eligible"] = ALREADY_REGISTERED
        if learner.carry_over is not None:
            record.update(formatter.carry(learner.carry_over))
            if learner.progress is not None:
                record.update(formatter.progress(learner.progress))
            held = {q.id for q in learner.held_qualifications}
            holds_target = learner.target is not None and learner.target.id in held
            if (_certificates_ended(learner) and learner.carry_over.remaining.known
                    and not holds_target):
                _beyond_completing(record, learner, learner.carry_over.remaining)
            if holds_target and learner.target is not None:
                already = f"Already holds {learner.target.reference}, the target."
                record["notes"] = REASON_SEPARATOR.join(
                    n for n in (already, record["notes"]) if n)
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(RESULT_COLUMNS))
    for column in RESULT_COLUMNS:
        frame[column] = frame[column].astype("Int64" if column in _NUMBER_COLUMNS else str)
    return frame


def _beyond_completing(record: dict[str, Any], learner: LearnerResult,
                       check: CombinationCheck) -> None:
    """A learner's row once the target's certificates have ended: rules met is not complete,
    no plan of units can complete it, nor can the units in progress."""
    def ended(complete: bool) -> str:
        return "rules met, certificates ended" if complete else "no, certificates ended"

    met = check.complete
    # What the rules lack, without their "take ... for example" units: none can complete it.
    record.update(complete=ended(met), plan_units="", plan_credits=None, plan_glh=None,
                  rules_not_met=REASON_SEPARATOR.join(still_needed(r) for r in check.unmet))
    done = learner.progress.when_done if learner.progress is not None else None
    if done is not None and done.known:
        record["complete_when_in_progress_done"] = ended(done.complete)
    if not met:
        record["notes"] = REASON_SEPARATOR.join(
            n for n in (BEYOND_COMPLETING, record["notes"]) if n)


ALREADY_REGISTERED = "already registered"
"""The "eligible" cell of a learner registered for a target still issuing certificates."""


def _registered_to_finish(learner: LearnerResult) -> bool:
    """Registered for a target whose certificates have not ended: the learner need not enrol
    (a last entry date passed does not stop them), only finish."""
    return learner.registered and not _certificates_ended(learner)


def _certificates_ended(learner: LearnerResult) -> bool:
    """The learner's target no longer issues certificates on the date."""
    return (learner.eligibility is not None
            and learner.eligibility.status.status is Status.CERTIFICATION_CLOSED)


def problems_frame(source: CohortInput | CohortResult) -> pd.DataFrame:
    """Every problem, one per row: spreadsheet row (empty for the whole file), column,
    severity and message."""
    frame = pd.DataFrame.from_records([p.as_dict() for p in source.problems],
                                      columns=list(PROBLEM_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    for column in PROBLEM_COLUMNS[1:]:
        frame[column] = frame[column].astype(str)
    return frame


def learners_per_level(result: CohortResult) -> pd.DataFrame:
    """How many learners each starting level is recommended for (each learner reference once:
    :attr:`CohortResult.counted_learners`); columns ``recommended_level`` ("Level 2", "no level
    suggested", "not assessed") and ``learners``."""
    levels: Counter[int] = Counter()
    none = not_assessed = 0
    for learner in result.counted_learners:
        if not learner.assessed:
            not_assessed += 1
        elif learner.recommended_level is None:
            none += 1
        else:
            levels[learner.recommended_level] += 1
    rows = [(f"Level {level}", levels[level]) for level in sorted(levels)]
    rows += [(label, n) for label, n in (("no level suggested", none),
                                         ("not assessed", not_assessed)) if n]
    frame = pd.DataFrame(rows, columns=["recommended_level", "learners"])
    frame["learners"] = frame["learners"].astype("int64")
    return frame


def completion_by_target(result: CohortResult) -> pd.DataFrame:
    """For each target, how many learners already complete it and whether they can enrol
    (each learner reference once: :attr:`CohortResult.counted_learners`).

    Columns: target, target_title, learners, complete, rules_met_certificates_ended (every rule
    met, but the target no longer certificates on the date), not_complete,
    not_complete_certificates_ended (not complete, and beyond completing), rules_not_known,
    eligible, not_eligible, eligibility_unknown (to enrol on the date), registered (already
    registered, and its certificates not ended: enrolling is not their question); the most
    common target first.
    """
    counts: dict[str, Counter[str]] = {}
    titles: dict[str, str] = {}
    for learner in result.counted_learners:
        if not learner.assessed or learner.target is None or learner.carry_over is None:
            continue
        label = learner.target.reference
        titles[label] = learner.target.title
        tally = counts.setdefault(label, Counter())
        tally["learners"] += 1
        check = learner.carry_over.remaining
        ended = _certificates_ended(learner)
        if not check.known:
            tally["rules_not_known"] += 1
        elif check.complete:
            tally["rules_met_certificates_ended" if ended else "complete"] += 1
        else:
            tally["not_complete_certificates_ended" if ended else "not_complete"] += 1
        eligible = learner.eligibility.eligible if learner.eligibility else None
        tally["registered" if _registered_to_finish(learner) else
              {True: "eligible", False: "not_eligible", None: "eligibility_unknown"}[eligible]] += 1
    columns = ["learners", "complete", "rules_met_certificates_ended", "not_complete",
               "not_complete_certificates_ended", "rules_not_known", "eligible",
               "not_eligible", "eligibility_unknown", "registered"]
    ordered = sorted(counts.items(), key=lambda item: (-item[1]["learners"], item[0]))
    rows = [[label, titles[label], *(tally[c] for c in columns)] for label, tally in ordered]
    frame = pd.DataFrame(rows, columns=["target", "target_title", *columns])
    frame[columns] = frame[columns].astype("int64")
    return frame


def units_most_needed(result: CohortResult, *, limit: int | None = None) -> pd.DataFrame:
    """The units that appear most often in learners' smallest completion plans.

    A plan's mandatory units are needed by everyone without them; its optional units are the
    cheapest choice, one of several that would do. Learners whose target no longer issues
    certificates on the date are left out: no unit can complete it for them. Each learner
    reference counts once (:attr:`CohortResult.counted_learners`). Columns: urn,
    title, credits, level, learners, targets (the targets whose plans include it).
    """
    learners: Counter[str] = Counter()
    targets: dict[str, dict[str, None]] = {}
    for learner in result.counted_learners:
        carried = learner.carry_over
        if (not learner.assessed or carried is None or learner.target is None
                or _certificates_ended(learner)):
            continue
        plan = carried.remaining.plan
        if plan is None or not carried.remaining.known:
            continue
        for planned in plan.units:
            learners[planned.urn] += 1
            targets.setdefault(planned.urn, {})[learner.target.reference] = None
    units = result.catalogue.units if result.catalogue is not None else {}
    rows = []
    for urn, needing in sorted(learners.items(), key=lambda item: (-item[1], item[0]))[:limit]:
        unit = units.get(urn)
        rows.append([urn, unit.title if unit else "", unit.credits if unit else None,
                     unit.level if unit else None, needing, LIST_SEPARATOR.join(targets[urn])])
    frame = pd.DataFrame(rows, columns=["urn", "title", "credits", "level", "learners",
                                        "targets"])
    for column in ("credits", "level", "learners"):
        frame[column] = frame[column].astype("Int64")
    return frame


def certificates_ended_count(result: CohortResult) -> int:
    """How many learners short of their target's rules have a target that no longer issues
    certificates on the date (left out of :func:`units_most_needed`: no unit can complete it)."""
    return sum(1 for learner in result.counted_learners if learner.assessed
               and _certificates_ended(learner) and learner.carry_over is not None
               and learner.carry_over.remaining.known
               and not learner.carry_over.remaining.complete)


REFERENCES_NAMED = 5  # the repeated learner references a note names; the rest are counted


def repeated_references_note(result: CohortResult) -> str:
    """Said beside the totals when a learner reference is on more than one row ("" when none
    is): the summaries count each reference once, every row is still in the results."""
    repeated = result.repeated_references
    if not repeated:
        return ""
    named = list(repeated[:REFERENCES_NAMED])
    if len(repeated) > REFERENCES_NAMED:
        named.append(f"{len(repeated) - REFERENCES_NAMED} more")
    one = len(repeated) == 1
    return (f"{count(len(repeated), 'learner reference')} ({listed(named, 'and')}) "
            f"{'appears' if one else 'appear'} on more than one row; the summaries count "
            f"{'it' if one else 'each'} once, from the first of {'its' if one else 'their'} "
            "rows that could be assessed. Every row is still listed in the results.")


def result_sheets(result: CohortResult) -> dict[str, pd.DataFrame]:
    """Every table of a result by sheet name, for an Excel download."""
    return {
        "learners": results_frame(result),
        "problems": problems_frame(result),
        "levels": learners_per_level(result),
        "completion": completion_by_target(result),
        "units needed": units_most_needed(result),
    }


SCREEN_COLUMNS: dict[str, str] = {
    "learner_ref": "Learner", "row": "Row", "status": "Assessed",
    "recommended_level": "Level", "target": "Target", "eligible": "Can start",
    "complete": "Complete", "target_status": "Target on the date",
    "credits_counted": "Credits counted",
    "credits_required": "Credits required", "plan_credits": "Credits still needed",
    "plan_glh": "GLH still needed", "rules_not_met": "Why not complete",
    "eligibility_reasons": "Why", "problems": "Problems",
}
"""The results columns a screen shows, first to last, with the headings people read: who (the
row in the file too, for a row with no learner reference), then what decides, short answers
before long ones so they are in view without scrolling sideways. The downloads
keep every column under its file name."""


def results_on_screen(results: pd.DataFrame) -> pd.DataFrame:
    """The columns of :func:`results_frame` that decide, in order, with readable headings."""
    return results[list(SCREEN_COLUMNS)].rename(columns=SCREEN_COLUMNS)
