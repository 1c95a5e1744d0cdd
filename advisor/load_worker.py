"""A worker process for reading a large catalogue: ``python -m advisor.load_worker``.

:func:`advisor.catalogue._read_files` starts one per extra processor. It reads a pickled
``(files, documents)`` pair from standard input, reads, parses and checks those files, and
writes the pickled results to standard output. Nothing here is for people to run.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys

from advisor.catalogue import read_run


def main() -> None:
    # The collector stays off: everything made here lives until the process ends, and a full
    # collection of it would cost more than half a second for nothing.
    gc.disable()
    jobs, documents = pickle.load(sys.stdin.buffer)
    read_run(jobs, documents, sys.stdout.buffer)  # written as it is pickled: no copy held
    sys.stdout.buffer.flush()
    # Leave at once: tidying away a million objects one by one would only keep the loading
    # process waiting for the exit.
    os._exit(0)


if __name__ == "__main__":
    main()
