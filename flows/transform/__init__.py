"""Transformation: dbt builds staging → intermediate → marts over the raw schema."""
