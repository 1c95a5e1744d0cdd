"""Helpers for browser tests: wait for Streamlit, check accessibility, save screenshots."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import NoReturn

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Download, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
# Playwright's defaults (30 s for actions, 5 s for expect) would be too short for a cold first
# render on a busy CI machine, yet a warm rerun takes well under a second: one limit for both.
TIMEOUT_MS = 20_000

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("ADVISOR_CHROMIUM", "/usr/bin/chromium"))
# Debian's Chromium cannot sandbox as root in a container, has no GPU, and must not phone home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 60.0


def unavailable(reason: str) -> NoReturn:
    """Skip for a developer without a browser; fail where one is required (CI)."""
    if os.environ.get("ADVISOR_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and ADVISOR_REQUIRE_BROWSER=1 requires the browser tests to run")
    pytest.skip(f"{reason}; install it (apt-get install chromium) to run the browser tests")


def wait_for_app(page: Page, *, heading: str | re.Pattern[str] | None = None) -> None:
    """Wait until Streamlit has rendered (``heading`` visible, if given) and finished running.

    Fails at once, with the traceback Streamlit shows, if the script raised. After an
    interaction, prefer waiting for the very thing the test asserts: this only says that no
    script run is in progress and no element is still loading (a Plotly chart draws later
    still: wait for ``[data-testid=stPlotlyChart] .main-svg``).
    """
    exception = page.get_by_test_id("stException")
    if heading is not None:
        page.get_by_role("heading", name=heading).or_(exception).first.wait_for(timeout=TIMEOUT_MS)
    # Streamlit marks its root with the connection and script-run state (its own e2e tests
    # wait on these), and shows the status widget only while a run is in progress.
    page.locator(
        "[data-testid=stApp][data-test-connection-state=CONNECTED]"
        "[data-test-script-state=notRunning]"
    ).wait_for(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT_MS)
    # A finished run is not a finished page: elements whose code is loaded on demand (metrics,
    # charts, ...) show a skeleton until it arrives.
    expect(page.locator("[data-testid*=Skeleton]")).to_have_count(0, timeout=TIMEOUT_MS)
    if exception.count():
        pytest.fail("the app raised:\n" + "\n\n".join(exception.all_inner_texts()))
    if heading is not None:
        expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=TIMEOUT_MS)


def download(page: Page, button: str | re.Pattern[str], *, tries: int = 3) -> Download:
    """Click the download ``button`` and return the download. A box just filled in (a name for
    the printout, say) reruns the page, and a click that lands while that rerun replaces the
    button asks for a file that no longer exists, so no download comes: the page is then let
    settle and the click made again, up to ``tries`` times."""
    for attempt in range(1, tries + 1):
        wait_for_app(page)
        try:
            with page.expect_download(timeout=TIMEOUT_MS // 2) as download_info:
                page.get_by_role("button", name=button).click()
            return download_info.value
        except PlaywrightTimeout:
            if attempt == tries:
                raise
    raise AssertionError("unreachable")


def check_accessibility(
    page: Page,
    *,
    impacts: Collection[str] = ("serious", "critical"),
    known: Mapping[str, str] | None = None,
) -> None:
    """Run axe-core on the page as it is now; fail listing every violation of the given impacts.

    ``known`` maps axe rule ids to the reason they are tolerated for now; a known violation that
    no longer occurs fails too, so the exception is removed once the app is fixed. Wait for
    tables and charts to render first: axe checks only what is in the DOM.
    """
    known = known or {}
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in impacts]
    found = [v for v in violations if v["id"] not in known]
    lines = []
    for violation in found:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}: {node['html'][:200]}\n      {summary}")
    gone = sorted(set(known) - {v["id"] for v in violations})
    lines += [f"- {rule}: listed as known but no longer occurs; remove it" for rule in gone]
    if lines:
        pytest.fail(f"accessibility (axe-core) on {page.url}:\n" + "\n".join(lines))


def save_screenshot(page: Page, name: str) -> Path:
    """Save the page to tests/browser/screenshots/<name>.png (git-ignored); return the path."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True, animations="disabled")
    return path


# A4 is 210 mm wide; the printout's own style prints it with 15 mm margins (@page).
A4_PRINTED_WIDTH_PX = round((210 - 2 * 15) / 25.4 * 96)


def print_to_a4(page: Page, name: str) -> Path:
    """Print the page as Chromium prints it to A4, to tests/browser/screenshots/<name>.pdf
    (git-ignored, beside the screenshots), after checking that, laid out for print at the width
    A4 leaves inside its margins, nothing is wider than the paper (a long name or table cut off
    at the edge); the path."""
    SCREENSHOTS.mkdir(exist_ok=True)
    pdf = SCREENSHOTS / f"{name}.pdf"
    viewport = page.viewport_size
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_PRINTED_WIDTH_PX, "height": 1100})
    try:
        overflowing = page.evaluate("""(width) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + ': ' + e.textContent.slice(0, 60))""", A4_PRINTED_WIDTH_PX)
        assert overflowing == [], f"wider than A4 when printed: {overflowing[:5]}"
        page.pdf(path=str(pdf), format="A4", print_background=True)
    finally:
        page.emulate_media(media="screen")
        if viewport is not None:
            page.set_viewport_size(viewport)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000
    return pdf
