"""Load benchmark at the server: many people at once, speaking Streamlit's own protocol.
Prints figures, asserts nothing.

Run: ``.venv/bin/python -m benchmarks.load [--users 100] [--think 3] [--duration 60]``

Each virtual user is one Streamlit session over the app's websocket (no browser: see
``tests/support/streamlit_protocol.py``), so hundreds cost the load generator little. A user
runs real journeys one after another, each on a fresh session, until ``--duration`` ends:

- *Check a learner's units*: open the page, choose 03456, then tick (and now and then untick)
  units one by one, ``--ticks`` of them; after each click the result must say the credits the
  engine counts (``check_combination``) for exactly the units ticked;
- *Find a starting level*: give an age, say working or not, pick a job role if working; after each
  answer the suggested level must be the engine's (``recommend``);
- *Plan a route*: choose a qualification held, then a level; the routes offered must be the
  engine's first five (``find_routes``), in order.

A wrong answer is an error, as is an exception on the page, a timeout or a dropped connection.
Between clicks a user waits ``--think`` seconds (exponentially distributed around it, so clicks
do not march in step); ``--rate`` caps the clicks per second of all users together. Users start
spread over ``--ramp`` seconds. Everything is bounded: users, rate and ``--duration`` (a user's
last click must start before it ends; ``--grace`` bounds the wait for the last answers).

An interaction's latency runs from sending the click to the arrival of the answer's element
(what a browser would then draw); ``run`` is to the end of the page's run. Opening a page is
counted apart. The server is started here (one ``streamlit run`` on a free loopback port)
unless ``--url`` names one already serving (e.g. the proxy of ``scripts/serve-replicas``); its
CPU and memory are read from /proc for ``--pid`` (repeat for each replica), or for the server
started here. Load is only ever sent to this machine (127.0.0.1).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import itertools
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advisor import (
    Catalogue,
    Employment,
    Objective,
    Profile,
    already_reached,
    check_combination,
    find_routes,
    labels,
    load_catalogue,
    recommend,
    status_on,
)
from tests.support.server import (
    LOOPBACK,
    free_port,
    stop,
    streamlit_command,
    wait_until_serving,
)
from tests.support.streamlit_protocol import (
    Page,
    ProtocolError,
    Session,
    bool_value,
    double_value,
    stream_url,
    string_value,
)

REPO = Path(__file__).resolve().parent.parent
CHECK_QUALIFICATION = "ocr-03456"
ROUTES_SHOWN = 5  # app_pages/plan_route.py shows the first five routes


class WrongAnswer(Exception):
    """The page's answer is not the engine's."""


# ------------------------------------------------------------------------------ figures


@dataclass
class Figures:
    interactions: dict[str, list[float]] = field(default_factory=dict)  # by journey, seconds
    runs: list[float] = field(default_factory=list)  # click to the end of the page's run
    opens: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    journeys: int = 0
    open_now: int = 0
    most_open: int = 0
    checked: int = 0  # answers compared with the engine's

    def record(self, journey: str, answer_s: float, page: Page) -> None:
        self.interactions.setdefault(journey, []).append(answer_s)
        self.runs.append(page.finished_s)

    def all_interactions(self) -> list[float]:
        return [s for values in self.interactions.values() for s in values]


class Pacer:
    """At most ``rate`` clicks a second across all users (none if ``rate`` is None)."""

    def __init__(self, rate: float | None) -> None:
        self.interval = 1 / rate if rate else 0.0
        self.next_slot = time.monotonic()

    async def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        slot = max(self.next_slot, now)
        self.next_slot = slot + self.interval
        await asyncio.sleep(slot - now)


@dataclass
class User:
    """What a journey needs: the app, the engine, this user's randomness and the clock."""

    number: int
    url: str
    catalogue: Catalogue
    figures: Figures
    pacer: Pacer
    rng: random.Random
    think_s: float
    deadline: float
    timeout_s: float
    as_at: dt.date
    ticks: int = 6  # ticks in one Check-a-learner's-units journey before a fresh session

    def more_time(self) -> bool:
        return time.monotonic() < self.deadline

    async def think(self) -> bool:
        """A person's pause before a click, then the pacer's slot: True if the click is still
        within the run's time. A pause that would end after the deadline ends the journey at
        the deadline instead: clicking then would put every user's last click in the same
        instant, a burst that no real crowd makes (it was the slowest 5% of some runs)."""
        pause = self.rng.expovariate(1 / self.think_s) if self.think_s else 0.0
        left = self.deadline - time.monotonic()
        if pause >= left:
            await asyncio.sleep(max(0.0, left))
            return False
        await asyncio.sleep(pause)
        await self.pacer.wait()
        return self.more_time()

    @contextlib.asynccontextmanager
    async def session(self, page_name: str):  # type: ignore[no-untyped-def]
        async with Session(self.url, page_name, timeout_s=self.timeout_s) as session:
            self.figures.open_now += 1
            self.figures.most_open = max(self.figures.most_open, self.figures.open_now)
            try:
                opened = time.perf_counter()
                await session.open()
                self.figures.opens.append(time.perf_counter() - opened)
                yield session
            finally:
                self.figures.open_now -= 1


def answer_time(page: Page, path: tuple[int, ...] | None) -> float:
    return page.arrived.get(path, page.finished_s) if path is not None else page.finished_s


# ------------------------------------------------------------------------------ journeys


def credits_shown(page: Page) -> tuple[tuple[int, ...] | None, str | None]:
    for path, alert in page.of_kind("alert"):
        if "credits counted" in alert.body:
            return path, alert.body
    return None, None


def expected_credits(catalogue: Catalogue, ticked: Sequence[str], as_at: dt.date) -> str:
    """The start of the headline the page must show on ``as_at``, up to its credits
    counted."""
    q = catalogue.qualifications[CHECK_QUALIFICATION]
    check = check_combination(catalogue, q, ticked, objective=Objective.CREDITS)
    headline = labels.check_headline(check, status_on(catalogue, q, as_at))
    end = "credits counted"
    return headline[:headline.index(end) + len(end)]


def check_credits(user: User, page: Page, ticked: Sequence[str]) -> tuple[int, ...] | None:
    path, shown = credits_shown(page)
    expected = expected_credits(user.catalogue, ticked, user.as_at)
    if shown is None or not shown.startswith(expected):
        raise WrongAnswer(f"units {sorted(ticked)}: expected {expected!r}, saw {shown!r}")
    user.figures.checked += 1
    return path


async def check_units(user: User) -> None:
    """Open Check a learner's units, choose 03456, tick and untick units one by one."""
    q = user.catalogue.qualifications[CHECK_QUALIFICATION]
    async with user.session("check_units") as session:
        if not await user.think():
            return
        page = await session.change("check_qualification",
                                    string_value(labels.qualification_label(q)))
        path = check_credits(user, page, [])
        user.figures.record("check units", answer_time(page, path), page)
        units = [key.removeprefix("unit_") for key in page.keys("unit_")]
        ticked: list[str] = []
        for _ in range(user.ticks):
            if not await user.think():
                return
            urn = user.rng.choice(units)
            now_ticked = urn not in ticked
            page = await session.change(f"unit_{urn}", bool_value(now_ticked))
            ticked = [u for u in ticked if u != urn] + ([urn] if now_ticked else [])
            path = check_credits(user, page, ticked)
            user.figures.record("check units", answer_time(page, path), page)


def level_shown(page: Page) -> tuple[tuple[int, ...] | None, str | None]:
    for path, metric in page.of_kind("metric"):
        if metric.label == "Suggested level":
            return path, metric.body
    for path, info in page.of_kind("alert"):
        if info.body.startswith("Not enough to go on yet"):
            return path, None
    return None, "nothing"


async def starting_level(user: User) -> None:
    """Open Find a starting level; give an age, say whether working, then a job role if so."""
    roles = sorted({r.title for r in user.catalogue.job_roles.values()})
    age = user.rng.randint(16, 64)
    working = user.rng.random() < 0.7
    role = user.rng.choice(roles)
    async with user.session("starting_level") as session:
        # The radio's options are its labels, "Yes, in a job..." first, as the page lists them.
        employment_label = session.page.widget("sl_employment").options[0 if working else 1]
        employment = Employment.WORKING if working else Employment.NOT_WORKING
        answers = [
            ("sl_age", double_value(age), Profile(age=age)),
            ("sl_employment", string_value(employment_label),
             Profile(age=age, employment=employment)),
        ]
        if working:  # the page asks about a job only of someone who has one
            answers.append(("sl_role", string_value(role),
                            Profile(age=age, employment=employment, role=role)))
        for key, value, profile in answers:
            if not await user.think():
                return
            page = await session.change(key, value)
            level = recommend(user.catalogue, profile, as_at=user.as_at).recommended_level
            expected = None if level is None else f"Level {level}"
            path, shown = level_shown(page)
            if shown != expected:
                raise WrongAnswer(f"{profile}: expected {expected!r}, saw {shown!r}")
            user.figures.checked += 1
            user.figures.record("starting level", answer_time(page, path), page)


def expected_routes(user: User, start: str, to_level: int | None) -> list[str]:
    catalogue = user.catalogue
    held = catalogue.qualifications[start]
    if already_reached(held, to_level=to_level):
        return []
    found = find_routes(catalogue, from_qualification=held, to_level=to_level, as_at=user.as_at)
    return [labels.route_name(n + 1, route)
            for n, route in enumerate(itertools.islice(found, ROUTES_SHOWN))]


async def plan_route(user: User) -> None:
    """Open Plan a route; choose a qualification held, then a level to aim for."""
    catalogue = user.catalogue
    async with user.session("plan_route") as session:
        held_box = session.page.widget("route_from")
        by_label = {labels.qualification_label(catalogue.qualifications[i]): i
                    for i in catalogue.qualifications}
        start_label = user.rng.choice(list(held_box.options))
        start = by_label[start_label]
        to_level = user.rng.randint(2, 4)
        steps: list[tuple[str, str, int | None]] = [
            ("route_from", start_label, None), ("route_to_level", f"Level {to_level}", to_level)]
        for key, label, level in steps:
            if not await user.think():
                return
            page = await session.change(key, string_value(label))
            expected = expected_routes(user, start, level)
            found = page.widget_with_path("route_choice")
            shown = list(found[1].options) if found else []
            if shown != expected:
                raise WrongAnswer(f"from {start} to level {level}: expected {expected}, saw "
                                  f"{shown}")
            user.figures.checked += 1
            user.figures.record("plan route", answer_time(page, found[0] if found else None),
                                page)


JOURNEYS: dict[str, Callable[[User], Awaitable[None]]] = {
    "check": check_units, "level": starting_level, "route": plan_route}


async def run_user(user: User, journeys: Sequence[str]) -> None:
    first = user.number % len(journeys)  # users start on different journeys, then take turns
    for name in itertools.cycle([*journeys[first:], *journeys[:first]]):
        if not user.more_time():
            return
        try:
            await JOURNEYS[name](user)
            user.figures.journeys += 1
        except (WrongAnswer, ProtocolError, OSError, TimeoutError) as error:
            user.figures.errors.append(f"user {user.number} ({name}): "
                                       f"{type(error).__name__}: {error}")
            await asyncio.sleep(min(user.think_s, 1.0))  # a failing server is not hammered
        except Exception as error:  # e.g. the connection closed: reported, not fatal
            user.figures.errors.append(f"user {user.number} ({name}): "
                                       f"{type(error).__name__}: {error}")
            await asyncio.sleep(min(user.think_s, 1.0))


# ------------------------------------------------------------------------------ the server


class Sampler:
    """CPU and memory of the server processes, from /proc, with the sessions open then."""

    def __init__(self, pids: Sequence[int], figures: Figures) -> None:
        self.pids = list(pids)
        self.figures = figures
        self.peak_rss_mib = 0.0
        self.open_at_peak = 0
        self.start_rss_mib = rss_mib(self.pids)
        self.start_cpu = cpu_seconds(self.pids)

    async def run(self) -> None:
        while True:
            rss = rss_mib(self.pids)
            if rss > self.peak_rss_mib:
                self.peak_rss_mib, self.open_at_peak = rss, self.figures.open_now
            await asyncio.sleep(0.5)


def rss_mib(pids: Sequence[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total


def cpu_seconds(pids: Sequence[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def describe(label: str, seconds: Sequence[float]) -> str:
    if not seconds:
        return f"{label:<24} none"
    ms = [s * 1000 for s in seconds]
    return (f"{label:<24} {len(ms):>6}  p50 {statistics.median(ms):6.0f} ms  "
            f"p95 {percentile(ms, 0.95):6.0f} ms  p99 {percentile(ms, 0.99):6.0f} ms  "
            f"max {max(ms):6.0f} ms")


@dataclass
class Result:
    figures: Figures
    wall_s: float
    server_cpu_s: float
    peak_rss_mib: float
    start_rss_mib: float
    open_at_peak: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    generator_cpu_s: float


async def warm_up(url: str, sessions: int, timeout_s: float) -> None:
    """Open a page on every server first (imports, the catalogue), so that the memory before
    the run is the servers' own and what grows is the sessions'."""
    async def one() -> None:
        async with Session(url, "check_units", timeout_s=timeout_s) as session:
            await session.open()
    await asyncio.gather(*(one() for _ in range(sessions)))


async def drive(url: str, catalogue: Catalogue, args: argparse.Namespace,
                pids: Sequence[int]) -> Result:
    figures = Figures()
    await warm_up(url, max(1, len(pids)), args.wait_timeout)
    sampler = Sampler(pids, figures)
    pacer = Pacer(args.rate)
    started = time.monotonic()
    deadline = started + args.duration
    load_before = os.getloadavg()
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    as_at = dt.date.today()

    async def one(number: int) -> None:
        await asyncio.sleep(args.ramp * number / args.users)
        user = User(number=number, url=url, catalogue=catalogue, figures=figures, pacer=pacer,
                    rng=random.Random(args.seed * 100_003 + number), think_s=args.think,
                    deadline=deadline, timeout_s=args.wait_timeout, as_at=as_at,
                    ticks=args.ticks)
        await run_user(user, args.journeys)

    sampling = asyncio.create_task(sampler.run())
    tasks = [asyncio.create_task(one(n)) for n in range(args.users)]
    _, pending = await asyncio.wait(tasks, timeout=args.duration + args.grace)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    if pending:
        figures.errors.append(f"{len(pending)} users still waiting for an answer "
                              f"{args.grace:.0f} s after the end")
    sampling.cancel()
    wall = time.monotonic() - started
    usage_after = resource.getrusage(resource.RUSAGE_SELF)
    generator_cpu = (usage_after.ru_utime + usage_after.ru_stime
                     - usage_before.ru_utime - usage_before.ru_stime)
    return Result(figures=figures, wall_s=wall,
                  server_cpu_s=cpu_seconds(pids) - sampler.start_cpu,
                  peak_rss_mib=sampler.peak_rss_mib, start_rss_mib=sampler.start_rss_mib,
                  open_at_peak=sampler.open_at_peak, load_before=load_before,
                  load_after=os.getloadavg(), generator_cpu_s=generator_cpu)


def report(result: Result, args: argparse.Namespace, url: str, pids: Sequence[int]) -> None:
    figures = result.figures
    clicks = figures.all_interactions()
    print(f"server {url} ({len(pids)} process{'es' if len(pids) != 1 else ''} measured), "
          f"{os.cpu_count()} CPUs; {args.users} users, think {args.think:g} s"
          + (f", at most {args.rate:g} clicks/s" if args.rate else "")
          + f", {args.duration:g} s, journeys {','.join(args.journeys)}")
    print(f"{'load average':<24} {result.load_before[0]:.2f} before, "
          f"{result.load_after[0]:.2f} after (1 min)")
    print(f"{'users':<24} {args.users}, most sessions open at once {figures.most_open}")
    print(f"{'journeys':<24} {figures.journeys} finished")
    print(f"{'interactions':<24} {len(clicks)} answered, {figures.checked} answers checked "
          "against the engine")
    print(f"{'errors':<24} {len(figures.errors)}")
    for error in figures.errors[:10]:
        print(f"  {error}")
    print(f"{'interactions per second':<24} {len(clicks) / result.wall_s:.1f} "
          f"(over {result.wall_s:.1f} s)")
    print(describe("click to answer", clicks))
    for journey, values in sorted(figures.interactions.items()):
        print(describe(f"  {journey}", values))
    print(describe("click to end of run", figures.runs))
    print(describe("open a page", figures.opens))
    if pids:
        runs = len(figures.runs) + len(figures.opens)
        per_run = f", {result.server_cpu_s / runs * 1000:.0f} ms a run" if runs else ""
        print(f"{'server CPU':<24} {result.server_cpu_s:.1f} s in {result.wall_s:.0f} s "
              f"({result.server_cpu_s / result.wall_s * 100:.0f}% of one core){per_run}")
        per_session = ""
        if result.open_at_peak:
            grown = result.peak_rss_mib - result.start_rss_mib
            per_session = (f", {grown / result.open_at_peak:.2f} MiB more per open session "
                           f"({result.open_at_peak} open)")
        print(f"{'server memory (RSS)':<24} {result.start_rss_mib:.0f} MiB warm before, peak "
              f"{result.peak_rss_mib:.0f} MiB{per_session}")
    print(f"{'load generator CPU':<24} {result.generator_cpu_s:.1f} s")


def parse_options(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20, help="virtual users (default 20)")
    parser.add_argument("--think", type=float, default=3.0,
                        help="mean seconds between a user's clicks (default 3)")
    parser.add_argument("--rate", type=float, default=None,
                        help="at most this many clicks a second, all users together")
    parser.add_argument("--duration", type=float, default=60,
                        help="seconds of clicking (default 60)")
    parser.add_argument("--ramp", type=float, default=10,
                        help="seconds over which users start (default 10)")
    parser.add_argument("--grace", type=float, default=60,
                        help="seconds to wait for the last answers after --duration (default 60)")
    parser.add_argument("--wait-timeout", type=float, default=60,
                        help="seconds one answer may take before it is an error (default 60)")
    parser.add_argument("--journeys", default="check,level,route",
                        type=lambda text: [j for j in text.split(",") if j],
                        help="journeys users run in turn: check, level, route "
                             "(default all three)")
    parser.add_argument("--ticks", type=int, default=6,
                        help="ticks in one Check a learner's units journey before the user "
                             "opens a fresh session (default 6; a large number keeps every "
                             "session open for the whole run)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--url", help="an app already serving on 127.0.0.1 (default: start one)")
    parser.add_argument("--pid", type=int, action="append", default=[],
                        help="a server process to measure (repeat for each replica)")
    args = parser.parse_args(argv)
    if args.users < 1 or args.duration <= 0 or args.think < 0:
        parser.error("--users must be at least 1, --duration above 0, --think 0 or more")
    if args.users > 5000 or args.duration > 3600:
        parser.error("bounded: at most 5000 users and 3600 s")
    unknown = set(args.journeys) - set(JOURNEYS)
    if unknown or not args.journeys:
        parser.error(f"--journeys: choose from {', '.join(JOURNEYS)}")
    if args.url:
        try:
            stream_url(args.url)
        except ValueError as error:
            parser.error(str(error))
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_options(argv)
    catalogue = load_catalogue()
    server = None
    log = None
    url = args.url
    pids = list(args.pid)
    try:
        if url is None:
            port = free_port()
            url = f"http://{LOOPBACK}:{port}"
            log = open(os.devnull, "wb")  # noqa: SIM115 - the server's output is not needed
            server = subprocess.Popen(streamlit_command(port), cwd=REPO, stdout=log,
                                      stderr=subprocess.STDOUT)
            pids = [server.pid]
            failure = wait_until_serving(url, server, 60)
            if failure is not None:
                print(failure, file=sys.stderr)
                return 1
        result = asyncio.run(drive(url, catalogue, args, pids))
    finally:
        if server is not None:
            stop(server)
        if log is not None:
            log.close()
    report(result, args, url, pids)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
