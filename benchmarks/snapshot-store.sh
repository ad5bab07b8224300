#!/usr/bin/env bash
# Snapshot write + read for N findings (default 100,000) in PostgreSQL: bash benchmarks/snapshot-store.sh [N]
# Uses TOKENGOV_BENCH_POSTGRES (a connection string; the benchmark creates its own tables) when set, else starts a
# throwaway PostgreSQL from the installed binaries on a free loopback port (as the postgres user when root).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
dotnet build -c Release benchmarks/TokenGovernance.Benchmarks -v q -nologo >/dev/null
dll=benchmarks/TokenGovernance.Benchmarks/bin/Release/net10.0/TokenGovernance.Benchmarks.dll

connection="${TOKENGOV_BENCH_POSTGRES:-}"
if [ -z "$connection" ]; then
  bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  dir=$(mktemp -d /tmp/tokengov-bench-pg-XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as=(); if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U tokengov --auth=trust -E UTF8 --no-sync >/dev/null
  # Durable settings (fsync on), unlike the tests: this measures what a real server pays.
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -l "$dir/log" -w start >/dev/null
  trap '"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; rm -rf "$dir"' EXIT
  connection="Host=127.0.0.1;Port=$port;Username=tokengov;Database=postgres"
fi
dotnet "$dll" snapshot-store "$connection" "$count"
