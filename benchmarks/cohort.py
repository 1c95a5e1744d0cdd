"""Cohort benchmark: prints timings and peak memory, asserts nothing.

Run from the checkout: ``.venv/bin/python -m benchmarks.cohort [--learners 10000] [--seed 1]``

Builds a seeded intake from the real catalogue and times ``read_cohort`` + ``assess_cohort`` +
writing the results (CSV and .xlsx) in process, after the catalogue has loaded (the app loads
it once per process), and prints the process's peak resident memory. Two intakes:

* **intake**: shaped like a college's enrolment. Learners come in programmes (a target with its
  usual aim and employment); their job titles are typed by staff, so the listed titles recur
  with variations in case and spacing, and some are titles the documents do not list; ages are
  mostly 16-19 or adults; most hold nothing yet, some the qualification the documents name as
  the step before the target, a few list units (as unit reference numbers or as unit numbers
  within the target); about one row in a hundred has a mistake (unknown unit, absurd age,
  unknown target).
* **all distinct**: the worst case for remembered checks: every learner lists a different set of
  units,
  so every target check is worked out afresh.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import resource
import time
from collections.abc import Callable
from typing import Any

from advisor import (
    COLUMNS,
    Catalogue,
    assess_cohort,
    cohort_tables,
    load_catalogue,
    read_cohort,
    to_csv_bytes,
    to_excel_bytes,
)

AS_AT = dt.date(2026, 11, 22)

# (target, usual aim, share of learners working, the qualification named as the step before)
PROGRAMMES = [
    ("601/4404/X", "knowledge", 0.3, None),
    ("09628", "knowledge", 0.7, None),
    ("09629", "knowledge", 0.8, "09628"),
    ("03456", "competence", 1.0, "09629"),
    ("10378", "apprenticeship", 0.9, None),
    ("10379", "apprenticeship", 1.0, "10378"),
    ("10380", "apprenticeship", 1.0, "10379"),
    ("10381", "competence", 1.0, "10380"),
    ("03455", "competence", 1.0, "09628"),
    ("", "", 0.6, None),  # placement only: no target yet
]
WEIGHTS = [10, 14, 12, 14, 10, 12, 8, 4, 6, 10]
UNLISTED_ROLES = ["Barista", "Receptionist", "Store Assistant", "Care Assistant",
                  "Team Manager", "Cashier", "Admin Officer", "Delivery Driver"]


def _variant(rng: random.Random, title: str) -> str:
    return rng.choice([title, title.lower(), title.upper(), f" {title} ", title.rstrip("s")])


def _units_of(catalogue: Catalogue, code: str) -> list[tuple[str, str | None]]:
    if not code:
        return []
    rules, _ = catalogue.effective_rules(catalogue.find_qualification(code))
    if rules is None:
        return []
    return [(m.urn, m.number) for g in rules.groups for m in g.units]


def make_intake(catalogue: Catalogue, learners: int, *, seed: int,
                all_distinct: bool = False) -> bytes:
    """A learners CSV: see the module docstring for its shape."""
    rng = random.Random(seed)
    titles = [r.title for r in catalogue.job_roles.values()] + UNLISTED_ROLES
    every_unit = sorted(catalogue.units)
    units = {code: _units_of(catalogue, code) for code, *_ in PROGRAMMES}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.name for c in COLUMNS])
    for n in range(1, learners + 1):
        target, aim, working, before = rng.choices(PROGRAMMES, WEIGHTS)[0]
        age = str(rng.randint(16, 19) if rng.random() < 0.4 else rng.randint(20, 64))
        if rng.random() < 0.03:
            age = ""
        role = _variant(rng, rng.choice(titles)) if rng.random() < 0.85 else ""
        held_quals = before if before and rng.random() < 0.25 else ""
        held_units: list[str] = []
        if all_distinct:
            held_units = rng.sample(every_unit, rng.randint(3, 8))
        elif units[target] and rng.random() < 0.1:
            for urn, number in rng.sample(units[target], rng.randint(1, 3)):
                held_units.append(number if number and rng.random() < 0.5 else urn)
        row: dict[str, Any] = {
            "learner_ref": f"L{n:05d}", "age": age,
            "employment": "working" if rng.random() < working else "not-working",
            "job_role": role,
            "senior_role": rng.choice(["no", "no", "", "yes"]) if target == "10381" else
            rng.choice(["no", ""]),
            "aim": aim if rng.random() < 0.8 else "",
            "qualifications_held": held_quals, "units_held": "; ".join(held_units),
            "target": target,
        }
        mistake = rng.random()
        if mistake < 0.004:
            row["units_held"] = "X/123"
        elif mistake < 0.007:
            row["age"] = "150"
        elif mistake < 0.01:
            row["target"] = "0962x"
        writer.writerow([row.get(c.name, "") for c in COLUMNS])
    return out.getvalue().encode("utf-8")


def timed(label: str, call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = call()
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds * 1000:9.0f} ms")
    return value, seconds


def run(catalogue: Catalogue, name: str, data: bytes) -> None:
    lines = data.count(b"\n") - 1
    print(f"{name}: {lines:,} learners, {len(data) / 1e6:.1f} MB of CSV")
    cohort, read_s = timed("read_cohort", lambda: read_cohort(data, "intake.csv"))
    result, assess_s = timed("assess_cohort", lambda: assess_cohort(catalogue, cohort,
                                                                     as_at=AS_AT))
    frame, frame_s = timed("results_frame", lambda: cohort_tables.results_frame(result))
    _, csv_s = timed("to_csv_bytes", lambda: to_csv_bytes(frame))
    total = read_s + assess_s + frame_s + csv_s
    print(f"  {'read + assess + write CSV':<44} {total * 1000:9.0f} ms")
    _, xlsx_s = timed("to_excel_bytes (all five sheets)",
                      lambda: to_excel_bytes(cohort_tables.result_sheets(result)))
    print(f"  {'read + assess + write .xlsx':<44} "
          f"{(read_s + assess_s + xlsx_s) * 1000:9.0f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"  peak memory of the process so far (RSS): {peak:.0f} MB")
    print(f"  assessed {result.assessed:,}, not assessed {result.not_assessed:,}, "
          f"problems {len(result.problems):,}")
    levels = ", ".join(f"{r.recommended_level}: {r.learners}"
                       for r in cohort_tables.learners_per_level(result).itertuples())
    print(f"  levels: {levels}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    catalogue = load_catalogue()
    print(f"load the real catalogue: {(time.perf_counter() - start) * 1000:.0f} ms")
    run(catalogue, "intake", make_intake(catalogue, args.learners, seed=args.seed))
    run(catalogue, "all distinct", make_intake(catalogue, args.learners, seed=args.seed,
                                               all_distinct=True))


if __name__ == "__main__":
    main()
