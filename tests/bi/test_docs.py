"""`make docs`: the dbt documentation as one HTML file that renders from disk in Chromium with all network blocked."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from flows.settings import PROJECT_ROOT

# Every name lookup fails and every request goes to a closed port: nothing can come from a network.
NO_NETWORK = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def test_make_docs_builds_a_static_site_that_renders_offline(bi_warehouse):
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("chromium missing: `make test` installs it (infra/ensure_browser.sh)")
    built = subprocess.run(["make", "-s", "-o", ".venv/.installed", "docs", f"PLANWATCH_WAREHOUSE={bi_warehouse['warehouse']}"],
                           cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr + built.stdout
    index = bi_warehouse["warehouse"] / "docs" / "index.html"
    assert str(index) in built.stdout
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", *NO_NETWORK,
                          "--virtual-time-budget=15000", "--dump-dom",
                          f"file://{index}#!/model/model.planwatch.fct_target_attainment"],
                         capture_output=True, text=True, timeout=120).stdout
    # Rendered by the page's own scripts from the inlined manifest (which holds the text only as \\u escapes).
    assert '<span class="break ng-binding">fct_target_attainment</span>' in dom
    assert "status (目标完成情况)" in dom
