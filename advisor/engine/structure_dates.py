"""Units borrowed from a national structure, on a date before the structure's own.

The OCNLR Level 2 Diploma in Customer Service has no units of its own in the sources: it is
inferred to follow the national structure S/016/608, whose document's only date is its
copyright line (Skills CFA, 2014). On a date before the first day that allows
(``dates.structure_from``), the structure's units are not known to be what the qualification
asked for then, so an answer that rests on them (what carries over, the credits still needed,
a plan) says they are not known, why, and its source, rather than offer 2014 units as what a
learner took in 2012.

Which rules apply on a date is the catalogue's to say (:meth:`Catalogue.effective_rules` with
``as_at``); this module only words why they are not known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advisor.catalogue import Catalogue, Citation, Qualification
from advisor.engine.wording import uk_date

__all__ = ["RulesKnownLater", "rules_known_later"]


@dataclass(frozen=True)
class RulesKnownLater:
    """``qualification`` borrows the rules of ``structure``, which the sources date no
    earlier than ``known_from``: on ``as_at``, before it, its units are not known."""

    qualification: Qualification
    structure: Qualification
    as_at: dt.date
    known_from: dt.date
    source: tuple[Citation, ...]

    @property
    def words(self) -> str:
        """What follows "not known: " where an answer would give the units or credits: "its
        units are known only from the 2014 national structure S/016/608 (...); ask the
        centre"."""
        return (f"its units are known only from the {self.known_from.year} national structure "
                f"{self.structure.structure_reference}, which the sources date no earlier than "
                f"{uk_date(self.known_from)}, so which units it asked for on "
                f"{uk_date(self.as_at)} is not known; ask the centre")

    @property
    def reason(self) -> str:
        """The same, as a sentence of its own: a check's first caution and its headline."""
        return (f"Not known on {uk_date(self.as_at)}: the sources do not list the units of "
                f"{self.qualification.title}, and {self.words}.")


def rules_known_later(catalogue: Catalogue, qualification: Qualification,
                      as_at: dt.date | None) -> RulesKnownLater | None:
    """Why ``qualification`` has no rules known on ``as_at`` where that is only because the
    national structure it borrows them from is dated later; None otherwise (or with no
    date)."""
    structure = catalogue.structure_not_yet_known(qualification, as_at)
    dated = structure.dates.structure_from if structure is not None else None
    if structure is None or structure.rules is None or dated is None or as_at is None:
        return None
    return RulesKnownLater(qualification, structure, as_at, dated.date,
                           tuple(c for c in dated.source if isinstance(c, Citation)))
