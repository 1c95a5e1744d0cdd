"""Reading one catalogue file: YAML with line numbers, its schema, and its citations.

:func:`read_file` never raises for anything in a file: what is wrong comes back as
:class:`~advisor.catalogue.problems.Problem` records naming the file, line and key path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from advisor.catalogue.document_texts import DocumentTexts
from advisor.catalogue.models import (
    AwardingBodyFile,
    Basis,
    Citation,
    Document,
    DocumentKind,
    Qualification,
    SourcesFile,
    UnitBank,
)
from advisor.catalogue.pathways import (
    FrameworkFile,
    JobRoleFile,
    ProgressionFile,
    TransferRuleFile,
)
from advisor.catalogue.problems import Problem, problems_from_validation
from advisor.catalogue.yaml_source import KeyPath, LocatedDocument, YamlReadError, read_yaml_file

SOURCES_FILE = "sources.yaml"
PROGRESSION_FILE = "progression.yaml"
JOB_ROLES_FILE = "job-roles.yaml"
FRAMEWORKS_FILE = "frameworks.yaml"
TRANSFER_RULES_FILE = "transfer-rules.yaml"
AWARDING_BODIES_FILE = "awarding-bodies.yaml"
QUALIFICATIONS_DIR = "qualifications"
UNITS_DIR = "units"

TOP_LEVEL_MODELS: dict[str, type[BaseModel]] = {
    SOURCES_FILE: SourcesFile,
    PROGRESSION_FILE: ProgressionFile,
    JOB_ROLES_FILE: JobRoleFile,
    FRAMEWORKS_FILE: FrameworkFile,
    TRANSFER_RULES_FILE: TransferRuleFile,
    AWARDING_BODIES_FILE: AwardingBodyFile,
}


@dataclass(frozen=True)
class ParsedFile:
    """A file that parsed and passed its schema check, with the line of every key path."""

    file: str  # as problems name it: relative to the data directory's parent
    model: BaseModel
    doc: LocatedDocument


@dataclass
class FileRead:
    """What reading one file gave: its record, or its problems and the ids and URNs it seems to
    declare (references to those are not reported as dangling: the file's own problem is the
    one to fix)."""

    parsed: ParsedFile | None
    problems: list[Problem] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)
    broken_urns: set[str] = field(default_factory=set)


def read_file(path: Path, file: str, model: type[BaseModel],
              documents: Mapping[str, Document] | None,
              texts: DocumentTexts | None = None) -> FileRead:
    """Read, parse and schema-check one file, and check its citations against ``documents``
    (when known) and their sections against the documents' ``texts`` (when given). Never
    raises for anything in the file."""
    try:
        doc = read_yaml_file(path)
    except YamlReadError as error:
        p = error.problem
        return FileRead(None, [Problem(file, p.line, p.path, p.message)],
                        *_declared_by_eye(path))
    except OSError as error:
        return FileRead(None, [Problem(file, None, (), f"cannot be read: {error.strerror}")])
    data, doc.data = doc.data, None  # the model holds the values from here on
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        return FileRead(None, [Problem(file, 1, (), "expected a mapping of keys to values, "
                                                    f"but the file is {kind}")])
    try:
        validated = model.model_validate(data)
    except ValidationError as error:
        return FileRead(None, problems_from_validation(error, file=file, doc=doc,
                                                       known_keys=_ALL_KEYS),
                        *_declared(data))
    parsed = ParsedFile(file, validated, doc)
    problems = citation_problems(parsed, documents, texts) if documents is not None else []
    return FileRead(parsed, problems)


def _declared_by_eye(path: Path) -> tuple[set[str], set[str]]:
    """Best effort for a file that is not even YAML: find its id and URNs by eye."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:1_000_000]
    except OSError:
        return set(), set()
    return (set(re.findall(r"^id:\s*([a-z0-9-]+)\s*$", text, re.MULTILINE)),
            set(re.findall(r"urn:\s*([A-Z]/\d{3}/\d{4})", text)))


def _declared(data: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The id and URNs a file that failed its schema check declares."""
    ids = {data["id"]} if isinstance(data.get("id"), str) else set()
    units = data.get("units")
    # The file failed its schema check, so ``units`` may be anything: ``units: 5`` too.
    urns = {unit["urn"].strip().upper() for unit in (units if isinstance(units, list) else ())
            if isinstance(unit, dict) and isinstance(unit.get("urn"), str)}
    return ids, urns


def _model_keys(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[str]:
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        yield info.alias or name
        for arg in _nested_models(info.annotation):
            yield from _model_keys(arg, seen)


def _nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _nested_models(arg)
    origin = getattr(annotation, "__origin__", None)  # Annotated[X, ...] keeps X here
    if origin is not None and origin is not annotation:
        yield from _nested_models(origin)


_SCHEMAS: tuple[type[BaseModel], ...] = (Qualification, UnitBank, *TOP_LEVEL_MODELS.values())
_ALL_KEYS: frozenset[str] = frozenset(
    key
    for model in _SCHEMAS
    for key in _model_keys(model, set())
)


def iter_citations(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Citation]]:
    """Every citation inside a model, with its key path as written in YAML."""
    if isinstance(value, Citation):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from iter_citations(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from iter_citations(item, (*path, index))


def citation_problems(parsed: ParsedFile, documents: Mapping[str, Document],
                      texts: DocumentTexts | None = None) -> list[Problem]:
    """Problems with the citations in one file: unknown documents, secondary sources cited
    without a url or as if primary, inferences without their reasoning and, given the
    documents' ``texts``, sections the document does not contain."""
    problems: list[Problem] = []

    def add(path: KeyPath, message: str) -> None:
        problems.append(Problem(parsed.file, parsed.doc.line_of(path), path, message))

    for path, citation in iter_citations(parsed.model):
        document = documents.get(citation.doc)
        if document is None:
            close = difflib.get_close_matches(citation.doc, list(documents), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            add((*path, "doc"), f"cites {citation.doc!r}, which is not in sources.yaml{hint}")
            continue
        if document.kind is DocumentKind.SECONDARY:
            if citation.url is None:
                add(path, f"a citation of the secondary document {citation.doc!r} needs the "
                          "url of the page the fact was found on")
            if citation.basis is Basis.STATED:
                add((*path, "basis"),
                    f"{citation.doc!r} is a secondary source; its facts cannot be 'stated'")
        if citation.basis is Basis.INFERENCE and not citation.note:
            add(path, "an inference needs a note explaining the reasoning")
        missing_section = texts.section_problem(citation) if texts is not None else None
        if missing_section is not None:
            add((*path, "section"), missing_section)
    return problems


