"""The Streamlit app, driven through Streamlit's own testing API (widgets found by key)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")
               if not p.name.startswith("_"))
BEFORE_CLOSING = dt.date(2015, 6, 1)
PAGES_FOLDER_MODE = PagesManager.__init__


@pytest.fixture(autouse=True)
def navigation_active(monkeypatch):
    """Run every page through app.py, as a server does once st.navigation has run.

    Because the pages live in a folder named pages/, Streamlit starts each process in its old
    pages-folder mode, running a requested page without app.py until st.navigation is first
    called; AppTest starts every run that way. Tests of the cold start undo this fixture.
    """

    def init(self, *args, **kwargs):
        PAGES_FOLDER_MODE(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def cold_caches():
    """Caches are shared by every AppTest in the process; clear them around a test that needs
    the catalogue loaded afresh."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()


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


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def dataframe_with(at: AppTest, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


# ------------------------------------------------------------------------------ the frame


def test_app__starts_and_shows_the_catalogue_size(catalogue):
    at = start()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Qualifications and national structures"] == str(len(catalogue.qualifications))
    assert metrics["Units"] == str(len(catalogue.units))
    assert at.date_input(key="as_at").value == dt.date.today()
    assert any("closed to new learners" in t for t in texts(at.info))


def test_app__refuses_to_start_on_a_broken_catalogue(tmp_path, monkeypatch, cold_caches):
    from tests.test_validation import PROGRESSION, write_catalogue

    data = write_catalogue(tmp_path, {"progression.yaml": PROGRESSION.replace("ab-002", "ab-9")})
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(data))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "cannot start" in at.error[0].value
    assert "progressions[0].to" in at.code[0].value


def test_app__every_page_file_is_in_the_navigation():
    frame = (ROOT / "app.py").read_text(encoding="utf-8")
    assert PAGES and all(f'"{page}"' in frame for page in PAGES)


def test_app__a_page_requested_before_the_frame_has_run_draws_the_frame(monkeypatch):
    monkeypatch.setattr(PagesManager, "__init__", PAGES_FOLDER_MODE)
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("pages/about.py").run()
    assert not at.exception
    assert at.title[0].value == "About the data"
    assert at.date_input(key="as_at").value == dt.date.today()


def test_app__a_broken_catalogue_stops_a_page_requested_before_the_frame(
        tmp_path, monkeypatch, cold_caches):
    from tests.test_validation import PROGRESSION, write_catalogue

    monkeypatch.setattr(PagesManager, "__init__", PAGES_FOLDER_MODE)
    data = write_catalogue(tmp_path, {"progression.yaml": PROGRESSION.replace("ab-002", "ab-9")})
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(data))
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("pages/about.py").run()
    assert not at.exception
    assert "cannot start" in at.error[0].value
    assert not at.title


@pytest.mark.parametrize("as_at", [None, BEFORE_CLOSING], ids=["today", "2015"])
@pytest.mark.parametrize("page", PAGES)
def test_page__renders_without_error(page, as_at):
    at = open_page(page, **({"as_at": as_at} if as_at else {}))
    assert at.title, "every page has a title"
    assert not at.exception


# ------------------------------------------------------------------------ about the data


def test_about__lists_the_six_documents_and_the_as_at_date(catalogue):
    at = open_page("pages/about.py", as_at=BEFORE_CLOSING)
    documents = dataframe_with(at, "Document")
    assert sorted(documents["Document"]) == sorted(catalogue.documents)
    assert len(documents) == 6
    assert any("1 June 2015" in t for t in texts(at.info))
    assert any("nothing is saved" in t for t in texts(at.markdown))
