"""What a recommendation reads from the whole catalogue, found once per catalogue: the
qualifications at each level, the Level 3 suitability statements, the Level 4 senior-role rule,
the introductory and in-work qualifications, progressions and job roles by level."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from advisor.catalogue import (
    Catalogue,
    Category,
    Citation,
    JobRole,
    Kind,
    Progression,
    Qualification,
    Statement,
    qualifications_at_level,
)


@dataclass(frozen=True)
class RecommendationIndex:
    """What a recommendation reads from the whole catalogue, found once per catalogue."""

    by_level: dict[int, tuple[Qualification, ...]]  # enrolable qualifications, by level
    level_3_statements: Statement | None
    senior_role_rule: tuple[Qualification, Statement] | None
    introductory: Qualification | None  # the lowest-level one that says who it is for
    for_people_in_work: Qualification | None  # the Level 2 one marked for people in work
    progressions_from: dict[str, tuple[Progression, ...]]
    roles_by_level: dict[int, tuple[JobRole, ...]]
    competence_assessment: tuple[Citation, ...]  # where NVQ assessment at work is described


@functools.lru_cache(maxsize=4)  # per catalogue (compared by identity)
def recommendation_index(catalogue: Catalogue) -> RecommendationIndex:
    """The index of ``catalogue``, worked out once for each catalogue."""
    ordered = sorted(catalogue.qualifications.values(), key=lambda q: q.id)
    by_level: dict[int, list[Qualification]] = {}
    for level in sorted({q.level for q in ordered if q.level is not None}):
        at_level = [catalogue.qualifications[i]
                    for i in qualifications_at_level(catalogue.graph, level)]
        # In the order options are listed when nothing else tells them apart.
        by_level[level] = sorted((q for q in at_level if q.category is Category.QUALIFICATION),
                                 key=lambda q: (q.legacy, q.code or "", q.id))
    statements = next((q.suitable_for for q in ordered if q.level == 3
                       and q.kind is Kind.COMPETENCE and q.suitable_for is not None), None)
    senior = next(((q, q.role_requirement) for q in ordered if q.level == 4
                   and q.category is Category.QUALIFICATION and q.role_requirement), None)
    described = [q for q in ordered if q.category is Category.QUALIFICATION
                 and q.level is not None and q.suitable_for is not None]
    introductory = min(described, key=lambda q: (q.level, q.id), default=None)
    in_work = next((q for q in ordered if q.level == 2 and q.for_people_in_work
                    and q.suitable_for is not None), None)
    progressions: dict[str, list[Progression]] = {}
    for step in catalogue.progressions:
        progressions.setdefault(step.from_, []).append(step)
    roles: dict[int, list[JobRole]] = {}
    for role in catalogue.job_roles.values():
        if role.level is not None:
            roles.setdefault(role.level, []).append(role)
    assessment = next((q.assessment.source for q in ordered
                       if q.kind is Kind.COMPETENCE and q.assessment), ())
    return RecommendationIndex({level: tuple(qs) for level, qs in by_level.items()},
                               statements, senior, introductory, in_work,
                               {key: tuple(steps) for key, steps in progressions.items()},
                               {level: tuple(rs) for level, rs in roles.items()}, assessment)


def level_3_statements(catalogue: Catalogue) -> Statement | None:
    """Who a Level 3 competence qualification is aimed at (the 03456 handbook's list)."""
    return recommendation_index(catalogue).level_3_statements


def senior_role_rule(catalogue: Catalogue) -> tuple[Qualification, Statement] | None:
    """The Level 4 qualification whose documents require a senior role, with that rule."""
    return recommendation_index(catalogue).senior_role_rule
