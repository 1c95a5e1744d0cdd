"""What is typed into a box and cannot be used (AppTest): it is refused by the server with a
note worded as a link's, and the answers, the address and the box all go without it; never an
answer for the value before shown beside the value typed.

The boxes have no minimum or maximum of their own: with one, Streamlit's box refused a number
in the browser without telling the server, so the page kept answering for the number before
while the box showed the one typed. Here AppTest sends what the browser now sends; the browser's
side is in ``tests/browser/test_typing.py``.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.app import open_page, open_with_link, texts

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
