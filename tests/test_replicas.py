"""Replicas behind a proxy (``scripts/serve_replicas.py``): the HAProxy configuration it writes
is valid, and a session that moves to another replica keeps its answers, because they are in
the page address and nothing about a learner is kept on the server.

The configuration check needs Debian's ``haproxy``; without it the test skips, unless
``ADVISOR_REQUIRE_PROXY=1`` (set by ``.ci/run``, which installs it), which makes its absence a
failure."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from advisor import Catalogue, Employment, Profile, check_combination, labels, recommend
from scripts import serve_replicas
from tests.support.server import LOOPBACK, free_port, stop, streamlit_command, wait_until_serving
from tests.support.streamlit_protocol import (
    Page,
    Session,
    bool_value,
    double_value,
    string_value,
)

REPO = Path(__file__).resolve().parent.parent
Server = subprocess.Popen[bytes]


def installed_haproxy() -> str:
    """Debian's haproxy; the test skips without it (fails, under ``ADVISOR_REQUIRE_PROXY=1``)."""
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        message = "haproxy is not installed (apt-get install haproxy)"
        if os.environ.get("ADVISOR_REQUIRE_PROXY") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return haproxy


def test_replicas__the_proxy_configuration_is_valid(tmp_path: Path):
    haproxy = installed_haproxy()
    config = serve_replicas.write_config(
        tmp_path, [f"{LOOPBACK}:{free_port()}", f"{LOOPBACK}:{free_port()}"],
        listen=f"{LOOPBACK}:{free_port()}")
    checked = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True,
                             text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    text = config.read_text()
    assert "http-check send meth GET uri /_stcore/health" in text
    assert "option redispatch 1" in text
    assert text.count("server replica") == 2


def test_replicas__config_only_writes_the_file_for_hosts_elsewhere(tmp_path: Path):
    assert serve_replicas.main(["--config-only", str(tmp_path), "--upstream", "10.0.0.5:8501",
                                "--upstream", "10.0.0.6:8501", "--listen", "0.0.0.0:8500"]) == 0
    text = (tmp_path / serve_replicas.CONFIG_NAME).read_text()
    assert "server replica1 10.0.0.5:8501 check" in text
    assert "server replica2 10.0.0.6:8501 check" in text
    assert "bind 0.0.0.0:8500" in text


@contextmanager
def replicas(folder: Path, count: int) -> Iterator[tuple[list[int], list[Server]]]:
    """``count`` app processes, as the proxy would have behind it: their ports and processes."""
    servers: list[Server] = []
    ports = [free_port() for _ in range(count)]
    try:
        for port in ports:
            with (folder / f"replica-{port}.log").open("wb") as log:
                servers.append(subprocess.Popen(streamlit_command(port), cwd=REPO, stdout=log,
                                                stderr=subprocess.STDOUT))
        for port, server in zip(ports, servers, strict=True):
            failure = wait_until_serving(f"http://{LOOPBACK}:{port}", server, 60)
            if failure is not None:
                pytest.fail(failure)
        yield ports, servers
    finally:
        for server in servers:
            stop(server)


@pytest.fixture(scope="module")
def two_replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    with replicas(tmp_path_factory.mktemp("replicas"), 2) as (ports, _):
        yield [f"http://{LOOPBACK}:{port}" for port in ports]


def level_shown(page: Page) -> str | None:
    return next((m.body for _, m in page.of_kind("metric") if m.label == "Suggested level"),
                None)


def test_replicas__a_session_moved_to_another_replica_keeps_its_answers(
    two_replicas: list[str], catalogue: Catalogue
):
    first, second = two_replicas
    role = "Call Centre Operator"
    expected = recommend(catalogue, Profile(age=20, employment=Employment.WORKING, role=role))

    async def journey() -> tuple[str, Page, Page]:
        async with Session(first, "starting_level") as session:
            await session.open()
            await session.change("sl_age", double_value(20))
            working = session.page.widget("sl_employment").options[0]
            await session.change("sl_employment", string_value(working))
            answered = await session.change("sl_role", string_value(role))
            address = session.query_string
        # The first replica is gone for this person: the browser reconnects, through the
        # proxy, to the other, with the same address.
        async with Session(second, "starting_level", query_string=address) as moved:
            reopened = await moved.open()
            assert moved.query_string == address
        return address, answered, reopened

    address, answered, reopened = asyncio.run(journey())
    assert "age=20" in address
    assert level_shown(answered) == f"Level {expected.recommended_level}"
    assert level_shown(reopened) == level_shown(answered)
    assert reopened.widget("sl_age").value == 20
    assert reopened.widget("sl_role").raw_value == role


# ------------------------------------------------------------------ failing over, through HAProxy


def sessions_open_on(port: int) -> int:
    """TCP connections open to this local port (Linux's /proc/net/tcp): on a replica's port,
    the proxy's websockets to it, plus any health check in flight."""
    count = 0
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            local, state = fields[1], fields[3]
            if state == "01" and int(local.rsplit(":", 1)[1], 16) == port:  # 01: established
                count += 1
    return count


def replica_serving(ports: list[int]) -> int:
    """Which replica holds the one session: the one with a connection open throughout half a
    second (a health check lasts milliseconds)."""
    holding = set(range(len(ports)))
    for _ in range(6):
        holding &= {n for n, port in enumerate(ports) if sessions_open_on(port)}
        time.sleep(0.1)
    assert len(holding) == 1, f"expected one replica with the session, found {holding}"
    return holding.pop()


@pytest.fixture
def behind_the_proxy(tmp_path: Path) -> Iterator[tuple[str, list[int], list[Server]]]:
    """Two replicas and HAProxy in front of them, with the configuration scripts/serve-replicas
    writes: the proxy's URL, the replicas' ports and processes."""
    if not Path("/proc/net/tcp").exists():
        pytest.skip("finding which replica serves a session reads Linux's /proc/net/tcp")
    haproxy = installed_haproxy()
    with replicas(tmp_path, 2) as (ports, servers):
        listen = f"{LOOPBACK}:{free_port()}"
        config = serve_replicas.write_config(
            tmp_path, [f"{LOOPBACK}:{port}" for port in ports], listen=listen)
        with (tmp_path / "haproxy.log").open("wb") as log:
            proxy = subprocess.Popen([haproxy, "-W", "-db", "-f", str(config)], stdout=log,
                                     stderr=subprocess.STDOUT)
        try:
            failure = wait_until_serving(f"http://{listen}", proxy, 30)
            if failure is not None:
                pytest.fail(failure.replace("streamlit", "haproxy"))
            yield f"http://{listen}", ports, servers
        finally:
            stop(proxy)


def credits_headline(page: Page) -> str:
    return next(a.body for _, a in page.of_kind("alert") if "credits counted" in a.body)


def test_replicas__a_check_survives_its_replica_stopping_behind_the_proxy(
    behind_the_proxy: tuple[str, list[int], list[Server]], catalogue: Catalogue
):
    """A centre's check, on 1 June 2015, through the proxy; the replica serving it stops; the
    browser reconnects at once through the same proxy with the same address and gets the same
    answer from the other replica. Someone else's session stays open on the other replica, so
    the proxy's fewest-sessions choice is the stopped replica, before its health check has
    failed: the reconnect lands only because the proxy tries another replica when one refuses."""
    proxy, ports, servers = behind_the_proxy
    q = catalogue.qualifications["ocr-09628"]
    ticked = ["D/502/9654", "R/502/9652"]
    expected = check_combination(catalogue, q, ticked)

    async def journey() -> tuple[str, Page, Page]:
        async with Session(proxy, "check_units", query_string="on=2015-06-01") as session:
            await session.open()
            await session.change("check_qualification",
                                 string_value(labels.qualification_label(q)))
            for urn in ticked:
                answered = await session.change(f"unit_{urn}", bool_value(True))
            address = session.query_string
            serving = replica_serving(ports)
            async with Session(proxy, "starting_level") as someone_else:
                await someone_else.open()
                other = 1 - serving
                assert sessions_open_on(ports[other]) >= 1, "the other person is on the other"
                stop(servers[serving])  # the replica goes away while the session is open
                async with Session(proxy, "check_units", query_string=address) as moved:
                    reopened = await moved.open()
                    assert moved.query_string == address
        return address, answered, reopened

    address, answered, reopened = asyncio.run(journey())
    assert "on=2015-06-01" in address and "qual=09628" in address
    assert credits_headline(answered).startswith(
        f"Not complete yet: {expected.credits_counted} of {expected.credits_required} credits "
        "counted")
    assert credits_headline(reopened) == credits_headline(answered)
    assert {urn for urn in ticked if reopened.widget(f"unit_{urn}").value} == set(ticked)
    assert any("Open to new learners until 31 December 2016" in a.body
               for _, a in reopened.of_kind("alert")), "answered as at 1 June 2015 again"
