"""Scale benchmark: prints timings and memory, asserts nothing.

Run: ``.venv/bin/python -m benchmarks.scale`` (from the repository root). Options:
``--synthetic DIR`` uses a catalogue already written by ``python -m benchmarks.synthetic``;
otherwise one is generated into a temporary directory (``--qualifications``, ``--units``,
``--seed``; 15,000, 60,000 and 1 by default). ``--skip-real`` leaves out ``data/``.

For the real catalogue and the synthetic one it prints: a cold load (read, validate, check;
no cache), the first load through the cache (a cold load plus writing the cache), a warm load
(read back from the cache), building the graph, and the peak memory (largest resident set) of
the cold and the warm process. Every figure comes from a fresh Python process, so one
measurement's memory and caches do not colour the next; the cache lives in a temporary
directory, never the user's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------------------------
# One measurement, in its own process
# ---------------------------------------------------------------------------------------------


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(mode: str, data_dir: str) -> dict[str, Any]:
    """Run one measurement in this process: ``cold``, ``first`` or ``warm``."""
    import advisor.catalogue as loader
    from advisor.graph import build_graph

    parsed = []
    read = loader._read_catalogue

    def counting_read(path: Path) -> Any:
        parsed.append(path)
        return read(path)

    loader._read_catalogue = counting_read  # to tell a cache hit from a miss
    baseline = _peak_mib()
    start = time.perf_counter()
    catalogue = loader.load_catalogue(data_dir, use_cache=mode != "cold")
    result: dict[str, Any] = {
        "load_s": time.perf_counter() - start,
        "parsed": bool(parsed),
        "peak_load_mib": _peak_mib(),
        # The largest of the worker processes that read part of a large catalogue (0: none).
        "peak_worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "baseline_mib": baseline,
        "qualifications": len(catalogue.qualifications),
        "units": len(catalogue.units),
    }
    if mode == "warm":
        start = time.perf_counter()
        graph = build_graph(catalogue)
        result["graph_s"] = time.perf_counter() - start
        result["graph_nodes"] = graph.number_of_nodes()
        result["graph_edges"] = graph.number_of_edges()
        result["peak_graph_mib"] = _peak_mib()
        result |= measure_passes(catalogue, graph)
    return result


def _intake(catalogue: Any, learners: int, seed: int) -> bytes:
    """A learners file shaped like a real intake, from any catalogue: targets with known
    rules, a few units of the target held by some learners, job titles from the catalogue."""
    import csv
    import io
    import random

    from advisor.cohort import COLUMNS
    from advisor.models import Category

    rng = random.Random(seed)
    targets = sorted(q.id for q in catalogue.qualifications.values()
                     if q.category is Category.QUALIFICATION and q.rules is not None)
    programmes = rng.sample(targets, min(40, len(targets)))  # a centre offers a few dozen
    roles = [r.title for r in catalogue.job_roles.values()] or ["Call Centre Operator"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.name for c in COLUMNS])
    for n in range(learners):
        q = catalogue.qualifications[rng.choice(programmes)]
        listed = [m.urn for g in q.rules.groups for m in g.units]
        held = rng.sample(listed, min(len(listed), rng.randint(1, 3))) if rng.random() < 0.2 \
            else []
        row = {"learner_ref": f"L{n:05d}", "age": str(rng.randint(16, 60)),
               "employment": rng.choice(["working", "working", "not-working"]),
               "job_role": rng.choice(roles), "senior_role": "", "aim": "",
               "qualifications_held": "", "units_held": "; ".join(held),
               "target": q.code or q.regulator_number or q.id}
        writer.writerow([row.get(c.name, "") for c in COLUMNS])
    return out.getvalue().encode("utf-8")


def measure_passes(catalogue: Any, graph: Any) -> dict[str, Any]:
    """One learner's full pass, route search and a 10,000-learner cohort, on this catalogue."""
    import datetime as dt
    import itertools
    import statistics

    from advisor.cohort import assess_cohort, read_cohort, results_frame
    from advisor.combination import forget_remembered
    from advisor.models import Category
    from advisor.recommend import Employment, Profile, recommend
    from advisor.routes import already_reached, find_routes
    from advisor.safe_output import to_csv_bytes

    as_at = dt.date(2026, 11, 22)
    at_two = sorted(q.id for q in catalogue.qualifications.values()
                    if q.level == 2 and q.rules is not None
                    and q.category is Category.QUALIFICATION)
    figures: dict[str, Any] = {}
    times = []
    listed = [m.urn for qid in at_two[:3] for g in catalogue.qualifications[qid].rules.groups
              for m in g.units]
    role = next((r.title for r in catalogue.job_roles.values() if r.level == 2), None)
    for n in range(3):  # three learners in a Level 2 job, each holding two different units
        units = tuple(listed[2 * n:2 * n + 2])
        profile = Profile(age=25, employment=Employment.WORKING, role=role, held_units=units)
        if n == 0:
            forget_remembered()
        start = time.perf_counter()
        result = recommend(catalogue, profile, as_at=as_at)
        times.append(time.perf_counter() - start)
    figures["pass_cold_s"] = times[0]
    figures["pass_warm_s"] = statistics.median(times[1:])
    figures["pass_options"] = len(result.options)

    starts = [q for q in sorted(catalogue.qualifications.values(), key=lambda q: q.id)
              if q.category is Category.QUALIFICATION and q.level is not None
              and any(p.from_ == q.id for p in catalogue.progressions[:2000])][:20]
    route_times = []
    for q in starts:
        goal = q.level + 1
        start = time.perf_counter()
        if not already_reached(q, to_level=goal):
            list(itertools.islice(find_routes(catalogue, graph, from_qualification=q,
                                              to_level=goal), 5))
        route_times.append(time.perf_counter() - start)
    figures["routes_median_s"] = statistics.median(route_times) if route_times else 0.0
    figures["routes_max_s"] = max(route_times) if route_times else 0.0
    figures["routes_starts"] = len(route_times)

    data = _intake(catalogue, 10_000, seed=1)
    start = time.perf_counter()
    read = read_cohort(data, "intake.csv", max_bytes=50_000_000)
    cohort = assess_cohort(catalogue, read, as_at=as_at)
    to_csv_bytes(results_frame(cohort))
    figures["cohort_s"] = time.perf_counter() - start
    figures["cohort_assessed"] = cohort.assessed
    figures["peak_passes_mib"] = _peak_mib()
    return figures


def _child(mode: str, data_dir: Path, cache_dir: Path) -> dict[str, Any]:
    env = {**os.environ, "ADVISOR_CACHE_DIR": str(cache_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", "--child", mode, str(data_dir)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {mode} measurement failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def _size(data_dir: Path) -> tuple[int, int]:
    files = [p for p in data_dir.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _seconds(value: float) -> str:
    return f"{value * 1000:8.1f} ms" if value < 1 else f"{value:8.2f} s "


def report(label: str, data_dir: Path) -> None:
    count, size = _size(data_dir)
    with tempfile.TemporaryDirectory(prefix="advisor-bench-cache-") as cache:
        cache_dir = Path(cache)
        cold = _child("cold", data_dir, cache_dir)
        first = _child("first", data_dir, cache_dir)
        warm = _child("warm", data_dir, cache_dir)
        retried = warm["parsed"]
        if retried:
            # A data file or an advisor module changed while the first load ran, so it was
            # rightly not cached; the warm run that missed has cached it: measure again.
            warm = _child("warm", data_dir, cache_dir)
        cache_bytes = sum(p.stat().st_size for p in cache_dir.glob("catalogue-*.pickle"))
    print(f"\n{label}: {data_dir}")
    print(f"  {cold['qualifications']:,} qualifications, {cold['units']:,} units, "
          f"{count:,} files, {size / 1e6:.1f} MB of YAML; cache file {cache_bytes / 1e6:.1f} MB")
    rows = [
        ("cold load (read, validate, check; no cache)", _seconds(cold["load_s"])),
        ("first load through the cache (cold + write)", _seconds(first["load_s"])),
        ("warm load (cache hit)" + ("" if not warm["parsed"] else ", NOT A HIT"),
         _seconds(warm["load_s"])),
        (f"graph build ({warm['graph_nodes']:,} nodes, {warm['graph_edges']:,} edges)",
         _seconds(warm["graph_s"])),
        (f"one learner's full pass, cold ({warm['pass_options']:,} qualifications at the "
         "level: eligibility + plan)", _seconds(warm["pass_cold_s"])),
        ("one learner's full pass, warm (the next learner)", _seconds(warm["pass_warm_s"])),
        (f"route search, first 5 routes, median of {warm['routes_starts']} starts",
         _seconds(warm["routes_median_s"])),
        ("route search, slowest start", _seconds(warm["routes_max_s"])),
        (f"10,000-learner cohort: read + assess + CSV ({warm['cohort_assessed']:,} assessed)",
         _seconds(warm["cohort_s"])),
        ("peak memory, cold load", f"{cold['peak_load_mib']:8.0f} MiB"),
        ("  and of the largest worker process reading part of it",
         f"{cold['peak_worker_mib']:8.0f} MiB"),
        ("peak memory, warm load", f"{warm['peak_load_mib']:8.0f} MiB"),
        ("peak memory, warm load + graph", f"{warm['peak_graph_mib']:8.0f} MiB"),
        ("peak memory, warm load + graph + passes + cohort",
         f"{warm['peak_passes_mib']:8.0f} MiB"),
        ("  (of which Python and imports before loading)", f"{cold['baseline_mib']:8.0f} MiB"),
    ]
    for name, figure in rows:
        print(f"  {name:<78} {figure}")
    if retried:
        print("  (files changed during the first load, so it was not cached; warm load retried)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=Path, help="a synthetic catalogue already written")
    parser.add_argument("--qualifications", type=int, default=15_000)
    parser.add_argument("--units", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-real", action="store_true", help="leave out data/")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child[0], args.child[1])))
        return 0
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    if not args.skip_real:
        report("Real catalogue", REPO / "data")
    if args.synthetic is not None:
        report("Synthetic catalogue", args.synthetic)
        return 0
    from benchmarks.synthetic import generate_catalogue

    with tempfile.TemporaryDirectory(prefix="advisor-synthetic-") as temp:
        data = Path(temp) / "data"
        start = time.perf_counter()
        generate_catalogue(data, qualifications=args.qualifications, units=args.units,
                           seed=args.seed)
        print(f"\n(generated the synthetic catalogue in {time.perf_counter() - start:.1f} s, "
              f"seed {args.seed})")
        report("Synthetic catalogue", data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
