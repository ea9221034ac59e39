"""Data Docs open offline: shipped assets replace the CDN files, old runs are pruned, every suite
and validation is listed in the index Chromium renders with the network blocked."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from great_expectations import expectations as gxe

from flows.quality.data_docs import ASSETS_DIR, LOCAL_ASSETS, localise_page
from flows.quality.gate import run_gate
from flows.quality.severity import blocking, warning
from flows.settings import Settings
from .browser import dump_dom_offline, rendered_cells

GX_TEMPLATES = Path(gxe.__file__).resolve().parents[1] / "render" / "view" / "templates"


def test_every_cdn_file_the_gx_templates_load_is_shipped_or_dropped():
    html = "\n".join(p.read_text(encoding="utf-8") for p in GX_TEMPLATES.glob("*.j2"))
    localised = localise_page(html, "static/vendor")
    assert not re.search(r"<(script|link|img)\b[^>]*\b(src|href)=[\"']https?://", localised)
    for _, asset in LOCAL_ASSETS:
        assert (ASSETS_DIR / asset).stat().st_size > 100
        assert f"static/vendor/{asset}" in localised


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("data_docs")
    settings = Settings(warehouse_dir=root / "warehouse", expectations_dir=root / "expectations", data_docs_keep_runs=2)
    settings.candidate_dir.mkdir(parents=True)
    pd.DataFrame({"k": ["a", "b"], "v": [1, 50]}).to_parquet(settings.candidate_dir / "fct_checked.parquet")
    pd.DataFrame({"k": ["a", "b"]}).to_parquet(settings.candidate_dir / "dim_other.parquet")
    suites = {"fct_checked": [blocking(gxe.ExpectColumnValuesToBeUnique(column="k")),
                              blocking(gxe.ExpectColumnValuesToBeBetween(column="v", min_value=0, max_value=10))],
              "dim_other": [warning(gxe.ExpectColumnValuesToBeUnique(column="k"))]}
    results = [run_gate(settings, gate="test", staged_dir=settings.candidate_dir, tables=list(suites), suites=suites,
                        run_id=f"docs-run-{i}") for i in range(3)]
    return {"settings": settings, "results": results}


def test_data_docs_live_beside_the_warehouse_and_keep_only_the_newest_runs(site):
    settings = site["settings"]
    assert site["results"][-1].data_docs == str(settings.warehouse_dir / "data_docs" / "index.html")
    runs = {p.name for p in (settings.data_docs_dir / "validations" / "fct_checked_suite").iterdir()}
    assert runs == {"docs-run-1", "docs-run-2"}
    stored = {p.name for p in (settings.expectations_dir / "gx" / "uncommitted" / "validations" / "fct_checked_suite").iterdir()}
    assert stored == {"docs-run-1", "docs-run-2"}


def test_index_renders_every_suite_and_validation_with_the_network_blocked(site):
    cells = rendered_cells(dump_dom_offline(site["settings"].data_docs_index))
    assert {"fct_checked_suite", "dim_other_suite", "docs-run-1", "docs-run-2"} <= cells


def test_a_failed_validation_page_renders_styled_with_its_failing_values(site):
    page = next((site["settings"].data_docs_dir / "validations" / "fct_checked_suite" / "docs-run-2").rglob("*.html"))
    dom = dump_dom_offline(page)
    assert "static/vendor/bootstrap.min.css" in dom
    assert "Failed" in dom or "failed" in dom
    assert ">50<" in dom.replace(" ", "")  # the failing value is shown
