"""Headless Chromium with every network route blocked, for the offline Data Docs tests."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def dump_dom_offline(page: Path) -> str:
    """The page's DOM after its scripts ran, with DNS answering nothing and a dead proxy for the rest."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("chromium is missing: `make test` installs it (infra/ensure_browser.sh)")
    out = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         '--host-resolver-rules=MAP * ~NOTFOUND', "--proxy-server=http://127.0.0.1:9",
         "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def rendered_cells(dom: str) -> set[str]:
    """Texts of the table cells bootstrap-table drew (absent when its script did not load)."""
    import re

    return {m.strip() for m in re.findall(r"<td[^>]*>([^<]+)<", dom)}
