#!/usr/bin/env bash
# Benchmark (not a test): one audit of 100,000 authorizations over 100 orgs and 10,000 users served from loopback,
# against the time of merely downloading and parsing the same responses with curl | jq.
# Usage: bash benchmarks/audit-100k.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet build -c Release -v q -nologo benchmarks/TokenGovernance.Benchmarks >/dev/null
source benchmarks/start-double.sh
start_double 100000 100 10000 oss27
trap stop_double EXIT
tokengov=src/AuditWorker/bin/Release/net10.0/tokengov.dll
auth="Authorization: Token $(cat "$DOUBLE_TOKEN_FILE")"
echo "double: $DOUBLE_URL"
# Warm the double up (JIT, caches): the benchmark measures the auditor, not the double.
curl -sf -o /dev/null -H "$auth" "${DOUBLE_URL}api/v2/authorizations"; curl -sf -o /dev/null -H "$auth" "${DOUBLE_URL}api/v2/users?limit=100"

download_all() {
  for offset in 0 100 200; do curl -sf -H "$auth" "${DOUBLE_URL}api/v2/orgs?limit=100&offset=$offset" | jq '.orgs | length' >/dev/null; done
  after=""
  while :; do
    page=$(curl -sf -H "$auth" "${DOUBLE_URL}api/v2/users?limit=100${after:+&after=$after}")
    count=$(jq '.users | length' <<<"$page"); [ "$count" -eq 0 ] && break
    after=$(jq -r '.users[-1].id' <<<"$page")
  done
  curl -sf -H "$auth" "${DOUBLE_URL}api/v2/authorizations" | jq '.authorizations | length'
}

for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N); count=$(download_all); end=$(date +%s.%N)
  echo "baseline run $run: curl|jq of every response: $(echo "$end - $start" | bc) s ($count authorizations)"
  /usr/bin/time -f "audit run $run: process wall %e s, peak RSS %M KB" \
    dotnet "$tokengov" audit --url "$DOUBLE_URL" --token-file "$DOUBLE_TOKEN_FILE" --format json --output /tmp/tokengov-100k.json --fail-on none 2>&1 \
    | grep -E "audit run|Audit of" || true
  echo "audit run $run: in-process audit duration $(jq '.targets[0].durationSeconds' /tmp/tokengov-100k.json) s, $(jq '.targets[0].authorizations' /tmp/tokengov-100k.json) authorizations, $(jq '.findings | length' /tmp/tokengov-100k.json) findings"
done
