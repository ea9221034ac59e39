"""Set Superset up for planwatch, run by bi.sh with Superset's own Python (after `superset db upgrade`
and `superset init`): the admin user, the read-only `planwatch` database and the bundled dashboard.

The bundle under dashboard/ is Superset's own export format (databases, datasets, charts,
dashboards as YAML); the snapshot's absolute path is filled in here. After the import each dataset
reads its columns from the snapshot, and each chart gets the saved query its REST data endpoint
(`GET /api/v1/chart/<id>/data/`) runs.
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import yaml

BUNDLE = Path(__file__).resolve().parent / "dashboard"
SNAPSHOT_PLACEHOLDER = "__PLANWATCH_SNAPSHOT__"


def bundle_contents(snapshot: Path) -> dict[str, str]:
    """The bundle's files as Superset's importer takes them, with the snapshot's path in the database's URI."""
    return {str(path.relative_to(BUNDLE)): path.read_text(encoding="utf-8").replace(SNAPSHOT_PLACEHOLDER, str(snapshot))
            for path in sorted(BUNDLE.rglob("*.yaml"))}


def saved_query_context(params: dict, dataset_id: int, temporal: set[str]) -> str:
    """The query the chart's form data asks for, as the chart-data API stores it for a saved chart."""
    where = " AND ".join(f"({f['sqlExpression']})" for f in params.get("adhoc_filters", [])
                         if f.get("expressionType") == "SQL" and f.get("clause") == "WHERE")
    if params.get("query_mode") == "raw":
        columns, metrics = list(params["all_columns"]), []
        orderby = [json.loads(o) for o in params.get("order_by_cols", [])]
    else:
        columns = []
        if x_axis := params.get("x_axis"):
            axis = {"columnType": "BASE_AXIS", "sqlExpression": x_axis, "label": x_axis, "expressionType": "SQL"}
            if x_axis in temporal and params.get("time_grain_sqla"):
                axis["timeGrain"] = params["time_grain_sqla"]
            columns.append(axis)
        columns += params.get("groupby", [])
        metrics = params.get("metrics") or [params["metric"]]
        orderby = [[metrics[0], False]]
    query = {"columns": columns, "metrics": metrics, "orderby": orderby, "row_limit": params.get("row_limit", 1000),
             "filters": [], "extras": {"where": where, "having": ""}, "time_range": "No filter"}
    return json.dumps({"datasource": {"id": dataset_id, "type": "table"}, "force": False, "queries": [query],
                       "form_data": {**params, "datasource": f"{dataset_id}__table"},
                       "result_format": "json", "result_type": "full"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--snapshot", type=Path, required=True, help="the published planwatch.duckdb")
    args = parser.parse_args()
    password = os.environ["PLANWATCH_BI_ADMIN_PASSWORD"]  # from the environment, never on a command line

    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from flask import g
        from superset import db, security_manager
        from superset.commands.dashboard.importers.dispatcher import ImportDashboardsCommand
        from superset.connectors.sqla.models import SqlaTable
        from superset.models.core import Database
        from superset.models.slice import Slice

        admin = security_manager.find_user(username="admin")
        if admin is None:
            admin = security_manager.add_user("admin", "planwatch", "admin", "admin@localhost",
                                              security_manager.find_role("Admin"), password=password)
            if not admin:
                raise SystemExit("could not create the Superset admin user")
        else:
            security_manager.reset_password(admin.id, password)
        g.user = admin

        contents = bundle_contents(args.snapshot.resolve())
        ImportDashboardsCommand(contents, overwrite=True).run()
        # A dashboard import never overwrites an existing database: point it at this snapshot explicitly.
        spec = yaml.safe_load(contents["databases/planwatch.yaml"])
        database = db.session.query(Database).filter_by(uuid=spec["uuid"]).one()
        database.set_sqlalchemy_uri(spec["sqlalchemy_uri"])
        database.extra = json.dumps(spec["extra"])
        database.allow_dml = False

        datasets = {}
        for name, text in contents.items():
            if name.startswith("datasets/"):
                uuid = yaml.safe_load(text)["uuid"]
                dataset = db.session.query(SqlaTable).filter_by(uuid=uuid).one()
                dataset.fetch_metadata()  # columns, types and the snapshot's column comments
                datasets[uuid] = dataset
        for name, text in contents.items():
            if name.startswith("charts/"):
                spec = yaml.safe_load(text)
                chart = db.session.query(Slice).filter_by(uuid=spec["uuid"]).one()
                dataset = datasets[spec["dataset_uuid"]]
                temporal = {c.column_name for c in dataset.columns if c.is_dttm}
                chart.query_context = saved_query_context(spec["params"], dataset.id, temporal)
        db.session.commit()
        print(f"superset: database planwatch -> {args.snapshot} (read-only); "
              f"{len(datasets)} datasets, {sum(n.startswith('charts/') for n in contents)} charts imported")


if __name__ == "__main__":
    main()
