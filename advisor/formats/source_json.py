"""Sources and qualifications as the JSON gives them (:func:`source_dicts`,
:func:`qualification_dict`), and the answers about dates that are little more than a date and
its sources: a qualification opening after the date, and units
known only from a national structure dated after it. :mod:`advisor.formats.json_shapes` shapes
the rest of the CLI's JSON with them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from advisor.catalogue import Catalogue, Citation, Qualification
from advisor.engine.opening_later import OpeningLater
from advisor.engine.structure_dates import RulesKnownLater
from advisor.views.citations import citation, document_name

__all__ = ["opening_later_dict", "qualification_dict", "rules_known_later_dict", "source_dicts"]


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


def qualification_dict(q: Qualification) -> dict[str, Any]:
    return {
        "id": q.id,
        "code": q.code,
        "regulator_number": q.regulator_number,
        "structure_reference": q.structure_reference,
        "title": q.title,
        "level": q.level,
        "awarding_body": q.awarding_body,
        "kind": q.kind.value,
        "structure": q.structure.value,
    }


def opening_later_dict(catalogue: Catalogue, later: OpeningLater) -> dict[str, Any]:
    """A qualification that opens after the date (:class:`OpeningLater`), as the JSON gives it:
    the ``qualification``, the first day it ``opens`` and ``when`` in the sources' words, what
    it ``replaces`` (each ``inferred`` where the sources only suggest it), the ``message`` and
    its ``source``."""
    return {"qualification": qualification_dict(later.qualification),
            "opens": later.opens.isoformat(), "when": later.when,
            "replaces": [qualification_dict(catalogue.qualifications[i])
                         | {"inferred": i in later.inferred} for i in later.replaces],
            "message": later.message(catalogue), "source": source_dicts(catalogue, later.source)}


def rules_known_later_dict(catalogue: Catalogue, later: RulesKnownLater | None
                           ) -> dict[str, Any] | None:
    """Why a qualification's rules are not known on the date where only the national structure
    they are borrowed from is dated later (:class:`RulesKnownLater`): the ``structure``, the
    first day it is ``known_from``, the ``reason`` and its ``source``; None where that is not
    so."""
    if later is None:
        return None
    return {"structure": qualification_dict(later.structure),
            "known_from": later.known_from.isoformat(),
            "reason": later.reason, "source": source_dicts(catalogue, later.source)}
