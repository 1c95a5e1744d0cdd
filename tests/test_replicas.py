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
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor import Catalogue, Employment, Profile, recommend
from scripts import serve_replicas
from tests.support.server import LOOPBACK, free_port, stop, streamlit_command, wait_until_serving
from tests.support.streamlit_protocol import Page, Session, double_value, string_value

REPO = Path(__file__).resolve().parent.parent


def test_replicas__the_proxy_configuration_is_valid(tmp_path: Path):
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        message = "haproxy is not installed (apt-get install haproxy)"
        if os.environ.get("ADVISOR_REQUIRE_PROXY") == "1":
            pytest.fail(message)
        pytest.skip(message)
    config = serve_replicas.write_config(
        tmp_path, [f"{LOOPBACK}:{free_port()}", f"{LOOPBACK}:{free_port()}"],
        listen=f"{LOOPBACK}:{free_port()}")
    checked = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True,
                             text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    text = config.read_text()
    assert "http-check send meth GET uri /_stcore/health" in text
    assert text.count("server replica") == 2


def test_replicas__config_only_writes_the_file_for_hosts_elsewhere(tmp_path: Path):
    assert serve_replicas.main(["--config-only", str(tmp_path), "--upstream", "10.0.0.5:8501",
                                "--upstream", "10.0.0.6:8501", "--listen", "0.0.0.0:8500"]) == 0
    text = (tmp_path / serve_replicas.CONFIG_NAME).read_text()
    assert "server replica1 10.0.0.5:8501 check" in text
    assert "server replica2 10.0.0.6:8501 check" in text
    assert "bind 0.0.0.0:8500" in text


@pytest.fixture(scope="module")
def two_replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    """Two app processes, as the proxy would have behind it."""
    folder = tmp_path_factory.mktemp("replicas")
    servers: list[subprocess.Popen[bytes]] = []
    urls = []
    try:
        for number in range(2):
            port = free_port()
            with (folder / f"replica-{number}.log").open("wb") as log:
                servers.append(subprocess.Popen(streamlit_command(port), cwd=REPO, stdout=log,
                                                stderr=subprocess.STDOUT))
            urls.append(f"http://{LOOPBACK}:{port}")
        for url, server in zip(urls, servers, strict=True):
            failure = wait_until_serving(url, server, 60)
            if failure is not None:
                pytest.fail(failure)
        yield urls
    finally:
        for server in servers:
            stop(server)


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
