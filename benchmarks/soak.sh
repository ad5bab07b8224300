#!/usr/bin/env bash
# Soak benchmark (not a test): the worker runs scheduled audits every second against a faulty double (errors,
# timeouts, garbage, truncated bodies) until N runs are recorded; memory is reported at start and end.
# Also measures startup-to-ready. Usage: bash benchmarks/soak.sh [runs=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000}
dotnet build -c Release -v q -nologo benchmarks/TokenGovernance.Benchmarks >/dev/null
source benchmarks/start-double.sh
start_double 200 3 50 oss27 faulty
work=$(mktemp -d)
cleanup() { [ -n "${worker_pid:-}" ] && kill "$worker_pid" 2>/dev/null; wait 2>/dev/null; stop_double; rm -rf "$work"; }
trap cleanup EXIT
cat >"$work/config.json" <<JSON
{"TokenGovernance": {"Targets": [{"Name": "faulty", "Url": "$DOUBLE_URL", "TokenFile": "$DOUBLE_TOKEN_FILE"}],
  "Schedule": "* * * * * ?", "AuditTimeout": "00:00:05",
  "Client": {"MaxRetries": 1, "RetryBaseDelay": "00:00:00.050", "AttemptTimeout": "00:00:01", "TotalTimeout": "00:00:03"}}}
JSON
port=18181
start=$(date +%s.%N)
dotnet src/AuditWorker/bin/Release/net10.0/tokengov.dll run --config "$work/config.json" --urls "http://127.0.0.1:$port" >"$work/worker.log" 2>&1 &
worker_pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.02; done
echo "startup to ready: $(echo "$(date +%s.%N) - $start" | bc) s (process start to /readyz 200)"
rss() { awk '/VmRSS/ {print $2 " KB"}' "/proc/$worker_pid/status"; }
total() { curl -sf "http://127.0.0.1:$port/metrics" | awk '/^tokengov_audit_runs_total/ {sum += $NF} END {print sum + 0}'; }
sleep 5; echo "after $(total) runs: RSS $(rss)"
while [ "$(total)" -lt "$runs" ]; do sleep 10; done
echo "after $(total) runs: RSS $(rss)"
curl -sf "http://127.0.0.1:$port/metrics" | grep -E '^tokengov_audit_runs_total'
kill -0 "$worker_pid" && echo "worker still running, no crash"
