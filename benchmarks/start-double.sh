#!/usr/bin/env bash
# Sourced by the benchmark scripts: start_double AUTHS ORGS USERS MODE [faulty] starts the InfluxDB double in its
# own process (so the audit's memory is measured alone) and sets DOUBLE_URL and DOUBLE_TOKEN_FILE; stop_double ends it.
bench_dll="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/TokenGovernance.Benchmarks/bin/Release/net10.0/TokenGovernance.Benchmarks.dll"

start_double() {
  DOUBLE_DIR=$(mktemp -d)
  mkfifo "$DOUBLE_DIR/stdin"
  (cd "$DOUBLE_DIR" && exec dotnet "$bench_dll" serve-double "$1" "$2" "$3" 0 "$4" "${5:-}" <"$DOUBLE_DIR/stdin" >"$DOUBLE_DIR/url" 2>"$DOUBLE_DIR/err") &
  DOUBLE_PID=$!
  exec 9>"$DOUBLE_DIR/stdin"
  for _ in $(seq 1 600); do [ -s "$DOUBLE_DIR/url" ] && break; sleep 0.1; done
  DOUBLE_URL=$(head -1 "$DOUBLE_DIR/url")
  DOUBLE_TOKEN_FILE="$DOUBLE_DIR/double-token"
  [ -n "$DOUBLE_URL" ] || { cat "$DOUBLE_DIR/err" >&2; return 1; }
}

stop_double() {
  exec 9>&-
  wait "$DOUBLE_PID" 2>/dev/null || true
  rm -rf "$DOUBLE_DIR"
}
