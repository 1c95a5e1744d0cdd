"""The catalogue against the documents it was transcribed from.

These tests read the source documents themselves, parse their unit tables and rule statements,
and compare every number with the catalogue, so a transcription slip fails a test.
"""

from __future__ import annotations

import re

import pytest

from advisor import iter_citations
from advisor.catalogue import Basis

SEED_REPORT = "000_877957cfe4770bfa.txt"
SEED_PRINCIPLES = "001_1a36f8904fba0327.txt"
SEED_NVQ_L3 = "003_6006b2829cc9c277.txt"
SEED_OCNLR = "004_70450870fa016f48.txt"
EXTERNAL = "external-facts.md"


def _members(catalogue, qualification_id):
    """{urn: (group id, number)} for a qualification's rules of combination."""
    rules = catalogue.qualifications[qualification_id].rules
    return {m.urn: (g.id, m.number) for g in rules.groups for m in g.units}


def _section(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin + len(start))]


def _external_section(text: str, cited: str) -> str:
    """The external-facts.md section, heading and body, whose ``## `` heading begins with
    ``cited``."""
    for block in text.split("\n## ")[1:]:
        if block.startswith(cited):
            return block
    raise AssertionError(f"no section of external-facts.md begins {cited!r}")


def _cited_section(catalogue, source_text, citation) -> str:
    """The text of a cited section: in external-facts.md, up to the next ``## `` heading; in a
    seed, from the last line that is the heading (not the cover or the contents) up to the next
    line that is a heading some citation of that seed names."""
    text = source_text(citation.doc)
    if citation.doc == EXTERNAL:
        return _external_section(text, citation.section)
    headings = {c.section for _, c in _citations_of(catalogue) if c.doc == citation.doc}
    lines = text.splitlines()
    start = max(i for i, line in enumerate(lines) if line.strip() == citation.section)
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].strip() in headings - {citation.section}), len(lines))
    return "\n".join(lines[start:end])


def _citations_of(catalogue):
    """(key path, citation) for every citation the catalogue holds."""
    for model in (*catalogue.qualifications.values(), *catalogue.units.values(),
                  *catalogue.progressions, *catalogue.job_roles.values(),
                  *catalogue.frameworks.values(), *catalogue.transfer_rules,
                  *catalogue.awarding_bodies.values()):
        yield from iter_citations(model)


# --------------------------------------------------------------------------------- 09628 / 09629


def _principles_rows(text, qan):
    """Rows of the section 6.1 unit table for one qualification: number, title, URN, credit..."""
    block = _section(text, "6.1 Qualification structure", "6.2 Unit format")
    block = block[block.index(f"Qualification Accreditation Number {qan}") :]
    rows = []
    for line in block.splitlines()[1:]:
        if line.startswith("Qualification Accreditation Number"):
            break
        cells = line.split("\t")
        if len(cells) == 6 and cells[0].isdigit():
            rows.append(cells)
    return rows


@pytest.mark.parametrize(("qualification_id", "qan", "credits"),
                         [("ocr-09628", "600/0840/4", 13), ("ocr-09629", "600/0752/7", 17)])
def test_principles__unit_tables_match_handbook(catalogue, source_text, qualification_id, qan,
                                                credits):
    rows = _principles_rows(source_text(SEED_PRINCIPLES), qan)
    assert len(rows) == 3
    members = _members(catalogue, qualification_id)
    assert set(members) == {row[2] for row in rows}
    for number, title, urn, credit, level, glh in rows:
        unit = catalogue.units[urn]
        assert (unit.title, unit.credits, unit.level, unit.glh) == (
            title, int(credit), int(level), int(glh))
        assert members[urn] == ("A", number)
    q = catalogue.qualifications[qualification_id]
    assert q.regulator_number == qan
    assert q.credits_required == credits == sum(int(r[3]) for r in rows)


def test_principles__profiles_match_handbook(catalogue, source_text):
    text = source_text(SEED_PRINCIPLES)
    for qualification_id, section, following in [
        ("ocr-09628", "2.1 Qualification profile", "2.2 Qualification profile"),
        ("ocr-09629", "2.2 Qualification profile", "2.3 Target market"),
    ]:
        profile = _section(text, f"\n{section}", following)
        q = catalogue.qualifications[qualification_id]
        assert f"OCR code\t{q.code}" in profile
        assert f"QAN\t{q.regulator_number}" in profile
        assert f"The credit required for this qualification is {q.credits_required}." in profile
        assert f"at Level {q.level}" in profile
        entry = re.search(r"Last entry date\*\t(\d\d)/(\d\d)/(\d{4})", profile)
        cert = re.search(r"Last certification date\*\t(\d\d)/(\d\d)/(\d{4})", profile)
        assert q.dates.last_entry.date.isoformat() == "-".join(reversed(entry.groups()))
        assert q.dates.last_certification.date.isoformat() == "-".join(reversed(cert.groups()))
        # The tick row of the age table: Pre-16 blank, the other three ticked.
        ticks = profile.split("Age group approved\tPre-16\t16-18\t18+\t19+\n")[1].splitlines()[0]
        assert ticks.split("\t") == ["", "", "✓", "✓", "✓"]
        assert q.ages.approved == ("16-18", "18+", "19+")
        assert q.ages.not_approved == ("pre-16",)


def test_principles__unit_3_is_shared_and_unit_1_is_level_1(catalogue):
    assert "D/502/9654" in _members(catalogue, "ocr-09628")
    assert "D/502/9654" in _members(catalogue, "ocr-09629")
    assert catalogue.units["R/502/9652"].level == 1
    assert catalogue.qualifications["ocr-09628"].level == 2


# ---------------------------------------------------------------------------------------- 03456

_NVQ_GROUP_HEADINGS = {
    "GROUP A MANDATORY UNITS": "A",
    "GROUP B OPTIONAL UNITS": "B",
    "GROUP C OPTIONAL UNITS": "C",
    "GROUP D OPTIONAL UNITS": "D",
    "GROUP E OPTIONAL UNITS": "E",
}


def _nvq_rows(text):
    block = _section(text, "GROUP A MANDATORY UNITS", "UNIT F3 (K/601/1622)")
    group = None
    rows = []
    for line in block.splitlines():
        for heading, letter in _NVQ_GROUP_HEADINGS.items():
            if line.startswith(heading):
                group = letter
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"[A-F]\d+", cells[0]):
            rows.append((group, *cells))
    return rows


def test_03456__every_unit_matches_the_student_guide(catalogue, source_text):
    rows = _nvq_rows(source_text(SEED_NVQ_L3))
    members = _members(catalogue, "ocr-03456")
    assert len(rows) == len(members) == 59
    for group, number, urn, title, credit, level in rows:
        unit = catalogue.units[urn]
        assert (unit.title, unit.credits, unit.level) == (title, int(credit), int(level))
        assert members[urn] == (group, number)


def test_03456__units_per_group_and_numbering(catalogue):
    rules = catalogue.qualifications["ocr-03456"].rules
    counts = {g.id: len(g.units) for g in rules.groups}
    assert counts == {"A": 2, "B": 16, "C": 15, "D": 6, "E": 20}
    group_b = next(g for g in rules.groups if g.id == "B")
    assert group_b.units[0].number == "A3"  # unit numbers do not follow group letters


def test_03456__rule_numbers_match_the_student_guide(catalogue, source_text):
    text = source_text(SEED_NVQ_L3)
    rules = catalogue.qualifications["ocr-03456"].rules
    total = int(re.search(r"must achieve a total of (\d+) credits", text).group(1))
    mandatory = int(re.search(r"from mandatory Group A, candidates must achieve (\d+) credits",
                              text).group(1))
    optional, level3 = map(int, re.search(
        r"candidates must achieve (\d+) credits by completing a minimum of one unit from each "
        r"optional group, of which a minimum (\d+) credits must be achieved at Level 3", text
    ).groups())
    assert rules.credits_required == total == 42
    groups = {g.id: g for g in rules.groups}
    assert groups["A"].mandatory and groups["A"].min_credits == mandatory == 12
    for letter in "BCDE":
        assert groups[letter].min_units == 1 and not groups[letter].mandatory
    by_id = {r.id: r for r in rules.credit_rules}
    assert by_id["optional-credits"].min_credits == optional == 30
    assert by_id["optional-level-3"].min_credits == level3 == 10
    assert by_id["optional-level-3"].level == 3
    assert set(by_id["optional-credits"].groups) == set(by_id["optional-level-3"].groups) == set(
        "BCDE")


# ------------------------------------------------------------------------------------ 601/4404/X


def _ocnlr_rows(text):
    block = _section(
        text, "Ofqual Unit Reference Number\tOCNLR Unit Code", "Assessment and Moderation"
    )
    group = None
    rows = []
    for line in block.splitlines():
        for heading, letter in (("Mandatory Group A", "A"), ("Optional Group B", "B"),
                                ("Optional Group C", "C")):
            if line.startswith(heading):
                group = letter
        cells = line.split("\t")
        if len(cells) == 6 and re.fullmatch(r"[A-Z]/\d{3}/\d{4}", cells[0]):
            rows.append((group, *cells))
    return rows


def test_ocnlr_level_1__every_unit_matches_the_guide(catalogue, source_text):
    rows = _ocnlr_rows(source_text(SEED_OCNLR))
    members = _members(catalogue, "ocnlr-601-4404-x")
    assert len(rows) == len(members) == 18
    for group, urn, code, title, level, credit, glh in rows:
        unit = catalogue.units[urn]
        assert (unit.title, unit.level, unit.credits, unit.glh) == (
            title, int(level), int(credit), int(glh))
        assert members[urn] == (group, code)


def test_ocnlr_level_1__rules_and_facts_match_the_guide(catalogue, source_text):
    text = source_text(SEED_OCNLR)
    q = catalogue.qualifications["ocnlr-601-4404-x"]
    groups = {g.id: g for g in q.rules.groups}
    assert f"learners must complete {q.rules.credits_required} credits in total" in text
    assert f"{groups['A'].min_credits} credits must be taken from Mandatory Group A" in text
    b_rule = f"a minimum of {groups['B'].min_credits} credits must be taken from Optional Group B"
    c_rule = f"A maximum of {groups['C'].max_credits} credits may be taken from Optional Group C"
    assert b_rule in text and c_rule in text
    assert groups["A"].mandatory and not groups["B"].mandatory and not groups["C"].mandatory
    assert (q.credits_required, q.glh.min, q.glh.max, q.tqt.min) == (23, 143, 178, 230)
    assert f"Guided Learning Hours (GLH): {q.glh.min}-{q.glh.max}" in text
    assert f"Total Qualification Time (TQT): {q.tqt.min}" in text
    assert q.dates.operational_start.date.isoformat() == "2014-10-01"
    assert q.dates.review.date.isoformat() == "2019-08-31"
    assert q.dates.last_entry is None  # the guide gives no closing date


# ------------------------------------------------------------------------- secondary structures

_EXTERNAL_ROW = re.compile(
    r"- \[(?P<ref>[^,]+),\s*(?P<urn>[A-Z]/\d{3}/\d{4}),\s*\"(?P<title>[^\"]+)\",\s*"
    r"(?P<credit>\w+),\s*(?P<level>\w+),\s*(?P<glh>\w+)\]"
)


def test_national_units__match_external_facts(catalogue, source_text):
    """Every unit row in external-facts.md agrees with the unit bank, except truncated ones."""
    checked = 0
    for match in _EXTERNAL_ROW.finditer(source_text(EXTERNAL)):
        unit = catalogue.units[match["urn"]]
        if "(" in match["title"]:  # a title cut off in the excerpt, e.g. "in(teractions?)"
            continue
        assert unit.title == match["title"]
        for field, value in (("credits", match["credit"]), ("level", match["level"]),
                             ("glh", match["glh"])):
            if value != "null":
                assert getattr(unit, field) == int(value), (match["urn"], field)
        checked += 1
    assert checked >= 45


@pytest.mark.parametrize(("reference", "credits", "mandatory"), [
    ("S/016/371", 23, 14), ("S/016/608", 45, 19), ("S/016/609", 55, 31), ("S/016/610", 50, 14),
])
def test_national_structures__totals(catalogue, reference, credits, mandatory):
    structure = catalogue.find_qualification(reference)
    groups = {g.id: g for g in structure.rules.groups}
    assert structure.credits_required == credits
    assert groups["A"].mandatory and groups["A"].min_credits == mandatory
    assert sum(catalogue.units[m.urn].credits for m in groups["A"].units) == mandatory


# ------------------------------------------------------------------------------------ citations


def test_citations__every_section_appears_in_its_document(catalogue, source_text):
    """A citation names a section heading that really is in the cited document."""
    texts = {name: source_text(name) for name in catalogue.documents}
    checked = 0
    for _, citation in _citations_of(catalogue):
        assert citation.section in texts[citation.doc], citation.label()
        if citation.url:
            assert citation.url in texts[citation.doc], citation.url
        checked += 1
    assert checked > 200


def test_citations__a_unit_match_cites_the_section_that_lists_the_unit(catalogue, source_text):
    """A unit the report names, matched to a national unit, cites the external-facts section
    that lists that unit's reference number, not another section."""
    text = source_text(EXTERNAL)
    checked = 0
    for q in catalogue.qualifications.values():
        for named in q.named_units:
            if named.possible_urn is None:
                continue
            external = [c for c in named.source if c.doc == EXTERNAL]
            assert external, (q.id, named.number)
            for citation in external:
                assert named.possible_urn in _external_section(text, citation.section), (
                    q.id, named.number, citation.section)
                checked += 1
    assert checked == 5  # 10378 units 1 and 14, 10379 unit 3, 10380 unit 3, 10381 unit 1


def test_citations__national_steps_cite_the_structures_they_join(catalogue, source_text):
    """A step between two national structures, which no source states, cites the sections of
    external-facts.md that give both structures, and nothing that does not mention them."""
    text = source_text(EXTERNAL)
    national = {q.id: q.structure_reference for q in catalogue.qualifications.values()
                if q.structure_reference}
    steps = [p for p in catalogue.progressions if p.from_ in national and p.to in national]
    assert len(steps) == 3
    for step in steps:
        cited = [_external_section(text, c.section) for c in step.source if c.doc == EXTERNAL]
        for reference in (national[step.from_], national[step.to]):
            assert any(reference in body for body in cited), (step.from_, step.to, reference)
        for citation in step.source:
            assert catalogue.basis(citation) is Basis.INFERENCE
            if citation.doc != EXTERNAL:  # a seed: only with a note saying what it adds
                assert "does not mention the national structures" in (citation.note or "")


def test_citations__replacement_notes_quote_the_section_cited(catalogue, source_text):
    """The replacement of 09628 and 09629 quotes the report's words about the technical
    certificate, and cites the section those words are in."""
    overview = _section(source_text(SEED_REPORT), "\n1. Overview:\n", "\n2. General Comments")
    quote = "the technical certificate aspect is now embedded in the one qualification"
    assert quote in overview
    for reference in ("09628", "09629"):
        (replacement,) = catalogue.find_qualification(reference).replaced_by
        quoting = [c for c in replacement.source if quote in (c.note or "")]
        assert [c.label() for c in quoting] == [f"{SEED_REPORT} § 1. Overview:"]


# ------------------------------------------------------------------------------------- profiles


def test_titles__the_ocr_suite_as_the_2014_15_report_writes_it(catalogue, source_text):
    """Each qualification of the report's suite list has the report's title, word for word
    (10381 has no "in": "Level 4 NVQ Diploma Customer Service")."""
    text = source_text(SEED_REPORT)
    listed = re.findall(r"^(Level \d [^*]+?) \*\*(\d{5})\*\*$", text, re.MULTILINE)
    assert len(set(listed)) == 7
    for title, code in set(listed):
        assert catalogue.find_qualification(code).title == f"OCR {title}"


def test_sources__each_dated_document_gives_that_date(catalogue, source_text):
    dated = {name: d.date for name, d in catalogue.documents.items() if d.date}
    assert {"000_877957cfe4770bfa.txt", "002_afac824596d1bd0d.txt",
            SEED_NVQ_L3} <= set(dated)
    for name, date in dated.items():
        assert date in source_text(name), name


def test_profiles__framework_and_legacy_are_stated_or_marked_inferred(catalogue, source_text):
    """A qualification's framework (QCF, RQF) and its legacy flag are either in a section it
    cites, or one of its citations is an inference whose note explains them."""
    for q in catalogue.qualifications.values():
        claims = ([f"({q.framework})"] if q.framework else []) + (["legacy"] if q.legacy else [])
        for claim in claims:
            stated = any(catalogue.basis(c) is not Basis.INFERENCE
                         and (claim in c.section
                              or claim in _cited_section(catalogue, source_text, c))
                         for c in q.source)
            inferred = any(catalogue.basis(c) is Basis.INFERENCE
                           and claim.strip("()") in (c.note or "") for c in q.source)
            assert stated or inferred, (q.id, claim)


def test_frameworks__functional_skills_keeps_the_column_heading(catalogue, source_text):
    """The 2010 framework's skills component can be met by Key Skills, Functional Skills or,
    in Wales, Essential Skills: the student guide's column heading says so."""
    heading = "KEY SKILLS/ FUNCTIONAL SKILLS/ ESSENTIAL SKILLS WALES"
    assert heading in source_text(SEED_NVQ_L3)
    framework = catalogue.frameworks["advanced-apprenticeship-customer-service-2010"]
    (skills,) = [c for c in framework.components if c.id == "functional-skills"]
    assert skills.description.upper().startswith(heading.replace("/ ", " / "))


# -------------------------------------------------------------------------------- notes added

_NOTED = [  # (qualifications, cited section, words in the section, words in the note)
    (("09628", "09629"), "2.7 Progression opportunities",
     "a way into a recognised customer service occupational qualification for those not in "
     "full-time employment", None),
    (("09628", "09629"), "10.1 National Occupational Standards (NOS) Mapping",
     "a key progression route between education and employment", None),
    (("09628", "09629"), "2.14 Delivery in Wales and Northern Ireland",
     "only been approved by Ofqual for delivery in England/Wales/Northern Ireland", None),
    (("09628", "09629"), "2.14 Delivery in Wales and Northern Ireland",
     "for use by centres in Wales and/or by the Council for the Curriculum Examinations and "
     "Assessment (CCEA) for use by centres in Northern Ireland", None),
    (("09628", "09629"), "2.11 Funding",
     "eligible for funding under Section 96 and/or Skills Funding Agency", None),
    (("09628", "09629"), "2.12 Mode of delivery",
     "OCR does not specify the mode of study or specify a time limit",
     "OCR specifies no mode of study and no time limit"),
    (("10378",), "Level 1 Customer Service (10378)", "This is a knowledge unit",
     "is a knowledge unit"),
    (("10378",), "Level 1 Customer Service (10378)",
     "this unit is related to learners working in a contact centre",
     "is related to learners working in a contact centre"),
    (("10379", "10380"), "1. Overview:", "the qualifications are harder and require more evidence",
     None),
    (("10378", "10379", "10380"), "2. General Comments",
     "the new qualifications are more challenging", None),
]


@pytest.mark.parametrize(("references", "section", "said", "noted"), _NOTED, ids=[
    "M1-occupational", "M1-education-to-employment", "M3-nations", "M3-wales-ni", "M4-funding",
    "M5-mode-of-delivery", "M11-unit-1", "M11-unit-14", "M10-harder", "M10-more-challenging"])
def test_notes__facts_the_audit_found_missing_are_held_with_their_section(
        catalogue, source_text, references, section, said, noted):
    """Each fact added from the audit's list of missing facts is in the section it cites, and
    the qualification holds it in a note citing that section."""
    for reference in references:
        q = catalogue.find_qualification(reference)
        notes = [s for s in q.notes if any(c.section == section for c in s.source)]
        assert notes, (reference, section)
        (citation,) = {c for s in notes for c in s.source if c.section == section}
        text = " ".join(_cited_section(catalogue, source_text, citation).split())
        assert said in text, (reference, said)
        points = " ".join(point for s in notes for point in s.points)
        assert (noted or said) in points, (reference, noted or said)


def test_frameworks__2010_issuer_is_the_council_the_handbook_names(catalogue, source_text):
    text = source_text(SEED_PRINCIPLES)
    assert "Technical element within the context of the Council of Administration" in text
    assert "by the Council for Administration, the sector body for customer service" in text
    for framework_id in ("apprenticeship-customer-service-2010",
                         "advanced-apprenticeship-customer-service-2010"):
        framework = catalogue.frameworks[framework_id]
        assert framework.issuer == "Council for Administration"
        cited = {c.section for c in framework.source if c.doc == SEED_PRINCIPLES
                 and catalogue.basis(c) is Basis.INFERENCE and "issuer" in (c.note or "")}
        assert cited == {"1.1 The OCR Principles of Customer Service suite of qualifications",
                         "2.7 Progression opportunities"}


# ----------------------------------------------------------------------------------- inferences


def test_inferences__a_date_no_secondary_source_gives_is_marked_inferred(catalogue, source_text):
    """A date cited to external-facts.md is written in the cited section, or its citation says
    it is an inference (03456 "closed for entry" has no date: the catalogue derives one)."""
    text = source_text(EXTERNAL)
    inferred = []
    for q in catalogue.qualifications.values():
        for name in ("operational_start", "last_entry", "last_certification",
                     "closed_to_entry_by", "review"):
            fact = getattr(q.dates, name)
            for citation in fact.source if fact else ():
                if citation.doc != EXTERNAL:
                    continue
                body = _external_section(text, citation.section)
                written = f"{fact.date.day} {fact.date:%b} {fact.date.year}"
                if written not in body and fact.date.isoformat() not in body:
                    assert catalogue.basis(citation) is Basis.INFERENCE, (q.id, name)
                    inferred.append((q.code, name))
    assert inferred == [("03456", "closed_to_entry_by")]


def test_inferences__framework_reference_fr03058_is_not_tied_to_a_level(catalogue, source_text):
    """external-facts I gives FR03058 with a nation, date and issuer but no level or
    components, so the 2014 frameworks' use of it is marked as an inference."""
    line = next(row for row in _external_section(source_text(EXTERNAL),
                                                   "I. Apprenticeship frameworks").splitlines()
                if "FR03058" in row)
    assert not re.search(r"level|intermediate|advanced|component", line, re.IGNORECASE)
    framed = [f for f in catalogue.frameworks.values() if f.reference == "FR03058"]
    assert len(framed) == 2
    for framework in framed:
        (citation,) = [c for c in framework.source if c.doc == EXTERNAL]
        assert catalogue.basis(citation) is Basis.INFERENCE


def test_inferences__ocnlr_diploma_as_a_combined_component(catalogue, source_text):
    """OCN London calls its Level 2 Diploma the *competence* component; placing it in the 2014
    framework's combined component is marked as an inference."""
    text = source_text(SEED_OCNLR)
    assert "provides the competence component of the Level 2 Intermediate Apprenticeship" in text
    framework = catalogue.frameworks["intermediate-apprenticeship-customer-service-2014"]
    combined = next(c for c in framework.components if c.id == "combined")
    assert "ocnlr-l2-diploma-customer-service" in combined.qualifications
    (citation,) = [c for c in combined.source if c.doc == SEED_OCNLR]
    assert catalogue.basis(citation) is Basis.INFERENCE


def test_inferences__unit_30_is_read_as_a_unit_of_10379(catalogue, source_text):
    """The report's paragraph on unit 30 does not name 10379, so every record that puts unit 30
    in 10379 says it is an inference."""
    paragraph = _section(source_text(SEED_REPORT), "\nLevel 2 Customer Service\n",
                         "\nLevel 3 Customer Service\n")
    assert "unit 30" in paragraph and "10379" not in paragraph
    q = catalogue.find_qualification("10379")
    (unit_30,) = [n for n in q.named_units if n.number == "30"]
    about_unit_30 = [unit_30.source, *(s.source for s in q.notes
                                       if any("unit 30" in point for point in s.points))]
    assert len(about_unit_30) == 2
    for sources in about_unit_30:
        assert {catalogue.basis(c) for c in sources} == {Basis.INFERENCE}


def test_citations__quotations_in_notes_are_in_the_cited_section(catalogue, source_text):
    """A note that quotes its source (four words or more in double quotes) quotes words that
    are in the section it cites, not in some other section."""
    checked = 0
    for _, citation in _citations_of(catalogue):
        for quote in re.findall(r'"([^"]+)"', citation.note or ""):
            if len(quote.split()) < 4:
                continue
            section = " ".join(_cited_section(catalogue, source_text, citation).split())
            assert " ".join(quote.split()) in section, (citation.label(), quote)
            checked += 1
    assert checked > 10


def test_statements__lead_ins_are_the_cited_sections_own_words(catalogue, source_text):
    """A statement's lead-in (the start of the sentence its points finish) and closing sentence
    are quoted from the section it cites, word for word."""
    statements = [s for q in catalogue.qualifications.values()
                  for s in (q.suitable_for, q.entry_requirements, q.role_requirement, *q.notes)
                  if s is not None and (s.lead_in or s.closing)]
    assert len(statements) >= 2
    for statement in statements:
        sections = [" ".join(_cited_section(catalogue, source_text, c).split())
                    for c in statement.source]
        for quoted in filter(None, (statement.lead_in, statement.closing)):
            assert any(" ".join(quoted.split()) in section for section in sections), quoted


def test_job_roles__match_the_student_guide_lists(catalogue, source_text):
    text = source_text(SEED_NVQ_L3)
    block = _section(text, "JOB ROLES AND PROGRESSION", "LEVEL 3 NVQ DIPLOMA IN CUSTOMER SERVICE")
    level_2 = _section(block, "\nLevel 2\n", "\nLevel 3\n").split("\n")[2:]
    level_3 = block[block.index("\nLevel 3\n"):].split("\n")[2:]
    expected = {(t.strip(), 2) for t in level_2 if t.strip()}
    expected |= {(t.strip(), 3) for t in level_3 if t.strip()}
    recorded = {(r.title, r.level) for r in catalogue.job_roles.values() if r.level is not None}
    assert recorded == expected
    assert len(expected) == 28


def test_job_roles__jobs_after_the_ocnlr_level_1_certificate(catalogue, source_text):
    text = source_text(SEED_OCNLR)
    block = _section(text, "in jobs such as:", "Structure of the Qualification")
    expected = {line.strip("-; .\n") for line in block.splitlines()[1:] if line.startswith("- ")}
    recorded = {r.title for r in catalogue.job_roles.values() if r.after == "ocnlr-601-4404-x"}
    assert recorded == expected == {"Customer service assistant", "Telesales operative",
                                    "Help Desk Assistant", "Call Centre Advisor"}


def test_awarding_bodies__each_contact_is_in_a_document_cited_for_it(catalogue, source_text):
    """An awarding body's website, telephone number and email address are each in one of the
    documents cited for it (a number with its spaces as some document writes it); each body is
    one the qualifications name."""
    assert set(catalogue.awarding_bodies) == {"OCR", "OCN London"}
    for body in catalogue.awarding_bodies.values():
        cited = " ".join(source_text(c.doc) for c in body.source)
        for detail in (body.website, body.telephone, body.email):
            assert detail is not None and detail in cited, (body.name, detail)
        assert any(q.awarding_body == body.name for q in catalogue.qualifications.values())
