"""`advisor validate` on small broken catalogues: one per kind of problem, message exact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from advisor import CatalogueError, load_catalogue, validate_catalogue
from advisor.cli import main
from tests.support.catalogues import (
    PROGRESSION,
    QUALIFICATION,
    SECOND,
    UNITS,
    write_catalogue,
)


def only_problem(data: Path):
    problems = validate_catalogue(data)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_validate__small_catalogue_is_clean(tmp_path):
    assert validate_catalogue(write_catalogue(tmp_path)) == []


def test_validate__unknown_key_names_file_line_and_path(tmp_path):
    broken = QUALIFICATION.replace("      min_units: 1\n", "      min_unit: 1\n")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert problem.file == "data/qualifications/ab-001.yaml"
    assert problem.line == 22
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:22 rules.groups[1].min_unit: "
        "unknown key 'min_unit'; did you mean 'min_units'?"
    )


def test_validate__wrong_type(tmp_path):
    broken = UNITS.replace("credits: 5", "credits: five")
    problem = only_problem(write_catalogue(tmp_path, {"units/bank.yaml": broken}))
    assert str(problem) == (
        "data/units/bank.yaml:11 units[1].credits: input should be a valid integer, unable to "
        "parse string as an integer (got 'five')"
    )


@pytest.mark.parametrize(("slip", "message"), [
    ("credits: 9223372036854775807", "input should be less than or equal to 999 (got "
                                     "9223372036854775807)"),
    ("credits: -5", "input should be greater than or equal to 0 (got -5)"),
])
def test_validate__a_value_no_unit_could_have_names_its_line(tmp_path, slip, message):
    """A slip of the keyboard in a credit value: an error naming its line, not a crash (a
    credit value past a machine integer stopped every command) nor a plan of 10**20 hours."""
    broken = UNITS.replace("credits: 5", slip)
    problem = only_problem(write_catalogue(tmp_path, {"units/bank.yaml": broken}))
    assert str(problem) == f"data/units/bank.yaml:11 units[1].credits: {message}"


@pytest.mark.parametrize(("listed", "message"), [
    # Two units numbered alike: "A3" pasted would tick either.
    ("{number: 2, urn: A/100/0003}", "rules.groups[1].units[1].number: unit number '2' is also "
                                     "A/100/0002's: give each unit its own"),
    # One unit in two groups: which it counts towards is the question.
    ("{number: 3, urn: A/100/0001}", "rules.groups[1].units[1].urn: unit A/100/0001 is in "
                                     "group A too: list it in one group"),
], ids=["same-number", "two-groups"])
def test_validate__a_unit_number_or_unit_given_twice(tmp_path, listed, message):
    changed = QUALIFICATION.replace("{number: 3, urn: A/100/0003}", listed)
    assert changed != QUALIFICATION
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": changed}))
    assert str(problem) == f"data/qualifications/ab-001.yaml:26 {message}"


def test_validate__a_progression_stated_twice(tmp_path):
    twice = PROGRESSION + PROGRESSION.removeprefix("progressions:\n")
    problem = only_problem(write_catalogue(tmp_path, {"progression.yaml": twice}))
    assert str(problem).endswith("progressions[1]: the progression from ab-001 to ab-002 is "
                                 "stated twice: keep one, with all its sources")


AWARDING_BODIES = """\
awarding_bodies:
  - name: AB
    website: www.ab.example
    source: doc.txt § Contact
"""


def test_validate__an_awarding_body_listed_twice_or_that_awards_nothing(tmp_path):
    twice = AWARDING_BODIES + AWARDING_BODIES.removeprefix("awarding_bodies:\n")
    problem = only_problem(write_catalogue(tmp_path, {"awarding-bodies.yaml": twice}))
    assert str(problem) == ("data/awarding-bodies.yaml:5 awarding_bodies[1].name: awarding body "
                            "'AB' is listed twice")
    slip = AWARDING_BODIES.replace("name: AB", "name: A B")
    problem = only_problem(write_catalogue(tmp_path, {"awarding-bodies.yaml": slip}))
    assert str(problem) == ("data/awarding-bodies.yaml:2 awarding_bodies[0].name: no "
                            "qualification names 'A B' as its awarding body (they name 'AB')")
    script = AWARDING_BODIES.replace("www.ab.example", "javascript:alert(1)")
    problem = only_problem(write_catalogue(tmp_path, {"awarding-bodies.yaml": script}))
    assert str(problem).startswith("data/awarding-bodies.yaml:3 awarding_bodies[0].website: ")
    catalogue = load_catalogue(write_catalogue(tmp_path, {"awarding-bodies.yaml":
                                                          AWARDING_BODIES}))
    assert catalogue.awarding_bodies["AB"].website == "www.ab.example"


def test_validate__a_bad_item_in_a_list_of_one_is_one_problem(tmp_path):
    """Pydantic also says a list with its only item broken is too short: that is the same
    mistake, said once, by the item."""
    broken = PROGRESSION.replace("to: ab-002", "to: ab-002\n    towards: ab-002")
    problem = only_problem(write_catalogue(tmp_path, {"progression.yaml": broken}))
    assert "unknown key 'towards'" in str(problem)


def test_validate__rule_naming_a_missing_unit(tmp_path):
    broken = QUALIFICATION.replace("{number: 3, urn: A/100/0003}", "{number: 3, urn: A/100/0009}")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:26 rules.groups[1].units[1].urn: "
        "unit A/100/0009 is not in any unit bank (the units/ folder)"
    )


def test_validate__progression_to_an_unknown_qualification(tmp_path):
    broken = PROGRESSION.replace("to: ab-002", "to: ab-0002")
    problem = only_problem(write_catalogue(tmp_path, {"progression.yaml": broken}))
    assert str(problem) == (
        "data/progression.yaml:3 progressions[0].to: no qualification with id 'ab-0002'; "
        "did you mean 'ab-002'?"
    )


def test_validate__same_urn_with_different_facts(tmp_path):
    other = """\
    units:
      - urn: A/100/0002
        title: Solve problems
        level: 2
        credits: 6
        source: doc.txt § Units
    """
    problem = only_problem(write_catalogue(tmp_path, {"units/other.yaml": other}))
    assert str(problem) == (
        "data/units/other.yaml:2 units[0].urn: unit A/100/0002 is recorded with different "
        "facts: credits 6 here but 5 at data/units/bank.yaml:8"
    )


def test_validate__group_minimum_beyond_its_units(tmp_path):
    broken = QUALIFICATION.replace(
        "      min_units: 1\n", "      min_units: 1\n      min_credits: 12\n"
    )
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:23 rules.groups[1].min_credits: group B needs at "
        "least 12 credits but its units give at most 11"
    )


def test_validate__rules_no_combination_can_satisfy(tmp_path):
    broken = QUALIFICATION.replace("credits_required: 9", "credits_required: 16")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:9 rules: no combination of the listed units "
        "satisfies these rules of combination"
    )


def test_validate__mandatory_credits_that_do_not_add_up(tmp_path):
    broken = QUALIFICATION.replace("      min_credits: 4\n", "      min_credits: 5\n")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:16 rules.groups[0].min_credits: group A is mandatory "
        "and states 5 credits, but its units add up to 4"
    )


def test_validate__dates_out_of_order(tmp_path):
    broken = QUALIFICATION.replace("date: 2016-12-31", "date: 2013-12-31")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:29 dates.last_entry.date: last entry (2013-12-31) is "
        "before operational start (2014-10-01)"
    )


def test_validate__a_launch_beside_an_operational_start(tmp_path):
    launched = QUALIFICATION.replace(
        "  operational_start: {date: 2014-10-01, source: doc.txt § Dates}\n",
        "  operational_start: {date: 2014-10-01, source: doc.txt § Dates}\n"
        "  launched: {when: in the autumn of 2014, not_before: 2014-09-01,"
        " source: doc.txt § Dates}\n")
    assert launched != QUALIFICATION
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": launched}))
    assert str(problem).endswith(
        "dates.launched: give an operational start or a launch, not both: a launch is for a "
        "qualification whose sources give no start date")


def test_validate__a_structure_date_only_on_a_national_structure(tmp_path):
    """``structure_from`` dates a national structure whose rules others borrow: on a
    qualification of its own it would say nothing its other dates do not."""
    broken = QUALIFICATION.replace(
        "  operational_start: {date: 2014-10-01, source: doc.txt § Dates}\n",
        "  operational_start: {date: 2014-10-01, source: doc.txt § Dates}\n"
        "  structure_from: {date: 2014-01-01, source: doc.txt § Dates}\n")
    assert broken != QUALIFICATION
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem).endswith(
        "dates.structure_from: structure_from is for a national structure (the first day its "
        "document's date allows); a qualification's own dates say when it opened")


def test_validate__in_use_by_beside_a_start(tmp_path):
    """``in_use_by`` stands in for a start the sources do not give: beside one it would be
    passed over by every answer, so it is refused, as its own message says."""
    broken = QUALIFICATION.replace(
        "  operational_start: {date: 2014-10-01, source: doc.txt § Dates}\n",
        "  operational_start: {date: 2014-10-01, source: doc.txt § Dates}\n"
        "  in_use_by: {date: 2015-01-01, source: doc.txt § Dates}\n")
    assert broken != QUALIFICATION
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem).endswith(
        "dates.in_use_by: in_use_by is for a qualification with a last entry date and no "
        "start: beside an operational start or a launch it says nothing, so leave it out")


@pytest.mark.parametrize(("dates", "message"), [
    ("  in_use: {said: a report describes learners on it, from: 2015-01-01, until: 2015-08-31, "
     "source: doc.txt § Dates}\n",
     "dates.in_use: give a last entry date or an in_use, not both: in_use is for a "
     "qualification whose sources give no last entry date"),
])
def test_validate__in_use_only_where_no_last_entry_date_is_given(tmp_path, dates, message):
    broken = QUALIFICATION.replace(
        "  last_entry: {date: 2016-12-31, source: doc.txt § Dates}\n",
        "  last_entry: {date: 2016-12-31, source: doc.txt § Dates}\n" + dates)
    assert broken != QUALIFICATION
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem).endswith(message)


@pytest.mark.parametrize(("days", "message"), [
    ("from: 2013-01-01, until: 2013-08-31", "dates.in_use.from: in use from 2013-01-01, before "
                                            "it opened (2014-10-01)"),
    ("from: 2015-09-01, until: 2015-08-31", "dates.in_use.until: in use until 2015-08-31, "
                                            "before its first day (2015-09-01)"),
], ids=["before-it-opened", "ends-before-it-begins"])
def test_validate__in_use_days_out_of_order(tmp_path, days, message):
    broken = QUALIFICATION.replace(
        "  last_entry: {date: 2016-12-31, source: doc.txt § Dates}\n",
        f"  in_use: {{said: a report describes learners on it, {days}, source: "
        "doc.txt § Dates}\n")
    assert broken != QUALIFICATION
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem).endswith(message)


AGES = """\
ages:
  approved: [16-18, 18+]
  cautions:
    - Some units need a workplace.
    - text: Choose units that suit school pupils.
      applies_to: [pre-16]
  source: doc.txt § Ages
"""

SUITABLE_FOR = """\
suitable_for:
  points:
    - people who already serve customers in their job
  source: doc.txt § Who it is for
"""


def test_validate__age_caution_for_a_band_the_ages_do_not_name(tmp_path):
    broken = QUALIFICATION + AGES
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:35 ages.cautions[1].applies_to[0]: the caution "
        "applies to age band 'pre-16', which neither approved nor not_approved names"
    )


def test_validate__age_caution_with_an_unknown_band(tmp_path):
    broken = QUALIFICATION + AGES.replace("[16-18, 18+]", "[pre-16, 16-18, 18+]").replace(
        "applies_to: [pre-16]", "applies_to: [pre16]")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:35 ages.cautions[1].applies_to[0]: input should be "
        "'pre-16', '16-18', '18+' or '19+' (got 'pre16')"
    )


def test_validate__for_people_in_work_without_suitable_for(tmp_path):
    broken = QUALIFICATION + "for_people_in_work: true\n"
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-001.yaml:30 for_people_in_work: for_people_in_work needs a "
        "suitable_for statement saying who the qualification is written for"
    )


def test_validate__for_people_in_work_not_at_level_2(tmp_path):
    broken = SECOND + SUITABLE_FOR + "for_people_in_work: true\n"
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-002.yaml:12 for_people_in_work: for_people_in_work marks the "
        "Level 2 qualification for people in work, but this one is at Level 3"
    )


def test_validate__for_people_in_work_on_two_level_2_qualifications(tmp_path):
    another = SECOND.replace("ab-002", "ab-003").replace('"002"', '"003"').replace(
        "level: 3", "level: 2").replace("Level 3", "Level 2")
    problem = only_problem(write_catalogue(tmp_path, {
        "qualifications/ab-001.yaml": QUALIFICATION + SUITABLE_FOR + "for_people_in_work: true\n",
        "qualifications/ab-003.yaml": another + SUITABLE_FOR + "for_people_in_work: true\n",
    }))
    assert str(problem) == (
        "data/qualifications/ab-003.yaml:12 for_people_in_work: for_people_in_work is also set "
        "on 'ab-001' (data/qualifications/ab-001.yaml:34); only one Level 2 qualification can "
        "be marked"
    )


def test_validate__missing_source(tmp_path):
    broken = UNITS.replace("    glh: 30\n    source: doc.txt § Units\n", "    glh: 30\n")
    problem = only_problem(write_catalogue(tmp_path, {"units/bank.yaml": broken}))
    assert str(problem) == (
        "data/units/bank.yaml:2 units[0].source: missing source: cite the document and section "
        "this comes from"
    )


def test_validate__citation_of_an_unknown_document(tmp_path):
    broken = SECOND.replace("source: doc.txt § Profile", "source: dock.txt § Profile")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-002.yaml:7 source[0].doc: cites 'dock.txt', which is not in "
        "sources.yaml; did you mean 'doc.txt'?"
    )


def test_validate__secondary_citation_without_url(tmp_path):
    broken = SECOND.replace("source: doc.txt § Profile", "source: notes.md § Section A")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": broken}))
    assert "a citation of the secondary document 'notes.md' needs the url" in problem.message


def test_validate__duplicate_key_is_an_error_not_an_overwrite(tmp_path):
    broken = SECOND.replace("level: 3\n", "level: 3\nlevel: 4\n")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": broken}))
    assert str(problem) == (
        "data/qualifications/ab-002.yaml:6 level: duplicate key 'level' (first given on line 5)"
    )


def test_validate__yaml_syntax_error_gives_the_line(tmp_path):
    broken = SECOND.replace("structure: unknown", "structure: [unknown")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": broken}))
    assert problem.file == "data/qualifications/ab-002.yaml"
    assert problem.message.startswith("not valid YAML")
    assert problem.line == 7


def test_validate__aliases_are_refused(tmp_path):
    broken = SECOND.replace("awarding_body: AB", "awarding_body: &t AB").replace(
        "title: Level 3 Certificate in Testing", "title: *t")
    problems = validate_catalogue(write_catalogue(tmp_path, {"qualifications/ab-002.yaml": broken}))
    assert [p.message for p in problems] == [
        "YAML aliases (*name) are not allowed in catalogue files"
    ]


def test_validate__cyclic_progression(tmp_path):
    cyclic = PROGRESSION + """\
  - from: ab-002
    to: ab-001
    statement: And back again.
    source: doc.txt § Progression
"""
    problem = only_problem(write_catalogue(tmp_path, {"progression.yaml": cyclic}))
    assert problem.message == "progression goes round in a circle: ab-001 -> ab-002 -> ab-001"


def test_validate__reports_every_problem_at_once(tmp_path):
    data = write_catalogue(
        tmp_path,
        {
            "units/bank.yaml": UNITS.replace("credits: 5", "credits: five"),
            "progression.yaml": PROGRESSION.replace("to: ab-002", "to: ab-0002"),
        },
    )
    problems = validate_catalogue(data)
    assert len(problems) == 2
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(data)
    assert len(raised.value.problems) == 2
    assert "the catalogue has 2 problems" in str(raised.value)


def test_cli_validate__exit_codes_and_json(tmp_path, capsys):
    data = write_catalogue(tmp_path)
    assert main(["validate", str(data)]) == 0
    assert "is valid" in capsys.readouterr().out
    broken = write_catalogue(
        tmp_path / "b", {"progression.yaml": PROGRESSION.replace("ab-002", "ab-9")}
    )
    assert main(["validate", str(broken), "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["valid"] is False
    assert payload["problems"][0]["file"] == "data/progression.yaml"
    assert payload["problems"][0]["path"] == "progressions[0].to"


def test_cli_validate__shipped_catalogue_is_clean(capsys):
    assert main(["validate"]) == 0


def test_data__no_text_a_person_reads_names_a_field_of_the_data():
    """Notes and statements are shown as they are: "(see named_units)" means nothing to a
    learner. No text in data/ may name one of the data's own keys that has an underscore."""
    import yaml

    from advisor import default_data_dir

    keys: set[str] = set()
    texts: list[tuple[str, str]] = []

    def walk(value, where):
        if isinstance(value, dict):
            for key, item in value.items():
                keys.add(str(key))
                walk(item, where)
        elif isinstance(value, list):
            for item in value:
                walk(item, where)
        elif isinstance(value, str):
            texts.append((where, value))

    for path in sorted(default_data_dir().rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    fields = {key for key in keys if "_" in key}
    assert {"named_units", "based_on", "structure_note"} <= fields
    named = [(where, field) for where, text in texts for field in fields
             if re.search(rf"\b{re.escape(field)}\b", text)]
    assert named == []


# -------------------------------------------------- the sections cited, against the documents

HANDBOOK = """\
A handbook

Profile
The qualification in brief.

Structure
Units
Dates
Progression
Replacement
"""


def documents_folder(root: Path, handbook: str = HANDBOOK) -> Path:
    folder = root / "documents"
    folder.mkdir()
    (folder / "doc.txt").write_text(handbook, encoding="utf-8")
    (folder / "notes.md").write_text("# Notes\n", encoding="utf-8")
    return folder


def test_validate_documents__every_section_found_is_clean(tmp_path):
    data = write_catalogue(tmp_path)
    assert validate_catalogue(data, documents_dirs=[documents_folder(tmp_path)]) == []


def test_validate_documents__a_section_not_in_its_document_names_the_line_and_the_closest(
        tmp_path):
    """A heading mistyped in the handbook's copy: each citation of the section it lost is
    named with its line, and the document's line most like the section is offered."""
    data = write_catalogue(tmp_path)
    handbook = HANDBOOK.replace("Dates", "Key dates:")
    problems = validate_catalogue(data, documents_dirs=[documents_folder(tmp_path, handbook)])
    assert [str(p) for p in problems] == [
        f"data/qualifications/ab-001.yaml:{line} {path}.section: cites section 'Dates', "
        "which is not in doc.txt; its closest line is 'Key dates:'"
        for line, path in [(28, "dates.operational_start.source[0]"),
                           (29, "dates.last_entry.source[0]")]
    ]


def test_validate_documents__a_heading_matches_in_short_whatever_its_case_marks_and_quotes(
        tmp_path):
    data = write_catalogue(tmp_path, {"units/bank.yaml": UNITS.replace(
        "doc.txt § Units", "doc.txt § Learner's units in   brief")})
    handbook = HANDBOOK + "## LEARNER\u2019S UNITS IN BRIEF (ALL LEVELS)\n"
    assert validate_catalogue(data, documents_dirs=[documents_folder(tmp_path, handbook)]) == []


def test_validate_documents__words_inside_a_sentence_are_not_a_section(tmp_path):
    data = write_catalogue(tmp_path, {"units/bank.yaml": UNITS.replace(
        "doc.txt § Units", "doc.txt § units in brief")})
    handbook = HANDBOOK + "The learner's units in brief are listed below.\n"
    problems = validate_catalogue(data, documents_dirs=[documents_folder(tmp_path, handbook)])
    assert [p.line for p in problems] == [7, 12, 17]  # each unit's source
    assert all("cites section 'units in brief', which is not in doc.txt" in p.message
               for p in problems)


def test_validate_documents__a_document_in_no_folder_is_named_where_sources_lists_it(tmp_path):
    data = write_catalogue(tmp_path)
    folder = documents_folder(tmp_path)
    (folder / "notes.md").unlink()
    other = tmp_path / "secondary"
    other.mkdir()
    assert [str(p) for p in validate_catalogue(data, documents_dirs=[folder])] == [
        f"data/sources.yaml:6 documents[1].file: document 'notes.md' is not in {folder}"]
    (other / "notes.md").write_text("# Notes\n", encoding="utf-8")
    assert validate_catalogue(data, documents_dirs=[folder, other]) == []


def test_validate_documents__cli_says_what_it_checked_and_exits_1_on_a_problem(tmp_path,
                                                                              capsys):
    data = write_catalogue(tmp_path)
    folder = documents_folder(tmp_path)
    assert main(["validate", str(data), "--documents", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"Every document its sources.yaml lists is in {folder}, and every section it " \
           "cites is in its document." in out
    assert main(["validate", str(data), "--documents", str(tmp_path / "none")]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'none'} (top level): is not a folder of source documents" in out
    assert "Traceback" not in out


SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the source documents are kept "
                    "beside the repository, in ../shared, on the project's machines")
def test_validate_documents__the_shipped_catalogue_cites_only_sections_its_documents_hold():
    """Every one of the catalogue's citations names a section its document contains (the
    documents are the project's, kept beside the repository)."""
    assert validate_catalogue(documents_dirs=[SHARED / "seeds", SHARED / "sources"]) == []


def test_validate__another_bodys_version_with_an_age_band_both_approved_and_not(tmp_path):
    """The age groups of another awarding body's version are checked as a qualification's."""
    broken = QUALIFICATION + (
        "offered_as:\n"
        "  - awarding_body: Another Body\n"
        "    regulator_number: 601/0000/0\n"
        "    ages: {approved: [pre-16, 16-18], not_approved: [pre-16], source: doc.txt § Ages}\n"
        "    source: doc.txt § Others\n")
    problem = only_problem(write_catalogue(tmp_path, {"qualifications/ab-001.yaml": broken}))
    assert str(problem).endswith(
        "offered_as[0].ages: age band 'pre-16' is both approved and not approved")
