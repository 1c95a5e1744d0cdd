"""Eligibility and progression advice for UK vocational Customer Service qualifications.

This module is the advisor's public API: the app, the command line and the tests import from
here, and the sub-packages behind it may be rearranged without breaking them. The layers, each
importing only those below it:

* ``advisor.catalogue``: typed records read from cited YAML, validated, with their graph;
  beside it ``advisor.register``: the regulator's register of qualifications (Ofqual's full
  data set) in an embedded SQLite database;
* ``advisor.engine``: answers (rules of combination, plans, eligibility, carry-over, starting
  level, routes, frameworks, cohorts);
* ``advisor.views``: labels, tables, charts and plain text for people (exported here as the
  modules ``labels``, ``tables``, ``charts``, ``cohort_tables`` and ``text``);
* ``advisor.formats``: files and links (cohort files, spreadsheets, JSON, share links, the
  action plan);
* ``advisor.cli``: the command line.

The package never imports Streamlit.
"""

from advisor.catalogue import (
    DATA_DIR_ENV,
    Basis,
    Catalogue,
    CatalogueError,
    Category,
    Citation,
    CreditRule,
    Document,
    DocumentKind,
    Group,
    GroupMember,
    Kind,
    Problem,
    Qualification,
    RulesOfCombination,
    Statement,
    Structure,
    Unit,
    UnknownReference,
    default_data_dir,
    followers_of,
    format_path,
    iter_citations,
    progressions_from,
    qualifications_at_level,
    qualifications_containing,
    shared_units,
    units_of,
    units_with_same_title,
)
from advisor.engine import answers
from advisor.engine.answers import AnswerError
from advisor.engine.carryover import (
    CarryOver,
    EvidenceNote,
    NotTransferable,
    Similar,
    carry_over,
    units_of_qualification,
)
from advisor.engine.cohort import (
    ASSESSED,
    NOT_ASSESSED,
    CohortInput,
    CohortResult,
    LearnerResult,
    LearnerRow,
    RowProblem,
    Severity,
    assess_cohort,
)
from advisor.engine.combination import (
    CombinationCheck,
    Plan,
    RuleKind,
    RuleResult,
    check_combination,
    describe_unit,
    resolve_units,
)
from advisor.engine.eligibility import (
    Eligibility,
    Reason,
    ReasonCode,
    Status,
    StatusOnDate,
    age_bands_for,
    check_eligibility,
    status_on,
)
from advisor.engine.frameworks import ComponentStatus, FrameworkStatus, check_framework
from advisor.engine.job_roles import RoleMatch, match_role
from advisor.engine.planner import Objective, PlanningError, PlanUnit, search_plan
from advisor.engine.recommend import (
    Aim,
    Employment,
    Finding,
    Option,
    Profile,
    Recommendation,
    level_3_statements,
    recommend,
)
from advisor.engine.registered import (
    REGISTER_SUBJECT,
    find_qualification,
    from_register,
    register_qualification,
)
from advisor.engine.routes import (
    Route,
    RouteError,
    RouteStep,
    StepKind,
    already_reached,
    find_routes,
)
from advisor.engine.validation import load_catalogue, validate_catalogue
from advisor.engine.wording import count, uk_date
from advisor.formats import cohort_file, json_shapes
from advisor.formats.action_plan import ActionPlan, action_plan_html
from advisor.formats.cohort_file import (
    COLUMNS,
    read_cohort,
    template_csv_bytes,
    template_excel_bytes,
    template_guide_text,
)
from advisor.formats.links import (
    RouteQuery,
    decode_profile,
    decode_route,
    encode_profile,
    encode_route,
    without_control_characters,
)
from advisor.formats.spreadsheet import neutralise, to_csv_bytes, to_excel_bytes
from advisor.register import (
    ENTRY,
    REGISTER_ENV,
    ImportRecord,
    ImportRefused,
    ImportResult,
    Register,
    RegisterEntry,
    RegisterError,
    RegisterProblem,
    default_register_path,
    import_register,
    normalise_number,
    open_register,
)
from advisor.views import charts, cohort_tables, labels, tables, text

__version__ = "0.1.0"

__all__ = [
    "ASSESSED",
    "COLUMNS",
    "DATA_DIR_ENV",
    "ENTRY",
    "NOT_ASSESSED",
    "REGISTER_ENV",
    "REGISTER_SUBJECT",
    "ActionPlan",
    "Aim",
    "AnswerError",
    "Basis",
    "CarryOver",
    "Catalogue",
    "CatalogueError",
    "Category",
    "Citation",
    "CohortInput",
    "CohortResult",
    "CombinationCheck",
    "ComponentStatus",
    "CreditRule",
    "Document",
    "DocumentKind",
    "Eligibility",
    "Employment",
    "EvidenceNote",
    "Finding",
    "FrameworkStatus",
    "Group",
    "GroupMember",
    "ImportRecord",
    "ImportRefused",
    "ImportResult",
    "Kind",
    "LearnerResult",
    "LearnerRow",
    "NotTransferable",
    "Objective",
    "Option",
    "Plan",
    "PlanUnit",
    "PlanningError",
    "Problem",
    "Profile",
    "Qualification",
    "Reason",
    "ReasonCode",
    "Recommendation",
    "Register",
    "RegisterEntry",
    "RegisterError",
    "RegisterProblem",
    "RoleMatch",
    "Route",
    "RouteError",
    "RouteQuery",
    "RouteStep",
    "RowProblem",
    "RuleKind",
    "RuleResult",
    "RulesOfCombination",
    "Severity",
    "Similar",
    "Statement",
    "Status",
    "StatusOnDate",
    "StepKind",
    "Structure",
    "Unit",
    "UnknownReference",
    "__version__",
    "action_plan_html",
    "age_bands_for",
    "already_reached",
    "answers",
    "assess_cohort",
    "carry_over",
    "charts",
    "check_combination",
    "check_eligibility",
    "check_framework",
    "cohort_file",
    "cohort_tables",
    "count",
    "decode_profile",
    "decode_route",
    "default_data_dir",
    "default_register_path",
    "describe_unit",
    "encode_profile",
    "encode_route",
    "find_qualification",
    "find_routes",
    "followers_of",
    "format_path",
    "from_register",
    "import_register",
    "iter_citations",
    "json_shapes",
    "labels",
    "level_3_statements",
    "load_catalogue",
    "match_role",
    "neutralise",
    "normalise_number",
    "open_register",
    "progressions_from",
    "qualifications_at_level",
    "qualifications_containing",
    "read_cohort",
    "recommend",
    "register_qualification",
    "resolve_units",
    "search_plan",
    "shared_units",
    "status_on",
    "tables",
    "template_csv_bytes",
    "template_excel_bytes",
    "template_guide_text",
    "text",
    "to_csv_bytes",
    "to_excel_bytes",
    "uk_date",
    "units_of",
    "units_of_qualification",
    "units_with_same_title",
    "validate_catalogue",
    "without_control_characters",
]
