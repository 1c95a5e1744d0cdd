"""Register benchmark: prints timings, sizes and peak memory, asserts nothing.

Run from the checkout: ``.venv/bin/python -m benchmarks.register [--rows 250000] [--seed 1]``

Writes a SYNTHETIC full data set (every title starts "SYNTHETIC"; the numbers start 9, which
the regulator does not use) with the register's real columns, in a temporary folder that is
removed afterwards, then prints:

* the import's time, and the database's size;
* a title search's latency (median over repeated searches, each opening its own read-only
  connection as the app does), for a common subject and a rare word, with and without the
  level and date filters;
* one number's lookup (median);
* the app's cold start (a fresh process running ``app.py`` once with Streamlit's AppTest),
  with no register and with this one, taken in turn; what the app does with the register on
  its first run (open it), and what Explore's register tab adds once per import (list the
  awarding organisations);
* peak resident memory of the process that imported and searched.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from advisor import import_register, open_register
from tests.support.register import HEADER  # the regulator's published columns

ROOT = Path(__file__).resolve().parent.parent

SIZES = ["Award", "Certificate", "Extended Certificate", "Diploma", "Extended Diploma"]
SUBJECTS = ["Customer Service", "Business Administration", "Health and Social Care",
            "Hospitality", "Retail Skills", "Information Technology", "Engineering",
            "Construction", "Hairdressing", "Childcare", "Warehousing", "Team Leading",
            "Accounting", "Digital Marketing", "Sport and Fitness", "Creative Media",
            "Plumbing", "Electrical Installation", "Food Safety", "Adult Social Care"]
TYPES = ["Occupational Qualification", "Vocationally-Related Qualification",
         "Other General Qualification", "Functional Skills"]


def write_synthetic(path: Path, rows: int, seed: int) -> None:
    """A synthetic full data set of ``rows`` rows: dates in the file's two styles, a tenth of
    qualifications closed, levels Entry to 8."""
    rng = random.Random(seed)
    organisations = [(f"RN{5000 + i}", f"SYNTHETIC Awarding Organisation {i}", f"SAO{i}")
                     for i in range(200)]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(rows):
            org = rng.choice(organisations)
            level = rng.choice(["Entry Level", *(f"Level {i}" for i in range(1, 9))])
            start = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(6500))
            end = start + dt.timedelta(days=rng.randrange(400, 4000)) if rng.random() < .6 else None
            cert = end + dt.timedelta(days=730) if end else None
            glh = rng.randrange(10, 600)
            writer.writerow([
                f"9{n // 10000:02d}/{n % 10000:04d}/{n % 10}",
                f"SYNTHETIC {org[2]} {level} {rng.choice(SIZES)} in {rng.choice(SUBJECTS)}",
                org[0], org[1], org[2], level, "Entry 3" if level == "Entry Level" else "",
                "", rng.choice(TYPES), rng.randrange(1, 120), "15.2", "Available to learners"
                if end is None else "No longer available to learners",
                start.isoformat(), f"{start:%d/%m/%Y}",
                end.isoformat() + "T00:00:00" if end else "", f"{cert:%d/%m/%Y}" if cert else "",
                glh, glh + 20, glh * 2, glh, rng.choice(["True", "False"]),
                rng.choice(["Yes", "No"]), "Pass/Fail", "Portfolio, observation", "", "", "",
                "", "", "", "", "0", f"https://example.org/synthetic/{n}.pdf", "No",
            ])


def _median_ms(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


COLD_START = ("import time; started = time.perf_counter(); "
              "from streamlit.testing.v1 import AppTest; "
              "at = AppTest.from_file('app.py', default_timeout=120).run(); "
              "assert not at.exception, at.exception; "
              "print(time.perf_counter() - started)")


def cold_start_seconds(register: Path, runs: int) -> float:
    """The median time for a fresh process to import the app and run its first page."""
    env = {**os.environ, "ADVISOR_REGISTER": str(register)}
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD_START], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True, timeout=600).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return statistics.median(times)


def cold_starts(without: Path, with_register: Path, runs: int) -> tuple[float, float]:
    """Median cold starts without and with the register, taken in turn (one of each, ``runs``
    times) so that a change in the machine's load falls on both alike."""
    pairs = [(cold_start_seconds(without, 1), cold_start_seconds(with_register, 1))
             for _ in range(runs)]
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cold-starts", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="register-benchmark-") as folder:
        source, database = Path(folder) / "synthetic.csv", Path(folder) / "register.sqlite3"
        started = time.perf_counter()
        write_synthetic(source, args.rows, args.seed)
        print(f"synthetic file: {args.rows:,} rows, {source.stat().st_size / 1e6:.1f} MB "
              f"(written in {time.perf_counter() - started:.1f} s)")

        started, cpu = time.perf_counter(), time.process_time()
        result = import_register(source, database)
        print(f"import: {time.perf_counter() - started:.1f} s ({time.process_time() - cpu:.1f} s "
              f"of CPU), {result.record.rows:,} rows, {len(result.problems)} problems; load "
              f"average {os.getloadavg()[0]:.1f}")
        print(f"database: {database.stat().st_size / 1e6:.1f} MB")

        register = open_register(database)
        assert register is not None
        today = dt.date(2026, 11, 29)
        searches = {
            "'customer service' (about 1 in 20 titles), first 50": lambda: register.search(
                "customer service"),
            "'customer service', level 2, open today": lambda: register.search(
                "customer service", level=2, open_on=today),
            "'plumbing' (rare), first 50": lambda: register.search("plumb"),
            "organisation 'SAO17', level 3": lambda: register.search(
                "", organisation="SAO17", level=3),
        }
        for label, search in searches.items():
            print(f"search {label}: median {_median_ms(search, 50):.1f} ms")
        numbers = [f"9{n // 10000:02d}/{n % 10000:04d}/{n % 10}"
                   for n in random.Random(2).sample(range(args.rows), 200)]
        lookups = iter(numbers * 2)
        print(f"lookup by number: median {_median_ms(lambda: register.get(next(lookups)), 200):.2f}"
              " ms")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (this process: generate, import, search): {peak:.0f} MB")

        if args.cold_starts:
            started = time.perf_counter()
            open_register(database)
            print(f"opening the register (what the app does on its first run): "
                  f"{(time.perf_counter() - started) * 1000:.1f} ms")
            started = time.perf_counter()
            register.organisations()
            print(f"its awarding organisations (Explore's filter, once per import): "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")
            without, with_register = cold_starts(Path(folder) / "absent.sqlite3", database,
                                                 args.cold_starts)
            print(f"app cold start (median of {args.cold_starts}, taken in turn): without a "
                  f"register {without:.2f} s, with it {with_register:.2f} s "
                  f"({(with_register / without - 1) * 100:+.0f}%)")


if __name__ == "__main__":
    main()
