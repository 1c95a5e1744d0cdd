"""The printable action plan: what it shows, and that no text can become markup."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from advisor import load_catalogue
from advisor import carry_over
from advisor import Employment, Profile, recommend
from advisor import find_routes
from advisor import ActionPlan, action_plan_html
from tests.test_validation import QUALIFICATION, write_catalogue

TODAY = dt.date(2026, 11, 22)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_action_plan__shows_answers_recommendation_route_and_sources(catalogue):
    graph = catalogue.graph
    result = recommend(catalogue, Profile(role="Call Centre Operator",
                                          employment=Employment.WORKING,
                                          held_qualifications=("ocr-09628",)), as_at=TODAY)
    route = next(find_routes(catalogue, from_qualification=catalogue.qualifications[
        "ocr-09628"], to_qualification=catalogue.qualifications["ocr-03456"]))
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, created=TODAY, answers={"Job role": "Call Centre Operator"},
        recommendation=result, route=route))
    text = " ".join(" ".join(parse(html).text).split())
    assert "Made on 22 November 2026" in text
    assert "Job role Call Centre Operator" in text
    assert "Level 2" in text and "Call Centre Operators" in text
    assert "Step 1: OCR Level 3 Certificate in Principles of Customer Service (09629)" in text
    assert "Units you hold that count (5 credits)" in text
    assert "Still needed: 12 credits" in text
    assert "Step 2: OCR Level 3 NVQ Diploma in Customer Service (03456)" in text
    # Every citation mark points at a listed source, and the list names the documents.
    marks = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    listed = re.findall(r"<li>([^<]+ § [^<]+?)(?: \(|</li>)", html)
    assert marks == set(range(1, len(listed) + 1))
    assert "003_6006b2829cc9c277.txt § JOB ROLES AND PROGRESSION" in listed
    assert "001_1a36f8904fba0327.txt § 2.7 Progression opportunities" in listed


def test_action_plan__is_self_contained():
    catalogue = load_catalogue()
    html = action_plan_html(catalogue, ActionPlan(as_at=TODAY))
    tags = parse(html).tags
    assert not [t for t, _ in tags if t in {"script", "link", "img", "iframe", "object"}]
    assert not [a for _, a in tags if any(k in a for k in ("src", "href"))]
    assert "@media print" in html


def test_action_plan__escapes_every_text(tmp_path):
    hostile_title = QUALIFICATION.replace("Level 2 Certificate in Testing",
                                          "Level 2 <script>alert(1)</script> in Testing")
    catalogue = load_catalogue(write_catalogue(tmp_path, {
        "qualifications/ab-001.yaml": hostile_title}))
    target = catalogue.qualifications["ab-001"]
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, answers={HOSTILE: HOSTILE}, notes=HOSTILE,
        carry_over=carry_over(catalogue, target, units=["A/100/0001"])))
    tags = parse(html).tags
    assert [t for t, _ in tags if t in {"script", "img"}] == []
    assert not [a for _, a in tags if "onerror" in a]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; in Testing" in html
    # The answer's question, the answer and the note, each escaped however quotes are spelled.
    assert " ".join(parse(html).text).count(HOSTILE) == 3
    assert 'alert("x")' not in html


def test_action_plan__unknown_rules_and_closed_levels_are_said_plainly(catalogue):
    target = catalogue.qualifications["ocnlr-l2-diploma-business-administration"]
    result = recommend(catalogue, Profile(employment=Employment.WORKING), as_at=TODAY)
    html = action_plan_html(catalogue, ActionPlan(
        as_at=TODAY, recommendation=result, carry_over=carry_over(catalogue, target)))
    text = " ".join(" ".join(parse(html).text).split())
    assert "do not give this qualification's full rules" in text
    assert "Ask a centre or the awarding body whether these are still open" in text
