#!/usr/bin/env bash
# Benchmark (not a test): `tokengov tokens --user U --can write --status active` against InfluxData's "View tokens"
# recipe (find the user by name with curl | jq, list the user's authorizations, keep the active ones with a write
# permission) on the 100,000-authorization double (100 orgs, 10,000 users), for one user and for ten in a row.
# The recipe repeats its two calls per user; tokengov is given the ten users at once (--user is repeatable).
# tokengov runs as the build output (JIT) and as the Native AOT binary the container ships (tokengov-aot).
# Usage: bash benchmarks/tokens-100k.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet build -c Release -v q -nologo benchmarks/TokenGovernance.Benchmarks >/dev/null
dotnet build -c Release -v q -nologo src/AuditWorker >/dev/null
aot=$(mktemp -d)
dotnet publish -c Release -r linux-x64 -v q -nologo -o "$aot" src/AuditWorker >/dev/null
source benchmarks/start-double.sh
start_double 100000 100 10000 oss27
trap 'stop_double; rm -rf "$aot"' EXIT
tokengov=src/AuditWorker/bin/Release/net10.0/tokengov.dll
export INFLUX_TOKEN; INFLUX_TOKEN=$(cat "$DOUBLE_TOKEN_FILE")
users=(user-00001 user-00002 user-00003 user-00004 user-00005 user-00006 user-00007 user-00008 user-00009 user-00011)
echo "double: $DOUBLE_URL"
curl -sf -o /dev/null -H "Authorization: Token $INFLUX_TOKEN" "${DOUBLE_URL}api/v2/authorizations"   # warm the double

# The recipe of https://docs.influxdata.com/influxdb/v2/admin/tokens/view-tokens/ ("Filter the token list").
list_write_auths() {
  curl -sf "${DOUBLE_URL}api/v2/authorizations?userID=$1" --header "Authorization: Token ${INFLUX_TOKEN}" \
    | jq --arg USER "$1" '.authorizations[] | select((.permissions[] | .action == "write") and (.userID == $USER) and (.status == "active")) | .id' \
    | sort -u
}
find_auth_by_user() {
  user_id=$(curl -sf "${DOUBLE_URL}api/v2/users?name=$1" --header "Authorization: Token ${INFLUX_TOKEN}" | jq -r '.users[0].id')
  list_write_auths "$user_id"
}

seconds() { echo "$2 - $1" | bc; }
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N); recipe_one=$(find_auth_by_user "${users[0]}" | wc -l); end=$(date +%s.%N)
  echo "run $run, 1 user:   recipe $(seconds "$start" "$end") s ($recipe_one tokens)"
  /usr/bin/time -f "run $run, 1 user:   tokengov process wall %e s, peak RSS %M KB" \
    dotnet "$tokengov" tokens --url "$DOUBLE_URL" --user "${users[0]}" --can write --status active --format csv --output /tmp/tokengov-tokens-1.csv 2>&1 | grep "run $run" || true
  echo "run $run, 1 user:   tokengov listed $(($(wc -l </tmp/tokengov-tokens-1.csv) - 1)) tokens"
  /usr/bin/time -f "run $run, 1 user:   tokengov-aot process wall %e s, peak RSS %M KB" \
    "$aot/tokengov" tokens --url "$DOUBLE_URL" --user "${users[0]}" --can write --status active --format csv --output /tmp/tokengov-tokens-1.csv 2>&1 | grep "run $run" || true

  start=$(date +%s.%N); recipe_ten=0
  for user in "${users[@]}"; do recipe_ten=$((recipe_ten + $(find_auth_by_user "$user" | wc -l))); done
  end=$(date +%s.%N)
  echo "run $run, 10 users: recipe $(seconds "$start" "$end") s ($recipe_ten tokens)"
  args=(); for user in "${users[@]}"; do args+=(--user "$user"); done
  /usr/bin/time -f "run $run, 10 users: tokengov process wall %e s, peak RSS %M KB" \
    dotnet "$tokengov" tokens --url "$DOUBLE_URL" "${args[@]}" --can write --status active --format csv --output /tmp/tokengov-tokens-10.csv 2>&1 | grep "run $run" || true
  echo "run $run, 10 users: tokengov listed $(($(wc -l </tmp/tokengov-tokens-10.csv) - 1)) tokens"
  /usr/bin/time -f "run $run, 10 users: tokengov-aot process wall %e s, peak RSS %M KB" \
    "$aot/tokengov" tokens --url "$DOUBLE_URL" "${args[@]}" --can write --status active --format csv --output /tmp/tokengov-tokens-10.csv 2>&1 | grep "run $run" || true

  # Without --user (e.g. --owner personal) tokengov reads every token: the full-read figure, for comparison.
  /usr/bin/time -f "run $run, full read: tokengov tokens --owner personal --can write --status active: wall %e s, peak RSS %M KB" \
    dotnet "$tokengov" tokens --url "$DOUBLE_URL" --owner personal --can write --status active --format csv --output /tmp/tokengov-tokens-all.csv 2>&1 | grep "run $run" || true
done
