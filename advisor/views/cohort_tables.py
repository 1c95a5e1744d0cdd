"""Cohort results as tables: one row per learner, the problems, and the intake summaries.

The ``advisor.formats.spreadsheet`` writers make these into downloads a spreadsheet opens
safely; the app shows them with charts from :mod:`advisor.views.charts`. What the words rest
on (the plan given, the rules not met, the notes with their sources, the learners per level,
the units most needed) has functions of its own, which ``cohort --json`` gives as values.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from advisor.catalogue import Catalogue, Citation, RulesOfCombination
from advisor.engine.carryover import CarryOver
from advisor.engine.cohort import (
    ASSESSED,
    NOT_ASSESSED,
    CohortInput,
    CohortResult,
    LearnerResult,
    Severity,
)
from advisor.engine.combination import describe_unit
from advisor.engine.combination_types import CombinationCheck, Plan, RuleResult
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


@dataclass(frozen=True)
class Note:
    """One of the notes the results give a learner: a sentence, with its source where the
    sources give one."""

    message: str
    source: tuple[Citation, ...] = ()


def certificates_ended(learner: LearnerResult) -> bool:
    """The learner's target no longer issues certificates on the date."""
    return (learner.eligibility is not None
            and learner.eligibility.status.status is Status.CERTIFICATION_CLOSED)


def _holds_target(learner: LearnerResult) -> bool:
    """The learner already holds their target (it is among their qualifications held)."""
    return learner.target is not None and any(
        q.id == learner.target.id for q in learner.held_qualifications)


def _beyond_completing(learner: LearnerResult) -> bool:
    """The target's certificates have ended, its rules are known and the learner does not
    hold it: the results give no plan (no unit can complete it now), and say of each rule not
    met only what it lacks, not units to take."""
    return (learner.carry_over is not None and learner.carry_over.remaining.known
            and certificates_ended(learner) and not _holds_target(learner))


def results_plan(learner: LearnerResult) -> Plan | None:
    """The plan the results give: none where the target's rules are not known, nor where its
    certificates have ended and the learner does not hold it (no unit can complete it now)."""
    check = learner.carry_over.remaining if learner.carry_over is not None else None
    if check is None or not check.known or _beyond_completing(learner):
        return None
    return check.plan


def rules_not_met(learner: LearnerResult) -> tuple[tuple[RuleResult, str], ...]:
    """Each rule of the target not met, with what the results say of it: its message, or,
    where the target's certificates have ended and the learner does not hold it, only what it
    still needs (no units to take)."""
    if learner.carry_over is None:
        return ()
    ended = _beyond_completing(learner)
    return tuple((rule, still_needed(rule) if ended else rule.message)
                 for rule in learner.carry_over.remaining.unmet)


def learner_notes(catalogue: Catalogue, learner: LearnerResult) -> tuple[Note, ...]:
    """What the results say of a learner's target beyond the figures, in order: that the
    learner holds it already, or that its certificates have ended short of it; the check's
    cautions; similar units for the centre to judge; held units that do not count (a
    documented bar with its source, the rest in one note); the optional units of the
    qualification held that would carry over; and the evidence notes, with their sources."""
    c = learner.carry_over
    if c is None:
        return ()
    check = c.remaining
    rules, _ = catalogue.effective_rules(check.qualification)
    notes: list[Note] = []
    if _holds_target(learner):
        notes.append(Note(f"Already holds {c.target.reference}, the target."))
    elif _beyond_completing(learner) and not check.complete:
        notes.append(Note(BEYOND_COMPLETING))
    later = check.rules_known_later  # its units are borrowed from a structure dated later
    notes += [Note(caution, later.source if later is not None and caution == later.reason
                   else ()) for caution in check.cautions]
    for item in c.similar:
        held = describe_unit(catalogue, item.urn, with_credits=False)
        like = describe_unit(catalogue, item.target, rules, with_credits=False)
        notes.append(Note(f"{held} is similar to {like} (same title, another unit reference): "
                          "for the centre to judge"
                          + (f". {item.difference}" if item.difference else "")))
    # A documented bar is a reason worth reading; "not part of it" for every other unit is one
    # list, and so is "not known on this date" (said once, with its source, above).
    dated = [item.urn for item in c.not_transferable
             if later is not None and item.source == later.source]
    notes += [Note(f"{barred.urn}: {barred.reason}", barred.source)
              for barred in c.not_transferable if barred.source and barred.urn not in dated]
    if later is not None and dated:
        notes.append(Note(f"Held units not known to count towards {c.target.reference} on "
                          f"{uk_date(later.as_at)}: " + ", ".join(dated)))
    others = [item.urn for item in c.not_transferable if not item.source]
    if others:
        notes.append(Note((f"Held units that are not part of {c.target.reference}: "
                           if c.target_units_known else
                           f"Held units that may count towards {c.target.reference} (the "
                           "sources do not list all its units): ") + ", ".join(others)))
    if c.possible:
        notes.append(Note(
            "Would also carry over if taken as an optional unit of "
            f"{c.from_qualification.reference if c.from_qualification else ''}: "
            + _units(catalogue, c.possible, rules)))
    notes += [Note(n.statement, n.source) for n in c.notes]
    return tuple(notes)


def _units(catalogue: Catalogue, urns: Iterable[str], rules: RulesOfCombination | None) -> str:
    return LIST_SEPARATOR.join(describe_unit(catalogue, u, rules, with_credits=False)
                               for u in urns)


def _eligibility_columns(catalogue: Catalogue, e: Eligibility) -> dict[str, Any]:
    return {
        "target_status": entry_status(e) + replaced_in_brief(catalogue, e.status),
        "eligible": yes_no(e.eligible, UNKNOWN),
        "eligibility_reasons": REASON_SEPARATOR.join(
            [e.summary, *(reason.message for reason in e.reasons)]),
    }


def _complete(learner: LearnerResult, check: CombinationCheck) -> str | None:
    """Whether the rules are met, in words; said with the certificates' end where they have
    ended short of a target not held: rules met is not complete."""
    if _beyond_completing(learner):
        return "rules met, certificates ended" if check.complete else "no, certificates ended"
    if check.complete and check.rules_from is not None:  # not the qualification's own rules
        return "yes, by the national structure's rules"
    return yes_no(check.complete if check.known else None, UNKNOWN)


def _carry_columns(catalogue: Catalogue, learner: LearnerResult,
                   c: CarryOver) -> dict[str, Any]:
    """The columns on what the learner holds against the target, and what is left."""
    check = c.remaining
    rules, _ = catalogue.effective_rules(check.qualification)
    plan = results_plan(learner)
    found: dict[str, Any] = {
        "credits_counted": check.credits_counted if check.known else None,
        "credits_required": check.credits_required,
        "complete": _complete(learner, check),
        "rules_not_met": REASON_SEPARATOR.join(said for _, said in rules_not_met(learner)),
        "plan_units": _units(catalogue, (u.urn for u in plan.units), rules) if plan else "",
        "plan_credits": plan.additional_credits if plan else None,
        "plan_glh": plan.additional_glh if plan else None,
        "units_carried_over": _units(catalogue, check.achieved_units, rules),
        "units_accepted": _units(catalogue, check.accepted_units, rules),
        "units_in_progress": _units(catalogue, check.in_progress, rules),
        "credits_carried_over": c.credits_transferred,
        "notes": REASON_SEPARATOR.join(n.message for n in learner_notes(catalogue, learner)),
    }
    p = learner.progress
    if p is not None and p.when_done is not None:
        found["complete_when_in_progress_done"] = _complete(learner, p.when_done)
    if p is not None and p.timeline is not None:
        finish = p.timeline.finish_by
        found |= {"finish_by": uk_date(finish) if finish is not None else "",
                  "in_time": yes_no(p.timeline.in_time, UNKNOWN), "timeline": p.timeline.reason}
    return found


def _finish_by(learner: LearnerResult) -> dt.date | None:
    timeline = learner.progress.timeline if learner.progress is not None else None
    return timeline.finish_by if timeline is not None else None


_NUMBER_COLUMNS = {"row", "recommended_level", "credits_counted", "credits_required",
                   "plan_credits", "plan_glh", "credits_carried_over"}
_BLANK_RECORD: dict[str, Any] = {c: None if c in _NUMBER_COLUMNS else "" for c in RESULT_COLUMNS}


def results_frame(result: CohortResult) -> pd.DataFrame:
    """One row per learner, in file order, with the columns of :data:`RESULT_COLUMNS` (and,
    where the file gives dates of birth, :data:`AGE_USED`).

    Lists of units are joined with "; " and lists of reasons (sentences that contain semicolons
    themselves) with " | ". Numbers are nullable integers: empty where not known or not assessed.
    """
    if result.catalogue is None:
        raise ValueError("the result does not carry its catalogue; use assess_cohort's result")
    catalogue = result.catalogue
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
        elif any(p.column == "target" for p in learner.problems):
            # A target given but not found: said where the target goes, not left blank as if
            # none was given (the row's other answers were still worked out).
            record["target"] = TARGET_NOT_READ
        if learner.eligibility is not None:
            record.update(_eligibility_columns(catalogue, learner.eligibility))
            if _registered_to_finish(learner):  # enrolling is not the question for them
                record["eligible"] = ALREADY_REGISTERED
        if learner.carry_over is not None:
            record.update(_carry_columns(catalogue, learner, learner.carry_over))
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(RESULT_COLUMNS))
    for column in RESULT_COLUMNS:
        frame[column] = frame[column].astype("Int64" if column in _NUMBER_COLUMNS else str)
    if any(dict(learner.given).get("date_of_birth") for learner in result.learners):
        # Ages worked out from dates of birth: the age the answers rest on, said beside them
        frame.insert(RESULT_COLUMNS.index("status") + 1, AGE_USED, pd.Series(
            [learner.age for learner in result.learners], index=frame.index, dtype="Int64"))
    return _with_own_columns(frame, result)


AGE_USED = "age_used"
"""The column, after ``status``, of the age each learner's answers rest on (given, or worked
out from the date of birth), where the file gives dates of birth."""


def _with_own_columns(frame: pd.DataFrame, result: CohortResult) -> pd.DataFrame:
    """``frame`` with what the file said at the end, as written, so that a centre's results
    keep all it wrote: each column read (``age as given``: "19 or 20" where no age could be
    read), then the file's own columns the advisor does not read (a tutor, notes), one named
    like a result column marked as the file's."""
    for name in dict.fromkeys(name for learner in result.learners for name, _ in learner.given):
        frame[f"{name} as given"] = [dict(learner.given).get(name, "")
                                     for learner in result.learners]
    names = list(dict.fromkeys(name for learner in result.learners
                               for name, _ in learner.own_columns))
    for name in names:
        shown = f"{name} (from the file)" if name in frame.columns else name
        frame[shown] = [dict(learner.own_columns).get(name, "") for learner in result.learners]
    return frame


TARGET_NOT_READ = "not found: see the problems"
"""The "target" cell of a learner whose target could not be read: nothing about it is
answered."""

ALREADY_REGISTERED = "already registered"
"""The "eligible" cell of a learner registered for a target still issuing certificates."""


def _registered_to_finish(learner: LearnerResult) -> bool:
    """Registered for a target whose certificates have not ended: the learner need not enrol
    (a last entry date passed does not stop them), only finish."""
    return learner.registered and not certificates_ended(learner)


def problems_frame(source: CohortInput | CohortResult) -> pd.DataFrame:
    """Every problem, one per row: spreadsheet row (empty for the whole file), column,
    severity and message."""
    frame = pd.DataFrame.from_records([p.as_dict() for p in source.problems],
                                      columns=list(PROBLEM_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    for column in PROBLEM_COLUMNS[1:]:
        frame[column] = frame[column].astype(str)
    return frame


def level_counts(result: CohortResult) -> tuple[tuple[int | None, bool, int], ...]:
    """How many learners each starting level is recommended for (each learner reference once:
    :attr:`CohortResult.counted_learners`), as (level, assessed, learners): each level from the
    lowest, then no level suggested (None, True), then not assessed (None, False), each only
    where some learner is."""
    levels: Counter[int] = Counter()
    none = not_assessed = 0
    for learner in result.counted_learners:
        if not learner.assessed:
            not_assessed += 1
        elif learner.recommended_level is None:
            none += 1
        else:
            levels[learner.recommended_level] += 1
    found: list[tuple[int | None, bool, int]] = [(level, True, levels[level])
                                                 for level in sorted(levels)]
    return tuple(found + [(None, assessed, n) for assessed, n in ((True, none),
                                                                  (False, not_assessed)) if n])


def learners_per_level(result: CohortResult) -> pd.DataFrame:
    """:func:`level_counts` as a table: columns ``recommended_level`` ("Level 2", "no level
    suggested", "not assessed") and ``learners``."""
    rows = [(f"Level {level}" if level is not None else
             "no level suggested" if assessed else "not assessed", n)
            for level, assessed, n in level_counts(result)]
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
        ended = certificates_ended(learner)
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


def units_needed(result: CohortResult, *, limit: int | None = None
                 ) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """The units that appear most often in learners' smallest completion plans, as (URN,
    learners, the targets whose plans include it), the most needed first.

    A plan's mandatory units are needed by everyone without them; its optional units are the
    cheapest choice, one of several that would do. Learners whose target no longer issues
    certificates on the date are left out: no unit can complete it for them. Each learner
    reference counts once (:attr:`CohortResult.counted_learners`).
    """
    learners: Counter[str] = Counter()
    targets: dict[str, dict[str, None]] = {}
    for learner in result.counted_learners:
        carried = learner.carry_over
        if (not learner.assessed or carried is None or learner.target is None
                or certificates_ended(learner)):
            continue
        plan = carried.remaining.plan
        if plan is None or not carried.remaining.known:
            continue
        for planned in plan.units:
            learners[planned.urn] += 1
            targets.setdefault(planned.urn, {})[learner.target.reference] = None
    ranked = sorted(learners.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return tuple((urn, needing, tuple(targets[urn])) for urn, needing in ranked)


def units_most_needed(result: CohortResult, *, limit: int | None = None) -> pd.DataFrame:
    """:func:`units_needed` as a table. Columns: urn, title, credits, level, learners,
    targets (joined with "; ")."""
    units = result.catalogue.units if result.catalogue is not None else {}
    rows = []
    for urn, needing, targets in units_needed(result, limit=limit):
        unit = units.get(urn)
        rows.append([urn, unit.title if unit else "", unit.credits if unit else None,
                     unit.level if unit else None, needing, LIST_SEPARATOR.join(targets)])
    frame = pd.DataFrame(rows, columns=["urn", "title", "credits", "level", "learners",
                                        "targets"])
    for column in ("credits", "level", "learners"):
        frame[column] = frame[column].astype("Int64")
    return frame


def units_tied_past(units: pd.DataFrame, shown: int) -> int:
    """Of :func:`units_most_needed`'s rows, how many after the first ``shown`` are needed by
    as many learners as the last of those shown: where a chart's cut falls among them, which
    are shown is unit reference order, not need."""
    if len(units) <= shown or shown == 0:
        return 0
    return int((units["learners"].iloc[shown:] == units["learners"].iloc[shown - 1]).sum())


def certificates_ended_count(result: CohortResult) -> int:
    """How many learners short of their target's rules have a target that no longer issues
    certificates on the date (left out of :func:`units_most_needed`: no unit can complete it)."""
    return sum(1 for learner in result.counted_learners if learner.assessed
               and certificates_ended(learner) and learner.carry_over is not None
               and learner.carry_over.remaining.known
               and not learner.carry_over.remaining.complete)


def no_plan_count(result: CohortResult) -> int:
    """How many learners short of a target that still issues certificates have no plan, the
    sources listing too few of its units (10380): left out of :func:`units_most_needed`."""
    return sum(1 for learner in result.counted_learners if learner.assessed
               and learner.carry_over is not None and not certificates_ended(learner)
               and not learner.carry_over.remaining.complete
               and (learner.carry_over.remaining.plan is None
                    or not learner.carry_over.remaining.known))


REFERENCES_NAMED = 5  # the repeated learner references a note names; the rest are counted


def rows_read_as_one_note(result: CohortResult) -> str:
    """Said beside the totals when the file has more learners' rows than learners ("" when
    not): rows read as one learner are why the rows read are more than those assessed and
    not assessed together."""
    learners = len(result.learners)
    if result.rows_read <= learners:
        return ""
    return (f"{result.rows_read:,} rows in the file hold {count(learners, 'learner')}: "
            "one learner's rows one after another are read as one, as the problems say "
            "(column learner_ref).")


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
    """Every table of a result by sheet name, for an Excel download. There the finish date is
    a date, not the words the CSV gives, so that the column sorts by date ("25 July 2027" came
    before "3 January 2027" as text)."""
    learners = results_frame(result)
    learners["finish_by"] = pd.Series(
        [_finish_by(learner) for learner in result.learners], index=learners.index,
        dtype=object)
    return {
        "learners": learners,
        "problems": problems_frame(result),
        "levels": learners_per_level(result),
        "completion": completion_by_target(result),
        "units needed": units_most_needed(result),
    }


SCREEN_COLUMNS: dict[str, str] = {
    "learner_ref": "Learner", "row": "Row", "status": "Assessed", AGE_USED: "Age used",
    "recommended_level": "Level", "target": "Target", "eligible": "Can start",
    "complete": "Complete", "target_status": "Target on the date",
    "credits_counted": "Credits counted",
    "credits_required": "Credits required", "plan_credits": "Credits still needed",
    "plan_glh": "GLH still needed", "rules_not_met": "Why not complete",
    "eligibility_reasons": "Why", "problems": "Problems", "notes": "Notes",
}
"""The results columns a screen shows, first to last, with the headings people read: who (the
row in the file too, for a row with no learner reference), then what decides, short answers
before long ones so they are in view without scrolling sideways. The downloads
keep every column under its file name."""


def results_on_screen(results: pd.DataFrame) -> pd.DataFrame:
    """The columns of :func:`results_frame` that decide, in order, with readable headings (the
    age used only where the results have it)."""
    return results[[c for c in SCREEN_COLUMNS if c in results.columns]].rename(
        columns=SCREEN_COLUMNS)


def problems_on_screen(problems: pd.DataFrame) -> pd.DataFrame:
    """:func:`problems_frame` as a screen shows it: each message led by its column ("age:
    '19 or 20' is not a whole number"), so that a phone, which shows the row and the message,
    says which column without scrolling sideways; the download keeps them apart."""
    named = problems["column"].fillna("").astype(str).str.len() > 0
    return problems.assign(message=problems["message"].where(
        ~named, problems["column"].astype(str) + ": " + problems["message"].astype(str)))
