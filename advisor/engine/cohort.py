"""Cohort mode: place a whole intake at enrolment, one learner row at a time.

:func:`assess_cohort` puts every readable learner row through the engine: the starting-level
recommendation, eligibility for the target on the as-at date, the target's rules of combination
with the smallest completion plan, and the units carried over. A row with an error is kept and
marked not assessed; every other row is still assessed. Reading the file is
:mod:`advisor.formats.cohort_file`; the result tables are :mod:`advisor.views.cohort_tables`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from advisor.catalogue import Catalogue, Category, Qualification
from advisor.engine import answers
from advisor.engine.carryover import CarryOver, carry_over, units_of_qualification
from advisor.engine.combination_types import Accepted
from advisor.engine.decisions import ProgressCheck, check_progress
from advisor.engine.eligibility import Eligibility, check_eligibility
from advisor.engine.fits import in_senior_role
from advisor.engine.plan_preferences import plan_preference
from advisor.engine.planner import NO_PREFERENCE, Objective, PlanPreference
from advisor.engine.qualification_cells import MAX_REFERENCE_CHARS, find_in_cell
from advisor.engine.recommend import recommend
from advisor.engine.recommend_types import (
    Aim,
    Employment,
    Finding,
    Profile,
    Recommendation,
)
from advisor.engine.replacing import held_before_it_opened
from advisor.engine.structure_dates import rules_known_later
from advisor.engine.unit_marks import says_not_achieved
from advisor.engine.unit_references import mark_refuses_unit_before, read_reference
from advisor.engine.unit_tables import titled, titles_of
from advisor.engine.wording import uk_date
from advisor.register import Register

ProgressCallback = Callable[[int, int], None]  # (learners done, learners in all)

ASSESSED = "assessed"
NOT_ASSESSED = "not assessed"
# What a unit in a decision column would count as
_DECIDED = {"units_accepted": "accepted", "units_in_progress": "in progress"}


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------


class Severity(StrEnum):
    ERROR = "error"  # the row (or, with no row, the file) cannot be assessed
    WARNING = "warning"  # assessed, but look at this


@dataclass(frozen=True)
class RowProblem:
    """One problem in the learners file, at a spreadsheet row (header = row 1) and column."""

    row: int | None  # None: the file as a whole
    column: str  # the column's name ("" for the whole row or file)
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.column:
            where += f", {self.column}"
        if self.severity is Severity.WARNING:
            where += " (warning)"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "severity": self.severity.value,
                "message": self.message}


@dataclass(frozen=True, kw_only=True)
class LearnerRow:
    """One learner as the file gives them; references are still as written."""

    row: int
    learner_ref: str
    age: int | None = None
    employment: Employment | None = None
    job_role: str | None = None
    senior_role: bool | None = None
    aim: Aim | None = None
    qualifications_held: tuple[str, ...] = ()
    units_held: tuple[str, ...] = ()
    target: str | None = None
    # The centre's decisions on units of the target, and the hours a week the learner studies.
    units_accepted: tuple[str, ...] = ()
    units_in_progress: tuple[str, ...] = ()
    glh_per_week: float | None = None
    start: dt.date | None = None  # when study starts (None: on the date of the assessment)
    registered: bool = False  # with the awarding body, for the target: held to certification
    # Where age is not given, the age on the date of the assessment is worked out from it
    date_of_birth: dt.date | None = None
    readable: bool = True  # False: the row cannot be assessed (the problems say why)
    # The file's own columns the advisor does not read (a tutor, notes), as (name, value):
    # written back beside the results, so that nothing of the centre's is lost.
    own_columns: tuple[tuple[str, str], ...] = ()
    # The cells of the columns it reads (learner_ref apart), as written: "9628" where the
    # target was read as 09628, "19 or 20" where no age could be read. Beside the results too.
    given: tuple[tuple[str, str], ...] = ()
    # The rows after ``row`` read into it as the same learner's (a row per unit held): what
    # is said of them belongs to this learner.
    merged_rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class CohortInput:
    """What :func:`read_cohort` made of a file: its learners and every problem found."""

    filename: str
    rows: tuple[LearnerRow, ...]
    problems: tuple[RowProblem, ...]
    readable: bool = True  # False: nothing could be read (a file-level error says why)
    columns: tuple[str, ...] = ()  # the known columns the file has, in its order

    @property
    def rows_read(self) -> int:
        """The learners' rows in the file: more than :attr:`rows` where rows one after
        another were one learner's, read as one (:attr:`LearnerRow.merged_rows`)."""
        return len(self.rows) + sum(len(learner.merged_rows) for learner in self.rows)


@dataclass(frozen=True, kw_only=True)
class LearnerResult:
    """One learner's answers, or why they could not be worked out."""

    row: int
    learner_ref: str
    assessed: bool
    problems: tuple[RowProblem, ...] = ()  # this row's problems, errors and warnings
    # The starting level and why: exactly what ``recommend`` gives for this learner's profile
    # without their units.
    recommended_level: int | None = None
    level_reasons: tuple[Finding, ...] = ()
    level_cautions: tuple[Finding, ...] = ()
    target: Qualification | None = None
    eligibility: Eligibility | None = None
    carry_over: CarryOver | None = None  # its ``remaining`` is the check against the target
    held_qualifications: tuple[Qualification, ...] = ()
    held_units: tuple[str, ...] = ()  # URNs, as listed in units_held
    # With a unit accepted or in progress, or hours a week: the check against the target with
    # those decisions (its ``today`` is also ``carry_over.remaining``) and the timeline.
    progress: ProgressCheck | None = None
    registered: bool = False  # already registered for the target: enrolling is not the question
    age: int | None = None  # the age the answers rest on: given, or from the date of birth
    own_columns: tuple[tuple[str, str], ...] = ()  # as :attr:`LearnerRow.own_columns`
    given: tuple[tuple[str, str], ...] = ()  # as :attr:`LearnerRow.given`


@dataclass(frozen=True)
class CohortResult:
    learners: tuple[LearnerResult, ...]
    problems: tuple[RowProblem, ...]  # the file's and every row's, in row order
    as_at: dt.date
    objective: Objective
    filename: str = ""
    catalogue: Catalogue | None = field(default=None, repr=False, compare=False)
    file_rows: int | None = None  # as :attr:`CohortInput.rows_read`

    @property
    def rows_read(self) -> int:
        """The learners' rows in the file: more than :attr:`learners` where rows one after
        another were one learner's, read as one."""
        return self.file_rows if self.file_rows is not None else len(self.learners)

    @property
    def assessed(self) -> int:
        return sum(1 for learner in self.learners if learner.assessed)

    @property
    def not_assessed(self) -> int:
        return len(self.learners) - self.assessed

    @functools.cached_property  # read by each of the intake's summaries
    def repeated_references(self) -> tuple[str, ...]:
        """The learner references on more than one row, in the order first seen."""
        rows = Counter(learner.learner_ref for learner in self.learners if learner.learner_ref)
        return tuple(reference for reference, n in rows.items() if n > 1)

    @functools.cached_property  # read by each of the intake's summaries
    def counted_learners(self) -> tuple[LearnerResult, ...]:
        """The rows the intake's summaries count: each learner reference once, so that a
        learner on two rows (a row pasted twice) is not two learners. The row counted is the
        reference's first that was assessed, else its first; a row with no reference counts on
        its own. Every row stays in ``learners``, and in the results."""
        counted: dict[str, LearnerResult] = {}
        for learner in self.learners:
            kept = counted.get(learner.learner_ref)
            if kept is None or (learner.assessed and not kept.assessed):
                counted[learner.learner_ref] = learner
        return tuple(learner for learner in self.learners
                     if not learner.learner_ref or counted[learner.learner_ref] is learner)


# ---------------------------------------------------------------------------------------------
# Assessing
# ---------------------------------------------------------------------------------------------


class _Assessor:
    """Assesses learner rows against one catalogue (with the register's dates, where one is
    given), on one date, with one plan objective."""

    def __init__(self, catalogue: Catalogue, as_at: dt.date, objective: Objective,
                 register: Register | None) -> None:
        self.catalogue = catalogue
        self.as_at = as_at
        self.objective = objective
        self.register = register
        self._qualifications: dict[str, tuple[Qualification | None, str]] = {}
        self._units: dict[tuple[str, str | None, bool], tuple[tuple[str, ...], str]] = {}
        self._mandatory: dict[str, tuple[str, ...]] = {}
        self._titles: dict[str, Mapping[str, str]] = {}

    def qualification(self, reference: str) -> tuple[Qualification | None, str]:
        """(the qualification, "") or (None, why not); a code that lost its leading zero in a
        spreadsheet is found with a warning message instead."""
        if reference not in self._qualifications:
            self._qualifications[reference] = find_in_cell(self.catalogue, reference)
        return self._qualifications[reference]

    def units(self, reference: str, within: Qualification | None, *, in_progress: bool = False
              ) -> tuple[tuple[str, ...], str]:
        """The URNs a reference names (several for "F3 F4 A3", a column pasted into one cell),
        and the catalogue's message, with its suggestions, for any part that names no unit
        ("" when every part does): "F3 F4 ZZ9" keeps F3 and F4. ``in_progress``: the units in
        progress column, where "F4 not yet" says what the column says."""
        key = (reference, within.id if within else None, in_progress)
        if key not in self._units:
            # A unit's title, as the check page's box reads one: the target's units only
            by_title = titled(self.titles(within), reference) if within else None
            if by_title is not None:
                self._units[key] = ((by_title,), "")
            elif len(reference) > MAX_REFERENCE_CHARS:
                self._units[key] = ((), f"{reference[:30]!r}... is neither a unit reference "
                                        f"nor the title of a unit of "
                                        f"{within.reference if within else 'the target'}")
            else:
                found, not_found = read_reference(self.catalogue, reference, within,
                                                  not_yet_allowed=in_progress)
                self._units[key] = (tuple(found), "; ".join(not_found))
        return self._units[key]

    def titles(self, q: Qualification) -> Mapping[str, str]:
        """The units ``q`` lists, by their titles (a title two share left out)."""
        if q.id not in self._titles:
            self._titles[q.id] = titles_of(self.catalogue, self.catalogue.listed_units(q))
        return self._titles[q.id]

    def with_titles_whole(self, references: Sequence[str], within: Qualification | None
                          ) -> list[str]:
        """``references`` with a unit's title that a comma split ("Plan", "organise and
        control customer service operations") put back together."""
        joined = list(references)
        if within is None:
            return joined
        at = 0
        while at < len(joined) - 1:
            whole = f"{joined[at]}, {joined[at + 1]}"
            if titled(self.titles(within), whole) is not None:
                joined[at:at + 2] = [whole]
            else:
                at += 1
        return joined

    def mandatory_units(self, q: Qualification) -> tuple[str, ...]:
        if q.id not in self._mandatory:
            self._mandatory[q.id] = tuple(units_of_qualification(self.catalogue, q,
                                                                 as_at=self.as_at)[0])
        return self._mandatory[q.id]

    def recommend(self, profile: Profile) -> Recommendation:
        """What ``recommend`` gives for the learner without their units: units are not evidence
        of a level (the documents warn against assuming a learner moves up), and the target
        columns use them. The options' plans are not worked out: the cohort does not use them."""
        return recommend(self.catalogue, dataclasses.replace(profile, held_units=()),
                         as_at=self.as_at, list_options=False, register=self.register)

    def target_units(self, target: Qualification | None, references: Sequence[str],
                     column: str, problem: Callable[[str, str, Severity], None]) -> list[str]:
        """The URNs of the target's units a decision column names; the rest are warnings."""
        if references and target is None:
            problem(column, "units accepted or in progress need a known target; left out",
                    Severity.WARNING)
            return []
        found: list[str] = []
        if target is None:
            return found
        rules, _ = self.catalogue.effective_rules(target, as_at=self.as_at)
        later = rules_known_later(self.catalogue, target, self.as_at)
        if references and later is not None:  # the date, not the row: said once, not per unit
            problem(column, f"{later.reason} So no unit can count as {_DECIDED[column]} on "
                    "that date; left out", Severity.WARNING)
            return found
        listed = rules.listed_units if rules is not None else frozenset()
        for reference in self.with_titles_whole(references, target):
            urns, message = self.units(reference, target,
                                       in_progress=column == "units_in_progress")
            if message:
                problem(column, message + "; left out", Severity.WARNING)
            for urn in urns:
                if urn not in listed:
                    problem(column, f"{urn} is not part of {target.reference}; left out"
                            if rules is None or rules.listed_in_full else
                            f"{urn} is not among the units the sources list for "
                            f"{target.reference} (they list only some); left out",
                            Severity.WARNING)
                elif urn not in found:
                    found.append(urn)
        return found

    def carry(self, target: Qualification, held_qualifications: Sequence[Qualification],
              units: Sequence[str], accepted: Sequence[Accepted] = (),
              preference: PlanPreference = NO_PREFERENCE) -> CarryOver:
        """What carries over to ``target``: from the one qualification held (with its own
        notes), or from the mandatory units of several, plus the units listed; the plan
        beyond them chosen by ``preference`` among the smallest."""
        source = held_qualifications[0] if len(held_qualifications) == 1 else None
        held = set(units)
        if source is None:
            for q in held_qualifications:
                held.update(self.mandatory_units(q))
        return carry_over(self.catalogue, target, from_qualification=source,
                          units=sorted(held), objective=self.objective, accepted=accepted,
                          also_completed=held_qualifications, as_at=self.as_at,
                          preference=preference)

    def assess(self, learner: LearnerRow, problems: list[RowProblem]) -> LearnerResult:
        number = learner.row
        found: list[RowProblem] = list(problems)

        def problem(column: str, message: str, severity: Severity = Severity.ERROR) -> None:
            said = RowProblem(number, column, message, severity)
            if said not in found:  # "F3 6, F4 6": the 6 beside each is said once
                found.append(said)

        learner = dataclasses.replace(learner, age=self.age(learner, problem))

        # An unknown code is a warning: the row is assessed with the codes that are known.
        left_out = "; left out"
        target = None
        if learner.target:
            target, message = self.qualification(learner.target)
            if message:
                problem("target", message + ("" if target else left_out), Severity.WARNING)
        held: list[Qualification] = []
        for reference in learner.qualifications_held:
            q, message = self.qualification(reference)
            if message:
                problem("qualifications_held", message + ("" if q else left_out),
                        Severity.WARNING)
            if q is not None and q.category is Category.NATIONAL_STRUCTURE:
                problem("qualifications_held", answers.structure_not_held(q.reference)
                        + left_out, Severity.WARNING)
            elif q is not None and (unopened := held_before_it_opened(q, self.as_at)):
                problem("qualifications_held", unopened)  # the date or the row is wrong
            elif q is not None and q not in held:
                held.append(q)

        urns: list[str] = []
        target_unknown = learner.target is not None and target is None
        previous: tuple[str, tuple[str, ...]] = ("", ())  # the reference before, and its units
        for reference in self.with_titles_whole(learner.units_held, target):
            if target_unknown and not _looks_like_urn(reference):
                problem("units_held", f"unit number {reference[:20]!r} means nothing without a "
                        f"known target{left_out}", Severity.WARNING)
                continue
            resolved, message = self.units(reference, target)
            # A mark of its own after a unit ("C6, 60%", a tracker's row saved as CSV; not "C6,
            # not C8") is that unit's: the unit is not counted either, as the check page does,
            # unless it is a note on a unit said to be achieved ("F3 Signed off, returned to
            # learner"), which leaves nothing out.
            mark_after_unit = (not resolved and bool(previous[1])
                               and says_not_achieved(reference, self.catalogue)
                               and not self.units(reference, target, in_progress=True)[0])
            if mark_after_unit and not mark_refuses_unit_before(self.catalogue, previous[0],
                                                                reference):
                previous = (reference, resolved)
                continue
            if message:
                problem("units_held", message + left_out, Severity.WARNING)
            if mark_after_unit:
                urns = [u for u in urns if u not in previous[1]]
                problem("units_held", f"{previous[0][:20]!r} is left out too: {reference[:20]!r} "
                        "after it may say it is not achieved", Severity.WARNING)
            previous = (reference, resolved)
            for urn in resolved:
                if urn in urns:
                    problem("units_held", f"unit {urn} is listed twice; it is counted once",
                            Severity.WARNING)
                else:
                    urns.append(urn)

        decided = {column: self.target_units(target, references, column, problem)
                   for column, references in (("units_accepted", learner.units_accepted),
                                              ("units_in_progress", learner.units_in_progress))}
        # A unit given in two states counts in the first of achieved, accepted, in progress:
        # said, as the check page says it, so that a decision is never dropped unseen.
        for column, state, before in (
                ("units_accepted", "accepted by the centre", (("units_held", urns),)),
                ("units_in_progress", "in progress",
                 (("units_held", urns), ("units_accepted", decided["units_accepted"])))):
            for urn in decided[column]:
                earlier = next((c for c, listed in before if urn in listed), None)
                if earlier is not None:
                    counts = "achieved" if earlier == "units_held" else "accepted"
                    problem(column, f"unit {urn} is also in {earlier}: it counts as {counts}, "
                            f"not as {state}", Severity.WARNING)

        if not learner.readable or any(p.severity is Severity.ERROR for p in found):
            # The target as read, though nothing is worked out for it: the results say which
            # it is, not that it was not found.
            return LearnerResult(row=number, learner_ref=learner.learner_ref, assessed=False,
                                 problems=tuple(found), target=target,
                                 own_columns=learner.own_columns,
                                 given=learner.given)
        if target is None and not held and not urns and not _answers_given(learner):
            problem("", "nothing in this row can be assessed: no known target, qualification "
                        "or unit, and no answers about the learner")
            return LearnerResult(row=number, learner_ref=learner.learner_ref, assessed=False,
                                 problems=tuple(found), own_columns=learner.own_columns,
                                 given=learner.given)
        profile = Profile(
            age=learner.age, employment=learner.employment, role=learner.job_role,
            senior_role=learner.senior_role, held_qualifications=tuple(q.id for q in held),
            held_units=tuple(urns), aim=learner.aim,
        )
        if learner.start is not None and learner.glh_per_week is None:
            problem("start", "a start with no glh_per_week: no finish is worked out; give the "
                    "hours a week the learner can study too", Severity.WARNING)
        eligibility = carried = progress = None
        if target is not None:
            eligibility = check_eligibility(self.catalogue, target, age=learner.age,
                                            as_at=self.as_at, senior_role=in_senior_role(
                                                learner.senior_role, learner.employment),
                                            register=self.register)
            accepted = [Accepted(u) for u in decided["units_accepted"]]
            # Planned as Find a starting level plans: without a job-bound unit for a learner
            # not working, where a plan as small does without one.
            preference = plan_preference(self.catalogue, employment=learner.employment)
            carried = self.carry(target, held, urns, accepted, preference)
            if accepted or decided["units_in_progress"] or learner.glh_per_week is not None:
                progress = check_progress(
                    self.catalogue, target, carried.transfers, accepted=carried.accepted,
                    in_progress=decided["units_in_progress"], objective=self.objective,
                    glh_per_week=learner.glh_per_week, start=learner.start or self.as_at,
                    as_at=self.as_at, registered=learner.registered, register=self.register,
                    preference=preference)
                carried = dataclasses.replace(carried, remaining=progress.today)
        unread = dict(learner.given).get("start", "") if learner.start is None else ""
        if unread and progress is not None and progress.timeline is not None:
            progress = dataclasses.replace(progress, timeline=dataclasses.replace(
                progress.timeline, weeks=None, finish_by=None, in_time=None, too_late=None,
                source=(), reason=f"Not worked out: the start given, {unread[:40]!r}, cannot be "
                "used (this row's problems say why), and a finish counted from the date of "
                "this check instead could be wrong: correct the start."))
        start = learner.start
        if (start is not None and learner.glh_per_week is not None and start < self.as_at
                and not (carried is not None and carried.remaining.complete)):
            # Complete already: nothing more to study, so when it began does not matter.
            problem("start", f"{uk_date(start)} is before the date of this check, "
                    f"{uk_date(self.as_at)}: the units held are those held on it, so no "
                    "finish is worked out; give a start on or after it", Severity.WARNING)
        elif start is not None and start > _a_year_after(self.as_at):  # 2072 for 2027?
            problem("start", f"{uk_date(start)} is more than a year after the date of this "
                    f"check, {uk_date(self.as_at)}: check its year. The finish is worked out "
                    "from it, but whether the target takes new learners is answered for "
                    f"{uk_date(self.as_at)}, not for the start", Severity.WARNING)
        advice = self.recommend(profile)
        return LearnerResult(
            row=number, learner_ref=learner.learner_ref, assessed=True, problems=tuple(found),
            recommended_level=advice.recommended_level, level_reasons=advice.reasons,
            level_cautions=advice.cautions, target=target, eligibility=eligibility,
            carry_over=carried, held_qualifications=tuple(held), held_units=tuple(urns),
            progress=progress, registered=learner.registered and target is not None,
            age=learner.age, own_columns=learner.own_columns, given=learner.given,
        )

    def age(self, learner: LearnerRow, problem: Callable[[str, str, Severity], None]
            ) -> int | None:
        """The learner's age: as given, else worked out from their date of birth on the date
        of the assessment; where the two differ, the age given, and the difference said."""
        born = learner.date_of_birth
        if born is None:
            return learner.age
        years = self.as_at.year - born.year - ((self.as_at.month, self.as_at.day)
                                               < (born.month, born.day))
        if learner.age is not None:
            if learner.age != years:
                problem("age", f"an age of {learner.age}, but date_of_birth {uk_date(born)} "
                        f"makes the learner {years} on {uk_date(self.as_at)}: the age given is "
                        "used; check which is right", Severity.WARNING)
            return learner.age
        try:
            return answers.check_age(years)
        except answers.AnswerError as error:
            problem("date_of_birth", f"{uk_date(born)} makes the learner {years} on "
                    f"{uk_date(self.as_at)}: {error}; left empty, as if not given",
                    Severity.WARNING)
            return None


def _answers_given(learner: LearnerRow) -> bool:
    """Whether the row says anything about the learner a starting level can rest on."""
    return any(value is not None for value in (
        learner.age, learner.employment, learner.job_role, learner.senior_role, learner.aim))


_URN = re.compile(r"[A-Z]/\d{3}/\d{4}")


def _looks_like_urn(reference: str) -> bool:
    return bool(_URN.fullmatch(reference.strip().upper()))


def assess_cohort(
    catalogue: Catalogue,
    cohort: CohortInput,
    *,
    as_at: dt.date | None = None,
    objective: Objective = Objective.CREDITS,
    progress: ProgressCallback | None = None,
    register: Register | None = None,
) -> CohortResult:
    """Assess every learner in ``cohort``; rows with errors are kept, marked not assessed.
    With a ``register``, each target's status and dates use the register's where it lists it.

    ``progress(done, total)`` is called as rows are assessed (about a hundred times in all,
    and once at the end) so a caller can show a progress bar.
    """
    as_at = as_at or dt.date.today()
    assessor = _Assessor(catalogue, as_at, objective, register)
    by_row: dict[int | None, list[RowProblem]] = {}
    for p in cohort.problems:
        by_row.setdefault(p.row, []).append(p)
    total = len(cohort.rows)
    step = max(1, -(-total // 100))  # about a hundred reports
    if progress is not None:
        progress(0, total)
    learners = []
    for done, learner in enumerate(cohort.rows, start=1):
        learners.append(assessor.assess(learner, [
            p for row in (learner.row, *learner.merged_rows) for p in by_row.get(row, [])]))
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)
    in_rows = {row for learner in cohort.rows for row in (learner.row, *learner.merged_rows)}
    problems = [p for p in cohort.problems if p.row not in in_rows]
    problems += [p for learner in learners for p in learner.problems]
    problems.sort(key=_problem_order)
    return CohortResult(
        learners=tuple(learners), problems=tuple(problems), as_at=as_at, objective=objective,
        filename=cohort.filename, catalogue=catalogue, file_rows=cohort.rows_read,
    )


def _a_year_after(day: dt.date) -> dt.date:
    """The same day a year on (28 February for 29 February)."""
    return day.replace(year=day.year + 1, day=min(day.day, 28) if day.month == 2 else day.day)


_COLUMN_ORDER = {f.name: i for i, f in enumerate(dataclasses.fields(LearnerRow))}


def _problem_order(p: RowProblem) -> tuple[int, int, int]:
    return (-1 if p.row is None else p.row, _COLUMN_ORDER.get(p.column, -1),
            0 if p.severity is Severity.ERROR else 1)
