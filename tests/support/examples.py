"""How many examples each Hypothesis test tries: every one in CI, a fifth on a developer's
machine.

CI (where ``CI`` is set, as ``.ci/run`` runs) and ``HYPOTHESIS_PROFILE=ci`` use the ``ci``
profile; otherwise ``dev``. A test states the number it tries in CI, ``examples(300)``.
"""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")

settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(PROFILE)


def examples(in_ci: int) -> int:
    """``in_ci`` under the ``ci`` profile; a fifth of it (at least 10) under ``dev``."""
    return in_ci if PROFILE == "ci" else max(10, in_ci // 5)
