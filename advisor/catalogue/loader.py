"""Loading the catalogue: read every YAML file in the data folder, validate it, cross-check it.

:func:`read_catalogue` either returns a complete, consistent :class:`Catalogue` or raises
:class:`CatalogueError` listing every problem at once, each with its file, line and key path.
Checks that need the engine (whether a rule set can be met at all) are passed in by the caller:
see :func:`advisor.engine.validation.load_catalogue`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel

from advisor.catalogue import checks
from advisor.catalogue.catalogue import Catalogue
from advisor.catalogue.document_texts import DocumentTexts
from advisor.catalogue.models import Document, Qualification, UnitBank
from advisor.catalogue.problems import CatalogueError, Problem
from advisor.catalogue.reading import (
    AWARDING_BODIES_FILE,
    FRAMEWORKS_FILE,
    JOB_ROLES_FILE,
    PROGRESSION_FILE,
    QUALIFICATIONS_DIR,
    SOURCES_FILE,
    TOP_LEVEL_MODELS,
    TRANSFER_RULES_FILE,
    UNITS_DIR,
    ParsedFile,
    citation_problems,
    read_file,
)
from advisor.catalogue.yaml_source import KeyPath, iter_yaml_files

DATA_DIR_ENV = "ADVISOR_DATA_DIR"
"""Names another catalogue folder to load instead of the one shipped with the advisor."""

_PACKAGED_DATA = Path(__file__).resolve().parent.parent / "_data"  # inside an installed wheel
_CHECKOUT_DATA = Path(__file__).resolve().parents[2] / "data"  # in a clone of the repository

_REQUIRED_FILES = (SOURCES_FILE,)

RuleCheck = Callable[[Catalogue], Iterable[tuple[str, KeyPath, str]]]
"""A check run on a catalogue that passed every other check: it yields
``(qualification id, key path in that qualification's file, message)`` for each problem."""


def default_data_dir() -> Path:
    """The catalogue to load when none is named: ``$ADVISOR_DATA_DIR``, else the one shipped
    inside the installed package, else ``data/`` beside the package in a checkout."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        return Path(configured)
    if _PACKAGED_DATA.is_dir():
        return _PACKAGED_DATA
    return _CHECKOUT_DATA


def _catalogue_files(data_dir: Path, collector: checks.Collector
                     ) -> tuple[Path | None, list[tuple[Path, str, str]]]:
    """The sources file, and every other file to read as ``(path, name in problems, kind)``,
    where kind is a top-level file's name, ``qualifications`` or ``units``. A YAML file in no
    known place is a problem."""
    jobs: list[tuple[Path, str, str]] = []
    sources_path: Path | None = None
    for path in iter_yaml_files(data_dir):
        parts = path.relative_to(data_dir).parts
        if len(parts) == 1 and parts[0] == SOURCES_FILE:
            sources_path = path
        elif (parts[0] in TOP_LEVEL_MODELS if len(parts) == 1
              else parts[0] in (QUALIFICATIONS_DIR, UNITS_DIR)):
            jobs.append((path, collector.relative(path), parts[0]))
        else:
            collector.add(
                collector.relative(path), None, (),
                "not a catalogue file: put qualifications in qualifications/, unit banks in "
                f"units/, or use one of {', '.join(sorted(TOP_LEVEL_MODELS))}",
            )
    return sources_path, jobs


OPTIONAL_FILES = {
    PROGRESSION_FILE: "progressions the documents state",
    JOB_ROLES_FILE: "job roles",
    FRAMEWORKS_FILE: "apprenticeship frameworks",
    TRANSFER_RULES_FILE: "rules on evidence carried between qualifications",
    AWARDING_BODIES_FILE: "contact details for awarding bodies",
}
"""The top-level files a catalogue may leave out, and what it then has none of."""


def absent_files(data_dir: Path | str) -> dict[str, str]:
    """The optional top-level files ``data_dir`` does not have (a copy of the catalogue that
    lost one), each with what answers will then find none of."""
    folder = Path(data_dir)
    return {name: what for name, what in OPTIONAL_FILES.items() if not (folder / name).exists()}


def read_catalogue(data_dir: Path | str | None = None, *,
                   rule_checks: Sequence[RuleCheck] = (),
                   documents_dirs: Sequence[Path | str] = ()) -> Catalogue:
    """Read, validate and cross-check the catalogue in ``data_dir`` (default:
    :func:`default_data_dir`), or raise :class:`CatalogueError` with every problem. Given
    ``documents_dirs``, the folders of the source documents, every document ``sources.yaml``
    lists must be in one of them and every section cited must be in its document
    (:class:`~advisor.catalogue.document_texts.DocumentTexts`)."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    if not data_dir.is_dir():
        raise CatalogueError([Problem(str(data_dir), None, (), "is not a directory")])
    collector = checks.Collector(data_dir)
    sources_path, jobs = _catalogue_files(data_dir, collector)

    # The sources come first: every other file's citations are checked against them as it is
    # read.
    top: dict[str, ParsedFile] = {}
    documents: dict[str, Document] | None = None
    texts: DocumentTexts | None = None
    if sources_path is not None:
        sources = collector.take(read_file(sources_path, collector.relative(sources_path),
                                           TOP_LEVEL_MODELS[SOURCES_FILE], None))
        if sources is not None:
            top[SOURCES_FILE] = sources
            documents = checks.check_documents(collector, sources)
            if documents is not None and documents_dirs:
                texts = checks.check_document_texts(
                    collector, sources, tuple(Path(folder) for folder in documents_dirs))
            if documents is not None:
                collector.problems.extend(citation_problems(sources, documents, texts))

    qualification_files: list[ParsedFile] = []
    unit_files: list[ParsedFile] = []
    models: dict[str, type[BaseModel]] = {
        **TOP_LEVEL_MODELS, QUALIFICATIONS_DIR: Qualification, UNITS_DIR: UnitBank}
    for path, file, kind in jobs:
        parsed = collector.take(read_file(path, file, models[kind], documents, texts))
        if parsed is None:
            continue
        if kind == QUALIFICATIONS_DIR:
            qualification_files.append(parsed)
        elif kind == UNITS_DIR:
            unit_files.append(parsed)
        else:
            top[kind] = parsed

    for required in _REQUIRED_FILES:
        if required not in top and not any(p.file.endswith(required) for p in collector.problems):
            collector.add(f"{data_dir.name}/{required}", None, (), "required file is missing")

    units = checks.check_units(collector, unit_files)
    qualifications = checks.check_qualifications(collector, qualification_files, units)
    progressions = checks.check_progressions(collector, top.get(PROGRESSION_FILE), qualifications)
    job_roles = checks.check_job_roles(collector, top.get(JOB_ROLES_FILE), qualifications)
    frameworks = checks.check_frameworks(collector, top.get(FRAMEWORKS_FILE), qualifications)
    transfer_rules = checks.check_transfer_rules(collector, top.get(TRANSFER_RULES_FILE),
                                                 qualifications)
    awarding_bodies = checks.check_awarding_bodies(collector, top.get(AWARDING_BODIES_FILE),
                                                   qualifications)
    if collector.problems:
        raise CatalogueError(sorted(collector.problems, key=checks.problem_order))

    catalogue = Catalogue.from_records(
        documents=documents or {}, units=units,
        qualifications={q.id: q for q, _ in qualifications.values()},
        progressions=progressions, job_roles=job_roles, frameworks=frameworks,
        transfer_rules=transfer_rules, awarding_bodies=awarding_bodies,
        qualification_files={k: v.file for k, (_, v) in qualifications.items()},
        data_dir=str(data_dir),
    )
    for check in rule_checks:
        for qualification_id, key_path, message in check(catalogue):
            parsed = qualifications[qualification_id][1]
            collector.add(parsed.file, parsed.doc, key_path, message)
    if collector.problems:
        raise CatalogueError(sorted(collector.problems, key=checks.problem_order))
    return catalogue
