"""Explore: the search by words, and the units two qualifications share when one takes its unit
list from the national structure it follows."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import (
    Status,
    carry_over,
    check_combination,
    check_eligibility,
    explore_tables,
    load_catalogue,
    search,
)
from tests.support.app import open_page, open_with_link, table_with, texts
from tests.support.catalogues import QUALIFICATION, SECOND, write_catalogue

TODAY = dt.date(2026, 11, 22)
# The OCNLR Level 1 Certificate lists its own units; OCR 10378 has no unit list in the sources
# and is inferred to follow the national Level 1 structure S/016/371, whose units it lists.
OCNLR, OCR = "601/4404/X", "10378"


# --------------------------------------------------------------- units listed by a structure


def test_listed_units__a_qualification_following_a_structure_lists_the_structures_units(
        catalogue):
    ocr = catalogue.find_qualification(OCR)
    structure = catalogue.qualifications["skills-cfa-s-016-371"]
    assert ocr.rules is None
    assert catalogue.listed_units(ocr) == structure.rules.listed_units
    assert len(catalogue.listed_units(ocr)) == 15
    assert catalogue.listed_units(catalogue.find_qualification("03455")) == frozenset()
    listing = [q.reference for q in catalogue.qualifications_listing("L/506/2083")]
    assert listing == [OCNLR, OCR, "S/016/371"]


def test_shared_units__agree_with_carry_over_for_601_4404_x_and_10378(catalogue):
    ocnlr, ocr = catalogue.find_qualification(OCNLR), catalogue.find_qualification(OCR)
    moved = carry_over(catalogue, ocr, from_qualification=ocnlr)
    assert (len(moved.transfers), moved.credits_transferred) == (5, 14)
    shared = explore_tables.shared_units_table(catalogue, [ocnlr, ocr]).set_index("URN")
    assert set(moved.transfers) <= set(shared.index)
    assert set(shared.index) == catalogue.listed_units(ocnlr) & catalogue.listed_units(ocr)
    facts = explore_tables.comparison_table(catalogue, [ocnlr, ocr], as_at=TODAY).set_index("Fact")
    assert facts.loc["Units listed", OCR] == (
        "15 (those of S/016/371, which it is inferred to follow)")
    # Its credits too are the structure's, as the checks and routes count them.
    required = catalogue.effective_rules(ocr)[0].credits_required
    assert facts.loc["Credits required", OCR] == (
        f"{required} (those of S/016/371, which it is inferred to follow)")
    profile = explore_tables.facts_table(catalogue, ocr).set_index("Fact")
    assert profile.loc["Credits required", "Value"] == facts.loc["Credits required", OCR]
    assert "inferred" in profile.loc["Credits required", "Source"]
    assert len(shared) == 15
    # 601/4404/X's dates are not stated and its review date has passed: the comparison says
    # both, as its own profile does.
    assert facts.loc["On 22 November 2026", OCNLR] == (
        "not known if open; its review date (31 August 2019) has passed; check with the "
        "awarding body that it is still offered")
    assert facts.loc["On 22 November 2026", OCR] == "not known if open"
    # Each 10378 cell says the unit is the structure's, and that following it is inferred.
    assert shared.loc["L/506/2083", OCR] == "unit CS 1 of S/016/371 (inferred)"
    assert shared.loc["L/506/2083", OCNLR] == "unit BA3/1/LQ/004"
    assert all(cell.endswith("S/016/371 (inferred)") for cell in shared[OCR])


def test_unit_matches__name_a_qualification_listing_a_unit_by_its_structure(catalogue):
    found = explore_tables.unit_matches(catalogue, "L/506/2083")
    # By reference, short enough to read whole in a phone's grid; "(inferred)" for one listing
    # it only as the units of a structure it is inferred to follow (a caption says so).
    assert found.iloc[0]["In qualifications"] == "601/4404/X, 10378 (inferred), S/016/371"


def test_shared_units__a_structure_its_sources_say_it_follows_is_not_called_inferred(tmp_path):
    follower = SECOND + "based_on:\n  structure: ab-001\n  source: doc.txt § Structure\n"
    catalogue = load_catalogue(write_catalogue(tmp_path, {
        "qualifications/ab-001.yaml": QUALIFICATION + "category: national-structure\n",
        "qualifications/ab-002.yaml": follower}))
    structure, q = catalogue.qualifications["ab-001"], catalogue.qualifications["ab-002"]
    shared = explore_tables.shared_units_table(catalogue, [structure, q])
    assert list(shared["002"]) == ["unit 1 of 001", "unit 2 of 001", "unit 3 of 001"]
    assert explore_tables.unit_matches(catalogue, "A/100/0001").iloc[0]["In qualifications"] == (
        "001, 002")
    # The check against its structure's rules says the same, not "inferred to follow".
    cautions = check_combination(catalogue, q, []).cautions
    (said,) = [c for c in cautions if "national structure" in c]
    assert "which it follows;" in said and "inferred" not in said


# ------------------------------------------------------------------------------ the search


@pytest.mark.parametrize(("query", "expected"), [
    ("nvq level 3", {"03456"}),
    ("NVQ  Level 3", {"03456"}),
    ("level 3 nvq diploma customer service", {"03456"}),
    ("ocr nvq", {"03454", "03455", "03456", "10381"}),
    ("level 3", {"03456", "09629", "10380", "S/016/609"}),
    ("level3 principles", {"09629"}),
    ("diploma level 2", {"10379", "OCNLR L2 Business Admin", "OCNLR L2 Diploma CS",
                         "S/016/608"}),
    ("principles of customer", {"09628", "09629", "OCNLR L2 Principles"}),
    ("6000840 4", {"09628"}),
])
def test_search__every_word_is_found_somewhere_in_the_qualification(catalogue, query, expected):
    """Words are matched one by one, in any order and case; "level 3" is one term that only a
    qualification at Level 3 meets (the 3 in 03454 does not)."""
    found = explore_tables.qualification_matches(catalogue, query, as_at=TODAY)
    assert set(found["Reference"]) == expected
    assert "Found through" not in found.columns  # their own words found them all


def test_search__apprenticeship_finds_the_qualifications_of_each_framework(catalogue):
    found = explore_tables.qualification_matches(catalogue, "apprenticeship", as_at=TODAY)
    components = {catalogue.qualifications[qid].reference
                  for framework in catalogue.frameworks.values()
                  for component in framework.components for qid in component.qualifications}
    assert set(found["Reference"]) == components
    row = found.set_index("Reference").loc["10380"]
    # Two Level 3 frameworks share a title: the 2014 one is named by its reference.
    assert row["Found through"] == ("Advanced Apprenticeship in "
                                    "Customer Service (Level 3, framework FR03058)")
    # The standard that took a framework's place, right after it, does not name it again (the
    # cell ran past the four lines a grid's row shows).
    assert found.set_index("Reference").loc["10379", "Found through"] == (
        "Intermediate Apprenticeship in Customer Service (Level 2, framework FR03058); the "
        "apprenticeship standard Customer Service Practitioner (ST0072), which took its place")


def test_search__a_replaced_qualification_comes_after_what_replaced_it(catalogue):
    """Searching apprenticeships today: at Level 2, 10379 (not known if open) comes before
    03455 (not known either, but 10379 replaced it) and 09628 (closed)."""
    found = list(explore_tables.qualification_matches(catalogue, "apprenticeship",
                                                      as_at=TODAY)["Reference"])
    assert found.index("10379") < found.index("03455") < found.index("09628")


def test_search__team_leader_finds_the_qualifications_at_the_level_of_the_job(catalogue):
    found = explore_tables.qualification_matches(catalogue, "team leader", as_at=TODAY)
    # Level 3, not structures; the one not known to be closed before the two that closed
    assert list(found["Reference"]) == ["10380", "03456", "09629"]
    assert set(found["Found through"]) == {
        "job role \u201cCustomer Service Team Leader\u201d (the sources place it at Level 3)"}


def test_search__job_roles_at_one_level_are_named_together(catalogue):
    """Four job roles at Level 2 found a qualification: named once as roles at that level, not
    each with "(the sources place it at Level 2)" (the cell ran past what a grid's row shows)."""
    found = explore_tables.qualification_matches(catalogue, "customer service", as_at=TODAY)
    through = found.set_index("Reference").loc["OCNLR L2 Business Admin", "Found through"]
    assert through == (
        "job roles \u201cCustomer Service Agents\u201d, \u201cCustomer Service and Sales "
        "Representatives\u201d, \u201cCustomer Service and Sales Desk Assistants\u201d and "
        "\u201cCustomer Service Operatives\u201d (the sources place them at Level 2)")


def test_search__a_job_named_after_a_qualification_leads_to_it(catalogue):
    found = explore_tables.qualification_matches(catalogue, "call centre advisor", as_at=TODAY)
    assert list(found["Reference"]) == [OCNLR]
    assert found.iloc[0]["Found through"] == (
        "job role \u201cCall Centre Advisor\u201d (a job the sources name after it)")


def test_search__words_of_a_qualification_and_of_a_framework_together(catalogue):
    found = explore_tables.qualification_matches(catalogue, "nvq apprenticeships", as_at=TODAY)
    assert set(found["Reference"]) == {"03455", "03456"}


@pytest.mark.parametrize("query", ["ST0072", "customer service practitioner",
                                   "practitioner level 2"])
def test_search__the_standard_that_replaced_a_framework_finds_its_qualifications(catalogue,
                                                                                  query):
    """A name heard today (the standard, ST0072) finds what the documents hold of it: the
    qualifications of the framework it took the place of, saying so."""
    found = explore_tables.qualification_matches(catalogue, query, as_at=TODAY)
    assert set(found["Reference"]) == {"10379", "OCNLR L2 Diploma CS"}
    assert set(found["Found through"]) == {
        "the apprenticeship standard Customer Service Practitioner (ST0072), which took the "
        "place of the Intermediate Apprenticeship in Customer Service (Level 2, framework "
        "FR03058)"}
    assert [s.reference for s in search.standards_found(catalogue, query)] == ["ST0072"]
    # The words "apprenticeship standard" alone name no standard; another level, none.
    assert search.standards_found(catalogue, "apprenticeship standard") == ()
    assert search.standards_found(catalogue, "customer service") == ()  # every title's words
    assert search.standards_found(catalogue, "practitioner level 3") == ()


def test_explore__searching_a_standard_says_what_it_is_and_whom_to_ask():
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("ST0072").run()
    (said,) = [t for t in texts(at.info) if "ST0072" in t]
    assert said.startswith("Customer Service Practitioner (ST0072) is an apprenticeship "
                           "standard")
    assert "ask an employer" in said
    assert set(table_with(at, "Found through")["Reference"]) == {"10379",
                                                                   "OCNLR L2 Diploma CS"}


def test_explore__searching_apprenticeships_says_where_they_stand_on_the_date():
    """Every framework in these documents has had its day: a search for apprenticeships says,
    level by level, what took their place (or that the sources do not say), before the
    frameworks' qualifications."""
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("apprenticeship").run()
    said = [t.replace("\\", "") for t in texts(at.info) if "apprenticeship standards" in t]
    assert len(said) == 2
    assert "at Level 2 Customer Service Practitioner (ST0072) took its place" in said[0]
    assert "which standard took its place at Level 3" in said[1]
    # The profile opened is one still current: 10379, not 03455, which 10379 replaced.
    assert at.selectbox(key="explore_qualification").value == "ocr-10379"
    at.text_input(key="explore_search").input("team leader").run()
    assert not [t for t in texts(at.info) if "apprenticeship standards" in t]


def test_search__a_word_found_nowhere_finds_nothing(catalogue):
    assert explore_tables.qualification_matches(catalogue, "nvq zzz", as_at=TODAY).empty
    assert explore_tables.qualification_matches(catalogue, "level 7", as_at=TODAY).empty
    assert explore_tables.unit_matches(catalogue, "telephone zzz").empty


def test_unit_matches__every_word_at_the_start_of_a_word_and_the_level(catalogue):
    found = explore_tables.unit_matches(catalogue, "Calls customers level 2")
    # Not R/601/1226 "... in writing or electronically": "call" starts no word of it.
    assert set(found["URN"]) == {"F/601/1223", "J/601/1224", "H/506/2154", "K/506/2155"}
    assert set(found["Level"]) == {2}
    assert explore_tables.unit_matches(catalogue, "calls customers level 3").empty


# ------------------------------------------------------------------------------ the page


@pytest.mark.parametrize(("query", "reference"), [
    ("nvq level 3", "03456"),
    ("apprenticeship", "10380"),
    ("team leader", "09629"),
])
def test_explore__ordinary_queries_find_qualifications(query, reference):
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input(query).run()
    assert not at.exception
    assert not any("Nothing matches" in t for t in texts(at.info))
    found = table_with(at, "Replaced by")
    assert reference in set(found["Reference"])
    chooser = at.selectbox(key="explore_qualification")
    assert any(option.startswith(f"{reference} - ") for option in chooser.options)


def test_explore__compare_601_4404_x_with_10378_shows_the_units_they_share():
    at = open_page("app_pages/explore.py")
    at.multiselect(key="compare").set_value(["ocnlr-601-4404-x", "ocr-10378"]).run()
    assert not at.exception
    shown = [*texts(at.markdown), *texts(at.caption)]
    assert not any("share no unit" in t for t in shown)
    assert any(t.startswith("10378: its own unit list is not in the sources") and
               "S/016/371, which it is inferred to follow" in t for t in texts(at.caption))
    shared = next(d.value for d in at.table
                  if list(d.value.columns)[:2] == ["URN", "Title"] and OCR in d.value.columns)
    assert len(shared) == 15
    assert "L/506/2083" in set(shared["URN"])


def test_explore__compare_with_a_partial_unit_list_does_not_say_nothing_carries_over():
    """The sources list only some of 10379's units: sharing none of those listed does not show
    that no credit carries over. The comparison leads on to a route between them."""
    at = open_page("app_pages/explore.py")
    at.multiselect(key="compare").set_value(["ocr-09628", "ocr-10379"]).run()
    assert not at.exception
    shown = texts(at.markdown)
    assert not any("no credit carries over" in t for t in shown)
    assert ("The units the sources list for them share no unit reference number, but they list "
            "only some of the units of 10379, so a unit may yet carry over: ask the centre."
            ) in shown
    links = {e.proto.label: e.proto.query_string for e in at.get("page_link")}
    route = ("Plan a route from 09628 to 10379: what carries over, and what is still needed")
    assert links[route] == "from=09628&to=10379"


def test_explore__compare_offers_no_route_back_to_what_was_replaced():
    """Compare 10380 (chosen first) with 09629, which it replaced: the page offered "Plan a
    route from 10380 to 09629". It now offers the route from 09629 to 10380 and says that
    10380 replaced 09629, citing the report."""
    at = open_page("app_pages/explore.py")
    at.multiselect(key="compare").set_value(["ocr-10380", "ocr-09629"]).run()
    assert not at.exception
    links = {e.proto.label: e.proto.query_string for e in at.get("page_link")}
    assert not any(label.startswith("Plan a route from 10380 to 09629") for label in links)
    route = "Plan a route from 09629 to 10380: what carries over, and what is still needed"
    assert links[route] == "from=09629&to=10380"
    captions = texts(at.caption)
    assert any(t.startswith("09629 is not a step onward from 10380: the sources suggest 10380 "
                            "replaced it as the knowledge") for t in captions)
    # Cited: the report, first of the documents it rests on.
    assert any(t.startswith("Sources:\n1. OCR Report") and "1. Overview" in t for t in captions)


def test_explore__compare_with_no_unit_list_says_it_cannot_be_said():
    at = open_page("app_pages/explore.py")
    at.multiselect(key="compare").set_value(["ocr-09628", "ocr-03455"]).run()
    assert not at.exception
    assert any(t.startswith("The sources give no unit list for 03455") for t in texts(at.caption))
    assert "There are not two unit lists among them to compare." in texts(at.markdown)


def test_shared_units__a_qualification_with_no_unit_list_is_not_known_not_unlisted(catalogue):
    picked = [catalogue.find_qualification(c) for c in ("09628", "09629", "03455")]
    shared = explore_tables.shared_units_table(catalogue, picked).set_index("URN")
    assert shared.loc["D/502/9654", "03455"] == "not known: no unit list"


def test_explore__the_profile_opened_is_the_best_by_status_on_the_date(catalogue):
    """On 1 January 2013 601/4404/X had not opened yet (1 October 2014): a search for Level 1
    opens one that may have been open then (03454, its status not known), not 601/4404/X,
    however fully its units are known."""
    day = dt.date(2013, 1, 1)
    table = explore_tables.qualification_matches(catalogue, "level 1", as_at=day)
    ids = [catalogue.find_qualification(r).id for r in table["Reference"]]
    opened = catalogue.qualifications[explore_tables.first_to_open(catalogue, ids, as_at=day)]
    assert opened.reference != "601/4404/X"
    assert check_eligibility(catalogue, opened, as_at=day).status.status is Status.UNKNOWN


def test_explore__long_titles_in_search_results_wrap_rather_than_being_cut():
    """A grid cuts a cell's text at its column's edge unless its rows are taller than 4rem
    (64 px), when Streamlit wraps it: the results' titles ("OCNLR Level 2 Certificate in
    Principles of Customer Service") are read in full, as are units' titles."""
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("customer service").run()
    qualifications, units = at.dataframe[0], at.dataframe[1]
    assert qualifications.value["Qualification"].str.len().max() > 50
    assert qualifications.proto.row_height > 64
    assert units.proto.row_height > 64


def test_explore__the_profile_the_page_opens_by_itself_is_not_in_the_address():
    """Opened bare, or on a comparison, Explore shows a profile of its own choosing: the
    address names no qualification until someone chooses one (a link to a comparison gained
    "qual=601/4404/X" nobody asked for)."""
    at = open_page("app_pages/explore.py")
    assert "qual" not in dict(at.query_params)
    at.selectbox(key="explore_qualification").set_value("ocr-09629").run()
    assert dict(at.query_params)["qual"] in ("09629", ["09629"])
    compared = open_with_link("app_pages/explore.py", compare="09628,09629")
    assert "qual" not in dict(compared.query_params)


def test_facts_table__a_structure_reference_is_a_national_structures_own(catalogue):
    """10379 has no structure reference of its own, and follows S/016/608: its profile says
    what it is based on, not also "National structure reference: not stated"."""
    q10379 = explore_tables.facts_table(catalogue, catalogue.find_qualification("10379"))
    assert "National structure reference" not in set(q10379["Fact"])
    assert "S/016/608" in q10379.set_index("Fact").loc["Based on", "Value"]
    structure = explore_tables.facts_table(catalogue, catalogue.find_qualification("S/016/608"))
    assert structure.set_index("Fact").loc["National structure reference", "Value"] == "S/016/608"
