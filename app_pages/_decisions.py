"""The centre's decisions on *Check a learner's units*, and the one-click acceptance of a
similar unit from *Plan a route*.

Widgets: ``check_accepted_<qualification id>`` and ``check_in_progress_<qualification id>``
(multiselects of the qualification's units), ``accepted_note_<URN>`` (the note on each unit
accepted), ``check_glh`` (guided learning hours a week, empty for none) and ``check_start``
(the start date). The answers travel in the page address (``?qual=03456&accepted=...``).
Not a page itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from advisor import (
    HOURS_A_WEEK_ACCEPTED,
    MAX_NOTE_LENGTH,
    Accepted,
    ActionPlan,
    Catalogue,
    CheckQuery,
    ProgressCheck,
    Qualification,
    Register,
    Similar,
    Status,
    StatusOnDate,
    action_plan_html,
    carry_over,
    check_answers,
    decode_check,
    describe_unit,
    labels,
    parse_hours_a_week,
    read_typed_units,
    says_not_achieved,
    unit_number,
)
from app_pages._common import (
    ANY_DAY,
    DATE_TYPED_HINT,
    PRINTOUT_KEYS,
    escape_markdown,
    note_date_in_use,
    number_box,
    printout_details,
    read_date_box,
    show_refused,
)

CHECK_PAGE = "app_pages/check_units.py"
NOTE_ASKED = "Say on what evidence the centre accepts it"
START_SET = "check_start_set"  # True once someone (or a link) has chosen the start date


def accepted_key(q: Qualification) -> str:
    return f"check_accepted_{q.id}"


def in_progress_key(q: Qualification) -> str:
    return f"check_in_progress_{q.id}"


def others_key(q: Qualification) -> str:
    """The key of the units held that ``q``'s partial unit list leaves out (they may count)."""
    return f"check_others_{q.id}"


def partly_listed(catalogue: Catalogue, q: Qualification) -> bool:
    """Whether the sources list only some of ``q``'s units, so that a unit held outside the
    list may count."""
    rules, _ = catalogue.effective_rules(q)
    return rules is not None and not rules.listed_in_full


def seed_from_link(catalogue: Catalogue) -> None:
    """Put a shared link's answers into the page's widgets, once per browser session."""
    if st.session_state.get("check_seeded"):
        return
    st.session_state["check_seeded"] = True
    if "qual" not in st.query_params:
        return
    query, notes = decode_check(catalogue, st.query_params.to_dict())
    st.session_state["check_link_notes"] = notes
    if query.qualification is None:
        return
    q = catalogue.qualifications[query.qualification]
    st.session_state["check_qualification"] = q.id
    listed = set(listed_units(catalogue, q))
    for urn in query.units:
        if urn in listed:
            st.session_state[unit_key(urn)] = True
    # Units held beyond a partial list (the link keeps them only then: they may count).
    st.session_state[others_key(q)] = [u for u in query.units if u not in listed]
    st.session_state[accepted_key(q)] = [a.urn for a in query.accepted]
    for decision in query.accepted:
        st.session_state[f"accepted_note_{decision.urn}"] = decision.note
    st.session_state[in_progress_key(q)] = list(query.in_progress)
    st.session_state["check_glh"] = query.glh_per_week
    if query.start is not None:
        st.session_state["check_start"] = query.start
        st.session_state[START_SET] = True
    st.session_state["check_registered"] = query.registered
    st.session_state["check_objective"] = "glh" if query.fewest_hours else "credits"


def ask(catalogue: Catalogue, q: Qualification, as_at: dt.date) -> None:
    """The units the centre accepts (each with its note), the units in progress, and hours a
    week from a start date. The answers are read back by :func:`current_query`."""
    listed = listed_units(catalogue, q)
    rules, _ = catalogue.effective_rules(q)

    def name(urn: str) -> str:
        return describe_unit(catalogue, urn, rules, with_credits=False)

    st.header("The centre's decisions")
    # No "select all" and no loose matching: one Enter must not accept a whole group.
    chosen = st.multiselect(
        "Accepted by the centre (recognition of prior learning)", listed, format_func=name,
        key=accepted_key(q), placeholder="None", select_all=False, filter_mode="contains",
        persist_state="session", wrap=True,  # in a column: every unit in view, not one
        help="Units the centre accepts the learner already has, for example because they hold "
             "a similar unit under another unit reference number. They count, shown apart.")
    for urn in chosen:
        note = st.text_input(f"Evidence for {name(urn)}", key=f"accepted_note_{urn}",
                             max_chars=MAX_NOTE_LENGTH, placeholder=NOTE_ASKED,
                             persist_state="session",
                             help="The note travels in the page address with the check, so "
                                  "that it can be shared: name the evidence, not the learner.")
        if not note.strip():
            st.caption(f"{NOTE_ASKED}.")
    studying = st.multiselect("In progress (studying now)", listed, format_func=name,
                              key=in_progress_key(q), placeholder="None", select_all=False,
                              filter_mode="contains", persist_state="session", wrap=True)
    if len(studying) > 1:  # a narrow box shows one or two of them: all, in a line below
        st.caption(f"In progress ({len(studying)}): "
                   + ", ".join(unit_number(rules, urn) or urn for urn in studying))
    left, right = st.columns(2)
    with left:
        number_box("Guided learning hours a week", "check_glh", parse_hours_a_week,
                   f"The hours a week {{}} were left out: give {HOURS_A_WEEK_ACCEPTED}.",
                   placeholder="Not given")
    # The start follows the sidebar's date until someone sets it.
    if not st.session_state.get(START_SET) or st.session_state.get("check_start") is None:
        st.session_state["check_start"] = as_at
    with right:
        st.date_input("Starting on", key="check_start", format="DD/MM/YYYY",
                      min_value=ANY_DAY[0], max_value=ANY_DAY[1], persist_state="session",
                      on_change=_start_chosen, help=DATE_TYPED_HINT)
        note_date_in_use("check_start")
        show_refused("check_start")
    st.checkbox(
        "Already registered for this qualification", key="check_registered",
        persist_state="session",
        help="A learner registered with the awarding body can finish until certification "
             "closes; someone not yet registered must also start before the last entry date.")


def _start_chosen() -> None:
    """A start chosen is kept, unless it is refused: the start is then the one before."""
    if read_date_box("check_start", "The start chosen was not used: {error}. The start is still "
                                    "{in_use}."):
        st.session_state[START_SET] = True


def listed_units(catalogue: Catalogue, q: Qualification) -> list[str]:
    """The URNs of ``q``'s units in the order its rules of combination list them, for the
    page's lists."""
    rules, _ = catalogue.effective_rules(q)
    return list(rules.units_in_order) if rules else []


def unit_key(urn: str) -> str:
    """The key of a unit's checkbox ("achieved") on the check page."""
    return f"unit_{urn}"


def current_query(catalogue: Catalogue, q: Qualification) -> CheckQuery:
    """The check as the page's widgets now hold it: the units ticked, the centre's decisions
    and the study hours. Read from the session, so a rerun of the answer alone (a tick) sees
    the widgets it does not draw."""
    state = st.session_state
    listed = listed_units(catalogue, q)
    held = tuple(u for u in listed if state.get(unit_key(u)))
    if partly_listed(catalogue, q):  # and those held that the partial list leaves out
        held += tuple(u for u in state.get(others_key(q)) or () if u in catalogue.units
                      and u not in listed)
    accepted = tuple(Accepted(u, str(state.get(f"accepted_note_{u}") or "").strip())
                     for u in state.get(accepted_key(q)) or () if u in listed)
    in_progress = tuple(u for u in state.get(in_progress_key(q)) or () if u in listed)
    glh = state.get("check_glh")
    start = state.get("check_start")
    return CheckQuery(qualification=q.id, units=held, accepted=accepted,
                      in_progress=in_progress,
                      glh_per_week=float(glh) if isinstance(glh, int | float) else None,
                      start=start if isinstance(start, dt.date) else None,
                      registered=bool(state.get("check_registered")),
                      fewest_hours=state.get("check_objective") == "glh")


def for_the_address(query: CheckQuery) -> CheckQuery:
    """The check as its link carries it: the start date only once someone has chosen it, so
    that a link opened another day starts on that day, as the page does, rather than on the
    day the link was made (a start before the check's date is not worked out)."""
    return query if st.session_state.get(START_SET) else dataclasses.replace(query, start=None)


def note_counted_as_achieved(catalogue: Catalogue, query: CheckQuery) -> None:
    """Units accepted or in progress that are ticked as achieved too: they count as achieved."""
    both = [u for u in [*(a.urn for a in query.accepted), *query.in_progress]
            if u in query.units]
    if both:
        rules, _ = catalogue.effective_rules(catalogue.qualifications[query.qualification or ""])
        st.caption("Ticked as achieved too, so counted as achieved: " + ", ".join(
            describe_unit(catalogue, u, rules, with_credits=False) for u in dict.fromkeys(both)))


def show_progress(catalogue: Catalogue, result: ProgressCheck, status: StatusOnDate) -> None:
    """The bars beside the units accepted, where the learner stands when the units in progress
    are achieved (with the qualification's ``status`` on the date), and the timeline."""
    for bar in result.bars:
        st.warning(f"{labels.BAR_BESIDE_ACCEPTED}: {bar.statement}")
        st.caption(f"Source: {labels.cite(catalogue, bar.source)}")
    done = result.when_done
    if done is not None:
        st.header("When the units in progress are achieved")
        state = labels.completion_words(done, status).capitalize()
        st.write(f"{state}: {labels.credits_counted(done)}.")
        if status.status is Status.CERTIFICATION_CLOSED and not done.complete:
            st.write(labels.BEYOND_COMPLETING)
        elif not done.complete and done.plan is not None:
            rules, _ = catalogue.effective_rules(done.qualification)
            st.markdown("Still needed beyond them: " + "; ".join(
                describe_unit(catalogue, u.urn, rules) for u in done.plan.units))
    timeline = result.timeline
    if timeline is not None:
        st.header("Will it fit?")
        show = {True: st.success, False: st.error, None: st.info}[timeline.in_time]
        show(timeline.reason)
        if timeline.source:
            st.caption(f"Source: {labels.cite(catalogue, timeline.source)}")


def accept_similar(catalogue: Catalogue, target: Qualification, similar: Similar,
                   transfers: tuple[str, ...], *, key: str) -> None:
    """A button that accepts a similar unit's counterpart in ``target`` and opens the check,
    with the units that transfer ticked and a note to confirm."""
    rules, _ = catalogue.effective_rules(target)
    counterpart = describe_unit(catalogue, similar.target, rules, with_credits=False)
    if similar.difference:
        st.caption(similar.difference)
    if not st.button(f"Accept {counterpart} at the centre, and check", key=key):
        return
    st.session_state["check_seeded"] = True  # this answer, not an older link, fills the page
    st.session_state["check_qualification"] = target.id
    for urn in transfers:
        st.session_state[unit_key(urn)] = True
    accept_counterpart(target, similar)
    st.switch_page(CHECK_PAGE)


def accept_counterpart(target: Qualification, similar: Similar) -> None:
    """Accept ``similar``'s counterpart in ``target``, with a note saying why, for the centre
    to confirm."""
    chosen = list(st.session_state.get(accepted_key(target)) or [])
    st.session_state[accepted_key(target)] = list(dict.fromkeys([*chosen, similar.target]))
    st.session_state[f"accepted_note_{similar.target}"] = similar.evidence


def offer_record(catalogue: Catalogue, query: CheckQuery, result: ProgressCheck,
                 as_at: dt.date, register: Register | None) -> None:
    """The check as a printable record, the centre's decisions and notes included (offered once
    there is a unit ticked, a decision or a timeline to record)."""
    if not (query.units or query.accepted or query.in_progress or result.timeline is not None):
        return
    record = ActionPlan(as_at=as_at, answers=check_answers(catalogue, query), progress=result,
                        created=dt.date.today(), register=register,
                        **printout_details(staff="Assessor"))
    st.download_button(
        "Download this check as a record (a page to print or keep)",
        lambda: action_plan_html(catalogue, record).encode("utf-8"),
        file_name=record.file_name, mime="text/html", key="check_record_download",
        on_click="ignore")


def paste_units(catalogue: Catalogue, q: Qualification) -> None:
    """A box to type or paste unit numbers or URNs ("F3, F4, A3", or a spreadsheet column):
    each unit of ``q`` found is ticked, and the rest are named (run as the box changes, before
    the checkboxes)."""
    found, unknown = read_typed_units(catalogue, st.session_state.get("check_paste", ""), q)
    for urn in found:
        st.session_state[unit_key(urn)] = True
    # Said once the box has emptied: the ticks may be far below, in groups whose letters are
    # not the unit numbers'.
    st.session_state["check_paste_ticked"] = (
        (q.id, labels.units_ticked_words(catalogue, q, found)) if found else None)
    kept: list[str] = []
    if partly_listed(catalogue, q):  # a unit the partial list leaves out may count: kept
        kept = [r.strip().upper() for r in unknown if r.strip().upper() in catalogue.units]
        held = st.session_state.get(others_key(q)) or []
        st.session_state[others_key(q)] = list(dict.fromkeys([*held, *kept]))
        unknown = [r for r in unknown if r.strip().upper() not in kept]
    st.session_state["check_paste_kept"] = kept
    # Rows of a tracker marked "referred", "N", "60%", or with no mark, apart from the rest
    marked = [r for r in unknown if says_not_achieved(r, catalogue)]
    st.session_state["check_paste_marked"] = marked
    unknown = [r for r in unknown if r not in marked]
    st.session_state["check_paste_unknown"] = unknown
    # Each with the closest unit, for a slip ("F44": F4): looked up once, as the box changes,
    # not on every run of the page that shows them.
    st.session_state["check_paste_named"] = {
        reference: labels.typed_unit_words(catalogue, reference, q) for reference in unknown}
    st.session_state["check_paste"] = ""


def clear_all(catalogue: Catalogue, q: Qualification) -> None:
    """Ready for the next learner: untick every unit of the qualification, drop the centre's
    decisions on it, the study hours, start and registration, and the learner's name and
    agreed actions on the record (the assessor and centre stay). What the learner held
    towards other qualifications chosen before goes too, with the centre's notes on units, so
    that nothing of theirs reaches the next learner's record."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(
            (unit_key(""), "accepted_note_", "check_accepted_", "check_in_progress_",
             "check_others_"))]:
        del st.session_state[key]
    for urn in listed_units(catalogue, q):
        st.session_state[unit_key(urn)] = False
    st.session_state[accepted_key(q)] = []
    st.session_state[in_progress_key(q)] = []
    st.session_state[others_key(q)] = []
    st.session_state["check_paste_unknown"] = []
    st.session_state["check_paste_ticked"] = None
    st.session_state["check_paste_marked"] = []
    st.session_state["check_paste_kept"] = []
    st.session_state["check_paste_named"] = {}
    st.session_state["check_glh"] = None
    st.session_state["check_start"] = None
    st.session_state[START_SET] = False
    st.session_state["check_registered"] = False
    for key in ("learner", "agreed_actions"):
        st.session_state[PRINTOUT_KEYS[key]] = ""


def quick_entry(catalogue: Catalogue, q: Qualification) -> None:
    """Type or paste units instead of hunting for checkboxes; clear everything."""
    # A box of several lines, so that rows pasted from a tracker keep their line breaks: a row
    # saying "referred" or "N" is then left out alone, not the whole paste.
    st.text_area("Type or paste the units achieved: unit numbers such as F3, or URNs (a "
                 "list, or rows copied from a spreadsheet or an e-portfolio; rows marked as "
                 "not achieved are left out)", key="check_paste", on_change=paste_units,
                 args=(catalogue, q), placeholder="For example: F3, F4, A3, B2, C3, D1",
                 max_chars=40_000)
    ticked = st.session_state.get("check_paste_ticked")
    if ticked and ticked[0] == q.id:  # said of the qualification the units were pasted for
        st.success(ticked[1])
    marked = st.session_state.get("check_paste_marked") or []
    if marked:
        st.warning(f"Not marked as achieved, so not ticked ({len(marked)}): "
                   + escape_markdown("; ".join(marked)) + ". Tick a unit if it is achieved, "
                   "or record it as in progress below.")
    unknown = st.session_state.get("check_paste_unknown") or []
    if unknown:
        listed = not partly_listed(catalogue, q)
        closest = st.session_state.get("check_paste_named") or {}
        named = [closest.get(reference, reference) for reference in unknown]
        st.warning((f"Not units of {q.reference}, so not ticked ({len(unknown)}): " if listed
                    else f"Not among the units the sources list for {q.reference} (they list "
                    f"only some of them), so not ticked ({len(unknown)}): ")
                   + escape_markdown("; ".join(named)))
    kept = st.session_state.get("check_paste_kept") or []
    if kept and partly_listed(catalogue, q):
        st.info(f"Kept as units held that may count (the sources list only some of "
                f"{q.reference}'s units): " + escape_markdown(", ".join(kept))
                + ". They are below the rules of combination, with the other units held.")
    offer_same_titles(catalogue, q, [*unknown, *kept])
    st.button("Clear all, for the next learner", key="check_clear", on_click=clear_all,
              args=(catalogue, q), help="Unticks every unit and clears the centre's decisions, "
              "the study hours and the learner's name; the assessor and centre stay.")


def offer_same_titles(catalogue: Catalogue, q: Qualification, typed: list[str]) -> None:
    """For a unit typed that ``q`` does not list but whose title one of its units carries (a
    unit of the learner's older qualification, say): that unit, and a button for the centre to
    accept it, as the route page offers."""
    other_units = [ref.strip().upper() for ref in typed if ref.strip().upper() in catalogue.units]
    if not other_units:
        return
    rules, _ = catalogue.effective_rules(q)
    for number, similar in enumerate(carry_over(catalogue, q, units=other_units).similar):
        counterpart = describe_unit(catalogue, similar.target, rules, with_credits=False)
        st.info(f"{similar.urn} has the same title as {q.reference}'s {counterpart}: the centre "
                "may accept it for that unit (recognition of prior learning)."
                + (f" {similar.difference}" if similar.difference else ""))
        st.button(f"Accept {counterpart} at the centre", key=f"check_accept_same_{number}",
                  on_click=accept_same_title, args=(q, similar))


def accept_same_title(q: Qualification, similar: Similar) -> None:
    """Accept ``similar``'s counterpart in ``q``; the unit pasted is dealt with."""
    accept_counterpart(q, similar)
    for key in ("check_paste_unknown", "check_paste_kept", others_key(q)):
        st.session_state[key] = [ref for ref in st.session_state.get(key) or []
                                 if ref.strip().upper() != similar.urn]
