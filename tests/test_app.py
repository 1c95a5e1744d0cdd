"""The Streamlit app, driven through Streamlit's own testing API."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(autouse=True)
def _fresh_caches():
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()


def test_app__starts_and_shows_the_catalogue_size(catalogue):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Qualifications and national structures"] == str(len(catalogue.qualifications))
    assert metrics["Units"] == str(len(catalogue.units))


def test_app__refuses_to_start_on_a_broken_catalogue(tmp_path, monkeypatch):
    from tests.test_validation import PROGRESSION, write_catalogue

    data = write_catalogue(tmp_path, {"progression.yaml": PROGRESSION.replace("ab-002", "ab-9")})
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(data))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "cannot start" in at.error[0].value
    assert "progressions[0].to" in at.code[0].value
