"""Loading a catalogue with every check, including those that need the planner.

The catalogue layer checks each file and every reference between files. Whether a complete set
of rules of combination can be met at all takes the planner, which lives here, so the full load
is :func:`load_catalogue`: the catalogue layer's reading plus :func:`unsatisfiable_rules`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from advisor.catalogue import Catalogue, CatalogueError, KeyPath, Problem, read_catalogue
from advisor.engine.planner import PlanningError, search_plan


def unsatisfiable_rules(catalogue: Catalogue) -> Iterator[tuple[str, KeyPath, str]]:
    """Each qualification whose complete rules no combination of its listed units meets."""
    for q in catalogue.qualifications.values():
        if q.rules is None or any(not g.units_complete for g in q.rules.groups):
            continue
        try:
            plan = search_plan(q.rules, catalogue.units, held=())
        except PlanningError as error:
            yield q.id, ("rules",), f"cannot be checked: {error}"
            continue
        if plan is None:
            yield (q.id, ("rules",),
                   "no combination of the listed units satisfies these rules of combination")


def load_catalogue(data_dir: Path | str | None = None) -> Catalogue:
    """Read, validate and cross-check the catalogue in ``data_dir`` (default: the one named by
    ``$ADVISOR_DATA_DIR``, else the one shipped with the advisor), or raise
    :class:`CatalogueError` listing every problem, each with its file, line and key path."""
    return read_catalogue(data_dir, rule_checks=(unsatisfiable_rules,))


def validate_catalogue(data_dir: Path | str | None = None, *,
                       documents_dirs: Sequence[Path | str] = ()) -> list[Problem]:
    """Every problem in the catalogue at ``data_dir``; an empty list means it is sound. Given
    ``documents_dirs``, the folders of the source documents, a document in none of them and a
    section cited that its document does not contain are problems too."""
    try:
        read_catalogue(data_dir, rule_checks=(unsatisfiable_rules,),
                       documents_dirs=documents_dirs)
    except CatalogueError as error:
        return list(error.problems)
    return []
