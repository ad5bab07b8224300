#!/usr/bin/env bash
# Benchmark (not a test): `tokengov audit` against its peers on the same 100,000-authorization double (100 orgs, 10,000
# users, OSS 2.7 shape, its own process), alternating in each round: the official client (InfluxDB.Client 5.1.0,
# the seed's question in LINQ: benchmarks/TokenGovernance.Benchmarks/OfficialClientPeer.cs) and the curl + jq download of
# the same responses. Prints each run, then min / median / max of wall time and peak RSS, and tokengov's ratio to each.
# tokengov runs three times per round: the build output (JIT, as `dotnet run` and the tool package run it), a
# ReadyToRun publish (tokengov-r2r, what the container shipped before) and the Native AOT binary the container image
# ships now (tokengov-aot).
# Usage: bash benchmarks/audit-peers.sh [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
dotnet build -c Release -v q -nologo benchmarks/TokenGovernance.Benchmarks >/dev/null
r2r=$(mktemp -d); aot=$(mktemp -d)
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -v q -nologo -o "$r2r" src/AuditWorker >/dev/null
dotnet publish -c Release -r linux-x64 -v q -nologo -o "$aot" src/AuditWorker >/dev/null
source benchmarks/start-double.sh
start_double 100000 100 10000 oss27
trap 'stop_double; rm -rf "$r2r" "$aot"' EXIT
bench=benchmarks/TokenGovernance.Benchmarks/bin/Release/net10.0/TokenGovernance.Benchmarks.dll
tokengov=benchmarks/TokenGovernance.Benchmarks/bin/Release/net10.0/tokengov.dll
auth="Authorization: Token $(cat "$DOUBLE_TOKEN_FILE")"
curl -sf -o /dev/null -H "$auth" "${DOUBLE_URL}api/v2/authorizations"   # warm the double
results=$(mktemp)

measure() {   # name, command...: appends "name seconds kilobytes"
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$results.one" "$@" >/dev/null 2>&1 || true
  echo "$name $(cat "$results.one")" | tee -a "$results"
}

curl_jq() {
  for offset in 0 100 200; do curl -sf -H "$auth" "${DOUBLE_URL}api/v2/orgs?limit=100&offset=$offset" | jq '.orgs | length' >/dev/null; done
  after=""
  while :; do
    page=$(curl -sf -H "$auth" "${DOUBLE_URL}api/v2/users?limit=100${after:+&after=$after}")
    [ "$(jq '.users | length' <<<"$page")" -eq 0 ] && break
    after=$(jq -r '.users[-1].id' <<<"$page")
  done
  curl -sf -H "$auth" "${DOUBLE_URL}api/v2/authorizations" | jq '[.authorizations[] | select(.status == "active" and any(.permissions[]; .action == "write"))] | length' >/dev/null
}
export -f curl_jq; export auth DOUBLE_URL

for round in $(seq 1 "$rounds"); do
  measure tokengov dotnet "$tokengov" audit --url "$DOUBLE_URL" --token-file "$DOUBLE_TOKEN_FILE" --format json --output /tmp/tokengov-peers.json --fail-on none
  measure tokengov-r2r dotnet "$r2r/tokengov.dll" audit --url "$DOUBLE_URL" --token-file "$DOUBLE_TOKEN_FILE" --format json --output /tmp/tokengov-peers-r2r.json --fail-on none
  measure tokengov-aot "$aot/tokengov" audit --url "$DOUBLE_URL" --token-file "$DOUBLE_TOKEN_FILE" --format json --output /tmp/tokengov-peers-aot.json --fail-on none
  measure official-client dotnet "$bench" peer-client "$DOUBLE_URL" "$DOUBLE_TOKEN_FILE"
  measure curl-jq bash -c curl_jq
done

python3 - "$results" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, seconds, kilobytes = line.split()
    runs.setdefault(name, []).append((float(seconds), int(kilobytes) / 1024))
def describe(values): return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"
print(f"{'':16} {'wall s (min / median / max)':30} {'peak MiB (min / median / max)':30}")
for name, values in runs.items():
    print(f"{name:16} {describe([v[0] for v in values]):30} {describe([v[1] for v in values]):30}")
for ours_name in ("tokengov", "tokengov-r2r", "tokengov-aot"):
    ours = statistics.median(v[0] for v in runs[ours_name]); ours_memory = statistics.median(v[1] for v in runs[ours_name])
    for name in (n for n in runs if not n.startswith("tokengov")):
        print(f"{ours_name} vs {name}: {statistics.median(v[0] for v in runs[name]) / ours:.2f}x faster, "
              f"{statistics.median(v[1] for v in runs[name]) / ours_memory:.2f}x less memory (medians)")
PY
