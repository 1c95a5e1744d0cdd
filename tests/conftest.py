"""Shared fixtures: the real catalogue, its graph, the source documents, and the app served for
the tests that speak Streamlit's protocol."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import tests.support.examples  # noqa: F401  (registers and loads the Hypothesis profile)
from advisor import Catalogue, load_catalogue
from tests.support.server import serving_for_a_test

REPO = Path(__file__).resolve().parent.parent


def _find_sources() -> Path | None:
    """The folder holding the seed documents and external-facts.md, if it can be found."""
    configured = os.environ.get("ADVISOR_SOURCES_DIR")
    candidates = [Path(configured)] if configured else []
    candidates += [REPO.parent / "shared", Path("/work/shared")]
    for candidate in candidates:
        if (candidate / "seeds").is_dir() and (candidate / "sources").is_dir():
            return candidate
    return None


@pytest.fixture(scope="session", autouse=True)
def no_register_of_the_users(tmp_path_factory):
    """Every test, and every process a test starts, sees no register unless it makes one: the
    advisor's register is named by ADVISOR_REGISTER, here a file that does not exist, so no
    test reads or writes the register in the user's own data folder."""
    before = os.environ.get("ADVISOR_REGISTER")
    os.environ["ADVISOR_REGISTER"] = str(tmp_path_factory.mktemp("no-register") / "none.sqlite3")
    yield
    if before is None:
        del os.environ["ADVISOR_REGISTER"]
    else:
        os.environ["ADVISOR_REGISTER"] = before


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app as the README starts it, on a free loopback port, for one test module (the
    browser tests have their own, shared by all of them)."""
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    with serving_for_a_test(REPO, log_path) as (url, _):
        yield url


@pytest.fixture(scope="session")
def graph(catalogue):
    return catalogue.graph


@pytest.fixture(scope="session")
def source_text():
    """A function from a cited document name to its text."""
    root = _find_sources()
    if root is None:
        if os.environ.get("ADVISOR_REQUIRE_SOURCES"):
            pytest.fail("the source documents (shared/seeds, shared/sources) were not found")
        pytest.skip("the source documents are not beside this checkout")

    def read(name: str) -> str:
        folder = "sources" if name.endswith(".md") else "seeds"
        return (root / folder / name).read_text(encoding="utf-8")

    return read


@pytest.fixture
def cold_caches():
    """Caches are shared by every AppTest in the process; clear them around a test that needs
    the catalogue loaded afresh."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
