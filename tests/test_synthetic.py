"""The synthetic catalogue generator: valid, repeatable, shaped like the real catalogue."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
import yaml

from advisor.catalogue import load_catalogue, validate_catalogue
from advisor.combination import check_combination
from advisor.graph import build_graph, qualifications_containing
from advisor.planner import search_plan
from benchmarks.synthetic import generate_catalogue, main
from tests.bruteforce import cheapest

SMALL = {"qualifications": 60, "units": 240, "seed": 7}


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("ADVISOR_CACHE_DIR", "off")


@pytest.fixture(scope="module")
def small_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("synthetic") / "data"
    generate_catalogue(data, **SMALL)
    return data


@pytest.fixture(scope="module")
def small(small_data):
    return load_catalogue(small_data)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_synthetic__validates_with_no_problems(small_data):
    assert validate_catalogue(small_data) == []


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(("qualifications", "units"), [(5, 20), (40, 1000)])
def test_synthetic__every_seed_and_size_validates(tmp_path, seed, qualifications, units):
    data = tmp_path / "data"
    generate_catalogue(data, qualifications=qualifications, units=units, seed=seed)
    assert [str(p) for p in validate_catalogue(data)] == []


def test_synthetic__loads_with_the_requested_counts(small):
    assert len(small.qualifications) == SMALL["qualifications"]
    assert len(small.units) == SMALL["units"]
    assert small.progressions


def test_synthetic__same_seed_same_bytes(tmp_path):
    generate_catalogue(tmp_path / "a", **SMALL)
    generate_catalogue(tmp_path / "b", **SMALL)
    generate_catalogue(tmp_path / "c", **{**SMALL, "seed": SMALL["seed"] + 1})
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_synthetic__every_document_says_it_is_synthetic(small):
    assert small.documents
    for document in small.documents.values():
        assert "SYNTHETIC" in document.title
        assert "synthetic" in document.publisher
    urls = {c.url for q in small.qualifications.values() for c in q.source if c.url}
    assert all(url.startswith("https://example.invalid/") for url in urls)


def test_synthetic__shaped_like_the_real_catalogue(small):
    """Every rule kind, every structure state, units shared between qualifications."""
    structures = Counter(q.structure.value for q in small.qualifications.values())
    assert set(structures) == {"complete", "partial", "unknown"}
    groups = [g for q in small.qualifications.values() if q.rules for g in q.rules.groups]
    assert any(g.mandatory for g in groups)
    assert any(g.min_units for g in groups)
    assert any(g.min_credits and not g.mandatory for g in groups)
    assert any(g.max_credits for g in groups)
    assert any(not g.units_complete for g in groups)
    rules = [r for q in small.qualifications.values() if q.rules for r in q.rules.credit_rules]
    assert any(r.level is not None and r.or_above for r in rules)
    assert any(r.level is not None and not r.or_above for r in rules)
    assert any(q.category.value == "national-structure" for q in small.qualifications.values())
    graph = build_graph(small)
    assert max(len(qualifications_containing(graph, urn)) for urn in small.units) >= 2


def test_synthetic__partial_and_unknown_still_cite_sources(small):
    for q in small.qualifications.values():
        assert q.source
        if q.rules is not None:
            assert all(g.source for g in q.rules.groups)


def _sample(small, count: int = 25):
    ids = sorted(q.id for q in small.qualifications.values()
                 if q.rules is not None and all(g.units_complete for g in q.rules.groups))
    return random.Random(0).sample(ids, min(count, len(ids)))


def test_synthetic__the_plan_completes_each_sampled_qualification(small):
    """From nothing held, check(plan's units) is complete and needs nothing more."""
    for qualification_id in _sample(small):
        q = small.qualifications[qualification_id]
        start = check_combination(small, q, [])
        assert start.plan is not None, q.id
        done = check_combination(small, q, [u.urn for u in start.plan.units])
        assert done.complete, (q.id, [r.message for r in done.unmet])
        assert done.plan is not None and done.plan.additional_credits == 0


def test_synthetic__plan_is_as_small_as_brute_force_on_small_qualifications(small):
    """On qualifications with few units, no cheaper set of units achieves the rules."""
    checked = 0
    for q in small.qualifications.values():
        if q.rules is None or any(not g.units_complete for g in q.rules.groups):
            continue
        listed = {m.urn for g in q.rules.groups for m in g.units}
        if len(listed) > 11:
            continue
        found = search_plan(q.rules, small.units, held=())
        assert found is not None, q.id
        added = [small.units[u.urn] for u in found.units]
        cost = (sum(u.credits for u in added), sum(u.glh or 0 for u in added), len(added))
        assert cost == cheapest(q.rules, small.units, frozenset()), q.id
        checked += 1
    assert checked >= 5


def test_synthetic__files_read_back_as_plain_yaml(small_data):
    for path in sorted(small_data.rglob("*.yaml"))[:40]:
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path


def test_synthetic__command_line_writes_and_refuses_a_full_directory(tmp_path, capsys):
    out = tmp_path / "out"
    assert main([str(out), "--qualifications", "5", "--units", "40", "--seed", "3"]) == 0
    assert "5 qualifications, 40 units" in capsys.readouterr().out
    assert (out / "sources.yaml").is_file()
    assert main([str(out), "--qualifications", "5", "--units", "40"]) == 2
    assert "is not empty" in capsys.readouterr().err


def test_synthetic__too_few_units_is_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 20 units"):
        generate_catalogue(tmp_path / "data", qualifications=5, units=3)
