"""What every command of the command line shares: exit codes, errors, how an answer is
printed, and the small parent parsers options are made from."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake on the command line: reported in one line, exit code 2."""


class FileProblem(Exception):
    """A file that cannot be read or written: reported in one line, exit code 1."""


def print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def answer(args: argparse.Namespace, as_json: Callable[[], Any],
            as_text: Callable[[], str]) -> int:
    """Print the answer as JSON (with ``--json``) or as text, making only the one asked for."""
    if args.json:
        print_json(as_json())
    else:
        print(as_text())
    return EXIT_OK


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-22") from None


def parent_parser() -> argparse.ArgumentParser:
    """An empty parent parser, for ``parents=[...]``. A command's own options go in one too,
    listed before the shared ones, so its help shows them first."""
    return argparse.ArgumentParser(add_help=False)


def option_parser(*flags: str, **settings: Any) -> argparse.ArgumentParser:
    """A parent parser holding one option."""
    parent = parent_parser()
    parent.add_argument(*flags, **settings)
    return parent
