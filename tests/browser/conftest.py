"""Real-browser fixtures: the app served by Streamlit, driven by Playwright in Debian's Chromium.

Fixtures, for journey tests in this folder:

- ``app_url``: base URL of one Streamlit server for all browser tests (``http://127.0.0.1:<port>``).
- ``browser``: one headless Chromium for all browser tests.
- ``page``: a fresh, hermetic page per test (viewport 1280x1600, base URL set, so
  ``page.goto("/")`` opens the home page); requests to anything but the app's own server are
  aborted and recorded in ``blocked_requests``.
- ``blocked_requests``: the URLs the test's page tried to reach outside 127.0.0.1.

Helpers (``wait_for_app``, ``check_accessibility``, ``save_screenshot``) are in ``helpers.py``.

The server and the browser live for the browser tests only (package scope): that keeps Chromium
and Playwright's event loop out of the rest of the run. Without Chromium the tests skip, unless
``ADVISOR_REQUIRE_BROWSER=1`` (set by ``.ci/run``), which makes its absence a failure.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, WebSocketRoute, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from tests.browser.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    SERVER_START_TIMEOUT_S,
    TIMEOUT_MS,
    save_screenshot,
    unavailable,
)
from tests.support.server import LOOPBACK, serving_for_a_test

HERE = Path(__file__).resolve().parent
# expect() waits 5 s by default; a cold first render took 5.4 s on a busy 2-core machine.
expect.set_options(timeout=TIMEOUT_MS)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``browser``, so ``-m 'not browser'`` gives a quick run."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


_CALL_REPORT = pytest.StashKey[pytest.TestReport]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Keep each test's outcome, so that ``page`` can keep a screenshot of a failure."""
    report: pytest.TestReport = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    return report


@pytest.fixture(scope="package")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve app.py from the repository root; yield its base URL; stop the server afterwards."""
    if not CHROMIUM.exists():
        # No point serving an app no browser will open.
        unavailable(f"Chromium was not found at {CHROMIUM}")
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    with serving_for_a_test(REPO, log_path, "--client.toolbarMode", "viewer",
                            timeout_s=SERVER_START_TIMEOUT_S) as (url, _):
        yield url


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for all browser tests."""
    if not CHROMIUM.exists():
        unavailable(f"Chromium was not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs the test's page tried to reach outside the app's server (filled by ``page``)."""
    return []


@pytest.fixture
def page(
    request: pytest.FixtureRequest, browser: Browser, app_url: str, blocked_requests: list[str]
) -> Iterator[Page]:
    """A fresh page in its own context, which can reach the app's server and nothing else.

    When the test fails, the page is saved as ``screenshots/failed-<test>.png``.
    """
    context = browser.new_context(
        base_url=app_url,
        viewport={"width": 1280, "height": 1600},  # tall: Streamlit scrolls its own container
        locale="en-GB",
        timezone_id="Europe/London",
        service_workers="block",
    )
    context.set_default_timeout(TIMEOUT_MS)

    def is_local(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "ws") and parts.hostname == LOOPBACK

    def only_local(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            blocked_requests.append(route.request.url)
            route.abort()

    def no_remote_sockets(socket_route: WebSocketRoute) -> None:
        blocked_requests.append(socket_route.url)
        socket_route.close()

    context.route("**/*", only_local)
    # Streamlit's own websocket goes to 127.0.0.1 and is left alone; any other is refused.
    context.route_web_socket(lambda url: not is_local(url), no_remote_sockets)
    new_page = context.new_page()
    try:
        yield new_page
        report = request.node.stash.get(_CALL_REPORT, None)
        if report is not None and report.failed:
            name = "failed-" + re.sub(r"[^\w.-]+", "_", request.node.name)
            # Best effort: the page may have crashed, and the failure already says why.
            with contextlib.suppress(PlaywrightError):
                save_screenshot(new_page, name)
    finally:
        context.close()
