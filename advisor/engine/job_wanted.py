"""The job a learner not working would like: what the documents say of it, and the
qualifications towards it on a date.

A learner not working can say which job they would like (*Find a starting level*'s optional
question, ``advisor recommend --job-wanted``). It is matched to the documents' job roles as a
job title is (:func:`advisor.engine.job_roles.match_role`: the same list, the same matching of
typed titles). For each listed role it matches, the answer says what the documents say of it,
and no more:

* a role on the 003 lists (§ JOB ROLES AND PROGRESSION) is one of their "example[s] of the types
  of roles that necessitate good customer service skills" at Level 2 or Level 3, a list "in no
  way intended to be an exhaustive list";
* a role on the 004 list (§ Progression and related qualifications) is one of the jobs "such as"
  learners may progress to after the OCNLR Level 1 Certificate; the guide gives it no level.

The qualifications towards it are those the engine already knows, not a list of its own: the
customer service qualifications at the level the documents list the job at (the
recommendation's qualifications by level, and with a register its open ones there), or the
qualification the documents say the job can follow; with what the sources say replaced any of
them that has closed, or whose status is not known (:func:`~advisor.engine.eligibility.status_on`
gives each one's status on the date, and what replaced it). The documents never say a job needs
a qualification, and the answer says so. Of those a learner could still start, any assessed at
work (an NVQ, or the competence part of one combining knowledge and competence) is said to be,
and how, in the words the options at the level suggested use
(:func:`advisor.engine.fits.assessed_at_work_finding`): not working, the learner would need a
job or a work placement for it.

A job wanted never changes the starting level: the documents tie that to age, work and what is
held, and even a job held does not set it for someone not working now
(:func:`advisor.engine.recommend.recommend` sets such a role aside).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from advisor.catalogue import Catalogue, Citation, JobRole, Qualification
from advisor.engine.eligibility import (
    Reason,
    ReasonCode,
    Status,
    check_eligibility,
    replaced_in_brief,
    status_on,
)
from advisor.engine.fits import assessed_at_work_finding
from advisor.engine.job_roles import RoleMatch, close_titles_words, match_role, matched_as
from advisor.engine.recommend_index import recommendation_index
from advisor.engine.recommend_types import (
    Finding,
    FindingCode,
    JobWanted,
    TowardsJob,
    WantedRole,
)
from advisor.engine.registered import REGISTER_SUBJECT, register_qualifications_at
from advisor.engine.replacing import yet_to_come
from advisor.engine.wording import (
    THE_LEARNER,
    WHERE_TO_ASK,
    Voice,
    listed,
    sentence_start,
    uk_date,
)
from advisor.register import Register

__all__ = ["answer_job_wanted", "describe_job_lists"]


def answer_job_wanted(catalogue: Catalogue, text: str | None, *, as_at: dt.date,
               held: Sequence[str] = (), age: int | None = None,
               register: Register | None = None, register_subject: str = REGISTER_SUBJECT,
               voice: Voice = THE_LEARNER) -> JobWanted | None:
    """What the documents say of the job ``text`` names (a listed title, or one typed), and
    the qualifications towards it with their status on ``as_at``; None where no job is given.
    ``held``: the qualification ids the learner holds (named as held, not offered); ``age``:
    theirs, where given (one open to new learners whose sources do not approve it for that age
    is said to be, as the options at a level say it). With a
    ``register``, statuses use its dates too, and its open qualifications at the job's level
    whose titles hold ``register_subject`` are listed. ``voice``: of the learner, or to them."""
    text = (text or "").strip()
    if not text:
        return None
    match = match_role(catalogue, text)
    if not match.roles:
        return JobWanted(match=match, not_listed=_not_listed(catalogue, match))
    return JobWanted(match=match, roles=tuple(
        _wanted_role(catalogue, match, role, as_at=as_at, held=held, age=age,
                     register=register, subject=register_subject, voice=voice)
        for role in match.roles))


def describe_job_lists(catalogue: Catalogue) -> list[tuple[str, tuple[Citation, ...]]]:
    """The documents' lists of jobs, each what it is in a clause ("examples of roles at Level 2
    and Level 3 that need good customer service skills", "jobs learners may progress to after
    ...") with its sources: where a job question's examples come from."""
    roles = list(catalogue.job_roles.values())
    by_level = [r for r in roles if r.level is not None]
    levels = sorted({r.level for r in by_level if r.level is not None})
    found = ([(f"examples of roles at {listed([f'Level {n}' for n in levels], 'and')} that "
               "need good customer service skills",
               tuple(dict.fromkeys(c for r in by_level for c in r.source)))] if levels else [])
    for after in dict.fromkeys(r.after for r in roles if r.level is None and r.after):
        q = catalogue.qualifications.get(after or "")
        if q is not None:
            found.append((f"jobs learners may progress to after {q.name}", tuple(dict.fromkeys(
                c for r in roles if r.after == after and r.level is None for c in r.source))))
    return found


# ---------------------------------------------------------------------------------------------


def _wanted_role(catalogue: Catalogue, match: RoleMatch, role: JobRole, *, as_at: dt.date,
                 held: Sequence[str], age: int | None, register: Register | None, subject: str,
                 voice: Voice) -> WantedRole:
    after = catalogue.qualifications.get(role.after or "")
    if role.level is not None:
        at_level = recommendation_index(catalogue).by_level.get(role.level, ())
        first = [q for q in at_level if q.related_field is None]  # customer service itself
        if register is not None:
            first += register_qualifications_at(catalogue, register, role.level, as_at,
                                                subject=subject)
    else:
        first = [after] if after is not None else []
    found = _with_replacements(catalogue, first, as_at, register)
    # Open on the date first, then not known, not yet open, closed; else in the index's order.
    towards = tuple(sorted((t for t in found if t.qualification.id not in held),
                           key=lambda t: t.status.status.rank))
    holding = [t.qualification for t in found if t.qualification.id in held]
    # Of those a learner could still start, any assessed at work is said to be, in the words
    # the options at the level suggested use: one named here needs a job or a placement too.
    startable = [t.qualification for t in towards if not t.status.status.closed]
    # A 14-year-old wanting a Level 2 job was told 09628 was open, when its sources do not
    # approve it for their age group: said, in the eligibility's words, as the options are.
    too_young = [(q, reason) for q in (startable if age is not None else ())
                 for reason in check_eligibility(catalogue, q, age=age, as_at=as_at,
                                                 register=register, voice=voice).reasons
                 if reason.code is ReasonCode.AGE_NOT_APPROVED]
    return WantedRole(role=role, about=_about(match, role, after),
                      qualifications=towards,
                      towards=_towards(catalogue, role, after, towards, holding, too_young,
                                       as_at, voice),
                      at_work=assessed_at_work_finding(catalogue, startable, voice=voice))


def _with_replacements(catalogue: Catalogue, first: Sequence[Qualification], as_at: dt.date,
                       register: Register | None) -> list[TowardsJob]:
    """``first`` with their status on ``as_at``, then what the sources say replaced any of them
    that has closed or whose status is not known (and so on), each once."""
    found: dict[str, TowardsJob] = {}
    queue = list(first)
    while queue:
        q = queue.pop(0)
        if q.id in found:
            continue
        status = status_on(catalogue, q, as_at, register=register)
        found[q.id] = TowardsJob(q, status)
        queue += [catalogue.qualifications[i] for i in status.replaced_by
                  if i in catalogue.qualifications and i not in found]
    return list(found.values())


def _about(match: RoleMatch, role: JobRole, after: Qualification | None) -> Finding:
    """What the documents say of ``role``, in their terms, and no more."""
    same = match.text.strip().casefold() == role.title.casefold()
    said = role.title if same else matched_as(match, role)
    if role.level is not None:
        message = (f"{said}: the documents list it among their examples of roles at Level "
                   f"{role.level} that need good customer service skills (a list of examples, "
                   "not a complete one).")
    elif after is not None:
        # The guide's "such as": a list of examples, said as the Level 2 and 3 lists' are.
        message = (f"{said}: the documents list it among the jobs learners may progress to "
                   f"after {after.name} (a list of examples, not a complete one); they do not "
                   "give it a level.")
    else:
        message = f"{said}: the documents name it as a job role, but give it no level."
    return Finding(FindingCode.JOB_WANTED_LISTED,
                   message + " They do not say the job needs a qualification.", role.source,
                   level=role.level)


def _towards(catalogue: Catalogue, role: JobRole, after: Qualification | None,
             towards: Sequence[TowardsJob], holding: Sequence[Qualification],
             too_young: Sequence[tuple[Qualification, Reason]], as_at: dt.date,
             voice: Voice) -> Finding:
    """Which qualifications towards ``role`` are open on ``as_at``, and how the rest stand;
    ``too_young``: those not approved for the learner's age, with the reason that says so."""
    day = uk_date(as_at)

    def named(these: Sequence[TowardsJob], *, full: bool = False) -> str:
        return listed([t.qualification.name if full else t.qualification.reference
                       for t in these], "and")

    def having(status: Status) -> list[TowardsJob]:
        return [t for t in towards if t.status.status is status]

    replaced = any(t.qualification.id != after.id for t in towards) if after else False
    # A job after a qualification: ``about`` has named it, so it is "the qualification it
    # follows" here ("Of 601/4404/X, after which ...: 601/4404/X" said it twice).
    where = (f"At Level {role.level}, the level the documents list it at" if role.level is not None
             else "Of the qualification it follows" + (" and what replaced it" if replaced else "")
             if after is not None else "Towards it")
    opened, unknown = having(Status.OPEN), having(Status.UNKNOWN)
    follows = after is not None and role.level is None
    none_open = (f"The qualification it follows cannot be confirmed open to new learners on {day}."
                 if follows and len(towards) == 1 else
                 f"{where}, {'none' if follows else 'no qualification'} can be confirmed open "
                 f"to new learners on {day}.")
    one_open = (f"The qualification it follows is open to new learners on {day}: "
                if follows and len(towards) == 1 else
                f"{where}, open to new learners on {day}: ")
    words = [f"{one_open}{named(opened, full=True)}." if opened
             else none_open if towards else
             f"{'Towards it' if follows else where}, the documents describe no "
             f"{'other ' if holding else ''}qualification."]
    words += [f"{q.reference} is {reason.message[:1].lower()}{reason.message[1:]}"
              for q, reason in too_young]
    if unknown:
        one = len(unknown) == 1
        words.append(f"Whether {named(unknown, full=True)} {'is' if one else 'are'} open on "
                     f"{day}, the sources do not say: ask {WHERE_TO_ASK}.")
    not_yet = having(Status.NOT_YET_OPEN)
    if not_yet:
        words.append(f"Not open yet on {day}: " + "; ".join(
            f"{t.qualification.reference} ({yet_to_come(t.qualification, as_at)})"
            for t in not_yet) + ".")
    closed = [t for t in towards if t.status.status.closed]
    if closed:
        words.append(f"Closed to new learners by {day}: " + "; ".join(
            t.qualification.reference + replaced_in_brief(catalogue, t.status)
            for t in closed) + ".")
    if holding:
        # A sentence among others, so with its subject ("The learner already holds"), not
        # as a list of reasons starts one ("Already holds").
        words.append(f"{sentence_start(voice.does('hold', adverb='already'))} "
                     f"{listed([q.name for q in holding], 'and')}.")
    return Finding(FindingCode.JOB_WANTED_QUALIFICATIONS, " ".join(words),
                   tuple(dict.fromkeys((*(c for t in towards for c in t.status.source),
                                        *(c for _, reason in too_young for c in reason.source)))),
                   level=role.level)


def _not_listed(catalogue: Catalogue, match: RoleMatch) -> Finding:
    """The honest answer for a job the documents do not list: they say nothing of it."""
    sources = tuple(dict.fromkeys(c for r in catalogue.job_roles.values() for c in r.source))
    if match.suggestions:
        # "helpdesk": saying they say nothing of it, beside their "Helpdesk Assistants", read
        # as if they had nothing on the job at all.
        said = (f"The documents do not list \"{match.text}\" as it is written, so they say "
                "nothing about it as such, but they do list titles close to it (their lists "
                "are examples, not complete).")
    else:
        said = (f"The documents do not list \"{match.text}\" among their jobs, so they say "
                "nothing about it or about the qualifications towards it (their lists are "
                "examples, not complete).")
    return Finding(FindingCode.JOB_WANTED_NOT_LISTED, said + close_titles_words(match), sources)
