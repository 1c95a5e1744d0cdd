"""Browser load benchmark: many people in real browser tabs on one server at once. Prints
figures, asserts nothing. (``benchmarks.load`` measures the server alone, speaking Streamlit's
own protocol; this one includes the browser's work.)

Run: ``.venv/bin/python -m benchmarks.browser_load [--sessions 50] [--interactions 5]
[--concurrency 10]``

Starts one ``streamlit run serve.py`` on 127.0.0.1 (a free port) and one headless Chromium. Each
session is its own browser context (a separate person) on "Check a learner's units": it opens
the page, then ticks ``--interactions`` units one after another, and after each tick waits until
the result shows the credits the engine counts for the units ticked so far (a wrong count is an
error, not a slow answer). At most ``--concurrency`` sessions are open at once; a finished one
closes and the next opens. Pages open ``--open-at-once`` at a time (opening is the browser's
heaviest work: fifty tabs loading Streamlit's scripts at once on two cores take minutes), and
the first ``--concurrency`` sessions wait until all of them are open before anyone ticks, so the
ticks really are made with that many sessions open on the server. ``--timeout`` bounds the
sessions' run: those still going, or not yet started, are then reported as unfinished and the
figures so far are printed.

An interaction's time runs from the click to the updated result on screen, polled every 25 ms in
the page; a page's open time from navigation to its first result. The browser runs on the same
machine as the server, so on a small machine the figures include the browser's own work (each
tab compiles 4.7 MB of Plotly; ``--skip-chart-code`` keeps that code from the browser while the
server still builds and sends every chart). To keep that share down the browser runs at a lower
scheduling priority than the server (``--browser-niceness``, default 19, the lowest): the server
is served first, as it would be with its users on machines of their own. The server's own cost
is its CPU time, also given per run of the page (opening a tab costs the server more: it serves
Streamlit's scripts). Peak RSS is the server process's high-water mark (VmHWM), read before it
stops.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import Browser, Route, async_playwright

from advisor import (
    Catalogue,
    Qualification,
    Structure,
    check_combination,
    labels,
    load_catalogue,
)
from benchmarks.load import cpu_seconds, describe
from tests.support.server import (
    LOOPBACK,
    free_port,
    stop,
    streamlit_command,
    wait_until_serving,
)

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("ADVISOR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SHOWN_WITHOUT_OPENING = 8  # the page opens a group's expander when it lists this many or fewer
POLL_MS = 25
PLOTLY_CODE = "PlotlyChart."
"""The start of the name of Streamlit's Plotly bundle (4.7 MB of JavaScript), which
``--skip-chart-code`` keeps from the browser."""


@dataclass
class Figures:
    sessions_started: int = 0
    sessions_completed: int = 0
    interactions: list[float] = field(default_factory=list)  # seconds
    opens: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one per failed session
    unfinished: int = 0  # sessions still going, or not yet started, at --timeout
    open_now: int = 0
    most_open: int = 0  # the most sessions open on the server at one time

    def opened(self) -> None:
        self.open_now += 1
        self.most_open = max(self.most_open, self.open_now)


def default_qualification(catalogue: Catalogue) -> Qualification:
    """The page's first choice: the first fully known qualification, by level and reference."""
    ranked = labels.in_level_order(catalogue.qualifications.values())
    return next(q for q in ranked if q.structure is Structure.COMPLETE)


def plan_ticks(catalogue: Catalogue, q: Qualification, session: int,
               interactions: int) -> list[tuple[str, str]]:
    """The units this session ticks, in order, each with the result text expected after it."""
    rules, _ = catalogue.effective_rules(q)
    assert rules is not None
    shown = list(dict.fromkeys(m.urn for g in rules.groups
                               if len(g.units) <= SHOWN_WITHOUT_OPENING for m in g.units))
    if interactions > len(shown):
        raise SystemExit(f"--interactions is at most {len(shown)} (the units shown)")
    start = (session * 7) % len(shown)  # sessions tick different units in different orders
    order = list(itertools.islice(itertools.cycle(shown), start, start + interactions))
    ticks = []
    for count in range(1, interactions + 1):
        check = check_combination(catalogue, q, order[:count])
        ticks.append((order[count - 1],
                      labels.credits_counted(check)))
    return ticks


@dataclass
class Start:
    """Opening gates: how many pages load at once, and the moment ticking begins."""

    opening: asyncio.Semaphore
    together: int  # the first sessions, which tick only when all of them are open
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    settled: int = 0

    def settle(self) -> None:
        """One of the first sessions is open, or failed to open."""
        self.settled += 1
        if self.settled >= self.together:
            self.ready.set()


async def run_session(browser: Browser, url: str, number: int, ticks: list[tuple[str, str]],
                      figures: Figures, start: Start, *, timeout_ms: float,
                      chart_code: bool) -> None:
    figures.sessions_started += 1
    is_open = settled = False
    context = await browser.new_context(base_url=url, viewport={"width": 1280, "height": 1600})
    context.set_default_timeout(timeout_ms)

    async def only_local(route: Route) -> None:
        path = urlsplit(route.request.url).path
        if urlsplit(route.request.url).hostname == LOOPBACK and (
            chart_code or not Path(path).name.startswith(PLOTLY_CODE)
        ):
            await route.continue_()
        else:
            await route.abort()

    await context.route("**/*", only_local)
    try:
        page = await context.new_page()
        result_shows = ("text => [...document.querySelectorAll('[data-testid=stAlert]')]"
                        ".some(e => e.innerText.includes(text))")
        async with start.opening:
            opened = time.perf_counter()
            await page.goto("/check_units")
            is_open = True
            figures.opened()
            await page.wait_for_function(result_shows, arg="credits counted", polling=POLL_MS)
            figures.opens.append(time.perf_counter() - opened)
        if number < start.together:
            settled = True
            start.settle()
        await start.ready.wait()
        for urn, expected in ticks:
            clicked = time.perf_counter()
            await page.locator(f".st-key-unit_{urn.replace('/', '-')} label").click()
            await page.wait_for_function(result_shows, arg=expected, polling=POLL_MS)
            figures.interactions.append(time.perf_counter() - clicked)
        figures.sessions_completed += 1
    except Exception as error:  # a benchmark reports every failure and carries on
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        figures.errors.append(f"session {number}: {type(error).__name__}: {first_line}")
    finally:
        if number < start.together and not settled:
            start.settle()  # a failed opening must not keep the others waiting
        if is_open:
            figures.open_now -= 1
        with contextlib.suppress(Exception):
            await context.close()


async def drive(url: str, catalogue: Catalogue, args: argparse.Namespace,
                figures: Figures) -> None:
    q = default_qualification(catalogue)
    plans = [plan_ticks(catalogue, q, n, args.interactions) for n in range(args.sessions)]
    gate = asyncio.Semaphore(args.concurrency)
    start = Start(asyncio.Semaphore(args.open_at_once), min(args.concurrency, args.sessions))

    async def one(number: int) -> None:
        async with gate:
            await run_session(browser, url, number, plans[number], figures, start,
                              timeout_ms=args.wait_timeout * 1000,
                              chart_code=not args.skip_chart_code)

    os.nice(args.browser_niceness)  # inherited by the browser this process starts, not the server
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                   args=CHROMIUM_ARGS)
        tasks = [asyncio.create_task(one(n)) for n in range(args.sessions)]
        _, pending = await asyncio.wait(tasks, timeout=args.timeout)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        figures.unfinished = args.sessions - figures.sessions_completed - len(figures.errors)
        with contextlib.suppress(Exception):
            await browser.close()


# ------------------------------------------------------------------------------ the server


def peak_rss_mib(pid: int) -> float | None:
    """The process's high-water resident set size, from /proc (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser_load",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50, help="people, in all (default 50)")
    parser.add_argument("--interactions", type=int, default=5,
                        help="units each person ticks, one at a time (default 5)")
    parser.add_argument("--concurrency", type=int, default=10,
                        help="sessions open at once (default 10)")
    parser.add_argument("--open-at-once", type=int, default=5,
                        help="pages loading at one time (default 5)")
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds for the whole run (default 900)")
    parser.add_argument("--wait-timeout", type=float, default=60,
                        help="seconds one page may take to open or answer (default 60)")
    parser.add_argument("--skip-chart-code", action="store_true",
                        help="keep Plotly's JavaScript from the browser: the server still "
                             "builds and sends every chart, but the tabs do not draw them, "
                             "so less of a small machine goes on the browser")
    parser.add_argument("--browser-niceness", type=int, default=19, choices=range(20),
                        metavar="0-19", help="how much lower the browser's scheduling priority "
                        "is than the server's (default 19, the lowest)")
    args = parser.parse_args(argv)
    if min(args.sessions, args.interactions, args.concurrency, args.open_at_once) < 1:
        parser.error("--sessions, --interactions, --concurrency and --open-at-once must be at "
                     "least 1")
    if not CHROMIUM.exists():
        parser.error(f"Chromium was not found at {CHROMIUM} (set ADVISOR_CHROMIUM)")

    catalogue = load_catalogue()
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    log = open(os.devnull, "wb")  # noqa: SIM115 - the server's output is not needed
    server = subprocess.Popen(streamlit_command(port), cwd=REPO, stdout=log,
                              stderr=subprocess.STDOUT)
    figures = Figures()
    try:
        failure = wait_until_serving(url, server, 60)
        if failure is not None:
            print(failure, file=sys.stderr)
            return 1
        rss_idle = peak_rss_mib(server.pid)
        started = time.perf_counter()
        asyncio.run(drive(url, catalogue, args, figures))
        wall = time.perf_counter() - started
        rss_peak, cpu = peak_rss_mib(server.pid), cpu_seconds([server.pid])
    finally:
        stop(server)
        log.close()

    print(f"server {url}, {os.cpu_count()} CPUs; {args.sessions} sessions, "
          f"{args.concurrency} at once, {args.interactions} interactions each, browser at "
          f"niceness {args.browser_niceness}"
          + ("; Plotly's code kept from the browser" if args.skip_chart_code else ""))
    print(f"{'sessions':<22} {figures.sessions_completed} completed of "
          f"{figures.sessions_started} started")
    print(f"{'most open at once':<22} {figures.most_open} sessions")
    print(f"{'interactions':<22} {len(figures.interactions)} answered correctly")
    print(f"{'errors':<22} {len(figures.errors)} sessions failed, {figures.unfinished} "
          f"unfinished at --timeout {args.timeout:.0f} s")
    for error in figures.errors[:10]:
        print(f"  {error}")
    print(describe("interaction (tick)", figures.interactions))
    print(describe("open page", figures.opens))
    print(f"{'wall time':<22} {wall:.1f} s, {len(figures.interactions) / wall:.1f} "
          "interactions/s")
    if rss_peak is not None:
        print(f"{'server peak RSS':<22} {rss_peak:.0f} MiB (before the first session: "
              f"{rss_idle:.0f} MiB)")
    if cpu:
        runs = len(figures.opens) + len(figures.interactions)
        per_run = f", {cpu / runs * 1000:.0f} ms a run of the page" if runs else ""
        print(f"{'server CPU time':<22} {cpu:.1f} s{per_run}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
