"""Apprenticeship frameworks: which components a learner already holds and which are missing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from advisor.catalogue import Catalogue
from advisor.catalogue.models import Component, Framework


@dataclass(frozen=True)
class ComponentStatus:
    component: Component
    held: bool | None  # None: not a catalogue qualification, and the learner did not say
    satisfied_by: str | None  # the qualification id that satisfies it
    message: str


@dataclass(frozen=True)
class FrameworkStatus:
    framework: Framework
    components: tuple[ComponentStatus, ...]
    cautions: tuple[str, ...]

    @property
    def missing(self) -> tuple[ComponentStatus, ...]:
        return tuple(c for c in self.components if c.held is False)


def check_framework(
    catalogue: Catalogue,
    framework: Framework,
    *,
    qualifications: Iterable[str] = (),
    other_components: Iterable[str] = (),
) -> FrameworkStatus:
    """Components held through ``qualifications`` (ids) or declared in ``other_components``."""
    held_ids = set(qualifications)
    declared = set(other_components)
    statuses = []
    for component in framework.components:
        if component.qualifications:
            match = next((q for q in component.qualifications if q in held_ids), None)
            names = " or ".join(_name(catalogue, q) for q in component.qualifications)
            if match is not None:
                message = f"Held: {_name(catalogue, match)}."
            else:
                message = f"Missing: {names}."
            statuses.append(ComponentStatus(component, match is not None, match, message))
        elif component.id in declared:
            statuses.append(ComponentStatus(component, True, None,
                                            f"Held, as stated: {component.description}"))
        else:
            statuses.append(ComponentStatus(
                component, None, None,
                f"Not in the catalogue; check with the centre: {component.description}"))
    cautions = []
    if not framework.components_complete:
        cautions.append("The sources list only some of this framework's components.")
    if framework.note:
        cautions.append(framework.note)
    return FrameworkStatus(framework, tuple(statuses), tuple(cautions))


def _name(catalogue: Catalogue, qualification_id: str) -> str:
    q = catalogue.qualifications.get(qualification_id)
    if q is None:
        return qualification_id
    return q.name
