"""The three journeys in a real browser: what an adviser, a learner and centre staff see.

Each test drives the app as a person would (typing, choosing, ticking, uploading, downloading),
asserts what is on the screen, runs axe-core on the page, and saves a screenshot.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    TIMEOUT_MS,
    check_accessibility,
    print_to_a4,
    save_screenshot,
    wait_for_app,
)


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the Streamlit selectbox or multiselect labelled ``label``."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()


def test_adviser__starting_level_then_printable_plan(page: Page, blocked_requests):
    """An adviser in an interview: the learner's answers, the level with its reasons, the
    qualifications at it, and the action plan to take home."""
    page.goto("/starting_level")
    wait_for_app(page, heading="Find a starting level")
    page.get_by_label("How old are you?").fill("20")
    page.get_by_label("How old are you?").press("Enter")
    page.get_by_text("Yes, in a job where I deal with customers").click()
    role = page.get_by_role("combobox", name="What is your job called?")
    role.click()
    role.fill("call centre operator")
    role.press("Enter")  # a title the learner types, not picked from the list
    matched = '"call centre operator" matches "Call Centre Operators"'
    expect(page.get_by_text(matched)).to_be_visible()
    expect(page.get_by_test_id("stMetricValue")).to_have_text("Level 2")
    expect(page.get_by_text("Qualifications at Level 2 on")).to_be_visible()
    assert "role=call+centre+operator" in page.url and "age=20" in page.url
    wait_for_app(page)
    check_accessibility(page)
    save_screenshot(page, "journey-adviser-starting-level")

    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Download your action plan")).click()
    plan = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert "Suggested starting level" in plan and "Level 2" in plan
    assert "call centre operator" in plan
    assert "Ask a local college or training provider" in plan  # the next steps, for today
    page.set_content(plan)  # the downloaded page as the learner opens it
    expect(page.get_by_role("heading", name="Your Customer Service qualifications action plan"))\
        .to_be_visible()
    save_screenshot(page, "journey-adviser-action-plan")
    print_to_a4(page, "starting-level-plan")
    assert blocked_requests == [], "neither the app nor the plan reaches other hosts"


def test_learner__reopens_a_shared_link_and_plans_a_route(page: Page, blocked_requests):
    """A learner on their own: a link with their answers reopens the plan; then a route from
    the certificate they hold to Level 3, with what carries over."""
    page.goto("/starting_level?work=not-working&age=17")
    wait_for_app(page, heading="Find a starting level")
    expect(page.get_by_test_id("stMetricValue")).to_have_text("Level 1")
    expect(page.get_by_text("Not working at present")).to_be_visible()
    # Nothing at Level 1 can be confirmed open today: the page says what to do instead.
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
    expect(page.get_by_text(re.compile("National Careers Service")).first).to_be_visible()

    page.goto("/plan_route?from=09628&level=3")
    wait_for_app(page, heading="Plan a route")
    # 09629 closed to new learners years ago: the first step is what replaced it.
    expect(page.get_by_role("heading", name=re.compile("Step 1: 10380"))).to_be_visible()
    expect(page.get_by_text(re.compile(
        r"which is closed to new learners: the sources suggest OCR Level 3 Diploma in Customer "
        r"Service \(10380\) replaced it")).first).to_be_visible()
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=TIMEOUT_MS)
    wait_for_app(page)
    check_accessibility(page)
    save_screenshot(page, "journey-learner-route")
    # The step's table, downloaded, says which qualification and date it is for, in its name
    # and on every row: a file kept after the interview is still clear.
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download units held, step 1 (CSV)").click()
    assert re.fullmatch(r"step-1-units-held-10380-\d{4}-\d\d-\d\d\.csv",
                        download_info.value.suggested_filename)
    rows = Path(download_info.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("Qualification,")
    assert len(rows) > 1 and all(row.startswith("10380 - OCR Level 3 Diploma in Customer "
                                                "Service (Level 3),") for row in rows[1:])
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download routes found (CSV)").click()
    assert re.fullmatch(r"routes-to-level-3-\d{4}-\d\d-\d\d\.csv",
                        download_info.value.suggested_filename)
    assert blocked_requests == []


def test_centre_staff__ticks_units_then_uploads_an_intake(page: Page, blocked_requests,
                                                          tmp_path):
    """Centre staff: tick a learner's units against 03456's rules, then place an intake."""
    page.goto("/check_units")
    wait_for_app(page, heading="Check a learner's units")
    choose(page, "Qualification", "03456")
    wait_for_app(page)
    for urn in ("K/601/1622", "J/601/1627"):  # F3 and F4, the mandatory units
        page.locator("[data-testid=stCheckbox] label").filter(has_text=urn).first.click()
        wait_for_app(page)
    expect(page.get_by_text(re.compile(r"12 of 42 credits counted")).first).to_be_visible()
    # A tick reruns the answer alone: the sidebar's line and the address follow it all the same.
    expect(page.get_by_test_id("stSidebar")).to_contain_text("12 of 42 credits counted")
    expect(page).to_have_url(re.compile(r"units=K%2F601%2F1622%2CJ%2F601%2F1627"))
    save_screenshot(page, "journey-centre-check-units")
    check_accessibility(page)

    intake = tmp_path / "intake.csv"
    intake.write_text(
        "learner_ref,age,employment,job_role,units_held,target\n"
        "A1,20,working,Call Centre Operator,D/502/9654,09628\n"
        "A2,,working,Courier,\"R/502/9652,Y/502/9653,D/502/9654\",09628\n"
        "=HYPERLINK(\"http://x\"),30,working,Postman,X/123,09628\n"
        # Quoted in a problem's message: shown as typed, never drawn as an image to fetch.
        "A4,30,working,Courier,![x](http://evil.example/p.png),09628\n",
        encoding="utf-8")
    page.goto("/cohort")
    wait_for_app(page, heading="Check a whole intake")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(intake))
    expect(page.get_by_text("Problems, by row and column")).to_be_visible()
    # The problems are a grid: a cell quoting Markdown is never drawn (its image is never
    # fetched: no request leaves the machine, checked at the end).
    expect(page.locator("[data-testid=stDataFrame]:visible").first).to_be_visible()
    # The unknown unit X/123 is a warning: that learner is assessed with what is known.
    expect(page.get_by_test_id("stMetricValue").nth(1)).to_have_text("4")  # assessed
    expect(page.get_by_test_id("stMetricValue").nth(2)).to_have_text("0")  # not assessed
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=TIMEOUT_MS)
    wait_for_app(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the results (CSV)").click()
    results = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in results, "a formula in a cell is neutralised"
    assert "A2" in results and "complete" in results
    check_accessibility(page)
    save_screenshot(page, "journey-centre-cohort")
    assert blocked_requests == []


def test_adviser__answers_carry_to_the_route_and_survive_a_change_of_page(page: Page):
    """An adviser moves between pages mid-interview: the starting level's first link plans the
    route from what the learner holds to a Level 2 competence qualification (10379), with
    whether they work, and the answers are still there on coming back."""
    page.goto("/starting_level?age=19&work=working&has=09628")
    wait_for_app(page, heading="Find a starting level")
    page.get_by_role("link", name=re.compile(
        "^Plan a route from what you hold to OCR Level 2 Diploma")).click()
    wait_for_app(page, heading="Plan a route")
    expect(page.get_by_role("combobox", name="A qualification completed")).to_have_value(
        re.compile("09628"))
    expect(page.get_by_role("radio", name=re.compile("^Yes, in a job"))).to_be_checked()
    assert "from=09628" in page.url and "to=10379" in page.url and "work=working" in page.url
    page.get_by_role("link", name="About").click()  # the sidebar: the address is cleared
    wait_for_app(page, heading="About")
    page.get_by_role("link", name="Find a starting level").click()
    wait_for_app(page, heading="Find a starting level")
    expect(page.get_by_label("How old are you?")).to_have_value("19")
    expect(page.get_by_test_id("stMetricValue")).to_be_visible()
    assert "age=19" in page.url and "has=09628" in page.url


def test_learner__a_search_opens_a_result_and_the_box_names_it(page: Page):
    """After a search, the box above the profile names the qualification the profile shows,
    not the one open before the search (it once kept showing 601/4404/X)."""
    page.goto("/explore")
    wait_for_app(page, heading="Explore the catalogue")
    box = page.get_by_role("combobox", name=re.compile("^Open a qualification"))
    expect(box).to_have_value(re.compile("^601/4404/X "))
    search = page.get_by_label(re.compile("^Search by words"))
    search.fill("09628")
    search.press("Enter")
    wait_for_app(page)
    expect(box).to_have_value(re.compile("^09628 "))
    expect(page.get_by_role("heading", name=re.compile("Principles of Customer Service"))
           ).to_be_visible()


def test_learner__selecting_a_search_result_opens_its_profile(page: Page):
    """A row of the search's results opens that qualification's profile below: on a phone
    the box for opening one is far below the results."""
    page.goto("/explore?search=principles")
    wait_for_app(page, heading="Explore the catalogue")
    box = page.get_by_role("combobox", name=re.compile("^Open a qualification"))
    results = page.locator("[data-testid=stDataFrame]:visible").first
    results.wait_for(timeout=TIMEOUT_MS)
    grid = results.bounding_box()
    assert grid is not None
    expect(box).not_to_have_value(re.compile("^09629 "))
    # The third row's (09629: 09628, OCNLR L2 Principles, 09629) selection box, in the grid's
    # first column, below the header (35 pixels high; rows 84, so that long titles wrap).
    page.mouse.click(grid["x"] + 16, grid["y"] + 35 + 2 * 84 + 42)
    wait_for_app(page)
    expect(box).to_have_value(re.compile("^09629 "))
    opened = page.get_by_role("heading", name=re.compile("Level 3 Certificate in Principles"))
    expect(opened).to_be_visible()
    # Brought into view: below the results, it opened out of sight and nothing seemed to happen.
    expect(opened).to_be_in_viewport(timeout=TIMEOUT_MS)
