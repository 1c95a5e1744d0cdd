"""The app in a real browser: the home page renders, is accessible, and stays on this machine."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.helpers import check_accessibility, save_screenshot, wait_for_app

TITLE = "Customer Service qualifications advisor"


def test_frame__home_page_renders_accessibly_without_outbound_requests(
    page: Page, blocked_requests: list[str]
):
    page.goto("/")
    wait_for_app(page, heading=TITLE)
    expect(page).to_have_title(TITLE)
    save_screenshot(page, "home")

    check_accessibility(page)
    assert blocked_requests == [], "the app tried to reach hosts other than its own server"


def test_frame__page_fixture_blocks_and_records_outbound_requests(
    page: Page, blocked_requests: list[str]
):
    """Without this, a broken route would make the no-outbound check above pass vacuously."""
    page.goto("/")
    outcome = page.evaluate(
        """async () => {
            const socket = new WebSocket("ws://example.invalid/socket");
            const closed = new Promise(resolve => socket.addEventListener("close", resolve));
            try { await fetch("https://example.invalid/font.woff2"); return "fetched"; }
            catch { await closed; return "blocked"; }
        }"""
    )
    assert outcome == "blocked"
    assert sorted(blocked_requests) == [
        "https://example.invalid/font.woff2",
        "ws://example.invalid/socket",
    ]
