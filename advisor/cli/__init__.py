"""The ``advisor`` command line: the app's twin, for centre staff who script their work.

Every command prints readable text (from :mod:`advisor.views.text`), or JSON with ``--json``
(from :mod:`advisor.formats.json_shapes`); a command here only reads its options, asks the
engine and prints. Exit codes: 0 done, 1 the catalogue or the input has problems, 2 a
command-line mistake (such as an unknown qualification).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from advisor import CatalogueError, DecisionError, RegisterError, UnknownReference
from advisor.cli._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    FileProblem,
    UsageError,
)
from advisor.cli.parser import build_parser

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main"]


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
    except (FileProblem, RegisterError) as error:
        print(f"advisor: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (UnknownReference, UsageError, DecisionError) as error:
        print(f"advisor: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``advisor ... | head``): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except OSError as error:  # the system refused (a full disk as the answer was written)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        where = f" ({error.filename})" if error.filename else ""
        print(f"advisor: stopped: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_PROBLEMS
