"""The README's connection guides that can run here, run as written against a published snapshot, and the
documented read-only connection refusing writes and file access (issue 10: hardening for BI connections)."""
from __future__ import annotations

import contextlib
import io
import re

import duckdb
import pytest

from flows.settings import PROJECT_ROOT

GUIDE = re.compile(r"```python\n# planwatch-guide: (\S+)\n(.*?)```", re.S)


def readme_guides() -> dict[str, str]:
    return dict(GUIDE.findall((PROJECT_ROOT / "README.md").read_text(encoding="utf-8")))


def run_guide(name: str, published) -> tuple[dict, str]:
    """The guide's code with the README's relative paths pointing at the test's published folder."""
    code = readme_guides()[name]
    assert '"warehouse/published/planwatch.duckdb"' in code
    code = code.replace('"warehouse/published/', f'"{published}/')
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"README.md guide {name}", "exec"), namespace)
    return namespace, out.getvalue()


def test_readme_has_the_python_guides():
    assert {"duckdb", "pandas"} <= set(readme_guides())


def test_duckdb_guide_runs_and_prints_attainment_and_comments(bi_warehouse):
    namespace, printed = run_guide("duckdb", bi_warehouse["snapshot"].parent)
    try:
        assert "on_track" in printed and "no_data" in printed
        assert "Key of the target record." in printed and "(目标年度)" in printed  # column comments
    finally:
        namespace["con"].close()


@pytest.mark.parametrize("statement, refusal", [
    ("insert into marts.dim_region (region_code, region_name) values ('999999', 'x')", "read-only"),
    ("copy (select 1) to '{tmp}/out.csv'", "disabled by configuration"),
    ("copy marts.fct_target to '{tmp}/fct_target.parquet' (format parquet)", "disabled by configuration"),
    ("select * from read_text('/etc/hostname')", "disabled by configuration"),
    ("attach '{tmp}/other.duckdb' as other", "disabled by configuration"),
    ("set enable_external_access = true", "locked"),
], ids=["insert", "copy_to_csv", "copy_to_parquet", "read_text", "attach", "unlock"])
def test_documented_connection_refuses_writes_and_file_access(bi_warehouse, tmp_path, statement, refusal):
    namespace, _ = run_guide("duckdb", bi_warehouse["snapshot"].parent)
    con = namespace["con"]
    try:
        with pytest.raises(duckdb.Error, match=refusal):
            con.execute(statement.format(tmp=tmp_path))
    finally:
        con.close()
    assert list(tmp_path.iterdir()) == []


def test_pandas_guide_runs_from_the_database_and_the_parquet(bi_warehouse):
    namespace, printed = run_guide("pandas", bi_warehouse["snapshot"].parent)
    with duckdb.connect(str(bi_warehouse["snapshot"]), read_only=True) as con:
        n_targets = con.execute("select count(*) from marts.fct_target_attainment").fetchone()[0]
        n_categories = con.execute("select count(distinct category) from semantic.portfolio_investment_by_category_year").fetchone()[0]
    assert len(namespace["attainment"]) == n_targets
    assert len(namespace["portfolios"]) == n_categories
    assert "total_investment_100m_yuan" in printed
