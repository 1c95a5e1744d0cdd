"""Running the app on this machine for the browser tests and the load benchmark: a free port
on the loopback address, the ``streamlit run`` command, waiting until the server answers, and
stopping it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except urllib.error.HTTPError as error:  # e.g. 503 while the server starts
        error.close()  # an unclosed one warns, and warnings are errors in the tests
        return False
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def streamlit_command(port: int, *options: str, script: str = "serve.py") -> list[str]:
    """``streamlit run serve.py`` (the README's command; ``script`` names another) on the
    loopback address, headless, without usage statistics or a file watcher, with ``options``
    added."""
    return [sys.executable, "-m", "streamlit", "run", script,
            "--server.headless", "true", "--server.address", LOOPBACK,
            "--server.port", str(port), "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", *options]


def wait_until_serving(url: str, server: subprocess.Popen[bytes], timeout_s: float) -> str | None:
    """Wait until the server at ``url`` answers: None then, else why it did not."""
    deadline = time.monotonic() + timeout_s
    while not is_healthy(url):
        if server.poll() is not None:
            return f"streamlit exited with code {server.returncode} before serving"
        if time.monotonic() > deadline:
            return f"streamlit did not answer {url}/_stcore/health within {timeout_s:.0f} s"
        time.sleep(0.1)
    return None


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@contextmanager
def serving_for_a_test(folder: Path, log_path: Path, *options: str, script: str = "serve.py",
                       timeout_s: float = 60) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``streamlit run <script>`` in ``folder`` on a free port, its output in ``log_path`` (a
    file, not a pipe: a full pipe would block the server): (URL, process) once it answers, the
    test failing with the log if it does not; stopped afterwards."""
    import pytest  # only tests use this; the benchmarks share the rest of the module

    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    with log_path.open("wb") as log:
        server = subprocess.Popen(streamlit_command(port, *options, script=script), cwd=folder,
                                  stdout=log, stderr=subprocess.STDOUT)
    try:
        failure = wait_until_serving(url, server, timeout_s)
        if failure is not None:
            pytest.fail(f"{failure}:\n" + log_path.read_text(errors="replace"))
        yield url, server
    finally:
        stop(server)
