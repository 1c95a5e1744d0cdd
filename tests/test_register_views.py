"""The register in the views: its entries as tables, and its qualifications marked wherever
they are offered beside the documents' (options at a level, routes, the action plan)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from advisor import (
    ActionPlan,
    Employment,
    Profile,
    action_plan_html,
    find_routes,
    labels,
    recommend,
    register_tables,
    register_text,
    tables,
)
from advisor.register import ImportRecord, RegisterEntry
from tests.support.register import fixture_register

TODAY = dt.date(2026, 11, 29)
LINK = "https://example.org/synthetic/999-0001-1.pdf"

def test_register_tables__a_specification_link_only_for_a_web_address():
    def entry(url):
        return RegisterEntry(number="999/0001/1", title="SYNTHETIC", specification_url=url)

    assert register_tables.specification_link(entry(LINK)) == LINK
    for url in ("javascript:alert(1)", "file:///etc/passwd", "see the website", None,
                "https://example.org/a b"):
        assert register_tables.specification_link(entry(url)) is None


def test_register_tables__an_entry_says_what_the_register_does_not_give():
    table = register_tables.register_entry_table(
        RegisterEntry(number="999/0009/9", title="SYNTHETIC Award", min_glh=10, max_glh=20))
    values = table.set_index("Fact")["In the register"]
    assert values["Guided learning hours"] == "10 to 20"
    assert values["Awarding organisation"] == register_tables.NOT_GIVEN
    assert values["Level"] == "level not given"


@pytest.mark.parametrize(("hours", "words"), [
    ({"glh": 120}, "120"), ({"min_glh": 100, "max_glh": 120}, "100 to 120"),
    ({"min_glh": 100}, "at least 100"), ({"max_glh": 120}, "up to 120"), ({}, None),
])
def test_register_hours__one_wording_for_the_table_and_the_cli(hours, words):
    entry = RegisterEntry(number="999/0009/9", title="SYNTHETIC Award", **hours)
    assert labels.register_hours(entry) == words
    record = ImportRecord(file_name="x.csv", file_size=1, sha256="0", rows=1, problems=0,
                          imported_at=dt.datetime(2026, 11, 30, 10, 0))
    shown = register_text.register_entry_text(entry, record)
    assert (f"Guided learning hours: {words}" in shown) if words else ("None" not in shown)


def test_register_tables__matches_say_whether_each_is_open_on_the_date(tmp_path):
    register = fixture_register(tmp_path)
    found = register_tables.register_matches(register.search("customer service", level=2),
                                             as_at=TODAY).set_index("Number")
    assert found.loc["999/0001/1", "New learners"] == "open to new learners"
    assert found.loc["999/0005/5", "New learners"] == "closed to new learners"
    assert found.loc["999/0001/1", "Operational start"] == "1 September 2020"


def test_views__register_options_and_routes_are_marked(catalogue, tmp_path):
    register = fixture_register(tmp_path)
    result = recommend(catalogue, Profile(age=20, employment=Employment.WORKING), as_at=TODAY,
                       register=register)
    options = tables.options_table(catalogue, result).set_index("Code")
    assert options.loc["999/0001/1", "From"] == labels.REGISTER_ORIGIN
    assert options.loc["09628", "From"] == "the documents"
    plain = recommend(catalogue, Profile(age=20, employment=Employment.WORKING), as_at=TODAY)
    assert "From" not in tables.options_table(catalogue, plain).columns  # as without a register

    routes = list(itertools.islice(find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"), to_level=3,
        as_at=TODAY, register=register), 2))
    listed = tables.routes_table(catalogue, routes)
    assert "Ofqual register" in listed.loc[0, "Documented"]
    assert "Ofqual register" not in listed.loc[1, "Documented"]

    # (the register the page had: the printout words the recommendation again with it)
    page = action_plan_html(catalogue, ActionPlan(as_at=TODAY, answers={}, route=routes[0],
                                                  recommendation=result, created=TODAY,
                                                  register=register))
    # In the detail (the options' table, the route's step) and in the summary before it.
    assert page.count("from the Ofqual register: rules of combination not known") == 4
