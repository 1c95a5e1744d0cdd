"""Progression-route search: the real catalogue's routes, bad endpoints, laziness, invariants."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import (
    Catalogue,
    RouteError,
    Status,
    StepKind,
    already_reached,
    find_routes,
    json_shapes,
    labels,
    units_of,
)
from advisor.catalogue import (
    BasedOn,
    Basis,
    Category,
    Citation,
    Document,
    Group,
    GroupMember,
    Progression,
    Qualification,
    RulesOfCombination,
    Unit,
)
from advisor.cli import main
from advisor.engine.routes import SHARED_UNITS_STATEMENT
from tests.support.examples import examples

WHILE_OPEN = dt.date(2015, 6, 1)  # 09628 and 09629 both took new learners then
TODAY = dt.date(2026, 11, 30)  # the date the onward order below was written for


def ids(route):
    return [q.id for q in route.path]


def kinds(route):
    return [s.kind for s in route.steps]


# --------------------------------------------------------------------------- the real catalogue


def test_find_routes__09628_to_level_3_is_the_stated_step_to_09629(catalogue, graph, capsys):
    found = list(find_routes(catalogue, to_level=3, as_at=WHILE_OPEN,
                             from_qualification=catalogue.find_qualification("09628")))
    best = found[0]
    assert ids(best) == ["ocr-09628", "ocr-09629"]
    assert kinds(best) == [StepKind.STATED]
    step = best.steps[0]
    assert step.statement.startswith("Candidates for the Level 2 Certificate can progress to "
                                     "the Level 3 Certificate")
    assert [c.label() for c in step.source] == [
        "001_1a36f8904fba0327.txt § 2.7 Progression opportunities"]
    assert step.carry_over.transfers == ("D/502/9654",)
    assert step.carry_over.credits_transferred == 5
    assert step.plan_units == ("H/502/9655", "K/502/9656")
    assert step.additional_credits == best.additional_credits == 12
    # 09628 -> 03455 is stated too, but 03455 is Level 2: no route ends there.
    assert all(r.path[-1].level == 3 for r in found)
    assert "ocr-03455" not in {q.id for r in found for q in r.path}

    assert main(["carry-over", "--from", "09628", "--to", "09629", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert [u["urn"] for u in cli["transfers"]] == list(step.carry_over.transfers)
    assert cli["remaining"]["plan"]["additional_credits"] == step.additional_credits


def test_find_routes__09628_to_03456_through_09629(catalogue, graph):
    best = next(find_routes(catalogue,
                            from_qualification=catalogue.find_qualification("09628"),
                            to_qualification=catalogue.find_qualification("03456")))
    assert ids(best) == ["ocr-09628", "ocr-09629", "ocr-03456"]
    assert kinds(best) == [StepKind.STATED, StepKind.STATED]
    assert best.documented
    first, second = best.steps
    assert second.from_ == first.to
    # The learner is assumed to finish 09629 by its plan: those units are held afterwards.
    assert {"D/502/9654", "H/502/9655", "K/502/9656"} <= set(first.held_after)
    assert set(first.held_after) <= set(second.carry_over.held)


def test_find_routes__10378_to_level_4_is_the_inferred_chain(catalogue, graph):
    best = next(find_routes(catalogue, to_level=4, include_direct=False,
                            from_qualification=catalogue.find_qualification("10378")))
    assert ids(best) == ["ocr-10378", "ocr-10379", "ocr-10380", "ocr-10381"]
    assert kinds(best) == [StepKind.INFERRED] * 3
    assert not best.documented
    for step in best.steps:
        assert {c.basis for c in step.source} == {Basis.INFERENCE}
        assert all(c.note for c in step.source)
    # The sources list only some of the Level 3 structure's units: no completion can be planned,
    # so the credits are unknown rather than guessed, and the route is still offered.
    to_10380 = best.steps[1]
    assert to_10380.additional_credits is None
    assert to_10380.carry_over.remaining.no_plan_reason == (
        "No completion can be planned from the units the sources list: they give only some of "
        "its units, so ask the centre which units it offers.")
    assert best.additional_credits is None
    assert best.cost.unknown_credit_steps == 1


@pytest.mark.parametrize("target", [{"to_level": 4}, {"to_qualification": "10381"}])
def test_find_routes__two_levels_up_from_where_no_document_leads_goes_through_the_one_between(
        catalogue, graph, target):
    """No document leads on from 03455 (Level 2): towards Level 4 a route may start one level
    up, at 10380, and go on to 10381 as the documents suggest, beside the direct start at
    Level 4 (which the awarding body warns not to assume a learner is ready for). Onward
    from 03455 the same route was offered; towards Level 4 it was not."""
    wanted = {key: catalogue.find_qualification(value) if key == "to_qualification" else value
              for key, value in target.items()}
    routes = list(find_routes(catalogue, from_qualification=catalogue.find_qualification("03455"),
                              as_at=dt.date(2026, 12, 1), **wanted))
    assert [ids(r) for r in routes] == [["ocr-03455", "ocr-10381"],
                                        ["ocr-03455", "ocr-10380", "ocr-10381"]]
    through = routes[1]
    assert kinds(through) == [StepKind.DIRECT, StepKind.INFERRED]
    assert through.steps[0].statement.endswith(
        "(10380) is one level up from OCR Level 2 NVQ Certificate in Customer Service (03455), "
        "and a learner may enrol on it directly.")


def test_find_routes__a_step_one_level_up_is_only_for_a_learner_no_document_leads_on_from(
        catalogue, graph):
    """Holding 601/4404/X too, from which the documents lead on, a learner who holds 03454
    is not offered a direct start one level up from 03454: the routes are those from
    601/4404/X, the one through shared units kept."""
    routes = list(find_routes(catalogue, from_qualification=catalogue.find_qualification("03454"),
                              also_completed=[catalogue.find_qualification("601/4404/X")],
                              to_level=3, as_at=dt.date(2026, 12, 1)))
    assert {r.path[0].reference for r in routes} == {"601/4404/X"}
    assert any(StepKind.SHARED_UNITS in kinds(r) for r in routes)


def test_learner_can_start_first__a_route_a_learner_cannot_start_comes_after(catalogue, graph):
    """On 1 June 2015 the first route to Level 2 starts at 09628, which is not approved for
    learners aged 15: for a 15-year-old it comes after the routes they can take, the others
    keeping their order; with no age, or at 19, nothing moves."""
    from advisor import learner_can_start_first

    found = list(find_routes(catalogue, to_level=2, as_at=dt.date(2015, 6, 1)))[:5]
    assert found[0].path[-1].reference == "09628"
    for_15 = learner_can_start_first(catalogue, found, age=15)
    assert for_15 == [*found[1:], found[0]]
    assert learner_can_start_first(catalogue, found) == found
    assert learner_can_start_first(catalogue, found, age=19) == found


def test_learner_can_start_first__not_in_a_senior_role_the_jump_to_level_4_comes_last(
        catalogue, graph):
    """10381 (Level 4) asks for a senior role. From 09628 today the direct start at 10381
    comes first; for a learner not in a senior role, every route ends at 10381, so the routes
    they can start (through Level 3) come before the one whose first step they cannot take,
    each group in its order; the route through 09629, closed, stays last. In a senior role,
    nothing moves."""
    from advisor import learner_can_start_first

    start = catalogue.find_qualification("09628")
    found = list(find_routes(catalogue, from_qualification=start, to_level=4,
                             as_at=dt.date(2026, 12, 1)))[:5]
    assert [q.reference for q in found[0].path] == ["09628", "10381"]
    assert found[-1].status.closed and not any(r.status.closed for r in found[:-1])
    not_senior = learner_can_start_first(catalogue, found, senior_role=False)
    assert not_senior == [*found[1:-1], found[0], found[-1]]
    assert [q.reference for q in not_senior[0].path] == ["09628", "10380", "10381"]
    assert learner_can_start_first(catalogue, found, senior_role=True) == found


def test_learner_can_start_first__wanting_competence_the_knowledge_route_comes_after(
        catalogue, graph):
    """In June 2015, from 09628 to Level 3, the stated progression to 09629 (knowledge) comes
    first. Someone who wants to prove their competence gets the routes ending in 10380
    (combined) and 03456 (an NVQ) first, each group in its order, and 09629 last; someone who
    wants knowledge keeps the order, 03456 going last; for an apprenticeship, 09629 and 03456,
    whose place 10380 took in the 2014 framework, both go last."""
    from advisor import Aim, learner_can_start_first, route_fits_aim

    start = catalogue.find_qualification("09628")
    found = list(find_routes(catalogue, from_qualification=start, to_level=3,
                             as_at=WHILE_OPEN))[:5]
    ends = [r.path[-1].reference for r in found]
    assert ends[0] == "09629" and {"10380", "03456"} <= set(ends)

    def ends_of(aim: Aim) -> list[str]:
        return [r.path[-1].reference for r in learner_can_start_first(catalogue, found,
                                                                      aim=aim)]
    assert ends_of(Aim.COMPETENCE) == [*(e for e in ends if e != "09629"), "09629"]
    assert ends_of(Aim.KNOWLEDGE) == [*(e for e in ends if e != "03456"), "03456"]
    assert ends_of(Aim.APPRENTICESHIP)[-2:] == [e for e in ends if e in ("09629", "03456")]
    nvq = next(r for r in found if r.path[-1].reference == "03456")
    fit = route_fits_aim(catalogue, nvq, Aim.COMPETENCE)
    assert (fit.fits, fit.why) == (True, "It is a competence (NVQ) qualification.")
    assert (route_fits_aim(catalogue, nvq, None).fits, route_fits_aim(catalogue, nvq, None).why
            ) == (None, "")


def test_route_fits_aim__what_largely_repeats_what_is_held_does_not_fit(catalogue, graph):
    """As the starting level says of the same option: from 03456 (an NVQ), 10380's competence
    part repeats what is held, so for someone who wants competence it does not fit; for
    someone who wants knowledge, its knowledge part is new, so it does."""
    from advisor import Aim, route_fits_aim

    (route,) = [r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("03456"),
        to_qualification=catalogue.find_qualification("10380"), as_at=WHILE_OPEN)
        if [q.reference for q in r.path] == ["03456", "10380"]]
    fit = route_fits_aim(catalogue, route, Aim.COMPETENCE)
    assert fit.fits is False and "would repeat what they already have" in fit.why
    assert route_fits_aim(catalogue, route, Aim.KNOWLEDGE).fits is True


def test_learner_can_start_first__a_route_known_to_fit_comes_before_one_not_known(
        catalogue, graph):
    """For a 16-year-old who wants knowledge, starting at Level 1: 10378 (known to give
    knowledge) comes before 601/4404/X, whose kind the sources do not give."""
    from advisor import Aim, learner_can_start_first

    found = list(find_routes(catalogue, to_level=1, as_at=WHILE_OPEN))[:5]
    ends = [r.path[-1].reference for r in learner_can_start_first(catalogue, found,
                                                                  aim=Aim.KNOWLEDGE)]
    assert ends.index("10378") < ends.index("601/4404/X")


def test_find_routes__a_qualification_also_held_whose_units_are_not_listed_may_count(
        catalogue, graph):
    """Holding 09628 and 03455, whose units the sources do not list: a route from 09628 to
    03456 cannot give a firm figure, since a unit of 03455 may count, as a route from 03455
    alone already said; the note names 03455."""
    route = next(r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("03455"),
        also_completed=[catalogue.find_qualification("09628")], to_level=3,
        as_at=dt.date(2015, 6, 1)) if [q.reference for q in r.path] == ["09628", "03456"])
    first = route.steps[0]
    assert first.carry_over.held_units_known is False
    assert first.credits_still_needed is None
    assert any("do not list the units of OCR Level 2 NVQ Certificate in Customer Service "
               "(03455)" in note.statement for note in first.carry_over.notes)
    # Holding 09628 alone, the figure is firm.
    alone = next(r for r in find_routes(
        catalogue, from_qualification=catalogue.find_qualification("09628"), to_level=3,
        as_at=dt.date(2015, 6, 1)) if [q.reference for q in r.path] == ["09628", "03456"])
    assert alone.steps[0].carry_over.held_units_known is True


def test_find_routes__without_inferred_steps(catalogue, graph):
    found = list(find_routes(catalogue, to_level=4, include_inferred=False,
                             from_qualification=catalogue.find_qualification("10378")))
    assert all(StepKind.INFERRED not in kinds(r) for r in found)


def test_find_routes__ocn_london_level_1_to_level_2(catalogue, graph):
    found = list(find_routes(catalogue, to_level=2,
                             from_qualification=catalogue.find_qualification("601/4404/X")))
    stated = found[:3]
    assert [kinds(r) for r in stated] == [[StepKind.STATED]] * 3
    assert [r.path[-1].id for r in stated] == [
        "ocnlr-l2-diploma-customer-service",  # credits known through S/016/608, which it follows
        "ocnlr-l2-certificate-principles-customer-service",
        "ocnlr-l2-diploma-business-administration",
    ]
    diploma = stated[0].steps[0]
    assert diploma.carry_over.remaining.rules_from.id == "skills-cfa-s-016-608"
    assert diploma.additional_credits == 45
    assert [r.additional_credits for r in stated[1:]] == [None, None]
    assert all(not r.steps[0].carry_over.remaining.known for r in stated[1:])

    later = found[3:]
    assert later and all(r.cost.non_stated_steps > 0 for r in later)
    across = next(r for r in later if ids(r) == ["ocnlr-601-4404-x", "ocr-10379"])
    step = across.steps[0]
    assert step.kind is StepKind.SHARED_UNITS
    assert step.statement == SHARED_UNITS_STATEMENT
    assert "H/506/2154" in step.shared_units
    assert step.source  # the groups that list the shared units
    # The shared units are optional in the Level 1 certificate: they transfer only if taken.
    assert "H/506/2154" in step.carry_over.possible


def test_find_routes__steps_show_what_replaced_a_legacy_target(catalogue, graph):
    best = next(find_routes(catalogue, to_level=3, as_at=WHILE_OPEN,
                            from_qualification=catalogue.find_qualification("09628")))
    assert [r.by for r in best.steps[0].replaced_by] == ["ocr-10380"]


def test_find_routes__a_documented_step_into_a_legacy_qualification_counts_as_doubtful(
        catalogue, graph):
    """09628's handbook leads to 03455, which the sources call legacy and whose dates they do
    not give ("it may well have stopped taking new learners since"): routes through
    qualifications not called legacy come first, the documented one to 03455 after them."""
    onward = list(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                              as_at=dt.date(2026, 11, 30)))
    ends = [route.path[-1].reference for route in onward]
    assert ends[0] == "10379"
    legacy = onward[ends.index("03455")]
    assert legacy.documented and legacy.cost.legacy_steps == 1
    assert all(r.cost.legacy_steps == 0 for r in onward[:ends.index("03455")])
    # Two routes into the same legacy qualification: the documented one first.
    to_03456 = list(find_routes(catalogue, from_qualification=catalogue.find_qualification(
        "09628"), to_qualification=catalogue.find_qualification("03456"),
        as_at=dt.date(2015, 6, 1)))
    assert [r.path[-1].reference for r in to_03456] == ["03456", "03456"]
    assert [len(r.steps) for r in to_03456] == [2, 1] and to_03456[0].documented


def test_find_routes__national_structures_are_never_a_step(catalogue, graph):
    for level in (1, 2, 3, 4):
        for route in find_routes(catalogue, to_level=level):
            assert all(s.to.category is Category.QUALIFICATION for s in route.steps)


def test_find_routes__from_nothing_starts_at_the_target(catalogue, graph):
    target = catalogue.find_qualification("09629")
    found = list(find_routes(catalogue, to_qualification=target))
    assert ids(found[0]) == ["ocr-09629"]
    assert found[0].steps[0].kind is StepKind.START and found[0].steps[0].from_ is None
    # Or at the lowest level, then on up by progression statements.
    assert all(r.steps[0].kind is StepKind.START for r in found)
    assert all(r.path[0].level == 1 or r.path[0] == target for r in found)


def test_find_routes__from_units_held(catalogue, graph):
    found = list(find_routes(catalogue, units=["D/502/9654"],
                             to_qualification=catalogue.find_qualification("09629")))
    assert [ids(r) for r in found[:2]] == [["ocr-09629"], ["ocr-09628", "ocr-09629"]]
    assert found[0].steps[0].carry_over.transfers == ("D/502/9654",)
    assert found[0].additional_credits == 12
    # 09628 is Level 2, not the lowest level: it starts a route because it lists the unit held.
    assert found[1].steps[0].statement == "Start here: it lists units already held."
    # Said once, not "Where to start: Start here: ...".
    assert labels.step_explained(found[1].steps[0]) == "Start here: it lists units already held."


def test_find_routes__onward_from_units_alone_starts_low_or_where_the_units_are(catalogue, graph):
    """With units held and no target, a route starts at the lowest level or at a qualification
    that lists a unit held: never at every qualification, "at Level None, the target level"."""
    found = list(find_routes(catalogue, units=["D/502/9654"], as_at=WHILE_OPEN))
    starts = {route.steps[0].to.id: route.steps[0].statement for route in found}
    assert starts["ocr-09628"] == "Start here: it lists units already held."
    lowest = min(q.level for q in catalogue.qualifications.values() if q.level is not None)
    for route in found:
        first = route.steps[0]
        assert "None" not in first.statement and "target" not in first.statement
        if first.kind is StepKind.START:
            assert (first.to.level == lowest
                    or "D/502/9654" in units_of(graph, first.to.id)), first.to.id


def test_find_routes__onward_no_later_step_the_one_before_already_completes(catalogue):
    """10379 and OCN London's Level 2 Diploma follow the same national structure: after 10379
    the Diploma needs no more credits at the same level, so it is no step on. Without it the
    documented 09628 -> 03455 is among the first five routes onward."""
    found = list(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                             as_at=TODAY))
    for route in found:
        for before, step in zip(route.steps, route.steps[1:], strict=False):
            assert step.additional_credits != 0 or step.to.level > before.to.level, (
                [q.reference for q in route.path])
    assert ["09628", "03455"] in [[q.reference for q in r.path] for r in found[:5]]
    # With a target the same step is kept: taking 10379 completes the Diploma too.
    diploma = catalogue.qualifications["ocnlr-l2-diploma-customer-service"]
    to_it = list(find_routes(catalogue, from_qualification=catalogue.find_qualification("09628"),
                             to_qualification=diploma, as_at=TODAY))
    assert ["09628", "10379", diploma.reference] in [[q.reference for q in r.path]
                                                     for r in to_it]


@pytest.mark.parametrize(("start", "target"), [
    ("09629", {"to_level": 3}),
    ("09629", {"to_level": 2}),
    ("09628", {"to_qualification": "09628"}),
])
def test_find_routes__already_there_yields_nothing(catalogue, graph, start, target):
    if "to_qualification" in target:
        target = {"to_qualification": catalogue.find_qualification(target["to_qualification"])}
    start_q = catalogue.find_qualification(start)
    assert already_reached(start_q, **target)
    assert list(find_routes(catalogue, from_qualification=start_q, **target)) == []


def test_find_routes__no_route_is_not_already_there(catalogue, graph):
    legacy = catalogue.find_qualification("04522")  # no level, no progression in the sources
    assert not already_reached(legacy, to_level=3)
    assert list(find_routes(catalogue, from_qualification=legacy, to_level=3,
                            include_direct=False)) == []


def test_find_routes__max_steps_bounds_every_route(catalogue, graph):
    for max_steps in (1, 2, 3):
        found = list(find_routes(catalogue, to_level=4, max_steps=max_steps))
        assert found and all(len(r.steps) <= max_steps for r in found)


@pytest.mark.parametrize("query", [
    {"to_level": 2}, {"to_level": 3}, {"to_level": 4}, {"to_qualification": "03456"},
    {"to_level": 4, "from_qualification": "10378"},
    {"to_level": 2, "from_qualification": "601/4404/X"},
    {"to_level": 3, "from_qualification": "601/4404/X", "max_steps": 5},
])
def test_find_routes__best_first_without_cycles(catalogue, graph, query):
    query = {k: catalogue.find_qualification(v) if k.endswith("qualification") else v
             for k, v in query.items()}
    found = list(find_routes(catalogue, **query))
    assert found
    costs = [r.cost for r in found]
    assert costs == sorted(costs)
    assert len({tuple(ids(r)) for r in found}) == len(found)
    for route in found:
        assert len(set(ids(route))) == len(route.path)
        assert route.cost.ids == tuple(ids(route))


def test_find_routes__the_expansion_cap_ends_the_search(catalogue, graph):
    everything = list(find_routes(catalogue, to_level=4, max_steps=6))
    capped = list(find_routes(catalogue, to_level=4, max_steps=6, max_expansions=5))
    assert len(capped) < len(everything)
    assert capped == everything[:len(capped)]


@pytest.mark.parametrize(("kwargs", "argument", "message"), [
    ({}, "to_qualification", "give a target, or what the learner holds"),
    ({"to_level": 3, "to_qualification": "09629"}, "to_level",
     "give a target qualification or a target level, not both"),
    ({"to_level": 7}, "to_level",
     "no qualification in the catalogue is at Level 7; the levels are 1, 2, 3, 4"),
    ({"to_qualification": "S/016/608"}, "to_qualification",
     "Level 2 Diploma in Customer Service (national structure S/016/608) is a national "
     "structure that awarding bodies' qualifications follow, not a qualification learners "
     "enrol on: name one of those qualifications"),
    ({"to_level": 3, "from_qualification": "S/016/371"}, "from_qualification",
     "is a national structure"),
    ({"to_level": 3, "max_steps": 0}, "max_steps", "max_steps must be at least 1, not 0"),
    ({"to_level": 3, "max_expansions": 0}, "max_expansions", "at least 1"),
    ({"to_level": 3, "units": "D/502/9654"}, "units", "a list of URNs, not one string"),
])
def test_find_routes__bad_endpoints_raise_at_once(catalogue, graph, kwargs, argument, message):
    kwargs = {k: catalogue.find_qualification(v) if k.endswith("qualification") else v
              for k, v in kwargs.items()}
    with pytest.raises(RouteError) as raised:
        find_routes(catalogue, **kwargs)  # not iterated: checked before any search
    assert isinstance(raised.value, ValueError)
    assert raised.value.argument == argument
    assert message in str(raised.value)


def test_find_routes__a_qualification_from_elsewhere_is_refused(catalogue, graph):
    stranger = catalogue.find_qualification("09629").model_copy(update={"id": "xx-09629"})
    with pytest.raises(RouteError, match="'xx-09629' is not a qualification of this catalogue"):
        find_routes(catalogue, to_qualification=stranger)


def test_route_dict__is_json_ready_and_matches_the_route(catalogue, graph):
    route = next(find_routes(catalogue, to_level=3, as_at=WHILE_OPEN,
                             from_qualification=catalogue.find_qualification("09628")))
    data = json.loads(json.dumps(json_shapes.route_dict(catalogue, route)))
    assert [q["id"] for q in data["path"]] == ["ocr-09628", "ocr-09629"]
    (step,) = data["steps"]
    assert step["from"]["code"] == "09628" and step["to"]["code"] == "09629"
    assert step["edge"] == "stated"
    assert [(s["file"], s["section"]) for s in step["source"]] == [
        ("001_1a36f8904fba0327.txt", "2.7 Progression opportunities")]
    assert [u["urn"] for u in step["transfers"]] == ["D/502/9654"]
    assert step["credits_transferred"] == 5
    assert [u["urn"] for u in step["plan_units"]] == ["H/502/9655", "K/502/9656"]
    assert step["additional_credits"] == 12
    assert step["replaced_by"][0]["by"] == "ocr-10380"
    assert data["status"] == "open" and data["as_at"] == "2015-06-01"
    assert step["status"]["value"] == "open"
    assert data["cost"] == {"status_rank": 0, "non_stated_steps": 0, "legacy_steps": 0,
                            "shared_unit_steps": 0,
                            "unknown_credit_steps": 0, "additional_credits_known": 12,
                            "steps": 1, "ids": ["ocr-09628", "ocr-09629"]}


def test_route_dict__unknown_credits_stay_unknown(catalogue, graph):
    found = find_routes(catalogue, to_level=2,
                        from_qualification=catalogue.find_qualification("601/4404/X"))
    unknown = next(r for r in found if r.additional_credits is None)
    data = json_shapes.route_dict(catalogue, unknown)
    assert data["additional_credits"] is None
    assert data["steps"][0]["additional_credits"] is None
    assert data["steps"][0]["rules_known"] is False


# ---------------------------------------------------------------------- synthetic catalogues

CITE = "doc.txt § Structure"


def _urn(i: int) -> str:
    return f"A/{i:03d}/{i:04d}"


def _qualification(qid: str, level: int | None, urns=(), *, category=Category.QUALIFICATION,
                   based_on: str | None = None, legacy: bool = False) -> Qualification:
    rules = None
    if urns:
        rules = RulesOfCombination(
            credits_required=3 * len(urns), source=CITE,
            groups=[Group(id="A", title="Mandatory", mandatory=True, source=CITE,
                          units=[GroupMember(urn=u) for u in urns])])
    return Qualification(
        id=qid, category=category, awarding_body="AB", title=f"Qualification {qid}",
        level=level, structure="complete" if rules else "unknown", rules=rules,
        based_on=BasedOn(structure=based_on, source=CITE) if based_on else None, legacy=legacy,
        source=CITE)


def _catalogue(qualifications, progressions, n_units: int = 6) -> Catalogue:
    """A catalogue built straight from models: every unit has 3 credits."""
    return Catalogue.from_records(
        documents={"doc.txt": Document(file="doc.txt", title="Doc", publisher="AB",
                                       kind="primary")},
        units={_urn(i): Unit(urn=_urn(i), title=f"Unit {i}", level=1, credits=3, source=CITE)
               for i in range(n_units)},
        qualifications={q.id: q for q in qualifications},
        progressions=tuple(
            Progression(from_=a, to=b, statement=f"{a} leads to {b}.",
                        source=[Citation(doc="doc.txt", section="Progression",
                                         basis=None if stated else Basis.INFERENCE)])
            for a, b, stated in progressions),
    )


def _fan(width: int) -> Catalogue:
    """One Level 1 qualification leads to ``width`` Level 2 ones, each to ``width`` Level 3
    ones. Only the first branch at each level is stated; the rest are inferred. (Qualifications
    at one level share their unit, so shared-units steps would add sideways routes.)"""
    qualifications = [_qualification("l1", 1, [_urn(0)])]
    progressions = []
    for i in range(width):
        qualifications.append(_qualification(f"l2-{i}", 2, [_urn(1)]))
        progressions.append(("l1", f"l2-{i}", i == 0))
        for j in range(width):
            if i == 0:
                qualifications.append(_qualification(f"l3-{j}", 3, [_urn(2)]))
            progressions.append((f"l2-{i}", f"l3-{j}", j == 0))
    return _catalogue(qualifications, progressions)


def test_find_routes__shared_units_cross_to_a_qualification_that_follows_a_structure():
    catalogue = _catalogue([
        _qualification("body-a-l1", 1, [_urn(0), _urn(1)]),
        _qualification("structure-l2", 2, [_urn(1), _urn(2)],
                       category=Category.NATIONAL_STRUCTURE),
        _qualification("body-b-l2", 2, based_on="structure-l2"),
    ], [])
    start = catalogue.qualifications["body-a-l1"]
    (route,) = find_routes(catalogue, from_qualification=start,
                           to_level=2)
    assert ids(route) == ["body-a-l1", "body-b-l2"]
    step = route.steps[0]
    assert step.kind is StepKind.SHARED_UNITS and step.shared_units == (_urn(1),)
    assert step.carry_over.transfers == (_urn(1),)
    assert step.additional_credits == 3
    without = find_routes(catalogue, from_qualification=start,
                          to_level=2, include_shared_units=False, include_direct=False)
    assert list(without) == []


@st.composite
def small_catalogues(draw):
    """Up to six qualifications at Levels 1-3 (a few with no level), some with unknown rules,
    some legacy (none has dates, so each is not known to be open), a national structure or
    two, progression statements (stated or inferred, mostly upwards, and cycles allowed), and a
    query: a start (or none) and a target."""
    n = draw(st.integers(2, 6))
    levels = sorted(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    qualifications = []
    for i, level in enumerate(levels):
        urns = draw(st.lists(st.sampled_from([_urn(k) for k in range(4)]), max_size=3,
                             unique=True))
        category = draw(st.sampled_from([Category.QUALIFICATION] * 4
                                        + [Category.NATIONAL_STRUCTURE]))
        if category is Category.NATIONAL_STRUCTURE and (not urns or i == 0):
            category = Category.QUALIFICATION  # q0 is enrolable: there is something to aim at
        qualifications.append(_qualification(
            f"q{i}", draw(st.sampled_from([level] * 5 + [None])), urns, category=category,
            legacy=draw(st.booleans())))
    structures = [q.id for q in qualifications if q.category is Category.NATIONAL_STRUCTURE]
    if structures:
        qualifications = [
            _qualification(q.id, q.level, based_on=draw(st.sampled_from(structures)),
                           legacy=q.legacy)
            if q.rules is None and draw(st.booleans()) else q
            for q in qualifications]
    ids_ = [q.id for q in qualifications]
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids_), st.sampled_from(ids_),
                                    st.booleans()), max_size=10))
    progressions = list(dict.fromkeys((a, b, stated) for a, b, stated in pairs if a != b))
    catalogue = _catalogue(qualifications, progressions)
    enrolable = [q for q in qualifications if q.category is Category.QUALIFICATION]
    start = draw(st.sampled_from(enrolable) | st.none())
    known_levels = sorted({q.level for q in enrolable if q.level is not None})
    if known_levels and draw(st.booleans()):
        target = {"to_level": draw(st.sampled_from(known_levels[::-1]))}
    else:
        target = {"to_qualification": draw(st.sampled_from(enrolable[::-1]))}
    options = {
        "max_steps": draw(st.integers(1, 4)),
        "include_inferred": draw(st.booleans()),
        "include_shared_units": draw(st.booleans()),
        # Replacement and direct steps are not progression edges: the brute force below walks
        # progressions and shared units only.
        "include_direct": False,
    }
    return catalogue, start, target, options


def _expected_paths(catalogue, start, target, options) -> set[tuple[str, ...]]:
    """Every simple path of allowed steps to the first target, by brute force."""
    enrolable = [q for q in catalogue.qualifications.values()
                 if q.category is Category.QUALIFICATION]

    def units(q):
        rules, _ = catalogue.effective_rules(q)
        return {m.urn for g in rules.groups for m in g.units} if rules else set()

    progress: dict[tuple[str, str | None], Basis] = {}
    for p in catalogue.progressions:  # a stated statement outranks an inferred one
        if progress.get((p.from_, p.to)) is not Basis.STATED:
            progress[(p.from_, p.to)] = catalogue.basis(p.source[0])

    def step_allowed(a, b):
        if b.category is not Category.QUALIFICATION:
            return False
        basis = progress.get((a.id, b.id))
        offered = basis is Basis.STATED or (basis is not None and options["include_inferred"])
        if offered:
            return True
        return (options["include_shared_units"] and a.level is not None
                and b.level in (a.level, a.level + 1) and bool(units(a) & units(b)))

    def goal(q):
        if "to_qualification" in target:
            return q.id == target["to_qualification"].id
        return q.level == target["to_level"]

    def may_enter(q):
        level = target.get("to_level")
        return level is None or q.level is None or q.level <= level

    def adds_nothing(last, q, held):
        """A later step no higher than the one before, whose units (all mandatory here) are
        held already, and that is not the target: no step on."""
        rules, _ = catalogue.effective_rules(q)
        return (rules is not None and units(q) <= held and q.level is not None
                and last.level is not None and q.level <= last.level
                and q.id != getattr(target.get("to_qualification"), "id", None))

    def same_structure(last, q):
        """Another awarding body's version of the one before: one structure, one level."""
        return (last.level is not None and last.level == q.level and last.based_on is not None
                and q.based_on is not None and last.based_on.structure == q.based_on.structure
                and q.id != getattr(target.get("to_qualification"), "id", None))

    if start is None:
        lowest = min((q.level for q in enrolable if q.level is not None), default=None)
        firsts = [q for q in enrolable
                  if (goal(q) or (q.level is not None and q.level == lowest)) and may_enter(q)]
        frontier = [((q.id,), q, frozenset(units(q))) for q in firsts]
    else:
        frontier = [((start.id,), start, frozenset(units(start)))]
    found = set()
    while frontier:
        path, last, held = frontier.pop()
        steps = len(path) - (start is not None)
        if steps and goal(last):
            found.add(path)
            continue
        if steps >= options["max_steps"]:
            continue
        for q in enrolable:
            if (q.id not in path and may_enter(q) and step_allowed(last, q)
                    and not (steps and adds_nothing(last, q, held))
                    and not same_structure(last, q)):
                frontier.append(((*path, q.id), q, held | units(q)))
    return found


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_catalogues())
def test_find_routes__yields_exactly_the_bounded_simple_paths_best_first(case):
    """Every route yielded has at most ``max_steps`` steps, no repeated qualification, only
    enrolable step targets, and a cost recomputed from its steps; costs never decrease; and the
    routes are exactly the simple paths a brute-force walk finds."""
    catalogue, start, target, options = case

    if already_reached(start, **target):
        assert list(find_routes(catalogue, from_qualification=start, **target,
                                **options)) == []
        return
    found = list(find_routes(catalogue, from_qualification=start, **target, **options))
    costs = [r.cost for r in found]
    assert costs == sorted(costs)
    for route in found:
        path = tuple(ids(route))
        assert len(route.steps) <= options["max_steps"]
        assert len(set(path)) == len(path)
        assert all(s.to.category is Category.QUALIFICATION for s in route.steps)
        step_kinds = kinds(route)
        assert route.cost.non_stated_steps == sum(
            k in (StepKind.INFERRED, StepKind.SHARED_UNITS) for k in step_kinds)
        assert route.cost.shared_unit_steps == step_kinds.count(StepKind.SHARED_UNITS)
        assert route.cost.legacy_steps == sum(s.to.legacy and s.status.status is Status.UNKNOWN
                                              for s in route.steps)
        assert route.cost.unknown_credit_steps == sum(
            s.additional_credits is None for s in route.steps)
        assert route.cost.additional_credits == sum(s.additional_credits or 0
                                                    for s in route.steps)
        if not options["include_inferred"]:
            assert StepKind.INFERRED not in step_kinds
        if not options["include_shared_units"]:
            assert StepKind.SHARED_UNITS not in step_kinds
    paths = [tuple(ids(r)) for r in found]
    assert len(set(paths)) == len(paths)
    assert set(paths) == _expected_paths(catalogue, start, target, options)


def test_still_needed__a_step_says_up_to_where_a_unit_held_may_count_too(catalogue, capsys):
    """09628 to 10379: the sources list only some of 10379's units, so 09628's units may count
    too; the plan's 45 credits are the most still needed, and the step says so, on the page
    and the command line alike (the routes table says "not known")."""
    from advisor import text

    start = catalogue.find_qualification("09628")
    route = next(find_routes(catalogue, from_qualification=start,
                             to_qualification=catalogue.find_qualification("10379"),
                             as_at=TODAY))
    (step,) = route.steps
    assert step.credits_still_needed is None
    needed = text.still_needed(step)
    assert (needed.tone, needed.words) == (
        text.Tone.PLAN, "up to 45 credits, about 264 guided learning hours: the sources list "
        "only some of its units, so a unit already held may count too and leave less to do")
    assert main(["routes", "--from", "09628", "--to", "10379", "--limit", "1"]) == 0
    assert f"    still needed: {needed.words}\n" in capsys.readouterr().out


def test_route_fits_aim__not_working_a_qualification_assessed_at_work_does_not_simply_fit(
        catalogue, graph):
    """For a 16-year-old not working who wants knowledge, starting at Level 1: a route ending
    in 10379 (knowledge and competence in one, its competence assessed at work) fits the aim
    only with a job or a work placement, as the starting level says of such an option, and
    says why, with the source of how competence is assessed; working, or not saying, it fits
    as before. The routes ending in a knowledge qualification come before it."""
    from advisor import Aim, Employment, learner_can_start_first, route_fits_aim

    found = list(find_routes(catalogue, to_level=2, start_level=1))
    to_10379 = next(r for r in found if r.path[-1].reference == "10379")
    fit = route_fits_aim(catalogue, to_10379, Aim.KNOWLEDGE, employment=Employment.NOT_WORKING)
    assert fit.fits is True and fit.needs_work
    assert fit.why == (
        "It combines knowledge and competence, and its competence part is assessed at work "
        "(an assessor watches the learner do the job). A qualification of knowledge alone gives "
        "what they want without one.")
    assert "003_6006b2829cc9c277.txt § ASSESSMENT" in {c.label() for c in fit.source}
    working = route_fits_aim(catalogue, to_10379, Aim.KNOWLEDGE, employment=Employment.WORKING)
    assert working.fits is True and not working.needs_work
    assert route_fits_aim(catalogue, to_10379, Aim.KNOWLEDGE).fits is True
    # Wanting competence, it fits: what they want is assessed at work, and that is said.
    competence = route_fits_aim(catalogue, to_10379, Aim.COMPETENCE,
                                employment=Employment.NOT_WORKING)
    assert competence.fits is True and competence.needs_work
    assert "It is assessed at work (an assessor watches" in competence.why
    ordered = learner_can_start_first(catalogue, found, age=16, aim=Aim.KNOWLEDGE,
                                      employment=Employment.NOT_WORKING, start_level=1)
    ends = [r.path[-1].reference for r in ordered]
    assert ends.index("OCNLR L2 Principles") < ends.index("10379")
    assert all(route_fits_aim(catalogue, r, Aim.KNOWLEDGE,
                              employment=Employment.NOT_WORKING).needs_work
               for r in ordered if r.path[-1].reference == "10379")
