"""Shareable links built to break things, opened in a real browser.

A link's answers travel in the page address (``advisor.formats.links``), so anyone can hand a
learner a link holding anything. Each case opens one page with one such link (five page loads in
all: two on *Find a starting level*, two on *Plan a route*, one on *Check a learner's units*)
and checks that:

- the page renders its normal heading, with no Streamlit exception element (``stException``)
  and no Python traceback anywhere in the page;
- HTML, script and Markdown in the link are shown as text and never run or rendered: every
  text-like value holds ``PAYLOAD``; the ``window.__pwned`` flag must stay unset, and no
  ``img[src=x]`` or payload ``<script>`` element may exist;
- the page says what it left out, in the app's own words (the notes ``advisor.formats.links``
  writes and the page shows as warnings, matched word for word), and keeps what it could use.

What each protection is, and what fails without it (each was checked by disabling it in a
scratch copy of the app):

- The decoders never raise (``decode_profile``, ``decode_route`` and ``decode_check`` catch
  bad values): if one did, Streamlit shows ``stException`` and ``wait_for_app`` fails with the
  traceback.
- Numbers are ASCII digits only (``links._whole_number``, ``parse_hours_a_week``): Python's
  ``int`` and ``float`` accept Arabic-Indic digits, so ``age=٣٣``, ``level=٣`` and ``glh=٣``
  would be used as 33, 3 and 3, and the "left out" notes asserted here would be missing.
- Whole numbers are range-checked: ``age=-5`` and ``level=99999999999999999999`` would be passed
  on without a note (Streamlit then left the box empty, with no error): the notes are missing.
- One value is at most ``links.MAX_VALUE_LENGTH`` characters: ``aim`` of 2,500 characters and
  ``units`` of 4,000 URNs (about 44 kB) must be dropped with the "too long to use" note, and no
  unit kept.
- A list has at most ``links.MAX_ITEMS`` items: of 151 units only the first 100 are checked, so
  the note on unknown codes counts 99 of them, not 150.
- A list's unknown codes make one note (``links._checked``) quoting at most ``links.MAX_LISTED``
  of them, each cut to 40 characters, "and N more" counting the rest: without it each unknown
  code has a warning box of its own, quoting the whole payload, and the per-code notes asserted
  absent here are shown.
- Repeated keys: the last value wins (``st.query_params.to_dict``); the note must quote the last
  value, and the earlier, valid one must not be used.
- Percent-encoded NUL and control characters reach the decoder, which removes them and says so
  (``links._value``): without it they are quoted back in notes (NUL as U+FFFD, which Markdown
  puts in its place), a starting qualification of nothing else is reported as an unknown code,
  and the notes asserted here are missing.
- Every value that cannot be used is noted, ``senior`` and ``documented`` included: without
  their notes the payload in them is dropped silently.
- Notes and cautions are Markdown-escaped (``_common.escape_markdown``): without it the
  payload's ``![x](x)`` becomes an ``img[src=x]``.
- Notes are never rendered as HTML: as HTML they create ``img[src=x]``; as HTML with JavaScript
  allowed, the payload sets ``window.__pwned``.
- On "Check a learner's units", a unit accepted or in progress must be one of the
  qualification's (``decode_check``): the unit of another qualification is named and left out;
  a start date is ``YYYY-MM-DD`` only (``2026-W01-1``, which ``date.fromisoformat`` reads, is
  left out); the centre's evidence note is kept as typed, in its box, and never rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import wait_for_app

PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
           "![x](x)[link](javascript:void(0))**bold**")  # 112 characters: under the 120 of a role
"""HTML that runs script if rendered as HTML, and Markdown that makes an ``img[src=x]``, a link
and bold text if rendered as Markdown: shown as typed only if the page escapes both."""
QUOTED = PAYLOAD[:20]  # notes on free-text answers quote at most 20 characters of the value
CODE = PAYLOAD[:40]  # notes on qualification and unit codes quote at most 40
TRACEBACK = "Traceback (most recent call last)"
MAX_URL = 60_000  # characters in one address: absurd for a link, yet one the server accepts

LEVEL = "/starting_level"
ROUTE = "/plan_route"
CHECK = "/check_units"


def query(pairs: list[tuple[str, str]]) -> str:
    """A query string as a browser sends it; ``/`` and ``,`` are left as typed."""
    return urlencode(pairs, safe="/,", quote_via=quote)


@dataclass(frozen=True)
class Case:
    """One hostile link and what the page must show for it."""

    path: str
    heading: str
    pairs: list[tuple[str, str]]
    notes: tuple[str, ...] = ()  # shown word for word, each as a whole paragraph
    not_noted: tuple[str, ...] = ()  # notes that must not be shown
    shown: tuple[str, ...] = ()  # other text that must be visible (values quoted back)
    check: Callable[[Page], None] | None = None  # what the page kept, or did not


# ------------------------------------------------------------------------- what the page kept


def age_is_empty(page: Page) -> None:
    expect(page.get_by_label("How old are you?")).to_have_value("")


def age_is_empty_and_no_control_character_shown(page: Page) -> None:
    age_is_empty(page)
    shown = page.get_by_test_id("stMain").inner_text()
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]", shown)


def level_is_not_chosen(page: Page) -> None:
    """No level was taken from the link: the level box is empty."""
    expect(page.get_by_role("combobox", name="Level", exact=True)).to_have_value("")


def units_held(page: Page) -> list[str]:
    """The chips in the route page's "Units held" box."""
    box = page.get_by_test_id("stMultiSelect").filter(has=page.get_by_text("Units held",
                                                                           exact=True))
    return box.locator("[data-tag]").all_inner_texts()


def route_keeps_the_one_known_unit(page: Page) -> None:
    level_is_not_chosen(page)
    assert [chip.split()[0] for chip in units_held(page)] == ["D/502/9654"]


def route_keeps_no_unit(page: Page) -> None:
    level_is_not_chosen(page)
    # The repeated key's earlier, valid value (09628) is not used either.
    expect(page.get_by_role("combobox", name="A qualification completed")).to_have_value("")
    assert units_held(page) == [], "a value over the length limit is dropped whole"


def check_keeps_what_it_could_use(page: Page) -> None:
    """03456, its one known unit ticked, both units accepted (the note kept as typed, in its
    box), no hours a week."""
    expect(page.get_by_role("combobox", name="Qualification", exact=True)
           ).to_have_value(re.compile(r"^03456 "))
    expect(page.get_by_role("checkbox", name="F3 K/601/1622")).to_be_checked()
    accepted = page.get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text("Accepted by the centre", exact=False))
    assert [chip.split("(")[1].split(")")[0]
            for chip in accepted.locator("[data-tag]").all_inner_texts()] == [
        "T/601/1526", "H/601/1232"]
    expect(page.get_by_label(re.compile(r"^Evidence for .*T/601/1526"))).to_have_value(PAYLOAD)
    expect(page.get_by_label("Guided learning hours a week")).to_have_value("")


# ------------------------------------------------------------------------------------ the cases

THOUSANDS_OF_UNITS = ",".join(["D/502/9654"] * 4_000)  # 43,999 characters
UNKNOWN_UNITS = "D/502/9654," + ",".join(f"Z{n}" for n in range(150))  # 151 items, 1 known

CASES = [
    pytest.param(Case(
        LEVEL, "Find a starting level",
        [("age", "٣٣"), *((key, PAYLOAD) for key in
                          ("work", "role", "does", "senior", "has", "units", "aim"))],
        notes=(
            "The link's age '٣٣' was left out: give a whole number from 13 to 100.",
            f"The link's work answer '{QUOTED}' was not understood: left out.",
            f"The link's work description '{QUOTED}' is not one of the list: left out.",
            f"The link's senior role answer '{QUOTED}' was not understood: left out.",
            f"The link's aim '{QUOTED}' was not understood: left out.",
            f"The link's qualification was checked: no qualification '{CODE}' in the catalogue, "
            "so it was left out",
            f"The link's unit was checked: no unit '{CODE}' in the catalogue, so it was left out",
        ),
        shown=(f'"{PAYLOAD}" is not one of the job roles the documents list',),
        check=age_is_empty,
    ), id="starting-level--arabic-indic-age--script-in-every-text-value"),
    pytest.param(Case(
        LEVEL, "Find a starting level",
        [("age", "99999999999999999999"), ("age", "-5"),  # repeated: the last one wins
         ("work", "working"), ("work", "42"),
         ("does", "1.5,-1,\x00\x01\x1b\x7f"),
         ("role", PAYLOAD + "R" * 150),
         ("aim", "A" * 2_500)],
        notes=(
            "The link's age '-5' was left out: give a whole number from 13 to 100.",
            "The link's work answer '42' was not understood: left out.",
            "The link's 'does' held control characters; they were removed.",
            "The link's work descriptions '1.5', '-1' are not in the list: left out.",
            "The link's job role was shortened to 120 characters.",
            "The link's 'aim' was too long to use, so it was left out.",
        ),
        not_noted=("The link's age '99999999999999999999' was left out: give a whole number "
                   "from 13 to 100.",),
        shown=(f'"{(PAYLOAD + "R" * 150)[:120]}" is not one of the job roles',),
        check=age_is_empty_and_no_control_character_shown,
    ), id="starting-level--negative-age-repeated-keys-wrong-types-nul-overlong"),
    pytest.param(Case(
        ROUTE, "Plan a route",
        [("from", PAYLOAD), ("to", PAYLOAD), ("level", "٣"), ("documented", PAYLOAD),
         ("units", UNKNOWN_UNITS)],
        notes=(
            f"The link's starting qualification was checked: no qualification '{CODE}' in the "
            "catalogue, so it was left out",
            f"The link's target qualification was checked: no qualification '{CODE}' in the "
            "catalogue, so it was left out",
            "The link's level '٣' was left out: give a whole number from 1 to 8.",
            "The link lists 151 values for 'units'; only the first 100 were used.",
            "The link's units were checked: 99 are not in the catalogue, so they were left out: "
            "'Z0', 'Z1', 'Z2', 'Z3', 'Z4' and 94 more.",
            f"The link's 'documented' answer '{QUOTED}' was not understood: left out.",
        ),
        not_noted=("The link's units were checked: no unit 'Z0' in the catalogue",
                   "The link's units were checked: no unit 'Z98' in the catalogue"),
        check=route_keeps_the_one_known_unit,
    ), id="plan-route--script-in-codes--arabic-indic-level--151-unit-codes"),
    pytest.param(Case(
        ROUTE, "Plan a route",
        [("from", "09628"), ("from", "\x00\x01\x1b\x7f"),  # repeated: the last one wins
         ("level", "99999999999999999999"),
         ("units", THOUSANDS_OF_UNITS)],
        notes=(
            "The link's 'from' held only control characters, so it was left out.",
            "The link's level '99999999999999999999' was left out: give a whole number from 1 "
            "to 8.",
            "The link's 'units' was too long to use, so it was left out.",
        ),
        check=route_keeps_no_unit,
    ), id="plan-route--4000-units-absurd-level-repeated-nul-start"),
    pytest.param(Case(
        CHECK, "Check a learner's units",
        [("qual", "03456"), ("units", "K/601/1622," + PAYLOAD),
         ("accepted", "T/601/1526,H/601/1232"), ("note1", PAYLOAD),
         ("progress", "D/502/9654"), ("glh", "٣"), ("start", "2026-W01-1"),
         ("registered", PAYLOAD)],
        notes=(
            f"The link's units were checked: no unit '{CODE}' in 03456, so it was left out",
            "The link's unit in progress D/502/9654 is not part of the qualification: left out.",
            "The link's hours a week '٣' were left out: give a number from 0.5 to 168.",
            "The link's start date '2026-W01-1' was left out: give a date like 2026-09-01, "
            "01/09/2026 or 1 September 2026.",
            f"The link's registered '{QUOTED}' was left out: it can only be 'yes'.",
        ),
        check=check_keeps_what_it_could_use,
    ), id="check-units--script-in-units-and-note--other-unit--arabic-indic-hours--iso-week"),
]


@pytest.mark.parametrize("case", CASES)
def test_hostile_link__page_renders_runs_no_script_and_says_what_it_left_out(
    page: Page, blocked_requests: list[str], case: Case
):
    """Open the page with the case's link; see the module docstring for what each check guards."""
    url = f"{case.path}?{query(case.pairs)}"
    assert len(url) < MAX_URL
    page.goto(url)
    wait_for_app(page, heading=case.heading)  # fails with the app's traceback if it raised

    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert TRACEBACK not in page.content()

    assert page.evaluate("window.__pwned") is None, "the link's script ran"
    expect(page.locator("img[src=x]")).to_have_count(0)
    expect(page.locator("script", has_text="__pwned")).to_have_count(0)

    for note in case.notes:
        expect(page.get_by_text(note, exact=True)).to_be_visible()
    for note in case.not_noted:
        expect(page.get_by_text(note, exact=True)).to_have_count(0)
    for text in case.shown:
        expect(page.get_by_text(text).first).to_be_visible()
    if case.check is not None:
        case.check(page)
    assert blocked_requests == []
