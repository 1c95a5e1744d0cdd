"""The app's tables (pandas) and charts (plotly), built from the real catalogue's results."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import (
    Catalogue,
    Group,
    GroupMember,
    Status,
    StatusOnDate,
    charts,
    check_combination,
    check_eligibility,
    check_frameworks,
    explore_tables,
    find_routes,
    labels,
    resolve_units,
    source_tables,
    tables,
    text,
    to_csv_bytes,
    uk_date,
)
from tests.support.examples import examples

TODAY = dt.date(2026, 11, 22)
BEFORE_CLOSING = dt.date(2015, 6, 1)


def check(catalogue, code, units):
    q = catalogue.find_qualification(code)
    return check_combination(catalogue, q, resolve_units(catalogue, units, q))


# ------------------------------------------------------------------------------------ labels


def test_labels__qualification_and_unit(catalogue):
    q = catalogue.find_qualification("09628")
    assert labels.qualification_label(q) == (
        "09628 - OCR Level 2 Certificate in Principles of Customer Service (Level 2)")
    ocn = catalogue.find_qualification("601/4404/X")
    assert labels.qualification_label(ocn).startswith("601/4404/X - OCNLR Level 1")
    # A title naming its reference in brackets does not have it said twice in a drop-down.
    assert labels.qualification_label(catalogue.find_qualification("S/016/608")) == (
        "S/016/608 - Level 2 Diploma in Customer Service (national structure, Level 2)")
    assert labels.unit_label(catalogue, GroupMember(urn="D/502/9654", number="3")) == (
        "3 D/502/9654 Understand the use of communication in customer service, 5 credits, "
        "Level 2")


def test_labels__group_requirements_in_words(catalogue):
    groups = {g.id: g for g in catalogue.find_qualification("601/4404/X").rules.groups}
    assert labels.group_requirement(groups["A"]) == "every unit is mandatory; 14 credits"
    assert labels.group_requirement(groups["B"]) == "at least 6 credits"
    assert labels.group_requirement(groups["C"]) == "at most 3 credits count"


def test_entry_status__closed_today_open_before_the_last_entry_date(catalogue):
    q = catalogue.find_qualification("09628")
    assert labels.entry_status(check_eligibility(catalogue, q, as_at=TODAY)) == (
        "closed; certificates ended")
    # Closed to entry (31 December 2016) while certificates are still issued (to the end of
    # 2017): closed, and no more.
    assert labels.entry_status(check_eligibility(catalogue, q, as_at=dt.date(2017, 6, 1))) == (
        "closed to new learners")
    assert labels.entry_status(check_eligibility(catalogue, q, as_at=BEFORE_CLOSING)) == (
        "open to new learners")
    unknown = catalogue.find_qualification("10379")
    assert (labels.entry_status(check_eligibility(catalogue, unknown, as_at=TODAY))
            == "not known if open")


def test_entry_status_line__the_dates_in_their_own_words_and_a_learner_it_is_not_open_to(
        catalogue):
    q = catalogue.find_qualification("09628")
    assert labels.entry_status_line(check_eligibility(catalogue, q, as_at=TODAY)) == (
        "On 22 November 2026: Closed to new learners: the last entry date was 31 December "
        "2016. Certificates are no longer issued: the last certification date was 31 December "
        "2017.")
    young = check_eligibility(catalogue, q, age=15, as_at=BEFORE_CLOSING)
    assert labels.entry_status_line(young).endswith(
        "Open to new learners until 31 December 2016 (certificates until 31 December 2017). "
        "But this learner cannot start it. Not approved "
        "for learners aged 15 (age group pre-16); approved for: 16-18, 18+, 19+.")


# ------------------------------------------------------------------------ checking units


def test_rules_table__one_row_per_rule_with_its_source(catalogue):
    result = check(catalogue, "09628", ["R/502/9652", "Y/502/9653", "D/502/9654"])
    table = tables.rules_table(catalogue, result)
    assert list(table.columns) == ["Met", "Rule", "Source"]
    assert set(table["Met"]) == {"✓ yes"}
    assert "Credits: 13 of 13 counted" in set(table["Rule"])
    assert all("OCR centre handbook: Level 2 and Level 3 Certificates in Principles of Customer "
               "Service (09628, 09629), § 6.1 Qualification structure" in s
               for s in table["Source"])


def test_rules_table__a_document_cited_twice_in_a_row_is_named_once(catalogue):
    result = check(catalogue, "03456", [])
    sources = tables.rules_table(catalogue, result).set_index("Rule")["Source"]
    group_b = next(s for rule, s in sources.items() if rule.startswith("Group B"))
    title = "OCR student guide: Level 3 NVQ Diploma in Customer Service (03456), 2011"
    assert group_b.count(title) == 1
    assert group_b.startswith(f"{title}, § GROUP B OPTIONAL UNITS - IMPRESSION AND IMAGE, § ")


def test_plan_table__the_units_still_needed(catalogue):
    result = check(catalogue, "09628", ["D/502/9654"])
    table = tables.plan_table(catalogue, result)
    assert list(table["URN"]) == ["R/502/9652", "Y/502/9653"]
    assert list(table["Number"]) == ["1", "2"]
    assert table["Credits"].sum() == 8
    assert list(table["GLH"]) == [30, 30]


def test_plan_table__empty_when_complete(catalogue):
    result = check(catalogue, "09628", ["R/502/9652", "Y/502/9653", "D/502/9654"])
    table = tables.plan_table(catalogue, result)
    assert table.empty
    # Empty, it keeps its columns as they are when full: whole numbers, and text (not numbers)
    assert list(table.columns) == ["Number", "Title", "Credits", "Level", "GLH", "URN", "Group"]
    assert {str(table[c].dtype) for c in ("Credits", "GLH", "Level")} == {"Int64"}
    assert not any(pd.api.types.is_numeric_dtype(table[c])
                   for c in ("Number", "URN", "Title", "Group"))


def test_progress_table__03456_groups_credit_rules_and_total(catalogue):
    result = check(catalogue, "03456", ["F3", "F4", "A3", "B2", "C3", "D1"])
    table = tables.progress_table(catalogue, result).set_index("Part")
    assert (table.loc["Group A, Mandatory units", "Counted"],
            table.loc["Group A, Mandatory units", "Required"]) == (12, 12)
    assert pd.isna(table.loc["Group B, Impression and image", "Required"])
    assert (table.loc["30 credits from the optional groups", "Counted"],
            table.loc["30 credits from the optional groups", "Required"]) == (22, 30)
    assert (table.loc["Total", "Counted"], table.loc["Total", "Required"]) == (34, 42)


def test_progress_table__a_unit_two_groups_list_counts_where_the_check_counted_it():
    """Unit U is listed in optional groups A and B. Holding U alone, the check counts it in B
    (A can be met with V, B only with U); the table and chart must say the same, not count U
    in the first group that lists it."""
    from advisor.catalogue import Citation, Document, Qualification, RulesOfCombination, Unit

    cite = (Citation(doc="doc.txt", section="Rules"),)
    u, v = "A/000/0001", "A/000/0002"
    rules = RulesOfCombination(credits_required=10, source=cite, groups=(
        Group(id="A", title="Group A", min_credits=5, source=cite,
              units=(GroupMember(urn=u), GroupMember(urn=v))),
        Group(id="B", title="Group B", min_credits=5, source=cite, units=(GroupMember(urn=u),)),
    ))
    q = Qualification(id="q", awarding_body="AB", title="Shared", level=2,
                      structure="complete", rules=rules, source=cite)
    small = Catalogue.from_records(
        documents={"doc.txt": Document(file="doc.txt", title="Doc", publisher="AB",
                                       kind="primary")},
        units={urn: Unit(urn=urn, title=urn, level=2, credits=5, source=cite)
               for urn in (u, v)},
        qualifications={"q": q})
    assert rules.units_in_order == (u, v)  # listed twice, offered once, in the first place
    check = check_combination(small, q, [u])
    assert check.counted_in == {u: "B"}
    messages = {r.group: r.message for r in check.rules if r.kind == "min-credits"}
    assert messages["A"].startswith("Group A: 0 of at least 5 credits")
    assert messages["B"] == "Group B: 5 of at least 5 credits"
    table = tables.progress_table(small, check).set_index("Part")
    assert table.loc["Group A", "Counted"] == 0
    assert table.loc["Group B", "Counted"] == 5


def test_progress_table__credits_above_a_groups_maximum_do_not_count(catalogue):
    # OCN London 601/4404/X Group C: at most 3 credits count; these two units carry 6.
    result = check(catalogue, "601/4404/X", ["F/503/0392", "F/503/0361"])
    table = tables.progress_table(catalogue, result).set_index("Part")
    assert table.loc["Optional Group C", "Counted"] == 3
    assert table.loc["Total", "Counted"] == 3


def test_progress_table__empty_when_the_rules_are_unknown(catalogue):
    result = check(catalogue, "03455", [])
    assert not result.known
    assert tables.progress_table(catalogue, result).empty


@settings(max_examples=examples(25), deadline=None)
@given(data=st.data())
def test_progress_table__groups_add_up_to_the_total(catalogue, data):
    """For any set of held units, the groups' counted credits add up to the engine's total,
    and the table's total is the engine's."""
    code = data.draw(st.sampled_from(["09628", "09629", "03456", "601/4404/X"]))
    q = catalogue.find_qualification(code)
    urns = sorted({m.urn for g in q.rules.groups for m in g.units})
    held = data.draw(st.lists(st.sampled_from(urns), unique=True, max_size=8))
    result = check_combination(catalogue, q, held)
    table = tables.progress_table(catalogue, result)
    group_rows = table[table["Part"].isin([labels.group_name(g) for g in q.rules.groups])]
    assert group_rows["Counted"].sum() == result.credits_counted
    assert table.iloc[-1]["Counted"] == result.credits_counted


# ------------------------------------------------------------------------------ exploring


@pytest.mark.parametrize(("query", "expected"), [
    ("09628", {"09628"}),
    ("600/0840/4", {"09628"}),
    ("6000840 4", {"09628"}),
    ("s/016/608", {"S/016/608"}),
    ("principles of customer",
     {"09628", "09629", "OCNLR L2 Principles"}),
])
def test_qualification_matches__by_code_number_reference_or_title(catalogue, query, expected):
    found = explore_tables.qualification_matches(catalogue, query, as_at=TODAY)
    assert set(found["Reference"]) == expected


def test_qualification_matches__empty_query_lists_everything_with_status(catalogue):
    found = explore_tables.qualification_matches(catalogue, "  ", as_at=TODAY)
    assert len(found) == len(catalogue.qualifications)
    row = found.set_index("Reference").loc["09628"]
    assert row["On 22 November 2026"] == "closed; certificates ended"
    # What replaced it by reference, and that the sources only suggest it: the profile says
    # where and for whom.
    assert row["Replaced by"] == "10379 (inferred)"
    assert found.set_index("Reference").loc["601/4404/X", "On 22 November 2026"] == (
        "not known if open (review date passed)")
    # What it is and its status come first: on a phone the grid shows two columns; then what
    # replaced it, its awarding body and its kind, in view in a 1280-pixel window; its
    # reference and level (in the first column too) last.
    assert list(found.columns[:5]) == ["Qualification", "On 22 November 2026", "Replaced by",
                                       "Awarding body", "Kind"]
    assert list(found.columns[-2:]) == ["Reference", "Level"]


def test_qualification_matches__each_named_with_its_reference_title_and_level(catalogue):
    """The first column, the one in view on a phone, names each qualification as the box that
    opens its profile does: its reference and level were in columns of their own, off to the
    side on a phone and cut off at the edge of a 1280-pixel window."""
    found = explore_tables.qualification_matches(catalogue, "", as_at=TODAY)
    named = found.set_index("Reference")["Qualification"]
    assert named["10379"] == "10379 - OCR Level 2 Diploma in Customer Service (Level 2)"
    assert named["OCNLR L2 Business Admin"] == (
        "OCNLR L2 Business Admin - OCNLR Level 2 Diploma in Business Administration (Level 2)")
    assert named["04522"].endswith("(level not stated)")
    for reference, row in found.set_index("Reference").iterrows():
        level = "level not stated" if pd.isna(row["Level"]) else f"Level {row['Level']}"
        assert row["Qualification"].startswith(f"{reference} - "), row["Qualification"]
        assert row["Qualification"].endswith((f"({level})", f", {level})")), row["Qualification"]


@pytest.mark.parametrize("as_at", [dt.date(2012, 6, 1), BEFORE_CLOSING, TODAY])
def test_qualification_matches__each_status_and_replacement_in_a_few_words(catalogue, as_at):
    """A grid's cell shows four short lines: the status on the date and what replaced it are
    said in a few words (a status once ran to "not known if open; its review date (31 August
    2019) has passed; check with the awarding body that it is still offered", cut off in the
    cell); the profile says them in full."""
    found = explore_tables.qualification_matches(catalogue, "", as_at=as_at)
    status = f"On {uk_date(as_at)}"
    assert max(found[status].str.len()) <= 45, found[status].tolist()
    assert set(found[status]) <= {"open to new learners", "not yet open",
                                  "closed to new learners", "closed; certificates ended",
                                  "not known if open", "not known if open (review date passed)",
                                  "national structure (not enrolled on directly)"}
    references = {q.reference for q in catalogue.qualifications.values()}
    for cell in filter(None, found["Replaced by"]):
        assert all(part.removesuffix(" (inferred)") in references
                   for part in cell.split(", ")), cell


@pytest.mark.parametrize("on", [dt.date(2026, 12, 2), dt.date(2018, 6, 1)])
def test_status_words__explore_compare_and_the_starting_level_say_one_thing(catalogue, on):
    """Explore's search, its comparison and Find a starting level's options give a
    qualification's status on the date in the same words: where its certificates have ended
    too (09628, 09629, 03454 and 03456 on 2 December 2026), each says so, so that a learner
    can tell from any of them that it can no longer be finished."""
    found = explore_tables.qualification_matches(catalogue, "", as_at=on)
    searched = dict(zip(found["Reference"], found[f"On {uk_date(on)}"], strict=True))
    codes = ["09628", "09629", "03454", "03456"]
    compared = explore_tables.comparison_table(
        catalogue, [catalogue.find_qualification(c) for c in codes[:3]], as_at=on)
    compared_too = explore_tables.comparison_table(
        catalogue, [catalogue.find_qualification(c) for c in codes[3:]], as_at=on)
    row = f"On {uk_date(on)}"
    in_compare = {**compared.set_index("Fact").loc[row].to_dict(),
                  **compared_too.set_index("Fact").loc[row].to_dict()}
    for code in codes:
        q = catalogue.find_qualification(code)
        eligibility = check_eligibility(catalogue, q, as_at=on)
        in_brief = labels.entry_status_in_brief(eligibility)  # Find a starting level's options
        assert searched[code] == in_compare[code] == in_brief, code
        if eligibility.status.status is Status.CERTIFICATION_CLOSED:
            assert in_brief == "closed; certificates ended", code
    if on.year == 2026:
        assert {searched[c] for c in codes} == {"closed; certificates ended"}


def test_unit_matches__by_part_of_a_urn_with_the_qualifications_listing_it(catalogue, graph):
    found = explore_tables.unit_matches(catalogue, "9654")
    assert list(found["URN"]) == ["D/502/9654"]
    # Its title and where it is found first: on a phone the grid shows those two.
    assert list(found.columns[:2]) == ["Title", "In qualifications"]
    assert found.iloc[0]["In qualifications"] == "09628, 09629"
    assert explore_tables.unit_matches(catalogue, "").empty
    assert "D/502/9654" in set(explore_tables.unit_matches(catalogue, "communication")["URN"])


def test_facts_table__not_stated_where_the_sources_are_silent(catalogue):
    facts = explore_tables.facts_table(catalogue, catalogue.find_qualification("09628"))
    values = dict(zip(facts["Fact"], facts["Value"], strict=True))
    assert values["Guided learning hours (GLH)"].startswith("93: the sum of its units")
    assert values["Total qualification time (TQT)"] == "not stated"
    assert values["Credits required"] == "13"
    assert values["Kind"].startswith("Knowledge (a 'Principles of' qualification)")
    ocn = explore_tables.facts_table(catalogue, catalogue.find_qualification("601/4404/X"))
    values = dict(zip(ocn["Fact"], ocn["Value"], strict=True))
    assert (values["Guided learning hours (GLH)"], values["Total qualification time (TQT)"]) == (
        "143 to 178", "230")


def test_structure_table__every_unit_of_every_group(catalogue):
    table = explore_tables.structure_table(catalogue, catalogue.find_qualification("03456"))
    assert len(table) == 59
    assert table.iloc[0]["URN"] == "K/601/1622" and table.iloc[0]["Number"] == "F3"
    unknown = explore_tables.structure_table(catalogue, catalogue.find_qualification("03455"))
    assert unknown.empty


def test_dates_table__passed_or_not_on_the_as_at_date(catalogue):
    q = catalogue.find_qualification("09628")
    today = explore_tables.dates_table(catalogue, q, as_at=TODAY).set_index("Date")
    entry = "Last entry (last date to register new learners)"
    assert today.loc[entry, "Day"] == "31 December 2016"
    assert today.loc[entry, "On 22 November 2026"] == "passed"
    assert today.loc["Operational start", "Day"] == "not stated"
    before = explore_tables.dates_table(catalogue, q, as_at=BEFORE_CLOSING).set_index("Date")
    assert before.loc[entry, "On 1 June 2015"] == "not yet reached"



@pytest.mark.parametrize(("code", "label", "day"), [
    ("601/4404/X", "Operational start", dt.date(2014, 10, 1)),
    ("04522", "Called legacy from (the earliest document that does)", dt.date(2012, 9, 1)),
    ("S/016/608", "Structure dated from (the first day its document's date allows)",
     dt.date(2014, 1, 1)),
], ids=["start", "legacy", "structure"])
def test_dates_table__a_first_day_is_reached_on_the_day_itself(catalogue, code, label, day):
    """A date from which something holds (open, called legacy, units known) holds on that day,
    as the answers take it and as a launch's row says: the table said "not yet reached"."""
    table = explore_tables.dates_table(catalogue, catalogue.find_qualification(code),
                                       as_at=day).set_index("Date")
    assert table.loc[label, f"On {uk_date(day)}"] == "passed"
    before = day - dt.timedelta(days=1)
    table = explore_tables.dates_table(catalogue, catalogue.find_qualification(code),
                                       as_at=before).set_index("Date")
    assert table.loc[label, f"On {uk_date(before)}"] == "not yet reached"

def test_dates_table__a_launch_in_the_sources_words(catalogue):
    q = catalogue.find_qualification("10380")
    then = explore_tables.dates_table(catalogue, q, as_at=dt.date(2012, 6, 1)).set_index("Date")
    assert then.loc["Launched", "Day"] == "in the autumn of 2014"
    assert then.loc["Launched", "On 1 June 2012"] == "not yet reached"
    assert "§ 1. Overview:" in then.loc["Launched", "Source"]
    today = explore_tables.dates_table(catalogue, q, as_at=TODAY).set_index("Date")
    assert today.loc["Launched", "On 22 November 2026"] == "passed"
    assert "Launched" not in set(
        explore_tables.dates_table(catalogue, catalogue.find_qualification("09628"),
                                   as_at=TODAY)["Date"])


def test_dates_table__the_days_a_document_describes_learners_on_it(catalogue):
    """10380 has no last entry date; OCR's report on 2014-2015 describes learners on it, so
    the profile's dates say the days it is taken as open, whether the date is within them,
    and that this is inferred, with its source."""
    q = catalogue.find_qualification("10380")
    row = "Taking learners (inferred)"
    then = explore_tables.dates_table(catalogue, q, as_at=BEFORE_CLOSING).set_index("Date")
    assert then.loc[row, "Day"] == "1 December 2014 to 31 August 2015"
    assert then.loc[row, "On 1 June 2015"] == "within these dates"
    assert "§ Level 3 Customer Service" in then.loc[row, "Source"]
    today = explore_tables.dates_table(catalogue, q, as_at=TODAY).set_index("Date")
    # In words a reader follows, not a bare "after".
    assert today.loc[row, "On 22 November 2026"] == "these dates have passed"
    early = explore_tables.dates_table(catalogue, q, as_at=dt.date(2012, 6, 1)).set_index("Date")
    assert early.loc[row, "On 1 June 2012"] == "these dates are still to come"
    assert row not in set(explore_tables.dates_table(
        catalogue, catalogue.find_qualification("09628"), as_at=TODAY)["Date"])


def test_progression_table__stated_and_inferred_steps(catalogue):
    steps = explore_tables.progression_table(catalogue, catalogue.find_qualification("09628"),
                                     as_at=TODAY)
    assert set(steps["Basis"]) == {"stated"}
    assert any(to.startswith("09629 - ") for to in steps["To"])
    assert "higher education" in set(steps["To"])
    inferred = explore_tables.progression_table(catalogue, catalogue.find_qualification("10380"),
                                        as_at=TODAY)
    assert list(inferred["Basis"]) == ["inferred"]


def test_progression_table__says_how_each_next_step_stands_on_the_date(catalogue):
    """A learner reading 09628's next steps learns 09629 has closed and what replaced it."""
    q = catalogue.find_qualification("09628")
    today = explore_tables.progression_table(catalogue, q, as_at=TODAY).set_index("To")
    level_3 = next(to for to in today.index if to.startswith("09629 - "))
    assert today.loc[level_3, "On 22 November 2026"] == \
        "closed; certificates ended (the sources suggest 10380 replaced it)"
    assert today.loc["higher education", "On 22 November 2026"] == ""
    then = explore_tables.progression_table(catalogue, q, as_at=BEFORE_CLOSING).set_index("To")
    assert then.loc[level_3, "On 1 June 2015"] == "open to new learners"


def test_comparison_and_shared_units__09628_and_09629(catalogue, graph):
    picked = [catalogue.find_qualification("09628"), catalogue.find_qualification("09629")]
    facts = explore_tables.comparison_table(catalogue, picked, as_at=TODAY).set_index("Fact")
    assert list(facts.columns) == ["09628", "09629"]
    assert facts.loc["Level"].tolist() == ["2", "3"]
    shared = explore_tables.shared_units_table(catalogue, picked)
    assert list(shared["URN"]) == ["D/502/9654"]
    assert shared.iloc[0][["09628", "09629"]].tolist() == ["unit 3", "unit 3"]


def test_framework_table__on_the_date_is_not_said_again_in_each_cell(catalogue):
    """Under the heading "On the date", each cell began "On 2 December 2026:" again: it now
    names the qualification and its status alone."""
    (advanced,) = [f for f in check_frameworks(catalogue, as_at=TODAY)
                   if f.framework.title.startswith("Advanced") and "03456" in " ".join(
                       tables.framework_table(catalogue, f, as_at=TODAY)["On the date"])]
    cells = tables.framework_table(catalogue, advanced, as_at=TODAY)["On the date"].tolist()
    assert cells[0].startswith("03456: Closed to new learners")
    assert not any(f"On {uk_date(TODAY)}" in cell for cell in cells)


def test_comparison__structure_known_in_the_profiles_words(catalogue):
    """The comparison said "Structure known: unknown" (the data's own value) where the profile
    says what that means; 10380 beside 09629 now reads as its profile does."""
    picked = [catalogue.find_qualification("09629"), catalogue.find_qualification("10380")]
    facts = explore_tables.comparison_table(catalogue, picked, as_at=TODAY).set_index("Fact")
    assert facts.loc["Structure known"].tolist() == [
        "complete: every unit and rule is known",
        "unknown: the sources name it but do not give its units"]


def test_shared_units__of_three_lists_units_any_two_share(catalogue, graph):
    picked = [catalogue.find_qualification(c) for c in ("09628", "09629", "03456")]
    shared = explore_tables.shared_units_table(catalogue, picked)
    assert "D/502/9654" in set(shared["URN"])
    assert shared.set_index("URN").loc["D/502/9654", "03456"] == "not listed"


# -------------------------------------------------------------------------------- about


def test_documents_table__every_document_with_what_cites_it(catalogue):
    table = source_tables.documents_table(catalogue).set_index("File")
    assert source_tables.documents_table(catalogue).columns[0] == "Title"  # the file name last
    assert set(table.index) == set(catalogue.documents)
    assert len(table) == 6
    assert table.loc["external-facts.md", "Kind"] == "secondary"
    assert (table["Facts citing it"] > 0).all()
    assert "09628" in table.loc["001_1a36f8904fba0327.txt", "Qualifications citing it"]
    assert table.loc["001_1a36f8904fba0327.txt", "Units citing it"] > 0


def test_coverage_table__complete_partial_unknown(catalogue):
    table = source_tables.coverage_table(catalogue)
    complete = set(table[table["Structure"] == "complete"]["Reference"])
    assert complete == {"09628", "09629", "03456", "601/4404/X"}
    assert list(table["Structure"]) == sorted(
        table["Structure"], key=["complete", "partial", "unknown"].index)


# ---------------------------------------------------------------------------------- CSV


def test_to_csv__round_trips_and_says_not_stated(catalogue):
    table = tables.plan_table(catalogue, check(catalogue, "03456", ["F3", "F4"]))
    text = to_csv_bytes(table, missing=labels.NOT_STATED).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(back.columns) == list(table.columns)
    assert list(back["URN"]) == list(table["URN"])
    assert "not stated" in set(back["GLH"])  # 03456 units give no GLH


def test_to_csv__text_a_spreadsheet_would_run_is_defused():
    frame = pd.DataFrame({"Title": ["=HYPERLINK(\"http://x\")", "+1", "plain"], "N": [1, 2, 3]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), dtype=str)
    assert list(back["Title"]) == ["'=HYPERLINK(\"http://x\")", "'+1", "plain"]
    assert list(back["N"]) == ["1", "2", "3"]


# -------------------------------------------------------------------------------- charts


def test_progress_chart__counted_and_still_needed_per_part(catalogue):
    result = check(catalogue, "03456", ["F3", "F4", "A3", "B2", "C3", "D1"])
    progress = tables.progress_table(catalogue, result)
    figure = charts.credit_progress_chart(progress, title="Credits for 03456")
    counted, needed = figure.data
    assert (counted.name, needed.name) == ("Counted", "Still needed")
    assert list(counted.y) == list(progress["Part"])
    assert counted.x[-1] == 34 and needed.x[-1] == 8
    assert counted.text[-1] == "34 of 42 credits"
    text = charts.describe_progress(progress)
    assert text.startswith("Group A, Mandatory units: 12 of 12 credits;")
    assert text.endswith("Total: 34 of 42 credits.")


def test_progress_chart__catalogue_text_cannot_inject_markup():
    hostile = "<script>alert(1)</script>"
    progress = pd.DataFrame({"Part": [hostile, "Total"], "Counted": [1, 1],
                             "Required": [2, 2]}).astype({"Counted": "Int64", "Required": "Int64"})
    figure = charts.credit_progress_chart(progress, title=f"Credits for {hostile}")
    spec = figure.to_json()
    assert "<script" not in spec
    assert "&lt;script&gt;" in json.loads(spec)["layout"]["title"]["text"]
    assert figure.data[0].y[0] == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_progress_chart__no_rules_known(catalogue):
    progress = tables.progress_table(catalogue, check(catalogue, "03455", []))
    figure = charts.credit_progress_chart(progress, title="03455")
    assert list(figure.data[0].x) == []
    assert charts.describe_progress(progress) == "No credit rules are known for this qualification."


def test_cohort_levels_chart__counts_are_written_level_on_every_bar():
    """Learners per suggested starting level: a short bar (one learner beside twenty) keeps its
    count level and legible, written beyond the bar, as do the other bars, rather than turned
    on its side (or shrunk) to fit inside it. So do the bars of the units most needed."""
    levels = pd.DataFrame({"recommended_level": ["Level 1", "Level 2", "Level 3"],
                           "learners": [1, 20, 2]})
    units = pd.DataFrame({"urn": ["D/502/9654"], "title": ["Communicate"], "learners": [1]})
    for bars in (charts.cohort_levels_chart(levels).data[0],
                 charts.units_needed_chart(units).data[0]):
        assert (bars.textangle, bars.textposition, bars.cliponaxis) == (0, "outside", False)
    assert list(charts.cohort_levels_chart(levels).data[0].text) == ["1", "20", "2"]


def test_units_needed_chart__labels_keep_whole_words_in_short_lines():
    """Each bar's label: the URN on its own line, then the title in lines short enough for a
    phone, words whole, a title too long for two lines ending "…" (not "customer s")."""
    units = pd.DataFrame({
        "urn": ["D/502/9654", "T/601/1526"],
        "title": ["Understand the use of communication in customer service", "Develop <b>x"],
        "credits": [4, 5], "level": [2, 3], "learners": [3, 2], "targets": ["09628", "03456"]})
    figure = charts.units_needed_chart(units)
    long_label, short_label = figure.data[0].y
    assert long_label.split("<br>") == ["D/502/9654", "Understand the use of",
                                        "communication in customer …"]
    assert short_label == "T/601/1526<br>Develop &lt;b&gt;x"  # text, never markup
    assert figure.layout.yaxis.type == "category"


def test_cohort_completion_chart__codes_are_categories_and_counts_whole_numbers():
    completion = pd.DataFrame({"target": ["03456", "10380", "601/4404/X"],
                               "complete": [1, 0, 2], "rules_met_certificates_ended": [0, 0, 0],
                               "not_complete": [2, 0, 1],
                               "not_complete_certificates_ended": [0, 0, 0],
                               "rules_not_known": [0, 3, 0]})
    figure = charts.cohort_completion_chart(completion)
    assert figure.layout.yaxis.type == "category"
    assert figure.layout.xaxis.tickformat == "d"
    assert figure.layout.xaxis.dtick == 1  # three learners at most: 0, 1, 2, 3, each once
    for trace in figure.data:
        assert list(trace.y) == ["03456", "10380", "601/4404/X"]  # all three, as written
    # Only the outcomes some learner has are drawn (and listed in the legend), above the bars.
    assert [t.name for t in figure.data] == ["Complete", "Not complete yet", "Rules not known"]
    assert figure.layout.legend.y > 1
    assert charts.describe_cohort_completion(completion.assign(learners=[3, 3, 3])).startswith(
        "03456: 3 learners")


def test_credits_still_needed__rules_not_known_but_a_total_known_shows_the_total(catalogue):
    """No source lists 03455's units, but a secondary source gives its 28 credits: holding
    nothing, all 28 are still needed, as Explore's profile says; holding 09628, whose units
    may count, up to 28, and the sentence says the sources list none of its units."""
    from advisor import Employment, Profile, recommend

    def options(*held: str):
        result = recommend(catalogue, Profile(age=24, employment=Employment.WORKING,
                                              held_qualifications=held), as_at=TODAY)
        return result, tables.options_table(catalogue, result).set_index("Code")

    _, nothing_held = options()
    assert str(nothing_held.loc["03455", "Credits still needed"]) == "28"
    result, holding = options("ocr-09628")
    assert holding.loc["03455", "Credits still needed"] == "up to 28"
    option = next(o for o in result.options if o.qualification.code == "03455")
    assert labels.option_credit_sentences(option)[0] == (
        "Credits still needed: up to 28. The sources do not list its units, so one you hold "
        "may count too and leave less to do: ask the centre.")
    # A qualification checked by a national structure's rules says so, and that the link is
    # the sources' suggestion: not that they list some of its units, when they list none.
    diploma = next(o for o in result.options
                   if o.qualification.id == "ocnlr-l2-diploma-customer-service")
    assert labels.option_credit_sentences(diploma)[0] == (
        "Credits still needed: up to 45 by the rules of the national structure S/016/608, "
        "which the sources suggest it follows (they do not list OCNLR L2 Diploma CS's own "
        "units: confirm them with the awarding body). A unit you hold may count too and leave "
        "less to do: ask the centre.")


def test_credits_still_needed__a_partly_listed_qualification_shows_its_total(catalogue):
    """The sources list only some of 10380's units, so no plan can be made, but its 55 credits
    are known: with nothing held, the tables say 55, as the step and the printout do; with a
    unit held that the list does not show (it might count), not known."""
    from advisor import Employment, Profile, find_routes, recommend

    result = recommend(catalogue, Profile(role="team leader"), as_at=TODAY)
    options = tables.options_table(catalogue, result).set_index("Code")
    assert str(options.loc["10380", "Credits still needed"]) == "55"
    routes = tables.routes_table(catalogue, list(itertools.islice(
        find_routes(catalogue, to_level=3, as_at=TODAY), 2)))
    assert str(routes.loc[0, "Credits still needed"]) == "55"
    assert check(catalogue, "10380", []).credits_still_needed == 55
    assert check(catalogue, "10380", ["D/502/9654"]).credits_still_needed is None
    # From 09628, whose units may count towards 10380: at most 55, as the step says it; the
    # route through 09629, whose certificates have ended, cannot be completed.
    from_09628 = tables.routes_table(catalogue, list(itertools.islice(find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"), to_level=3,
        as_at=TODAY), 5))).set_index("Path")
    assert from_09628.loc["09628 → 10380", "Credits still needed"] == "up to 55"
    assert from_09628.loc["09628 → 09629", "Credits still needed"] == (
        "cannot be completed now: certificates for 09629 have ended")
    (to_10380,) = [r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"), to_level=3,
        as_at=TODAY) if [q.reference for q in r.path] == ["09628", "10380"]]
    assert text.still_needed(to_10380.steps[0]).words == (
        "up to 55 credits: the sources list only some of its units, so a unit already held may "
        "count too and leave less to do")
    # Whole numbers alone stay whole numbers (a gap made them "23.0").
    then = tables.options_table(catalogue, recommend(
        catalogue, Profile(age=16, employment=Employment.NOT_WORKING), as_at=dt.date(2015, 6, 1)))
    assert str(then["Credits still needed"].dtype) == "Int64"
    assert then["Credits still needed"].isna().any()  # a gap, which made the figures floats
    # 10379 from 09628: a plan, but a unit of 09628 its partial list leaves out may count.
    held = tables.options_table(catalogue, recommend(catalogue, Profile(
        age=34, employment=Employment.WORKING, role="Customer Service Agents",
        held_qualifications=("ocr-09628",)), as_at=TODAY)).set_index("Code")
    assert held.loc["10379", "Credits still needed"] == "up to 45"
    # Figures alone, no gap: whole numbers too, never floats.
    figures = tables.routes_table(catalogue, list(itertools.islice(find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"),
        to_qualification=catalogue.find_qualification("03456"), as_at=dt.date(2015, 6, 1)), 5)))
    assert str(figures["Credits still needed"].dtype) == "Int64"
    assert list(figures["Credits still needed"]) == [54, 42]
    # The options table says at most how many, as the option's own text does.
    held = recommend(catalogue, Profile(role="team leader", held_units=("D/502/9654",)),
                     as_at=TODAY)
    assert tables.options_table(catalogue, held).set_index("Code").loc[
        "10380", "Credits still needed"] == "up to 55"


def test_credits_still_needed__a_column_of_figures_and_words_is_one_type(catalogue):
    """To Level 3 from nothing held, the routes' credits are 55 beside "cannot be completed
    now" (09629): the column is text throughout, which a browser's table takes as it is
    (numbers beside words are no one type, and Streamlit logged an error converting them for
    every table drawn)."""
    import pyarrow as pa

    from advisor import find_routes

    routes = tables.routes_table(catalogue, list(itertools.islice(find_routes(
        catalogue, to_level=3, as_at=TODAY), 5)))
    said = [v for v in routes["Credits still needed"] if v is not None]
    assert "55" in said and any(v.startswith("cannot be completed now") for v in said)
    assert {type(v) for v in said} == {str}
    pa.Table.from_pandas(routes)  # raises ArrowInvalid for a column of ints and strings


def test_route_map__the_legend_names_every_colour_of_point_shown(catalogue):
    """From 09628 on today's date: green (completed), grey (closed) and white points (open,
    or not known) are each named in the legend; white was not, so it read as grey's twin."""
    named = {trace.name for trace in charts.route_map(
        catalogue, route=None, start="ocr-09628", held=[],
        closed=["ocr-09629", "ocr-03456"]).data if trace.showlegend is not False}
    assert {"Completed", "Open, or whether it is open not known",
            "Closed to new learners"} <= named
    nothing_held = {trace.name for trace in charts.route_map(
        catalogue, route=None, start=None, held=[], closed=[]).data}
    assert "Completed" not in nothing_held and "Closed to new learners" not in nothing_held


def test_chart_words__a_map_says_its_names_levels_and_legend_not_its_hover_text(catalogue):
    """The words a chart shows on it, for a page's glossary: the route map's title, its short
    names (a line break read as a space), levels and legend; a point's full title shows only
    under the pointer, as a question's help does, so it is not among them."""
    words = charts.chart_words(charts.route_map(catalogue, route=None, start="ocr-09628",
                                                held=[], closed=["ocr-03454"]))
    assert {"Qualifications by level, with their progressions", "OCNLR L2 Principles",
            "Level 2", "Completed", "Closed to new learners"} <= set(words.splitlines())
    assert "NVQ" not in words  # 03454's title, "OCR Level 1 NVQ Certificate ...", is hover text


def test_route_map__its_focus_is_the_learners_route_and_its_end(catalogue):
    """Where a phone opens the map: across the plot, the span of the route's qualifications
    (09628 to 10380, on the right) and its end, 10380, to keep in view where the span does not
    fit; else those completed; nowhere without either."""
    positions = charts.route_map_positions(catalogue)
    (route, *_) = find_routes(catalogue, from_qualification=catalogue.qualifications["ocr-09628"],
                              to_qualification=catalogue.qualifications["ocr-10380"])
    ends = [positions["ocr-09628"][0], positions["ocr-10380"][0]]
    assert charts.route_map_focus(catalogue, route=route) == (
        min(ends), max(ends), positions["ocr-10380"][0])
    assert max(ends) > 0.5
    at_09628 = positions["ocr-09628"][0]
    assert charts.route_map_focus(catalogue, start="ocr-09628") == (at_09628,) * 3
    assert charts.route_map_focus(catalogue) is None


def test_citation__a_heading_saying_not_source_facts_reads_as_inferred(catalogue):
    """external-facts § N is headed "(NOT source facts)": a citation of it reads
    "§ N. Consistency checks / inferences (inferred)", not a heading that seems to disown it."""
    based_on = catalogue.find_qualification("10379").based_on
    cited = [c for c in based_on.source if c.section.startswith("N.")]
    assert labels.citation(catalogue, cited[0]).endswith(
        "§ N. Consistency checks / inferences (inferred)")
    assert "NOT source facts" not in labels.cite(catalogue, cited)


@pytest.mark.parametrize(("inferred", "words"), [
    ((), "The sources name what replaced it: OCR Level 3 Diploma in Customer Service (10380)."),
    (("ocr-10380",), "What replaced it, as the sources suggest (they do not say so in those "
                     "words): OCR Level 3 Diploma in Customer Service (10380)."),
])
def test_plan_beyond_certification__names_what_replaced_it_as_surely_as_the_sources_do(
        catalogue, inferred, words):
    """Before a plan for a qualification whose certificates have ended, what replaced it is
    hedged where the sources only suggest it, as the status sentence above it is (it used to
    say "What replaced it: ..." as if the sources stated it)."""
    q = catalogue.find_qualification("09629")
    status = StatusOnDate(Status.CERTIFICATION_CLOSED, "Certificates are no longer issued.", (),
                          ("ocr-10380",), inferred)
    said = labels.plan_beyond_certification(catalogue, q, status)
    assert said is not None and said.endswith("would still need. " + words)
    assert labels.status_sentence(catalogue, status, TODAY).endswith(" " + words)


def test_check_headline__a_status_made_without_the_certificates_end_still_says_why(catalogue):
    """A caller's own StatusOnDate for a qualification whose certificates have ended gives its
    reason alone (``certificates_ended`` is left at its default): the headline gave nothing
    after "it can no longer be completed.", not even why."""
    q = catalogue.find_qualification("09629")
    check = check_combination(catalogue, q, ["D/502/9654"])
    ended = "Certificates are no longer issued: the last certification date was 31 August 2017."
    status = StatusOnDate(Status.CERTIFICATION_CLOSED, ended, ())
    assert labels.check_headline(check, status) == (
        f"Not complete ({labels.credits_counted(check)}), and it can no longer be completed. "
        f"{ended}")


def test_a_plan_downloaded_says_which_qualification_it_completes(catalogue):
    result = check(catalogue, "09628", ["D/502/9654"])
    table = tables.for_download(tables.plan_table(catalogue, result), result.qualification)
    assert table.columns[0] == "Qualification"
    assert set(table["Qualification"]) == {
        "09628 - OCR Level 2 Certificate in Principles of Customer Service (Level 2)"}
    assert list(table["URN"]) == ["R/502/9652", "Y/502/9653"]  # the plan itself unchanged
    empty = tables.for_download(tables.plan_table(catalogue, check(
        catalogue, "09628", ["R/502/9652", "Y/502/9653", "D/502/9654"])), result.qualification)
    assert empty.empty and empty.columns[0] == "Qualification"
