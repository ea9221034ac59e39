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

from flows.feeds.checks import CHECKED, sql_text
from flows.feeds.contracts import FeedContract

DUPLICATE_REASON_START = "duplicate of row "


def add_dimension_problems(con: duckdb.DuckDBPyConnection, contract: FeedContract, positions: dict[str, int]) -> None:
    """Quarantine rows whose unit measures another dimension than their indicator's (in `feed_checked`).

    The indicator's dimension is the one its name implies (data/implied_units.csv of the extractor),
    else the one most of its rows in the file have (the earliest row breaking a tie).
    """
    if "indicator" not in positions:
        return
    for col in contract.columns:
        if col.type != "unit" or not col.converts or col.name not in positions:
            continue
        given = " or ".join(f"{name} is not null" for name in col.converts)
        con.execute(f"""
            with measured as (
                select row_number, indicator, {col.name} as unit, _{col.name}_dimension as dimension
                from {CHECKED} where ok and ({given}) and _{col.name}_dimension is not null
            ),
            named as (
                select m.indicator, arg_min(d.dimension, d.priority) as dimension, arg_min(d.ending, d.priority) as ending
                from (select distinct indicator from measured) m
                join feed_implied_dimensions d on ends_with(m.indicator, d.ending)
                group by m.indicator
            ),
            tally as (
                select indicator, dimension, count(*) as n, min(row_number) as first_row,
                       arg_min(unit, row_number) as first_unit
                from measured group by indicator, dimension
            ),
            usual as (
                select indicator, first(dimension order by n desc, first_row) as dimension,
                       first(first_row order by n desc, first_row) as first_row,
                       first(first_unit order by n desc, first_row) as first_unit
                from tally group by indicator
            ),
            conflicts as (
                select m.row_number, m.unit, m.dimension, m.indicator, n.ending, n.dimension as named_dimension,
                       u.dimension as usual_dimension, u.first_row, u.first_unit
                from measured m join usual u using (indicator) left join named n using (indicator)
                where m.dimension <> coalesce(n.dimension, u.dimension)
            )
            update {CHECKED} c set ok = false, p_file_column = {sql_text(col.name)}, p_file_raw = x.unit,
                p_file = case when x.unit = '' then 'unit is empty' else 'unit ''' || x.unit || ''' measures ' || x.dimension end
                    || ', but ''' || x.indicator || ''' '
                    || case when x.named_dimension is not null
                            then 'is measured in ' || x.named_dimension || ' (its name ends in ''' || x.ending || ''')'
                            else 'is measured in ' || x.usual_dimension || ' by its other rows in this file (row '
                                 || x.first_row || ': ''' || x.first_unit || ''')' end
            from conflicts x where c.row_number = x.row_number
        """)


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
    same = lambda a, b: " and ".join(f"{a}.{k} is not distinct from {b}.{k}" for k in contract.key)  # noqa: E731
    con.execute(f"""
        create or replace temp table feed_duplicates as
        with touched as (select distinct {keys} from {table} where run_id = $run),
        repeated as (
            select {', '.join(f'x.{k}' for k in contract.key)} from {table} x
            where exists (select 1 from touched t where {same('x', 't')})
            group by all having count(*) > 1
        ),
        ranked as (
            select x.file_path, x.row_number, x.file_hash, x.run_id,
                   first_value(x.file_path) over w as first_file, first_value(x.row_number) over w as first_row,
                   first_value(x.file_hash) over w as first_hash, row_number() over w as rank
            from {table} x
            where exists (select 1 from repeated r where {same('x', 'r')})
            window w as (partition by {', '.join(f'x.{k}' for k in contract.key)}
                         order by x.run_id = $run, x.file_path, x.row_number)
        )
        select * from ranked where rank > 1 and run_id = $run
    """, {"run": run_id})
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
                f"where x.file_path = d.file_path and x.row_number = d.row_number")
    con.execute("""
        update raw.feed_files f set rows_loaded = f.rows_loaded - d.n, rows_quarantined = f.rows_quarantined + d.n
        from (select file_path, count(*) as n from feed_duplicates group by file_path) d
        where f.file_path = d.file_path
    """)
    con.execute("drop table feed_duplicates")
    return moved


def files_with_duplicates(con: duckdb.DuckDBPyConnection, contract: FeedContract) -> set[str]:
    """Files some of whose rows were set aside as duplicates: reloaded when the rows they repeat go away."""
    rows = con.execute("select distinct file_path from raw.quarantine where source_kind = ? and starts_with(reason, ?)",
                       [contract.source_kind, DUPLICATE_REASON_START]).fetchall()
    return {r[0] for r in rows}
