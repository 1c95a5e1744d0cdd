"""Answers with a register loaded: the register's status and dates beside the documents', its
dates used where the documents give none or differ, and qualifications only it lists."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advisor import (
    REGISTER_ENV,
    ReasonCode,
    Status,
    UnknownReference,
    check_eligibility,
    check_progress,
    explore_tables,
    find_qualification,
    import_register,
    open_register,
    status_on,
    uk_date,
)
from advisor.cli import main
from tests.support.register import FIXTURE, fixture_register, synthetic_row, write_register_csv

TODAY = dt.date(2026, 11, 29)
LABEL = "Ofqual register, full data set file register-sample.csv, imported "


@pytest.fixture
def register(tmp_path):
    return fixture_register(tmp_path)


def _synthetic_register(tmp_path, *rows):
    """A register of test rows (titles marked SYNTHETIC, dates invented for the test)."""
    source = write_register_csv(tmp_path / "synthetic.csv", list(rows))
    import_register(source, tmp_path / "synthetic.sqlite3")
    found = open_register(tmp_path / "synthetic.sqlite3")
    assert found is not None
    return found


def test_eligibility__without_a_register_answers_as_before(catalogue, register):
    q = catalogue.find_qualification("09628")
    plain = check_eligibility(catalogue, q, age=20, as_at=TODAY)
    assert plain == check_eligibility(catalogue, q, age=20, as_at=TODAY, register=None)
    assert plain.registered is None


def test_eligibility__the_register_record_stands_beside_the_documents(catalogue, register):
    q = catalogue.find_qualification("09628")
    result = check_eligibility(catalogue, q, age=20, as_at=TODAY, register=register)
    plain = check_eligibility(catalogue, q, age=20, as_at=TODAY)
    assert (result.eligible, result.status.status) == (plain.eligible, Status.CERTIFICATION_CLOSED)
    record = next(r for r in result.reasons if r.code is ReasonCode.REGISTER_RECORD)
    assert record.message == ("The Ofqual register lists 600/0840/4, with operational end 31 "
                              "December 2016, certification end 31 December 2017.")
    assert [c.label() for c in record.source] == [
        f"{register.source_label} § qualification 600/0840/4"]
    closed = next(r for r in result.reasons if r.code is ReasonCode.CLOSED_TO_ENTRY)
    # The same date in both: both are cited.
    assert [c.doc for c in closed.source] == ["001_1a36f8904fba0327.txt", register.source_label]
    assert result.registered is not None and result.registered.number == "600/0840/4"


def test_eligibility__a_date_the_documents_do_not_give_comes_from_the_register(catalogue,
                                                                             tmp_path):
    register = _synthetic_register(tmp_path, synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Operational Start Date": "", "Operational End Date": "31/08/2027"}))
    q = catalogue.find_qualification("601/4404/X")
    assert status_on(catalogue, q, TODAY).status is Status.UNKNOWN  # review date passed
    before = status_on(catalogue, q, TODAY, register=register)
    assert before.status is Status.OPEN
    assert before.reason == "Open to new learners until 31 August 2027."
    assert [c.doc for c in before.source] == [register.source_label]
    after = status_on(catalogue, q, dt.date(2027, 9, 1), register=register)
    assert after.status is Status.CLOSED


def test_eligibility__a_status_of_withdrawn_closes_it_whatever_the_dates(catalogue, tmp_path):
    register = _synthetic_register(tmp_path, synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Qualification Status": "Withdrawn",
                         "Operational Start Date": "01/10/2014"}))
    imported = register.record.imported_at.date()  # the day the status was read
    result = check_eligibility(catalogue, catalogue.find_qualification("601/4404/X"), age=20,
                               as_at=imported, register=register)
    assert (result.eligible, result.status.status) == (False, Status.CLOSED)
    assert result.reasons[0].message == ("Closed to new learners: the Ofqual register lists it "
                                         "as 'Withdrawn'.")
    assert ReasonCode.OPEN_TO_ENTRY not in {r.code for r in result.reasons}


def test_eligibility__a_status_of_withdrawn_says_nothing_of_the_years_before_it_was_read(
        catalogue, tmp_path):
    """The register's status is what is true when it is read, not since when: 09628 in June
    2015, before its last entry date (31 December 2016, which the register row gives too), is
    open, whatever "Withdrawn" says today; the register's line says when it was read."""
    register = _synthetic_register(tmp_path, synthetic_row(
        "600/0840/4", **{"Qualification Title": "SYNTHETIC row for 600/0840/4",
                         "Qualification Status": "Withdrawn",
                         "Operational Start Date": "01/09/2010",
                         "Operational End Date": "31/12/2016",
                         "Certification End Date": "31/12/2017"}))
    q = catalogue.find_qualification("09628")
    then = check_eligibility(catalogue, q, age=20, as_at=dt.date(2015, 6, 1), register=register)
    assert (then.eligible, then.status.status) == (True, Status.OPEN)
    said = next(r.message for r in then.reasons if r.code is ReasonCode.REGISTER_RECORD)
    read_on = register.record.imported_at.date()
    assert said.startswith(f"The Ofqual register lists 600/0840/4 as 'Withdrawn' (its status "
                           f"when the register was read, on {uk_date(read_on)}, not "
                           "since when)")
    entry = register.get("600/0840/4")
    assert entry is not None and entry.open_on(dt.date(2015, 6, 1)) is True
    assert [e.number for e in register.search("SYNTHETIC", open_on=dt.date(2015, 6, 1))] == [
        "600/0840/4"]
    now = check_eligibility(catalogue, q, age=20, as_at=read_on, register=register)
    assert now.status.status is not Status.OPEN


def test_register__withdrawn_with_no_end_date_is_not_known_before_it_was_read(
        catalogue, tmp_path):
    """Withdrawn, with a start date and no end date: on the day before the register was read,
    it is neither open nor closed by the register (since when it was withdrawn, it does not
    say), so the search for what is open leaves it out and the status is the documents'."""
    register = _synthetic_register(tmp_path, synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Qualification Status": "Withdrawn",
                         "Operational Start Date": "01/10/2014"}))
    day_before = register.record.imported_at.date() - dt.timedelta(days=1)
    entry = register.get("601/4404/X")
    assert entry is not None and entry.open_on(day_before) is None
    assert register.search("SYNTHETIC", open_on=day_before) == []
    result = check_eligibility(catalogue, catalogue.find_qualification("601/4404/X"), age=20,
                               as_at=day_before, register=register)
    assert not any(r.message.startswith("Open to new learners: the Ofqual register records it")
                   for r in result.reasons)


def test_register_search__open_on_leaves_out_the_withdrawn_and_the_no_longer_certificated(
        tmp_path):
    register = _synthetic_register(
        tmp_path,
        synthetic_row("610/0001/1"),
        synthetic_row("610/0002/2", **{"Qualification Status": "Withdrawn"}),
        synthetic_row("610/0003/3", **{"Certification End Date": "31/12/2025"}),
        synthetic_row("610/0004/4", **{"Qualification Status": "No longer awarded"}))
    found = register.search("customer service", open_on=register.record.imported_at.date())
    assert [e.number for e in found] == ["610/0001/1"]
    every = register.search("customer service")
    read_on = register.record.imported_at.date()
    assert [e.open_on(read_on) for e in every] == [True, False, False, False]


def test_eligibility__a_date_that_differs_says_so_and_uses_the_registers(catalogue, tmp_path):
    register = _synthetic_register(tmp_path, synthetic_row(
        "600/0840/4", **{"Qualification Title": "SYNTHETIC row for 600/0840/4",
                         "Operational Start Date": "", "Operational End Date": "2030-12-31"}))
    q = catalogue.find_qualification("09628")
    result = check_eligibility(catalogue, q, age=20, as_at=dt.date(2017, 6, 1),
                               register=register)
    differs = [r for r in result.reasons if r.code is ReasonCode.REGISTER_DATES_DIFFER]
    assert [r.message for r in differs] == [
        "The documents give the last entry date as 31 December 2016; the Ofqual register "
        "gives 31 December 2030 as its operational end date. The register, the regulator's "
        "current record, is used."]
    assert [c.doc for c in differs[0].source] == ["001_1a36f8904fba0327.txt",
                                                  register.source_label]
    assert result.status.status is Status.OPEN
    assert check_eligibility(catalogue, q, age=20, as_at=dt.date(2017, 6, 1)).status.status is (
        Status.CLOSED)


def test_eligibility__a_qualification_only_the_register_lists(catalogue, register):
    q = find_qualification(catalogue, "9990001/1", register=register)
    assert (q.regulator_number, q.level, q.awarding_body) == (
        "999/0001/1", 2, "SYNTHETIC Awarding Organisation")
    result = check_eligibility(catalogue, q, age=20, as_at=TODAY, register=register)
    assert result.eligible is None
    assert [r.code for r in result.reasons] == [
        ReasonCode.OPEN_TO_ENTRY, ReasonCode.REGISTER_ONLY, ReasonCode.AGE_UNKNOWN]
    assert all(c.doc.startswith(LABEL) for r in result.reasons[:2] for c in r.source)
    closed = find_qualification(catalogue, "999/0005/5", register=register)
    assert status_on(catalogue, closed, TODAY, register=register).status is (
        Status.CERTIFICATION_CLOSED)


def test_eligibility__a_number_in_neither_is_unknown(catalogue, register):
    with pytest.raises(UnknownReference):
        find_qualification(catalogue, "999/9999/9", register=register)
    with pytest.raises(UnknownReference):
        find_qualification(catalogue, "999/0001/1")


def test_eligibility_cli__a_register_only_number(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(REGISTER_ENV, str(tmp_path / "r.sqlite3"))
    assert main(["eligibility", "999/0001/1", "--age", "20"]) == 2  # no register yet
    capsys.readouterr()
    import_register(FIXTURE, tmp_path / "r.sqlite3")
    assert main(["eligibility", "999/0001/1", "--age", "20", "--as-at", "2026-11-29",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["qualification"]["origin"], out["eligible"]) == ("register", None)
    assert out["register"]["operational_start"] == "2020-09-01"
    assert [r["code"] for r in out["reasons"]] == ["open-to-entry", "register-only",
                                                   "age-unknown"]


def test_eligibility_cli__a_catalogue_qualification_shows_the_register(capsys, tmp_path):
    import_register(FIXTURE, tmp_path / "r.sqlite3")
    assert main(["eligibility", "09628", "--age", "20", "--register",
                 str(tmp_path / "r.sqlite3"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["qualification"]["origin"] == "catalogue"
    assert out["register"] == {"number": "600/0840/4",
                               "title": "OCR Level 2 Certificate in Principles of Customer "
                                        "Service", "status": None, "operational_start": None,
                               "operational_end": "2016-12-31",
                               "certification_end": "2017-12-31"}


def _certificates_ended_for_601_4404_x(tmp_path):
    """A register whose (SYNTHETIC) row gives 601/4404/X a certification end date the documents
    do not give: 31 August 2021."""
    return _synthetic_register(tmp_path, synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Qualification Level": "Level 1",
                         "Operational Start Date": "01/10/2014",
                         "Certification End Date": "31/08/2021"}))


def test_check_progress__the_timeline_uses_the_registers_dates(catalogue, tmp_path):
    register = _certificates_ended_for_601_4404_x(tmp_path)
    q = catalogue.find_qualification("601/4404/X")
    start = dt.date(2021, 6, 1)
    plain = check_progress(catalogue, q, [], glh_per_week=5, start=start, as_at=start).timeline
    assert plain.in_time is None  # the documents give no certification end date
    timeline = check_progress(catalogue, q, [], glh_per_week=5, start=start, as_at=start,
                              register=register).timeline
    assert (timeline.in_time, timeline.certification_end) == (False, dt.date(2021, 8, 31))
    assert "after the certification end date, 31 August 2021" in timeline.reason


def test_check_cli__the_status_uses_the_registers_dates(capsys, tmp_path):
    register = _certificates_ended_for_601_4404_x(tmp_path)
    assert main(["check", "601/4404/X", "--as-at", "2026-12-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["qualification"]["status"]["value"] == "unknown"
    assert main(["check", "601/4404/X", "--as-at", "2026-12-01", "--json", "--register",
                 str(register.path)]) == 0
    assert json.loads(capsys.readouterr().out)["qualification"]["status"]["value"] == (
        "certification-closed")
    assert main(["check", "601/4404/X", "--as-at", "2026-12-01", "--register",
                 str(register.path)]) == 0
    assert ("Certificates are no longer issued: the last certification date was 31 August "
            "2021.") in capsys.readouterr().out


# -------------------------------------------------------------------------------- recommend


def test_recommend__lists_open_register_qualifications_in_the_subject(catalogue, register):
    from advisor import Employment, Profile, recommend

    profile = Profile(age=20, employment=Employment.WORKING)
    plain = recommend(catalogue, profile, as_at=TODAY)
    result = recommend(catalogue, profile, as_at=TODAY, register=register)
    assert result.recommended_level == plain.recommended_level == 2
    registered = [o.qualification.regulator_number for o in result.options
                  if o.qualification.id.startswith("register-")]
    # Open at Level 2 with "customer service" in the title: not the closed 999/0005/5, the
    # retail award 999/0003/3, or the catalogue's own 600/0840/4.
    assert registered == ["999/0001/1"]
    assert len(result.options) == len(plain.options) + 1
    assert result.options[0].eligibility.status.status is Status.OPEN  # ranked by status
    retail = recommend(catalogue, profile, as_at=TODAY, register=register,
                       register_subject="retail")
    assert [o.qualification.regulator_number for o in retail.options
            if o.qualification.id.startswith("register-")] == ["999/0003/3"]


def test_recommend__a_qualification_whose_certificates_ended_counts_as_closed(catalogue,
                                                                            tmp_path):
    """The register may give a certification end date and no last entry date: the level's
    caution counts that qualification among the closed ones, not leave it out of the tally."""
    from advisor import Employment, FindingCode, Profile, recommend

    register = _synthetic_register(tmp_path, synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Qualification Level": "Level 1",
                         "Operational Start Date": "01/10/2014",
                         "Certification End Date": "31/08/2021"}))
    result = recommend(catalogue, Profile(age=17, employment=Employment.NOT_WORKING),
                       as_at=TODAY, register=register)
    assert [(o.qualification.reference, o.eligibility.status.status) for o in result.options] == [
        ("10378", Status.UNKNOWN), ("601/4404/X", Status.CERTIFICATION_CLOSED),
        ("03454", Status.CERTIFICATION_CLOSED)]
    caution = next(f for f in result.cautions if f.code is FindingCode.NONE_CONFIRMED_OPEN)
    assert (": 601/4404/X and 03454 had closed to new learners and for 10378 the sources do "
            "not give enough to confirm it.") in caution.message


def test_recommend_cli__json_marks_each_qualifications_origin(capsys, tmp_path):
    import_register(FIXTURE, tmp_path / "r.sqlite3")
    assert main(["recommend", "--employment", "working", "--age", "20", "--as-at",
                 "2026-11-29", "--register", str(tmp_path / "r.sqlite3"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    origins = {q["regulator_number"]: q["origin"] for q in out["qualifications"]}
    assert origins["999/0001/1"] == "register"
    assert origins["600/0840/4"] == "catalogue"
    first = out["qualifications"][0]
    assert (first["regulator_number"], first["status"]["value"]) == ("999/0001/1", "open")
    assert first["register"]["operational_start"] == "2020-09-01"
    assert main(["recommend", "--employment", "working", "--age", "20", "--as-at",
                 "2026-11-29", "--json"]) == 0  # no register: every one from the catalogue
    out = json.loads(capsys.readouterr().out)
    assert {q["origin"] for q in out["qualifications"]} == {"catalogue"}


# -------------------------------------------------------------------------------- routes


def _route_names(routes):
    return [" > ".join(q.reference for q in route.path) for route in routes]


def test_routes__start_directly_at_an_open_register_qualification_at_the_level(catalogue,
                                                                              register):
    from advisor import StepKind, find_routes, from_register

    start = catalogue.find_qualification("09628")
    routes = list(find_routes(catalogue, from_qualification=start, to_level=3,
                              register=register))  # on today's date
    first = routes[0]
    assert _route_names([first]) == ["09628 > 999/0002/2"]
    (step,) = first.steps
    assert from_register(step.to) and step.kind is StepKind.DIRECT
    assert step.status.status is Status.OPEN
    assert step.additional_credits is None and first.additional_credits is None  # not known
    assert not first.documented
    assert [c.doc for c in step.source] == [register.source_label]
    # Ranked by status as the catalogue's are: open before not known, before closed.
    ranks = [route.cost.status_rank for route in routes]
    assert ranks == sorted(ranks) and ranks[0] < ranks[-1]
    # Only the register's open Level 3 qualification in the subject is offered.
    assert [q.regulator_number for r in routes for q in r.path if from_register(q)] == [
        "999/0002/2"]


def test_routes__from_level_1_the_register_qualification_ranks_first(catalogue, register):
    from advisor import find_routes, from_register

    start = catalogue.find_qualification("601/4404/X")
    routes = list(find_routes(catalogue, from_qualification=start, to_level=2, as_at=TODAY,
                              register=register))
    assert _route_names(routes)[0] == "601/4404/X > 999/0001/1"
    # Not the closed 999/0005/5, the retail award 999/0003/3 or the catalogue's 600/0840/4.
    assert {q.regulator_number for r in routes for q in r.path if from_register(q)} == {
        "999/0001/1"}
    plain = list(find_routes(catalogue, from_qualification=start, to_level=2, as_at=TODAY))
    assert [r for r in routes if not any(from_register(q) for q in r.path)] == plain


def test_routes__without_a_register_nothing_changes(catalogue):
    from advisor import find_routes, from_register

    start = catalogue.find_qualification("09628")
    plain = list(find_routes(catalogue, from_qualification=start, to_level=3, as_at=TODAY))
    assert plain == list(find_routes(catalogue, from_qualification=start, to_level=3,
                                     as_at=TODAY, register=None))
    assert not any(from_register(q) for r in plain for q in r.path)


def test_routes__no_register_step_when_documented_only_onward_or_to_a_qualification(
        catalogue, register):
    from advisor import find_routes, from_register

    start = catalogue.find_qualification("601/4404/X")
    searches = [
        dict(to_level=2, include_inferred=False, include_shared_units=False,
             include_direct=False),
        {},  # onward: no target level
        dict(to_qualification=catalogue.find_qualification("10379")),
    ]
    for options in searches:
        routes = find_routes(catalogue, from_qualification=start, as_at=TODAY,
                             register=register, **options)
        assert not any(from_register(q) for r in routes for q in r.path), options


def test_routes_cli__json_marks_register_steps(capsys, tmp_path):
    import_register(FIXTURE, tmp_path / "r.sqlite3")
    arguments = ["routes", "--from", "09628", "--to-level", "3", "--as-at", "2026-11-29",
                 "--json"]
    assert main([*arguments, "--register", str(tmp_path / "r.sqlite3")]) == 0
    out = json.loads(capsys.readouterr().out)
    step = out["routes"][0]["steps"][0]
    assert (step["origin"], step["regulator_number"], step["edge"]) == (
        "register", "999/0002/2", "direct")
    assert (step["additional_credits"], step["rules_known"], step["status"]["value"]) == (
        None, False, "open")
    assert step["to"]["origin"] == "register"
    others = [s for r in out["routes"][1:] for s in r["steps"]]
    assert others and {s["origin"] for s in others} == {"catalogue"}
    assert main(arguments) == 0  # no register: every step from the catalogue
    out = json.loads(capsys.readouterr().out)
    assert {s["origin"] for r in out["routes"] for s in r["steps"]} == {"catalogue"}


def test_routes_cli__text_labels_a_register_step(capsys, tmp_path):
    import_register(FIXTURE, tmp_path / "r.sqlite3")
    assert main(["routes", "--from", "09628", "--to-level", "3", "--as-at", "2026-11-29",
                 "--register", str(tmp_path / "r.sqlite3"), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "From the Ofqual register: rules of combination not known (999/0002/2)." in out
    assert ("still needed: not known: the register gives no units or rules, so ask the "
            "awarding organisation or a centre") in out


def test_explore_tables__the_status_is_the_one_the_register_gives_too(catalogue, tmp_path):
    register = _synthetic_register(tmp_path, synthetic_row(
        "601/4404/X", **{"Qualification Title": "SYNTHETIC row for 601/4404/X",
                         "Operational Start Date": "", "Operational End Date": "31/08/2027"}))
    column = f"On {uk_date(TODAY)}"
    found = explore_tables.qualification_matches(catalogue, "601/4404/X", as_at=TODAY,
                                         register=register).set_index("Reference")
    assert found.loc["601/4404/X", column] == "open to new learners"
    without = explore_tables.qualification_matches(catalogue, "601/4404/X", as_at=TODAY)
    assert without.set_index("Reference").loc["601/4404/X", column].startswith("not known if open")
    q = catalogue.find_qualification("601/4404/X")
    compared = explore_tables.comparison_table(catalogue, [q], as_at=TODAY, register=register)
    assert "open to new learners" in compared.iloc[:, 1].tolist()
