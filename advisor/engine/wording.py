"""Small pieces of plain English that every answer shares: dates, counts, group names.

The engine writes its messages with these, and the views, exports and the CLI use the same
ones, so a date or a count reads the same on every page, in every file and in the terminal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from advisor.catalogue import Group, Replacement

WHERE_TO_ASK = ("a local college or training provider (a centre), or a careers adviser at the "
                "National Careers Service")
"""Whom a learner can ask about qualifications on offer now: the advisor's own advice."""


def uk_date(date: dt.date) -> str:
    """A date as people in the UK write it in full: ``5 January 2015``."""
    return f"{date.day} {date:%B %Y}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 credit``, ``2 credits``; ``plural`` where adding an s is wrong."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def listed(items: Sequence[str], last: str = "or") -> str:
    """``a``, ``a or b``, ``a, b or c`` (``last``: the word before the last, "and" say)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def number_ranges(numbers: Iterable[int]) -> str:
    """Whole numbers as runs, in order: ``5-120 and 130`` for 5, 6, ..., 120 and 130."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return listed([str(first) if first == last else f"{first}-{last}" for first, last in runs],
                  "and")


def group_name(group: Group) -> str:
    """``Group B, Impression and image``, or the title where it already says "group"."""
    if "group" in group.title.casefold():
        return group.title
    return f"Group {group.id}, {group.title}"


def replaced_it(new_name: str, replacement: Replacement) -> str:
    """``the sources say <new> replaced it <scope>``, or, where that is only read from them,
    ``the sources suggest ... (they do not say so in those words)``."""
    if replacement.inferred:
        return (f"the sources suggest {new_name} replaced it {replacement.scope} (they do not "
                "say so in those words)")
    return f"the sources say {new_name} replaced it {replacement.scope}"


def sentence_start(clause: str) -> str:
    """A clause made the start of a sentence: its first letter a capital, the rest as it is."""
    return clause[:1].upper() + clause[1:]


_THIRD_PERSON = {"be": "is", "have": "has", "do": "does"}


@dataclass(frozen=True)
class Voice:
    """How the words about a learner address their reader: of the learner, for the staff who
    use the app or keep a centre's record ("the learner holds", "their work"), or to the
    learner, on the printout they take home ("you hold", "your work"). One set of words says
    both; see :data:`THE_LEARNER` and :data:`YOU`."""

    learner: str  # the learner named, as subject or object: "the learner", "you"
    this: str  # the learner as against others: "this learner", "you"
    learners: str  # "the learner's", "your"
    they: str  # the learner again, later in a sentence: "they", "you"
    them: str  # the same, as an object: "not open to them", "not open to you"
    their: str  # "their", "your"
    # Read on paper, away from the app: where the app's words would send the reader to one of
    # its pages, these say whom to ask.
    printed: bool = False

    def does(self, verb: str, *, adverb: str = "") -> str:
        """The learner doing ``verb`` (its plain form: "hold", "be"), with an ``adverb`` before
        it where given: "the learner holds", "you hold", "the learner already holds"."""
        words = [adverb] if adverb else []
        if self.learner == "you":
            return " ".join(["you", *words, "are" if verb == "be" else verb])
        return " ".join([self.learner, *words, _THIRD_PERSON.get(verb, verb + "s")])

    def noted(self, verb: str, *, adverb: str = "") -> str:
        """A sentence's start saying what the learner does, as the app's lists of reasons put
        it: of the learner, without the subject ("Already holds", "Works"); to them, with it
        ("You already hold", "You work")."""
        words = [adverb] if adverb else []
        if self.learner == "you":
            return " ".join(["You", *words, verb])
        return sentence_start(" ".join([*words, _THIRD_PERSON.get(verb, verb + "s")]))


THE_LEARNER = Voice(learner="the learner", this="this learner", learners="the learner's",
                    they="they", them="them", their="their")
"""Words of the learner, for the staff who read them on a page or in a centre's record."""

YOU = Voice(learner="you", this="you", learners="your", they="you", them="you", their="your",
            printed=True)
"""Words to the learner, on the printout they take home."""

YOU_ON_SCREEN = dataclasses.replace(YOU, printed=False)
"""Words to the learner on a page that asks them its questions ("How old are you?"): *Find a
starting level* and *Plan a route*."""
