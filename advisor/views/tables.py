"""Tables for people: pandas DataFrames built from catalogue facts and engine results (Explore's
own, a search's results, a profile and a comparison, are in :mod:`advisor.views.explore_tables`).

The app's pages and downloads show only what these functions return, so every table is built
(and tested) here, away from Streamlit. A value the sources do not give is missing (``<NA>`` in
number columns, ``"not stated"`` in text columns), never guessed. Functions are pure: they read
the catalogue and results and never change them.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pandas as pd

from advisor.catalogue import (
    Catalogue,
    Qualification,
)
from advisor.engine.carryover import CarryOver
from advisor.engine.combination_types import CombinationCheck, RuleKind
from advisor.engine.eligibility import Eligibility, ReasonCode, Status
from advisor.engine.fits import route_fits_aim
from advisor.engine.frameworks import FrameworkStatus
from advisor.engine.recommend_types import Aim, Employment, Option, Recommendation
from advisor.engine.registered import from_register
from advisor.engine.routes import Route
from advisor.engine.wording import THE_LEARNER, Voice, count, listed, sentence_start, uk_date
from advisor.register import Register
from advisor.views.framework_words import component_held, component_kind
from advisor.views.labels import (
    KIND_WORDS,
    NOT_STATED,
    REGISTER_ORIGIN,
    START_ONLY,
    cite,
    entry_status_in_brief,
    fits_aim_words,
    group_name,
    qualification_label,
    route_credits,
    route_fits_words,
    route_status,
    status_sentence,
)

# ---------------------------------------------------------------------------------------------
# Checking a learner's units
# ---------------------------------------------------------------------------------------------


def rules_table(catalogue: Catalogue, check: CombinationCheck) -> pd.DataFrame:
    """One row per rule of combination: met or not, the message, and its source."""
    return pd.DataFrame(
        {
            "Met": ["✓ yes" if r.met else "✗ no" for r in check.rules],
            "Rule": [r.message for r in check.rules],
            "Source": [cite(catalogue, r.source) for r in check.rules],
        },
        columns=["Met", "Rule", "Source"],
    )


def plan_table(catalogue: Catalogue, check: CombinationCheck) -> pd.DataFrame:
    """The units of the smallest completion plan, in rules order."""
    rules, _ = catalogue.effective_rules(check.qualification)
    numbers = rules.unit_numbers if rules else {}
    names = {g.id: group_name(g) for g in rules.groups} if rules else {}
    planned = check.plan.units if check.plan else ()
    rows = []
    for item in planned:
        unit = catalogue.units.get(item.urn)
        rows.append({
            "Number": numbers.get(item.urn, ""),
            "URN": item.urn,
            "Title": unit.title if unit else NOT_STATED,
            "Group": names.get(item.group, item.group),
            "Credits": item.credits,
            "GLH": item.glh,
            "Level": unit.level if unit else None,
        })
    # What each unit is comes before its figures, so that a narrow grid shows it; the URN
    # (for the centre's paperwork) after them.
    return _frame(rows, ["Number", "Title", "Credits", "Level", "GLH", "URN", "Group"],
                  whole_numbers={"Credits", "GLH", "Level"})


def for_download(table: pd.DataFrame, qualification: Qualification) -> pd.DataFrame:
    """``table`` with the qualification it is about as its first column, on every row: a plan
    or a list of units downloaded and opened later says which qualification it belongs to
    (on screen the page around the table says it)."""
    return pd.concat([pd.DataFrame({"Qualification": [qualification_label(qualification)]
                                    * len(table)}, index=table.index), table], axis=1)


def _frame(rows: list[dict[str, Any]], columns: list[str], *,
           whole_numbers: set[str]) -> pd.DataFrame:
    """``rows`` as a table of ``columns``, those in ``whole_numbers`` as whole numbers that may
    be missing (``Int64``). Built column by column: a page builds these on every tick, and
    converting a finished frame took four times as long."""
    if not rows:
        return pd.DataFrame(columns=columns).astype({c: "Int64" for c in whole_numbers})
    return pd.DataFrame({
        column: pd.array([row[column] for row in rows], dtype="Int64")
        if column in whole_numbers else [row[column] for row in rows]
        for column in columns
    })


def progress_table(catalogue: Catalogue, check: CombinationCheck) -> pd.DataFrame:
    """Credits counted against credits required: each group, each credit rule, and the total.

    ``Required`` is missing for a group that sets no credit minimum (it may still feed a credit
    rule). Each held unit counts in the group the check says it counts in; credits above a
    group's maximum are not counted.
    """
    columns = ["Part", "Counted", "Required"]
    rules, _ = catalogue.effective_rules(check.qualification)
    if not check.known or rules is None:
        return pd.DataFrame([], columns=columns).astype({"Counted": "Int64", "Required": "Int64"})
    home = check.counted_in
    rows: list[dict[str, Any]] = []
    for group in rules.groups:
        raw = sum(catalogue.units[u].credits or 0 for u, g in home.items()
                  if g == group.id and u in catalogue.units)
        counted = min(raw, group.max_credits) if group.max_credits is not None else raw
        required = group.min_credits
        if required is None and group.mandatory:
            required = sum(catalogue.units[m.urn].credits or 0 for m in group.units
                           if m.urn in catalogue.units)
        rows.append({"Part": group_name(group), "Counted": counted, "Required": required})
    descriptions = {r.id: r.description for r in rules.credit_rules}
    for result in check.rules:
        if result.kind is RuleKind.CREDITS:
            rows.append({"Part": descriptions.get(result.id, result.id),
                         "Counted": result.counted, "Required": result.required})
    rows.append({"Part": "Total", "Counted": check.credits_counted,
                 "Required": check.credits_required})
    return _frame(rows, columns, whole_numbers={"Counted", "Required"})




# ---------------------------------------------------------------------------------------------
# Starting level and routes
# ---------------------------------------------------------------------------------------------



def can_start(eligibility: Eligibility) -> str:
    """Whether this learner can start, in a word or a few."""
    if eligibility.eligible is not None:
        return "yes" if eligibility.eligible else "no"
    if eligibility.depends_on:
        return f"depends on {' and '.join(eligibility.depends_on)} (not given)"
    return "cannot be confirmed"


CREDITS_NOT_KNOWN = "not known"
"""What a gap in the routes' and options' credit columns says: the sources give the totals, but
what is still needed cannot be worked out (a unit held may count, or no plan can be made)."""


def options_table(catalogue: Catalogue, result: Recommendation) -> pd.DataFrame:
    """The qualifications at the suggested level: status on the date in a few words (what
    replaced one that is not open; each option's reasons in full are the page's and the
    printout's), fit, units counted; and, when some come from the register, where each comes
    from."""
    rows = []
    for option in result.options:
        q = option.qualification
        check = option.check
        known = check is not None and check.known
        rows.append({
            "Qualification": q.title,
            "Code": q.reference,
            "Awarding body": q.awarding_body,
            "Kind": KIND_WORDS[q.kind].split(":")[0],
            "New learners": entry_status_in_brief(option.eligibility, catalogue),
            "Can start": can_start(option.eligibility),
            "Fits the aim": fits_aim_words(
                option, working=result.profile.employment is not Employment.NOT_WORKING),
            "Credits already counted": check.credits_counted if check and known else None,
            "Credits still needed": credits_still_needed_words(option),
            "From": REGISTER_ORIGIN if from_register(q) else "the documents",
        })
    # What it is and the columns that decide come first, so they show without scrolling on a
    # narrow screen; columns that would say the same on every row are left out.
    frame = pd.DataFrame(rows, columns=[
        "Code", "Qualification", "New learners", "Can start", "Fits the aim",
        "Credits still needed", "Credits already counted", "From", "Kind", "Awarding body"])
    if not any(from_register(option.qualification) for option in result.options):
        frame = frame.drop(columns="From")  # all from the documents, as without a register
    if result.profile.aim is None:
        frame = frame.drop(columns="Fits the aim")
    if not (result.profile.held_units or result.profile.held_qualifications):
        frame = frame.drop(columns="Credits already counted")  # nothing held: 0 everywhere
    if "Credits already counted" in frame.columns:
        frame = frame.astype({"Credits already counted": "Int64"})
    return _figures_or_words(frame, "Credits still needed")


CERTIFICATES_ENDED = "cannot be completed now: its certificates have ended"
"""What the options' credit column says for a qualification whose certificates have ended: the
credits it lacks could no longer lead to it."""


def credits_still_needed_words(option: Option) -> int | str | None:
    """An option's credits still needed, for its table: a number where the plan gives one;
    "up to N" where a unit held that the sources' partial list leaves out may count; that it
    cannot be completed where its certificates have ended; None where not known."""
    check = option.check
    if check is None:
        return None
    if (option.eligibility.status.status is Status.CERTIFICATION_CLOSED
            and not check.complete):
        return CERTIFICATES_ENDED
    at_most = check.credits_still_needed_at_most
    return f"up to {at_most}" if at_most is not None else check.credits_still_needed


def structures_followed_note(catalogue: Catalogue, result: Recommendation) -> str | None:
    """Below the options: whose credits are those of a national structure it is only inferred
    to follow, not its own (10379's are S/016/608's); None where there are none."""
    followed: dict[str, list[str]] = {}
    for option in result.options:
        rules, structure = catalogue.effective_rules(option.qualification)
        if structure is not None and rules is not None and option.check is not None:
            followed.setdefault(structure.reference, []).append(option.qualification.reference)
    if not followed:
        return None
    return "Credits for " + "; for ".join(
        f"{listed(references, 'and')} are those of the national structure {structure}, which "
        f"{'it is' if len(references) == 1 else 'each is'} inferred to follow"
        for structure, references in followed.items()) + ": the sources do not give their own."


def carry_over_table(catalogue: Catalogue, result: CarryOver, *,
                     from_step: int | None = None) -> pd.DataFrame:
    """Each unit held, and what becomes of it in the target: transfers, similar, or not (the
    units that do not count for one reason in one row); in three columns (title and credits
    in the unit's), so the reasons read on a phone. Where
    the units come from a route's earlier step (``from_step``, its number), not from what is
    held, the optional units that would count if taken are said to be that step's."""
    rules, structure = catalogue.effective_rules(result.target)
    numbers = rules.unit_numbers if rules else {}
    # Where the target's own units are not in the sources, what lists the unit is the national
    # structure it is inferred to follow: said as that, not as the target's own list.
    lister = (f"the national structure {structure.reference}, which "
              f"{result.target.reference} is inferred to follow," if structure is not None
              else result.target.reference)
    rows = []

    def unit_row(urn: str, outcome: str, why: str) -> dict[str, Any]:
        unit = catalogue.units.get(urn)
        credits = f" ({count(unit.credits, 'credit')})" if unit and unit.credits else ""
        return {"Unit": f"{urn} {unit.title}{credits}" if unit else urn, "Outcome": outcome,
                "Why": why}

    for urn in result.transfers:
        number = numbers.get(urn)
        rows.append(unit_row(urn, "counts (same unit)", f"{lister} lists it"
                             + (f" as unit {number}" if number else "")
                             + ("; confirm with the awarding body" if structure else "")))
    source = result.from_qualification
    of = (f"{source.reference}, in step {from_step}," if from_step is not None and source
          else "the qualification held")
    for urn in result.possible:
        rows.append(unit_row(urn, "would count, if taken",
                             f"an optional unit of {of} that the target lists"))
    for outcome, items in (("similar, if taken: for the centre to judge",
                             result.possible_similar),
                            ("similar: for the centre to judge", result.similar)):
        for item in items:
            target = catalogue.units.get(item.target)
            rows.append(unit_row(item.urn, outcome, f"same title as {item.target}"
                                 + (f" ({count(target.credits, 'credit')})"
                                    if target and target.credits is not None else "")))
    unknown = not result.target_units_known  # the sources list none or only some of them
    # The units that do not count (or may not) for the same reason share a row, the reason
    # read once, as on the printout: eight Level 1 units under one 30-word reason ran to
    # several screens on a phone.
    together: dict[tuple[str, str], list[str]] = {}
    for barred in result.not_transferable:
        outcome = "not known" if unknown and not barred.source else "does not count"
        why = barred.reason + (f" ({cite(catalogue, barred.source)})" if barred.source else "")
        together.setdefault((outcome, why), []).append(unit_row(barred.urn, outcome, why)["Unit"])
    rows += [{"Unit": "; ".join(units), "Outcome": outcome, "Why": why}
             for (outcome, why), units in together.items()]
    return pd.DataFrame(rows, columns=["Unit", "Outcome", "Why"])


# What leaves open whether a learner may take a step, in a few words: of one step, of several.
_NOT_SETTLED_WORDS = {
    ReasonCode.AGE_UNKNOWN: ("the ages it is approved for are not stated",
                             "the ages they are approved for are not stated"),
    ReasonCode.AGE_NOT_GIVEN: ("age not given",) * 2,
    ReasonCode.ROLE_REQUIREMENT: ("whether the role is a senior one not given",) * 2}


def learner_steps_words(route: Route, steps: Sequence[tuple[int, Eligibility]], *,
                        voice: Voice = THE_LEARNER) -> str:
    """Whether a learner can take every step of ``route`` by their age and role (``steps``,
    from :func:`~advisor.engine.fits.steps_for_learner`): the steps they cannot take; else
    those where it is not known, and why; else that what was said of them (their age, their
    role) allows every step ("their age", "your age": ``voice``)."""
    barred = [n for n, eligibility in steps if eligibility.not_for_this_learner]
    if barred:
        return "cannot take " + " or ".join(f"step {n} ({route.steps[n - 1].to.reference})"
                                            for n in barred)
    open_ = [(n, eligibility) for n, eligibility in steps
             if eligibility.not_settled_for_this_learner]
    if open_:
        # How many steps each reason leaves open, a reason counted once a step, in order.
        steps_by_code = Counter(code for _, eligibility in open_ for code in dict.fromkeys(
            r.code for r in eligibility.not_settled_for_this_learner))
        why = dict.fromkeys(_NOT_SETTLED_WORDS[code][steps_by_code[code] > 1]
                            for code in steps_by_code)
        return ("not known for " + " and ".join(f"step {n} ({route.steps[n - 1].to.reference})"
                                                for n, _ in open_)
                + ": " + "; ".join(why))
    codes = {r.code for _, eligibility in steps for r in eligibility.reasons}
    said = [what for what, code in (("age", ReasonCode.AGE_APPROVED),
                                    ("role", ReasonCode.ROLE_MET)) if code in codes]
    if not said:
        return f"nothing said of {voice.learner} bars a step"
    return (f"{voice.their} {' and '.join(said)} allow{'s' if len(said) == 1 else ''} every "
            "step")


def routes_table(catalogue: Catalogue, routes: Sequence[Route], *, aim: Aim | None = None,
                 employment: Employment | None = None, register: Register | None = None,
                 learner: Sequence[Sequence[tuple[int, Eligibility]]] | None = None,
                 voice: Voice = THE_LEARNER) -> pd.DataFrame:
    """One row per route found: its path, how its qualifications stand on the date (what is
    not open, and what replaced it), how far it rests on stated progressions, credits; where
    the learner said what they want (``aim``), whether where it ends fits it (for a learner
    not working, ``employment``, qualified where it is assessed at work); and, given
    for each route its steps with this learner's eligibility for them (``learner``, from
    :func:`~advisor.engine.fits.steps_for_learner`: their age or role was given), which
    they cannot take, or where that is not known (:func:`learner_steps_words`), in a column
    named for ``voice`` ("This learner", "You")."""
    rows = []
    whose = sentence_start(voice.this)
    on_date = f"On {uk_date(routes[0].as_at)}" if routes else "On the date"
    for number, route in enumerate(routes, start=1):
        rows.append({
            "Route": number,
            "Path": " → ".join(q.reference for q in route.path),
            on_date: route_status(catalogue, route),
            "Credits still needed": route_credits(route),
            "Fits the aim": route_fits_words(route_fits_aim(
                catalogue, route, aim, employment=employment, register=register), route.path[-1]),
            whose: (learner_steps_words(route, learner[number - 1], voice=voice)
                    if learner is not None else ""),
            "Steps": len(route.steps),
            "Documented": f"not needed: {START_ONLY}" if route.starting_point_only
            else "yes" if route.documented else "no: includes steps not stated"
            + ("; leads to a qualification from the Ofqual register (rules of combination "
               "not known)" if any(from_register(q) for q in route.path) else ""),
        })
    frame = pd.DataFrame(rows, columns=["Route", "Path", on_date, whose, "Fits the aim",
                                        "Credits still needed", "Documented", "Steps"])
    if aim is None:
        frame = frame.drop(columns="Fits the aim")
    if learner is None:
        frame = frame.drop(columns=whose)
    return _figures_or_words(frame, "Credits still needed")


def _figures_or_words(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """``column`` as whole numbers where every value given is one (never "23.0"), else as
    text, numbers and words ("up to 55") side by side (a column of both is no one type, and
    a table of it could not be sent to the browser as one)."""
    # A column of numbers with a gap is made floats (45.0) as the frame is built: back to
    # whole numbers, and words kept as they are.
    values = [None if v is None or (isinstance(v, float) and math.isnan(v))
              else int(v) if isinstance(v, numbers.Integral)
              or (isinstance(v, float) and v.is_integer()) else v
              for v in frame[column]]
    if all(v is None or isinstance(v, int) for v in values):
        return frame.assign(**{column: pd.array(values, dtype="Int64")})
    return frame.assign(**{column: pd.Series([None if v is None else str(v) for v in values],
                                             index=frame.index, dtype=object)})


def framework_table(catalogue: Catalogue, status: FrameworkStatus, *,
                    as_at: dt.date, voice: Voice = THE_LEARNER) -> pd.DataFrame:
    """One row per component of an apprenticeship framework: held, missing or to check (in a
    column named for ``voice``: "This learner", "You", as the printout's), what it needs, and
    the status on the date of the qualifications that would give it."""
    whose = sentence_start(voice.this)
    rows = []
    for component in status.components:
        on_date = " ".join(f"{catalogue.qualifications[q].reference}: "
                           + status_sentence(catalogue, found, as_at, dated=False)
                           for q, found in component.statuses)
        rows.append({"Component": component_kind(component.component.kind),
                     whose: component_held(component),
                     "What it needs": component.message,
                     "On the date": on_date or NOT_STATED,
                     "Source": cite(catalogue, component.component.source)})
    return pd.DataFrame(rows, columns=["Component", whose, "What it needs", "On the date",
                                       "Source"])
