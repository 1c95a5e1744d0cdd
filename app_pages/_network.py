"""Answers sent the moment they are ready: TCP_NODELAY on the server's sockets.

Streamlit (1.67) opens its listening socket as ``socket.socket(family)``, and asyncio only
switches Nagle's algorithm off for sockets whose protocol is given as TCP, so every browser's
websocket keeps it on. A page's run sends dozens of small messages: the first goes at once, the
rest wait until the client's TCP stack acknowledges it, which Linux, for one, can delay by up
to 40 ms. Measured with ``benchmarks/load.py``'s client on *Check a learner's units*, a tick took
48 ms from the click to the end of the answer with Nagle's algorithm on and 19 ms with it off,
the answer's first element arriving after 47 ms and 8 ms.

:func:`send_without_delay` switches it off on every TCP socket this process holds: the listening
socket (Linux gives the setting to every connection accepted from it afterwards) and the
connections already open (the browser whose first run this is). Linux only (it reads
``/proc/self/fd``); elsewhere it does nothing. Not a page itself.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import streamlit as st

_FDS = Path("/proc/self/fd")


def tcp_nodelay_everywhere() -> int:
    """Set TCP_NODELAY on every TCP socket (IPv4 or IPv6) open in this process; how many.
    Never raises: it only speeds answers up, so a failure leaves things as they were."""
    if not _FDS.is_dir() or socket.getdefaulttimeout() is not None:
        # With a default timeout set, wrapping a descriptor would make it non-blocking, and
        # that flag is shared with the process's own copy.
        return 0
    try:
        entries = list(_FDS.iterdir())
    except OSError:
        return 0
    return sum(_nodelay(entry) for entry in entries)


def _nodelay(entry: Path) -> bool:
    """TCP_NODELAY on the socket behind one of this process's descriptors, if it is TCP."""
    try:
        if not os.readlink(entry).startswith("socket:"):
            return False
        duplicate = os.dup(int(entry.name))
    except (OSError, ValueError):  # closed meanwhile, or not a descriptor number
        return False
    try:
        copy = socket.socket(fileno=duplicate)
    except OSError:  # reused meanwhile by something that is not a socket
        os.close(duplicate)
        return False
    with copy:  # closing the copy leaves the process's own descriptor open
        if copy.family not in (socket.AF_INET, socket.AF_INET6) or \
                copy.type != socket.SOCK_STREAM:
            return False
        try:
            copy.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            return False
        return True


@st.cache_resource(show_spinner=False)
def send_without_delay() -> int:
    """:func:`tcp_nodelay_everywhere`, once per server process (on its first page run)."""
    return tcp_nodelay_everywhere()
