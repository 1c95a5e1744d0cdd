"""The ``advisor`` command line: the app's twin, for centre staff who script their work.

Every command prints readable text, or JSON with ``--json``. Exit codes: 0 done, 1 the catalogue
or the input has problems, 2 a command-line mistake (such as an unknown qualification).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisor.catalogue import DEFAULT_DATA_DIR, validate_catalogue

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def _command_validate(args: argparse.Namespace) -> int:
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor",
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
        "data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR,
        help="the catalogue folder (default: the data/ folder shipped with the advisor)",
    )
    validate.add_argument("--json", action="store_true", help="print the result as JSON")
    validate.set_defaults(handler=_command_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.handler(args))
