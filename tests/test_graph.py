"""Graph queries on the real catalogue."""

from __future__ import annotations

from advisor.graph import (
    EdgeKind,
    NodeKind,
    progression_neighbours,
    qualification_node,
    qualifications_at_level,
    qualifications_containing,
    shared_units,
    successors_of,
    units_of,
    units_with_same_title,
)


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


def test_graph__progression_neighbours(graph):
    assert progression_neighbours(graph, "ocr-09628") == [
        ("ocr-03455", "stated"), ("ocr-09629", "stated")]
    assert progression_neighbours(graph, "ocr-09629") == [("ocr-03456", "stated")]
    steps = dict(progression_neighbours(graph, "skills-cfa-s-016-608"))
    assert steps == {"skills-cfa-s-016-609": "inference"}


def test_graph__legacy_successors(graph):
    assert successors_of(graph, "ocr-03456") == ["ocr-10380"]
    assert successors_of(graph, "ocr-10380") == []


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
