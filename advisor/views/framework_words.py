"""Apprenticeship frameworks in words: each component's kind and whether it is held, and the
standard that later took a framework's place (tables, the CLI's text and the printouts)."""

from __future__ import annotations

from advisor.catalogue import ComponentKind, Framework
from advisor.engine.frameworks import ComponentStatus, standard_note

__all__ = ["COMPONENT_HELD_WORDS", "STANDARD_HEADING", "component_held", "component_kind",
           "standard_taking_its_place"]


_COMPONENT_KIND_WORDS = {
    ComponentKind.COMPETENCE: "competence (an NVQ: doing the job)",
    ComponentKind.TECHNICAL_KNOWLEDGE: "technical knowledge (the technical certificate)",
    ComponentKind.COMBINED: "knowledge and competence in one qualification",
    ComponentKind.FUNCTIONAL_SKILLS: "functional skills (English and maths)",
    ComponentKind.EMPLOYMENT_RIGHTS: "employment rights and responsibilities",
    ComponentKind.PERSONAL_LEARNING: "personal learning and thinking skills",
}


def component_kind(kind: ComponentKind) -> str:
    """An apprenticeship framework component's kind in words a learner follows ("technical
    knowledge (the technical certificate)"; not "combined")."""
    return _COMPONENT_KIND_WORDS[kind]


COMPONENT_HELD_WORDS = {True: "held", False: "missing",
                        None: "not known here: ask the centre"}
"""Whether the learner holds an apprenticeship framework's component, in words."""


def component_held(component: ComponentStatus) -> str:
    """Whether the learner holds a framework's component, in words: "on this route" where the
    route being planned gives it."""
    return "on this route" if component.on_route else COMPONENT_HELD_WORDS[component.held]

def standard_taking_its_place(framework: Framework) -> str:
    """``In England, the Customer Service Practitioner apprenticeship standard (ST0072, Level
    2) took the place of this framework.``, with the standard's note as what an undated
    secondary source says, and a caution that apprenticeship rules change; empty without a
    standard. Whether the standard is still open to new apprentices, the sources do not say."""
    standard = framework.succeeded_by
    if standard is None:
        return ""
    return (f"In England, the {standard.title} apprenticeship standard ({standard.reference}, "
            f"Level {standard.level}) later took the place of this framework (the sources do "
            "not say when)."
            + standard_note(standard))


STANDARD_HEADING = "What took its place"
"""The heading of a framework's successor standard (not "today": its source gives no date)."""
