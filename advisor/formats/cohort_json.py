"""A cohort run as JSON (``advisor cohort --json``): values, not the results file's words, as
the other commands' JSON gives them (:mod:`advisor.formats.json_shapes`), with the intake's
summaries and one record per learner."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from advisor.catalogue import Catalogue
from advisor.engine.cohort import CohortResult, LearnerResult, RowProblem
from advisor.formats.json_shapes import (
    finding_dict,
    qualification_dict,
    qualification_origin,
    reason_dict,
    rule_dict,
    source_dicts,
    status_dict,
    timeline_dict,
    unit_dict,
)
from advisor.views import cohort_tables

__all__ = ["cohort_dict", "cohort_learner_dict", "unreadable_cohort_dict"]


def _records(frame: pd.DataFrame) -> list[dict[Any, Any]]:
    """A table's rows as dictionaries, with ``None`` for missing values."""
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def unreadable_cohort_dict(learners_file: Path | str,
                           problems: Sequence[RowProblem]) -> dict[str, Any]:
    """A learners file that could not be read, with why."""
    return {"file": str(learners_file), "readable": False,
            "problems": [p.as_dict() for p in problems]}


def cohort_dict(result: CohortResult, *, learners_file: Path | str,
                output: Path | str | None) -> dict[str, Any]:
    """A cohort run: what was read and written, every problem, the intake summaries and one
    record per learner (:func:`cohort_learner_dict`)."""
    catalogue = result.catalogue
    if catalogue is None:
        raise ValueError("the result does not carry its catalogue; use assess_cohort's result")
    return {
        "file": str(learners_file), "readable": True, "as_at": result.as_at.isoformat(),
        "objective": result.objective.value,
        "output": str(output) if output is not None else None,
        "rows_read": result.rows_read, "assessed": result.assessed,
        "not_assessed": result.not_assessed,
        # The summaries below count each learner reference once; every row is in "learners".
        "learners_counted": len(result.counted_learners),
        "repeated_learner_refs": list(result.repeated_references),
        "problems": [p.as_dict() for p in result.problems],
        "learners_per_level": [
            {"recommended_level": level, "assessed": assessed, "learners": n}
            for level, assessed, n in cohort_tables.level_counts(result)],
        "completion_by_target": _records(cohort_tables.completion_by_target(result)),
        "units_most_needed": [
            unit_dict(catalogue, urn) | {"learners": n, "targets": list(targets)}
            for urn, n, targets in cohort_tables.units_needed(result, limit=10)],
        "learners": [cohort_learner_dict(catalogue, learner) for learner in result.learners],
    }


def cohort_learner_dict(catalogue: Catalogue, learner: LearnerResult) -> dict[str, Any]:
    """One row of a cohort run: the results file's columns as values, not words (true, false
    or null; numbers; lists), each reason with its source and each unit as
    :func:`unit_dict`. ``eligible`` is whether the learner can enrol on the date; one
    ``registered`` for the target need only finish while certificates are issued
    (``certificates_ended`` false): the file's "already registered". ``complete`` is whether
    the rules are met (as ``check`` gives it); where ``certificates_ended`` and the target is
    not held, no plan is given and each rule not met says only what it lacks."""
    e, c, progress = learner.eligibility, learner.carry_over, learner.progress
    check = c.remaining if c is not None else None
    known = check if check is not None and check.known else None  # the figures mean something
    rules = catalogue.effective_rules(check.qualification)[0] if check is not None else None
    plan = cohort_tables.results_plan(learner)
    done = progress.when_done if progress is not None else None

    def units(urns: Sequence[str]) -> list[dict[str, Any]]:
        return [unit_dict(catalogue, urn, rules) for urn in urns]

    return {
        "row": learner.row, "learner_ref": learner.learner_ref, "assessed": learner.assessed,
        "age": learner.age,  # the age the answers rest on: given, or from the date of birth
        # the file's own columns, as written (a tutor, notes)
        "file_columns": dict(learner.own_columns),
        # the cells of the columns read, as written ("9628" read as 09628, "19 or 20")
        "as_given": dict(learner.given),
        "recommended_level": learner.recommended_level,
        "level_reasons": [finding_dict(catalogue, f) for f in learner.level_reasons],
        "level_cautions": [finding_dict(catalogue, f) for f in learner.level_cautions],
        "target": (qualification_dict(learner.target)
                   | {"origin": qualification_origin(learner.target)}
                   if learner.target is not None else None),
        "target_status": status_dict(catalogue, e.status) if e is not None else None,
        "certificates_ended": cohort_tables.certificates_ended(learner),
        "registered": learner.registered,
        "eligible": e.eligible if e is not None else None,
        "eligibility_summary": e.summary if e is not None else None,
        "eligibility_reasons": ([reason_dict(catalogue, r) for r in e.reasons]
                                if e is not None else []),
        "credits_counted": known.credits_counted if known is not None else None,
        "credits_required": check.credits_required if check is not None else None,
        "complete": known.complete if known is not None else None,
        "rules_not_met": [rule_dict(catalogue, rule) | {"message": said}
                          for rule, said in cohort_tables.rules_not_met(learner)],
        "plan_units": [unit_dict(catalogue, u.urn, rules) | {"group": u.group}
                       for u in plan.units] if plan is not None else [],
        "plan_credits": plan.additional_credits if plan is not None else None,
        "plan_glh": plan.additional_glh if plan is not None else None,
        "units_carried_over": units(check.achieved_units) if check is not None else [],
        "credits_carried_over": c.credits_transferred if c is not None else None,
        "units_accepted": [unit_dict(catalogue, a.urn, rules) | {"note": a.note}
                           for a in check.accepted] if check is not None else [],
        "units_in_progress": units(check.in_progress) if check is not None else [],
        "complete_when_in_progress_done": (done.complete if done is not None and done.known
                                           else None),
        "timeline": (timeline_dict(catalogue, progress.timeline)
                     if progress is not None and progress.timeline is not None else None),
        "notes": [{"message": n.message, "source": source_dicts(catalogue, n.source)}
                  for n in cohort_tables.learner_notes(catalogue, learner)],
        "problems": [p.as_dict() for p in learner.problems],
    }
