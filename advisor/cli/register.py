"""``advisor register ...``: import Ofqual's full data set, and read it.

``import`` builds the database (the file named by ``--register``, else ``$ADVISOR_REGISTER``,
else ``register.sqlite3`` in the user's data folder); ``search``, ``show`` and ``status`` only
read it. The other commands open the same file when it exists (:func:`open_from`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from advisor import (
    ENTRY,
    ImportRefused,
    Register,
    RegisterError,
    default_register_path,
    import_register,
    open_register,
    register_json,
    register_text,
)
from advisor.cli._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FileProblem,
    UsageError,
    answer,
    option_parser,
    parent_parser,
    parse_date,
    positive_number,
    print_json,
)

_REGISTER_HELP = ("the register database (default: $ADVISOR_REGISTER if set, else "
                 "register.sqlite3 in $XDG_DATA_HOME/advisor or ~/.local/share/advisor)")


def register_option() -> argparse.ArgumentParser:
    return option_parser("--register", dest="register_path", type=Path, default=None,
                   metavar="PATH", help=_REGISTER_HELP)


def _register_path(args: argparse.Namespace) -> Path:
    return args.register_path if args.register_path is not None else default_register_path()


def open_from(args: argparse.Namespace) -> Register | None:
    """The register named on the command line (or by default), None when there is none."""
    try:
        return open_register(_register_path(args))
    except RegisterError as error:
        raise FileProblem(str(error)) from None


def register_for_answers(args: argparse.Namespace) -> Register | None:
    """The register the answering commands use: none when there is none at the default place,
    but one named with ``--register`` must be there (a mistyped path is not passed over)."""
    path = _register_path(args)
    if path.is_dir():
        raise FileProblem(f"{path} is a folder: name the register's file, for example "
                          f"{path / 'register.sqlite3'}")
    # $ADVISOR_REGISTER may name the file a server will use once it is imported: until then,
    # the documents alone, as the app does.
    if args.register_path is not None and not path.is_file():
        raise FileProblem(f"no register at {path}; import Ofqual's full data set there first "
                          f"(advisor register import FILE --register {path}), or leave out "
                          "--register to answer from the documents alone")
    return open_from(args)


def _required(args: argparse.Namespace) -> Register:
    register = open_from(args)
    if register is None:
        raise FileProblem(f"no register at {_register_path(args)}; import Ofqual's full data "
                          "set first: advisor register import FILE")
    return register


def _level(value: str) -> int:
    if value.strip().lower() in {"e", "entry", "0"}:
        return ENTRY
    # ASCII digits only: int() would also read other scripts' digits ("٣"), as links refuse.
    level = int(value) if value.isascii() and value.strip().isdigit() else -1
    if not 1 <= level <= 8:
        raise argparse.ArgumentTypeError(f"{value!r} is not a level: give entry or 1 to 8")
    return level


def _command_import(args: argparse.Namespace) -> int:
    database = _register_path(args)
    try:
        result = import_register(args.file, database)
    except ImportRefused as error:
        if args.json:
            print_json({"register": str(database), "import": None,
                         "problems": [p.as_dict() for p in error.problems]})
        for problem in error.problems:
            print(f"advisor: {args.file}: {problem}", file=sys.stderr)
        print("advisor: nothing was imported; the register is as it was", file=sys.stderr)
        return EXIT_PROBLEMS
    except RegisterError as error:
        raise FileProblem(f"{error}; the register is as it was") from None
    for problem in result.problems:
        print(f"advisor: {args.file.name}: {problem}", file=sys.stderr)
    return answer(args, lambda: register_json.register_import_dict(result, database),
                   lambda: register_text.register_import_text(result, database))


def _command_status(args: argparse.Namespace) -> int:
    database = _register_path(args)
    register = open_from(args)
    return answer(args, lambda: register_json.register_status_dict(register, database),
                   lambda: register_text.register_status_text(register, database))


def _command_search(args: argparse.Namespace) -> int:
    register = _required(args)
    entries = register.search(args.text, level=args.level, open_on=args.open_on,
                              organisation=args.organisation, limit=args.limit)
    return answer(
        args,
        lambda: register_json.register_search_dict(register, entries, text=args.text,
                                                 level=args.level, open_on=args.open_on),
        lambda: register_text.register_search_text(entries, text=args.text, open_on=args.open_on))


def _command_show(args: argparse.Namespace) -> int:
    register = _required(args)
    entry = register.get(args.number)
    if entry is None:
        raise UsageError(f"no qualification {args.number!r} in the register "
                         f"({register.source_label})")
    return answer(args, lambda: register_json.register_entry_dict(entry, register),
                   lambda: register_text.register_entry_text(entry, register.record))


def add_register(commands: Any, json_option: argparse.ArgumentParser) -> None:
    """``advisor register`` and its four commands."""
    parser = commands.add_parser(
        "register", help="import and read Ofqual's register of regulated qualifications",
        description=(
            "Ofqual's Register of Regulated Qualifications offers its whole list as one CSV "
            "file (the 'full data set'). Import it once; every answer then shows the "
            "register's status and dates beside the documents', and qualifications the "
            "catalogue does not hold can be named by their number."))
    steps = parser.add_subparsers(dest="register_command", required=True, metavar="STEP",
                                  help="import, search, show or status")
    where = register_option()

    own = option_parser("file", type=Path, metavar="FILE", help="the full data set (CSV)")
    steps.add_parser(
        "import", parents=[own, where, json_option], help="store the full data set",
        description=(
            "Store the file in the register database in one go: a file without the required "
            "columns, or that cannot be read to its end, is refused and the register stays as "
            "it was. A cell that cannot be read is left empty and reported by row and column "
            "(on stderr). Exits 0 when imported (problems or not), 1 when refused."),
    ).set_defaults(handler=_command_import)

    own = parent_parser()
    own.add_argument("text", metavar="TEXT", help="words of the title (a word may be cut short)")
    own.add_argument("--level", type=_level, default=None, metavar="N",
                     help="only this level: entry, or 1 to 8")
    own.add_argument("--open-on", type=parse_date, default=None, metavar="DATE",
                     help="only those open to new learners on this date, such as 2026-09-01")
    own.add_argument("--organisation", default=None, metavar="TEXT",
                     help="only those of this awarding organisation (its name or acronym)")
    own.add_argument("--limit", type=positive_number, default=50, metavar="K",
                     help="how many to show at most (default 50)")
    steps.add_parser(
        "search", parents=[own, where, json_option], help="find qualifications by title",
        description="Find qualifications in the register by the words of their titles.",
    ).set_defaults(handler=_command_search)

    own = option_parser("number", metavar="NUMBER",
                  help="a qualification number, with or without slashes (600/0840/4)")
    steps.add_parser(
        "show", parents=[own, where, json_option], help="one qualification, as registered",
        description="Everything the register records about one qualification.",
    ).set_defaults(handler=_command_show)

    steps.add_parser(
        "status", parents=[where, json_option], help="which register is loaded, and from when",
        description="The register loaded: from which file, how many rows, and when.",
    ).set_defaults(handler=_command_status)


__all__ = ["EXIT_OK", "add_register", "open_from", "register_for_answers", "register_option"]
