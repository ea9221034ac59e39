"""Run bookkeeping for the pipeline: input fingerprints, the one-writer lock, the run log (audit).

Plain Python, no Prefect: the flows call these; tests call them directly.
"""
