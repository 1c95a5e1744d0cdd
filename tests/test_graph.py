"""Graph queries on the real catalogue."""

from __future__ import annotations

from advisor import (
    Basis,
    followers_of,
    progressions_from,
    qualifications_at_level,
    qualifications_containing,
    shared_units,
    units_of,
    units_with_same_title,
)
from advisor.catalogue import EdgeKind, NodeKind, qualification_node


def test_graph__09628_and_09629_share_exactly_unit_3(graph):
    assert shared_units(graph, "ocr-09628", "ocr-09629") == {"D/502/9654"}


def test_graph__qualifications_containing_a_unit(graph):
    assert qualifications_containing(graph, "D/502/9654") == ["ocr-09628", "ocr-09629"]
    assert qualifications_containing(graph, "K/601/1622") == ["ocr-03456"]
    assert qualifications_containing(graph, "Z/999/9999") == []


def test_graph__level_1_units_reappear_in_the_national_level_2_diploma(graph):
    shared = shared_units(graph, "ocnlr-601-4404-x", "skills-cfa-s-016-608")
    assert shared == {"H/506/2154", "K/506/2155", "R/506/2134", "T/506/2126"}


def test_graph__ocnlr_level_1_has_every_unit_of_the_national_level_1_structure_listed(graph):
    assert units_of(graph, "skills-cfa-s-016-371") <= units_of(graph, "ocnlr-601-4404-x")


def test_graph__qualifications_at_a_level(graph):
    level_3 = qualifications_at_level(graph, 3)
    assert {"ocr-03456", "ocr-09629", "ocr-10380", "skills-cfa-s-016-609"} <= set(level_3)
    assert "ocr-09628" not in level_3
    assert "ocr-09628" in qualifications_at_level(graph, 2)


def test_graph__progressions_from(graph):
    def steps(qualification_id):
        return [(p.to, p.basis) for p in progressions_from(graph, qualification_id)]

    assert steps("ocr-09628") == [("ocr-03455", Basis.STATED), ("ocr-09629", Basis.STATED)]
    assert steps("ocr-09629") == [("ocr-03456", Basis.STATED)]
    assert steps("skills-cfa-s-016-608") == [("skills-cfa-s-016-609", Basis.INFERENCE)]
    assert progressions_from(graph, "ocr-09628")[1].statement.startswith("Candidates for")


def test_graph__followers_of_a_national_structure(graph, catalogue):
    followers = followers_of(graph, "skills-cfa-s-016-608")
    assert followers
    assert all(catalogue.qualifications[f].based_on.structure == "skills-cfa-s-016-608"
               for f in followers)


def test_graph__same_title_under_another_urn(graph):
    # "Deal with incoming telephone calls from customers": 2010 NVQ unit A11 and 2014 CS 10.
    assert units_with_same_title(graph, "F/601/1223") == ["H/506/2154"]
    assert units_with_same_title(graph, "H/506/2154") == ["F/601/1223"]


def test_graph__typed_nodes_and_edges(graph, catalogue):
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert kinds == {k.value for k in NodeKind}
    edge_kinds = {data["kind"] for *_, data in graph.edges(data=True)}
    assert {EdgeKind.CONTAINS.value, EdgeKind.PROGRESSES_TO.value, EdgeKind.REPLACED_BY.value,
            EdgeKind.AT_LEVEL.value, EdgeKind.COMPONENT_OF.value, EdgeKind.SUITS_LEVEL.value,
            EdgeKind.SAME_TITLE.value, EdgeKind.BASED_ON.value} <= edge_kinds
    contains = [data for _, target, data in graph.out_edges(qualification_node("ocr-03456"),
                                                            data=True)
                if data["kind"] == EdgeKind.CONTAINS.value and target[1] == "R/601/1212"]
    assert contains[0]["group"] == "B" and contains[0]["number"] == "A3"
    assert graph.number_of_nodes() >= len(catalogue.qualifications) + len(catalogue.units)


def test_graph__a_qualification_following_a_structure_lists_its_units_by_an_inferred_edge(
        graph, catalogue):
    """OCR 10378 has no unit list of its own; it is inferred to follow S/016/371, so the graph
    links it to that structure's units, marked as such, and it shares them with 601/4404/X."""
    by_structure = [data for _, _, data in graph.out_edges(qualification_node("ocr-10378"),
                                                           data=True)
                    if data["kind"] == EdgeKind.LISTS_BY_STRUCTURE.value]
    assert len(by_structure) == 15
    assert {(d["structure"], d["basis"]) for d in by_structure} == {
        ("skills-cfa-s-016-371", Basis.INFERENCE.value)}
    assert units_of(graph, "ocr-10378") == set()  # its own rules: none
    structure = catalogue.qualifications["skills-cfa-s-016-371"]
    assert shared_units(graph, "ocnlr-601-4404-x", "ocr-10378") == structure.rules.listed_units
    # A qualification with its own rules gets no such edge, though it is based on a structure.
    assert not [d for *_, d in graph.out_edges(qualification_node("ocnlr-601-4404-x"), data=True)
                if d["kind"] == EdgeKind.LISTS_BY_STRUCTURE.value]


def test_graph__effective_rules_and_the_graph_agree_for_every_qualification(catalogue):
    for q in catalogue.qualifications.values():
        rules, _ = catalogue.effective_rules(q)
        assert catalogue.listed_units(q) == (rules.listed_units if rules else frozenset()), q.id
