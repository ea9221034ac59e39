"""Data Docs that open from disk with no network, kept with the warehouse they describe.

GX 1.24 writes pages that load Bootstrap, bootstrap-table, jQuery … from public CDNs; offline, the
index (drawn by bootstrap-table) is empty and every page unstyled. After each build the assets
shipped in `data_docs_assets/` (npm dist files, see SOURCES.md) are copied into the site and every
page points at them by a relative path; remaining remote tags (charts, icons, logos) are removed so
a page never waits on the network. Old runs are pruned to the newest `keep` per suite.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

ASSETS_DIR = Path(__file__).with_name("data_docs_assets")
SITE_NAME = "local_site"
VENDOR = Path("static") / "vendor"
INDEX_PAGE_SIZE = 1000

# Remote URL (pattern) -> shipped file. Order matters: the filter-control files before the table's.
LOCAL_ASSETS: tuple[tuple[str, str], ...] = (
    (r"bootstrap-table-filter-control(\.min)?\.css$", "bootstrap-table-filter-control.min.css"),
    (r"bootstrap-table-filter-control(\.min)?\.js$", "bootstrap-table-filter-control.min.js"),
    (r"bootstrap-table(\.min)?\.css$", "bootstrap-table.min.css"),
    (r"bootstrap-table(\.min)?\.js$", "bootstrap-table.min.js"),
    (r"bootstrap-datepicker(\.min)?\.css$", "bootstrap-datepicker.min.css"),
    (r"bootstrap-datepicker(\.min)?\.js$", "bootstrap-datepicker.min.js"),
    (r"/bootstrap/4[^/]*/(css/)?bootstrap(\.min)?\.css$", "bootstrap.min.css"),
    (r"/bootstrap/4[^/]*/(js/)?bootstrap(\.min)?\.js$", "bootstrap.min.js"),
    (r"jquery-3[.\d]*(\.min)?\.js$", "jquery.min.js"),
    (r"popper(\.min)?\.js$", "popper.min.js"),
)
_REMOTE_TAG = re.compile(
    r"""<(?P<tag>script|link|img)\b[^>]*?\b(?:src|href)=["'](?P<url>https?://[^"']+)["'][^>]*>(?:\s*</script>)?""",
    flags=re.IGNORECASE)


def site_config(site_dir: Path) -> dict:
    return {
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site_dir)},
    }


def use_site(context, site_dir: Path) -> None:
    """Point the GX project's one Data Docs site at `site_dir` (beside the warehouse)."""
    wanted = site_config(site_dir)
    sites = dict(context.variables.data_docs_sites or {})
    if sites.get(SITE_NAME) == wanted and len(sites) == 1:
        return
    for name in list(sites):
        context.delete_data_docs_site(name)
    context.add_data_docs_site(site_name=SITE_NAME, site_config=wanted)


def local_asset(url: str) -> str | None:
    for pattern, asset in LOCAL_ASSETS:
        if re.search(pattern, url.split("?")[0]):
            return asset
    return None


def localise_page(html: str, vendor_prefix: str) -> str:
    """The page with shipped assets for the known CDN files and no other remote script, style or image."""
    def replace(match: re.Match) -> str:
        asset = local_asset(match.group("url"))
        if asset is None or match.group("tag").lower() == "img":
            return ""
        tag = match.group(0).replace(match.group("url"), f"{vendor_prefix}/{asset}")
        return re.sub(r"""\s(integrity|crossorigin)=["'][^"']*["']""", "", tag)
    localised = _REMOTE_TAG.sub(replace, html)
    # GX pages its index 10 rows at a time: a reviewer (and a search in the page) sees every suite and run.
    return localised.replace("'pagination': 'true'", f"'pagination': 'true', 'pageSize': {INDEX_PAGE_SIZE}")


def localise_site(site_dir: Path) -> None:
    vendor = site_dir / VENDOR
    vendor.mkdir(parents=True, exist_ok=True)
    for asset in ASSETS_DIR.iterdir():
        if asset.suffix in (".js", ".css"):
            shutil.copyfile(asset, vendor / asset.name)
    for page in site_dir.rglob("*.html"):
        prefix = Path(os.path.relpath(vendor, page.parent)).as_posix()
        html = page.read_text(encoding="utf-8")
        localised = localise_page(html, prefix)
        if localised != html:
            page.write_text(localised, encoding="utf-8")


def prune_runs(validations_store: Path, site_dir: Path, keep: int) -> list[str]:
    """Remove all but the newest `keep` runs of each suite from the results store and the site."""
    removed = []
    for suite_dir in sorted(p for p in validations_store.glob("*") if p.is_dir()):
        runs = sorted((p for p in suite_dir.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in runs[keep:]:
            shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(site_dir / "validations" / suite_dir.name / old.name, ignore_errors=True)
            removed.append(f"{suite_dir.name}/{old.name}")
    return removed
