"""The protocol load generator (``benchmarks/load.py``): a short, bounded run against a server
started here must finish with no errors and every answer checked against the engine; a wrong
answer is an error; load goes to this machine only."""

from __future__ import annotations

import asyncio

import pytest
from streamlit.proto.Element_pb2 import Element

from advisor import Catalogue
from benchmarks import load
from tests.support.streamlit_protocol import Page, stream_url


def test_load__a_short_run_has_no_errors_and_every_answer_checked(
    app_url: str, catalogue: Catalogue
):
    args = load.parse_options(["--url", app_url, "--users", "3", "--think", "0.2",
                               "--duration", "4", "--ramp", "0.5", "--grace", "30"])
    result = asyncio.run(load.drive(app_url, catalogue, args, pids=[]))
    figures = result.figures
    assert figures.errors == []
    answered = len(figures.all_interactions())
    assert answered > 0
    assert figures.checked == answered
    assert set(figures.interactions) == {"check units", "starting level", "plan route"}


def test_load__a_wrong_count_of_credits_is_an_error(catalogue: Catalogue):
    element = Element()
    element.alert.body = "Not complete yet: 99 of 23 credits counted; 3 rules not met."
    page = Page(elements={(0, 1): element})
    user = load.User(number=0, url="", catalogue=catalogue, figures=load.Figures(),
                     pacer=load.Pacer(None), rng=load.random.Random(0), think_s=0,
                     deadline=0, timeout_s=1, as_at=load.dt.date.today())
    with pytest.raises(load.WrongAnswer, match=r"expected 'Not complete \(0 of 42 credits counted"):
        load.check_credits(user, page, [])


def test_load__a_pause_past_the_deadline_ends_the_journey_without_a_click(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
):
    """Every user whose pause outlasts the run stops at the deadline: none clicks then, which
    would put all their last clicks in one instant. (The pauses are recorded, not slept.)"""
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(load.asyncio, "sleep", sleep)

    def user(seconds_left: float, think_s: float) -> load.User:
        return load.User(number=0, url="", catalogue=catalogue, figures=load.Figures(),
                         pacer=load.Pacer(None), rng=load.random.Random(0), think_s=think_s,
                         deadline=load.time.monotonic() + seconds_left, timeout_s=1,
                         as_at=load.dt.date.today())

    assert asyncio.run(user(5, think_s=1000).think()) is False
    assert len(slept) == 1 and 0 < slept[0] <= 5, "waits for the deadline, not the pause"
    slept.clear()
    assert asyncio.run(user(60, think_s=0.001).think()) is True
    assert len(slept) == 1 and slept[0] < 1


@pytest.mark.parametrize("url", ["http://example.com:8501", "http://10.0.0.1:8501"])
def test_load__refuses_any_host_but_this_machine(url: str):
    with pytest.raises(ValueError, match=r"only ever sent to this machine"):
        stream_url(url)
    with pytest.raises(SystemExit):
        load.parse_options(["--url", url])
