"""A small valid catalogue, file by file, for tests that need one they can break or extend.

``write_catalogue(tmp_path, {"qualifications/ab-002.yaml": text})`` writes it under
``tmp_path/data`` with any file replaced or added.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

SOURCES = """\
documents:
  - file: doc.txt
    title: A handbook
    publisher: An awarding body
    kind: primary
  - file: notes.md
    title: Notes from elsewhere
    publisher: Us
    kind: secondary
"""

UNITS = """\
units:
  - urn: A/100/0001
    title: Greet customers
    level: 1
    credits: 4
    glh: 30
    source: doc.txt § Units
  - urn: A/100/0002
    title: Solve problems
    level: 2
    credits: 5
    source: doc.txt § Units
  - urn: A/100/0003
    title: Lead a team
    level: 3
    credits: 6
    source: doc.txt § Units
"""

QUALIFICATION = """\
id: ab-001
awarding_body: AB
code: "001"
title: Level 2 Certificate in Testing
level: 2
structure: complete
credits_required: 9
source: doc.txt § Profile
rules:
  credits_required: 9
  source: doc.txt § Structure
  groups:
    - id: A
      title: Mandatory
      mandatory: true
      min_credits: 4
      source: doc.txt § Structure
      units:
        - {number: 1, urn: A/100/0001}
    - id: B
      title: Optional
      min_units: 1
      source: doc.txt § Structure
      units:
        - {number: 2, urn: A/100/0002}
        - {number: 3, urn: A/100/0003}
dates:
  operational_start: {date: 2014-10-01, source: doc.txt § Dates}
  last_entry: {date: 2016-12-31, source: doc.txt § Dates}
"""

SECOND = """\
id: ab-002
awarding_body: AB
code: "002"
title: Level 3 Certificate in Testing
level: 3
structure: unknown
source: doc.txt § Profile
"""

PROGRESSION = """\
progressions:
  - from: ab-001
    to: ab-002
    statement: Learners can progress to the Level 3 certificate.
    source: doc.txt § Progression
"""


def write_catalogue(root: Path, overrides: dict[str, str] | None = None) -> Path:
    """A small valid catalogue under ``root/data``; ``overrides`` replace or add files."""
    files = {
        "sources.yaml": SOURCES,
        "units/bank.yaml": UNITS,
        "qualifications/ab-001.yaml": QUALIFICATION,
        "qualifications/ab-002.yaml": SECOND,
        "progression.yaml": PROGRESSION,
    }
    files.update(overrides or {})
    data = root / "data"
    for name, text in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return data


REPLACED = """\
id: ab-003
awarding_body: AB
code: "003"
title: Level 2 Award in Testing
level: 2
structure: unknown
source: doc.txt § Profile
dates:
  last_entry: {date: 2015-06-30, source: doc.txt § Dates}
replaced_by:
  - by: ab-002
    scope: from 2015
    source: doc.txt § Replacement
"""
"""A third qualification, closed to entry in 2015, whose documents say ab-002 replaced it."""
