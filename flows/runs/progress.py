"""A progress bar for long extractions, shown by the command line only.

Flows run the same way under `planwatch run`, a deployment or a test; only the command line turns
the bar on (a scheduled run has no terminal to draw it on), and only for more than a handful of
reports, where a user would otherwise wonder whether anything is happening.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

HANDFUL = 5
_enabled = False


def enable_progress() -> None:
    global _enabled
    _enabled = True


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[], None]]:
    """Yields `advance()`, to call once per finished item; draws on stderr when enabled."""
    if not _enabled or total <= HANDFUL:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=sys.stderr)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
