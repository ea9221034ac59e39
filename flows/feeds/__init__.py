"""Progress feeds: statistical releases, target-versus-actual tables, key-project progress and release
articles, checked against their contracts (contracts.py) and loaded into `raw.feed_*`.

Plain Python, no Prefect: `load_feeds(con, feeds_dir, run_id)` is what the pipeline and the
`planwatch-feeds` flow call.
"""
from __future__ import annotations

from flows.feeds.load import FeedFileResult, FeedLoadSummary, load_feeds

__all__ = ["FeedFileResult", "FeedLoadSummary", "load_feeds"]
