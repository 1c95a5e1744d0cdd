"""Driving the app with Streamlit's testing API: open a page, read what it shows."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = sorted(f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py")
               if not p.name.startswith("_"))
BEFORE_CLOSING = dt.date(2015, 6, 1)


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    return at


def open_page(page: str, **session) -> AppTest:
    at = start()
    for key, value in session.items():
        at.session_state[key] = value
    at.switch_page(page).run()
    assert not at.exception
    return at


def open_with_link(page: str, as_at: dt.date | None = None, **params: str) -> AppTest:
    """The page as a shared link opens it: the answers in the address (and the sidebar's
    date, where given)."""
    at = AppTest.from_file(APP, default_timeout=30)
    if as_at is not None:
        at.session_state["as_at"] = as_at
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def change_page(at: AppTest, page: str) -> AppTest:
    """Go to another page as the sidebar does: the browser drops the address's answers."""
    at.query_params.clear()
    at.switch_page(page).run()
    assert not at.exception
    return at


def follow_page_link(at: AppTest, page: str, label: str = "") -> AppTest:
    """Click the page's link to ``page`` (``app_pages/<name>.py``), the one whose label starts
    with ``label`` where there are several: the browser opens it with the link's answers in
    the address, and only those."""
    name = page.removeprefix("app_pages/").removesuffix(".py")
    (link,) = [e.proto for e in at.get("page_link")
               if e.proto.page == name and e.proto.label.startswith(label)]
    at.query_params.clear()
    for key, value in urllib.parse.parse_qsl(link.query_string):
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception
    return at


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def all_text(at: AppTest) -> str:
    """Every heading and text on the page, with Markdown's escapes undone."""
    parts = [*texts(at.header), *texts(at.subheader), *texts(at.markdown), *texts(at.warning),
             *texts(at.info), *texts(at.success), *texts(at.caption), *texts(at.error)]
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~$])", r"\1", "\n".join(str(p) for p in parts))


def table_with(at: AppTest, column: str):
    """The first table (static or grid) with this column."""
    return next(t.value for t in [*at.table, *at.dataframe] if column in t.value.columns)


def check_units(code_id: str, urns: list[str], **session) -> AppTest:
    at = open_page("app_pages/check_units.py", **session)
    at.selectbox(key="check_qualification").set_value(code_id).run()
    return tick(at, urns)


def tick(at: AppTest, urns: list[str]) -> AppTest:
    """Tick units on the check page, then show the whole page as the browser does.

    A tick reruns the check's answer alone (the browser keeps the rest of the page), and AppTest
    holds only what the last run drew; so a run with nothing changed follows, to draw the whole
    page again.
    """
    for urn in urns:
        at.checkbox(key=f"unit_{urn}").check()
    at.run()
    assert not at.exception
    at.run()
    assert not at.exception
    return at
