#!/usr/bin/env bash
# Measures how fast a server with many stored events answers its first query after a restart, with and without the
# index snapshot. Usage: bench/restart.sh [customers]   (1,000,000 customers ≈ 10M events; needs a built CLI)
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-1000000}
waymark="dotnet src/Waymark.Cli/bin/Release/net10.0/waymark.dll"
work=$(mktemp -d); data="$work/data"; port=5091
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
$waymark generate --customers "$customers" --seed 42 --out "$work/events.csv"
start() { $waymark serve --data "$data" --port $port > "$work/serve.log" 2>&1 & server=$!; for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.2; done; }
stop() { kill $server; wait $server 2>/dev/null || true; }
start; stop   # creates the demo account and workspace
/usr/bin/time -f "import: %e s wall, %M KB max resident" $waymark import "$work/events.csv" --channel channel --data "$data"
password=$(awk '{print $2}' "$data/demo-account.txt")
query() {
  curl -s -c "$work/jar" -H 'content-type: application/json' -d "{\"email\":\"demo@waymark.local\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/auth/sign-in" >/dev/null
  workspace=$(curl -s -b "$work/jar" "http://127.0.0.1:$port/api/v1/workspaces" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  for n in 1 2 3; do curl -s -o /dev/null -w "  dfg $n: %{http_code} %{time_total} s\n" -b "$work/jar" "http://127.0.0.1:$port/api/v1/workspaces/$workspace/analytics/dfg"; done
}
for run in "without snapshot" "with snapshot" "with snapshot again"; do
  [ "$run" = "without snapshot" ] && rm -rf "$data/snapshots"
  start; echo "restart $run:"; query; stop
done
du -sh "$data/snapshots" "$data/waymark.db"
