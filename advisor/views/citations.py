"""Citations people can read: a document's title and date (from ``data/sources.yaml``), the
section, and whether it is a secondary source or an inference. File names are for the About
page only. :mod:`advisor.views.labels` offers these with the other words the views use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from advisor.catalogue import Basis, Catalogue, Citation

__all__ = ["citation", "cite", "cite_by_document", "document_name", "sources_numbered",
           "web_address"]

_BASIS_MARK = {Basis.STATED: "", Basis.SECONDARY: " (secondary source)",
               Basis.INFERENCE: " (inferred)"}


def document_name(catalogue: Catalogue, cited: Citation) -> str:
    """The cited document's title and date (its file name when the catalogue does not list it:
    the register's import, say)."""
    document = catalogue.documents.get(cited.doc)
    if document is None:
        return cited.doc
    where = document.title
    if document.date and document.date not in where:
        where += f", {document.date}"
    return where


def _section(catalogue: Catalogue, cited: Citation) -> str:
    return f"§ {_shown(cited.section)}{_BASIS_MARK[catalogue.basis(cited)]}"


# A heading's own warning that what follows is not from the sources: a reader of a citation is
# told so by its mark, "(inferred)", not by a heading that seems to disown the citation.
_NOT_SOURCE_FACTS = re.compile(r"\s*\(NOT source facts\)", re.IGNORECASE)


def _shown(section: str) -> str:
    """A section's heading as a citation shows it."""
    return _NOT_SOURCE_FACTS.sub("", section)


def citation(catalogue: Catalogue, cited: Citation) -> str:
    """A citation people can read: the document's title and date, then the section, marked
    where it is a secondary source or an inference. ``OCR centre handbook: ... (09628,
    09629), § 2.1 Qualification profile``. (File names are for the About page only.)"""
    return f"{document_name(catalogue, cited)}, {_section(catalogue, cited)}"


def cite(catalogue: Catalogue, sources: Iterable[Citation], *, web_pages: bool = False) -> str:
    """Citations as one line, each readable (:func:`citation`), a document's title given once
    before all its sections: ``OCR student guide: ..., 2011, § GROUP A, § LEVEL 3; OCR ...``.
    With ``web_pages``, a section a secondary source's fact came from is followed by the web
    address of that page (``§ H. ... (secondary source), at https://...``), where the reader
    has no other list of them (the command line's text)."""
    return "; ".join(cite_by_document(catalogue, sources, web_pages=web_pages))


def cite_by_document(catalogue: Catalogue, sources: Iterable[Citation], *,
                     web_pages: bool = False) -> list[str]:
    """Citations by document, in order of first use: each document's title once, then its
    sections (as :func:`cite` joins them), for a list a reader can scan where one finding rests
    on several documents."""
    # A section cited both as read and as reasoned from is named once: "§ X (in part
    # inferred)", not "§ X, ..., § X (inferred)".
    sections: dict[str, dict[str, set[Basis]]] = {}
    pages: dict[tuple[str, str], list[str]] = {}
    for cited in sources:
        where = document_name(catalogue, cited)
        sections.setdefault(where, {}).setdefault(cited.section, set()).add(
            catalogue.basis(cited))
        urls = pages.setdefault((where, cited.section), [])
        if web_pages and cited.url and cited.url not in urls:
            urls.append(cited.url)
    return [f"{where}, " + ", ".join(f"§ {_shown(section)}{_marks(bases)}"
                                     + "".join(f", at {web_address(url)}"
                                               for url in pages[where, section])
                                     for section, bases in found.items())
            for where, found in sections.items()]


def web_address(url: str) -> str:
    """A web page's address as a reader should take it: one the notes give cut short
    (ending "...") says so, rather than being printed as if it would open."""
    if url.endswith("..."):
        return f"{url} (cut short in the notes: search the site for the document's title)"
    return url


def _marks(bases: set[Basis]) -> str:
    if len(bases) == 1:
        return _BASIS_MARK[next(iter(bases))]
    marked = " and ".join(
        _BASIS_MARK[b].strip(" ()") for b in (Basis.SECONDARY, Basis.INFERENCE) if b in bases)
    return f" (in part {marked})" if Basis.STATED in bases else f" ({marked})"


def sources_numbered(table: pd.DataFrame, *, missing: str) -> tuple[pd.DataFrame, list[str]]:
    """``table`` with each citation in its Source column replaced by a number, in order of
    first use, and the citations so numbered: a long citation repeated on every row would
    bury the facts, on a phone most of all. A row without one keeps its words (``missing``,
    "not stated"); a table without a Source column is returned as it is."""
    if "Source" not in table.columns:
        return table, []
    cited = [text for text in dict.fromkeys(table["Source"])
             if isinstance(text, str) and text and text != missing]
    numbers = {text: str(number) for number, text in enumerate(cited, 1)}
    return table.assign(Source=table["Source"].map(lambda t: numbers.get(t, t))), cited
