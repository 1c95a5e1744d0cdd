"""The Level 3 descriptions of a learner's work (the points a Level 3 competence
qualification is "aimed at", 03456 § Who the qualification is for) as evidence for a starting
level: which the learner says fit, when they point to Level 3, and the caution when only some do.
Part of :func:`advisor.engine.recommend.recommend`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from advisor.catalogue import Catalogue, Statement
from advisor.engine.answers import AnswerError
from advisor.engine.recommend_index import level_3_statements
from advisor.engine.recommend_types import Finding, FindingCode, Profile
from advisor.engine.wording import THE_LEARNER, Voice, listed

__all__ = ["LEVEL_3_SHARE", "few_level_3_statements", "level_3_evidence", "level_3_fit",
           "points_matching"]

# How many of the Level 3 suitability statements must describe the learner's work before they
# point to Level 3. The documents give the statements but no threshold; "most of them" is this
# advisor's reading, stated in every answer that uses it.
LEVEL_3_SHARE = 0.5


def points_matching(statement: Statement, chosen: Iterable[str]) -> list[str]:
    """The statement's points the learner chose, by exact text or an unambiguous fragment."""
    points = list(statement.points)
    found: list[str] = []
    for text in chosen:
        needle = " ".join(text.casefold().split())
        hits = [p for p in points if needle == p.casefold() or needle in p.casefold()]
        if len(hits) != 1:
            raise AnswerError(
                f"'{text}' does not pick out one of the Level 3 statements; choose from: "
                + "; ".join(f"'{p}'" for p in points)
            )
        if hits[0] not in found:
            found.append(hits[0])
    return found


def level_3_fit(catalogue: Catalogue, profile: Profile) -> tuple[Statement, list[str]] | None:
    """The Level 3 descriptions, and those the learner says fit their work (None: none asked)."""
    statement = level_3_statements(catalogue)
    if statement is None or not profile.responsibilities:
        return None
    return statement, points_matching(statement, profile.responsibilities)


def level_3_evidence(fit: tuple[Statement, list[str]] | None, *,
                     voice: Voice = THE_LEARNER) -> list[Finding]:
    """A reason for Level 3 when most of the Level 3 descriptions fit the learner's work (this
    advisor's reading, see :data:`LEVEL_3_SHARE`); ``fit`` is :func:`level_3_fit`'s."""
    if fit is None or len(fit[1]) <= len(fit[0].points) * LEVEL_3_SHARE:
        return []
    statement, chosen = fit
    total = len(statement.points)
    # Counted, not quoted: the learner ticked them in their own words, and the handbook's
    # would read as jargon here (the answers list them, in the learner's words).
    return [Finding(
        FindingCode.LEVEL_3_STATEMENTS,
        f"{len(chosen)} of the {total} descriptions of a Level 3 learner fit "
        f"{voice.learners} work. When most of them fit, this advisor suggests Level 3.",
        statement.source, level=3,
    )]


# The answers behind a reason for a level, as a caution names them.
_ANSWERS = {FindingCode.HOLDS_QUALIFICATION: "what {they} already hold",
            FindingCode.ROLE_LEVEL: "the job title", FindingCode.ROLE_AFTER_QUALIFICATION:
            "the job title", FindingCode.SENIOR_ROLE: "the senior role",
            FindingCode.WORKING: "working in customer service"}


def few_level_3_statements(fit: tuple[Statement, list[str]] | None,
                           level: int | None, *, working: bool,
                           reasons: Sequence[Finding] = (),
                           voice: Voice = THE_LEARNER) -> list[Finding]:
    """A caution when some, but not most, of the Level 3 descriptions fit: worded for the
    level suggested, which other answers (``reasons``: a job role, a senior role) may already
    have put at Level 3 or above, named; for a learner not ``working`` now, that they do not
    count (no units to take alongside work)."""
    if fit is None or not fit[1] or len(fit[1]) > len(fit[0].points) * LEVEL_3_SHARE:
        return []
    statement, chosen = fit
    # Counted, not quoted: the learner ticked them in their own words, and the handbook's
    # would read as jargon here (the answers list them).
    fitting = f"{len(chosen)} of the {len(statement.points)} descriptions of a Level 3 learner fit"
    if not working:
        return [Finding(FindingCode.WORK_NOT_COUNTED,
                        f"Not counted towards the level, as {voice.does('be')} not working "
                        f"now: {fitting} {voice.their} work.", statement.source)]
    if level is not None and level >= 3:
        answers = list(dict.fromkeys(_ANSWERS[r.code].format(they=voice.they) for r in reasons
                                     if r.level == level and r.code in _ANSWERS))
        pointing = (f"{listed(answers, 'and')[:1].upper()}{listed(answers, 'and')[1:]} "
                    f"point{'s' if len(answers) == 1 else ''}" if answers
                    else "Other answers point")
        message = (f"Only {fitting}. {pointing} to Level {level}: check with the centre that "
                   f"Level {level} suits the work {voice.does('do')} now.")
    else:
        message = (f"{fitting}; this advisor suggests Level 3 only when most of them do. Discuss "
                   "with the centre whether Level 3 units could be taken alongside.")
    return [Finding(FindingCode.SOME_LEVEL_3_STATEMENTS, message, statement.source)]
