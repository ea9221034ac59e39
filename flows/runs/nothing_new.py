"""Is there anything new since the last published run? Answered without starting Prefect.

The pipeline flow asks this first; so does `planwatch run` before it starts the flow, because a flow
run without a Prefect server configured starts a temporary one (seconds) only to find nothing to do.
"""
from __future__ import annotations


from flows.extract import EXTRACTOR_VERSION
from flows.runs.audit import RunJournal, last_published
from flows.runs.fingerprint import input_fingerprint
from flows.runs.lock import warehouse_lock
from flows.settings import Settings
from flows.warehouse.connection import connect_warehouse
from flows.warehouse.publish import remove_stale_temporaries


def unchanged_since(settings: Settings, fingerprint: str) -> str | None:
    """The last published run's id when its inputs had this fingerprint and its snapshot is in place."""
    if not settings.database_path.exists() or not settings.published_database_path.exists():
        return None
    with connect_warehouse(settings.database_path, settings) as con:
        last = last_published(con)
    if last and last[1] == fingerprint:
        return last[0]
    return None


def record_nothing_new(settings: Settings, journal: RunJournal, previous: str) -> None:
    # A run killed while publishing leaves temporaries that only a publish removes; a rerun with nothing
    # new publishes nothing, so it clears them here (it holds the warehouse lock, as publish does).
    remove_stale_temporaries(settings)
    journal.unchanged_since_run = previous
    journal.finish("nothing_new")
    with connect_warehouse(settings.database_path, settings) as con:
        journal.write(con)


def nothing_new_before_starting(settings: Settings, run_id: str, trigger: str = "cli") -> RunJournal | None:
    """The recorded `nothing_new` run when nothing changed; None when a run has work to do (or the
    warehouse is busy: the flow then applies the one-writer rule with its messages and waiting)."""
    if not settings.published_database_path.exists():
        return None
    from flows.runs.lock import WarehouseBusy

    journal = RunJournal(run_id=run_id, trigger=trigger, extractor_version=EXTRACTOR_VERSION)
    try:
        with warehouse_lock(settings.warehouse_dir, run_id):
            journal.input_fingerprint = input_fingerprint(settings)
            previous = unchanged_since(settings, journal.input_fingerprint)
            if previous is None:
                return None
            record_nothing_new(settings, journal, previous)
            return journal
    except WarehouseBusy:
        return None
