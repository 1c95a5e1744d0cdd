"""Hardening: broken catalogues, safe YAML, and a shared catalogue no session can change.

Whatever is in ``data/``, loading either gives a catalogue or raises :class:`CatalogueError`
whose every problem names its file, and its line and key path where the file has them;
``advisor validate``, the other commands and the app report that list, with no traceback. YAML is
read safely: no tag runs code, duplicate keys are errors, aliases and deep nesting are refused.
The catalogue the app caches for every session is immutable all the way down, and no page changes
the cached graph.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from streamlit.testing.v1 import AppTest

from advisor import Catalogue, CatalogueError, Problem, format_path, load_catalogue
from advisor.catalogue import (
    Citation,
    DateFact,
    Dates,
    Document,
    Group,
    GroupMember,
    Progression,
    ProgressionFile,
    Qualification,
    RulesOfCombination,
    SourcesFile,
    Unit,
    UnitBank,
)
from tests.support.catalogues import PROGRESSION, QUALIFICATION, SECOND, SOURCES, UNITS
from tests.support.examples import examples

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

FILES = {
    "sources.yaml": SOURCES,
    "units/bank.yaml": UNITS,
    "qualifications/ab-001.yaml": QUALIFICATION,
    "qualifications/ab-002.yaml": SECOND,
    "progression.yaml": PROGRESSION,
}
"""The small valid catalogue of tests/support/catalogues.py, file by file."""


def write_files(root: Path, overrides: dict[str, str | bytes] | None = None) -> Path:
    """The small catalogue under ``root/data``, with ``overrides`` written byte for byte."""
    files: dict[str, str | bytes] = {**FILES, **(overrides or {})}
    data = root / "data"
    for name, content in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return data


def problems_of(data: Path) -> tuple[Problem, ...]:
    """The problems ``load_catalogue`` reports; fails if it loads or raises anything else."""
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data)
    return caught.value.problems


def check_problem(problem: Problem, data: Path) -> None:
    """A problem names a file of the catalogue, a line inside it (if any) and a key path."""
    assert isinstance(problem, Problem)
    assert problem.file and problem.message, problem
    path = data.parent / problem.file
    if problem.message == "required file is missing":
        assert not path.exists(), problem
    else:
        assert path.is_file(), f"{problem} names no file of the catalogue"
    if problem.line is not None:
        content = path.read_bytes()
        lines = max(1, content.count(b"\n") + (0 if content.endswith(b"\n") else 1))
        assert 1 <= problem.line <= lines, f"{problem}: line outside the file ({lines} lines)"
    assert all(isinstance(part, str | int) for part in problem.path), problem
    assert str(problem).startswith(problem.file)


# ------------------------------------------------------------------ hand-made broken catalogues

QUAL = "qualifications/ab-001.yaml"


def _edit(old: str, new: str, text: str = QUALIFICATION) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _billion_laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    lines += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 10)}]" for n in range(1, 10)]
    return "\n".join(lines) + "\n"


MARKER = "advisor-hardening-marker"


@dataclass(frozen=True)
class Broken:
    """A broken file, and the one problem it must be reported as."""

    id: str
    file: str
    content: str | bytes
    line: int | None
    path: str
    message: str  # a fragment of the message


BROKEN = [
    Broken("truncated_in_a_flow_mapping", QUAL,
           QUALIFICATION[: QUALIFICATION.index("urn: A/100/0002") + 8],
           25, "(top level)", "not valid YAML: did not find expected ',' or '}'"),
    Broken("truncated_in_a_quoted_string", QUAL, QUALIFICATION[: QUALIFICATION.index('"001"') + 3],
           3, "(top level)", "not valid YAML: found unexpected end of stream"),
    Broken("wrong_type_list_for_a_number", QUAL, _edit("level: 2\n", "level: [2]\n"),
           5, "level", "input should be a valid integer (got [2])"),
    Broken("wrong_type_text_for_credits", QUAL, _edit("min_credits: 4", "min_credits: four"),
           16, "rules.groups[0].min_credits", "input should be a valid integer"),
    Broken("unknown_key_in_a_flow_mapping", QUAL,
           _edit("{number: 1, urn: A/100/0001}", "{number: 1, urn: A/100/0001, credit: 4}"),
           19, "rules.groups[0].units[0].credit", "unknown key 'credit'"),
    Broken("duplicate_top_level_key", QUAL, _edit("level: 2\n", "level: 2\ntitle: Another\n"),
           6, "title", "duplicate key 'title' (first given on line 4)"),
    Broken("duplicate_nested_key", QUAL,
           _edit("      min_units: 1\n", "      min_units: 1\n      min_units: 2\n"),
           23, "rules.groups[1].min_units", "duplicate key 'min_units' (first given on line 22)"),
    Broken("duplicate_key_in_a_flow_mapping", QUAL,
           _edit("{number: 1, urn: A/100/0001}", "{number: 1, urn: A/100/0001, urn: A/100/0002}"),
           19, "rules.groups[0].units[0].urn", "duplicate key 'urn' (first given on line 19)"),
    Broken("line_separator_pasted_in", QUAL, _edit("in Testing", "in\u2028Testing"),
           4, "(top level)", "invisible line break U+2028 (line separator)"),
    Broken("tab_indentation", QUAL, _edit("      title: Optional", "\ttitle: Optional"),
           21, "(top level)", "not valid YAML: found a tab character that violates indentation"),
    Broken("not_utf8", QUAL, _edit("in Testing", "in Test\xe9ing").encode("latin-1"),
           4, "(top level)", "not UTF-8 text: byte 0xe9 cannot be decoded"),
    Broken("nul_byte", QUAL, _edit("in Testing", "in Test\x00ing"),
           4, "(top level)", "file contains NUL bytes"),
    Broken("control_character", QUAL, _edit("in Testing", "in Test\x07ing"),
           4, "(top level)", "unacceptable character #x0007: control characters are not allowed"),
    Broken("billion_laughs", QUAL, _billion_laughs(),
           2, "lol1[0]", "YAML aliases (*name) are not allowed"),
    Broken("merge_key", QUAL, _edit("dates:\n", "defaults: &d {legacy: true}\ndates:\n  <<: *d\n"),
           29, "dates", "YAML merge keys (<<) are not allowed"),
    Broken("python_object_apply_tag", QUAL,
           _edit("title: Level 2 Certificate in Testing",
                 f'title: !!python/object/apply:os.system ["touch {MARKER}"]'),
           4, "title", "unsupported YAML tag '!!python/object/apply:os.system'"),
    Broken("python_name_tag", QUAL, _edit("title: Level 2 Certificate in Testing",
                                          "title: !!python/name:os.system"),
           4, "title", "unsupported YAML tag '!!python/name:os.system'"),
    Broken("binary_tag", QUAL, _edit("title: Level 2 Certificate in Testing",
                                     "title: !!binary aGVsbG8="),
           4, "title", "unsupported YAML tag '!!binary'"),
    Broken("set_tag", QUAL, _edit("dates:\n", "notes: !!set {a, b}\ndates:\n"),
           27, "notes", "unsupported YAML tag '!!set'"),
    Broken("key_that_is_a_list", QUAL, _edit("level: 2\n", "level: 2\n? [a, b]\n: 1\n"),
           6, "(top level)", "a key must be plain text"),
    Broken("deeply_nested", QUAL, QUALIFICATION + "notes: " + "[" * 1000 + "]" * 1000 + "\n",
           30, "(top level)", "nested more than 50 levels deep"),
    Broken("impossible_date", QUAL, _edit("2016-12-31", "2016-13-31"),
           29, "dates.last_entry.date",
           "'2016-13-31' is not a date: month must be in 1..12"),
    Broken("explicit_int_tag_on_text", QUAL, _edit("min_credits: 4", "min_credits: !!int four"),
           16, "rules.groups[0].min_credits", "'four' is not a whole number"),
    Broken("two_documents", QUAL, QUALIFICATION + "---\nid: ab-003\n",
           30, "(top level)", "expected a single document in the stream"),
    Broken("plain_text_file", QUAL, "just some words\n",
           1, "(top level)", "expected a mapping of keys to values, but the file is a str"),
    Broken("ten_megabytes", "units/padding.yaml", b"# padding\n" * (1024 * 1024),
           None, "(top level)", "file is 10,485,760 bytes; catalogue files are limited to "
           "5,242,880 bytes"),
    Broken("units_not_a_list", "units/bank.yaml", "units: 5\n",
           1, "units", "input should be a valid tuple (got 5)"),
    Broken("unit_in_a_group_that_no_bank_has", QUAL, _edit("A/100/0003}", "A/100/0009}"),
           26, "rules.groups[1].units[1].urn", "unit A/100/0009 is not in any unit bank"),
    Broken("cyclic_progression", "progression.yaml",
           PROGRESSION + "  - from: ab-002\n    to: ab-001\n    statement: Back again.\n"
                         "    source: doc.txt § Progression\n",
           2, "progressions[0]", "progression goes round in a circle: ab-001 -> ab-002 -> ab-001"),
]  # fmt: skip


@pytest.mark.parametrize("case", BROKEN, ids=[case.id for case in BROKEN])
def test_broken_file__is_one_problem_with_file_line_and_path(case: Broken, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # so that a tag that ran a command would leave MARKER here
    data = write_files(tmp_path, {case.file: case.content})
    problems = problems_of(data)
    for problem in problems:
        check_problem(problem, data)
    here = [p for p in problems if p.file == f"data/{case.file}"]
    assert len(here) == 1, [str(p) for p in problems]
    problem = here[0]
    assert (problem.line, format_path(problem.path)) == (case.line, case.path), str(problem)
    assert case.message in problem.message, str(problem)
    assert not (tmp_path / MARKER).exists(), "a YAML tag ran a command"


def test_broken_files__every_problem_is_reported_at_once(tmp_path):
    data = write_files(tmp_path, {
        QUAL: _edit("level: 2\n", "level: 2\ntitle: Another\n"),
        "qualifications/ab-002.yaml": SECOND + "notes: [\n",
        "units/bank.yaml": _edit("credits: 5", "credits: five", UNITS),
    })  # fmt: skip
    problems = problems_of(data)
    assert sorted(p.file for p in problems) == [
        "data/qualifications/ab-001.yaml",
        "data/qualifications/ab-002.yaml",
        "data/units/bank.yaml",
    ], [str(p) for p in problems]


# ---------------------------------------------------------------------------------- Hypothesis

ODD_TEXT = st.text(
    alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`?,\t\n \\§é\x00\x07\x85\u2028\ufeff"))
    | st.characters(codec="utf-8"),  # any character a UTF-8 file can hold
    min_size=1, max_size=12,
)  # fmt: skip
OTHER_VALUES = [
    "[]", "{}", "null", "~", "true", "-1", "0", "1.5e999", ".nan", "''", "[1, [2]]", "{a: {b: c}}",
    "2014-13-45", "2014-02-29", "!!binary AAAA", "!!python/object:os.system {}", "*x", "&x 1",
    "|\n  text", "'unterminated", "99999999999999999999999", "0x1F", "A/100/0009", "ab-001",
    "ab-002", "doc.txt § Elsewhere", "notes.md § Secondary", "missing.txt § Nowhere", "complete",
    "unknown", "partial", "national-structure", '"\\x00"', "!!str", "? a", "<<: {}",
    "!!int x", "!!float x", "!!timestamp 2014-02-30", "2014-02-30", "2014-01-01 25:00:00",
]  # fmt: skip


MUTATIONS_KINDS = ["delete", "insert", "bytes", "swap", "swap", "swap", "repeat", "truncate"]
VALUE_LINE = re.compile(rb"^(\s*(?:- )?[\w-]+:)(?: .*)?$")


@st.composite
def mutated_catalogues(draw: st.DrawFn) -> dict[str, bytes]:
    """One file of the small catalogue with one to three random edits: a span deleted, odd
    characters or raw bytes inserted, a value swapped for another type, a line repeated (a
    duplicate key), or the file cut short."""
    name = draw(st.sampled_from(sorted(FILES)))
    content = FILES[name].encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(MUTATIONS_KINDS))
        at = draw(st.integers(0, len(content)))
        if kind == "delete":
            content = content[:at] + content[at + draw(st.integers(1, 40)):]
        elif kind == "insert":
            content = content[:at] + draw(ODD_TEXT).encode("utf-8") + content[at:]
        elif kind == "bytes":
            content = content[:at] + draw(st.binary(min_size=1, max_size=6)) + content[at:]
        elif kind == "truncate":
            content = content[:at]
        else:
            lines = content.split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "repeat":
                lines.insert(index, lines[index])
            elif match := VALUE_LINE.match(lines[index]):
                value = draw(st.sampled_from(OTHER_VALUES)).encode("utf-8")
                lines[index] = match[1] + b" " + value
            content = b"\n".join(lines)
    return {name: content}


def _keys(*models: type[BaseModel]) -> list[str]:
    return sorted({info.alias or name for model in models
                   for name, info in model.model_fields.items()})


QUALIFICATION_KEYS = _keys(Qualification, RulesOfCombination, Group, GroupMember, Dates, DateFact,
                           Citation)
FILE_KEYS = {
    "sources.yaml": _keys(SourcesFile, Document),
    "units/bank.yaml": _keys(UnitBank, Unit, Citation),
    "qualifications/ab-001.yaml": QUALIFICATION_KEYS,
    "qualifications/ab-002.yaml": QUALIFICATION_KEYS,
    "progression.yaml": _keys(ProgressionFile, Progression, Citation),
}
"""The keys of each file's schema, so that generated files get past the first check."""
SCALARS = (
    st.none() | st.booleans() | st.integers(-5, 100) | st.floats(allow_nan=True)
    | st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)) | st.text(max_size=12)
    | st.sampled_from(["A/100/0001", "A/100/0009", "ab-001", "ab-002", "doc.txt § Profile",
                       "notes.md § X", "complete", "unknown", "partial", "AB", "1"])
)


@st.composite
def generated_catalogues(draw: st.DrawFn) -> dict[str, bytes]:
    """One file replaced by well-formed YAML of random shape, with keys mostly from the file's
    schema, so that the checks past parsing (types, references, dates, rules) meet odd values."""
    name = draw(st.sampled_from(sorted(FILES)))
    keys = st.sampled_from(FILE_KEYS[name]) | st.text(max_size=6)
    values = st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
        max_leaves=25,
    )
    data = draw(st.dictionaries(keys, values, max_size=8))
    return {name: yaml.safe_dump(data, allow_unicode=True).encode("utf-8")}


def _loads_or_reports(overrides: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = write_files(Path(tmp), dict(overrides))
        try:
            catalogue = load_catalogue(data)
        except CatalogueError as error:
            assert error.problems
            for problem in error.problems:
                check_problem(problem, data)
        else:
            assert isinstance(catalogue, Catalogue)


LOAD_OR_REPORT = settings(max_examples=examples(300), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


@LOAD_OR_REPORT
@given(mutated_catalogues())
def test_mutated_catalogue__loads_or_reports_problems_each_with_a_file(overrides):
    """Invariant: whatever edit is made to a file of a valid catalogue, ``load_catalogue``
    returns a catalogue or raises CatalogueError, and every problem names a file of the
    catalogue, a line inside it when it gives one, and a key path. No other exception."""
    _loads_or_reports(overrides)


@LOAD_OR_REPORT
@given(generated_catalogues())
def test_generated_file__loads_or_reports_problems_each_with_a_file(overrides):
    """Invariant: a file of any well-formed YAML shape, keys mostly from the schema, loads or
    is reported as CatalogueError problems that each name a file; nothing else escapes."""
    _loads_or_reports(overrides)


@settings(max_examples=examples(40), deadline=None)
@given(name=st.sampled_from(sorted(FILES)), content=st.binary(max_size=300))
def test_random_bytes__load_or_report_problems_each_with_a_file(name, content):
    """Invariant: any bytes at all in place of a catalogue file give CatalogueError (or, by
    chance, a catalogue), each problem naming a file."""
    _loads_or_reports({name: content})


# ------------------------------------------------------------------------ safe YAML everywhere

def _block_nested(levels: int) -> str:
    """``levels`` mappings nested in block style, one more each line, from line 31."""
    return QUALIFICATION + "notes:\n" + "".join(
        "  " * (i + 1) + f"k{i}:\n" for i in range(levels)) + "  " * (levels + 1) + "end\n"


def test_deep_nesting__refused_at_the_line_of_the_first_level_too_many(tmp_path):
    (problem,) = problems_of(write_files(tmp_path, {QUAL: _block_nested(60)}))
    # The root mapping is the first collection; the 51st starts at line 30 + 50.
    assert problem.line == 80
    assert "nested more than 50 levels deep" in problem.message


# --------------------------------------------------------------------- the CLI and the app

DEEP = QUALIFICATION + "notes: " + "[" * 200_000 + "]" * 200_000 + "\n"
"""Deep enough to crash PyYAML's C composer with a segmentation fault if it ever composed it."""


def run_advisor(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    return subprocess.run([sys.executable, "-m", "advisor", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120, check=False)


@pytest.mark.parametrize(("content", "expected"), [
    (_edit("level: 2\n", "level: 2\ntitle: Another\n"),
     "data/qualifications/ab-001.yaml:6 title: duplicate key 'title' (first given on line 4)"),
    (DEEP, "data/qualifications/ab-001.yaml:30 (top level): lists and mappings are nested more "
           "than 50 levels deep"),
], ids=["duplicate_key", "nested_200000_deep"])  # fmt: skip
def test_cli__validate_exits_1_with_the_problem_and_no_traceback(
    content, expected, tmp_path
):
    data = write_files(tmp_path, {QUAL: content})
    result = run_advisor("validate", str(data))
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert f"The catalogue in {data} has 1 problem:" in result.stdout
    assert f"  {expected}" in result.stdout
    assert result.stderr == ""


def test_cli__any_command_on_a_broken_catalogue_exits_1_without_a_traceback(tmp_path):
    data = write_files(tmp_path, {QUAL: _edit("2016-12-31", "2016-13-31")})
    result = run_advisor("check", "001", "--units", "1", "--data-dir", str(data),
                         )
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr.startswith("advisor: cannot start: the catalogue has 1 problem:")
    assert ("data/qualifications/ab-001.yaml:29 dates.last_entry.date: '2016-13-31' is not a "
            "date: month must be in 1..12") in result.stderr
    assert "Traceback" not in result.stderr


APP_CASES = ["duplicate_top_level_key", "impossible_date", "python_object_apply_tag",
             "billion_laughs", "deeply_nested", "not_utf8"]


@pytest.fixture
def fresh_app_caches() -> Iterator[None]:
    import streamlit as st

    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.mark.usefixtures("fresh_app_caches")
@pytest.mark.parametrize("case", [c for c in BROKEN if c.id in APP_CASES], ids=APP_CASES)
def test_app__refuses_to_start_and_shows_the_problem(case: Broken, tmp_path, monkeypatch):
    data = write_files(tmp_path, {case.file: case.content})
    (expected,) = [p for p in problems_of(data) if p.file == f"data/{case.file}"]
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(data))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "cannot start" in at.error[0].value
    assert str(expected) in at.code[0].value.splitlines()
    assert not at.title, "no page runs on a broken catalogue"


# ------------------------------------------------------- one catalogue, shared, never changed

IMMUTABLE_LEAVES = (str, int, float, bool, type(None), dt.date, enum.Enum)


def mutable_parts(value: Any, path: str = "catalogue") -> Iterator[str]:
    """Where, inside ``value``, something could be changed in place."""
    if isinstance(value, IMMUTABLE_LEAVES):
        return
    if isinstance(value, BaseModel):
        if not type(value).model_config.get("frozen"):
            yield f"{path}: {type(value).__name__} is not a frozen model"
        for name in type(value).model_fields:
            yield from mutable_parts(getattr(value, name), f"{path}.{name}")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            yield f"{path}: {type(value).__name__} is not a frozen dataclass"
        for field in dataclasses.fields(value):
            yield from mutable_parts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, nx.Graph) and nx.is_frozen(value):
        return  # changing a frozen graph raises (checked below)
    elif isinstance(value, MappingProxyType):
        for key, item in value.items():
            yield from mutable_parts(key, f"{path}[{key!r}] (key)")
            yield from mutable_parts(item, f"{path}[{key!r}]")
    elif isinstance(value, tuple | frozenset):
        for index, item in enumerate(value):
            yield from mutable_parts(item, f"{path}[{index}]")
    else:
        yield f"{path}: a {type(value).__name__} can be changed in place"


def test_immutability__the_check_finds_mutable_parts():
    """Without this, the test below could pass by looking at nothing."""
    assert list(mutable_parts((1, [2], MappingProxyType({"a": {}})))) == [
        "catalogue[1]: a list can be changed in place",
        "catalogue[2]['a']: a dict can be changed in place",
    ]


@pytest.fixture(scope="module")
def own_catalogue() -> Catalogue:
    """The real catalogue, of this module's own: no other test shares it."""
    return load_catalogue()


def test_immutability__nothing_in_the_catalogue_can_be_changed_in_place(own_catalogue):
    """The app shares one catalogue between every session (st.cache_resource): if any part of
    it were a list, a dict or an unfrozen record, one session could change what others see."""
    assert list(mutable_parts(own_catalogue)) == []
    with pytest.raises(nx.NetworkXError, match="Frozen graph"):
        own_catalogue.graph.add_edge(("unit", "X/000/0000"), ("unit", "X/000/0001"))


def _first_group_member(catalogue: Catalogue) -> tuple[Qualification, Any]:
    q = catalogue.find_qualification("09628")
    assert q.rules is not None
    return q, q.rules.groups[0]


MUTATIONS: dict[str, Callable[[Catalogue], object]] = {
    "assign_a_model_field": lambda c: setattr(_first_group_member(c)[0], "title", "Changed"),
    "assign_a_nested_model_field": lambda c: setattr(_first_group_member(c)[1], "min_credits", 0),
    "assign_a_citation": lambda c: setattr(_first_group_member(c)[0].source[0], "section", "x"),
    "add_a_qualification": lambda c: c.qualifications.__setitem__("new", None),
    "remove_a_unit": lambda c: c.units.__delitem__(next(iter(c.units))),
    "replace_the_qualifications": lambda c: setattr(c, "qualifications", {}),
    "append_to_a_group's_units": lambda c: _first_group_member(c)[1].units.append(None),
    "assign_into_a_tuple": lambda c: _first_group_member(c)[1].units.__setitem__(0, None),
    "append_a_progression": lambda c: c.progressions.append(None),
    "clear_the_documents": lambda c: c.documents.clear(),
}


@pytest.mark.parametrize("mutate", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_immutability__changing_the_catalogue_fails_loudly(mutate):
    catalogue = load_catalogue()  # its own: a change that got through spoils no other test
    before = _snapshot(catalogue)
    with pytest.raises((TypeError, AttributeError, ValidationError,
                        dataclasses.FrozenInstanceError)):
        mutate(catalogue)
    assert _snapshot(catalogue) == before


def _snapshot(catalogue: Catalogue) -> str:
    return repr([(k, v.model_dump()) for k, v in catalogue.qualifications.items()]) + repr(
        [dict(catalogue.units), catalogue.progressions, dict(catalogue.documents)])


def graph_snapshot(graph: nx.MultiDiGraph) -> tuple[Any, ...]:
    nodes = sorted((repr(n), repr(sorted(d.items()))) for n, d in graph.nodes(data=True))
    edges = sorted((repr(u), repr(v), repr(k), repr(sorted(d.items())))
                   for u, v, k, d in graph.edges(keys=True, data=True))
    return (type(graph).__name__, nodes, edges, repr(sorted(graph.graph.items())))


def _every_page_with_interactions() -> None:
    def run(page: str, act: Callable[[AppTest], None] | None = None) -> None:
        at = AppTest.from_file(APP, default_timeout=30).run()
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        if act is not None:
            act(at)
            at.run()
            assert not at.exception, (page, [e.value for e in at.exception])

    def tick(at: AppTest) -> None:
        at.selectbox(key="check_qualification").set_value("ocr-09628").run()
        at.checkbox(key="unit_D/502/9654").check()

    def search_and_compare(at: AppTest) -> None:
        at.text_input(key="explore_search").input("customer").run()
        at.multiselect(key="compare").set_value(["ocr-09628", "ocr-09629"])

    pages = sorted(f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py")
                   if not p.name.startswith("_"))
    actions = {"app_pages/check_units.py": tick, "app_pages/explore.py": search_and_compare}
    for page in pages:
        run(page, actions.get(page))


@pytest.mark.usefixtures("fresh_app_caches")
def test_isolation__no_page_changes_the_cached_catalogue_or_graph():
    """Every page, with a few interactions, leaves the catalogue and graph that all sessions
    share exactly as loaded."""
    from app_pages._common import data_dir, get_catalogue

    _every_page_with_interactions()
    catalogue = get_catalogue(data_dir())
    fresh = load_catalogue(data_dir())
    assert _snapshot(catalogue) == _snapshot(fresh)
    assert graph_snapshot(catalogue.graph) == graph_snapshot(fresh.graph)


def test_isolation__the_app_shares_a_frozen_graph():
    """The graph every session shares cannot be changed in place."""
    from app_pages._common import data_dir, get_catalogue

    graph = get_catalogue(data_dir()).graph
    with pytest.raises(nx.NetworkXError, match="Frozen graph"):
        graph.add_edge(("unit", "X/000/0000"), ("unit", "X/000/0001"))
