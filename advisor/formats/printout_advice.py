"""What a printout tells the learner first and last: its headline, the answer in one sentence,
and its next steps (finish, claim, enrol, or ask whom). :mod:`advisor.formats.action_plan`
puts them on the page with the rest.
"""

from __future__ import annotations

import datetime as dt

from advisor.catalogue import Catalogue, Qualification
from advisor.engine.decisions import TooLate
from advisor.engine.eligibility import (
    Eligibility,
    ReasonCode,
    Status,
    StatusOnDate,
    check_eligibility,
)
from advisor.engine.fits import steps_barred
from advisor.engine.frameworks import frameworks_start_above
from advisor.engine.recommend_types import Aim
from advisor.engine.wording import WHERE_TO_ASK, YOU, listed, uk_date
from advisor.formats.printout_parts import ActionPlan, Cited, Sources
from advisor.register import Register
from advisor.views.labels import (
    STATUS_WORDS,
    awarding_bodies_of,
    awarding_body_contact,
    check_headline,
    credits_counted,
    replacement_names,
    rules_from_words,
    status_in_a_clause,
    status_sentence,
    steps_barred_words,
    unless_above_counts,
    what_replaced_it_words,
)

__all__ = ["headline", "next_steps", "status_and_review"]


def headline(catalogue: Catalogue, plan: ActionPlan, status: StatusOnDate | None) -> str:
    """The answer in one sentence, first on the page (``status``: the checked
    qualification's, if there is a check)."""
    day = uk_date(plan.as_at)
    if plan.route is not None and plan.route.steps:
        first = plan.route.steps[0]
        barred = " ".join(steps_barred_words(plan.route, _barred(catalogue, plan), voice=YOU))
        return (f"First step: {first.to.name} (route: "
                f"{' → '.join(q.reference for q in plan.route.path)}). "
                f"{_sentence(status_in_a_clause(catalogue, first.status, plan.as_at))}"
                + (f" {barred}" if barred else ""))
    result = plan.recommendation
    if result is not None and result.recommended_level is not None:
        open_now = [o for o in result.options if o.open_on_date and o.can_start is not False]
        # One that fits what the learner wants first; where none does, that is the answer.
        open_now.sort(key=lambda o: o.fits_aim is False)
        text = f"Start at Level {result.recommended_level}."
        later = frameworks_start_above(catalogue, result.recommended_level)
        below = (result.profile.aim is Aim.APPRENTICESHIP and not result.frameworks
                 and later is not None)
        if below:
            # Not a qualification the learner asked for: where apprenticeships start, first.
            text += (f" The apprenticeships in these documents start at Level {later}: what "
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
        text = f"{shown.qualification.name}: {state}, {credits_counted(shown)}."
        when_done = plan.progress.when_done if plan.progress is not None else None
        if when_done is not None and when_done.complete and not shown.complete:
            text += " Complete once the units in progress are achieved."
        if status.status is not Status.OPEN:
            text += f" On {day}: {STATUS_WORDS[status.status]}."
        return text + unless_above_counts(shown)
    return "Not enough was answered to suggest a level: see what to do next."


def _sentence(clause: str) -> str:
    return clause[:1].upper() + clause[1:] + "."


def _status(catalogue: Catalogue, status: StatusOnDate, as_at: dt.date,
            sources: Sources) -> Cited:
    return Cited(status_sentence(catalogue, status, as_at), sources.cite(status.source))


def status_and_review(catalogue: Catalogue, q: Qualification, status: StatusOnDate,
                       as_at: dt.date, sources: Sources, register: Register | None) -> Cited:
    """A qualification's status (a route step's, a checked one's), and, where it is not known, a
    review date that has passed (a reason to doubt it is still offered), as the pages show
    it."""
    cited = _status(catalogue, status, as_at, sources)
    if status.status is not Status.UNKNOWN:
        return cited
    passed = [r for r in check_eligibility(catalogue, q, as_at=as_at, register=register).reasons
              if r.code is ReasonCode.REVIEW_DATE_PASSED]
    return cited.followed_by(passed, sources)


def _barred(catalogue: Catalogue, plan: ActionPlan) -> list[tuple[int, Eligibility]]:
    """The steps of the plan's route its learner cannot take, by their age or role."""
    if plan.route is None:
        return []
    return steps_barred(catalogue, plan.route, age=plan.route_age,
                        senior_role=plan.route_in_senior_role, register=plan.register, voice=YOU)


def next_steps(catalogue: Catalogue, plan: ActionPlan, status: StatusOnDate | None,
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
        barred = [n for n, _ in _barred(catalogue, plan)]  # the steps the headline says why
        if 1 in barred:
            ask = (f"You cannot take it as things stand (see the top of this page): ask "
                   f"{WHERE_TO_ASK} what you could take instead")
        elif first.status.status is Status.OPEN:
            ask = f"Ask {WHERE_TO_ASK} about enrolling on it"
        elif replaced and first.status.status.closed:  # as sure as the sources are
            ask = (f"Ask {WHERE_TO_ASK} about {what_replaced_it_words(first.status)}, "
                   f"{'; '.join(replaced)}, or whatever replaced that since")
        elif replaced:  # not known to be open: it may still be offered
            ask = (f"Ask {WHERE_TO_ASK} whether it is still offered, or else about "
                   f"{what_replaced_it_words(first.status)}, {'; '.join(replaced)}")
        else:
            ask = (f"Ask {WHERE_TO_ASK} whether it, or a qualification that took its place, is "
                   "offered now")
        # Holding nothing, there is nothing to carry over: no question about it.
        holds = first.from_ is not None or bool(first.carry_over.held)
        steps.append(Cited(f"{text} {ask}"
                           + (", and which of your units carry over." if holds else "."), ()))
        # A later step barred (10381 without a senior role): the headline says why; what to do.
        steps += [Cited(f"You cannot take step {n} ({plan.route.steps[n - 1].to.reference}) as "
                        f"things stand (see the top of this page): before planning it, ask "
                        f"{WHERE_TO_ASK} whether you could take it later, or what you could "
                        "take instead.", ()) for n in barred if n > 1]
    # What opens later at the level aimed for, as the pages say it, each once.
    offers = plan.recommendation.route_offers if plan.recommendation is not None else ()
    later = {o.qualification.id: o for o in (*plan.opening_later,
                                             *(o for offer in offers for o in offer.opening_later))}
    steps += [Cited(o.message(catalogue), sources.cite(o.source)) for o in later.values()]
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
    if plan.progress is not None:  # a plan says it under its agreed actions
        steps.append(Cited("Keep this record with the learner's file: nothing about the "
                           "learner is stored by the advisor.", ()))
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
        steps.append(status_and_review(catalogue, shown.qualification, status, plan.as_at,
                                        sources, plan.register))
    if not shown.known:
        return steps
    entry_in_doubt = status.status in (Status.CLOSED, Status.UNKNOWN) and not shown.complete
    if entry_in_doubt and not (progress is not None and progress.registered):
        # More units are worth taking only on a registration that stands.
        steps.append(Cited(
            f"Before more units, confirm {'the learner is' if record else 'you are'} "
            f"registered for {name}"
            + (": it has closed to new learners, so only a learner registered before then "
               "can go on." if status.status is Status.CLOSED else
               ", or can still be: whether it still takes new learners is not known."), ()))
    if status.status is Status.CERTIFICATION_CLOSED:  # no more units can complete it
        replaced = replacement_names(catalogue, status)
        towards = (f"{what_replaced_it_words(status)}, " + "; ".join(replaced) if replaced
                   else f"a qualification that is open on {uk_date(plan.as_at)}")
        why = "" if shown.complete else ", so taking more units cannot complete it"
        # Whom to ask which units carry over: a page of paper cannot plan a route.
        steps.append(Cited(
            f"Certificates for {name} are no longer issued{why}: "
            + (f"talk with the learner about {towards}, and ask the awarding body which of "
               "the learner's units carry over to it." if record else
               f"ask the centre about {towards}, and which of your units carry over to it."),
            ()))
    elif shown.complete:
        steps.append(Cited(f"Claim the certificate for {name} from the awarding body." if record
                            else f"Ask the centre to claim the certificate for {name}.", ()))
    elif progress is not None and progress.when_done is not None and progress.when_done.complete:
        steps.append(Cited("Finish the units in progress: they complete the qualification.", ()))
    elif unless_above_counts(shown):  # the answer turns on the awarding body's reading
        steps.append(Cited("Ask the awarding body whether the units held above the level a "
                           "rule names count towards it (see the top of this page), before "
                           "taking more units.", ()))
    else:
        steps.append(Cited(f"Agree with the {'learner' if record else 'centre'} which of the "
                            "units still needed to take next.", ()))
    timeline = progress.timeline if progress is not None else None
    if (timeline is not None and timeline.in_time is False
            and status.status is not Status.CERTIFICATION_CLOSED):  # said above: too late
        open_then = f"a qualification that is open on {uk_date(plan.as_at)}"
        if timeline.too_late is TooLate.HOURS:
            fix = ("The plan would not finish in time: "
                   + ("agree more hours a week with the learner" if record else
                      "ask the centre about more hours a week") + f", or {open_then}.")
        elif timeline.too_late is TooLate.NOT_OPEN_YET:
            fix = ("The start is before it opened (see Will it fit?): agree a start on or "
                   "after the day it opens.")
        else:  # the dates, not the hours: more hours would not change it
            fix = ("More hours a week would not change this (see Will it fit?): "
                   + ("talk with the learner about " if record else "ask the centre about ")
                   + f"{open_then}.")
        steps.append(Cited(fix, sources.cite(timeline.source)))
    return steps
