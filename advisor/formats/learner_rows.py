"""A learner on more than one row of a learners file: read as one where that is clear, else said.

A system's export can give a row per unit held, the learner's answers on the first row and
blank below it. Rows one after another with the same reference, none with an error, whose
answers agree wherever two of them give one, and whose later rows give codes (units held,
qualifications, decisions) other than a copy of the first's, are one learner: read as one row,
the codes combined, and said. Rows that disagree (two targets) are never merged: each
is assessed, and the later one says which row it repeats, what differs and that each learner
should be on one row. Rows that are copies of each other are counted once by the summaries
(:attr:`~advisor.engine.cohort.CohortResult.counted_learners`), as before.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Hashable

from advisor.engine.cohort import LearnerRow, RowProblem, Severity
from advisor.engine.wording import listed, number_ranges
from advisor.formats.sheet_rows import shown

__all__ = ["LISTS", "one_row_each"]

LISTS = ("qualifications_held", "units_held", "units_accepted", "units_in_progress")
"""The columns of codes, which rows of one learner combine; every other column must agree."""

_JOINED = "; "


def one_row_each(learners: list[LearnerRow]) -> tuple[list[LearnerRow], list[RowProblem]]:
    """``learners`` with each run of rows of one learner that can be read as one merged into
    its first row, and what is said of references on several rows."""
    merged: list[LearnerRow] = []
    problems: list[RowProblem] = []
    for ref, run in itertools.groupby(learners, key=lambda learner: learner.learner_ref):
        rows = list(run)
        if ref and len(rows) > 1 and _one_learner(rows):
            one, said = _merged(rows)
            merged.append(one)
            problems.append(said)
        else:
            merged += rows
    return merged, problems + _repeats_said(merged)


def _answer(learner: LearnerRow, column: str) -> Hashable:
    """What the row's ``column`` says, to compare with another row's: None where it is blank
    or could not be read (said at its row already)."""
    if not dict(learner.given).get(column):
        return None
    value = getattr(learner, column)
    return " ".join(value.casefold().split()) if isinstance(value, str) else value


def _one_learner(rows: list[LearnerRow]) -> bool:
    """Whether the rows are clearly one learner's: each readable, no answer given twice
    differently, and codes on a row after the first, in any of the lists, that are not the
    same row for row (copies of a row are not this)."""
    if not all(learner.readable for learner in rows):
        return False
    for column, _ in rows[0].given:
        if column not in LISTS and len({_answer(r, column) for r in rows} - {None}) > 1:
            return False
    codes = {tuple(getattr(r, column) for column in LISTS) for r in rows}
    return len(codes) > 1 and any(getattr(r, column) for r in rows[1:] for column in LISTS)


def _merged(rows: list[LearnerRow]) -> tuple[LearnerRow, RowProblem]:
    """The rows as one learner, on the first's row, and what is said of it."""
    first = rows[0]
    changes: dict[str, object] = {}
    for field in dataclasses.fields(LearnerRow):
        if field.name in LISTS:
            changes[field.name] = tuple(dict.fromkeys(
                code for r in rows for code in getattr(r, field.name)))
        elif field.name not in {"row", "learner_ref", "readable", "own_columns", "given",
                                "merged_rows"}:
            # the first answer given (the rows agree where two give one)
            changes[field.name] = next(
                (value for r in rows if dict(r.given).get(field.name)
                 and (value := getattr(r, field.name)) is not None), getattr(first, field.name))

    def joined(cells: Callable[[LearnerRow], tuple[tuple[str, str], ...]]
               ) -> tuple[tuple[str, str], ...]:
        """Each column's cells, the different ones joined, in order."""
        return tuple((name, _JOINED.join(dict.fromkeys(
            cells(r)[i][1] for r in rows if cells(r)[i][1])))
            for i, (name, _) in enumerate(cells(first)))

    given = joined(lambda r: r.given)
    own = joined(lambda r: r.own_columns)
    one = dataclasses.replace(first, given=given, own_columns=own,
                              merged_rows=tuple(r.row for r in rows[1:]), **changes)  # type: ignore[arg-type]
    # Each list a row after the first adds to (the first row's alone is not combined)
    combined = [f"{column} combined ({shown(dict(given)[column])})" for column in LISTS
                if any(getattr(r, column) for r in rows[1:])]
    joined_own = [name for i, (name, _) in enumerate(own)
                  if len({r.own_columns[i][1] for r in rows if r.own_columns[i][1]}) > 1]
    if joined_own:
        combined.append(f"{listed(joined_own, 'and')} joined")
    return one, RowProblem(
        first.row, "learner_ref", f"learner_ref {first.learner_ref!r} is on rows "
        f"{number_ranges(r.row for r in rows)}, one after another, with nothing on them "
        f"disagreeing: they are read as one learner (row {first.row} in the results), with "
        f"{listed(combined, 'and')}; each learner should be on one row", Severity.WARNING)


def _repeats_said(learners: list[LearnerRow]) -> list[RowProblem]:
    """What is said of a reference on rows not read as one: each later row names the first,
    and what differs; a reference differing from another only in capitals or spaces, too."""
    problems: list[RowProblem] = []
    first_seen: dict[str, LearnerRow] = {}
    first_written: dict[str, LearnerRow] = {}  # by the reference in lower case, spaces aside
    for learner in learners:
        if not learner.learner_ref:
            continue
        earlier = first_seen.setdefault(learner.learner_ref, learner)
        if earlier is not learner:
            if dataclasses.replace(earlier, row=learner.row) == learner:
                message = "; the summaries count this learner once"
            else:
                differ = [column for column, _ in learner.given
                          if None not in (_answer(earlier, column), _answer(learner, column))
                          and _answer(earlier, column) != _answer(learner, column)]
                message = (
                    ", with other answers"
                    + (f" ({listed(differ, 'and')} differ{'s' if len(differ) == 1 else ''})"
                       if differ else "")
                    + ": each learner should be on one row. Each row is assessed on its own; the "
                    "summaries count this learner once (the first of its rows that could be "
                    "assessed): check which row is right")
            problems.append(RowProblem(
                learner.row, "learner_ref", f"learner_ref {learner.learner_ref!r} is also on "
                f"row {earlier.row}{message}", Severity.WARNING))
        else:  # 'l1' after 'L1': one learner typed twice, or two? Said, not decided
            written = first_written.setdefault(
                " ".join(learner.learner_ref.casefold().split()), learner)
            if written is not learner:
                problems.append(RowProblem(
                    learner.row, "learner_ref", f"learner_ref {learner.learner_ref!r} differs "
                    f"from {written.learner_ref!r} on row {written.row} only in capitals or "
                    "spaces: if they are one learner, write it the same way on both rows "
                    f"(the summaries count them as two)", Severity.WARNING))
    return problems

