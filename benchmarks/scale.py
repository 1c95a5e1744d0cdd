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
    return result


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
        ("peak memory, cold load", f"{cold['peak_load_mib']:8.0f} MiB"),
        ("peak memory, warm load", f"{warm['peak_load_mib']:8.0f} MiB"),
        ("peak memory, warm load + graph", f"{warm['peak_graph_mib']:8.0f} MiB"),
        ("  (of which Python and imports before loading)", f"{cold['baseline_mib']:8.0f} MiB"),
    ]
    for name, figure in rows:
        print(f"  {name:<52} {figure}")
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
