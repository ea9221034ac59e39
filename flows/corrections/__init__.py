"""Reviewers' corrections: CSV files under `<warehouse>/corrections/`, checked against their contract
(contract.py) and loaded into `raw.corrections` (load.py); dbt applies them as an overlay on the
extracted records (int_records_corrected)."""
