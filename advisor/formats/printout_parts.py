"""What a printout is asked to show (:class:`ActionPlan`), and what its template is given: plain
text and numbers, each fact with the numbers of its sources (:class:`Cited`), and the numbering
of those sources (:class:`Sources`). :mod:`advisor.formats.action_plan` and
:mod:`advisor.formats.printout_advice` decide what they say; the template only lays them out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from advisor.catalogue import Catalogue
from advisor.catalogue.models import Citation
from advisor.engine.carryover import CarryOver
from advisor.engine.combination_types import CombinationCheck
from advisor.engine.decisions import ProgressCheck
from advisor.engine.eligibility import Reason
from advisor.engine.fits import in_senior_role
from advisor.engine.frameworks import RouteFrameworks
from advisor.engine.opening_later import OpeningLater
from advisor.engine.recommend_types import Aim, Employment, Recommendation
from advisor.engine.routes import Route
from advisor.register import Register
from advisor.views.check_words import credits_against
from advisor.views.citations import web_address
from advisor.views.labels import citation

__all__ = [
    "ActionPlan",
    "CarryOverPart",
    "CheckPart",
    "Cited",
    "ComponentPart",
    "FrameworkPart",
    "OptionPart",
    "PlanPart",
    "RecommendationPart",
    "RouteFrameworksPart",
    "RoutePart",
    "SignOffPart",
    "SourcePart",
    "Sources",
    "StepPart",
    "UnitsAtEnd",
    "download_name",
]


@dataclass(frozen=True)
class Cited:
    text: str
    marks: tuple[int, ...]  # the numbers of its sources in the list at the end

    def followed_by(self, reasons: Sequence[Reason], sources: Sources) -> Cited:
        """This, then each of ``reasons`` in a sentence of its own, their sources marked too
        (each once)."""
        return Cited(" ".join([self.text, *(r.message for r in reasons)]),
                     tuple(dict.fromkeys([*self.marks, *(m for r in reasons
                                                         for m in sources.cite(r.source))])))


@dataclass(frozen=True)
class OptionPart:
    name: str
    status: str
    notes: list[Cited]  # the reasons worth repeating under the status
    fits: str


@dataclass(frozen=True)
class ComponentPart:  # one component of an apprenticeship framework, as the printout lists it
    kind: str
    held: str
    needs: str
    on_date: list[Cited]
    marks: tuple[int, ...] = ()  # the component's sources, as the page's table gives them


@dataclass(frozen=True)
class FrameworkPart:
    name: str
    components: list[ComponentPart]
    cautions: list[str]
    today: Cited | None  # what took its place, where the sources say
    superseded: str | None  # a later framework at its level had been issued by the date


@dataclass(frozen=True)
class RouteFrameworksPart:
    frameworks: list[FrameworkPart]
    today: Cited | None  # where apprenticeships at the route's level stand today


@dataclass(frozen=True)
class RecommendationPart:
    level: int | None
    reasons: list[Cited]
    cautions: list[Cited]
    options: list[OptionPart]
    frameworks: list[FrameworkPart]
    # Not working: what the documents say of the job they would like, and the qualifications
    # towards it on the date (or that they do not list it).
    job_wanted: list[Cited] = field(default_factory=list)
    # The options' last column: whether each fits what the learner wants, or, where they did
    # not say, a note on the few that need one (a related field); None: no column.
    fits_heading: str | None = "Fits what you want"


@dataclass(frozen=True)
class PlanPart:  # the further units a combination check suggests
    credits: int
    glh: int | None
    units: list[str]
    # Where a unit held may count too, why: the credits are then the most still needed.
    up_to: str | None = None


@dataclass(frozen=True)
class CheckPart:
    heading: str | None
    name: str
    known: bool
    complete: bool
    credits_counted: int
    credits_required: int | None
    plan: PlanPart | None
    accepted: list[str] = field(default_factory=list)  # each with the centre's note
    in_progress: list[str] = field(default_factory=list)
    marks: tuple[int, ...] = ()  # the rules of combination's sources
    certificates_ended: bool = False  # certification has closed: no plan can complete it
    no_plan: str | None = None  # why there is no plan (see CombinationCheck.no_plan_reason)
    cautions: list[str] = field(default_factory=list)  # what the check's answer rests on
    unmet: list[str] = field(default_factory=list)  # the rules not met, in words
    rules: list[tuple[str, bool]] = field(default_factory=list)  # every rule, and whether met
    # The sources list only some of its units: the credits counted are of those they list.
    listed_only: bool = False
    # Where the learner would stand once the units in progress are achieved, not stands now.
    projected: bool = False
    # With no plan, where a unit held may count too: the most still needed, and why.
    at_most: tuple[int, str] | None = None

    def credits(self, verb: str = "") -> str:
        """``34 of 42 credits`` (then ``verb``); ``44 credits, 42 needed`` where more count
        than are needed: "44 of 42" read as a slip."""
        return credits_against(self.credits_counted, self.credits_required, verb)


@dataclass(frozen=True)
class SignOffPart:  # a record's lines to sign and date the units the centre accepted
    units: list[str]  # the units accepted, as the record lists them (without the evidence)
    signers: list[tuple[str, str]]  # who signs ("Assessor", "Learner") and the name typed, if any
    caution: str | None = None  # what signing cannot lead to (certificates ended), if anything


@dataclass(frozen=True)
class CarryOverPart:
    heading: str | None
    name: str
    transfers: list[str]
    credits_transferred: str  # in words, with how many count where a group's maximum stops some
    held_units_known: bool  # False: whether any transfers is not known (a note says why)
    target_units_known: bool  # False: the sources list only some of the target's units
    holds_units: bool  # False: the learner holds no unit yet, so nothing to say carries over
    # Whose units carry over: "Units you hold"; at a route's later step, those held by then.
    held_words: str
    similar: list[tuple[str, str]]  # (a unit held, the unit of the target it is like)
    barred: list[Cited]
    notes: list[Cited]
    absent: str | None  # the sentence on held units that are not part of the target
    remaining: CheckPart
    # Optional units of the qualification before that would count too, if taken, and the
    # words before their list (what to do about them), as the page says below its table.
    if_taken: list[str] = field(default_factory=list)
    if_taken_lead: str = ""


@dataclass(frozen=True)
class StepPart:
    name: str
    statement: str  # why the route takes it (labels.step_explained)
    marks: tuple[int, ...]
    status: Cited  # the qualification's status on the date, and what replaced it if closed
    # Whether its age groups take the learner (where the age was given), and the role it asks
    # for (whether the learner's meets it, where that was given).
    about_learner: list[Cited]
    carry_over: CarryOverPart


@dataclass(frozen=True)
class RoutePart:
    path: list[str]
    steps: list[StepPart]
    others: list[str]  # the other routes found, a line each: path, basis, status on the date
    cautions: list[Cited]  # about the route as a whole (climbing a level is no advice to)
    fits_aim: Cited | None = None  # whether where it ends fits what they want, why, sources


@dataclass(frozen=True)
class UnitsAtEnd:  # a long list of units with one reason, listed after the detail
    heading: str  # where it belongs and why: "Step 2: <name>: 21 units, Not known"
    units: list[str]


@dataclass(frozen=True)
class SourcePart:
    label: str  # the readable citation: document title, date, section
    document: str | None  # the publisher, when the catalogue lists the document
    url: str | None = None  # the web page a secondary source's fact came from


class Sources:
    """Numbers citations in order of first use as the page's parts are prepared; the page,
    once drawn, numbers them again in the order a reader meets them."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        # One number for each source as the page names it: citations of the same section that
        # differ only in their notes are one source to a reader.
        self.numbers: dict[str, int] = {}
        self.publishers: dict[str, str | None] = {}
        self.urls: dict[str, list[str]] = {}  # the pages a source's facts came from

    def cite(self, citations: Iterable[Citation]) -> tuple[int, ...]:
        marks = []
        for cited in citations:
            named = citation(self.catalogue, cited)
            document = self.catalogue.documents.get(cited.doc)
            self.publishers.setdefault(named, document.publisher if document else None)
            urls = self.urls.setdefault(named, [])
            if cited.url and cited.url not in urls:
                urls.append(cited.url)
            marks.append(self.numbers.setdefault(named, len(self.numbers) + 1))
        return tuple(dict.fromkeys(marks))

    def listed(self) -> list[SourcePart]:
        return [SourcePart(named, self.publishers[named],
                           ", ".join(web_address(u) for u in self.urls[named]) or None)
                for named in self.numbers]


@dataclass(frozen=True, kw_only=True)
class ActionPlan:
    """Everything the printable plan shows; any part may be missing."""

    as_at: dt.date
    answers: Mapping[str, str] = field(default_factory=dict)  # question -> the learner's answer
    # Typed on the page for the printout; kept only in the browser session and the file.
    learner: str = ""  # the learner's name or reference
    adviser: str = ""
    centre: str = ""
    agreed_actions: str = ""  # one action a line
    recommendation: Recommendation | None = None
    route: Route | None = None
    route_age: int | None = None  # the learner's age, where given: each step is checked for it
    route_senior_role: bool | None = None  # whether the learner is in a senior role, if given
    # Whether the learner is working, if given: a step assessed at work is said to need a job.
    route_employment: Employment | None = None
    route_aim: Aim | None = None  # what the learner wants, if given: whether the route fits it
    # The other routes found, best first: named in a line each, so that the printout shows
    # what the route chosen was weighed against.
    other_routes: tuple[Route, ...] = ()
    # The apprenticeship frameworks the route leads into, as its page shows them.
    route_frameworks: RouteFrameworks | None = None
    # What opens at the level aimed for after the date, which no route goes through yet, as
    # the route page names it (the recommendation's route offers carry their own).
    opening_later: tuple[OpeningLater, ...] = ()
    carry_over: CarryOver | None = None
    check: CombinationCheck | None = None
    # A check with the centre's decisions: shown in place of ``check``, with where the learner
    # stands when the units in progress are done, the timeline, and any bar on evidence.
    progress: ProgressCheck | None = None
    created: dt.date | None = None  # the day the plan was made (default: today)
    # Ofqual's register, where the page had one: statuses use its dates, as the page's do, and
    # the recommendation, worded again to the learner, lists its qualifications as the page did.
    register: Register | None = None

    @property
    def file_name(self) -> str:
        """The name to download the printout as, saying what it is, for whom and for what
        date, so that an adviser's downloads do not all arrive as ``action-plan.html``."""
        checked = self.checked
        if checked is not None:
            kind, reference = "units-check", checked.qualification.reference
        elif self.route is not None:
            kind, reference = "route-plan-to", self.route.path[-1].reference
        else:
            kind, reference = "action-plan", None
        return download_name(kind, reference=reference, learner=self.learner,
                             as_at=self.as_at, suffix="html")

    @property
    def route_in_senior_role(self) -> bool | None:
        """Whether the route's learner is in a senior role, as their answers say
        (:func:`~advisor.engine.fits.in_senior_role`): not, where they are not working now,
        as the route page and the command line read them, whatever ``route_senior_role``
        holds (the page does not ask it of them)."""
        return in_senior_role(self.route_senior_role, self.route_employment)

    @property
    def checked(self) -> CombinationCheck | None:
        """The units check the plan shows: today's, with the centre's decisions if given."""
        return self.progress.today if self.progress is not None else self.check


def download_name(kind: str, *, reference: str | None = None, learner: str = "",
                  as_at: dt.date, suffix: str) -> str:
    """A downloaded file's name: what it is, the qualification it is about, the learner's name
    or reference where given (a file the user keeps, so it may name them) and the date its
    answers are for, in words and figures a file system takes everywhere:
    ``units-check-09628-jo-bloggs-2026-12-02.html``."""
    parts = [kind, reference or "", learner, as_at.isoformat()]
    words = [re.sub(r"[^\w]+", "-", part.casefold(), flags=re.UNICODE).strip("-_")[:40]
             for part in parts]
    return "-".join(word for word in words if word) + f".{suffix}"
