"""The command line as a centre administrator meets it: routes, help, exit codes, which
catalogue it reads, and the text it prints."""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import itertools
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from advisor import (
    DATA_DIR_ENV,
    Problem,
    check_combination,
    check_eligibility,
    default_data_dir,
    find_routes,
    issued_after,
    load_catalogue,
    text,
)
from advisor.cli import build_parser, main
from tests.test_validation import QUALIFICATION, write_catalogue

SMALL_CHECK = """\
Level 2 Certificate in Testing (001), Level 2
On 1 June 2016: Open to new learners until 31 December 2016.
  (source: A handbook, § Dates)
NOT COMPLETE: 4 of 9 credits count.
  [met] Group A, Mandatory: all 1 mandatory units held (4 credits)
  [not met] Group B, Optional: no unit yet; take at least one, for example 2 (A/100/0002) \
Solve problems, 5 credits
  [not met] Credits: 4 of 9 counted; 5 more needed
  (rules of combination: A handbook, § Structure)
Smallest completion plan (5 more credits):
  + 2 (A/100/0002) Solve problems, 5 credits"""
"""``advisor check 001 --units 1 --as-at 2016-06-01`` on the small catalogue of
tests/support/catalogues.py."""


WHILE_OPEN = "2015-06-01"  # 09628 and 09629 both took new learners then


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_routes__09628_to_level_3(capsys):
    out = run_json(capsys, "routes", "--from", "09628", "--to-level", "3",
                   "--as-at", WHILE_OPEN)
    best = out["routes"][0]
    assert [q["code"] for q in best["path"]] == ["09628", "09629"]
    (step,) = best["steps"]
    assert step["edge"] == "stated"
    assert [u["urn"] for u in step["transfers"]] == ["D/502/9654"]
    assert step["credits_transferred"] == 5
    assert [u["urn"] for u in step["plan_units"]] == ["H/502/9655", "K/502/9656"]
    assert step["additional_credits"] == 12
    assert [s["citation"] for s in step["source"]] == [
        "OCR centre handbook: Level 2 and Level 3 Certificates in Principles of Customer Service "
        "(09628, 09629), § 2.7 Progression opportunities"]
    assert out["already_there"] is False


def test_routes__each_steps_status_on_the_date_cites_its_source(capsys):
    """A step's status on the date ("whether it is open on this date is unknown") came with no
    source, where the check's status line and the route page cite one: the line after it now
    names the documents it rests on."""
    assert main(["routes", "--from", "09628", "--to-level", "3", "--limit", "1",
                 "--as-at", "2026-12-02"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("    On 2 December 2026: "))
    assert lines[at + 1].startswith("    (source: OCR Report to Centres 2014-2015: Customer "
                                    "Service, Levels 1, 2, 3 and 4, §")


def test_routes__credits_still_needed_where_the_sources_list_only_some_units(capsys):
    """From nothing to Level 3, starting at 10380: no plan (the sources list only some of its
    units), so no plan's credits, but 55 still needed, as the text and the tables say."""
    out = run_json(capsys, "routes", "--to-level", "3", "--limit", "1")
    (route,) = out["routes"]
    assert [q["code"] for q in route["path"]] == ["10380"]
    assert (route["additional_credits"], route["credits_still_needed"]) == (None, 55)
    assert route["steps"][0]["credits_still_needed"] == 55
    # Holding 09628, its units are not among those the sources list for 10380: they might
    # count, so what is still needed is not known.
    held = run_json(capsys, "routes", "--from", "09628", "--to", "10380", "--limit", "1")
    assert held["routes"][0]["credits_still_needed"] is None
    options = run_json(capsys, "recommend", "--role", "team leader")["qualifications"]
    assert next(o for o in options if o["code"] == "10380")["credits_still_needed"] == 55


def test_routes__holding_nothing_says_which_starts_suit_whom(capsys):
    """As the route page does: from nothing to Level 3, the routes starting at Level 3 and
    those building up from Level 1 are told apart; from 09628, no such words."""
    assert main(["routes", "--to-level", "3", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Holding nothing yet: the routes that start at Level 3 suit someone "
                          "whose work is already at that level")
    assert "\nRoute 1: 10380 (a starting point, no progression; at least 55 more credits)" in out
    assert main(["routes", "--from", "09628", "--to-level", "3", "--limit", "3"]) == 0
    assert "Holding nothing yet" not in capsys.readouterr().out


def test_routes__each_step_checked_for_the_age_given(capsys):
    """As the route page does: a 15-year-old is not in 09629's approved age groups."""
    out = run_json(capsys, "routes", "--from", "09628", "--to", "09629", "--age", "15",
                   "--as-at", WHILE_OPEN)
    assert out["age"] == 15
    (step,) = out["routes"][0]["steps"]
    assert [(r["code"], r["message"]) for r in step["age"]] == [
        ("age-not-approved", "Not approved for learners aged 15 (age group pre-16); approved "
                             "for: 16-18, 18+, 19+.")]
    assert main(["routes", "--from", "09628", "--to", "09629", "--age", "17",
                 "--as-at", WHILE_OPEN]) == 0
    assert "    age: Approved for age 17 (age group 16-18).\n" in capsys.readouterr().out
    # Without an age nothing is said about it.
    out = run_json(capsys, "routes", "--from", "09628", "--to", "09629", "--as-at", WHILE_OPEN)
    assert out["age"] is None and out["routes"][0]["steps"][0]["age"] is None
    assert main(["routes", "--from", "09628", "--to", "09629", "--as-at", WHILE_OPEN]) == 0
    assert "age:" not in capsys.readouterr().out


def test_routes__not_in_a_senior_role_the_routes_through_level_3_come_first(capsys):
    """As the route page does: 10381 asks for a senior role. Said not to be in one, the jump
    to 10381 is no longer the first route, and each step says whether the role is met; said
    nothing, the first route is the jump, and its step says the role it asks for."""
    out = run_json(capsys, "routes", "--from", "09628", "--to-level", "4",
                   "--not-senior-role", "--as-at", "2026-12-01")
    assert out["senior_role"] is False and out["age"] is None
    first = out["routes"][0]["steps"]
    assert [s["to"]["code"] for s in first] == ["10380", "10381"]
    assert first[0]["role"] == [] and first[0]["age"] is None  # no age given
    assert [r["code"] for r in first[1]["role"]] == ["role-not-met"]
    assert main(["routes", "--from", "09628", "--to-level", "4", "--not-senior-role",
                 "--as-at", "2026-12-01"]) == 0
    text = capsys.readouterr().out
    assert "Route 1: 09628 -> 10380 -> 10381" in text
    # Every route ends at 10381, which they cannot take: each says so before its steps.
    assert ("Route 3: 09628 -> 10381 (includes steps the documents do not state; up to 50 more "
            "credits)\n  ! This learner cannot take step 1 (10381). Not met: Learners must be "
            "working in a senior role") in text
    assert "    role: Not met: Learners must be working in a senior role" in text
    # Said nothing: the jump first, and the role it asks for said all the same, as the
    # printout says it.
    out = run_json(capsys, "routes", "--from", "09628", "--to-level", "4",
                   "--as-at", "2026-12-01")
    assert [s["to"]["code"] for s in out["routes"][0]["steps"]] == ["10381"]
    assert out["senior_role"] is None
    assert [r["code"] for r in out["routes"][0]["steps"][0]["role"]] == ["role-requirement"]


def test_routes__wanting_competence_the_routes_ending_in_one_come_first(capsys):
    """As the route page does: with --aim, each route says whether where it ends gives what
    the learner wants, and those that do come first."""
    out = run_json(capsys, "routes", "--from", "09628", "--to-level", "3", "--aim",
                   "competence", "--as-at", WHILE_OPEN)
    assert out["aim"] == "competence"
    fits = [(r["steps"][-1]["to"]["code"], r["fits_aim"]) for r in out["routes"]]
    assert fits[-1] == ("09629", False) and all(fit for _, fit in fits[:-1])
    assert out["routes"][-1]["aim_note"] == "It is a knowledge (Principles) qualification."
    assert main(["routes", "--from", "09628", "--to-level", "3", "--aim", "competence",
                 "--as-at", WHILE_OPEN]) == 0
    assert ("\n  It ends in OCR Level 3 Certificate in Principles of Customer Service (09629), "
            "which does not fit what the learner wants (competence). It is a knowledge "
            "(Principles) qualification.\n") in capsys.readouterr().out
    without = run_json(capsys, "routes", "--from", "09628", "--to-level", "3", "--as-at",
                       WHILE_OPEN)
    assert without["aim"] is None and "fits_aim" not in without["routes"][0]
    assert without["routes"][0]["steps"][-1]["to"]["code"] == "09629"


def test_routes__a_step_planned_from_a_national_structure_says_so(capsys):
    assert main(["routes", "--to-level", "2", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Route 1: OCNLR L2 Diploma CS")
    assert ("    ! The sources do not give OCNLR Level 2 Diploma in Customer Service's own unit "
            "list. This check uses the rules of the national structure S/016/608") in out


def test_routes__09628_to_03456_by_stated_steps(capsys):
    out = run_json(capsys, "routes", "--from", "600/0840/4", "--to", "03456", "--limit", "1")
    (route,) = out["routes"]
    assert [q["code"] for q in route["path"]] == ["09628", "09629", "03456"]
    assert [s["edge"] for s in route["steps"]] == ["stated", "stated"]
    assert route["documented"] is True


def test_routes__inferred_chain_is_marked(capsys):
    out = run_json(capsys, "routes", "--from", "10378", "--to-level", "4")
    (route,) = [r for r in out["routes"] if len(r["path"]) == 4]
    assert [q["code"] for q in route["path"]] == ["10378", "10379", "10380", "10381"]
    assert {s["edge"] for s in route["steps"]} == {"inferred"}
    assert all(s["source_notes"] for s in route["steps"])


def test_routes__documented_only_leaves_out_the_inferred_chain(capsys):
    out = run_json(capsys, "routes", "--from", "10378", "--to-level", "4", "--documented-only")
    assert out["routes"] == []


def test_routes__already_there(capsys):
    out = run_json(capsys, "routes", "--from", "09629", "--to-level", "2")
    assert out["already_there"] is True and out["routes"] == []
    assert main(["routes", "--from", "09629", "--to-level", "2"]) == 0
    assert capsys.readouterr().out.startswith("Already there")


def test_routes__text_shows_carry_over_and_plan(capsys):
    assert main(["routes", "--from", "09628", "--to-level", "3", "--limit", "1",
                 "--as-at", WHILE_OPEN]) == 0
    out = capsys.readouterr().out
    assert "Route 1: 09628 -> 09629 (documented; 12 more credits)" in out
    # Each unit carried over by its number in 09629 and its title, as the page's table gives
    # it, and the progression's source under the step, as the page cites it.
    assert ("    carries over 5 credits:\n      = 3 (D/502/9654) Understand the use of "
            "communication in customer service, 5 credits\n") in out
    assert ("Level 3 Certificate in Principles of Customer Service.\n    (source: OCR centre "
            "handbook: Level 2 and Level 3 Certificates in Principles of Customer Service "
            "(09628, 09629), § 2.7 Progression opportunities)\n") in out
    assert "+ 4 (H/502/9655)" in out


def test_routes__a_similar_unit_is_named_with_its_title_and_credits(capsys):
    """H/601/1571 has the title of 10380's CS 32 under another number: the step names both
    with their titles and credits (10 and 5), not two bare unit reference numbers."""
    assert main(["routes", "--units", "H/601/1571", "--to", "10380", "--as-at", WHILE_OPEN,
                 "--limit", "1"]) == 0
    assert ("    similar, for the centre to judge: H/601/1571 Gather, analyse and interpret "
            "customer feedback, 10 credits is like CS 32 (D/506/2170) Gather, analyse and "
            "interpret customer feedback, 5 credits\n") in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["routes"], "give a target"),
    (["routes", "--from", "0962", "--to-level", "3"], "09628"),
    (["routes", "--to", "S/016/608"], "national structure"),
    (["recommend", "--has", "S/016/608"], "national structure, not a qualification a learner"),
    (["frameworks", "--has", "09628,S/016/608"], "national structure, not a qualification a"),
    (["recommend", "--other-level", "8"], "no customer service qualification at Level 8"),
])
def test_routes__mistakes_exit_2_with_a_message(capsys, argv, message):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "message"), [
    (["recommend", "--age", "1" * 400], "an age of 111111111111... is not plausible"),
    (["recommend", "--age", "٣٣"], "is not a whole number of years"),
    (["routes", "--to-level", "9" * 400], "invalid choice"),
    (["routes", "--to-level", "3", "--limit", "0"], "0 is too small: give 1 or more"),
    (["routes", "--to-level", "3", "--limit", "-1"], "'-1' is not a whole number of 1 or more"),
    (["recommend", "--employment", "sometimes"], "'sometimes' is not one of: working, not"),
    (["recommend", "--other-level", "٣"], "is not a whole number of 1 or more"),
])
def test_options__bad_values_exit_2_with_a_message_and_no_traceback(capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_options__answers_are_read_as_links_and_intake_files_read_them(capsys):
    """``employed`` and ``Knowledge`` as the intake file takes them; units separated by
    semicolons as in an intake file's cell."""
    assert main(["recommend", "--employment", "employed", "--aim", "Knowledge", "--age", "20",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["profile"]["employment"], out["profile"]["aim"]) == ("working", "knowledge")
    assert main(["check", "03456", "--units", "F3; F4", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["achieved_units"]) == 2


def test_options__the_apps_unit_labels_read_as_their_units(capsys):
    """A label copied from the check page, its credits and level after commas, reads as its
    unit, as the app's box reads it; credits beside a unit number are named, not joined to
    it (D1 6 is not D16)."""
    label = "C8 (K/601/1524) Handle referred customer complaints, 10 credits, Level 4"
    assert main(["check", "03456", "--units", f"{label}, F3", "--json"]) == 0
    achieved = json.loads(capsys.readouterr().out)["achieved_units"]
    assert {u["urn"] for u in achieved} == {"K/601/1524", "K/601/1622"}
    assert main(["check", "03456", "--units", "F3, D1 6"]) == 2
    err = capsys.readouterr().err
    assert "'6' beside other words is not read as a unit number" in err
    assert "M/601/1587" not in err  # D16


def test_routes__with_nothing_held_the_routes_start_at_the_level_given(capsys):
    """A team leader suggested Level 3, not in a senior role, aiming for Level 4: the first
    route starts at Level 3 (10380), not at a Level 1 certificate."""
    assert main(["routes", "--to-level", "4", "--start-level", "3", "--not-senior-role",
                 "--as-at", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "Holding nothing yet: the first routes start at Level 3, the level suggested to start "
        "at; those that start at Level 4 suit someone whose work is already at that level.")
    assert out.splitlines()[1].startswith("Route 1: 10380 -> 10381")
    assert "10378" not in out
    assert "Start here: Level 3 is the level suggested to start at" in out


@pytest.mark.parametrize(("argv", "said"), [
    (["--from", "09628", "--to-level", "3", "--start-level", "2"], "--start-level is for a "
     "learner who holds no qualification"),
    (["--to-level", "4", "--start-level", "7"], "--start-level 7: no qualification in the "
     "catalogue is at Level 7"),
    (["--to-level", "2", "--start-level", "4"], "--start-level 4 is not below the level aimed "
     "for (Level 2)"),
])
def test_routes__a_start_level_that_cannot_shape_the_routes_is_refused(capsys, argv, said):
    assert main(["routes", *argv]) == 2
    assert said in capsys.readouterr().err


def test_help__every_command_explains_itself(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    top = capsys.readouterr().out
    for command in ("validate", "check", "carry-over", "eligibility", "recommend", "routes"):
        assert command in top
    assert "exit codes: 0 done" in top and "advisor routes --from 09628" in top
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        assert sub.description, f"{name} has no description"
        undocumented = [a.dest for a in sub._actions if not a.help]
        assert undocumented == [], f"{name}: options without help: {undocumented}"


def test_closed_pipe_is_quiet():
    """``advisor ... | head`` ends quietly, without a traceback, however much was left to print."""
    script = ("import sys; from advisor.cli import main; "
              "codes = [main(['routes', '--to-level', '4', '--limit', '20', '--json']) "
              "for _ in range(20)]; sys.exit(max(codes))")
    # A reader that takes 100 bytes and goes away.
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.read(100)
        reader.stdout.close()
        error = reader.stderr.read().decode()
        reader.wait(timeout=60)
    assert "Traceback" not in error and "BrokenPipeError" not in error


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_answer_that_cannot_be_written_is_said_without_a_traceback():
    """A full disk as the answer is written: a line saying so, and a failing exit code."""
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "advisor", "check", "03456", "--units",
                               "F3"], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=120, check=False)
    assert done.returncode == 1
    assert done.stderr == "advisor: stopped: No space left on device\n"


# ------------------------------------------------------------------ which catalogue is read


@pytest.fixture
def small_data(tmp_path, monkeypatch):
    """A tiny valid catalogue folder, with ``$ADVISOR_DATA_DIR`` unset."""
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    return write_catalogue(tmp_path)


@pytest.mark.parametrize("option", ["--data", "--data-dir"])
def test_data__reads_another_catalogue(capsys, small_data, option):
    assert main(["check", "001", "--units", "1", "--as-at", "2016-06-01",
                 option, str(small_data)]) == 0
    assert capsys.readouterr().out == SMALL_CHECK + "\n"
    assert main(["check", "09628", option, str(small_data)]) == 2  # not in that catalogue
    assert "no qualification '09628'" in capsys.readouterr().err


def test_data__every_command_that_reads_the_catalogue_takes_it():
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        if name == "register":
            continue  # it reads and writes the register only, never the catalogue
        data = next((a for a in sub._actions if "--data" in a.option_strings), None)
        assert data is not None and data.metavar == "PATH" and data.help, name
        hidden = next(a for a in sub._actions if "--data-dir" in a.option_strings)
        assert hidden.dest == data.dest and hidden.help == argparse.SUPPRESS, name


def test_data__broken_catalogue_exits_1(capsys, small_data):
    (small_data / "qualifications" / "ab-001.yaml").write_text(
        QUALIFICATION.replace("2016-12-31", "2016-13-31"), encoding="utf-8")
    assert main(["eligibility", "001", "--data", str(small_data)]) == 1
    assert capsys.readouterr().err.startswith("advisor: cannot start: the catalogue has 1 problem")


def test_data__environment_variable_is_honoured(capsys, small_data, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(small_data))
    assert default_data_dir() == small_data
    assert main(["check", "001", "--units", "1", "--as-at", "2016-06-01"]) == 0
    assert capsys.readouterr().out == SMALL_CHECK + "\n"
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith(f"The catalogue in {small_data} is valid.\n")


def test_data__option_wins_over_the_environment_variable(capsys, small_data, monkeypatch,
                                                          tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "nowhere"))
    assert main(["check", "001", "--units", "1", "--as-at", "2016-06-01",
                 "--data", str(small_data)]) == 0
    assert capsys.readouterr().out == SMALL_CHECK + "\n"


def test_validate__without_a_folder_checks_the_default_and_names_it(capsys, monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == f"The catalogue in {default_data_dir()} is valid.\n"


def test_validate__folder_or_data_option(capsys, small_data):
    for argv in (["validate", str(small_data)], ["validate", "--data", str(small_data)]):
        assert main(argv) == 0
        assert capsys.readouterr().out.splitlines()[0] == (
            f"The catalogue in {small_data} is valid.")
    assert main(["validate", str(small_data), "--data", str(small_data)]) == 2
    assert "not both" in capsys.readouterr().err


def test_validate__a_catalogue_without_an_optional_file_says_what_answers_will_lack(
        capsys, small_data):
    """A copy that lost frameworks.yaml is still valid, but says so, and every answer that
    would use it says there is none instead of printing nothing."""
    assert main(["validate", str(small_data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Note: it has no frameworks.yaml, so answers will find no apprenticeship frameworks " \
           "in it." in lines
    assert "Note: it has no job-roles.yaml, so answers will find no job roles in it." in lines
    assert not any("progression.yaml" in line for line in lines)  # it has that one
    out = run_json(capsys, "validate", str(small_data))
    assert out["absent_files"] == ["job-roles.yaml", "frameworks.yaml", "transfer-rules.yaml",
                                   "awarding-bodies.yaml"]
    assert main(["frameworks", "--data", str(small_data)]) == 0
    assert capsys.readouterr().out.startswith("This catalogue has no apprenticeship frameworks")
    assert main(["recommend", "--role", "Call Centre Operator", "--employment", "working",
                 "--data", str(small_data)]) == 0
    assert ('"Call Centre Operator" cannot be matched: this catalogue has no job roles'
            in capsys.readouterr().out)


# ----------------------------------------------------------------------- the text, directly


def test_text__check_text_is_what_check_prints(small_data):
    catalogue = load_catalogue(small_data)
    qualification = catalogue.find_qualification("001")
    check = check_combination(catalogue, qualification, ["A/100/0001"])
    assert text.check_text(catalogue, check, as_at=dt.date(2016, 6, 1)) == SMALL_CHECK


def test_text__eligibility_text_lists_every_reason_with_its_source(small_data):
    """Each reason in words, marked "!" where it is something to check or keeps the learner
    out; the codes are the JSON's, not the reader's."""
    catalogue = load_catalogue(small_data)
    result = check_eligibility(catalogue, catalogue.find_qualification("001"), age=20,
                               as_at=dt.date(2015, 6, 1))
    assert text.eligibility_text(catalogue, result).splitlines() == [
        "Level 2 Certificate in Testing (001) on 1 June 2015: Open to new learners on this date; "
        "whether this learner can start cannot be confirmed from the sources: check with the "
        "awarding body.",
        "  - Open to new learners until 31 December 2016.",
        "    (source: A handbook, § Dates)",
        "  - The sources do not say which age groups it is approved for.",
        "    (source: A handbook, § Profile)",
    ]


def test_text__routes_text_a_route_no_route_and_already_there(small_data):
    catalogue = load_catalogue(small_data)
    first, second = (catalogue.find_qualification(code) for code in ("001", "002"))
    routes = list(itertools.islice(find_routes(catalogue, from_qualification=first,
                                               to_level=3, as_at=dt.date(2016, 6, 1)), 5))
    assert text.routes_text(catalogue, routes, source=first, to_level=3, max_steps=4) == (
        "Route 1: 001 -> 002 (documented; credits needed not fully known)\n"
        "  to Level 3 Certificate in Testing (002): A progression the documents state: Learners "
        "can progress to the Level 3 certificate.\n"
        "    (source: A handbook, § Progression)\n"
        "    On 1 June 2016: The sources give no last entry date, so whether it is open on this "
        "date is unknown.\n"
        "    (source: A handbook, § Profile)\n"
        "    still needed: not known: the sources do not give its full rules, so ask the centre")
    assert text.routes_text(catalogue, [], target=second, max_steps=2,
                            as_at=dt.date(2016, 6, 1)) == (
        "No route to Level 3 Certificate in Testing (002) was found within 2 steps. Nothing in the "
        "documents leads there from what is held.")
    assert text.routes_text(catalogue, [], target=second, max_steps=2, documented_only=True,
                            as_at=dt.date(2016, 6, 1)).endswith(
        "leave out --documented-only to include steps the documents do not state, what "
        "replaced a closed qualification, and starting directly at the target.")
    assert text.routes_text(catalogue, [], source=second, to_level=3, already_there=True,
                            max_steps=4) == (
        "Already there: Level 3 Certificate in Testing (002) is at Level 3, the level aimed for.")
    assert text.routes_text(catalogue, [], source=second, to_level=1, already_there=True,
                            max_steps=4) == (
        "Already there: Level 3 Certificate in Testing (002) is at Level 3, above Level 1, the "
        "level aimed for.")
    assert text.routes_text(catalogue, [], source=second, target=second, already_there=True,
                            max_steps=4) == (
        "Already there: Level 3 Certificate in Testing (002) is the qualification aimed for, and "
        "it is held.")


def test_text__validation_text_counts_the_problems():
    assert text.validation_text("data", []) == "The catalogue in data is valid."
    problem = Problem("data/x.yaml", 3, ("a", "b"), "bad")
    assert text.validation_text("data", [problem, problem]).splitlines() == [
        "The catalogue in data has 2 problems:",
        "  data/x.yaml:3 a.b: bad",
        "  data/x.yaml:3 a.b: bad",
    ]


def test_text__imports_nothing_above_the_views():
    """views.text sits below the files layer and the command line: it never imports them."""
    tree = ast.parse(Path(text.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
    above = [name for name in imported
             if name.startswith(("advisor.formats", "advisor.cli")) or name == "advisor"]
    assert above == []


def test_frameworks__where_apprenticeships_stand_today_before_a_levels_frameworks(capsys):
    """No framework at Level 3 names what took its place: before them, the command says the
    sources do not name it and whom to ask, as a route into them does. With nothing held, it
    says how to name what a learner holds."""
    assert main(["frameworks"]) == 0
    lines = capsys.readouterr().out.splitlines()
    (today,) = [i for i, line in enumerate(lines)
                if line.startswith("Apprenticeships at Level 3: ")]
    assert "say neither when nor which standard took its place at Level 3" in lines[today]
    first_level_3 = next(i for i, line in enumerate(lines)
                         if line.startswith("Advanced Apprenticeship"))
    assert today == first_level_3 - 1
    assert not any(line.startswith("Apprenticeships at Level 2: ") for line in lines)  # ST0072
    assert lines[-1].startswith("Name the qualifications a learner holds with --has")
    out = run_json(capsys, "frameworks", "--has", "09628")
    assert [t["level"] for t in out["today"]] == [3]
    assert main(["frameworks", "--has", "09628"]) == 0
    assert "--has" not in capsys.readouterr().out.splitlines()[-1]
    # Before the 2014 framework was issued, frameworks were the way: nothing had taken their
    # place yet.
    assert main(["frameworks", "--as-at", "2012-01-01"]) == 0
    (then,) = [line for line in capsys.readouterr().out.splitlines()
               if line.startswith("Apprenticeships at Level 3: ")]
    assert then.startswith("Apprenticeships at Level 3: On 1 January 2012 apprenticeships in "
                           "England followed frameworks. At Level 3 these documents describe the "
                           "Advanced Apprenticeship in Customer Service (Level 3, with 03456 and "
                           "09629), but not when it was issued, so whether it was in use on 1 "
                           "January 2012 is not known.")
    # The 2014 frameworks did not exist yet: not listed, and the answer says so.
    assert main(["frameworks", "--as-at", "2012-01-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("Intermediate Apprenticeship") for line in lines)
    (left_out,) = [line for line in lines if line.startswith("Not listed")]
    assert left_out == (
        "Not listed, as not yet issued on 1 January 2012: Intermediate Apprenticeship in "
        "Customer Service (Level 2, framework FR03058), issued on 29 August 2014; Advanced "
        "Apprenticeship in Customer Service (Level 3, framework FR03058), issued on 29 August "
        "2014.")
    out = run_json(capsys, "frameworks", "--as-at", "2012-01-01")
    assert [f["reference"] for f in out["not_yet_issued"]] == ["FR03058", "FR03058"]
    assert [f["issued"] for f in out["not_yet_issued"]] == ["2014-08-29", "2014-08-29"]
    assert run_json(capsys, "frameworks")["not_yet_issued"] == []


def test_frameworks__every_framework_left_out_by_date_is_named_not_called_missing():
    """Were every framework issued after the date, the answer names them and when they were
    issued; it does not say the catalogue has none."""
    catalogue = load_catalogue()
    day = dt.date(2009, 1, 1)
    later = issued_after(catalogue, day)
    assert later  # the 2014 frameworks
    said = text.frameworks_text(catalogue, [], as_at=day, not_yet_issued=later)
    assert "frameworks.yaml" not in said
    assert said.startswith("None of the apprenticeship frameworks in these documents had been "
                           "issued on 1 January 2009: Intermediate Apprenticeship in Customer "
                           "Service (Level 2, framework FR03058), issued on 29 August 2014;")
    assert said.endswith("Ask a training provider which apprenticeships they offer.")


def test_frameworks__components_held_missing_or_to_check_with_statuses(capsys):
    out = run_json(capsys, "frameworks", "--has", "09628", "--as-at", "2026-11-29")
    by_id = {f["id"]: f for f in out["frameworks"]}
    level_2 = by_id["apprenticeship-customer-service-2010"]
    held = {c["id"]: c["held"] for c in level_2["components"]}
    assert held == {"technical-knowledge": True, "competence": False}
    assert level_2["missing"] == ["competence"]
    knowledge = next(c for c in level_2["components"] if c["id"] == "technical-knowledge")
    (q,) = knowledge["qualifications"]
    assert q["code"] == "09628" and q["status"]["value"] == "certification-closed"
    assert [r["code"] for r in q["status"]["replaced_by"]] == ["10379"]
    combined_2014 = by_id["intermediate-apprenticeship-customer-service-2014"]
    assert {c["kind"]: c["held"] for c in combined_2014["components"]}["employment-rights"] \
        is None
    # What took its place in England, from the secondary source; none named for the others.
    standard = combined_2014["succeeded_by"]
    assert (standard["reference"], standard["title"], standard["level"]) == (
        "ST0072", "Customer Service Practitioner", 2)
    (cited,) = standard["source"]
    assert cited["citation"].endswith("§ M. SASE / standards context (England) (secondary source)")
    assert cited["url"].startswith("https://")
    assert level_2["succeeded_by"] is None
    assert main(["frameworks", "--has", "09628"]) == 0
    text = capsys.readouterr().out
    assert ("[held] technical knowledge (the technical certificate): Held: OCR Level 2 "
            "Certificate") in text
    assert ("What took its place: In England, the Customer Service Practitioner apprenticeship "
            "standard (ST0072, Level 2) later took the place of this framework (the sources "
            "do not say when).") in text
    # The 2010 and 2014 Level 3 frameworks share a title; their headings differ, and the one
    # issued in 2014 comes first (the 2010 one matters to people who started it).
    headings = [line for line in text.splitlines()
                if line.startswith("Advanced Apprenticeship in Customer Service")]
    assert [h.removeprefix("Advanced Apprenticeship in Customer Service") for h in headings] \
        == [" (Level 3, framework FR03058)", " (Level 3, with 03456 and 09629)"]


def test_check__rules_met_after_certificates_ended_and_why_there_is_no_plan(capsys):
    units = "R/502/9652,Y/502/9653,D/502/9654"
    assert main(["check", "09628", "--units", units]) == 0
    assert "EVERY RULE MET, BUT CERTIFICATES ARE NO LONGER ISSUED: 13 of 13" in \
        capsys.readouterr().out
    assert main(["check", "09628", "--units", units, "--as-at", WHILE_OPEN]) == 0
    assert "COMPLETE: 13 of 13 credits count." in capsys.readouterr().out
    # 10380's unit list is given only in part: JSON says why there is no plan.
    out = run_json(capsys, "check", "10380")
    assert out["plan"] is None
    assert out["no_plan_reason"].startswith(
        "No completion can be planned from the units the sources list")


def test_check__rules_unmet_after_certificates_ended_cannot_be_completed(capsys):
    """As the app's headline says: 03456's certificates ended in 2019, so the units it still
    needs would not complete it now; the text and the JSON say so before their plan."""
    units = "F3,F4,A3,B2,C3,D1"
    assert main(["check", "03456", "--units", units]) == 0
    assert ("NOT COMPLETE, AND IT CAN NO LONGER BE COMPLETED: 34 of 42 credits count."
            in capsys.readouterr().out.splitlines())
    out = run_json(capsys, "check", "03456", "--units", units)
    assert out["headline"].startswith(
        "Not complete (34 of 42 credits counted), and it can no longer be completed.")
    assert out["cautions"][0].startswith(
        "Certificates for 03456 are no longer issued on this date, so no further units can "
        "complete it")
    assert out["plan"]["units"]  # what its rules would still need, for the record
    out = run_json(capsys, "check", "03456", "--units", units, "--as-at", "2015-06-01")
    assert out["headline"].startswith("Not complete yet: 34 of 42 credits counted. Still "
                                      "needed:")
    assert not any("no longer issued" in c for c in out["cautions"])


def test_carry_over__from_a_national_structure_is_refused_as_for_every_command(capsys):
    assert main(["carry-over", "--from", "S/016/608", "--to", "10379"]) == 2
    assert "S/016/608 is a national structure" in capsys.readouterr().err


def test_recommend__a_qualification_named_twice_is_held_once(capsys):
    out = run_json(capsys, "recommend", "--has", "09628,09628", "--employment", "working")
    assert [r["code"] for r in out["reasons"]].count("holds-qualification") == 1


def test_eligibility__before_it_opens_nothing_is_said_of_its_closing(capsys):
    out = run_json(capsys, "eligibility", "601/4404/X", "--age", "14", "--as-at", "2014-09-30")
    codes = [reason["code"] for reason in out["reasons"]]
    assert "not-yet-open" in codes and "dates-unknown" not in codes


def test_recommend_text__each_option_says_why_it_is_open_closed_or_not_known(capsys):
    """As the page's option does: the dates' own words, and what replaced a closed one,
    instead of "Cannot be confirmed from the sources"."""
    assert main(["recommend", "--employment", "working", "--age", "17",
                 "--as-at", "2026-11-30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert ("  10379  OCR Level 2 Diploma in Customer Service: The sources say it was launched "
            "in the autumn of 2014, but give no last entry date, so whether it is open on this "
            "date is unknown.") in lines
    (closed,) = [line for line in lines if line.startswith("  09628  ")]
    assert ("Closed to new learners: the last entry date was 31 December 2016." in closed
            and "Replaced by OCR Level 2 Diploma in Customer Service (10379)" in closed)
    assert not any("Cannot be confirmed from the sources" in line for line in lines)


def test_recommend_text__an_open_option_carries_its_cautions(capsys):
    """The pre-16 caution concerns this very learner, aged 15: the text gives it, as
    eligibility and the JSON do."""
    argv = ["recommend", "--employment", "not-working", "--age", "15", "--as-at", "2015-03-01"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert ("      ! Centres must determine the suitability of units when delivering the "
            "qualification to learners aged pre-16.") in out.splitlines()
    assert "      ! A review date is not a closing date" in out


def test_routes__a_direct_start_at_level_4_says_what_it_asks_of_the_learner(capsys):
    """10381 requires a senior role (000 § Level 4 Customer Service): a direct step into it
    says so, with its source, as the inferred step from 10380 does."""
    out = run_json(capsys, "routes", "--from", "03456")
    step = next(s for r in out["routes"] for s in r["steps"]
                if s["edge"] == "direct" and s["to"]["code"] == "10381")
    assert "for a learner who meets what it asks: Learners must be working in a senior role" in \
        step["statement"]
    assert ("OCR Report to Centres 2014-2015: Customer Service, Levels 1, 2, 3 and 4, § Level 4 "
            "Customer Service") in [s["citation"] for s in step["source"]]


def test_routes__units_held_start_where_they_count_not_back_at_the_lowest_level(capsys):
    """F3, F4 and A3 of the Level 3 NVQ: four of five routes to Level 3 began at Level 1."""
    out = run_json(capsys, "routes", "--units", "K/601/1622,J/601/1627,R/601/1212",
                   "--to-level", "3")
    assert out["routes"]
    assert all(route["path"][0]["level"] == 3 for route in out["routes"])
    assert main(["routes", "--units", "K/601/1622,J/601/1627,R/601/1212", "--to-level", "3",
                 "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith(
        "Route 1: 10380 (a starting point, no progression;")
    beginner = run_json(capsys, "routes", "--to-level", "2")  # nothing held: from Level 1 too
    assert any(route["path"][0]["level"] == 1 for route in beginner["routes"])


def test_routes__json_steps_say_what_the_text_says_of_units_held(capsys):
    out = run_json(capsys, "routes", "--from", "03455", "--to", "10380", "--limit", "1")
    step = out["routes"][0]["steps"][0]
    assert step["held_units_known"] is False
    assert step["evidence_notes"][0]["statement"].startswith(
        "The sources do not list the units of OCR Level 2 NVQ Certificate in Customer Service "
        "(03455)")
    units = run_json(capsys, "routes", "--units", "K/601/1622,J/601/1627,R/601/1212",
                     "--to-level", "3", "--limit", "1")
    assert units["routes"][0]["starting_point_only"] is True


def test_routes__a_start_at_level_4_says_what_it_asks_too(capsys):
    assert main(["routes", "--to", "10381", "--limit", "1"]) == 0
    assert ("Start here: this is the target, for a learner who meets what it asks: Learners "
            "must be working in a senior role") in capsys.readouterr().out


def test_routes__a_planned_step_is_not_noted_as_the_learners_to_confirm(capsys):
    """A route's second step starts from a qualification it plans (10379), not one held:
    "confirm them from the learner's certificate" would be wrong there."""
    out = run_json(capsys, "routes", "--units", "R/502/9652", "--limit", "5")
    later = [s for r in out["routes"] for s in r["steps"][1:]]
    assert later
    assert not any("learner's certificate" in n["statement"] for s in later
                   for n in s["evidence_notes"])


@pytest.mark.parametrize("given", [" ", ","])
def test_carry_over__a_blank_from_is_refused_plainly(capsys, given):
    assert main(["carry-over", "--from", given, "--to", "09629"]) == 2
    assert "no qualification" in capsys.readouterr().err


def test_recommend__few_level_3_descriptions_for_someone_not_working_advise_no_units(capsys):
    out = run_json(capsys, "recommend", "--employment", "not-working", "--responsibility",
                   "influence", "--responsibility", "question")
    codes = [c["code"] for c in out["cautions"]]
    assert "some-level-3-statements" not in codes and "work-not-counted" in codes


def test_recommend_text__each_caution_cites_its_source_as_the_reasons_do(capsys):
    """"Take care" gave its warnings without their sources, where "Why" cites each reason: the
    caution that competence is assessed at work names the student guide it comes from."""
    assert main(["recommend", "--age", "16", "--employment", "not-working"]) == 0
    care = capsys.readouterr().out.split("Take care:\n", 1)[1].split("What to do next:", 1)[0]
    at_work = care.split("  ! Competence (NVQ) qualifications are assessed at work", 1)[1]
    assert at_work.split("\n")[1].startswith("    (source: OCR student guide: Level 3 NVQ "
                                             "Diploma in Customer Service (03456)")


def test_recommend_text__a_passed_review_date_is_said_once(capsys):
    assert main(["recommend", "--age", "20", "--employment", "not-working",
                 "--as-at", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert out.count("Its review date (31 August 2019) has passed") == 1


def test_carry_over__a_plan_where_a_unit_held_may_count_is_the_most_needed(capsys):
    """09628's units are not among those the sources list for 10379, which lists only some of
    its units: the plan's 45 credits are "up to", with why, as a route's step says; to 09629,
    whose units are all listed, the plan is a firm figure. The JSON says which it is."""
    assert main(["carry-over", "--from", "09628", "--to", "10379"]) == 0
    assert ("Smallest completion plan (up to 45 more credits and 264 guided learning hours): the "
            "sources list only some of its units, so a unit already held may count too and "
            "leave less to do:") in capsys.readouterr().out.splitlines()
    assert main(["carry-over", "--from", "09628", "--to", "09629", "--as-at", "2015-06-01"]) == 0
    assert "Smallest completion plan (12 more credits, 80 guided learning hours):" in (
        capsys.readouterr().out.splitlines())
    assert main(["carry-over", "--from", "09628", "--to", "10379", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["held_may_count"] is True
    assert main(["carry-over", "--from", "09628", "--to", "09629", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["held_may_count"] is False


def test_check__the_awarding_bodys_unit_number_is_refused_naming_the_unit_it_may_be(capsys):
    """ "3" for 10380 is OCR's number for its unit "Understand customers and customer
    retention" (the report on the 2014 qualifications), not the unit numbered 3 in 09628."""
    assert main(["check", "10380", "--units", "3"]) == 2
    assert capsys.readouterr().err.strip() == (
        "advisor: '3' is the awarding body's number for 10380's unit 'Understand customers and "
        "customer retention', not a unit reference number; the sources suggest, by its title, "
        "that it is J/506/2910: give the unit reference number; did you mean CS 27 "
        "(J/506/2910)?")


@pytest.mark.parametrize(("qualification", "said"), [
    # 10379's units are listed only in part: a unit reference number not in these documents
    # may be one of the others (external-facts K offers L/506/1905 as its unit 30, unconfirmed).
    ("10379", "advisor: no unit 'L/506/1905' in these documents, and the sources list only some "
              "of 10379's units, so it may be one of the others: leave it out here, and ask the "
              "centre or the awarding body"),
    # 03455's are not listed at all: the number is a unit reference number, whatever is known.
    ("03455", "advisor: no unit 'L/506/1905' in these documents, and the sources do not list "
              "the units of 03455, so whether it is one of them is not known"),
])
def test_check__a_unit_reference_number_not_in_these_documents_says_what_is_known(
        capsys, qualification, said):
    assert main(["check", qualification, "--units", "L/506/1905"]) == 2
    assert capsys.readouterr().err.startswith(said)


def test_carry_over__text_cites_its_notes_and_its_status_as_the_json_does(capsys):
    """03455's units are not listed: the note saying so names its source, and the status of
    03456 on the date names the source of its dates, in the text as in the JSON."""
    assert main(["carry-over", "--from", "03455", "--to", "03456"]) == 0
    lines = capsys.readouterr().out.splitlines()
    note = next(line for line in lines if line.startswith("  note: The sources do not list"))
    assert "(source: OCR Report to Centres 2014-2015" in note
    status = next(i for i, line in enumerate(lines) if line.startswith("On "))
    assert lines[status + 1].startswith("  (source: Notes on UK Customer Service qualifications")


def test_units_not_listed_in_a_partly_listed_qualification_may_count(capsys):
    """10380's unit list is incomplete: a unit held that it does not list is one that may
    count, in the check as in the carry-over; from 03455, whose units are unknown, nothing is
    said of units held."""
    assert main(["check", "10380", "--units", "D/502/9654"]) == 0
    assert ("Held units not among those the sources list for 10380 (they list only some of "
            "its units, so these may count): D/502/9654 Understand the use of communication "
            "in customer service") in capsys.readouterr().out.splitlines()
    # Marked "?" (may count), not "x" as a unit that does not.
    assert main(["carry-over", "--from", "03456", "--to", "10380"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("  ? K/601/1622 Demonstrate understanding of customer service: "
                               "Not known") for line in out)
    assert not any(line.startswith("  x ") for line in out)
    assert main(["carry-over", "--from", "09628", "--to", "03456"]) == 0
    assert "  x D/502/9654 " in capsys.readouterr().out
    assert main(["carry-over", "--from", "03455", "--to", "10380"]) == 0
    out = capsys.readouterr().out
    assert "may still count" not in out
    assert "Whether any unit of OCR Level 2 NVQ Certificate in Customer Service (03455) " \
           "transfers is not known" in out


@pytest.mark.parametrize(("written", "said"), [
    ("01/06/2015", None),  # day first, as the app's links and the intake file read it
    ("2015-06-01", None),
    ("20150601", "is not a date: give one like 2026-09-01, 01/09/2026 or 1 September 2026"),
    ("1999-01-01", "outside the dates the advisor answers for"),
])
def test_cli__as_at_reads_a_date_as_the_app_does(capsys, written, said):
    if said is None:
        assert main(["eligibility", "09628", "--as-at", written]) == 0
        assert capsys.readouterr().out.startswith(
            "OCR Level 2 Certificate in Principles of Customer Service (09628) on 1 June 2015")
        return
    with pytest.raises(SystemExit) as exit_:
        main(["eligibility", "09628", "--as-at", written])
    assert exit_.value.code == 2
    assert said in capsys.readouterr().err


def test_check__every_unit_reference_it_does_not_know_is_named_at_once(capsys):
    """Three slips in one list: each is named, with the closest units, not only the first."""
    assert main(["check", "03456", "--units", "F33,Z9,K/601/1622"]) == 2
    err = capsys.readouterr().err
    assert "no unit 'F33' in 03456; did you mean F3 (K/601/1622)?" in err
    assert "no unit 'Z9' in 03456" in err
    # And across the options: a slip in each is named in one run.
    assert main(["check", "03456", "--units", "F9", "--accepted", "Q7", "--in-progress",
                 "Y9"]) == 2
    err = capsys.readouterr().err
    assert "--units: no unit 'F9'" in err and "--accepted: no unit 'Q7'" in err
    assert "--in-progress: no unit 'Y9'" in err


def test_check__a_mark_alone_is_said_to_name_no_unit(capsys):
    """A lone "X" (a tracker's mark for not achieved) typed as a unit was said to "say a unit in
    it may not be achieved", as if a unit were in it: it names no unit, and is said so."""
    assert main(["check", "10381", "--units", "X"]) == 2
    err = capsys.readouterr().err
    assert "'X' names no unit (it reads as a mark saying a unit is not achieved)" in err
    assert "says a unit in it" not in err
    assert main(["check", "03456", "--units", "F3,F4 in progress"]) == 2
    assert "'F4 in progress' says a unit in it may not be achieved" in capsys.readouterr().err


def test_carry_over__a_unit_that_does_not_carry_over_is_named_by_its_title_too(capsys):
    assert main(["carry-over", "--from", "09628", "--to", "03456"]) == 0
    assert ("  x R/502/9652 Understand the principles of customer service: Not part of OCR "
            "Level 3 NVQ Diploma in Customer Service") in capsys.readouterr().out


def test_check__the_level_4_units_question_is_not_raised_once_certificates_have_ended(capsys):
    """In June 2015 the check says to ask the awarding body whether A17 (Level 4) counts; once
    03456's certificates have ended no unit can be taken for it, so the question is not
    raised."""
    units = "F3,F4,A3,B2,C3,D1,A17"
    assert main(["check", "03456", "--units", units, "--as-at", "2015-06-01"]) == 0
    assert "  ! But the units held above Level 3 would meet it" in capsys.readouterr().out
    assert main(["check", "03456", "--units", units, "--as-at", "2026-12-01"]) == 0
    assert "above Level 3 would meet" not in capsys.readouterr().out


def test_routes__none_that_can_be_started_is_said_first(capsys):
    """Not in a senior role and holding 03456, the only route to Level 4 starts with 10381,
    which needs one: the text says first that no route found can be started, and whom to ask,
    as the route page does."""
    assert main(["routes", "--from", "03456", "--to-level", "4", "--not-senior-role",
                 "--as-at", "2015-06-01"]) == 0
    out = capsys.readouterr().out
    assert ("! None of the routes found can be started by this learner: each begins with a "
            "qualification not open to them") in out
    assert main(["routes", "--from", "03456", "--to-level", "4", "--senior-role",
                 "--as-at", "2015-06-01"]) == 0
    assert "None of the routes found" not in capsys.readouterr().out


def test_check__certificates_ended_never_says_nothing_more_is_needed(capsys):
    """03456's certificates ended in 2019: with the units in progress meeting every rule, the
    check must not add "Nothing more is needed beyond the units in progress" under a headline
    saying it can no longer be completed (the app and the record say neither)."""
    assert main(["check", "03456", "--units", "F3,F4,A3,B2,C3", "--accepted", "C6",
                 "--in-progress", "D1", "--as-at", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "NOT COMPLETE, AND IT CAN NO LONGER BE COMPLETED" in out
    assert "Nothing more is needed" not in out
    assert main(["check", "03456", "--units", "F3,F4,A3,B2,C3", "--accepted", "C6",
                 "--in-progress", "D1", "--as-at", "2016-12-01"]) == 0
    assert "Nothing more is needed beyond the units in progress" in capsys.readouterr().out


def test_check__a_second_note_for_one_unit_is_refused_not_lost(capsys):
    """Two --note for C6: the second would silently replace the first; the CLI says so."""
    assert main(["check", "03456", "--units", "F3", "--accepted", "C6", "--note", "C6=seen",
                 "--note", "C6=again"]) == 2
    assert "--note C6: given twice" in capsys.readouterr().err


def test_check__a_unit_held_with_the_title_of_one_of_its_units_is_offered_to_accept(capsys):
    """H/601/1571 held, checked against 10380: its title is 10380's CS 32's, under another
    unit reference number; as the app offers, the CLI says the centre may accept it, and how."""
    assert main(["check", "10380", "--units", "H/601/1571"]) == 0
    out = capsys.readouterr().out
    assert ("  ~ H/601/1571 has the same title as CS 32 (D/506/2170) Gather, analyse and "
            "interpret customer feedback: the centre may accept it for that unit (--accepted "
            "D/506/2170)") in out


def test_routes__not_working_is_in_no_senior_role_as_on_the_route_page(capsys):
    """Not working, the learner is in no senior role: the route to Level 4 goes through 10380
    first and says 10381's condition is not met, as the route page does."""
    out = run_json(capsys, "routes", "--employment", "not-working", "--from", "09628",
                   "--to-level", "4")
    assert [s["to"]["code"] for s in out["routes"][0]["steps"]] == ["10380", "10381"]


@pytest.mark.parametrize("profile", [
    ["--age", "19", "--employment", "working", "--has", "09628"],
    ["--age", "40", "--employment", "working", "--role", "Customer Service Team Leader"],
    ["--age", "16", "--employment", "not-working", "--as-at", "2015-06-01"],
])
def test_recommend__routes_to_plan_next_are_commands_that_run(capsys, profile):
    """The CLI twin of *Find a starting level*'s links: each route offered is an `advisor
    routes` command, and each command runs and finds routes."""
    out = run_json(capsys, "recommend", *profile)
    commands = [offer["command"] for offer in out["route_offers"]]
    assert commands and all(c.startswith("advisor routes ") for c in commands)
    for command in commands:
        assert main([*shlex.split(command)[1:], "--json"]) == 0, command
        assert json.loads(capsys.readouterr().out)["routes"], command


def test_text__the_qualification_each_answer_is_about_is_named_with_its_code(capsys):
    """The carry-over's target, eligibility's qualification and each route step give the code
    beside the title, as the check's first line and the app's steps do: a title alone ("OCR
    Level 3 Certificate in Principles of Customer Service") leaves an adviser to look it up."""
    name = "OCR Level 3 Certificate in Principles of Customer Service (09629)"
    assert main(["carry-over", "--from", "09628", "--to", "09629"]) == 0
    assert capsys.readouterr().out.startswith(f"Carry-over to {name}:")
    assert main(["eligibility", "09629", "--as-at", "2015-06-01"]) == 0
    assert capsys.readouterr().out.startswith(f"{name} on 1 June 2015: ")
    assert main(["routes", "--from", "09628", "--to", "09629", "--as-at", "2015-06-01"]) == 0
    assert f"\n  to {name}: A progression the documents state" in capsys.readouterr().out


def test_recommend__text_gives_the_jobs_at_the_level_and_how_to_reach_the_awarding_bodies(
        capsys):
    """The starting-level page lists example jobs at the level and, after its next steps, how
    to reach each awarding body it tells the learner to ask; the CLI's text left both out
    (the JSON had the jobs only): now both say them, the contacts with their source."""
    argv = ["recommend", "--employment", "working", "--age", "20", "--as-at", "2026-12-02"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "\nExamples of jobs at this level: Customer Service Agents, " in out
    assert ("\nTo reach the awarding body: OCR (Oxford Cambridge and RSA Examinations): website "
            "www.ocr.org.uk, telephone 024 76 851509, email vocational.qualifications@ocr.org.uk."
            " Its documents give these, and they may have changed since: start from the "
            "website. (source: OCR Report to Centres 2014-2015") in out
    bodies = run_json(capsys, *argv)["awarding_bodies"]
    assert [b["name"] for b in bodies] == ["OCN London", "OCR"]
    assert bodies[1]["website"] == "www.ocr.org.uk" and bodies[1]["source"][0]["citation"]


@pytest.mark.parametrize("command", ["carry-over", "routes"])
def test_help__units_says_a_unit_number_is_read_within_the_qualification_from(capsys, command):
    """carry-over and routes read a unit number such as F3 within --from's qualification, not
    the target's: their --units help said "within the qualification", so 'carry-over --to
    03456 --units F3' was refused with no hint of why."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_ = " ".join(capsys.readouterr().out.split())
    assert "or with --from unit numbers within that qualification (F3)" in help_


@pytest.mark.parametrize("argv", [
    "--age 17 --employment not-working",
    "--age 30 --employment working --role 'call centre operator' --has 09628",
    "--age 19 --employment working --has 03456 --aim competence",
    "--age 19 --employment not-working --aim knowledge --has 09628",
    "--age 25 --employment working --has 10379 --aim knowledge",
    "--as-at 2013-06-01 --age 25 --employment not-working --aim competence",
    "--as-at 2015-06-01 --age 25 --employment working --has 09628 --aim competence",
    "--age 20 --employment working --has 09628 --aim knowledge",
])
def test_recommend__the_next_steps_speak_of_the_learner_as_the_rest_does(capsys, argv):
    """The command line is read by staff, and its reasons say "the learner": so do its next
    steps and the routes it offers, not "you" as the page the learner reads does."""
    assert main(["recommend", *shlex.split(argv)]) == 0
    out = capsys.readouterr().out
    assert "What to do next:" in out
    spoken_to = [line for line in out.splitlines()
                 if re.search(r"\b(you|your)\b", line, flags=re.IGNORECASE)]
    assert spoken_to == []


def test_recommend__under_16_wanting_an_apprenticeship_text_and_json_agree(capsys):
    """``advisor recommend --age 14 --employment not-working --aim apprenticeship``: the text
    and the JSON give the engine's next step for someone under 16 (the sources give no age at
    which an apprenticeship can start; a careers adviser, not an employer, to ask), with its
    sources."""
    argv = ["recommend", "--age", "14", "--employment", "not-working", "--aim",
            "apprenticeship"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    steps = out.split("What to do next:")[1]
    assert "The sources give no age at which an apprenticeship can start." in steps
    assert "Ask an employer" not in out
    assert "001_1a36f8904fba0327" not in steps  # sources by title, as the rest
    assert "§ 2.1 Qualification profile" in steps
    first = run_json(capsys, *argv)["next_steps"][0]
    assert first["message"].startswith("The sources give no age at which an apprenticeship "
                                       "can start.")
    assert first["message"] in steps
    assert any(s["section"] == "Entry guidance" for s in first["source"])


def test_routes__not_working_wanting_knowledge_a_route_to_10379_does_not_simply_fit(capsys):
    """``advisor routes`` for a 16-year-old not working who wants knowledge: each route ending
    in 10379 (its competence assessed at work) is said to fit only with a job or a work
    placement, with why and its source, in the text and in the JSON alike."""
    argv = ["routes", "--to-level", "2", "--start-level", "1", "--age", "16", "--employment",
            "not-working", "--aim", "knowledge"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    said = ("It ends in OCR Level 2 Diploma in Customer Service (10379), which fits what the "
            "learner wants (knowledge), but only with a job or a work placement. It combines "
            "knowledge and competence")
    assert said in out
    assert "(10379), which fits what the learner wants (knowledge). " not in out
    routes = run_json(capsys, *argv)["routes"]
    to_10379 = [r for r in routes if r["steps"][-1]["to"]["code"] == "10379"]
    assert to_10379 and all(r["fits_aim"] is True and r["aim_needs_work"] for r in to_10379)
    assert to_10379[0]["aim_note"].startswith("It combines knowledge and competence")
    assert to_10379[0]["aim_note"] in out
    assert any(s["section"] == "ASSESSMENT" for s in to_10379[0]["aim_source"])


def test_routes__under_16_wanting_an_apprenticeship_is_not_sent_to_an_employer(capsys):
    """``advisor routes`` for a 14-year-old who wants an apprenticeship: where apprenticeships
    stand today is said as Find a starting level says it to someone under 16 (no source gives
    an age at which one can start; ask a careers adviser), not as a step to ask an employer,
    in the text and the JSON alike; at 16 the step is as before."""
    argv = ["routes", "--to-level", "3", "--aim", "apprenticeship", "--as-at", "2026-12-02"]
    assert main([*argv, "--age", "14"]) == 0
    out = capsys.readouterr().out
    assert "The sources give no age at which an apprenticeship can start." in out
    assert "Ask an employer" not in out
    said = {r["apprenticeships_today"] for r in run_json(capsys, *argv, "--age", "14")["routes"]
            if r.get("apprenticeships_today")}
    assert said and all(s.startswith("The sources give no age") for s in said)
    assert main([*argv, "--age", "16"]) == 0
    assert "The sources give no age at which an apprenticeship can start." not in (
        capsys.readouterr().out)
