"""Each page's glossary ("What the words on this page mean") explains the words that page shows,
and only those; on the learners' pages (Find a starting level, Plan a route), only those the
page shows in the state it is in; About the data shows every term (AppTest, widgets by key)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterator

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from advisor import labels, template_csv_bytes
from tests.support.app import check_units, open_page, open_with_link

LEVEL = "app_pages/starting_level.py"
ROUTE = "app_pages/plan_route.py"
CHECK = "app_pages/check_units.py"
EXPLORE = "app_pages/explore.py"
COHORT = "app_pages/cohort.py"
GLOSSARY_LABEL = "What the words on this page mean"
WHILE_OPEN = dt.date(2015, 6, 1)  # 09628 and 09629 both took new learners then


def _nodes(node) -> Iterator:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _glossary(at: AppTest, label: str = GLOSSARY_LABEL):
    (glossary,) = [e for e in at.expander if e.label == label]
    return glossary


def _on_chart(spec: dict) -> list[str]:
    """The words a plotly chart shows on it: title, axes, legend, text on its marks, notes
    (what shows only under the pointer left out, as a question's help is)."""
    layout = spec.get("layout", {})
    said = [layout.get("title", {}).get("text", ""),
            *(a.get("text", "") for a in layout.get("annotations", []))]
    for axis in (layout.get("xaxis", {}), layout.get("yaxis", {})):
        if axis.get("visible", True):
            said += [axis.get("title", {}).get("text", ""), *axis.get("ticktext", [])]
    for trace in spec.get("data", []):
        said += [trace.get("name", "")] if trace.get("showlegend", True) else []
        said += [str(t) for t in trace.get("text", [])] if "text" in trace.get("mode", "") else []
    return [str(s).replace("<br>", " ") for s in said]


def shown_words(at: AppTest) -> str:
    """What a reader sees on the page, its glossary left out: headings, text, notes, captions,
    the labels of its questions, links and sections, the choices made or offered by a radio,
    the choices made in a box as the box shows them (a qualification's code and title, not
    its id), its tables' headers and cells, and the words on its charts (Markdown's escapes
    undone)."""
    hidden = {id(n) for n in _nodes(_glossary(at))}
    said: list[str] = []
    for node in [n for root in (at.main, at.sidebar) for n in _nodes(root)]:
        if id(node) in hidden:
            continue
        proto = getattr(node, "proto", None)
        for field in ("label", "body", "placeholder"):  # a box's hint shows until answered
            said.append(str(getattr(proto, field, "") or ""))
        value = getattr(node, "value", None)
        if isinstance(value, pd.DataFrame):
            said += [str(v) for column in value.columns for v in [column, *value[column]]]
        elif isinstance(value, str | list | tuple):
            said += [str(v) for v in (value if isinstance(value, list | tuple) else [value])]
        said += [str(o) for o in getattr(node, "options", [])] if node.type == "radio" else []
        if node.type == "selectbox" and node.value is not None:
            said.append(str(node.format_func(node.value)))
        said += [str(v) for v in node.values] if node.type == "multiselect" else []
        said += _on_chart(json.loads(node.proto.spec)) if node.type == "plotly_chart" else []
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~$])", r"\1", "\n".join(said))


def explained(at: AppTest, label: str = GLOSSARY_LABEL) -> list[str]:
    """The terms the page's glossary explains, in its order."""
    text = "\n".join(m.value for m in _glossary(at, label).markdown)
    return re.findall(r"^- \*\*(.+?)\*\*: ", text, flags=re.MULTILINE)


def _upload(at: AppTest) -> AppTest:
    at.file_uploader(key="cohort_upload").set_value(
        ("learners.csv", template_csv_bytes(), "text/csv")).run()
    return at


def _example_learners(at: AppTest) -> AppTest:
    at.toggle(key="cohort_try_example").set_value(True).run()
    return at


def _pasted(code_id: str, pasted: str) -> AppTest:
    at = check_units(code_id, [])
    at.text_area(key="check_paste").set_value(pasted).run()
    return at.run()


STATES: dict[str, dict[str, Callable[[], AppTest]]] = {
    LEVEL: {
        "nothing said": lambda: open_with_link(LEVEL),
        "call centre operator": lambda: open_with_link(
            LEVEL, work="working", role="Call Centre Operators"),
        "apprenticeship, holding 09628": lambda: open_with_link(
            LEVEL, age="20", work="working", aim="apprenticeship", has="09628"),
        "not working, wants team leader": lambda: open_with_link(
            LEVEL, work="not-working", want="Customer Service Team Leader"),
        "a manager in 2015": lambda: open_with_link(
            LEVEL, as_at=WHILE_OPEN, age="40", work="working", role="Customer Service Managers"),
        "a job title not listed": lambda: open_with_link(LEVEL, work="working", role="Postman"),
        "an apprenticeship, aged 15, no level yet": lambda: open_with_link(
            LEVEL, age="15", aim="apprenticeship"),
        "holding 10381 before it opened": lambda: open_with_link(
            LEVEL, as_at=dt.date(2012, 6, 1), has="10381,601/4404/X", aim="knowledge"),
    },
    ROUTE: {
        "nothing said": lambda: open_with_link(ROUTE),
        "09628 to 10379": lambda: open_with_link(ROUTE, **{"from": "09628", "to": "10379"}),
        "09628 to 09629, certificates ended": lambda: open_with_link(
            ROUTE, as_at=dt.date(2026, 12, 2), **{"from": "09628", "to": "09629"}),
        "nothing held, to 601/4404/X": lambda: open_with_link(ROUTE, to="601/4404/X"),
        "09628 to Level 3 in 2015": lambda: open_with_link(
            ROUTE, as_at=WHILE_OPEN, **{"from": "09628", "to": "3"}),
        "09628 to Level 4, the second route": lambda: open_with_link(
            ROUTE, age="30", work="working", route="2", **{"from": "09628", "level": "4"}),
        "onward from 09628, no aim": lambda: open_with_link(ROUTE, **{"from": "09628"}),
        "already there": lambda: open_with_link(ROUTE, level="2", **{"from": "09629"}),
        "no route found": lambda: open_with_link(
            ROUTE, level="4", documented="yes", **{"from": "10378"}),
        "onward from 10379 in 2012, wanting competence": lambda: open_with_link(
            ROUTE, as_at=dt.date(2012, 6, 1), aim="competence", **{"from": "10379"}),
        "03455 to Level 4 in 2012, before it opened": lambda: open_with_link(
            ROUTE, as_at=dt.date(2012, 6, 1), level="4", age="30", **{"from": "03455"}),
        "03455 to 10381, aged 15": lambda: open_with_link(
            ROUTE, as_at=WHILE_OPEN, to="10381", age="15", senior="yes", **{"from": "03455"}),
        "onward from 10379, in a senior role": lambda: open_with_link(
            ROUTE, as_at=WHILE_OPEN, senior="yes", **{"from": "10379"}),
        "holding 10381 before it opened": lambda: open_with_link(
            ROUTE, as_at=dt.date(2012, 6, 1), **{"from": "10381"}),
    },
    CHECK: {
        "nothing ticked": lambda: open_page(CHECK),
        "09628, three units": lambda: check_units(
            "ocr-09628", ["R/502/9652", "Y/502/9653", "D/502/9654"]),
        "09628 while open": lambda: check_units("ocr-09628", ["D/502/9654"], as_at=WHILE_OPEN),
        "03456, an NVQ": lambda: check_units("ocr-03456", []),
        "10379, a 2014 diploma": lambda: check_units("ocr-10379", []),
        "units pasted": lambda: _pasted("ocr-09628", "D/502/9654\nR/502/9652"),
        # Rules not known on the date: the page shows what the sources say instead, in words
        # of their own (an Intermediate Apprenticeship, ERR, a legacy qualification).
        "OCNLR L2 Diploma CS in 2012, before its structure": lambda: check_units(
            "ocnlr-l2-diploma-customer-service", [], as_at=dt.date(2012, 6, 1)),
        "10379 in 2012, before its structure": lambda: check_units(
            "ocr-10379", [], as_at=dt.date(2012, 6, 1)),
        "03455, replaced": lambda: check_units("ocr-03455", []),
    },
    EXPLORE: {
        "nothing searched": lambda: open_with_link(EXPLORE),
        "profile 601/4404/X": lambda: open_with_link(EXPLORE, qual="601/4404/X"),
        "profile 10378": lambda: open_with_link(EXPLORE, qual="10378"),
        "09628 beside 09629": lambda: open_with_link(EXPLORE, compare="09628,09629"),
        "search team leader": lambda: open_with_link(EXPLORE, search="team leader"),
        # Its sources cite a section on "QANs of equivalent 2014 Level 2 ... Diplomas".
        "profile S/016/608, from the check's link in 2012": lambda: open_with_link(
            EXPLORE, as_at=dt.date(2012, 6, 1), qual="S/016/608"),
        # What the sources say of these, in words of their own (an Intermediate
        # Apprenticeship, ERR, a legacy qualification).
        "profile OCNLR L2 Diploma CS": lambda: open_with_link(EXPLORE, qual="OCNLR L2 Diploma CS"),
        "profile 10379": lambda: open_with_link(EXPLORE, qual="10379"),
        "profile 04522": lambda: open_with_link(EXPLORE, qual="04522"),
    },
    COHORT: {
        "no file": lambda: open_page(COHORT),
        "example learners": lambda: _example_learners(open_page(COHORT)),
        "a file uploaded": lambda: _upload(open_page(COHORT)),
    },
}


# The pages whose glossary follows the answer they show, not every answer they can show.
BY_ANSWER = (LEVEL, ROUTE)
PAGE_ID = lambda p: p.split("/")[-1][:-3]  # noqa: E731


@functools.cache
def opened(page: str, state: str) -> AppTest:
    """The page in ``state``, opened once for the tests that read it."""
    return STATES[page][state]()


@pytest.mark.parametrize("page", list(STATES), ids=PAGE_ID)
def test_app__a_pages_glossary_explains_the_words_it_shows_and_only_those(page):
    """In each state (nothing asked yet, an answer, an apprenticeship, a closed qualification,
    a file uploaded), every glossary term whose word the page shows is explained in its
    glossary; and the glossary explains no term the page shows in none of them."""
    shown_somewhere: set[str] = set()
    for state in STATES[page]:
        at = opened(page, state)
        assert not at.exception, state
        shown = labels.glossary_terms([shown_words(at)])
        listed = explained(at)
        assert set(shown) <= set(listed), (state, sorted(set(shown) - set(listed)))
        assert listed == [t for t in labels.GLOSSARY if t in listed], state  # glossary order
        shown_somewhere |= set(shown)
    never_shown = set(listed) - shown_somewhere
    assert not never_shown, sorted(never_shown)


@pytest.mark.parametrize("page", BY_ANSWER, ids=PAGE_ID)
def test_app__a_learners_glossary_lists_only_the_words_the_page_shows_now(page):
    """In each state, the glossary of a learner's page lists no term that the page, as it
    stands, does not show: a learner reads the words of their own answer, not of every answer
    the page can give."""
    for state in STATES[page]:
        at = opened(page, state)
        unused = set(explained(at)) - set(labels.glossary_terms([shown_words(at)]))
        assert not unused, (state, sorted(unused))


@pytest.mark.parametrize("page", BY_ANSWER, ids=PAGE_ID)
def test_app__a_learners_page_with_nothing_answered_explains_a_few_words(page):
    """Opened with nothing answered, the glossary holds only the few words of the page's
    questions and first advice, not the thirty-odd its answers can use."""
    assert 0 < len(explained(opened(page, "nothing said"))) <= 10


def test_app__a_routes_glossary_follows_the_answer_given_on_the_page():
    """Answered on the page itself (no link), the glossary explains the route now shown."""
    at = open_with_link(ROUTE)
    assert "NVQ" not in explained(at)
    at.selectbox(key="route_from").set_value("ocr-09628").run()
    at.selectbox(key="route_to_level").set_value(3).run()
    assert not at.exception
    shown = labels.glossary_terms([shown_words(at)])
    assert "NVQ" in shown
    assert explained(at) == shown


def test_app__a_check_without_an_apprenticeship_does_not_explain_its_assessment():
    at = check_units("ocr-09628", ["D/502/9654"])
    assert "End-point assessment" not in explained(at)
    assert "Apprenticeship standard" not in explained(at)


def test_app__about_the_data_explains_every_term():
    at = open_page("app_pages/about.py")
    assert explained(at, "Every word the advisor's pages use, explained") == list(labels.GLOSSARY)
