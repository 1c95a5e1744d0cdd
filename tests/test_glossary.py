"""Which of the glossary's terms a text uses (``labels.glossary_terms``), and their meanings in
the glossary's order (``labels.explained``): the one choice the pages and printouts share."""

from __future__ import annotations

import pytest

from advisor import labels


@pytest.mark.parametrize(("text", "terms"), [
    ("Level 2", ["Level"]),
    ("the level to start at", ["Level"]),  # a word, in any case
    ("12 credits from its units", ["Credit", "Unit"]),  # plural
    ("Credit(s)", ["Credit"]),
    ("two awarding bodies", ["Awarding body"]),  # -y, -ies
    ("90 GLH", ["GLH"]),
    ("OCR Level 3 NVQ Diploma in Customer Service", ["Level", "NVQ"]),
    ("OCR Level 2 Certificate in Principles of Customer Service", ["Level", "Principles of"]),
    ("units B&A 38 and M&L 9", ["Unit", "B&A", "M&L"]),
    ("an Advanced Apprenticeship", ["Intermediate Apprenticeship"]),  # the entry explains it
    ("Key Skills", ["Functional Skills"]),
    ("the last entry date was 31/12/2014", ["Last entry date"]),
], ids=str)
def test_glossary_terms__a_term_is_found_as_written_on_a_page(text, terms):
    assert labels.glossary_terms([text]) == terms


@pytest.mark.parametrize("text", [
    "to err is human",  # ERR, an abbreviation, only in capitals
    "an urn of tea",  # URN likewise
    "levelled",  # a whole word only
    "subunit",
    "the bodywork",
], ids=str)
def test_glossary_terms__a_word_that_only_looks_like_a_term_is_not_one(text):
    assert labels.glossary_terms([text]) == []


def test_glossary_terms__in_the_glossarys_order_once_each():
    """However often and in whatever order the texts use them, the terms come once each, in
    the glossary's order (from the simplest: Level, then Code, Credit, ...)."""
    found = labels.glossary_terms(["units", "Unit 1", "Credit", "Level 3", "level"])
    assert found == ["Level", "Credit", "Unit"]
    assert found == [t for t in labels.GLOSSARY if t in found]


def test_explained__each_term_with_its_meaning_in_the_glossarys_order():
    assert labels.explained(["Unit", "Level"]) == [
        ("Level", labels.GLOSSARY["Level"]), ("Unit", labels.GLOSSARY["Unit"])]


def test_explained__a_term_not_in_the_glossary_is_refused_by_name():
    with pytest.raises(ValueError, match="'Levels' is not in the glossary"):
        labels.explained(["Levels"])


def test_glossary_terms__every_term_finds_itself():
    """Each term, written as the glossary writes it, is found: none is unreachable."""
    for term in labels.GLOSSARY:
        assert term in labels.glossary_terms([term]), term
