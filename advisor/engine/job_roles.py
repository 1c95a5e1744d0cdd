"""Job roles: matching the title a learner gives to the roles the documents list by level.

Matching ignores case, spacing, punctuation and plurals ("call centre operator" matches "Call
Centre Operators"), handles alternatives in a title ("Waiter/Bar Tender") and extra words in
the learner's ("senior call centre operator at a bank"). A shorter title of two words or more
that only one listed title ends with ("team leader": Customer Service Team Leader) is taken as
that one, and says so (``widened``); one word alone, a title that several end with, one only
inside a title ("sales team", "retail"), or none, gets the closest titles as suggestions, never
a level.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from advisor.catalogue import Catalogue, JobRole


@dataclass(frozen=True)
class RoleMatch:
    text: str  # what the learner typed
    roles: tuple[JobRole, ...]  # the catalogue's roles it matches (empty: no match)
    suggestions: tuple[JobRole, ...] = ()  # close titles, when nothing matched
    widened: bool = False  # a shorter title, taken as the only listed title containing it


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


def _role_key(text: str) -> str:
    """A title reduced for comparison: lower case, singular words, no spaces or punctuation."""
    words = re.sub(r"[^a-z0-9]+", " ", text.casefold()).split()
    return "".join(_singular(w) for w in words)


def _role_alternatives(title: str) -> list[str]:
    """"Sales Assistant/Personal Shopper" -> both; "(Hotel, ...)" qualifiers dropped."""
    without_brackets = re.sub(r"\([^)]*\)", " ", title)
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
        # The learner's title may carry extra words: "senior call centre operator at a bank".
        matched = [role for alternative, role in labels.items()
                   if len(alternative) >= 6 and alternative in key]
        matched = list(dict.fromkeys(matched))
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
    wider = list(dict.fromkeys([*ending, *(role for alternative, role in labels.items()
                                           if len(key) >= 6 and key in alternative)]))
    close = difflib.get_close_matches(key, list(labels), n=3, cutoff=0.6)
    suggestions = dict.fromkeys([*wider, *(labels[c] for c in close)])
    return RoleMatch(text, (), tuple(suggestions)[:5])
