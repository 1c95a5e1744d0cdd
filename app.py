"""The Streamlit front end: the frame every page shares.

Run with ``streamlit run app.py``. The catalogue is loaded once per server process and shared,
read-only, by every session; a broken catalogue stops the app with the validator's message.
"""

from __future__ import annotations

import os

import networkx as nx
import streamlit as st

from advisor.catalogue import DEFAULT_DATA_DIR, Catalogue, load_catalogue
from advisor.graph import build_graph
from advisor.problems import CatalogueError

st.set_page_config(page_title="Customer Service qualifications advisor", layout="wide")


@st.cache_resource(show_spinner="Loading the qualification catalogue...")
def get_catalogue(data_dir: str) -> Catalogue:
    return load_catalogue(data_dir)


@st.cache_resource(show_spinner=False)
def get_graph(_catalogue: Catalogue) -> nx.MultiDiGraph:
    return build_graph(_catalogue)


def main() -> None:
    try:
        catalogue = get_catalogue(os.environ.get("ADVISOR_DATA_DIR") or str(DEFAULT_DATA_DIR))
    except CatalogueError as error:
        st.error("The qualification catalogue has problems, so the advisor cannot start.")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        st.stop()
        return
    graph = get_graph(catalogue)
    st.title("Customer Service qualifications advisor")
    st.write(
        "Which level to start at, where to go next, and which units already held carry over: "
        "answered from the awarding bodies' own documents."
    )
    qualifications = list(catalogue.qualifications.values())
    complete = sum(1 for q in qualifications if q.structure.value == "complete")
    columns = st.columns(4)
    columns[0].metric("Qualifications and national structures", len(qualifications))
    columns[1].metric("Fully known structures", complete)
    columns[2].metric("Units", len(catalogue.units))
    columns[3].metric("Source documents", len(catalogue.documents))
    st.caption(
        f"The catalogue graph has {graph.number_of_nodes()} nodes and "
        f"{graph.number_of_edges()} links."
    )


main()
