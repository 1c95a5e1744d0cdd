"""Tables about the data itself, for the *About the data* page (and the home page's count):
the source documents, how fully each qualification is known, and how the catalogue's
qualifications stand on a date. Pandas frames and counts that the pages and tests only show or
read."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import pandas as pd

from advisor.catalogue import Catalogue, Structure, iter_citations
from advisor.engine.eligibility import Status, status_on
from advisor.register import Register
from advisor.views.labels import NOT_STATED


def statuses_on(catalogue: Catalogue, as_at: dt.date,
                register: Register | None = None) -> Counter[Status]:
    """How many of the catalogue's qualifications (national structures too) have each status
    on ``as_at``, with the ``register``'s dates where one is loaded."""
    return Counter(status_on(catalogue, q, as_at, register=register).status
                   for q in catalogue.qualifications.values())


def documents_table(catalogue: Catalogue) -> pd.DataFrame:
    """Every source document: its kind, how many facts cite it, and who cites it."""
    counts: dict[str, int] = defaultdict(int)
    citing_qualifications: dict[str, set[str]] = defaultdict(set)
    citing_units: dict[str, set[str]] = defaultdict(set)
    for q in catalogue.qualifications.values():
        for _, citation in iter_citations(q):
            counts[citation.doc] += 1
            citing_qualifications[citation.doc].add(q.reference)
    for unit in catalogue.units.values():
        for _, citation in iter_citations(unit):
            counts[citation.doc] += 1
            citing_units[citation.doc].add(unit.urn)
    others: tuple[Any, ...] = (*catalogue.progressions, *catalogue.job_roles.values(),
                               *catalogue.frameworks.values(), *catalogue.transfer_rules)
    for record in others:
        for _, citation in iter_citations(record):
            counts[citation.doc] += 1
    rows = []
    for document in catalogue.documents.values():
        rows.append({
            "Title": document.title,
            "Publisher": document.publisher,
            "Kind": document.kind.value,
            "Date": document.date or NOT_STATED,
            "Facts citing it": counts[document.file],
            "Qualifications citing it": ", ".join(sorted(citing_qualifications[document.file]))
            or "none",
            "Units citing it": len(citing_units[document.file]),
            "What was taken from it": "; ".join(document.provides) or NOT_STATED,
            "File": document.file,  # the name the sources folder gives it, for the curious
        })
    return pd.DataFrame(rows, columns=[
        "Title", "Publisher", "Kind", "Date", "Facts citing it",
        "Qualifications citing it", "Units citing it", "What was taken from it", "File",
    ])


def coverage_table(catalogue: Catalogue) -> pd.DataFrame:
    """How fully each qualification is known: complete, partial or unknown structure."""
    order = {Structure.COMPLETE: 0, Structure.PARTIAL: 1, Structure.UNKNOWN: 2}
    ranked = sorted(catalogue.qualifications.values(),
                    key=lambda q: (order[q.structure], q.level or 99, q.reference))
    rows = [{
        "Reference": q.reference,
        "Title": q.title,
        "Structure": q.structure.value,
        "What is known": q.structure_note
        or ("Every unit and rule of combination is transcribed."
            if q.structure is Structure.COMPLETE else NOT_STATED),
    } for q in ranked]
    return pd.DataFrame(rows, columns=["Reference", "Title", "Structure", "What is known"])
