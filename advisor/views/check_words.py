"""A check of units against a qualification's rules, in words: complete or not, and what is
still needed, in one sentence (the page's headline, the JSON's ``headline``) and rule by rule.
:mod:`advisor.views.labels` offers these with the other words the views use.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.catalogue import Catalogue, Category, Qualification
from advisor.catalogue.models import URN_PATTERN
from advisor.engine.combination import describe_unit
from advisor.engine.combination_types import CombinationCheck, RuleKind, RuleResult
from advisor.engine.eligibility import Status, StatusOnDate
from advisor.engine.unit_marks import says_not_achieved
from advisor.engine.unit_references import read_reference, unit_suggestions
from advisor.engine.wording import count, listed

__all__ = [
    "check_headline",
    "completion_words",
    "credits_against",
    "credits_counted",
    "other_units_words",
    "rules_from_words",
    "still_needed",
    "typed_unit_words",
    "units_ticked_words",
    "unless_above_counts",
]


def rules_from_words(check: CombinationCheck) -> str:
    """Where the check used a national structure's rules, because the sources do not list the
    qualification's own units, those words to follow "complete" or "not complete yet": `` by
    the rules of the national structure S/016/608, which the sources suggest it follows (they
    name only 2 of 10379's own units: confirm them with the awarding body)``; else nothing. A
    green "Complete" on its own read as settled."""
    structure = check.rules_from
    if structure is None:
        return ""
    # Every such link is an inference (``based_on``'s basis): no source ties them
    q = check.qualification
    named = len(q.named_units)
    units = (f"they name only {named} of {q.reference}'s own units" if named else
             f"they do not list {q.reference}'s own units")
    return (f" by the rules of the national structure {structure.structure_reference}, which "
            f"the sources suggest it follows ({units}: confirm them with the awarding body)")


def completion_words(check: CombinationCheck, status: StatusOnDate | None) -> str:
    """``complete`` or ``not complete``; where the qualification's certificates have ended on
    the date (``status``), rules met are ``every rule met, but certificates are no longer
    issued``, never "complete", and rules unmet are beyond completing."""
    ended = status is not None and status.status is Status.CERTIFICATION_CLOSED
    if not check.complete:
        return "not complete, and it can no longer be completed" if ended else "not complete"
    if ended:
        return "every rule met, but certificates are no longer issued"
    return "complete" + (" by the national structure's rules" if check.rules_from else "")


def credits_counted(check: CombinationCheck, verb: str = "counted") -> str:
    """The credits that count against those required: ``34 of 42 credits counted``; where
    more count than the total asks, ``51 credits counted, 42 needed``: "51 of 42" read as a
    slip, complete or not."""
    return credits_against(check.credits_counted, check.credits_required, verb)


def credits_against(counted: int, required: int | None, verb: str = "counted") -> str:
    """``34 of 42 credits counted``; ``51 credits counted, 42 needed`` where more count than
    are needed (see :func:`credits_counted`); ``verb`` may be empty."""
    verb = f" {verb}" if verb else ""
    if required is None:
        return f"{count(counted, 'credit')}{verb}"
    if counted > required:
        return f"{counted} credits{verb}, {required} needed"
    return f"{counted} of {required} credits{verb}"


def _certificates_ended(status: StatusOnDate) -> str:
    """Why no certificate can be claimed: the certificates' end alone, or, for a status made
    without it (a caller's own :class:`StatusOnDate`), its whole reason, never nothing."""
    return status.certificates_ended or status.reason


def check_headline(check: CombinationCheck, status: StatusOnDate | None = None) -> str:
    """A check in one sentence, naming what is still needed in words: ``Not complete yet: 34
    of 42 credits counted. Still needed: 30 credits from the optional groups: 22 of 30...``.
    With the qualification's ``status`` on the date, rules met after its certificates ended
    are not called complete, and rules unmet then are said to be beyond completing, with
    nothing to take. Where the sources do not give its rules, why not, in the engine's words
    (the first of its cautions), as the text's first line and the page's warning say it."""
    if not check.known:
        return check.cautions[0]
    counted = credits_counted(check)
    if check.complete and status is not None and status.status is Status.CERTIFICATION_CLOSED:
        return (f"Every rule is met ({counted}), but no certificate can be claimed on this "
                f"date. {_certificates_ended(status)}")
    by = rules_from_words(check)
    if check.complete:
        return f"Complete{by}: {counted}, and every rule is met."
    if status is not None and status.status is Status.CERTIFICATION_CLOSED:
        # No "still needed": no unit taken now could complete it (the rules below say which
        # are unmet, for a learner moving on to what replaced it).
        return (f"Not complete ({counted}), and it can no longer be completed. "
                f"{_certificates_ended(status)}")
    unmet = [r for r in check.unmet if r.kind is not RuleKind.TOTAL] or list(check.unmet)
    needed = ("; ".join(still_needed(r) for r in unmet[:3])
              + (f"; and {count(len(unmet) - 3, 'more rule')}" if len(unmet) > 3 else ""))
    in_progress = (f" {count(len(check.in_progress), 'unit')} in progress, not counted yet."
                   if check.in_progress else "")
    return (f"Not complete yet{by}: {counted}. Still needed: {needed}.{in_progress}"
            + unless_above_counts(check))


def unless_above_counts(check: CombinationCheck) -> str:
    """Where the only rules unmet ask for credits "at Level N" and the units held above that
    level would meet them, were they counted: that the answer turns on the awarding body's
    reading, said in the headline, not only in the rule (a Level 3 learner may take Level 4
    units instead); else nothing."""
    unmet = [r for r in check.unmet if r.kind is not RuleKind.TOTAL]
    total_met = all(r.met for r in check.rules if r.kind is RuleKind.TOTAL)
    if not unmet or not total_met or not all(
            r.above_level is not None and r.required is not None and r.counted is not None
            and r.above_level[1] >= r.required - r.counted for r in unmet):
        return ""
    levels = sorted({r.above_level[0] for r in unmet if r.above_level is not None})
    level = " and ".join(f"Level {n}" for n in levels)
    return (f" But the units held above {level} would meet "
            + ("it" if len(unmet) == 1 else "them") + f" if they count: the document says 'at "
            f"{level}', not 'or above', so ask the awarding body before taking more units.")


_MORE = {RuleKind.MANDATORY: "more mandatory unit", RuleKind.MIN_UNITS: "more unit"}


def other_units_words(catalogue: Catalogue, check: CombinationCheck) -> str:
    """The units held that the qualification's rules do not list, by title: not part of it,
    or, where the sources list only some of its units, units that may count; empty where
    there are none."""
    if not check.other_units:
        return ""
    rules, _ = catalogue.effective_rules(check.qualification)
    units = "; ".join(describe_unit(catalogue, urn, with_credits=False)
                      for urn in check.other_units)
    if check.listed_in_full or rules is None:
        return f"Held units that are not part of it: {units}"
    return (f"Held units not among those the sources list for {check.qualification.reference} "
            f"(they list only some of its units, so these may count): {units}")


def still_needed(rule: RuleResult) -> str:
    """An unmet rule as what is still needed, in a few words: ``Optional Group C: 8 more
    credits``, the total as ``in total: 15 more credits``; the rule's full message (its
    examples, the units accepted or in progress) is in the rules table."""
    if rule.required is None or rule.counted is None:
        return rule.message
    more = count(rule.required - rule.counted, _MORE.get(rule.kind, "more credit"))
    if rule.kind is RuleKind.TOTAL:
        return f"in total: {more}"
    name = rule.message.split(":", 1)[0]
    return f"{name}: {more}"


def typed_unit_words(catalogue: Catalogue, reference: str, qualification: Qualification) -> str:
    """A reference typed for ``qualification`` that names none of its units, with what may
    help: the unit a document numbers so (OCR's unit 3 of 10380), that no unit in these
    documents has a unit reference number typed (``X/999/9999``), and the closest of its units
    to a slip (``F44 (did you mean F4 (J/601/1627)?)``)."""
    named = catalogue.named_unit(qualification, reference)
    if named is not None:  # OCR's "Unit 3" of 10380, whose unit list the sources do not give
        suggested = unit_suggestions(catalogue, reference, qualification)
        probably = (f", which the sources suggest is {suggested[0]} by its title: tick that "
                    "one if so" if named.possible_urn and suggested else "")
        return (f"{reference} (the awarding body's number for its unit {named.title}"
                f"{probably})")
    if says_not_achieved(reference, catalogue):  # "F4 in progress": nothing of it ticked
        return (f"{reference} (says a unit may not be achieved, so nothing of it was ticked: "
                "tick the unit if it is, or record it as in progress below)")
    if reference.strip().isdigit():  # one of its units' numbers, read alone only
        found, _ = read_reference(catalogue, reference.strip(), qualification)
        if found:
            return (f"{reference} (a number beside other words is not read as a unit number: "
                    f"it may be a list's numbering, credits or a level; type Unit {reference} "
                    f"or {found[0]})")
    words = []
    urn = reference.strip().upper()
    if URN_PATTERN.match(urn) and urn not in catalogue.units:
        words.append("no unit in these documents has this reference number")
    elif urn in catalogue.units:  # another qualification's unit: say whose
        # Those whose own rules list it (a national structure's among them), not those
        # inferred to follow that structure (10379): that is not a document's word.
        holders = [_whose(catalogue, q) for q in catalogue.qualifications_listing(urn)
                   if q is not qualification and q.rules is not None]
        rules, _ = catalogue.effective_rules(qualification)
        if holders:  # "not of" only where the sources list every unit of the one asked for
            return (f"{reference} (a unit of {listed(holders, 'and')}"
                    + (f", not of {qualification.reference})" if rules is not None
                       and rules.listed_in_full else ")"))
    own_units = catalogue.listed_units(qualification)
    elsewhere = catalogue.numbered_elsewhere(
        reference, besides=(qualification, catalogue.effective_rules(qualification)[1]))
    if elsewhere and not words:  # another qualification's number for a unit: whose, and which
        rules, _ = catalogue.effective_rules(qualification)
        own = qualification.reference
        return (f"{reference} (" + (f"not a unit number of {own}" if rules is not None
                                    and rules.listed_in_full
                                    else f"not among the unit numbers the sources give {own}")
                + ": it is " + "; ".join(
                    f"{urn} in {_whose(catalogue, q)}"
                    + (f" (a unit of {own} too: type {urn})" if urn in own_units else "")
                    for q, urn in elsewhere[:3]) + ")")
    # The closest of its own units: only they can be ticked (not a look-alike at another level).
    close = [label for label in unit_suggestions(catalogue, reference, qualification)
             if any(urn in label for urn in own_units)]
    if close:
        words.append(f"did you mean {close[0]}?")
    return f"{reference} ({'; '.join(words)})" if words else reference


def _whose(catalogue: Catalogue, q: Qualification) -> str:
    """A qualification whose rules list a unit, as a paste's note names it: by its reference,
    and a national structure as one, with those inferred to follow it (S/016/608 is no name a
    centre knows 10379 by)."""
    if q.category is Category.QUALIFICATION:
        return q.reference
    followers = [f.reference for f in catalogue.qualifications.values()
                 if f.based_on is not None and f.based_on.structure == q.id]
    return (f"the national structure {q.reference}"
            + (f", which {listed(followers, 'and')} "
               + ("is" if len(followers) == 1 else "are") + " inferred to follow"
               if followers else ""))


def units_ticked_words(catalogue: Catalogue, qualification: Qualification,
                       urns: Sequence[str]) -> str:
    """What a box of typed units ticked, group by group, where the ticks are to be found:
    ``Ticked 2 units from the box: F3 and F4 in Group A. ...``. The groups' letters are not
    the unit numbers' (03456's C3 is in Group D), so the group is what finds the tick."""
    rules, _ = catalogue.effective_rules(qualification)
    wanted, placed, seen = set(urns), [], set()
    for group in rules.groups if rules is not None else ():
        members = [m for m in group.units if m.urn in wanted and m.urn not in seen]
        seen |= {m.urn for m in members}
        if members:
            placed.append(f"{listed([m.number or m.urn for m in members], 'and')} in "
                          f"Group {group.id}")
    return (f"Ticked {count(len(seen), 'unit')} from the box: {'; '.join(placed)}. "
            + ("Each group holding one is open below." if len(placed) > 1
               else "Its group is open below."))
