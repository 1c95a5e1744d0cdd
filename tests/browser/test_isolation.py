"""Twenty learners at once: one server, twenty browser sessions, each sees only its own answers.

The server shares one catalogue and graph between sessions (``st.cache_resource``); everything a
person chooses lives in their own session. Twenty sessions of one Chromium, each with its own
context (cookies, storage, websocket), open "Check a learner's units", choose a qualification and
tick a different set of units, with their actions interleaved so that the server runs the
sessions' reruns at the same time. Each must end with exactly its own ticks and the credits the
engine counts for them.

One thread drives all twenty pages: Playwright's sync API is not thread-safe, and an action
returns once the browser has it, not when Streamlit has rerun, so interleaving actions keeps
many reruns in flight on the server at once.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route, expect

from advisor import Catalogue, check_combination
from tests.browser.helpers import TIMEOUT_MS, save_screenshot
from tests.support.server import LOOPBACK

SESSIONS = 20
HEADING = "Check a learner's units"
# (qualification, sessions on it): the first is the page's default, the others are chosen.
PLAN = (("ocnlr-601-4404-x", 8), ("ocr-03456", 7), ("ocr-09629", 5))
MAX_TICKS = 3
PLOTLY_CODE = "PlotlyChart."
"""Streamlit's Plotly bundle (4.7 MB of JavaScript) is kept from these tabs: compiling it took
about 5.5 s of CPU per tab, three quarters of what a tab costs, and the chart is not what is
tested here. The server still builds and sends every chart; the tab shows a loading error in
its place and everything else as usual."""
WAIT_MS = 3 * TIMEOUT_MS  # twenty sessions on a shared two-core machine: generous, not tight
SHOWN_WITHOUT_OPENING = 8  # the page opens a group's expander when it lists this many or fewer


@dataclass(frozen=True)
class Learner:
    """What one session does, and what it must see."""

    number: int
    qualification: str
    reference: str  # what to type in the selectbox to choose the qualification
    units: tuple[str, ...]
    counted: int
    required: int


def plan_learners(catalogue: Catalogue) -> list[Learner]:
    """Twenty learners; on each qualification, each learner's ticks give a different count of
    credits, so a session showing another's answer cannot pass for its own."""
    learners: list[Learner] = []
    for qualification_id, wanted in PLAN:
        q = catalogue.qualifications[qualification_id]
        rules, _ = catalogue.effective_rules(q)
        assert rules is not None
        shown = list(dict.fromkeys(
            member.urn for group in rules.groups if len(group.units) <= SHOWN_WITHOUT_OPENING
            for member in group.units))  # fmt: skip
        by_count: dict[int, tuple[str, ...]] = {}
        for size in range(MAX_TICKS, 0, -1):  # most ticks first: more reruns in flight
            for units in itertools.combinations(shown, size):
                check = check_combination(catalogue, q, list(units))
                by_count.setdefault(check.credits_counted, units)
        counts = sorted(by_count)[:wanted]
        assert len(counts) == wanted, f"{qualification_id}: only {len(by_count)} distinct counts"
        for counted in counts:
            learners.append(Learner(
                number=len(learners), qualification=qualification_id,
                reference=q.reference, units=by_count[counted], counted=counted,
                required=check_combination(catalogue, q, []).credits_required,
            ))  # fmt: skip
    assert len(learners) == SESSIONS
    return learners


def checkbox_key_class(urn: str) -> str:
    """Streamlit marks a keyed widget's container ``st-key-<key>``, with ``/`` as ``-``."""
    return "st-key-unit_" + urn.replace("/", "-")


@pytest.fixture
def pages(browser: Browser, app_url: str) -> Iterator[list[Page]]:
    """Twenty hermetic pages, each in its own browser context (a separate person)."""
    contexts: list[BrowserContext] = []
    blocked: list[str] = []

    def only_local(route: Route) -> None:
        parts = urlsplit(route.request.url)
        if parts.path.rpartition("/")[2].startswith(PLOTLY_CODE):
            route.abort()  # the chart's code: see PLOTLY_CODE
        elif parts.scheme in ("http", "ws") and parts.hostname == LOOPBACK:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    try:
        for _ in range(SESSIONS):
            context = browser.new_context(
                base_url=app_url, viewport={"width": 1280, "height": 1600}, locale="en-GB",
                service_workers="block")
            context.set_default_timeout(TIMEOUT_MS)
            context.route("**/*", only_local)
            contexts.append(context)
        yield [context.new_page() for context in contexts]
        assert blocked == [], "a page tried to reach another host"
    finally:
        for context in contexts:
            context.close()


def qualification_box(page: Page) -> Locator:
    return page.locator(".st-key-check_qualification").get_by_role("combobox")


def chosen_label(learner: Learner) -> re.Pattern[str]:
    """The selectbox's label for the learner's qualification: its reference, then its title."""
    return re.compile(f"^{re.escape(learner.reference)} - ")


def settle(page: Page, *, heading: str | None = None) -> None:
    """Wait until the session's script has run (``heading`` shown, if given), failing at once if
    it raised. Unlike ``wait_for_app`` this does not wait for elements loading their code: the
    chart's never comes (see PLOTLY_CODE)."""
    exception = page.get_by_test_id("stException")
    if heading is not None:
        page.get_by_role("heading", name=heading).or_(exception).first.wait_for(timeout=WAIT_MS)
    page.locator(
        "[data-testid=stApp][data-test-connection-state=CONNECTED]"
        "[data-test-script-state=notRunning]"
    ).wait_for(timeout=WAIT_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT_MS)
    if exception.count():
        pytest.fail("the app raised:\n" + "\n\n".join(exception.all_inner_texts()))


def choose_qualification(page: Page, learner: Learner) -> None:
    qualification_box(page).click()
    page.keyboard.type(learner.reference)
    page.get_by_role("option", name=chosen_label(learner)).click()


def tick(page: Page, urn: str) -> None:
    page.locator(f".{checkbox_key_class(urn)} label").click()


def ticked_units(page: Page) -> set[str]:
    """The URNs of the checkboxes ticked on the page, read back from their keys."""
    classes = page.locator("[class*='st-key-unit_']:has(input:checked)").evaluate_all(
        "elements => elements.map(e => e.className)")
    found = set()
    for names in classes:
        key = next(name for name in names.split() if name.startswith("st-key-unit_"))
        letter, first, second = key.removeprefix("st-key-unit_").split("-")
        found.add(f"{letter}/{first}/{second}")
    return found


@pytest.mark.slow
def test_isolation__twenty_sessions_at_once_each_see_only_their_own_units(
    pages: list[Page], catalogue: Catalogue
):
    learners = plan_learners(catalogue)
    default = PLAN[0][0]

    # The tabs open one after another: opening is not what is tested, and on two cores tabs
    # loading Streamlit's scripts at the same time take longer in all than one at a time (five
    # at once about 13-17 s, one at a time about 2 s each).
    for page in pages:
        page.goto("/check_units", wait_until="commit")
        settle(page, heading=HEADING)

    choosing = [(page, learner) for page, learner in zip(pages, learners, strict=True)
                if learner.qualification != default]
    for page, learner in choosing:
        choose_qualification(page, learner)
    for page, learner in choosing:
        settle(page)
        expect(qualification_box(page)).to_have_value(chosen_label(learner))

    for round_ in range(MAX_TICKS):  # one tick per session per round, all sessions in flight
        ticking = [(page, learner) for page, learner in zip(pages, learners, strict=True)
                   if round_ < len(learner.units)]
        for page, learner in ticking:
            tick(page, learner.units[round_])
        for page, _ in ticking:
            settle(page)

    wrong = []
    deadline = time.monotonic() + WAIT_MS / 1000  # one wait for all: a wrong answer fails soon
    for page, learner in zip(pages, learners, strict=True):
        expected = f"{learner.counted} of {learner.required} credits counted"
        result = page.get_by_test_id("stAlert").filter(has_text="credits counted")
        try:
            left_ms = max(1000.0, (deadline - time.monotonic()) * 1000)
            expect(result).to_contain_text(expected, timeout=left_ms)
        except AssertionError:
            save_screenshot(page, f"failed-isolation-session-{learner.number}")
            wrong.append(f"session {learner.number} ({learner.qualification}, "
                         f"{', '.join(learner.units)}): expected {expected!r}, saw "
                         f"{result.all_inner_texts()}")
            continue
        ticked = ticked_units(page)
        if ticked != set(learner.units):
            wrong.append(f"session {learner.number}: ticked {sorted(ticked)}, "
                         f"expected {sorted(learner.units)}")
        chosen = qualification_box(page).input_value()
        if not chosen_label(learner).match(chosen):
            wrong.append(f"session {learner.number}: shows {chosen!r}, "
                         f"expected {learner.reference}")
    assert wrong == []
