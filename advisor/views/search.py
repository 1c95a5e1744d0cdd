"""Searching the catalogue by words: what Explore's search box matches.

A query is split into terms: "level 3" (or "level3") is one term, met by a record at that level;
every other word is a term of its own. A record matches when every term is met somewhere in its
searchable text, ignoring case: a word of letters at the start of a word there ("nvq level 3"
finds the OCR Level 3 NVQ Diploma, "custom" finds customers), a reference such as 600/0840/4 or
part of one anywhere, spacing and punctuation ignored ("6000840 4" finds 600/0840/4).

A qualification's searchable text is its title, scheme code, regulator number, structure
reference, short name, id, awarding body, level, kind (competence qualifications are NVQs) and
framework (QCF, RQF); a word it lacks may be met by a *lead* to it instead: an apprenticeship
framework it is part of (or the apprenticeship standard that took that framework's place,
"ST0072"), or a job role the sources place at its level or name as a job after it ("team
leader", "apprenticeship"). The leads that met a word are given with the result, so a
page can say why a qualification was found.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.catalogue import (
    ApprenticeshipStandard,
    Catalogue,
    Category,
    Kind,
    Qualification,
    Unit,
)
from advisor.engine.wording import listed
from advisor.views.labels import framework_label

_LEVEL = re.compile(r"\blevel\s*(\d)\b")
# The words a kind answers to in a search: its name, and NVQ for competence. Not the labels'
# descriptions, whose other words ("principles", "apprenticeship") would find the wrong ones.
_KIND_WORDS = {Kind.KNOWLEDGE: "knowledge", Kind.COMPETENCE: "competence NVQ",
               Kind.COMBINED: "combined", Kind.UNKNOWN: None}


@dataclass(frozen=True)
class Query:
    """A query split into terms: its words, and the levels it names ("level 3")."""

    words: tuple[str, ...]
    levels: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return not (self.words or self.levels)


@dataclass(frozen=True)
class Lead:
    """A job role or apprenticeship framework that leads to a qualification."""

    name: str  # how a result names it: 'job role "Courier" (the sources place it at Level 2)'
    text: tuple[str, ...]  # what a word may meet: its title
    # A standard's: the name of the framework's lead it took the place of, and its own name
    # where it follows that lead in a list ("..., which took its place"), not repeating it.
    took_place_of: str | None = None
    after_it: str | None = None
    placed_at: int | None = None  # a job role's: the level the sources place it at


def parse_query(text: str) -> Query:
    """``text`` split into terms, lower case."""
    lowered = text.casefold()
    levels = tuple(int(n) for n in _LEVEL.findall(lowered))
    words = tuple(_LEVEL.sub(" ", lowered).split())
    return Query(words, levels)


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _word_in(word: str, fields: Sequence[str]) -> bool:
    """A word of letters is met by a word of a field that starts with it ("custom" meets
    "customers", "call" does not meet "electronically"), or by its singular ("nvqs"); a word
    with digits or punctuation (a reference) by any part of a field, spacing and punctuation
    ignored ("0840" meets 600/0840/4)."""
    if word.isalpha():
        forms = {word, word[:-1]} if word.endswith("s") and len(word) > 3 else {word}
        return any(re.search(r"(?<![a-z0-9])" + re.escape(form), field.casefold())
                   for form in forms for field in fields)
    squashed = _squash(word)
    return any(word in field.casefold() or (squashed and squashed in _squash(field))
               for field in fields)


def _level_in(level: int, fields: Sequence[str], record_level: int | None) -> bool:
    return record_level == level or any(f"level {level}" in f.casefold() for f in fields)


def qualification_fields(q: Qualification) -> list[str | None]:
    """What the search reads of a qualification itself."""
    return [q.title, q.code, q.regulator_number, q.structure_reference, q.short_name, q.id,
            q.awarding_body, _KIND_WORDS[q.kind], q.framework]


def match_qualification(catalogue: Catalogue, q: Qualification, query: Query
                        ) -> tuple[Lead, ...] | None:
    """None when ``q`` does not match; else the leads that met a term its own text did not
    (none when its own text meets them all)."""
    fields = [f for f in qualification_fields(q) if f]
    if not all(_level_in(n, fields, q.level) for n in query.levels):
        return None
    missing = [word for word in query.words if not _word_in(word, fields)]
    if not missing:
        return ()
    leads = leads_to(catalogue).get(q.id, ())
    # The leads that meet every missing word ("team leader": the Customer Service Team Leader,
    # not every role with "team" in it); else, for each word, those that meet it.
    whole = [lead for lead in leads if all(_word_in(word, lead.text) for word in missing)]
    if whole:
        return tuple(whole)
    used: dict[Lead, None] = {}
    for word in missing:
        meeting = [lead for lead in leads if _word_in(word, lead.text)]
        if not meeting:
            return None
        used.update(dict.fromkeys(meeting))
    return tuple(used)


def find_qualifications(catalogue: Catalogue, text: str) -> dict[str, tuple[Lead, ...]]:
    """The qualifications every word of ``text`` finds (all of them for none), by id in
    catalogue order, each with the leads that met a word its own text did not."""
    query = parse_query(text)
    found = {}
    for q in catalogue.qualifications.values():
        leads = match_qualification(catalogue, q, query)
        if leads is not None:
            found[q.id] = leads
    return found


def standards_found(catalogue: Catalogue, text: str) -> tuple[ApprenticeshipStandard, ...]:
    """The apprenticeship standards (those the sources say took a framework's place) that every
    word of ``text`` meets by their title or reference: not qualifications of the catalogue,
    so a page says what they are beside the qualifications they lead to."""
    query = parse_query(text)
    if not query.words:
        return ()
    standards = {f.succeeded_by.reference: f.succeeded_by for f in catalogue.frameworks.values()
                 if f.succeeded_by is not None}
    return tuple(standard for standard in standards.values()
                 if all(level == standard.level for level in query.levels)
                 and all(_word_in(word, _standard_text(standard)) for word in query.words)
                 # a word of its own: its reference, or a word of its title no qualification
                 # has ("practitioner"), not "customer service" alone
                 and any(_word_in(word, [standard.reference, *_own_words(catalogue, standard)])
                         for word in query.words))


def asks_about_apprenticeships(text: str) -> bool:
    """Whether a search names apprenticeships ("apprenticeship", "apprentices"): where they
    stand on the date is then worth saying beside what it finds, since every framework in these
    documents has had its day."""
    return any(word.startswith("apprentic") for word in parse_query(text).words)


def _own_words(catalogue: Catalogue, standard: ApprenticeshipStandard) -> list[str]:
    """The words of a standard's title that no qualification's title has."""
    titled = {w for q in catalogue.qualifications.values()
              for w in re.findall(r"[a-z0-9]+", q.title.casefold())}
    return [w for w in re.findall(r"[a-z0-9]+", standard.title.casefold()) if w not in titled]


def _standard_text(standard: ApprenticeshipStandard) -> tuple[str, ...]:
    """What a word may meet in an apprenticeship standard."""
    return (standard.title, standard.reference, "apprenticeship standard")


def match_unit(unit: Unit, query: Query) -> bool:
    """Whether every term of ``query`` is met by the unit's URN, title or level."""
    fields = [unit.urn, unit.title]
    return (all(_word_in(word, fields) for word in query.words)
            and all(_level_in(n, fields, unit.level) for n in query.levels))


@functools.lru_cache(maxsize=4)  # per catalogue (compared by identity)
def leads_to(catalogue: Catalogue) -> dict[str, tuple[Lead, ...]]:
    """``{qualification id: leads}``: the apprenticeship frameworks it is part of, the job roles
    the sources name as a job after it, and (for a qualification learners enrol on) the job roles
    the sources place at its level."""
    found: dict[str, list[Lead]] = defaultdict(list)
    for framework in catalogue.frameworks.values():
        lead = Lead(framework_label(catalogue, framework),
                    (framework.title, "apprenticeship framework"))
        for qid in framework.qualifications:
            found[qid].append(lead)
        standard = framework.succeeded_by
        if standard is not None:  # a name heard today finds what it took the place of
            taken = Lead(f"the apprenticeship standard {standard.name}, "
                         f"which took the place of the {lead.name}",
                         _standard_text(standard), took_place_of=lead.name,
                         after_it=f"the apprenticeship standard {standard.name}, which took "
                                  "its place")
            for qid in framework.qualifications:
                found[qid].append(taken)
    by_level: dict[int, list[Lead]] = defaultdict(list)
    for role in catalogue.job_roles.values():
        if role.after is not None:
            found[role.after].append(Lead(
                f"job role \u201c{role.title}\u201d (a job the sources name after it)",
                (role.title,)))
        if role.level is not None:
            by_level[role.level].append(Lead(
                f"job role \u201c{role.title}\u201d (the sources place it at Level {role.level})",
                (role.title,), placed_at=role.level))
    for q in catalogue.qualifications.values():
        if q.category is Category.QUALIFICATION and q.level is not None:
            found[q.id].extend(by_level.get(q.level, ()))
    return {qid: tuple(dict.fromkeys(leads)) for qid, leads in found.items()}


def leads_in_words(leads: Sequence[Lead]) -> str:
    """``leads`` named in a list: a standard right after the framework it took the place of
    without repeating the framework's name, and the job roles the sources place at a level
    together ('job roles "Courier" and "Driver" (the sources place them at Level 2)')."""
    named = {lead.name for lead in leads}
    words = [lead.after_it if lead.after_it and lead.took_place_of in named else lead.name
             for lead in leads if lead.placed_at is None]
    placed = [lead for lead in leads if lead.placed_at is not None]
    if len(placed) == 1:
        words.append(placed[0].name)
    for level in dict.fromkeys(lead.placed_at for lead in placed) if len(placed) > 1 else ():
        titles = [f"\u201c{lead.text[0]}\u201d" for lead in placed if lead.placed_at == level]
        words.append(f"job roles {listed(titles, 'and')} (the sources place them at Level "
                     f"{level})")
    return "; ".join(words)
