"""The centre's decisions in the app: units achieved, accepted (with a note), in progress or not
yet; the timeline; decisions in the address and the record; one-click acceptance (AppTest)."""

from __future__ import annotations

import datetime as dt

from tests.support.app import (
    all_text,
    change_page,
    check_units,
    open_with_link,
    table_with,
    texts,
)

C6, D1 = "D/601/1519", "T/601/1526"
REST = ["K/601/1622", "J/601/1627", "R/601/1212", "J/601/1210", "M/601/1511"]  # F3 F4 A3 B2 C3
CHECK = "app_pages/check_units.py"



def test_check_decisions__accepted_unit_counts_shown_apart_with_its_note():
    at = check_units("ocr-03456", [*REST, D1])
    at.multiselect(key="check_accepted_ocr-03456").set_value([C6]).run()
    at.text_input(key=f"accepted_note_{C6}").input("Holds a similar unit, D/506/9999").run()
    assert not at.exception
    # 03456's certificates ended in 2019: on today's date its rules are met, not "complete"
    assert any("Every rule is met (44 credits counted, 42 needed)" in t for t in texts(at.warning))
    rules = at.table[0].value
    assert "Credits: 44 counted, 42 needed; accepted by the centre: C6" in set(rules["Rule"])
    assert at.query_params["accepted"] == C6
    assert at.query_params["note1"] == "Holds a similar unit, D/506/9999"


def test_check_record__the_names_for_it_are_asked_for_and_kept_out_of_the_address():
    at = check_units("ocr-03456", REST)
    assert at.text_input(key="plan_assessor").label == "Assessor"
    at.text_input(key="plan_learner").input("L-042").run()
    assert not at.exception
    assert "L-042" not in str(dict(at.query_params))


def test_check_decisions__survive_a_visit_to_another_page():
    at = check_units("ocr-03456", REST)
    at.multiselect(key="check_accepted_ocr-03456").set_value([C6]).run()
    at.text_input(key=f"accepted_note_{C6}").input("Work log").run()
    at.multiselect(key="check_in_progress_ocr-03456").set_value([D1]).run()
    at.number_input(key="check_glh").set_value(5).run()
    change_page(at, "app_pages/about.py")
    change_page(at, CHECK)
    assert at.multiselect(key="check_accepted_ocr-03456").value == [C6]
    assert at.text_input(key=f"accepted_note_{C6}").value == "Work log"
    assert at.multiselect(key="check_in_progress_ocr-03456").value == [D1]
    assert at.number_input(key="check_glh").value == 5
    assert (at.query_params["accepted"], at.query_params["note1"]) == (C6, "Work log")


def test_check_decisions__an_accepted_unit_without_a_note_asks_for_one():
    at = check_units("ocr-03456", REST)
    at.multiselect(key="check_accepted_ocr-03456").set_value([C6]).run()
    assert any("Say on what evidence the centre accepts it" in t for t in texts(at.caption))


def test_check_decisions__in_progress_shows_today_and_when_done():
    at = check_units("ocr-03456", REST)
    at.multiselect(key="check_in_progress_ocr-03456").set_value([C6, D1]).run()
    assert not at.exception
    assert any("Not complete (28 of 42 credits counted), and it can no longer be completed"
               in t for t in texts(at.warning))
    assert "When the units in progress are achieved" in texts(at.header)
    # On today's date 03456's certificates have ended: rules met, not "complete".
    assert ("Every rule met, but certificates are no longer issued: 44 credits counted, 42 "
            "needed."
            in texts(at.markdown))
    assert "Smallest completion plan beyond the units in progress" in texts(at.header)
    # ... and the plan does not say "nothing more is needed" for what cannot be certificated.
    assert not any("Nothing more is needed" in t for t in texts(at.markdown))
    assert ("Certificates for 03456 are no longer issued on this date, so no further units "
            "can complete it." in texts(at.markdown))
    while_open = check_units("ocr-03456", REST, as_at=dt.date(2015, 6, 1))
    while_open.multiselect(key="check_in_progress_ocr-03456").set_value([C6, D1]).run()
    assert "Nothing more is needed beyond the units in progress." in texts(while_open.markdown)
    assert at.query_params["progress"] == f"{C6},{D1}"
    # With one unit in progress it would still fall short: no units are listed to take, as
    # none can complete it now.
    at.multiselect(key="check_in_progress_ocr-03456").set_value([C6]).run()
    assert ("Certificates for it are no longer issued, so no further units can complete it."
            in texts(at.markdown))
    assert not any(t.startswith("Still needed beyond them") for t in texts(at.markdown))


def test_check_decisions__several_units_in_progress_are_named_below_their_box():
    """On a phone the box shows one of them; the line below names them all, by number."""
    at = check_units("ocr-03456", REST)
    at.multiselect(key="check_in_progress_ocr-03456").set_value([C6, D1]).run()
    assert "In progress (2): C6, D1" in texts(at.caption)
    at.multiselect(key="check_in_progress_ocr-03456").set_value([C6]).run()
    assert not any(t.startswith("In progress (") for t in texts(at.caption))


def test_check_decisions__timeline_in_time_and_too_late():
    at = check_units("ocr-09628", [], as_at=dt.date(2015, 1, 5))
    at.number_input(key="check_glh").set_value(5.0).run()
    at.date_input(key="check_start").set_value(dt.date(2015, 1, 5)).run()
    assert not at.exception
    assert any(t.startswith("In time: 93 guided learning hours") for t in texts(at.success))
    at.date_input(key="check_start").set_value(dt.date(2017, 12, 1)).run()
    assert any(t.startswith("Too late:") for t in texts(at.error))
    # A start before the sidebar's date: the units ticked are those held on that date.
    at.date_input(key="check_start").set_value(dt.date(2014, 12, 1)).run()
    assert any(t.startswith("Not worked out: the start, 1 December 2014, is before the date "
                            "of this check, 5 January 2015") for t in texts(at.info))


def test_check_decisions__a_registered_learner_is_held_to_certification_not_last_entry():
    """09628 took its last entries on 31 December 2016 and certified until 31 December 2017:
    starting in March 2017 is too late for a newcomer but in time for a registered learner."""
    at = check_units("ocr-09628", [], as_at=dt.date(2015, 1, 5))
    at.number_input(key="check_glh").set_value(5.0).run()
    at.date_input(key="check_start").set_value(dt.date(2017, 3, 1)).run()
    assert any("the last entry date was 31 December 2016" in t for t in texts(at.error))
    at.checkbox(key="check_registered").check().run()
    assert not at.exception
    assert any(t.startswith("In time:") and "31 December 2017" in t for t in texts(at.success))
    assert at.query_params["registered"] == "yes"


def test_check_decisions__a_tick_alone_keeps_every_decision():
    """A tick reruns the answer alone, which reads the decisions from the session: the accepted
    unit and its note, the units in progress and the hours a week all still count."""
    at = check_units("ocr-03456", REST)
    at.multiselect(key="check_accepted_ocr-03456").set_value([C6]).run()
    at.text_input(key=f"accepted_note_{C6}").input("Similar unit held").run()
    at.multiselect(key="check_in_progress_ocr-03456").set_value([D1]).run()
    at.number_input(key="check_glh").set_value(5.0).run()
    at.checkbox(key=f"unit_{D1}").check().run()
    assert not at.exception
    assert not [c for c in at.checkbox if c.key.startswith("unit_")]  # the answer alone ran
    # 03456's certificates ended in 2019: on today's date its rules are met, not "complete"
    assert any("Every rule is met (44 credits counted, 42 needed)" in t for t in texts(at.warning))
    assert any(t.startswith("Ticked as achieved too, so counted as achieved: D1")
               for t in texts(at.caption))
    assert "Will it fit?" in texts(at.header)
    assert (at.query_params["accepted"], at.query_params["note1"], at.query_params["progress"],
            at.query_params["glh"]) == (C6, "Similar unit held", D1, "5")


def test_check_decisions__a_tick_after_an_unfinished_run_runs_the_whole_page():
    """A tick that interrupts a run of the page (a decision changed a moment before) cannot
    draw the answer alone, so it runs the whole page."""
    at = check_units("ocr-03456", REST)
    at.session_state["check_page_drawn"] = False  # as an interrupted run leaves it
    at.checkbox(key=f"unit_{D1}").check().run()
    assert not at.exception
    assert at.checkbox(key=f"unit_{D1}").value is True  # the whole page was drawn
    assert any("Not complete (34 of 42 credits counted)" in t for t in texts(at.warning))


def test_check_decisions__a_link_reopens_the_decisions_with_the_note():
    at = open_with_link(CHECK, qual="03456", units=",".join([*REST, D1]), accepted=C6,
                        note1="Similar unit held", progress="Y/999/0000")
    assert at.selectbox(key="check_qualification").value == "ocr-03456"
    assert at.multiselect(key="check_accepted_ocr-03456").value == [C6]
    assert at.text_input(key=f"accepted_note_{C6}").value == "Similar unit held"
    assert any("Every rule is met (44 credits counted, 42 needed" in t for t in texts(at.warning))
    assert any("no unit 'Y/999/0000'" in t for t in texts(at.warning))


def test_check_decisions__the_record_holds_the_decisions_and_the_note():
    at = check_units("ocr-03456", [*REST, D1])
    at.multiselect(key="check_accepted_ocr-03456").set_value([C6]).run()
    at.text_input(key=f"accepted_note_{C6}").input("Certificate seen <b>").run()
    labels = [b.label for b in at.get("download_button")]
    assert "Download this check as a record (a page to print or keep)" in labels


def test_check_record__offered_for_units_ticked_alone():
    """Units ticked and nothing else decided is the commonest check: it has its record too."""
    record = "Download this check as a record (a page to print or keep)"
    at = check_units("ocr-03456", [])
    assert record not in [b.label for b in at.get("download_button")]
    at = check_units("ocr-03456", REST)
    assert record in [b.label for b in at.get("download_button")]


def test_route_decisions__a_similar_unit_is_accepted_in_one_click():
    at = open_with_link("app_pages/plan_route.py", units="D/506/2153", to="03456")
    at.button(key="route_accept_1_0").click().run()
    assert not at.exception
    assert at.selectbox(key="check_qualification").value == "ocr-03456"
    assert at.multiselect(key="check_accepted_ocr-03456").value == ["T/601/1235"]
    note = at.text_input(key="accepted_note_T/601/1235").value
    assert note.startswith("Holds D/506/2153 Champion customer service")
    rules = table_with(at, "Rule")
    assert any("accepted by the centre: A17" in rule for rule in rules["Rule"])


def test_check_decisions__the_start_follows_the_sidebars_date_until_set():
    at = check_units("ocr-03456", REST)
    at.date_input(key="as_at").set_value(dt.date(2015, 6, 1)).run()
    assert at.date_input(key="check_start").value == dt.date(2015, 6, 1)
    at.date_input(key="check_start").set_value(dt.date(2015, 9, 7)).run()
    at.date_input(key="as_at").set_value(dt.date(2016, 1, 4)).run()
    assert at.date_input(key="check_start").value == dt.date(2015, 9, 7)  # set: kept
    # ... even when the sidebar passes through the same date on its way elsewhere.
    at.date_input(key="as_at").set_value(dt.date(2015, 9, 7)).run()
    at.date_input(key="as_at").set_value(dt.date(2017, 3, 6)).run()
    assert at.date_input(key="check_start").value == dt.date(2015, 9, 7)


def test_check_decisions__units_in_progress_that_complete_it_leave_nothing_to_plan():
    at = check_units("ocr-03456", REST, as_at=dt.date(2018, 6, 1))  # certificates still issued
    at.multiselect(key="check_in_progress_ocr-03456").set_value([C6, D1]).run()
    assert not at.exception
    assert "Nothing more is needed beyond the units in progress." in texts(at.markdown)
    assert not any(t.startswith("Fewest credits: add 0 units") for t in texts(at.markdown))


def test_check_paste__every_group_holding_a_unit_pasted_opens_so_the_tick_shows():
    """03456's groups B, C and E list more than eight units and start closed; pasting A3, B2,
    C3 and D1 with F3 and F4 opens each group that now holds a ticked unit."""
    at = check_units("ocr-03456", [])

    def opened() -> dict[str, bool]:
        return {e.label.split(",")[0]: e.proto.expanded for e in at.expander
                if e.label.startswith("Group ")}

    assert opened() == {"Group A": True, "Group B": False, "Group C": False, "Group D": True,
                        "Group E": False}
    at.text_area(key="check_paste").input("F3, F4, A3, B2, C3, D1").run()
    assert not at.exception
    assert opened() == {"Group A": True, "Group B": True, "Group C": True, "Group D": True,
                        "Group E": True}


GROUPS_TICKED = ("Ticked 6 units from the box: F3 and F4 in Group A; A3 in Group B; B2 in Group "
                 "C; C3 in Group D; D1 in Group E. Each group holding one is open below.")


def test_check_paste__says_which_units_it_ticked_and_where_they_are():
    """The box empties once read, and the ticks land in groups whose letters are not the unit
    numbers' (C3 is in Group D), often below the fold: the page says what it ticked, and where;
    the box's example is worded as one, so an empty box does not look full."""
    at = check_units("ocr-03456", [])
    assert at.text_area(key="check_paste").placeholder.startswith("For example")
    at.text_area(key="check_paste").input("F3, F4, A3, B2, C3, D1, ZZ9").run()
    assert not at.exception
    ticked = [s for s in texts(at.success) if s.startswith("Ticked")]
    assert ticked == [GROUPS_TICKED]
    # The next paste says only what it ticked; clearing forgets it.
    at.text_area(key="check_paste").input("A4").run()
    assert [s for s in texts(at.success) if s.startswith("Ticked")] == [
        "Ticked 1 unit from the box: A4 in Group B. Its group is open below."]
    at.button(key="check_clear").click().run()
    assert not [s for s in texts(at.success) if s.startswith("Ticked")]
    # Said of 03456's units: not on another qualification's page.
    at.text_area(key="check_paste").input("F3, F4").run()
    at.selectbox(key="check_qualification").set_value("ocr-09628").run()
    assert not at.exception
    assert not [s for s in texts(at.success) if s.startswith("Ticked")]


def test_check_paste__the_pages_own_unit_labels_tick_their_units_without_a_warning():
    """A unit's line copied from the page's list (a checkbox's label) or from its plan or
    record ticks the unit, and its credits and level are not named as units not found; a
    reference that is no unit beside it still is."""
    at = check_units("ocr-03456", [])
    checkbox = at.checkbox(key="unit_K/601/1622").label
    assert checkbox.endswith(", 6 credits, Level 3")
    at.text_area(key="check_paste").input(checkbox).run()
    assert not at.exception
    assert at.checkbox(key="unit_K/601/1622").value
    assert not any(w.startswith("Not units of") for w in texts(at.warning))
    at.text_area(key="check_paste").input(
        "F4 (J/601/1627) Demonstrate understanding of the rules that impact on improvements in "
        "customer service, 6 credits, Level 3, ZZ9").run()
    assert at.checkbox(key="unit_J/601/1627").value
    assert "Not units of 03456, so not ticked (1): ZZ9" in texts(at.warning)
    # A slip names the closest unit; the paste's other references are each named, not cut off.
    at.text_area(key="check_paste").input("F/601/1519 unit 12 F44").run()
    said = next(w for w in texts(at.warning) if w.startswith("Not units of")).replace("\\", "")
    assert said.startswith("Not units of 03456, so not ticked (3): F/601/1519")
    assert "F44 (did you mean F4 (J/601/1627)?)" in said


def test_check_paste__a_unit_of_another_qualification_with_the_same_title_can_be_accepted():
    """03456's A11 pasted on 10379: not ticked, but 10379's CS 10 carries its title, and one
    click accepts it at the centre with a note saying why."""
    at = check_units("ocr-10379", [])
    at.text_area(key="check_paste").input("F/601/1223, CS 7").run()
    assert any("F/601/1223 has the same title as 10379's CS 10 (H/506/2154)" in i
               for i in texts(at.info))
    at.button(key="check_accept_same_0").click().run()
    assert not at.exception
    assert at.multiselect(key="check_accepted_ocr-10379").value == ["H/506/2154"]
    assert at.text_input(key="accepted_note_H/506/2154").value == (
        "Holds F/601/1223 Deal with incoming telephone calls from customers (same title, "
        "another unit reference number; 5 credits, against 3 credits)")


def test_check_paste__the_awarding_bodys_own_unit_number_names_the_unit_it_may_be():
    """OCR's report calls a unit of 10380 "Unit 3"; the sources do not give 10380's own unit
    list, and its boxes follow the national structure's numbers (CS 27). Pasted, "Unit 3" is
    not ticked (the match is by title only), but named, with the box it may be."""
    at = check_units("ocr-10380", [])
    at.text_area(key="check_paste").input("Unit 3").run()
    assert not at.exception
    assert not at.checkbox(key="unit_J/506/2910").value
    said = next(w for w in texts(at.warning) if w.startswith("Not among")).replace("\\", "")
    assert said.endswith(
        "(the awarding body's number for its unit Understand customers and customer "
        "retention, which the sources suggest is CS 27 (J/506/2910) by its title: tick that "
        "one if so)")


def test_check_paste__the_closest_unit_offered_is_one_of_the_qualifications_own():
    """L/506/1905 on 10379: no unit in these documents; the closest URN in the catalogue,
    L/506/2150, is a Level 3 unit that cannot be ticked here, so it is not offered."""
    at = check_units("ocr-10379", [])
    at.text_area(key="check_paste").input("L/506/1905").run()
    said = next(w for w in texts(at.warning) if w.startswith("Not among")).replace("\\", "")
    assert said.endswith("L/506/1905 (no unit in these documents has this reference number)")


def test_check_paste__a_smaller_unit_with_the_same_title_says_what_accepting_it_counts():
    """10379's CS 10 (H/506/2154, 3 credits) pasted on 03456, whose A11 (F/601/1223) has its
    title but 5 credits: the offer says that accepting it counts A11 in full, and the note the
    centre keeps gives both sizes."""
    at = check_units("ocr-03456", [])
    at.text_area(key="check_paste").input("H/506/2154").run()
    (offer,) = [i for i in texts(at.info) if i.startswith("H/506/2154 has the same title")]
    assert offer.endswith("H/506/2154 is worth 3 credits and F/601/1223 5 credits: if the "
                          "centre accepts it, F/601/1223 counts with its own 5 credits, so "
                          "accept it only where the learner's evidence covers the whole of "
                          "F/601/1223.")
    at.button(key="check_accept_same_0").click().run()
    assert at.text_input(key="accepted_note_F/601/1223").value.endswith(
        "(same title, another unit reference number; 3 credits, against 5 credits)")
    assert not any("F/601/1223" in w for w in texts(at.warning))  # dealt with


def test_check_link__carries_a_start_only_once_one_is_chosen():
    """A start that only followed the page's date is left out of the link: opened on a later
    day, the check starts on that day (a start before it would not be worked out)."""
    at = check_units("ocr-09628", [], as_at=dt.date(2015, 1, 5))
    at.number_input(key="check_glh").set_value(5.0).run()
    assert "start" not in at.query_params
    later = open_with_link(CHECK, as_at=dt.date(2015, 2, 2), qual="09628", glh="5")
    assert any(t.startswith("In time: 93 guided learning hours at 5 a week from 2 February "
                            "2015") for t in texts(later.success))
    at.date_input(key="check_start").set_value(dt.date(2015, 3, 2)).run()
    assert at.query_params["start"] == "2015-03-02"


def test_check_paste__a_unit_said_not_achieved_is_not_ticked_and_says_why():
    """"F3, F4 in progress" pasted from a tracker: F3 is ticked, F4 is not (it was counted as
    achieved, with no word), and the warning says why and what to do."""
    at = check_units("ocr-03456", [])
    at.text_area(key="check_paste").input("F3, F4 in progress").run()
    assert not at.exception
    assert at.checkbox(key="unit_K/601/1622").value
    assert not at.checkbox(key="unit_J/601/1627").value
    said = next(w for w in texts(at.warning) if w.startswith("Not marked as")).replace("\\", "")
    assert said == ("Not marked as achieved, so not ticked (1): F4 in progress. Tick a unit "
                    "if it is achieved, or record it as in progress below.")


def test_check_paste__rows_of_a_tracker_marked_not_achieved_are_left_out_alone():
    """Rows pasted from a tracker keep their line breaks in the box: the rows marked referred
    or "N" are left out and named, the others ticked."""
    at = check_units("ocr-03456", [])
    at.text_area(key="check_paste").input(
        "Unit\tStatus\nF3\tAchieved\nF4\tReferred\nA3\tY\nB2\tN\n").run()
    assert not at.exception
    ticked = {c.key for c in at.checkbox if c.key.startswith("unit_") and c.value}
    assert ticked == {"unit_K/601/1622", "unit_R/601/1212"}  # F3 and A3
    said = next(w for w in texts(at.warning) if w.startswith("Not marked as")).replace("\\", "")
    assert said.startswith("Not marked as achieved, so not ticked (2): F4: Referred; B2: N.")


def test_check__no_plan_promised_where_none_follows():
    """03456 on today's date with the units in progress meeting every rule: certificates have
    ended, and no plan of units follows, so nothing speaks of "the plan below"."""
    at = open_with_link("app_pages/check_units.py", qual="03456", units="F3,F4,A3,B2,C3",
                        accepted="C6", progress="D1", on="2026-12-01")
    assert not at.exception
    assert not any("the plan below" in t for t in all_text(at).splitlines())


def test_check_decisions__clear_all_leaves_nothing_of_the_last_learner():
    """Clear all drops the centre's note on a unit and the units ticked towards another
    qualification chosen before, so neither reaches the next learner's record or link."""
    at = check_units("ocr-09628", ["R/502/9652", "D/502/9654"])
    at.selectbox(key="check_qualification").set_value("ocr-03456").run()
    at.multiselect(key="check_accepted_ocr-03456").set_value([C6]).run()
    at.text_input(key=f"accepted_note_{C6}").input("Learner A: cert seen").run()
    at.button(key="check_clear").click().run()
    at.multiselect(key="check_accepted_ocr-03456").set_value([C6]).run()
    assert not at.exception
    assert at.text_input(key=f"accepted_note_{C6}").value == ""
    assert "note1" not in dict(at.query_params)
    at.selectbox(key="check_qualification").set_value("ocr-09628").run()
    assert not any(c.value for c in at.checkbox if c.key.startswith("unit_"))
    assert "units" not in dict(at.query_params)
