"""Job roles: matching the title a learner gives to the roles the documents list by level.

Matching ignores case, spacing, punctuation and plurals ("call centre operator" matches "Call
Centre Operators"), handles alternatives in a title ("Waiter/Bar Tender") and extra words in
the learner's ("senior call centre operator at a bank"). A shorter title of two words or more
that only one listed title ends with ("team leader": Customer Service Team Leader) is taken as
that one, and says so (``widened``), as is a longer title that names the job of only one
listed title in its last two words ("team leader in a call centre": ``named_job``); one word
alone, a title that several end with, one only inside a title ("sales team", "retail"), or
none, gets the closest titles as suggestions, never a level. A close title shares a telling
word with the one typed, not only a word every kind of job has ("shop assistant" is close to
"Sales Assistant/Personal Shopper", not to "PR Assistant").
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from dataclasses import dataclass

from advisor.catalogue import Catalogue, JobRole


@dataclass(frozen=True)
class RoleMatch:
    text: str  # what the learner typed
    roles: tuple[JobRole, ...]  # the catalogue's roles it matches (empty: no match)
    suggestions: tuple[JobRole, ...] = ()  # close titles, when nothing matched
    widened: bool = False  # a shorter title, taken as the only listed title containing it
    # The job a longer title names ("team leader" in "team leader in a call centre"), when it
    # is taken as the only listed title ending in those words.
    named_job: str | None = None


def _singular(word: str) -> str:
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    """A title's words, lower case and singular."""
    return [_singular(w) for w in re.findall(r"[a-z0-9]+", text.casefold())]


def _role_key(text: str) -> str:
    """A title reduced for comparison: lower case, singular words, no spaces or punctuation."""
    return "".join(_words(text))


def _role_alternatives(title: str) -> list[str]:
    """"Sales Assistant/Personal Shopper" -> both; "(Hotel, ...)" qualifiers dropped, but a
    title of one word is only the kinds its brackets list ("Manager (restaurant, bar)" ->
    "restaurant Manager", "bar Manager"): "Manager" alone, or a "football manager", is not
    the job the document names."""
    without_brackets = re.sub(r"\([^)]*\)", " ", title)
    kinds = re.search(r"\(([^)]*)\)", title)
    if kinds is not None and len(without_brackets.split()) == 1:
        return [f"{kind.strip()} {without_brackets.strip()}" for kind in kinds.group(1).split(",")
                if kind.strip()]
    return [part for part in without_brackets.split("/") if part.strip()]


@functools.lru_cache(maxsize=4)  # per catalogue (compared by identity)
def _role_keys(catalogue: Catalogue) -> tuple[tuple[JobRole, frozenset[str]], ...]:
    """Each job role with the keys it answers to (worked out once per catalogue)."""
    found = []
    for role in catalogue.job_roles.values():
        keys = {_role_key(role.title), *(_role_key(a) for a in _role_alternatives(role.title))}
        keys.discard("")
        found.append((role, frozenset(keys)))
    return tuple(found)


def match_role(catalogue: Catalogue, text: str) -> RoleMatch:
    """The catalogue's job roles that ``text`` names, tolerant of case, spacing and plurals."""
    key = _role_key(text)
    if not key:
        return RoleMatch(text, ())
    matched: list[JobRole] = []
    labels: dict[str, JobRole] = {}
    for role, keys in _role_keys(catalogue):
        if key in keys:
            matched.append(role)
        for alternative in sorted(keys):
            labels.setdefault(alternative, role)
    if not matched:
        matched = _with_extra_words(catalogue, text)
    if matched:
        return RoleMatch(text, tuple(matched))
    # A shorter title of two words or more ("team leader") is taken as the one listed title
    # that ends with it (not "sales team", nor "retail", a word in brackets); one word alone
    # ("worker", "executive") says too little; where several end with it, or it is only
    # somewhere inside one, just suggestions.
    words = len(re.findall(r"[a-z0-9]+", text.casefold()))
    ending = [role for role, _ in _role_keys(catalogue) if words >= 2 and len(key) >= 6 and any(
        _role_key(a).endswith(key) for a in _role_alternatives(role.title))]
    if len(ending) == 1:
        return RoleMatch(text, tuple(ending), widened=True)
    named = _job_named(catalogue, text)
    if named is not None:
        job, role = named
        return RoleMatch(text, (role,), widened=True, named_job=job)
    wider = list(dict.fromkeys([*ending, *(role for alternative, role in labels.items()
                                           if len(key) >= 6 and key in alternative)]))
    suggestions = dict.fromkeys([*wider, *_close_titles(catalogue, text)])
    return RoleMatch(text, (), tuple(suggestions)[:5])


_WHERE_WORDS = frozenset({"in", "at", "for", "with", "on", "to", "of"})


def _job_words(text: str) -> list[str]:
    """The words of a typed title that name the job, as typed (lower case): those before any
    word saying where or for whom ("in a call centre", "to the manager") and before any comma
    or bracket ("call centre operator, Barclays")."""
    head = re.split(r"[,;(]", text.casefold(), maxsplit=1)[0]
    typed = re.findall(r"[a-z0-9]+", head)
    return next((typed[:i] for i, word in enumerate(typed) if word in _WHERE_WORDS), typed)


def _with_extra_words(catalogue: Catalogue, text: str) -> list[JobRole]:
    """The listed titles that the job words of ``text`` end with, whole words, after extra
    words before them: "senior call centre operator at a bank" is a Call Centre Operator,
    "restaurant manager" a Manager, but "assistant to the manager" is not a manager. The
    longest such ending wins; one of fewer than six letters says too little."""
    words = [_singular(w) for w in _job_words(text)]
    for start in range(len(words)):
        ending = "".join(words[start:])
        if len(ending) < 6:
            break
        roles = [role for role, keys in _role_keys(catalogue) if ending in keys]
        if roles:
            return roles
    return []


def _job_named(catalogue: Catalogue, text: str) -> tuple[str, JobRole] | None:
    """The listed title whose last two words (the job: "team leader") are the last two words
    of ``text`` before any word saying where or for whom ("in a call centre", "to the manager"),
    by those words as typed, where only one listed title ends in them: in "team leader in a
    call centre" the job is team leader, and "call centre" only where it is done; "assistant
    to the team leader" names an assistant. Words ending two titles ("sales assistant": Senior
    Sales Assistant too) say too little to choose."""
    head = _job_words(text)
    if len(head) < 2:
        return None
    job = " ".join(_singular(w) for w in head[-2:])
    ends = [role for role in catalogue.job_roles.values()
            if any(" ".join(_words(a)[-2:]) == job for a in _role_alternatives(role.title)
                   if len(_words(a)) >= 2)]
    if len(ends) != 1 or not any(len(_words(a)) >= 3 for a in _role_alternatives(ends[0].title)):
        return None
    return " ".join(head[-2:]), ends[0]


# Words too common in job titles to tell two jobs apart: "shop assistant" is not close to "PR
# Assistant". A title is close when it shares a word that is not one of these.
_COMMON_WORDS = frozenset({
    "a", "administrator", "adviser", "advisor", "agent", "and", "assistant", "at", "clerk",
    "customer", "executive", "head", "in", "junior", "leader", "manager", "member", "of",
    "officer", "operative", "operator", "representative", "senior", "service", "staff",
    "supervisor", "team", "the", "trainee", "worker"})


@functools.lru_cache(maxsize=65536)
def _near(typed: str, listed: str) -> bool:
    """Two words close enough to be the same job word: a shared start of four letters or more
    (shop, shopper; wait, waiter) or a slip of the keyboard (a letter wrong or missing)."""
    shared = len(os.path.commonprefix([typed, listed]))  # noqa: RUF071 (letters, not paths)
    if shared >= 4 and shared >= 0.6 * min(len(typed), len(listed)):
        return True
    slip = difflib.SequenceMatcher(None, typed, listed)
    return slip.real_quick_ratio() >= 0.85 and slip.quick_ratio() >= 0.85 and slip.ratio() >= 0.85


@functools.lru_cache(maxsize=4)  # per catalogue (compared by identity)
def _listed_words(catalogue: Catalogue) -> tuple[tuple[JobRole, frozenset[str]], ...]:
    """Each job role with the words of its title, those in brackets (places) left out."""
    return tuple((role, frozenset(_words(re.sub(r"\([^)]*\)", " ", role.title))))
                 for role in catalogue.job_roles.values())


def _close_titles(catalogue: Catalogue, text: str) -> list[JobRole]:
    """Listed titles that share a telling word with ``text`` (not a word every other title
    has), those sharing most words first; words in a title's brackets (the places it names) do
    not count. Where no title shares a telling word, those sharing two words or more
    ("customer service advisor": Customer Service Agents...), a rank counting as shared where
    both name one ("customer service supervisor": Customer Service Team Leader, then Sales Team
    Supervisor)."""
    typed = [w for w in _words(text) if len(w) >= 3 and not w.isdigit()]
    listed_words = _listed_words(catalogue)
    every_word = frozenset().union(*(listed for _, listed in listed_words))
    near = {w: frozenset(x for x in every_word if _near(w, x)) for w in set(typed)}
    telling_scored = []
    common_scored = []
    for role, listed in listed_words:
        shared = [w for w in typed if near[w] & listed]
        telling = [w for w in shared if w not in _COMMON_WORDS]
        if telling:
            telling_scored.append((-len(telling), -len(shared), role.title, role))
        elif len(shared) + _rank_shared(typed, listed) >= 2:
            # Only words every kind of job has, but one of them a rank ("customer service
            # supervisor"): a title with a rank is closer (Customer Service Team Leader, Sales
            # Team Supervisor) than one without (Customer Service Agents).
            common_scored.append((-len(shared) - _rank_shared(typed, listed),
                                  -bool(_RANKS.intersection(typed) & listed), role.title, role))
    scored = telling_scored or common_scored
    if _RANKS.intersection(typed) and telling_scored:
        # A rank typed ("call centre manager"): titles of some standing first, then those
        # sharing the trade alone (Call Centre Operators), which would take them a level down.
        ranked = {id(role) for role, listed in listed_words if listed & _RANKS}
        scored = sorted([*telling_scored, *common_scored],
                        key=lambda s: (id(s[3]) not in ranked, *s[:3]))
        return list(dict.fromkeys(role for *_, role in scored))[:3]
    return [role for *_, role in sorted(scored, key=lambda s: s[:3])][:3]


_RANKS = frozenset({"supervisor", "leader", "manager", "head"})
"""Words of a job title that say how senior it is: they tell the level, not the trade."""


def _rank_shared(typed: list[str], listed: frozenset[str]) -> int:
    """1 where the typed title and a listed one each name a rank, not necessarily the same."""
    return int(bool(_RANKS.intersection(typed)) and bool(listed & _RANKS))


def matched_as(match: RoleMatch, role: JobRole) -> str:
    """How the title given is taken as ``role``, one of ``match.roles``, in a clause: that it
    matches, or, where it was only the end of a title or named the job in a longer one, which
    listed title it is taken as and why."""
    if match.named_job:
        return (f"\"{match.text}\" is taken as \"{role.title}\", the only job role the "
                f"documents list ending in \"{match.named_job}\"")
    if match.widened:
        return (f"\"{match.text}\" is taken as \"{role.title}\", the only job role the "
                "documents list whose title ends with it")
    return f"\"{match.text}\" matches \"{role.title}\""


def close_titles_words(match: RoleMatch) -> str:
    """The listed titles close to one that matched none, with the level each is listed at
    (or that none is given: "Help Desk Assistant" beside "Helpdesk Assistants (Level 2)" is
    another list's job, not the same one without its level), as a sentence (" Close titles:
    ..."), or nothing where none is close."""
    if not match.suggestions:
        return ""
    return " Close titles: " + ", ".join(
        f"{r.title} ({level_given(r)})" for r in match.suggestions) + "."


def level_given(role: JobRole) -> str:
    """The level the documents list ``role`` at, as a close title or a button gives it:
    "Level 2", or "no level given"."""
    return f"Level {role.level}" if role.level is not None else "no level given"
