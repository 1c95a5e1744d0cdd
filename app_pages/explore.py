"""Explore the catalogue: search, a qualification's full profile, side-by-side comparison and,
with a register loaded, a search of Ofqual's register with an entry's profile.

Widgets: ``explore_search`` (text), ``explore_qualification`` (selectbox of qualification ids
for the profile), ``compare`` (multiselect of two or three qualification ids); the address
carries the profile open and the comparison (``?qual=09628&compare=09628,09629``); with a register
loaded (and only then), its tab: ``register_search`` (text), ``register_level`` (entry, 1-8),
``register_org`` (an awarding organisation), ``register_open`` (only those open on the as-at
date) and ``register_entry`` (the number of the entry to profile).
"""

from __future__ import annotations

import streamlit as st

from advisor import (
    ENTRY,
    WHERE_TO_ASK,
    Catalogue,
    Category,
    CheckQuery,
    Qualification,
    Register,
    RouteQuery,
    Status,
    UnknownReference,
    apprenticeships_today,
    check_eligibility,
    compared_routes,
    encode_check,
    encode_route,
    explore_tables,
    find_qualification,
    labels,
    register_tables,
    rules_known_later,
    uk_date,
    without_control_characters,
)
from advisor import search as search_words
from app_pages._common import (
    Frame,
    escape_markdown,
    frame,
    organisations,
    show_entry_status,
    show_glossary,
    show_sources,
    show_statement,
    show_table,
    with_date,
)
from app_pages._layout import Cards, brought_into_view

# The results' columns that decide, in pixels. On a phone (a grid 356 pixels wide inside) the
# row's tick box (33), the qualification (its reference, title and level) and its status on the
# date are in view, and a unit's title and the qualifications listing it; at 1280 pixels (818)
# what replaced a qualification, its awarding body and what found it too (808 in all), or its
# kind where nothing else found it. Each short enough to read whole: the profile says the rest.
STATUS_WIDTH = 135
RESULT_WIDTHS = {"Qualification": 175, "Replaced by": 105, "Awarding body": 105,
                 "Found through": 255, "Kind": 95}
UNIT_WIDTHS = {"Title": 160, "In qualifications": 190}
# A profile's units: the title, its credits and its hours in view on a phone ("GL" was).
STRUCTURE_WIDTHS = {"Title": 160, "Credits": 75, "GLH": 95}
# The register's entries found: the number, the title and whether it is open on the date in
# view on a phone (a grid 356 pixels wide inside), the level too at 1280 pixels.
REGISTER_WIDTHS = {"Number": 95, "Title": 140, "New learners": 120}
# Tables that stack as cards on a phone: each card headed by its row's first cell (a fact, a
# date, where a step leads), and a cell named only where the name says what it is (the date a
# status is on, a source's number, a qualification's reference), not "Value" or "Note" on
# every card.
FACT_CARDS = Cards(heading=True, unlabelled=("Value",))
DATE_CARDS = Cards(heading=True, unlabelled=("Day", "Note"))
STEP_CARDS = Cards(heading=True, unlabelled=("Statement",))
COMPARED_CARDS = Cards(heading=True)
SHARED_UNIT_CARDS = Cards(heading=True, unlabelled=("Title",))
REGISTER_CARDS = Cards(heading=True, unlabelled=("In the register",))


# The glossary's terms this page can show, in one state or another (its questions, its
# answers, its tables): tests/test_app_glossary.py checks them against what it shows.
WORDS = (
    "Level", "Code", "Credit", "GLH", "TQT", "QAN", "Unit", "URN", "NVQ", "Competence",
    "Combined qualification", "Assessor", "Principles of", "QCF", "RQF", "Legacy",
    "Awarding body", "OCNLR", "Centre", "Internally and externally moderated",
    "National structure", "Operational start", "Last entry date", "Certification",
    "Review date", "Apprenticeship framework", "Apprenticeship standard",
    "Technical certificate", "ERR", "Rules of combination", "Intermediate Apprenticeship",
    "Traineeship", "Skills CFA", "B&A", "M&L", "NQF",
    "Secondary source", "Inferred",
)


def ranked_ids(catalogue: Catalogue) -> list[str]:
    ranked = labels.in_level_order(catalogue.qualifications.values())
    return [q.id for q in ranked]


def search(ctx: Frame) -> list[str]:
    """The search box and its results; the ids of the qualifications found (all for none)."""
    query = st.text_input(
        "Search by words of the title, level, kind (NVQ), scheme code, regulator number, unit "
        "reference number (URN), job role or apprenticeship",
        key="explore_search", max_chars=MAX_SEARCH,
        placeholder="for example nvq level 3, 09628, 600/0840/4, D/502/9654, team leader",
        persist_state="session",
    ) or ""
    found = search_words.find_qualifications(ctx.catalogue, query)
    standards = search_words.standards_found(ctx.catalogue, query)
    for standard in standards:
        st.info(f"{standard.name} is an apprenticeship standard, the "
                "kind of apprenticeship that took the place of the frameworks in these "
                "documents (the sources do not say when). It is not a qualification these "
                "documents describe: below are those of the framework it replaced. To start "
                f"one, ask an employer, {WHERE_TO_ASK}.")
    if not standards and search_words.asks_about_apprenticeships(query):
        # Where apprenticeships stand on the date, level by level, before the frameworks'
        # qualifications below (which have closed or may have).
        for level in sorted({f.level for f in ctx.catalogue.frameworks.values()}):
            said, sources = apprenticeships_today(ctx.catalogue, level, ctx.as_at)
            st.info(escape_markdown(said))
            show_sources(ctx.catalogue, sources)
    qualifications = explore_tables.qualification_matches(
        ctx.catalogue, query, as_at=ctx.as_at, register=ctx.register, found=found)
    units = explore_tables.unit_matches(ctx.catalogue, query)
    if not query.strip():
        st.write("Every qualification and national structure in the catalogue:")
    elif qualifications.empty and units.empty:
        st.info(f"Nothing matches \u201c{escape_markdown(query)}\u201d: every word must be "
                "found. Try fewer words, part of a title (complaints), a level (level 3), a "
                "scheme code (09628), a regulator number (600/0840/4), a unit reference number "
                "(D/502/9654) or a job role (team leader).")
        return ranked_ids(ctx.catalogue)
    if not qualifications.empty:
        if query.strip():
            st.markdown(f"**Qualifications ({len(qualifications)})**")
        if "Found through" in qualifications.columns:
            st.caption("Found through: where the qualification's own details do not have "
                       "the words searched for, the job role or apprenticeship framework in the "
                       "sources (or the apprenticeship standard that took a framework's place) "
                       "that has them and leads to it.")
        st.caption("Select a row to read that qualification in full below.")
        references = list(qualifications["Reference"])
        in_table_order = [ctx.catalogue.find_qualification(r).id for r in references]

        def open_profile(row: int) -> None:
            st.session_state["explore_qualification"] = in_table_order[row]
            st.session_state[PROFILE_CHOSEN] = True
            st.session_state[SCROLL_TO_PROFILE] = True  # below the results, out of sight

        # A grid of its own for each profile open: a row ticked for one profile is not left
        # ticked once another is chosen in the box below.
        opened = st.session_state.get("explore_qualification") or ""
        show_table(qualifications, name="Qualifications found",
                   key=f"explore_qualifications_csv_{opened}", file_name="qualifications.csv",
                   on_row=open_profile, widths={
                       **RESULT_WIDTHS, qualifications.columns[1]: STATUS_WIDTH})
    if not units.empty:
        st.markdown(f"**Units ({len(units)})**")
        if units["In qualifications"].str.contains("(inferred)", regex=False).any():
            st.caption("In qualifications: a qualification marked (inferred) has no unit list "
                       "of its own in the sources; it is taken to follow a national structure "
                       "that lists the unit.")
        show_table(units, name="Units found", key="explore_units_csv", file_name="units.csv",
                   widths=UNIT_WIDTHS)
    listing: set[str] = set()  # units alone: what opens below lists one of them
    if qualifications.empty and not units.empty:
        listing = {q.id for urn in units["URN"] for q in ctx.catalogue.qualifications_listing(urn)}
        if listing:
            st.caption("Below, open a qualification that lists one of these units.")
    if not qualifications.empty:  # in the results' order: what is current first at a level
        return in_table_order
    return ([i for i in ranked_ids(ctx.catalogue) if i in listing]
            or ranked_ids(ctx.catalogue))


def profile(ctx: Frame, ids: list[str]) -> Qualification:
    """One of ``ids`` (the search's results) in full; the qualification shown."""
    catalogue = ctx.catalogue
    if st.session_state.get("explore_qualification") not in ids:
        # Not among the results: open the first still current on the date. Set, not left to
        # the widget's default, so that the box shows the qualification the page opens.
        st.session_state["explore_qualification"] = explore_tables.first_to_open(
            catalogue, ids, as_at=ctx.as_at, register=ctx.register)
    chosen = st.selectbox(
        "Open a qualification" + (" from the results" if len(ids) < len(ranked_ids(catalogue))
                                  else ""),
        ids, key="explore_qualification",
        format_func=lambda i: labels.qualification_label(catalogue.qualifications[i]),
        on_change=note_profile_chosen,
    )
    q = catalogue.qualifications[chosen or ids[0]]
    st.session_state[LINKED] = q.reference
    st.header(q.title)
    eligibility = check_eligibility(catalogue, q, as_at=ctx.as_at, register=ctx.register)
    show_entry_status(catalogue, eligibility)
    if q.category is Category.QUALIFICATION and eligibility.status.status is not Status.OPEN:
        # Not known to be open: never a dead end. Whom to ask, and the journey that suggests
        # what is open at the right level.
        st.info(f"To start a qualification like this one now, ask {WHERE_TO_ASK} what they "
                "offer; *Find a starting level* suggests the level to ask for.")
        st.page_link("app_pages/starting_level.py", icon=":material/arrow_forward:",
                     label="Find a starting level", query_params=with_date(ctx, {}))
    journeys_from(ctx, q)
    reference = q.reference.replace("/", "-")

    # The profile's tables stack as cards on a phone: squeezed, they were cut off at the edge
    # ("Sourc", "not state") or their notes ran one word to a line.
    show_table(explore_tables.facts_table(catalogue, q), name="Profile",
               key="explore_profile_csv", file_name=f"profile-{reference}.csv", wrap=True,
               stack=FACT_CARDS)
    structure(ctx, q, reference)

    st.markdown("**Dates**")
    show_table(explore_tables.dates_table(catalogue, q, as_at=ctx.as_at), name="Dates",
               key="explore_dates_csv", file_name=f"dates-{reference}.csv", wrap=True,
               stack=DATE_CARDS)

    st.markdown("**Age groups**")
    if q.ages is None:
        st.write("Not stated in the sources.")
    else:
        st.markdown(f"- Approved for: {', '.join(q.ages.approved) or 'none stated'}\n"
                    f"- Not approved for: {', '.join(q.ages.not_approved) or 'none stated'}"
                    + "".join(f"\n- {caution.text}" for caution in q.ages.cautions))
        show_sources(catalogue, q.ages.source)

    show_statement(catalogue, "Who it suits", q.suitable_for)
    show_statement(catalogue, "Entry requirements", q.entry_requirements)
    if q.role_requirement is not None:
        show_statement(catalogue, "Role requirement", q.role_requirement)
    for heading, statement in (("Purpose", q.purpose), ("Assessment", q.assessment),
                               ("Certificates for part of it", q.unit_certification)):
        if statement is not None:
            show_statement(catalogue, heading, statement)

    st.markdown("**Progression**")
    steps = explore_tables.progression_table(catalogue, q, as_at=ctx.as_at, register=ctx.register)
    if steps.empty:
        st.write("The sources state no next step from this qualification.")
    else:
        st.caption("Stated: a source document says so. Inferred: reasoned from the sources, "
                   "which do not say it in those words.")
        show_table(steps, name="Progression", key="explore_progression_csv",
                   file_name=f"progression-{reference}.csv", wrap=True, stack=STEP_CARDS)

    st.markdown("**Replaced by**")
    if not q.replaced_by:
        st.write("The sources do not say that anything replaced it.")
    for replacement in q.replaced_by:
        successor = catalogue.qualifications.get(replacement.by)
        name = labels.qualification_label(successor) if successor else replacement.by
        st.markdown(f"- {name}, {replacement.scope}")
        show_sources(catalogue, replacement.source)
    for index, note in enumerate(q.notes):
        show_statement(catalogue, "Notes" if index == 0 else "More notes", note)
    return q


def journeys_from(ctx: Frame, q: Qualification) -> None:
    """Where to go from a profile: the routes onward from it, and a check of a learner's units
    against it, each page opened with this qualification (and the date) filled in."""
    catalogue = ctx.catalogue
    if q.category is Category.QUALIFICATION:
        st.page_link("app_pages/plan_route.py", icon=":material/arrow_forward:",
                     label=f"Plan a route onward from {q.reference}",
                     query_params=with_date(ctx, encode_route(
                         catalogue, RouteQuery(from_qualification=q.id))))
    st.page_link("app_pages/check_units.py", icon=":material/arrow_forward:",
                 label=f"Check a learner's units against {q.reference}",
                 query_params=with_date(ctx, encode_check(catalogue,
                                                          CheckQuery(qualification=q.id))))


def structure(ctx: Frame, q: Qualification, reference: str) -> None:
    catalogue = ctx.catalogue
    st.markdown("**Structure: groups and units**")
    st.write(labels.STRUCTURE_WORDS[q.structure].capitalize() + ".")
    if q.structure_note:
        st.write(q.structure_note)
    rules, based_on = catalogue.effective_rules(q)
    if rules is None:
        if not q.structure_note:
            st.write("The sources give no unit list for it.")
    else:
        later = rules_known_later(catalogue, q, ctx.as_at)
        if later is not None:  # borrowed from a structure dated after the date: not its then
            st.warning(escape_markdown(
                f"{later.reason} The groups and units below are those of "
                f"{labels.qualification_label(later.structure)} as its "
                f"{later.known_from.year} document gives them."))
            show_sources(catalogue, later.source)
        elif based_on is not None:
            _, which = explore_tables.follows(catalogue, q) or (based_on, "which it follows")
            st.info(f"Its own unit list is not in the sources. These are the groups and units of "
                    f"{labels.qualification_label(based_on)}, {which}.")
        st.markdown("\n".join(f"- {labels.group_name(group)}: "
                               f"{labels.group_requirement(group)}" for group in rules.groups))
        show_table(explore_tables.structure_table(catalogue, q), name="Groups and units",
                   key="explore_structure_csv", file_name=f"structure-{reference}.csv",
                   widths=STRUCTURE_WIDTHS)
        show_sources(catalogue, rules.source)
        for rule in rules.credit_rules:
            st.markdown(f"- {rule.description}")
    for statement in q.rule_statements:
        show_statement(catalogue, "What the sources say about its rules", statement)
    if q.named_units:
        st.markdown("**Units the sources name**")
        for named in q.named_units:
            guess = f" (possibly {named.possible_urn})" if named.possible_urn else ""
            st.markdown(f"- {named.number}: {named.title}{guess}")
            show_sources(catalogue, named.source)


def compare(ctx: Frame) -> list[Qualification]:
    """Two or three qualifications side by side, and the units they share; those chosen."""
    catalogue = ctx.catalogue
    ids = ranked_ids(catalogue)
    chosen = st.multiselect(
        "Compare two or three qualifications", ids, key="compare", max_selections=3,
        format_func=lambda i: labels.qualification_label(catalogue.qualifications[i]),
        persist_state="session",
    )
    if len(chosen) < 2:
        st.write("Choose two or three qualifications to see their facts side by side and the "
                 "units they share.")
        return [catalogue.qualifications[i] for i in chosen]
    picked = [catalogue.qualifications[i] for i in chosen]
    _compared(ctx, picked)
    return picked


def _compared(ctx: Frame, picked: list[Qualification]) -> None:
    catalogue = ctx.catalogue
    compared = explore_tables.comparison_table(catalogue, picked, as_at=ctx.as_at,
                                               register=ctx.register)
    # Side by side on a wide screen; on a phone each fact is a card, each qualification's
    # answer after its reference (three columns squeezed into 390 pixels ran a word to a line).
    show_table(compared, name="Comparison", key="compare_csv", file_name="comparison.csv",
               wrap=True, stack=COMPARED_CARDS)
    shared = explore_tables.shared_units_table(catalogue, picked)
    st.markdown("**Shared units**")
    for q in picked:
        by = explore_tables.follows(catalogue, q)
        if by is not None:
            st.caption(f"{q.reference}: its own unit list is not in the sources, so its units "
                       f"here are those of {by[0].reference}, {by[1]}.")
    unlisted = [q.reference for q in picked if not catalogue.listed_units(q)]
    if unlisted:
        st.caption(f"The sources give no unit list for {', '.join(unlisted)}, so the units "
                   "shared with it cannot be said: ask the awarding body.")
    partial = explore_tables.partly_listed(catalogue, picked)
    if shared.empty:
        if len(picked) - len(unlisted) < 2:
            st.write("There are not two unit lists among them to compare.")
        elif partial:
            st.write("The units the sources list for them share no unit reference number, but "
                     f"they list only some of the units of {', '.join(partial)}, so a unit "
                     "may yet carry over: ask the centre.")
        else:
            st.write("Their unit lists in the sources share no unit reference number, so no "
                     "credit carries over between them by URN.")
    else:
        st.write("A unit with the same unit reference number is the same unit: credit for it "
                 "carries over.")
        # A table, not a grid (16 rows at most in this catalogue), so that on a phone each unit
        # is a card: the grid showed its number and title, and each qualification's unit was
        # off to the side.
        show_table(shared, name="Shared units", key="compare_shared_csv",
                   file_name="shared-units.csv", wrap=True, stack=SHARED_UNIT_CARDS)
    routes_between(ctx, picked)


def routes_between(ctx: Frame, picked: list[Qualification]) -> None:
    """What to do next with a comparison: plan a route from each qualification to the next one
    up, which says what carries over and what is still needed; never back to one that another
    of them replaced, which is said instead (the engine decides which)."""
    offered = compared_routes(ctx.catalogue, picked, as_at=ctx.as_at, register=ctx.register)
    for said, sources in offered.replaced:
        st.caption(escape_markdown(said))
        show_sources(ctx.catalogue, sources)
    for held, wanted in offered.routes:
        st.page_link("app_pages/plan_route.py", icon=":material/arrow_forward:",
                     label=f"Plan a route from {held.reference} to {wanted.reference}: what "
                           "carries over, and what is still needed",
                     query_params=with_date(ctx, encode_route(ctx.catalogue, RouteQuery(
                         from_qualification=held.id, to_qualification=wanted.id))))


REGISTER_LEVELS = [ENTRY, *range(1, 9)]
RESULTS_SHOWN = 50


def register_search(ctx: Frame, register: Register) -> None:
    """Search Ofqual's register with filters, and one entry's profile with its specification
    link."""
    st.caption(register_tables.register_loaded(register.record) + " Its entries have no units "
               "or rules of combination: those come from the documents alone.")
    words = st.text_input("Words of the title", key="register_search",
                          placeholder="for example customer service",
                          persist_state="session") or ""
    left, middle, right = st.columns(3)
    level = left.selectbox("Level", REGISTER_LEVELS, index=None, key="register_level",
                           placeholder="Any level",
                           format_func=lambda n: "Entry Level" if n == ENTRY else f"Level {n}")
    organisation = middle.selectbox("Awarding organisation", organisations(ctx), index=None,
                                    key="register_org", placeholder="Any organisation")
    open_only = right.checkbox("Only those open to new learners on the as-at date",
                               key="register_open")
    entries = register.search(words, level=level, organisation=organisation,
                              open_on=ctx.as_at if open_only else None, limit=RESULTS_SHOWN)
    if not entries:
        st.info("No qualification in the register matches. Try fewer words, or another level "
                "or organisation.")
        return
    shown = (f"{RESULTS_SHOWN} shown, and there may be more: add words or filters to narrow "
             "them" if len(entries) == RESULTS_SHOWN else f"{len(entries)} found")
    st.markdown(f"**Qualifications in the register** ({shown}; open or closed on "
                f"{uk_date(ctx.as_at)} as the register's dates say)")
    show_table(register_tables.register_matches(entries, as_at=ctx.as_at),
               name="Register entries found", key="register_matches_csv",
               file_name="register-entries.csv", widths=REGISTER_WIDTHS)

    names = {entry.number: entry for entry in entries}
    if st.session_state.get("register_entry") not in names:
        st.session_state.pop("register_entry", None)  # not among the results: reset
    chosen = st.selectbox("Open a register entry", list(names), key="register_entry",
                          format_func=lambda n: names[n].name)
    entry = names[chosen or entries[0].number]
    st.header(entry.title or entry.number)
    q = find_qualification(ctx.catalogue, entry.number, register=register)
    show_entry_status(ctx.catalogue, check_eligibility(ctx.catalogue, q, as_at=ctx.as_at,
                                                       register=register))
    if q.id in ctx.catalogue.qualifications:
        st.info(f"The catalogue holds this qualification too, as {labels.qualification_label(q)}"
                ": its units and rules are in the first tab.")
    show_table(register_tables.register_entry_table(entry), name="Register entry",
               key="register_entry_csv",
               file_name=f"register-{entry.number.replace('/', '-')}.csv", wrap=True,
               stack=REGISTER_CARDS)
    link = register_tables.specification_link(entry)
    if link is not None:
        st.link_button("Open the specification (the awarding organisation's site)", link)
    st.caption(f"Source: {register.source_label}, qualification {entry.number}")


# What the address last named, each applied once (the page writes the address every run).
LINKED = "explore_linked"  # the qualification
SEARCH_LINKED = "explore_search_linked"  # the search
COMPARE_LINKED = "explore_compare_linked"  # the comparison
OPEN_ON_COMPARE = "explore_open_on_compare"  # True once a link named a comparison
# True once a person (a row, the box, a link) chose the profile open: only then is it in the
# address; the one the page opens by itself is not something to share.
PROFILE_CHOSEN = "explore_profile_chosen"
PROFILE_KEY = "explore_profile"  # the container of the profile's heading
SCROLL_TO_PROFILE = "explore_scroll_to_profile"  # a search result was chosen: show its profile
COMPARE_TAB = "Compare qualifications"
MAX_SEARCH = 200  # characters the search box takes, and of a linked search


def note_profile_chosen() -> None:
    st.session_state[PROFILE_CHOSEN] = True


def open_from_link(catalogue: Catalogue) -> None:
    """A link's answers, each once: a search (``?search=team+leader``) fills the box; a
    qualification (``?qual=09628``) opens its profile, the search cleared unless it finds it;
    a comparison (``?compare=09628,09629``) chooses its qualifications, and the page opens on
    its tab. A reference the catalogue does not know is said, and left out."""
    searched = st.query_params.get("search", "")
    if searched and searched != st.session_state.get(SEARCH_LINKED, ""):
        st.session_state[SEARCH_LINKED] = searched
        st.session_state["explore_search"] = without_control_characters(searched)[:MAX_SEARCH]
    named = st.query_params.get("qual")
    if named and named != st.session_state.get(LINKED):
        st.session_state[LINKED] = named
        try:
            q = catalogue.find_qualification(named)
        except UnknownReference:
            not_known(named)
        else:
            if q.id not in search_words.find_qualifications(
                    catalogue, st.session_state.get("explore_search") or ""):
                st.session_state["explore_search"] = ""
            st.session_state["explore_qualification"] = q.id
            st.session_state[PROFILE_CHOSEN] = True
        if not st.query_params.get("compare"):  # a profile's link opens on the profile
            st.session_state[OPEN_ON_COMPARE] = False
    compared = st.query_params.get("compare")
    if compared and compared != st.session_state.get(COMPARE_LINKED):
        st.session_state[COMPARE_LINKED] = compared
        chosen: list[str] = []
        for reference in filter(None, (part.strip() for part in compared.split(","))):
            try:
                chosen.append(catalogue.find_qualification(reference).id)
            except UnknownReference:
                not_known(reference)
        st.session_state["compare"] = list(dict.fromkeys(chosen))[:3]
        st.session_state[OPEN_ON_COMPARE] = True  # for the rest of the session


def not_known(reference: str) -> None:
    st.warning(f"The link names a qualification, {escape_markdown(reference)!r}, that is not "
               "in the catalogue, so it was left out.")


def main() -> None:
    ctx = frame()
    st.title("Explore the catalogue")
    show_glossary(WORDS)
    open_from_link(ctx.catalogue)
    # The register's tab only when the server has one: without it the page is as it was.
    names = ["Find and read a qualification", COMPARE_TAB]
    find, side_by_side, *registered = st.tabs(
        names if ctx.register is None else [*names, "Ofqual register"],
        default=COMPARE_TAB if st.session_state.get(OPEN_ON_COMPARE) else None)
    with find:
        found = search(ctx)
        st.divider()
        with st.container(key=PROFILE_KEY):
            st.header("A qualification in full")
        if st.session_state.pop(SCROLL_TO_PROFILE, False):
            with st.container(key=f"{PROFILE_KEY}_scroll"):
                st.html(brought_into_view(PROFILE_KEY, within=f"{PROFILE_KEY}_scroll"),
                        unsafe_allow_javascript=True)
        shown = profile(ctx, found)
    with side_by_side:
        compared = compare(ctx)
    # The search, the profile open and the comparison travel in the address, with the date,
    # so that any of them can be shared.
    typed = st.session_state.get("explore_search") or ""
    address = {"search": typed} if typed.strip() else {}
    st.session_state[SEARCH_LINKED] = address.get("search", "")
    if st.session_state.get(PROFILE_CHOSEN):  # not the one the page opens by itself
        address["qual"] = shown.reference
    if compared:
        address["compare"] = ",".join(q.reference for q in compared)
        st.session_state[COMPARE_LINKED] = address["compare"]
    st.query_params.from_dict(with_date(ctx, address))
    if ctx.register is not None:
        with registered[0]:
            register_search(ctx, ctx.register)


main()
