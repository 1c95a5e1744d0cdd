"""The app sends each page run's messages at once (``app_pages/_network.py``): TCP_NODELAY on
the server's sockets, so small messages are not held back by Nagle's algorithm."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from app_pages._network import tcp_nodelay_everywhere

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(),
                                reason="the app finds its sockets in Linux's /proc/self/fd")


def nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_network__a_listener_made_as_streamlit_makes_it_passes_nodelay_to_every_connection():
    # Streamlit's own listening socket: family only, so asyncio leaves Nagle's algorithm on.
    with socket.socket(socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()) as early_client:
            early, _ = listener.accept()
            with early:
                assert not nodelay(early), "the case being fixed: Nagle's algorithm is on"
                assert tcp_nodelay_everywhere() >= 3
                assert nodelay(listener)
                assert nodelay(early), "a connection already open (the first browser) too"
                assert nodelay(early_client)
                early_client.sendall(b"x")
                assert early.recv(1) == b"x", "the connection itself is still open and works"
                with socket.create_connection(listener.getsockname()):
                    later, _ = listener.accept()
                    with later:
                        assert nodelay(later), "connections accepted afterwards inherit it"


def test_network__other_sockets_stay_open_and_work():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        tcp_nodelay_everywhere()
        udp.sendto(b"x", udp.getsockname())
        assert udp.recv(1) == b"x"


def test_network__with_a_default_timeout_set_it_leaves_every_socket_alone(monkeypatch):
    monkeypatch.setattr(socket, "getdefaulttimeout", lambda: 5.0)
    with socket.socket(socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert tcp_nodelay_everywhere() == 0
        assert not nodelay(listener)
        assert listener.getblocking(), "still blocking: its flags were not touched"
