"""Each page's glossary ("What the words on this page mean") explains the words that page shows,
and only those; About the data shows every term (AppTest, widgets by key)."""

from __future__ import annotations

import datetime as dt
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


def shown_words(at: AppTest) -> str:
    """What a reader sees on the page, its glossary left out: headings, text, notes, captions,
    the labels of its questions, links and sections, the choices made or offered by a radio,
    and its tables' headers and cells (Markdown's escapes undone)."""
    hidden = {id(n) for n in _nodes(_glossary(at))}
    said: list[str] = []
    for node in [n for root in (at.main, at.sidebar) for n in _nodes(root)]:
        if id(node) in hidden:
            continue
        proto = getattr(node, "proto", None)
        for field in ("label", "body"):
            said.append(str(getattr(proto, field, "") or ""))
        value = getattr(node, "value", None)
        if isinstance(value, pd.DataFrame):
            said += [str(v) for column in value.columns for v in [column, *value[column]]]
        elif isinstance(value, str | list | tuple):
            said += [str(v) for v in (value if isinstance(value, list | tuple) else [value])]
        said += [str(o) for o in getattr(node, "options", [])] if node.type == "radio" else []
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
    },
    ROUTE: {
        "nothing said": lambda: open_with_link(ROUTE),
        "09628 to 10379": lambda: open_with_link(ROUTE, **{"from": "09628", "to": "10379"}),
        "09628 to 09629, certificates ended": lambda: open_with_link(
            ROUTE, as_at=dt.date(2026, 12, 2), **{"from": "09628", "to": "09629"}),
        "nothing held, to 601/4404/X": lambda: open_with_link(ROUTE, to="601/4404/X"),
        "09628 to Level 3 in 2015": lambda: open_with_link(
            ROUTE, as_at=WHILE_OPEN, **{"from": "09628", "to": "3"}),
    },
    CHECK: {
        "nothing ticked": lambda: open_page(CHECK),
        "09628, three units": lambda: check_units(
            "ocr-09628", ["R/502/9652", "Y/502/9653", "D/502/9654"]),
        "09628 while open": lambda: check_units("ocr-09628", ["D/502/9654"], as_at=WHILE_OPEN),
        "03456, an NVQ": lambda: check_units("ocr-03456", []),
        "10379, a 2014 diploma": lambda: check_units("ocr-10379", []),
        "units pasted": lambda: _pasted("ocr-09628", "D/502/9654\nR/502/9652"),
    },
    EXPLORE: {
        "nothing searched": lambda: open_with_link(EXPLORE),
        "profile 601/4404/X": lambda: open_with_link(EXPLORE, qual="601/4404/X"),
        "profile 10378": lambda: open_with_link(EXPLORE, qual="10378"),
        "09628 beside 09629": lambda: open_with_link(EXPLORE, compare="09628,09629"),
        "search team leader": lambda: open_with_link(EXPLORE, search="team leader"),
    },
    COHORT: {
        "no file": lambda: open_page(COHORT),
        "example learners": lambda: _example_learners(open_page(COHORT)),
        "a file uploaded": lambda: _upload(open_page(COHORT)),
    },
}


@pytest.mark.parametrize("page", list(STATES), ids=lambda p: p.split("/")[-1][:-3])
def test_app__a_pages_glossary_explains_the_words_it_shows_and_only_those(page):
    """In each state (nothing asked yet, an answer, an apprenticeship, a closed qualification,
    a file uploaded), every glossary term whose word the page shows is explained in its
    glossary; and the glossary explains no term the page shows in none of them."""
    shown_somewhere: set[str] = set()
    for state, opened in STATES[page].items():
        at = opened()
        assert not at.exception, state
        shown = labels.glossary_terms([shown_words(at)])
        listed = explained(at)
        assert set(shown) <= set(listed), (state, sorted(set(shown) - set(listed)))
        assert listed == [t for t in labels.GLOSSARY if t in listed], state  # glossary order
        shown_somewhere |= set(shown)
    never_shown = set(listed) - shown_somewhere
    assert not never_shown, sorted(never_shown)


def test_app__a_check_without_an_apprenticeship_does_not_explain_its_assessment():
    at = check_units("ocr-09628", ["D/502/9654"])
    assert "End-point assessment" not in explained(at)
    assert "Apprenticeship standard" not in explained(at)


def test_app__about_the_data_explains_every_term():
    at = open_page("app_pages/about.py")
    assert explained(at, "Every word the advisor's pages use, explained") == list(labels.GLOSSARY)
