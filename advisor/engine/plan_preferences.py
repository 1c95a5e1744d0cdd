"""What chooses among a learner's smallest plans (:class:`~advisor.engine.planner.PlanPreference`):
never a bigger plan by the objective (credits, or hours), only which of the plans of that
smallest size; the other measure may grow (a plan as small in credits may take more hours).

* For a learner not working, the units a source says are assessed in a particular job (the
  2014-15 report on 10378's contact-centre unit: "it is expected that the assessor will gather
  evidence by observing the learner and listen in to the call they make/answer", a unit's
  ``assessment`` in ``data/units``) are left out wherever a plan as small does without them;
  where none does, the plan keeps one and the answer says so
  (:func:`~advisor.engine.fits.units_assessed_in_a_job`).
* On a route, a step's plan takes units the next step counts too (the same unit reference
  number listed by its rules on the date) rather than others of the same size: 601/4404/X's
  Level 2 telephone units, which 10379 counts, rather than Level 1 units it does not.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from advisor.catalogue import Catalogue, Qualification
from advisor.engine.combination import check_combination
from advisor.engine.combination_types import CombinationCheck
from advisor.engine.planner import NO_PREFERENCE, PlanPreference
from advisor.engine.recommend_types import Employment
from advisor.engine.structure_dates import rules_known_later

__all__ = ["check_for_learner", "counted_by", "needing_a_job", "plan_preference"]


@functools.lru_cache(maxsize=8)
def needing_a_job(catalogue: Catalogue) -> frozenset[str]:
    """The URNs of the units a source says are assessed in a particular job (a unit's
    ``assessment``)."""
    return frozenset(urn for urn, unit in catalogue.units.items() if unit.assessment is not None)


def counted_by(catalogue: Catalogue, q: Qualification | None,
               as_at: dt.date | None) -> frozenset[str]:
    """The URNs a unit held would count by towards ``q``: those its rules list on ``as_at``
    (none where its rules are not known then, or there is no ``q``)."""
    if q is None or rules_known_later(catalogue, q, as_at) is not None:
        return frozenset()
    return catalogue.listed_units(q)


def plan_preference(catalogue: Catalogue, *, employment: Employment | None = None,
                    towards: frozenset[str] = frozenset()) -> PlanPreference:
    """The preference for a learner's plans: for one not working, to leave out the units
    assessed in a particular job (:func:`needing_a_job`); ``towards``, units to take rather
    than others of the same size (what a route's next step counts, :func:`counted_by`)."""
    avoid = needing_a_job(catalogue) if employment is Employment.NOT_WORKING else frozenset()
    if not avoid and not towards:
        return NO_PREFERENCE
    return PlanPreference(avoid=avoid, towards=towards)


def check_for_learner(catalogue: Catalogue, q: Qualification, held: Iterable[str], *,
                      as_at: dt.date | None, employment: Employment | None) -> CombinationCheck:
    """The check of ``held`` against ``q`` (:func:`~advisor.engine.combination.check_combination`),
    its plan chosen for a learner in ``employment`` (:func:`plan_preference`)."""
    return check_combination(catalogue, q, held, as_at=as_at,
                             preference=plan_preference(catalogue, employment=employment))
