"""A Streamlit client without a browser: one session over the app's own websocket protocol.

What a browser tab does, and no more: it connects to ``/_stcore/stream`` (subprotocol
``streamlit``), asks for a run of a page with a ``BackMsg.rerun_script`` (a ``ClientState``
with the page, the address's query string and the values of the widgets the person has set),
and reads ``ForwardMsg``s until ``script_finished``: ``new_session`` at the start of each run,
``delta``s (each element at its path in the page), ``navigation`` (the page's script hash, sent
back on later runs), ``page_info_changed`` (the new query string, which the browser writes into
the address and sends back on the next run). Widgets are found by their key, which Streamlit
puts at the end of the element id (``$$ID-<hash>-<key>``); a person's change is sent as the
widget's value in ``widget_states``, together with every value set before, as the browser does.
A run of a fragment alone (``script_finished`` says so) redraws only the fragment's blocks; the
rest of the page stays as it was, as in the browser.

Used by the protocol load benchmark (``benchmarks/load.py``) and the replica tests. Loopback
only: :func:`stream_url` refuses any other host.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class ProtocolError(Exception):
    """The server answered in a way a browser could not show: an exception on the page, a
    run that did not finish, or a closed connection."""


def stream_url(base_url: str) -> str:
    """The websocket address for an app served at ``base_url`` (``http://127.0.0.1:port``)."""
    parts = urlsplit(base_url)
    if parts.hostname not in LOOPBACK_HOSTS:
        raise ValueError(f"{base_url}: load is only ever sent to this machine (127.0.0.1)")
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


def widget_key(element_id: str) -> str | None:
    """The key a widget was given, from its element id (``$$ID-<hash>-<key>``)."""
    if not element_id.startswith("$$ID-"):
        return None
    key = element_id.split("-", 2)[2]
    return None if key == "None" else key


@dataclass
class Page:
    """One run of a page as the browser would draw it: each element at its path, and when it
    arrived (seconds since the request was sent)."""

    elements: dict[tuple[int, ...], Element] = field(default_factory=dict)
    arrived: dict[tuple[int, ...], float] = field(default_factory=dict)
    finished_s: float = 0.0

    def of_kind(self, kind: str) -> list[tuple[tuple[int, ...], Any]]:
        """Elements of one kind (``alert``, ``metric``, ``radio``...) with their paths, in
        page order."""
        return [(path, getattr(element, kind)) for path, element in sorted(self.elements.items())
                if element.WhichOneof("type") == kind]

    def widget(self, key: str) -> Any | None:
        """The widget with this key (its proto: ``Checkbox``, ``Selectbox``...), or None."""
        found = self.widget_with_path(key)
        return found[1] if found else None

    def widget_with_path(self, key: str) -> tuple[tuple[int, ...], Any] | None:
        for path, element in self.elements.items():
            kind = element.WhichOneof("type")
            inner = getattr(element, kind) if kind else None
            element_id = getattr(inner, "id", "")
            if element_id and widget_key(element_id) == key:
                return path, inner
        return None

    def keys(self, prefix: str = "") -> list[str]:
        """The keys of the widgets on the page that start with ``prefix``, in page order."""
        found = []
        for _, element in sorted(self.elements.items()):
            kind = element.WhichOneof("type")
            key = widget_key(getattr(getattr(element, kind), "id", "")) if kind else None
            if key is not None and key.startswith(prefix):
                found.append(key)
        return found

    def exceptions(self) -> list[str]:
        return [f"{e.type}: {e.message}" for _, e in self.of_kind("exception")]

    def redrawn_in_part(self, run: Page, blocks: list[tuple[int, ...]]) -> Page:
        """This page after a run of a fragment alone (``run``), as the browser shows it: what
        the run drew in ``blocks`` replaces what was there; the rest of the page stays. The
        timings are the run's own."""
        def kept(path: tuple[int, ...]) -> bool:
            return not any(path[:len(block)] == block for block in blocks)

        elements = {p: e for p, e in self.elements.items() if kept(p)}
        return Page(elements={**elements, **run.elements}, arrived=dict(run.arrived),
                    finished_s=run.finished_s)


def bool_value(value: bool) -> WidgetState:
    return WidgetState(bool_value=value)


def string_value(value: str) -> WidgetState:
    return WidgetState(string_value=value)


def double_value(value: float) -> WidgetState:
    return WidgetState(double_value=value)


class Session:
    """One person's session on the app: open a page, change widgets, read each answer.

    ``async with Session(base_url, "check_units") as session:`` connects; ``await
    session.open()`` runs the page; ``await session.change(key=WidgetState)`` sends one change
    (a click) and returns the page after it; ``await session.quick_changes([...], gap_s)``
    sends several without waiting for their answers, as quick clicks do. ``query_string`` is
    the page's address as the browser would now show it.
    """

    def __init__(self, base_url: str, page_name: str, *, query_string: str = "",
                 timeout_s: float = 60.0) -> None:
        self.url = stream_url(base_url)
        self.page_name = page_name
        self.query_string = query_string
        self.timeout_s = timeout_s
        self.page_script_hash = ""
        self.page = Page()
        self._values: dict[str, WidgetState] = {}  # by widget id: every value the person set
        self._socket: ClientConnection | None = None
        self._sent = 0.0  # when the last change was sent (perf_counter)

    async def __aenter__(self) -> Session:
        self._socket = await asyncio.wait_for(
            connect(self.url, subprotocols=[Subprotocol("streamlit")], max_size=None,
                    open_timeout=self.timeout_s, ping_interval=None),
            self.timeout_s)
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def open(self) -> Page:
        """The first run of the page, as when the address is opened."""
        return await self._run(first=True)

    async def change(self, key: str, value: WidgetState) -> Page:
        """Set the widget with this key (on the current page) and rerun, as a click does."""
        self._set(key, value)
        await self._send(first=False)
        return await self._read_run()

    async def quick_changes(self, changes: Sequence[tuple[str, WidgetState]], gap_s: float, *,
                            quiet_s: float = 0.5) -> Page:
        """Send ``changes`` ``gap_s`` apart without waiting for answers, as quick clicks do (a
        change may interrupt the run the one before started); the page once no run has
        started for ``quiet_s``."""
        for number, (key, value) in enumerate(changes):
            if number:
                await asyncio.sleep(gap_s)
            self._set(key, value)
            await self._send(first=False)
        page = await self._read_run()
        while True:
            try:
                page = await self._read_run(first_message_s=quiet_s)
            except TimeoutError:
                return page

    def _set(self, key: str, value: WidgetState) -> None:
        found = self.page.widget(key)
        if found is None:
            raise ProtocolError(f"no widget with key {key!r} on the page")
        state = WidgetState()
        state.CopyFrom(value)
        state.id = found.id
        self._values[found.id] = state

    async def _run(self, *, first: bool) -> Page:
        await self._send(first=first)
        return await self._read_run()

    async def _send(self, *, first: bool) -> None:
        if self._socket is None:
            raise ProtocolError("not connected")
        message = BackMsg()
        client_state = message.rerun_script
        client_state.query_string = self.query_string
        if first:
            client_state.page_name = self.page_name
        else:
            client_state.page_script_hash = self.page_script_hash
            on_page = {getattr(getattr(e, e.WhichOneof("type") or "", None), "id", None)
                       for e in self.page.elements.values() if e.WhichOneof("type")}
            # As the browser does: the values of the widgets on the page (a widget that has
            # gone forgets its value), in the order they were set.
            for widget_id, state in self._values.items():
                if widget_id in on_page:
                    client_state.widget_states.widgets.append(state)
        self._sent = time.perf_counter()
        await self._socket.send(message.SerializeToString())

    async def _read_run(self, *, first_message_s: float | None = None) -> Page:
        """Read one run's messages, until it finishes. ``first_message_s``: wait only that
        many seconds for a run to start (raising TimeoutError), passing over other messages."""
        if self._socket is None:
            raise ProtocolError("not connected")
        sent = self._sent
        page = Page()
        redrawn: list[tuple[int, ...]] = []  # the blocks a run of a fragment alone draws again
        while True:
            if first_message_s is not None:
                data = await asyncio.wait_for(self._socket.recv(), first_message_s)
                starting = ForwardMsg()
                starting.ParseFromString(data)
                if starting.WhichOneof("type") != "new_session":
                    continue  # not a run: keep waiting for one
                first_message_s = None
            else:
                try:
                    data = await asyncio.wait_for(self._socket.recv(), self.timeout_s)
                except TimeoutError as error:
                    raise ProtocolError(f"no answer within {self.timeout_s:.0f} s") from error
            if isinstance(data, str):
                raise ProtocolError("a text frame: the server speaks binary protobufs")
            received = ForwardMsg()
            received.ParseFromString(data)
            kind = received.WhichOneof("type")
            if kind == "new_session":
                page = Page()  # a run starts: the page is drawn afresh
                redrawn = []
            elif kind == "delta" and received.delta.WhichOneof("type") == "new_element":
                path = tuple(received.metadata.delta_path)
                page.elements[path] = received.delta.new_element
                page.arrived[path] = time.perf_counter() - sent
            elif kind == "delta" and received.delta.WhichOneof("type") == "add_block":
                redrawn.append(tuple(received.metadata.delta_path))
            elif kind == "navigation":
                self.page_script_hash = received.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = received.page_info_changed.query_string
            elif kind == "page_not_found":
                raise ProtocolError(f"page not found: {self.page_name}")
            elif kind == "script_finished":
                status = received.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # another run follows at once
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise ProtocolError("the page did not compile")
                page.finished_s = time.perf_counter() - sent
                if status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                    page = self.page.redrawn_in_part(page, redrawn)
                self.page = page
                if page.exceptions():
                    raise ProtocolError("the page raised: " + "; ".join(page.exceptions()))
                return page
