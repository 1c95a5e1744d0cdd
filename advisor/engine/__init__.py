"""The engine layer: answers worked out from the catalogue.

Rules of combination and the smallest completion plan, eligibility on a date, carry-over,
the starting level, routes, apprenticeship frameworks and cohort assessment. It imports the
catalogue layer only; its results are plain data that the views, files, CLI and app format.
"""
