"""The ``advisor`` command line: the app's twin, for centre staff who script their work.

Every command prints readable text, or JSON with ``--json``. Exit codes: 0 done, 1 the catalogue
or the input has problems, 2 a command-line mistake (such as an unknown qualification).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisor import (
    Aim,
    Catalogue,
    CatalogueError,
    CombinationCheck,
    Employment,
    Objective,
    Profile,
    RouteError,
    UnknownReference,
    already_reached,
    answers,
    assess_cohort,
    carry_over,
    check_combination,
    check_eligibility,
    cohort_tables,
    default_data_dir,
    describe_unit,
    find_routes,
    json_shapes,
    level_3_statements,
    load_catalogue,
    recommend,
    resolve_units,
    to_csv_bytes,
    to_excel_bytes,
    uk_date,
    validate_catalogue,
)
from advisor.formats import cohort_file

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def _command_validate(args: argparse.Namespace) -> int:
    args.data_dir = args.data_dir or default_data_dir()
    problems = validate_catalogue(args.data_dir)
    if args.json:
        _print_json({"valid": not problems, "problems": [p.as_dict() for p in problems]})
    elif problems:
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"The catalogue in {args.data_dir} has {len(problems)} {noun}:")
        for problem in problems:
            print(f"  {problem}")
    else:
        print(f"The catalogue in {args.data_dir} is valid.")
    return EXIT_PROBLEMS if problems else EXIT_OK


class UsageError(Exception):
    """A mistake on the command line: reported in one line, exit code 2."""


def _load(args: argparse.Namespace) -> Catalogue:
    return load_catalogue(args.data_dir)


def _units_argument(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _format_check(catalogue: Catalogue, check: CombinationCheck) -> str:
    q = check.qualification
    lines = [f"{q.title} ({q.code or q.regulator_number or q.id}), Level {q.level or '?'}"]
    if not check.known:
        lines += [f"  ! {c}" for c in check.cautions]
        return "\n".join(lines)
    state = "COMPLETE" if check.complete else "NOT COMPLETE"
    lines.append(f"{state}: {check.credits_counted} of {check.credits_required} credits count.")
    for result in check.rules:
        lines.append(f"  [{'met' if result.met else 'not met'}] {result.message}")
    rules, _ = catalogue.effective_rules(q)
    if check.plan is None:
        lines.append("No combination of further units can complete it.")
    elif check.plan.units:
        extra = f"{check.plan.additional_credits} more credits"
        if check.plan.additional_glh is not None:
            extra += f", {check.plan.additional_glh} guided learning hours"
        lines.append(f"Smallest completion plan ({extra}):")
        lines += [f"  + {describe_unit(catalogue, u.urn, rules)}" for u in check.plan.units]
        if check.plan.note:
            lines.append(f"  ({check.plan.note})")
    if check.other_units:
        lines.append("Held units that are not part of it: " + ", ".join(check.other_units))
    lines += [f"  ! {c}" for c in check.cautions]
    return "\n".join(lines)


def _command_check(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    qualification = catalogue.find_qualification(args.qualification)
    held = resolve_units(catalogue, _units_argument(args.units), qualification)
    check = check_combination(catalogue, qualification, held, objective=args.objective)
    if args.json:
        _print_json(json_shapes.check_dict(catalogue, check))
    else:
        print(_format_check(catalogue, check))
    return EXIT_OK


def _command_carry_over(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    target = catalogue.find_qualification(args.to)
    source = catalogue.find_qualification(args.from_) if args.from_ else None
    if source is None and not args.units:
        raise UsageError("give --from QUAL or --units U,U,... (or both)")
    held = resolve_units(catalogue, _units_argument(args.units), source)
    result = carry_over(catalogue, target, from_qualification=source, units=held,
                        objective=args.objective)
    if args.json:
        _print_json(json_shapes.carry_over_dict(catalogue, result))
        return EXIT_OK
    rules, _ = catalogue.effective_rules(target)
    lines = [f"Carry-over to {target.title}:"]
    if result.transfers:
        lines.append(f"Transfers ({result.credits_transferred} credits, same unit reference):")
        lines += [f"  = {describe_unit(catalogue, u, rules)}" for u in result.transfers]
    else:
        lines.append("No unit transfers (no unit with the same reference number).")
    if result.possible:
        lines.append("Would also transfer, if taken as an optional unit:")
        lines += [f"  ? {describe_unit(catalogue, u, rules)}" for u in result.possible]
    for item in result.similar:
        lines.append(f"  ~ similar, for the centre to judge: {describe_unit(catalogue, item.urn)}"
                     f" is like {describe_unit(catalogue, item.target, rules)}")
    for item in result.not_transferable:
        lines.append(f"  x {item.urn}: {item.reason}")
    for note in result.notes:
        lines.append(f"  note: {note.statement}")
    lines.append("")
    lines.append(_format_check(catalogue, result.remaining))
    print("\n".join(lines))
    return EXIT_OK


def _command_eligibility(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    qualification = catalogue.find_qualification(args.qualification)
    result = check_eligibility(catalogue, qualification, age=args.age, as_at=args.as_at,
                               senior_role=args.senior_role)
    if args.json:
        _print_json(json_shapes.eligibility_dict(result))
        return EXIT_OK
    print(f"{qualification.title} on {uk_date(result.as_at)}: {result.summary}")
    for reason in result.reasons:
        print(f"  [{reason.code.value}] {reason.message}")
    return EXIT_OK


def _command_recommend(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    if args.list_responsibilities:
        statement = level_3_statements(catalogue)
        if statement is None:
            print("The catalogue has no Level 3 suitability statements.")
            return EXIT_OK
        print("Descriptions of a Level 3 learner (give any that fit with --responsibility):")
        for point in statement.points:
            print(f"  - {point}")
        print("Source: " + "; ".join(c.label() for c in statement.source))
        return EXIT_OK
    held = [catalogue.find_qualification(ref) for ref in _units_argument(args.has)]
    within = held[0] if len(held) == 1 else None
    units = resolve_units(catalogue, _units_argument(args.units), within)
    profile = Profile(
        age=args.age, employment=args.employment, role=args.role,
        responsibilities=tuple(args.responsibility or ()), senior_role=args.senior_role,
        held_qualifications=tuple(q.id for q in held), held_units=tuple(units), aim=args.aim,
    )
    try:
        result = recommend(catalogue, profile, as_at=args.as_at)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.json:
        _print_json(json_shapes.recommendation_dict(catalogue, result))
        return EXIT_OK
    if result.recommended_level is None:
        print("No level can be suggested yet.")
    else:
        print(f"Suggested starting level: Level {result.recommended_level}")
    if result.reasons:
        print("Why:")
        for finding in result.reasons:
            print(f"  - {finding.message}")
            if finding.source:
                print(f"    (source: {'; '.join(c.label() for c in finding.source)})")
    if result.options:
        print(f"Qualifications at Level {result.recommended_level} on {uk_date(result.as_at)}:")
        for option in result.options:
            q = option.qualification
            label = q.code or q.regulator_number or q.id
            line = f"  {label}  {q.title}: {option.eligibility.summary}"
            if option.aim_note:
                line += f" {option.aim_note}"
            if option.check is not None and option.check.credits_counted:
                line += (f" Units held count for {option.check.credits_counted} of "
                         f"{option.check.credits_required} credits.")
            print(line)
    if result.cautions:
        print("Take care:")
        for finding in result.cautions:
            print(f"  ! {finding.message}")
    for step in result.next_steps:
        print(f"Next step named in the documents: {step.statement}")
    return EXIT_OK


def _command_routes(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    source = catalogue.find_qualification(args.from_) if args.from_ else None
    target = catalogue.find_qualification(args.to) if args.to else None
    if target is None and args.to_level is None:
        raise UsageError("give a target: --to QUAL or --to-level N")
    if target is not None and args.to_level is not None:
        raise UsageError("give --to or --to-level, not both")
    held = resolve_units(catalogue, _units_argument(args.units), source)
    there = already_reached(source, to_qualification=target, to_level=args.to_level)
    try:
        found = find_routes(
            catalogue, from_qualification=source, units=held,
            to_qualification=target, to_level=args.to_level, max_steps=args.max_steps,
            include_inferred=not args.documented_only,
            include_shared_units=not args.documented_only, objective=args.objective,
        )
        routes = list(itertools.islice(found, args.limit))
    except RouteError as error:
        raise UsageError(str(error)) from None
    if args.json:
        _print_json({
            "from": json_shapes.qualification_dict(source) if source else None,
            "units": held,
            "to": json_shapes.qualification_dict(target) if target else None,
            "to_level": args.to_level,
            "already_there": there,
            "routes": [json_shapes.route_dict(catalogue, r) for r in routes],
        })
        return EXIT_OK
    goal = f"{target.title}" if target else f"Level {args.to_level}"
    if there:
        print(f"Already there: {source.title if source else 'the start'} reaches {goal}.")
        return EXIT_OK
    if not routes:
        print(f"No route to {goal} was found within {args.max_steps} steps.")
        return EXIT_OK
    for number, route in enumerate(routes, start=1):
        trust = "documented" if route.documented else "includes steps the documents do not state"
        credits = (f"{route.additional_credits} more credits" if route.additional_credits
                   is not None else "credits needed not fully known")
        names = " -> ".join(q.code or q.regulator_number or q.id for q in route.path)
        print(f"Route {number}: {names} ({trust}; {credits})")
        for step in route.steps:
            rules, _ = catalogue.effective_rules(step.to)
            print(f"  to {step.to.title} [{step.kind.value}]: {step.statement}")
            carried = step.carry_over
            if carried.transfers:
                print(f"    carries over {carried.credits_transferred} credits: "
                      + ", ".join(carried.transfers))
            for item in carried.similar:
                print(f"    similar, for the centre to judge: {item.urn} ~ {item.target}")
            for note in carried.notes:
                print(f"    note: {note.statement}")
            if step.additional_credits is None:
                print("    still needed: not known (the sources do not give its full rules)")
            else:
                print(f"    still needed: {step.additional_credits} credits")
                for urn in step.plan_units:
                    print(f"      + {describe_unit(catalogue, urn, rules)}")
    return EXIT_OK


def _command_cohort(args: argparse.Namespace) -> int:
    def output_format(path: Path | None, option: str) -> str | None:
        if path is None:
            return None
        suffix = path.suffix.lower()
        if suffix not in {".csv", ".xlsx"}:
            raise UsageError(f"{option} {path}: give a file name ending .csv or .xlsx")
        return suffix

    template_format = output_format(args.template, "--template")
    out_format = output_format(args.output, "-o")
    problems_format = output_format(args.problems, "--problems")
    if args.template is not None:
        if template_format == ".xlsx":
            template = cohort_file.template_excel_bytes()
            explained = "its 'guide' sheet explains each column"
        else:
            template = cohort_file.template_csv_bytes()
            explained = "the columns are explained below"
        try:
            args.template.write_bytes(template)
        except OSError as error:
            print(f"advisor: cannot write {args.template}: {error.strerror or error}",
                  file=sys.stderr)
            return EXIT_PROBLEMS
        stream = sys.stderr if args.json else sys.stdout  # keep --json output pure JSON
        print(f"Wrote the learners template to {args.template} ({explained}).", file=stream)
        if template_format == ".csv":
            print(cohort_file.template_guide_text(), end="", file=stream)
        if args.learners is None:
            return EXIT_OK
    if args.learners is None:
        raise UsageError("give the learners file (CSV or .xlsx), or --template FILE")
    if args.output is None:
        raise UsageError("give -o OUT.csv or -o OUT.xlsx for the results")
    if args.output.resolve() == args.learners.resolve():
        raise UsageError(f"-o {args.output} would overwrite the learners file")

    catalogue = _load(args)
    try:
        with args.learners.open("rb") as handle:
            data = handle.read(cohort_file.MAX_BYTES + 1)  # the limit is checked by read_cohort
    except OSError as error:
        print(f"advisor: cannot read {args.learners}: {error.strerror or error}", file=sys.stderr)
        return EXIT_PROBLEMS
    learners = cohort_file.read_cohort(data, args.learners.name)
    if not learners.readable:
        if args.json:
            _print_json({"file": str(args.learners), "readable": False,
                         "problems": [p.as_dict() for p in learners.problems]})
        for problem in learners.problems:
            print(f"advisor: {args.learners}: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS

    progress = _CohortProgress(len(learners.rows))
    result = assess_cohort(catalogue, learners, as_at=args.as_at,
                                  objective=args.objective, progress=progress)
    progress.finish()
    results = cohort_tables.results_frame(result)
    try:
        if out_format == ".xlsx":
            args.output.write_bytes(to_excel_bytes(cohort_tables.result_sheets(result)))
        else:
            args.output.write_bytes(to_csv_bytes(results))
        if args.problems is not None:
            problems = cohort_tables.problems_frame(result)
            args.problems.write_bytes(to_excel_bytes({"problems": problems})
                                      if problems_format == ".xlsx" else to_csv_bytes(problems))
    except OSError as error:
        print(f"advisor: cannot write {error.filename}: {error.strerror or error}",
              file=sys.stderr)
        return EXIT_PROBLEMS

    levels = cohort_tables.learners_per_level(result)
    completion = cohort_tables.completion_by_target(result)
    if args.json:
        def records(frame: Any) -> list[dict[str, Any]]:
            return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")

        _print_json({
            "file": str(args.learners), "readable": True, "as_at": result.as_at.isoformat(),
            "objective": result.objective.value, "output": str(args.output),
            "rows_read": len(result.learners), "assessed": result.assessed,
            "not_assessed": result.not_assessed,
            "problems": [p.as_dict() for p in result.problems],
            "learners_per_level": records(levels),
            "completion_by_target": records(completion),
            "units_most_needed": records(cohort_tables.units_most_needed(result, limit=10)),
            "learners": records(results),
        })
        return EXIT_OK
    print(f"Read {len(result.learners):,} learner rows from {args.learners}: "
          f"{result.assessed:,} assessed, {result.not_assessed:,} not assessed (as at "
          f"{uk_date(result.as_at)}).")
    print(f"Results written to {args.output}"
          + (f", problems to {args.problems}." if args.problems else "."))
    if result.problems:
        shown = 20
        noun = "problem" if len(result.problems) == 1 else "problems"
        print(f"{len(result.problems):,} {noun}:")
        for problem in result.problems[:shown]:
            print(f"  {problem}")
        if len(result.problems) > shown:
            print(f"  ... and {len(result.problems) - shown} more"
                  + ("" if args.problems else ": list them all with --problems FILE"))
    if len(levels):
        print("Recommended levels: " + "; ".join(
            f"{row.recommended_level}: {row.learners}" for row in levels.itertuples()))
    for row in completion.itertuples():
        learners_ = "1 learner" if row.learners == 1 else f"{row.learners} learners"
        print(f"Target {row.target}: {learners_}, {row.complete} complete already, "
              f"{row.eligible} can enrol on the date.")
    return EXIT_OK


class _CohortProgress:
    """Progress on stderr: a line redrawn in place on a terminal; for long runs elsewhere
    (a log), a line at each quarter."""

    LONG_RUN = 2_000  # learners

    def __init__(self, total: int) -> None:
        self.total = total
        self.tty = sys.stderr.isatty()
        self.shown = -1
        self.active = self.tty or total >= self.LONG_RUN

    def __call__(self, done: int, total: int) -> None:
        if not self.active or total == 0:
            return
        if self.tty:
            print(f"\rAssessing learners: {done:,} of {total:,}", end="", file=sys.stderr,
                  flush=True)
            return
        quarter = done * 4 // total
        if quarter > self.shown:
            self.shown = quarter
            print(f"Assessing learners: {done:,} of {total:,}", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.active and self.tty and self.total:
            print(file=sys.stderr)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-22") from None


def _age(text: str) -> int:
    try:
        return answers.parse_age(text)
    except answers.AnswerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=argparse.SUPPRESS)


def _plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--units", default="", metavar="U,...",
        help=("units held, comma-separated: unit reference numbers (D/502/9654) or unit "
              "numbers within the qualification (F3)"),
    )
    parser.add_argument(
        "--objective", type=Objective, choices=list(Objective), default=Objective.CREDITS,
        help="plan for the fewest additional credits (default) or guided learning hours",
    )


EXAMPLES = """\
examples:
  advisor check 09628 --units D/502/9654
  advisor carry-over --from 09628 --to 09629
  advisor eligibility 09628 --age 20 --as-at 2026-11-22
  advisor recommend --role "Call Centre Operator" --employment working --age 20
  advisor routes --from 09628 --to-level 3

Qualifications are named by scheme code (09628) or regulator number (600/0840/4); units by
unit reference number (D/502/9654) or by their number within the qualification (F3). Add --json
to any command for machine-readable output; 'advisor COMMAND --help' explains each command.

exit codes: 0 done; 1 the catalogue or the input has problems; 2 a command-line mistake.
"""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is too small: give 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EXAMPLES,
        description=(
            "Answers three questions about UK Customer Service qualifications from their source "
            "documents: which level to start at, where to go next, and which units already held "
            "carry over."
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check the qualification catalogue for mistakes",
        description=(
            "Check every catalogue file and report every problem at once, each with its file, "
            "line and key path. Exits 0 when the catalogue is sound, 1 when it has problems."
        ),
    )
    validate.add_argument(
        "data_dir", nargs="?", type=Path, default=None,
        help="the catalogue folder (default: the data/ folder shipped with the advisor)",
    )
    validate.add_argument("--json", action="store_true", help="print the result as JSON")
    validate.set_defaults(handler=_command_validate)

    qual_help = "a qualification: scheme code (09628), regulator number (600/0840/4) or id"

    check = commands.add_parser(
        "check", help="check units against a qualification's rules of combination",
        description=("Say whether the units achieve the qualification, how many credits count, "
                     "the state of every rule, and the smallest set of further units that "
                     "would complete it."),
    )
    check.add_argument("qualification", help=qual_help)
    _plan_options(check)
    _common(check)
    check.set_defaults(handler=_command_check)

    carry = commands.add_parser(
        "carry-over", help="which units already held transfer to another qualification",
        description=("Units with the same unit reference number transfer their credit; units "
                     "with the same title under another number are listed as similar for the "
                     "centre to judge; documented bars are shown. Then what remains."),
    )
    carry.add_argument("--to", required=True, metavar="QUAL", help="the target qualification")
    carry.add_argument("--from", dest="from_", metavar="QUAL",
                       help="a qualification already completed")
    _plan_options(carry)
    _common(carry)
    carry.set_defaults(handler=_command_carry_over)

    eligibility = commands.add_parser(
        "eligibility", help="whether a learner can start a qualification on a date",
        description=("Check age groups, entry and certification dates, entry requirements and "
                     "role requirements. Answers yes, no, or unknown when the sources do not "
                     "say enough, with every reason and its source."),
    )
    eligibility.add_argument("qualification", help=qual_help)
    eligibility.add_argument("--age", type=_age, metavar="N", help="the learner's age in years")
    eligibility.add_argument("--as-at", type=_date, default=None,
                             metavar="DATE", help="the date to check, YYYY-MM-DD (default: today)")
    role = eligibility.add_mutually_exclusive_group()
    role.add_argument("--senior-role", dest="senior_role", action="store_true", default=None,
                      help="the learner works in a senior role that shapes customer service")
    role.add_argument("--not-senior-role", dest="senior_role", action="store_false",
                      help="the learner does not work in such a role")
    _common(eligibility)
    eligibility.set_defaults(handler=_command_eligibility)

    recommend_ = commands.add_parser(
        "recommend", help="suggest a starting level and the qualifications at it",
        description=("Suggest the level a learner should start at, from their age, work, job "
                     "role, responsibilities, what they hold and what they want, and list the "
                     "qualifications at that level with their status on the date. Every reason "
                     "and caution names its source."),
    )
    recommend_.add_argument("--age", type=_age, metavar="N", help="the learner's age in years")
    recommend_.add_argument("--employment", type=Employment, choices=list(Employment),
                            help="whether the learner works in a job with customer contact")
    recommend_.add_argument("--role", metavar="TEXT",
                            help="the learner's job title, in their own words")
    recommend_.add_argument(
        "--responsibility", action="append", metavar="TEXT",
        help=("a description of a Level 3 learner that fits, or a few words of it (repeat for "
              "each; see --list-responsibilities)"),
    )
    recommend_.add_argument("--list-responsibilities", action="store_true",
                            help="list the descriptions of a Level 3 learner and stop")
    senior = recommend_.add_mutually_exclusive_group()
    senior.add_argument("--senior-role", dest="senior_role", action="store_true", default=None,
                        help="the learner works in a senior role that shapes customer service")
    senior.add_argument("--not-senior-role", dest="senior_role", action="store_false",
                        help="the learner does not work in such a role")
    recommend_.add_argument("--has", default="", metavar="QUAL,...",
                            help="qualifications already held, comma-separated (09628,...)")
    recommend_.add_argument("--units", default="", metavar="U,...",
                            help="units already held, comma-separated unit reference numbers")
    recommend_.add_argument("--aim", type=Aim, choices=list(Aim),
                            help="what the learner wants: knowledge, competence or "
                                 "an apprenticeship")
    recommend_.add_argument("--as-at", type=_date, default=None,
                            metavar="DATE", help="the date to check, YYYY-MM-DD (default: today)")
    _common(recommend_)
    recommend_.set_defaults(handler=_command_recommend)

    routes = commands.add_parser(
        "routes", help="routes from what a learner holds to a level or qualification",
        description=("Find progression routes, best first: documented progressions before "
                     "inferred ones, then steps between qualifications that share units. Each "
                     "step shows the units that carry over and the credits still needed."),
    )
    routes.add_argument("--from", dest="from_", metavar="QUAL",
                        help="a qualification already completed (leave out to start afresh)")
    target = routes.add_mutually_exclusive_group()
    target.add_argument("--to", metavar="QUAL", help="the qualification to reach")
    target.add_argument("--to-level", type=int, choices=range(1, 9), metavar="N",
                        help="the level to reach (1-8)")
    routes.add_argument("--limit", type=_positive, default=5, metavar="K",
                        help="how many routes to show at most (default 5)")
    routes.add_argument("--max-steps", type=_positive, default=4, metavar="N",
                        help="the most steps a route may take (default 4)")
    routes.add_argument("--documented-only", action="store_true",
                        help="only progressions the documents state")
    _plan_options(routes)
    _common(routes)
    routes.set_defaults(handler=_command_routes)

    cohort_ = commands.add_parser(
        "cohort", help="place a whole intake from a CSV or Excel file of learners",
        description=(
            "Read one row per learner (CSV or .xlsx; --template writes a file to fill in) and "
            "write, per learner, the recommended level, eligibility for the target on the date, "
            "credits counted and required, the smallest plan, the units carried over and every "
            "reason. Bad rows are reported by row and column and marked 'not assessed'; the "
            "rest are still assessed. Exits 0 when the file was processed, 1 when it could not "
            "be read, 2 for a command-line mistake."),
        epilog=("example: advisor cohort intake.xlsx -o placed.xlsx --as-at 2026-09-01\n"
                "         advisor cohort --template learners.xlsx"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cohort_.add_argument("learners", nargs="?", type=Path, metavar="IN",
                         help="the learners file: .csv (UTF-8) or .xlsx")
    cohort_.add_argument("-o", "--output", type=Path, metavar="OUT",
                         help="where to write the results: .csv, or .xlsx (with a sheet each "
                              "for problems and summaries)")
    cohort_.add_argument("--problems", type=Path, metavar="FILE",
                         help="also write every problem found (row, column, message): .csv or "
                              ".xlsx")
    cohort_.add_argument("--template", type=Path, metavar="FILE",
                         help="write a learners template to fill in (.csv or .xlsx)")
    cohort_.add_argument("--as-at", type=_date, default=None, metavar="DATE",
                         help="the enrolment date to check, YYYY-MM-DD (default: today)")
    cohort_.add_argument(
        "--objective", type=Objective, choices=list(Objective), default=Objective.CREDITS,
        help="plan for the fewest additional credits (default) or guided learning hours",
    )
    _common(cohort_)
    cohort_.set_defaults(handler=_command_cohort)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except CatalogueError as error:
        print(f"advisor: cannot start: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (UnknownReference, UsageError) as error:
        print(f"advisor: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``advisor ... | head``): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
