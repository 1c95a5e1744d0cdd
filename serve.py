"""Serve the advisor: ``streamlit run serve.py``.

The app itself is ``app.py`` (the frame and its pages); this file serves it through Streamlit's
ASGI ``st.App``, for one reason: a server that has just started has nothing to do while the
first browser downloads Streamlit's own code (about a second), and the first run of a page then
spends about 0.7 s importing the advisor (pandas, networkx, pydantic and the rest). The startup
hook below starts those imports in a background thread as the server starts, so they overlap.
Measured with ``benchmarks/speed_floor.py``'s start: 2.9 s with ``streamlit run app.py``, 2.3 s
with this. ``streamlit run app.py`` still serves the same app, only without the head start.

Nothing here touches a learner's data: the thread only imports the advisor and reads the
shipped catalogue once, as the first page would.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st


def _import_the_advisor() -> None:
    import advisor

    advisor.load_catalogue()  # reading the YAML loads pydantic's validators and the parser


@asynccontextmanager
async def _head_start(_: st.App) -> AsyncIterator[None]:
    threading.Thread(target=_import_the_advisor, name="advisor-import", daemon=True).start()
    yield


app = st.App("app.py", lifespan=_head_start)
