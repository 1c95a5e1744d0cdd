"""The files layer: bytes and text in and out.

Learners files read in, safe CSV and Excel written out, answers in a page address, JSON for
the command line, and the printable action plan. It may use the views' wording and tables.
"""
