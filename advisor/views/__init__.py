"""The views layer: what people read.

Labels, dates and citations in words, pandas tables, plotly charts and the cohort summaries.
It formats the engine's results and never works an answer out again.
"""
