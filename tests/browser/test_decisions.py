"""Centre decisions in a real browser: staff accept a similar unit from a route in one click,
write down their evidence, see the check change with the unit marked as theirs, and print the
record with the note.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    check_accessibility,
    print_to_a4,
    save_screenshot,
    wait_for_app,
)

NOTE = "Certificate of unit credit seen on 20 November 2026"


def test_centre_staff__accept_a_similar_unit_with_a_note_and_print_the_record(
        page: Page, blocked_requests):
    # The learner holds D/506/2153, which has the same title as a unit of 03456 under another
    # unit reference number: the route names it for the centre to judge.
    page.goto("/plan_route?units=D/506/2153&to=03456")
    wait_for_app(page, heading="Plan a route")
    accept = page.get_by_role("button", name=re.compile(r"^Accept .* at the centre, and check$"))
    expect(accept.first).to_be_visible()
    accept.first.click()
    wait_for_app(page, heading=re.compile("Check a learner"))

    # The check opens with the unit accepted and a note drafted, which staff replace with theirs.
    evidence = page.get_by_label(re.compile("^Evidence for "))
    expect(evidence).to_have_value(re.compile("^Holds D/506/2153 Champion customer service"))
    evidence.fill(NOTE)
    evidence.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text(re.compile("accepted by the centre: A17")).first).to_be_visible()

    # The decision and its note travel in the address, so a shared link reopens them.
    expect(page).to_have_url(re.compile(r"Certificate\+of\+unit\+credit"))
    query = parse_qs(urlparse(page.url).query)
    assert query.get("accepted") == ["T/601/1235"]
    assert NOTE in query.get("note1", [])

    check_accessibility(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download this check as a record (a page to print or "
                                        "keep)").click()
    record = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert NOTE in record
    assert "Accepted by the centre (recognition of prior learning)" in record
    # The headline says where the check stands: on today's date, beyond completing.
    assert "it can no longer be completed" in record
    page.set_content(record)  # the file as staff open it to print
    print_to_a4(page, "decisions-record")
    save_screenshot(page, "decisions-record")
    assert blocked_requests == []
