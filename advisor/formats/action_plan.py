"""The printable action plan: one self-contained HTML page a learner takes home.

The page holds the learner's answers, the suggested level with its reasons and cautions, the
chosen route with what carries over at each step and what is still needed, next steps, and every
source the answers rest on, dated. It has no scripts, no external fonts or images, and prints
cleanly on A4.

The page is the Jinja2 template ``templates/action_plan.html.j2``, rendered with autoescape on.
This module and :mod:`advisor.formats.printout_advice` (the headline and what to do next) make
every decision (what a status says, which sources are cited and their numbers) and hand the
template plain text and numbers only; the template loops, tests and escapes. Nothing is marked
safe, so a qualification title, a unit title or a learner's note
holding ``<script>`` shows as text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html as html_module
import re
from collections.abc import Callable, Iterable, Sequence

import jinja2

from advisor.catalogue import Catalogue, Citation, Qualification
from advisor.engine.carryover import CarryOver, NotTransferable
from advisor.engine.combination import describe_unit
from advisor.engine.combination_types import CombinationCheck
from advisor.engine.decisions import ProgressCheck
from advisor.engine.eligibility import (
    Reason,
    ReasonCode,
    Status,
    StatusOnDate,
    check_eligibility,
    status_on,
)
from advisor.engine.frameworks import FrameworkStatus, framework_name
from advisor.engine.recommend import assessed_at_work_caution, move_up_caution, recommend
from advisor.engine.recommend_types import Aim, Employment, Finding, Recommendation
from advisor.engine.registered import from_register
from advisor.engine.routes import Route
from advisor.engine.wording import YOU, count, uk_date
from advisor.formats.printout_advice import headline, next_steps, status_and_review
from advisor.formats.printout_parts import (
    ActionPlan,
    CarryOverPart,
    CheckPart,
    Cited,
    ComponentPart,
    FrameworkPart,
    OptionPart,
    PlanPart,
    RecommendationPart,
    RouteFrameworksPart,
    RoutePart,
    SignOffPart,
    SourcePart,
    Sources,
    StepPart,
    UnitsAtEnd,
)
from advisor.register import Register
from advisor.views.framework_words import (
    STANDARD_HEADING,
    component_held,
    component_kind,
    standard_taking_its_place,
)
from advisor.views.labels import (
    BAR_BESIDE_ACCEPTED,
    BEYOND_COMPLETING,
    JOB_WANTED_SETS_NO_LEVEL,
    NOTHING_BEYOND_IN_PROGRESS,
    OPTION_CAUTIONS,
    REGISTER_ORIGIN,
    carried_credits,
    entry_status_in_brief,
    explained,
    fits_aim_words,
    glossary_terms,
    replaced_in_brief,
    route_aim_words,
    route_basis,
    route_status,
    status_in_brief,
    status_sentence,
    step_explained,
)
from advisor.views.route_text import if_taken_lead
from advisor.views.text import may_count_too

# Built once: an Environment is safe to share between threads for rendering.
_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("advisor.formats", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENVIRONMENT.filters["count"] = count  # {{ n | count("credit") }}: "1 credit", "2 credits"
_ENVIRONMENT.globals["BEYOND_COMPLETING"] = BEYOND_COMPLETING
_ENVIRONMENT.globals["BAR_BESIDE_ACCEPTED"] = BAR_BESIDE_ACCEPTED
_ENVIRONMENT.globals["STANDARD_HEADING"] = STANDARD_HEADING
_ENVIRONMENT.globals["NOTHING_BEYOND_IN_PROGRESS"] = NOTHING_BEYOND_IN_PROGRESS
_TEMPLATE = "action_plan.html.j2"


def action_plan_html(catalogue: Catalogue, plan: ActionPlan) -> str:
    """The plan as one HTML document (a string), safe to open and print."""
    sources = Sources(catalogue)
    created = plan.created or dt.date.today()
    register = plan.register
    if plan.recommendation is not None:  # worded to the learner, its next steps too
        plan = dataclasses.replace(plan, recommendation=_to_the_learner(
            catalogue, plan.recommendation, register))
    # Prepared in the order the page shows them, so sources are numbered by first use.
    recommendation = (_recommendation(catalogue, plan.recommendation, sources)
                      if plan.recommendation is not None else None)
    at_end: list[UnitsAtEnd] = []  # long lists of units, listed after the detail
    route = (_route(catalogue, plan.route, sources, age=plan.route_age,
                    senior_role=plan.route_in_senior_role, aim=plan.route_aim, register=register,
                    others=plan.other_routes, employment=plan.route_employment, at_end=at_end)
             if plan.route is not None else None)
    leads_into = plan.route_frameworks
    route_frameworks = None
    if plan.route is not None and leads_into is not None:
        today = (Cited(leads_into.today, sources.cite(leads_into.today_source))
                 if leads_into.today is not None else None)  # shown before the frameworks
        route_frameworks = RouteFrameworksPart(
            [_framework(catalogue, f, plan.as_at, sources) for f in leads_into.frameworks],
            today)
    carried = (_carry_over(catalogue, plan.carry_over, sources, heading="What carries over",
                           as_at=plan.as_at, register=register, at_end=at_end)
               if plan.carry_over is not None else None)
    shown = plan.checked
    record = plan.progress is not None  # a centre's record of a check, not a learner's plan
    # A record is the centre's, about the learner; a plan speaks to the learner.
    check = (_check(catalogue, shown, sources,
                    heading="Where the learner is now" if record else "Where you are now",
                    as_at=plan.as_at, register=register)
             if shown is not None else None)
    status = (status_on(catalogue, shown.qualification, plan.as_at, register=register)
              if shown is not None else None)
    progress = plan.progress
    bars = [Cited(b.statement, sources.cite(b.source)) for b in progress.bars] \
        if progress is not None else []
    when_done = (_check(catalogue, progress.when_done, sources,
                        heading="When the units in progress are achieved", as_at=plan.as_at,
                        register=register, projected=True)
                 if progress is not None and progress.when_done is not None else None)
    timeline = (Cited(progress.timeline.reason, sources.cite(progress.timeline.source))
                if progress is not None and progress.timeline is not None else None)
    sign_off = (_sign_off(catalogue, progress, plan, status)
                if progress is not None and progress.today.accepted else None)
    page = functools.partial(
        _ENVIRONMENT.get_template(_TEMPLATE).render,
        headline=headline(catalogue, plan, status),
        who=[(label, value.strip()) for label, value in (
            ("Learner", plan.learner),
            ("Assessor" if plan.progress is not None else "Adviser", plan.adviser),
            ("Centre", plan.centre))
            if value.strip()],
        actions=[line for line in plan.agreed_actions.strip().splitlines() if line.strip()],
        record=record,
        created=uk_date(created),
        as_at=uk_date(plan.as_at),
        answers=list(plan.answers.items()),
        recommendation=recommendation,
        job_wanted_sets_no_level=JOB_WANTED_SETS_NO_LEVEL,
        route=route,
        route_frameworks=route_frameworks,
        carry_over=carried,
        check=check,
        bars=bars,
        when_done=when_done,
        timeline=timeline,
        sign_off=sign_off,
        page_footer=_page_footer(plan, record, created),
        at_a_glance=_at_a_glance(catalogue, plan),  # (the options, the route's steps)
        units_at_end=at_end,
        next_steps=next_steps(catalogue, plan, status, sources),
    )
    listed = sources.listed()
    words = _words_used(page(words=[], sources=listed))
    return _numbered_by_first_use(page(words=words, sources=listed), listed,
                                  lambda reordered: page(words=words, sources=reordered))


def _at_a_glance(catalogue: Catalogue, plan: ActionPlan) -> tuple[list[str], list[str]]:
    """How each qualification the summary names stands on the date, in a few words (their
    reasons, in full, are in the detail): each qualification at the level suggested, and each
    step of the route."""
    result = plan.recommendation
    options = [] if result is None else [
        f"{_named(o.qualification)}: {entry_status_in_brief(o.eligibility, catalogue)}"
        for o in result.options]
    steps = [] if plan.route is None else [
        f"{_named(step.to)}: {status_in_brief(step.status.status)}"
        f"{replaced_in_brief(catalogue, step.status)}" for step in plan.route.steps]
    return options, steps


_MARKS = re.compile(r'<span class="source">([^<]*)</span>')


def _numbered_by_first_use(html: str, listed: list[SourcePart],
                           render: Callable[[list[SourcePart]], str]) -> str:
    """``html`` with its sources numbered in the order a reader meets them ([1] first): the
    parts are prepared in an order of their own (the headline last), so the first mark on the
    page could be [12]. ``render`` draws the page again with the sources listed anew; each
    mark is then renumbered to match, and those beside each other put in order."""
    seen = [int(n) for marks in _MARKS.findall(html) for n in re.findall(r"\[(\d+)\]", marks)]
    order = list(dict.fromkeys([*seen, *range(1, len(listed) + 1)]))
    new = {old: number for number, old in enumerate(order, start=1)}
    # Numbered in order already, the marks beside each other are still put in order: a finding
    # citing what it read in its own order showed "[14] [15] [7] [10] [11]".
    page = (html if order == list(range(1, len(listed) + 1))
            else render([listed[old - 1] for old in order]))

    def renumbered(match: re.Match[str]) -> str:
        numbers = sorted(dict.fromkeys(new[int(n)] for n in re.findall(r"\[(\d+)\]",
                                                                        match.group(1))))
        return '<span class="source">' + " ".join(f"[{n}]" for n in numbers) + "</span>"

    return _MARKS.sub(renumbered, page)


def _sign_off(catalogue: Catalogue, progress: ProgressCheck, plan: ActionPlan,
              status: StatusOnDate | None) -> SignOffPart:
    """Where the assessor (and the learner) sign and date the centre's decision to accept
    units, as the centre's paper record of recognition of prior learning asks; where the
    qualification's certificates have ended on the date (``status``), what signing can no
    longer lead to."""
    q = progress.today.qualification
    rules, _ = catalogue.effective_rules(q)
    ended = status is not None and status.status is Status.CERTIFICATION_CLOSED
    return SignOffPart(
        [describe_unit(catalogue, a.urn, rules, with_credits=False)
         for a in progress.today.accepted],
        [("Assessor", plan.adviser.strip()), ("Learner", plan.learner.strip())],
        caution=(f"Certificates for {q.reference} are no longer issued, so this decision "
                 f"cannot lead to a certificate for it: sign it only as the centre's record of "
                 "what the learner already knows and can do, for what they take next."
                 if ended else None))


_FOOTER_NAME_LENGTH = 60  # of the learner's name or reference, at the foot of each page


def _page_footer(plan: ActionPlan, record: bool, created: dt.date) -> str:
    """What the foot of each printed page says beside its number, so that a page apart from
    the others can be put back with them: the kind of printout, whom it is for, and the day it
    was made; as the inside of a CSS string (see :func:`_css_string_body`)."""
    learner = " ".join(plan.learner.split())[:_FOOTER_NAME_LENGTH]
    kind = "Record of a units check" if record else "Action plan"
    return _css_string_body(f"{kind}{f' for {learner}' if learner else ''}, {uk_date(created)}")


# Written into a CSS string as they are; every other character is escaped.
_CSS_PLAIN = re.compile(r"[A-Za-z0-9 ,.:()-]")


def _css_string_body(text: str) -> str:
    """``text`` to write between the double quotes of a CSS string (a page's margin box, in
    the template's style sheet), with every character that could end the string, the style
    sheet or be changed by the template's HTML escaping written as a CSS escape: a learner's
    name such as ``Jo "O'Brien" </style>`` stays words."""
    # Six hex digits, then the space that ends the escape (so that a space after it counts).
    return "".join(char if _CSS_PLAIN.fullmatch(char) else f"\\{ord(char):06X} "
                   for char in text)


def _words_used(html: str) -> list[tuple[str, str]]:
    """The glossary's terms that the page uses, with their meanings, for a learner reading it
    away from the app (chosen as the app's pages choose theirs)."""
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", html.split("<body", 1)[-1]))
    return explained(glossary_terms([text]))


def _cited(findings: Iterable[Finding | Reason], sources: Sources) -> list[Cited]:
    return [Cited(f.message, sources.cite(f.source)) for f in findings]


# The reasons an option's status cell repeats under its summary: until when it is open (and
# its certificates issued), and why it may not be open to this learner.
_STATUS_NOTES = {ReasonCode.OPEN_TO_ENTRY, ReasonCode.CLOSED_TO_ENTRY,
                 ReasonCode.CERTIFICATION_CLOSED, ReasonCode.REPLACED,
                 ReasonCode.REVIEW_DATE_PASSED, ReasonCode.DATES_UNKNOWN,
                 ReasonCode.AGE_NOT_APPROVED, ReasonCode.ROLE_NOT_MET}


def _to_the_learner(catalogue: Catalogue, result: Recommendation,
                    register: Register | None) -> Recommendation:
    """``result`` worded to the learner who takes the page home ("you already hold"), as
    :func:`recommend` words it with that voice; the page words it of the learner."""
    if result.voice == YOU:
        return result
    return recommend(catalogue, result.profile, as_at=result.as_at,
                     register=register, voice=YOU)


def _recommendation(catalogue: Catalogue, result: Recommendation,
                    sources: Sources) -> RecommendationPart:
    reasons = _cited(result.reasons, sources)
    cautions = _cited(result.cautions, sources)
    options = []
    for option in result.options:
        # Without an aim, only a note where one is needed: "No aim given" on every row
        # squeezed the table for nothing.
        fits = (fits_aim_words(option, working=result.profile.employment
                               is not Employment.NOT_WORKING).capitalize()
                if result.profile.aim is not None else "")
        closed = option.eligibility.status.status.closed
        notes = _cited((r for r in option.eligibility.reasons if r.code in _STATUS_NOTES
                        or (not closed and r.code in OPTION_CAUTIONS)), sources)
        # Closed, or not known: its reasons say so in their own words ("Closed to new learners:
        # the last entry date was ..."), so the summary would only say it twice.
        summary = ("" if closed or option.eligibility.status.status is Status.UNKNOWN
                   else option.eligibility.summary_in(YOU))
        if option.aim_note:  # why it fits or not: a related field, a repeat, its kind
            fits = f"{fits}. {option.aim_note}" if fits else option.aim_note
        options.append(OptionPart(_named(option.qualification), summary, notes, fits))
    frameworks = [_framework(catalogue, f, result.as_at, sources) for f in result.frameworks]
    wanted = result.job_wanted
    job_wanted = ([] if wanted is None else _cited([wanted.not_listed], sources)
                  if wanted.not_listed is not None else
                  _cited((f for role in wanted.roles for f in role.findings), sources))
    heading = ("Fits what you want" if result.profile.aim is not None
               else "Note" if any(option.fits for option in options) else None)
    return RecommendationPart(result.recommended_level, reasons, cautions, options, frameworks,
                              job_wanted, fits_heading=heading)


def _framework(catalogue: Catalogue, status: FrameworkStatus, as_at: dt.date,
               sources: Sources) -> FrameworkPart:
    """A framework's components held or missing, their qualifications' status on the date,
    and the standard that took its place."""
    components = [ComponentPart(
        component_kind(c.component.kind), component_held(c), c.message,
        [Cited(f"{catalogue.qualifications[q].reference}: "
                + status_sentence(catalogue, found, as_at), sources.cite(found.source))
         for q, found in c.statuses], sources.cite(c.component.source))
        for c in status.components]
    standard = status.framework.succeeded_by
    today = (Cited(standard_taking_its_place(status.framework), sources.cite(standard.source))
             if standard is not None else None)
    return FrameworkPart(framework_name(catalogue, status.framework), components,
                         list(status.cautions), today, status.superseded)




def _named(q: Qualification) -> str:
    """A qualification's name, marked when it is known only from the register."""
    marked = REGISTER_ORIGIN[0].lower() + REGISTER_ORIGIN[1:]
    return f"{q.name} ({marked})" if from_register(q) else q.name


def _route(catalogue: Catalogue, route: Route, sources: Sources, *,
           age: int | None, senior_role: bool | None, aim: Aim | None,
           register: Register | None, others: Sequence[Route],
           employment: Employment | None = None,
           at_end: list[UnitsAtEnd] | None = None) -> RoutePart:
    steps = []
    for number, step in enumerate(route.steps):
        marks = sources.cite(step.source)
        eligibility = check_eligibility(catalogue, step.to, age=age, senior_role=senior_role,
                                        as_at=route.as_at, register=register, voice=YOU)
        # The role a step asks for is shown whether or not the learner's was given.
        about_learner = (*(eligibility.about_age if age is not None else ()),
                         *eligibility.about_role)
        # What replaced it, or will (10380 for 09629 in June 2014), as the page notes it; where
        # it has closed, its status says so already.
        replaced = [] if step.status.status.closed else [
            r for r in eligibility.reasons if r.code is ReasonCode.REPLACED]
        steps.append(StepPart(_named(step.to), step_explained(step), marks,
                           status_and_review(catalogue, step.to, step.status, route.as_at,
                                             sources, register).followed_by(replaced, sources),
                           _cited(about_learner, sources),
                           _carry_over(catalogue, step.carry_over, sources, heading=None,
                                       as_at=route.as_at, register=register,
                                       held_words=LATER_STEP_HELD if number else
                                       "Units you hold", at_end=at_end,
                                       where=f"Step {number + 1}: {_named(step.to)}",
                                       step=number + 1)))
    day = uk_date(route.as_at)
    cautions = [c for c in (move_up_caution(catalogue, route, voice=YOU),
                            assessed_at_work_caution(catalogue, route, employment, voice=YOU))
                 if c is not None]
    fits = route_aim_words(catalogue, route, aim, employment=employment, register=register,
                           voice=YOU)
    return RoutePart([q.name for q in route.path], steps, [
        f"{' → '.join(q.reference for q in other.path)}: {route_basis(other)}; on {day}, "
        f"{route_status(catalogue, other)}" for other in others],
        _cited(cautions, sources),
        Cited(fits[0], sources.cite(fits[1])) if fits is not None else None)


LONG_LIST = 6
"""The most units a line of the printout names: more with one reason are counted there and
listed, one a line, at the end."""


def _barred_together(catalogue: Catalogue, barred: Sequence[NotTransferable],
                     sources: Sources, *, at_end: list[UnitsAtEnd] | None = None,
                     where: str = "", whose: str = "units you hold") -> list[Cited]:
    """The units held that do not carry over, those with the same reason in one line, each
    named by its title too: three units with one 30-word reason read it once. More than
    :data:`LONG_LIST` with one reason are counted in the line and added to ``at_end``, under
    ``where`` (the step they belong to) and the reason's first words: a paragraph naming 21
    units could not be read. ``whose``: the units counted, "units you hold" (or will hold by
    a later step)."""
    together: dict[tuple[str, tuple[Citation, ...]], list[str]] = {}
    for item in barred:
        together.setdefault((item.reason, tuple(item.source)), []).append(
            describe_unit(catalogue, item.urn, with_credits=False))
    lines = []
    for (reason, source), units in together.items():
        if at_end is None or len(units) <= LONG_LIST:
            lines.append(Cited(f"{'; '.join(units)}: {reason}", sources.cite(source)))
            continue
        lines.append(Cited(f"{len(units)} {whose} (listed at the end): {reason}",
                           sources.cite(source)))
        at_end.append(UnitsAtEnd(f"{where}: {len(units)} units ({reason.split(':', 1)[0]})",
                                 units))
    return lines


LATER_STEP_HELD = ("Units you will hold by then (what you hold now and the qualifications of "
                   "the steps before)")
"""Whose units carry over into a route's second step or later: not only those held now."""


def _carry_over(catalogue: Catalogue, result: CarryOver, sources: Sources,
                heading: str | None, as_at: dt.date, register: Register | None,
                held_words: str = "Units you hold", at_end: list[UnitsAtEnd] | None = None,
                where: str = "", step: int | None = None) -> CarryOverPart:
    """What carries over, as the page shows it; ``step``: its number in a route."""
    rules, _ = catalogue.effective_rules(result.target)
    barred = [n for n in result.not_transferable if n.source]
    # Units not part of it; where the sources do not list all its units, each says among the
    # cautions that this is not known.
    if not result.target_units_known:
        barred = list(result.not_transferable)
    absent = len(result.not_transferable) - len(barred)
    return CarryOverPart(
        heading=heading,
        name=result.target.name,
        transfers=[describe_unit(catalogue, urn, rules) for urn in result.transfers],
        credits_transferred=carried_credits(result),
        held_units_known=result.held_units_known,
        target_units_known=result.target_units_known,
        holds_units=bool(result.held),
        held_words=held_words,
        # With the optional units of the qualification held that would be similar if taken,
        # as the page lists them for the centre to judge.
        similar=[(describe_unit(catalogue, s.urn), describe_unit(catalogue, s.target, rules))
                 for s in result.similar]
        + [(describe_unit(catalogue, s.urn) + " (if you took it)",
            describe_unit(catalogue, s.target, rules)) for s in result.possible_similar],
        barred=_barred_together(catalogue, barred, sources, at_end=at_end,
                                where=where or result.target.name,
                                whose="units you will hold by then"
                                if held_words == LATER_STEP_HELD else "units you hold"),
        notes=[Cited(n.statement, sources.cite(n.source)) for n in result.notes],
        absent=_absent(absent),
        remaining=dataclasses.replace(_check(
            catalogue, result.remaining, sources, heading=None, as_at=as_at,
            register=register, up_to=may_count_too(result) if result.held_may_count else None),
            at_most=(result.credits_still_needed_at_most, may_count_too(result))
            if result.credits_still_needed_at_most is not None else None),
        if_taken=[describe_unit(catalogue, urn, rules) for urn in result.possible],
        if_taken_lead=if_taken_lead(step, result) if result.possible else "",
    )


def _absent(count: int) -> str | None:
    if count == 0:
        return None
    if count == 1:
        return "1 unit you hold is not part of it."
    return f"{count} units you hold are not part of it."


def _check(catalogue: Catalogue, check: CombinationCheck, sources: Sources,
           heading: str | None, as_at: dt.date, register: Register | None,
           up_to: str | None = None, projected: bool = False) -> CheckPart:
    """A check as the page shows it; where certification has closed on ``as_at``, with no plan
    (no further units can complete it). ``projected``: where the learner would stand once the
    units in progress are achieved."""
    rules, _ = catalogue.effective_rules(check.qualification)
    ended = status_on(catalogue, check.qualification, as_at,
                      register=register).status is Status.CERTIFICATION_CLOSED
    plan = None
    if check.known and not check.complete and check.plan is not None and not ended:
        plan = PlanPart(check.plan.additional_credits, check.plan.additional_glh,
                     [describe_unit(catalogue, u.urn, rules) for u in check.plan.units], up_to)
    accepted = [describe_unit(catalogue, a.urn, rules)
                + (f" (evidence: {a.note})" if a.note else "") for a in check.accepted]
    return CheckPart(heading, check.qualification.name, check.known, check.complete,
                  check.credits_counted, check.credits_required, plan, accepted,
                  [describe_unit(catalogue, u, rules) for u in check.in_progress],
                  sources.cite(rules.source) if rules is not None else (), ended,
                  check.no_plan_reason, list(check.cautions) if check.known else [],
                  [rule.message for rule in check.unmet] if check.known else [],
                  [(rule.message, rule.met) for rule in check.rules] if check.known else [],
                  listed_only=rules is not None and not rules.listed_in_full,
                  projected=projected)
