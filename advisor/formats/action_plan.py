"""The printable action plan: one self-contained HTML page a learner takes home.

The page holds the learner's answers, the suggested level with its reasons and cautions, the
chosen route with what carries over at each step and what is still needed, next steps, and every
source the answers rest on, dated. It has no scripts, no external fonts or images, and prints
cleanly on A4.

The page is the Jinja2 template ``templates/action_plan.html.j2``, rendered with autoescape on.
This module makes every decision (what a status says, which sources are cited and their numbers,
what to do next) and hands the template plain text and numbers only; the template loops, tests
and escapes. Nothing is marked safe, so a qualification title, a unit title or a learner's note
holding ``<script>`` shows as text.
"""

from __future__ import annotations

import datetime as dt
import functools
import html as html_module
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import jinja2

from advisor.catalogue import Catalogue, Citation, Qualification
from advisor.engine.carryover import CarryOver, NotTransferable
from advisor.engine.combination import CombinationCheck, describe_unit
from advisor.engine.decisions import ProgressCheck
from advisor.engine.eligibility import (
    Reason,
    ReasonCode,
    Status,
    StatusOnDate,
    check_eligibility,
    status_on,
)
from advisor.engine.frameworks import FrameworkStatus, RouteFrameworks, framework_name
from advisor.engine.recommend import move_up_caution
from advisor.engine.recommend_types import Aim, Finding, Recommendation
from advisor.engine.registered import from_register
from advisor.engine.routes import Route
from advisor.engine.wording import WHERE_TO_ASK, count, listed, uk_date
from advisor.formats.printout_parts import (
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
    Sources,
    StepPart,
)
from advisor.register import Register
from advisor.views.labels import (
    BAR_BESIDE_ACCEPTED,
    BEYOND_COMPLETING,
    GLOSSARY,
    NOTHING_BEYOND_IN_PROGRESS,
    OPTION_CAUTIONS,
    REGISTER_ORIGIN,
    STANDARD_HEADING,
    STATUS_WORDS,
    awarding_bodies_of,
    awarding_body_contact,
    carried_credits,
    check_headline,
    component_held,
    component_kind,
    fits_aim_words,
    replacement_names,
    route_aim_words,
    route_basis,
    route_status,
    rules_from_words,
    standard_taking_its_place,
    status_in_a_clause,
    status_sentence,
    step_explained,
)
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


@dataclass(frozen=True, kw_only=True)
class ActionPlan:
    """Everything the printable plan shows; any part may be missing."""

    as_at: dt.date
    answers: Mapping[str, str] = field(default_factory=dict)  # question -> the learner's answer
    # Typed on the page for the printout; kept only in the browser session and the file.
    learner: str = ""  # the learner's name or reference
    adviser: str = ""
    centre: str = ""
    agreed_actions: str = ""  # one action a line
    recommendation: Recommendation | None = None
    route: Route | None = None
    route_age: int | None = None  # the learner's age, where given: each step is checked for it
    route_senior_role: bool | None = None  # whether the learner is in a senior role, if given
    route_aim: Aim | None = None  # what the learner wants, if given: whether the route fits it
    # The other routes found, best first: named in a line each, so that the printout shows
    # what the route chosen was weighed against.
    other_routes: tuple[Route, ...] = ()
    # The apprenticeship frameworks the route leads into, as its page shows them.
    route_frameworks: RouteFrameworks | None = None
    carry_over: CarryOver | None = None
    check: CombinationCheck | None = None
    # A check with the centre's decisions: shown in place of ``check``, with where the learner
    # stands when the units in progress are done, the timeline, and any bar on evidence.
    progress: ProgressCheck | None = None
    created: dt.date | None = None  # the day the plan was made (default: today)
    # Ofqual's register, where the page had one: statuses use its dates, as the page's do.
    register: Register | None = None

    @property
    def checked(self) -> CombinationCheck | None:
        """The units check the plan shows: today's, with the centre's decisions if given."""
        return self.progress.today if self.progress is not None else self.check


def action_plan_html(catalogue: Catalogue, plan: ActionPlan) -> str:
    """The plan as one HTML document (a string), safe to open and print."""
    sources = Sources(catalogue)
    created = plan.created or dt.date.today()
    # Prepared in the order the page shows them, so sources are numbered by first use.
    recommendation = (_recommendation(catalogue, plan.recommendation, sources)
                      if plan.recommendation is not None else None)
    register = plan.register
    route = (_route(catalogue, plan.route, sources, age=plan.route_age,
                    senior_role=plan.route_senior_role, aim=plan.route_aim, register=register,
                    others=plan.other_routes)
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
                           as_at=plan.as_at, register=register)
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
    sign_off = (_sign_off(catalogue, progress, plan)
                if progress is not None and progress.today.accepted else None)
    page = functools.partial(
        _ENVIRONMENT.get_template(_TEMPLATE).render,
        headline=_headline(catalogue, plan, status),
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
        route=route,
        route_frameworks=route_frameworks,
        carry_over=carried,
        check=check,
        bars=bars,
        when_done=when_done,
        timeline=timeline,
        sign_off=sign_off,
        page_footer=_page_footer(plan, record, created),
        next_steps=_next_steps(catalogue, plan, status, sources),
        sources=sources.listed(),
    )
    return page(words=_words_used(page(words=[])))


def _sign_off(catalogue: Catalogue, progress: ProgressCheck, plan: ActionPlan) -> SignOffPart:
    """Where the assessor (and the learner) sign and date the centre's decision to accept
    units, as the centre's paper record of recognition of prior learning asks."""
    rules, _ = catalogue.effective_rules(progress.today.qualification)
    return SignOffPart(
        [describe_unit(catalogue, a.urn, rules, with_credits=False)
         for a in progress.today.accepted],
        [("Assessor", plan.adviser.strip()), ("Learner", plan.learner.strip())])


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
    away from the app."""
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", html.split("<body", 1)[-1]))
    return [(term, meaning) for term, meaning in GLOSSARY.items()
            if re.search(rf"\b{re.escape(term)}s?\b", text, flags=re.IGNORECASE)]


def _headline(catalogue: Catalogue, plan: ActionPlan, status: StatusOnDate | None) -> str:
    """The answer in one sentence, first on the page (``status``: the checked
    qualification's, if there is a check)."""
    day = uk_date(plan.as_at)
    if plan.route is not None and plan.route.steps:
        first = plan.route.steps[0]
        return (f"First step: {first.to.name} (route: "
                f"{' → '.join(q.reference for q in plan.route.path)}). "
                f"{_sentence(status_in_a_clause(catalogue, first.status, plan.as_at))}")
    result = plan.recommendation
    if result is not None and result.recommended_level is not None:
        open_now = [o for o in result.options if o.open_on_date and o.can_start is not False]
        # One that fits what the learner wants first; where none does, that is the answer.
        open_now.sort(key=lambda o: o.fits_aim is False)
        text = f"Start at Level {result.recommended_level}."
        later = sorted(f.level for f in catalogue.frameworks.values()
                       if f.level > result.recommended_level)
        below = result.profile.aim is Aim.APPRENTICESHIP and not result.frameworks and later
        if below:
            # Not a qualification the learner asked for: where apprenticeships start, first.
            text += (f" The apprenticeships in these documents start at Level {later[0]}: what "
                     "to do next says whom to ask about one.")
        if open_now and not below and all(o.fits_aim is False for o in open_now):
            one = len(open_now) == 1
            return text + (f" On {day}, {listed([o.qualification.name for o in open_now], 'and')} "
                           + ("is" if one else "are") + " open to new learners, but not what you "
                           "asked for: what to do next says what would be.")
        if open_now:
            option = open_now[0]
            if option.can_start:
                return text + f" Open to you on {day}: {option.qualification.name}."
            check = (f"whether you can start depends on "
                     f"{option.eligibility.depends_on_words('your')}"
                     if option.eligibility.depends_on
                     else "ask the centre to confirm you can start")
            return (text + f" Open to new learners on {day}: {option.qualification.name} "
                    f"({check}).")
        if refused := [o for o in result.options if o.open_on_date and o.can_start is False]:
            return (text + f" {refused[0].qualification.name} takes new learners on {day}, but "
                    "not you: see what to do next.")
        return text + f" No qualification at this level can be confirmed open on {day}: see " \
                      "what to do next."
    shown = plan.checked
    if shown is not None and status is not None:
        if not shown.known:
            return (f"{shown.qualification.name}: its full rules are not in the sources, so "
                    "ask the centre what is still needed.")
        if status.status is Status.CERTIFICATION_CLOSED:  # no unit, in progress or not, helps
            return f"{shown.qualification.name}: {check_headline(shown, status)}"
        state = ("complete" if shown.complete else "not complete yet") \
            + rules_from_words(shown)
        text = (f"{shown.qualification.name}: {state}, {shown.credits_counted} of "
                f"{shown.credits_required} credits counted.")
        when_done = plan.progress.when_done if plan.progress is not None else None
        if when_done is not None and when_done.complete and not shown.complete:
            text += " Complete once the units in progress are achieved."
        if status.status is not Status.OPEN:
            text += f" On {day}: {STATUS_WORDS[status.status]}."
        return text
    return "Not enough was answered to suggest a level: see what to do next."


def _sentence(clause: str) -> str:
    return clause[:1].upper() + clause[1:] + "."


def _cited(findings: Iterable[Finding | Reason], sources: Sources) -> list[Cited]:
    return [Cited(f.message, sources.cite(f.source)) for f in findings]


# The reasons an option's status cell repeats under its summary: until when it is open (and
# its certificates issued), and why it may not be open to this learner.
_STATUS_NOTES = {ReasonCode.OPEN_TO_ENTRY, ReasonCode.CLOSED_TO_ENTRY,
                 ReasonCode.CERTIFICATION_CLOSED, ReasonCode.REPLACED,
                 ReasonCode.REVIEW_DATE_PASSED, ReasonCode.DATES_UNKNOWN,
                 ReasonCode.AGE_NOT_APPROVED, ReasonCode.ROLE_NOT_MET}


def _recommendation(catalogue: Catalogue, result: Recommendation,
                    sources: Sources) -> RecommendationPart:
    reasons = _cited(result.reasons, sources)
    cautions = _cited(result.cautions, sources)
    options = []
    for option in result.options:
        fits = (fits_aim_words(option).capitalize() if result.profile.aim is not None
                else "No aim given")
        closed = option.eligibility.status.status.closed
        notes = _cited((r for r in option.eligibility.reasons if r.code in _STATUS_NOTES
                        or (not closed and r.code in OPTION_CAUTIONS)), sources)
        # Closed, or not known: its reasons say so in their own words ("Closed to new learners:
        # the last entry date was ..."), so the summary would only say it twice.
        summary = ("" if closed or option.eligibility.status.status is Status.UNKNOWN
                   else option.eligibility.summary)
        if option.aim_note:  # why it fits or not: a related field, a repeat, its kind
            fits = f"{fits}. {option.aim_note}"
        options.append(OptionPart(_named(option.qualification), summary, notes, fits))
    frameworks = [_framework(catalogue, f, result.as_at, sources) for f in result.frameworks]
    return RecommendationPart(result.recommended_level, reasons, cautions, options, frameworks)


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
           register: Register | None, others: Sequence[Route]) -> RoutePart:
    steps = []
    for number, step in enumerate(route.steps):
        marks = sources.cite(step.source)
        eligibility = check_eligibility(catalogue, step.to, age=age, senior_role=senior_role,
                                        as_at=route.as_at, register=register)
        # The role a step asks for is shown whether or not the learner's was given.
        about_learner = (*(eligibility.about_age if age is not None else ()),
                         *eligibility.about_role)
        steps.append(StepPart(_named(step.to), step_explained(step), marks,
                           _status_and_review(catalogue, step.to, step.status, route.as_at,
                                              sources, register),
                           _cited(about_learner, sources),
                           _carry_over(catalogue, step.carry_over, sources, heading=None,
                                       as_at=route.as_at, register=register,
                                       held_words=LATER_STEP_HELD if number else
                                       "Units you hold")))
    day = uk_date(route.as_at)
    climbs = move_up_caution(catalogue, route)
    return RoutePart([q.name for q in route.path], steps, [
        f"{' → '.join(q.reference for q in other.path)}: {route_basis(other)}; on {day}, "
        f"{route_status(catalogue, other)}" for other in others],
        _cited([climbs] if climbs is not None else [], sources),
        route_aim_words(catalogue, route, aim, register=register))


def _status(catalogue: Catalogue, status: StatusOnDate, as_at: dt.date,
            sources: Sources) -> Cited:
    return Cited(status_sentence(catalogue, status, as_at), sources.cite(status.source))


def _status_and_review(catalogue: Catalogue, q: Qualification, status: StatusOnDate,
                       as_at: dt.date, sources: Sources, register: Register | None) -> Cited:
    """A qualification's status (a route step's, a checked one's), and, where it is not known, a
    review date that has passed (a reason to doubt it is still offered), as the pages show
    it."""
    cited = _status(catalogue, status, as_at, sources)
    if status.status is not Status.UNKNOWN:
        return cited
    passed = [r for r in check_eligibility(catalogue, q, as_at=as_at, register=register).reasons
              if r.code is ReasonCode.REVIEW_DATE_PASSED]
    return Cited(" ".join([cited.text, *(r.message for r in passed)]),
                  tuple(dict.fromkeys([*cited.marks, *(m for r in passed
                                                        for m in sources.cite(r.source))])))


def _barred_together(catalogue: Catalogue, barred: Sequence[NotTransferable],
                     sources: Sources) -> list[Cited]:
    """The units held that do not carry over, those with the same reason in one line, each
    named by its title too: three units with one 30-word reason read it once."""
    together: dict[tuple[str, tuple[Citation, ...]], list[str]] = {}
    for item in barred:
        together.setdefault((item.reason, tuple(item.source)), []).append(
            describe_unit(catalogue, item.urn, with_credits=False))
    return [Cited(f"{'; '.join(units)}: {reason}", sources.cite(source))
            for (reason, source), units in together.items()]


LATER_STEP_HELD = ("Units you will hold by then (what you hold now and the qualifications of "
                   "the steps before)")
"""Whose units carry over into a route's second step or later: not only those held now."""


def _carry_over(catalogue: Catalogue, result: CarryOver, sources: Sources,
                heading: str | None, as_at: dt.date, register: Register | None,
                held_words: str = "Units you hold") -> CarryOverPart:
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
        similar=[(describe_unit(catalogue, s.urn), describe_unit(catalogue, s.target, rules))
                 for s in result.similar],
        barred=_barred_together(catalogue, barred, sources),
        notes=[Cited(n.statement, sources.cite(n.source)) for n in result.notes],
        absent=_absent(absent),
        remaining=_check(catalogue, result.remaining, sources, heading=None, as_at=as_at,
                         register=register,
                         up_to=may_count_too(result) if result.held_may_count else None),
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


def _next_steps(catalogue: Catalogue, plan: ActionPlan, status: StatusOnDate | None,
                sources: Sources) -> list[Cited]:
    steps: list[Cited] = []
    if plan.recommendation is not None:
        steps += [Cited(step.message, sources.cite(step.source))
                  for step in plan.recommendation.next_steps]
    if plan.route is not None and plan.route.steps:
        first = plan.route.steps[0]
        text = (f"First step on your route: {first.to.name}: "
                f"{status_in_a_clause(catalogue, first.status, plan.as_at)}.")
        replaced = replacement_names(catalogue, first.status)
        if first.status.status is Status.OPEN:
            ask = f"Ask {WHERE_TO_ASK} about enrolling on it"
        elif replaced and first.status.status.closed:
            ask = (f"Ask {WHERE_TO_ASK} about what replaced it, {'; '.join(replaced)}, or "
                   "whatever replaced that since")
        elif replaced:  # not known to be open: it may still be offered
            ask = (f"Ask {WHERE_TO_ASK} whether it is still offered, or else about what "
                   f"replaced it, {'; '.join(replaced)}")
        else:
            ask = (f"Ask {WHERE_TO_ASK} whether it, or a qualification that took its place, is "
                   "offered now")
        steps.append(Cited(f"{text} {ask}, and which of your units carry over.", ()))
    if (plan.carry_over and plan.carry_over.similar) or (
        plan.route and any(s.carry_over.similar for s in plan.route.steps)
    ):
        steps.append(Cited("Take your certificates to the centre so they can judge the "
                            "similar units.", ()))
    if status is not None:
        steps += _check_steps(catalogue, plan, status, sources)
    named = [*(o.qualification for o in (plan.recommendation.options
                                          if plan.recommendation is not None else ())),
             *(plan.route.path if plan.route is not None else ()),
             *((plan.carry_over.target,) if plan.carry_over is not None else ()),
             *((plan.checked.qualification,) if plan.checked is not None else ())]
    steps += [Cited(f"To reach the awarding body: {awarding_body_contact(body)}",
                    sources.cite(body.source))
              for body in awarding_bodies_of(catalogue, named)]
    steps.append(Cited("Keep this record with the learner's file: nothing about the learner "
                        "is stored by the advisor." if plan.progress is not None else
                        "Keep this page: nothing about you is stored by the advisor.", ()))
    return steps


def _check_steps(catalogue: Catalogue, plan: ActionPlan, status: StatusOnDate,
                 sources: Sources) -> list[Cited]:
    """What to do about a units check: finish it, claim it or beat the closing date, with the
    qualification's ``status`` on the date where it is not simply open."""
    progress = plan.progress
    shown = plan.checked
    if shown is None:
        return []
    name = shown.qualification.name
    record = progress is not None  # the centre's own record: its next steps are the centre's
    steps = []
    if status.status is not Status.OPEN:
        steps.append(_status_and_review(catalogue, shown.qualification, status, plan.as_at,
                                        sources, plan.register))
    if not shown.known:
        return steps
    if status.status is Status.CERTIFICATION_CLOSED:  # no more units can complete it
        replaced = replacement_names(catalogue, status)
        towards = ("what replaced it, " + "; ".join(replaced) if replaced
                   else f"a qualification that is open on {uk_date(plan.as_at)}")
        why = "" if shown.complete else ", so taking more units cannot complete it"
        steps.append(Cited(
            f"Certificates for {name} are no longer issued{why}: "
            + ("talk with the learner about " if record else "ask the centre about ")
            + f"{towards}, and which of the learner's units carry over to it (Plan a route "
            "shows them).", ()))
    elif shown.complete:
        steps.append(Cited(f"Claim the certificate for {name} from the awarding body." if record
                            else f"Ask the centre to claim the certificate for {name}.", ()))
    elif progress is not None and progress.when_done is not None and progress.when_done.complete:
        steps.append(Cited("Finish the units in progress: they complete the qualification.", ()))
    else:
        steps.append(Cited(f"Agree with the {'learner' if record else 'centre'} which of the "
                            "units still needed to take next.", ()))
    timeline = progress.timeline if progress is not None else None
    if (timeline is not None and timeline.in_time is False
            and status.status is not Status.CERTIFICATION_CLOSED):  # said above: too late
        steps.append(Cited("The plan would not finish in time: "
                            + ("agree more hours a week with the learner" if record else
                               "ask the centre about more hours a week")
                            + f", or a qualification that is open on {uk_date(plan.as_at)}.",
                            sources.cite(timeline.source)))
    return steps
