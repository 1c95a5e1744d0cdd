"""Links the app cannot use in full, and answers it must not get wrong (AppTest): a value out
of a widget's range is left out with a note, never an exception; a route link with units only
reopens them; the route page says what it searched and what the printout aims for."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

import advisor
from advisor import EARLIEST_DATE, LATEST_DATE
from tests.support.app import all_text, open_with_link, texts

CHECK = "app_pages/check_units.py"
ROUTE = "app_pages/plan_route.py"


def link_notes(at: AppTest) -> list[str]:
    """The notes on the link's values, as the learner reads them (Markdown escapes undone)."""
    shown = [re.sub(r"\\(.)", r"\1", w) for w in texts(at.warning)]
    return [w for w in shown if w.startswith("The link")]


def infos(at: AppTest) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", i) for i in texts(at.info)]


# ------------------------------------------------------------------ check a learner's units


@pytest.mark.parametrize("start", ["9999-12-30", "1999-12-31", "2041-01-01"])
def test_check_link__a_start_date_outside_the_widgets_range_is_left_out_with_a_note(start):
    at = open_with_link(CHECK, qual="09628", glh="5", start=start)
    assert link_notes(at) == [f"The link's start date '{start}' was left out: give a date from "
                              "1 January 2000 to 31 December 2040."]
    assert at.selectbox(key="check_qualification").value == "ocr-09628"
    assert at.number_input(key="check_glh").value == 5, "the rest of the link is kept"
    assert at.date_input(key="check_start").value == dt.date.today()


def test_check_link__the_last_date_in_range_is_kept():
    at = open_with_link(CHECK, qual="09628", glh="5", start="2040-12-31")
    assert link_notes(at) == []
    assert at.date_input(key="check_start").value == dt.date(2040, 12, 31)


@pytest.mark.parametrize("glh", ["0.1", "0.00001", "200"])
def test_check_link__hours_a_week_outside_the_widgets_range_are_left_out_with_a_note(glh):
    at = open_with_link(CHECK, qual="09628", glh=glh, start="2015-01-05")
    assert link_notes(at) == [f"The link's hours a week '{glh}' were left out: give a number "
                              "from 0.5 to 168."]
    assert at.number_input(key="check_glh").value is None


def test_links__carry_only_dates_the_apps_date_widgets_accept():
    """The decoder's range is within the widgets' range: a date it keeps never breaks a page.
    (The widgets take any date; the server refuses those outside the decoder's range: see
    ``tests/test_app_boxes.py``.)"""
    at = open_with_link(CHECK, qual="09628")
    for key in ("as_at", "check_start"):
        widget = at.date_input(key=key)
        assert widget.min <= EARLIEST_DATE and widget.max >= LATEST_DATE


# --------------------------------------------------------------------- the link's "on" date


@pytest.mark.parametrize(
    ("on", "note"),
    [("9999-12-30", "The link's date '9999-12-30' was left out: give a date from 1 January "
                    "2000 to 31 December 2040. The answers are as at today."),
     ("1999-01-01", "The link's date '1999-01-01' was left out: give a date from 1 January "
                    "2000 to 31 December 2040. The answers are as at today."),
     ("yesterday\x00", "The link's date 'yesterday' was left out: give a date like 2026-09-01, "
                       "01/09/2026 or 1 September 2026. The answers are as at today."),
     # Forms date.fromisoformat reads, but that no link of the app writes: as a start date.
     ("2015-W23-1", "The link's date '2015-W23-1' was left out: give a date like 2026-09-01, "
                    "01/09/2026 or 1 September 2026. The answers are as at today."),
     ("20150601", "The link's date '20150601' was left out: give a date like 2026-09-01, "
                  "01/09/2026 or 1 September 2026. The answers are as at today."),
     # Day first, as the intake file reads it, but a day that does not exist.
     ("30/02/2015", "The link's date '30/02/2015' was left out: give a date like 2026-09-01, "
                    "01/09/2026 or 1 September 2026. The answers are as at today."),
     # Month first, as an American would write 1 June: there is no 13th month.
     ("06/13/2015", "The link's date '06/13/2015' was left out: give a date like 2026-09-01, "
                    "01/09/2026 or 1 September 2026. The answers are as at today."),
     ("01/01/1990", "The link's date '01/01/1990' was left out: give a date from 1 January "
                    "2000 to 31 December 2040. The answers are as at today.")],
    ids=["far-future", "before-the-range", "not-a-date", "iso-week", "basic-format",
         "day-first-no-such-day", "month-first", "day-first-before-the-range"],
)
def test_on_date__one_the_app_cannot_use_is_left_out_with_a_note(on, note):
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3", "on": on})
    assert link_notes(at) == [note]
    assert at.date_input(key="as_at").value == dt.date.today()
    assert dict(at.query_params) == {"from": "09628", "level": "3"}, "the address drops it"


def test_on_date__the_note_goes_once_a_date_is_chosen():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3", "on": "9999-12-30"})
    assert link_notes(at)
    at.switch_page(CHECK).run()
    assert link_notes(at), "the answers on every page are as at today: still said"
    at.date_input(key="as_at").set_value(dt.date(2015, 6, 1)).run()
    assert not at.exception
    assert link_notes(at) == []


def test_on_date__a_good_date_gives_no_note():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3", "on": "2015-06-01"})
    assert link_notes(at) == []
    assert at.date_input(key="as_at").value == dt.date(2015, 6, 1)


@pytest.mark.parametrize("on", ["01/06/2015", "1/6/2015"])
def test_on_date__a_day_first_date_is_read_as_the_intake_file_reads_one(on):
    """A date typed as people in the UK write it, day first: 1 June 2015, not 6 January. The
    address then carries it as the app writes dates."""
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3", "on": on})
    assert link_notes(at) == []
    assert at.date_input(key="as_at").value == dt.date(2015, 6, 1)
    assert dict(at.query_params)["on"] == "2015-06-01"


def test_check_link__a_day_first_start_date_is_read_as_the_intake_file_reads_one():
    at = open_with_link(CHECK, as_at=dt.date(2015, 1, 5), qual="09628", glh="5",
                        start="02/03/2015")
    assert link_notes(at) == []
    assert at.date_input(key="check_start").value == dt.date(2015, 3, 2)
    assert dict(at.query_params)["start"] == "2015-03-02"


# ------------------------------------------------------------------------------ plan a route


def test_plan_route__a_link_with_units_only_reopens_them_and_shows_the_routes_onward():
    """The page writes ``units=`` alone for onward routes from units held: reopening it keeps
    the units and shows those routes."""
    at = open_with_link(ROUTE, units="D/502/9654")
    assert at.multiselect(key="route_units").value == ["D/502/9654"]
    assert "Choose a level or a qualification to aim for." not in infos(at)
    assert ("No level or qualification chosen to aim for: these are the routes onward from "
            "what you hold, up to 2 steps.") in infos(at)
    assert dict(at.query_params) == {"units": "D/502/9654"}


def test_plan_route__a_link_with_unknown_units_only_says_so():
    at = open_with_link(ROUTE, units="Z9")
    assert link_notes(at) == ["The link's unit was checked: no unit 'Z9' in the catalogue"
                              ", so it was left out"]
    assert at.multiselect(key="route_units").value == []


def test_plan_route__with_no_target_the_printout_says_so(monkeypatch):
    made = []

    class Recorded(advisor.ActionPlan):
        def __init__(self, **fields):
            made.append(fields["answers"])
            super().__init__(**fields)

    monkeypatch.setattr(advisor, "ActionPlan", Recorded)
    at = open_with_link(ROUTE, **{"from": "09628"})
    assert at.download_button(key="route_plan_download") is not None
    assert made and made[-1]["Aiming for"] == "no target chosen: onward routes shown"
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3"})
    assert made[-1]["Aiming for"] == "Level 3"


def test_plan_route__no_route_onward_names_the_steps_searched_and_whom_to_ask():
    # 03456 has nowhere a document leads, but 10381 is one level up: a route.
    assert "Step 1: 10381" in all_text(open_with_link(ROUTE, **{"from": "03456"}))
    at = open_with_link(ROUTE, **{"from": "10381"})  # the highest level in the documents
    warnings = [re.sub(r"\\(.)", r"\1", w) for w in texts(at.warning)]
    assert any(w.startswith("No route onward from OCR Level 4 NVQ Diploma Customer Service "
                            "(10381) was found within 2 steps. It is at Level 4, the highest "
                            "level") and
               "National Careers Service what could come next" in w for w in warnings)
    at = open_with_link(ROUTE, **{"from": "10378", "level": "4", "documented": "yes"})
    assert any("No route to Level 4 was found within 4 steps." in w
               for w in texts(at.warning))


def test_plan_route__a_level_no_qualification_is_at_is_left_out_with_a_note():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "7"})
    assert link_notes(at) == ["The link's level '7' was left out: no qualification in the "
                              "catalogue is at Level 7; choose one of 1, 2, 3, 4."]
    assert at.selectbox(key="route_from").value == "ocr-09628"
    assert at.selectbox(key="route_to_level").value is None
    assert dict(at.query_params) == {"from": "09628"}


def test_plan_route__a_level_beside_a_target_qualification_is_left_out_with_a_note():
    at = open_with_link(ROUTE, as_at=dt.date(2015, 6, 1), **{"from": "09628", "to": "03456",
                                                             "level": "2"})
    assert link_notes(at) == ["The link's level '2' was left out: the link names a target "
                              "qualification too, and a route aims for one or the other."]
    assert at.radio(key="route_target").value == "qualification"
    assert at.selectbox(key="route_to").value == "ocr-03456"
    assert dict(at.query_params) == {"from": "09628", "to": "03456", "on": "2015-06-01"}
