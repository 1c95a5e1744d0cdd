"""The source documents' own text, to check that every section a citation names is in them.

Every fact in the catalogue cites a document and a section (``001_1a36f8904fba0327.txt § 2.1
Qualification profile``). The catalogue alone can check that the document is listed in
``sources.yaml``; only the documents themselves can show that the section is there, so that a
reader who opens the document finds what was cited. ``advisor validate --documents DIR`` reads
the documents from ``DIR`` (each by the file name ``sources.yaml`` gives it; the option may be
given again for documents kept in another folder) and reports a section the document does not
contain, with the line of the citation and the document's line most like it.

A section is found where a line of its document begins with it (a heading may be cited in
short: "A. National (Skills CFA) structure: Level 2 Diploma in Customer Service" for a heading
that goes on ", 2014 combined"), ignoring case, runs of spaces, Markdown's marks before a
heading (``#``, ``*``) and the typographer's quotes and dashes (a heading transcribed by hand
with a straight apostrophe is still the document's heading). Words that are in the document
but not at the start of a line (in a sentence, say) are not a section.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from advisor.catalogue.models import Citation

__all__ = ["DocumentTexts", "same_words"]

_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")
_HEADING_MARKS = re.compile(r"^[#*\s]+")


def same_words(text: str) -> str:
    """``text`` as sections are compared: case folded, straight quotes and hyphens, any run of
    white space as one space, and no Markdown heading marks before it."""
    return _HEADING_MARKS.sub("", _SPACES.sub(" ", text.translate(_TYPOGRAPHY))).strip().casefold()


@dataclass(frozen=True)
class DocumentTexts:
    """The text of each source document found in ``folders``, by file name."""

    folders: tuple[Path, ...]
    headings: Mapping[str, tuple[str, ...]]  # each line, as :func:`same_words` gives it
    lines: Mapping[str, tuple[str, ...]]  # each document's non-blank lines, as written

    @classmethod
    def read(cls, folders: tuple[Path, ...], files: list[str]) -> DocumentTexts:
        """The documents named ``files``, each from the first of ``folders`` that has it (one
        in none is left out: :meth:`missing` says so)."""
        headings: dict[str, tuple[str, ...]] = {}
        lines: dict[str, tuple[str, ...]] = {}
        for name in files:
            path = next((folder / name for folder in folders if (folder / name).is_file()),
                        None)
            if path is None:
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:  # said as not found: the folder's owner can see why
                continue
            lines[name] = tuple(line.strip() for line in text.splitlines() if line.strip())
            headings[name] = tuple(same_words(line) for line in lines[name])
        return cls(folders, headings, lines)

    def missing(self, file: str) -> bool:
        """Whether the document ``file`` is in none of the folders."""
        return file not in self.headings

    def section_problem(self, citation: Citation) -> str | None:
        """What is wrong with ``citation``'s section, or None where its document contains it
        (or the document was not found: that is said once, of ``sources.yaml``)."""
        headings = self.headings.get(citation.doc)
        section = same_words(citation.section)
        if headings is None or any(line.startswith(section) for line in headings):
            return None
        close = difflib.get_close_matches(section, headings, n=1, cutoff=0.6)
        hint = (f"; its closest line is {self.lines[citation.doc][headings.index(close[0])]!r}"
                if close else "")
        return f"cites section {citation.section!r}, which is not in {citation.doc}{hint}"
