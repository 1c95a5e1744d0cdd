"""The ``advisor`` commands: each reads its options, asks the engine and prints.

Every command prints readable text (from :mod:`advisor.views.text`), or JSON with ``--json``
(from :mod:`advisor.formats.json_shapes`). The options are defined in
:mod:`advisor.cli.parser`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import shlex
import sys
from pathlib import Path

from advisor import (
    MAX_NOTE_LENGTH,
    Accepted,
    AnswerError,
    Catalogue,
    Category,
    CohortInput,
    CohortResult,
    Employment,
    Profile,
    Qualification,
    RouteError,
    RouteQuery,
    UnknownReference,
    absent_files,
    answers,
    assess_cohort,
    carry_over,
    check_eligibility,
    check_frameworks,
    check_progress,
    cohort_file,
    cohort_json,
    cohort_tables,
    default_data_dir,
    find_qualification,
    find_routes,
    highest_completed,
    in_senior_role,
    issued_after,
    json_shapes,
    labels,
    learner_can_start_first,
    level_3_statements,
    load_catalogue,
    opening_at_level_aimed_for,
    reaching_target,
    recommend,
    resolve_units,
    route_for_offer,
    route_leads_into,
    split_unit_references,
    step_limit,
    text,
    to_csv_bytes,
    to_excel_bytes,
    today_by_level,
    validate_catalogue,
    without_control_characters,
)
from advisor.cli._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FileProblem,
    UsageError,
    answer,
    print_json,
)
from advisor.cli.register import register_for_answers


def _data_dir(args: argparse.Namespace) -> Path:
    """The catalogue folder: ``--data``, else ``$ADVISOR_DATA_DIR``, else the packaged one."""
    return args.data_dir if args.data_dir is not None else default_data_dir()


def _load(args: argparse.Namespace) -> Catalogue:
    return load_catalogue(_data_dir(args))


def _codes_argument(value: str | None) -> list[str]:
    """Qualification codes in one option, separated as in an intake file's cell (commas,
    semicolons)."""
    return cohort_file.split_references(value or "")


def _units_argument(catalogue: Catalogue, value: str | None) -> list[str]:
    """Unit references in one option, apart as the app's box sets them apart (its own unit
    labels, copied from a page, plan or record, read as their units)."""
    return split_unit_references(catalogue, value or "")


def _held(catalogue: Catalogue, value: str | None) -> list[Qualification]:
    """The qualifications ``--has`` names: national structures are refused, as links refuse
    them (a learner holds an awarding body's version, not the structure)."""
    return list(dict.fromkeys(_completed(catalogue, ref)  # each once
                              for ref in _codes_argument(value)))


def _completed(catalogue: Catalogue, reference: str) -> Qualification:
    """A qualification a learner holds, by its reference; a national structure is refused."""
    q = catalogue.find_qualification(reference)
    if q.category is Category.NATIONAL_STRUCTURE:
        raise UsageError(answers.structure_not_held(q.reference))
    return q


# ------------------------------------------------------------------------------------ commands


def command_validate(args: argparse.Namespace) -> int:
    if args.folder is not None and args.data_dir is not None:
        raise UsageError("give the catalogue folder or --data, not both")
    data_dir = args.folder if args.folder is not None else _data_dir(args)
    problems = validate_catalogue(data_dir, documents_dirs=args.documents)
    absent = absent_files(data_dir) if Path(data_dir).is_dir() else {}
    answer(args, lambda: json_shapes.validation_dict(problems) | {"absent_files": list(absent)},
           lambda: text.validation_text(data_dir, problems, absent,
                                        documents_dirs=args.documents))
    return EXIT_PROBLEMS if problems else EXIT_OK


def _units_of_options(catalogue: Catalogue, within: Qualification | None,
                      options: dict[str, str | None]) -> dict[str, list[str]]:
    """The URNs each option (``--units``, ``--accepted``...) names; every unit reference
    not known, in every option, named at once (a slip in each takes one run, not three)."""
    found: dict[str, list[str]] = {}
    unknown: list[tuple[str, UnknownReference]] = []
    for option, value in options.items():
        try:
            found[option] = resolve_units(catalogue, _units_argument(catalogue, value), within)
        except UnknownReference as error:
            unknown.append((option, error))
    if len(unknown) == 1:
        raise unknown[0][1]
    if unknown:
        raise UsageError("; ".join(f"{option}: {error}" for option, error in unknown))
    return found


def _accepted(catalogue: Catalogue, args: argparse.Namespace, within: Qualification,
              urns: list[str] | None = None) -> list[Accepted]:
    """The units the centre accepts, from ``--accepted`` (or their ``urns``, already read),
    each with its ``--note U=TEXT``."""
    if urns is None:
        urns = resolve_units(catalogue, _units_argument(catalogue, args.accepted), within)
    notes: dict[str, str] = {}
    for given in args.note:
        reference, equals, note = given.partition("=")
        if not equals or not reference.strip():
            raise UsageError(f"--note {given!r}: write it as UNIT=TEXT, e.g. 'C6=Certificate seen'")
        urn, = resolve_units(catalogue, [reference.strip()], within)
        if urn not in urns:
            raise UsageError(f"--note {reference.strip()}: that unit is not in --accepted")
        note = " ".join(without_control_characters(note).split())
        if len(note) > MAX_NOTE_LENGTH:
            raise UsageError(f"--note {reference.strip()}: at most {MAX_NOTE_LENGTH} characters")
        if urn in notes:  # a second note would replace the first without a word
            raise UsageError(f"--note {reference.strip()}: given twice; give one note for it "
                             "(join the two)")
        notes[urn] = note
    return [Accepted(urn, notes.get(urn, "")) for urn in urns]


def command_check(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    qualification = catalogue.find_qualification(args.qualification)
    register = register_for_answers(args)
    given = _units_of_options(catalogue, qualification, {
        "--units": args.units, "--accepted": args.accepted, "--in-progress": args.in_progress})
    as_at = args.as_at or dt.date.today()
    if args.start is not None and args.glh_per_week is None:
        raise UsageError("--start needs --glh-per-week N, the guided learning hours a week")
    result = check_progress(
        catalogue, qualification, given["--units"],
        accepted=_accepted(catalogue, args, qualification, given["--accepted"]),
        in_progress=given["--in-progress"], objective=args.objective,
        glh_per_week=args.glh_per_week, start=args.start or as_at, registered=args.registered,
        as_at=as_at, register=register)
    return answer(args, lambda: json_shapes.progress_dict(catalogue, result, as_at=as_at,
                                                          register=register),
                   lambda: text.progress_text(catalogue, result, as_at=as_at, register=register))


def command_carry_over(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    target = catalogue.find_qualification(args.to)
    source = _completed(catalogue, args.from_) if args.from_ else None
    if source is None and not args.units:
        raise UsageError("give --from QUAL or --units U,U,... (or both)")
    held = resolve_units(catalogue, _units_argument(catalogue, args.units), source)
    as_at = args.as_at or dt.date.today()
    result = carry_over(catalogue, target, from_qualification=source, units=held,
                        objective=args.objective, accepted=_accepted(catalogue, args, target),
                        as_at=as_at)
    return answer(args, lambda: json_shapes.carry_over_dict(catalogue, result, as_at=as_at),
                   lambda: text.carry_over_text(catalogue, result, as_at=as_at))


def command_eligibility(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    register = register_for_answers(args)
    qualification = find_qualification(catalogue, args.qualification, register=register)
    result = check_eligibility(catalogue, qualification, age=args.age, as_at=args.as_at,
                               senior_role=args.senior_role, register=register)
    return answer(args, lambda: json_shapes.eligibility_dict(catalogue, result),
                   lambda: text.eligibility_text(catalogue, result))


def command_recommend(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    if args.list_responsibilities:
        statement = level_3_statements(catalogue)
        return answer(args, lambda: json_shapes.responsibilities_dict(catalogue, statement),
                      lambda: text.responsibilities_text(catalogue, statement))
    held = _held(catalogue, args.has)
    offered = catalogue.levels_offered
    for level in args.other_level:
        if level not in offered:
            raise UsageError(f"--other-level {level}: these documents have no customer service "
                             f"qualification at Level {level}; give one of "
                             + ", ".join(str(n) for n in offered))
    if args.job_wanted and args.employment is not Employment.NOT_WORKING:
        raise UsageError("--job-wanted is asked only of a learner not working: give "
                         "--employment not-working too (--role is for the job they do)")
    within = held[0] if len(held) == 1 else None
    units = resolve_units(catalogue, _units_argument(catalogue, args.units), within)
    profile = Profile(
        age=args.age, employment=args.employment, role=args.role,
        responsibilities=tuple(args.responsibility or ()), senior_role=args.senior_role,
        held_qualifications=tuple(q.id for q in held),
        other_held_levels=tuple(sorted(set(args.other_level))), held_units=tuple(units),
        aim=args.aim, job_wanted=args.job_wanted,
    )
    try:
        result = recommend(catalogue, profile, as_at=args.as_at,
                           register=register_for_answers(args),
                           register_subject=args.register_subject)
    except AnswerError as error:
        raise UsageError(str(error)) from None
    # The routes the starting level offers to plan next, as the commands that plan them
    plans = [(labels.route_offer_label(offer, result.voice), offer,
              route_command(catalogue, route_for_offer(catalogue, profile, offer), args.as_at))
             for offer in result.route_offers]
    return answer(
        args, lambda: {**json_shapes.recommendation_dict(catalogue, result), "route_offers": [
            {"kind": offer.kind.value, "label": label, "command": command,
             "why": offer.why or None,
             "source": json_shapes.source_dicts(catalogue, offer.source),
             "opening_later": [json_shapes.opening_later_dict(catalogue, o)
                               for o in offer.opening_later]}
            for label, offer, command in plans]},
        lambda: text.recommendation_text(catalogue, result) + "".join(
            ("\nRoutes to plan next:" if n == 0 else "") + f"\n  - {label}: {command}"
            + (f"\n    {offer.why}" if offer.why else "")
            + "".join("\n" + line for line in text.opening_later_lines(
                catalogue, offer.opening_later, indent="    "))
            for n, (label, offer, command) in enumerate(plans)))


def route_command(catalogue: Catalogue, query: RouteQuery, as_at: dt.date | None) -> str:
    """The ``advisor routes`` command that plans ``query``'s route, as *Find a starting level*'s
    link opens it on *Plan a route*."""
    def code(qualification_id: str) -> str:
        return shlex.quote(catalogue.qualifications[qualification_id].reference)

    words = ["advisor routes"]
    if query.from_qualification is not None:
        words.append(f"--from {code(query.from_qualification)}")
    if query.also_completed:
        words.append("--also " + ",".join(code(i) for i in query.also_completed))
    if query.units:
        words.append("--units " + shlex.quote(",".join(query.units)))
    if query.to_qualification is not None:
        words.append(f"--to {code(query.to_qualification)}")
    elif query.to_level is not None:
        words.append(f"--to-level {query.to_level}")
    aimed = (catalogue.qualifications[query.to_qualification].level
             if query.to_qualification is not None else query.to_level)
    if query.start_level is not None and aimed is not None and query.start_level < aimed:
        words.append(f"--start-level {query.start_level}")  # (at the level aimed for: no use)
    if query.age is not None:
        words.append(f"--age {query.age}")
    if query.senior_role is not None:
        words.append("--senior-role" if query.senior_role else "--not-senior-role")
    if query.employment is not None:
        words.append(f"--employment {query.employment.value}")
    if query.aim is not None:
        words.append(f"--aim {query.aim.value}")
    if as_at is not None:
        words.append(f"--as-at {as_at.isoformat()}")
    return " ".join(words)


def _check_start_level(catalogue: Catalogue, start_level: int | None, *, held_one: bool,
                       to_level: int | None) -> None:
    """Refuse a ``--start-level`` that cannot shape the routes, saying why."""
    if start_level is None:
        return
    if held_one:
        raise UsageError("--start-level is for a learner who holds no qualification: the "
                         "routes start from the one given with --from; leave it out")
    if start_level not in catalogue.levels_offered:
        raise UsageError(f"--start-level {start_level}: no qualification in the catalogue is at "
                         f"Level {start_level}; choose one of "
                         + ", ".join(map(str, catalogue.levels_offered)))
    if to_level is not None and start_level >= to_level:
        raise UsageError(f"--start-level {start_level} is not below the level aimed for "
                         f"(Level {to_level}): the routes start straight at it; leave "
                         "--start-level out")


def command_routes(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    source = catalogue.find_qualification(args.from_) if args.from_ else None
    # Not working now: in no senior role, whatever was said (as the route page and an intake)
    senior_role = in_senior_role(args.senior_role, args.employment)
    target = catalogue.find_qualification(args.to) if args.to else None
    if target is None and args.to_level is None and source is None and not args.units:
        raise UsageError("give a target (--to QUAL or --to-level N), or what the learner holds "
                         "(--from QUAL or --units) to see the routes onward from it")
    named = {q.id: q for q in (catalogue.find_qualification(ref)
                               for ref in _codes_argument(args.also))}
    also = [q for q in named.values() if source is None or q.id != source.id]
    if also and source is None:
        raise UsageError("--also names other qualifications completed: give the first with "
                         "--from")
    _check_start_level(catalogue, args.start_level, held_one=source is not None,
                       to_level=args.to_level or (target.level if target else None))
    held = resolve_units(catalogue, _units_argument(catalogue, args.units), source)
    reached = reaching_target((source, *also), to_qualification=target, to_level=args.to_level)
    there = reached is not None
    register = register_for_answers(args)
    try:
        found = find_routes(
            catalogue, from_qualification=source, also_completed=also, units=held,
            to_qualification=target, to_level=args.to_level, as_at=args.as_at,
            max_steps=args.max_steps, include_inferred=not args.documented_only,
            include_shared_units=not args.documented_only,
            include_direct=not args.documented_only, objective=args.objective,
            register=register, register_subject=args.register_subject,
            start_level=args.start_level if source is None else None,
            employment=args.employment,
        )
        # Those the learner can take first.
        routes = learner_can_start_first(catalogue, found, age=args.age,
                                         senior_role=senior_role, aim=args.aim,
                                         register=register, start_level=args.start_level,
                                         employment=args.employment, shown=args.limit)
    except RouteError as error:
        raise UsageError(str(error)) from None
    completed = [q.id for q in (source, *also) if q is not None]
    leads_into = [route_leads_into(catalogue, route, held=completed,
                                   as_at=args.as_at or dt.date.today(), register=register,
                                   age=args.age)
                  for route in routes]
    # Each step checked for the learner, as the route page and its printout do: the role a
    # step asks for is said whether or not the learner's was given; the age, where it was.
    for_learner = [[check_eligibility(catalogue, step.to, age=args.age,
                                      senior_role=senior_role, as_at=route.as_at,
                                      register=register) for step in route.steps]
                   for route in routes]
    # What opens at the level after the date: no route goes through it yet (10380 in 2014).
    later = opening_at_level_aimed_for(catalogue, as_at=args.as_at or dt.date.today(),
                                       to_level=args.to_level,
                                       to_qualification=target.id if target else None)
    return answer(
        args,
        lambda: {**json_shapes.routes_dict(catalogue, routes, source=source, units=held,
                                        target=target, to_level=args.to_level,
                                        already_there=there, also_completed=also,
                                        frameworks=leads_into, age=args.age,
                                        senior_role=args.senior_role, aim=args.aim,
                                        employment=args.employment,
                                        for_learner=for_learner, register=register,
                                        as_at=args.as_at or dt.date.today()),
                 "opening_later": [json_shapes.opening_later_dict(catalogue, o)
                                   for o in later]},
        lambda: "\n".join([text.routes_text(catalogue, routes,
                                 source=reached or highest_completed((source, *also)),
                                 target=target,
                                 to_level=args.to_level, already_there=there,
                                 max_steps=args.max_steps or step_limit(
                                     to_qualification=target, to_level=args.to_level),
                                 as_at=args.as_at, documented_only=args.documented_only,
                                 frameworks=leads_into, for_learner=for_learner,
                                 age_given=args.age is not None, aim=args.aim,
                                 holds_nothing=not (completed or held), register=register,
                                 start_level=args.start_level, employment=args.employment),
                            *text.opening_later_lines(catalogue, later)]),
    )


def command_frameworks(args: argparse.Namespace) -> int:
    catalogue = _load(args)
    held = [q.id for q in _held(catalogue, args.has)]
    as_at = args.as_at or dt.date.today()
    found = check_frameworks(catalogue, qualifications=held, as_at=as_at,
                             register=register_for_answers(args))
    today = today_by_level(catalogue, found, as_at)
    later = issued_after(catalogue, as_at)
    return answer(args, lambda: json_shapes.frameworks_dict(catalogue, found, held=held,
                                                             as_at=as_at, today=today,
                                                             not_yet_issued=later),
                   lambda: text.frameworks_text(catalogue, found, as_at=as_at, today=today,
                                                held=held, not_yet_issued=later))


def _file_format(path: Path | None, option: str) -> str | None:
    """``.csv`` or ``.xlsx`` from a file name given with ``option``; ``None`` when not given."""
    if path is None:
        return None
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise UsageError(f"{option} {path}: give a file name ending .csv or .xlsx")
    return suffix


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise FileProblem(f"cannot write {path}: {error.strerror or error}") from None


def _write_template(path: Path, *, json_output: bool) -> None:
    """Write the learners template; with ``--json`` the note goes to stderr, to keep the JSON
    output pure."""
    excel = _file_format(path, "--template") == ".xlsx"
    _write(path, cohort_file.template_excel_bytes() if excel else cohort_file.template_csv_bytes())
    explained = ("its 'guide' sheet explains each column" if excel
                 else "the columns are explained below")
    stream = sys.stderr if json_output else sys.stdout
    print(f"Wrote the learners template to {path} ({explained}).", file=stream)
    if not excel:
        print(cohort_file.template_guide_text(), end="", file=stream)


def _read_learners(path: Path) -> CohortInput:
    try:
        with path.open("rb") as handle:
            data = handle.read(cohort_file.MAX_BYTES + 1)  # the limit is checked by read_cohort
    except OSError as error:
        raise FileProblem(f"cannot read {path}: {error.strerror or error}") from None
    return cohort_file.read_cohort(data, path.name)


def _write_results(args: argparse.Namespace, result: CohortResult) -> None:
    if args.output is None:  # --json alone: every learner's record is in the JSON
        pass
    elif _file_format(args.output, "-o") == ".xlsx":
        _write(args.output, to_excel_bytes(cohort_tables.result_sheets(result)))
    else:
        _write(args.output, to_csv_bytes(cohort_tables.results_frame(result)))
    if args.problems is not None:
        problems = cohort_tables.problems_frame(result)
        excel = _file_format(args.problems, "--problems") == ".xlsx"
        _write(args.problems,
               to_excel_bytes({"problems": problems}) if excel else to_csv_bytes(problems))


def command_cohort(args: argparse.Namespace) -> int:
    def same_file(one: Path, other: Path) -> bool:  # a link to it too
        return one.resolve() == other.resolve() or (
            one.exists() and other.exists() and os.path.samefile(one, other))

    written = [(path, option) for path, option in ((args.template, "--template"),
                                                   (args.output, "-o"),
                                                   (args.problems, "--problems"))
               if path is not None]
    for path, option in written:
        _file_format(path, option)  # every file name is checked before anything is written
        if args.learners is not None and same_file(path, args.learners):
            raise UsageError(f"{option} {path} would overwrite the learners file")
    for (path, option), (other, other_option) in itertools.combinations(written, 2):
        if same_file(path, other):
            raise UsageError(f"{option} and {other_option} name the same file, {path}: give "
                             "each its own")
    if args.template is not None:
        _write_template(args.template, json_output=args.json)
        if args.learners is None:
            if args.json:  # what was written, so that the output is JSON all the same
                print_json({"template": str(args.template)})
            return EXIT_OK
    if args.learners is None:
        raise UsageError("give the learners file (CSV or .xlsx), or --template FILE")
    if args.output is None and not args.json:
        raise UsageError("give -o OUT.csv or -o OUT.xlsx for the results (or --json to print "
                         "them)")

    catalogue = _load(args)
    learners = _read_learners(args.learners)
    if not learners.readable:
        if args.json:
            print_json(cohort_json.unreadable_cohort_dict(args.learners, learners.problems))
        for problem in learners.problems:
            print(f"advisor: {args.learners}: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    progress = _CohortProgress(len(learners.rows))
    result = assess_cohort(catalogue, learners, as_at=args.as_at, objective=args.objective,
                           progress=progress, register=register_for_answers(args))
    progress.finish()
    _write_results(args, result)
    return answer(args, lambda: cohort_json.cohort_dict(result, learners_file=args.learners,
                                                         output=args.output),
                   lambda: text.cohort_summary_text(result, learners_file=args.learners,
                                                    output=args.output,
                                                    problems_file=args.problems))


class _CohortProgress:
    """Progress on stderr: a line redrawn in place on a terminal; for long runs elsewhere
    (a log), a line at each quarter."""

    LONG_RUN = 2_000  # learners

    def __init__(self, total: int) -> None:
        self.total = total
        self.tty = sys.stderr.isatty()
        self.shown = -1
        self.active = self.tty or total >= self.LONG_RUN

    def __call__(self, done: int, total: int) -> None:
        if not self.active or total == 0:
            return
        if self.tty:
            print(f"\rAssessing learners: {done:,} of {total:,}", end="", file=sys.stderr,
                  flush=True)
            return
        quarter = done * 4 // total
        if quarter > self.shown:
            self.shown = quarter
            print(f"Assessing learners: {done:,} of {total:,}", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.active and self.tty and self.total:
            print(file=sys.stderr)
