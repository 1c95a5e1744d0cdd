"""What is typed into a box and cannot be used (AppTest): it is refused by the server with a
note, and the box, the answers and the address agree: a number is left out, as a link's is; a
date goes back to the date in use, and the note names it. Never an answer for the value before
shown beside the value typed.

The boxes have no limits of their own: with them, Streamlit's boxes refused a number or date
in the browser without telling the server, so the page kept answering for the value before
while the box showed the one typed. Here AppTest sends what the browser now sends; the browser's
side is in ``tests/browser/test_typing.py``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from advisor import EARLIEST_DATE, LATEST_DATE
from tests.support.app import all_text, check_units, open_page, open_with_link, texts

LEVEL = "app_pages/starting_level.py"
ROUTE = "app_pages/plan_route.py"
CHECK = "app_pages/check_units.py"


def errors(at: AppTest) -> list[str]:
    """The errors shown on values left out, as the learner reads them (Markdown escapes
    undone); not those on the answers (certificates ended on the date)."""
    return [re.sub(r"\\(.)", r"\1", e) for e in texts(at.error) if "left out" in e]


# ------------------------------------------------------------------------ a learner's age


@pytest.mark.parametrize(
    ("typed", "shown"),
    [(150, "150"), (12, "12"), (16.7, "16.7"), (1000.0, "1000"), (-3, "-3"), (1e20, "1e+20")],
    ids=["too-old", "too-young", "not-whole", "typed-1e3", "negative", "huge"])
def test_starting_level__an_age_it_cannot_use_is_left_out_with_the_links_note(typed, shown):
    at = open_page(LEVEL)
    at.radio(key="sl_employment").set_value("working").run()
    at.number_input(key="sl_age").set_value(24).run()
    assert dict(at.query_params) == {"age": "24", "work": "working"}
    at.number_input(key="sl_age").set_value(typed).run()
    assert not at.exception
    assert errors(at) == [f"The age {shown} was left out: give a whole number from 13 to 100."]
    assert at.number_input(key="sl_age").value is None, "the box goes empty, as the answers do"
    assert dict(at.query_params) == {"work": "working"}, "the address drops the age of 24"


def test_starting_level__the_note_goes_once_the_box_has_an_age_it_can_use():
    at = open_page(LEVEL)
    at.number_input(key="sl_age").set_value(150).run()
    assert errors(at)
    at.number_input(key="sl_age").set_value(19.0).run()  # as the box sends it: a float
    assert errors(at) == []
    assert at.number_input(key="sl_age").value == 19
    assert dict(at.query_params) == {"age": "19"}


def test_starting_level__a_link_and_the_box_say_the_same_of_an_age_they_cannot_use():
    linked = open_with_link(LEVEL, age="150")
    typed = open_page(LEVEL)
    typed.number_input(key="sl_age").set_value(150).run()
    (link_note,) = [w for w in texts(linked.warning) if "age" in w]
    assert link_note.replace("The link's age '150'", "The age 150") == texts(typed.error)[0]


@pytest.mark.parametrize("as_typed", [True, False], ids=["typed", "from-a-link"])
def test_starting_level__the_age_goes_on_to_the_route_in_whole_years(as_typed):
    """The box sends every number back as a float (19.0), typed or put in it from a link."""
    at = open_with_link(LEVEL, work="working", **({} if as_typed else {"age": "19"}))
    if as_typed:
        at.number_input(key="sl_age").set_value(19.0).run()
    at.radio(key="sl_employment").set_value("not-working").run()  # a rerun: the age goes back
    at.query_params.clear()
    at.switch_page(ROUTE).run()
    assert not at.exception
    assert at.number_input(key="route_age").value == 19
    assert dict(at.query_params)["age"] == "19"


def test_plan_route__an_age_it_cannot_use_is_left_out_with_the_links_note():
    at = open_with_link(ROUTE, **{"from": "09628", "level": "3", "age": "24"})
    at.number_input(key="route_age").set_value(150).run()
    assert not at.exception
    assert errors(at) == ["The age 150 was left out: give a whole number from 13 to 100."]
    assert at.number_input(key="route_age").value is None
    assert dict(at.query_params) == {"from": "09628", "level": "3"}


# ---------------------------------------------------------------------- hours a week


@pytest.mark.parametrize(("typed", "shown"), [(200.0, "200"), (0.3, "0.3"), (-5.0, "-5")])
def test_check__hours_a_week_it_cannot_use_are_left_out_with_the_links_note(typed, shown):
    at = open_with_link(CHECK, qual="09628", glh="5")
    at.number_input(key="check_glh").set_value(typed).run()
    assert not at.exception
    assert errors(at) == [f"The hours a week {shown} were left out: give a number from 0.5 to "
                          "168."]
    assert at.number_input(key="check_glh").value is None
    assert "glh" not in dict(at.query_params)


def test_check__hours_a_week_it_can_use_are_kept_as_typed():
    at = open_with_link(CHECK, qual="09628", glh="5")
    at.number_input(key="check_glh").set_value(7.5).run()
    assert errors(at) == []
    assert dict(at.query_params)["glh"] == "7.5"


# ------------------------------------------------------------------------ the sidebar's date

JUNE_2015 = dt.date(2015, 6, 1)


def date_notes(at: AppTest) -> list[str]:
    """The notes below the sidebar's date box."""
    return [re.sub(r"\\(.)", r"\1", e) for e in texts(at.sidebar.error) if "date chosen" in e]


@pytest.mark.parametrize("chosen", [dt.date(1990, 1, 1), dt.date(2041, 1, 1),
                                    dt.date(1999, 12, 31), dt.date(9999, 12, 31)])
def test_as_at__a_date_it_cannot_answer_for_is_refused_and_the_date_in_use_kept(chosen):
    at = open_with_link(CHECK, qual="09628", on="2015-06-01")
    assert at.date_input(key="as_at").value == JUNE_2015
    at.date_input(key="as_at").set_value(chosen).run()
    assert not at.exception
    assert date_notes(at) == [
        f"The date chosen was not used: {chosen.day} {chosen:%B} {chosen.year} is outside the "
        "dates the advisor answers for, 1 January 2000 to 31 December 2040. The answers are "
        "still as at 1 June 2015."]
    assert at.date_input(key="as_at").value == JUNE_2015, "the box shows the date in use"
    assert dict(at.query_params)["on"] == "2015-06-01"
    assert ("On 1 June 2015: Open to new learners until 31 December 2016 (certificates until "
            "31 December 2017).") in all_text(at)


def test_as_at__the_note_is_on_every_page_until_a_date_it_can_use_is_chosen():
    at = open_page(LEVEL, as_at=JUNE_2015)
    at.date_input(key="as_at").set_value(dt.date(1990, 1, 1)).run()
    assert date_notes(at)
    at.switch_page(ROUTE).run()
    assert date_notes(at), "every page answers as at the date in use: still said"
    at.date_input(key="as_at").set_value(dt.date(2016, 1, 4)).run()
    assert date_notes(at) == []
    assert at.date_input(key="as_at").value == dt.date(2016, 1, 4)


def test_as_at__the_sidebar_says_which_dates_the_advisor_answers_for():
    at = open_page(LEVEL)
    assert any("any from 1 January 2000 to 31 December 2040" in c for c in texts(at.caption))


def test_date_boxes__take_any_date_so_that_the_server_sees_what_is_chosen():
    """Limits of a box's own make the browser refuse a date without a word to the server: the
    boxes take every date the decoder keeps and more, and the server refuses the rest."""
    at = open_with_link(CHECK, qual="09628")
    for key in ("as_at", "check_start"):
        widget = at.date_input(key=key)
        assert widget.min <= dt.date(1, 1, 1) and widget.max >= dt.date(9999, 12, 31)
        assert widget.min <= EARLIEST_DATE and widget.max >= LATEST_DATE


# ---------------------------------------------------------------------- the check's start


def start_notes(at: AppTest) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", e) for e in texts(at.error) if "start chosen" in e]


def test_check__a_start_it_cannot_answer_for_is_refused_and_the_start_in_use_kept():
    at = check_units("ocr-09628", [], as_at=dt.date(2015, 1, 5))
    at.number_input(key="check_glh").set_value(5.0).run()
    at.date_input(key="check_start").set_value(dt.date(2015, 3, 2)).run()
    assert dict(at.query_params)["start"] == "2015-03-02"
    at.date_input(key="check_start").set_value(dt.date(2041, 1, 1)).run()
    assert not at.exception
    assert start_notes(at) == [
        "The start chosen was not used: 1 January 2041 is outside the dates the advisor answers "
        "for, 1 January 2000 to 31 December 2040. The start is still 2 March 2015."]
    assert at.date_input(key="check_start").value == dt.date(2015, 3, 2)
    assert dict(at.query_params)["start"] == "2015-03-02"
    assert any("from 2 March 2015" in t for t in texts(at.success))
    at.date_input(key="check_start").set_value(dt.date(2015, 4, 6)).run()
    assert start_notes(at) == []


def test_check__a_refused_start_leaves_the_start_following_the_sidebars_date():
    """Never chosen, the start follows the sidebar's date; a start refused does not change
    that (the link still carries no start)."""
    at = check_units("ocr-09628", [], as_at=dt.date(2015, 1, 5))
    at.number_input(key="check_glh").set_value(5.0).run()
    at.date_input(key="check_start").set_value(dt.date(1990, 1, 1)).run()
    assert start_notes(at)
    assert at.date_input(key="check_start").value == dt.date(2015, 1, 5)
    assert "start" not in dict(at.query_params)
    at.date_input(key="as_at").set_value(dt.date(2015, 2, 2)).run()
    assert at.date_input(key="check_start").value == dt.date(2015, 2, 2)
