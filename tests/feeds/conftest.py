from __future__ import annotations

from pathlib import Path
from typing import Callable

import duckdb
import pytest

WriteFeed = Callable[..., Path]


@pytest.fixture()
def con(tmp_path: Path):
    connection = duckdb.connect(str(tmp_path / "feeds.duckdb"))
    yield connection
    connection.close()


@pytest.fixture()
def feeds_dir(tmp_path: Path) -> Path:
    path = tmp_path / "feeds"
    path.mkdir()
    return path


@pytest.fixture()
def write(feeds_dir: Path) -> WriteFeed:
    """write(rel, text, encoding='utf-8') -> path of a feed file under feeds_dir."""

    def _write(rel: str, text: str, encoding: str = "utf-8") -> Path:
        path = feeds_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
        return path

    return _write
