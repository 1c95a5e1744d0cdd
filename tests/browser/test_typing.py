"""Typing into the app's pickers and boxes as people do: a keystroke must record what was
typed and nothing more, a title the lists do not hold is one click from the one they do, and a
number or date the advisor cannot use is refused with a note, never kept on screen while the
answers, the address and the printout go on with the one before.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from tests.browser.helpers import check_accessibility, download, save_screenshot, wait_for_app


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


def downloaded_plan(page: Page) -> str:
    """The action plan the page offers now, as downloaded."""
    return Path(download(page, re.compile("Download your action plan")).path()
                ).read_text(encoding="utf-8")


def test_learner__an_age_the_box_cannot_use_is_refused_not_kept_beside_the_last_answer(
        page: Page, blocked_requests):
    """Streamlit's box refused 150 in the browser without telling the server: it showed 150
    (in red, a small "!" its only word) while the address and the plan kept age 24; 16.7 went
    in as 16. Now each is left out with the note a link's age gets, the box is emptied, and
    the address and the plan drop the age."""
    page.goto("/starting_level")
    wait_for_app(page, heading="Find a starting level")
    age = page.get_by_label("How old are you?")
    age.fill("24")
    age.press("Tab")
    page.wait_for_url(re.compile(r"age=24"))
    wait_for_app(page)
    assert "<th scope=\"row\">Age</th><td>24</td>" in downloaded_plan(page)
    for typed, said in [("150", "150"), ("16.7", "16.7"), ("1e3", "1000")]:
        age.fill("24")
        age.press("Tab")
        page.wait_for_url(re.compile(r"age=24"))
        age.fill(typed)
        age.press("Tab")
        note = page.get_by_text(f"The age {said} was left out: give a whole number from 13 to "
                                "100.")
        expect(note).to_be_visible()
        wait_for_app(page)
        expect(age).to_have_value("")
        expect(age).not_to_have_attribute("aria-invalid", "true")
        assert "age" not in parse_qs(urlparse(page.url).query), typed
        assert "<th scope=\"row\">Age</th><td>not given</td>" in downloaded_plan(page)
    save_screenshot(page, "typed-age-refused")
    age.fill("19")
    age.press("Enter")
    page.wait_for_url(re.compile(r"age=19"))
    wait_for_app(page)
    expect(page.get_by_text(re.compile("was left out"))).to_have_count(0)
    check_accessibility(page)
    assert blocked_requests == []


def test_centre_staff__hours_a_week_the_box_cannot_use_are_refused_with_a_note(
        page: Page, blocked_requests):
    page.goto("/check_units?qual=09628&glh=5&on=2015-01-05")
    wait_for_app(page, heading=re.compile("Check a learner"))
    hours = page.get_by_label("Guided learning hours a week")
    expect(hours).to_have_value("5")
    hours.fill("200")
    hours.press("Tab")
    expect(page.get_by_text("The hours a week 200 were left out: give a number from 0.5 to "
                            "168.")).to_be_visible()
    wait_for_app(page)
    expect(hours).to_have_value("")
    assert "glh" not in parse_qs(urlparse(page.url).query)
    assert blocked_requests == []


def type_date(page: Page, box: str, digits: str) -> None:
    """Type a date into a date box's segments, as a person does (day, month, year)."""
    page.get_by_role("spinbutton", name=f"day, {box}").click()
    page.keyboard.type(digits)


def test_adviser__a_date_the_advisor_cannot_answer_for_is_refused_and_the_date_in_use_shown(
        page: Page, blocked_requests):
    """The sidebar's box refused 01/01/1990 in the browser without telling the server: it
    showed 1990 while every page answered as at the date before, without a word. Now the box
    goes back to the date in use, and a note says which dates the advisor answers for."""
    page.goto("/starting_level?work=not-working&on=2015-06-01")
    wait_for_app(page, heading="Find a starting level")
    answers_as_at = page.get_by_role("heading", name="Qualifications at Level 1 on 1 June 2015")
    expect(answers_as_at).to_be_visible()
    for digits, said in [("01011990", "1 January 1990"), ("01012041", "1 January 2041")]:
        type_date(page, "As at", digits)
        page.get_by_role("heading", name="Find a starting level").click()  # away: it is set
        expect(page.get_by_text(f"The date chosen was not used: {said} is outside the dates "
                                "the advisor answers for, 1 January 2000 to 31 December 2040. "
                                "The answers are still as at 1 June 2015.")).to_be_visible()
        wait_for_app(page)
        expect(page.get_by_role("spinbutton", name="year, As at")).to_have_text("2015")
        expect(page.get_by_role("spinbutton", name="month, As at")).to_have_text("06")
        expect(answers_as_at).to_be_visible()
        assert parse_qs(urlparse(page.url).query)["on"] == ["2015-06-01"]
        plan = downloaded_plan(page)
        assert "1 June 2015" in plan and said not in plan
    save_screenshot(page, "typed-date-refused")
    type_date(page, "As at", "01062016")
    page.get_by_role("heading", name="Find a starting level").click()
    page.wait_for_url(re.compile(r"on=2016-06-01"))
    expect(page.get_by_text(re.compile("The date chosen was not used"))).to_have_count(0)
    check_accessibility(page)
    assert blocked_requests == []


def test_centre_staff__a_start_the_advisor_cannot_answer_for_is_refused_with_a_note(
        page: Page, blocked_requests):
    page.goto("/check_units?qual=09628&glh=5&start=2015-03-02&on=2015-01-05")
    wait_for_app(page, heading=re.compile("Check a learner"))
    type_date(page, "Starting on", "01012041")
    page.get_by_role("heading", name=re.compile("Check a learner")).click()
    expect(page.get_by_text("The start chosen was not used: 1 January 2041 is outside the "
                            "dates the advisor answers for, 1 January 2000 to 31 December "
                            "2040. The start is still 2 March 2015.")).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_role("spinbutton", name="year, Starting on")).to_have_text("2015")
    assert parse_qs(urlparse(page.url).query)["start"] == ["2015-03-02"]
    assert blocked_requests == []


def test_adviser__a_date_typed_is_used_on_tab_twice_as_the_sidebar_says_not_on_enter(
        page: Page, blocked_requests):
    """Streamlit's date box (1.67) takes a date typed when it loses focus or its calendar
    closes; Enter does nothing, and date_input has no option for it, so the sidebar says how
    to set one. When Enter starts to work, the first check fails: drop the hint then."""
    page.goto("/starting_level?work=not-working")
    wait_for_app(page, heading="Find a starting level")
    expect(page.get_by_test_id("stSidebar").get_by_text(
        "A date typed is used once you click outside the box or press Tab twice (Enter does "
        "not).", exact=False)).to_be_visible()
    type_date(page, "As at", "01062015")
    page.keyboard.press("Enter")
    page.wait_for_timeout(1_000)  # what is checked is that nothing happens: give it time
    wait_for_app(page)
    assert "on" not in parse_qs(urlparse(page.url).query), "Enter sets the date now"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.wait_for_url(re.compile(r"on=2015-06-01"))
    expect(page.get_by_role("heading", name="Qualifications at Level 1 on 1 June 2015")
           ).to_be_visible()
    assert blocked_requests == []
