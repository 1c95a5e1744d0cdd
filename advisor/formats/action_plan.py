"""The printable action plan: one self-contained HTML page a learner takes home.

The page holds the learner's answers, the suggested level with its reasons and cautions, the
chosen route with what carries over at each step and what is still needed, next steps, and every
source the answers rest on, dated. It has no scripts, no external fonts or images, and prints
cleanly on A4. Every piece of text is HTML-escaped, whatever its origin: a qualification title,
a unit title or a learner's note holding ``<script>`` shows as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape

from advisor.catalogue import Catalogue
from advisor.catalogue.models import Citation
from advisor.engine.carryover import CarryOver
from advisor.engine.combination import CombinationCheck, describe_unit
from advisor.engine.recommend import Finding, Recommendation
from advisor.engine.routes import Route, StepKind

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; color: #111; max-width: 48rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #333; padding-bottom: 0.2rem;
     margin-top: 1.6rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left;
         vertical-align: top; }
th { background: #eee; }
.source { color: #444; font-size: 0.85rem; }
.caution { border-left: 4px solid #b35c00; padding-left: 0.6rem; }
.meta { color: #444; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, li { break-inside: avoid; }
  @page { size: A4; margin: 15mm; }
}
"""


@dataclass(frozen=True, kw_only=True)
class ActionPlan:
    """Everything the printable plan shows; any part may be missing."""

    as_at: dt.date
    answers: Mapping[str, str] = field(default_factory=dict)  # question -> the learner's answer
    notes: str = ""  # the adviser's or learner's own notes
    recommendation: Recommendation | None = None
    route: Route | None = None
    carry_over: CarryOver | None = None
    check: CombinationCheck | None = None
    created: dt.date | None = None  # the day the plan was made (default: today)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


class _Sources:
    """Collects the citations used, numbering them in order of first use."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, citations: Iterable[Citation]) -> str:
        marks = []
        for citation in citations:
            label = citation.label()
            number = self.numbers.setdefault(label, len(self.numbers) + 1)
            marks.append(f"[{number}]")
        return f' <span class="source">{" ".join(dict.fromkeys(marks))}</span>' if marks else ""


def action_plan_html(catalogue: Catalogue, plan: ActionPlan) -> str:
    """The plan as one HTML document (a string), safe to open and print."""
    sources = _Sources()
    created = plan.created or dt.date.today()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Customer Service qualifications: action plan</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Your Customer Service qualifications action plan</h1>",
        f'<p class="meta">Made on {created:%d %B %Y}. Qualification dates are checked as at '
        f"{plan.as_at:%d %B %Y}. Answers come from the awarding bodies' documents listed at the "
        "end; check dates with the awarding body or centre before enrolling.</p>",
    ]
    if plan.answers:
        parts.append("<h2>What you told us</h2><table>")
        parts += [f"<tr><th scope=\"row\">{_e(k)}</th><td>{_e(v)}</td></tr>"
                  for k, v in plan.answers.items()]
        parts.append("</table>")
    if plan.recommendation is not None:
        parts += _recommendation(plan.recommendation, sources)
    if plan.route is not None:
        parts += _route(catalogue, plan.route, sources)
    if plan.carry_over is not None:
        parts += _carry_over(catalogue, plan.carry_over, sources)
    if plan.check is not None:
        parts += _check(catalogue, plan.check, sources, heading="Where you are now")
    parts += _next_steps(catalogue, plan)
    if plan.notes.strip():
        parts.append("<h2>Notes</h2>")
        parts += [f"<p>{_e(line)}</p>" for line in plan.notes.strip().splitlines() if line]
    parts.append("<h2>Sources</h2><ol>")
    for label in sources.numbers:
        document = catalogue.documents.get(label.split(" § ", 1)[0])
        title = f" ({_e(document.title)}, {_e(document.publisher)})" if document else ""
        parts.append(f"<li>{_e(label)}{title}</li>")
    parts.append("</ol>")
    if not sources.numbers:
        parts.append("<p>No sources were needed for this plan.</p>")
    parts.append("<p class=\"meta\">Made with the Customer Service qualifications advisor. "
                 "Nothing about you was stored: this page is your only copy.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _findings(title: str, findings: Iterable[Finding], sources: _Sources,
              css: str = "") -> list[str]:
    items = [f"<li{css}>{_e(f.message)}{sources.cite(f.source)}</li>" for f in findings]
    return [f"<h3>{_e(title)}</h3><ul>", *items, "</ul>"] if items else []


def _recommendation(result: Recommendation, sources: _Sources) -> list[str]:
    parts = ["<h2>Suggested starting level</h2>"]
    if result.recommended_level is None:
        parts.append("<p>No level could be suggested from the answers given.</p>")
    else:
        parts.append(f"<p><strong>Level {result.recommended_level}</strong></p>")
    parts += _findings("Why", result.reasons, sources)
    parts += _findings("Take care", result.cautions, sources, ' class="caution"')
    if result.options:
        parts.append(f"<h3>Qualifications at Level {result.recommended_level}</h3>")
        parts.append("<table><tr><th scope=\"col\">Qualification</th>"
                     "<th scope=\"col\">Status on the date</th>"
                     "<th scope=\"col\">Fits what you want</th></tr>")
        for option in result.options:
            fits = {True: "Yes", False: "No", None: "Not known"}[option.fits_aim]
            if result.profile.aim is None:
                fits = "No aim given"
            status = _e(option.eligibility.summary)
            status += "".join(
                f"<br>{_e(r.message)}{sources.cite(r.source)}" for r in option.eligibility.reasons
                if r.code.value in {"closed-to-entry", "replaced", "dates-unknown",
                                    "age-not-approved", "role-not-met"}
            )
            parts.append(f"<tr><td>{_e(option.qualification.name)}</td><td>{status}</td>"
                         f"<td>{_e(fits)}</td></tr>")
        parts.append("</table>")
    return parts


_STEP_KIND = {
    StepKind.STATED: "a progression the documents state",
    StepKind.INFERRED: "a likely next step the documents do not state outright",
    StepKind.SHARED_UNITS: "not a stated progression: the two share units",
    StepKind.START: "a place to start",
}


def _route(catalogue: Catalogue, route: Route, sources: _Sources) -> list[str]:
    names = " &rarr; ".join(_e(q.name) for q in route.path)
    parts = ["<h2>Your route</h2>", f"<p>{names}</p>"]
    for number, step in enumerate(route.steps, start=1):
        parts.append(f"<h3>Step {number}: {_e(step.to.name)}</h3>")
        parts.append(f"<p>{_e(step.statement)} ({_e(_STEP_KIND[step.kind])})"
                     f"{sources.cite(step.source)}</p>")
        parts += _carry_over(catalogue, step.carry_over, sources, heading=None)
    return parts


def _unit_list(catalogue: Catalogue, urns: Iterable[str], rules) -> str:
    items = [f"<li>{_e(describe_unit(catalogue, urn, rules))}</li>" for urn in urns]
    return "<ul>" + "".join(items) + "</ul>" if items else ""


def _carry_over(catalogue: Catalogue, result: CarryOver, sources: _Sources,
                heading: str | None = "What carries over") -> list[str]:
    rules, _ = catalogue.effective_rules(result.target)
    parts = [f"<h2>{_e(heading)}: {_e(result.target.name)}</h2>"] if heading else []
    if result.transfers:
        parts.append(f"<p>Units you hold that count ({result.credits_transferred} credits):</p>")
        parts.append(_unit_list(catalogue, result.transfers, rules))
    else:
        parts.append("<p>No unit you hold counts towards it yet.</p>")
    if result.similar:
        parts.append("<p>Units like ones you hold, for the centre to judge (they do not count "
                     "automatically):</p><ul>")
        parts += [f"<li>{_e(describe_unit(catalogue, s.urn))} is like "
                  f"{_e(describe_unit(catalogue, s.target, rules))}</li>" for s in result.similar]
        parts.append("</ul>")
    barred = [n for n in result.not_transferable if n.source]
    absent = len(result.not_transferable) - len(barred)
    if barred or result.notes:
        parts.append("<ul>")
        parts += [f'<li class="caution">{_e(n.urn)}: {_e(n.reason)}{sources.cite(n.source)}</li>'
                  for n in barred]
        parts += [f"<li>{_e(n.statement)}{sources.cite(n.source)}</li>" for n in result.notes]
        parts.append("</ul>")
    if absent:
        noun = "unit" if absent == 1 else "units"
        parts.append(f"<p>{absent} {noun} you hold {'is' if absent == 1 else 'are'} not part of "
                     "it.</p>")
    parts += _check(catalogue, result.remaining, sources, heading=None)
    return parts


def _check(catalogue: Catalogue, check: CombinationCheck, sources: _Sources,
           heading: str | None) -> list[str]:
    rules, _ = catalogue.effective_rules(check.qualification)
    parts = [f"<h2>{_e(heading)}: {_e(check.qualification.name)}</h2>"] if heading else []
    if not check.known:
        parts.append("<p>The sources do not give this qualification's full rules, so what is "
                     "still needed cannot be worked out here; ask the centre.</p>")
        return parts
    if check.complete:
        parts.append(f"<p>Complete: {check.credits_counted} of {check.credits_required} "
                     "credits.</p>")
        return parts
    parts.append(f"<p>{check.credits_counted} of {check.credits_required} credits count so "
                 "far.</p>")
    if check.plan is None:
        parts.append("<p>No combination of further units can complete it.</p>")
    else:
        hours = (f", about {check.plan.additional_glh} guided learning hours"
                 if check.plan.additional_glh is not None else "")
        parts.append(f"<p>Still needed: {check.plan.additional_credits} credits{hours}, for "
                     "example:</p>")
        parts.append(_unit_list(catalogue, (u.urn for u in check.plan.units), rules))
    return parts


def _next_steps(catalogue: Catalogue, plan: ActionPlan) -> list[str]:
    steps: list[str] = []
    result = plan.recommendation
    if result is not None and result.options:
        open_now = [o for o in result.options if o.open]
        unsure = [o for o in result.options if o.open is None]
        if open_now:
            steps.append("Ask a centre about " + ", ".join(o.qualification.name
                                                            for o in open_now[:3]) + ".")
        elif unsure:
            steps.append("Ask a centre or the awarding body whether these are still open: "
                         + ", ".join(o.qualification.name for o in unsure[:3]) + ".")
        else:
            steps.append("Every qualification at this level had closed to new learners; ask a "
                         "centre what has replaced it.")
    if plan.route is not None and plan.route.steps:
        steps.append(f"First step on your route: {plan.route.steps[0].to.name}.")
    if (plan.carry_over and plan.carry_over.similar) or (
        plan.route and any(s.carry_over.similar for s in plan.route.steps)
    ):
        steps.append("Take your certificates to the centre so they can judge the similar units.")
    steps.append("Keep this page: nothing about you is stored by the advisor.")
    return ["<h2>Next steps</h2><ol>", *(f"<li>{_e(s)}</li>" for s in steps), "</ol>"]
