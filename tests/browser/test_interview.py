"""Ready for the interview, in a real browser: what an adviser hands over and what centre staff
type, on today's date and on a date carried in a link.

Each test drives the app as a person would, asserts what is on the screen (or in the file),
runs axe-core on the page and saves a screenshot.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    TIMEOUT_MS,
    check_accessibility,
    download,
    print_to_a4,
    save_screenshot,
    wait_for_app,
)


def test_adviser__the_route_printout_names_09629s_closure_and_its_replacement(
        page: Page, blocked_requests):
    page.goto("/plan_route?from=09628&level=3")
    wait_for_app(page, heading="Plan a route")
    page.get_by_text(re.compile(r"^Route \d+: 09628 → 09629 \(closed\)$")).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=re.compile("Step 1: 09629"))).to_be_visible()
    page.get_by_text("For the printout: names and agreed actions").click()
    page.get_by_label("Learner's name or reference").fill("Sam Learner")
    page.get_by_label("Learner's name or reference").press("Enter")
    wait_for_app(page)
    plan = Path(download(page, re.compile("Download this route as an action plan")).path()
                ).read_text(encoding="utf-8")
    assert "Sam Learner" in plan
    assert "Other units held" in plan, "09628's own units are not listed as if none were held"
    assert "closed to new learners" in plan
    assert "What replaced it, as the sources suggest (they do not say so in those words): " \
           "OCR Level 3 Diploma in Customer Service (10380)." in plan
    page.set_content(plan)  # the file as the learner opens it
    headline = page.locator(".headline")
    expect(headline).to_contain_text("First step: OCR Level 3 Certificate in Principles of "
                                     "Customer Service (09629)")
    expect(headline).to_contain_text("it is closed to new learners, and certificates are no "
                                     "longer issued; what replaced it, as the sources suggest "
                                     "(they do not say so in those words): OCR Level 3 Diploma "
                                     "in Customer Service (10380)")
    # Printed on A4 as the learner's copy: the page prints, and says the same.
    print_to_a4(page, "interview-route-plan")
    save_screenshot(page, "interview-route-plan")
    assert blocked_requests == []


def test_centre_staff__pasting_unit_numbers_ticks_them(page: Page, blocked_requests):
    page.goto("/check_units")
    wait_for_app(page, heading="Check a learner's units")
    qualification = page.get_by_role("combobox", name="Qualification")
    qualification.click()
    qualification.fill("03456")
    page.get_by_role("option", name=re.compile("03456")).first.click()
    # 03456's own units drawn: the run the choice started has reached the page, so the box
    # below is the one that resolves unit numbers against 03456
    expect(page.get_by_text("F3 K/601/1622").first).to_be_visible()
    wait_for_app(page)
    box = page.get_by_label(re.compile("Type or paste the units achieved"))
    box.fill("F3, F4, A3, B2, C3, D1")
    expect(box).to_have_value("F3, F4, A3, B2, C3, D1")
    box.press("Control+Enter")  # a box of several lines: Enter starts a new line
    wait_for_app(page)
    # 03456's certificates ended in 2019: the headline says it can no longer be completed.
    expect(page.get_by_text(re.compile(r"Not complete \(34 of 42 credits counted\), and it can "
                                       r"no longer be completed\. Certificates are no longer"))
           .first).to_be_visible()
    expect(page).to_have_url(re.compile("units="))  # the check is in the address
    check_accessibility(page)
    save_screenshot(page, "interview-check-pasted")
    assert blocked_requests == []


def test_learner__a_shared_link_keeps_its_date(page: Page, blocked_requests):
    page.goto("/plan_route?from=09628&level=3&on=2015-06-01")
    wait_for_app(page, heading="Plan a route")
    expect(page.get_by_role("heading", name=re.compile("Step 1: 09629"))).to_be_visible()
    expect(page.get_by_text(re.compile("On 1 June 2015:")).first).to_be_visible()
    assert "on=2015-06-01" in page.url
    assert blocked_requests == []


def test_centre_staff__the_intake_chart_draws_every_code_as_written(page: Page,
                                                                    blocked_requests,
                                                                    tmp_path):
    intake = tmp_path / "intake.csv"
    intake.write_text(
        "learner_ref,age,employment,units_held,target\n"
        "A1,20,working,F3,03456\n"
        "A2,30,working,,10380\n"
        "A3,18,working,,601/4404/X\n", encoding="utf-8")
    page.goto("/cohort")
    wait_for_app(page, heading="Check a whole intake")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(intake))
    chart = page.locator("[data-testid=stPlotlyChart]").filter(
        has_text="Completion against each target")
    chart.locator(".main-svg").first.wait_for(timeout=TIMEOUT_MS)
    labels = chart.locator(".ytick text").all_text_contents()
    # The axis lists codes top to bottom, so the order on the page depends on
    # the chart's direction; what matters is that each code is drawn as written.
    assert sorted(labels) == ["03456", "10380", "601/4404/X"]
    assert not any("k" in label for label in chart.locator(".xtick text").all_text_contents())
    save_screenshot(page, "interview-intake-chart")
    assert blocked_requests == []


PHONE = {"width": 390, "height": 844}


def problems_grid(page: Page, folder: Path, intake: str):
    """Upload ``intake`` (CSV text whose first learner's age is 'abc') on *Check a whole
    intake*: the grid of the problems found."""
    path = folder / "intake.csv"
    path.write_text(intake, encoding="utf-8")
    page.goto("/cohort")
    wait_for_app(page, heading="Check a whole intake")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    return page.locator("[data-testid=stDataFrame]:visible").filter(
        has_text="'abc' is not a whole number of years")


def test_centre_staff__an_intakes_problems_read_on_a_phone(page: Page, blocked_requests,
                                                           tmp_path):
    """On a phone the problems grid shows each problem right after its row number, where it
    is in view, not after the column and severity, scrolled off to the side."""
    page.set_viewport_size(PHONE)
    grid = problems_grid(page, tmp_path, "learner_ref,age,employment\nA1,abc,working\n"
                                         "A2,20,sometimes\n")
    # The grid draws a column's cells only while the column is in view.
    problem = grid.get_by_role("gridcell", name="'abc' is not a whole number of years",
                               include_hidden=True)
    expect(problem).to_have_attribute("aria-colindex", "2", timeout=TIMEOUT_MS)
    expect(grid.get_by_role("gridcell", name="'sometimes' is not one of: working, not-working",
                            include_hidden=True)).to_have_attribute("aria-colindex", "2")
    save_screenshot(page, "phone-cohort-problems")
    assert blocked_requests == []


def test_learner__search_results_show_each_status_on_a_phone(page: Page, blocked_requests):
    """On a phone the search results grid shows each qualification's status on the date beside
    its title, not scrolled off to the side."""
    page.set_viewport_size(PHONE)
    page.goto("/explore?search=customer+service&on=2026-12-01")
    wait_for_app(page, heading="Explore the catalogue")
    grid = page.locator("[data-testid=stDataFrame]:visible").first
    # The grid draws a column's cells only while the column is in view.
    # 09628's: "closed; certificates ended", as every page words it, beside the title
    expect(grid.get_by_role("gridcell", name="closed; certificates ended", include_hidden=True)
           .first).to_have_attribute("aria-colindex", "2", timeout=TIMEOUT_MS)
    assert blocked_requests == []


def test_learner__a_long_link_to_the_next_page_reads_in_full_on_a_phone(page: Page,
                                                                       blocked_requests):
    """A school leaver's next step is a link to *Plan a route*, longer than a phone is wide:
    it wraps onto more lines rather than being cut off ("... to Level 2, where the appre")."""
    page.set_viewport_size(PHONE)
    page.goto("/starting_level?age=16&work=not-working&aim=apprenticeship&on=2026-12-01")
    wait_for_app(page, heading="Find a starting level")
    link = page.get_by_role("link", name=re.compile(
        "^Plan a route to Level 2, where the apprenticeships"))
    expect(link).to_be_visible(timeout=TIMEOUT_MS)
    cut = link.evaluate("a => [...a.querySelectorAll('*')].some("
                        "e => e.scrollWidth > e.clientWidth + 1)")
    assert not cut, "the link's text is cut off"
    assert link.bounding_box()["height"] > 30  # on two lines or more
    assert blocked_requests == []


def test_centre_staff__an_intakes_problems_show_without_scrolling_the_grid(
        page: Page, blocked_requests, tmp_path):
    """Six problems: the grid is tall enough to show them all (it showed four, the rest behind a
    scroll inside it, under "Problems found: 6")."""
    grid = problems_grid(page, tmp_path, "learner_ref,age,employment,senior_role,aim,registered\n"
                                         "A1,abc,working,,,\nA2,20,sometimes,,,\n"
                                         "A3,150,,maybe,,\nA4,30,,,nothing,\nA5,40,,,,perhaps\n")
    expect(grid).to_be_visible(timeout=TIMEOUT_MS)
    # The grid draws a row's cells only while the row is in view.
    expect(grid.get_by_role("gridcell", name="'perhaps' is not one of: yes, no",
                            include_hidden=True)).to_be_attached(timeout=TIMEOUT_MS)
    assert blocked_requests == []


ANSWERED = [
    ("/starting_level?age=19&work=working&role=Call+Centre+Operators&has=09628",
     "Find a starting level"),
    ("/plan_route?from=09628&level=3", "Plan a route"),
    ("/check_units?qual=03456&units=K/601/1622,J/601/1627", "Check a learner's units"),
]


def test_learner__why_a_unit_held_does_not_carry_over_reads_on_a_phone(page: Page,
                                                                      blocked_requests):
    """The units held at each step, with why each counts or not, wrap on a phone instead of
    being cut off in a grid."""
    page.set_viewport_size(PHONE)
    page.goto("/plan_route?from=09628&level=3&on=2015-06-01")
    wait_for_app(page, heading="Plan a route")
    why = page.get_by_text("not among its units").first
    expect(why).to_be_visible(timeout=TIMEOUT_MS)
    box = why.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert blocked_requests == []


# Held a Level 2, working, wanting knowledge: the options table has every column that decides.
OPTIONS = ("/starting_level?age=19&work=working&role=Call+Centre+Operators&has=09628"
           "&aim=knowledge&on=2026-12-01", "Find a starting level",
           "Qualifications at this level",
           ("New learners", "Can start", "Fits the aim", "Credits still needed"))
# What a route onward from 09628 leads into: each component, held or not, and its status.
FRAMEWORK = ("/plan_route?from=09628&on=2026-12-01", "Plan a route",
             re.compile("^Components of Intermediate"), ("You", "What it needs",
                                                          "On the date"))
# The routes found, each with how its qualifications stand on the date and how far the
# documents state it.
ROUTES = ("/plan_route?from=09628&level=4&on=2026-12-01", "Plan a route", "Routes found",
          ("Path", "On 1 December 2026", "Credits still needed", "Documented"))
# The check page's smallest completion plan, in the result's column on a wide screen.
PLAN = ("/check_units?qual=03456&units=F3,F4,A3&on=2015-06-01", "Check a learner's units",
        "Completion plan", ("Number", "Title", "Credits", "GLH", "URN"))


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 1600}],
                         ids=["phone", "wide"])
@pytest.mark.parametrize(("address", "heading", "name", "deciding"),
                         [OPTIONS, FRAMEWORK, PLAN, ROUTES],
                         ids=["options", "framework", "plan", "routes"])
def test_learner__the_deciding_columns_show_without_scrolling(
        page: Page, blocked_requests, viewport, address, heading, name, deciding):
    """The qualifications at the suggested level, an apprenticeship framework's components, a
    check's completion plan and the routes found: every cell of the columns that decide lies
    within the table's visible width (not behind a sideways scroll inside it) and on screen,
    with its column's name in view, on a phone and on a wide screen (where the plan sits in a
    column)."""
    page.set_viewport_size(viewport)
    page.goto(address)
    wait_for_app(page, heading=heading)
    table = page.get_by_role("table", name=name).first
    expect(table).to_be_visible(timeout=TIMEOUT_MS)
    cells = table.evaluate("""(table, names) => {
        const headings = [...table.querySelectorAll('thead th')].map(th => th.textContent);
        const frame = table.closest('[data-testid=stTable]').getBoundingClientRect();
        return names.map(name => {
            const column = headings.indexOf(name);
            const heading = table.querySelectorAll('thead th')[column];
            const shown = heading && heading.getBoundingClientRect().width > 1;
            return [name, [...table.querySelectorAll('tbody tr')].map(row => {
                const cell = row.children[column];
                const box = cell.getBoundingClientRect();
                const label = getComputedStyle(cell, '::before').content;
                return {text: cell.textContent, left: box.left, right: box.right,
                        inside: box.left >= frame.left - 1 && box.right <= frame.right + 1
                                && box.right <= window.innerWidth,
                        named: shown || label.includes(name)};
            })];
        });
    }""", list(deciding))
    assert [column for column, _ in cells] == list(deciding)
    for column_name, column in cells:
        assert column, f"no rows under {column_name}"
        for cell in column:
            assert cell["inside"], f"{column_name} ({cell['text']}) at {cell['left']:.0f}-" \
                                   f"{cell['right']:.0f} px is cut off at {viewport['width']} px"
            assert cell["named"], f"{column_name} ({cell['text']}): its column is not named"
    check_accessibility(page)
    save_screenshot(page, f"{address.split('?')[0].strip('/')}-table-{viewport['width']}")
    assert blocked_requests == []


@pytest.mark.parametrize(("address", "heading"), ANSWERED)
def test_learner__answered_pages_fit_a_phone_without_sideways_scrolling(
        page: Page, blocked_requests, address, heading):
    """On a phone the page itself never scrolls sideways (a wide table may scroll inside its
    own frame), so the answer and its next step are read top to bottom."""
    page.set_viewport_size(PHONE)
    page.goto(address)
    wait_for_app(page, heading=heading)
    # Streamlit scrolls its own main container, not the document: measure that.
    overflow = page.evaluate("() => { const main = document.querySelector('[data-testid=stMain]');"
                             " return main.scrollWidth - main.clientWidth; }")
    assert overflow <= 1, f"the page scrolls {overflow} px sideways on a phone"
    save_screenshot(page, "phone-" + address.strip("/").split("?")[0])
    assert blocked_requests == []


def test_learner__a_printouts_framework_table_keeps_its_words_whole(page: Page,
                                                                   blocked_requests):
    """The apprenticeship framework table of a route's printout: its headings and component
    names are never broken mid-word ("Com/pone/nt"), on A4 and on a wide screen; on a phone
    each row stacks, every cell under its column's name."""
    page.goto("/plan_route?from=09628")
    wait_for_app(page, heading="Plan a route")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Download this route as an action plan"))\
            .click()
    page.set_content(Path(download_info.value.path()).read_text(encoding="utf-8"))
    table = page.locator("table.stack").first
    expect(table).to_contain_text("employment rights")

    def lines_in(locator) -> int:
        """The lines its own text takes (a cell stretches to its row's height)."""
        return locator.evaluate("""e => { const range = document.createRange();
            range.selectNodeContents(e.firstChild);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; }""")

    print_to_a4(page, "interview-route-frameworks")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 700, "height": 1100})  # about A4's printed width
    for heading in ("Component", "You"):
        assert lines_in(table.locator("th", has_text=heading)) == 1, heading
    assert lines_in(table.locator(
        "td", has_text="knowledge and competence in one qualification").first) <= 3
    page.emulate_media(media="screen")
    page.set_viewport_size(PHONE)
    expect(table.locator("thead")).to_be_hidden()
    cell = table.locator("td[data-label='On the date']").first
    box = cell.bounding_box()
    assert box is not None and box["width"] > PHONE["width"] * 0.7  # a row of its own
    check_accessibility(page)
    save_screenshot(page, "phone-route-frameworks")
    assert blocked_requests == []


def test_adviser__start_again_empties_every_box_for_the_next_learner(page: Page,
                                                                    blocked_requests):
    """Back-to-back interviews: after "Clear everything" the boxes are empty on screen, and the
    next learner's first answer does not bring the last learner's back (the browser used to
    keep showing them, and sent them with the next click). The date stays."""
    page.goto("/starting_level?on=2015-06-01")
    wait_for_app(page, heading="Find a starting level")
    age = page.get_by_label("How old are you?")
    age.fill("17")
    age.press("Enter")
    wait_for_app(page)
    page.get_by_text("No, not at the moment").click()
    wait_for_app(page)
    assert "age=17" in page.url
    page.get_by_text("Start again with a new learner").click()
    page.get_by_role("button", name="Clear everything").click()
    page.wait_for_url(re.compile(r"/starting_level\?on=2015-06-01$"))
    wait_for_app(page, heading="Find a starting level")
    expect(page.get_by_label("How old are you?")).to_have_value("")
    expect(page.locator("[data-testid=stRadio] input:checked")).to_have_count(0)
    page.get_by_text("Yes, in a job").first.click()
    page.wait_for_url(re.compile(r"work=working"))
    wait_for_app(page)
    assert "age" not in parse_qs(urlsplit(page.url).query)
    expect(page.get_by_label("How old are you?")).to_have_value("")
    assert parse_qs(urlsplit(page.url).query)["on"] == ["2015-06-01"]  # the date stays
    expect(page.get_by_role("spinbutton", name="year, As at")).to_have_text("2015")
    check_accessibility(page)
    assert blocked_requests == []


@pytest.mark.parametrize("address", [
    "/starting_level?age=35&work=working&role=Customer+Service+Team+Leader",
    "/plan_route?from=09628&level=3",
    "/explore?search=principles",
    "/check_units?qual=09628&units=D/502/9654",
])
def test_everyone__headings_go_down_one_level_at_a_time(page: Page, blocked_requests,
                                                       address):
    """A screen reader lists a page by its headings: after the title (h1) the sections are h2,
    not h3 with no h2 above them (axe's "heading-order", a moderate rule)."""
    page.goto(address)
    wait_for_app(page)
    page.wait_for_timeout(1_000)
    levels = [int(tag[1]) for tag in page.locator("h1, h2, h3, h4, h5, h6").evaluate_all(
        "hs => hs.filter(h => h.offsetParent !== null).map(h => h.tagName.toLowerCase())")]
    assert levels and levels[0] == 1
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == [], f"headings skip a level: {levels}"
    assert blocked_requests == []
