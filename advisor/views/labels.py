"""The words every view uses for the catalogue's things: qualifications, units, groups,
citations (worded in :mod:`advisor.views.citations`), a check's headline (worded in
:mod:`advisor.views.check_words`), kinds, structures and whether a qualification is open.

Tables, charts, pages, the action plan and the CLI name things through these, so a
qualification or a citation reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from advisor.catalogue import (
    AwardingBody,
    Catalogue,
    Citation,
    Group,
    GroupMember,
    Kind,
    Qualification,
    Structure,
)
from advisor.engine.carryover import CarryOver
from advisor.engine.eligibility import Eligibility, ReasonCode, Status
from advisor.engine.fits import AimFit, route_fits_aim
from advisor.engine.frameworks import framework_name as framework_label  # its one home
from advisor.engine.job_wanted import describe_job_lists
from advisor.engine.planner import Objective
from advisor.engine.recommend_types import Aim, Employment, Option, RouteOffer, RouteOfferKind
from advisor.engine.routes import Route, RouteStep, StepKind
from advisor.engine.wording import (
    THE_LEARNER,
    WHERE_TO_ASK,
    YOU_ON_SCREEN,
    Voice,
    count,
    group_name,
    sentence_start,
)
from advisor.register import ENTRY, Register, RegisterEntry
from advisor.views.check_words import (
    check_headline,
    completion_words,
    credits_counted,
    other_units_words,
    rules_from_words,
    still_needed,
    typed_unit_words,
    units_ticked_words,
    unless_above_counts,
)
from advisor.views.citations import (  # their one home
    citation,
    cite,
    cite_by_document,
    sources_numbered,
)
from advisor.views.glossary import (  # their one home; here with the other words
    GLOSSARY,
    explained,
    glossary_terms,
)
from advisor.views.status_words import (
    STATUS_WORDS,
    entry_status,
    entry_status_in_brief,
    entry_status_line,
    entry_status_said,
    no_further_units_words,
    plan_beyond_certification,
    replaced_in_brief,
    replacement_names,
    status_in_a_clause,
    status_in_brief,
    status_of,
    status_sentence,
    what_replaced_it,
    what_replaced_it_words,
)

__all__ = [
    "AIM_ANSWERS",
    "AIM_IN_BRIEF",
    "BAR_BESIDE_ACCEPTED",
    "BEYOND_COMPLETING",
    "EMPLOYMENT_ANSWERS",
    "GLOSSARY",
    "JOB_WANTED_SETS_NO_LEVEL",
    "KIND_WORDS",
    "NOTHING_BEYOND_IN_PROGRESS",
    "NOT_STATED",
    "OBJECTIVE_WORDS",
    "OPTION_CAUTIONS",
    "REGISTER_ORIGIN",
    "START_ONLY",
    "STATUS_WORDS",
    "STEP_WORDS",
    "STRUCTURE_WORDS",
    "awarding_bodies_of",
    "awarding_body_contact",
    "carried_credits",
    "check_headline",
    "citation",
    "cite",
    "cite_by_document",
    "codes_legend",
    "completion_words",
    "credits_counted",
    "entry_status",
    "entry_status_in_brief",
    "entry_status_line",
    "entry_status_said",
    "explained",
    "fits_aim_words",
    "framework_label",
    "glossary_terms",
    "group_name",
    "group_requirement",
    "in_level_order",
    "in_your_words",
    "job_examples_help",
    "level_words",
    "no_further_units_words",
    "none_can_start_words",
    "option_credit_sentences",
    "other_qualification_words",
    "other_units_words",
    "plan_beyond_certification",
    "qualification_label",
    "register_hours",
    "register_level",
    "replaced_in_brief",
    "replacement_names",
    "route_aim_words",
    "route_basis",
    "route_credits",
    "route_fits_words",
    "route_name",
    "route_offer_label",
    "route_status",
    "rules_from_words",
    "sources_numbered",
    "status_in_a_clause",
    "status_in_brief",
    "status_of",
    "status_sentence",
    "step_explained",
    "steps_barred_words",
    "still_needed",
    "typed_unit_words",
    "unit_label",
    "units_ticked_words",
    "unless_above_counts",
    "what_replaced_it",
    "what_replaced_it_words",
    "yes_no",
]

# Said beside the job a learner not working would like, on the page and on the printout: a
# starting level one below that job's is not a mistake.
JOB_WANTED_SETS_NO_LEVEL = ("The job you would like does not change the suggested starting "
                            "level: that rests on your age, whether you work and what you "
                            "hold.")

NOT_STATED = "not stated"


def yes_no(value: bool | None, unknown: str | None) -> str | None:
    """A yes/no answer in words; ``unknown`` where it is not known (each table says it its
    own way: "unknown", "not known", or nothing, left for the table to fill)."""
    return unknown if value is None else "yes" if value else "no"


def carried_credits(carry: CarryOver) -> str:
    """The credits of the units that carry over, and how many of them count where a group's
    maximum stops some: "9 credits, of which 3 count (a group's maximum stops the rest)"."""
    words = count(carry.credits_transferred, "credit")
    counting = carry.credits_counting
    if counting is not None and counting < carry.credits_transferred:
        words += f", of which {counting} count (a group's maximum stops the rest)"
    return words


def fits_aim_words(option: Option, *, working: bool = True) -> str:
    """Whether an option fits the learner's aim, in words: "yes, but closed" where it fits but
    has closed on the date, so that a "yes" beside it is not read as advice to enrol; for a
    learner not ``working``, "yes, but assessed at work" where it is (a combined one in
    part), so that it does not read as one they can complete without a job."""
    if option.fits_aim and option.eligibility.status.status.closed:
        return "yes, but closed"
    if option.fits_aim and not working:
        if option.qualification.kind is Kind.COMBINED:
            return "yes, but part of it is assessed at work"
        if option.qualification.kind is Kind.COMPETENCE:
            return "yes, but it is assessed at work"
    return yes_no(option.fits_aim, "not known") or "not known"


def option_credit_sentences(option: Option, *, holds: str = "you hold") -> list[str]:
    """What the units held come to in an option, in sentences for a person (``holds``: "you
    hold" where the page speaks to the learner, "held" where the CLI speaks of them): at most
    how many credits are
    still needed where a unit held that the sources' partial list leaves out may count, and
    how many count, with why they cannot complete it where its certificates have ended."""
    check = option.check
    if check is None:
        return []
    sentences = []
    at_most = check.credits_still_needed_at_most
    if check.rules_known_later is not None:  # the units it borrows are dated after the date
        sentences.append(f"Credits still needed: not known: {check.rules_known_later.words}.")
    elif at_most is not None and check.rules_from is not None:
        # Not the qualification's own units, which the sources do not list: a structure's
        sentences.append(f"Credits still needed: up to {at_most}{rules_from_words(check)}. A "
                         f"unit {holds} may count too and leave less to do: ask the centre.")
    elif at_most is not None:
        listed = "list only some of its units" if check.known else "do not list its units"
        sentences.append(f"Credits still needed: up to {at_most}. The sources {listed}, so "
                         f"one {holds} may count too and leave less to do: ask the centre.")
    if check.counted_units:
        ended = option.eligibility.status.status is Status.CERTIFICATION_CLOSED
        sentences.append(f"Units {holds} count for {check.credits_counted} of its "
                         f"{check.credits_required} credits"
                         + (", but its certificates have ended, so they cannot complete it now."
                            if ended else "."))
    return sentences


def awarding_body_contact(body: AwardingBody) -> str:
    """How to reach an awarding body, as its documents give it, with the caution that the
    details may have changed since: "OCR (Oxford Cambridge and RSA Examinations): website
    www.ocr.org.uk, telephone ..., email .... Its documents give these ...". """
    named = f"{body.name} ({body.full_name})" if body.full_name else body.name
    ways = [f"{how} {detail}" for how, detail in (
        ("website", body.website), ("telephone", body.telephone), ("email", body.email))
        if detail]
    return (f"{named}: {', '.join(ways)}. Its documents give these, and they may have changed "
            "since" + (": start from the website." if body.website else "."))


def awarding_bodies_of(catalogue: Catalogue,
                       qualifications: Iterable[Qualification]) -> list[AwardingBody]:
    """The awarding bodies of ``qualifications`` whose contact details the catalogue has, each
    once, in the order first named."""
    names = dict.fromkeys(q.awarding_body for q in qualifications)
    return [catalogue.awarding_bodies[n] for n in names if n in catalogue.awarding_bodies]


AIM_IN_BRIEF = {Aim.KNOWLEDGE: "knowledge", Aim.COMPETENCE: "competence",
                Aim.APPRENTICESHIP: "an apprenticeship"}
"""What the learner wants, in a word or two, to follow "wants"."""


def route_aim_words(catalogue: Catalogue, route: Route, aim: Aim | None, *,
                    employment: Employment | None = None, register: Register | None = None,
                    voice: Voice = THE_LEARNER) -> tuple[str, tuple[Citation, ...]] | None:
    """Whether the qualification a route ends in fits what the learner wants, and why, in a
    sentence or two, with the sources of why where it has any (``voice``:
    :data:`~advisor.engine.wording.YOU`, for a printout that speaks to the learner); for a
    learner not working (``employment``), where it is assessed at work, said (see
    :func:`~advisor.engine.fits.route_fits_aim`). None where no aim was given."""
    if aim is None:
        return None
    fit = route_fits_aim(catalogue, route, aim, employment=employment, register=register,
                         voice=voice)
    end, wants = route.path[-1].name, f"what {voice.does('want')} ({AIM_IN_BRIEF[aim]})"
    said = (f"It ends in {end}, which fits {wants}, but only with a job or a work placement."
            if fit.fits and fit.needs_work else
            f"It ends in {end}, which fits {wants}." if fit.fits else
            f"It ends in {end}, which does not fit {wants}." if fit.fits is False else
            f"Whether {end}, where it ends, fits {wants} is not known.")
    return f"{said} {fit.why}".strip(), fit.source


def route_fits_words(fit: AimFit, end: Qualification) -> str:
    """A routes table's "Fits the aim" cell: yes, no or not known, and for a learner not
    working, where ``end`` (where the route ends) is assessed at work, how far that qualifies
    it, as :func:`fits_aim_words` says of an option."""
    if fit.needs_work and fit.fits:
        return ("yes, but part of it is assessed at work" if end.kind is Kind.COMBINED
                else "yes, but it is assessed at work")
    return yes_no(fit.fits, "not known") or "not known"


EMPLOYMENT_ANSWERS: dict[Employment, str] = {
    Employment.WORKING: "Yes, in a job where I deal with customers",
    Employment.NOT_WORKING: "No, not at the moment (at school or college, looking for work, "
                            "or returning to work)",
}
"""*Find a starting level*'s choices for "Are you working?", in the learner's words."""

AIM_ANSWERS: dict[Aim, str] = {
    Aim.KNOWLEDGE: "Knowledge: learn what good customer service is (a 'Principles of' "
                   "qualification, assessed by assignments)",
    Aim.COMPETENCE: "Competence: prove I do it well at work (an NVQ, assessed at work)",
    Aim.APPRENTICESHIP: "An apprenticeship: a qualification that counts towards one",
}
"""*Find a starting level*'s choices for what the learner wants, in their words."""

NOTHING_BEYOND_IN_PROGRESS = "Nothing more is needed beyond the units in progress."
"""Said of a check whose units in progress, once achieved, complete it."""

BAR_BESIDE_ACCEPTED = "Accepting is the centre's decision, but note"
"""Said before a documented bar on the kind of evidence beside a unit the centre accepts."""

BEYOND_COMPLETING = ("Certificates for it are no longer issued, so no further units can "
                     "complete it.")
"""Said of a check that falls short after a qualification's certificates ended, in place of
units to take."""

OBJECTIVE_WORDS: dict[str, str] = {
    Objective.CREDITS.value: "Fewest credits",
    Objective.GLH.value: "Fewest guided learning hours (GLH)",
}
"""What a plan of the remaining units keeps smallest, in words, by :class:`Objective` value."""

REGISTER_ORIGIN = "From the Ofqual register: rules of combination not known"
"""How a qualification known only from the regulator's register is labelled wherever it is
offered beside the documents' own (an option at a level, a route's step)."""

KIND_WORDS: dict[Kind, str] = {
    Kind.KNOWLEDGE: "Knowledge (a 'Principles of' qualification): what a person knows and "
                    "understands about customer service",
    Kind.COMPETENCE: "Competence (an NVQ): what a person does at work, assessed in the workplace",
    Kind.COMBINED: "Knowledge and competence together, in one qualification",
    Kind.UNKNOWN: NOT_STATED,
}

STRUCTURE_WORDS: dict[Structure, str] = {
    Structure.COMPLETE: "complete: every unit and rule is known",
    Structure.PARTIAL: "partial: some units or rules are known",
    Structure.UNKNOWN: "unknown: the sources name it but do not give its units",
}

# The OCR Level 3 NVQ handbook's description of its learners (03456, "Qualification aims"),
# put to a learner as "I ..." statements. The handbook's own words stay the fact the engine
# reads and cites; these only ask the question. A description not listed here is shown as the
# handbook words it.
_LEVEL_3_IN_YOUR_WORDS = {
    "aimed at candidates who will be delivering and managing service and will be accountable "
    "in the area of practice":
        "I deliver and manage customer service, and I answer for how it goes in my area",
    "candidates will be working without direct supervision or on their own, such as in a "
    "commercial customer service environment":
        "I work without someone directly supervising me, or on my own",
    "can influence what happens at work": "I can influence what happens at work",
    "use the organisation's rules and systems flexibly to deliver good service":
        "I use my organisation's rules and systems flexibly to give good service",
    "question the way things are done and suggest improvements":
        "I question the way things are done and suggest improvements",
    "have good communication skills and a wide knowledge of what to do, who to see and where "
    "to go to get things done for the customer":
        "I communicate well, and I know what to do, who to see and where to go to get things "
        "done for a customer",
    "are aware of the commercial or other pressures facing the organisation/business":
        "I am aware of the commercial or other pressures my organisation faces",
}


def in_your_words(description: str) -> str:
    """One of the handbook's descriptions of a Level 3 learner, as the learner would say it."""
    return _LEVEL_3_IN_YOUR_WORDS.get(description, description)


def in_level_order(qualifications: Iterable[Qualification]) -> list[Qualification]:
    """Qualifications as lists and drop-downs show them: by level (not stated last), then by
    reference."""
    return sorted(qualifications, key=lambda q: (q.level or 99, q.reference))


def level_words(level: int | None) -> str:
    """``Level 2``, or ``level not stated`` where the sources give none."""
    return f"Level {level}" if level is not None else "level not stated"


def other_qualification_words(level: int) -> str:
    """A qualification held that these documents do not describe, as a choice and an answer."""
    return f"Another customer service qualification at Level {level} (not listed here)"


def codes_legend(qualifications: Iterable[Qualification]) -> str:
    """What the short references in a table stand for, each once in the order met: ``09628:
    OCR Level 2 Certificate in Principles of Customer Service; 10379: ...``."""
    named = {q.reference: q.title for q in qualifications}
    return "; ".join(f"{reference}: {title}" for reference, title in named.items()
                     if reference != title)


def qualification_label(q: Qualification) -> str:
    """``09628 - OCR Level 2 Certificate in Principles of Customer Service (Level 2)``; a
    title that names the reference in its closing brackets does not repeat it:
    ``S/016/608 - Level 2 Diploma in Customer Service (national structure, Level 2)``."""
    head, _, last = q.title.rpartition("(")
    named = last.rstrip(")").strip()
    if head and named.endswith(q.reference):  # "(national structure S/016/608)"
        what = named.removesuffix(q.reference).strip()
        return f"{q.reference} - {head.strip()} ({what + ', ' if what else ''}" \
               f"{level_words(q.level)})"
    return f"{q.reference} - {q.title} ({level_words(q.level)})"


def register_hours(entry: RegisterEntry) -> str | None:
    """A register entry's guided learning hours in words: ``120``, ``100 to 120``, ``at least
    100``, ``up to 120``; None where the register gives none."""
    low, high = entry.min_glh, entry.max_glh
    if entry.glh is not None:
        return str(entry.glh)
    if low is not None and high is not None:
        return str(low) if low == high else f"{low} to {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"up to {high}"
    return None


def register_level(entry: RegisterEntry) -> str:
    """A register entry's level in words: ``Level 2``, ``Entry Level (Entry 3)``."""
    if entry.level == ENTRY:
        return f"Entry Level ({entry.sub_level})" if entry.sub_level else "Entry Level"
    if entry.level is not None:
        return f"Level {entry.level}"
    return entry.level_label or "level not given"


def unit_label(catalogue: Catalogue, member: GroupMember) -> str:
    """``3 D/502/9654 Deliver customer service, 5 credits, Level 2`` for a checkbox."""
    unit = catalogue.units.get(member.urn)
    parts = [member.number, member.urn] if member.number else [member.urn]
    if unit is None:
        return " ".join(parts) + " (not in the unit banks)"
    credits = count(unit.credits, "credit") if unit.credits is not None else "credits not stated"
    return f"{' '.join(parts)} {unit.title}, {credits}, {level_words(unit.level)}"


def group_requirement(group: Group) -> str:
    """What a group asks for, in words: ``all units (12 credits)``, ``at least 1 unit``."""
    parts: list[str] = []
    if group.mandatory:
        parts.append("every unit is mandatory")
    if group.min_units:
        parts.append(f"at least {group.min_units} unit{'s' if group.min_units != 1 else ''}")
    if group.min_credits is not None:
        parts.append(f"{'' if group.mandatory else 'at least '}{group.min_credits} credits")
    if group.max_credits is not None:
        parts.append(f"at most {group.max_credits} credits count")
    if not parts:
        parts.append("optional units")
    text = "; ".join(parts)
    if not group.units_complete:
        text += "; the sources list only some of its units"
    return text


STEP_WORDS: dict[StepKind, str] = {
    StepKind.STATED: "a progression the documents state",
    StepKind.INFERRED: "a likely next step that no document states outright",
    StepKind.SHARED_UNITS: "not a documented progression: the two qualifications share units, "
                           "so credit carries across",
    StepKind.REPLACEMENT: "not a documented progression: what replaced a qualification that "
                          "has closed, as the sources say or suggest",
    StepKind.DIRECT: "not a documented progression: enrolling straight at the level aimed for",
    StepKind.START: "where to start",
}
"""Why a route takes a step, in words (lower case: start a sentence with ``.capitalize()``)."""


def step_explained(step: RouteStep) -> str:
    """Why a route takes a step, in one sentence: the kind of step and what the sources say,
    without "not a documented progression" twice where the statement already says it."""
    if step.statement.casefold().startswith(("not a documented progression", "start here")):
        return step.statement  # "Where to start: Start here: ..." would say it twice
    return f"{sentence_start(STEP_WORDS[step.kind])}: {step.statement}"


def route_name(number: int, route: Route) -> str:
    """``Route 2: 09628 → 09629 (closed)``: a route found, named by its path, marked where it
    goes through a qualification closed on its date."""
    return (f"Route {number}: " + " → ".join(q.reference for q in route.path)
            + (" (closed)" if route.status.closed else ""))


OPTION_CAUTIONS = frozenset({
    ReasonCode.AGE_CAUTION, ReasonCode.REVIEW_NOT_AN_END, ReasonCode.REVIEW_DATE_PASSED,
    ReasonCode.REGISTER_DATES_DIFFER, ReasonCode.ROLE_REQUIREMENT, ReasonCode.ENTRY_REQUIREMENTS})
"""The reasons an option not closed on the date carries as cautions, in the CLI's text and
the printout: what to know or check before starting it."""


START_ONLY = "a starting point, no progression"
"""What a route of one starting step rests on: nothing to state (see :func:`route_basis`)."""


def route_basis(route: Route) -> str:
    """What a route rests on, in a few words: every step a progression the documents state;
    a starting point only (no progression to state); or not."""
    if route.starting_point_only:
        return START_ONLY
    return "documented" if route.documented else "includes steps the documents do not state"


def steps_barred_words(route: Route, barred: Sequence[tuple[int, Eligibility]], *,
                       voice: Voice = THE_LEARNER) -> list[str]:
    """For each step of ``route`` the learner cannot take (:func:`steps_barred`), that and
    why, as ``voice`` says it: "This learner cannot take step 1 (10381). Not met: ...", "You
    cannot take step 1 ..."."""
    return [f"{sentence_start(voice.this)} cannot take step {n} "
            f"({route.steps[n - 1].to.reference}). "
            + " ".join(r.message for r in eligibility.not_for_this_learner)
            for n, eligibility in barred]


def job_examples_help(catalogue: Catalogue) -> str:
    """Where a job question's examples come from: the documents' lists, and their sources;
    several as a list (Markdown: a question's help), one to a line, not one long sentence."""
    lists = [f"{what} ({cite(catalogue, sources)})"
             for what, sources in describe_job_lists(catalogue)]
    if not lists:
        return "These documents list no jobs: type the job's title."
    if len(lists) == 1:
        return f"The examples come from the documents' list of {lists[0]}."
    return "The examples come from the documents' lists of:\n\n" + "\n".join(
        f"- {words}" for words in lists)


def route_offer_label(offer: RouteOffer, voice: Voice = YOU_ON_SCREEN) -> str:
    """The link to *Plan a route* for a route *Find a starting level* offers: "Plan a route from
    what you hold to Level 3, the step up if your work is ready for it" (``voice``: to the
    learner, as the page speaks; or of them, as the command line does)."""
    start = (f"Plan a route from what {voice.does('hold')}" if offer.from_held
             else "Plan a route")
    kind, q = offer.kind, offer.to_qualification
    if kind is RouteOfferKind.COMPETENCE_AT_LEVEL and q is not None:
        # What it is, for what was asked: one that combines both parts is no competence
        # course on top of a knowledge one held (its knowledge part comes again).
        part = f"part of a Level {q.level} apprenticeship: " if offer.in_apprenticeship else ""
        if q.kind is Kind.COMBINED:
            return (f"{start} to {q.name}, {part}knowledge and competence at work in one "
                    + ("qualification" if part else f"Level {q.level} qualification"))
        return (f"{start} to {q.name}, {part}to prove {voice.their} competence at work"
                + ("" if part else f" at Level {q.level}"))
    if kind is RouteOfferKind.TO_JOB_WANTED:
        return f"{start} to Level {offer.to_level}, the level the documents list {offer.job} at"
    if kind is RouteOfferKind.ON_AFTER:
        return (f"Plan a route on to Level {offer.to_level}, after Level {offer.start_level}"
                + (", which asks for a senior role" if offer.asks_senior_role else ""))
    return (start + (f" to Level {offer.to_level}" if offer.to_level is not None else "")
            + {RouteOfferKind.STEP_UP: f", the step up if {voice.their} work is ready for it",
               RouteOfferKind.TO_APPRENTICESHIPS:
                   ", where the apprenticeships in these documents start"}.get(kind, ""))


def none_can_start_words(barred: Sequence[Sequence[int]], *, why: str,
                         voice: Voice = THE_LEARNER) -> str | None:
    """Where every route found begins with a step the learner cannot take (``barred``: for
    each route, the numbers of such steps), that none can be started, where it says ``why``,
    and whom to ask, as ``voice`` says it ("by this learner", "by you"); else None."""
    if not barred or not all(1 in steps for steps in barred):
        return None
    return (f"None of the routes found can be started by {voice.this}: each begins with a "
            f"qualification not open to {voice.them} ({why}). Ask {WHERE_TO_ASK} what "
            f"{voice.they} could take instead.")


def route_credits(route: Route) -> int | str | None:
    """The credits a route still needs, for a table: a number; "up to N" where a unit held may
    count too; that it cannot be completed now where a step's certificates have ended (the
    credits it lacks could no longer lead to it); None where not known."""
    ended = [step.to.reference for step in route.steps
             if step.status.status is Status.CERTIFICATION_CLOSED
             and not step.carry_over.remaining.complete]
    if ended:
        return (f"cannot be completed now: certificates for {' and '.join(ended)} have "
                "ended")
    at_most = route.credits_still_needed_at_most
    return f"up to {at_most}" if at_most is not None else route.credits_still_needed


def route_status(catalogue: Catalogue, route: Route) -> str:
    """How the qualifications a route enrols on stand on its date, in a few words: "open", or
    each one that is not open, with what replaced it (``09629: closed to new learners
    (replaced by 10380)``); one status said once where it is every step's ("not known if
    open", "both not known if open"), so that the column stays narrow."""
    found = []
    for step in route.steps:
        status = step.status
        if status.status is Status.OPEN:
            continue
        found.append((step.to.reference, status_in_brief(status.status)
                      + replaced_in_brief(catalogue, status)))
    said = {words for _, words in found}
    if len(found) == len(route.steps) and len(said) == 1:
        words = said.pop()
        return words if len(found) == 1 else f"{'both' if len(found) == 2 else 'all'} {words}"
    return "; ".join(f"{reference}: {words}" for reference, words in found) or "open"
