"""About the data: the source documents, what was taken from each, and how fully each
qualification is known. No widgets of its own besides the downloads."""

from __future__ import annotations

import streamlit as st

from advisor import (
    DocumentKind,
    tables,
)
from app_pages._common import day, frame, show_table


def main() -> None:
    ctx = frame()
    catalogue = ctx.catalogue
    st.title("About the data")
    st.write(
        "Everything the advisor knows is transcribed by hand from the documents below, and every "
        "fact names the document and section it comes from. What a document does not say is "
        "shown as \"not stated\", never guessed."
    )
    st.info(f"Answers are given as at {day(ctx.as_at)}, the date in the sidebar. Dates decide "
            "whether a qualification is open to new learners.")

    st.header("Source documents")
    primary = sum(1 for d in catalogue.documents.values() if d.kind is DocumentKind.PRIMARY)
    secondary = len(catalogue.documents) - primary
    st.write(
        f"{primary} primary documents (published by the awarding bodies) and {secondary} "
        "secondary (facts gathered from public copies of other documents, each with its web "
        "address). Facts from a secondary source, and anything reasoned rather than read "
        "(marked \"inferred\"), are labelled wherever they are shown."
    )
    show_table(tables.documents_table(catalogue), name="Source documents",
               key="about_documents_csv", file_name="source-documents.csv", wrap=True)

    st.header("How fully each qualification is known")
    st.write(
        "Complete: every unit and rule of combination is transcribed, so units can be checked "
        "exactly. Partial: some units or rules are known, so answers are \"based on the units "
        "known\". Unknown: the sources name the qualification but not its structure."
    )
    show_table(tables.coverage_table(catalogue), name="Coverage",
               key="about_coverage_csv", file_name="coverage.csv", wrap=True)

    st.header("Your answers")
    st.write(
        "The units you tick and the choices you make belong to your browser session only: "
        "nothing is saved to a file or database on the server, and they are gone when you close "
        "the tab. The catalogue itself is read-only and shared by everyone."
    )


main()
