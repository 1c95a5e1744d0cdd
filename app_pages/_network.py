"""Answers sent the moment they are ready: TCP_NODELAY on the server's sockets.

Streamlit (1.67) opens its listening socket as ``socket.socket(family)``, and asyncio only
switches Nagle's algorithm off for sockets whose protocol is given as TCP, so every browser's
websocket keeps it on. A page's run sends dozens of small messages: the first goes at once, the
rest wait until the browser acknowledges it, and browsers delay that acknowledgement by up to
40 ms. Measured with ``benchmarks/load.py``'s client on *Check a learner's units*, a tick took
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
    """Set TCP_NODELAY on every TCP socket (IPv4 or IPv6) open in this process; how many."""
    if not _FDS.is_dir():
        return 0
    done = 0
    for entry in _FDS.iterdir():
        try:
            if not os.readlink(entry).startswith("socket:"):
                continue
            copy = socket.socket(fileno=os.dup(int(entry.name)))
        except (OSError, ValueError):  # gone meanwhile, or not a socket after all
            continue
        with copy:  # closing the copy leaves the process's own descriptor open
            if copy.family in (socket.AF_INET, socket.AF_INET6) and \
                    copy.type == socket.SOCK_STREAM:
                try:
                    copy.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    done += 1
                except OSError:
                    continue
    return done


@st.cache_resource(show_spinner=False)
def send_without_delay() -> int:
    """:func:`tcp_nodelay_everywhere`, once per server process (on its first page run)."""
    return tcp_nodelay_everywhere()
