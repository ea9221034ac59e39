#!/bin/bash
# dbt's report side alone (every model but the feeds folders and what reads them) on a copy of a built database.
# usage: [SRC=db] [THREADS=n] benchmarks/bench_dbt_reports.sh NAME DBT_PROJECT_DIR STEP...
#   each STEP is either dbt build arguments in one word list ("--full-refresh --exclude-resource-type unit_test")
#   or `replace` (one document's raw rows rewritten as a reload does: benchmarks/bench_dbt.py).
#   Prints CPU and wall seconds of each build (/usr/bin/time), dbt's elapsed and per-node sums, the load average.
# To compare with another commit's project: git archive <commit> dbt | tar -x -C out/dbt_<commit> --strip-components=1
# and `ln -s ../flows out/flows` so its seed links resolve.
set -e
cd "$(dirname "$0")/.."
name=$1; dir=$2; shift 2
w=out/bench_dbt_reports/$name; rm -rf $w; mkdir -p $w
cp ${SRC:-out/medium/pristine.duckdb} $w/planwatch.duckdb
export PLANWATCH_DUCKDB_PATH=$PWD/$w/planwatch.duckdb PLANWATCH_DBT_THREADS=${THREADS:-1} DO_NOT_TRACK=1 DBT_SEND_ANONYMOUS_USAGE_STATS=false
EXC="path:models/staging/feeds+ path:models/intermediate/feeds+ path:models/marts/feeds+ indicator_actuals_monthly+"
dbt() { .venv/bin/dbt "$@" --project-dir $dir --profiles-dir $dir --target-path $PWD/$w/target --log-path $PWD/$w/logs --quiet; }
dbt parse
for step in "$@"; do
  case $step in
    replace) .venv/bin/python -c "
from benchmarks.bench_dbt import replace_one_document; from pathlib import Path
print('replaced', replace_one_document(Path('$w/planwatch.duckdb')))";;
    *) echo "== $name $step load $(cut -d' ' -f1 /proc/loadavg)"
       /usr/bin/time -f "cpu %U+%S s wall %e s" .venv/bin/dbt build --exclude $EXC $step --project-dir $dir --profiles-dir $dir --target-path $PWD/$w/target --log-path $PWD/$w/logs --quiet ${VARS:+--vars "$VARS"} 2>&1 | tail -3
       .venv/bin/python - $w/target/run_results.json <<'PY'
import json,sys,collections
r=json.load(open(sys.argv[1]))
t=collections.defaultdict(float); c=collections.Counter()
for x in r['results']:
    k=x['unique_id'].split('.')[0]; t[k]+=x['execution_time']; c[k]+=1
print('  elapsed %.1fs' % r['elapsed_time'], ', '.join(f'{k} {t[k]:.1f}s ({c[k]})' for k in sorted(t)), 'statuses', collections.Counter(x['status'] for x in r['results']))
for x in sorted(r['results'],key=lambda x:-x['execution_time'])[:8]: print('   %.2f %s' % (x['execution_time'], x['unique_id'].split('.')[2]))
PY
       cp $w/target/run_results.json $w/run_results_$(echo $step | tr -dc a-z).json;;
  esac
done
