#!/usr/bin/env bash
# `make serve`: a local Prefect server on loopback plus `planwatch serve`, stopped together on Ctrl-C.
# PREFECT_PORT (default 4200) and PREFECT_HOME (default ./.prefect) may be set; PLANWATCH_* as usual.
set -euo pipefail
BIN="${BIN:-.venv/bin}"
PORT="${PREFECT_PORT:-4200}"
export PREFECT_HOME="${PREFECT_HOME:-$PWD/.prefect}"
export PREFECT_API_URL="http://127.0.0.1:${PORT}/api"
export PREFECT_UI_URL="http://127.0.0.1:${PORT}"
mkdir -p "$PREFECT_HOME"

"$BIN/prefect" server start --host 127.0.0.1 --port "$PORT" > "$PREFECT_HOME/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  if "$BIN/python" -c "import httpx,sys; sys.exit(httpx.get('$PREFECT_API_URL/health', timeout=2).status_code != 200)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "Prefect server did not start; see $PREFECT_HOME/server.log" >&2; exit 1; fi
  sleep 1
done
echo "Prefect UI: $PREFECT_UI_URL   (server log: $PREFECT_HOME/server.log; Ctrl-C stops both)"
"$BIN/planwatch" serve
