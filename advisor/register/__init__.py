"""The regulator's register: Ofqual's full data set of regulated qualifications, imported into
an embedded SQLite database.

It sits beside :mod:`advisor.catalogue` in the lowest layer and imports nothing from the rest
of the advisor. The catalogue holds what the documents say (units, rules of combination, each
fact cited); the register holds what the regulator records today for every qualification
(number, title, awarding organisation, level, credits, hours, status and dates). The engine
reads both.

:func:`import_register` builds the database from the CSV file; :func:`open_register` opens it
read-only (None when there is none, and everything answers from the catalogue alone).
"""

from advisor.register._rows import (
    ENTRY,
    REQUIRED_COLUMNS,
    RegisterProblem,
    normalise_number,
)
from advisor.register._store import (
    PUBLISHER,
    REGISTER_ENV,
    ImportRecord,
    ImportRefused,
    ImportResult,
    Register,
    RegisterEntry,
    RegisterError,
    default_register_path,
    import_register,
    open_register,
)

__all__ = [
    "ENTRY",
    "PUBLISHER",
    "REGISTER_ENV",
    "REQUIRED_COLUMNS",
    "ImportRecord",
    "ImportRefused",
    "ImportResult",
    "Register",
    "RegisterEntry",
    "RegisterError",
    "RegisterProblem",
    "default_register_path",
    "import_register",
    "normalise_number",
    "open_register",
]
