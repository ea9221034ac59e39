#!/usr/bin/env bash
# `make bi` / `make bi-stop`: Superset on loopback over the published snapshot, read-only.
#   bi.sh start   set up on first use (metadata database, roles, generated secret key), set the admin
#                 password, import the bundled dashboard, start gunicorn, wait until healthy, print the URL
#   bi.sh stop    stop the server this state folder started
# Environment: PLANWATCH_BI_PORT (8088), PLANWATCH_BI_PASSWORD (generated and printed when unset),
# PLANWATCH_WAREHOUSE (warehouse), PLANWATCH_BI_HOME (Superset's state, <warehouse>/bi).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
warehouse="$(realpath -m "${PLANWATCH_WAREHOUSE:-$repo/warehouse}")"
home="$(realpath -m "${PLANWATCH_BI_HOME:-$warehouse/bi}")"
port="${PLANWATCH_BI_PORT:-8088}"
snapshot="$warehouse/published/planwatch.duckdb"
pidfile="$home/gunicorn.pid"
log="$home/superset.log"
url="http://127.0.0.1:$port/superset/dashboard/planwatch-plan-targets-and-projects/"

export SUPERSET_CONFIG_PATH="$here/superset_config.py" PLANWATCH_BI_HOME="$home" SUPERSET_HOME="$home" FLASK_APP=superset
# Offline machines: no telemetry.
export SCARF_ANALYTICS=false DO_NOT_TRACK=1

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
    [ -x "$venv/bin/superset" ] || { echo "bi: Superset is not installed in $venv (make bi installs it)" >&2; exit 1; }
    [ -f "$snapshot" ] || { echo "bi: no published snapshot at $snapshot; run make run first" >&2; exit 1; }
    if running; then
        echo "bi: Superset already running (pid $(cat "$pidfile")): $url"
        return
    fi
    if ! "$venv/bin/python" -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1])))" "$port" 2>/dev/null; then
        echo "bi: port $port on 127.0.0.1 is in use; set PLANWATCH_BI_PORT to a free port" >&2
        exit 1
    fi
    mkdir -p "$home"
    chmod 700 "$home"
    if [ ! -s "$home/secret_key" ]; then
        (umask 077; "$venv/bin/python" -c "import secrets; print(secrets.token_urlsafe(48))" > "$home/secret_key")
    fi
    local password="${PLANWATCH_BI_PASSWORD:-}" generated=""
    if [ -z "$password" ]; then
        password="$("$venv/bin/python" -c "import secrets; print(secrets.token_urlsafe(12))")"
        generated=1
    fi
    if [ ! -f "$home/.initialised" ]; then
        echo "bi: first start: creating Superset's metadata database and roles in $home (about a minute)"
        "$venv/bin/superset" db upgrade >>"$log" 2>&1 || { echo "bi: superset db upgrade failed; see $log" >&2; exit 1; }
        "$venv/bin/superset" init >>"$log" 2>&1 || { echo "bi: superset init failed; see $log" >&2; exit 1; }
        touch "$home/.initialised"
    fi
    PLANWATCH_BI_ADMIN_PASSWORD="$password" "$venv/bin/python" "$here/setup_planwatch.py" --snapshot "$snapshot" 2>>"$log" \
        || { echo "bi: importing the planwatch dashboard failed; see $log" >&2; exit 1; }
    # Loopback only; one worker process with threads is plenty for a local dashboard on 2 cores.
    setsid "$venv/bin/gunicorn" --workers 1 --threads 8 --timeout 120 --bind "127.0.0.1:$port" \
        --pid "$pidfile" --access-logfile - "superset.app:create_app()" >>"$log" 2>&1 < /dev/null &
    for _ in $(seq 1 180); do
        if "$venv/bin/python" -c "import sys, urllib.request; sys.exit(urllib.request.urlopen(sys.argv[1], timeout=2).read() != b'OK')" \
            "http://127.0.0.1:$port/health" 2>/dev/null; then
            echo "bi: Superset is up: $url"
            echo "bi: log in as admin${generated:+ with the generated password: $password}"
            [ -n "$generated" ] || echo "bi: (password: \$PLANWATCH_BI_PASSWORD)"
            return
        fi
        sleep 1
    done
    echo "bi: Superset did not become healthy within 180 s; see $log" >&2
    stop
    exit 1
}

stop() {
    if ! running; then
        echo "bi: Superset is not running"
        rm -f "$pidfile"
        return
    fi
    local pid
    pid="$(cat "$pidfile")"
    kill -TERM "$pid"
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || { echo "bi: Superset stopped"; rm -f "$pidfile"; return; }
        sleep 1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    echo "bi: Superset killed after 30 s"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: bi.sh start|stop" >&2; exit 2 ;;
esac
