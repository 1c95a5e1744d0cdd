"""What every command of the command line shares: exit codes, errors, how an answer is
printed, and the small parent parsers options are made from."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from advisor import AnswerError
from advisor import parse_date as parse_text_date

T = TypeVar("T")

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake on the command line: reported in one line, exit code 2."""


class FileProblem(Exception):
    """A file that cannot be read or written: reported in one line, exit code 1."""


def answer_type(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An option's type from one of the engine's answer readers (``answers.parse_age``...),
    so that the command line reads answers as links and intake files do; a wrong answer is a
    usage error in the reader's words."""
    def read(value: str) -> T:
        try:
            return parse(value)
        except AnswerError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    read.__name__ = parse.__name__.removeprefix("parse_")
    return read


def positive_number(value: str) -> int:
    """A whole number of 1 or more (how many routes or results to show)."""
    if not (value.isascii() and value.isdigit()):
        raise argparse.ArgumentTypeError(f"{value[:20]!r} is not a whole number of 1 or more")
    if len(value.lstrip("0")) > 6:
        raise argparse.ArgumentTypeError(f"{value[:20]} is too large: give at most 999999")
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too small: give 1 or more")
    return number


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
    """A date as the app's links and the intake file read one (2026-11-22 or 22/11/2026), on
    a day the advisor answers for: :func:`advisor.parse_date`, for argparse."""
    try:
        return parse_text_date(value)
    except AnswerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def parent_parser() -> argparse.ArgumentParser:
    """An empty parent parser, for ``parents=[...]``. A command's own options go in one too,
    listed before the shared ones, so its help shows them first."""
    return argparse.ArgumentParser(add_help=False)


def option_parser(*flags: str, **settings: Any) -> argparse.ArgumentParser:
    """A parent parser holding one option."""
    parent = parent_parser()
    parent.add_argument(*flags, **settings)
    return parent
