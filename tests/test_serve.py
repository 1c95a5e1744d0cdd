"""``streamlit run serve.py`` (the README's command) gives the advisor a head start: its imports
run as the server starts, before any browser has asked for a page. Seen from outside, in the
shared libraries the server process has loaded (Linux's /proc/<pid>/maps)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.server import serving_for_a_test

REPO = Path(__file__).resolve().parent.parent
# Compiled parts of the advisor's dependencies, which Streamlit itself does not load on start.
ADVISOR_LIBRARIES = ("pandas/_libs", "pydantic_core")

pytestmark = pytest.mark.skipif(not Path("/proc/self/maps").exists(),
                                reason="reads the server's loaded libraries from /proc")


def loaded(pid: int) -> set[str]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    return {name for name in ADVISOR_LIBRARIES if name in maps}


@contextmanager
def server(tmp_path: Path, script: str) -> Iterator[int]:
    """``streamlit run <script>`` from the repository, serving: its process id."""
    with serving_for_a_test(REPO, tmp_path / f"{script}.log", script=script) as (_, process):
        yield process.pid


def loaded_within(pid: int, seconds: float) -> set[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if loaded(pid) == set(ADVISOR_LIBRARIES):
            break
        time.sleep(0.1)
    return loaded(pid)


def test_serve__the_advisor_is_imported_before_any_page_is_asked_for(tmp_path: Path):
    with server(tmp_path, "serve.py") as pid:
        assert loaded_within(pid, 20) == set(ADVISOR_LIBRARIES)


def test_serve__without_it_nothing_is_imported_until_a_page_is(tmp_path: Path):
    """The control: ``streamlit run app.py`` imports the advisor on the first page's run."""
    with server(tmp_path, "app.py") as pid:
        assert loaded_within(pid, 3) == set()
