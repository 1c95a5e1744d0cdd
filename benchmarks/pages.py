"""Page benchmark: the app's own work per interaction (engine calls, tables, charts), not
Streamlit's drawing. Prints figures, asserts nothing. Run: .venv/bin/python -m benchmarks.pages
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import time
from collections.abc import Callable

from advisor import (
    Aim,
    Employment,
    Objective,
    Profile,
    charts,
    check_combination,
    check_eligibility,
    decode_profile,
    encode_profile,
    explore_tables,
    find_routes,
    load_catalogue,
    recommend,
    tables,
)

AS_AT = dt.date(2026, 11, 22)
REPEATS = 30


def measure(label: str, work: Callable[[], object]) -> None:
    work()  # warm-up: imports and first-call caches
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<62} median {statistics.median(times):6.1f} ms   max {max(times):6.1f} ms")


def main() -> None:
    catalogue = load_catalogue()
    print(f"Per interaction, {REPEATS} repeats after a warm-up, real catalogue "
          f"({len(catalogue.qualifications)} qualifications, {len(catalogue.units)} units):")

    profile = Profile(age=20, employment=Employment.WORKING, role="call centre operator",
                      held_qualifications=("ocr-09628",), held_units=("D/502/9654",),
                      aim=Aim.KNOWLEDGE)

    def starting_level() -> None:
        decoded, _ = decode_profile(catalogue, encode_profile(catalogue, profile))
        result = recommend(catalogue, decoded, as_at=AS_AT)
        tables.options_table(catalogue, result)

    measure("Find a starting level: recommend + options table + link", starting_level)

    start = catalogue.qualifications["ocr-09628"]

    def plan_route() -> None:
        routes = list(itertools.islice(find_routes(catalogue, from_qualification=start,
                                                   to_level=3), 5))
        tables.routes_table(catalogue, routes)
        for step in routes[0].steps:
            check_eligibility(catalogue, step.to, as_at=AS_AT)
            tables.carry_over_table(catalogue, step.carry_over)
            tables.plan_table(catalogue, step.carry_over.remaining)
        charts.route_map(catalogue, route=routes[0], start=start.id)

    measure("Plan a route: 5 routes + step tables + route map", plan_route)

    nvq = catalogue.qualifications["ocr-03456"]
    held = ["K/601/1622", "J/601/1627", "T/601/1526"]

    def check_units() -> None:
        for objective in Objective:
            check = check_combination(catalogue, nvq, held, objective=objective)
            tables.rules_table(catalogue, check)
            tables.plan_table(catalogue, check)
            progress = tables.progress_table(catalogue, check)
            charts.credit_progress_chart(progress, title="Credits")
        check_eligibility(catalogue, nvq, as_at=AS_AT)

    measure("Check a learner's units: 03456, both plan objectives + chart", check_units)

    def explore() -> None:
        explore_tables.qualification_matches(catalogue, "customer", as_at=AS_AT)
        explore_tables.unit_matches(catalogue, "complaints")
        q = catalogue.qualifications["ocr-03456"]
        explore_tables.facts_table(catalogue, q)
        explore_tables.structure_table(catalogue, q)
        explore_tables.dates_table(catalogue, q, as_at=AS_AT)
        pair = [catalogue.qualifications["ocr-09628"], catalogue.qualifications["ocr-09629"]]
        explore_tables.comparison_table(catalogue, pair, as_at=AS_AT)
        explore_tables.shared_units_table(catalogue, pair)

    measure("Explore: search + profile + comparison tables", explore)


if __name__ == "__main__":
    main()
