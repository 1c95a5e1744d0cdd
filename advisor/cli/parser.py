"""The ``advisor`` command line's options: one parser, each shared option defined once, and
each command's handler from :mod:`advisor.cli.commands`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from advisor import MAX_NOTE_LENGTH, REGISTER_SUBJECT, Aim, Employment, Objective, answers
from advisor.cli._base import (
    answer_type,
    option_parser,
    parent_parser,
    parse_date,
    positive_number,
)
from advisor.cli.commands import (
    command_carry_over,
    command_check,
    command_cohort,
    command_eligibility,
    command_frameworks,
    command_recommend,
    command_routes,
    command_validate,
)
from advisor.cli.register import add_register, register_option
from advisor.engine.decisions import HOURS_A_WEEK_ACCEPTED, parse_hours_a_week

_age = answer_type(answers.parse_age)
_hours = answer_type(parse_hours_a_week)


EXAMPLES = """\
examples:
  advisor check 09628 --units D/502/9654
  advisor check 03456 --units F3,F4,A3,B2,C3 --accepted C6 --in-progress D1
  advisor check 03456 --accepted C6 --note "C6=Holds D/506/9999, the same title"
  advisor check 09628 --glh-per-week 5 --start 2015-01-05 --as-at 2015-01-05
  advisor carry-over --from 09628 --to 09629
  advisor eligibility 09628 --age 20 --as-at 2026-11-22
  advisor recommend --role "Call Centre Operator" --employment working --age 20
  advisor routes --from 09628 --to-level 3

Qualifications are named by scheme code (09628) or regulator number (600/0840/4); units by
unit reference number (D/502/9654) or by their number within the qualification (F3). Add --json
to any command for machine-readable output; 'advisor COMMAND --help' explains each command.

exit codes: 0 done; 1 the catalogue or the input has problems; 2 a command-line mistake.
"""

QUALIFICATION_HELP = "a qualification: scheme code (09628), regulator number (600/0840/4) or id"


def _units_option(help_: str) -> argparse.ArgumentParser:
    return option_parser("--units", default="", metavar="U,...", help=help_)


def _as_at_option(help_: str) -> argparse.ArgumentParser:
    return option_parser("--as-at", type=parse_date, default=None, metavar="DATE", help=help_)


class _Shared:
    """The options several commands take, each defined once, as parent parsers."""

    def __init__(self) -> None:
        self.json = option_parser("--json", action="store_true", help="print the result as JSON")
        self.data = parent_parser()
        self.data.add_argument(
            "--data", dest="data_dir", type=Path, default=None, metavar="PATH",
            help=("the catalogue folder to use (default: $ADVISOR_DATA_DIR if set, else the "
                  "catalogue shipped with the advisor)"),
        )
        self.data.add_argument("--data-dir", dest="data_dir", type=Path, default=None,
                               help=argparse.SUPPRESS)  # the older name, kept working
        self.age = option_parser("--age", type=_age, metavar="N", help="the learner's age in years")
        self.as_at = _as_at_option("the date to check, such as 2026-09-01 or 01/09/2026 "
                                   "(default: today)")
        self.senior_role = parent_parser()
        senior = self.senior_role.add_mutually_exclusive_group()
        senior.add_argument(
            "--senior-role", dest="senior_role", action="store_true", default=None,
            help="the learner works in a senior role that shapes customer service")
        senior.add_argument("--not-senior-role", dest="senior_role", action="store_false",
                            help="the learner does not work in such a role")
        self.employment = option_parser(
            "--employment", type=answer_type(answers.parse_employment), choices=list(Employment),
            help="whether the learner works in a job with customer contact")
        self.aim = option_parser(
            "--aim", type=answer_type(answers.parse_aim), choices=list(Aim),
            help="what the learner wants: knowledge, competence or an apprenticeship")
        self.objective = option_parser(
            "--objective", type=Objective, choices=list(Objective), default=Objective.CREDITS,
            help="plan for the fewest additional credits (default) or guided learning hours")
        self.units = _units_option(
            "units held, separated by commas or semicolons: unit reference numbers "
            "(D/502/9654) or unit numbers within the qualification (F3)")
        # Where a unit number is read within the qualification completed, not the target.
        self.units_held = _units_option(
            "units held, separated by commas or semicolons: unit reference numbers "
            "(D/502/9654), or with --from unit numbers within that qualification (F3)")
        self.output = [self.json, self.data]
        self.plan = [self.units_held, self.objective, *self.output]


Commands = Any  # argparse's sub-parsers action, not named publicly


def _add_validate(commands: Commands, shared: _Shared) -> None:
    own = parent_parser()
    own.add_argument(
        "folder", nargs="?", type=Path, default=None, metavar="data_dir",
        help="the catalogue folder (default: the data/ folder shipped with the advisor)",
    )
    own.add_argument(
        "--documents", type=Path, action="append", default=[], metavar="DIR",
        help="a folder of the source documents sources.yaml lists (again for another folder): "
             "check that each is there and that every section cited is in its document",
    )
    commands.add_parser(
        "validate", parents=[own, *shared.output],
        help="check the qualification catalogue for mistakes",
        description=(
            "Check every catalogue file and report every problem at once, each with its file, "
            "line and key path; with --documents, check every citation's section against the "
            "source documents too. Exits 0 when the catalogue is sound, 1 when it has problems."
        ),
    ).set_defaults(handler=command_validate)


def _accepted_option(help_: str) -> argparse.ArgumentParser:
    parser = option_parser("--accepted", default="", metavar="U,...", help=help_)
    parser.add_argument(
        "--note", action="append", default=[], metavar="U=TEXT",
        help="the centre's evidence for a unit in --accepted, e.g. --note 'C6=Certificate of "
             "unit credit seen 20/11/2026' (repeat for each unit; at most "
             f"{MAX_NOTE_LENGTH} characters)")
    return parser


def _add_check(commands: Commands, shared: _Shared) -> None:
    own = option_parser("qualification", help=QUALIFICATION_HELP)
    decisions = _accepted_option(
        "units of the qualification the centre accepts through recognition of prior learning "
        "(they count, shown apart from the units achieved), as for --units")
    decisions.add_argument(
        "--in-progress", default="", metavar="U,...",
        help="units the learner is studying now: the check shows today and when they are done")
    decisions.add_argument(
        "--glh-per-week", type=_hours, default=None, metavar="N",
        help=f"guided learning hours a week, {HOURS_A_WEEK_ACCEPTED}: with --start, whether "
             "the plan fits before the certification end date")
    decisions.add_argument("--start", type=parse_date, default=None, metavar="DATE",
                           help="when study starts, such as 2027-01-04 (default: --as-at, "
                                "else today)")
    decisions.add_argument(
        "--registered", action="store_true",
        help="the learner is already registered, so the last entry date does not apply")
    commands.add_parser(
        "check", parents=[own, shared.as_at, shared.units, decisions, shared.objective,
                          register_option(), *shared.output],
        help="check units against a qualification's rules of combination",
        description=("Say whether the units achieve the qualification, how many credits count, "
                     "the state of every rule, and the smallest set of further units that "
                     "would complete it. Units the centre accepts count, shown apart; units in "
                     "progress are checked as if achieved too; with --glh-per-week, whether "
                     "the rest fits before the certification end date."),
    ).set_defaults(handler=command_check)


def _add_carry_over(commands: Commands, shared: _Shared) -> None:
    own = parent_parser()
    own.add_argument("--to", required=True, metavar="QUAL", help="the target qualification")
    own.add_argument("--from", dest="from_", metavar="QUAL",
                     help="a qualification already completed")
    accepted = _accepted_option(
        "units of the target the centre accepts through recognition of prior learning, such "
        "as a similar unit's counterpart (or the similar unit held)")
    commands.add_parser(
        "carry-over", parents=[own, shared.as_at, shared.units_held, accepted, shared.objective,
                               *shared.output],
        help="which units already held transfer to another qualification",
        description=("Units with the same unit reference number transfer their credit; units "
                     "with the same title under another number are listed as similar for the "
                     "centre to judge; documented bars are shown. Then what remains."),
    ).set_defaults(handler=command_carry_over)


def _add_eligibility(commands: Commands, shared: _Shared) -> None:
    own = option_parser("qualification", help=QUALIFICATION_HELP)
    commands.add_parser(
        "eligibility",
        parents=[own, shared.age, shared.as_at, shared.senior_role, register_option(),
                 *shared.output],
        help="whether a learner can start a qualification on a date",
        description=("Check age groups, entry and certification dates, entry requirements and "
                     "role requirements. Answers yes, no, or unknown when the sources do not "
                     "say enough, with every reason and its source."),
    ).set_defaults(handler=command_eligibility)


def _register_subject_option(what: str) -> argparse.ArgumentParser:
    return option_parser(
        "--register-subject", default=REGISTER_SUBJECT, metavar="TEXT",
        help=(f"with a register: {what} whose titles hold these words (default "
              f"{REGISTER_SUBJECT!r})"))


def _add_recommend(commands: Commands, shared: _Shared) -> None:
    work = parent_parser()  # the learner's work
    work.add_argument("--role", metavar="TEXT", help="the learner's job title, in their own words")
    work.add_argument(
        "--responsibility", action="append", metavar="TEXT",
        help=("a description of a Level 3 learner that fits, or a few words of it (repeat for "
              "each; see --list-responsibilities)"),
    )
    work.add_argument("--list-responsibilities", action="store_true",
                      help="list the descriptions of a Level 3 learner and stop")
    work.add_argument(
        "--job-wanted", metavar="TEXT",
        help=("with --employment not-working: the job the learner would like, a listed title "
              "or their own words (what the documents say of it, and the qualifications "
              "towards it on the date; it does not change the level)"))
    held = option_parser("--has", default="", metavar="QUAL,...",
                   help="qualifications already held, separated by commas or semicolons "
                        "(09628,...)")
    held.add_argument("--other-level", type=positive_number, action="append",
                      default=[], metavar="N",
                      help=("the level of a customer service qualification held that these "
                            "documents do not describe, such as another awarding body's NVQ "
                            "(repeat for each)"))
    units = _units_option("units already held (unit reference numbers), separated by commas "
                          "or semicolons")
    subject = _register_subject_option("list its qualifications at the level")
    commands.add_parser(
        "recommend", parents=[shared.age, shared.employment, work, shared.senior_role, held,
                              units, shared.aim, shared.as_at, register_option(), subject,
                              *shared.output],
        help="suggest a starting level and the qualifications at it",
        description=("Suggest the level a learner should start at, from their age, work, job "
                     "role, responsibilities, what they hold and what they want, and list the "
                     "qualifications at that level with their status on the date. Every reason "
                     "and caution names its source."),
    ).set_defaults(handler=command_recommend)


def _add_routes(commands: Commands, shared: _Shared) -> None:
    own = parent_parser()
    own.add_argument("--from", dest="from_", metavar="QUAL",
                     help="a qualification already completed (leave out to start afresh)")
    own.add_argument("--also", metavar="QUAL,...",
                     help="other qualifications already completed, separated by commas or "
                          "semicolons: a route may start from any of them and never asks for one "
                          "already held")
    target = own.add_mutually_exclusive_group()
    target.add_argument("--to", metavar="QUAL", help="the qualification to reach")
    target.add_argument("--to-level", type=int, choices=range(1, 9), metavar="N",
                        help="the level to reach (1-8)")
    own.add_argument("--start-level", type=int, choices=range(1, 9), metavar="N",
                     help="with nothing completed, the level suggested for the learner to "
                          "start at (what 'recommend' gives): routes start there, not at the "
                          "lowest level, and those first")
    own.add_argument("--limit", type=positive_number, default=5, metavar="K",
                     help="how many routes to show at most (default 5)")
    own.add_argument("--max-steps", type=positive_number, default=None, metavar="N",
                     help="the most steps a route may take (default 4; 2 with no target)")
    own.add_argument("--documented-only", action="store_true",
                     help="only progressions the documents state")
    subject = _register_subject_option(
        "routes may start directly at its open qualifications at the target level")
    commands.add_parser(
        "routes", parents=[own, shared.age, shared.senior_role, shared.employment, shared.aim,
                           shared.as_at,
                           register_option(), subject, *shared.plan],
        help="routes from what a learner holds to a level or qualification, or onward",
        description=("Find progression routes, best first: routes through qualifications open "
                     "on the date before those through closed ones, then documented "
                     "progressions before inferred ones, steps between qualifications that "
                     "share units, what replaced a closed qualification, and direct starts at "
                     "the target. With no target, the routes onward (one and two steps) from "
                     "what the learner holds, starting directly one level up among them. "
                     "Each step shows its status on the date (with --age, whether its age "
                     "groups take the learner; with --senior-role or --not-senior-role, whether "
                     "the learner meets a step's role requirement; with either, routes the "
                     "learner can take come first), the units that carry over and the credits "
                     "still needed. With --employment not-working, each route with a step "
                     "assessed at work says it needs a job or a work placement, and routes "
                     "starting with a course the learner can take now come first. With --aim, "
                     "whether the qualification each route ends in gives what the learner "
                     "wants, those that do first. With a register, "
                     "a route to a level may also start directly at a qualification the "
                     "register lists open at that level (its rules of combination not known)."),
    ).set_defaults(handler=command_routes)


def _add_frameworks(commands: Commands, shared: _Shared) -> None:
    own = option_parser("--has", default="", metavar="QUAL,...",
                  help="qualifications already held, separated by commas or semicolons (09628,...)")
    commands.add_parser(
        "frameworks", parents=[own, shared.as_at, register_option(), *shared.output],
        help="which apprenticeship framework components a learner holds and lacks",
        description=("For each Customer Service apprenticeship framework (2010 and 2014, "
                     "Intermediate and Advanced): every component held, missing, or not in the "
                     "catalogue (check with the centre), with its qualifications' status on the "
                     "date and what replaced them."),
    ).set_defaults(handler=command_frameworks)


def _add_cohort(commands: Commands, shared: _Shared) -> None:
    own = parent_parser()
    own.add_argument("learners", nargs="?", type=Path, metavar="IN",
                     help="the learners file: .xlsx, or .csv or .txt (UTF-8, Excel's Windows "
                          "encoding or its 'Unicode Text'; comma, semicolon or tab between "
                          "cells)")
    own.add_argument("-o", "--output", type=Path, metavar="OUT",
                     help="where to write the results: .csv, or .xlsx (with a sheet each for "
                          "problems and summaries); not needed with --json, which prints them")
    own.add_argument("--problems", type=Path, metavar="FILE",
                     help="also write every problem found (row, column, message): .csv or .xlsx")
    own.add_argument("--template", type=Path, metavar="FILE",
                     help="write a learners template to fill in (.csv or .xlsx)")
    enrolment = _as_at_option("the enrolment date to check, such as 2026-09-01 (default: today)")
    commands.add_parser(
        "cohort", parents=[own, enrolment, shared.objective, register_option(),
                           *shared.output],
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
    ).set_defaults(handler=command_cohort)


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
                        _add_recommend, _add_routes, _add_frameworks, _add_cohort):
        add_command(commands, shared)
    add_register(commands, shared.json)
    return parser
