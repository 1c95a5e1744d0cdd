"""Find a starting level: a short questionnaire, and the level and qualifications it points to.

Widgets: ``sl_age`` (whole years, or None), ``sl_employment`` ("working" /
"not-working"), ``sl_role`` (job role: pick or type), ``sl_want`` (not working: the job they
would like, pick or type), ``sl_does`` (Level 3 descriptions that
fit), ``sl_senior`` ("yes" / "no"), ``sl_has`` (qualification ids held, and ``other-level-N``
for one the documents do not describe), ``sl_units`` (URNs held), ``sl_aim`` (knowledge /
competence / apprenticeship). The answers live in the browser session and in the page address
(``?age=20&work=working...``), so a learner can reopen the plan later; nothing is stored on the
server.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advisor import (
    YOU_ON_SCREEN,
    ActionPlan,
    Aim,
    AnswerError,
    Catalogue,
    Category,
    Employment,
    Finding,
    FindingCode,
    JobWanted,
    Profile,
    Recommendation,
    RoleMatch,
    action_plan_html,
    answers,
    decode_profile,
    encode_profile,
    encode_route,
    from_register,
    labels,
    level_3_statements,
    level_given,
    profile_answers,
    recommend,
    route_for_offer,
    tables,
    text,
    uk_date,
    without_control_characters,
)
from app_pages._common import (
    AGE_REFUSED,
    CENTRE_BOX,
    SENIOR_ANSWERS,
    Frame,
    ask_printout_details,
    escape_markdown,
    frame,
    number_box,
    printout_details,
    show_awarding_bodies,
    show_entry_status,
    show_frameworks,
    show_glossary,
    show_sources,
    show_table,
    table_words,
    with_date,
)

# The choices in the learner's words (labels: the printout uses them too), by value.
EMPLOYMENT = {e.value: words for e, words in labels.EMPLOYMENT_ANSWERS.items()}
AIMS = {aim.value: words for aim, words in labels.AIM_ANSWERS.items()}


# The glossary's terms the page's introduction and questions use, whatever is answered (its
# answer's terms are found in the answer's own words: :func:`words_of_answer`).
ASKED = ("Level", "Unit", "URN", "NVQ", "Competence", "Principles of",
         "Certificate of unit credit")


# Said under the qualifications at the level where some are known only from the register.
FROM_REGISTER = (f"{labels.REGISTER_ORIGIN}: the regulator lists these as open at this level, "
                 "but the documents do not describe them, so their units, age groups and entry "
                 "requirements are not known here. Ask the awarding organisation or a centre.")


def does_key(number: int) -> str:
    """The checkbox for the Level 3 description numbered ``number`` (from 1)."""
    return f"sl_does_{number}"


def seed_from_link(catalogue: Catalogue) -> None:
    """On the first run of the page in a session, take the answers from the page address."""
    if st.session_state.get("sl_seeded"):
        return
    st.session_state["sl_seeded"] = True
    if not any(k in st.query_params for k in ("age", "work", "role", "want", "does", "senior",
                                              "has", "units", "aim")):
        return
    profile, notes = decode_profile(catalogue, st.query_params.to_dict())
    st.session_state["sl_link_notes"] = notes
    st.session_state["sl_age"] = profile.age
    st.session_state["sl_employment"] = profile.employment.value if profile.employment else None
    st.session_state["sl_role"] = profile.role
    st.session_state["sl_want"] = profile.job_wanted
    statement = level_3_statements(catalogue)
    for number, point in enumerate(statement.points if statement else (), start=1):
        st.session_state[does_key(number)] = point in profile.responsibilities
    st.session_state["sl_senior"] = (None if profile.senior_role is None
                                     else "yes" if profile.senior_role else "no")
    st.session_state["sl_has"] = [*profile.held_qualifications,
                                  *(other_choice(level) for level in profile.other_held_levels)]
    st.session_state["sl_units"] = list(profile.held_units)
    st.session_state["sl_aim"] = profile.aim.value if profile.aim else None


def ask(catalogue: Catalogue) -> Profile:
    """The questionnaire, in plain English; returns the answers as a profile."""
    roles = sorted({r.title for r in catalogue.job_roles.values()})
    statement = level_3_statements(catalogue)
    qualifications = labels.in_level_order(
        q for q in catalogue.qualifications.values() if q.category is Category.QUALIFICATION)
    left, right = st.columns(2, gap="large")
    with left:
        age = number_box("How old are you?", "sl_age", answers.parse_age, AGE_REFUSED,
                         placeholder="Age in years")
        employment = st.radio("Are you working at the moment?", list(EMPLOYMENT), index=None,
                              format_func=EMPLOYMENT.__getitem__, key="sl_employment",
                              persist_state="session")
        role, does, senior, wanted = None, [], None, None
        if employment == Employment.NOT_WORKING.value:
            # Asked instead of the job they do: the same list, matched as a job title is.
            wanted = st.selectbox(
                "Which job would you like? (optional)", roles, index=None, key="sl_want",
                persist_state="session", accept_new_options=True,
                placeholder="Type a job title, or pick one of the examples",
                help=labels.job_examples_help(catalogue))
        # Questions about a job only for someone who has one.
        if employment != Employment.NOT_WORKING.value:
            role = st.selectbox(
                "What is your job called?", roles, index=None, key="sl_role",
                persist_state="session", accept_new_options=True,
                placeholder="Type your job title, or pick one of the examples",
                help=labels.job_examples_help(catalogue))  # as the job wanted's: both lists
            if statement is not None:
                st.markdown("**Which of these describe your work?** Tick any that fit.")
                does = [point for number, point in enumerate(statement.points, start=1)
                        if st.checkbox(labels.in_your_words(point), key=does_key(number),
                                       persist_state="session", wrap=True,
                                       help=f"The handbook's words: {point}.")]
                st.caption("From how the Level 3 NVQ handbook describes its learners: "
                           + labels.cite(catalogue, statement.source) + ".")
            senior = st.radio(
                "Are you in a senior role where you influence decisions and shape how "
                "customer service is delivered?", list(SENIOR_ANSWERS), index=None,
                format_func=SENIOR_ANSWERS.__getitem__, key="sl_senior", horizontal=True,
                persist_state="session")
    with right:
        # No "select all": one Enter would claim every qualification or unit that matches.
        # Each box in a column wraps its choices: unwrapped, a column scrolls them sideways
        # and shows only the first of four units held.
        # The documents' qualifications, then one choice a level for any other awarding
        # body's (most learners hold one the documents do not describe).
        others = {other_choice(level): level for level in catalogue.levels_offered}
        has = st.multiselect(
            "Customer service qualifications you already hold",
            [q.id for q in qualifications] + list(others),
            format_func=lambda i: (labels.other_qualification_words(others[i]) if i in others
                                   else labels.qualification_label(catalogue.qualifications[i])),
            key="sl_has", placeholder="None", select_all=False, filter_mode="contains",
            persist_state="session", wrap=True)
        units = st.multiselect(
            "Units you already hold (from a certificate of unit credit)",
            sorted(catalogue.units),
            format_func=lambda u: f"{u} {catalogue.units[u].title}",
            key="sl_units", placeholder="None: search by title or unit reference number",
            select_all=False, filter_mode="contains", persist_state="session", wrap=True)
        aim = st.radio("What do you want from a qualification?", list(AIMS), index=None,
                       format_func=AIMS.__getitem__, key="sl_aim", persist_state="session")
    return Profile(
        age=int(age) if age is not None else None,
        employment=Employment(employment) if employment else None,
        role=without_control_characters(role or "") or None,
        responsibilities=tuple(does),
        senior_role=None if senior is None else senior == "yes",
        held_qualifications=tuple(i for i in has if i not in others),
        other_held_levels=tuple(others[i] for i in has if i in others),
        held_units=tuple(units), aim=Aim(aim) if aim else None,
        job_wanted=without_control_characters(wanted or "") or None,
    )


def other_choice(level: int) -> str:
    """The held-qualifications box's choice for another awarding body's at ``level``."""
    return f"other-level-{level}"


def offer_close_titles(match: RoleMatch, *, key: str = "sl_role") -> None:
    """A button for each listed job title close to the one typed (in the box ``key``): a typed
    title picks no level of its own, so one click puts the listed title in its place."""
    roles = {role.title: role for role in match.suggestions}
    if key == "sl_want" and roles:
        st.caption("Pick a close title to see what the documents say of that job, and of the "
                   "qualifications towards it:")
    for number, (title, role) in enumerate(roles.items()):
        # The level on the button: one click may change the answer's level (and "no level
        # given" tells "Help Desk Assistant" from "Helpdesk Assistants (Level 2)").
        st.button(f"Use \"{title}\" ({level_given(role)})", on_click=use_role, args=(key, title),
                  key=f"sl_use_role_{number}" if key == "sl_role" else f"{key}_use_{number}")


def use_role(key: str, title: str) -> None:
    st.session_state[key] = title


def show_job_wanted(catalogue: Catalogue, wanted: JobWanted) -> None:
    """What the documents say of the job the learner would like, and the qualifications
    towards it on the date; or that they do not list it, with the titles close to it."""
    st.header("The job you would like")
    if wanted.not_listed is not None:
        st.warning(escape_markdown(wanted.not_listed.message))
        show_sources(catalogue, wanted.not_listed.source)
        offer_close_titles(wanted.match, key="sl_want")
    for role in wanted.roles:
        for finding in (role.about, role.towards):
            st.markdown(escape_markdown(finding.message))
            show_sources(catalogue, finding.source)
        if role.at_work is not None:  # a caution, as the same words are above
            st.warning(escape_markdown(role.at_work.message))
            show_sources(catalogue, role.at_work.source)
    st.caption(labels.JOB_WANTED_SETS_NO_LEVEL)


def show_finding(catalogue: Catalogue, finding: Finding) -> None:
    st.markdown(f"- {escape_markdown(finding.message)}")
    show_sources(catalogue, finding.source)


def main() -> None:
    ctx = frame()
    st.title("Find a starting level")
    st.write("Answer what you can; every answer is optional. The advisor suggests a level, "
             "shows the qualifications at it, and explains why, with the documents it relies "
             "on. Your answers stay in this browser.")
    glossary = st.container()  # filled last, once the answer is known
    said = show_answer(ctx)
    with glossary:
        show_glossary(labels.glossary_terms([*ASKED, *said]))


def show_answer(ctx: Frame) -> list[str]:
    """The questions and the answer to them; returns the words of the answers given and of
    the answer to them (:func:`words_of_answer`), for the glossary."""
    catalogue = ctx.catalogue
    seed_from_link(catalogue)
    for note in st.session_state.get("sl_link_notes", []):
        st.warning(escape_markdown(note))

    profile = ask(catalogue)
    # The boxes' answers, as they show them.
    asked = [*profile_answers(catalogue, profile).values(),
             *(catalogue.units[u].title for u in profile.held_units if u in catalogue.units)]
    try:
        # Worded to the learner, as the page's questions are ("How old are you?")
        result = recommend(catalogue, profile, as_at=ctx.as_at, register=ctx.register,
                           voice=YOU_ON_SCREEN)
    except AnswerError as error:  # a description not in the list: only from a hand-made link
        st.error(escape_markdown(str(error)))
        return [*asked, str(error)]
    st.query_params.from_dict(with_date(ctx, encode_profile(catalogue, profile)))

    shown: list[str] = []  # the words of the tables drawn, for the glossary
    st.divider()
    st.header("Suggested starting level")
    if result.recommended_level is None:
        st.info("Not enough to go on yet: say whether you are working, what your job is "
                "called, or what you already hold.")
    else:
        st.metric("Suggested level", f"Level {result.recommended_level}")
    # What to do, straight after the answer: on a phone, after the reasons and the cautions it
    # came some 5,000 px down the page. Why, and what to take care over, follow it.
    st.header("What to do next")
    for step in result.next_steps:
        st.markdown(f"- {escape_markdown(step.message)}")
        show_sources(catalogue, step.source)
    show_awarding_bodies(catalogue, (o.qualification for o in result.options))
    if result.reasons:
        st.markdown("**Why**")
        for finding in result.reasons:
            show_finding(catalogue, finding)
    for finding in result.cautions:
        if finding.code is FindingCode.NOT_ENOUGH_TO_RECOMMEND:
            continue  # the "Not enough to go on yet" above says it, to the learner
        st.warning(escape_markdown(finding.message))
        show_sources(catalogue, finding.source)
        if finding.code is FindingCode.ROLE_NOT_LISTED and result.role_match is not None:
            offer_close_titles(result.role_match)

    if result.options:
        st.header(f"Qualifications at Level {result.recommended_level} on {uk_date(ctx.as_at)}")
        options = tables.options_table(catalogue, result)
        show_table(options, name="Qualifications at this level",
                   missing=tables.CREDITS_NOT_KNOWN,
                   key="sl_options_csv", file_name="qualifications-at-level.csv", wrap=True,
                   stack=True)
        followed = tables.structures_followed_note(catalogue, result)
        shown += [table_words(options), followed or ""]
        if followed:
            st.caption(followed)
        if any(from_register(o.qualification) for o in result.options):
            st.caption(FROM_REGISTER)
        for option in result.options:
            q = option.qualification
            marked = f" ({labels.REGISTER_ORIGIN})" if from_register(q) else ""
            # The status in the title too: each expander says it without the table.
            said = labels.entry_status_in_brief(option.eligibility)
            with st.expander(f"{labels.qualification_label(q)}{marked}: {said}"):
                show_entry_status(catalogue, option.eligibility)
                if option.aim_note:
                    st.write(option.aim_note)
                for sentence in labels.option_credit_sentences(option):
                    st.write(sentence)
    if result.roles_at_level:
        st.caption("Examples of jobs at this level: "
                   + ", ".join(r.title for r in result.roles_at_level) + ".")
    if result.job_wanted is not None:
        show_job_wanted(catalogue, result.job_wanted)
    if profile.aim is Aim.APPRENTICESHIP and result.recommended_level is not None:
        st.header("Apprenticeship frameworks at this level")
        if result.frameworks:
            # Where apprenticeships stand on the date is the first next step, above; a
            # framework that names the standard taking its place says so above its parts.
            st.caption("The frameworks below are the apprenticeships these documents describe: "
                       "they show which of their parts you already hold.")
            shown += show_frameworks(catalogue, result.frameworks, as_at=ctx.as_at,
                                     key="sl_fw", voice=YOU_ON_SCREEN)
        else:
            levels = sorted({f.level for f in catalogue.frameworks.values()})
            st.write(f"None of the apprenticeship frameworks in these documents is at Level "
                     f"{result.recommended_level}: they are at "
                     + " and ".join(f"Level {n}" for n in levels)
                     + ". What to do next, above, says where apprenticeships stand on the "
                     "date.")

    st.divider()
    # The routes to plan next, as the engine offers them: to the level suggested (or the
    # step up, or where apprenticeships start), a competence qualification at it, and onward.
    for offer in result.route_offers:
        st.page_link(
            "app_pages/plan_route.py", icon=":material/arrow_forward:",
            query_params=with_date(ctx, encode_route(
                catalogue, route_for_offer(catalogue, profile, offer))),
            label=labels.route_offer_label(offer))
        if offer.why:
            st.caption(escape_markdown(offer.why))
            show_sources(catalogue, offer.source)
        for later in offer.opening_later:  # no route goes through it yet on the date
            st.caption(escape_markdown(later.message(catalogue)))
            show_sources(catalogue, later.source)
    if profile.other_held_levels and not profile.held_qualifications and not profile.held_units:
        held = max(profile.other_held_levels)
        st.caption(f"The route page cannot count the Level {held} qualification held, which "
                   "these documents do not describe, so its routes start as if nothing were "
                   f"held: leave out any step below Level {held}, and ask the centre which of "
                   "its units count.")
    ask_printout_details()
    plan = ActionPlan(as_at=ctx.as_at, answers=profile_answers(catalogue, profile),
                      recommendation=result, created=dt.date.today(), register=ctx.register,
                      **printout_details())
    st.download_button(
        "Download your action plan (a page to print or keep)",
        lambda: action_plan_html(catalogue, plan).encode("utf-8"),
        file_name=plan.file_name, mime="text/html", key="sl_plan_download",
        on_click="ignore")
    st.caption("The address of this page now holds your answers: bookmark or copy it to come "
               "back to this plan. Nothing is stored on the server.")
    return [*asked, *shown, *words_of_answer(catalogue, profile, result)]


def words_of_answer(catalogue: Catalogue, profile: Profile, result: Recommendation) -> list[str]:
    """The answer shown, in the words of its command-line twin, for the glossary to explain
    what this answer says (and not what another would); the words of its tables are taken as
    they are drawn."""
    return [
        text.recommendation_text(catalogue, result),
        *(text.eligibility_text(catalogue, o.eligibility) for o in result.options),
        FROM_REGISTER if any(from_register(o.qualification) for o in result.options) else "",
        *(said for offer in result.route_offers for said in (
            labels.route_offer_label(offer),
            *((offer.why, labels.cite(catalogue, offer.source)) if offer.why else ()),
            *(said for later in offer.opening_later
              for said in (later.message(catalogue), labels.cite(catalogue, later.source))))),
        labels.JOB_WANTED_SETS_NO_LEVEL if result.job_wanted is not None else "",
        "Apprenticeship frameworks"  # the heading of their section, as the page gives it
        if profile.aim is Aim.APPRENTICESHIP and result.recommended_level is not None else "",
        CENTRE_BOX,  # the printout's details, asked after the answer
    ]


main()
