"""The engine on the real catalogue: every worked example, and each rule kind, table-driven."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from advisor import (
    YOU_ON_SCREEN,
    Objective,
    ReasonCode,
    RuleKind,
    Status,
    UnknownReference,
    age_bands_for,
    carry_over,
    check_combination,
    check_eligibility,
    describe_unit,
    labels,
    load_catalogue,
    read_typed_units,
    resolve_units,
    split_unit_references,
    status_on,
    tables,
)
from advisor.catalogue import AgeCaution
from advisor.cli import main
from tests.support.catalogues import QUALIFICATION, REPLACED, SECOND, write_catalogue

TODAY = dt.date(2026, 11, 22)


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


# ------------------------------------------------------------------------ worked examples (CLI)


def test_check__09628_complete_with_all_three_units(capsys):
    out = run_json(capsys, "check", "09628", "--units", "R/502/9652,Y/502/9653,D/502/9654")
    assert out["complete"] is True
    assert (out["credits_counted"], out["credits_required"]) == (13, 13)
    assert out["unmet"] == []
    assert out["plan"]["units"] == [] and out["plan"]["additional_credits"] == 0


def test_check__09628_with_unit_3_only(capsys):
    out = run_json(capsys, "check", "09628", "--units", "D/502/9654")
    assert out["complete"] is False
    assert out["credits_counted"] == 5
    assert [u["urn"] for u in out["plan"]["units"]] == ["R/502/9652", "Y/502/9653"]
    assert out["plan"]["additional_credits"] == 8
    assert out["qualification"]["code"] == "09628" and out["qualification"]["level"] == 2
    assert {"id", "met", "message"} <= set(out["rules"][0])


def test_carry_over__09628_to_09629(capsys):
    out = run_json(capsys, "carry-over", "--from", "09628", "--to", "09629")
    assert [u["urn"] for u in out["transfers"]] == ["D/502/9654"]
    assert out["credits_transferred"] == 5
    plan = out["remaining"]["plan"]
    assert [u["urn"] for u in plan["units"]] == ["H/502/9655", "K/502/9656"]
    assert plan["additional_credits"] == 12


def test_check__03456_needs_ten_level_3_credits_not_eight(capsys):
    out = run_json(capsys, "check", "03456", "--units", "F3,F4,A3,B2,C3,D1")
    assert (out["credits_counted"], out["credits_required"]) == (34, 42)
    assert out["plan"]["additional_credits"] == 10
    assert [u["number"] for u in out["plan"]["units"]] == ["C6"]
    unmet = {r["id"] for r in out["unmet"]}
    assert unmet == {"optional-credits", "optional-level-3", "total-credits"}


def test_eligibility__09628_closed_to_entry(capsys):
    out = run_json(capsys, "eligibility", "09628", "--age", "20", "--as-at", "2026-11-22")
    assert out["eligible"] is False
    codes = [r["code"] for r in out["reasons"]]
    assert "closed-to-entry" in codes
    closed = next(r for r in out["reasons"] if r["code"] == "closed-to-entry")
    assert "31 December 2016" in closed["message"]
    assert [s["citation"] for s in closed["source"]] == [
        "OCR centre handbook: Level 2 and Level 3 Certificates in Principles of Customer Service "
        "(09628, 09629), § 2.1 Qualification profile"]


@pytest.mark.parametrize(("argv", "expected"), [
    (["check", "0962"], "no qualification '0962' in the catalogue; did you mean 09629, 09628"),
    (["check", "09628", "--units", "X/123"], "no unit 'X/123' in the catalogue"),
    (["check", "03456", "--units", "F33"], "did you mean F3 (K/601/1622)"),
])
def test_cli__unknown_references_exit_2_with_suggestions(capsys, argv, expected):
    assert main(argv) == 2
    assert expected in capsys.readouterr().err


def test_cli__regulator_number_and_unit_numbers_name_the_same_things(capsys):
    by_code = run_json(capsys, "check", "09628", "--units", "3")
    by_qan = run_json(capsys, "check", "600/0840/4", "--units", "D/502/9654")
    assert by_code["credits_counted"] == by_qan["credits_counted"] == 5


# ------------------------------------------------------------------------------ rule kinds


def _check(catalogue, code, units, **kwargs):
    q = catalogue.find_qualification(code)
    return check_combination(catalogue, q, resolve_units(catalogue, units, q), **kwargs)


def _rule(check, rule_id):
    return next(r for r in check.rules if r.id == rule_id)


@pytest.mark.parametrize(("code", "units", "rule_id", "met", "fragment"), [
    # mandatory units
    ("09628", ["1", "2"], "group-A-mandatory", False, "still needed: 3 (D/502/9654)"),
    ("09628", ["1", "2", "3"], "group-A-mandatory", True, "all 3 mandatory units held"),
    # at least one unit from each optional group
    ("03456", ["F3", "F4", "A3", "B2", "C3"], "group-E-units", False,
     "Group E, Development and improvement: no unit yet; take at least one, for example"),
    ("03456", ["F3", "F4", "C3"], "group-D-units", True, "1 unit held"),
    # minimum credits in a group
    ("601/4404/X", ["A/506/2094"], "group-B-credits", False, "3 of at least 6 credits"),
    ("601/4404/X", ["A/506/2094", "A/506/2113"], "group-B-credits", True, "6 of at least 6"),
    # maximum credits: the excess does not count
    ("601/4404/X", ["F/503/0392", "F/503/0361"], "group-C-max", True,
     "6 credits held, but at most 3 count"),
    # credits at a level within a named part
    ("03456", ["F3", "F4", "C5", "C7"], "optional-level-3", True, "met, with 12 credits"),
    ("03456", ["F3", "F4", "A17"], "optional-level-3", False,
     "units above Level 3 are not counted here: the document says 'at Level 3', not 'or "
     "above'; ask the awarding body whether a higher-level unit counts"),
])
def test_rules__each_kind(catalogue, code, units, rule_id, met, fragment):
    result = _rule(_check(catalogue, code, units), rule_id)
    assert result.met is met
    assert fragment in result.message
    assert result.source


def test_rules__credits_over_a_group_maximum_do_not_count(catalogue):
    check = _check(catalogue, "601/4404/X", ["F/503/0392", "F/503/0361"])
    assert check.credits_counted == 3


def test_rules__a_unit_counts_once(catalogue):
    once = _check(catalogue, "09628", ["3"])
    twice = _check(catalogue, "09628", ["3", "D/502/9654"])
    assert once.credits_counted == twice.credits_counted == 5


def test_rules__inferred_structure_is_used_and_said(catalogue):
    check = _check(catalogue, "10378", [])
    assert check.known and check.rules_from.structure_reference == "S/016/371"
    assert any("inferred" in c for c in check.cautions)
    assert any("Based on the units known" in c for c in check.cautions)


def test_rules__unknown_structure_says_so(catalogue):
    check = _check(catalogue, "03455", [])
    assert not check.known and check.plan is None and not check.complete
    assert any("do not list the units of" in c for c in check.cautions)


def test_check_text__rules_known_only_in_words_are_given_with_their_source(catalogue, capsys):
    """03455: a secondary source gives its credit totals, not its units. The text says the units
    cannot be checked, and gives what is known as that source's, not as bare cautions beside a
    line saying the rules are not given."""
    assert main(["check", "03455"]) == 0
    out = capsys.readouterr().out
    assert "do not give the rules" not in out
    said = out[out.index("What the sources say about its rules:"):]
    assert said.splitlines()[1] == ("    - 28 credits in total, 8 from mandatory units and 20 from "
                                    "optional units.")
    assert "§ J. 2010-generation NVQ rules of combination" in said and "(secondary source)" in said


def test_plan__hours_objective_falls_back_when_hours_unknown(catalogue):
    check = _check(catalogue, "03456", ["F3"], objective=Objective.GLH)
    assert check.plan.objective is Objective.CREDITS
    assert "not stated" in check.plan.note


def test_plan__hours_objective_where_hours_are_known(catalogue):
    check = _check(catalogue, "601/4404/X", [], objective=Objective.GLH)
    assert check.plan.objective is Objective.GLH
    assert check.plan.additional_glh is not None


# ------------------------------------------------------------------------------ eligibility


@pytest.mark.parametrize(("age", "bands"), [
    (15, ("pre-16",)), (16, ("16-18",)), (18, ("16-18", "18+")), (19, ("18+", "19+")),
])
def test_eligibility__age_bands(age, bands):
    assert age_bands_for(age) == bands


@pytest.mark.parametrize(("code", "age", "as_at", "eligible", "expected_code"), [
    ("09628", 15, dt.date(2015, 1, 1), False, ReasonCode.AGE_NOT_APPROVED),
    ("09628", 17, dt.date(2015, 1, 1), True, ReasonCode.OPEN_TO_ENTRY),
    ("09629", 30, TODAY, False, ReasonCode.CERTIFICATION_CLOSED),
    ("601/4404/X", 30, dt.date(2014, 9, 1), False, ReasonCode.NOT_YET_OPEN),
    ("601/4404/X", 30, TODAY, None, ReasonCode.DATES_UNKNOWN),
    ("601/4404/X", 14, TODAY, None, ReasonCode.AGE_CAUTION),
    ("03454", 30, TODAY, False, ReasonCode.CLOSED_TO_ENTRY),
    ("10381", 30, TODAY, None, ReasonCode.ROLE_REQUIREMENT),
    ("S/016/608", 30, TODAY, False, ReasonCode.NOT_A_QUALIFICATION),
])
def test_eligibility__cases(catalogue, code, age, as_at, eligible, expected_code):
    result = check_eligibility(catalogue, catalogue.find_qualification(code), age=age,
                               as_at=as_at)
    assert result.eligible is eligible
    assert expected_code in {r.code for r in result.reasons}


@pytest.mark.parametrize(("code", "expected"), [
    # Section H gives 03454's closing date; 03456's is the end of the month of a handbook that
    # says only that it was closed: no document says "closed by 28 February 2019".
    ("03454", "Closed to new learners: a later document says it was closed to new learners by "
              "31 August 2018."),
    ("03456", "Closed to new learners: it had closed to new learners by 28 February 2019 at the "
              "latest (worked out from a later document that says it was closed, without giving "
              "the date)."),
])
def test_eligibility__a_closed_by_date_says_whether_a_document_gives_it(catalogue, code,
                                                                        expected):
    result = check_eligibility(catalogue, catalogue.find_qualification(code), as_at=TODAY)
    closed = next(r for r in result.reasons if r.code is ReasonCode.CLOSED_TO_ENTRY)
    assert closed.message == expected


def test_eligibility__a_legacy_qualification_by_inference_is_not_said_to_be_called_so(catalogue):
    """No source calls 04522 legacy (the catalogue reads it from a later list leaving it out):
    the answer must not say the sources describe it so."""
    result = check_eligibility(catalogue, catalogue.find_qualification("04522"),
                               as_at=dt.date(2013, 3, 1))
    unknown = next(r for r in result.reasons if r.code is ReasonCode.DATES_UNKNOWN)
    assert "describe it as a legacy" not in unknown.message
    assert "legacy qualification" in unknown.message


@pytest.mark.parametrize(("reference", "opened", "cited"), [
    ("10380", "The sources say it was launched in the autumn of 2014, but give",
     ("000_877957cfe4770bfa.txt", "1. Overview:")),
    ("601/4404/X", "It opened on 1 October 2014, but the sources give",
     ("004_70450870fa016f48.txt", "Qualification details")),
    ("03455", "The sources give", None),  # nothing says when it opened
])
def test_eligibility__a_status_not_known_says_when_it_opened_where_the_sources_do(
        catalogue, reference, opened, cited):
    """No last entry date: whether it is still open is not known, but that it had opened is,
    with the source that says so."""
    result = check_eligibility(catalogue, catalogue.find_qualification(reference), as_at=TODAY)
    unknown = next(r for r in result.reasons if r.code is ReasonCode.DATES_UNKNOWN)
    assert unknown.message.startswith(
        f"{opened} no last entry date, so whether it is open on this date is unknown.")
    if cited is not None:
        assert cited in {(c.doc, c.section) for c in unknown.source}


def test_eligibility__certificates_ended_with_no_entry_date_is_a_no(catalogue):
    """Certificates no longer issued bar a new learner even where the sources (or the register)
    give no last entry date."""
    q = catalogue.find_qualification("09628")
    only_certification = q.model_copy(update={"dates": q.dates.model_copy(
        update={"last_entry": None, "closed_to_entry_by": None})})
    result = check_eligibility(catalogue, only_certification, age=20, as_at=TODAY)
    assert result.status.status is Status.CERTIFICATION_CLOSED
    assert result.eligible is False
    assert result.summary == "Closed to new learners on this date."
    # Nothing says, beside it, that whether it is open is unknown.
    assert ReasonCode.DATES_UNKNOWN not in {r.code for r in result.reasons}
    assert "unknown" not in labels.entry_status_line(result)


def test_eligibility__a_national_structure_is_not_enrolled_on_whatever_its_dates(catalogue):
    result = check_eligibility(catalogue, catalogue.find_qualification("S/016/608"), age=30,
                               as_at=TODAY)
    assert [r.code for r in result.reasons] == [ReasonCode.NOT_A_QUALIFICATION]
    assert result.summary == ("Not a qualification to enrol on: learners enrol on an "
                                "awarding body's version of this national structure.")


def test_eligibility__no_last_entry_date_but_a_last_certification_date_says_it(catalogue):
    """03454 gives no last entry date, so whether it is open is not known; but its certificates
    end on 31 August 2018, which a learner asking the day before must hear."""
    q = catalogue.find_qualification("03454")
    result = check_eligibility(catalogue, q, age=20, as_at=dt.date(2018, 8, 30))
    (unknown,) = [r for r in result.reasons if r.code is ReasonCode.DATES_UNKNOWN]
    assert "Certificates are issued until 31 August 2018." in unknown.message
    assert any(c.doc == "external-facts.md" for c in unknown.source)


def test_eligibility__level_4_needs_a_senior_role(catalogue):
    q = catalogue.find_qualification("10381")
    refused = check_eligibility(catalogue, q, age=40, as_at=TODAY, senior_role=False)
    assert refused.eligible is False
    assert ReasonCode.ROLE_NOT_MET in {r.code for r in refused.reasons}


@pytest.mark.parametrize(("code", "typed", "found", "unknown"), [
    # A spreadsheet column pasted into a one-line box arrives with spaces for line breaks.
    ("03456", "F3 F4 A3", ["F3", "F4", "A3"], []),
    ("10379", "CS7, cs 8; CS 9 CS 10", ["CS 7", "CS 8", "CS 9", "CS 10"], []),
    ("10379", "B&A 38 M&L 1", ["B&A 38", "M&L 1"], []),
    ("03456", "F 4, X9, D/502/9654", ["F4"], ["X9", "D/502/9654"]),  # 09628's unit: named
    ("03456", "F3 Z7", ["F3"], ["Z7"]),
    ("03456", "F3 and F4", ["F3", "F4"], []),  # not "and" as a unit not found
    ("09628", "Unit 1, Unit 2", ["1", "2"], []),
    ("10379", "Deal with customers", [], ["Deal with customers"]),  # a title: one reference
    # Several words that look like references, none a unit: each named, none cut off.
    ("03456", "F/601/1519 unit 12 F44", [], ["F/601/1519", "Unit 12", "F44"]),
    # Numbers that "Units" says are units: each named, alone, in a list or as a range; a
    # number straight after another is not (it may be credits).
    ("09628", "units (1, 3)", ["1", "3"], []),
    ("09628", "Units 1 and 3", ["1", "3"], []),
    ("09628", "units 1 & 2", ["1", "2"], []),
    ("09628", "Units 1-3", ["1", "2", "3"], []),
    ("09628", "units 2 to 3 achieved", ["2", "3"], []),
    ("09628", "Unit 2 3", ["2"], ["3"]),
    # ... apart by commas too, the list not cut off from "Units" (but a credit is no unit)
    ("09628", "Units 1, 2 and 3 \u2013 achieved", ["1", "2", "3"], []),
    ("09628", "Unit 1, 2", ["1", "2"], []),
    ("03456", "Units F3 and A3", ["F3", "A3"], []),
    # Other ways people write a list, and a URN typed with spaces.
    ("03456", "F3/F4/A3", ["F3", "F4", "A3"], []),
    ("03456", "F3+F4, A3.", ["F3", "F4", "A3"], []),
    ("10379", "CS 7/CS 8", ["CS 7", "CS 8"], []),
    ("03456", "K 601 1622", ["F3"], []),
    # ... or with spaces round its slashes (copied from a PDF), hyphens, full stops or none
    ("03456", "K / 601 / 1622, j-601-1627", ["F3", "F4"], []),
    ("03456", "K.601.1622; J6011627", ["F3", "F4"], []),
    # Rows copied from a table (the plan's, a spreadsheet's, a document's): by their URNs
    # where they have any, else cell by cell; credits, levels and titles are not named.
    ("03456", "C6\tApply risk assessment to customer service\t10\t3 C3\tSupport\t6\t2",
     ["C6", "C3"], []),
    ("03456", "| C3 | M/601/1511 | Title | 6 | 2 |\n| F3 | K/601/1622 | Title | 6 | 3 |",
     ["C3", "F3"], []),
    ("03456", "F3\tTitle\t6\tF44\tTitle\t3", ["F3"], ["F44"]),
    # 09628's units are numbered 1 to 3: digits in a table are its credits and levels as
    # likely, so never read as units ("Unit 1" is); what cannot be read is said.
    ("09628", "1\tUnderstand the principles\t3\t1\n2\tUnderstand the rules\t5\t2", [],
     ["1 Understand the pr…"]),
    ("09628", "Unit 1\tTitle\t3 credits\tLevel 2", ["1"], []),
    # A URN in one cell does not hide the unit numbers in the others; full stops aside.
    ("03456", "K/601/1622 | A3 | F4", ["F3", "A3", "F4"], []),
    ("03456", "X/999/9999\tF3.", ["F3"], ["X/999/9999"]),
    ("03456", "Title only\tmore words", [], ["Title only more wor…"]),
    # A list's numbering, and credits or a level written beside a unit, are not units, even
    # where 09628 and 09629 number their units 1 to 5: only numbers alone are (a column).
    ("09628", "1. D/502/9654", ["3"], []),
    ("09629", "H/502/9655 6 credits Level 3", ["4"], []),
    ("09628", "D/502/9654 5 credits Level 2", ["3"], []),
    ("03456", "1. F3\n2) F4\na) A3", ["F3", "F4", "A3"], []),
    ("09628", "1 2 3", ["1", "2", "3"], []),
    ("09628", "1 D/502/9654", ["3"], ["1"]),  # named: not silently one more unit
])
def test_typed_units__lists_columns_and_spacing_are_read(catalogue, code, typed, found,
                                                         unknown):
    q = catalogue.find_qualification(code)
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, code, found), unknown)


@pytest.mark.parametrize(("code", "typed", "said"), [
    ("03456", "Dl", "Dl (did you mean D1 (T/601/1526)?)"),  # a letter for a digit
    ("03456", "F44", "F44 (did you mean F4 (J/601/1627)?)"),
    # Another scheme's number is not taken for a slip; it is named as that scheme's unit:
    # 03456's F3 typed for 09628, the national structure's CS 17 (10379's) for 03456.
    ("09628", "F3", "F3 (not a unit number of 09628: it is K/601/1622 in 03456)"),
    ("03456", "CS 17", "CS 17 (not a unit number of 03456: it is A/506/2158 in the national "
                       "structure S/016/608, which OCNLR L2 Diploma CS and 10379 are inferred "
                       "to follow)"),
    # OCN London's code for a unit 10378 also holds (by the structure it follows): the unit
    # reference number to type instead.
    ("10378", "AA3/1/LQ/001", "AA3/1/LQ/001 (not among the unit numbers the sources give "
                              "10378: it is A/506/1799 in 601/4404/X (a unit of 10378 too: "
                              "type A/506/1799))"),
    ("03456", "=1+1", "=1+1"),
    # One of its own unit numbers, typed beside other words: why it was not read.
    ("09628", "1", "1 (a number beside other words is not read as a unit number: it may be a "
                   "list's numbering, credits or a level; type Unit 1 or R/502/9652)"),
    # Another qualification's unit: whose it is.
    ("03456", "D/502/9654", "D/502/9654 (a unit of 09628 and 09629, not of 03456)"),
    # A national structure's unit: the structure's, said to be one, with those inferred to
    # follow it (not as their own unit: that is not a document's word).
    ("03456", "A/506/2158", "A/506/2158 (a unit of the national structure S/016/608, which "
                            "OCNLR L2 Diploma CS and 10379 are inferred to follow, not of "
                            "03456)"),
])
def test_typed_unit_words__a_slip_is_suggested_and_another_qualifications_unit_named(
        catalogue, code, typed, said):
    assert labels.typed_unit_words(catalogue, typed, catalogue.find_qualification(code)) == said


F3_LABEL = "F3 (K/601/1622) Demonstrate understanding of customer service"
F4_LABEL = ("F4 (J/601/1627) Demonstrate understanding of the rules that impact on improvements "
            "in customer service")


@pytest.mark.parametrize(("code", "typed", "found", "unknown"), [
    # The page's own unit list, its plan and the record write units so.
    ("03456", f"{F3_LABEL}, 6 credits, Level 3", ["F3"], []),
    ("03456", f"{F3_LABEL}, 6 credits", ["F3"], []),
    ("03456", F3_LABEL.replace("(K/601/1622)", "K/601/1622") + ", 6 credits, Level 3", ["F3"],
     []),  # a checkbox's label
    ("03456", f"{F3_LABEL}, 6 credits (evidence: certificate from 2012, seen)", ["F3"], []),
    ("10379", "CS 10 (H/506/2154) Deal with incoming telephone calls from customers", ["CS 10"],
     []),
    # A title with commas in it, and a column of labels pasted on one line.
    ("03456", "B13 (A/601/1236) Plan, organise and control customer service operations, 10 "
              f"credits, Level 3 {F4_LABEL}, 6 credits, Level 3", ["B13", "F4"], []),
    # The record's answers: labels without credits, one after another.
    ("03456", f"{F3_LABEL}; {F4_LABEL}", ["F3", "F4"], []),
    ("03456", "F3 (K/601/1622)", ["F3"], []),  # the brackets are not part of the reference
    # Unknown references beside a label are still named, and so is a title typed alone.
    ("03456", f"{F3_LABEL}, 6 credits, Level 3, ZZ9, Q/999/9999", ["F3"], ["ZZ9", "Q/999/9999"]),
    ("03456", "F3 (Q/999/9999) Demonstrate understanding of customer service", ["F3"],
     ["Q/999/9999"]),
    ("03456", "Demonstrate understanding of customer service", [], ["Demonstrate underst…"]),
    ("03456", "F3, 6 credits", ["F3"], []),  # beside a unit, its credits: passed over
    # Another qualification's unit: its URN named, for the same-title offer.
    ("10379", "A11 (F/601/1223) Deal with incoming telephone calls from customers, 5 credits",
     [], ["F/601/1223"]),  # its number goes with it: A11 is 03456's
])
def test_typed_units__the_apps_own_unit_labels_read_as_their_units(catalogue, code, typed,
                                                                  found, unknown):
    """A unit's label copied from the page, a plan or a record: its title, credits, level and
    the centre's evidence are not named as units not found."""
    q = catalogue.find_qualification(code)
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, code, found), unknown)


def test_typed_units__every_unit_label_the_app_writes_reads_as_its_unit(catalogue):
    """Each unit of 03456 and 10379, as a checkbox labels it and as a plan or record does."""
    for code in ("03456", "10379"):
        q = catalogue.find_qualification(code)
        rules, _ = catalogue.effective_rules(q)
        for group in rules.groups:
            for member in group.units:
                for label in (labels.unit_label(catalogue, member),
                              describe_unit(catalogue, member.urn, rules)):
                    assert read_typed_units(catalogue, label, q) == ([member.urn], []), label


@pytest.mark.parametrize(("code", "given", "numbers"), [
    ("03456", ["F3 F4 A3", "B2"], ["F3", "F4", "A3", "B2"]),  # a column pasted on one line
    ("10379", ["CS 7 CS 8"], ["CS 7", "CS 8"]),
    ("10379", ["CS 7"], ["CS 7"]),
    # Joining words, a list's numbering and credits beside the units, as the app reads them.
    ("03456", ["F3 and F4"], ["F3", "F4"]),
    ("03456", ["1. F3 2. F4"], ["F3", "F4"]),
    ("03456", ["F3 (12 credits)"], ["F3"]),
])
def test_resolve_units__a_reference_of_several_units_is_read_word_by_word(catalogue, code,
                                                                          given, numbers):
    """As an intake cell or ``advisor check --units`` gives them."""
    q = catalogue.find_qualification(code)
    assert resolve_units(catalogue, given, q) == [
        resolve_units(catalogue, [n], q)[0] for n in numbers]


@pytest.mark.parametrize(("given", "named"), [("F3 X9", "X9"),
                                               ("Deliver customer service",
                                                "Deliver customer service")])
def test_resolve_units__words_that_are_not_all_units_are_refused_whole(catalogue, given,
                                                                        named):
    """Refused, naming the words that are not units (not the unit read beside them)."""
    with pytest.raises(UnknownReference, match=f"no unit '{named}'"):
        resolve_units(catalogue, [given], catalogue.find_qualification("03456"))


@pytest.mark.parametrize("given", [
    "not F4", "F4 in progress", "all except F4", "F4 referred",
    # a tracker's own marks, copied with the unit
    "F4 N", "F4 \u2717", "F4 x", "F4 60%", "F4 awaiting IQA", "F4 to be resubmitted", "F4 wip",
    "F4 submitted", "F4 N/A", "F4 3/6", "F4 (0/4)", "F4 3 criteria met", "F4 (2 ACs)",
    # criteria met short of all, a word saying achieved beside it or not: a date only straight
    # after such a word, and never with criteria after it
    "F4 achieved 3/6 criteria", "F4 complete (2/5 ACs)", "A3 done F4 3/6",
    # a share written out
    "F4 2 of 6 criteria", "F4 5 out of 6", "F4 50 %", "F4 60 per cent",
    # a tracker's shorthand for work under way, beside a word saying done or not
    "F4 half done", "F4 nearly complete", "F4 in prog", "F4 TBC", "F4 draft"])
def test_units_said_not_achieved_are_never_counted(catalogue, given):
    """Words beside a unit that say it may not be achieved: nothing of that part is read, in
    the app's box (the rest still is), an intake cell or the CLI, and it is named."""
    q = catalogue.find_qualification("03456")
    f3 = resolve_units(catalogue, ["F3"], q)
    assert read_typed_units(catalogue, f"F3, {given}", q) == (f3, [given])
    with pytest.raises(UnknownReference, match="may not be achieved"):
        resolve_units(catalogue, [given], q)
    # A unit's own title is not such words: K/601/1524 "Handle referred customer complaints".
    assert read_typed_units(catalogue, "K/601/1524 Handle referred customer complaints", q) == (
        ["K/601/1524"], [])


def test_cli__units_listed_after_units_apart_by_commas_are_all_read(catalogue, capsys):
    """The command line's --units reads "Units 1, 2 and 3" as three units, not "Units 1" and a
    reference "2 and 3" that names no unit."""
    assert main(["check", "09628", "--units", "Units 1, 2 and 3 \u2013 achieved",
                 "--as-at", "2015-06-01"]) == 0
    assert "all 3 mandatory units held" in capsys.readouterr().out


@pytest.mark.parametrize(("code", "typed", "found", "set_aside"), [
    # A tracker's criteria met out of all: short of all is not achieved; all of it is.
    ("03456", "F3\t3/6\nF4\t6/6", ["F4"], ["F3: 3/6"]),
    ("03456", "Unit\tCriteria met\nF3\t6/6\nF4\t2/5", ["F3"], ["F4: 2/5"]),
    # Beside a word saying achieved, a fraction is more likely a date: the unit is read.
    ("03456", "F3 achieved 3/6", ["F3"], ["3/6"]),
    # A row saved as CSV: a unit's credits, level or mark in parts of their own are the
    # unit's; a mark saying not achieved leaves the unit before it out too.
    ("03456", "F3, 6 credits, Level 3", ["F3"], []),
    ("03456", "F3,Y,12/03/2026", ["F3"], []),
    ("03456", "F4, F3, 60%", ["F4"], ["F3, 60%"]),
    ("03456", "F3, not F4", ["F3"], ["not F4"]),
    ("03456", "6 credits", [], ["6 credits"]),
    # A count of criteria with no total ("Unit 1 and 2 criteria signed") may be part of a
    # unit, so nothing is read; "all criteria met" is all of it.
    ("09628", "Unit 1 and 2 criteria signed", [], ["Unit 1 and 2 criteria signed"]),
    ("09628", "Units 1-3 all criteria met", ["1", "2", "3"], []),
    # After "Units", a slash lists units; after "Unit", "2 of 3" is the unit's place.
    ("09628", "units 1/3", ["1", "3"], []),
    ("09628", "Unit 2 of 3", ["2"], ["3"]),
])
def test_typed_units__a_fraction_short_of_all_is_not_achieved(catalogue, code, typed, found,
                                                              set_aside):
    q = catalogue.find_qualification(code)
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, code, found), set_aside)


@pytest.mark.parametrize(("typed", "set_aside"), [
    # A spreadsheet's tick boxes, copied: FALSE is not achieved (TRUE is)
    ("Unit\tAchieved\nF3\tTRUE\nF4\tFALSE", ["F4: FALSE"]),
    ("F3\tTRUE\nF4\tFALSE", ["F4: FALSE"]),
    # An e-portfolio's or tracker's other statuses for a unit not achieved
    ("F3 complete\nF4 withdrawn", ["F4 withdrawn"]),
    ("F3 complete\nF4 on hold", ["F4 on hold"]),
    ("F3 Competent\nF4 NYC", ["F4 NYC"]),
    ("F3, F4 - assessment booked", ["F4 - assessment booked"]),
    ("F3\tY\nF4\tDue 12/01/2027", ["F4: Due 12/01/2027"]),
    ("F3\tY\nF4\tAction required", ["F4: Action required"]),
    ("F3\tY\nF4\tReturned to learner", ["F4: Returned to learner"]),
    ("F3\tY\nF4\tEvidence uploaded", ["F4: Evidence uploaded"]),
])
def test_typed_units__a_trackers_other_not_achieved_statuses_tick_nothing(catalogue, typed,
                                                                         set_aside):
    """F4's status says it is not (or not yet) achieved: only F3 is ticked, F4 is named. Each
    of these ticked F4 before."""
    q = catalogue.find_qualification("03456")
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, "03456", ["F3"]),
                                                     set_aside)


def test_typed_units__under_a_status_heading_only_a_status_saying_achieved_ticks(catalogue):
    """An e-portfolio's export with a Status column: a status that says neither achieved nor
    not ("IQA sampled", "Exempt", "Ready for IQA") is not known to be achieved, so its unit is
    named with that status, not ticked, one row alone too. "Competent", "Claimed", a date and
    "6/6" criteria met are achieved."""
    q = catalogue.find_qualification("03456")
    header = "Unit\tTitle\tCredits\tStatus\tDate\n"
    assert read_typed_units(catalogue, header + "D1\tDevelop customer relationships\t6\t"
                            "IQA sampled\t", q) == (
        [], ["D1 (no mark saying achieved: its status is 'IQA sampled')"])
    rows = ("F3\tDemonstrate\t6\tComplete\t12/03/2026\nF4\tRules\t6\tCompetent\t\n"
            "A3\tCommunicate\t5\tClaimed\t\nB2\tDeliver\t5\t6/6 criteria\t\n"
            "C3\tResolve\t6\tExempt\t\nD1\tDevelop\t6\tReady for IQA\t\n")
    assert read_typed_units(catalogue, header + rows, q) == (
        urns_of(catalogue, "03456", ["F3", "F4", "A3", "B2"]),
        ["C3 (no mark saying achieved: its status is 'Exempt')",
         "D1 (no mark saying achieved: its status is 'Ready for IQA')"])


def test_typed_units__a_csv_export_pasted_as_text_reads_row_by_row(catalogue):
    """An e-portfolio's CSV export opened as text and pasted: its commas part cells, so a row
    saying "In progress" sets its own unit aside. Before, A3 was ticked beside it, the words
    "In progress" set aside alone; a title quoted with a comma in it stays one cell."""
    q = catalogue.find_qualification("03456")
    text = ("Unit,Title,Credits,Status,Date\n"
            "F3,Demonstrate understanding of customer service,6,Complete,12/03/2026\n"
            "A3,Communicate effectively with customers,5,In progress,\n"
            'B13,"Plan, organise and control customer service operations",10,Complete,'
            "01/04/2026\n")
    assert read_typed_units(catalogue, text, q) == (urns_of(catalogue, "03456", ["F3", "B13"]),
                                                    ["A3: In progress"])
    # A list of units on two lines is no CSV file: each is read
    assert read_typed_units(catalogue, "F3, F4\nA3, B2", q)[0] == urns_of(
        catalogue, "03456", ["F3", "F4", "A3", "B2"])


@pytest.mark.parametrize(("typed", "found", "set_aside"), [
    ("1 Complete\n2 Complete\n3 Referred", ["1", "2"], ["Unit 3 Referred"]),
    ("1 - Complete\n2 - 3/6 criteria\n3 - Referred", ["1"],
     ["2 - 3/6 criteria", "Unit 3 - Referred"]),
    # copied from a spreadsheet: the row marked achieved was dropped without a word
    ("1\tComplete\n2\tIn progress", ["1"], ["Unit 2: In progress"]),
    # one such row alone, or on one line, is as likely a count ("2 completed"): named
    ("2 completed, 1 in progress", [], ["2 completed", "1 in progress"]),
])
def test_typed_units__a_09628_trackers_rows_of_a_number_and_a_status_read(catalogue, typed,
                                                                         found, set_aside):
    """09628's units are numbered 1 to 3: rows giving only that number and a status are that
    unit's rows. Before, "1 Complete" was named as not a unit of 09628."""
    q = catalogue.find_qualification("09628")
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, "09628", found),
                                                     set_aside)


@pytest.mark.parametrize("typed", [
    "F3 Achieved \u2013 evidence uploaded 12/03/2026",
    "F3 Complete (due to be IQA'd)",
    "F3 Signed off, returned to learner",
    "F3 Pass \u2013 action plan agreed",
    "F3 achieved, booked for certification",
    "F3 Complete \u2013 on hold for EV sampling",
    "Unit\tStatus\tNotes\nF3\tAchieved\tEvidence uploaded",
])
def test_typed_units__a_status_word_after_a_word_saying_achieved_is_a_note(catalogue, typed):
    """"On hold", "due", "booked", "returned", "uploaded" and "action" are a unit's status
    alone ("F4 On hold"), but after a word saying achieved they are a note on what follows:
    the unit is ticked. Each of these was refused."""
    q = catalogue.find_qualification("03456")
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, "03456", ["F3"]), [])


@pytest.mark.parametrize(("typed", "set_aside"), [
    ("F3 done\nF4 on hold", ["F4 on hold"]),
    ("F3 done\nA3 complete F4 on hold", ["A3 complete F4 on hold"]),  # the next unit's
    ("F3 done\nF4 done? on hold", ["F4 done? on hold"]),  # a question says nothing achieved
    ("F3 done\nF4 to complete, due 12/01/2027", ["F4 to complete, due 12/01/2027"]),
    ("F3 done\nF4 Complete \u2013 action required", ["F4 Complete \u2013 action required"]),
    ("F3 done\nF4 Signed off, returned for rework", ["F4 Signed off, returned for r\u2026"]),
    ("F3 done\nF4 Evidence uploaded, to be signed off",
     ["F4 Evidence uploaded", "to be signed off"]),
    ("Unit\tStatus\tNotes\nF3\tY\t\nF4\tOn hold\tY", ["F4: On hold"]),
])
def test_typed_units__a_status_word_not_after_achieved_still_refuses(catalogue, typed,
                                                                    set_aside):
    """Where no word before it says F4 is achieved, or more work is asked for, F4's status
    word still sets it aside."""
    q = catalogue.find_qualification("03456")
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, "03456", ["F3"]),
                                                     set_aside)


@pytest.mark.parametrize(("code", "typed", "found", "set_aside"), [
    ("03456", "F3\nAchieved\nF4\nIn progress", ["F3"], ["F4, In progress"]),
    ("03456", "F3\nF4\n60%", ["F3"], ["F4, 60%"]),
    ("09628", "Unit 1\nUnit 2\nIn progress", ["1"], ["Unit 2, In progress"]),
    # a line naming a unit, or several, is a row of its own
    ("03456", "F3\nF4 in progress", ["F3"], ["F4 in progress"]),
    ("03456", "F3\nF4\nA3", ["F3", "F4", "A3"], []),
])
def test_typed_units__a_status_on_the_line_below_a_unit_alone_is_its(catalogue, code, typed,
                                                                    found, set_aside):
    """A table's cells pasted one to a line (a PDF's table): the status below a line that is
    one unit and nothing else is that unit's, so "In progress" under F4 leaves F4 out. F4 was
    ticked, "In progress" named apart."""
    q = catalogue.find_qualification(code)
    assert read_typed_units(catalogue, typed, q) == (urns_of(catalogue, code, found), set_aside)


def urns_of(catalogue, code: str, numbers: list[str]) -> list[str]:
    return resolve_units(catalogue, numbers, catalogue.find_qualification(code))


# ------------------------------------------------------------------------------- carry-over


@pytest.mark.parametrize(("target", "from_", "needs_work"), [
    ("10380", "09628", True),  # offered in place of 09629, a course: 10380 is assessed at work
    ("03455", "09628", True),  # the NVQ, from its knowledge certificate
    ("10380", "10379", False),  # already assessed at work for 10379
    ("09629", "09628", False),  # knowledge to knowledge
    ("10380", "03455", False),  # from an NVQ
])
def test_carry_over__a_step_from_a_course_to_work_based_assessment_says_a_job_is_needed(
        catalogue, target, from_, needs_work):
    result = carry_over(catalogue, catalogue.find_qualification(target),
                        from_qualification=catalogue.find_qualification(from_))
    said = [n for n in result.notes if "assessed at work" in n.statement]
    assert bool(said) is needs_work
    if needs_work:
        assert "so it takes a job or a work placement" in said[0].statement
        assert said[0].source  # where the sources describe assessment at work


def test_carry_over__from_a_qualification_whose_units_are_not_listed_says_so(catalogue):
    """03455's units are in none of the sources: that none of them counts is not known."""
    result = carry_over(catalogue, catalogue.find_qualification("10380"),
                        from_qualification=catalogue.find_qualification("03455"))
    assert result.transfers == () and result.held_units_known is False
    assert result.notes[0].statement.startswith(
        "The sources do not list the units of OCR Level 2 NVQ Certificate in Customer Service "
        "(03455), so which of them count here cannot be worked out")


def test_carry_over__into_a_qualification_whose_units_are_listed_in_part_nothing_is_ruled_out(
        catalogue):
    """10380 follows S/016/609, whose Groups B and C the sources list only in part: 09628's
    units are not among those listed, but may count, so none is said not to be part of it."""
    target = catalogue.find_qualification("10380")
    result = carry_over(catalogue, target,
                        from_qualification=catalogue.find_qualification("09628"))
    assert result.transfers == () and result.target_units_known is False
    assert len(result.not_transferable) == 3
    for item in result.not_transferable:
        assert item.reason.startswith("Not known: the sources list only some of the units of "
                                      "OCR Level 3 Diploma in Customer Service, and a unit they "
                                      "do not list may still count")
    assert set(tables.carry_over_table(catalogue, result)["Outcome"]) == {"not known"}
    # Where every unit is listed (09629), a unit that is not there is not part of it.
    listed = carry_over(catalogue, catalogue.find_qualification("09629"),
                        units=["R/502/9652"])
    assert listed.target_units_known
    assert [n.reason for n in listed.not_transferable] == [
        "Not part of OCR Level 3 Certificate in Principles of Customer Service: not among its "
        "units."]


def test_carry_over__units_of_a_structure_a_qualification_is_taken_to_follow_are_flagged(
        catalogue):
    """10378's units are those of S/016/371, by inference: counted, with a note to confirm."""
    result = carry_over(catalogue, catalogue.find_qualification("601/4404/X"),
                        from_qualification=catalogue.find_qualification("10378"))
    assert result.credits_transferred == 14 and result.held_units_known
    assert ("its units counted here are the mandatory units of the national structure "
            "S/016/371, which it is inferred to follow. Confirm them from its "
            "certificate") in result.notes[0].statement


def test_carry_over__similar_titles_do_not_count(catalogue):
    target = catalogue.find_qualification("03456")
    result = carry_over(catalogue, target, units=["H/506/2154"])  # 2014 telephone unit
    assert result.transfers == ()
    assert [(s.urn, s.target) for s in result.similar] == [("H/506/2154", "F/601/1223")]
    assert result.remaining.credits_counted == 0


def test_carry_over__nvq_units_are_barred_from_the_principles_certificates(catalogue):
    result = carry_over(catalogue, catalogue.find_qualification("09629"),
                        from_qualification=catalogue.find_qualification("03456"))
    assert result.transfers == ()
    assert result.not_transferable
    assert all("not acceptable" in n.reason.lower() or "nvq" in n.reason.lower()
               for n in result.not_transferable)
    assert result.not_transferable[0].source[0].doc == "002_afac824596d1bd0d.txt"


@pytest.mark.parametrize("target", ["04522", "04523"])
def test_carry_over__nvq_units_towards_customer_service_knowledge_need_evidence(catalogue,
                                                                               target):
    """For 04522 and 04523 the report does not bar NVQ units, as it does for 09628/09629: it
    says certification is no longer automatic and evidence goes to the OCR Moderator."""
    result = carry_over(catalogue, catalogue.find_qualification(target),
                        from_qualification=catalogue.find_qualification("03456"))
    (note,) = result.notes
    assert "submit evidence of achievement of the relevant units to their OCR Moderator" in (
        note.statement)
    assert [c.label() for c in note.source] == ["002_afac824596d1bd0d.txt § September 2012"]
    assert not any(n.source for n in result.not_transferable)  # no documented bar


def test_carry_over__nvq_units_alone_bring_the_customer_service_knowledge_note(catalogue):
    held = resolve_units(catalogue, ["F3"], catalogue.find_qualification("03456"))
    result = carry_over(catalogue, catalogue.find_qualification("04522"), units=held)
    assert [n.source[0].doc for n in result.notes] == ["002_afac824596d1bd0d.txt"]


def test_carry_over__knowledge_units_bring_no_nvq_note(catalogue):
    result = carry_over(catalogue, catalogue.find_qualification("04522"),
                        from_qualification=catalogue.find_qualification("09628"))
    assert result.notes == ()


REUSE_BY_KIND = """\
transfer_rules:
  - id: reuse-competence-evidence
    kind: evidence-reuse
    statement: Units of a competence qualification may be used as evidence, on conditions.
    from_kinds: [competence]
    to_qualifications: [ab-002]
    source: doc.txt § Transfer
"""


@pytest.mark.parametrize(("kind", "noted"), [("competence", True), ("knowledge", False)])
def test_carry_over__evidence_reuse_by_kind_of_qualification(tmp_path, kind, noted):
    """An evidence-reuse rule naming kinds of qualification (from_kinds) applies to a learner
    who completed one of that kind, or holds a unit one of that kind lists."""
    catalogue = load_catalogue(write_catalogue(tmp_path, {
        "transfer-rules.yaml": REUSE_BY_KIND,
        "qualifications/ab-001.yaml": QUALIFICATION.replace("level: 2\n",
                                                            f"level: 2\nkind: {kind}\n"),
    }))
    target = catalogue.qualifications["ab-002"]
    completed = carry_over(catalogue, target,
                           from_qualification=catalogue.qualifications["ab-001"])
    units_only = carry_over(catalogue, target, units=["A/100/0002"])
    for result in (completed, units_only):
        assert [n.statement for n in result.notes] == (
            ["Units of a competence qualification may be used as evidence, on conditions."]
            if noted else [])


def test_carry_over__level_1_units_transfer_into_the_national_level_2_diploma(catalogue):
    result = carry_over(catalogue, catalogue.find_qualification("S/016/608"),
                        units=["H/506/2154", "K/506/2155", "R/506/2134", "T/506/2126"])
    assert set(result.transfers) == {"H/506/2154", "K/506/2155", "R/506/2134", "T/506/2126"}
    assert result.credits_transferred == 12


# ------------------------------------------------------------------------------- frameworks


def test_framework__components_held_and_missing(catalogue):
    from advisor import check_framework

    framework = catalogue.frameworks["advanced-apprenticeship-customer-service-2010"]
    status = check_framework(catalogue, framework, qualifications=["ocr-03456"])
    by_kind = {c.component.kind.value: c for c in status.components}
    assert by_kind["competence"].held is True
    assert by_kind["competence"].satisfied_by == "ocr-03456"
    assert by_kind["technical-knowledge"].held is False
    assert "09629" in by_kind["technical-knowledge"].message
    assert by_kind["functional-skills"].held is None  # outside the catalogue, not declared
    assert [c.component.kind.value for c in status.missing] == ["technical-knowledge"]
    declared = check_framework(catalogue, framework,
                               other_components=[by_kind["functional-skills"].component.id])
    assert next(c for c in declared.components
                if c.component.kind.value == "functional-skills").held is True


def test_frameworks__an_older_or_wholly_closed_framework_is_not_a_to_do_list(catalogue):
    """The 2010 frameworks: each says a later one at its level was issued, and the Level 3 one,
    whose qualifications have all closed, says what it lacks can no longer be taken."""
    from advisor import check_frameworks

    by_id = {f.framework.id: f for f in check_frameworks(catalogue, qualifications=["ocr-09628"],
                                                         as_at=TODAY)}
    older = by_id["apprenticeship-customer-service-2010"]
    assert older.superseded is not None and older.superseded.startswith(
        "A later framework at this level, Intermediate Apprenticeship in Customer Service "
        "(Level 2, framework FR03058), was issued on 29 August 2014, so a new apprentice takes "
        "that one: this one matters to someone who started it")
    assert by_id["intermediate-apprenticeship-customer-service-2014"].superseded is None
    advanced = by_id["advanced-apprenticeship-customer-service-2010"]
    assert any(c.startswith("Every qualification this framework names has closed to new "
                            "learners on the date") for c in advanced.cautions)
    latest = by_id["intermediate-apprenticeship-customer-service-2014"]
    assert not any("later framework" in c or "Every qualification" in c
                   for c in latest.cautions)


def test_frameworks__on_a_date_before_a_framework_was_issued_it_is_left_out(catalogue):
    """On 1 June 2012 the 2014 frameworks (FR03058, issued 29 August 2014) did not exist: they
    are not offered, and the 2010 ones are not called older than a framework still to come."""
    from advisor import check_frameworks, issued_after

    then = dt.date(2012, 6, 1)
    found = check_frameworks(catalogue, qualifications=["ocr-09628"], as_at=then)
    assert [f.framework.id for f in found] == ["apprenticeship-customer-service-2010",
                                               "advanced-apprenticeship-customer-service-2010"]
    assert not any("later framework" in c for f in found for c in f.cautions)
    assert [f.id for f in issued_after(catalogue, then)] == [
        "intermediate-apprenticeship-customer-service-2014",
        "advanced-apprenticeship-customer-service-2014"]
    # On the day of issue it is there, and without a date every framework is.
    issued = dt.date(2014, 8, 29)
    assert len(check_frameworks(catalogue, as_at=issued)) == 4
    assert issued_after(catalogue, issued) == ()
    assert len(check_frameworks(catalogue)) == 4


def test_framework__2014_level_2_employment_rights_is_for_the_centre_to_confirm(catalogue):
    """The 2014-15 report says many centres use unit 30 instead of a separate ERR component:
    the Level 2 framework has that component, which holding 10379 alone does not settle."""
    from advisor import check_framework

    framework = catalogue.frameworks["intermediate-apprenticeship-customer-service-2014"]
    status = check_framework(catalogue, framework, qualifications=["ocr-10379"])
    by_id = {c.component.id: c for c in status.components}
    assert by_id["combined"].held is True
    err = by_id["employment-rights"]
    assert err.held is None and "ask the centre whether it is held already" in err.message
    assert "unit 30" in err.message and "separate ERR component" in err.message
    assert err.component.source[0].section == "Level 2 Customer Service"
    declared = check_framework(catalogue, framework, qualifications=["ocr-10379"],
                               other_components=["employment-rights"])
    assert declared.missing == () and all(c.held for c in declared.components)


def test_check__remembered_plans_give_the_same_answers(catalogue):
    """A plan remembered from an earlier question is the plan worked out afresh, whatever the
    order of the held units or the units outside the qualification."""
    nvq = catalogue.find_qualification("03456")
    held = resolve_units(catalogue, ["F3", "A3", "C3"], nvq)
    fresh = check_combination(catalogue, nvq, held)
    again = check_combination(catalogue, nvq, [*reversed(held), "D/502/9654"])
    assert again.plan == fresh.plan and again.rules == fresh.rules
    assert again.other_units == ("D/502/9654",)
    principles = catalogue.find_qualification("09628")
    for objective in (Objective.CREDITS, Objective.GLH, Objective.CREDITS):
        assert check_combination(catalogue, principles, [],
                                 objective=objective).plan.objective is objective


def test_eligibility__no_age_given_is_unknown_unless_every_age_is_approved(catalogue):
    before_closing = dt.date(2016, 6, 1)
    result = check_eligibility(catalogue, catalogue.find_qualification("09628"),
                               as_at=before_closing)
    assert result.eligible is None
    (age,) = [r for r in result.reasons if r.code is ReasonCode.AGE_NOT_GIVEN]
    assert age.message == ("Age not given, so whether the learner's age group is approved is "
                           "unknown (approved for: 16-18, 18+, 19+).")
    assert result.depends_on == ("age",)
    assert result.summary == ("Open to new learners on this date; whether this learner can "
                              "start depends on their age, not given.")
    assert check_eligibility(catalogue, catalogue.find_qualification("09628"), age=20,
                             as_at=before_closing).eligible is True
    # Closed to everyone is said as that, not as if it were about this learner ...
    closed = check_eligibility(catalogue, catalogue.find_qualification("09628"), age=20,
                               as_at=dt.date(2026, 11, 29))
    assert closed.summary == "Closed to new learners on this date."
    # ... and refused for this learner's age alone is said as that.
    too_young = check_eligibility(catalogue, catalogue.find_qualification("09628"), age=14,
                                  as_at=before_closing)
    assert too_young.summary == ("Not open to this learner on this date: their age group is "
                                 "not approved for it.")
    every_age = check_eligibility(catalogue, catalogue.find_qualification("601/4404/X"),
                                  as_at=dt.date(2015, 6, 1))
    codes = {r.code for r in every_age.reasons}
    assert ReasonCode.AGE_NOT_GIVEN not in codes and ReasonCode.AGE_CAUTION in codes


_OF_THE_LEARNER = re.compile(r"\b(?:the|this) learner\b|\blearner's\b|\btheir\b",
                             re.IGNORECASE)


@pytest.mark.parametrize(("voice", "whose", "who", "words"), [
    (None, "the learner's", "this learner", "their"),  # the centre's record, the CLI
    (YOU_ON_SCREEN, "your", "you", "your"),  # a page that asks "you", and its printout
])
def test_eligibility__what_is_said_of_the_learner_is_in_the_voice_asked_for(
        catalogue, voice, whose, who, words):
    """An age not given, a role not given and an age group refused, said of the learner on
    the centre's record ("the learner's age group", "But this learner cannot start it") and
    to them where the page asks "you" ("your age group", "But you cannot start it")."""
    spoken = {} if voice is None else {"voice": voice}
    before_closing = dt.date(2016, 6, 1)
    principles = catalogue.find_qualification("09628")
    no_age = check_eligibility(catalogue, principles, as_at=before_closing, **spoken)
    (age,) = [r for r in no_age.reasons if r.code is ReasonCode.AGE_NOT_GIVEN]
    assert age.message == (f"Age not given, so whether {whose} age group is approved is "
                           "unknown (approved for: 16-18, 18+, 19+).")
    assert no_age.summary == (f"Open to new learners on this date; whether {who} can start "
                              f"depends on {words} age, not given.")
    too_young = check_eligibility(catalogue, principles, age=14, as_at=before_closing,
                                  **spoken)
    assert labels.entry_status_said(too_young) == (
        "Open to new learners until 31 December 2016 (certificates until 31 December 2017). "
        f"But {who} cannot start it. Not approved for learners aged 14 (age group pre-16); "
        "approved for: 16-18, 18+, 19+.")
    assert too_young.summary == (f"Not open to {who} on this date: {words} age group is not "
                                 "approved for it.")
    senior = check_eligibility(catalogue, catalogue.find_qualification("10381"),
                               as_at=dt.date(2015, 6, 1), **spoken)
    (role,) = [r for r in senior.reasons if r.code is ReasonCode.ROLE_REQUIREMENT]
    assert role.message.endswith(f" Whether {whose} role meets this was not given.")
    if voice is not None:  # nothing said of "the learner" where the page speaks to them
        said = [no_age.summary, too_young.summary, labels.entry_status_said(too_young),
                *(r.message for e in (no_age, too_young) for r in e.reasons), role.message]
        assert [s for s in said if _OF_THE_LEARNER.search(s)] == []


AGE_CAUTIONS = """\
ages:
  approved: [pre-16, 16-18, 18+, 19+]
  cautions:
    - Learners aged 16 or over on a work placement need their employer's agreement.
    - text: Choose units that suit school pupils.
      applies_to: [pre-16]
  source: doc.txt § Ages
"""


def age_cautions(catalogue, age):
    q = catalogue.qualifications["ab-002"]
    return [r.message for r in check_eligibility(catalogue, q, age=age, as_at=TODAY).reasons
            if r.code is ReasonCode.AGE_CAUTION]


def test_eligibility__age_cautions_follow_applies_to_not_their_wording(tmp_path):
    catalogue = load_catalogue(write_catalogue(
        tmp_path, {"qualifications/ab-002.yaml": SECOND + AGE_CAUTIONS}))
    everyone = "Learners aged 16 or over on a work placement need their employer's agreement."
    pupils = "Choose units that suit school pupils."
    assert catalogue.qualifications["ab-002"].ages.cautions == (
        AgeCaution(text=everyone), AgeCaution(text=pupils, applies_to=("pre-16",)))
    # Plain text is for every learner, whatever numbers it mentions.
    assert age_cautions(catalogue, 20) == [everyone]
    assert age_cautions(catalogue, 17) == [everyone]
    # A caution for pre-16 learners is shown to them, and when the age is not given.
    assert age_cautions(catalogue, 14) == [everyone, pupils]
    assert age_cautions(catalogue, None) == [everyone, pupils]


def test_eligibility__pre_16_caution_of_the_level_1_certificate(catalogue):
    q = catalogue.find_qualification("601/4404/X")
    (caution,) = q.ages.cautions
    assert caution.applies_to == ("pre-16",)
    for age, shown in ((15, True), (None, True), (16, False), (20, False)):
        reasons = check_eligibility(catalogue, q, age=age, as_at=TODAY).reasons
        assert [r.message for r in reasons if r.code is ReasonCode.AGE_CAUTION] == (
            [caution.text] if shown else []), age


def test_eligibility__a_replacement_the_sources_only_imply_is_said_as_one(catalogue):
    result = check_eligibility(catalogue, catalogue.find_qualification("03456"), age=30,
                               as_at=dt.date(2026, 11, 29))
    (replaced,) = [r for r in result.reasons if r.code is ReasonCode.REPLACED]
    assert replaced.message.startswith(
        "Replaced by OCR Level 3 Diploma in Customer Service (10380) ")
    assert replaced.message.endswith(
        "(the sources suggest this; they do not say so in those words).")


MIXED_REPLACEMENTS = REPLACED + """\
  - by: ab-001
    scope: for some learners
    source:
      doc: doc.txt
      section: Suite
      basis: inference
      note: Read from the suite list; the handbook does not say so.
"""


def test_status__stated_and_inferred_replacements_are_told_apart(tmp_path):
    catalogue = load_catalogue(write_catalogue(
        tmp_path, {"qualifications/ab-003.yaml": MIXED_REPLACEMENTS}))
    on = dt.date(2026, 11, 29)
    status = status_on(catalogue, catalogue.qualifications["ab-003"], on)
    assert status.inferred_replacements == ("ab-001",) and not status.replacement_inferred
    assert labels.status_sentence(catalogue, status, on).endswith(
        "What replaced it, as the sources state or suggest: Level 3 Certificate in Testing "
        "(002); Level 2 Certificate in Testing (001) (inferred).")
    # In a few words too (a table's cell), each as the sources put it.
    assert labels.replaced_in_brief(catalogue, status) == " (replaced by 002 and 001 (inferred))"
    stated = load_catalogue(write_catalogue(tmp_path / "stated",
                                            {"qualifications/ab-003.yaml": REPLACED}))
    assert labels.replaced_in_brief(stated, status_on(
        stated, stated.qualifications["ab-003"], on)) == " (replaced by 002)"


def test_carry_over__credits_a_group_maximum_stops_are_not_said_to_count(catalogue):
    """601/4404/X's Group C counts at most 3 credits: of 9 transferred, 3 count."""
    held = ["F/503/0392", "F/503/0361", "H/506/1795", "A/506/1799"]
    result = carry_over(catalogue, catalogue.find_qualification("601/4404/X"), units=held)
    assert (result.credits_transferred, result.credits_counting) == (9, 3)
    assert labels.carried_credits(result) == (
        "9 credits, of which 3 count (a group's maximum stops the rest)")
    plain = carry_over(catalogue, catalogue.find_qualification("09629"),
                       from_qualification=catalogue.find_qualification("09628"))
    assert labels.carried_credits(plain) == "5 credits"


@pytest.mark.parametrize(("reference", "within", "said"), [
    ("C6", "09629", "'C6' is not a unit number of 09629 (in 03456 it is D/601/1519): give the "
                    "unit reference number"),
    ("F3", None, "'F3' is a unit number, and unit numbers are read within one qualification "
                 "(in 03456 it is K/601/1622): give the unit reference number"),
    ("X9", "03456", "no unit 'X9' in 03456"),
    ("C6", "03455", "'C6' is not a unit reference number, and the sources do not list the "
                    "units of 03455, so its unit numbers are not known (in 03456 it is "
                    "D/601/1519)"),
])
def test_find_unit__a_unit_number_of_another_qualification_is_named_as_one(catalogue,
                                                                           reference, within,
                                                                           said):
    """C6 is in the catalogue, as a unit of 03456: "not in the catalogue" sent staff hunting."""
    q = catalogue.find_qualification(within) if within else None
    with pytest.raises(UnknownReference) as raised:
        catalogue.find_unit(reference, within=q)
    assert raised.value.plain() == said


def test_resolve_units__a_number_is_missing_from_a_qualification_only_if_all_its_units_known(
        catalogue):
    """03456's own rules list every unit: 'Z9' is not one of them. 10379's unit numbers are
    not in the sources (its rules are the national structure's, in part): '12' may be one of
    its units, so it is not said to be missing from 10379."""
    said = {}
    for code, reference in (("03456", "Z9"), ("10379", "12")):
        with pytest.raises(UnknownReference) as raised:
            resolve_units(catalogue, [reference], catalogue.find_qualification(code))
        said[code] = raised.value.plain()
    assert said == {"03456": "no unit 'Z9' in 03456", "10379": "no unit '12' in the catalogue"}


def test_resolve_units__a_number_not_found_names_the_qualification_asked_for(catalogue):
    """10379's rules are S/016/608's: the message names 10379, which the person typed."""
    with pytest.raises(UnknownReference) as raised:
        resolve_units(catalogue, ["C6"], catalogue.find_qualification("10379"))
    assert raised.value.plain().startswith("'C6' is not a unit number of 10379 (in 03456")


def test_find_qualification__suggestions_are_references_people_use_not_ids(catalogue):
    with pytest.raises(UnknownReference) as raised:
        catalogue.find_qualification("0962")
    assert raised.value.suggestions == ["09629", "09628"]


@pytest.mark.parametrize("named", ["ST0072", "st 0072", "customer service practitioner"])
def test_find_qualification__a_standard_is_said_to_be_one_with_what_it_replaced(catalogue,
                                                                              named):
    """The name of today's apprenticeship (ST0072) is not a qualification of the catalogue:
    the message says what it is and names the qualifications of the framework it replaced,
    not unrelated titles that happen to look alike (04522, 04523)."""
    with pytest.raises(UnknownReference) as raised:
        catalogue.find_qualification(named)
    assert str(raised.value) == (
        "Customer Service Practitioner (ST0072) is an apprenticeship standard, not a "
        "qualification in these documents: it later took the place (the sources do not say "
        "when) of the Intermediate Apprenticeship in Customer Service (Level 2, framework "
        "FR03058), whose qualifications are 10379 and OCNLR L2 Diploma CS")


def test_frameworks__an_older_framework_whose_qualifications_closed_says_why_it_matters_once(
        catalogue):
    """The 2010 frameworks: a later one was issued, and every qualification they name has
    closed. Both cautions stand, but "it matters to someone who started it" is said once."""
    from advisor import check_frameworks

    older = [s for s in check_frameworks(catalogue, qualifications=["ocr-09628"],
                                         as_at=dt.date(2026, 12, 1))
             if s.framework.issued is None or s.framework.issued.year < 2014]
    all_closed = [s for s in older if "can no longer be taken for it" in " ".join(s.cautions)]
    assert [s.framework.level for s in all_closed] == [3]  # 03455, at Level 2: not known
    for status in older:
        said = " ".join((status.superseded or "", *status.cautions))
        assert said.count("matters to someone who started it") == 1


@pytest.mark.parametrize(("age", "said"), [
    (17, "Approved for age 17 (age group 16-18)."),
    (18, "Approved for age 18 (age groups 16-18 and 18+)."),
    (19, "Approved for age 19 (age groups 18+ and 19+)."),
])
def test_eligibility__an_age_names_every_approved_group_it_falls_in(catalogue, age, said):
    result = check_eligibility(catalogue, catalogue.find_qualification("09629"), age=age,
                               as_at=dt.date(2015, 1, 1))
    assert said in [r.message for r in result.reasons]


def test_eligibility__a_role_not_met_says_why_and_what_centres_do_instead(catalogue):
    """Level 4 for someone not in a senior role: the summary says it is the role, not the date,
    and the reason gives what the 2014-15 report says centres do for such learners."""
    result = check_eligibility(catalogue, catalogue.find_qualification("10381"), age=45,
                               senior_role=False, as_at=dt.date(2015, 6, 1))
    assert result.summary == ("Not open to this learner on this date: it asks for someone "
                              "working in a senior role.")
    (role,) = [r for r in result.reasons if r.code is ReasonCode.ROLE_NOT_MET]
    assert role.message.endswith("allow learners following the level 3 qualification take "
                                 "relevant level 4 units instead.\"")


def test_eligibility__all_ages_is_said_as_the_guide_says_it_not_in_ocrs_age_groups(catalogue):
    """OCN London's guide says 601/4404/X suits "learners of all ages": it has no age groups,
    so none is named for a learner's age."""
    result = check_eligibility(catalogue, catalogue.find_qualification("601/4404/X"), age=16,
                               as_at=dt.date(2015, 1, 1))
    messages = [r.message for r in result.reasons]
    assert "Suitable for learners of all ages, 16 included." in messages
    assert not [m for m in messages if "age group" in m]


@pytest.mark.parametrize(("text", "ticked", "not_found"), [
    # Another qualification's label: its number is its own (CS 1 of 10379), not 09628's unit 1.
    ("CS 1 (L/506/2083) Understand working in a customer service environment, 3 credits",
     [], ["L/506/2083"]),
    # A record's line with the centre's note, brackets inside its brackets.
    ("3 (D/502/9654) Understand the use of communication in customer service, 5 credits "
     "(evidence: Holds X (same title, another unit reference number; 3 credits, against 5))",
     ["D/502/9654"], []),
])
def test_typed_units__a_pasted_label_is_read_as_its_unit_alone(catalogue, text, ticked,
                                                               not_found):
    assert read_typed_units(catalogue, text, catalogue.find_qualification("09628")) == (
        ticked, not_found)



def test_units__a_number_beside_a_unit_number_is_not_joined_to_it(catalogue):
    """Credits written beside 03456's unit numbers: "D1 6" is D1 (and a 6 named), never D16,
    a Level 4 unit of 11 credits; "B1 4" (03456 has no B1) is no B14. In the app's box, an
    intake cell and the CLI alike."""
    q = catalogue.find_qualification("03456")
    six = urns_of(catalogue, "03456", ["F3", "F4", "A3", "B2", "C3", "D1"])
    assert read_typed_units(catalogue, "F3 6, F4 6, A3 5, B2 5, C3 6, D1 6", q) == (
        six, ["6", "5"])
    found, not_read = read_typed_units(catalogue, "B1 4", q)
    assert found == [] and "B1" in not_read
    assert resolve_units(catalogue, ["D1"], q) == six[-1:]
    with pytest.raises(UnknownReference, match="'6' beside other words is not read"):
        resolve_units(catalogue, ["D1 6"], q)
    # Joined where the first word is a unit number's letters, as before
    assert resolve_units(catalogue, ["D 1"], q) == six[-1:]


def test_units__a_title_saying_referred_is_the_units_own(catalogue):
    """03456's C8 is "Handle referred customer complaints": typed with its number, its
    title's "referred" does not refuse it."""
    q = catalogue.find_qualification("03456")
    c8, f3 = urns_of(catalogue, "03456", ["C8", "F3"])
    assert read_typed_units(catalogue, "F3, C8 Handle referred customer complaints", q) == (
        [f3, c8], [])
    assert resolve_units(catalogue, ["C8 Handle referred customer complaints"], q) == [c8]


def test_units__colons_and_dates_beside_units_are_not_references(catalogue):
    """"F3: its title", "Unit 1: complete", "1: R/502/9652" and "(Achieved 12/03/2026)" read
    as their units, with nothing named."""
    q = catalogue.find_qualification("03456")
    f3, f4 = urns_of(catalogue, "03456", ["F3", "F4"])
    assert read_typed_units(
        catalogue, "F3: Demonstrate understanding of customer service, F4: done", q) == (
        [f3, f4], [])
    assert read_typed_units(catalogue, "K/601/1622 (Achieved 12/03/2026), F4", q) == (
        [f3, f4], [])
    q9 = catalogue.find_qualification("09628")
    one, two = urns_of(catalogue, "09628", ["1", "2"])
    assert read_typed_units(catalogue, "Unit 1: complete, Unit 2: complete", q9) == (
        [one, two], [])
    assert read_typed_units(catalogue, "1: R/502/9652", q9) == (["R/502/9652"], [])


def test_units__a_trackers_row_without_the_mark_the_others_have_is_not_read(catalogue):
    """Rows marked achieved ("Y", a tick) beside one with an empty status cell: that one's
    unit is not known to be achieved, so it is named, not ticked. A header saying "Completed"
    is no mark, and rows with no marks at all are read as before."""
    q, q9 = (catalogue.find_qualification(c) for c in ("03456", "09628"))
    f3, f4, a3 = urns_of(catalogue, "03456", ["F3", "F4", "A3"])
    assert read_typed_units(catalogue, "Unit\tStatus\nF3\tY\nF4\t\nA3\tY", q) == (
        [f3, a3], ["F4 (no mark saying achieved, where other rows have one)"])
    one, three = urns_of(catalogue, "09628", ["1", "3"])
    assert read_typed_units(catalogue, "1 \u2713\n2\n3 \u2713", q9) == (
        [one, three], ["Unit 2 (no mark saying achieved, where other rows have one)"])
    assert read_typed_units(catalogue, "Unit\tCompleted\nF3\t12/03/2026\nF4\t14/03/2026",
                            q) == ([f3, f4], [])


def test_units__a_trackers_dates_and_ticks_are_marks_and_one_note_is_not(catalogue):
    """A "date achieved" column is a mark: the row with none is named. A row copied from the
    app's own table ("GLH not stated") is read. One note on one row of a plain list does not
    make the others unmarked. Shares and dates beside units are not named."""
    q = catalogue.find_qualification("03456")
    f3, f4, a3, b2 = urns_of(catalogue, "03456", ["F3", "F4", "A3", "B2"])
    assert read_typed_units(catalogue, "F3\t12/03/2026\nF4\t12/03/2026\nA3\t", q) == (
        [f3, f4], ["A3 (no mark saying achieved, where other rows have one)"])
    assert read_typed_units(catalogue, "F3 \u2705\nF4 \u2705\nA3 \u274c\nB2", q)[0] == [f3, f4]
    assert read_typed_units(
        catalogue, "F3\tDemonstrate understanding of customer service\t6\t3\tnot stated\t"
        "K/601/1622\tGroup A, Mandatory units", q) == ([f3], [])
    assert read_typed_units(catalogue, "F3\nF4\nA3 (met with assessor)", q) == ([f3, f4, a3], [])
    assert read_typed_units(catalogue, "F3\tComplete\nF4\tSigned off\nA3\tVerified\n"
                                       "B2\tAssessed", q) == ([f3, f4, a3, b2], [])
    assert read_typed_units(catalogue, "F3 100%, F4 (Achieved 12 Mar 2026)", q) == ([f3, f4], [])


def test_units__a_09628_tracker_numbered_in_its_first_column_reads_its_units(catalogue):
    """09628's units are numbered 1 to 3: a tracker whose rows start with that number read as
    those units where the row gives the unit's title or the header says the column holds unit
    numbers; a row marked N is named, and a row counter beside other words is not read."""
    q9 = catalogue.find_qualification("09628")
    one, two, three = urns_of(catalogue, "09628", ["1", "2", "3"])
    title = {urn: catalogue.units[urn].title for urn in (one, two, three)}
    tracker = (f"1\t{title[one]}\t4\tY\n2\t{title[two]}\t4\tY\n3\t{title[three]}\t5\tN")
    assert read_typed_units(catalogue, tracker, q9) == ([one, two], ["Unit 3: N"])
    assert read_typed_units(catalogue, "Unit no.\tTitle\tStatus\n1.\tPrinciples\tY\n"
                                       "3.\tCommunication\tY", q9) == ([one, three], [])
    # Titles alone, as a tracker without numbers lists them
    assert read_typed_units(catalogue, f"{title[two]}\tY\n{title[three]}\tY", q9) == (
        [two, three], [])
    # A number under a heading that does not say it is a unit's, with no title, is not read
    assert read_typed_units(catalogue, "No.\tUnit title\tStatus\n1\tPrinciples\tY", q9)[0] == []


def test_units__comments_brackets_and_fractions_beside_units(catalogue):
    """A comments column's "IQA: no actions" does not refuse its row; a unit's level and
    credits in brackets, and "6/6", are not named; units in brackets are read; "3/6" refuses
    its unit."""
    q = catalogue.find_qualification("03456")
    f3, f4 = urns_of(catalogue, "03456", ["F3", "F4"])
    assert read_typed_units(catalogue, "F3\tY\tIQA: no actions\nF4\tY\tNo issues", q) == (
        [f3, f4], [])
    assert read_typed_units(catalogue, "F3\tN\tIQA: no actions", q)[0] == []
    assert read_typed_units(catalogue, "F3 (L3, 6), F4 6/6", q) == ([f3, f4], [])
    assert read_typed_units(catalogue, "F3 (Level 3; 6 credits)", q) == ([f3], [])
    assert read_typed_units(catalogue, "Group F (F3, F4)", q) == ([f3, f4], [])
    assert read_typed_units(catalogue, "F4 3/6", q) == ([], ["F4 3/6"])  # a part done: refused
    # The same in an intake's cell and the command line's --units
    a3, b2 = urns_of(catalogue, "03456", ["A3", "B2"])
    assert resolve_units(catalogue, split_unit_references(
        catalogue, "F3 (L3, 6), (A3, B2), F4 6/6"), q) == [f3, a3, b2, f4]


def test_units__a_trackers_comments_name_no_unit_and_its_status_cell_decides(catalogue):
    """Only what a cell starts with names a unit: "cross-ref B2" or "Evidence also used for
    unit 3" in a comments column ticks nothing, nor hides the row's own unit. A status cell
    decides whether the row is achieved, whatever the comment says; the rows set aside are
    named by their unit and status."""
    q9 = catalogue.find_qualification("09628")
    one, two = urns_of(catalogue, "09628", ["1", "2"])
    title = [catalogue.units[u].title for u in urns_of(catalogue, "09628", ["1", "2", "3"])]
    tracker = ("Unit No.\tUnit title\tCredits\tCompleted\tComments\n"
               f"1\t{title[0]}\t4\tY\tEvidence also used for unit 3 (AC 1.2)\n"
               f"2\t{title[1]}\t4\tY\tPass\n"
               f"3\t{title[2]}\t5\tN\tawaiting moderation")
    assert read_typed_units(catalogue, tracker, q9) == ([one, two],
                                                        ["Unit 3: N, awaiting moderation"])
    q = catalogue.find_qualification("03456")
    f3, a3 = urns_of(catalogue, "03456", ["F3", "A3"])
    tracker = ("Unit\tStatus\tComments\nF3\tY\tcross-ref B2, see A4\n"
               "A3\tY\tresubmitted after referral, now pass\nB2\tN\t\nC3\t\tcovers C3 and D1")
    assert read_typed_units(catalogue, tracker, q) == ([f3, a3], [
        "B2: N", "C3 (no mark saying achieved, where other rows have one)"])


def test_check__a_unit_whose_figures_are_uncertain_says_so_where_it_counts(catalogue):
    """CS 36's level, credits and hours were read by elimination from a damaged table: a check
    that counts it (or plans it) says so, in the data's own words; one that does not, does
    not."""
    q = catalogue.find_qualification("10381")
    (cs36,) = urns_of(catalogue, "10381", ["CS 36"])
    said = [c for c in check_combination(catalogue, q, [cs36]).cautions if c.startswith("CS 36")]
    assert said == [f"CS 36 (F/506/2176): {catalogue.units[cs36].caveat}"]
    assert "Level 4, credit 4 and GLH 20 are uncertain" in said[0]
    q3 = catalogue.find_qualification("03456")
    assert not [c for c in check_combination(catalogue, q3, urns_of(
        catalogue, "03456", ["F3", "F4"])).cautions if "uncertain" in c]


def test_units__under_a_status_heading_an_empty_status_is_not_achieved_one_row_too(catalogue):
    """A header naming a status column ("Achieved") makes a row whose cell there is empty not
    marked achieved, even a single row; a row whose comment says "In progress" is named by its
    unit and those words; a header left alone is not named as a unit not found."""
    q = catalogue.find_qualification("03456")
    header = "Unit\tTitle\tCredits\tAchieved\tDate\tComments\n"
    assert read_typed_units(catalogue, header + "B2\tDeliver reliable customer service\t5\t\t\t",
                            q) == ([], ["B2 (no mark saying achieved: its status is empty)"])
    f3, = urns_of(catalogue, "03456", ["F3"])
    assert read_typed_units(catalogue, header + "B2\tDeliver reliable customer service\t5\t\t\t"
                            "In progress, see A3\nF3\tDemonstrate\t6\tY\t\t", q) == (
        [f3], ["B2: In progress, see A3"])


@pytest.mark.parametrize(("code", "text", "found", "named"), [
    # A status cell saying "not" or a date beside "Started" is not achieved
    ("03456", "F4\tNot achieved", [], ["F4: Not achieved"]),
    ("03456", "F3\tY\nF4\tStarted 12/01/2026\nA3\tY", ["F3", "A3"],
     ["F4: Started 12/01/2026"]),
    # A comment starting with a unit is a comment
    ("03456", "Unit\tStatus\tComments\nF3\tY\tA3 not yet started", ["F3"], []),
    # "Unit F3" is F3
    ("03456", "Unit F3\tY", ["F3"], []),
    ("03456", "Unit: F3 | Y", ["F3"], []),
    # A title above the header does not hide the header's status column
    ("03456", "Jo Bloggs tracker\nUnit\tStatus\nF3\tY\nF4\t", ["F3"],
     ["F4 (no mark saying achieved: its status is empty)"]),
    # A section's row under the header does not stop a column of unit numbers
    ("09628", "Unit no.\tTitle\tAchieved\nMandatory\t\t\n1\tPrinciples\tY\n2\tRules\tY",
     ["1", "2"], []),
    # A Markdown table: its rule is no row, and its outer bars are not cells
    ("09628", "| Unit | Title | Achieved |\n|---|---|---|\n| 1 | Principles | |\n"
              "| 2 | Rules | Y |", ["2"],
     ["Unit 1 (no mark saying achieved: its status is empty)"]),
    # Bracketed figures that are not a level or credits are read, not dropped
    ("09628", "(1, 2)", ["1", "2"], []),
])
def test_units__a_trackers_status_comments_and_headers(catalogue, code, text, found, named):
    q = catalogue.find_qualification(code)
    assert read_typed_units(catalogue, text, q) == (urns_of(catalogue, code, found), named)


def test_units__only_the_first_lines_of_a_long_paste_are_read_and_that_is_said(catalogue):
    q = catalogue.find_qualification("03456")
    text = "\n".join(["F3"] * 500 + ["F4"])
    assert read_typed_units(catalogue, text, q) == (
        urns_of(catalogue, "03456", ["F3"]), ["the lines after line 400 (not read)"])


def test_rules__groups_listed_in_part_are_named_in_words(catalogue):
    """The groups whose units the sources list only in part read as words, not "group(s) C,
    D": one group, or two joined by "and"."""
    (one,) = [c for c in _check(catalogue, "10378", []).cautions if "Based on" in c]
    assert one == ("Based on the units known: the sources list only some of the units of "
                   "group C, so other units may also count.")
    (two,) = [c for c in _check(catalogue, "10379", []).cautions if "Based on" in c]
    assert "only some of the units of groups C and D, so" in two


def test_check__an_example_unit_short_of_the_credits_needed_says_others_are_needed_too(catalogue):
    """A rule short of 20 credits whose example unit has 4 does not read as if that unit were
    enough; an example that covers what is needed says nothing more."""
    empty = check_combination(catalogue, catalogue.find_qualification("10381"), [])
    (group_b,) = [r for r in empty.rules if r.group == "B" and r.kind is RuleKind.MIN_CREDITS]
    assert group_b.message.endswith("20 more needed, for example CS 36 (F/506/2176) Review the "
                                    "quality of customer service, 4 credits, with other units "
                                    "for the other 16 credits")
    q = catalogue.find_qualification("03456")
    example = check_combination(catalogue, q, urns_of(catalogue, "03456",
                                                      ["F3", "F4", "A3", "B2", "C3", "D1"]))
    assert all("with other units" not in r.message for r in example.rules)
    assert any(r.message.endswith("10 more needed, for example C6 (D/601/1519) Apply risk "
                                  "assessment to customer service, 10 credits")
               for r in example.rules)
