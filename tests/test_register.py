"""The regulator's register: importing Ofqual's full data set into SQLite, and reading it back
through the library and the ``advisor register`` commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor import (
    ENTRY,
    REGISTER_ENV,
    ImportRefused,
    RegisterError,
    default_register_path,
    import_register,
    open_register,
)
from advisor.cli import main
from tests.support.register import (
    FIXTURE,
    HEADER,
    fixture_register,
    synthetic_row,
    write_register_csv,
)

TODAY = dt.date(2026, 11, 29)


def test_register_import__fixture_reports_each_bad_row_by_row_and_column(tmp_path):
    result = import_register(FIXTURE, tmp_path / "r.sqlite3")
    assert [str(p) for p in result.problems] == [
        "row 11, Operational Start Date: 'soon' is not a date; give YYYY-MM-DD or DD/MM/YYYY",
        "row 12, Qualification Level: 'Level 9' is not a level; give Entry Level or Level 1 "
        "to Level 8",
        "row 13, Qualification Number: empty; the row is left out",
        "row 14, Qualification Number: 999/0001/1 appears again (first at row 5); this later "
        "row is kept",
    ]
    assert result.record.rows == 11
    assert result.record.problems == 4


def test_register_import__a_bad_cell_leaves_the_rest_of_its_row(tmp_path):
    register = fixture_register(tmp_path)
    unreadable_date = register.get("999/0007/7")
    assert unreadable_date is not None
    assert unreadable_date.operational_start is None
    assert unreadable_date.total_credits == 9
    level_9 = register.get("999/0008/8")
    assert level_9 is not None
    assert (level_9.level, level_9.level_label) == (None, None)  # left empty, as reported
    assert level_9.operational_start == dt.date(2020, 9, 1)


def test_register_import__records_the_file_it_came_from(tmp_path):
    when = dt.datetime(2026, 11, 29, 9, 30, tzinfo=dt.UTC)
    result = import_register(FIXTURE, tmp_path / "r.sqlite3", now=when)
    data = FIXTURE.read_bytes()
    register = open_register(tmp_path / "r.sqlite3")
    assert register is not None
    assert register.record == result.record
    assert (register.record.file_name, register.record.file_size, register.record.sha256) == (
        "register-sample.csv", len(data), hashlib.sha256(data).hexdigest())
    assert register.record.imported_at == when
    assert register.source_label == ("Ofqual register, full data set file register-sample.csv, "
                                     "imported 29 November 2026")


def test_register_import__reads_the_catalogues_rows_as_the_sources_give_them(tmp_path):
    register = fixture_register(tmp_path)
    ocr = register.get("600/0840/4")
    assert ocr is not None
    assert (ocr.operational_end, ocr.certification_end) == (dt.date(2016, 12, 31),
                                                           dt.date(2017, 12, 31))
    assert ocr.operational_start is None
    assert ocr.open_on(TODAY) is False
    ocn = register.get("601/4404/X")  # written 6014404X in the file
    assert ocn is not None
    assert ocn.number == "601/4404/X"
    # No dates: a register row with a start and no end would say "open", which the sources
    # do not state.
    assert (ocn.operational_start, ocn.min_glh, ocn.max_glh) == (None, 143, 178)


@pytest.mark.parametrize(("cells", "field", "expected"), [
    ({"Operational Start Date": "2020-09-01T00:00:00"}, "operational_start", dt.date(2020, 9, 1)),
    ({"Operational Start Date": "01/09/2021 00:00"}, "operational_start", dt.date(2021, 9, 1)),
    ({"Operational Start Date": "1/9/2021"}, "operational_start", dt.date(2021, 9, 1)),
    ({"Qualification Level": "2"}, "level", 2),
    ({"Qualification Level": "Entry Level"}, "level", ENTRY),
    ({"Qualification Level": "Level 1/Level 2"}, "level", 2),
    ({"Offered In England": "True"}, "offered_in_england", True),
    ({"Offered In England": "Yes"}, "offered_in_england", True),
    ({"Offered In England": "1"}, "offered_in_england", True),
    ({"Offered In England": "No"}, "offered_in_england", False),
    ({"Offered In England": "0"}, "offered_in_england", False),
    ({"Total Credits": "1,200"}, "total_credits", 1200),
    ({"Total Credits": " 13.0 "}, "total_credits", 13),
    ({"Assessment Methods": "Portfolio, observation\nand discussion"}, "assessment_methods",
     "Portfolio, observation\nand discussion"),
])
def test_register_import__reads_values_liberally(tmp_path, cells, field, expected):
    source = write_register_csv(tmp_path / "in.csv", [synthetic_row("999/0100/1", **cells)])
    result = import_register(source, tmp_path / "r.sqlite3")
    register = open_register(tmp_path / "r.sqlite3")
    assert register is not None
    assert result.problems == ()
    assert getattr(register.get("99901001"), field) == expected


@pytest.mark.parametrize(("cells", "expected"), [
    ({"Operational Start Date": "31/02/2021"},
     "row 2, Operational Start Date: '31/02/2021' is not a date on the calendar"),
    ({"Total Credits": "-3"}, "row 2, Total Credits: '-3' is not a whole number of 0 or more"),
    ({"Total Credits": "nan"}, "row 2, Total Credits: 'nan' is not a whole number of 0 or more"),
    ({"Total Credits": "inf"}, "row 2, Total Credits: 'inf' is not a whole number of 0 or more"),
    ({"Total Credits": "1e30"}, "row 2, Total Credits: '1e30' is not a whole number of 0 or more"),
    ({"Total Credits": "12.5"}, "row 2, Total Credits: '12.5' is not a whole number of 0 or more"),
    ({"Total Credits": "9" * 20},
     f"row 2, Total Credits: {'9' * 20!r} is too large for a count of credits or hours"),
    ({"Offered In England": "maybe"},
     "row 2, Offered In England: 'maybe' is not yes or no (True/False, Yes/No, 1/0)"),
    ({"Qualification Level": "Level 0"},
     "row 2, Qualification Level: 'Level 0' is not a level; give Entry Level or Level 1 to "
     "Level 8"),
    ({"Qualification Title": ""}, "row 2, Qualification Title: empty"),
])
def test_register_import__names_a_bad_cell_exactly(tmp_path, cells, expected):
    source = write_register_csv(tmp_path / "in.csv", [synthetic_row("999/0100/1", **cells)])
    result = import_register(source, tmp_path / "r.sqlite3")
    assert [str(p) for p in result.problems] == [expected]


def test_register_import__reads_a_byte_order_mark_and_columns_in_any_order(tmp_path):
    header = tuple(reversed(HEADER))
    source = write_register_csv(tmp_path / "in.csv", [synthetic_row("999/0100/1")], header)
    source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    result = import_register(source, tmp_path / "r.sqlite3")
    register = open_register(tmp_path / "r.sqlite3")
    assert register is not None
    assert result.problems == ()
    entry = register.get("999/0100/1")
    assert entry is not None
    assert entry.title == "SYNTHETIC Level 2 Certificate in Customer Service 999/0100/1"


def test_register_import__a_column_it_does_not_read_fills_no_missing_one(tmp_path):
    """A file with only the required columns and one the advisor does not read: the columns it
    lacks stay empty, not filled with that one's cells (an open qualification read as closed on
    its "Last Updated Date")."""
    header = ["Qualification Number", "Qualification Title", "Owner Organisation Name",
              "Qualification Level", "Operational Start Date", "Last Updated Date"]
    source = write_register_csv(tmp_path / "in.csv", [synthetic_row(
        "999/0100/1", **{"Last Updated Date": "2021-03-15"})], header)
    import_register(source, tmp_path / "r.sqlite3")
    register = open_register(tmp_path / "r.sqlite3")
    assert register is not None
    entry = register.get("999/0100/1")
    assert entry is not None
    assert (entry.operational_end, entry.certification_end) == (None, None)
    assert (entry.qualification_type, entry.status, entry.org_name) == (
        None, None, "SYNTHETIC Awarding Organisation")


def test_register_import__refuses_a_file_without_the_required_columns(tmp_path):
    database = tmp_path / "r.sqlite3"
    import_register(FIXTURE, database)
    before = database.read_bytes()
    header = [name for name in HEADER if name not in ("Qualification Level",
                                                      "Operational Start Date")]
    source = write_register_csv(tmp_path / "in.csv", [synthetic_row("999/0100/1")], header)
    with pytest.raises(ImportRefused) as refused:
        import_register(source, database)
    assert str(refused.value) == ("file: no column 'Qualification Level', 'Operational Start "
                                  "Date'; the register's full data set has them in its first "
                                  "row")
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "r.sqlite3"]


def test_register_import__failing_half_way_leaves_the_old_register(tmp_path):
    database = tmp_path / "r.sqlite3"
    import_register(FIXTURE, database)
    before = open_register(database)
    assert before is not None
    old_content = before.digest()
    rows = [synthetic_row(f"999/{n:04d}/1") for n in range(2000)]
    source = write_register_csv(tmp_path / "in.csv", rows)
    data = source.read_bytes()
    source.write_bytes(data[: len(data) // 2] + b"\xff\xfe broken \xff" + data[len(data) // 2:])
    with pytest.raises(RegisterError, match="is not UTF-8 text"):
        import_register(source, database)
    after = open_register(database)
    assert after is not None
    assert after.digest() == old_content
    assert after.record == before.record
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "r.sqlite3"]


@pytest.mark.parametrize("damage", ["cut short inside a quoted cell", "a stray quote"])
def test_register_import__a_quote_left_open_is_refused_and_keeps_the_old_register(tmp_path,
                                                                                  damage):
    """A download cut short inside a quoted title, or a stray quote, would read every row
    after it as one cell: the file is refused, naming the row, and the register stays."""
    database = tmp_path / "r.sqlite3"
    import_register(FIXTURE, database)
    before = open_register(database)
    assert before is not None
    rows = [synthetic_row(f"999/{n:04d}/1") for n in range(50)]
    source = write_register_csv(tmp_path / "in.csv", rows)
    text = source.read_text(encoding="utf-8")
    if damage == "a stray quote":
        text = text.replace("999/0010/1", '"999/0010/1', 1)
    else:
        text += '603/9999/1,"Level 2 Certificate in'
    source.write_text(text, encoding="utf-8")
    with pytest.raises(RegisterError, match=r"in\.csv: row \d+: a quoted cell is not "
                                            r"closed.*Nothing was imported"):
        import_register(source, database)
    after = open_register(database)
    assert after is not None
    assert after.digest() == before.digest()


def test_register_import__text_not_in_utf_8_or_a_workbook_says_how_to_save_it(tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes(FIXTURE.read_text(encoding="utf-8-sig")
                      .replace("Principles", "Princip\u00e9s").encode("latin-1"))
    with pytest.raises(RegisterError, match=r"latin\.csv is not UTF-8 text: byte 0xE9 near "
                                            r"row \d+ is not UTF-8; save the file as 'CSV "
                                            r"UTF-8 \(comma delimited\)'"):
        import_register(latin, tmp_path / "r.sqlite3")
    workbook = tmp_path / "book.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(RegisterError, match=r"book\.xlsx is a spreadsheet workbook, not CSV"):
        import_register(workbook, tmp_path / "r.sqlite3")
    assert not (tmp_path / "r.sqlite3").exists()


def test_register_import__a_second_import_replaces_the_first_and_keeps_its_record(tmp_path):
    database = tmp_path / "r.sqlite3"
    import_register(FIXTURE, database)
    source = write_register_csv(tmp_path / "in.csv", [synthetic_row("999/0100/1")])
    import_register(source, database)
    register = open_register(database)
    assert register is not None
    assert register.count() == 1
    assert register.get("600/0840/4") is None
    assert [r.file_name for r in register.history()] == ["in.csv", "register-sample.csv"]


_CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@given(rows=st.lists(st.tuples(st.from_regex(r"\A9\d{2}/\d{4}/\d\Z"), _CELL, _CELL,
                               st.sampled_from(["Level 2", "3", "Entry Level", "Level 9", ""]),
                               st.sampled_from(["2020-09-01", "01/09/2021", "soon", ""])),
                     max_size=8))
def test_register_import__the_same_file_twice_gives_the_same_register(rows):
    """Importing one file twice, into two databases, stores exactly the same rows: nothing in
    the content depends on when or where it was imported."""
    with tempfile.TemporaryDirectory() as folder:
        source = write_register_csv(Path(folder) / "in.csv", [
            {"Qualification Number": number, "Qualification Title": title,
             "Owner Organisation Name": org, "Qualification Level": level,
             "Operational Start Date": start} for number, title, org, level, start in rows])
        first = import_register(source, Path(folder) / "a.sqlite3")
        second = import_register(source, Path(folder) / "b.sqlite3")
        a, b = open_register(Path(folder) / "a.sqlite3"), open_register(Path(folder) / "b.sqlite3")
        assert a is not None and b is not None
        assert a.digest() == b.digest()
        assert first.problems == second.problems
        assert (a.record.sha256, a.record.rows) == (b.record.sha256, b.record.rows)


def test_register_search__by_words_of_the_title_level_and_date(tmp_path):
    register = fixture_register(tmp_path)
    numbers = [e.number for e in register.search("customer serv", level=2)]
    assert numbers == ["600/0840/4", "999/0001/1", "999/0005/5"]
    assert [e.number for e in register.search("customer service", level=2, open_on=TODAY)] == [
        "999/0001/1"]
    assert [e.number for e in register.search("customer", level=ENTRY)] == ["999/0004/4"]
    assert [e.number for e in register.search("customer", organisation="ssao")] == [
        "999/0005/5"]
    assert len(register.search('customer" (-')) == 8  # FTS5 syntax is read as plain words
    assert register.search("zzz") == []


def test_register_open__none_without_a_file(tmp_path):
    assert open_register(tmp_path / "absent.sqlite3") is None


def test_register_open__refuses_a_file_that_is_not_a_register(tmp_path):
    path = tmp_path / "other.sqlite3"
    sqlite3.connect(path).close()
    with pytest.raises(RegisterError, match="is not a register made by this advisor"):
        open_register(path)


def test_register_path__from_the_environment_else_the_users_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(REGISTER_ENV, str(tmp_path / "mine.sqlite3"))
    assert default_register_path() == tmp_path / "mine.sqlite3"
    monkeypatch.delenv(REGISTER_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_register_path() == tmp_path / "xdg" / "advisor" / "register.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_register_path() == (tmp_path / "home" / ".local" / "share" / "advisor"
                                       / "register.sqlite3")


def test_register_path__tests_never_use_the_users_register():
    assert os.environ[REGISTER_ENV].endswith("none.sqlite3")
    assert not Path(os.environ[REGISTER_ENV]).exists()


# ----------------------------------------------------------------------------------- the CLI


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_register_cli__import_prints_what_was_stored_and_each_problem(capsys, tmp_path):
    database = tmp_path / "r.sqlite3"
    code, out, err = run(capsys, "register", "import", str(FIXTURE), "--register", str(database))
    assert code == 0
    assert out.startswith("Imported 11 qualifications from register-sample.csv (")
    assert f"into {database}." in out
    assert err.splitlines()[0] == ("advisor: register-sample.csv: row 11, Operational Start "
                                   "Date: 'soon' is not a date; give YYYY-MM-DD or DD/MM/YYYY")
    assert len(err.splitlines()) == 4
    assert ("4 problems found: a cell that could not be read was left empty, a row without a "
            "number was left out and of two rows with the same number the later was kept."
            ) in out.splitlines()


def test_register_cli__the_summary_names_only_what_happened(capsys, tmp_path):
    header = FIXTURE.read_text(encoding="utf-8-sig").splitlines()[0]
    source = tmp_path / "one.csv"
    source.write_text(f"{header}\n600/0840/4,A title,,OCR,,Level 9,,,,13\n", encoding="utf-8")
    code, out, _ = run(capsys, "register", "import", str(source), "--register",
                       str(tmp_path / "r.sqlite3"))
    assert code == 0
    assert out.splitlines() == [
        out.splitlines()[0],
        "1 problem found: a cell that could not be read was left empty."]
    assert out.startswith("Imported 1 qualification from one.csv (")


def test_register_cli__import_json(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(REGISTER_ENV, str(tmp_path / "r.sqlite3"))
    code, out, _ = run(capsys, "register", "import", str(FIXTURE), "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["register"] == str(tmp_path / "r.sqlite3")
    assert payload["import"]["rows"] == 11
    assert payload["import"]["sha256"] == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    assert payload["problems"][1] == {
        "row": 12, "column": "Qualification Level",
        "message": "'Level 9' is not a level; give Entry Level or Level 1 to Level 8"}


def test_register_cli__a_refused_import_exits_1_and_changes_nothing(capsys, tmp_path):
    database = tmp_path / "r.sqlite3"
    source = write_register_csv(tmp_path / "in.csv", [{"Qualification Title": "x"}],
                                header=["Qualification Title"])
    code, out, err = run(capsys, "register", "import", str(source), "--register", str(database))
    assert code == 1
    assert out == ""
    assert "no column 'Qualification Number', 'Owner Organisation Name'" in err
    assert err.splitlines()[-1] == "advisor: nothing was imported; the register is as it was"
    assert not database.exists()


def test_register_cli__a_folder_to_import_into_is_refused_plainly(capsys, tmp_path):
    code, _, err = run(capsys, "register", "import", str(FIXTURE), "--register", str(tmp_path))
    assert code == 1
    assert f"{tmp_path} is a folder: name the register's file" in err
    assert "Traceback" not in err


def test_register_cli__a_register_named_but_not_there_is_not_passed_over(capsys, tmp_path):
    missing = tmp_path / "typo.sqlite3"
    code, out, err = run(capsys, "recommend", "--employment", "working", "--register",
                         str(missing))
    assert (code, out) == (1, "")  # a file that cannot be read, as elsewhere
    assert f"no register at {missing}" in err


def test_register_cli__status_with_and_without_a_register(capsys, tmp_path):
    database = tmp_path / "r.sqlite3"
    code, out, _ = run(capsys, "register", "status", "--register", str(database), "--json")
    assert (code, json.loads(out)["loaded"]) == (0, False)
    run(capsys, "register", "import", str(FIXTURE), "--register", str(database))
    code, out, _ = run(capsys, "register", "status", "--register", str(database))
    assert code == 0
    assert out.splitlines()[0] == f"Register: {database}"
    assert "11 qualifications from register-sample.csv" in out


def test_register_cli__search_and_show_json(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(REGISTER_ENV, str(tmp_path / "r.sqlite3"))
    run(capsys, "register", "import", str(FIXTURE))
    code, out, _ = run(capsys, "register", "search", "customer service", "--level", "2",
                       "--open-on", "2026-11-29", "--json")
    assert code == 0
    payload = json.loads(out)
    assert [q["number"] for q in payload["qualifications"]] == ["999/0001/1"]
    assert payload["query"] == {"text": "customer service", "level": 2,
                                "open_on": "2026-11-29"}
    code, out, _ = run(capsys, "register", "show", "60008404", "--json")
    entry = json.loads(out)
    assert (code, entry["number"], entry["operational_end"], entry["origin"]) == (
        0, "600/0840/4", "2016-12-31", "register")
    assert entry["source"].startswith("Ofqual register, full data set file register-sample.csv")


@pytest.mark.parametrize("level", ["٣", "9", "three", "-1"])
def test_register_cli__search_refuses_a_level_that_is_not_one(capsys, tmp_path, level):
    with pytest.raises(SystemExit) as exit_:
        main(["register", "search", "customer", "--level", level,
              "--register", str(tmp_path / "r.sqlite3")])
    assert exit_.value.code == 2
    assert "is not a level: give entry or 1 to 8" in capsys.readouterr().err


def test_register_cli__show_an_unknown_number_exits_2(capsys, tmp_path):
    database = tmp_path / "r.sqlite3"
    run(capsys, "register", "import", str(FIXTURE), "--register", str(database))
    code, _, err = run(capsys, "register", "show", "999/9999/9", "--register", str(database))
    assert code == 2
    assert err.startswith("advisor: no qualification '999/9999/9' in the register")


def test_register_cli__search_without_a_register_exits_1(capsys, tmp_path):
    code, _, err = run(capsys, "register", "search", "customer", "--register",
                       str(tmp_path / "none.sqlite3"))
    assert code == 1
    assert "import Ofqual's full data set first: advisor register import FILE" in err


def test_register_cli__a_folder_named_for_answers_is_said_to_be_one(capsys, tmp_path):
    code, _, err = run(capsys, "eligibility", "09628", "--register", str(tmp_path))
    assert code == 1
    assert f"{tmp_path} is a folder: name the register's file" in err
