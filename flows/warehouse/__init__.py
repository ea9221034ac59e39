"""The DuckDB warehouse: the raw schema, loading into it, and publishing validated snapshots."""
