"""Nothing about a learner is stored, and nothing leaves the machine, during a full journey.

This module runs its own ``streamlit run serve.py`` (the repository's own
``.streamlit/config.toml``, no extra flags but the address and port) with ``HOME`` and
``TMPDIR`` pointing at fresh, empty folders, and a Python audit hook that logs every file the
server opens for writing, every file it creates, renames or removes, and every socket it
connects or sends to. Then one person goes through the app: ticks units on "Check a learner's
units" and downloads the plan, searches "Explore the catalogue", and uploads a cohort file on
"Check a whole intake" and downloads the results, with made-up learner references and job roles
that appear nowhere else.

What the server may write: nothing (the catalogue is read from YAML at start, and no cache of it
is kept).
Python's bytecode (``__pycache__``) is not written: ``PYTHONDONTWRITEBYTECODE`` is set where it is
and the repository's ``__pycache__`` files are not compared. What it may connect to: loopback.

Checked, after the server has stopped:

- the audit log: no path was written, created, renamed or removed;
- the fresh ``HOME`` and ``TMPDIR``: nothing in them;
- the repository's working tree: no file new or changed during the journey holds a learner's
  reference, job role or the search typed (others may edit the tree while this runs, so a
  change alone is not a failure, but a change holding what the person typed is);
- every file written anywhere above holds none of it either;
- sockets: every address the server connected or sent to, seen by the audit hook and by
  polling ``/proc/<pid>/net/{tcp,tcp6,udp,udp6}`` for the server's own sockets, is loopback;
- the browser: the page reached no host but the server (``blocked_requests``).
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from advisor import Catalogue, check_combination
from tests.browser.helpers import (
    CHROMIUM,
    REPO,
    SERVER_START_TIMEOUT_S,
    TIMEOUT_MS,
    unavailable,
    wait_for_app,
)
from tests.support.server import LOOPBACK, free_port, stop, wait_until_serving

MARKERS = ("HARDEN-LEARNER-7Q1", "HARDEN-LEARNER-7Q2", "Zeppelin Wrangler", "zqxhardensearch")
"""What the person types or uploads: made up, so any file holding one came from this journey."""

COHORT_CSV = (
    "learner_ref,age,employment,job_role,senior_role,aim,qualifications_held,units_held,target\n"
    f"{MARKERS[0]},19,working,Call Centre Operator,no,knowledge,09628,,09629\n"
    f"{MARKERS[1]},34,working,{MARKERS[2]},no,competence,,F3; F4,03456\n"
).encode()

DOWNLOAD_TIMEOUT_MS = 3 * TIMEOUT_MS  # the file is made on the server when asked for

SKIPPED_DIRS = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache",
                ".mypy_cache", "node_modules"}
"""Not compared: version control, the virtual environment, and tools' own caches."""

AUDIT_HOOK = r'''
"""Run streamlit with an audit hook logging writes and connections (one JSON object a line)."""
import json, os, sys

LOG = open(sys.argv.pop(1), "a", buffering=1, encoding="utf-8")
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def hook(event, args):
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int):
            return
        if (mode and any(c in mode for c in "wax+")) or (mode is None and flags & WRITING):
            LOG.write(json.dumps({"write": os.fsdecode(path)}) + "\n")
    elif event in ("os.rename", "os.replace", "os.remove", "os.unlink", "os.mkdir",
                   "os.rmdir", "shutil.copyfile", "shutil.move", "os.link", "os.symlink"):
        LOG.write(json.dumps({"write": [os.fsdecode(a) for a in args
                                         if isinstance(a, (str, bytes, os.PathLike))]}) + "\n")
    elif event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
        if isinstance(address, tuple) and address:  # AF_INET, AF_INET6 (AF_UNIX is a path)
            LOG.write(json.dumps({"connect": str(address[0]), "event": event}) + "\n")
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        host = args[0]
        host = host.decode() if isinstance(host, bytes) else host
        LOG.write(json.dumps({"resolve": host, "event": event}) + "\n")


sys.addaudithook(hook)
from streamlit.web.cli import main  # noqa: E402

sys.argv[0] = "streamlit"
sys.exit(main())
'''


@dataclass
class Server:
    """The journey's own server and what it was given."""

    url: str
    process: subprocess.Popen[bytes]
    home: Path
    tmp: Path
    audit_log: Path
    tree_before: dict[str, tuple[int, int]]
    remote_addresses: set[str] = field(default_factory=set)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (tools' caches aside): its modification time and size."""
    found = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        for name in files:
            path = Path(folder, name)
            try:
                info = path.stat()
            except FileNotFoundError:  # removed while walking (someone else's editor)
                continue
            found[str(path)] = (info.st_mtime_ns, info.st_size)
    return found


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def holds_a_marker(path: Path) -> list[str]:
    try:
        content = path.read_bytes()
    except OSError:
        return []
    return [m for m in MARKERS if m.encode() in content or m.encode("utf-16-le") in content]


# ------------------------------------------------------------------- sockets, from /proc


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        pass
    return inodes


def _family_of(pid: int) -> list[int]:
    """The process and its descendants."""
    found = [pid]
    for current in found:
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                found += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def _address(hex_address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An address as /proc/net/tcp writes it: hex, in the kernel's (little-endian) word order."""
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return ipaddress.IPv4Address(raw[::-1])
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
    return ipaddress.IPv6Address(words)


def is_local(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def is_local_host(host: str | None) -> bool:
    """A host name or address the audit hook saw is this machine."""
    if host in (None, "", "localhost"):
        return True
    try:
        return is_local(ipaddress.ip_address(host.split("%")[0]))
    except ValueError:
        return False


def remote_addresses(pid: int) -> set[str]:
    """The remote addresses of the sockets the process (and its children) hold open, except
    loopback and the unconnected (listening sockets, unconnected UDP)."""
    inodes: set[str] = set()
    for member in _family_of(pid):
        inodes |= _socket_inodes(member)
    found = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) < 10 or fields[9] not in inodes:
                continue
            host, port = fields[2].split(":")
            address = _address(host)
            if not is_local(address):
                found.add(f"{table} {address} port {int(port, 16)}")
    return found


def test_proc_parsing__reads_loopback_and_remote_addresses():
    """Without this, the socket check could pass by reading every address as loopback."""
    assert str(_address("0100007F")) == "127.0.0.1"
    assert str(_address("00000000000000000000000001000000")) == "::1"
    assert is_local(_address("0100007F")) and is_local(_address("00000000"))
    assert not is_local(_address("0100000A"))  # 10.0.0.1
    assert is_local(_address("0000000000000000FFFF00000100007F"))  # ::ffff:127.0.0.1
    assert is_local_host("127.0.0.1") and is_local_host("::1") and is_local_host("localhost")
    assert not is_local_host("example.com") and not is_local_host("10.0.0.1")


def test_proc_parsing__sees_a_socket_connected_to_another_host():
    """A socket connected to a non-loopback address is seen. UDP, so that connecting sends
    nothing (it only sets the socket's destination), to a documentation-only address."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("198.51.100.7", 9))
        assert remote_addresses(os.getpid()) == {"udp 198.51.100.7 port 9"}
    assert remote_addresses(os.getpid()) == set()


# ------------------------------------------------------------------------------ the server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``streamlit run serve.py`` with a fresh HOME and TMPDIR, an audit log, and a thread that
    records every non-loopback address its sockets reach."""
    if not CHROMIUM.exists():
        unavailable(f"Chromium was not found at {CHROMIUM}")
    base = tmp_path_factory.mktemp("nothing-stored")
    home, tmp, log_dir = base / "home", base / "tmp", base / "log"
    for folder in (home, tmp, log_dir):
        folder.mkdir()
    hook = log_dir / "audited_streamlit.py"
    hook.write_text(AUDIT_HOOK, encoding="utf-8")
    audit_log, server_log = log_dir / "audit.jsonl", log_dir / "server.log"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ADVISOR_", "XDG_", "STREAMLIT_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp), PYTHONDONTWRITEBYTECODE="1")
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    tree_before = snapshot(REPO)
    command = [sys.executable, str(hook), str(audit_log), "run", "serve.py",
               "--server.address", LOOPBACK, "--server.port", str(port)]
    with server_log.open("wb") as log:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
    running = Server(url, process, home, tmp, audit_log, tree_before)
    stop_watching = threading.Event()

    def watch() -> None:
        while not stop_watching.wait(0.05):
            running.remote_addresses |= remote_addresses(process.pid)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        failure = wait_until_serving(url, process, SERVER_START_TIMEOUT_S)
        if failure is not None:
            pytest.fail(f"{failure}:\n" + server_log.read_text(errors="replace"))
        yield running
    finally:
        stop(process)
        stop_watching.set()
        watcher.join()


@pytest.fixture(scope="module")
def app_url(server: Server) -> str:
    """The ``page`` fixture's server, for this module: the journey's own."""
    return server.url


# ----------------------------------------------------------------------------- the journey


def check_units(page: Page, catalogue: Catalogue) -> None:
    page.goto("/check_units")
    wait_for_app(page, heading="Check a learner's units")
    q = catalogue.find_qualification("601/4404/X")  # the page's first choice
    ticked = ["L/506/2083", "Y/506/2085"]
    for urn in ticked:
        page.locator(f".st-key-unit_{urn.replace('/', '-')} label").click()
        wait_for_app(page)
    check = check_combination(catalogue, q, ticked)
    # The last tick's answer, not any answer: a download clicked while the page still reruns
    # asks for a file the rerun has replaced, and none comes.
    expect(page.get_by_test_id("stAlert").filter(has_text="credits counted")).to_contain_text(
        f"{check.credits_counted} of {check.credits_required} credits counted")
    page.get_by_text("Show the credits in each group as a chart").click()  # drawn on request
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for()
    wait_for_app(page)
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as download:
        page.get_by_role("button", name="Download completion plan (CSV)").click()
    assert download.value.failure() is None


def explore(page: Page) -> None:
    page.goto("/explore")
    wait_for_app(page, heading="Explore the catalogue")
    search = page.locator(".st-key-explore_search input")
    search.fill(MARKERS[3])
    search.press("Enter")
    expect(page.get_by_text("Nothing matches")).to_be_visible()


def upload_cohort(page: Page) -> None:
    page.goto("/cohort")
    wait_for_app(page, heading="Check a whole intake")
    page.locator(".st-key-cohort_upload input[type=file]").set_input_files(
        files=[{"name": "learners.csv", "mimeType": "text/csv", "buffer": COHORT_CSV}])
    expect(page.get_by_role("heading", name="Each learner")).to_be_visible()
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for()
    wait_for_app(page)
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as download:
        page.get_by_role("button", name="Download the results (CSV)").click()
    path = download.value.path()
    # The learners went through the server and came back: the checks below are not vacuous.
    assert MARKERS[0].encode() in path.read_bytes()


def test_nothing_stored__a_full_journey_writes_nothing_about_learners_and_stays_local(
    server: Server, page: Page, blocked_requests: list[str], catalogue: Catalogue
):
    check_units(page, catalogue)
    explore(page)
    if (REPO / "app_pages" / "cohort.py").exists():
        upload_cohort(page)
    else:  # the cohort page is not written yet: the journey goes without it
        print("no app_pages/cohort.py: the cohort upload is not part of this journey")
    page.goto("/")
    wait_for_app(page)

    server.process.terminate()  # anything written on the way out counts too
    server.process.wait(timeout=10)
    time.sleep(0.2)  # the last /proc reading

    audit = [json.loads(line) for line in server.audit_log.read_text().splitlines()]
    written = sorted({path for entry in audit if "write" in entry
                      for path in ([entry["write"]] if isinstance(entry["write"], str)
                                   else entry["write"])})
    assert [p for p in written if p != os.devnull] == [], "the server wrote a file"

    left = [*files_under(server.home), *files_under(server.tmp)]
    assert left == [], "the server left files in HOME or TMPDIR"

    tree_after = snapshot(REPO)
    changed = [Path(p) for p, stamp in tree_after.items() if server.tree_before.get(p) != stamp]
    everything_written = [*changed, *files_under(server.home), *files_under(server.tmp),
                          *(Path(p) for p in written if Path(p).is_file())]
    holding = {str(p): found for p in everything_written if (found := holds_a_marker(p))}
    assert holding == {}, "a file holds what the person typed or uploaded"

    remote = [entry for entry in audit if ("connect" in entry or "resolve" in entry)
              and not is_local_host(entry.get("connect", entry.get("resolve")))]
    assert remote == [], "the server reached for another host"
    assert server.remote_addresses == set(), "the server held a socket to another host"
    assert blocked_requests == [], "the page tried to reach another host"
