"""What a learner can do next, after a starting level: the progressions the documents name
from what they hold (with each one's status on the date), then whom to ask and what to ask
them, by what can be confirmed open at the level."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from advisor.catalogue import (
    Catalogue,
    Category,
    Citation,
    Kind,
    Progression,
    Qualification,
    Replacement,
)
from advisor.engine.eligibility import Status, status_on
from advisor.engine.fits import KIND_IN_A_CLAUSE, KINDS_GIVING
from advisor.engine.frameworks import apprenticeships_today
from advisor.engine.recommend_index import recommendation_index
from advisor.engine.recommend_types import Aim, Employment, NextStep, Option
from advisor.engine.replacing import (
    being_replaced_on,
    legacy_on,
    replacements_open_by,
    yet_to_come,
)
from advisor.engine.wording import (
    WHERE_TO_ASK,
    YOU_ON_SCREEN,
    Voice,
    listed,
    replaced_it,
    uk_date,
)
from advisor.engine.young_learners import apprenticeship_under_16, is_under_16
from advisor.register import Register


def next_steps_for(catalogue: Catalogue, *, held: Sequence[Qualification],
                   units: Sequence[str], level: int | None, options: Sequence[Option],
                   as_at: dt.date, aim: Aim | None = None,
                   register: Register | None = None,
                   employment: Employment | None = None,
                   age: int | None = None,
                   voice: Voice = YOU_ON_SCREEN) -> tuple[NextStep, ...]:
    """What the learner can do now: the progressions the documents name from what they hold,
    then whom to ask and what to ask them, by what can be confirmed open at the level; for
    someone who wants an apprenticeship, where apprenticeships stand first of all; for
    someone not in work who has not said what they want, where apprenticeships (a job with
    training) stand last, as one more way in; for someone under 16 (``age``), what the sources
    say of ages instead, and whom to ask when one could start
    (:func:`~advisor.engine.young_learners.apprenticeship_under_16`). ``voice``: to the learner,
    or of them (for staff)."""
    # A documented step to below the level suggested comes after what to do at it: a learner
    # told to start at Level 3 reads first about Level 3, not about a Level 2 NVQ.
    steps: list[NextStep] = []
    below: list[NextStep] = []
    for q in held:
        for p in recommendation_index(catalogue).progressions_from.get(q.id, ()):
            lower = level is not None and (_level_of(catalogue, p) or level) < level
            (below if lower else steps).append(_progression(
                catalogue, q, p, as_at, register, suggested=level if lower else None))
    day = uk_date(as_at)
    if level is None:
        steps.append(NextStep(
            f"Say whether {voice.does('work')}, {voice.their} job title or what "
            f"{voice.does('hold', adverb='already')}, so a starting level can be suggested; or "
            f"talk it through with {WHERE_TO_ASK}."))
        return tuple(steps)
    open_now = [o for o in options if o.open_on_date and o.can_start is not False]
    # What the learner asked for (knowledge, competence, an apprenticeship) decides what to
    # ask about: one that is open but not what they want is not the next step.
    fitting = [o for o in open_now if o.fits_aim is not False]
    lowest_framework = min((f.level for f in catalogue.frameworks.values()), default=None)
    if aim is Aim.APPRENTICESHIP and lowest_framework is not None and level < lowest_framework:
        fitting = open_now  # below every apprenticeship: what is open prepares for one
    if fitting:
        depends = next((o.eligibility for o in fitting if o.eligibility.depends_on), None)
        steps.append(NextStep(
            f"Ask {WHERE_TO_ASK} about enrolling on "
            + listed([o.qualification.name for o in fitting])
            + f": open to new learners on {day}"
            + (f" (ask them to confirm {voice.learner} can start: it depends on "
               f"{depends.depends_on_words(voice.their)})." if depends else ".")))
    elif open_now and aim is not None:
        steps += _none_open_fits(options, open_now, aim, level, day, voice)
    elif refused := [o for o in options if o.open_on_date and o.can_start is False]:
        why = " ".join(dict.fromkeys(r.message for o in refused
                                     for r in o.eligibility.not_for_this_learner))
        steps.append(NextStep(
            f"{listed([o.qualification.name for o in refused])} "
            + ("takes" if len(refused) == 1 else "take")
            + f" new learners on {day}, but not {voice.this}: {why} Ask {WHERE_TO_ASK} which "
            f"Level {level} Customer Service qualifications would suit {voice.this}.",
            tuple(c for o in refused for r in o.eligibility.not_for_this_learner
                  for c in r.source)))
    elif options:
        steps.append(NextStep(
            f"Ask {WHERE_TO_ASK} which Level {level} Customer Service qualifications they "
            f"offer: none of those in these documents can be confirmed open on {day}."))
        # What they want, whose status the sources do not give: named, to ask about first.
        maybe = [o for o in options if o.fits_aim and o.can_start is not False
                 and o.eligibility.status.status is Status.UNKNOWN] if aim is not None else []
        if maybe and aim is not None:
            steps.append(NextStep(
                f"Of those, {listed([o.qualification.name for o in maybe], 'and')} "
                + ("gives" if len(maybe) == 1 else "give") + f" {_AIM_GIVEN[aim]}"
                + (f" as {voice.learner} asked" if aim is not Aim.APPRENTICESHIP else "")
                # and, not working, that its competence part needs a job or a placement
                + (", with competence assessed at work (a job or a work placement)"
                   if employment is Employment.NOT_WORKING and aim is Aim.KNOWLEDGE
                   and any(o.qualification.kind is Kind.COMBINED for o in maybe) else "")
                + ": ask whether " + ("it is" if len(maybe) == 1 else "they are")
                + " still offered (the sources do not say whether "
                + ("it is" if len(maybe) == 1 else "they are") + f" open on {day})."))
        steps += _ask_about_replacements(catalogue, options)
    else:
        steps.append(NextStep(f"Ask {WHERE_TO_ASK} which Level {level} Customer Service "
                              "qualifications they offer."))
    steps += below
    steps += _further_in_kind(catalogue, held, options, level, aim, as_at=as_at,
                              register=register, voice=voice)
    if units or held:
        # Credits towards a qualification whose certificates have ended are worth nothing now.
        counted = [o for o in options if o.check is not None and o.check.credits_counted
                   and o.eligibility.status.status is not Status.CERTIFICATION_CLOSED]
        worth = "; ".join(f"{o.check.credits_counted} of the {o.check.credits_required} "
                          f"credits of {o.qualification.name}" for o in counted
                          if o.check is not None)
        steps.append(NextStep(
            f"Take the certificates or records of what {voice.does('hold')} to the centre and "
            f"ask whether {voice.their} units count: a unit with the same unit reference number "
            "counts towards any qualification that lists it"
            + (f" (here: {worth})" if worth else "") + "."))
    # Under 16, no employer to ask to start one now: the sources give no age for a start.
    apprenticeships = (apprenticeship_under_16(catalogue, level, as_at, age=age, voice=voice)
                       if age is not None and is_under_16(age)
                       else apprenticeships_today(catalogue, level, as_at, voice=voice))
    if aim is Aim.APPRENTICESHIP:  # what they asked for comes first
        steps.insert(0, NextStep(*apprenticeships))
    elif aim is None and employment is Employment.NOT_WORKING:
        words, sources = apprenticeships
        steps.append(NextStep(f"An apprenticeship is a job with training towards a "
                              f"qualification. {words}", sources))
    return tuple(steps)


def _further_in_kind(catalogue: Catalogue, held: Sequence[Qualification],
                     options: Sequence[Option], level: int, aim: Aim | None, *,
                     as_at: dt.date, register: Register | None,
                     voice: Voice) -> list[NextStep]:
    """Holding a qualification at the level that gives what they want (03456, for competence),
    with nothing there that would not largely repeat it: the qualifications of that kind a
    level up, with what they ask of the learner, as the step that would take them further.
    Those closed to new learners on ``as_at`` are left out: nobody can start them (09629 on
    a date after 2016; 10380, which replaced it, is named beside it)."""
    kinds = KINDS_GIVING.get(aim, frozenset()) if aim is not None else frozenset()
    if (aim is None or not kinds or any(o.fits_aim for o in options)
            or not any(q.level == level and q.kind in kinds for q in held)):
        return []
    above = [q for q in catalogue.qualifications.values() if q.level == level + 1
             and q.kind in kinds and q.category is Category.QUALIFICATION
             and not status_on(catalogue, q, as_at, register=register).status.closed]
    if not above:
        return []
    asks = " ".join(dict.fromkeys(" ".join(q.role_requirement.points) for q in above
                                  if q.role_requirement is not None))
    return [NextStep(
        f"Further in {_AIM_GIVEN[aim]}, these documents have "
        f"{listed([q.name for q in above], 'and')} at Level {level + 1}"
        + (f" ({asks[:1].lower()}{asks[1:].rstrip('.')})" if asks else "")
        + f": if {voice.their} work is at that level, ask {WHERE_TO_ASK} about "
        + ("it." if len(above) == 1 else "them."),
        tuple(c for q in above if q.role_requirement is not None
              for c in q.role_requirement.source))]


_AIM_WANTED = {Aim.KNOWLEDGE: "a knowledge (Principles) qualification",
              Aim.COMPETENCE: "a competence qualification, such as an NVQ",
              Aim.APPRENTICESHIP: "part of an apprenticeship"}
"""What a learner with each aim is looking for, in a clause: "is not part of an apprenticeship"."""
_AIM_GIVEN = {Aim.KNOWLEDGE: "knowledge", Aim.COMPETENCE: "competence",
              Aim.APPRENTICESHIP: "a part of an apprenticeship"}


def _none_open_fits(options: Sequence[Option], open_now: Sequence[Option], aim: Aim,
                    level: int, day: str, voice: Voice) -> list[NextStep]:
    """Where every qualification open on the date is not what the learner wants: those that
    would be, whose status the sources do not give, to ask about; and the open ones for what
    they are."""
    wanted = _AIM_WANTED[aim]
    maybe = [o for o in options if o.fits_aim and o.can_start is not False
             and o.eligibility.status.status is Status.UNKNOWN]
    later = [o for o in options if o.fits_aim and o.eligibility.status.status
             is Status.NOT_YET_OPEN]
    if maybe:
        ask = (f"Ask {WHERE_TO_ASK} whether {listed([o.qualification.name for o in maybe])} "
               "is offered: the sources do not say whether "
               + ("it is" if len(maybe) == 1 else "they are") + f" open on {day}.")
    elif later:
        ask = " ".join(f"{o.qualification.name} would be, but it had not opened yet on {day} "
                       f"({yet_to_come(o.qualification, o.eligibility.as_at)})."
                       for o in later) + f" Ask {WHERE_TO_ASK} about it."
    else:
        ask = (f"Ask {WHERE_TO_ASK} which Level {level} Customer Service qualifications they "
               f"offer that are {wanted}.")
    # Of the wanted kind, but not fitting: each largely repeats what the learner holds.
    repeating = [o for o in open_now if o.qualification.kind in KINDS_GIVING.get(aim, ())]
    others = [o for o in open_now if o not in repeating]
    steps = []
    if repeating:
        one = len(repeating) == 1
        steps.append(NextStep(
            f"{_open_on(repeating, day)} and "
            + ("gives" if one else "give") + f" {_AIM_GIVEN[aim]}, but would largely repeat "
            f"what {voice.does('hold', adverb='already')} (see the note on "
            + ("it" if one else "each") + f"). Ask {WHERE_TO_ASK} what would take "
            f"{voice.them} further than what {voice.they} hold."))
    else:
        steps.append(NextStep(f"None of the Level {level} qualifications open to new learners "
                              f"on {day} is {wanted}. {ask}"))
    if others:
        one = len(others) == 1
        steps.append(NextStep(
            f"{_open_on(others, day)}, but " + ("does" if one else "do")
            + f" not fit what {voice.learner} asked for ({wanted}): "
            + ("choose it" if one else "choose one") + f" only if that suits {voice.this}."))
    return steps


def _open_on(options: Sequence[Option], day: str) -> str:
    """``10380 is open to new learners on 1 June 2015``, naming each of ``options``."""
    return (f"{listed([o.qualification.name for o in options], 'and')} "
            + ("is" if len(options) == 1 else "are") + f" open to new learners on {day}")


def _ask_about_replacements(catalogue: Catalogue,
                            options: Sequence[Option]) -> list[NextStep]:
    """For the options closed on the date, a step to ask about what replaced them: one step for
    each replacement, naming every closed option it replaced (two closed qualifications with one
    successor make one question, not two)."""
    replaced: dict[str, list[tuple[Qualification, Replacement]]] = {}
    for option in options:
        if not option.eligibility.status.status.closed:
            continue
        for replacement in option.qualification.replaced_by:
            if replacement.by in catalogue.qualifications:
                replaced.setdefault(replacement.by, []).append(
                    (option.qualification, replacement))
    steps = []
    for by, pairs in replaced.items():
        new = catalogue.qualifications[by]
        inferred = {r.inferred for _, r in pairs}  # the sources say, suggest, or some of each
        unlike = _unlike(catalogue, new, [old for old, _ in pairs])
        sources = tuple(dict.fromkeys([*(c for _, r in pairs for c in r.source),
                                       *(_total_source(catalogue, new) if unlike else ())]))
        if len(pairs) == 1:
            old, replacement = pairs[0]
            steps.append(NextStep(f"{old.name} has closed; {replaced_it(new.name, replacement)}."
                                  f"{unlike} Ask whether it, or what replaced it since, is "
                                  "offered.", sources))
            continue
        # How it replaced each is in each option's status: the step only asks the question.
        steps.append(NextStep(
            f"{listed([old.name for old, _ in pairs], 'and')} have closed; the sources "
            + (f"say {new.name} replaced them" if inferred == {False} else
               f"suggest {new.name} replaced them (they do not say so in those words)"
               if inferred == {True} else
               f"say {new.name} replaced some of them and suggest it replaced the others")
            + f".{unlike} Ask whether {new.reference}, or what replaced it since, is offered.",
            sources))
    return steps


def _unlike(catalogue: Catalogue, new: Qualification, old: Sequence[Qualification]) -> str:
    """Where what replaced ``old`` is another kind of qualification, or more than half as big
    again, what it is (led by a space): a learner after a 17-credit knowledge certificate is
    told that 10380 is a 55-credit one whose competence is assessed at work."""
    kinds = {q.kind for q in old}
    sizes = [q.credits_required for q in old if q.credits_required is not None]
    other_kind = new.kind is not None and kinds - {None} and new.kind not in kinds
    bigger = (new.credits_required is not None and sizes
              and new.credits_required > 1.5 * max(sizes))
    if not (other_kind or bigger):
        return ""
    size = f"{new.credits_required} credits" if new.credits_required is not None else None
    kind = KIND_IN_A_CLAUSE.get(new.kind) if new.kind is not None else None
    at_work = (", its competence assessed at work"
               if new.kind.assessed_at_work else "")
    was = "; ".join(f"{q.reference}: {q.credits_required} credits" for q in old
                    if q.credits_required is not None)
    what = ", ".join(w for w in (kind, size) if w)
    if was and size is None:  # a comparison with one side only cannot be read
        return (f" It is not like for like: {new.reference} is {what}{at_work}; "
                f"{_no_total(catalogue, new)}, against {was}.")
    return (f" It is not like for like: {new.reference} is {what}{at_work}"
            + (f" ({was})." if was else "."))


def _no_total(catalogue: Catalogue, q: Qualification) -> str:
    """That the sources give no credit total for ``q``, with the total of the national
    structure it follows, where it follows one (10380: S/016/609, 55 credits)."""
    followed = catalogue.structure_followed(q)
    total = f"the sources give no credit total for {q.reference}"
    if followed is None or followed[0].credits_required is None:
        return total
    structure, inferred = followed
    return (f"{total} (the national structure {structure.structure_reference}, which it "
            f"{'is inferred to follow' if inferred else 'follows'}, needs "
            f"{structure.credits_required} credits)")


def _total_source(catalogue: Catalogue, q: Qualification) -> tuple[Citation, ...]:
    """The source of what :func:`_no_total` says of ``q``'s structure, as a check against
    its rules cites it (the structure's rules); none where it follows none, or ``q``'s own
    total is given."""
    rules, structure = catalogue.effective_rules(q)
    if q.credits_required is not None or structure is None or rules is None:
        return ()
    return tuple(rules.source)


def _level_of(catalogue: Catalogue, progression: Progression) -> int | None:
    target = catalogue.qualifications.get(progression.to or "")
    return target.level if target is not None else None


def _progression(catalogue: Catalogue, held: Qualification, progression: Progression,
                 as_at: dt.date, register: Register | None, *,
                 suggested: int | None = None) -> NextStep:
    """A documented progression from ``held``, and where the qualification it names has closed
    to new learners on the date, that too, with what replaced it (the documents' words date
    from when it was open); where whether it is open is not known, that. ``suggested``: the
    level suggested, where the progression leads below it (why a step down is listed)."""
    text = f"From {held.name}: {progression.statement}"
    target = catalogue.qualifications.get(progression.to or "")
    if target is not None and suggested is not None:
        text += (f" It is at Level {target.level}, below the Level {suggested} suggested: it is "
                 f"listed only because the documents name it as a progression from "
                 f"{held.reference}.")
    if target is None:
        return NextStep(text, progression.source)
    status = status_on(catalogue, target, as_at, register=register).status
    if status is not Status.UNKNOWN and not status.closed:
        return NextStep(text, progression.source)
    # What replaced it, once that had opened: a replacement still to come on the date is no
    # reason to doubt the qualification then.
    replacements = replacements_open_by(catalogue, target, as_at)
    replaced = "; ".join(replaced_it(catalogue.qualifications[r.by].name, r)
                         for r in replacements)
    sources: tuple[Citation, ...] = (*progression.source,
                                     *(c for r in replacements for c in r.source))
    if status is Status.UNKNOWN:
        # A legacy qualification with no dates stated: the documents' own warning and what
        # took its place, so that nobody is sent to ask for it without knowing.
        # Worded for the date: "since" reads right only after the time they describe.
        called_legacy = legacy_on(catalogue, target, as_at)
        replacing = being_replaced_on(catalogue, target, as_at)
        legacy = ("" if not called_legacy else
                  "; they call it a legacy qualification, one that others were replacing then"
                  if replacing else "; they call it a legacy qualification, one that others "
                  "were replacing, so it may well have stopped taking new learners since")
        ask = "Ask the centre whether it still takes new entries." if replacing else \
            "Ask the centre."
        return NextStep(f"{text} Whether {target.name} is open on {uk_date(as_at)}, the "
                        f"sources do not say{legacy}"
                        + (f"; {replaced}" if replaced else "") + f". {ask}",
                        (*sources, *(target.source if called_legacy else ())))
    if not replaced:
        return NextStep(f"{text} On {uk_date(as_at)}, {target.name} is closed to new learners: "
                        "ask whether anything took its place.", sources)
    # What the learner can do: ask for what replaced it (what it is, where not like for like),
    # as the step about a closed option at the level does.
    new = [catalogue.qualifications[r.by] for r in replacements]
    unlike = _unlike(catalogue, new[0], [target]) if len(new) == 1 else ""
    ask = (f" Ask whether {new[0].reference}, or what replaced it since, is offered."
           if len(new) == 1 else
           f" Ask whether {listed([q.reference for q in new], 'or')}, or what replaced them "
           "since, is offered.")
    return NextStep(f"{text} On {uk_date(as_at)}, {target.name} is closed to new learners: "
                    f"{replaced}.{unlike}{ask}",
                    (*sources, *(_total_source(catalogue, new[0]) if unlike else ())))
