"""Engine benchmark: prints timings, asserts nothing. Run: .venv/bin/python benchmarks/engine.py

Figures are per call, in process, on the real catalogue, after one warm-up call.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

from advisor.catalogue import load_catalogue
from advisor.combination import check_combination
from advisor.eligibility import check_eligibility


def measure(label: str, calls: list[Callable[[], object]]) -> None:
    calls[0]()  # warm-up
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<58} {len(times):>4} calls  median {statistics.median(times):6.2f} ms  "
          f"max {max(times):6.2f} ms")


def main() -> None:
    start = time.perf_counter()
    catalogue = load_catalogue()
    print(f"{'load and validate the real catalogue':<58} {'':>4}        "
          f"{(time.perf_counter() - start) * 1000:8.1f} ms")
    nvq = catalogue.find_qualification("03456")
    starts = [m.urn for g in nvq.rules.groups for m in g.units]
    measure("check + plan, 03456, from every single-unit start",
            [lambda u=u: check_combination(catalogue, nvq, [u]) for u in starts])

    as_at = dt.date(2026, 11, 22)
    held = ["D/502/9654", "H/506/2154", "F3"]

    def full_pass() -> None:
        for q in catalogue.qualifications.values():
            check_eligibility(catalogue, q, age=24, as_at=as_at)
            check_combination(catalogue, q, [u for u in held if u in catalogue.units])

    measure("eligibility + plan over the whole catalogue, one learner", [full_pass] * 20)


if __name__ == "__main__":
    main()
