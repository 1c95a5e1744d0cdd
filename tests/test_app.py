"""The Streamlit app, driven through Streamlit's own testing API (widgets found by key)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from advisor import labels
from tests.support.app import (
    APP,
    BEFORE_CLOSING,
    PAGES,
    ROOT,
    all_text,
    check_units,
    open_page,
    open_with_link,
    start,
    table_with,
    texts,
)

# ------------------------------------------------------------------------------ the frame


def test_app__starts_and_shows_the_catalogue_size(catalogue):
    at = start()
    metrics = {m.label: m.value for m in at.metric}
    structures = [q for q in catalogue.qualifications.values()
                  if q.category.value == "national-structure"]
    assert metrics["Qualifications"] == str(len(catalogue.qualifications) - len(structures))
    assert metrics["Units"] == str(len(catalogue.units))
    assert at.date_input(key="as_at").value == dt.date.today()
    (summary,) = [t for t in texts(at.info) if "closed to new learners" in t]
    # Every qualification counted once, under its own status on the date.
    counted = [int(n) for n in re.findall(r"(\d+) (?:closed|open|not yet|whose|national)",
                                          summary)]
    assert sum(counted) == len(catalogue.qualifications)
    # None can be confirmed open today: the home page says what to do instead.
    assert any("ends with what to do next" in t and "National Careers Service" in t
               for t in texts(at.markdown))


def test_app__refuses_to_start_on_a_broken_catalogue(tmp_path, monkeypatch, cold_caches):
    from tests.support.catalogues import PROGRESSION, write_catalogue

    data = write_catalogue(tmp_path, {"progression.yaml": PROGRESSION.replace("ab-002", "ab-9")})
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(data))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "cannot start" in at.error[0].value
    assert "progressions[0].to" in at.code[0].value


def test_app__every_page_file_is_in_the_navigation():
    frame = (ROOT / "app.py").read_text(encoding="utf-8")
    assert PAGES and all(f'"{page}"' in frame for page in PAGES)


def test_app__no_folder_named_pages():
    """A pages/ folder beside app.py puts Streamlit in its old pages-folder mode until
    st.navigation first runs: a page requested first would skip the frame, and every file in
    the folder would be listed as a page. Pages live in app_pages/."""
    assert not (ROOT / "pages").exists()


@pytest.mark.parametrize("as_at", [None, BEFORE_CLOSING], ids=["today", "2015"])
@pytest.mark.parametrize("page", PAGES)
def test_page__renders_without_error(page, as_at):
    at = open_page(page, **({"as_at": as_at} if as_at else {}))
    assert at.title, "every page has a title"
    assert at.date_input(key="as_at").value == (as_at or dt.date.today()), "the frame is drawn"
    assert not at.exception


# ------------------------------------------------------------------- check a learner's units


def test_check__09628_all_three_units_complete():
    at = check_units("ocr-09628", ["R/502/9652", "Y/502/9653", "D/502/9654"],
                     as_at=BEFORE_CLOSING)
    assert any("Complete: 13 of 13 credits" in t for t in texts(at.success))
    rules = at.table[0].value
    assert set(rules["Met"]) == {"✓ yes"}
    assert list(rules.columns) == ["Met", "Rule"]  # the rules keep the width...
    assert any(c.startswith("Source: OCR") and "§" in c for c in texts(at.caption))  # ...cited
    assert any("Nothing more is needed" in t for t in texts(at.markdown))


def test_check__the_credit_chart_is_drawn_only_when_asked_for():
    at = check_units("ocr-09628", ["D/502/9654"])
    assert not at.get("plotly_chart"), "no chart until someone asks for it"
    at.toggle(key="check_chart").set_value(True).run()
    assert not at.exception
    [chart] = at.get("plotly_chart")
    counted = json.loads(chart.proto.spec)["data"][0]
    assert counted["x"] == [5, 5], "5 of 13 credits, in the group and in total"
    assert "Group A, Mandatory units: 5 of 13 credits; Total: 5 of 13 credits." in texts(
        at.markdown), "the chart as text"
    at.toggle(key="check_chart").set_value(False).run()
    assert not at.get("plotly_chart"), "switched off again"


def test_check__09628_unit_3_only_plans_the_other_two():
    at = check_units("ocr-09628", ["D/502/9654"])
    assert any("5 of 13 credits" in t for t in texts(at.warning))
    plan = table_with(at, "URN")
    assert list(plan["URN"]) == ["R/502/9652", "Y/502/9653"]
    assert any("8 additional credits" in t for t in texts(at.markdown))
    assert [b.label for b in at.get("download_button")] == [
        "Download completion plan (CSV)",
        "Download this check as a record (a page to print or keep)"]


def test_check__03456_example_needs_ten_more_credits(catalogue):
    q = catalogue.find_qualification("03456")
    urns = [catalogue.find_unit(n, within=q).urn for n in ("F3", "F4", "A3", "B2", "C3", "D1")]
    at = check_units("ocr-03456", urns)
    assert any("34 of 42 credits" in t for t in texts(at.warning))
    assert any("10 additional credits" in t for t in texts(at.markdown))
    assert list(table_with(at, "URN")["Number"]) == ["C6"]
    unmet = at.table[0].value.set_index("Met")
    assert "Credits: 34 of 42 counted; 8 more needed" in set(unmet.loc["✗ no", "Rule"])


def test_check__fewest_guided_learning_hours(catalogue):
    at = check_units("ocr-09628", ["D/502/9654"])
    at.radio(key="check_objective").set_value("glh").run()
    assert not at.exception
    assert any(t.startswith("Fewest guided learning hours (GLH): add 2 units, 8 additional "
                            "credits, 60 guided learning hours") for t in texts(at.markdown))
    # The choice is in the address, so that a shared link plans the same way.
    assert at.query_params["plan"] == "hours"
    shared = open_with_link("app_pages/check_units.py", **dict(at.query_params))
    assert shared.radio(key="check_objective").value == "glh"
    assert any(t.startswith("Fewest guided learning hours (GLH): add 2 units")
               for t in texts(shared.markdown))
    shared.radio(key="check_objective").set_value("credits").run()
    assert "plan" not in shared.query_params


def test_check__closed_today_says_so_and_what_replaced_it():
    at = check_units("ocr-09628", [])
    assert any("Closed to new learners: the last entry date was 31 December 2016" in t
               for t in texts(at.warning))
    assert any(t.startswith("**Replaced by OCR Level 2 Diploma in Customer Service (10379)")
               for t in texts(at.markdown))


def test_check__open_on_an_earlier_as_at_date():
    at = check_units("ocr-09628", [])
    at.date_input(key="as_at").set_value(BEFORE_CLOSING).run()
    assert any("Open to new learners until 31 December 2016" in t for t in texts(at.success))
    # While it is open, what replaced it (for apprentices) is a note, not a banner.
    assert any(t.startswith("Note: Replaced by OCR Level 2 Diploma in Customer Service (10379)")
               for t in texts(at.markdown))
    assert not any(t.startswith("**Replaced by") for t in texts(at.markdown))


def test_check__unknown_rules_say_so_and_show_what_is_known():
    at = check_units("ocr-03455", [])
    assert any("do not list the units of" in t for t in texts(at.warning))
    assert any("28 credits in total" in t for t in texts(at.markdown))
    assert not at.get("plotly_chart")


def test_check__unknown_rules_give_what_the_sources_say_and_a_way_to_the_rest():
    """04522's units are not known: the check says what centre staff can act on (evidence of
    the units goes to OCR's moderator) and links to its profile, not a dead end."""
    at = check_units("ocr-04522", [])
    assert not at.exception
    assert any("centres must submit evidence of achievement of the relevant units to their OCR "
               "Moderator" in t for t in texts(at.markdown))
    link = next(p for p in at.get("page_link")
                if p.proto.label == "Everything else the sources say about 04522")
    assert (link.proto.page, link.proto.query_string) == ("explore", "qual=04522")


def test_check__partly_known_structure_is_flagged():
    at = check_units("ocr-10379", [])
    assert any("national structure S/016/608" in t for t in texts(at.info))
    assert any("Based on the units known" in t for t in texts(at.info))


def test_check__ticked_units_stay_ticked_for_another_qualification():
    at = check_units("ocr-09628", ["D/502/9654"])
    at.selectbox(key="check_qualification").set_value("ocr-09629").run()
    assert at.checkbox(key="unit_D/502/9654").value is True
    assert any("5 of" in t for t in texts(at.warning))


def test_check__an_engine_error_is_shown_not_raised(monkeypatch):
    import advisor

    def fail(*args, **kwargs):
        raise advisor.DecisionError("X/000/0000 is not a unit of this qualification")

    monkeypatch.setattr(advisor, "check_progress", fail)
    at = check_units("ocr-09628", ["D/502/9654"])
    assert "X/000/0000 is not a unit of this qualification" in texts(at.error)


# ------------------------------------------------------------------- explore the catalogue


def test_explore__search_finds_a_unit_by_part_of_its_urn():
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("9654").run()
    assert not at.exception
    units = table_with(at, "In qualifications")
    assert list(units["URN"]) == ["D/502/9654"]


def test_explore__a_search_finding_only_units_opens_a_qualification_listing_one(catalogue):
    """"complaints" is in unit titles, not in any qualification's: the profile below offers the
    qualifications that list those units, not the first of the catalogue."""
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("complaints").run()
    assert not at.exception
    units = table_with(at, "In qualifications")
    assert len(units)
    assert not any("Reference" in t.value.columns for t in [*at.table, *at.dataframe])
    listing = {q.id for urn in units["URN"] for q in catalogue.qualifications_listing(urn)}
    box = at.selectbox(key="explore_qualification")
    assert box.options and set(box.options) == {
        labels.qualification_label(catalogue.qualifications[i]) for i in listing}
    assert box.value in listing
    assert any("lists one of these units" in t for t in texts(at.caption))


def test_explore__search_with_no_match_says_what_to_try():
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("zzz*").run()
    assert any("Nothing matches" in t and "zzz\\*" in t for t in texts(at.info))


def test_explore__profile_marks_what_is_not_stated():
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocr-09628").run()
    facts = table_with(at, "Fact").set_index("Fact")
    assert facts.loc["Total qualification time (TQT)", "Value"] == "not stated"
    # The abbreviation a profile shows is in the page's own list of words.
    assert any("- **TQT**: total qualification time" in t for t in texts(at.markdown))
    assert facts.loc["Regulator number", "Value"] == "600/0840/4"
    assert "D/502/9654" in set(table_with(at, "Requirement")["URN"])


def test_explore__profile_says_how_to_reach_the_awarding_body():
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocnlr-601-4404-x").run()
    facts = table_with(at, "Fact").set_index("Fact")
    assert facts.loc["How to reach the awarding body", "Value"].startswith(
        "OCN London: website www.ocnlondon.org.uk, telephone 020 7278 5511")


def test_explore__a_table_cites_each_source_once_below_it():
    """The profile's Source column gives numbers, and each citation is written out once in a
    numbered list below the table, not on every row (it buried the facts on a phone)."""
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocr-09628").run()
    facts = table_with(at, "Fact").set_index("Fact")
    assert facts.loc["Awarding body", "Source"] == "1"
    shown = all_text(at)
    lines = shown[shown.index("Sources:\n1. "):].splitlines()
    lines = lines[:next(n for n, line in enumerate(lines[1:], 1) if not line[:1].isdigit())]
    assert lines[1].startswith("1. OCR centre handbook: Level 2 and Level 3 Certificates in "
                               "Principles of Customer Service (09628, 09629), § 2.1")
    assert len(lines) - 1 == len(set(facts["Source"]) - {""})


def test_explore__a_fact_not_stated_says_so_once():
    """10380's hours are not in the sources, and nothing is cited for them: its Value says
    "not stated" and its Source is empty (a phone's card read "not stated", then "Source: not
    stated"). A fact not stated in a document that is cited keeps its source."""
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocr-10380").run()
    assert not at.exception
    facts = table_with(at, "Fact").set_index("Fact")
    for fact in ("Guided learning hours (GLH)", "Total qualification time (TQT)"):
        assert facts.loc[fact, "Value"] == "not stated"
        assert facts.loc[fact, "Source"] == ""
    assert not (facts == "not stated").all(axis=1).any()
    assert facts.loc["Regulator number", "Value"] == "not stated"
    assert facts.loc["Regulator number", "Source"].isdigit()


def test_explore__units_first_then_their_group_with_each_requirement_said_once():
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocr-03456").run()
    units = table_with(at, "Requirement")
    # What each unit is and its size first: on a phone the grid shows those three.
    assert list(units.columns[:3]) == ["Title", "Credits", "GLH"]
    assert any("- Group A, Mandatory units: every unit is mandatory; 12 credits" in t
               for t in texts(at.markdown))


def test_explore__who_it_suits_starts_with_the_sentence_its_points_finish():
    """09629's points ("are already experienced ...") finish the handbook's sentence: the
    profile shows its start first, so that no point is read on its own mid-sentence."""
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocr-09629").run()
    shown = texts(at.markdown)
    lead_in = shown.index("The Level 3 Certificate in Principles of Customer Service will be "
                          "appropriate for those who:")
    assert shown[lead_in - 1] == "**Who it suits**"
    assert shown[lead_in + 1].startswith("- are already experienced in a job involving customer")
    # The handbook's paragraph after the list is not one of the points.
    assert "It will also be suitable" not in shown[lead_in + 1]
    assert shown[lead_in + 2].startswith("It will also be suitable for those preparing for "
                                         "employment")


def test_explore__who_10378_suits_is_the_reports_sentence_not_not_stated():
    """OCR's 2014-15 report calls 10378 "suitable for Traineeships" (§ 4. Sector Update): its
    profile says so under "Who it suits", in the report's words and citing that section,
    rather than "Not stated in the sources", and only there."""
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocr-10378").run()
    shown = [re.sub(r"\\(.)", r"\1", text) for text in texts(at.markdown)]  # as read
    heading = shown.index("**Who it suits**")
    assert shown[heading + 1:heading + 3] == [
        "The Level 1 Customer Service Certificate (10378) is a combined qualification of "
        "knowledge and competence based units suitable for", "- Traineeships"]
    assert ("Source: OCR Report to Centres 2014-2015: Customer Service, Levels 1, 2, 3 and 4, "
            "§ 4. Sector Update") in texts(at.caption)
    assert not any("suitable for Traineeships" in text for text in shown)  # not again as a note


def test_explore__the_profile_open_is_in_the_address_and_a_link_opens_it():
    """A profile can be shared: its address names it, with the date, and opens it elsewhere,
    whatever the search there was; a reference the catalogue does not know is said."""
    at = open_with_link("app_pages/explore.py", qual="10379", on="2015-06-01")
    assert at.selectbox(key="explore_qualification").value == "ocr-10379"
    at.selectbox(key="explore_qualification").set_value("ocr-09628").run()
    assert dict(at.query_params) == {"qual": "09628", "on": "2015-06-01"}
    shared = open_with_link("app_pages/explore.py", **dict(at.query_params))
    assert shared.selectbox(key="explore_qualification").value == "ocr-09628"
    assert shared.date_input(key="as_at").value == dt.date(2015, 6, 1)
    bad = open_with_link("app_pages/explore.py", qual="99999")
    assert ("The link names a qualification, '99999', that is not in the catalogue, so it was "
            "left out.") in texts(bad.warning)


def test_explore__a_profile_not_known_to_be_open_says_what_to_do_instead():
    """10379's dates are not in the sources: its profile is not a dead end."""
    at = open_with_link("app_pages/explore.py", qual="10379")
    assert any(t.startswith("To start a qualification like this one now, ask a local college")
               for t in texts(at.info))
    assert any(link.label == "Find a starting level" for link in at.get("page_link"))
    open_one = open_with_link("app_pages/explore.py", qual="09628", on="2015-06-01")
    assert not any(t.startswith("To start a qualification like") for t in texts(open_one.info))


def test_explore__age_groups_show_each_caution_as_text():
    at = open_page("app_pages/explore.py")
    at.selectbox(key="explore_qualification").set_value("ocnlr-601-4404-x").run()
    ages = next(t for t in texts(at.markdown) if t.startswith("- Approved for:"))
    assert ages.endswith("\n- Centres must determine the suitability of units when delivering "
                         "the qualification to learners aged pre-16.")


def test_explore__compare_offers_routes_up_to_one_open_on_the_sidebars_date():
    """09628, 09629 and 10380 compared: today the route from 09628 goes up to 10380 (09629
    closed in 2016); on 1 June 2015, when 09629 was open, to 09629."""
    for on, up in (("2026-12-02", "10380"), ("2015-06-01", "09629")):
        at = open_with_link("app_pages/explore.py", compare="09628,09629,10380", on=on)
        labels = [link.proto.label for link in at.get("page_link")]
        assert any(label.startswith(f"Plan a route from 09628 to {up}:") for label in labels), on
        assert not any(label.startswith("Plan a route from 09628 to ") and f" to {up}:" not in
                       label for label in labels), on


def test_explore__compare_shows_the_shared_unit():
    at = open_page("app_pages/explore.py")
    at.multiselect(key="compare").set_value(["ocr-09628", "ocr-09629"]).run()
    assert not at.exception
    shared = next(d.value for d in at.table
                  if list(d.value.columns)[:2] == ["URN", "Title"] and "09629" in d.value.columns)
    assert list(shared["URN"]) == ["D/502/9654"]


def test_explore__the_search_is_in_the_address_and_a_link_fills_it_in():
    """A search can be shared with the profile open from it; a linked profile the linked
    search does not find clears the search, so that the profile is among the results."""
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("team leader").run()
    at.selectbox(key="explore_qualification").set_value("ocr-09629").run()
    assert dict(at.query_params) == {"search": "team leader", "qual": "09629"}
    shared = open_with_link("app_pages/explore.py", **dict(at.query_params))
    assert shared.text_input(key="explore_search").value == "team leader"
    assert shared.selectbox(key="explore_qualification").value == "ocr-09629"
    # Typed over after the link opened: the new search stays, and the address follows it.
    shared.text_input(key="explore_search").input("nvq").run()
    assert shared.text_input(key="explore_search").value == "nvq"
    assert dict(shared.query_params)["search"] == "nvq"
    elsewhere = open_with_link("app_pages/explore.py", search="team leader", qual="09628")
    assert elsewhere.text_input(key="explore_search").value == ""
    assert elsewhere.selectbox(key="explore_qualification").value == "ocr-09628"


def test_explore__a_comparison_is_in_the_address_and_a_link_opens_it_on_its_tab():
    """A comparison can be shared as a profile can: the address names its qualifications by
    reference; a link with them chooses them, once, and opens the page on the comparison's
    tab; a reference the catalogue does not know is said and left out."""
    at = open_page("app_pages/explore.py")
    assert "compare" not in at.query_params
    at.multiselect(key="compare").set_value(["ocr-09628", "ocr-09629"]).run()
    assert at.query_params["compare"] == "09628,09629"
    assert at.get("tab_container")[0].proto.tab_container.default_tab_index == 0
    shared = open_with_link("app_pages/explore.py", compare="09628,601/4404/X,nope",
                            on="2015-06-01")
    assert shared.multiselect(key="compare").value == ["ocr-09628", "ocnlr-601-4404-x"]
    assert shared.get("tab_container")[0].proto.tab_container.default_tab_index == 1
    assert ("The link names a qualification, 'nope', that is not in the catalogue, so it was "
            "left out.") in texts(shared.warning)
    assert dict(shared.query_params)["compare"] == "09628,601/4404/X"
    # Changed after the link opened: the new choice stays, and the address follows it.
    shared.multiselect(key="compare").set_value(["ocr-09628"]).run()
    assert shared.multiselect(key="compare").value == ["ocr-09628"]
    assert dict(shared.query_params)["compare"] == "09628"
    shared.multiselect(key="compare").set_value([]).run()
    assert shared.multiselect(key="compare").value == []
    assert "compare" not in dict(shared.query_params)
    # A profile's link later in the session opens on the profile, not the comparison.
    shared.query_params.clear()
    shared.query_params["qual"] = "09629"
    shared.run()
    assert shared.get("tab_container")[0].proto.tab_container.default_tab_index == 0


# ------------------------------------------------------------------------ about the data


def test_about__lists_the_six_documents_and_the_as_at_date(catalogue):
    at = open_page("app_pages/about.py", as_at=BEFORE_CLOSING)
    documents = table_with(at, "File")
    assert sorted(documents["File"]) == sorted(catalogue.documents)
    assert len(documents) == 6
    assert any("1 June 2015" in t for t in texts(at.info))
    assert any("nothing is saved" in t for t in texts(at.markdown))
    # Which awarding bodies the documents cover, so that nobody reads "none open" as "none".
    (covers,) = [t for t in texts(at.markdown) if t.startswith("**What it covers.**")]
    assert "Customer Service qualifications of OCN London and OCR from the time of" in covers


# ------------------------------------------------------------------- readable sources only

FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b|external-facts\.md")


def _every_text(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "success", "error",
                                  "subheader", "title") for e in getattr(at, kind)]
    for frame in [*at.dataframe, *at.table]:
        parts.append(frame.value.to_string())
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize(("page", "params"), [
    ("app_pages/starting_level.py", {"age": "35", "work": "working",
                                     "role": "Call Centre Operators", "has": "09628"}),
    ("app_pages/plan_route.py", {"from": "09628", "level": "3"}),
    ("app_pages/check_units.py", {}),
    ("app_pages/explore.py", {}),
])
def test_sources__no_page_but_about_shows_a_file_name(page, params):
    """People trust a citation they can read: every page names the document by its title; the
    file names appear on the About page only."""
    at = open_with_link(page, **params)
    shown = _every_text(at)
    assert "§" in shown, "the page cites its sources"
    assert FILE_NAME.findall(shown) == []


def test_sources__the_about_page_names_the_files():
    at = open_page("app_pages/about.py")
    assert FILE_NAME.search(_every_text(at))


def test_explore__a_search_opens_a_qualification_from_its_results():
    at = open_page("app_pages/explore.py")
    at.text_input(key="explore_search").input("601/4404").run()
    assert not at.exception
    chooser = at.selectbox(key="explore_qualification")
    assert chooser.options == [
        "601/4404/X - OCNLR Level 1 Certificate in Customer Service (Level 1)"]
    assert any(h.value == "OCNLR Level 1 Certificate in Customer Service" for h in at.header)
    assert [t.label for t in at.tabs] == ["Find and read a qualification",
                                         "Compare qualifications"]


def test_check__a_unit_pasted_that_a_partly_listed_qualification_does_not_list_may_be_one():
    """The sources list only some of 10380's units: a unit held that it does not list is not
    said not to be one of its units, nor dropped. It is kept with the other units held, where
    it may count (the answer, the address and the record carry it), as the CLI and an intake
    keep it; a reference that names no unit at all is still named."""
    at = open_page("app_pages/check_units.py")
    at.selectbox(key="check_qualification").set_value("ocr-10380").run()
    at.text_area(key="check_paste").input("D/502/9654, J/506/2910, Z/999/9999").run()
    assert not at.exception
    assert at.multiselect(key="check_others_ocr-10380").value == ["D/502/9654"]
    assert at.checkbox(key="unit_J/506/2910").value
    assert dict(at.query_params)["units"] in (["J/506/2910,D/502/9654"],
                                             "J/506/2910,D/502/9654")
    said = [w.replace("\\", "") for w in texts(at.warning)]
    assert not any(w.startswith("Not units of 10380") for w in said)
    assert any(w.startswith("Not among the units the sources list for 10380 (they list only "
                            "some of them), so not ticked (1): Z/999/9999") for w in said)
    assert any("Held units not among those the sources list for 10380 (they list only some "
               "of its units, so these may count): D/502/9654" in c.replace("\\", "")
               for c in texts(at.caption))
    # Opened from the address, the unit held beyond the list is kept, not "left out".
    shared = open_with_link("app_pages/check_units.py", qual="10380",
                            units="J/506/2910,D/502/9654")
    assert shared.multiselect(key="check_others_ocr-10380").value == ["D/502/9654"]
    assert not any("not part of the qualification" in w for w in texts(shared.warning))


def test_check__units_typed_or_pasted_are_ticked_and_the_headline_names_what_is_missing():
    at = open_page("app_pages/check_units.py")
    at.selectbox(key="check_qualification").set_value("ocr-03456").run()
    # X9 is nobody's unit (no unit number starts with X); D/502/9654 is a unit of 09628, not
    # of 03456: both named, untouched;
    # X/999/9999 is no unit in these documents: said, so that a slip in typing it is looked for.
    at.text_area(key="check_paste").input(
        "F3, F4 A3; B2 C3 d 1, X9, D/502/9654, X/999/9999").run()
    assert not at.exception
    ticked = sorted(c.key for c in at.checkbox if c.key.startswith("unit_") and c.value)
    assert len(ticked) == 6
    assert any("Not units of 03456, so not ticked (3): X9; D/502/9654 (a unit of 09628 and "
               "09629, not of 03456); X/999/9999 (no unit in these documents has this "
               "reference number)" in w.replace("\\", "") for w in texts(at.warning))
    # Today 03456's certificates have ended: the headline says it is beyond completing.
    headline = next(w for w in texts(at.warning) if w.startswith("Not complete"))
    assert headline == ("Not complete (34 of 42 credits counted), and it can no longer be "
                        "completed. Certificates are no longer issued: the last certification "
                        "date was 31 August 2019.")
    # While it was open, the headline named what is still needed.
    at.date_input(key="as_at").set_value(dt.date(2015, 6, 1)).run()
    headline = next(w for w in texts(at.warning) if w.startswith("Not complete"))
    # Each unmet rule in a few words; its examples are in the rules table.
    assert headline == ("Not complete yet: 34 of 42 credits counted. Still needed: 30 credits "
                        "from the optional groups: 8 more credits; at least 10 of the optional "
                        "credits at Level 3: 10 more credits.")
    assert any("03456" in m for m in texts(at.sidebar.markdown))  # pinned in view
    assert at.query_params["units"]  # the check is in the address, to bookmark or share


def test_check__a_tick_reruns_the_answer_alone():
    """Ticking a unit runs and sends the check's answer (its headline, the sidebar's line and
    the address) and nothing else: the browser keeps the rest of the page as it was."""
    at = check_units("ocr-09628", [])
    at.checkbox(key="unit_D/502/9654").check().run()
    assert not at.exception
    assert not [c for c in at.checkbox if c.key.startswith("unit_")]
    assert not [s for s in at.selectbox if s.key == "check_qualification"]
    assert any("5 of 13 credits counted" in t for t in texts(at.warning))
    assert any("5 of 13 credits counted" in t for t in texts(at.sidebar.markdown))
    assert at.query_params["units"] == "D/502/9654"


def test_check__clear_all_unticks_everything():
    """Ready for the next learner: units, hours a week, registration and the learner's name
    and agreed actions go (no record is offered with the last learner's name); the assessor
    and the centre stay."""
    at = check_units("ocr-09628", ["D/502/9654", "R/502/9652"], as_at=BEFORE_CLOSING)
    at.number_input(key="check_glh").set_value(5).run()
    at.checkbox(key="check_registered").check().run()
    for key, value in (("plan_learner", "Jo Bloggs (L123)"), ("plan_assessor", "A. Assessor"),
                       ("plan_centre", "Town College")):
        at.text_input(key=key).input(value).run()
    at.text_area(key="plan_actions").input("Finish unit 1").run()
    at.button(key="check_clear").click().run()
    assert not at.exception
    assert not any(c.value for c in at.checkbox if c.key.startswith("unit_"))
    assert at.number_input(key="check_glh").value is None
    assert not at.checkbox(key="check_registered").value
    assert (at.text_input(key="plan_learner").value, at.text_area(key="plan_actions").value) == (
        "", "")
    assert (at.text_input(key="plan_assessor").value, at.text_input(key="plan_centre").value) == (
        "A. Assessor", "Town College")
    assert set(dict(at.query_params)) <= {"qual", "on"}
    assert not [b for b in at.get("download_button") if b.key == "check_record_download"]


def test_check__the_address_keeps_the_date_and_reopens_as_it_was():
    at = check_units("ocr-09628", ["D/502/9654"], as_at=BEFORE_CLOSING)
    address = dict(at.query_params)
    assert address["on"] == BEFORE_CLOSING.isoformat()
    assert (address["qual"], address["units"]) == ("09628", "D/502/9654")
    reopened = open_with_link("app_pages/check_units.py", **address)
    assert reopened.date_input(key="as_at").value == BEFORE_CLOSING
    assert any("Open to new learners until 31 December 2016" in t
               for t in texts(reopened.success))
    assert any("5 of 13 credits counted" in t for t in texts(reopened.warning))


def test_check__on_today_the_address_has_no_date():
    at = check_units("ocr-09628", ["D/502/9654"])
    assert "on" not in at.query_params


def test_check__a_closed_certification_says_no_units_can_complete_it_now(catalogue):
    q = catalogue.find_qualification("03456")
    f3 = catalogue.find_unit("F3", within=q).urn
    today = check_units("ocr-03456", [f3])
    said = [w for w in texts(today.warning) if "no further units can complete it" in w]
    assert said == ["Certificates for 03456 are no longer issued on this date, so no further "
                    "units can complete it: the plan below is what its rules would still need. "
                    "What replaced it, as the sources suggest (they do not say so in those "
                    "words): OCR Level 3 Diploma in Customer Service (10380)."]
    while_open = check_units("ocr-03456", [f3], as_at=BEFORE_CLOSING)
    assert not [w for w in texts(while_open.warning) if "no further units" in w]


def test_check__certificates_ended_links_to_a_route_from_the_units_to_what_replaced_it(
        catalogue):
    """Staff are not left on a qualification that can no longer be certificated: a link plans
    a route from the units ticked to 10380, which replaced 03456, with the date."""
    q = catalogue.find_qualification("03456")
    f3, f4 = (catalogue.find_unit(n, within=q).urn for n in ("F3", "F4"))
    today = check_units("ocr-03456", [f3, f4])
    (link,) = [m for m in texts(today.markdown) if "plan_route?" in m]
    assert link == ("[Plan a route to 10380, which replaced it, from the units achieved (opens "
                    "in a new tab)](plan_route?units=K%2F601%2F1622%2CJ%2F601%2F1627&to=10380)")
    then = check_units("ocr-03456", [f3], as_at=BEFORE_CLOSING)
    assert not [m for m in texts(then.markdown) if "plan_route?" in m]
    # A unit the centre accepted is for 03456 only: the link says the route does not count it.
    today.multiselect(key="check_accepted_ocr-03456").set_value([f3]).run()
    assert ("The centre's decisions (units accepted, units in progress) are for 03456 only: the "
            "route counts the units ticked as achieved.") in texts(today.caption)


def test_check__rules_met_after_certificates_ended_are_not_called_complete(catalogue):
    q = catalogue.find_qualification("03456")
    units = [catalogue.find_unit(n, within=q).urn for n in ("F3", "F4", "A3", "B2", "C3", "D1",
                                                             "C6")]
    today = check_units("ocr-03456", units)
    assert not [s for s in texts(today.success) if "Complete" in s]
    (headline,) = [w for w in texts(today.warning) if w.startswith("Every rule is met")]
    assert headline == ("Every rule is met (44 credits counted, 42 needed), but no certificate can "
                        "be claimed on this date. Certificates are no longer issued: the last "
                        "certification date was 31 August 2019.")
    assert any("no certificate can be claimed" in m for m in texts(today.sidebar.markdown))
    while_open = check_units("ocr-03456", units, as_at=BEFORE_CLOSING)
    assert any(s.startswith("Complete: 44 credits counted, 42 needed")
               for s in texts(while_open.success))


def test_cohort__the_template_learners_can_be_tried_without_an_upload():
    at = open_page("app_pages/cohort.py")
    assert not at.dataframe or all("Learner" not in d.value.columns for d in at.dataframe)
    at.toggle(key="cohort_try_example").set_value(True).run()
    assert not at.exception
    shown = table_with(at, "Learner").set_index("Learner")
    assert list(shown.index) == ["L0001", "L0002", "L0003"]
    # One target closed with what replaced it, one beyond completing, one not known today.
    assert "the sources suggest 10380 replaced it" in shown.loc["L0001", "Target on the date"]
    assert shown.loc["L0003", "Target"] == "601/4404/X"
    assert "review date" in shown.loc["L0003", "Target on the date"]
    assert any("Completion against each target" in str(c.proto.spec)
               for c in at.get("plotly_chart"))
    # One learner's plan alone ranks no unit: no chart of "most often" bars of one learner.
    assert not any("Units most often" in str(c.proto.spec) for c in at.get("plotly_chart"))
    captions = texts(at.caption)
    assert any(c.startswith("Units still needed: no unit is in more than one learner's plan")
               for c in captions)
    assert ("Left out of the units still needed: 2 learners short of a target that no longer "
            "issues certificates, which no unit can complete.") in captions
    # Excel drops the first 0 of 09629 in a CSV: which download keeps it is said.
    assert any("drops the first 0 of codes such as 09629; the Excel file keeps them" in c
               for c in captions)
