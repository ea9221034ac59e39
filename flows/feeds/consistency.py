"""Checks across rows: units an indicator cannot have, and the same row given twice.

A row can be fine on its own and wrong beside the others: 就业人数 in 亿元 (its name says it counts
people), one indicator in 亿元 in one row and 万人 in the next, an empty unit where the others give
万吨; or the same region, indicator and period twice (a copied file, a row pasted twice), which
would be counted twice. The first kind is decided within one file, before it loads; duplicates are
decided across the feed once the run's files are in, the earlier row keeping its place: rows loaded
by an earlier run first, then by path and row number.
"""
from __future__ import annotations

from datetime import datetime

import duckdb

from flows.feeds.checks import sql_text
from flows.feeds.contracts import FeedContract

DUPLICATE_REASON_START = "duplicate of row "


def quarantine_dimension_conflicts(con: duckdb.DuckDBPyConnection, contract: FeedContract, file_id: int,
                                   file_path: str, file_hash: str, now: datetime) -> int:
    """Move the file's loaded rows whose unit measures another dimension than their indicator's; rows moved.

    The indicator's dimension is the one its name implies (data/implied_units.csv of the extractor),
    else the one most of its rows in the file have (the earliest row breaking a tie).
    """
    moved = 0
    table = f"raw.{contract.table}"
    if not any(c.name == "indicator" for c in contract.columns):
        return 0
    for col in contract.columns:
        if col.type != "unit" or not col.converts:
            continue
        given = " or ".join(f"x.{name} is not null" for name in col.converts)
        # Judged per (indicator, unit) of the file, a few dozen pairs rather than a million rows; only the
        # rows of a pair found wrong are read again (a clean file has none).
        con.execute(f"""
            create or replace temp table feed_conflicts as
            with counted as (
                select x.indicator, x.{col.name} as unit, count(*) as n, min(x.row_number) as first_row
                from {table} x
                where x.file_id = $file_id and ({given})
                group by x.indicator, x.{col.name}
            ),
            measured as (
                select c.indicator, c.unit, c.n, c.first_row, u.dimension
                from counted c join feed_units u on u.unit = c.unit
            ),
            named as (
                select m.indicator, arg_min(d.dimension, d.priority) as dimension, arg_min(d.ending, d.priority) as ending
                from (select distinct indicator from measured) m
                join feed_implied_dimensions d on ends_with(m.indicator, d.ending)
                group by m.indicator
            ),
            tally as (
                select indicator, dimension, sum(n) as n, min(first_row) as first_row,
                       arg_min(unit, first_row) as first_unit
                from measured group by indicator, dimension
            ),
            usual as (
                select indicator, first(dimension order by n desc, first_row) as dimension,
                       first(first_row order by n desc, first_row) as first_row,
                       first(first_unit order by n desc, first_row) as first_unit
                from tally group by indicator
            ),
            wrong as (
                select m.indicator, m.unit,
                       case when m.unit = '' then 'unit is empty' else 'unit ''' || m.unit || ''' measures ' || m.dimension end
                       || ', but ''' || m.indicator || ''' '
                       || case when n.dimension is not null
                               then 'is measured in ' || n.dimension || ' (its name ends in ''' || n.ending || ''')'
                               else 'is measured in ' || u.dimension || ' by its other rows in this file (row '
                                    || u.first_row || ': ''' || u.first_unit || ''')' end as reason
                from measured m join usual u using (indicator) left join named n using (indicator)
                where m.dimension <> coalesce(n.dimension, u.dimension)
            )
            select x.row_number, x.{col.name} as unit, w.reason
            from {table} x join wrong w on w.indicator = x.indicator and w.unit = x.{col.name}
            where x.file_id = $file_id and ({given})
        """, {"file_id": file_id})
        count = con.execute("select count(*) from feed_conflicts").fetchone()[0]
        if count:
            con.execute(f"""
                insert into raw.quarantine (source_kind, file_path, file_hash, row_number, column_name, reason,
                                            raw_value, quarantined_at)
                select {sql_text(contract.source_kind)}, $file, $hash, row_number, {sql_text(col.name)}, reason,
                       unit, $now
                from feed_conflicts
            """, {"file": file_path, "hash": file_hash, "now": now})
            con.execute(f"delete from {table} x using feed_conflicts c "
                        f"where x.file_id = $file_id and x.row_number = c.row_number", {"file_id": file_id})
            moved += count
        con.execute("drop table feed_conflicts")
    return moved


def _key_words(contract: FeedContract) -> str:
    words = [k for k in contract.key if not k.startswith("period_")]
    if any(k.startswith("period_") for k in contract.key):
        words.append("period")
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


def quarantine_duplicates(con: duckdb.DuckDBPyConnection, contract: FeedContract, run_id: str,
                          now: datetime) -> dict[str, int]:
    """Move this run's rows that repeat an earlier row's key to `raw.quarantine`; file -> rows moved."""
    if not contract.key:
        return {}
    table = f"raw.{contract.table}"
    keys = ", ".join(contract.key)
    key_hash = f"hash({keys})"
    # Keys are compared by their hash first (one 64-bit column), then by value within the few repeated ones.
    # When the table holds rows of earlier runs, only the keys this run touched are counted; when it
    # holds this run's rows alone (a first load), they all are, in one pass instead of three.
    # Which run loaded a row, and the file's hash, are the file's (raw.feed_files).
    earlier = con.execute("select count(*) from raw.feed_files where feed = $feed and run_id <> $run and rows_loaded > 0",
                          {"feed": contract.name, "run": run_id}).fetchone()[0]
    this_run = "file_id in (select file_id from raw.feed_files where run_id = $run)" if earlier else "true"
    only_touched = f"where {key_hash} in (select {key_hash} from {table} where {this_run})" if earlier else ""
    con.execute(f"""
        create or replace temp table feed_duplicates as
        with repeated as (
            select {key_hash} as key_hash from {table} {only_touched}
            group by all having count(*) > 1 and bool_or({this_run})
        ),
        ranked as (
            select x.file_id, f.file_path, x.row_number, f.file_hash, x.this_run,
                   first_value(f.file_path) over w as first_file, first_value(x.row_number) over w as first_row,
                   first_value(f.file_hash) over w as first_hash, row_number() over w as rank
            from (select *, {this_run} as this_run from {table}
                  where {key_hash} in (select key_hash from repeated)) x
            join raw.feed_files f using (file_id)
            window w as (partition by {', '.join(f'x.{k}' for k in contract.key)}
                         order by x.this_run, f.file_path, x.row_number)
        )
        select * from ranked where rank > 1 and this_run
    """, {"run": run_id} if earlier else {})
    moved = dict(con.execute("select file_path, count(*) from feed_duplicates group by file_path").fetchall())
    if not moved:
        return {}
    what = sql_text(f" (same {_key_words(contract)}): counted once")
    con.execute(f"""
        insert into raw.quarantine (source_kind, file_path, file_hash, row_number, column_name, reason, raw_value,
                                    quarantined_at)
        select {sql_text(contract.source_kind)}, file_path, file_hash, row_number, {sql_text(','.join(contract.key))},
               {sql_text(DUPLICATE_REASON_START)} || first_row || ' of '
               || case when first_file = file_path then 'this file' else first_file end || {what}
               || case when first_file <> file_path and first_hash = file_hash
                       then '; this file is a byte-for-byte copy of ' || first_file else '' end,
               null, ?
        from feed_duplicates
    """, [now])
    con.execute(f"delete from {table} x using feed_duplicates d "
                f"where x.file_id = d.file_id and x.row_number = d.row_number")
    con.execute("""
        update raw.feed_files f set rows_loaded = f.rows_loaded - d.n, rows_quarantined = f.rows_quarantined + d.n
        from (select file_id, count(*) as n from feed_duplicates group by file_id) d
        where f.file_id = d.file_id
    """)
    con.execute("drop table feed_duplicates")
    return moved


def files_with_duplicates(con: duckdb.DuckDBPyConnection, contract: FeedContract) -> set[str]:
    """Files some of whose rows were set aside as duplicates: reloaded when the rows they repeat go away."""
    rows = con.execute("select distinct file_path from raw.quarantine where source_kind = ? and starts_with(reason, ?)",
                       [contract.source_kind, DUPLICATE_REASON_START]).fetchall()
    return {r[0] for r in rows}
