"""`fengcai import`: a model-worker register (.xlsx / .csv) → draft profiles and collectives.

    sheet.py         file → grids of cells (openpyxl; CSV in UTF-8 / GBK / UTF-16)
    header.py        the header row under titles and merged cells (two-row headers too)
    columns.py       header names → fields; personal-data and unused columns
    column_plan.py   one sheet's columns, with columns of ID/phone numbers dropped by content
    personal.py      personal data in cells (reuses generator/check/privacy.py)
    values.py        names, years, honours, levels, employer + position as people type them
    project_facts.py associations, regions and vocabularies of the project
    mapping.py       the optional mapping file
    rows.py          rows → Items (duplicates joined)
    existing.py      profiles already there, and content/import-records.json
    profiles.py      new file text from the `fengcai new` template / field-by-field update
    photos.py        portraits from --photos
    plan.py          all of the above → a Plan (nothing written)
    write.py         the Plan → files
    report.py        the --dry-run table and the summary
"""

from .errors import ImportStop
from .plan import Options, Plan, make_plan
from .write import write_plan

__all__ = ["ImportStop", "Options", "Plan", "make_plan", "write_plan"]
