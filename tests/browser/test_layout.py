"""Explore's tables and the route map on a phone (390 pixels) and in a 1280-pixel window: what
a reader needs is in view without scrolling sideways, or the map scrolls inside its frame.

A grid draws its cells on a canvas and keeps, for screen readers, only the cells of the columns
in view (``aria-colindex`` counts them from 1, after the tick boxes): these tests check which
columns those are and the grid's inner width, which ``tests/test_app_layout.py`` sizes the
columns against.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from advisor import REGISTER_ENV, charts, import_register
from tests.browser.helpers import (
    REPO,
    SERVER_START_TIMEOUT_S,
    TIMEOUT_MS,
    check_accessibility,
    save_screenshot,
    wait_for_app,
)
from tests.support.register import FIXTURE
from tests.support.server import serving_for_a_test
from tests.test_app_layout import PHONE_GRID_PX, WIDE_GRID_PX
from tests.test_route_map_layout import SCREENS

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 1600}


def grid(page: Page, name: str) -> Locator:
    """The grid whose name (its ``alt``) is ``name``."""
    return page.locator("[data-testid=stDataFrame]").filter(
        has=page.locator(f"[aria-label$=': {name}']"))


def inner_width(found: Locator) -> float:
    """The width of the grid inside its border, in pixels."""
    return found.evaluate("g => g.querySelector('.dvn-scroller').clientWidth")


def cell(found: Locator, text: str) -> Locator:
    return found.get_by_role("gridcell", name=text, include_hidden=True).first


@pytest.mark.parametrize(("viewport", "within"), [(PHONE, PHONE_GRID_PX), (WIDE, WIDE_GRID_PX)],
                         ids=["phone", "wide"])
def test_learner__search_results_show_titles_and_what_decides(page: Page, blocked_requests,
                                                              viewport, within):
    """A search's results read on a phone as qualifications, each with its reference, title and
    level, and their status on the date (bare codes and statuses before, "OCNLR L2 Business
    Admin" and "not known if open"; then titles alone, the reference cut off at the edge even
    at 1280 pixels); at 1280 pixels what replaced each, its awarding body (cut off at the edge,
    after the reference and level) and what found it are in view too."""
    page.set_viewport_size(viewport)
    page.goto("/explore?search=call+centre&on=2026-12-02")
    wait_for_app(page, heading="Explore the catalogue")
    results = grid(page, "Qualifications found")
    title = cell(results, "OCNLR L2 Business Admin - OCNLR Level 2 Diploma in Business "
                          "Administration (Level 2)")
    expect(title).to_have_attribute("aria-colindex", "1", timeout=TIMEOUT_MS)
    expect(cell(results, "10379 - OCR Level 2 Diploma in Customer Service (Level 2)")
           ).to_have_attribute("aria-colindex", "1")
    expect(cell(results, "not known if open (review date passed)")).to_have_attribute(
        "aria-colindex", "2")
    assert inner_width(results) >= within
    if viewport is WIDE:
        expect(cell(results, "10379 (inferred)")).to_have_attribute("aria-colindex", "3")
        expect(cell(results, "OCN London")).to_have_attribute("aria-colindex", "4")
        expect(cell(results, "job role \u201cCall Centre Advisor\u201d (a job the sources name "
                             "after it)")).to_have_attribute("aria-colindex", "5")
    save_screenshot(page, f"explore-results-{viewport['width']}")
    assert blocked_requests == []


def test_learner__units_found_show_where_they_are_on_a_phone(page: Page, blocked_requests):
    """The units a search finds read on a phone as titles with the qualifications listing
    them ("In qualifications" was off to the side)."""
    page.set_viewport_size(PHONE)
    page.goto("/explore?search=complaints&on=2026-12-02")
    wait_for_app(page, heading="Explore the catalogue")
    units = grid(page, "Units found")
    expect(cell(units, "Resolve customers' complaints")).to_have_attribute(
        "aria-colindex", "1", timeout=TIMEOUT_MS)
    expect(cell(units, "10380 (inferred), 10381 (inferred), S/016/609, S/016/610")
           ).to_have_attribute("aria-colindex", "2")
    assert inner_width(units) >= PHONE_GRID_PX
    save_screenshot(page, "phone-explore-units")
    assert blocked_requests == []


CELLS_JS = """table => {
    const frame = table.closest('[data-testid=stTable]').getBoundingClientRect();
    const headings = [...table.querySelectorAll('thead th')];
    return [...table.querySelectorAll('tbody td')].map(cell => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const text = [...range.getClientRects()];
        const box = cell.getBoundingClientRect();
        const heading = headings[cell.cellIndex];
        const label = getComputedStyle(cell, '::before').content;
        return {text: cell.textContent.replace(/\\u00a0/g, ' ').trim(),
                column: heading.textContent, first: cell.cellIndex === 0,
                shown: box.height > 0 && getComputedStyle(cell).display !== 'none',
                inside: box.left >= frame.left - 1 && box.right <= frame.right + 1
                        && box.right <= window.innerWidth
                        && text.every(r => r.right <= box.right + 1),
                headings: table.tHead.getBoundingClientRect().width > 1,
                label: label === 'none' || label === 'normal' ? '' : label.slice(1, -1)};
    });
}"""


def cells_of(table: Locator) -> list[dict]:
    """Each cell of the static table ``table``, as the browser shows it: its text, its column,
    whether it is the first of its row, shown at all, inside the table's frame (its text too),
    whether the column headings are in view, and the name shown before it (stacked as cards)."""
    return table.evaluate(CELLS_JS)


def assert_cards_read_well(name: str, cells: list[dict]) -> None:
    """A table stacked as cards: the headings out of sight; every cell shown lies inside the
    frame; each card is headed by its first cell, without a name before it; no card shows a
    name with nothing after it (an empty cell is left out); every other cell shown either has
    its column's name before it or is one whose name would only repeat on every card."""
    for found in cells:
        assert not found["headings"], f"{name}: the column headings are in view"
        where = f"{name}: {found['column']} ({found['text']})"
        if not found["shown"]:
            assert not found["text"], f"{where} is left out"
            continue
        assert found["text"], f"{where}: a name with nothing after it"
        assert found["inside"], f"{where} is cut off"
        if found["first"]:
            assert not found["label"], f"{where}: a card's heading has a name before it"
        else:
            assert found["label"] in ("", found["column"]), where


def assert_table_reads_whole(name: str, cells: list[dict]) -> None:
    """A table as a table: its headings in view, every cell inside its frame, nothing named
    twice."""
    for found in cells:
        where = f"{name}: {found['column']} ({found['text']})"
        assert found["headings"] and found["shown"] and found["inside"], where
        assert not found["label"], where


def table_read(page: Page, name: str, columns: Iterable[str], viewport: dict) -> list[dict]:
    """The cells of the static table ``name``, once it is on screen, checked to have
    ``columns`` and to read whole: as cards on a phone, as a table in a wide window."""
    table = page.get_by_role("table", name=name)
    expect(table).to_be_visible(timeout=TIMEOUT_MS)
    cells = cells_of(table)
    assert {cell["column"] for cell in cells} == set(columns)
    if viewport is PHONE:
        assert_cards_read_well(name, cells)
    else:
        assert_table_reads_whole(name, cells)
    return cells


def cards_of(cells: list[dict]) -> list[list[dict]]:
    """``cells`` (:func:`cells_of`) row by row: each card's cells."""
    cards: list[list[dict]] = []
    for found in cells:
        if found["first"]:
            cards.append([])
        cards[-1].append(found)
    return cards


# A profile's static tables, with the columns each has.
PROFILE_TABLES = {"Profile": ("Fact", "Value", "Source"),
                  "Dates": ("Date", "Day", "On 2 December 2026", "Note", "Source"),
                  "Progression": ("To", "On 2 December 2026", "Basis", "Statement", "Source")}


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_learner__a_profiles_tables_read_whole(page: Page, blocked_requests, viewport):
    """A qualification's profile on a phone: every cell of its facts, dates and progression
    lies on screen inside its table with its text inside it (the facts' Source column was cut
    to "Sourc", a note ran one word to a line, an email address ran past the edge), each row a
    card headed by what it is (a fact, a date, where a step leads), its cells named where the
    name helps ("Fact", "Value" and "Note" were repeated on every card) and empty ones left
    out (a date not stated showed "Note" and "Source" with nothing after them), and a fact not
    stated saying so once (its card read "not stated", then "Source: not stated"); in a wide
    window they are tables as before. Its units show each one's
    title, credits and hours on a phone ("GLH" was cut to "GL")."""
    page.set_viewport_size(viewport)
    page.goto("/explore?qual=10379&on=2026-12-02")
    wait_for_app(page, heading="OCR Level 2 Diploma in Customer Service")
    for name, columns in PROFILE_TABLES.items():
        cells = table_read(page, name, columns, viewport)
        if viewport is PHONE:
            # Named where the name says what the cell is, not "Value", "Day" or "Note" on
            # every card.
            labels = {cell["label"] for cell in cells if cell["shown"]}
            assert labels <= {"", "Source", "On 2 December 2026", "Basis"}, labels
            assert "Source" in labels
            # A fact not stated says so once ("not stated", then "Source: not stated").
            for card in cards_of(cells):
                said = [cell["text"] for cell in card if cell["shown"]]
                assert said.count("not stated") <= 1, said
    # What the date of a row of dates means, in words (it said "after").
    dates = page.get_by_role("table", name="Dates")
    expect(dates.locator("tr", has_text="Taking learners (inferred)")).to_contain_text(
        "these dates have passed")
    units = grid(page, "Groups and units")
    for number, title in enumerate(("Deliver customer service", "5", "27"), start=1):
        expect(units.get_by_role("gridcell", include_hidden=True).filter(has_text=title)
               .first).to_have_attribute("aria-colindex", str(number))
    if viewport is PHONE:
        assert inner_width(units) >= PHONE_GRID_PX
    save_screenshot(page, f"explore-profile-{viewport['width']}")
    assert blocked_requests == []


def opened_route_map(page: Page, viewport: dict[str, int]) -> Locator:
    """The route map of 09628's routes to Level 3, opened at ``viewport`` and drawn."""
    page.set_viewport_size(viewport)
    page.goto("/plan_route?from=09628&level=3&on=2026-12-02")
    wait_for_app(page, heading="Plan a route")
    chart = page.locator("[data-testid=stPlotlyChart]").filter(
        has_text="Qualifications by level")
    chart.locator(".main-svg").first.wait_for(timeout=TIMEOUT_MS)
    return chart


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_learner__the_route_map_keeps_room_for_its_names(page: Page, blocked_requests, viewport):
    """On a phone the route map was squeezed to the screen's width: its names met and its
    arrows ran through them. It now keeps its least width (at which
    tests/test_route_map_layout.py lays it out) and scrolls sideways inside its frame, saying
    so, while the page does not; in a wide window it fills the column as before, with the plot
    as wide as that test takes it to be."""
    chart = opened_route_map(page, viewport)
    sizes = chart.evaluate("""chart => {
        const frame = chart.closest('.st-key-route_map');
        const main = document.querySelector('[data-testid=stMain]');
        return {plot: chart.querySelector('rect.bg').getBoundingClientRect().width,
                drawn: chart.querySelector('.main-svg').getBoundingClientRect().width,
                frame: frame.clientWidth, scrolls: frame.scrollWidth - frame.clientWidth,
                page: main.scrollWidth - main.clientWidth};
    }""")
    hint = page.get_by_text("The map is wider than this screen")
    assert sizes["page"] <= 1, sizes
    if viewport is PHONE:
        assert abs(sizes["plot"] - charts.NARROW_PLOT_PX) <= 2, sizes
        assert sizes["scrolls"] > 0, sizes
        expect(hint).to_be_visible()
    else:
        assert abs(sizes["plot"] - SCREENS["wide"][0]) <= 3, sizes
        assert sizes["scrolls"] <= 1 and abs(sizes["drawn"] - sizes["frame"]) <= 1, sizes
        expect(hint).to_be_hidden()
    save_screenshot(page, f"route-map-{viewport['width']}")
    assert blocked_requests == []


def names_in_view(frame: Locator) -> set[str]:
    """The levels' names ("Level 2") shown inside the route map's frame's visible part."""
    return set(frame.evaluate("""frame => {
        const box = frame.getBoundingClientRect();
        return [...frame.querySelectorAll('text, span')]
            .filter(e => /^Level \\d$/.test(e.textContent.trim()) && e.checkVisibility())
            .filter(e => { const at = e.getBoundingClientRect();
                           return at.width > 0 && at.left >= box.left && at.right <= box.right; })
            .map(e => e.textContent.trim());
    }"""))


# Compare's tables, with the columns each has: three qualifications that share a unit.
COMPARED = {"Comparison": ("Fact", "09628", "09629", "10380"),
            "Shared units": ("URN", "Title", "Credits", "09628", "09629", "10380")}


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_learner__a_comparison_reads_on_a_phone(page: Page, blocked_requests, viewport):
    """Compare on a phone: the facts side by side ran a word to a line in three squeezed
    columns, and the shared units were a grid whose qualifications' columns were off to the
    side. Each fact and each shared unit is now a card, headed by the fact or the unit's
    reference, each qualification's answer after its reference; in a wide window both are
    tables, side by side as before."""
    page.set_viewport_size(viewport)
    page.goto("/explore?compare=09628,09629,10380&on=2026-12-02")
    wait_for_app(page, heading="Explore the catalogue")
    page.get_by_role("tab", name="Compare qualifications").click()
    for name, columns in COMPARED.items():
        cells = table_read(page, name, columns, viewport)
        if viewport is PHONE:
            assert {cell["label"] for cell in cells if not cell["first"]} >= {"09628", "10380"}
    expect(page.get_by_role("table", name="Shared units")).to_contain_text("D/502/9654")
    if viewport is PHONE:
        check_accessibility(page)
    save_screenshot(page, f"explore-compare-{viewport['width']}")
    assert blocked_requests == []


@pytest.fixture(scope="module")
def register_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served with the fixture register loaded (the tests' own server has none)."""
    folder = tmp_path_factory.mktemp("register")
    database = folder / "register.sqlite3"
    import_register(FIXTURE, database)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(REGISTER_ENV, str(database))
        with serving_for_a_test(REPO, folder / "server.log", "--client.toolbarMode", "viewer",
                                timeout_s=SERVER_START_TIMEOUT_S) as (url, _):
            yield url


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_learner__a_register_entry_reads_on_a_phone(page: Page, blocked_requests, register_url,
                                                     viewport):
    """A register entry's profile on a phone is a card for each fact, headed by the fact and
    its value below it (it was a two-column table that a phone squeezed, "In the register"
    above every value); in a wide window a table as before."""
    page.set_viewport_size(viewport)
    page.goto(f"{register_url}/explore?on=2026-12-02")
    wait_for_app(page, heading="Explore the catalogue")
    page.get_by_role("tab", name="Ofqual register").click()
    expect(page.get_by_role("table", name="Register entry")).to_contain_text(
        "Qualification number", timeout=TIMEOUT_MS)
    cells = table_read(page, "Register entry", ("Fact", "In the register"), viewport)
    if viewport is PHONE:
        assert {cell["label"] for cell in cells} == {""}
        check_accessibility(page)
    save_screenshot(page, f"explore-register-entry-{viewport['width']}")
    assert blocked_requests == []


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_learner__the_route_map_opens_at_the_learners_route(page: Page, blocked_requests,
                                                           viewport):
    """On a phone the map opened at its left edge, and the learner's own route (09628, green,
    to 10380, on the right) was off the screen until they scrolled sideways. It now opens with
    both ends of the route in the frame; in a wide window, where nothing scrolls, the whole map
    is in view as before, and the script that scrolls it takes no room on the page. Opened
    scrolled, the map hid its levels' names, its title and its legend on the left: they stay
    in view, the levels' names on a strip that does not scroll, clear of the route."""
    opened_route_map(page, viewport)
    frame = page.locator(".st-key-route_map")

    def in_view(name: str) -> bool:
        """Whether the point of the qualification named ``name`` on the map is inside the
        frame's visible part, and not under the levels' names kept at its left edge."""
        return frame.evaluate("""(frame, name) => {
            const label = [...frame.querySelectorAll('.annotation-text')]
                .find(t => t.textContent.trim() === name);
            const strip = frame.querySelector('.route-map-levels');
            const box = frame.getBoundingClientRect(), at = label.getBoundingClientRect();
            const aside = strip && strip.checkVisibility() ? strip.offsetWidth : 0;
            return at.left >= box.left + aside && at.right <= box.right;
        }""", name)

    # Scrolled once plotly has drawn the plot (or, where nothing overflows, left alone).
    page.wait_for_function("""() => {
        const frame = document.querySelector('.st-key-route_map');
        return frame.scrollLeft > 0 || frame.scrollWidth <= frame.clientWidth;
    }""", timeout=TIMEOUT_MS)
    assert in_view("09628") and in_view("10380")
    scrolled = frame.evaluate("f => f.scrollLeft")
    assert scrolled > 0 if viewport is PHONE else scrolled == 0
    # Scrolled, the map still names its levels on the left, and its title and legend are in
    # view (all three were off the screen to the left).
    assert names_in_view(frame) >= {"Level 1", "Level 2", "Level 3", "Level 4"}
    for part in (".g-gtitle", "g.legend"):
        assert frame.evaluate("""(frame, part) => {
            const box = frame.getBoundingClientRect();
            const at = frame.querySelector(part).getBoundingClientRect();
            return at.left >= box.left && at.right <= box.right;
        }""", part), part
    if viewport is PHONE:
        frame.evaluate("f => f.scrollLeft = 0")  # back at its left edge: plotly's own names
        page.wait_for_function("() => !document.querySelector('.route-map-levels')"
                               ".checkVisibility()", timeout=TIMEOUT_MS)
        assert names_in_view(frame) >= {"Level 1", "Level 4"}
    hidden = page.locator(".st-key-route_map_focus")
    assert hidden.evaluate("e => getComputedStyle(e).display") == "none"
    save_screenshot(page, f"route-map-opened-{viewport['width']}")
    assert blocked_requests == []


def test_learner__about_the_data_reads_on_a_phone(page: Page, blocked_requests):
    """About the data on a phone: its tables of source documents and coverage were wider
    than the screen, a region that scrolled sideways and that a keyboard could not reach
    (axe: scrollable-region-focusable, serious). Each row is now a card there."""
    page.set_viewport_size(PHONE)
    page.goto("/about")
    wait_for_app(page, heading="About the data")
    expect(page.get_by_role("table", name="Source documents")).to_contain_text("OCR")
    check_accessibility(page)
    save_screenshot(page, "about-phone")
    assert blocked_requests == []
