"""Engine benchmark: prints timings, asserts nothing. Run: .venv/bin/python benchmarks/engine.py

Figures are per call, in process, on the real catalogue, after one warm-up call.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import time
from collections.abc import Callable

from advisor import (
    Aim,
    Catalogue,
    Category,
    Employment,
    Profile,
    already_reached,
    check_combination,
    check_eligibility,
    find_routes,
    load_catalogue,
    recommend,
)

Call = Callable[[Catalogue], object]


def measure(label: str, catalogue: Catalogue, calls: list[Call]) -> None:
    """Time each call twice: cold (on a catalogue loaded afresh, so nothing is remembered) and
    warm (as a server answering the same questions again)."""
    calls[0](catalogue)  # warm-up: imports and first-call costs
    for state in ("cold", "warm"):
        if state == "warm":
            for call in calls:  # every question asked once before
                call(catalogue)
        times = []
        for call in calls:
            on = load_catalogue() if state == "cold" else catalogue
            start = time.perf_counter()
            call(on)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{label + ' (' + state + ')':<79} {len(times):>4} calls  median "
              f"{statistics.median(times):6.2f} ms  max {max(times):6.2f} ms")


def main() -> None:
    start = time.perf_counter()
    catalogue = load_catalogue()
    label = "load and validate the real catalogue"
    print(f"{label:<79}             {(time.perf_counter() - start) * 1000:8.1f} ms")
    nvq = catalogue.find_qualification("03456")
    assert nvq.rules is not None
    starts = [m.urn for g in nvq.rules.groups for m in g.units]
    measure("check + plan, 03456, from every single-unit start", catalogue,
            [lambda c, u=u: check_combination(c, c.find_qualification("03456"), [u])
             for u in starts])

    as_at = dt.date(2026, 11, 22)
    held = ["D/502/9654", "H/506/2154", "F3"]

    def full_pass(c: Catalogue) -> None:
        for q in c.qualifications.values():
            check_eligibility(c, q, age=24, as_at=as_at)
            check_combination(c, q, [u for u in held if u in c.units])

    measure("eligibility + plan over the whole catalogue, one learner", catalogue,
            [full_pass] * 20)

    enrolable = sorted((q for q in catalogue.qualifications.values()
                        if q.category is Category.QUALIFICATION), key=lambda q: q.id)
    top = max(q.level for q in enrolable if q.level is not None)

    def routes_from(qualification_id: str, limit: int) -> Call:
        def call(c: Catalogue) -> None:
            q = c.qualifications[qualification_id]
            if not already_reached(q, to_level=top):
                list(itertools.islice(find_routes(c, from_qualification=q, to_level=top),
                                      limit))
        return call

    measure(f"route search to Level {top}, first route, from every qualification", catalogue,
            [routes_from(q.id, 1) for q in enrolable])
    measure(f"route search to Level {top}, first 5 routes, from every qualification",
            catalogue, [routes_from(q.id, 5) for q in enrolable])

    profiles = [
        Profile(role="Call Centre Operator", employment=Employment.WORKING, age=20),
        Profile(role="Department Manager", employment=Employment.WORKING, senior_role=True),
        Profile(employment=Employment.NOT_WORKING, age=15, aim=Aim.COMPETENCE),
        Profile(employment=Employment.WORKING, held_qualifications=("ocr-09628",),
                held_units=("D/502/9654",), aim=Aim.KNOWLEDGE),
    ]
    measure("recommend (level, options with eligibility and plan), 4 profiles x 10", catalogue,
            [lambda c, p=p: recommend(c, p, as_at=as_at) for p in profiles * 10])


if __name__ == "__main__":
    main()
