"""Typing into the app's pickers as people do: a keystroke must record what was typed and
nothing more, and a title the lists do not hold is one click from the one they do.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from tests.browser.helpers import check_accessibility, wait_for_app


def test_centre_staff__enter_in_the_accepted_box_accepts_only_the_unit_typed(
        page: Page, blocked_requests):
    """Enter once offered "Select 6 matches" first: typing C6 accepted every unit of Group D
    as recognised prior learning, and the check called the learner complete."""
    page.goto("/check_units?qual=03456")
    wait_for_app(page, heading=re.compile("Check a learner"))
    accepted = page.get_by_role("combobox",
                                name="Accepted by the centre (recognition of prior learning)")
    accepted.click()
    accepted.fill("C6")
    expect(page.get_by_role("option", name=re.compile("select", re.IGNORECASE))).to_have_count(0)
    accepted.press("Enter")
    wait_for_app(page)
    expect(page).to_have_url(re.compile("accepted="))
    (urns,) = parse_qs(urlparse(page.url).query)["accepted"]
    assert len(urns.split(",")) == 1, f"one unit typed, one accepted: {urns}"
    expect(page.get_by_label(re.compile("^Evidence for C6 "))).to_be_visible()
    assert blocked_requests == []


def test_learner__a_typed_title_close_to_a_listed_one_is_one_click_away(
        page: Page, blocked_requests):
    page.goto("/starting_level?work=working")
    wait_for_app(page, heading="Find a starting level")
    role = page.get_by_role("combobox", name="What is your job called?")
    role.click()
    role.fill("team leader")
    role.press("Enter")  # as typed: only one listed title contains it, so it is taken as that
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricValue")).to_have_text("Level 3")
    expect(page.get_by_text('"team leader" is taken as "Customer Service Team Leader"')
           ).to_be_visible()
    role.click()
    role.fill("sales supervisor")
    role.press("Enter")  # as typed: close to a listed title, but not one
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricValue")).to_have_text("Level 2")
    page.get_by_role("button", name='Use "Sales Team Supervisor" (Level 3)').click()
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricValue")).to_have_text("Level 3")
    expect(page.get_by_text('"Sales Team Supervisor" matches "Sales Team Supervisor"')
           ).to_be_visible()
    assert "role=sales+team+supervisor" in page.url.casefold()
    check_accessibility(page)
    assert blocked_requests == []
