"""The ``advisor`` command line: the app's twin, for centre staff who script their work.

Every command prints readable text (from :mod:`advisor.views.text`), or JSON with ``--json``
(from :mod:`advisor.formats.json_shapes`); a command here only reads its options, asks the
engine and prints. Exit codes: 0 done, 1 the catalogue or the input has problems, 2 a
command-line mistake (such as an unknown qualification).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisor import (
    REGISTER_SUBJECT,
    Aim,
    Catalogue,
    CatalogueError,
    CohortInput,
    CohortResult,
    Employment,
    Objective,
    Profile,
    RegisterError,
    RouteError,
    UnknownReference,
    already_reached,
    answers,
    assess_cohort,
    carry_over,
    check_combination,
    check_eligibility,
    cohort_file,
    cohort_tables,
    default_data_dir,
    find_qualification,
    find_routes,
    json_shapes,
    level_3_statements,
    load_catalogue,
    recommend,
    resolve_units,
    text,
    to_csv_bytes,
    to_excel_bytes,
    validate_catalogue,
)
from advisor.cli._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    FileProblem,
    UsageError,
    _answer,
    _date,
    _option,
    _parent,
    _print_json,
)
from advisor.cli.register import add_register, open_from, register_option


def _data_dir(args: argparse.Namespace) -> Path:
    """The catalogue folder: ``--data``, else ``$ADVISOR_DATA_DIR``, else the packaged one."""
    return args.data_dir if args.data_dir is not None else default_data_dir()


def _load(args: argparse.Namespace) -> Catalogue:
    return load_catalogue(_data_dir(args))


def _units_argument(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


# ------------------------------------------------------------------------------------ commands


def _command_validate(args: argparse.Namespace) -> int:
    if args.folder is not None and args.data_dir is not None:
        raise UsageError("give the catalogue folder or --data, not both")
    data_dir = args.folder if args.folder is not None else _data_dir(args)
    problems = validate_catalogue(data_dir)
    _answer(args, lambda: json_shapes.validation_dict(problems),
            lambda: text.validation_text(data_dir, problems))
    return EXIT_PROBLEMS if problems else EXIT_OK


def _command_check(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    qualification = catalogue.find_qualification(args.qualification)
    held = resolve_units(catalogue, _units_argument(args.units), qualification)
    check = check_combination(catalogue, qualification, held, objective=args.objective)
    as_at = args.as_at or dt.date.today()
    return _answer(args, lambda: json_shapes.check_dict(catalogue, check, as_at=as_at),
                   lambda: text.check_text(catalogue, check, as_at=as_at))


def _command_carry_over(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    target = catalogue.find_qualification(args.to)
    source = catalogue.find_qualification(args.from_) if args.from_ else None
    if source is None and not args.units:
        raise UsageError("give --from QUAL or --units U,U,... (or both)")
    held = resolve_units(catalogue, _units_argument(args.units), source)
    result = carry_over(catalogue, target, from_qualification=source, units=held,
                        objective=args.objective)
    as_at = args.as_at or dt.date.today()
    return _answer(args, lambda: json_shapes.carry_over_dict(catalogue, result, as_at=as_at),
                   lambda: text.carry_over_text(catalogue, result, as_at=as_at))


def _command_eligibility(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    register = open_from(args)
    qualification = find_qualification(catalogue, args.qualification, register=register)
    result = check_eligibility(catalogue, qualification, age=args.age, as_at=args.as_at,
                               senior_role=args.senior_role, register=register)
    return _answer(args, lambda: json_shapes.eligibility_dict(result),
                   lambda: text.eligibility_text(result))


def _command_recommend(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    if args.list_responsibilities:
        print(text.responsibilities_text(level_3_statements(catalogue)))
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
        result = recommend(catalogue, profile, as_at=args.as_at, register=open_from(args),
                           register_subject=args.register_subject)
    except ValueError as error:
        raise UsageError(str(error)) from None
    return _answer(args, lambda: json_shapes.recommendation_dict(catalogue, result),
                   lambda: text.recommendation_text(result))


def _command_routes(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    source = catalogue.find_qualification(args.from_) if args.from_ else None
    target = catalogue.find_qualification(args.to) if args.to else None
    if target is None and args.to_level is None and source is None and not args.units:
        raise UsageError("give a target (--to QUAL or --to-level N), or what the learner holds "
                         "(--from QUAL or --units) to see the routes onward from it")
    held = resolve_units(catalogue, _units_argument(args.units), source)
    there = already_reached(source, to_qualification=target, to_level=args.to_level)
    try:
        found = find_routes(
            catalogue, from_qualification=source, units=held,
            to_qualification=target, to_level=args.to_level, as_at=args.as_at,
            max_steps=args.max_steps, include_inferred=not args.documented_only,
            include_shared_units=not args.documented_only,
            include_direct=not args.documented_only, objective=args.objective,
        )
        routes = list(itertools.islice(found, args.limit))
    except RouteError as error:
        raise UsageError(str(error)) from None
    return _answer(
        args,
        lambda: json_shapes.routes_dict(catalogue, routes, source=source, units=held,
                                        target=target, to_level=args.to_level,
                                        already_there=there),
        lambda: text.routes_text(catalogue, routes, source=source, target=target,
                                 to_level=args.to_level, already_there=there,
                                 max_steps=args.max_steps or (4 if target or args.to_level
                                                              else 2),
                                 as_at=args.as_at, documented_only=args.documented_only),
    )


def _file_format(path: Path | None, option: str) -> str | None:
    """``.csv`` or ``.xlsx`` from a file name given with ``option``; ``None`` when not given."""
    if path is None:
        return None
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise UsageError(f"{option} {path}: give a file name ending .csv or .xlsx")
    return suffix


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise FileProblem(f"cannot write {path}: {error.strerror or error}") from None


def _write_template(path: Path, *, json_output: bool) -> None:
    """Write the learners template; with ``--json`` the note goes to stderr, to keep the JSON
    output pure."""
    excel = _file_format(path, "--template") == ".xlsx"
    _write(path, cohort_file.template_excel_bytes() if excel else cohort_file.template_csv_bytes())
    explained = ("its 'guide' sheet explains each column" if excel
                 else "the columns are explained below")
    stream = sys.stderr if json_output else sys.stdout
    print(f"Wrote the learners template to {path} ({explained}).", file=stream)
    if not excel:
        print(cohort_file.template_guide_text(), end="", file=stream)


def _read_learners(path: Path) -> CohortInput:
    try:
        with path.open("rb") as handle:
            data = handle.read(cohort_file.MAX_BYTES + 1)  # the limit is checked by read_cohort
    except OSError as error:
        raise FileProblem(f"cannot read {path}: {error.strerror or error}") from None
    return cohort_file.read_cohort(data, path.name)


def _write_results(args: argparse.Namespace, result: CohortResult) -> None:
    if _file_format(args.output, "-o") == ".xlsx":
        _write(args.output, to_excel_bytes(cohort_tables.result_sheets(result)))
    else:
        _write(args.output, to_csv_bytes(cohort_tables.results_frame(result)))
    if args.problems is not None:
        problems = cohort_tables.problems_frame(result)
        excel = _file_format(args.problems, "--problems") == ".xlsx"
        _write(args.problems,
               to_excel_bytes({"problems": problems}) if excel else to_csv_bytes(problems))


def _command_cohort(args: argparse.Namespace) -> int:
    for path, option in ((args.template, "--template"), (args.output, "-o"),
                         (args.problems, "--problems")):
        _file_format(path, option)  # every file name is checked before anything is written
    if args.template is not None:
        _write_template(args.template, json_output=args.json)
        if args.learners is None:
            return EXIT_OK
    if args.learners is None:
        raise UsageError("give the learners file (CSV or .xlsx), or --template FILE")
    if args.output is None:
        raise UsageError("give -o OUT.csv or -o OUT.xlsx for the results")
    if args.output.resolve() == args.learners.resolve():
        raise UsageError(f"-o {args.output} would overwrite the learners file")

    catalogue = _load(args)
    learners = _read_learners(args.learners)
    if not learners.readable:
        if args.json:
            _print_json(json_shapes.unreadable_cohort_dict(args.learners, learners.problems))
        for problem in learners.problems:
            print(f"advisor: {args.learners}: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    progress = _CohortProgress(len(learners.rows))
    result = assess_cohort(catalogue, learners, as_at=args.as_at, objective=args.objective,
                           progress=progress)
    progress.finish()
    _write_results(args, result)
    return _answer(args, lambda: json_shapes.cohort_dict(result, learners_file=args.learners,
                                                         output=args.output),
                   lambda: text.cohort_summary_text(result, learners_file=args.learners,
                                                    output=args.output,
                                                    problems_file=args.problems))


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


# ---------------------------------------------------------------------------------- the parser


def _age(value: str) -> int:
    try:
        return answers.parse_age(value)
    except answers.AnswerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too small: give 1 or more")
    return number


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

QUALIFICATION_HELP = ("a qualification: scheme code (09628), regulator number (600/0840/4) or "
                      "id; with a register loaded, any number in it")


def _units_option(help_: str) -> argparse.ArgumentParser:
    return _option("--units", default="", metavar="U,...", help=help_)


def _as_at_option(help_: str) -> argparse.ArgumentParser:
    return _option("--as-at", type=_date, default=None, metavar="DATE", help=help_)


class _Shared:
    """The options several commands take, each defined once, as parent parsers."""

    def __init__(self) -> None:
        self.json = _option("--json", action="store_true", help="print the result as JSON")
        self.data = _parent()
        self.data.add_argument(
            "--data", dest="data_dir", type=Path, default=None, metavar="PATH",
            help=("the catalogue folder to use (default: $ADVISOR_DATA_DIR if set, else the "
                  "catalogue shipped with the advisor)"),
        )
        self.data.add_argument("--data-dir", dest="data_dir", type=Path, default=None,
                               help=argparse.SUPPRESS)  # the older name, kept working
        self.age = _option("--age", type=_age, metavar="N", help="the learner's age in years")
        self.as_at = _as_at_option("the date to check, YYYY-MM-DD (default: today)")
        self.senior_role = _parent()
        senior = self.senior_role.add_mutually_exclusive_group()
        senior.add_argument(
            "--senior-role", dest="senior_role", action="store_true", default=None,
            help="the learner works in a senior role that shapes customer service")
        senior.add_argument("--not-senior-role", dest="senior_role", action="store_false",
                            help="the learner does not work in such a role")
        self.objective = _option(
            "--objective", type=Objective, choices=list(Objective), default=Objective.CREDITS,
            help="plan for the fewest additional credits (default) or guided learning hours")
        self.units = _units_option(
            "units held, comma-separated: unit reference numbers (D/502/9654) or unit numbers "
            "within the qualification (F3)")
        self.output = [self.json, self.data]
        self.plan = [self.units, self.objective, *self.output]


Commands = Any  # argparse's sub-parsers action, not named publicly


def _add_validate(commands: Commands, shared: _Shared) -> None:
    own = _parent()
    own.add_argument(
        "folder", nargs="?", type=Path, default=None, metavar="data_dir",
        help="the catalogue folder (default: the data/ folder shipped with the advisor)",
    )
    commands.add_parser(
        "validate", parents=[own, *shared.output],
        help="check the qualification catalogue for mistakes",
        description=(
            "Check every catalogue file and report every problem at once, each with its file, "
            "line and key path. Exits 0 when the catalogue is sound, 1 when it has problems."
        ),
    ).set_defaults(handler=_command_validate)


def _add_check(commands: Commands, shared: _Shared) -> None:
    own = _option("qualification", help=QUALIFICATION_HELP)
    commands.add_parser(
        "check", parents=[own, shared.as_at, *shared.plan],
        help="check units against a qualification's rules of combination",
        description=("Say whether the units achieve the qualification, how many credits count, "
                     "the state of every rule, and the smallest set of further units that "
                     "would complete it."),
    ).set_defaults(handler=_command_check)


def _add_carry_over(commands: Commands, shared: _Shared) -> None:
    own = _parent()
    own.add_argument("--to", required=True, metavar="QUAL", help="the target qualification")
    own.add_argument("--from", dest="from_", metavar="QUAL",
                     help="a qualification already completed")
    commands.add_parser(
        "carry-over", parents=[own, shared.as_at, *shared.plan],
        help="which units already held transfer to another qualification",
        description=("Units with the same unit reference number transfer their credit; units "
                     "with the same title under another number are listed as similar for the "
                     "centre to judge; documented bars are shown. Then what remains."),
    ).set_defaults(handler=_command_carry_over)


def _add_eligibility(commands: Commands, shared: _Shared) -> None:
    own = _option("qualification", help=QUALIFICATION_HELP)
    commands.add_parser(
        "eligibility",
        parents=[own, shared.age, shared.as_at, shared.senior_role, register_option(),
                 *shared.output],
        help="whether a learner can start a qualification on a date",
        description=("Check age groups, entry and certification dates, entry requirements and "
                     "role requirements. Answers yes, no, or unknown when the sources do not "
                     "say enough, with every reason and its source."),
    ).set_defaults(handler=_command_eligibility)


def _add_recommend(commands: Commands, shared: _Shared) -> None:
    work = _parent()  # the learner's work
    work.add_argument("--employment", type=Employment, choices=list(Employment),
                      help="whether the learner works in a job with customer contact")
    work.add_argument("--role", metavar="TEXT", help="the learner's job title, in their own words")
    work.add_argument(
        "--responsibility", action="append", metavar="TEXT",
        help=("a description of a Level 3 learner that fits, or a few words of it (repeat for "
              "each; see --list-responsibilities)"),
    )
    work.add_argument("--list-responsibilities", action="store_true",
                      help="list the descriptions of a Level 3 learner and stop")
    held = _option("--has", default="", metavar="QUAL,...",
                   help="qualifications already held, comma-separated (09628,...)")
    units = _units_option("units already held, comma-separated unit reference numbers")
    aim = _option("--aim", type=Aim, choices=list(Aim),
                  help="what the learner wants: knowledge, competence or an apprenticeship")
    subject = _option("--register-subject", default=REGISTER_SUBJECT, metavar="TEXT",
                      help=("with a register: list its qualifications at the level whose "
                            f"titles hold these words (default {REGISTER_SUBJECT!r})"))
    commands.add_parser(
        "recommend", parents=[shared.age, work, shared.senior_role, held, units, aim,
                              shared.as_at, register_option(), subject, *shared.output],
        help="suggest a starting level and the qualifications at it",
        description=("Suggest the level a learner should start at, from their age, work, job "
                     "role, responsibilities, what they hold and what they want, and list the "
                     "qualifications at that level with their status on the date. Every reason "
                     "and caution names its source."),
    ).set_defaults(handler=_command_recommend)


def _add_routes(commands: Commands, shared: _Shared) -> None:
    own = _parent()
    own.add_argument("--from", dest="from_", metavar="QUAL",
                     help="a qualification already completed (leave out to start afresh)")
    target = own.add_mutually_exclusive_group()
    target.add_argument("--to", metavar="QUAL", help="the qualification to reach")
    target.add_argument("--to-level", type=int, choices=range(1, 9), metavar="N",
                        help="the level to reach (1-8)")
    own.add_argument("--limit", type=_positive, default=5, metavar="K",
                     help="how many routes to show at most (default 5)")
    own.add_argument("--max-steps", type=_positive, default=None, metavar="N",
                     help="the most steps a route may take (default 4; 2 with no target)")
    own.add_argument("--documented-only", action="store_true",
                     help="only progressions the documents state")
    commands.add_parser(
        "routes", parents=[own, shared.as_at, *shared.plan],
        help="routes from what a learner holds to a level or qualification, or onward",
        description=("Find progression routes, best first: routes through qualifications open "
                     "on the date before those through closed ones, then documented "
                     "progressions before inferred ones, steps between qualifications that "
                     "share units, what replaced a closed qualification, and direct starts at "
                     "the target. With no target, the routes onward (one and two steps) from "
                     "what the learner holds. Each step shows its status on the date, the "
                     "units that carry over and the credits still needed."),
    ).set_defaults(handler=_command_routes)


def _add_cohort(commands: Commands, shared: _Shared) -> None:
    own = _parent()
    own.add_argument("learners", nargs="?", type=Path, metavar="IN",
                     help="the learners file: .csv (UTF-8) or .xlsx")
    own.add_argument("-o", "--output", type=Path, metavar="OUT",
                     help="where to write the results: .csv, or .xlsx (with a sheet each for "
                          "problems and summaries)")
    own.add_argument("--problems", type=Path, metavar="FILE",
                     help="also write every problem found (row, column, message): .csv or .xlsx")
    own.add_argument("--template", type=Path, metavar="FILE",
                     help="write a learners template to fill in (.csv or .xlsx)")
    enrolment = _as_at_option("the enrolment date to check, YYYY-MM-DD (default: today)")
    commands.add_parser(
        "cohort", parents=[own, enrolment, shared.objective, *shared.output],
        help="place a whole intake from a CSV or Excel file of learners",
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
    ).set_defaults(handler=_command_cohort)


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
    shared = _Shared()
    for add_command in (_add_validate, _add_check, _add_carry_over, _add_eligibility,
                        _add_recommend, _add_routes, _add_cohort):
        add_command(commands, shared)
    add_register(commands, shared.json)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.handler(args))
        sys.stdout.flush()  # a reader that went away shows here, where it is handled
        return code
    except CatalogueError as error:
        print(f"advisor: cannot start: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except FileProblem as error:
        print(f"advisor: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except RegisterError as error:
        print(f"advisor: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (UnknownReference, UsageError) as error:
        print(f"advisor: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``advisor ... | head``): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
