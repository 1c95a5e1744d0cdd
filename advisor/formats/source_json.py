"""Sources as the JSON gives them (:func:`source_dicts`), and the answers about dates that are
little more than a date and its sources: a qualification opening after the date, and units
known only from a national structure dated after it. :mod:`advisor.formats.json_shapes` shapes
the rest of the CLI's JSON with them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from advisor.catalogue import Catalogue, Citation
from advisor.engine.opening_later import OpeningLater
from advisor.engine.structure_dates import RulesKnownLater
from advisor.views.citations import citation, document_name

__all__ = ["opening_later_dict", "rules_known_later_dict", "source_dicts"]


def source_dicts(catalogue: Catalogue, sources: Iterable[Citation]) -> list[dict[str, Any]]:
    """Citations as the JSON gives them, each once: the ``citation`` in the words the text
    and the pages use (the document's title and date, the section, and "(secondary source)"
    or "(inferred)" where it is one), then its parts: the ``document``, the ``section``, the
    ``basis`` (stated, secondary or inference), the ``url`` of the web page a secondary
    source's fact came from (else null) and, for scripts, the catalogue's ``file`` it is
    transcribed from (null where the catalogue has no such document: the register)."""
    found: list[dict[str, Any]] = []
    for cited in sources:
        entry = {"citation": citation(catalogue, cited),
                 "document": document_name(catalogue, cited), "section": cited.section,
                 "basis": catalogue.basis(cited).value, "url": cited.url,
                 "file": cited.doc if cited.doc in catalogue.documents else None}
        if entry not in found:  # the same section cited for two notes is one source
            found.append(entry)
    return found


def opening_later_dict(catalogue: Catalogue, later: OpeningLater) -> dict[str, Any]:
    """A qualification that opens after the date (:class:`OpeningLater`), as the JSON gives it."""
    return {"qualification": later.qualification.reference, "opens": later.opens.isoformat(),
            "when": later.when, "replaces": [catalogue.qualifications[i].reference
                                             for i in later.replaces],
            "message": later.message(catalogue), "source": source_dicts(catalogue, later.source)}


def rules_known_later_dict(catalogue: Catalogue, later: RulesKnownLater | None
                           ) -> dict[str, Any] | None:
    """Why a qualification's rules are not known on the date where only the national structure
    they are borrowed from is dated later (:class:`RulesKnownLater`): the ``structure``'s
    reference, the first day it is ``known_from``, the ``reason`` and its ``source``; None
    where that is not so."""
    if later is None:
        return None
    return {"structure": later.structure.reference, "known_from": later.known_from.isoformat(),
            "reason": later.reason, "source": source_dicts(catalogue, later.source)}
