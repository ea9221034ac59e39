"""Try writes and file access through Superset's own `planwatch` database connection; print what DuckDB said.

Run with Superset's Python and the same environment as bi.sh (SUPERSET_CONFIG_PATH, PLANWATCH_BI_HOME).
This goes below Superset's own DML check (allow_dml) to the DuckDB connection it opens per query.
"""
from __future__ import annotations

import json
import sys

from sqlalchemy import text

ATTEMPTS = {
    "insert": "insert into marts.dim_region (region_code, region_name) values ('999999', 'injected')",
    "copy_to": "copy (select 1) to '{out}'",
    "read_text": "select * from read_text('/etc/hostname')",
    "unlock": "set enable_external_access = true",
    "select": "select count(*) from marts.dim_region",
}


def main(out_file: str) -> None:
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from superset import db
        from superset.models.core import Database

        database = db.session.query(Database).filter_by(database_name="planwatch").one()
        outcomes = {}
        for name, sql in ATTEMPTS.items():
            with database.get_sqla_engine() as engine, engine.connect() as con:
                pool = type(engine.pool).__name__
                try:
                    rows = con.execute(text(sql.format(out=out_file))).fetchall()
                    outcomes[name] = {"refused": False, "rows": [list(r) for r in rows]}
                except Exception as exc:  # what DuckDB said is the result
                    outcomes[name] = {"refused": True, "error": str(exc).splitlines()[0]}
        print(json.dumps({"pool": pool, "outcomes": outcomes}))


if __name__ == "__main__":
    main(sys.argv[1])
