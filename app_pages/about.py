"""About the data: the source documents, what was taken from each, and how fully each
qualification is known. No widgets of its own besides the downloads."""

from __future__ import annotations

import streamlit as st

from advisor import (
    Category,
    DocumentKind,
    from_register,
    labels,
    register_tables,
    source_tables,
    uk_date,
)
from app_pages._common import Frame, escape_markdown, frame, show_glossary, show_table


def show_register(ctx: Frame) -> None:
    """Which register is loaded and when, what uses it; or that there is none."""
    st.write(
        "The documents describe qualifications that mostly closed years ago; what is open "
        "today is in Ofqual's register, which the regulator publishes as one CSV file (the "
        "\"full data set\"). It records each qualification's number, title, awarding "
        "organisation, level, credits, hours and dates, but not its units or rules of "
        "combination, which come from the documents alone.")
    if ctx.register is None:
        if ctx.register_problem:
            st.warning("The register file on the server could not be opened, so answers come "
                       "from the documents alone: " + escape_markdown(ctx.register_problem))
        else:
            st.info("No register is loaded on this server: every answer comes from the "
                    "documents alone.")
        st.caption("Whoever runs the server can import the full data set from the command "
                   "line (advisor register import FILE); the app only reads it.")
        return
    st.success(register_tables.register_loaded(ctx.register.record))
    st.write(
        "*Find a starting level*, *Plan a route* and *Explore the catalogue* use it: a "
        "qualification's status on the date takes the register's dates beside the documents' "
        "(each cited); the first two also offer the register's qualifications in customer "
        "service that are open at the level, marked \"From the Ofqual register: rules of "
        "combination not known\"; and Explore searches the whole register. *Check a "
        "learner's units* and *Check a whole intake* answer from the documents alone. The app "
        "reads the register and never changes it.")
    st.caption("Source: " + ctx.register.source_label)


def main() -> None:
    ctx = frame()
    catalogue = ctx.catalogue
    st.title("About the data")
    st.write(
        "Everything the advisor knows is transcribed by hand from the documents below, and every "
        "fact names the document and section it comes from. What a document does not say is "
        "shown as \"not stated\", never guessed."
    )
    # Each other page explains the words it can show; here, every one, for looking up.
    show_glossary(labels.GLOSSARY, label="Every word the advisor's pages use, explained",
                  every_word_link=False)
    st.info(f"Answers are given as at {uk_date(ctx.as_at)}, the date in the sidebar. Dates decide "
            "whether a qualification is open to new learners.")
    bodies = sorted({q.awarding_body for q in catalogue.qualifications.values()
                     if q.category is Category.QUALIFICATION and not from_register(q)})
    # The register is "below" only where this server has one loaded.
    register = ("the Ofqual register, loaded here (below), lists what is open" if ctx.register
                else "Ofqual's Register of Regulated Qualifications, which the regulator "
                     "publishes online, lists what is open")
    st.write(
        f"**What it covers.** The documents describe Customer Service qualifications of "
        f"{' and '.join(bodies)} from the time of the Qualifications and Credit Framework "
        "(QCF), most of them closed to new learners now. Other awarding organisations offered, "
        "and offer, Customer Service qualifications too, and today's are not in these "
        f"documents: {register}, and a college, training provider or the National Careers "
        "Service can say what is offered near you.")

    st.header("Source documents")
    primary = sum(1 for d in catalogue.documents.values() if d.kind is DocumentKind.PRIMARY)
    secondary = len(catalogue.documents) - primary
    st.write(
        f"{primary} primary documents (published by the awarding bodies) and {secondary} "
        "secondary (facts gathered from public copies of other documents, each with its web "
        "address). Facts from a secondary source, and anything reasoned rather than read "
        "(marked \"inferred\"), are labelled wherever they are shown."
    )
    show_table(source_tables.documents_table(catalogue), name="Source documents",
               key="about_documents_csv", file_name="source-documents.csv", wrap=True,
               stack=True)

    st.header("How fully each qualification is known")
    st.write(
        "Complete: every unit and rule of combination is transcribed, so units can be checked "
        "exactly. Partial: some units or rules are known, so answers are \"based on the units "
        "known\". Unknown: the sources name the qualification but not its structure."
    )
    show_table(source_tables.coverage_table(catalogue), name="Coverage",
               key="about_coverage_csv", file_name="coverage.csv", wrap=True, stack=True)

    st.header("Ofqual's register of regulated qualifications")
    show_register(ctx)

    st.header("Your answers")
    st.write(
        "The units you tick and the choices you make belong to your browser session: nothing "
        "is saved to a file or database on the server, and no usage statistics are sent. They "
        "also travel in the page address, so that a bookmark or a shared link reopens them: "
        "the age, work and aim given, the job title typed, the qualifications and units, the "
        "centre's decisions and its evidence notes. Anyone you give the address to sees those "
        "answers, and your browser's history keeps it. The app never puts a name there: do not "
        "type one into the job title or an evidence note. Names and agreed actions typed for a "
        "printout stay in the session and the downloaded file only. Close the tab, and clear "
        "the history if the computer is shared, to leave nothing behind. The catalogue itself "
        "is read-only and shared by everyone."
    )


main()
