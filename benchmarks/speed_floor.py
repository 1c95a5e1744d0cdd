"""Speed against Streamlit's own floor: this app beside a hello-world Streamlit app, in real
Chromium. Prints figures, asserts nothing.

Run: ``.venv/bin/python -m benchmarks.speed_floor [--starts 5] [--ticks 15]``

The hello-world app is a title, one checkbox and a line of text that says whether the box is
ticked; it is written to a temporary folder at run time, with this app's own
``.streamlit/config.toml`` beside it, so both run with the same settings and the same
``streamlit run`` command (``tests/support/server.py``). Two figures, for each app and as a
ratio (app / hello world):

- start: from spawning ``streamlit run`` to its first page settled in a fresh browser context
  (the page's heading shown, no script run in progress, nothing still loading: the browser
  tests' ``wait_for_app``). The app opens its home page, as ``streamlit run`` does
  (``--start-on check``: "Check a learner's units", whose chart's code loads on first use).
  The median of ``--starts`` fresh servers, the two apps taking turns.
- tick: from the click on a checkbox to the updated answer on screen. In the app, a unit of the
  page's first qualification is ticked and the result's "N of M credits counted" must change to
  what the engine says for the units now ticked (units are ticked while a tick changes the count,
  then unticked, last first); in the hello world, its line of text must change. Timed inside
  the page: from the click's ``pointerdown`` to the first animation frame in which the new text
  is in the page, so Playwright's own round trips are left out (also printed: the same seen
  from this script, Playwright's round trips included). After each tick the page is left
  to settle before the next. The median of ``--ticks``, the two apps taking turns, each on one
  server started for the ticks.

A third page, *same size*, separates Streamlit's cost for a page of this size from the app's
own: it is written at run time with as many elements as the app's check page has once open
(counted in the browser), the same unit checkboxes (same keys and labels), lines of text for
the rest and one alert that adds up the credits ticked: no engine, no tables, no decisions. Its
ticks take turns with the other two, on the same clicks, and the app's tick is printed against
it too. A fourth, *same size, answer alone*, is the same page drawn the way the app's check page
is: each checkbox's tick reruns only the alert (a fragment, ``st.rerun`` from the box's
``on_change``), so it is the least Streamlit itself needs to answer a tick on a page this big,
with an answer of one line.

The servers and the browser share the machine, so the figures include the browser's own work.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from advisor import (
    Catalogue,
    GroupMember,
    Qualification,
    check_combination,
    labels,
    load_catalogue,
)
from benchmarks.browser_load import SHOWN_WITHOUT_OPENING, default_qualification
from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, REPO, TIMEOUT_MS, wait_for_app
from tests.support.server import LOOPBACK, free_port, stop, streamlit_command, wait_until_serving

HELLO_WORLD = '''\
import streamlit as st

st.title("Hello world")
ticked = st.checkbox("Tick me")
st.write("The box is ticked." if ticked else "The box is empty.")
'''
SAME_SIZE = '''\
import streamlit as st

# Written by benchmarks/speed_floor.py: as many elements as the app's check page, with the same
# unit checkboxes (same keys and labels), and nothing else: no engine, no tables.
UNITS = {units!r}
ANSWER_ALONE = {answer_alone!r}  # a tick reruns the answer alone, as on the app's check page


def rerun_answer_alone():
    if ANSWER_ALONE:
        st.rerun("answer")


@st.fragment(key="answer")
def answer():
    ticked = sum(credits for key, _, credits in UNITS if st.session_state.get(key))
    st.warning(f"Ticked: {{ticked}} credits")


st.title({heading!r})
with st.sidebar:
    st.date_input("As at", key="as_at")
left, right = st.columns(2)
with left:
    for key, label, _ in UNITS:
        st.checkbox(label, key=key, on_change=rerun_answer_alone)
    for number in range({filler}):
        st.caption(f"Line {{number}} of text beside the units, as the page's sources are.")
with right:
    answer()
'''
SAME_SIZE_HEADING = "Same size"
ANSWER_ALONE_HEADING = "Same size, answer alone"
HELLO_HEADING = "Hello world"
HELLO_TEXTS = ("The box is empty.", "The box is ticked.")
APP_HOME = ("/", "Customer Service qualifications advisor")
APP_CHECK = ("/check_units", "Check a learner's units")

# Installed in every page: remembers when the pointer went down for a click.
CLICK_CLOCK = ("document.addEventListener('pointerdown', "
               "() => { window.__clickedAt = performance.now(); }, true);")
# True-ish once an element matching the selector contains the text: the milliseconds since the
# click. Checked on every animation frame.
ANSWER_SHOWN = """([selector, text]) => {
    const shown = [...document.querySelectorAll(selector)].some(e => e.innerText.includes(text));
    return shown ? Math.max(performance.now() - window.__clickedAt, 0.001) : false;
}"""


@dataclass
class Side:
    """One of the two apps: where it runs from, what its first page is, and its figures."""

    name: str
    folder: Path
    start_page: tuple[str, str]  # address and heading of the page opened on a fresh start
    tick_page: tuple[str, str]  # and of the page whose checkbox is ticked
    starts: list[float] = field(default_factory=list)  # seconds, spawn to settled page
    to_health: list[float] = field(default_factory=list)  # seconds, spawn to health 200
    ticks: list[float] = field(default_factory=list)  # seconds, click to updated answer
    tick_walls: list[float] = field(default_factory=list)  # the same, as Playwright sees it


# ------------------------------------------------------------------------------ the servers


@contextmanager
def serving(folder: Path, port: int) -> Iterator[tuple[str, subprocess.Popen[bytes], float]]:
    """``streamlit run serve.py`` (this app, as the README starts it) or ``app.py`` (the
    floors) in ``folder`` on ``port``: (URL, process, moment spawned). The server's output goes
    to a file (a full pipe would block it); it is shown if it fails."""
    url = f"http://{LOOPBACK}:{port}"
    script = "serve.py" if (folder / "serve.py").exists() else "app.py"
    with tempfile.TemporaryFile() as log:
        spawned = time.perf_counter()
        server = subprocess.Popen(streamlit_command(port, script=script), cwd=folder,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            yield url, server, spawned
        except Exception:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-3000:])
            raise
        finally:
            stop(server)


def serve_or_fail(url: str, server: subprocess.Popen[bytes]) -> None:
    failure = wait_until_serving(url, server, 60)
    if failure is not None:
        raise RuntimeError(failure)


def app_folder(parent: Path, name: str, source: str) -> Path:
    """A folder holding ``source`` as ``app.py`` and this app's Streamlit settings."""
    folder = parent / name
    (folder / ".streamlit").mkdir(parents=True)
    (folder / "app.py").write_text(source, encoding="utf-8")
    shutil.copy(REPO / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    return folder


def hello_world_folder(parent: Path) -> Path:
    return app_folder(parent, "hello", HELLO_WORLD)


def same_size_folder(parent: Path, units: Sequence[tuple[str, str, int]], elements: int, *,
                     answer_alone: bool) -> Path:
    """The same-size page: ``units`` (key, label, credits) as checkboxes, and lines of text up
    to ``elements`` elements in all; with ``answer_alone``, a tick reruns only the answer."""
    filler = max(elements - len(units) - 3, 0)  # the title, the sidebar's date, the answer
    heading = ANSWER_ALONE_HEADING if answer_alone else SAME_SIZE_HEADING
    source = SAME_SIZE.format(units=list(units), filler=filler, heading=heading,
                              answer_alone=answer_alone)
    return app_folder(parent, "answer-alone" if answer_alone else "same-size", source)


def page_units(catalogue: Catalogue, q: Qualification) -> list[tuple[str, str, int]]:
    """The check page's unit checkboxes for ``q``: (widget key, label, credits)."""
    rules, _ = catalogue.effective_rules(q)
    members: dict[str, GroupMember] = {}
    for group in rules.groups if rules else ():
        for member in group.units:
            members.setdefault(member.urn, member)  # the page's checkbox is in the first group
    return [(f"unit_{urn}", labels.unit_label(catalogue, member),
             catalogue.units[urn].credits or 0 if urn in catalogue.units else 0)
            for urn, member in members.items()]


def same_size_ticks(units: Sequence[tuple[str, str, int]],
                    clicks: Sequence[tuple[str, str]]) -> list[str]:
    """What the same-size page shows after each of the app's clicks (the same units)."""
    credits = {key.removeprefix("unit_"): c for key, _, c in units}
    held: set[str] = set()
    texts = []
    for urn, _ in clicks:
        held ^= {urn}
        texts.append(f"Ticked: {sum(credits[u] for u in held)} credits")
    return texts


ELEMENTS = "[data-testid=stElementContainer]"


# ------------------------------------------------------------------------------ the browser


def new_context(browser: Browser, url: str) -> BrowserContext:
    """A fresh, hermetic context (nothing cached), as the browser tests use."""
    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 1600},
                                  locale="en-GB", timezone_id="Europe/London",
                                  service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)

    def only_local(route: Route) -> None:
        if route.request.url.startswith(f"http://{LOOPBACK}"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_local)
    context.add_init_script(CLICK_CLOCK)
    return context


def open_settled(context: BrowserContext, address_and_heading: tuple[str, str]) -> Page:
    address, heading = address_and_heading
    page = context.new_page()
    page.goto(address)
    wait_for_app(page, heading=heading)
    return page


def measure_start(browser: Browser, side: Side) -> None:
    """One fresh server, spawn to first page settled."""
    port = free_port()
    context = new_context(browser, f"http://{LOOPBACK}:{port}")  # made before the clock starts
    try:
        with serving(side.folder, port) as (url, server, spawned):
            serve_or_fail(url, server)
            side.to_health.append(time.perf_counter() - spawned)
            open_settled(context, side.start_page)
            side.starts.append(time.perf_counter() - spawned)
    finally:
        context.close()


def timed_tick(page: Page, side: Side, checkbox: str, selector: str, text: str) -> None:
    """Click ``checkbox``; the seconds from the click to ``text`` shown in ``selector``, in the
    page and as seen from here (with Playwright's own round trips)."""
    clicked = time.perf_counter()
    page.locator(checkbox).click()
    shown = page.wait_for_function(ANSWER_SHOWN, arg=[selector, text], polling="raf",
                                   timeout=TIMEOUT_MS)
    side.tick_walls.append(time.perf_counter() - clicked)
    side.ticks.append(float(shown.json_value()) / 1000)
    wait_for_app(page)  # the run finished and the page settled: the next tick starts clean


# ------------------------------------------------------------------------------ what is ticked


def counted(catalogue: Catalogue, q: Qualification, held: Sequence[str]) -> str:
    """The part of the check's headline that names the credits counted, as the page shows it
    (after "Complete: " or "Not complete yet: ", so "3 of 23" is not found in "33 of 23")."""
    check = check_combination(catalogue, q, list(held))
    return f": {labels.credits_counted(check)}"


def plan_app_ticks(catalogue: Catalogue, q: Qualification, ticks: int) -> list[tuple[str, str]]:
    """``ticks`` clicks on the page's unit checkboxes, each changing the credits counted: tick
    units (those shown without opening a group) while a tick changes the count, then untick them,
    last first. Each with the text the result must then show."""
    rules, _ = catalogue.effective_rules(q)
    if rules is None:
        raise SystemExit(f"{q.reference} has no known rules of combination")
    shown = list(dict.fromkeys(m.urn for g in rules.groups
                               if len(g.units) <= SHOWN_WITHOUT_OPENING for m in g.units))
    held: list[str] = []
    text = counted(catalogue, q, held)
    unticking = False
    clicks: list[tuple[str, str]] = []
    while len(clicks) < ticks:
        if not unticking:
            for urn in (u for u in shown if u not in held):
                after = counted(catalogue, q, [*held, urn])
                if after != text:
                    held.append(urn)
                    clicks.append((urn, after))
                    text = after
                    break
            else:
                unticking = True
            continue
        if not held:
            if not clicks:
                raise SystemExit(f"no unit of {q.reference} changes the credits counted")
            unticking = False
            continue
        urn = held.pop()  # back to the units before it was ticked: a different count
        text = counted(catalogue, q, held)
        clicks.append((urn, text))
    return clicks


def unit_checkbox(urn: str) -> str:
    return f".st-key-unit_{urn.replace('/', '-')} [data-testid=stCheckbox] label"


# ------------------------------------------------------------------------------ the run


def measure_ticks(browser: Browser, app: Side, hello: Side, floors: Sequence[Side],
                  clicks: list[tuple[str, str]], units: Sequence[tuple[str, str, int]],
                  parent: Path) -> int:
    """One server of each; their pages ticked in turn. The same-size ``floors`` (the plain one,
    then the one whose ticks rerun the answer alone) are written once the app's check page is
    open, to as many elements as it has; returns that number."""
    with ExitStack() as stack:
        def opened(side: Side) -> Page:
            url, server, _ = stack.enter_context(serving(side.folder, free_port()))
            serve_or_fail(url, server)
            context = new_context(browser, url)
            stack.callback(context.close)
            return open_settled(context, side.tick_page)

        app_page, hello_page = opened(app), opened(hello)
        elements = app_page.locator(ELEMENTS).count()
        floor_pages = []
        for floor in floors:
            floor.folder = same_size_folder(parent, units, elements,
                                            answer_alone=floor.tick_page[1] == ANSWER_ALONE_HEADING)
            floor_pages.append(opened(floor))
        same_texts = same_size_ticks(units, clicks)
        for number, (urn, text) in enumerate(clicks):
            timed_tick(app_page, app, unit_checkbox(urn), "[data-testid=stAlert]", text)
            timed_tick(hello_page, hello, "[data-testid=stCheckbox] label",
                       "[data-testid=stMarkdown]", HELLO_TEXTS[(number + 1) % 2])
            for floor, page in zip(floors, floor_pages, strict=True):
                timed_tick(page, floor, unit_checkbox(urn), "[data-testid=stAlert]",
                           same_texts[number])
    return elements


def in_turn(rounds: int, *steps: Callable[[], None]) -> None:
    for _ in range(rounds):
        for step in steps:
            step()


def median_ms(seconds: Sequence[float]) -> float:
    return statistics.median(seconds) * 1000


def report(app: Side, hello: Side, floors: Sequence[Side], q: Qualification,
           elements: int) -> None:
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the end; app: "
          f"starts open {app.start_page[0]}, ticks on {app.tick_page[0]} ({q.reference}, "
          f"{elements} elements); hello world: a title, a checkbox, a line of text; same size: "
          f"{elements} elements, the same unit checkboxes, no engine (answer alone: a tick "
          f"reruns only its one-line answer)")
    print(f"{'median':<48} {'app':>9} {'hello world':>12} {'ratio':>7}")
    rows = [
        (f"start: spawn to page settled ({len(app.starts)})", app.starts, hello.starts),
        ("  of which spawn to health 200", app.to_health, hello.to_health),
        (f"tick: click to answer shown ({len(app.ticks)})", app.ticks, hello.ticks),
        ("  the same, seen from Playwright", app.tick_walls, hello.tick_walls),
    ]
    rows += [(f"tick, {floor.name} in the app's column", floor.ticks, hello.ticks)
             for floor in floors]
    for label, mine, floor_figures in rows:
        ours, theirs = median_ms(mine), median_ms(floor_figures)
        print(f"{label:<48} {ours:>6.0f} ms {theirs:>9.0f} ms {ours / theirs:>6.2f}x")
    for floor in floors:
        ours, theirs = median_ms(app.ticks), median_ms(floor.ticks)
        print(f"{'tick, against ' + floor.name:<48} {ours:>6.0f} ms {theirs:>9.0f} ms "
              f"{ours / theirs:>6.2f}x  ({floor.name} in the middle column)")
    for side in (app, hello, *floors):
        if side.starts:
            print(f"{side.name} starts (s): " + ", ".join(f"{s:.2f}" for s in side.starts))
        print(f"{side.name} ticks (ms): " + ", ".join(f"{s * 1000:.0f}" for s in side.ticks))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_floor",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5,
                        help="fresh servers of each app to time (default 5)")
    parser.add_argument("--ticks", type=int, default=15,
                        help="checkbox ticks on each app to time (default 15)")
    parser.add_argument("--start-on", choices=("home", "check"), default="home",
                        help="the app's page opened on a fresh start: its home page, as "
                        "streamlit run opens it (default), or Check a learner's units")
    args = parser.parse_args(argv)
    if min(args.starts, args.ticks) < 1:
        parser.error("--starts and --ticks must be at least 1")
    if not CHROMIUM.exists():
        parser.error(f"Chromium was not found at {CHROMIUM} (set ADVISOR_CHROMIUM)")

    catalogue = load_catalogue()
    q = default_qualification(catalogue)
    clicks = plan_app_ticks(catalogue, q, args.ticks)
    with tempfile.TemporaryDirectory(prefix="speed-floor-") as temporary, sync_playwright() as pw:
        app = Side("app", REPO, APP_CHECK if args.start_on == "check" else APP_HOME, APP_CHECK)
        hello_page = ("/", HELLO_HEADING)
        hello = Side("hello world", hello_world_folder(Path(temporary)), hello_page, hello_page)
        floors = [Side(name, Path(temporary), ("/", heading), ("/", heading))  # written later
                  for name, heading in (("same size", SAME_SIZE_HEADING),
                                        ("same size, answer alone", ANSWER_ALONE_HEADING))]
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            in_turn(args.starts, lambda: measure_start(browser, app),
                    lambda: measure_start(browser, hello))
            elements = measure_ticks(browser, app, hello, floors, clicks,
                                     page_units(catalogue, q), Path(temporary))
        finally:
            browser.close()
    report(app, hello, floors, q, elements)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
