"""The advisor's answers as plain text, the way the command line prints them.

Each function takes the engine's result and returns the whole text, lines joined with newlines
and no newline at the end: the CLI prints it, and anything else can use the same words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from advisor.catalogue import (
    Catalogue,
    Citation,
    Framework,
    Problem,
    Statement,
)
from advisor.engine.carryover import CarryOver, carry_over
from advisor.engine.cohort import CohortResult
from advisor.engine.combination import describe_unit
from advisor.engine.combination_types import CombinationCheck
from advisor.engine.decisions import ProgressCheck, Timeline
from advisor.engine.eligibility import Eligibility, ReasonCode, Status, status_on
from advisor.engine.frameworks import FrameworkStatus
from advisor.engine.recommend_types import Recommendation
from advisor.engine.registered import from_register
from advisor.engine.wording import count, uk_date
from advisor.register import Register
from advisor.views import cohort_tables
from advisor.views.framework_words import (
    COMPONENT_HELD_WORDS,
    STANDARD_HEADING,
    component_kind,
    standard_taking_its_place,
)
from advisor.views.labels import (
    BAR_BESIDE_ACCEPTED,
    NOTHING_BEYOND_IN_PROGRESS,
    OPTION_CAUTIONS,
    awarding_bodies_of,
    awarding_body_contact,
    carried_credits,
    cite,
    completion_words,
    credits_counted,
    entry_status_said,
    framework_label,
    level_words,
    option_credit_sentences,
    other_units_words,
    plan_beyond_certification,
    status_sentence,
    unless_above_counts,
)
from advisor.views.no_route import no_route_text
from advisor.views.route_text import (
    StillNeeded,
    Tone,
    already_there_text,
    at_the_top_words,
    if_taken_words,
    may_count_too,
    opening_later_lines,
    routes_text,
    starts_explained,
    still_needed,
)

__all__ = [
    "PROBLEMS_SHOWN",
    "StillNeeded",
    "Tone",
    "already_there_text",
    "at_the_top_words",
    "carry_over_text",
    "check_text",
    "cohort_summary_text",
    "eligibility_text",
    "frameworks_text",
    "if_taken_words",
    "may_count_too",
    "no_route_text",
    "opening_later_lines",
    "progress_text",
    "recommendation_text",
    "responsibilities_text",
    "routes_text",
    "starts_explained",
    "still_needed",
    "timeline_text",
    "validation_text",
]

PROBLEMS_SHOWN = 20
"""How many of a cohort's problems the summary lists; the rest are counted."""


def _sources(catalogue: Catalogue, citations: Iterable[Citation]) -> str:
    """Citations as people read them: each document's title and date, then its sections, and
    the web page a secondary source's fact came from (the JSON gives each citation in the same
    words, with its web page and its file apart, for scripts)."""
    return cite(catalogue, citations, web_pages=True)


def validation_text(data_dir: Path | str, problems: Sequence[Problem],
                    absent: Mapping[str, str] | None = None, *,
                    documents_dirs: Sequence[Path | str] = ()) -> str:
    """``The catalogue in data is valid.``, or the count of problems and each on its line;
    then the optional files it does not have (``absent``: file name -> what it would give).
    ``documents_dirs``: the folders its citations were checked against, named when all held."""
    if not problems:
        lines = [f"The catalogue in {data_dir} is valid."]
        if documents_dirs:
            where = " or ".join(str(folder) for folder in documents_dirs)
            lines.append(f"Every document its sources.yaml lists is in {where}, and every section "
                         "it cites is in its document.")
    else:
        noun = "problem" if len(problems) == 1 else "problems"
        lines = [f"The catalogue in {data_dir} has {len(problems)} {noun}:"]
        lines += [f"  {problem}" for problem in problems]
    for name, what in (absent or {}).items():
        lines.append(f"Note: it has no {name}, so answers will find no {what} in it.")
    return "\n".join(lines)


def check_text(catalogue: Catalogue, check: CombinationCheck, *,
               as_at: dt.date | None = None, register: Register | None = None,
               up_to: str | None = None) -> str:
    """A rules-of-combination check: the qualification's status on ``as_at`` (if given),
    complete or not, credits, each rule, the smallest plan, held units that are not part of it
    and any cautions (with a ``register``, the status uses its dates where it lists ``q``).
    ``up_to``: why the plan's credits are the most still needed (:func:`may_count_too`)."""
    q = check.qualification
    lines = [f"{q.name}, {level_words(q.level)}"]
    status = status_on(catalogue, q, as_at, register=register) if as_at is not None else None
    if status is not None and as_at is not None:
        lines.append(status_sentence(catalogue, status, as_at))
        if status.source:
            lines.append(f"  (source: {_sources(catalogue, status.source)})")
    if not check.known:
        lines += [f"  ! {c}" for c in check.cautions]
        if (later := check.rules_known_later) is not None:  # the structure's dated source
            lines.append(f"  (source: {_sources(catalogue, later.source)})")
        for statement in q.rule_statements:  # what is known of them, not checkable unit by unit
            lines.append("  What the sources say about its rules:")
            lines += [f"    - {point}" for point in statement.points]
            lines.append(f"    (source: {_sources(catalogue, statement.source)})")
        given = [*check.counted_units, *check.other_units]  # said, as the page says them
        if given:
            lines.append("Not checked, as its units are not known: "
                         + "; ".join(describe_unit(catalogue, u, None) for u in given))
        return "\n".join(lines)
    state = completion_words(check, status).upper()
    lines.append(f"{state}: {credits_counted(check, 'count')}.")
    ended = status is not None and status.status is Status.CERTIFICATION_CLOSED
    hedge = "" if ended else unless_above_counts(check)  # nothing can be taken now
    lines += [f"  ! {hedge.strip()}"] if hedge else []
    for result in check.rules:
        lines.append(f"  [{'met' if result.met else 'not met'}] {result.message}")
    rules, _ = catalogue.effective_rules(q)
    if rules is not None and rules.source:
        lines.append(f"  (rules of combination: {_sources(catalogue, rules.source)})")
    if check.accepted:
        lines.append("Accepted by the centre (recognition of prior learning):")
        lines += [f"  * {describe_unit(catalogue, a.urn, rules)}"
                  + (f" (evidence: {a.note})" if a.note else "") for a in check.accepted]
    if check.in_progress:
        lines.append("In progress (not counted yet):")
        lines += [f"  ~ {describe_unit(catalogue, u, rules)}" for u in check.in_progress]
    if check.plan is None:
        if check.no_plan_reason:
            lines.append(check.no_plan_reason)
    elif not check.complete and not check.plan.units:  # the units in progress complete it
        if not ended:  # with certificates ended, nothing completes it (the state says so)
            lines.append(NOTHING_BEYOND_IN_PROGRESS)
    elif check.plan.units:
        extra = f"{'up to ' if up_to else ''}{check.plan.additional_credits} more credits"
        if check.plan.additional_glh is not None:
            extra += f"{' and ' if up_to else ', '}{check.plan.additional_glh} guided learning " \
                "hours"
        beyond = " beyond the units in progress" if check.in_progress else ""
        caution = plan_beyond_certification(catalogue, q, status) if status else None
        lines += [f"  ! {caution}"] if caution else []
        lines.append(f"Smallest completion plan{beyond} ({extra})"
                     + (f": {up_to}:" if up_to else ":"))
        lines += [f"  + {describe_unit(catalogue, u.urn, rules)}" for u in check.plan.units]
        if check.plan.note:
            lines.append(f"  ({check.plan.note})")
    if check.other_units:
        lines.append(other_units_words(catalogue, check))
        # A unit held under another URN with the title of one of its units: for the centre to
        # accept, as the app offers.
        for similar in carry_over(catalogue, q, units=list(check.other_units)).similar:
            counterpart = describe_unit(catalogue, similar.target, rules, with_credits=False)
            lines.append(f"  ~ {similar.urn} has the same title as {counterpart}: the centre may "
                         f"accept it for that unit (--accepted {similar.target})"
                         + (f". {similar.difference}" if similar.difference else ""))
    lines += [f"  ! {c}" for c in check.cautions]
    return "\n".join(lines)


def timeline_text(catalogue: Catalogue, timeline: Timeline) -> str:
    """Whether the plan fits before certification closes, with the dates' source."""
    line = f"Timeline: {timeline.reason}"
    if timeline.source:
        line += f" (source: {_sources(catalogue, timeline.source)})"
    return line


def progress_text(catalogue: Catalogue, result: ProgressCheck, *,
                  as_at: dt.date | None = None, register: Register | None = None) -> str:
    """A check with the centre's decisions: today, any documented bar beside the units
    accepted, where the learner stands when the units in progress are done, and the
    timeline."""
    lines = [check_text(catalogue, result.today, as_at=as_at, register=register)]
    lines += [f"  ! {BAR_BESIDE_ACCEPTED}: {bar.statement} "
              f"(source: {_sources(catalogue, bar.source)})" for bar in result.bars]
    done = result.when_done
    if done is not None:
        status = (status_on(catalogue, done.qualification, as_at, register=register)
                  if as_at is not None else None)
        state = completion_words(done, status).upper()
        lines += ["", f"When the units in progress are achieved: {state}, "
                      f"{credits_counted(done, 'count')}."]
        rules, _ = catalogue.effective_rules(done.qualification)
        if not done.complete and done.plan is not None and done.plan.units:
            lines.append(f"Still needed beyond them ({done.plan.additional_credits} more "
                         "credits):")
            lines += [f"  + {describe_unit(catalogue, u.urn, rules)}" for u in done.plan.units]
        lines += [f"  [not met] {r.message}" for r in done.unmet]
    if result.timeline is not None:
        lines += ["", timeline_text(catalogue, result.timeline)]
    return "\n".join(lines)


def carry_over_text(catalogue: Catalogue, result: CarryOver, *,
                    as_at: dt.date | None = None) -> str:
    """What transfers to the target, what might, what is only similar and what cannot, then
    the check of what remains (with the target's status on ``as_at``, if given)."""
    rules, _ = catalogue.effective_rules(result.target)
    lines = [f"Carry-over to {result.target.name}:"]
    if result.transfers:
        lines.append(f"Transfers (same unit reference), {carried_credits(result)}:")
        lines += [f"  = {describe_unit(catalogue, u, rules)}" for u in result.transfers]
    elif rules is None:
        lines.append("Whether any unit transfers is not known: the sources do not list its "
                     "units.")
    elif result.held_may_count and result.held_units_known:
        lines.append("No unit among those the sources list has the same reference number; "
                     "they list only some of its units, so a unit held may still count.")
    elif result.held_units_known:
        lines.append("No unit transfers (no unit with the same reference number).")
    if not result.held_units_known and rules is not None and result.from_qualification:
        lines.append(f"Whether any unit of {result.from_qualification.name} transfers is not "
                     "known (see the note below).")
    if result.possible:
        lines.append("Would also transfer, if taken as an optional unit:")
        lines += [f"  ? {describe_unit(catalogue, u, rules)}" for u in result.possible]
    if result.possible_similar:
        lines.append("Similar, if taken as an optional unit (for the centre to judge):")
        lines += [f"  ~? {describe_unit(catalogue, item.urn)} is like "
                  f"{describe_unit(catalogue, item.target, rules)}"
                  for item in result.possible_similar]
    if result.possible or result.possible_similar:
        lines.append("If the learner took any of these optional units too, give them with "
                     "--units (beside any given already) to count them.")
    for item in result.similar:
        lines.append(f"  ~ similar, for the centre to judge: {describe_unit(catalogue, item.urn)}"
                     f" is like {describe_unit(catalogue, item.target, rules)}"
                     + (f". {item.difference}" if item.difference else ""))
    # "x" for a unit that does not count; "?" for one that may, the target's list being partial.
    lines += [f"  {'?' if not result.target_units_known and not item.source else 'x'} "
              f"{describe_unit(catalogue, item.urn, with_credits=False)}: {item.reason}"
              + (f" (source: {_sources(catalogue, item.source)})" if item.source else "")
              for item in result.not_transferable]
    lines += [f"  note: {note.statement}"
              + (f" (source: {_sources(catalogue, note.source)})" if note.source else "")
              for note in result.notes]
    if result.accepted:
        lines.append("Accepted by the centre (recognition of prior learning), counted below:")
        lines += [f"  * {describe_unit(catalogue, a.urn, rules)}"
                  + (f" (evidence: {a.note})" if a.note else "") for a in result.accepted]
        lines += [f"  ! {BAR_BESIDE_ACCEPTED}: {bar.statement} "
                  f"(source: {_sources(catalogue, bar.source)})" for bar in result.bars]
    lines.append("")
    lines.append(check_text(catalogue, result.remaining, as_at=as_at,
                            up_to=may_count_too(result) if result.held_may_count else None))
    return "\n".join(lines)


def eligibility_text(catalogue: Catalogue, result: Eligibility) -> str:
    """The answer on its date, then every reason with its source: marked ``!`` where it keeps
    this learner out or is something to check before starting, ``-`` otherwise (the JSON
    gives each reason's code, for scripts)."""
    lines = [f"{result.qualification.name} on {uk_date(result.as_at)}: {result.summary}"]
    for reason in result.reasons:
        mark = ("!" if reason in result.not_for_this_learner or reason.code in OPTION_CAUTIONS
                else "-")
        lines.append(f"  {mark} {reason.message}")
        if reason.source:
            lines.append(f"    (source: {_sources(catalogue, reason.source)})")
    return "\n".join(lines)


def responsibilities_text(catalogue: Catalogue, statement: Statement | None) -> str:
    """The documents' descriptions of a Level 3 learner, for ``--responsibility``."""
    if statement is None:
        return "The catalogue has no Level 3 suitability statements."
    lines = ["Descriptions of a Level 3 learner (give any that fit with --responsibility):"]
    lines += [f"  - {point}" for point in statement.points]
    lines.append("Source: " + _sources(catalogue, statement.source))
    return "\n".join(lines)


def recommendation_text(catalogue: Catalogue, result: Recommendation) -> str:
    """The suggested starting level and why, the qualifications at it with their status on
    the date, the cautions and the next steps the documents name."""
    if result.recommended_level is None:
        lines = ["No level can be suggested yet."]
    else:
        lines = [f"Suggested starting level: Level {result.recommended_level}"]
    if result.reasons:
        lines.append("Why:")
        for finding in result.reasons:
            lines.append(f"  - {finding.message}")
            if finding.source:
                lines.append(f"    (source: {_sources(catalogue, finding.source)})")
    if result.options:
        lines.append(f"Qualifications at Level {result.recommended_level} on "
                     f"{uk_date(result.as_at)}:")
        for option in result.options:
            q = option.qualification
            line = f"  {q.reference}  {q.title}: {entry_status_said(option.eligibility)}"
            if option.eligibility.status.replaced_by:  # and what replaced it, as the page
                line += "".join(f" {r.message}" for r in option.eligibility.reasons
                                if r.code is ReasonCode.REPLACED)
            if from_register(q):
                line += " [from the Ofqual register: its rules of combination are not known]"
            if option.aim_note:
                line += f" {option.aim_note}"
            line += "".join(f" {s}" for s in option_credit_sentences(option, holds="held"))
            lines.append(line)
            if not option.eligibility.status.status.closed:  # what to know before starting
                lines += [f"      ! {r.message}" for r in option.eligibility.reasons
                          if r.code in OPTION_CAUTIONS and r.message not in line]
    if result.roles_at_level:  # as the page gives them under the qualifications
        lines.append("Examples of jobs at this level: "
                     + ", ".join(r.title for r in result.roles_at_level) + ".")
    if result.cautions:
        lines.append("Take care:")
        for finding in result.cautions:  # each with its source, as the reasons
            lines.append(f"  ! {finding.message}")
            if finding.source:
                lines.append(f"    (source: {_sources(catalogue, finding.source)})")
    if result.frameworks:
        lines.append(f"Apprenticeship frameworks at Level {result.recommended_level}:")
        lines += ["  " + line for line in frameworks_text(
            catalogue, result.frameworks, as_at=result.as_at).splitlines()]
    wanted = result.job_wanted
    if wanted is not None:
        lines.append(f"The job wanted ({wanted.match.text}):")
        for finding in ((wanted.not_listed,) if wanted.not_listed is not None else
                        (f for role in wanted.roles for f in role.findings)):
            lines.append(f"  - {finding.message}")
            if finding.source:
                lines.append(f"    (source: {_sources(catalogue, finding.source)})")
    if result.next_steps:
        lines.append("What to do next:")
        lines += [f"  - {step.message}"
                  + (f" ({_sources(catalogue, step.source)})" if step.source else "")
                  for step in result.next_steps]
    # Told to ask an awarding body: how to reach each, as the page says after the steps.
    lines += [f"To reach the awarding body: {awarding_body_contact(body)} "
              f"(source: {_sources(catalogue, body.source)})"
              for body in awarding_bodies_of(catalogue, (o.qualification for o in result.options))]
    return "\n".join(lines)


def cohort_summary_text(result: CohortResult, *, learners_file: Path | str,
                        output: Path | str, problems_file: Path | str | None = None) -> str:
    """What a cohort run read and wrote, its problems (the first :data:`PROBLEMS_SHOWN`),
    the learners per recommended level and, per target, how many are complete or can enrol."""
    lines = [
        f"Read {result.rows_read:,} learner row{'' if result.rows_read == 1 else 's'} "
        f"from {learners_file}: "
        f"{result.assessed:,} assessed, {result.not_assessed:,} not assessed (as at "
        f"{uk_date(result.as_at)}).",
        f"Results written to {output}"
        + (f", problems to {problems_file}." if problems_file else "."),
    ]
    for note in (cohort_tables.repeated_references_note(result),
                 cohort_tables.rows_read_as_one_note(result)):
        if note:
            lines.insert(1, note)
    if result.problems:
        noun = "problem" if len(result.problems) == 1 else "problems"
        lines.append(f"{len(result.problems):,} {noun}:")
        lines += [f"  {problem}" for problem in result.problems[:PROBLEMS_SHOWN]]
        if len(result.problems) > PROBLEMS_SHOWN:
            lines.append(f"  ... and {len(result.problems) - PROBLEMS_SHOWN} more"
                         + ("" if problems_file else ": list them all with --problems FILE"))
    levels = cohort_tables.learners_per_level(result)
    if len(levels):
        lines.append("Recommended levels: " + "; ".join(
            f"{row.recommended_level}: {row.learners}" for row in levels.itertuples()))
    for target in cohort_tables.completion_by_target(result).to_dict("records"):
        learners = count(target["learners"], "learner")
        met_after = target["rules_met_certificates_ended"]
        short_after = target["not_complete_certificates_ended"]
        ended = (f", {met_after} meeting its rules after its certificates ended" if met_after
                 else "") + (f", {short_after} short of its rules with its certificates ended"
                             if short_after else "")
        unknown_rules = (f", {target['rules_not_known']} whose units cannot be checked (its "
                         "rules are not known)" if target["rules_not_known"] else "")
        unknown = (f"; whether {target['eligibility_unknown']} can is not known"
                   if target["eligibility_unknown"] else "") + (
            f"; {target['registered']} already registered" if target["registered"] else "")
        lines.append(f"Target {target['target']}: {learners}, {target['complete']} complete "
                     f"already{ended}{unknown_rules}, {target['eligible']} can enrol on the "
                     f"date{unknown}.")
    return "\n".join(lines)


def frameworks_text(catalogue: Catalogue, frameworks: Sequence[FrameworkStatus], *,
                    as_at: dt.date,
                    today: Mapping[int, tuple[str, tuple[Citation, ...]]] | None = None,
                    held: Sequence[str] | None = None,
                    not_yet_issued: Sequence[Framework] = ()) -> str:
    """Each apprenticeship framework: every component held, missing, or to check with the
    centre, with its qualifications' status on the date. Before a level's frameworks, where
    apprenticeships at that level stand ``today`` (see ``today_by_level``); after them, the
    frameworks left out as ``not_yet_issued`` on the date; with ``held`` empty, how to say
    what a learner holds."""
    left_out = "; ".join(f"{framework_label(catalogue, f)}, issued on {uk_date(f.issued)}"
                         for f in not_yet_issued if f.issued is not None)
    if not frameworks:
        if left_out:
            return (f"None of the apprenticeship frameworks in these documents had been issued "
                    f"on {uk_date(as_at)}: {left_out}. Ask a training provider which "
                    "apprenticeships they offer.")
        return ("This catalogue has no apprenticeship frameworks (its folder has no "
                "frameworks.yaml): ask a training provider which apprenticeships they offer.")
    lines: list[str] = []
    levels_said: set[int] = set()
    for status in frameworks:
        framework = status.framework
        if today and framework.level in today and framework.level not in levels_said:
            levels_said.add(framework.level)
            said, source = today[framework.level]
            lines.append(f"Apprenticeships at Level {framework.level}: {said}"
                         + (f" (source: {_sources(catalogue, source)})" if source else ""))
        lines.append(framework_label(catalogue, framework))
        if framework.succeeded_by is not None:
            lines.append(f"  {STANDARD_HEADING}: {standard_taking_its_place(framework)}")
        lines += [f"  ! {status.superseded}"] if status.superseded else []
        for component in status.components:
            lines.append(f"  [{COMPONENT_HELD_WORDS[component.held]}] "
                         f"{component_kind(component.component.kind)}: {component.message}")
            lines += [f"      {catalogue.qualifications[q].reference}: "
                      + status_sentence(catalogue, on_date, as_at)
                      for q, on_date in component.statuses]
        lines += [f"  ! {caution}" for caution in status.cautions]
    if left_out:
        lines.append(f"Not listed, as not yet issued on {uk_date(as_at)}: {left_out}.")
    if held is not None and not held and frameworks:
        lines.append("Name the qualifications a learner holds with --has (for example --has "
                     "09628) to see which parts of each framework they already have.")
    return "\n".join(lines)
