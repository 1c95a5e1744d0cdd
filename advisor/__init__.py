"""Eligibility and progression advice for UK vocational Customer Service qualifications.

The package is a plain library: it never imports Streamlit. The app, the command line and the
exports all call the same functions and only format what they return.
"""

__version__ = "0.1.0"
