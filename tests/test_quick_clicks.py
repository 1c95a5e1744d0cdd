"""Quick clicks against a real server, over Streamlit's own protocol: a tick on *Check a
learner's units* reruns the check's answer alone, and a tick that interrupts a run of the page
(a decision changed a moment before) must still get a whole answer, never an error. AppTest
runs one change at a time, so it cannot interrupt a run."""

from __future__ import annotations

import asyncio

from advisor import Catalogue, labels
from tests.support.streamlit_protocol import Session, bool_value, string_value

F3 = "K/601/1622"  # 6 credits of 03456's 42


def test_quick_clicks__a_tick_just_after_a_decision_gets_the_whole_answer(
    app_url: str, catalogue: Catalogue
):
    """"Already registered" ticked, then a unit 0-10 ms later, in 20 fresh sessions: each time
    the answer counts the unit and the page shows no error (Session raises on one). Before the
    fix, 2 or 3 in 20 showed Streamlit's error in place of the answer."""
    qualification = labels.qualification_label(catalogue.qualifications["ocr-03456"])

    async def trial(gap_s: float) -> str:
        async with Session(app_url, "check_units") as session:
            await session.open()
            await session.change("check_qualification", string_value(qualification))
            page = await session.quick_changes(
                [("check_registered", bool_value(True)), (f"unit_{F3}", bool_value(True))],
                gap_s)
            return next(alert.body for _, alert in page.of_kind("alert")
                        if "credits counted" in alert.body)

    async def trials() -> list[str]:
        return [await trial(0.0005 * number) for number in range(20)]

    for headline in asyncio.run(trials()):
        assert headline.startswith("Not complete (6 of 42 credits counted)")
