"""Loading the catalogue: read every YAML file in ``data/``, validate it, cross-check it.

``load_catalogue`` either returns a complete, consistent :class:`Catalogue` or raises
:class:`CatalogueError` listing every problem at once, each with its file, line and key path.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import os
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, cast

import networkx as nx
from pydantic import BaseModel, ValidationError

from advisor import cache
from advisor.memo import per_object
from advisor.models import (
    Basis,
    Category,
    Citation,
    Document,
    DocumentKind,
    Framework,
    FrameworkFile,
    JobRole,
    JobRoleFile,
    Progression,
    ProgressionFile,
    Qualification,
    RulesOfCombination,
    SourcesFile,
    Structure,
    TransferRule,
    TransferRuleFile,
    Unit,
    UnitBank,
)
from advisor.problems import CatalogueError, Problem, problems_from_validation
from advisor.yamlio import KeyPath, LocatedDocument, YamlReadError, iter_yaml_files, read_yaml_file

DEFAULT_DATA_DIR = Path(
    os.environ.get("ADVISOR_DATA_DIR") or Path(__file__).resolve().parent.parent / "data"
)

SOURCES_FILE = "sources.yaml"
PROGRESSION_FILE = "progression.yaml"
JOB_ROLES_FILE = "job-roles.yaml"
FRAMEWORKS_FILE = "frameworks.yaml"
TRANSFER_RULES_FILE = "transfer-rules.yaml"
QUALIFICATIONS_DIR = "qualifications"
UNITS_DIR = "units"

_TOP_LEVEL_MODELS: dict[str, type[BaseModel]] = {
    SOURCES_FILE: SourcesFile,
    PROGRESSION_FILE: ProgressionFile,
    JOB_ROLES_FILE: JobRoleFile,
    FRAMEWORKS_FILE: FrameworkFile,
    TRANSFER_RULES_FILE: TransferRuleFile,
}
_REQUIRED_FILES = (SOURCES_FILE,)

ModelT = TypeVar("ModelT", bound=BaseModel)


class UnknownReference(LookupError):
    """A qualification or unit that the catalogue does not hold, with the closest matches."""

    def __init__(self, what: str, reference: str, suggestions: list[str]) -> None:
        self.what = what
        self.reference = reference
        self.suggestions = suggestions
        message = f"no {what} {reference!r} in the catalogue"
        if suggestions:
            message += "; did you mean " + ", ".join(suggestions) + "?"
        super().__init__(message)


@dataclass(frozen=True)
class Catalogue:
    """Everything the advisor knows, validated and read-only."""

    documents: Mapping[str, Document]
    units: Mapping[str, Unit]
    qualifications: Mapping[str, Qualification]
    progressions: tuple[Progression, ...]
    job_roles: Mapping[str, JobRole]
    frameworks: Mapping[str, Framework]
    transfer_rules: tuple[TransferRule, ...]
    qualification_files: Mapping[str, str] = field(default_factory=dict)
    data_dir: str = ""

    # ------------------------------------------------------------------ lookups

    def basis(self, citation: Citation) -> Basis:
        """How firmly the cited fact is known: stated, secondary or an inference."""
        if citation.basis is not None:
            return citation.basis
        document = self.documents.get(citation.doc)
        if document is not None and document.kind is DocumentKind.SECONDARY:
            return Basis.SECONDARY
        return Basis.STATED

    def find_qualification(self, reference: str) -> Qualification:
        """A qualification by id, scheme code, regulator number or structure reference."""
        found = _reference_index(self).get(_normalise_reference(reference))
        if found is not None:
            return found
        raise UnknownReference("qualification", reference, self._suggest_qualifications(reference))

    def find_unit(self, reference: str, *, within: Qualification | None = None) -> Unit:
        """A unit by URN, or by its number within ``within`` (``F3`` in 03456)."""
        wanted = reference.strip().upper()
        if wanted in self.units:
            return self.units[wanted]
        if within is not None and within.rules is not None:
            for group in within.rules.groups:
                for member in group.units:
                    labels = {member.number, member.code}
                    if any(label and label.strip().upper() == wanted for label in labels):
                        return self.units[member.urn]
        raise UnknownReference("unit", reference, self._suggest_units(reference, within))

    def _suggest_qualifications(self, reference: str) -> list[str]:
        labels: dict[str, str] = {}
        for q in self.qualifications.values():
            for name in (q.id, q.code, q.regulator_number, q.structure_reference):
                if name:
                    labels[name.upper()] = name
            labels[q.title.upper()] = q.code or q.regulator_number or q.id
        return _closest(reference, labels)

    def _suggest_units(self, reference: str, within: Qualification | None) -> list[str]:
        labels = {urn: urn for urn in self.units}
        if within is not None and within.rules is not None:
            for group in within.rules.groups:
                for member in group.units:
                    if member.number:
                        labels[member.number.upper()] = f"{member.number} ({member.urn})"
        for urn, unit in self.units.items():
            labels[unit.title.upper()] = urn
        return _closest(reference, labels)

    def effective_rules(
        self, qualification: Qualification
    ) -> tuple[RulesOfCombination | None, Qualification | None]:
        """The rules to check a qualification against, and the structure they come from.

        A qualification whose own unit list is not in the sources may be inferred to follow a
        national structure; its rules are then the structure's, and the second value names the
        structure so that every answer can say so.
        """
        if qualification.rules is not None:
            return qualification.rules, None
        if qualification.based_on is not None:
            structure = self.qualifications.get(qualification.based_on.structure)
            if structure is not None and structure.rules is not None:
                return structure.rules, structure
        return None, None


@per_object
def _reference_index(catalogue: Catalogue) -> dict[str, Qualification]:
    """Every name a qualification answers to (id, code, regulator number, structure
    reference), normalised; the first qualification in catalogue order wins, as a scan would."""
    index: dict[str, Qualification] = {}
    for q in catalogue.qualifications.values():
        for name in (q.id, q.code, q.regulator_number, q.structure_reference):
            if name is not None:
                index.setdefault(_normalise_reference(name), q)
    return index


def _closest(reference: str, labels: Mapping[str, str]) -> list[str]:
    """Up to three suggestions for a mistyped reference, from ``{label: suggestion}``."""
    matches = difflib.get_close_matches(reference.strip().upper(), list(labels), n=3, cutoff=0.5)
    return list(dict.fromkeys(labels[m] for m in matches))


def _normalise_reference(text: str) -> str:
    return re.sub(r"[\s]+", "", text).upper()


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


@dataclass
class _Parsed:
    file: str
    doc: LocatedDocument
    model: BaseModel


class _Collector:
    """Gathers problems and the successfully parsed files."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.problems: list[Problem] = []
        # Ids and URNs declared in files that failed their schema check. References to them are
        # not reported as dangling: the file's own problem is the one to fix.
        self.broken_ids: set[str] = set()
        self.broken_urns: set[str] = set()

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.data_dir.parent))
        except ValueError:
            return str(path)

    def add(self, file: str, doc: LocatedDocument | None, path: KeyPath, message: str) -> None:
        line = doc.line_of(path) if doc is not None else None
        self.problems.append(Problem(file, line, path, message))

    def parse(self, path: Path, model: type[ModelT]) -> tuple[ModelT, LocatedDocument] | None:
        file = self.relative(path)
        try:
            doc = read_yaml_file(path)
        except YamlReadError as error:
            p = error.problem
            self.problems.append(Problem(file, p.line, p.path, p.message))
            self._scan_declared(path)
            return None
        except OSError as error:
            self.problems.append(Problem(file, None, (), f"cannot be read: {error.strerror}"))
            return None
        if not isinstance(doc.data, dict):
            kind = "empty" if doc.data is None else f"a {type(doc.data).__name__}"
            self.add(file, doc, (), f"expected a mapping of keys to values, but the file is {kind}")
            return None
        try:
            validated = model.model_validate(doc.data)
        except ValidationError as error:
            self._remember_declared(doc.data)
            self.problems.extend(
                problems_from_validation(error, file=file, doc=doc, known_keys=_ALL_KEYS)
            )
            return None
        # The model now holds everything; only the line numbers are needed from here on. Every
        # file's raw values held to the end of loading would be about 200 MB at register size.
        doc.data = None
        return validated, doc


    def _scan_declared(self, path: Path) -> None:
        """Best effort for a file that is not even YAML: find its id and URNs by eye."""
        try:
            text = path.read_text(encoding="utf-8", errors="replace")[:1_000_000]
        except OSError:
            return
        self.broken_ids.update(re.findall(r"^id:\s*([a-z0-9-]+)\s*$", text, re.MULTILINE))
        self.broken_urns.update(re.findall(r"urn:\s*([A-Z]/\d{3}/\d{4})", text))

    def _remember_declared(self, data: dict[str, Any]) -> None:
        if isinstance(data.get("id"), str):
            self.broken_ids.add(data["id"])
        units = data.get("units")
        # The file failed its schema check, so ``units`` may be anything: ``units: 5`` too.
        for unit in units if isinstance(units, list) else ():
            if isinstance(unit, dict) and isinstance(unit.get("urn"), str):
                self.broken_urns.add(unit["urn"].strip().upper())


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


_ALL_KEYS: frozenset[str] = frozenset(
    key
    for model in (Qualification, UnitBank, *_TOP_LEVEL_MODELS.values())
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


# ---------------------------------------------------------------------------------------------
# Loading and cross-checking
# ---------------------------------------------------------------------------------------------


def validate_catalogue(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Problem]:
    """Every problem in the catalogue at ``data_dir``; an empty list means it is sound."""
    try:
        load_catalogue(data_dir)
    except CatalogueError as error:
        return list(error.problems)
    return []


def load_catalogue(data_dir: Path | str = DEFAULT_DATA_DIR, *, use_cache: bool = True) -> Catalogue:
    """Read, validate and cross-check the catalogue, or raise :class:`CatalogueError`.

    With ``use_cache`` a catalogue that loaded cleanly before is read back from the compiled
    cache (:mod:`advisor.cache`) when no data file has changed; a broken one is never cached.
    """
    data_dir = Path(data_dir)
    with collector_paused():
        if use_cache:
            return cache.load_cached(data_dir, _read_catalogue)
        return _read_catalogue(data_dir)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building many long-lived objects.

    Loading (or graphing) the catalogue makes millions of small, acyclic objects; the collector
    would rescan all of them again and again as they pile up, which at register size doubles a
    cold load and makes reading the cache several times slower.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_catalogue(data_dir: Path) -> Catalogue:
    """Read, validate and cross-check the catalogue in ``data_dir``, without the cache."""
    collector = _Collector(data_dir)
    if not data_dir.is_dir():
        raise CatalogueError([Problem(str(data_dir), None, (), "is not a directory")])

    top: dict[str, _Parsed] = {}
    qualification_files: list[_Parsed] = []
    unit_files: list[_Parsed] = []

    for path in iter_yaml_files(data_dir):
        relative = path.relative_to(data_dir)
        parts = relative.parts
        file = collector.relative(path)
        if len(parts) == 1 and parts[0] in _TOP_LEVEL_MODELS:
            model: type[BaseModel] = _TOP_LEVEL_MODELS[parts[0]]
            target = None
        elif parts[0] == QUALIFICATIONS_DIR and len(parts) > 1:
            model, target = Qualification, qualification_files
        elif parts[0] == UNITS_DIR and len(parts) > 1:
            model, target = UnitBank, unit_files
        else:
            collector.add(
                file, None, (),
                "not a catalogue file: put qualifications in qualifications/, unit banks in "
                f"units/, or use one of {', '.join(sorted(_TOP_LEVEL_MODELS))}",
            )
            continue
        parsed = collector.parse(path, model)
        if parsed is None:
            continue
        record = _Parsed(file, parsed[1], parsed[0])
        if target is None:
            top[parts[0]] = record
        else:
            target.append(record)

    for required in _REQUIRED_FILES:
        if required not in top and not any(
            p.file.endswith(required) for p in collector.problems
        ):
            collector.add(f"{data_dir.name}/{required}", None, (), "required file is missing")

    documents = _check_documents(collector, top.get(SOURCES_FILE))
    units = _check_units(collector, unit_files)
    qualifications = _check_qualifications(collector, qualification_files, units)
    progressions = _check_progressions(collector, top.get(PROGRESSION_FILE), qualifications)
    job_roles = _check_job_roles(collector, top.get(JOB_ROLES_FILE), qualifications)
    frameworks = _check_frameworks(collector, top.get(FRAMEWORKS_FILE), qualifications)
    transfer_rules = _check_transfer_rules(collector, top.get(TRANSFER_RULES_FILE), qualifications)

    every_file = [*top.values(), *qualification_files, *unit_files]
    if documents is not None:
        _check_citations(collector, every_file, documents)

    catalogue = Catalogue(
        documents=MappingProxyType(documents or {}),
        units=MappingProxyType(units),
        qualifications=MappingProxyType({q.id: q for q, _ in qualifications.values()}),
        progressions=progressions,
        job_roles=MappingProxyType(job_roles),
        frameworks=MappingProxyType(frameworks),
        transfer_rules=transfer_rules,
        qualification_files=MappingProxyType({k: v.file for k, (_, v) in qualifications.items()}),
        data_dir=str(data_dir),
    )
    if not collector.problems:
        _check_satisfiable(collector, catalogue, qualifications)
    if collector.problems:
        raise CatalogueError(sorted(collector.problems, key=_problem_order))
    return catalogue


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line or 0, problem.message)


def _check_documents(c: _Collector, parsed: _Parsed | None) -> dict[str, Document] | None:
    if parsed is None:
        return None
    documents: dict[str, Document] = {}
    for index, document in enumerate(cast(SourcesFile, parsed.model).documents):
        if document.file in documents:
            c.add(parsed.file, parsed.doc, ("documents", index, "file"),
                  f"document {document.file!r} is listed twice")
        documents[document.file] = document
    return documents


def _check_citations(c: _Collector, files: list[_Parsed], documents: dict[str, Document]) -> None:
    for parsed in files:
        for path, citation in iter_citations(parsed.model):
            document = documents.get(citation.doc)
            if document is None:
                close = difflib.get_close_matches(citation.doc, list(documents), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                c.add(parsed.file, parsed.doc, (*path, "doc"),
                      f"cites {citation.doc!r}, which is not in sources.yaml{hint}")
                continue
            if document.kind is DocumentKind.SECONDARY:
                if citation.url is None:
                    c.add(parsed.file, parsed.doc, path,
                          f"a citation of the secondary document {citation.doc!r} needs the url "
                          "of the page the fact was found on")
                if citation.basis is Basis.STATED:
                    c.add(parsed.file, parsed.doc, (*path, "basis"),
                          f"{citation.doc!r} is a secondary source; its facts cannot be 'stated'")
            if citation.basis is Basis.INFERENCE and not citation.note:
                c.add(parsed.file, parsed.doc, path,
                      "an inference needs a note explaining the reasoning")


def _check_units(c: _Collector, files: list[_Parsed]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    where: dict[str, tuple[str, int | None]] = {}
    for parsed in files:
        for index, unit in enumerate(cast(UnitBank, parsed.model).units):
            path = ("units", index, "urn")
            line = parsed.doc.line_of(path)
            if unit.urn in units:
                first = units[unit.urn]
                first_file, first_line = where[unit.urn]
                differences = [
                    f"{name} {getattr(unit, name)!r} here but {getattr(first, name)!r}"
                    for name in ("title", "credits", "level")
                    if _differs(getattr(unit, name), getattr(first, name))
                ]
                at = f"{first_file}:{first_line}"
                if differences:
                    c.add(parsed.file, parsed.doc, path,
                          f"unit {unit.urn} is recorded with different facts: "
                          + "; ".join(differences) + f" at {at}")
                else:
                    c.add(parsed.file, parsed.doc, path,
                          f"unit {unit.urn} is recorded twice (also at {at}); keep one record "
                          "and list both sources under it")
                continue
            units[unit.urn] = unit
            where[unit.urn] = (parsed.file, line)
    return units


def _differs(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() != " ".join(b.split()).casefold()
    return a != b


def _check_qualifications(
    c: _Collector, files: list[_Parsed], units: dict[str, Unit]
) -> dict[str, tuple[Qualification, _Parsed]]:
    found: dict[str, tuple[Qualification, _Parsed]] = {}
    names: dict[str, str] = {}
    for parsed in files:
        q = cast(Qualification, parsed.model)
        assert isinstance(q, Qualification)
        if q.id in found:
            c.add(parsed.file, parsed.doc, ("id",),
                  f"qualification id {q.id!r} is already used by {found[q.id][1].file}")
            continue
        found[q.id] = (q, parsed)
        for key in ("code", "regulator_number", "structure_reference"):
            value = getattr(q, key)
            if value is None:
                continue
            label = _normalise_reference(value)
            if label in names and names[label] != q.id:
                c.add(parsed.file, parsed.doc, (key,),
                      f"{value!r} already names qualification {names[label]!r}")
            names[label] = q.id

    for q, parsed in found.values():
        _check_one_qualification(c, q, parsed, units, found)
    return found


def _check_one_qualification(
    c: _Collector,
    q: Qualification,
    parsed: _Parsed,
    units: dict[str, Unit],
    every: dict[str, tuple[Qualification, _Parsed]],
) -> None:
    def problem(path: KeyPath, message: str) -> None:
        c.add(parsed.file, parsed.doc, path, message)

    if q.structure is Structure.COMPLETE and q.rules is None:
        problem(("structure",), "structure is 'complete' but no rules of combination are given")
    if q.structure is Structure.UNKNOWN and q.rules is not None:
        problem(("structure",), "structure is 'unknown' but rules of combination are given")
    if q.rules is not None:
        if q.credits_required is not None and q.credits_required != q.rules.credits_required:
            problem(("credits_required",),
                    f"credits_required is {q.credits_required} but the rules of combination "
                    f"require {q.rules.credits_required}")
        _check_rules(q.rules, units, problem, complete=q.structure is Structure.COMPLETE,
                     broken_urns=c.broken_urns)

    for index, named in enumerate(q.named_units):
        if named.possible_urn is not None and named.possible_urn not in units and (
            named.possible_urn not in c.broken_urns
        ):
            problem(("named_units", index, "possible_urn"),
                    f"unit {named.possible_urn} is not in any unit bank")
    if q.based_on is not None:
        target = every.get(q.based_on.structure)
        if target is None and q.based_on.structure in c.broken_ids:
            pass
        elif target is None:
            problem(("based_on", "structure"), _unknown_qualification(q.based_on.structure, every))
        elif target[0].category is not Category.NATIONAL_STRUCTURE:
            problem(("based_on", "structure"),
                    f"{q.based_on.structure!r} is not a national structure")
    for index, replacement in enumerate(q.replaced_by):
        if replacement.by in c.broken_ids:
            continue
        if replacement.by not in every:
            problem(("replaced_by", index, "by"), _unknown_qualification(replacement.by, every))
        elif replacement.by == q.id:
            problem(("replaced_by", index, "by"), "a qualification cannot replace itself")
    if q.ages is not None:
        both = set(q.ages.approved) & set(q.ages.not_approved)
        for band in sorted(both):
            problem(("ages",), f"age band {band!r} is both approved and not approved")
    _check_dates(q, problem)


def _check_rules(rules: RulesOfCombination, units: dict[str, Unit], problem: Any,
                 *, complete: bool, broken_urns: set[str]) -> None:
    group_ids: set[str] = set()
    for g_index, group in enumerate(rules.groups):
        base: KeyPath = ("rules", "groups", g_index)
        if group.id in group_ids:
            problem((*base, "id"), f"group id {group.id!r} is used twice")
        group_ids.add(group.id)
        seen: set[str] = set()
        total = 0
        credits_known = True
        for u_index, member in enumerate(group.units):
            path = (*base, "units", u_index, "urn")
            if member.urn in seen:
                problem(path, f"unit {member.urn} is listed twice in group {group.id}")
                continue
            seen.add(member.urn)
            unit = units.get(member.urn)
            if unit is None:
                if member.urn not in broken_urns:
                    problem(path, f"unit {member.urn} is not in any unit bank (data/units/)")
                credits_known = False
                continue
            if unit.credits is None:
                credits_known = False
                if complete:
                    problem(path, f"unit {member.urn} has no credit value, so this group "
                                  "cannot be checked")
            else:
                total += unit.credits
        if not group.units_complete or not credits_known:
            continue
        if group.mandatory and group.min_credits is not None and group.min_credits != total:
            problem((*base, "min_credits"),
                    f"group {group.id} is mandatory and states {group.min_credits} credits, "
                    f"but its units add up to {total}")
        elif group.min_credits is not None and group.min_credits > total:
            problem((*base, "min_credits"),
                    f"group {group.id} needs at least {group.min_credits} credits but its "
                    f"units give at most {total}")
        if group.min_units is not None and group.min_units > len(group.units):
            problem((*base, "min_units"),
                    f"group {group.id} needs at least {group.min_units} units but lists "
                    f"{len(group.units)}")
        if (group.max_credits is not None and group.min_credits is not None
                and group.max_credits < group.min_credits):
            problem((*base, "max_credits"),
                    f"group {group.id}'s maximum ({group.max_credits}) is below its minimum "
                    f"({group.min_credits})")
    for r_index, rule in enumerate(rules.credit_rules):
        for name in rule.groups or ():
            if name not in group_ids:
                problem(("rules", "credit_rules", r_index, "groups"),
                        f"credit rule {rule.id!r} names group {name!r}, which this "
                        f"qualification does not have (groups: {', '.join(sorted(group_ids))})")


def _check_dates(q: Qualification, problem: Any) -> None:
    order = [
        ("operational_start", "last_entry"),
        ("operational_start", "closed_to_entry_by"),
        ("last_entry", "last_certification"),
        ("operational_start", "last_certification"),
    ]
    for earlier, later in order:
        first = getattr(q.dates, earlier)
        second = getattr(q.dates, later)
        if first is not None and second is not None and first.date > second.date:
            problem(("dates", later, "date"),
                    f"{later.replace('_', ' ')} ({second.date.isoformat()}) is before "
                    f"{earlier.replace('_', ' ')} ({first.date.isoformat()})")


def _unknown_qualification(reference: str, every: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(reference, list(every), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"no qualification with id {reference!r}{hint}"


def _check_progressions(c: _Collector, parsed: _Parsed | None,
                        qualifications: Mapping[str, Any]) -> tuple[Progression, ...]:
    if parsed is None:
        return ()
    model = cast(ProgressionFile, parsed.model)
    edges: dict[str, list[str]] = defaultdict(list)
    for index, step in enumerate(model.progressions):
        base: KeyPath = ("progressions", index)
        if step.from_ not in qualifications and step.from_ not in c.broken_ids:
            c.add(parsed.file, parsed.doc, (*base, "from"),
                  _unknown_qualification(step.from_, qualifications))
        if (step.to is None) == (step.destination is None):
            c.add(parsed.file, parsed.doc, base,
                  "give exactly one of 'to' (a qualification) or 'destination'")
        if step.to is not None:
            if step.to not in qualifications:
                if step.to in c.broken_ids:
                    continue
                c.add(parsed.file, parsed.doc, (*base, "to"),
                      _unknown_qualification(step.to, qualifications))
            elif step.to == step.from_:
                c.add(parsed.file, parsed.doc, (*base, "to"),
                      "a qualification cannot progress to itself")
            else:
                edges[step.from_].append(step.to)
    cycle = _find_cycle(edges)
    if cycle:
        index = next(i for i, s in enumerate(model.progressions)
                     if s.from_ == cycle[0] and s.to == cycle[1])
        c.add(parsed.file, parsed.doc, ("progressions", index),
              "progression goes round in a circle: " + " -> ".join(cycle))
    return model.progressions


def _find_cycle(edges: Mapping[str, list[str]]) -> list[str] | None:
    graph = nx.DiGraph()
    for source, targets in edges.items():
        graph.add_edges_from((source, t) for t in targets)
    try:
        found = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return None
    return [edge[0] for edge in found] + [found[-1][1]]


def _check_job_roles(c: _Collector, parsed: _Parsed | None,
                     qualifications: Mapping[str, Any]) -> dict[str, JobRole]:
    if parsed is None:
        return {}
    roles: dict[str, JobRole] = {}
    for index, role in enumerate(cast(JobRoleFile, parsed.model).job_roles):
        if role.id in roles:
            c.add(parsed.file, parsed.doc, ("job_roles", index, "id"),
                  f"job role id {role.id!r} is used twice")
        if role.after is not None and role.after not in qualifications and (
            role.after not in c.broken_ids
        ):
            c.add(parsed.file, parsed.doc, ("job_roles", index, "after"),
                  _unknown_qualification(role.after, qualifications))
        if role.level is None and role.after is None:
            c.add(parsed.file, parsed.doc, ("job_roles", index),
                  "a job role needs a level or an 'after' qualification")
        roles[role.id] = role
    return roles


def _check_frameworks(c: _Collector, parsed: _Parsed | None,
                      qualifications: Mapping[str, Any]) -> dict[str, Framework]:
    if parsed is None:
        return {}
    frameworks: dict[str, Framework] = {}
    for index, framework in enumerate(cast(FrameworkFile, parsed.model).frameworks):
        if framework.id in frameworks:
            c.add(parsed.file, parsed.doc, ("frameworks", index, "id"),
                  f"framework id {framework.id!r} is used twice")
        frameworks[framework.id] = framework
        for c_index, component in enumerate(framework.components):
            for q_index, ref in enumerate(component.qualifications):
                if ref not in qualifications and ref not in c.broken_ids:
                    c.add(parsed.file, parsed.doc,
                          ("frameworks", index, "components", c_index, "qualifications", q_index),
                          _unknown_qualification(ref, qualifications))
    return frameworks


def _check_transfer_rules(c: _Collector, parsed: _Parsed | None,
                          qualifications: Mapping[str, Any]) -> tuple[TransferRule, ...]:
    if parsed is None:
        return ()
    model = cast(TransferRuleFile, parsed.model)
    for index, rule in enumerate(model.transfer_rules):
        for key in ("from_qualifications", "to_qualifications"):
            for q_index, ref in enumerate(getattr(rule, key)):
                if ref not in qualifications and ref not in c.broken_ids:
                    c.add(parsed.file, parsed.doc, ("transfer_rules", index, key, q_index),
                          _unknown_qualification(ref, qualifications))
    return model.transfer_rules


def _check_satisfiable(c: _Collector, catalogue: Catalogue,
                       qualifications: Mapping[str, tuple[Qualification, _Parsed]]) -> None:
    """A complete rule set that no combination of its units can satisfy is a data error."""
    from advisor.combination import satisfiable_by_taking_all
    from advisor.planner import PlanningError, search_plan

    for q, parsed in qualifications.values():
        if q.rules is None or any(not g.units_complete for g in q.rules.groups):
            continue
        # Decided in linear time unless a unit is listed in two groups (then: the planner).
        decided = satisfiable_by_taking_all(catalogue, q.rules)
        if decided is not None:
            if not decided:
                c.add(parsed.file, parsed.doc, ("rules",),
                      "no combination of the listed units satisfies these rules of combination")
            continue
        try:
            plan = search_plan(q.rules, catalogue.units, held=())
        except PlanningError as error:
            c.add(parsed.file, parsed.doc, ("rules",), f"cannot be checked: {error}")
            continue
        if plan is None:
            c.add(parsed.file, parsed.doc, ("rules",),
                  "no combination of the listed units satisfies these rules of combination")
