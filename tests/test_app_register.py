"""The app with Ofqual's register loaded (the fixture, imported into a temporary folder and
named by ADVISOR_REGISTER) and without one: the About page, Explore's register tab, and the
register's options on the starting-level and route pages. Caches are cleared around each test,
since the app opens the register once per process and file."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import REGISTER_ENV, import_register, labels
from tests.support.app import open_page, table_with, texts
from tests.support.register import FIXTURE, synthetic_row, write_register_csv
from tests.test_app_layout import PHONE_GRID_PX, assert_fits

LINK = "https://example.org/synthetic/999-0001-1.pdf"


@pytest.fixture
def app_register(tmp_path, monkeypatch, cold_caches):
    """The fixture register, where the app looks for one."""
    database = tmp_path / "register.sqlite3"
    import_register(FIXTURE, database)
    monkeypatch.setenv(REGISTER_ENV, str(database))
    return database


@pytest.fixture
def no_register(tmp_path, monkeypatch, cold_caches):
    monkeypatch.setenv(REGISTER_ENV, str(tmp_path / "absent.sqlite3"))


def _link_buttons(at) -> list[str]:
    return [element.proto.url for element in at.get("link_button")]


# ------------------------------------------------------------------------------ about


def test_app_register__about_says_which_register_is_loaded_and_when(app_register):
    at = open_page("app_pages/about.py")
    (loaded,) = [t for t in texts(at.success) if "Register of Regulated" in t]
    assert "11 qualifications from the full data set file register-sample.csv" in loaded
    assert "imported on" in loaded
    assert any("never changes it" in t for t in texts(at.markdown))
    (covers,) = [t for t in texts(at.markdown) if t.startswith("**What it covers.**")]
    assert "the Ofqual register, loaded here (below), lists what is open" in covers


def test_app_register__a_new_import_is_read_without_a_restart(app_register, tmp_path):
    open_page("app_pages/about.py")
    source = write_register_csv(tmp_path / "newer.csv", [synthetic_row("999/0100/1")])
    import_register(source, app_register)
    at = open_page("app_pages/about.py")
    assert any("1 qualification from the full data set file newer.csv" in t
               for t in texts(at.success))


def test_app_register__about_without_a_register_says_none_is_loaded(no_register):
    at = open_page("app_pages/about.py")
    assert any("No register is loaded" in t for t in texts(at.info))
    assert any("advisor register import FILE" in t for t in texts(at.caption))
    # Not "below", where nothing below lists it: where the learner can look instead.
    (covers,) = [t for t in texts(at.markdown) if t.startswith("**What it covers.**")]
    assert "below" not in covers
    assert "Register of Regulated Qualifications, which the regulator publishes online" in covers


def test_app_register__a_file_that_is_not_a_register_is_named_and_pages_still_answer(
        tmp_path, monkeypatch, cold_caches):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv(REGISTER_ENV, str(broken))
    at = open_page("app_pages/about.py")
    assert any("could not be opened" in t and "not a database" in t for t in texts(at.warning))
    at = open_page("app_pages/starting_level.py", sl_employment="working", sl_age=20)
    assert "From" not in table_with(at, "Code").columns


# ------------------------------------------------------------------------------ explore


def test_app_register__explore_searches_the_register_with_filters(app_register):
    at = open_page("app_pages/explore.py")
    assert [t.label for t in at.tabs][-1] == "Ofqual register"
    at.text_input(key="register_search").input("customer service").run()
    at.selectbox(key="register_level").set_value(2).run()
    found = table_with(at, "Awarding organisation")
    assert sorted(found["Number"]) == ["600/0840/4", "999/0001/1", "999/0005/5"]
    at.checkbox(key="register_open").check().run()
    found = table_with(at, "Awarding organisation")
    assert list(found["Number"]) == ["999/0001/1"]
    assert list(found["New learners"]) == ["open to new learners"]
    at.checkbox(key="register_open").uncheck().run()
    organisations = at.selectbox(key="register_org")
    assert "SYNTHETIC Second Awarding Organisation" in organisations.options
    organisations.set_value("SYNTHETIC Second Awarding Organisation").run()
    assert list(table_with(at, "Awarding organisation")["Number"]) == ["999/0005/5"]
    assert not at.exception


def test_app_register__entries_found_show_their_titles_on_a_phone(app_register):
    """The register's entries found showed, on a phone, each one's number and whether it is
    open; its title was off to the side, after the level. Now the title is in view beside
    them, each cell whole."""
    at = open_page("app_pages/explore.py")
    at.text_input(key="register_search").input("customer service").run()
    assert not at.exception
    (found,) = [d for d in at.dataframe if d.proto.alt == "Register entries found"]
    assert_fits(found, ["Number", "Title", "New learners"], within=PHONE_GRID_PX)


def test_app_register__explore_shows_an_entry_with_its_specification_link(app_register):
    at = open_page("app_pages/explore.py")
    at.text_input(key="register_search").input("SYNTHETIC Level 2 Certificate").run()
    at.selectbox(key="register_entry").set_value("999/0001/1").run()
    assert not at.exception
    assert "SYNTHETIC Level 2 Certificate in Customer Service" in texts(at.header)
    profile = table_with(at, "In the register").set_index("Fact")["In the register"]
    assert profile["Awarding organisation"] == "SYNTHETIC Awarding Organisation (SAO)"
    assert profile["Units and rules of combination"] == "not in the register"
    assert _link_buttons(at) == [LINK]
    assert any("Open to new learners" in t for t in texts(at.success))


def test_app_register__explore_has_no_register_tab_without_one(no_register):
    at = open_page("app_pages/explore.py")
    assert [t.label for t in at.tabs] == ["Find and read a qualification",
                                         "Compare qualifications"]
    assert _link_buttons(at) == []


# ------------------------------------------------------------------- starting level, routes


def test_app_register__starting_level_lists_register_options_labelled(app_register):
    at = open_page("app_pages/starting_level.py", sl_employment="working", sl_age=20)
    options = table_with(at, "Code").set_index("Code")
    assert options.loc["999/0001/1", "From"] == labels.REGISTER_ORIGIN
    assert options.loc["09628", "From"] == "the documents"
    assert options.index[0] == "999/0001/1"  # open on the date: ranked first
    assert any(e.label.endswith(f"({labels.REGISTER_ORIGIN}): open to new learners")
               for e in at.expander)
    # Each option's title says how it stands, as the table's column does.
    assert any(e.label.startswith("09628 ") and e.label.endswith(": closed; certificates ended")
               for e in at.expander)
    assert any(t.startswith(labels.REGISTER_ORIGIN) for t in texts(at.caption))


def test_app_register__starting_level_without_a_register_is_as_before(no_register):
    at = open_page("app_pages/starting_level.py", sl_employment="working", sl_age=20)
    options = table_with(at, "Code")
    assert "From" not in options.columns
    assert not any(code.startswith("999/") for code in options["Code"])


def test_app_register__route_page_may_start_at_a_register_qualification(app_register):
    at = open_page("app_pages/plan_route.py", route_from="ocr-09628", route_to_level=3)
    routes = table_with(at, "Path")
    assert routes.loc[0, "Path"] == "09628 → 999/0002/2"
    assert "Ofqual register" in routes.loc[0, "Documented"]
    assert any(t.startswith(labels.REGISTER_ORIGIN) for t in texts(at.info))
    assert any("not drawn" in t for t in texts(at.caption))


def test_app_register__route_page_without_a_register_is_as_before(no_register):
    at = open_page("app_pages/plan_route.py", route_from="ocr-09628", route_to_level=3)
    routes = table_with(at, "Path")
    assert not any("999/" in path for path in routes["Path"])
    assert not any(t.startswith(labels.REGISTER_ORIGIN) for t in texts(at.info))


def test_app_register__the_check_page_and_its_record_use_the_registers_dates(
        tmp_path, monkeypatch, cold_caches, catalogue):
    """A register that ends 601/4404/X's certificates (a date the documents do not give):
    the check page says so, as Explore does, and so does the record it prints."""
    from advisor import ActionPlan, action_plan_html, check_progress, open_register
    from tests.support.app import check_units

    source = write_register_csv(tmp_path / "ended.csv", [synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Qualification Level": "Level 1",
                         "Operational Start Date": "01/10/2014",
                         "Certification End Date": "31/08/2021"})])
    database = tmp_path / "register.sqlite3"
    import_register(source, database)
    monkeypatch.setenv(REGISTER_ENV, str(database))
    q = catalogue.find_qualification("601/4404/X")
    rules, _ = catalogue.effective_rules(q)
    units = [u.urn for group in rules.groups for u in group.units][:2]
    at = check_units(q.id, units)
    ended = ("Certificates are no longer issued: the last certification date was 31 August "
             "2021.")
    assert any(w.startswith("Not complete (5 of 23 credits counted), and it can no longer be "
                            "completed.") and ended in w for w in texts(at.warning))
    register = open_register(database)
    today = dt.date(2026, 12, 1)
    result = check_progress(catalogue, q, units, as_at=today)
    assert ended in action_plan_html(catalogue, ActionPlan(as_at=today, progress=result,
                                                           register=register))
    assert ended not in action_plan_html(catalogue, ActionPlan(as_at=today, progress=result))
